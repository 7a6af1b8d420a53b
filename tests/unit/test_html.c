/* chronicle — unit tests of the HTML extractor (html.h) and its helpers
 * (html_int.h): fixture pages in tests/data/html, dates, charsets, sniffing.
 * Run from the repository root (tests/run.sh does). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/html.h"
#include "html_int.h"
#include "unit.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b)
        b[n] = '\0';
    *len = (size_t)n;
    return b;
}

/* Extract tests/data/html/NAME (CHECKs that it works); NULL on failure. */
static chr_article *page(const char *name, const char *url)
{
    char path[256];
    snprintf(path, sizeof path, "tests/data/html/%s", name);
    size_t n;
    char *b = slurp(path, &n);
    chr_article *a = NULL;
    chr_err e = b ? chr_html_extract(b, n, NULL, url, &a, NULL) : CHR_EIO;
    free(b);
    CHECK_INT(e, CHR_OK);
    return a;
}

/* The text holds every string of yes and none of no (NULL-terminated). */
static void text_has(const chr_article *a, const char *const *yes, const char *const *no)
{
    for (; yes && *yes; yes++)
        if (!strstr(a->text, *yes)) {
            fprintf(stderr, "  missing: %s\n", *yes);
            CHECK(0);
        }
    for (; no && *no; no++)
        if (strstr(a->text, *no)) {
            fprintf(stderr, "  unwanted: %s\n", *no);
            CHECK(0);
        }
}

TEST(article_page)
{
    chr_article *a = page("article.html", "https://courier.example/news?id=7");
    if (!a)
        return;
    size_t n;
    char *want = slurp("tests/data/html/article.expected", &n);
    CHECK(want != NULL);
    if (want) {
        while (n && want[n - 1] == '\n')
            want[--n] = '\0';
        CHECK_STR(a->text, want);
        CHECK_INT(a->text_len, n);
    }
    free(want);
    CHECK_STR(a->title, "River bridge reopens after repairs");
    CHECK_STR(a->pub_date, "2021-03-09");
    CHECK_INT(a->pub_date_source, CHR_DATE_METADATA);
    CHECK_STR(a->author, "Ada Fielding, Tom Reyes");
    CHECK_STR(a->outlet, "The Valley Courier");
    CHECK_STR(a->url, "https://courier.example/news/2021/river-bridge-reopens");
    CHECK_STR(a->lang, "en");
    CHECK_INT(a->format, CHR_FMT_HTML);
    CHECK(a->charset == NULL);
    CHECK_INT(a->flags, 0);
    /* Boilerplate that must not leak into the text. */
    text_has(a, NULL,
             (const char *[]){"cookies", "Share on", "Related", "nightmare", "Photo:", "Registered",
                              NULL});
    chr_article_free(a);
}

TEST(latin1_transcoded)
{
    chr_article *a = page("latin1.html", NULL);
    if (!a)
        return;
    CHECK_STR(a->title, "Fête de la musique à Nantéry");
    text_has(a, (const char *[]){"succédé jusqu'à minuit.", "« exceptionnelle »", NULL},
             (const char *[]){"Accueil", NULL});
    CHECK_STR(a->author, "Raphaëlle Dupré");
    CHECK_STR(a->pub_date, "2020-06-21");
    CHECK_STR(a->lang, "fr");
    CHECK(a->flags & CHR_ART_TRANSCODED);
    CHECK(a->charset && strcmp(a->charset, "WINDOWS-1252") == 0);
    chr_article_free(a);
}

TEST(time_byline_sidebar_wrapper)
{
    chr_article *a = page("time-byline.html", NULL);
    if (!a)
        return;
    /* The article sits in a "content-with-sidebar" wrapper: still found;
     * the byline line above it is dropped. */
    CHECK(strncmp(a->text, "Ab Montag fährt", 16) == 0);
    text_has(a, (const char *[]){"Nachtbus", NULL},
             (const char *[]){"Meistgelesen", "Von Kim Berger", NULL});
    CHECK_STR(a->pub_date, "2022-10-28");
    CHECK_STR(a->author, "Kim Berger");
    CHECK_STR(a->title, "Neue Buslinie ab Montag");
    CHECK_STR(a->lang, "de");
    chr_article_free(a);
}

TEST(teaser_list_left_out)
{
    chr_article *a = page("teasers.html", NULL);
    if (!a)
        return;
    text_has(a, (const char *[]){"96 metres tall", NULL},
             (const char *[]){"Ferry", "deckhand", NULL});
    CHECK_STR(a->pub_date, "2023-04-12");
    chr_article_free(a);
}

TEST(no_text_is_empty)
{
    chr_err e;
    chr_diag d;
    size_t n;
    char *b = slurp("tests/data/html/empty.html", &n);
    chr_article *a = (chr_article *)1;
    e = b ? chr_html_extract(b, n, NULL, NULL, &a, &d) : CHR_EIO;
    CHECK_INT(e, CHR_EEMPTY);
    CHECK(a == NULL);
    CHECK_INT(d.code, CHR_EEMPTY);
    free(b);
}

TEST(url_date_and_hint)
{
    const char *page = "<html><body><p>The council met on a rainy evening and agreed, after "
                       "a long debate, to keep the swimming pool open all year.</p></body></html>";
    chr_article *a = NULL;
    chr_err e = chr_html_extract(page, strlen(page), NULL,
                                 "https://news.example/local/2024/05/14/pool-stays-open", &a, NULL);
    CHECK_INT(e, CHR_OK);
    if (!a)
        return;
    CHECK_STR(a->pub_date, "2024-05-14");
    CHECK_STR(a->url, "https://news.example/local/2024/05/14/pool-stays-open");
    CHECK_STR(a->outlet, "news.example");
    CHECK(a->title == NULL);
    chr_article_free(a);
}

/* A UTC stamp near midnight is the next day in the Americas: the URL's
 * date or a stamp in the publisher's offset one day apart is the day; a
 * day further apart, or no other date, leaves the stamp's. */
TEST(utc_stamp_and_local_day)
{
    const char *body = "<p>The council met on a rainy evening and agreed, after a long "
                       "debate, to keep the swimming pool open all year.</p></body></html>";
    static const struct {
        const char *head, *url, *want;
    } cases[] = {
        {"<meta property=\"article:published_time\" content=\"2019-11-20T01:50:59Z\">",
         "https://news.example/2019/11/19/pool", "2019-11-19"},
        {"<meta property=\"article:published_time\" content=\"2019-11-20T01:50:59Z\">"
         "<meta name=\"pubdate\" content=\"2019-11-19T20:50:59-05:00\">",
         "https://news.example/pool", "2019-11-19"},
        {"<meta property=\"article:published_time\" content=\"2019-11-20T01:50:59Z\">",
         "https://news.example/pool", "2019-11-20"},
        {"<meta property=\"article:published_time\" content=\"2019-11-20T01:50:59Z\">",
         "https://news.example/2019/11/12/pool", "2019-11-20"},
        {"<meta property=\"article:published_time\" content=\"2019-11-20T01:50:59-08:00\">",
         "https://news.example/2019/11/19/pool", "2019-11-20"},
        /* an afternoon stamp is the day in the Americas; a sidebar's time is
         * no publication date */
        {"<meta property=\"article:published_time\" content=\"2019-11-20T14:00:00Z\">"
         "</head><body><aside><time datetime=\"2019-11-19T08:00:00-05:00\">Nov 19</time>"
         "</aside>",
         "https://news.example/pool", "2019-11-20"},
        {"<meta property=\"article:published_time\" content=\"2019-11-20T14:00:00Z\">",
         "https://news.example/2019/11/19/pool", "2019-11-20"},
        /* a stamp in an offset is the publisher's only at the same moment */
        {"<meta property=\"article:published_time\" content=\"2019-11-20T03:00:00Z\">"
         "</head><body><aside><span itemprop=\"datePublished\" "
         "content=\"2019-11-19T18:00:00+01:00\"></span></aside>",
         "https://news.example/pool", "2019-11-20"},
        {"<meta property=\"article:published_time\" content=\"2019-11-20T13:00:00Z\">"
         "<meta name=\"pubdate\" content=\"2019-11-21T09:00:00+09:00\">",
         "https://news.example/pool", "2019-11-20"},
        {"<meta property=\"article:published_time\" content=\"2019-11-20T13:00:00Z\">"
         "<meta name=\"pubdate\" content=\"2019-11-20T22:00:00+09:00\">",
         "https://news.example/pool", "2019-11-20"},
        /* an evening stamp in UTC is the next day in Asia */
        {"<meta property=\"article:published_time\" content=\"2019-11-19T20:00:00Z\">",
         "https://news.example/2019/11/20/pool", "2019-11-20"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char page[1024];
        snprintf(page, sizeof page, "<html><head>%s</head><body>%s", cases[i].head, body);
        chr_article *a = NULL;
        CHECK_INT(chr_html_extract(page, strlen(page), NULL, cases[i].url, &a, NULL), CHR_OK);
        if (a)
            CHECK_STR(a->pub_date, cases[i].want);
        chr_article_free(a);
    }
    CHECK_INT(chr_html_stamp_zone("2019-11-20T01:50:59Z"), 1);
    CHECK_INT(chr_html_stamp_zone("2019-11-20T01:50:59.123+00:00"), 1);
    CHECK_INT(chr_html_stamp_zone("2019-11-19 21:57:00 -0800"), 2);
    CHECK_INT(chr_html_stamp_zone("2019-11-19"), 0);
    CHECK_INT(chr_html_stamp_zone("2019-11-19T21:57:00"), 0);
    CHECK(chr_html_stamp_minutes("2019-11-20T01:50:59Z") ==
          chr_html_stamp_minutes("2019-11-19T20:50:59-05:00"));
    CHECK(chr_html_stamp_minutes("2019-11-19") == LONG_MIN);
    CHECK_INT(chr_html_days_adjacent("2019-12-31", "2020-01-01"), -1);
    CHECK_INT(chr_html_days_adjacent("2020-03-01", "2020-02-29"), 1);
    CHECK(!chr_html_days_adjacent("2019-03-01", "2019-02-27"));
}

/* a site name followed by its sections is the site's name */
TEST(outlet_without_sections)
{
    const char *page =
        "<html><head><meta property=\"og:site_name\" content=\"Autoracing | F1 | "
        "Indy | MotoGP\"></head><body><p>The race was stopped after a crash in the "
        "first lap, and restarted an hour later under a clear sky.</p></body></html>";
    chr_article *a = NULL;
    CHECK_INT(chr_html_extract(page, strlen(page), NULL, NULL, &a, NULL), CHR_OK);
    if (!a)
        return;
    CHECK_STR(a->outlet, "Autoracing");
    chr_article_free(a);
}

TEST(charset_hint_and_bom)
{
    /* "café" in latin1 bytes, declared only by the HTTP header. */
    const char page[] = "<html><body><p>Le caf\xe9 du port ferme ses portes apr\xe8s quarante ans "
                        "de service, faute de repreneur.</p></body></html>";
    chr_article *a = NULL;
    chr_err e =
        chr_html_extract(page, sizeof page - 1, "text/html; charset=iso-8859-1", NULL, &a, NULL);
    CHECK_INT(e, CHR_OK);
    if (a) {
        CHECK(strstr(a->text, "café du port") != NULL);
        CHECK(a->flags & CHR_ART_TRANSCODED);
        chr_article_free(a);
    }
    /* UTF-16LE with a BOM. */
    const char *ascii = "<html><body><p>Snow closed the mountain pass for the third time this "
                        "winter, and the ferry took the extra lorries.</p></body></html>";
    size_t n = strlen(ascii);
    char *u16 = malloc(2 * n + 2);
    u16[0] = (char)0xFF;
    u16[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        u16[2 + 2 * i] = ascii[i];
        u16[3 + 2 * i] = 0;
    }
    a = NULL;
    e = chr_html_extract(u16, 2 * n + 2, NULL, NULL, &a, NULL);
    CHECK_INT(e, CHR_OK);
    if (a) {
        CHECK(strstr(a->text, "mountain pass") != NULL);
        chr_article_free(a);
    }
    free(u16);
    /* Invalid UTF-8 in a UTF-8 page is repaired, never passed on. */
    const char bad[] = "<html><head><meta charset=utf-8></head><body><p>Prices rose \xff\xfe by "
                       "four per cent over the year, the statistics office said on Monday.</p>"
                       "</body></html>";
    a = NULL;
    e = chr_html_extract(bad, sizeof bad - 1, NULL, NULL, &a, NULL);
    CHECK_INT(e, CHR_OK);
    if (a) {
        CHECK(a->flags & CHR_ART_UTF8_REPAIRED);
        CHECK(chr_html_utf8_valid((const unsigned char *)a->text, a->text_len));
        chr_article_free(a);
    }
}

TEST(dates)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"2019-11-19T23:30:00-05:00", "2019-11-19"},
        {"2019-11-19", "2019-11-19"},
        {"2019/11/9 10:00", "2019-11-09"},
        {"20191119", "2019-11-19"},
        {"Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19"},
        {"November 19, 2019 5:32 PM ET", "2019-11-19"},
        {"Nov. 19, 2019", "2019-11-19"},
        {"19. November 2019", "2019-11-19"},
        {"le 3 février 2020", "2020-02-03"},
        {"28. Oktober 2022", "2022-10-28"},
        {"14.05.2024", "2024-05-14"},
        {"05/14/2024", "2024-05-14"},
        {"1574168580", "2019-11-19"},
        {"1574168580000", "2019-11-19"},
        {"Published 2024-05-14T08:00Z", "2024-05-14"},
        {"Updated 11:04 PM", NULL},
        {"14 things to do in May", NULL},
        {"2019-02-30", NULL},
        {"", NULL},
        {"1850-01-01", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[11] = "";
        int ok = chr_html_parse_date(cases[i].in, out);
        if (cases[i].want) {
            CHECK(ok);
            CHECK_STR(out, cases[i].want);
        } else {
            CHECK(!ok);
        }
    }
    char out[11];
    CHECK(chr_html_url_date("https://x.example/2019/11/19/story", out));
    CHECK_STR(out, "2019-11-19");
    CHECK(chr_html_url_date("https://x.example/news/story-2019-11-19.html", out));
    CHECK_STR(out, "2019-11-19");
    CHECK(chr_html_url_date("https://x.example/20191119/story", out));
    CHECK_STR(out, "2019-11-19");
    CHECK(!chr_html_url_date("https://x.example/2019/11/story", out));
    CHECK(!chr_html_url_date("https://x.example/story-11574168580", out));
    CHECK(!chr_html_url_date("https://2019.example/a?d=2019/11/19", out));
}

TEST(charset_names)
{
    CHECK_STR(chr_html_charset_name("utf8", 4), "UTF-8");
    CHECK_STR(chr_html_charset_name("ISO-8859-1", 10), "WINDOWS-1252");
    CHECK_STR(chr_html_charset_name("\"Shift_JIS\"", 11), "CP932");
    CHECK_STR(chr_html_charset_name("gb2312", 6), "GB18030");
    CHECK_STR(chr_html_charset_name("windows-1251", 12), "WINDOWS-1251");
    CHECK_STR(chr_html_charset_name("iso-8859-15", 11), "ISO-8859-15");
    CHECK(chr_html_charset_name("", 0) == NULL);
    CHECK(chr_html_utf8_valid((const unsigned char *)"caf\xc3\xa9", 5));
    CHECK(!chr_html_utf8_valid((const unsigned char *)"caf\xe9", 4));
    CHECK(!chr_html_utf8_valid((const unsigned char *)"\xed\xa0\x80", 3)); /* surrogate */
    CHECK(!chr_html_utf8_valid((const unsigned char *)"\xc0\xaf", 2));     /* overlong */
}

TEST(sniff)
{
    static const char *yes[] = {"<!DOCTYPE html><html>",
                                "  <html lang=en>",
                                "\xef\xbb\xbf<html>",
                                "<!-- c --><head>",
                                "<?xml version=\"1.0\"?><html>",
                                "<TITLE>x"};
    static const char *no[] = {"WARC/1.0\r\n", "{\"id\": 1}", "plain text <html>", "<htmlx>", ""};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        CHECK(chr_html_sniff((const unsigned char *)yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        CHECK(!chr_html_sniff((const unsigned char *)no[i], strlen(no[i])));
}

TEST(hostile_input)
{
    /* Deep nesting, NULs, unclosed tags: no crash, valid UTF-8 out. */
    size_t depth = 20000, n = depth * 5 + 200;
    char *b = malloc(n);
    size_t k = 0;
    for (size_t i = 0; i < depth; i++)
        memcpy(b + k, "<div>", 5), k += 5;
    const char *tail = "<p>Deep text\0with a NUL inside, still a sentence of some length here.";
    memcpy(b + k, tail, 70);
    k += 70;
    chr_article *a = NULL;
    chr_err e = chr_html_extract(b, k, NULL, NULL, &a, NULL);
    CHECK(e == CHR_OK || e == CHR_EEMPTY);
    if (a) {
        CHECK(chr_html_utf8_valid((const unsigned char *)a->text, a->text_len));
        chr_article_free(a);
    }
    free(b);
    a = NULL;
    CHECK_INT(chr_html_extract("", 0, NULL, NULL, &a, NULL), CHR_EEMPTY);
    CHECK(a == NULL);
}

UNIT_MAIN_BEGIN
RUN(article_page);
RUN(latin1_transcoded);
RUN(time_byline_sidebar_wrapper);
RUN(teaser_list_left_out);
RUN(no_text_is_empty);
RUN(url_date_and_hint);
RUN(utc_stamp_and_local_day);
RUN(outlet_without_sections);
RUN(charset_hint_and_bom);
RUN(dates);
RUN(charset_names);
RUN(sniff);
RUN(hostile_input);
UNIT_MAIN_END
