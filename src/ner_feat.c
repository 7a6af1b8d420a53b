/* chronicle — entity: features of the sequence tagger. Owns the feature
 * templates (word, shape, affix, context, gazetteer, document), sentence
 * preparation (gazetteer matches, headline detection) and document flags.
 * The trainer (tools/ner_train.c) and the tagger share this file, so a
 * change here needs `make train-ner`. */
#include <stdlib.h>
#include <string.h>

#include "ner.h"

enum {
    T_BIAS = 1,
    T_W,     /* exact form */
    T_L,     /* folded form */
    T_PRE,   /* folded prefix, value mixed with length */
    T_SUF,   /* folded suffix */
    T_SH,    /* compressed shape */
    T_SC,    /* shape class */
    T_G1,    /* the token alone is a gazetteer entry of a category */
    T_LEN,   /* length bucket */
    T_FLAGS, /* hyphen / period / apostrophe combination */
    T_BOUND, /* beyond the sentence */
    T_BI_P,  /* folded bigram with previous token */
    T_BI_N,  /* folded bigram with next token */
    T_SC3,   /* shape classes of -1, 0, +1 */
    T_S0SC,  /* sentence-initial x shape class */
    T_UC_L,  /* headline sentence x folded form */
    T_UC_SC, /* headline sentence x shape class */
    T_GB,    /* a gazetteer match of a category begins here */
    T_GI,    /* ... continues here */
    T_GP,    /* the previous token is in a match of a category */
    T_GN,    /* the next token is in a match of a category */
    T_GBL,   /* begins here x match length */
    T_DOC,   /* document flags x shape class */
    T_SCW_P, /* previous shape class x folded form */
    T_SCW_N, /* next shape class x folded form */
    T_L_P2,  /* folded forms of -2 and -1 */
};

#define NER_NOFF_ (2 * NER_WIN + 1)

static inline uint64_t fk(int tmpl, int k, uint64_t v)
{
    return ner_mix(v + 0x9E3779B97F4A7C15ULL * (uint64_t)(tmpl * 8 + k + 4));
}

/* Byte offsets of the first up-to-4 and last up-to-4 code point
 * boundaries of a folded string. */
static size_t utf8_starts(const char *s, size_t n, size_t *pos, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < cap; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            pos[k++] = i;
    return k;
}

size_t ner_feat_word(const ner_sent *s, size_t i, int k, uint64_t *f)
{
    size_t m = 0;
    long j = (long)i + k;
    if (j < 0 || j >= (long)s->n) {
        f[m++] = fk(T_BOUND, k, j < 0 ? 1 : 2);
        return m;
    }
    const ner_tok *t = &s->t[j];
    f[m++] = fk(T_L, k, t->lhash);
    f[m++] = fk(T_SC, k, t->shape);
    if (k < -1 || k > 1)
        return m;
    f[m++] = fk(T_SH, k, t->shash);
    const char *w = s->text + t->start;
    size_t wl = t->end - t->start;
    char fb[64];
    size_t fl = ner_fold(w, wl, fb, sizeof fb);
    size_t pos[64];
    size_t np = utf8_starts(fb, fl, pos, 64);
    if (k != 0) {
        f[m++] = fk(T_W, k, t->ehash);
        if (np > 3)
            f[m++] = fk(T_SUF, k, ner_fnv(NER_FNV_INIT, fb + pos[np - 3], fl - pos[np - 3]));
        if (np > 4) {
            f[m++] = fk(T_PRE, k, ner_fnv(3, fb, pos[3]));
            f[m++] = fk(T_SUF, k, ner_fnv(4, fb + pos[np - 4], fl - pos[np - 4]));
        }
        return m;
    }
    f[m++] = fk(T_W, 0, t->ehash);
    for (size_t a = 1; a <= 4 && a < np; a++) {
        f[m++] = fk(T_PRE, 0, ner_fnv(a, fb, pos[a]));
        f[m++] = fk(T_SUF, 0, ner_fnv(a, fb + pos[np - a], fl - pos[np - a]));
    }
    f[m++] = fk(T_LEN, 0, np > 12 ? 12 : np);
    unsigned fl3 = t->flags & (NT_HYPHEN | NT_PERIOD | NT_APOS | NT_MIXED);
    if (fl3)
        f[m++] = fk(T_FLAGS, 0, fl3);
    return m;
}

/* Dense index layout (see NER_DENSE). */
#define NC GZ_NCATS
enum {
    D_BIAS = 0,
    D_G1 = D_BIAS + 1,             /* (k + 2) * NC + c */
    D_SC3 = D_G1 + NER_NOFF_ * NC, /* (sp * SH_COUNT + sc) * SHB + sn */
    D_S0SC = D_SC3 + (SH_COUNT + 1) * SH_COUNT * (SH_COUNT + 1),
    D_UCSC = D_S0SC + SH_COUNT,
    D_GB = D_UCSC + SH_COUNT,
    D_GBL = D_GB + NC, /* c * 5 + min(len, 4) */
    D_GI = D_GBL + NC * 5,
    D_GP = D_GI + NC,
    D_GN = D_GP + NC,
    D_DOC = D_GN + NC, /* (docf & 7) * SH_COUNT + sc, then one row each for
                          NER_DOC_AFTER_FIRSTNAME and NER_DOC_AFTER_TITLE */
    D_END = D_DOC + 10 * SH_COUNT
};

uint64_t ner_feat_dense_key(unsigned x)
{
    const unsigned shb = SH_COUNT + 1;
    if (x < D_G1)
        return fk(T_BIAS, 0, 0);
    if (x < D_SC3)
        return fk(T_G1, (int)((x - D_G1) / NC) - NER_WIN, (x - D_G1) % NC);
    if (x < D_S0SC) {
        unsigned v = x - D_SC3, sn = v % shb, sc = (v / shb) % SH_COUNT, sp = v / shb / SH_COUNT;
        return fk(T_SC3, 0, (sp * 16 + sc) * 16 + sn);
    }
    if (x < D_UCSC)
        return fk(T_S0SC, 0, x - D_S0SC);
    if (x < D_GB)
        return fk(T_UC_SC, 0, x - D_UCSC);
    if (x < D_GBL)
        return fk(T_GB, 0, x - D_GB);
    if (x < D_GI)
        return fk(T_GBL, 0, ((x - D_GBL) / 5) * 16 + (x - D_GBL) % 5);
    if (x < D_GP)
        return fk(T_GI, 0, x - D_GI);
    if (x < D_GN)
        return fk(T_GP, 0, x - D_GP);
    if (x < D_DOC)
        return fk(T_GN, 0, x - D_GN);
    return fk(T_DOC, 0, ((x - D_DOC) / SH_COUNT) * 16 + (x - D_DOC) % SH_COUNT);
}

size_t ner_feat_ctx_dense(const ner_sent *s, size_t i, uint16_t *f)
{
    size_t m = 0;
    const ner_tok *t = s->t;
    unsigned sp = i > 0 ? t[i - 1].shape : SH_COUNT, sn = i + 1 < s->n ? t[i + 1].shape : SH_COUNT;
    unsigned sc = t[i].shape;
    f[m++] = D_BIAS;
    /* gazetteer categories of the words around (they depend on the
     * gazetteer, not on the word alone, so they are not word features) */
    for (int k = -NER_WIN; k <= NER_WIN; k++) {
        long j = (long)i + k;
        if (j < 0 || j >= (long)s->n)
            continue;
        for (unsigned c = 0, g = s->gaz_1[j]; g; c++, g >>= 1)
            if (g & 1)
                f[m++] = (uint16_t)(D_G1 + (unsigned)(k + NER_WIN) * NC + c);
    }
    f[m++] = (uint16_t)(D_SC3 + (sp * SH_COUNT + sc) * (SH_COUNT + 1) + sn);
    if (t[i].flags & NT_SENT0)
        f[m++] = (uint16_t)(D_S0SC + sc);
    if (s->allcaps)
        f[m++] = (uint16_t)(D_UCSC + sc);
    for (unsigned c = 0, g = s->gaz_b[i]; g; c++, g >>= 1)
        if (g & 1) {
            f[m++] = (uint16_t)(D_GB + c);
            f[m++] = (uint16_t)(D_GBL + c * 5 + (s->gaz_len[i] > 4 ? 4 : s->gaz_len[i]));
        }
    for (unsigned c = 0, g = s->gaz_i[i]; g; c++, g >>= 1)
        if (g & 1)
            f[m++] = (uint16_t)(D_GI + c);
    if (i > 0)
        for (unsigned c = 0, g = s->gaz_b[i - 1] | s->gaz_i[i - 1]; g; c++, g >>= 1)
            if (g & 1)
                f[m++] = (uint16_t)(D_GP + c);
    if (i + 1 < s->n)
        for (unsigned c = 0, g = s->gaz_b[i + 1] | s->gaz_i[i + 1]; g; c++, g >>= 1)
            if (g & 1)
                f[m++] = (uint16_t)(D_GN + c);
    if (s->docf) {
        f[m++] = (uint16_t)(D_DOC + (s->docf[i] & 7u) * SH_COUNT + sc);
        if (s->docf[i] & NER_DOC_AFTER_FIRSTNAME)
            f[m++] = (uint16_t)(D_DOC + 8 * SH_COUNT + sc);
        if (s->docf[i] & NER_DOC_AFTER_TITLE)
            f[m++] = (uint16_t)(D_DOC + 9 * SH_COUNT + sc);
    }
    return m;
}

size_t ner_feat_ctx_lex(const ner_sent *s, size_t i, uint64_t *f)
{
    size_t m = 0;
    const ner_tok *t = s->t;
    uint64_t lp = i > 0 ? t[i - 1].lhash : 1, ln = i + 1 < s->n ? t[i + 1].lhash : 2;
    unsigned sp = i > 0 ? t[i - 1].shape : SH_COUNT, sn = i + 1 < s->n ? t[i + 1].shape : SH_COUNT;
    f[m++] = fk(T_BI_P, 0, ner_seq_add(lp, t[i].lhash));
    f[m++] = fk(T_BI_N, 0, ner_seq_add(t[i].lhash, ln));
    f[m++] = fk(T_SCW_P, 0, t[i].lhash * 31 + sp);
    f[m++] = fk(T_SCW_N, 0, t[i].lhash * 37 + sn);
    if (i > 1)
        f[m++] = fk(T_L_P2, 0, ner_seq_add(t[i - 2].lhash, lp));
    if (s->allcaps)
        f[m++] = fk(T_UC_L, 0, t[i].lhash);
    return m;
}

size_t ner_feat_ctx(const ner_sent *s, size_t i, uint64_t *f)
{
    uint16_t d[NER_MAX_FEATS];
    size_t nd = ner_feat_ctx_dense(s, i, d);
    for (size_t k = 0; k < nd; k++)
        f[k] = ner_feat_dense_key(d[k]);
    return nd + ner_feat_ctx_lex(s, i, f + nd);
}

_Static_assert(D_END == NER_DENSE, "NER_DENSE must match the dense layout");

size_t ner_features(const ner_sent *s, size_t i, uint64_t *f)
{
    size_t m = 0;
    for (int k = -NER_WIN; k <= NER_WIN; k++)
        m += ner_feat_word(s, i, k, f + m);
    m += ner_feat_ctx(s, i, f + m);
    return m;
}

/* Is token t alone a gazetteer entry (with the right case)? gi is the
 * lookup of its one-token key. */
static unsigned single_cats(const ner_tok *t, const ner_gaz_info *gi)
{
    if (!gi || !(gi->flags & GZF_ENTRY))
        return 0;
    if (gi->flags & GZF_EXACT)
        return ner_seq_add(NER_SEQ_INIT, t->ehash) == gi->ehash ? gi->cats : 0;
    if ((gi->upmask & 1) && !(t->flags & (NT_UPPER0 | NT_DIGIT)))
        return 0;
    return gi->cats;
}

void ner_sent_prepare(ner_sent *s)
{
    size_t alpha = 0, up = 0;
    memset(s->gaz_b, 0, s->n * sizeof *s->gaz_b);
    memset(s->gaz_i, 0, s->n * sizeof *s->gaz_i);
    memset(s->gaz_len, 0, s->n * sizeof *s->gaz_len);
    for (size_t i = 0; i < s->n; i++) {
        const ner_tok *t = &s->t[i];
        const ner_gaz_info *g1 = ner_gaz_find1(ner_seq_add(NER_SEQ_INIT, t->lhash));
        s->gaz_1[i] = (uint16_t)single_cats(t, g1);
        if ((t->flags & NT_ALPHA) && t->end - t->start >= 2) {
            alpha++;
            if (t->flags & NT_ALLUP)
                up++;
        }
        if (!g1)
            continue;
        ner_gaz_match m = ner_gaz_longest(s->t, s->n, i);
        if (!m.info)
            continue;
        size_t len = m.end - m.start;
        s->gaz_b[i] |= m.info->cats;
        if (len > s->gaz_len[i])
            s->gaz_len[i] = (uint8_t)(len > 255 ? 255 : len);
        for (size_t j = i + 1; j < m.end; j++)
            s->gaz_i[j] |= m.info->cats;
    }
    s->allcaps = alpha >= 2 && up * 5 >= alpha * 4;
}

/* Per-word counts saturate at 2: the flags only ask whether a word is seen
 * so elsewhere, i.e. more often than at the token itself. */
typedef struct dslot {
    uint64_t h;
    uint8_t lower, capmid, inrun, afn, atitle;
} dslot;

#define SAT_INC(x) ((x) += (x) < 2)

void ner_doc_flags(const char *text, const ner_tok *t, size_t n, const uint16_t *gaz_1,
                   uint8_t *docf)
{
    memset(docf, 0, n);
    if (n == 0)
        return;
    size_t cap = 64;
    while (cap < n * 2)
        cap <<= 1;
    dslot *tab = calloc(cap, sizeof *tab);
    uint32_t *slot = malloc(n * sizeof *slot);
    uint8_t *own = calloc(n, 1);
    if (!tab || !slot || !own) {
        free(tab);
        free(slot);
        free(own);
        return;
    }
    /* sentence-level headline detection, so capitals in headlines do not count */
    size_t s0 = 0;
    for (size_t i = 0; i < n; i++) {
        if (!t[i].sent_end && i + 1 < n)
            continue;
        size_t alpha = 0, up = 0;
        for (size_t j = s0; j <= i; j++)
            if ((t[j].flags & NT_ALPHA) && t[j].end - t[j].start >= 2) {
                alpha++;
                up += (t[j].flags & NT_ALLUP) != 0;
            }
        int caps = alpha >= 2 && up * 5 >= alpha * 4;
        for (size_t j = s0; j <= i; j++) {
            const ner_tok *x = &t[j];
            uint64_t h = x->lhash ? x->lhash : 1;
            size_t k = h & (cap - 1);
            while (tab[k].h && tab[k].h != h)
                k = (k + 1) & (cap - 1);
            tab[k].h = h;
            slot[j] = (uint32_t)k;
            if (!(x->flags & NT_ALPHA))
                continue;
            if (x->flags & NT_LOWER0) {
                SAT_INC(tab[k].lower);
                own[j] |= NER_DOC_LOWER_ELSEWHERE;
            } else if ((x->flags & NT_UPPER0) && !caps) {
                if (!(x->flags & NT_SENT0)) {
                    SAT_INC(tab[k].capmid);
                    own[j] |= NER_DOC_CAP_ELSEWHERE;
                }
                int run = (j > s0 && (t[j - 1].flags & NT_UPPER0) && !(x->flags & NT_SENT0)) ||
                          (j < i && (t[j + 1].flags & NT_UPPER0));
                if (run) {
                    SAT_INC(tab[k].inrun);
                    own[j] |= NER_DOC_IN_LONGER;
                }
                /* "Phil Simmons" ... "Simmons"; "aide Ushakov" ... "Ushakov" */
                if (gaz_1 && j > s0 && (t[j - 1].flags & NT_UPPER0) &&
                    (gaz_1[j - 1] & (1u << GZ_FIRSTNAME)) && !(gaz_1[j] & (1u << GZ_FIRSTNAME))) {
                    SAT_INC(tab[k].afn);
                    own[j] |= NER_DOC_AFTER_FIRSTNAME;
                }
                if (gaz_1 && j > s0 && (gaz_1[j - 1] & (1u << GZ_TITLE))) {
                    SAT_INC(tab[k].atitle);
                    own[j] |= NER_DOC_AFTER_TITLE;
                }
            }
        }
        s0 = i + 1;
    }
    (void)text;
    for (size_t j = 0; j < n; j++) {
        const dslot *d = &tab[slot[j]];
        if (!(t[j].flags & NT_UPPER0))
            continue;
        uint8_t f = 0;
        if (d->lower > ((own[j] & NER_DOC_LOWER_ELSEWHERE) ? 1u : 0u))
            f |= NER_DOC_LOWER_ELSEWHERE;
        if (d->capmid > ((own[j] & NER_DOC_CAP_ELSEWHERE) ? 1u : 0u))
            f |= NER_DOC_CAP_ELSEWHERE;
        if (d->inrun > ((own[j] & NER_DOC_IN_LONGER) ? 1u : 0u))
            f |= NER_DOC_IN_LONGER;
        if (d->afn > ((own[j] & NER_DOC_AFTER_FIRSTNAME) ? 1u : 0u))
            f |= NER_DOC_AFTER_FIRSTNAME;
        if (d->atitle > ((own[j] & NER_DOC_AFTER_TITLE) ? 1u : 0u))
            f |= NER_DOC_AFTER_TITLE;
        docf[j] = f;
    }
    free(tab);
    free(slot);
    free(own);
}

void ner_doc_free(ner_doc *d)
{
    free(d->t);
    free(d->sent0);
    free(d->docf);
    free(d->gaz_b);
    free(d->gaz_i);
    free(d->gaz_1);
    free(d->gaz_len);
    free(d->allcaps);
    free(d->headline);
    memset(d, 0, sizeof *d);
}

void ner_doc_sent(const ner_doc *d, size_t k, ner_sent *s)
{
    size_t a = d->sent0[k];
    s->text = d->text;
    s->t = d->t + a;
    s->n = d->sent0[k + 1] - a;
    s->gaz_b = d->gaz_b + a;
    s->gaz_i = d->gaz_i + a;
    s->gaz_1 = d->gaz_1 + a;
    s->gaz_len = d->gaz_len + a;
    s->docf = d->docf + a;
    s->allcaps = d->allcaps[k];
}

int ner_doc_build(ner_doc *d, const char *text, const chr_span *sents, size_t nsents)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->sent0 = malloc((nsents + 1) * sizeof *d->sent0);
    d->allcaps = calloc(nsents + 1, 1);
    d->headline = calloc(nsents + 1, 1);
    if (!d->sent0 || !d->allcaps || !d->headline)
        goto oom;
    size_t bytes = 0; /* about one token per five bytes of news text */
    for (size_t k = 0; k < nsents; k++)
        bytes += sents[k].end > sents[k].start ? sents[k].end - sents[k].start : 0;
    d->cap = bytes / 4 + 16;
    if (!(d->t = malloc(d->cap * sizeof *d->t)))
        goto oom;
    for (size_t k = 0; k < nsents; k++) {
        d->sent0[d->nsent] = d->n;
        if (ner_tokenize(text, sents[k].start, sents[k].end, &d->t, &d->n, &d->cap))
            goto oom;
        if (d->n > d->sent0[d->nsent])
            d->nsent++;
    }
    d->sent0[d->nsent] = d->n;
    size_t n = d->n ? d->n : 1;
    d->docf = malloc(n);
    d->gaz_b = malloc(n * sizeof *d->gaz_b);
    d->gaz_i = malloc(n * sizeof *d->gaz_i);
    d->gaz_1 = malloc(n * sizeof *d->gaz_1);
    d->gaz_len = malloc(n);
    if (!d->docf || !d->gaz_b || !d->gaz_i || !d->gaz_1 || !d->gaz_len)
        goto oom;
    memset(d->docf, 0, n);
    for (size_t k = 0; k < d->nsent; k++) {
        ner_sent s;
        ner_doc_sent(d, k, &s);
        ner_sent_prepare(&s);
        d->allcaps[k] = (uint8_t)s.allcaps;
    }
    ner_doc_flags(text, d->t, d->n, d->gaz_1, d->docf);
    return 0;
oom:
    ner_doc_free(d);
    return -1;
}
