# A constant from an anonymous enum: that enum is copied, the other one is not.
lp_contains 'MAXV = 4133'
lp_lacks 'UNUSED_CONST_4133'
lp_order 'MAXV = 4133' 'klpp_pu_f'
