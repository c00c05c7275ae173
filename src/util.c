/* Allocation, string buffers and string lists. Allocation failure is fatal. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/util.h"

static void oom(void)
{
	fputs("klp-ccp: error: out of memory\n", stderr);
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	char *buf;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	buf = xmalloc((size_t)n + 1);
	vsnprintf(buf, (size_t)n + 1, fmt, again);
	va_end(again);
	return buf;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void grow_array(void **arr, size_t *cap, size_t n, size_t elem)
{
	grow_array_first(arr, cap, n, elem, 8);
}

void grow_array_first(void **arr, size_t *cap, size_t n, size_t elem, size_t first)
{
	if (n < *cap)
		return;
	*cap = *cap ? *cap * 2 : first;
	if (*cap <= n)
		*cap = n + 1;
	*arr = xrealloc(*arr, *cap * elem);
}

void sort_unless_sorted(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	const char *p = base;

	for (size_t i = 1; i < n; i++)
		if (cmp(p + (i - 1) * size, p + i * size) > 0) {
			qsort(base, n, size, cmp);
			return;
		}
}

void sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->cap) {
		sb->cap = (sb->len + n + 1) * 2;
		sb->buf = xrealloc(sb->buf, sb->cap);
	}
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_addn(sb, s, strlen(s));
}

void sb_addc(struct strbuf *sb, char c)
{
	sb_addn(sb, &c, 1);
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (sb->len + (size_t)n + 1 > sb->cap) {
		sb->cap = (sb->len + (size_t)n + 1) * 2;
		sb->buf = xrealloc(sb->buf, sb->cap);
	}
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *sb_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void sb_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void strlist_push(struct strlist *l, const char *s)
{
	strlist_push_owned(l, xstrdup(s));
}

void strlist_push_owned(struct strlist *l, char *s)
{
	*ARRAY_PUSH(l->v, l->n, l->cap) = s;
}

bool strlist_contains(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}

void strlist_release(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/*
 * Open an input without blocking (a FIFO without a writer) and refuse what
 * is not a file: reading a device (/dev/zero) never ends.
 */
static int open_input(const char *path, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0)
		return -1;
	if (fstat(fd, st) || S_ISDIR(st->st_mode) ||
	    !(S_ISREG(st->st_mode) || S_ISFIFO(st->st_mode))) {
		int e = S_ISDIR(st->st_mode) ? EISDIR : ERR_NOT_REGULAR;

		close(fd);
		errno = e;
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* Room in *buf for at least one more byte and the NUL; false past READ_FILE_MAX. */
static bool read_room(char **buf, size_t *cap, size_t n)
{
	if (n + 1 < *cap)
		return true;
	if (n >= READ_FILE_MAX)
		return false;
	*cap *= 2;
	*buf = xrealloc(*buf, *cap);
	return true;
}

char *read_file(const char *path, size_t *len)
{
	struct stat st;
	int fd = open_input(path, &st), err = 0;
	size_t n = 0, cap;
	ssize_t r;
	char *buf;

	if (fd < 0)
		return NULL;
	/* a regular file's size is known: one allocation, no copying (+2: EOF read, NUL) */
	cap = S_ISREG(st.st_mode) && (size_t)st.st_size < READ_FILE_MAX ?
	      (size_t)st.st_size + 2 : 65536;
	buf = xmalloc(cap);
	for (;;) {
		if (!read_room(&buf, &cap, n)) {
			err = EFBIG;	/* a pipe that does not end */
			break;
		}
		r = read(fd, buf + n, cap - 1 - n);
		if (r == 0)
			break;
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || n + (size_t)r > READ_FILE_MAX) {
			err = r < 0 ? errno : EFBIG;
			break;
		}
		n += (size_t)r;
	}
	close(fd);
	if (err) {
		free(buf);
		errno = err;
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int write_fd_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : EIO;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int open_regular_file(const char *path)
{
	struct stat st;
	int fd = open_input(path, &st);

	if (fd >= 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		errno = ERR_NOT_REGULAR;
		return -1;
	}
	return fd;
}

const char *file_strerror(int err)
{
	return err == ERR_NOT_REGULAR ? "not a regular file" : strerror(err);
}

bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
