# C99 inline: the header's inline definition becomes external through the
# .c file's extern declaration: lp.o must not define eu_twice again.
# helper_inl is an inline definition only (no symbol anywhere).
source "$CASE_DIR/../../lib.sh"
csem3_case
CFLAGS="-std=gnu11 -O2 -Wall -Werror=implicit-function-declaration"
PATCHED=pu_f
not_defined eu_twice
compiles_with -O0
behaves_with main.c
