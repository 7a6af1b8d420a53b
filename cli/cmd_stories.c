/* chronicle CLI — `stories` (every story: title, size, span, entities and
 * its articles) and `story ID` (one story, near-duplicates folded under
 * their canonical article). Text for people, --json for tools. */
#include <stdlib.h>
#include <string.h>

#include "chronicle/cluster.h"
#include "cli.h"

char *cli_story_title(chr_store *st, int64_t id);

/* Longest title shown (bytes), as GET /api/stories cuts it (docs/api.md). */
#define TITLE_MAX 200

/* A story's title as every command shows it: the story step's choice
 * (chr_story_info.title), past TITLE_MAX bytes cut at a space (in the
 * second half) with "…", as the API does. malloc'd; NULL for none. */
static char *show_title(const char *t)
{
    if (!t)
        return NULL;
    size_t n = strlen(t);
    while (n && (t[n - 1] == ' ' || t[n - 1] == '\n' || t[n - 1] == '\t' || t[n - 1] == '\r'))
        n--;
    size_t cut = n;
    if (n > TITLE_MAX) {
        cut = TITLE_MAX;
        while (cut > TITLE_MAX / 2 && t[cut] != ' ')
            cut--;
        while (cut && ((unsigned char)t[cut] & 0xC0) == 0x80)
            cut--;
    }
    char *out = malloc(cut + 4);
    if (!out)
        return NULL;
    memcpy(out, t, cut);
    memcpy(out + cut, cut < n ? "\xE2\x80\xA6" : "", cut < n ? 4 : 1); /* … */
    return out;
}

static int take_title(void *ctx, const chr_story_info *s)
{
    *(char **)ctx = show_title(s->title);
    return 1;
}

/* The title of story id as `stories` shows it (for `run`); malloc'd, NULL
 * when none or no such story. */
char *cli_story_title(chr_store *st, int64_t id)
{
    char *t = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_story_get(st, id, take_title, &t, &d) != CHR_OK) {
        free(t);
        return NULL;
    }
    return t;
}

typedef struct out_ctx {
    chr_json j;
    int json;
    int one; /* `story ID` */
    long count;
    long limit; /* stories to list, -1 all */
} out_ctx;

static void json_entities(chr_json *j, const chr_story_info *s)
{
    chr_json_key(j, "entities");
    chr_json_begin_array(j);
    for (size_t i = 0; i < s->n_entities; i++)
        chr_json_string(j, s->entities[i].name);
    chr_json_end_array(j);
}

static void json_story(out_ctx *o, const chr_story_info *s, const char *title)
{
    chr_json *j = &o->j;
    chr_json_begin_object(j);
    chr_json_kint(j, "id", s->id);
    chr_json_kstring(j, "title", title);
    chr_json_kint(j, "size", s->size);
    if (o->one)
        chr_json_kint(j, "unique", s->n_unique);
    chr_json_kstring(j, "first", s->first[0] ? s->first : NULL);
    chr_json_kstring(j, "last", s->last[0] ? s->last : NULL);
    json_entities(j, s);
    chr_json_key(j, "articles");
    chr_json_begin_array(j);
    for (size_t i = 0; i < s->n_articles; i++) {
        const chr_story_article *a = &s->articles[i];
        if (o->one && a->duplicate_of)
            continue; /* listed under their canonical article below */
        chr_json_begin_object(j);
        chr_json_kint(j, "id", a->id);
        chr_json_kstring(j, "source", a->source);
        chr_json_kstring(j, "ext_id", a->ext_id);
        if (a->duplicate_of)
            chr_json_kint(j, "duplicate_of", a->duplicate_of);
        else {
            chr_json_key(j, "duplicate_of");
            chr_json_null(j);
        }
        if (a->copy) {
            chr_json_key(j, "copy");
            chr_json_bool(j, 1);
        }
        if (o->one) {
            chr_json_kstring(j, "title", a->title);
            chr_json_kstring(j, "pub_date", a->pub_date);
            chr_json_kdouble(j, "similarity", a->similarity);
            chr_json_key(j, "duplicates");
            chr_json_begin_array(j);
            for (size_t k = 0; k < s->n_articles; k++) {
                if (s->articles[k].duplicate_of != a->id)
                    continue;
                chr_json_begin_object(j);
                chr_json_kint(j, "id", s->articles[k].id);
                chr_json_kstring(j, "source", s->articles[k].source);
                chr_json_kstring(j, "ext_id", s->articles[k].ext_id);
                chr_json_kstring(j, "pub_date", s->articles[k].pub_date);
                chr_json_kint(j, "duplicate_of", a->id); /* as `stories --json` says */
                if (s->articles[k].copy) {
                    chr_json_key(j, "copy");
                    chr_json_bool(j, 1);
                }
                chr_json_end_object(j);
            }
            chr_json_end_array(j);
        }
        chr_json_end_object(j);
    }
    chr_json_end_array(j);
    chr_json_end_object(j);
}

static const char *or_dash(const char *s)
{
    return s && *s ? s : "-";
}

/* The story's publication span, in a column of width (0: as long as it is). */
static void text_span(const chr_story_info *s, int width)
{
    char b[64];
    if (!s->first[0])
        snprintf(b, sizeof b, "undated");
    else if (strcmp(s->first, s->last) == 0)
        snprintf(b, sizeof b, "%s", s->first);
    else
        snprintf(b, sizeof b, "%s .. %s", s->first, s->last);
    printf("%-*s", width, b);
}

/* "2024-04-09 .. 2024-05-15": the column of the stories' spans */
#define SPAN_WIDTH 24

static void text_entities(const chr_story_info *s, size_t max)
{
    if (!s->n_entities)
        return;
    printf("      entities: ");
    for (size_t i = 0; i < s->n_entities && i < max; i++)
        printf("%s%s", i ? ", " : "", s->entities[i].name);
    printf("\n");
}

static void text_story_line(const chr_story_info *s, const char *title)
{
    printf("%6lld  %4ld  ", (long long)s->id, s->size);
    text_span(s, SPAN_WIDTH);
    printf("  %s\n", title ? title : "(no title)");
}

static void text_story(const chr_story_info *s, const char *title)
{
    printf("story %lld: %s\n", (long long)s->id, title ? title : "(no title)");
    printf("  %ld article%s (%ld after folding near-duplicates), ", s->size,
           s->size == 1 ? "" : "s", s->n_unique);
    text_span(s, 0);
    printf("\n");
    text_entities(s, 10);
    printf("\n%6s  %-10s  %s\n", "ID", "PUB DATE", "SOURCE / TITLE");
    for (size_t i = 0; i < s->n_articles; i++) {
        const chr_story_article *a = &s->articles[i];
        if (a->duplicate_of)
            continue;
        printf("%6lld  %-10s  ", (long long)a->id, or_dash(a->pub_date));
        cli_put_plain(stdout, a->source);
        if (a->title) {
            fputs("  ", stdout);
            cli_put_plain(stdout, a->title);
        }
        fputc('\n', stdout);
        for (size_t k = 0; k < s->n_articles; k++) {
            const chr_story_article *c = &s->articles[k];
            if (c->duplicate_of != a->id)
                continue;
            if (c->copy)
                printf("%6s  %-10s    = copy: ", "", or_dash(c->pub_date));
            else
                printf("%6s  %-10s    = %lld near-duplicate: ", "", or_dash(c->pub_date),
                       (long long)c->id);
            cli_put_plain(stdout, c->source);
            fputc('\n', stdout);
        }
    }
}

static int on_story(void *ctx, const chr_story_info *s)
{
    out_ctx *o = ctx;
    if (o->limit >= 0 && o->count >= o->limit)
        return 1;
    o->count++;
    char *title = show_title(s->title);
    if (o->json)
        json_story(o, s, title);
    else if (o->one)
        text_story(s, title);
    else {
        text_story_line(s, title);
        text_entities(s, 6);
    }
    free(title);
    return 0;
}

/* Common options, --limit N when limit is given, and one optional
 * positional argument when arg is. */
static int parse(int argc, char **argv, cli_opts *g, const char **arg, long *limit)
{
    for (int i = 1; i < argc; i++) {
        int k = cli_common_opt(argc, argv, &i, g);
        if (k == 0 && limit)
            k = cli_count_opt(argc, argv, &i, "--limit", limit);
        if (k < 0)
            return EXIT_USAGE;
        if (k)
            continue;
        if (arg && !*arg && (argv[i][0] != '-' || cli_negative_number(argv[i]))) {
            *arg = argv[i];
            continue;
        }
        cli_error("%s: unexpected argument '%s'", argv[0], argv[i]);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

int cmd_stories(int argc, char **argv, cli_opts *g)
{
    long limit = -1;
    int rc = parse(argc, argv, g, NULL, &limit);
    if (rc)
        return rc;
    chr_store *st = cli_open_store(g, 1);
    if (!st)
        return EXIT_FATAL;
    out_ctx o = {.json = g->json, .limit = limit};
    chr_json_init(&o.j, stdout, 0);
    if (o.json)
        chr_json_begin_array(&o.j);
    else
        printf("%6s  %4s  %-*s  %s\n", "STORY", "SIZE", SPAN_WIDTH, "PUBLISHED", "TITLE");
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = chr_story_foreach(st, on_story, &o, &d);
    if (o.json) {
        chr_json_end_array(&o.j);
        chr_json_end(&o.j);
    }
    chr_store_close(st);
    if (e) {
        cli_diag(&d, "stories");
        return EXIT_FATAL;
    }
    if (!o.json && o.count == 0)
        printf("%6s  (no stories yet: 'chronicle ingest PATH' reads articles)\n", "");
    return EXIT_OK;
}

int cmd_story(int argc, char **argv, cli_opts *g)
{
    const char *arg = NULL;
    int rc = parse(argc, argv, g, &arg, NULL);
    if (rc)
        return rc;
    int64_t id = 0;
    if (!arg) {
        cli_error("story: give a story ID (see 'chronicle stories')");
        return EXIT_USAGE;
    }
    if (cli_id_arg("story", "story", arg, &id))
        return EXIT_USAGE;
    chr_store *st = cli_open_store(g, 1);
    if (!st)
        return EXIT_FATAL;
    out_ctx o = {.json = g->json, .one = 1, .limit = -1};
    chr_json_init(&o.j, stdout, 0);
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = id > 0 ? chr_story_get(st, id, on_story, &o, &d) : CHR_ENOTFOUND;
    if (o.json && e == CHR_OK)
        chr_json_end(&o.j);
    chr_store_close(st);
    if (e == CHR_ENOTFOUND) {
        cli_error("story: no story %lld in %s", (long long)id, g->db);
        return EXIT_INPUT;
    }
    if (e) {
        cli_diag(&d, "story");
        return EXIT_FATAL;
    }
    return EXIT_OK;
}
