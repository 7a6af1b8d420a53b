#!/usr/bin/env python3
# chronicle eval — timeline scorers of the tilse toolkit (Martschat & Markert
# 2017, 2018) in stdlib Python: date selection P/R/F1 and the ROUGE variants
# concat, agreement, align, align+ and align+ m:1; readers for the tilse
# timeline format and for `chronicle timeline --json` output.
"""Timeline evaluation as tilse does it.

Timelines map a day to a list of sentences. ROUGE counts are those of
ROUGE-1.5.5 as tilse runs it (-n 2 -m -s -f A -t 2, no length limit): our
eval/rouge.py tokeniser, Porter stemmer with WordNet exceptions, and stop-word
removal when a stop-word list is given (--stopwords; tilse uses ROUGE's
smart_common_words.txt, which we do not ship: without it stop words are kept
and the output says so). Metrics (tilse names):

  date          date selection P/R/F1, exact day match
  concat        all sentences of each timeline concatenated, one ROUGE
  agreement     ROUGE per day on days present in both (others count as misses)
  align         days aligned 1:1 (Hungarian) by date distance cost
                1 - 1/(|d1-d2|+1); hits weighted by 1/(|d1-d2|+1)
  align+        as align, cost date factor x (1 - approx. ROUGE-1 F of content)
  align+m:1     as align+, but each day goes to its cheapest partner (m:1)

Precision and recall are micro-averaged over days; F = 2PR/(P+R).

    tilse.py --pred PRED --ref REF [REF...] [--metrics all] [--json]
    tilse.py --convert PRED.json            # print it in tilse format
PRED is a tilse timeline file or the JSON array `chronicle timeline --json`
prints (detected by content).
"""

import argparse
import datetime
import json
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rouge  # noqa: E402

SEPARATOR = "-" * 32
METRICS = ("concat", "agreement", "align", "align+", "align+m:1")


# --------------------------------------------------------------------------
# Timelines

def parse_tilse(text, duplicates="merge"):
    """{date: [sentence...]} from tilse's format: a YYYY-MM-DD line, the
    day's sentences one a line, a line of 32 dashes. A date that occurs in
    several blocks is merged ("merge", default) or, as tilse's own reader
    does, keeps only its last block ("last")."""
    tl = {}
    date = None
    buf = []
    for line in text.split("\n"):
        line = line.strip()
        if line == SEPARATOR:
            sents = [s for s in "\n".join(buf).strip().split("\n")]
            if date is not None:
                if duplicates == "merge" and date in tl:
                    tl[date].extend(s.strip() for s in sents)
                else:
                    tl[date] = [s.strip() for s in sents]
            date, buf = None, []
            continue
        d = _parse_day(line)
        if d is not None:
            date = d
        else:
            buf.append(line)
    return tl


_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _parse_day(s):
    m = _DAY.match(s)
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _iso_prefix_day(s):
    """A day from an ISO date of any granularity: YYYY-MM-DD[...], YYYY-MM
    (first day), YYYY (1 January), YYYY-Www (Monday of that ISO week)."""
    if not isinstance(s, str):
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = re.match(r"^(\d{4})-W(\d{2})$", s)
    if m:
        try:
            return datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
    m = re.match(r"^(\d{4})-(\d{2})$", s)
    if m and 1 <= int(m.group(2)) <= 12:
        return datetime.date(int(m.group(1)), int(m.group(2)), 1)
    m = re.match(r"^(\d{4})$", s)
    if m:
        return datetime.date(int(m.group(1)), 1, 1)
    return None


def from_chronicle_json(entries, day_only=False):
    """{date: [sentence...]} from `chronicle timeline --json` entries
    ({date, end, granularity, text, support, sources, sentences?}). The
    entry's `sentences` are used when present, else its `text`. Coarser
    dates map to their first day unless day_only (then they are dropped).
    Entries on the same day are merged in order."""
    if isinstance(entries, dict):  # tolerate {"entries": [...]} wrappers
        entries = entries.get("entries") or entries.get("timeline") or []
    tl = {}
    for e in entries:
        if not isinstance(e, dict):
            continue
        gran = e.get("granularity")
        if day_only and gran not in (None, "day"):
            continue
        d = _iso_prefix_day(e.get("date"))
        if d is None:
            continue
        sents = e.get("sentences")
        if not sents:
            sents = [e.get("text") or ""]
        sents = [s if isinstance(s, str) else (s.get("text") or "") for s in sents]
        tl.setdefault(d, []).extend(" ".join(s.split()) for s in sents)
    return tl


def read_timeline(path, duplicates="merge", day_only=False):
    """A timeline from a tilse file or chronicle JSON ("-" = stdin)."""
    if path == "-":
        text = sys.stdin.read()
    else:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            text = f.read()
    text = text.lstrip("\ufeff")
    if text.lstrip()[:1] in ("[", "{"):
        try:
            data = json.loads(text)
        except ValueError as e:
            raise ValueError("%s: not a chronicle timeline JSON array (%s)" % (path, e))
        return from_chronicle_json(data, day_only)
    return parse_tilse(text, duplicates)


def format_tilse(tl):
    """tilse's text form of a timeline, oldest day first (tilse's __str__)."""
    out = []
    for d in sorted(tl):
        out.append(d.isoformat())
        out.extend(tl[d])
        out.append(SEPARATOR)
    return "\n".join(out) + ("\n" if out else "")


# --------------------------------------------------------------------------
# ROUGE counts as tilse obtains them from ROUGE-1.5.5

def _see_sentence(s):
    """What ROUGE reads back from the SEE html tilse writes for a sentence:
    tokens joined by one space, '^' escaped, cut at the first '<'."""
    s = " ".join(s.split()).replace("^", "&circ;")
    return s.split("<", 1)[0]


class _Counter:
    """Tokenises and caches n-gram counts of day summaries."""

    def __init__(self, stem=True, stopwords=None, n_max=2):
        self.stem = stem
        self.stopwords = stopwords
        self.n_max = n_max
        self.exc = rouge.default_exceptions() if stem else None

    def grams(self, sents):
        sents = [t for t in (_see_sentence(s) for s in sents) if t]
        toks = rouge.tokens(rouge.truncate(sents), self.stem, self.stopwords, self.exc)
        return [rouge.ngrams(toks, n) for n in range(1, self.n_max + 1)]


def _hits(pg, rg):
    if len(pg) > len(rg):
        pg, rg = rg, pg
    return sum(min(c, rg[g]) for g, c in pg.items() if g in rg)


class Scorer:
    """ROUGE counts between a predicted day and the reference days."""

    def __init__(self, pred, refs, stem=True, stopwords=None, n_max=2):
        self.pred = pred
        self.refs = refs
        self.n_max = n_max
        c = _Counter(stem, stopwords, n_max)
        self.empty = c.grams([])
        self.pg = {d: c.grams(s) for d, s in pred.items()}
        self.rg = [{d: c.grams(s) for d, s in r.items()} for r in refs]
        self.c = c

    def counts(self, pdate, rdate):
        """[(hit, peer_count, model_count) per n] for the predicted summary of
        pdate (None = empty) against every reference's summary of rdate
        (None = empty), as ROUGE -f A -t 2 counts them."""
        pg = self.pg.get(pdate, self.empty) if pdate is not None else self.empty
        out = []
        for n in range(self.n_max):
            hit = pc = mc = 0
            for rg in self.rg:
                r = rg.get(rdate, self.empty) if rdate is not None else self.empty
                hit += _hits(pg[n][0], r[n][0])
                pc += pg[n][1]
                mc += r[n][1]
            out.append((hit, pc, mc))
        return out


def _f(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _prf(pn, pd, rn, rd):
    p = pn / pd if pd else 0.0
    r = rn / rd if rd else 0.0
    return {"precision": p, "recall": r, "f_score": _f(p, r)}


def _result(n_max, pn, pd, rn, rd):
    return {"rouge_%d" % (n + 1): _prf(pn[n], pd[n], rn[n], rd[n]) for n in range(n_max)}


# --------------------------------------------------------------------------
# Metrics

def evaluate_dates(pred, refs):
    """Date selection P/R/F1 on exact days against the union of reference days."""
    pd = set(pred)
    rd = set()
    for r in refs:
        rd |= set(r)
    both = len(pd & rd)
    p = both / len(pd) if pd else 0.0
    r = both / len(rd) if rd else 0.0
    return {"precision": p, "recall": r, "f_score": _f(p, r)}


def evaluate_concat(sc):
    c = sc.c
    pg = c.grams([s for d in sorted(sc.pred) for s in sc.pred[d]])
    rgs = [c.grams([s for d in sorted(r) for s in r[d]]) for r in sc.refs]
    pn, pd, rn, rd = [], [], [], []
    for n in range(sc.n_max):
        hit = sum(_hits(pg[n][0], rg[n][0]) for rg in rgs)
        pn.append(hit)
        rn.append(hit)
        pd.append(pg[n][1] * len(rgs))
        rd.append(sum(rg[n][1] for rg in rgs))
    return _result(sc.n_max, pn, pd, rn, rd)


def evaluate_agreement(sc):
    pdates = set(sc.pred)
    rdates = set()
    for r in sc.refs:
        rdates |= set(r)
    z = [0] * sc.n_max
    pn, pd, rn, rd = z[:], z[:], z[:], z[:]
    for d in pdates | rdates:
        cnt = sc.counts(d if d in pdates else None, d)
        for n, (hit, pc, mc) in enumerate(cnt):
            if d in pdates:
                pn[n] += hit
                pd[n] += pc
            if d in rdates:
                rn[n] += hit
                rd[n] += mc
    return _result(sc.n_max, pn, pd, rn, rd)


def _date_factor(a, b):
    return 1.0 - 1.0 / (abs(a.toordinal() - b.toordinal()) + 1)


def _approx_rouge1(pred_sents, ref_summaries):
    """tilse's cheap ROUGE-1 F for alignment costs: raw whitespace tokens,
    no stemming, hits summed over references."""
    pc = {}
    for s in pred_sents:
        for t in s.split():
            pc[t] = pc.get(t, 0) + 1
    rcs = []
    for summ in ref_summaries:
        rc = {}
        for s in summ:
            for t in s.split():
                rc[t] = rc.get(t, 0) + 1
        rcs.append(rc)
    match = sum(min(c, rc.get(t, 0)) for t, c in pc.items() for rc in rcs)
    pden = len(rcs) * sum(pc.values())
    rden = sum(sum(rc.values()) for rc in rcs)
    p = match / pden if pden else 0.0
    r = match / rden if rden else 0.0
    return _f(p, r)


def _costs(sc, pdates, rdates, content, axis):
    """Cost matrix: rows are predicted days (axis 0) or reference days
    (axis 1)."""
    rows, cols = (pdates, rdates) if axis == 0 else (rdates, pdates)
    out = []
    for a in rows:
        row = []
        for b in cols:
            df = _date_factor(a, b)
            if content:
                dp, dr = (a, b) if axis == 0 else (b, a)
                cf = 1.0 - _approx_rouge1(sc.pred[dp], [r.get(dr, []) for r in sc.refs])
                row.append(df * cf)
            else:
                row.append(df)
        out.append(row)
    return out


def linear_sum_assignment(cost):
    """Minimum-cost assignment of a rectangular matrix (list of rows), the
    shortest augmenting path algorithm (Crouse 2016) that scipy.optimize's
    linear_sum_assignment implements, with its tie-breaking. Returns
    (row_indices, col_indices), sorted by row."""
    nr = len(cost)
    nc = len(cost[0]) if nr else 0
    if nr == 0 or nc == 0:
        return [], []
    transpose = nc < nr
    if transpose:
        cost = [list(col) for col in zip(*cost)]
        nr, nc = nc, nr
    inf = math.inf
    u = [0.0] * nr
    v = [0.0] * nc
    path = [-1] * nc
    col4row = [-1] * nr
    row4col = [-1] * nc
    for cur in range(nr):
        spc = [inf] * nc
        sr = [False] * nr
        sc_ = [False] * nc
        remaining = [nc - it - 1 for it in range(nc)]
        num_remaining = nc
        min_val = 0.0
        i = cur
        sink = -1
        while sink == -1:
            index = -1
            lowest = inf
            sr[i] = True
            ci = cost[i]
            ui = u[i]
            for it in range(num_remaining):
                j = remaining[it]
                r = min_val + ci[j] - ui - v[j]
                if r < spc[j]:
                    path[j] = i
                    spc[j] = r
                if spc[j] < lowest or (spc[j] == lowest and row4col[j] == -1):
                    lowest = spc[j]
                    index = it
            min_val = lowest
            if min_val == inf:
                raise ValueError("cost matrix is infeasible")
            j = remaining[index]
            if row4col[j] == -1:
                sink = j
            else:
                i = row4col[j]
            sc_[j] = True
            num_remaining -= 1
            remaining[index] = remaining[num_remaining]
        u[cur] += min_val
        for i in range(nr):
            if sr[i] and i != cur:
                u[i] += min_val - spc[col4row[i]]
        for j in range(nc):
            if sc_[j]:
                v[j] -= min_val - spc[j]
        j = sink
        while True:
            i = path[j]
            row4col[j] = i
            col4row[i], j = j, col4row[i]
            if i == cur:
                break
    if transpose:
        order = sorted(range(nr), key=lambda k: col4row[k])
        return [col4row[k] for k in order], order
    return list(range(nr)), col4row


def _assign_min(cost):
    """Many-to-one: every row to its cheapest column (first on ties)."""
    rows, cols = [], []
    for i, row in enumerate(cost):
        if row:
            rows.append(i)
            cols.append(min(range(len(row)), key=lambda j: (row[j], j)))
    return rows, cols


def _evaluate_aligned(sc, content, many_to_one):
    pdates = sorted(sc.pred)
    rdates = set()
    for r in sc.refs:
        rdates |= set(r)
    rdates = sorted(rdates)
    assign = _assign_min if many_to_one else linear_sum_assignment
    z = [0] * sc.n_max
    pn, pd, rn, rd = [0.0] * sc.n_max, z[:], [0.0] * sc.n_max, z[:]
    # precision: predicted days matched to reference days
    prow, pcol = assign(_costs(sc, pdates, rdates, content, 0))
    for i, j in zip(prow, pcol):
        w = 1.0 / (abs(pdates[i].toordinal() - rdates[j].toordinal()) + 1)
        for n, (hit, pc, _) in enumerate(sc.counts(pdates[i], rdates[j])):
            pn[n] += w * hit
            pd[n] += pc
    matched = set(prow)
    for i, d in enumerate(pdates):
        if i not in matched:
            for n, (_, pc, _) in enumerate(sc.counts(d, None)):
                pd[n] += pc
    # recall: reference days matched to predicted days
    rrow, rcol = assign(_costs(sc, pdates, rdates, content, 1))
    for i, j in zip(rrow, rcol):
        w = 1.0 / (abs(rdates[i].toordinal() - pdates[j].toordinal()) + 1)
        for n, (hit, _, mc) in enumerate(sc.counts(pdates[j], rdates[i])):
            rn[n] += w * hit
            rd[n] += mc
    matched = set(rrow)
    for i, d in enumerate(rdates):
        if i not in matched:
            for n, (_, _, mc) in enumerate(sc.counts(None, d)):
                rd[n] += mc
    return _result(sc.n_max, pn, pd, rn, rd)


def evaluate(pred, refs, metrics=METRICS, stem=True, stopwords=None, n_max=2):
    """All requested metrics for a predicted timeline against one or more
    reference timelines. Returns {"date": {...}, metric: {"rouge_1": {...},
    "rouge_2": {...}}, ...} with precision/recall/f_score each."""
    sc = Scorer(pred, refs, stem, stopwords, n_max)
    out = {"date": evaluate_dates(pred, refs)}
    for m in metrics:
        if m == "concat":
            out[m] = evaluate_concat(sc)
        elif m == "agreement":
            out[m] = evaluate_agreement(sc)
        elif m == "align":
            out[m] = _evaluate_aligned(sc, False, False)
        elif m == "align+":
            out[m] = _evaluate_aligned(sc, True, False)
        elif m == "align+m:1":
            out[m] = _evaluate_aligned(sc, True, True)
        else:
            raise ValueError("unknown metric: %s" % m)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Timeline scores as the tilse toolkit computes them.")
    ap.add_argument("--pred", help="predicted timeline (tilse file or chronicle JSON)")
    ap.add_argument("--ref", nargs="+", help="reference timeline file(s)")
    ap.add_argument("--metrics", default="all",
                    help="comma list of %s, or all" % ",".join(METRICS))
    ap.add_argument("--stopwords", help="stop-word list to remove (tilse: ROUGE's "
                    "smart_common_words.txt); default keeps stop words")
    ap.add_argument("--no-stem", action="store_true")
    ap.add_argument("--duplicates", choices=("merge", "last"), default="merge",
                    help="a day in several blocks: merge (default) or keep the "
                    "last block as tilse's reader does")
    ap.add_argument("--day-only", action="store_true",
                    help="chronicle JSON: drop entries coarser than a day")
    ap.add_argument("--convert", metavar="FILE",
                    help="print FILE (chronicle JSON or tilse) in tilse format")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    try:
        if a.convert:
            sys.stdout.write(format_tilse(read_timeline(a.convert, a.duplicates, a.day_only)))
            return 0
        if not a.pred or not a.ref:
            ap.error("--pred and --ref are required (or --convert)")
        pred = read_timeline(a.pred, a.duplicates, a.day_only)
        refs = [read_timeline(r, a.duplicates) for r in a.ref]
        sw = rouge.load_stopwords(a.stopwords) if a.stopwords else None
    except (OSError, ValueError) as e:
        print("tilse.py: %s" % e, file=sys.stderr)
        return 1
    metrics = METRICS if a.metrics == "all" else tuple(a.metrics.split(","))
    for m in metrics:
        if m not in METRICS:
            ap.error("unknown metric %s" % m)
    res = evaluate(pred, refs, metrics, not a.no_stem, sw)
    if a.json:
        res["_settings"] = {"stopwords": a.stopwords or None, "stem": not a.no_stem,
                            "pred_dates": len(pred),
                            "ref_dates": len(set().union(*[set(r) for r in refs]))}
        print(json.dumps(res, indent=1))
        return 0
    print("pred %d days, reference %d days; ROUGE-1.5.5 -n 2 -m%s -f A"
          % (len(pred), len(set().union(*[set(r) for r in refs])),
             " -s" if sw else " (stop words kept)"))
    d = res["date"]
    print("%-10s  P %.4f  R %.4f  F1 %.4f" % ("date", d["precision"], d["recall"], d["f_score"]))
    print("%-10s  %-26s  %-26s" % ("metric", "ROUGE-1 P/R/F", "ROUGE-2 P/R/F"))
    for m in metrics:
        r1, r2 = res[m]["rouge_1"], res[m]["rouge_2"]
        print("%-10s  %.4f %.4f %.4f      %.4f %.4f %.4f" % (
            m, r1["precision"], r1["recall"], r1["f_score"],
            r2["precision"], r2["recall"], r2["f_score"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
