int eup_f(int x);
