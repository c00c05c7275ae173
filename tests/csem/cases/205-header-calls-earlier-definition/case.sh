# A header reached through another one calls a static function the .c file
# defines (not only declares) before the #include, and expands its macros:
# the function is copied (toy policy) or externalized (defaults: noinline,
# so the running binary has it) before it.
PATCHED=pu_f
CFLAGS="$CFLAGS -Iinclude"
includes '<outer.h>'
lp_order 'define BASE_EXTRA' '#include <outer.h>'
lp_order 'define BASE_PART' '#include <outer.h>'
lp_order 'base_value\(void\)' '#include <outer.h>'
if defaults_mode; then undefined base_value; else defines base_value t; fi
