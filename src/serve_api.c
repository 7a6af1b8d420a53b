/* chronicle — serve API: the read endpoints' queries and JSON.
 * Owns: /api/stories (filters, keyset cursor), /api/stories/{id},
 * /api/articles/{id}, /api/search (FTS5), /api/entities/{id}, /healthz.
 * Reads only, through the worker's cached statements, inside the read
 * transaction serve.c opened. Tables of modules not yet in the store
 * (stories, timelines) read as empty rather than failing. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sqlite3.h>

#include "chronicle/cluster.h"
#include "chronicle/timeline.h"
#include "serve_int.h"

enum {
    DEFAULT_LIMIT = 20,      /* page size when none is asked for */
    TITLE_MAX = 200,         /* bytes of a title or lead sentence */
    STORY_TOP_ENTRIES = 200, /* timeline entries on a story page, most important */
    STORY_MAX_ARTICLES = 500 /* articles listed on a story page, newest */
};

/* ------------------------------------------------------------- helpers */

static int month_days(long y, long m)
{
    static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : md[m - 1];
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" into its first and last day as
 * "YYYY-MM-DD"; -1 when malformed. (Stories store days since 1970; SQL
 * converts with julianday() and date(), so no calendar arithmetic here.) */
static int parse_period(const char *s, char first[16], char last[16])
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return -1;
    for (size_t i = 0; i < n; i++) {
        int dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return -1;
    }
    int y = (int)strtol(s, NULL, 10), m1 = 1, m2 = 12, d1 = 1, d2 = 31;
    if (n >= 7) {
        m1 = m2 = (int)strtol(s + 5, NULL, 10);
        if (m1 < 1 || m1 > 12)
            return -1;
        d2 = month_days(y, m1);
    }
    if (n == 10) {
        d1 = d2 = (int)strtol(s + 8, NULL, 10);
        if (d1 < 1 || d1 > month_days(y, m1))
            return -1;
    }
    snprintf(first, 16, "%04d-%02d-%02d", y % 10000, m1 % 100, d1 % 100);
    snprintf(last, 16, "%04d-%02d-%02d", y % 10000, m2 % 100, d2 % 100);
    return 0;
}

static void ktext(chr_json *j, const char *key, sqlite3_stmt *q, int col)
{
    chr_json_key(j, key);
    const unsigned char *t = sqlite3_column_text(q, col);
    if (t)
        chr_json_string_n(j, (const char *)t, (size_t)sqlite3_column_bytes(q, col));
    else
        chr_json_null(j);
}

static void kint_or_null(chr_json *j, const char *key, sqlite3_stmt *q, int col)
{
    chr_json_key(j, key);
    if (sqlite3_column_type(q, col) == SQLITE_NULL)
        chr_json_null(j);
    else
        chr_json_int(j, sqlite3_column_int64(q, col));
}

/* A headline-length text: cut at a word boundary, never inside UTF-8. */
/* s[0..n) cut to a headline's length: trailing spaces dropped; past
 * TITLE_MAX bytes cut at a word boundary, never inside UTF-8, with "…" (into
 * buf). Returns s or buf; *len is the length. */
static const char *short_text(const char *s, size_t n, char buf[TITLE_MAX + 8], size_t *len)
{
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    *len = n;
    if (n <= TITLE_MAX)
        return s;
    size_t cut = TITLE_MAX;
    while (cut > TITLE_MAX / 2 && s[cut] != ' ')
        cut--;
    while (cut && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    memcpy(buf, s, cut);
    memcpy(buf + cut, "\xE2\x80\xA6", 4); /* … */
    *len = cut + 3;
    return buf;
}

/* A headline-length text (short_text). */
static void kshort(chr_json *j, const char *key, const char *s, size_t n)
{
    chr_json_key(j, key);
    if (!s) {
        chr_json_null(j);
        return;
    }
    char buf[TITLE_MAX + 8];
    size_t len;
    const char *t = short_text(s, n, buf, &len);
    chr_json_string_n(j, t, len);
}

static int limit_arg(chr_server *s, const serve_req *q, serve_resp *r, int *limit)
{
    const char *v = serve_arg_get(q, "limit");
    *limit = DEFAULT_LIMIT < s->o.max_limit ? DEFAULT_LIMIT : s->o.max_limit;
    if (!v)
        return 0;
    int64_t n = serve_parse_id(v);
    if (n <= 0 || n > s->o.max_limit) {
        serve_error(r, 400, "limit must be an integer from 1 to %d", s->o.max_limit);
        return -1;
    }
    *limit = (int)n;
    return 0;
}

static void db_error(serve_db *db, serve_resp *r)
{
    serve_error(r, 500, "database error: %s", sqlite3_errmsg(db->db));
}

/* The cached statement sql with ?1 bound to id, or NULL with r set: a 404
 * ("no NOUN ID") when its table does not exist yet, else a 500. */
static sqlite3_stmt *by_id(serve_db *db, const char *sql, const char *noun, int64_t id,
                           serve_resp *r)
{
    int missing = 0;
    sqlite3_stmt *q = serve_stmt(db, sql, &missing);
    if (q)
        sqlite3_bind_int64(q, 1, id);
    else if (missing)
        serve_error(r, 404, "no %s %lld", noun, (long long)id);
    else
        db_error(db, r);
    return q;
}

/* The one row a bound statement selects: 0 when q is on it, else r holds
 * the 404 ("no NOUN ID") or the database error. */
static int one_row(serve_db *db, sqlite3_stmt *q, const char *noun, int64_t id, serve_resp *r)
{
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc == SQLITE_DONE)
        serve_error(r, 404, "no %s %lld", noun, (long long)id);
    else
        db_error(db, r);
    return -1;
}

/* Start an answer object with its "id"; -1 (r a 500) when out of memory. */
static int begin_answer(serve_json *b, int64_t id, serve_resp *r)
{
    if (serve_json_open(b)) {
        serve_error(r, 500, "out of memory");
        return -1;
    }
    chr_json_begin_object(&b->j);
    chr_json_kint(&b->j, "id", id);
    return 0;
}

/* The one row of sql (?1 = id) with the answer object begun; NULL when r
 * already holds the answer (404, 500). */
static sqlite3_stmt *begin_one(serve_db *db, const char *sql, const char *noun, int64_t id,
                               serve_json *b, serve_resp *r)
{
    sqlite3_stmt *q = by_id(db, sql, noun, id, r);
    if (!q || one_row(db, q, noun, id, r) || begin_answer(b, id, r))
        return NULL;
    return q;
}

/* A paged list answer {["query": Q,] KEY: [...], "next_cursor": C}: the
 * first half (-1 with r a 500 when out of memory; fts freed then). */
static int list_begin(serve_json *b, const char *query, const char *key, char *fts, serve_resp *r)
{
    if (serve_json_open(b)) {
        free(fts);
        serve_error(r, 500, "out of memory");
        return -1;
    }
    chr_json_begin_object(&b->j);
    if (query)
        serve_json_kclean(&b->j, "query", query);
    chr_json_key(&b->j, key);
    chr_json_begin_array(&b->j);
    return 0;
}

/* The second half: cursor is the next page's (NULL on the last page). */
static void list_end(serve_json *b, const char *cursor, serve_resp *r)
{
    chr_json_end_array(&b->j);
    chr_json_kstring(&b->j, "next_cursor", cursor);
    chr_json_end_object(&b->j);
    serve_json_done(b, r, 200);
}

/* ------------------------------------------------------------- stories */

/* The story list. The cursor is "<last_day>.<id>" of the last story sent
 * ("u.<id>" once into the undated stories, which come last). */
/* A story's title as `chronicle stories` gives it (chr_story_get: the most
 * central headline, else first sentence); malloc'd, NULL if none. Callers
 * keep it in the story's cached card or page. */
static int take_title(void *ctx, const chr_story_info *st)
{
    *(char **)ctx = st->title ? strdup(st->title) : NULL;
    return 1;
}

static char *story_title(serve_db *db, int64_t id)
{
    char *t = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_story_get(db->st, id, take_title, &t, &d) != CHR_OK) {
        free(t);
        t = NULL;
    }
    return t;
}

/* days since 1970-01-01 as "YYYY-MM-DD", and a date as days */
#define DAY_DATE(d) " date(" d " * 86400, 'unixepoch')"
#define DATE_DAY(p) " CAST(julianday(" p ") - 2440587.5 AS INTEGER)"
#define STORY_COLS                                                                                 \
    "SELECT s.id, s.first_day, s.last_day, s.size, s.n_unique," DAY_DATE(                          \
        "s.first_day") "," DAY_DATE("s.last_day") " FROM story s WHERE s.size > 0"
#define STORY_FILTERS                                                                              \
    " AND (?2 IS NULL OR s.last_day >=" DATE_DAY(                                                  \
        "?2") ")"                                                                                  \
              " AND (?3 IS NULL OR s.first_day <=" DATE_DAY(                                       \
                  "?3") ")"                                                                        \
                        " AND (?4 IS NULL OR s.last_day < ?4 OR (s.last_day = ?4 AND s.id < ?5)"   \
                        "      OR s.last_day IS NULL)"                                             \
                        " AND (?6 IS NULL OR (s.last_day IS NULL AND s.id < ?6))"                  \
                        " ORDER BY s.last_day DESC, s.id DESC LIMIT ?7"

static const char sql_stories[] = STORY_COLS STORY_FILTERS;
static const char sql_stories_q[] =
    STORY_COLS " AND s.id IN (SELECT sa.story_id FROM story_article sa WHERE sa.article_id IN"
               " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1))" STORY_FILTERS;
/* The story's entities from the stored mentions of its newest ?3 canonical
 * articles (near-duplicates not counted again: they repeat their source),
 * most widely reported first. The sample bounds the work on huge stories. */
/* ... one per name whatever types articles gave it (as `chronicle entities`
 * lists them): among its PER, LOC and ORG rows, the one with the most
 * mentions gives id, type, country and role. */
static const char sql_story_entities[] =
    "WITH sa AS (SELECT article_id FROM story_article WHERE story_id = ?1"
    "   AND duplicate_of IS NULL ORDER BY article_id DESC LIMIT ?3),"
    " sm AS (SELECT m.article_id, e.id, e.canonical, e.type, e.country, e.role FROM sa"
    "   JOIN mentions m ON m.article_id = sa.article_id JOIN entities e ON e.id = m.entity_id"
    "   WHERE e.type <> 'MISC'),"
    " per AS (SELECT id, canonical, type, country, role, sum(count(*)) OVER w AS mentions,"
    "   row_number() OVER (PARTITION BY canonical ORDER BY count(*) DESC, id) AS rk"
    "   FROM sm GROUP BY id WINDOW w AS (PARTITION BY canonical)),"
    " arts AS (SELECT canonical, count(DISTINCT article_id) AS n FROM sm GROUP BY canonical)"
    " SELECT p.id, p.canonical, p.type, p.country, p.role, p.mentions, a.n"
    " FROM per p JOIN arts a ON a.canonical = p.canonical"
    " WHERE p.rk = 1"
    " ORDER BY 7 DESC, 6 DESC, p.canonical LIMIT ?2";
static const char sql_story_sources[] =
    "SELECT count(DISTINCT coalesce(a.outlet, a.source)) FROM story_article sa"
    " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?1";

static int parse_cursor(const char *c, sqlite3_int64 *day, int *undated, sqlite3_int64 *id)
{
    const char *dot = strchr(c, '.');
    if (!dot)
        return -1;
    *undated = 0;
    if (dot - c == 1 && c[0] == 'u') {
        *undated = 1;
    } else {
        char *end;
        errno = 0;
        long long v = strtoll(c, &end, 10);
        /* a day of years 0..9999, as next_cursor gives them */
        if (end != dot || end == c || errno == ERANGE || v < -719528 || v > 2932896)
            return -1;
        *day = v;
    }
    *id = serve_parse_id(dot + 1);
    return *id > 0 ? 0 : -1;
}

/* Rows read beyond the limit: names linked into others and generic ones
 * leave room. */
#define ENTITY_SLACK 20

typedef struct ent_row {
    int64_t id;
    char *country, *role;
    long mentions, articles;
} ent_row;

static char *text_dup(sqlite3_stmt *q, int c)
{
    const unsigned char *t = sqlite3_column_text(q, c);
    return t ? strdup((const char *)t) : NULL;
}

/* The story's entities as `chronicle stories` gives them: one per person or
 * place however its articles wrote the name (chr_entities_link_story), no
 * bare institution or people (chr_entity_generic); each with the id, type,
 * country and role of its most reported name, the mentions of all its
 * names and the articles of the most reported one. */
static void story_entities(serve_db *db, chr_json *j, int64_t story, int limit, int sample)
{
    chr_json_key(j, "entities");
    chr_json_begin_array(j);
    sqlite3_stmt *e = serve_stmt(db, sql_story_entities, NULL);
    size_t cap = (size_t)limit + ENTITY_SLACK, n = 0;
    chr_entity *ents = calloc(cap, sizeof *ents);
    ent_row *rows = calloc(cap, sizeof *rows);
    int *map = calloc(cap, sizeof *map);
    chr_entities doc = {NULL, 0, ents, 0}, linked = {0};
    if (e && ents && rows && map) {
        sqlite3_bind_int64(e, 1, story);
        sqlite3_bind_int(e, 2, (int)cap);
        sqlite3_bind_int(e, 3, sample);
        while (n < cap && sqlite3_step(e) == SQLITE_ROW) {
            const char *type = (const char *)sqlite3_column_text(e, 2);
            ents[n].canonical = text_dup(e, 1);
            if (!ents[n].canonical)
                break;
            ents[n].type = type && !strcmp(type, "PER")   ? CHR_ENT_PER
                           : type && !strcmp(type, "LOC") ? CHR_ENT_LOC
                                                          : CHR_ENT_ORG;
            ents[n].mentions = sqlite3_column_int(e, 6);
            rows[n].id = sqlite3_column_int64(e, 0);
            rows[n].country = text_dup(e, 3);
            rows[n].role = text_dup(e, 4);
            rows[n].mentions = (long)sqlite3_column_int64(e, 5);
            rows[n].articles = (long)sqlite3_column_int64(e, 6);
            n++;
        }
        sqlite3_reset(e);
        doc.n_entities = n;
    }
    int *maps[1] = {map};
    if (n && chr_entities_link_story(&doc, 1, &linked, maps) == CHR_OK) {
        /* rows come most reported first: a group speaks with its first row,
         * at that row's place */
        long *ment = calloc(linked.n_entities ? linked.n_entities : 1, sizeof *ment);
        char *done = calloc(linked.n_entities ? linked.n_entities : 1, 1);
        for (size_t r = 0; ment && r < n; r++)
            ment[map[r]] += rows[r].mentions;
        int out = 0;
        for (size_t r = 0; ment && done && r < n && out < limit; r++) {
            size_t k = (size_t)map[r];
            const chr_entity *x = &linked.entities[k];
            if (done[k] || chr_entity_generic(x->canonical))
                continue;
            done[k] = 1;
            out++;
            chr_json_begin_object(j);
            chr_json_kint(j, "id", rows[r].id);
            chr_json_kstring(j, "name", x->canonical);
            chr_json_kstring(j, "type", chr_ent_type_name(x->type));
            chr_json_kstring(j, "country", rows[r].country);
            chr_json_kstring(j, "role", rows[r].role);
            chr_json_kint(j, "mentions", ment[k]);
            chr_json_kint(j, "articles", rows[r].articles);
            chr_json_end_object(j);
        }
        free(ment);
        free(done);
        chr_entities_free(&linked);
    }
    for (size_t r = 0; r < n; r++) {
        free(ents[r].canonical);
        free(rows[r].country);
        free(rows[r].role);
    }
    free(ents);
    free(rows);
    free(map);
    chr_json_end_array(j);
}

/* One story of the list from its story row (id, first_day, last_day,
 * size, n_unique, first date, last date): kept per story state like a story page, since a list is
 * mostly the same cards again. malloc'd JSON, NULL on failure. */
static char *story_card_json(chr_server *s, serve_db *db, sqlite3_stmt *row)
{
    int64_t id = sqlite3_column_int64(row, 0);
    char sig[64];
    snprintf(sig, sizeof sig, "%lld.%lld.%lld.%lld", (long long)sqlite3_column_int64(row, 3),
             (long long)sqlite3_column_int64(row, 4), (long long)sqlite3_column_int64(row, 1),
             (long long)sqlite3_column_int64(row, 2));
    char *card = serve_cache_peek(s->cache, id, CACHE_CARD, sig);
    if (!card) {
        size_t len = 0;
        FILE *f = open_memstream(&card, &len);
        if (!f)
            return NULL;
        chr_json c;
        chr_json_init(&c, f, 0);
        chr_json_begin_object(&c);
        chr_json_kint(&c, "id", id);
        char *title = story_title(db, id);
        kshort(&c, "title", title, title ? strlen(title) : 0);
        free(title);
        ktext(&c, "first", row, 5);
        ktext(&c, "last", row, 6);
        chr_json_kint(&c, "size", sqlite3_column_int64(row, 3));
        chr_json_kint(&c, "unique", sqlite3_column_int64(row, 4));
        story_entities(db, &c, id, 5, 50);
        chr_json_end_object(&c);
        int bad = ferror(f);
        if (fclose(f) != 0 || bad) {
            free(card);
            return NULL;
        }
        serve_cache_store(s->cache, id, CACHE_CARD, sig, card, len);
    }
    return card;
}

static void story_card(chr_server *s, serve_db *db, chr_json *j, sqlite3_stmt *row)
{
    char *card = story_card_json(s, db, row);
    if (card)
        chr_json_raw(j, card);
    else
        chr_json_null(j);
    free(card);
}

void serve_api_stories(chr_server *s, serve_db *db, const serve_req *q, int64_t id_, serve_resp *r)
{
    (void)id_;
    int limit;
    if (limit_arg(s, q, r, &limit))
        return;
    const char *qs = serve_arg_get(q, "q");
    const char *from = serve_arg_get(q, "from"), *to = serve_arg_get(q, "to");
    const char *cur = serve_arg_get(q, "cursor");
    char f1[16], f2[16], t1[16], t2[16];
    if (from && *from && parse_period(from, f1, f2)) {
        serve_error(r, 400, "from must be a date: YYYY-MM-DD, YYYY-MM or YYYY");
        return;
    }
    if (to && *to && parse_period(to, t1, t2)) {
        serve_error(r, 400, "to must be a date: YYYY-MM-DD, YYYY-MM or YYYY");
        return;
    }
    if (from && *from && to && *to && strcmp(f1, t2) > 0) {
        serve_error(r, 400, "from is after to");
        return;
    }
    sqlite3_int64 cday = 0, cid = 0;
    int cundated = 0;
    if (cur && *cur && parse_cursor(cur, &cday, &cundated, &cid)) {
        serve_error(r, 400, "bad cursor (use next_cursor from the previous page)");
        return;
    }
    char *fts = NULL;
    if (qs && *qs) {
        fts = chr_search_query(qs);
        if (!fts) {
            serve_error(r, 400, "q has no word to search for");
            return;
        }
    }
    serve_json b;
    if (list_begin(&b, NULL, "stories", fts, r))
        return;
    chr_json *j = &b.j;
    int missing = 0;
    sqlite3_stmt *st = serve_stmt(db, fts ? sql_stories_q : sql_stories, &missing);
    int n = 0, more = 0, failed = 0;
    sqlite3_int64 last_id = 0, last_day = 0;
    int last_undated = 0;
    if (st) {
        if (fts)
            sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
        if (from && *from)
            sqlite3_bind_text(st, 2, f1, -1, SQLITE_STATIC);
        if (to && *to)
            sqlite3_bind_text(st, 3, t2, -1, SQLITE_STATIC);
        if (cur && *cur && !cundated) {
            sqlite3_bind_int64(st, 4, cday);
            sqlite3_bind_int64(st, 5, cid);
        }
        if (cur && *cur && cundated)
            sqlite3_bind_int64(st, 6, cid);
        sqlite3_bind_int(st, 7, limit + 1);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (n == limit) {
                more = 1;
                break;
            }
            int64_t id = sqlite3_column_int64(st, 0);
            story_card(s, db, j, st);
            last_id = id;
            last_undated = sqlite3_column_type(st, 2) == SQLITE_NULL;
            last_day = sqlite3_column_int64(st, 2);
            n++;
        }
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            failed = 1;
        sqlite3_reset(st);
    } else if (!missing) {
        failed = 1;
    }
    free(fts);
    if (failed) {
        serve_json_abort(&b);
        if (strstr(sqlite3_errmsg(db->db), "fts5"))
            serve_error(r, 400, "bad search query");
        else
            db_error(db, r);
        return;
    }
    char c[48];
    if (last_undated)
        snprintf(c, sizeof c, "u.%lld", (long long)last_id);
    else
        snprintf(c, sizeof c, "%lld.%lld", (long long)last_day, (long long)last_id);
    list_end(&b, more ? c : NULL, r);
}

/* ----------------------------------------------------- one story */

static const char sql_story[] =
    "SELECT s.id, s.first_day, s.last_day, s.size, s.n_unique," DAY_DATE(
        "s.first_day") "," DAY_DATE("s.last_day") " FROM story s WHERE s.size > 0 AND s.id = ?1";
static const char sql_story_articles[] =
    "SELECT a.id, a.title, a.outlet, a.pub_date, a.source, a.ext_id, a.url,"
    " sa.duplicate_of, sa.similarity, a.pub_date_source,"
    " CAST(substr(CAST(a.clean_text AS BLOB), se.start + 1, se.end - se.start) AS TEXT)"
    " FROM story_article sa JOIN articles a ON a.id = sa.article_id"
    " LEFT JOIN sentences se ON se.article_id = a.id AND se.idx = 0"
    " WHERE sa.story_id = ?1"
    " ORDER BY a.pub_date IS NULL, a.pub_date DESC, a.id DESC LIMIT ?2";

/* Inputs kept as copies of an article (store migration 13; an older
 * database read as it is has none). */
static const char sql_article_copies[] = "SELECT source, outlet, url, pub_date FROM copies WHERE "
                                         "article_id = ?1 ORDER BY pub_date, source";

/* "copies": [{source, outlet, url, pub_date}] of article id. */
static void article_copies(serve_db *db, chr_json *j, int64_t id)
{
    chr_json_key(j, "copies");
    chr_json_begin_array(j);
    sqlite3_stmt *q = serve_stmt(db, sql_article_copies, NULL);
    if (q) {
        sqlite3_bind_int64(q, 1, id);
        while (sqlite3_step(q) == SQLITE_ROW) {
            chr_json_begin_object(j);
            chr_json_kstring(j, "source", (const char *)sqlite3_column_text(q, 0));
            chr_json_kstring(j, "outlet", (const char *)sqlite3_column_text(q, 1));
            chr_json_kstring(j, "url", (const char *)sqlite3_column_text(q, 2));
            chr_json_kstring(j, "pub_date", (const char *)sqlite3_column_text(q, 3));
            chr_json_end_object(j);
        }
        sqlite3_reset(q);
    }
    chr_json_end_array(j);
}

typedef struct art_row {
    int64_t id, dup;
    double similarity; /* < 0: none */
    char *f[8];        /* F_* fields, malloc'd or NULL */
    size_t lead_len;
} art_row;

enum { F_TITLE, F_OUTLET, F_DATE, F_SOURCE, F_EXT, F_URL, F_DATESRC, F_LEAD, F_N };

static void art_rows_free(art_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < F_N; k++)
            free(rows[i].f[k]);
    free(rows);
}

static char *col_dup(sqlite3_stmt *q, int col, int *oom)
{
    const unsigned char *t = sqlite3_column_text(q, col);
    if (!t)
        return NULL;
    size_t n = (size_t)sqlite3_column_bytes(q, col);
    char *c = malloc(n + 1);
    if (!c) {
        *oom = 1;
        return NULL;
    }
    memcpy(c, t, n);
    c[n] = 0;
    return c;
}

static void article_brief(chr_json *j, const art_row *a)
{
    chr_json_kint(j, "id", a->id);
    const char *t = a->f[F_TITLE] ? a->f[F_TITLE] : a->f[F_LEAD];
    kshort(j, "title", t, t ? strlen(t) : 0);
    chr_json_kstring(j, "outlet", a->f[F_OUTLET]);
    chr_json_kstring(j, "pub_date", a->f[F_DATE]);
    chr_json_kstring(j, "pub_date_source", a->f[F_DATESRC]);
    chr_json_kstring(j, "source", a->f[F_SOURCE]);
    chr_json_kstring(j, "ext_id", a->f[F_EXT]);
    chr_json_kstring(j, "url", a->f[F_URL]);
}

/* The story's articles, newest first (at most STORY_MAX_ARTICLES),
 * near-duplicates folded under their canonical article. */
static int story_articles(serve_db *db, chr_json *j, int64_t story)
{
    sqlite3_stmt *q = serve_stmt(db, sql_story_articles, NULL);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, story);
    sqlite3_bind_int(q, 2, STORY_MAX_ARTICLES);
    art_row *rows = NULL;
    size_t n = 0, cap = 0;
    int rc, oom = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            art_row *nr = realloc(rows, nc * sizeof *nr);
            if (!nr) {
                oom = 1;
                break;
            }
            rows = nr;
            cap = nc;
        }
        art_row *a = &rows[n++];
        memset(a, 0, sizeof *a);
        a->id = sqlite3_column_int64(q, 0);
        a->dup = sqlite3_column_int64(q, 7);
        a->similarity = sqlite3_column_type(q, 8) == SQLITE_NULL ? -1 : sqlite3_column_double(q, 8);
        static const int cols[F_N] = {1, 2, 3, 4, 5, 6, 9, 10};
        for (int k = 0; k < F_N; k++)
            a->f[k] = col_dup(q, cols[k], &oom);
    }
    sqlite3_reset(q);
    if (oom || (rc != SQLITE_DONE && rc != SQLITE_ROW)) {
        art_rows_free(rows, n);
        return -1;
    }
    /* A duplicate whose canonical is not in this story stands alone. */
    for (size_t i = 0; i < n; i++) {
        if (!rows[i].dup)
            continue;
        int found = 0;
        for (size_t k = 0; k < n && !found; k++)
            found = rows[k].id == rows[i].dup && !rows[k].dup;
        if (!found)
            rows[i].dup = 0;
    }
    chr_json_key(j, "articles");
    chr_json_begin_array(j);
    for (size_t i = 0; i < n; i++) {
        if (rows[i].dup)
            continue;
        chr_json_begin_object(j);
        article_brief(j, &rows[i]);
        article_copies(db, j, rows[i].id);
        chr_json_key(j, "duplicates");
        chr_json_begin_array(j);
        for (size_t k = 0; k < n; k++) {
            if (rows[k].dup != rows[i].id)
                continue;
            chr_json_begin_object(j);
            article_brief(j, &rows[k]);
            chr_json_key(j, "similarity");
            if (rows[k].similarity < 0)
                chr_json_null(j);
            else
                chr_json_double(j, rows[k].similarity);
            chr_json_end_object(j);
        }
        chr_json_end_array(j);
        chr_json_end_object(j);
    }
    chr_json_end_array(j);
    art_rows_free(rows, n);
    return 0;
}

static const char sql_story_alias[] = "SELECT into_id FROM story_alias WHERE id = ?1";

/* The story's timeline as the timeline module writes it (at most the
 * STORY_TOP_ENTRIES most important entries), each source given the numeric
 * article_id (and duplicate_of) the page needs to open it. malloc'd JSON, or
 * NULL when no timeline can be built. */
static char *build_timeline(serve_db *db, int64_t id)
{
    chr_tl_opts o = {0};
    o.top = STORY_TOP_ENTRIES;
    o.same_date = 1; /* a busy day's every event */
    chr_timeline *tl = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_timeline_build(db->st, id, &o, &tl, &d) != CHR_OK)
        return NULL;
    char *buf = NULL, *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    json_t *arr = NULL;
    if (f) {
        chr_json tj;
        chr_json_init(&tj, f, 0);
        chr_timeline_write_json(tl, &tj);
        if (fclose(f) == 0)
            arr = json_loadb(buf, len, 0, NULL);
    }
    if (json_is_array(arr) && json_array_size(arr) == tl->n) {
        for (size_t i = 0; i < tl->n; i++) {
            json_t *srcs = json_object_get(json_array_get(arr, i), "sources");
            if (!json_is_array(srcs) || json_array_size(srcs) != tl->entries[i].n_sources)
                continue;
            for (size_t k = 0; k < tl->entries[i].n_sources; k++) {
                const chr_tl_source *src = &tl->entries[i].sources[k];
                json_t *o2 = json_array_get(srcs, k);
                json_object_set_new(o2, "article_id", json_integer(src->article_id));
                if (src->duplicate_of)
                    json_object_set_new(o2, "duplicate_of", json_integer(src->duplicate_of));
            }
        }
        out = json_dumps(arr, JSON_COMPACT | JSON_PRESERVE_ORDER);
    }
    json_decref(arr);
    free(buf);
    chr_timeline_free(tl);
    return out;
}

/* The extractive summary {headline, summary, sentences}: malloc'd JSON or
 * NULL. */
static char *build_summary(serve_db *db, int64_t id)
{
    chr_summary *sm = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_summary_build(db->st, id, NULL, &sm, &d) != CHR_OK)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f) {
        chr_json sj;
        chr_json_init(&sj, f, 0);
        chr_summary_write_json(sm, &sj);
        if (fclose(f) != 0) {
            free(buf);
            buf = NULL;
        }
    }
    chr_summary_free(sm);
    return buf;
}

char *serve_build_part(serve_db *db, int64_t id, int kind)
{
    return kind == CACHE_TIMELINE ? build_timeline(db, id) : build_summary(db, id);
}

/* One expensive part of the page, from the cache: built (in the background)
 * once per state sig of the story. *pending is set when it is missing or
 * from an older state because its build is still running. */
static char *story_part(chr_server *s, int64_t id, int kind, const char *sig, long size,
                        int *pending)
{
    int p = 0;
    char *v = serve_cache_fetch(s->cache, id, kind, sig, size, 1.0, &p);
    *pending |= p;
    return v;
}

void serve_api_story(chr_server *s, serve_db *db, const serve_req *q_, int64_t id, serve_resp *r)
{
    (void)q_;
    sqlite3_stmt *q = by_id(db, sql_story, "story", id, r);
    if (!q)
        return;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE) {
        /* merged into another story: answer with that one */
        sqlite3_stmt *a = serve_stmt(db, sql_story_alias, NULL);
        int64_t into = 0;
        if (a) {
            sqlite3_bind_int64(a, 1, id);
            if (sqlite3_step(a) == SQLITE_ROW)
                into = sqlite3_column_int64(a, 0);
            sqlite3_reset(a);
        }
        if (into > 0 && into != id) {
            sqlite3_reset(q);
            sqlite3_bind_int64(q, 1, into);
            rc = sqlite3_step(q);
            id = into;
        }
    }
    if (rc == SQLITE_DONE) {
        serve_error(r, 404, "no story %lld", (long long)id);
        return;
    }
    if (rc != SQLITE_ROW) {
        db_error(db, r);
        return;
    }
    /* Everything below depends only on the story's articles: its size, its
     * unique articles and its span change whenever they do. A page built
     * complete for this state is answered again as it is. */
    long size = (long)sqlite3_column_int64(q, 3);
    char sig[64];
    snprintf(sig, sizeof sig, "%lld.%lld.%lld.%lld", (long long)sqlite3_column_int64(q, 3),
             (long long)sqlite3_column_int64(q, 4), (long long)sqlite3_column_int64(q, 1),
             (long long)sqlite3_column_int64(q, 2));
    /* One request at a time builds the page of a new state; the others
     * answer with the page built last (a little older) meanwhile. */
    int claimed = 0, pending = 0;
    char *page = serve_cache_claim(s->cache, id, CACHE_PAGE, sig, &claimed);
    char *summary = NULL, *timeline = NULL;
    if (!page) {
        summary = story_part(s, id, CACHE_SUMMARY, sig, size, &pending);
        timeline = story_part(s, id, CACHE_TIMELINE, sig, size, &pending);
    }
    if (page) {
        sqlite3_reset(q);
        r->status = 200;
        r->ctype = "application/json";
        r->body = page;
        r->len = strlen(page);
        return;
    }
    serve_json b;
    if (begin_answer(&b, id, r)) {
        free(summary);
        free(timeline);
        if (claimed)
            serve_cache_store(s->cache, id, CACHE_PAGE, sig, NULL, 0);
        return;
    }
    chr_json *j = &b.j;
    char *title = story_title(db, id);
    kshort(j, "title", title, title ? strlen(title) : 0);
    free(title);
    ktext(j, "first", q, 5);
    ktext(j, "last", q, 6);
    chr_json_kint(j, "size", sqlite3_column_int64(q, 3));
    chr_json_kint(j, "unique", sqlite3_column_int64(q, 4));
    chr_json_key(j, "sources");
    sqlite3_stmt *sq = serve_stmt(db, sql_story_sources, NULL);
    if (sq) {
        sqlite3_bind_int64(sq, 1, id);
        if (sqlite3_step(sq) == SQLITE_ROW)
            chr_json_int(j, sqlite3_column_int64(sq, 0));
        else
            chr_json_null(j);
        sqlite3_reset(sq);
    } else {
        chr_json_null(j);
    }
    sqlite3_reset(q);
    if (story_articles(db, j, id)) {
        serve_json_abort(&b);
        free(summary);
        free(timeline);
        if (claimed)
            serve_cache_store(s->cache, id, CACHE_PAGE, sig, NULL, 0);
        db_error(db, r);
        return;
    }
    story_entities(db, j, id, 100, STORY_MAX_ARTICLES);
    chr_json_key(j, "summary");
    chr_json_raw(j, summary);
    chr_json_key(j, "timeline");
    chr_json_raw(j, timeline);
    chr_json_key(j, "pending");
    chr_json_bool(j, pending);
    chr_json_end_object(j);
    free(summary);
    free(timeline);
    serve_json_done(&b, r, 200);
    if (claimed) {
        /* a page with parts still building is kept as an older state */
        char ksig[72];
        snprintf(ksig, sizeof ksig, "%s%s", sig, pending ? "~" : "");
        serve_cache_store(s->cache, id, CACHE_PAGE, ksig, r->status == 200 ? r->body : NULL,
                          r->len);
    }
}

/* ----------------------------------------------------- one article */

static const char sql_article[] =
    "SELECT a.id, a.title, a.outlet, a.pub_date, a.source, a.ext_id, a.url, a.author, a.lang,"
    " a.pub_date_source, a.pub_date_confidence, a.dateline_place, a.dateline_agency,"
    " a.dateline_date, a.format, a.ingested_at, a.clean_text"
    " FROM articles a WHERE a.id = ?1";
static const char sql_article_story[] =
    "SELECT story_id, duplicate_of, similarity FROM story_article WHERE article_id = ?1";
static const char sql_article_sentences[] =
    "SELECT idx, start, end FROM sentences WHERE article_id = ?1 ORDER BY idx";
static const char sql_article_mentions[] =
    "SELECT m.start, m.end, m.sentence, m.type, m.entity_id, e.canonical"
    " FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?1"
    " ORDER BY m.start";
static const char sql_article_timexes[] =
    "SELECT start, end, sentence, type, value, end_value FROM timexes WHERE article_id = ?1"
    " ORDER BY start";

/* text[start..end) when the offsets are sane, else "". */
static void kslice(chr_json *j, const char *key, const char *text, size_t len, sqlite3_int64 a,
                   sqlite3_int64 b)
{
    chr_json_key(j, key);
    if (a < 0 || b < a || (size_t)b > len)
        chr_json_string(j, "");
    else
        chr_json_string_n(j, text + a, (size_t)(b - a));
}

/* A column as JSON by its SQLite type: integer, real, text or null. */
static void kcol(chr_json *j, const char *key, sqlite3_stmt *q, int col)
{
    switch (sqlite3_column_type(q, col)) {
    case SQLITE_INTEGER:
        chr_json_kint(j, key, sqlite3_column_int64(q, col));
        break;
    case SQLITE_FLOAT:
        chr_json_kdouble(j, key, sqlite3_column_double(q, col));
        break;
    default:
        ktext(j, key, q, col);
    }
}

/* Spans of the article's text that sql gives as rows (start, end, sentence,
 * type, A, B), as key: [{sentence, text, type, a: A, b: B}]. */
static void article_spans(serve_db *db, chr_json *j, const char *key, const char *sql, int64_t id,
                          const char *text, size_t len, const char *a, const char *b)
{
    chr_json_key(j, key);
    chr_json_begin_array(j);
    sqlite3_stmt *q = serve_stmt(db, sql, NULL);
    if (q) {
        sqlite3_bind_int64(q, 1, id);
        while (sqlite3_step(q) == SQLITE_ROW) {
            chr_json_begin_object(j);
            chr_json_kint(j, "sentence", sqlite3_column_int64(q, 2));
            kslice(j, "text", text, len, sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1));
            ktext(j, "type", q, 3);
            kcol(j, a, q, 4);
            kcol(j, b, q, 5);
            chr_json_end_object(j);
        }
        sqlite3_reset(q);
    }
    chr_json_end_array(j);
}

void serve_api_article(chr_server *s, serve_db *db, const serve_req *q_, int64_t id, serve_resp *r)
{
    (void)s;
    (void)q_;
    serve_json b;
    sqlite3_stmt *q = begin_one(db, sql_article, "article", id, &b, r);
    if (!q)
        return;
    chr_json *j = &b.j;
    ktext(j, "title", q, 1);
    ktext(j, "outlet", q, 2);
    ktext(j, "pub_date", q, 3);
    ktext(j, "pub_date_source", q, 9);
    chr_json_key(j, "pub_date_confidence");
    if (sqlite3_column_type(q, 10) == SQLITE_NULL)
        chr_json_null(j);
    else
        chr_json_double(j, sqlite3_column_double(q, 10));
    ktext(j, "source", q, 4);
    ktext(j, "ext_id", q, 5);
    ktext(j, "url", q, 6);
    ktext(j, "author", q, 7);
    ktext(j, "lang", q, 8);
    chr_json_key(j, "dateline");
    chr_json_begin_object(j);
    ktext(j, "place", q, 11);
    ktext(j, "agency", q, 12);
    ktext(j, "date", q, 13);
    chr_json_end_object(j);
    ktext(j, "format", q, 14);
    ktext(j, "ingested_at", q, 15);
    const char *text = (const char *)sqlite3_column_text(q, 16);
    size_t len = (size_t)sqlite3_column_bytes(q, 16);
    if (!text)
        text = "";

    chr_json_key(j, "story");
    sqlite3_stmt *sq = serve_stmt(db, sql_article_story, NULL);
    if (sq) {
        sqlite3_bind_int64(sq, 1, id);
        if (sqlite3_step(sq) == SQLITE_ROW) {
            chr_json_begin_object(j);
            chr_json_kint(j, "id", sqlite3_column_int64(sq, 0));
            kint_or_null(j, "duplicate_of", sq, 1);
            chr_json_end_object(j);
        } else {
            chr_json_null(j);
        }
        sqlite3_reset(sq);
    } else {
        chr_json_null(j);
    }

    chr_json_key(j, "sentences");
    chr_json_begin_array(j);
    sqlite3_stmt *ss = serve_stmt(db, sql_article_sentences, NULL);
    if (ss) {
        sqlite3_bind_int64(ss, 1, id);
        sqlite3_int64 prev = 0;
        while (sqlite3_step(ss) == SQLITE_ROW) {
            sqlite3_int64 a = sqlite3_column_int64(ss, 1), e = sqlite3_column_int64(ss, 2);
            /* a sentence opens a paragraph when a line break precedes it */
            int para = prev == 0;
            for (sqlite3_int64 k = prev; !para && k < a && (size_t)k < len; k++)
                para = text[k] == '\n';
            chr_json_begin_object(j);
            chr_json_kint(j, "idx", sqlite3_column_int64(ss, 0));
            kslice(j, "text", text, len, a, e);
            chr_json_key(j, "paragraph");
            chr_json_bool(j, para);
            chr_json_end_object(j);
            prev = e > prev ? e : prev;
        }
        sqlite3_reset(ss);
    }
    chr_json_end_array(j);

    article_spans(db, j, "dates", sql_article_timexes, id, text, len, "value", "end_value");
    article_spans(db, j, "entities", sql_article_mentions, id, text, len, "entity", "name");
    chr_json_key(j, "text");
    chr_json_string_n(j, text, len);
    sqlite3_reset(q);
    chr_json_end_object(j);
    serve_json_done(&b, r, 200);
}

/* ----------------------------------------------------------- search */

/* What lists show as an article's title: its headline, else its first
 * sentence. */
#define ARTICLE_LABEL                                                                              \
    " coalesce(a.title, (SELECT CAST(substr(CAST(a.clean_text AS BLOB), se.start + 1,"             \
    "   se.end - se.start) AS TEXT) FROM sentences se WHERE se.article_id = a.id AND se.idx = 0))"
enum { SEARCH_MAX_OFFSET = 10000 };

typedef struct search_page {
    chr_json *j;
    int n, limit, more;
} search_page;

static int search_hit(void *ctx, const chr_search_hit *h)
{
    search_page *pg = ctx;
    if (pg->n == pg->limit) {
        pg->more = 1;
        return 1;
    }
    chr_search_hit cut = *h; /* the title cut as lists show it */
    char buf[TITLE_MAX + 8];
    size_t len;
    if (h->title && short_text(h->title, strlen(h->title), buf, &len) == buf) {
        buf[len] = 0;
        cut.title = buf;
    }
    chr_search_hit_json(pg->j, &cut);
    pg->n++;
    return 0;
}

void serve_api_search(chr_server *s, serve_db *db, const serve_req *q, int64_t id, serve_resp *r)
{
    (void)id;
    const char *qs = serve_arg_get(q, "q");
    if (!qs || !*qs) {
        serve_error(r, 400, "give q, the words to search for");
        return;
    }
    int limit;
    if (limit_arg(s, q, r, &limit))
        return;
    const char *cur = serve_arg_get(q, "cursor");
    int64_t offset = 0;
    if (cur && *cur) {
        offset = serve_parse_id(cur);
        if (offset <= 0 || offset > SEARCH_MAX_OFFSET) {
            serve_error(r, 400, "bad cursor (use next_cursor from the previous page)");
            return;
        }
    }
    char *fts = chr_search_query(qs);
    if (!fts) {
        serve_error(r, 400, "q has no word to search for");
        return;
    }
    free(fts);
    serve_json b;
    if (list_begin(&b, qs, "results", NULL, r))
        return;
    search_page pg = {&b.j, 0, limit, 0};
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = chr_search(db->st, qs, limit + 1, (long)offset, search_hit, &pg, &d);
    if (e) {
        serve_json_abort(&b);
        if (e == CHR_EINVAL)
            serve_error(r, 400, "bad search query");
        else if (e == CHR_EUNSUPPORTED)
            serve_error(r, 503, "%s", d.msg);
        else
            serve_error(r, 500, "database error: %s", d.msg);
        return;
    }
    char c[24];
    snprintf(c, sizeof c, "%lld", (long long)(offset + limit));
    list_end(&b, pg.more ? c : NULL, r);
}

/* ----------------------------------------------------------- entities */

static const char sql_entity[] =
    "SELECT id, canonical, type, country, role, mentions FROM entities WHERE id = ?1";
/* (the columns of a story row, as story_card reads them, then the counts) */
static const char sql_entity_stories[] =
    "SELECT st.id, st.first_day, st.last_day, st.size, st.n_unique," DAY_DATE(
        "st.first_day") "," DAY_DATE("st.last_day") ", count(*), count(DISTINCT m.article_id)"
                                                    " FROM mentions m JOIN story_article sa ON "
                                                    "sa.article_id = m.article_id"
                                                    " JOIN story st ON st.id = sa.story_id"
                                                    " WHERE m.entity_id = ?1 GROUP BY sa.story_id "
                                                    "ORDER BY 9 DESC, st.last_day DESC LIMIT ?2";
static const char sql_entity_articles[] =
    "SELECT a.id," ARTICLE_LABEL ", a.outlet, a.pub_date, a.source, x.n, a.clean_text, se.start,"
    " se.end"
    " FROM (SELECT article_id, count(*) AS n, min(sentence) AS first"
    "       FROM mentions WHERE entity_id = ?1 GROUP BY article_id) x"
    " JOIN articles a ON a.id = x.article_id"
    " LEFT JOIN sentences se ON se.article_id = a.id AND se.idx = x.first"
    " ORDER BY a.pub_date IS NULL, a.pub_date DESC, a.id DESC LIMIT ?2";

/* One entity: its stories (with the title, from the story's card: the
 * page lists them by it) and the articles that mention it (with the first
 * sentence naming it). */
void serve_api_entity(chr_server *s, serve_db *db, const serve_req *q_, int64_t id, serve_resp *r)
{
    (void)q_;
    serve_json b;
    sqlite3_stmt *q = begin_one(db, sql_entity, "entity", id, &b, r);
    if (!q)
        return;
    chr_json *j = &b.j;
    ktext(j, "name", q, 1);
    ktext(j, "type", q, 2);
    ktext(j, "country", q, 3);
    ktext(j, "role", q, 4);
    chr_json_kint(j, "mentions", sqlite3_column_int64(q, 5));
    sqlite3_reset(q);
    chr_json_key(j, "stories");
    chr_json_begin_array(j);
    sqlite3_stmt *sq = serve_stmt(db, sql_entity_stories, NULL);
    if (sq) {
        sqlite3_bind_int64(sq, 1, id);
        sqlite3_bind_int(sq, 2, s->o.max_limit);
        while (sqlite3_step(sq) == SQLITE_ROW) {
            char *card = story_card_json(s, db, sq);
            json_t *c = card ? json_loads(card, 0, NULL) : NULL;
            free(card);
            chr_json_begin_object(j);
            chr_json_kint(j, "id", sqlite3_column_int64(sq, 0));
            chr_json_kstring(j, "title", json_string_value(json_object_get(c, "title")));
            json_decref(c);
            ktext(j, "first", sq, 5);
            ktext(j, "last", sq, 6);
            chr_json_kint(j, "size", sqlite3_column_int64(sq, 3));
            chr_json_kint(j, "mentions", sqlite3_column_int64(sq, 7));
            chr_json_kint(j, "articles", sqlite3_column_int64(sq, 8));
            chr_json_end_object(j);
        }
        sqlite3_reset(sq);
    }
    chr_json_end_array(j);
    chr_json_key(j, "articles");
    chr_json_begin_array(j);
    sqlite3_stmt *aq = serve_stmt(db, sql_entity_articles, NULL);
    if (aq) {
        sqlite3_bind_int64(aq, 1, id);
        sqlite3_bind_int(aq, 2, s->o.max_limit);
        while (sqlite3_step(aq) == SQLITE_ROW) {
            chr_json_begin_object(j);
            chr_json_kint(j, "id", sqlite3_column_int64(aq, 0));
            kshort(j, "title", (const char *)sqlite3_column_text(aq, 1),
                   (size_t)sqlite3_column_bytes(aq, 1));
            ktext(j, "outlet", aq, 2);
            ktext(j, "pub_date", aq, 3);
            ktext(j, "source", aq, 4);
            chr_json_kint(j, "mentions", sqlite3_column_int64(aq, 5));
            const char *text = (const char *)sqlite3_column_text(aq, 6);
            size_t len = (size_t)sqlite3_column_bytes(aq, 6);
            if (text && sqlite3_column_type(aq, 7) != SQLITE_NULL)
                kslice(j, "sentence", text, len, sqlite3_column_int64(aq, 7),
                       sqlite3_column_int64(aq, 8));
            chr_json_end_object(j);
        }
        sqlite3_reset(aq);
    }
    chr_json_end_array(j);
    chr_json_end_object(j);
    serve_json_done(&b, r, 200);
}

/* ------------------------------------------------------------- health */

static const char sql_health[] = "SELECT count(*) FROM sqlite_master";

void serve_api_healthz(chr_server *s, serve_db *db, const serve_req *q_, int64_t id_, serve_resp *r)
{
    (void)q_;
    (void)id_;
    (void)s;
    sqlite3_stmt *q = serve_stmt(db, sql_health, NULL);
    if (!q || sqlite3_step(q) != SQLITE_ROW) {
        serve_error(r, 503, "database unavailable: %s", sqlite3_errmsg(db->db));
        return;
    }
    sqlite3_reset(q);
    serve_json b;
    if (serve_json_open(&b)) {
        serve_error(r, 500, "out of memory");
        return;
    }
    chr_json_begin_object(&b.j);
    chr_json_kstring(&b.j, "status", "ok");
    chr_json_kint(&b.j, "schema", chr_store_schema_version(db->st));
    chr_json_key(&b.j, "ingest");
    chr_json_bool(&b.j, s->o.allow_ingest);
    chr_json_end_object(&b.j);
    serve_json_done(&b, r, 200);
}
