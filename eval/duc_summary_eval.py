#!/usr/bin/env python3
# chronicle eval — DUC 2004 task 2: a 100-word `chronicle summary --all` of
# each cluster that has human models, scored with eval/rouge.py beside the 13
# published systems (eval/duc_peers.py), same scorer and settings for all.
"""DUC 2004 task 2: chronicle's summaries against the published systems.

    duc_summary_eval.py [--bin build/chronicle] [--duc DIR] [--work DIR] [--json]

Per cluster folder usmanniazi/.../docs/<N> (N = 1..56 for d300NN, 10NN for
d310NN): ingest its ten documents into a fresh database, run
`chronicle summary --all --words 100 --truncate --json` (the last sentence is
cut at 100 words, as ROUGE's -l 100 cuts every peer), write the sentences one
a line to <work>/summaries/<cluster>, then print the table of
eval/duc_peers.py with our row added (ROUGE-1.5.5 -n 2 -m -l 100 -f A,
recall x100, mean over clusters).
"""

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import duc_peers  # noqa: E402

DOCS = os.path.join("usmanniazi", "DUC2004_Summarization_Documents", "duc2004_testdata",
                    "tasks1and2", "duc2004_tasks1and2_docs", "docs")


def cluster_name(folder):
    n = int(folder)
    return "d310%02d" % (n - 1000) if n >= 1000 else "d300%02d" % n


def main(argv=None):
    root = os.path.normpath(os.path.join(HERE, ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.environ.get("CHR_BIN", os.path.join(root, "build", "chronicle")))
    ap.add_argument("--duc", default=os.environ.get(
        "CHR_DUC", os.path.join(root, "..", "shared", "bench", "duc2004")))
    ap.add_argument("--work", default=os.path.join(root, "build", "eval", "duc"))
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    docs = os.path.join(a.duc, DOCS)
    models_dir = os.path.join(a.duc, "stuartmackie", "models-txt")
    if not os.path.isdir(docs) or not os.path.isdir(models_dir):
        print("duc_summary_eval.py: no DUC 2004 data at %s (skipped)" % a.duc, file=sys.stderr)
        return 0
    with_models = set(duc_peers.clusters_with_models(models_dir))
    out_dir = os.path.join(a.work, "summaries")
    os.makedirs(out_dir, exist_ok=True)
    for f in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, f))
    t0 = time.time()
    n = 0
    for folder in sorted(os.listdir(docs), key=lambda x: int(x) if x.isdigit() else 0):
        if not folder.isdigit() or cluster_name(folder) not in with_models:
            continue
        db = os.path.join(a.work, "cluster.db")
        for suf in ("", "-wal", "-shm"):
            if os.path.exists(db + suf):
                os.remove(db + suf)
        subprocess.run([a.bin, "--db", db, "--quiet", "ingest", os.path.join(docs, folder)],
                       check=False, stdout=subprocess.DEVNULL)
        p = subprocess.run([a.bin, "--db", db, "summary", "--all", "--json", "--truncate",
                            "--words", str(a.words)], stdout=subprocess.PIPE, check=True)
        s = json.loads(p.stdout.decode("utf-8"))
        with open(os.path.join(out_dir, cluster_name(folder)), "w", encoding="utf-8") as f:
            for x in s["sentences"]:
                f.write(" ".join(x["text"].split()) + "\n")
        n += 1
    secs = time.time() - t0
    print("chronicle: %d clusters summarised in %.1f s" % (n, secs))
    args = ["--duc", a.duc, "--summaries", out_dir, "--name", "chronicle"]
    if a.json:
        args.append("--json")
    return duc_peers.main(args)


if __name__ == "__main__":
    sys.exit(main())
