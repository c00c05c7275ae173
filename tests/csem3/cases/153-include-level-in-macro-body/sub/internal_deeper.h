static int deeper_level(int x) { return x * 100 + SCALED(HERE()) * 10000; }
