/* chronicle — pipeline: runs the stages in order for each input and stores
 * the results. Owns: walking files and folders, the transactions (one per
 * 1,000 records or second of an input, the story step's statistics with them),
 * the order article → document → annotations (dates, entities) → story, and
 * reporting of per-article problems. The stages themselves live in their
 * modules; the pipeline only connects them. */
#ifndef CHRONICLE_PIPELINE_H
#define CHRONICLE_PIPELINE_H

#include <signal.h>

#include "chronicle/clean.h"
#include "chronicle/entity.h"
#include "chronicle/store.h"
#include "chronicle/time.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct chr_pipeline chr_pipeline;

typedef struct chr_ingest_stats {
    long files;      /* inputs opened */
    long articles;   /* articles read */
    long stored;     /* new articles stored */
    long duplicates; /* exact duplicates (same content hash) skipped */
    long copies;     /* ... of them from another input, kept as copies (chr_store_add_copy) */
    long errors;     /* problems reported (bad files, bad records) */
    long warnings;   /* repaired input, ignored fields */
    long skipped;    /* WARC response/resource records without an article (chr_warc_skipped) */
    long long bytes; /* input bytes read */
} chr_ingest_stats;

/* Called for every problem: warning = 0 for an error that cost an article
 * or a file, 1 for a warning about a stored article. */
typedef void (*chr_report_fn)(void *ctx, const chr_diag *d, int warning);
/* Called after each article with the running totals and the total input
 * size planned (0 if unknown). */
typedef void (*chr_progress_fn)(void *ctx, const chr_ingest_stats *s, long long total_bytes);

/* Called for an article whose content is already stored, with the stored
 * article's id (a re-sent upload learns where its text is). */
typedef void (*chr_duplicate_fn)(void *ctx, const chr_article *a, int64_t stored_id);

/* The pipeline borrows st (which must outlive it) and holds its writer lock
 * (chr_store_lock_writer) until closed: CHR_EBUSY when another process
 * holds it. A caller that would rather wait takes the lock first. */
chr_err chr_pipeline_open(chr_store *st, chr_pipeline **out, chr_diag *d);
void chr_pipeline_close(chr_pipeline *p);
void chr_pipeline_on_report(chr_pipeline *p, chr_report_fn fn, void *ctx);
void chr_pipeline_on_progress(chr_pipeline *p, chr_progress_fn fn, void *ctx);
void chr_pipeline_on_duplicate(chr_pipeline *p, chr_duplicate_fn fn, void *ctx);
/* Total input size to report with progress (see chr_pipeline_input_size). */
void chr_pipeline_set_total(chr_pipeline *p, long long total);

/* Stop on request: once *stop is non-zero (a signal handler sets it; stop
 * must outlive p, NULL to clear), ingest stops between two articles, or
 * while a feed on a pipe is awaited, commits every article processed so far
 * (each whole, with its annotations and story) and returns CHR_EINTR. The
 * rest of the input is not read: ingesting it again stores only what was
 * not stored yet (articles are known by their content hash). */
void chr_pipeline_set_stop(chr_pipeline *p, const volatile sig_atomic_t *stop);

/* Ingest a file, a folder (recursively, in name order; hidden files and
 * .md/.tsv/.csv/.db files skipped) or "-" (stdin). Totals are added to *s.
 * Returns CHR_OK even when some inputs were bad (they are reported and
 * counted in s->errors); an error only when the database failed, or
 * CHR_EINTR when stopped (chr_pipeline_set_stop). A problem with one
 * article is reported where the reader would name it: "file:LINE" for a
 * JSON Lines record, "file@OFFSET" for a WARC record (the diag's line or
 * offset), else the file. */
chr_err chr_pipeline_ingest(chr_pipeline *p, const char *path, chr_ingest_stats *s);

/* Ingest one file as chr_pipeline_ingest does, but name it name (not its
 * path) in the stored sources and in reports: for inputs spooled to a
 * temporary file, such as an HTTP upload. */
chr_err chr_pipeline_ingest_as(chr_pipeline *p, const char *path, const char *name,
                               chr_ingest_stats *s);

/* Total size in bytes of the files under path (for progress), 0 for stdin. */
long long chr_pipeline_input_size(const char *path);

/* Date annotations of a text already split into sentences: runs the time
 * tagger per sentence and returns timexes with offsets into text, and for
 * each the index of its sentence (*sent_idx, malloc'd, may be NULL when
 * n is 0). Caller frees *out and *sent_idx. */
chr_err chr_annotate_dates(const char *text, size_t len, const chr_span *sents, size_t n_sents,
                           const chr_date *ref, const char *lang, chr_timex **out,
                           size_t **sent_idx, size_t *n);

/* Entity annotations of a text already split into sentences: runs the
 * tagger, drops names inside the text's date expressions tx[0..ntx) (from
 * chr_annotate_dates; may be NULL), and gives, for each mention, the index
 * of its sentence (*sent_idx, malloc'd, caller frees; *out freed with
 * chr_entities_free). */
chr_err chr_annotate_entities(const chr_ner *ner, const char *text, size_t len,
                              const chr_span *sents, size_t n_sents, const char *lang,
                              const chr_timex *tx, size_t ntx, chr_entities *out,
                              size_t **sent_idx);

#ifdef __cplusplus
}
#endif
#endif
