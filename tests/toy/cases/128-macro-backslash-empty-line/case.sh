# A macro whose last line ends in a backslash continues into the (empty) next
# line: the copy includes it, so what follows is not glued into the macro.
defines klpp_pu_f T
lp_contains '\(\(a\) \+ \(b\) \+ 4280\)'
