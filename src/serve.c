/* chronicle — serve: the server's life cycle and its HTTP side.
 * Owns: opening the database for serving (the read-only connection pool and
 * its statement caches), the libmicrohttpd daemon and its limits, routing,
 * the embedded web files, and JSON error responses. The endpoints' queries
 * live in serve_api.c, POST ingest in serve_ingest.c, /metrics in
 * serve_metrics.c. */
#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>
#include <sqlite3.h>
#include <xxhash.h>

#include "chronicle/ingest.h"
#include "serve_int.h"

/* Memory MHD may use per connection, which bounds the request line and the
 * headers together (MHD answers 414/431 by itself above it). */
#define SERVE_CONN_MEMORY (64 * 1024)
#define SERVE_CONN_LIMIT 1024
#define SERVE_CONN_TIMEOUT 30

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void chr_serve_opts_default(chr_serve_opts *o)
{
    memset(o, 0, sizeof *o);
    o->listen = "127.0.0.1:8080";
    o->threads = 4;
    o->max_body = 8u << 20;
    o->max_headers = 64;
    o->max_query = 1024;
    o->max_limit = 100;
}

/* ---------------------------------------------------------------- pool */

static void db_free(serve_db *db)
{
    if (!db)
        return;
    for (int i = 0; i < db->n_cache; i++)
        sqlite3_finalize(db->cache[i].q);
    chr_store_close(db->st);
    free(db);
}

serve_db *serve_db_get(chr_server *s)
{
    pthread_mutex_lock(&s->pool_mu);
    while (!s->free_dbs)
        pthread_cond_wait(&s->pool_cv, &s->pool_mu);
    serve_db *db = s->free_dbs;
    s->free_dbs = db->next_free;
    pthread_mutex_unlock(&s->pool_mu);
    return db;
}

void serve_db_put(chr_server *s, serve_db *db)
{
    /* A statement left mid-result would keep its read snapshot (and stop
     * checkpoints): reset them all before the connection goes back. */
    for (int i = 0; i < db->n_cache; i++)
        sqlite3_reset(db->cache[i].q);
    pthread_mutex_lock(&s->pool_mu);
    db->next_free = s->free_dbs;
    s->free_dbs = db;
    pthread_cond_signal(&s->pool_cv);
    pthread_mutex_unlock(&s->pool_mu);
}

sqlite3_stmt *serve_stmt(serve_db *db, const char *sql, int *missing)
{
    if (missing)
        *missing = 0;
    for (int i = 0; i < db->n_cache; i++) {
        if (db->cache[i].sql == sql) {
            sqlite3_stmt *q = db->cache[i].q;
            sqlite3_reset(q);
            sqlite3_clear_bindings(q);
            return q;
        }
    }
    if (db->n_cache == SERVE_STMT_CACHE)
        return NULL; /* more distinct queries than the code has: a bug */
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v3(db->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &q, NULL) != SQLITE_OK) {
        const char *msg = sqlite3_errmsg(db->db);
        if (missing && (strstr(msg, "no such table") || strstr(msg, "no such column")))
            *missing = 1;
        sqlite3_finalize(q);
        return NULL;
    }
    db->cache[db->n_cache].sql = sql;
    db->cache[db->n_cache].q = q;
    db->n_cache++;
    return q;
}

/* ----------------------------------------------------------- responses */

static void resp_clear(serve_resp *r)
{
    if (r->body && !r->body_static)
        free(r->body);
    r->body = NULL;
    r->len = 0;
    r->body_static = 0;
}

void serve_error(serve_resp *r, int status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    resp_clear(r);
    r->etag = NULL;
    r->html = 0;
    /* messages may quote the request, which need not be UTF-8 */
    size_t ml = 0;
    char *clean = chr_utf8_repair(msg, strlen(msg), &ml, NULL);
    serve_json b;
    if (!clean || serve_json_open(&b) != 0) {
        free(clean);
        static const char oom[] = "{\"error\":{\"status\":500,\"message\":\"out of memory\"}}\n";
        r->status = 500;
        r->ctype = "application/json";
        r->body = (char *)oom;
        r->len = sizeof oom - 1;
        r->body_static = 1;
        return;
    }
    chr_json_begin_object(&b.j);
    chr_json_key(&b.j, "error");
    chr_json_begin_object(&b.j);
    chr_json_kint(&b.j, "status", status);
    chr_json_kstring(&b.j, "message", clean);
    chr_json_end_object(&b.j);
    chr_json_end_object(&b.j);
    free(clean);
    serve_json_done(&b, r, status);
}

void serve_json_kclean(chr_json *j, const char *key, const char *s)
{
    size_t n = 0;
    char *c = s ? chr_utf8_repair(s, strlen(s), &n, NULL) : NULL;
    chr_json_kstring(j, key, c ? c : (s ? "" : NULL));
    free(c);
}

int serve_json_open(serve_json *b)
{
    memset(b, 0, sizeof *b);
    b->f = open_memstream(&b->buf, &b->len);
    if (!b->f)
        return -1;
    chr_json_init(&b->j, b->f, 0);
    return 0;
}

void serve_json_abort(serve_json *b)
{
    if (b->f)
        fclose(b->f);
    free(b->buf);
    memset(b, 0, sizeof *b);
}

void serve_json_done(serve_json *b, serve_resp *r, int status)
{
    chr_json_end(&b->j);
    int bad = ferror(b->f);
    if (fclose(b->f) != 0)
        bad = 1;
    b->f = NULL;
    if (bad) {
        free(b->buf);
        b->buf = NULL;
        serve_error(r, 500, "out of memory");
        return;
    }
    resp_clear(r);
    r->status = status;
    r->ctype = "application/json";
    r->body = b->buf;
    r->len = b->len;
    b->buf = NULL;
}

const char *serve_arg_get(const serve_req *q, const char *key)
{
    for (int i = 0; i < q->n_args; i++)
        if (strcmp(q->args[i].key, key) == 0)
            return q->args[i].val ? q->args[i].val : "";
    return NULL;
}

int64_t serve_parse_id(const char *s)
{
    if (!s || !*s || strlen(s) > 18)
        return 0;
    int64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (*p - '0');
    }
    return v;
}

/* --------------------------------------------------------- static files */

static const char *mime_type(const char *path)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(path, '.');
    if (dot)
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (strcmp(dot, types[i].ext) == 0)
                return types[i].type;
    return "application/octet-stream";
}

/* Only exact names of embedded files are served, so no path can reach the
 * file system; paths that try to climb are refused outright all the same. */
static void serve_static(chr_server *s, const serve_req *q, serve_resp *r)
{
    const char *p = q->path;
    r->route = ROUTE_STATIC;
    if (p[0] != '/' || strstr(p, "..") || strstr(p, "//") || strchr(p, '\\')) {
        serve_error(r, 400, "bad path");
        return;
    }
    if (strcmp(p, "/") == 0)
        p = "/index.html";
    for (size_t i = 0; i < serve_n_assets; i++) {
        if (strcmp(serve_assets[i].path, p) != 0)
            continue;
        resp_clear(r);
        r->status = 200;
        r->ctype = mime_type(p);
        r->body = (char *)serve_assets[i].data;
        r->len = serve_assets[i].len;
        r->body_static = 1;
        r->etag = s->etags[i];
        r->cache_control = "no-cache";
        r->html = strncmp(r->ctype, "text/html", 9) == 0;
        return;
    }
    serve_error(r, 404, "no such page: %s", p);
}

/* -------------------------------------------------------------- routing */

static int is_get(const serve_req *q)
{
    return strcmp(q->method, "GET") == 0 || strcmp(q->method, "HEAD") == 0;
}

static void method_not_allowed(serve_resp *r, const char *allow)
{
    serve_error(r, 405, "method not allowed (allowed: %s)", allow);
    r->allow = allow;
}

/* Run a read handler inside one read transaction, so every query of the
 * response sees the same snapshot while ingest commits beside it. */
static void with_db(chr_server *s, const serve_req *q, int64_t id, serve_handler *fn, serve_resp *r)
{
    serve_db *db = serve_db_get(s);
    sqlite3_stmt *b = serve_stmt(db, "BEGIN", NULL);
    if (!b || sqlite3_step(b) != SQLITE_DONE) {
        serve_error(r, 503, "database unavailable: %s", sqlite3_errmsg(db->db));
        serve_db_put(s, db);
        return;
    }
    fn(s, db, q, id, r);
    sqlite3_stmt *c = serve_stmt(db, "COMMIT", NULL);
    if (!c || sqlite3_step(c) != SQLITE_DONE)
        sqlite3_exec(db->db, "ROLLBACK", NULL, NULL, NULL);
    serve_db_put(s, db);
}

/* The routes: a path, or a prefix followed by a numeric id (noun names it
 * in errors). POST /api/articles has no read handler. */
static const struct route_def {
    const char *path;
    int with_id;
    serve_route route;
    serve_handler *fn;
    const char *noun;
} routes[] = {
    {"/healthz", 0, ROUTE_HEALTHZ, serve_api_healthz, NULL},
    {"/metrics", 0, ROUTE_METRICS, serve_metrics_render, NULL},
    {"/api/stories", 0, ROUTE_STORIES, serve_api_stories, NULL},
    {"/api/stories/", 1, ROUTE_STORY, serve_api_story, "story"},
    {"/api/articles", 0, ROUTE_POST, NULL, NULL},
    {"/api/articles/", 1, ROUTE_ARTICLE, serve_api_article, "article"},
    {"/api/search", 0, ROUTE_SEARCH, serve_api_search, NULL},
    {"/api/entities/", 1, ROUTE_ENTITY, serve_api_entity, "entity"},
};

static void dispatch(chr_server *s, const serve_req *q, serve_resp *r)
{
    const char *p = q->path;
    const struct route_def *rt = NULL;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0] && !rt; i++) {
        size_t n = strlen(routes[i].path);
        if (routes[i].with_id ? strncmp(p, routes[i].path, n) == 0 : strcmp(p, routes[i].path) == 0)
            rt = &routes[i];
    }
    r->route = rt ? rt->route : ROUTE_OTHER;
    if (!rt && strncmp(p, "/api/", 5) != 0 && strcmp(p, "/api") != 0)
        r->route = ROUTE_STATIC;
    if (r->route == ROUTE_OTHER) {
        serve_error(r, 404, "no such endpoint: %s", p);
        return;
    }
    if (r->route == ROUTE_POST) {
        if (strcmp(q->method, "POST") != 0) {
            method_not_allowed(r, "POST");
            return;
        }
    } else if (!is_get(q)) {
        method_not_allowed(r, "GET, HEAD");
        return;
    }
    if (q->too_many_args) {
        serve_error(r, 400, "too many query parameters (at most %d)", SERVE_MAX_ARGS);
        return;
    }
    if (q->longest_arg > s->o.max_query) {
        serve_error(r, 414, "query parameter too long (at most %zu bytes)", s->o.max_query);
        return;
    }
    if (r->route == ROUTE_STATIC) {
        serve_static(s, q, r);
        return;
    }
    if (r->route == ROUTE_POST) {
        serve_api_post(s, q, r);
        return;
    }
    int64_t id = 0;
    if (rt->with_id && !(id = serve_parse_id(p + strlen(rt->path)))) {
        serve_error(r, 400, "%s id must be a positive integer", rt->noun);
        return;
    }
    with_db(s, q, id, rt->fn, r);
}

/* ------------------------------------------------------------ life cycle */

static chr_err open_db(chr_server *s, serve_db **out, chr_diag *d)
{
    serve_db *db = calloc(1, sizeof *db);
    if (!db)
        return chr_diag_set(d, CHR_ENOMEM, s->db_path, 0, -1, NULL);
    chr_err e = chr_store_open(s->db_path, CHR_STORE_READONLY, &db->st, d);
    if (e) {
        free(db);
        return e;
    }
    db->db = chr_store_sqlite(db->st);
    /* Reads through a shared memory map (no pread copies, one OS page cache
     * for every worker) and a larger private cache for what the map cannot
     * serve (pages still in the WAL). */
    sqlite3_exec(db->db, "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-8192;", NULL, NULL, NULL);
    *out = db;
    return CHR_OK;
}

static chr_err open_pool(chr_server *s, chr_diag *d)
{
    int n = s->o.threads + 2; /* the workers, plus callers of chr_serve_handle */
    for (int i = 0; i < n; i++) {
        serve_db *db;
        chr_err e = open_db(s, &db, d);
        if (e)
            return e;
        db->next_free = s->free_dbs;
        s->free_dbs = db;
        s->n_dbs++;
    }
    for (int i = 0; i < SERVE_BUILDERS; i++) {
        chr_err e = open_db(s, &s->builder_db[i], d);
        if (e)
            return e;
    }
    s->cache = serve_cache_new(s->builder_db, 1024, 128u << 20);
    return s->cache ? CHR_OK : chr_diag_set(d, CHR_ENOMEM, s->db_path, 0, -1, NULL);
}

chr_err chr_serve_open(const chr_serve_opts *opts, chr_server **out, chr_diag *d)
{
    *out = NULL;
    chr_server *s = calloc(1, sizeof *s);
    if (!s)
        return chr_diag_set(d, CHR_ENOMEM, NULL, 0, -1, NULL);
    chr_serve_opts_default(&s->o);
    if (opts)
        s->o = *opts;
    if (s->o.threads <= 0)
        s->o.threads = 4;
    if (s->o.threads > 64)
        s->o.threads = 64;
    if (!s->o.max_body)
        s->o.max_body = 8u << 20;
    if (s->o.max_headers <= 0)
        s->o.max_headers = 64;
    if (!s->o.max_query)
        s->o.max_query = 1024;
    if (s->o.max_limit <= 0)
        s->o.max_limit = 100;
    pthread_mutex_init(&s->pool_mu, NULL);
    pthread_cond_init(&s->pool_cv, NULL);
    pthread_mutex_init(&s->write_mu, NULL);
    s->m.started = (double)time(NULL);
    s->db_path = strdup(s->o.db_path ? s->o.db_path : "");
    s->listen = strdup(s->o.listen ? s->o.listen : "127.0.0.1:8080");
    s->o.db_path = s->db_path;
    s->o.listen = s->listen;
    s->etags = calloc(serve_n_assets + 1, sizeof *s->etags);
    if (!s->db_path || !s->listen || !s->etags) {
        chr_serve_close(s);
        return chr_diag_set(d, CHR_ENOMEM, NULL, 0, -1, NULL);
    }
    for (size_t i = 0; i < serve_n_assets; i++)
        snprintf(s->etags[i], sizeof s->etags[i], "\"%016llx\"",
                 (unsigned long long)XXH3_64bits(serve_assets[i].data, serve_assets[i].len));

    struct stat sb;
    if (!s->db_path[0] || (stat(s->db_path, &sb) != 0 && !s->o.allow_ingest)) {
        chr_err e = chr_diag_set(d, CHR_ENOTFOUND, s->db_path, 0, -1,
                                 "no such database (run 'chronicle ingest' first, or serve "
                                 "with --allow-ingest to start an empty one)");
        chr_serve_close(s);
        return e;
    }
    /* Open read-write once: creates the file (with --allow-ingest), turns on
     * WAL and applies pending migrations, so that the read-only connections
     * find the current schema. A read-only file stays usable as it is. */
    chr_store *w = NULL;
    chr_diag wd;
    chr_err e = chr_store_open(s->db_path, 0, &w, &wd);
    if (e && s->o.allow_ingest) {
        if (d)
            *d = wd;
        chr_serve_close(s);
        return e;
    }
    if (s->o.allow_ingest) {
        s->write_st = w;
        const char *tmp = getenv("TMPDIR");
        size_t n = strlen(tmp && *tmp ? tmp : "/tmp") + 32;
        s->spool_dir = malloc(n);
        if (s->spool_dir) {
            snprintf(s->spool_dir, n, "%s/chronicle-serve-XXXXXX", tmp && *tmp ? tmp : "/tmp");
            if (!mkdtemp(s->spool_dir)) {
                e = chr_diag_set(d, CHR_EIO, s->spool_dir, 0, -1, "cannot create: %s",
                                 strerror(errno));
                free(s->spool_dir);
                s->spool_dir = NULL;
                chr_serve_close(s);
                return e;
            }
        }
    } else {
        chr_store_close(w);
    }
    e = open_pool(s, d);
    if (e) {
        chr_serve_close(s);
        return e;
    }
    *out = s;
    return CHR_OK;
}

/* ------------------------------------------------------------- network */

typedef struct req_ctx {
    double t0;
    char *body;
    size_t len, cap;
    int too_big;  /* body over the limit: discarded, answered 413 */
    int answered; /* a response was queued */
    int status;
    serve_route route;
} req_ctx;

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    (void)kind;
    serve_req *q = cls;
    size_t l = strlen(key) + (value ? strlen(value) : 0);
    if (l > q->longest_arg)
        q->longest_arg = l;
    if (q->n_args == SERVE_MAX_ARGS) {
        q->too_many_args = 1;
        return MHD_YES;
    }
    q->args[q->n_args].key = key;
    q->args[q->n_args].val = value;
    q->n_args++;
    return MHD_YES;
}

static enum MHD_Result send_resp(chr_server *s, struct MHD_Connection *c, req_ctx *ctx,
                                 serve_resp *r, const char *if_none_match)
{
    (void)s;
    struct MHD_Response *mr;
    int status = r->status;
    if (r->etag && if_none_match && status == 200 && strcmp(if_none_match, r->etag) == 0) {
        status = 304;
        mr = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        resp_clear(r);
    } else if (r->body_static || r->len == 0) {
        mr = MHD_create_response_from_buffer(r->len, r->body ? r->body : (void *)"",
                                             MHD_RESPMEM_PERSISTENT);
        if (!r->body_static)
            resp_clear(r);
    } else {
        mr = MHD_create_response_from_buffer(r->len, r->body, MHD_RESPMEM_MUST_FREE);
        if (mr)
            r->body = NULL; /* MHD frees it now */
    }
    if (!mr) {
        resp_clear(r);
        return MHD_NO;
    }
    MHD_add_response_header(mr, "Content-Type", r->ctype ? r->ctype : "application/json");
    MHD_add_response_header(mr, "Cache-Control", r->cache_control ? r->cache_control : "no-store");
    MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(mr, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(mr, "X-Frame-Options", "DENY");
    if (r->html)
        MHD_add_response_header(mr, "Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data:; "
                                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                                "form-action 'self'");
    if (r->etag)
        MHD_add_response_header(mr, "ETag", r->etag);
    if (r->allow)
        MHD_add_response_header(mr, "Allow", r->allow);
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, mr);
    MHD_destroy_response(mr);
    ctx->answered = 1;
    ctx->status = status;
    ctx->route = r->route;
    return ok;
}

static enum MHD_Result send_error(chr_server *s, struct MHD_Connection *c, req_ctx *ctx,
                                  serve_route route, int status, const char *msg)
{
    serve_resp r = {0};
    r.route = route;
    serve_error(&r, status, "%s", msg);
    return send_resp(s, c, ctx, &r, NULL);
}

static serve_route guess_route(const char *url, const char *method)
{
    if (strcmp(url, "/api/articles") == 0 && strcmp(method, "POST") == 0)
        return ROUTE_POST;
    return ROUTE_OTHER;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
    (void)version;
    chr_server *s = cls;
    req_ctx *ctx = *con_cls;
    if (!ctx) {
        ctx = calloc(1, sizeof *ctx);
        if (!ctx)
            return MHD_NO;
        ctx->t0 = now_s();
        *con_cls = ctx;
        atomic_fetch_add(&s->m.in_flight, 1);
        int nh = MHD_get_connection_values(c, MHD_HEADER_KIND, NULL, NULL);
        if (nh > s->o.max_headers)
            return send_error(s, c, ctx, guess_route(url, method), 431, "too many request headers");
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if (cl) {
            errno = 0;
            char *end;
            unsigned long long n = strtoull(cl, &end, 10);
            if (errno || *end || n > s->o.max_body) {
                char msg[96];
                snprintf(msg, sizeof msg, "request body too large (at most %zu bytes)",
                         s->o.max_body);
                return send_error(s, c, ctx, guess_route(url, method), 413, msg);
            }
        }
        return MHD_YES;
    }
    if (ctx->answered) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (*upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        if (ctx->too_big || ctx->len + n > s->o.max_body) {
            ctx->too_big = 1;
            free(ctx->body);
            ctx->body = NULL;
            ctx->len = ctx->cap = 0;
            return MHD_YES;
        }
        if (ctx->len + n + 1 > ctx->cap) {
            size_t nc = ctx->cap ? ctx->cap * 2 : 16384;
            while (nc < ctx->len + n + 1)
                nc *= 2;
            char *nb = realloc(ctx->body, nc);
            if (!nb)
                return MHD_NO;
            ctx->body = nb;
            ctx->cap = nc;
        }
        memcpy(ctx->body + ctx->len, upload_data, n);
        ctx->len += n;
        ctx->body[ctx->len] = 0;
        return MHD_YES;
    }
    if (ctx->too_big) {
        char msg[96];
        snprintf(msg, sizeof msg, "request body too large (at most %zu bytes)", s->o.max_body);
        return send_error(s, c, ctx, guess_route(url, method), 413, msg);
    }
    serve_req q = {0};
    q.method = method;
    q.path = url;
    q.body = ctx->body;
    q.body_len = ctx->len;
    q.content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &q);
    serve_resp r = {0};
    dispatch(s, &q, &r);
    return send_resp(s, c, ctx, &r,
                     MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match"));
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decode %XX in place (and '+' as a space when plus is set); "%00" stays as
 * written: a NUL would cut "1%00" to "1" and answer for story 1. Returns
 * the decoded length. */
static size_t pct_decode(char *s, int plus)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        int hi, lo;
        if (plus && *p == '+') {
            *o++ = ' ';
        } else if (*p == '%' && (hi = hexval(p[1])) >= 0 && (lo = hexval(p[2])) >= 0 &&
                   (hi || lo)) {
            *o++ = (char)(hi * 16 + lo);
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = 0;
    return (size_t)(o - s);
}

/* MHD's unescaping of the path and the parameters ('+' is MHD's own). */
static size_t unescape_no_nul(void *cls, struct MHD_Connection *c, char *uri)
{
    (void)cls;
    (void)c;
    return pct_decode(uri, 0);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)c;
    (void)toe;
    chr_server *s = cls;
    req_ctx *ctx = *con_cls;
    if (!ctx)
        return;
    if (ctx->answered)
        serve_metrics_record(&s->m, ctx->route, ctx->status, now_s() - ctx->t0);
    atomic_fetch_sub(&s->m.in_flight, 1);
    free(ctx->body);
    free(ctx);
    *con_cls = NULL;
}

/* "HOST:PORT", "[V6]:PORT" or ":PORT" into a socket address. */
static chr_err parse_listen(const char *spec, struct sockaddr_storage *ss, socklen_t *sl, int *v6,
                            chr_diag *d)
{
    char host[256];
    const char *colon;
    if (spec[0] == '[') {
        const char *rb = strchr(spec, ']');
        if (!rb || rb[1] != ':' || (size_t)(rb - spec - 1) >= sizeof host)
            return chr_diag_set(d, CHR_EINVAL, NULL, 0, -1, "bad listen address '%s'", spec);
        memcpy(host, spec + 1, (size_t)(rb - spec - 1));
        host[rb - spec - 1] = 0;
        colon = rb + 1;
    } else {
        colon = strrchr(spec, ':');
        if (!colon || (size_t)(colon - spec) >= sizeof host)
            return chr_diag_set(d, CHR_EINVAL, NULL, 0, -1,
                                "bad listen address '%s' (want HOST:PORT)", spec);
        memcpy(host, spec, (size_t)(colon - spec));
        host[colon - spec] = 0;
    }
    const char *port = colon + 1;
    char *end;
    long pn = strtol(port, &end, 10);
    if (!*port || *end || pn < 0 || pn > 65535)
        return chr_diag_set(d, CHR_EINVAL, NULL, 0, -1, "bad port in listen address '%s'", spec);
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    int rc = getaddrinfo(host[0] ? host : NULL, port, &hints, &ai);
    if (rc != 0 || !ai)
        return chr_diag_set(d, CHR_EINVAL, NULL, 0, -1, "cannot resolve '%s': %s", host,
                            gai_strerror(rc));
    memcpy(ss, ai->ai_addr, ai->ai_addrlen);
    *sl = ai->ai_addrlen;
    *v6 = ai->ai_family == AF_INET6;
    freeaddrinfo(ai);
    return CHR_OK;
}

chr_err chr_serve_listen(chr_server *s, chr_diag *d)
{
    struct sockaddr_storage ss;
    socklen_t sl;
    int v6 = 0;
    chr_err e = parse_listen(s->listen, &ss, &sl, &v6, d);
    if (e)
        return e;
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD;
    if (v6)
        flags |= MHD_USE_IPv6;
    s->mhd = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->o.threads, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)SERVE_CONN_MEMORY, MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_CONN_LIMIT,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_CONN_TIMEOUT, MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, s, MHD_OPTION_UNESCAPE_CALLBACK, unescape_no_nul, s, MHD_OPTION_END);
    if (!s->mhd)
        return chr_diag_set(d, CHR_EIO, NULL, 0, -1, "cannot listen on %s: %s", s->listen,
                            errno ? strerror(errno) : "libmicrohttpd failed to start");
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? (int)info->port : 0;
    return CHR_OK;
}

int chr_serve_port(const chr_server *s)
{
    return s ? s->port : 0;
}

void chr_serve_close(chr_server *s)
{
    if (!s)
        return;
    if (s->mhd)
        MHD_stop_daemon(s->mhd);
    if (serve_cache_free(s->cache, 2.0) == 0)
        for (int i = 0; i < SERVE_BUILDERS; i++)
            db_free(s->builder_db[i]);
    while (s->free_dbs) {
        serve_db *db = s->free_dbs;
        s->free_dbs = db->next_free;
        db_free(db);
    }
    chr_store_close(s->write_st);
    if (s->spool_dir) {
        rmdir(s->spool_dir);
        free(s->spool_dir);
    }
    pthread_mutex_destroy(&s->pool_mu);
    pthread_cond_destroy(&s->pool_cv);
    pthread_mutex_destroy(&s->write_mu);
    free(s->etags);
    free(s->db_path);
    free(s->listen);
    free(s);
}

/* ------------------------------------------------------- without network */

/* Decode %XX and '+' in place, as MHD does for the query. */
static void url_decode(char *s)
{
    pct_decode(s, 1);
}

void chr_serve_handle(chr_server *s, const char *method, const char *path, const char *query,
                      const char *body, size_t body_len, chr_serve_response *out)
{
    double t0 = now_s();
    serve_req q = {0};
    serve_resp r = {0};
    char *qs = query ? strdup(query) : NULL;
    char *pb = strdup(path ? path : "/");
    q.method = method ? method : "GET";
    q.body = body;
    q.body_len = body_len;
    if ((query && !qs) || !pb) {
        serve_error(&r, 500, "out of memory");
        goto done;
    }
    char *qmark = strchr(pb, '?');
    if (qmark)
        *qmark = 0;
    url_decode(pb);
    q.path = pb;
    for (char *save = NULL, *kv = qs ? strtok_r(qs, "&", &save) : NULL; kv;
         kv = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(kv, '=');
        if (eq)
            *eq++ = 0;
        url_decode(kv);
        if (eq)
            url_decode(eq);
        size_t l = strlen(kv) + (eq ? strlen(eq) : 0);
        if (l > q.longest_arg)
            q.longest_arg = l;
        if (q.n_args == SERVE_MAX_ARGS) {
            q.too_many_args = 1;
            continue;
        }
        q.args[q.n_args].key = kv;
        q.args[q.n_args].val = eq;
        q.n_args++;
    }
    if (body_len > s->o.max_body) {
        r.route = guess_route(q.path, q.method);
        serve_error(&r, 413, "request body too large (at most %zu bytes)", s->o.max_body);
    } else {
        dispatch(s, &q, &r);
    }
done:
    serve_metrics_record(&s->m, r.route, r.status, now_s() - t0);
    out->status = r.status;
    out->content_type = r.ctype ? r.ctype : "application/json";
    out->len = r.len;
    out->body = malloc(r.len + 1);
    if (out->body) {
        if (r.len)
            memcpy(out->body, r.body, r.len);
        out->body[r.len] = 0;
    } else {
        out->len = 0;
    }
    resp_clear(&r);
    free(qs);
    free(pb);
}

void chr_serve_response_free(chr_serve_response *r)
{
    if (!r)
        return;
    free(r->body);
    r->body = NULL;
    r->len = 0;
}
