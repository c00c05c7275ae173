inline int eu_twice(int x) { return 2 * x; }
