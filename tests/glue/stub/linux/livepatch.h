#ifndef STUB_LIVEPATCH_H
#define STUB_LIVEPATCH_H
#include <linux/module.h>
struct klp_func { const char *old_name; void *new_func; unsigned long old_sympos; };
struct klp_object { const char *name; struct klp_func *funcs; };
struct klp_patch { struct module *mod; struct klp_object *objs; bool replace; };
int klp_enable_patch(struct klp_patch *patch);
#endif
