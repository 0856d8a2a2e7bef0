#!/usr/bin/env python3
"""Prints the table of scripts/bench/validate.sh from its results file (JSON Lines).

    validate_report.py RESULTS.jsonl W3C_DOCS_PER_SECOND
"""

import json
import sys


def main():
    rows, notes, peaks = [], [], []
    for line in open(sys.argv[1]):
        o = json.loads(line)
        if o.get("kind") == "note":
            notes.append(o["text"])
        elif o.get("kind") == "peak_rss":
            peaks.append(o)
        elif "tool" in o:
            rows.append(o)
    w3c = float(sys.argv[2])
    print(f"{'set':<10} {'tool':<11} {'files':>6} {'MB':>8} {'seconds':>8} {'docs/s':>9} {'MB/s':>8} {'cpu s':>7} {'docs/cpu-s':>10}  notes")
    for r in rows:
        s = max(r["seconds"], 1e-9)
        has_cpu = r.get("cpu") not in (None, "null") and float(r["cpu"]) > 0
        cpu = f"{float(r['cpu']):.2f}" if r.get("cpu") not in (None, "null") else "-"
        per_cpu = f"{r['files'] / float(r['cpu']):.0f}" if has_cpu else "-"
        print(f"{r['set']:<10} {r['tool']:<11} {r['files']:>6} {r['bytes'] / 1e6:>8.2f} {s:>8.3f} {r['files'] / s:>9.0f} "
              f"{r['bytes'] / 1e6 / s:>8.1f} {cpu:>7} {per_cpu:>10}  {r.get('notes', '')}")
    print()
    by = {(r["set"], r["tool"]): r for r in rows}
    for set_name in sorted({r["set"] for r in rows}):
        ours = by.get((set_name, "tributary"))
        if not ours:
            continue
        rate = ours["files"] / max(ours["seconds"], 1e-9)
        line = f"{set_name}: tributary {rate:.0f} docs/s"
        if ours["files"] > 1:
            line += f" = {rate / w3c:.1f}x the W3C validator's ~{w3c:.0f} docs/s"
            if ours.get("cpu") not in (None, "null") and float(ours["cpu"]) > 0:
                per_cpu = ours["files"] / float(ours["cpu"])
                line += f" (per CPU second: {per_cpu:.0f} docs = {per_cpu / w3c:.1f}x)"
        fp = by.get((set_name, "feedparser"))
        if fp:
            line += f"; {fp['seconds'] / max(ours['seconds'], 1e-9):.1f}x feedparser"
        print(line)
    small = by.get(("rss-5mb", "tributary"))
    large = by.get(("rss-50mb", "tributary"))
    if small and large:
        print(f"linearity: 50 MB took {large['seconds'] / small['seconds']:.1f}x the time of 5 MB "
              f"({large['bytes'] / small['bytes']:.1f}x the bytes)")
    for p in peaks:
        print(f"peak resident memory validating {p['set']} ({p['bytes'] / 1e6:.0f} MB): {p['peak_kib'] / 1024:.0f} MiB")
    for n in notes:
        print("note:", n)


main()
