/* chronicle — entity: public entry points of the named-entity recogniser.
 * Owns: chr_ner_open/close, chr_ner_tag, chr_entities_free. (First minimal
 * version: capitalised-word runs typed MISC; the tagger grows in ner_*.c.) */
#include <stdlib.h>
#include <string.h>

#include "chronicle/entity.h"

struct chr_ner {
    int unused;
};

const char *chr_ent_type_name(chr_ent_type t)
{
    switch (t) {
    case CHR_ENT_PER:
        return "PER";
    case CHR_ENT_LOC:
        return "LOC";
    case CHR_ENT_ORG:
        return "ORG";
    case CHR_ENT_MISC:
        return "MISC";
    }
    return "MISC";
}

int chr_ent_type_parse(const char *name)
{
    static const char *const names[] = {"PER", "LOC", "ORG", "MISC"};
    for (int i = 0; name && i < 4; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

chr_err chr_ner_open(chr_ner **out, chr_diag *d)
{
    if (!out)
        return chr_diag_set(d, CHR_EINVAL, NULL, 0, -1, "chr_ner_open: out is NULL");
    *out = calloc(1, sizeof **out);
    if (!*out)
        return chr_diag_set(d, CHR_ENOMEM, NULL, 0, -1, "chr_ner_open: out of memory");
    return CHR_OK;
}

void chr_ner_close(chr_ner *ner)
{
    free(ner);
}

void chr_entities_free(chr_entities *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n_entities; i++) {
        free(e->entities[i].canonical);
        free(e->entities[i].country);
    }
    free(e->entities);
    free(e->mentions);
    memset(e, 0, sizeof *e);
}

chr_err chr_ner_tag(const chr_ner *ner, const char *text, size_t len, const chr_span *sents,
                    size_t n_sents, const char *lang, chr_entities *out)
{
    if (!out)
        return CHR_EINVAL;
    memset(out, 0, sizeof *out);
    if (!ner || (!text && len))
        return CHR_EINVAL;
    return CHR_OK;
}

chr_err chr_entities_link_story(const chr_entities *docs, size_t n, chr_entities *story,
                                int **map)
{
    if (!story)
        return CHR_EINVAL;
    memset(story, 0, sizeof *story);
    return CHR_OK;
}
