#ifndef STUB_MODULE_H
#define STUB_MODULE_H
#include <linux/kernel.h>
struct module { char name[56]; };
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#define module_init(f) int init_module(void) { return f(); }
#define module_exit(f) void cleanup_module(void) { f(); }
#define MODULE_INFO(tag, info) static const char __modinfo_##tag[] __attribute__((used)) = #tag "=" info
#define MODULE_LICENSE(l) MODULE_INFO(license, l)
#define MODULE_DESCRIPTION(d) MODULE_INFO(description, d)
#endif
