# A copied object's static initializer cannot use a pointer-externalized
# function ((*klpe_espr_op) is not a constant expression): a clear error.
EXPECT_FAIL=1
expect_stderr "espr_op.*static initializer"
