# C semantics: the address of a patched function taken in patched code
# names the running original (externalized like any function whose address
# is taken), direct calls the patched one.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_t_ident,pu_t_handler,ps_ee_handler,pu_ee_cb
ARGS=(--report=report.yaml)
lp_contains 'ee_registered == ps_ee_handler '
lp_contains 'mine = pu_ee_cb;'
lp_contains '&pu_ee_cb == ee_cbs'
lp_contains 'pick\(ee_cbs\[1\], ps_ee_handler\)'
lp_contains 'return klpp_ps_ee_handler\(x\) \+ \(\*klpp_pu_ee_cb\)\(x\)'
lp_contains 'klpp_pu_t_handler\(x\);'
undefined ps_ee_handler
undefined pu_ee_cb
report_count '^- name: (ps_ee_handler|pu_ee_cb)$' 2
behaves_same pu_t_ident -3 0 4
