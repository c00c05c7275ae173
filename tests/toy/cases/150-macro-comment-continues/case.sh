# A macro whose last line opens a comment that goes on over the next lines:
# copied without the comment (the rest of it would be code to GCC).
CFLAGS="-O2 -Wall -Werror"
lp_contains '^#define FLAG_A[[:space:]]+0x10$'
lp_contains '^#define FLAG_B[[:space:]]+0x20 /\* one line \*/$'
lp_contains '^#define FLAG_C[[:space:]]+"/\* not a comment \*/"$'
lp_lacks 'goes on|inside:'
defines klpp_pu_f T
