# The address of a non-externalizable function escapes: error naming it.
EXPECT_FAIL=1
expect_stderr '\bcallback\b'
