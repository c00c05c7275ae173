/* Not includable (toy policy): its macros are re-emitted in lp.c. */
#define STR_1(x) #x
#define STR(x) STR_1(x)
#define PASTE_1(a, b) a##b
#define PASTE(a, b) PASTE_1(a, b)
/* bodies that name the renamed function and the pointer object */
#define HDR_NAME() STR(pu_h)
#define HDR_CALL(v) (pu_h(v) + (int)sizeof(STR(pu_h)))
#define HDR_PLAIN(v) (pu_h(v) + 2)
#define HDR_OBJ() (eepr_obj + (int)sizeof(STR(eepr_obj)) * 100)
