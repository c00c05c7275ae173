# klp-ccp --help names every subcommand main.c dispatches.
add_test(NAME help/subcommands COMMAND ${CMAKE_CURRENT_LIST_DIR}/help/run.sh ${CMAKE_SOURCE_DIR}/src/main.c)
set_tests_properties(help/subcommands PROPERTIES ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
