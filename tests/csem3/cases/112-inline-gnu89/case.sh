# gnu89 inline semantics: lp.o must not define the external eu_plain (the
# original does) nor eu_fast; both stay references or inline-only.
source "$CASE_DIR/../../lib.sh"
csem3_case
CFLAGS="-std=gnu89 -O2 -Wall -Werror=implicit-function-declaration"
PATCHED=pu_f
not_defined eu_plain
behaves_with main.c
