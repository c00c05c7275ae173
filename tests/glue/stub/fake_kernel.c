/*
 * A user-space "kernel" for the generated livepatch.c and lp_*.c (glue test
 * generate-three): it defines the symbols the module references under the
 * names the objects use (what klp relocations resolve in a real kernel),
 * loads the patch and calls the new functions, which reach the "running"
 * objects through pointer externalizations initialized statically.
 */
#include <stdarg.h>
#include <stdio.h>

#include <linux/livepatch.h>
#include <linux/module.h>

struct module __this_module = { "multi_lp" };

int klp_enable_patch(struct klp_patch *patch)
{
	for (struct klp_object *o = patch->objs; o->funcs; o++)
		for (struct klp_func *f = o->funcs; f->old_name; f++)
			printf("patch %s %s,%lu new_func=%s\n", o->name ? o->name : "vmlinux",
			       f->old_name, f->old_sympos, f->new_func ? "set" : "NULL");
	return 0;
}

/* plain externalizations */
int ext4_plain_fn(int x) { return x * 10; }
void mark_inode_dirty_x(void *p) { }
int helper_dup(void) { return 7; }

/* pointer externalizations: ext4's ext4_es_cache (sympos 2), vmlinux's
 * jiffies_helper and ext4_es_cache */
int ext4_es_cache_2 __asm__("klpe.ext4.ext4_es_cache.2") = 100;
int vmlinux_es_cache __asm__("klpe.vmlinux.ext4_es_cache.0") = 1000;
long jiffies_helper(void) __asm__("klpe.vmlinux.jiffies_helper.0");
long jiffies_helper(void) { return 42; }

int init_module(void);
void cleanup_module(void);
int klpp_ext4_write_begin(int x);
int klpp_ext4_da_get_block_prep(void);
int klpp_ext4_readpage(int x);
int klpp_copy_process(int x);

int main(void)
{
	printf("init %d\n", init_module());
	printf("write_begin(1) %d\n", klpp_ext4_write_begin(1));
	printf("da_get_block_prep() %d\n", klpp_ext4_da_get_block_prep());
	printf("readpage(1) %d\n", klpp_ext4_readpage(1));
	printf("copy_process(1) %d\n", klpp_copy_process(1));
	cleanup_module();
	return 0;
}
