# --patched-functions names a function the file does not define.
PATCHED=pu_f,pu_nothere
EXPECT_FAIL=1
expect_stderr 'error: .*pu_nothere'
