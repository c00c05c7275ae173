# Cross-built kernel corpora (issue 17): ppc64le, s390x, arm64 built with
# Debian's cross GCC 12 by tests/arch/setup-arch-corpus.sh (tests/run-all.sh
# runs it). Per architecture: extract, compile with the original cross
# command line, klp-ccp verify against the corpus object (tests/kernel/run.sh),
# in 2 shards.
# Skipped when the corpus is absent.
foreach(arch ppc64le s390x arm64)
  foreach(i 0 1)
    add_test(NAME arch.${arch}.${i}
      COMMAND bash ${CMAKE_SOURCE_DIR}/tests/arch/run.sh ${arch}
        --klp-ccp $<TARGET_FILE:klp-ccp>
        --shard ${i}/2)
    set_tests_properties(arch.${arch}.${i} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1200
      LABELS "kernel;arch")
  endforeach()
endforeach()

# objcmp follows ppc64 .toc entries to what they point to.
add_test(NAME arch.objcmp.ppc64le_toc
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/arch/objcmp.sh $<TARGET_FILE:objcmp_tool>)
set_tests_properties(arch.objcmp.ppc64le_toc PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
  LABELS "objcmp;arch")

# -c ARCH-gcc-VERSION runs the cross compiler for ARCH.
add_test(NAME arch.compiler_option
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/arch/compiler.sh $<TARGET_FILE:klp-ccp>)
set_tests_properties(arch.compiler_option PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
  LABELS arch)

# facts, ipa-clones and changed-functions on each cross-built corpus.
foreach(arch ppc64le s390x arm64)
  add_test(NAME arch.binary.${arch}
    COMMAND bash ${CMAKE_SOURCE_DIR}/tests/arch/binary.sh ${arch} $<TARGET_FILE:klp-ccp>)
  set_tests_properties(arch.binary.${arch} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
    LABELS arch)
endforeach()

# extract, glue, build the livepatch module against the cross tree, check its
# klp relocations (ppc64le, s390x: the architectures with LIVEPATCH in 6.1).
foreach(arch ppc64le s390x)
  add_test(NAME arch.module.${arch}
    COMMAND bash ${CMAKE_SOURCE_DIR}/tests/arch/module.sh ${arch})
  set_tests_properties(arch.module.${arch} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
    LABELS "arch;glue"
    ENVIRONMENT "KLP_CCP=$<TARGET_FILE:klp-ccp>;KLP_CCP_SRC=${CMAKE_SOURCE_DIR}")
endforeach()

# Every file of each cross-built corpus parses with 0 errors (what GCC
# accepts for the target and clang does not is neutralized).
foreach(arch ppc64le s390x arm64)
  add_test(NAME arch.parse.${arch}
    COMMAND sh -c "CORPUS=\${CORPUS:-\$HOME/.cache/klp-ccp-corpus}-${arch} exec sh ${CMAKE_SOURCE_DIR}/tests/corpus/parse_corpus.sh $<TARGET_FILE:parse_check>")
  set_tests_properties(arch.parse.${arch} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600
    LABELS "arch;parse")
endforeach()

# changed-functions warns about changed functions without an ftrace call
# site, found in each architecture's call-site section.
add_test(NAME arch.ftrace
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/arch/ftrace.sh $<TARGET_FILE:klp-ccp>)
set_tests_properties(arch.ftrace PROPERTIES TIMEOUT 120 LABELS "arch;objcmp")
