# klpp_pu_f is taken (by a copied object): the hook is asked again, RETRY=1.
defines klpp_pu_f1 T
defines klpp_pu_f D
lp_contains 'klpp_pu_f1\s*\('
lp_contains 'int klpp_pu_f = 4151;'
