/*
 * objcmp_tool ORIG.o LP.o FUNC...: compare each FUNC of ORIG.o with its
 * renamed copy (klpp_FUNC, or any function whose normalized name is FUNC) in
 * LP.o, and the .cold parts of both. One line per function:
 *   FUNC: identical | line-only: REASON | differs: REASON | missing: WHERE
 * Exit status: 0 when all identical, 1 when some differ, 2 on errors.
 *
 * objcmp_tool --list OBJ.o: the functions of OBJ.o with size, relocation and
 * attached-entry counts (for debugging).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/objcmp.h"
#include "klp-ccp/util.h"

static const struct objcmp_func *find_norm(const struct objcmp_obj *o, const char *norm)
{
	for (size_t i = 0; i < objcmp_nfuncs(o); i++)
		if (!strcmp(objcmp_func_at(o, i)->norm, norm))
			return objcmp_func_at(o, i);
	return NULL;
}

static const struct objcmp_func *find_patched(const struct objcmp_obj *o, const char *name)
{
	char *k = xasprintf("klpp_%s", name);
	const struct objcmp_func *f = objcmp_find(o, k);

	free(k);
	return f ? f : find_norm(o, name);
}

static void list(const struct objcmp_obj *o)
{
	for (size_t i = 0; i < objcmp_nfuncs(o); i++) {
		const struct objcmp_func *f = objcmp_func_at(o, i);

		printf("%s %s size=%llu relocs=%zu attached=%zu\n", f->name, f->section,
		       (unsigned long long)f->size, f->nrelocs, f->nattach);
		for (size_t k = 0; getenv("OBJCMP_VERBOSE") && k < f->nrelocs; k++)
			printf("  +0x%llx type %u %s\n", (unsigned long long)f->relocs[k].offset,
			       f->relocs[k].type, f->relocs[k].target);
		for (size_t k = 0; getenv("OBJCMP_VERBOSE") && k < f->nattach; k++)
			printf("  attached %s +0x%llx size %zu\n", f->attach[k].section,
			       (unsigned long long)f->attach[k].func_offset, f->attach[k].size);
	}
}

/* 0 identical, 1 differs or missing. */
static int compare_one(const struct objcmp_obj *a, const struct objcmp_func *fa,
		       const struct objcmp_obj *b, const struct objcmp_func *fb, const char *label)
{
	enum objcmp_result res;
	char *reason = NULL;

	if (!fa || !fb) {
		printf("%s: missing: %s\n", label, !fa ? "original" : "livepatch");
		return 1;
	}
	res = objcmp_compare(a, fa, b, fb, &reason, NULL);
	if (res == OBJCMP_IDENTICAL)
		printf("%s: identical\n", label);
	else
		printf("%s: %s: %s\n", label, res == OBJCMP_LINE_ONLY ? "line-only" : "differs",
		       reason ? reason : "?");
	free(reason);
	return res != OBJCMP_IDENTICAL;
}

static int compare_func(const struct objcmp_obj *a, const struct objcmp_obj *b, const char *name)
{
	const struct objcmp_func *fa = objcmp_find(a, name), *fb = find_patched(b, name);
	char *cold = xasprintf("%s.cold", name);
	const struct objcmp_func *ca = find_norm(a, cold), *cb = find_norm(b, cold);
	int rc;

	if (!fb) {
		char *norm = objcmp_normalize(name, NULL);

		fb = find_norm(b, norm);
		free(norm);
	}
	rc = compare_one(a, fa, b, fb, name);

	if (ca || cb)
		rc |= compare_one(a, ca, b, cb, cold);
	free(cold);
	return rc;
}

int main(int argc, char **argv)
{
	struct objcmp_opts opts = { .attached = true };
	struct objcmp_obj *a, *b;
	char *err = NULL;
	int rc = 0;

	if (argc == 3 && !strcmp(argv[1], "--list")) {
		if (!(a = objcmp_open(argv[2], &opts, &err))) {
			fprintf(stderr, "objcmp_tool: error: %s\n", err);
			free(err);
			return 2;
		}
		list(a);
		objcmp_close(a);
		return 0;
	}
	if (argc < 4) {
		fprintf(stderr, "usage: objcmp_tool ORIG.o LP.o FUNC... | --list OBJ.o\n");
		return 2;
	}
	a = objcmp_open(argv[1], &opts, &err);
	b = a ? objcmp_open(argv[2], &opts, &err) : NULL;
	if (!a || !b) {
		fprintf(stderr, "objcmp_tool: error: %s\n", err);
		free(err);
		objcmp_close(a);
		return 2;
	}
	for (int i = 3; i < argc; i++)
		rc |= compare_func(a, b, argv[i]);
	objcmp_close(a);
	objcmp_close(b);
	return rc;
}
