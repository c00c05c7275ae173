# The shall-externalize-obj command does not exist (sh exits 127).
set_hook shall-externalize-obj /nonexistent/klp-toy-hook
EXPECT_FAIL=1
expect_stderr 'error: .*(shall-externalize-obj|klp-toy-hook)'
