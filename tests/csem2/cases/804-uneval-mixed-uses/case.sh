# Item 8: a symbol also evaluated gets the ordinary decision (pointer,
# copy); one only named unevaluated and declared by an included header
# needs no declaration of its own.
source "$CASE_DIR/../../lib.sh"
defines klpe_espr_both b
lp_contains 'sizeof\(\(\*klpe_espr_both\)\)'
lp_contains 'static int helper\(int x\) \{ return x \+ 804; \}'
includes '"api.h"'
lp_lacks 'extern int ee_counter;|extern int ee_func'
not_referenced ee_counter
not_referenced ee_func
