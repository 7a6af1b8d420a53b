/* chronicle — ingest: reading raw articles from files, folders and stdin.
 * Owns: chr_article (one raw article as read, before cleaning), format
 * detection by content, and the streaming reader over one input. Does not
 * clean, split or store anything; see clean.h, text.h, store.h. */
#ifndef CHRONICLE_INGEST_H
#define CHRONICLE_INGEST_H

#include <signal.h>
#include <stddef.h>

#include "chronicle/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum chr_format {
    CHR_FMT_UNKNOWN = 0,
    CHR_FMT_TEXT,  /* plain text, optional " date YYYY-MM-DD" header */
    CHR_FMT_JSONL, /* JSON Lines: id, url, title, date, text, ... */
    CHR_FMT_HTML,  /* one HTML page */
    CHR_FMT_WARC   /* WARC 1.0/1.1, plain or gzip */
} chr_format;

const char *chr_format_name(chr_format f);

/* Where an article's publication date came from. */
typedef enum chr_date_src {
    CHR_DATE_NONE = 0,
    CHR_DATE_HEADER,   /* " date YYYY-MM-DD" header of a text file */
    CHR_DATE_METADATA, /* JSON field, HTML meta tag, WARC-Date, a page's stamp, ... */
    CHR_DATE_INFERRED, /* inferred from the text by the time module */
    CHR_DATE_PATH      /* a text file's path: .../2023-11-03/x.txt, .../2023/11/03/x.txt,
                          .../2023-11-03-x.txt (no header) */
} chr_date_src;

/* Name used in JSON output: "header", "metadata", "inferred", "path" or NULL. */
const char *chr_date_src_name(chr_date_src s);

/* Flags on chr_article.flags. */
enum {
    CHR_ART_UTF8_REPAIRED = 1u << 0, /* invalid UTF-8 sequences were replaced */
    CHR_ART_TRANSCODED = 1u << 1,    /* converted from another charset */
};

/* One raw article. Every string is NUL-terminated valid UTF-8 or NULL, and
 * owned by the article: chr_article_free() releases it all. */
typedef struct chr_article {
    char *source;   /* "path", "path#LINE" for JSON Lines, "path@OFFSET" for WARC; one
                       text on stdin, "-" as read, is stored as "stdin-" + 12 hex digits of
                       its content hash (the pipeline names it) */
    char *ext_id;   /* id given by the input (JSON "id"), or NULL */
    char *url;      /* canonical or target URL, or NULL */
    char *title;    /* headline, or NULL */
    char *author;   /* byline, or NULL */
    char *outlet;   /* site or outlet name, or NULL */
    char *lang;     /* ISO 639-1 from metadata, or NULL */
    char *pub_date; /* ISO 8601 date (YYYY-MM-DD) or NULL */
    chr_date_src pub_date_source;
    char *text; /* body as read (header removed), valid UTF-8 */
    size_t text_len;
    char *extra; /* JSON object text of unknown input fields, or NULL */
    chr_format format;
    unsigned flags;
    char *charset; /* source charset if transcoded, or NULL */
} chr_article;

/* Allocate a zeroed article; NULL on OOM. */
chr_article *chr_article_new(void);
void chr_article_free(chr_article *a);

/* Put d at the place a was read from, as the reader's own diagnostics name
 * a record: file and line for a JSON Lines record ("path#LINE"), file and
 * byte offset for a WARC record ("path@OFFSET"), else the file. Sets d's
 * file, line and offset only; its code and reason are left as they are.
 * chr_diag_format then gives "path:LINE: reason" or "path@OFFSET: reason". */
void chr_article_locate(const chr_article *a, chr_diag *d);

/* Guess the format of a buffer (the first bytes of an input suffice; gzip
 * input is recognised only by magic and reported as CHR_FMT_WARC when the
 * decompressed prefix given starts with "WARC/"). name may be NULL; its
 * extension is used only when content is ambiguous. */
chr_format chr_detect_format(const unsigned char *buf, size_t len, const char *name);

/* Streaming reader over one input (file path, or "-" for stdin).
 * Records are produced one at a time; memory is bounded by the largest record
 * (a 100 MB single-line text file is one record). */
typedef struct chr_reader chr_reader;

/* Open path ("-" = stdin). On failure returns an error, fills d, *out NULL. */
chr_err chr_reader_open(const char *path, chr_reader **out, chr_diag *d);

/* chr_reader_open for a reader that can be stopped: once *stop (set by a
 * signal handler, say) is non-zero, waiting for a pipe ends, in the open
 * (returns CHR_EINTR) and in chr_reader_next (returns CHR_EINTR; a record
 * only partly received is dropped, never returned cut). stop may be NULL;
 * it must outlive the reader. Files are read to the end of the record. */
chr_err chr_reader_open_until(const char *path, const volatile sig_atomic_t *stop, chr_reader **out,
                              chr_diag *d);

/* Call the input name (in every article's source and every diagnostic) name
 * instead of its path, e.g. for a spooled upload; name is copied. Call before
 * the first chr_reader_next. Returns CHR_ENOMEM or CHR_OK. */
chr_err chr_reader_set_name(chr_reader *r, const char *name);

/* Next article. Returns CHR_OK and sets *out (caller frees with
 * chr_article_free) or *out = NULL at end of input. On a bad record returns
 * its error with d filled (file, line or offset, reason) and *out = NULL; the
 * caller may call again to continue with the next record. Warnings about a
 * good record (e.g. repaired UTF-8) are reported through chr_reader_warning. */
chr_err chr_reader_next(chr_reader *r, chr_article **out, chr_diag *d);

/* JSON Lines: the number of the line last read (its record's, or the
 * error's); 0 before the first and for other formats. */
long chr_reader_line(const chr_reader *r);

/* Move a JSON Lines reader that has read nothing yet past the first lines
 * lines without reading their records, as chr_reader_next would have left
 * it (line numbers and bytes read go on from there): to go on where
 * another reader of the same, unchanged file stopped. CHR_EINVAL, having
 * read nothing, for other formats and for UTF-16 input (its first article
 * carries a warning); a read error as chr_reader_next reports it. */
chr_err chr_reader_skip_lines(chr_reader *r, long lines, chr_diag *d);

/* Format detected for this input. */
chr_format chr_reader_format(const chr_reader *r);

/* Records skipped silently (WARC responses without an article: chr_warc_skipped), for reporting. */
long chr_reader_skipped(const chr_reader *r);

/* Bytes consumed so far (for progress). */
long long chr_reader_bytes(const chr_reader *r);

void chr_reader_close(chr_reader *r);

/* Make text valid UTF-8 in place semantics: returns a newly malloc'd copy of
 * buf with invalid sequences replaced by U+FFFD and NULs dropped; sets
 * *repaired when anything changed. Returns NULL on OOM. */
char *chr_utf8_repair(const char *buf, size_t len, size_t *out_len, int *repaired);

/* Warning about the article last returned by chr_reader_next (repaired
 * UTF-8, ignored field, ...; several joined by "; "), or NULL. Valid until
 * the next call. It does not say where: chr_article_locate does. */
const char *chr_reader_warning(const chr_reader *r);

/* Whether r reads a pipe as the data comes (plain JSON Lines on standard
 * input or a named pipe), rather than a file or a spooled copy. */
int chr_reader_streaming(const chr_reader *r);

/* Whether a streaming r would now wait for its pipe: no whole record is
 * buffered and nothing is there to read (0 for other readers). */
int chr_reader_idle(const chr_reader *r);

/* Heuristic: is buf UTF-16 text? With a byte order mark, when its first
 * 8 KiB decode as text (paired surrogates, few control characters); without
 * one, also when one byte of each pair is mostly NUL (the high byte of ASCII
 * letters) or, in a text in one other alphabet, NUL or that alphabet's block.
 * Returns "UTF-16LE" or "UTF-16BE" (*bom, if given, set when the mark is
 * there), else NULL. Such input is converted to UTF-8 by the reader. */
const char *chr_utf16_charset(const unsigned char *buf, size_t len, int *bom);

/* Heuristic: does buf look like binary (NULs in more than 1% of its first
 * 8 KiB, or many control bytes)? One stray NUL is a bad line of a text. */
int chr_looks_binary(const unsigned char *buf, size_t len);

#ifdef __cplusplus
}
#endif
#endif
