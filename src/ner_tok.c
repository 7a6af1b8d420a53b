/* chronicle — entity: the tokeniser the tagger and the gazetteer compiler
 * share. Owns: splitting a sentence into CoNLL-like tokens (punctuation and
 * possessive 's apart, abbreviations and hyphenated words whole), token flags
 * and shapes, folding and hashing. Depends on utf8proc only. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ner.h"

uint64_t ner_fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static int32_t decode_slow(const char *s, size_t i, size_t n, size_t *len);

/* Decode one code point at s[i..n); sets *len (at least 1). Invalid bytes
 * decode as U+FFFD with length 1. */
static inline int32_t decode(const char *s, size_t i, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    return decode_slow(s, i, n, len);
}

static int32_t decode_slow(const char *s, size_t i, size_t n, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = (size_t)k;
    return cp;
}

static inline int is_space(int32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF || c == 0x2028 || c == 0x2029;
}

enum { C_LOWER = 1, C_UPPER, C_LETTER, C_DIGIT, C_MARK, C_OTHER };

static int cls_slow(int32_t c);

static inline int cls(int32_t c)
{
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z')
            return C_LOWER;
        if (c >= 'A' && c <= 'Z')
            return C_UPPER;
        if (c >= '0' && c <= '9')
            return C_DIGIT;
        return C_OTHER;
    }
    return cls_slow(c);
}

static int cls_slow(int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LL:
        return C_LOWER;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return C_UPPER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    default:
        return C_OTHER;
    }
}

static inline int is_word(int k)
{
    return k != C_OTHER;
}

static inline int is_apos(int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018;
}

/* Abbreviations whose final period belongs to the word. */
static int is_abbrev(const char *s, size_t n)
{
#define A(x)                                                                                       \
    {                                                                                              \
        x, sizeof x - 1                                                                            \
    }
    static const struct {
        const char *s;
        size_t n;
    } abbr[] = {
        A("Mr"),   A("Mrs"),    A("Ms"),   A("Dr"),    A("Prof"),   A("Inc"),  A("Corp"), A("Ltd"),
        A("Co"),   A("Jr"),     A("Sr"),   A("St"),    A("Gen"),    A("Sen"),  A("Rep"),  A("Gov"),
        A("Lt"),   A("Col"),    A("Capt"), A("Sgt"),   A("Adm"),    A("Maj"),  A("Cmdr"), A("Rev"),
        A("Fr"),   A("Mt"),     A("Ft"),   A("vs"),    A("etc"),    A("Jan"),  A("Feb"),  A("Mar"),
        A("Apr"),  A("Jun"),    A("Jul"),  A("Aug"),   A("Sep"),    A("Sept"), A("Oct"),  A("Nov"),
        A("Dec"),  A("No"),     A("Nos"),  A("Bros"),  A("Ave"),    A("Blvd"), A("Dept"), A("Univ"),
        A("Assn"), A("approx"), A("Pres"), A("Gov't"), A("Messrs"), A("Mme"),  A("Mlle"), A("Hon"),
        A("Cpl"),  A("Pvt"),    A("Supt"), A("Insp"),  A("Det"),    A("Ste"),  A("Plc"),  A("Cie"),
        A("Abp"),
    };
#undef A
    if (n < 2 || n > 6)
        return 0;
    for (size_t i = 0; i < sizeof abbr / sizeof *abbr; i++)
        if (abbr[i].n == n && memcmp(abbr[i].s, s, n) == 0)
            return 1;
    return 0;
}

size_t ner_fold(const char *s, size_t n, char *buf, size_t cap)
{
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            if (o + 1 >= cap)
                break;
            buf[o++] = (char)((b >= 'A' && b <= 'Z') ? b + 32 : b);
            i++;
            continue;
        }
        size_t len;
        int32_t c = decode(s, i, n, &len);
        i += len;
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {
            c = '\'';
        } else if (c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014) {
            c = '-';
        } else {
            c = utf8proc_tolower(c);
        }
        utf8proc_uint8_t tmp[4];
        utf8proc_ssize_t k = utf8proc_encode_char(c, tmp);
        if (k <= 0 || o + (size_t)k >= cap)
            break;
        memcpy(buf + o, tmp, (size_t)k);
        o += (size_t)k;
    }
    buf[o] = '\0';
    return o;
}

/* What a token's character counts say: its flags and shape into t (the
 * part describe_ascii and describe share). first: class of its first char. */
typedef struct tok_counts {
    int up, low, dig, other, letters, first, later_up, periods;
} tok_counts;

static void set_flags_shape(ner_tok *t, const tok_counts *k, size_t n, unsigned flags)
{
    if (k->letters)
        flags |= NT_ALPHA;
    if (k->dig)
        flags |= NT_DIGIT;
    if (k->first == C_UPPER)
        flags |= NT_UPPER0;
    if (k->first == C_LOWER)
        flags |= NT_LOWER0;
    if (k->up && !k->low)
        flags |= NT_ALLUP;
    if (!k->letters && !k->dig)
        flags |= NT_PUNCT;
    if (k->later_up && k->low)
        flags |= NT_MIXED;
    int shape;
    if (!k->letters && !k->dig)
        shape = SH_PUNCT;
    else if (!k->letters)
        shape = k->other ? SH_NUMBER : SH_DIGITS;
    else if (k->dig)
        shape = SH_ALNUM;
    else if (k->up && !k->low && k->periods && n <= 8)
        shape = SH_ABBR;
    else if (k->up == 1 && !k->low && k->letters == 1)
        shape = SH_CAP1;
    else if (k->up && !k->low)
        shape = SH_ALLCAPS;
    else if (k->first == C_UPPER && !k->later_up)
        shape = SH_INITCAP;
    else if (k->up)
        shape = SH_MIXED;
    else
        shape = SH_LOWER; /* letters, none upper */
    t->flags = (uint16_t)flags;
    t->shape = (uint8_t)shape;
}

/* describe() for a token of ASCII bytes only: one pass, no decoding. */
static void describe_ascii(const char *s, size_t n, ner_tok *t)
{
    int up = 0, low = 0, dig = 0, other = 0, later_up = 0, periods = 0;
    unsigned flags = 0;
    char shp[12];
    size_t sl = 0;
    char last = 0;
    uint64_t eh = NER_FNV_INIT, lh = NER_FNV_INIT;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char sc;
        if (c >= 'a' && c <= 'z') {
            low++, sc = 'x';
        } else if (c >= 'A' && c <= 'Z') {
            up++, sc = 'X';
            later_up += i > 0;
        } else if (c >= '0' && c <= '9') {
            dig++, sc = 'd';
        } else {
            other++;
            if (c == '-')
                flags |= NT_HYPHEN;
            else if (c == '.')
                flags |= NT_PERIOD, periods++;
            else if (c == '\'')
                flags |= NT_APOS;
            sc = (char)c;
        }
        eh = (eh ^ c) * 0x100000001b3ULL;
        if (sc != last && sl < sizeof shp) {
            shp[sl++] = sc;
            last = sc;
        }
    }
    if (up) /* the folded form differs from the exact one */
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            lh = (lh ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 0x100000001b3ULL;
        }
    else
        lh = eh;
    unsigned char f0 = (unsigned char)s[0];
    int first = f0 >= 'A' && f0 <= 'Z' ? C_UPPER : f0 >= 'a' && f0 <= 'z' ? C_LOWER : C_OTHER;
    tok_counts k = {up, low, dig, other, up + low, first, later_up, periods};
    set_flags_shape(t, &k, n, flags);
    t->shash = ner_fnv(NER_FNV_INIT, shp, sl);
    t->ehash = eh;
    t->lhash = lh;
}

/* Fill flags, shape and hashes of t over text. Must agree with
 * describe_ascii on ASCII tokens. */
static void describe(const char *text, ner_tok *t)
{
    size_t n = t->end - t->start;
    const char *s = text + t->start;
    int up = 0, low = 0, dig = 0, other = 0, letters = 0, first = 0, later_up = 0, periods = 0;
    unsigned flags = 0;
    char shp[12];
    size_t sl = 0;
    char last = 0;
    for (size_t i = 0, idx = 0; i < n; idx++) {
        size_t len;
        int32_t c = decode(s, i, n, &len);
        i += len;
        int k = cls(c);
        char sc;
        switch (k) {
        case C_UPPER:
            up++, letters++, sc = 'X';
            if (idx > 0)
                later_up++;
            break;
        case C_LOWER:
            low++, letters++, sc = 'x';
            break;
        case C_LETTER:
            flags |= NT_CASELESS;
            letters++, sc = 'x';
            break;
        case C_MARK:
            letters++, sc = 'x';
            break;
        case C_DIGIT:
            dig++, sc = 'd';
            break;
        default:
            other++;
            if (c == '-' || c == 0x2010 || c == 0x2011)
                flags |= NT_HYPHEN, sc = '-';
            else if (c == '.')
                flags |= NT_PERIOD, sc = '.', periods++;
            else if (is_apos(c))
                flags |= NT_APOS, sc = '\'';
            else
                sc = c < 0x80 ? (char)c : 'o';
        }
        if (idx == 0)
            first = k;
        if (sc != last && sl < sizeof shp) {
            shp[sl++] = sc;
            last = sc;
        }
    }
    tok_counts kc = {up, low, dig, other, letters, first, later_up, periods};
    set_flags_shape(t, &kc, n, flags);
    t->shash = ner_fnv(NER_FNV_INIT, shp, sl);
    t->ehash = ner_fnv(NER_FNV_INIT, s, n);
    char fb[256];
    size_t fl = ner_fold(s, n, fb, sizeof fb);
    t->lhash = ner_fnv(NER_FNV_INIT, fb, fl);
}

static int push(const char *text, size_t a, size_t b, ner_tok **toks, size_t *n, size_t *cap,
                int ascii)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        ner_tok *nt = realloc(*toks, nc * sizeof *nt);
        if (!nt)
            return -1;
        *toks = nt;
        *cap = nc;
    }
    ner_tok *t = &(*toks)[(*n)++];
    t->start = a;
    t->end = b;
    t->sent_end = 0;
    size_t k = a;
    if (ascii)
        k = b;
    else
        while (k < b && (unsigned char)text[k] < 0x80)
            k++;
    if (k == b && b - a < 256)
        describe_ascii(text + a, b - a, t);
    else
        describe(text, t);
    return 0;
}

static const unsigned char alnum[256] = {
#define R10(x)                                                                                     \
    [x] = 1, [x + 1] = 1, [x + 2] = 1, [x + 3] = 1, [x + 4] = 1, [x + 5] = 1, [x + 6] = 1,         \
    [x + 7] = 1, [x + 8] = 1, [x + 9] = 1
    R10('0'),         R10('A'),         R10('A' + 10),    [('A' + 20)] = 1, [('A' + 21)] = 1,
    [('A' + 22)] = 1, [('A' + 23)] = 1, [('A' + 24)] = 1, [('A' + 25)] = 1, R10('a'),
    R10('a' + 10),    [('a' + 20)] = 1, [('a' + 21)] = 1, [('a' + 22)] = 1, [('a' + 23)] = 1,
    [('a' + 24)] = 1, [('a' + 25)] = 1,
#undef R10
};

/* French and Italian words that elide before a vowel: l' d' qu' dell' ... */
static int elision(const char *w, size_t n)
{
    static const char *const words[] = {"l",   "d",    "j",    "n",      "s",      "c",
                                        "m",   "t",    "qu",   "lorsqu", "puisqu", "dell",
                                        "all", "dall", "nell", "sull",   "coll",   "un"};
    char low[8];
    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    low[n] = 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(low, words[i]) == 0)
            return 1;
    return 0;
}

/* Split one whitespace-free chunk [a, b) (ascii: it has no byte >= 0x80). */
static int chunk(const char *text, size_t a, size_t b, ner_tok **toks, size_t *n, size_t *cap,
                 int ascii)
{
    size_t i = a;
    while (i < b) {
        size_t len;
        int32_t c = decode(text, i, b, &len);
        int k = cls(c);
        if (is_word(k)) {
            size_t j = i + len;
            int has_period = 0;
            while (j < b) {
                if (alnum[(unsigned char)text[j]]) {
                    j++;
                    continue;
                }
                size_t l2;
                int32_t d = decode(text, j, b, &l2);
                if (is_word(cls(d))) {
                    j += l2;
                    continue;
                }
                /* joiner: needs a word character right after it */
                if (j + l2 >= b)
                    break;
                size_t l3;
                int32_t e = decode(text, j + l2, b, &l3);
                int ek = cls(e);
                if (!is_word(ek))
                    break;
                if (is_apos(d)) {
                    /* an elided article or preposition before a name keeps
                     * its apostrophe and ends the token: l'ONU, d'Assad,
                     * dell'Onu -> "l'" "ONU" (the name stands alone) */
                    if (ek == C_UPPER && elision(text + i, j - i)) {
                        j += l2;
                        break;
                    }
                    /* possessive 's / ’s: split it off */
                    if ((e == 's' || e == 'S') &&
                        (j + l2 + l3 >= b || !is_word(cls(decode(text, j + l2 + l3, b, &l3)))))
                        break;
                    j += l2;
                    continue;
                }
                if (d == '-' || d == '.' || d == '&' || d == 0x2010 || d == 0x2011 || d == '_' ||
                    d == '@') {
                    if (d == '.')
                        has_period = 1;
                    j += l2;
                    continue;
                }
                if ((d == ',' || d == ':' || d == '/') &&
                    cls(decode(text, j - 1, b, &l3)) == C_DIGIT && ek == C_DIGIT) {
                    j += l2;
                    continue;
                }
                break;
            }
            /* a final period belongs to abbreviations: U.S. J. Mr. Corp. */
            if (j < b && text[j] == '.') {
                size_t wl = j - i;
                int single = 0;
                size_t l4;
                decode(text, i, b, &l4);
                single = l4 == wl && (k == C_UPPER || k == C_LOWER);
                if (has_period || single || is_abbrev(text + i, wl))
                    j++;
            }
            if (push(text, i, j, toks, n, cap, ascii))
                return -1;
            i = j;
            continue;
        }
        if (is_apos(c) && i + len < b) {
            size_t l2;
            int32_t d = decode(text, i + len, b, &l2);
            if ((d == 's' || d == 'S') &&
                (i + len + l2 >= b || !is_word(cls(decode(text, i + len + l2, b, &l2))))) {
                size_t e = i + len + 1;
                if (push(text, i, e, toks, n, cap, ascii))
                    return -1;
                i = e;
                continue;
            }
        }
        /* punctuation: runs of the same character stay together (... --) */
        size_t j = i + len;
        while (j < b) {
            size_t l2;
            int32_t d = decode(text, j, b, &l2);
            if (d != c)
                break;
            j += l2;
        }
        if (push(text, i, j, toks, n, cap, ascii))
            return -1;
        i = j;
    }
    return 0;
}

/* 1: ASCII white space, 2: a byte >= 0x80 */
static const unsigned char ws_hi[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
#define H4(x) [x] = 2, [x + 1] = 2, [x + 2] = 2, [x + 3] = 2
#define H16(x) H4(x), H4(x + 4), H4(x + 8), H4(x + 12)
    H16(0x80), H16(0x90),  H16(0xA0),  H16(0xB0),  H16(0xC0),  H16(0xD0),  H16(0xE0), H16(0xF0),
#undef H16
#undef H4
};

int ner_tokenize(const char *text, size_t from, size_t to, ner_tok **toks, size_t *n, size_t *cap)
{
    size_t first = *n;
    size_t i = from;
    while (i < to) {
        unsigned char b = (unsigned char)text[i];
        if (b == ' ' || (b >= '\t' && b <= '\r')) {
            i++;
            continue;
        }
        size_t len;
        if (b >= 0x80 && is_space(decode(text, i, to, &len))) {
            i += len;
            continue;
        }
        size_t j = i;
        int ascii = 1;
        while (j < to) {
            while (j < to && !ws_hi[(unsigned char)text[j]])
                j++;
            if (j == to)
                break;
            unsigned char e = (unsigned char)text[j];
            if (e < 0x80) {
                if (e == ' ' || (e >= '\t' && e <= '\r'))
                    break;
                j++;
                continue;
            }
            size_t l2;
            if (is_space(decode(text, j, to, &l2)))
                break;
            j += l2;
            ascii = 0;
        }
        if (chunk(text, i, j, toks, n, cap, ascii))
            return -1;
        i = j;
    }
    if (*n > first) {
        (*toks)[first].flags |= NT_SENT0;
        (*toks)[*n - 1].sent_end = 1;
    }
    return 0;
}
