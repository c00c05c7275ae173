#!/usr/bin/env python3
"""argv.py MODE JSON [LPC OUT]: print a corpus compiler argv NUL-separated.

MODE orig: the argv as kbuild ran it (for klp-ccp).
MODE lp:   input replaced by LPC, -o by OUT, -Wp,-MMD,... and
           -fdump-ipa-clones dropped (nothing is written into the tree).
MODE src:  like lp, but the input is kept (the original source).
MODE lpfs, srcfs: like lp/src plus -ffunction-sections -fdata-sections.
"""
import json
import sys


def main():
    mode, path = sys.argv[1], sys.argv[2]
    argv = json.load(open(path))
    if mode == "orig":
        out = argv
    else:
        src = argv[-1]
        inp = sys.argv[3] if mode.startswith("lp") else src
        out = []
        skip = False
        for a in argv[:-1]:
            if skip:
                out.append(sys.argv[4])
                skip = False
                continue
            if a.startswith("-Wp,-MMD") or a.startswith("-Wp,-MD") or a == "-fdump-ipa-clones":
                continue
            out.append(a)
            if a == "-o":
                skip = True
        if mode.endswith("fs"):
            out[-1:-1] = []
            out.insert(len(out) - 3, "-ffunction-sections")
            out.insert(len(out) - 3, "-fdata-sections")
        out.append(inp)
    sys.stdout.write("\0".join(out))


main()
