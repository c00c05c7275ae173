/* tests/verify/run.sh shared: init's key is an empty object (as a lockdep
 * __key.N without CONFIG_LOCKDEP): of size 0, it shares its place in .bss
 * with tab, and the reference to it is made to the section at that place. */
struct empty {};
void use_key(struct empty *);
static int tab[4];

void init(void)
{
	static struct empty key;

	use_key(&key);
}

int *tab_ref(void)
{
	return tab;
}
