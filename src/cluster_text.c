/* chronicle — the word layer of dedup and story clustering (cluster_text.h).
 * Owns: the word iterator (ASCII fast path, utf8proc for the rest), stop
 * sets, Snowball stemmers per language and the word -> term id cache. */
#include "cluster_text.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

void chr_ct_iter_init(chr_ct_iter *it, const char *text, size_t len)
{
    it->start = (const unsigned char *)text;
    it->p = (const unsigned char *)text;
    it->end = (const unsigned char *)text + (text ? len : 0);
}

static int is_alpha(unsigned c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int is_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

/* Decode one code point at p (p < end); *n its length (1 on invalid). */
static int32_t decode(const unsigned char *p, const unsigned char *end, int *n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, end - p, &cp);
    if (k <= 0) {
        *n = 1;
        return -1;
    }
    *n = (int)k;
    return cp;
}

/* 1 letter, 2 digit or mark, 0 not part of a word. */
static int word_class(int32_t cp)
{
    if (cp < 0)
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return 1;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 2;
    default:
        return 0;
    }
}

/* Is the character at p (if any) a letter? */
static int letter_at(const unsigned char *p, const unsigned char *end)
{
    if (p >= end)
        return 0;
    if (*p < 0x80)
        return is_alpha(*p);
    int n;
    return word_class(decode(p, end, &n)) == 1;
}

int chr_ct_next_word(chr_ct_iter *it, char *buf, int *numeric)
{
    unsigned flags;
    int len = chr_ct_next_word_ex(it, buf, &flags);
    if (numeric)
        *numeric = (flags & CHR_CT_NUMERIC) != 0;
    return len;
}

int chr_ct_next_word_ex(chr_ct_iter *it, char *buf, unsigned *flags)
{
    const unsigned char *p = it->p, *end = it->end;
    int n;
    /* sentence start: beginning of text, a paragraph break, or . ! ? : before
     * the word (quotes, brackets and single line breaks are transparent) */
    int initial = p == it->start, newlines = 0;
    while (p < end) {
        if (*p < 0x80) {
            if (is_alpha(*p) || is_digit(*p))
                break;
            if (*p == '.' || *p == '!' || *p == '?' || *p == ':')
                initial = 1;
            else if (*p == '\n' && ++newlines >= 2)
                initial = 1;
            else if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n' && *p != '"' &&
                     *p != '\'' && *p != '(' && *p != '[')
                initial = 0;
            p++;
        } else {
            int32_t cp = decode(p, end, &n);
            if (word_class(cp))
                break;
            p += n;
        }
    }
    if (p >= end) {
        it->p = p;
        return -1;
    }
    unsigned capital = 0;
    if (*p < 0x80) {
        capital = *p >= 'A' && *p <= 'Z';
    } else {
        utf8proc_int32_t cp0 = decode(p, end, &n);
        capital = cp0 >= 0 && utf8proc_category(cp0) == UTF8PROC_CATEGORY_LU;
    }
    int len = 0, letters = 0, seg = 0; /* seg: characters since start or last '.' */
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            if (is_alpha(c) || is_digit(c)) {
                if (len < CHR_CT_MAXWORD)
                    buf[len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                letters |= is_alpha(c);
                seg++;
                p++;
                continue;
            }
            if (c == '\'' && len > 0 && letter_at(p + 1, end)) {
                if (len < CHR_CT_MAXWORD)
                    buf[len++] = '\'';
                seg = 0;
                p++;
                continue;
            }
            /* U.S., U.N., e.g.: single letters joined by dots */
            if (c == '.' && seg == 1 && letters && p + 1 < end && is_alpha(p[1]) &&
                (p + 2 >= end || !(is_alpha(p[2]) || is_digit(p[2])))) {
                if (len < CHR_CT_MAXWORD)
                    buf[len++] = '.';
                seg = 0;
                p++;
                continue;
            }
            /* 3.5, 1,000: separators inside numbers */
            if ((c == '.' || c == ',') && !letters && len > 0 && p + 1 < end && is_digit(p[1])) {
                if (c == '.' && len < CHR_CT_MAXWORD)
                    buf[len++] = '.';
                p++;
                continue;
            }
            break;
        }
        int32_t cp = decode(p, end, &n);
        if ((cp == 0x2019 || cp == 0x2018) && len > 0 && letter_at(p + n, end)) {
            if (len < CHR_CT_MAXWORD)
                buf[len++] = '\'';
            seg = 0;
            p += n;
            continue;
        }
        int cls = word_class(cp);
        if (!cls)
            break;
        if (cls == 1) {
            letters = 1;
            cp = utf8proc_tolower(cp);
            /* Romanian s and t with a comma below are written with a
             * cedilla as often (older keyboards and fonts): one letter,
             * in the cedilla form its Snowball stemmer's suffixes use */
            if (cp == 0x0219)
                cp = 0x015F;
            else if (cp == 0x021B)
                cp = 0x0163;
        }
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(cp, enc);
        if (len + k <= CHR_CT_MAXWORD) {
            memcpy(buf + len, enc, (size_t)k);
            len += (int)k;
        }
        seg++;
        p += n;
    }
    buf[len] = '\0';
    it->p = p;
    *flags = (letters ? 0 : CHR_CT_NUMERIC) | (capital ? CHR_CT_CAPITAL : 0) |
             (initial ? CHR_CT_INITIAL : 0);
    return len;
}

/* ---- stop sets: open addressing over 64-bit word hashes ---- */

typedef struct stop_set {
    uint64_t *keys; /* 0 = empty */
    size_t mask;
} stop_set;

static uint64_t word_hash(const char *w, size_t len)
{
    uint64_t h = XXH3_64bits(w, len);
    return h ? h : 1;
}

static int stop_build(stop_set *s, const char *lang)
{
    const char *list = chr_ct_stop_list(lang);
    size_t cap = 1024;
    s->keys = calloc(cap, sizeof *s->keys);
    if (!s->keys)
        return -1;
    s->mask = cap - 1;
    for (const char *p = list; p && *p;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if (q > p) {
            uint64_t h = word_hash(p, (size_t)(q - p));
            size_t i = h & s->mask;
            while (s->keys[i] && s->keys[i] != h)
                i = (i + 1) & s->mask;
            s->keys[i] = h;
        }
        p = q;
    }
    return 0;
}

static int stop_has(const stop_set *s, uint64_t h)
{
    size_t i = h & s->mask;
    while (s->keys[i]) {
        if (s->keys[i] == h)
            return 1;
        i = (i + 1) & s->mask;
    }
    return 0;
}

/* ---- the analyser ---- */

enum { MAX_LANGS = 24, CACHE_BITS = 18 };

/* 8 bytes, so that the cache (2 MB) stays in the last-level cache: the
 * slot comes from the low bits of the 64-bit (lang, word) hash, the key
 * holds its high 32 bits (odd, so 0 marks an empty slot). */
typedef struct cache_ent {
    uint32_t key;
    uint32_t term;
} cache_ent;

typedef struct lang_ent {
    char lang[8];
    struct sb_stemmer *stemmer; /* NULL when Snowball has none */
    stop_set stop;              /* keys NULL when no list */
} lang_ent;

struct chr_ct {
    lang_ent langs[MAX_LANGS];
    int n_langs;
    cache_ent *cache;
    size_t mask, count;
};

chr_ct *chr_ct_new(void)
{
    chr_ct *ct = calloc(1, sizeof *ct);
    if (!ct)
        return NULL;
    ct->cache = calloc((size_t)1 << CACHE_BITS, sizeof *ct->cache);
    if (!ct->cache) {
        free(ct);
        return NULL;
    }
    ct->mask = ((size_t)1 << CACHE_BITS) - 1;
    return ct;
}

void chr_ct_free(chr_ct *ct)
{
    if (!ct)
        return;
    for (int i = 0; i < ct->n_langs; i++) {
        if (ct->langs[i].stemmer)
            sb_stemmer_delete(ct->langs[i].stemmer);
        free(ct->langs[i].stop.keys);
    }
    free(ct->cache);
    free(ct);
}

static lang_ent *get_lang(chr_ct *ct, const char *lang)
{
    char code[8] = "en";
    if (lang && lang[0] && strlen(lang) < sizeof code) {
        for (size_t i = 0; lang[i]; i++)
            code[i] = (char)(lang[i] >= 'A' && lang[i] <= 'Z' ? lang[i] + 32 : lang[i]);
        code[strlen(lang)] = '\0';
    }
    for (int i = 0; i < ct->n_langs; i++)
        if (strcmp(ct->langs[i].lang, code) == 0)
            return &ct->langs[i];
    if (ct->n_langs == MAX_LANGS)
        return &ct->langs[0]; /* degrade: first language seen */
    lang_ent *e = &ct->langs[ct->n_langs];
    memset(e, 0, sizeof *e);
    memcpy(e->lang, code, sizeof code);
    e->stemmer = sb_stemmer_new(code, "UTF_8");
    if (chr_ct_stop_list(code) && stop_build(&e->stop, code) != 0)
        return NULL;
    ct->n_langs++;
    return e;
}

static uint32_t fold(uint64_t h)
{
    uint32_t t = (uint32_t)(h ^ (h >> 32));
    return t ? t : 1;
}

/* w[0..n) with its letters' diacritics dropped into buf[0..cap): its
 * length. */
static size_t strip_marks(const char *w, size_t n, char *buf, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 4 < cap;) {
        utf8proc_int32_t cp, d[4];
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)w + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { /* not UTF-8 (the cleaner repairs text): as written */
            buf[o++] = w[i++];
            continue;
        }
        i += (size_t)k;
        utf8proc_ssize_t nd =
            cp < 0x80
                ? 0
                : utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, NULL);
        if (nd < 1 || nd > 4) {
            nd = 1;
            d[0] = cp;
        }
        for (utf8proc_ssize_t j = 0; j < nd && o + 4 < cap; j++)
            o += (size_t)utf8proc_encode_char(d[j], (utf8proc_uint8_t *)buf + o);
    }
    return o;
}

/* The term id of w[0..n): hashed with its letters' diacritics dropped
 * ("élève" and "eleve", "eleição" and "eleicao" are one term: many sites
 * write without them). */
static uint32_t term_hash(const char *w, size_t n)
{
    size_t i = 0;
    while (i < n && (unsigned char)w[i] < 0x80)
        i++;
    if (i == n)
        return fold(XXH3_64bits(w, n));
    char buf[4 * CHR_CT_MAXWORD + 8];
    return fold(XXH3_64bits(buf, strip_marks(w, n, buf, sizeof buf)));
}

static uint32_t compute_term(chr_ct *ct, lang_ent *le, const char *word, size_t len)
{
    int letters = 0;
    for (size_t i = 0; i < len && !letters; i++)
        letters = is_alpha((unsigned char)word[i]) || (unsigned char)word[i] >= 0x80;
    if (!letters)
        return 0;
    /* French and Italian elision: l'homme, dell'anno, qu'il */
    if (strcmp(le->lang, "fr") == 0 || strcmp(le->lang, "it") == 0 || strcmp(le->lang, "ca") == 0) {
        const char *ap = memchr(word, '\'', len < 6 ? len : 6);
        if (ap) {
            len -= (size_t)(ap + 1 - word);
            word = ap + 1;
        }
    }
    if (len < 2)
        return 0;
    if (le->stop.keys && stop_has(&le->stop, word_hash(word, len)))
        return 0;
    /* Romanian sites write without diacritics as often as with them: its
     * words are stemmed as written without (the stemmer then reads one
     * form of each: "piaţă", "piata"); elsewhere the stem drops them */
    char plain[4 * CHR_CT_MAXWORD + 8];
    if (!strcmp(le->lang, "ro")) {
        size_t pn = strip_marks(word, len, plain, sizeof plain);
        word = plain;
        len = pn;
    }
    if (le->stemmer) {
        const sb_symbol *s = sb_stemmer_stem(le->stemmer, (const sb_symbol *)word, (int)len);
        if (s) {
            int sl = sb_stemmer_length(le->stemmer);
            if (sl >= 2)
                return term_hash((const char *)s, (size_t)sl);
        }
    }
    (void)ct;
    return term_hash(word, len);
}

uint32_t chr_ct_term(chr_ct *ct, const char *lang, const char *word, size_t len)
{
    return chr_ct_term_hashed(ct, lang, word, len, XXH3_64bits(word, len));
}

/* The cache slot hash of a word hash in lang. */
static uint64_t slot_hash(const char *lang, uint64_t hash)
{
    uint64_t seed = 0x51ed2701u;
    if (lang)
        for (size_t i = 0; lang[i] && i < 7; i++)
            seed = seed * 131 + (unsigned char)lang[i];
    uint64_t h = (hash ^ seed) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

void chr_ct_prefetch(const chr_ct *ct, const char *lang, uint64_t hash)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(&ct->cache[slot_hash(lang, hash) & ct->mask]);
#else
    (void)ct;
    (void)lang;
    (void)hash;
#endif
}

uint32_t chr_ct_term_hashed(chr_ct *ct, const char *lang, const char *word, size_t len,
                            uint64_t hash)
{
    uint64_t h = slot_hash(lang, hash);
    uint32_t key = (uint32_t)(h >> 32) | 1u;
    size_t i = h & ct->mask;
    while (ct->cache[i].key) {
        if (ct->cache[i].key == key)
            return ct->cache[i].term;
        i = (i + 1) & ct->mask;
    }
    lang_ent *le = get_lang(ct, lang);
    if (!le)
        return 0;
    uint32_t term = compute_term(ct, le, word, len);
    if (ct->count > (ct->mask + 1) / 4 * 3) { /* full: start afresh */
        memset(ct->cache, 0, (ct->mask + 1) * sizeof *ct->cache);
        ct->count = 0;
        i = h & ct->mask;
    }
    ct->cache[i].key = key;
    ct->cache[i].term = term;
    ct->count++;
    return term;
}

uint32_t chr_ct_feature(unsigned ns, const char *s, size_t len)
{
    return fold(XXH3_64bits_withSeed(s, len, 0x7f4a7c15u + ns));
}
