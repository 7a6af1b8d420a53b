#!/usr/bin/env python3
# chronicle eval — can a learned day ranking beat timeline's hand-made day
# score on ML-Crisis? Per-day features from `timeline --all --json --dates ALL`
# and the store; models scored leave-one-topic-out (LOTO) only.
"""ML-Crisis date selection: hand day score against learned rankings, LOTO.

    date_rank_study.py [--bin build/chronicle] [--data DIR] [--work DIR]
                       [--langs es,fr] [--reingest] [--models 'hand,LR*']
                       [--in-sample] [--features] [--json FILE]

Per topic (the databases eval/timeline_eval.py leaves in --work; made again
with --reingest or when missing), `chronicle timeline --all --json --dates N
--sentences N` with N large lists every candidate day (a day entry with text
of its own) with its entries, their `importance`, the day's `day_importance`
(the hand score `--top` ranks days by) and their sources. Each candidate day
gets the features of FEATURES; its label is whether the reference timeline
has the day. A model is trained on 7 topics and ranks the 8th topic's days;
its top T days (T = reference days) are scored by date F1 (tilse's: exact
days), and the mean over the held-out topics is the figure. `hand` is the
hand score alone on the same harness (it reproduces timeline_eval.py's date
F1), `oracle` the best choice among the candidates (the ceiling).

Models needing scikit-learn (logistic regression, pairwise logistic, gradient
boosting) are skipped with a message when it is missing; the tuned-hand
models (one extra factor on the hand score, its strength chosen on the 7
training topics) need only the standard library.
"""

import os
# one thread for numpy/scikit-learn: the runs are small, the machine shared
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import collections  # noqa: E402
import datetime  # noqa: E402
import fnmatch  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import tilse  # noqa: E402
import timeline_eval  # noqa: E402

YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
ALL = 1000000  # --dates / --sentences: every day, every entry


def day_num(s):
    return datetime.date.fromisoformat(s[:10]).toordinal()


# --------------------------------------------------------------------------
# Data: candidate days with features, per topic

FEATURES = (
    "log_hand",        # log(1 + day_importance), the hand score
    "hand_rel",        # day_importance / the topic's highest
    "log_rank_T",      # log((1 + rank by hand score) / T)
    "log_entries",     # entries on the day
    "log_max_support",  # the day's best-supported entry
    "top_share",       # the most important entry's importance / the entries' sum
    "log_articles",    # distinct articles among the day's sources
    "log_explicit",    # articles that date the day in words
    "log_placed",      # articles whose undated lead was placed on it
    "year_frac",       # explicit sources whose expression carries the year
    "log_recall_days",  # distinct publication days > 1 day after it recalling it
    "log_pub_days",    # distinct publication days among its sources
    "log_announce",    # articles published before the day
    "log_lag",         # log(1 + largest delay, days, from the day to a source)
    "burst_0_1",       # articles published on d and d+1 / the topic's mean per day
    "burst_2_3",       # the same on d+2 and d+3
    "burst_m1",        # the same on d-1
    "outside",         # more than 7 days outside the publication span
    "log_expressions",  # distinct date expressions (surface forms)
    "article_share",   # the day's articles / the topic's articles
    "conflict",        # an entry of the day reports a date conflict
    "log_sentences",   # sources (sentences) in all
    "imp_per_art",     # the best entry's importance per supporting article
    "lead_frac",       # sources among their article's first three sentences
    "log_min_pos",     # log(1 + the earliest sentence index among the sources)
    "open_date_frac",  # explicit sources whose sentence opens with the date
    "log_words",       # log of the sources' mean words per sentence
    "nbr_ratio",       # log((hand(d-1) + hand(d+1) + 1) / (hand(d) + 1)): an echo of a neighbour?
    "local_max",       # the hand score is above both neighbours'
)


def topic_days(entries, pubs, t, spos):
    """Per candidate day a feature dict, from the --dates ALL entries, the
    topic's publication days (a list of day numbers) and spos: (article,
    folded sentence) -> its index in the article."""
    byday = collections.defaultdict(list)
    for e in entries:
        if e.get("granularity") == "day" and "day_importance" in e:
            byday[e["date"][:10]].append(e)
    if not byday:
        return {}
    pubc = collections.Counter(pubs)
    first, last = min(pubs), max(pubs)
    mean_pub = len(pubs) / max(1, last - first + 1)
    n_art = max(1, len(pubs))
    hand = {d: es[0]["day_importance"] for d, es in byday.items()}
    top = max(hand.values()) or 1.0
    order = sorted(hand, key=lambda d: (-hand[d], d))
    rank = {d: i for i, d in enumerate(order)}
    out = {}
    for d, es in byday.items():
        dn = day_num(d)
        arts, explicit, placed, pubdays, later, announce = set(), set(), set(), set(), set(), set()
        exprs, lag, years, n_expl, n_src = set(), 0, 0, 0, 0
        lead, pos, opens, words = 0, [], 0, 0
        for e in es:
            for s in e["sources"]:
                n_src += 1
                a = s["article"]
                sent = " ".join(s["sentence"].split())
                i = spos.get((a, sent))
                if i is not None:
                    pos.append(i)
                    lead += i < 3
                words += len(sent.split())
                if s["expression"] and 0 <= sent.find(s["expression"]) <= 12:
                    opens += 1
                arts.add(a)
                pd = day_num(s["pub_date"]) if s.get("pub_date") else None
                if s["expression"]:
                    explicit.add(a)
                    exprs.add(s["expression"].lower())
                    n_expl += 1
                    years += bool(YEAR_RE.search(s["expression"]))
                else:
                    placed.add(a)
                if pd is not None:
                    pubdays.add(pd)
                    if pd > dn + 1:
                        later.add(pd)
                    if pd < dn:
                        announce.add(a)
                    lag = max(lag, pd - dn)
        imps = [e["importance"] for e in es]
        f = {
            "log_hand": math.log1p(hand[d]),
            "hand_rel": hand[d] / top,
            "log_rank_T": math.log((1 + rank[d]) / t),
            "log_entries": math.log1p(len(es)),
            "log_max_support": math.log1p(max(e["support"] for e in es)),
            "top_share": max(imps) / (sum(imps) or 1.0),
            "log_articles": math.log1p(len(arts)),
            "log_explicit": math.log1p(len(explicit)),
            "log_placed": math.log1p(len(placed - explicit)),
            "year_frac": years / n_expl if n_expl else 0.0,
            "log_recall_days": math.log1p(len(later)),
            "log_pub_days": math.log1p(len(pubdays)),
            "log_announce": math.log1p(len(announce)),
            "log_lag": math.log1p(max(lag, 0)),
            "burst_0_1": (pubc[dn] + pubc[dn + 1]) / 2 / mean_pub,
            "burst_2_3": (pubc[dn + 2] + pubc[dn + 3]) / 2 / mean_pub,
            "burst_m1": pubc[dn - 1] / mean_pub,
            "outside": float(dn < first - 7 or dn > last + 7),
            "log_expressions": math.log1p(len(exprs)),
            "article_share": len(arts) / n_art,
            "conflict": float(any(e.get("conflict") for e in es)),
            "log_sentences": math.log1p(n_src),
            "imp_per_art": max(e["importance"] / max(1, e["support"]) for e in es),
            "lead_frac": lead / n_src,
            "log_min_pos": math.log1p(min(pos)) if pos else math.log1p(50),
            "open_date_frac": opens / n_expl if n_expl else 0.0,
            "log_words": math.log(max(1.0, words / n_src)),
        }
        out[d] = f
    byn = {day_num(d): hand[d] for d in hand}
    for d, f in out.items():
        dn = day_num(d)
        lo, hi = byn.get(dn - 1, 0.0), byn.get(dn + 1, 0.0)
        f["nbr_ratio"] = math.log((lo + hi + 1) / (hand[d] + 1))
        f["local_max"] = float(hand[d] > lo and hand[d] > hi)
    return out


def load_topic(a, lang, topic):
    """(days {day: features}, reference day set, T) of one topic, or None."""
    ref_path = os.path.join(a.data, lang, "reference", topic + ".txt")
    if not os.path.exists(ref_path):
        return None
    ref, t, _ = timeline_eval.reference_stats(ref_path)
    if not t:
        return None
    db = os.path.join(a.work, "%s_%s.db" % (lang, topic))
    if a.reingest or not os.path.exists(db):
        jl = os.path.join(a.work, "%s_%s.jsonl" % (lang, topic))
        if not timeline_eval.write_jsonl(os.path.join(a.data, lang, topic), topic, jl):
            return None
        for suf in ("", "-wal", "-shm"):
            if os.path.exists(db + suf):
                os.remove(db + suf)
        timeline_eval.run([a.bin, "--db", db, "--quiet", "ingest", jl])
    out = timeline_eval.run([a.bin, "--db", db, "timeline", "--all", "--json",
                             "--dates", str(ALL), "--sentences", str(ALL)])
    entries = json.loads(out.decode("utf-8"))
    import sqlite3
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    pubs = [day_num(p) for (p,) in con.execute(
        "SELECT pub_date FROM articles WHERE pub_date IS NOT NULL")]
    spos = {}
    for ext, text, idx, s, e in con.execute(
            "SELECT coalesce(a.ext_id, a.source), a.clean_text, s.idx, s.start, s.end"
            " FROM articles a JOIN sentences s ON s.article_id = a.id"):
        sent = " ".join(text.encode("utf-8")[s:e].decode("utf-8", "replace").split())
        spos.setdefault((ext, sent), idx)
    con.close()
    days = topic_days(entries, pubs, t, spos)
    refdays = {d.isoformat() for d in ref}
    return days, refdays, t


# --------------------------------------------------------------------------
# Scoring

def date_f1(chosen, refdays):
    return tilse.evaluate_dates(chosen, [refdays])["f_score"]


def top_days(days, score, t):
    """The T days of highest score (ties: the hand score, then earlier)."""
    return sorted(days, key=lambda d: (-score[d], -days[d]["log_hand"], d))[:t]


def vec(f, names):
    return [f[n] for n in names]


# --------------------------------------------------------------------------
# Models: each fit(train_topics) -> score(topic) -> {day: score}

def m_hand(train, names):
    return lambda tp: {d: f["log_hand"] for d, f in tp[0].items()}


def m_oracle(train, names):
    return lambda tp: {d: (d in tp[1]) + f["log_hand"] * 1e-6 for d, f in tp[0].items()}


def _mean_f1(train, score):
    """Mean date F1 over the training topics of score(topic) -> {day: score}."""
    return sum(date_f1(top_days(tp[0], score(tp), tp[2]), tp[1]) for tp in train) / len(train)


def _pick(grid, mean_f1):
    """The grid value of best mean F1; ties: the smallest |value| (the hand
    score when nothing helps)."""
    return max(grid, key=lambda x: (round(mean_f1(x), 6), -abs(x)))


def tuned_factors(features, grid, rounds=2):
    """(1 + the hand score) times exp(w · features) (labelled hand×exp), w
    by coordinate ascent on the training topics' mean date F1 (the metric
    itself, stdlib; one feature: a one-parameter search)."""
    def fit(train, names):
        w = {f: 0.0 for f in features}

        def sc(w):
            return lambda tp: {d: f["log_hand"] + sum(w[k] * f[k] for k in features)
                               for d, f in tp[0].items()}
        for _ in range(rounds if len(features) > 1 else 1):
            for k in features:
                w[k] = _pick(grid, lambda x: _mean_f1(train, sc(dict(w, **{k: x}))))
        ws = " ".join("%g" % w[k] for k in features)
        fit.chosen.append(ws if len(features) == 1 else "(" + ws + ")")
        return sc(w)
    fit.chosen = []
    return fit


def blend(inner, grid):
    """The hand score plus alpha times a learned model's score, alpha chosen
    on the training topics (where that model was fitted too)."""
    def fit(train, names):
        model = inner(train, names)
        cache = {}

        def sc(al):
            def score(tp):
                if id(tp) not in cache:
                    cache[id(tp)] = model(tp)
                return {d: f["log_hand"] + al * cache[id(tp)][d] for d, f in tp[0].items()}
            return score
        best = _pick(grid, lambda x: _mean_f1(train, sc(x)))
        fit.chosen.append("%g" % best)
        return sc(best)
    fit.chosen = []
    return fit


def _zscore_topic(days, names):
    """Features standardised within the topic (per-topic normalisation)."""
    cols = {n: [f[n] for f in days.values()] for n in names}
    mu = {n: sum(v) / len(v) for n, v in cols.items()}
    sd = {n: math.sqrt(sum((x - mu[n]) ** 2 for x in v) / len(v)) or 1.0 for n, v in cols.items()}
    return {d: [(f[n] - mu[n]) / sd[n] for n in names] for d, f in days.items()}


def _head(tp, k):
    """The topic's candidates restricted to the k·T best by hand score."""
    days, ref, t = tp
    keep = top_days(days, {d: f["log_hand"] for d, f in days.items()}, int(k * t))
    return {d: days[d] for d in keep}


def sk_logistic(norm, head=None, c=1.0, balanced=True):
    def fit(train, names):
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler
        X, y = [], []
        for tp in train:
            days = _head(tp, head) if head else tp[0]
            xs = _zscore_topic(days, names) if norm else {d: vec(f, names) for d, f in days.items()}
            for d, x in xs.items():
                X.append(x)
                y.append(int(d in tp[1]))
        sc = StandardScaler().fit(X)
        lr = LogisticRegression(C=c, max_iter=2000,
                                class_weight="balanced" if balanced else None).fit(sc.transform(X), y)
        fit.models.append((sc, lr))

        def score(tp):
            days = tp[0]
            xs = _zscore_topic(days, names) if norm else {d: vec(f, names) for d, f in days.items()}
            ds = list(xs)
            p = lr.decision_function(sc.transform([xs[d] for d in ds]))
            out = {d: float(v) for d, v in zip(ds, p)}
            if head:  # only the head is re-ranked; the rest stays below it
                h = set(_head(tp, head))
                out = {d: v + (1e6 if d in h else 0) for d, v in out.items()}
            return out
        return score
    fit.models = []
    return fit


def sk_pairwise(head=3, c=1.0, norm=True):
    """RankSVM-style: logistic regression on feature differences of
    (reference day, other day) pairs within a topic's head."""
    def fit(train, names):
        import random
        from sklearn.linear_model import LogisticRegression
        rnd = random.Random(7)
        X, y = [], []
        for tp in train:
            days = _head(tp, head)
            xs = _zscore_topic(days, names) if norm else {d: vec(f, names) for d, f in days.items()}
            pos = [d for d in days if d in tp[1]]
            neg = [d for d in days if d not in tp[1]]
            pairs = [(p, q) for p in pos for q in neg]
            rnd.shuffle(pairs)
            for p, q in pairs[:4000]:
                dx = [u - v for u, v in zip(xs[p], xs[q])]
                if rnd.random() < 0.5:
                    X.append(dx)
                    y.append(1)
                else:
                    X.append([-u for u in dx])
                    y.append(0)
        lr = LogisticRegression(C=c, max_iter=2000, fit_intercept=False).fit(X, y)
        w = lr.coef_[0]

        def score(tp):
            days = tp[0]
            h = set(_head(tp, head))
            xs = _zscore_topic(days, names) if norm else {d: vec(f, names) for d, f in days.items()}
            return {d: sum(a * b for a, b in zip(w, x)) + (1e6 if d in h else 0) for d, x in xs.items()}
        fit.weights.append(list(w))
        return score
    fit.weights = []
    return fit


def sk_gbm(head=None):
    def fit(train, names):
        from sklearn.ensemble import GradientBoostingClassifier
        X, y = [], []
        for tp in train:
            days = _head(tp, head) if head else tp[0]
            for d, f in days.items():
                X.append(vec(f, names))
                y.append(int(d in tp[1]))
        g = GradientBoostingClassifier(n_estimators=150, max_depth=3, learning_rate=0.05,
                                       subsample=0.8, random_state=7).fit(X, y)

        def score(tp):
            ds = list(tp[0])
            p = g.predict_proba([vec(tp[0][d], names) for d in ds])[:, 1]
            out = {d: float(v) for d, v in zip(ds, p)}
            if head:
                h = set(_head(tp, head))
                out = {d: v + (1e6 if d in h else 0) for d, v in out.items()}
            return out
        return score
    return fit


def loto(topics, fit, names, in_sample=False):
    """Per held-out topic its date F1 with a model trained on the others
    (in_sample: on every topic, the held-out one included: optimistic)."""
    res = {}
    for name in topics:
        train = [tp for n, tp in topics.items() if n != name or in_sample]
        score = fit(train, names)(topics[name])
        days, ref, t = topics[name]
        res[name] = date_f1(top_days(days, score, t), ref)
    return res


def models(sklearn):
    grid = [x / 20 for x in range(-20, 21)]
    out = [("hand", m_hand, FEATURES), ("oracle", m_oracle, FEATURES)]
    for f in FEATURES[3:]:
        out.append(("hand×exp(w·%s)" % f, tuned_factors((f,), grid), FEATURES))
    four = ("lead_frac", "year_frac", "log_words", "open_date_frac")
    out.append(("hand×exp(w·4 best singles)", tuned_factors(four, grid), FEATURES))
    out.append(("hand×exp(w·all features)", tuned_factors(
        [f for f in FEATURES if f != "log_hand"], [x / 10 for x in range(-10, 11)], 1), FEATURES))
    if not sklearn:
        return out
    for f in FEATURES[3:]:
        out.append(("LR log_hand+%s" % f, sk_logistic(False, balanced=False), ("log_hand", f)))
    base = ("log_hand", "log_explicit", "log_recall_days", "log_announce", "log_placed",
            "burst_0_1", "outside", "log_expressions")
    out += [
        ("LR raw, base features", sk_logistic(False, balanced=False), base),
        ("LR raw, all", sk_logistic(False, balanced=False), FEATURES),
        ("LR raw, all, C=0.1", sk_logistic(False, c=0.1, balanced=False), FEATURES),
        ("LR balanced, all", sk_logistic(False), FEATURES),
        ("LR topic-z, all", sk_logistic(True, balanced=False), FEATURES),
        ("LR topic-z, all, C=0.05", sk_logistic(True, c=0.05, balanced=False), FEATURES),
        ("LR topic-z, head 2T", sk_logistic(True, head=2, balanced=False), FEATURES),
        ("LR topic-z, head 3T", sk_logistic(True, head=3, balanced=False), FEATURES),
        ("pairwise topic-z, head 2T", sk_pairwise(2), FEATURES),
        ("pairwise topic-z, head 3T", sk_pairwise(3), FEATURES),
        ("pairwise topic-z, head 3T, C=0.05", sk_pairwise(3, c=0.05), FEATURES),
        ("pairwise raw, head 3T", sk_pairwise(3, norm=False), FEATURES),
        ("GBM, all candidates", sk_gbm(), FEATURES),
        ("GBM, head 3T", sk_gbm(3), FEATURES),
        ("hand+α·LR topic-z C=0.05", blend(sk_logistic(True, c=0.05, balanced=False),
                                          [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0]), FEATURES),
    ]
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    timeline_eval.add_data_args(ap)
    ap.add_argument("--langs", default="es,fr")
    ap.add_argument("--reingest", action="store_true", help="ingest every topic again")
    ap.add_argument("--models", help="comma list of model names, shell patterns allowed: "
                    "'hand,LR*' (default: all)")
    ap.add_argument("--in-sample", action="store_true",
                    help="train on every topic, the scored one included (optimistic; not the figure)")
    ap.add_argument("--json", help="write {model: {topic: date F1, 'mean': ...}} to this file")
    ap.add_argument("--features", action="store_true",
                    help="print per-feature means of reference and other days in the head")
    a = ap.parse_args(argv)
    if not os.path.isdir(a.data):
        print("date_rank_study.py: no ML-Crisis data at %s (skipped)" % a.data, file=sys.stderr)
        return 0
    os.makedirs(a.work, exist_ok=True)
    have_sk = importlib.util.find_spec("sklearn") is not None
    if not have_sk:
        print("date_rank_study.py: scikit-learn missing: only the stdlib models run", file=sys.stderr)
    topics = {}
    for lang in a.langs.split(","):
        ldir = os.path.join(a.data, lang)
        for topic in sorted(os.listdir(ldir)) if os.path.isdir(ldir) else []:
            if topic == "reference" or not os.path.isdir(os.path.join(ldir, topic)):
                continue
            tp = load_topic(a, lang, topic)
            if tp and tp[0]:
                topics["%s/%s" % (lang, topic)] = tp
    if len(topics) < 2:
        print("date_rank_study.py: fewer than two topics (skipped)", file=sys.stderr)
        return 0
    names = list(topics)
    if a.features:
        print("feature means over each topic's head (3T by hand score): reference days / others")
        for n in FEATURES:
            pos, neg = [], []
            for tp in topics.values():
                for d, f in _head(tp, 3).items():
                    (pos if d in tp[1] else neg).append(f[n])
            print("  %-17s %8.3f %8.3f" % (n, sum(pos) / max(1, len(pos)), sum(neg) / max(1, len(neg))))
    if a.in_sample:
        print("IN-SAMPLE date F1 (trained on all %d topics, scored on the same: optimistic)" % len(names))
    else:
        print("LOTO date F1 (train on %d topics, top T days of the held-out one)" % (len(names) - 1))
    print("%-36s %7s %6s" % ("model", "mean", "Δhand") + "".join(" %9s" % n for n in names))
    hand_mean = None
    table = {}
    for label, fit, feats in models(have_sk):
        if a.models and not any(fnmatch.fnmatchcase(label, p) for p in a.models.split(",")):
            continue
        res = loto(topics, fit, feats, a.in_sample)
        m = sum(res.values()) / len(res)
        table[label] = dict(res, mean=m)
        if label == "hand":
            hand_mean = m
        delta = "" if hand_mean is None or label == "hand" else "%+.4f" % (m - hand_mean)
        extra = ""
        if hasattr(fit, "chosen") and fit.chosen:
            extra = "  w=" + ",".join(fit.chosen)
        print("%-36s %7.4f %6s" % (label, m, delta) + "".join(" %9.4f" % res[n] for n in names) + extra)
    if a.json:
        timeline_eval.write_json(a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
