#!/usr/bin/env python3
"""chronicle — eval/stories_eval.py: score story clustering and near-duplicates.

Owns: turning the labelled sets (DUC 2004 task 2 folders, UCI News Aggregator
headlines) into one mixed JSON Lines file, running chronicle on it in a fresh
database, reading `stories --json`, and the scores: pairwise P/R/F1 over
document pairs, BCubed P/R/F1 (Bagga & Baldwin 1998, Amigo et al. 2009) and
the adjusted Rand index (Hubert & Arabie 1985), for shuffled ingest orders
and for the set as stored (DUC folder after folder, UCI in time order: what
ingesting the folder or file gives). Also the agreement of two
ingest orders, and the scikit-learn peer (eval/peer_sklearn.py) when
importable. With --set dedup: the near-duplicate groups found in the reprint
set of tools/dedup_reprints.py, scored the same pairwise way (precision and
recall of "same duplicate group" over article pairs). With --set reuters
(also part of all): Reuters-21578 in file order, which has no story labels:
how large the largest stories grow and their topic purity (the share of
labelled articles whose first TOPICS label is their story's most common
one), a check that stories do not chain a whole field into one; and, as a
diagnostic, the pairwise precision of its results and dividend reports with
the company as label (reuters_companies: templated reports of different
companies are different developments). Python standard library only.

usage: stories_eval.py [--set duc|uci|reuters|all|dedup] [--engine chronicle|bench]
                       [--orders N] [--no-peer] [--json OUT]
"""
import argparse
import collections
import csv
import datetime
import html
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("CHR_SHARED", os.path.join(ROOT, "..", "shared"))
DUC_DIR = os.environ.get("CHR_DUC_DOCS") or os.path.join(SHARED, "bench/duc2004/usmanniazi/DUC2004_Summarization_Documents/"
                       "duc2004_testdata/tasks1and2/duc2004_tasks1and2_docs/docs")
UCI_CSV = os.environ.get("CHR_UCI_CSV") or os.path.join(SHARED, "bench/uci-news-aggregator-partial/uci-news-aggregator.csv")
REUTERS_DIR = os.path.join(SHARED, "bench/corpus-reuters21578")


# ---- data sets: lists of (doc_id, gold_label, record) ----

def load_duc():
    docs = []
    for cluster in sorted(os.listdir(DUC_DIR)):
        folder = os.path.join(DUC_DIR, cluster)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                text = f.read().strip()
            docs.append(("duc/%s/%s" % (cluster, name), "duc" + cluster,
                         {"id": "duc-%s-%s" % (cluster, name), "text": text}))
    return docs


def load_uci():
    docs = []
    with open(UCI_CSV, encoding="utf-8", errors="replace", newline="") as f:
        lines = f.read().split("\n")
    # the last line of the partial file is cut short: drop it when it does
    # not hold every column (and trailing empty lines)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        header = next(csv.reader(lines[:1]))
        last = next(csv.reader(lines[-1:]), [])
        if len(last) != len(header) or not last[-1].strip().isdigit():
            lines.pop()
    for row in csv.DictReader(lines):
        if not row.get("STORY") or not row.get("TITLE"):
            continue
        ts = int(row["TIMESTAMP"]) / 1000.0
        date = datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%d")
        docs.append(("uci/" + row["ID"], "uci" + row["STORY"],
                     {"id": "uci-" + row["ID"], "text": row["TITLE"], "date": date}))
    return docs


def load_reuters():
    """Reuters-21578 through tools/reuters2jsonl.py; gold = first topic or None."""
    out = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "reuters2jsonl.py"),
                          REUTERS_DIR], check=True, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL).stdout
    docs = []
    for line in out.decode("utf-8").splitlines():
        rec = json.loads(line)
        topics = rec.pop("topics", None)
        docs.append((rec["id"], topics[0] if topics else None, rec))
    return docs


# Words that make a Reuters title a results or dividend report, and the words
# that end the company's name in one ("NL INDUSTRIES INC <NL> 1ST QTR NET",
# "HEALTH-MOR INC SETS DIVIDEND").
REPORT_WORDS = set("QTR QTRLY QTLY QUARTERLY YEAR NET LOSS PROFIT SHR MTHS MONTHS DIVIDEND DIV "
                   "PAYOUT DISTRIBUTION EARNINGS RESULTS".split())
NAME_ENDS = set("QTR 1ST 2ND 3RD 4TH FIRST SECOND THIRD FOURTH YEAR YEAR-END FISCAL SETS QTRLY "
                "QTLY QUARTERLY SIX NINE NET LOSS SHR PAYOUT DIVIDEND RAISES INCREASES CUTS OMITS "
                "DECLARES REPORTS".split())
NAME_SUFFIXES = {"INC", "CORP", "CO", "LTD", "PLC", "CORPORATION", "COMPANY", "COS"}


def reuters_companies():
    """reuters-NEWID -> company, for the articles whose raw title reads like a
    results or dividend report: the title's words before the wire's ticker
    mark ("&lt;MMCT>"), else before the first of NAME_ENDS; at most six
    words, legal suffixes dropped ("NL INDUSTRIES INC" = "NL INDUSTRIES").
    Reuters-21578 has no company labels; this is a heuristic label for a
    diagnostic: different companies' reports are different developments."""
    out = {}
    for name in sorted(os.listdir(REUTERS_DIR)):
        if not (name.startswith("reut2-") and name.endswith(".sgm")):
            continue
        with open(os.path.join(REUTERS_DIR, name), encoding="latin-1") as f:
            data = f.read()
        for m in re.finditer(r'<REUTERS\b[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', data, re.S):
            t = re.search(r"<TITLE>(.*?)</TITLE>", m.group(2), re.S)
            if not t:
                continue
            raw = " ".join(t.group(1).split())
            if not set(re.findall(r"[A-Z0-9-]+", html.unescape(raw))) & REPORT_WORDS:
                continue
            if "&lt;" in raw:
                words = raw.split("&lt;")[0].split()
            else:
                words = raw.split()
                k = next((i for i, w in enumerate(words) if w in NAME_ENDS), None)
                if k is None:
                    continue
                words = words[:k]
            words = re.sub(r"[^A-Z0-9&' .-]", " ", html.unescape(" ".join(words)).upper()).split()
            while words and words[-1] in NAME_SUFFIXES:
                words.pop()
            if 1 <= len(words) <= 6:
                out["reuters-" + m.group(1)] = " ".join(words)
    return out


def company_report(pred, companies):
    """Pairwise and BCubed precision of the stories of the report articles
    with the company as label (only pairs of two report articles count)."""
    s = scores({d: pred[d] for d in companies if d in pred}, companies)
    ids, table, a, _ = contingency(pred, companies)
    return {"reports": s["docs"], "companies": s["gold_clusters"],
            "pairwise_p": s["pairwise_p"], "pairwise_r": s["pairwise_r"],
            "bcubed_p": s["bcubed_p"], "pairs": sum(comb2(v) for v in a.values()),
            "largest": max(a.values()) if a else 0}


def reuters_report(pred, docs):
    """Sizes of the largest stories and topic purity of the labelled articles."""
    members = collections.defaultdict(list)
    for doc_id, topic, _ in docs:
        members[pred[doc_id]].append(topic)
    sizes = sorted((len(m) for m in members.values()), reverse=True)
    labelled = agree = 0
    for m in members.values():
        t = [x for x in m if x]
        if t:
            labelled += len(t)
            agree += collections.Counter(t).most_common(1)[0][1]
    return {"docs": len(docs), "stories": len(sizes), "largest": sizes[:5],
            "largest_share": sizes[0] / len(docs) if sizes else 0,
            "topic_purity": agree / labelled if labelled else 0, "labelled": labelled}


# ---- metrics (published definitions, no library) ----

def comb2(n):
    return n * (n - 1) // 2


def contingency(pred, gold):
    ids = [i for i in gold if i in pred]
    table = collections.Counter((pred[i], gold[i]) for i in ids)
    a = collections.Counter(pred[i] for i in ids)
    b = collections.Counter(gold[i] for i in ids)
    return ids, table, a, b


def prf(p, r):
    return (2 * p * r / (p + r)) if p + r > 0 else 0.0


def scores(pred, gold):
    """pred, gold: dict doc -> label. Scores over the docs in gold."""
    ids, table, a, b = contingency(pred, gold)
    n = len(ids)
    tp = sum(comb2(v) for v in table.values())
    pp = sum(comb2(v) for v in a.values())
    gp = sum(comb2(v) for v in b.values())
    pw_p = tp / pp if pp else 1.0
    pw_r = tp / gp if gp else 1.0
    # BCubed: per item, over the items of its predicted / gold cluster
    bp = sum(table[(pred[i], gold[i])] / a[pred[i]] for i in ids) / n
    br = sum(table[(pred[i], gold[i])] / b[gold[i]] for i in ids) / n
    # adjusted Rand index
    expected = pp * gp / comb2(n) if n > 1 else 0
    max_index = (pp + gp) / 2
    ari = (tp - expected) / (max_index - expected) if max_index != expected else 1.0
    return {"docs": n, "clusters": len(a), "gold_clusters": len(b),
            "pairwise_p": pw_p, "pairwise_r": pw_r, "pairwise_f1": prf(pw_p, pw_r),
            "bcubed_p": bp, "bcubed_r": br, "bcubed_f1": prf(bp, br), "ari": ari}


def gold_days(docs, pred, gold):
    """For a dated set: how many gold stories lie within one publication day,
    and the scores of pred with each story cut at day boundaries. A gold
    labelling by (development, day) asks for what chronicle's stories are
    not: one story follows a development over days (the five samples span
    three weeks). None when the set has no dates."""
    day = {d: rec.get("date") for d, _, rec in docs}
    if not any(day.values()):
        return None
    spans = collections.defaultdict(set)
    for d, g in gold.items():
        spans[g].add(day[d])
    one_day = sum(1 for v in spans.values() if len(v) == 1)
    return one_day, scores({d: (c, day.get(d)) for d, c in pred.items()}, gold)


# ---- engines ----

def write_jsonl(docs, path):
    with open(path, "w", encoding="utf-8") as f:
        for _, _, rec in docs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


WORD_RE = re.compile(r"[0-9A-Za-z\u0080-\U0010ffff]+")
COMMON_TITLE_WORDS = set("said says with from that this will have more been were they their over "
                         "into after about news".split())


def titled_identity(title, text):
    """Whether chronicle identifies a text with its title (src/clean.c
    identify): fewer than 20 words (CHR_SHORT_TEXT_WORDS) sharing no word of
    four letters or more, not among the commonest, with the title."""
    words = WORD_RE.findall(text)
    if len(words) >= 20:
        return False
    have = set(w.lower() for w in words)
    return not any(len(w) >= 4 and w.lower() not in COMMON_TITLE_WORDS and w.lower() in have
                   for w in WORD_RE.findall(title))


def exact_copies(docs):
    """line (1-based) -> line of the first identical text (with its title
    when short): the content hash stores those once, so they take the story
    of their first copy."""
    first, alias = {}, {}
    for k, (_, _, rec) in enumerate(docs, 1):
        key = " ".join(rec["text"].split())
        if rec.get("title") and titled_identity(rec["title"], key):
            key = rec["title"] + "\n\n" + key
        if key in first:
            alias[k] = first[key]
        else:
            first[key] = k
    return alias


def chronicle_stories(docs, tmp, binary):
    """Ingest docs as one JSON Lines file into a fresh database; returns
    (stories --json, seconds)."""
    path = os.path.join(tmp, "docs.jsonl")
    write_jsonl(docs, path)
    db = os.path.join(tmp, "eval.db")
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.remove(db + ext)
    t = time.time()
    subprocess.run([binary, "--db", db, "--quiet", "ingest", path], check=False,
                   stdout=subprocess.DEVNULL)
    elapsed = time.time() - t
    out = subprocess.run([binary, "--db", db, "stories", "--json"], check=True,
                         stdout=subprocess.PIPE).stdout
    return json.loads(out), elapsed


def line_of(source):
    return int(source.rsplit("#", 1)[1]) if "#" in source else None


def run_chronicle(docs, tmp, binary):
    stories, elapsed = chronicle_stories(docs, tmp, binary)
    by_line = {}
    for s in stories:
        for art in s["articles"]:
            if line_of(art["source"]):
                by_line[line_of(art["source"])] = s["id"]
    return finish(docs, by_line), elapsed


def run_bench(docs, tmp, binary, opts=()):
    path = os.path.join(tmp, "docs.jsonl")
    write_jsonl(docs, path)
    assign = os.path.join(tmp, "assign.tsv")
    cmd = [binary, "--assign", assign] + (["--prime", "1"] if os.environ.get("PRIME") else [])
    for o in opts:
        cmd += ["--opt", o]
    t = time.time()
    subprocess.run(cmd + [path], check=True, stdout=subprocess.DEVNULL)
    elapsed = time.time() - t
    by_line = {}
    with open(assign) as f:
        for line in f:
            no, story, _ = line.split("\t")
            by_line[int(no)] = int(story)
    return finish(docs, by_line), elapsed


def finish(docs, by_line):
    alias = exact_copies(docs)
    pred = {}
    for k, (doc_id, _, _) in enumerate(docs, 1):
        line = alias.get(k, k)
        if line in by_line:
            pred[doc_id] = by_line[line]
        else:  # not stored at all (rejected): a cluster of its own
            pred[doc_id] = "missing-%d" % k
    return pred


def run_peer(docs, tmp):
    peer = os.path.join(ROOT, "eval", "peer_sklearn.py")
    path = os.path.join(tmp, "peer.jsonl")
    write_jsonl(docs, path)
    py = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    probe = subprocess.run([py, "-c", "import sklearn"], stderr=subprocess.DEVNULL)
    if probe.returncode != 0:
        return None, None
    t = time.time()
    out = subprocess.run([py, peer, path], check=True, stdout=subprocess.PIPE).stdout
    elapsed = time.time() - t
    labels = json.loads(out)
    return {docs[k][0]: labels[k] for k in range(len(docs))}, elapsed


def dedup_set(tmp):
    out = os.path.join(tmp, "reprints.jsonl")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "dedup_reprints.py"), out],
                   check=True, stdout=subprocess.DEVNULL)
    docs = []
    with open(out, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            gold = rec.pop("group")
            rec.pop("variant")
            docs.append((rec["id"], gold, rec))
    return docs


def run_dedup(args, binary, tmp):
    """Near-duplicate groups (canonical + its duplicates) against the gold
    groups of the reprint set. Lines the content hash rejected as exact
    copies are not stored and are counted apart."""
    docs = dedup_set(tmp)
    gold = {d[0]: d[1] for d in docs}
    if args.engine == "chronicle":
        stories, secs = chronicle_stories(docs, tmp, binary)
        # a stored article's line and group (its canonical, duplicate_of, else
        # itself); a copy (its cleaned text a stored article's word for word)
        # carries that article's id, names no line, and joins its group
        id_line, canon = {}, {}
        for s in stories:
            for a in s["articles"]:
                if a.get("copy"):
                    continue
                canon[a["id"]] = a["duplicate_of"] or a["id"]
                n = line_of(a["source"])
                if n:
                    id_line[a["id"]] = n
        key = {}
        for s in stories:
            for a in s["articles"]:
                n = line_of(a["source"])
                if n:
                    c = canon.get(a["duplicate_of"] if a.get("copy") else a["id"], a["id"])
                    key[n] = id_line.get(c, -c)
        n_copies = sum(1 for s in stories for a in s["articles"] if a.get("copy"))
    else:
        path = os.path.join(tmp, "docs.jsonl")
        write_jsonl(docs, path)
        assign = os.path.join(tmp, "assign.tsv")
        t = time.time()
        subprocess.run([binary, "--assign", assign, path], check=True, stdout=subprocess.DEVNULL)
        secs = time.time() - t
        key = {}
        with open(assign) as f:
            for line in f:
                n, _, dup = (int(x) for x in line.split("\t"))
                key[n] = dup if dup else n  # bench article id k+1 is line k+1
    pred = {docs[n - 1][0]: k for n, k in key.items()}
    stored = {d: g for d, g in gold.items() if d in pred}
    s = scores(pred, stored)
    copies = n_copies if args.engine == "chronicle" else 0
    exact = len(gold) - len(stored) + copies
    print("dedup: %d articles in %d groups (an original and its reprints), %d stored, %d exact "
          "copies caught by the content hash (kept as copies)" % (len(gold), len(set(gold.values())),
                                                                  len(stored) - copies, exact))
    print("  near-duplicate pairs: precision %.3f recall %.3f F1 %.3f (%d groups found)  %.2fs" % (
        s["pairwise_p"], s["pairwise_r"], s["pairwise_f1"], s["clusters"], secs))
    return {"dedup": s, "exact_copies": exact, "stored": len(stored)}


def fmt(name, s, secs=None):
    extra = " %6.2fs" % secs if secs is not None else ""
    return ("  %-10s pairwise P %.3f R %.3f F1 %.3f | BCubed P %.3f R %.3f F1 %.3f | ARI %.3f"
            " | %d clusters (gold %d)%s" % (
                name, s["pairwise_p"], s["pairwise_r"], s["pairwise_f1"], s["bcubed_p"],
                s["bcubed_r"], s["bcubed_f1"], s["ari"], s["clusters"], s["gold_clusters"],
                extra))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="all", choices=["duc", "uci", "reuters", "all", "dedup"])
    ap.add_argument("--engine", default="chronicle", choices=["chronicle", "bench"])
    ap.add_argument("--bin", default=None, help="chronicle (or stories_bench) binary")
    ap.add_argument("--orders", type=int, default=2, help="ingest orders to compare")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--opt", action="append", default=[], help="bench engine: name=value")
    ap.add_argument("--json", help="write all numbers to this file")
    args = ap.parse_args()
    binary = args.bin or os.path.join(
        ROOT, "build", "chronicle" if args.engine == "chronicle" else "bench/stories_bench")
    sets = {"duc": load_duc, "uci": load_uci}
    wanted = ["duc", "uci"] if args.set == "all" else [args.set]
    results = {}
    if args.set == "dedup":
        with tempfile.TemporaryDirectory() as tmp:
            results = run_dedup(args, binary, tmp)
        wanted = []
    if "reuters" in wanted or args.set == "all":
        wanted = [w for w in wanted if w != "reuters"]
        if not os.path.isdir(REUTERS_DIR):
            print("reuters: skipped, %s not found" % REUTERS_DIR)
        else:
            docs = load_reuters()
            with tempfile.TemporaryDirectory() as tmp:
                run = run_chronicle if args.engine == "chronicle" else (
                    lambda d, t, b: run_bench(d, t, b, args.opt))
                pred, secs = run(docs, tmp, binary)
            r = reuters_report(pred, docs)
            print("reuters: %d documents in file order, no story labels" % r["docs"])
            print("  %d stories; largest %s (%.1f%% of all); topic purity %.3f over %d labelled"
                  "   %.2fs" % (r["stories"], ", ".join(map(str, r["largest"])),
                               100 * r["largest_share"], r["topic_purity"], r["labelled"], secs))
            c = company_report(pred, reuters_companies())
            print("  diagnostic, results/dividend reports labelled by the company in their title "
                  "(%d reports, %d companies): pairwise P %.4f R %.3f over %d same-story pairs, "
                  "BCubed P %.3f; most reports in one story %d" % (
                      c["reports"], c["companies"], c["pairwise_p"], c["pairwise_r"], c["pairs"],
                      c["bcubed_p"], c["largest"]))
            r["companies"] = c
            results["reuters"] = r
    paths = {"duc": DUC_DIR, "uci": UCI_CSV}
    with tempfile.TemporaryDirectory() as tmp:
        for name in wanted:
            if not os.path.exists(paths[name]):
                print("%s: skipped, %s not found" % (name, paths[name]))
                continue
            docs = sets[name]()
            gold = {d[0]: d[1] for d in docs}
            print("%s: %d documents, %d gold stories" % (name, len(docs), len(set(gold.values()))))
            preds = []
            for o in range(max(1, args.orders)):
                order = list(docs)
                random.Random(args.seed + o).shuffle(order)
                if args.engine == "chronicle":
                    pred, secs = run_chronicle(order, tmp, binary)
                else:
                    pred, secs = run_bench(order, tmp, binary, args.opt)
                s = scores(pred, gold)
                print(fmt("order %d" % (o + 1), s, secs))
                preds.append(pred)
                results.setdefault(name, {})["order%d" % (o + 1)] = s
            day_note = gold_days(docs, preds[0], gold)
            if day_note:
                one_day, split = day_note
                print("  gold stories within one publication day: %d of %d; order 1 with its "
                      "stories cut at day boundaries (a diagnostic, not chronicle's output):"
                      % (one_day, len(set(gold.values()))))
                print(fmt("by day", split))
                results[name]["order1_split_by_day"] = split
            # the set as it is stored (DUC folder after folder, UCI in time
            # order): what `chronicle ingest` of the folder or the file sees
            if args.engine == "chronicle":
                pred, secs = run_chronicle(docs, tmp, binary)
            else:
                pred, secs = run_bench(docs, tmp, binary, args.opt)
            s = scores(pred, gold)
            print(fmt("as stored", s, secs))
            results[name]["as_stored"] = s
            if len(preds) > 1:
                agree = scores(preds[1], preds[0])
                print("  orders 1 vs 2: ARI %.3f, pairwise F1 %.3f, BCubed F1 %.3f" % (
                    agree["ari"], agree["pairwise_f1"], agree["bcubed_f1"]))
                results[name]["order_agreement"] = agree
            if not args.no_peer:
                peer, secs = run_peer(docs, tmp)
                if peer is None:
                    print("  peer: scikit-learn not importable by /usr/bin/python3, skipped")
                else:
                    s = scores(peer, gold)
                    print(fmt("sklearn", s, secs))
                    results[name]["peer"] = s
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
