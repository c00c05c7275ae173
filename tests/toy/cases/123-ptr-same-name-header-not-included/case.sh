# eup_f keeps its name as a pointer, but the included api.h declares eup_f as a
# function: two conflicting declarations. A clear error naming it.
EXPECT_FAIL=1
expect_stderr "eup_f.*header"
