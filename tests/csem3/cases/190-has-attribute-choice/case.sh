# C semantics: __has_attribute/__has_builtin answered as GCC does.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
CFLAGS="$CFLAGS -Wimplicit-fallthrough -Werror"
behaves_same pu_f 0 1 4 5 2
