# A function-local static named eu_ is externalized: no definition, an
# undefined symbol: GCC's eu_hits.N (from compiling the original: no facts).
lp_lacks '4123'
lp_contains 'extern int eu_hits_([0-9]+) __asm__\("eu_hits\.\1"\);'
lp_contains '\+\+\s*eu_hits_[0-9]+'
defer check_undefined_static eu_hits
check_undefined_static() {
	nm "$H/lp.o" | grep -Eq "^ +U $1\.[0-9]+$" || fail "lp.o: no undefined $1.N"
}
