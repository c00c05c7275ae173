# The question loop of a policy server written in sh (klp-ccp --pol-server,
# README "Policy server"). Source it, define
#   answer HOOK ARG...    print the hook's output lines for one question
# and call
#   serve HOOK...         announce the hooks answered, then answer every
#                         question read on standard input until its end.
# A question is one line of single-quoted words, 'VAR=VALUE'|'VAR'... --
# 'HOOK' 'ARG'...: the variables that changed since the previous question,
# exported (VAR alone: unset), so that the environment of answer() is the one
# a per-question hook would get.
serve() {
	echo "HOOKS: $*"
	while IFS= read -r srv_line; do
		eval "set -- $srv_line"
		while [ $# -gt 0 ] && [ "$1" != -- ]; do
			case $1 in
			*=*) export "$1" ;;
			*) unset "$1" ;;
			esac
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
