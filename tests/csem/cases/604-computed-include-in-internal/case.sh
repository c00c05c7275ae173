# A computed #include inside a non-includable header (toy policy): the
# header it resolved to is included, before what uses it.
PATCHED=pu_f
CFLAGS="$CFLAGS -Iinclude"
defines klpp_pu_f T
lp_lacks 'typedef struct \{ int id; \} plat_t;'
