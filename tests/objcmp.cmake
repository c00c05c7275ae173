# Object comparison (src/objcmp.c) and "klp-ccp changed-functions": small C
# files compiled twice, see tests/objcmp/run.sh. objcmp_tool comes from
# tests/kernel.cmake.
foreach(case yaml text plain same stub registration errors)
  add_test(NAME objcmp.${case}
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/objcmp/run.sh $<TARGET_FILE:klp-ccp>
      $<TARGET_FILE:objcmp_tool> ${case})
  set_tests_properties(objcmp.${case} PROPERTIES TIMEOUT 120 LABELS objcmp)
endforeach()
