/* tests/verify/run.sh immediate: WARN_ONCE-like flags, one per function, in
 * one section: first's flag is at offset 1 of .data.once here (GCC places
 * them in reverse order), at offset 0
 * in lp.c's build. "cmpb $0, flag(%rip)" and "movb $1, flag(%rip)" have an
 * immediate after the RIP-relative field, so the addend is -5, not -4. */
void report(int);
static char __attribute__((section(".data.once"))) done_first;
static char __attribute__((section(".data.once"))) done_second;

void first(int x)
{
	if (x > 100 && !done_first) {
		done_first = 1;
		report(x);
	}
}

void second(int x)
{
	if (x < -100 && !done_second) {
		done_second = 1;
		report(x);
	}
}
