# The cut group's #if tests macros of the .c file that the copied text does
# not use otherwise: they are defined before the skeleton, which chooses the
# same branch (else v is undeclared).
PATCHED=pu_f
defines klpp_pu_f T
lp_order 'define ARCH_BITS 64' '^#if USE_LONG'
lp_order 'define USE_LONG' '^#if USE_LONG'
