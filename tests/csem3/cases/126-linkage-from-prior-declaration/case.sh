# A definition without "static" after a static declaration has internal
# linkage (and "extern" after "static" keeps it): lp.c must not make
# helper or hidden global, and must count on the running hidden.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_limit
behaves_same pu_f 1 2 3
