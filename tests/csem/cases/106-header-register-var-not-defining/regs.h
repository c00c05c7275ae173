#ifndef REGS_H
#define REGS_H
register unsigned long stack_ptr_reg asm("rsp");
extern int eu_ext_only;
static inline unsigned long regs_sp(void) { return stack_ptr_reg + eu_ext_only; }
#endif
