# The boot test: livepatches built by klp-ccp loaded into the corpus kernel
# under QEMU (tests/boot/boot-test.sh). Needs the full corpus kernel
# (tests/boot/build-kernel.sh, run by tests/run-all.sh); skipped without it.
# Select with "ctest -L boot".
add_test(NAME boot/livepatches COMMAND ${CMAKE_CURRENT_LIST_DIR}/boot/boot-test.sh)
set_tests_properties(boot/livepatches PROPERTIES LABELS "boot;corpus" TIMEOUT 1200
  SKIP_RETURN_CODE 77 ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
