# C semantics: patched static inline functions made external keep their
# original lines (__LINE__) and compile with -Wmissing-prototypes, however
# "static inline" is written (see input.c); behaves_same compares the
# __LINE__ values of those a macro writes.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pe_own_line,pe_kernel,pe_mac,pe_named
for t in OWN KERNEL; do same_line $t; done
lp_contains '^int klpp_pe_mac\(int\);'
lp_contains '^DEF_INLINE\(pe_mac\)$'
lp_contains '^extern __typeof__\(pe_mac\) klpp_pe_mac __attribute__\(\(__alias__\("pe_mac"\)\)\);'
defines klpp_pe_mac T
defines klpp_pe_named T
compiles_with -Wmissing-prototypes -Werror
behaves_same pe_own_line 1 -4
behaves_same pe_kernel 2 7
behaves_same pe_mac 0 3
behaves_same pe_named 5 -1
