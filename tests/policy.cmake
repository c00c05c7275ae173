# Unit tests of the command line (src/cli.c) and the policy hooks
# (src/policy.c, policies/toy, policies/kernel).
add_executable(test_policy
  ${CMAKE_SOURCE_DIR}/tests/unit/test_policy.c
  ${CMAKE_SOURCE_DIR}/src/policy.c
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
