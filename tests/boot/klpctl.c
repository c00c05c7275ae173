/*
 * klpctl: what the boot test's guest shell cannot do itself (built static,
 * put into the initramfs).
 *   klpctl syslog ACTION [LEN]   syslog(2) (klogctl): prints its return value
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "syslog")) {
		int r = klogctl(atoi(argv[2]), NULL, argc > 3 ? atoi(argv[3]) : 0);

		printf("%d\n", r);
		return r < 0;
	}
	fprintf(stderr, "usage: klpctl syslog ACTION [LEN]\n");
	return 2;
}
