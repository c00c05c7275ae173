int pu_g(int x);
