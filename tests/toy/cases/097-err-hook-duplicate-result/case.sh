# rename-rewritten-fun prints RESULT: twice.
set_hook rename-rewritten-fun "sh ./hook.sh"
EXPECT_FAIL=1
expect_stderr 'error: .*(rename-rewritten-fun|hook\.sh)'
expect_stderr 'error: .*\bhelper\b'
