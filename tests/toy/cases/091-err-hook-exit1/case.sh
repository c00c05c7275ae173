# is-patched exits with status 1: the error names the hook and its argument.
set_hook is-patched "sh ./hook.sh"
EXPECT_FAIL=1
expect_stderr 'error: .*(is-patched|hook\.sh)'
expect_stderr 'error: .*\b(pu_f|pu_g|eu_f|helper)\b'
