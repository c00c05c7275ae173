# An ERROR: line from a hook is reported with the location and fails the run.
set_hook is-patched "sh ./hook.sh"
EXPECT_FAIL=1
expect_stderr '^([^:]*/)?input\.c:1(:[0-9]+)?: error: .*toy error about pu_f'
