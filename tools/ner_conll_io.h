/* chronicle — CoNLL-2003 reading for the entity tools (trainer, eval
 * driver). Owns turning a 4-column IOB1 file (LF or CRLF) into documents:
 * the tokens joined by spaces, sentences by newlines, as `chronicle tag`
 * would see text, with each token's byte span and IOB2 gold label. Header
 * only: static functions, included by tools/ner_*.c. */
#ifndef CHR_NER_CONLL_IO_H
#define CHR_NER_CONLL_IO_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner.h"

typedef struct conll_tok {
    size_t start, end; /* byte span in the document text */
    int gold;          /* IOB2 label index (0 = O) */
} conll_tok;

typedef struct conll_doc {
    char *text;
    size_t len;
    conll_tok *tok;
    size_t ntok;
    chr_span *sents;  /* byte spans of sentences */
    size_t *sent_tok; /* first token of each sentence; sent_tok[nsent] = ntok */
    size_t nsent;
} conll_doc;

static int conll_type(const char *lab)
{
    const char *t = lab + 2;
    if (strlen(lab) < 3 || lab[1] != '-')
        return -1;
    if (strcmp(t, "PER") == 0)
        return CHR_ENT_PER;
    if (strcmp(t, "LOC") == 0)
        return CHR_ENT_LOC;
    if (strcmp(t, "ORG") == 0)
        return CHR_ENT_ORG;
    if (strcmp(t, "MISC") == 0)
        return CHR_ENT_MISC;
    return -1;
}

static void *conll_grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t nc = *cap ? *cap : 16;
    while (nc < need)
        nc *= 2;
    void *np = realloc(p, nc * size);
    if (!np) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    *cap = nc;
    return np;
}

static void conll_free(conll_doc *d, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(d[i].text);
        free(d[i].tok);
        free(d[i].sents);
        free(d[i].sent_tok);
    }
    free(d);
}

/* Read a CoNLL file into *docs (malloc'd array of *ndocs). Returns 0 or -1
 * when the file cannot be opened. */
static int conll_read(const char *path, conll_doc **docs, size_t *ndocs)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    conll_doc *dv = NULL;
    size_t nd = 0, capd = 0;
    size_t capt = 0, caps = 0, capst = 0, capx = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t ll;
    conll_doc *cur = NULL;
    int in_sent = 0, prev_type = -1;
    for (;;) {
        ll = getline(&line, &lcap, f);
        if (ll > 0) {
            while (ll > 0 && (line[ll - 1] == '\n' || line[ll - 1] == '\r'))
                line[--ll] = '\0';
        }
        int eof = ll < 0;
        int docstart = !eof && strncmp(line, "-DOCSTART-", 10) == 0;
        if (eof || docstart || ll == 0) {
            if (cur && in_sent) { /* close sentence */
                cur->sents[cur->nsent - 1].end = cur->len;
                cur->text = conll_grow(cur->text, &capx, cur->len + 2, 1);
                cur->text[cur->len++] = '\n';
                cur->text[cur->len] = '\0';
                in_sent = 0;
            }
            if (eof)
                break;
            if (docstart) {
                if (cur)
                    cur->sent_tok[cur->nsent] = cur->ntok;
                dv = conll_grow(dv, &capd, nd + 1, sizeof *dv);
                cur = &dv[nd++];
                memset(cur, 0, sizeof *cur);
                capt = caps = capst = capx = 0;
                cur->text = conll_grow(NULL, &capx, 256, 1);
                cur->text[0] = '\0';
                cur->sent_tok = conll_grow(NULL, &capst, 2, sizeof(size_t));
            }
            continue;
        }
        if (!cur) { /* file without -DOCSTART- */
            dv = conll_grow(dv, &capd, nd + 1, sizeof *dv);
            cur = &dv[nd++];
            memset(cur, 0, sizeof *cur);
            capt = caps = capst = capx = 0;
            cur->text = conll_grow(NULL, &capx, 256, 1);
            cur->text[0] = '\0';
            cur->sent_tok = conll_grow(NULL, &capst, 2, sizeof(size_t));
        }
        char *sp = strchr(line, ' ');
        char *lab = strrchr(line, ' ');
        if (!sp || !lab)
            continue;
        *sp = '\0';
        lab++;
        if (!in_sent) {
            cur->sents = conll_grow(cur->sents, &caps, cur->nsent + 1, sizeof *cur->sents);
            cur->sent_tok = conll_grow(cur->sent_tok, &capst, cur->nsent + 2, sizeof(size_t));
            cur->sents[cur->nsent].start = cur->len;
            cur->sent_tok[cur->nsent] = cur->ntok;
            cur->nsent++;
            in_sent = 1;
            prev_type = -1;
        } else {
            cur->text = conll_grow(cur->text, &capx, cur->len + 2, 1);
            cur->text[cur->len++] = ' ';
        }
        size_t wl = strlen(line);
        cur->text = conll_grow(cur->text, &capx, cur->len + wl + 2, 1);
        memcpy(cur->text + cur->len, line, wl);
        cur->tok = conll_grow(cur->tok, &capt, cur->ntok + 1, sizeof *cur->tok);
        conll_tok *t = &cur->tok[cur->ntok++];
        t->start = cur->len;
        t->end = cur->len + wl;
        cur->len += wl;
        cur->text[cur->len] = '\0';
        int type = conll_type(lab);
        if (type < 0) {
            t->gold = 0;
        } else {
            int b = lab[0] == 'B' || prev_type != type;
            t->gold = b ? ner_lab_b(type) : ner_lab_b(type) + 1;
        }
        prev_type = type;
    }
    if (cur)
        cur->sent_tok[cur->nsent] = cur->ntok;
    free(line);
    fclose(f);
    *docs = dv;
    *ndocs = nd;
    return 0;
}

#endif
