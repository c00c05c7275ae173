/* toc_b.c defines the same functions in the other order: their .toc entries swap. */
extern int ext_a, ext_b;
int get_b(void) { return ext_b; }
int get_a(void) { return ext_a; }
