# Item 8: what only sizeof, _Alignof and typeof name is declared under its
# own name: no copy (helper), no pointer (espr_g, espr_obj), no rename
# (eur_sh), and lp.o has no relocation to any of them.
source "$CASE_DIR/../../lib.sh"
declares_only helper
declares_only espr_g
declares_only tab
declares_only espr_obj
declares_only eur_sh
declares_only ee_glob
lp_lacks 'return x \+ 1;'
# a parenthesized initializer is evaluated, whatever the type's name says
lp_contains 'static int used\(int x\) \{ return x \* 4; \}'
same_results pu_f 7
