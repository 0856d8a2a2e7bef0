#!/usr/bin/env python3
"""The peer of the aggregation benchmark (scripts/bench/aggregate.sh): lemon24/reader, in-process.

    aggregate_peer.py time --db PATH --list FEEDS.list [--workers 16]
        make_reader(PATH) on a fresh database, add_feed() for every URL of the list (not timed),
        then times, with time.perf_counter:
          cold  update_feeds_iter(scheduled=False, workers=16): every feed fetched, parsed and its
                entries stored;
          warm  the same again: every feed answers 304 Not Modified.
        Prints one JSON line: seconds of each, the outcome counts of each (updated feeds, new
        entries, not modified, errors), the entries stored, and the process's peak resident set
        size (resource.getrusage ru_maxrss, both updates and the interpreter included).
    aggregate_peer.py report RESULTS.jsonl
        Prints the results table and the ratios.

Reader.update_feeds() is documented as "roughly equivalent to
`for _ in reader.update_feeds_iter(...): pass`"; the iterator is used so that each feed's outcome
can be counted (an UpdatedFeed, None for "not modified", or a ReaderError). scheduled=False:
since reader 3.13 update_feeds(scheduled=True) is the default and skips feeds whose update
interval (1 hour by default) has not passed, so the warm run would fetch nothing; False fetches
every feed, like `tributary aggregate --force`.
"""

import argparse
import json
import os
import resource
import sys
import time


def cmd_time(a):
    from reader import ReaderError, __version__, make_reader

    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(a.db + suffix):
            os.remove(a.db + suffix)
    with open(a.list) as f:
        urls = [line.strip() for line in f if line.strip()]
    reader = make_reader(a.db)
    for url in urls:
        reader.add_feed(url)

    def update():
        counts = {"updated": 0, "new_entries": 0, "modified_entries": 0, "not_modified": 0, "errors": 0}
        first_error = None
        t0, c0 = time.perf_counter(), time.process_time()
        for result in reader.update_feeds_iter(scheduled=False, workers=a.workers):
            value = result.value
            if value is None:
                counts["not_modified"] += 1
            elif isinstance(value, ReaderError):
                counts["errors"] += 1
                first_error = first_error or f"{result.url}: {value!r}"
            else:
                counts["updated"] += 1
                counts["new_entries"] += value.new
                counts["modified_entries"] += value.modified
        counts["seconds"] = round(time.perf_counter() - t0, 3)
        counts["cpu"] = round(time.process_time() - c0, 3)
        if first_error:
            counts["first_error"] = first_error
        return counts

    cold = update()
    warm = update()
    stored = reader.get_entry_counts().total
    reader.close()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"tool": "reader", "version": __version__, "feeds": len(urls), "workers": a.workers,
                      "cold": cold, "warm": warm, "stored_entries": stored, "peak_kib": peak_kib}))


def fmt(x, digits=2):
    return "-" if x is None else f"{x:.{digits}f}"


def cmd_report(a):
    rows, notes = [], []
    with open(a.results) as f:
        for line in f:
            r = json.loads(line)
            if r.get("kind") == "note":
                notes.append(r["text"])
            elif "tool" in r:
                rows.append(r)
    best = {}
    for r in rows:  # the best (least) of the runs, per tool and phase; the peak is the largest
        b = best.setdefault(r["tool"], {"cold": None, "warm": None, "cold_cpu": None, "warm_cpu": None, "peak_kib": 0})
        for phase in ("cold", "warm"):
            for key, value in ((phase, r[phase].get("seconds")), (phase + "_cpu", r[phase].get("cpu"))):
                if value is not None:
                    b[key] = value if b[key] is None else min(b[key], value)
        b["peak_kib"] = max(b["peak_kib"], r.get("peak_kib") or 0)
        b["check"] = r.get("check", "")
    # MB = 10^6 bytes, as everywhere in docs/benchmarks.md (ru_maxrss and time -v count KiB);
    # the MiB are shown beside them.
    megabytes = lambda kib: kib * 1024 / 1e6  # noqa: E731
    print(f"{'tool':<10} {'cold s':>8} {'warm s':>8} {'cold cpu s':>10} {'warm cpu s':>10} {'peak MB':>8} {'(MiB)':>7}")
    for tool in ("tributary", "reader"):
        if tool in best:
            b = best[tool]
            print(f"{tool:<10} {fmt(b['cold']):>8} {fmt(b['warm']):>8} {fmt(b['cold_cpu']):>10} {fmt(b['warm_cpu']):>10}"
                  f" {megabytes(b['peak_kib']):>8.1f} {b['peak_kib'] / 1024:>7.1f}")
    if "tributary" in best and "reader" in best:
        t, r = best["tributary"], best["reader"]
        ratio = lambda p: fmt(r[p] / t[p], 1) + "x" if t[p] and r[p] else "-"  # noqa: E731
        print()
        print(f"reader/tributary: cold {ratio('cold')}, warm {ratio('warm')}"
              "   (goals: cold >= 5x, warm >= 3x; tributary's peak < 100 MB = 10^8 bytes)")
        ok = lambda good: "met" if good else "NOT met"  # noqa: E731
        failed = [r for r in rows if "FAILED" in r.get("check", "") or "WRONG" in r.get("check", "")]
        if failed:
            print("goals: not judged, a check failed (see below)")
        else:
            print("goals: " + ", ".join([
                f"cold {ok(r['cold'] / t['cold'] >= 5) if t['cold'] and r['cold'] else 'not measured'}",
                f"warm {ok(r['warm'] / t['warm'] >= 3) if t['warm'] and r['warm'] else 'not measured'}",
                f"memory {ok(0 < megabytes(t['peak_kib']) < 100) if t['peak_kib'] else 'not measured'}"]))
    print()
    for r in rows:  # every run, with what was checked and the load average when it started
        load = r.get("load") or r["cold"].get("load", "?")
        line = f"{r['tool']} run {r.get('run', 1)}: cold {fmt(r['cold'].get('seconds'), 3)} s, warm {fmt(r['warm'].get('seconds'), 3)} s"
        if r["tool"] == "tributary":
            served = r.get("served_cold") or {}
            line += (f"; load {load} / {r['warm'].get('load', '-')}; cold: {served.get('connections', '?')} connections,"
                     f" at most {served.get('max_in_flight', '?')} requests in flight")
        else:
            line += f"; load {load}"
        print(f"{line}; {r.get('check', '')}")
    for n in notes:
        print(f"note: {n}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("time")
    t.add_argument("--db", required=True)
    t.add_argument("--list", required=True)
    t.add_argument("--workers", type=int, default=16)
    t.set_defaults(func=cmd_time)
    r = sub.add_parser("report")
    r.add_argument("results")
    r.set_defaults(func=cmd_report)
    a = ap.parse_args()
    a.func(a)


if __name__ == "__main__":
    sys.exit(main())
