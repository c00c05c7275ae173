# A computed #include through nested function-like macros and stringizing.
PATCHED=pu_f
CFLAGS="$CFLAGS -Iinclude"
defines klpp_pu_f T
lp_contains '#[[:space:]]*include'
lp_lacks 'return x \^ 5'
