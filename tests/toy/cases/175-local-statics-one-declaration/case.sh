# Function-local statics externalized from one declaration with several
# declarators (mm/slub.c: static struct kmem_cache boot_kmem_cache,
# boot_kmem_cache_node;): each becomes an extern declaration of its own
# (the ',' between them ends the first), and a declarator kept beside an
# externalized one stays a private static. Attributes after the name go
# with the definition (net/ipv4/tcp_input.c: static bool __once
# __read_mostly; a section attribute on a block-scope extern is an error).
defines klpp_pu_f T
undefined eu_boot
undefined eu_boot_node
undefined eu_hits
undefined eu_once
not_referenced kept
lp_contains 'extern struct cache eu_boot;'
lp_contains 'extern struct cache eu_boot_node;'
lp_contains 'extern int eu_once;'
