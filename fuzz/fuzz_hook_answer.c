/*
 * libFuzzer target: the hook answer parser. The input is a hook's standard
 * output, judged as the answer of every hook (each has its answer set).
 */
#include <stdint.h>
#include <stdlib.h>

#include "klp-ccp/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int hook = 0; hook < HOOK_COUNT; hook++) {
		char *answer = NULL;
		char *failure = policy_judge_output((enum hook_id)hook, (const char *)data, size,
						    &answer);

		free(failure);
		free(answer);
	}
	return 0;
}
