# shall-externalize-fun answers outside {YES, NO}.
set_hook shall-externalize-fun "sh ./hook.sh"
EXPECT_FAIL=1
expect_stderr 'error: .*(shall-externalize-fun|hook\.sh)'
expect_stderr 'error: .*\beu_f\b'
