"""Results of the sweep -> rates, the Markdown table, the findings text and
the threshold check."""
import re
import time

import runcase

VARIANTS = ("kernel", "defaults", "control")
FAILS = ("extract-failed", "crash", "timeout", "compile-failed", "verify-error")


def reclassify(recs):
    """Refusal classes again from the recorded error lines, so that a change
    of runcase.REFUSALS applies to results already recorded."""
    for rec in recs:
        for v in VARIANTS:
            r = rec.get(v)
            if r and r["status"] in ("compile-failed", "verify-error") and r.get("detail"):
                r["class"] = runcase.normalize(r["detail"])
            for f, verdict in (r or {}).get("funcs", {}).items():
                if verdict == "differs (missing): missing: original":
                    r["funcs"][f] = runcase.ARTIFACT
            if v == "control":
                continue
            if r and r["status"] in ("refused", "extract-failed"):
                cls = runcase.refusal_class(r.get("detail", ""))
                if cls:
                    r["status"], r["class"] = "refused", cls
                elif r["status"] == "refused":
                    r["status"], r["class"] = "extract-failed", runcase.normalize(r.get("detail", ""))
    return recs


def verdict_class(verdict):
    """A differing function's class; "missing" says which kind: the target
    has the function only as clones (.isra/.constprop/.part: klp-ccp names
    the callers to patch), or not at all (inlined wherever it is called),
    or lp.c's build does not emit it."""
    m = re.match(r"differs \(([^)]*)\)", verdict)
    c = m.group(1) if m else "code"
    if c != "missing":
        return c
    if "(only its clones: " in verdict:
        return "missing: only clones"
    if "not a function of the target" in verdict:
        return "missing: inlined everywhere"
    if "not a function of lp.c's build" in verdict:
        return "missing: not in lp.c's build"
    return c


def result_class(r):
    """The class of a variant result, its "missing" kinds told apart."""
    if r["status"] != "differs" or not r.get("funcs"):
        return r["class"]
    return ",".join(sorted({verdict_class(v) for v in r["funcs"].values() if v != "identical"}))


def func_verdicts(r):
    """{NAME: verdict} of a variant result; every function 'not compared'
    when the case failed before the comparison."""
    return r.get("funcs") or {}


def units(rec, r):
    """The functions a variant result counts: those the livepatch replaces
    (the report's patched_functions, --ipa-clones' additions included),
    the named ones when the extraction failed or was refused."""
    return (r or {}).get("replaced") or rec["funcs"]


def rates(recs):
    """Per variant: counts of cases by status and of functions."""
    out = {}
    for v in VARIANTS:
        s = {"cases": 0, "funcs": 0, "refused_funcs": 0, "ident": 0, "status": {},
             "classes": {}, "refusals": {}, "compiled": 0, "extracted": 0,
             "added": 0, "added_ident": 0, "not_replaced": 0}
        for rec in recs:
            r = rec.get(v)
            if not r:
                continue
            n = len(units(rec, r))
            added = rec.get("kernel", {}).get("added", {}) if v == "control" else r.get("added", {})
            s["added"] += len(added)
            s["added_ident"] += sum(func_verdicts(r).get(f) == "identical" for f in added)
            s["not_replaced"] += len(r.get("not_replaced", []))
            s["cases"] += 1
            s["funcs"] += n
            st = r["status"]
            s["status"][st] = s["status"].get(st, 0) + 1
            if st == "refused":
                s["refused_funcs"] += n
                s["refusals"][r["class"]] = s["refusals"].get(r["class"], 0) + 1
                continue
            if st not in ("extract-failed", "crash", "timeout"):
                s["extracted"] += 1
            if st in ("identical", "differs", "verify-error"):
                s["compiled"] += 1
            for f, verdict in func_verdicts(r).items():
                if verdict == "identical":
                    s["ident"] += 1
                else:
                    c = verdict_class(verdict)
                    s["classes"][c] = s["classes"].get(c, 0) + 1
        s["eligible"] = s["funcs"] - s["refused_funcs"]
        s["rate"] = 100.0 * s["ident"] / s["eligible"] if s["eligible"] else 0.0
        out[v] = s
    return out


def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "-"


def case_line(rec):
    return " | ".join("%s %s%s" % (v, rec[v]["status"], " (%s)" % rec[v]["class"] if rec[v]["class"] else "")
                      for v in VARIANTS if v in rec)


def summary_line(s, ndone, nsel):
    return ("summary: %d of %d cases; identical functions: kernel %d/%d (%.1f%%), defaults %d/%d "
            "(%.1f%%), control %d/%d (%.1f%%)"
            % (ndone, nsel, s["kernel"]["ident"], s["kernel"]["eligible"], s["kernel"]["rate"],
               s["defaults"]["ident"], s["defaults"]["eligible"], s["defaults"]["rate"],
               s["control"]["ident"], s["control"]["eligible"], s["control"]["rate"]))


def per_object(recs):
    rows = {}
    for rec in recs:
        o = rows.setdefault(rec["object"], {"cases": 0, "funcs": 0, "k_ext": 0, "k_comp": 0,
                                            "k_id": 0, "k_ref": 0, "d_id": 0, "c_id": 0})
        o["cases"] += 1
        k = rec["kernel"]
        o["funcs"] += len(units(rec, k))
        if k["status"] == "refused":
            o["k_ref"] += len(units(rec, k))
            o.setdefault("why", {})[k["class"]] = o.setdefault("why", {}).get(k["class"], 0) + 1
        if k["status"] not in ("refused",) + FAILS[:3]:
            o["k_ext"] += len(units(rec, k))
        if k["status"] in ("identical", "differs", "verify-error"):
            o["k_comp"] += len(units(rec, k))
        o["k_id"] += sum(v == "identical" for v in func_verdicts(k).values())
        o["d_id"] += sum(v == "identical" for v in func_verdicts(rec["defaults"]).values())
        o["c_id"] += sum(v == "identical" for v in func_verdicts(rec["control"]).values())
    return rows


def control_reuse(recs):
    """--control-from: say which cases' controls were not run by this binary."""
    old = sorted({r["control_commit"] for r in recs if "control_commit" in r})
    n = sum("control_commit" in r for r in recs)
    return "%d cases (run at %s)" % (n, ", ".join(old)) if n else "none"


def markdown(recs, nsel, total, runs, commit, mode, sample):
    s = rates(recs)
    secs = sum(r.get("seconds", 0) for r in runs if r.get("sample") == sample)
    commits = sorted({r["commit"] for r in recs})
    L = ["# Whole-corpus sweep results", "",
         "Generated by `tests/sweep/sweep.py` (see `tests/sweep/README.md`); do not edit by hand.", "",
         "| | |", "|---|---|",
         "| date | %s |" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
         "| klp-ccp commit(s) of the results | %s (table written at %s) |" % (", ".join(commits), commit),
         "| comparison | %s |" % mode,
         "| control results taken from an earlier run | %s |" % control_reuse(recs),
         "| cases done | %d of %d%s (%d functions; %d single-function cases, %d with 2-4 functions) |"
         % (len(recs), nsel, " (CI sample)" if sample else " (complete)" if len(recs) == nsel else " (PARTIAL)",
            sum(len(r["funcs"]) for r in recs), sum(len(r["funcs"]) == 1 for r in recs),
            sum(len(r["funcs"]) > 1 for r in recs)),
         "| corpus cases in all | %d |" % total,
         "| wall time | %d s over %d run(s) |" % (secs, len([r for r in runs if r.get("sample") == sample])),
         ""]
    L += ["## Totals (functions the livepatch replaces; rate = identical / those of the cases not refused)", "",
          "Functions: per case those the livepatch replaces (the report's `patched_functions`: the named",
          "ones and those `--ipa-clones` added because they hold a named function's code); a named",
          "function GCC inlined everywhere is not replaced itself and counts only through its",
          "containers; a case that failed or was refused counts its named functions. The control",
          "renames the kernel variant's set.", "",
          "| variant | cases | functions | refused | extract failed | crash/timeout | compile failed | "
          "verify error | compared cases | added by --ipa-clones (identical) | named, not replaced | "
          "identical functions | rate |",
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for v in ("kernel", "defaults", "control"):
        t = s[v]
        st = t["status"]
        L.append("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d (%d) | %d | %d/%d | %s |" % (
            {"kernel": "`policies/kernel` + --target-object", "defaults": "built-in defaults + --target-object",
             "control": "control (original source, functions renamed)"}[v],
            t["cases"], t["funcs"], st.get("refused", 0), st.get("extract-failed", 0),
            st.get("crash", 0) + st.get("timeout", 0), st.get("compile-failed", 0),
            st.get("verify-error", 0), st.get("identical", 0) + st.get("differs", 0),
            t["added"], t["added_ident"], t["not_replaced"],
            t["ident"], t["eligible"], pct(t["ident"], t["eligible"])))
    L += ["", "## Differences by class (functions)", "", "| class | kernel | defaults | control |",
          "|---|---|---|---|"]
    classes = sorted(set().union(*(s[v]["classes"] for v in VARIANTS)))
    for c in classes:
        L.append("| %s | %s |" % (c, " | ".join(str(s[v]["classes"].get(c, 0)) for v in VARIANTS)))
    L += ["", "## Refusals (cases)", "", "| class | kernel | defaults |", "|---|---|---|"]
    for c in sorted(set(s["kernel"]["refusals"]) | set(s["defaults"]["refusals"])):
        L.append("| %s | %d | %d |" % (c, s["kernel"]["refusals"].get(c, 0), s["defaults"]["refusals"].get(c, 0)))
    L += ["", "## Failures (cases; each is a finding, not a refusal)", "",
          "| variant | status | class | cases | example |", "|---|---|---|---|---|"]
    L += failure_rows(recs)
    L += added_rows(recs)
    L += ["", "## Per object (functions; kernel = `policies/kernel`)", "",
          "| object | cases | functions | kernel extracted | kernel compiled | kernel identical | "
          "kernel refused (class cases) | defaults identical | control identical |",
          "|---|---|---|---|---|---|---|---|---|"]
    for o, r in sorted(per_object(recs).items()):
        why = ", ".join("%s %d" % kv for kv in sorted(r.get("why", {}).items()))
        L.append("| %s | %d | %d | %d | %d | %d | %d%s | %d | %d |" % (
            o, r["cases"], r["funcs"], r["k_ext"], r["k_comp"], r["k_id"], r["k_ref"],
            " (%s)" % why if why else "", r["d_id"], r["c_id"]))
    return "\n".join(L) + "\n"


def added_rows(recs):
    """The functions --ipa-clones added (kernel variant), each once per
    object: what it contains and its verdicts over the cases."""
    rows = {}
    for rec in recs:
        k = rec.get("kernel", {})
        for f, contains in sorted(k.get("added", {}).items()):
            row = rows.setdefault((rec["object"], f), [set(), 0, 0, 0])
            row[0].update(contains)
            row[1] += 1
            row[2] += func_verdicts(k).get(f) == "identical"
            row[3] += func_verdicts(rec.get("control", {})).get(f) == "identical"
    L = ["", "## Functions `--ipa-clones` added (kernel variant; each once per object)", "",
         "| object | function | holds the code of | cases | identical | control identical |",
         "|---|---|---|---|---|---|"]
    for (o, f), (contains, n, ident, ctl) in sorted(rows.items()):
        L.append("| %s | %s | %s | %d | %d | %d |" % (o, f, ", ".join(sorted(contains)), n, ident, ctl))
    return L if rows else []


def groups(recs):
    """{(variant, status, class): [rec...]} of the non-identical results."""
    g = {}
    for rec in recs:
        for v in VARIANTS:
            r = rec.get(v)
            if r and r["status"] != "identical":
                g.setdefault((v, r["status"], result_class(r)), []).append(rec)
    return g


def failure_rows(recs):
    rows = []
    for (v, st, c), rs in sorted(groups(recs).items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0])):
        if st in FAILS:
            ex = rs[0]
            rows.append("| %s | %s | %s | %d | `%s` |" % (v, st, c.replace("|", "\\|"), len(rs),
                                                          ex["case"]))
    return rows


def findings(recs, nsel):
    s = rates(recs)
    L = ["Sweep findings (tests/sweep/sweep.py), %s; %d of %d cases done." % (
        time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), len(recs), nsel),
        summary_line(s, len(recs), nsel), "",
        "Groups: VARIANT STATUS [CLASS]: N cases, then the cases with the first error",
        "line or the per-function verdicts. Failures first, then differences.", ""]
    g = groups(recs)
    order = sorted(g.items(), key=lambda kv: (kv[0][1] not in FAILS, kv[0][1] == "refused",
                                               kv[0][0], -len(kv[1]), kv[0]))
    for (v, st, c), rs in order:
        L.append("== %s %s [%s]: %d cases" % (v, st, c, len(rs)))
        for rec in rs[:40]:
            L.append("  %s  -- %s" % (rec["case"], rec[v].get("detail", "")[:300]))
        if len(rs) > 40:
            L.append("  ... %d more" % (len(rs) - 40))
        L.append("")
    return "\n".join(L) + "\n"


def check(s, path, shard):
    """Thresholds file lines: 'VARIANT MIN-PERCENT' (minimum identity rate
    of kernel, defaults or control) and 'failures MAX' (cases of the kernel
    and defaults variants that crash, time out, fail to extract without a
    refusal class or fail to compile); a line may start with the shard it
    is for ('1/4 kernel 80'), which then overrides the general line."""
    limits = {}
    for line in open(path):
        f = line.split("#", 1)[0].split()
        if len(f) == 3 and f[0] == shard:
            limits[f[1]] = f[2]
        elif len(f) == 2:
            limits.setdefault(f[0], f[1])
    bad = 0
    for key, val in sorted(limits.items()):
        if key == "failures":
            n = sum(s[v]["status"].get(st, 0) for v in ("kernel", "defaults") for st in FAILS)
            if n > int(val):
                print("FAIL: %d failing cases (at most %s)" % (n, val))
                bad = 1
        elif key in s and s[key]["rate"] < float(val):
            print("FAIL: %s identity rate %.1f%% below %s%%" % (key, s[key]["rate"], val))
            bad = 1
    return bad
