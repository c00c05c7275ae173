# Issue 13: with the built-in shall-externalize-fun, a static inline of a
# header that may not be included is copied, as one from an included header
# is (its definition comes with the header), not externalized; one whose
# address is taken is still externalized (the running instance's address).
source "$CASE_DIR/../../lib.sh"
drop_hook can-externalize-fun
drop_hook shall-externalize-fun
not_includes '"hdr_internal.h"'
lp_contains '^static inline int hdr_triple\(int x\)'
defines hdr_triple t
undefined hdr_addr
