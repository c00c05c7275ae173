# A patched function declared and called inside one macro expansion that is
# not a syscall macro: the error names the macro invoked and does not point
# at syscall entry points (it did: "as the body of SYSCALL_DEFINE1..6 is",
# also for TRACE_EVENT's perf_trace_* without a kernel target).
PATCHED=do_on_hit
drop_hook modify-patched-fun-sym
EXPECT_FAIL=1
expect_stderr "input.c:7:1: error: patched function 'do_on_hit' is declared and called inside one macro expansion \(of DEFINE_HANDLER\): it can be neither renamed nor aliased there; patch the functions the macro defines around it$"
stderr_lacks "SYSCALL|__x64_sys"
