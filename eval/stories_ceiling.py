#!/usr/bin/python3
"""chronicle — eval/stories_ceiling.py: how far word statistics can go on the story sets.

A diagnostic for issue 6's targets, not a score of chronicle: batch
clustering that sees every document at once and whose threshold is chosen
on the gold answers themselves (an oracle no real system has). TF-IDF
(scikit-learn: English stop words, sublinear tf; words, then words and
word pairs) and agglomerative clustering (SciPy: cosine, average and
complete linkage) cut at every distance from 0.05 to 0.99; the best
pairwise F1 and the best BCubed F1 over those cuts are printed per set, with
the cut and the number of clusters. When this ceiling is below a target, the
target cannot be met by comparing word vectors, however the stream is
ordered. Needs python3-sklearn and python3-scipy; reads the sets as
eval/stories_eval.py does (../shared/bench or CHR_SHARED), skips a set that
is absent.

usage: stories_ceiling.py [--set duc|uci|all]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stories_eval as se  # noqa: E402

try:
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist
    from sklearn.feature_extraction.text import TfidfVectorizer
except ImportError as e:  # pragma: no cover - depends on the machine
    print("stories ceiling: skipped, %s (install python3-sklearn python3-scipy)" % e)
    sys.exit(0)

CUTS = [c / 100.0 for c in range(5, 100)]


def ceiling(docs, ngrams):
    gold = {d[0]: d[1] for d in docs}
    texts = [((d[2].get("title") or "") + "\n" + d[2]["text"]).strip() for d in docs]
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, ngrams),
                          min_df=1 if ngrams == 1 else 2)
    x = vec.fit_transform(texts).toarray()
    # an empty vector has no cosine: give it a feature of its own
    empty = ~x.any(axis=1)
    if empty.any():
        x = np.hstack([x, np.diag(empty.astype(float))[:, empty]])
    dist = pdist(x, metric="cosine")
    out = []
    for method in ("average", "complete"):
        tree = linkage(dist, method=method)
        best_pw, best_b3 = None, None
        for cut in CUTS:
            labels = fcluster(tree, t=cut, criterion="distance")
            s = se.scores({docs[i][0]: int(labels[i]) for i in range(len(docs))}, gold)
            row = (cut, len(set(labels)), s)
            if best_pw is None or s["pairwise_f1"] > best_pw[2]["pairwise_f1"]:
                best_pw = row
            if best_b3 is None or s["bcubed_f1"] > best_b3[2]["bcubed_f1"]:
                best_b3 = row
        out.append((method, best_pw, best_b3))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="all", choices=["duc", "uci", "all"])
    args = ap.parse_args()
    sets = {"duc": (se.load_duc, se.DUC_DIR), "uci": (se.load_uci, se.UCI_CSV)}
    for name in (["duc", "uci"] if args.set == "all" else [args.set]):
        load, path = sets[name]
        if not os.path.exists(path):
            print("%s: skipped, %s not found" % (name, path))
            continue
        docs = load()
        print("%s: %d documents, %d gold stories; batch TF-IDF + agglomerative, cut chosen "
              "on the gold answers" % (name, len(docs), len(set(d[1] for d in docs))))
        for ngrams, label in ((1, "words"), (2, "words + pairs")):
            for method, pw, b3 in ceiling(docs, ngrams):
                print("  %-14s %-8s best pairwise F1 %.3f (cut %.2f, %d clusters) | "
                      "best BCubed F1 %.3f (cut %.2f, %d clusters)" % (
                          label, method, pw[2]["pairwise_f1"], pw[0], pw[1],
                          b3[2]["bcubed_f1"], b3[0], b3[1]))


if __name__ == "__main__":
    main()
