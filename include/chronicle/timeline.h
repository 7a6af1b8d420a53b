/* chronicle — timeline: the dated events a story's articles report, and an
 * extractive summary of the story.
 * Owns: event mentions (dated sentences, and undated lead sentences placed at
 * the publication date), their grouping into entries across articles, the
 * incremental per-story state (tl_* tables), ranking, and chr_summary. Reads
 * articles, sentences and timexes from the store and story membership from
 * the cluster tables when they exist; never writes other modules' tables. */
#ifndef CHRONICLE_TIMELINE_H
#define CHRONICLE_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "chronicle/error.h"
#include "chronicle/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How precise an entry's date is. */
typedef enum chr_gran {
    CHR_GRAN_DAY = 0,
    CHR_GRAN_WEEK,
    CHR_GRAN_MONTH,
    CHR_GRAN_SEASON,
    CHR_GRAN_QUARTER,
    CHR_GRAN_HALF,
    CHR_GRAN_YEAR
} chr_gran;

/* "day", "week", "month", "season", "quarter", "half", "year"; static. */
const char *chr_gran_name(chr_gran g);

/* One sentence that reports an entry's event. */
typedef struct chr_tl_source {
    int64_t article_id;
    const char *article;    /* JSON Lines id when the input gave one, else the source path */
    const char *outlet;     /* outlet name, or NULL */
    const char *pub_date;   /* "YYYY-MM-DD" or NULL */
    const char *sentence;   /* the sentence, verbatim (whitespace runs folded) */
    const char *expression; /* the date expression that dated it; "" when the sentence was
                               placed at the publication date */
    int64_t duplicate_of;   /* canonical article when a near-duplicate, else 0 */
    int sentence_no;        /* the sentence's place in its article's clean text, from 0 */
} chr_tl_source;

/* One timeline entry. */
typedef struct chr_tl_entry {
    char date[16];  /* ISO: "2024-05-16", "2024-W20", "2024-05", "2024"; a season,
                       quarter or half as its first month: "2024-04" */
    char end[16];   /* last day/month of a range, "" when none */
    char label[24]; /* date as people read it: date, but "2024-Q2", "2024-H1",
                       "spring 2024", "winter 2024/25" */
    chr_gran gran;
    const char *text;     /* the most representative source sentence */
    int support;          /* independent articles (near-duplicates count once) */
    double score;         /* importance used by --top */
    double day_score;     /* when days are ranked (opts.dates, or opts.top of the whole
                             database): the importance of its day, by which the days
                             were kept; else 0 */
    const char *conflict; /* NULL, or which sources give which other date */
    chr_tl_source *sources;
    size_t n_sources;
    const char **sentences; /* up to opts.sentences sentences, text first; NULL when 0 */
    size_t n_sentences;
} chr_tl_entry;

/* A built timeline: entries ordered by date. Owns every string in it. */
typedef struct chr_timeline {
    int64_t story_id; /* 0 for the whole database */
    chr_tl_entry *entries;
    size_t n;
    size_t n_articles; /* articles of the story */
    size_t n_all;      /* entries before --top or --dates kept n of them */
    void *priv;
} chr_timeline;

typedef struct chr_tl_opts {
    int top;         /* keep the N most important entries, one per date (0 = all);
                        for the whole database (story_id 0) the N days dates
                        would keep, one entry each with all K sentences */
    int sentences;   /* sentences per entry in chr_tl_entry.sentences (0 = none) */
    int dates;       /* keep the N most important days, day entries only (0 = off);
                        with sentences = K each kept day gets K sentences in all */
    int min_support; /* drop entries with less support (0 or 1 = keep all) */
    int same_date;   /* with top on a story: keep several entries of one date (the
                        API's story page lists every event), not one per date */
} chr_tl_opts;

/* Build the timeline of story story_id, or of the whole database as one
 * story when story_id is 0. Uses the persisted state when it covers every
 * article of the story, else rebuilds it in memory (the store is not
 * written). opts may be NULL. CHR_ENOTFOUND when the story does not exist.
 * *out is freed with chr_timeline_free. */
chr_err chr_timeline_build(chr_store *st, int64_t story_id, const chr_tl_opts *opts,
                           chr_timeline **out, chr_diag *d);
void chr_timeline_free(chr_timeline *tl);

/* Stories that have articles, most articles first (ties: lowest id):
 * *ids malloc'd (caller frees), *n may be 0. When the store has no story
 * assignments (clustering not run), returns CHR_ENOTFOUND. */
chr_err chr_timeline_stories(chr_store *st, int64_t **ids, size_t *n);

/* Write tl as the JSON array of entries the CLI prints. */
struct chr_json;
void chr_timeline_write_json(const chr_timeline *tl, struct chr_json *j);

/* ---- incremental maintenance (called by the pipeline) ---- */

typedef struct chr_tl_updater chr_tl_updater;

/* Open the updater on a store (which must outlive it). The updaters open on
 * one store share an in-memory copy of the entries they read and write; it
 * follows other connections' commits by itself. After a rollback, or after
 * other code changed tl_* rows on the same connection, call
 * chr_tl_updater_discard. */
chr_err chr_tl_updater_open(chr_store *st, chr_tl_updater **out, chr_diag *d);

/* Add stored article article_id to the timeline of story story_id (the
 * cluster step's result; 0 = look it up in story_article, and do nothing
 * when the article has no story). Touches only that story's entries. Call
 * inside the caller's transaction, after the article, its timexes and its
 * story assignment are stored. Adding an article twice does nothing. */
chr_err chr_tl_updater_add(chr_tl_updater *u, int64_t article_id, int64_t story_id, chr_diag *d);

/* The story step moved stored articles between stories[0..n) (a split):
 * regroup each story's persisted timeline from its current articles'
 * already extracted mentions, so that it covers exactly them (no article
 * text is read again). Call inside the caller's transaction, before adding
 * the article whose arrival caused the move. */
chr_err chr_tl_updater_regroup(chr_tl_updater *u, const int64_t *stories, size_t n, chr_diag *d);

/* Rebuild every persisted story timeline from the story assignments (after
 * the stories were rebuilt, e.g. `ingest --recluster`), in one transaction
 * of the caller's. *n_articles (may be NULL) receives the articles added. */
chr_err chr_timeline_rebuild(chr_store *st, long *n_articles, chr_diag *d);

/* Drop cached statements and entries (those of every updater on the store)
 * after the caller rolled back a transaction the updater wrote in; the state
 * is in SQL. */
void chr_tl_updater_discard(chr_tl_updater *u);
void chr_tl_updater_close(chr_tl_updater *u);

/* ---- summary ---- */

typedef struct chr_summary_sentence {
    int64_t article_id;
    const char *article; /* as chr_tl_source.article */
    const char *text;    /* verbatim; the last one may be cut to fit the word budget and
                            then ends with "..." */
} chr_summary_sentence;

typedef struct chr_summary {
    /* a short headline: the story's title as chr_story_get gives it, else
     * a source title or a sentence's main clause (docs/timeline.md); given
     * whatever the budget, "" only for a story without sentences */
    const char *headline;
    chr_summary_sentence *sentences; /* in reading order: an article lead first,
                                        then by publication date */
    size_t n;
    int words; /* words in the summary */
    void *priv;
} chr_summary;

typedef struct chr_summary_opts {
    int words;    /* word budget (default 100) */
    int truncate; /* 1: fill the budget, cutting the last sentence (as ROUGE -l does);
                     0: whole sentences only (default) */
} chr_summary_opts;

/* Extractive summary of story story_id (0 = whole database). opts may be
 * NULL. *out is freed with chr_summary_free. */
chr_err chr_summary_build(chr_store *st, int64_t story_id, const chr_summary_opts *opts,
                          chr_summary **out, chr_diag *d);
void chr_summary_free(chr_summary *s);

/* JSON {headline, summary, sentences [{article, text}]}. */
void chr_summary_write_json(const chr_summary *s, struct chr_json *j);

#ifdef __cplusplus
}
#endif
#endif
