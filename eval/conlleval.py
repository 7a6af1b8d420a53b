#!/usr/bin/env python3
"""chronicle — conlleval: exact-match entity precision, recall and F1.

A python3 (stdlib) port of the CoNLL-2000/2003 conlleval.pl chunk logic.
Reads lines "token ... gold predicted" (last two columns are IOB1/IOB2/BIO
tags; blank lines end sentences) from stdin or a file, prints the totals and
the per-type table in conlleval's layout. Exit status 0.

Usage: conlleval.py [FILE] [--json]
"""
import json
import sys


def split_tag(tag):
    if tag == "O" or "-" not in tag:
        return "O", ""
    p, t = tag.split("-", 1)
    return p, t


def end_of_chunk(prev_tag, tag, prev_type, type_):
    return (
        (prev_tag == "B" and tag == "B")
        or (prev_tag == "B" and tag == "O")
        or (prev_tag == "I" and tag == "B")
        or (prev_tag == "I" and tag == "O")
        or (prev_tag == "E" and tag in ("E", "I", "O", "B"))
        or (prev_tag == "S" and tag in ("E", "I", "O", "B", "S"))
        or (prev_tag != "O" and prev_type != type_)
    )


def start_of_chunk(prev_tag, tag, prev_type, type_):
    return (
        (prev_tag == "B" and tag == "B")
        or (prev_tag == "I" and tag == "B")
        or (prev_tag == "O" and tag in ("B", "I"))
        or (prev_tag in ("E", "S") and tag in ("E", "I", "B", "S"))
        or (tag == "S")
        or (tag != "O" and prev_type != type_)
    )


def evaluate(lines):
    correct = found_g = found_p = 0
    per = {}
    in_correct = False
    lc_g = lc_p = "O"
    lt_g = lt_p = ""
    tokens = correct_tags = 0

    def bump(t, k):
        per.setdefault(t, [0, 0, 0])[k] += 1

    for line in list(lines) + [""]:
        line = line.rstrip("\r\n")
        f = line.split()
        if not f or f[0] == "-DOCSTART-":
            g, p, tg, tp = "O", "O", "", ""
        else:
            g, tg = split_tag(f[-2])
            p, tp = split_tag(f[-1])
        end_g = end_of_chunk(lc_g, g, lt_g, tg)
        end_p = end_of_chunk(lc_p, p, lt_p, tp)
        start_g = start_of_chunk(lc_g, g, lt_g, tg)
        start_p = start_of_chunk(lc_p, p, lt_p, tp)
        if in_correct:
            if end_g and end_p and lt_g == lt_p:
                in_correct = False
                correct += 1
                bump(lt_g, 0)
            elif end_g != end_p or tg != tp:
                in_correct = False
        if start_g and start_p and tg == tp:
            in_correct = True
        if start_g:
            found_g += 1
            bump(tg, 1)
        if start_p:
            found_p += 1
            bump(tp, 2)
        if f and f[0] != "-DOCSTART-":
            tokens += 1
            if f[-2] == f[-1] or (g == p == "O") or (g == p and tg == tp):
                correct_tags += 1
        lc_g, lc_p, lt_g, lt_p = g, p, tg, tp
    return correct, found_g, found_p, per, tokens, correct_tags


def prf(c, g, p):
    pr = c / p if p else 0.0
    rc = c / g if g else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f1


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    src = open(args[0], encoding="utf-8") if args else sys.stdin
    correct, fg, fp, per, tokens, ctags = evaluate(src)
    pr, rc, f1 = prf(correct, fg, fp)
    if "--json" in sys.argv:
        out = {"overall": {"precision": pr, "recall": rc, "f1": f1}}
        for t in sorted(per):
            p2, r2, f2 = prf(*per[t])
            out[t] = {"precision": p2, "recall": r2, "f1": f2}
        print(json.dumps(out, indent=1))
        return
    print("processed %d tokens with %d phrases; found: %d phrases; correct: %d."
          % (tokens, fg, fp, correct))
    print("accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f"
          % (100.0 * ctags / max(tokens, 1), 100 * pr, 100 * rc, 100 * f1))
    for t in sorted(per):
        c, g, p = per[t]
        p2, r2, f2 = prf(c, g, p)
        print("%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d"
              % (t, 100 * p2, 100 * r2, 100 * f2, p))


if __name__ == "__main__":
    main()
