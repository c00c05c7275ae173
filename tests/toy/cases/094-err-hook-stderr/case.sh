# may-include-header answers but also writes to stderr.
set_hook may-include-header "sh ./hook.sh"
EXPECT_FAIL=1
expect_stderr 'error: .*(may-include-header|hook\.sh)'
