# IPA clone analysis (src/ipa_clones.c, src/ipa_main.c): "klp-ccp ipa-clones"
# and the extraction API, on dumps GCC writes for small C files, on
# hand-written dumps, on malformed dumps and on the kernel corpus.
#
# ipa_tool links only the IPA sources, so that these tests also run while
# other parts of klp-ccp are being changed; the ipa.cli.* tests run the same
# cases through klp-ccp itself.
add_executable(ipa_tool
  ${CMAKE_SOURCE_DIR}/tests/ipa/ipa_tool.c
  ${CMAKE_SOURCE_DIR}/src/ipa_clones.c
  ${CMAKE_SOURCE_DIR}/src/ipa_main.c
  ${CMAKE_SOURCE_DIR}/src/yaml_out.c
  ${CMAKE_SOURCE_DIR}/src/util.c
  ${CMAKE_SOURCE_DIR}/src/diag.c
  ${CMAKE_SOURCE_DIR}/src/maps.c)
target_include_directories(ipa_tool PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_definitions(ipa_tool PRIVATE _GNU_SOURCE)
target_compile_options(ipa_tool PRIVATE -Wall -Wextra -Wno-unused-parameter -Wshadow -Wstrict-prototypes)
target_link_libraries(ipa_tool PRIVATE PkgConfig::YAML)
if(KLP_CCP_SANITIZE)
  target_compile_options(ipa_tool PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(ipa_tool PRIVATE -fsanitize=address,undefined)
endif()

set(IPA_DIR ${CMAKE_SOURCE_DIR}/tests/ipa)
set(IPA_TOOL $<TARGET_FILE:ipa_tool>)
set(IPA_KLP_CCP $<TARGET_FILE:klp-ccp>)

function(ipa_test name)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES LABELS ipa TIMEOUT 120 SKIP_RETURN_CODE 77)
endfunction()

# gcc -O2 -fdump-ipa-clones on tests/ipa/gcc/SRC, then CMD... @DUMP@ must print EXPECTED.
function(ipa_gcc_case name src expected)
  ipa_test(${name} sh ${IPA_DIR}/gcc_case.sh ${IPA_DIR}/gcc/${src} ${IPA_DIR}/gcc/${expected} ${ARGN})
endfunction()

# Inline chains (leaf -> mid -> top1/top2), a helper inlined into two
# callers, an inlined function whose body stays (address taken).
ipa_gcc_case(ipa.gcc.chain chain.c chain.expected
  ${IPA_TOOL} ipa-clones --symbol=leaf --symbol=mid --symbol=kept --symbol=top1 @DUMP@)
ipa_gcc_case(ipa.gcc.chain_text chain.c chain.text.expected
  ${IPA_TOOL} ipa-clones --format=text --symbol=leaf --symbol=kept --symbol=top1 @DUMP@)
# .constprop clones, a .part clone (ipa-split) and a helper inlined before the split.
ipa_gcc_case(ipa.gcc.clones clones.c clones.expected
  ${IPA_TOOL} ipa-clones --symbol=scaled --symbol=field --symbol=helper --symbol=split_me
  --symbol=split_me.part.0 @DUMP@)
# An .isra clone.
ipa_gcc_case(ipa.gcc.isra isra.c isra.expected
  ${IPA_TOOL} ipa-clones --symbol=sum --symbol=sum.isra.0 @DUMP@)
# Recursive inlining: a clone with no reason ("(null)"), a same-named copy.
ipa_gcc_case(ipa.gcc.recursive recursive.c recursive.expected
  ${IPA_TOOL} ipa-clones --symbol=walk --symbol=top @DUMP@)
# IPA inlining of a function holding an inlined body: the nested copies are dumped.
ipa_gcc_case(ipa.gcc.nested nested.c nested.expected
  ${IPA_TOOL} ipa-clones --symbol=inner --symbol=outer @DUMP@)
# The extraction API (ipa_affected_by): patched functions excluded, removed bodies.
ipa_gcc_case(ipa.api.chain chain.c chain.affected ${IPA_TOOL} affected @DUMP@ -- leaf)
ipa_gcc_case(ipa.api.chain_several chain.c chain2.affected ${IPA_TOOL} affected @DUMP@ -- mid leaf kept)
ipa_gcc_case(ipa.api.clones clones.c clones.affected ${IPA_TOOL} affected @DUMP@ -- helper scaled)
ipa_gcc_case(ipa.api.nested nested.c nested.affected ${IPA_TOOL} affected @DUMP@ -- inner)

# Hand-written dumps: compare the output with the expected file.
function(ipa_dump_case name expected)
  ipa_test(${name} sh -c "\"$0\" \"$@\" >${CMAKE_CURRENT_BINARY_DIR}/${name}.out && diff -u ${IPA_DIR}/dumps/${expected} ${CMAKE_CURRENT_BINARY_DIR}/${name}.out"
    ${ARGN})
endfunction()
# Inline clones (same name, higher order) re-cloned into other functions, a
# constprop clone of a constprop clone, recursive inlining, a .part inlined back.
ipa_dump_case(ipa.dump.inline_clones inline_clones.expected ${IPA_TOOL} ipa-clones
  --symbol=helper --symbol=wrap --symbol=wrap.constprop.0 --symbol=api4 --symbol=lone
  ${IPA_DIR}/dumps/inline_clones.ipa-clones)
ipa_dump_case(ipa.dump.inline_clones_text inline_clones.text.expected ${IPA_TOOL} ipa-clones
  --format=text --symbol=helper --symbol=lone ${IPA_DIR}/dumps/inline_clones.ipa-clones)
# What is inlined into B after B was copied elsewhere is not in that copy.
ipa_dump_case(ipa.dump.chronology chronology.text.expected ${IPA_TOOL} ipa-clones
  --format=text --symbol=a --symbol=b ${IPA_DIR}/dumps/chronology.ipa-clones)
# A directory of dumps (recursive; CRLF lines; a last line without newline;
# same name and order in two units; an unknown clone reason).
ipa_dump_case(ipa.dump.units units.expected ${IPA_TOOL} ipa-clones
  --symbol=get --symbol=local --symbol=fb ${IPA_DIR}/dumps/units)

# Malformed dumps: one FILE:LINE error each, exit status 1.
foreach(case unknown_record garbage clone_fields clone_many_fields removal_fields
        truncated bad_order negative_order huge_order bad_line bad_column empty_name
        space_in_name bad_reason empty_reason renaming_null_reason control_char nul_byte)
  ipa_test(ipa.malformed.${case} sh ${IPA_DIR}/malformed.sh ${IPA_TOOL} ${case})
endforeach()

# Command line errors: one line, exit status 1.
function(ipa_expect name rc regex)
  ipa_test(${name} sh -c "\"$0\" \"$@\" 2>&1\necho exit=$?" ${ARGN})
  set_tests_properties(${name} PROPERTIES PASS_REGULAR_EXPRESSION "${regex}exit=${rc}\n$")
endfunction()
ipa_expect(ipa.err.missing_file 1
  "^klp-ccp: error: cannot read IPA clones dump '/nonexistent/x.ipa-clones': No such file or directory\n"
  ${IPA_TOOL} ipa-clones --symbol=f /nonexistent/x.ipa-clones)
ipa_expect(ipa.err.empty_dir 1 "^klp-ccp: error: no \\*.ipa-clones files in directory '[^\n]*/gcc'\n"
  ${IPA_TOOL} ipa-clones --symbol=f ${IPA_DIR}/gcc)
ipa_expect(ipa.err.no_symbol 1 "^klp-ccp: error: no --symbol given[^\n]*\n"
  ${IPA_TOOL} ipa-clones ${IPA_DIR}/dumps/chronology.ipa-clones)
ipa_expect(ipa.err.no_dump 1 "^klp-ccp: error: no dump file or directory given[^\n]*\n"
  ${IPA_TOOL} ipa-clones --symbol=a)
ipa_expect(ipa.err.format 1 "^klp-ccp: error: invalid --format 'json' \\(expected yaml or text\\)\n"
  ${IPA_TOOL} ipa-clones --format=json --symbol=a ${IPA_DIR}/dumps/chronology.ipa-clones)
ipa_expect(ipa.err.option 1 "^klp-ccp: error: unknown option '--bogus'[^\n]*\n"
  ${IPA_TOOL} ipa-clones --bogus --symbol=a ${IPA_DIR}/dumps/chronology.ipa-clones)
ipa_expect(ipa.not_in_dump 0
  "^klp-ccp: warning: 'nothere' is not in the IPA clones dumps\n- symbol: nothere\n  removed: false\n  clones: \\[\\]\n  inlined_into: \\[\\]\n  affected: \\[\\]\n"
  ${IPA_TOOL} ipa-clones --symbol=nothere ${IPA_DIR}/dumps/chronology.ipa-clones)
# ipa_check_cmdline(): -flto warning, -flive-patching notes.
ipa_expect(ipa.cmdline.lto 0
  "^klp-ccp: warning: the original command line uses -flto: [^\n]*incomplete\n"
  ${IPA_TOOL} affected --lto ${IPA_DIR}/dumps/chronology.ipa-clones -- z)
ipa_expect(ipa.cmdline.inline_clone 0 "^klp-ccp: note: -flive-patching=inline-clone: [^\n]*\n"
  ${IPA_TOOL} affected --live-patching=inline-clone ${IPA_DIR}/dumps/chronology.ipa-clones -- z)
ipa_expect(ipa.cmdline.inline_only_static 0
  "^klp-ccp: note: -flive-patching=inline-only-static: [^\n]*\n"
  ${IPA_TOOL} affected --live-patching=inline-only-static ${IPA_DIR}/dumps/chronology.ipa-clones -- z)

# Random and truncated dumps: errors or results, never a crash or a leak.
ipa_test(ipa.fuzz sh -c "\"$0\" fuzz 4000 \"$1\" \"$2\" 2>\"$2/fuzz.err\"\nrc=$?\ntail -n 30 \"$2/fuzz.err\"\nexit $rc"
  ${IPA_TOOL} 12345 ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(ipa.fuzz PROPERTIES TIMEOUT 300)

# The kernel corpus (skipped without it): expected sets checked by hand.
ipa_test(ipa.corpus sh ${IPA_DIR}/corpus.sh ${IPA_TOOL})

# The same through klp-ccp itself.
ipa_expect(ipa.cli.help 0 "^Usage: klp-ccp ipa-clones [^\n]*\n.*"
  ${IPA_KLP_CCP} ipa-clones --help)
ipa_gcc_case(ipa.cli.chain chain.c chain.expected
  ${IPA_KLP_CCP} ipa-clones --symbol=leaf --symbol=mid --symbol=kept --symbol=top1 @DUMP@)
ipa_test(ipa.cli.malformed sh ${IPA_DIR}/malformed.sh ${IPA_KLP_CCP} bad_order)
ipa_test(ipa.cli.corpus sh ${IPA_DIR}/corpus.sh ${IPA_KLP_CCP})
