/* chronicle — error codes and diagnostics shared by every module.
 * Owns: the one error enum (chr_err), chr_strerror(), and chr_diag, the
 * context (file, line, byte offset, reason) an error carries up to the CLI. */
#ifndef CHRONICLE_ERROR_H
#define CHRONICLE_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum chr_err {
    CHR_OK = 0,
    CHR_ENOMEM,       /* out of memory */
    CHR_EIO,          /* cannot open, read or write a file */
    CHR_EPARSE,       /* malformed input (bad JSON, bad WARC record, ...) */
    CHR_EEMPTY,       /* input has no usable text */
    CHR_EBINARY,      /* input looks like binary data, not text */
    CHR_EENCODING,    /* text encoding could not be repaired */
    CHR_ETOOBIG,      /* input exceeds a configured limit */
    CHR_EDB,          /* SQLite error */
    CHR_EINVAL,       /* invalid argument */
    CHR_ENOTFOUND,    /* no such article, story, entity, ... */
    CHR_EDUP,         /* already stored (not an error for ingest; reported) */
    CHR_EUNSUPPORTED, /* format or feature not supported */
    CHR_EINTR,        /* stopped on request (a signal) before the end */
    CHR_EBUSY,        /* another process holds the database's writer lock */
    CHR_ERR_COUNT
} chr_err;

/* Static string describing the error; never NULL, never to be freed. */
const char *chr_strerror(chr_err err);

/* Where and why something failed. Filled by the functions that take one;
 * a caller may pass NULL when it does not want the detail. */
typedef struct chr_diag {
    chr_err code;
    char file[512];   /* path as given, "-" for stdin, "" if none */
    long line;        /* 1-based line, 0 if not applicable */
    long long offset; /* byte offset, -1 if not applicable */
    char msg[512];    /* human-readable reason, one line */
} chr_diag;

/* Reset a diag to "no error". */
void chr_diag_clear(chr_diag *d);

/* Fill d (if non-NULL) and return code. msg is printf-style. */
chr_err chr_diag_set(chr_diag *d, chr_err code, const char *file, long line, long long offset,
                     const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Format "file:line: reason" (or "file@offset: reason", or "file: reason")
 * into buf. Returns buf. */
const char *chr_diag_format(const chr_diag *d, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
