/* Module.symvers: the symbols exported to modules. */
#ifndef KLP_CCP_SYMVERS_H
#define KLP_CCP_SYMVERS_H

#include "klp-ccp/util.h"

/* Append every exported symbol of path to names. 0 or -1 (diagnosed). */
int symvers_names(const char *path, struct strlist *names);

#endif
