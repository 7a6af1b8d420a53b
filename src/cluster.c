/* chronicle — cluster: streaming story clustering (see cluster.h).
 * Owns: the in-memory model (stories with pruned centroids, document
 * frequencies, the inverted index term -> stories with day-stamped
 * entries), article vectors, the assignment decision and its write-through
 * to the story tables. Listing stories for people is cluster_list.c;
 * rebuilding from the article table is cluster_feed.c. */
#include "chronicle/cluster.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "chronicle/dedup.h"
#include "chronicle/store.h"
#include "civil.h"
#include "cluster_int.h"
#include "cluster_text.h"
#include "grow.h"

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

#define NO_DAY INT32_MIN
#define SHORT_TEXT 300 /* bytes: shorter texts take the stream's main language */
#define OUTSIDE_RUN 64 /* postings outside the time window in a row that end a list's scan */
#define STAMP_DAYS 8   /* days of a story's last day that one posting stamp stands for */
#define UNDATED_STAMP INT32_MAX /* never out of the window: undated stories, entries to read */
#define FLUSH_EVERY 1024        /* adds between writes of the document count */
#define DF_BATCH 4096           /* adds between writes of the changed document frequencies */

void chr_cluster_opts_default(chr_cluster_opts *o)
{
    o->threshold = 0.25;
    o->long_threshold = 0.18;
    o->long_terms = 32;
    o->link_short = -0.3;
    o->link_long = 0.3;
    o->link_headline = -0.6;
    o->window_days = 45;
    o->headline_words = 12;
    o->headline_window_days = 0;
    o->near_days = 2;
    o->near_boost = 1.5;
    o->near_boost_long = 1.25;
    o->halflife_days = 30;
    o->centroid_terms = 256;
    o->index_terms = 32;
    o->query_terms = 12;
    o->max_candidates = 8;
    o->scan_limit = 400;
    o->title_weight = 2.0;
    o->entity_weight = 0.1;
    o->date_weight = 0.5;
    o->name_weight = 0.5;
    o->dup_threshold = 0.5;
    o->merge_threshold = 0.45;
    o->headline_merge_threshold = 0.3;
    o->merge_cohesion = 0.25;
    o->split_ratio = 0.6;
    o->rehome_after = 16;
    o->rehome_headline_rounds = 6;
    o->split_peel = 2;
    o->split_remerge = 0.7;
    o->common_share = 0.08;
    o->common_min = 100;
    o->specific_share = 0.005;
    o->specific_min = 20;
}

/* ---- model ---- */

typedef struct story {
    int64_t id;
    int32_t first, last; /* days since 1970-01-01, NO_DAY when undated */
    uint32_t size, n_unique;
    uint16_t n_terms, cap_terms, n_idx, cap_idx;
    uint32_t *terms; /* ascending; one block with w and idx */
    float *w;        /* sum of the unit vectors of its articles, pruned */
    uint32_t *idx;   /* terms currently posted in the inverted index */
    float norm;
    int32_t pstamp;  /* the stamp its postings carry: story_stamp, kept up to date */
    uint32_t qstamp; /* query scratch */
    float qscore;
    uint32_t ring_head; /* its newest article in the ring: index + 1, 0 none */
    uint8_t dead;       /* merged into another story */
    uint8_t checks;     /* split checks passed (split_due) */
    char lang[4];       /* language of its first article, "" unknown */
} story;

/* Term ids: words have the lowest bit clear, language-independent features
 * (entities, dates, names) have it set, so that articles and stories in
 * different languages can be compared on those alone. */
#define IS_FEATURE(t) ((t)&1u)

static uint32_t word_id(uint32_t t)
{
    t &= ~1u;
    return t ? t : 2;
}

static uint32_t feature_id(uint32_t t)
{
    return t | 1u;
}

enum {
    FEATURE_POSTS = 4
}; /* features a story posts and an article queries, beyond the top terms */

typedef struct term_ent {
    uint32_t term; /* 0 = empty slot */
    uint32_t df;
    uint32_t post; /* 1 + index into postings, 0 = none */
    uint32_t dirty;
} term_ent;

/* One entry of a posting list: the story slot, and the story's stamp
 * (story_stamp), which tells a story that ended more than the time window
 * ago without reading the story. */
typedef struct pent {
    uint32_t slot;
    int32_t stamp;
} pent;

#define PBLOCK 16 /* entries of a posting list under one newest stamp */

typedef struct posting {
    pent *e;       /* in the order posted, oldest first */
    int32_t *bmax; /* the newest stamp of each PBLOCK entries e[b * PBLOCK ...] */
    uint32_t n, cap;
} posting;

typedef struct dterm { /* one term of the article being added */
    uint32_t term;
    float tf, w;
    int kind;    /* 0 word, 1 entity, 2 date, 3 name */
    uint32_t df; /* documents with the term, this one included */
} dterm;

/* Recent articles, kept for bounded repair: a story that grew out of two
 * stories' first articles can be split again while its members are all
 * here. The ring holds the last RING articles (not near-duplicates); each
 * keeps its MEMBER_TERMS heaviest terms, its story slot, day and entity
 * names. Constant memory, nothing is read back from the tables. */
#define RING 8192
#define MEMBER_TERMS 48
#define SPLIT_MAX 32 /* stories larger than this are not checked */

typedef struct member {
    int64_t article_id; /* 0: empty */
    uint64_t seq;       /* ring adds when it was added: entries are reused oldest first */
    uint32_t slot;      /* story slot */
    uint32_t prev;      /* the story's previous article in the ring: index + 1, 0 none */
    int32_t day;
    uint16_t n_terms;
    uint8_t is_long;              /* a long text (doc_is_long) */
    uint8_t is_headline;          /* a dated headline (cl->headline when added) */
    uint32_t terms[MEMBER_TERMS]; /* ascending */
    float w[MEMBER_TERMS];
    float norm;
    char *ents; /* entity names, each NUL-terminated, an empty one ends the list; or NULL */
} member;

#define MOVED_MAX 8

struct chr_cluster {
    int64_t moved[MOVED_MAX]; /* stories whose articles the last add moved (splits) */
    size_t n_moved;
    sqlite3 *db;
    member *ring; /* RING entries, allocated on the first add */
    size_t ring_next;
    uint64_t ring_seq;
    float split_sim[SPLIT_MAX * SPLIT_MAX]; /* split_check's scratch */
    uint32_t *wsel;                         /* heaviest_cut's scratch */
    size_t cap_wsel;
    float split_sum[SPLIT_MAX][SPLIT_MAX];
    float split_sub[SPLIT_MAX * SPLIT_MAX]; /* bisect_peel's scratch */
    chr_cluster_opts o;
    chr_ct *ct;
    chr_dedup *dd;
    int loaded;
    story *stories;
    size_t n_stories, cap_stories;
    /* story id -> slot + 1 */
    int64_t *id_keys;
    uint32_t *id_vals;
    size_t id_mask, id_used;
    term_ent *terms;
    size_t term_mask, term_used;
    posting *posts;
    size_t n_posts, cap_posts;
    uint32_t *dirty; /* terms whose frequency changed since it was last written */
    size_t n_dirty, cap_dirty;
    uint32_t adds; /* adds since open */
    uint64_t n_docs;
    long since_flush;
    uint32_t qstamp;
    char doc_lang[4]; /* language of the article being added */
    struct {
        char code[4];
        long n;
    } langs[16]; /* languages seen since open, with counts */
    size_t n_langs;
    /* scratch for one article */
    dterm *doc;
    size_t n_doc, cap_doc;
    uint32_t *dmap; /* term -> doc index + 1, open addressing */
    size_t dmap_mask;
    uint64_t dbloom[64]; /* bit (term >> 1) % 4096 set for each term of cl->doc */
    uint32_t *touched;
    size_t n_touched, cap_touched;
    dterm *merge;
    size_t cap_merge;
    dterm *sortbuf;
    size_t cap_sortbuf;
    unsigned char *blob; /* a centroid being written */
    size_t cap_blob;
    float *scored; /* similarity of touched[k] for the exactly scored candidates */
    size_t n_scored, cap_scored;
    int win; /* the time window of the article being placed: window_days, headline_window_days */
    int headline; /* the article being placed is a dated headline (doc_is_headline) */
    sqlite3_stmt *s_find, *s_ins_art, *s_ins_story, *s_upd_story, *s_df, *s_meta, *s_ent;
    sqlite3_stmt *s_mv_art, *s_mv_ent, *s_del_ent, *s_del_story, *s_alias, *s_realias;
    sqlite3_stmt *s_mv_one, *s_ent_dec, *s_ent_zero;
    chr_cluster_stats stats;
};

static int story_members(const chr_cluster *cl, uint32_t slot, uint32_t *idx, int max);
static void story_relink(chr_cluster *cl, uint32_t slot, uint32_t *idx, int n);
static float member_cos(const member *a, const member *b);

static chr_err db_err(sqlite3 *db, chr_diag *d, const char *what)
{
    return chr_diag_set(d, CHR_EDB, "", 0, -1, "cluster: %s: %s", what, sqlite3_errmsg(db));
}

static chr_err oom(chr_diag *d)
{
    return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "cluster: out of memory");
}

/* ---- dates ---- */

static int32_t days_from_civil(int y, int m, int d)
{
    return (int32_t)chr_civil_days(y, m, d);
}

int32_t chr_cluster_parse_day(const char *s)
{
    if (!s)
        return NO_DAY;
    int v[3] = {0, 0, 0}, n[3] = {4, 2, 2};
    const char *p = s;
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < n[k]; i++, p++) {
            if (*p < '0' || *p > '9')
                return NO_DAY;
            v[k] = v[k] * 10 + (*p - '0');
        }
        if (k < 2 && *p++ != '-')
            return NO_DAY;
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[0] < 1)
        return NO_DAY;
    return days_from_civil(v[0], v[1], v[2]);
}

void chr_cluster_format_day(int32_t day, char buf[11])
{
    if (day == NO_DAY) {
        buf[0] = '\0';
        return;
    }
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    if (y < 0 || y > 9999)
        y = 0;
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
}

/* ---- maps ---- */

static size_t hash32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

static size_t hash64(int64_t v)
{
    uint64_t x = (uint64_t)v;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x;
}

static int id_put(chr_cluster *cl, int64_t id, uint32_t slot)
{
    if ((cl->id_used + 1) * 2 > (cl->id_keys ? cl->id_mask + 1 : 0)) {
        size_t cap = cl->id_keys ? (cl->id_mask + 1) * 2 : 1024;
        int64_t *keys = calloc(cap, sizeof *keys);
        uint32_t *vals = malloc(cap * sizeof *vals);
        if (!keys || !vals) {
            free(keys);
            free(vals);
            return -1;
        }
        for (size_t i = 0; cl->id_keys && i <= cl->id_mask; i++) {
            if (!cl->id_keys[i])
                continue;
            size_t j = hash64(cl->id_keys[i]) & (cap - 1);
            while (keys[j])
                j = (j + 1) & (cap - 1);
            keys[j] = cl->id_keys[i];
            vals[j] = cl->id_vals[i];
        }
        free(cl->id_keys);
        free(cl->id_vals);
        cl->id_keys = keys;
        cl->id_vals = vals;
        cl->id_mask = cap - 1;
    }
    size_t j = hash64(id) & cl->id_mask;
    while (cl->id_keys[j] && cl->id_keys[j] != id)
        j = (j + 1) & cl->id_mask;
    if (!cl->id_keys[j])
        cl->id_used++;
    cl->id_keys[j] = id;
    cl->id_vals[j] = slot + 1;
    return 0;
}

static story *id_get(chr_cluster *cl, int64_t id)
{
    if (!cl->id_keys)
        return NULL;
    for (size_t j = hash64(id) & cl->id_mask; cl->id_keys[j]; j = (j + 1) & cl->id_mask)
        if (cl->id_keys[j] == id)
            return &cl->stories[cl->id_vals[j] - 1];
    return NULL;
}

/* The term's entry, inserted (df 0) when create is set; NULL if absent/OOM. */
static term_ent *term_get(chr_cluster *cl, uint32_t term, int create)
{
    if (cl->terms) {
        for (size_t j = hash32(term) & cl->term_mask; cl->terms[j].term;
             j = (j + 1) & cl->term_mask)
            if (cl->terms[j].term == term)
                return &cl->terms[j];
    }
    if (!create)
        return NULL;
    if ((cl->term_used + 1) * 4 > (cl->terms ? cl->term_mask + 1 : 0) * 3) {
        size_t cap = cl->terms ? (cl->term_mask + 1) * 2 : 4096;
        term_ent *t = calloc(cap, sizeof *t);
        if (!t)
            return NULL;
        for (size_t i = 0; cl->terms && i <= cl->term_mask; i++) {
            if (!cl->terms[i].term)
                continue;
            size_t j = hash32(cl->terms[i].term) & (cap - 1);
            while (t[j].term)
                j = (j + 1) & (cap - 1);
            t[j] = cl->terms[i];
        }
        free(cl->terms);
        cl->terms = t;
        cl->term_mask = cap - 1;
    }
    size_t j = hash32(term) & cl->term_mask;
    while (cl->terms[j].term)
        j = (j + 1) & cl->term_mask;
    cl->terms[j].term = term;
    cl->term_used++;
    return &cl->terms[j];
}

/* ---- stories in memory ---- */

/* Centroid terms kept for a story of n articles: a quarter of the maximum
 * for one article, growing with log2(n) up to the maximum at 8. Small
 * stories (most of them in a large stream) stay small in memory. */
static uint32_t terms_for(const chr_cluster *cl, uint32_t n)
{
    double f = (1 + log2(n > 1 ? (double)n : 1)) / 4;
    uint32_t t = (uint32_t)(cl->o.centroid_terms * (f < 1 ? f : 1) + 0.5);
    return t < 8 ? 8 : t;
}

static uint32_t index_for(const chr_cluster *cl, uint32_t n_terms)
{
    uint32_t k = (uint32_t)((double)cl->o.index_terms * n_terms / cl->o.centroid_terms + 0.5);
    uint32_t lo = cl->o.index_terms < 12 ? (uint32_t)cl->o.index_terms : 12;
    return k < lo ? lo : k;
}

/* Make room for the centroid of a story of n articles. */
static int story_reserve(chr_cluster *cl, story *s, uint32_t n)
{
    uint32_t ct = terms_for(cl, n), ci = index_for(cl, ct) + FEATURE_POSTS;
    if (ct <= s->cap_terms && ci <= s->cap_idx)
        return 0;
    if (ct < s->cap_terms)
        ct = s->cap_terms;
    if (ci < s->cap_idx)
        ci = s->cap_idx;
    void *block = malloc((size_t)ct * 8 + (size_t)ci * 4);
    if (!block)
        return -1;
    uint32_t *terms = block;
    float *w = (float *)(terms + ct);
    uint32_t *idx = (uint32_t *)(w + ct);
    if (s->terms) {
        memcpy(terms, s->terms, s->n_terms * sizeof *terms);
        memcpy(w, s->w, s->n_terms * sizeof *w);
        memcpy(idx, s->idx, s->n_idx * sizeof *idx);
        free(s->terms);
    }
    s->terms = terms;
    s->w = w;
    s->idx = idx;
    s->cap_terms = (uint16_t)ct;
    s->cap_idx = (uint16_t)ci;
    return 0;
}

/* A new, empty story in memory (id 0 until the caller gives it one). */
static story *story_new(chr_cluster *cl)
{
    if (chr_grow((void **)&cl->stories, &cl->cap_stories, cl->n_stories + 1, sizeof(story)) != 0)
        return NULL;
    story *s = &cl->stories[cl->n_stories];
    memset(s, 0, sizeof *s);
    if (story_reserve(cl, s, 1) != 0)
        return NULL;
    s->first = s->last = NO_DAY;
    cl->n_stories++;
    return s;
}

static void posts_unstamp(chr_cluster *cl, const story *s, const uint32_t *terms, uint32_t n);

/* Retire a story slot (merged away, or its row could not be written); its
 * postings become stale and are skipped when read (not by their stamp),
 * then dropped on compaction. */
static void story_kill(chr_cluster *cl, story *s)
{
    posts_unstamp(cl, s, s->idx, s->n_idx);
    s->dead = 1;
    s->n_idx = 0;
    s->n_terms = 0;
    s->norm = 0;
}

static void story_norm(story *s)
{
    double n = 0;
    for (uint32_t i = 0; i < s->n_terms; i++)
        n += (double)s->w[i] * s->w[i];
    s->norm = (float)sqrt(n);
}

static int post_add(chr_cluster *cl, uint32_t term, uint32_t slot, int32_t stamp);

/* A story's posting stamp: its last day rounded down to a multiple of
 * STAMP_DAYS (so last < stamp + STAMP_DAYS), UNDATED_STAMP when undated.
 * When it moves, the story's entries take the new one (story_restamp). */
static int32_t story_stamp(const story *s)
{
    if (s->last == NO_DAY)
        return UNDATED_STAMP;
    int32_t l = s->last;
    return l >= 0 ? l / STAMP_DAYS * STAMP_DAYS
                  : -((-l + STAMP_DAYS - 1) / STAMP_DAYS * STAMP_DAYS);
}

/* Does story s still post term t? (s->idx is in term order) */
static int story_posts(const story *s, uint32_t t)
{
    uint32_t lo = 0, hi = s->n_idx;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->idx[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->n_idx && s->idx[lo] == t;
}

/* The want heaviest language-independent features of s into top/topw,
 * heaviest first; returns how many. */
static uint32_t top_features(const story *s, uint32_t want, uint32_t *top, float *topw)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < s->n_terms; i++) { /* insertion into a small sorted list */
        float w = s->w[i];
        if (!IS_FEATURE(s->terms[i]) || (k == want && w <= topw[k - 1]))
            continue;
        uint32_t j = k < want ? k++ : k - 1;
        while (j > 0 && topw[j - 1] < w) {
            topw[j] = topw[j - 1];
            top[j] = top[j - 1];
            j--;
        }
        topw[j] = w;
        top[j] = s->terms[i];
    }
    return k;
}

static int heaviest_cut(chr_cluster *cl, const float *w, size_t stride, size_t n, size_t keep,
                        float *cut, size_t *ties);

/* Give the story's entries in the list of term a new stamp, those among the
 * newest scan_limit: the only ones a scan reads (a list grows at its newest
 * end, and a compaction, which can bring deeper entries nearer, stamps
 * every entry it keeps anew). A story can have two entries in a list: a
 * term it dropped and posted again before the list's compaction. */
static void post_restamp(chr_cluster *cl, uint32_t term, uint32_t slot, int32_t stamp)
{
    term_ent *te = term_get(cl, term, 0);
    if (!te || !te->post)
        return;
    posting *p = &cl->posts[te->post - 1];
    uint32_t stop = p->n > (uint32_t)cl->o.scan_limit ? p->n - (uint32_t)cl->o.scan_limit : 0;
    for (uint32_t i = p->n; i-- > stop;) {
        if (p->e[i].slot != slot)
            continue;
        p->e[i].stamp = stamp;
        if (p->bmax[i / PBLOCK] < stamp)
            p->bmax[i / PBLOCK] = stamp;
    }
}

/* After the story's span changed: when its stamp moved (the span reached
 * another STAMP_DAYS period), its entries take the new one in place.
 * (Posted again at the newest end instead, a long-running story would be
 * found where it was not before.) */
static void story_restamp(chr_cluster *cl, story *s)
{
    int32_t stamp = story_stamp(s);
    if (stamp == s->pstamp)
        return;
    s->pstamp = stamp;
    uint32_t slot = (uint32_t)(s - cl->stories);
    for (uint32_t j = 0; j < s->n_idx; j++)
        post_restamp(cl, s->idx[j], slot, stamp);
}

/* The story no longer posts these terms (or no longer exists): their
 * entries stay until the next compaction, counted as before when the story
 * is in the window, so their stamp can no longer pass them over. */
static void posts_unstamp(chr_cluster *cl, const story *s, const uint32_t *terms, uint32_t n)
{
    uint32_t slot = (uint32_t)(s - cl->stories);
    for (uint32_t j = 0; j < n; j++)
        post_restamp(cl, terms[j], slot, UNDATED_STAMP);
}

/* Post the story's heaviest terms that are not yet posted (after its
 * postings took its stamp, story_restamp). s->idx is kept in term order. */
static int story_index(chr_cluster *cl, story *s)
{
    uint32_t top[256 + FEATURE_POSTS];
    uint32_t want = index_for(cl, s->cap_terms);
    if (want + FEATURE_POSTS > s->cap_idx)
        want = s->cap_idx > FEATURE_POSTS ? s->cap_idx - FEATURE_POSTS : 1;
    if (want > 256)
        want = 256;
    uint32_t k = 0;
    if (s->n_terms <= want) {
        memcpy(top, s->terms, s->n_terms * sizeof *top);
        k = s->n_terms;
    } else { /* the want heaviest, in term order (ties: the first ones) */
        float cut;
        size_t ties;
        if (heaviest_cut(cl, s->w, sizeof *s->w, s->n_terms, want, &cut, &ties) != 0)
            return -1;
        for (uint32_t i = 0; i < s->n_terms && k < want; i++) {
            float w = s->w[i];
            if (w < cut || (w == cut && !ties))
                continue;
            if (w == cut)
                ties--;
            top[k++] = s->terms[i];
        }
    }
    /* and the heaviest language-independent features not already in */
    uint32_t ft[FEATURE_POSTS];
    float fw[FEATURE_POSTS];
    uint32_t nf = top_features(s, FEATURE_POSTS, ft, fw);
    for (uint32_t i = 0; i < nf; i++) {
        uint32_t j = k;
        while (j > 0 && top[j - 1] > ft[i])
            j--;
        if (j > 0 && top[j - 1] == ft[i])
            continue;
        memmove(top + j + 1, top + j, (k - j) * sizeof *top);
        top[j] = ft[i];
        k++;
    }
    uint32_t slot = (uint32_t)(s - cl->stories);
    story_restamp(cl, s);
    for (uint32_t i = 0, j = 0; i < s->n_idx; i++) { /* terms dropped: both in term order */
        while (j < k && top[j] < s->idx[i])
            j++;
        if (j == k || top[j] != s->idx[i])
            posts_unstamp(cl, s, &s->idx[i], 1);
    }
    for (uint32_t i = 0, j = 0; i < k; i++) { /* terms added */
        while (j < s->n_idx && s->idx[j] < top[i])
            j++;
        int have = j < s->n_idx && s->idx[j] == top[i];
        if (!have && post_add(cl, top[i], slot, s->pstamp) != 0)
            return -1;
    }
    memcpy(s->idx, top, k * sizeof *top);
    s->n_idx = (uint16_t)k;
    return 0;
}

static int post_add(chr_cluster *cl, uint32_t term, uint32_t slot, int32_t stamp)
{
    term_ent *te = term_get(cl, term, 1);
    if (!te)
        return -1;
    if (!te->post) {
        if (chr_grow((void **)&cl->posts, &cl->cap_posts, cl->n_posts + 1, sizeof(posting)) != 0)
            return -1;
        memset(&cl->posts[cl->n_posts], 0, sizeof(posting));
        te->post = (uint32_t)++cl->n_posts;
    }
    posting *p = &cl->posts[te->post - 1];
    if (p->n == p->cap) {
        /* drop stale postings (the story no longer indexes the term) before
         * growing; the kept ones take their story's stamp */
        uint32_t k = 0;
        for (uint32_t i = 0; i < p->n; i++) {
            const story *s = &cl->stories[p->e[i].slot];
            if (story_posts(s, term))
                p->e[k++] = (pent){p->e[i].slot, s->pstamp};
        }
        p->n = k;
        if (p->n * 2 > p->cap || p->cap == 0) {
            uint32_t cap = p->cap ? p->cap * 2 : 4;
            pent *n = realloc(p->e, cap * sizeof *n);
            if (!n)
                return -1;
            p->e = n;
            int32_t *b = realloc(p->bmax, (cap + PBLOCK - 1) / PBLOCK * sizeof *b);
            if (!b)
                return -1;
            p->bmax = b;
            p->cap = cap;
        }
        for (uint32_t i = 0; i < p->n; i++)
            if (i % PBLOCK == 0 || p->e[i].stamp > p->bmax[i / PBLOCK])
                p->bmax[i / PBLOCK] = p->e[i].stamp;
    }
    if (p->n % PBLOCK == 0 || stamp > p->bmax[p->n / PBLOCK])
        p->bmax[p->n / PBLOCK] = stamp;
    p->e[p->n++] = (pent){slot, stamp};
    return 0;
}

/* ---- persistence ---- */

void chr_cluster_blob_get(const unsigned char *p, size_t i, uint32_t *term, float *w)
{
    uint32_t t = 0, u = 0;
    for (int b = 0; b < 4; b++) {
        t |= (uint32_t)p[8 * i + (uint32_t)b] << (8 * b);
        u |= (uint32_t)p[8 * i + 4 + (uint32_t)b] << (8 * b);
    }
    *term = t;
    memcpy(w, &u, 4);
}

static void centroid_blob(const story *s, unsigned char *out)
{
    for (uint32_t i = 0; i < s->n_terms; i++) {
        uint32_t t = s->terms[i];
        float f = s->w[i];
        uint32_t u;
        memcpy(&u, &f, 4);
        for (int b = 0; b < 4; b++) {
            out[8 * i + (uint32_t)b] = (unsigned char)(t >> (8 * b));
            out[8 * i + 4 + (uint32_t)b] = (unsigned char)(u >> (8 * b));
        }
    }
}

static int cmp_term(const void *a, const void *b);
static void select_top(dterm *v, size_t n, size_t k);
static void doc_index(chr_cluster *cl);
static uint32_t select_kth(uint32_t *v, size_t n, size_t k);

/* A float's key for select_kth: the larger float has the larger key (the
 * sign bit flipped, and all bits of a negative); -0 is 0. */
static uint32_t float_key(float f)
{
    uint32_t u;
    if (f == 0)
        f = 0;
    memcpy(&u, &f, sizeof u);
    return u & 0x80000000u ? ~u : u | 0x80000000u;
}

static float key_float(uint32_t k)
{
    uint32_t u = k & 0x80000000u ? k & 0x7fffffffu : ~k;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* The weight of the keep-th heaviest of the n weights at w, w + stride
 * bytes, ... (n > keep), and in *ties how many terms of exactly that weight
 * make the cut (the first ones in order): keeping w > cut, then the first
 * *ties with w == cut, keeps keep terms without reordering them. */
static int heaviest_cut(chr_cluster *cl, const float *w, size_t stride, size_t n, size_t keep,
                        float *cut, size_t *ties)
{
#define W_AT(k) (*(const float *)((const char *)w + (k)*stride))
    if (chr_grow((void **)&cl->wsel, &cl->cap_wsel, n, sizeof(uint32_t)) != 0)
        return -1;
    for (size_t k = 0; k < n; k++)
        cl->wsel[k] = float_key(W_AT(k));
    *cut = key_float(select_kth(cl->wsel, n, keep - 1));
    size_t above = 0;
    for (size_t k = 0; k < n; k++)
        above += W_AT(k) > *cut;
#undef W_AT
    *ties = keep - above;
    return 0;
}

static int centroid_load(chr_cluster *cl, story *s, const unsigned char *p, int n)
{
    size_t cnt = (size_t)(n > 0 ? n / 8 : 0);
    if (story_reserve(cl, s, s->n_unique ? s->n_unique : 1) != 0 ||
        chr_grow((void **)&cl->merge, &cl->cap_merge, cnt, sizeof(dterm)) != 0)
        return -1;
    uint32_t prev = 0;
    for (size_t i = 0; i < cnt; i++) {
        chr_cluster_blob_get(p, i, &cl->merge[i].term, &cl->merge[i].w);
        if (cl->merge[i].term <= prev)
            return -2; /* must be ascending */
        prev = cl->merge[i].term;
    }
    if (cnt > s->cap_terms) { /* stored with a larger configuration */
        select_top(cl->merge, cnt, s->cap_terms);
        cnt = s->cap_terms;
        qsort(cl->merge, cnt, sizeof *cl->merge, cmp_term);
    }
    for (size_t i = 0; i < cnt; i++) {
        s->terms[i] = cl->merge[i].term;
        s->w[i] = cl->merge[i].w;
    }
    s->n_terms = (uint16_t)cnt;
    story_norm(s);
    return 0;
}

static chr_err load(chr_cluster *cl, chr_diag *d)
{
    sqlite3_stmt *st = NULL;
    chr_err err = CHR_OK;
    int rc;
    if (sqlite3_prepare_v2(cl->db, "SELECT term, df FROM cluster_df", -1, &st, NULL) != SQLITE_OK)
        return db_err(cl->db, d, "load");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        term_ent *te = term_get(cl, (uint32_t)sqlite3_column_int64(st, 0), 1);
        if (!te) {
            sqlite3_finalize(st);
            return oom(d);
        }
        te->df = (uint32_t)sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_err(cl->db, d, "load df");
    if (sqlite3_prepare_v2(cl->db, "SELECT value FROM cluster_meta WHERE key = 'n_docs'", -1, &st,
                           NULL) != SQLITE_OK)
        return db_err(cl->db, d, "load");
    if (sqlite3_step(st) == SQLITE_ROW)
        cl->n_docs = (uint64_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(
            cl->db,
            "SELECT id, first_day, last_day, size, n_unique, centroid, lang FROM story "
            "ORDER BY id",
            -1, &st, NULL) != SQLITE_OK)
        return db_err(cl->db, d, "load");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        story *s = story_new(cl);
        if (!s || id_put(cl, sqlite3_column_int64(st, 0), (uint32_t)(s - cl->stories)) != 0) {
            err = oom(d);
            break;
        }
        s->id = sqlite3_column_int64(st, 0);
        const unsigned char *lg = sqlite3_column_text(st, 6);
        if (lg && strlen((const char *)lg) < sizeof s->lang)
            memcpy(s->lang, lg, strlen((const char *)lg) + 1);
        s->first = sqlite3_column_type(st, 1) == SQLITE_NULL ? NO_DAY : sqlite3_column_int(st, 1);
        s->last = sqlite3_column_type(st, 2) == SQLITE_NULL ? NO_DAY : sqlite3_column_int(st, 2);
        s->size = (uint32_t)sqlite3_column_int(st, 3);
        s->n_unique = (uint32_t)sqlite3_column_int(st, 4);
        int lr = centroid_load(cl, s, sqlite3_column_blob(st, 5), sqlite3_column_bytes(st, 5));
        if (lr != 0) {
            err = lr == -1 ? oom(d)
                           : chr_diag_set(d, CHR_EDB, "", 0, -1,
                                          "cluster: story %lld: bad centroid", (long long)s->id);
            break;
        }
        if (story_index(cl, s) != 0) {
            err = oom(d);
            break;
        }
    }
    if (err == CHR_OK && rc != SQLITE_DONE)
        err = db_err(cl->db, d, "load stories");
    sqlite3_finalize(st);
    if (err == CHR_OK)
        cl->loaded = 1;
    return err;
}

static void model_free(chr_cluster *cl)
{
    for (size_t i = 0; i < cl->n_stories; i++)
        free(cl->stories[i].terms);
    free(cl->stories);
    cl->stories = NULL;
    cl->n_stories = cl->cap_stories = 0;
    free(cl->id_keys);
    free(cl->id_vals);
    cl->id_keys = NULL;
    cl->id_vals = NULL;
    cl->id_mask = cl->id_used = 0;
    for (size_t i = 0; i < cl->n_posts; i++) {
        free(cl->posts[i].e);
        free(cl->posts[i].bmax);
    }
    free(cl->posts);
    cl->posts = NULL;
    cl->n_posts = cl->cap_posts = 0;
    free(cl->terms);
    cl->terms = NULL;
    cl->term_mask = cl->term_used = 0;
    cl->n_dirty = 0;
    cl->n_docs = 0;
    cl->loaded = 0;
    for (size_t i = 0; cl->ring && i < RING; i++)
        free(cl->ring[i].ents);
    free(cl->ring);
    cl->ring = NULL;
    cl->ring_next = 0;
    cl->ring_seq = 0;
}

chr_err chr_cluster_open(chr_store *st, const chr_cluster_opts *opts, chr_cluster **out,
                         chr_diag *d)
{
    *out = NULL;
    sqlite3 *db = st ? chr_store_sqlite(st) : NULL;
    if (!db)
        return chr_diag_set(d, CHR_EINVAL, "", 0, -1, "cluster: no database");
    chr_cluster *cl = calloc(1, sizeof *cl);
    if (!cl)
        return oom(d);
    cl->db = db;
    if (opts)
        cl->o = *opts;
    else
        chr_cluster_opts_default(&cl->o);
    if (cl->o.centroid_terms < 1)
        cl->o.centroid_terms = 1;
    if (cl->o.index_terms < 1)
        cl->o.index_terms = 1;
    if (cl->o.index_terms > cl->o.centroid_terms)
        cl->o.index_terms = cl->o.centroid_terms;
    if (cl->o.query_terms < 1)
        cl->o.query_terms = 1;
    if (cl->o.max_candidates < 1)
        cl->o.max_candidates = 1;
    chr_err err = CHR_OK;
    cl->ct = chr_ct_new();
    if (!cl->ct) {
        err = oom(d);
        goto fail;
    }
    err = chr_dedup_open(db, cl->o.dup_threshold, &cl->dd, d);
    if (err != CHR_OK)
        goto fail;
    struct {
        sqlite3_stmt **st;
        const char *sql;
    } stmts[] = {
        {&cl->s_find, "SELECT story_id, duplicate_of FROM story_article WHERE article_id = ?"},
        {&cl->s_ins_art, "INSERT INTO story_article(article_id, story_id, duplicate_of, "
                         "similarity) VALUES(?, ?, ?, ?)"},
        /* a new id is above every story and alias ever made: a story merged
         * away keeps its id as an alias, which must not name another */
        {&cl->s_ins_story, "INSERT INTO story(id, first_day, last_day, size, n_unique, centroid, "
                           "lang) VALUES(max(coalesce((SELECT max(id) FROM story), 0),"
                           " coalesce((SELECT max(id) FROM story_alias), 0)) + 1,"
                           " ?, ?, ?, ?, ?, ?)"},
        {&cl->s_upd_story, "UPDATE story SET first_day = ?, last_day = ?, size = ?, "
                           "n_unique = ?, centroid = ? WHERE id = ?"},
        {&cl->s_df, "INSERT OR REPLACE INTO cluster_df(term, df) VALUES(?, ?)"},
        {&cl->s_meta, "INSERT OR REPLACE INTO cluster_meta(key, value) VALUES(?, ?)"},
        {&cl->s_ent, "INSERT INTO story_entity(story_id, name, n) VALUES(?1, ?2, ?3) "
                     "ON CONFLICT(story_id, name) DO UPDATE SET n = n + ?3"},
        {&cl->s_mv_art, "UPDATE story_article SET story_id = ?1 WHERE story_id = ?2"},
        {&cl->s_mv_ent, "INSERT INTO story_entity(story_id, name, n) SELECT ?1, name, n "
                        "FROM story_entity WHERE story_id = ?2 AND 1 "
                        "ON CONFLICT(story_id, name) DO UPDATE SET n = n + excluded.n"},
        {&cl->s_del_ent, "DELETE FROM story_entity WHERE story_id = ?"},
        {&cl->s_del_story, "DELETE FROM story WHERE id = ?"},
        {&cl->s_alias, "INSERT OR REPLACE INTO story_alias(id, into_id) VALUES(?2, ?1)"},
        {&cl->s_realias, "UPDATE story_alias SET into_id = ?1 WHERE into_id = ?2"},
        /* by the old story first: duplicate_of has no index */
        {&cl->s_mv_one, "UPDATE story_article SET story_id = ?1 "
                        "WHERE story_id = ?3 AND (article_id = ?2 OR duplicate_of = ?2)"},
        {&cl->s_ent_dec, "UPDATE story_entity SET n = n - 1 WHERE story_id = ?1 AND name = ?2"},
        {&cl->s_ent_zero, "DELETE FROM story_entity WHERE story_id = ? AND n <= 0"},
    };
    for (size_t i = 0; i < sizeof stmts / sizeof stmts[0]; i++) {
        if (sqlite3_prepare_v2(db, stmts[i].sql, -1, stmts[i].st, NULL) != SQLITE_OK) {
            err = db_err(db, d, "prepare");
            goto fail;
        }
    }
    *out = cl;
    return CHR_OK;
fail:
    chr_cluster_close(cl, NULL);
    return err;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Write the changed document frequencies, all at once and in term order:
 * rows next to each other share B-tree pages, which a write in the order
 * of change (random terms) does not. Called at each of the caller's commits
 * (chr_cluster_flush: the tables then reload into the state in memory, a
 * word seen once included) and every DF_BATCH adds, so that a
 * frequency is written about once per batch however often it changes. */
static chr_err write_df(chr_cluster *cl, chr_diag *d)
{
    if (cl->n_dirty) /* none changed yet: no array */
        qsort(cl->dirty, cl->n_dirty, sizeof *cl->dirty, cmp_u32);
    for (size_t i = 0; i < cl->n_dirty; i++) {
        term_ent *te = term_get(cl, cl->dirty[i], 0);
        if (!te || !te->dirty)
            continue;
        sqlite3_reset(cl->s_df);
        sqlite3_bind_int64(cl->s_df, 1, te->term);
        sqlite3_bind_int64(cl->s_df, 2, te->df);
        int rc = sqlite3_step(cl->s_df);
        sqlite3_reset(cl->s_df);
        if (rc != SQLITE_DONE)
            return db_err(cl->db, d, "document frequencies");
        te->dirty = 0;
    }
    cl->n_dirty = 0;
    return CHR_OK;
}

static chr_err write_meta(chr_cluster *cl, chr_diag *d)
{
    sqlite3_reset(cl->s_meta);
    sqlite3_bind_text(cl->s_meta, 1, "n_docs", -1, SQLITE_STATIC);
    sqlite3_bind_int64(cl->s_meta, 2, (sqlite3_int64)cl->n_docs);
    int rc = sqlite3_step(cl->s_meta);
    sqlite3_reset(cl->s_meta);
    return rc == SQLITE_DONE ? CHR_OK : db_err(cl->db, d, "document count");
}

chr_err chr_cluster_flush(chr_cluster *cl, chr_diag *d)
{
    if (!cl || !cl->loaded || (!cl->n_dirty && !cl->since_flush))
        return CHR_OK;
    int own = sqlite3_get_autocommit(cl->db);
    if (own && sqlite3_exec(cl->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return db_err(cl->db, d, "flush");
    chr_err err = write_df(cl, d);
    if (err == CHR_OK)
        err = write_meta(cl, d);
    if (own) {
        if (err == CHR_OK && sqlite3_exec(cl->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            err = db_err(cl->db, d, "flush commit");
        if (err != CHR_OK)
            sqlite3_exec(cl->db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (err == CHR_OK)
        cl->since_flush = 0;
    return err;
}

void chr_cluster_discard(chr_cluster *cl)
{
    if (!cl)
        return;
    model_free(cl);
    chr_dedup_discard(cl->dd);
    cl->since_flush = 0;
}

chr_err chr_cluster_close(chr_cluster *cl, chr_diag *d)
{
    if (!cl)
        return CHR_OK;
    chr_err err = CHR_OK;
    if (cl->s_df)
        err = chr_cluster_flush(cl, d);
    model_free(cl);
    sqlite3_finalize(cl->s_find);
    sqlite3_finalize(cl->s_ins_art);
    sqlite3_finalize(cl->s_ins_story);
    sqlite3_finalize(cl->s_upd_story);
    sqlite3_finalize(cl->s_df);
    sqlite3_finalize(cl->s_meta);
    sqlite3_finalize(cl->s_ent);
    sqlite3_finalize(cl->s_mv_art);
    sqlite3_finalize(cl->s_mv_ent);
    sqlite3_finalize(cl->s_del_ent);
    sqlite3_finalize(cl->s_del_story);
    sqlite3_finalize(cl->s_alias);
    sqlite3_finalize(cl->s_realias);
    sqlite3_finalize(cl->s_mv_one);
    sqlite3_finalize(cl->s_ent_dec);
    sqlite3_finalize(cl->s_ent_zero);
    free(cl->scored);
    free(cl->wsel);
    chr_dedup_close(cl->dd);
    chr_ct_free(cl->ct);
    free(cl->dirty);
    free(cl->doc);
    free(cl->dmap);
    free(cl->touched);
    free(cl->merge);
    free(cl->sortbuf);
    free(cl->blob);
    free(cl);
    return err;
}

chr_err chr_cluster_reset(chr_store *st, chr_diag *d)
{
    sqlite3 *db = chr_store_sqlite(st);
    if (sqlite3_exec(db,
                     "DELETE FROM story_article; DELETE FROM story_entity; DELETE FROM story;"
                     "DELETE FROM story_alias;"
                     "DELETE FROM cluster_df; DELETE FROM cluster_meta;",
                     NULL, NULL, NULL) != SQLITE_OK)
        return db_err(db, d, "reset");
    if (chr_dedup_reset(db) != CHR_OK)
        return db_err(db, d, "reset dedup");
    return CHR_OK;
}

void chr_cluster_get_stats(const chr_cluster *cl, chr_cluster_stats *s)
{
    *s = cl->stats;
    s->stories = (long)cl->n_stories;
    s->terms = (long)cl->term_used;
}

/* ---- the article vector ---- */

static int doc_add(chr_cluster *cl, uint32_t term, float tf, int kind)
{
    if ((cl->n_doc + 1) * 2 > (cl->dmap ? cl->dmap_mask + 1 : 0)) {
        size_t cap = cl->dmap ? (cl->dmap_mask + 1) * 2 : 1024;
        uint32_t *m = calloc(cap, sizeof *m);
        if (!m)
            return -1;
        for (size_t i = 0; i < cl->n_doc; i++) {
            size_t j = hash32(cl->doc[i].term) & (cap - 1);
            while (m[j])
                j = (j + 1) & (cap - 1);
            m[j] = (uint32_t)i + 1;
        }
        free(cl->dmap);
        cl->dmap = m;
        cl->dmap_mask = cap - 1;
    }
    size_t j = hash32(term) & cl->dmap_mask;
    while (cl->dmap[j]) {
        dterm *e = &cl->doc[cl->dmap[j] - 1];
        if (e->term == term) {
            e->tf += tf;
            return 0;
        }
        j = (j + 1) & cl->dmap_mask;
    }
    if (chr_grow((void **)&cl->doc, &cl->cap_doc, cl->n_doc + 1, sizeof(dterm)) != 0)
        return -1;
    cl->doc[cl->n_doc] = (dterm){term, tf, 0, kind, 0};
    cl->dmap[j] = (uint32_t)++cl->n_doc;
    return 0;
}

static void doc_clear(chr_cluster *cl)
{
    if (cl->dmap && cl->dmap_mask >= 8192 && cl->n_doc * 16 < cl->dmap_mask) {
        free(cl->dmap); /* shrink after a very long article */
        cl->dmap = NULL;
        cl->dmap_mask = 0;
    } else if (cl->dmap) {
        memset(cl->dmap, 0, (cl->dmap_mask + 1) * sizeof *cl->dmap);
    }
    cl->n_doc = 0;
}

/* The terms of text[0..len) into cl->doc with weight tf each; every word
 * also goes to the shingle signature acc when given. */
static int add_words(chr_cluster *cl, const char *text, size_t len, const char *lang, float tf,
                     chr_minhash_acc *acc)
{
    /* two word buffers: a word's cache slot is prefetched while the word
     * before it is looked up */
    char bufs[2][CHR_CT_MAXWORD + 8];
    chr_ct_iter it;
    chr_ct_iter_init(&it, text, len);
    int wl, next_wl = -1, cur = 0;
    unsigned fl, next_fl = 0;
    uint64_t h, next_h = 0;
    for (;;) {
        /* the pending word becomes current; read the one after it */
        char *buf = bufs[cur];
        wl = next_wl;
        fl = next_fl;
        h = next_h;
        cur ^= 1;
        next_wl = chr_ct_next_word_ex(&it, bufs[cur], &next_fl);
        if (next_wl >= 0) {
            next_h = XXH3_64bits(bufs[cur], (size_t)next_wl);
            if (!(next_fl & CHR_CT_NUMERIC) && next_wl >= 2)
                chr_ct_prefetch(cl->ct, lang, next_h);
        }
        if (wl < 0) {
            if (next_wl < 0)
                break;
            continue; /* the first round only reads ahead */
        }
        if (acc)
            chr_minhash_word(acc, h, (fl & CHR_CT_NUMERIC) != 0);
        if ((fl & CHR_CT_NUMERIC) || wl < 2)
            continue;
        uint32_t t = chr_ct_term_hashed(cl->ct, lang, buf, (size_t)wl, h);
        if (t && doc_add(cl, word_id(t), tf, 0) != 0)
            return -1;
        /* a capitalised word inside a sentence is likely a name: also
         * counted unstemmed, the same in every language */
        if (cl->o.name_weight > 0 && (fl & CHR_CT_CAPITAL) && !(fl & CHR_CT_INITIAL) && t &&
            doc_add(cl, feature_id(chr_ct_feature(5, buf, (size_t)wl)), tf, 3) != 0)
            return -1;
    }
    return 0;
}

/* Is title (trimmed) the start of text? Then it is not counted twice. */
static int title_leads(const char *title, const char *text, size_t len)
{
    size_t tl = strlen(title);
    while (tl && (title[tl - 1] == ' ' || title[tl - 1] == '\n'))
        tl--;
    return tl <= len && memcmp(title, text, tl) == 0;
}

static int cmp_term(const void *a, const void *b)
{
    uint32_t x = ((const dterm *)a)->term, y = ((const dterm *)b)->term;
    return (x > y) - (x < y);
}

static void swap_dt(dterm *a, dterm *b)
{
    dterm t = *a;
    *a = *b;
    *b = t;
}

/* Sort v[0..n) by term: insertion sort when short, else an LSD radix sort
 * (3 passes of 11 bits) through a scratch buffer. qsort's indirect calls
 * were a tenth of the time of an add. */
static int sort_by_term(chr_cluster *cl, dterm *v, size_t n)
{
    if (n <= 48) {
        for (size_t i = 1; i < n; i++) {
            dterm x = v[i];
            size_t j = i;
            for (; j > 0 && v[j - 1].term > x.term; j--)
                v[j] = v[j - 1];
            v[j] = x;
        }
        return 0;
    }
    if (chr_grow((void **)&cl->sortbuf, &cl->cap_sortbuf, n, sizeof(dterm)) != 0)
        return -1;
    /* a few hundred terms (an article, a centroid): 4 passes of 8 bits, whose
     * counts stay small; long texts: 3 passes of 11 bits */
    int bits = n < 1024 ? 8 : 11, passes = n < 1024 ? 4 : 3;
    uint32_t mask = (1u << bits) - 1;
    dterm *src = v, *dst = cl->sortbuf;
    for (int pass = 0; pass < passes; pass++) {
        int shift = bits * pass;
        size_t count[2048 + 1];
        memset(count, 0, (mask + 2) * sizeof count[0]);
        for (size_t i = 0; i < n; i++)
            count[((src[i].term >> shift) & mask) + 1]++;
        for (size_t b = 0; b < mask + 1; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            dst[count[(src[i].term >> shift) & mask]++] = src[i];
        dterm *t = src;
        src = dst;
        dst = t;
    }
    if (src != v) /* odd number of passes: the result is in the scratch */
        memcpy(v, src, n * sizeof *v);
    return 0;
}

/* Partially order v[0..n) so that v[0..k) hold the k heaviest (any order):
 * quickselect with a three-way partition (many weights are equal). */
static void select_top(dterm *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    if (k >= n)
        return;
    while (hi - lo > 1) {
        float pv = v[lo + (hi - lo) / 2].w;
        size_t lt = lo, i = lo, gt = hi; /* [lo,lt) > pv, [lt,i) == pv, [gt,hi) < pv */
        while (i < gt) {
            if (v[i].w > pv)
                swap_dt(&v[lt++], &v[i++]);
            else if (v[i].w < pv)
                swap_dt(&v[i], &v[--gt]);
            else
                i++;
        }
        if (k <= lt)
            hi = lt;
        else if (k <= gt)
            return;
        else
            lo = gt;
    }
}

/* Build the unit vector of an article in cl->doc, sorted by term.
 * update_df: count it in the document frequencies first. */
/* Collect the terms of an article into cl->doc (term frequencies only)
 * and the shingle signature of its text into acc. */
static int doc_collect(chr_cluster *cl, const chr_cluster_input *in, chr_minhash_acc *acc)
{
    doc_clear(cl);
    const char *text = in->text ? in->text : "";
    size_t len = in->text ? in->text_len : 0;
    if (in->title && *in->title) {
        /* a headline that also opens the text is not counted twice */
        double tw = cl->o.title_weight - (title_leads(in->title, text, len) ? 1 : 0);
        if (tw > 0 &&
            add_words(cl, in->title, strlen(in->title), cl->doc_lang, (float)tw, NULL) != 0)
            return -1;
    }
    if (add_words(cl, text, len, cl->doc_lang, 1.0f, acc) != 0)
        return -1;
    char buf[256];
    for (size_t i = 0; i < in->n_entities; i++) {
        const char *e = in->entities[i];
        if (!e || !*e)
            continue;
        /* by the name's key: the spelling shown may change as articles come
         * ("Vladímir Putin", "Vladimir Putin"; "U.S.", "US") */
        size_t n = chr_entity_key(e, buf, sizeof buf);
        if (n >= sizeof buf)
            n = sizeof buf - 1;
        if (doc_add(cl, feature_id(chr_ct_feature(1, buf, n)), 1.0f, 1) != 0)
            return -1;
    }
    for (size_t i = 0; i < in->n_dates; i++) {
        const char *s = in->dates[i];
        if (chr_cluster_parse_day(s) == NO_DAY)
            continue;
        if (doc_add(cl, feature_id(chr_ct_feature(2, s, 10)), 1.0f, 2) != 0)
            return -1;
    }
    return 0;
}

/* Weigh the collected terms (TF-IDF, sublinear tf), counting the article in
 * the document frequencies first when update_df; normalise; sort by term. */
static int doc_weight(chr_cluster *cl, int update_df)
{
    if (update_df)
        cl->n_docs++;
    double n_docs = (double)(cl->n_docs ? cl->n_docs : 1);
    double norm = 0;
    for (size_t i = 0; i < cl->n_doc; i++) {
        dterm *e = &cl->doc[i];
        /* the term table outgrows the caches: load a few terms ahead */
        if (cl->terms && i + 8 < cl->n_doc)
            PREFETCH(&cl->terms[hash32(cl->doc[i + 8].term) & cl->term_mask]);
        term_ent *te = term_get(cl, e->term, update_df);
        if (update_df) {
            if (!te)
                return -1;
            te->df++;
            if (!te->dirty) {
                if (chr_grow((void **)&cl->dirty, &cl->cap_dirty, cl->n_dirty + 1,
                             sizeof(uint32_t)) != 0)
                    return -1;
                cl->dirty[cl->n_dirty++] = e->term;
                te->dirty = 1;
            }
        }
        double df = te ? te->df : 1;
        e->df = te ? te->df : 1;
        double idf = log((n_docs + 1) / (df + 1)) + 1;
        double w = (1 + log(e->tf)) * idf;
        if (e->kind == 1)
            w *= cl->o.entity_weight;
        else if (e->kind == 2)
            w *= cl->o.date_weight;
        else if (e->kind == 3)
            w *= cl->o.name_weight;
        e->w = (float)w;
        norm += w * w;
    }
    norm = sqrt(norm);
    for (size_t i = 0; i < cl->n_doc; i++)
        cl->doc[i].w = norm > 0 ? (float)(cl->doc[i].w / norm) : 0;
    if (sort_by_term(cl, cl->doc, cl->n_doc) != 0)
        return -1;
    doc_index(cl);
    return 0;
}

/* The term map and filter of cl->doc (sorted by term), rebuilt. */
static void doc_index(chr_cluster *cl)
{
    memset(cl->dbloom, 0, sizeof cl->dbloom);
    if (!cl->dmap)
        return;
    memset(cl->dmap, 0, (cl->dmap_mask + 1) * sizeof *cl->dmap);
    for (size_t i = 0; i < cl->n_doc; i++) {
        uint32_t b = (cl->doc[i].term >> 1) & 4095;
        cl->dbloom[b >> 6] |= 1ULL << (b & 63);
        size_t j = hash32(cl->doc[i].term) & cl->dmap_mask;
        while (cl->dmap[j])
            j = (j + 1) & cl->dmap_mask;
        cl->dmap[j] = (uint32_t)i + 1;
    }
}

/* ---- assignment ---- */

static int32_t gap_days(const story *s, int32_t day)
{
    if (day == NO_DAY || s->first == NO_DAY)
        return 0;
    if (day < s->first)
        return s->first - day;
    if (day > s->last)
        return day - s->last;
    return 0;
}

static int doc_is_long(const chr_cluster *cl);

/* How time changes a similarity between an article or story spanning days
 * [a0, a1] and a story spanning [b0, b1]: news comes in bursts, so close in
 * time is evidence for the same story (near_boost within near_days, for
 * headlines; near_boost_long for the article being added when it is long),
 * and the evidence decays with a half-life beyond. Undated: no evidence (1). */
static double time_factor(const chr_cluster *cl, int32_t b0, int32_t b1, int32_t a0, int32_t a1)
{
    if (a0 == NO_DAY || b0 == NO_DAY)
        return 1;
    int32_t gap = a1 < b0 ? b0 - a1 : (a0 > b1 ? a0 - b1 : 0);
    double boost = doc_is_long(cl) ? cl->o.near_boost_long : cl->o.near_boost;
    double f = boost > 0 ? boost : 1;
    if (gap > cl->o.near_days && cl->o.halflife_days > 0)
        f *= pow(0.5, (gap - cl->o.near_days) / cl->o.halflife_days);
    return f;
}

/* The document frequency from which a term is a commonplace of the stream:
 * in more than common_share of the articles so far and in common_min of them
 * at least (UINT32_MAX: none). Sharing commonplaces is what articles of one
 * genre have in common, not evidence of one development: the results of two
 * thousand companies ("shr", "net", "revs", "qtr" are each in a tenth of a
 * financial wire's articles) joined one story on them. idf already weighs
 * such a term less, but not enough when a template shares a dozen of them,
 * while each article's own subject, the company, is one or two names. */
static uint32_t common_df(const chr_cluster *cl)
{
    if (cl->o.common_share <= 0 || cl->o.common_min <= 0)
        return UINT32_MAX;
    double cut = floor(cl->o.common_share * (double)cl->n_docs) + 1;
    if (cut < cl->o.common_min)
        cut = cl->o.common_min;
    return cut >= (double)UINT32_MAX ? UINT32_MAX : (uint32_t)cut;
}

/* The document frequency below which a word is specific (see
 * chr_cluster_opts.specific_share); 0: no rule. */
static uint32_t specific_df(const chr_cluster *cl)
{
    if (cl->o.specific_share <= 0)
        return 0;
    double cut = floor(cl->o.specific_share * (double)cl->n_docs);
    if (cut < cl->o.specific_min)
        cut = cl->o.specific_min;
    return cut >= (double)UINT32_MAX ? UINT32_MAX : (uint32_t)cut;
}

/* Whether story s keeps a word in fewer than specific articles. A story
 * without one (a flash headline whose words are all frequent: "BANK OF
 * JAPAN RE-ENTERS MARKET AND STEPS UP DOLLAR BUYING") has no subject of its
 * own to check, and the report that follows it may join it. */
static int story_has_specific(const chr_cluster *cl, const story *s, uint32_t specific)
{
    if (!cl->terms)
        return 0;
    for (uint32_t j = 0; j < s->n_terms; j++) {
        uint32_t t = s->terms[j];
        if (IS_FEATURE(t))
            continue;
        for (size_t k = hash32(t) & cl->term_mask; cl->terms[k].term; k = (k + 1) & cl->term_mask)
            if (cl->terms[k].term == t) {
                if (cl->terms[k].df < specific)
                    return 1;
                break;
            }
    }
    return 0;
}

/* Across languages words do not match: the cosine of the article and the
 * story restricted to their language-independent features (names,
 * entities, dates). */
static double cosine_features(const chr_cluster *cl, const story *s)
{
    double dot = 0, nd = 0, ns = 0;
    size_t i = 0, j = 0;
    const dterm *d = cl->doc;
    for (size_t k = 0; k < cl->n_doc; k++)
        if (IS_FEATURE(d[k].term))
            nd += (double)d[k].w * d[k].w;
    for (uint32_t k = 0; k < s->n_terms; k++)
        if (IS_FEATURE(s->terms[k]))
            ns += (double)s->w[k] * s->w[k];
    if (nd <= 0 || ns <= 0)
        return 0;
    uint32_t common = common_df(cl);
    while (i < cl->n_doc && j < s->n_terms) {
        if (d[i].term < s->terms[j])
            i++;
        else if (d[i].term > s->terms[j])
            j++;
        else if (IS_FEATURE(d[i].term) && d[i].df < common)
            dot += (double)d[i++].w * s->w[j++];
        else
            i++, j++;
    }
    return dot / sqrt(nd * ns);
}

/* Cosine of the (unit, term-sorted) article vector with a story centroid,
 * commonplace terms left out of the dot product (common_df). */
static double cosine(const chr_cluster *cl, const story *s)
{
    if (s->norm <= 0)
        return 0;
    if (cl->doc_lang[0] && s->lang[0] && strcmp(cl->doc_lang, s->lang) != 0)
        return cosine_features(cl, s);
    uint32_t common = common_df(cl), specific = specific_df(cl);
    int shares = specific == 0 || cl->headline;
    /* each centroid term looked up in the article's term map (small, in
     * cache): cheaper than a merge of two sorted lists, whose branches
     * cannot be predicted; most centroid terms are not in the article, and
     * a bit filter turns those away before the hash probe */
    double dot = 0;
    const dterm *d = cl->doc;
    for (uint32_t j = 0; j < s->n_terms; j++) {
        uint32_t t = s->terms[j], b = (t >> 1) & 4095;
        if (!(cl->dbloom[b >> 6] & (1ULL << (b & 63))))
            continue;
        for (size_t k = hash32(t) & cl->dmap_mask; cl->dmap[k]; k = (k + 1) & cl->dmap_mask)
            if (d[cl->dmap[k] - 1].term == t) {
                if (d[cl->dmap[k] - 1].df < common)
                    dot += (double)d[cl->dmap[k] - 1].w * s->w[j];
                if (!IS_FEATURE(t) && d[cl->dmap[k] - 1].df < specific)
                    shares = 1;
                break;
            }
    }
    return shares || !story_has_specific(cl, s, specific) ? dot / s->norm : 0;
}

/* Short texts (headlines) have few terms */
static int doc_is_long(const chr_cluster *cl)
{
    return cl->n_doc >= (size_t)cl->o.long_terms;
}

/* Whether the article in cl->doc is a headline: no title of its own, one
 * line of text, at most headline_words distinct words. An article with a
 * title (a wire brief, an RSS item's summary, a page) is a report however
 * short; a two-paragraph report is no headline either. */
static int doc_is_headline(const chr_cluster *cl, const chr_cluster_input *in)
{
    if (cl->o.headline_words <= 0 || !in->text || (in->title && *in->title))
        return 0;
    size_t n = in->text_len;
    while (n > 0 && (in->text[n - 1] == '\n' || in->text[n - 1] == '\r' || in->text[n - 1] == ' '))
        n--;
    if (n == 0 || memchr(in->text, '\n', n))
        return 0;
    int words = 0;
    for (size_t i = 0; i < cl->n_doc && words <= cl->o.headline_words; i++)
        words += cl->doc[i].kind == 0;
    return words <= cl->o.headline_words;
}

/* The time window of the article being placed. */
static int doc_window(const chr_cluster *cl, int is_headline)
{
    return is_headline ? cl->o.headline_window_days : cl->o.window_days;
}

/* The article's similarity to a story: the centroid cosine c, corrected
 * for the story's size with the average-link similarity a (the mean cosine
 * to its articles, c * |centroid| / articles): c^(1-x) * a^x. A centroid
 * averages noise away, so members score higher against a large story than
 * against a single article; x > 0 evens that out for long texts (stories on
 * one topic stay apart), x < 0 favours grown stories for headlines, whose
 * cosine to one other headline says little. */
static double link_sim(const chr_cluster *cl, const story *s)
{
    double c = cosine(cl, s);
    double x = cl->headline      ? cl->o.link_headline
               : doc_is_long(cl) ? cl->o.link_long
                                 : cl->o.link_short;
    if (x == 0 || s->n_unique <= 1 || c <= 0)
        return c;
    double avg = c * s->norm / s->n_unique;
    return pow(c, 1 - x) * pow(avg, x);
}

/* Add weight w to the partial score of each story in posting list p within
 * the time window of day (those not seen yet go to cl->touched). Newest
 * first; a long run of stories outside the window means the list has gone
 * back past it (lists grow in arrival order). A posting stamped before edge
 * (see story_stamp) is outside without reading its story, which is not in
 * the cache, and a block of PBLOCK of them without reading them. */
static int scan_list(chr_cluster *cl, const posting *p, float w, int32_t day, int64_t edge)
{
    uint32_t stop = p->n > (uint32_t)cl->o.scan_limit ? p->n - (uint32_t)cl->o.scan_limit : 0;
    uint32_t outside = 0;
    for (uint32_t i = p->n; i > stop && outside < OUTSIDE_RUN;) {
        uint32_t b = (i - 1) / PBLOCK, lo = b * PBLOCK > stop ? b * PBLOCK : stop;
        if (p->bmax[b] < edge) {
            outside += i - lo;
            i = lo;
            continue;
        }
        for (; i > lo && outside < OUTSIDE_RUN;) {
            pent e = p->e[--i];
            cl->stats.postings++;
            if (e.stamp < edge) {
                outside++;
                continue;
            }
            story *s = &cl->stories[e.slot];
            cl->stats.looked++;
            if (s->qstamp != cl->qstamp) {
                if (s->dead)
                    continue;
                if (gap_days(s, day) > cl->win) {
                    outside++;
                    continue;
                }
                outside = 0;
                if (chr_grow((void **)&cl->touched, &cl->cap_touched, cl->n_touched + 1,
                             sizeof(uint32_t)) != 0)
                    return -1;
                s->qstamp = cl->qstamp;
                s->qscore = 0;
                cl->touched[cl->n_touched++] = e.slot;
            }
            s->qscore += w;
        }
    }
    return 0;
}

/* Candidates through the inverted index: stories posting one of the
 * article's heaviest terms, within the time window; returns the best story
 * slot (or -1) and its similarity. */
static long find_best(chr_cluster *cl, int32_t day, double *best_sim)
{
    *best_sim = 0;
    cl->n_scored = 0;
    if (!cl->n_stories || !cl->n_doc)
        return -1;
    if (chr_grow((void **)&cl->merge, &cl->cap_merge, cl->n_doc, sizeof(dterm)) != 0)
        return -2;
    /* the heaviest terms, without disturbing cl->doc; a term no earlier
     * article had cannot find anything */
    dterm *top = cl->merge;
    size_t n_top = 0;
    for (size_t i = 0; i < cl->n_doc; i++)
        if (cl->doc[i].df > 1)
            top[n_top++] = cl->doc[i];
    size_t q = (size_t)cl->o.query_terms < n_top ? (size_t)cl->o.query_terms : n_top;
    select_top(top, n_top, q);
    /* plus the heaviest features among the rest, which find stories in
     * other languages */
    size_t nf = 0;
    for (size_t pass = 0; pass < FEATURE_POSTS; pass++) {
        size_t m = 0;
        for (size_t i = q + nf; i < n_top; i++)
            if (IS_FEATURE(top[i].term) && (!m || top[i].w > top[m].w))
                m = i;
        if (!m)
            break;
        swap_dt(&top[q + nf], &top[m]);
        nf++;
    }
    q += nf;
    if (++cl->qstamp == 0) {
        for (size_t i = 0; i < cl->n_stories; i++)
            cl->stories[i].qstamp = 0;
        cl->qstamp = 1;
    }
    cl->n_touched = 0;
    /* postings stamped before this are of stories that ended more than the
     * window before day: last < stamp + STAMP_DAYS <= day - window */
    int64_t edge = day == NO_DAY ? INT64_MIN : (int64_t)day - cl->win - (STAMP_DAYS - 1);
    /* the lists are far apart in memory: their headers, then their newest
     * entries, are requested for all the terms before the first is read
     * (top[k].df, a copy, holds the list: 1 + index, 0 none) */
    for (size_t k = 0; k < q; k++) {
        term_ent *te = term_get(cl, top[k].term, 0);
        top[k].df = te ? te->post : 0;
        if (top[k].df)
            PREFETCH(&cl->posts[top[k].df - 1]);
    }
    for (size_t k = 0; k < q; k++) {
        const posting *p = top[k].df ? &cl->posts[top[k].df - 1] : NULL;
        if (p && p->n) {
            PREFETCH(&p->bmax[(p->n - 1) / PBLOCK]);
            PREFETCH(&p->e[p->n - 1]);
        }
    }
    for (size_t k = 0; k < q; k++)
        if (top[k].df && scan_list(cl, &cl->posts[top[k].df - 1], top[k].w, day, edge) != 0)
            return -2;
    /* the max_candidates best by partial score, then the exact cosine */
    size_t c =
        cl->n_touched < (size_t)cl->o.max_candidates ? cl->n_touched : (size_t)cl->o.max_candidates;
    for (size_t k = 0; k < c; k++) {
        size_t m = k;
        for (size_t i = k + 1; i < cl->n_touched; i++)
            if (cl->stories[cl->touched[i]].qscore > cl->stories[cl->touched[m]].qscore)
                m = i;
        uint32_t t = cl->touched[k];
        cl->touched[k] = cl->touched[m];
        cl->touched[m] = t;
    }
    long best = -1;
    if (chr_grow((void **)&cl->scored, &cl->cap_scored, c + 1, sizeof(float)) != 0)
        return -2;
    cl->n_scored = c;
    for (size_t k = 0; k < c; k++) /* their centroids, all requested at once */
        PREFETCH(cl->stories[cl->touched[k]].terms);
    for (size_t k = 0; k < c; k++) {
        story *s = &cl->stories[cl->touched[k]];
        double sim = link_sim(cl, s) * time_factor(cl, s->first, s->last, day, day);
        cl->scored[k] = (float)sim;
        if (sim > *best_sim || (sim == *best_sim && best >= 0 && s->id < cl->stories[best].id)) {
            *best_sim = sim;
            best = (long)cl->touched[k];
        }
    }
    cl->stats.candidates += (long)c;
    return best;
}

/* Add a term-sorted vector (t[i], w[i]) into the centroid of s, prune it
 * to the story's size and repost its top terms. */
static int centroid_add(chr_cluster *cl, story *s, const uint32_t *t, const float *w, size_t n_in,
                        size_t stride)
{
    if (story_reserve(cl, s, s->n_unique) != 0)
        return -1;
    size_t need = s->n_terms + n_in;
    if (chr_grow((void **)&cl->merge, &cl->cap_merge, need, sizeof(dterm)) != 0)
        return -1;
    dterm *m = cl->merge;
    size_t n = 0, i = 0, j = 0;
#define T_AT(k) (*(const uint32_t *)((const char *)t + (k)*stride))
#define W_AT(k) (*(const float *)((const char *)w + (k)*stride))
    while (i < n_in || j < s->n_terms) {
        if (j >= s->n_terms || (i < n_in && T_AT(i) < s->terms[j])) {
            m[n++] = (dterm){T_AT(i), 0, W_AT(i), 0, 0};
            i++;
        } else if (i >= n_in || T_AT(i) > s->terms[j]) {
            m[n++] = (dterm){s->terms[j], 0, s->w[j], 0, 0};
            j++;
        } else {
            m[n++] = (dterm){s->terms[j], 0, s->w[j] + W_AT(i), 0, 0};
            i++;
            j++;
        }
    }
#undef T_AT
#undef W_AT
    size_t keep = s->cap_terms, kept = 0;
    if (n > keep) { /* pruned to the heaviest, still in term order */
        float cut;
        size_t ties;
        if (heaviest_cut(cl, &m[0].w, sizeof *m, n, keep, &cut, &ties) != 0)
            return -1;
        for (size_t k = 0; k < n && kept < keep; k++) {
            if (m[k].w < cut || (m[k].w == cut && !ties))
                continue;
            if (m[k].w == cut)
                ties--;
            s->terms[kept] = m[k].term;
            s->w[kept++] = m[k].w;
        }
    } else {
        for (size_t k = 0; k < n; k++) {
            s->terms[k] = m[k].term;
            s->w[k] = m[k].w;
        }
        kept = n;
    }
    s->n_terms = (uint16_t)kept;
    story_norm(s);
    return story_index(cl, s);
}

static int centroid_merge(chr_cluster *cl, story *s)
{
    if (!cl->n_doc) { /* the span may have moved */
        story_restamp(cl, s);
        return story_reserve(cl, s, s->n_unique);
    }
    return centroid_add(cl, s, &cl->doc[0].term, &cl->doc[0].w, cl->n_doc, sizeof(dterm));
}

static void span_add(story *s, int32_t day)
{
    if (day == NO_DAY)
        return;
    if (s->first == NO_DAY || day < s->first)
        s->first = day;
    if (s->last == NO_DAY || day > s->last)
        s->last = day;
}

static chr_err save_story(chr_cluster *cl, story *s, int insert, chr_diag *d)
{
    if (chr_grow((void **)&cl->blob, &cl->cap_blob, 8 * (size_t)s->n_terms + 8, 1) != 0)
        return oom(d);
    unsigned char *blob = cl->blob;
    centroid_blob(s, blob);
    sqlite3_stmt *st = insert ? cl->s_ins_story : cl->s_upd_story;
    sqlite3_reset(st);
    if (s->first == NO_DAY) {
        sqlite3_bind_null(st, 1);
        sqlite3_bind_null(st, 2);
    } else {
        sqlite3_bind_int(st, 1, s->first);
        sqlite3_bind_int(st, 2, s->last);
    }
    sqlite3_bind_int64(st, 3, s->size);
    sqlite3_bind_int64(st, 4, s->n_unique);
    sqlite3_bind_blob(st, 5, blob, (int)(8 * s->n_terms), SQLITE_STATIC);
    if (!insert)
        sqlite3_bind_int64(st, 6, s->id);
    else if (s->lang[0])
        sqlite3_bind_text(st, 6, s->lang, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, 6);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_err(cl->db, d, "save story");
    return CHR_OK;
}

/* The story of a stored assignment: 1 found (sets *story, *dup), 0 not. */
static int find_assignment(chr_cluster *cl, int64_t article, int64_t *story_id, int64_t *dup)
{
    sqlite3_reset(cl->s_find);
    sqlite3_bind_int64(cl->s_find, 1, article);
    int found = 0;
    if (sqlite3_step(cl->s_find) == SQLITE_ROW) {
        *story_id = sqlite3_column_int64(cl->s_find, 0);
        *dup = sqlite3_column_int64(cl->s_find, 1);
        found = 1;
    }
    sqlite3_reset(cl->s_find);
    return found;
}

/* Count n more mentions of name in the story (s_ent). */
static int count_entity(chr_cluster *cl, int64_t story_id, const char *name, int n)
{
    sqlite3_reset(cl->s_ent);
    sqlite3_bind_int64(cl->s_ent, 1, story_id);
    sqlite3_bind_text(cl->s_ent, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(cl->s_ent, 3, n);
    int rc = sqlite3_step(cl->s_ent);
    sqlite3_reset(cl->s_ent);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The article's mentions into the story's entity counts: one upsert per
 * name, however often the article names it. */
static chr_err add_entities(chr_cluster *cl, int64_t story_id, const chr_cluster_input *in,
                            chr_diag *d)
{
    if (!in->n_entities)
        return CHR_OK;
    const char **v = malloc(in->n_entities * sizeof *v);
    if (!v)
        return oom(d);
    size_t n = 0;
    for (size_t i = 0; i < in->n_entities; i++)
        if (in->entities[i] && *in->entities[i])
            v[n++] = in->entities[i];
    qsort(v, n, sizeof *v, by_name);
    int rc = 0;
    for (size_t i = 0, j; i < n && !rc; i = j) {
        for (j = i + 1; j < n && strcmp(v[j], v[i]) == 0; j++)
            ;
        rc = count_entity(cl, story_id, v[i], (int)(j - i));
    }
    free(v);
    return rc ? db_err(cl->db, d, "story entity") : CHR_OK;
}

/* Dot product of two term-sorted sparse vectors. */
static double sparse_dot(const uint32_t *ta, const float *wa, uint32_t na, const uint32_t *tb,
                         const float *wb, uint32_t nb)
{
    double dot = 0;
    uint32_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (ta[i] < tb[j])
            i++;
        else if (ta[i] > tb[j])
            j++;
        else
            dot += (double)wa[i++] * wb[j++];
    }
    return dot;
}

/* Cosine of two story centroids, commonplace terms left out of the dot
 * product (common_df). */
static double centroid_cosine(chr_cluster *cl, const story *a, const story *b)
{
    if (a->norm <= 0 || b->norm <= 0)
        return 0;
    uint32_t common = common_df(cl);
    double dot = 0;
    uint32_t i = 0, j = 0;
    while (i < a->n_terms && j < b->n_terms) {
        if (a->terms[i] < b->terms[j]) {
            i++;
        } else if (a->terms[i] > b->terms[j]) {
            j++;
        } else {
            const term_ent *te = term_get(cl, a->terms[i], 0);
            if (!te || te->df < common)
                dot += (double)a->w[i] * b->w[j];
            i++, j++;
        }
    }
    return dot / ((double)a->norm * b->norm);
}

/* The cohesion the union of stories a and b (centroid cosine c) would have:
 * |Ca + Cb| / (na + nb), 1 for identical articles, 1/sqrt(n) for unrelated
 * ones. Two large stories of one broad field (markets, earnings) have
 * centroids close to the field's mean, so their cosine is high though their
 * articles have little in common: their union is loose. */
static double merged_cohesion(const story *a, const story *b, double c)
{
    double na = a->norm, nb = b->norm;
    double n = (double)a->n_unique + b->n_unique;
    return n > 0 ? sqrt(na * na + nb * nb + 2 * c * na * nb) / n : 1;
}

static int32_t span_gap(const story *a, const story *b)
{
    if (a->first == NO_DAY || b->first == NO_DAY)
        return 0;
    if (b->first > a->last)
        return b->first - a->last;
    if (a->first > b->last)
        return a->first - b->last;
    return 0;
}

/* Two ids, one statement, stepped once. */
static int step2(sqlite3_stmt *st, int64_t a, int64_t b)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, a);
    if (sqlite3_bind_parameter_count(st) >= 2)
        sqlite3_bind_int64(st, 2, b);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Merge stories a and b: the older (smaller id) survives and is returned;
 * the other's articles move to it and its id becomes an alias. */
static story *merge_stories(chr_cluster *cl, story *a, story *b, int keep_a, chr_err *err,
                            chr_diag *d)
{
    if (!keep_a && b->id < a->id) {
        story *t = a;
        a = b;
        b = t;
    }
    /* the two ring chains become one when both are whole and small */
    uint32_t aslot = (uint32_t)(a - cl->stories), bslot = (uint32_t)(b - cl->stories);
    uint32_t both[2 * SPLIT_MAX];
    int in_a = story_members(cl, aslot, both, SPLIT_MAX);
    int in_b = story_members(cl, bslot, both + in_a, SPLIT_MAX);
    if ((uint32_t)in_a == a->n_unique && (uint32_t)in_b == b->n_unique && in_a + in_b <= SPLIT_MAX)
        story_relink(cl, aslot, both, in_a + in_b);
    else
        a->ring_head = 0;
    b->ring_head = 0;
    a->size += b->size;
    a->n_unique += b->n_unique;
    if (b->first != NO_DAY) {
        span_add(a, b->first);
        span_add(a, b->last);
    }
    /* b's terms are copied out first: centroid_add writes the scratch */
    uint32_t nb = b->n_terms;
    uint32_t *bt = malloc((size_t)nb * 8 + 8);
    if (!bt) {
        *err = oom(d);
        return NULL;
    }
    float *bw = (float *)(bt + nb);
    memcpy(bt, b->terms, nb * sizeof *bt);
    memcpy(bw, b->w, nb * sizeof *bw);
    int rc = centroid_add(cl, a, bt, bw, nb, sizeof(uint32_t));
    free(bt);
    if (rc != 0) {
        *err = oom(d);
        return NULL;
    }
    int64_t gone = b->id;
    story_kill(cl, b);
    free(b->terms);
    b->terms = NULL;
    b->w = NULL;
    b->idx = NULL;
    b->cap_terms = b->cap_idx = 0;
    if (step2(cl->s_mv_art, a->id, gone) || step2(cl->s_mv_ent, a->id, gone) ||
        step2(cl->s_del_ent, gone, 0) || step2(cl->s_del_story, gone, 0) ||
        step2(cl->s_alias, a->id, gone) || step2(cl->s_realias, a->id, gone)) {
        *err = db_err(cl->db, d, "merge");
        return NULL;
    }
    if ((*err = save_story(cl, a, 0, d)) != CHR_OK)
        return NULL;
    cl->stats.merges++;
    return a;
}

/* Would the split test part stories a and b? Their articles in the ring as
 * the two groups: the mean cosine between the groups below split_remerge x
 * the looser group's mean inner cosine. Without it, the next article that
 * matches both merges the halves of a split again (their centroids stay
 * close: a split parts stories on one topic), and two developments of one
 * field that arrive one after the other (a third one's articles match
 * both) end as one story. 0 (they may merge) when some of their articles
 * have left the ring, or when most of them are short texts. */
static int still_apart(chr_cluster *cl, const story *a, const story *b)
{
    uint32_t ia[SPLIT_MAX], ib[SPLIT_MAX];
    if (cl->o.split_remerge <= 0 || a->n_unique > SPLIT_MAX || b->n_unique > SPLIT_MAX)
        return 0;
    int na = story_members(cl, (uint32_t)(a - cl->stories), ia, SPLIT_MAX);
    int nb = story_members(cl, (uint32_t)(b - cl->stories), ib, SPLIT_MAX);
    if ((uint32_t)na != a->n_unique || (uint32_t)nb != b->n_unique || na < 2 || nb < 2)
        return 0;
    /* the cosine of two headlines says little (see link_sim): stories of
     * mostly short texts merge on their centroids as any others */
    int n_long = 0;
    for (int i = 0; i < na; i++)
        n_long += cl->ring[ia[i]].is_long;
    for (int i = 0; i < nb; i++)
        n_long += cl->ring[ib[i]].is_long;
    if (n_long * 2 < na + nb)
        return 0;
    double in[2] = {0, 0}, between = 0;
    for (int i = 0; i < na; i++)
        for (int j = i + 1; j < na; j++)
            in[0] += member_cos(&cl->ring[ia[i]], &cl->ring[ia[j]]);
    for (int i = 0; i < nb; i++)
        for (int j = i + 1; j < nb; j++)
            in[1] += member_cos(&cl->ring[ib[i]], &cl->ring[ib[j]]);
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
            between += member_cos(&cl->ring[ia[i]], &cl->ring[ib[j]]);
    in[0] /= na * (na - 1) / 2.0;
    in[1] /= nb * (nb - 1) / 2.0;
    between /= (double)na * nb;
    return between < cl->o.split_remerge * (in[0] < in[1] ? in[0] : in[1]);
}

/* After s took an article: merge into it the other candidates the article
 * also matched whose centroids are close to s's. */
static story *merge_candidates(chr_cluster *cl, story *s, double thr, chr_err *err, chr_diag *d)
{
    *err = CHR_OK;
    double mthr = cl->headline ? cl->o.headline_merge_threshold : cl->o.merge_threshold;
    if (mthr <= 0)
        return s;
    for (size_t k = 0; k < cl->n_scored; k++) {
        story *b = &cl->stories[cl->touched[k]];
        if (b == s || b->dead || cl->scored[k] < thr || span_gap(s, b) > cl->win)
            continue;
        double f = time_factor(cl, s->first, s->last, b->first, b->last);
        double c = centroid_cosine(cl, s, b);
        if (c * f >= mthr && merged_cohesion(s, b, c) >= cl->o.merge_cohesion &&
            !still_apart(cl, s, b)) {
            s = merge_stories(cl, s, b, 0, err, d);
            if (!s)
                return NULL;
        }
    }
    return s;
}

/* ---- bounded repair: the ring of recent articles, story splits ---- */

static float member_cos(const member *a, const member *b)
{
    if (a->norm <= 0 || b->norm <= 0)
        return 0;
    return (float)(sparse_dot(a->terms, a->w, a->n_terms, b->terms, b->w, b->n_terms) /
                   ((double)a->norm * b->norm));
}

/* The ring indexes of story slot's articles, newest first, at most max:
 * its chain ends where an entry was reused (the reuse made it newer than
 * the entry pointing to it). */
static int story_members(const chr_cluster *cl, uint32_t slot, uint32_t *idx, int max)
{
    int n = 0;
    uint64_t last = UINT64_MAX;
    for (uint32_t i = cl->ring ? cl->stories[slot].ring_head : 0; i && n < max;) {
        const member *m = &cl->ring[i - 1];
        if (!m->article_id || m->slot != slot || m->seq >= last)
            break;
        idx[n++] = i - 1;
        last = m->seq;
        i = m->prev;
    }
    return n;
}

/* Make idx[0..n) (any order) the ring chain of story slot. */
static void story_relink(chr_cluster *cl, uint32_t slot, uint32_t *idx, int n)
{
    for (int i = 1; i < n; i++) { /* by age: insertion sort on seq */
        uint32_t x = idx[i];
        int j = i;
        for (; j > 0 && cl->ring[idx[j - 1]].seq > cl->ring[x].seq; j--)
            idx[j] = idx[j - 1];
        idx[j] = x;
    }
    uint32_t head = 0;
    for (int i = 0; i < n; i++) {
        cl->ring[idx[i]].slot = slot;
        cl->ring[idx[i]].prev = head;
        head = idx[i] + 1;
    }
    cl->stories[slot].ring_head = head;
}

/* The k-th largest of v[0..n) (0-based, k < n; v is overwritten): a radix
 * select from the top byte, each pass keeping only the values whose byte
 * holds the k-th. Counting and keeping do not branch on the values, which
 * a quickselect's partition mispredicts about every other time. */
static uint32_t select_kth(uint32_t *v, size_t n, size_t k)
{
    for (int shift = 24; shift >= 0 && n > 1; shift -= 8) {
        uint32_t count[256] = {0};
        for (size_t i = 0; i < n; i++)
            count[(v[i] >> shift) & 255]++;
        uint32_t d = 255;
        while (k >= count[d])
            k -= count[d--];
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            v[m] = v[i];
            m += ((v[i] >> shift) & 255) == d;
        }
        n = m;
    }
    return v[0];
}

/* Remember the article just assigned to story slot (its vector is cl->doc):
 * its heaviest terms, day and entity names, in the oldest ring entry. */
static int ring_add(chr_cluster *cl, const chr_cluster_input *in, uint32_t slot, int32_t day)
{
    if (!cl->ring && !(cl->ring = calloc(RING, sizeof *cl->ring)))
        return -1;
    member *m = &cl->ring[cl->ring_next];
    story *s = &cl->stories[slot];
    m->prev = s->ring_head;
    s->ring_head = (uint32_t)cl->ring_next + 1;
    cl->ring_next = (cl->ring_next + 1) % RING;
    free(m->ents);
    m->ents = NULL;
    m->article_id = in->article_id;
    m->slot = slot;
    m->seq = ++cl->ring_seq;
    m->day = day;
    /* the MEMBER_TERMS heaviest terms, kept in term order */
    float cut = -1;
    size_t n = 0, ties = 0;
    if (cl->n_doc > MEMBER_TERMS &&
        heaviest_cut(cl, &cl->doc[0].w, sizeof(dterm), cl->n_doc, MEMBER_TERMS, &cut, &ties) != 0)
        return -1;
    double nn = 0;
    for (size_t k = 0; k < cl->n_doc && n < MEMBER_TERMS; k++) {
        float w = cl->doc[k].w;
        if (w < cut || (w == cut && !ties))
            continue;
        if (w == cut)
            ties--;
        m->terms[n] = cl->doc[k].term;
        m->w[n++] = w;
        nn += (double)w * w;
    }
    m->n_terms = (uint16_t)n;
    m->is_long = (uint8_t)doc_is_long(cl);
    m->is_headline = (uint8_t)cl->headline;
    m->norm = (float)sqrt(nn);
    size_t len = 0;
    for (size_t i = 0; i < in->n_entities; i++)
        if (in->entities[i] && *in->entities[i])
            len += strlen(in->entities[i]) + 1;
    if (len && (m->ents = malloc(len + 1)) != NULL) {
        char *p = m->ents;
        for (size_t i = 0; i < in->n_entities; i++)
            if (in->entities[i] && *in->entities[i]) {
                size_t l = strlen(in->entities[i]) + 1;
                memcpy(p, in->entities[i], l);
                p += l;
            }
        *p = '\0';
    }
    return 0;
}

/* Remember a story whose articles changed other than by the add itself. */
static void note_moved(chr_cluster *cl, int64_t id)
{
    for (size_t i = 0; i < cl->n_moved; i++)
        if (cl->moved[i] == id)
            return;
    if (cl->n_moved < MOVED_MAX)
        cl->moved[cl->n_moved++] = id;
}

size_t chr_cluster_moved(const chr_cluster *cl, const int64_t **stories)
{
    *stories = cl->moved;
    return cl->n_moved;
}

/* Is a split check due for s? At sizes about x1.3 apart up to SPLIT_MAX (a
 * merge may jump over some): the test is O(n^3) in the story's size, so it
 * runs a handful of times per story. (At x1.4 apart, 7, 10, 14, 20, 28, two
 * DUC topics joined into 16-19 articles had their last check at 14.) */
static const uint16_t split_at[] = {7, 9, 12, 16, 20, 24, 28, 32};
#define SPLIT_AT (sizeof split_at / sizeof split_at[0])

/* The checks a story of its size has had (a split's halves start again
 * from their own sizes). */
static uint8_t checks_for(const story *s)
{
    uint8_t k = 0;
    while (k < SPLIT_AT && s->n_unique >= split_at[k])
        k++;
    return k;
}

static int split_due(story *s)
{
    int due = 0;
    while (s->checks < SPLIT_AT && s->n_unique >= split_at[s->checks]) {
        s->checks++;
        due = 1;
    }
    return due;
}

/* Average-link agglomeration of the n members' cosines sim (n x n) down to
 * two groups: grp[i] = 0 or 1 (sum: scratch for the pair sums between
 * groups). Returns the mean cosine between the groups
 * and the smaller of their mean inner cosines in *inner; -1 when a group
 * has fewer than 3 members. */
static double bisect(const float *sim, float (*sum)[SPLIT_MAX], int n, unsigned char *grp,
                     double *inner)
{
    int size[SPLIT_MAX], of[SPLIT_MAX], alive = n;
    for (int i = 0; i < n; i++) {
        size[i] = 1;
        of[i] = i;
        for (int j = 0; j < n; j++)
            sum[i][j] = sim[i * n + j];
    }
    while (alive > 2) {
        int ba = -1, bb = -1;
        double best = -2;
        for (int a = 0; a < n; a++) {
            if (!size[a])
                continue;
            for (int b = a + 1; b < n; b++) {
                if (!size[b])
                    continue;
                double v = sum[a][b] / ((double)size[a] * size[b]);
                if (v > best) {
                    best = v;
                    ba = a;
                    bb = b;
                }
            }
        }
        for (int c = 0; c < n; c++) {
            sum[ba][c] += sum[bb][c];
            sum[c][ba] = sum[ba][c];
        }
        size[ba] += size[bb];
        size[bb] = 0;
        for (int i = 0; i < n; i++)
            if (of[i] == bb)
                of[i] = ba;
        alive--;
    }
    int g0 = of[0], g1 = -1;
    for (int i = 0; i < n; i++) {
        grp[i] = of[i] != g0;
        if (of[i] != g0)
            g1 = of[i];
    }
    if (g1 < 0)
        return -1;
    /* refine: each article to the group it is closer to on average (average
     * link peels outliers off first; two topics are found by moving them) */
    for (int iter = 0; iter < 5; iter++) {
        int changed = 0;
        for (int i = 0; i < n; i++) {
            double m[2] = {0, 0};
            int c[2] = {0, 0};
            for (int j = 0; j < n; j++)
                if (j != i) {
                    m[grp[j]] += sim[i * n + j];
                    c[grp[j]]++;
                }
            if (!c[0] || !c[1])
                continue;
            unsigned char want = m[1] / c[1] > m[0] / c[0];
            if (want != grp[i] && c[grp[i]] >= 1) {
                grp[i] = want;
                changed = 1;
            }
        }
        if (!changed)
            break;
    }
    size[g0] = size[g1] = 0;
    for (int i = 0; i < n; i++)
        size[grp[i] ? g1 : g0]++;
    if (size[g0] < 3 || size[g1] < 3)
        return -1;
    double in0 = 0, in1 = 0, between = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if (i == j)
                continue;
            if (grp[i] != grp[j])
                between += sim[i * n + j];
            else if (grp[i])
                in1 += sim[i * n + j];
            else
                in0 += sim[i * n + j];
        }
    double n0 = size[g0], n1 = size[g1];
    in0 /= n0 * (n0 - 1);
    in1 /= n1 * (n1 - 1);
    *inner = in0 < in1 ? in0 : in1;
    return between / (2 * n0 * n1);
}

/* bisect, and when average link only peeled off a group of one or two
 * outliers (no split), bisect again without them, at most split_peel times
 * and while six articles or more are left: two stories joined by mistake
 * often hide behind an outlier. The peeled articles then go to the half
 * they are closer to on average. Returns as bisect. */
static double bisect_peel(chr_cluster *cl, const float *sim, int n, unsigned char *grp,
                          double *inner)
{
    double between = bisect(sim, cl->split_sum, n, grp, inner);
    if (between >= 0 || cl->o.split_peel <= 0)
        return between;
    int keep[SPLIT_MAX], nk = n;
    unsigned char out[SPLIT_MAX] = {0}, g[SPLIT_MAX];
    float *sub = cl->split_sub;
    for (int i = 0; i < n; i++) {
        keep[i] = i;
        g[i] = grp[i];
    }
    for (int r = 0; r < cl->o.split_peel && between < 0; r++) {
        int c1 = 0;
        for (int i = 0; i < nk; i++)
            c1 += g[i];
        unsigned char small = c1 * 2 < nk;
        int cs = small ? c1 : nk - c1;
        if (cs == 0 || cs >= 3 || nk - cs < 6)
            return -1;
        int m = 0;
        for (int i = 0; i < nk; i++) {
            if (g[i] == small)
                out[keep[i]] = 1;
            else
                keep[m++] = keep[i];
        }
        nk = m;
        for (int i = 0; i < nk; i++)
            for (int j = 0; j < nk; j++)
                sub[i * nk + j] = sim[keep[i] * n + keep[j]];
        between = bisect(sub, cl->split_sum, nk, g, inner);
    }
    if (between < 0)
        return -1;
    for (int i = 0; i < nk; i++)
        grp[keep[i]] = g[i];
    for (int i = 0; i < n; i++) {
        if (!out[i])
            continue;
        double sm[2] = {0, 0};
        int c[2] = {0, 0};
        for (int j = 0; j < n; j++)
            if (!out[j]) {
                sm[grp[j]] += sim[i * n + j];
                c[grp[j]]++;
            }
        grp[i] = sm[1] / c[1] > sm[0] / c[0];
    }
    return between;
}

/* Subtract a member's vector from a story centroid (what is left of terms
 * it dominated goes), then repost. */
static int centroid_sub(chr_cluster *cl, story *s, const member *m)
{
    uint32_t k = 0;
    for (uint32_t i = 0, j = 0; i < s->n_terms; i++) {
        float w = s->w[i];
        while (j < m->n_terms && m->terms[j] < s->terms[i])
            j++;
        if (j < m->n_terms && m->terms[j] == s->terms[i])
            w -= m->w[j];
        if (w > 1e-4f) {
            s->terms[k] = s->terms[i];
            s->w[k++] = w;
        }
    }
    s->n_terms = (uint16_t)k;
    story_norm(s);
    return 0;
}

/* After story slot sslot grew to a size where a split is due, and when all
 * its articles are still in the ring: bisect its articles by average link;
 * when the halves are much less alike than each half is within, the half
 * without the story's first article becomes a new story (its articles, their
 * near-duplicates and entity counts move). Returns the slot of the story that
 * now holds article (cl->stories may have moved), or -1 on error. */
static long split_check(chr_cluster *cl, uint32_t sslot, int64_t article, int force, chr_err *err,
                        chr_diag *d)
{
    *err = CHR_OK;
    story *s = &cl->stories[sslot];
    if (cl->o.split_ratio <= 0 || !cl->ring || (!split_due(s) && !force) || s->n_unique > SPLIT_MAX)
        return sslot;
    uint32_t idx[SPLIT_MAX];
    int n = story_members(cl, sslot, idx, SPLIT_MAX);
    if ((uint32_t)n != s->n_unique)
        return sslot; /* some of its articles are older than the ring */
    float *sim = cl->split_sim;
    for (int i = 0; i < n; i++) {
        sim[i * n + i] = 1;
        for (int j = i + 1; j < n; j++)
            sim[i * n + j] = sim[j * n + i] = member_cos(&cl->ring[idx[i]], &cl->ring[idx[j]]);
    }
    unsigned char grp[SPLIT_MAX];
    double inner = 0, between = bisect_peel(cl, sim, n, grp, &inner);
    if (between < 0 || inner <= 0 || between >= cl->o.split_ratio * inner)
        return sslot;
    /* halves one after the other in time are one story that moved on (the
     * campaign, then the coalition talks); two topics joined by mistake run
     * side by side */
    int32_t lo[2] = {INT32_MAX, INT32_MAX}, hi[2] = {INT32_MIN, INT32_MIN};
    for (int i = 0; i < n; i++) {
        int32_t day = cl->ring[idx[i]].day;
        if (day == NO_DAY)
            continue;
        if (day < lo[grp[i]])
            lo[grp[i]] = day;
        if (day > hi[grp[i]])
            hi[grp[i]] = day;
    }
    if (hi[0] != INT32_MIN && hi[1] != INT32_MIN && (hi[0] < lo[1] || hi[1] < lo[0]))
        return sslot;
    /* the group of the first article keeps the story */
    int first = 0;
    for (int i = 1; i < n; i++)
        if (cl->ring[idx[i]].article_id < cl->ring[idx[first]].article_id)
            first = i;
    unsigned char keep = grp[first];
    story *t = story_new(cl);
    if (!t) {
        *err = oom(d);
        return -1;
    }
    uint32_t tslot = (uint32_t)(t - cl->stories);
    s = &cl->stories[sslot];
    memcpy(t->lang, s->lang, sizeof t->lang);
    uint32_t moved = 0;
    s->first = s->last = NO_DAY;
    for (int i = 0; i < n; i++) {
        member *m = &cl->ring[idx[i]];
        if (grp[i] == keep) {
            span_add(s, m->day);
            continue;
        }
        moved++;
        span_add(t, m->day);
        centroid_sub(cl, s, m);
        t->n_unique++;
        if (centroid_add(cl, t, m->terms, m->w, m->n_terms, sizeof(uint32_t)) != 0) {
            *err = oom(d);
            return -1;
        }
        s = &cl->stories[sslot];
    }
    s->n_unique -= moved;
    if (story_reserve(cl, s, s->n_unique) != 0 || story_index(cl, s) != 0) {
        *err = oom(d);
        return -1;
    }
    t->size = t->n_unique;
    if ((*err = save_story(cl, t, 1, d)) != CHR_OK) {
        story_kill(cl, t);
        return -1;
    }
    t->id = sqlite3_last_insert_rowid(cl->db);
    if (id_put(cl, t->id, tslot) != 0) {
        *err = oom(d);
        return -1;
    }
    uint32_t dups = 0;
    long at = (long)sslot;
    for (int i = 0; i < n; i++) {
        member *m = &cl->ring[idx[i]];
        if (grp[i] == keep)
            continue;
        m->slot = tslot;
        if (m->article_id == article)
            at = (long)tslot;
        sqlite3_reset(cl->s_mv_one);
        sqlite3_bind_int64(cl->s_mv_one, 1, t->id);
        sqlite3_bind_int64(cl->s_mv_one, 2, m->article_id);
        sqlite3_bind_int64(cl->s_mv_one, 3, s->id);
        int mrc = sqlite3_step(cl->s_mv_one);
        sqlite3_reset(cl->s_mv_one);
        if (mrc != SQLITE_DONE)
            goto db_fail;
        int ch = sqlite3_changes(cl->db);
        dups += ch > 1 ? (uint32_t)ch - 1 : 0;
        for (const char *e = m->ents; e && *e; e += strlen(e) + 1) {
            sqlite3_reset(cl->s_ent_dec);
            sqlite3_bind_int64(cl->s_ent_dec, 1, s->id);
            sqlite3_bind_text(cl->s_ent_dec, 2, e, -1, SQLITE_STATIC);
            int rc = sqlite3_step(cl->s_ent_dec);
            sqlite3_reset(cl->s_ent_dec);
            if (rc != SQLITE_DONE || count_entity(cl, t->id, e, 1) != 0)
                goto db_fail;
        }
    }
    if (step2(cl->s_ent_zero, s->id, 0) != 0)
        goto db_fail;
    {
        uint32_t kept[SPLIT_MAX], gone[SPLIT_MAX];
        int nk = 0, ng = 0;
        for (int i = 0; i < n; i++) {
            if (grp[i] == keep)
                kept[nk++] = idx[i];
            else
                gone[ng++] = idx[i];
        }
        story_relink(cl, sslot, kept, nk);
        story_relink(cl, tslot, gone, ng);
    }
    t->size += dups;
    s->size -= moved + dups;
    if ((*err = save_story(cl, s, 0, d)) != CHR_OK || (*err = save_story(cl, t, 0, d)) != CHR_OK)
        return -1;
    note_moved(cl, s->id);
    note_moved(cl, t->id);
    cl->stats.splits++;
    cl->stats.new_stories++;
    if (!force) { /* each half may hold two stories still: check them once */
        /* each half of long texts is checked again at the next size after
         * its own: a story that lost half its articles, then grows by a
         * third topic arriving in a burst (a folder of one topic after
         * another), would otherwise wait for a size it may never reach */
        int n_long = 0;
        for (int i = 0; i < n; i++)
            n_long += cl->ring[idx[i]].is_long;
        if (n_long * 2 >= n) {
            s->checks = checks_for(s);
            t->checks = checks_for(t);
        } else
            t->checks = s->checks;
        long a2 = split_check(cl, sslot, article, force + 1, err, d);
        if (a2 < 0)
            return -1;
        long a3 = split_check(cl, tslot, article, force + 1, err, d);
        if (a3 < 0)
            return -1;
        if (at == (long)sslot)
            at = a2;
        else
            at = a3;
    }
    return at;
db_fail:
    *err = db_err(cl->db, d, "split");
    return -1;
}

/* A second chance for an article that started a story of its own: when
 * rehome_after more articles have come and it is still alone (no other
 * article, no near-duplicate), its kept terms look for a story again (its
 * own left out); above the join threshold its story is merged into that
 * one, which keeps its id. A headline looks again at twice, four times ...
 * that lag (rehome_headline_rounds more times): the stories of its day grow
 * over the day. Bounded: 1 + rehome_headline_rounds lookups per add at
 * most. Uses cl->doc: call before the article's own terms are collected. */
static chr_err rehome_at(chr_cluster *cl, size_t after, int headlines_only, chr_diag *d);

static chr_err rehome(chr_cluster *cl, chr_diag *d)
{
    size_t after = cl->o.rehome_after > 0 ? (size_t)cl->o.rehome_after : 0;
    if (after >= RING)
        after = RING - 1;
    chr_err err = rehome_at(cl, after, 0, d);
    for (int r = 0; !err && after && r < cl->o.rehome_headline_rounds; r++)
        err = rehome_at(cl, after <<= 1, 1, d);
    return err;
}

static chr_err rehome_at(chr_cluster *cl, size_t after, int headlines_only, chr_diag *d)
{
    if (!cl->ring || !after || after >= RING || cl->ring_seq <= after)
        return CHR_OK;
    member *m = &cl->ring[(cl->ring_next + RING - 1 - after) % RING];
    if (!m->article_id || m->seq != cl->ring_seq - after || (headlines_only && !m->is_headline))
        return CHR_OK;
    story *s = &cl->stories[m->slot];
    if (s->dead || s->n_unique != 1 || s->size != 1 || m->norm <= 0)
        return CHR_OK;
    doc_clear(cl);
    for (uint32_t k = 0; k < m->n_terms; k++) {
        if (doc_add(cl, m->terms[k], 1, 0) != 0)
            return oom(d);
        term_ent *te = term_get(cl, m->terms[k], 0);
        cl->doc[k].w = m->w[k] / m->norm;
        cl->doc[k].df = te ? te->df : 1;
    }
    doc_index(cl);
    memcpy(cl->doc_lang, s->lang, sizeof cl->doc_lang);
    s->dead = 1; /* not its own candidate */
    cl->headline = m->is_headline;
    cl->win = doc_window(cl, m->is_headline);
    double sim = 0;
    long best = find_best(cl, m->day, &sim);
    s = &cl->stories[m->slot];
    s->dead = 0;
    if (best == -2)
        return oom(d);
    double thr = m->is_long ? cl->o.long_threshold : cl->o.threshold;
    if (best < 0 || sim < thr)
        return CHR_OK;
    chr_err err = CHR_OK;
    if (!merge_stories(cl, &cl->stories[best], s, 1, &err, d))
        return err;
    cl->stats.rehomed++;
    return CHR_OK;
}

/* The language an article is read in (stemmer, stop words, and which
 * stories it can match word for word). Language identification of a
 * headline-sized text is a guess: a short text is read in the language the
 * stream has used most so far, a longer one in its own. */
static void choose_lang(chr_cluster *cl, const chr_cluster_input *in)
{
    const char *lang = in->lang && *in->lang && strlen(in->lang) < 4 ? in->lang : "en";
    size_t k = 0;
    while (k < cl->n_langs && strcmp(cl->langs[k].code, lang) != 0)
        k++;
    if (k == cl->n_langs && k < sizeof cl->langs / sizeof cl->langs[0]) {
        snprintf(cl->langs[k].code, sizeof cl->langs[k].code, "%s", lang);
        cl->langs[k].n = 0;
        cl->n_langs++;
    }
    if (k < cl->n_langs)
        cl->langs[k].n++;
    size_t len = in->text ? in->text_len : 0;
    if (len < SHORT_TEXT && cl->n_langs) {
        size_t best = 0;
        for (size_t i = 1; i < cl->n_langs; i++)
            if (cl->langs[i].n > cl->langs[best].n)
                best = i;
        lang = cl->langs[best].code;
    }
    snprintf(cl->doc_lang, sizeof cl->doc_lang, "%s", lang);
}

chr_err chr_cluster_add(chr_cluster *cl, const chr_cluster_input *in, int64_t *story_id,
                        int64_t *duplicate_of, chr_diag *d)
{
    int64_t sid = 0, dup = 0;
    if (story_id)
        *story_id = 0;
    if (duplicate_of)
        *duplicate_of = 0;
    if (!cl || !in || in->article_id <= 0)
        return chr_diag_set(d, CHR_EINVAL, "", 0, -1, "cluster: bad input");
    cl->n_moved = 0;
    if (find_assignment(cl, in->article_id, &sid, &dup)) {
        if (story_id)
            *story_id = sid;
        if (duplicate_of)
            *duplicate_of = dup;
        return CHR_OK;
    }
    chr_err err;
    if (!cl->loaded && (err = load(cl, d)) != CHR_OK) {
        model_free(cl);
        return err;
    }
    if ((err = rehome(cl, d)) != CHR_OK)
        return err;
    int32_t day = in->pub_date_inferred ? NO_DAY : chr_cluster_parse_day(in->pub_date);
    choose_lang(cl, in);

    /* one pass over the words: the terms, and the shingle signature */
    chr_minhash_acc acc;
    chr_minhash_begin(&acc);
    if (doc_collect(cl, in, &acc) != 0)
        return oom(d);
    chr_minhash sig;
    chr_minhash_end(&acc, &sig);
    sig.day = day;
    /* near-duplicate: joins its canonical's story, counted once */
    int64_t canon = 0;
    double dsim = 0;
    err = chr_dedup_add(cl->dd, in->article_id, &sig, &canon, &dsim);
    if (err != CHR_OK)
        return chr_diag_set(d, err, "", 0, -1, "cluster: dedup: %s", chr_strerror(err));
    story *s = NULL;
    double sim = 0;
    int64_t csid, cdup;
    if (canon && find_assignment(cl, canon, &csid, &cdup) && (s = id_get(cl, csid)) != NULL) {
        dup = canon;
        sim = dsim;
        s->size++;
        span_add(s, day);
        story_restamp(cl, s);
        if ((err = save_story(cl, s, 0, d)) != CHR_OK)
            return err;
        cl->stats.duplicates++;
    } else {
        if (doc_weight(cl, 1) != 0)
            return oom(d);
        /* undated, a headline keeps the short texts' rules: its window, link
         * and merge threshold go together */
        cl->headline = day != NO_DAY && doc_is_headline(cl, in);
        cl->win = doc_window(cl, cl->headline);
        long best = find_best(cl, day, &sim);
        if (best == -2)
            return oom(d);
        double thr = doc_is_long(cl) ? cl->o.long_threshold : cl->o.threshold;
        if (best >= 0 && sim >= thr) {
            s = &cl->stories[best];
            s->size++;
            s->n_unique++;
            span_add(s, day);
            if (centroid_merge(cl, s) != 0)
                return oom(d);
            if ((err = save_story(cl, s, 0, d)) != CHR_OK)
                return err;
            if (ring_add(cl, in, (uint32_t)(s - cl->stories), day) != 0)
                return oom(d);
            if (!(s = merge_candidates(cl, s, thr, &err, d)))
                return err;
            long at = split_check(cl, (uint32_t)(s - cl->stories), in->article_id, 0, &err, d);
            if (at < 0)
                return err;
            s = &cl->stories[at];
        } else {
            s = story_new(cl);
            if (!s)
                return oom(d);
            s->size = s->n_unique = 1;
            memcpy(s->lang, cl->doc_lang, sizeof s->lang);
            span_add(s, day);
            if (centroid_merge(cl, s) != 0)
                return oom(d);
            if ((err = save_story(cl, s, 1, d)) != CHR_OK) {
                story_kill(cl, s);
                return err;
            }
            s->id = sqlite3_last_insert_rowid(cl->db); /* the row id is the story id */
            if (id_put(cl, s->id, (uint32_t)(s - cl->stories)) != 0)
                return oom(d);
            sim = 1;
            cl->stats.new_stories++;
            if (ring_add(cl, in, (uint32_t)(s - cl->stories), day) != 0)
                return oom(d);
        }
        if (in->n_entities && (err = add_entities(cl, s->id, in, d)) != CHR_OK)
            return err;
    }
    sqlite3_reset(cl->s_ins_art);
    sqlite3_bind_int64(cl->s_ins_art, 1, in->article_id);
    sqlite3_bind_int64(cl->s_ins_art, 2, s->id);
    if (dup)
        sqlite3_bind_int64(cl->s_ins_art, 3, dup);
    else
        sqlite3_bind_null(cl->s_ins_art, 3);
    sqlite3_bind_double(cl->s_ins_art, 4, sim);
    int rc = sqlite3_step(cl->s_ins_art);
    sqlite3_reset(cl->s_ins_art);
    if (rc != SQLITE_DONE)
        return db_err(cl->db, d, "assign");
    cl->stats.added++;
    cl->adds++;
    if (cl->adds % DF_BATCH == 0 && (err = write_df(cl, d)) != CHR_OK)
        return err;
    if (++cl->since_flush >= FLUSH_EVERY) {
        if ((err = write_meta(cl, d)) != CHR_OK)
            return err;
        cl->since_flush = 0;
    }
    if (story_id)
        *story_id = s->id;
    if (duplicate_of)
        *duplicate_of = dup;
    return CHR_OK;
}
