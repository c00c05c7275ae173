# pe_ on a static inline function: external and without inline (an external
# inline definition would emit no symbol, so nm T proves inline is gone).
defines klpp_pe_g T
lp_lacks '\binline\b[^;]*klpp_pe_g'
lp_lacks 'static[^;]*klpp_pe_g'
