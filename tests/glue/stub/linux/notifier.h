#ifndef STUB_NOTIFIER_H
#define STUB_NOTIFIER_H
struct notifier_block { int (*notifier_call)(struct notifier_block *, unsigned long, void *); };
#define NOTIFY_OK 1
static inline int notifier_from_errno(int err) { return err ? 0x8000 | -err : NOTIFY_OK; }
#endif
