# Kernel binary-equivalence harness (tests/kernel/): extract functions of the
# corpus with the kernel policy, compile lp.c, compare the machine code of
# each patched function with the original's. Skipped without the corpus.
add_executable(objcmp_tool
  ${CMAKE_SOURCE_DIR}/tests/kernel/objcmp_tool.c
  ${CMAKE_SOURCE_DIR}/src/objcmp.c
  ${CMAKE_SOURCE_DIR}/src/util.c
  ${KLP_CCP_ARCH_SOURCES})
target_include_directories(objcmp_tool PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_definitions(objcmp_tool PRIVATE _GNU_SOURCE)
target_compile_options(objcmp_tool PRIVATE -Wall -Wextra -Wno-unused-parameter -Wshadow -Wstrict-prototypes)
target_link_libraries(objcmp_tool PRIVATE PkgConfig::ELF)
if(KLP_CCP_SANITIZE)
  target_compile_options(objcmp_tool PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(objcmp_tool PRIVATE -fsanitize=address,undefined)
endif()

set(KLP_CCP_KERNEL_SHARDS 4)
math(EXPR _last "${KLP_CCP_KERNEL_SHARDS} - 1")
foreach(i RANGE ${_last})
  add_test(NAME kernel.equiv.${i}
    COMMAND bash ${CMAKE_SOURCE_DIR}/tests/kernel/run.sh
      --klp-ccp $<TARGET_FILE:klp-ccp>
      --shard ${i}/${KLP_CCP_KERNEL_SHARDS})
  set_tests_properties(kernel.equiv.${i} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900
    LABELS kernel)
endforeach()

# changed-functions on kernel/exit.c: a moved line gives line_only functions.
add_test(NAME kernel.changed_line_only
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/kernel/line_only.sh $<TARGET_FILE:klp-ccp>)
set_tests_properties(kernel.changed_line_only PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
  LABELS kernel)
