#!/usr/bin/env python3
# chronicle eval — ML-Crisis timeline summarisation (es, fr and any other
# language folder with references): per topic, ingest its articles with their
# publication dates into a fresh database, ask `chronicle timeline --all` for
# as many dates as the reference has, score with eval/tilse.py; a DATEWISE-
# style baseline computed from the same database is scored beside it.
"""ML-Crisis: chronicle's --all timeline against the reference timelines.

    timeline_eval.py [--bin build/chronicle] [--data DIR] [--work DIR]
                     [--langs es,fr] [--topics egypt,...] [--json FILE]

Protocol (see ../shared/notes/ml-crisis-baselines.md): per topic, T = number
of distinct reference days, K = round(reference sentences / T);
`chronicle timeline --all --json --top T --sentences K` (the interface issue
#7 names; with --all, --top keeps T days, one entry each); date F1 on exact
days; ROUGE-1/2 F (tilse: concat, and align+ m:1 = date-aligned), stop words
kept, Porter stemming. Articles are given to chronicle as JSON Lines with
`id` = <topic>/<pub-date>/<file> and `date` = the folder's date; the
language is left to chronicle to identify.

DATEWISE-style baseline (Gholipour Ghalandari & Ifrim 2020, unsupervised
variant): days ranked by the number of articles whose sentences mention them
(resolved DATE timexes from the same database) plus the articles published
that day; for each chosen day, K sentences by centroid closeness among the
sentences that mention the day (or, lacking those, were published on it),
skipping near-repeats.
"""

import argparse
import collections
import datetime
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import tilse  # noqa: E402

DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WORD_RE = re.compile(r"\w+", re.UNICODE)


def reference_stats(path):
    tl = tilse.read_timeline(path)
    n_sent = sum(len(v) for v in tl.values())
    t = len(tl)
    k = max(1, int(round(n_sent / t))) if t else 1
    return tl, t, k


def read_text(path):
    """An article's text: UTF-8 (a BOM dropped), else Windows-1252, as
    `chronicle ingest` reads a text file."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.lstrip("\ufeff")


def write_jsonl(topic_dir, topic, out):
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for day in sorted(os.listdir(topic_dir)):
            if not DAY_RE.match(day):
                continue
            dd = os.path.join(topic_dir, day)
            for name in sorted(os.listdir(dd)):
                if not name.endswith(".txt"):
                    continue
                text = read_text(os.path.join(dd, name))
                f.write(json.dumps({"id": "%s/%s/%s" % (topic, day, name), "date": day,
                                    "text": text}, ensure_ascii=False) + "\n")
                n += 1
    return n


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode,
                                                    p.stderr.decode(errors="replace")[-500:]))
    return p.stdout


# --------------------------------------------------------------------------
# DATEWISE-style baseline over the database chronicle filled

def _toks(s):
    return [w.lower() for w in WORD_RE.findall(s) if len(w) > 2 and not w.isdigit()]


def datewise(db_path, t, k):
    db = sqlite3.connect(db_path)
    arts = {}
    for aid, pd, text in db.execute("SELECT id, pub_date, clean_text FROM articles"):
        arts[aid] = (pd, text.encode("utf-8"))
    sents = collections.defaultdict(list)  # article -> [(start, end)]
    for aid, s, e in db.execute("SELECT article_id, start, end FROM sentences ORDER BY article_id, idx"):
        sents[aid].append((s, e))
    mention_arts = collections.defaultdict(set)
    cand = collections.defaultdict(list)  # day -> [sentence text]
    dated_sent = set()
    for aid, sidx, value in db.execute(
            "SELECT article_id, sentence, value FROM timexes WHERE type IN ('DATE','TIME')"):
        day = value[:10]
        if not DAY_RE.match(day) or aid not in arts or sidx >= len(sents[aid]):
            continue
        mention_arts[day].add(aid)
        s, e = sents[aid][sidx]
        cand[day].append(arts[aid][1][s:e].decode("utf-8", "replace"))
        dated_sent.add((aid, sidx))
    pub = collections.Counter()
    published = collections.defaultdict(list)
    for aid, (pd, text) in arts.items():
        if not pd:
            continue
        pub[pd] += 1
        for i, (s, e) in enumerate(sents[aid][:5]):
            if (aid, i) not in dated_sent:
                published[pd].append(text[s:e].decode("utf-8", "replace"))
    score = collections.Counter()
    for d, a in mention_arts.items():
        score[d] += len(a)
    for d, c in pub.items():
        score[d] += c
    days = [d for d, _ in sorted(score.items(), key=lambda x: (-x[1], x[0]))[:t]]
    # document frequencies over all candidate sentences, for tf-idf
    df = collections.Counter()
    all_c = [s for d in days for s in (cand.get(d) or published.get(d) or [])]
    for s in all_c:
        df.update(set(_toks(s)))
    n_docs = max(1, len(all_c))

    def vec(s):
        tf = collections.Counter(_toks(s))
        v = {w: c * math.log(1 + n_docs / (1 + df[w])) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    def cos(a, b):
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(w, 0.0) for w, x in a.items())

    tl = {}
    for d in days:
        pool = cand.get(d) or published.get(d) or []
        pool = list(dict.fromkeys(" ".join(s.split()) for s in pool))
        pool = [s for s in pool if 5 <= len(s.split()) <= 60] or pool
        if not pool:
            continue
        vs = [vec(s) for s in pool]
        cen = collections.Counter()
        for v in vs:
            cen.update(v)
        cn = math.sqrt(sum(x * x for x in cen.values())) or 1.0
        cen = {w: x / cn for w, x in cen.items()}
        order = sorted(range(len(pool)), key=lambda i: -cos(vs[i], cen))
        chosen = []
        for i in order:
            if len(chosen) == k:
                break
            if any(cos(vs[i], vs[j]) > 0.5 for j in chosen):
                continue
            chosen.append(i)
        tl[datetime.date.fromisoformat(d)] = [pool[i] for i in chosen]
    return tl


# --------------------------------------------------------------------------

def score(pred, ref):
    res = tilse.evaluate(pred, [ref], metrics=("concat", "align+m:1"))
    return {
        "date_f1": res["date"]["f_score"],
        "concat_r1": res["concat"]["rouge_1"]["f_score"],
        "concat_r2": res["concat"]["rouge_2"]["f_score"],
        "align_r1": res["align+m:1"]["rouge_1"]["f_score"],
        "align_r2": res["align+m:1"]["rouge_2"]["f_score"],
    }


COLS = ("date_f1", "concat_r1", "concat_r2", "align_r1", "align_r2")


def note(msg):
    """A topic left out, said on stderr (the table stays on stdout)."""
    sys.stdout.flush()
    print("timeline_eval.py: " + msg, file=sys.stderr)


def fmt_row(name, r):
    return "%-18s" % name + "".join("  %9.4f" % r[c] for c in COLS)


def mean(rows):
    return {c: sum(r[c] for r in rows) / len(rows) for c in COLS} if rows else None


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)


def add_data_args(ap):
    """--bin, --data and --work, as this driver and date_rank_study.py take them."""
    root = os.path.normpath(os.path.join(HERE, ".."))
    ap.add_argument("--bin", default=os.environ.get("CHR_BIN", os.path.join(root, "build", "chronicle")))
    ap.add_argument("--data", default=os.environ.get(
        "CHR_MLCRISIS", os.path.join(root, "..", "shared", "bench", "timeline", "ml-crisis-cltls")))
    ap.add_argument("--work", default=os.path.join(root, "build", "eval", "timeline"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_args(ap)
    ap.add_argument("--langs", help="comma list (default: every language with references and articles)")
    ap.add_argument("--topics", help="comma list (default: all)")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--json", help="write all scores to this file")
    a = ap.parse_args(argv)
    if not os.path.isdir(a.data):
        print("timeline_eval.py: no ML-Crisis data at %s (skipped)" % a.data, file=sys.stderr)
        return 0
    os.makedirs(a.work, exist_ok=True)
    langs = a.langs.split(",") if a.langs else sorted(
        l for l in os.listdir(a.data)
        if os.path.isdir(os.path.join(a.data, l, "reference"))
        and any(os.path.isdir(os.path.join(a.data, l, t)) and t != "reference"
                for t in os.listdir(os.path.join(a.data, l))))
    for l in langs:
        if not os.path.isdir(os.path.join(a.data, l)):
            print("timeline_eval.py: no language folder %s in %s" % (l, a.data), file=sys.stderr)
            return 2
    results = {}
    print("ML-Crisis timelines: T dates = reference days, K = sentences per day; "
          "ROUGE F, tilse concat and align+ m:1, stop words kept")
    print("%-18s" % "topic" + "".join("  %9s" % c for c in COLS) + "     T  K  articles  secs")
    for lang in langs:
        ours_rows, base_rows = [], []
        topics = sorted(t for t in os.listdir(os.path.join(a.data, lang))
                        if t != "reference" and os.path.isdir(os.path.join(a.data, lang, t)))
        if a.topics:
            topics = [t for t in topics if t in a.topics.split(",")]
        refs = os.path.join(a.data, lang, "reference")
        for name in sorted(os.listdir(refs)) if os.path.isdir(refs) else []:
            if name.endswith(".txt") and name[:-4] not in topics and (
                    not a.topics or name[:-4] in a.topics.split(",")):
                note("%s/%s: a reference without articles (skipped)" % (lang, name[:-4]))
        for topic in topics:
            name = "%s/%s" % (lang, topic)
            ref_path = os.path.join(refs, topic + ".txt")
            if not os.path.exists(ref_path):
                note("%s: no reference %s (skipped)" % (name, ref_path))
                continue
            ref, t, k = reference_stats(ref_path)
            if t == 0:
                note("%s: the reference has no dated entry (skipped)" % name)
                continue
            jl = os.path.join(a.work, "%s_%s.jsonl" % (lang, topic))
            db = os.path.join(a.work, "%s_%s.db" % (lang, topic))
            n_art = write_jsonl(os.path.join(a.data, lang, topic), topic, jl)
            if n_art == 0:
                note("%s: no article in YYYY-MM-DD/*.txt folders (skipped)" % name)
                continue
            for suf in ("", "-wal", "-shm"):
                if os.path.exists(db + suf):
                    os.remove(db + suf)
            t0 = time.time()
            run([a.bin, "--db", db, "--quiet", "ingest", jl])
            out = run([a.bin, "--db", db, "timeline", "--all", "--json",
                       "--top", str(t), "--sentences", str(k)])
            secs = time.time() - t0
            pred = tilse.from_chronicle_json(json.loads(out.decode("utf-8")))
            r = score(pred, ref)
            ours_rows.append(r)
            print(fmt_row(name, r) + "  %4d %2d  %8d  %4.1f" % (t, k, n_art, secs))
            entry = {"chronicle": r, "T": t, "K": k, "articles": n_art, "seconds": secs}
            if not a.no_baseline:
                b = score(datewise(db, t, k), ref)
                base_rows.append(b)
                print(fmt_row("  datewise", b))
                entry["datewise"] = b
            results[name] = entry
        if ours_rows:
            m = mean(ours_rows)
            print(fmt_row("%s mean" % lang, m))
            results["%s/mean" % lang] = {"chronicle": m}
            if base_rows:
                mb = mean(base_rows)
                print(fmt_row("  datewise", mb))
                results["%s/mean" % lang]["datewise"] = mb
    allr = [v["chronicle"] for k_, v in results.items() if not k_.endswith("/mean")]
    if allr:
        print(fmt_row("all mean", mean(allr)))
        results["all/mean"] = {"chronicle": mean(allr)}
        allb = [v["datewise"] for k_, v in results.items()
                if not k_.endswith("/mean") and "datewise" in v]
        if allb:
            print(fmt_row("  datewise", mean(allb)))
            results["all/mean"]["datewise"] = mean(allb)
    if a.json:
        write_json(a.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
