/* chronicle — ingest: one input (file or stdin) to a stream of chr_article.
 * Owns: format detection by content, the plain-text and JSON Lines readers,
 * UTF-8 repair / Windows-1252 transcoding, binary and size checks, and the
 * dispatch to html.c (one page) and warc.c (crawl files). Non-seekable input
 * (stdin, pipes) is spooled to an unlinked temporary file first. */
#include "chronicle/ingest.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <iconv.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <zlib.h>

#include "chronicle/html.h"
#include "chronicle/warc.h"

/* Largest article body accepted (bytes); larger records are reported and skipped. */
#define CHR_MAX_ARTICLE (32u << 20)
#define SNIFF_LEN 65536

const char *chr_format_name(chr_format f)
{
    switch (f) {
    case CHR_FMT_TEXT:
        return "text";
    case CHR_FMT_JSONL:
        return "jsonl";
    case CHR_FMT_HTML:
        return "html";
    case CHR_FMT_WARC:
        return "warc";
    default:
        return "unknown";
    }
}

const char *chr_date_src_name(chr_date_src s)
{
    switch (s) {
    case CHR_DATE_HEADER:
        return "header";
    case CHR_DATE_METADATA:
        return "metadata";
    case CHR_DATE_INFERRED:
        return "inferred";
    case CHR_DATE_PATH:
        return "path";
    default:
        return NULL;
    }
}

chr_article *chr_article_new(void)
{
    return calloc(1, sizeof(chr_article));
}

void chr_article_free(chr_article *a)
{
    if (!a)
        return;
    free(a->source);
    free(a->ext_id);
    free(a->url);
    free(a->title);
    free(a->author);
    free(a->outlet);
    free(a->lang);
    free(a->pub_date);
    free(a->text);
    free(a->extra);
    free(a->charset);
    free(a);
}

void chr_article_locate(const chr_article *a, chr_diag *d)
{
    const char *src = a->source ? a->source : "-";
    size_t n = strlen(src);
    long line = 0;
    long long off = -1;
    /* the suffix the reader wrote: "#LINE" (JSON Lines), "@OFFSET" (a WARC
     * record, format HTML; a page file named "x@12" prints alike) */
    const char *h = a->format == CHR_FMT_JSONL  ? strrchr(src, '#')
                    : a->format == CHR_FMT_HTML ? strrchr(src, '@')
                                                : NULL;
    if (h && isdigit((unsigned char)h[1])) {
        char *end = NULL;
        errno = 0;
        long long v = strtoll(h + 1, &end, 10);
        if (*end || errno || (*h == '#' && (v < 1 || v > LONG_MAX)))
            h = NULL;
        else if (*h == '#')
            line = (long)v;
        else
            off = v;
    } else {
        h = NULL;
    }
    if (h)
        n = (size_t)(h - src);
    snprintf(d->file, sizeof d->file, "%.*s", (int)(n < sizeof d->file ? n : sizeof d->file - 1),
             src);
    d->line = line;
    d->offset = off;
}

/* ---- encoding ----------------------------------------------------------- */

/* Length of a valid UTF-8 sequence at s (n bytes available), 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t k;
    unsigned min;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) {
        k = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < k)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return k;
}

static int utf8_valid(const char *buf, size_t len)
{
    const unsigned char *s = (const unsigned char *)buf;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = utf8_seq(s + i, len - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

char *chr_utf8_repair(const char *buf, size_t len, size_t *out_len, int *repaired)
{
    const unsigned char *s = (const unsigned char *)buf;
    size_t bad = 0;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(s + i, len - i);
        if (k == 0 || s[i] == 0) {
            bad++;
            i++;
        } else {
            i += k;
        }
    }
    char *out = malloc(len + bad * 2 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(s + i, len - i);
        if (s[i] == 0) {
            i++;
        } else if (k == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
        }
    }
    out[o] = 0;
    if (out_len)
        *out_len = o;
    if (repaired)
        *repaired = bad > 0;
    return out;
}

int chr_looks_binary(const unsigned char *buf, size_t len)
{
    size_t n = len < 8192 ? len : 8192;
    size_t ctl = 0, nul = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = buf[i];
        if (c == 0 && ++nul * 100 > n && nul > 1)
            return 1; /* a stray NUL is a bad line's, not a binary file's (one
                       * in a text of under 100 bytes too) */
        if (c && c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B)
            ctl++;
    }
    return n > 0 && ctl * 20 > n; /* more than 5% control bytes */
}

/* Convert text to valid UTF-8. Text with invalid sequences and no valid
 * multi-byte ones is taken as Windows-1252 and transcoded (iconv); text that
 * mixes both is repaired with U+FFFD. Sets flags and a warning message. */
static char *to_utf8(char *text, size_t len, size_t *out_len, unsigned *flags, char **charset,
                     char *warn, size_t warn_size)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t bad = 0, good_mb = 0;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(s + i, len - i);
        if (k == 0) {
            bad++;
            i++;
        } else {
            good_mb += k > 1;
            i += k;
        }
    }
    if (bad == 0) {
        *out_len = len;
        return text;
    }
    if (good_mb == 0) {
        iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
        if (cd != (iconv_t)-1) {
            size_t cap = len * 3 + 1;
            char *out = malloc(cap);
            if (out) {
                char *in = text, *o = out;
                size_t il = len, ol = cap - 1;
                size_t r = iconv(cd, &in, &il, &o, &ol);
                iconv_close(cd);
                if (r != (size_t)-1) {
                    *o = 0;
                    *out_len = (size_t)(o - out);
                    *flags |= CHR_ART_TRANSCODED;
                    *charset = strdup("windows-1252");
                    snprintf(warn, warn_size, "not UTF-8: transcoded from Windows-1252");
                    free(text);
                    return out;
                }
                free(out);
            } else {
                iconv_close(cd);
            }
        }
    }
    char *r = chr_utf8_repair(text, len, out_len, NULL);
    if (!r)
        return NULL;
    *flags |= CHR_ART_UTF8_REPAIRED;
    snprintf(warn, warn_size, "invalid UTF-8: %zu bad byte%s replaced with U+FFFD", bad,
             bad == 1 ? "" : "s");
    free(text);
    return r;
}

/* ---- detection ---------------------------------------------------------- */

static int has_ext(const char *name, const char *ext)
{
    if (!name)
        return 0;
    size_t n = strlen(name), k = strlen(ext);
    return n > k && strcasecmp(name + n - k, ext) == 0;
}

/* A name that says JSON Lines: read as such whatever its first line is (a
 * cut or commented first line is reported, not the feed taken for text). */
static int jsonl_name(const char *name)
{
    return has_ext(name, ".jsonl") || has_ext(name, ".ndjson") || has_ext(name, ".jsonl.gz") ||
           has_ext(name, ".ndjson.gz");
}

/* Whether most of the first whole lines of buf that are not blank (at most
 * eight; two at least) are JSON objects, or the second of two is a record
 * (with a "text"): a feed on
 * standard input, or under another name, whose first line was cut or is a
 * comment or a log's line. */
static int mostly_json_objects(const unsigned char *buf, size_t len)
{
    int lines = 0, objects = 0, records = 0;
    const unsigned char *nl;
    for (size_t i = 0; lines < 8 && i < len && (nl = memchr(buf + i, '\n', len - i));) {
        size_t b = i, e = (size_t)(nl - buf);
        i = e + 1;
        while (b < e && isspace(buf[b]))
            b++;
        while (e > b && isspace(buf[e - 1]))
            e--;
        if (b == e)
            continue;
        lines++;
        json_error_t je;
        json_t *o = json_loadb((const char *)buf + b, e - b, 0, &je);
        /* (a number beyond jansson's range is JSON all the same) */
        objects += json_is_object(o) ||
                   (!o && buf[b] == '{' && json_error_code(&je) == json_error_numeric_overflow);
        records += json_is_object(o) && json_object_get(o, "text");
        json_decref(o);
    }
    return objects >= 2 ? objects * 2 > lines : records == 1 && lines == 2;
}

/* A UTF-16 page with its byte order mark: its ASCII letters (every other
 * byte) open with markup. */
static int utf16_html(const unsigned char *buf, size_t len)
{
    if (len < 8 || !((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF)))
        return 0;
    size_t lo = buf[0] == 0xFF ? 0 : 1; /* the byte that carries ASCII */
    char a[64];
    size_t n = 0;
    for (size_t i = 2; i + 1 < len && n < sizeof a - 1; i += 2) {
        if (buf[i + 1 - lo] != 0)
            return 0; /* not ASCII: no markup start to see */
        if (!isspace(buf[i + lo]))
            a[n++] = (char)tolower(buf[i + lo]);
    }
    a[n] = 0;
    return a[0] == '<' && (strstr(a, "<html") || strstr(a, "<!doctype") || strstr(a, "<head") ||
                           strstr(a, "<meta") || strstr(a, "<body"));
}

const char *chr_utf16_charset(const unsigned char *buf, size_t len, int *bom)
{
    size_t n = (len < 8192 ? len : 8192) & ~(size_t)1;
    if (bom)
        *bom = 0;
    if (n < 4)
        return NULL;
    int be = -1; /* from the byte order mark */
    size_t i0 = 0;
    if (buf[0] == 0xFF && buf[1] == 0xFE)
        be = 0;
    else if (buf[0] == 0xFE && buf[1] == 0xFF)
        be = 1;
    if (be >= 0)
        i0 = 2;
    size_t pairs = (n - i0) / 2, z[2] = {0, 0};
    for (size_t i = i0; i < n; i += 2) {
        z[0] += buf[i] == 0;
        z[1] += buf[i + 1] == 0;
    }
    if (be < 0) {
        /* no mark: the high bytes of ASCII letters are NULs in one column
         * (odd for little endian), the other holds the letters; a text in
         * one other alphabet (Cyrillic, Greek) shows NULs between words and
         * one value (its block) otherwise */
        int hi = z[1] >= z[0];
        if (z[!hi] * 100 > pairs || z[hi] * 10 < pairs)
            return NULL;
        if (z[hi] * 10 < pairs * 4) {
            size_t count[256] = {0}, top = 0;
            for (size_t i = i0 + (size_t)hi; i < n; i += 2)
                count[buf[i]]++;
            for (int v = 1; v < 256; v++)
                top = count[v] > top ? count[v] : top;
            if ((z[hi] + top) * 20 < pairs * 19)
                return NULL;
        }
        be = !hi;
    }
    /* code units: no control characters beyond a few, surrogates paired */
    size_t ctl = 0;
    for (size_t i = i0; i < n; i += 2) {
        unsigned u = be ? (unsigned)buf[i] << 8 | buf[i + 1] : (unsigned)buf[i + 1] << 8 | buf[i];
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= n)
                break; /* cut by the end of the sample */
            unsigned v = be ? (unsigned)buf[i + 2] << 8 | buf[i + 3]
                            : (unsigned)buf[i + 3] << 8 | buf[i + 2];
            if (v < 0xDC00 || v > 0xDFFF)
                return NULL;
            i += 2;
        } else if ((u >= 0xDC00 && u <= 0xDFFF) || u == 0xFFFE || u == 0xFFFF) {
            return NULL;
        } else if (u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f') {
            ctl++;
        }
    }
    if (ctl * 100 > pairs)
        return NULL;
    if (bom)
        *bom = i0 > 0;
    return be ? "UTF-16BE" : "UTF-16LE";
}

/* Does buf open with a JSON array of objects ("[", "{", a quoted key)? */
static int json_array_start(const unsigned char *buf, size_t len)
{
    size_t i = len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0;
    const char want[] = "[{\"";
    for (int k = 0; k < 3; k++) {
        while (i < len && isspace(buf[i]))
            i++;
        if (i >= len || buf[i] != (unsigned char)want[k])
            return 0;
        i++;
    }
    return 1;
}

static chr_err json_array_error(const char *path, chr_diag *d)
{
    return chr_diag_set(d, CHR_EPARSE, path, 0, -1,
                        "a JSON array of objects: chronicle reads JSON Lines, one object a line "
                        "(jq -c '.[]' turns the one into the other)");
}

chr_format chr_detect_format(const unsigned char *buf, size_t len, const char *name)
{
    size_t i = 0;
    if (utf16_html(buf, len))
        return CHR_FMT_HTML;
    if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
        i = 3;
    if (len - i >= 5 && memcmp(buf + i, "WARC/", 5) == 0)
        return CHR_FMT_WARC;
    if (chr_html_sniff(buf, len))
        return CHR_FMT_HTML;
    if (jsonl_name(name))
        return CHR_FMT_JSONL;
    while (i < len && isspace(buf[i]))
        i++;
    if (i < len && buf[i] == '{') {
        /* a JSON object that ends on its own line */
        if (has_ext(name, ".json"))
            return CHR_FMT_JSONL;
        const unsigned char *nl = memchr(buf + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - buf) : len;
        while (e > i && isspace(buf[e - 1]))
            e--;
        if (e > i + 1 && buf[e - 1] == '}' && memchr(buf + i, '"', e - i))
            return CHR_FMT_JSONL;
    }
    if (mostly_json_objects(buf, len))
        return CHR_FMT_JSONL;
    if (i < len && buf[i] == '<' && (has_ext(name, ".html") || has_ext(name, ".htm")))
        return CHR_FMT_HTML;
    return CHR_FMT_TEXT;
}

/* Is year-month-day a real calendar day? */
static int valid_ymd(int y, int m, int dd)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || dd < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return dd <= mdays[m - 1] + (m == 2 && leap);
}

/* ---- reader ------------------------------------------------------------- */

struct chr_reader {
    char *name;
    int fd;    /* -1 once handed to the WARC reader */
    gzFile gz; /* text, JSON Lines and HTML are read through zlib (plain or gzip) */
    chr_format fmt;
    chr_warc *warc;
    int done;
    long line; /* JSON Lines: current line number */
    long skipped;
    long long bytes;
    char *lbuf; /* JSON Lines line buffer */
    size_t lcap;
    char *rbuf; /* JSON Lines read buffer */
    size_t rpos, rlen;
    char warn[256];
    int streaming;     /* read from a pipe (fd) as it comes */
    const char *utf16; /* "UTF-16LE"/"UTF-16BE": the input was, read from a UTF-8 copy */
    int utf16_bom, utf16_repaired, utf16_told;
    /* streaming: waiting for the pipe ends once *stop is set (NULL: never) */
    const volatile sig_atomic_t *stop;
};

/* Whether gzip input ended inside a member: zlib's "unexpected end of
 * file", which gzread takes for the end of the data (a plain file read
 * through zlib never has it). */
static int gz_cut(gzFile gz)
{
    int err = Z_OK;
    gzerror(gz, &err);
    return err == Z_BUF_ERROR;
}

/* Whether b[0..n) holds a whole line that is not blank. */
static int has_line(const unsigned char *b, size_t n)
{
    int text = 0;
    for (size_t i = 0; i < n; i++) {
        if (b[i] == '\n' && text)
            return 1;
        text |= !isspace(b[i]);
    }
    return 0;
}

/* Wait until fd has data (or its end) to read: 1, or 0 once *stop is set
 * (stop may be NULL: then at once). The signal that sets *stop interrupts
 * poll; the timeout covers one that came just before it. */
static int wait_input(int fd, const volatile sig_atomic_t *stop)
{
    if (!stop)
        return 1;
    while (!*stop) {
        struct pollfd pf = {fd, POLLIN, 0};
        int k = poll(&pf, 1, 200);
        if (k > 0 || (k < 0 && errno != EINTR))
            return 1; /* data, end of input, or an error the read reports */
    }
    return 0;
}

/* Read up to cap bytes of fd (a pipe delivers in pieces), or with
 * first_line only until a line with text has ended (a live feed sends one
 * record and waits); -1 on error, -2 once *stop is set (stop may be NULL). */
static ssize_t read_full(int fd, unsigned char *b, size_t cap, int first_line,
                         const volatile sig_atomic_t *stop)
{
    size_t n = 0;
    while (n < cap && !(first_line && has_line(b, n))) {
        if (!wait_input(fd, stop))
            return -2;
        ssize_t k = read(fd, b + n, cap - n);
        if (k == 0)
            break;
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        n += (size_t)k;
    }
    return (ssize_t)n;
}

static int write_all(int t, const unsigned char *b, size_t n)
{
    for (size_t w = 0; w < n;) {
        ssize_t k = write(t, b + w, n - w);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        w += (size_t)k;
    }
    return 0;
}

/* An unlinked temporary file (in $TMPDIR, else /tmp); -1 on failure. */
static int tmp_file(void)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/chronicle-stdin-XXXXXX", dir && *dir ? dir : "/tmp");
    int t = mkstemp(path);
    if (t >= 0)
        unlink(path);
    return t;
}

/* A copy of pre[0..npre) and the rest of fd in an unlinked temporary file;
 * -2 once it grows past limit bytes (0: none), -3 once *stop is set. */
static int spool_to_tmp(int fd, const unsigned char *pre, size_t npre, size_t limit,
                        const volatile sig_atomic_t *stop)
{
    int t = tmp_file();
    if (t < 0)
        return -1;
    if (write_all(t, pre, npre) != 0) {
        close(t);
        return -1;
    }
    unsigned char b[65536];
    size_t total = npre;
    for (;;) {
        ssize_t r = read_full(fd, b, sizeof b, 0, stop);
        if (r == 0)
            break;
        if (r < 0 || write_all(t, b, (size_t)r) != 0) {
            close(t);
            return r == -2 ? -3 : -1;
        }
        total += (size_t)r;
        if (limit && total > limit) {
            close(t);
            return -2;
        }
    }
    lseek(t, 0, SEEK_SET);
    return t;
}

/* Replace r->fd, UTF-16 (r->utf16; plain or gzip), by an unlinked
 * temporary file holding it in UTF-8 (without the byte order mark; what
 * does not decode becomes U+FFFD), and detect the format of that. */
static chr_err utf16_to_utf8(chr_reader *r, const char *path, int is_stdin, chr_diag *d)
{
    gzFile g = gzdopen(r->fd, "rb");
    if (!g)
        return chr_diag_set(d, CHR_ENOMEM, path, 0, -1, NULL);
    r->fd = -1;
    int t = tmp_file();
    iconv_t cd = t >= 0 ? iconv_open("UTF-8", r->utf16) : (iconv_t)-1;
    if (t < 0 || cd == (iconv_t)-1) {
        int err = errno;
        gzclose(g);
        if (t >= 0)
            close(t);
        return chr_diag_set(d, CHR_EIO, path, 0, -1, "cannot convert from %s: %s", r->utf16,
                            strerror(err));
    }
    enum { CHUNK = 1 << 16 };
    char *in = malloc(CHUNK), *out = malloc(CHUNK * 2);
    size_t have = 0; /* bytes in in[] not converted yet */
    int first = 1, eof = 0, failed = !in || !out;
    while (!failed && !(eof && have == 0)) {
        if (!eof) {
            int k = gzread(g, in + have, (unsigned)(CHUNK - have));
            if (k < 0) {
                failed = 1;
                break;
            }
            eof = k == 0;
            have += (size_t)k;
            if (first && have >= 2) {
                if (r->utf16_bom) {
                    memmove(in, in + 2, have - 2);
                    have -= 2;
                }
                first = 0;
            }
        }
        char *ip = in, *op = out;
        size_t il = have, ol = CHUNK * 2;
        while (il > 0) {
            if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 || errno == E2BIG)
                break;
            if (errno == EINVAL && !eof)
                break; /* a sequence the next read completes */
            /* a lone surrogate, or an odd last byte */
            size_t skip = il < 2 ? il : 2;
            if (ol < 3)
                break;
            memcpy(op, "\xEF\xBF\xBD", 3);
            op += 3;
            ol -= 3;
            ip += skip;
            il -= skip;
            r->utf16_repaired = 1;
        }
        size_t done = (size_t)(ip - in);
        if (write_all(t, (const unsigned char *)out, (size_t)(op - out)) != 0) {
            failed = 1;
            break;
        }
        memmove(in, ip, il);
        have = il;
        if (eof && done == 0 && op == out && have > 0)
            break; /* nothing more converts */
    }
    iconv_close(cd);
    free(in);
    free(out);
    int cut = !failed && gz_cut(g);
    gzclose(g);
    if (failed || cut) {
        close(t);
        return cut ? chr_diag_set(d, CHR_EPARSE, path, 0, -1, "truncated gzip data")
                   : chr_diag_set(d, CHR_EIO, path, 0, -1, "cannot convert from %s", r->utf16);
    }
    r->fd = t;
    unsigned char *sn = malloc(SNIFF_LEN);
    ssize_t n = sn ? pread(t, sn, SNIFF_LEN, 0) : -1;
    size_t nonspace = 0;
    for (ssize_t i = 0; i < n; i++)
        nonspace += !isspace(sn[i]);
    if (n >= 0 && nonspace)
        r->fmt = chr_detect_format(sn, (size_t)n, is_stdin ? NULL : path);
    int array = n > 0 && (r->fmt == CHR_FMT_TEXT || r->fmt == CHR_FMT_JSONL) &&
                json_array_start(sn, (size_t)n);
    free(sn);
    if (array)
        return json_array_error(path, d);
    lseek(t, 0, SEEK_SET);
    if (n < 0)
        return chr_diag_set(d, sn ? CHR_EIO : CHR_ENOMEM, path, 0, -1, NULL);
    if (!nonspace)
        return chr_diag_set(d, CHR_EEMPTY, path, 0, -1, "empty file");
    return CHR_OK;
}

chr_err chr_reader_open(const char *path, chr_reader **out, chr_diag *d)
{
    return chr_reader_open_until(path, NULL, out, d);
}

chr_err chr_reader_open_until(const char *path, const volatile sig_atomic_t *stop, chr_reader **out,
                              chr_diag *d)
{
    *out = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? dup(0) : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return chr_diag_set(d, CHR_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return chr_diag_set(d, CHR_EINVAL, path, 0, -1, "is a directory");
    }
    /* A pipe: plain JSON Lines are read as they come (a live feed goes in
     * record by record, and nothing is copied); anything else (a whole
     * text or page, WARC, gzip) is spooled to an unlinked temporary file
     * first, so that it can be sniffed and read like a file. */
    unsigned char *pre = NULL;
    ssize_t npre = -1;
    if (lseek(fd, 0, SEEK_CUR) < 0) {
        pre = malloc(SNIFF_LEN);
        npre = pre ? read_full(fd, pre, SNIFF_LEN, 1, stop) : -1;
        if (npre == -2) {
            free(pre);
            close(fd);
            return chr_diag_set(d, CHR_EINTR, path, 0, -1, "interrupted before the first record");
        }
        int gz = npre >= 2 && pre[0] == 0x1f && pre[1] == 0x8b;
        chr_format f =
            npre > 0 && !gz ? chr_detect_format(pre, (size_t)npre, NULL) : CHR_FMT_UNKNOWN;
        int stream = f == CHR_FMT_JSONL && !chr_looks_binary(pre, (size_t)npre);
        int utf16 = npre > 0 && !gz && chr_utf16_charset(pre, (size_t)npre, NULL);
        if (!stream) {
            /* one text or page is one article: spooled up to its limit; an
             * archive (gzip, WARC) or UTF-16 (which may be JSON Lines) as it is */
            size_t limit =
                gz || utf16 || f == CHR_FMT_WARC ? 0 : CHR_MAX_ARTICLE + (size_t)SNIFF_LEN;
            chr_err ec = pre ? CHR_EIO : CHR_ENOMEM;
            int t = npre >= 0 ? spool_to_tmp(fd, pre, (size_t)npre, limit, stop) : -1;
            int err = errno;
            free(pre);
            pre = NULL;
            close(fd);
            if (t == -3)
                return chr_diag_set(d, CHR_EINTR, path, 0, -1, "interrupted while reading");
            if (t == -2)
                return chr_diag_set(
                    d, CHR_ETOOBIG, path, 0, -1,
                    "article too large (limit %u MiB; JSON Lines are read as they come)",
                    CHR_MAX_ARTICLE >> 20);
            if (t < 0)
                return chr_diag_set(d, ec, path, 0, -1, "cannot read: %s", strerror(err));
            fd = t;
        }
    }
    chr_reader *r = calloc(1, sizeof *r);
    if (!r) {
        free(pre);
        close(fd);
        return chr_diag_set(d, CHR_ENOMEM, path, 0, -1, NULL);
    }
    if (pre) { /* streamed: what sniffing read is the first of the stream */
        r->name = strdup(path);
        r->fd = fd; /* read() as data comes: gzread would wait for a full buffer */
        r->fmt = CHR_FMT_JSONL;
        r->streaming = 1;
        r->stop = stop;
        r->rbuf = realloc(pre, 1 << 16);
        if (!r->rbuf)
            free(pre);
        r->rlen = (size_t)npre;
        if (!r->name || !r->rbuf) {
            chr_reader_close(r);
            return chr_diag_set(d, CHR_ENOMEM, path, 0, -1, NULL);
        }
        *out = r;
        return CHR_OK;
    }
    r->name = strdup(path);
    r->fd = fd;
    /* Sniff the first bytes; gzip input is seen decompressed, first member
     * only, so a damaged later member (per-record gzip WARC) does not hide
     * the format from the reader that can skip it. */
    unsigned char *raw = malloc(SNIFF_LEN);
    unsigned char *sn = malloc(SNIFF_LEN);
    if (!raw || !sn || !r->name) {
        free(raw);
        free(sn);
        chr_reader_close(r);
        return chr_diag_set(d, CHR_ENOMEM, path, 0, -1, NULL);
    }
    ssize_t rn = pread(fd, raw, SNIFF_LEN, 0);
    int n = rn < 0 ? -1 : (int)rn, read_errno = rn < 0 ? errno : 0;
    if (rn >= 2 && raw[0] == 0x1f && raw[1] == 0x8b) {
        z_stream z;
        memset(&z, 0, sizeof z);
        n = -1;
        if (inflateInit2(&z, 16 + MAX_WBITS) == Z_OK) {
            z.next_in = raw;
            z.avail_in = (uInt)rn;
            z.next_out = sn;
            z.avail_out = SNIFF_LEN;
            int zr = inflate(&z, Z_SYNC_FLUSH);
            n = (zr == Z_OK || zr == Z_STREAM_END || zr == Z_BUF_ERROR)
                    ? (int)(SNIFF_LEN - z.avail_out)
                    : -1;
            inflateEnd(&z);
        }
    } else if (rn > 0) {
        memcpy(sn, raw, (size_t)rn);
    }
    free(raw);
    lseek(fd, 0, SEEK_SET);
    if (n < 0) {
        free(sn);
        chr_reader_close(r);
        if (read_errno) /* "/proc/self/mem": an I/O error, not a format */
            return chr_diag_set(d, CHR_EIO, path, 0, -1, "cannot read: %s", strerror(read_errno));
        return chr_diag_set(d, CHR_EIO, path, 0, 0, "cannot read (corrupt compressed data?)");
    }
    size_t sl = (size_t)n;
    size_t nonspace = 0;
    for (size_t i = 0; i < sl; i++)
        nonspace += !isspace(sn[i]);
    if (sl == 0 || nonspace == 0) {
        free(sn);
        chr_reader_close(r);
        return chr_diag_set(d, CHR_EEMPTY, path, 0, -1, "empty file");
    }
    r->fmt = chr_detect_format(sn, sl, is_stdin ? NULL : path);
    int bom = 0;
    const char *u16 =
        r->fmt != CHR_FMT_WARC && !utf16_html(sn, sl) ? chr_utf16_charset(sn, sl, &bom) : NULL;
    if (u16) {
        /* UTF-16 (a page with its mark aside, which html.c decodes): read
         * from a UTF-8 copy, detected again */
        free(sn);
        r->utf16 = u16;
        r->utf16_bom = bom;
        chr_err e = utf16_to_utf8(r, path, is_stdin, d);
        if (e) {
            chr_reader_close(r);
            return e;
        }
    } else {
        int binary = r->fmt != CHR_FMT_WARC && !utf16_html(sn, sl) && chr_looks_binary(sn, sl);
        int array = (r->fmt == CHR_FMT_TEXT || r->fmt == CHR_FMT_JSONL) && json_array_start(sn, sl);
        free(sn);
        if (binary) {
            chr_reader_close(r);
            return chr_diag_set(d, CHR_EBINARY, path, 0, -1,
                                "binary data, not a text, JSON Lines, HTML or WARC file");
        }
        if (array) {
            chr_reader_close(r);
            return json_array_error(path, d);
        }
    }
    if (r->fmt == CHR_FMT_WARC) {
        chr_err e = chr_warc_open_fd(r->fd, path, &r->warc, d);
        r->fd = -1;
        if (e) {
            chr_reader_close(r);
            return e;
        }
    } else {
        r->gz = gzdopen(r->fd, "rb");
        if (!r->gz) {
            chr_reader_close(r);
            return chr_diag_set(d, CHR_ENOMEM, path, 0, -1, NULL);
        }
        r->fd = -1;
        gzbuffer(r->gz, 1 << 17);
    }
    *out = r;
    return CHR_OK;
}

int chr_reader_streaming(const chr_reader *r)
{
    return r->streaming;
}

int chr_reader_idle(const chr_reader *r)
{
    if (!r->streaming)
        return 0;
    if (r->rpos < r->rlen && memchr(r->rbuf + r->rpos, '\n', r->rlen - r->rpos))
        return 0; /* a whole record is buffered */
    struct pollfd pf = {r->fd, POLLIN, 0};
    return poll(&pf, 1, 0) == 0;
}

long chr_reader_line(const chr_reader *r)
{
    return r->fmt == CHR_FMT_JSONL ? r->line : 0;
}

chr_format chr_reader_format(const chr_reader *r)
{
    return r->fmt;
}

long chr_reader_skipped(const chr_reader *r)
{
    return r->skipped + (r->warc ? chr_warc_skipped(r->warc) : 0);
}

long long chr_reader_bytes(const chr_reader *r)
{
    if (r->warc)
        return chr_warc_offset(r->warc);
    return r->bytes;
}

const char *chr_reader_warning(const chr_reader *r)
{
    return r->warn[0] ? r->warn : NULL;
}

void chr_reader_close(chr_reader *r)
{
    if (!r)
        return;
    if (r->gz)
        gzclose(r->gz);
    if (r->fd >= 0)
        close(r->fd);
    if (r->warc)
        chr_warc_close(r->warc);
    free(r->lbuf);
    free(r->rbuf);
    free(r->name);
    free(r);
}

chr_err chr_reader_set_name(chr_reader *r, const char *name)
{
    char *n = strdup(name);
    if (!n)
        return CHR_ENOMEM;
    free(r->name);
    r->name = n;
    return CHR_OK;
}

/* Read the whole (decompressed) input, up to CHR_MAX_ARTICLE bytes. */
static chr_err slurp(chr_reader *r, char **out, size_t *len, chr_diag *d)
{
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    if (!b)
        return chr_diag_set(d, CHR_ENOMEM, r->name, 0, -1, NULL);
    for (;;) {
        if (n == cap) {
            if (cap >= CHR_MAX_ARTICLE) {
                /* count the rest for the message, without keeping it */
                long long total = (long long)n;
                int k;
                while ((k = gzread(r->gz, b, (unsigned)cap)) > 0)
                    total += k;
                free(b);
                r->bytes = total;
                return chr_diag_set(d, CHR_ETOOBIG, r->name, 0, -1,
                                    "article too large (%lld bytes; limit %u MiB)", total,
                                    CHR_MAX_ARTICLE >> 20);
            }
            cap *= 2;
            char *nb = realloc(b, cap + 1);
            if (!nb) {
                free(b);
                return chr_diag_set(d, CHR_ENOMEM, r->name, 0, -1, NULL);
            }
            b = nb;
        }
        int k = gzread(r->gz, b + n, (unsigned)(cap - n));
        if (k < 0) {
            free(b);
            return chr_diag_set(d, CHR_EIO, r->name, 0, (long long)n,
                                "read error (corrupt compressed data?)");
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    r->bytes = (long long)n;
    if (gz_cut(r->gz)) { /* one article: none rather than part of one */
        free(b);
        return chr_diag_set(d, CHR_EPARSE, r->name, 0, -1, "truncated gzip data");
    }
    b[n] = 0;
    *out = b;
    *len = n;
    return CHR_OK;
}

/* " date 2024-05-15 body..." header of the plain-text format. Returns the
 * number of bytes it spans, 0 if absent; writes the date to date[11]. */
static size_t text_header(const char *s, size_t n, char date[11])
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (n - i < 15 || strncasecmp(s + i, "date", 4) != 0 || !isspace((unsigned char)s[i + 4]))
        return 0;
    i += 4;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == ':'))
        i++;
    if (n - i < 10)
        return 0;
    const char *p = s + i;
    for (int k = 0; k < 10; k++) {
        int want_dash = (k == 4 || k == 7);
        if (want_dash ? p[k] != '-' : !isdigit((unsigned char)p[k]))
            return 0;
    }
    if (n - i > 10 && !isspace((unsigned char)p[10]))
        return 0;
    int mo = (p[5] - '0') * 10 + (p[6] - '0'), dy = (p[8] - '0') * 10 + (p[9] - '0');
    if (!valid_ymd(atoi(p), mo, dy))
        return 0;
    memcpy(date, p, 10);
    date[10] = 0;
    i += 10;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

static chr_err finish_text(chr_reader *r, chr_article *a, char *text, size_t len, chr_diag *d)
{
    size_t ol = 0;
    char *u = to_utf8(text, len, &ol, &a->flags, &a->charset, r->warn, sizeof r->warn);
    if (!u) {
        free(text);
        return chr_diag_set(d, CHR_ENOMEM, r->name, 0, -1, NULL);
    }
    a->text = u;
    a->text_len = ol;
    return CHR_OK;
}

/* Digits of s[0..n), as a number; -1 unless all are digits. */
static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return n ? v : -1;
}

/* A publication date in a file's path, as archives lay files out by day:
 * a folder named 2023-11-03, folders 2023/11/03, or a file name that opens
 * with 2023-11-03 and then no digit; the one nearest the file wins. Writes
 * date[11]; returns 0 when the path has none (years 1900-2099 only). */
static int path_date(const char *path, char date[11])
{
    int found = 0;
    const char *c[3] = {NULL, NULL, NULL}; /* the last three components */
    size_t cl[3] = {0, 0, 0};
    for (const char *p = path; *p;) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int y, m, dd;
        if (n >= 10 && p[4] == '-' && p[7] == '-' && (y = digits(p, 4)) >= 1900 && y < 2100 &&
            (m = digits(p + 5, 2)) > 0 && (dd = digits(p + 8, 2)) > 0 && valid_ymd(y, m, dd) &&
            (n == 10 || !isdigit((unsigned char)p[10]))) {
            memcpy(date, p, 10);
            date[10] = 0;
            found = 1;
        }
        c[0] = c[1];
        cl[0] = cl[1];
        c[1] = c[2];
        cl[1] = cl[2];
        c[2] = p;
        cl[2] = n;
        if (c[0] && cl[0] == 4 && cl[1] == 2 && cl[2] == 2 && e && (y = digits(c[0], 4)) >= 1900 &&
            y < 2100 && (m = digits(c[1], 2)) > 0 && (dd = digits(c[2], 2)) > 0 &&
            valid_ymd(y, m, dd)) {
            memcpy(date, c[0], 4); /* (digits, checked above) */
            date[4] = '-';
            memcpy(date + 5, c[1], 2);
            date[7] = '-';
            memcpy(date + 8, c[2], 2);
            date[10] = 0;
            found = 1;
        }
        if (!e)
            break;
        p = e + 1;
    }
    return found;
}

static chr_err next_text(chr_reader *r, chr_article **out, chr_diag *d)
{
    char *b;
    size_t n;
    r->done = 1;
    chr_err e = slurp(r, &b, &n, d);
    if (e)
        return e;
    chr_article *a = chr_article_new();
    if (!a) {
        free(b);
        return chr_diag_set(d, CHR_ENOMEM, r->name, 0, -1, NULL);
    }
    a->format = CHR_FMT_TEXT;
    a->source = strdup(r->name);
    char date[11];
    size_t h = text_header(b, n, date);
    if (h) {
        a->pub_date = strdup(date);
        a->pub_date_source = CHR_DATE_HEADER;
        memmove(b, b + h, n - h + 1);
        n -= h;
    } else if (path_date(r->name, date)) {
        a->pub_date = strdup(date);
        a->pub_date_source = CHR_DATE_PATH;
    }
    e = finish_text(r, a, b, n, d);
    if (e) {
        chr_article_free(a);
        return e;
    }
    *out = a;
    return CHR_OK;
}

static chr_err next_html(chr_reader *r, chr_article **out, chr_diag *d)
{
    char *b;
    size_t n;
    r->done = 1;
    chr_err e = slurp(r, &b, &n, d);
    if (e)
        return e;
    chr_article *a = NULL;
    e = chr_html_extract(b, n, NULL, NULL, &a, d);
    free(b);
    if (e) {
        if (d) {
            snprintf(d->file, sizeof d->file, "%s", r->name);
            if (!d->msg[0])
                snprintf(d->msg, sizeof d->msg, "%s",
                         e == CHR_EEMPTY ? "no article text in page" : chr_strerror(e));
        }
        return e;
    }
    free(a->source);
    a->source = strdup(r->name);
    *out = a;
    return CHR_OK;
}

/* Read one line into r->lbuf (without the newline; it may contain NUL
 * bytes, *len counts them). Returns 1 with *len set, 0 at end of input, -1 on
 * a read error, -2 when the line exceeds the limit (the rest of it is
 * consumed), -3 when out of memory, -4 when stopped (r->stop) waiting for a
 * pipe (what came of the line is dropped), -5 when gzip input ends inside
 * a member (what came of the line is dropped). */
static int read_line(chr_reader *r, size_t *len)
{
    size_t n = 0;
    int toolong = 0, any = 0;
    for (;;) {
        if (r->rpos == r->rlen) {
            if (!r->rbuf && !(r->rbuf = malloc(1 << 16)))
                return -3;
            int k;
            if (r->streaming) {
                ssize_t m;
                do {
                    if (!wait_input(r->fd, r->stop))
                        return -4;
                } while ((m = read(r->fd, r->rbuf, 1 << 16)) < 0 && errno == EINTR);
                k = m < 0 ? -1 : (int)m;
            } else {
                k = gzread(r->gz, r->rbuf, 1 << 16);
            }
            if (k < 0)
                return -1;
            if (k == 0 && !r->streaming && gz_cut(r->gz))
                return -5;
            if (k == 0)
                break;
            r->rpos = 0;
            r->rlen = (size_t)k;
        }
        any = 1;
        const char *b = r->rbuf + r->rpos;
        size_t avail = r->rlen - r->rpos;
        const char *nl = memchr(b, '\n', avail);
        size_t take = nl ? (size_t)(nl - b) : avail;
        r->rpos += take + (nl ? 1 : 0);
        r->bytes += (long long)(take + (nl ? 1 : 0));
        if (!toolong) {
            if (n + take + 1 > CHR_MAX_ARTICLE) {
                toolong = 1;
            } else {
                if (n + take + 1 > r->lcap) {
                    size_t nc = r->lcap ? r->lcap : 1 << 16;
                    while (nc < n + take + 1)
                        nc *= 2;
                    char *nb = realloc(r->lbuf, nc);
                    if (!nb)
                        return -3;
                    r->lbuf = nb;
                    r->lcap = nc;
                }
                memcpy(r->lbuf + n, b, take);
                n += take;
            }
        }
        if (nl)
            break;
    }
    if (!any)
        return 0;
    if (toolong) {
        *len = 0;
        return -2;
    }
    if (!r->lbuf && !(r->lbuf = malloc(1)))
        return -3;
    if (n > 0 && r->lbuf[n - 1] == '\r')
        n--;
    r->lbuf[n] = 0;
    *len = n;
    return 1;
}

/* ---- JSON Lines: numbers as written ------------------------------------ */

/* Index after the JSON string that opens at s[i] ('"'), or n. */
static size_t json_skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return n;
}

static size_t json_skip_space(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* Index after the JSON value that starts at s[i] (any type, nested ones
 * whole), or n. */
static size_t json_skip_value(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '"')
        return json_skip_string(s, n, i);
    if (i < n && (s[i] == '{' || s[i] == '[')) {
        int depth = 0;
        while (i < n) {
            if (s[i] == '"') {
                i = json_skip_string(s, n, i);
                continue;
            }
            depth += (s[i] == '{' || s[i] == '[') - (s[i] == '}' || s[i] == ']');
            i++;
            if (depth == 0)
                return i;
        }
        return n;
    }
    while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\t' &&
           s[i] != '\r' && s[i] != '\n')
        i++;
    return i;
}

/* The value of member key of the top-level object in s[0..n), as written:
 * s[*vs..*ve). Keys are compared as written (an escaped key is not found).
 * Returns 0 when absent. */
static int json_member_raw(const char *s, size_t n, const char *key, size_t *vs, size_t *ve)
{
    size_t kl = strlen(key);
    size_t i = json_skip_space(s, n, 0);
    if (i >= n || s[i] != '{')
        return 0;
    for (i = json_skip_space(s, n, i + 1); i < n && s[i] == '"';) {
        size_t ke = json_skip_string(s, n, i);
        int match = ke - i == kl + 2 && memcmp(s + i + 1, key, kl) == 0;
        i = json_skip_space(s, n, ke);
        if (i >= n || s[i] != ':')
            return 0;
        i = json_skip_space(s, n, i + 1);
        size_t e = json_skip_value(s, n, i);
        if (match) {
            *vs = i;
            *ve = e;
            return e > i;
        }
        i = json_skip_space(s, n, e);
        if (i >= n || s[i] != ',')
            return 0;
        i = json_skip_space(s, n, i + 1);
    }
    return 0;
}

/* The value of the four hex digits at s into *v; 0 when they are none. */
static int hex4(const char *s, unsigned *v)
{
    *v = 0;
    for (int k = 0; k < 4; k++) {
        int c = (unsigned char)s[k], x = isdigit(c)             ? c - '0'
                                         : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                                : -1;
        if (x < 0)
            return 0;
        *v = *v * 16 + (unsigned)x;
    }
    return 1;
}

/* Write U+FFFD over each escaped UTF-16 surrogate of the JSON text s[0..n)
 * that is not half of a pair ("\ud83d" alone: an emoji cut in two by an
 * exporter), which jansson refuses, costing the whole record; the same
 * length. Returns how many. */
static int json_fix_surrogates(char *s, size_t n)
{
    int fixed = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\')
            continue;
        unsigned v, w;
        if (s[i + 1] != 'u' || i + 6 > n || !hex4(s + i + 2, &v)) {
            i++; /* another escape: skip its letter ("\\u..." is no escape) */
            continue;
        }
        if (v >= 0xD800 && v <= 0xDBFF && i + 12 <= n && s[i + 6] == '\\' && s[i + 7] == 'u' &&
            hex4(s + i + 8, &w) && w >= 0xDC00 && w <= 0xDFFF) {
            i += 11; /* a pair */
            continue;
        }
        if (v >= 0xD800 && v <= 0xDFFF) {
            memcpy(s + i + 2, "fffd", 4);
            fixed++;
        }
        i += 5;
    }
    return fixed;
}

/* A copy of the JSON text s[0..n) with each number jansson cannot hold (an
 * integer beyond 64 bits, a real beyond a double) written as a string of
 * its digits, so that the line is read rather than refused; NULL when there
 * is none (or on OOM). */
static char *json_quote_big_numbers(const char *s, size_t n, size_t *out_len)
{
    char *out = malloc(n * 3 + 1); /* at worst every byte a one-digit number */
    if (!out)
        return NULL;
    size_t o = 0;
    int changed = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '"') {
            size_t e = json_skip_string(s, n, i);
            memcpy(out + o, s + i, e - i);
            o += e - i;
            i = e;
            continue;
        }
        if (s[i] != '-' && !isdigit((unsigned char)s[i])) {
            out[o++] = s[i++];
            continue;
        }
        size_t e = i + 1;
        int real = 0;
        while (e < n && (isdigit((unsigned char)s[e]) || s[e] == '.' || s[e] == 'e' ||
                         s[e] == 'E' || s[e] == '+' || s[e] == '-')) {
            real |= s[e] == '.' || s[e] == 'e' || s[e] == 'E';
            e++;
        }
        char num[400];
        int big = 0;
        if (e - i < sizeof num) {
            memcpy(num, s + i, e - i);
            num[e - i] = 0;
            errno = 0;
            if (real) {
                double v = strtod(num, NULL);
                big = errno == ERANGE && (v > 1.0 || v < -1.0);
            } else {
                (void)strtoll(num, NULL, 10);
                big = errno == ERANGE;
            }
        } else {
            big = 1;
        }
        if (big)
            out[o++] = '"';
        memcpy(out + o, s + i, e - i);
        o += e - i;
        if (big)
            out[o++] = '"';
        changed |= big;
        i = e;
    }
    out[o] = 0;
    if (!changed) {
        free(out);
        return NULL;
    }
    *out_len = o;
    return out;
}

static char *json_str(json_t *v)
{
    if (json_is_string(v))
        return strdup(json_string_value(v));
    if (json_is_integer(v)) {
        char b[32];
        snprintf(b, sizeof b, "%lld", (long long)json_integer_value(v));
        return strdup(b);
    }
    return NULL;
}

/* json_str for a field shown on one line (a title, an author, an outlet):
 * control characters (line breaks, tabs, ESC, BEL; C1 too) are spaces, runs
 * of spaces one, none at either end. NULL for an empty result. */
static char *json_line(json_t *v)
{
    char *s = json_str(v);
    if (!s)
        return NULL;
    size_t k = 0;
    int sp = 1; /* drops leading spaces */
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        int ctl = c < 0x20 || c == 0x7f ||
                  (c == 0xc2 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f);
        if (ctl && c == 0xc2)
            i++; /* U+0080..U+009F: two bytes */
        if (ctl || c == ' ') {
            if (!sp)
                s[k++] = ' ';
            sp = 1;
            continue;
        }
        s[k++] = (char)c;
        sp = 0;
    }
    while (k > 0 && s[k - 1] == ' ')
        k--;
    s[k] = 0;
    if (!k) {
        free(s);
        return NULL;
    }
    return s;
}

/* ISO 8601 date or timestamp → "YYYY-MM-DD" (malloc'd), NULL if not one. */
/* An ISO 8601 time of day at s, "hh[:mm[:ss[.f]]]" or "hhmm[ss]", and a
 * zone ("Z", "+02:00", "-0500"): where it ends, or NULL. */
static const char *iso_time(const char *s)
{
    int h = digits(s, 2); /* stops at a NUL */
    if (h < 0 || h > 24)
        return NULL;
    int basic = isdigit((unsigned char)s[2]);
    s += 2;
    for (int part = 0; part < 2; part++) {
        if (basic ? !isdigit((unsigned char)*s) : *s != ':')
            break;
        s += !basic;
        int v = digits(s, 2);
        if (v < 0 || v > (part ? 60 : 59))
            return NULL;
        s += 2;
    }
    if (*s == '.' || *s == ',') {
        if (!isdigit((unsigned char)s[1]))
            return NULL;
        for (s++; isdigit((unsigned char)*s); s++)
            ;
    }
    if (*s == 'Z' || *s == 'z')
        return s + 1;
    if (*s == '+' || *s == '-') {
        int zh = digits(s + 1, 2);
        if (zh < 0 || zh > 14)
            return NULL;
        s += 3;
        if (*s == ':')
            s++;
        if (isdigit((unsigned char)*s)) {
            int zm = digits(s, 2);
            if (zm < 0 || zm > 59)
                return NULL;
            s += 2;
        }
    }
    return s;
}

/* The calendar date of an ISO 8601 date or date-time ("2024-05-16",
 * "2024-05-16T08:30:00+03:00", "20240516"), as a new "YYYY-MM-DD"; NULL
 * when the value is none (a time of day out of range, trailing words). */
static char *iso_date(const char *s)
{
    if (!s)
        return NULL;
    while (isspace((unsigned char)*s))
        s++;
    int y, mo, dy;
    const char *p;
    size_t n = strlen(s);
    if (n < 8)
        return NULL;
    if (n >= 10 && digits(s, 4) >= 0 && s[4] == '-' && s[7] == '-') {
        y = digits(s, 4);
        mo = digits(s + 5, 2);
        dy = digits(s + 8, 2);
        p = s + 10;
    } else {
        y = digits(s, 4);
        mo = digits(s + 4, 2);
        dy = digits(s + 6, 2);
        p = s + 8;
        if (isdigit((unsigned char)*p))
            return NULL;
    }
    if (y < 0 || mo < 0 || dy < 0 || !valid_ymd(y, mo, dy))
        return NULL;
    if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1])))
        p = iso_time(p + 1);
    else if (*p == 'Z' || *p == 'z')
        p++;
    if (!p)
        return NULL;
    /* then zone names, offsets or a weekday ("08:30:00 +0000 UTC", "GMT",
     * "2024-05-16 Thursday"), as exports write them */
    while (*p) {
        if (isspace((unsigned char)*p)) {
            p++;
        } else if (isalpha((unsigned char)*p)) {
            const char *b = p;
            while (isalpha((unsigned char)*p))
                p++;
            if (p - b > 10)
                return NULL;
        } else if ((*p == '+' || *p == '-') && digits(p + 1, 2) >= 0) {
            p += 3;
            if (*p == ':')
                p++;
            if (digits(p, 2) >= 0)
                p += 2;
        } else {
            return NULL;
        }
        if (*p && !isspace((unsigned char)*p) && !isspace((unsigned char)p[-1]) &&
            !(isalpha((unsigned char)p[-1]) && (*p == '+' || *p == '-')))
            return NULL; /* "Tgarbage1", "UTC5" */
    }
    char *r = malloc(40); /* (what the compiler sees a %d may take) */
    if (r)
        snprintf(r, 40, "%04d-%02d-%02d", y, mo, dy);
    return r;
}

static chr_err next_jsonl(chr_reader *r, chr_article **out, chr_diag *d)
{
    for (;;) {
        size_t len;
        int k = read_line(r, &len);
        if (k == 0) {
            r->done = 1;
            return CHR_OK;
        }
        if (k == -4) {
            r->done = 1;
            return chr_diag_set(d, CHR_EINTR, r->name, r->line + 1, -1, "interrupted");
        }
        r->line++;
        if (k == -5) {
            r->done = 1;
            return chr_diag_set(d, CHR_EPARSE, r->name, r->line, -1, "truncated gzip data");
        }
        if (k == -1 || k == -3) {
            r->done = 1;
            return k == -3 ? chr_diag_set(d, CHR_ENOMEM, r->name, r->line, -1, NULL)
                           : chr_diag_set(d, CHR_EIO, r->name, r->line, -1, "read error");
        }
        if (k == -2)
            return chr_diag_set(d, CHR_ETOOBIG, r->name, r->line, -1,
                                "line too long (limit %u MiB)", CHR_MAX_ARTICLE >> 20);
        if (r->line == 1 && len >= 3 && memcmp(r->lbuf, "\xEF\xBB\xBF", 3) == 0) {
            memmove(r->lbuf, r->lbuf + 3, len - 3); /* a byte order mark */
            len -= 3;
        }
        size_t i = 0;
        while (i < len && isspace((unsigned char)r->lbuf[i]))
            i++;
        if (i == len)
            continue; /* blank line */
        /* JSON must be UTF-8: repair or transcode the line first, and say so */
        char *fixed = NULL;
        const char *line = r->lbuf;
        unsigned fl = 0;
        char *cs = NULL;
        if (!utf8_valid(r->lbuf, len)) {
            char *copy = malloc(len + 1);
            if (!copy)
                return chr_diag_set(d, CHR_ENOMEM, r->name, r->line, -1, NULL);
            memcpy(copy, r->lbuf, len);
            char w[200];
            fixed = to_utf8(copy, len, &len, &fl, &cs, w, sizeof w);
            if (!fixed)
                return chr_diag_set(d, CHR_ENOMEM, r->name, r->line, -1, NULL);
            snprintf(r->warn, sizeof r->warn, "%s", w);
            line = fixed;
        }
        json_error_t je;
        json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
        if (!o && json_error_code(&je) == json_error_numeric_overflow) {
            /* valid JSON with a number too large for jansson (an id of 20
             * digits): read with such numbers as strings, as written */
            size_t ql = 0;
            char *quoted = json_quote_big_numbers(line, len, &ql);
            if (quoted) {
                o = json_loadb(quoted, ql, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
                free(fixed);
                fixed = quoted;
                line = quoted;
                len = ql;
            }
        }
        if (!o && strstr(je.text, "invalid Unicode")) {
            char *copy = malloc(len + 1);
            if (copy) {
                memcpy(copy, line, len);
                int nf = json_fix_surrogates(copy, len);
                o = nf ? json_loadb(copy, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je) : NULL;
                if (o) {
                    free(fixed);
                    fixed = copy;
                    line = copy;
                    size_t wl = strlen(r->warn);
                    snprintf(r->warn + wl, sizeof r->warn - wl,
                             "%s%d lone UTF-16 surrogate escape%s read as U+FFFD", wl ? "; " : "",
                             nf, nf > 1 ? "s" : "");
                } else {
                    free(copy);
                }
            }
        }
        if (!o) {
            free(fixed);
            free(cs);
            /* jansson read the line as its whole input: its end is the line's */
            char *eof = strstr(je.text, "end of file");
            if (eof && (size_t)(eof - je.text) + 12 <= sizeof je.text)
                memcpy(eof, "end of line", 11);
            return chr_diag_set(d, CHR_EPARSE, r->name, r->line, -1,
                                "malformed JSON at column %d: %s", je.column, je.text);
        }
        if (!json_is_object(o)) {
            json_decref(o);
            free(fixed);
            free(cs);
            return chr_diag_set(d, CHR_EPARSE, r->name, r->line, -1, "not a JSON object");
        }
        json_t *tv = json_object_get(o, "text");
        if (!json_is_string(tv) || json_string_length(tv) == 0) {
            json_decref(o);
            free(fixed);
            free(cs);
            return chr_diag_set(d, CHR_EPARSE, r->name, r->line, -1,
                                tv ? "\"text\" is not a non-empty string" : "missing \"text\"");
        }
        chr_article *a = chr_article_new();
        if (!a) {
            json_decref(o);
            free(fixed);
            free(cs);
            return chr_diag_set(d, CHR_ENOMEM, r->name, r->line, -1, NULL);
        }
        a->format = CHR_FMT_JSONL;
        a->flags |= fl;
        a->charset = cs;
        char src[600];
        snprintf(src, sizeof src, "%s#%ld", r->name, r->line);
        a->source = strdup(src);
        /* a numeric id is kept as written: 1e30 or a 20-digit number are
         * ids, not quantities to round */
        json_t *idv = json_object_get(o, "id");
        size_t vs, ve;
        if (json_is_number(idv) && json_member_raw(line, len, "id", &vs, &ve))
            a->ext_id = strndup(line + vs, ve - vs);
        else if (json_is_real(idv)) { /* "\u0069d": the key was escaped */
            char num[40];
            snprintf(num, sizeof num, "%.17g", json_real_value(idv));
            a->ext_id = strdup(num);
        } else
            a->ext_id = json_str(idv);
        if (idv && !json_is_null(idv) && !a->ext_id) {
            size_t wl = strlen(r->warn);
            snprintf(r->warn + wl, sizeof r->warn - wl,
                     "%s\"id\" is not a string or a number: ignored", wl ? "; " : "");
        }
        static const char *const strings[] = {"url",    "title", "author", "outlet",
                                              "source", "lang",  NULL};
        for (const char *const *f = strings; *f; f++) {
            json_t *v = json_object_get(o, *f);
            if (v && !json_is_null(v) && !json_is_string(v)) {
                size_t wl = strlen(r->warn);
                snprintf(r->warn + wl, sizeof r->warn - wl, "%s\"%s\" is not a string: ignored",
                         wl ? "; " : "", *f);
            }
        }
        a->url = json_str(json_object_get(o, "url"));
        a->title = json_line(json_object_get(o, "title"));
        a->author = json_line(json_object_get(o, "author"));
        a->outlet = json_line(json_object_get(o, "outlet"));
        if (!a->outlet)
            a->outlet = json_line(json_object_get(o, "source"));
        a->lang = json_str(json_object_get(o, "lang"));
        const char *ds = json_string_value(json_object_get(o, "date"));
        a->pub_date = iso_date(ds);
        if (a->pub_date)
            a->pub_date_source = CHR_DATE_METADATA;
        else if (ds && *ds) {
            size_t wl = strlen(r->warn);
            snprintf(r->warn + wl, sizeof r->warn - wl,
                     "%s\"date\" is not an ISO 8601 calendar date (%.40s): ignored", wl ? "; " : "",
                     ds);
        } else if (ds) {
            size_t wl = strlen(r->warn);
            snprintf(r->warn + wl, sizeof r->warn - wl, "%s\"date\" is empty: ignored",
                     wl ? "; " : "");
        } else if (json_object_get(o, "date") && !json_is_null(json_object_get(o, "date"))) {
            size_t wl = strlen(r->warn);
            snprintf(r->warn + wl, sizeof r->warn - wl,
                     "%s\"date\" is not a string (an ISO 8601 date is expected): ignored",
                     wl ? "; " : "");
        }
        /* unknown fields kept verbatim */
        static const char *const known[] = {"id",     "url",    "title",  "date", "text",
                                            "author", "outlet", "source", "lang", NULL};
        json_t *extra = json_object();
        const char *key;
        json_t *val;
        json_object_foreach(o, key, val)
        {
            int kn = 0;
            for (const char *const *q = known; *q; q++)
                kn |= strcmp(*q, key) == 0;
            if (!kn && extra)
                json_object_set(extra, key, val);
        }
        if (extra && json_object_size(extra) > 0)
            a->extra = json_dumps(extra, JSON_COMPACT | JSON_ENSURE_ASCII);
        json_decref(extra);
        size_t tl = json_string_length(tv);
        char *t = malloc(tl + 1);
        if (t) {
            memcpy(t, json_string_value(tv), tl);
            t[tl] = 0;
        }
        json_decref(o);
        free(fixed);
        if (!t || !a->source) {
            free(t);
            chr_article_free(a);
            return chr_diag_set(d, CHR_ENOMEM, r->name, r->line, -1, NULL);
        }
        /* jansson guarantees valid UTF-8; NULs (\u0000) are dropped by clean */
        a->text = t;
        a->text_len = tl;
        *out = a;
        return CHR_OK;
    }
}

/* An article of a UTF-16 input says so: flag, charset, and a warning on
 * the input's first one. */
static chr_err mark_utf16(chr_reader *r, chr_article *a, chr_diag *d)
{
    char *cs = strdup(r->utf16);
    if (!cs)
        return chr_diag_set(d, CHR_ENOMEM, r->name, 0, -1, NULL);
    free(a->charset);
    a->charset = cs;
    a->flags |= CHR_ART_TRANSCODED | (r->utf16_repaired ? CHR_ART_UTF8_REPAIRED : 0u);
    if (!r->utf16_told) {
        r->utf16_told = 1;
        char w[sizeof r->warn];
        snprintf(w, sizeof w, "not UTF-8: transcoded from %s%s%s%s", r->utf16,
                 r->utf16_bom ? "" : " (no byte order mark)",
                 r->utf16_repaired ? ", undecodable units replaced with U+FFFD" : "",
                 r->warn[0] ? "; " : "");
        size_t wl = strlen(w), ol = strlen(r->warn);
        if (wl + ol < sizeof r->warn) {
            memmove(r->warn + wl, r->warn, ol + 1);
            memcpy(r->warn, w, wl);
        }
    }
    return CHR_OK;
}

chr_err chr_reader_skip_lines(chr_reader *r, long lines, chr_diag *d)
{
    if (r->fmt != CHR_FMT_JSONL || r->utf16 || r->line != 0 || r->done)
        return CHR_EINVAL;
    while (r->line < lines) {
        size_t len;
        int k = read_line(r, &len);
        if (k != 1 && k != -2) { /* -2: a line too long, passed all the same */
            r->done = 1;
            return chr_diag_set(d, k == -3 ? CHR_ENOMEM : CHR_EIO, r->name, r->line + 1, -1,
                                "cannot read up to line %ld again", lines);
        }
        r->line++;
    }
    return CHR_OK;
}

chr_err chr_reader_next(chr_reader *r, chr_article **out, chr_diag *d)
{
    *out = NULL;
    r->warn[0] = 0;
    if (r->done)
        return CHR_OK;
    chr_err e;
    switch (r->fmt) {
    case CHR_FMT_WARC:
        e = chr_warc_next(r->warc, out, d);
        if (e == CHR_OK && !*out)
            r->done = 1;
        return e;
    case CHR_FMT_HTML:
        e = next_html(r, out, d);
        break;
    case CHR_FMT_JSONL:
        e = next_jsonl(r, out, d);
        break;
    default:
        e = next_text(r, out, d);
        break;
    }
    if (e == CHR_OK && *out && r->utf16 && (e = mark_utf16(r, *out, d)) != CHR_OK) {
        chr_article_free(*out);
        *out = NULL;
    }
    return e;
}
