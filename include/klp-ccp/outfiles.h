/* Writing the output files of a run: all of them, or none. */
#ifndef KLP_CCP_OUTFILES_H
#define KLP_CCP_OUTFILES_H

#include <stdbool.h>
#include <stddef.h>

#include "klp-ccp/util.h"

/*
 * Write each text to its path via temporary files renamed only once all are
 * written; a rename that fails puts back what the earlier ones replaced, so
 * nothing changes and nothing is left behind on failure.
 */
int write_files_atomically(const char *const *paths, const struct strbuf *texts, size_t n);

/* Whether a and b name one file: the same inode, or the same name in the same directory. */
bool same_destination(const char *a, const char *b);

#endif
