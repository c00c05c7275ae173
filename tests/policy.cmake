# Unit tests of the command line (src/cli.c) and the policy hooks
# (src/policy.c, policies/toy, policies/kernel).
add_executable(test_policy
  ${CMAKE_SOURCE_DIR}/tests/unit/test_policy.c
  ${CMAKE_SOURCE_DIR}/src/policy.c
  ${CMAKE_SOURCE_DIR}/src/hook_spawn.c
  ${CMAKE_SOURCE_DIR}/src/pol_server.c
  ${CMAKE_SOURCE_DIR}/src/maps.c
  ${CMAKE_SOURCE_DIR}/src/cli.c
  ${CMAKE_SOURCE_DIR}/src/util.c
  ${CMAKE_SOURCE_DIR}/src/diag.c)
target_include_directories(test_policy PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_definitions(test_policy PRIVATE _GNU_SOURCE KLP_CCP_VERSION="test"
  KLP_CCP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_compile_options(test_policy PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes)
if(KLP_CCP_SANITIZE)
  target_compile_options(test_policy PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(test_policy PRIVATE -fsanitize=address,undefined)
endif()

foreach(group cli args answers failures cache env toy kernel defaults)
  add_test(NAME policy.${group} COMMAND test_policy ${group})
  set_tests_properties(policy.${group} PROPERTIES TIMEOUT 120)
endforeach()

# Hook processes and the policy server (tests/policy/run.sh, one ctest test
# per case of run.sh --list; 77 = skipped: no kernel corpus).
set(KLP_CCP_POLICY_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/policy/run.sh)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${KLP_CCP_POLICY_SCRIPT})
execute_process(COMMAND bash ${KLP_CCP_POLICY_SCRIPT} --list
                OUTPUT_VARIABLE KLP_CCP_POLICY_CASES OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REPLACE "\n" ";" KLP_CCP_POLICY_CASES "${KLP_CCP_POLICY_CASES}")
foreach(case ${KLP_CCP_POLICY_CASES})
  add_test(NAME policy/${case} COMMAND ${KLP_CCP_POLICY_SCRIPT} ${case})
  set_tests_properties(policy/${case} PROPERTIES
    LABELS policy
    TIMEOUT 300
    SKIP_RETURN_CODE 77
    ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
endforeach()
