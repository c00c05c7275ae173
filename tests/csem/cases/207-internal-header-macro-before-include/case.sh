# A non-includable header (toy policy) defines a macro and a function, then
# includes a header that tests the macro and calls the function, then
# #undefs the macro: lp.c defines both before the #include and #undefs after.
PATCHED=pu_f
CFLAGS="$CFLAGS -Iinclude"
defines klpp_pu_f T
if ! defaults_mode; then
	includes '<feat.h>'
	lp_order 'define FEAT_LEVEL 3' '#include <feat.h>'
	lp_order 'feat_extra\(void\)' '#include <feat.h>'
	lp_order '#include <feat.h>' '#undef FEAT_LEVEL'
fi
