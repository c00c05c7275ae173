#ifndef STUB_KPROBES_H
#define STUB_KPROBES_H
#include <linux/kernel.h>
struct kprobe { const char *symbol_name; void *addr; };
int register_kprobe(struct kprobe *kp);
void unregister_kprobe(struct kprobe *kp);
#endif
