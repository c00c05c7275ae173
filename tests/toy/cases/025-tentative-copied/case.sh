# Tentative definitions (no initializer) are copied like other object definitions.
lp_contains '^static int tent;'
lp_contains '^int gtent;'
defines tent b
defines gtent B
