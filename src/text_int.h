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

/* The length of the list marker and its space that open s[0..n) ("- ",
 * "* ", "• ", "– "), or 0: the cleaner keeps a list's items paragraphs of
 * their own, the sentence splitter splits before them. */
static inline size_t chr_list_marker(const char *s, size_t n)
{
    if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        return 2;
    if (n >= 4 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0x93) && s[3] == ' ')
        return 4;
    return 0;
}

#endif
