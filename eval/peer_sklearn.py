#!/usr/bin/python3
"""chronicle — eval/peer_sklearn.py: the scikit-learn peer for story clustering.

TF-IDF (scikit-learn, English stop words, sublinear tf) + agglomerative clustering,
cosine distance, average linkage, distance threshold 0.88 (the issue's peer,
tuned on the DUC half). Reads JSON Lines (text, optional title), prints a
JSON array with one cluster label per line. Needs python3-sklearn.
"""
import json
import sys

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    texts = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            title = rec.get("title") or ""
            texts.append((title + "\n" + rec.get("text", "")).strip())
    if len(texts) < 2:
        print(json.dumps([0] * len(texts)))
        return
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    kw = {"n_clusters": None, "linkage": "average", "distance_threshold": 0.88}
    try:
        model = AgglomerativeClustering(metric="cosine", **kw)
    except TypeError:  # scikit-learn < 1.2 names it affinity
        model = AgglomerativeClustering(affinity="cosine", **kw)
    labels = model.fit_predict(x)
    print(json.dumps([int(v) for v in labels]))


if __name__ == "__main__":
    main()
