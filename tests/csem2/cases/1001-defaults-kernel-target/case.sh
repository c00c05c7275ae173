# Item 10: with a kernel --target-object and no hooks, the built-in defaults
# decide as policies/kernel does: a header beside the source is copied
# from, shared ones (under include/) are #included, and lp.c is the same.
source "$CASE_DIR/../../lib.sh"
CFLAGS="$CFLAGS -Iinclude -g"
(cd "$WORK" && gcc $CFLAGS -c input.c -o target.o) || fail "test bug: cannot build target.o"
PATCHED=pu_f
ARGS=(--target-object=target.o)
for h in "${HOOK_NAMES[@]}"; do drop_hook "$h"; done
includes '<linux/api.h>'
not_includes '"local.h"'
lp_contains 'static inline int local_helper'
undefined bump
undefined bump
same_as_kernel_policy
