int eu_lib(int x);
int pu_entry(int x);
