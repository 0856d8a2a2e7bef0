#!/usr/bin/env python3
"""Helpers for scripts/bench/extract.sh (standard library only, apart from the peer under test).

    extract_peers.py time --tool trafilatura|readability [--runs 3] (--list FILE | FILE...)
        Reads every page into memory first (as bytes, so each tool decodes the charset itself, as
        tributary does), then times only the extraction calls, in-process, with
        time.perf_counter and time.process_time; prints one JSON result line with the best of
        --runs (wall and CPU separately, the least of each).
    extract_peers.py count-jsonl < tributary-extract-output.jsonl
        Counts documents, pages with an empty text and text characters in `tributary extract` output.
    extract_peers.py report RESULTS.jsonl
        Prints the results table, the ratios and the one-line summary.

MB means 10^6 bytes throughout. "cpu s" is user+sys CPU seconds (the least of the runs): on a
busy machine it moves less than the wall clock does, and "pages/cpu-s" is pages per CPU second.
"""

import argparse
import json
import sys
import time

TOOLS = ("tributary", "tributary-j1", "trafilatura", "readability")
# tributary-j1: `tributary extract --jobs 1`, one page at a time on one thread (by default it
# extracts as many pages at once as there are processors, up to 4).
GOAL = 20  # the issue's goal: tributary at least 20x trafilatura's pages/s


def load_peer(tool):
    """Returns (version, extract(bytes) -> result, text_of(result) -> str)."""
    if tool == "trafilatura":
        import trafilatura
        from importlib.metadata import version

        def extract(html):
            return trafilatura.extract(html, output_format="json", with_metadata=True)

        def text_of(result):
            return (json.loads(result).get("text") or "") if result else ""

        return version("trafilatura"), extract, text_of
    if tool == "readability":
        from importlib.metadata import version

        import lxml.html
        from readability import Document  # PyPI readability-lxml, module readability

        def extract(html):
            doc = Document(html)
            return doc.title(), doc.summary()

        def text_of(result):
            summary = result[1] if result else ""
            if not summary.strip():
                return ""
            return lxml.html.fromstring(summary).text_content()

        return version("readability-lxml"), extract, text_of
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
    version, extract, text_of = load_peer(a.tool)
    best, cpu, results = None, None, []
    for _ in range(a.runs):
        results = []
        t0, c0 = time.perf_counter(), time.process_time()
        for data in blobs:
            try:
                results.append(extract(data))
            except Exception:  # a crash on one page must not stop the benchmark
                results.append(Exception)
        elapsed, used = time.perf_counter() - t0, time.process_time() - c0
        best = elapsed if best is None else min(best, elapsed)
        cpu = used if cpu is None else min(cpu, used)
    # Counts from the last run, outside the timed region.
    failed = sum(1 for r in results if r is Exception)
    texts = [text_of(r) if r is not Exception else "" for r in results]
    empty = sum(1 for t in texts if not t.strip())
    print(json.dumps({
        "tool": a.tool, "version": version, "pages": len(blobs), "bytes": sum(map(len, blobs)),
        "seconds": best, "cpu": cpu, "empty": empty, "chars": sum(len(t) for t in texts),
        "notes": f"empty text {empty}" + (f", raised {failed}" if failed else ""),
    }))


def cmd_count(_a):
    docs = empty = chars = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        o = json.loads(line)
        docs += 1
        text = o.get("text") or ""
        chars += len(text)
        empty += 0 if text.strip() else 1
    print(json.dumps({"docs": docs, "empty": empty, "chars": chars}))


def fmt(x, spec):
    return "n/a" if x is None else format(x, spec)


def ratio(a_, b_):
    if not (a_ and b_):
        return "n/a"
    r = a_ / b_
    return f"{r:.0f}x" if r >= 10 else f"{r:.1f}x" if r >= 1 else f"{r:.2f}x"


def cmd_report(a):
    rows, extra = [], {}
    with open(a.results) as f:
        for line in f:
            o = json.loads(line)
            (extra.setdefault(o["kind"], []) if "kind" in o else rows).append(o)
    by_tool = {r["tool"]: r for r in rows}

    def pps(tool, key="seconds"):
        """Pages per second of wall clock (key="seconds") or of CPU time (key="cpu")."""
        r = by_tool.get(tool)
        return r["pages"] / r[key] if r and r.get(key) else None

    print(f"{'tool':<13} {'pages':>5} {'MB':>7} {'seconds':>8} {'pages/s':>8} {'cpu s':>7} "
          f"{'pages/cpu-s':>11} {'text MB':>7}  notes")
    for tool in TOOLS:
        r = by_tool.get(tool)
        if not r:
            continue
        print(f"{tool:<13} {r['pages']:>5} {r['bytes'] / 1e6:>7.1f} {fmt(r.get('seconds'), '.2f'):>8} "
              f"{fmt(pps(tool), '.1f'):>8} {fmt(r.get('cpu'), '.2f'):>7} {fmt(pps(tool, 'cpu'), '.1f'):>11} "
              f"{fmt(r['chars'] / 1e6 if r.get('chars') is not None else None, '.2f'):>7}  {r.get('notes', '')}")
    print()
    print(f"{'ratios of pages/s':<22} {'tributary/trafilatura':>22} {'tributary/readability':>22}")
    for key, what in (("seconds", "by wall clock"), ("cpu", "by CPU time")):
        t = pps("tributary", key)
        print(f"{what:<22} {ratio(t, pps('trafilatura', key)):>22} {ratio(t, pps('readability', key)):>22}")
    t1 = pps("tributary-j1")
    print(f"{'--jobs 1, wall clock':<22} {ratio(t1, pps('trafilatura')):>22} {ratio(t1, pps('readability')):>22}")
    print(f"(goal: tributary >= {GOAL}x trafilatura)")
    print()

    peak = extra.get("peak_rss", [None])[0]
    if peak:
        print(f"peak RSS of tributary extract over {peak['pages']} pages in one process: "
              f"{peak['peak_kib'] * 1024 / 1e6:.0f} MB")
    for note in extra.get("note", []):
        print(note["text"])

    t = pps("tributary")
    print("extract pages/s: " + " ".join(f"{tool} {fmt(pps(tool), '.1f')}" for tool in TOOLS)
          + f" | {ratio(t, pps('trafilatura'))} trafilatura {ratio(t, pps('readability'))} readability"
          + f" (--jobs 1: {ratio(pps('tributary-j1'), pps('trafilatura'))} trafilatura)"
          + " | peak RSS " + (f"{peak['peak_kib'] * 1024 / 1e6:.0f} MB" if peak else "n/a"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("time")
    t.add_argument("--tool", required=True, choices=("trafilatura", "readability"))
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
