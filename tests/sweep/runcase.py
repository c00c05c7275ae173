"""One case of the sweep: extraction with the kernel policy and with the
built-in defaults, compile and comparison of each, and the control.

Each variant yields a dict:
  status: identical | differs | refused | extract-failed | crash | timeout |
          compile-failed | verify-error
  class:  refusal class, difference classes ("code,ipa-facts"), or the
          normalized error
  detail: first error line / per-function verify lines
  funcs:  {NAME: "identical" | "differs (CLASS): DETAIL" | ...} when compared
"""
import json
import os
import re
import shutil
import signal
import subprocess

import adapter_class

HOOKS = [("-H", "may-include-header"), ("-F", "can-externalize-fun"),
         ("-S", "shall-externalize-fun"), ("-O", "shall-externalize-obj"),
         ("-E", "modify-externalized-sym"), ("-P", "modify-patched-fun-sym"),
         ("-R", "rename-rewritten-fun")]

# Refusals: errors that name why the function cannot be livepatched (or
# extracted). Anything else failing is a finding (extract-failed).
REFUSALS = [
    ("tracepoint", re.compile(r"tracepoint code")),
    ("alias", re.compile(r"is only an alias of")),
    ("macro-body", re.compile(r"declared and called inside one macro expansion")),
    ("no-c-definition", re.compile(r"unknown patched function .*no definition in this translation unit"
                                   r"|is defined in assembly here|is only declared in this translation unit")),
    ("init-exit", re.compile(r"\.(init|exit)(\.text)?\b.*(cannot|not)|__(init|exit)\b.*(cannot|not)|(cannot|not).*(\.init|__init|\.exit|__exit)")),
    ("notrace", re.compile(r"notrace|no __fentry__|not traceable")),
    ("not-livepatchable", re.compile(r"cannot be livepatched|not livepatchable|can(no|')t be patched")),
]


def refusal_class(text):
    """The refusal class of an extraction's error output, or None."""
    for cls, pat in REFUSALS:
        if pat.search(text):
            return cls
    return None


RUNNING = set()   # the steps' processes, killed when the sweep is interrupted


class Ctx:
    """What every case needs: paths, tools, options."""

    def __init__(self, root, klp, objcmp, corpus, timeout, verify):
        self.root, self.klp, self.objcmp = root, klp, objcmp
        self.corpus, self.tree = corpus, os.path.join(corpus, "linux")
        self.timeout, self.verify = timeout, verify
        self.orig_fs = {}   # flat -> (path or None, log) in adapter mode
        self.tmp = None


def run(argv, cwd, timeout, log):
    """Run ARGV in CWD (own process group, killed on timeout); output to LOG.
    Returns the exit status, -1000 on timeout."""
    with open(log, "wb") as out:
        p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                             stderr=subprocess.STDOUT, start_new_session=True)
        RUNNING.add(p)
        try:
            return p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            return -1000
        finally:
            RUNNING.discard(p)


def kill_running():
    """Kill the process groups of the steps running (sweep interrupted)."""
    for p in list(RUNNING):
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass


def read(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def first_error(text):
    for line in text.splitlines():
        if "error" in line.lower() or "Sanitizer" in line or "Assertion" in line:
            return line.strip()[:400]
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].strip()[:400] if lines else "(no output)"


def normalize(msg):
    """Error message -> class text: names, paths, numbers and quoted words
    replaced, so that equal errors on different functions group together."""
    msg = re.sub(r"^\S+:\d+(:\d+)?: ", "", msg)
    msg = re.sub(r"^klp-ccp: (error: )?(\S+\.c: )?", "", msg)
    msg = re.sub(r"; did you mean .*", "", msg)
    msg = re.sub(r"'[^']*'|‘[^’]*’", "'X'", msg)
    msg = re.sub(r"\b\d+\b", "N", msg)
    return msg[:160]


def argv_of(json_path, inp, out, fs=False, extra=()):
    """The original argv with input INP and -o OUT, dependency and dump
    options dropped (nothing written into the tree), EXTRA before the input."""
    argv = json.load(open(json_path))
    res, skip = [], False
    for a in argv[:-1]:
        if skip:
            res.append(out)
            skip = False
            continue
        if a.startswith(("-Wp,-MMD", "-Wp,-MD")) or a == "-fdump-ipa-clones":
            continue
        res.append(a)
        if a == "-o":
            skip = True
    if fs:
        res += ["-ffunction-sections", "-fdata-sections"]
    return res + list(extra) + [inp]


def classify_extract_failure(rc, log):
    text = read(log)
    err = first_error(text)
    if rc == -1000:
        return {"status": "timeout", "class": "timeout", "detail": err}
    if rc < 0 or rc >= 128 or re.search(r"Sanitizer|Segmentation|Assertion|core dumped", text):
        return {"status": "crash", "class": "signal %d" % (-rc if rc < 0 else rc), "detail": err}
    cls = refusal_class(text)
    if cls:
        return {"status": "refused", "class": cls, "detail": err}
    return {"status": "extract-failed", "class": normalize(err), "detail": err}


def read_report(report):
    """The report's patched functions and inlined_everywhere list:
    ({NAME: LPNAME}, {NAME: [CONTAINED...]} of those ipa-clones added,
    [named functions without a body of their own])."""
    names, added, gone = {}, {}, []
    old, section = None, None
    for line in read(report).splitlines():
        if line and not line.startswith((" ", "-")):
            section, old = line.split(":", 1)[0], None
            continue
        if section == "inlined_everywhere":
            m = re.match(r"^- (\S+)", line)
            if m:
                gone.append(m.group(1))
            continue
        if section != "patched_functions":
            continue
        m = re.match(r"^- old_name: (\S+)", line)
        if m:
            old, key = m.group(1), None
            continue
        m = re.match(r"^  (\w+):(?: (\S+))?$", line)
        if m and old:
            key = m.group(1)
            if key == "new_name":
                names[old] = m.group(2)
            elif key == "added_by" and m.group(2) == "ipa-clones":
                added[old] = []
        m = re.match(r"^  - (\S+)", line)
        if m and old and key == "contains" and old in added:
            added[old].append(m.group(1))
    return names, added, gone


def ipa_clones_of(ctx, flat):
    """GCC's clone dump of the unit (TREE/DIR/NAME.c.000i.ipa-clones, kept
    when the tree was built with -fdump-ipa-clones), relative to the tree,
    or None: `klp-ccp batch` passes it, so the sweep does too."""
    src = json.load(open(os.path.join(ctx.corpus, "cmdlines", flat + ".json")))[-1]
    dump = src + ".000i.ipa-clones"
    return dump if os.path.isfile(os.path.join(ctx.tree, dump)) else None


def parse_verify(text, funcs):
    """verify's text output -> per-function results."""
    res = {}
    for line in text.splitlines():
        m = re.match(r"^(\S+): (identical|differs \(([^)]*)\).*|differs.*)$", line)
        if m:
            res[m.group(1)] = m.group(2)
    return res


# The adapter compiles the original with -ffunction-sections: GCC may then
# inline or clone a function the target object has.
ARTIFACT = "differs (adapter-artifact): not in the original compiled with -ffunction-sections"


def objcmp_class(line):
    """objcmp_tool's verdict -> verify-like text (adapter)."""
    if line == "identical":
        return "identical"
    if line.startswith("line-only"):
        return "differs (line-only): " + line
    if line.startswith("missing: original"):
        return ARTIFACT
    if line.startswith("missing"):
        return "differs (missing): " + line
    return "differs (code): " + line.replace("differs: ", "", 1)


def compare(ctx, flat, d, tag, src, funcs, lpnames, extra=()):
    """Compile SRC (lp.c or the control copy) with the original flags and
    compare FUNCS with their LPNAMES against the target. Returns a result."""
    json_path = os.path.join(ctx.corpus, "cmdlines", flat + ".json")
    target = os.path.join(ctx.corpus, "objects", flat + ".o")
    if ctx.verify:
        spec = ",".join("%s=%s" % (f, lpnames.get(f, "klpp_" + f)) for f in funcs)
        argv = [ctx.klp, "verify", "--target-object=" + target, "--patched-functions=" + spec,
                src, "--"] + argv_of(json_path, src, os.path.join(d, tag + ".o"), extra=extra)
        rc = run(argv, ctx.tree, ctx.timeout, os.path.join(d, tag + ".verify"))
        text = read(os.path.join(d, tag + ".verify"))
        if rc == 1:
            # an error: a compile failure of SRC, or verify's own
            crc = run(argv_of(json_path, src, os.path.join(d, tag + ".o"), extra=extra),
                      ctx.tree, ctx.timeout, os.path.join(d, tag + ".compile"))
            if crc != 0:
                err = first_error(read(os.path.join(d, tag + ".compile")))
                return {"status": "compile-failed", "class": normalize(err), "detail": err}
            return {"status": "verify-error", "class": normalize(first_error(text)),
                    "detail": first_error(text)}
        if rc not in (0, 2):
            return {"status": "verify-error", "class": "exit %d" % rc, "detail": first_error(text)}
        per = parse_verify(text, funcs)
    else:
        out = os.path.join(d, tag + ".fs.o")
        rc = run(argv_of(json_path, src, out, fs=True, extra=extra), ctx.tree, ctx.timeout,
                 os.path.join(d, tag + ".compile"))
        if rc != 0:
            err = first_error(read(os.path.join(d, tag + ".compile")))
            status = "timeout" if rc == -1000 else "compile-failed"
            return {"status": status, "class": normalize(err), "detail": err}
        orig = ctx.orig_fs.get(flat)
        if not orig:
            return {"status": "verify-error", "class": "original does not compile", "detail": ""}
        rc = run([ctx.objcmp, orig, out] + funcs, ctx.tree, ctx.timeout,
                 os.path.join(d, tag + ".verify"))
        per = {}
        for line in read(os.path.join(d, tag + ".verify")).splitlines():
            name, _, verdict = line.partition(": ")
            per[name] = objcmp_class(verdict)
        # .cold parts count with their function
        for f in funcs:
            cold = per.pop(f + ".cold", "identical")
            if per.get(f) == "identical" and cold != "identical":
                per[f] = cold
            if per.get(f, "").startswith("differs (code)"):
                lpname = lpnames.get(f, "klpp_" + f)
                cls, why = adapter_class.classify(orig, out, f, lpname)
                if cls != "code":
                    per[f] = "differs (%s): %s [%s]" % (cls, why, per[f][len("differs (code): "):])
    funcres = {f: per.get(f, "differs (missing): no verdict") for f in funcs}
    classes = sorted({re.match(r"differs \(([^)]*)\)", v).group(1) if v.startswith("differs (") else "code"
                      for v in funcres.values() if v != "identical"})
    if not classes:
        return {"status": "identical", "class": "", "detail": "", "funcs": funcres}
    detail = "; ".join("%s: %s" % (f, v) for f, v in funcres.items() if v != "identical")
    return {"status": "differs", "class": ",".join(classes), "detail": detail[:600], "funcs": funcres}


def same_files(a, b):
    try:
        with open(a, "rb") as fa, open(b, "rb") as fb:
            return fa.read() == fb.read()
    except OSError:
        return False


def variant(ctx, flat, funcs, d, name, earlier=None):
    """Extraction (kernel policy or defaults) with the unit's clone dump,
    then compile + compare every function the livepatch replaces (the
    report's patched_functions: the named ones and those --ipa-clones
    added; a named one GCC inlined everywhere is not replaced itself).
    EARLIER: (name, result) of a variant already run on this case; when
    this one wrote the same lp.c and reported the same functions, its
    comparison is that one's (the same input to the same compile and
    verify: a third of a case's time)."""
    json_path = os.path.join(ctx.corpus, "cmdlines", flat + ".json")
    target = os.path.join(ctx.corpus, "objects", flat + ".o")
    lp, report = os.path.join(d, name + ".lp.c"), os.path.join(d, name + ".yaml")
    argv = [ctx.klp, "-o", lp, "--report=" + report, "--patched-functions=" + ",".join(funcs),
            "--target-object=" + target, "--cmdline-json=" + json_path]
    dump = ipa_clones_of(ctx, flat)
    if dump:
        argv.append("--ipa-clones=" + dump)
    if name == "kernel":
        k = os.path.join(ctx.root, "policies", "kernel")
        for opt, hook in HOOKS:
            argv += [opt, os.path.join(k, hook)]
    log = os.path.join(d, name + ".extract")
    rc = run(argv, ctx.tree, ctx.timeout, log)
    if rc != 0:
        return classify_extract_failure(rc, log)
    names, added, gone = read_report(report)
    replaced = list(names) if names else list(funcs)
    e = earlier and earlier[1]
    if e and same_files(os.path.join(d, earlier[0] + ".lp.c"), lp) and \
            (e["replaced"], e.get("added"), e.get("not_replaced")) == (replaced, added or None, gone or None):
        res = dict(e, same_as=earlier[0])
    else:
        res = compare(ctx, flat, d, name, lp, replaced, names)
    res["replaced"] = replaced
    if added:
        res["added"] = added
    if gone:
        res["not_replaced"] = gone
    return res


def asm_renames(funcs):
    """Declarations appended to the source that rename the symbols of FUNCS
    klpp_NAME and nothing else: an asm label on a redeclaration (GCC takes
    it even after the definition and the calls). The C name stays, so
    __func__ and the messages made of it stay the original's, as lp.c's do."""
    return "".join('__typeof__(%s) %s __asm__("klpp_%s");\n' % (f, f, f) for f in funcs)


def control_source(src, text, funcs):
    """The control's source: TEXT of SRC, its lines numbered as SRC's, with
    the asm labels renaming FUNCS."""
    return '#line 1 "%s"\n%s\n%s' % (src, text, asm_renames(funcs))


def control(ctx, flat, funcs, d):
    """The original source with only the symbols of FUNCS renamed (a scratch
    copy with #line so that __FILE__ and line numbers are the original's,
    the source's directory first on the quote include path, asm labels
    appended), compared the same way."""
    json_path = os.path.join(ctx.corpus, "cmdlines", flat + ".json")
    src = json.load(open(json_path))[-1]
    text = read(os.path.join(ctx.tree, src))
    ctl = os.path.join(d, "control.c")
    with open(ctl, "w") as f:
        f.write(control_source(src, text, funcs))
    # relative, as the original finds it: __FILE__ of its headers stays the same
    extra = ["-iquote", os.path.dirname(src) or "."]
    res = compare(ctx, flat, d, "control", ctl, funcs, {f: "klpp_" + f for f in funcs}, extra=extra)
    if res["status"] == "compile-failed" or not_renamed(res):
        # a name that is not the C name of a function (an asm label of its
        # own, a macro), or one a file-scope asm statement defines (the
        # __SCT__ static call trampolines: an asm label on a declaration
        # does not rename them): compare the original unrenamed
        with open(ctl, "w") as f:
            f.write('#line 1 "%s"\n' % src)
            f.write(text)
        res = compare(ctx, flat, d, "control", ctl, funcs, {f: f for f in funcs}, extra=extra)
        res["detail"] = "(compared unrenamed) " + res.get("detail", "")
    return res


def not_renamed(res):
    """Did the control's build lack a renamed function altogether?"""
    return any("is not a function of lp.c's build" in v for v in res.get("funcs", {}).values())


def control_set(r, funcs):
    """The functions a control result compared (FUNCS, the named ones, for
    results of before the replaced set)."""
    return r.get("replaced") or list(funcs)


def ensure_orig(ctx, flat):
    """Adapter mode: the original compiled once per object with
    -ffunction-sections (as tests/kernel does), under ctx.tmp."""
    if flat in ctx.orig_fs:
        return
    json_path = os.path.join(ctx.corpus, "cmdlines", flat + ".json")
    src = json.load(open(json_path))[-1]
    out = os.path.join(ctx.tmp, flat + ".orig.fs.o")
    rc = run(argv_of(json_path, src, out, fs=True), ctx.tree, ctx.timeout, out + ".log")
    ctx.orig_fs[flat] = out if rc == 0 else None


def run_case(ctx, flat, funcs, d, keep, known_control=None):
    """KNOWN_CONTROL: the control's result from an earlier run; the control
    compiles the original source, so only a change of verify or of the
    corpus changes it -- and of the set it renames: it is used only when it
    compared the functions the kernel variant replaces. The control renames
    that set (the named functions when the kernel variant failed)."""
    os.makedirs(d, exist_ok=True)
    res = {}
    res["kernel"] = variant(ctx, flat, funcs, d, "kernel")
    ok = "replaced" in res["kernel"]
    res["defaults"] = variant(ctx, flat, funcs, d, "defaults", ("kernel", res["kernel"]) if ok else None)
    replaced = res["kernel"].get("replaced") or list(funcs)
    if known_control and sorted(control_set(known_control, funcs)) != sorted(replaced):
        known_control = None
    res["control"] = known_control or control(ctx, flat, replaced, d)
    res["control"]["replaced"] = replaced
    if keep and any(r["status"] != "identical" for r in res.values()):
        dst = os.path.join(keep, flat + "-" + "+".join(funcs))[:240]
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(d, dst)
    shutil.rmtree(d, ignore_errors=True)
    return res
