# A syntax error inside a patched function is fatal, reported at its location.
INPUT_BROKEN=1
EXPECT_FAIL=1
expect_stderr '^([^:]*/)?input\.c:3:[0-9]+: error: '
