/* chronicle — libFuzzer target for the entity module: chr_ner_tag on
 * arbitrary bytes, once as English with its own sentence split and once as
 * French (the other-language repairs) with sentence spans taken from the
 * input's newlines, checking the output invariants
 * (sorted, non-overlapping, in-bounds mentions with valid entity indexes),
 * again after dropping the names of every other line, then story-level
 * linking of the two results. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/entity.h"

static chr_ner *ner;

static void check(const chr_entities *e, size_t len)
{
    for (size_t i = 0; i < e->n_mentions; i++) {
        const chr_mention *m = &e->mentions[i];
        if (m->start >= m->end || m->end > len || m->entity < 0 ||
            (size_t)m->entity >= e->n_entities || (i > 0 && e->mentions[i - 1].end > m->start))
            abort();
    }
    for (size_t i = 0; i < e->n_entities; i++)
        if (!e->entities[i].canonical || e->entities[i].mentions <= 0)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ner && chr_ner_open(&ner, NULL) != CHR_OK)
        abort();
    if (size > 1 << 16)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    chr_entities e[2];
    if (chr_ner_tag(ner, text, size, NULL, 0, "en", &e[0]) != CHR_OK)
        abort();
    check(&e[0], size);
    chr_span sp[64];
    size_t ns = 0, a = 0;
    for (size_t i = 0; i <= size && ns < 64; i++)
        if (i == size || text[i] == '\n') {
            sp[ns++] = (chr_span){a, i};
            a = i + 1;
        }
    if (chr_ner_tag(ner, text, size, sp, ns, "fr", &e[1]) != CHR_OK)
        abort();
    check(&e[1], size);
    /* dropping the names inside some spans (every other line) keeps the
     * invariants */
    chr_span odd[32];
    size_t no = 0;
    for (size_t i = 1; i < ns && no < 32; i += 2)
        odd[no++] = sp[i];
    chr_entities_drop_spans(&e[1], odd, no);
    check(&e[1], size);
    chr_entities story;
    if (chr_entities_link_story(e, 2, &story, NULL) != CHR_OK)
        abort();
    chr_entities_free(&story);
    chr_entities_free(&e[0]);
    chr_entities_free(&e[1]);
    free(text);
    return 0;
}
