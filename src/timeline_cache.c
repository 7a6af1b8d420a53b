/* chronicle — timeline entry cache: the grouper's in-process copy of
 * stories' tl_entry rows (dates, counts, norms, decoded centroids) and
 * document frequencies, one per database connection and shared by the
 * groups open on it, bounded by evicting whole stories, least recently used
 * first. Owns: loading a story's rows, counting a story's document
 * frequencies from its stored mentions (tl_story_df, which the reader uses
 * too), keeping entries in the order the candidate search reads, eviction,
 * forgetting. Not what is written: timeline.c passes every row it writes
 * (tl_cache_put, tl_cache_add), every article it counts
 * (tl_cache_df_counted), and says what changed behind the cache's back
 * (tl_cache_drop, tl_cache_clear). */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "timeline_int.h"

/* A few tens of MB: all of Reuters-21578 (42k entries, 351k df rows) takes ~20. */
#define TL_CACHE_BYTES ((size_t)48 << 20)

struct tl_cstory {
    int64_t id;
    tl_centry **e; /* ascending by (coarse, start, id): the candidate search's order */
    size_t n, cap, bytes;
    tl_cdf *df; /* document frequencies by term, when has_df */
    size_t ndf, dfcap;
    int has_df;
    tl_cstory *newer, *older; /* LRU list */
    tl_cstory *chain;         /* hash bucket */
};

struct tl_cache {
    sqlite3 *db;
    int refs;
    tl_cache *next; /* registry */
    sqlite3_stmt *q_load, *q_load_df, *q_version;
    sqlite3_int64 version;
    int have_version;
    tl_cstory **bucket;
    size_t nbucket, nstory, bytes, budget;
    tl_cstory *newest, *oldest;
};

/* The caches of open connections: groups on one connection share one, so
 * that what one writes the others read. */
static tl_cache *registry;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t entry_bytes(const tl_centry *e)
{
    /* the entry, its slot, its centroid, and malloc's overhead for two blocks */
    return sizeof *e + sizeof e + e->c.n * sizeof *e->c.t + 32;
}

static size_t bucket_of(const tl_cache *c, int64_t story)
{
    uint64_t h = (uint64_t)story * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 32) & (c->nbucket - 1);
}

static tl_cstory *find_story(const tl_cache *c, int64_t story)
{
    if (!c->nbucket)
        return NULL;
    tl_cstory *s = c->bucket[bucket_of(c, story)];
    while (s && s->id != story)
        s = s->chain;
    return s;
}

static void lru_unlink(tl_cache *c, tl_cstory *s)
{
    if (s->newer)
        s->newer->older = s->older;
    else
        c->newest = s->older;
    if (s->older)
        s->older->newer = s->newer;
    else
        c->oldest = s->newer;
    s->newer = s->older = NULL;
}

static void lru_front(tl_cache *c, tl_cstory *s)
{
    s->older = c->newest;
    s->newer = NULL;
    if (c->newest)
        c->newest->newer = s;
    c->newest = s;
    if (!c->oldest)
        c->oldest = s;
}

static void free_story(tl_cstory *s)
{
    for (size_t i = 0; i < s->n; i++) {
        tl_vec_free(&s->e[i]->c);
        free(s->e[i]);
    }
    free(s->e);
    free(s->df);
    free(s);
}

static void forget_story(tl_cache *c, tl_cstory *s)
{
    tl_cstory **p = &c->bucket[bucket_of(c, s->id)];
    while (*p != s)
        p = &(*p)->chain;
    *p = s->chain;
    lru_unlink(c, s);
    c->nstory--;
    c->bytes -= s->bytes;
    free_story(s);
}

/* While over budget, evict stories, least recently used first (not keep). */
static void evict(tl_cache *c, const tl_cstory *keep)
{
    tl_cstory *s = c->oldest;
    while (c->bytes > c->budget && s) {
        tl_cstory *newer = s->newer;
        if (s != keep)
            forget_story(c, s);
        s = newer;
    }
}

static int grow_buckets(tl_cache *c)
{
    size_t nb = c->nbucket ? c->nbucket * 2 : 64;
    tl_cstory **b = calloc(nb, sizeof *b);
    if (!b)
        return -1;
    tl_cstory **old = c->bucket;
    size_t on = c->nbucket;
    c->bucket = b;
    c->nbucket = nb;
    for (size_t i = 0; i < on; i++)
        for (tl_cstory *s = old[i], *next; s; s = next) {
            next = s->chain;
            size_t k = bucket_of(c, s->id);
            s->chain = b[k];
            b[k] = s;
        }
    free(old);
    return 0;
}

tl_cache *tl_cache_acquire(sqlite3 *db)
{
    pthread_mutex_lock(&registry_lock);
    tl_cache *c = registry;
    while (c && c->db != db)
        c = c->next;
    if (!c && (c = calloc(1, sizeof *c)) != NULL) {
        c->db = db;
        c->budget = TL_CACHE_BYTES;
        c->next = registry;
        registry = c;
    }
    if (c)
        c->refs++;
    pthread_mutex_unlock(&registry_lock);
    return c;
}

void tl_cache_release(tl_cache *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&registry_lock);
    int last = --c->refs == 0;
    if (last) {
        tl_cache **p = &registry;
        while (*p != c)
            p = &(*p)->next;
        *p = c->next;
    }
    pthread_mutex_unlock(&registry_lock);
    if (!last)
        return;
    tl_cache_clear(c);
    free(c->bucket);
    sqlite3_finalize(c->q_load);
    sqlite3_finalize(c->q_load_df);
    sqlite3_finalize(c->q_version);
    free(c);
}

void tl_cache_set_budget(tl_cache *c, size_t bytes)
{
    c->budget = bytes;
    evict(c, NULL);
}

void tl_cache_clear(tl_cache *c)
{
    while (c && c->oldest)
        forget_story(c, c->oldest);
}

void tl_cache_drop(tl_cache *c, int64_t story)
{
    tl_cstory *s = find_story(c, story);
    if (s)
        forget_story(c, s);
}

void tl_cache_check(tl_cache *c)
{
    if (!c->q_version &&
        sqlite3_prepare_v3(c->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT,
                           &c->q_version, NULL) != SQLITE_OK) {
        tl_cache_clear(c); /* cannot tell: trust nothing */
        return;
    }
    int ok = sqlite3_step(c->q_version) == SQLITE_ROW;
    sqlite3_int64 v = ok ? sqlite3_column_int64(c->q_version, 0) : 0;
    sqlite3_reset(c->q_version);
    if (!ok || !c->have_version || v != c->version)
        tl_cache_clear(c);
    c->version = v;
    c->have_version = ok;
}

/* Order of the candidate search: class, start day, id. */
static int entry_before(const tl_centry *a, int coarse, int64_t start, int64_t id)
{
    if (a->coarse != coarse)
        return a->coarse < coarse;
    if (a->start != start)
        return a->start < start;
    return a->id < id;
}

/* Index of the first entry of s not before (coarse, start, id). */
static size_t lower_bound(const tl_cstory *s, int coarse, int64_t start, int64_t id)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (entry_before(s->e[mid], coarse, start, id))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int insert_at(tl_cstory *s, size_t at, tl_centry *e)
{
    if (s->n == s->cap && tl_grow(&s->e, s->n, &s->cap, sizeof *s->e, 16) != 0)
        return -1;
    memmove(s->e + at + 1, s->e + at, (s->n - at) * sizeof *s->e);
    s->e[at] = e;
    s->n++;
    return 0;
}

/* *q (sql, prepared on first use) bound to story; NULL when it cannot be
 * prepared. */
static sqlite3_stmt *story_rows(tl_cache *c, sqlite3_stmt **q, const char *sql, int64_t story)
{
    if (!*q && sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, q, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(*q, 1, story);
    return *q;
}

/* Read story's rows into s (empty); CHR_EDB or CHR_ENOMEM. */
static chr_err load_story(tl_cache *c, tl_cstory *s)
{
    sqlite3_stmt *q = story_rows(c, &c->q_load,
                                 "SELECT id, start_day, end_day, gran, soft, coarse, n_mentions,"
                                 " norm, centroid FROM tl_entry WHERE story_id=?1"
                                 " ORDER BY coarse, start_day, id",
                                 s->id);
    if (!q)
        return CHR_EDB;
    chr_err err = CHR_OK;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        tl_centry *e = malloc(sizeof *e);
        if (!e) {
            err = CHR_ENOMEM;
            break;
        }
        e->id = sqlite3_column_int64(q, 0);
        e->start = sqlite3_column_int(q, 1);
        e->end = sqlite3_column_int(q, 2);
        e->gran = (chr_gran)sqlite3_column_int(q, 3);
        e->soft = sqlite3_column_int(q, 4);
        e->coarse = sqlite3_column_int(q, 5);
        e->n_mentions = sqlite3_column_int(q, 6);
        e->norm = sqlite3_column_double(q, 7);
        if (tl_vec_from_blob(sqlite3_column_blob(q, 8), sqlite3_column_bytes(q, 8), &e->c) != 0 ||
            insert_at(s, s->n, e) != 0) {
            tl_vec_free(&e->c);
            free(e);
            err = CHR_ENOMEM;
            break;
        }
        s->bytes += entry_bytes(e);
    }
    sqlite3_reset(q);
    return err ? err : rc == SQLITE_DONE ? CHR_OK : CHR_EDB;
}

chr_err tl_cache_story(tl_cache *c, int64_t story, tl_cstory **out)
{
    *out = NULL;
    tl_cstory *s = find_story(c, story);
    if (s) {
        lru_unlink(c, s);
        lru_front(c, s);
        *out = s;
        return CHR_OK;
    }
    if (c->nstory >= c->nbucket && grow_buckets(c) != 0)
        return CHR_ENOMEM;
    s = calloc(1, sizeof *s);
    if (!s)
        return CHR_ENOMEM;
    s->id = story;
    chr_err e = load_story(c, s);
    if (e) {
        free_story(s);
        return e;
    }
    size_t k = bucket_of(c, story);
    s->chain = c->bucket[k];
    c->bucket[k] = s;
    c->nstory++;
    c->bytes += s->bytes;
    lru_front(c, s);
    evict(c, s);
    *out = s;
    return CHR_OK;
}

size_t tl_cstory_range(const tl_cstory *s, int coarse, int64_t lo, int64_t hi,
                       tl_centry *const **first)
{
    size_t a = lower_bound(s, coarse, lo, INT64_MIN), b = a;
    while (b < s->n && s->e[b]->coarse == coarse && s->e[b]->start <= hi)
        b++;
    *first = s->e ? s->e + a : NULL; /* a story with no entries has no array */
    return b - a;
}

void tl_cache_put(tl_cache *c, tl_cstory *s, tl_centry *e, tl_centry *now)
{
    size_t before = entry_bytes(e);
    if (now->coarse != e->coarse || now->start != e->start) {
        size_t at = lower_bound(s, e->coarse, e->start, e->id);
        if (at == s->n || s->e[at] != e) { /* not where its key says: cannot happen */
            tl_vec_free(&now->c);
            forget_story(c, s);
            return;
        }
        memmove(s->e + at, s->e + at + 1, (s->n - at - 1) * sizeof *s->e);
        s->n--;
        /* the slot just freed is there for it: this cannot fail */
        (void)insert_at(s, lower_bound(s, now->coarse, now->start, now->id), e);
    }
    tl_vec_free(&e->c);
    *e = *now;
    now->c.t = NULL;
    now->c.n = 0;
    size_t after = entry_bytes(e);
    s->bytes += after - before; /* unsigned: wraps back when smaller */
    c->bytes += after - before;
    evict(c, s);
}

void tl_cache_add(tl_cache *c, tl_cstory *s, tl_centry *now)
{
    tl_centry *e = malloc(sizeof *e);
    if (!e || insert_at(s, lower_bound(s, now->coarse, now->start, now->id), e) != 0) {
        free(e);
        tl_vec_free(&now->c);
        forget_story(c, s); /* out of memory: read it again when next needed */
        return;
    }
    *e = *now;
    now->c.t = NULL;
    now->c.n = 0;
    s->bytes += entry_bytes(e);
    c->bytes += entry_bytes(e);
    evict(c, s);
}

/* ---- document frequencies ---- */

static void forget_df(tl_cache *c, tl_cstory *s)
{
    size_t b = s->dfcap * sizeof *s->df;
    s->bytes -= b;
    c->bytes -= b;
    free(s->df);
    s->df = NULL;
    s->ndf = s->dfcap = 0;
    s->has_df = 0;
}

/* Make room for need rows in s->df, counting the bytes; -1 on OOM. */
static int reserve_df(tl_cache *c, tl_cstory *s, size_t need)
{
    if (need <= s->dfcap)
        return 0;
    size_t cap = s->dfcap ? s->dfcap : 64;
    while (cap < need)
        cap *= 2;
    tl_cdf *p = realloc(s->df, cap * sizeof *p);
    if (!p)
        return -1;
    s->bytes += (cap - s->dfcap) * sizeof *p;
    c->bytes += (cap - s->dfcap) * sizeof *p;
    s->df = p;
    s->dfcap = cap;
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Append article's distinct terms (term 0 first: it counts articles) from
 * t[0..n) to *all (*na used, *cap held); -1 on OOM. t is sorted in place. */
static int append_article(uint32_t *t, size_t n, uint32_t **all, size_t *na, size_t *cap)
{
    if (n > 1)
        qsort(t, n, sizeof *t, cmp_u32);
    if (tl_grow(all, *na + n, cap, sizeof **all, 256) != 0)
        return -1;
    (*all)[(*na)++] = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] && (i == 0 || t[i] != t[i - 1]))
            (*all)[(*na)++] = t[i];
    return 0;
}

chr_err tl_story_df(sqlite3 *db, sqlite3_stmt **q, int64_t story, tl_cdf **rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    /* an article's mentions come together (tl_article_story, then the
     * mention key, both by article: no sorting) */
    sqlite3_stmt *all_q = NULL;
    if (story < 0) {
        if (sqlite3_prepare_v2(db,
                               "SELECT t.article_id, m.terms FROM tl_article t"
                               " JOIN tl_mention m ON m.article_id = t.article_id"
                               " ORDER BY t.article_id",
                               -1, &all_q, NULL) != SQLITE_OK)
            return CHR_EDB;
        q = &all_q;
    } else if (!*q && sqlite3_prepare_v3(db,
                                         "SELECT t.article_id, m.terms FROM tl_article t"
                                         " JOIN tl_mention m ON m.article_id = t.article_id"
                                         " WHERE t.story_id = ?1 ORDER BY t.article_id",
                                         -1, SQLITE_PREPARE_PERSISTENT, q, NULL) != SQLITE_OK) {
        return CHR_EDB;
    } else {
        sqlite3_bind_int64(*q, 1, story);
    }
    uint32_t *art = NULL, *all = NULL; /* the article's terms; every article's distinct ones */
    size_t nart = 0, artcap = 0, nall = 0, allcap = 0;
    int64_t cur = 0;
    int have = 0, rc = SQLITE_DONE, oom = 0;
    while (!oom && (rc = sqlite3_step(*q)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(*q, 0);
        if (have && id != cur) {
            oom = append_article(art, nart, &all, &nall, &allcap) != 0;
            nart = 0;
        }
        cur = id;
        have = 1;
        const unsigned char *b = sqlite3_column_blob(*q, 1);
        size_t k = (size_t)sqlite3_column_bytes(*q, 1) / sizeof(tl_term);
        if (!oom && k && tl_grow(&art, nart + k, &artcap, sizeof *art, 64) != 0)
            oom = 1;
        for (size_t i = 0; !oom && i < k; i++) /* the blob is tl_term[], maybe unaligned */
            memcpy(&art[nart++], b + i * sizeof(tl_term) + offsetof(tl_term, id), sizeof *art);
    }
    sqlite3_reset(*q);
    sqlite3_finalize(all_q);
    if (!oom && have)
        oom = append_article(art, nart, &all, &nall, &allcap) != 0;
    free(art);
    if (oom || rc != SQLITE_DONE) {
        free(all);
        return oom ? CHR_ENOMEM : CHR_EDB;
    }
    if (nall > 1)
        qsort(all, nall, sizeof *all, cmp_u32);
    size_t nr = 0;
    for (size_t i = 0; i < nall; i++)
        nr += i == 0 || all[i] != all[i - 1];
    tl_cdf *r = nr ? malloc(nr * sizeof *r) : NULL;
    if (nr && !r) {
        free(all);
        return CHR_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < nall; i++) {
        if (i == 0 || all[i] != all[i - 1]) {
            r[k].term = all[i];
            r[k++].df = 0;
        }
        r[k - 1].df++;
    }
    free(all);
    *rows = r;
    *n = nr;
    return CHR_OK;
}

chr_err tl_cstory_load_df(tl_cache *c, tl_cstory *s)
{
    if (s->has_df)
        return CHR_OK;
    tl_cdf *rows;
    size_t n;
    chr_err err = tl_story_df(c->db, &c->q_load_df, s->id, &rows, &n);
    if (err)
        return err;
    forget_df(c, s);
    s->df = rows;
    s->ndf = s->dfcap = n;
    s->bytes += n * sizeof *rows;
    c->bytes += n * sizeof *rows;
    s->has_df = 1;
    evict(c, s);
    return CHR_OK;
}

/* Index of the first row of s->df with a term not below term. */
static size_t df_bound(const tl_cstory *s, uint32_t term)
{
    size_t lo = 0, hi = s->ndf;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->df[mid].term < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t tl_cstory_ndf(const tl_cstory *s)
{
    return s->ndf;
}

const tl_cdf *tl_cstory_df(const tl_cstory *s, uint32_t term)
{
    size_t k = df_bound(s, term);
    return k < s->ndf && s->df[k].term == term ? &s->df[k] : NULL;
}

int tl_cache_df_counted(tl_cache *c, tl_cstory *s, const tl_idf_ent *terms, size_t n)
{
    size_t fresh = 0;
    for (size_t i = 0; i < n; i++) {
        tl_cdf *r = (tl_cdf *)tl_cstory_df(s, terms[i].term);
        if (r)
            r->df++;
        else
            fresh++;
    }
    if (!fresh)
        return 0;
    if (reserve_df(c, s, s->ndf + fresh) != 0) {
        forget_df(c, s); /* out of memory: read again when next needed */
        return -1;
    }
    /* merge the new terms in from the back: both lists ascend */
    size_t i = s->ndf, k = s->ndf + fresh, j = n;
    while (j > 0) {
        uint32_t t = terms[j - 1].term;
        if (i > 0 && s->df[i - 1].term > t) {
            s->df[--k] = s->df[--i];
        } else if (i > 0 && s->df[i - 1].term == t) {
            j--; /* counted above */
        } else {
            s->df[--k].term = t;
            s->df[k].df = 1;
            j--;
        }
    }
    s->ndf += fresh;
    evict(c, s);
    return 0;
}
