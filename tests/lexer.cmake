# test_lexer: src/lexer.c's identifier scan, one by one and in batches, and
# src/idents.c's distinct identifiers per file.
add_executable(test_lexer
  ${CMAKE_SOURCE_DIR}/tests/unit/test_lexer.c
  ${CMAKE_SOURCE_DIR}/src/lexer.c
  ${CMAKE_SOURCE_DIR}/src/idents.c
  ${CMAKE_SOURCE_DIR}/src/util.c
  ${CMAKE_SOURCE_DIR}/src/diag.c)
target_include_directories(test_lexer PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_definitions(test_lexer PRIVATE _GNU_SOURCE)
target_compile_options(test_lexer PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes)
target_link_libraries(test_lexer PRIVATE libclang Threads::Threads)
if(KLP_CCP_SANITIZE)
  target_compile_options(test_lexer PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(test_lexer PRIVATE -fsanitize=address,undefined)
endif()
add_test(NAME unit.lexer COMMAND test_lexer)
