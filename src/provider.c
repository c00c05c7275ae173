/*
 * Which header provides a file's contents. A header is #included when the
 * policy allows it and no ancestor in its inclusion chain is already
 * included (headers pulled in through an eligible header are not repeated);
 * the main file and non-eligible headers are copied from. Closure, naming
 * and headers all read this; it reads only the model and the policy.
 */
#include "klp-ccp/provider.h"

static int ask_eligible(struct model *m, struct policy *pol, int file)
{
	struct kfile *kf = &m->files[file];
	bool yes;

	if (kf->eligible < 0) {
		if (policy_may_include_header(pol, kf->name, kf->role == FILE_PRE_INCLUDE, &yes))
			return -1;
		kf->eligible = yes;
	}
	return kf->eligible;
}

/*
 * A header without a guard that the main file includes twice at file scope
 * may give something else each time (it tests macros the file changes in
 * between): one #include in lp.c cannot stand for both, so it is copied
 * from. Inclusions inside a declaration (x-macro lists) do not count.
 */
static bool inside_unit(const struct model *m, int file, unsigned offset)
{
	const struct kfile *kf = &m->files[file];

	for (size_t i = 0; i < kf->n_units; i++) {
		const struct unit *u = &m->units[kf->units[i]];

		if (u->start < offset && offset < u->end)
			return true;
	}
	return false;
}

static bool reread_by_main(const struct model *m, const struct kfile *kf)
{
	if (!kf->n_reread || m->files[kf->includer].role != FILE_MAIN ||
	    inside_unit(m, kf->includer, kf->directive_offset))
		return false;
	for (size_t i = 0; i < kf->n_reread; i++)
		if (inside_unit(m, kf->includer, kf->reread[i]))
			return false;
	return true;
}

static int compute_provider(struct model *m, struct policy *pol, int file)
{
	struct kfile *kf = &m->files[file];
	int up, eligible;

	switch (kf->role) {
	case FILE_MAIN:
		return PROVIDER_NONE;
	case FILE_PRELUDE:
		return PROVIDER_BUILTIN;
	case FILE_PRE_INCLUDE:
		eligible = ask_eligible(m, pol, file);
		if (eligible < 0)
			return PROVIDER_FAILED;
		return eligible ? PROVIDER_BUILTIN : PROVIDER_NONE;
	case FILE_HEADER:
		break;
	}
	if (kf->includer >= 0) {
		up = header_provider(m, pol, kf->includer);
		if (up != PROVIDER_NONE)
			return up;
		/* read by an #include inside a copied declaration: comes with it */
		if (model_unit_at(m, kf->includer, kf->directive_offset) >= 0)
			return PROVIDER_NONE;
	}
	if (reread_by_main(m, kf))
		return PROVIDER_NONE;
	eligible = ask_eligible(m, pol, file);
	if (eligible < 0)
		return PROVIDER_FAILED;
	return eligible && kf->includer >= 0 ? file : PROVIDER_NONE;
}

int header_provider(struct model *m, struct policy *pol, int file)
{
	struct kfile *kf = &m->files[file];

	if (!kf->provider_done) {
		kf->provider = compute_provider(m, pol, file);
		if (kf->provider == PROVIDER_FAILED)
			return PROVIDER_FAILED;
		kf->provider_done = true;
	}
	return kf->provider;
}
