# pe_ on a static __always_inline function where "inline" is the kernel's
# macro (gnu_inline, notrace): static goes, __always_inline stays, so the
# patched copy is emitted out of line (nm T) and, like the running function,
# has no __fentry__ call under -pg -mfentry.
CFLAGS="-O2 -pg -mfentry"
defines klpp_pe_k T
not_referenced __fentry__
lp_contains '^__always_inline int klpp_pe_k\(int x, int y\)'
lp_lacks 'static[^;]*klpp_pe_k'
