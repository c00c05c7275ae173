# The body of a SYSCALL_DEFINE1..6-like macro (__do_sys_NAME, declared and
# called inside the expansion) cannot be patched by itself when it is to be
# made external (the default and the kernel policy): a clear error naming the
# entry points to patch instead, no output.
PATCHED=__do_sys_close
drop_hook modify-patched-fun-sym
EXPECT_FAIL=1
expect_stderr "input.c:12:1: error: patched function '__do_sys_close' is declared and called inside one macro expansion.*__x64_sys_"
