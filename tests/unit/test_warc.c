/* chronicle — unit tests of the WARC reader (warc.h) on the fixtures in
 * tests/data/warc (see make_fixtures.py there): plain, per-record gzip,
 * whole-file gzip, a pipe, damaged, truncated and garbled files. Run from
 * the repository root (tests/run.sh does). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zlib.h>

#include "chronicle/warc.h"
#include "unit.h"

#define MAXREC 16

/* What one pass over a file gave: articles and errors in order. */
typedef struct run {
    int n;                 /* events */
    char kind[MAXREC];     /* 'a' article, 'e' error */
    long long off[MAXREC]; /* source offset or error offset */
    char title[MAXREC][80];
    char date[MAXREC][11];
    char url[MAXREC][80];
    char author[MAXREC][40];
    char text[MAXREC][200];
    chr_err err[MAXREC];
    long skipped;
    long long consumed;
} run;

static void put(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s ? s : "");
}

static void read_all_fd(int fd, const char *name, run *r)
{
    memset(r, 0, sizeof *r);
    chr_warc *w = NULL;
    chr_diag d;
    CHECK_INT(chr_warc_open_fd(fd, name, &w, &d), CHR_OK);
    if (!w)
        return;
    for (int guard = 0; guard < 100; guard++) {
        chr_article *a = NULL;
        chr_diag_clear(&d);
        chr_err e = chr_warc_next(w, &a, &d);
        if (e == CHR_OK && !a)
            break;
        if (r->n >= MAXREC)
            break;
        int i = r->n++;
        if (e != CHR_OK) {
            r->kind[i] = 'e';
            r->err[i] = e;
            r->off[i] = d.offset;
            CHECK_STR(d.file, name);
            CHECK(a == NULL);
            continue;
        }
        r->kind[i] = 'a';
        const char *at = strrchr(a->source, '@');
        CHECK(at != NULL && strncmp(a->source, name, strlen(name)) == 0);
        r->off[i] = at ? atoll(at + 1) : -1;
        put(r->title[i], sizeof r->title[i], a->title);
        put(r->date[i], sizeof r->date[i], a->pub_date);
        put(r->url[i], sizeof r->url[i], a->url);
        put(r->author[i], sizeof r->author[i], a->author);
        put(r->text[i], sizeof r->text[i], a->text);
        CHECK_INT(a->format, CHR_FMT_HTML);
        chr_article_free(a);
    }
    r->skipped = chr_warc_skipped(w);
    r->consumed = chr_warc_offset(w);
    chr_warc_close(w);
}

static void read_all(const char *path, run *r)
{
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    if (fd < 0) {
        memset(r, 0, sizeof *r);
        return;
    }
    read_all_fd(fd, path, r);
}

static long long file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long long n = ftell(f);
    fclose(f);
    return n;
}

/* The three articles of news.warc in any framing, at the given offsets. */
static void check_news(const run *r, long long o1, long long o2, long long o3)
{
    CHECK_INT(r->n, 3);
    CHECK(r->kind[0] == 'a' && r->kind[1] == 'a' && r->kind[2] == 'a');
    CHECK_INT(r->off[0], o1);
    CHECK_INT(r->off[1], o2);
    CHECK_INT(r->off[2], o3);
    /* chunked transfer + gzip content encoding + ISO-8859-1 */
    CHECK_STR(r->title[0], "Le marché couvert rouvre");
    CHECK(strstr(r->text[0], "quarante-deux étals") != NULL);
    CHECK(strstr(r->text[0], "Accueil") == NULL);
    CHECK_STR(r->date[0], "2019-09-02");
    CHECK_STR(r->url[0], "http://example.org/marche");
    /* resource record, <uri> form, date from the URL path */
    CHECK_STR(r->title[1], "Library extends opening hours");
    CHECK_STR(r->url[1], "http://example.org/2019/09/01/library-hours");
    CHECK_STR(r->date[1], "2019-09-01");
    /* deflate, no Content-Type (sniffed), date from WARC-Date */
    CHECK_STR(r->title[2], "Tram line enters testing");
    CHECK_STR(r->author[2], "Noor Haddad");
    CHECK_STR(r->date[2], "2020-01-12");
    CHECK(strstr(r->text[2], "Test runs began") == r->text[2]);
    /* responses without an article (404, PNG, 301, no article text); the
     * warcinfo, request, revisit and metadata records are not counted */
    CHECK_INT(r->skipped, 4);
}

TEST(plain)
{
    run r;
    read_all("tests/data/warc/news.warc", &r);
    check_news(&r, 544, 2070, 3453);
    CHECK_INT(r.consumed, file_size("tests/data/warc/news.warc"));
}

TEST(gzip_per_record)
{
    run r;
    read_all("tests/data/warc/news.warc.gz", &r);
    /* Offsets are those of the gzip members, as in CDX indexes. */
    check_news(&r, 400, 1652, 2571);
    CHECK_INT(r.consumed, file_size("tests/data/warc/news.warc.gz"));
}

TEST(gzip_whole_file)
{
    run r;
    read_all("tests/data/warc/news-whole.warc.gz", &r);
    /* One member: offsets are positions in the decompressed stream. */
    check_news(&r, 544, 2070, 3453);
}

TEST(from_pipe)
{
    int p[2];
    CHECK(pipe(p) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        FILE *f = fopen("tests/data/warc/news.warc.gz", "rb");
        char buf[100]; /* small writes: records arrive in pieces */
        size_t n;
        while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
            if (write(p[1], buf, n) != (ssize_t)n)
                break;
        _exit(0);
    }
    close(p[1]);
    run r;
    read_all_fd(p[0], "-", &r);
    int st;
    waitpid(pid, &st, 0);
    check_news(&r, 400, 1652, 2571);
}

TEST(damaged_member)
{
    run r;
    read_all("tests/data/warc/damaged.warc.gz", &r);
    /* The corrupt member is reported at its offset; the rest is read. */
    CHECK_INT(r.n, 3);
    CHECK(r.kind[0] == 'e');
    CHECK_INT(r.err[0], CHR_EPARSE);
    CHECK_INT(r.off[0], 400);
    CHECK(r.kind[1] == 'a' && r.kind[2] == 'a');
    CHECK_STR(r.title[1], "Library extends opening hours");
    CHECK_STR(r.title[2], "Tram line enters testing");
    CHECK_INT(r.skipped, 4);
}

TEST(truncated)
{
    run r;
    read_all("tests/data/warc/truncated.warc", &r);
    CHECK_INT(r.n, 3);
    CHECK(r.kind[0] == 'a' && r.kind[1] == 'a');
    CHECK(r.kind[2] == 'e');
    CHECK_INT(r.err[2], CHR_EPARSE);
    CHECK_INT(r.off[2], 2817);
}

TEST(garbage_and_missing_length)
{
    run r;
    read_all("tests/data/warc/garbage.warc", &r);
    CHECK_INT(r.n, 4);
    CHECK(r.kind[0] == 'e'); /* junk after the warcinfo record */
    CHECK_INT(r.off[0], 0);
    CHECK(r.kind[1] == 'a');
    CHECK_STR(r.title[1], "Le marché couvert rouvre");
    CHECK(r.kind[2] == 'e'); /* no Content-Length */
    CHECK_INT(r.off[2], 1066);
    CHECK(r.kind[3] == 'a');
    CHECK_STR(r.title[3], "Library extends opening hours");
}

TEST(not_warc_and_empty)
{
    run r;
    read_all("tests/data/html/article.html", &r);
    CHECK(r.n >= 1 && r.kind[0] == 'e');
    int p[2];
    CHECK(pipe(p) == 0);
    close(p[1]);
    read_all_fd(p[0], "empty", &r);
    CHECK_INT(r.n, 0);
    CHECK_INT(r.consumed, 0);
}

/* A big non-HTML record is skipped in a stream, not loaded. */
TEST(large_skipped_record)
{
    char path[] = "/tmp/chr-warc-test-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    size_t big = 24u << 20;
    char head[256];
    int hl = snprintf(head, sizeof head,
                      "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: video/mp4\r\n"
                      "Content-Length: %zu\r\n\r\n",
                      big);
    CHECK(write(fd, head, (size_t)hl) == hl);
    char *zeros = calloc(1, 1 << 20);
    for (size_t i = 0; i < big >> 20; i++)
        CHECK(write(fd, zeros, 1 << 20) == 1 << 20);
    free(zeros);
    CHECK(write(fd, "\r\n\r\n", 4) == 4);
    lseek(fd, 0, SEEK_SET);
    run r;
    read_all_fd(fd, path, &r);
    CHECK_INT(r.n, 0);
    CHECK_INT(r.skipped, 1);
    CHECK_INT(r.consumed, (long long)big + hl + 4);
    unlink(path);
}

/* A gzip-encoded body without Content-Type that is not HTML: skipped, and
 * its decoded copy freed (ASan checks the leak). */
TEST(encoded_non_html_skipped)
{
    const char *body = "just some bytes, no markup at all, repeated. just some bytes.";
    unsigned char gz[256];
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    CHECK(deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    zs.next_in = (unsigned char *)body;
    zs.avail_in = (uInt)strlen(body);
    zs.next_out = gz;
    zs.avail_out = sizeof gz;
    CHECK(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    size_t gzn = sizeof gz - zs.avail_out;
    deflateEnd(&zs);
    char http[512];
    int hn = snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n");
    char head[256];
    int n = snprintf(head, sizeof head,
                     "WARC/1.0\r\nWARC-Type: response\r\n"
                     "Content-Type: application/http; msgtype=response\r\n"
                     "Content-Length: %zu\r\n\r\n",
                     (size_t)hn + gzn);
    int p[2];
    CHECK(pipe(p) == 0);
    CHECK(write(p[1], head, (size_t)n) == n);
    CHECK(write(p[1], http, (size_t)hn) == hn);
    CHECK(write(p[1], gz, gzn) == (ssize_t)gzn);
    CHECK(write(p[1], "\r\n\r\n", 4) == 4);
    close(p[1]);
    run r;
    read_all_fd(p[0], "enc", &r);
    CHECK_INT(r.n, 0);
    CHECK_INT(r.skipped, 1);
}

UNIT_MAIN_BEGIN
RUN(plain);
RUN(gzip_per_record);
RUN(gzip_whole_file);
RUN(from_pipe);
RUN(damaged_member);
RUN(truncated);
RUN(garbage_and_missing_length);
RUN(not_warc_and_empty);
RUN(large_skipped_record);
RUN(encoded_non_html_skipped);
UNIT_MAIN_END
