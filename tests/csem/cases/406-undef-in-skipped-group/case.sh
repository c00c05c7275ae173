# #undef lines in groups the preprocessor skipped (or in comments) are not
# replayed.
PATCHED=pu_f
defines klpp_pu_f T
lp_lacks '^#[[:space:]]*undef[[:space:]]+LVL'
