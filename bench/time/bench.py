#!/usr/bin/env python3
"""chronicle — make bench-time: throughput of the time module on one core.

Measures build/timetag (tagging + normalisation, in-process CPU time over N
passes, best of 3 runs) on (1) the plain text of the TimeML folder and (2) a
generated news-like corpus of >= 50 MB (seeded, built under build/bench/),
and chrono-node 2.x (bench/time/node_modules, `npm ci --prefix bench/time`)
on the same two texts in the same run; prints MB/s and the ratio.
python3 stdlib only.

and (3) the bodies of Reuters-21578 (--reuters DIR; number-dense newswire,
extracted at benchmark time into build/bench/).

usage: bench.py [--tagger build/timetag] [--tml DIR] [--reuters DIR] [--mb 50] [--no-chrono]
"""
import argparse
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def pin(cmd):
    """Run on one core when taskset exists."""
    if shutil.which("taskset"):
        return ["taskset", "-c", "0"] + cmd
    return cmd


def reuters_text(folder, out):
    """Bodies of the Reuters-21578 SGML files (number-dense newswire), built at
    benchmark time under build/bench/ (never committed)."""
    parts = []
    for n in sorted(os.listdir(folder)):
        if not (n.startswith("reut2-") and n.endswith(".sgm")):
            continue
        raw = open(os.path.join(folder, n), encoding="latin-1").read()
        for m in re.finditer(r"<BODY>(.*?)</BODY>", raw, re.S):
            parts.append(html.unescape(m.group(1)).replace("\x03", "").strip())
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts) + "\n")
    return out


def tml_text(folder, out):
    parts = []
    for root, _, names in os.walk(folder):
        for n in sorted(names):
            if not n.endswith(".tml"):
                continue
            raw = open(os.path.join(root, n), encoding="utf-8").read()
            a, b = raw.find("<TEXT>"), raw.find("</TEXT>")
            if a < 0 or b < 0:
                continue
            body = re.sub(r"<[^>]+>", "", raw[a + 6:b])
            parts.append(html.unescape(body).strip())
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts) + "\n")
    return out


SUBJ = ["The government", "Officials", "The company", "Investors", "The central bank",
        "Police", "The minister", "Analysts", "The president", "Rebels", "The court",
        "Shareholders", "The committee", "Protesters", "The agency", "Negotiators",
        "The mayor", "Economists", "The army", "Doctors", "The union", "Exporters"]
VERB = ["said", "announced", "reported", "denied", "confirmed", "warned", "argued",
        "expects", "will discuss", "is considering", "plans to review", "rejected",
        "approved", "has proposed", "criticised", "welcomed", "postponed", "signed"]
OBJ = ["the new budget", "a ceasefire agreement", "higher interest rates", "the merger",
       "a trade deal with its neighbours", "the election results", "fresh sanctions",
       "the reform package", "plans for a new airport", "the quarterly figures",
       "a review of safety rules", "talks with the opposition", "the pipeline project",
       "tighter border controls", "a rescue plan for the banks", "the draft constitution"]
TAIL = ["in a statement", "according to people familiar with the matter",
        "citing rising costs", "amid growing pressure", "after weeks of debate",
        "despite objections from the opposition", "to reporters in the capital",
        "in an interview with local media", "without giving details", ""]
FILLER = ["Markets were little changed and trading volumes stayed thin across the region.",
          "The decision drew sharp criticism from business groups and several lawmakers.",
          "Critics say the measures do not go far enough to address the underlying problems.",
          "The figures were broadly in line with the expectations of most economists.",
          "Residents of the affected districts were told to remain indoors as a precaution.",
          "The talks, held behind closed doors, focused on security and energy supplies.",
          "Shares of the company rose sharply in early trading before paring their gains.",
          "Opposition leaders called for an independent inquiry into the handling of the crisis.",
          "Aid groups said thousands of families still lacked access to clean water.",
          "The proposal must still be approved by parliament before it can take effect."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
        "Nov.", "Dec."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMW = ["two", "three", "four", "five", "six", "ten", "several", "a few"]
FOREIGN = ["martedì 9 aprile 2024", "el pasado jueves", "la semaine dernière", "hier soir",
           "il y a trois jours", "hace dos semanas", "le 12 janvier dernier", "el 3 de marzo",
           "im März 2023", "в прошлом году"]


def expr(r):
    k = r.randrange(16)
    if k == 0:
        return "on %s %d" % (r.choice(MONTHS), r.randint(1, 28))
    if k == 1:
        return "on %s %d, %d" % (r.choice(ABBR), r.randint(1, 28), r.randint(1985, 2025))
    if k == 2:
        return "in %s %d" % (r.choice(MONTHS), r.randint(1990, 2025))
    if k == 3:
        return "on %s" % r.choice(DAYS)
    if k == 4:
        return r.choice(["last week", "this week", "next month", "last year", "earlier this month",
                         "later this year", "yesterday", "today", "last March", "in October last year"])
    if k == 5:
        return "%s years ago" % r.choice(NUMW)
    if k == 6:
        return "for another %s months" % r.choice(NUMW)
    if k == 7:
        return "in %d" % r.randint(1950, 2030)
    if k == 8:
        return "in the %d0s" % r.randint(195, 202)
    if k == 9:
        return "on %d-%02d-%02d" % (r.randint(1990, 2025), r.randint(1, 12), r.randint(1, 28))
    if k == 10:
        return "from %s %d to %d" % (r.choice(MONTHS), r.randint(1, 10), r.randint(11, 28))
    if k == 11:
        return "in the third quarter"
    if k == 12:
        return "every year"
    if k == 13:
        return "at %d:%02d a.m." % (r.randint(1, 12), r.choice([0, 15, 30, 45]))
    if k == 14:
        return r.choice(FOREIGN)
    return "recently"


def generate(path, mb, seed=7):
    r = random.Random(seed)
    target = mb * 1000 * 1000
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < target:
            para = []
            for _ in range(r.randint(3, 7)):
                if r.random() < 0.45:
                    s = r.choice(FILLER)
                else:
                    tail = r.choice(TAIL)
                    s = "%s %s %s%s" % (r.choice(SUBJ), r.choice(VERB), r.choice(OBJ),
                                        " " + tail if tail else "")
                    if r.random() < 0.35:
                        s += " " + expr(r)
                    s += "."
                para.append(s)
            p = " ".join(para) + "\n\n"
            f.write(p)
            size += len(p.encode("utf-8"))
    return path


def run_tagger(tagger, path, passes):
    best = None
    for _ in range(3):
        out = subprocess.run(pin([tagger, "--ref", "2024-05-14", "--bench", str(passes), path]),
                             capture_output=True, check=True)
        d = json.loads(out.stdout)
        if best is None or d["cpu_mb_per_s"] > best["cpu_mb_per_s"]:
            best = d
    return best


def run_chrono(path):
    js = os.path.join(HERE, "chrono_bench.js")
    if not os.path.isdir(os.path.join(HERE, "node_modules", "chrono-node")):
        return None, "chrono-node not installed (npm ci --prefix bench/time)"
    if not shutil.which("node"):
        return None, "node not found"
    out = subprocess.run(pin(["node", js, path, "2024-05-14"]), capture_output=True)
    if out.returncode != 0:
        return None, out.stderr.decode()[-300:]
    return json.loads(out.stdout), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tagger", default="build/timetag")
    ap.add_argument("--tml", default="../shared/bench/temporal/tbaq-cleaned")
    ap.add_argument("--reuters", default="../shared/bench/corpus-reuters21578")
    ap.add_argument("--mb", type=int, default=50, help="size of the generated corpus")
    ap.add_argument("--no-chrono", action="store_true")
    a = ap.parse_args()
    os.makedirs("build/bench", exist_ok=True)
    corpora = []
    if os.path.isdir(a.tml):
        corpora.append(("TimeML text (tbaq-cleaned)", tml_text(a.tml, "build/bench/time_tml.txt"), 20))
    else:
        print("bench-time: TimeML folder %s not found: generated corpus only" % a.tml)
    if os.path.isdir(a.reuters):
        corpora.append(("Reuters-21578 bodies", reuters_text(a.reuters, "build/bench/time_reuters.txt"), 2))
    else:
        print("bench-time: Reuters folder %s not found: skipped" % a.reuters)
    gen = "build/bench/time_news_%dmb.txt" % a.mb
    if not os.path.exists(gen) or os.path.getsize(gen) < a.mb * 1000 * 1000:
        generate(gen, a.mb)
    corpora.append(("generated news, %d MB" % a.mb, gen, 2))
    print("MB/s per core from CPU time (wall-clock MB/s in brackets; other jobs may share the core)")
    print("%-30s %6s %22s %22s %7s" % ("corpus", "MB", "chronicle", "chrono-node", "ratio"))
    for name, path, passes in corpora:
        t = run_tagger(a.tagger, path, passes)
        c, why = (None, "skipped") if a.no_chrono else run_chrono(path)
        mb = t["bytes"] / 1e6
        ours = "%7.1f (%6.1f wall)" % (t["cpu_mb_per_s"], t["mb_per_s"])
        if c:
            theirs = "%7.1f (%6.1f wall)" % (c["cpu_mb_per_s"], c["mb_per_s"])
            print("%-30s %6.1f %22s %22s %6.1fx" %
                  (name, mb, ours, theirs, t["cpu_mb_per_s"] / c["cpu_mb_per_s"]))
        else:
            print("%-30s %6.1f %22s %22s  (%s)" % (name, mb, ours, "-", why))
        sys.stdout.flush()
    print("(one core, taskset -c 0; chronicle: best of 3 runs of %s --bench; chrono-node: "
          "chrono.parse per paragraph after a warm-up)" % a.tagger)
    return 0


if __name__ == "__main__":
    sys.exit(main())
