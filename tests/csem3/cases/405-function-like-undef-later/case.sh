# C semantics: a function-like macro #undef'd (or redefined object-like)
# later in the unit is function-like where the copied code invokes it: # of
# a renamed patched function keeps the original name.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,pu_g
lp_lacks 'NAMED\(klpp_pu_g'
lp_lacks '"klpp_pu_g"'
behaves_same pu_f 1 5
