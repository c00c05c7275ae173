# C semantics: A compound literal holding a static function's address: the running one.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_run
undefined eu_triple
behaves_same pu_run 1 4
