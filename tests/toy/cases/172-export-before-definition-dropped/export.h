#define EXPORT_SYMBOL(sym) extern __typeof__(sym) sym; int *__ksym_##sym = (int *)&sym
