# Patching the x86-64 entry of a SYSCALL_DEFINE: the ia32 stub the same
# invocation makes is needed by nothing. The macro that makes only it is
# defined empty around the copied invocation, instead of copying the stub.
PATCHED=__x64_sys_poke
defines klpp___x64_sys_poke T
not_defined klpr___ia32_sys_poke
not_referenced __ia32_sys_poke
not_referenced __x64_sys_poke
lp_contains '^#define __IA32_SYS_STUBx\(\.\.\.\)$'
lp_lacks '^#define __SYS_STUBx\(\.\.\.\)$'
lp_contains '^#pragma pop_macro\("__IA32_SYS_STUBx"\)$'
