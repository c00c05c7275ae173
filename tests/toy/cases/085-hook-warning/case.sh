# A WARNING: line from a hook is reported with the entity's location; the run succeeds.
set_hook is-patched "sh ./hook.sh"
expect_stderr '^([^:]*/)?input\.c:1(:[0-9]+)?: warning: .*toy warning about pu_f'
defines klpp_pu_f T
