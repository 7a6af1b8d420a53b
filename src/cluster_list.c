/* chronicle — cluster_list: reading stories back for people and tools.
 * Owns: chr_story_foreach / chr_story_get (a story with its articles, top
 * entities, span and title) and the choice of the title: the headline of the
 * story's article closest to its centroid (when no article has a
 * headline, the most central first sentence, shortened to a headline's
 * length by chr_headline_make). Read-only
 * over the story tables and the article/sentence tables. */
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/cluster.h"
#include "chronicle/entity.h"
#include "chronicle/store.h"
#include "chronicle/text.h"
#include "cluster_int.h"
#include "cluster_text.h"

enum { MAX_ENTITIES = 10 };

typedef struct lister {
    sqlite3 *db;
    sqlite3_stmt *arts, *ents, *copies; /* copies: NULL before migration 13 */
    chr_ct *ct;
    /* one story's rows, owned copies */
    chr_story_article *a;
    char **lead; /* per article: headline or first sentence */
    char *cut;   /* a first sentence made the title: the headline cut from it */
    char **lang;
    int *brief; /* per article: a brief (fewer than BRIEF_SENTENCES sentences) */
    size_t n, cap;
    chr_story_entity e[MAX_ENTITIES];
    size_t n_e;
} lister;

static char *dup_col(sqlite3_stmt *q, int col)
{
    const unsigned char *s = sqlite3_column_text(q, col);
    return s ? strdup((const char *)s) : NULL;
}

static void rows_clear(lister *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free((char *)l->a[i].source);
        free((char *)l->a[i].ext_id);
        free((char *)l->a[i].title);
        free((char *)l->a[i].pub_date);
        free(l->lead[i]);
        free(l->lang[i]);
    }
    l->n = 0;
    free(l->cut);
    l->cut = NULL;
    for (size_t i = 0; i < l->n_e; i++)
        free((char *)l->e[i].name);
    l->n_e = 0;
}

static int rows_grow(lister *l)
{
    if (l->n < l->cap)
        return 0;
    size_t cap = l->cap ? l->cap * 2 : 16;
    chr_story_article *a = realloc(l->a, cap * sizeof *a);
    if (a)
        l->a = a;
    char **lead = a ? realloc(l->lead, cap * sizeof *lead) : NULL;
    if (lead)
        l->lead = lead;
    char **lang = lead ? realloc(l->lang, cap * sizeof *lang) : NULL;
    if (lang)
        l->lang = lang;
    int *brief = lang ? realloc(l->brief, cap * sizeof *brief) : NULL;
    if (!brief)
        return -1;
    l->brief = brief;
    l->cap = cap;
    return 0;
}

/* Score of a line of text against a centroid: the centroid weight of its
 * distinct terms over sqrt(their number), so that a short headline made of
 * the story's key words wins over a long one that merely contains them;
 * with mean, over their number (first sentences, whose length varies
 * more). */
#define BRIEF_SENTENCES 3

static double lead_score(lister *l, const char *text, const char *lang, const uint32_t *terms,
                         const float *w, size_t n_terms, int mean)
{
    uint32_t seen[64];
    size_t n_seen = 0;
    double sum = 0;
    char buf[CHR_CT_MAXWORD + 8];
    chr_ct_iter it;
    chr_ct_iter_init(&it, text, strlen(text));
    int wl, numeric;
    while ((wl = chr_ct_next_word(&it, buf, &numeric)) >= 0 && n_seen < 64) {
        if (numeric)
            continue;
        uint32_t t = chr_ct_term(l->ct, lang, buf, (size_t)wl);
        int dup = !t;
        for (size_t k = 0; k < n_seen && !dup; k++)
            dup = seen[k] == t;
        if (dup)
            continue;
        seen[n_seen++] = t;
        size_t lo = 0, hi = n_terms; /* binary search: centroid terms ascend */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (terms[mid] < t)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n_terms && terms[lo] == t)
            sum += w[lo];
    }
    return n_seen ? sum / (mean ? (double)n_seen : sqrt((double)n_seen)) : 0;
}

static int cmp_entity_count(const void *a, const void *b)
{
    const chr_entity *x = a, *y = b;
    if (x->mentions != y->mentions)
        return x->mentions > y->mentions ? -1 : 1;
    return strcmp(x->canonical, y->canonical);
}

/* The story's most mentioned entities into l->e: the names its articles
 * gave, one entity per person or place however the articles wrote it
 * ("Bashar al-Assad", "Bashar al Assad", "Assad": chr_entities_link_story,
 * over the LINK_CANDIDATES most frequent names, each typed as most of its
 * mentions are), without bare institutions and peoples (chr_entity_generic). */
#define LINK_CANDIDATES 40
static chr_err top_entities(lister *l, int64_t story, chr_diag *d)
{
    chr_entity cand[LINK_CANDIDATES];
    chr_entities doc = {NULL, 0, cand, 0}, linked = {0};
    sqlite3_reset(l->ents);
    sqlite3_bind_int64(l->ents, 1, story);
    chr_err err = CHR_OK;
    while (doc.n_entities < LINK_CANDIDATES && sqlite3_step(l->ents) == SQLITE_ROW) {
        chr_entity *e = &cand[doc.n_entities];
        memset(e, 0, sizeof *e);
        e->canonical = dup_col(l->ents, 0);
        e->mentions = sqlite3_column_int(l->ents, 1);
        e->type = (chr_ent_type)sqlite3_column_int(l->ents, 2);
        if (!e->canonical) {
            err = CHR_ENOMEM;
            break;
        }
        doc.n_entities++;
    }
    sqlite3_reset(l->ents);
    if (err == CHR_OK)
        err = chr_entities_link_story(&doc, 1, &linked, NULL);
    for (size_t i = 0; i < doc.n_entities; i++)
        free(cand[i].canonical);
    if (err)
        return chr_diag_set(d, err, "", 0, -1, "stories: %s", chr_strerror(err));
    qsort(linked.entities, linked.n_entities, sizeof *linked.entities, cmp_entity_count);
    for (size_t i = 0; i < linked.n_entities && l->n_e < MAX_ENTITIES; i++) {
        if (chr_entity_generic(linked.entities[i].canonical))
            continue;
        l->e[l->n_e].name = linked.entities[i].canonical;
        l->e[l->n_e].count = linked.entities[i].mentions;
        linked.entities[i].canonical = NULL; /* now l->e's */
        l->n_e++;
    }
    chr_entities_free(&linked);
    return CHR_OK;
}

/* Read the story of row q (columns: id, first_day, last_day, size,
 * n_unique, centroid) and hand it to fn. */
typedef struct id_dup {
    int64_t id, dup;
} id_dup;

static int cmp_id_dup(const void *a, const void *b)
{
    const id_dup *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* A copy of a near-duplicate is in its canonical article's group: its
 * duplicate_of names the canonical, as the article's own does (rows
 * [0, n_arts) are the story's articles, the copies after them). */
static chr_err copies_to_canonical(lister *l, size_t n_arts, chr_diag *d)
{
    if (l->n == n_arts)
        return CHR_OK;
    id_dup *v = malloc((n_arts ? n_arts : 1) * sizeof *v);
    if (!v)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "stories: out of memory");
    for (size_t i = 0; i < n_arts; i++) {
        v[i].id = l->a[i].id;
        v[i].dup = l->a[i].duplicate_of;
    }
    qsort(v, n_arts, sizeof *v, cmp_id_dup);
    for (size_t i = n_arts; i < l->n; i++) {
        id_dup key = {l->a[i].id, 0};
        const id_dup *p = bsearch(&key, v, n_arts, sizeof *v, cmp_id_dup);
        if (p && p->dup)
            l->a[i].duplicate_of = p->dup;
    }
    free(v);
    return CHR_OK;
}

static chr_err emit(lister *l, sqlite3_stmt *q, chr_story_fn fn, void *ctx, int *stop, chr_diag *d)
{
    chr_story_info s;
    memset(&s, 0, sizeof s);
    s.id = sqlite3_column_int64(q, 0);
    if (sqlite3_column_type(q, 1) != SQLITE_NULL) {
        chr_cluster_format_day(sqlite3_column_int(q, 1), s.first);
        chr_cluster_format_day(sqlite3_column_int(q, 2), s.last);
    }
    s.size = (long)sqlite3_column_int64(q, 3);
    s.n_unique = (long)sqlite3_column_int64(q, 4);
    chr_err err = CHR_OK;
    sqlite3_reset(l->arts);
    sqlite3_bind_int64(l->arts, 1, s.id);
    while (sqlite3_step(l->arts) == SQLITE_ROW) {
        if (rows_grow(l) != 0) {
            err = chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "stories: out of memory");
            break;
        }
        chr_story_article *a = &l->a[l->n];
        a->id = sqlite3_column_int64(l->arts, 0);
        a->source = dup_col(l->arts, 1);
        a->title = dup_col(l->arts, 2);
        a->pub_date = dup_col(l->arts, 3);
        a->duplicate_of = sqlite3_column_int64(l->arts, 4);
        a->similarity = sqlite3_column_double(l->arts, 5);
        a->copy = 0;
        a->ext_id = dup_col(l->arts, 9);
        l->lang[l->n] = dup_col(l->arts, 6);
        l->lead[l->n] = a->title && *a->title ? strdup(a->title) : dup_col(l->arts, 7);
        l->brief[l->n] = sqlite3_column_int(l->arts, 8) < BRIEF_SENTENCES;
        l->n++;
    }
    sqlite3_reset(l->arts);
    size_t n_arts = l->n;
    /* the inputs kept as copies of its articles, after them */
    if (l->copies && err == CHR_OK) {
        sqlite3_bind_int64(l->copies, 1, s.id);
        while (sqlite3_step(l->copies) == SQLITE_ROW) {
            if (rows_grow(l) != 0) {
                err = chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "stories: out of memory");
                break;
            }
            chr_story_article *a = &l->a[l->n];
            memset(a, 0, sizeof *a);
            a->id = a->duplicate_of = sqlite3_column_int64(l->copies, 0);
            a->source = dup_col(l->copies, 1);
            a->pub_date = dup_col(l->copies, 2);
            a->ext_id = dup_col(l->copies, 3);
            a->similarity = 1;
            a->copy = 1;
            l->lead[l->n] = NULL;
            l->lang[l->n] = NULL;
            l->brief[l->n] = 0;
            l->n++;
        }
        sqlite3_reset(l->copies);
        if (err == CHR_OK)
            err = copies_to_canonical(l, n_arts, d);
    }
    if (err == CHR_OK)
        err = top_entities(l, s.id, d);
    if (err == CHR_OK) {
        /* the title: the most central headline, else lead line of a non-duplicate */
        const unsigned char *blob = sqlite3_column_blob(q, 5);
        size_t n_terms = (size_t)sqlite3_column_bytes(q, 5) / 8;
        uint32_t *terms = malloc((n_terms ? n_terms : 1) * (sizeof(uint32_t) + sizeof(float)));
        float *w = terms ? (float *)(terms + n_terms) : NULL;
        double best = -1;
        for (size_t i = 0; terms && i < n_terms; i++)
            chr_cluster_blob_get(blob, i, &terms[i], &w[i]);
        /* headlines first (a reprint's too: it heads the same text), those
         * of full articles before those of briefs (a one-line note's few
         * words weigh much in a centroid of summed article vectors), a
         * first sentence only when no article has one */
        int from_sentence = 0;
        for (int pass = 0; pass < 3 && !s.title; pass++)
            for (size_t i = 0; i < l->n; i++) {
                int headline = l->a[i].title && *l->a[i].title;
                if (!l->lead[i] || (pass < 2 && !headline) || (pass == 0 && l->brief[i]) ||
                    (pass == 2 && l->a[i].duplicate_of))
                    continue;
                /* (a first sentence by the mean weight of its words: the
                 * longest would win by their sum, not the most central) */
                double sc =
                    terms ? lead_score(l, l->lead[i], l->lang[i], terms, w, n_terms, pass == 2) : 0;
                if (sc > best) {
                    best = sc;
                    s.title = l->lead[i];
                    s.title_article = l->a[i].id;
                    from_sentence = !headline;
                }
            }
        free(terms);
        /* a sentence is shortened to a headline's length where only a
         * detail is lost, else cut ("...") */
        if (s.title && from_sentence) {
            l->cut = chr_headline_make(s.title, strlen(s.title), CHR_HEADLINE_WORDS);
            if (!l->cut)
                err = chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "stories: out of memory");
            s.title = l->cut;
        }
        s.articles = l->a;
        s.n_articles = l->n;
        s.entities = l->e;
        s.n_entities = l->n_e;
        *stop = fn(ctx, &s);
    }
    rows_clear(l);
    return err;
}

/* A story's entity names with their type, by the name's entities row: by
 * its key where the database has keys (chr_entity_key: a name stored
 * before a better spelling of it came keeps the old one in story_entity;
 * the spelling the entities table has now is shown). */
#define ENTS_SQL(name, match)                                                                      \
    "SELECT " name ", se.n, coalesce((SELECT CASE type WHEN 'PER' THEN 0"                          \
    " WHEN 'LOC' THEN 1 WHEN 'ORG' THEN 2 ELSE 3 END FROM entities"                                \
    " WHERE " match " ORDER BY mentions DESC LIMIT 1), 3)"                                         \
    " FROM story_entity se WHERE se.story_id = ?1 ORDER BY se.n DESC, se.name"

static int entities_by_key(sqlite3 *db)
{
    sqlite3_stmt *probe = NULL;
    int ok =
        sqlite3_prepare_v2(db, "SELECT key FROM entities LIMIT 0", -1, &probe, NULL) == SQLITE_OK;
    sqlite3_finalize(probe);
    return ok;
}

static chr_err lister_open(lister *l, chr_store *st, chr_diag *d)
{
    memset(l, 0, sizeof *l);
    l->db = chr_store_sqlite(st);
    l->ct = chr_ct_new();
    if (!l->ct)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "stories: out of memory");
    if (sqlite3_prepare_v2(
            l->db,
            "SELECT a.id, a.source, a.title, a.pub_date, coalesce(sa.duplicate_of, 0),"
            " sa.similarity, a.lang,"
            /* the first sentence, over a site's name or tagline on its own
             * ("Il Post", "Limes - Rivista italiana di geopolitica",
             * "CORRIERE DELLA SERA | Esteri"): one of four words or more,
             * and of nine or more with a dash or bar between spaces ("Syrie -
             * Bachar el-Assad : ..." is a headline), among the first six */
            " coalesce((SELECT t FROM (SELECT s.idx AS i, CAST(substr(CAST(a.clean_text AS BLOB),"
            "   s.start + 1, s.end - s.start) AS TEXT) AS t FROM sentences s"
            "   WHERE s.article_id = a.id AND s.idx < 6) WHERE"
            "   length(t) - length(replace(t, ' ', '')) >= 3 AND"
            "   (length(t) - length(replace(t, ' ', '')) >= 8 OR"
            "    (instr(t, ' - ') = 0 AND instr(t, ' | ') = 0)) AND"
            /* nor a picture's credit ("Source: Valerij Ledenev, Flickr, CC 2.0.") */
            "   t NOT LIKE 'Source:%' AND t NOT LIKE 'Sources:%' AND t NOT LIKE 'Photo:%' AND"
            "   t NOT LIKE 'Foto:%' AND t NOT LIKE 'Image:%' AND t NOT LIKE 'Cr_dit%:%'"
            "   ORDER BY i LIMIT 1),"
            " (SELECT CAST(substr(CAST(a.clean_text AS BLOB), s.start + 1, s.end - s.start)"
            "   AS TEXT) FROM sentences s WHERE s.article_id = a.id AND s.idx = 0)),"
            " (SELECT count(*) FROM sentences s WHERE s.article_id = a.id), a.ext_id"
            " FROM story_article sa JOIN articles a ON a.id = sa.article_id"
            " WHERE sa.story_id = ?1 ORDER BY a.pub_date IS NOT NULL, a.pub_date, a.id",
            -1, &l->arts, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(l->db,
                           entities_by_key(l->db)
                               ? ENTS_SQL("coalesce((SELECT canonical FROM entities WHERE"
                                          " key = chr_name_key(se.name) LIMIT 1), se.name)",
                                          "key = chr_name_key(se.name)")
                               : ENTS_SQL("se.name", "canonical = se.name"),
                           -1, &l->ents, NULL) != SQLITE_OK)
        return chr_diag_set(d, CHR_EDB, "", 0, -1, "stories: %s", sqlite3_errmsg(l->db));
    /* (a database older than migration 13 has no copies: read as it is) */
    if (sqlite3_prepare_v2(l->db,
                           "SELECT c.article_id, c.source, c.pub_date, c.ext_id FROM copies c"
                           " JOIN story_article sa ON sa.article_id = c.article_id"
                           " WHERE sa.story_id = ?1 ORDER BY c.article_id, c.source",
                           -1, &l->copies, NULL) != SQLITE_OK)
        l->copies = NULL;
    return CHR_OK;
}

static void lister_close(lister *l)
{
    rows_clear(l);
    sqlite3_finalize(l->arts);
    sqlite3_finalize(l->ents);
    sqlite3_finalize(l->copies);
    chr_ct_free(l->ct);
    free(l->a);
    free(l->lead);
    free(l->lang);
    free(l->brief);
}

#define STORY_COLS "id, first_day, last_day, size, n_unique, centroid"

chr_err chr_story_foreach(chr_store *st, chr_story_fn fn, void *ctx, chr_diag *d)
{
    lister l;
    chr_err err = lister_open(&l, st, d);
    sqlite3_stmt *q = NULL;
    if (err == CHR_OK &&
        sqlite3_prepare_v2(l.db, "SELECT " STORY_COLS " FROM story ORDER BY size DESC, id", -1, &q,
                           NULL) != SQLITE_OK)
        err = chr_diag_set(d, CHR_EDB, "", 0, -1, "stories: %s", sqlite3_errmsg(l.db));
    int stop = 0, rc = SQLITE_DONE;
    while (err == CHR_OK && !stop && (rc = sqlite3_step(q)) == SQLITE_ROW)
        err = emit(&l, q, fn, ctx, &stop, d);
    if (err == CHR_OK && !stop && rc != SQLITE_DONE)
        err = chr_diag_set(d, CHR_EDB, "", 0, -1, "stories: %s", sqlite3_errmsg(l.db));
    sqlite3_finalize(q);
    lister_close(&l);
    return err;
}

chr_err chr_story_get(chr_store *st, int64_t id, chr_story_fn fn, void *ctx, chr_diag *d)
{
    lister l;
    chr_err err = lister_open(&l, st, d);
    sqlite3_stmt *q = NULL;
    if (err == CHR_OK && sqlite3_prepare_v2(l.db,
                                            "SELECT " STORY_COLS " FROM story WHERE id = coalesce("
                                            "(SELECT into_id FROM story_alias WHERE id = ?1), ?1)",
                                            -1, &q, NULL) != SQLITE_OK)
        err = chr_diag_set(d, CHR_EDB, "", 0, -1, "stories: %s", sqlite3_errmsg(l.db));
    if (err == CHR_OK) {
        sqlite3_bind_int64(q, 1, id);
        int stop = 0;
        if (sqlite3_step(q) == SQLITE_ROW)
            err = emit(&l, q, fn, ctx, &stop, d);
        else
            err = chr_diag_set(d, CHR_ENOTFOUND, "", 0, -1, "no story %lld", (long long)id);
    }
    sqlite3_finalize(q);
    lister_close(&l);
    return err;
}
