# __VA_OPT__ in macros the copied code invokes, with a renamed name
# stringized through it: the strings are the original's.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,pu_helper
CFLAGS="-std=gnu2x -O2 -Wall -Werror=implicit-function-declaration"
behaves_same pu_f 0 1
