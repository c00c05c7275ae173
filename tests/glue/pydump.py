#!/usr/bin/env python3
"""Dump a klp-ccp report like `report_check dump`, read with PyYAML: an
independent reader for the round-trip test."""
import sys
import yaml


def nz(v):
    return "~" if v is None else str(v)


r = yaml.safe_load(open(sys.argv[1]))
out = ["source=%s" % r["source"], "output=%s" % r["output"]]
out += ["cc=%s" % a for a in r["compiler_command"]]
for p in r["patched_functions"]:
    out.append("patched=%s|%s|%s|%d|%s|%d|%s" % (
        p["old_name"], p["new_name"], nz(p["object"]), p["sympos"],
        nz(p["file"]), p["line"], nz(p.get("added_by"))))
    out += ["contains=%s" % c for c in p.get("contains") or []]
out += ["inlined_everywhere=%s" % n for n in r.get("inlined_everywhere") or []]
for x in r["externalized_symbols"]:
    out.append("ext=%s|%s|%s|%s|%s|%d" % (
        x["name"], x["new_name"], x["kind"], x["method"], nz(x["object"]),
        x["sympos"]))
for c in r.get("copied") or []:
    out.append("copied=%s|%s|%s|%s|%d" % (
        c["name"], c["kind"], nz(c.get("new_name")), nz(c.get("file")),
        c.get("line", 0)))
out += ["header=%s" % h for h in r.get("headers") or []]
out += ["warning=%s" % w for w in r.get("warnings") or []]
print("\n".join(out))
