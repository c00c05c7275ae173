# __func__ (also through a macro), __FUNCTION__ and __PRETTY_FUNCTION__ in
# renamed functions (patched, or a copy renamed because it calls a patched
# one) are the original names: messages, dynamic-debug sites and
# sizeof(__func__) stay as they were. Outside them __func__ is GCC's again.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,pu_g
lp_count '^#define __func__ "pu_f"$' 1
lp_count '^#define __func__ "pu_g"$' 1
if defaults_mode; then
	lp_count '^#undef __func__$' 2	# who_helper (noinline) is externalized
else
	lp_count '^#define __func__ "who_helper"$' 1
	lp_count '^#undef __func__$' 3
fi
behaves_same pu_f 0 1
behaves_same pu_g 0 1
