/* Small allocation and string helpers shared by every stage. */
#ifndef KLP_CCP_UTIL_H
#define KLP_CCP_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grow *arr (of elements of size elem) so that index n is valid. */
void grow_array(void **arr, size_t *cap, size_t n, size_t elem);
/* The same, with room for first elements when it allocates first (8 above). */
void grow_array_first(void **arr, size_t *cap, size_t n, size_t elem, size_t first);
/*
 * qsort() unless the array is in order already, which a pass tells: glibc's
 * merge sort compares and copies every element of sorted input too, and
 * keeps equal elements in their order as this does.
 */
void sort_unless_sorted(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
#define ARRAY_PUSH(arr, n, cap) \
	(grow_array((void **)&(arr), &(cap), (n), sizeof(*(arr))), &(arr)[(n)++])
/*
 * For the many arrays of one model item that mostly stay short (a unit's
 * declarations): eight elements each would be most of their memory.
 */
#define ARRAY_PUSH_FIRST(arr, n, cap, first) \
	(grow_array_first((void **)&(arr), &(cap), (n), sizeof(*(arr)), (first)), &(arr)[(n)++])

struct strbuf {
	char *buf;
	size_t len, cap;
};
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_detach(struct strbuf *sb);
void sb_release(struct strbuf *sb);

/* Growable list of owned strings. */
struct strlist {
	char **v;
	size_t n, cap;
};
void strlist_push(struct strlist *l, const char *s);     /* copies s */
void strlist_push_owned(struct strlist *l, char *s);     /* takes s */
bool strlist_contains(const struct strlist *l, const char *s);
void strlist_release(struct strlist *l);

/*
 * Read a whole file; NULL and errno set on failure. Only regular files and
 * FIFOs (at most READ_FILE_MAX bytes) are read: errno ERR_NOT_REGULAR for a
 * device or a socket, EISDIR for a directory, EFBIG for a longer pipe.
 */
#define READ_FILE_MAX ((size_t)1 << 30)
#define ERR_NOT_REGULAR 4096
char *read_file(const char *path, size_t *len);
/* open(O_RDONLY | O_CLOEXEC) of a regular file only (errno as read_file's). */
int open_regular_file(const char *path);
/* write() all of buf, retrying on EINTR: 0, or the errno (EIO for a write of 0 bytes). */
int write_fd_all(int fd, const char *buf, size_t len);
/* strerror() that knows ERR_NOT_REGULAR ("not a regular file"). */
const char *file_strerror(int err);
/* Do paths a and b name one existing file (same device and inode)? */
bool same_file(const char *a, const char *b);

/*
 * C identifier characters (and '$', as GCC allows), ASCII only as in the C
 * locale; inline because the source scanners call them per character.
 */
static inline bool is_ident_start(int c)
{
	return (unsigned)((c | 32) - 'a') < 26 || c == '_' || c == '$';
}

static inline bool is_ident_char(int c)
{
	return is_ident_start(c) || (unsigned)(c - '0') < 10;
}

#endif
