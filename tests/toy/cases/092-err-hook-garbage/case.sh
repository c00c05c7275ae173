# can-externalize-fun prints garbage instead of RESULT:.
set_hook can-externalize-fun "sh ./hook.sh"
EXPECT_FAIL=1
expect_stderr 'error: .*(can-externalize-fun|hook\.sh)'
