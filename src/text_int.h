/* chronicle — text internals shared with later stages (src/text_words.c).
 * Owns: the English word lists generated from Debian's wamerican
 * (tools/en_words.py -> build/gen/en_words.c) and their lookups. Not a
 * public API. */
#ifndef CHR_TEXT_INT_H
#define CHR_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* How many words of text[0..len) (its first 2,000 bytes) only Catalan writes
 * ("amb", "aquest", "els", "segons"): the cleaner lets an article's own "ca"
 * stand against a Spanish guess when it holds some. */
int chr_catalan_words(const char *text, size_t len);

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

/* Whether s[0..n) opens with a live report's stamp in lower case: "ora",
 * "ore" or "hora", a clock time and a dash or colon ("ora 10:05 - Victor
 * Ponta anunță…", "ore 11.40 -"): a post of its own, which no line before
 * goes on into (a hard-wrapped "alle\nore 10.30 di domani" does). */
static inline int chr_lower_stamp(const char *s, size_t n)
{
    size_t w = 0;
    while (w < n && w < 5 && s[w] >= 'a' && s[w] <= 'z')
        w++;
    if (!((w == 3 && (!memcmp(s, "ora", 3) || !memcmp(s, "ore", 3))) ||
          (w == 4 && !memcmp(s, "hora", 4))) ||
        w + 5 > n || s[w] != ' ' || !(s[w + 1] >= '0' && s[w + 1] <= '9'))
        return 0;
    size_t k = w + 2;
    if (s[k] >= '0' && s[k] <= '9')
        k++;
    if (!(k + 2 < n && (s[k] == ':' || s[k] == '.' || s[k] == 'h') && s[k + 1] >= '0' &&
          s[k + 1] <= '9' && s[k + 2] >= '0' && s[k + 2] <= '9'))
        return 0;
    k += 3;
    while (k < n && s[k] == ' ')
        k++;
    return k < n && (s[k] == '-' || s[k] == ':' ||
                     (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
                      ((unsigned char)s[k + 2] == 0x93 || (unsigned char)s[k + 2] == 0x94)));
}

#endif
