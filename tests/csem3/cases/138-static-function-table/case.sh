# A static table of static function addresses and a static pointer to one:
# pointers compare equal as in the original (one address per function).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 1 2
