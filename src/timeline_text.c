/* chronicle — timeline: the text layer the timeline and summary share.
 * Owns: sparse term vectors of sentences, loading a stored article (text,
 * sentences, timexes, duplicate group), day numbers and TIMEX3 values as
 * day intervals. No grouping or ranking here (timeline.c, timeline_read.c). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "time_int.h"
#include "timeline_int.h"

/* ---- vectors ---- */

int tl_vec_add(tl_vec *a, const tl_vec *b, float scale);

static int cmp_term_id(const void *a, const void *b)
{
    uint32_t x = ((const tl_term *)a)->id, y = ((const tl_term *)b)->id;
    return x < y ? -1 : x > y;
}

static int cmp_term_w(const void *a, const void *b)
{
    float x = ((const tl_term *)a)->w, y = ((const tl_term *)b)->w;
    if (x != y)
        return x > y ? -1 : 1;
    return cmp_term_id(a, b);
}

/* Sort by id and merge equal ids. */
static void vec_normalise(tl_vec *v)
{
    if (v->n < 2)
        return;
    qsort(v->t, v->n, sizeof *v->t, cmp_term_id);
    uint32_t k = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        if (k && v->t[k - 1].id == v->t[i].id)
            v->t[k - 1].w += v->t[i].w;
        else
            v->t[k++] = v->t[i];
    }
    v->n = k;
}

/* Is the first letter at or after p (before end) an upper-case letter? */
static int starts_upper(const unsigned char *p, const unsigned char *end)
{
    while (p < end) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, end - p, &cp);
        if (k <= 0)
            return 0;
        utf8proc_category_t c = utf8proc_category(cp);
        if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT)
            return 1;
        if (c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_ND)
            return 0;
        p += k;
    }
    return 0;
}

/* A figure as a term shared by every language ("850 millones", "850
 * million"; "410,000" and "410.000" alike): what one event's reports have
 * in common across outlets. Days of a month, years and one-digit figures are
 * left out: they are the date's, or too common. 0 when left out. */
static uint32_t number_feature(const char *w, int wl)
{
    char dg[24];
    size_t nd = 0;
    for (int i = 0; i < wl && nd < sizeof dg; i++)
        if (w[i] >= '0' && w[i] <= '9')
            dg[nd++] = w[i];
    long val = 0;
    for (size_t i = 0; i < nd && i < 9; i++)
        val = val * 10 + (dg[i] - '0');
    if (nd < 2 || (nd < 10 && val < 32) || (nd == 4 && val >= 1900 && val <= 2100))
        return 0;
    return chr_ct_feature(7, dg, nd);
}

int tl_vec_of_text(chr_ct *ct, const char *lang, const char *text, size_t len, tl_vec *v)
{
    v->t = NULL;
    v->n = 0;
    uint32_t cap = 0;
    chr_ct_iter it;
    chr_ct_iter_init(&it, text, len);
    char buf[CHR_CT_MAXWORD + 8];
    int first = 1;
    for (;;) {
        const unsigned char *before = it.p;
        int numeric = 0;
        int wl = chr_ct_next_word(&it, buf, &numeric);
        if (wl < 0)
            break;
        int upper = !first && starts_upper(before, it.p);
        first = 0;
        uint32_t id = numeric ? number_feature(buf, wl) : chr_ct_term(ct, lang, buf, (size_t)wl);
        if (!id)
            continue;
        if (v->n == cap) {
            uint32_t nc = cap ? cap * 2 : 32;
            tl_term *nt = realloc(v->t, nc * sizeof *nt);
            if (!nt) {
                tl_vec_free(v);
                return -1;
            }
            v->t = nt;
            cap = nc;
        }
        v->t[v->n].id = id;
        v->t[v->n].w = upper ? 2.0f : 1.0f;
        v->n++;
    }
    vec_normalise(v);
    return 0;
}

int tl_sentence_vec(chr_ct *ct, const tl_article *a, size_t si, tl_vec *v)
{
    if (tl_vec_of_text(ct, a->lang, a->text + a->sents[si].start,
                       a->sents[si].end - a->sents[si].start, v) != 0)
        return -1;
    size_t lo = 0, hi = a->n_ents;
    while (lo < hi) { /* first entity of sentence si */
        size_t mid = (lo + hi) / 2;
        if (a->ents[mid].sentence < (int32_t)si)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    while (k < a->n_ents && a->ents[k].sentence == (int32_t)si)
        k++;
    if (k == lo)
        return 0;
    tl_vec e = {malloc((k - lo) * sizeof *e.t), 0};
    if (!e.t) {
        tl_vec_free(v);
        return -1;
    }
    for (size_t i = lo; i < k; i++) {
        e.t[e.n].id = a->ents[i].feature;
        e.t[e.n++].w = a->ents[i].w;
    }
    vec_normalise(&e);
    int r = tl_vec_add(v, &e, 1.0f);
    tl_vec_free(&e);
    if (r)
        tl_vec_free(v);
    return r;
}

int tl_vec_add(tl_vec *a, const tl_vec *b, float scale)
{
    if (!b->n)
        return 0;
    tl_term *out = malloc((size_t)(a->n + b->n) * sizeof *out);
    if (!out)
        return -1;
    uint32_t i = 0, j = 0, k = 0;
    while (i < a->n || j < b->n) {
        if (j >= b->n || (i < a->n && a->t[i].id < b->t[j].id)) {
            out[k++] = a->t[i++];
        } else if (i >= a->n || b->t[j].id < a->t[i].id) {
            out[k].id = b->t[j].id;
            out[k++].w = scale * b->t[j++].w;
        } else {
            out[k].id = a->t[i].id;
            out[k++].w = a->t[i++].w + scale * b->t[j++].w;
        }
    }
    free(a->t);
    a->t = out;
    a->n = k;
    return 0;
}

void tl_vec_prune(tl_vec *v, uint32_t k)
{
    if (v->n <= k)
        return;
    qsort(v->t, v->n, sizeof *v->t, cmp_term_w);
    v->n = k;
    qsort(v->t, v->n, sizeof *v->t, cmp_term_id);
}

void tl_vec_free(tl_vec *v)
{
    free(v->t);
    v->t = NULL;
    v->n = 0;
}

int tl_vec_from_blob(const void *blob, int bytes, tl_vec *v)
{
    v->t = NULL;
    v->n = 0;
    if (bytes <= 0 || !blob)
        return 0;
    size_t n = (size_t)bytes / sizeof(tl_term);
    v->t = malloc(n * sizeof *v->t);
    if (!v->t)
        return -1;
    memcpy(v->t, blob, n * sizeof *v->t);
    v->n = (uint32_t)n;
    return 0;
}

double tl_vec_norm(const tl_vec *v, tl_idf_fn idf, void *ctx)
{
    double s = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        double x = v->t[i].w * (idf ? idf(ctx, v->t[i].id) : 1.0);
        s += x * x;
    }
    return s > 0 ? sqrt(s) : 0;
}

static int cmp_idf_ent(const void *a, const void *b)
{
    uint32_t x = ((const tl_idf_ent *)a)->term, y = ((const tl_idf_ent *)b)->term;
    return x < y ? -1 : x > y;
}

double tl_idf_get(void *table, uint32_t term)
{
    const tl_idf_table *t = table;
    tl_idf_ent key = {term, 0};
    const tl_idf_ent *e = t->n ? bsearch(&key, t->e, t->n, sizeof *t->e, cmp_idf_ent) : NULL;
    return e ? e->v : 1.0;
}

void tl_idf_finish(tl_idf_table *t)
{
    double n_docs = t->n && t->e[0].term == 0 ? t->e[0].v : 1;
    for (size_t i = 0; i < t->n; i++)
        t->e[i].v = tl_idf(n_docs, t->e[i].v);
}

double tl_vec_dot(const tl_vec *a, const tl_vec *b, tl_idf_fn idf, void *ctx)
{
    double s = 0;
    uint32_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->t[i].id < b->t[j].id) {
            i++;
        } else if (b->t[j].id < a->t[i].id) {
            j++;
        } else {
            double f = idf ? idf(ctx, a->t[i].id) : 1.0;
            s += (double)a->t[i].w * b->t[j].w * f * f;
            i++;
            j++;
        }
    }
    return s;
}

/* ---- stored articles ---- */

struct tl_loader {
    sqlite3 *db;
    int has_story, has_dedup, has_ents;
    sqlite3_stmt *art, *sent, *tx, *ents, *dup_story, *dup_sig;
};

chr_err tl_loader_open(sqlite3 *db, tl_loader **out)
{
    tl_loader *l = calloc(1, sizeof *l);
    if (!l)
        return CHR_ENOMEM;
    l->db = db;
    l->has_story = tl_table_exists(db, "story_article");
    l->has_dedup = tl_table_exists(db, "dedup_sig");
    l->has_ents = tl_table_exists(db, "mentions") && tl_table_exists(db, "entities");
    *out = l;
    return CHR_OK;
}

void tl_loader_close(tl_loader *l)
{
    if (!l)
        return;
    sqlite3_finalize(l->art);
    sqlite3_finalize(l->sent);
    sqlite3_finalize(l->tx);
    sqlite3_finalize(l->ents);
    sqlite3_finalize(l->dup_story);
    sqlite3_finalize(l->dup_sig);
    free(l);
}

/* Prepare once, reset on reuse. */
static int prep(sqlite3 *db, sqlite3_stmt **q, const char *sql)
{
    if (*q) {
        sqlite3_reset(*q);
        sqlite3_clear_bindings(*q);
        return SQLITE_OK;
    }
    return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, q, NULL);
}

int tl_table_exists(sqlite3 *db, const char *name)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1", -1, &q,
                           NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    int r = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return r;
}

int64_t tl_story_now(sqlite3 *db, int64_t id)
{
    sqlite3_stmt *q;
    if (!id || !tl_table_exists(db, "story_alias") ||
        sqlite3_prepare_v2(db, "SELECT into_id FROM story_alias WHERE id=?1", -1, &q, NULL) !=
            SQLITE_OK)
        return id;
    sqlite3_bind_int64(q, 1, id);
    int64_t into = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_finalize(q);
    return into > 0 ? into : id;
}

chr_err tl_query_ids(sqlite3 *db, const char *sql, int use_arg, int64_t arg, int64_t **ids,
                     size_t *n)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return CHR_EDB;
    if (use_arg)
        sqlite3_bind_int64(q, 1, arg);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (tl_grow(ids, *n, &cap, sizeof **ids, 64) != 0) {
            rc = SQLITE_NOMEM;
            break;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        *n = 0;
        return rc == SQLITE_NOMEM ? CHR_ENOMEM : CHR_EDB;
    }
    return CHR_OK;
}

int tl_grow(void *arr, size_t n, size_t *cap, size_t elem, size_t first_cap)
{
    void **p = arr;
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : (first_cap ? first_cap : 1);
    while (nc <= n) { /* room for n itself: appends of many at once */
        if (nc > SIZE_MAX / 2)
            return -1;
        nc *= 2;
    }
    if (nc > SIZE_MAX / elem)
        return -1;
    void *np = realloc(*p, nc * elem);
    if (!np)
        return -1;
    *p = np;
    *cap = nc;
    return 0;
}

const char *tl_pool_take(tl_pool *p, char *s)
{
    if (!s)
        return NULL;
    if (tl_grow(&p->s, p->n, &p->cap, sizeof *p->s, 64) != 0) {
        free(s);
        return NULL;
    }
    return p->s[p->n++] = s;
}

const char *tl_pool_dup(tl_pool *p, const char *s)
{
    return s ? tl_pool_take(p, strdup(s)) : NULL;
}

void tl_pool_free(tl_pool *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->s[i]);
    free(p->s);
    memset(p, 0, sizeof *p);
}

static char *dup_col(sqlite3_stmt *q, int i)
{
    const unsigned char *s = sqlite3_column_text(q, i);
    return s ? strdup((const char *)s) : NULL;
}

/* Text column i of q into buf (size bytes), cut to fit as snprintf would
 * ("(null)" for NULL, which these columns never are). */
static void copy_col(sqlite3_stmt *q, int i, char *buf, size_t size)
{
    const char *s = (const char *)sqlite3_column_text(q, i);
    if (!s)
        s = "(null)";
    size_t n = strnlen(s, size - 1);
    memcpy(buf, s, n);
    buf[n] = '\0';
}

int64_t tl_loader_duplicate_of(tl_loader *l, int64_t id)
{
    int64_t c = 0;
    if (l->has_story &&
        prep(l->db, &l->dup_story, "SELECT duplicate_of FROM story_article WHERE article_id=?1") ==
            SQLITE_OK) {
        sqlite3_bind_int64(l->dup_story, 1, id);
        if (sqlite3_step(l->dup_story) == SQLITE_ROW)
            c = sqlite3_column_int64(l->dup_story, 0);
        sqlite3_reset(l->dup_story);
    }
    if (!c && l->has_dedup &&
        prep(l->db, &l->dup_sig, "SELECT canonical FROM dedup_sig WHERE article_id=?1") ==
            SQLITE_OK) {
        sqlite3_bind_int64(l->dup_sig, 1, id);
        if (sqlite3_step(l->dup_sig) == SQLITE_ROW)
            c = sqlite3_column_int64(l->dup_sig, 0);
        sqlite3_reset(l->dup_sig);
    }
    return c == id ? 0 : c;
}

chr_err tl_article_load(tl_loader *l, int64_t id, int with_tx, tl_article *a)
{
    memset(a, 0, sizeof *a);
    a->id = id;
    a->pub_day = TL_NO_DAY;
    if (prep(l->db, &l->art,
             "SELECT source, ext_id, outlet, pub_date, lang, title, clean_text FROM articles"
             " WHERE id=?1") != SQLITE_OK)
        return CHR_EDB;
    sqlite3_bind_int64(l->art, 1, id);
    int rc = sqlite3_step(l->art);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(l->art);
        return rc == SQLITE_DONE ? CHR_ENOTFOUND : CHR_EDB;
    }
    a->source = dup_col(l->art, 0);
    a->ext_id = dup_col(l->art, 1);
    a->outlet = dup_col(l->art, 2);
    a->pub_date = dup_col(l->art, 3);
    a->lang = dup_col(l->art, 4);
    a->title = dup_col(l->art, 5);
    a->len = (size_t)sqlite3_column_bytes(l->art, 6);
    a->text = malloc(a->len + 1);
    if (a->text) {
        memcpy(a->text, sqlite3_column_blob(l->art, 6), a->len);
        a->text[a->len] = '\0';
    }
    sqlite3_reset(l->art);
    if (!a->text)
        goto oom;
    if (a->pub_date)
        a->pub_day = tl_parse_day(a->pub_date);
    if (prep(l->db, &l->sent,
             "SELECT start, end FROM sentences WHERE article_id=?1 ORDER BY idx") != SQLITE_OK)
        goto db;
    sqlite3_bind_int64(l->sent, 1, id);
    size_t cap = 0;
    while ((rc = sqlite3_step(l->sent)) == SQLITE_ROW) {
        if (tl_grow(&a->sents, a->n_sents, &cap, sizeof *a->sents, 32) != 0) {
            sqlite3_reset(l->sent);
            goto oom;
        }
        size_t s = (size_t)sqlite3_column_int64(l->sent, 0),
               e = (size_t)sqlite3_column_int64(l->sent, 1);
        if (e > a->len)
            e = a->len;
        if (s > e)
            s = e;
        a->sents[a->n_sents].start = s;
        a->sents[a->n_sents++].end = e;
    }
    sqlite3_reset(l->sent);
    if (rc != SQLITE_DONE)
        goto db;
    if (with_tx) {
        if (prep(l->db, &l->tx,
                 "SELECT start, end, sentence, type, value, coalesce(end_value,'') FROM timexes"
                 " WHERE article_id=?1 ORDER BY start") != SQLITE_OK)
            goto db;
        sqlite3_bind_int64(l->tx, 1, id);
        cap = 0;
        while ((rc = sqlite3_step(l->tx)) == SQLITE_ROW) {
            if (tl_grow(&a->tx, a->n_tx, &cap, sizeof *a->tx, 16) != 0) {
                sqlite3_reset(l->tx);
                goto oom;
            }
            tl_timex *t = &a->tx[a->n_tx++];
            t->start = sqlite3_column_int(l->tx, 0);
            t->end = sqlite3_column_int(l->tx, 1);
            t->sentence = sqlite3_column_int(l->tx, 2);
            copy_col(l->tx, 3, t->type, sizeof t->type);
            copy_col(l->tx, 4, t->value, sizeof t->value);
            copy_col(l->tx, 5, t->end_value, sizeof t->end_value);
        }
        sqlite3_reset(l->tx);
        if (rc != SQLITE_DONE)
            goto db;
    }
    if (with_tx && l->has_ents) {
        /* names weigh more than descriptions (MISC: "Russian", "Chinese") */
        if (prep(l->db, &l->ents,
                 "SELECT m.sentence, e.canonical, e.type FROM mentions m"
                 " JOIN entities e ON e.id = m.entity_id WHERE m.article_id=?1"
                 " ORDER BY m.sentence, m.start") != SQLITE_OK)
            goto db;
        sqlite3_bind_int64(l->ents, 1, id);
        cap = 0;
        while ((rc = sqlite3_step(l->ents)) == SQLITE_ROW) {
            if (tl_grow(&a->ents, a->n_ents, &cap, sizeof *a->ents, 32) != 0) {
                sqlite3_reset(l->ents);
                goto oom;
            }
            tl_ent *t = &a->ents[a->n_ents++];
            const char *name = (const char *)sqlite3_column_text(l->ents, 1);
            const char *type = (const char *)sqlite3_column_text(l->ents, 2);
            t->sentence = sqlite3_column_int(l->ents, 0);
            t->feature = tl_name_feature(name);
            t->w = type && strcmp(type, "MISC") == 0 ? 0.5f : 1.5f;
        }
        sqlite3_reset(l->ents);
        if (rc != SQLITE_DONE)
            goto db;
    }
    a->dup_of = tl_loader_duplicate_of(l, id);
    a->indep = a->dup_of ? a->dup_of : id;
    return CHR_OK;
oom:
    tl_article_free(a);
    return CHR_ENOMEM;
db:
    tl_article_free(a);
    return CHR_EDB;
}

uint32_t tl_name_feature(const char *name)
{
    char kb[256];
    size_t kn = name ? chr_entity_key(name, kb, sizeof kb) : 0;
    if (kn >= sizeof kb)
        kn = sizeof kb - 1; /* (a longer key's first bytes) */
    return chr_ct_feature(1, kb, kn);
}

void tl_article_free(tl_article *a)
{
    free(a->source);
    free(a->ext_id);
    free(a->outlet);
    free(a->pub_date);
    free(a->lang);
    free(a->title);
    free(a->text);
    free(a->sents);
    free(a->tx);
    free(a->ents);
    memset(a, 0, sizeof *a);
}

const char *tl_article_name(const tl_article *a)
{
    if (a->ext_id && *a->ext_id)
        return a->ext_id;
    return a->source ? a->source : "";
}

char *tl_fold_space(const char *text, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = 1;
            continue;
        }
        if (space && k)
            out[k++] = ' ';
        space = 0;
        out[k++] = (char)c;
    }
    out[k] = '\0';
    return out;
}

/* ---- days ---- */

int32_t tl_day(int y, int m, int d)
{
    return (int32_t)chr_days_from_civil(y, m, d);
}

void tl_ymd(int32_t day, int *y, int *m, int *d)
{
    chr_civil_from_days(day, y, m, d);
}

/* n digits at s as a number, -1 when not all digits. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int32_t tl_parse_day(const char *s)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return TL_NO_DAY;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > chr_month_days(y, m))
        return TL_NO_DAY;
    return tl_day(y, m, d);
}

/* Monday of ISO week w of ISO year y. */
static int32_t iso_week_monday(int y, int w)
{
    int32_t jan4 = tl_day(y, 1, 4);
    int wd = chr_weekday(y, 1, 4); /* 1 = Monday */
    return jan4 - (wd - 1) + (w - 1) * 7;
}

int tl_value_interval(const char *v, int32_t *start, int32_t *end, chr_gran *gran)
{
    size_t n = strlen(v);
    if (n < 4)
        return 0;
    int y = digits(v, 4);
    if (y < 1000)
        return 0;
    if (n == 4 || v[4] == 'T') {
        *start = tl_day(y, 1, 1);
        *end = tl_day(y, 12, 31);
        *gran = CHR_GRAN_YEAR;
        return 1;
    }
    if (v[4] != '-' || n < 7)
        return 0;
    const char *r = v + 5;
    int m = digits(r, 2);
    if (m >= 1 && m <= 12) {
        if (n >= 10 && r[2] == '-') {
            int d = digits(r + 3, 2);
            if (d < 1 || d > chr_month_days(y, m))
                return 0;
            *start = *end = tl_day(y, m, d);
            *gran = CHR_GRAN_DAY;
            return 1;
        }
        if (n == 7 || r[2] == 'T') {
            *start = tl_day(y, m, 1);
            *end = tl_day(y, m, chr_month_days(y, m));
            *gran = CHR_GRAN_MONTH;
            return 1;
        }
        return 0;
    }
    if (r[0] == 'W' && r[1] != 'I') {
        int w = digits(r + 1, 2);
        if (w < 1 || w > 53)
            return 0;
        int32_t mon = iso_week_monday(y, w);
        if (strstr(r, "WE")) { /* weekend */
            *start = mon + 5;
            *end = mon + 6;
            *gran = CHR_GRAN_DAY;
        } else {
            *start = mon;
            *end = mon + 6;
            *gran = CHR_GRAN_WEEK;
        }
        return 1;
    }
    if (r[0] == 'Q' && r[1] >= '1' && r[1] <= '4') {
        int q = r[1] - '1';
        *start = tl_day(y, q * 3 + 1, 1);
        *end = tl_day(y, q * 3 + 3, chr_month_days(y, q * 3 + 3));
        *gran = CHR_GRAN_QUARTER;
        return 1;
    }
    if (r[0] == 'H' && (r[1] == '1' || r[1] == '2')) {
        *start = r[1] == '1' ? tl_day(y, 1, 1) : tl_day(y, 7, 1);
        *end = r[1] == '1' ? tl_day(y, 6, 30) : tl_day(y, 12, 31);
        *gran = CHR_GRAN_HALF;
        return 1;
    }
    static const struct {
        const char *code;
        int m0, m1;
    } seasons[] = {{"SP", 3, 5}, {"SU", 6, 8}, {"FA", 9, 11}, {"WI", 12, 14}};
    for (size_t i = 0; i < sizeof seasons / sizeof seasons[0]; i++) {
        if (strncmp(r, seasons[i].code, 2) == 0) {
            *start = tl_day(y, seasons[i].m0, 1);
            int ym = y + (seasons[i].m1 > 12), mm = (seasons[i].m1 - 1) % 12 + 1;
            *end = tl_day(ym, mm, chr_month_days(ym, mm));
            *gran = CHR_GRAN_SEASON;
            return 1;
        }
    }
    return 0;
}

void tl_format_date(int32_t start, chr_gran g, char *buf, size_t size)
{
    int y, m, d;
    tl_ymd(start, &y, &m, &d);
    switch (g) {
    case CHR_GRAN_DAY:
        snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
        break;
    case CHR_GRAN_WEEK: {
        int wy, w;
        chr_iso_week(y, m, d, &wy, &w);
        snprintf(buf, size, "%04d-W%02d", wy, w);
        break;
    }
    case CHR_GRAN_YEAR:
        snprintf(buf, size, "%04d", y);
        break;
    default:
        snprintf(buf, size, "%04d-%02d", y, m);
        break;
    }
}

void tl_format_label(int32_t start, chr_gran g, char *buf, size_t size)
{
    int y, m, d;
    tl_ymd(start, &y, &m, &d);
    static const char *const season[] = {"spring", "summer", "autumn"};
    if (g == CHR_GRAN_QUARTER)
        snprintf(buf, size, "%04d-Q%d", y, (m - 1) / 3 + 1);
    else if (g == CHR_GRAN_HALF)
        snprintf(buf, size, "%04d-H%d", y, m < 7 ? 1 : 2);
    else if (g == CHR_GRAN_SEASON && m == 12) /* December to February */
        snprintf(buf, size, "winter %04d/%02d", y, (y + 1) % 100);
    else if (g == CHR_GRAN_SEASON && (m == 3 || m == 6 || m == 9))
        snprintf(buf, size, "%s %04d", season[m / 3 - 1], y);
    else
        tl_format_date(start, g, buf, size);
}

const char *chr_gran_name(chr_gran g)
{
    static const char *const names[] = {"day",     "week", "month", "season",
                                        "quarter", "half", "year"};
    return (unsigned)g < sizeof names / sizeof names[0] ? names[g] : "day";
}
