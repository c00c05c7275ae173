# Batch mode: examples/batch driven by xargs -P and by make -j over a job
# list of small C inputs (tests/batch/run.sh).
foreach(mode xargs make)
  add_test(NAME batch/${mode} COMMAND ${CMAKE_CURRENT_LIST_DIR}/batch/run.sh ${mode})
  set_tests_properties(batch/${mode} PROPERTIES
    LABELS batch
    TIMEOUT 300
    SKIP_RETURN_CODE 77
    ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
endforeach()
