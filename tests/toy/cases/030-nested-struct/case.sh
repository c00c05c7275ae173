# A struct member of struct type pulls in that definition (first); a pointer
# member to another struct does not.
lp_contains 'struct inner \{'
lp_contains 'struct outer \{'
lp_order 'struct inner \{' 'struct outer \{'
lp_lacks 'other_member_4130'
