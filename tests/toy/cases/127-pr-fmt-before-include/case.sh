# A header macro expands pr_fmt, which the .c file defines before including it:
# that definition comes along, before the #include.
defines klpp_pu_hello T
lp_order '^#define pr_fmt\(fmt\) "mod4270: " fmt' '^#include "p.h"'
