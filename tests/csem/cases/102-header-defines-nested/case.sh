# The defining header is reached through an includable one: neither comes
# with an #include (api.h's #include would bring impl.h back); the copied
# table points at the running eu_impl_op, eu_impl_state is the running one.
PATCHED=pu_f
CFLAGS="$CFLAGS -Iinclude"
not_includes '<api.h>'
not_includes '<sub/impl.h>'
includes '<stddef.h>'
not_defined eu_impl_op
defaults_mode || undefined eu_impl_op
undefined eu_impl_state
lp_contains 'api_twice'
