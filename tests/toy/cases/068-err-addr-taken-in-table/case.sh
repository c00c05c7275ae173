# A copied table stores the address of a non-externalizable function: error.
EXPECT_FAIL=1
expect_stderr '\bop_plain\b'
