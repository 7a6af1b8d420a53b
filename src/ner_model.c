/* chronicle — entity: the statistical tagger's model. Owns the model blob
 * format (see ner.h), the embedded built-in model, emission scoring and
 * constrained Viterbi decoding over IOB2 labels. Training lives in
 * tools/ner_train.c. */
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "ner.h"

struct ner_model {
    uint32_t nlab, nslots, nfeat;
    float scale;
    const float *trans;
    const uint64_t *keys;
    const uint32_t *rows;
    const int16_t *w;
};

/* build/gen/ner_model.c: the bytes of data/ner/model.bin (empty if none). */
extern const unsigned char ner_model_blob[];
extern const unsigned char ner_model_blob_end[];

ner_model *ner_model_from_blob(const unsigned char *b, size_t len)
{
    if (len < 32 || memcmp(b, NER_MODEL_MAGIC, 8) != 0)
        return NULL;
    uint32_t hdr[5];
    memcpy(hdr, b + 8, sizeof hdr);
    if (hdr[0] != NER_MODEL_VERSION || hdr[1] != NER_NLAB || hdr[2] == 0 ||
        (hdr[2] & (hdr[2] - 1)) != 0)
        return NULL;
    ner_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->nlab = hdr[1];
    m->nslots = hdr[2];
    m->nfeat = hdr[3];
    memcpy(&m->scale, &hdr[4], sizeof m->scale);
    size_t off = 32;
    size_t tbytes = (size_t)(m->nlab + 1) * m->nlab * sizeof(float);
    size_t need = off + ((tbytes + 7) & ~(size_t)7) + (size_t)m->nslots * 12 +
                  (size_t)m->nfeat * m->nlab * 2;
    if (need > len || ((uintptr_t)b & 7) != 0 || !(m->scale > 0)) {
        free(m);
        return NULL;
    }
    m->trans = (const float *)(const void *)(b + off);
    off += (tbytes + 7) & ~(size_t)7;
    m->keys = (const uint64_t *)(const void *)(b + off);
    off += (size_t)m->nslots * 8;
    m->rows = (const uint32_t *)(const void *)(b + off);
    off += (size_t)m->nslots * 4;
    m->w = (const int16_t *)(const void *)(b + off);
    return m;
}

void ner_model_free(ner_model *m)
{
    free(m);
}

static ner_model builtin;
static int builtin_state; /* 0 unknown, 1 present, -1 absent */

const ner_model *ner_model_builtin(void)
{
    /* The blob is static and parsing is idempotent, so a race between two
     * first calls only writes the same values twice. */
    if (builtin_state == 0) {
        size_t len = (size_t)(ner_model_blob_end - ner_model_blob);
        ner_model *m = ner_model_from_blob(ner_model_blob, len);
        if (m) {
            builtin = *m;
            free(m);
            builtin_state = 1;
        } else {
            builtin_state = -1;
        }
    }
    return builtin_state == 1 ? &builtin : NULL;
}

size_t ner_model_nfeats(const ner_model *m)
{
    return m ? m->nfeat : 0;
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

int ner_viterbi(const float *emit, const float *trans, size_t n, uint8_t *lab)
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
    const float *start = trans + NER_NLAB * NER_NLAB;
    for (int b = 0; b < NER_NLAB; b++)
        score[b] = ner_lab_allowed(NER_NLAB, b) ? start[b] + emit[b] : -FLT_MAX;
    for (size_t i = 1; i < n; i++) {
        const float *prev = score + (i - 1) * NER_NLAB;
        float *cur = score + i * NER_NLAB;
        for (int b = 0; b < NER_NLAB; b++) {
            float best = -FLT_MAX;
            int arg = 0;
            for (int a = 0; a < NER_NLAB; a++) {
                if (prev[a] == -FLT_MAX || !ner_lab_allowed(a, b))
                    continue;
                float v = prev[a] + trans[a * NER_NLAB + b];
                if (v > best) {
                    best = v;
                    arg = a;
                }
            }
            cur[b] = best == -FLT_MAX ? -FLT_MAX : best + emit[i * NER_NLAB + b];
            back[i * NER_NLAB + b] = (uint8_t)arg;
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

int ner_model_decode(const ner_model *m, const ner_sent *s, uint8_t *lab)
{
    if (s->n == 0)
        return 0;
    float *emit = malloc(s->n * NER_NLAB * sizeof *emit);
    if (!emit)
        return -1;
    uint64_t f[NER_MAX_FEATS];
    float inv = 1.0f / m->scale;
    for (size_t i = 0; i < s->n; i++) {
        int32_t acc[NER_NLAB] = {0};
        size_t nf = ner_features(s, i, f);
        ner_model_add(m, f, nf, acc);
        for (int l = 0; l < NER_NLAB; l++)
            emit[i * NER_NLAB + l] = (float)acc[l] * inv;
    }
    int rc = ner_viterbi(emit, m->trans, s->n, lab);
    free(emit);
    return rc;
}
