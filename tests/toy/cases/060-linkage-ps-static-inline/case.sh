# ps_ on a static inline function: stays static.
lp_contains 'static[^;]*klpp_ps_h\s*\('
lp_contains '4160'
