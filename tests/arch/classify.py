#!/usr/bin/env python3
"""classify.py ARCH KEEP_DIR: a first explanation of each non-identical
function of a tests/arch/run.sh (tests/kernel/run.sh) run made with --keep,
for what is particular to the architecture:
  toc-nop  (ppc64le) the livepatch calls, with the TOC-restore nop after the
           bl, functions the original unit defines: a call out of the module
           must restore r2 (the linker makes the nop "ld r2,24(r1)"), so this
           difference is required, not a fault; the code is otherwise the same
           instruction for instruction;
  toc-call (ppc64le) the original tail-calls (b) a function it defines, the
           livepatch cannot (the callee is outside the module: its TOC may
           differ) and calls it with bl + nop in a stack frame;
  toc-data (ppc64le) the original reaches data it defines TOC-relative
           (addis r,r2,sym@toc@ha), the livepatch, for an externalized
           object, through a .toc entry (the object is outside the module);
  got      (s390x) the livepatch takes the address of an externalized symbol
           through the GOT (lgrl + R_390_GOTENT; the kernel is built -fPIE)
           where the original, defining it, uses larl;
  missing  the original object has no symbol of that name (GCC inlined or
           cloned it there);
  other    GCC decided differently (inlining, register allocation, block
           order): read objdump -dr of both.
Prints one line per function and a count per class."""
import collections
import os
import re
import subprocess
import sys

OBJDUMP = {"ppc64le": "powerpc64le-linux-gnu-objdump", "s390x": "s390x-linux-gnu-objdump",
           "arm64": "aarch64-linux-gnu-objdump"}


def disasm(arch, obj, sym):
    out = subprocess.run([OBJDUMP[arch], "-dr", "--no-show-raw-insn", obj],
                         capture_output=True, text=True).stdout
    lines, on = [], False
    for line in out.splitlines():
        m = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
        if m:
            on = m.group(1) == sym
            continue
        if on and line.strip():
            lines.append(line.strip())
    return lines


def mnemonics(lines):
    """Instructions only (no relocation lines), mnemonic + non-branch operands."""
    out = []
    for l in lines:
        if re.match(r"^[0-9a-f]+: R_", l):
            continue
        m = re.match(r"^[0-9a-f]+:\s+(\S+)\s*(.*)$", l)
        if m:
            op = m.group(1)
            args = "" if op.startswith("b") or op.startswith("j") else m.group(2)
            out.append((op, re.sub(r"<.*>", "", args).strip()))
    return out


def drop_nops(ins):
    """Without nops: the TOC-restore slots after calls, and the alignment
    padding ("nop", "ori r2,r2,0") that shifts when those change."""
    return [x for x in ins if x[0] != "nop" and x != ("ori", "r2,r2,0")]


def call_nops(ins):
    return sum(1 for i, x in enumerate(ins) if x[0] == "nop" and i and ins[i - 1][0] == "bl")


def reloc_insns(lines):
    """(mnemonic, relocation type, target) of each relocated instruction."""
    out, last = [], None
    for l in lines:
        m = re.match(r"^[0-9a-f]+: (R_\S+)\s+(\S+)", l)
        if m and last:
            out.append((last, m.group(1), re.sub(r"[-+]0x[0-9a-f]+$", "", m.group(2))))
            continue
        m = re.match(r"^[0-9a-f]+:\s+(\S+)", l)
        if m:
            last = m.group(1)
    return out


def ppc64_class(a, b):
    ma, mb = mnemonics(a), mnemonics(b)
    if drop_nops(mb) == drop_nops(ma) and call_nops(mb) > call_nops(ma):
        return "toc-nop"
    ra, rb = reloc_insns(a), reloc_insns(b)
    tail = {t for op, r, t in ra if op == "b" and r == "R_PPC64_REL24"}
    if tail & {t for op, r, t in rb if op == "bl"}:
        return "toc-call"
    toc = lambda rs: sum(1 for _, r, t in rs if r.startswith("R_PPC64_TOC16") and t == ".toc")
    if toc(rb) > toc(ra):
        return "toc-data"
    return None


def classify(arch, orig, lp, f, reason):
    if "missing: original" in reason:
        return "missing"
    a, b = disasm(arch, orig, f), disasm(arch, lp, "klpp_" + f)
    if arch == "ppc64le" and ppc64_class(a, b):
        return ppc64_class(a, b)
    if arch == "s390x":
        got = lambda ls: sum("R_390_GOTENT" in l for l in ls)
        if got(b) > got(a):
            return "got"
    return "other"


def main():
    arch, keep = sys.argv[1], sys.argv[2]
    counts = collections.Counter()
    for d in sorted(os.listdir(keep)):
        cmp = os.path.join(keep, d, "cmp")
        if not os.path.exists(cmp):
            continue
        orig = os.path.join(keep, d.split("-")[0] + ".orig.o")
        for line in open(cmp):
            f, _, reason = line.strip().partition(": ")
            if reason == "identical" or f.endswith(".cold"):
                continue
            c = classify(arch, orig, os.path.join(keep, d, "lp.fs.o"), f, reason)
            counts[c] += 1
            print(f"{c:8} {d.split('-')[0]} {f}: {reason}")
    print("summary: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


main()
