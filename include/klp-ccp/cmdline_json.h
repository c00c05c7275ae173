/*
 * The original compiler command line from a file holding it as a JSON array
 * of strings (--cmdline-json=FILE; the kernel corpus' cmdlines/ and batch
 * job lists use that format), so that a batch job starts klp-ccp directly.
 */
#ifndef KLP_CCP_CMDLINE_JSON_H
#define KLP_CCP_CMDLINE_JSON_H

#include "klp-ccp/util.h"

/* The strings of the array in path, appended to argv; -1 on error (printed). */
int cmdline_json_read(const char *path, struct strlist *argv);

#endif
