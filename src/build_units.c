/*
 * klp-ccp build, planning: which translation units a fix touches (one per
 * C source the patch changes, plus --unit and --patched-functions=UNIT:F,G),
 * each unit's part of the patch, its kbuild object, and the binary facts
 * its extraction reads.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "klp-ccp/build.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/kbuild_cmd.h"
#include "klp-ccp/patch_mode.h"
#include "klp-ccp/patch_read.h"

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

static bool in_tree(const struct build_options *o, const char *rel)
{
	char *p = xasprintf("%s/%s", o->tree, rel);
	bool ok = !access(p, R_OK);

	free(p);
	return ok;
}

/* "kernel/exit.c" -> "kernel_exit": the unit's file names in OUTDIR/units. */
static char *unit_base(const char *source)
{
	char *b = xstrndup(source, strlen(source) - 2);

	for (char *p = b; *p; p++)
		if (!is_ident_char((unsigned char)*p))
			*p = '_';
	return b;
}

/* fs/a_b.c and fs/a/b.c both get files in OUTDIR/units: fs_a_b, fs_a_b_2. */
static char *unique_base(const struct build_plan *plan, const char *source)
{
	char *stem = unit_base(source), *base = xstrdup(stem);
	size_t k = 2;

	for (size_t i = 0; i < plan->n; i++)
		if (plan->units[i].base && !strcmp(plan->units[i].base, base)) {
			free(base);
			base = xasprintf("%s_%zu", stem, k++);
			i = (size_t)-1;	/* check the new name against all again */
		}
	free(stem);
	return base;
}

static struct build_unit *find_or_add_unit(struct build_plan *plan, const char *source)
{
	struct build_unit *u;

	for (size_t i = 0; i < plan->n; i++)
		if (!strcmp(plan->units[i].source, source))
			return &plan->units[i];
	u = ARRAY_PUSH(plan->units, plan->n, plan->cap);
	memset(u, 0, sizeof(*u));
	u->source = xstrdup(source);
	u->object = xasprintf("%.*s.o", (int)(strlen(source) - 2), source);
	u->base = unique_base(plan, source);
	return u;
}

/* The part's file relative to the tree (-p1, else -p0), or NULL (diagnosed). */
static const char *part_file(const struct build_options *o, const struct patch_part *part)
{
	const char *rel;

	if (!strcmp(part->path, "/dev/null")) {
		diag_error_at(o->patch_name, part->line, 0,
			      "the patch deletes a file: a livepatch can only replace functions");
		return NULL;
	}
	for (int strip = 1; strip >= 0; strip--) {
		rel = strip_components(part->path, strip);
		if (rel && in_tree(o, rel))
			return rel;
	}
	diag_error_at(o->patch_name, part->line, 0, "the patch changes '%s', which is not a file "
		      "of %s (a new file, or the wrong tree)", part->path, o->tree);
	return NULL;
}

/* A part of the patch at line of it, appended to the unit's --patch file. */
static void unit_add_part(struct build_unit *u, const char *text, unsigned line)
{
	size_t len = strlen(text);

	sb_addf(&u->origin, "%s%u=%u", u->origin.len ? "," : "", u->patch_lines + 1, line);
	sb_adds(&u->patch, text);
	if (len && text[len - 1] != '\n')
		sb_adds(&u->patch, "\n");	/* the next part starts on a line of its own */
	for (const char *p = text; (p = strchr(p, '\n')); p++)
		u->patch_lines++;
	u->patch_lines += len && text[len - 1] != '\n';
}

static int add_part(const struct build_options *o, struct build_plan *plan,
		    const struct patch_part *part)
{
	const char *rel = part_file(o, part);

	if (!rel)
		return -1;
	if (ends_with(rel, ".h")) {
		plan->header_lines = xrealloc(plan->header_lines,
					      (plan->headers.n + 1) * sizeof(unsigned));
		plan->header_lines[plan->headers.n] = part->line;
		strlist_push(&plan->headers, part->text);
		strlist_push(&plan->header_names, rel);
		return 0;
	}
	if (!ends_with(rel, ".c")) {
		diag_error_at(o->patch_name, part->line, 0, "the patch changes '%s': only C sources "
			      "(.c) and the headers they include (.h) can be livepatched", rel);
		return -1;
	}
	unit_add_part(find_or_add_unit(plan, rel), part->text, part->line);
	return 0;
}

static int split_patch(const struct build_options *o, struct build_plan *plan)
{
	struct patch_part *parts;
	size_t n, len;
	char *text = read_file(o->patch, &len);
	int rc = 0;

	if (!text) {
		diag_error("cannot read '%s': %s", o->patch_name, file_strerror(errno));
		return -1;
	}
	patch_split(text, &parts, &n);
	if (!n) {
		diag_error("%s: no file changes in the patch (no '+++ FILE' line)", o->patch_name);
		rc = -1;
	}
	for (size_t i = 0; i < n && !rc; i++)
		rc = add_part(o, plan, &parts[i]);
	patch_parts_release(parts, n);
	free(text);
	return rc;
}

/* --patched-functions=UNIT.c:F,G */
static int add_unit_functions(const struct build_options *o, struct build_plan *plan,
			      const char *spec)
{
	const char *colon = strrchr(spec, ':');
	char *source = colon ? xstrndup(spec, (size_t)(colon - spec)) : NULL;
	int rc = 0;

	if (!source || !ends_with(source, ".c") || !colon[1]) {
		diag_error("build: --patched-functions wants UNIT.c:FUNCTION[,FUNCTION...], not "
			   "'%s'", spec);
		rc = -1;
	} else {
		strlist_push(&find_or_add_unit(plan, source)->functions, colon + 1);
	}
	free(source);
	return rc;
}

static int add_units(const struct build_options *o, struct build_plan *plan)
{
	for (size_t i = 0; i < o->extra_units.n; i++) {
		if (!ends_with(o->extra_units.v[i], ".c")) {
			diag_error("build: --unit wants a C source DIR/NAME.c, not '%s'",
				   o->extra_units.v[i]);
			return -1;
		}
		find_or_add_unit(plan, o->extra_units.v[i]);
	}
	for (size_t i = 0; i < o->unit_functions.n; i++)
		if (add_unit_functions(o, plan, o->unit_functions.v[i]))
			return -1;
	return 0;
}

/*
 * The file has a line "OBJ" followed by end (a kbuild .mod file lists its
 * objects one a line; a thin archive's name table has "OBJ/" lines).
 */
static bool file_has_line(const char *path, const char *obj, const char *end)
{
	size_t len, n;
	char *text = read_file(path, &len), *want = xasprintf("\n%s%s\n", obj, end);
	bool found = false;

	n = strlen(want);
	if (text)
		found = memmem(text, len, want, n) ||
			(len >= n - 1 && !memcmp(text, want + 1, n - 1));
	free(text);
	free(want);
	return found;
}

/* DIR/MOD.ko of the module the unit's object is linked into (DIR/MOD.mod lists it). */
static char *module_of(const struct build_options *o, const struct build_unit *u)
{
	char *order = xasprintf("%s/modules.order", o->tree), *found = NULL;
	FILE *f = fopen(order, "r");
	char line[4096];

	while (f && !found && fgets(line, sizeof(line), f)) {
		int stem = (int)strcspn(line, "\n") - 3;
		char *mod;

		if (stem <= 0 || strncmp(line + stem, ".ko", 3))
			continue;
		mod = xasprintf("%s/%.*s.mod", o->tree, stem, line);
		if (file_has_line(mod, u->object, ""))
			found = xasprintf("%s/%.*s.ko", o->tree, stem, line);
		free(mod);
	}
	if (f)
		fclose(f);
	free(order);
	return found;
}

/*
 * Facts of the running binary the unit is part of: vmlinux (its symbol
 * table has the positions kallsyms counts, which klp relocations need) or
 * the module's .ko; the unit's own object when the tree has neither.
 */
static void choose_targets(const struct build_options *o, struct build_unit *u)
{
	char *vmlinux = xasprintf("%s/vmlinux", o->tree);
	char *archive = xasprintf("%s/vmlinux.a", o->tree);
	char *module;

	if (o->target_objects.n) {
		for (size_t i = 0; i < o->target_objects.n; i++)
			strlist_push(&u->targets, o->target_objects.v[i]);
	} else if (!access(vmlinux, R_OK) && file_has_line(archive, u->object, "/")) {
		strlist_push(&u->targets, vmlinux);
	} else if ((module = module_of(o, u))) {
		strlist_push_owned(&u->targets, module);
	} else {
		strlist_push_owned(&u->targets, xasprintf("%s/%s", o->tree, u->object));
	}
	free(vmlinux);
	free(archive);
}

/* Its kbuild command line exists (the unit is built in the tree); facts, dumps. */
static int locate_unit(const struct build_options *o, struct build_unit *u)
{
	char *cmd = kbuild_cmd_path(u->object), *dump;

	if (!in_tree(o, u->source)) {
		diag_error("build: %s is not a file of %s", u->source, o->tree);
		free(cmd);
		return -1;
	}
	if (!in_tree(o, cmd)) {
		diag_error("build: %s is not built in %s (no %s): enable its configuration "
			   "option and build the tree first", u->source, o->tree, cmd);
		free(cmd);
		return -1;
	}
	free(cmd);
	choose_targets(o, u);
	dump = xasprintf("%s/%s.000i.ipa-clones", o->tree, u->source);
	if (!o->ipa_clones.n && !access(dump, R_OK))
		u->ipa_dump = dump;
	else
		free(dump);
	return 0;
}

/*
 * Which units a header change reaches is GCC's answer per unit, and a
 * widely included header has thousands: the user names them; the units
 * including the first header (kbuild's .o.cmd files) are listed to choose from.
 */
static void headers_only_error(const struct build_options *o, const struct build_plan *plan)
{
	const char *header = plan->header_names.v[0];
	struct strlist units;
	struct strbuf sb = { 0 };

	kbuild_units_including(o->tree, header, NULL, &units);
	for (size_t i = 0; i < units.n && i < 8; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", units.v[i]);
	if (units.n > 8)
		sb_addf(&sb, " and %zu more", units.n - 8);
	diag_error("%s: the patch changes only headers: name each unit whose code they change "
		   "with --unit=DIR/NAME.c (units including %s: %s)", o->patch_name, header,
		   units.n ? sb.buf : "none found in kbuild's .o.cmd files");
	sb_release(&sb);
	strlist_release(&units);
}

int build_plan_units(const struct build_options *o, struct build_plan *plan)
{
	if ((o->patch && split_patch(o, plan)) || add_units(o, plan))
		return -1;
	if (!plan->n && plan->headers.n) {
		headers_only_error(o, plan);
		return -1;
	}
	if (!plan->n) {
		diag_error("build: nothing to patch (--patch or --patched-functions=UNIT.c:F,G)");
		return -1;
	}
	for (size_t i = 0; i < plan->n; i++) {
		/* a unit sees the patched headers: GCC decides what changes in it */
		for (size_t k = 0; k < plan->headers.n; k++)
			unit_add_part(&plan->units[i], plan->headers.v[k], plan->header_lines[k]);
		if (locate_unit(o, &plan->units[i]))
			return -1;
	}
	return 0;
}

void build_plan_release(struct build_plan *plan)
{
	for (size_t i = 0; i < plan->n; i++) {
		struct build_unit *u = &plan->units[i];

		free(u->source);
		free(u->object);
		free(u->base);
		sb_release(&u->patch);
		sb_release(&u->origin);
		strlist_release(&u->functions);
		strlist_release(&u->targets);
		free(u->ipa_dump);
	}
	free(plan->units);
	strlist_release(&plan->headers);
	free(plan->header_lines);
	strlist_release(&plan->header_names);
}
