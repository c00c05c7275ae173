# #include MACRO: the macro comes first, or the header is named directly.
PATCHED=pu_f
defines klpp_pu_f T
lp_contains '#[[:space:]]*include'
lp_lacks 'struct cfg \{'
