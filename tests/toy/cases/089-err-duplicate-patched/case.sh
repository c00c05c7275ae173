# --patched-functions names the same function twice.
PATCHED=pu_f,pu_f
EXPECT_FAIL=1
expect_stderr 'error: .*pu_f'
