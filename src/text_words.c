/* chronicle — text: English word lookups. Owns the search of the word
 * lists tools/en_words.py generates from Debian's wamerican dictionary
 * (build/gen/en_words.c): whether a short text's words are English (the
 * language guess) and which capitalised words of a headline are ordinary
 * ones (the entity module). */
#include <stdlib.h>

#include "text_int.h"

uint64_t chr_en_hash(const char *w, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h = (h ^ c) * 0x100000001b3ULL;
    }
    return h;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int find(const uint32_t *list, size_t n, uint64_t h)
{
    uint32_t k = (uint32_t)(h ^ (h >> 32));
    return n && bsearch(&k, list, n, sizeof k, cmp_u32) != NULL;
}

int chr_en_word(uint64_t h)
{
    return find(chr_en_words, chr_en_words_n, h);
}

int chr_en_lower_word(uint64_t h)
{
    return find(chr_en_lower, chr_en_lower_n, h);
}

int chr_en_proper_word(uint64_t h)
{
    return find(chr_en_proper, chr_en_proper_n, h);
}
