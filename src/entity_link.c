/* chronicle — entity: from token labels to mentions and entities. Owns
 * alias linking within a document ("Putin" -> "Vladimir Putin", "SCO" ->
 * "Shanghai Cooperation Organisation", "the Russian president" -> the person
 * the text calls Russia's president), roles and countries of entities,
 * story-level merging of several documents' entities, and the comparison
 * keys of names (ner_name_variant within a story, chr_entity_key across a
 * database). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "ner.h"
#include "text_int.h"

#define MAX_ROLES 4

typedef struct lmen {
    size_t a, b; /* token range */
    int type;
    unsigned flags;
    int parent; /* union-find */
    const ner_gaz_info *gi;
} lmen;

typedef struct role {
    uint64_t title; /* folded hash of the title text */
    size_t ta, tb;  /* its tokens */
    unsigned country;
    int rank;
} role;

typedef struct lgroup {
    int type, count, named;
    unsigned country;
    role roles[MAX_ROLES];
    int nroles;
} lgroup;

typedef struct linker {
    const ner_doc *d;
    lmen *m;
    size_t n, cap;
} linker;

static int find(lmen *m, int i)
{
    while (m[i].parent != i) {
        m[i].parent = m[m[i].parent].parent;
        i = m[i].parent;
    }
    return i;
}

static void unite(lmen *m, int i, int j)
{
    i = find(m, i);
    j = find(m, j);
    if (i != j)
        m[j > i ? j : i].parent = j > i ? i : j;
}

static int add_mention(linker *L, size_t a, size_t b, int type, unsigned flags)
{
    if (L->n == L->cap) {
        size_t nc = L->cap ? L->cap * 2 : 32;
        lmen *nm = realloc(L->m, nc * sizeof *nm);
        if (!nm)
            return -1;
        L->m = nm;
        L->cap = nc;
    }
    lmen *x = &L->m[L->n];
    memset(x, 0, sizeof *x);
    x->a = a;
    x->b = b;
    x->type = type;
    x->flags = flags;
    x->parent = (int)L->n;
    L->n++;
    return 0;
}

/* Gazetteer entry covering exactly tokens [a, b), case checked. */
static const ner_gaz_info *gaz_exact(const ner_doc *d, size_t a, size_t b)
{
    /* gaz_len: the length of the longest match from a (ner_sent_prepare) */
    if (a >= b || b > d->n || d->gaz_len[a] != b - a)
        return NULL;
    size_t k = 0, hi = d->nsent; /* the sentence of token a: sent0[k] <= a < sent0[k + 1] */
    while (hi - k > 1) {
        size_t mid = k + (hi - k) / 2;
        if (d->sent0[mid] <= a)
            k = mid;
        else
            hi = mid;
    }
    size_t s0 = d->sent0[k];
    ner_gaz_match m = ner_gaz_longest(d->t + s0, d->sent0[k + 1] - s0, a - s0);
    return m.info && s0 + m.end == b ? m.info : NULL;
}

static uint64_t span_hash(const ner_doc *d, size_t a, size_t b)
{
    uint64_t h = NER_SEQ_INIT;
    for (size_t i = a; i < b; i++)
        h = ner_seq_add(h, d->t[i].lhash);
    return h;
}

static int is_punct_tok(const ner_doc *d, size_t i, char c)
{
    const ner_tok *t = &d->t[i];
    return t->end - t->start == 1 && d->text[t->start] == c;
}

static int is_poss(const ner_doc *d, size_t i)
{
    const ner_tok *t = &d->t[i];
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    return (n == 2 && s[0] == '\'' && (s[1] == 's' || s[1] == 'S')) ||
           (n == 4 && memcmp(s, "\xE2\x80\x99", 3) == 0 && (s[3] == 's' || s[3] == 'S'));
}

/* Country named by tokens ending at e (exclusive): a demonym ("Russian"),
 * a country or government seat with possessive ("Russia's", "Kremlin's"),
 * or a government seat ("Kremlin"). Sets *start; returns 0 when none. */
static unsigned country_before(const ner_doc *d, size_t s0, size_t e, size_t *start)
{
    if (e <= s0)
        return 0;
    size_t end = e;
    if (is_poss(d, e - 1)) {
        if (e - 1 <= s0)
            return 0;
        end = e - 1;
    }
    for (size_t a = end > s0 + 4 ? end - 4 : s0; a < end; a++) {
        const ner_gaz_info *gi = gaz_exact(d, a, end);
        if (!gi || !gi->country)
            continue;
        unsigned need = (1u << GZ_COUNTRY) | (1u << GZ_GOVBODY);
        if (end == e)
            need |= 1u << GZ_DEMONYM;
        if (gi->cats & need) {
            *start = a;
            return gi->country;
        }
    }
    return 0;
}

/* Title gazetteer match ending exactly at e (exclusive), the longest. */
static int title_before(const ner_doc *d, size_t s0, size_t e, size_t *ta)
{
    for (size_t a = e > s0 + 4 ? e - 4 : s0; a < e; a++) {
        const ner_gaz_info *gi = gaz_exact(d, a, e);
        if (gi && (gi->cats & (1u << GZ_TITLE))) {
            *ta = a;
            return 1;
        }
    }
    return 0;
}

static int title_rank(const ner_doc *d, size_t a, size_t b)
{
    char buf[64];
    const ner_tok *t = d->t;
    size_t n = ner_fold(d->text + t[a].start, t[b - 1].end - t[a].start, buf, sizeof buf);
    (void)n;
    static const char *const top[] = {"president", "king", "queen",    "emperor", "supreme leader",
                                      "sultan",    "emir", "dictator", "leader"};
    static const char *const gov[] = {"prime minister", "premier", "chancellor"};
    for (size_t i = 0; i < sizeof top / sizeof *top; i++)
        if (strcmp(buf, top[i]) == 0)
            return 3;
    for (size_t i = 0; i < sizeof gov / sizeof *gov; i++)
        if (strcmp(buf, gov[i]) == 0)
            return 2;
    return 1;
}

/* A generic word for whoever leads a country: "leader", "chief", "head". */
static int title_generic(const ner_doc *d, size_t a, size_t b)
{
    char buf[64];
    const ner_tok *t = d->t;
    ner_fold(d->text + t[a].start, t[b - 1].end - t[a].start, buf, sizeof buf);
    return strcmp(buf, "leader") == 0 || strcmp(buf, "chief") == 0 || strcmp(buf, "head") == 0 ||
           strcmp(buf, "head of state") == 0 || strcmp(buf, "dictator") == 0 ||
           strcmp(buf, "ruler") == 0 || strcmp(buf, "strongman") == 0;
}

static void add_role(lgroup *g, const ner_doc *d, size_t ta, size_t tb, unsigned country)
{
    if (g->nroles == MAX_ROLES)
        return;
    role *r = &g->roles[g->nroles++];
    r->title = span_hash(d, ta, tb);
    r->ta = ta;
    r->tb = tb;
    r->country = country;
    r->rank = title_rank(d, ta, tb);
}

static size_t sent_of(const ner_doc *d, size_t tok)
{
    size_t lo = 0, hi = d->nsent;
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sent0[mid] <= tok)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Surface text of tokens [a, b) with single spaces (no space before 's).
 * dedup drops a word repeated right after itself ("Vladimir Putin Putin");
 * titlecase turns a headline's capitals into "Moscow". */
static char *surface(const ner_doc *d, size_t a, size_t b, int dedup, int titlecase)
{
    size_t len = 0;
    for (size_t i = a; i < b; i++)
        len += d->t[i].end - d->t[i].start + 1;
    char *s = malloc(2 * len + 1), *p = s; /* lower case may take more bytes */
    if (!s)
        return NULL;
    for (size_t i = a; i < b; i++) {
        if (dedup && i > a && d->t[i].lhash == d->t[i - 1].lhash)
            continue;
        if (p > s && !is_poss(d, i) && !is_punct_tok(d, i, '.') &&
            !((is_punct_tok(d, i, '\'') || (d->t[i].end - d->t[i].start == 3 &&
                                            !memcmp(d->text + d->t[i].start, "\xE2\x80\x99", 3))) &&
              d->t[i].start == d->t[i - 1].end))
            *p++ = ' '; /* ("Workers' Party": a plural's apostrophe as written) */
        const utf8proc_uint8_t *w = (const utf8proc_uint8_t *)d->text + d->t[i].start;
        utf8proc_ssize_t wl = (utf8proc_ssize_t)(d->t[i].end - d->t[i].start);
        utf8proc_int32_t prev = 0;
        for (utf8proc_ssize_t k = 0; k < wl;) {
            utf8proc_int32_t c;
            utf8proc_ssize_t n = utf8proc_iterate(w + k, wl - k, &c);
            if (n <= 0) { /* not UTF-8 here: copy the byte */
                *p++ = (char)w[k++];
                prev = 0;
                continue;
            }
            /* BUCUREȘTI -> București: every letter after the first lower-cased */
            if (titlecase && k > 0 && prev != '-' && prev != '\'')
                c = utf8proc_tolower(c);
            p += utf8proc_encode_char(c, (utf8proc_uint8_t *)p);
            prev = c;
            k += n;
        }
    }
    *p = '\0';
    return s;
}

/* The base letters of the character at p[0..n): case-folded, accents
 * stripped ("Á" -> "a", "ß" -> "ss"), into dc (up to 4); *len receives the
 * bytes read. Returns how many were written, -1 on a byte that is not
 * UTF-8. */
static utf8proc_ssize_t base_letters(const utf8proc_uint8_t *p, utf8proc_ssize_t n,
                                     utf8proc_int32_t dc[4], utf8proc_ssize_t *len)
{
    if (p[0] < 0x80) { /* ASCII: no decomposition needed */
        *len = 1;
        dc[0] = p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 32 : p[0];
        return 1;
    }
    utf8proc_int32_t c;
    if ((*len = utf8proc_iterate(p, n, &c)) <= 0)
        return -1;
    int lb;
    utf8proc_ssize_t nd = utf8proc_decompose_char(
        c, dc, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &lb);
    return nd < 0 ? -1 : nd > 4 ? 4 : nd;
}

/* The comparison key of a one-word name for ner_name_variant: letters
 * case-folded and stripped of accents, doubled letters once, a final "iy",
 * "yi" or "ii" as "y", without a leading "al-"/"el-"; with vowels, also
 * "o" as "u" and "e" as "i" after the first letter and without a final "h"
 * after a vowel (ner_name_spelling); into buf (cap bytes). Returns its length, 0 when it does not
 * fit or has anything but letters, hyphens and apostrophes. */
static size_t variant_key(const char *s, size_t n, char *buf, size_t cap, int vowels)
{
    size_t k = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    for (utf8proc_ssize_t i = 0; i < (utf8proc_ssize_t)n;) {
        utf8proc_int32_t dc[4];
        utf8proc_ssize_t l, nd = base_letters(p + i, (utf8proc_ssize_t)n - i, dc, &l);
        if (nd < 0)
            return 0;
        i += l;
        for (utf8proc_ssize_t j = 0; j < nd; j++) {
            utf8proc_int32_t c = dc[j];
            if (c == '-' || c == '\'' || c == 0x2019)
                c = '-';
            else if (c < 'a' || c > 'z')
                return 0;
            if (k > 0 && buf[k - 1] == (char)c)
                continue;
            if (k + 1 >= cap)
                return 0;
            buf[k++] = (char)c;
        }
    }
    /* transliterations of one ending: "Zelenskiy", "Zelenskyi", "Zelensky" */
    if (k > 4 && (buf[k - 1] == 'y' || buf[k - 1] == 'i') &&
        ((buf[k - 2] == 'i' && buf[k - 1] == 'y') || (buf[k - 2] == 'y' && buf[k - 1] == 'i') ||
         (buf[k - 2] == 'i' && buf[k - 1] == 'i'))) {
        buf[k - 2] = 'y';
        k--;
    }
    buf[k] = '\0';
    if (k > 3 && (memcmp(buf, "al-", 3) == 0 || memcmp(buf, "el-", 3) == 0)) {
        memmove(buf, buf + 3, k - 2);
        k -= 3;
    }
    if (!vowels)
        return k;
    /* transliterations of one sound, after the first letter: "Tawakkol",
     * "Tawakul"; "Saleh", "Salih"; a final "h" after a vowel: "Salé",
     * "Abdulla" */
    size_t w = k ? 1 : 0;
    for (size_t r = 1; r < k; r++) {
        char c = buf[r] == 'o' ? 'u' : buf[r] == 'e' ? 'i' : buf[r];
        if (c != buf[w - 1])
            buf[w++] = c;
    }
    k = w;
    if (k > 4 && buf[k - 1] == 'h' && strchr("aiu", buf[k - 2]))
        k--;
    buf[k] = '\0';
    return k;
}

/* Not ner_name_variant's looser key (doubled letters, "al-"): across a
 * whole database "Ana" and "Anna", "Hasan" and "Hassan" may be two people. */
size_t chr_entity_key(const char *name, char *buf, size_t cap)
{
    size_t k = 0, n = name ? strlen(name) : 0;
    int space = 0; /* a space is pending: written before the next character */
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)name;
    for (utf8proc_ssize_t i = 0; i < (utf8proc_ssize_t)n;) {
        utf8proc_int32_t dc[4];
        utf8proc_ssize_t l, nd = base_letters(p + i, (utf8proc_ssize_t)n - i, dc, &l);
        if (nd < 0) { /* not UTF-8: the byte, read as Latin-1 */
            nd = 1, l = 1;
            dc[0] = p[i];
        }
        i += l;
        for (utf8proc_ssize_t j = 0; j < nd; j++) {
            utf8proc_int32_t c = dc[j];
            if (c == '.')
                continue;
            if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
                (c >= 0x2010 && c <= 0x2015)) {
                space = k > 0;
                continue;
            }
            if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '`')
                c = '\'';
            utf8proc_uint8_t u[4];
            utf8proc_ssize_t ul = utf8proc_encode_char(c, u);
            for (utf8proc_ssize_t b = -space; b < ul; b++, k++)
                if (k + 1 < cap)
                    buf[k] = b < 0 ? ' ' : (char)u[b];
            space = 0;
        }
    }
    if (cap)
        buf[k + 1 < cap ? k : cap - 1] = '\0';
    return k;
}

static int name_variant(const char *a, size_t na, const char *b, size_t nb, int vowels)
{
    char ka[64], kb[64];
    if (na < 4 || nb < 4 || (na == nb && memcmp(a, b, na) == 0))
        return 0;
    /* most pairs differ in their last letter: reject them cheaply */
    unsigned char xa = (unsigned char)a[na - 1], xb = (unsigned char)b[nb - 1];
    if (xa < 0x80 && xb < 0x80 && (xa | 0x20) != (xb | 0x20) && (xa | 0x20) != 'h' &&
        (xb | 0x20) != 'h')
        return 0;
    size_t la = variant_key(a, na, ka, sizeof ka, vowels),
           lb = variant_key(b, nb, kb, sizeof kb, vowels);
    return la >= 4 && la == lb && memcmp(ka, kb, la) == 0;
}

int ner_name_variant(const char *a, size_t na, const char *b, size_t nb)
{
    return name_variant(a, na, b, nb, 0);
}

int ner_name_spelling(const char *a, size_t na, const char *b, size_t nb)
{
    return name_variant(a, na, b, nb, 1);
}

/* Hash of the canonical form of a mention: the gazetteer's expansion, or
 * the folded words (repeats dropped). */
static uint64_t mention_key(const ner_doc *d, const lmen *x)
{
    const char *c = ner_gaz_canon(x->gi);
    if (c) {
        char buf[256];
        size_t n = ner_fold(c, strlen(c), buf, sizeof buf);
        uint64_t h = NER_SEQ_INIT;
        for (size_t i = 0, w = 0; i <= n; i++)
            if (i == n || buf[i] == ' ') {
                if (i > w)
                    h = ner_seq_add(h, ner_fnv(NER_FNV_INIT, buf + w, i - w));
                w = i + 1;
            }
        return h;
    }
    uint64_t h = NER_SEQ_INIT;
    for (size_t i = x->a; i < x->b; i++)
        if (i == x->a || d->t[i].lhash != d->t[i - 1].lhash)
            h = ner_seq_add(h, d->t[i].lhash);
    return h;
}

static int allcaps_span(const ner_doc *d, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if ((d->t[i].flags & NT_ALPHA) && !(d->t[i].flags & NT_ALLUP))
            return 0;
    return 1;
}

/* Initials of the capitalised words of tokens [a, b) ("SCO"). */
static size_t initials(const ner_doc *d, size_t a, size_t b, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t i = a; i < b && n + 1 < cap; i++)
        if (d->t[i].flags & NT_UPPER0)
            buf[n++] = d->text[d->t[i].start];
    buf[n] = '\0';
    return n;
}

/* Tokens i and j are one name, or spellings of one ("Asad", "Assad"). */
static int same_word(const ner_doc *d, size_t i, size_t j)
{
    const ner_tok *a = &d->t[i], *b = &d->t[j];
    return a->lhash == b->lhash || ner_name_variant(d->text + a->start, a->end - a->start,
                                                    d->text + b->start, b->end - b->start);
}

/* The same for a person's surname, with transliterations' vowels
 * ("Mursi", "Morsi"): only to link a person to a person. */
static int same_surname(const ner_doc *d, size_t i, size_t j)
{
    const ner_tok *a = &d->t[i], *b = &d->t[j];
    return a->lhash == b->lhash || ner_name_spelling(d->text + a->start, a->end - a->start,
                                                     d->text + b->start, b->end - b->start);
}

/* Whether token i is the word w, in any case. */
static int word_is(const ner_doc *d, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i < d->n && d->t[i].end - d->t[i].start == n &&
           strncasecmp(d->text + d->t[i].start, w, n) == 0;
}

/* A definite article right before token i, in its sentence: 1 "the",
 * 2 a Romance one ("el Consejo", "le Conseil", "il Consiglio"); else 0. */
static int article_before(const ner_doc *d, size_t i)
{
    static const char *const romance[] = {"el", "la", "le", "il", "lo", "o"};
    if (i == 0 || sent_of(d, i - 1) != sent_of(d, i))
        return 0;
    if (word_is(d, i - 1, "the"))
        return 1;
    for (size_t k = 0; k < sizeof romance / sizeof *romance; k++)
        if (word_is(d, i - 1, romance[k]))
            return 2;
    return 0;
}

/* Whether token i is "of" or its Romance forms. */
static int of_word(const ner_doc *d, size_t i)
{
    static const char *const of[] = {"of", "de", "du", "des", "del", "di", "della", "do", "da"};
    for (size_t k = 0; k < sizeof of / sizeof *of; k++)
        if (word_is(d, i, of[k]))
            return 1;
    return 0;
}

/* One document, one reading: a name the model typed differently in
 * different places takes the type of its full-name occurrences (a person's
 * surname stays a person), else the type most of its occurrences have. */
static void consistency(const ner_doc *d, lmen *m, size_t n)
{
    const ner_tok *t = d->t;
    for (size_t i = 0; i < n; i++) {
        if (m[i].type == CHR_ENT_PER)
            continue;
        size_t len = m[i].b - m[i].a;
        for (size_t j = 0; j < n; j++) {
            if (m[j].type != CHR_ENT_PER || m[j].b - m[j].a < 2 || j == i)
                continue;
            int same =
                len >= 2
                    ? t[m[i].a].lhash == t[m[j].a].lhash && same_word(d, m[i].b - 1, m[j].b - 1)
                    : same_word(d, m[i].a, m[j].b - 1) &&
                          !(d->gaz_1[m[i].a] & ((1u << GZ_COUNTRY) | (1u << GZ_BIGCITY)));
            if (same) {
                m[i].type = CHR_ENT_PER;
                break;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t h = span_hash(d, m[i].a, m[i].b);
        int votes[CHR_ENT_NTYPES] = {0};
        for (size_t j = 0; j < n; j++)
            if (m[j].b - m[j].a == m[i].b - m[i].a && span_hash(d, m[j].a, m[j].b) == h)
                votes[m[j].type]++;
        int best = m[i].type;
        for (int ty = 0; ty < CHR_ENT_NTYPES; ty++)
            if (votes[ty] > votes[best])
                best = ty;
        m[i].type = best;
    }
}

static int word_in_list(const ner_doc *d, size_t i, const char *const *list)
{
    for (; *list; list++)
        if (word_is(d, i, *list))
            return 1;
    return 0;
}

#define CATS_PLACE                                                                                 \
    ((1u << GZ_COUNTRY) | (1u << GZ_SUBDIV) | (1u << GZ_CITY) | (1u << GZ_BIGCITY) |               \
     (1u << GZ_REGION))

/* Whether the organisation's name o (two words or more) starts with the
 * word of hash h, or ends with it before a designator ("Walt Disney Co."). */
static int org_holds(const ner_doc *d, const lmen *o, uint64_t h)
{
    if (o->type != CHR_ENT_ORG || o->b - o->a < 2)
        return 0;
    size_t e = o->b; /* the name without its designators ("Co Ltd") */
    while (e > o->a + 1 && ner_designator(d, e - 1))
        e--;
    return d->t[o->a].lhash == h || (e < o->b && e - o->a >= 2 && d->t[e - 1].lhash == h);
}

/* ", a town", ", an oil region" after a name at token e: it says the name
 * is a place's. */
static int apposition_after(const ner_doc *d, size_t e)
{
    static const char *const place[] = {"town",  "city",     "village",  "region",
                                        "area",  "province", "district", "municipality",
                                        "river", "state",    "port",     NULL};
    if (!(e + 2 < d->n && is_punct_tok(d, e, ',') && sent_of(d, e + 2) == sent_of(d, e) &&
          (word_is(d, e + 1, "a") || word_is(d, e + 1, "an"))))
        return 0;
    /* the noun within the next three words: "a small town", "an oil town" */
    for (size_t k = e + 2; k < e + 5 && k < d->n && sent_of(d, k) == sent_of(d, e); k++)
        if (word_in_list(d, k, place))
            return 1;
    return 0;
}

/* A company the gazetteer knows that is also a place's name ("Amazon",
 * "Rio Tinto") is the company unless an article, a word of the land or an
 * apposition makes it the place ("the Amazon", "Amazon basin", "Nokia, a
 * town near Tampere"). */
static void company_places(const ner_doc *d, lmen *m, size_t n)
{
    static const char *const land[] = {"basin", "rainforest", "forest", "jungle",
                                       "river", "region",     "valley", "delta",
                                       "state", "province",   NULL};
    const unsigned places = (1u << GZ_COUNTRY) | (1u << GZ_BIGCITY) | (1u << GZ_SUBDIV);
    for (size_t i = 0; i < n; i++)
        if (m[i].type == CHR_ENT_LOC && m[i].gi && (m[i].gi->cats & (1u << GZ_COMPANY)) &&
            !(m[i].gi->cats & places) && !article_before(d, m[i].a) &&
            !apposition_after(d, m[i].b) &&
            !(m[i].b < d->n && sent_of(d, m[i].b) == sent_of(d, m[i].a) &&
              word_in_list(d, m[i].b, land)))
            m[i].type = CHR_ENT_ORG;
}

/* What the words around a one-word name say of it (English): +2 for a
 * company ("Kodak, which", "Kodak's shares", "shares of Kodak"), +1 for
 * "Alcoa said its" (a chief may speak so for his company), -2 for a person
 * ("Harper said he", "Keating, who") and after a title ("Chairman Kistler
 * said its ..."), 0. */
static int company_cue(const ner_doc *d, size_t i)
{
    size_t ta;
    if (title_before(d, d->sent0[sent_of(d, i)], i, &ta))
        return -2;
    static const char *const says[] = {"said",      "says",    "reported", "posted",
                                       "announced", "expects", "added",    NULL};
    static const char *const org_things[] = {
        "shares",  "stock",        "profit",       "profits",     "earnings",
        "revenue", "revenues",     "sales",        "subsidiary",  "unit",
        "board",   "shareholders", "stockholders", "stake",       "plant",
        "plants",  "chairman",     "spokesman",    "spokeswoman", NULL};
    static const char *const people[] = {"he", "she", "his", "her", "who", NULL};
    size_t j = i + 1;
    size_t s = sent_of(d, i);
    if (j + 1 < d->n && sent_of(d, j + 1) == s) {
        if (is_punct_tok(d, j, ','))
            return word_is(d, j + 1, "which") ? 2 : word_is(d, j + 1, "who") ? -2 : 0;
        if (word_in_list(d, j, says))
            return word_is(d, j + 1, "its") ? 1 : word_in_list(d, j + 1, people) ? -2 : 0;
        if (is_poss(d, j) && word_in_list(d, j + 1, org_things))
            return 2;
    }
    if (i >= 2 && sent_of(d, i - 2) == s && word_is(d, i - 1, "of") &&
        (word_is(d, i - 2, "shares") || word_is(d, i - 2, "shareholders")))
        return 2;
    return 0;
}

/* A one-word "person" of an English text that no full name holds (a
 * person's, or a company's that starts with it: that one links it below)
 * and whose contexts read as a company's ("Kodak, which", or "Alcoa said
 * its" twice) more than a person's (company_cue's sum at least 2) is that
 * company. */
static void company_words(const ner_doc *d, lmen *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (m[i].type != CHR_ENT_PER || m[i].b - m[i].a != 1)
            continue;
        uint64_t h = d->t[m[i].a].lhash;
        int score = 0, held = 0;
        for (size_t j = 0; j < n && !held; j++) {
            if (m[j].b - m[j].a == 1 && d->t[m[j].a].lhash == h)
                score += j > 0 && m[j - 1].b == m[j].a && m[j - 1].type == CHR_ENT_PER
                             ? -2 /* "W.A. Kistler", cut in two */
                             : company_cue(d, m[j].a);
            else if (m[j].type == CHR_ENT_PER && m[j].b - m[j].a >= 2)
                held = same_word(d, m[i].a, m[j].b - 1) || d->t[m[j].a].lhash == h;
            else
                held = org_holds(d, &m[j], h); /* the company's full name links it later */
        }
        if (held || score < 2 || (m[i].gi && (m[i].gi->cats & CATS_PLACE)))
            continue;
        for (size_t j = i; j < n; j++)
            if (m[j].b - m[j].a == 1 && d->t[m[j].a].lhash == h && m[j].type == CHR_ENT_PER)
                m[j].type = CHR_ENT_ORG;
    }
}

/* The organisation's name that holds the word of hash h (org_holds; with
 * a designator at its end when designated): the one it opens, else one it
 * ends, the shortest of them ("Toshiba Corp", not "Toshiba Machine Co
 * Ltd"; "Ford Motor Co", not "Ford Motor Credit Co"); a dictionary word
 * only opens one ("Bank" ends "Barclays Bank Plc" as any bank's name
 * does). n when none. */
static size_t holding_org(const ner_doc *d, const lmen *m, size_t n, uint64_t h, int designated)
{
    size_t best = n;
    int bopen = 0;
    for (size_t j = 0; j < n; j++) {
        if ((designated && !ner_designator(d, m[j].b - 1)) || !org_holds(d, &m[j], h))
            continue;
        int open = d->t[m[j].a].lhash == h;
        if (!open && chr_en_lower_word(h))
            continue;
        if (best == n || open > bopen ||
            (open == bopen && m[j].b - m[j].a < m[best].b - m[best].a)) {
            best = j;
            bopen = open;
        }
    }
    return best;
}

static void link_short_orgs(const ner_doc *d, lmen *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (m[i].type != CHR_ENT_ORG || m[i].b - m[i].a != 1 || ner_designator(d, m[i].a) ||
            word_is(d, m[i].a, "the"))
            continue;
        int root = find(m, (int)i), longer = 0;
        for (size_t j = 0; j < n && !longer; j++)
            longer = m[j].b - m[j].a >= 2 && find(m, (int)j) == root;
        size_t best = longer ? n : holding_org(d, m, n, d->t[m[i].a].lhash, 1);
        if (best == n)
            continue;
        unite(m, (int)i, (int)best);
        /* "CPC" of "CPC International Inc" is no longer the gazetteer's
         * Communist Party of China, wherever the text says it */
        root = find(m, (int)i);
        for (size_t j = 0; j < n; j++)
            if (m[j].b - m[j].a == 1 && find(m, (int)j) == root)
                m[j].gi = NULL;
    }
}

static int cmp_mention(const void *x, const void *y)
{
    const chr_mention *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

chr_err ner_link(const ner_doc *d, const uint8_t *lab, const uint8_t *mark, chr_entities *out)
{
    memset(out, 0, sizeof *out);
    linker L = {d, NULL, 0, 0};
    const ner_tok *t = d->t;
    lgroup *g = NULL;
    int *gid = NULL, *rep = NULL;
    chr_err err = CHR_ENOMEM;

    /* 1. mentions from IOB2 labels */
    for (size_t k = 0; k < d->nsent; k++) {
        for (size_t i = d->sent0[k]; i < d->sent0[k + 1];) {
            if (!lab[i]) {
                i++;
                continue;
            }
            size_t j = i + 1;
            while (j < d->sent0[k + 1] && lab[j] == ner_lab_b(ner_lab_type(lab[i])) + 1)
                j++;
            unsigned fl = 0;
            for (size_t q = i; q < j; q++)
                if (mark[q] & NER_MARK_RULE)
                    fl |= CHR_MENTION_RULE;
            /* "Vladimir Vladimirovich" + "Putin": a person's name the
             * tagger cut in two, with nothing between, is one name */
            lmen *pv = L.n ? &L.m[L.n - 1] : NULL;
            if (pv && pv->type == CHR_ENT_PER && ner_lab_type(lab[i]) == CHR_ENT_PER &&
                pv->b == i && pv->a >= d->sent0[k]) {
                pv->b = j;
                pv->flags |= fl;
                pv->gi = NULL;
                i = j;
                continue;
            }
            if (add_mention(&L, i, j, ner_lab_type(lab[i]), fl))
                goto done;
            L.m[L.n - 1].gi = gaz_exact(d, i, j);
            /* "the Philippines": a country's name after an article the
             * tagger took in; a lower-case "the" is not part of the name, a
             * sentence's "The" may be ("The Netherlands", as CoNLL marks
             * it), so it stays in the span but the country is known */
            const ner_gaz_info *gc;
            if (j - i >= 2 && word_is(d, i, "the") && (gc = gaz_exact(d, i + 1, j)) &&
                (gc->cats & (1u << GZ_COUNTRY))) {
                if (d->text[t[i].start] == 't')
                    L.m[L.n - 1].a = i + 1;
                L.m[L.n - 1].gi = gc;
            }
            i = j;
        }
    }
    size_t nnamed = L.n;
    lmen *m = L.m;
    consistency(d, m, nnamed);
    /* a country's name is a place even where it acts ("the Philippines
     * clinched a repayment", "Britain said"), as CoNLL marks it; the model
     * reads a capitalised "The" before it as an organisation's */
    for (size_t i = 0; i < nnamed; i++)
        if (m[i].type == CHR_ENT_ORG && m[i].gi && (m[i].gi->cats & (1u << GZ_COUNTRY)))
            m[i].type = CHR_ENT_LOC;
    company_places(d, m, nnamed);
    company_words(d, m, nnamed); /* English cue words; they match no other language */

    /* 2. people: full names alike, then single names to the full name */
    for (size_t i = 0; i < nnamed; i++) {
        if (m[i].type != CHR_ENT_PER || m[i].b - m[i].a < 2)
            continue;
        for (size_t j = 0; j < i; j++) {
            if (m[j].type != CHR_ENT_PER || m[j].b - m[j].a < 2)
                continue;
            if (t[m[i].a].lhash == t[m[j].a].lhash && same_word(d, m[i].b - 1, m[j].b - 1))
                unite(m, (int)i, (int)j);
        }
    }
    /* group sizes decide between candidates */
    int *cnt = calloc(nnamed + 1, sizeof *cnt);
    if (!cnt)
        goto done;
    for (size_t i = 0; i < nnamed; i++)
        cnt[find(m, (int)i)]++;
    for (size_t i = 0; i < nnamed; i++) {
        if (m[i].b - m[i].a != 1 || m[i].type != CHR_ENT_PER)
            continue;
        uint64_t h = t[m[i].a].lhash;
        int best = -1, bscore = 0;
        for (size_t j = 0; j < nnamed; j++) {
            if (m[j].type != CHR_ENT_PER || m[j].b - m[j].a < 2)
                continue;
            int sc = 0;
            if (t[m[j].b - 1].lhash == h)
                sc = 3;
            else if (same_surname(d, m[i].a, m[j].b - 1)) /* "Assad" -> "Bashar al-Assad" */
                sc = 2;
            else if (t[m[j].a].lhash == h)
                sc = 1;
            if (!sc)
                continue;
            sc = sc * 1000 + cnt[find(m, (int)j)];
            if (sc > bscore) {
                bscore = sc;
                best = (int)j;
            }
        }
        if (best >= 0) {
            unite(m, (int)i, best);
            continue;
        }
        /* no person's full name holds it, but an organisation's name
         * starts with it, or ends with it before a designator: "Chrysler"
         * after "Chrysler Corp", "Cyclops" after "Cyclops Corp", "Disney"
         * after "Walt Disney Co." are the company */
        size_t o = ner_designator(d, m[i].a) ? nnamed : holding_org(d, m, nnamed, h, 0);
        if (o < nnamed) {
            m[i].type = CHR_ENT_ORG;
            unite(m, (int)i, (int)o);
        }
    }
    free(cnt);

    /* 3. other types: same gazetteer canonical or same words; acronyms */
    for (size_t i = 0; i < nnamed; i++) {
        if (m[i].type == CHR_ENT_PER)
            continue;
        uint64_t hi = mention_key(d, &m[i]);
        size_t li = m[i].b - m[i].a;
        for (size_t j = 0; j < i; j++) {
            if (m[j].type != m[i].type)
                continue;
            if (hi == mention_key(d, &m[j])) {
                unite(m, (int)i, (int)j);
                break;
            }
            /* "Foreign Ministry" after "Russian Foreign Ministry" */
            size_t lj = m[j].b - m[j].a;
            if (m[i].type == CHR_ENT_ORG && li != lj && (li < lj ? li : lj) >= 2) {
                const lmen *sh = li < lj ? &m[i] : &m[j], *lo = li < lj ? &m[j] : &m[i];
                size_t ls = sh->b - sh->a, q;
                for (q = 0; q < ls; q++)
                    if (t[sh->a + q].lhash != t[lo->b - ls + q].lhash)
                        break;
                if (q == ls) {
                    unite(m, (int)i, (int)j);
                    break;
                }
                /* "Ceres Robotics" after "Ceres Robotics Inc." */
                for (q = 0; q < ls && t[sh->a + q].lhash == t[lo->a + q].lhash; q++)
                    ;
                size_t r = lo->a + ls;
                while (q == ls && r < lo->b && ner_designator(d, r))
                    r++;
                if (q == ls && r == lo->b) {
                    unite(m, (int)i, (int)j);
                    break;
                }
            }
            /* "Shanghai Cooperation Organisation" ... "SCO" */
            size_t ai = m[i].b - m[i].a == 1 && (t[m[i].a].flags & NT_ALLUP) ? i : SIZE_MAX;
            size_t aj = m[j].b - m[j].a == 1 && (t[m[j].a].flags & NT_ALLUP) ? j : SIZE_MAX;
            size_t acr = ai != SIZE_MAX ? ai : aj, full = ai != SIZE_MAX ? j : i;
            if (m[i].type == CHR_ENT_ORG && acr != SIZE_MAX && acr != full &&
                m[full].b - m[full].a >= 2) {
                char ini[16];
                size_t nl = initials(d, m[full].a, m[full].b, ini, sizeof ini);
                const ner_tok *x = &t[m[acr].a];
                if (nl >= 2 && nl == x->end - x->start && memcmp(ini, d->text + x->start, nl) == 0)
                    unite(m, (int)i, (int)j);
            }
        }
    }

    /* "the Bank" after "the World Bank" or "the Bank of Japan", "the
     * Commission" after "the European Commission": an organisation's head
     * word after "the" (which the model may have called MISC: "the
     * Fund") is the nearest earlier name it heads. Romance names put the
     * head first: "el Consejo" after "el Consejo de Seguridad", "le
     * Fonds" after "le Fonds monétaire international". */
    for (size_t i = 0; i < nnamed; i++) {
        int art =
            m[i].type == CHR_ENT_ORG || m[i].type == CHR_ENT_MISC ? article_before(d, m[i].a) : 0;
        if (!art || m[i].b - m[i].a != 1)
            continue;
        for (size_t j = i; j-- > 0;) {
            if (m[j].type != CHR_ENT_ORG || m[j].b - m[j].a < 2)
                continue;
            int first = t[m[j].a].lhash == t[m[i].a].lhash;
            if ((art == 1 && t[m[j].b - 1].lhash == t[m[i].a].lhash) ||
                (first && (art == 2 || of_word(d, m[j].a + 1)))) {
                /* one head word, one name: a group that already took
                 * another name ("the Bank" of the African Development Bank,
                 * then the World Bank) takes no second */
                int ri = find(m, (int)i), rj = find(m, (int)j), other = 0;
                for (size_t q = 0; q < nnamed && !other && ri != rj; q++)
                    other = q != j && m[q].b - m[q].a >= 2 && find(m, (int)q) == ri;
                if (!other)
                    unite(m, (int)i, (int)j);
                break;
            }
        }
    }

    /* 3b. a company's one-word name ("Baker" after "Baker International
     * Corp") whose group holds no longer name joins the first company's
     * name with a designator that holds it, as a one-word "person" does
     * above (not "Senate" to "Senate Finance Committee") */
    link_short_orgs(d, m, nnamed);

    /* 4. groups */
    gid = malloc((nnamed + 1) * sizeof *gid);
    rep = malloc((nnamed + 1) * sizeof *rep);
    g = calloc(nnamed + 1, sizeof *g);
    if (!gid || !rep || !g)
        goto done;
    int ng = 0;
    for (size_t i = 0; i < nnamed; i++) {
        int r = find(m, (int)i);
        if ((size_t)r == i) {
            gid[i] = ng;
            g[ng].type = m[i].type;
            ng++;
        }
    }
    for (size_t i = 0; i < nnamed; i++) {
        gid[i] = gid[find(m, (int)i)];
        lgroup *x = &g[gid[i]];
        x->count++;
        x->named++;
        /* an organisation's name that is also a town's ("UN", "Un" in
         * Gujarat) does not take the town's country */
        if (!x->country && m[i].gi && m[i].gi->country && m[i].type != CHR_ENT_PER &&
            !(m[i].type == CHR_ENT_ORG && (m[i].gi->cats & ((1u << GZ_CITY) | (1u << GZ_SUBDIV)))))
            x->country = m[i].gi->country;
    }

    /* 5. roles of people, countries of organisations */
    for (size_t i = 0; i < nnamed; i++) {
        size_t k = sent_of(d, m[i].a), s0 = d->sent0[k], s1 = d->sent0[k + 1];
        lgroup *x = &g[gid[i]];
        if (m[i].type == CHR_ENT_PER) {
            size_t e = m[i].a, ta, ca;
            if (e > s0 && is_punct_tok(d, e - 1, ']'))
                e--;
            if (title_before(d, s0, e, &ta)) {
                unsigned c = country_before(d, s0, ta, &ca);
                add_role(x, d, ta, e, c);
                if (c && !x->country)
                    x->country = c;
            } else if (e > s0) {
                /* "President of the Russian Federation Vladimir Putin" */
                size_t cs;
                for (cs = e > s0 + 4 ? e - 4 : s0; cs < e; cs++) {
                    const ner_gaz_info *gi = gaz_exact(d, cs, e);
                    if (gi && (gi->cats & (1u << GZ_COUNTRY)) && gi->country)
                        break;
                }
                if (cs < e) {
                    const ner_gaz_info *gi = gaz_exact(d, cs, e);
                    size_t p = cs;
                    if (p > s0 && t[p - 1].lhash == ner_fnv(NER_FNV_INIT, "the", 3))
                        p--;
                    if (p > s0 && t[p - 1].lhash == ner_fnv(NER_FNV_INIT, "of", 2) &&
                        title_before(d, s0, p - 1, &ta)) {
                        add_role(x, d, ta, p - 1, gi->country);
                        if (!x->country)
                            x->country = gi->country;
                    }
                }
            }
            /* apposition: "Sergey Lavrov, Russia's foreign minister" */
            size_t p = m[i].b;
            if (p + 2 < s1 && is_punct_tok(d, p, ',')) {
                size_t q = p + 1;
                if (t[q].lhash == ner_fnv(NER_FNV_INIT, "the", 3))
                    q++;
                for (size_t e2 = q + 1; e2 <= s1 && e2 <= q + 6; e2++) {
                    if (title_before(d, q, e2, &ta) && ta > q &&
                        (e2 == s1 || !(t[e2].flags & NT_UPPER0))) {
                        unsigned c = country_before(d, q, ta, &ca);
                        if (c && ca == q) {
                            add_role(x, d, ta, e2, c);
                            if (!x->country)
                                x->country = c;
                            break;
                        }
                    }
                }
            }
        } else if (!x->country) {
            /* "Russian Foreign Ministry", "Russian agency TASS" */
            for (size_t q = m[i].a; q < m[i].b && !x->country; q++) {
                const ner_gaz_info *gi = gaz_exact(d, q, q + 1);
                if (gi && gi->country && (gi->cats & ((1u << GZ_DEMONYM) | (1u << GZ_COUNTRY))))
                    x->country = gi->country;
            }
            size_t ca;
            if (!x->country && m[i].type == CHR_ENT_ORG && m[i].a > s0) {
                unsigned c = country_before(d, s0, m[i].a, &ca);
                if (c && d->t[m[i].a - 1].flags & NT_UPPER0)
                    x->country = c;
            }
        }
    }

    /* 6. nominal mentions: "the Russian president", "the Kremlin chief" */
    uint8_t *inside = calloc(d->n + 1, 1);
    if (!inside)
        goto done;
    for (size_t i = 0; i < nnamed; i++)
        memset(inside + m[i].a, 1, m[i].b - m[i].a);
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s0 = d->sent0[k], s1 = d->sent0[k + 1];
        if (d->allcaps[k])
            continue;
        for (size_t a = s0; a < s1; a++) {
            if (!(d->gaz_b[a] & (1u << GZ_TITLE)) || inside[a])
                continue;
            size_t ta = a, tb = 0;
            for (size_t e = a + 1; e <= s1 && e <= a + 4; e++) {
                const ner_gaz_info *gi = gaz_exact(d, a, e);
                if (gi && (gi->cats & (1u << GZ_TITLE)))
                    tb = e;
            }
            if (!tb || memchr(inside + ta, 1, tb - ta))
                continue;
            size_t nx = tb < s1 && is_punct_tok(d, tb, ']') ? tb + 1 : tb;
            if (nx < s1 && inside[nx] && (d->t[nx].flags & NT_UPPER0))
                continue; /* a title before a name, not a nominal */
            size_t ca;
            unsigned c = country_before(d, s0, ta, &ca);
            if (!c)
                continue;
            int generic = title_generic(d, ta, tb);
            uint64_t th = span_hash(d, ta, tb);
            int best = -1, bs = 0;
            for (int q = 0; q < ng; q++) {
                if (g[q].type != CHR_ENT_PER)
                    continue;
                for (int r = 0; r < g[q].nroles; r++) {
                    const role *ro = &g[q].roles[r];
                    if (ro->country != c)
                        continue;
                    int sc = ro->title == th ? 10 : generic && ro->rank >= 2 ? ro->rank : 0;
                    sc = sc * 1000 + g[q].named;
                    if (sc >= 1000 && sc > bs) {
                        bs = sc;
                        best = q;
                    }
                }
            }
            if (best < 0)
                continue;
            if (add_mention(&L, ta, tb, CHR_ENT_PER, CHR_MENTION_NOMINAL))
                goto done_inside;
            m = L.m;
            int *ng2 = realloc(gid, L.n * sizeof *gid);
            if (!ng2)
                goto done_inside;
            gid = ng2;
            gid[L.n - 1] = best;
            g[best].count++;
            memset(inside + ta, 1, tb - ta);
            a = tb - 1;
        }
    }
    free(inside);
    inside = NULL;

    /* 7. canonical names: a gazetteer expansion, else the most used full form */
    for (int q = 0; q < ng; q++)
        rep[q] = -1;
    for (size_t i = 0; i < nnamed; i++) {
        int q = gid[i], r = rep[q];
        if (r < 0) {
            rep[q] = (int)i;
            continue;
        }
        const char *ci = ner_gaz_canon(m[i].gi), *cr = ner_gaz_canon(m[r].gi);
        if (cr && !ci)
            continue;
        if (ci && !cr) {
            rep[q] = (int)i;
            continue;
        }
        size_t li = m[i].b - m[i].a, lr = m[r].b - m[r].a;
        int capi = allcaps_span(d, m[i].a, m[i].b) && li > 1;
        int capr = allcaps_span(d, m[r].a, m[r].b) && lr > 1;
        if (capi != capr) {
            if (capr)
                rep[q] = (int)i;
            continue;
        }
        if (g[q].type == CHR_ENT_PER) {
            /* prefer multi-word names, then the most frequent one */
            int fi = 0, fr = 0;
            uint64_t hi = span_hash(d, m[i].a, m[i].b), hr = span_hash(d, m[r].a, m[r].b);
            for (size_t j = 0; j < nnamed; j++) {
                if (gid[j] != q)
                    continue;
                uint64_t hj = span_hash(d, m[j].a, m[j].b);
                fi += hj == hi;
                fr += hj == hr;
            }
            if ((li >= 2) != (lr >= 2) ? li >= 2 : fi > fr)
                rep[q] = (int)i;
        } else if (li > lr) {
            rep[q] = (int)i;
        }
    }

    /* 8. output */
    out->entities = calloc((size_t)ng + 1, sizeof *out->entities);
    out->mentions = calloc(L.n + 1, sizeof *out->mentions);
    if (!out->entities || !out->mentions)
        goto done;
    out->n_entities = (size_t)ng;
    for (int q = 0; q < ng; q++) {
        chr_entity *e = &out->entities[q];
        int r = rep[q];
        const char *c = ner_gaz_canon(m[r].gi);
        int tc = m[r].gi && !(m[r].gi->flags & GZF_EXACT) && allcaps_span(d, m[r].a, m[r].b);
        e->canonical = c ? strdup(c) : surface(d, m[r].a, m[r].b, g[q].type == CHR_ENT_PER, tc);
        e->type = (chr_ent_type)g[q].type;
        e->mentions = g[q].count;
        const char *cc = ner_gaz_country_code(g[q].country);
        e->country = cc ? strdup(cc) : NULL;
        if (g[q].nroles) {
            const role *best = &g[q].roles[0];
            for (int x = 1; x < g[q].nroles; x++)
                if (g[q].roles[x].rank > best->rank)
                    best = &g[q].roles[x];
            char buf[64];
            ner_fold(d->text + t[best->ta].start, t[best->tb - 1].end - t[best->ta].start, buf,
                     sizeof buf);
            e->role = strdup(buf);
            if (!e->role)
                goto done;
        }
        if (!e->canonical || (cc && !e->country))
            goto done;
    }
    for (size_t i = 0; i < L.n; i++) {
        chr_mention *o = &out->mentions[i];
        o->start = t[m[i].a].start;
        o->end = t[m[i].b - 1].end;
        o->type = (chr_ent_type)m[i].type;
        o->entity = gid[i];
        o->flags = m[i].flags;
    }
    out->n_mentions = L.n;
    qsort(out->mentions, out->n_mentions, sizeof *out->mentions, cmp_mention);
    err = CHR_OK;
    goto done;
done_inside:
    free(inside);
done:
    if (err != CHR_OK)
        chr_entities_free(out);
    free(L.m);
    free(g);
    free(gid);
    free(rep);
    return err;
}
