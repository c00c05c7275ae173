# Item 8: typeof of function designators (a declaration's type, the
# arguments of __builtin_types_compatible_p) names them without evaluating:
# declared only. An extern gnu_inline definition is not emitted out of
# line: lp.o must not define eu_gi.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_lacks 'impl_a\(int x\) \{'
lp_lacks 'impl_b\(int x\) \{'
lp_lacks 'impl_c\(long x\) \{'
not_defined eu_gi
behaves_with main.c
