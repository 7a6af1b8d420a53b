/* chronicle — unit tests of the timeline entry cache (timeline_cache.c):
 * the grouper writes the same tl_entry, tl_mention and tl_article rows with a
 * warm cache as with a cold one (every entry read from the database) after
 * the entries changed behind a group's back: a split story regrouped, a
 * merged story adopted, an article rolled back, another connection's
 * commit, every timeline rebuilt; and when stories are evicted. The
 * articles are written here (an invented warehouse fire). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/pipeline.h"
#include "chronicle/timeline.h"
#include "timeline_fixture.h"
#include "timeline_int.h"
#include "unit.h"

static const tl_fixture texts[] = {
    {"f1.txt",
     " date 2024-03-05 A fire destroyed the Kelso harbour warehouse on March 4, 2024, and two "
     "workers were hurt.\n\nThe port authority opened an inquiry into the fire in March 2024.\n\n"
     "The port will reopen on March 11, 2024, officials said.\n"},
    {"f2.txt",
     " date 2024-03-06 Firefighters said the Kelso harbour warehouse fire on March 4 started in a "
     "storage room.\n\nTwo workers were hurt in the warehouse fire, the port authority said.\n\n"
     "Inspectors had checked the Kelso warehouse in January 2023, records show.\n"},
    {"f3.txt", " date 2024-03-07 The Kelso harbour warehouse burned down on March 4 after a fire "
               "in a storage room.\n\nThe port reopens on March 11, the harbour master told "
               "reporters.\n"},
    {"f4.txt",
     " date 2024-03-08 Investigators said on March 7 that faulty wiring caused the Kelso warehouse "
     "fire.\n\nThe warehouse fire on March 3 hurt two workers, officials said.\n\nThe inspection "
     "of January 2023 had found the wiring in good order, the port authority said.\n"},
    {"f5.txt",
     " date 2024-03-12 The port of Kelso reopened on March 11, a week after the warehouse fire.\n\n"
     "The port authority opened its inquiry into the fire on March 6, 2024.\n"},
    {"f6.txt",
     " date 2024-03-15 Insurers will pay for a new Kelso warehouse, the port said on March 14.\n\n"
     "The old Kelso harbour warehouse burned on March 4, 2024, in a fire started by faulty "
     "wiring.\n"},
};
#define N_TEXTS (sizeof texts / sizeof texts[0])

static char dir[64], db_path[128];

/* The articles stored (ids 1..6, the pipeline's timeline state dropped),
 * article i in story stories[i - 1]. */
static chr_store *open_store(const int *stories)
{
    chr_store *st = tl_fixture_open("chr_tlc", texts, N_TEXTS, dir, db_path);
    if (!st)
        return NULL;
    sqlite3 *db = chr_store_sqlite(st);
    sqlite3_exec(db,
                 "DELETE FROM tl_mention; DELETE FROM tl_entry; DELETE FROM tl_article;"
                 " DELETE FROM story_alias;",
                 NULL, NULL, NULL);
    for (size_t i = 0; i < N_TEXTS; i++) {
        char sql[160];
        snprintf(sql, sizeof sql,
                 "INSERT OR REPLACE INTO story_article(article_id, story_id) VALUES(%zu, %d)",
                 i + 1, stories[i]);
        sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    return st;
}

/* Every timeline row, exactly (blobs in hex, reals all their digits), one a
 * line; malloc'd. */
static char *dump(chr_store *st)
{
    const char *sql =
        "SELECT 'e', id, story_id, start_day, end_day, gran, soft, coarse, n_mentions,"
        " quote(norm), hex(centroid) FROM tl_entry ORDER BY id;"
        "SELECT 'm', article_id, sentence, tx_start, entry_id, start_day, end_day, gran,"
        " quote(weight), hex(terms), frag FROM tl_mention"
        " ORDER BY article_id, sentence, tx_start;"
        "SELECT 'a', article_id, story_id, n_mentions FROM tl_article ORDER BY article_id;";
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    sqlite3_stmt *q;
    while (*sql && sqlite3_prepare_v2(chr_store_sqlite(st), sql, -1, &q, &sql) == SQLITE_OK && q) {
        while (sqlite3_step(q) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(q); c++)
                fprintf(f, "%s%s", c ? "," : "", (const char *)sqlite3_column_text(q, c));
            fputc('\n', f);
        }
        sqlite3_finalize(q);
    }
    fclose(f);
    return out;
}

static chr_tl_updater *updater(chr_store *st)
{
    chr_tl_updater *u = NULL;
    CHECK_INT(chr_tl_updater_open(st, &u, NULL), CHR_OK);
    return u;
}

/* Add articles from..to (story looked up) with u, in one transaction. */
static void add(chr_store *st, chr_tl_updater *u, int from, int to)
{
    CHECK_INT(chr_store_begin(st), CHR_OK);
    for (int i = from; i <= to; i++)
        CHECK_INT(chr_tl_updater_add(u, i, 0, NULL), CHR_OK);
    CHECK_INT(chr_store_commit(st), CHR_OK);
}

/* In the cold run, u is closed and opened again: nothing cached (the only
 * updater of the store). */
static void cold_start(chr_store *st, chr_tl_updater **u, int cold)
{
    if (!cold)
        return;
    chr_tl_updater_close(*u);
    *u = updater(st);
}

/* Does the cache of st's connection (held open by an updater) give story's
 * entries as tl_entry holds them? */
static int cache_matches(chr_store *st, int64_t story)
{
    tl_cache *c = tl_cache_acquire(chr_store_sqlite(st));
    tl_cstory *s = NULL;
    if (!c || tl_cache_story(c, story, &s) != CHR_OK) {
        tl_cache_release(c);
        return 0;
    }
    char *held = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&held, &len);
    for (int cls = 0; f && cls < 3; cls++) {
        tl_centry *const *e;
        size_t n = tl_cstory_range(s, cls, INT32_MIN, INT32_MAX, &e);
        for (size_t i = 0; i < n; i++)
            fprintf(f, "%lld,%d,%d,%d,%d,%d,%.17g,%u\n", (long long)e[i]->id, e[i]->start,
                    e[i]->end, (int)e[i]->gran, e[i]->soft, e[i]->n_mentions, e[i]->norm,
                    e[i]->c.n);
    }
    if (f)
        fclose(f);
    tl_cache_release(c);
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT id, start_day, end_day, gran, soft, n_mentions, norm, length(centroid) / 8"
             " FROM tl_entry WHERE story_id = %lld ORDER BY coarse, start_day, id",
             (long long)story);
    char *stored = NULL;
    len = 0;
    f = open_memstream(&stored, &len);
    sqlite3_stmt *q;
    if (f && sqlite3_prepare_v2(chr_store_sqlite(st), sql, -1, &q, NULL) == SQLITE_OK) {
        while (sqlite3_step(q) == SQLITE_ROW)
            fprintf(f, "%lld,%d,%d,%d,%d,%d,%.17g,%d\n", (long long)sqlite3_column_int64(q, 0),
                    sqlite3_column_int(q, 1), sqlite3_column_int(q, 2), sqlite3_column_int(q, 3),
                    sqlite3_column_int(q, 4), sqlite3_column_int(q, 5), sqlite3_column_double(q, 6),
                    sqlite3_column_int(q, 7));
        sqlite3_finalize(q);
    }
    if (f)
        fclose(f);
    int same = held && stored && strcmp(held, stored) == 0;
    if (!same)
        fprintf(stderr, "  story %lld cached:\n%s  stored:\n%s", (long long)story, held ? held : "",
                stored ? stored : "");
    free(held);
    free(stored);
    return same;
}

/* Run fn on a fresh store twice, warm (cold 0: the cache follows what
 * happens) and cold (cold 1: it is thrown away where the warm run relies on
 * it following), and check that both leave the same rows, with entries
 * that several mentions joined (the cache had something to go stale). */
static void warm_equals_cold(const int *stories, void (*fn)(chr_store *st, int cold))
{
    char *rows[2] = {NULL, NULL};
    for (int cold = 0; cold < 2; cold++) {
        chr_store *st = open_store(stories);
        CHECK(st != NULL);
        if (!st)
            break;
        fn(st, cold);
        rows[cold] = dump(st);
        if (cold) {
            CHECK(count_rows(st, "SELECT count(*) FROM tl_entry WHERE n_mentions > 1") > 0);
            CHECK(rows[0] && rows[1] && strcmp(rows[0], rows[1]) == 0);
            if (rows[0] && rows[1] && strcmp(rows[0], rows[1]) != 0)
                fprintf(stderr, "  warm:\n%s  cold:\n%s", rows[0], rows[1]);
        }
        tl_fixture_close(st, dir);
    }
    free(rows[0]);
    free(rows[1]);
}

static const int one_story[N_TEXTS] = {7, 7, 7, 7, 7, 7};
static const int two_stories[N_TEXTS] = {7, 8, 7, 8, 7, 8};

/* The story step split story 7 (articles 4 and 5 to story 9): the regroup
 * rewrites 7's entries, and the next article of 7 reads the new ones. */
static void split(chr_store *st, int cold)
{
    chr_tl_updater *u = updater(st);
    add(st, u, 1, 5);
    sqlite3_exec(chr_store_sqlite(st),
                 "UPDATE story_article SET story_id=9 WHERE article_id IN (4, 5)", NULL, NULL,
                 NULL);
    cold_start(st, &u, cold);
    const int64_t moved[] = {7, 9};
    CHECK_INT(chr_store_begin(st), CHR_OK);
    CHECK_INT(chr_tl_updater_regroup(u, moved, 2, NULL), CHR_OK);
    CHECK_INT(chr_store_commit(st), CHR_OK);
    CHECK(cache_matches(st, 7) && cache_matches(st, 9));
    cold_start(st, &u, cold);
    add(st, u, 6, 6);
    chr_tl_updater_close(u);
}

TEST(regrouped_story_not_stale)
{
    warm_equals_cold(one_story, split);
}

/* The story step merged story 8 into 7: the next article of 7 adopts 8's
 * mentions into 7's entries with 7's document frequencies, 8's added. */
static void merge(chr_store *st, int cold)
{
    chr_tl_updater *u = updater(st);
    add(st, u, 1, 5);
    sqlite3_exec(chr_store_sqlite(st),
                 "UPDATE story_article SET story_id=7 WHERE story_id=8;"
                 "INSERT INTO story_alias(id, into_id) VALUES(8, 7);",
                 NULL, NULL, NULL);
    cold_start(st, &u, cold);
    add(st, u, 6, 6);
    CHECK(cache_matches(st, 7) && cache_matches(st, 8));
    chr_tl_updater_close(u);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM tl_entry WHERE story_id=8"), 0);
}

TEST(adopted_story_not_stale)
{
    static const int merged[N_TEXTS] = {7, 7, 7, 8, 8, 7};
    warm_equals_cold(merged, merge);
}

/* Articles 4 and 5 added, then their transaction rolled back and the
 * updater discarded, as the pipeline does when a file fails: nothing of
 * them is left, in the updater that added them (other 0) nor in another
 * one open on the same store (other 1). */
static void roll_back(chr_store *st, int cold, int other)
{
    chr_tl_updater *u = updater(st), *o = other ? updater(st) : NULL;
    add(st, o ? o : u, 1, 1); /* (o shares the cache from here) */
    add(st, u, 2, 3);
    if (cold) {
        chr_tl_updater_close(o);
        o = other ? updater(st) : NULL;
        cold_start(st, &u, cold);
    } else {
        CHECK_INT(chr_store_begin(st), CHR_OK);
        CHECK_INT(chr_tl_updater_add(u, 4, 0, NULL), CHR_OK);
        CHECK_INT(chr_tl_updater_add(u, 5, 0, NULL), CHR_OK);
        CHECK(count_rows(st, "SELECT count(*) FROM tl_mention WHERE article_id IN (4, 5)") > 0);
        chr_store_rollback(st);
        chr_tl_updater_discard(u);
    }
    add(st, o ? o : u, 6, 6);
    chr_tl_updater_close(u);
    chr_tl_updater_close(o);
}

static void roll_back_same(chr_store *st, int cold)
{
    roll_back(st, cold, 0);
}

static void roll_back_other(chr_store *st, int cold)
{
    roll_back(st, cold, 1);
}

TEST(rolled_back_article_not_stale)
{
    warm_equals_cold(one_story, roll_back_same);
    warm_equals_cold(one_story, roll_back_other);
}

/* Another connection (another process) adds article 4 between two of
 * ours: our next article reads the entries it changed. */
static void other_connection(chr_store *st, int cold)
{
    chr_store *st2 = NULL;
    CHECK_INT(chr_store_open(db_path, 0, &st2, NULL), CHR_OK);
    chr_tl_updater *u = updater(st);
    add(st, u, 1, 3);
    if (cold) {
        chr_tl_updater_close(u);
        u = NULL;
    }
    chr_store *w = cold ? st : st2;
    chr_tl_updater *u2 = updater(w);
    add(w, u2, 4, 4);
    chr_tl_updater_close(u2);
    if (cold)
        u = updater(st);
    add(st, u, 5, 6);
    chr_tl_updater_close(u);
    chr_store_close(st2);
}

TEST(other_connection_not_stale)
{
    warm_equals_cold(one_story, other_connection);
}

/* Every timeline rebuilt (ingest --recluster) while an updater is open: its
 * next article reads the rebuilt entries. */
static void rebuild(chr_store *st, int cold)
{
    sqlite3 *db = chr_store_sqlite(st);
    chr_tl_updater *u = updater(st);
    add(st, u, 1, 2);
    if (cold) {
        chr_tl_updater_close(u);
        u = NULL;
    }
    sqlite3_exec(db, "DELETE FROM story_article WHERE article_id > 3", NULL, NULL, NULL);
    long n = 0;
    CHECK_INT(chr_store_begin(st), CHR_OK);
    CHECK_INT(chr_timeline_rebuild(st, &n, NULL), CHR_OK);
    CHECK_INT(chr_store_commit(st), CHR_OK);
    CHECK_INT(n, 3);
    sqlite3_exec(db, "INSERT INTO story_article(article_id, story_id) VALUES(4,7),(5,7),(6,7)",
                 NULL, NULL, NULL);
    if (cold)
        u = updater(st);
    add(st, u, 4, 6);
    chr_tl_updater_close(u);
}

TEST(rebuilt_timelines_not_stale)
{
    warm_equals_cold(one_story, rebuild);
}

/* Stories evicted (cold here: a budget of nothing, only the story in use
 * held) are read again when next used. */
static void evict(chr_store *st, int cold)
{
    tl_cache *c = tl_cache_acquire(chr_store_sqlite(st));
    CHECK(c != NULL);
    if (c && cold)
        tl_cache_set_budget(c, 0);
    chr_tl_updater *u = updater(st);
    add(st, u, 1, 6);
    chr_tl_updater_close(u);
    tl_cache_release(c);
}

TEST(evicted_stories_read_again)
{
    warm_equals_cold(two_stories, evict);
}

/* A story the cache holds no entry of reads as empty (its entry array was
 * never made: no pointer arithmetic on it). */
TEST(story_without_entries)
{
    chr_store *st = open_store(one_story);
    CHECK(st != NULL);
    if (!st)
        return;
    chr_tl_updater *u = updater(st);
    add(st, u, 1, 2);
    CHECK(cache_matches(st, 7));
    CHECK(cache_matches(st, 4242));
    chr_tl_updater_close(u);
    tl_fixture_close(st, dir);
}

/* A story's document frequencies from an article whose one dated sentence
 * has hundreds of terms (more than twice what the term arrays first hold:
 * they grew by doubling once and were overrun, crashing `run` on a Spanish
 * report): every distinct term counted once, the article once. */
TEST(story_df_of_a_long_sentence)
{
    static char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text,
                                " date 2024-03-05 The port council said on March 4 that");
    for (int i = 0; i < 150 && n < sizeof text - 64; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, " kelso%d harbour%d and", i, i);
    snprintf(text + n, sizeof text - n, " the quay were inspected.\n");
    const tl_fixture longer[] = {{"long.txt", text}};
    char ldir[64], lpath[128];
    chr_store *st = tl_fixture_open("chr_tlc_long", longer, 1, ldir, lpath);
    CHECK(st != NULL);
    if (!st)
        return;
    sqlite3 *db = chr_store_sqlite(st);
    int story = count_rows(st, "SELECT story_id FROM story_article WHERE article_id = 1");
    CHECK(story > 0);
    sqlite3_stmt *q = NULL;
    tl_cdf *rows = NULL;
    size_t nrows = 0;
    CHECK_INT(tl_story_df(db, &q, story, &rows, &nrows), CHR_OK);
    sqlite3_finalize(q);
    CHECK(nrows > 300); /* kelso0..149, harbour0..149, the article count */
    int articles = -1, twice = 0;
    for (size_t i = 0; i < nrows; i++) {
        if (rows[i].term == 0)
            articles = (int)rows[i].df;
        else if (rows[i].df != 1)
            twice++;
    }
    CHECK_INT(articles, 1);
    CHECK_INT(twice, 0);
    free(rows);
    tl_fixture_close(st, ldir);
}

UNIT_MAIN_BEGIN
RUN(regrouped_story_not_stale);
RUN(adopted_story_not_stale);
RUN(rolled_back_article_not_stale);
RUN(other_connection_not_stale);
RUN(rebuilt_timelines_not_stale);
RUN(evicted_stories_read_again);
RUN(story_without_entries);
RUN(story_df_of_a_long_sentence);
UNIT_MAIN_END
