#!/usr/bin/env python3
"""record_corpus.py DIR ARCH OBJ...: record what kbuild did for each object of
the cross-built tree DIR/linux, in the layout of the x86_64 corpus:
DIR/cmdlines/FLAT.json (the compiler argv, JSON array), DIR/objects/FLAT.o,
DIR/ipa-clones/FLAT.c.000i.ipa-clones, DIR/cmdfiles/FLAT.o.cmd, and
DIR/manifest.json. Fails when an object, its .cmd line or its dump is missing
or the command is not a GCC compile of the object's source."""
import json
import os
import shlex
import shutil
import subprocess
import sys


def die(msg):
    print("FATAL: record_corpus.py: " + msg, file=sys.stderr)
    sys.exit(1)


def cmd_line(tree, obj):
    d, b = os.path.split(obj)
    path = os.path.join(tree, d, "." + b + ".cmd")
    prefix = "cmd_" + obj + " := "
    with open(path) as f:
        for line in f:
            if line.startswith(prefix):
                # kbuild's make escaping: $ is $$, # is $(pound)
                s = line[len(prefix):].rstrip("\n")
                return path, s.replace("$(pound)", "#").replace("$$", "$")
    die(f"no '{prefix}' line in {path}")


def commands(s):
    lex = shlex.shlex(s, posix=True, punctuation_chars=";")
    lex.whitespace_split = True
    out, cur = [], []
    for tok in lex:
        if tok == ";":
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(tok)
    if cur:
        out.append(cur)
    return out


def copy(src, dst):
    shutil.copyfile(src, dst + ".tmp")
    os.replace(dst + ".tmp", dst)


def record(corpus, tree, obj):
    src = obj[:-2] + ".c"
    flat = obj[:-2].replace("/", "_")
    cmdfile, cmd = cmd_line(tree, obj)
    cmds = commands(cmd)
    argv, post = cmds[0], cmds[1:]
    if "gcc" not in os.path.basename(argv[0]):
        die(f"{obj}: the first command is not gcc: {argv[0]}")
    if argv[-1] != src or "-c" not in argv or argv[argv.index("-o") + 1] != obj:
        die(f"{obj}: unexpected compile command shape: ... {argv[-4:]}")
    dump = os.path.join(os.path.dirname(obj), os.path.basename(src) + ".000i.ipa-clones")
    for p in (obj, dump):
        if not os.path.isfile(os.path.join(tree, p)):
            die(f"{obj}: {p} not found in {tree}")
    out = {
        "cmdlines": (None, flat + ".json"),
        "objects": (obj, flat + ".o"),
        "ipa-clones": (dump, flat + ".c.000i.ipa-clones"),
        "cmdfiles": (cmdfile, flat + ".o.cmd"),
    }
    for sub, (frm, name) in out.items():
        os.makedirs(os.path.join(corpus, sub), exist_ok=True)
        dst = os.path.join(corpus, sub, name)
        if frm is None:
            with open(dst + ".tmp", "w") as f:
                f.write(json.dumps(argv, indent=1) + "\n")
            os.replace(dst + ".tmp", dst)
        else:
            copy(os.path.join(tree, frm), dst)
    return {
        "source": src, "object": obj, "flat": flat, "cwd": tree,
        "compiler": argv[0], "post_commands": post,
        "argv_json": os.path.join(corpus, "cmdlines", flat + ".json"),
        "object_copy": os.path.join(corpus, "objects", flat + ".o"),
        "ipa_clones_copy": os.path.join(corpus, "ipa-clones", flat + ".c.000i.ipa-clones"),
    }


def main():
    corpus, arch, objs = sys.argv[1], sys.argv[2], sys.argv[3:]
    tree = os.path.join(corpus, "linux")
    entries = [record(corpus, tree, o) for o in objs]
    gcc = subprocess.run([entries[0]["compiler"], "--version"], capture_output=True,
                         text=True, check=True).stdout.splitlines()[0]
    kver = subprocess.run(["make", "-s", "kernelversion"], cwd=tree, capture_output=True,
                          text=True, check=True).stdout.strip()
    manifest = {"arch": arch, "kernel": kver, "gcc": gcc, "tree": tree,
                "extra_kcflags": "-fdump-ipa-clones", "objects": entries}
    path = os.path.join(corpus, "manifest.json")
    with open(path + ".tmp", "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)
    for e in entries:
        print(f"    {arch} {e['object']}: post={[p[0] for p in e['post_commands']]}",
              file=sys.stderr)


main()
