/* chronicle CLI — `timeline ID|--all` and `summary ID|--all`: a story's
 * dated, sourced timeline and its extractive summary, as text or JSON.
 * The terminal layout is shared with `run` (overview.c). */
#include <stdlib.h>
#include <string.h>

#include "chronicle/timeline.h"
#include "cli.h"

void cli_print_timeline(FILE *f, const chr_timeline *tl, int width);
int cli_term_width(void);

/* "--opt N" or "--opt=N" at argv[*i]: 1 and *v set, 0 not this option, -1 bad. */
static int int_opt(int argc, char **argv, int *i, const char *name, int *v)
{
    size_t n = strlen(name);
    const char *a = argv[*i], *val = NULL;
    if (strcmp(a, name) == 0) {
        if (*i + 1 >= argc)
            return -1;
        val = argv[++*i];
    } else if (strncmp(a, name, n) == 0 && a[n] == '=') {
        val = a + n + 1;
    } else {
        return 0;
    }
    char *end;
    long x = strtol(val, &end, 10);
    if (!*val || *end || x < 0 || x > 1000000)
        return -1;
    *v = (int)x;
    return 1;
}

/* Story argument: a positive id, or --all (0). Returns -1 when missing/bad. */
static int64_t story_arg(const char *s)
{
    if (!s)
        return -1;
    if (strcmp(s, "--all") == 0)
        return 0;
    char *end;
    long long v = strtoll(s, &end, 10);
    return *s && !*end && v > 0 ? (int64_t)v : -1;
}

int cmd_timeline(int argc, char **argv, cli_opts *g)
{
    chr_tl_opts o = {0, 0, 0, 0};
    const char *story = NULL;
    for (int i = 1; i < argc; i++) {
        int k = cli_common_opt(argc, argv, &i, g);
        if (k == 0)
            k = int_opt(argc, argv, &i, "--top", &o.top);
        if (k == 0)
            k = int_opt(argc, argv, &i, "--sentences", &o.sentences);
        if (k == 0)
            k = int_opt(argc, argv, &i, "--dates", &o.dates);
        if (k == 0)
            k = int_opt(argc, argv, &i, "--min-support", &o.min_support);
        if (k < 0) {
            cli_error("timeline: option %s needs a number", argv[i]);
            return EXIT_USAGE;
        }
        if (k)
            continue;
        if (!story && (strcmp(argv[i], "--all") == 0 || argv[i][0] != '-')) {
            story = argv[i];
            continue;
        }
        cli_error("timeline: unexpected argument '%s'", argv[i]);
        return EXIT_USAGE;
    }
    int64_t id = story_arg(story);
    if (id < 0) {
        cli_error("timeline: give a story ID or --all");
        return EXIT_USAGE;
    }
    chr_store *st = cli_open_store(g, 1);
    if (!st)
        return EXIT_FATAL;
    chr_timeline *tl = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = chr_timeline_build(st, id, &o, &tl, &d);
    if (e) {
        cli_diag(&d, NULL);
        chr_store_close(st);
        return e == CHR_ENOTFOUND ? EXIT_INPUT : EXIT_FATAL;
    }
    if (g->json) {
        chr_json j;
        chr_json_init(&j, stdout, 1);
        chr_timeline_write_json(tl, &j);
        chr_json_end(&j);
    } else {
        cli_print_timeline(stdout, tl, cli_term_width());
    }
    chr_timeline_free(tl);
    chr_store_close(st);
    return EXIT_OK;
}

int cmd_summary(int argc, char **argv, cli_opts *g)
{
    chr_summary_opts o = {100, 0};
    const char *story = NULL;
    for (int i = 1; i < argc; i++) {
        int k = cli_common_opt(argc, argv, &i, g);
        if (k == 0)
            k = int_opt(argc, argv, &i, "--words", &o.words);
        if (k < 0) {
            cli_error("summary: option %s needs a number", argv[i]);
            return EXIT_USAGE;
        }
        if (k)
            continue;
        if (strcmp(argv[i], "--truncate") == 0) {
            o.truncate = 1;
            continue;
        }
        if (!story && (strcmp(argv[i], "--all") == 0 || argv[i][0] != '-')) {
            story = argv[i];
            continue;
        }
        cli_error("summary: unexpected argument '%s'", argv[i]);
        return EXIT_USAGE;
    }
    int64_t id = story_arg(story);
    if (id < 0 || o.words < 1) {
        cli_error(id < 0 ? "summary: give a story ID or --all" : "summary: --words must be >= 1");
        return EXIT_USAGE;
    }
    chr_store *st = cli_open_store(g, 1);
    if (!st)
        return EXIT_FATAL;
    chr_summary *s = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = chr_summary_build(st, id, &o, &s, &d);
    if (e) {
        cli_diag(&d, NULL);
        chr_store_close(st);
        return e == CHR_ENOTFOUND ? EXIT_INPUT : EXIT_FATAL;
    }
    if (g->json) {
        chr_json j;
        chr_json_init(&j, stdout, 1);
        chr_summary_write_json(s, &j);
        chr_json_end(&j);
    } else {
        printf("%s\n\n", s->headline);
        for (size_t i = 0; i < s->n; i++)
            printf("%s\n", s->sentences[i].text);
    }
    chr_summary_free(s);
    chr_store_close(st);
    return EXIT_OK;
}
