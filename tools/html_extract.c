/* chronicle — html_extract: evaluation and benchmark driver for the HTML
 * extractor (built by mk/html.mk; used by eval/html_eval.py and make
 * bench-html). Not installed; the user-facing command is `chronicle extract`.
 *   html_extract FILE...          one JSON object per line per page
 *   html_extract --bench N FILE...  parse+extract N times, print MB/s
 * Files may be gzip-compressed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <zlib.h>

#include "chronicle/html.h"

/* Whole file, gunzipped when compressed (gzread passes plain files). */
static char *slurp(const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    for (;;) {
        if (!b)
            break;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
        }
        int r = gzread(f, b + n, (unsigned)(cap - n));
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    gzclose(f);
    *len = n;
    return b;
}

static void set(json_t *o, const char *k, const char *v)
{
    json_object_set_new(o, k, v ? json_string(v) : json_null());
}

static int extract_all(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        size_t len;
        char *buf = slurp(argv[i], &len);
        if (!buf) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 1;
        }
        chr_article *a = NULL;
        chr_diag d;
        chr_err e = chr_html_extract(buf, len, NULL, NULL, &a, &d);
        json_t *o = json_object();
        set(o, "file", argv[i]);
        if (e == CHR_OK) {
            set(o, "title", a->title);
            set(o, "text", a->text);
            set(o, "pub_date", a->pub_date);
            set(o, "author", a->author);
            set(o, "outlet", a->outlet);
            set(o, "url", a->url);
            set(o, "lang", a->lang);
            chr_article_free(a);
        } else {
            set(o, "text", "");
            set(o, "error", chr_strerror(e));
        }
        char *s = json_dumps(o, JSON_COMPACT);
        puts(s);
        free(s);
        json_decref(o);
        free(buf);
    }
    return 0;
}

static int bench(int reps, int argc, char **argv)
{
    char **bufs = calloc((size_t)argc, sizeof *bufs);
    size_t *lens = calloc((size_t)argc, sizeof *lens);
    size_t total = 0;
    for (int i = 0; i < argc; i++) {
        bufs[i] = slurp(argv[i], &lens[i]);
        if (!bufs[i]) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 1;
        }
        total += lens[i];
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    long pages = 0, empty = 0;
    for (int r = 0; r < reps; r++)
        for (int i = 0; i < argc; i++) {
            chr_article *a = NULL;
            if (chr_html_extract(bufs[i], lens[i], NULL, NULL, &a, NULL) == CHR_OK)
                chr_article_free(a);
            else
                empty++;
            pages++;
        }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double mb = (double)total * reps / 1e6;
    printf("html: %ld pages, %.1f MB of HTML, %.3f s CPU, %.1f MB/s per core, %.2f ms/page"
           " (%ld without text)\n",
           pages, mb, s, mb / s, s * 1000 / (double)pages, empty);
    for (int i = 0; i < argc; i++)
        free(bufs[i]);
    free(bufs);
    free(lens);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "--bench") == 0)
        return bench(atoi(argv[2]) > 0 ? atoi(argv[2]) : 1, argc - 3, argv + 3);
    if (argc < 2) {
        fprintf(stderr, "usage: html_extract [--bench N] FILE...\n");
        return 2;
    }
    return extract_all(argc - 1, argv + 1);
}
