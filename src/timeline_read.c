/* chronicle — timeline: from the grouped state to the timeline people read.
 * Owns: choosing the persisted state or an in-memory rebuild, each entry's
 * date (and conflicts), support, importance and representative sentence,
 * --top / --dates / --sentences selection, and the JSON form. Grouping is
 * timeline.c; this file never writes the store. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "chronicle/json.h"
#include "cluster_text.h"
#include "timeline_int.h"

/* MMR trade-off between closeness to the entry and novelty (--sentences). */
#define MMR_LAMBDA 0.7
/* Sentences more alike than this are the same sentence reworded. */
#define SAME_SENTENCE 0.8
/* Entries whose dates became the same merge when their centroids are this
 * alike (grouping is incremental: two entries may narrow to one date). */
#define MERGE_SIM 0.10
/* The same for an entry whose month or week contains the other's day: a
 * vaguer date says less that it is the same event, so more words must agree. */
#define MERGE_COMPAT_SIM 0.15
/* A date more than this many days before the article that gives it is a
 * recall (see merge_same_dates). */
#define RECALL_DAYS 30
/* ... and a date with more entries than this is told of many events (the
 * results of many companies' year that ended on 31 December): its recalled
 * entries merge by their words only. */
#define RECALL_GROUP_MAX 3
/* A sentence that opens with a quotation is somebody's words, not a
 * statement of what happened: as an entry's text it ranks this much lower
 * (below a sentence that states the entry's date in the reporter's words). */
#define QUOTE_PENALTY 1.0
/* A sentence written before the day it dates that reports nothing done
 * announces what was to come ("the minister is expected in Ribafria on the
 * 17th", "el juicio comenzará el 3 de agosto"): as an entry's text it ranks
 * this much lower, below a report of the day that states it too. */
#define FORECAST_PENALTY 1.0
/* A sentence that opens with its date ("El 11 de febrero de 2011 el
 * presidente renunció", "On March 3 the council voted") states the dated
 * event itself: as an entry's text it ranks this much higher. */
#define LEAD_DATE_BONUS 0.15
/* A date in a relative clause ("La Russia e la Cina, che si erano astenute
 * giovedì, hanno criticato..."): the sentence's main event is another's. */
#define SIDE_CLAUSE_PENALTY 0.3
#define LEAD_DATE_BYTES 12
/* A sentence that opens in lower case is a piece of one (a hard-wrapped
 * page, a cut the splitter made): it ranks this much lower. */
#define FRAGMENT_PENALTY 0.5
/* A sentence that opens with a pronoun ("He declined to comment") leans on
 * another for its subject: it ranks this much lower. */
#define PRONOUN_PENALTY 0.5
/* Length preference for representative sentences (see brevity()). */
#define BREVITY_FREE 15.0
#define BREVITY 0.03
/* `timeline --all` regroups every mention up to this many articles. */
#define ALL_REGROUP_MAX 2000
/* A headline-like line (tl_mention.frag) found in this many independent
 * articles is a site's furniture ("related" links, teasers): not news. */
#define FRAG_REPEATS 3
/* --dates: days more than COVER_MARGIN days outside the publication span
 * count COVER_OUTSIDE times their score. */
#define COVER_MARGIN 7
#define COVER_OUTSIDE 0.2

typedef struct tl_priv {
    tl_pool strings;
} tl_priv;

/* ---- the model: entries with their mentions, as loaded ---- */

typedef struct rm { /* one mention */
    int64_t article_id, indep;
    int32_t sentence, tx_start, tx_end, start, end;
    int32_t pub; /* its article's publication day, TL_NO_DAY unknown */
    chr_gran gran;
    float weight;
    tl_vec v;
    double sim;  /* to its entry's centroid */
    double rsel; /* how well it would state the entry (entry_facts) */
    int own;     /* its sentence may be the entry's text (own_texts) */
} rm;

typedef struct rentry {
    int64_t id;
    int64_t story; /* the story it was grouped in */
    tl_vec c;
    /* the named entities among c's terms, ascending (entry_names; names_ok
     * cleared when c grows) */
    uint32_t *names;
    uint32_t n_names;
    int names_ok;
    double cnorm;
    int32_t core_start, core_end; /* tl_entry's date */
    int core_gran;
    rm *m;
    size_t n, cap;
    /* derived */
    int32_t start, end;
    chr_gran gran;
    int support;
    double weight, centrality, score;
    /* when days are ranked, the importance of its day; else 0 */
    double day_score;
    size_t rep; /* representative mention */
    char conflict[400];
    int n_own; /* mentions with own set: 0, no text of its own to show */
    int n_opt; /* sentences that state its date (own_texts) */
    int keep;  /* selected for output */
    int slots; /* sentences to output (--dates) */
} rentry;

typedef struct model {
    rentry *e;
    size_t n;
    tl_idf_table idf;
    /* the feature ids of the database's named entities (persons,
     * organisations, places), ascending (load_names) */
    uint32_t *names;
    size_t n_names;
    /* its dated sentences, sorted (sentence_keys): merging entries moves
     * mentions, never adds or drops one, so they are found once */
    struct sent_key *keys;
    size_t n_keys;
} model;

static void model_free(model *mo)
{
    for (size_t i = 0; i < mo->n; i++) {
        for (size_t k = 0; k < mo->e[i].n; k++)
            tl_vec_free(&mo->e[i].m[k].v);
        free(mo->e[i].m);
        free(mo->e[i].names);
        tl_vec_free(&mo->e[i].c);
    }
    free(mo->e);
    free(mo->idf.e);
    free(mo->keys);
    free(mo->names);
}

static double model_idf(void *ctx, uint32_t term)
{
    return tl_idf_get(&((model *)ctx)->idf, term);
}

static int cmp_entry_id(const void *a, const void *b)
{
    int64_t x = ((const rentry *)a)->id, y = ((const rentry *)b)->id;
    return x < y ? -1 : x > y;
}

static rentry *find_entry(model *mo, int64_t id)
{
    size_t lo = 0, hi = mo->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mo->e[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < mo->n && mo->e[lo].id == id ? &mo->e[lo] : NULL;
}

typedef struct frag_key {
    uint32_t frag;
    int64_t indep;
} frag_key;

static int cmp_frag_key(const void *a, const void *b)
{
    const frag_key *x = a, *y = b;
    if (x->frag != y->frag)
        return x->frag < y->frag ? -1 : 1;
    return x->indep < y->indep ? -1 : x->indep > y->indep;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The fragment hashes of ms that FRAG_REPEATS or more independent articles
 * share, ascending, in *out (malloc'd; NULL when none). */
static chr_err repeated_fragments(const tl_mention *ms, size_t nm, uint32_t **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t nk = 0;
    for (size_t i = 0; i < nm; i++)
        nk += ms[i].frag != 0;
    if (nk < FRAG_REPEATS)
        return CHR_OK;
    frag_key *k = malloc(nk * sizeof *k);
    uint32_t *r = malloc(nk * sizeof *r);
    if (!k || !r) {
        free(k);
        free(r);
        return CHR_ENOMEM;
    }
    nk = 0;
    for (size_t i = 0; i < nm; i++)
        if (ms[i].frag)
            k[nk++] = (frag_key){ms[i].frag, ms[i].indep};
    qsort(k, nk, sizeof *k, cmp_frag_key);
    for (size_t i = 0, j; i < nk; i = j) {
        size_t indep = 1;
        for (j = i + 1; j < nk && k[j].frag == k[i].frag; j++)
            indep += k[j].indep != k[j - 1].indep;
        if (indep >= FRAG_REPEATS)
            r[(*n)++] = k[i].frag;
    }
    free(k);
    if (!*n)
        free(r);
    else
        *out = r;
    return CHR_OK;
}

typedef struct art_day {
    int64_t id;
    int32_t day;
} art_day;

static int cmp_art_day(const void *a, const void *b)
{
    int64_t x = ((const art_day *)a)->id, y = ((const art_day *)b)->id;
    return x < y ? -1 : x > y;
}

/* Each mention's publication day, from the articles table of src. */
static chr_err load_pub_days(sqlite3 *src, model *mo)
{
    size_t n = 0;
    for (size_t i = 0; i < mo->n; i++)
        n += mo->e[i].n;
    if (!n)
        return CHR_OK;
    art_day *d = malloc(n * sizeof *d);
    if (!d)
        return CHR_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < mo->n; i++)
        for (size_t j = 0; j < mo->e[i].n; j++)
            d[k++] = (art_day){mo->e[i].m[j].article_id, TL_NO_DAY};
    qsort(d, k, sizeof *d, cmp_art_day);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || d[u - 1].id != d[i].id)
            d[u++] = d[i];
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(src, "SELECT pub_date FROM articles WHERE id=?1", -1, &q, NULL) !=
        SQLITE_OK) {
        free(d);
        return CHR_EDB;
    }
    for (size_t i = 0; i < u; i++) {
        sqlite3_bind_int64(q, 1, d[i].id);
        if (sqlite3_step(q) == SQLITE_ROW)
            d[i].day = tl_parse_day((const char *)sqlite3_column_text(q, 0));
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    for (size_t i = 0; i < mo->n; i++)
        for (size_t j = 0; j < mo->e[i].n; j++) {
            art_day key = {mo->e[i].m[j].article_id, 0};
            const art_day *f = bsearch(&key, d, u, sizeof *d, cmp_art_day);
            mo->e[i].m[j].pub = f ? f->day : TL_NO_DAY;
        }
    free(d);
    return CHR_OK;
}

static chr_err load_model(sqlite3 *db, int64_t story, model *mo)
{
    memset(mo, 0, sizeof *mo);
    sqlite3_stmt *q;
    size_t cap = 0;
    int rc;
    chr_err e = CHR_OK;
    if (sqlite3_prepare_v2(db,
                           story < 0 ? "SELECT id, centroid, norm, start_day, end_day, gran,"
                                       " story_id FROM tl_entry WHERE ?1 < 0 ORDER BY id"
                                     : "SELECT id, centroid, norm, start_day, end_day, gran,"
                                       " story_id FROM tl_entry WHERE story_id=?1 ORDER BY id",
                           -1, &q, NULL) != SQLITE_OK)
        return CHR_EDB;
    sqlite3_bind_int64(q, 1, story);
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (mo->n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            rentry *ne = realloc(mo->e, nc * sizeof *ne);
            if (!ne) {
                e = CHR_ENOMEM;
                break;
            }
            mo->e = ne;
            cap = nc;
        }
        rentry *r = &mo->e[mo->n];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(q, 0);
        if (tl_vec_from_blob(sqlite3_column_blob(q, 1), sqlite3_column_bytes(q, 1), &r->c) != 0) {
            e = CHR_ENOMEM;
            break;
        }
        r->cnorm = sqlite3_column_double(q, 2);
        r->core_start = sqlite3_column_int(q, 3);
        r->core_end = sqlite3_column_int(q, 4);
        r->core_gran = sqlite3_column_int(q, 5);
        r->story = sqlite3_column_int64(q, 6);
        mo->n++;
    }
    sqlite3_finalize(q);
    if (e || rc != SQLITE_DONE)
        return e ? e : CHR_EDB;
    if (mo->n)
        qsort(mo->e, mo->n, sizeof *mo->e, cmp_entry_id);
    tl_mention *ms = NULL;
    int64_t *ent = NULL;
    size_t nm = 0;
    uint32_t *furniture = NULL;
    size_t nf = 0;
    e = tl_story_mentions(db, story, &ms, &ent, &nm);
    if (!e)
        e = repeated_fragments(ms, nm, &furniture, &nf);
    for (size_t i = 0; i < nm && !e; i++) {
        rentry *r = find_entry(mo, ent[i]);
        if (!r ||
            (ms[i].frag && nf && bsearch(&ms[i].frag, furniture, nf, sizeof *furniture, cmp_u32)))
            continue;
        if (tl_grow(&r->m, r->n, &r->cap, sizeof *r->m, 4) != 0) {
            e = CHR_ENOMEM;
            break;
        }
        const tl_mention *t = &ms[i];
        rm *m = &r->m[r->n++];
        m->article_id = t->article_id;
        m->indep = t->indep;
        m->sentence = t->sentence;
        m->tx_start = t->tx_start;
        m->tx_end = t->tx_end;
        m->start = t->start;
        m->end = t->end;
        m->gran = t->gran;
        m->weight = t->weight;
        m->v = t->v; /* moved */
        m->sim = 0;
        m->pub = TL_NO_DAY;
        ms[i].v.t = NULL;
        ms[i].v.n = 0;
    }
    tl_mentions_free(ms, nm);
    free(ent);
    free(furniture);
    if (e)
        return e;
    /* idf over the story, as the grouping computed it (story < 0: every
     * story's document frequencies summed, term 0 the articles) */
    tl_cdf *df = NULL;
    size_t ndf = 0;
    q = NULL;
    e = tl_story_df(db, &q, story, &df, &ndf);
    sqlite3_finalize(q);
    if (e)
        return e;
    free(mo->idf.e);
    mo->idf.e = malloc((ndf ? ndf : 1) * sizeof *mo->idf.e);
    if (!mo->idf.e) {
        free(df);
        return CHR_ENOMEM;
    }
    mo->idf.cap = ndf ? ndf : 1;
    for (size_t i = 0; i < ndf; i++) {
        mo->idf.e[i].term = df[i].term;
        mo->idf.e[i].v = (double)df[i].df;
    }
    mo->idf.n = ndf;
    free(df);
    tl_idf_finish(&mo->idf);
    return CHR_OK;
}

/* ---- sums of many vectors ---- */

/* Adds vectors term by term through a hash of term ids: the same floats,
 * summed in the same order, as tl_vec_add of each in turn, without
 * copying the growing sum at every step (a whole database's story vector
 * is the sum of 10^5 mentions). */
typedef struct vec_acc {
    uint32_t *slot; /* 1 + index into t, 0 = empty */
    size_t mask;
    tl_term *t;
    uint32_t n, cap;
} vec_acc;

static size_t term_hash(uint32_t id)
{
    id ^= id >> 16;
    id *= 0x7feb352du;
    id ^= id >> 15;
    id *= 0x846ca68bu;
    return id ^ (id >> 16);
}

static int vec_acc_grow(vec_acc *a)
{
    size_t nsz = a->mask ? (a->mask + 1) * 2 : 1024;
    uint32_t *ns = calloc(nsz, sizeof *ns);
    uint32_t ncap = (uint32_t)(nsz / 2);
    tl_term *nt = ns ? realloc(a->t, ncap * sizeof *nt) : NULL;
    if (!nt) {
        free(ns);
        return -1;
    }
    for (uint32_t i = 0; i < a->n; i++) {
        size_t h = term_hash(nt[i].id) & (nsz - 1);
        while (ns[h])
            h = (h + 1) & (nsz - 1);
        ns[h] = i + 1;
    }
    free(a->slot);
    a->slot = ns;
    a->mask = nsz - 1;
    a->t = nt;
    a->cap = ncap;
    return 0;
}

static int vec_acc_add(vec_acc *a, const tl_vec *v)
{
    for (uint32_t k = 0; k < v->n; k++) {
        if (a->n == a->cap && vec_acc_grow(a) != 0)
            return -1;
        size_t h = term_hash(v->t[k].id) & a->mask;
        while (a->slot[h] && a->t[a->slot[h] - 1].id != v->t[k].id)
            h = (h + 1) & a->mask;
        if (a->slot[h]) {
            a->t[a->slot[h] - 1].w += 1.0f * v->t[k].w;
        } else {
            a->t[a->n] = v->t[k];
            a->slot[h] = ++a->n;
        }
    }
    return 0;
}

static int cmp_term(const void *a, const void *b)
{
    uint32_t x = ((const tl_term *)a)->id, y = ((const tl_term *)b)->id;
    return x < y ? -1 : x > y;
}

/* Empty a for reuse. */
static void vec_acc_clear(vec_acc *a)
{
    if (a->n * 8 < a->mask) { /* few terms: clear their slots only */
        for (uint32_t i = 0; i < a->n; i++) {
            size_t h = term_hash(a->t[i].id) & a->mask;
            while (a->slot[h] != i + 1)
                h = (h + 1) & a->mask;
            a->slot[h] = 0;
        }
    } else if (a->n) {
        memset(a->slot, 0, (a->mask + 1) * sizeof *a->slot);
    }
    a->n = 0;
}

/* The sum so far as a vector (*out malloc'd); a is left as it is. */
static int vec_acc_vec(const vec_acc *a, tl_vec *out)
{
    out->t = NULL;
    out->n = 0;
    if (!a->n)
        return 0;
    tl_term *t = malloc(a->n * sizeof *t);
    if (!t)
        return -1;
    memcpy(t, a->t, a->n * sizeof *t);
    qsort(t, a->n, sizeof *t, cmp_term);
    out->t = t;
    out->n = a->n;
    return 0;
}

/* tl_vec_dot(sum so far, v, NULL, NULL): v's terms ascending, as it adds them. */
static double vec_acc_dot(const vec_acc *a, const tl_vec *v)
{
    double s = 0;
    if (!a->n)
        return 0;
    for (uint32_t k = 0; k < v->n; k++) {
        size_t h = term_hash(v->t[k].id) & a->mask;
        while (a->slot[h] && a->t[a->slot[h] - 1].id != v->t[k].id)
            h = (h + 1) & a->mask;
        if (a->slot[h])
            s += (double)a->t[a->slot[h] - 1].w * v->t[k].w;
    }
    return s;
}

static void vec_acc_free(vec_acc *a)
{
    free(a->slot);
    free(a->t);
}

/* ---- merging entries that ended up on one date ---- */

static int cmp_core(const void *a, const void *b)
{
    const rentry *x = *(rentry *const *)a, *y = *(rentry *const *)b;
    if (x->core_start != y->core_start)
        return x->core_start < y->core_start ? -1 : 1;
    if (x->core_end != y->core_end)
        return x->core_end < y->core_end ? -1 : 1;
    if (x->core_gran != y->core_gran)
        return x->core_gran < y->core_gran ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static chr_err merge_into(rentry *dst, rentry *src)
{
    if (dst->n + src->n > dst->cap) {
        size_t nc = dst->n + src->n;
        rm *nm = realloc(dst->m, nc * sizeof *nm);
        if (!nm)
            return CHR_ENOMEM;
        dst->m = nm;
        dst->cap = nc;
    }
    memcpy(dst->m + dst->n, src->m, src->n * sizeof *src->m);
    dst->n += src->n;
    src->n = 0; /* the vectors moved */
    dst->names_ok = 0;
    if (tl_vec_add(&dst->c, &src->c, 1.0f) != 0)
        return CHR_ENOMEM;
    double s = 0;
    for (uint32_t k = 0; k < dst->c.n; k++)
        s += (double)dst->c.t[k].w * dst->c.t[k].w;
    dst->cnorm = sqrt(s);
    return CHR_OK;
}

/* Whether no article has mentions in both entries. */
static int disjoint_articles(const rentry *x, const rentry *y)
{
    for (size_t i = 0; i < x->n; i++)
        for (size_t j = 0; j < y->n; j++)
            if (x->m[i].article_id == y->m[j].article_id)
                return 0;
    return 1;
}

/* Whether at least two thirds of r's mentions recall its date from an
 * article published more than RECALL_DAYS later. */
static int recalled(const rentry *r)
{
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++)
        k += r->m[i].pub != TL_NO_DAY && r->m[i].pub - r->core_end > RECALL_DAYS;
    return r->n > 0 && 3 * k >= 2 * r->n;
}

/* Cosine of a and b with the model's idf on both sides. */
static double vec_cos(const tl_vec *a, const tl_vec *b, const model *mo)
{
    double na = tl_vec_norm(a, model_idf, (void *)mo), nb = tl_vec_norm(b, model_idf, (void *)mo);
    if (na <= 0 || nb <= 0)
        return 0;
    return tl_vec_dot(a, b, model_idf, (void *)mo) / (na * nb);
}

/* The feature ids (tl_sentence_vec's) of src's named entities but MISC
 * ("Russian", "Chinese": descriptions), ascending in mo->names. */
static chr_err load_names(sqlite3 *src, model *mo)
{
    if (!tl_table_exists(src, "entities"))
        return CHR_OK;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(src, "SELECT canonical FROM entities WHERE type <> 'MISC'", -1, &q,
                           NULL) != SQLITE_OK)
        return CHR_EDB;
    size_t cap = 0;
    int rc;
    chr_err e = CHR_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (tl_grow(&mo->names, mo->n_names, &cap, sizeof *mo->names, 256) != 0) {
            e = CHR_ENOMEM;
            break;
        }
        const char *name = (const char *)sqlite3_column_text(q, 0);
        mo->names[mo->n_names++] = tl_name_feature(name);
    }
    sqlite3_finalize(q);
    if (!e && rc != SQLITE_DONE)
        e = CHR_EDB;
    if (mo->n_names)
        qsort(mo->names, mo->n_names, sizeof *mo->names, cmp_u32);
    return e;
}

static int is_name(const model *mo, uint32_t term)
{
    return mo->n_names && bsearch(&term, mo->names, mo->n_names, sizeof term, cmp_u32);
}

/* r's named entities (r->names), from its centroid's terms: found once,
 * again only after r grew. 0, or -1 when out of memory. */
static int entry_names(const model *mo, rentry *r)
{
    if (r->names_ok)
        return 0;
    r->n_names = 0;
    size_t cap = 0;
    for (uint32_t k = 0; k < r->c.n; k++) {
        if (!is_name(mo, r->c.t[k].id))
            continue;
        if (tl_grow(&r->names, r->n_names, &cap, sizeof *r->names, 8) != 0)
            return -1;
        r->names[r->n_names++] = r->c.t[k].id;
    }
    r->names_ok = 1;
    return 0;
}

/* Whether entries x and y of two stories, which the clustering told apart,
 * cannot report one event whatever their words: each names somebody or
 * something and they share no name (two companies' results for the year
 * ended 31 December, in the same words). Entries of one story were grouped
 * against the story's words: never. -1 when out of memory. */
static int names_apart(const model *mo, rentry *x, rentry *y)
{
    if (x->story == y->story)
        return 0;
    if (entry_names(mo, x) != 0 || entry_names(mo, y) != 0)
        return -1;
    if (!x->n_names || !y->n_names)
        return 0;
    for (uint32_t i = 0, j = 0; i < x->n_names && j < y->n_names;) {
        if (x->names[i] == y->names[j])
            return 0;
        if (x->names[i] < y->names[j])
            i++;
        else
            j++;
    }
    return 1;
}

/* Whether entries x and y, alike in their words and not names_apart, may
 * report one event: of one story, yes; of two (a whole database read from
 * every story's entries), only when they stay alike (at least sim) with
 * the model's idf on both: each centroid carries its own story's idf,
 * which for a story of one article weighs "mln", "dlrs", "shares
 * outstanding" as much as a name. */
static int same_event(const model *mo, const rentry *x, const rentry *y, double sim)
{
    return x->story == y->story || vec_cos(&x->c, &y->c, mo) >= sim;
}

/* Entries on one date (not a year) merge when their words are alike, and
 * when both are recalled and no article tells both. Articles recall a
 * story's landmarks, each in its own words ("announced an unrestricted
 * partnership in February 2022", "in February 2022 the two nations declared
 * that their friendship knows no bounds"; "depuis le début de la
 * contestation le 15 mars 2011", "l'éclatement, le 15 mars 2011, du
 * conflit"); two landmarks on one date are rare, and an article that tells
 * two events of one date keeps them apart. Fresh reports of one day, and
 * dates with more than RECALL_GROUP_MAX entries, are grouped by their words
 * only. */
static chr_err merge_same_dates(model *mo)
{
    if (mo->n < 2)
        return CHR_OK;
    rentry **v = malloc(mo->n * sizeof *v);
    if (!v)
        return CHR_ENOMEM;
    for (size_t i = 0; i < mo->n; i++)
        v[i] = &mo->e[i];
    qsort(v, mo->n, sizeof *v, cmp_core);
    chr_err e = CHR_OK;
    for (size_t i = 0; i < mo->n && !e; i++) {
        size_t j = i;
        while (j + 1 < mo->n && v[j + 1]->core_start == v[i]->core_start &&
               v[j + 1]->core_end == v[i]->core_end && v[j + 1]->core_gran == v[i]->core_gran)
            j++;
        if (v[i]->core_gran == CHR_GRAN_YEAR)
            j = i;
        size_t live = 0;
        for (size_t a = i; a <= j; a++)
            live += v[a]->n > 0;
        int by_recall = live <= RECALL_GROUP_MAX;
        for (size_t a = i + 1; a <= j && !e; a++)
            for (size_t b = i; b < a; b++) {
                if (!v[b]->n || !v[a]->n || v[a]->cnorm <= 0 || v[b]->cnorm <= 0)
                    continue;
                int apart = names_apart(mo, v[a], v[b]);
                if (apart < 0) {
                    e = CHR_ENOMEM;
                    break;
                }
                if (apart)
                    continue;
                double c = tl_vec_dot(&v[a]->c, &v[b]->c, NULL, NULL) / (v[a]->cnorm * v[b]->cnorm);
                if (c >= MERGE_SIM
                        ? same_event(mo, v[a], v[b], MERGE_SIM)
                        : by_recall && recalled(v[a]) && recalled(v[b]) &&
                              disjoint_articles(v[a], v[b]) && same_event(mo, v[a], v[b], 0)) {
                    e = merge_into(v[b], v[a]);
                    break;
                }
            }
        i = j;
    }
    free(v);
    return e;
}

static int cmp_start(const void *a, const void *b)
{
    const rentry *x = *(rentry *const *)a, *y = *(rentry *const *)b;
    if (x->core_start != y->core_start)
        return x->core_start < y->core_start ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* Index of term id in a (its position in a->t), -1 when absent. */
static long vec_acc_find(const vec_acc *a, uint32_t id)
{
    if (!a->n)
        return -1;
    size_t h = term_hash(id) & a->mask;
    while (a->slot[h] && a->t[a->slot[h] - 1].id != id)
        h = (h + 1) & a->mask;
    return a->slot[h] ? (long)a->slot[h] - 1 : -1;
}

/* The vocabulary indexes of v's terms into *dense (realloc'd). -1 on OOM. */
static int dense_ids(const vec_acc *vocab, const tl_vec *v, uint32_t **dense)
{
    uint32_t *d = realloc(*dense, (v->n ? v->n : 1) * sizeof *d);
    if (!d)
        return -1;
    for (uint32_t k = 0; k < v->n; k++)
        d[k] = (uint32_t)vec_acc_find(vocab, v->t[k].id);
    *dense = d;
    return 0;
}

/* A dated sentence of the model (gran: one of its mentions' granularity;
 * keys compare by sentence only). */
typedef struct sent_key {
    int64_t article;
    int32_t sentence;
    int gran;
} sent_key;

static int cmp_sent_key(const void *a, const void *b)
{
    const sent_key *x = a, *y = b;
    if (x->article != y->article)
        return x->article < y->article ? -1 : 1;
    return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

/* The model's dated mentions as sentence keys, sorted (*out malloc'd). */
static chr_err sentence_keys(const model *mo, sent_key **out, size_t *n)
{
    size_t total = 0;
    for (size_t i = 0; i < mo->n; i++)
        total += mo->e[i].n;
    sent_key *k = malloc((total ? total : 1) * sizeof *k);
    if (!k)
        return CHR_ENOMEM;
    size_t nk = 0;
    for (size_t i = 0; i < mo->n; i++)
        for (size_t j = 0; j < mo->e[i].n; j++)
            if (mo->e[i].m[j].tx_start >= 0)
                k[nk++] = (sent_key){mo->e[i].m[j].article_id, mo->e[i].m[j].sentence,
                                     (int)mo->e[i].m[j].gran};
    qsort(k, nk, sizeof *k, cmp_sent_key);
    *out = k;
    *n = nk;
    return CHR_OK;
}

/* Whether every mention of r comes from a sentence that also dates
 * something finer than r's date ("the suspect arrested last week was
 * remanded today"): such a sentence's words tell its finer event, not
 * which day of r's week or month r is. */
static int only_beside_finer(const rentry *r, const sent_key *keys, size_t nk)
{
    for (size_t j = 0; j < r->n; j++) {
        const rm *m = &r->m[j];
        sent_key k = {m->article_id, m->sentence, 0};
        const sent_key *p =
            m->tx_start >= 0 ? bsearch(&k, keys, nk, sizeof *keys, cmp_sent_key) : NULL;
        if (!p)
            return 0;
        while (p > keys && !cmp_sent_key(p - 1, &k))
            p--;
        int finer = 0;
        for (; p < keys + nk && !cmp_sent_key(p, &k) && !finer; p++)
            finer = p->gran < r->core_gran;
        if (!finer)
            return 0;
    }
    return 1;
}

/* A month's (or week's) entry and a day's entry inside it that look alike
 * are one event told at two granularities ("in March last year", "on March
 * 20-22"): the coarse one joins the finest most alike, which keeps its date
 * (unless its sentences' words are another, finer event's: only_beside_finer)
 * (the last in the model's order on a tie). A whole database has 10^4
 * entries in a month: the entries inside are found by their start, and
 * compared through the coarse one's weights spread over the vocabulary
 * (the same products, in the same order, as tl_vec_dot). */
static chr_err merge_compatible(model *mo)
{
    rentry **v = malloc((mo->n ? mo->n : 1) * sizeof *v);
    uint32_t **dense = calloc(mo->n ? mo->n : 1, sizeof *dense);
    vec_acc vocab = {0};
    float *cw = NULL;
    chr_err e = CHR_OK;
    if (!v || !dense)
        e = CHR_ENOMEM;
    for (size_t i = 0; i < mo->n && !e; i++)
        if (vec_acc_add(&vocab, &mo->e[i].c) != 0)
            e = CHR_ENOMEM;
    for (size_t i = 0; i < mo->n && !e; i++)
        if (dense_ids(&vocab, &mo->e[i].c, &dense[i]) != 0)
            e = CHR_ENOMEM;
    if (!e && !(cw = calloc(vocab.n ? vocab.n : 1, sizeof *cw)))
        e = CHR_ENOMEM;
    for (size_t i = 0; i < mo->n && !e; i++)
        v[i] = &mo->e[i];
    if (!e)
        qsort(v, mo->n, sizeof *v, cmp_start);
    for (size_t i = 0; i < mo->n && !e; i++) {
        rentry *c = &mo->e[i];
        if (!c->n || c->cnorm <= 0 ||
            (c->core_gran != CHR_GRAN_MONTH && c->core_gran != CHR_GRAN_WEEK) ||
            only_beside_finer(c, mo->keys, mo->n_keys))
            continue;
        size_t lo = 0, hi = mo->n; /* first entry starting on or after c */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (v[mid]->core_start < c->core_start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (uint32_t k = 0; k < c->c.n; k++)
            cw[dense[i][k]] = c->c.t[k].w;
        rentry *best = NULL;
        double bs = MERGE_COMPAT_SIM;
        for (size_t j = lo; j < mo->n && v[j]->core_start <= c->core_end; j++) {
            rentry *f = v[j];
            if (f == c || !f->n || f->cnorm <= 0 || f->core_gran >= c->core_gran ||
                f->core_end > c->core_end)
                continue;
            int apart = names_apart(mo, c, f);
            if (apart < 0) {
                e = CHR_ENOMEM;
                break;
            }
            if (apart)
                continue;
            const uint32_t *fd = dense[f - mo->e];
            double dot = 0;
            for (uint32_t k = 0; k < f->c.n; k++)
                dot += (double)cw[fd[k]] * f->c.t[k].w;
            double s = dot / (c->cnorm * f->cnorm);
            if ((s > bs || (s == bs && (!best || f > best))) &&
                same_event(mo, c, f, MERGE_COMPAT_SIM)) {
                bs = s;
                best = f;
            }
        }
        for (uint32_t k = 0; k < c->c.n; k++)
            cw[dense[i][k]] = 0;
        if (best && !e) {
            e = merge_into(best, c);
            if (!e && dense_ids(&vocab, &best->c, &dense[best - mo->e]) != 0)
                e = CHR_ENOMEM;
        }
    }
    for (size_t i = 0; dense && i < mo->n; i++)
        free(dense[i]);
    free(dense);
    free(cw);
    vec_acc_free(&vocab);
    free(v);
    return e;
}

/* ---- per-entry facts ---- */

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* Cosine of a mention (current idf) with an idf-weighted centroid. */
static double sim_to(const model *mo, const tl_vec *v, const tl_vec *c, double cnorm)
{
    double mn = tl_vec_norm(v, model_idf, (void *)mo);
    if (mn <= 0 || cnorm <= 0)
        return 0;
    double dot = 0;
    uint32_t i = 0, j = 0;
    while (i < v->n && j < c->n) {
        if (v->t[i].id < c->t[j].id)
            i++;
        else if (c->t[j].id < v->t[i].id)
            j++;
        else {
            dot += v->t[i].w * model_idf((void *)mo, v->t[i].id) * c->t[j].w;
            i++;
            j++;
        }
    }
    return dot / (mn * cnorm);
}

typedef struct dategroup {
    int32_t start, end;
    int support;
    int mentions;
    double w;
    size_t first; /* a mention index */
} dategroup;

/* Date of an entry: the finest granularity its sources give; among those,
 * the interval most independent sources give. Others at that granularity
 * that do not overlap it are a conflict. */
static void entry_date(rentry *r, int64_t *scratch)
{
    /* sentences placed at their publication date count only when nothing
     * in the entry states a date */
    int explicit = 0;
    for (size_t k = 0; k < r->n; k++)
        explicit |= r->m[k].tx_start >= 0;
    chr_gran fin = CHR_GRAN_YEAR;
    for (size_t k = 0; k < r->n; k++)
        if (r->m[k].gran < fin && (!explicit || r->m[k].tx_start >= 0))
            fin = r->m[k].gran;
    dategroup g[16];
    size_t ng = 0;
    for (size_t k = 0; k < r->n; k++) {
        const rm *m = &r->m[k];
        if (m->gran != fin || (explicit && m->tx_start < 0))
            continue;
        size_t i = 0;
        while (i < ng && !(g[i].start == m->start && g[i].end == m->end))
            i++;
        if (i == ng) {
            if (ng == sizeof g / sizeof g[0])
                continue;
            g[ng].start = m->start;
            g[ng].end = m->end;
            g[ng].support = 0;
            g[ng].mentions = 0;
            g[ng].w = 0;
            g[ng].first = k;
            ng++;
        }
        g[i].mentions++;
        g[i].w += m->weight;
    }
    for (size_t i = 0; i < ng; i++) {
        size_t n = 0;
        for (size_t k = 0; k < r->n; k++)
            if (r->m[k].gran == fin && r->m[k].start == g[i].start && r->m[k].end == g[i].end &&
                (!explicit || r->m[k].tx_start >= 0))
                scratch[n++] = r->m[k].indep;
        qsort(scratch, n, sizeof *scratch, cmp_i64);
        for (size_t k = 0; k < n; k++)
            g[i].support += !k || scratch[k] != scratch[k - 1];
    }
    size_t best = 0;
    for (size_t i = 1; i < ng; i++) {
        /* as many sources: a day inside a run of days is the finer word ("entre
         * 30 e 31 de agosto", then "amanhã" told on the 30th); then the date
         * whose mentions weigh more (one written out and recalled, "le 25
         * janvier", over "mardi" or an announced day); then the one more
         * mentions give, then the earlier */
        int days = fin == CHR_GRAN_DAY; /* ("later this year" is no finer word) */
        int inside = days && g[i].start >= g[best].start && g[i].end <= g[best].end,
            outside = days && g[best].start >= g[i].start && g[best].end <= g[i].end;
        int32_t wi = g[i].end - g[i].start, wb = g[best].end - g[best].start;
        int better;
        if (g[i].support != g[best].support)
            better = g[i].support > g[best].support;
        else if ((inside && wi < wb) || (outside && wb < wi))
            better = inside && wi < wb;
        else if (fabs(g[i].w - g[best].w) > 1e-6) /* (sums in any order) */
            better = g[i].w > g[best].w;
        else if (g[i].mentions != g[best].mentions)
            better = g[i].mentions > g[best].mentions;
        else
            better = g[i].start < g[best].start;
        if (better)
            best = i;
    }
    r->gran = fin;
    r->start = ng ? g[best].start : 0;
    r->end = ng ? g[best].end : 0;
    r->conflict[0] = '\0';
    for (size_t i = 0; i < ng; i++) {
        if (i == best || (g[i].start <= r->end && g[i].end >= r->start))
            continue;
        /* only articles that do not also give the chosen date disagree */
        int agree = 0;
        for (size_t k = 0; k < r->n && !agree; k++) {
            const rm *m = &r->m[k];
            if (m->gran != fin || m->start != g[i].start || m->end != g[i].end)
                continue;
            for (size_t j = 0; j < r->n && !agree; j++)
                agree = r->m[j].indep == m->indep && r->m[j].start <= r->end &&
                        r->m[j].end >= r->start && r->m[j].tx_start >= 0;
        }
        if (agree)
            continue;
        char a[24], b[24];
        tl_format_label(g[i].start, fin, a, sizeof a);
        tl_format_label(r->start, fin, b, sizeof b);
        size_t used = strlen(r->conflict);
        snprintf(r->conflict + used, sizeof r->conflict - used, "%s%d source%s give%s %s, not %s",
                 used ? "; " : "", g[i].support, g[i].support == 1 ? "" : "s",
                 g[i].support == 1 ? "s" : "", a, b);
    }
}

static double raw_norm(const tl_vec *v)
{
    double s = 0;
    for (uint32_t k = 0; k < v->n; k++)
        s += (double)v->t[k].w * v->t[k].w;
    return sqrt(s);
}

/* Prefer statements of a readable length: a factor that falls once a
 * sentence has more than about 15 content words (the vector's weight sum
 * stands for its length). */
static double brevity(const tl_vec *v)
{
    double len = 0;
    for (uint32_t k = 0; k < v->n; k++)
        len += v->t[k].w;
    return 1.0 / (1.0 + BREVITY * (len > BREVITY_FREE ? len - BREVITY_FREE : 0));
}

/* A sentence that dates several events is less about any one of them:
 * each other date it gives lowers it as an entry's text by this much. */
#define OTHER_DATE_PENALTY 0.4

/* How many of the model's mentions (dates) the sentence of m holds. */
static size_t dates_in_sentence(const sent_key *keys, size_t n, const rm *m)
{
    sent_key k = {m->article_id, m->sentence, 0};
    const sent_key *p = bsearch(&k, keys, n, sizeof *keys, cmp_sent_key);
    if (!p)
        return 1;
    const sent_key *a = p, *b = p;
    while (a > keys && !cmp_sent_key(a - 1, &k))
        a--;
    while (b + 1 < keys + n && !cmp_sent_key(b + 1, &k))
        b++;
    return (size_t)(b - a) + 1;
}

/* Each entry's date, support, weight, centrality (against story, the
 * story's summed mention vectors, of norm story_norm) and representative
 * sentence; acc is scratch. */
static void entry_facts(model *mo, const vec_acc *story, double story_norm, vec_acc *acc)
{
    size_t maxn = 1;
    for (size_t i = 0; i < mo->n; i++)
        if (mo->e[i].n > maxn)
            maxn = mo->e[i].n;
    int64_t *scratch = malloc(maxn * sizeof *scratch);
    float *wmax = malloc(maxn * sizeof *wmax);
    if (!scratch || !wmax) {
        free(scratch);
        free(wmax);
        return;
    }
    for (size_t i = 0; i < mo->n; i++) {
        rentry *r = &mo->e[i];
        if (!r->n)
            continue;
        entry_date(r, scratch);
        /* support and weight: each independent article once, at its best */
        for (size_t k = 0; k < r->n; k++)
            scratch[k] = r->m[k].indep;
        qsort(scratch, r->n, sizeof *scratch, cmp_i64);
        size_t u = 0;
        for (size_t k = 0; k < r->n; k++)
            if (!u || scratch[u - 1] != scratch[k])
                scratch[u++] = scratch[k];
        for (size_t k = 0; k < u; k++)
            wmax[k] = 0;
        for (size_t k = 0; k < r->n; k++) {
            int64_t *p = bsearch(&r->m[k].indep, scratch, u, sizeof *scratch, cmp_i64);
            if (p && r->m[k].weight > wmax[p - scratch])
                wmax[p - scratch] = r->m[k].weight;
        }
        r->support = (int)u;
        r->weight = 0;
        for (size_t k = 0; k < u; k++)
            r->weight += wmax[k];
        /* centrality: the entry's words against the whole story's, by raw
         * counts, so that the story's main names and words weigh most */
        tl_vec raw = {NULL, 0};
        int bad = 0;
        for (size_t k = 0; k < r->n; k++)
            bad |= vec_acc_add(acc, &r->m[k].v);
        bad |= vec_acc_vec(acc, &raw);
        vec_acc_clear(acc);
        if (bad) /* out of memory: no centrality rather than half of one */
            tl_vec_free(&raw);
        double rn = raw_norm(&raw);
        r->centrality = rn > 0 && story_norm > 0 ? vec_acc_dot(story, &raw) / (rn * story_norm) : 0;
        tl_vec_free(&raw);
        r->score = r->weight * (0.5 + r->centrality);
        /* representative: a sentence that states the entry's date at its
         * granularity (else any dated one, else a placed one), the closest
         * to the entry's centroid among those */
        double cn = raw_norm(&r->c);
        r->rep = 0;
        double best = -1;
        for (size_t k = 0; k < r->n; k++) {
            rm *m = &r->m[k];
            m->sim = sim_to(mo, &m->v, &r->c, cn) * brevity(&m->v);
            int states =
                m->tx_start >= 0 && m->gran == r->gran && m->start <= r->end && m->end >= r->start;
            double sm = m->sim + (m->tx_start >= 0 ? 1 : 0) + (states ? 2 : 0);
            if (m->tx_start >= 0) {
                double others = (double)dates_in_sentence(mo->keys, mo->n_keys, m) - 1;
                sm -= OTHER_DATE_PENALTY * (others < 2 ? others : 2);
            }
            m->rsel = sm;
            if (sm > best + 1e-12) {
                best = sm;
                r->rep = k;
            }
        }
    }
    free(scratch);
    free(wmax);
}

/* Whether m states r's date: it gives r's date at r's granularity; for an
 * entry that only publication dates place, any of its sentences. */
static int states_date(const rentry *r, const rm *m, int explicit)
{
    if (!explicit)
        return 1;
    return m->tx_start >= 0 && m->gran == r->gran && m->start <= r->end && m->end >= r->start;
}

typedef struct claim {
    int64_t article;
    int32_t sentence;
    int gran;
    int32_t span; /* days after the first: a run of days is vaguer than one */
    double score;
    int32_t start;
    int64_t id;
    rentry *r;
    size_t k; /* the mention */
} claim;

static int cmp_claim(const void *a, const void *b)
{
    const claim *x = a, *y = b;
    if (x->article != y->article)
        return x->article < y->article ? -1 : 1;
    if (x->sentence != y->sentence)
        return x->sentence < y->sentence ? -1 : 1;
    if (x->gran != y->gran)
        return x->gran < y->gran ? -1 : 1;
    if (x->span != y->span)
        return x->span < y->span ? -1 : 1;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Which sentences may be which entry's text. An entry's text states its
 * date; a sentence that states the dates of several entries ("Veltro will
 * report second-quarter results on July 24", "net profit 1986 ... vs 1985")
 * belongs to one of them: the one whose date it gives at the finest
 * granularity (one day before a run of days: "presented today the analyses
 * made from 5 to 8 March" is today's); among those, the one with the fewest
 * such sentences (so that
 * "the river overflowed on Wednesday, and the emergency was declared on
 * Thursday" is Wednesday's when Thursday has others), then the one more
 * sources report (an event that two outlets tell keeps its text against
 * one an article recalls in passing), then the most important. An entry
 * left without a sentence of its own states nothing the others do not, and
 * is not output. */
static chr_err own_texts(model *mo)
{
    size_t total = 0;
    for (size_t i = 0; i < mo->n; i++)
        total += mo->e[i].n;
    claim *c = malloc((total ? total : 1) * sizeof *c);
    if (!c)
        return CHR_ENOMEM;
    size_t nc = 0;
    for (size_t i = 0; i < mo->n; i++) {
        rentry *r = &mo->e[i];
        int explicit = 0;
        for (size_t k = 0; k < r->n; k++)
            explicit |= r->m[k].tx_start >= 0;
        r->n_own = r->n_opt = 0;
        for (size_t k = 0; k < r->n; k++) {
            rm *m = &r->m[k];
            m->own = 0;
            if (states_date(r, m, explicit))
                c[nc++] = (claim){
                    m->article_id, m->sentence, r->gran, r->end - r->start, r->score, r->start,
                    r->id,         r,           k};
        }
    }
    qsort(c, nc, sizeof *c, cmp_claim);
    for (size_t i = 0, j; i < nc; i = j) {
        for (j = i + 1; j < nc && c[j].article == c[i].article && c[j].sentence == c[i].sentence;
             j++)
            ;
        for (size_t x = i; x < j; x++) /* claims of one entry are adjacent */
            c[x].r->n_opt += x == i || c[x].r != c[x - 1].r;
    }
    for (size_t i = 0, j; i < nc; i = j) {
        rentry *best = c[i].r;
        for (j = i + 1; j < nc && c[j].article == c[i].article && c[j].sentence == c[i].sentence;
             j++)
            if (c[j].gran == c[i].gran && c[j].span == c[i].span &&
                (c[j].r->n_opt < best->n_opt ||
                 (c[j].r->n_opt == best->n_opt && c[j].r->support > best->support)))
                best = c[j].r;
        for (size_t x = i; x < j; x++)
            if (c[x].r == best) {
                best->m[c[x].k].own = 1;
                best->n_own++;
            }
    }
    free(c);
    return CHR_OK;
}

/* ---- selection ---- */

static int cmp_score_desc(const void *a, const void *b)
{
    const rentry *x = *(rentry *const *)a, *y = *(rentry *const *)b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_date(const void *a, const void *b)
{
    const rentry *x = *(rentry *const *)a, *y = *(rentry *const *)b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->gran != y->gran)
        return x->gran < y->gran ? -1 : 1;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

typedef struct day_score {
    int32_t day;
    double score;
} day_score;

static int cmp_day_score(const void *a, const void *b)
{
    const day_score *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->day < y->day ? -1 : x->day > y->day;
}

static int cmp_day(const void *a, const void *b)
{
    const day_score *x = a, *y = b;
    return x->day < y->day ? -1 : x->day > y->day;
}

typedef struct day_art {
    int32_t day;
    int64_t indep;
    double w;
} day_art;

static int cmp_day_art(const void *a, const void *b)
{
    const day_art *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->indep < y->indep ? -1 : x->indep > y->indep;
}

/* A day's importance: each independent article that reports on it (in any
 * of the day's entries) once, at its heaviest mention; v sorted by date,
 * ds[0..nd) its distinct days ascending. */
static chr_err day_scores(rentry **v, size_t n, day_score *ds, size_t nd)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += v[i]->n;
    day_art *da = malloc((total ? total : 1) * sizeof *da);
    if (!da)
        return CHR_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < v[i]->n; j++) {
            da[k].day = v[i]->start;
            da[k].indep = v[i]->m[j].indep;
            da[k++].w = v[i]->m[j].weight * (0.5 + v[i]->centrality);
        }
    qsort(da, k, sizeof *da, cmp_day_art);
    size_t d = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        double best = 0;
        while (j < k && da[j].day == da[i].day && da[j].indep == da[i].indep) {
            if (da[j].w > best)
                best = da[j].w;
            j++;
        }
        while (d < nd && ds[d].day < da[i].day)
            d++;
        if (d < nd && ds[d].day == da[i].day)
            ds[d].score += best;
        i = j;
    }
    free(da);
    return CHR_OK;
}

/* Whether two entries give the same date (start, end and granularity). */
static int same_date(const rentry *a, const rentry *b)
{
    return a->start == b->start && a->end == b->end && a->gran == b->gran;
}

/* Mark the entries to output; returns them ordered by date in *out. */
static chr_err select_entries(model *mo, const chr_tl_opts *o, int one_per_day, int32_t first,
                              int32_t last, rentry ***out, size_t *n_out, size_t *n_all)
{
    rentry **v = malloc((mo->n ? mo->n : 1) * sizeof *v);
    if (!v)
        return CHR_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < mo->n; i++) {
        rentry *r = &mo->e[i];
        r->keep =
            r->n > 0 && r->n_own > 0 && r->support >= (o->min_support > 1 ? o->min_support : 1);
        r->slots = o->sentences;
        r->day_score = 0;
        if (r->keep && o->dates > 0 && r->gran != CHR_GRAN_DAY)
            r->keep = 0;
        if (r->keep)
            v[n++] = r;
    }
    *n_all = n;
    if (o->dates > 0) {
        /* days by the summed importance of their entries */
        day_score *ds = malloc((n ? n : 1) * sizeof *ds);
        if (!ds) {
            free(v);
            return CHR_ENOMEM;
        }
        qsort(v, n, sizeof *v, cmp_date);
        size_t nd = 0;
        for (size_t i = 0; i < n; i++) {
            if (!nd || ds[nd - 1].day != v[i]->start) {
                ds[nd].day = v[i]->start;
                ds[nd++].score = 0;
            }
        }
        if (day_scores(v, n, ds, nd) != CHR_OK) {
            free(ds);
            free(v);
            return CHR_ENOMEM;
        }
        /* the N days of the coverage: days far outside the publication
         * span are background */
        for (size_t i = 0; i < nd && first != TL_NO_DAY; i++)
            if (ds[i].day < first - COVER_MARGIN || ds[i].day > last + COVER_MARGIN)
                ds[i].score *= COVER_OUTSIDE;
        qsort(ds, nd, sizeof *ds, cmp_day_score);
        if (nd > (size_t)o->dates)
            nd = (size_t)o->dates;
        qsort(ds, nd, sizeof *ds, cmp_day);
        /* each kept day's K sentences: one per entry by importance, the
         * rest from its most important entry (one_per_day: all from it);
         * entries left without one are not output */
        qsort(v, n, sizeof *v, cmp_score_desc);
        int k = o->sentences > 0 ? o->sentences : 1;
        for (size_t i = 0; i < n; i++)
            v[i]->slots = 0;
        for (size_t i = 0; i < nd; i++) {
            int left = k;
            rentry *top = NULL;
            for (size_t j = 0; j < n && left > 0 && !(one_per_day && top); j++) {
                if (v[j]->start != ds[i].day)
                    continue;
                v[j]->day_score = ds[i].score;
                if (!top)
                    top = v[j];
                v[j]->slots = 1;
                left--;
            }
            if (top)
                top->slots += left;
        }
        size_t m = 0;
        for (size_t j = 0; j < n; j++) {
            if (v[j]->slots > 0)
                v[m++] = v[j];
            else
                v[j]->keep = 0;
        }
        n = m;
        free(ds);
    } else if (o->top > 0) {
        /* the most important entries, one per date: a second event of a
         * date already kept gives way to the next date's (however many are
         * asked for) */
        qsort(v, n, sizeof *v, cmp_score_desc);
        size_t most = 0;
        for (size_t i = 1; i < n; i++)
            if (v[i]->support > v[most]->support)
                most = i;
        rentry *best = n ? v[most] : NULL;
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            int seen = 0;
            for (size_t j = 0; j < m && !seen && !o->same_date; j++)
                seen = same_date(v[j], v[i]);
            if (m < (size_t)o->top && !seen)
                v[m++] = v[i];
            else
                v[i]->keep = 0;
        }
        /* the entry most sources report is kept whatever its importance
         * (the state visit four of the samples' five articles announce,
         * weighed half as announced, against landmarks three recall), in
         * the place of the least important one kept, unless its date is
         * already shown */
        int shown = 0;
        for (size_t j = 0; j < m && best && !shown; j++)
            shown = v[j] == best || (!o->same_date && same_date(v[j], best));
        if (best && !shown && m > 0 && best->support > 1) {
            v[m - 1]->keep = 0;
            best->keep = 1;
            v[m - 1] = best;
        }
        n = m;
    }
    qsort(v, n, sizeof *v, cmp_date);
    *out = v;
    *n_out = n;
    return CHR_OK;
}

/* ---- materialising text ---- */

typedef struct art_cache {
    int64_t *ids;
    tl_article *a;
    size_t n, cap;
    uint32_t *slot; /* by id: 1 + index, 0 = empty (a whole database has 10^4) */
    size_t mask;
    tl_loader *l;
} art_cache;

static size_t id_hash(int64_t id)
{
    return term_hash((uint32_t)id ^ (uint32_t)((uint64_t)id >> 32));
}

static const tl_article *cache_get(art_cache *c, int64_t id)
{
    size_t h = 0;
    if (c->slot) {
        h = id_hash(id) & c->mask;
        while (c->slot[h]) {
            if (c->ids[c->slot[h] - 1] == id)
                return &c->a[c->slot[h] - 1];
            h = (h + 1) & c->mask;
        }
    }
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 32;
        int64_t *ni = realloc(c->ids, nc * sizeof *ni);
        if (ni)
            c->ids = ni;
        tl_article *na = ni ? realloc(c->a, nc * sizeof *na) : NULL;
        if (na)
            c->a = na;
        uint32_t *ns = na ? calloc(2 * nc, sizeof *ns) : NULL;
        if (!ns)
            return NULL;
        for (size_t i = 0; i < c->n; i++) {
            size_t k = id_hash(c->ids[i]) & (2 * nc - 1);
            while (ns[k])
                k = (k + 1) & (2 * nc - 1);
            ns[k] = (uint32_t)(i + 1);
        }
        free(c->slot);
        c->slot = ns;
        c->mask = 2 * nc - 1;
        c->cap = nc;
        h = id_hash(id) & c->mask;
        while (c->slot[h])
            h = (h + 1) & c->mask;
    }
    if (tl_article_load(c->l, id, 0, &c->a[c->n]) != CHR_OK)
        return NULL;
    c->ids[c->n] = id;
    c->slot[h] = (uint32_t)(c->n + 1);
    return &c->a[c->n++];
}

static void cache_free(art_cache *c)
{
    for (size_t i = 0; i < c->n; i++)
        tl_article_free(&c->a[i]);
    free(c->ids);
    free(c->a);
    free(c->slot);
}

/* Bytes of a live report's clock stamp that opens s, with its separator
 * and the spaces after it ("11h16 : ", "15 h : ", "13:40 - ", "9.05 – ", a
 * zone or "a.m." between: "12:30 GMT — "),
 * or 0. Hours and minutes must be a time of day, the separator must follow,
 * and text must remain: "15 April: ..." and "23 heures Kadhafi" keep theirs. */
static size_t clock_stamp(const char *s, const char *e)
{
    const char *p = s;
    int h = 0, nd = 0;
    while (p < e && nd < 2 && isdigit((unsigned char)*p)) {
        h = h * 10 + (*p++ - '0');
        nd++;
    }
    if (!nd || h > 23)
        return 0;
    if (p < e && *p == ' ')
        p++;
    if (p >= e || (*p != 'h' && *p != 'H' && *p != ':' && *p != '.'))
        return 0;
    int letter = *p != ':' && *p != '.';
    p++;
    if (p < e && *p == ' ' && letter)
        p++;
    int m = 0, nm = 0;
    while (p < e && nm < 2 && isdigit((unsigned char)*p)) {
        m = m * 10 + (*p++ - '0');
        nm++;
    }
    if ((!letter && nm != 2) || (nm && nm != 2) || m > 59 || (p < e && isdigit((unsigned char)*p)))
        return 0;
    while (p < e && *p == ' ')
        p++;
    /* Spanish and Catalan hours after the figures: "09.05 h - ", "09:05 h. - ";
     * "19.12 h Puigdemont assumeix ..." needs no dash */
    if (!letter && p + 1 < e && *p == 'h' && (p[1] == ' ' || p[1] == '.')) {
        p += 1 + (p[1] == '.');
        while (p < e && *p == ' ')
            p++;
        if (p < e && isupper((unsigned char)*p))
            return (size_t)(p - s);
    }
    /* a zone or "a.m." between ("12:30 GMT — ", "9:05 a.m. - ") */
    const char *z = p;
    while (z < e && z - p < 5 &&
           ((*z >= 'A' && *z <= 'Z') || *z == '.' || *z == 'a' || *z == 'p' || *z == 'm'))
        z++;
    if (z - p >= 2) {
        p = z;
        while (p < e && *p == ' ')
            p++;
    }
    static const char *const seps[] = {":", "-", "\xe2\x80\x93", "\xe2\x80\x94"};
    size_t k = 0;
    for (size_t i = 0; i < sizeof seps / sizeof *seps && !k; i++)
        if ((size_t)(e - p) > strlen(seps[i]) && strncmp(p, seps[i], strlen(seps[i])) == 0)
            k = strlen(seps[i]);
    if (!k || p + k >= e || p[k] != ' ')
        return 0;
    p += k;
    while (p < e && *p == ' ')
        p++;
    return p < e ? (size_t)(p - s) : 0;
}

/* A sentence as sources and entries show it: spaces folded, without the
 * marker of a list item ("- 3 juillet 2011 : ...", "• ...", "-Le pape ...")
 * or a live report's clock stamp ("11h16 : Kadhafi a adressé ..."). */
static char *sentence_text(const tl_article *a, int32_t idx)
{
    if (idx < 0 || (size_t)idx >= a->n_sents)
        return NULL;
    const char *s = a->text + a->sents[idx].start, *e = a->text + a->sents[idx].end;
    static const char *const marks[] = {
        "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\xa2", "\xc2\xb7", "*", "-"};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        size_t n = strlen(marks[k]);
        if ((size_t)(e - s) > n + 1 && strncmp(s, marks[k], n) == 0 &&
            (s[n] == ' ' || (s[n] >= 'A' && s[n] <= 'Z') || (unsigned char)s[n] >= 0xC3)) {
            s += n;
            break;
        }
    }
    while (s < e && *s == ' ')
        s++;
    s += clock_stamp(s, e);
    return tl_fold_space(s, (size_t)(e - s));
}

/* Does the (space-folded) sentence open with a quotation mark? */
static int opens_quote(const char *s)
{
    static const char *const marks[] = {"\"",           "'",        "\xe2\x80\x9c", "\xe2\x80\x9e",
                                        "\xe2\x80\x98", "\xc2\xab", "\xe2\x80\x9d", "``"};
    while (*s == ' ' || *s == '-')
        s++;
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (strncmp(s, marks[i], strlen(marks[i])) == 0)
            return 1;
    return 0;
}

/* Whether s opens with a personal or demonstrative pronoun ("He declined
 * to comment", "Il a ajouté", "Ella dijo", "This was the first"): its
 * subject is in another sentence, so it states an event less well. */
/* Whether the date at byte tx of text stands in a relative clause of its
 * sentence (from byte start): the nearest comma before it in the sentence
 * opens "che/que/qui/who/which/where/dove/onde/où/care". */
static int in_side_clause(const char *text, size_t start, size_t tx)
{
    static const char *const REL[] = {
        "che",  "que", "qui",   "who",   "which", "where", "whose", "dove",    "onde", "o\xc3\xb9",
        "care", "cui", "quale", "quali", "cuyo",  "cuya",  "quien", "quienes", "dont", NULL};
    size_t p = tx;
    while (p > start && text[p - 1] != ',' && text[p - 1] != '(' && text[p - 1] != ';')
        p--;
    if (p == start || text[p - 1] != ',')
        return 0;
    while (p < tx && text[p] == ' ')
        p++;
    size_t e = p;
    while (e < tx && text[e] != ' ' && text[e] != ',')
        e++;
    for (const char *const *w = REL; *w; w++)
        if (strlen(*w) == e - p && !strncmp(text + p, *w, e - p))
            return 1;
    return 0;
}

static int opens_pronoun(const char *s)
{
    static const char *const words[] = {
        "He",    "She",  "It",    "They",  "His",       "Their", "Its",   "Elle",  "Ils",
        "Elles", "Cela", "Celui", "Celle", "\xc3\x89l", "Ella",  "Ellos", "Ellas", "Esto",
        "Lui",   "Lei",  "Egli",  "Essi",  "Ele",       "Ela",   "Eles",  "Elas"};
    while (*s == ' ' || *s == '-')
        s++;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k]);
        if (strncmp(s, words[k], n) == 0 && (s[n] == ' ' || s[n] == ','))
            return 1;
    }
    return 0;
}

/* Whether s opens with a lower-case letter (after spaces and dashes). */
static int opens_lower(const char *s)
{
    while (*s == ' ' || *s == '-')
        s++;
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) <= 0)
        return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* A post quoted from a social network: "@user: ...", "RT @user ...", or a
 * line carrying two hashtags or more. Somebody's words, like a quotation. */
static int is_post(const char *s)
{
    while (*s == ' ' || *s == '-')
        s++;
    if (*s == '@' || strncmp(s, "RT @", 4) == 0)
        return 1;
    int tags = 0;
    for (const char *p = strchr(s, '#'); p; p = strchr(p + 1, '#'))
        tags += p[1] && (isalnum((unsigned char)p[1]) || (unsigned char)p[1] >= 0x80) &&
                (p == s || p[-1] == ' ');
    return tags >= 2;
}

static int cmp_source(const void *a, const void *b)
{
    const chr_tl_source *x = a, *y = b;
    int c = strcmp(x->pub_date ? x->pub_date : "", y->pub_date ? y->pub_date : "");
    if (c)
        return c;
    if (x->article_id != y->article_id)
        return x->article_id < y->article_id ? -1 : 1;
    if (x->sentence_no != y->sentence_no) /* an article's in reading order */
        return x->sentence_no < y->sentence_no ? -1 : 1;
    return strcmp(x->expression, y->expression);
}

/* Drops a source that repeats an earlier one of its article (sorted by
 * cmp_source): the same sentence and expression, which a page that prints
 * a paragraph twice gives twice. */
static void drop_repeated_sources(chr_tl_entry *e)
{
    size_t m = 0, first = 0; /* first: where the current article's sources begin */
    for (size_t k = 0; k < e->n_sources; k++) {
        const chr_tl_source *x = &e->sources[k];
        if (m && e->sources[m - 1].article_id != x->article_id)
            first = m;
        int seen = 0;
        for (size_t q = first; q < m && !seen; q++)
            seen = strcmp(e->sources[q].sentence, x->sentence) == 0 &&
                   strcmp(e->sources[q].expression, x->expression) == 0;
        if (!seen)
            e->sources[m++] = *x;
    }
    e->n_sources = m;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* MMR over the entry's distinct sentences, the representative first.
 * text[i] is mention i's sentence (NULL: unreadable); sentences in
 * others[0..n_others) (sorted, the other entries' texts) are not taken. */
static size_t pick_sentences(const model *mo, const rentry *r, int k, size_t *out,
                             const char *const *text, const char **others, size_t n_others)
{
    size_t n = 0;
    if (k <= 0 || !r->n)
        return 0;
    out[n++] = r->rep;
    while ((int)n < k) {
        double best = -1e9;
        size_t bi = r->n;
        for (size_t i = 0; i < r->n; i++) {
            double red = 0;
            int same_art = 0, taken = 0;
            for (size_t j = 0; j < n; j++) {
                if (out[j] == i)
                    taken = 1;
                const rm *a = &r->m[i], *b = &r->m[out[j]];
                if (a->article_id == b->article_id && a->sentence == b->sentence)
                    taken = 1;
                same_art |= a->indep == b->indep;
                if (text[i] && text[out[j]] && strcmp(text[i], text[out[j]]) == 0)
                    taken = 1; /* a reprint's copy */
                double s = vec_cos(&a->v, &b->v, mo);
                if (s > red)
                    red = s;
            }
            if (taken || red > SAME_SENTENCE ||
                (text[i] && n_others &&
                 bsearch(&text[i], others, n_others, sizeof *others, cmp_str)))
                continue;
            double sc = MMR_LAMBDA * r->m[i].sim - (1 - MMR_LAMBDA) * red - (same_art ? 0.05 : 0);
            if (sc > best) {
                best = sc;
                bi = i;
            }
        }
        if (bi == r->n)
            break;
        out[n++] = bi;
    }
    return n;
}

static chr_err materialise(chr_timeline *tl, model *mo, rentry **sel, size_t n, art_cache *ac,
                           const chr_tl_opts *o)
{
    tl_priv *pv = tl->priv;
    tl_pool *p = &pv->strings;
    tl->entries = calloc(n ? n : 1, sizeof *tl->entries);
    if (!tl->entries)
        return CHR_ENOMEM;
    size_t *pick = NULL;
    size_t maxn = 1, total = 0;
    for (size_t i = 0; i < n; i++) {
        if (sel[i]->n > maxn)
            maxn = sel[i]->n;
        total += sel[i]->n;
    }
    pick = malloc(maxn * sizeof *pick);
    const char **mtext = calloc(total ? total : 1, sizeof *mtext); /* by entry, by mention */
    const char **texts = malloc((n ? n : 1) * sizeof *texts);
    chr_err err = CHR_OK;
    if (!pick || !mtext || !texts) {
        err = CHR_ENOMEM;
        goto out;
    }
    for (size_t i = 0, base = 0; i < n; base += sel[i++]->n) {
        rentry *r = sel[i];
        chr_tl_entry *e = &tl->entries[tl->n++];
        tl_format_date(r->start, r->gran, e->date, sizeof e->date);
        tl_format_label(r->start, r->gran, e->label, sizeof e->label);
        if (r->end > r->start) {
            if (r->gran == CHR_GRAN_DAY || r->gran == CHR_GRAN_WEEK || r->gran == CHR_GRAN_MONTH)
                tl_format_date(r->end, r->gran, e->end, sizeof e->end);
            if (strcmp(e->end, e->date) == 0)
                e->end[0] = '\0';
        }
        e->gran = r->gran;
        e->support = r->support;
        e->score = r->score;
        e->day_score = r->day_score;
        e->conflict = r->conflict[0] ? tl_pool_dup(p, r->conflict) : NULL;
        e->sources = calloc(r->n, sizeof *e->sources);
        if (!e->sources) {
            err = CHR_ENOMEM;
            goto out;
        }
        double best = -1e9;
        for (size_t k = 0; k < r->n; k++) {
            const rm *m = &r->m[k];
            const tl_article *a = cache_get(ac, m->article_id);
            if (!a)
                continue;
            chr_tl_source *s = &e->sources[e->n_sources];
            s->article_id = m->article_id;
            s->article = tl_pool_dup(p, tl_article_name(a));
            s->outlet = tl_pool_dup(p, a->outlet);
            s->pub_date = tl_pool_dup(p, a->pub_date);
            s->sentence = tl_pool_take(p, sentence_text(a, m->sentence));
            s->duplicate_of = a->dup_of;
            s->sentence_no = m->sentence;
            if (m->tx_start >= 0 && (size_t)m->tx_end <= a->len && m->tx_end > m->tx_start)
                s->expression = tl_pool_take(
                    p, tl_fold_space(a->text + m->tx_start, (size_t)(m->tx_end - m->tx_start)));
            else
                s->expression = tl_pool_dup(p, "");
            if (!s->sentence || !s->expression)
                continue;
            mtext[base + k] = s->sentence;
            /* the entry's text: entry_facts' choice, unless it quotes
             * somebody (or a post) and another sentence states the entry
             * as well */
            double rs =
                m->rsel - (opens_quote(s->sentence) || is_post(s->sentence) ? QUOTE_PENALTY : 0);
            if (opens_lower(s->sentence))
                rs -= FRAGMENT_PENALTY;
            else if (opens_pronoun(s->sentence))
                rs -= PRONOUN_PENALTY;
            if (m->pub != TL_NO_DAY && m->pub < r->start &&
                tl_report_cue(a->lang, s->sentence, strlen(s->sentence), NULL) <= 0)
                rs -= FORECAST_PENALTY;
            if (m->tx_start >= 0 && (size_t)m->sentence < a->n_sents &&
                (size_t)m->tx_start <= a->sents[m->sentence].start + LEAD_DATE_BYTES)
                rs += LEAD_DATE_BONUS;
            if (m->tx_start >= 0 && (size_t)m->sentence < a->n_sents &&
                in_side_clause(a->text, a->sents[m->sentence].start, (size_t)m->tx_start))
                rs -= SIDE_CLAUSE_PENALTY;
            if (m->own && rs > best + 1e-12) {
                best = rs;
                r->rep = k;
                e->text = s->sentence;
            }
            e->n_sources++;
        }
        if (!e->text && e->n_sources)
            e->text = e->sources[0].sentence;
        qsort(e->sources, e->n_sources, sizeof *e->sources, cmp_source);
        drop_repeated_sources(e);
    }
    /* extra sentences, once every entry has its text: none repeats another's */
    size_t nt = 0;
    for (size_t i = 0; i < n; i++)
        if (tl->entries[i].text)
            texts[nt++] = tl->entries[i].text;
    qsort(texts, nt, sizeof *texts, cmp_str);
    for (size_t i = 0, base = 0; i < n; base += sel[i++]->n) {
        rentry *r = sel[i];
        chr_tl_entry *e = &tl->entries[i];
        int k = o->dates > 0 ? r->slots : o->sentences;
        if (k <= 0)
            continue;
        /* the others' texts: all but this entry's own (one copy of it) */
        const char **own = e->text ? bsearch(&e->text, texts, nt, sizeof *texts, cmp_str) : NULL;
        size_t at = own ? (size_t)(own - texts) : nt;
        const char *keep = at < nt ? texts[at] : NULL;
        if (at < nt)
            memmove(&texts[at], &texts[at + 1], (nt - at - 1) * sizeof *texts);
        size_t np = pick_sentences(mo, r, k, pick, mtext + base, texts, at < nt ? nt - 1 : nt);
        if (at < nt) {
            memmove(&texts[at + 1], &texts[at], (nt - at - 1) * sizeof *texts);
            texts[at] = keep;
        }
        e->sentences = calloc(np ? np : 1, sizeof *e->sentences);
        if (!e->sentences) {
            err = CHR_ENOMEM;
            goto out;
        }
        for (size_t j = 0; j < np; j++) {
            const rm *m = &r->m[pick[j]];
            const tl_article *a = cache_get(ac, m->article_id);
            const char *t = a ? tl_pool_take(p, sentence_text(a, m->sentence)) : NULL;
            if (t)
                e->sentences[e->n_sentences++] = t;
        }
    }
out:
    free(pick);
    free(mtext);
    free(texts);
    return err;
}

/* ---- entry point ---- */

static int64_t count_i64(sqlite3 *db, const char *sql, int64_t arg)
{
    sqlite3_stmt *q;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(q, 1, arg);
    if (sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return v;
}

chr_err chr_timeline_stories(chr_store *st, int64_t **ids, size_t *n)
{
    *ids = NULL;
    *n = 0;
    sqlite3 *db = chr_store_sqlite(st);
    if (!tl_table_exists(db, "story_article"))
        return CHR_ENOTFOUND;
    chr_err e = tl_query_ids(db,
                             "SELECT story_id, count(*) c FROM story_article GROUP BY story_id"
                             " ORDER BY c DESC, story_id",
                             0, 0, ids, n);
    if (e)
        return e;
    if (!*n) {
        free(*ids);
        *ids = NULL;
        return CHR_ENOTFOUND;
    }
    return CHR_OK;
}

/* First and last publication day of the story's articles (0: all). */
static void pub_span(sqlite3 *db, int64_t story, int32_t *first, int32_t *last)
{
    sqlite3_stmt *q;
    const char *sql = story ? "SELECT min(a.pub_date), max(a.pub_date) FROM story_article s"
                              " JOIN articles a ON a.id = s.article_id WHERE s.story_id=?1"
                            : "SELECT min(pub_date), max(pub_date) FROM articles WHERE ?1 = ?1";
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(q, 1, story);
    if (sqlite3_step(q) == SQLITE_ROW) {
        int32_t f = tl_parse_day((const char *)sqlite3_column_text(q, 0));
        int32_t l = tl_parse_day((const char *)sqlite3_column_text(q, 1));
        if (f != TL_NO_DAY && l != TL_NO_DAY) {
            *first = f;
            *last = l;
        }
    }
    sqlite3_finalize(q);
}

/* Is the persisted state of story complete (every member added to it)? */
static int persisted_fresh(sqlite3 *db, int64_t story, int64_t members)
{
    if (!tl_table_exists(db, "tl_article"))
        return 0;
    int64_t done = count_i64(db,
                             "SELECT count(*) FROM story_article s JOIN tl_article t"
                             " ON t.article_id = s.article_id AND t.story_id = s.story_id"
                             " WHERE s.story_id=?1",
                             story);
    return done == members;
}

chr_err chr_timeline_build(chr_store *st, int64_t story_id, const chr_tl_opts *opts,
                           chr_timeline **out, chr_diag *d)
{
    *out = NULL;
    chr_tl_opts o = {0, 0, 0, 0, 0};
    if (opts)
        o = *opts;
    int one_per_day = 0;
    if (!story_id && o.top > 0 && o.dates <= 0) {
        /* the whole database is read against day-level reference
         * timelines: the N most important days, one entry each */
        o.dates = o.top;
        o.top = 0;
        one_per_day = 1;
    }
    sqlite3 *src = chr_store_sqlite(st), *mem = NULL, *db = src;
    int64_t members;
    chr_err e;
    int64_t mstory;                         /* the model's story: -1 every story's entries */
    story_id = tl_story_now(src, story_id); /* merged into another: that one now */
    mstory = story_id;
    if (story_id) {
        members =
            tl_table_exists(src, "story_article")
                ? count_i64(src, "SELECT count(*) FROM story_article WHERE story_id=?1", story_id)
                : 0;
        if (members <= 0)
            return chr_diag_set(d, CHR_ENOTFOUND, "", 0, -1, "no story %lld", (long long)story_id);
        if (!persisted_fresh(src, story_id, members)) {
            e = tl_rebuild_memory(src, story_id, &mem, d);
            if (e)
                return e;
            db = mem;
        }
    } else {
        members = count_i64(src, "SELECT count(*) FROM articles WHERE ?1 = ?1", 0);
        /* the whole database: all its articles' mentions grouped again as
         * one story; past ALL_REGROUP_MAX articles (the regrouping grows
         * faster than linearly: 92 s for Reuters' 21,578) every story's
         * persisted entries together, merged by date and words when read */
        if (members > ALL_REGROUP_MAX && tl_table_exists(src, "tl_article") &&
            count_i64(src, "SELECT count(*) FROM tl_article WHERE ?1 = ?1", 0) == members) {
            mstory = -1;
        } else {
            e = tl_rebuild_memory(src, 0, &mem, d);
            if (e)
                return e;
            db = mem;
        }
    }
    chr_timeline *tl = calloc(1, sizeof *tl);
    tl_priv *pv = calloc(1, sizeof *pv);
    model mo;
    memset(&mo, 0, sizeof mo);
    art_cache ac = {0};
    rentry **sel = NULL;
    size_t nsel = 0;
    if (!tl || !pv) {
        free(pv); /* not yet tl's: chr_timeline_free would miss it */
        e = CHR_ENOMEM;
        goto done;
    }
    tl->priv = pv;
    tl->story_id = story_id;
    tl->n_articles = members > 0 ? (size_t)members : 0;
    e = load_model(db, mstory, &mo);
    if (!e)
        e = load_pub_days(src, &mo);
    if (!e)
        e = load_names(src, &mo);
    if (!e)
        e = sentence_keys(&mo, &mo.keys, &mo.n_keys);
    if (!e)
        e = merge_same_dates(&mo);
    if (!e)
        e = merge_compatible(&mo);
    if (e)
        goto done;
    /* the story's raw word counts, for centrality */
    tl_vec sc = {NULL, 0};
    vec_acc story = {0}, tmp = {0};
    for (size_t i = 0; i < mo.n && !e; i++)
        for (size_t k = 0; k < mo.e[i].n && !e; k++)
            if (vec_acc_add(&story, &mo.e[i].m[k].v) != 0)
                e = CHR_ENOMEM;
    if (!e && vec_acc_vec(&story, &sc) != 0)
        e = CHR_ENOMEM;
    double sn = 0;
    for (uint32_t k = 0; k < sc.n; k++)
        sn += (double)sc.t[k].w * sc.t[k].w;
    if (!e)
        entry_facts(&mo, &story, sqrt(sn), &tmp);
    tl_vec_free(&sc);
    vec_acc_free(&story);
    vec_acc_free(&tmp);
    if (!e)
        e = own_texts(&mo);
    if (e)
        goto done;
    int32_t first = TL_NO_DAY, last = TL_NO_DAY;
    pub_span(src, story_id, &first, &last);
    e = select_entries(&mo, &o, one_per_day, first, last, &sel, &nsel, &tl->n_all);
    if (e)
        goto done;
    if (one_per_day && o.sentences <= 0) /* --top without --sentences: texts only */
        for (size_t i = 0; i < nsel; i++)
            sel[i]->slots = 0;
    if (tl_loader_open(src, &ac.l) != CHR_OK) {
        e = CHR_ENOMEM;
        goto done;
    }
    e = materialise(tl, &mo, sel, nsel, &ac, &o);
done:
    free(sel);
    cache_free(&ac);
    tl_loader_close(ac.l);
    model_free(&mo);
    if (mem)
        sqlite3_close(mem);
    if (e) {
        chr_timeline_free(tl);
        return chr_diag_set(d, e, "", 0, -1, "timeline: %s", chr_strerror(e));
    }
    *out = tl;
    return CHR_OK;
}

void chr_timeline_free(chr_timeline *tl)
{
    if (!tl)
        return;
    for (size_t i = 0; i < tl->n; i++) {
        free(tl->entries[i].sources);
        free(tl->entries[i].sentences);
    }
    free(tl->entries);
    tl_priv *pv = tl->priv;
    if (pv) {
        tl_pool_free(&pv->strings);
        free(pv);
    }
    free(tl);
}

void chr_timeline_write_json(const chr_timeline *tl, chr_json *j)
{
    chr_json_begin_array(j);
    for (size_t i = 0; i < tl->n; i++) {
        const chr_tl_entry *e = &tl->entries[i];
        chr_json_begin_object(j);
        chr_json_kstring(j, "date", e->date);
        if (e->end[0])
            chr_json_kstring(j, "end", e->end);
        chr_json_kstring(j, "granularity", chr_gran_name(e->gran));
        chr_json_kstring(j, "label", e->label);
        chr_json_kstring(j, "text", e->text ? e->text : "");
        chr_json_kint(j, "support", e->support);
        chr_json_kdouble(j, "importance", e->score);
        if (e->day_score > 0)
            chr_json_kdouble(j, "day_importance", e->day_score);
        if (e->conflict)
            chr_json_kstring(j, "conflict", e->conflict);
        chr_json_key(j, "sources");
        chr_json_begin_array(j);
        for (size_t k = 0; k < e->n_sources; k++) {
            const chr_tl_source *s = &e->sources[k];
            chr_json_begin_object(j);
            chr_json_kstring(j, "article", s->article);
            chr_json_kstring(j, "outlet", s->outlet);
            chr_json_kstring(j, "pub_date", s->pub_date);
            chr_json_kstring(j, "sentence", s->sentence);
            chr_json_kstring(j, "expression", s->expression);
            chr_json_end_object(j);
        }
        chr_json_end_array(j);
        if (e->sentences) {
            chr_json_key(j, "sentences");
            chr_json_begin_array(j);
            for (size_t k = 0; k < e->n_sentences; k++)
                chr_json_string(j, e->sentences[k]);
            chr_json_end_array(j);
        }
        chr_json_end_object(j);
    }
    chr_json_end_array(j);
}
