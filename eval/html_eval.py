#!/usr/bin/env python3
"""chronicle — article-extraction evaluation (make eval-html).

Runs the C extractor (build/html_extract) over DIR/html/*.html.gz and scores
its text against DIR/ground-truth.json the way the benchmark's evaluate.py
does: texts split on \\w+, 4-word shingles counted as a multiset, per-page
TP/FP/FN normalised to sum 1, precision and recall averaged over pages, F1 of
the two averages; accuracy = share of pages whose token lists are equal.

It also measures publication dates: a page "states a date" when a check
independent of the C code finds one: meta/itemprop date fields, JSON-LD
datePublished/dateCreated, <time datetime>, a /YYYY/MM/DD/ or /YYYY/mon/DD/
URL, or a date printed after a publication keyword ("Published", "publiziert
am", "Publicado", "기사입력"...) in the visible text. We report the share of
those pages for which the extractor returned a date, and the share where
that date equals one the page states. Python standard library only.
"""
import argparse
import collections
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys

TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text):
    return TOKEN.findall(text or "")


def shingles(text, n=4):
    t = tokens(text)
    out = collections.Counter()
    for i in range(max(1, len(t) - n + 1)):
        s = tuple(t[i:i + n])
        if s:
            out[s] += 1
    return out


def tp_fp_fn(true, pred):
    a, b = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for k in set(a) | set(b):
        x, y = a.get(k, 0), b.get(k, 0)
        tp += min(x, y)
        fp += max(0, y - x)
        fn += max(0, x - y)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics(triples):
    p = statistics.mean([precision(*t) for t in triples if t[0] + t[1] > 0])
    r = statistics.mean([recall(*t) for t in triples if t[0] + t[2] > 0])
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


# ---- dates the page states, found independently of the C code ----------

DATE_KEYS = re.compile(
    r"(publish|pubdate|datePublished|date\.issued|dc\.date|sailthru\.date|"
    r"parsely-pub-date|article:published|dateCreated|^date$|displaydate|"
    r"publication_date|citation_date|ptime)", re.I)
META = re.compile(r"<meta\b[^>]*>", re.I | re.S)
ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.S)
ISO = re.compile(r"((?:19|20)\d\d)[-/.]?(\d\d)[-/.]?(\d\d)")
LD = re.compile(r'"(?:datePublished|dateCreated)"\s*:\s*"([^"]+)"')
TIME = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']?([^\"'>\s]+)", re.I)
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/_-](\d\d)[/_-](\d\d)(?:[/_.-]|$)")


def iso_of(s):
    m = ISO.search(s or "")
    if not m:
        return None
    y, mo, d = m.groups()
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return None
    return "%s-%s-%s" % (y, mo, d)


MONTHS = {m: i + 1 for i, names in enumerate([
    "jan january janvier januar enero gennaio janeiro", "feb february fevrier februar febrero febbraio fevereiro",
    "mar march mars marz marzo marco", "apr april avril abril aprile",
    "may mai mayo maggio maio", "jun june juin juni junio giugno junho",
    "jul july juillet juli julio luglio julho", "aug august aout agosto",
    "sep sept september septembre septiembre settembre setembro",
    "oct october octobre oktober octubre ottobre outubro",
    "nov november novembre noviembre novembro", "dec december decembre dezember diciembre dicembre dezembro"])
    for m in names.split()}
URL_MONTH = re.compile(r"/((?:19|20)\d\d)/([a-z]{3,9})/(\d\d?)/", re.I)
KEYWORD = re.compile(r"(published|posted|updated|publiziert|ver[öo]ffentlicht|publi[ée]|publicado|"
                     r"pubblicato|기사입력|입력|date)\W{0,20}$", re.I)
VIS_NUM = re.compile(r"((?:19|20)\d\d)[-./](\d\d?)[-./](\d\d?)|(\d\d?)[./](\d\d?)[./]((?:19|20)\d\d)")
VIS_TXT = re.compile(r"(\d\d?)\.? ([^\W\d_]{3,9})\.?,? ((?:19|20)\d\d)|([^\W\d_]{3,9})\.? (\d\d?),? ((?:19|20)\d\d)")
TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


def fold(w):
    return (w.lower().replace("é", "e").replace("è", "e").replace("û", "u").replace("ä", "a")
            .replace("ç", "c"))


def ymd(y, m, d):
    y, m, d = int(y), int(m), int(d)
    if 1 <= m <= 12 and 1 <= d <= 31:
        return "%04d-%02d-%02d" % (y, m, d)
    return None


def visible_dates(html):
    """Dates printed after a publication keyword ("Published", "publiziert
    am", "기사입력") in the visible text; both orders for a/b/yyyy."""
    text = re.sub(r"\s+", " ", TAGS.sub(" ", html))
    out = set()
    for rx in (VIS_NUM, VIS_TXT):
        for m in rx.finditer(text):
            if not KEYWORD.search(text[max(0, m.start() - 40):m.start()]):
                continue
            g = m.groups()
            if rx is VIS_NUM:
                cands = [ymd(*g[:3])] if g[0] else [ymd(g[5], g[4], g[3]), ymd(g[5], g[3], g[4])]
            else:
                if g[0]:
                    mo = MONTHS.get(fold(g[1]))
                    cands = [ymd(g[2], mo, g[0])] if mo else []
                else:
                    mo = MONTHS.get(fold(g[3]))
                    cands = [ymd(g[5], mo, g[4])] if mo else []
            out.update(c for c in cands if c)
    return out


def stated_dates(html, url):
    found = set()
    for tag in META.findall(html):
        attrs = {k.lower(): v.strip("\"'") for k, v in ATTR.findall(tag)}
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
        if key and DATE_KEYS.search(key) and "modified" not in key.lower():
            d = iso_of(attrs.get("content", ""))
            if d:
                found.add(d)
    for v in LD.findall(html):
        d = iso_of(v)
        if d:
            found.add(d)
    for v in TIME.findall(html):
        d = iso_of(v)
        if d:
            found.add(d)
    m = URL_DATE.search(url or "")
    if m:
        found.add("%s-%s-%s" % m.groups())
    m = URL_MONTH.search(url or "")
    if m and MONTHS.get(m.group(2).lower()):
        found.add(ymd(m.group(1), MONTHS[m.group(2).lower()], m.group(3)))
    found.update(visible_dates(html))
    found.discard(None)
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/html_extract")
    ap.add_argument("--dir", default="../shared/bench/article-extraction")
    ap.add_argument("--n-bootstrap", type=int, default=1000)
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    ap.add_argument("--dump", help="write predictions as JSON here")
    args = ap.parse_args()
    gt_path = os.path.join(args.dir, "ground-truth.json")
    if not os.path.exists(gt_path):
        print("skip: no benchmark at %s" % args.dir)
        return 0
    with open(gt_path, encoding="utf8") as f:
        truth = json.load(f)
    keys = sorted(truth)
    files = [os.path.join(args.dir, "html", k + ".html.gz") for k in keys]
    out = subprocess.run([args.bin] + files, check=True, stdout=subprocess.PIPE).stdout
    pred = {}
    for line in out.decode("utf8").splitlines():
        o = json.loads(line)
        pred[os.path.basename(o["file"])[:-len(".html.gz")]] = o
    triples, acc, rows = [], [], []
    for k in keys:
        t = truth[k].get("articleBody", "")
        p = pred[k].get("text") or ""
        tr = tp_fp_fn(t, p)
        triples.append(tr)
        acc.append(float(tokens(t) == tokens(p)))
        rows.append((k, precision(*tr), recall(*tr)))
    m = metrics(triples)
    m["accuracy"] = statistics.mean(acc)
    rnd = random.Random(0)
    boot = collections.defaultdict(list)
    for _ in range(args.n_bootstrap):
        idx = [rnd.randrange(len(keys)) for _ in keys]
        bm = metrics([triples[i] for i in idx])
        bm["accuracy"] = statistics.mean([acc[i] for i in idx])
        for key, v in bm.items():
            boot[key].append(v)
    std = {key: statistics.stdev(v) for key, v in boot.items()}
    print("article extraction: %d pages from %s" % (len(keys), args.dir))
    print("  %-10s %-14s %-14s %-14s %s" % ("", "F1", "precision", "recall", "accuracy"))
    print("  %-10s %.3f ± %.3f  %.3f ± %.3f  %.3f ± %.3f  %.3f ± %.3f" % (
        "chronicle", m["f1"], std["f1"], m["precision"], std["precision"], m["recall"],
        std["recall"], m["accuracy"], std["accuracy"]))
    print("  %-10s %-14s %-14s %-14s %s" % ("trafilatura 2.0.0", "0.958", "0.938", "0.978", "0.293"))

    # Dates.
    stating = found = agree = 0
    for k in keys:
        with gzip.open(os.path.join(args.dir, "html", k + ".html.gz"), "rt",
                       encoding="utf8", errors="replace") as f:
            html = f.read()
        st = stated_dates(html, truth[k].get("url"))
        if not st:
            continue
        stating += 1
        d = pred[k].get("pub_date")
        if d:
            found += 1
            agree += d in st
    n = len(keys)
    print("dates: %d of %d pages state a date; found for %d (%.1f%%), equal to a stated one"
          " for %d (%.1f%%); pages with any date: %d" % (
              stating, n, found, 100.0 * found / max(1, stating), agree,
              100.0 * agree / max(1, stating),
              sum(1 for k in keys if pred[k].get("pub_date"))))
    if args.worst:
        rows.sort(key=lambda r: 2 * r[1] * r[2] / (r[1] + r[2]) if r[1] + r[2] else 0)
        for k, p, r in rows[:args.worst]:
            print("  worst %s P=%.2f R=%.2f %s" % (k[:12], p, r, truth[k].get("url", "")))
    if args.dump:
        with open(args.dump, "w", encoding="utf8") as f:
            json.dump(pred, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
