/* chronicle CLI — `search WORDS... [--json] [--limit N]`: the stored
 * articles that match the words (full text, chr_search), best first, each
 * with its story and a snippet. Words are as a search box takes them:
 * "quoted phrases", prefix*, OR. Exit 1 when nothing matches. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/cluster.h"
#include "cli.h"
#include "pad.h"

typedef struct hits {
    chr_json *j; /* --json, else NULL */
    int tty;     /* stdout takes styling (cli_styled): matched words in bold */
    long n;
} hits;

/* The snippet on one line: U+0002/U+0003 around matches become bold on a
 * terminal and nothing elsewhere; line breaks become spaces. */
static void print_snippet(const char *s, int tty)
{
    fputs("         ", stdout);
    for (; s && *s; s++) {
        if (*s == '\x02' || *s == '\x03') {
            if (tty)
                fputs(*s == '\x02' ? "\033[1m" : "\033[0m", stdout);
        } else {
            putchar(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s);
        }
    }
    putchar('\n');
}

static int on_hit(void *ctx, const chr_search_hit *h)
{
    hits *x = ctx;
    x->n++;
    if (x->j) {
        chr_search_hit_json(x->j, h);
        return 0;
    }
    if (x->n == 1) /* the header over the first hit: none over an error or no hit */
        printf("%5s  %-10s  %6s  %-12s  %s\n", "ID", "PUB DATE", "STORY", "OUTLET", "TITLE");
    char story[24] = "-";
    if (h->story)
        snprintf(story, sizeof story, "%lld", (long long)h->story);
    printf("%5lld  %-10s  %6s  ", (long long)h->id, h->pub_date ? h->pub_date : "-", story);
    cli_column(stdout, h->outlet && *h->outlet ? h->outlet : "-", 12, 1);
    printf("  %s\n", h->title ? h->title : h->source ? h->source : "");
    print_snippet(h->snippet, x->tty);
    return 0;
}

int cmd_search(int argc, char **argv, cli_opts *g)
{
    long limit = 20;
    size_t len = 1;
    for (int i = 1; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *words = calloc(1, len);
    if (!words) {
        cli_error("search: out of memory");
        return EXIT_FATAL;
    }
    int words_only = 0; /* after "--" */
    for (int i = 1; i < argc; i++) {
        if (!words_only && strcmp(argv[i], "--") == 0) {
            words_only = 1;
            continue;
        }
        if (words_only) {
            if (*words)
                strcat(words, " ");
            strcat(words, argv[i]);
            continue;
        }
        int k = cli_common_opt(argc, argv, &i, g);
        if (k == 0)
            k = cli_count_opt(argc, argv, &i, "--limit", &limit);
        if (k < 0) {
            free(words);
            return EXIT_USAGE;
        }
        if (k)
            continue;
        if (argv[i][0] == '-' && argv[i][1] == '-') {
            cli_error("search: unknown option '%s'", argv[i]);
            free(words);
            return EXIT_USAGE;
        }
        if (*words)
            strcat(words, " ");
        strcat(words, argv[i]);
    }
    char *fts = chr_search_query(words);
    if (!fts) {
        cli_error("search: give the words to search for");
        free(words);
        return EXIT_USAGE;
    }
    free(fts);
    chr_store *st = cli_open_store(g, 1);
    if (!st) {
        free(words);
        return EXIT_FATAL;
    }
    chr_json j;
    hits x = {NULL, cli_styled(STDOUT_FILENO), 0};
    if (g->json) {
        chr_json_init(&j, stdout, 0);
        chr_json_begin_array(&j);
        x.j = &j;
    }
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = chr_search(st, words, limit, 0, on_hit, &x, &d);
    if (g->json) {
        chr_json_end_array(&j);
        chr_json_end(&j);
    }
    chr_store_close(st);
    free(words);
    if (e) {
        cli_error("search: %s", d.msg[0] ? d.msg : chr_strerror(e));
        return e == CHR_EINVAL ? EXIT_USAGE : EXIT_FATAL;
    }
    if (!x.n && !g->json && !g->quiet)
        cli_error("search: no article matches");
    return x.n ? EXIT_OK : EXIT_INPUT;
}
