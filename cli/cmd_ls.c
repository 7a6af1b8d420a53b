/* chronicle CLI — `ls` (stored articles) and `show ID` (one article with its
 * clean text, sentences and marked date expressions). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cli.h"
#include "pad.h"

#define ARTICLE_COLS                                                                               \
    "a.id, a.source, a.outlet, a.title, a.pub_date, a.pub_date_source,"                            \
    " (SELECT count(*) FROM sentences s WHERE s.article_id = a.id), a.lang, a.url, a.ext_id,"      \
    " a.hash, a.pub_date_confidence, a.dateline_place, a.dateline_agency, a.format, a.author"

/* The fields shared by `ls --json` entries and `show --json`. */
static void json_article_fields(chr_json *j, sqlite3_stmt *q, int with_count)
{
    chr_json_kint(j, "id", sqlite3_column_int64(q, 0));
    chr_json_kstring(j, "source", (const char *)sqlite3_column_text(q, 1));
    chr_json_kstring(j, "outlet", (const char *)sqlite3_column_text(q, 2));
    chr_json_kstring(j, "title", (const char *)sqlite3_column_text(q, 3));
    chr_json_kstring(j, "pub_date", (const char *)sqlite3_column_text(q, 4));
    chr_json_kstring(j, "pub_date_source", (const char *)sqlite3_column_text(q, 5));
    if (sqlite3_column_type(q, 11) != SQLITE_NULL)
        chr_json_kdouble(j, "pub_date_confidence", sqlite3_column_double(q, 11));
    if (with_count)
        chr_json_kint(j, "sentences", sqlite3_column_int64(q, 6));
    chr_json_kstring(j, "lang", (const char *)sqlite3_column_text(q, 7));
    chr_json_kstring(j, "url", (const char *)sqlite3_column_text(q, 8));
    chr_json_kstring(j, "ext_id", (const char *)sqlite3_column_text(q, 9));
    chr_json_kstring(j, "author", (const char *)sqlite3_column_text(q, 15));
    chr_json_kstring(j, "format", (const char *)sqlite3_column_text(q, 14));
    chr_json_kstring(j, "hash", (const char *)sqlite3_column_text(q, 10));
}

static const char *or_dash(const unsigned char *s)
{
    return s && *s ? (const char *)s : "-";
}

int cmd_ls(int argc, char **argv, cli_opts *g)
{
    long limit = -1;
    for (int i = 1; i < argc; i++) {
        int k = cli_common_opt(argc, argv, &i, g);
        if (k == 0)
            k = cli_count_opt(argc, argv, &i, "--limit", &limit);
        if (k < 0)
            return EXIT_USAGE;
        if (k)
            continue;
        cli_error("ls: unexpected argument '%s'", argv[i]);
        return EXIT_USAGE;
    }
    chr_store *st = cli_open_store(g, 1);
    if (!st)
        return EXIT_FATAL;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(chr_store_sqlite(st),
                           "SELECT " ARTICLE_COLS " FROM articles a ORDER BY a.id LIMIT ?1", -1, &q,
                           NULL) != SQLITE_OK) {
        cli_error("%s: %s", g->db, sqlite3_errmsg(chr_store_sqlite(st)));
        chr_store_close(st);
        return EXIT_FATAL;
    }
    sqlite3_bind_int64(q, 1, limit);
    chr_json j;
    chr_json_init(&j, stdout, 0);
    if (g->json)
        chr_json_begin_array(&j);
    else
        printf("%5s  %-10s  %-3s %-12s %4s  %s\n", "ID", "PUB DATE", "", "OUTLET", "SENT",
               "SOURCE / TITLE");
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (g->json) {
            chr_json_begin_object(&j);
            json_article_fields(&j, q, 1);
            chr_json_end_object(&j);
            continue;
        }
        const char *src = (const char *)sqlite3_column_text(q, 5);
        const char *mark = !src ? "" : strcmp(src, "inferred") == 0 ? "~" : "";
        const unsigned char *title = sqlite3_column_text(q, 3);
        printf("%5lld  %-10s  %-3s ", (long long)sqlite3_column_int64(q, 0),
               or_dash(sqlite3_column_text(q, 4)), mark);
        cli_column(stdout, or_dash(sqlite3_column_text(q, 2)), 12, 1);
        printf(" %4d  ", sqlite3_column_int(q, 6));
        cli_put_plain(stdout, (const char *)sqlite3_column_text(q, 1));
        if (title) {
            fputs("  ", stdout);
            cli_put_plain(stdout, (const char *)title);
        }
        fputc('\n', stdout);
    }
    sqlite3_finalize(q);
    if (g->json) {
        chr_json_end_array(&j);
        chr_json_end(&j);
    }
    chr_store_close(st);
    return EXIT_OK;
}

/* Resolve an article reference: a row id, else an external id (a JSON
 * Lines "id", numbers included: "17", or one of 20 digits), a source path
 * or a hash prefix. Returns 0 when not found. */
static sqlite3_int64 find_article(sqlite3 *db, const char *ref)
{
    sqlite3_stmt *q;
    sqlite3_int64 id = 0;
    int numeric = *ref != 0;
    for (const char *p = ref; *p; p++)
        numeric &= isdigit((unsigned char)*p) != 0;
    if (numeric && sqlite3_prepare_v2(db, "SELECT id FROM articles WHERE id = ?1", -1, &q, NULL) ==
                       SQLITE_OK) {
        errno = 0;
        long long v = strtoll(ref, NULL, 10);
        if (errno != ERANGE) {
            sqlite3_bind_int64(q, 1, v);
            if (sqlite3_step(q) == SQLITE_ROW)
                id = sqlite3_column_int64(q, 0);
        }
        sqlite3_finalize(q);
        if (id)
            return id;
    }
    if (sqlite3_prepare_v2(db,
                           "SELECT id FROM articles WHERE ext_id = ?1 OR source = ?1"
                           " OR (length(?1) >= 8 AND hash LIKE ?1 || '%') ORDER BY id LIMIT 1",
                           -1, &q, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW)
        id = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return id;
}

typedef struct span_row {
    int64_t start, end;
    int64_t sentence;
    char type[16];
    char value[64], end_value[64];
} span_row;

static span_row *load_timexes(sqlite3 *db, sqlite3_int64 id, size_t *n)
{
    sqlite3_stmt *q;
    span_row *v = NULL;
    size_t nv = 0, cap = 0;
    *n = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT start, end, sentence, type, value, end_value FROM timexes"
                           " WHERE article_id = ?1 ORDER BY start",
                           -1, &q, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(q, 1, id);
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (nv == cap) {
            cap = cap ? cap * 2 : 16;
            span_row *nr = realloc(v, cap * sizeof *nr);
            if (!nr)
                break;
            v = nr;
        }
        span_row *r = &v[nv++];
        memset(r, 0, sizeof *r);
        r->start = sqlite3_column_int64(q, 0);
        r->end = sqlite3_column_int64(q, 1);
        r->sentence = sqlite3_column_int64(q, 2);
        snprintf(r->type, sizeof r->type, "%s", or_dash(sqlite3_column_text(q, 3)));
        snprintf(r->value, sizeof r->value, "%s", or_dash(sqlite3_column_text(q, 4)));
        if (sqlite3_column_type(q, 5) != SQLITE_NULL)
            snprintf(r->end_value, sizeof r->end_value, "%s", sqlite3_column_text(q, 5));
    }
    sqlite3_finalize(q);
    *n = nv;
    return v;
}

int cmd_show(int argc, char **argv, cli_opts *g)
{
    const char *ref = NULL;
    int dashdash = 0; /* after "--" an input's id may open with '-' ("-w17") */
    for (int i = 1; i < argc; i++) {
        if (!dashdash && strcmp(argv[i], "--") == 0) {
            dashdash = 1;
            continue;
        }
        int k = dashdash ? 0 : cli_common_opt(argc, argv, &i, g);
        if (k < 0)
            return EXIT_USAGE;
        if (k)
            continue;
        if ((argv[i][0] == '-' && !dashdash && !cli_negative_number(argv[i])) || ref) {
            cli_error("show: unexpected argument '%s'", argv[i]);
            return EXIT_USAGE;
        }
        ref = argv[i];
    }
    if (!ref) {
        cli_error("show: give an article ID (see 'chronicle ls')");
        return EXIT_USAGE;
    }
    if (!*ref) {
        cli_error("show: '%s' is not an article ID (a number, an input's id, a source or a hash: "
                  "see 'chronicle ls')",
                  ref);
        return EXIT_USAGE;
    }
    chr_store *st = cli_open_store(g, 1);
    if (!st)
        return EXIT_FATAL;
    sqlite3 *db = chr_store_sqlite(st);
    sqlite3_int64 id = find_article(db, ref);
    sqlite3_stmt *q = NULL;
    if (id)
        sqlite3_prepare_v2(db,
                           "SELECT " ARTICLE_COLS ", a.raw_text, a.clean_text, a.dateline_date,"
                           " a.extra FROM articles a WHERE a.id = ?1",
                           -1, &q, NULL);
    if (!id || !q) {
        cli_error("show: no article '%s' in %s", ref, g->db);
        sqlite3_finalize(q);
        chr_store_close(st);
        return EXIT_INPUT;
    }
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) != SQLITE_ROW) {
        cli_error("show: no article '%s' in %s", ref, g->db);
        sqlite3_finalize(q);
        chr_store_close(st);
        return EXIT_INPUT;
    }
    const char *clean = (const char *)sqlite3_column_text(q, 17);
    size_t clean_len = (size_t)sqlite3_column_bytes(q, 17);
    size_t ntx = 0;
    span_row *tx = load_timexes(db, id, &ntx);
    sqlite3_stmt *sq;
    sqlite3_prepare_v2(db, "SELECT start, end FROM sentences WHERE article_id = ?1 ORDER BY idx",
                       -1, &sq, NULL);
    sqlite3_bind_int64(sq, 1, id);
    if (g->json) {
        chr_json j;
        chr_json_init(&j, stdout, 0);
        chr_json_begin_object(&j);
        json_article_fields(&j, q, 0);
        chr_json_key(&j, "dateline");
        chr_json_begin_object(&j);
        chr_json_kstring(&j, "place", (const char *)sqlite3_column_text(q, 12));
        chr_json_kstring(&j, "agency", (const char *)sqlite3_column_text(q, 13));
        chr_json_kstring(&j, "date", (const char *)sqlite3_column_text(q, 18));
        chr_json_end_object(&j);
        chr_json_key(&j, "extra");
        chr_json_raw(&j, (const char *)sqlite3_column_text(q, 19));
        chr_json_kstring(&j, "raw_text", (const char *)sqlite3_column_text(q, 16));
        chr_json_kstring(&j, "clean_text", clean);
        chr_json_key(&j, "sentences");
        chr_json_begin_array(&j);
        while (sqlite3_step(sq) == SQLITE_ROW) {
            int64_t a = sqlite3_column_int64(sq, 0), b = sqlite3_column_int64(sq, 1);
            chr_json_begin_object(&j);
            chr_json_kint(&j, "start", a);
            chr_json_kint(&j, "end", b);
            chr_json_key(&j, "text");
            if (a >= 0 && b <= (int64_t)clean_len && a <= b)
                chr_json_string_n(&j, clean + a, (size_t)(b - a));
            else
                chr_json_null(&j);
            chr_json_end_object(&j);
        }
        chr_json_end_array(&j);
        chr_json_key(&j, "timexes");
        chr_json_begin_array(&j);
        for (size_t i = 0; i < ntx; i++) {
            chr_json_begin_object(&j);
            chr_json_kint(&j, "start", tx[i].start);
            chr_json_kint(&j, "end", tx[i].end);
            chr_json_key(&j, "text");
            if (tx[i].end <= (int64_t)clean_len && tx[i].start <= tx[i].end)
                chr_json_string_n(&j, clean + tx[i].start, (size_t)(tx[i].end - tx[i].start));
            else
                chr_json_null(&j);
            chr_json_kstring(&j, "type", tx[i].type);
            chr_json_kstring(&j, "value", tx[i].value);
            chr_json_kstring(&j, "end_value", tx[i].end_value[0] ? tx[i].end_value : NULL);
            chr_json_kint(&j, "sentence", tx[i].sentence);
            chr_json_end_object(&j);
        }
        chr_json_end_array(&j);
        chr_json_end_object(&j);
        chr_json_end(&j);
    } else {
        int color = cli_styled(1);
        const char *pd = (const char *)sqlite3_column_text(q, 4);
        const char *pds = (const char *)sqlite3_column_text(q, 5);
        printf("article %lld  ", (long long)id);
        cli_put_plain(stdout, (const char *)sqlite3_column_text(q, 1));
        fputc('\n', stdout);
        if (sqlite3_column_text(q, 3)) {
            fputs("title     ", stdout);
            cli_put_plain(stdout, (const char *)sqlite3_column_text(q, 3));
            fputc('\n', stdout);
        }
        if (pd && pds && strcmp(pds, "inferred") == 0)
            printf("published %s (inferred from the text, confidence %.2f)\n", pd,
                   sqlite3_column_double(q, 11));
        else
            printf("published %s%s%s%s\n", pd ? pd : "unknown", pds ? " (from " : "",
                   pds ? pds : "", pds ? ")" : "");
        printf("outlet    %s\n", or_dash(sqlite3_column_text(q, 2)));
        if (sqlite3_column_text(q, 15))
            printf("author    %s\n", sqlite3_column_text(q, 15));
        if (sqlite3_column_text(q, 12) || sqlite3_column_text(q, 13))
            printf("dateline  %s%s%s\n", or_dash(sqlite3_column_text(q, 12)),
                   sqlite3_column_text(q, 13) ? " / " : "",
                   sqlite3_column_text(q, 13) ? (const char *)sqlite3_column_text(q, 13) : "");
        printf("language  %s\n\n", or_dash(sqlite3_column_text(q, 7)));
        size_t t = 0;
        int n = 0;
        while (sqlite3_step(sq) == SQLITE_ROW) {
            int64_t a = sqlite3_column_int64(sq, 0), b = sqlite3_column_int64(sq, 1);
            if (a < 0 || b > (int64_t)clean_len || a > b)
                continue;
            printf("%3d  ", ++n);
            int64_t pos = a;
            while (t < ntx && tx[t].start < a)
                t++;
            for (; t < ntx && tx[t].end <= b; t++) {
                fwrite(clean + pos, 1, (size_t)(tx[t].start - pos), stdout);
                printf(color ? "\033[4;36m" : "[");
                fwrite(clean + tx[t].start, 1, (size_t)(tx[t].end - tx[t].start), stdout);
                if (tx[t].end_value[0])
                    printf(color ? "\033[0m\033[2m{%s..%s}\033[0m" : "|%s..%s]", tx[t].value,
                           tx[t].end_value);
                else
                    printf(color ? "\033[0m\033[2m{%s}\033[0m" : "|%s]", tx[t].value);
                pos = tx[t].end;
            }
            fwrite(clean + pos, 1, (size_t)(b - pos), stdout);
            putchar('\n');
        }
    }
    sqlite3_finalize(sq);
    sqlite3_finalize(q);
    free(tx);
    chr_store_close(st);
    return EXIT_OK;
}
