#define UNUSED_HERE 1
