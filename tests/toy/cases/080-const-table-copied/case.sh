# A const table is copied (read-only data in lp.o).
lp_contains 'static const int primes\[\] = \{ 2, 3, 5, 7, 4180 \};'
defines primes r
