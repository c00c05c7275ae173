/* verify/funcname: who() names itself through __func__; GCC keeps the name
 * in an object __func__.N, lp.c's renamed klpp_who spells it "who". */
extern void say(const char *s);

int who(int x)
{
	if (x > 1)
		say(__func__);
	return x * 3;
}
