/* chronicle — entity: rules applied around the statistical tagger. Owns
 * the title rule ("Chinese President Xi Jinping", "aide Yury Ushakov"),
 * gazetteer-only labelling, gazetteer organisations the model missed, and
 * the repairs of the English model's names in other languages. Only the
 * language repairs relabel or unlabel; the other rules fill tokens the
 * model left as O. */
#include <string.h>

#include "ner.h"

#define CATS_LOC ((1u << GZ_COUNTRY) | (1u << GZ_BIGCITY) | (1u << GZ_REGION))
#define CATS_ORG ((1u << GZ_ORG) | (1u << GZ_AGENCY) | (1u << GZ_GOVBODY) | (1u << GZ_COMPANY))

static int all_o(const uint8_t *lab, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (lab[i])
            return 0;
    return 1;
}

static void set_span(uint8_t *lab, uint8_t *mark, size_t a, size_t b, int type)
{
    for (size_t i = a; i < b; i++) {
        lab[i] = (uint8_t)(i == a ? ner_lab_b(type) : ner_lab_b(type) + 1);
        mark[i] |= NER_MARK_RULE;
    }
}

/* The gazetteer type of a match when it is unambiguous, else -1. */
static int gaz_type(const ner_gaz_info *gi, int strict)
{
    unsigned c = gi->cats;
    int loc = (c & (CATS_LOC | (strict ? 0 : (1u << GZ_CITY) | (1u << GZ_SUBDIV)))) != 0;
    int org = (c & CATS_ORG) != 0;
    int misc = (c & ((1u << GZ_DEMONYM) | (1u << GZ_MISC))) != 0;
    if (loc + org + misc != 1 || (c & (1u << GZ_FIRSTNAME) && strict))
        return -1;
    return loc ? CHR_ENT_LOC : org ? CHR_ENT_ORG : CHR_ENT_MISC;
}

static int capitalised(const ner_tok *t)
{
    return (t->flags & (NT_UPPER0 | NT_DIGIT)) != 0;
}

void ner_rules_gazetteer(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t a = d->sent0[k], b = d->sent0[k + 1];
        for (size_t i = a; i < b;) {
            ner_gaz_match m = ner_gaz_longest(d->t + a, b - a, i - a);
            int type = m.info ? gaz_type(m.info, 0) : -1;
            if (type >= 0 && capitalised(&d->t[i]) && all_o(lab, i, a + m.end)) {
                set_span(lab, mark, i, a + m.end, type);
                i = a + m.end;
            } else {
                i++;
            }
        }
    }
}

/* "Belt and Road Forum" that the model cut into "Belt" + "Road Forum": a
 * gazetteer name of three words or more that starts and ends with names the
 * model found, with only lower-case words between them, is one name. */
static void join_pieces(const ner_doc *d, size_t a, size_t b, uint8_t *lab, uint8_t *mark)
{
    for (size_t i = a; i < b; i++) {
        if (!ner_lab_is_b(lab[i]) || !(d->gaz_b[i] & (CATS_ORG | CATS_LOC | (1u << GZ_MISC))))
            continue;
        ner_gaz_match m = ner_gaz_longest(d->t + a, b - a, i - a);
        size_t e = a + m.end;
        if (!m.info || e - i < 3 || !lab[e - 1] || (e < b && lab[e] && !ner_lab_is_b(lab[e])))
            continue;
        int type = gaz_type(m.info, 1), pieces = 0, ok = type >= 0;
        for (size_t q = i; q < e && ok; q++) {
            if (ner_lab_is_b(lab[q]))
                pieces++;
            else if (!lab[q] && (d->t[q].flags & NT_UPPER0))
                ok = 0;
        }
        if (ok && pieces >= 2) {
            set_span(lab, mark, i, e, type);
            i = e - 1;
        }
    }
}

void ner_rules_apply(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t a = d->sent0[k], b = d->sent0[k + 1];
        if (d->allcaps[k])
            continue;
        join_pieces(d, a, b, lab, mark);
        for (size_t i = a; i < b; i++) {
            if (!((d->gaz_b[i]) & ((1u << GZ_TITLE) | CATS_ORG)))
                continue;
            ner_gaz_match m = ner_gaz_longest(d->t + a, b - a, i - a);
            if (!m.info)
                continue;
            size_t e = a + m.end;
            if ((m.info->cats & CATS_ORG) && all_o(lab, i, e) && capitalised(&d->t[i]) &&
                gaz_type(m.info, 1) == CHR_ENT_ORG && ((m.info->flags & GZF_EXACT) || e - i > 1)) {
                set_span(lab, mark, i, e, CHR_ENT_ORG);
                i = e - 1;
                continue;
            }
            if (!(m.info->cats & (1u << GZ_TITLE)) || e >= b)
                continue;
            /* title, then up to three capitalised words the model left as O */
            size_t p = e;
            if (p < b && d->text[d->t[p].start] == ']')
                p++;
            size_t q = p;
            while (q < b && q - p < 3 && (d->t[q].flags & NT_UPPER0) &&
                   (d->t[q].flags & NT_ALPHA) && !(d->t[q].flags & NT_ALLUP) && !lab[q] &&
                   !(d->gaz_1[q] & ((1u << GZ_TITLE) | (1u << GZ_DEMONYM) | CATS_LOC | CATS_ORG)))
                q++;
            if (q > p && (q >= b || !(d->t[q].flags & NT_UPPER0)))
                set_span(lab, mark, p, q, CHR_ENT_PER);
        }
    }
}

/* A figures table of the wire ("Shr 30 cts vs 5.92 dlrs", "Avg shrs 5.1 mln
 * vs 4.9 mln", "Revs 10.6 mln vs 24.2 mln"): its rows open with a label,
 * the label's figure, a lower-case unit and "vs" the year-ago figure. A
 * name of one or two words that opens a sentence that way, and that the
 * gazetteer does not know as a place or an organisation, is such a label.
 * (Sports results, "Somerset 83 and 174", "Celtic 2 Rangers 0", compare
 * nothing with "vs".) */
static int has_vs(const ner_doc *d, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        size_t n = d->t[i].end - d->t[i].start;
        const char *w = d->text + d->t[i].start;
        if ((n == 2 || (n == 3 && w[2] == '.')) && w[0] == 'v' && w[1] == 's')
            return 1;
    }
    return 0;
}

void ner_rules_table_labels(const ner_doc *d, uint8_t *lab)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t a = d->sent0[k], b = d->sent0[k + 1];
        if (!ner_lab_is_b(lab[a]))
            continue;
        size_t e = a + 1;
        while (e < b && lab[e] && !ner_lab_is_b(lab[e]))
            e++;
        size_t f = e; /* "Shr Class A 61 cts vs 48 cts": the class's letter */
        if (f + 1 < b && d->t[f].end - d->t[f].start == 1 && (d->t[f].flags & NT_UPPER0))
            f++;
        if (e - a > 2 || f + 1 >= b || !(d->t[f].flags & NT_DIGIT) ||
            (d->t[f].flags & NT_ALPHA) || !(d->t[f + 1].flags & NT_LOWER0) ||
            (d->gaz_1[a] & (CATS_LOC | CATS_ORG)) || !has_vs(d, f + 2, b))
            continue;
        for (size_t i = a; i < e; i++)
            lab[i] = 0;
    }
}

/* Closed-class words of the Romance and Germanic languages the pipeline
 * identifies, folded to lower case: articles, prepositions, contractions,
 * conjunctions, demonstratives and pronouns that begin sentences, and
 * courtesy titles. English is not repaired (the model was trained on it). */
static const char *const function_words[] = {
    /* fr */ "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "et",
    "en", "par", "pour", "sur", "dans", "avec", "selon", "ce", "cet", "cette", "ces", "il",
    "elle", "ils", "elles", "on", "nous", "vous", "qu'", "mais", "ou", "si", "m.", "mme", "mm.",
    /* es */ "el", "los", "las", "lo", "del", "al", "una", "unos", "unas", "y", "con", "por",
    "para", "según", "segun", "este", "esta", "estos", "estas", "ese", "esa", "aquel", "pero",
    "sin", "sr.", "sra.",
    /* it */ "il", "gli", "i", "di", "da", "dei", "degli", "delle", "della", "dello", "dal",
    "dalla", "nel", "nella", "nei", "sul", "sulla", "alla", "allo", "alle", "ai", "agli",
    "dell'", "all'", "dall'", "nell'", "sull'", "un'", "uno", "questo", "questa", "quello",
    "quella", "ma", "con", "per", "tra", "fra",
    /* pt */ "o", "os", "a", "as", "do", "dos", "da", "das", "no", "nos", "na", "nas", "um",
    "uma", "ao", "aos", "pelo", "pela", "com", "em", "esse", "essa", "isso", "isto", "mas",
    /* ro */ "în", "pe", "cu", "și", "şi", "din", "lui", "ale", "cel", "cea", "acest", "această",
    "dl.", "dna",
    /* de, nl */ "der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "und", "mit",
    "im", "am", "zum", "zur", "het", "een", "van", "op",
};

static int function_word(const ner_doc *d, size_t i)
{
    const ner_tok *t = &d->t[i];
    char buf[16];
    size_t n = t->end - t->start;
    if (n >= sizeof buf)
        return 0;
    ner_fold(d->text + t->start, n, buf, sizeof buf);
    for (size_t k = 0; k < sizeof function_words / sizeof *function_words; k++)
        if (strcmp(buf, function_words[k]) == 0)
            return 1;
    return 0;
}

/* A lower-case "and" or "or" (names on either side are two names). */
static int conjunction(const ner_doc *d, size_t i)
{
    static const char *const words[] = {"et", "ou", "y", "o", "e", "und", "oder"};
    const ner_tok *t = &d->t[i];
    size_t n = t->end - t->start;
    if (!(t->flags & NT_LOWER0) || n > 4)
        return 0;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && memcmp(d->text + t->start, words[k], n) == 0)
            return 1;
    return 0;
}

/* The gazetteer's type for exactly tokens [a, b) of sentence [s0, s1), or -1. */
static int gaz_span_type(const ner_doc *d, size_t s0, size_t s1, size_t a, size_t b)
{
    ner_gaz_match m = ner_gaz_longest(d->t + s0, s1 - s0, a - s0);
    return m.info && s0 + m.end == b ? gaz_type(m.info, 1) : -1;
}

void ner_rules_lang(const ner_doc *d, uint8_t *lab, uint8_t *mark, const char *lang)
{
    if (!lang || !*lang || strcmp(lang, "en") == 0)
        return;
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s0 = d->sent0[k], s1 = d->sent0[k + 1];
        for (size_t i = s0; i < s1;) {
            if (!lab[i]) {
                i++;
                continue;
            }
            int type = ner_lab_type(lab[i]);
            size_t a = i, b = i + 1;
            while (b < s1 && lab[b] && !ner_lab_is_b(lab[b]) && ner_lab_type(lab[b]) == type)
                b++;
            i = b;
            size_t a0 = a, b0 = b;
            int known = gaz_span_type(d, s0, s1, a, b);
            if (known < 0) {
                while (a < b && function_word(d, a))
                    lab[a++] = 0;
                while (b > a && function_word(d, b - 1))
                    lab[--b] = 0;
                if (a == b)
                    continue;
                known = gaz_span_type(d, s0, s1, a, b);
            }
            if (known < 0) {
                /* "Damas et Alep": two names joined by a conjunction */
                size_t c = a + 1;
                while (c + 1 < b && !conjunction(d, c))
                    c++;
                if (c + 1 < b) {
                    lab[c] = 0;
                    set_span(lab, mark, a, c, type);
                    set_span(lab, mark, c + 1, b, type);
                    i = c + 1; /* the second name gets the same repairs */
                    continue;
                }
            }
            if ((known == CHR_ENT_LOC || known == CHR_ENT_ORG) && known != type)
                type = known;
            else if (a == a0 && b == b0)
                continue;
            set_span(lab, mark, a, b, type);
        }
    }
}
