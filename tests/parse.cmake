# parse_check: the cmdline + prelude + parse stages (DESIGN.md section 1).
add_executable(parse_check
  ${CMAKE_SOURCE_DIR}/tests/unit/parse_check.c
  ${CMAKE_SOURCE_DIR}/src/gcc_cmdline.c
  ${CMAKE_SOURCE_DIR}/src/gcc_prelude.c
  ${CMAKE_SOURCE_DIR}/src/cleanup.c
  ${CMAKE_SOURCE_DIR}/src/parse.c
  ${CMAKE_SOURCE_DIR}/src/maps.c
  ${CMAKE_SOURCE_DIR}/src/neutral.c
  ${CMAKE_SOURCE_DIR}/src/util.c
  ${CMAKE_SOURCE_DIR}/src/diag.c)
target_include_directories(parse_check PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_definitions(parse_check PRIVATE _GNU_SOURCE)
target_compile_options(parse_check PRIVATE -Wall -Wextra -Wno-unused-parameter -Wshadow -Wstrict-prototypes)
target_link_libraries(parse_check PRIVATE libclang)
set_target_properties(parse_check PROPERTIES BUILD_RPATH ${KLP_CCP_LLVM_DIR}/lib)
if(KLP_CCP_SANITIZE)
  target_compile_options(parse_check PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(parse_check PRIVATE -fsanitize=address,undefined)
endif()

# Inputs of the small user-space cases, written at configure time.
set(PC_DIR ${CMAKE_CURRENT_BINARY_DIR}/parse)
file(WRITE ${PC_DIR}/glibc.c [=[
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int main(int argc, char **argv)
{
	double d = argc > 1 ? strtod(argv[1], NULL) : 2.0;
	char buf[64];

	pthread_mutex_lock(&lock);
	snprintf(buf, sizeof(buf), "%g %zu", sqrt(d), strlen(argv[0]));
	if (isnan(d) || isinf(d) || signbit(d))
		return 1;
	pthread_mutex_unlock(&lock);
	puts(buf);
	return 0;
}
]=])
file(WRITE ${PC_DIR}/gnuc.c [=[
#ifdef __clang__
#error "__clang__ is defined"
#endif
#if __GNUC__ != 12
#error "__GNUC__ is not 12"
#endif
#if !__has_attribute(__noclone__) || __has_builtin(__builtin_bitreverse32) || \
    __has_attribute(enable_if) || __has_attribute(fallthrough) != 201904
#error "__has_*() answers are clang's"
#endif
#ifdef __has_feature
#error "__has_feature is clang's"
#endif
int gnuc = __GNUC__;
]=])
file(WRITE ${PC_DIR}/defines.c [=[
#if !defined(ONE) || ONE != 1
#error "-DONE"
#endif
#if !defined(TWO) || TWO != 2
#error "-DTWO=2 after -DTWO=1"
#endif
#ifdef GONE
#error "-UGONE after -DGONE"
#endif
#if !defined(BACK) || BACK != 3
#error "-DBACK=3 after -UBACK"
#endif
int str_len = sizeof(STR);
int sq = SQ(3);
]=])
file(WRITE ${PC_DIR}/pre.h "#define FROM_PRE_INCLUDE 42\n")
file(WRITE ${PC_DIR}/include.c [=[
#if FROM_PRE_INCLUDE != 42
#error "-include pre.h"
#endif
int x = FROM_PRE_INCLUDE;
]=])
file(WRITE ${PC_DIR}/args.rsp "-DONE '-DTWO=1' \"-DTWO=2\" -DGONE @${PC_DIR}/nested.rsp\n")
file(WRITE ${PC_DIR}/nested.rsp "-UGONE -UBACK -DBACK=3 -DSTR=\\\"s\\ t\\\" '-DSQ(x)=((x)*(x))'\n")
# Names in no built-in list: found in the parsed files, asked of GCC, parsed again.
file(WRITE ${PC_DIR}/probe.h [=[
#if !__has_attribute(ms_abi) || !__has_builtin(__builtin_ia32_pause)
#error "no second pass"
#endif
#if __has_attribute(diagnose_if)
#error "clang's answer"
#endif
]=])
file(WRITE ${PC_DIR}/probe.c [=[
#include "probe.h"
#if !__has_attribute(__sysv_abi__)
#error "main file not scanned"
#endif
int x;
]=])
file(WRITE ${PC_DIR}/imacros.h [=[
#if __GNUC__ == 12 && defined(FROM_CMDLINE)
#define FROM_IMACROS 1
#endif
int discarded;
]=])
file(WRITE ${PC_DIR}/imacros.c [=[
#if FROM_IMACROS != 1
#error "-imacros saw no GCC macros"
#endif
int discarded(void);
int digit(int c) { return __builtin_isdigit(c); }
]=])
file(WRITE ${PC_DIR}/error.c "int f(void) { return undeclared_identifier; }\n")

set(PC $<TARGET_FILE:parse_check>)
set(PC_CACHE ${CMAKE_CURRENT_BINARY_DIR}/parse-cache)
set(PC_DEFS -DONE -DTWO=1 -DTWO=2 -DGONE -UGONE -UBACK -DBACK=3 "-DSTR=\"s t\"" "-DSQ(x)=((x)*(x))")

function(pc_test name)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "XDG_CACHE_HOME=${PC_CACHE}" TIMEOUT 120)
endfunction()

# Runs "parse_check ARGS", expects exit status RC and output matching REGEX.
function(pc_expect name rc regex)
  pc_test(${name} sh -c "\"$0\" \"$@\" 2>&1\necho exit=$?" ${PC} ${ARGN})
  set_tests_properties(${name} PROPERTIES PASS_REGULAR_EXPRESSION "${regex}exit=${rc}\n$")
endfunction()

pc_test(parse.glibc ${PC} -- gcc -O2 -Wall -c -o glibc.o ${PC_DIR}/glibc.c)
pc_test(parse.glibc_fortify ${PC} -- gcc -O2 -D_FORTIFY_SOURCE=2 -std=gnu11 -pthread -c ${PC_DIR}/glibc.c)
pc_test(parse.glibc_no_compiler ${PC} -- -O2 -c -o glibc.o ${PC_DIR}/glibc.c)
pc_test(parse.glibc_ansi ${PC} -- cc -std=c99 -pedantic -c ${PC_DIR}/glibc.c)
pc_test(parse.gnuc ${PC} -- gcc -c ${PC_DIR}/gnuc.c)
pc_expect(parse.gnuc_macros 0
  "^__clang__: not defined\n__GNUC__: defined at /<klp-ccp>/gcc-prelude.h:[0-9]+:[0-9]+: __GNUC__ 12\nerrors: 0\n"
  --print-macro __clang__ --print-macro __GNUC__ -- gcc -c ${PC_DIR}/gnuc.c)
pc_test(parse.defines ${PC} -- gcc ${PC_DEFS} -c ${PC_DIR}/defines.c)
pc_expect(parse.defines_macros 0
  "^GONE: not defined\nBACK: defined at /<klp-ccp>/gcc-prelude.h:[0-9]+:[0-9]+: BACK 3\nerrors: 0\n"
  --print-macro GONE --print-macro BACK -- gcc ${PC_DEFS} -c ${PC_DIR}/defines.c)
pc_test(parse.include ${PC} -- gcc -include ${PC_DIR}/pre.h -c ${PC_DIR}/include.c)
pc_test(parse.response_file ${PC} -- gcc @${PC_DIR}/args.rsp -c ${PC_DIR}/defines.c)
pc_test(parse.imacros ${PC} -- gcc -DFROM_CMDLINE -imacros ${PC_DIR}/imacros.h -c ${PC_DIR}/imacros.c)
pc_test(parse.probe_second_pass ${PC} -- gcc -c ${PC_DIR}/probe.c)
set_tests_properties(parse.probe_second_pass PROPERTIES ENVIRONMENT "XDG_CACHE_HOME=/proc/klp-ccp-none")
pc_test(parse.cache_unwritable ${PC} -- gcc -c ${PC_DIR}/gnuc.c)
set_tests_properties(parse.cache_unwritable PROPERTIES ENVIRONMENT "XDG_CACHE_HOME=/proc/klp-ccp-none")
pc_expect(parse.compiler_opt 0 "^errors: 0\n" -c x86_64-gcc-12.2.0 -- -c ${PC_DIR}/gnuc.c)
pc_expect(parse.compiler_version_differs 0
  "^klp-ccp: warning: [^\n]* is version [^\n]*, not 99.1.0 as requested\nerrors: 0\n"
  -c x86_64-gcc-99.1.0 -- -c ${PC_DIR}/gnuc.c)
pc_expect(parse.prelude 0 "#define __GNUC__ 12\n.*#define ONE 1\n#define TWO 1\n#define TWO 2\n.*"
  --dump-prelude -- gcc -DONE -DTWO=1 -DTWO=2 -c ${PC_DIR}/gnuc.c)

# Errors: one line each and a non-zero exit.
pc_expect(parse.clang_error 1
  "^[^\n]*/error.c:1:22: error: use of undeclared identifier 'undeclared_identifier'\nerrors: 1\n"
  -- gcc -c ${PC_DIR}/error.c)
pc_expect(parse.err_no_input 1 "^klp-ccp: error: no input file[^\n]*\n" -- gcc -c -O2)
pc_expect(parse.err_two_inputs 1 "^klp-ccp: error: more than one input file[^\n]*\n"
  -- gcc -c ${PC_DIR}/gnuc.c ${PC_DIR}/include.c)
pc_expect(parse.err_missing_arg 1 "^klp-ccp: error: missing argument to '-o'[^\n]*\n"
  -- gcc -c ${PC_DIR}/gnuc.c -o)
pc_expect(parse.err_response_file 1 "^klp-ccp: error: cannot read response file '[^\n]*/none.rsp': No such file or directory\n"
  -- gcc @${PC_DIR}/none.rsp -c ${PC_DIR}/gnuc.c)
pc_expect(parse.err_missing_input 1 "^klp-ccp: error: kernel/foo.c: No such file or directory\n"
  -- gcc -c kernel/foo.c)
pc_expect(parse.err_bad_compiler 1 "^klp-ccp: error: invalid compiler 'nonsense'[^\n]*\n"
  -c nonsense -- gcc -c ${PC_DIR}/gnuc.c)
pc_expect(parse.err_bad_define 1 "^klp-ccp: error: invalid macro in compiler option '-D=1'\n"
  -- gcc -D=1 -c ${PC_DIR}/gnuc.c)

# The kernel corpus: 0 errors on every file; skipped without the corpus.
add_test(NAME parse.corpus COMMAND sh ${CMAKE_SOURCE_DIR}/tests/corpus/parse_corpus.sh ${PC})
set_tests_properties(parse.corpus PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900
  ENVIRONMENT "XDG_CACHE_HOME=${PC_CACHE}")
