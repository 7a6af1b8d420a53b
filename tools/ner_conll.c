/* chronicle — CoNLL-2003 evaluation driver for the entity tagger. Feeds
 * each document to chr_ner_tag as text (tokens joined by spaces, one
 * sentence per line, as `chronicle tag` would see it), maps the mentions
 * back to the CoNLL tokens and prints "word gold predicted" lines (IOB2)
 * for eval/conlleval.py. Nominal mentions are not names and are left out.
 * Usage: ner_conll FILE > out.txt */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner_conll_io.h"

static const char *lab_name(int lab, char *buf)
{
    if (lab == 0)
        return "O";
    snprintf(buf, 16, "%s-%s", ner_lab_is_b(lab) ? "B" : "I",
             chr_ent_type_name((chr_ent_type)ner_lab_type(lab)));
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: ner_conll FILE\n");
        return 2;
    }
    conll_doc *docs;
    size_t nd;
    if (conll_read(argv[1], &docs, &nd)) {
        perror(argv[1]);
        return 1;
    }
    chr_ner *ner;
    chr_diag dg;
    if (chr_ner_open(&ner, &dg) != CHR_OK) {
        fprintf(stderr, "ner_conll: %s\n", dg.msg);
        return 1;
    }
    for (size_t di = 0; di < nd; di++) {
        conll_doc *cd = &docs[di];
        chr_entities e;
        chr_err err = chr_ner_tag(ner, cd->text, cd->len, cd->sents, cd->nsent, "en", &e);
        if (err != CHR_OK) {
            fprintf(stderr, "ner_conll: document %zu: %s\n", di + 1, chr_strerror(err));
            return 1;
        }
        int *pred = calloc(cd->ntok + 1, sizeof *pred);
        size_t ti = 0;
        for (size_t k = 0; k < e.n_mentions; k++) {
            const chr_mention *mm = &e.mentions[k];
            if (mm->flags & CHR_MENTION_NOMINAL)
                continue;
            while (ti < cd->ntok && cd->tok[ti].end <= mm->start)
                ti++;
            for (size_t q = ti; q < cd->ntok && cd->tok[q].start < mm->end; q++)
                if (!pred[q])
                    pred[q] = q == ti ? ner_lab_b(mm->type) : ner_lab_b(mm->type) + 1;
        }
        for (size_t s = 0; s < cd->nsent; s++) {
            for (size_t q = cd->sent_tok[s]; q < cd->sent_tok[s + 1]; q++) {
                char b1[16], b2[16];
                const conll_tok *t = &cd->tok[q];
                printf("%.*s %s %s\n", (int)(t->end - t->start), cd->text + t->start,
                       lab_name(t->gold, b1), lab_name(pred[q], b2));
            }
            printf("\n");
        }
        free(pred);
        chr_entities_free(&e);
    }
    chr_ner_close(ner);
    conll_free(docs, nd);
    return 0;
}
