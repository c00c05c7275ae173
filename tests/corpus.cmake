# Kernel corpus extraction cases: lp.c compiles with the original GCC command line.
file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/corpus/extract_cases.txt KLP_CCP_CORPUS_CASES REGEX "^[a-z]")
foreach(line ${KLP_CCP_CORPUS_CASES})
  string(REGEX REPLACE "[ \t]+" ";" fields "${line}")
  list(GET fields 0 flat)
  list(GET fields 1 funcs)
  list(GET fields 2 lines)
  add_test(NAME corpus/extract/${flat}/${funcs}
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/corpus/extract_case.sh ${flat} ${funcs} ${lines})
  set_tests_properties(corpus/extract/${flat}/${funcs} PROPERTIES
    ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>" SKIP_RETURN_CODE 77 LABELS corpus)
endforeach()
