# esp_state_a, defined by a macro invocation, is to be a pointer under its own
# name: its uses can only be renamed by "#define esp_state_a (*esp_state_a)",
# which would rename its declaration too. An error asking for a rename.
PATCHED=pu_state_a
EXPECT_FAIL=1
expect_stderr "input\.c:8:1: error: 'esp_state_a' is defined by a macro invocation and externalized as a pointer under its own name"
