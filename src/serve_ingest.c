/* chronicle — serve ingest: POST /api/articles.
 * Owns: checking the body (one JSON object, a JSON array of objects, or JSON
 * Lines), spooling it to a private temp file as JSON Lines, running it
 * through the library pipeline on the server's one write connection, and
 * answering with what was stored. Off unless the server allows ingest. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "chronicle/pipeline.h"
#include "grow.h"
#include "serve_int.h"

enum { MAX_REPORTED = 50 };

typedef struct post_report {
    chr_json *j;
    int n;
} post_report;

static void on_report(void *ctx, const chr_diag *d, int warning)
{
    post_report *pr = ctx;
    if (pr->n >= MAX_REPORTED)
        return;
    pr->n++;
    chr_json_begin_object(pr->j);
    chr_json_kstring(pr->j, "level", warning ? "warning" : "error");
    if (d->line > 0)
        chr_json_kint(pr->j, "record", d->line);
    if (d->code != CHR_OK) /* a warning has none: not "success" */
        chr_json_kstring(pr->j, "code", chr_strerror(d->code));
    serve_json_kclean(pr->j, "message", d->msg);
    chr_json_end_object(pr->j);
}

/* Records whose text was stored before: their record line and the stored
 * article's id. */
typedef struct post_dups {
    struct {
        long record;
        int64_t id;
    } * v;
    size_t n, cap;
} post_dups;

static void on_duplicate(void *ctx, const chr_article *a, int64_t id)
{
    post_dups *pd = ctx;
    if (pd->n >= MAX_REPORTED || chr_grow((void **)&pd->v, &pd->cap, pd->n + 1, sizeof *pd->v) != 0)
        return;
    const char *hash = a->source ? strrchr(a->source, '#') : NULL;
    pd->v[pd->n].record = hash ? strtol(hash + 1, NULL, 10) : 0;
    pd->v[pd->n++].id = id;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Write one JSON object as a compact line. */
static int write_object(int fd, json_t *o)
{
    char *line = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
    if (!line)
        return -1;
    int rc = write_all(fd, line, strlen(line));
    free(line);
    return rc ? rc : write_all(fd, "\n", 1);
}

/* Non-blank lines of body[0..len): the records of JSON Lines. */
static long count_lines(const char *body, size_t len)
{
    long n = 0;
    const char *p = body, *end = body + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        while (p < le && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        n += p < le;
        p = nl ? nl + 1 : end;
    }
    return n;
}

/* Is some line of body[0..len) a JSON object of its own? */
static int some_line_parses(const char *body, size_t len)
{
    const char *p = body, *end = body + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        json_error_t je;
        json_t *o = json_loadb(p, (size_t)(le - p), 0, &je);
        /* (a lone surrogate escape: the ingest reads it as U+FFFD) */
        int ok = json_is_object(o) || (!o && *p == '{' && strstr(je.text, "invalid Unicode"));
        json_decref(o);
        if (ok)
            return 1;
        p = nl ? nl + 1 : end;
    }
    return 0;
}

/* Validate the body and write it to fd as JSON Lines. Returns the number of
 * records, or -1 with msg filled (the client's mistake), or -2 on a write
 * failure. JSON Lines (and one object on one line) are spooled as they came,
 * so that the ingest reads them as it reads a file: a bad line costs only
 * itself, ids stay as written, charsets are repaired with a warning. An
 * array, or one object over several lines, is parsed here and written one
 * object a line. */
static long spool_body(int fd, const char *body, size_t len, char *msg, size_t msz)
{
    size_t at = 0, tl = len;
    if (len >= 3 && !memcmp(body, "\xef\xbb\xbf", 3))
        at = 3; /* a byte order mark */
    while (at < len && strchr(" \t\r\n", body[at]))
        at++;
    while (tl > at && strchr(" \t\r\n", body[tl - 1]))
        tl--;
    if (at == tl) {
        snprintf(msg, msz, "no article in the body");
        return -1;
    }
    int lines = memchr(body + at, '\n', tl - at) != NULL;
    /* JSON Lines whose first line is bad (cut from a log, not JSON) are
     * still JSON Lines: the bad line costs only itself, as in `ingest -` */
    int other = body[at] != '{' && body[at] != '[';
    if (other && !(lines && some_line_parses(body + at, tl - at))) {
        snprintf(msg, msz, "body must be a JSON object, an array of objects, or JSON Lines");
        return -1;
    }
    json_error_t je;
    json_t *all = NULL;
    if (!other && (body[at] == '[' || lines))
        all = json_loadb(body + at, tl - at, JSON_REJECT_DUPLICATES, &je);
    if (!all && body[at] == '[') {
        snprintf(msg, msz, "%s", je.text);
        return -1;
    }
    if (!all && !other && lines && !some_line_parses(body + at, tl - at)) {
        /* not JSON Lines (no line is an object of its own): an object over
         * several lines that does not parse, one mistake */
        snprintf(msg, msz, "line %d: %s", je.line, je.text);
        return -1;
    }
    if (!all) { /* JSON Lines, or one object on one line */
        if (write_all(fd, body, len) || (body[len - 1] != '\n' && write_all(fd, "\n", 1)))
            return -2;
        return count_lines(body, len);
    }
    long n = 0;
    if (json_is_object(all)) {
        n = write_object(fd, all) ? -2 : 1;
    } else {
        size_t i;
        json_t *v;
        json_array_foreach(all, i, v)
        {
            if (!json_is_object(v)) {
                snprintf(msg, msz, "array element %zu is not a JSON object", i + 1);
                n = -1;
                break;
            }
            if (write_object(fd, v)) {
                n = -2;
                break;
            }
            n++;
        }
        if (n == 0) {
            snprintf(msg, msz, "no article in the body");
            n = -1;
        }
    }
    json_decref(all);
    return n;
}

static const char sql_posted[] =
    "SELECT a.id, a.source, a.ext_id FROM articles a WHERE a.source >= ?1 AND a.source < ?2"
    " ORDER BY a.id";
static const char sql_posted_story[] = "SELECT story_id FROM story_article WHERE article_id = ?1";

/* The articles the spool file produced: their source is "PATH#LINE". */
static void list_posted(sqlite3 *db, const char *path, chr_json *j)
{
    size_t n = strlen(path);
    char *lo = malloc(n + 2), *hi = malloc(n + 2);
    sqlite3_stmt *q = NULL, *sq = NULL;
    chr_json_key(j, "articles");
    chr_json_begin_array(j);
    if (lo && hi && sqlite3_prepare_v2(db, sql_posted, -1, &q, NULL) == SQLITE_OK) {
        snprintf(lo, n + 2, "%s#", path);
        snprintf(hi, n + 2, "%s$", path); /* '$' sorts right after '#' */
        sqlite3_bind_text(q, 1, lo, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, hi, -1, SQLITE_STATIC);
        if (sqlite3_prepare_v2(db, sql_posted_story, -1, &sq, NULL) != SQLITE_OK) {
            sqlite3_finalize(sq);
            sq = NULL;
        }
        while (sqlite3_step(q) == SQLITE_ROW) {
            int64_t id = sqlite3_column_int64(q, 0);
            const char *src = (const char *)sqlite3_column_text(q, 1);
            const char *hash = src ? strrchr(src, '#') : NULL;
            chr_json_begin_object(j);
            chr_json_kint(j, "id", id);
            if (hash)
                chr_json_kint(j, "record", strtol(hash + 1, NULL, 10));
            chr_json_kstring(j, "ext_id", (const char *)sqlite3_column_text(q, 2));
            chr_json_key(j, "story");
            if (sq) {
                sqlite3_reset(sq);
                sqlite3_bind_int64(sq, 1, id);
                if (sqlite3_step(sq) == SQLITE_ROW)
                    chr_json_int(j, sqlite3_column_int64(sq, 0));
                else
                    chr_json_null(j);
            } else {
                chr_json_null(j);
            }
            chr_json_end_object(j);
        }
    }
    chr_json_end_array(j);
    sqlite3_finalize(q);
    sqlite3_finalize(sq);
    free(lo);
    free(hi);
}

void serve_api_post(chr_server *s, const serve_req *q, serve_resp *r)
{
    if (!s->o.allow_ingest || !s->write_st || !s->spool_dir) {
        serve_error(r, 403, "ingest over HTTP is off (start the server with --allow-ingest)");
        return;
    }
    if (!q->body || q->body_len == 0) {
        serve_error(r, 400, "empty body: send one JSON article, an array of them, or JSON Lines");
        return;
    }
    char path[4096];
    unsigned long seq = atomic_fetch_add(&s->spool_seq, 1) + 1;
    snprintf(path, sizeof path, "%s/post-%lu.jsonl", s->spool_dir, seq);
    /* what the articles' sources say: the upload, not the spool file */
    char name[64];
    snprintf(name, sizeof name, "http-post/%lld-%lu", (long long)time(NULL), seq);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        serve_error(r, 500, "cannot spool the body: %s", strerror(errno));
        return;
    }
    char msg[256] = "";
    long n = spool_body(fd, q->body, q->body_len, msg, sizeof msg);
    if (close(fd) != 0 && n > 0)
        n = -2;
    if (n < 0) {
        unlink(path);
        if (n == -1)
            serve_error(r, 400, "%s", msg);
        else
            serve_error(r, 500, "cannot spool the body");
        return;
    }
    serve_json b;
    if (serve_json_open(&b)) {
        unlink(path);
        serve_error(r, 500, "out of memory");
        return;
    }
    chr_json *j = &b.j;
    chr_json_begin_object(j);
    chr_json_kint(j, "records", n);
    chr_json_key(j, "problems");
    chr_json_begin_array(j);
    post_report pr = {j, 0};
    post_dups pd = {NULL, 0, 0};
    chr_ingest_stats st = {0};
    chr_diag d;
    chr_diag_clear(&d);
    pthread_mutex_lock(&s->write_mu);
    chr_pipeline *p = NULL;
    chr_err e = chr_pipeline_open(s->write_st, &p, &d);
    if (e == CHR_OK) {
        chr_pipeline_on_report(p, on_report, &pr);
        chr_pipeline_on_duplicate(p, on_duplicate, &pd);
        e = chr_pipeline_ingest_as(p, path, name, &st);
        chr_pipeline_close(p);
    }
    chr_json_end_array(j);
    if (e == CHR_OK)
        list_posted(chr_store_sqlite(s->write_st), name, j);
    pthread_mutex_unlock(&s->write_mu);
    if (e == CHR_OK) {
        chr_json_key(j, "already_stored");
        chr_json_begin_array(j);
        for (size_t i = 0; i < pd.n; i++) {
            chr_json_begin_object(j);
            chr_json_kint(j, "record", pd.v[i].record);
            chr_json_kint(j, "id", pd.v[i].id);
            chr_json_end_object(j);
        }
        chr_json_end_array(j);
    }
    free(pd.v);
    unlink(path);
    if (e != CHR_OK) {
        serve_json_abort(&b);
        if (e == CHR_EBUSY) /* a CLI ingest holds the writer lock (store.h) */
            serve_error(r, 503,
                        "another ingest into this database is running: try again when "
                        "it has finished");
        else if (e == CHR_EDB)
            serve_error(r, 503, "database busy or failing, try again: %s", d.msg);
        else
            serve_error(r, 500, "ingest failed: %s", chr_strerror(e));
        return;
    }
    atomic_fetch_add(&s->m.ingested, (unsigned long)st.stored);
    chr_json_kint(j, "stored", st.stored);
    chr_json_kint(j, "duplicates", st.duplicates);
    chr_json_kint(j, "copies", st.copies);
    chr_json_kint(j, "errors", st.errors);
    chr_json_end_object(j);
    serve_json_done(&b, r, st.stored > 0 ? 201 : (st.errors == n ? 400 : 200));
}
