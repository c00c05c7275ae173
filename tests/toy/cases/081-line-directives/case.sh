# Copied text keeps its original line numbers (#line): __LINE__ in the copied
# functions is checked by the static assertions, the rest by markers.
same_line rec
same_line table
same_line helper
same_line pu_f
lp_lacks 'unused_fn'
defines klpp_pu_f T
