#!/usr/bin/env python3
"""chronicle — Romance-language NER scorer (python3 stdlib only).

Reads the gold files of tests/data/ner/ (format in its README.md: documents
separated by blank lines, inline [TYPE words] spans, @same/@diff/@canon
directives), tags each document with `chronicle tag --json -` (language
identification, sentence splitting, date expressions and entities as the
pipeline runs them) and prints exact-span precision, recall and F1 per file
(language) and overall, plus the linking checks of the directives.

Usage: ner_romance.py [--bin build/chronicle] [-v] [--json] FILE...
Nominal mentions ("kind": "nominal") are not names and are not scored.
"""
import argparse
import json
import re
import subprocess
import sys

TYPES = ("PER", "LOC", "ORG", "MISC")
SPAN = re.compile(r"\[(PER|LOC|ORG|MISC) ([^\[\]]+)\]")


def parse(path):
    """Documents of a gold file: [{"text", "gold": [(start, end, type)],
    "checks": [(kind, a, b)], "line": first line number}]. Offsets are
    UTF-8 byte offsets into the document text."""
    docs, cur = [], None

    def close():
        if cur and cur["lines"]:
            text = "\n".join(cur["lines"]) + "\n"
            docs.append({"text": text, "gold": cur["gold"], "checks": cur["checks"],
                         "line": cur["line"]})

    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            ln = raw.rstrip("\n")
            if ln.startswith("#"):
                continue
            if not ln.strip():
                close()
                cur = None
                continue
            if cur is None:
                cur = {"lines": [], "gold": [], "checks": [], "line": no, "off": 0}
            if ln.startswith("@"):
                kind, _, rest = ln[1:].partition(" ")
                if kind in ("same", "diff"):
                    a, sep, b = rest.partition("|")
                    if not sep:
                        sys.exit("%s:%d: @%s needs 'A | B'" % (path, no, kind))
                    cur["checks"].append((kind, a.strip(), b.strip()))
                elif kind == "canon":
                    a, sep, b = rest.partition("=")
                    if not sep:
                        sys.exit("%s:%d: @canon needs 'A = NAME [CC]'" % (path, no))
                    b = b.strip()
                    m = re.match(r"^(.*?)(?: ([A-Z]{2}))?$", b)
                    cur["checks"].append(("canon", a.strip(), (m.group(1), m.group(2))))
                else:
                    sys.exit("%s:%d: unknown directive @%s" % (path, no, kind))
                continue
            plain, pos = [], 0
            base = cur["off"]
            blen = 0  # bytes of plain text so far on this line
            for m in SPAN.finditer(ln):
                pre = ln[pos:m.start()]
                plain.append(pre)
                blen += len(pre.encode("utf-8"))
                words = m.group(2)
                s = base + blen
                blen += len(words.encode("utf-8"))
                cur["gold"].append((s, base + blen, m.group(1)))
                plain.append(words)
                pos = m.end()
            plain.append(ln[pos:])
            text = "".join(plain)
            if "[" in text or "]" in text:
                sys.exit("%s:%d: unbalanced or malformed bracket" % (path, no))
            cur["lines"].append(text)
            cur["off"] = base + len(text.encode("utf-8")) + 1
    close()
    return docs


def tag(binary, text):
    p = subprocess.run([binary, "tag", "--json", "-"], input=text.encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode != 0:
        sys.exit("%s tag failed: %s" % (binary, p.stderr.decode("utf-8", "replace")))
    return json.loads(p.stdout.decode("utf-8"))


def prf(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def run_checks(doc, out, raw):
    """Evaluate @same/@diff/@canon: (passed, failed, messages)."""
    ms = [m for m in out.get("entities", []) if m.get("kind", "name") != "nominal"]
    ents = {e["entity"]: e for e in out.get("entity_list", [])}

    def ent_of(surface):
        for m in ms:
            if raw[m["start"]:m["end"]].decode("utf-8", "replace") == surface:
                return m["entity"]
        return None

    ok = bad = 0
    msgs = []
    for kind, a, b in doc["checks"]:
        ea = ent_of(a)
        if kind == "canon":
            e = ents.get(ea) if ea is not None else None
            good = e is not None and e["canonical"] == b[0] and (b[1] is None or
                                                                 e.get("country") == b[1])
            what = "%s -> %s" % (a, ("%s %s" % (e["canonical"], e.get("country"))) if e
                                 else "no mention")
            want = "%s %s" % (b[0], b[1] or "")
        else:
            eb = ent_of(b)
            good = ea is not None and eb is not None and ((ea == eb) == (kind == "same"))
            what = "%s=%s %s=%s" % (a, ea, b, eb)
            want = kind
        if good:
            ok += 1
        else:
            bad += 1
            msgs.append("  %s check failed: %s (want %s)" % (kind, what, want.strip()))
    return ok, bad, msgs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/chronicle")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every error")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    total = {"tp": 0, "np": 0, "ng": 0, "ok": 0, "bad": 0}
    report = {}
    for path in a.files:
        name = re.sub(r"\.txt$", "", path.rsplit("/", 1)[-1])
        lang = name[:2]
        docs = parse(path)
        c = {"tp": 0, "np": 0, "ng": 0, "ok": 0, "bad": 0, "lang_wrong": 0}
        per = {t: [0, 0, 0] for t in TYPES}  # tp, predicted, gold
        mixed = 0  # surface names given two types in one document
        for doc in docs:
            out = tag(a.bin, doc["text"])
            raw = doc["text"].encode("utf-8")
            if out.get("lang") != lang:
                c["lang_wrong"] += 1
            pred = set()
            types_of = {}
            for m in out.get("entities", []):
                if m.get("kind", "name") == "nominal":
                    continue
                pred.add((m["start"], m["end"], m["type"]))
                s = raw[m["start"]:m["end"]]
                types_of.setdefault(s, set()).add(m["type"])
            mixed += sum(1 for v in types_of.values() if len(v) > 1)
            gold = set(doc["gold"])
            tp = pred & gold
            c["tp"] += len(tp)
            c["np"] += len(pred)
            c["ng"] += len(gold)
            for t in TYPES:
                per[t][0] += sum(1 for x in tp if x[2] == t)
                per[t][1] += sum(1 for x in pred if x[2] == t)
                per[t][2] += sum(1 for x in gold if x[2] == t)
            ok, bad, msgs = run_checks(doc, out, raw)
            c["ok"] += ok
            c["bad"] += bad
            if a.verbose and (pred != gold or msgs):
                print("%s:%d (lang %s)" % (path, doc["line"], out.get("lang")))
                for s, e, t in sorted(gold - pred):
                    print("  missed   %-4s %s" % (t, raw[s:e].decode("utf-8")))
                for s, e, t in sorted(pred - gold):
                    print("  spurious %-4s %s" % (t, raw[s:e].decode("utf-8")))
                for msg in msgs:
                    print(msg)
        p, r, f = prf(c["tp"], c["np"], c["ng"])
        report[name] = {"precision": round(p, 2), "recall": round(r, 2), "f1": round(f, 2),
                        "gold": c["ng"], "predicted": c["np"], "correct": c["tp"],
                        "checks_passed": c["ok"], "checks_failed": c["bad"],
                        "docs": len(docs), "lang_misidentified": c["lang_wrong"],
                        "mixed_type_names": mixed,
                        "types": {t: round(prf(*per[t])[2], 2) for t in TYPES}}
        for k in ("tp", "np", "ng", "ok", "bad"):
            total[k] += c[k]
    p, r, f = prf(total["tp"], total["np"], total["ng"])
    report["all"] = {"precision": round(p, 2), "recall": round(r, 2), "f1": round(f, 2),
                     "gold": total["ng"], "checks_passed": total["ok"],
                     "checks_failed": total["bad"]}
    if a.json:
        print(json.dumps(report, indent=1))
        return
    print("%-5s %6s %6s %6s  %5s  %-28s %s" % ("file", "P", "R", "F1", "gold", "F1 PER/LOC/ORG/MISC",
                                               "checks"))
    for lang, x in report.items():
        ty = x.get("types")
        tys = "/".join("%.0f" % ty[t] for t in TYPES) if ty else ""
        extra = ""
        if "docs" in x:
            extra = "  (docs %d, lang wrong %d, mixed-type names %d)" % (
                x["docs"], x["lang_misidentified"], x["mixed_type_names"])
        print("%-5s %6.2f %6.2f %6.2f  %5d  %-28s %d/%d%s" % (
            lang, x["precision"], x["recall"], x["f1"], x["gold"], tys, x["checks_passed"],
            x["checks_passed"] + x["checks_failed"], extra))


if __name__ == "__main__":
    main()
