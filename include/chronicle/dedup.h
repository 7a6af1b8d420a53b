/* chronicle — dedup: near-duplicate articles (reprints, light rewrites).
 * Owns: MinHash signatures of word shingles (one-permutation hashing with
 * densification, XXH3), an LSH band index over stored signatures, and the
 * duplicate groups (each with the first-seen article as canonical) in the
 * dedup_sig table. Exact copies are the content hash's job (store.h); this
 * finds the near ones. Used by cluster.h; usable alone. */
#ifndef CHRONICLE_DEDUP_H
#define CHRONICLE_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "chronicle/error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct sqlite3;

enum {
    CHR_MINHASH_K = 64,          /* values per signature */
    CHR_MINHASH_BANDS = 16,      /* LSH bands of CHR_MINHASH_K / CHR_MINHASH_BANDS rows */
    CHR_SHINGLE_WORDS = 4,       /* words per shingle */
    CHR_DEDUP_MIN_SHINGLES = 16, /* shorter texts are never called near-duplicates */
    CHR_DEDUP_MAX_DAYS = 3       /* nor two dated texts published further apart */
};

/* A MinHash signature: the low 16 bits of each bin's minimum (b-bit
 * MinHash), plus the numbers of the text as a 64-bit set: two templated
 * reports ("X wins 42 mln dlr contract") share most shingles but not their
 * figures, a reprint shares both. */
typedef struct chr_minhash {
    uint16_t v[CHR_MINHASH_K];
    uint32_t n_shingles; /* shingles seen (0: text too short to sign) */
    uint64_t numbers;    /* one bit per distinct number (hashed) */
    uint32_t n_numbers;  /* numbers seen */
    int32_t day;         /* publication day (days since 1970-01-01), INT32_MIN: undated;
                            set by the caller, chr_minhash_compute leaves it undated */
} chr_minhash;

/* Sign text[0..len) (clean text; headline not included by the caller):
 * its words lowercased (cluster's word iterator), hashed with XXH3-64. */
void chr_minhash_compute(const char *text, size_t len, chr_minhash *out);

/* The same fed one word at a time, for a caller that already walks the
 * words: begin, word (XXH3_64bits of each lowercased word, in order;
 * numeric when it has no letter), end. */
typedef struct chr_minhash_acc {
    uint64_t mins[CHR_MINHASH_K];
    uint64_t ring[CHR_SHINGLE_WORDS];
    uint32_t words, shingles;
    uint64_t numbers;
    uint32_t n_numbers;
} chr_minhash_acc;

void chr_minhash_begin(chr_minhash_acc *a);
void chr_minhash_word(chr_minhash_acc *a, uint64_t word_hash, int numeric);
void chr_minhash_end(chr_minhash_acc *a, chr_minhash *out);

/* Do the numbers of two texts agree? 1 when either has fewer than 3 or
 * most of the smaller set's bits are in the other. */
int chr_minhash_numbers_agree(const chr_minhash *a, const chr_minhash *b);

/* Estimated Jaccard similarity of the two shingle sets, in [0,1]. */
double chr_minhash_similarity(const chr_minhash *a, const chr_minhash *b);

/* The incremental index. State lives in the dedup_sig table (created by the
 * store's migrations); the band index is rebuilt in memory on first use. */
typedef struct chr_dedup chr_dedup;

/* Open on the store's connection db (chr_store_sqlite; not owned, must
 * outlive the handle). threshold: estimated
 * Jaccard at or above which two texts are near-duplicates (<= 0: default). */
chr_err chr_dedup_open(struct sqlite3 *db, double threshold, chr_dedup **out, chr_diag *d);

/* Look sig up and record it for article_id. *canonical receives the
 * canonical article of the most similar stored near-duplicate (estimated
 * Jaccard >= threshold, numbers agreeing, published within
 * CHR_DEDUP_MAX_DAYS when both are dated; 0 when none)
 * and *similarity its estimated Jaccard (may be NULL). Signatures with fewer
 * than CHR_DEDUP_MIN_SHINGLES shingles are neither matched nor stored.
 * Recording an article_id twice keeps the first record. */
chr_err chr_dedup_add(chr_dedup *dd, int64_t article_id, const chr_minhash *sig, int64_t *canonical,
                      double *similarity);

/* Forget the in-memory index (e.g. after the caller rolled back a
 * transaction); it is rebuilt from the table on next use. */
void chr_dedup_discard(chr_dedup *dd);

/* Delete every stored signature (for a rebuild). */
chr_err chr_dedup_reset(struct sqlite3 *db);

void chr_dedup_close(chr_dedup *dd);

#ifdef __cplusplus
}
#endif
#endif
