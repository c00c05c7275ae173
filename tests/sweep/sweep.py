#!/usr/bin/env python3
"""Whole-corpus sweep: extraction + comparison of every function of every
corpus object (tests/sweep/README.md).

  sweep.py --klp-ccp BIN [--objcmp BIN] [-j N] [--results FILE]
           [--table FILE] [--findings FILE] [--keep DIR] [--timeout S]
           [--sample] [--shard I/N] [--limit N] [--thresholds FILE]

Runs every case not yet in --results (JSON lines keyed by case; a rerun
resumes), N at a time, then writes the Markdown table (--table) and the
findings grouped by class (--findings) from all results of the file.
With --sample: only the CI sample (corpus_cases.sample_cases) and, with
--thresholds, exit 1 when a rate is below its threshold.
Comparison: `klp-ccp verify` when BIN has it, else (adapter) the original
and the result compiled with -ffunction-sections compared by objcmp_tool.
Exit 77 without the corpus.
"""
import argparse
import concurrent.futures as cf
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_cases  # noqa: E402
import runcase  # noqa: E402
import table  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description="whole-corpus extraction sweep")
    p.add_argument("--klp-ccp", required=True)
    p.add_argument("--objcmp", help="objcmp_tool (when klp-ccp has no verify)")
    p.add_argument("-j", type=int, default=os.cpu_count() or 1)
    p.add_argument("--results", default="sweep-results.jsonl")
    p.add_argument("--table")
    p.add_argument("--findings")
    p.add_argument("--notes", help="text put at the top of --findings")
    p.add_argument("--keep", help="work directories of the non-identical cases go here")
    p.add_argument("--timeout", type=int, default=600, help="seconds per step of a case")
    p.add_argument("--sample", action="store_true", help="only the CI sample")
    p.add_argument("--sample-singles", type=int, default=2)
    p.add_argument("--sample-multis", type=int, default=8)
    p.add_argument("--shard", default="0/1")
    p.add_argument("--limit", type=int, default=0, help="run at most N new cases")
    p.add_argument("--thresholds", help="file of 'VARIANT MIN-PERCENT' lines")
    p.add_argument("--no-verify", action="store_true", help="use the objcmp_tool adapter")
    p.add_argument("--redo", action="append", default=[],
                   help="VARIANT:STATUS: run again the cases with that result (repeatable)")
    p.add_argument("--report-only", action="store_true",
                   help="run nothing: write --table/--findings from --results")
    p.add_argument("--commit", help="the klp-ccp commit the binary was built at "
                   "(default: this checkout's HEAD)")
    p.add_argument("--only", action="append", default=[],
                   help="FLAT:F1,F2: only this case (repeatable)")
    p.add_argument("--object", action="append", default=[],
                   help="FLAT: only the cases of this corpus object (repeatable; the run "
                   "takes the objects in the order given)")
    p.add_argument("--append-table", help="a table of an earlier run, appended to --table "
                   "under a heading")
    p.add_argument("--fresh", action="store_true", help="start --results afresh (no resume)")
    p.add_argument("--control-from", help="results of an earlier run: take the control's result "
                   "from there (valid while verify and the corpus are unchanged)")
    return p.parse_args()


def has_verify(klp):
    try:
        r = subprocess.run([klp, "verify", "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0 and "verify" in (r.stdout + r.stderr).split("\n", 1)[0]


def load(path):
    """Results of a run; a .gz file (the committed results.jsonl.gz) is read too."""
    done, runs = {}, {}
    if os.path.exists(path):
        for line in (gzip.open(path, "rt") if path.endswith(".gz") else open(path)):
            try:
                rec = json.loads(line)
            except ValueError:
                continue   # a line cut by an interrupted run
            if "case" in rec:
                done[rec["case"]] = rec
            elif "run" in rec:
                runs[rec["run"]] = rec
    return done, list(runs.values())


def git_commit(root):
    r = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"],
                       capture_output=True, text=True)
    return r.stdout.strip() or "unknown"


def main():
    a = parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    corpus = os.environ.get("CORPUS", os.path.expanduser("~/.cache/klp-ccp-corpus"))
    if not all(os.path.isdir(os.path.join(corpus, d)) for d in ("linux", "objects", "cmdlines")):
        print("SKIP: no kernel corpus in %s" % corpus)
        return 77
    klp = os.path.abspath(a.klp_ccp)
    verify = not a.no_verify and has_verify(klp)
    if not verify and not a.objcmp:
        print("sweep.py: klp-ccp has no verify subcommand: --objcmp is required", file=sys.stderr)
        return 2
    ctx = runcase.Ctx(root, klp, a.objcmp and os.path.abspath(a.objcmp), corpus, a.timeout, verify)
    cases = corpus_cases.all_cases(corpus)
    total = len(cases)
    if a.sample:
        cases = corpus_cases.sample_cases(cases, a.sample_singles, a.sample_multis)
    if a.only:
        cases = [c for c in cases if corpus_cases.case_key(*c) in a.only]
    if a.object:
        rank = {o: i for i, o in enumerate(a.object)}
        cases = sorted((c for c in cases if c[0] in rank), key=lambda c: rank[c[0]])
    me, n = (int(x) for x in a.shard.split("/"))
    cases = [c for i, c in enumerate(cases) if i % n == me]
    if a.fresh and os.path.exists(a.results):
        os.remove(a.results)
    done, _ = load(a.results)
    redo = [r.split(":", 1) for r in a.redo]
    done = {k: r for k, r in done.items()
            if not any(r.get(v, {}).get("status") == st for v, st in redo)}
    todo = [c for c in cases if corpus_cases.case_key(*c) not in done]
    if a.limit:
        todo = todo[:a.limit]
    if a.report_only:
        return write_outputs(a, cases, total, git_commit(root), "verify" if verify else "objcmp_tool adapter")
    earlier = load(a.control_from)[0] if a.control_from else {}
    keep = a.keep and os.path.abspath(a.keep)
    if keep:
        os.makedirs(keep, exist_ok=True)
    commit = a.commit or git_commit(root)
    mode = "verify" if verify else "objcmp_tool adapter"
    print("sweep: %d cases (%d selected, %d to run), -j %d, comparison: %s"
          % (total, len(cases), len(todo), a.j, mode), flush=True)
    start = time.time()
    with tempfile.TemporaryDirectory(prefix="klp-ccp-sweep.") as tmp:
        ctx.tmp = tmp
        lock = threading.Lock()

        def interrupted(signum, frame):
            # count the run's time, stop the steps, leave the results as they are
            runcase.kill_running()
            heartbeat(a, threading.Lock(), start, -1, commit)
            shutil.rmtree(tmp, ignore_errors=True)
            os._exit(128 + signum)

        signal.signal(signal.SIGTERM, interrupted)
        signal.signal(signal.SIGINT, interrupted)
        olock = threading.Lock()

        def one(i, flat, funcs):
            if not verify:
                with olock:
                    runcase.ensure_orig(ctx, flat)
            t0 = time.time()
            key = corpus_cases.case_key(flat, funcs)
            known = earlier.get(key, {}).get("control")
            res = runcase.run_case(ctx, flat, funcs, os.path.join(tmp, "c%d" % i), keep, known)
            rec = {"case": key, "object": flat, "funcs": funcs,
                   "commit": commit, "compare": mode, "seconds": round(time.time() - t0, 1)}
            if known and res["control"] is known:
                rec["control_commit"] = earlier[key]["commit"]
            rec.update(res)
            with lock, open(a.results, "a") as f:
                f.write(json.dumps(rec, sort_keys=True) + "\n")
            return rec

        with cf.ThreadPoolExecutor(max_workers=max(1, a.j)) as ex:
            futs = [ex.submit(one, i, f, fs) for i, (f, fs) in enumerate(todo)]
            for k, fut in enumerate(cf.as_completed(futs), 1):
                rec = fut.result()
                print("[%d/%d] %s: %s" % (k, len(todo), rec["case"], table.case_line(rec)), flush=True)
                if k % 20 == 0:
                    heartbeat(a, lock, start, k, commit)
                    write_outputs(a, cases, total, commit, mode)
    heartbeat(a, threading.Lock(), start, len(todo), commit)
    return write_outputs(a, cases, total, commit, mode)


def heartbeat(a, lock, start, ncases, commit):
    """A 'run' line: the run's wall time so far (the last line of a run
    counts, so an interrupted run still counts up to its last heartbeat)."""
    with lock, open(a.results, "a") as f:
        f.write(json.dumps({"run": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(start)),
                            "seconds": round(time.time() - start), "cases": ncases,
                            "commit": commit, "j": a.j, "sample": a.sample}) + "\n")


def write_outputs(a, cases, total, commit, mode):
    done, runs = load(a.results)
    keys = [corpus_cases.case_key(*c) for c in cases]
    recs = table.reclassify([done[k] for k in keys if k in done])
    mode = ", ".join(sorted({r.get("compare", mode) for r in recs})) or mode
    if a.table:
        with open(a.table + ".tmp", "w") as f:
            f.write(table.markdown(recs, len(cases), total, runs, commit, mode, a.sample))
            if a.append_table:
                f.write("\n" + "".join("#" + l if l.startswith("#") else l
                                       for l in open(a.append_table)))
        os.replace(a.table + ".tmp", a.table)
    if a.findings:
        with open(a.findings + ".tmp", "w") as f:
            if a.notes and os.path.exists(a.notes):
                f.write(open(a.notes).read() + "\n")
            f.write(table.findings(recs, len(cases)))
        os.replace(a.findings + ".tmp", a.findings)
    summary = table.rates(recs)
    print(table.summary_line(summary, len(recs), len(cases)), flush=True)
    if a.thresholds:
        return table.check(summary, a.thresholds, a.shard)
    return 0


if __name__ == "__main__":
    sys.exit(main())
