#!/bin/sh
# /init of the boot test's initramfs (busybox sh): load each livepatch in
# /lp, check that it is enabled and its transition completes, that the fix
# is visible from user space, then that "enabled=0" + rmmod restores the old
# behaviour. Prints "KLPTEST ..." lines on the serial console and powers off.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
pass=0
fail=0
report() {	# NAME ok|FAIL MESSAGE
	echo "KLPTEST $1 $2: $3"
	if [ "$2" = ok ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
}
expect() {	# NAME WHAT WANT GOT
	if [ "$3" = "$4" ]; then report "$1" ok "$2: '$4'"
	else report "$1" FAIL "$2: want '$3', got '$4'"; fi
}
wait_for() {	# SECONDS COMMAND...: until COMMAND succeeds
	t=$1; shift
	while ! "$@" 2>/dev/null; do
		[ "$t" -le 0 ] && return 1
		t=$((t - 1)); sleep 1
	done
}
transition_done() { [ "$(cat /sys/kernel/livepatch/$1/transition)" = 0 ]; }
gone() { [ ! -e /sys/kernel/livepatch/$1 ]; }
load() {	# NAME: insmod, enabled 1, transition 0
	if ! insmod /lp/$1.ko; then report $1 FAIL "insmod failed"; return 1; fi
	report $1 ok "insmod"
	expect $1 enabled 1 "$(cat /sys/kernel/livepatch/$1/enabled)"
	if wait_for 60 transition_done $1; then report $1 ok "transition 0"
	else report $1 FAIL "transition still $(cat /sys/kernel/livepatch/$1/transition)"; fi
}
unload() {	# NAME: enabled=0, wait for the patch to go, rmmod
	echo 0 >/sys/kernel/livepatch/$1/enabled || report $1 FAIL "enabled=0 refused"
	wait_for 60 gone $1 || report $1 FAIL "still in /sys/kernel/livepatch after disable"
	if rmmod $1; then report $1 ok "disabled and removed"; else report $1 FAIL "rmmod"; fi
}
console_level() { cut -f1 /proc/sys/kernel/printk; }

# 1. only exported references: /proc/cmdline
n=klp_cmdline
before=$(cat /proc/cmdline)
load $n && expect $n "patched /proc/cmdline" "this has been live patched by klp-ccp" "$(cat /proc/cmdline)"
unload $n
expect $n "restored /proc/cmdline" "$before" "$(cat /proc/cmdline)"

# 2. a static object (max_threads) through a klp relocation
n=klp_threads
before=$(cat /proc/sys/kernel/threads-max)
load $n && expect $n "patched threads-max" $((before + 7)) "$(cat /proc/sys/kernel/threads-max)"
unload $n
expect $n "restored threads-max" "$before" "$(cat /proc/sys/kernel/threads-max)"

# 3. two source files: exit_group (kernel/exit.c), pipe names (fs/pipe.c,
#    pointer externalization initialized by a klp relocation)
n=klp_two
sh -c 'exit 42'; before_exit=$?
before_pipe=$(echo | readlink /proc/self/fd/0)
load $n && {
	sh -c 'exit 42'; expect $n "patched exit status" 43 $?
	sh -c 'exit 41'; expect $n "other exit status" 41 $?
	got=$(echo | readlink /proc/self/fd/0)
	case $got in klp-pipe:\[*\]) report $n ok "patched pipe name: '$got'" ;;
	*) report $n FAIL "patched pipe name: '$got'" ;; esac
}
unload $n
sh -c 'exit 42'; expect $n "restored exit status" "$before_exit" $?
got=$(echo | readlink /proc/self/fd/0)
case $got in pipe:\[*\]) report $n ok "restored pipe name: '$got' (before: '$before_pipe')" ;;
*) report $n FAIL "restored pipe name: '$got'" ;; esac

# 4. a function-local static shared with the running kernel: do_syslog()'s
#    saved_console_loglevel, written by the original, read by the patch
n=klp_syslog
klpctl syslog 8 5 >/dev/null; klpctl syslog 6 >/dev/null	# level 5, console off (saved 5)
off=$(console_level)
load $n && {
	klpctl syslog 7 >/dev/null	# console on: the fix restores saved + 1
	expect $n "patched console on after an unpatched off" 6 "$(console_level)"
	klpctl syslog 6 >/dev/null	# off again, patched: saved is 6
}
unload $n
klpctl syslog 7 >/dev/null	# original: restores what the patch saved
expect $n "unpatched console on after a patched off" 6 "$(console_level)"
klpctl syslog 8 5 >/dev/null; klpctl syslog 6 >/dev/null; klpctl syslog 7 >/dev/null
expect $n "restored console on" 5 "$(console_level)"
expect $n "console off level" 1 "$off"

echo "KLPTEST-DONE pass=$pass fail=$fail"
poweroff -f
