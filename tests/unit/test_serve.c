/* Unit tests for serve*.c without the network: requests answered by
 * chr_serve_handle (routing, limits, JSON errors, static files, POST ingest,
 * metrics) over a database of a few articles written here. */
#include <stdlib.h>
#include <unistd.h>

#include "chronicle/pipeline.h"
#include "chronicle/serve.h"
#include "serve_int.h"
#include "unit.h"

static char dir[] = "/tmp/chr-test-serve-XXXXXX";
static char db_path[256];
static chr_server *srv;

static const char *const fixture =
    "{\"id\":\"a1\",\"title\":\"Harbour cranes return to Port Vell\",\"date\":\"2024-06-03\","
    "\"outlet\":\"Test Wire\",\"text\":\"The port authority said on Monday that three new cranes "
    "arrived in Port Vell. Dock workers welcomed the machines after a long strike.\"}\n"
    "{\"id\":\"a2\",\"title\":\"Caf\\u00e9 owners protest harbour noise\",\"date\":\"2024-06-04\","
    "\"text\":\"Owners of the Caf\\u00e9 Mar said the new cranes were too loud. The port authority "
    "promised a review of night work within two weeks.\"}\n";

static int setup(void)
{
    if (!mkdtemp(dir))
        return -1;
    snprintf(db_path, sizeof db_path, "%s/t.db", dir);
    char in[256];
    snprintf(in, sizeof in, "%s/in.jsonl", dir);
    FILE *f = fopen(in, "w");
    if (!f)
        return -1;
    fputs(fixture, f);
    fclose(f);
    chr_store *st = NULL;
    chr_pipeline *p = NULL;
    chr_diag d;
    chr_ingest_stats s = {0};
    if (chr_store_open(db_path, 0, &st, &d) || chr_pipeline_open(st, &p, &d) ||
        chr_pipeline_ingest(p, in, &s) || s.stored != 2)
        return -1;
    chr_pipeline_close(p);
    chr_store_close(st);
    unlink(in);
    chr_serve_opts o;
    chr_serve_opts_default(&o);
    o.db_path = db_path;
    o.allow_ingest = 1;
    o.threads = 1;
    o.max_body = 4096;
    o.max_query = 64;
    return chr_serve_open(&o, &srv, &d) == CHR_OK ? 0 : -1;
}

static int req(const char *method, const char *path, const char *query, const char *body,
               chr_serve_response *r)
{
    chr_serve_handle(srv, method, path, query, body, body ? strlen(body) : 0, r);
    return r->status;
}

static int has(const chr_serve_response *r, const char *s)
{
    return r->body && strstr(r->body, s) != NULL;
}

TEST(health_and_static)
{
    chr_serve_response r;
    CHECK_INT(req("GET", "/healthz", NULL, NULL, &r), 200);
    CHECK(has(&r, "\"status\":\"ok\""));
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/", NULL, NULL, &r), 200);
    CHECK(strncmp(r.content_type, "text/html", 9) == 0);
    CHECK(has(&r, "<!doctype html>"));
    chr_serve_response_free(&r);
    CHECK_INT(req("HEAD", "/app.js", NULL, NULL, &r), 200);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/../etc/passwd", NULL, NULL, &r), 400);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/%2e%2e/etc/passwd", NULL, NULL, &r), 400);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/missing.css", NULL, NULL, &r), 404);
    CHECK(has(&r, "\"error\""));
    chr_serve_response_free(&r);
    CHECK_INT(req("POST", "/index.html", NULL, "x", &r), 405);
    chr_serve_response_free(&r);
}

TEST(articles_and_search)
{
    chr_serve_response r;
    CHECK_INT(req("GET", "/api/articles/1", NULL, NULL, &r), 200);
    CHECK(has(&r, "\"title\":\"Harbour cranes return to Port Vell\""));
    CHECK(has(&r, "\"sentences\":[{\"idx\":0,\"text\":\"The port authority said on Monday"));
    CHECK(has(&r, "\"ext_id\":\"a1\""));
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/articles/3", NULL, NULL, &r), 404);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/articles/1x", NULL, NULL, &r), 400);
    chr_serve_response_free(&r);
    /* diacritics folded both ways */
    CHECK_INT(req("GET", "/api/search", "q=cafe", NULL, &r), 200);
    CHECK(has(&r, "\"id\":2"));
    CHECK(!has(&r, "\"id\":1,"));
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/search", "q=port+authority&limit=1", NULL, &r), 200);
    CHECK(has(&r, "\"next_cursor\":\"1\""));
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/search", "q=port+authority&limit=1&cursor=1", NULL, &r), 200);
    CHECK(has(&r, "\"next_cursor\":null"));
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/search", "q=%22port+authority%22+OR+zzz", NULL, &r), 200);
    CHECK(has(&r, "\"id\":1") && has(&r, "\"id\":2"));
    chr_serve_response_free(&r);
}

TEST(limits_and_errors)
{
    chr_serve_response r;
    CHECK_INT(req("GET", "/api/stories", "limit=0", NULL, &r), 400);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/stories", "limit=101", NULL, &r), 400);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/stories", "from=2024-02-30", NULL, &r), 400);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/stories", "cursor=zz", NULL, &r), 400);
    chr_serve_response_free(&r);
    char longq[200];
    memset(longq, 'a', sizeof longq);
    memcpy(longq, "q=", 2);
    longq[sizeof longq - 1] = 0;
    CHECK_INT(req("GET", "/api/search", longq, NULL, &r), 414);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/stories",
                  "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11&l=12&m=13"
                  "&n=14&o=15&p=16&q=17",
                  NULL, &r),
              400);
    chr_serve_response_free(&r);
    CHECK_INT(req("DELETE", "/api/stories/1", NULL, NULL, &r), 405);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/unknown", NULL, NULL, &r), 404);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/stories/0", NULL, NULL, &r), 400);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/entities/abc", NULL, NULL, &r), 400);
    chr_serve_response_free(&r);
}

TEST(post_articles)
{
    chr_serve_response r;
    CHECK_INT(req("POST", "/api/articles", NULL,
                  "{\"id\":\"p1\",\"title\":\"Ferry strike ends\",\"text\":\"The ferry crews "
                  "returned to work on Friday after the union accepted a new offer.\"}",
                  &r),
              201);
    CHECK(has(&r, "\"stored\":1"));
    CHECK(has(&r, "\"ext_id\":\"p1\""));
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/search", "q=ferry", NULL, &r), 200);
    CHECK(has(&r, "\"title\":\"Ferry strike ends\""));
    chr_serve_response_free(&r);
    CHECK_INT(req("POST", "/api/articles", NULL, "{\"title\":\"no text\"}", &r), 400);
    chr_serve_response_free(&r);
    CHECK_INT(req("POST", "/api/articles", NULL, "not json", &r), 400);
    chr_serve_response_free(&r);
    CHECK_INT(req("POST", "/api/articles", NULL, "[{\"text\":\"a b c\"}, 3]", &r), 400);
    chr_serve_response_free(&r);
    char big[5000];
    memset(big, ' ', sizeof big);
    big[sizeof big - 1] = 0;
    CHECK_INT(req("POST", "/api/articles", NULL, big, &r), 413);
    chr_serve_response_free(&r);
    CHECK_INT(req("GET", "/api/articles", NULL, NULL, &r), 405);
    chr_serve_response_free(&r);
}

TEST(metrics_count_requests)
{
    chr_serve_response r;
    CHECK_INT(req("GET", "/metrics", NULL, NULL, &r), 200);
    CHECK(strncmp(r.content_type, "text/plain; version=0.0.4", 25) == 0);
    CHECK(has(&r, "chronicle_http_requests_total{route=\"/api/search\",status=\"200\"}"));
    CHECK(has(&r, "chronicle_http_requests_total{route=\"static\",status=\"400\"} 2\n"));
    CHECK(has(&r, "chronicle_http_request_duration_seconds_count{route=\"/healthz\"} 1\n"));
    CHECK(has(&r, "chronicle_articles 3\n"));
    CHECK(has(&r, "chronicle_ingest_api_articles_total 1\n"));
    chr_serve_response_free(&r);
}

UNIT_MAIN_BEGIN
if (setup() != 0) {
    printf("not ok setup\n");
    return 1;
}
RUN(health_and_static);
RUN(articles_and_search);
RUN(limits_and_errors);
RUN(post_articles);
RUN(metrics_count_requests);
chr_serve_close(srv);
char cmd[300];
snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
if (system(cmd) != 0)
    fprintf(stderr, "  could not remove %s\n", dir);
UNIT_MAIN_END
