# pe_ asks for external linkage, but "static" comes from the macro body: the
# function keeps its (static) name and klpp_pe_get_1 becomes a global alias.
defines klpp_pe_get_1 T
defines pe_get_1 t
lp_contains 'klpp_pe_get_1 __attribute__\(\(__alias__\("pe_get_1"\)\)\)'
