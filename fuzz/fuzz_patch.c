/*
 * libFuzzer target: the unified diff reader of --patch (patch_read,
 * src/patch_read.c). The input is a patch file; every file it names is
 * also stripped as choose_strip does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/patch_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct patch_info pi;

	memcpy(text, data, size);
	text[size] = '\0';	/* read_file's texts end in a NUL */
	memset(&pi, 0, sizeof(pi));
	if (!patch_read("fuzz.patch", text, &pi))
		for (size_t i = 0; i < pi.n; i++)
			for (int strip = 0; strip <= 1; strip++)
				(void)strip_components(pi.files[i].path, strip);
	patch_info_release(&pi);
	free(text);
	return 0;
}
