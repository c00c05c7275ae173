# A livepatch must not register its copies: ALLOW_ERROR_INJECTION inside a
# copied macro (as SYSCALL_DEFINE has it) is silenced like EXPORT_SYMBOL.
defines klpp_pu_close T
not_defined _eil_addr_pu_close
not_defined _eil_addr_klpp_pu_close
lp_contains '#define ALLOW_ERROR_INJECTION\(\.\.\.\)'
