# Kernel policy: helpers of the hook scripts (README.md). Short: every
# question's process parses this file.
kp_usage() {
	echo "kernel $1: usage: $2" >&2
	return 2
}
[ -n "${kp_renames-}" ] || return 0	# only two scripts and the server need the rest

# kp_renamed HOOK PREFIX NAME RETRY: kp_new = PREFIXNAME[RETRY]
kp_renamed() {
	if [ $# -ne 4 ]; then
		kp_usage "$1" "$1 NAME RETRY"
		return
	fi
	case $4 in
	'' | *[!0-9]*)
		echo "kernel $1: RETRY must be a number" >&2
		return 2
		;;
	esac
	kp_new=$2$3
	[ "$4" = 0 ] || kp_new=$kp_new$4
}
