/* chronicle — internal: the word layer shared by dedup.c and cluster*.c.
 * Owns: a fast lowercasing word iterator over UTF-8 text, stop words,
 * Snowball stemming with a bounded cache, and 32-bit term ids. Not a
 * general tokenizer (see text.h for that): it only feeds shingles and
 * TF-IDF terms, and favours speed. */
#ifndef CHR_CLUSTER_TEXT_H
#define CHR_CLUSTER_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Longest word kept (bytes); longer runs are truncated. */
#define CHR_CT_MAXWORD 48

/* Word iterator over text[0..len). */
typedef struct chr_ct_iter {
    const unsigned char *start, *p, *end;
} chr_ct_iter;

void chr_ct_iter_init(chr_ct_iter *it, const char *text, size_t len);

/* Next word, lowercased into buf (at least CHR_CT_MAXWORD + 8 bytes, NUL
 * terminated). Returns its length, or -1 at the end. *numeric is set when the
 * word has no letter. "U.S." gives "u.s", "don't" keeps its apostrophe
 * (typographic apostrophes become '). */
int chr_ct_next_word(chr_ct_iter *it, char *buf, int *numeric);

/* Flags of chr_ct_next_word_ex. */
enum {
    CHR_CT_NUMERIC = 1u << 0, /* no letter */
    CHR_CT_CAPITAL = 1u << 1, /* starts with an uppercase letter */
    CHR_CT_INITIAL = 1u << 2  /* first word of a sentence or paragraph (by punctuation) */
};

/* Same, with CHR_CT_* flags: a CAPITAL word that is not INITIAL is likely a
 * name. */
int chr_ct_next_word_ex(chr_ct_iter *it, char *buf, unsigned *flags);

/* The analyser: stemmers per language and a cache word -> term id.
 * Not thread-safe; one per chr_cluster / chr_dedup. */
typedef struct chr_ct chr_ct;

chr_ct *chr_ct_new(void);
void chr_ct_free(chr_ct *ct);

/* Term id of a lowercased word in language lang (ISO 639-1, NULL = "en"),
 * or 0 when it is a stop word, a number or too short to mean anything. */
uint32_t chr_ct_term(chr_ct *ct, const char *lang, const char *word, size_t len);

/* Same with hash = XXH3_64bits(word, len) already computed. */
uint32_t chr_ct_term_hashed(chr_ct *ct, const char *lang, const char *word, size_t len,
                            uint64_t hash);

/* Start loading the cache slot of a word (hash as for chr_ct_term_hashed)
 * a word ahead of its lookup: the cache is larger than the CPU's caches, and
 * its misses were a fifth of an add. */
void chr_ct_prefetch(const chr_ct *ct, const char *lang, uint64_t hash);

/* Term id of an arbitrary string in namespace ns (1 = entity, 2 = date):
 * ids never collide with the word ids of the same string. Never 0. */
uint32_t chr_ct_feature(unsigned ns, const char *s, size_t len);

/* The space-separated stop list of lang, or NULL (cluster_stop.c). */
const char *chr_ct_stop_list(const char *lang);

#endif
