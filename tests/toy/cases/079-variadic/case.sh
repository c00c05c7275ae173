# A variadic helper is copied; <stdarg.h> is included for va_list.
defines sum t
lp_contains 'static int sum\(int n, \.\.\.\)'
includes '<stdarg.h>'
lp_lacks '#\s*define\s+va_start'
