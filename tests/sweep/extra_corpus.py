#!/usr/bin/env python3
"""Make a corpus directory of objects the kernel corpus does not hold.

The corpus (setup-kernel-corpus.sh) records 24 objects, but its tree is
built whole (defconfig, every object with -fdump-ipa-clones), so every
other object of the tree can be measured the same way. This writes
OUT/objects/FLAT.o, OUT/cmdlines/FLAT.json and OUT/ipa-clones/ for N
objects of the tree (those with a .cmd file, a C source and a clone dump,
not in the corpus), chosen by the SHA-1 of their path (a spread over all
directories that changes only with the tree), and OUT/linux -> the tree, so
that `CORPUS=OUT tests/sweep/sweep.py ...` sweeps them.

usage: extra_corpus.py [--corpus DIR] [-n N] OUT
"""
import argparse
import hashlib
import json
import os
import shlex
import shutil
import sys


def read_argv(tree, obj):
    d, b = os.path.split(obj)
    prefix = "cmd_" + obj + " := "
    with open(os.path.join(tree, d, "." + b + ".cmd")) as f:
        for line in f:
            if line.startswith(prefix):
                s = line[len(prefix):].rstrip("\n").replace("$(pound)", "#").replace("$$", "$")
                lex = shlex.shlex(s, posix=True, punctuation_chars=";")
                lex.whitespace_split = True
                argv = []
                for tok in lex:
                    if tok == ";":
                        break
                    argv.append(tok)
                return argv
    return None


def candidates(tree, taken):
    for d, _, files in os.walk(tree):
        for f in files:
            if not (f.startswith(".") and f.endswith(".o.cmd")):
                continue
            rel = os.path.relpath(os.path.join(d, f[1:-4]), tree)
            src = rel[:-2] + ".c"
            dump = src + ".000i.ipa-clones"
            flat = rel[:-2].replace("/", "_")
            if rel.startswith(("scripts/", "tools/", "usr/")) or flat in taken:
                continue
            if os.path.isfile(os.path.join(tree, rel)) and os.path.isfile(os.path.join(tree, src)) \
                    and os.path.isfile(os.path.join(tree, dump)):
                yield rel, src, dump, flat


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", default=os.environ.get("CORPUS", os.path.expanduser("~/.cache/klp-ccp-corpus")))
    p.add_argument("-n", type=int, default=60)
    p.add_argument("out")
    a = p.parse_args()
    tree = os.path.join(a.corpus, "linux")
    taken = {f[:-2] for f in os.listdir(os.path.join(a.corpus, "objects")) if f.endswith(".o")}
    cands = sorted(candidates(tree, taken), key=lambda c: hashlib.sha1(c[0].encode()).hexdigest())
    for sub in ("objects", "cmdlines", "ipa-clones"):
        os.makedirs(os.path.join(a.out, sub), exist_ok=True)
    if not os.path.lexists(os.path.join(a.out, "linux")):
        os.symlink(os.path.abspath(tree), os.path.join(a.out, "linux"))
    n = 0
    for rel, src, dump, flat in cands:
        argv = read_argv(tree, rel)
        if not argv or argv[-1] != src or "-c" not in argv or "gcc" not in os.path.basename(argv[0]):
            continue
        shutil.copyfile(os.path.join(tree, rel), os.path.join(a.out, "objects", flat + ".o"))
        shutil.copyfile(os.path.join(tree, dump), os.path.join(a.out, "ipa-clones", flat + ".c.000i.ipa-clones"))
        with open(os.path.join(a.out, "cmdlines", flat + ".json"), "w") as f:
            json.dump(argv, f, indent=1)
            f.write("\n")
        print(rel)
        n += 1
        if n == a.n:
            break
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main())
