# Callees the target object shows inlined into patched or copied functions
# are copied (policy defaults and policies/kernel): tests/inline/run.sh.
add_test(NAME inline/copied COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/run.sh)
set_tests_properties(inline/copied PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
  ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")

# A callee GCC split for partial inlining is copied with external linkage
# (tests/inline/split.sh); objcmp_tool comes from tests/kernel.cmake.
add_test(NAME inline/split COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/split.sh
  $<TARGET_FILE:klp-ccp> $<TARGET_FILE:objcmp_tool>)
set_tests_properties(inline/split PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# With facts, the built-in defaults answer as policies/kernel (tests/inline/same.sh).
add_test(NAME inline/same-as-kernel COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/same.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/same-as-kernel PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# Small callees whose code calls no function of their object are copied and
# kept out of line, so GCC knows their bodies as in the target
# (tests/inline/ipa.sh); objcmp_tool comes from tests/kernel.cmake.
add_test(NAME inline/ipa-facts COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/ipa.sh
  $<TARGET_FILE:klp-ccp> $<TARGET_FILE:objcmp_tool>)
set_tests_properties(inline/ipa-facts PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# Address-taken functions the target has out of line are externalized even
# when inlined into the patched one (tests/inline/addr.sh).
add_test(NAME inline/address-taken COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/addr.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/address-taken PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A static object the target has no symbol for is copied (tests/inline/folded.sh).
add_test(NAME inline/absent-object COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/folded.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/absent-object PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A copied callee the target keeps out of line gets noinline (tests/inline/outofline.sh).
add_test(NAME inline/out-of-line COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/outofline.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/out-of-line PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A patched function the target has in .text.unlikely is declared cold
# (tests/inline/cold.sh).
add_test(NAME inline/cold COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/cold.sh $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/cold PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A static function externalized because copied code takes its address,
# which the target inlined at the direct calls (INDIRECT_CALL_2), gets an
# extern inline gnu_inline body too (tests/inline/addrbody.sh).
add_test(NAME inline/address-taken-body COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/addrbody.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/address-taken-body PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A global function only a header's inline calls, inlined into the patched
# function in the target, gets an extern inline gnu_inline body in lp.c;
# one whose body names a static is copied with the header's inline under
# new names (tests/inline/hdrglobal.sh).
add_test(NAME inline/header-global-body COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/hdrglobal.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/header-global-body PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A global function whose address a header's inline compares and which it
# calls (dst_mtu's INDIRECT_CALL_INET of ip6_mtu), inlined into the patched
# function in the target, gets an extern inline gnu_inline body even though
# it calls a static, in system-header lines (tests/inline/hdraddr.sh).
add_test(NAME inline/header-address-body COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/hdraddr.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/header-address-body PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A copy the target has only as a .constprop clone gets a never-called
# caller passing unknown values for the parameters the clone kept (its
# DWARF), so GCC does not specialize lp.c's copy for more of lp.c's
# constants (tests/inline/cloneparams.sh).
add_test(NAME inline/clone-kept-params COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/cloneparams.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/clone-kept-params PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A function the target split (NAME.part.N) gets callers at the end of lp.c,
# so GCC splits the patched function or its copy as in the target
# (tests/inline/splitc.sh); objcmp_tool comes from tests/kernel.cmake.
add_test(NAME inline/split-callers COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/splitc.sh
  $<TARGET_FILE:klp-ccp> $<TARGET_FILE:objcmp_tool>)
set_tests_properties(inline/split-callers PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A named function GCC split into all its callers (--ipa-clones patches
# them): its copy keeps the original's linkage and callers
# (tests/inline/splitipa.sh).
add_test(NAME inline/split-ipa-removed COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/splitipa.sh
  $<TARGET_FILE:klp-ccp> $<TARGET_FILE:objcmp_tool>)
set_tests_properties(inline/split-ipa-removed PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A named function the target has only as a clone: --ipa-clones patches
# the clone's callers instead (tests/inline/clonecall.sh).
add_test(NAME inline/clone-only-callers COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/clonecall.sh
  $<TARGET_FILE:klp-ccp> $<TARGET_FILE:objcmp_tool>)
set_tests_properties(inline/clone-only-callers PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A static function whose address copied code takes, which the target
# inlined at the direct calls but whose body names a static inline: the
# address sites name the running one, the calls a renamed copy
# (tests/inline/addrsplit.sh).
add_test(NAME inline/address-split COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/addrsplit.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/address-split PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A copy of a function whose body the original kept (global, or present in
# the target) is declared used, so GCC inlines it as in the original
# (tests/inline/keepbody.sh).
add_test(NAME inline/keep-body COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/keepbody.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/keep-body PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# So is a copy of a global function no livepatch function calls in the
# target: GCC never inlined the original as called once (tests/inline/keepglobal.sh).
add_test(NAME inline/keep-global COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/keepglobal.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/keep-global PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# The address of a patched function names the running original, with its
# sympos in the report (tests/inline/patchaddr.sh).
add_test(NAME inline/patched-address COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/patchaddr.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/patched-address PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A function GCC split and then inlined whole into its callers (no symbol
# left; only --ipa-clones shows the split) gets never-called callers too
# (tests/inline/splitback.sh).
add_test(NAME inline/split-inlined-back COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/splitback.sh
  $<TARGET_FILE:klp-ccp> $<TARGET_FILE:objcmp_tool>)
set_tests_properties(inline/split-inlined-back PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A function GCC's identical code folding gave another's code (no DWARF of
# its own) has that one's inlined callees (tests/inline/icf.sh).
add_test(NAME inline/icf-twin COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/icf.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/icf-twin PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# An externalized object the unit defined is declared with the alignment
# its address has in the target (tests/inline/align.sh).
add_test(NAME inline/align COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/align.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/align PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A copied static the target inlined also into functions lp.c lacks gets a
# never-called caller with unknown arguments (tests/inline/missingcaller.sh).
add_test(NAME inline/missing-callers COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/missingcaller.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/missing-callers PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A header inline with callers lp.c lacks, reached from a copy the target
# inlined, gets a cold never-called caller (tests/inline/coldcaller.sh).
add_test(NAME inline/cold-callers COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/coldcaller.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/cold-callers PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# No never-called caller when lp.c's calls pass the static no constant
# (tests/inline/noconstcaller.sh).
add_test(NAME inline/missing-caller-no-constant COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/noconstcaller.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/missing-caller-no-constant PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# The never-called caller spells a parameter declared with typeof (the
# kernel's __se_sys_NAME) as the type it stands for (tests/inline/typeofparam.sh).
add_test(NAME inline/missing-caller-typeof COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/typeofparam.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/missing-caller-typeof PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A patched function an included header's inline calls is #defined to its
# new name before the #includes when the headers only call it
# (tests/inline/selfcall.sh).
add_test(NAME inline/self-call-through-header COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/selfcall.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/self-call-through-header PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A header inline a patched function both inlined and called (at an
# unlikely call), whose body had callers lp.c lacks, gets a never-called
# cold caller (tests/inline/coldcall.sh).
add_test(NAME inline/cold-caller COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/coldcall.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/cold-caller PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A patched function the dump shows split, the part taken back into it,
# gets a never-called caller (tests/inline/splitself.sh).
add_test(NAME inline/split-self COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/splitself.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/split-self PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# A static the target keeps in .rodata though C lets it be written is copied
# (tests/inline/rodata.sh).
add_test(NAME inline/rodata-object COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/rodata.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/rodata-object PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# The never-called caller passes the integer constants the calls lp.c
# lacks all pass (tests/inline/loopconst.sh).
add_test(NAME inline/missing-caller-constants COMMAND ${CMAKE_CURRENT_LIST_DIR}/inline/loopconst.sh
  $<TARGET_FILE:klp-ccp>)
set_tests_properties(inline/missing-caller-constants PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
