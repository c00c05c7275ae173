__attribute__((weak)) int eu_hook_weak(int x) { return x + 106; }
