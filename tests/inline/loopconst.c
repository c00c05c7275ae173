/* loopconst.sh: GCC splits the static loop_rw (the flags test stays in the
 * head, the loop goes to loop_rw.part.0) and inlines head and part into
 * iter_read (type 0) and iter_write (type 1). */
typedef long ssize_t;
typedef unsigned long size_t;
struct file;
struct file_ops {
	ssize_t (*read)(struct file *, char *, size_t, long *);
	ssize_t (*write)(struct file *, const char *, size_t, long *);
	ssize_t (*read_iter)(struct file *, void *, long *);
};
struct file { const struct file_ops *f_op; unsigned int f_mode; };
struct iovec { void *iov_base; size_t iov_len; };
struct iov_iter { const struct iovec *iov; size_t count, iov_offset; };
void iov_iter_advance(struct iov_iter *i, size_t bytes);
int verify_area(int type, struct file *f, long *pos, size_t len);
void notify(struct file *f, int mask);
ssize_t iter_read(struct file *file, struct iov_iter *iter, long *pos, int flags);
ssize_t iter_write(struct file *file, struct iov_iter *iter, long *pos, int flags);

static ssize_t loop_rw(struct file *filp, struct iov_iter *iter, long *ppos, int type, int flags)
{
	ssize_t ret = 0;

	if (flags & ~1)
		return -95;
	while (iter->count) {
		struct iovec iovec = { (char *)iter->iov->iov_base + iter->iov_offset,
				       iter->iov->iov_len - iter->iov_offset };
		ssize_t nr;

		if (type == 0)
			nr = filp->f_op->read(filp, iovec.iov_base, iovec.iov_len, ppos);
		else
			nr = filp->f_op->write(filp, iovec.iov_base, iovec.iov_len, ppos);
		if (nr < 0) {
			if (!ret)
				ret = nr;
			break;
		}
		ret += nr;
		if ((size_t)nr != iovec.iov_len)
			break;
		iov_iter_advance(iter, nr);
	}
	return ret;
}

ssize_t iter_read(struct file *file, struct iov_iter *iter, long *pos, int flags)
{
	ssize_t ret = 0;

	if (!(file->f_mode & 1))
		return -9;
	if (!iter->count)
		goto out;
	ret = verify_area(0, file, pos, iter->count);
	if (ret < 0)
		return ret;
	if (file->f_op->read_iter)
		ret = file->f_op->read_iter(file, iter, pos);
	else
		ret = loop_rw(file, iter, pos, 0, flags);
out:
	if (ret >= 0)
		notify(file, 1);
	return ret;
}

ssize_t iter_write(struct file *file, struct iov_iter *iter, long *pos, int flags)
{
	ssize_t ret = 0;

	if (!(file->f_mode & 2))
		return -9;
	if (!iter->count)
		return 0;
	ret = verify_area(1, file, pos, iter->count);
	if (ret < 0)
		return ret;
	if (file->f_op->read_iter)
		ret = file->f_op->read_iter(file, iter, pos);
	else
		ret = loop_rw(file, iter, pos, 1, flags);
	if (ret > 0)
		notify(file, 2);
	return ret;
}
