/* clamp.h for its users, found through -I.: they do not include it themselves */
#include <clamp.h>
