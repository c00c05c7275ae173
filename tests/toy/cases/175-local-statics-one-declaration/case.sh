# Function-local statics externalized from one declaration with several
# declarators (mm/slub.c: static struct kmem_cache boot_kmem_cache,
# boot_kmem_cache_node;): each becomes an extern declaration of its own
# (the ',' between them ends the first), and a declarator kept beside an
# externalized one stays a private static. Attributes after the name go
# with the definition (net/ipv4/tcp_input.c: static bool __once
# __read_mostly; a section attribute on a block-scope extern is an error).
# Each names GCC's symbol x.N (from compiling the original: no facts).
defines klpp_pu_f T
not_referenced kept
for v in eu_hits eu_once; do
	lp_contains "extern int ${v}_[0-9]+ __asm__\\(\"$v\\.[0-9]+\"\\);"
done
for v in eu_boot eu_boot_node; do
	lp_contains "extern struct cache ${v}_[0-9]+ __asm__\\(\"$v\\.[0-9]+\"\\);"
done
