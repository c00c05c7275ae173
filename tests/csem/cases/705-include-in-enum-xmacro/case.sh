# An X-macro file included inside an enum and inside an initializer, with
# OP redefined between them and an #if inside: both #includes stay in
# place, each sees its own OP and WITH_SEEK.
PATCHED=pu_f
defines klpp_pu_f T
lp_count '#[[:space:]]*include "ops.def"' 2
lp_order 'define WITH_SEEK 1' 'enum op \{'
lp_order 'define OP\(n\) OP_##n,' 'enum op \{'
