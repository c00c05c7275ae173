/*
 * libFuzzer harness of the report reader (not part of ctest):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Iinclude \
 *     tests/glue/fuzz_report.c src/report_read.c src/util.c src/diag.c -lyaml -o fuzz_report
 *   ./fuzz_report -close_fd_mask=2 -max_len=4096 CORPUS_DIR tests/glue/fixtures
 * (-close_fd_mask=2 silences the reader's error lines.)
 */
#include <stddef.h>
#include <stdint.h>

#include "klp-ccp/report_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct report r;

	report_parse("fuzz", (const char *)data, size, &r);
	report_release(&r);
	return 0;
}
