# Binary facts (src/facts*.c, src/symvers.c, "klp-ccp facts") and their use
# by the policy defaults (src/policy.c: policy_set_facts). Scripts in
# tests/facts exit 77 to skip (no gcc, no corpus, extraction not wired yet).
foreach(t user errors corpus extract header_state notrace units)
  add_test(NAME facts/${t} COMMAND ${CMAKE_CURRENT_LIST_DIR}/facts/${t}.sh)
  set_tests_properties(facts/${t} PROPERTIES
    LABELS facts
    TIMEOUT 300
    SKIP_RETURN_CODE 77
    ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>")
endforeach()

add_executable(test_facts_policy
  ${CMAKE_CURRENT_LIST_DIR}/facts/test_facts_policy.c
  ${CMAKE_SOURCE_DIR}/src/policy.c
  ${CMAKE_SOURCE_DIR}/src/hook_spawn.c
  ${CMAKE_SOURCE_DIR}/src/pol_server.c
  ${CMAKE_SOURCE_DIR}/src/maps.c
  ${CMAKE_SOURCE_DIR}/src/cli.c
  ${CMAKE_SOURCE_DIR}/src/util.c
  ${CMAKE_SOURCE_DIR}/src/diag.c)
target_include_directories(test_facts_policy PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_definitions(test_facts_policy PRIVATE _GNU_SOURCE KLP_CCP_VERSION="test")
target_compile_options(test_facts_policy PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes)
if(KLP_CCP_SANITIZE)
  target_compile_options(test_facts_policy PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(test_facts_policy PRIVATE -fsanitize=address,undefined)
endif()
add_test(NAME facts/policy COMMAND test_facts_policy)
set_tests_properties(facts/policy PROPERTIES LABELS facts TIMEOUT 120)
