"""The cases of the whole-corpus sweep, read from the corpus objects.

A case is one object of the corpus (FLAT: objects/FLAT.o, cmdlines/FLAT.json)
and the functions patched together in one extraction:
  - one case per function symbol of the object (FUNC, defined, any binding);
    GCC's parts and clones (NAME.cold, NAME.constprop.0, NAME.isra.0,
    NAME.part.0, ...) are not cases of their own: they count with NAME, and
    NAME is a case even when only its clones have a symbol;
  - per object, a few cases of 2-4 functions that call each other, from the
    calls between the object's functions (direct calls the assembler
    resolved and call relocations), chosen by hash (see multi_cases).
The order is deterministic: by SHA-1 of the case key, so that any prefix of
a run (a partial sweep) samples all objects evenly.
"""
import hashlib
import os
import re
import subprocess

CLONE_SUFFIX = re.compile(r"\.(cold|constprop|isra|part|lto_priv|clone|localalias)(\.|$)")


def h(text):
    return hashlib.sha1(text.encode()).hexdigest()


def case_key(flat, funcs):
    return flat + ":" + ",".join(funcs)


def origin(name):
    """foo.constprop.0.isra.0 -> foo; names without GCC suffix unchanged."""
    m = CLONE_SUFFIX.search(name)
    return name[:m.start()] if m else name


def objects(corpus):
    d = os.path.join(corpus, "objects")
    return sorted(f[:-2] for f in os.listdir(d)
                  if f.endswith(".o") and os.path.exists(os.path.join(corpus, "cmdlines", f[:-2] + ".json")))


def function_symbols(obj):
    """All defined FUNC symbols of OBJ (names, possibly with GCC suffixes)."""
    out = subprocess.run(["readelf", "-sW", obj], capture_output=True, text=True, check=True).stdout
    names = []
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 8 and f[3] == "FUNC" and f[6] != "UND":
            names.append(f[7])
    return names


def call_edges(obj, defined):
    """Set of (caller, callee) origin names of calls between functions of OBJ."""
    out = subprocess.run(["objdump", "-dr", "--no-show-raw-insn", obj],
                         capture_output=True, text=True, check=True).stdout
    edges = set()
    cur = None
    head = re.compile(r"^[0-9a-f]+ <([^>]+)>:$")
    call = re.compile(r"\s(?:call|jmp)\s+[0-9a-f]+ <([^>+]+)>$")
    rel = re.compile(r"R_X86_64_(?:PLT32|PC32)\s+([^\s+-]+)-0x4$")
    for line in out.splitlines():
        m = head.match(line)
        if m:
            cur = origin(m.group(1))
            continue
        m = call.search(line) or rel.search(line)
        if m and cur:
            callee = origin(m.group(1))
            if callee in defined and callee != cur:
                edges.add((cur, callee))
    return edges


def single_cases(obj):
    return sorted({origin(n) for n in function_symbols(obj)})


def multi_cases(flat, funcs, edges, per_object=4):
    """Up to PER_OBJECT cases of 2-4 functions linked by calls: the
    caller->callee edges in hash order, each grown to 2, 3, 4, 2 functions
    by adding a callee (or caller) of the set; sets already taken skipped."""
    funcs = set(funcs)
    calls = {}
    for a, b in edges:
        if a in funcs and b in funcs:
            calls.setdefault(a, set()).add(b)
            calls.setdefault(b, set()).add(a)
    order = sorted((e for e in edges if e[0] in funcs and e[1] in funcs),
                   key=lambda e: h(flat + ":" + e[0] + ">" + e[1]))
    sizes = [2, 3, 4, 2]
    out, seen = [], set()
    for a, b in order:
        if len(out) >= per_object:
            break
        want = sizes[len(out)]
        group = [a, b]
        while len(group) < want:
            nxt = sorted(set().union(*(calls[g] for g in group)) - set(group),
                         key=lambda n: h(flat + ":" + n))
            if not nxt:
                break
            group.append(nxt[0])
        key = tuple(sorted(group))
        if len(group) < 2 or key in seen:
            continue
        seen.add(key)
        out.append(sorted(group))
    return out


def all_cases(corpus, multi_per_object=4):
    """[(flat, [funcs])] of every object, singles then multis, hash order."""
    cases = []
    for flat in objects(corpus):
        obj = os.path.join(corpus, "objects", flat + ".o")
        singles = single_cases(obj)
        cases += [(flat, [f]) for f in singles]
        if multi_per_object:
            edges = call_edges(obj, set(singles))
            cases += [(flat, g) for g in multi_cases(flat, singles, edges, multi_per_object)]
    cases.sort(key=lambda c: h(case_key(*c)))
    return cases


def sample_cases(cases, singles_per_object, multis):
    """The CI sample: per object the SINGLES_PER_OBJECT single-function cases
    with the lowest hash, plus the MULTIS multi-function cases with the lowest
    hash over the corpus. CASES is in hash order already."""
    per, out, nmulti = {}, [], 0
    for flat, funcs in cases:
        if len(funcs) == 1:
            if per.get(flat, 0) < singles_per_object:
                per[flat] = per.get(flat, 0) + 1
                out.append((flat, funcs))
        elif nmulti < multis:
            nmulti += 1
            out.append((flat, funcs))
    return out
