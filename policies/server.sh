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
		# a for loop: no test and shift per word (dash runs them slowly)
		srv_n=0 srv_a=
		for srv_a; do
			srv_n=$((srv_n + 1))
			case $srv_a in
			--) break ;;
			*=*) export "$srv_a" ;;
			*) unset "$srv_a" ;;
			esac
		done
		if [ "$srv_a" != -- ] || [ $# -le $srv_n ]; then
			echo "policy server: malformed question: $srv_line" >&2
			continue
		fi
		shift $srv_n
		answer "$@"
	done
}
