/*
 * Make libclang see what GCC saw (DESIGN.md section 1): ask the compiler for
 * its predefined macros, its default include directories and its answers to
 * __has_attribute()-style probes, cache the answers, and build the prelude
 * header and the clang command line from them.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "klp-ccp/cleanup.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/gcc_cmdline.h"

extern char **environ;

#define CACHE_MAGIC "klp-ccp gcc-answers 1"
#define CACHE_END "end of klp-ccp gcc-answers\n"

/* The __has_KIND(NAME) probes: answered by GCC when it has __has_KIND. */
static const char *const probe_kinds[] = {
	"attribute", "builtin", "c_attribute", "cpp_attribute", "feature", "extension", NULL
};

/* Built-in macros of clang that GCC may lack: #undef'd when GCC lacks them. */
static const char *const clang_builtin_macros[] = {
	"__has_declspec_attribute", "__has_warning", "__is_identifier",
	"__is_target_arch", "__is_target_vendor", "__is_target_os",
	"__is_target_environment", "__is_target_variant_os",
	"__is_target_variant_environment", "__has_constexpr_builtin",
	"__building_module", "__has_include", "__has_include_next", "__FILE_NAME__", NULL
};

/* Macros clang predefines even with -undef: removed unless GCC has them. */
static const char *const clang_undef_leftovers[] = {
	"__STDC__", "__STDC_HOSTED__", "__STDC_VERSION__", "__STDC_UTF_16__",
	"__STDC_UTF_32__", "__GCC_HAVE_DWARF2_CFI_ASM", NULL
};

/* GCC macros that are clang built-ins since clang 15: left to clang there. */
static const char *const clang15_builtin_macros[] = {
	"__FLT_EVAL_METHOD__", NULL
};

/*
 * Names probed by the Linux kernel (include/, arch/x86/include/), by glibc's
 * headers and a few common ones. Attribute names are also asked in their
 * __NAME__ spelling. Names found while parsing are added (parse.c).
 */
static const char *const seed_attributes[] = {
	"access", "alias", "aligned", "alloc_align", "alloc_size", "always_inline",
	"artificial", "assume_aligned", "btf_decl_tag", "btf_type_tag", "cf_check",
	"cleanup", "cold", "common", "const", "constructor", "copy", "counted_by",
	"deprecated", "designated_init", "destructor", "diagnose_as_builtin",
	"disable_sanitizer_instrumentation", "disable_tail_calls", "enable_if",
	"error", "externally_visible", "fallthrough", "fd_arg", "flatten", "format",
	"format_arg", "function_return", "gnu_inline", "hot", "ifunc",
	"indirect_branch", "leaf", "malloc", "may_alias", "minsize", "mode", "naked",
	"no_caller_saved_registers", "no_instrument_function",
	"no_profile_instrument_function", "no_reorder", "no_sanitize",
	"no_sanitize_address", "no_sanitize_coverage", "no_sanitize_thread",
	"no_sanitize_undefined", "no_split_stack", "no_stack_protector", "nocf_check",
	"noclone", "nocommon", "nodebug", "noinit", "noinline", "noipa", "nonnull",
	"nonstring", "noplt", "noreturn", "nothrow", "optimize", "overloadable",
	"packed", "pass_object_size", "patchable_function_entry", "persistent",
	"preserve_most", "pure", "require_constant_initialization", "retain",
	"returns_nonnull", "returns_twice", "scalar_storage_order", "section",
	"sentinel", "simd", "stack_protect", "symver", "target", "target_clones",
	"tls_model", "transparent_union", "trivial_abi", "unavailable",
	"uninitialized", "unused", "used", "vector_size", "visibility",
	"warn_if_not_aligned", "warn_unused_result", "warning", "weak", "weakref",
	"zero_call_used_regs", NULL
};

static const char *const seed_c_attributes[] = {
	"deprecated", "fallthrough", "maybe_unused", "nodiscard", "noreturn",
	"_Noreturn", "reproducible", "unsequenced", NULL
};

static const char *const seed_builtins[] = {
	"__builtin_FILE", "__builtin_FUNCTION", "__builtin_LINE",
	"__builtin_add_overflow", "__builtin_alloca_uninitialized",
	"__builtin_assume", "__builtin_assume_aligned", "__builtin_bit_cast",
	"__builtin_bitreverse16", "__builtin_bitreverse32", "__builtin_bitreverse64",
	"__builtin_bitreverse8", "__builtin_bswap128", "__builtin_bswap16",
	"__builtin_bswap32", "__builtin_bswap64", "__builtin_btf_type_id",
	"__builtin_choose_expr", "__builtin_classify_type",
	"__builtin_clear_padding", "__builtin_clz", "__builtin_clzll",
	"__builtin_constant_p", "__builtin_convertvector", "__builtin_ctz",
	"__builtin_ctzll", "__builtin_debugtrap", "__builtin_dynamic_object_size",
	"__builtin_expect", "__builtin_expect_with_probability", "__builtin_fclose",
	"__builtin_ffs", "__builtin_frame_address", "__builtin_has_attribute",
	"__builtin_is_constant_evaluated", "__builtin_is_corresponding_member",
	"__builtin_is_pointer_interconvertible_with_class", "__builtin_isdigit",
	"__builtin_isinf", "__builtin_isnan", "__builtin_issignaling",
	"__builtin_memcpy", "__builtin_memset", "__builtin_mul_overflow",
	"__builtin_nan", "__builtin_object_size", "__builtin_offsetof",
	"__builtin_operator_new", "__builtin_parity", "__builtin_popcount",
	"__builtin_prefetch", "__builtin_preserve_access_index",
	"__builtin_return_address", "__builtin_sadd_overflow",
	"__builtin_shufflevector", "__builtin_smul_overflow",
	"__builtin_source_location", "__builtin_speculation_safe_value",
	"__builtin_sprintf", "__builtin_ssub_overflow", "__builtin_strlen",
	"__builtin_sub_overflow", "__builtin_trap", "__builtin_types_compatible_p",
	"__builtin_uadd_overflow", "__builtin_unreachable", "__builtin_va_arg_pack",
	"__builtin_va_arg_pack_len", "__is_layout_compatible",
	"__is_pointer_interconvertible_base_of", "__make_integer_seq", NULL
};

static const char *const seed_features[] = {
	"address_sanitizer", "attribute_analyzer_noreturn",
	"attribute_deprecated_with_message", "attribute_unavailable_with_message",
	"coverage_sanitizer", "hwaddress_sanitizer", "kcfi", "memory_sanitizer",
	"shadow_call_stack", "thread_sanitizer", "undefined_behavior_sanitizer", NULL
};

/*
 * Shims for GCC keywords and built-ins clang lacks, found in real headers:
 * glibc (GCC >= 7) expects the _FloatN types and the f128 built-ins, and
 * (GCC >= 11) writes __malloc__(deallocator, argno); the kernel's ctype.h
 * calls __builtin_isdigit when GCC has it; glibc's fortified headers call
 * __builtin_va_arg_pack(); the x86 named address spaces are GCC keywords.
 * libclang (16) crashes printing assume_aligned with one argument (the
 * kernel's kmalloc_trace(), fun_attrs.c prints declarations): give clang the
 * same attribute with its offset written (0 + offset + 0, or 0).
 */
static const char prelude_shims[] =
	"#ifdef __FLT32_MANT_DIG__\n"
	"#define _Float32 float\n"
	"#endif\n"
	"#ifdef __FLT64_MANT_DIG__\n"
	"#define _Float64 double\n"
	"#endif\n"
	"#ifdef __FLT32X_MANT_DIG__\n"
	"#define _Float32x double\n"
	"#endif\n"
	"#if defined(__FLT64X_MANT_DIG__) && __FLT64X_MANT_DIG__ == __LDBL_MANT_DIG__\n"
	"#define _Float64x long double\n"
	"#elif defined(__FLT64X_MANT_DIG__) && defined(__SIZEOF_FLOAT128__)\n"
	"#define _Float64x __float128\n"
	"#endif\n"
	"#if defined(__FLT128_MANT_DIG__) && __FLT128_MANT_DIG__ == __LDBL_MANT_DIG__\n"
	"#define _Float128 long double\n"
	"#elif defined(__FLT128_MANT_DIG__) && defined(__SIZEOF_FLOAT128__)\n"
	"#define _Float128 __float128\n"
	"#endif\n"
	"#define __malloc__(...) __malloc__\n"
	"#define __assume_aligned__(a, ...) __assume_aligned__(a, 0 + __VA_ARGS__ + 0)\n"
	"#ifdef __SEG_FS\n"
	"#define __seg_fs __attribute__((address_space(257)))\n"
	"#endif\n"
	"#ifdef __SEG_GS\n"
	"#define __seg_gs __attribute__((address_space(256)))\n"
	"#endif\n";

/*
 * GCC's __atomic builtins on _Atomic objects, renamed __atomiC_X where clang
 * rejected them (neutral.h): clang's __c11_atomic builtins through a pointer
 * made _Atomic, which also fits a plain one (__atomiC_P). The op_fetch forms
 * compute their result from the fetch_op one: the same type, all the parse
 * needs.
 */
static const char prelude_atomics[] =
	"#define __atomiC_P(p) ((_Atomic __typeof__(*(p)) *)(p))\n"
	"#define __atomiC_load_n(p, mo) __c11_atomic_load(__atomiC_P(p), mo)\n"
	"#define __atomiC_load(p, r, mo) ((void)(*(r) = __c11_atomic_load(__atomiC_P(p), mo)))\n"
	"#define __atomiC_store_n(p, v, mo) __c11_atomic_store(__atomiC_P(p), v, mo)\n"
	"#define __atomiC_store(p, v, mo) __c11_atomic_store(__atomiC_P(p), *(v), mo)\n"
	"#define __atomiC_exchange_n(p, v, mo) __c11_atomic_exchange(__atomiC_P(p), v, mo)\n"
	"#define __atomiC_exchange(p, v, r, mo) "
	"((void)(*(r) = __c11_atomic_exchange(__atomiC_P(p), *(v), mo)))\n"
	"#define __atomiC_compare_exchange_n(p, e, d, w, s, f) ((w) ? "
	"__c11_atomic_compare_exchange_weak(__atomiC_P(p), e, d, s, f) : "
	"__c11_atomic_compare_exchange_strong(__atomiC_P(p), e, d, s, f))\n"
	"#define __atomiC_compare_exchange(p, e, d, w, s, f) "
	"__atomiC_compare_exchange_n(p, e, *(d), w, s, f)\n"
	"#define __atomiC_fetch_add(p, v, mo) __c11_atomic_fetch_add(__atomiC_P(p), v, mo)\n"
	"#define __atomiC_fetch_sub(p, v, mo) __c11_atomic_fetch_sub(__atomiC_P(p), v, mo)\n"
	"#define __atomiC_fetch_and(p, v, mo) __c11_atomic_fetch_and(__atomiC_P(p), v, mo)\n"
	"#define __atomiC_fetch_or(p, v, mo) __c11_atomic_fetch_or(__atomiC_P(p), v, mo)\n"
	"#define __atomiC_fetch_xor(p, v, mo) __c11_atomic_fetch_xor(__atomiC_P(p), v, mo)\n"
	"#define __atomiC_fetch_nand(p, v, mo) __c11_atomic_fetch_nand(__atomiC_P(p), v, mo)\n"
	"#define __atomiC_add_fetch(p, v, mo) (__atomiC_fetch_add(p, v, mo) + (v))\n"
	"#define __atomiC_sub_fetch(p, v, mo) (__atomiC_fetch_sub(p, v, mo) - (v))\n"
	"#define __atomiC_and_fetch(p, v, mo) (__atomiC_fetch_and(p, v, mo) & (v))\n"
	"#define __atomiC_or_fetch(p, v, mo) (__atomiC_fetch_or(p, v, mo) | (v))\n"
	"#define __atomiC_xor_fetch(p, v, mo) (__atomiC_fetch_xor(p, v, mo) ^ (v))\n"
	"#define __atomiC_nand_fetch(p, v, mo) (~(__atomiC_fetch_nand(p, v, mo) & (v)))\n";

/* Declarations: dropped when the prelude is read as -imacros. */
static const char prelude_decls[] =
	"int __builtin_isdigit(int);\n"
	"int __builtin_va_arg_pack(void);\n"
	"int __builtin_va_arg_pack_len(void);\n";

/* Diagnostics clang 15/16 made errors that GCC 12 only warns about. */
static const char *const clang_args_tail[] = {
	"-ferror-limit=0", "-Wno-unknown-warning-option", "-Qunused-arguments",
	"-Wno-builtin-macro-redefined", "-w",
	"-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int",
	"-Wno-error=int-conversion", "-Wno-error=incompatible-function-pointer-types",
	"-Wno-error=incompatible-pointer-types", "-Wno-error=return-type", NULL
};

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static bool in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

/* ---- running the compiler ---- */

static void push_args(struct strlist *argv, const char *const *args)
{
	for (; *args; args++)
		strlist_push(argv, *args);
}

/* NULL-terminated copy of the pointers of l (the strings stay in l). */
static char **argv_of(const struct strlist *l)
{
	char **v = xcalloc(l->n + 1, sizeof(*v));

	memcpy(v, l->v, l->n * sizeof(*v));
	return v;
}

static int spawn(const struct strlist *argv, int fd_in, int fd_out, int fd_err, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	char **v = argv_of(argv);
	int err;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd_in, 0);
	posix_spawn_file_actions_adddup2(&fa, fd_out, 1);
	posix_spawn_file_actions_adddup2(&fa, fd_err, 2);
	err = posix_spawnp(pid, v[0], &fa, NULL, v, environ);
	posix_spawn_file_actions_destroy(&fa);
	free(v);
	return err;
}

/* Feed fd[0] (stdin, may be -1) from in; collect fd[1] and fd[2]. */
static void pump(int fd[3], const char *in, struct strbuf *out, struct strbuf *err)
{
	size_t in_len = in ? strlen(in) : 0, in_off = 0;
	char buf[65536];

	while (fd[1] >= 0 || fd[2] >= 0) {
		struct pollfd p[3] = {
			{ fd[0], POLLOUT, 0 }, { fd[1], POLLIN, 0 }, { fd[2], POLLIN, 0 }
		};

		if (poll(p, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[0].revents) {
			ssize_t n = write(fd[0], in + in_off, in_len - in_off);

			in_off += n > 0 ? (size_t)n : 0;
			if (n <= 0 || in_off == in_len) {
				close(fd[0]);
				fd[0] = -1;
			}
		}
		for (int i = 1; i < 3; i++) {
			ssize_t n;

			if (!p[i].revents)
				continue;
			n = read(fd[i], buf, sizeof(buf));
			if (n > 0) {
				sb_addn(i == 1 ? out : err, buf, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				close(fd[i]);
				fd[i] = -1;
			}
		}
	}
	if (fd[0] >= 0)
		close(fd[0]);
}

static int wait_status(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void close_pair(int p[2])
{
	if (p[0] >= 0)
		close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
}

/*
 * Run argv (no shell) with in on stdin (/dev/null when NULL); collect its
 * stdout and stderr. Returns the exit status, or -1 with an error printed
 * when it could not be started.
 */
static int run_program(const struct strlist *argv, const char *in,
		       struct strbuf *out, struct strbuf *err)
{
	int pin[2] = { -1, -1 }, pout[2] = { -1, -1 }, perr[2] = { -1, -1 };
	int fd[3], e = 0;
	void (*old_pipe)(int);
	pid_t pid;

	if (in)
		e = pipe2(pin, O_CLOEXEC) ? errno : 0;
	else if ((pin[0] = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0)
		e = errno;
	if (!e && (pipe2(pout, O_CLOEXEC) || pipe2(perr, O_CLOEXEC)))
		e = errno;
	if (!e)
		e = spawn(argv, pin[0], pout[1], perr[1], &pid);
	if (e) {
		diag_error("cannot run %s: %s", argv->v[0], strerror(e));
		close_pair(pin);
		close_pair(pout);
		close_pair(perr);
		return -1;
	}
	close(pin[0]);
	close(pout[1]);
	close(perr[1]);
	fd[0] = pin[1];
	fd[1] = pout[0];
	fd[2] = perr[0];
	old_pipe = signal(SIGPIPE, SIG_IGN);
	pump(fd, in, out, err);
	signal(SIGPIPE, old_pipe);
	return wait_status(pid);
}

/* The line of a compiler's stderr that says what went wrong. */
static char *error_line(const char *text)
{
	const char *line = strstr(text, "error:"), *end;

	if (line) {
		while (line > text && line[-1] != '\n')
			line--;
	} else {
		/* the last non-empty line */
		end = text + strlen(text);
		while (end > text && end[-1] == '\n')
			end--;
		line = end;
		while (line > text && line[-1] != '\n')
			line--;
	}
	end = strchrnul(line, '\n');
	if (end == line)
		return xstrdup("(no message)");
	return xstrndup(line, (size_t)(end - line));
}

static void compiler_argv(const struct gcc_cmdline *cl, struct strlist *argv)
{
	strlist_push(argv, cl->compiler);
	for (size_t i = 0; i < cl->target_flags.n; i++)
		strlist_push(argv, cl->target_flags.v[i]);
}

/* ---- what one "-dM -E -v" run tells ---- */

/* Directories listed after "#include <...> search starts here:". */
static void parse_search_list(const char *err, struct strlist *dirs)
{
	const char *p = strstr(err, "#include <...> search starts here:\n");

	if (!p)
		return;
	p = strchr(p, '\n') + 1;
	while (*p == ' ') {
		const char *nl = strchrnul(p, '\n');
		const char *end = nl;
		const char *fw = strstr(p, " (framework directory)");

		if (fw && fw < nl)
			end = fw;
		strlist_push_owned(dirs, xstrndup(p + 1, (size_t)(end - p - 1)));
		p = *nl ? nl + 1 : nl;
	}
}

static const char *next_line(const char *p)
{
	p = strchrnul(p, '\n');
	return *p ? p + 1 : p;
}

/* The word after PREFIX at the start of a line of text, or NULL. */
static char *word_after(const char *text, const char *prefix)
{
	for (const char *p = text; *p; p = next_line(p))
		if (starts_with(p, prefix))
			return xstrndup(p + strlen(prefix), strcspn(p + strlen(prefix), " \n"));
	return NULL;
}

/* From "gcc version 12.2.0 (Debian ...)" (or "clang version ..."). */
static char *version_line(const char *text)
{
	for (const char *p = text; *p; p = next_line(p)) {
		size_t word = strcspn(p, " \n");

		if (starts_with(p + word, " version "))
			return xstrndup(p + word + 9, strcspn(p + word + 9, " \n"));
	}
	return NULL;
}

static int query_compiler(struct gcc_cmdline *cl)
{
	static const char *const extra[] = { "-dM", "-E", "-v", "-x", "c", "-", NULL };
	struct strlist argv = {0};
	struct strbuf out = {0}, err = {0};
	int status;

	compiler_argv(cl, &argv);
	push_args(&argv, extra);
	status = run_program(&argv, NULL, &out, &err);
	strlist_release(&argv);
	if (status != 0 || !out.len) {
		if (status >= 0) {
			char *line = error_line(err.buf ? err.buf : "");

			diag_error("%s could not report its predefined macros: %s",
				   cl->compiler, line);
			free(line);
		}
		sb_release(&out);
		sb_release(&err);
		return -1;
	}
	cl->gcc_macros = sb_detach(&out);
	cl->gcc_target = word_after(err.buf, "Target: ");
	cl->gcc_version = version_line(err.buf);
	parse_search_list(err.buf, &cl->sys_includes);
	sb_release(&err);
	return 0;
}

/* ---- __has_*() probes ---- */

static void add_probe(struct gcc_cmdline *cl, const char *kind, const char *name)
{
	char *p = xasprintf("%s %s", kind, name);

	if (strlist_contains(&cl->probes, p))
		free(p);
	else
		strlist_push_owned(&cl->probes, p);
}

static void seed_kind(struct gcc_cmdline *cl, const char *kind, const char *const *names)
{
	for (; *names; names++)
		add_probe(cl, kind, *names);
}

static void seed_probes(struct gcc_cmdline *cl)
{
	for (const char *const *k = probe_kinds; *k; k++) {
		char *macro = xasprintf("__has_%s", *k);

		add_probe(cl, "defined", macro);
		free(macro);
	}
	seed_kind(cl, "defined", clang_builtin_macros);
	seed_kind(cl, "attribute", seed_attributes);
	seed_kind(cl, "c_attribute", seed_c_attributes);
	seed_kind(cl, "builtin", seed_builtins);
	seed_kind(cl, "feature", seed_features);
	seed_kind(cl, "extension", seed_features);
}

/* "noinline" for "__noinline__" and the reverse. */
static char *other_spelling(const char *name)
{
	size_t len = strlen(name);

	if (len > 4 && starts_with(name, "__") && !strcmp(name + len - 2, "__"))
		return xstrndup(name + 2, len - 4);
	return xasprintf("__%s__", name);
}

/* Attribute names come in two spellings: ask both. */
static void add_other_spellings(struct gcc_cmdline *cl)
{
	size_t n = cl->probes.n;

	for (size_t i = cl->probe_values.n; i < n; i++) {
		const char *p = cl->probes.v[i], *name = strchr(p, ' ') + 1;
		char *kind, *other;

		if (!strstr(p, "attribute "))
			continue;
		kind = xstrndup(p, (size_t)(name - 1 - p));
		other = other_spelling(name);
		add_probe(cl, kind, other);
		free(kind);
		free(other);
	}
}

/* One probe as C text: prints "klp_ccp_probe INDEX VALUE". */
static void probe_snippet(struct strbuf *sb, size_t i, const char *probe)
{
	const char *name = strchr(probe, ' ') + 1;
	int kind_len = (int)(name - 1 - probe);

	if (starts_with(probe, "defined ")) {
		sb_addf(sb, "#ifdef %s\nklp_ccp_probe %zu 1\n#else\nklp_ccp_probe %zu 0\n#endif\n",
			name, i, i);
		return;
	}
	sb_addf(sb, "#ifdef __has_%.*s\nklp_ccp_probe %zu __has_%.*s(%s)\n#endif\n",
		kind_len, probe, i, kind_len, probe, name);
}

static bool is_probe_value(const char *s, size_t n)
{
	size_t digits = strspn(s, "0123456789");

	return digits > 0 && digits + strspn(s + digits, "LlUu") == n;
}

/* Read "klp_ccp_probe INDEX VALUE" lines into cl->probe_values. */
static void read_probe_answers(struct gcc_cmdline *cl, const char *out, size_t first)
{
	const char *p = out;

	while ((p = strstr(p, "klp_ccp_probe "))) {
		char *end;
		unsigned long i = strtoul(p + 14, &end, 10);
		size_t n;

		p = end + strspn(end, " ");
		n = strcspn(p, " \n");
		if (i >= first && i < cl->probes.n && is_probe_value(p, n)) {
			free(cl->probe_values.v[i]);
			cl->probe_values.v[i] = xstrndup(p, n);
		}
	}
}

/* Ask GCC, in one run, the probes that have no answer yet. */
static int ask_probes(struct gcc_cmdline *cl)
{
	static const char *const extra[] = { "-E", "-P", "-x", "c", "-", NULL };
	size_t first = cl->probe_values.n;
	struct strbuf snippet = {0}, out = {0}, err = {0};
	struct strlist argv = {0};
	int status;

	for (size_t i = first; i < cl->probes.n; i++) {
		probe_snippet(&snippet, i, cl->probes.v[i]);
		strlist_push(&cl->probe_values, "0");
	}
	compiler_argv(cl, &argv);
	push_args(&argv, extra);
	status = run_program(&argv, snippet.buf, &out, &err);
	strlist_release(&argv);
	if (status >= 0)
		read_probe_answers(cl, out.buf ? out.buf : "", first);
	if (status > 0 && !strstr(out.buf ? out.buf : "", "klp_ccp_probe ")) {
		char *line = error_line(err.buf ? err.buf : "");

		diag_error("%s could not answer __has_attribute() probes: %s", cl->compiler, line);
		free(line);
		status = -1;
	}
	sb_release(&snippet);
	sb_release(&out);
	sb_release(&err);
	return status < 0 ? -1 : 0;
}

/* The answer GCC gave for "KIND NAME", NULL when not asked. */
static const char *probe_answer(const struct gcc_cmdline *cl, const char *kind, const char *name)
{
	size_t klen = strlen(kind);

	for (size_t i = 0; i < cl->probe_values.n; i++) {
		const char *p = cl->probes.v[i];

		if (!strncmp(p, kind, klen) && p[klen] == ' ' && !strcmp(p + klen + 1, name))
			return cl->probe_values.v[i];
	}
	return NULL;
}

static bool gcc_defines(const struct gcc_cmdline *cl, const char *macro)
{
	const char *v = probe_answer(cl, "defined", macro);

	return v && strcmp(v, "0");
}

/* ---- the cache ---- */

static uint64_t fnv1a(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t fnv1a_str(uint64_t h, const char *s)
{
	return fnv1a(h, s, strlen(s) + 1);
}

static char *cache_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/klp-ccp", xdg);
	if (home && home[0])
		return xasprintf("%s/.cache/klp-ccp", home);
	return NULL;
}

/* Cache file for this compiler binary and flag set; NULL if none. */
static char *cache_path(const struct gcc_cmdline *cl)
{
	char *real = realpath(cl->compiler, NULL), *dir, *path;
	uint64_t h = 0xcbf29ce484222325ULL;
	struct stat st;

	if (!real)
		return NULL;
	if (stat(real, &st) || !(dir = cache_dir())) {
		free(real);
		return NULL;
	}
	h = fnv1a_str(h, CACHE_MAGIC);
	h = fnv1a_str(h, real);
	h = fnv1a(h, &st.st_mtim.tv_sec, sizeof(st.st_mtim.tv_sec));
	h = fnv1a(h, &st.st_mtim.tv_nsec, sizeof(st.st_mtim.tv_nsec));
	h = fnv1a(h, &st.st_size, sizeof(st.st_size));
	for (size_t i = 0; i < cl->target_flags.n; i++)
		h = fnv1a_str(h, cl->target_flags.v[i]);
	path = xasprintf("%s/%016llx", dir, (unsigned long long)h);
	free(real);
	free(dir);
	return path;
}

/* "KIND NAME VALUE" of a cached probe, as ask_probes() would have stored it. */
static bool is_cached_probe(const char *s)
{
	size_t kind = strspn(s, "abcdefghijklmnopqrstuvwxyz_"), name;

	if (!kind || s[kind] != ' ')
		return false;
	s += kind + 1;
	name = strspn(s, "abcdefghijklmnopqrstuvwxyz"
		      "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789$");
	return name && s[name] == ' ' && is_probe_value(s + name + 1, strlen(s + name + 1));
}

static void cache_line(struct gcc_cmdline *cl, const char *line, struct strbuf *macros)
{
	const char *v;

	if (starts_with(line, "macro #define ")) {
		sb_adds(macros, line + 6);
		sb_addc(macros, '\n');
	} else if (starts_with(line, "incdir ")) {
		strlist_push(&cl->sys_includes, line + 7);
	} else if (starts_with(line, "version ") && !cl->gcc_version) {
		cl->gcc_version = xstrdup(line + 8);
	} else if (starts_with(line, "target ") && !cl->gcc_target) {
		cl->gcc_target = xstrdup(line + 7);
	} else if (starts_with(line, "probe ") && is_cached_probe(line + 6)) {
		v = strrchr(line, ' ');
		strlist_push_owned(&cl->probes, xstrndup(line + 6, (size_t)(v - line - 6)));
		strlist_push(&cl->probe_values, v + 1);
	}
}

/* Fill cl from the cache file; false (cl untouched) when there is none. */
static bool cache_load(struct gcc_cmdline *cl, const char *path)
{
	struct strbuf macros = {0};
	size_t len = 0, end_len = strlen(CACHE_END);
	char *text = read_file(path, &len), *line, *save = NULL;

	if (!text || !starts_with(text, CACHE_MAGIC "\n") || !strstr(text, "\nmacro ") ||
	    len < end_len || strcmp(text + len - end_len, CACHE_END) ||
	    memchr(text, '\0', len)) {
		free(text);
		return false;
	}
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		cache_line(cl, line, &macros);
	free(text);
	cl->gcc_macros = sb_detach(&macros);
	return true;
}

static void cache_format(const struct gcc_cmdline *cl, struct strbuf *sb)
{
	const char *p, *nl;

	sb_adds(sb, CACHE_MAGIC "\n");
	if (cl->gcc_version)
		sb_addf(sb, "version %s\n", cl->gcc_version);
	if (cl->gcc_target)
		sb_addf(sb, "target %s\n", cl->gcc_target);
	for (size_t i = 0; i < cl->sys_includes.n; i++)
		sb_addf(sb, "incdir %s\n", cl->sys_includes.v[i]);
	for (size_t i = 0; i < cl->probe_values.n; i++)
		sb_addf(sb, "probe %s %s\n", cl->probes.v[i], cl->probe_values.v[i]);
	for (p = cl->gcc_macros; *p; p = *nl ? nl + 1 : nl) {
		nl = strchrnul(p, '\n');
		if (nl > p)
			sb_addf(sb, "macro %.*s\n", (int)(nl - p), p);
	}
	sb_adds(sb, CACHE_END);
}

static int mkdir_p(const char *dir)
{
	char *copy = xstrdup(dir);

	for (char *s = copy + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(copy, 0777) && errno != EEXIST) {
			free(copy);
			return -1;
		}
		*s = '/';
	}
	free(copy);
	return mkdir(dir, 0777) && errno != EEXIST ? -1 : 0;
}

/* Write the cache atomically (temporary file + rename); failures are ignored. */
static void cache_store(const struct gcc_cmdline *cl, const char *path)
{
	struct strbuf sb = {0};
	char *dir = xstrdup(path), *tmp = xasprintf("%s.XXXXXX", path);
	int fd;

	*strrchr(dir, '/') = '\0';
	if (mkdir_p(dir) == 0 && (fd = cleanup_mkstemp(tmp)) >= 0) {
		bool ok;

		cache_format(cl, &sb);
		ok = !write_fd_all(fd, sb.buf, sb.len);
		if (close(fd) || !ok || rename(tmp, path))
			unlink(tmp);
		cleanup_forget(tmp);
	}
	sb_release(&sb);
	free(dir);
	free(tmp);
}

/* ---- gathering GCC's answers ---- */

static bool version_matches(const char *have, const char *want)
{
	size_t n = strlen(want);

	return have && !strncmp(have, want, n) && (have[n] == '\0' || have[n] == '.');
}

static void check_version(const struct gcc_cmdline *cl)
{
	if (cl->compiler_version && !version_matches(cl->gcc_version, cl->compiler_version))
		diag_warning("%s is version %s, not %s as requested", cl->compiler,
			     cl->gcc_version ? cl->gcc_version : "unknown", cl->compiler_version);
	if (cl->compiler_arch && cl->gcc_target &&
	    (strncmp(cl->gcc_target, cl->compiler_arch, strlen(cl->compiler_arch)) ||
	     cl->gcc_target[strlen(cl->compiler_arch)] != '-'))
		diag_warning("%s targets %s, not %s as requested", cl->compiler, cl->gcc_target,
			     cl->compiler_arch);
}

static int gather_answers(struct gcc_cmdline *cl)
{
	char *path = cache_path(cl);
	bool first = !cl->gcc_macros, changed = false;
	int ret = 0;

	if (first && !(path && cache_load(cl, path))) {
		if (query_compiler(cl) < 0) {
			free(path);
			return -1;
		}
		changed = true;
	}
	if (first) {
		check_version(cl);
		seed_probes(cl);
	}
	add_other_spellings(cl);
	if (cl->probe_values.n < cl->probes.n) {
		ret = ask_probes(cl);
		changed = true;
	}
	if (!ret && changed && path)
		cache_store(cl, path);
	free(path);
	return ret;
}

/* ---- the prelude ---- */

/* Name of the macro a "#define NAME..." line defines, in buf. */
static void macro_name(const char *line, char *buf, size_t size)
{
	size_t n = 0;

	line += 8;
	while (is_ident_char((unsigned char)line[n]) && n + 1 < size)
		n++;
	memcpy(buf, line, n);
	buf[n] = '\0';
}

/* The "#define NAME..." line of GCC's macros, or NULL. */
static const char *gcc_macro_line(const struct gcc_cmdline *cl, const char *name)
{
	char *key = xasprintf("#define %s", name);
	const char *p = cl->gcc_macros;
	size_t n = strlen(key);

	for (; p && (p = strstr(p, key)); p += n)
		if ((p == cl->gcc_macros || p[-1] == '\n') &&
		    (p[n] == ' ' || p[n] == '(' || p[n] == '\n' || !p[n]))
			break;
	free(key);
	return p;
}

static bool gcc_defines_macro(const struct gcc_cmdline *cl, const char *name)
{
	return gcc_macro_line(cl, name) != NULL;
}

/* Numeric value of GCC's object-like macro NAME; 0 when not defined. */
static long gcc_macro_number(const struct gcc_cmdline *cl, const char *name)
{
	const char *line = gcc_macro_line(cl, name);

	return line ? strtol(line + 8 + strlen(name), NULL, 10) : 0;
}

/* Major version of the libclang we run with. */
static unsigned libclang_major(void)
{
	CXString v = clang_getClangVersion();
	const char *s = clang_getCString(v), *p = s ? strstr(s, "version ") : NULL;
	unsigned major = p ? (unsigned)strtoul(p + 8, NULL, 10) : 0;

	clang_disposeString(v);
	return major;
}

static void prelude_macros(const struct gcc_cmdline *cl, struct strbuf *sb)
{
	bool clang15 = libclang_major() >= 15;
	const char *p, *nl;
	char name[256];

	for (const char *const *m = clang_undef_leftovers; *m; m++)
		if (!gcc_defines_macro(cl, *m))
			sb_addf(sb, "#undef %s\n", *m);
	for (p = cl->gcc_macros; *p; p = *nl ? nl + 1 : nl) {
		nl = strchrnul(p, '\n');
		if (!starts_with(p, "#define "))
			continue;
		macro_name(p, name, sizeof(name));
		if (!clang15 || !in_list(name, clang15_builtin_macros))
			sb_addf(sb, "%.*s\n", (int)(nl - p), p);
	}
}

/* __has_KIND(x): GCC's answer for x, or undefined if GCC has no __has_KIND. */
static void prelude_probe_macros(const struct gcc_cmdline *cl, struct strbuf *sb)
{
	for (const char *const *k = probe_kinds; *k; k++) {
		char *macro = xasprintf("__has_%s", *k);

		if (gcc_defines(cl, macro))
			sb_addf(sb, "#define %s(x) __klp_ccp_has_%s_##x\n", macro, *k);
		else
			sb_addf(sb, "#undef %s\n", macro);
		free(macro);
	}
	for (const char *const *m = clang_builtin_macros; *m; m++)
		if (!gcc_defines(cl, *m))
			sb_addf(sb, "#undef %s\n", *m);
	for (size_t i = 0; i < cl->probe_values.n; i++) {
		const char *p = cl->probes.v[i], *name = strchr(p, ' ') + 1;

		if (starts_with(p, "defined ") || !strcmp(cl->probe_values.v[i], "0"))
			continue;
		sb_addf(sb, "#define __klp_ccp_has_%.*s_%s %s\n", (int)(name - 1 - p), p, name,
			cl->probe_values.v[i]);
	}
}

/* A -D value on one line, as GCC reads it. */
static void add_one_line(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		sb_addc(sb, *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* -DX -> "#define X 1", -DX=Y -> "#define X Y", -UX -> "#undef X". */
static void prelude_defines(const struct gcc_cmdline *cl, struct strbuf *sb)
{
	for (size_t i = 0; i < cl->defines.n; i++) {
		const char *d = cl->defines.v[i] + 2, *eq = strchr(d, '=');

		if (cl->defines.v[i][1] == 'U') {
			sb_addf(sb, "#undef %s\n", d);
		} else if (!eq) {
			sb_addf(sb, "#define %s 1\n", d);
		} else {
			sb_addf(sb, "#define %.*s ", (int)(eq - d), d);
			add_one_line(sb, eq + 1);
			sb_addc(sb, '\n');
		}
	}
}

static bool has_imacros(const struct gcc_cmdline *cl)
{
	return strlist_contains(&cl->parse_flags, "-imacros");
}

/*
 * With -imacros the prelude is read twice: first as -imacros (clang reads
 * those before any -include), then as -include for its declarations.
 */
static char *build_prelude(const struct gcc_cmdline *cl)
{
	struct strbuf sb = {0};
	bool twice = has_imacros(cl);

	sb_addf(&sb, "/* klp-ccp: what %s %s (%s) predefines for this command line */\n",
		cl->compiler, cl->gcc_version ? cl->gcc_version : "",
		cl->gcc_target ? cl->gcc_target : "");
	if (twice)
		sb_adds(&sb, "#ifndef __KLP_CCP_PRELUDE__\n#define __KLP_CCP_PRELUDE__ 1\n");
	prelude_macros(cl, &sb);
	sb_adds(&sb, "/* klp-ccp: shims for GCC spellings clang lacks */\n");
	sb_adds(&sb, prelude_shims);
	sb_adds(&sb, prelude_atomics);
	sb_adds(&sb, "/* klp-ccp: GCC's answers to __has_*() probes */\n");
	prelude_probe_macros(cl, &sb);
	sb_adds(&sb, "/* klp-ccp: -D and -U of the command line */\n");
	prelude_defines(cl, &sb);
	if (twice)
		sb_adds(&sb, "#else\n");
	sb_adds(&sb, prelude_decls);
	if (twice)
		sb_adds(&sb, "#endif\n");
	return sb_detach(&sb);
}

/* ---- the clang command line ---- */

/* -std= naming the C standard GCC's __STDC_VERSION__ says it used. */
static char *std_from_gcc(const struct gcc_cmdline *cl)
{
	long v = gcc_macro_number(cl, "__STDC_VERSION__");
	const char *dialect = gcc_defines_macro(cl, "__STRICT_ANSI__") ? "c" : "gnu";
	const char *year;

	if (v > 201710)
		year = "2x";
	else if (v >= 201710)
		year = "17";
	else if (v >= 201112)
		year = "11";
	else if (v >= 199901)
		year = "99";
	else
		year = "89";
	return xasprintf("-std=%s%s", dialect, year);
}

static bool has_std_flag(const struct gcc_cmdline *cl)
{
	for (size_t i = 0; i < cl->parse_flags.n; i++)
		if (starts_with(cl->parse_flags.v[i], "-std=") ||
		    !strcmp(cl->parse_flags.v[i], "-ansi"))
			return true;
	return false;
}

static void build_clang_args(struct gcc_cmdline *cl)
{
	struct strlist *a = &cl->clang_args;

	strlist_release(a);
	strlist_push(a, "-x");
	strlist_push(a, "c");
	strlist_push(a, "-undef");
	if (cl->gcc_target)
		strlist_push_owned(a, xasprintf("--target=%s", cl->gcc_target));
	if (has_imacros(cl)) {
		strlist_push(a, "-imacros");
		strlist_push(a, KLP_CCP_PRELUDE_PATH);
	}
	strlist_push(a, "-include");
	strlist_push(a, KLP_CCP_PRELUDE_PATH);
	if (!has_std_flag(cl))
		strlist_push_owned(a, std_from_gcc(cl));
	for (size_t i = 0; i < cl->parse_flags.n; i++)
		strlist_push(a, cl->parse_flags.v[i]);
	if (!cl->nostdinc) {
		strlist_push(a, "-nostdinc");
		for (size_t i = 0; i < cl->sys_includes.n; i++) {
			strlist_push(a, "-isystem");
			strlist_push(a, cl->sys_includes.v[i]);
		}
	}
	push_args(a, clang_args_tail);
}

int gcc_cmdline_prepare(struct gcc_cmdline *cl)
{
	if (gather_answers(cl) < 0)
		return -1;
	free(cl->prelude);
	cl->prelude = build_prelude(cl);
	build_clang_args(cl);
	return 0;
}
