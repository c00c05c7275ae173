"""A difference class for the objcmp_tool adapter (klp-ccp verify gives its
own): from the call/reference targets of the function in the original and
in the livepatch object (both compiled with -ffunction-sections):
  clone-called          a .constprop/.isra/.part clone referenced on one side only
  inlined-differently   functions called on one side only (named in the detail)
  ipa-facts             same targets, but lp.c calls as extern a function the
                        original has as a local (GCC's facts about it lost)
  code                  anything else
"""
import re
import subprocess

from corpus_cases import CLONE_SUFFIX

PREFIX = re.compile(r"^(klpp_|klpe_|klpr_)")


def targets(obj, section):
    out = subprocess.run(["objdump", "-dr", "-j", section, obj], capture_output=True,
                         text=True).stdout
    res = set()
    for m in re.finditer(r"R_X86_64_\w+\s+(\S+)", out):
        t = re.sub(r"[-+]0x[0-9a-f]+$", "", m.group(1))
        t = re.sub(r"^\.text\.(unlikely\.)?", "", t)
        if t.startswith(".") or t.startswith(("__x86_", "__fentry__", "__stack_chk_fail")):
            continue   # .rodata and the like, thunks and tracing: not callees
        res.add(PREFIX.sub("", t))
    return res


def local_functions(obj):
    out = subprocess.run(["readelf", "-sW", obj], capture_output=True, text=True).stdout
    return {f[7] for f in (l.split() for l in out.splitlines())
            if len(f) >= 8 and f[3] == "FUNC" and f[4] == "LOCAL" and f[6] != "UND"}


def undefined(obj):
    out = subprocess.run(["readelf", "-sW", obj], capture_output=True, text=True).stdout
    return {PREFIX.sub("", f[7]) for f in (l.split() for l in out.splitlines())
            if len(f) >= 8 and f[6] == "UND"}


def classify(orig, lp, name, lpname):
    """(class, detail) of a function that differs."""
    a = targets(orig, ".text." + name)
    b = targets(lp, ".text." + lpname)
    only_a, only_b = a - b, b - a
    clones = sorted(t for t in only_a | only_b if CLONE_SUFFIX.search(t))
    if clones:
        return "clone-called", " ".join(clones)
    if only_a or only_b:
        return "inlined-differently", "called only in the original: %s; only in lp.c: %s" % (
            " ".join(sorted(only_a)) or "-", " ".join(sorted(only_b)) or "-")
    lost = sorted((local_functions(orig) & undefined(lp) & b) - {name})
    if lost:
        return "ipa-facts", "externalized local callees: " + " ".join(lost)
    return "code", ""
