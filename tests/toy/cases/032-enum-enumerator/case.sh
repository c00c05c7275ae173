# Using an enumerator pulls in its enum; other enums stay out.
lp_contains 'enum color \{'
lp_contains 'RED = 4132'
lp_lacks 'CIRCLE_4132'
lp_lacks 'enum shape'
lp_order 'enum color' 'klpp_pu_f'
