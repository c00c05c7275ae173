# __attribute__((alias)) definitions are definitions: lp.o must not define
# the aliases (or their targets) again.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_impl_alias
not_defined eu_st_alias
behaves_same pu_f 0 2
