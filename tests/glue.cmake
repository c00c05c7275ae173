# klp-ccp glue and the report reader: tests/glue/*.sh, driven by the
# report_check tool (report reader round-trip, robustness) and klp-ccp.
add_executable(report_check
  ${CMAKE_SOURCE_DIR}/tests/glue/report_check.c
  ${CMAKE_SOURCE_DIR}/src/report_read.c
  ${CMAKE_SOURCE_DIR}/src/util.c
  ${CMAKE_SOURCE_DIR}/src/diag.c)
target_include_directories(report_check PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_definitions(report_check PRIVATE _GNU_SOURCE)
target_compile_options(report_check PRIVATE -Wall -Wextra -Wno-unused-parameter -Wshadow -Wstrict-prototypes)
target_link_libraries(report_check PRIVATE PkgConfig::YAML)
if(KLP_CCP_SANITIZE)
  target_compile_options(report_check PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(report_check PRIVATE -fsanitize=address,undefined)
endif()

set(KLP_CCP_GLUE_ENV
  "KLP_CCP=$<TARGET_FILE:klp-ccp>;REPORT_CHECK=$<TARGET_FILE:report_check>;KLP_CCP_SRC=${CMAKE_SOURCE_DIR}")
foreach(t report-roundtrip report-robustness generate-one generate-three errors klp-relocs facts-required)
  add_test(NAME glue/${t} COMMAND ${CMAKE_CURRENT_LIST_DIR}/glue/${t}.sh)
  set_tests_properties(glue/${t} PROPERTIES LABELS glue TIMEOUT 120
    ENVIRONMENT "${KLP_CCP_GLUE_ENV}")
endforeach()
# Builds a livepatch module from two corpus files against the corpus tree.
add_test(NAME glue/corpus-module COMMAND ${CMAKE_CURRENT_LIST_DIR}/glue/corpus-module.sh)
set_tests_properties(glue/corpus-module PROPERTIES LABELS "glue;corpus" TIMEOUT 300
  SKIP_RETURN_CODE 77 ENVIRONMENT "${KLP_CCP_GLUE_ENV}")
