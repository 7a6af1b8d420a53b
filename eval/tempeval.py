#!/usr/bin/env python3
"""chronicle — TempEval-3 evaluation of the time module (make eval-time).

Runs the tagger (build/timetag) over every TimeML file of a folder with the
file's DCT as reference date and prints the TempEval-3 TIMEX3 measures:
strict and relaxed extent P/R/F1, type and value accuracy over the relaxed
matches, and attribute F1 = accuracy x relaxed F1 (value F1 is the headline),
as defined by the official TempEval-3 scorer. Only TIMEX3 inside <TEXT> are
scored (the DCT itself is given, not found). python3 stdlib only.

usage: tempeval.py [--tagger build/timetag] [--errors FILE] [--json] DIR
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile

TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
ATTR_RE = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def parse_tml(path):
    """Return (dct, text, gold) where gold is a list of (start, end, type, value)
    in character offsets of text (the plain content of <TEXT>)."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if m:
        attrs = dict(ATTR_RE.findall(m.group(1)))
        dct = attrs.get("value", "")[:10]
    a = raw.find("<TEXT>")
    b = raw.find("</TEXT>")
    if a < 0 or b < 0:
        return dct, "", []
    body = raw[a + len("<TEXT>"):b]
    out = []
    gold = []
    open_timex = None
    pos = 0
    length = 0
    for m in TAG_RE.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            at = dict(ATTR_RE.findall(attrs))
            open_timex = (length, at.get("type", ""), at.get("value", ""))
        elif open_timex:
            s, ty, va = open_timex
            gold.append((s, length, ty, va))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return dct, "".join(out), gold


def byte_to_char(text):
    """Map UTF-8 byte offsets to character offsets."""
    m = {}
    bpos = 0
    for i, ch in enumerate(text):
        m[bpos] = i
        bpos += len(ch.encode("utf-8"))
    m[bpos] = len(text)
    return m


def run_tagger(tagger, text, dct):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
        name = f.name
    try:
        cmd = [tagger, "--lang", "en"]
        if dct:
            cmd += ["--ref", dct]
        cmd.append(name)
        res = subprocess.run(cmd, capture_output=True, check=True)
    finally:
        os.unlink(name)
    data = json.loads(res.stdout.decode("utf-8"))
    b2c = byte_to_char(text)
    sysx = []
    for t in data["timexes"]:
        s, e = b2c.get(t["start"]), b2c.get(t["end"])
        if s is None or e is None:
            continue
        sysx.append((s, e, t["type"], t["value"]))
    return sysx


def infer_ref(tagger, text):
    """The reference date build/timetag infers for a text without one."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
        name = f.name
    try:
        res = subprocess.run([tagger, "--lang", "en", name], capture_output=True, check=True)
    finally:
        os.unlink(name)
    d = json.loads(res.stdout.decode("utf-8"))
    return d["ref_date"] if d["ref_source"] == "inferred" else None


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def prf(tp_sys, n_sys, tp_gold, n_gold):
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def context(text, g, width=100):
    """The text around a gold timex on one line, the timex in [brackets]."""
    a = text[max(0, g[0] - width):g[0]]
    b = text[g[1]:g[1] + width]
    return (a + "[" + text[g[0]:g[1]] + "]" + b).replace("\n", " ").replace("\t", " ")


def score(docs):
    n_sys = n_gold = 0
    strict_sys = strict_gold = relax_sys = relax_gold = 0
    pairs = 0
    type_ok = value_ok = 0
    errors = []
    for name, text, gold, sysx in docs:
        n_sys += len(sysx)
        n_gold += len(gold)
        gset = {(g[0], g[1]) for g in gold}
        sset = {(s[0], s[1]) for s in sysx}
        strict_sys += sum(1 for s in sysx if (s[0], s[1]) in gset)
        strict_gold += sum(1 for g in gold if (g[0], g[1]) in sset)
        relax_sys += sum(1 for s in sysx if any(overlap(s, g) for g in gold))
        used = set()
        for g in gold:
            match = None
            for k, s in enumerate(sysx):
                if k not in used and overlap(s, g):
                    match = k
                    break
            if match is None:
                # a system timex may overlap two gold ones; count recall anyway
                for k, s in enumerate(sysx):
                    if overlap(s, g):
                        match = k
                        break
                if match is None:
                    errors.append(("MISSED", name, text[g[0]:g[1]], g[2], g[3], "", "", "",
                                   context(text, g)))
                    continue
            else:
                used.add(match)
            relax_gold += 1
            s = sysx[match]
            pairs += 1
            t_ok = s[2] == g[2]
            v_ok = s[3] == g[3]
            type_ok += t_ok
            value_ok += v_ok
            if not v_ok or not t_ok:
                errors.append(("VALUE", name, text[g[0]:g[1]], g[2], g[3], text[s[0]:s[1]], s[2], s[3],
                               context(text, g)))
            elif (s[0], s[1]) != (g[0], g[1]):
                errors.append(("EXTENT", name, text[g[0]:g[1]], g[2], g[3], text[s[0]:s[1]], s[2], s[3]))
        for k, s in enumerate(sysx):
            if not any(overlap(s, g) for g in gold):
                ctx = text[max(0, s[0] - 40):s[1] + 40].replace("\n", " ")
                errors.append(("SPURIOUS", name, text[s[0]:s[1]], "", "", ctx, s[2], s[3]))
    sp, sr, sf = prf(strict_sys, n_sys, strict_gold, n_gold)
    rp, rr, rf = prf(relax_sys, n_sys, relax_gold, n_gold)
    tacc = type_ok / pairs if pairs else 0.0
    vacc = value_ok / pairs if pairs else 0.0
    return {
        "docs": len(docs), "gold": n_gold, "system": n_sys,
        "strict": {"P": sp, "R": sr, "F1": sf},
        "relaxed": {"P": rp, "R": rr, "F1": rf},
        "type": {"accuracy": tacc, "F1": tacc * rf},
        "value": {"accuracy": vacc, "F1": vacc * rf},
    }, errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--tagger", default="build/timetag")
    ap.add_argument("--errors", help="write every error (MISSED/SPURIOUS/VALUE/EXTENT) as TSV")
    ap.add_argument("--json", action="store_true", help="print the measures as JSON")
    ap.add_argument("--infer", action="store_true",
                    help="also score reference-date inference: tag each text without its DCT")
    a = ap.parse_args()
    if not os.path.isdir(a.dir):
        print("eval-time: skipped: %s not found" % a.dir)
        return 0
    files = []
    for root, _, names in os.walk(a.dir):
        files += [os.path.join(root, n) for n in names if n.endswith(".tml")]
    files.sort()
    if not files:
        print("eval-time: skipped: no .tml files in %s" % a.dir)
        return 0
    docs = []
    inferred = []
    for path in files:
        dct, text, gold = parse_tml(path)
        sysx = run_tagger(a.tagger, text, dct)
        docs.append((os.path.relpath(path, a.dir) + (" DCT=" + dct if dct else ""), text, gold, sysx))
        if a.infer and dct:
            inferred.append((dct, infer_ref(a.tagger, text)))
    res, errors = score(docs)
    if inferred:
        import datetime
        exact = near = found = 0
        for dct, got in inferred:
            if not got:
                continue
            found += 1
            diff = abs((datetime.date.fromisoformat(got) - datetime.date.fromisoformat(dct)).days)
            exact += diff == 0
            near += diff <= 7
        res["infer_ref"] = {"docs": len(inferred), "inferred": found, "exact_day": exact,
                            "within_7_days": near}
    if a.errors:
        with open(a.errors, "w", encoding="utf-8") as f:
            for e in errors:
                f.write("\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in e) + "\n")
    if a.json:
        print(json.dumps(res, indent=2))
        return 0
    print("TempEval-3 TIMEX3 on %s: %d documents, %d gold, %d system" %
          (a.dir, res["docs"], res["gold"], res["system"]))
    print("  strict extent   P %.4f  R %.4f  F1 %.4f" %
          (res["strict"]["P"], res["strict"]["R"], res["strict"]["F1"]))
    print("  relaxed extent  P %.4f  R %.4f  F1 %.4f" %
          (res["relaxed"]["P"], res["relaxed"]["R"], res["relaxed"]["F1"]))
    print("  type            accuracy %.4f  F1 %.4f" % (res["type"]["accuracy"], res["type"]["F1"]))
    print("  value           accuracy %.4f  F1 %.4f" % (res["value"]["accuracy"], res["value"]["F1"]))
    if "infer_ref" in res:
        r = res["infer_ref"]
        print("  reference-date inference (DCT hidden): %d of %d inferred, %d exact day, "
              "%d within 7 days" % (r["inferred"], r["docs"], r["exact_day"], r["within_7_days"]))
    print("  (TempEval-3 platinum, for reference: HeidelTime value F1 77.61, relaxed F1 90.30;"
          " SUTime value F1 67.38)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
