# Per-CPU variables are never externalized as pointers (their accessors need the
# symbol itself): plain externalization with a warning.
defines klpp_pu_f T
undefined eup_count
lp_lacks '\(\*\s*eup_count\s*\)'
expect_stderr 'eup_count.*per-CPU'
