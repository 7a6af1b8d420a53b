#!/usr/bin/env python3
"""chronicle — eval/langid_eval.py: language identification of short texts.

Owns: reading the one-line news sentences of tests/time/<lang>_*.txt (the
language is the file's, their second "|" field the sentence), asking
`chronicle tag - --json` for each one's language with no hint, and printing
accuracy per language, what each was taken for, and the mean. One sentence
is the hardest case: whole articles decide on dozens of function words.
Python standard library only.

usage: langid_eval.py [--bin build/chronicle] [--langs es,fr,...] [--show N]
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sentences(lang):
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "time", "%s_*.txt" % lang))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.count("|") < 2:
                    continue
                text = line.split("|")[1].strip()
                if text:
                    yield text


def identify(binary, text):
    p = subprocess.run([binary, "tag", "-", "--json"], input=text.encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        return json.loads(p.stdout)["lang"]
    except (ValueError, KeyError):
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "chronicle"))
    ap.add_argument("--langs", default="es,fr,it,pt,ro,ca")
    ap.add_argument("--show", type=int, default=0, help="print up to N misses per language")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
