# libFuzzer targets (fuzz/): each is built with clang (fuzz/build.sh) and
# fuzzed for 10 s from its committed seed corpus; committed reproducers in
# fuzz/crashes/TARGET/ are replayed first. Skipped (exit 77) without a clang
# that links -fsanitize=fuzzer. The CI runs "fuzz/run.sh 60" separately.
file(GLOB KLP_CCP_FUZZ_TARGETS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/fuzz/fuzz_*.c)
foreach(src ${KLP_CCP_FUZZ_TARGETS})
  get_filename_component(target ${src} NAME_WE)
  add_test(NAME fuzz/${target}
           COMMAND ${CMAKE_SOURCE_DIR}/fuzz/run.sh 10 ${target})
  set_tests_properties(fuzz/${target} PROPERTIES
    LABELS fuzz
    TIMEOUT 300
    SKIP_RETURN_CODE 77
    ENVIRONMENT "FUZZ_OUT=${CMAKE_BINARY_DIR}/fuzz")
endforeach()
