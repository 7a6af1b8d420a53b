/* chronicle — cluster_search: full-text search over the stored articles.
 * Owns: turning the words of a search box into an FTS5 query
 * (chr_search_query) and chr_search, the articles that match, best first
 * (bm25), each with its headline, a snippet and its story, and a hit's
 * JSON object. Read-only over
 * articles_fts (filled by the store at each commit), the article/sentence
 * tables and story_article. The CLI's `search` and GET /api/search both
 * read through it. */
#include <ctype.h>
#include <sqlite3.h>
#include <utf8proc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/cluster.h"
#include "chronicle/json.h"
#include "chronicle/store.h"

/* Whether s[0..n) holds a letter or a digit (of any script): what the
 * full-text index keeps of it. */
static int has_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) {
            i++;
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(c);
        if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
            return 1;
        i += (size_t)k;
    }
    return 0;
}

/* Append s[0..n) as an FTS5 string ("..." with quotes doubled). */
static void fts_string(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputc('"', f);
        fputc(s[i], f);
    }
    fputc('"', f);
}

char *chr_search_query(const char *q)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    int terms = 0, pending_or = 0;
    const char *p = q;
    while (*p) {
        if (isspace((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *start, *end;
        int phrase = *p == '"';
        if (phrase) {
            start = ++p;
            while (*p && *p != '"')
                p++;
            end = p;
            if (*p)
                p++;
        } else {
            start = p;
            while (*p && !isspace((unsigned char)*p) && *p != '"')
                p++;
            end = p;
        }
        int prefix = 0;
        if (!phrase && end > start && end[-1] == '*') {
            prefix = 1;
            end--;
        }
        if (!phrase && end - start == 2 && memcmp(start, "OR", 2) == 0) {
            pending_or = terms > 0;
            continue;
        }
        if (!has_word(start, (size_t)(end - start)))
            continue;
        if (terms == CHR_SEARCH_MAX_TERMS)
            break;
        if (terms)
            fputs(pending_or ? " OR " : " ", f);
        pending_or = 0;
        fts_string(f, start, (size_t)(end - start));
        if (prefix)
            fputs(" *", f);
        terms++;
    }
    if (fclose(f) != 0 || !terms) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* What lists show as an article's title: its headline, else its first
 * sentence. */
#define ARTICLE_LABEL                                                                              \
    " coalesce(a.title, (SELECT CAST(substr(CAST(a.clean_text AS BLOB), se.start + 1,"             \
    "   se.end - se.start) AS TEXT) FROM sentences se WHERE se.article_id = a.id AND se.idx = 0))"
#define SEARCH_COLS                                                                                \
    "SELECT a.id," ARTICLE_LABEL ", a.outlet, a.pub_date, a.source,"                               \
    " snippet(articles_fts, 1, char(2), char(3), '\xE2\x80\xA6', 24), bm25(articles_fts)"
static const char sql_search_story[] =
    SEARCH_COLS ", sa.story_id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                " LEFT JOIN story_article sa ON sa.article_id = a.id"
                " WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3";
/* a database from before the story tables */
static const char sql_search[] =
    SEARCH_COLS ", NULL FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                " WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3";

chr_err chr_search(chr_store *st, const char *words, long limit, long offset, chr_search_fn fn,
                   void *ctx, chr_diag *d)
{
    char *fts = chr_search_query(words ? words : "");
    if (!fts)
        return chr_diag_set(d, CHR_EINVAL, "", 0, -1, "no word to search for");
    sqlite3 *db = chr_store_sqlite(st);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, sql_search_story, -1, &q, NULL) != SQLITE_OK &&
        sqlite3_prepare_v2(db, sql_search, -1, &q, NULL) != SQLITE_OK) {
        free(fts);
        if (strstr(sqlite3_errmsg(db), "no such table: articles_fts"))
            return chr_diag_set(d, CHR_EUNSUPPORTED, "", 0, -1,
                                "full-text index missing: open the database with this "
                                "chronicle's ingest to migrate it");
        return chr_diag_set(d, CHR_EDB, "", 0, -1, "reading the index: %s", sqlite3_errmsg(db));
    }
    sqlite3_bind_text(q, 1, fts, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, limit);
    sqlite3_bind_int64(q, 3, offset > 0 ? offset : 0);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        chr_search_hit h = {
            .id = sqlite3_column_int64(q, 0),
            .title = (const char *)sqlite3_column_text(q, 1),
            .outlet = (const char *)sqlite3_column_text(q, 2),
            .pub_date = (const char *)sqlite3_column_text(q, 3),
            .source = (const char *)sqlite3_column_text(q, 4),
            .snippet = (const char *)sqlite3_column_text(q, 5),
            .score = -sqlite3_column_double(q, 6),
            .story = sqlite3_column_int64(q, 7),
        };
        if (fn(ctx, &h)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    chr_err e = CHR_OK;
    if (rc != SQLITE_DONE) {
        const char *m = sqlite3_errmsg(db);
        e = strstr(m, "fts5") ? chr_diag_set(d, CHR_EINVAL, "", 0, -1, "bad search query")
                              : chr_diag_set(d, CHR_EDB, "", 0, -1, "reading the index: %s", m);
    }
    sqlite3_finalize(q);
    free(fts);
    return e;
}

void chr_search_hit_json(chr_json *j, const chr_search_hit *h)
{
    chr_json_begin_object(j);
    chr_json_kint(j, "id", h->id);
    chr_json_kstring(j, "title", h->title);
    chr_json_kstring(j, "outlet", h->outlet);
    chr_json_kstring(j, "pub_date", h->pub_date);
    chr_json_kstring(j, "source", h->source);
    chr_json_key(j, "story");
    if (h->story)
        chr_json_int(j, h->story);
    else
        chr_json_null(j);
    chr_json_kstring(j, "snippet", h->snippet);
    chr_json_kdouble(j, "score", h->score);
    chr_json_end_object(j);
}
