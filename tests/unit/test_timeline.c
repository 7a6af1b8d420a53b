/* chronicle — unit tests of the timeline module: TIMEX3 values as day
 * intervals, which sentences become entries, grouping across outlets,
 * conflicts, near-duplicates, the incremental state against a rebuild,
 * --top/--dates/--sentences, JSON fields, and the summary's budget. The
 * articles are fixtures written here (an invented bridge collapse). */
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chronicle/json.h"
#include "chronicle/pipeline.h"
#include "chronicle/timeline.h"
#include "timeline_fixture.h"
#include "timeline_int.h"
#include "unit.h"

/* ---- values ---- */

static int interval(const char *v, const char *s, const char *e, chr_gran g)
{
    int32_t a, b;
    chr_gran gg;
    if (!tl_value_interval(v, &a, &b, &gg))
        return s == NULL;
    char x[16], y[16];
    tl_format_date(a, CHR_GRAN_DAY, x, sizeof x);
    tl_format_date(b, CHR_GRAN_DAY, y, sizeof y);
    int ok = s && strcmp(x, s) == 0 && strcmp(y, e) == 0 && gg == g;
    if (!ok)
        fprintf(stderr, "  %s -> %s..%s %s\n", v, x, y, chr_gran_name(gg));
    return ok;
}

TEST(values_as_intervals)
{
    CHECK(interval("2023-10-18", "2023-10-18", "2023-10-18", CHR_GRAN_DAY));
    CHECK(interval("2023-10-18T14:30", "2023-10-18", "2023-10-18", CHR_GRAN_DAY));
    /* midnight at a day's end is that day's ("Voting ended at midnight on
     * Sunday"), though a chronology may date what began then by the next */
    CHECK(interval("2016-02-26T24:00", "2016-02-26", "2016-02-26", CHR_GRAN_DAY));
    CHECK(interval("2024-02", "2024-02-01", "2024-02-29", CHR_GRAN_MONTH));
    CHECK(interval("2023", "2023-01-01", "2023-12-31", CHR_GRAN_YEAR));
    CHECK(interval("2024-W20", "2024-05-13", "2024-05-19", CHR_GRAN_WEEK));
    CHECK(interval("2024-Q2", "2024-04-01", "2024-06-30", CHR_GRAN_QUARTER));
    CHECK(interval("2023-WI", "2023-12-01", "2024-02-29", CHR_GRAN_SEASON));
    /* not timeline points */
    CHECK(interval("PAST_REF", NULL, NULL, CHR_GRAN_DAY));
    CHECK(interval("P6Y", NULL, NULL, CHR_GRAN_DAY));
    CHECK(interval("XXXX-05", NULL, NULL, CHR_GRAN_DAY));
    CHECK(interval("197", NULL, NULL, CHR_GRAN_DAY));
    CHECK(interval("2023-02-30", NULL, NULL, CHR_GRAN_DAY));
    char buf[16];
    tl_format_date(tl_day(2024, 5, 16), CHR_GRAN_WEEK, buf, sizeof buf);
    CHECK_STR(buf, "2024-W20");
    CHECK_STR(chr_gran_name(CHR_GRAN_MONTH), "month");
}

/* Text output names a quarter, half or season as such (the JSON date stays
 * its first month). */
TEST(date_labels)
{
    static const struct {
        int y, m, d;
        chr_gran g;
        const char *label;
    } cases[] = {
        {2025, 4, 1, CHR_GRAN_QUARTER, "2025-Q2"},
        {2025, 7, 1, CHR_GRAN_HALF, "2025-H2"},
        {2025, 3, 1, CHR_GRAN_SEASON, "spring 2025"},
        {2025, 9, 1, CHR_GRAN_SEASON, "autumn 2025"},
        {2023, 12, 1, CHR_GRAN_SEASON, "winter 2023/24"},
        {2024, 5, 16, CHR_GRAN_DAY, "2024-05-16"},
        {2024, 5, 1, CHR_GRAN_MONTH, "2024-05"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[24];
        tl_format_label(tl_day(cases[i].y, cases[i].m, cases[i].d), cases[i].g, buf, sizeof buf);
        CHECK_STR(buf, cases[i].label);
    }
}

/* ---- fixtures ---- */

static const tl_fixture fixtures[] = {
    {"a1.txt", " date 2023-10-20 The Dunmore bridge collapsed on October 18, 2023, injuring "
               "twelve people on the morning commute.\n\nEngineers had warned about corrosion in "
               "the bridge's steel cables in March 2021, according to council records.\n\nThe "
               "city council will vote on a replacement bridge on November 3, 2023.\n\nThe bridge "
               "had served the town of Dunmore for six years.\n\nOfficials said repairs in the "
               "years ahead would be costly for the town.\n\nHarbour ferry service between the "
               "islands resumes on December 2 after the winter storm repairs\n"},
    {"a2.txt", " date 2023-10-21 The Dunmore bridge collapsed on October 18, injuring twelve "
               "people, officials said.\n\nRescue divers searched the Moyle river for missing "
               "cars on October 19 but found none.\n\nIn March 2021 engineers warned about "
               "corrosion of the bridge's steel cables.\n\n@dunmorewatch: Dunmore bridge collapsed "
               "October 18, twelve injured #Dunmore #bridge\n\nHarbour ferry service between the "
               "islands resumes on December 2 after the winter storm repairs\n"},
    {"a3.txt",
     " date 2023-10-22 Twelve people were injured when the Dunmore bridge collapsed on "
     "October 18 during the morning commute.\n\nOn October 18 the mayor Edith Rowan "
     "also opened the new Eastfield primary school with pupils and parents.\n\nEdith "
     "Rowan took office as mayor in June 2022.\n\nThe public library reopened in "
     "June 2022 after a long closure for a fire.\n\nThe "
     "council vote on a replacement bridge is set for November 3.\n\n@rescuelive: divers searched "
     "the Moyle river for missing cars on October 19 #Dunmore #rescue\n\nHarbour ferry "
     "service between the islands resumes on December 2 after the winter storm "
     "repairs\n"},
    {"a4.txt", " date 2023-10-23 The Dunmore bridge collapsed on October 17, injuring twelve "
               "people on the morning commute, officials said.\n\nAn inspection in March 2021 "
               "had found rust on the main supports, officials said.\n"},
    /* a near-duplicate of a1 (the test marks it as one, as the cluster step would) */
    {"a5.txt", " date 2023-10-20 The Dunmore bridge collapsed on October 18, 2023, injuring "
               "twelve people on the morning commute.\n\nEngineers had warned about corrosion in "
               "the bridge's steel cables in March 2021, according to council records.\n\nThe "
               "city council will vote on a replacement bridge on November 3, 2023.\n\nReprinted "
               "with permission.\n"},
};
#define N_FIX (sizeof fixtures / sizeof fixtures[0])

static char dir[64], db_path[128];

static chr_store *open_fixture_store(void)
{
    return tl_fixture_open("chr_tl", fixtures, N_FIX, dir, db_path);
}

static int64_t article_id(chr_store *st, const char *name)
{
    sqlite3_stmt *q;
    int64_t id = 0;
    sqlite3_prepare_v2(chr_store_sqlite(st), "SELECT id FROM articles WHERE source LIKE ?1", -1, &q,
                       NULL);
    char pat[64];
    snprintf(pat, sizeof pat, "%%/%s", name);
    sqlite3_bind_text(q, 1, pat, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(q) == SQLITE_ROW)
        id = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return id;
}

/* Forget the timeline state the pipeline wrote (as if the articles had
 * been stored before timelines existed). */
static void reset_timelines(chr_store *st)
{
    sqlite3_exec(chr_store_sqlite(st),
                 "DELETE FROM tl_mention; DELETE FROM tl_entry; DELETE FROM tl_article;", NULL,
                 NULL, NULL);
}

/* Put every article in story 7, a5 a near-duplicate of a1 (what the story
 * step records; whatever it decided for the fixtures is overwritten). */
static void assign_story(chr_store *st)
{
    sqlite3 *db = chr_store_sqlite(st);
    char sql[256];
    for (size_t i = 0; i < N_FIX; i++) {
        int64_t id = article_id(st, fixtures[i].name);
        int64_t dup = strcmp(fixtures[i].name, "a5.txt") == 0 ? article_id(st, "a1.txt") : 0;
        snprintf(sql, sizeof sql,
                 "INSERT OR REPLACE INTO story_article(article_id, story_id, duplicate_of)"
                 " VALUES(%lld, 7, nullif(%lld, 0))",
                 (long long)id, (long long)dup);
        sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    sqlite3_exec(db, "DELETE FROM story_alias", NULL, NULL, NULL);
}

static void cleanup(chr_store *st)
{
    tl_fixture_close(st, dir);
}

static const chr_tl_entry *find_entry(const chr_timeline *tl, const char *date, const char *word)
{
    for (size_t i = 0; i < tl->n; i++)
        if (strcmp(tl->entries[i].date, date) == 0 && tl->entries[i].text &&
            strstr(tl->entries[i].text, word))
            return &tl->entries[i];
    return NULL;
}

static int source_has(const chr_tl_entry *e, const char *file)
{
    for (size_t k = 0; k < e->n_sources; k++)
        if (e->sources[k].article && strstr(e->sources[k].article, file))
            return 1;
    return 0;
}

static char *timeline_json(const chr_timeline *tl)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    chr_json j;
    chr_json_init(&j, f, 0);
    chr_timeline_write_json(tl, &j);
    chr_json_end(&j);
    fclose(f);
    return buf;
}

/* Do two timelines print the same JSON? */
static int same_timeline(const chr_timeline *x, const chr_timeline *y)
{
    if (!x || !y)
        return 0;
    char *a = timeline_json(x), *b = timeline_json(y);
    int same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

/* ---- tests over the fixture story ---- */

/* Figures are terms every language shares ("850 millones", "850 million";
 * "410,000", "410.000"); days of a month, years and small figures are not. */
TEST(figures_in_sentence_vectors)
{
    chr_ct *ct = chr_ct_new();
    CHECK(ct != NULL);
    if (!ct)
        return;
    tl_vec es, en, a, b, dates;
    CHECK(tl_vec_of_text(ct, "es", "ayudas de 850 millones", 22, &es) == 0);
    CHECK(tl_vec_of_text(ct, "en", "850 million aid", 15, &en) == 0);
    CHECK(tl_vec_dot(&es, &en, NULL, NULL) > 0);
    CHECK(tl_vec_of_text(ct, "en", "recalls 410,000 heaters", 23, &a) == 0);
    CHECK(tl_vec_of_text(ct, "fr", "rappel de 410.000 radiateurs", 28, &b) == 0);
    CHECK(tl_vec_dot(&a, &b, NULL, NULL) > 0);
    const char *d1 = "14 de octubre de 2024, 3 muertos", *d2 = "14 October 2024: 3 dead";
    tl_vec x;
    CHECK(tl_vec_of_text(ct, "es", d1, strlen(d1), &dates) == 0);
    CHECK(tl_vec_of_text(ct, "en", d2, strlen(d2), &x) == 0);
    CHECK(tl_vec_dot(&dates, &x, NULL, NULL) == 0);
    tl_vec_free(&es);
    tl_vec_free(&en);
    tl_vec_free(&a);
    tl_vec_free(&b);
    tl_vec_free(&dates);
    tl_vec_free(&x);
    chr_ct_free(ct);
}

TEST(grouping_dates_and_sources)
{
    chr_store *st = open_fixture_store();
    CHECK(st != NULL);
    if (!st)
        return;
    chr_timeline *tl = NULL;
    CHECK_INT(chr_timeline_build(st, 0, NULL, &tl, NULL), CHR_OK);
    if (!tl) {
        cleanup(st);
        return;
    }
    /* one collapse, reported by every outlet (a4 gives the 17th: a conflict) */
    const chr_tl_entry *c = find_entry(tl, "2023-10-18", "collapsed");
    CHECK(c != NULL);
    if (c) {
        /* five articles, a5 a near-copy of a1: 4 when the story step saw it */
        int dups =
            count_rows(st, "SELECT count(*) FROM story_article WHERE duplicate_of IS NOT NULL");
        CHECK_INT(c->support, 5 - (dups > 0));
        CHECK(source_has(c, "a1.txt") && source_has(c, "a2.txt") && source_has(c, "a3.txt"));
        CHECK(c->conflict && strstr(c->conflict, "2023-10-17"));
        CHECK_STR(chr_gran_name(c->gran), "day");
        for (size_t k = 0; k < c->n_sources; k++)
            CHECK(strstr(c->sources[k].sentence, "bridge") != NULL);
    }
    /* a headline-like line that three outlets' pages carry is furniture */
    CHECK(find_entry(tl, "2023-12-02", "ferry") == NULL);
    /* another event on the same day stays apart */
    const chr_tl_entry *school = find_entry(tl, "2023-10-18", "school");
    CHECK(school != NULL && school != c);
    if (school)
        CHECK_INT(school->support, 1);
    /* a month of the story's background ("March 2021") from three outlets,
     * one in other words ("rust on the main supports"): one entry; two
     * events that one article dates to one background month stay two */
    const chr_tl_entry *warn = find_entry(tl, "2021-03", "corrosion");
    CHECK(warn != NULL);
    if (warn) {
        CHECK_STR(chr_gran_name(warn->gran), "month");
        CHECK_INT(warn->support, 3);
        CHECK(source_has(warn, "a4.txt"));
    }
    const chr_tl_entry *mayor = find_entry(tl, "2022-06", "mayor");
    const chr_tl_entry *library = find_entry(tl, "2022-06", "library");
    CHECK(mayor != NULL && library != NULL && mayor != library);
    /* the announced vote: November 3 from a1 and a3 ("set for November 3") */
    const chr_tl_entry *vote = find_entry(tl, "2023-11-03", "vote");
    CHECK(vote != NULL);
    if (vote)
        CHECK(source_has(vote, "a1.txt") && source_has(vote, "a3.txt"));
    /* two sources for the divers; a post quoted from a social network does
     * not state the entry */
    const chr_tl_entry *divers = find_entry(tl, "2023-10-19", "divers");
    CHECK(divers != NULL);
    if (divers) {
        CHECK_INT(divers->support, 2);
        CHECK(divers->text[0] != '@');
    }
    /* durations and vague periods are not timeline points; every text is a
     * source sentence; ordered by date */
    for (size_t i = 0; i < tl->n; i++) {
        const chr_tl_entry *e = &tl->entries[i];
        CHECK(strstr(e->text, "six years") == NULL);
        CHECK(strstr(e->text, "years ahead") == NULL);
        int found = 0;
        for (size_t k = 0; k < e->n_sources; k++)
            found |= strcmp(e->sources[k].sentence, e->text) == 0;
        CHECK(found);
        if (i)
            CHECK(strcmp(tl->entries[i - 1].date, e->date) <= 0);
    }
    chr_timeline_free(tl);
    cleanup(st);
}

TEST(near_duplicates_count_once)
{
    chr_store *st = open_fixture_store();
    CHECK(st != NULL);
    if (!st)
        return;
    assign_story(st);
    chr_timeline *tl = NULL;
    CHECK_INT(chr_timeline_build(st, 7, NULL, &tl, NULL), CHR_OK);
    const chr_tl_entry *c = tl ? find_entry(tl, "2023-10-18", "collapsed") : NULL;
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(c->support, 4); /* a5 is a1's reprint */
        CHECK(source_has(c, "a5.txt"));
    }
    chr_timeline_free(tl);
    CHECK_INT(chr_timeline_build(st, 99, NULL, &tl, NULL), CHR_ENOTFOUND);
    int64_t *ids = NULL;
    size_t n = 0;
    CHECK_INT(chr_timeline_stories(st, &ids, &n), CHR_OK);
    CHECK(n == 1 && ids && ids[0] == 7);
    free(ids);
    cleanup(st);
}

TEST(incremental_matches_rebuild)
{
    chr_store *st = open_fixture_store();
    CHECK(st != NULL);
    if (!st)
        return;
    assign_story(st);
    reset_timelines(st);
    /* state rebuilt in memory (nothing persisted for story 7 yet) */
    chr_tl_opts o = {.sentences = 2};
    chr_timeline *mem = NULL, *inc = NULL;
    CHECK_INT(chr_timeline_build(st, 7, &o, &mem, NULL), CHR_OK);
    /* the pipeline's path: one update per article, in id order */
    chr_tl_updater *u = NULL;
    CHECK_INT(chr_tl_updater_open(st, &u, NULL), CHR_OK);
    CHECK_INT(chr_store_begin(st), CHR_OK);
    for (size_t i = 0; i < N_FIX; i++)
        CHECK_INT(chr_tl_updater_add(u, (int64_t)i + 1, 0, NULL), CHR_OK);
    CHECK_INT(chr_tl_updater_add(u, 1, 0, NULL), CHR_OK); /* twice: no change */
    CHECK_INT(chr_store_commit(st), CHR_OK);
    chr_tl_updater_close(u);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM tl_article WHERE story_id=7"), (int)N_FIX);
    CHECK_INT(chr_timeline_build(st, 7, &o, &inc, NULL), CHR_OK);
    CHECK(same_timeline(mem, inc));
    /* rebuilding every story gives the same state again */
    long added = 0;
    chr_timeline *reb = NULL;
    CHECK_INT(chr_store_begin(st), CHR_OK);
    CHECK_INT(chr_timeline_rebuild(st, &added, NULL), CHR_OK);
    CHECK_INT(chr_store_commit(st), CHR_OK);
    CHECK_INT(added, (long)N_FIX);
    CHECK_INT(chr_timeline_build(st, 7, &o, &reb, NULL), CHR_OK);
    CHECK(same_timeline(mem, reb));
    chr_timeline_free(reb);
    chr_timeline_free(mem);
    chr_timeline_free(inc);
    cleanup(st);
}

/* Timelines reset, articles 1..5 put in the stories of values ("(1,7),..."),
 * each added by a fresh updater, which is returned (caller closes). */
static chr_tl_updater *five_in_stories(chr_store *st, const char *values)
{
    char sql[256];
    reset_timelines(st);
    snprintf(sql, sizeof sql,
             "DELETE FROM story_alias;"
             "INSERT OR REPLACE INTO story_article(article_id, story_id) VALUES%s",
             values);
    sqlite3_exec(chr_store_sqlite(st), sql, NULL, NULL, NULL);
    chr_tl_updater *u = NULL;
    CHECK_INT(chr_tl_updater_open(st, &u, NULL), CHR_OK);
    for (int64_t i = 1; i <= 5; i++)
        CHECK_INT(chr_tl_updater_add(u, i, 0, NULL), CHR_OK);
    return u;
}

/* Story's document frequency of term, as counted from the stored
 * mentions (story < 0: every story's summed), -1 on error. */
static int64_t story_df(chr_store *st, int64_t story, uint32_t term)
{
    sqlite3_stmt *q = NULL;
    tl_cdf *rows = NULL;
    size_t n = 0;
    chr_err e = tl_story_df(chr_store_sqlite(st), &q, story, &rows, &n);
    sqlite3_finalize(q);
    int64_t df = e ? -1 : 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i].term == term)
            df = rows[i].df;
    free(rows);
    return df;
}

/* Does the grouper's in-memory count of story's document frequencies (the
 * cache of the store's connection, which an open updater holds) agree with
 * the count from the stored mentions, row for row? */
static int df_agrees(chr_store *st, int64_t story)
{
    sqlite3 *db = chr_store_sqlite(st);
    sqlite3_stmt *q = NULL;
    tl_cdf *rows = NULL;
    size_t n = 0;
    tl_cache *c = tl_cache_acquire(db);
    tl_cstory *cs = NULL;
    int ok = c && tl_story_df(db, &q, story, &rows, &n) == CHR_OK &&
             tl_cache_story(c, story, &cs) == CHR_OK && tl_cstory_load_df(c, cs) == CHR_OK &&
             tl_cstory_ndf(cs) == n && n > 0;
    for (size_t i = 0; ok && i < n; i++) {
        const tl_cdf *r = tl_cstory_df(cs, rows[i].term);
        ok = r && r->df == rows[i].df;
    }
    sqlite3_finalize(q);
    free(rows);
    tl_cache_release(c);
    return ok;
}

/* Articles 1-3 added to story 7, 4 and 5 to story 8, which the story step
 * then merges into 7; the updater is returned (caller closes). */
static chr_tl_updater *eight_merged_into_seven(chr_store *st)
{
    chr_tl_updater *u = five_in_stories(st, "(1,7),(2,7),(3,7),(4,8),(5,8)");
    sqlite3_exec(chr_store_sqlite(st),
                 "UPDATE story_article SET story_id=7 WHERE story_id=8;"
                 "INSERT INTO story_alias(id, into_id) VALUES(8, 7);",
                 NULL, NULL, NULL);
    return u;
}

/* The story step merges story 8 into 7: the next update of 7 adopts 8's
 * state, and 8 resolves to 7. */
TEST(merged_stories)
{
    chr_store *st = open_fixture_store();
    CHECK(st != NULL);
    if (!st)
        return;
    sqlite3 *db = chr_store_sqlite(st);
    chr_tl_updater *u = eight_merged_into_seven(st);
    /* a sixth article joins story 7 */
    char in[160];
    snprintf(in, sizeof in, "%s/a6.txt", dir);
    FILE *f = fopen(in, "w");
    if (f) {
        fputs(" date 2023-10-24 Divers recovered a car from the Moyle river on October 23, five "
              "days after the Dunmore bridge collapsed.\n",
              f);
        fclose(f);
    }
    chr_pipeline *p = NULL;
    chr_ingest_stats is;
    memset(&is, 0, sizeof is);
    CHECK_INT(chr_pipeline_open(st, &p, NULL), CHR_OK);
    CHECK_INT(chr_pipeline_ingest(p, in, &is), CHR_OK);
    chr_pipeline_close(p);
    /* whatever the story step did with it: a6 is story 7's, not yet in its timeline */
    sqlite3_exec(
        db,
        "INSERT OR REPLACE INTO story_article(article_id, story_id) VALUES(6, 7);"
        "DELETE FROM tl_mention WHERE article_id=6; DELETE FROM tl_article WHERE article_id=6;",
        NULL, NULL, NULL);
    CHECK_INT(chr_tl_updater_add(u, 6, 0, NULL), CHR_OK);
    /* 8's articles counted in 7's frequencies before their mentions were
     * grouped there: what 7's stored mentions give */
    CHECK(df_agrees(st, 7));
    chr_tl_updater_close(u);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM tl_article WHERE story_id=7"), 6);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM tl_article WHERE story_id=8"), 0);
    CHECK_INT((int)story_df(st, 8, 0), 0);
    CHECK_INT((int)story_df(st, 7, 0), 6);
    chr_timeline *tl = NULL;
    CHECK_INT(chr_timeline_build(st, 8, NULL, &tl, NULL), CHR_OK);
    if (tl) {
        CHECK_INT(tl->story_id, 7);
        const chr_tl_entry *c = find_entry(tl, "2023-10-18", "collapsed");
        CHECK(c && c->support >= 4 && source_has(c, "a4.txt"));
        CHECK(find_entry(tl, "2023-10-23", "car") != NULL);
    }
    chr_timeline_free(tl);
    /* the summary of the merged-away id is the surviving story's */
    chr_summary *sm = NULL, *sm7 = NULL;
    CHECK_INT(chr_summary_build(st, 8, NULL, &sm, NULL), CHR_OK);
    CHECK_INT(chr_summary_build(st, 7, NULL, &sm7, NULL), CHR_OK);
    CHECK(sm && sm7 && sm->n > 0 && sm->n == sm7->n);
    if (sm && sm7 && sm->n > 0 && sm->n == sm7->n)
        for (size_t i = 0; i < sm->n; i++)
            CHECK_STR(sm->sentences[i].text, sm7->sentences[i].text);
    chr_summary_free(sm);
    chr_summary_free(sm7);
    cleanup(st);
}

/* The story step splits story 7: articles 4 and 5 move to a new story 9.
 * Regrouping both makes each persisted timeline cover exactly its articles,
 * the same as building it from scratch. */
TEST(split_stories_regrouped)
{
    chr_store *st = open_fixture_store();
    CHECK(st != NULL);
    if (!st)
        return;
    sqlite3 *db = chr_store_sqlite(st);
    chr_tl_updater *u = five_in_stories(st, "(1,7),(2,7),(3,7),(4,7),(5,7)");
    sqlite3_exec(db, "UPDATE story_article SET story_id=9 WHERE article_id IN (4, 5)", NULL, NULL,
                 NULL);
    const int64_t moved[] = {7, 9};
    CHECK_INT(chr_tl_updater_regroup(u, moved, 2, NULL), CHR_OK);
    CHECK(df_agrees(st, 7) && df_agrees(st, 9));
    chr_tl_updater_close(u);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM tl_article WHERE story_id=7"), 3);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM tl_article WHERE story_id=9"), 2);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM tl_mention m JOIN tl_entry e ON e.id ="
                             " m.entry_id WHERE e.story_id=7 AND m.article_id IN (4, 5)"),
              0);
    CHECK(count_rows(st, "SELECT count(*) FROM tl_entry WHERE story_id=9") > 0);
    CHECK_INT((int)story_df(st, 9, 0), 2);
    /* persisted (now fresh) equals rebuilt in memory */
    chr_tl_opts o = {.sentences = 2};
    for (int k = 0; k < 2; k++) {
        chr_timeline *per = NULL, *mem = NULL;
        CHECK_INT(chr_timeline_build(st, moved[k], &o, &per, NULL), CHR_OK);
        char sql[128];
        snprintf(sql, sizeof sql, "DELETE FROM tl_article WHERE article_id = %d", k ? 4 : 1);
        sqlite3_exec(db, "SAVEPOINT x", NULL, NULL, NULL);
        sqlite3_exec(db, sql, NULL, NULL, NULL); /* not fresh: built in memory */
        CHECK_INT(chr_timeline_build(st, moved[k], &o, &mem, NULL), CHR_OK);
        sqlite3_exec(db, "ROLLBACK TO x; RELEASE x", NULL, NULL, NULL);
        CHECK(per && mem && same_timeline(per, mem));
        chr_timeline_free(per);
        chr_timeline_free(mem);
    }
    cleanup(st);
}

/* Story 8 merges into 7, and the story step splits 7 before its next
 * update: 8's articles go to story 9 with their mentions, and nothing of 8
 * is counted any more (stored per-term counts of 8 were left behind and
 * counted those articles twice in the whole-database idf). The store
 * keeps no per-term counts (migration 14). */
TEST(merged_then_split_counts_once)
{
    chr_store *st = open_fixture_store();
    CHECK(st != NULL);
    if (!st)
        return;
    CHECK_INT(count_rows(st, "SELECT count(*) FROM sqlite_master WHERE name = 'tl_df'"), 0);
    chr_tl_updater *u = eight_merged_into_seven(st);
    sqlite3_exec(chr_store_sqlite(st),
                 "UPDATE story_article SET story_id=9 WHERE article_id IN (4, 5)", NULL, NULL,
                 NULL);
    const int64_t moved[] = {7, 9};
    CHECK_INT(chr_tl_updater_regroup(u, moved, 2, NULL), CHR_OK);
    chr_tl_updater_close(u);
    int64_t articles = count_rows(st, "SELECT count(DISTINCT article_id) FROM tl_mention");
    CHECK(articles >= 4);
    CHECK_INT((int)story_df(st, -1, 0), (int)articles);
    CHECK_INT((int)story_df(st, 8, 0), 0);
    CHECK_INT((int)(story_df(st, 7, 0) + story_df(st, 9, 0)), (int)articles);
    cleanup(st);
}

TEST(selection_and_json)
{
    chr_store *st = open_fixture_store();
    CHECK(st != NULL);
    if (!st)
        return;
    chr_tl_opts top = {.top = 2};
    chr_timeline *tl = NULL;
    CHECK_INT(chr_timeline_build(st, 0, &top, &tl, NULL), CHR_OK);
    CHECK(tl && tl->n == 2);
    if (tl && tl->n == 2)
        CHECK(find_entry(tl, "2023-10-18", "collapsed") != NULL);
    chr_timeline_free(tl);
    /* --dates 2 --sentences 2: two days, at most two sentences each */
    chr_tl_opts dates = {.sentences = 2, .dates = 2};
    CHECK_INT(chr_timeline_build(st, 0, &dates, &tl, NULL), CHR_OK);
    if (tl) {
        char days[4][16];
        int nd = 0, per[4] = {0};
        for (size_t i = 0; i < tl->n; i++) {
            int k = 0;
            while (k < nd && strcmp(days[k], tl->entries[i].date) != 0)
                k++;
            if (k == nd && nd < 4)
                snprintf(days[nd++], 16, "%s", tl->entries[i].date);
            if (k < 4)
                per[k] += (int)tl->entries[i].n_sentences;
            CHECK_STR(chr_gran_name(tl->entries[i].gran), "day");
            CHECK(tl->entries[i].day_score > 0 && tl->entries[i].score > 0);
        }
        CHECK_INT(nd, 2);
        CHECK(per[0] <= 2 && per[1] <= 2 && per[0] >= 1);
        /* JSON fields as documented */
        char *js = timeline_json(tl);
        json_error_t err;
        json_t *root = js ? json_loads(js, 0, &err) : NULL;
        CHECK(json_is_array(root));
        json_t *e0 = json_array_get(root, 0);
        CHECK(json_is_string(json_object_get(e0, "date")));
        CHECK(json_is_string(json_object_get(e0, "granularity")));
        CHECK(json_is_string(json_object_get(e0, "text")));
        CHECK(json_is_integer(json_object_get(e0, "support")));
        CHECK(json_is_number(json_object_get(e0, "importance")));
        CHECK(json_is_number(json_object_get(e0, "day_importance")));
        CHECK(json_is_array(json_object_get(e0, "sentences")));
        json_t *s0 = json_array_get(json_object_get(e0, "sources"), 0);
        const char *keys[] = {"article", "outlet", "pub_date", "sentence", "expression"};
        for (size_t k = 0; k < 5; k++)
            CHECK(json_object_get(s0, keys[k]) != NULL);
        json_decref(root);
        free(js);
    }
    chr_timeline_free(tl);
    cleanup(st);
}

static int words_of(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        int sp = *s == ' ' || *s == '\n' || *s == '\t';
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

TEST(summary_budget)
{
    chr_store *st = open_fixture_store();
    CHECK(st != NULL);
    if (!st)
        return;
    chr_summary_opts o = {30, 0};
    chr_summary *s = NULL;
    CHECK_INT(chr_summary_build(st, 0, &o, &s, NULL), CHR_OK);
    if (s) {
        CHECK(s->n >= 1);
        CHECK(s->words <= 30);
        CHECK(s->headline && *s->headline);
        int total = 0;
        for (size_t i = 0; i < s->n; i++) {
            total += words_of(s->sentences[i].text);
            CHECK(s->sentences[i].article && strstr(s->sentences[i].article, ".txt"));
        }
        CHECK_INT(total, s->words);
        /* the collapse, which every article reports, is in it */
        int collapse = 0;
        for (size_t i = 0; i < s->n; i++)
            collapse |= strstr(s->sentences[i].text, "collapsed") != NULL;
        CHECK(collapse);
    }
    chr_summary_free(s);
    chr_summary_opts t = {25, 1};
    CHECK_INT(chr_summary_build(st, 0, &t, &s, NULL), CHR_OK);
    if (s)
        CHECK_INT(s->words, 25); /* filled exactly, the last sentence cut */
    chr_summary_free(s);
    /* a budget no sentence fits: no sentences, still the story's headline */
    chr_summary_opts one = {1, 0};
    CHECK_INT(chr_summary_build(st, 0, &one, &s, NULL), CHR_OK);
    if (s) {
        CHECK_INT((int)s->n, 0);
        CHECK(s->headline && *s->headline);
    }
    chr_summary_free(s);
    cleanup(st);
}

/* A page that prints a paragraph twice (a teaser above the body) gives one
 * source for it, not two; another outlet's sentence stays. */
TEST(repeated_paragraph_one_source)
{
    static const tl_fixture twice[] = {
        {"p1.txt", " date 2023-10-20 The Dunmore bridge collapsed on October 18, injuring "
                   "twelve people.\n\nRescue crews worked through the night.\n\nThe Dunmore "
                   "bridge collapsed on October 18, injuring twelve people.\n"},
        {"p2.txt", " date 2023-10-21 Twelve people were hurt when the Dunmore bridge "
                   "collapsed on October 18.\n"},
    };
    char tdir[64], tpath[128];
    chr_store *st = tl_fixture_open("chr_tl_twice", twice, 2, tdir, tpath);
    CHECK(st != NULL);
    if (!st)
        return;
    chr_timeline *tl = NULL;
    CHECK_INT(chr_timeline_build(st, 0, NULL, &tl, NULL), CHR_OK);
    const chr_tl_entry *c = tl ? find_entry(tl, "2023-10-18", "collapsed") : NULL;
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(c->support, 2);
        /* (the lead's detail, "Rescue crews worked through the night", is
         * placed on its day and may join: count the collapse's sentences) */
        int collapse = 0;
        for (size_t i = 0; i < c->n_sources; i++)
            collapse += strstr(c->sources[i].sentence, "collapsed") != NULL;
        CHECK_INT(collapse, 2);
        CHECK(source_has(c, "p1.txt") && source_has(c, "p2.txt"));
    }
    chr_timeline_free(tl);
    tl_fixture_close(st, tdir);
}

UNIT_MAIN_BEGIN
RUN(values_as_intervals);
RUN(date_labels);
RUN(figures_in_sentence_vectors);
RUN(grouping_dates_and_sources);
RUN(near_duplicates_count_once);
RUN(incremental_matches_rebuild);
RUN(merged_stories);
RUN(merged_then_split_counts_once);
RUN(split_stories_regrouped);
RUN(selection_and_json);
RUN(summary_budget);
RUN(repeated_paragraph_one_source);
UNIT_MAIN_END
