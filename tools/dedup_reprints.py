#!/usr/bin/env python3
"""chronicle — tools/dedup_reprints.py: a near-duplicate test set from examples/.

Owns: turning every article of examples/ (text files and wire.jsonl) into
itself plus several reprints such as syndication produces — another outlet's
boilerplate around it, a new headline, the last paragraph trimmed, a few
words changed, an editor's note added — written as one JSON Lines file with
the gold group of each line (the original's id) in the "group" field.
Deterministic for a given --seed. Python standard library only.

usage: dedup_reprints.py [--examples DIR] [--variants N] [--seed S] OUT.jsonl
"""
import argparse
import json
import os
import random
import re

OUTLETS = ["The Lesna Herald", "Coastal Gazette", "Morning Courier", "Daily Ledger",
           "Valley Tribune", "Metro Wire", "The Evening Post", "Harbour Times"]
SECTIONS = ["World", "Business", "Politics", "Europe", "News", "Top stories"]
FOOTERS = [
    "Share this article\nFacebook Twitter Email",
    "Copyright {year} {outlet}. All rights reserved.",
    "Sign up for our newsletter to get the day's top stories.",
    "Related: More from {section}",
    "This article was first published by our partners and is republished with permission.",
]
HEADERS = [
    "{outlet} | {section} | {date}",
    "By {outlet} staff",
    "{outlet} - {section}",
    "Advertisement",
]
NOTES = [
    "Editor's note: this story has been updated with new information.",
    "UPDATED with official figures.",
    "This is a developing story.",
]
# light rewrites an editor might make
SYNONYMS = [("said", "stated"), ("on Monday", "Monday"), ("percent", "per cent"),
            ("told reporters", "told journalists"), ("would", "will"), ("about", "around"),
            ("however", "but"), ("announced", "said"), ("officials", "authorities")]


def load_examples(folder):
    """[(id, title, date, text)] of the example corpus."""
    docs = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".txt"):
            with open(path, encoding="utf-8") as f:
                raw = f.read()
            date = None
            m = re.match(r"^ date (\d{4}-\d{2}-\d{2})[ \n]", raw)
            if m:
                date, raw = m.group(1), raw[m.end():]
            docs.append((name[:-4], None, date, raw.strip()))
        elif name.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    rec = json.loads(line)
                    docs.append((rec["id"], rec.get("title"), (rec.get("date") or "")[:10] or None,
                                 rec["text"].strip()))
    return docs


def manifest_groups(folder):
    """id -> id of the article it is a near-duplicate of, from MANIFEST.tsv
    notes ("near-duplicate of visit-04-reuters-agreements.txt")."""
    groups = {}
    path = os.path.join(folder, "MANIFEST.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                m = re.search(r"near-duplicate of (\S+?)(?:\.txt)?[:;,\s]", cols[-1] + " ")
                if not line.startswith("#") and len(cols) >= 4 and m:
                    groups[re.sub(r"\.txt$", "", cols[0])] = m.group(1)
    return groups


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def new_headline(rng, text):
    """A headline of the reprinting outlet: the lead sentence's first words."""
    lead = re.split(r"(?<=[.!?])\s", paragraphs(text)[0])[0]
    lead = re.sub(r"^[A-Z ,.()/-]{3,}?(?:\(\w+\)|--|-|—)\s*", "", lead)  # drop a dateline
    words = lead.split()
    return " ".join(words[:rng.randint(6, 11)]).rstrip(",;:") or "Update"


def rewrite(rng, text, max_changes):
    changes = 0
    for a, b in rng.sample(SYNONYMS, len(SYNONYMS)):
        if changes >= max_changes:
            break
        if re.search(r"\b%s\b" % re.escape(a), text):
            text = re.sub(r"\b%s\b" % re.escape(a), b, text, count=1)
            changes += 1
    return text


def variant(rng, kind, doc, k):
    doc_id, title, date, text = doc
    outlet, section = rng.choice(OUTLETS), rng.choice(SECTIONS)
    fill = {"outlet": outlet, "section": section, "date": date or "today",
            "year": (date or "2025")[:4]}
    paras = paragraphs(text)
    body = list(paras)
    head = None
    if kind in ("boilerplate", "all"):
        body = [rng.choice(HEADERS).format(**fill)] + body + [rng.choice(FOOTERS).format(**fill)]
    if kind in ("trim", "all", "trim_headline") and len(paras) > 2:
        body = [p for p in body if p != paras[-1]]
    if kind in ("headline", "trim_headline", "all"):
        head = new_headline(rng, text)
    if kind in ("rewrite", "all"):  # a few words changed in every paragraph
        body = [rewrite(rng, p, 2) for p in body]
    if kind == "note":
        body = [rng.choice(NOTES)] + body
    rec = {"id": "%s-r%d" % (doc_id, k), "group": doc_id, "variant": kind,
           "text": "\n\n".join(body)}
    if head:
        rec["title"] = head
    elif title:
        rec["title"] = title
    if date:
        rec["date"] = date
    return rec


KINDS = ["boilerplate", "trim", "headline", "trim_headline", "rewrite", "note", "all"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", default=os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples"))
    ap.add_argument("--variants", type=int, default=len(KINDS))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("out")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = load_examples(args.examples)
    groups = manifest_groups(args.examples)
    recs = []
    for doc in docs:
        group = groups.get(doc[0], doc[0])
        orig = {"id": doc[0], "group": group, "variant": "original", "text": doc[3]}
        if doc[1]:
            orig["title"] = doc[1]
        if doc[2]:
            orig["date"] = doc[2]
        recs.append(orig)
        for k in range(args.variants):
            rec = variant(rng, KINDS[k % len(KINDS)], doc, k + 1)
            rec["group"] = group
            recs.append(rec)
    # originals first (the canonical is the first seen), reprints shuffled
    originals = [r for r in recs if r["variant"] == "original"]
    reprints = [r for r in recs if r["variant"] != "original"]
    rng.shuffle(reprints)
    with open(args.out, "w", encoding="utf-8") as f:
        for r in originals + reprints:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("%d originals, %d reprints -> %s" % (len(originals), len(reprints), args.out))


if __name__ == "__main__":
    main()
