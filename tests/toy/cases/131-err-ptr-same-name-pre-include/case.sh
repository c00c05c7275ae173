# eup_f keeps its name as a pointer, but api.h, which declares it as a function,
# is a -include file: it cannot be left out. An error with file:line.
CFLAGS="-include api.h"
EXPECT_FAIL=1
expect_stderr "input\.c:1:[0-9]+: error: 'eup_f' .*api\.h.*-include"
