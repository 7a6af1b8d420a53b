/* chronicle — serve metrics: request counters by route and status, latency
 * histograms by route, and the Prometheus text exposition of /metrics
 * (with the store's article and story counts read at scrape time).
 * Counters are lock-free atomics updated when a response completes. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "serve_int.h"

static const int status_codes[SERVE_N_STATUS] = {200, 201, 204, 304, 400, 403, 404, 405,
                                                 411, 413, 414, 415, 431, 500, 503};
static const double buckets[SERVE_N_BUCKETS] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

const char *serve_route_name(serve_route r)
{
    static const char *const names[ROUTE_COUNT] = {
        "/api/stories",
        "/api/stories/{id}",
        "/api/articles/{id}",
        "POST /api/articles",
        "/api/search",
        "/api/entities/{id}",
        "/healthz",
        "/metrics",
        "static",
        "other",
    };
    return r >= 0 && r < ROUTE_COUNT ? names[r] : "other";
}

static int status_slot(int status)
{
    for (int i = 0; i < SERVE_N_STATUS; i++)
        if (status_codes[i] == status)
            return i;
    return SERVE_N_STATUS;
}

void serve_metrics_record(serve_metrics *m, serve_route route, int status, double seconds)
{
    if (route < 0 || route >= ROUTE_COUNT)
        route = ROUTE_OTHER;
    atomic_fetch_add_explicit(&m->requests[route][status_slot(status)], 1, memory_order_relaxed);
    int b = 0;
    while (b < SERVE_N_BUCKETS && seconds > buckets[b])
        b++;
    atomic_fetch_add_explicit(&m->hist[route][b], 1, memory_order_relaxed);
    if (seconds < 0)
        seconds = 0;
    atomic_fetch_add_explicit(&m->micros[route], (unsigned long)(seconds * 1e6 + 0.5),
                              memory_order_relaxed);
}

/* count(*) of a table, -1 when it does not exist (yet). */
static long long table_count(serve_db *db, const char *sql)
{
    int missing = 0;
    sqlite3_stmt *q = serve_stmt(db, sql, &missing);
    if (!q)
        return -1;
    long long n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_reset(q);
    return n;
}

void serve_metrics_render(chr_server *s, serve_db *db, const serve_req *q, int64_t id,
                          serve_resp *r)
{
    (void)q;
    (void)id;
    serve_metrics *m = &s->m;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        serve_error(r, 500, "out of memory");
        return;
    }
    fputs("# HELP chronicle_http_requests_total HTTP requests answered, by route and status.\n"
          "# TYPE chronicle_http_requests_total counter\n",
          f);
    for (int rt = 0; rt < ROUTE_COUNT; rt++)
        for (int k = 0; k <= SERVE_N_STATUS; k++) {
            unsigned long n = atomic_load_explicit(&m->requests[rt][k], memory_order_relaxed);
            if (!n)
                continue;
            if (k < SERVE_N_STATUS)
                fprintf(f, "chronicle_http_requests_total{route=\"%s\",status=\"%d\"} %lu\n",
                        serve_route_name((serve_route)rt), status_codes[k], n);
            else
                fprintf(f, "chronicle_http_requests_total{route=\"%s\",status=\"other\"} %lu\n",
                        serve_route_name((serve_route)rt), n);
        }
    fputs("# HELP chronicle_http_request_duration_seconds Time from request headers to the "
          "response sent, by route.\n"
          "# TYPE chronicle_http_request_duration_seconds histogram\n",
          f);
    for (int rt = 0; rt < ROUTE_COUNT; rt++) {
        unsigned long h[SERVE_N_BUCKETS + 1], total = 0;
        for (int b = 0; b <= SERVE_N_BUCKETS; b++) {
            h[b] = atomic_load_explicit(&m->hist[rt][b], memory_order_relaxed);
            total += h[b];
        }
        if (!total)
            continue;
        const char *name = serve_route_name((serve_route)rt);
        unsigned long cum = 0;
        for (int b = 0; b < SERVE_N_BUCKETS; b++) {
            cum += h[b];
            fprintf(f,
                    "chronicle_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %lu\n",
                    name, buckets[b], cum);
        }
        fprintf(f, "chronicle_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %lu\n",
                name, total);
        fprintf(f, "chronicle_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n", name,
                (double)atomic_load_explicit(&m->micros[rt], memory_order_relaxed) / 1e6);
        fprintf(f, "chronicle_http_request_duration_seconds_count{route=\"%s\"} %lu\n", name,
                total);
    }
    fprintf(f,
            "# HELP chronicle_http_requests_in_flight Requests being answered now.\n"
            "# TYPE chronicle_http_requests_in_flight gauge\n"
            "chronicle_http_requests_in_flight %ld\n",
            atomic_load(&m->in_flight));
    fprintf(f,
            "# HELP chronicle_ingest_api_articles_total Articles stored through POST "
            "/api/articles.\n"
            "# TYPE chronicle_ingest_api_articles_total counter\n"
            "chronicle_ingest_api_articles_total %lu\n",
            atomic_load(&m->ingested));
    long long na = table_count(db, "SELECT count(*) FROM articles");
    long long ns = table_count(db, "SELECT count(*) FROM story");
    if (na >= 0)
        fprintf(f,
                "# HELP chronicle_articles Articles in the store.\n"
                "# TYPE chronicle_articles gauge\n"
                "chronicle_articles %lld\n",
                na);
    fprintf(f,
            "# HELP chronicle_stories Stories in the store.\n"
            "# TYPE chronicle_stories gauge\n"
            "chronicle_stories %lld\n",
            ns < 0 ? 0 : ns);
    fprintf(f,
            "# HELP chronicle_start_time_seconds When the server started (Unix time).\n"
            "# TYPE chronicle_start_time_seconds gauge\n"
            "chronicle_start_time_seconds %.0f\n",
            m->started);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        free(buf);
        serve_error(r, 500, "out of memory");
        return;
    }
    r->status = 200;
    r->ctype = "text/plain; version=0.0.4; charset=utf-8";
    r->body = buf;
    r->len = len;
    r->body_static = 0;
}
