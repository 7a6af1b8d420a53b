/* chronicle — trainer of the entity tagger: an averaged structured
 * perceptron (first-order Viterbi over IOB2 labels) over the features of
 * src/ner_feat.c. Reads CoNLL-2003 eng.train, reports F1 on a development
 * file after each epoch, and writes the model blob (format in src/ner.h).
 * Deterministic: fixed shuffling seed, single thread.
 * Usage: ner_train TRAIN DEV OUT.bin [epochs [min-count]] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ner_conll_io.h"

/* Words seen this often in training get precomputed blocks in the model. */
#define MIN_WORD 2

/* ---- feature dictionary: key -> id, with counts ---- */
typedef struct {
    uint64_t *keys;
    uint32_t *ids;
    uint32_t *counts;
    size_t cap, n;
} fdict;

static void fd_init(fdict *d, size_t cap)
{
    d->cap = cap;
    d->n = 0;
    d->keys = calloc(cap, 8);
    d->ids = malloc(cap * 4);
    d->counts = calloc(cap, 4);
    if (!d->keys || !d->ids || !d->counts) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
}

static size_t fd_slot(const fdict *d, uint64_t k)
{
    size_t i = k & (d->cap - 1);
    while (d->keys[i] && d->keys[i] != k)
        i = (i + 1) & (d->cap - 1);
    return i;
}

static void fd_count(fdict *d, uint64_t k)
{
    k = k ? k : 1;
    size_t i = fd_slot(d, k);
    if (!d->keys[i]) {
        if (d->n * 10 > d->cap * 7) {
            fprintf(stderr, "feature table full\n");
            exit(2);
        }
        d->keys[i] = k;
        d->ids[i] = UINT32_MAX;
        d->n++;
    }
    d->counts[i]++;
}

static int fd_in(const fdict *d, uint64_t k)
{
    k = k ? k : 1;
    return d->keys[fd_slot(d, k)] != 0;
}

static uint32_t fd_id(const fdict *d, uint64_t k)
{
    k = k ? k : 1;
    size_t i = fd_slot(d, k);
    return d->keys[i] ? d->ids[i] : UINT32_MAX;
}

/* ---- a corpus: sentences of tokens with feature ids and gold labels ---- */
typedef struct {
    size_t nsent, ntok, nfid;
    size_t *sent0;  /* token range of each sentence */
    size_t *foff;   /* feature range of each token (ntok + 1) */
    uint32_t *fid;  /* feature ids */
    uint64_t *fkey; /* feature keys (before ids are assigned) */
    uint8_t *gold;
} corpus;

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    return conll_grow(p, cap, need, size);
}

/* Tokenise the CoNLL documents as the tagger would and collect features;
 * ent (may be NULL) collects the exact forms of tokens without a capital
 * that are part of a name (the words the fast path to O must not take). */
static void build(const char *path, corpus *c, fdict *d, fdict *ent)
{
    conll_doc *docs;
    size_t nd;
    if (conll_read(path, &docs, &nd)) {
        perror(path);
        exit(1);
    }
    memset(c, 0, sizeof *c);
    size_t caps = 0, capt = 0, capf = 0, capg = 0;
    c->sent0 = grow(NULL, &caps, 1024, sizeof(size_t));
    for (size_t di = 0; di < nd; di++) {
        conll_doc *cd = &docs[di];
        ner_doc doc;
        if (ner_doc_build(&doc, cd->text, cd->sents, cd->nsent)) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
        /* gold labels of our tokens from the CoNLL token containing them */
        size_t ct = 0;
        for (size_t k = 0; k < doc.nsent; k++) {
            ner_sent s;
            ner_doc_sent(&doc, k, &s);
            c->sent0 = grow(c->sent0, &caps, c->nsent + 2, sizeof(size_t));
            c->sent0[c->nsent++] = c->ntok;
            for (size_t i = 0; i < s.n; i++) {
                const ner_tok *t = &s.t[i];
                while (ct < cd->ntok && cd->tok[ct].end <= t->start)
                    ct++;
                int g = 0;
                if (ct < cd->ntok && cd->tok[ct].start <= t->start) {
                    g = cd->tok[ct].gold;
                    if (g && ner_lab_is_b(g) && t->start != cd->tok[ct].start)
                        g++; /* a later piece of a B token continues it */
                }
                c->gold = grow(c->gold, &capg, c->ntok + 1, 1);
                c->foff = grow(c->foff, &capt, c->ntok + 2, sizeof(size_t));
                c->gold[c->ntok] = (uint8_t)g;
                if (ent && g && ner_tok_noup(t->flags))
                    fd_count(ent, t->ehash);
                c->foff[c->ntok] = c->nfid;
                uint64_t f[NER_MAX_FEATS];
                size_t nf = ner_features(&s, i, f);
                c->fkey = grow(c->fkey, &capf, c->nfid + nf, sizeof(uint64_t));
                for (size_t q = 0; q < nf; q++) {
                    c->fkey[c->nfid++] = f[q];
                    if (d)
                        fd_count(d, f[q]);
                }
                c->ntok++;
            }
        }
        /* fix IOB2 where our tokenisation merged or split differently */
        ner_doc_free(&doc);
    }
    if (!c->ntok) {
        fprintf(stderr, "%s: no tokens\n", path);
        exit(1);
    }
    c->sent0[c->nsent] = c->ntok;
    c->foff[c->ntok] = c->nfid;
    conll_free(docs, nd);
    for (size_t i = 0; i < c->nsent; i++) {
        int prev = NER_NLAB;
        for (size_t j = c->sent0[i]; j < c->sent0[i + 1]; j++) {
            if (!ner_lab_allowed(prev, c->gold[j]))
                c->gold[j] = (uint8_t)ner_lab_b(ner_lab_type(c->gold[j]));
            prev = c->gold[j];
        }
    }
}

static void assign_ids(corpus *c, const fdict *d)
{
    c->fid = malloc(c->nfid * sizeof *c->fid);
    for (size_t i = 0; i < c->nfid; i++)
        c->fid[i] = fd_id(d, c->fkey[i]);
    free(c->fkey);
    c->fkey = NULL;
}

/* ---- scoring and evaluation ---- */
static void emissions(const corpus *c, size_t s, const float *w, float *emit)
{
    size_t a = c->sent0[s], b = c->sent0[s + 1];
    for (size_t j = a; j < b; j++) {
        float *e = emit + (j - a) * NER_NLAB;
        for (int l = 0; l < NER_NLAB; l++)
            e[l] = 0;
        for (size_t q = c->foff[j]; q < c->foff[j + 1]; q++) {
            uint32_t id = c->fid[q];
            if (id == UINT32_MAX)
                continue;
            const float *wf = w + (size_t)id * NER_NLAB;
            for (int l = 0; l < NER_NLAB; l++)
                e[l] += wf[l];
        }
    }
}

typedef struct {
    long tp, fp, fn;
} prf;

static void chunks_cmp(const uint8_t *gold, const uint8_t *pred, size_t n, prf *r)
{
    /* an entity = B-X followed by I-X*; exact match of span and type */
    for (size_t i = 0; i < n; i++) {
        if (ner_lab_is_b(pred[i])) {
            size_t e = i + 1;
            while (e < n && pred[e] == pred[i] + 1)
                e++;
            size_t ge = i + 1;
            int match = gold[i] == pred[i];
            if (match) {
                while (ge < n && gold[ge] == gold[i] + 1)
                    ge++;
                match = ge == e;
            }
            if (match)
                r->tp++;
            else
                r->fp++;
        }
        if (ner_lab_is_b(gold[i])) {
            size_t e = i + 1;
            while (e < n && gold[e] == gold[i] + 1)
                e++;
            int match = pred[i] == gold[i];
            if (match) {
                size_t pe = i + 1;
                while (pe < n && pred[pe] == pred[i] + 1)
                    pe++;
                match = pe == e;
            }
            if (!match)
                r->fn++;
        }
    }
}

static double evaluate(const corpus *c, const float *w, const float *trans)
{
    prf r = {0, 0, 0};
    float *emit = NULL;
    uint8_t *lab = NULL;
    size_t cap = 0, capl = 0;
    for (size_t s = 0; s < c->nsent; s++) {
        size_t n = c->sent0[s + 1] - c->sent0[s];
        emit = grow(emit, &cap, n * NER_NLAB + 1, sizeof *emit);
        lab = grow(lab, &capl, n + 1, 1);
        emissions(c, s, w, emit);
        ner_viterbi(emit, trans, n, lab);
        chunks_cmp(c->gold + c->sent0[s], lab, n, &r);
    }
    free(emit);
    free(lab);
    double p = r.tp + r.fp ? (double)r.tp / (r.tp + r.fp) : 0;
    double rc = r.tp + r.fn ? (double)r.tp / (r.tp + r.fn) : 0;
    double f = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
    printf("  P %.4f R %.4f F1 %.4f", p, rc, f);
    return f;
}

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: ner_train TRAIN DEV OUT.bin [epochs [min-count]]\n");
        return 2;
    }
    int epochs = argc > 4 ? atoi(argv[4]) : 12;
    unsigned minc = argc > 5 ? (unsigned)atoi(argv[5]) : 1;
    clock_t t0 = clock();
    fdict d;
    fd_init(&d, 1u << 24);
    corpus tr, dev;
    fdict ent;
    fd_init(&ent, 1u << 12);
    build(argv[1], &tr, &d, &ent);
    build(argv[2], &dev, NULL, NULL);
    uint32_t nf = 0;
    for (size_t i = 0; i < d.cap; i++)
        if (d.keys[i] && d.counts[i] >= minc)
            d.ids[i] = nf++;
    assign_ids(&tr, &d);
    assign_ids(&dev, &d);
    printf("ner_train: %zu sentences, %zu tokens, %zu feature keys, %u kept (count >= %u), %.1fs\n",
           tr.nsent, tr.ntok, d.n, nf, minc, (double)(clock() - t0) / CLOCKS_PER_SEC);
    fflush(stdout);

    size_t nw = (size_t)nf * NER_NLAB, nt = (NER_NLAB + 1) * NER_NLAB;
    float *w = calloc(nw, sizeof *w), *avg = calloc(nw, sizeof *avg);
    double *u = calloc(nw, sizeof *u);
    float tw[(NER_NLAB + 1) * NER_NLAB] = {0}, tavg[(NER_NLAB + 1) * NER_NLAB];
    double tu[(NER_NLAB + 1) * NER_NLAB] = {0};
    size_t *order = malloc(tr.nsent * sizeof *order);
    if (!w || !avg || !u || !order) {
        fprintf(stderr, "out of memory\n");
        return 2;
    }
    for (size_t i = 0; i < tr.nsent; i++)
        order[i] = i;
    float *emit = NULL;
    uint8_t *lab = NULL;
    size_t cape = 0, capl = 0;
    double c = 1;
    for (int ep = 1; ep <= epochs; ep++) {
        for (size_t i = tr.nsent; i > 1; i--) {
            size_t j = next_rand() % i;
            size_t x = order[i - 1];
            order[i - 1] = order[j];
            order[j] = x;
        }
        long errs = 0;
        for (size_t oi = 0; oi < tr.nsent; oi++, c++) {
            size_t s = order[oi];
            size_t a = tr.sent0[s], n = tr.sent0[s + 1] - a;
            emit = grow(emit, &cape, n * NER_NLAB + 1, sizeof *emit);
            lab = grow(lab, &capl, n + 1, 1);
            emissions(&tr, s, w, emit);
            ner_viterbi(emit, tw, n, lab);
            const uint8_t *g = tr.gold + a;
            for (size_t i = 0; i < n; i++) {
                int pg = i ? g[i - 1] : NER_NLAB, pp = i ? lab[i - 1] : NER_NLAB;
                if (g[i] != lab[i]) {
                    errs++;
                    for (size_t q = tr.foff[a + i]; q < tr.foff[a + i + 1]; q++) {
                        uint32_t id = tr.fid[q];
                        if (id == UINT32_MAX)
                            continue;
                        size_t o = (size_t)id * NER_NLAB;
                        w[o + g[i]] += 1, u[o + g[i]] += c;
                        w[o + lab[i]] -= 1, u[o + lab[i]] -= c;
                    }
                }
                if (g[i] != lab[i] || pg != pp) {
                    tw[pg * NER_NLAB + g[i]] += 1, tu[pg * NER_NLAB + g[i]] += c;
                    tw[pp * NER_NLAB + lab[i]] -= 1, tu[pp * NER_NLAB + lab[i]] -= c;
                }
            }
        }
        for (size_t i = 0; i < nw; i++)
            avg[i] = (float)(w[i] - u[i] / c);
        for (size_t i = 0; i < nt; i++)
            tavg[i] = (float)(tw[i] - tu[i] / c);
        printf("epoch %2d: %ld token errors; dev", ep, errs);
        evaluate(&dev, avg, tavg);
        printf("  (%.0fs)\n", (double)(clock() - t0) / CLOCKS_PER_SEC);
        fflush(stdout);
    }

    /* keep features with a non-negligible weight, quantise to int16 */
    float maxw = 0;
    for (size_t i = 0; i < nw; i++)
        if (fabsf(avg[i]) > maxw)
            maxw = fabsf(avg[i]);
    float scale = maxw > 0 ? 32000.0f / maxw : 1.0f;
    float eps = 1.0f / scale;
    uint32_t kept = 0;
    uint8_t *keep = calloc(nf, 1);
    for (uint32_t id = 0; id < nf; id++) {
        for (int l = 0; l < NER_NLAB; l++)
            if (fabsf(avg[(size_t)id * NER_NLAB + l]) >= eps * 1.5f) {
                keep[id] = 1;
                kept++;
                break;
            }
    }
    uint32_t nslots = 1;
    while (nslots < kept + kept / 3 + 1)
        nslots <<= 1;
    uint64_t *keys = calloc(nslots, 8);
    uint32_t *rows = calloc(nslots, 4);
    int16_t *qw = calloc((size_t)kept * NER_NLAB + 1, 2);
    uint32_t row = 0;
    for (size_t i = 0; i < d.cap; i++) {
        if (!d.keys[i] || d.ids[i] == UINT32_MAX || !keep[d.ids[i]])
            continue;
        uint64_t k = d.keys[i];
        uint32_t sl = (uint32_t)k & (nslots - 1);
        while (keys[sl])
            sl = (sl + 1) & (nslots - 1);
        keys[sl] = k;
        rows[sl] = row;
        for (int l = 0; l < NER_NLAB; l++)
            qw[(size_t)row * NER_NLAB + l] =
                (int16_t)lrintf(avg[(size_t)d.ids[i] * NER_NLAB + l] * scale);
        row++;
    }
    /* the blob without vocabulary blocks, then the blocks computed by the
     * tagger's own slow path over that blob */
    size_t tb = nt * sizeof(float);
    size_t wbytes = (size_t)kept * NER_NLAB * 2;
    size_t base =
        NER_MODEL_HDR + ((tb + 7) & ~(size_t)7) + (size_t)nslots * 12 + ((wbytes + 7) & ~(size_t)7);
    unsigned char *blob = calloc(1, base);
    uint32_t hdr[10] = {NER_MODEL_VERSION, NER_NLAB, nslots, kept, 0, 0, 0, 0, 0, 0};
    memcpy(&hdr[4], &scale, 4);
    memcpy(blob, NER_MODEL_MAGIC, 8);
    memcpy(blob + 8, hdr, sizeof hdr);
    size_t off = NER_MODEL_HDR;
    memcpy(blob + off, tavg, tb);
    off += (tb + 7) & ~(size_t)7;
    memcpy(blob + off, keys, (size_t)nslots * 8);
    off += (size_t)nslots * 8;
    memcpy(blob + off, rows, (size_t)nslots * 4);
    off += (size_t)nslots * 4;
    memcpy(blob + off, qw, wbytes);
    ner_model *m = ner_model_from_blob(blob, base);
    if (!m) {
        fprintf(stderr, "ner_train: internal error: blob does not load\n");
        return 2;
    }
    /* vocabulary: exact forms seen at least min_word times in training, and
     * the words without a capital seen inside a name (marked NER_VOC_ENT) */
    fdict wc;
    fd_init(&wc, 1u << 20);
    conll_doc *docs;
    size_t nd;
    conll_read(argv[1], &docs, &nd);
    for (size_t di = 0; di < nd; di++) {
        ner_doc doc;
        if (ner_doc_build(&doc, docs[di].text, docs[di].sents, docs[di].nsent))
            return 2;
        for (size_t i = 0; i < doc.n; i++)
            fd_count(&wc, doc.t[i].ehash);
        ner_doc_free(&doc);
    }
    uint32_t nwords = 0, nent = 0;
    for (size_t i = 0; i < wc.cap; i++)
        if (wc.keys[i] && (wc.counts[i] >= MIN_WORD || fd_in(&ent, wc.keys[i])))
            wc.ids[i] = nwords++;
    uint32_t nws = 1;
    while (nws < nwords + nwords / 3 + 1)
        nws <<= 1;
    uint64_t *wkeys = calloc(nws, 8);
    uint32_t *wrows = calloc(nws, 4);
    int32_t *blocks = calloc((size_t)nwords * NER_NOFF * NER_LP + 1, 4);
    int16_t *qblocks = calloc((size_t)nwords * NER_NOFF * NER_LP + 1, 2);
    uint8_t *done = calloc(nwords + 1, 1);
    for (size_t di = 0; di < nd; di++) {
        ner_doc doc;
        if (ner_doc_build(&doc, docs[di].text, docs[di].sents, docs[di].nsent))
            return 2;
        for (size_t k = 0; k < doc.nsent; k++) {
            ner_sent s;
            ner_doc_sent(&doc, k, &s);
            for (size_t i = 0; i < s.n; i++) {
                uint32_t id = fd_id(&wc, s.t[i].ehash);
                if (id == UINT32_MAX || done[id])
                    continue;
                done[id] = 1;
                ner_model_word_block(m, &s, i, blocks + (size_t)id * NER_NOFF * NER_LP);
                uint64_t h = s.t[i].ehash ? s.t[i].ehash : 1;
                uint32_t sl = (uint32_t)h & (nws - 1);
                while (wkeys[sl])
                    sl = (sl + 1) & (nws - 1);
                wkeys[sl] = h;
                wrows[sl] = id;
                if (fd_in(&ent, h)) {
                    wrows[sl] |= NER_VOC_ENT;
                    nent++;
                }
            }
        }
        ner_doc_free(&doc);
    }
    conll_free(docs, nd);
    /* the load-time tables, stored so that loading computes nothing */
    const void *tp;
    size_t tlen = ner_model_tables(m, &tp);
    unsigned char *tables = malloc(tlen);
    if (!tables)
        return 2;
    memcpy(tables, tp, tlen);
    ner_model_free(m);
    /* blocks are stored as int16: shift them right until they fit */
    int32_t bmax = 0;
    size_t nb = (size_t)nwords * NER_NOFF * NER_LP;
    for (size_t i = 0; i < nb; i++)
        if (abs(blocks[i]) > bmax)
            bmax = abs(blocks[i]);
    unsigned bshift = 0;
    while ((bmax >> bshift) > 32767)
        bshift++;
    for (size_t i = 0; i < nb; i++) {
        int32_t v = blocks[i], half = bshift ? 1 << (bshift - 1) : 0;
        qblocks[i] = (int16_t)(v >= 0 ? (v + half) >> bshift : -((-v + half) >> bshift));
    }
    hdr[5] = nws;
    hdr[6] = nwords;
    hdr[7] = bshift;
    hdr[8] = 1; /* tables present */
    memcpy(blob + 8, hdr, sizeof hdr);
    FILE *out = fopen(argv[3], "wb");
    if (!out) {
        perror(argv[3]);
        return 1;
    }
    fwrite(blob, 1, base, out);
    fwrite(wkeys, 8, nws, out);
    fwrite(wrows, 4, nws, out);
    fwrite(qblocks, 2, nb, out);
    static const char zero[8];
    fwrite(zero, 1, ((nb * 2 + 7) & ~(size_t)7) - nb * 2, out);
    fwrite(tables, 1, tlen, out);
    if (fclose(out) != 0) {
        perror(argv[3]);
        return 1;
    }
    printf("ner_train: wrote %s: %u features, %u vocabulary words (%u in names without a "
           "capital), scale %.1f, %.1f MB (%.0fs)\n",
           argv[3], kept, nwords, nent, scale,
           (base + nws * 12.0 + (double)nwords * NER_NOFF * NER_LP * 2 + (double)tlen) / 1e6,
           (double)(clock() - t0) / CLOCKS_PER_SEC);
    return 0;
}
