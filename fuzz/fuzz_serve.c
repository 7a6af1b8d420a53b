/* chronicle — libFuzzer target for the server's request handling:
 * chr_serve_handle with an arbitrary method, path, query string and body
 * (the input split at its first three newlines) against a small database
 * made at start-up, checking that every answer is a known status with a
 * body, and JSON (an object) whenever it says so. POST ingest is on. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "chronicle/pipeline.h"
#include "chronicle/serve.h"

static chr_server *srv;

static void setup(void)
{
    char dir[] = "/tmp/chr-fuzz-serve-XXXXXX";
    if (!mkdtemp(dir))
        abort();
    char db[128], in[128];
    snprintf(db, sizeof db, "%s/f.db", dir);
    snprintf(in, sizeof in, "%s/in.jsonl", dir);
    FILE *f = fopen(in, "w");
    if (!f)
        abort();
    fputs("{\"id\":\"x1\",\"title\":\"Dockers strike in Port Vell\",\"date\":\"2024-06-03\","
          "\"text\":\"Dock workers in Port Vell went on strike on Monday, the union said. "
          "Talks with the port authority will resume next week.\"}\n",
          f);
    fclose(f);
    chr_store *st;
    chr_pipeline *p;
    chr_ingest_stats s = {0};
    if (chr_store_open(db, 0, &st, NULL) || chr_pipeline_open(st, &p, NULL) ||
        chr_pipeline_ingest(p, in, &s))
        abort();
    chr_pipeline_close(p);
    chr_store_close(st);
    chr_serve_opts o;
    chr_serve_opts_default(&o);
    o.db_path = db;
    o.threads = 1;
    o.allow_ingest = 1;
    o.max_body = 1 << 14;
    if (chr_serve_open(&o, &srv, NULL) != CHR_OK)
        abort();
}

/* The next line of [*p, end) as a NUL-terminated copy; *p moves past it. */
static char *line(const uint8_t **p, const uint8_t *end)
{
    const uint8_t *nl = memchr(*p, '\n', (size_t)(end - *p));
    const uint8_t *e = nl ? nl : end;
    char *s = malloc((size_t)(e - *p) + 1);
    if (!s)
        abort();
    memcpy(s, *p, (size_t)(e - *p));
    s[e - *p] = 0;
    *p = nl ? nl + 1 : end;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!srv)
        setup();
    if (size > 1 << 15)
        return 0;
    const uint8_t *p = data, *end = data + size;
    char *method = line(&p, end), *path = line(&p, end), *query = line(&p, end);
    const char *body = (const char *)p;
    size_t body_len = (size_t)(end - p);
    chr_serve_response r;
    chr_serve_handle(srv, method, path[0] ? path : "/", query, body, body_len, &r);
    static const int ok[] = {200, 201, 304, 400, 403, 404, 405, 413, 414, 431};
    int known = 0;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        known |= r.status == ok[i];
    if (!known || !r.body || !r.content_type)
        abort();
    if (strcmp(r.content_type, "application/json") == 0) {
        json_t *v = json_loadb(r.body, r.len, 0, NULL);
        if (!json_is_object(v))
            abort();
        json_decref(v);
    }
    chr_serve_response_free(&r);
    free(method);
    free(path);
    free(query);
    return 0;
}
