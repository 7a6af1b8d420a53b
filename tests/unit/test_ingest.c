/* chronicle — unit tests of the input reader (ingest.h): UTF-16 with and
 * without its byte order mark (text, HTML, JSON Lines, gzip), JSON Lines
 * ids kept as written, where an article's problems are said to be, and a
 * feed stopped while it is awaited. Fixtures are generated into a
 * temporary folder. */
#include <iconv.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "chronicle/ingest.h"
#include "unit.h"

static char dir[] = "/tmp/chr-test-ingest-XXXXXX";

/* s (UTF-8) in charset cs, malloc'd; *n its length. */
static char *encode(const char *s, const char *cs, size_t *n)
{
    iconv_t cd = iconv_open(cs, "UTF-8");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t il = strlen(s), cap = il * 4 + 8, ol = cap;
    char *out = malloc(cap), *op = out, *ip = (char *)s;
    if (out && iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
        free(out);
        out = NULL;
    }
    iconv_close(cd);
    *n = cap - ol;
    return out;
}

/* Write s encoded in cs (with a byte order mark first when bom) to a file
 * named name in the fixture folder, gzip'd when gz; returns its path. */
static const char *fixture(const char *name, const char *s, const char *cs, int bom, int gz)
{
    static char path[4][256];
    static int k;
    char *p = path[k++ % 4];
    snprintf(p, 256, "%s/%s", dir, name);
    size_t n = 0;
    char *b = encode(s, cs, &n);
    if (!b)
        return p;
    static const unsigned char le[] = {0xFF, 0xFE}, be[] = {0xFE, 0xFF};
    const unsigned char *mark = strcmp(cs, "UTF-16BE") == 0 ? be : le;
    if (gz) {
        gzFile g = gzopen(p, "wb");
        if (bom)
            gzwrite(g, mark, 2);
        gzwrite(g, b, (unsigned)n);
        gzclose(g);
    } else {
        FILE *f = fopen(p, "wb");
        if (bom)
            fwrite(mark, 1, 2, f);
        fwrite(b, 1, n, f);
        fclose(f);
    }
    free(b);
    return p;
}

/* The articles of one input (up to 4) and the first warning. */
typedef struct got {
    int n, errors;
    chr_article *a[4];
    char warn[256];
    chr_format fmt;
} got;

static void read_input(const char *path, got *g)
{
    memset(g, 0, sizeof *g);
    chr_reader *r = NULL;
    chr_diag d;
    if (chr_reader_open(path, &r, &d) != CHR_OK) {
        fprintf(stderr, "  open %s: %s\n", path, d.msg);
        g->errors++;
        return;
    }
    g->fmt = chr_reader_format(r);
    for (;;) {
        chr_article *a = NULL;
        chr_err e = chr_reader_next(r, &a, &d);
        if (e) {
            g->errors++;
            continue;
        }
        if (!a)
            break;
        const char *w = chr_reader_warning(r);
        if (w && !g->warn[0])
            snprintf(g->warn, sizeof g->warn, "%s", w);
        if (g->n < 4)
            g->a[g->n++] = a;
        else
            chr_article_free(a);
    }
    chr_reader_close(r);
}

static void got_free(got *g)
{
    for (int i = 0; i < g->n; i++)
        chr_article_free(g->a[i]);
}

static const char *TEXT =
    "The council of Orne voted on Friday to build the new flood barrier before the winter "
    "storms, the mayor said.\n\nWork on the river bank will begin in the spring.\n";

/* The publication date of a plain text without a header, from its path as
 * archives lay files out by day; a header wins; other digits are no date. */
static void expect_path_date(const char *rel, const char *text, const char *want,
                             const char *want_src)
{
    char sub[512];
    snprintf(sub, sizeof sub, "%s/%s", dir, rel);
    for (char *p = sub + strlen(dir) + 1; (p = strchr(p, '/')); p++) {
        *p = 0;
        mkdir(sub, 0700);
        *p = '/';
    }
    const char *path = fixture(rel, text, "UTF-8", 0, 0);
    got g;
    read_input(path, &g);
    CHECK_INT(g.n, 1);
    if (g.n) {
        if (want)
            CHECK_STR(g.a[0]->pub_date, want);
        else
            CHECK(g.a[0]->pub_date == NULL);
        CHECK(chr_date_src_name(g.a[0]->pub_date_source) == want_src ||
              (want_src && chr_date_src_name(g.a[0]->pub_date_source) &&
               strcmp(chr_date_src_name(g.a[0]->pub_date_source), want_src) == 0));
    }
    got_free(&g);
}

TEST(text_dated_by_its_path)
{
    const char *t = "The river burst its banks overnight, officials said.\n";
    expect_path_date("yemen/2011-03-25/ext_69.txt", t, "2011-03-25", "path");
    expect_path_date("archive/2024/05/16/putin.txt", t, "2024-05-16", "path");
    expect_path_date("feeds/2023-11-03-flood.txt", t, "2023-11-03", "path");
    expect_path_date("2019-01-01/2023-11-04/x.txt", t, "2023-11-04", "path"); /* the nearest */
    expect_path_date("2011-03-25/h.txt", " date 2011-03-26\nThe river rose.\n", "2011-03-26",
                     "header");
    expect_path_date("ids/2023-13-45/y.txt", t, NULL, NULL);   /* no such day */
    expect_path_date("ids/2023-11-0312/z.txt", t, NULL, NULL); /* more digits */
    expect_path_date("ids/1200/05/16/w.txt", t, NULL, NULL);   /* a number, not a year */
}

TEST(utf16_detected_with_and_without_mark)
{
    static const struct {
        const char *text, *cs;
        int bom;
        const char *want;
    } cases[] = {
        {"The council of Orne met on Friday.\n", "UTF-16LE", 0, "UTF-16LE"},
        {"The council of Orne met on Friday.\n", "UTF-16BE", 0, "UTF-16BE"},
        {"The council of Orne met on Friday.\n", "UTF-16LE", 1, "UTF-16LE"},
        {"The council of Orne met on Friday.\n", "UTF-16BE", 1, "UTF-16BE"},
        /* another alphabet: NULs only between words */
        {"Городской совет Орна в пятницу проголосовал за строительство дамбы.\n", "UTF-16LE", 0,
         "UTF-16LE"},
        {"Ο δήμαρχος είπε ότι το φράγμα θα κρατήσει αυτόν τον χειμώνα.\n", "UTF-16BE", 0,
         "UTF-16BE"},
        /* a surrogate pair decodes */
        {"Flood \xF0\x9F\x8C\x8A warning for the Orne valley on Friday.\n", "UTF-16LE", 0,
         "UTF-16LE"},
        /* not UTF-16 */
        {"The council of Orne met on Friday.\n", "UTF-8", 0, NULL},
        {"Городской совет Орна в пятницу проголосовал.\n", "UTF-8", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = 0;
        char *b = encode(cases[i].text, cases[i].cs, &n);
        CHECK(b != NULL);
        if (!b)
            continue;
        unsigned char buf[512];
        size_t k = 0;
        if (cases[i].bom) {
            int be = strcmp(cases[i].cs, "UTF-16BE") == 0;
            buf[k++] = be ? 0xFE : 0xFF;
            buf[k++] = be ? 0xFF : 0xFE;
        }
        memcpy(buf + k, b, n);
        free(b);
        int bom = -1;
        const char *cs = chr_utf16_charset(buf, k + n, &bom);
        if (cases[i].want)
            CHECK_STR(cs, cases[i].want);
        else
            CHECK(cs == NULL);
        CHECK_INT(bom, cs ? cases[i].bom : 0);
    }
}

TEST(binary_is_not_utf16)
{
    /* 16-bit samples: every other byte NUL, the rest noise with control
     * bytes; an odd sample of ASCII; a lone surrogate */
    unsigned char b[4000];
    srand(7);
    for (size_t i = 0; i < sizeof b; i += 2) {
        b[i] = (unsigned char)(rand() & 0xFF);
        b[i + 1] = 0;
    }
    CHECK(chr_utf16_charset(b, sizeof b, NULL) == NULL);
    CHECK(chr_looks_binary(b, sizeof b));
    const unsigned char lone[] = {'A', 0, 'b', 0, 0x00, 0xDC, 'c', 0, 'd', 0, 'e', 0};
    CHECK(chr_utf16_charset(lone, sizeof lone, NULL) == NULL);
    const unsigned char two[] = {'A', 0};
    CHECK(chr_utf16_charset(two, sizeof two, NULL) == NULL);
}

TEST(utf16_text_without_mark_is_read)
{
    char body[600];
    snprintf(body, sizeof body, " date 2024-03-01\n%s", TEXT);
    got g, u;
    read_input(fixture("u8.txt", body, "UTF-8", 0, 0), &u); /* what it reads as */
    read_input(fixture("le.txt", body, "UTF-16LE", 0, 0), &g);
    CHECK_INT(g.errors, 0);
    CHECK_INT(g.n, 1);
    CHECK_INT(g.fmt, CHR_FMT_TEXT);
    if (g.n == 1 && u.n == 1) {
        CHECK_STR(g.a[0]->text, u.a[0]->text);
        CHECK_INT(g.a[0]->text_len, u.a[0]->text_len);
        CHECK_STR(g.a[0]->pub_date, "2024-03-01");
        CHECK_STR(g.a[0]->charset, "UTF-16LE");
        CHECK(g.a[0]->flags & CHR_ART_TRANSCODED);
        CHECK(!(g.a[0]->flags & CHR_ART_UTF8_REPAIRED));
    }
    CHECK_STR(g.warn, "not UTF-8: transcoded from UTF-16LE (no byte order mark)");
    got_free(&g);
    got_free(&u);
    /* big endian, gzip'd, with its mark: the mark is not text */
    read_input(fixture("be.txt.gz", TEXT, "UTF-16BE", 1, 1), &g);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK_STR(g.a[0]->text, TEXT);
        CHECK_STR(g.a[0]->charset, "UTF-16BE");
    }
    CHECK_STR(g.warn, "not UTF-8: transcoded from UTF-16BE");
    got_free(&g);
}

TEST(utf16_html_without_mark_is_a_page)
{
    const char *page = "<!DOCTYPE html><html><head><meta charset=\"utf-16\"><title>Orne "
                       "vote</title></head><body><article><p>The council of Orne voted on Friday "
                       "to build the new flood barrier before the winter storms, the mayor "
                       "said.</p><p>Work on the river bank will begin in the spring, officials "
                       "added after the meeting.</p></article></body></html>";
    static const char *const cs[] = {"UTF-16LE", "UTF-16BE"};
    for (int i = 0; i < 2; i++) {
        got g;
        read_input(fixture(i ? "be.html" : "le.html", page, cs[i], 0, 0), &g);
        CHECK_INT(g.fmt, CHR_FMT_HTML);
        CHECK_INT(g.n, 1);
        if (g.n == 1) {
            CHECK_STR(g.a[0]->title, "Orne vote");
            CHECK(g.a[0]->text && strstr(g.a[0]->text, "river bank will begin"));
            CHECK_STR(g.a[0]->charset, cs[i]);
        }
        got_free(&g);
    }
}

TEST(utf16_json_lines_are_records)
{
    const char *feed = "{\"id\":\"a\",\"text\":\"The council of Orne met on Friday.\"}\n"
                       "{\"id\":\"b\",\"text\":\"Городской совет Орна собрался в пятницу.\"}\n";
    got g;
    read_input(fixture("feed.jsonl", feed, "UTF-16LE", 0, 0), &g);
    CHECK_INT(g.fmt, CHR_FMT_JSONL);
    CHECK_INT(g.errors, 0);
    CHECK_INT(g.n, 2);
    if (g.n == 2) {
        CHECK_STR(g.a[0]->ext_id, "a");
        CHECK_STR(g.a[1]->text, "Городской совет Орна собрался в пятницу.");
        CHECK_STR(g.a[1]->charset, "UTF-16LE");
    }
    got_free(&g);
}

TEST(json_lines_numeric_ids_kept_as_written)
{
    const char *feed =
        "{\"id\": 99999999999999999999, \"text\": \"one\"}\n"
        "{\"id\": 1e30, \"text\": \"two\"}\n"
        "{\"text\": \"three\", \"id\":-0 , \"views\": 123456789012345678901234567890}\n"
        "{\"id\": 1.50, \"text\": \"four\", \"n\": [1, {\"id\": 2}]}\n";
    const char *want[] = {"99999999999999999999", "1e30", "-0", "1.50"};
    got g;
    read_input(fixture("ids.jsonl", feed, "UTF-8", 0, 0), &g);
    CHECK_INT(g.errors, 0);
    CHECK_INT(g.n, 4);
    for (int i = 0; i < g.n && i < 4; i++)
        CHECK_STR(g.a[i]->ext_id, want[i]);
    if (g.n > 2)
        CHECK_STR(g.a[2]->extra, "{\"views\":\"123456789012345678901234567890\"}");
    got_free(&g);
    /* an id that is neither is reported, not dropped silently */
    read_input(fixture("bad.jsonl", "{\"id\": true, \"text\": \"one\"}\n", "UTF-8", 0, 0), &g);
    CHECK_INT(g.n, 1);
    if (g.n == 1)
        CHECK(g.a[0]->ext_id == NULL);
    CHECK_STR(g.warn, "\"id\" is not a string or a number: ignored");
    got_free(&g);
}

/* Records are read as JSON reads them: escapes, arrays and objects kept in
 * extra, surrogate pairs, \u0000, reals, deep nesting; what JSON refuses (a
 * repeated key, a trailing comma or word, a leading zero) is refused, that
 * line only. */
TEST(json_lines_read_as_jansson_reads_them)
{
    const char *feed =
        "{\"id\":\"e1\",\"title\":\"Caf\\u00e9 \\\"Orne\\\"\",\"text\":\"Line one\\nTwo\\t\\\\ \\/ "
        "\\u4e2d\",\"tags\":[\"a\",{\"k\":[true,false,null,-12]}],\"views\":0}\n"
        "{\"id\":\"e2\",\"text\":\"smile \\ud83d\\ude00 x\\u0000y\",\"score\":1.5}\n"
        "{\"id\":\"e3\",\"text\":\"a\",\"text\":\"b\"}\n"
        "{\"id\":\"e4\",\"text\":\"ok\"} x\n"
        "{\"id\":\"e5\",\"text\":\"ok\",}\n"
        "{\"id\":007,\"text\":\"z\"}\n"
        "{\"id\":\"e7\",\"text\":\"deep\",\"n\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]"
        "]]]]]]]]]]]]]]]]]]]]}\n";
    got g;
    read_input(fixture("escapes.jsonl", feed, "UTF-8", 0, 0), &g);
    CHECK_INT(g.errors, 4);
    CHECK_INT(g.n, 3);
    if (g.n == 3) {
        CHECK_STR(g.a[0]->title, "Caf\xc3\xa9 \"Orne\"");
        CHECK_STR(g.a[0]->text, "Line one\nTwo\t\\ / \xe4\xb8\xad");
        CHECK_STR(g.a[0]->extra, "{\"tags\":[\"a\",{\"k\":[true,false,null,-12]}],\"views\":0}");
        CHECK_STR(g.a[1]->text, "smile \xf0\x9f\x98\x80 x");
        CHECK_INT(g.a[1]->text_len, strlen("smile \xf0\x9f\x98\x80 x") + 2);
        CHECK_STR(g.a[1]->extra, "{\"score\":1.5}");
        CHECK_STR(g.a[2]->ext_id, "e7");
        CHECK(g.a[2]->extra &&
              strncmp(g.a[2]->extra, "{\"n\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]", 41) == 0);
    }
    got_free(&g);
}

/* The place of an article, for its problems: as the reader names a bad
 * record (file:LINE, file@OFFSET), not its source string. */
TEST(article_located_as_the_reader_names_records)
{
    static const struct {
        const char *source;
        chr_format fmt;
        const char *file;
        long line;
        long long offset;
        const char *shown;
    } cases[] = {
        {"feed.jsonl#93", CHR_FMT_JSONL, "feed.jsonl", 93, -1, "feed.jsonl:93: why"},
        {"-#2", CHR_FMT_JSONL, "-", 2, -1, "-:2: why"},
        {"a#1/feed.jsonl#7", CHR_FMT_JSONL, "a#1/feed.jsonl", 7, -1, "a#1/feed.jsonl:7: why"},
        {"crawl.warc.gz@0", CHR_FMT_HTML, "crawl.warc.gz", 0, 0, "crawl.warc.gz@0: why"},
        {"crawl.warc@1186", CHR_FMT_HTML, "crawl.warc", 0, 1186, "crawl.warc@1186: why"},
        {"notes#3.txt", CHR_FMT_TEXT, "notes#3.txt", 0, -1, "notes#3.txt: why"},
        {"issue#12", CHR_FMT_TEXT, "issue#12", 0, -1, "issue#12: why"},
        {"page.html", CHR_FMT_HTML, "page.html", 0, -1, "page.html: why"},
        {"feed.jsonl#x", CHR_FMT_JSONL, "feed.jsonl#x", 0, -1, "feed.jsonl#x: why"},
        {"feed.jsonl#0", CHR_FMT_JSONL, "feed.jsonl#0", 0, -1, "feed.jsonl#0: why"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        chr_article a = {0};
        a.source = (char *)cases[i].source;
        a.format = cases[i].fmt;
        chr_diag d;
        chr_diag_set(&d, CHR_EEMPTY, "other", 5, 9, "why");
        chr_article_locate(&a, &d);
        CHECK_STR(d.file, cases[i].file);
        CHECK_INT(d.line, cases[i].line);
        CHECK_INT(d.offset, cases[i].offset);
        CHECK_INT(d.code, CHR_EEMPTY); /* the reason stays */
        char buf[600];
        CHECK_STR(chr_diag_format(&d, buf, sizeof buf), cases[i].shown);
    }
}

/* A feed on a pipe, stopped while the reader waits for the rest of a
 * record: the records received whole come out, the cut one does not. */
TEST(feed_stopped_while_awaited)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    const char *feed = "{\"id\": \"r1\", \"text\": \"one\"}\n{\"id\": \"r2\", \"text\": \"tw";
    CHECK(write(fds[1], feed, strlen(feed)) == (ssize_t)strlen(feed));
    char path[64];
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    volatile sig_atomic_t stop = 0;
    chr_reader *r = NULL;
    chr_diag d;
    CHECK_INT(chr_reader_open_until(path, &stop, &r, &d), CHR_OK);
    if (r) {
        CHECK(chr_reader_streaming(r));
        chr_article *a = NULL;
        CHECK_INT(chr_reader_next(r, &a, &d), CHR_OK);
        CHECK(a && a->ext_id && strcmp(a->ext_id, "r1") == 0);
        chr_article_free(a);
        stop = 1; /* as a signal handler would; the writer is still there */
        a = NULL;
        CHECK_INT(chr_reader_next(r, &a, &d), CHR_EINTR);
        CHECK(a == NULL);
        CHECK_INT(chr_reader_next(r, &a, &d), CHR_OK); /* and then no more */
        CHECK(a == NULL);
        chr_reader_close(r);
    }
    /* stopped before the first record came */
    int e[2];
    CHECK(pipe(e) == 0);
    snprintf(path, sizeof path, "/dev/fd/%d", e[0]);
    r = NULL;
    CHECK_INT(chr_reader_open_until(path, &stop, &r, &d), CHR_EINTR);
    CHECK(r == NULL);
    close(e[0]);
    close(e[1]);
    close(fds[0]);
    close(fds[1]);
}

/* A JSON Lines name settles the format whatever the first line; without
 * one, most first lines being JSON objects do; one JSON-like line in a
 * text does not. */
TEST(json_lines_detected_by_name_and_by_most_lines)
{
    const char *cut = "ption\": \"x\"}\n{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"c\"}\n";
    const char *comment = "// feed\n{\"text\": \"a\", \"n\": 1}\n{\"text\": \"b\", \"n\": 2}\n";
    const char *text = "The council met on Monday.\n{\"a\": \"b\"}\nIt approved the budget.\n"
                       "{\"c\": 1}\nThe barrier will be built.\n";
#define DETECT(s, name) chr_detect_format((const unsigned char *)(s), strlen(s), name)
    CHECK_INT(DETECT(cut, "feed.jsonl"), CHR_FMT_JSONL);
    CHECK_INT(DETECT(cut, "feed.NDJSON"), CHR_FMT_JSONL);
    CHECK_INT(DETECT(cut, "feed.jsonl.gz"), CHR_FMT_JSONL);
    CHECK_INT(DETECT(cut, NULL), CHR_FMT_JSONL);
    CHECK_INT(DETECT(comment, NULL), CHR_FMT_JSONL);
    CHECK_INT(DETECT(comment, "feed.ndjson"), CHR_FMT_JSONL);
    CHECK_INT(DETECT(text, NULL), CHR_FMT_TEXT);
    CHECK_INT(DETECT(text, "a.txt"), CHR_FMT_TEXT);
    CHECK_INT(DETECT("plain words\n", "notes.jsonl.txt"), CHR_FMT_TEXT);
    /* markup and WARC stay what they are */
    CHECK_INT(DETECT("<!DOCTYPE html><html><body>x</body></html>", "page.jsonl"), CHR_FMT_HTML);
    CHECK_INT(DETECT("WARC/1.0\r\n", "crawl.jsonl"), CHR_FMT_WARC);
#undef DETECT
}

UNIT_MAIN_BEGIN
if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
}
RUN(utf16_detected_with_and_without_mark);
RUN(binary_is_not_utf16);
RUN(utf16_text_without_mark_is_read);
RUN(utf16_html_without_mark_is_a_page);
RUN(utf16_json_lines_are_records);
RUN(json_lines_numeric_ids_kept_as_written);
RUN(json_lines_read_as_jansson_reads_them);
RUN(article_located_as_the_reader_names_records);
RUN(feed_stopped_while_awaited);
RUN(json_lines_detected_by_name_and_by_most_lines);
RUN(text_dated_by_its_path);
char cmd[300];
snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
if (system(cmd) != 0)
    return 1;
UNIT_MAIN_END
