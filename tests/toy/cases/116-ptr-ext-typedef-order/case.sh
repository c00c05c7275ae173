# Pointers for externalized symbols whose types are typedefs of the file come
# after those typedefs (lp.c compiles), including an anonymous struct typedef.
defines klpe_espr_cnt b
defines klpe_espr_anon b
defines klpe_espr_get b
lp_order 'typedef unsigned long counter_t;' 'klpe_espr_cnt\s*;'
lp_order 'anon_t;' 'klpe_espr_anon\s*;'
lp_order 'anon_t;' '\(\s*\*\s*klpe_espr_get\s*\)\s*\('
