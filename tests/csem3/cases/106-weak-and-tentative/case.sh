# A weak definition in a header and tentative definitions: the running
# copies are used, lp.o defines none of them.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_hook_weak
not_defined eu_t_count
behaves_same pu_f 1 2 3
