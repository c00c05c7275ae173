# pe_ on a static inline function whose "inline" is a macro adding gnu_inline
# (the kernel's): static goes, inline stays (a non-static gnu_inline
# definition is emitted out of line, so nm T proves it is defined).
defines klpp_pe_k T
lp_contains '^inline int klpp_pe_k\(int x\)'
lp_lacks 'static[^;]*klpp_pe_k'
