# Thread-local objects (static and global) and an object in a named
# section: the running ones. An externalized thread-local object is
# declared thread-local, and never as a pointer (one thread's copy).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_g_tls
not_defined eup_tls_ptr
if ! defaults_mode; then
	expect_stderr "'eup_tls_ptr' is thread-local: externalized plainly"
	lp_contains '^extern __thread int eup_tls_ptr;'
fi
behaves_same pu_f 1 2 3
