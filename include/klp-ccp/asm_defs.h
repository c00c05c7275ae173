/* Symbols file-scope asm statements define (asm_defs.c). */
#ifndef KLP_CCP_ASM_DEFS_H
#define KLP_CCP_ASM_DEFS_H

#include <stdbool.h>
#include <clang-c/Index.h>

/* Does a file-scope asm statement of tu define the label name? */
bool asm_defines(CXTranslationUnit tu, const char *name);

#endif
