#ifndef KLP_CCP_FUN_ATTRS_H
#define KLP_CCP_FUN_ATTRS_H

#include "klp-ccp/model.h"

/*
 * "__attribute__((...)) " for the declaration lp.c makes of an externalized
 * function, or "": the properties of the definition that change how GCC
 * compiles its callers (noreturn, cold, pure, const, malloc). Behind an
 * "extern" declaration GCC no longer sees the body it inferred them from in
 * the original translation unit.
 */
char *callee_attributes(const struct entity *e);

/*
 * Does the source declare it noinline (the kernel's noinline,
 * noinline_for_stack)? Kernel code does so to keep a function callable by
 * its name: for tracing, kprobes, error injection, stack use.
 */
bool declared_noinline(const struct entity *e);
/*
 * Is every noinline it is declared with spelled noinline_for_stack (the
 * kernel's: kept out of line only so that its stack frame does not add to
 * its callers')? A copy kept out of line serves that purpose as well.
 */
bool noinline_for_stack_only(const struct entity *e);

/*
 * May code outside C call it by its symbol: does a declaration spell
 * __visible (externally_visible, which GCC rejects on a static copy), or
 * does a macro make its name (its attributes are out of sight)?
 */
bool declared_visible(struct model *m, const struct entity *e);

/* constructor, destructor or weak: the running code reaches it by its symbol. */
bool bound_by_symbol(CXCursor def);

/* Is the function's name written in its declaration (not made by a macro)? */
bool fun_name_written(CXCursor decl);

/*
 * The symbol an asm label of the entity's declarations names
 * (`int x __asm__("sym");`, malloc'ed), or NULL: references in lp.c must
 * bind to that symbol, not to the C name.
 */
char *entity_asm_label(const struct entity *e);

/* The target of an alias attribute on this declaration (malloc'ed), or NULL. */
char *alias_target(CXCursor decl);

/*
 * The alignment an object's declaration asks for (_Alignas(N) or the
 * aligned attribute with an integer literal, or bare: the text
 * "__BIGGEST_ALIGNMENT__"), malloc'ed, or NULL: GCC's __alignof__ of the
 * object, and the code it emits, follow it, so a declaration of the same
 * object elsewhere must say it too.
 */
char *declared_alignment(CXCursor decl);

#endif
