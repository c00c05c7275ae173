# C semantics: A macro's static flag in a statement expression stays private (one per expansion).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_once
lp_contains '^#define ONCE_VALUE'
compiles_with -Wall -Werror
