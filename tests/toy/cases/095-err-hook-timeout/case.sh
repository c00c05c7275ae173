# modify-patched-fun-sym runs longer than --pol-cmd-timeout=1: killed, run fails quickly.
set_hook modify-patched-fun-sym "sh ./hook.sh"
ARGS=(--pol-cmd-timeout=1)
EXPECT_FAIL=1
expect_stderr 'error: .*(modify-patched-fun-sym|hook\.sh)'
max_seconds 6
