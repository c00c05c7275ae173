# YAML output of the subcommands through src/yaml_out.c: sanitized and
# quoted names (tests/yaml_out/run.sh).
foreach(case ipa-clones changed-functions)
  add_test(NAME yaml_out/${case}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/yaml_out/run.sh $<TARGET_FILE:klp-ccp> ${case})
  set_tests_properties(yaml_out/${case} PROPERTIES LABELS yaml TIMEOUT 60 SKIP_RETURN_CODE 77)
endforeach()
