/* chronicle CLI — `extract FILE|-`: what `ingest` would take from one HTML
 * page (main text, headline, date, author, outlet, URL, language), printed
 * without storing anything. gzip-compressed pages are read as well. */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "chronicle/html.h"
#include "cli.h"

/* The gunzipped copy of a gzip buffer (caller frees), or NULL with *why:
 * corrupt, cut short (as ingest says of such a file) or larger than a page
 * ingest takes. */
static char *gunzip(const char *b, size_t n, size_t *out_n, const char **why)
{
    *why = "corrupt gzip data";
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 16) != Z_OK)
        return NULL;
    size_t cap = n * 4 + 4096, len = 0;
    char *o = malloc(cap + 1);
    zs.next_in = (unsigned char *)b;
    zs.avail_in = (uInt)n;
    int rc = Z_OK;
    while (o && rc == Z_OK) {
        if (cap - len < 4096) {
            if (cap > CLI_MAX_INPUT) {
                *why = "too large once decompressed (limit 32 MiB)";
                free(o);
                o = NULL;
                break;
            }
            char *no = realloc(o, cap * 2 + 1);
            if (!no) {
                *why = "out of memory";
                free(o);
                o = NULL;
                break;
            }
            o = no;
            cap *= 2;
        }
        zs.next_out = (unsigned char *)o + len;
        zs.avail_out = (uInt)(cap - len);
        rc = inflate(&zs, Z_NO_FLUSH);
        len = cap - zs.avail_out;
        if (rc == Z_STREAM_END && zs.avail_in > 0) /* concatenated members */
            rc = inflateReset(&zs);
    }
    inflateEnd(&zs);
    if (o && len > CLI_MAX_INPUT) { /* (the first buffer may hold more than the limit) */
        *why = "too large once decompressed (limit 32 MiB)";
        free(o);
        o = NULL;
    }
    if (o && rc != Z_STREAM_END) {
        if (rc == Z_BUF_ERROR || rc == Z_OK)
            *why = "truncated gzip data";
        free(o);
        o = NULL;
    }
    if (!o)
        return NULL;
    o[len] = '\0';
    *out_n = len;
    return o;
}

static void print_field(const char *name, const char *v)
{
    if (v)
        printf("%-8s %s\n", name, v);
}

/* Whether --charset names one the extractor reads: a whole label
 * ("latin1", not "latin1 bogus") or a Content-Type value with one. */
static int charset_ok(const char *cs)
{
    if (!chr_html_charset_hint(cs))
        return 0;
    if (strstr(cs, "charset") || strstr(cs, "CHARSET"))
        return 1;
    size_t n = strlen(cs);
    while (n && (cs[n - 1] == ' ' || cs[n - 1] == '"' || cs[n - 1] == '\''))
        n--;
    size_t b = strspn(cs, " \"'");
    return b <= n &&
           strspn(cs + b, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:") ==
               n - b;
}

int cmd_extract(int argc, char **argv, cli_opts *g)
{
    const char *path = NULL, *url = NULL, *charset = NULL;
    for (int i = 1; i < argc; i++) {
        int k = cli_common_opt(argc, argv, &i, g);
        if (k == 0)
            k = cli_opt_value(argc, argv, &i, "--url", &url);
        if (k == 0)
            k = cli_opt_value(argc, argv, &i, "--charset", &charset);
        if (k < 0)
            return EXIT_USAGE;
        if (k)
            continue;
        if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("extract: unknown option '%s'", argv[i]);
            return EXIT_USAGE;
        } else if (!path) {
            path = argv[i];
        } else {
            cli_error("extract: one page at a time ('%s')", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!path) {
        cli_error("usage: chronicle extract [--json] [--url URL] [--charset CS] FILE|-");
        return EXIT_USAGE;
    }
    if (charset && !charset_ok(charset)) { /* it would be ignored without a word */
        cli_error("extract: unknown charset '%s'", charset);
        return EXIT_USAGE;
    }
    size_t n = 0;
    char *buf = cli_read_all(path, &n);
    if (!buf)
        return EXIT_INPUT;
    if (n >= 2 && (unsigned char)buf[0] == 0x1f && (unsigned char)buf[1] == 0x8b) {
        size_t un = 0;
        const char *why = NULL;
        char *u = gunzip(buf, n, &un, &why);
        free(buf);
        if (!u) {
            cli_error("%s: %s", path, why);
            return EXIT_INPUT;
        }
        buf = u;
        n = un;
    }
    /* what ingest would not read as a page is said to be none */
    size_t sniff = n < 4096 ? n : 4096;
    chr_format f = chr_detect_format((const unsigned char *)buf, sniff, path);
    const char *none = f == CHR_FMT_WARC    ? "a WARC file (ingest reads its pages)"
                       : f == CHR_FMT_JSONL ? "JSON Lines, not an HTML page"
                       : !chr_utf16_charset((const unsigned char *)buf, sniff, NULL) &&
                               chr_looks_binary((const unsigned char *)buf, sniff)
                           ? "binary data, not an HTML page"
                           : NULL;
    if (none) {
        cli_error("%s: %s", path, none);
        free(buf);
        return EXIT_INPUT;
    }
    chr_article *a = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = chr_html_extract(buf, n, charset, url, &a, &d);
    free(buf);
    if (e != CHR_OK) {
        snprintf(d.file, sizeof d.file, "%s", path);
        cli_diag(&d, NULL);
        return e == CHR_ENOMEM ? EXIT_FATAL : EXIT_INPUT;
    }
    if (g->json) {
        chr_json j;
        chr_json_init(&j, stdout, 0);
        chr_json_begin_object(&j);
        chr_json_kstring(&j, "title", a->title);
        chr_json_kstring(&j, "text", a->text);
        chr_json_kstring(&j, "pub_date", a->pub_date);
        chr_json_kstring(&j, "author", a->author);
        chr_json_kstring(&j, "outlet", a->outlet);
        chr_json_kstring(&j, "url", a->url);
        chr_json_kstring(&j, "lang", a->lang);
        chr_json_end_object(&j);
        chr_json_end(&j);
    } else {
        print_field("title:", a->title);
        print_field("date:", a->pub_date);
        print_field("author:", a->author);
        print_field("outlet:", a->outlet);
        print_field("url:", a->url);
        print_field("lang:", a->lang);
        if (a->charset)
            printf("%-8s %s (converted to UTF-8)\n", "charset:", a->charset);
        if (a->flags & CHR_ART_UTF8_REPAIRED)
            printf("%-8s invalid UTF-8 sequences replaced\n", "note:");
        printf("\n%s\n", a->text);
    }
    chr_article_free(a);
    return EXIT_OK;
}
