/* chronicle — internal: what the timeline files share (timeline.c: mentions
 * and incremental grouping; timeline_read.c: ranking and output;
 * timeline_text.c: articles and sentence vectors; summary.c). Not public. */
#ifndef CHR_TIMELINE_INT_H
#define CHR_TIMELINE_INT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "chronicle/text.h"
#include "chronicle/timeline.h"
#include "cluster_text.h"

/* The timeline tables (a store migration, and the in-memory rebuilds).
 * tl_entry: one event of a story; start/end/gran its core date (the
 *   intersection of its dated members' days), soft = 1 while only
 *   publication-date placements date it, coarse its span class (0: up to
 *   TL_DAY_SPAN days, 1: up to TL_FINE_SPAN, 2: longer; the candidate search
 *   reads one index range per class). Its index carries end_day and soft,
 *   so that the search tests an entry's dates without reading its row;
 *   (start_day, id) keeps the order the candidates were always read in.
 *   Stores made before it had tl_entry_story, dropped on the next open.
 * tl_mention: one dated sentence (tx_start -1: placed at the publication
 *   date), its vector, and the entry it joined.
 * tl_article: articles already added (and to which story).
 * A story's document frequencies are not stored: tl_story_df counts them
 * from its articles' mentions (until migration 14, tl_df held them). */
#define CHR_TIMELINE_SCHEMA                                                                        \
    "CREATE TABLE IF NOT EXISTS tl_entry("                                                         \
    " id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL,"                                          \
    " start_day INTEGER NOT NULL, end_day INTEGER NOT NULL, gran INTEGER NOT NULL,"                \
    " soft INTEGER NOT NULL, coarse INTEGER NOT NULL,"                                             \
    " n_mentions INTEGER NOT NULL, norm REAL NOT NULL, centroid BLOB NOT NULL);"                   \
    "DROP INDEX IF EXISTS tl_entry_story;"                                                         \
    "CREATE INDEX IF NOT EXISTS tl_entry_window"                                                   \
    " ON tl_entry(story_id, coarse, start_day, id, end_day, soft);"                                \
    "CREATE TABLE IF NOT EXISTS tl_mention("                                                       \
    " article_id INTEGER NOT NULL, sentence INTEGER NOT NULL, tx_start INTEGER NOT NULL,"          \
    " tx_end INTEGER NOT NULL, entry_id INTEGER NOT NULL, indep INTEGER NOT NULL,"                 \
    " start_day INTEGER NOT NULL, end_day INTEGER NOT NULL, gran INTEGER NOT NULL,"                \
    " weight REAL NOT NULL, terms BLOB NOT NULL,"                                                  \
    " PRIMARY KEY(article_id, sentence, tx_start)) WITHOUT ROWID;"                                 \
    "CREATE INDEX IF NOT EXISTS tl_mention_entry ON tl_mention(entry_id);"                         \
    "CREATE TABLE IF NOT EXISTS tl_article("                                                       \
    " article_id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL, n_mentions INTEGER NOT NULL);"    \
    "CREATE INDEX IF NOT EXISTS tl_article_story ON tl_article(story_id);"

/* Migration 9: a mention's fragment hash (tl_mention.frag, see tl_mention). */
#define CHR_TIMELINE_FRAG "ALTER TABLE tl_mention ADD COLUMN frag INTEGER NOT NULL DEFAULT 0;"

#define TL_NO_DAY INT32_MIN
#define TL_DAY_SPAN 7 /* span classes of entries (tl_entry.coarse) */
#define TL_FINE_SPAN 62
#define TL_MAX_SPAN 400 /* longer date ranges are periods, not timeline points */
#define TL_CENTROID 64  /* terms kept per entry centroid */
#define TL_IDF_FLOOR 0.25

/* idf of a term used by df of a story's n_docs articles. */
double tl_idf(double n_docs, double df);

/* Terms with a value, ascending by term: document frequencies as
 * tl_story_df counts them (term 0 = the story's article count), idf after
 * tl_idf_finish. */
typedef struct tl_idf_ent {
    uint32_t term;
    double v;
} tl_idf_ent;
typedef struct tl_idf_table {
    tl_idf_ent *e;
    size_t n, cap;
} tl_idf_table;
/* v of term (a tl_idf_fn on a tl_idf_table), 1.0 when absent. */
double tl_idf_get(void *table, uint32_t term);
/* Turn every df into its idf, the article count being term 0's df. */
void tl_idf_finish(tl_idf_table *t);

/* ---- sparse term vectors ---- */

typedef struct tl_term {
    uint32_t id;
    float w;
} tl_term;

/* Terms ascending by id, each once. */
typedef struct tl_vec {
    tl_term *t;
    uint32_t n;
} tl_vec;

/* Vector of text[0..len) in language lang: stemmed content words (stop
 * words dropped), capitalised words not opening the text weighted double.
 * Returns 0, or -1 on OOM. v->t malloc'd (NULL when empty). */
int tl_vec_of_text(chr_ct *ct, const char *lang, const char *text, size_t len, tl_vec *v);
/* Vector of sentence si of a: its words (tl_vec_of_text) plus the entities
 * the entity module found in it. -1 on OOM. */
struct tl_article;
int tl_sentence_vec(chr_ct *ct, const struct tl_article *a, size_t si, tl_vec *v);
/* a += scale * b (both sorted); -1 on OOM. */
int tl_vec_add(tl_vec *a, const tl_vec *b, float scale);
/* Keep the k heaviest terms (re-sorted by id). */
void tl_vec_prune(tl_vec *v, uint32_t k);
void tl_vec_free(tl_vec *v);
/* Serialised form (id, weight pairs, native byte order: the database is
 * read on the machine that wrote it). */
int tl_vec_from_blob(const void *blob, int bytes, tl_vec *v);

/* Inverse document frequencies: a lookup the caller provides. */
typedef double (*tl_idf_fn)(void *ctx, uint32_t term);
double tl_vec_norm(const tl_vec *v, tl_idf_fn idf, void *ctx);
double tl_vec_dot(const tl_vec *a, const tl_vec *b, tl_idf_fn idf, void *ctx);

/* ---- stored articles ---- */

typedef struct tl_timex {
    int32_t start, end, sentence;
    char type[12];
    char value[48], end_value[48];
} tl_timex;

/* An entity mentioned in a sentence (entities/mentions tables). */
typedef struct tl_ent {
    int32_t sentence;
    uint32_t feature; /* chr_ct_feature(1, canonical name) */
    float w;
} tl_ent;

typedef struct tl_article {
    int64_t id;
    int64_t indep;  /* canonical article of its near-duplicate group (else id) */
    int64_t dup_of; /* canonical when a near-duplicate, else 0 */
    char *source, *ext_id, *outlet, *pub_date, *lang, *title;
    char *text;
    size_t len;
    chr_span *sents;
    size_t n_sents;
    tl_timex *tx;
    size_t n_tx;
    tl_ent *ents; /* by sentence */
    size_t n_ents;
    int32_t pub_day; /* TL_NO_DAY when undated */
} tl_article;

/* Reads articles from one database with cached statements. */
typedef struct tl_loader tl_loader;
chr_err tl_loader_open(sqlite3 *db, tl_loader **out);
void tl_loader_close(tl_loader *l);

/* Load article id (with sentences; timexes and entities when with_tx). CHR_ENOTFOUND
 * when absent. Free with tl_article_free. */
chr_err tl_article_load(tl_loader *l, int64_t id, int with_tx, tl_article *a);
void tl_article_free(tl_article *a);
/* The feature of an entity's name in sentence vectors: its key
 * (chr_entity_key), so that a name the store shows in another spelling
 * later is the same feature ("Bachar el-Assad", "Bachar El-Assad"). */
uint32_t tl_name_feature(const char *name);
/* The name an article is cited by: JSON Lines id, else source path. */
const char *tl_article_name(const tl_article *a);
/* Canonical article of a near-duplicate (story_article.duplicate_of, else
 * dedup_sig.canonical), 0 when none or the tables do not exist. */
int64_t tl_loader_duplicate_of(tl_loader *l, int64_t id);

/* 1 when table name exists in db. */
int tl_table_exists(sqlite3 *db, const char *name);
/* The story that story id is now: the one it was merged into (story_alias),
 * else id itself. */
int64_t tl_story_now(sqlite3 *db, int64_t id);

/* The first column of every row of sql (one optional int64 parameter ?1,
 * bound when use_arg) as int64s: *ids malloc'd (NULL when *n is 0). */
chr_err tl_query_ids(sqlite3 *db, const char *sql, int use_arg, int64_t arg, int64_t **ids,
                     size_t *n);

/* Make room for element n of *arr (*cap allocated, elem bytes each; first
 * allocation first_cap; however far n is past *cap: many may be appended at
 * once). -1 on OOM. */
int tl_grow(void *arr, size_t n, size_t *cap, size_t elem, size_t first_cap);

/* Strings owned by one result (a timeline, a summary). */
typedef struct tl_pool {
    char **s;
    size_t n, cap;
} tl_pool;
/* Take ownership of s (NULL in, NULL out; freed on OOM). */
const char *tl_pool_take(tl_pool *p, char *s);
const char *tl_pool_dup(tl_pool *p, const char *s);
void tl_pool_free(tl_pool *p);

/* Copy of text[0..len) with whitespace runs folded to one space, trimmed. */
char *tl_fold_space(const char *text, size_t len);

/* ---- days ---- */

/* Days since 1970-01-01. */
int32_t tl_day(int y, int m, int d);
void tl_ymd(int32_t day, int *y, int *m, int *d);
/* Day number of "YYYY-MM-DD..." or TL_NO_DAY. */
int32_t tl_parse_day(const char *s);

/* A TIMEX3 value as a day interval [*start, *end] with its granularity.
 * Returns 0 when the value is not a calendar point or range the timeline
 * can place (PAST_REF, durations, XXXX-.., decades, ...). */
int tl_value_interval(const char *value, int32_t *start, int32_t *end, chr_gran *gran);

/* ISO text of an interval at a granularity into buf (>= 16): "2024-05-16",
 * "2024-W20", "2024-05", "2024". */
void tl_format_date(int32_t start, chr_gran g, char *buf, size_t size);
/* The same as people read it (buf >= 24): a quarter "2024-Q2", a half
 * "2024-H1", a season "spring 2024" ("winter 2024/25": December to
 * February), else tl_format_date's. */
void tl_format_label(int32_t start, chr_gran g, char *buf, size_t size);

/* ---- mentions ---- */

/* +1 when the sentence s[0..len) in lang reports something (a reporting
 * verb or the past tense), -1 when it only announces the future, 0 when
 * unclear. *words (may be NULL) gets its word count. */
int tl_report_cue(const char *lang, const char *s, size_t len, int *words);

typedef struct tl_mention {
    int64_t article_id, indep;
    int32_t sentence;
    int32_t tx_start, tx_end; /* -1, -1: placed at the publication date */
    int32_t start, end;       /* days, inclusive */
    chr_gran gran;
    float weight;
    tl_vec v;
    /* A sentence without final punctuation (a headline-like line) has a
     * nonzero hash of its words here, 0 otherwise: the same line in several
     * independent articles is the site's furniture (related links), not news. */
    uint32_t frag;
    int32_t pub; /* its article's publication day, TL_NO_DAY unknown (not stored) */
} tl_mention;

/* The mentions of story's entries in db, in the order they were added;
 * entry (may be NULL) receives each one's entry id. Free *out with
 * tl_mentions_free and *entry with free. */
chr_err tl_story_mentions(sqlite3 *db, int64_t story, tl_mention **out, int64_t **entry, size_t *n);
/* (story < 0: the mentions of every story.) */

/* The event mentions of an article (sentence order). *out malloc'd, each
 * mention's vector owned by it: free with tl_mentions_free. */
chr_err tl_extract(chr_ct *ct, const tl_article *a, tl_mention **out, size_t *n);
void tl_mentions_free(tl_mention *m, size_t n);

/* ---- grouping state ---- */

/* Grouping over one database holding the tl_* tables (the store's, or an
 * in-memory one for rebuilds); articles are read from src. */
typedef struct tl_group tl_group;

chr_err tl_group_open(sqlite3 *db, sqlite3 *src, tl_group **out, chr_diag *d);
void tl_group_close(tl_group *g);
/* Add one article to story story_id (see chr_tl_updater_add). */
chr_err tl_group_add(tl_group *g, int64_t article_id, int64_t story_id, chr_diag *d);
/* Regroup stories[0..ns) from their members' persisted mentions (see
 * chr_tl_updater_regroup). */
chr_err tl_group_regroup(tl_group *g, const int64_t *stories, size_t ns, chr_diag *d);

/* ---- entry cache (timeline_cache.c) ---- */

/* A tl_entry row as the grouper reads it; c is the stored centroid. */
typedef struct tl_centry {
    int64_t id;
    int32_t start, end;
    chr_gran gran;
    int soft, coarse, n_mentions;
    double norm;
    tl_vec c;
} tl_centry;

/* Stories' entries and document frequencies in memory, one cache per
 * connection (the groups open on it share it), at most a few tens of MB
 * (least recently used stories are evicted whole). It holds what the
 * tables hold only while every write to tl_entry on the connection is
 * passed to it (tl_cache_put, tl_cache_add), every article whose mentions
 * are grouped into a story is counted in its frequencies
 * (tl_cache_df_counted), and it is made to forget what changed
 * (tl_cache_drop, tl_cache_clear: after a DELETE, a
 * merge, or a rollback). Commits by other connections are caught by
 * tl_cache_check. */
typedef struct tl_cache tl_cache;
typedef struct tl_cstory tl_cstory;

/* The cache of db (NULL on OOM); release it before db is closed. */
tl_cache *tl_cache_acquire(sqlite3 *db);
void tl_cache_release(tl_cache *c);
/* At most bytes held (the story in use is kept whatever its size). */
void tl_cache_set_budget(tl_cache *c, size_t bytes);
void tl_cache_clear(tl_cache *c);
void tl_cache_drop(tl_cache *c, int64_t story);
/* Clear c when another connection committed since the last check. */
void tl_cache_check(tl_cache *c);
/* Story's entries, read from tl_entry when not held (CHR_EDB, CHR_ENOMEM).
 * *out stays valid until c is asked for another story or told to forget. */
chr_err tl_cache_story(tl_cache *c, int64_t story, tl_cstory **out);
/* The entries of class coarse with start day in [lo, hi], ascending by
 * (start, id) as the tl_entry_window index holds them: *first[0..n). */
size_t tl_cstory_range(const tl_cstory *s, int coarse, int64_t lo, int64_t hi,
                       tl_centry *const **first);
/* Entry e of s was written as *now (same id; now->c is taken). */
void tl_cache_put(tl_cache *c, tl_cstory *s, tl_centry *e, tl_centry *now);
/* A new entry *now of s was written (now->c is taken). */
void tl_cache_add(tl_cache *c, tl_cstory *s, tl_centry *now);
/* A story's document frequency of a term: how many of its articles use it
 * in their mentions (term 0: how many articles have mentions). */
typedef struct tl_cdf {
    uint32_t term;
    int64_t df;
} tl_cdf;
/* Story's document frequencies (story < 0: every article's, as if one
 * story), counted from the terms of the persisted mentions of the articles
 * tl_article gives it, into *rows[0..n) ascending by term (malloc'd). *q
 * holds the statement between calls (finalize it; unused for story < 0).
 * CHR_EDB or CHR_ENOMEM. */
chr_err tl_story_df(sqlite3 *db, sqlite3_stmt **q, int64_t story, tl_cdf **rows, size_t *n);
/* Count s's document frequencies (tl_story_df) if not held (CHR_EDB,
 * CHR_ENOMEM). */
chr_err tl_cstory_load_df(tl_cache *c, tl_cstory *s);
/* How many rows s holds (s's rows loaded). */
size_t tl_cstory_ndf(const tl_cstory *s);
/* s's row of term, NULL when it has none (s's rows loaded). */
const tl_cdf *tl_cstory_df(const tl_cstory *s, uint32_t term);
/* One more article of s uses the terms of terms[0..n) (ascending, each
 * once; term 0 among them): 1 for a term s had no row of. -1 on OOM, when
 * s's rows are forgotten (they cannot be counted again before the
 * article's mentions are stored). */
int tl_cache_df_counted(tl_cache *c, tl_cstory *s, const tl_idf_ent *terms, size_t n);

/* Rebuild story story_id (0: every article of src) into a fresh in-memory
 * database, which the caller closes. */
chr_err tl_rebuild_memory(sqlite3 *src, int64_t story_id, sqlite3 **mem, chr_diag *d);

/* Articles of story story_id in src (0: all), ascending. */
chr_err tl_story_articles(sqlite3 *src, int64_t story_id, int64_t **ids, size_t *n);

#endif
