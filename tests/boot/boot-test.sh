#!/usr/bin/env bash
# The boot test: livepatches built by klp-ccp from fixes (tests/boot/fixes/)
# to the corpus kernel's tree, loaded into that kernel booted under QEMU.
#
#   klp_cmdline  fs/proc/cmdline.c        only exported references
#   klp_threads  kernel/fork.c            a static object, klp relocation
#   klp_two      kernel/exit.c, fs/pipe.c two source files in one patch, by
#                                         one "klp-ccp build" command;
#                                         externalizations are pointers
#   klp_syslog   kernel/printk/printk.c   a function-local static shared
#                                         with the running kernel
#
# Each: klp-ccp --patch=FIX --target-object=vmlinux, klp-ccp glue, make (the
# generated Makefile: kbuild, then klp-ccp klp-relocs); klp_two all of that
# by one command, klp-ccp build --tree --patch. On the host: every
# undefined symbol of each .ko is exported (Module.symvers); the ones that
# need it have klp relocations. In the guest (tests/boot/guest-init.sh):
# insmod, enabled 1, transition 0, the fix visible from user space,
# enabled=0 + rmmod restores the old behaviour. Fails on any FAIL line, a
# kernel oops/BUG/WARNING, or no end marker within the time limit.
# Exit 77 (skipped): no built corpus kernel (tests/boot/build-kernel.sh) or
# no qemu-system-x86_64/busybox.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
KLP_CCP=${KLP_CCP:-$src/build/klp-ccp}
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
bzimage=$tree/arch/x86/boot/bzImage
timeout_s=${BOOT_TIMEOUT:-300}
for f in "$bzimage" "$tree/vmlinux" "$tree/Module.symvers" "$CORPUS/kernel-build.stamp"; do
	[ -e "$f" ] || { echo "SKIP: no built corpus kernel ($f; run tests/boot/build-kernel.sh)"; exit 77; }
done
for c in qemu-system-x86_64 busybox cpio gzip; do
	command -v $c >/dev/null || { echo "SKIP: $c missing (apt: qemu-system-x86 busybox-static)"; exit 77; }
done
readelf -lW "$(command -v busybox)" | grep -q INTERP &&
	{ echo "SKIP: $(command -v busybox) is not static (apt: busybox-static)"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/klp-boot.XXXXXX")
[ -n "${KLP_BOOT_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
start=$(date +%s)

extract() {	# OBJ FIX OUT [KLP-CCP-OPTION...]: lp.c + report for one unit
	local obj=$1 fix=$2 out=$3 target
	shift 3
	# facts from vmlinux: its symbol table has the positions kallsyms counts
	# (BOOT_FACTS=object: from the unit's object, faster, positions within it)
	[ "${BOOT_FACTS:-vmlinux}" = object ] && target=$obj || target=vmlinux
	(cd "$tree" && "$KLP_CCP" -o "$out.c" --report="$out.yaml" --patch="$here/fixes/$fix.patch" \
		--target-object="$target" "$@" --kbuild-object="$obj") >"$out.log" 2>&1 ||
		fail "klp-ccp $obj: $(grep -m3 error "$out.log")"
}
build() {	# NAME REPORT...: glue and make; the .ko into the initramfs
	local name=$1
	shift
	"$KLP_CCP" glue -o "$work/$name" --name="$name" --kdir="$tree" "$@" ||
		fail "glue $name"
	make -C "$work/$name" >"$work/$name.make" 2>&1 ||
		fail "make $name: $(grep -m5 -iE 'error|undefined' "$work/$name.make")"
	grep -E 'warning:|WARNING:' "$work/$name.make" && fail "$name: build warnings"
	cp "$work/$name/$name.ko" "$work/initramfs/lp/" || fail "no $name.ko"
}

mkdir -p "$work/initramfs/lp" "$work/lp"
echo "==> extracting (klp-ccp --patch, facts from vmlinux)"
extract fs/proc/cmdline.o cmdline "$work/lp/cmdline"
extract kernel/fork.o threads-max "$work/lp/fork"
extract kernel/printk/printk.o syslog-console-on "$work/lp/printk"
grep -q "name: saved_console_loglevel\.[0-9]" "$work/lp/printk.yaml" ||
	fail "saved_console_loglevel not externalized"
echo "==> building the modules"
build klp_cmdline "$work/lp/cmdline.yaml"
build klp_threads "$work/lp/fork.yaml"
echo "==> klp_two: one command for a two-file fix (klp-ccp build)"
cat "$here/fixes/exit-group.patch" "$here/fixes/pipe-dname.patch" >"$work/two.patch"
# from klp-ccp's source directory: the relative hook path is taken from there
(cd "$src" && "$KLP_CCP" build --tree="$tree" --patch="$work/two.patch" -o "$work/klp_two" \
	--name=klp_two -E "policies/kernel/modify-externalized-sym --pointer") >"$work/klp_two.out" 2>&1 ||
	fail "klp-ccp build klp_two: $(cat "$work/klp_two.out")"
sed 's/^/    /' "$work/klp_two.out"
grep -q 'method: pointer' "$work/klp_two/units/fs_pipe.yaml" || fail "no pointer externalization in pipe.c"
grep -E 'warning:|WARNING:' "$work/klp_two/make.log" && fail "klp_two: build warnings"
cp "$work/klp_two/klp_two.ko" "$work/initramfs/lp/" || fail "no klp_two.ko"
build klp_syslog "$work/lp/printk.yaml"

# No undefined symbol the kernel does not export is left in any module.
cut -f2 "$tree/Module.symvers" | sort -u >"$work/exported"
for ko in "$work"/initramfs/lp/*.ko; do
	n=$(basename "$ko" .ko)
	nm -u "$ko" | awk '{print $2}' | sort -u | comm -23 - "$work/exported" >"$work/$n.unexported"
	[ -s "$work/$n.unexported" ] && fail "$n.ko: undefined non-exported symbols: $(tr '\n' ' ' <"$work/$n.unexported")"
	grep -q '\.klp\.rela\.' <<<"$(readelf -SW "$ko")" && klp=yes || klp=no
	readelf -sW "$ko" | grep -c 'OS \[0xff20\] \.klp\.sym\.' >"$work/$n.nklp"
	echo "    $n.ko: $(stat -c %s "$ko") bytes, klp relocations: $klp ($(cat "$work/$n.nklp") livepatch symbols)"
	case $n in
	klp_cmdline) [ $klp = no ] || fail "$n: klp relocations in an exported-only livepatch" ;;
	*) [ $klp = yes ] || fail "$n: no klp relocations" ;;
	esac
done
grep -q '\.klp\.sym\.vmlinux\.max_threads,' <<<"$(readelf -sW "$work/initramfs/lp/klp_threads.ko")" ||
	fail "klp_threads: max_threads is not a livepatch symbol"
grep -q '\.klp\.sym\.vmlinux\.saved_console_loglevel\.[0-9]*,' <<<"$(readelf -sW "$work/initramfs/lp/klp_syslog.ko")" ||
	fail "klp_syslog: saved_console_loglevel.N is not a livepatch symbol"
# the pointer's initializer (GCC may fold the constant pointer into its uses)
grep -q 'klp.sym.vmlinux.dynamic_dname,' <<<"$(readelf -rW "$work/initramfs/lp/klp_two.ko")" ||
	fail "klp_two: the pointer to dynamic_dname has no klp relocation"

echo "==> initramfs"
ir=$work/initramfs
mkdir -p "$ir/bin" "$ir/proc" "$ir/sys" "$ir/dev"
cp "$(command -v busybox)" "$ir/bin/busybox"
mknod -m 600 "$ir/dev/console" c 5 1 2>/dev/null || true	# the kernel's own initramfs has one too
for a in $("$ir/bin/busybox" --list); do [ "$a" = busybox ] || ln -sf busybox "$ir/bin/$a"; done
gcc -static -O2 -o "$ir/bin/klpctl" "$here/klpctl.c" || fail "klpctl"
cp "$here/guest-init.sh" "$ir/init"
chmod +x "$ir/init"
(cd "$ir" && find . | cpio -o -H newc --quiet | gzip -1) >"$work/initramfs.cpio.gz" || fail "cpio"

qemu=(qemu-system-x86_64 -M q35 -m 512 -smp 1 -nographic -no-reboot -kernel "$bzimage"
	-initrd "$work/initramfs.cpio.gz"
	-append "console=ttyS0 panic=-1 oops=panic loglevel=5 rdinit=/init no_timer_check")
# no_timer_check: under TCG on a loaded host the IO-APIC timer check can miss
# its ticks and panic ("IO-APIC + timer doesn't work") before anything runs
# KVM when it boots the kernel at once (on some hosts /dev/kvm opens but the
# guest hangs), TCG otherwise
accel=tcg
bstart=$(date +%s)
if [ -w /dev/kvm ] && [ "${BOOT_ACCEL:-}" != tcg ]; then
	timeout "$timeout_s" "${qemu[@]}" -accel kvm </dev/null >"$work/console.log" 2>&1 &
	qpid=$!	# timeout passes a kill on to qemu
	for _ in $(seq 20); do
		sleep 1
		grep -q 'Linux version' "$work/console.log" 2>/dev/null && break
	done
	if grep -q 'Linux version' "$work/console.log" 2>/dev/null; then
		accel=kvm
		wait $qpid
		rc=$?
	else
		kill $qpid 2>/dev/null
		wait $qpid 2>/dev/null
	fi
fi
echo "==> booting $bzimage (accel $accel, limit ${timeout_s}s)"
if [ $accel = tcg ]; then
	bstart=$(date +%s)
	timeout "$timeout_s" "${qemu[@]}" -accel tcg </dev/null >"$work/console.log" 2>&1
	rc=$?
fi
boot_s=$(( $(date +%s) - bstart ))
grep KLPTEST "$work/console.log" | sed 's/^/    /'
[ $rc = 124 ] && fail "guest did not power off within ${timeout_s}s (tail: $(tail -5 "$work/console.log"))"
if grep -nE 'Oops|BUG:|WARNING:|Call Trace|Kernel panic|general protection' "$work/console.log"; then
	cp "$work/console.log" "${TMPDIR:-/tmp}/klp-boot-console.log"
	fail "kernel trouble (log: ${TMPDIR:-/tmp}/klp-boot-console.log)"
fi
grep -q 'KLPTEST-DONE pass=[0-9]* fail=0' "$work/console.log" ||
	fail "$(grep -c 'KLPTEST .* FAIL' "$work/console.log") failed checks, or no end marker"
n=$(grep -c 'KLPTEST .* ok:' "$work/console.log")
[ "$n" -ge 29 ] || fail "only $n checks passed (29 expected)"
echo "PASS: 4 livepatches, $n checks in the guest; boot+checks ${boot_s}s ($accel), total $(( $(date +%s) - start ))s"
