/* chronicle — serve: the HTTP/JSON API and the web page, from one process.
 * Owns: the libmicrohttpd server (thread pool), routing, request limits, the
 * JSON responses of the /api/ endpoints, the static files of web/ (embedded at build
 * time) and the request metrics. Reads the store through its own read-only
 * connections; writes only for POST /api/articles, through the pipeline. */
#ifndef CHRONICLE_SERVE_H
#define CHRONICLE_SERVE_H

#include <stddef.h>

#include "chronicle/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct chr_serve_opts {
    const char *db_path; /* database file; must exist unless allow_ingest */
    const char *listen;  /* "HOST:PORT" ("[::1]:PORT" for IPv6); NULL = "127.0.0.1:8080";
                            port 0 picks a free port (see chr_serve_port) */
    int allow_ingest;    /* accept POST /api/articles */
    int threads;         /* worker threads, each with its own read-only connection */
    size_t max_body;     /* largest POST body in bytes (413 above) */
    int max_headers;     /* most request headers (431 above) */
    size_t max_query;    /* longest query parameter value in bytes (414 above) */
    int max_limit;       /* largest page size a client may ask for */
} chr_serve_opts;

/* Defaults: 127.0.0.1:8080, 4 threads, 8 MiB bodies, 64 headers, 1 KiB
 * parameters, pages of at most 100. */
void chr_serve_opts_default(chr_serve_opts *o);

typedef struct chr_server chr_server;

/* Check the database (creating and migrating it when allow_ingest), open
 * the read-only connections and the embedded files. Nothing listens yet:
 * chr_serve_handle works at once, chr_serve_listen starts the network side.
 * opts is copied. *out is freed with chr_serve_close. */
chr_err chr_serve_open(const chr_serve_opts *opts, chr_server **out, chr_diag *d);

/* Start listening on opts->listen with the thread pool. */
chr_err chr_serve_listen(chr_server *s, chr_diag *d);

/* Port actually bound (after chr_serve_listen), 0 if not listening. */
int chr_serve_port(const chr_server *s);

/* Stop listening (waiting for requests in flight) and free everything. */
void chr_serve_close(chr_server *s);

/* One response, as chr_serve_handle produces it. body is malloc'd and freed
 * by chr_serve_response_free; content_type is static. */
typedef struct chr_serve_response {
    int status;
    const char *content_type;
    char *body;
    size_t len;
} chr_serve_response;

/* Answer one request without the network, exactly as the server would
 * (routing, limits, JSON errors, metrics): for tests and fuzzing. query is
 * the raw query string without '?' (may be NULL); body may be NULL. */
void chr_serve_handle(chr_server *s, const char *method, const char *path, const char *query,
                      const char *body, size_t body_len, chr_serve_response *out);
void chr_serve_response_free(chr_serve_response *r);

#ifdef __cplusplus
}
#endif
#endif
