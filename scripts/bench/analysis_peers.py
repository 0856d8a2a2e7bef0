#!/usr/bin/env python3
"""Helpers for scripts/bench/analysis.sh (standard library only, apart from the peer under test).

    analysis_peers.py generate OUT.jsonl --docs N [--seed S]
        Writes N synthetic news-like articles, one JSON object a line ({"id", "url", "title",
        "text", "published"}), and OUT.truth.jsonl beside it ({"id", "kind", "source", "event"}).
        Deterministic (a seeded random.Random, fixed dates); rewritten only when its arguments or
        this script changed (a stamp file beside it).
    analysis_peers.py datasketch FILE.jsonl [--runs 1] [--num-perm 128] [--shingle 5] [--threshold 0.5]
        Reads every text into memory first, then times, in-process: word 5-shingles + MinHash (128
        permutations) for every document, MinHashLSH (threshold 0.5) inserts of every document and
        a query of every document. Prints one JSON result line (best of --runs). Near-duplicates
        only: datasketch does no story clustering.
    analysis_peers.py score-tributary OUT.jsonl TRUTH.jsonl
        Counts `tributary cluster` output and scores it against the truth file.
    analysis_peers.py report RESULTS.jsonl
        Prints the results table, the ratios and the one-line summary.

The articles: a vocabulary of 4,000 made-up words (plus 60 English function words) drawn with a
Zipf-like skew; 250-400 words each, in sentences of 8-20 words with person names, places and
numbers. Of N articles, 80% are originals, 15% near-duplicate copies of an original (a few words
replaced, a sentence dropped or added, a new title; a third keep the source URL with tracking
parameters, the rest are syndicated under another outlet's URL) and 5% teasers (the first 40 words
of an original). About half of the originals are rewrites in groups of 3-8 about one event: each
written independently, sharing the event's names, place, numbers and topic words. Dates spread
over 30 days; the file is in publication order.
"""

import argparse
import bisect
import datetime as dt
import hashlib
import itertools
import json
import os
import random
import re
import resource
import sys
import time

EPOCH = dt.datetime(2026, 10, 1, 0, 0, 0, tzinfo=dt.timezone.utc)
FUNCTION_WORDS = (
    "the of and to in a is that for on was with as by at from it be has have are were an this "
    "which said after its but not will their more than about over also been they who into two "
    "new had one up out last year would all when there other where under while during since"
).split()
ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n",
          "p", "pl", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "ng"]
FIRST = ["Ana", "Jean", "Priya", "Tomas", "Mei", "Oluwaseun", "Sarah", "Lars", "Fatima", "Kenji",
         "Miguel", "Aisha", "Pieter", "Ingrid", "Rahul", "Chloe", "Dmitri", "Amara", "Hugo", "Leila",
         "Sven", "Yuki", "Carlos", "Nadia", "Omar", "Elena", "Kwame", "Sofia", "Jonas", "Zainab"]
LAST = ["Garcia", "Moreau", "Natarajan", "Reznicek", "Lin", "Adeyemi", "OConnor", "Overgaard",
        "Zahra", "Watanabe", "Okafor", "Lindqvist", "Rossi", "Novak", "Haddad", "Kowalski",
        "Fernandes", "Schmidt", "Mensah", "Ivanova", "Tanaka", "Dubois", "Kaur", "Brennan",
        "Petrov", "Achebe", "Larsen", "Morales", "Yilmaz", "Castillo"]
OUTLETS = ["dailyherald", "citywire", "northpost", "globaltimes", "metrogazette", "rivervalleynews",
           "coastalecho", "capitalreport", "morningledger", "eveningstar", "tribunal", "wirefeed"]
SECTIONS = ["news", "world", "business", "politics", "local", "science", "sport", "culture"]
TRACKING = ["?utm_source=rss&utm_medium=feed&utm_campaign=syndication", "?utm_source=twitter&utm_medium=social",
            "?ref=homepage&fbclid=IwAR0xq7", "?utm_source=newsletter&utm_medium=email&utm_content=top"]


def make_vocab(rng, n):
    seen, words = set(FUNCTION_WORDS), []
    while len(words) < n:
        w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3))) + rng.choice(CODAS)
        if len(w) >= 3 and w not in seen:
            seen.add(w)
            words.append(w)
    return words


class Writer:
    def __init__(self, rng, vocab_size=4000):
        self.rng = rng
        self.vocab = make_vocab(rng, vocab_size)
        # Zipf-like weights for content words; function words make about 40% of running text.
        self.content_cum = list(itertools.accumulate(1.0 / (r + 10) for r in range(vocab_size)))
        self.function_cum = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(FUNCTION_WORDS))))

    def word(self):
        r = self.rng.random
        if r() < 0.4:
            return FUNCTION_WORDS[bisect.bisect(self.function_cum, r() * self.function_cum[-1])]
        return self.vocab[min(bisect.bisect(self.content_cum, r() * self.content_cum[-1]), len(self.vocab) - 1)]

    def sentence(self, event):
        rng = self.rng
        words = [self.word() for _ in range(rng.randint(8, 20))]
        if event is not None:
            for _ in range(rng.randint(1, 3)):  # the event's own vocabulary
                words[rng.randrange(len(words))] = rng.choice(event["topic"])
            x = rng.random()
            if x < 0.35:
                words.insert(rng.randrange(len(words)), rng.choice(event["names"]))
            elif x < 0.55:
                words.insert(rng.randrange(len(words)), rng.choice(event["numbers"]))
            elif x < 0.65:
                words.insert(rng.randrange(len(words)), "in " + event["place"])
        words[0] = words[0][:1].upper() + words[0][1:]
        if len(words) > 10 and rng.random() < 0.3:
            words[rng.randrange(3, len(words) - 3)] += ","
        return " ".join(words) + ("." if rng.random() < 0.9 else "?" if rng.random() < 0.5 else "!")

    def body(self, event, lo=250, hi=400):
        target, sentences, n = self.rng.randint(lo, hi), [], 0
        while n < target:
            s = self.sentence(event)
            sentences.append(s)
            n += s.count(" ") + 1
        return sentences

    def title(self, event):
        rng = self.rng
        parts = [rng.choice(event["topic"]).capitalize(), self.word(), rng.choice(event["topic"])]
        if rng.random() < 0.5:
            parts.insert(0, rng.choice(event["names"]) + ":")
        if rng.random() < 0.5:
            parts.append(rng.choice(event["numbers"]))
        parts += [self.word() for _ in range(rng.randint(1, 4))]
        return " ".join(parts)


def make_event(w, rng):
    return {
        "names": [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 4))],
        "place": rng.choice(w.vocab[200:]).capitalize() + rng.choice(["ton", "ville", " City", "burg", "port"]),
        "numbers": [rng.choice([str(rng.randint(2, 999)), f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%",
                                f"${rng.randint(1, 900)} million", f"{rng.randint(1000, 99999):,}"])
                    for _ in range(rng.randint(2, 4))],
        "topic": rng.sample(w.vocab[100:], 12),  # mid-frequency words, the event's subject
        "time": EPOCH + dt.timedelta(seconds=rng.randrange(30 * 86400)),
    }


def slug(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def url_for(rng, outlet, when, title, n):
    return f"https://www.{outlet}.example/{rng.choice(SECTIONS)}/{when:%Y/%m/%d}/{slug(title)}-{n}"


def edit_copy(w, rng, sentences):
    """A near-copy: a few words replaced, maybe a sentence dropped and one added."""
    out = list(sentences)
    if rng.random() < 0.5 and len(out) > 5:
        del out[rng.randrange(1, len(out))]
    if rng.random() < 0.5:
        out.insert(rng.randrange(len(out) + 1), w.sentence(None))
    if rng.random() < 0.3:  # a syndication footer
        out.append(f"This article first appeared in the {rng.choice(OUTLETS).capitalize()}.")
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(out))
        ws = out[i].split(" ")
        ws[rng.randrange(len(ws))] = w.word()
        out[i] = " ".join(ws)
    return out


def generate(out, n_docs, seed):
    rng = random.Random(seed)
    w = Writer(rng)
    n_copies, n_teasers = round(n_docs * 0.15), round(n_docs * 0.05)
    n_orig = n_docs - n_copies - n_teasers
    originals, events = [], 0
    while len(originals) < n_orig:  # about half the originals in groups of 3-8 rewrites
        size = rng.randint(3, 8) if rng.random() < 1 / 6.5 else 1  # 1/6.5: half the articles (mean group 5.5)
        size = min(size, n_orig - len(originals))
        ev = make_event(w, rng)
        for _ in range(size):
            originals.append((events, ev))
        events += 1
    docs = []  # dicts with the article fields plus "_kind", "_source", "_event", "_sentences"
    for event_id, ev in originals:
        when = ev["time"] + dt.timedelta(seconds=rng.randrange(-6 * 3600, 18 * 3600))
        title = w.title(ev)
        sentences = w.body(ev)
        docs.append({"_kind": "original", "_event": event_id,
                     "_source": None, "_sentences": sentences, "_when": when,
                     "_outlet": rng.choice(OUTLETS), "title": title})
    group_sizes = {}
    for d in docs:
        group_sizes[d["_event"]] = group_sizes.get(d["_event"], 0) + 1
    for d in docs:
        d["_kind"] = "rewrite" if group_sizes[d["_event"]] > 1 else "original"
    n_orig_docs = len(docs)
    for k in range(n_copies + n_teasers):
        src_i = rng.randrange(n_orig_docs)
        src = docs[src_i]
        teaser = k >= n_copies
        when = src["_when"] + dt.timedelta(seconds=rng.randrange(-1800 if teaser else 600, 12 * 3600))
        if teaser:
            words = " ".join(src["_sentences"]).split(" ")[:40]
            sentences = [" ".join(words) + "…"]
            title = src["title"]
        else:
            sentences = edit_copy(w, rng, src["_sentences"])
            title = src["title"] if rng.random() < 0.5 else src["title"] + " " + w.word()
        d = {"_kind": "teaser" if teaser else "copy", "_event": src["_event"], "_source": src_i,
             "_sentences": sentences, "_when": when, "_outlet": rng.choice(OUTLETS), "title": title}
        if rng.random() < 0.33:
            d["_same_url_as"] = src_i
        docs.append(d)
    # ids and URLs in generation order; then the file in publication order
    for i, d in enumerate(docs):
        d["id"] = f"a{i:07d}"
    for i, d in enumerate(docs):
        if "_same_url_as" in d:
            continue
        d["url"] = url_for(rng, d["_outlet"], d["_when"], d["title"], i)
    for d in docs:
        if "_same_url_as" in d:
            d["url"] = docs[d["_same_url_as"]]["url"] + rng.choice(TRACKING)
    order = sorted(range(len(docs)), key=lambda i: (docs[i]["_when"], i))
    tmp, ttmp = out + ".tmp", truth_path(out) + ".tmp"
    with open(tmp, "w") as f, open(ttmp, "w") as t:
        for i in order:
            d = docs[i]
            text = "\n\n".join(" ".join(d["_sentences"][j:j + 4]) for j in range(0, len(d["_sentences"]), 4))
            f.write(json.dumps({"id": d["id"], "url": d["url"], "title": d["title"], "text": text,
                                "published": d["_when"].strftime("%Y-%m-%dT%H:%M:%SZ")}, ensure_ascii=False) + "\n")
            t.write(json.dumps({"id": d["id"], "kind": d["_kind"], "event": d["_event"],
                                "source": None if d["_source"] is None else docs[d["_source"]]["id"]}) + "\n")
    os.replace(tmp, out)
    os.replace(ttmp, truth_path(out))


def truth_path(out):
    return re.sub(r"\.jsonl$", "", out) + ".truth.jsonl"


def cmd_generate(a):
    with open(__file__, "rb") as f:
        src = f.read()
    # Only the generator's inputs count for the stamp: the rest of this file may change freely.
    gen_src = src[src.index(b"EPOCH ="):src.index(b"def cmd_generate")]
    stamp = hashlib.sha256(gen_src + repr((a.docs, a.seed)).encode()).hexdigest()
    stamp_path = a.out + ".stamp"
    if (os.path.exists(a.out) and os.path.exists(truth_path(a.out)) and os.path.exists(stamp_path)
            and open(stamp_path).read() == stamp):
        return
    t0 = time.perf_counter()
    generate(a.out, a.docs, a.seed)
    with open(stamp_path, "w") as f:
        f.write(stamp)
    print(f"generated {a.out}: {os.path.getsize(a.out):,} bytes, {a.docs:,} articles "
          f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)


def read_truth(path):
    truth = {}
    with open(path) as f:
        for line in f:
            o = json.loads(line)
            truth[o["id"]] = o
    return truth


WORD_RE = re.compile(r"\w+")


def shingles(text, k):
    words = WORD_RE.findall(text.lower())
    if len(words) < k:
        return [" ".join(words).encode()]
    return list({" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)})


def cmd_datasketch(a):
    import datasketch
    from datasketch import MinHash, MinHashLSH
    ids, texts = [], []
    with open(a.file) as f:
        for line in f:
            o = json.loads(line)
            ids.append(o["id"])
            texts.append(o["text"])
    truth = read_truth(a.truth) if a.truth else None
    best = None
    for _ in range(a.runs):
        c0, t0 = time.process_time(), time.perf_counter()
        mhs = MinHash.bulk((shingles(t, a.shingle) for t in texts), num_perm=a.num_perm)
        c1, t1 = time.process_time(), time.perf_counter()
        lsh = MinHashLSH(threshold=a.threshold, num_perm=a.num_perm)
        for key, m in zip(ids, mhs):
            lsh.insert(key, m)
        c2, t2 = time.process_time(), time.perf_counter()
        results = [lsh.query(m) for m in mhs]
        c3, t3 = time.process_time(), time.perf_counter()
        run = {"seconds": t3 - t0, "cpu": c3 - c0, "minhash_s": t1 - t0, "insert_s": t2 - t1, "query_s": t3 - t2}
        if best is None or run["seconds"] < best["seconds"]:
            best = run
        del lsh, mhs
    # counts from the last run, outside the timed region
    with_match = sum(1 for key, r in zip(ids, results) if any(x != key for x in r))
    pairs = sum(len(r) - 1 for r in results if len(r) > 1) // 2
    notes = (f"minhash {best['minhash_s']:.1f} s, insert {best['insert_s']:.1f} s, query {best['query_s']:.1f} s; "
             f"{with_match} docs with a candidate, {pairs} candidate pairs")
    found = planted = None
    if truth:
        planted = found = 0
        for key, r in zip(ids, results):
            src = truth[key]["source"]
            if src is not None:
                planted += 1
                found += src in r
    print(json.dumps({
        "tool": "datasketch", "version": datasketch.__version__, "docs": len(ids),
        "bytes": os.path.getsize(a.file), **best, "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "dups_found": found, "dups_planted": planted, "stories": None, "notes": notes,
    }))


def bcubed(clusters, labels):
    """B-cubed precision, recall and F1 of clusters (id -> cluster) against labels (id -> label)."""
    both, csize, lsize = {}, {}, {}
    for k, c in clusters.items():
        l = labels[k]
        both[(c, l)] = both.get((c, l), 0) + 1
        csize[c] = csize.get(c, 0) + 1
        lsize[l] = lsize.get(l, 0) + 1
    n = len(clusters)
    p = sum(m * m / csize[c] for (c, _), m in both.items()) / n
    r = sum(m * m / lsize[l] for (_, l), m in both.items()) / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def cmd_score(a):
    truth = read_truth(a.truth)
    stories, dup_of, docs = {}, {}, 0
    with open(a.output) as f:
        for line in f:
            if not line.strip():
                continue
            o = json.loads(line)
            docs += 1
            stories[o["id"]] = o.get("story")
            if o.get("duplicateOf"):
                dup_of[o["id"]] = o["duplicateOf"]
    planted = found = found_story = 0
    for key, t in truth.items():
        if t["source"] is not None:
            planted += 1
            found += dup_of.get(key) == t["source"]
            found_story += key in stories and stories.get(key) == stories.get(t["source"])
    wrong_dups = sum(1 for key, s in dup_of.items() if truth.get(key, {}).get("event") != truth.get(s, {}).get("event"))
    known = {k: v for k, v in stories.items() if k in truth}
    p, r, f1 = bcubed(known, {k: truth[k]["event"] for k in known}) if known else (None, None, None)
    print(json.dumps({"docs": docs, "stories": len(set(stories.values())), "events": len({t["event"] for t in truth.values()}),
                      "duplicate_of": len(dup_of), "dups_found": found, "dups_planted": planted,
                      "dups_same_story": found_story, "dups_across_events": wrong_dups,
                      "bcubed_p": p, "bcubed_r": r, "bcubed_f1": f1}))


def fmt(x, spec):
    return "n/a" if x is None else format(x, spec)


def ratio(a_, b_):
    if not (a_ and b_):
        return "n/a"
    r = a_ / b_
    return f"{r:.0f}x" if r >= 10 else f"{r:.1f}x" if r >= 1 else f"{r:.2f}x"


def cmd_report(a):
    rows, extra = {}, {}
    with open(a.results) as f:
        for line in f:
            o = json.loads(line)
            if "kind" in o:
                extra.setdefault(o["kind"], []).append(o)
            else:
                rows[o["tool"]] = o
    print(f"{'tool':<11} {'docs':>7} {'MB':>7} {'seconds':>8} {'docs/s':>7} {'cpu s':>7} {'docs/cpu-s':>10} "
          f"{'peak RSS MB':>11} {'dups found':>14}  notes")
    for tool in ("tributary", "datasketch"):
        r = rows.get(tool)
        if not r:
            continue
        secs, cpu = r.get("seconds"), r.get("cpu")
        dups = f"{r['dups_found']}/{r['dups_planted']}" if r.get("dups_planted") else "n/a"
        print(f"{tool:<11} {r['docs']:>7} {r['bytes'] / 1e6:>7.1f} {fmt(secs, '.2f'):>8} "
              f"{fmt(r['docs'] / secs if secs else None, '.0f'):>7} {fmt(cpu, '.2f'):>7} "
              f"{fmt(r['docs'] / cpu if cpu else None, '.0f'):>10} "
              f"{fmt(r['peak_kib'] * 1024 / 1e6 if r.get('peak_kib') else None, '.0f'):>11} {dups:>14}  {r.get('notes', '')}")
    print()
    t, d = rows.get("tributary"), rows.get("datasketch")
    dps = lambda r, k="seconds": r["docs"] / r[k] if r and r.get(k) else None  # noqa: E731
    print(f"ratios of docs/s, tributary/datasketch: {ratio(dps(t), dps(d))} by the wall clock, "
          f"{ratio(dps(t, 'cpu'), dps(d, 'cpu'))} by CPU time "
          "(tributary also clusters stories; datasketch finds near-duplicate candidates only)")
    if t:
        goal_s = 20 * t["docs"] / 100000
        mb = t["peak_kib"] * 1024 / 1e6 if t.get("peak_kib") else None
        scaled = "" if t["docs"] == 100000 else f"; scaled to {t['docs']:,}: {goal_s:.0f} s"
        print(f"goal (100,000 articles in 20 s, 1 GB, one core{scaled}): "
              f"tributary {t['seconds']:.1f} s ({'met' if t['seconds'] < goal_s else 'not met'}), "
              f"{fmt(mb, '.0f')} MB ({'met' if mb and mb < 1000 else 'not met'})")
    for note in extra.get("note", []):
        print(note["text"])
    n = f"{t['docs'] // 1000}k" if t else "?"
    tm = t["peak_kib"] * 1024 / 1e6 if t and t.get("peak_kib") else None
    print(f"analysis {n}: tributary {fmt(t and t.get('seconds'), '.1f')} s ({fmt(dps(t), '.0f')} docs/s, {fmt(tm, '.0f')} MB)"
          f" datasketch {fmt(d and d.get('seconds'), '.1f')} s ({fmt(dps(d), '.0f')} docs/s) | {ratio(dps(t), dps(d))} datasketch")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("out")
    g.add_argument("--docs", type=int, required=True)
    g.add_argument("--seed", type=int, default=20261001)
    g.set_defaults(func=cmd_generate)
    d = sub.add_parser("datasketch")
    d.add_argument("file")
    d.add_argument("--truth")
    d.add_argument("--runs", type=int, default=1)
    d.add_argument("--num-perm", type=int, default=128)
    d.add_argument("--shingle", type=int, default=5)
    d.add_argument("--threshold", type=float, default=0.5)
    d.set_defaults(func=cmd_datasketch)
    s = sub.add_parser("score-tributary")
    s.add_argument("output")
    s.add_argument("truth")
    s.set_defaults(func=cmd_score)
    r = sub.add_parser("report")
    r.add_argument("results")
    r.set_defaults(func=cmd_report)
    a = ap.parse_args()
    a.func(a)


if __name__ == "__main__":
    main()
