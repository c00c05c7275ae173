# __LINE__ reached through a macro at a copied use site keeps the original line
# (the static assertions compile only if it does).
defines helper t
lp_contains '#\s*define\s+WHERE\(\)\s+__LINE__'
