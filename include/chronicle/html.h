/* chronicle — html: one HTML page to one article (main text and metadata).
 * Owns: charset detection and transcoding of a page, the HTML parse (libxml2),
 * main-text extraction and metadata (headline, date, author, outlet, URL,
 * language). Does not read files or WARC records; see warc.h and ingest.h. */
#ifndef CHRONICLE_HTML_H
#define CHRONICLE_HTML_H

#include <stddef.h>

#include "chronicle/error.h"
#include "chronicle/ingest.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The charset a hint names, as chr_html_extract reads it: a label
 * ("latin1", "x-cp1252", "utf8") or a Content-Type value ("text/html;
 * charset=iso-8859-1"); its canonical iconv name (static), or NULL when the
 * hint names none the extractor knows (it then detects the page's own). */
const char *chr_html_charset_hint(const char *hint);

/* Extract the article from one HTML page of len bytes (need not be
 * NUL-terminated). charset_hint (from HTTP headers) and url_hint (e.g.
 * WARC-Target-URI) may be NULL.
 * On CHR_OK *out is a new article (caller frees with chr_article_free):
 * title, text (paragraphs separated by "\n\n"), pub_date (YYYY-MM-DD with
 * pub_date_source = CHR_DATE_METADATA, or NULL), author, outlet (site name),
 * url (canonical, else url_hint), lang (ISO 639-1 from markup), format =
 * CHR_FMT_HTML, charset + CHR_ART_TRANSCODED when converted to UTF-8,
 * CHR_ART_UTF8_REPAIRED when invalid bytes were replaced. source is left
 * NULL for the caller. Returns CHR_EEMPTY (with *out NULL) when the page has
 * no article text, CHR_ENOMEM on allocation failure. d may be NULL. */
chr_err chr_html_extract(const char *html, size_t len, const char *charset_hint,
                         const char *url_hint, chr_article **out, chr_diag *d);

/* Does this buffer (the first bytes of an input) look like an HTML page?
 * Skips a BOM and leading space/comments; true for <!DOCTYPE html, <html,
 * <head, <body, <meta, <title ... */
int chr_html_sniff(const unsigned char *buf, size_t len);

#ifdef __cplusplus
}
#endif
#endif
