# ps_ on a static inline function: stays static, and inline (README: for
# internal linkage the inline keywords stay).
lp_contains 'static inline int klpp_ps_h\s*\('
lp_contains '4160'
