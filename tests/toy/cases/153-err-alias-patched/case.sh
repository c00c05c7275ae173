# A patched function that is only an alias of another function here
# (SYSCALL_DEFINE0's __x64_sys_NAME of __do_sys_NAME): an error naming the
# function to patch instead, no output.
PATCHED=__x64_sys_vhangup
EXPECT_FAIL=1
expect_stderr "klp-ccp: error: input.c: patched function '__x64_sys_vhangup' is only an alias of '__do_sys_vhangup' here.*patch '__do_sys_vhangup'"
