# A function the unit only declares, with a one-argument assume_aligned (as
# the kernel's __assume_kmalloc_alignment) and cold: lp.c's declaration of
# the externalized function carries the attributes GCC uses at call sites,
# read from libclang's printing of the declaration, which crashed (libclang
# 16) on the one-argument assume_aligned.
PATCHED=pu_f
undefined get_buf
# the defaults declare it themselves (the toy policy copies its prototype)
if defaults_mode; then lp_contains 'extern .*__cold__.*get_buf'; else lp_contains '__cold__'; fi
defines klpp_pu_f T
