/* chronicle — entity benchmark (make bench-ner): start-up time (open the
 * built-in model and gazetteers, tag one sentence) and throughput of
 * chr_ner_tag on one core, in tokens/s and MB/s, over the bodies of the
 * Reuters-21578 newswire (SHARED/bench/corpus-reuters21578), or over a
 * paragraph written here, repeated, when that corpus is absent.
 * Usage: ner_bench [SHARED-DIR] [max-MB] */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ner.h"

static double now(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct {
    char **text;
    size_t *len;
    size_t n, cap, bytes;
} corpus;

static void add_doc(corpus *c, const char *s, size_t n)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->text = realloc(c->text, c->cap * sizeof *c->text);
        c->len = realloc(c->len, c->cap * sizeof *c->len);
        if (!c->text || !c->len)
            exit(2);
    }
    /* undo the SGML entities the bodies use */
    char *o = malloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '&') {
            const char *ents[] = {"&lt;", "&gt;", "&amp;", "&#3;"};
            const char rep[] = {'<', '>', '&', 0};
            int hit = 0;
            for (int e = 0; e < 4 && !hit; e++) {
                size_t el = strlen(ents[e]);
                if (i + el <= n && memcmp(s + i, ents[e], el) == 0) {
                    if (rep[e])
                        o[k++] = rep[e];
                    i += el - 1;
                    hit = 1;
                }
            }
            if (hit)
                continue;
        }
        o[k++] = s[i];
    }
    o[k] = '\0';
    c->text[c->n] = o;
    c->len[c->n++] = k;
    c->bytes += k;
}

static void load_reuters(const char *shared, corpus *c, size_t max_bytes)
{
    char pat[4096];
    snprintf(pat, sizeof pat, "%s/bench/corpus-reuters21578/reut2-*.sgm", shared);
    glob_t g;
    if (glob(pat, 0, NULL, &g) != 0)
        return;
    for (size_t f = 0; f < g.gl_pathc && c->bytes < max_bytes; f++) {
        FILE *fp = fopen(g.gl_pathv[f], "rb");
        if (!fp)
            continue;
        fseek(fp, 0, SEEK_END);
        long sz = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        char *buf = malloc((size_t)sz + 1);
        size_t got = fread(buf, 1, (size_t)sz, fp);
        buf[got] = '\0';
        fclose(fp);
        for (char *p = buf; (p = strstr(p, "<BODY>")) && c->bytes < max_bytes;) {
            p += 6;
            char *e = strstr(p, "</BODY>");
            if (!e)
                break;
            add_doc(c, p, (size_t)(e - p));
            p = e;
        }
        free(buf);
    }
    globfree(&g);
}

static const char *PARA =
    "MOSCOW, May 14 (Reuters) - Russian President Vladimir Putin will visit China on May "
    "16-17 for talks with Chinese President Xi Jinping, the Kremlin said on Tuesday. Putin, "
    "who began a new six-year term last week, will also meet Premier Li Qiang and travel to "
    "Harbin, where he is to attend the opening of a trade fair. Foreign Minister Sergei Lavrov "
    "said the two countries would discuss cooperation within the United Nations, the Shanghai "
    "Cooperation Organisation and BRICS. Shares of Gazprom rose 2.1 percent to 165.3 roubles "
    "in Moscow trading, while the rouble firmed against the dollar.\n";

int main(int argc, char **argv)
{
    const char *shared = argc > 1 ? argv[1] : "../shared";
    size_t max_mb = argc > 2 ? (size_t)atoi(argv[2]) : 64;
    double t0 = now(CLOCK_MONOTONIC);
    chr_ner *ner;
    chr_diag dg;
    if (chr_ner_open(&ner, &dg) != CHR_OK)
        return 1;
    chr_entities e;
    const char *s = "Chinese President Xi Jinping met Vladimir Putin in Beijing.";
    if (chr_ner_tag(ner, s, strlen(s), NULL, 0, "en", &e) != CHR_OK)
        return 1;
    double t1 = now(CLOCK_MONOTONIC);
    chr_entities_free(&e);
    printf("start-up (open model and gazetteers, tag one sentence): %.2f ms\n", (t1 - t0) * 1e3);
    printf("model: %zu features; gazetteer: %zu keys\n", ner_model_nfeats(ner_model_builtin()),
           ner_gaz_size());

    corpus c = {0};
    load_reuters(shared, &c, max_mb << 20);
    const char *src = "Reuters-21578 bodies";
    if (c.n == 0) {
        src = "built-in paragraph x 20000 (Reuters-21578 not found)";
        for (int i = 0; i < 20000; i++)
            add_doc(&c, PARA, strlen(PARA));
    }
    size_t tokens = 0, mentions = 0;
    for (size_t i = 0; i < c.n; i++) {
        ner_tok *t = NULL;
        size_t n = 0, cap = 0;
        ner_tokenize(c.text[i], 0, c.len[i], &t, &n, &cap);
        tokens += n;
        free(t);
    }
    /* warm-up on the first documents, then one timed pass on this core */
    for (size_t i = 0; i < c.n && i < 200; i++) {
        chr_ner_tag(ner, c.text[i], c.len[i], NULL, 0, "en", &e);
        chr_entities_free(&e);
    }
    double c0 = now(CLOCK_PROCESS_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC);
    for (size_t i = 0; i < c.n; i++) {
        if (chr_ner_tag(ner, c.text[i], c.len[i], NULL, 0, "en", &e) != CHR_OK)
            return 1;
        mentions += e.n_mentions;
        chr_entities_free(&e);
    }
    double c1 = now(CLOCK_PROCESS_CPUTIME_ID), w1 = now(CLOCK_MONOTONIC);
    double sec = c1 - c0;
    printf("corpus: %s: %zu documents, %.1f MB, %zu tokens, %zu mentions\n", src, c.n,
           (double)c.bytes / 1e6, tokens, mentions);
    printf("throughput (one core, CPU time %.2f s, wall %.2f s): %.0f tokens/s, %.2f MB/s\n", sec,
           w1 - w0, (double)tokens / sec, (double)c.bytes / 1e6 / sec);
    for (size_t i = 0; i < c.n; i++)
        free(c.text[i]);
    free(c.text);
    free(c.len);
    chr_ner_close(ner);
    return 0;
}
