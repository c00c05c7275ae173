# Statement expressions and typeof (in code and in a re-emitted macro) survive.
lp_contains '#\s*define\s+max_t\(a, b\) \(\{ typeof\(a\) _a'
lp_contains 'typeof\(x\) z = max_t\(x, y\);'
lp_contains '\(\{ int w = 4173; w; \}\)'
