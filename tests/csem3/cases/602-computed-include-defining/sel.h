#define IMPL_HDR "impl_internal.h"
