# C semantics: block-scope tags, one shadowing a file-scope tag.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_count '^struct pt \{ int x, y; \};' 1
behaves_same pu_f 1 2 300
