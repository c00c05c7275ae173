#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
int puts(const char *);
#define say(fmt) puts(pr_fmt(fmt))
