static int deeper_level(int x) { return x * 100 + __INCLUDE_LEVEL__; }
