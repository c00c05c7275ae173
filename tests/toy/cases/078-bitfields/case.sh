# Bit-fields (named, unnamed, zero width) are copied as written.
lp_contains 'unsigned mode : 3;'
lp_contains 'signed level4178 : 4;'
lp_contains 'unsigned : 0;'
