#!/usr/bin/env python3
# chronicle eval — scores the 13 published DUC 2004 task 2 systems (SumRepo
# peers) with eval/rouge.py on the clusters present, prints a table, and
# checks every per-cluster score against the ROUGE-1.5.5 output shipped.
"""DUC 2004 task 2: the published systems, scored by our ROUGE-1.5.5 port.

Reads ../shared/bench/duc2004/stuartmackie/ (peers-txt/<cluster>.<System>,
models-txt/<cluster>.m.100.t.<X>), scores each system on every cluster that
has models (ROUGE-1.5.5 -n 2 -m -l 100 -f A -p 0.5 -t 0, stop words kept)
and prints: system, ROUGE-1 R, ROUGE-2 R (x100, mean over clusters; the
bootstrap average ROUGE itself prints is in --full). With --check it compares
every per-cluster R/P/F with the `Eval` lines of stuartmackie/rouge.res (real
ROUGE-1.5.5 output) and reports the mismatches.

    duc_peers.py [--duc DIR] [--check] [--full] [--json]
    duc_peers.py --summaries DIR --name NAME   # add our own summaries
(--summaries: files named <cluster> or <cluster>.<anything>, one sentence per
line, scored the same way and shown as an extra row.)
"""

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rouge  # noqa: E402


def clusters_with_models(models_dir):
    out = {}
    for name in sorted(os.listdir(models_dir)):
        m = re.match(r"^(d\d+)\.m\.100\.t\.([A-Za-z])$", name)
        if m:
            out.setdefault(m.group(1), []).append(os.path.join(models_dir, name))
    return out


def peer_files(peers_dir):
    """{system: {cluster: path}}"""
    out = {}
    for name in sorted(os.listdir(peers_dir)):
        m = re.match(r"^(d\d+)\.(.+)$", name)
        if m:
            out.setdefault(m.group(2), {})[m.group(1)] = os.path.join(peers_dir, name)
    return out


def read_rouge_res(path):
    """{(system, n, cluster): (R, P, F)} from ROUGE-1.5.5 -d output."""
    ref = {}
    pat = re.compile(r"^(\S+) ROUGE-(\d) Eval (d\d+)\.\S+ R:([\d.]+) P:([\d.]+) F:([\d.]+)")
    with open(path) as f:
        for ln in f:
            m = pat.match(ln)
            if m:
                ref[(m.group(1), int(m.group(2)), m.group(3))] = tuple(
                    float(x) for x in m.groups()[3:])
    return ref


def score_system(files, models, model_sents):
    """Per-cluster ROUGE-1/2 for one system: {cluster: score dict}."""
    per = {}
    for c in sorted(models):
        if c not in files:
            continue
        peer = rouge.read_summary(files[c])
        per[c] = rouge.score(peer, model_sents[c], n_max=2, words=100)
    return per


def summarise(per):
    row = {}
    for n in (1, 2):
        vals = [per[c][n]["R"] for c in sorted(per)]
        avg, lo, hi, plain = rouge.average(vals)
        row[n] = {"mean": plain, "rouge_avg": avg, "ci": (lo, hi)}
    row["clusters"] = len(per)
    return row


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.normpath(os.path.join(here, "..", "..", "shared", "bench", "duc2004"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--duc", default=os.environ.get("CHR_DUC", default),
                    help="duc2004 folder (default ../shared/bench/duc2004)")
    ap.add_argument("--check", action="store_true",
                    help="compare per-cluster scores with stuartmackie/rouge.res")
    ap.add_argument("--full", action="store_true",
                    help="also print ROUGE's bootstrap average and 95%% CI")
    ap.add_argument("--summaries", help="folder of our summaries to add as a row")
    ap.add_argument("--name", default="chronicle", help="row name for --summaries")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)

    sm = os.path.join(a.duc, "stuartmackie")
    if not os.path.isdir(os.path.join(sm, "models-txt")):
        print("duc_peers.py: no DUC 2004 data at %s" % sm, file=sys.stderr)
        return 2
    models = clusters_with_models(os.path.join(sm, "models-txt"))
    model_sents = {c: [rouge.read_summary(p) for p in ps] for c, ps in models.items()}
    systems = peer_files(os.path.join(sm, "peers-txt"))
    if a.summaries:
        ours = {}
        for name in os.listdir(a.summaries):
            m = re.match(r"^(d\d+)", name)
            if m:
                ours[m.group(1)] = os.path.join(a.summaries, name)
        systems[a.name] = ours

    per_system = {s: score_system(f, models, model_sents) for s, f in systems.items()}
    rows = {s: summarise(p) for s, p in per_system.items() if p}

    mismatches = checked = 0
    if a.check:
        ref = read_rouge_res(os.path.join(sm, "rouge.res"))
        for s, per in per_system.items():
            for c, sc in per.items():
                for n in (1, 2):
                    key = (s, n, c)
                    if key not in ref:
                        continue
                    checked += 1
                    got = (sc[n]["R"], sc[n]["P"], sc[n]["F"])
                    if any(abs(x - y) > 1e-9 for x, y in zip(got, ref[key])):
                        mismatches += 1
                        print("mismatch %s ROUGE-%d %s: ours R:%.5f P:%.5f F:%.5f"
                              " rouge.res R:%.5f P:%.5f F:%.5f"
                              % ((s, n, c) + got + ref[key]), file=sys.stderr)

    order = sorted(rows, key=lambda s: rows[s][2]["mean"])
    if a.json:
        out = {s: {"clusters": rows[s]["clusters"],
                   "rouge1_R": rows[s][1]["mean"], "rouge2_R": rows[s][2]["mean"],
                   "rouge1_R_rouge_avg": rows[s][1]["rouge_avg"],
                   "rouge2_R_rouge_avg": rows[s][2]["rouge_avg"]} for s in order}
        if a.check:
            out["_check"] = {"compared": checked, "mismatches": mismatches}
        print(json.dumps(out, indent=1))
    else:
        n_clusters = max(r["clusters"] for r in rows.values())
        print("DUC 2004 task 2, %d clusters, ROUGE-1.5.5 -n 2 -m -l 100 -f A "
              "(recall x100, mean over clusters)" % n_clusters)
        hdr = "%-12s %6s %6s" % ("system", "R-1", "R-2")
        if a.full:
            hdr += "   %-22s %-22s" % ("R-1 ROUGE avg [95% CI]", "R-2 ROUGE avg [95% CI]")
        print(hdr)
        for s in order:
            r = rows[s]
            line = "%-12s %6.2f %6.2f" % (s, 100 * r[1]["mean"], 100 * r[2]["mean"])
            if r["clusters"] != n_clusters:
                line += "  (%d clusters)" % r["clusters"]
            if a.full:
                for n in (1, 2):
                    line += "   %6.2f [%5.2f-%5.2f]  " % (
                        100 * r[n]["rouge_avg"], 100 * r[n]["ci"][0], 100 * r[n]["ci"][1])
            print(line)
        if a.check:
            print("check against rouge.res: %d per-cluster R/P/F triples compared, "
                  "%d differ" % (checked, mismatches))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
