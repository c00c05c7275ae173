int g(int x);
int n(int x);
