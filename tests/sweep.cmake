# Whole-corpus sweep, CI sample (tests/sweep/README.md): per corpus object the
# two single-function cases with the lowest hash plus the 8 multi-function
# cases with the lowest hash, in 4 shards; fails below the identity rates of
# tests/sweep/sample-thresholds. Skipped (77) without the corpus.
set(KLP_CCP_SWEEP_SHARDS 4)
math(EXPR _last "${KLP_CCP_SWEEP_SHARDS} - 1")
foreach(i RANGE ${_last})
  add_test(NAME kernel.sweep_sample.${i}
    COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/sweep/sweep.py
      --klp-ccp $<TARGET_FILE:klp-ccp> --objcmp $<TARGET_FILE:objcmp_tool>
      --sample --shard ${i}/${KLP_CCP_SWEEP_SHARDS} -j 1 --fresh
      --results ${CMAKE_CURRENT_BINARY_DIR}/sweep-sample-${i}.jsonl
      --findings ${CMAKE_CURRENT_BINARY_DIR}/sweep-sample-${i}.findings
      --thresholds ${CMAKE_SOURCE_DIR}/tests/sweep/sample-thresholds)
  set_tests_properties(kernel.sweep_sample.${i} PROPERTIES SKIP_RETURN_CODE 77
    TIMEOUT 900 LABELS kernel)
endforeach()

# The sweep's own logic (renaming for the control, clone names, case growth,
# error classes, thresholds): no corpus needed.
add_test(NAME sweep.selftest COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/sweep/selftest.py)
