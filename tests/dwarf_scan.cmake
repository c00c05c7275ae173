# Unit test of src/dwarf_scan.c (the DIE tree of a unit stepped over from
# the raw bytes of .debug_info, for the DWARF reader of src/facts_dwarf.c).
add_executable(test_dwarf_scan
  ${CMAKE_SOURCE_DIR}/tests/unit/test_dwarf_scan.c
  ${CMAKE_SOURCE_DIR}/src/dwarf_scan.c
  ${CMAKE_SOURCE_DIR}/src/util.c)
target_include_directories(test_dwarf_scan PRIVATE ${CMAKE_SOURCE_DIR}/include ${DWARF_INCLUDE_DIR})
target_compile_definitions(test_dwarf_scan PRIVATE _GNU_SOURCE)
target_compile_options(test_dwarf_scan PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes)
if(KLP_CCP_SANITIZE)
  target_compile_options(test_dwarf_scan PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(test_dwarf_scan PRIVATE -fsanitize=address,undefined)
endif()
add_test(NAME unit.dwarf_scan COMMAND test_dwarf_scan)
