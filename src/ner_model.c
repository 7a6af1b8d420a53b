/* chronicle — entity: the statistical tagger's model. Owns the model blob
 * format (see ner.h), the embedded built-in model, emission scoring (word
 * blocks precomputed for the vocabulary, cached per document for other
 * words, plus context features) and constrained Viterbi decoding over IOB2
 * labels. Training lives in tools/ner_train.c. */
#include <stdlib.h>
#include <string.h>

#include "ner.h"

#define NEG (-1e30f)

/* Most context features (word pairs) are absent from the model; a Bloom
 * filter small enough for the L2 cache answers "absent" without touching
 * the feature table. Built when the model is loaded (< 1 ms). */
#define BLOOM_BITS (1u << 20)

static inline int bloom_maybe(const uint64_t *bl, uint64_t h)
{
    uint32_t a = (uint32_t)(h >> 32) & (BLOOM_BITS - 1), b = (uint32_t)(h >> 12) & (BLOOM_BITS - 1);
    return (bl[a >> 6] >> (a & 63) & 1) && (bl[b >> 6] >> (b & 63) & 1);
}

struct ner_model {
    uint32_t nlab, nslots, nfeat, nwslots, nwords;
    float scale;
    const float *trans;
    const uint64_t *keys;
    const uint32_t *rows;
    const int16_t *w;
    const uint64_t *wkeys;
    const uint32_t *wrows;
    const int16_t *blocks;
    unsigned bshift;
    uint64_t *bloom;                        /* 2 bits per feature key, BLOOM_BITS */
    float tmask[(NER_NLAB + 1) * NER_NLAB]; /* trans with -inf where IOB2 forbids */
    int32_t bound[NER_NOFF][NER_NLAB];      /* features of "beyond the sentence" */
    int32_t dense[NER_DENSE][NER_NLAB];     /* weights of the dense context features */
};

/* build/gen/ner_model.c: the bytes of data/ner/model.bin (empty if none). */
extern const unsigned char ner_model_blob[];
extern const unsigned char ner_model_blob_end[];

static size_t pad8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

ner_model *ner_model_from_blob(const unsigned char *b, size_t len)
{
    if (len < NER_MODEL_HDR || memcmp(b, NER_MODEL_MAGIC, 8) != 0 || ((uintptr_t)b & 7) != 0)
        return NULL;
    uint32_t hdr[8];
    memcpy(hdr, b + 8, sizeof hdr);
    uint32_t nslots = hdr[2], nws = hdr[5];
    if (hdr[0] != NER_MODEL_VERSION || hdr[1] != NER_NLAB || nslots == 0 ||
        (nslots & (nslots - 1)) != 0 || (nws & (nws - 1)) != 0)
        return NULL;
    ner_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->nlab = hdr[1];
    m->nslots = nslots;
    m->nfeat = hdr[3];
    memcpy(&m->scale, &hdr[4], sizeof m->scale);
    m->nwslots = nws;
    m->nwords = hdr[6];
    m->bshift = hdr[7];
    size_t tb = pad8((size_t)(NER_NLAB + 1) * NER_NLAB * sizeof(float));
    size_t wb = pad8((size_t)m->nfeat * NER_NLAB * 2);
    size_t need = NER_MODEL_HDR + tb + (size_t)nslots * 12 + wb + (size_t)nws * 12 +
                  (size_t)m->nwords * NER_NOFF * NER_NLAB * 2;
    if (need > len || !(m->scale > 0) || m->nfeat > nslots || m->nwords > nws || m->bshift > 8) {
        free(m);
        return NULL;
    }
    size_t off = NER_MODEL_HDR;
    m->trans = (const float *)(const void *)(b + off);
    off += tb;
    m->keys = (const uint64_t *)(const void *)(b + off);
    off += (size_t)nslots * 8;
    m->rows = (const uint32_t *)(const void *)(b + off);
    off += (size_t)nslots * 4;
    m->w = (const int16_t *)(const void *)(b + off);
    off += wb;
    m->wkeys = (const uint64_t *)(const void *)(b + off);
    off += (size_t)nws * 8;
    m->wrows = (const uint32_t *)(const void *)(b + off);
    off += (size_t)nws * 4;
    m->blocks = (const int16_t *)(const void *)(b + off);
    for (uint32_t i = 0; i < nslots; i++)
        if (m->keys[i] && m->rows[i] >= m->nfeat) {
            free(m);
            return NULL;
        }
    for (uint32_t i = 0; i < nws; i++)
        if (m->wkeys[i] && m->wrows[i] >= m->nwords) {
            free(m);
            return NULL;
        }
    m->bloom = calloc(BLOOM_BITS / 64, sizeof *m->bloom);
    if (!m->bloom) {
        free(m);
        return NULL;
    }
    for (uint32_t i = 0; i < nslots; i++) {
        uint64_t h = m->keys[i];
        if (!h)
            continue;
        uint32_t x = (uint32_t)(h >> 32) & (BLOOM_BITS - 1), y = (uint32_t)(h >> 12) & (BLOOM_BITS - 1);
        m->bloom[x >> 6] |= 1ULL << (x & 63);
        m->bloom[y >> 6] |= 1ULL << (y & 63);
    }
    for (int a = 0; a <= NER_NLAB; a++)
        for (int c = 0; c < NER_NLAB; c++)
            m->tmask[a * NER_NLAB + c] =
                ner_lab_allowed(a, c) ? m->trans[a * NER_NLAB + c] : NEG;
    for (unsigned x = 0; x < NER_DENSE; x++) {
        uint64_t key = ner_feat_dense_key(x);
        ner_model_add(m, &key, 1, m->dense[x]);
    }
    ner_sent empty;
    memset(&empty, 0, sizeof empty);
    for (int k = -NER_WIN; k <= NER_WIN; k++) {
        uint64_t f[NER_MAX_FEATS];
        if (k == 0)
            continue;
        size_t nf = ner_feat_word(&empty, 0, k, f);
        ner_model_add(m, f, nf, m->bound[k + NER_WIN]);
    }
    return m;
}

void ner_model_free(ner_model *m)
{
    if (m)
        free(m->bloom);
    free(m);
}

static ner_model *builtin;
static int builtin_state; /* 0 unknown, 1 present, -1 absent */

static void free_builtin(void)
{
    ner_model_free(builtin);
    builtin = NULL;
}

const ner_model *ner_model_builtin(void)
{
    /* Parsed on first use; a race between two first calls at worst parses
     * twice and leaks one copy of a few kilobytes. */
    if (builtin_state == 0) {
        size_t len = (size_t)(ner_model_blob_end - ner_model_blob);
        builtin = ner_model_from_blob(ner_model_blob, len);
        builtin_state = builtin ? 1 : -1;
        if (builtin)
            atexit(free_builtin);
    }
    return builtin_state == 1 ? builtin : NULL;
}

size_t ner_model_nfeats(const ner_model *m)
{
    return m ? m->nfeat : 0;
}

size_t ner_model_nwords(const ner_model *m)
{
    return m ? m->nwords : 0;
}

float ner_model_scale(const ner_model *m)
{
    return m->scale;
}

const float *ner_model_trans(const ner_model *m)
{
    return m->trans;
}

void ner_model_add(const ner_model *m, const uint64_t *f, size_t nf, int32_t *acc)
{
    uint32_t mask = m->nslots - 1;
    for (size_t k = 0; k < nf; k++) {
        uint64_t h = f[k] ? f[k] : 1;
        if (!bloom_maybe(m->bloom, h))
            continue;
        for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
            uint64_t key = m->keys[i];
            if (key == h) {
                const int16_t *w = m->w + (size_t)m->rows[i] * NER_NLAB;
                for (int l = 0; l < NER_NLAB; l++)
                    acc[l] += w[l];
                break;
            }
            if (key == 0)
                break;
        }
    }
}

void ner_model_word_block(const ner_model *m, const ner_sent *s, size_t j, int32_t *blk)
{
    uint64_t f[NER_MAX_FEATS];
    memset(blk, 0, NER_NOFF * NER_NLAB * sizeof *blk);
    for (int k = -NER_WIN; k <= NER_WIN; k++) {
        /* the word at j seen from the token j - k */
        size_t nf = ner_feat_word(s, j - (size_t)(long)k, k, f);
        ner_model_add(m, f, nf, blk + (k + NER_WIN) * NER_NLAB);
    }
}

void ner_wcache_free(ner_wcache *c)
{
    free(c->keys);
    free(c->blocks);
    memset(c, 0, sizeof *c);
}

static int wcache_grow(ner_wcache *c)
{
    size_t nc = c->cap ? c->cap * 2 : 256;
    uint64_t *nk = calloc(nc, sizeof *nk);
    int32_t *nb = malloc(nc * NER_NOFF * NER_NLAB * sizeof *nb);
    if (!nk || !nb) {
        free(nk);
        free(nb);
        return -1;
    }
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->keys[i])
            continue;
        size_t s = c->keys[i] & (nc - 1);
        while (nk[s])
            s = (s + 1) & (nc - 1);
        nk[s] = c->keys[i];
        memcpy(nb + s * NER_NOFF * NER_NLAB, c->blocks + i * NER_NOFF * NER_NLAB,
               NER_NOFF * NER_NLAB * sizeof *nb);
    }
    free(c->keys);
    free(c->blocks);
    c->keys = nk;
    c->blocks = nb;
    c->cap = nc;
    return 0;
}

/* The precomputed block of a vocabulary word, or NULL. */
static const int16_t *vocab_block(const ner_model *m, uint64_t h)
{
    if (!m->nwslots)
        return NULL;
    uint32_t mask = m->nwslots - 1;
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        uint64_t k = m->wkeys[i];
        if (k == h)
            return m->blocks + (size_t)m->wrows[i] * NER_NOFF * NER_NLAB;
        if (k == 0)
            return NULL;
    }
}

/* The block of a word outside the vocabulary: cached, or computed. */
static const int32_t *oov_block(const ner_model *m, const ner_sent *s, size_t j, uint64_t h,
                                ner_wcache *c, int32_t *scratch)
{
    if (!c || ((c->n + 1) * 2 > c->cap && wcache_grow(c))) {
        ner_model_word_block(m, s, j, scratch);
        return scratch;
    }
    size_t i = h & (c->cap - 1);
    while (c->keys[i] && c->keys[i] != h)
        i = (i + 1) & (c->cap - 1);
    int32_t *blk = c->blocks + i * NER_NOFF * NER_NLAB;
    if (!c->keys[i]) {
        ner_model_word_block(m, s, j, blk);
        c->keys[i] = h;
        c->n++;
    }
    return blk;
}

static int viterbi_masked(const float *emit, const float *tm, size_t n, uint8_t *lab)
{
    if (n == 0)
        return 0;
    float *score = malloc(n * NER_NLAB * sizeof *score);
    uint8_t *back = malloc(n * NER_NLAB);
    if (!score || !back) {
        free(score);
        free(back);
        return -1;
    }
    const float *start = tm + NER_NLAB * NER_NLAB;
    for (int b = 0; b < NER_NLAB; b++)
        score[b] = start[b] + emit[b];
    for (size_t i = 1; i < n; i++) {
        const float *prev = score + (i - 1) * NER_NLAB;
        float *cur = score + i * NER_NLAB;
        uint8_t *bk = back + i * NER_NLAB;
        for (int b = 0; b < NER_NLAB; b++) {
            float best = prev[0] + tm[b];
            int arg = 0;
            for (int a = 1; a < NER_NLAB; a++) {
                float v = prev[a] + tm[a * NER_NLAB + b];
                if (v > best) {
                    best = v;
                    arg = a;
                }
            }
            cur[b] = best + emit[i * NER_NLAB + b];
            bk[b] = (uint8_t)arg;
        }
    }
    const float *last = score + (n - 1) * NER_NLAB;
    int arg = 0;
    for (int b = 1; b < NER_NLAB; b++)
        if (last[b] > last[arg])
            arg = b;
    for (size_t i = n; i-- > 0;) {
        lab[i] = (uint8_t)arg;
        arg = back[i * NER_NLAB + arg];
    }
    free(score);
    free(back);
    return 0;
}

int ner_viterbi(const float *emit, const float *trans, size_t n, uint8_t *lab)
{
    float tm[(NER_NLAB + 1) * NER_NLAB];
    for (int a = 0; a <= NER_NLAB; a++)
        for (int b = 0; b < NER_NLAB; b++)
            tm[a * NER_NLAB + b] = ner_lab_allowed(a, b) ? trans[a * NER_NLAB + b] : NEG;
    return viterbi_masked(emit, tm, n, lab);
}

int ner_model_decode(const ner_model *m, const ner_sent *s, ner_wcache *cache, uint8_t *lab)
{
    size_t n = s->n;
    if (n == 0)
        return 0;
    int32_t *acc = calloc(n * NER_NLAB, sizeof *acc);
    float *emit = malloc(n * NER_NLAB * sizeof *emit);
    if (!acc || !emit) {
        free(acc);
        free(emit);
        return -1;
    }
    int32_t scratch[NER_NOFF * NER_NLAB];
    unsigned sh = m->bshift;
    for (size_t j = 0; j < n; j++) {
        uint64_t h = s->t[j].ehash ? s->t[j].ehash : 1;
        long k0 = (long)j - (long)n + 1, k1 = (long)j; /* offsets whose token exists */
        if (k0 < -NER_WIN)
            k0 = -NER_WIN;
        if (k1 > NER_WIN)
            k1 = NER_WIN;
        const int16_t *vb = vocab_block(m, h);
        if (vb) {
            for (long k = k0; k <= k1; k++) {
                int32_t *a = acc + (size_t)((long)j - k) * NER_NLAB;
                const int16_t *b = vb + (k + NER_WIN) * NER_NLAB;
                for (int l = 0; l < NER_NLAB; l++)
                    a[l] += (int32_t)((uint32_t)(int32_t)b[l] << sh);
            }
            continue;
        }
        const int32_t *blk = oov_block(m, s, j, h, cache, scratch);
        for (long k = k0; k <= k1; k++) {
            int32_t *a = acc + (size_t)((long)j - k) * NER_NLAB;
            const int32_t *b = blk + (k + NER_WIN) * NER_NLAB;
            for (int l = 0; l < NER_NLAB; l++)
                a[l] += b[l];
        }
    }
    uint64_t f[NER_MAX_FEATS];
    uint16_t dx[NER_MAX_FEATS];
    for (size_t i = 0; i < n; i++) {
        int32_t *a = acc + i * NER_NLAB;
        for (int k = -NER_WIN; k <= NER_WIN; k++) {
            long j = (long)i + k;
            if (j < 0 || j >= (long)n)
                for (int l = 0; l < NER_NLAB; l++)
                    a[l] += m->bound[k + NER_WIN][l];
        }
        size_t nd = ner_feat_ctx_dense(s, i, dx);
        for (size_t q = 0; q < nd; q++) {
            const int32_t *w = m->dense[dx[q]];
            for (int l = 0; l < NER_NLAB; l++)
                a[l] += w[l];
        }
        size_t nf = ner_feat_ctx_lex(s, i, f);
        ner_model_add(m, f, nf, a);
    }
    float inv = 1.0f / m->scale;
    for (size_t i = 0; i < n * NER_NLAB; i++)
        emit[i] = (float)acc[i] * inv;
    int rc = viterbi_masked(emit, m->tmask, n, lab);
    free(acc);
    free(emit);
    return rc;
}

