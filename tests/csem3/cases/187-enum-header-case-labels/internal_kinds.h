/* not includable (toy policy): what is needed is copied */
enum color { C_RED = 1 << KIND_BITS, C_BLUE };
#define COLOR_MASK (C_RED | C_BLUE)
