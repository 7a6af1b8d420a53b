/* chronicle — internal: what pipeline.c shares with pipeline_ahead.c, the
 * records a prescan read kept for the ingest that follows it. Not public. */
#ifndef CHR_PIPELINE_INT_H
#define CHR_PIPELINE_INT_H

#include <signal.h>
#include <stddef.h>
#include <sys/stat.h>

#include "chronicle/clean.h"
#include "chronicle/ingest.h"

/* What a prescan read of a path's files: each record as chr_reader_next gave
 * it (the article with the document chr_clean_text made of it, or the
 * error, the warning, the bytes read), in the order read, up to max_bytes of
 * articles and documents. The ingest of the same files takes them back
 * (chr_input), so that a record is read and cleaned once; past max_bytes
 * a file's records are read again. */
typedef struct chr_ahead chr_ahead;

/* A new, empty store of records; NULL when out of memory. */
chr_ahead *chr_ahead_new(size_t max_bytes);
/* Free c and everything it still keeps (c may be NULL). */
void chr_ahead_free(chr_ahead *c);

/* The prescan reads path (st: its stat) next. */
chr_err chr_ahead_begin(chr_ahead *c, const char *path, const struct stat *st);
/* The result of the prescan's last chr_reader_next(r, ...): e and d, or the
 * article a with its document doc (NULL when it did not clean). Takes a
 * and doc, kept or freed. CHR_ENOMEM, else CHR_OK. */
chr_err chr_ahead_put(chr_ahead *c, chr_reader *r, chr_err e, const chr_diag *d, chr_article *a,
                      chr_doc *doc);
/* The prescan is done with the file: r was read to its end (at_end), or
 * stopped where the ingest is to go on. Takes r (closed or kept). */
void chr_ahead_end(chr_ahead *c, chr_reader *r, int at_end);

/* One input for the ingest: the records c keeps for it, then a reader for
 * the rest (the prescan's, left where it stopped, or one opened anew and
 * moved past the kept records). Same calls as chr_reader's. */
typedef struct chr_input chr_input;

/* Open path (stop and name as for chr_reader_open_until and
 * chr_reader_set_name; name may be NULL). c may be NULL (nothing kept);
 * records are taken from it only when the file is still the one the
 * prescan read (device, inode, size and modification time). */
chr_err chr_input_open(chr_ahead *c, const char *path, const char *name,
                       const volatile sig_atomic_t *stop, chr_input **out, chr_diag *d);
/* chr_reader_next; *doc is the article's chr_clean_text document when it
 * was kept (caller frees), else NULL. */
chr_err chr_input_next(chr_input *in, chr_article **a, chr_doc **doc, chr_diag *d);
const char *chr_input_warning(const chr_input *in);
long long chr_input_bytes(const chr_input *in);
int chr_input_idle(const chr_input *in);
long chr_input_skipped(const chr_input *in);
void chr_input_close(chr_input *in);

#endif
