#!/usr/bin/env python3
"""Generate the sources of the aggregation benchmark (scripts/bench/aggregate.sh), deterministically.

    make_sources.py site WORK [--feeds 1000] [--entries 20] [--pages 200] [--seed S]
        Writes WORK/site/feeds/NNNN.xml (RSS 2.0, --entries items each, with guid, link, pubDate,
        description and content:encoded), WORK/site/news/PPPP-slug.html (article pages: header,
        nav, article with paragraphs, aside, footer, JSON-LD and Open Graph metadata) and
        WORK/manifest.json (what was written and what a run must store). Rewritten only when the
        arguments or this script changed (WORK/site.stamp).
    make_sources.py config WORK --port P
        Writes WORK/tributary.yaml (every feed as kind: feed, every page as kind: page, on the
        loopback hosts of the manifest, port P) and WORK/feeds.list (the feed URLs, one a line,
        for the peer).

The news text is made from templates over a varied vocabulary: real country, city and
organisation names (so that region and topic labelling have something to find), made-up people,
numbers and quotes; 3-5 paragraphs of 3-5 sentences per story; every title is unique.
Stories are shared between feeds so that clustering has work to do:
  - wire copies: about 10% of the entries are a wire story that 2-5 feeds carry word for word
    (own link and guid, the title with the outlet's tag, a closing line of its own);
  - rewrites: about 5% are one event told independently by 2-4 feeds (the same people, places
    and numbers, other sentences and another headline);
  - a fifth of the pages are the full text of a feed entry (the same story as a page).
Feed n is served from host 127.0.0.(2 + n // 4) (four feeds per host); page p from 127.0.0.(2 + p).
The same arguments always give the same bytes (a seeded random.Random, fixed dates).
"""

import argparse
import datetime as dt
import hashlib
import html
import json
import os
import random
import re
import shutil
import sys

EPOCH = dt.datetime(2026, 11, 20, 18, 0, 0, tzinfo=dt.timezone.utc)  # the newest entry's date
FEEDS_PER_HOST = 4
FIRST_HOST = 2  # 127.0.0.2

PLACES = [  # (city, country) - names the gazetteer knows
    ("Nairobi", "Kenya"), ("Mombasa", "Kenya"), ("Lagos", "Nigeria"), ("Abuja", "Nigeria"),
    ("Accra", "Ghana"), ("Dakar", "Senegal"), ("Addis Ababa", "Ethiopia"), ("Kampala", "Uganda"),
    ("Johannesburg", "South Africa"), ("Cape Town", "South Africa"), ("Cairo", "Egypt"),
    ("Casablanca", "Morocco"), ("Tunis", "Tunisia"), ("Kinshasa", "Democratic Republic of the Congo"),
    ("Luanda", "Angola"), ("Harare", "Zimbabwe"), ("Lusaka", "Zambia"), ("Dar es Salaam", "Tanzania"),
    ("Lima", "Peru"), ("Bogota", "Colombia"), ("Quito", "Ecuador"), ("Santiago", "Chile"),
    ("Buenos Aires", "Argentina"), ("Montevideo", "Uruguay"), ("Sao Paulo", "Brazil"),
    ("Brasilia", "Brazil"), ("Caracas", "Venezuela"), ("La Paz", "Bolivia"), ("Havana", "Cuba"),
    ("Mexico City", "Mexico"), ("Guadalajara", "Mexico"), ("Kingston", "Jamaica"),
    ("Port-au-Prince", "Haiti"), ("Toronto", "Canada"), ("Vancouver", "Canada"),
    ("Chicago", "United States"), ("Houston", "United States"), ("Seattle", "United States"),
    ("Lisbon", "Portugal"), ("Madrid", "Spain"), ("Barcelona", "Spain"), ("Lyon", "France"),
    ("Marseille", "France"), ("Hamburg", "Germany"), ("Munich", "Germany"), ("Vienna", "Austria"),
    ("Prague", "Czech Republic"), ("Warsaw", "Poland"), ("Krakow", "Poland"), ("Budapest", "Hungary"),
    ("Bucharest", "Romania"), ("Sofia", "Bulgaria"), ("Athens", "Greece"), ("Rome", "Italy"),
    ("Milan", "Italy"), ("Zurich", "Switzerland"), ("Brussels", "Belgium"), ("Rotterdam", "Netherlands"),
    ("Copenhagen", "Denmark"), ("Oslo", "Norway"), ("Stockholm", "Sweden"), ("Helsinki", "Finland"),
    ("Tallinn", "Estonia"), ("Riga", "Latvia"), ("Vilnius", "Lithuania"), ("Kyiv", "Ukraine"),
    ("Dublin", "Ireland"), ("Edinburgh", "United Kingdom"), ("Manchester", "United Kingdom"),
    ("Reykjavik", "Iceland"), ("Istanbul", "Turkey"), ("Ankara", "Turkey"), ("Tbilisi", "Georgia"),
    ("Yerevan", "Armenia"), ("Baku", "Azerbaijan"), ("Almaty", "Kazakhstan"), ("Tashkent", "Uzbekistan"),
    ("Tehran", "Iran"), ("Baghdad", "Iraq"), ("Amman", "Jordan"), ("Beirut", "Lebanon"),
    ("Riyadh", "Saudi Arabia"), ("Doha", "Qatar"), ("Dubai", "United Arab Emirates"), ("Muscat", "Oman"),
    ("Karachi", "Pakistan"), ("Lahore", "Pakistan"), ("Mumbai", "India"), ("Chennai", "India"),
    ("Kolkata", "India"), ("Dhaka", "Bangladesh"), ("Colombo", "Sri Lanka"), ("Kathmandu", "Nepal"),
    ("Bangkok", "Thailand"), ("Hanoi", "Vietnam"), ("Ho Chi Minh City", "Vietnam"), ("Manila", "Philippines"),
    ("Jakarta", "Indonesia"), ("Surabaya", "Indonesia"), ("Kuala Lumpur", "Malaysia"), ("Singapore", "Singapore"),
    ("Phnom Penh", "Cambodia"), ("Yangon", "Myanmar"), ("Seoul", "South Korea"), ("Busan", "South Korea"),
    ("Osaka", "Japan"), ("Sapporo", "Japan"), ("Shanghai", "China"), ("Chengdu", "China"),
    ("Taipei", "Taiwan"), ("Ulaanbaatar", "Mongolia"), ("Sydney", "Australia"), ("Perth", "Australia"),
    ("Auckland", "New Zealand"), ("Suva", "Fiji"), ("Port Moresby", "Papua New Guinea"),
]
ORGS = [
    "the World Health Organization", "the International Monetary Fund", "the World Bank",
    "the United Nations", "the African Union", "the European Commission", "NATO",
    "the Red Cross", "UNICEF", "the World Trade Organization", "Amnesty International",
    "the Inter-American Development Bank", "ASEAN", "the Organization of American States",
    "Medecins Sans Frontieres", "the International Energy Agency", "the World Food Programme",
    "the central bank", "the finance ministry", "the supreme court", "the electoral commission",
    "the national statistics office", "the port authority", "the teachers' union",
    "the chamber of commerce", "the state oil company", "the meteorological service",
]
FIRST = ("Amara Tomasz Leila Jorge Ingrid Kwame Sofia Dmitri Nadia Rafael Aiko Oluwaseun Mateo "
         "Hannah Farid Chiara Bongani Yusuf Elena Kofi Marisol Arjun Freya Tariq Camila Wei Anneke "
         "Santiago Zanele Hiroshi Lucia Emeka Ines Pavel Noor Diego Astrid Rashid Beatriz Kenji").split()
LAST = ("Okafor Kowalski Haddad Restrepo Lindqvist Mensah Ferreira Volkov Benali Quispe Tanaka "
        "Adeyemi Ramirez Fischer Karimi Esposito Dlamini Demir Popescu Boateng Alvarez Iyer "
        "Sorensen Rahman Cardoso Zhang Visser Herrera Nkosi Watanabe Moreau Eze Silva Novak "
        "Hosseini Castillo Nyberg Aziz Rocha Mori Kamau Lindgren Ochieng Petrov Salazar").split()
ROLES = ["minister", "opposition leader", "spokesperson", "economist", "mayor", "governor",
         "analyst", "professor", "union leader", "chief executive", "health official",
         "police chief", "ambassador", "judge", "coach", "researcher", "senator", "aid worker"]

TOPICS = {
    "politics": dict(
        nouns=["election", "coalition", "parliament", "referendum", "ballot", "cabinet", "reform bill",
               "constitution", "campaign", "vote", "opposition", "budget debate", "mandate"],
        verbs=["called for", "rejected", "backed", "postponed", "announced", "questioned", "approved",
               "challenged", "defended", "proposed"],
        things=["a snap election", "the new electoral law", "a cabinet reshuffle", "the reform bill",
                "a referendum on term limits", "the coalition agreement", "the budget vote"]),
    "economy": dict(
        nouns=["inflation", "interest rates", "currency", "exports", "growth", "unemployment", "tariffs",
               "bond yields", "debt", "wages", "investment", "trade deficit", "prices"],
        verbs=["raised", "cut", "forecast", "warned about", "reported", "revised", "froze", "eased"],
        things=["its benchmark interest rate", "the growth forecast", "fuel subsidies", "import tariffs",
                "the minimum wage", "a bond issue", "the trade agreement", "the debt restructuring"]),
    "health": dict(
        nouns=["vaccine", "hospital", "outbreak", "clinic", "patients", "cholera", "measles", "nurses",
               "doctors", "epidemic", "treatment", "infections", "public health"],
        verbs=["confirmed", "launched", "expanded", "reported", "declared", "contained", "monitored"],
        things=["a vaccination campaign", "a cholera outbreak", "new cases of measles",
                "the hospital expansion", "free treatment for children", "a malaria programme"]),
    "environment": dict(
        nouns=["drought", "flooding", "deforestation", "emissions", "wildfire", "glacier", "coral reef",
               "rainfall", "heatwave", "pollution", "conservation", "river", "climate"],
        verbs=["warned of", "measured", "protected", "restored", "banned", "monitored", "recorded"],
        things=["record temperatures", "a ban on single-use plastics", "the protected forest",
                "new emission limits", "the river clean-up", "a reforestation plan"]),
    "energy": dict(
        nouns=["solar", "wind farm", "oil", "gas pipeline", "grid", "power cuts", "electricity",
               "refinery", "hydropower", "coal", "fuel", "battery storage", "nuclear plant"],
        verbs=["commissioned", "suspended", "expanded", "signed", "connected", "opened", "delayed"],
        things=["a new solar plant", "the gas pipeline", "rolling power cuts", "the offshore wind farm",
                "electricity tariffs", "a refinery upgrade", "the hydropower dam"]),
    "conflict": dict(
        nouns=["ceasefire", "troops", "border", "clashes", "rebels", "peace talks", "militia",
               "displaced families", "shelling", "convoy", "truce", "negotiators", "refugees"],
        verbs=["violated", "negotiated", "withdrew", "deployed", "condemned", "brokered", "agreed to"],
        things=["a ceasefire", "the peace talks", "a humanitarian corridor", "the prisoner exchange",
                "border patrols", "a withdrawal of troops"]),
    "sport": dict(
        nouns=["final", "championship", "striker", "goalkeeper", "tournament", "league", "coach",
               "stadium", "season", "qualifier", "medal", "marathon", "derby"],
        verbs=["won", "lost", "drew", "qualified for", "scored in", "defended", "clinched"],
        things=["the cup final", "the league title", "a place in the semi-finals", "the world record",
                "the continental championship", "the derby"]),
    "technology": dict(
        nouns=["startup", "software", "data centre", "broadband", "satellite", "semiconductor",
               "artificial intelligence", "mobile payments", "cybersecurity", "app", "network"],
        verbs=["launched", "acquired", "unveiled", "hacked", "regulated", "rolled out", "tested"],
        things=["a mobile payments platform", "a new data centre", "the 5G network",
                "a cybersecurity law", "the satellite launch", "an AI research lab"]),
    "culture": dict(
        nouns=["festival", "museum", "exhibition", "novel", "film", "orchestra", "heritage site",
               "theatre", "album", "artists", "gallery", "premiere", "archive"],
        verbs=["opened", "celebrated", "restored", "premiered", "honoured", "returned", "hosted"],
        things=["the film festival", "a retrospective exhibition", "the restored cathedral",
                "looted artefacts", "the national book prize", "a new concert hall"]),
    "crime": dict(
        nouns=["court", "trial", "police", "arrests", "fraud", "smuggling", "verdict", "prosecutors",
               "corruption", "investigation", "sentence", "appeal", "detectives"],
        verbs=["charged", "arrested", "convicted", "acquitted", "investigated", "sentenced", "raided"],
        things=["a corruption case", "the smuggling ring", "the fraud trial", "a money-laundering probe",
                "the murder investigation", "an appeal against the verdict"]),
    "science": dict(
        nouns=["researchers", "study", "telescope", "fossil", "genome", "laboratory", "experiment",
               "species", "observatory", "journal", "particles", "expedition", "samples"],
        verbs=["discovered", "published", "identified", "mapped", "measured", "sequenced", "observed"],
        things=["a new species of frog", "the genome of a wheat variety", "a distant galaxy",
                "dinosaur fossils", "a deep-sea expedition", "the ice core samples"]),
    "education": dict(
        nouns=["schools", "teachers", "students", "university", "exams", "curriculum", "tuition",
               "scholarships", "classrooms", "literacy", "graduates", "school meals"],
        verbs=["reopened", "reformed", "funded", "expanded", "boycotted", "postponed", "introduced"],
        things=["free school meals", "the exam results", "a new curriculum", "tuition fees",
                "the literacy programme", "teacher salaries"]),
    "disasters": dict(
        nouns=["earthquake", "cyclone", "landslide", "floods", "rescue teams", "aftershocks", "evacuation",
               "survivors", "relief supplies", "storm", "typhoon", "volcano", "damage"],
        verbs=["struck", "evacuated", "rescued", "destroyed", "flooded", "displaced", "hit"],
        things=["a magnitude 6.4 earthquake", "the cyclone", "flash floods", "a landslide",
                "the volcanic eruption", "a tropical storm"]),
}
FILLER = ("on Tuesday", "on Monday", "late on Friday", "this week", "earlier this month", "overnight",
          "in a statement", "according to officials", "after weeks of talks", "despite criticism",
          "for the first time in a decade", "amid rising tension", "under pressure from donors",
          "in the capital", "in the north of the country", "along the coast", "near the border")
QUOTES = [
    "We cannot wait any longer", "This is a turning point for the region",
    "The numbers speak for themselves", "Families deserve better than this",
    "We will keep working until the job is done", "Nobody expected it to happen this quickly",
    "It is too early to say what the consequences will be", "Our priority is the safety of residents",
    "The decision was not taken lightly", "We have been warning about this for years",
    "There is still a lot of work ahead", "Everyone here knows what is at stake",
]
OUTLETS = ["Herald", "Courier", "Tribune", "Gazette", "Observer", "Chronicle", "Post", "Times",
           "Dispatch", "Monitor", "Sentinel", "Journal", "Record", "Star", "Mail", "Express", "Daily",
           "Ledger", "Standard", "Bulletin"]
SITE_TAGS = ["World", "Live", "Breaking", "Analysis", "Update", "Report", "Explainer", "Exclusive"]


class Story:
    """One event: its people, places and numbers, from which any number of texts are written."""

    def __init__(self, rng, serial):
        self.serial = serial
        self.topic = rng.choice(sorted(TOPICS))
        self.t = TOPICS[self.topic]
        self.city, self.country = rng.choice(PLACES)
        self.other_city, self.other_country = rng.choice(PLACES)
        self.people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)) for _ in range(3)]
        self.org = rng.choice(ORGS)
        self.numbers = [rng.randint(3, 950) for _ in range(4)]
        self.percent = round(rng.uniform(0.5, 38), 1)
        self.thing = rng.choice(self.t["things"])
        self.verb = rng.choice(self.t["verbs"])

    def title(self, rng, variant=0):
        p = self.people[0][0]
        forms = [
            f"{self.country}: {p} {self.verb} {self.thing} in {self.city}",
            f"{self.city} {rng.choice(self.t['nouns'])}: {self.org} {self.verb} {self.thing}",
            f"{p} says {self.thing} will reach {self.numbers[0]:,} people in {self.country}",
            f"{self.numbers[1]:,} affected as {self.country} {self.verb} {self.thing}",
            f"In {self.city}, {self.thing} divides {self.other_country} and {self.country}",
            f"{self.org.replace('the ', '', 1).capitalize()} and {self.country} {self.verb} {self.thing}",
        ]
        return forms[(self.serial + variant) % len(forms)]

    def sentence(self, rng):
        (p1, r1), (p2, r2), (p3, r3) = self.people
        n = rng.choice(self.t["nouns"])
        m = rng.choice(self.t["nouns"])
        f = rng.choice(FILLER)
        forms = [
            f"{p1}, the {r1}, {self.verb} {self.thing} {f}, saying the {n} in {self.city} could not wait.",
            f"Officials in {self.city} said {self.numbers[0]:,} people had been affected by the {n} {f}.",
            f"\"{rng.choice(QUOTES)},\" said {p2}, a {r2} based in {self.city}.",
            f"{self.org.capitalize()} said the {n} had grown by {self.percent} percent since last year.",
            f"The {m} in {self.country} has drawn attention from neighbouring {self.other_country}, where {n} remains a concern.",
            f"According to {p3}, a {r3}, at least {self.numbers[2]:,} {n} cases were recorded {f}.",
            f"Critics in {self.other_city} argued that {self.thing} would do little to address the {m}.",
            f"The {n} comes as {self.country} faces questions over {m} and {rng.choice(self.t['nouns'])}.",
            f"Residents of {self.city} described long queues and uncertainty about the {m}.",
            f"{p1} is expected to meet counterparts from {self.other_country} in {self.other_city} next week.",
            f"A report by {self.org} estimated the cost at {self.numbers[3]:,} million dollars.",
            f"Local media in {self.country} reported that the {n} was discussed at length {f}.",
            f"\"We are watching the {n} closely,\" {p3} told reporters in {self.city}.",
            f"Similar {m} measures were tried in {self.other_country} with mixed results.",
        ]
        return rng.choice(forms)

    def paragraphs(self, rng):
        used, paras = set(), []
        for _ in range(rng.randint(3, 5)):
            sentences = []
            while len(sentences) < rng.randint(3, 5):
                s = self.sentence(rng)
                if s not in used or len(used) > 60:
                    used.add(s)
                    sentences.append(s)
            paras.append(" ".join(sentences))
        return paras


def rfc822(d):
    return d.strftime("%a, %d %b %Y %H:%M:%S +0000")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def outlet_name(i):
    return f"The {['North', 'South', 'East', 'West', 'Coastal', 'Valley', 'City', 'Metro', 'Capital', 'River'][i % 10]} " \
           f"{OUTLETS[(i // 10) % len(OUTLETS)]} {i // 200 + 1}"


def plan(rng, n_feeds, per_feed, n_pages):
    """Decides every entry: which story it tells and how (own, wire copy or rewrite)."""
    free = {f: per_feed for f in range(n_feeds)}
    slots = {f: [] for f in range(n_feeds)}
    serial = 0
    total = n_feeds * per_feed

    def place(kind, story, copies, base):
        feeds = rng.sample([f for f in free if free[f] > 0], min(copies, sum(1 for f in free if free[f] > 0)))
        for k, f in enumerate(feeds):
            free[f] -= 1
            if free[f] == 0:
                del free[f]
            slots[f].append(dict(kind=kind, story=story, variant=k, date=base + dt.timedelta(minutes=rng.randint(0, 360))))

    span = 10 * 24 * 60  # minutes: ten days of news
    # wire copies: about 10% of the entries
    copied = 0
    while copied < total * 0.10 and len(free) >= 5:
        k = rng.randint(2, 5)
        place("copy", Story(rng, serial), k, EPOCH - dt.timedelta(minutes=rng.randint(360, span)))
        serial += 1
        copied += k
    # rewrites: about 5%
    rewritten = 0
    while rewritten < total * 0.05 and len(free) >= 4:
        k = rng.randint(2, 4)
        place("rewrite", Story(rng, serial), k, EPOCH - dt.timedelta(minutes=rng.randint(360, span)))
        serial += 1
        rewritten += k
    # the rest: stories told once
    for f in sorted(free):
        for _ in range(free[f]):
            slots[f].append(dict(kind="own", story=Story(rng, serial), variant=0,
                                 date=EPOCH - dt.timedelta(minutes=rng.randint(0, span))))
            serial += 1
    return slots


def write_site(work, n_feeds, per_feed, n_pages, seed):
    rng = random.Random(seed)
    site = os.path.join(work, "site")
    if os.path.isdir(site):
        shutil.rmtree(site)
    os.makedirs(os.path.join(site, "feeds"))
    os.makedirs(os.path.join(site, "news"))
    slots = plan(rng, n_feeds, per_feed, n_pages)
    titles = set()
    bodies = {}  # story serial -> paragraphs of the wire text (copies share it)
    manifest = dict(seed=seed, feeds=[], pages=[], entries=0, copies=0, rewrites=0)
    page_candidates = []

    def unique(title):
        t, i = title, 2
        while t in titles:
            t = f"{title} ({i})"
            i += 1
        titles.add(t)
        return t

    for f in range(n_feeds):
        outlet = outlet_name(f)
        domain = f"{slug(outlet)}.example"
        items = []
        for e, slot in enumerate(sorted(slots[f], key=lambda s: s["date"], reverse=True)):
            story, kind = slot["story"], slot["kind"]
            if kind == "copy":
                if story.serial not in bodies:
                    bodies[story.serial] = (story.title(rng), story.paragraphs(rng))
                wire_title, paras = bodies[story.serial]
                title = unique(f"{wire_title} | {outlet}" if slot["variant"] else wire_title)
                paras = paras + [f"This wire report was published by {outlet} with no changes to its content."]
                manifest["copies"] += 1
            elif kind == "rewrite":
                title = unique(story.title(rng, variant=slot["variant"]))
                paras = story.paragraphs(rng)
                manifest["rewrites"] += 1
            else:
                title = unique(story.title(rng))
                paras = story.paragraphs(rng)
            link = f"https://{domain}/{slot['date']:%Y/%m/%d}/{slug(title)}"
            guid = f"{domain}:story:{f:04d}-{e:02d}-{story.serial}"
            if kind == "own" and rng.random() < 0.012:
                page_candidates.append((title, paras, slot["date"], story))
            content = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paras)
            teaser = html.escape(paras[0].split(". ")[0].rstrip(".") + ".", quote=False)
            items.append(
                "<item>\n"
                f"  <title>{html.escape(title, quote=False)}</title>\n"
                f"  <link>{link}</link>\n"
                f"  <guid isPermaLink=\"false\">{guid}</guid>\n"
                f"  <pubDate>{rfc822(slot['date'])}</pubDate>\n"
                f"  <dc:creator>{story.people[(f + e) % 3][0]}</dc:creator>\n"
                f"  <category>{story.topic.capitalize()}</category>\n"
                f"  <category>{story.country}</category>\n"
                f"  <description>{teaser}</description>\n"
                f"  <content:encoded><![CDATA[{content}]]></content:encoded>\n"
                "</item>\n")
            manifest["entries"] += 1
        newest = max(s["date"] for s in slots[f])
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
            f"<title>{outlet}</title>\n<link>https://{domain}/</link>\n"
            f"<description>News from {outlet}</description>\n<language>en</language>\n"
            f"<lastBuildDate>{rfc822(newest)}</lastBuildDate>\n<ttl>15</ttl>\n"
            + "".join(items) + "</channel>\n</rss>\n")
        path = f"feeds/{f:04d}.xml"
        with open(os.path.join(site, path), "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        manifest["feeds"].append(dict(id=f"feed-{f:04d}", path=path, host=FIRST_HOST + f // FEEDS_PER_HOST,
                                      title=outlet, entries=len(items)))

    # pages: a fifth are the full text of a feed entry (the same story as a page), the rest new
    n_same = min(n_pages // 5, len(page_candidates))
    picks = rng.sample(page_candidates, n_same)
    for p in range(n_pages):
        if p < n_same:
            title, paras, date, story = picks[p]
            title = unique(f"{title} - full report")
        else:
            story = Story(rng, 10_000_000 + p)
            title, paras = unique(story.title(rng)), story.paragraphs(rng)
            date = EPOCH - dt.timedelta(minutes=rng.randint(0, 10 * 24 * 60))
        site_name = outlet_name(5000 + p)
        domain = f"{slug(site_name)}.example"
        author = story.people[0][0]
        path = f"news/{p:04d}-{slug(title)}.html"
        url = f"https://{domain}/{path}"
        ld = json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
            "datePublished": date.strftime("%Y-%m-%dT%H:%M:%SZ"), "dateModified": date.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "author": [{"@type": "Person", "name": author}], "publisher": {"@type": "Organization", "name": site_name},
            "mainEntityOfPage": url, "articleSection": story.topic.capitalize(),
        }, ensure_ascii=False)
        related = "".join(
            f'<li><a href="/news/related-{p}-{k}.html">{html.escape(Story(rng, 20_000_000 + p * 10 + k).title(rng))}</a></li>'
            for k in range(4))
        body = "\n".join(f"      <p>{html.escape(x, quote=False)}</p>" for x in paras)
        esc_title = html.escape(title)
        text = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc_title} | {site_name}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{html.escape(paras[0][:150])}">
  <meta property="og:title" content="{esc_title}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="{url}">
  <meta property="og:site_name" content="{site_name}">
  <meta property="article:published_time" content="{date:%Y-%m-%dT%H:%M:%SZ}">
  <link rel="canonical" href="{url}">
  <link rel="stylesheet" href="/static/site.css">
  <script type="application/ld+json">{ld}</script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">{site_name}</a>
    <nav class="main-nav"><ul>
      <li><a href="/world/">World</a></li><li><a href="/politics/">Politics</a></li>
      <li><a href="/business/">Business</a></li><li><a href="/science/">Science</a></li>
      <li><a href="/sport/">Sport</a></li><li><a href="/culture/">Culture</a></li>
      <li><a href="/opinion/">Opinion</a></li><li><a href="/subscribe/">Subscribe</a></li>
    </ul></nav>
  </header>
  <div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/{story.topic}/">{story.topic.capitalize()}</a></div>
  <main>
    <article class="story">
      <h1 class="headline">{esc_title}</h1>
      <div class="byline">By <span class="author">{html.escape(author)}</span> &middot;
        <time datetime="{date:%Y-%m-%dT%H:%M:%SZ}">{date:%d %B %Y, %H:%M} UTC</time></div>
      <figure><img src="/img/{p:04d}.jpg" alt="{html.escape(story.city)}" width="800" height="450">
        <figcaption>{html.escape(story.city)}, {html.escape(story.country)}. Photo: {site_name}</figcaption></figure>
{body}
      <div class="share">Share this story: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
    </article>
    <aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
  </main>
  <div class="newsletter"><p>Get the morning briefing in your inbox.</p><form><input type="email"><button>Sign up</button></form></div>
  <footer class="site-footer">
    <p>&copy; 2026 {site_name}. All rights reserved.</p>
    <ul><li><a href="/about/">About us</a></li><li><a href="/contact/">Contact</a></li>
      <li><a href="/privacy/">Privacy</a></li><li><a href="/terms/">Terms</a></li></ul>
  </footer>
</body>
</html>
"""
        with open(os.path.join(site, path), "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        manifest["pages"].append(dict(id=f"page-{p:04d}", path=path, host=FIRST_HOST + p, same_as_feed_entry=p < n_same))
    manifest["bytes"] = sum(os.path.getsize(os.path.join(site, x["path"])) for x in manifest["feeds"] + manifest["pages"])
    with open(os.path.join(work, "manifest.json"), "w") as out:
        json.dump(manifest, out, indent=1)
    return manifest


def cmd_site(a):
    os.makedirs(a.work, exist_ok=True)
    with open(__file__, "rb") as f:
        stamp = hashlib.sha256(f.read() + repr((a.feeds, a.entries, a.pages, a.seed)).encode()).hexdigest()
    stamp_path = os.path.join(a.work, "site.stamp")
    if os.path.exists(os.path.join(a.work, "manifest.json")) and os.path.exists(stamp_path) \
            and open(stamp_path).read() == stamp:
        return
    m = write_site(a.work, a.feeds, a.entries, a.pages, a.seed)
    with open(stamp_path, "w") as f:
        f.write(stamp)
    print(f"generated {a.work}/site: {len(m['feeds']):,} feeds ({m['entries']:,} entries: {m['copies']:,} wire copies,"
          f" {m['rewrites']:,} rewrites), {len(m['pages']):,} pages, {m['bytes']:,} bytes", file=sys.stderr)


def cmd_config(a):
    with open(os.path.join(a.work, "manifest.json")) as f:
        m = json.load(f)
    base = lambda host: f"http://127.0.0.{host}:{a.port}/"  # noqa: E731
    lines = [
        "# Written by scripts/bench/make_sources.py for scripts/bench/aggregate.sh; paths are relative to this file.",
        "# robots: false because the generated site has no robots.txt and the peer (reader) does not read it.",
        "title: Aggregation benchmark",
        "baseURL: http://127.0.0.1:8080/",
        "contact: https://github.com/tributary-news/tributary",
        "output: Feeds",
        "database: tributary.sqlite",
        "fetch: { perHostDelay: 0s, perHostConcurrency: 2, robots: false }",
        "retention: { days: 3650, maxPerSource: 1000 }",
        "publish: { window: 3650d }",
        "sources:",
    ]
    urls = []
    for feed in m["feeds"]:
        url = base(feed["host"]) + feed["path"]
        urls.append(url)
        lines.append(f"  - {{ id: {feed['id']}, url: '{url}', kind: feed }}")
    for page in m["pages"]:
        lines.append(f"  - {{ id: {page['id']}, url: '{base(page['host']) + page['path']}', kind: page }}")
    with open(os.path.join(a.work, "tributary.yaml"), "w") as out:
        out.write("\n".join(lines) + "\n")
    with open(os.path.join(a.work, "feeds.list"), "w") as out:
        out.write("\n".join(urls) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("site")
    s.add_argument("work")
    s.add_argument("--feeds", type=int, default=1000)
    s.add_argument("--entries", type=int, default=20)
    s.add_argument("--pages", type=int, default=200)
    s.add_argument("--seed", type=int, default=20261120)
    s.set_defaults(func=cmd_site)
    c = sub.add_parser("config")
    c.add_argument("work")
    c.add_argument("--port", type=int, required=True)
    c.set_defaults(func=cmd_config)
    a = ap.parse_args()
    a.func(a)


if __name__ == "__main__":
    main()
