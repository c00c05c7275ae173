# _Generic associations other than the selected one are not evaluated,
# also when their expressions have the selection's type: the written type
# names tell which one is selected (keyword order, qualifiers of the
# controlling lvalue, pointers, tags, arrays decaying, default). Only the
# selected callees are copied; the others are declared only.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_lacks 'from_ulong\(unsigned long v\) \{'
lp_lacks 'from_short\(short v\) \{'
not_referenced from_ulong
not_referenced from_short
if ! defaults_mode; then
	lp_contains 'from_int\(int v\) \{'
	lp_contains 'from_long\(long v\) \{'
	lp_contains 'from_other\(double v\) \{'
	lp_contains 'from_str\(const char \*s\) \{'
fi
behaves_same pu_f 0 1
