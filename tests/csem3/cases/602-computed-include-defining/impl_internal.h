struct impl_s { int k; };
static int impl_run(int x) { struct impl_s s = { x }; return s.k * 3; }
