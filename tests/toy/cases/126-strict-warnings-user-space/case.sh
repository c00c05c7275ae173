# User-space builds with -Wmissing-prototypes -Wredundant-decls -Werror: the
# patched function gets a prototype, a symbol the header declares is not
# declared again.
CFLAGS="-std=gnu11 -O2 -Wall -Wmissing-prototypes -Wmissing-declarations -Wredundant-decls -Wstrict-prototypes -Werror"
defines klpp_pu_entry T
undefined eu_lib
lp_count '^int klpp_pu_entry\(int x\);$' 1
lp_count 'eu_lib\(int' 0
