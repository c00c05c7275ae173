# A macro name made by token pasting (FLAG_##flag with flag = A) is copied
# with the macro that pastes it; the other instance (FLAG_B) is not needed.
defines klpp_pu_f T
lp_contains '^#define FLAG_A 4'
lp_lacks 'FLAG_B|has_b'
