# An externalizable name whose definition comes from an eligible header is not
# externalized (toy: shall-externalize-fun says NO for from-header): it comes
# with the header, so lp.o defines it locally at -O0 rather than referencing it.
includes '"inl.h"'
defines eu_hinl t
lp_lacks '4149'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
