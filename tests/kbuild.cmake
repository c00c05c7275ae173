# --kbuild-object: the command line read from kbuild's DIR/.NAME.o.cmd.
foreach(c quoting savedcmd missing unparseable expansion both corpus)
  add_test(NAME kbuild/${c} COMMAND ${CMAKE_CURRENT_LIST_DIR}/kbuild/run.sh ${c})
  set_tests_properties(kbuild/${c} PROPERTIES
    ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>" SKIP_RETURN_CODE 77)
endforeach()
set_tests_properties(kbuild/corpus PROPERTIES LABELS corpus TIMEOUT 300)
