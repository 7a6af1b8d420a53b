/* chronicle — warc: streaming reader of WARC 1.0/1.1 files (see warc.h).
 * Owns the byte stream (plain, gzip per record, whole-file gzip, with
 * resynchronisation after damage), WARC record framing, the HTTP envelope
 * (status, Content-Type, chunked transfer, gzip/deflate content encoding).
 * The page inside goes to chr_html_extract; this file knows no HTML. */
#include "chronicle/warc.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <zlib.h>

#include "chronicle/html.h"
#include "html_int.h"

#define IN_CHUNK (64u << 10)      /* compressed bytes read at a time */
#define WIN_MIN (64u << 10)       /* decoded window */
#define MAX_LINE (1u << 20)       /* longest WARC or HTTP header line */
#define MAX_HEADERS (4u << 20)    /* all header lines of one record */
#define MAX_KEEP (64ull << 20)    /* largest record block kept in memory */
#define MAX_PAYLOAD (64ull << 20) /* largest decoded page */
#define MEMBER_RING 8

struct chr_warc {
    int fd;
    char *name;
    int eof_in; /* fd exhausted */
    /* raw input (compressed when gz) */
    unsigned char *in;
    size_t in_beg, in_end;
    long long in_off; /* file offset of in[0] */
    /* gzip state */
    int gz;
    int zinit;
    int zactive; /* inside a member */
    z_stream zs;
    struct {
        long long dec, comp;
    } members[MEMBER_RING]; /* where recent members began */
    unsigned nmembers;
    /* decoded stream window */
    unsigned char *buf;
    size_t beg, end, cap;
    long long buf_off;    /* decoded offset of buf[0] */
    int eof;              /* decoded stream ended */
    int damaged;          /* a gzip error: resynchronise before the next record */
    long long damage_off; /* file offset of the damaged member */
    long long member_off; /* file offset of the member being inflated */
    /* counters */
    long skipped;
    int done;
};

/* ---- raw input --------------------------------------------------------- */

/* Read more of the fd into w->in. Returns bytes read, 0 at EOF, -1 error. */
static ssize_t read_in(chr_warc *w)
{
    if (w->eof_in)
        return 0;
    if (w->in_beg > 0 && w->in_beg == w->in_end) {
        w->in_off += (long long)w->in_end;
        w->in_beg = w->in_end = 0;
    } else if (w->in_beg > IN_CHUNK / 2) {
        memmove(w->in, w->in + w->in_beg, w->in_end - w->in_beg);
        w->in_off += (long long)w->in_beg;
        w->in_end -= w->in_beg;
        w->in_beg = 0;
    }
    if (w->in_end >= IN_CHUNK)
        return 1; /* still full: caller consumes first */
    for (;;) {
        ssize_t r = read(w->fd, w->in + w->in_end, IN_CHUNK - w->in_end);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r == 0)
                w->eof_in = 1;
            return r;
        }
        w->in_end += (size_t)r;
        return r;
    }
}

static long long in_pos(const chr_warc *w)
{
    return w->in_off + (long long)w->in_beg;
}

/* ---- decoded window ---------------------------------------------------- */

static long long dec_pos(const chr_warc *w)
{
    return w->buf_off + (long long)w->beg;
}

/* Make room for at least `want` more bytes after end. */
static int win_room(chr_warc *w, size_t want)
{
    if (w->beg > 0) {
        memmove(w->buf, w->buf + w->beg, w->end - w->beg);
        w->buf_off += (long long)w->beg;
        w->end -= w->beg;
        w->beg = 0;
    }
    if (w->cap - w->end >= want)
        return 0;
    size_t ncap = w->cap ? w->cap : WIN_MIN;
    while (ncap - w->end < want)
        ncap *= 2;
    unsigned char *nb = realloc(w->buf, ncap);
    if (!nb)
        return -1;
    w->buf = nb;
    w->cap = ncap;
    return 0;
}

static void note_member(chr_warc *w)
{
    unsigned i = w->nmembers++ % MEMBER_RING;
    w->members[i].dec = w->buf_off + (long long)w->end;
    w->members[i].comp = in_pos(w);
}

/* Start inflating the member at the input position; 0, or -1 if the bytes
 * there are not a gzip header. */
static int start_member(chr_warc *w)
{
    while (w->in_end - w->in_beg < 2 && read_in(w) > 0)
        ;
    if (w->in_end - w->in_beg < 2)
        return -1;
    if (w->in[w->in_beg] != 0x1f || w->in[w->in_beg + 1] != 0x8b)
        return -1;
    if (!w->zinit) {
        memset(&w->zs, 0, sizeof w->zs);
        if (inflateInit2(&w->zs, 15 + 16) != Z_OK)
            return -1;
        w->zinit = 1;
    } else {
        inflateReset(&w->zs);
    }
    note_member(w);
    w->member_off = in_pos(w);
    w->zactive = 1;
    return 0;
}

/* Skip input to the next gzip header after a damaged member. Returns 0 when
 * found, -1 at end of input. */
static int resync_gzip(chr_warc *w)
{
    w->zactive = 0;
    /* from just after the damaged member's start: a member cut short has
     * handed the next member's header to the inflater, past where we are */
    if (w->member_off + 1 < in_pos(w) && lseek(w->fd, w->member_off + 1, SEEK_SET) >= 0) {
        w->in_off = w->member_off + 1;
        w->in_beg = w->in_end = 0;
        w->eof_in = 0;
    } else if (w->in_end > w->in_beg) {
        w->in_beg++; /* past the damaged member's first byte at least */
    }
    for (;;) {
        while (w->in_end - w->in_beg >= 3) {
            unsigned char *p = memchr(w->in + w->in_beg, 0x1f, w->in_end - w->in_beg - 2);
            if (!p) {
                w->in_beg = w->in_end - 2;
                break;
            }
            w->in_beg = (size_t)(p - w->in);
            if (p[1] == 0x8b && p[2] == 0x08)
                return 0;
            w->in_beg++;
        }
        if (read_in(w) <= 0)
            return -1;
    }
}

/* Decode more bytes into the window. Returns 1 when bytes were added, 0 at
 * end of stream, -1 on damaged gzip data (w->damaged set), -2 on OOM. */
static int fill(chr_warc *w)
{
    if (w->eof || w->damaged)
        return w->damaged ? -1 : 0;
    if (win_room(w, WIN_MIN / 2) < 0)
        return -2;
    if (!w->gz) {
        /* Plain: read straight into the window. */
        if (w->in_end > w->in_beg) { /* bytes read while sniffing */
            size_t n = w->in_end - w->in_beg;
            if (n > w->cap - w->end)
                n = w->cap - w->end;
            memcpy(w->buf + w->end, w->in + w->in_beg, n);
            w->end += n;
            w->in_beg += n;
            return 1;
        }
        for (;;) {
            ssize_t r = read(w->fd, w->buf + w->end, w->cap - w->end);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                w->eof = 1;
                return 0;
            }
            w->in_off += r;
            w->end += (size_t)r;
            return 1;
        }
    }
    for (;;) {
        if (!w->zactive) {
            /* Between members: skip nothing, expect the next header. */
            while (w->in_end == w->in_beg)
                if (read_in(w) <= 0) {
                    w->eof = 1;
                    return 0;
                }
            if (start_member(w) < 0) {
                if (w->in_end - w->in_beg < 2 && w->eof_in) {
                    w->eof = 1; /* one stray byte at the end */
                    return 0;
                }
                w->damaged = 1;
                w->damage_off = in_pos(w);
                return -1;
            }
        }
        if (w->in_end == w->in_beg && read_in(w) < 0) {
            w->damaged = 1;
            w->damage_off = w->member_off;
            return -1;
        }
        w->zs.next_in = w->in + w->in_beg;
        w->zs.avail_in = (uInt)(w->in_end - w->in_beg);
        w->zs.next_out = w->buf + w->end;
        w->zs.avail_out = (uInt)(w->cap - w->end);
        int rc = inflate(&w->zs, Z_NO_FLUSH);
        size_t used = (w->in_end - w->in_beg) - w->zs.avail_in;
        size_t made = (w->cap - w->end) - w->zs.avail_out;
        w->in_beg += used;
        w->end += made;
        if (rc == Z_STREAM_END) {
            w->zactive = 0;
            if (made)
                return 1;
            continue;
        }
        if (rc == Z_OK || rc == Z_BUF_ERROR) {
            if (made)
                return 1;
            if (w->in_end == w->in_beg) {
                ssize_t r = read_in(w);
                if (r <= 0) {
                    /* Input ended inside a member: truncated file. */
                    w->damaged = 1;
                    w->damage_off = w->member_off;
                    return -1;
                }
            }
            continue;
        }
        w->damaged = 1;
        w->damage_off = w->member_off;
        return -1;
    }
}

/* Ensure n decoded bytes are available from beg. Returns 1, 0 when the
 * stream ends first, -1 damaged, -2 OOM. */
static int need(chr_warc *w, size_t n)
{
    while (w->end - w->beg < n) {
        if (w->cap - w->end < n - (w->end - w->beg) && win_room(w, n - (w->end - w->beg)) < 0)
            return -2;
        int r = fill(w);
        if (r <= 0)
            return r;
    }
    return 1;
}

/* Next line (without CR LF) into *line (points into the window, valid
 * until the next read). Returns 1, 0 at end of stream, -1 damaged, -2 OOM,
 * -3 line too long. */
static int read_line(chr_warc *w, char **line, size_t *len)
{
    size_t scanned = 0;
    for (;;) {
        unsigned char *nl = memchr(w->buf + w->beg + scanned, '\n', w->end - w->beg - scanned);
        if (nl) {
            size_t l = (size_t)(nl - (w->buf + w->beg));
            *line = (char *)w->buf + w->beg;
            w->beg += l + 1;
            if (l > 0 && (*line)[l - 1] == '\r')
                l--;
            (*line)[l] = '\0';
            *len = l;
            return 1;
        }
        scanned = w->end - w->beg;
        if (scanned > MAX_LINE)
            return -3;
        int r = fill(w);
        if (r == 0 && w->end > w->beg) {
            /* Last line without a newline. */
            if (win_room(w, 1) < 0)
                return -2;
            size_t l = w->end - w->beg;
            *line = (char *)w->buf + w->beg;
            (*line)[l] = '\0';
            w->beg = w->end;
            *len = l;
            return 1;
        }
        if (r <= 0)
            return r;
    }
}

/* Skip n decoded bytes without keeping them. Returns bytes skipped. */
static size_t skip(chr_warc *w, size_t n, int *err)
{
    size_t done = 0;
    *err = 0;
    while (done < n) {
        if (w->end == w->beg) {
            int r = fill(w);
            if (r <= 0) {
                *err = r;
                break;
            }
        }
        size_t k = w->end - w->beg;
        if (k > n - done)
            k = n - done;
        w->beg += k;
        done += k;
    }
    return done;
}

/* ---- public: open/close ------------------------------------------------ */

chr_err chr_warc_open_fd(int fd, const char *name, chr_warc **out, chr_diag *d)
{
    *out = NULL;
    if (!name)
        name = "-";
    chr_warc *w = calloc(1, sizeof *w);
    if (!w || !(w->name = strdup(name)) || !(w->in = malloc(IN_CHUNK))) {
        if (w)
            free(w->name);
        free(w);
        close(fd);
        return chr_diag_set(d, CHR_ENOMEM, name, 0, -1, "out of memory");
    }
    w->fd = fd;
    /* Sniff: gzip magic means gzip members follow. */
    while (w->in_end < 2 && read_in(w) > 0)
        ;
    w->gz = w->in_end >= 2 && w->in[0] == 0x1f && w->in[1] == 0x8b;
    *out = w;
    return CHR_OK;
}

void chr_warc_close(chr_warc *w)
{
    if (!w)
        return;
    if (w->zinit)
        inflateEnd(&w->zs);
    close(w->fd);
    free(w->in);
    free(w->buf);
    free(w->name);
    free(w);
}

long chr_warc_skipped(const chr_warc *w)
{
    return w ? w->skipped : 0;
}

long long chr_warc_offset(const chr_warc *w)
{
    if (!w)
        return 0;
    return w->gz ? in_pos(w) : dec_pos(w);
}

/* ---- record headers ------------------------------------------------------ */

typedef struct rec {
    long long offset; /* as reported: gzip member or decoded offset */
    char type[32];
    char *target; /* WARC-Target-URI, malloc'd */
    char date[11];
    char ctype[256];
    long long length;
} rec;

/* Case-insensitive "Name:" prefix; returns the trimmed value or NULL. */
static char *header_value(char *line, const char *name)
{
    size_t n = strlen(name);
    if (strncasecmp(line, name, n) != 0 || line[n] != ':')
        return NULL;
    char *v = line + n + 1;
    while (*v == ' ' || *v == '\t')
        v++;
    size_t l = strlen(v);
    while (l > 0 && (v[l - 1] == ' ' || v[l - 1] == '\t'))
        v[--l] = '\0';
    return v;
}

static void copy_field(char *dst, size_t cap, const char *src)
{
    size_t l = strlen(src);
    if (l >= cap)
        l = cap - 1;
    memcpy(dst, src, l);
    dst[l] = '\0';
}

/* Offset reported for a record starting at decoded offset dec: the gzip
 * member's offset in the file when the record starts one (the usual
 * per-record gzip, as CDX indexes give), else the decoded offset. */
static long long record_offset(const chr_warc *w, long long dec)
{
    if (w->gz)
        for (unsigned i = 0; i < MEMBER_RING && i < w->nmembers; i++)
            if (w->members[i].dec == dec)
                return w->members[i].comp;
    return dec;
}

/* ---- HTTP payload ------------------------------------------------------- */

typedef struct http {
    int status;
    char ctype[256];
    int chunked;
    char encoding[32];
} http;

/* Parse the HTTP response head at b[0..n); returns the body offset, or -1
 * when b does not start with a status line. */
static long parse_http(const unsigned char *b, size_t n, http *h)
{
    memset(h, 0, sizeof *h);
    if (n < 12 || memcmp(b, "HTTP/", 5) != 0)
        return -1;
    const unsigned char *sp = memchr(b, ' ', n < 64 ? n : 64);
    if (!sp)
        return -1;
    h->status = atoi((const char *)sp + 1);
    size_t i = 0;
    int first = 1;
    while (i < n) {
        const unsigned char *nl = memchr(b + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - b) : n;
        size_t le = e;
        if (le > i && b[le - 1] == '\r')
            le--;
        if (!first && le == i)
            return (long)(nl ? e + 1 : n);
        if (!first) {
            char line[512];
            size_t l = le - i < sizeof line - 1 ? le - i : sizeof line - 1;
            memcpy(line, b + i, l);
            line[l] = '\0';
            char *v;
            if ((v = header_value(line, "Content-Type")))
                copy_field(h->ctype, sizeof h->ctype, v);
            else if ((v = header_value(line, "Transfer-Encoding")))
                h->chunked = strstr(v, "chunked") != NULL || strstr(v, "Chunked") != NULL;
            else if ((v = header_value(line, "Content-Encoding")))
                copy_field(h->encoding, sizeof h->encoding, v);
        }
        first = 0;
        if (!nl)
            break;
        i = e + 1;
    }
    return (long)n; /* headers without a blank line: no body */
}

/* Undo chunked transfer coding in place. Returns the new length, or -1 when
 * the body is not valid chunked data (then it is used as is). */
static long dechunk(unsigned char *b, size_t n)
{
    size_t r = 0, w = 0;
    for (;;) {
        size_t e = r;
        while (e < n && b[e] != '\n')
            e++;
        if (e >= n)
            return r >= n && w > 0 ? (long)w : -1;
        /* chunk size in hex, optional ";ext" */
        size_t size = 0, k = r, digits = 0;
        while (k < e && isxdigit(b[k])) {
            int c = b[k];
            size = size * 16 + (size_t)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
            if (size > n)
                return -1;
            k++;
            digits++;
        }
        while (k < e && (b[k] == ' ' || b[k] == '\t'))
            k++;
        if (digits == 0 || (k < e && b[k] != ';' && b[k] != '\r'))
            return -1;
        r = e + 1;
        if (size == 0)
            return (long)w;
        if (r + size > n)
            return -1;
        memmove(b + w, b + r, size);
        w += size;
        r += size;
        if (r < n && b[r] == '\r')
            r++;
        if (r < n && b[r] == '\n')
            r++;
        if (r >= n)
            return (long)w; /* missing terminating chunk: keep what we have */
    }
}

/* gzip/zlib/raw-deflate content decoding into a new buffer. */
static unsigned char *inflate_body(const unsigned char *b, size_t n, size_t *out_n, int raw)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, raw ? -15 : 15 + 32) != Z_OK)
        return NULL;
    size_t cap = n * 4 + 4096, len = 0;
    unsigned char *o = malloc(cap);
    if (!o) {
        inflateEnd(&zs);
        return NULL;
    }
    zs.next_in = (unsigned char *)b;
    zs.avail_in = (uInt)n;
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (cap - len < 4096) {
            if (cap >= MAX_PAYLOAD)
                break;
            unsigned char *no = realloc(o, cap * 2);
            if (!no)
                break;
            o = no;
            cap *= 2;
        }
        zs.next_out = o + len;
        zs.avail_out = (uInt)(cap - len);
        rc = inflate(&zs, Z_NO_FLUSH);
        len = cap - zs.avail_out;
        if (rc == Z_BUF_ERROR && zs.avail_in == 0)
            break; /* truncated: keep what came out */
    }
    inflateEnd(&zs);
    if (len == 0 || (rc != Z_STREAM_END && rc != Z_OK && rc != Z_BUF_ERROR)) {
        free(o);
        return NULL;
    }
    *out_n = len;
    return o;
}

/* Case-insensitive strstr (strcasestr is a GNU extension). */
static const char *ci_find(const char *h, const char *needle)
{
    size_t m = strlen(needle);
    for (; *h; h++)
        if (strncasecmp(h, needle, m) == 0)
            return h;
    return NULL;
}

static int is_html_type(const char *ct)
{
    return strncasecmp(ct, "text/html", 9) == 0 || strncasecmp(ct, "application/xhtml", 17) == 0;
}

static char *make_source(const char *name, long long off)
{
    size_t n = strlen(name) + 24;
    char *s = malloc(n);
    if (!s)
        return NULL;
    char num[24];
    int k = 0;
    unsigned long long v = (unsigned long long)(off < 0 ? 0 : off);
    do {
        num[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    size_t l = strlen(name);
    memcpy(s, name, l);
    s[l++] = '@';
    while (k)
        s[l++] = num[--k];
    s[l] = '\0';
    return s;
}

/* The page inside one kept record block: HTTP envelope removed and decoded.
 * Returns CHR_OK with *page set (pointing into blk or a new buffer *owned),
 * CHR_ENOTFOUND when the record holds no HTML page (skipped), or an error. */
static chr_err payload(chr_warc *w, const rec *r, unsigned char *blk, size_t n,
                       unsigned char **page, size_t *page_n, unsigned char **owned, char *charset,
                       size_t cs_cap, chr_diag *d)
{
    *owned = NULL;
    charset[0] = '\0';
    const char *ctype = r->ctype;
    size_t body = 0;
    http h;
    int is_resp = strcmp(r->type, "response") == 0;
    long hb = is_resp ? parse_http(blk, n, &h) : -1;
    if (is_resp && hb < 0 && strncasecmp(r->ctype, "application/http", 16) == 0)
        return chr_diag_set(d, CHR_EPARSE, w->name, 0, r->offset,
                            "response record without an HTTP status line");
    if (hb >= 0) {
        if (h.status < 200 || h.status > 299)
            return CHR_ENOTFOUND;
        ctype = h.ctype;
        body = (size_t)hb;
    }
    if (ctype[0] && !is_html_type(ctype))
        return CHR_ENOTFOUND;
    unsigned char *p = blk + body;
    size_t pn = n - body;
    if (hb >= 0 && h.chunked) {
        long k = dechunk(p, pn);
        if (k >= 0)
            pn = (size_t)k;
    }
    if (hb >= 0 && h.encoding[0] && strcasecmp(h.encoding, "identity") != 0) {
        int gz = ci_find(h.encoding, "gzip") != NULL;
        int defl = ci_find(h.encoding, "deflate") != NULL;
        if (!gz && !defl)
            return chr_diag_set(d, CHR_EUNSUPPORTED, w->name, 0, r->offset,
                                "content encoding '%s' not supported", h.encoding);
        size_t on = 0;
        unsigned char *o = inflate_body(p, pn, &on, 0);
        if (!o && defl)
            o = inflate_body(p, pn, &on, 1);
        if (!o) {
            /* Many crawlers store the decoded body but keep the header. */
            if (pn >= 2 && p[0] == 0x1f && p[1] == 0x8b)
                return chr_diag_set(d, CHR_EPARSE, w->name, 0, r->offset, "bad %s content encoding",
                                    h.encoding);
        } else {
            *owned = o;
            p = o;
            pn = on;
        }
    }
    if (!ctype[0] && !chr_html_sniff(p, pn)) {
        free(*owned);
        *owned = NULL;
        return CHR_ENOTFOUND;
    }
    if (ctype[0])
        copy_field(charset, cs_cap, ctype);
    *page = p;
    *page_n = pn;
    return CHR_OK;
}

/* After a record block the stream goes on with CR LF CR LF and the next
 * "WARC/" line, or ends. When it does not, the Content-Length was wrong (a
 * truncated record runs into the next one, or stops short of its end):
 * move to the nearest "WARC/1." line start, back within the block's bytes
 * still in the window or a little ahead. Returns 1 when the record was bad. */
static int check_trailer(chr_warc *w, size_t block_len)
{
    int r = need(w, 16);
    if (r < 0)
        return 0; /* damage is reported by the next read */
    size_t avail = w->end - w->beg, i = 0;
    while (i < avail && (w->buf[w->beg + i] == '\r' || w->buf[w->beg + i] == '\n'))
        i++;
    if (i == avail && r == 0)
        return 0; /* end of input */
    if (avail - i >= 5 && memcmp(w->buf + w->beg + i, "WARC/", 5) == 0)
        return 0;
    size_t lo = w->beg > block_len ? w->beg - block_len : 0;
    for (size_t k = w->beg; k > lo + 7; k--) {
        size_t p = k - 7;
        if (memcmp(w->buf + p, "WARC/1.", 7) == 0 && p > 0 && w->buf[p - 1] == '\n') {
            w->beg = p;
            return 1;
        }
    }
    need(w, 4096);
    avail = w->end - w->beg;
    for (size_t k = 1; k + 7 <= avail; k++)
        if (w->buf[w->beg + k - 1] == '\n' && memcmp(w->buf + w->beg + k, "WARC/1.", 7) == 0) {
            w->beg += k;
            return 1;
        }
    return 1;
}

/* ---- public: next ---------------------------------------------------------- */

static void recover(chr_warc *w);

/* The error for a failed read (r from need/read_line/skip). Damage is
 * reported once, at the damaged member, and reading resumes after it. */
static chr_err stream_error(chr_warc *w, int r, long long off, chr_diag *d, const char *what)
{
    if (r == -2)
        return chr_diag_set(d, CHR_ENOMEM, w->name, 0, off, "out of memory");
    if (r == -3)
        return chr_diag_set(d, CHR_EPARSE, w->name, 0, off, "header line too long");
    if (r == -1) {
        long long at = w->damage_off;
        recover(w);
        return chr_diag_set(d, CHR_EPARSE, w->name, 0, at, "damaged or truncated gzip data%s%s",
                            what ? " in " : "", what ? what : "");
    }
    return chr_diag_set(d, CHR_EPARSE, w->name, 0, off, "%s", what ? what : "truncated record");
}

/* After damage, find the next record: the next gzip member for gzip input,
 * the next "WARC/1." line for plain input. */
static void recover(chr_warc *w)
{
    if (w->damaged) {
        w->damaged = 0;
        w->beg = w->end; /* drop what the damaged member gave */
        if (resync_gzip(w) < 0)
            w->eof = 1;
    }
}

/* Scan decoded lines to the next one starting "WARC/"; leaves it unread. */
static void seek_record_line(chr_warc *w)
{
    for (;;) {
        /* Peek at the start of the next line. */
        if (need(w, 5) <= 0)
            return;
        if (memcmp(w->buf + w->beg, "WARC/", 5) == 0)
            return;
        char *line;
        size_t len;
        int r = read_line(w, &line, &len);
        if (r == -3) {
            w->beg = w->end; /* give up on this overlong line */
            continue;
        }
        if (r <= 0)
            return;
    }
}

chr_err chr_warc_next(chr_warc *w, chr_article **out, chr_diag *d)
{
    *out = NULL;
    for (;;) {
        if (w->damaged) /* found while looking past the last record */
            return stream_error(w, -1, w->damage_off, d, NULL);
        if (w->done)
            return CHR_OK;
        /* Blank lines between records are tolerated. */
        int r;
        for (;;) {
            r = need(w, 1);
            if (r <= 0)
                break;
            if (w->buf[w->beg] == '\r' || w->buf[w->beg] == '\n')
                w->beg++;
            else
                break;
        }
        if (r == 0) {
            w->done = 1;
            return CHR_OK;
        }
        long long dec = dec_pos(w);
        long long off = record_offset(w, dec);
        if (r < 0)
            return stream_error(w, r, off, d, NULL);
        char *line;
        size_t len;
        r = read_line(w, &line, &len);
        if (r <= 0)
            return r == 0 ? CHR_OK : stream_error(w, r, off, d, "record header");
        if (strncmp(line, "WARC/", 5) != 0) {
            seek_record_line(w);
            return chr_diag_set(d, CHR_EPARSE, w->name, 0, off,
                                "not a WARC record (expected a \"WARC/1.x\" line)");
        }
        rec rc;
        memset(&rc, 0, sizeof rc);
        rc.offset = off;
        rc.length = -1;
        size_t header_bytes = 0;
        chr_err bad = CHR_OK;
        for (;;) {
            r = read_line(w, &line, &len);
            if (r <= 0) {
                free(rc.target);
                if (r == 0)
                    return chr_diag_set(d, CHR_EPARSE, w->name, 0, off,
                                        "truncated record: headers end early");
                return stream_error(w, r, off, d, "record header");
            }
            header_bytes += len;
            if (len == 0)
                break;
            if (header_bytes > MAX_HEADERS) {
                bad = chr_diag_set(d, CHR_EPARSE, w->name, 0, off, "record headers too long");
                break;
            }
            char *v;
            if ((v = header_value(line, "WARC-Type")))
                copy_field(rc.type, sizeof rc.type, v);
            else if ((v = header_value(line, "Content-Length"))) {
                char *e;
                errno = 0;
                long long n = strtoll(v, &e, 10);
                rc.length = (e == v || *e || n < 0 || errno) ? -2 : n;
            } else if ((v = header_value(line, "Content-Type")))
                copy_field(rc.ctype, sizeof rc.ctype, v);
            else if ((v = header_value(line, "WARC-Target-URI"))) {
                /* WARC 1.0 examples wrap the URI in <>. */
                size_t l = strlen(v);
                if (l >= 2 && v[0] == '<' && v[l - 1] == '>') {
                    v++;
                    l -= 2;
                }
                free(rc.target);
                rc.target = strndup(v, l);
            } else if ((v = header_value(line, "WARC-Date"))) {
                if (!chr_html_parse_date(v, rc.date))
                    rc.date[0] = '\0';
            }
        }
        if (bad || rc.length < 0) {
            free(rc.target);
            seek_record_line(w);
            if (bad)
                return bad;
            return chr_diag_set(d, CHR_EPARSE, w->name, 0, off, "%s Content-Length",
                                rc.length == -1 ? "missing" : "invalid");
        }
        /* request, warcinfo, metadata, revisit... never hold a page: passed
         * over without a count; a response or resource without an article
         * in it is counted (chr_warc_skipped) */
        int page_rec = strcmp(rc.type, "response") == 0 || strcmp(rc.type, "resource") == 0;
        int want = page_rec;
        if (want && rc.ctype[0] && strcmp(rc.type, "resource") == 0 && !is_html_type(rc.ctype))
            want = 0;
        if (want && (unsigned long long)rc.length > MAX_KEEP) {
            int err;
            size_t got = skip(w, (size_t)rc.length, &err);
            free(rc.target);
            if (got < (size_t)rc.length)
                return stream_error(w, err, off, d, "truncated record");
            return chr_diag_set(d, CHR_ETOOBIG, w->name, 0, off,
                                "record of %lld bytes exceeds the %llu MB limit", rc.length,
                                MAX_KEEP >> 20);
        }
        if (!want) {
            int err;
            size_t got = skip(w, (size_t)rc.length, &err);
            free(rc.target);
            if (got < (size_t)rc.length) {
                w->done = err == 0;
                return err ? stream_error(w, err, off, d, "truncated record")
                           : chr_diag_set(d, CHR_EPARSE, w->name, 0, off,
                                          "truncated record: %zu of %lld bytes", got, rc.length);
            }
            if (check_trailer(w, (size_t)rc.length))
                return chr_diag_set(d, CHR_EPARSE, w->name, 0, off,
                                    "bytes after the record block: wrong Content-Length %lld?",
                                    rc.length);
            w->skipped += page_rec;
            continue;
        }
        /* Keep the block: it is in the window once `need` returns. */
        size_t n = (size_t)rc.length;
        r = need(w, n);
        if (r <= 0) {
            size_t got = w->end - w->beg;
            free(rc.target);
            if (r == 0) {
                /* the input ended inside the block: a Content-Length too
                 * large runs over the records after it, which are read on */
                const unsigned char *b = w->buf + w->beg;
                for (size_t i = 0; i + 8 <= got; i++)
                    if (b[i] == '\n' && memcmp(b + i + 1, "WARC/1.", 7) == 0) {
                        w->beg += i + 1;
                        return chr_diag_set(d, CHR_EPARSE, w->name, 0, off,
                                            "the record block runs into the next record: "
                                            "wrong Content-Length %lld?",
                                            rc.length);
                    }
                w->beg = w->end;
                w->done = 1;
                return chr_diag_set(d, CHR_EPARSE, w->name, 0, off,
                                    "truncated record: %zu of %zu bytes", got, n);
            }
            w->beg = w->end;
            return stream_error(w, r, off, d, "truncated record");
        }
        /* Copy out: the trailer check may read on and move the window. */
        unsigned char *blk = malloc(n + 1);
        if (!blk) {
            free(rc.target);
            return chr_diag_set(d, CHR_ENOMEM, w->name, 0, off, "out of memory");
        }
        memcpy(blk, w->buf + w->beg, n);
        w->beg += n;
        if (check_trailer(w, n)) {
            free(blk);
            free(rc.target);
            return chr_diag_set(d, CHR_EPARSE, w->name, 0, off,
                                "bytes after the record block: wrong Content-Length %lld?",
                                rc.length);
        }
        unsigned char *page = NULL, *owned = NULL;
        size_t page_n = 0;
        char charset[256];
        chr_err e = payload(w, &rc, blk, n, &page, &page_n, &owned, charset, sizeof charset, d);
        if (e) {
            free(blk);
            blk = NULL;
        }
        if (e == CHR_ENOTFOUND) {
            free(rc.target);
            w->skipped++;
            continue;
        }
        if (e) {
            free(rc.target);
            return e;
        }
        chr_article *a = NULL;
        e = chr_html_extract((const char *)page, page_n, charset[0] ? charset : NULL, rc.target, &a,
                             d);
        free(owned);
        free(blk);
        if (e == CHR_EEMPTY) {
            free(rc.target);
            w->skipped++;
            continue;
        }
        if (e) {
            free(rc.target);
            if (d) {
                copy_field(d->file, sizeof d->file, w->name);
                d->offset = off;
            }
            return e;
        }
        a->source = make_source(w->name, off);
        if (!a->url && rc.target)
            a->url = rc.target, rc.target = NULL;
        free(rc.target);
        if (!a->pub_date && rc.date[0]) {
            a->pub_date = strdup(rc.date);
            a->pub_date_source = a->pub_date ? CHR_DATE_METADATA : CHR_DATE_NONE;
        }
        if (!a->source) {
            chr_article_free(a);
            return chr_diag_set(d, CHR_ENOMEM, w->name, 0, off, "out of memory");
        }
        a->format = CHR_FMT_HTML;
        *out = a;
        return CHR_OK;
    }
}
