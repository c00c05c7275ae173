# The defining header is reached through a macro (#include STATE_HDR) under
# a macro-tested #if: still not #included, its definitions externalized.
PATCHED=pu_f
lp_lacks '#[[:space:]]*include.*(STATE_HDR|state\.h)'
undefined eu_state_reset
undefined eu_state_tbl
lp_contains 'define STATE_MAX 16'
