# Flexible array members and GNU zero-length arrays survive.
lp_contains 'char data\[\];'
lp_contains 'int z4177\[0\];'
