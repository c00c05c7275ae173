#!/usr/bin/env bash
# Kernel cases of one cross-built corpus (tests/arch/setup-arch-corpus.sh):
# tests/kernel/run.sh with CORPUS=$CORPUS-ARCH, the cases of
# tests/arch/cases-ARCH.txt and the identity threshold of tests/arch/min-rate.
# Every case must extract and compile with the original cross command line.
# Usage: run.sh ARCH --klp-ccp BIN [--shard I/N] [run.sh options]
# Exit 77 (skipped) when the corpus or its cross compiler is missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
arch=$1
shift
base=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
export CORPUS=$base-$arch
json=$(ls "$CORPUS"/cmdlines/*.json 2>/dev/null | head -n1)
if [ -z "$json" ] || [ ! -d "$CORPUS/linux" ]; then
	echo "SKIP: no $arch corpus in $CORPUS (run tests/arch/setup-arch-corpus.sh)"
	exit 77
fi
cc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0])' "$json")
command -v "$cc" >/dev/null || { echo "SKIP: $cc not installed"; exit 77; }
rate=$(awk -v a="$arch" '$1 == a { print $2; exit }' "$here/min-rate")
exec bash "$here/../kernel/run.sh" --cases "$here/cases-$arch.txt" --min-rate "${rate:-0}" "$@"
