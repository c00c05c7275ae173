# Functions not reachable from the patched function are not in lp.c.
defines used_helper t
not_referenced unused_helper
not_referenced other
not_referenced klpr_other
lp_lacks '4103'
lp_lacks '\bunused_helper\b'
lp_lacks '\bother\s*\('
