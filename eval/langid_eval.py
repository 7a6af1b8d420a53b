#!/usr/bin/env python3
"""chronicle — eval/langid_eval.py: language identification of short texts.

Owns: reading the one-line news sentences of tests/time/*.txt (the
language is the line's "REF LANG" field; a line without one is English,
as tests/unit/test_time.c reads it; the second "|" field is the
sentence), asking
`chronicle tag - --json` for each one's language with no hint, and printing
accuracy per language, what each was taken for, and the mean. One sentence
is the hardest case: whole articles decide on dozens of function words.
Then, when ../shared/bench holds them, the 6,366 headlines of the UCI News
Aggregator sample (English-language outlets, many in title case) go into a
fresh database with no language given, and the share read as English is
printed. Python standard library only.

usage: langid_eval.py [--bin build/chronicle] [--langs es,fr,...] [--show N]
                      [--uci CSV]
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sentences(lang):
    """The sentences of language lang: a line's own language (its first
    field, "REF LANG"); without one the time tests read it as English."""
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "time", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.count("|") < 2:
                    continue
                fields = line.split("|")
                head = fields[0].split()
                if (head[1] if len(head) > 1 else "en") != lang:
                    continue
                text = fields[1].strip()
                if text:
                    yield text


def identify(binary, text):
    p = subprocess.run([binary, "tag", "-", "--json"], input=text.encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        return json.loads(p.stdout)["lang"]
    except (ValueError, KeyError):
        return "?"


def uci_headlines(binary, csv_path, show):
    """Share of the UCI headlines read as English (None when the set is absent)."""
    if not os.path.exists(csv_path):
        print("uci: skipped, %s not found" % csv_path)
        return
    sys.path.insert(0, os.path.join(ROOT, "eval"))
    import stories_eval
    stories_eval.UCI_CSV = csv_path
    docs = stories_eval.load_uci()
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "uci.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for _, _, rec in docs:
                f.write(json.dumps({"id": rec["id"], "text": rec["text"], "date": rec["date"]}) + "\n")
        db = os.path.join(tmp, "uci.db")
        subprocess.run([binary, "--db", db, "--quiet", "ingest", src],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = subprocess.run([binary, "--db", db, "ls", "--json", "--limit", "1000000"],
                             stdout=subprocess.PIPE).stdout
    rows = json.loads(out or b"[]")
    text = {rec["id"]: rec["text"] for _, _, rec in docs}
    got = collections.Counter(r.get("lang") or "?" for r in rows)
    n = len(rows)
    if not n:
        print("uci: no headlines stored")
        return
    others = ", ".join("%s %d" % kv for kv in got.most_common(8) if kv[0] != "en")
    print("English headlines (UCI News Aggregator titles, no hint, chronicle ingest)")
    print("en  %5d headlines  %.3f read as English  (%s)" % (n, got["en"] / n, others or "-"))
    for r in [r for r in rows if r.get("lang") != "en"][:show]:
        print("    %s: %s" % (r.get("lang"), text.get(r.get("ext_id"), "")))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "chronicle"))
    ap.add_argument("--langs", default="en,es,fr,it,pt,ro,ca")
    ap.add_argument("--show", type=int, default=0, help="print up to N misses per language")
    ap.add_argument("--uci", default=os.path.join(
        os.environ.get("CHR_SHARED") or os.path.join(os.path.dirname(ROOT), "shared"),
        "bench", "uci-news-aggregator-partial", "uci-news-aggregator.csv"))
    a = ap.parse_args()
    total = right = 0
    print("language of one sentence, no hint (chronicle tag - --json)")
    for lang in a.langs.split(","):
        got = collections.Counter()
        misses = []
        for text in sentences(lang):
            l = identify(a.bin, text)
            got[l] += 1
            if l != lang and len(misses) < a.show:
                misses.append("    %s: %s" % (l, text))
        n = sum(got.values())
        if not n:
            print("%-3s no sentences" % lang)
            continue
        total += n
        right += got[lang]
        others = ", ".join("%s %d" % kv for kv in got.most_common() if kv[0] != lang)
        print("%-3s %5d sentences  %.3f correct  (%s)" % (lang, n, got[lang] / n, others or "-"))
        for m in misses:
            print(m)
    if total:
        print("all %5d sentences  %.3f correct" % (total, right / total))
    uci_headlines(a.bin, a.uci, a.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
