# klpp_pu_f and klpp_pu_f1 are both taken: RETRY goes up to 2.
defines klpp_pu_f2 T
defines klpp_pu_f D
defines klpp_pu_f1 D
