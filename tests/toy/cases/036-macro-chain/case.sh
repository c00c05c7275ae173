# A macro used through another macro is re-emitted too.
lp_contains '^\s*#\s*define\s+BASE\s+4136'
lp_contains '^\s*#\s*define\s+DOUBLE_BASE\s+\(BASE \* 2\)'
lp_lacks 'UNRELATED'
