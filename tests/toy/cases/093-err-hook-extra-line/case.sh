# shall-externalize-obj prints a valid answer plus an extra line.
set_hook shall-externalize-obj "sh ./hook.sh"
EXPECT_FAIL=1
expect_stderr 'error: .*(shall-externalize-obj|hook\.sh)'
expect_stderr 'error: .*\beu_obj\b'
