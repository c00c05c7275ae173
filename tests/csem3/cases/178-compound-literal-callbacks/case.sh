# C semantics: A compound literal holding a static function's address: the
# running one. Without facts the defaults copy one the original compiled
# with its command line has no symbol of (nothing running holds its address).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_run
defaults_mode && RUNNING_FLAGS=""	# the running code as built, for the defaults
undefined eu_triple
if defaults_mode; then defines eu_double t; else undefined eu_double; fi
behaves_same pu_run 1 4
