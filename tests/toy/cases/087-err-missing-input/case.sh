# The input file does not exist.
INPUT=nothere.c
INPUT_BROKEN=1
EXPECT_FAIL=1
expect_stderr 'nothere\.c'
