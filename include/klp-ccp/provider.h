/* Which header provides a file's contents (src/provider.c). */
#ifndef KLP_CCP_PROVIDER_H
#define KLP_CCP_PROVIDER_H

#include "klp-ccp/model.h"
#include "klp-ccp/policy.h"

/*
 * File to #include to get the contents of file, PROVIDER_BUILTIN when the
 * contents are there without any #include (command line -include, GCC's
 * predefines), PROVIDER_NONE when what is needed must be copied from it.
 * Returns PROVIDER_FAILED when the policy hook failed.
 */
enum { PROVIDER_NONE = -1, PROVIDER_BUILTIN = -2, PROVIDER_FAILED = -3 };
int header_provider(struct model *m, struct policy *pol, int file);

#endif
