/* chronicle — dedup: MinHash signatures, LSH band index, duplicate groups.
 * Owns: shingling (CHR_SHINGLE_WORDS-word windows of lowercased words),
 * one-permutation MinHash with optimal densification, the in-memory band
 * multimap and the dedup_sig table rows. See dedup.h. */
#include "chronicle/dedup.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "cluster_text.h"

#define DEFAULT_THRESHOLD 0.5
#define MAX_CANDIDATES 32

static uint64_t fmix64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

static uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

enum { BIN_SHIFT = 58 }; /* 64 bins: the top 6 bits choose the bin */

void chr_minhash_begin(chr_minhash_acc *a)
{
    for (int i = 0; i < CHR_MINHASH_K; i++)
        a->mins[i] = UINT64_MAX;
    memset(a->ring, 0, sizeof a->ring);
    a->words = a->shingles = 0;
    a->numbers = 0;
    a->n_numbers = 0;
}

static void take(chr_minhash_acc *a, uint64_t h)
{
    h = fmix64(h);
    uint64_t bin = h >> BIN_SHIFT, val = h & ((1ULL << BIN_SHIFT) - 1);
    if (val < a->mins[bin])
        a->mins[bin] = val;
}

void chr_minhash_word(chr_minhash_acc *a, uint64_t word_hash, int numeric)
{
    if (numeric) {
        a->numbers |= 1ULL << (fmix64(word_hash) >> 58);
        a->n_numbers++;
    }
    a->ring[a->words % CHR_SHINGLE_WORDS] = word_hash;
    a->words++;
    if (a->words < CHR_SHINGLE_WORDS)
        return;
    uint64_t h = 0;
    for (int k = 0; k < CHR_SHINGLE_WORDS; k++) /* oldest word first */
        h ^= rotl(a->ring[(a->words + (uint32_t)k) % CHR_SHINGLE_WORDS], 16 * k + 1);
    take(a, h);
    a->shingles++;
}

void chr_minhash_end(chr_minhash_acc *a, chr_minhash *out)
{
    if (a->words > 0 && a->words < CHR_SHINGLE_WORDS) { /* one shingle: the whole text */
        uint64_t h = 0;
        for (uint32_t k = 0; k < a->words; k++)
            h ^= rotl(a->ring[k], 16 * (int)k + 1);
        take(a, h);
        a->shingles = 1;
    }
    out->n_shingles = a->shingles;
    out->numbers = a->numbers;
    out->n_numbers = a->n_numbers;
    out->day = INT32_MIN;
    if (!a->shingles) {
        memset(out->v, 0, sizeof out->v);
        return;
    }
    /* Optimal densification (Shrivastava 2017): an empty bin borrows the
     * value of the first non-empty bin on its own fixed random walk. */
    for (int i = 0; i < CHR_MINHASH_K; i++) {
        uint64_t m = a->mins[i];
        for (uint64_t r = 1; m == UINT64_MAX; r++)
            m = a->mins[fmix64(((uint64_t)i << 32) + r) & (CHR_MINHASH_K - 1)];
        out->v[i] = (uint16_t)fmix64(m ^ 0x2545f4914f6cdd1dULL);
    }
}

void chr_minhash_compute(const char *text, size_t len, chr_minhash *out)
{
    chr_minhash_acc a;
    chr_minhash_begin(&a);
    char buf[CHR_CT_MAXWORD + 8];
    chr_ct_iter it;
    chr_ct_iter_init(&it, text, len);
    int wl, numeric;
    while ((wl = chr_ct_next_word(&it, buf, &numeric)) >= 0)
        chr_minhash_word(&a, XXH3_64bits(buf, (size_t)wl), numeric);
    chr_minhash_end(&a, out);
}

int chr_minhash_numbers_agree(const chr_minhash *a, const chr_minhash *b)
{
    if (a->n_numbers < 3 || b->n_numbers < 3)
        return 1;
    int na = __builtin_popcountll(a->numbers), nb = __builtin_popcountll(b->numbers);
    int both = __builtin_popcountll(a->numbers & b->numbers);
    return both * 10 >= 6 * (na < nb ? na : nb);
}

double chr_minhash_similarity(const chr_minhash *a, const chr_minhash *b)
{
    int eq = 0;
    for (int i = 0; i < CHR_MINHASH_K; i++)
        eq += a->v[i] == b->v[i];
    return (double)eq / CHR_MINHASH_K;
}

/* ---- the index ---- */

struct chr_dedup {
    sqlite3 *db;
    double threshold;
    int loaded;
    sqlite3_stmt *get, *put;
    /* band multimap: open addressing, key 0 = empty, value = entry index */
    uint32_t *keys, *vals;
    size_t mask, used;
    int64_t *ids; /* entry -> article id */
    size_t n_ids, cap_ids;
};

static chr_err db_err(sqlite3 *db, chr_diag *d, const char *what)
{
    return chr_diag_set(d, CHR_EDB, "", 0, -1, "dedup: %s: %s", what, sqlite3_errmsg(db));
}

chr_err chr_dedup_open(sqlite3 *db, double threshold, chr_dedup **out, chr_diag *d)
{
    *out = NULL;
    if (!db)
        return chr_diag_set(d, CHR_EINVAL, "", 0, -1, "dedup: no database");
    chr_dedup *dd = calloc(1, sizeof *dd);
    if (!dd)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "dedup: out of memory");
    dd->db = db;
    dd->threshold = threshold > 0 ? threshold : DEFAULT_THRESHOLD;
    if (sqlite3_prepare_v2(db, "SELECT sig, canonical FROM dedup_sig WHERE article_id = ?", -1,
                           &dd->get, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "INSERT OR IGNORE INTO dedup_sig(article_id, sig, canonical) "
                           "VALUES(?, ?, ?)",
                           -1, &dd->put, NULL) != SQLITE_OK) {
        chr_err e = db_err(db, d, "prepare");
        chr_dedup_close(dd);
        return e;
    }
    *out = dd;
    return CHR_OK;
}

static void index_free(chr_dedup *dd)
{
    free(dd->keys);
    free(dd->vals);
    free(dd->ids);
    dd->keys = dd->vals = NULL;
    dd->ids = NULL;
    dd->mask = dd->used = dd->n_ids = dd->cap_ids = 0;
    dd->loaded = 0;
}

void chr_dedup_discard(chr_dedup *dd)
{
    if (dd)
        index_free(dd);
}

void chr_dedup_close(chr_dedup *dd)
{
    if (!dd)
        return;
    sqlite3_finalize(dd->get);
    sqlite3_finalize(dd->put);
    index_free(dd);
    free(dd);
}

chr_err chr_dedup_reset(sqlite3 *db)
{
    if (sqlite3_exec(db, "DELETE FROM dedup_sig", NULL, NULL, NULL) != SQLITE_OK)
        return CHR_EDB;
    return CHR_OK;
}

static uint32_t band_key(const chr_minhash *s, int b)
{
    enum { R = CHR_MINHASH_K / CHR_MINHASH_BANDS };
    uint64_t x = (uint64_t)b * 0x9e3779b97f4a7c15ULL;
    for (int r = 0; r < R; r++)
        x = (x << 16 | x >> 48) ^ s->v[b * R + r];
    uint64_t h = fmix64(x);
    uint32_t k = (uint32_t)(h ^ (h >> 32));
    return k ? k : 1;
}

static int index_grow(chr_dedup *dd)
{
    size_t cap = dd->mask ? (dd->mask + 1) * 2 : 1024;
    uint32_t *keys = calloc(cap, sizeof *keys), *vals = malloc(cap * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    size_t mask = cap - 1;
    for (size_t i = 0; dd->keys && i <= dd->mask; i++) {
        if (!dd->keys[i])
            continue;
        size_t j = dd->keys[i] & mask;
        while (keys[j])
            j = (j + 1) & mask;
        keys[j] = dd->keys[i];
        vals[j] = dd->vals[i];
    }
    free(dd->keys);
    free(dd->vals);
    dd->keys = keys;
    dd->vals = vals;
    dd->mask = mask;
    return 0;
}

static int index_put(chr_dedup *dd, int64_t id, const chr_minhash *s)
{
    if (dd->n_ids == dd->cap_ids) {
        size_t cap = dd->cap_ids ? dd->cap_ids * 2 : 256;
        int64_t *ids = realloc(dd->ids, cap * sizeof *ids);
        if (!ids)
            return -1;
        dd->ids = ids;
        dd->cap_ids = cap;
    }
    /* load up to 3/4: 16 entries of 8 bytes per article, 170-340 bytes */
    if ((dd->used + CHR_MINHASH_BANDS) * 4 > (dd->mask ? dd->mask + 1 : 0) * 3 &&
        index_grow(dd) != 0)
        return -1;
    uint32_t e = (uint32_t)dd->n_ids;
    dd->ids[dd->n_ids++] = id;
    for (int b = 0; b < CHR_MINHASH_BANDS; b++) {
        uint32_t k = band_key(s, b);
        size_t j = k & dd->mask;
        while (dd->keys[j])
            j = (j + 1) & dd->mask;
        dd->keys[j] = k;
        dd->vals[j] = e;
        dd->used++;
    }
    return 0;
}

/* Stored signature: 64 values (2 bytes each, little-endian), then the
 * number set (8 bytes), its count (4) and the day (4). */
enum { SIG_BYTES = CHR_MINHASH_K * 2 + 16 };

static void sig_to_blob(const chr_minhash *s, unsigned char *p)
{
    for (int i = 0; i < CHR_MINHASH_K; i++) {
        p[2 * i] = (unsigned char)(s->v[i] & 0xff);
        p[2 * i + 1] = (unsigned char)(s->v[i] >> 8);
    }
    for (int b = 0; b < 8; b++)
        p[CHR_MINHASH_K * 2 + b] = (unsigned char)(s->numbers >> (8 * b));
    for (int b = 0; b < 4; b++) {
        p[CHR_MINHASH_K * 2 + 8 + b] = (unsigned char)(s->n_numbers >> (8 * b));
        p[CHR_MINHASH_K * 2 + 12 + b] = (unsigned char)((uint32_t)s->day >> (8 * b));
    }
}

static int blob_to_sig(const void *blob, int n, chr_minhash *s)
{
    if (!blob || n != SIG_BYTES)
        return -1;
    const unsigned char *p = blob;
    for (int i = 0; i < CHR_MINHASH_K; i++)
        s->v[i] = (uint16_t)(p[2 * i] | p[2 * i + 1] << 8);
    s->numbers = 0;
    s->n_numbers = 0;
    for (int b = 0; b < 8; b++)
        s->numbers |= (uint64_t)p[CHR_MINHASH_K * 2 + b] << (8 * b);
    uint32_t day = 0;
    for (int b = 0; b < 4; b++) {
        s->n_numbers |= (uint32_t)p[CHR_MINHASH_K * 2 + 8 + b] << (8 * b);
        day |= (uint32_t)p[CHR_MINHASH_K * 2 + 12 + b] << (8 * b);
    }
    s->day = (int32_t)day;
    s->n_shingles = CHR_DEDUP_MIN_SHINGLES;
    return 0;
}

static chr_err index_load(chr_dedup *dd)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(dd->db, "SELECT article_id, sig FROM dedup_sig ORDER BY article_id", -1,
                           &st, NULL) != SQLITE_OK)
        return CHR_EDB;
    chr_err err = CHR_OK;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        chr_minhash s;
        if (blob_to_sig(sqlite3_column_blob(st, 1), sqlite3_column_bytes(st, 1), &s) != 0)
            continue;
        if (index_put(dd, sqlite3_column_int64(st, 0), &s) != 0) {
            err = CHR_ENOMEM;
            break;
        }
    }
    if (err == CHR_OK && rc != SQLITE_DONE)
        err = CHR_EDB;
    sqlite3_finalize(st);
    if (err == CHR_OK)
        dd->loaded = 1;
    else
        index_free(dd);
    return err;
}

/* Stored signature and canonical of an article: 1 found, 0 absent, -1 error. */
static int fetch(chr_dedup *dd, int64_t id, chr_minhash *s, int64_t *canonical)
{
    sqlite3_reset(dd->get);
    sqlite3_bind_int64(dd->get, 1, id);
    int rc = sqlite3_step(dd->get);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return -1;
    int ok = blob_to_sig(sqlite3_column_blob(dd->get, 0), sqlite3_column_bytes(dd->get, 0), s);
    *canonical =
        sqlite3_column_type(dd->get, 1) == SQLITE_NULL ? id : sqlite3_column_int64(dd->get, 1);
    sqlite3_reset(dd->get);
    return ok == 0 ? 1 : 0;
}

chr_err chr_dedup_add(chr_dedup *dd, int64_t article_id, const chr_minhash *sig, int64_t *canonical,
                      double *similarity)
{
    *canonical = 0;
    if (similarity)
        *similarity = 0;
    if (!dd || !sig || article_id <= 0)
        return CHR_EINVAL;
    if (sig->n_shingles < CHR_DEDUP_MIN_SHINGLES)
        return CHR_OK;
    if (!dd->loaded) {
        chr_err e = index_load(dd);
        if (e != CHR_OK)
            return e;
    }
    chr_minhash other;
    int64_t canon;
    int f = fetch(dd, article_id, &other, &canon);
    if (f < 0)
        return CHR_EDB;
    if (f > 0) { /* already recorded */
        *canonical = canon == article_id ? 0 : canon;
        return CHR_OK;
    }
    /* candidates: entries sharing at least one band */
    uint32_t cand[MAX_CANDIDATES];
    int n_cand = 0;
    for (int b = 0; b < CHR_MINHASH_BANDS && dd->mask; b++) {
        uint32_t k = band_key(sig, b);
        for (size_t j = k & dd->mask; dd->keys[j]; j = (j + 1) & dd->mask) {
            if (dd->keys[j] != k)
                continue;
            int seen = 0;
            for (int c = 0; c < n_cand && !seen; c++)
                seen = cand[c] == dd->vals[j];
            if (!seen && n_cand < MAX_CANDIDATES)
                cand[n_cand++] = dd->vals[j];
        }
    }
    double best = 0;
    int64_t best_canon = 0;
    for (int c = 0; c < n_cand; c++) {
        int64_t id = dd->ids[cand[c]];
        if (id == article_id || fetch(dd, id, &other, &canon) <= 0)
            continue;
        double s = chr_minhash_similarity(sig, &other);
        int far = sig->day != INT32_MIN && other.day != INT32_MIN &&
                  (sig->day > other.day ? sig->day - other.day : other.day - sig->day) >
                      CHR_DEDUP_MAX_DAYS;
        if (s >= dd->threshold && (s > best || (s == best && canon < best_canon)) && !far &&
            chr_minhash_numbers_agree(sig, &other)) {
            best = s;
            best_canon = canon;
        }
    }
    unsigned char blob[SIG_BYTES];
    sig_to_blob(sig, blob);
    sqlite3_reset(dd->put);
    sqlite3_bind_int64(dd->put, 1, article_id);
    sqlite3_bind_blob(dd->put, 2, blob, sizeof blob, SQLITE_STATIC);
    if (best_canon)
        sqlite3_bind_int64(dd->put, 3, best_canon);
    else
        sqlite3_bind_null(dd->put, 3);
    int rc = sqlite3_step(dd->put);
    sqlite3_reset(dd->put);
    if (rc != SQLITE_DONE)
        return CHR_EDB;
    if (index_put(dd, article_id, sig) != 0)
        return CHR_ENOMEM;
    *canonical = best_canon;
    if (similarity)
        *similarity = best;
    return CHR_OK;
}
