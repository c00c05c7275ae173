# is-patched dies by a signal.
set_hook is-patched "sh ./hook.sh"
EXPECT_FAIL=1
expect_stderr 'error: .*(is-patched|hook\.sh)'
