/* chronicle — cluster_feed: what clustering reads from the other stages.
 * Owns: turning a document with its entities and dates into a
 * chr_cluster_input (for the pipeline, chr_cluster_add_doc), and the same
 * from stored rows for chr_cluster_rebuild. Knows the article, mention and
 * timex tables only to read them. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/cluster.h"
#include "chronicle/store.h"

/* A growing list of borrowed or owned strings. */
typedef struct strlist {
    const char **v;
    size_t n, cap;
} strlist;

static int strlist_push(strlist *l, const char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        const char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    return 0;
}

/* Is value a full calendar date "YYYY-MM-DD"? */
static int full_date(const char *v)
{
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (v[i] != '-')
                return 0;
        } else if (v[i] < '0' || v[i] > '9') {
            return 0;
        }
    }
    return 1;
}

chr_err chr_cluster_add_doc(chr_cluster *cl, int64_t article_id, const chr_doc *doc,
                            const char *pub_date, int inferred, const chr_entities *ents,
                            const chr_timex *tx, size_t n_tx, int64_t *story_id,
                            int64_t *duplicate_of, chr_diag *d)
{
    if (!doc)
        return chr_diag_set(d, CHR_EINVAL, "", 0, -1, "cluster: no document");
    strlist names = {0}, dates = {0};
    chr_err err = CHR_OK;
    /* one entry per named mention: the mention count is the term frequency */
    for (size_t i = 0; ents && i < ents->n_mentions && err == CHR_OK; i++) {
        const chr_mention *m = &ents->mentions[i];
        if ((m->flags & CHR_MENTION_NOMINAL) || m->entity < 0 ||
            (size_t)m->entity >= ents->n_entities || !ents->entities[m->entity].canonical)
            continue;
        if (strlist_push(&names, ents->entities[m->entity].canonical) != 0)
            err = CHR_ENOMEM;
    }
    for (size_t i = 0; tx && i < n_tx && err == CHR_OK; i++)
        if (tx[i].type == CHR_TIMEX_DATE && full_date(tx[i].value) &&
            strlist_push(&dates, tx[i].value) != 0)
            err = CHR_ENOMEM;
    if (err == CHR_OK) {
        chr_cluster_input in = {0};
        in.article_id = article_id;
        in.title = doc->title;
        in.text = doc->clean;
        in.text_len = doc->clean_len;
        in.lang = doc->lang[0] ? doc->lang : NULL;
        in.pub_date = pub_date;
        in.pub_date_inferred = inferred;
        in.entities = names.v;
        in.n_entities = names.n;
        in.dates = dates.v;
        in.n_dates = dates.n;
        err = chr_cluster_add(cl, &in, story_id, duplicate_of, d);
    } else {
        chr_diag_set(d, err, "", 0, -1, "cluster: out of memory");
    }
    free(names.v);
    free(dates.v);
    return err;
}

static int table_exists(sqlite3 *db, const char *name)
{
    sqlite3_stmt *q;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1,
                           &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        found = sqlite3_step(q) == SQLITE_ROW;
    }
    sqlite3_finalize(q);
    return found;
}

/* Strings of column 0 of q (bound to id) into l, copied into *pool. */
static int read_strings(sqlite3_stmt *q, int64_t id, strlist *l, char ***pool, size_t *n_pool,
                        size_t *cap_pool)
{
    l->n = 0;
    if (!q)
        return 0;
    sqlite3_reset(q);
    sqlite3_bind_int64(q, 1, id);
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *s = (const char *)sqlite3_column_text(q, 0);
        if (!s)
            continue;
        if (*n_pool == *cap_pool) {
            size_t cap = *cap_pool ? *cap_pool * 2 : 64;
            char **p = realloc(*pool, cap * sizeof *p);
            if (!p)
                return -1;
            *pool = p;
            *cap_pool = cap;
        }
        char *c = strdup(s);
        if (!c || strlist_push(l, c) != 0) {
            free(c);
            return -1;
        }
        (*pool)[(*n_pool)++] = c;
    }
    sqlite3_reset(q);
    return 0;
}

chr_err chr_cluster_rebuild(chr_store *st, const chr_cluster_opts *opts, long *n_articles,
                            chr_diag *d)
{
    sqlite3 *db = chr_store_sqlite(st);
    if (n_articles)
        *n_articles = 0;
    chr_err err = chr_store_lock_writer(st, 0, d); /* no ingest may hold a model meanwhile */
    if (err)
        return err;
    if (chr_store_begin(st) != CHR_OK) {
        chr_store_unlock_writer(st);
        return chr_diag_set(d, CHR_EDB, "", 0, -1, "recluster: cannot start a transaction");
    }
    err = chr_cluster_reset(st, d);
    chr_cluster *cl = NULL;
    if (err == CHR_OK)
        err = chr_cluster_open(st, opts, &cl, d);
    sqlite3_stmt *qa = NULL, *qe = NULL, *qt = NULL;
    if (err == CHR_OK &&
        sqlite3_prepare_v2(db,
                           "SELECT id, title, clean_text, lang, pub_date,"
                           " pub_date_source = 'inferred' FROM articles ORDER BY id",
                           -1, &qa, NULL) != SQLITE_OK)
        err = chr_diag_set(d, CHR_EDB, "", 0, -1, "recluster: %s", sqlite3_errmsg(db));
    /* entities and dates, when those modules' tables exist */
    if (err == CHR_OK && table_exists(db, "mentions") && table_exists(db, "entities"))
        sqlite3_prepare_v2(db,
                           "SELECT e.canonical FROM mentions m JOIN entities e ON e.id = "
                           "m.entity_id WHERE m.article_id = ?1 AND (m.flags & 1) = 0 "
                           "ORDER BY m.start",
                           -1, &qe, NULL);
    if (err == CHR_OK && table_exists(db, "timexes"))
        sqlite3_prepare_v2(db,
                           "SELECT value FROM timexes WHERE article_id = ?1 AND type = 'DATE' "
                           "AND value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
                           "ORDER BY start",
                           -1, &qt, NULL);
    strlist names = {0}, dates = {0};
    char **pool = NULL;
    size_t n_pool = 0, cap_pool = 0;
    long n = 0;
    while (err == CHR_OK && sqlite3_step(qa) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(qa, 0);
        if (read_strings(qe, id, &names, &pool, &n_pool, &cap_pool) != 0 ||
            read_strings(qt, id, &dates, &pool, &n_pool, &cap_pool) != 0) {
            err = chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "recluster: out of memory");
            break;
        }
        chr_cluster_input in = {0};
        in.article_id = id;
        in.title = (const char *)sqlite3_column_text(qa, 1);
        in.text = (const char *)sqlite3_column_text(qa, 2);
        in.text_len = (size_t)sqlite3_column_bytes(qa, 2);
        in.lang = (const char *)sqlite3_column_text(qa, 3);
        in.pub_date = (const char *)sqlite3_column_text(qa, 4);
        in.pub_date_inferred = sqlite3_column_int(qa, 5);
        in.entities = names.v;
        in.n_entities = names.n;
        in.dates = dates.v;
        in.n_dates = dates.n;
        err = chr_cluster_add(cl, &in, NULL, NULL, d);
        for (size_t i = 0; i < n_pool; i++)
            free(pool[i]);
        n_pool = 0;
        n++;
    }
    for (size_t i = 0; i < n_pool; i++)
        free(pool[i]);
    free(pool);
    free(names.v);
    free(dates.v);
    sqlite3_finalize(qa);
    sqlite3_finalize(qe);
    sqlite3_finalize(qt);
    chr_err ce = chr_cluster_close(cl, err == CHR_OK ? d : NULL);
    if (err == CHR_OK)
        err = ce;
    if (err == CHR_OK && chr_store_commit(st) != CHR_OK)
        err = chr_diag_set(d, CHR_EDB, "", 0, -1, "recluster: commit failed");
    if (err != CHR_OK)
        chr_store_rollback(st);
    else if (n_articles)
        *n_articles = n;
    chr_store_unlock_writer(st);
    return err;
}
