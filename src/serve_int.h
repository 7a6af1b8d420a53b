/* chronicle — serve internals shared by src/serve*.c: the request and
 * response records, the pool of read-only connections with their statement
 * caches, the JSON response helpers, the routes and their metrics. Not part
 * of the public API (see include/chronicle/serve.h). */
#ifndef CHRONICLE_SERVE_INT_H
#define CHRONICLE_SERVE_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#include "chronicle/json.h"
#include "chronicle/serve.h"
#include "chronicle/store.h"

struct sqlite3;
struct sqlite3_stmt;

/* Routes, as counted in /metrics. */
typedef enum serve_route {
    ROUTE_STORIES = 0, /* GET /api/stories */
    ROUTE_STORY,       /* GET /api/stories/{id} */
    ROUTE_ARTICLE,     /* GET /api/articles/{id} */
    ROUTE_POST,        /* POST /api/articles */
    ROUTE_SEARCH,      /* GET /api/search */
    ROUTE_ENTITY,      /* GET /api/entities/{id} */
    ROUTE_HEALTHZ,     /* GET /healthz */
    ROUTE_METRICS,     /* GET /metrics */
    ROUTE_STATIC,      /* web page files */
    ROUTE_OTHER,       /* anything unknown (404/405) */
    ROUTE_COUNT
} serve_route;

const char *serve_route_name(serve_route r);

enum {
    SERVE_MAX_ARGS = 16,   /* query parameters per request (400 above) */
    SERVE_STMT_CACHE = 48, /* prepared statements kept per connection */
    SERVE_N_BUCKETS = 12,  /* latency histogram buckets (+Inf extra) */
    SERVE_N_STATUS = 15    /* status codes counted one by one (+ "other") */
};

typedef struct serve_arg {
    const char *key, *val;
} serve_arg;

/* One request as the handlers see it; every pointer is borrowed. */
typedef struct serve_req {
    const char *method; /* "GET", "HEAD", "POST", ... */
    const char *path;   /* decoded path, starts with '/' */
    serve_arg args[SERVE_MAX_ARGS];
    int n_args;
    int too_many_args;  /* more than SERVE_MAX_ARGS were given */
    size_t longest_arg; /* longest parameter value, bytes */
    const char *body;
    size_t body_len;
    const char *content_type; /* request Content-Type or NULL */
} serve_req;

/* One response. body is malloc'd unless body_static. */
typedef struct serve_resp {
    int status;
    serve_route route;
    const char *ctype;
    char *body;
    size_t len;
    int body_static;
    const char *allow;         /* Allow header on 405 */
    const char *etag;          /* static files */
    const char *cache_control; /* NULL = "no-store" */
    int html;                  /* add the page's Content-Security-Policy */
} serve_resp;

/* A read-only connection of one worker, with its prepared statements. */
typedef struct serve_db {
    chr_store *st;
    struct sqlite3 *db;
    struct {
        const char *sql; /* key: the static SQL text's address */
        struct sqlite3_stmt *q;
    } cache[SERVE_STMT_CACHE];
    int n_cache;
    struct serve_db *next_free;
} serve_db;

typedef struct serve_metrics {
    atomic_ulong requests[ROUTE_COUNT][SERVE_N_STATUS + 1];
    atomic_ulong hist[ROUTE_COUNT][SERVE_N_BUCKETS + 1]; /* non-cumulative */
    atomic_ulong micros[ROUTE_COUNT];                    /* latency sum, µs */
    atomic_long in_flight;
    atomic_ulong ingested; /* articles stored through POST /api/articles */
    double started;        /* wall-clock seconds at open */
} serve_metrics;

/* An embedded file of web/ (build/gen/serve_assets.c). */
typedef struct serve_asset {
    const char *path; /* "/index.html" */
    const char *data;
    size_t len;
} serve_asset;

extern const serve_asset serve_assets[];
extern const size_t serve_n_assets;

/* Finished JSON of expensive story parts, built in the background
 * (serve_cache.c). */
typedef struct serve_cache serve_cache;
enum {
    CACHE_TIMELINE = 0, /* timeline JSON of a story */
    CACHE_SUMMARY,      /* summary JSON */
    CACHE_PAGE,         /* a whole /api/stories/{id} answer (state "SIG~" while its
                           timeline or summary is still being rebuilt) */
    CACHE_CARD,         /* a story of /api/stories */
    SERVE_BUILDERS = 2  /* background builder threads */
};
/* Start the builder threads, one on each of dbs (borrowed; they must
 * outlive the cache). */
serve_cache *serve_cache_new(serve_db *const dbs[SERVE_BUILDERS], int capacity, size_t max_bytes);
/* Stop the builders (interrupting builds) and free everything. A build
 * that does not stop within wait_s seconds is abandoned to the process's
 * exit: then the cache and the connections stay allocated and -1 is
 * returned (the caller must not free the connections). */
int serve_cache_free(serve_cache *c, double wait_s);
/* The JSON of part kind of story id for state sig (malloc'd copy). When it
 * is not built for sig, queues the build (cheapest cost first) and returns
 * the value of an older state at once, or, when there is none, waits up to
 * wait_s seconds for the build; *pending is set unless the value is for
 * sig. */
char *serve_cache_fetch(serve_cache *c, int64_t id, int kind, const char *sig, long cost,
                        double wait_s, int *pending);
/* A value stored for (id, kind) at state sig (malloc'd copy) or NULL; never
 * queues a build. */
char *serve_cache_peek(serve_cache *c, int64_t id, int kind, const char *sig);
/* For values built by requests, one at a time: the value at state sig, or
 * while another request builds one, the latest value (any state; NULL when
 * none); else NULL with *claimed set: the caller builds it and must then call
 * serve_cache_store (value NULL when the build failed). */
char *serve_cache_claim(serve_cache *c, int64_t id, int kind, const char *sig, int *claimed);
/* Keep a copy of value[0..len) for (id, kind) at state sig and end a claim
 * on it; value NULL only ends the claim. */
void serve_cache_store(serve_cache *c, int64_t id, int kind, const char *sig, const char *value,
                       size_t len);
/* Build part kind of story id on db (serve_api.c): malloc'd JSON or NULL. */
char *serve_build_part(serve_db *db, int64_t id, int kind);

struct chr_server {
    chr_serve_opts o;
    char *db_path;
    char *listen;
    /* read-only connection pool */
    pthread_mutex_t pool_mu;
    pthread_cond_t pool_cv;
    serve_db *free_dbs;
    serve_db *all_dbs;
    int n_dbs;
    /* POST /api/articles: one writer at a time */
    pthread_mutex_t write_mu;
    chr_store *write_st;
    char *spool_dir; /* temp folder for request bodies being ingested */
    atomic_ulong spool_seq;
    /* static files */
    char (*etags)[24];
    serve_metrics m;
    serve_cache *cache;
    serve_db *builder_db[SERVE_BUILDERS]; /* the cache builders' own connections */
    struct MHD_Daemon *mhd;
    int port;
};

/* --- connections (serve.c) --- */
serve_db *serve_db_get(chr_server *s);
void serve_db_put(chr_server *s, serve_db *db);
/* The cached statement for sql (a string literal: its address is the key),
 * reset and unbound; NULL when it cannot be prepared (e.g. a table another
 * module has not created yet: then *missing is set). */
struct sqlite3_stmt *serve_stmt(serve_db *db, const char *sql, int *missing);

/* --- responses (serve.c) --- */
/* JSON error {"error": {"status": N, "message": "..."}}. */
void serve_error(serve_resp *r, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A JSON body under construction (open_memstream + chr_json). */
typedef struct serve_json {
    FILE *f;
    char *buf;
    size_t len;
    chr_json j;
} serve_json;
int serve_json_open(serve_json *b);
/* key + string that may not be valid UTF-8 (echoed input): repaired. */
void serve_json_kclean(chr_json *j, const char *key, const char *s);
/* Finish b into r with status; on failure r becomes a 500. */
void serve_json_done(serve_json *b, serve_resp *r, int status);
void serve_json_abort(serve_json *b);

/* Query parameter value or NULL. */
const char *serve_arg_get(const serve_req *q, const char *key);
/* Parse a positive 64-bit id ("12"); 0 when not one. */
int64_t serve_parse_id(const char *s);

/* --- handlers (serve_api.c, serve_ingest.c, serve_metrics.c) --- */
/* A read endpoint: runs inside a read transaction on db; id is the number
 * in the path of /api/{stories,articles,entities}/{id} routes, else 0. */
typedef void serve_handler(chr_server *s, serve_db *db, const serve_req *q, int64_t id,
                           serve_resp *r);
serve_handler serve_api_stories, serve_api_story, serve_api_article, serve_api_search,
    serve_api_entity, serve_api_healthz, serve_metrics_render;
void serve_api_post(chr_server *s, const serve_req *q, serve_resp *r);

/* --- metrics (serve_metrics.c) --- */
void serve_metrics_record(serve_metrics *m, serve_route route, int status, double seconds);

#endif
