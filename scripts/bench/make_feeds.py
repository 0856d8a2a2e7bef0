#!/usr/bin/env python3
"""Generate deterministic, realistic RSS 2.0 / Atom 1.0 feeds for the parse benchmark.

    make_feeds.py OUT.xml --format rss|atom --entries N --bytes B [--seed S]

Every entry has a title, link, guid/id, date(s), an author, a few categories and an HTML
body of a few paragraphs with links, inline markup, named and numeric character references
and some non-ASCII text. RSS bodies are entity-escaped (two in three) or CDATA (one in
three); Atom bodies are escaped type="html" (three in four) or inline type="xhtml".

Each entry's body is grown sentence by sentence so that the file lands within a few
hundred bytes of B bytes, with entry sizes varying around the mean like a real feed's.
The same arguments always give the same bytes (a seeded random.Random, fixed dates), and
the file is rewritten only when its arguments or this script changed (a stamp file beside it).
"""

import argparse
import datetime as dt
import hashlib
import html
import os
import random
import sys
import unicodedata

WORDS = (
    "the council voted budget river city market energy school minister report week "
    "local police season festival water climate research hospital court bridge election "
    "housing transport rail airport harbour museum library company workers union strike "
    "price inflation rate bank growth farmers harvest weather storm flood drought forest "
    "wildlife coast village district mayor plan project funding community residents "
    "survey data study scientists university students teachers parents health care "
    "service network digital software security privacy launch product team league match "
    "goal coach player fans stadium concert album film director award history archive"
).split()
NAMES = [
    "Ana García", "Jean-Luc Moreau", "Priya Natarajan", "Tomás Řezníček", "Mei Lin",
    "Oluwaseun Adeyemi", "Sarah O'Connor", "Lars Øvergaard", "Fatima Zahra", "Kenji Watanabe",
]
CATEGORIES = [
    "Politics", "Business", "Science & Technology", "Health", "Sport", "Culture",
    "Environment", "Europe", "Africa", "Asia-Pacific", "Americas", "Local News", "Opinion",
]
FLOURISHES = [
    "&amp;", "&mdash;", "&nbsp;", "&#8220;quoted&#8221;", "&eacute;t&eacute;", "&hellip;",
    "café", "naïve", "“smart quotes”", "— an em dash", "&lt;angle&gt;", "&#x2019;s",
]
SITE = "https://news.example.com"
EPOCH = dt.datetime(2024, 6, 30, 18, 0, 0, tzinfo=dt.timezone.utc)


def email_of(name):
    first = unicodedata.normalize("NFKD", name.split()[0]).encode("ascii", "ignore").decode()
    return first.lower().replace("'", "") + "@example.com"


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    words[0] = words[0].capitalize()
    i = rng.randrange(len(words))
    r = rng.random()
    if r < 0.25:
        slug = "-".join(rng.choice(WORDS) for _ in range(3))
        words[i] = f'<a href="{SITE}/{slug}?ref=feed&amp;utm_source=rss">{words[i]}</a>'
    elif r < 0.35:
        words[i] = f"<em>{words[i]}</em>"
    elif r < 0.42:
        words[i] = f"<strong>{words[i]}</strong>"
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), rng.choice(FLOURISHES))
    return " ".join(words) + "."


def body_html(rng, budget, escape):
    """Paragraphs of sentences whose serialized (escaped or not) size is close to budget."""
    paragraphs, current, size = [], [], len("<p></p>")
    while True:
        s = sentence(rng)
        cost = len((escape(s) if escape else s).encode()) + 1
        if size + cost > budget and (paragraphs or current):
            break
        current.append(s)
        size += cost
        if len(current) >= rng.randint(2, 5):
            paragraphs.append(current)
            current = []
            size += len("</p>\n<p>")
    if current:
        paragraphs.append(current)
    return "\n".join("<p>" + " ".join(p) + "</p>" for p in paragraphs)


def title(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(5, 11))]
    t = " ".join(words).capitalize()
    if rng.random() < 0.2:
        t += " & " + rng.choice(WORDS)
    return t


def rss_entry(rng, i, budget):
    when = EPOCH - dt.timedelta(minutes=17 * i + rng.randint(0, 16))
    slug = "-".join(rng.choice(WORDS) for _ in range(4))
    link = f"{SITE}/{when:%Y/%m/%d}/{slug}-{i}"
    name = rng.choice(NAMES)
    author = (f"<author>{email_of(name)} ({html.escape(name)})</author>" if i % 2
              else f"<dc:creator>{html.escape(name)}</dc:creator>")
    cats = "".join(
        f'<category domain="{SITE}/section">{html.escape(c)}</category>'
        for c in rng.sample(CATEGORIES, rng.randint(1, 4)))
    guid = (f'<guid isPermaLink="false">tag:news.example.com,2024:article-{i}</guid>' if i % 3
            else f"<guid>{link}</guid>")
    head = (f"<item>\n<title>{html.escape(title(rng), quote=False)}</title>\n<link>{link}</link>\n"
            f"{guid}\n<pubDate>{when:%a, %d %b %Y %H:%M:%S} +0000</pubDate>\n{author}\n{cats}\n")
    cdata = i % 3 == 0
    escape = None if cdata else (lambda s: html.escape(s, quote=False))
    fixed = len(head.encode()) + len("<description></description>\n</item>\n") + (12 if cdata else 0)
    body = body_html(rng, budget - fixed, escape)
    desc = f"<![CDATA[{body}]]>" if cdata else escape(body)
    return f"{head}<description>{desc}</description>\n</item>\n"


def atom_entry(rng, i, budget):
    updated = EPOCH - dt.timedelta(minutes=17 * i + rng.randint(0, 16))
    published = updated - dt.timedelta(hours=rng.randint(0, 48))
    slug = "-".join(rng.choice(WORDS) for _ in range(4))
    link = f"{SITE}/{updated:%Y/%m/%d}/{slug}-{i}"
    name = rng.choice(NAMES)
    cats = "".join(
        f'<category term="{html.escape(c.lower())}" scheme="{SITE}/section" label="{html.escape(c)}"/>'
        for c in rng.sample(CATEGORIES, rng.randint(1, 4)))
    summary = html.escape(sentence(rng), quote=False)
    head = (f'<entry>\n<title type="html">{html.escape(html.escape(title(rng), quote=False), quote=False)}</title>\n'
            f'<link rel="alternate" type="text/html" href="{link}"/>\n'
            f"<id>tag:news.example.com,2024:article-{i}</id>\n"
            f"<published>{published:%Y-%m-%dT%H:%M:%SZ}</published>\n"
            f"<updated>{updated:%Y-%m-%dT%H:%M:%SZ}</updated>\n"
            f"<author><name>{html.escape(name)}</name><email>{email_of(name)}</email></author>\n"
            f'{cats}\n<summary type="html">{summary}</summary>\n')
    if i % 4 == 3:
        # Inline XHTML: it must be well-formed XML, so no HTML named entities.
        fixed = len(head.encode()) + len('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"></div></content>\n</entry>\n')
        body = body_html(rng, budget - fixed, None)
        for ent, ch in (("&mdash;", "—"), ("&nbsp;", "\u00a0"), ("&eacute;", "é"), ("&hellip;", "…")):
            body = body.replace(ent, ch)
        content = f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{body}</div></content>\n'
    else:
        esc = lambda s: html.escape(s, quote=False)
        fixed = len(head.encode()) + len('<content type="html"></content>\n</entry>\n')
        content = f'<content type="html">{esc(body_html(rng, budget - fixed, esc))}</content>\n'
    return f"{head}{content}</entry>\n"


def rss_frame():
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
            "<title>Example News &#8212; All Stories</title>\n"
            f"<link>{SITE}/</link>\n"
            f'<atom:link rel="self" type="application/rss+xml" href="{SITE}/rss.xml"/>\n'
            "<description>Every story from Example News, with full text.</description>\n"
            "<language>en-gb</language>\n"
            f"<lastBuildDate>{EPOCH:%a, %d %b %Y %H:%M:%S} +0000</lastBuildDate>\n"
            "<generator>tributary make_feeds.py</generator>\n")
    return head, "</channel>\n</rss>\n", rss_entry


def atom_frame():
    head = ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">\n'
            "<title>Example News — All Stories</title>\n"
            "<subtitle>Every story from Example News, with full text.</subtitle>\n"
            f'<link rel="alternate" type="text/html" href="{SITE}/"/>\n'
            f'<link rel="self" type="application/atom+xml" href="{SITE}/atom.xml"/>\n'
            "<id>tag:news.example.com,2024:feed</id>\n"
            f"<updated>{EPOCH:%Y-%m-%dT%H:%M:%SZ}</updated>\n"
            "<generator>tributary make_feeds.py</generator>\n")
    return head, "</feed>\n", atom_entry


def generate(path, fmt, entries, total, seed):
    rng = random.Random(seed)
    head, tail, entry = (rss_frame if fmt == "rss" else atom_frame)()
    room = total - len(head.encode()) - len(tail.encode())
    # Entry sizes vary (log-normal-ish weights) but add up to the room available.
    weights = [rng.lognormvariate(0, 0.45) for _ in range(entries)]
    scale = room / sum(weights)
    written, wanted = 0, 0.0
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write(head)
        for i in range(entries):
            wanted += weights[i] * scale
            text = entry(rng, i, max(400, int(wanted - written)))
            out.write(text)
            written += len(text.encode())
        out.write(tail)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--format", choices=("rss", "atom"), required=True)
    ap.add_argument("--entries", type=int, required=True)
    ap.add_argument("--bytes", type=int, required=True)
    ap.add_argument("--seed", type=int, default=20240630)
    a = ap.parse_args()
    with open(__file__, "rb") as f:
        stamp = hashlib.sha256(f.read() + repr((a.format, a.entries, a.bytes, a.seed)).encode()).hexdigest()
    stamp_path = a.out + ".stamp"
    if os.path.exists(a.out) and os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return
    generate(a.out, a.format, a.entries, a.bytes, a.seed)
    with open(stamp_path, "w") as f:
        f.write(stamp)
    print(f"generated {a.out}: {os.path.getsize(a.out):,} bytes, {a.entries:,} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
