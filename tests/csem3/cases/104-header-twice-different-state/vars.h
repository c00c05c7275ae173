#ifdef DEFINE_VARS
#define VAR(t, n, v) t n = v
#else
#define VAR(t, n, v) extern t n
#endif
VAR(int, eu_v_count, 10);
VAR(int, eu_v_limit, 104);
#undef VAR
