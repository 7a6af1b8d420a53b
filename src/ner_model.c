/* chronicle — entity: the statistical tagger's model. Owns the model blob
 * format (see ner.h), the embedded built-in model, emission scoring (word
 * blocks precomputed for the vocabulary, cached per document for other
 * words, plus context features) and constrained Viterbi decoding over IOB2
 * labels. Training lives in tools/ner_train.c. */
#include <pthread.h>
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
    const uint64_t *bloom;                /* 2 bits per feature key, BLOOM_BITS */
    const int32_t *bound;                 /* [NER_NOFF][NER_LP] "beyond the sentence" */
    const int32_t *dense;                 /* [NER_DENSE][NER_LP] dense context features */
    void *owned;                          /* the three above when computed, not stored */
    float tmask[(NER_NLAB + 1) * NER_LP]; /* trans with -inf where IOB2 forbids */
};

/* build/gen/ner_model.c: the bytes of data/ner/model.bin (empty if none). */
extern const unsigned char ner_model_blob[];
extern const unsigned char ner_model_blob_end[];

/* trans[(NER_NLAB + 1) * NER_NLAB] -> tm[(NER_NLAB + 1) * NER_LP] with -inf
 * for the label pairs IOB2 forbids and for the padding lanes. */
static void mask_trans(const float *trans, float *tm)
{
    for (int a = 0; a <= NER_NLAB; a++)
        for (int b = 0; b < NER_LP; b++)
            tm[a * NER_LP + b] =
                b < NER_NLAB && ner_lab_allowed(a, b) ? trans[a * NER_NLAB + b] : NEG;
}

static size_t pad8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

#define BLOOM_BYTES (BLOOM_BITS / 8)
#define DENSE_BYTES ((size_t)NER_DENSE * NER_LP * 4)
#define BOUND_BYTES ((size_t)NER_NOFF * NER_LP * 4)

/* Compute the load-time tables (Bloom filter, dense and boundary weights)
 * into one block of memory laid out as in the blob. */
static void *compute_tables(ner_model *m)
{
    unsigned char *t = calloc(1, BLOOM_BYTES + DENSE_BYTES + BOUND_BYTES);
    if (!t)
        return NULL;
    uint64_t *bloom = (uint64_t *)(void *)t;
    int32_t *dense = (int32_t *)(void *)(t + BLOOM_BYTES);
    int32_t *bound = (int32_t *)(void *)(t + BLOOM_BYTES + DENSE_BYTES);
    for (uint32_t i = 0; i < m->nslots; i++) {
        uint64_t h = m->keys[i];
        if (!h)
            continue;
        uint32_t x = (uint32_t)(h >> 32) & (BLOOM_BITS - 1),
                 y = (uint32_t)(h >> 12) & (BLOOM_BITS - 1);
        bloom[x >> 6] |= 1ULL << (x & 63);
        bloom[y >> 6] |= 1ULL << (y & 63);
    }
    m->bloom = bloom;
    for (unsigned x = 0; x < NER_DENSE; x++) {
        uint64_t key = ner_feat_dense_key(x);
        ner_model_add(m, &key, 1, dense + (size_t)x * NER_LP);
    }
    ner_sent empty;
    memset(&empty, 0, sizeof empty);
    for (int k = -NER_WIN; k <= NER_WIN; k++) {
        uint64_t f[NER_MAX_FEATS];
        if (k == 0)
            continue;
        size_t nf = ner_feat_word(&empty, 0, k, f);
        ner_model_add(m, f, nf, bound + (size_t)(k + NER_WIN) * NER_LP);
    }
    return t;
}

ner_model *ner_model_from_blob(const unsigned char *b, size_t len)
{
    if (len < NER_MODEL_HDR || memcmp(b, NER_MODEL_MAGIC, 8) != 0 || ((uintptr_t)b & 7) != 0)
        return NULL;
    uint32_t hdr[10];
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
    int tables = hdr[8] == 1;
    size_t tb = pad8((size_t)(NER_NLAB + 1) * NER_NLAB * sizeof(float));
    size_t wb = pad8((size_t)m->nfeat * NER_NLAB * 2);
    size_t bb = pad8((size_t)m->nwords * NER_NOFF * NER_LP * 2);
    size_t need = NER_MODEL_HDR + tb + (size_t)nslots * 12 + wb + (size_t)nws * 12 + bb +
                  (tables ? BLOOM_BYTES + DENSE_BYTES + BOUND_BYTES : 0);
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
    off += bb;
    mask_trans(m->trans, m->tmask);
    const unsigned char *t = b + off;
    if (!tables) { /* a blob from the trainer's first pass */
        if (!(m->owned = compute_tables(m))) {
            free(m);
            return NULL;
        }
        t = m->owned;
    }
    m->bloom = (const uint64_t *)(const void *)t;
    m->dense = (const int32_t *)(const void *)(t + BLOOM_BYTES);
    m->bound = (const int32_t *)(const void *)(t + BLOOM_BYTES + DENSE_BYTES);
    return m;
}

size_t ner_model_tables(const ner_model *m, const void **tables)
{
    *tables = m->bloom;
    return BLOOM_BYTES + DENSE_BYTES + BOUND_BYTES;
}

int ner_model_tables_current(const ner_model *m)
{
    ner_model tmp = *m;
    tmp.owned = NULL;
    unsigned char *t = compute_tables(&tmp);
    if (!t)
        return -1;
    int same = memcmp(t, m->bloom, BLOOM_BYTES + DENSE_BYTES + BOUND_BYTES) == 0;
    free(t);
    return same;
}

void ner_model_free(ner_model *m)
{
    if (m)
        free(m->owned);
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
                if (m->rows[i] >= m->nfeat)
                    break;
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
    memset(blk, 0, NER_NOFF * NER_LP * sizeof *blk);
    for (int k = -NER_WIN; k <= NER_WIN; k++) {
        /* the word at j seen from the token j - k */
        size_t nf = ner_feat_word(s, j - (size_t)(long)k, k, f);
        ner_model_add(m, f, nf, blk + (k + NER_WIN) * NER_LP);
    }
}

void ner_wcache_free(ner_wcache *c)
{
    free(c->acc);
    free(c->emit);
    free(c->score);
    free(c->voc);
    free(c->forced);
    memset(c, 0, sizeof *c);
}

/* Scratch buffers for a sentence of n tokens. */
static int scratch_reserve(ner_wcache *c, size_t n)
{
    if (n <= c->wcap)
        return 0;
    size_t nc = c->wcap ? c->wcap : 64;
    while (nc < n)
        nc *= 2;
    int32_t *acc = malloc(2 * nc * NER_LP * sizeof *acc);
    float *emit = malloc(nc * NER_LP * sizeof *emit), *score = malloc(nc * NER_LP * sizeof *score);
    const int16_t **voc = malloc(nc * sizeof *voc);
    uint8_t *forced = malloc(nc);
    if (!acc || !emit || !score || !voc || !forced) {
        free(acc);
        free(emit);
        free(score);
        free(voc);
        free(forced);
        return -1;
    }
    ner_wcache_free(c);
    c->acc = acc;
    c->emit = emit;
    c->score = score;
    c->voc = voc;
    c->forced = forced;
    c->wcap = nc;
    return 0;
}

/* The precomputed block of a vocabulary word, or NULL; *ent is set to 1
 * when the word is marked NER_VOC_ENT. */
static const int16_t *vocab_block(const ner_model *m, uint64_t h, int *ent)
{
    *ent = 0;
    if (!m->nwslots)
        return NULL;
    uint32_t mask = m->nwslots - 1;
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        uint64_t k = m->wkeys[i];
        if (k == h) {
            uint32_t r = m->wrows[i] & ~NER_VOC_ENT;
            *ent = (m->wrows[i] & NER_VOC_ENT) != 0;
            return r < m->nwords ? m->blocks + (size_t)r * NER_NOFF * NER_LP : NULL;
        }
        if (k == 0)
            return NULL;
    }
}

int ner_model_vocab_block(const ner_model *m, uint64_t h, int32_t *blk)
{
    int ent;
    const int16_t *vb = vocab_block(m, h ? h : 1, &ent);
    if (!vb)
        return 0;
    for (int i = 0; i < NER_NOFF * NER_LP; i++)
        blk[i] = (int32_t)((uint32_t)(int32_t)vb[i] << m->bshift);
    return 1;
}

/* Blocks of words outside the vocabulary are cached per thread, across
 * documents (a block depends on the word alone, so the cache never changes
 * a result): direct-mapped, TC_N entries (about 2 MB), freed when the
 * thread ends (the main thread's at exit). */
#define TC_N 8192
typedef struct tcache {
    const ner_model *m;
    uint64_t keys[TC_N];
    int32_t blocks[TC_N][NER_NOFF * NER_LP];
} tcache;

static pthread_key_t tc_key;
static pthread_once_t tc_once = PTHREAD_ONCE_INIT;
static int tc_ok;

static void tc_free_main(void)
{
    if (!tc_ok)
        return;
    free(pthread_getspecific(tc_key));
    pthread_setspecific(tc_key, NULL);
}

static void tc_init(void)
{
    tc_ok = pthread_key_create(&tc_key, free) == 0;
    if (tc_ok)
        atexit(tc_free_main);
}

static tcache *tc_get(const ner_model *m)
{
    pthread_once(&tc_once, tc_init);
    if (!tc_ok)
        return NULL;
    tcache *c = pthread_getspecific(tc_key);
    if (!c) {
        c = calloc(1, sizeof *c);
        if (!c || pthread_setspecific(tc_key, c) != 0) {
            free(c);
            return NULL;
        }
    }
    if (c->m != m) { /* another model: forget the old one's blocks */
        memset(c->keys, 0, sizeof c->keys);
        c->m = m;
    }
    return c;
}

static int oov_cached(const tcache *c, uint64_t h)
{
    return c && c->keys[(h ^ (h >> 29)) & (TC_N - 1)] == h;
}

/* The block of a word outside the vocabulary: cached, or computed. */
static const int32_t *oov_block(const ner_model *m, const ner_sent *s, size_t j, uint64_t h,
                                tcache *c, int32_t *scratch)
{
    if (!c) {
        ner_model_word_block(m, s, j, scratch);
        return scratch;
    }
    size_t i = (h ^ (h >> 29)) & (TC_N - 1);
    if (c->keys[i] != h) {
        ner_model_word_block(m, s, j, c->blocks[i]);
        c->keys[i] = h;
    }
    return c->blocks[i];
}

/* Viterbi over emit[n][NER_LP] and tm[(NER_NLAB + 1)][NER_LP] (padding
 * lanes -inf). The forward pass keeps only the best scores, a branch-free
 * max the compiler vectorises; the backtrace recomputes each argmax. */
static void viterbi_masked(const float *restrict emit, const float *restrict tm, size_t n,
                           float *restrict score, uint8_t *restrict lab, int from, int to_o)
{
    if (n == 0)
        return;
    const float *start = tm + from * NER_LP;
    if (n == 1) { /* one token between fast-path tokens: common */
        int arg = 0;
        float best = NEG;
        for (int b = 0; b < NER_NLAB; b++) {
            float v = start[b] + emit[b] + (to_o ? tm[b * NER_LP] : 0);
            if (v > best) {
                best = v;
                arg = b;
            }
        }
        lab[0] = (uint8_t)arg;
        return;
    }
    for (int b = 0; b < NER_LP; b++)
        score[b] = start[b] + emit[b];
    for (size_t i = 1; i < n; i++) {
        const float *prev = score + (i - 1) * NER_LP;
        float *cur = score + i * NER_LP;
        float best[NER_LP];
        for (int b = 0; b < NER_LP; b++)
            best[b] = prev[0] + tm[b];
        for (int a = 1; a < NER_NLAB; a++) {
            const float pa = prev[a], *row = tm + a * NER_LP;
            for (int b = 0; b < NER_LP; b++) {
                float v = pa + row[b];
                best[b] = v > best[b] ? v : best[b];
            }
        }
        const float *e = emit + i * NER_LP;
        for (int b = 0; b < NER_LP; b++)
            cur[b] = best[b] + e[b];
    }
    const float *last = score + (n - 1) * NER_LP;
    int arg = 0;
    if (to_o) { /* the token after the stretch is O */
        float best = last[0] + tm[0];
        for (int b = 1; b < NER_NLAB; b++)
            if (last[b] + tm[b * NER_LP] > best) {
                best = last[b] + tm[b * NER_LP];
                arg = b;
            }
    } else {
        for (int b = 1; b < NER_NLAB; b++)
            if (last[b] > last[arg])
                arg = b;
    }
    for (size_t i = n; i-- > 0;) {
        lab[i] = (uint8_t)arg;
        if (i == 0)
            break;
        const float *prev = score + (i - 1) * NER_LP;
        int pa = 0;
        float pbest = prev[0] + tm[arg];
        for (int a = 1; a < NER_NLAB; a++) {
            float v = prev[a] + tm[a * NER_LP + arg];
            if (v > pbest) {
                pbest = v;
                pa = a;
            }
        }
        arg = pa;
    }
}

int ner_viterbi(const float *emit, const float *trans, size_t n, uint8_t *lab)
{
    float tm[(NER_NLAB + 1) * NER_LP];
    mask_trans(trans, tm);
    float *e = malloc((n ? n : 1) * NER_LP * sizeof *e);
    float *score = malloc((n ? n : 1) * NER_LP * sizeof *score);
    if (!e || !score) {
        free(e);
        free(score);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        for (int b = 0; b < NER_LP; b++)
            e[i * NER_LP + b] = b < NER_NLAB ? emit[i * NER_NLAB + b] : 0;
    viterbi_masked(e, tm, n, score, lab, NER_NLAB, 0);
    free(e);
    free(score);
    return 0;
}

static inline void add_lanes(int32_t *restrict a, const int32_t *restrict b)
{
    for (int l = 0; l < NER_LP; l++)
        a[l] += b[l];
}

static inline void add_lanes16(int32_t *restrict a, const int16_t *restrict b)
{
    for (int l = 0; l < NER_LP; l++)
        a[l] += b[l];
}

int ner_model_decode(const ner_model *m, const ner_sent *s, ner_wcache *cache, uint8_t *lab)
{
    size_t n = s->n;
    if (n == 0)
        return 0;
    ner_wcache local = {0};
    ner_wcache *ws = cache ? cache : &local;
    if (scratch_reserve(ws, n))
        return -1;
    const ner_tok *t = s->t;
    const int16_t **voc = ws->voc;
    uint8_t *forced = ws->forced;
    /* which tokens take the fast path to O (see ner.h) */
    size_t nforced = 0;
    for (size_t j = 0; j < n; j++) {
        uint64_t h = t[j].ehash ? t[j].ehash : 1;
        int ent;
        voc[j] = vocab_block(m, h, &ent);
        unsigned f = t[j].flags;
        int fo = ner_tok_noup(f) && !(f & NT_APOS) && !s->gaz_i[j];
        if (fo && (ent || !(f & NT_ALPHA)))
            fo = (j == 0 || ner_tok_noup(t[j - 1].flags)) &&
                 (j + 1 == n || ner_tok_noup(t[j + 1].flags));
        forced[j] = (uint8_t)fo;
        nforced += (size_t)fo;
    }
    if (nforced == n) {
        memset(lab, 0, n);
        if (ws == &local)
            ner_wcache_free(&local);
        return 0;
    }
    /* acc: weights in units of 1/scale; accv: vocabulary blocks, in units
     * of 2^bshift/scale */
    int32_t *acc = ws->acc, *accv = acc + n * NER_LP;
    float *emit = ws->emit;
    memset(acc, 0, 2 * n * NER_LP * sizeof *acc);
    int32_t scratch[NER_NOFF * NER_LP];
    unsigned sh = m->bshift;
    tcache *tc = NULL;
    for (size_t j = 0; j < n; j++) {
        long k0 = (long)j - (long)n + 1, k1 = (long)j; /* offsets whose token exists */
        if (k0 < -NER_WIN)
            k0 = -NER_WIN;
        if (k1 > NER_WIN)
            k1 = NER_WIN;
        /* a word whose window is all fast-path tokens adds to no score */
        long q;
        for (q = k0; q <= k1 && forced[(long)j - q]; q++)
            ;
        if (q > k1)
            continue;
        const int16_t *vb = voc[j];
        if (vb) {
            for (long k = q; k <= k1; k++)
                if (!forced[(long)j - k])
                    add_lanes16(accv + (size_t)((long)j - k) * NER_LP, vb + (k + NER_WIN) * NER_LP);
            continue;
        }
        if (!tc)
            tc = tc_get(m);
        uint64_t h = t[j].ehash ? t[j].ehash : 1;
        if (forced[j] && !oov_cached(tc, h)) {
            /* a fast-path word (mostly numbers): only the offsets its
             * neighbours need, not cached */
            uint64_t f[NER_MAX_FEATS];
            for (long k = q; k <= k1; k++)
                if (!forced[(long)j - k]) {
                    size_t nf = ner_feat_word(s, (size_t)((long)j - k), (int)k, f);
                    ner_model_add(m, f, nf, acc + (size_t)((long)j - k) * NER_LP);
                }
            continue;
        }
        const int32_t *blk = oov_block(m, s, j, h, tc, scratch);
        for (long k = q; k <= k1; k++)
            if (!forced[(long)j - k])
                add_lanes(acc + (size_t)((long)j - k) * NER_LP, blk + (k + NER_WIN) * NER_LP);
    }
    uint64_t f[NER_MAX_FEATS];
    uint16_t dx[NER_MAX_FEATS];
    float inv = 1.0f / m->scale;
    for (size_t i = 0; i < n; i++) {
        if (forced[i])
            continue;
        int32_t *a = acc + i * NER_LP;
        for (int k = 1; k <= NER_WIN; k++) {
            if (i < (size_t)k)
                add_lanes(a, m->bound + (NER_WIN - k) * NER_LP);
            if (i + (size_t)k >= n)
                add_lanes(a, m->bound + (NER_WIN + k) * NER_LP);
        }
        size_t nd = ner_feat_ctx_dense(s, i, dx);
        for (size_t q = 0; q < nd; q++)
            add_lanes(a, m->dense + (size_t)dx[q] * NER_LP);
        size_t nf = ner_feat_ctx_lex(s, i, f);
        ner_model_add(m, f, nf, a);
        const int32_t *av = accv + i * NER_LP;
        float *e = emit + i * NER_LP;
        for (int l = 0; l < NER_LP; l++)
            e[l] = (float)(a[l] + (int32_t)((uint32_t)av[l] << sh)) * inv;
    }
    /* Viterbi over each stretch between fast-path tokens, which are O */
    for (size_t i = 0; i < n;) {
        if (forced[i]) {
            lab[i++] = 0;
            continue;
        }
        size_t e = i;
        while (e < n && !forced[e])
            e++;
        viterbi_masked(emit + i * NER_LP, m->tmask, e - i, ws->score, lab + i,
                       i == 0 ? NER_NLAB : 0, e < n);
        i = e;
    }
    if (ws == &local)
        ner_wcache_free(&local);
    return 0;
}
