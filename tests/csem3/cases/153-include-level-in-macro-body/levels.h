/* includable: lp.c #includes it, its macros come with it */
#define DEPTH_NOW (__INCLUDE_LEVEL__ + 0)
#define SCALED(x) ((x) * 10 + DEPTH_NOW)
