/* chronicle CLI — `timeline ID|--all` and `summary ID|--all`: a story's
 * dated, sourced timeline and its extractive summary, as text or JSON.
 * The terminal layout is shared with `run` (overview.c). */
#include <stdlib.h>
#include <string.h>

#include "chronicle/timeline.h"
#include "cli.h"

void cli_print_timeline(FILE *f, const chr_timeline *tl, int width);
int cli_term_width(void);

/* "--opt N" or "--opt=N" at argv[*i], N >= min: 1 and *v set, 0 not this
 * option, -1 bad (said on stderr). */
static int int_opt(int argc, char **argv, int *i, const char *name, int min, int *v)
{
    const char *val = NULL;
    int k = cli_opt_value(argc, argv, i, name, &val);
    if (k <= 0)
        return k;
    int digits = *val != 0;
    for (const char *p = val; *p; p++)
        digits &= *p >= '0' && *p <= '9';
    long x = !digits ? -1 : strlen(val) <= 7 ? strtol(val, NULL, 10) : 1000001;
    if (!digits || x < min) {
        cli_error("%s: %s needs a number >= %d, not '%s'", argv[0], name, min, val);
        return -1;
    }
    if (x > 1000000) {
        cli_error("%s: %s needs a number from %d to 1000000, not '%s'", argv[0], name, min, val);
        return -1;
    }
    *v = (int)x;
    return 1;
}

/* Options of a story command: integers (--top N, at least min) and flags
 * (--truncate). A count of what to keep starts at 1, as `stories --limit`
 * does: "keep none" is no request. */
typedef struct opt_spec {
    const char *name;
    int *value;
    int is_flag;
    int min;
} opt_spec;

/* Parse argv into the options and the story: an ID (*id, 0 included: it
 * is found nowhere) or --all (*id = -1). Returns an exit code for a usage
 * error, else -1. */
static int parse_story_args(int argc, char **argv, cli_opts *g, const opt_spec *opts, int64_t *id)
{
    const char *story = NULL;
    for (int i = 1; i < argc; i++) {
        int k = cli_common_opt(argc, argv, &i, g);
        for (const opt_spec *o = opts; o->name && k == 0; o++) {
            if (o->is_flag)
                k = strcmp(argv[i], o->name) == 0 ? (*o->value = 1) : 0;
            else
                k = int_opt(argc, argv, &i, o->name, o->min, o->value);
        }
        if (k < 0)
            return EXIT_USAGE;
        if (k)
            continue;
        if (!story &&
            (strcmp(argv[i], "--all") == 0 || argv[i][0] != '-' || cli_negative_number(argv[i]))) {
            story = argv[i];
            continue;
        }
        cli_error("%s: unexpected argument '%s'", argv[0], argv[i]);
        return EXIT_USAGE;
    }
    if (!story) {
        cli_error("%s: give a story ID or --all", argv[0]);
        return EXIT_USAGE;
    }
    *id = -1;
    if (strcmp(story, "--all") != 0 && cli_id_arg(argv[0], "story", story, id))
        return EXIT_USAGE;
    return -1;
}

/* What timeline and summary share: build the result on the read-only
 * store, print it as JSON or text, map errors to exit codes. */
typedef struct story_cmd {
    chr_err (*build)(chr_store *st, int64_t id, const void *opts, void **out, chr_diag *d);
    void (*json)(const void *r, chr_json *j);
    void (*text)(const void *r);
    void (*release)(void *r);
} story_cmd;

static int run_story_cmd(const story_cmd *c, const char *cmd, cli_opts *g, int64_t id,
                         const void *opts)
{
    chr_store *st = cli_open_store(g, 1);
    if (!st)
        return EXIT_FATAL;
    void *r = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    /* story 0 is found nowhere (the library reads 0 as the whole database) */
    chr_err e = id != 0 ? c->build(st, id < 0 ? 0 : id, opts, &r, &d) : CHR_ENOTFOUND;
    if (e == CHR_ENOTFOUND && id >= 0) {
        cli_error("%s: no story %lld in %s", cmd, (long long)id, g->db);
        chr_store_close(st);
        return EXIT_INPUT;
    }
    if (e) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "%s: ", cmd);
        cli_diag(&d, prefix);
        chr_store_close(st);
        return e == CHR_ENOTFOUND ? EXIT_INPUT : EXIT_FATAL;
    }
    if (g->json) {
        chr_json j;
        chr_json_init(&j, stdout, 1);
        c->json(r, &j);
        chr_json_end(&j);
    } else {
        c->text(r);
    }
    c->release(r);
    chr_store_close(st);
    return EXIT_OK;
}

static chr_err tl_build(chr_store *st, int64_t id, const void *opts, void **out, chr_diag *d)
{
    return chr_timeline_build(st, id, opts, (chr_timeline **)out, d);
}
static void tl_json(const void *r, chr_json *j)
{
    chr_timeline_write_json(r, j);
}
/* --min-support of the timeline being printed: an empty one says it. */
static int text_min_support;

static void tl_text(const void *r)
{
    const chr_timeline *tl = r;
    if (!tl->n && text_min_support > 1) {
        printf("  (no entry has %d or more independent sources)\n", text_min_support);
        return;
    }
    cli_print_timeline(stdout, r, cli_term_width());
}
static void tl_release(void *r)
{
    chr_timeline_free(r);
}

int cmd_timeline(int argc, char **argv, cli_opts *g)
{
    chr_tl_opts o = {0, 0, 0, 0, 0};
    const opt_spec opts[] = {{"--top", &o.top, 0, 1},
                             {"--sentences", &o.sentences, 0, 0},
                             {"--dates", &o.dates, 0, 1},
                             {"--min-support", &o.min_support, 0, 0},
                             {NULL, NULL, 0, 0}};
    int64_t id;
    int rc = parse_story_args(argc, argv, g, opts, &id);
    if (rc >= 0)
        return rc;
    if (o.top > 0 && o.dates > 0) {
        cli_error("timeline: give --top N (entries; with --all, days) or --dates N (days), "
                  "not both");
        return EXIT_USAGE;
    }
    static const story_cmd c = {tl_build, tl_json, tl_text, tl_release};
    text_min_support = o.min_support;
    return run_story_cmd(&c, "timeline", g, id, &o);
}

/* A summary and the budget asked for. */
#define SUMMARY_WORDS 100

typedef struct sum_result {
    chr_summary *s;
    int words;
} sum_result;

static void sum_release(void *r)
{
    sum_result *x = r;
    if (!x)
        return;
    chr_summary_free(x->s);
    free(x);
}

/* Whatever the budget, the output has the same shape: the story's headline
 * (null only for a story without sentences; the library gives it even when
 * no sentence fits the budget), the summary ("" then) and its sentences
 * ([]). */
static chr_err sum_build(chr_store *st, int64_t id, const void *opts, void **out, chr_diag *d)
{
    const chr_summary_opts *o = opts;
    sum_result *x = calloc(1, sizeof *x);
    if (!x)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, NULL);
    x->words = o->words;
    chr_err e = chr_summary_build(st, id, o, &x->s, d);
    if (e == CHR_OK && x->s->headline && !*x->s->headline)
        x->s->headline = NULL;
    if (e) {
        sum_release(x);
        return e;
    }
    *out = x;
    return CHR_OK;
}
static void sum_json(const void *r, chr_json *j)
{
    chr_summary_write_json(((const sum_result *)r)->s, j);
}
static void sum_text(const void *r)
{
    const sum_result *x = r;
    const chr_summary *s = x->s;
    if (s->headline)
        printf("%s\n\n", s->headline);
    for (size_t i = 0; i < s->n; i++)
        printf("%s\n", s->sentences[i].text);
    if (!s->n && s->headline)
        cli_error("summary: no whole sentence fits in %d word%s (--truncate cuts one to fit)",
                  x->words, x->words == 1 ? "" : "s");
    else if (!s->n)
        cli_error("summary: no sentence to summarise");
}

int cmd_summary(int argc, char **argv, cli_opts *g)
{
    chr_summary_opts o = {SUMMARY_WORDS, 0};
    const opt_spec opts[] = {
        {"--words", &o.words, 0, 1}, {"--truncate", &o.truncate, 1, 0}, {NULL, NULL, 0, 0}};
    int64_t id;
    int rc = parse_story_args(argc, argv, g, opts, &id);
    if (rc >= 0)
        return rc;
    static const story_cmd c = {sum_build, sum_json, sum_text, sum_release};
    return run_story_cmd(&c, "summary", g, id, &o);
}
