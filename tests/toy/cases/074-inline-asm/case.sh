# Inline asm (with operands and clobbers) is copied verbatim.
lp_contains 'asm volatile\("" : "\+r"\(v\) : : "memory"\);'
lp_contains '__asm__ __volatile__\("nop"\);'
lp_contains 'static inline unsigned long barrier_val'
