#!/usr/bin/env python3
"""Print the GCC argv kbuild used for OBJ (relative to the kernel tree TREE),
one argument per line, from TREE/DIR/.NAME.o.cmd: the first command of
"cmd_OBJ := ...", with kbuild's make escaping undone ($$ -> $, $(pound) -> #).
Usage: kbuild-argv.py TREE OBJ"""
import os
import shlex
import sys

tree, obj = sys.argv[1], sys.argv[2]
d, b = os.path.split(obj)
cmdfile = os.path.join(tree, d, "." + b + ".cmd")
prefix = "cmd_" + obj + " := "
with open(cmdfile) as f:
    for line in f:
        if line.startswith(prefix):
            s = line[len(prefix):].rstrip("\n").replace("$(pound)", "#").replace("$$", "$")
            break
    else:
        sys.exit(f"kbuild-argv: no '{prefix}' line in {cmdfile}")
lex = shlex.shlex(s, posix=True, punctuation_chars=";")
lex.whitespace_split = True
argv = []
for tok in lex:
    if tok == ";":
        break
    argv.append(tok)
if not argv or argv[-1] != obj[:-2] + ".c":
    sys.exit(f"kbuild-argv: unexpected command for {obj}: {argv[-3:]}")
print("\n".join(argv))
