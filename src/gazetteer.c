/* chronicle — entity: the gazetteer matcher over the tables generated at
 * build time (build/gen/ner_gaz.c). Owns lookup of token sequences: longest
 * match, case checks, canonical names and country codes. */
#include <string.h>

#include "ner.h"

const ner_gaz_info *ner_gaz_find(uint64_t h)
{
    if (!h)
        h = 1;
    size_t mask = ner_gaz_nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint64_t k = ner_gaz_keys[i];
        if (k == h)
            return &ner_gaz_infos[ner_gaz_vals[i]];
        if (k == 0)
            return NULL;
    }
}

const ner_gaz_info *ner_gaz_find1(uint64_t h)
{
    if (!h)
        h = 1;
    unsigned b = (unsigned)(h >> 48);
    if (!(ner_gaz_first[b >> 6] >> (b & 63) & 1))
        return NULL;
    return ner_gaz_find(h);
}

const char *ner_gaz_canon(const ner_gaz_info *gi)
{
    return gi && gi->canon ? ner_gaz_strings + gi->canon : NULL;
}

const char *ner_gaz_country_code(unsigned idx)
{
    return idx > 0 && idx < ner_gaz_ncountries ? ner_gaz_countries[idx] : NULL;
}

unsigned ner_gaz_country_index(const char *code)
{
    for (size_t i = 1; code && i < ner_gaz_ncountries; i++)
        if (strcmp(ner_gaz_countries[i], code) == 0)
            return (unsigned)i;
    return 0;
}

size_t ner_gaz_size(void)
{
    return ner_gaz_ninfos;
}

ner_gaz_match ner_gaz_longest(const ner_tok *t, size_t n, size_t i)
{
    ner_gaz_match best = {i, i, NULL};
    uint64_t h = NER_SEQ_INIT, eh = NER_SEQ_INIT;
    for (size_t j = i; j < n && j - i < NER_GAZ_MAXTOK; j++) {
        h = ner_seq_add(h, t[j].lhash);
        const ner_gaz_info *gi = j == i ? ner_gaz_find1(h) : ner_gaz_find(h);
        if (!gi)
            break;
        if (gi->flags & GZF_ENTRY) {
            int ok = 1;
            if (gi->flags & GZF_EXACT) {
                eh = NER_SEQ_INIT;
                for (size_t k = i; k <= j; k++)
                    eh = ner_seq_add(eh, t[k].ehash);
                ok = eh == gi->ehash;
            } else {
                for (size_t k = i; k <= j && ok; k++)
                    if ((gi->upmask >> (k - i) & 1) && !(t[k].flags & (NT_UPPER0 | NT_DIGIT)))
                        ok = 0;
            }
            if (ok) {
                best.end = j + 1;
                best.info = gi;
            }
        }
        if (!(gi->flags & GZF_PREFIX))
            break;
    }
    return best;
}
