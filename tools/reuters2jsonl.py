#!/usr/bin/env python3
"""chronicle — tools/reuters2jsonl.py: Reuters-21578 SGML to JSON Lines.

Owns: reading the reut2-NNN.sgm files (Latin-1, SGML entities, one
<REUTERS> element per article) and writing one JSON object per article with
id (NEWID), title, date (YYYY-MM-DD from <DATE>), dateline and text (the
<BODY>, or the <TEXT> content when an article has no body, after the
dateline as the wire printed it), plus its topics.
Articles with no text at all are skipped. Python standard library only.

usage: reuters2jsonl.py [--limit N] DIR_OR_SGM... > OUT.jsonl
"""
import argparse
import html
import json
import os
import re
import sys

MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
ART = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)


def field(tag, s):
    m = re.search(r"<%s\b[^>]*>(.*?)</%s>" % (tag, tag), s, re.S)
    return m.group(1) if m else None


def clean(s):
    """Markup out, entities read. SGML tags go first: "&lt;Acme Corp>" is
    the wire's way of marking a company's name in the text, kept as
    "Acme Corp"."""
    if s is None:
        return None
    s = re.sub(r"&#\d+;", " ", s)  # control characters written as entities
    s = re.sub(r"&lt;((?:[^<>&]|&amp;){1,100})>", r" \1 ", re.sub(r"<[^>]+>", " ", s))
    s = re.sub(r"[ \t]+", " ", html.unescape(s))
    s = s.replace("\r", "")
    s = re.sub(r"\s*\bReuter\s*$", "", s.strip())  # the wire's sign-off
    return s.strip()


def date_of(s):
    m = re.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})", s or "")
    if not m or m.group(2) not in MONTHS:
        return None
    return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2)], int(m.group(1)))


def body_text(body):
    """Re-flow the fixed-width wire text: paragraphs start with an indent."""
    paras, cur = [], []
    for line in body.split("\n"):
        if line.startswith("    ") and cur:
            paras.append(" ".join(cur))
            cur = []
        if line.strip():
            cur.append(line.strip())
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)


def convert(path, out, limit, count):
    with open(path, encoding="latin-1") as f:
        data = f.read()
    for m in ART.finditer(data):
        if limit and count >= limit:
            break
        attrs, inner = m.group(1), m.group(2)
        newid = re.search(r'NEWID="(\d+)"', attrs)
        text_el = field("TEXT", inner) or ""
        body = field("BODY", text_el)
        if body is None:  # brief or unprocessed articles: the text element itself
            body = re.sub(r"<(TITLE|DATELINE)>.*?</\1>", " ", text_el, flags=re.S)
        text = clean(body_text(body))
        if not text:
            continue
        rec = {"id": "reuters-" + (newid.group(1) if newid else str(count + 1))}
        title = clean(field("TITLE", text_el))
        if title:
            rec["title"] = title
        date = date_of(field("DATE", inner))
        if date:
            rec["date"] = date
        dateline = clean(field("DATELINE", text_el))
        if dateline:
            rec["dateline"] = dateline.rstrip(" -")
            # the wire opened its text with it ("HOUSTON, Feb 26 - ..."): it
            # names the day written, which "last night" counts from
            text = rec["dateline"] + " - " + text
        topics = re.findall(r"<D>(.*?)</D>", field("TOPICS", inner) or "")
        if topics:
            rec["topics"] = topics
        rec["text"] = text
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        count += 1
    return count


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="stop after N articles")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    paths = []
    for p in args.inputs:
        if os.path.isdir(p):
            paths += sorted(os.path.join(p, n) for n in os.listdir(p)
                            if re.match(r"reut2-\d+\.sgm$", n))
        else:
            paths.append(p)
    count = 0
    for p in paths:
        count = convert(p, sys.stdout, args.limit, count)
    print("%d articles" % count, file=sys.stderr)


if __name__ == "__main__":
    main()
