/*
 * The run on a thread with a large stack (bigstack.h). A SIGSEGV whose
 * address is at the end of that stack is its exhaustion: reported from an
 * alternate signal stack.
 */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "klp-ccp/bigstack.h"
#include "klp-ccp/cleanup.h"

#define GUARD_SLACK ((uintptr_t)1 << 20)	/* a frame may jump past the guard page */

struct job {
	int (*fn)(void *);
	void *arg;
	sigset_t mask;		/* the caller's, before the fatal signals were blocked */
	int rc;
};

static uintptr_t stack_low;	/* lowest address of the big stack */
static size_t stack_mib = BIGSTACK_MIB;
static void (*fatal_hook)(void);

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	static const char msg[] =
		"klp-ccp: error: the input nests too deeply: the parser ran out of its stack "
		"(KLP_CCP_STACK_MIB, default 1024 MiB)\n";
	uintptr_t a = (uintptr_t)si->si_addr;

	(void)uc;
	/*
	 * libclang's handler, outside a parse, passes the fault on with raise():
	 * returning re-executes the faulting access, which reports its address.
	 */
	if (si->si_code <= 0 && sig == SIGSEGV)
		return;
	if (fatal_hook)
		fatal_hook();
	if (stack_low && a + GUARD_SLACK >= stack_low && a < stack_low + GUARD_SLACK) {
		if (write(2, msg, sizeof(msg) - 1) < 0)
			_exit(1);
		_exit(1);
	}
	signal(sig, SIG_DFL);	/* another crash: as it was */
	raise(sig);
}

/* SIGSEGV handled on an alternate stack of this thread. */
static void catch_overflow(void)
{
	/* mapped, not static: ASan unmaps a thread's alternate stack at its exit */
	size_t size = 1 << 20;	/* libclang's crash handler runs there too */
	void *alt = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	stack_t ss = { .ss_sp = alt, .ss_size = size };
	struct sigaction sa;

	if (alt == MAP_FAILED)
		return;
	if (sigaltstack(&ss, NULL)) {
		munmap(alt, size);
		return;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
}

void bigstack_libclang_ready(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };

	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction sa;

		if (sigaction(sigs[i], NULL, &sa) || (sa.sa_flags & SA_ONSTACK) ||
		    !(sa.sa_flags & SA_SIGINFO ? (void *)sa.sa_sigaction != NULL :
		      sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN))
			continue;
		sa.sa_flags |= SA_ONSTACK;
		sigaction(sigs[i], &sa, NULL);
	}
}

static void *job_main(void *p)
{
	struct job *j = p;
	pthread_attr_t attr;
	void *addr;
	size_t size;

	if (!pthread_getattr_np(pthread_self(), &attr)) {
		if (!pthread_attr_getstack(&attr, &addr, &size))
			stack_low = (uintptr_t)addr;
		pthread_attr_destroy(&attr);
	}
	catch_overflow();
	pthread_sigmask(SIG_SETMASK, &j->mask, NULL);
	j->rc = j->fn(j->arg);
	return NULL;
}

int run_on_big_stack(int (*fn)(void *), void *arg, void (*on_fatal)(void))
{
	struct job j = { fn, arg, { { 0 } }, 0 };
	pthread_attr_t attr;
	pthread_t t;
	int err;

	const char *mib = getenv("KLP_CCP_STACK_MIB");

	if (mib && atoi(mib) >= 1)
		stack_mib = (size_t)atoi(mib);
	fatal_hook = on_fatal;
	/* libclang parses on the calling thread, not on an 8 MiB one of its own */
	setenv("LIBCLANG_NOTHREADS", "1", 1);
	cleanup_block(&j.mask);	/* fatal signals go to the job's thread */
	pthread_attr_init(&attr);
	err = pthread_attr_setstacksize(&attr, stack_mib << 20);
	if (!err)
		err = pthread_create(&t, &attr, job_main, &j);
	pthread_attr_destroy(&attr);
	if (err) {
		cleanup_unblock(&j.mask);
		return fn(arg);
	}
	pthread_join(t, NULL);
	cleanup_unblock(&j.mask);
	return j.rc;
}
