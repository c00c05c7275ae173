/*
 * libFuzzer target: the report reader (report_parse, src/report_read.c), as
 * used by "klp-ccp glue". Same harness as tests/glue/fuzz_report.c.
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
