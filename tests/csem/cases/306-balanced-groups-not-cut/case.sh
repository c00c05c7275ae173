# Groups opened and closed inside copied text (with #elif/#else) inside an
# enclosing group they do not leave: no skeleton is added.
PATCHED=pu_f
defines klpp_pu_f T
lp_lacks 'INPUT_GUARD'
defaults_mode || lp_count '^#[[:space:]]*endif' 1
preprocesses_with -DFAST
