/* GCC splits the static make_pair (partial inlining): both its callers
 * inline its flags test and call make_pair.part.0; its own body is gone.
 * --ipa-clones patches both callers and copies make_pair for them. */
struct file;
extern int create_files(struct file **files, int flags);
extern int get_fd(int flags);
extern void put_fd(int fd);
extern void file_put(struct file *f);
extern void install(int fd, struct file *f);
extern int audit_on;
extern void audit_pair(int, int, struct file *, struct file *);
extern int copy_out(int *dst, const int *src, unsigned long n);

static int make_pair(int *fd, struct file **files, int flags)
{
	int error, fdw, fdr;

	if (flags & ~(0x80000 | 0x800 | 0x4000))
		return -22;
	error = create_files(files, flags);
	if (error)
		return error;
	error = get_fd(flags);
	if (error < 0)
		goto err_read;
	fdr = error;
	error = get_fd(flags);
	if (error < 0)
		goto err_fdr;
	fdw = error;
	if (audit_on)
		audit_pair(fdr, fdw, files[0], files[1]);
	fd[0] = fdr;
	fd[1] = fdw;
	return 0;
err_fdr:
	put_fd(fdr);
err_read:
	file_put(files[0]);
	file_put(files[1]);
	return error;
}

int pair_flags(int *fd, int flags)
{
	struct file *files[2];
	int error = make_pair(fd, files, flags);

	if (!error) {
		install(fd[0], files[0]);
		install(fd[1], files[1]);
	}
	return error;
}

int pair2(int *user, int flags)
{
	struct file *files[2];
	int fd[2];
	int error = make_pair(fd, files, flags);

	if (!error) {
		if (copy_out(user, fd, sizeof(fd))) {
			file_put(files[0]);
			file_put(files[1]);
			put_fd(fd[0]);
			put_fd(fd[1]);
			error = -14;
		} else {
			install(fd[0], files[0]);
			install(fd[1], files[1]);
		}
	}
	return error;
}
