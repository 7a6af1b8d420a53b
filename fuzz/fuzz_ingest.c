/* libFuzzer target for the ingest parsers: format detection, the plain-text
 * header, JSON Lines, encoding repair (and HTML/WARC through dispatch), then
 * cleaning (with corpus furniture dropped, a placeholder text replaced by
 * its title), sentence splitting,
 * tokenisation and headlines (cut and clean) of every article read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/clean.h"
#include "chronicle/ingest.h"
#include "chronicle/text.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int odd_hash(void *ctx, uint64_t h)
{
    (void)ctx;
    return (int)(h & 1);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/chr-fuzz-ingest-%d", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    chr_reader *r = NULL;
    chr_diag d;
    if (chr_reader_open(path, &r, &d) != CHR_OK)
        return 0;
    for (int guard = 0; guard < 10000; guard++) {
        chr_article *a = NULL;
        chr_err e = chr_reader_next(r, &a, &d);
        if (e == CHR_OK && !a)
            break;
        if (!a)
            continue;
        chr_doc *doc = NULL;
        if (chr_clean(a, &doc, &d) == CHR_OK) {
            /* corpus furniture: drop every short paragraph whose hash is odd */
            uint64_t *lines = NULL;
            size_t nl = 0;
            int dropped = 0;
            if (chr_doc_short_lines(doc, &lines, &nl) == CHR_OK && !(chr_doc_lead_hash(doc) & 2))
                chr_doc_drop_lines(doc, odd_hash, NULL, &dropped);
            free(lines);
            /* a placeholder text (a short titled one whose paragraphs all
             * have odd hashes here) gives way to its title */
            if (chr_doc_placeholder(doc, odd_hash, NULL) &&
                chr_doc_title_as_text(a, doc, &d) != CHR_OK) {
                chr_doc_free(doc);
                chr_article_free(a);
                continue;
            }
            chr_token *t = NULL;
            size_t n = 0;
            chr_tokenize(doc->clean, doc->clean_len, &t, &n);
            free(t);
            /* each sentence as a headline, as story titles and summaries cut them */
            for (size_t k = 0; k < doc->n_sentences; k++) {
                const char *st = doc->clean + doc->sentences[k].start;
                size_t sl = doc->sentences[k].end - doc->sentences[k].start;
                free(chr_headline_cut(st, sl, 1 + (int)(k % 16)));
                char *h = NULL;
                if (chr_headline_clean(st, sl, 1 + (int)(k % 16), &h) == CHR_OK && h &&
                    strlen(h) > sl)
                    abort(); /* a shortened sentence is never longer */
                free(h);
            }
            chr_doc_free(doc);
        }
        chr_article_free(a);
    }
    chr_reader_close(r);
    return 0;
}
