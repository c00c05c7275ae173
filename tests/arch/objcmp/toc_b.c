/* The functions of toc_a.c in the other order. */
extern int ext_a, ext_b;
int get_a(void) { return ext_a; }
int get_b(void) { return ext_b; }
