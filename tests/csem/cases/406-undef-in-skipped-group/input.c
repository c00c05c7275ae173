#define LVL 4
#define OFF 0
#if OFF
#undef LVL
#endif
#ifdef NOT_SET
# undef LVL
#else
/* an #undef in a comment: #undef LVL */
#endif

int pu_f(void)
{
	return LVL;
}
