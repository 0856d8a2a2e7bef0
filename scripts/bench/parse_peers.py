#!/usr/bin/env python3
"""Helpers for scripts/bench/parse.sh (standard library only, apart from the peer under test).

    parse_peers.py time --tool feedparser|feedparser-rs --set NAME [--runs 3] (--list FILE | FILE...)
        Reads every input into memory first, then times only the parse calls, in-process, with
        time.perf_counter; prints one JSON result line with the best of --runs.
    parse_peers.py count-jsonl < tributary-output.jsonl
        Counts documents, entries and "wellFormed": false in `tributary parse` output.
    parse_peers.py report RESULTS.jsonl
        Prints the results table, the ratios and the one-line summary.

MB means 10^6 bytes throughout. "cpu s" is user+sys CPU seconds (the least of the runs): on a
busy machine it moves less than the wall clock does, and "MB/cpu-s" is MB per CPU second.
"""

import argparse
import json
import sys
import time

MAIN_SETS = ("real", "rss-5mb", "atom-5mb")  # what the summary line adds up
TOOLS = ("tributary", "tributary-j1", "feedparser", "feedparser-rs", "feedparser-rs-nosan", "xmllint")
# tributary-j1: the same with --jobs 1, one input at a time on one thread (tributary's default
# parses as many inputs at once as there are processors, up to 4; a single file is one thread).
# feedparser-rs-nosan: feedparser-rs with sanitize_html=False: its parser alone, without the HTML
# sanitizer that feedparser, feedparser-rs and tributary all run by default.


def load_peer(tool):
    if tool == "feedparser":
        import feedparser
        return feedparser.__version__, lambda data: feedparser.parse(data)
    if tool == "feedparser-rs":
        import feedparser_rs  # PyPI name feedparser-rs, module feedparser_rs
        return feedparser_rs.__version__, lambda data: feedparser_rs.parse(data)
    if tool == "feedparser-rs-nosan":
        import feedparser_rs
        return feedparser_rs.__version__, lambda data: feedparser_rs.parse(data, sanitize_html=False)
    raise SystemExit(f"unknown tool {tool}")


def cmd_time(a):
    paths = a.files
    if a.list:
        with open(a.list) as f:
            paths = [line.rstrip("\n") for line in f if line.strip()]
    blobs = []
    for p in paths:
        with open(p, "rb") as f:
            blobs.append(f.read())
    version, parse = load_peer(a.tool)
    best, cpu, entries, bozo, failed = None, None, 0, 0, 0
    for _ in range(a.runs):
        results = []
        t0, c0 = time.perf_counter(), time.process_time()
        for data in blobs:
            try:
                results.append(parse(data))
            except Exception:  # a crash on one input must not stop the benchmark
                results.append(None)
        elapsed, used = time.perf_counter() - t0, time.process_time() - c0
        best = elapsed if best is None else min(best, elapsed)
        cpu = used if cpu is None else min(cpu, used)
    # Counts from the last run, outside the timed region.
    for d in results:
        if d is None:
            failed += 1
            continue
        entries += len(d.entries)
        bozo += 1 if d.get("bozo") else 0
    print(json.dumps({
        "tool": a.tool, "version": version, "set": a.set, "files": len(blobs),
        "bytes": sum(map(len, blobs)), "seconds": best, "cpu": cpu, "entries": entries,
        "notes": f"bozo {bozo}" + (f", raised {failed}" if failed else ""),
    }))


def cmd_count(_a):
    docs = entries = not_well_formed = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        o = json.loads(line)
        docs += 1
        entries += len(o.get("entries") or [])
        not_well_formed += 0 if o.get("wellFormed", True) else 1
    print(json.dumps({"docs": docs, "entries": entries, "not_well_formed": not_well_formed}))


def fmt(x, spec):
    return "n/a" if x is None else format(x, spec)


def cmd_report(a):
    rows, extra = [], {}
    with open(a.results) as f:
        for line in f:
            o = json.loads(line)
            (extra.setdefault(o["kind"], []) if "kind" in o else rows).append(o)

    def mbps(tool, set_, key="seconds"):
        """MB per second of wall clock (key="seconds") or of CPU time (key="cpu")."""
        for r in rows:
            if r["tool"] == tool and r["set"] == set_ and r.get(key):
                return r["bytes"] / 1e6 / r[key]
        return None

    # Totals over the main sets, per tool, when the tool ran on all of them.
    for tool in TOOLS:
        mine = [r for r in rows if r["tool"] == tool and r["set"] in MAIN_SETS and r.get("seconds")]
        if len(mine) == len(MAIN_SETS):
            rows.append({"tool": tool, "set": "all-3", "bytes": sum(r["bytes"] for r in mine),
                         "seconds": sum(r["seconds"] for r in mine), "files": sum(r["files"] for r in mine),
                         "cpu": sum(r["cpu"] for r in mine) if all(r.get("cpu") is not None for r in mine) else None,
                         "entries": None, "notes": "sum of the three sets above"})

    sets = [s for s in (*MAIN_SETS, "all-3", "rss-100mb") if any(r["set"] == s for r in rows)]
    print(f"{'tool':<19} {'input set':<10} {'files':>5} {'MB':>8} {'seconds':>9} {'MB/s':>8} {'cpu s':>8} "
          f"{'MB/cpu-s':>8} {'entries':>8}  notes")
    for s in sets:
        for tool in TOOLS:
            for r in (r for r in rows if r["tool"] == tool and r["set"] == s):
                mb = r["bytes"] / 1e6 if r.get("bytes") else None
                secs = r.get("seconds")
                print(f"{tool:<19} {s:<10} {fmt(r.get('files'), 'd'):>5} {fmt(mb, '.2f'):>8} "
                      f"{fmt(secs, '.3f'):>9} {fmt(mb / secs if mb and secs else None, '.1f'):>8} "
                      f"{fmt(r.get('cpu'), '.2f'):>8} {fmt(mb / r['cpu'] if mb and r.get('cpu') else None, '.1f'):>8} "
                      f"{fmt(r.get('entries'), 'd'):>8}  {r.get('notes', '')}")
        print()

    def ratio(a_, b_):
        if not (a_ and b_):
            return "n/a"
        r = a_ / b_
        return f"{r:.0f}x" if r >= 10 else f"{r:.1f}x" if r >= 1 else f"{r:.2f}x"

    for key, what in (("seconds", "wall clock"), ("cpu", "CPU time")):
        print(f"ratios of MB/s by {what}")
        print(f"{'input set':<10} {'tributary/feedparser':>21} {'tributary/feedparser-rs':>24} "
              f"{'tributary/feedparser-rs-nosan':>30} {'xmllint/tributary':>18}")
        for s in sets:
            t = mbps("tributary", s, key)
            print(f"{s:<10} {ratio(t, mbps('feedparser', s, key)):>21} {ratio(t, mbps('feedparser-rs', s, key)):>24} "
                  f"{ratio(t, mbps('feedparser-rs-nosan', s, key)):>30} {ratio(mbps('xmllint', s, key), t):>18}")
        print()

    peak = extra.get("peak_rss", [None])[0]
    if peak:
        print(f"peak RSS of tributary parse on the {peak['bytes'] / 1e6:.0f} MB RSS feed: "
              f"{peak['peak_kib'] * 1024 / 1e6:.0f} MB (goal: under 150 MB)")
    for note in extra.get("note", []):
        print(note["text"])

    s = "all-3"
    t = mbps("tributary", s)
    line = ("parse MB/s: " + " ".join(f"{tool} {fmt(mbps(tool, s), '.1f')}" for tool in TOOLS)
            + f" | {ratio(t, mbps('feedparser', s))} feedparser {ratio(t, mbps('feedparser-rs', s))} feedparser-rs"
            + f" ({ratio(t, mbps('feedparser-rs-nosan', s))} unsanitized)"
            + f" {ratio(mbps('xmllint', s), t)} from libxml2"
            + f" (--jobs 1: {ratio(mbps('tributary-j1', s), mbps('feedparser', s))} feedparser,"
            + f" {ratio(mbps('xmllint', s), mbps('tributary-j1', s))} from libxml2)"
            + " | peak RSS 100MB: " + (f"{peak['peak_kib'] * 1024 / 1e6:.0f} MB" if peak else "skipped"))
    print(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("time")
    t.add_argument("--tool", required=True, choices=("feedparser", "feedparser-rs", "feedparser-rs-nosan"))
    t.add_argument("--set", required=True)
    t.add_argument("--runs", type=int, default=3)
    t.add_argument("--list")
    t.add_argument("files", nargs="*")
    t.set_defaults(func=cmd_time)
    c = sub.add_parser("count-jsonl")
    c.set_defaults(func=cmd_count)
    r = sub.add_parser("report")
    r.add_argument("results")
    r.set_defaults(func=cmd_report)
    a = ap.parse_args()
    a.func(a)


if __name__ == "__main__":
    main()
