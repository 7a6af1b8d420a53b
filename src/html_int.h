/* chronicle — internal interface between the html*.c files.
 * html_charset.c: bytes of a page -> UTF-8; html_meta.c: title, date,
 * author, outlet, URL, language from the parsed tree; html_date.c: date
 * strings -> YYYY-MM-DD. Not part of the public API. */
#ifndef CHR_HTML_INT_H
#define CHR_HTML_INT_H

#include <stddef.h>

#include <libxml/HTMLparser.h>

/* Decode a page to UTF-8 following the HTML rules in order: BOM, hint (an
 * HTTP Content-Type value or a bare charset label), <meta> prescan of the
 * first bytes, else UTF-8 if valid, else windows-1252. NULs are dropped and
 * invalid sequences become U+FFFD. Returns the UTF-8 bytes (*out_len long,
 * not NUL-terminated): in itself (after a BOM) when it already is valid
 * UTF-8, else a new buffer also stored in *owned for the caller to free;
 * NULL on OOM. *charset is set to a static name of the source charset when
 * transcoded (else NULL); flags gain CHR_ART_TRANSCODED /
 * CHR_ART_UTF8_REPAIRED. */
const char *chr_html_to_utf8(const char *in, size_t len, const char *hint, size_t *out_len,
                             const char **charset, unsigned *flags, char **owned);

/* Canonical iconv name for a charset label ("latin1" -> "WINDOWS-1252",
 * "utf8" -> "UTF-8"), or NULL for an empty/unknown-looking label. */
const char *chr_html_charset_name(const char *label, size_t len);

/* Is buf[0..len) valid UTF-8 (no NULs)? */
int chr_html_utf8_valid(const unsigned char *buf, size_t len);

/* Parse a date in any common web form (ISO 8601, RFC 1123, "May 14, 2024",
 * "14 May 2024", "2024/05/14", epoch seconds or milliseconds) into out
 * ("YYYY-MM-DD", 11 bytes). Returns 1 on success. Years 1990..2099. */
int chr_html_parse_date(const char *s, char out[11]);
/* The same; numeric dates with slashes are read day first when day_first
 * (pages not in English), month first otherwise. */
int chr_html_parse_date_order(const char *s, int day_first, char out[11]);

/* The zone of an ISO 8601 date-time stamp: 1 UTC ("2019-11-20T01:50:59Z",
 * "+00:00"), 2 another offset ("2019-11-19T21:57:00-08:00"), 0 no time or
 * no zone. A UTC stamp's date is not the publisher's day near midnight. */
int chr_html_stamp_zone(const char *s);
/* The same, with the stamp's hour (0-23) in *hour when it has one. */
int chr_html_stamp_zone_hour(const char *s, int *hour);
/* The instant of a stamp with a zone, in minutes from 0000-03-01 UTC (for
 * comparing two stamps); LONG_MIN without a time or zone. */
long chr_html_stamp_minutes(const char *s);
/* 1 when "YYYY-MM-DD" a is the day after b, -1 the day before, else 0. */
int chr_html_days_adjacent(const char *a, const char *b);

/* Find a /2024/05/14/, /2024-05-14, /20240514/ or /2024/05/ (no day: not a
 * date) pattern in a URL path. Returns 1 and fills out on success. */
int chr_html_url_date(const char *url, char out[11]);

/* Page metadata; every string malloc'd or NULL (chr_html_meta_free). */
typedef struct chr_html_meta {
    char *title;    /* best headline */
    char *h1;       /* first <h1> text, to drop from the body */
    char *pub_date; /* YYYY-MM-DD */
    char *author;
    char *outlet;
    char *url;  /* canonical, absolute */
    char *lang; /* ISO 639-1, lowercase */
} chr_html_meta;

/* Collect metadata from a parsed page. url_hint (may be NULL) resolves a
 * relative canonical URL and is the URL of last resort. Returns 0, or -1 on
 * OOM (m then holds what was found so far). */
int chr_html_meta_collect(xmlDocPtr doc, const char *url_hint, chr_html_meta *m);
void chr_html_meta_free(chr_html_meta *m);

/* Attribute value of an element without allocating (NULL if absent). */
const char *chr_html_attr(const xmlNode *n, const char *name);

#endif
