# The question loop of a policy server written in sh (klp-ccp --pol-server,
# README "Policy server"). Source it, define
#   answer HOOK ARG...    print the hook's output lines for one question
# and call
#   serve HOOK...         announce the hooks answered, then answer every
#                         question read on standard input until its end.
# A question is one line of single-quoted words, 'VAR=VALUE'... -- 'HOOK'
# 'ARG'...: the variables are exported for the answer (and unset before the
# next question), as a per-question hook would find them in its environment.
serve() {
	echo "HOOKS: $*"
	srv_vars=
	while IFS= read -r srv_line; do
		for srv_v in $srv_vars; do unset "$srv_v"; done
		srv_vars=
		eval "set -- $srv_line"
		while [ $# -gt 0 ] && [ "$1" != -- ]; do
			srv_vars="$srv_vars ${1%%=*}"
			export "$1"
			shift
		done
		if [ $# -lt 2 ]; then
			echo "policy server: malformed question: $srv_line" >&2
			continue
		fi
		shift
		answer "$@"
	done
}
