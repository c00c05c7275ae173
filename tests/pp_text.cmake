# Unit test of src/pp_text.c (extents of #defines and macro expansions read
# from the text instead of clang_getCursorExtent()).
add_executable(test_pp_text
  ${CMAKE_SOURCE_DIR}/tests/unit/test_pp_text.c
  ${CMAKE_SOURCE_DIR}/src/pp_text.c)
target_include_directories(test_pp_text PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_definitions(test_pp_text PRIVATE _GNU_SOURCE)
target_compile_options(test_pp_text PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes)
if(KLP_CCP_SANITIZE)
  target_compile_options(test_pp_text PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(test_pp_text PRIVATE -fsanitize=address,undefined)
endif()
add_test(NAME unit.pp_text COMMAND test_pp_text)
