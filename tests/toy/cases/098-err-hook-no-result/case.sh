# modify-externalized-sym exits successfully without printing RESULT:.
set_hook modify-externalized-sym "sh ./hook.sh"
EXPECT_FAIL=1
expect_stderr 'error: .*(modify-externalized-sym|hook\.sh)'
