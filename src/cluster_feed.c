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

static chr_err recluster_sql(sqlite3 *db, const char *sql, chr_diag *d)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return chr_diag_set(d, CHR_EDB, "", 0, -1, "recluster: %s", sqlite3_errmsg(db));
    return CHR_OK;
}

/* Story ids outlive a rebuild (links, bookmarks, API URLs name them): every
 * id the stories had, as a story or an alias, is noted with the articles of
 * the story it named (an alias through its chain), and rebuilt stories take
 * new ids above them. Then (point_old_ids) a rebuilt story and an old one
 * that are each other's largest share of articles are one story again under
 * the old id, and each other old id becomes an alias of the rebuilt story
 * that holds most of its articles, as the id of a story merged into another
 * does. */
static chr_err keep_old_ids(sqlite3 *db, chr_diag *d)
{
    static const char sql[] =
        "DROP TABLE IF EXISTS temp.recluster_ids; DROP TABLE IF EXISTS temp.recluster_old;"
        "CREATE TEMP TABLE recluster_ids(id INTEGER PRIMARY KEY, story INTEGER NOT NULL);"
        "INSERT INTO temp.recluster_ids SELECT id, id FROM story;"
        "WITH RECURSIVE chain(id, into_id, depth) AS ("
        "  SELECT id, into_id, 0 FROM story_alias"
        "  UNION ALL SELECT c.id, a.into_id, c.depth + 1 FROM chain c"
        "  JOIN story_alias a ON a.id = c.into_id WHERE c.depth < 64)"
        "INSERT OR IGNORE INTO temp.recluster_ids SELECT id, into_id FROM chain c"
        "  WHERE into_id IN (SELECT id FROM story);"
        "CREATE TEMP TABLE recluster_old AS SELECT article_id, story_id FROM story_article;";
    return recluster_sql(db, sql, d);
}

static chr_err point_old_ids(sqlite3 *db, chr_diag *d)
{
    static const char sql[] =
        "DROP TABLE IF EXISTS temp.recluster_keep;"
        "CREATE TEMP TABLE recluster_keep(nid INTEGER PRIMARY KEY, oid INTEGER NOT NULL);"
        "WITH ov AS (SELECT n.story_id AS nid, o.story_id AS oid, count(*) AS c"
        "  FROM story_article n JOIN temp.recluster_old o ON o.article_id = n.article_id"
        "  GROUP BY 1, 2),"
        " bn AS (SELECT nid, oid, row_number() OVER (PARTITION BY nid ORDER BY c DESC, oid) AS k"
        "  FROM ov),"
        " bo AS (SELECT nid, oid, row_number() OVER (PARTITION BY oid ORDER BY c DESC, nid) AS k"
        "  FROM ov)"
        "INSERT INTO temp.recluster_keep SELECT bn.nid, bn.oid FROM bn JOIN bo"
        "  ON bo.nid = bn.nid AND bo.oid = bn.oid WHERE bn.k = 1 AND bo.k = 1;"
        "DELETE FROM story_alias WHERE id IN (SELECT oid FROM temp.recluster_keep);"
        "UPDATE story SET id = (SELECT oid FROM temp.recluster_keep WHERE nid = story.id)"
        " WHERE id IN (SELECT nid FROM temp.recluster_keep);"
        "UPDATE story_article SET story_id = (SELECT oid FROM temp.recluster_keep"
        " WHERE nid = story_article.story_id)"
        " WHERE story_id IN (SELECT nid FROM temp.recluster_keep);"
        "UPDATE story_entity SET story_id = (SELECT oid FROM temp.recluster_keep"
        " WHERE nid = story_entity.story_id)"
        " WHERE story_id IN (SELECT nid FROM temp.recluster_keep);"
        "UPDATE story_alias SET into_id = (SELECT oid FROM temp.recluster_keep"
        " WHERE nid = story_alias.into_id)"
        " WHERE into_id IN (SELECT nid FROM temp.recluster_keep);"
        "DROP TABLE temp.recluster_keep;"
        /* the other old ids: aliases of the story with most of their articles */
        "UPDATE story_alias SET into_id = coalesce(("
        "  SELECT n.story_id FROM temp.recluster_ids r"
        "  JOIN temp.recluster_old o ON o.story_id = r.story"
        "  JOIN story_article n ON n.article_id = o.article_id"
        "  WHERE r.id = story_alias.id GROUP BY n.story_id"
        "  ORDER BY count(*) DESC, n.story_id LIMIT 1), 0)"
        " WHERE id IN (SELECT id FROM temp.recluster_ids);"
        /* an old id whose articles are all gone names nothing; stories the
         * rebuild merged away had ids nobody saw */
        "DELETE FROM story_alias WHERE into_id = 0"
        " OR id NOT IN (SELECT id FROM temp.recluster_ids);";
    return recluster_sql(db, sql, d);
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
    err = keep_old_ids(db, d);
    if (err == CHR_OK)
        err = chr_cluster_reset(st, d);
    /* every old id (story or alias) stays taken while the stories are
     * rebuilt, so that a new story never takes one */
    if (err == CHR_OK)
        err = recluster_sql(
            db, "INSERT INTO story_alias(id, into_id) SELECT id, 0 FROM temp.recluster_ids", d);
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
    if (err == CHR_OK)
        err = point_old_ids(db, d);
    sqlite3_exec(db,
                 "DROP TABLE IF EXISTS temp.recluster_ids; DROP TABLE IF EXISTS temp.recluster_old",
                 NULL, NULL, NULL);
    if (err == CHR_OK && chr_store_commit(st) != CHR_OK)
        err = chr_diag_set(d, CHR_EDB, "", 0, -1, "recluster: commit failed");
    if (err != CHR_OK)
        chr_store_rollback(st);
    else if (n_articles)
        *n_articles = n;
    chr_store_unlock_writer(st);
    return err;
}
