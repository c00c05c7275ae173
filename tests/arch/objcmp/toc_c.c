/* get_a of toc_a.c reading the other variable. */
extern int ext_a, ext_b;
int get_b(void) { return ext_b; }
int get_a(void) { return ext_b; }
