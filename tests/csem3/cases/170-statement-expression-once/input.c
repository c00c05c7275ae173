/* A statement expression declaring a static flag in a macro (WARN_ONCE
 * style): lp.c's copy has its own flag, as every expansion has its own. */
#define ONCE_VALUE(v) ({ static int __done; int __r = __done ? 0 : (v); __done = 1; __r; })

int pu_once(int x)
{
	return ONCE_VALUE(x + 100) + x;
}
