# Computed #include of system headers.
PATCHED=pu_f
defines klpp_pu_f T
lp_lacks 'typedef.*size_t'
# found in the compiler's own directories: written as <NAME>
includes '<stddef.h>'
includes '<limits.h>'
