/*
 * The compiler command line kbuild recorded for an object: the
 * "cmd_OBJ := ..." (or "savedcmd_OBJ := ...") line of DIR/.NAME.o.cmd,
 * so that --kbuild-object=DIR/NAME.o replaces "-- <argv>".
 */
#ifndef KLP_CCP_KBUILD_CMD_H
#define KLP_CCP_KBUILD_CMD_H

#include "klp-ccp/util.h"

/* "DIR/.NAME.o.cmd" for obj "DIR/NAME.o" (malloc'ed). */
char *kbuild_cmd_path(const char *obj);

/*
 * The words of obj's compile command, without the tool commands kbuild
 * appends after ';' (objtool, recordmcount), appended to argv. Relative to
 * the current directory, the tree kbuild ran in. -1 on error (printed).
 */
int kbuild_cmd_read(const char *obj, struct strlist *argv);

/* Split one kbuild command (make escapes already undone) at shell quoting. */
int kbuild_cmd_split(const char *cmd, struct strlist *argv, const char **why);

#endif
