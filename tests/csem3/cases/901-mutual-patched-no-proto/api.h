int pu_even(int x);
int pu_odd(int x);
