# Shared by the glue tests: a work directory removed on exit, fail().
set -u
KLP_CCP=${KLP_CCP:?}
REPORT_CHECK=${REPORT_CHECK:-}
KLP_CCP_SRC=${KLP_CCP_SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
GLUE_TESTS=$KLP_CCP_SRC/tests/glue
work=$(mktemp -d "${TMPDIR:-/tmp}/klp-glue.XXXXXX")
[ -n "${KLP_GLUE_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# Pointer externalization for names starting with p_, plain for the others.
MIXED_POLICY='sh -c '\''case $2 in p_*) echo "RESULT: klpe_$2 MAKE-INTERNAL MAKE-POINTER";; *) echo "RESULT: $2 MAKE-EXTERNAL";; esac'\'' x'
