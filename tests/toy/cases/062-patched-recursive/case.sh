# A recursive patched function calls itself under the new name.
defines klpp_pu_fact T
not_referenced pu_fact
lp_contains 'n \* klpp_pu_fact\(n - 1\)'
