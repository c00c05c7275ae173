# Function attributes are kept on copied functions.
lp_contains 'static __attribute__\(\(noinline, cold\)\) int slow_path\(int x\)'
defines slow_path t
lp_contains '__builtin_expect\(x > 100, 0\)'
