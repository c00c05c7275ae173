/* #pragma GCC diagnostic push/ignored/pop around copied code that would
 * warn (an error under -Werror); the state after the pop is the file's
 * again (a later copied helper gets no exemption it did not have). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-variable"
static int quiet(int x)
{
	int unused_here;

	return x + 1;
}
#pragma GCC diagnostic pop

_Pragma("GCC diagnostic push")
_Pragma("GCC diagnostic ignored \"-Wunused-parameter\"")
static int ignores(int x, int y)
{
	return x * 2;
}
_Pragma("GCC diagnostic pop")

int pu_f(int x)
{
	return quiet(x) + ignores(x, 0);
}
