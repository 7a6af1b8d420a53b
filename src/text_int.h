/* chronicle — text internals shared with later stages (src/text_words.c).
 * Owns: the English word lists generated from Debian's wamerican
 * (tools/en_words.py -> build/gen/en_words.c) and their lookups. Not a
 * public API. */
#ifndef CHR_TEXT_INT_H
#define CHR_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

/* Sorted 32-bit hashes of the dictionary's words in any case, and of those
 * it has only in lower case; both empty without a dictionary at build
 * time. */
extern const uint32_t chr_en_words[];
extern const size_t chr_en_words_n;
extern const uint32_t chr_en_lower[];
extern const size_t chr_en_lower_n;
extern const uint32_t chr_en_proper[];
extern const size_t chr_en_proper_n;

/* The FNV-1a 64 hash of a lower-case ASCII word (what the entity module's
 * folded token hash is for such a word). */
uint64_t chr_en_hash(const char *w, size_t n);
/* Whether a word with that hash is an English dictionary word (in any
 * case), one the dictionary has only in lower case, or only capitalised
 * (a proper noun: "Netflix", "Monday"). */
int chr_en_word(uint64_t h);
int chr_en_lower_word(uint64_t h);
int chr_en_proper_word(uint64_t h);

#endif
