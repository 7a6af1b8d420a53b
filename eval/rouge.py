#!/usr/bin/env python3
# chronicle eval — ROUGE-N scorer that reproduces ROUGE-1.5.5 (Lin 2004) in
# pure stdlib Python: its tokeniser, its Porter stemmer (-m), word truncation
# (-l), model averaging (-f A), F with alpha (-p), per-evaluation rounding and
# the bootstrap average with Perl's drand48 (-t 0, -c, -r). No ROUGE-L/W/S/BE.
"""ROUGE-N as ROUGE-1.5.5 computes it (DUC 2004 task 2 settings by default).

ROUGE-1.5.5 flags reproduced: -n N, -m, -s (with a stop-word file), -l WORDS,
-b BYTES, -f A|B, -p ALPHA, -t 0 (per-evaluation averaging with bootstrap
resampling, -r and -c) and -t 1/2 (corpus counts).  Since version 1.4 ROUGE
does not jackknife: with several models it pools hits and model n-gram counts
over all of them ("model average", -f A), which is what `score()` does.
ROUGE's -m first looks a word up in WordNet's exception lists (said -> say,
children -> child) and only then runs Porter; we read the same lists from
the Debian package wordnet-base (/usr/share/wordnet/*.exc, WordNet 3.0; ROUGE
ships 2.0) or from $CHR_WORDNET_EXC (a folder). Without them a warning is
printed and scores drift slightly (see docs/evaluation.md).

Library use:
    import rouge
    r = rouge.score(peer_sentences, [model1_sentences, model2_sentences])
    r[1]["R"], r[2]["F"]
Command line:
    rouge.py --peer FILE --models FILE... [-n 2] [-l 100] [--no-stem]
"""

import argparse
import json
import os
import re
import sys

# --------------------------------------------------------------------------
# Porter stemmer, as ROUGE-1.5.5 embeds it (the tartarus.org Perl release 1
# with Chin-Yew Lin's 2004 change to step 4: "-ement" words never fall
# through to the "-ment"/"-ent" rules in the same pass).

_C = "[^aeiou][^aeiouy]*"  # consonant sequence
_V = "[aeiouy][aeiou]*"  # vowel sequence
_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # m > 0
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")  # m = 1
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # m > 1
_HAS_V = re.compile("^(" + _C + ")?[aeiouy]")  # vowel in stem
_CVC = re.compile("^" + _C + "[aeiouy][^aeiouwxy]$")

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance",
    "izer": "ize", "bli": "ble", "alli": "al", "entli": "ent", "eli": "e",
    "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate",
    "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous",
    "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP2_RE = re.compile("(" + "|".join(
    ["ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli",
     "eli", "ousli", "ization", "ation", "ator", "alism", "iveness",
     "fulness", "ousness", "aliti", "iviti", "biliti", "logi"]) + ")$")
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic",
          "ical": "ic", "ful": "", "ness": ""}
_STEP3_RE = re.compile("(icate|ative|alize|iciti|ical|ful|ness)$")
_STEP4_RE = re.compile(
    "(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


def porter_stem(w):
    """Stem one lower-case ASCII word exactly as ROUGE-1.5.5's `stem`."""
    if len(w) < 3:
        return w
    first_y = w[0] == "y"
    if first_y:
        w = "Y" + w[1:]
    # Step 1a
    m = re.search("(ss|i)es$", w)
    if m:
        w = w[:m.start()] + m.group(1)
    else:
        m = re.search("([^s])s$", w)
        if m:
            w = w[:m.start()] + m.group(1)
    # Step 1b
    m = re.search("eed$", w)
    if m:
        if _MGR0.search(w[:m.start()]):
            w = w[:-1]
    else:
        m = re.search("(ed|ing)$", w)
        if m:
            stem = w[:m.start()]
            if _HAS_V.search(stem):
                w = stem
                if re.search("(at|bl|iz)$", w):
                    w += "e"
                elif re.search(r"([^aeiouylsz])\1$", w):
                    w = w[:-1]
                elif _CVC.search(w):
                    w += "e"
    # Step 1c
    m = re.search("y$", w)
    if m:
        stem = w[:m.start()]
        if _HAS_V.search(stem):
            w = stem + "i"
    # Step 2
    m = _STEP2_RE.search(w)
    if m:
        stem = w[:m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP2[m.group(1)]
    # Step 3
    m = _STEP3_RE.search(w)
    if m:
        stem = w[:m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP3[m.group(1)]
    # Step 4 (ROUGE's variant: three independent tests, the last with elsif)
    m = _STEP4_RE.search(w)
    if m:
        stem = w[:m.start()]
        if _MGR1.search(stem):
            w = stem
    m = re.search("ment$", w)
    if m:
        stem = w[:m.start()]
        if _MGR1.search(stem):
            w = stem
    m = re.search("ent$", w)
    if m:
        stem = w[:m.start()]
        if _MGR1.search(stem):
            w = stem
    else:
        m = re.search("(s|t)(ion)$", w)
        if m:
            stem = w[:m.start()] + m.group(1)
            if _MGR1.search(stem):
                w = stem
    # Step 5
    m = re.search("e$", w)
    if m:
        stem = w[:m.start()]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]
    if first_y:
        w = "y" + w[1:]
    return w


# --------------------------------------------------------------------------
# Reading and tokenising, as ROUGE's readText/createNGram do.

_WS = re.compile(r"[ \t\n\r\f\v]+")


def _perl_split(s):
    """Perl's split(/\\s+/, s): a leading empty field is kept, trailing
    empty fields are dropped."""
    parts = _WS.split(s)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def _lower_ascii(s):
    return s.translate(_LOWER)


_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def read_spl(path):
    """Sentences of a one-sentence-per-line file (ROUGE's SPL format). The
    file is read as bytes so that non-ASCII bytes behave as in ROUGE."""
    with open(path, "rb") as f:
        data = f.read().decode("latin-1")
    return [ln for ln in data.split("\n") if ln != ""]


_SEE_LINE = re.compile(
    r'^<a (?:size="[0-9]+" )?name="[0-9]+">\[([0-9]+)\]</a>\s+'
    r'<a href="#[0-9]+" id=[0-9]+>([^<]+)')


def read_see(path):
    """Sentences of a SEE html summary file (ROUGE's default input format)."""
    with open(path, "rb") as f:
        data = f.read().decode("latin-1")
    out = []
    for ln in data.split("\n"):
        m = _SEE_LINE.match(ln)
        if m:
            out.append(m.group(2))
    return out


def read_summary(path):
    """SEE html if the file looks like it, else one sentence per line."""
    with open(path, "rb") as f:
        head = f.read(512).decode("latin-1").lower()
    if "<html" in head or '<a name="' in head:
        return read_see(path)
    return read_spl(path)


def truncate(sentences, words=0, nbytes=0):
    """Join sentences into one string, cut to `words` words or `nbytes`
    bytes the way ROUGE-1.5.5's readText does (lower-casing first)."""
    sents = [_lower_ascii(s) for s in sentences]
    if words == 0 and nbytes == 0:
        text = " ".join(sents)
    elif words:
        text, n = "", 0
        for s in sents:
            toks = _perl_split(s)
            if n + len(toks) < words:
                text += (" " if n else "") + s
                n += len(toks)
            else:
                if n > 0:
                    text += " "
                text += " ".join(toks[:words - n])
                break
    else:
        text, n = "", 0
        for s in sents:
            if n + len(s) < nbytes:
                text += (" " if n else "") + s
                n += len(s)
            else:
                if n > 0:
                    text += " "
                text += s[:nbytes - n]
                break
    text = text.replace("-", " - ")
    text = re.sub(r"[^A-Za-z0-9\-]", " ", text)
    return text.strip()


def tokens(text, stem=True, stopwords=None, exceptions=None):
    """Tokens that ROUGE counts: words starting with [a-z0-9], stop words
    removed (-s), words longer than 3 characters stemmed (-m)."""
    out = []
    for t in _perl_split(text):
        if stopwords is not None and t in stopwords:
            continue
        if not t or not ("a" <= t[0] <= "z" or "0" <= t[0] <= "9" or t[0] == "$"):
            continue
        if stem and len(t) > 3:
            if exceptions is not None and t in exceptions:
                t = exceptions[t]
            else:
                t = porter_stem(t)
        out.append(t)
    return out


def ngrams(toks, n):
    """Counter-like dict of n-grams, plus the total count."""
    grams = {}
    total = 0
    for i in range(len(toks) - n + 1):
        g = " ".join(toks[i:i + n])
        grams[g] = grams.get(g, 0) + 1
        total += 1
    return grams, total


def _r5(x):
    """ROUGE rounds every per-evaluation score with sprintf("%7.5f")."""
    return float("%7.5f" % x)


def score_tokens(peer_toks, model_toks_list, n_max=2, mode="A", alpha=0.5):
    """ROUGE-1..n_max for one peer against its models (already tokenised).
    Returns {n: {"R","P","F","hit","model_count","peer_count"}}; R/P/F are
    rounded to 5 decimals as ROUGE prints and averages them."""
    res = {}
    for n in range(1, n_max + 1):
        pg, pc = ngrams(peer_toks, n)
        hit = cnt = cntp = 0
        best = -1.0
        for mt in model_toks_list:
            mg, mc = ngrams(mt, n)
            h = sum(min(c, pg[g]) for g, c in mg.items() if g in pg)
            if mode == "B":
                s = float("%07.5f" % (h / mc)) if mc else 0.0
                if s > best:
                    best, hit, cnt, cntp = s, h, mc, pc
            else:
                hit += h
                cnt += mc
                cntp += pc
        r = _r5(hit / cnt) if cnt else 0.0
        p = _r5(hit / cntp) if cntp else 0.0
        den = (1 - alpha) * p + alpha * r
        f = _r5(p * r / den) if den > 0 else 0.0
        res[n] = {"R": r, "P": p, "F": f, "hit": hit,
                  "model_count": cnt, "peer_count": cntp}
    return res


def score(peer_sents, model_sents_list, n_max=2, words=100, nbytes=0,
          stem=True, stopwords=None, exceptions="default", mode="A",
          alpha=0.5):
    """Score one peer summary (list of sentences) against one or more model
    summaries (lists of sentences). Defaults are the DUC 2004 task 2 run:
    ROUGE-1.5.5 -n 2 -m -l 100 -f A -p 0.5 (stop words kept). `exceptions`:
    "default" (WordNet lists, see default_exceptions), None, or a dict."""
    if exceptions == "default":
        exceptions = default_exceptions() if stem else None
    pt = tokens(truncate(peer_sents, words, nbytes), stem, stopwords, exceptions)
    mts = [tokens(truncate(m, words, nbytes), stem, stopwords, exceptions)
           for m in model_sents_list]
    return score_tokens(pt, mts, n_max, mode, alpha)


# --------------------------------------------------------------------------
# Averaging over evaluations (ROUGE's computeAverages with -t 0).

class _Drand48:
    """Perl's rand()/srand() (drand48, the same on every platform since Perl
    5.20 and on glibc before): ROUGE seeds resample i with srand(i)."""

    def __init__(self, seed):
        self.x = ((seed << 16) | 0x330E) & 0xFFFFFFFFFFFF

    def rand(self, n):
        self.x = (self.x * 0x5DEECE66D + 0xB) & 0xFFFFFFFFFFFF
        return n * (self.x / 281474976710656.0)


def average(values, resamples=1000, conf=95):
    """ROUGE-1.5.5's reported average of per-evaluation scores: the mean of
    `resamples` bootstrap means (each drawn with srand(i)), with its
    confidence interval. Returns (average, ci_low, ci_high, plain_mean).
    Evaluations are taken in ROUGE's order (sorted IDs) by the caller."""
    n = len(values)
    if n == 0:
        return 0.0, 0.0, 0.0, 0.0
    plain = sum(values) / n
    if resamples <= 0:
        return plain, plain, plain, plain
    samples = []
    for i in range(resamples):
        rng = _Drand48(i)
        s = 0.0
        for _ in range(n):
            s += values[int(rng.rand(n))]
        samples.append(s / n)
    samples.sort()
    avg = _r5(sum(samples) / resamples)
    delta = resamples * ((100 - conf) / 2.0) / 100.0
    ua = int(resamples - delta - 1)
    la = int(delta)
    ratio = resamples - delta - 1 - ua
    ub = min(ua + 1, resamples - 1)
    lb = min(la + 1, resamples - 1)
    lo = _r5(samples[la] + (samples[lb] - samples[la]) * ratio)
    hi = _r5(samples[ua] + (samples[ub] - samples[ua]) * ratio)
    return avg, lo, hi, plain


def load_stopwords(path):
    with open(path, encoding="latin-1") as f:
        return {ln.strip() for ln in f if ln.strip()}


def load_exceptions(path):
    """WordNet-style exception lists (`inflected base ...` per line), as
    ROUGE's buildExceptionDB.pl reads them: first field maps to the second."""
    exc = {}
    with open(path, encoding="latin-1") as f:
        for ln in f:
            parts = ln.split()
            if len(parts) >= 2:
                exc[parts[0]] = parts[1]
    return exc


_EXC_FILES = ("adj.exc", "adv.exc", "noun.exc", "verb.exc")
_default_exc = None


def default_exceptions():
    """WordNet exception map used by -m, loaded once: the four lists in
    alphabetical order, later ones overriding (verb wins), which reproduces
    ROUGE-1.5.5's database on all 650 DUC 2004 checks. {} if not found."""
    global _default_exc
    if _default_exc is None:
        _default_exc = {}
        d = os.environ.get("CHR_WORDNET_EXC", "/usr/share/wordnet")
        found = [os.path.join(d, f) for f in _EXC_FILES
                 if os.path.isfile(os.path.join(d, f))]
        if not found:
            print("rouge.py: warning: no WordNet exception lists in %s "
                  "(apt-get install wordnet-base); stemming without them" % d,
                  file=sys.stderr)
        for path in found:
            _default_exc.update(load_exceptions(path))
    return _default_exc


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="ROUGE-N as ROUGE-1.5.5 computes it (default: DUC 2004 "
                    "task 2 settings -n 2 -m -l 100 -f A -p 0.5).")
    ap.add_argument("--peer", required=True, help="system summary file")
    ap.add_argument("--models", required=True, nargs="+",
                    help="reference summary files")
    ap.add_argument("-n", type=int, default=2, help="max n-gram (2)")
    ap.add_argument("-l", "--words", type=int, default=100,
                    help="truncate to N words, 0 = no limit (100)")
    ap.add_argument("-b", "--bytes", type=int, default=0,
                    help="truncate to N bytes instead of words")
    ap.add_argument("--no-stem", action="store_true", help="no Porter stemming")
    ap.add_argument("--stopwords", help="stop-word file to remove (-s)")
    ap.add_argument("--exceptions",
                    help="exception list for -m instead of WordNet's")
    ap.add_argument("--no-exceptions", action="store_true",
                    help="Porter only, no WordNet exception lookup")
    ap.add_argument("-f", dest="mode", choices="AB", default="A",
                    help="A: model average, B: best model")
    ap.add_argument("-p", dest="alpha", type=float, default=0.5)
    ap.add_argument("--json", action="store_true", help="print JSON")
    a = ap.parse_args(argv)
    words = 0 if a.bytes else a.words
    try:
        peer = read_summary(a.peer)
        models = [read_summary(m) for m in a.models]
    except OSError as e:
        print("rouge.py: %s: %s" % (e.filename, e.strerror), file=sys.stderr)
        return 1
    sw = load_stopwords(a.stopwords) if a.stopwords else None
    exc = "default"
    if a.no_exceptions:
        exc = None
    elif a.exceptions:
        exc = load_exceptions(a.exceptions)
    res = score(peer, models, a.n, words, a.bytes, not a.no_stem, sw, exc,
                a.mode, a.alpha)
    if a.json:
        print(json.dumps({"ROUGE-%d" % n: v for n, v in res.items()}))
    else:
        for n, v in res.items():
            print("ROUGE-%d R:%.5f P:%.5f F:%.5f (hit %d, model %d, peer %d)"
                  % (n, v["R"], v["P"], v["F"], v["hit"], v["model_count"],
                     v["peer_count"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
