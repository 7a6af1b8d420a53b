/* chronicle — cluster: streaming story clustering.
 * Owns: stories (groups of articles about one development), the per-article
 * representation (TF-IDF over stemmed words without stop words, plus entity
 * and date features), incrementally maintained document frequencies, story
 * centroids pruned to a fixed number of terms, the inverted index that finds
 * candidate stories, and the story/story_article/story_entity/cluster_df
 * tables. Near-duplicates are folded through dedup.h. Does not read
 * articles itself except in chr_cluster_rebuild; the pipeline feeds it. */
#ifndef CHRONICLE_CLUSTER_H
#define CHRONICLE_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "chronicle/clean.h"
#include "chronicle/entity.h"
#include "chronicle/error.h"
#include "chronicle/time.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct chr_store chr_store;

/* What clustering needs to know of one stored article. Nothing is kept:
 * the strings may be freed when chr_cluster_add returns. */
typedef struct chr_cluster_input {
    int64_t article_id; /* stored article id, > 0 */
    const char *title;  /* cleaned headline, or NULL */
    const char *text;   /* clean text */
    size_t text_len;
    const char *lang;            /* ISO 639-1, NULL = "en" */
    const char *pub_date;        /* "YYYY-MM-DD" (longer ISO 8601 accepted) or NULL: undated */
    int pub_date_inferred;       /* pub_date was inferred from the text: too unsure to rule
                                    stories out by time, so the article counts as undated */
    const char *const *entities; /* canonical entity names, one per mention, or NULL */
    size_t n_entities;
    const char *const *dates; /* resolved dates the text mentions ("YYYY-MM-DD"; vaguer
                                 values are ignored), or NULL */
    size_t n_dates;
} chr_cluster_input;

/* Tunables. chr_cluster_opts_default() gives the one configuration used for
 * every data set; the fields exist for experiments and tests. */
typedef struct chr_cluster_opts {
    double threshold;         /* join the best story when its similarity >= threshold
                                 (short texts: fewer than long_terms distinct terms) */
    double long_threshold;    /* the same for long texts */
    int long_terms;           /* distinct terms (words and features) that make a text long */
    double link_short;        /* size correction of the similarity, short texts: centroid
                                 cosine c, average link a = c*|centroid|/articles, similarity
                                 c^(1-x)*a^x; x < 0 favours large stories, 0 = plain cosine */
    double link_long;         /* the same for long texts */
    double link_headline;     /* the same for headlines (headline_words), among the stories of
                                 their day */
    int window_days;          /* only stories whose span comes this close to the date */
    int headline_words;       /* a dated text without a title, of one line and at most this
                                 many distinct words (stop words left out) is a headline
                                 (0: none) ... */
    int headline_window_days; /* ... and finds only stories this close to its date: a
                                 headline's few words cannot tell one day's development
                                 from the next day's */
    int near_days;            /* within this many days of a story's span an article is "near" */
    double near_boost;        /* similarity factor for near articles (dated ones only), short
                                 texts (headlines), whose few words say little alone */
    double near_boost_long;   /* the same for long texts, whose threshold was set undated: in a
                                 day's feed every article is near, sports beside sports */
    double halflife_days;     /* beyond near_days, the factor halves per this many days */
    int centroid_terms;       /* terms kept per story centroid, at most: a quarter of it for
                                 one article, growing with log2(articles) up to all at 8 */
    int index_terms;          /* a story's top terms entered in the inverted index (scaled
                                 like the centroid, at least 12), plus its top 4 features */
    int query_terms;          /* an article's top terms used to look up candidates */
    int max_candidates;       /* candidate stories scored exactly per article */
    int scan_limit;           /* most recent postings read per query term */
    double title_weight;      /* a headline word counts this many times */
    double entity_weight;     /* weight of an entity feature relative to a word */
    double date_weight;       /* weight of a mentioned-date feature */
    double name_weight;       /* weight of the unstemmed copy of a capitalised word inside a
                                 sentence (names match across languages); 0: none */
    double dup_threshold;     /* estimated Jaccard for near-duplicates */
    double merge_threshold;   /* merge two stories an article matches when their centroids'
                                 cosine >= this (0: never merge) */
    double merge_cohesion;    /* ... and when the merged story would stay this cohesive:
                                 |centroid| / articles, about the square root of the mean
                                 cosine between its articles (0: no floor) */
    /* merge_threshold when the article is a headline (the stories of its day it matches) */
    double headline_merge_threshold;
    double split_ratio;         /* split a story of recent articles in two when the mean cosine
                                   between its two average-link halves is below this fraction
                                   of the mean cosine within the looser half (0: never split) */
    int rehome_after;           /* an article still alone in its story this many articles later
                                   looks for a story again (its kept terms, the join threshold);
                                   0: never */
    int rehome_headline_rounds; /* a headline still alone looks again 2, 4, ... times
                                   rehome_after articles later, this many more times
                                   (its day's stories grow over the day); 0: once */
    int split_peel;             /* when the bisection of a split check only peels off one or two
                                   outliers, bisect again without them, up to this many times
                                   (while 6 articles or more are left); 0: never */
    double split_remerge;       /* two stories of long texts (a split's halves or any others)
                                   merge only when the split test at this ratio would not part
                                   their articles (those still in the repair ring); 0: no test */
    double common_share;        /* a term in more than this share of all articles so far ... */
    int common_min;             /* ... and in at least this many is a commonplace of the stream
                                   (a wire's results template: "shr", "net", "qtr"): it does not
                                   count in the similarity of an article to a story or of two
                                   stories (it still counts in the norms); 0: no commonplaces */
    /* a word in fewer than specific_share of all articles so far, or in fewer
     * than specific_min, is specific: an article that is not a headline joins
     * only a story it shares a specific word with (0: any story) */
    double specific_share;
    int specific_min;
} chr_cluster_opts;

void chr_cluster_opts_default(chr_cluster_opts *o);

typedef struct chr_cluster chr_cluster;

/* Open the clustering state of a store (tables created by its migrations;
 * st is borrowed and must outlive the handle). opts may be NULL (defaults).
 * The in-memory state is loaded on the first add. */
chr_err chr_cluster_open(chr_store *st, const chr_cluster_opts *opts, chr_cluster **out,
                         chr_diag *d);

/* Assign one article to a story: a near-duplicate joins its canonical's
 * story without changing it; any other article joins the most similar
 * candidate story above the threshold or starts a new one. Writes through to
 * the tables inside the caller's transaction. *story_id receives the story,
 * *duplicate_of the canonical article (0 when not a near-duplicate); either
 * pointer may be NULL. Adding an article a second time returns its story. */
chr_err chr_cluster_add(chr_cluster *cl, const chr_cluster_input *in, int64_t *story_id,
                        int64_t *duplicate_of, chr_diag *d);

/* The stories whose articles the last chr_cluster_add moved besides the
 * added one (both halves of a split; a merge leaves an alias instead, see
 * story_alias), so that later stages keyed by story can follow: *stories
 * points into cl, valid until the next add. Returns how many (at most 8). */
size_t chr_cluster_moved(const chr_cluster *cl, const int64_t **stories);

/* The pipeline's call, once per stored article inside the file's
 * transaction: chr_cluster_add with the title, clean text and language of
 * doc, pub_date ("YYYY-MM-DD" or NULL when undated; inferred = 1 when the
 * time module inferred it), the named (not nominal) mentions of ents (may
 * be NULL) and the full-day DATE values of tx (may be NULL). Nothing is
 * kept. */
chr_err chr_cluster_add_doc(chr_cluster *cl, int64_t article_id, const chr_doc *doc,
                            const char *pub_date, int inferred, const chr_entities *ents,
                            const chr_timex *tx, size_t n_tx, int64_t *story_id,
                            int64_t *duplicate_of, chr_diag *d);

/* Write buffered document frequencies and the article count (also done every
 * few thousand adds and by chr_cluster_close). The pipeline calls it in each
 * transaction before committing, so that what a later load reads is the
 * state of the articles committed. Call inside a transaction for speed. */
chr_err chr_cluster_flush(chr_cluster *cl, chr_diag *d);

/* Drop the in-memory state after the caller rolled back a transaction that
 * contained adds; it is reloaded from the tables on the next add. */
void chr_cluster_discard(chr_cluster *cl);

/* Flush and free. Returns the flush's error, if any. */
chr_err chr_cluster_close(chr_cluster *cl, chr_diag *d);

/* Delete all stories, assignments, signatures and frequencies (no handle
 * may be open on st). */
chr_err chr_cluster_reset(chr_store *st, chr_diag *d);

/* Rebuild every story from the stored articles, in id order, with opts
 * (NULL = defaults): chr_cluster_reset, then one add per article with its
 * stored title, clean text, language, date, entity mentions and dates, all
 * in one transaction (no other transaction may be open on st).
 * *n_articles (may be NULL) receives the count. Story ids start afresh. */
chr_err chr_cluster_rebuild(chr_store *st, const chr_cluster_opts *opts, long *n_articles,
                            chr_diag *d);

/* ---- reading stories (cluster_list.c) ---- */

typedef struct chr_story_article {
    int64_t id;
    const char *source;   /* as stored: path, path#LINE, path@OFFSET */
    const char *ext_id;   /* the input's own id (JSON Lines "id", WARC record id) or NULL */
    const char *title;    /* headline or NULL */
    const char *pub_date; /* "YYYY-MM-DD" or NULL */
    int64_t duplicate_of; /* canonical article when a near-duplicate, else 0 */
    double similarity;    /* to the story when it joined (1 for the first) */
    int copy; /* 1: another input with article duplicate_of's text word for word, kept as
                 a copy (chr_store_add_copy), not stored: id is that article's too */
} chr_story_article;

typedef struct chr_story_entity {
    const char *name; /* canonical entity name */
    long count;       /* mentions in the story's articles (near-duplicates not counted) */
} chr_story_entity;

/* One story as read back. Every pointer is valid during the callback only. */
typedef struct chr_story_info {
    int64_t id;
    const char *title;                /* the most central headline (or first sentence) */
    int64_t title_article;            /* the article it comes from (0 if none) */
    long size;                        /* articles, near-duplicates included */
    long n_unique;                    /* articles that are not near-duplicates */
    char first[11], last[11];         /* "YYYY-MM-DD" span of dated articles, "" if none */
    const chr_story_entity *entities; /* most mentioned first, at most 10 */
    size_t n_entities;
    const chr_story_article *articles; /* undated first, then by date and id */
    size_t n_articles;
} chr_story_info;

/* Called once per story; return nonzero to stop the iteration. */
typedef int (*chr_story_fn)(void *ctx, const chr_story_info *s);

/* Every story, largest first (then by id). */
chr_err chr_story_foreach(chr_store *st, chr_story_fn fn, void *ctx, chr_diag *d);

/* One story; an id that was merged into another story resolves to that
 * story. CHR_ENOTFOUND when there is none. */
chr_err chr_story_get(chr_store *st, int64_t id, chr_story_fn fn, void *ctx, chr_diag *d);

/* ---- full-text search (cluster_search.c) ---- */

/* The words of a search box as an FTS5 query: each word or "quoted phrase"
 * a string, "word*" a prefix, OR between two terms kept, everything else
 * (AND, NEAR, -x, column filters) taken as words; a term without a letter
 * or digit is left out, and terms past CHR_SEARCH_MAX_TERMS too. malloc'd;
 * NULL when there is no word (or out of memory). */
enum { CHR_SEARCH_MAX_TERMS = 64 };
char *chr_search_query(const char *words);

/* One search hit. Every pointer is valid during the callback only; NULL
 * when unknown. */
typedef struct chr_search_hit {
    int64_t id;
    const char *title; /* headline, else the first sentence */
    const char *outlet;
    const char *pub_date; /* "YYYY-MM-DD" */
    const char *source;   /* as stored: path, path#LINE, path@OFFSET */
    const char *snippet;  /* matched words between U+0002 and U+0003 */
    double score;         /* higher is better (minus bm25) */
    int64_t story;        /* its story, 0 when in none */
} chr_search_hit;

/* Called once per hit; return nonzero to stop. */
typedef int (*chr_search_fn)(void *ctx, const chr_search_hit *h);

/* The stored articles that match words (chr_search_query), best first,
 * limit of them from offset. CHR_EINVAL when words has no word or FTS5
 * rejects the query, CHR_EUNSUPPORTED on a database without the index (one
 * older chronicle wrote, opened read-only), CHR_EDB on other failures. */
chr_err chr_search(chr_store *st, const char *words, long limit, long offset, chr_search_fn fn,
                   void *ctx, chr_diag *d);

/* A hit as one JSON object: {id, title, outlet, pub_date, source, story
 * (null when in none), snippet, score}, as `search --json` and GET
 * /api/search give it. */
struct chr_json;
void chr_search_hit_json(struct chr_json *j, const chr_search_hit *h);

/* Counters of one handle since it was opened. */
typedef struct chr_cluster_stats {
    long added;      /* articles assigned */
    long duplicates; /* of which near-duplicates */
    long new_stories;
    long candidates; /* candidate stories scored exactly, summed */
    long merges;     /* stories merged into older ones */
    long splits;     /* stories split in two (the younger half became a new story) */
    long rehomed;    /* stories of one article merged into a story found later */
    long postings;   /* inverted-index entries read one by one, summed (not the blocks
                      * passed over by their stamp) */
    long looked;     /* of which the story was read (not turned away by the entry's stamp) */
    long stories;    /* live stories in memory */
    long terms;      /* distinct terms with a document frequency */
} chr_cluster_stats;

void chr_cluster_get_stats(const chr_cluster *cl, chr_cluster_stats *s);

#ifdef __cplusplus
}
#endif
#endif
