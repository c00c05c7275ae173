/*
 * A user-space "kernel" for the generated livepatch.c and klp_ccp_kallsyms.c
 * (glue test generate-three): kprobes, kallsyms and module notifiers over a
 * small symbol table; loads the patch, then loads and unloads module ext4.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <linux/kprobes.h>
#include <linux/livepatch.h>
#include <linux/module.h>

struct module __this_module = { "multi_lp" };
static struct module ext4 = { "ext4" };
static int ext4_loaded;
static struct notifier_block *notifier;

struct sym { struct module *mod; const char *name; unsigned long addr; };
static const struct sym syms[] = {
	{ NULL, "jiffies_helper", 0x1000 },
	{ NULL, "ext4_es_cache", 0x1100 },
	{ NULL, "helper_dup", 0x1200 },
	{ &ext4, "ext4_es_cache", 0x2000 },
	{ &ext4, "ext4_write_begin", 0x2100 },
	{ &ext4, "ext4_es_cache", 0x2200 },
	{ &ext4, "ext4_es_cache", 0x2300 },
};

typedef int (*each_cb)(void *, const char *, struct module *, unsigned long);

static int each(int modules, each_cb fn, void *data)
{
	for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		int ret;

		if (!syms[i].mod != !modules || (syms[i].mod == &ext4 && !ext4_loaded))
			continue;
		ret = fn(data, syms[i].name, syms[i].mod, syms[i].addr);
		if (ret)
			return ret;
	}
	return 0;
}

static int fake_vmlinux_each(each_cb fn, void *data) { return each(0, fn, data); }
static int fake_module_each(each_cb fn, void *data) { return each(1, fn, data); }

static unsigned long fake_lookup_name(const char *name)
{
	if (!strcmp(name, "kallsyms_on_each_symbol"))
		return (unsigned long)fake_vmlinux_each;
	if (!strcmp(name, "module_kallsyms_on_each_symbol"))
		return (unsigned long)fake_module_each;
	return 0;
}

int register_kprobe(struct kprobe *kp)
{
	if (strcmp(kp->symbol_name, "kallsyms_lookup_name"))
		return -ENOENT;
	kp->addr = (void *)fake_lookup_name;
	return 0;
}

void unregister_kprobe(struct kprobe *kp) { }

int register_module_notifier(struct notifier_block *nb) { notifier = nb; return 0; }
int unregister_module_notifier(struct notifier_block *nb) { notifier = NULL; return 0; }

int _printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	return 0;
}

int klp_enable_patch(struct klp_patch *patch)
{
	for (struct klp_object *o = patch->objs; o->funcs; o++)
		for (struct klp_func *f = o->funcs; f->old_name; f++)
			printf("patch %s %s,%lu new_func=%s\n", o->name ? o->name : "vmlinux",
			       f->old_name, f->old_sympos, f->new_func ? "set" : "NULL");
	return 0;
}

/* The plain externalizations: klp relocations in a real kernel. */
int ext4_plain_fn(int x);
void mark_inode_dirty_x(void *p);
int helper_dup(void);
int ext4_plain_fn(int x) { return x; }
void mark_inode_dirty_x(void *p) { }
int helper_dup(void) { return 0; }

#include "klp_ccp_glue.h"

static void show(const char *when)
{
	struct klp_ccp_reloc *tables[] = { klp_ccp_relocs_lp_fs_ext4_inode,
					   klp_ccp_relocs_lp_fs_ext4_inode_2 };

	for (size_t t = 0; t < 2; t++)
		for (struct klp_ccp_reloc *r = tables[t]; r->name; r++)
			printf("%s: %s %s,%lu = %#lx\n", when, r->objname ? r->objname : "vmlinux",
			       r->name, r->sympos, (unsigned long)*r->addr);
}

int init_module(void);
void cleanup_module(void);

int main(void)
{
	int ret = init_module();

	printf("init %d\n", ret);
	show("loaded");
	ext4_loaded = 1;
	printf("coming %#x\n", notifier->notifier_call(notifier, MODULE_STATE_COMING, &ext4));
	show("ext4 live");
	notifier->notifier_call(notifier, MODULE_STATE_GOING, &ext4);
	show("ext4 gone");
	cleanup_module();
	printf("notifier %s\n", notifier ? "left" : "removed");
	return 0;
}
