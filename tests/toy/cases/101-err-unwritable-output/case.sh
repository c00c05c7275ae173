# The output file cannot be created.
OUTFILE=/nonexistent/dir/lp.c
EXPECT_FAIL=1
expect_stderr 'error: .*/nonexistent/dir'
