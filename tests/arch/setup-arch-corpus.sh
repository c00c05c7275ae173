#!/usr/bin/env bash
# setup-arch-corpus.sh - cross-compiled kernel corpora for the architectures
# livepatches ship for besides x86_64 (issue 17): ppc64le, s390x, arm64.
#
# For each ARCH of $ARCHES, in $CORPUS-ARCH (default CORPUS =
# $HOME/.cache/klp-ccp-corpus), the same layout as the x86_64 corpus of
# ../shared/corpus/setup-kernel-corpus.sh:
#   linux/                  the configured tree after modules_prepare (hard-linked copy of
#                           the pristine linux-source-6.1 unpacked once into
#                           $CORPUS-src; kbuild never writes a source file)
#   cmdlines/FLAT.json      the cross GCC argv of each object (from the tree root)
#   objects/FLAT.o          the objects as kbuild built them
#   ipa-clones/FLAT.c.000i.ipa-clones   GCC's -fdump-ipa-clones dumps
#   cmdfiles/FLAT.o.cmd     kbuild's .cmd files
#   manifest.json           all of the above per object
# Config: the arch's defconfig + FTRACE + LIVEPATCH where the arch has it
# (ppc64le, s390x) + DWARF 5. Compilers: Debian's gcc-{powerpc64le,s390x,
# aarch64}-linux-gnu (GCC 12), installed with apt-get when missing.
#
# Idempotent and cached: a stamp per step (source unpacked, config, prepare,
# objects) keyed on what the step depends on. Builds run under nice, -j$JOBS.
# Knobs: CORPUS, ARCHES="ppc64le s390x arm64", JOBS (2).
set -Eeuo pipefail
trap 'rc=$?; echo "FATAL: ${BASH_SOURCE[0]}:${LINENO}: \"${BASH_COMMAND}\" exited with $rc" >&2; exit $rc' ERR

here=$(cd "$(dirname "$0")" && pwd)
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
ARCHES=${ARCHES:-ppc64le s390x arm64}
JOBS=${JOBS:-2}
SRCPKG=linux-source-6.1
TARBALL=/usr/src/linux-source-6.1.tar.xz
PRISTINE=$CORPUS-src
export LC_ALL=C

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'FATAL: %s\n' "$*" >&2; exit 1; }

# Per arch: kbuild ARCH, Debian compiler package / prefix, defconfig target,
# extra Kconfig (scripts/config arguments), required config lines, objects.
COMMON_KCONFIG=(--enable FTRACE --enable FUNCTION_TRACER --enable DYNAMIC_FTRACE
	--enable MODULES --enable KALLSYMS_ALL --enable DEBUG_KERNEL
	--disable DEBUG_INFO_NONE --disable DEBUG_INFO_DWARF4
	--disable DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT
	--enable DEBUG_INFO --enable DEBUG_INFO_DWARF5
	--disable DEBUG_INFO_REDUCED --disable DEBUG_INFO_SPLIT
	--disable DEBUG_INFO_COMPRESSED --disable DEBUG_INFO_BTF
	--enable SYSVIPC)
COMMON_OBJS="kernel/fork.o kernel/exit.o kernel/time/timer.o fs/pipe.o fs/open.o
fs/read_write.o fs/namei.o lib/string.o lib/vsprintf.o ipc/msg.o
security/commoncap.o mm/mmap.o"

arch_vars() {
	case $1 in
	ppc64le)
		KARCH=powerpc PKG=gcc-powerpc64le-linux-gnu CROSS=powerpc64le-linux-gnu-
		DEFCONFIG=ppc64le_defconfig
		EXTRA=(--enable DYNAMIC_FTRACE_WITH_REGS --enable LIVEPATCH)
		REQUIRED=(CONFIG_LIVEPATCH=y CONFIG_DEBUG_INFO_DWARF5=y CONFIG_CPU_LITTLE_ENDIAN=y)
		OBJS="$COMMON_OBJS kernel/livepatch/core.o" ;;
	s390x)
		KARCH=s390 PKG=gcc-s390x-linux-gnu CROSS=s390x-linux-gnu-
		DEFCONFIG=defconfig
		EXTRA=(--enable DYNAMIC_FTRACE_WITH_REGS --enable LIVEPATCH)
		REQUIRED=(CONFIG_LIVEPATCH=y CONFIG_DEBUG_INFO_DWARF5=y)
		OBJS="$COMMON_OBJS kernel/livepatch/core.o" ;;
	arm64)
		# Linux 6.1 has no livepatch on arm64: ftrace only.
		KARCH=arm64 PKG=gcc-aarch64-linux-gnu CROSS=aarch64-linux-gnu-
		DEFCONFIG=defconfig
		EXTRA=(--enable DYNAMIC_FTRACE_WITH_REGS)
		REQUIRED=(CONFIG_DEBUG_INFO_DWARF5=y CONFIG_FUNCTION_TRACER=y)
		OBJS="$COMMON_OBJS drivers/char/random.o" ;;
	*) die "unknown architecture '$1' (known: ppc64le s390x arm64)" ;;
	esac
}

# timed LOGDIR NAME CMD...: run CMD niced, log output, append wall seconds.
timed() {
	local dir=$1 name=$2 t0 rc=0
	shift 2
	t0=$(date +%s.%N)
	nice "$@" >"$dir/$name.log" 2>&1 || rc=$?
	printf '%s\t%.1f\t%s\n' "$name" "$(echo "$(date +%s.%N) - $t0" | bc)" "$rc" >>"$dir/timings.tsv"
	if [ $rc -ne 0 ]; then
		tail -n 30 "$dir/$name.log" >&2
		die "step '$name' failed (rc=$rc, log $dir/$name.log)"
	fi
}

install_packages() {
	local missing=() p st
	for p in "$@"; do
		st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
		[ "$st" = installed ] || missing+=("$p")
	done
	[ ${#missing[@]} -gt 0 ] || return 0
	log "installing ${missing[*]}"
	local sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get -o DPkg::Lock::Timeout=600 update >/dev/null ||
		die "apt-get update failed"
	$sudo apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}" \
		>"${TMPDIR:-/tmp}/klp-ccp-arch-apt.log" 2>&1 ||
		{ tail -n 20 "${TMPDIR:-/tmp}/klp-ccp-arch-apt.log" >&2; die "apt-get install failed"; }
}

# The pristine source, unpacked once (stamp: package version, tarball size/mtime).
unpack_pristine() {
	local want
	[ -f "$TARBALL" ] || install_packages "$SRCPKG"
	want="$(dpkg-query -W -f='${Package} ${Version}' "$SRCPKG") $(stat -c '%s %Y' "$TARBALL")"
	if [ -f "$PRISTINE/.arch-corpus-stamp" ] && [ "$(cat "$PRISTINE/.arch-corpus-stamp")" = "$want" ]; then
		return 0
	fi
	log "unpacking $TARBALL into $PRISTINE"
	rm -rf "$PRISTINE" "$PRISTINE.partial"
	mkdir -p "$PRISTINE.partial"
	nice tar -xJf "$TARBALL" -C "$PRISTINE.partial" --strip-components=1
	[ -f "$PRISTINE.partial/Makefile" ] || die "unpacked tree has no Makefile"
	printf '%s\n' "$want" >"$PRISTINE.partial/.arch-corpus-stamp"
	mv "$PRISTINE.partial" "$PRISTINE"
}

# The arch tree: a hard-linked copy of the pristine source, same stamp.
copy_tree() {
	local dir=$1
	if [ -f "$dir/linux/.arch-corpus-stamp" ] &&
	   cmp -s "$dir/linux/.arch-corpus-stamp" "$PRISTINE/.arch-corpus-stamp"; then
		return 0
	fi
	log "copying the source into $dir/linux"
	rm -rf "$dir/linux" "$dir/linux.partial"
	cp -al "$PRISTINE" "$dir/linux.partial"
	rm -f "$dir/linux.partial/.arch-corpus-stamp"
	cp "$PRISTINE/.arch-corpus-stamp" "$dir/linux.partial/.arch-corpus-stamp"
	mv "$dir/linux.partial" "$dir/linux"
}

# Configure; when the result equals the previous .config, its old mtime is
# put back so make keeps everything built from it. (The scratch-file way of
# the x86 script does not work here: ppc64le_defconfig merges fragments into
# .config itself.)
configure() {
	local dir=$1 c
	(
		cd "$dir/linux"
		rm -f .config.prev
		[ ! -f .config ] || cp -p .config .config.prev
		timed "$dir/logs" defconfig make "${MAKE_ARGS[@]}" "$DEFCONFIG"
		scripts/config --file .config "${COMMON_KCONFIG[@]}" "${EXTRA[@]}"
		timed "$dir/logs" olddefconfig make "${MAKE_ARGS[@]}" olddefconfig
		for c in "${REQUIRED[@]}"; do
			grep -qx "$c" .config || die "$c did not survive olddefconfig ($dir)"
		done
		if [ -f .config.prev ] && cmp -s .config .config.prev; then
			touch -r .config.prev .config
		fi
		rm -f .config.prev .config.old
	)
}

build_arch() {
	local arch=$1 dir=$CORPUS-$1 o
	arch_vars "$arch"
	MAKE_ARGS=(ARCH="$KARCH" CROSS_COMPILE="$CROSS" KCFLAGS=-fdump-ipa-clones)
	mkdir -p "$dir/logs"
	printf 'step\twall_s\trc\n' >"$dir/logs/timings.tsv"
	copy_tree "$dir"
	# configure only when what the config is made from changed
	local ckey
	ckey="$(cat "$PRISTINE/.arch-corpus-stamp") $DEFCONFIG ${COMMON_KCONFIG[*]} ${EXTRA[*]}"
	if [ ! -f "$dir/.config-stamp" ] || [ "$(cat "$dir/.config-stamp")" != "$ckey" ] ||
	   [ ! -f "$dir/linux/.config" ]; then
		rm -f "$dir/.config-stamp"
		configure "$dir"
		printf '%s\n' "$ckey" >"$dir/.config-stamp"
	fi
	local key
	key="$(sha256sum "$dir/linux/.config" | cut -c1-64) $("${CROSS}gcc" --version | head -n1) modules_prepare $OBJS"
	if [ -f "$dir/.built-stamp" ] && [ "$(cat "$dir/.built-stamp")" = "$key" ] &&
	   [ -f "$dir/manifest.json" ]; then
		log "$arch: corpus up to date ($dir)"
		return 0
	fi
	rm -f "$dir/.built-stamp"
	log "$arch: prepare and $(echo $OBJS | wc -w) objects in $dir/linux"
	for o in $OBJS; do
		[ -f "$dir/linux/${o%.o}.c" ] || die "$arch: source ${o%.o}.c does not exist"
	done
	(cd "$dir/linux" &&
	 timed "$dir/logs" prepare make -j"$JOBS" "${MAKE_ARGS[@]}" modules_prepare &&
	 timed "$dir/logs" objects make -j"$JOBS" "${MAKE_ARGS[@]}" $OBJS)
	python3 "$here/record_corpus.py" "$dir" "$arch" $OBJS
	printf '%s\n' "$key" >"$dir/.built-stamp"
}

pkgs=(bc bison flex libelf-dev libssl-dev python3 xz-utils make)
for a in $ARCHES; do
	arch_vars "$a"
	pkgs+=("$PKG")
done
install_packages "${pkgs[@]}"
unpack_pristine
start=$(date +%s)
for a in $ARCHES; do
	t0=$(date +%s)
	build_arch "$a"
	log "$a: $(($(date +%s) - t0)) s"
done
log "arch corpora done in $(($(date +%s) - start)) s: $ARCHES"
