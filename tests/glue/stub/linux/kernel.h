/* User-space stand-ins for the kernel headers livepatch.c and klp_ccp_kallsyms.c use (glue tests). */
#ifndef STUB_KERNEL_H
#define STUB_KERNEL_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#define __init
#define __exit
#define EAGAIN 11
#define ENOENT 2
#define EINVAL 22
typedef unsigned int u32;
int _printk(const char *fmt, ...);
#define pr_err(fmt, ...) _printk(pr_fmt(fmt), ##__VA_ARGS__)
#define KBUILD_MODNAME "stub"
#endif
