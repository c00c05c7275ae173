# C semantics: #pragma GCC diagnostic push/pop (and _Pragma) around copied
# functions: lp.c compiles with -Werror as the original does.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
CFLAGS="$CFLAGS -Wall -Wextra -Werror"
lp_contains 'pragma GCC diagnostic ignored "-Wunused-variable"'
lp_order 'diagnostic ignored "-Wunused-variable"' 'static int quiet'
behaves_same pu_f 1 5
