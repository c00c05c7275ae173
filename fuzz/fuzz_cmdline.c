/*
 * libFuzzer target: the original compiler command line parser
 * (gcc_cmdline_parse, src/gcc_cmdline.c), response files included.
 *
 * Input: ARGV [ "\n%%RSP%%\n" RESPONSE-FILE ]. ARGV is split at NUL bytes and
 * newlines into arguments; RESPONSE-FILE, when present, is written to r.rsp in
 * the scratch directory (the working directory), so "@r.rsp" in ARGV (or in
 * r.rsp itself) reads it. The scratch directory also holds a.c, b.c, inc.h
 * and empty.rsp, so inputs can get past the input-file checks.
 */
#include <stdint.h>

#include "fuzz_common.h"
#include "klp-ccp/gcc_cmdline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static const char SEP[] = "\n%%RSP%%\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_scratch_dir();
	setenv("PATH", "/usr/bin:/bin", 1);	/* compiler look-ups: a short, usual PATH */
	fuzz_write("a.c", "int a;\n", 7);
	fuzz_write("b.c", "int b;\n", 7);
	fuzz_write("inc.h", "#define X 1\n", 12);
	fuzz_write("empty.rsp", "", 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *sep = memmem(text, size, SEP, sizeof(SEP) - 1);
	size_t argv_len = sep ? (size_t)(sep - text) : size;
	char *buf = malloc(argv_len + 1), **argv = malloc((argv_len + 2) * sizeof(char *));
	const char *compiler_opt = NULL;
	struct gcc_cmdline cl;
	int argc = 0;

	fuzz_open_budget = 50;
	if (sep)
		fuzz_write("r.rsp", sep + sizeof(SEP) - 1, size - argv_len - (sizeof(SEP) - 1));
	else
		unlink("r.rsp");
	memcpy(buf, text, argv_len);
	buf[argv_len] = 0;
	for (size_t i = 0, start = 0; i <= argv_len; i++) {
		if (i == argv_len || buf[i] == '\n' || buf[i] == '\0') {
			if (i == argv_len && start == i && argc)
				break;	/* no empty trailing argument for a final newline */
			buf[i] = 0;
			argv[argc++] = buf + start;
			start = i + 1;
		}
	}
	/* "-c=VALUE" as the first argument: klp-ccp's own --compiler option. */
	if (argc && !strncmp(argv[0], "-c=", 3))
		compiler_opt = argv[0] + 3, argv++, argc--;
	argv[argc] = NULL;
	if (gcc_cmdline_parse(argc, argv, compiler_opt, &cl) == 0)
		gcc_cmdline_release(&cl);
	if (compiler_opt)
		argv--;
	free(argv);
	free(buf);
	return 0;
}
