/* chronicle — warc: streaming reader of WARC 1.0/1.1 crawl files.
 * Owns: record framing (plain, one gzip member per record, whole-file gzip),
 * WARC and HTTP header parsing, chunked transfer and gzip/deflate content
 * decoding. Hands each HTML payload to chr_html_extract (html.h). Memory is
 * bounded by the largest HTML record it keeps, never by the file. */
#ifndef CHRONICLE_WARC_H
#define CHRONICLE_WARC_H

#include "chronicle/error.h"
#include "chronicle/ingest.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct chr_warc chr_warc;

/* Start reading a WARC stream from fd (a file, pipe or stdin). Takes
 * ownership of fd: it is closed by chr_warc_close, or here on failure.
 * name is used in diagnostics and article sources ("-" for stdin). */
chr_err chr_warc_open_fd(int fd, const char *name, chr_warc **out, chr_diag *d);

/* Next HTML article from response/resource records (HTTP status 2xx or no
 * HTTP envelope; chunked transfer and gzip/deflate content encodings
 * decoded). url falls back to WARC-Target-URI and pub_date to WARC-Date;
 * source is "name@OFFSET" (offset of the record in the file as stored).
 * CHR_OK with *out set (caller frees with chr_article_free), or CHR_OK with
 * *out NULL at end of input. A bad or truncated record returns its error with
 * d = (name, offset, reason) and *out NULL; the next call resumes after it.
 * A record whose page has no article text is counted as skipped. */
chr_err chr_warc_next(chr_warc *w, chr_article **out, chr_diag *d);

/* Response and resource records passed over: non-HTML, non-2xx, no article
 * text (records of other types never hold a page and are not counted). */
long chr_warc_skipped(const chr_warc *w);

/* Bytes of (compressed) input consumed so far. */
long long chr_warc_offset(const chr_warc *w);

/* Close the reader and its fd. NULL is allowed. */
void chr_warc_close(chr_warc *w);

#ifdef __cplusplus
}
#endif
#endif
