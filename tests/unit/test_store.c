/* chronicle — unit tests of the store's article lookups (store.h), of
 * what the pipeline reports when a JSON Lines id comes back with other
 * text, of one entity row per name (the upsert and migration 12), and
 * of rows stored again under a taken key.
 * Fixtures are written into a temporary folder. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "chronicle/pipeline.h"
#include "chronicle/store.h"
#include "unit.h"

static char dir[] = "/tmp/chr-test-store-XXXXXX";

typedef struct reports {
    int warnings, errors;
    chr_diag last; /* the last warning */
} reports;

static void on_report(void *ctx, const chr_diag *d, int warning)
{
    reports *r = ctx;
    if (warning) {
        r->warnings++;
        r->last = *d;
    } else {
        r->errors++;
    }
}

static const char *write_file(const char *name, const char *text)
{
    static char path[2][256];
    static int k;
    char *p = path[k++ % 2];
    snprintf(p, 256, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return p;
}

/* Open (creating) the database name in the test folder; NULL on failure. */
static chr_store *open_store(const char *name)
{
    char db[300];
    snprintf(db, sizeof db, "%s/%s", dir, name);
    chr_store *st = NULL;
    chr_diag d;
    CHECK_INT(chr_store_open(db, 0, &st, &d), CHR_OK);
    return st;
}

/* Ingest path into st; returns the stats, reports in *r. */
static chr_ingest_stats ingest(chr_store *st, const char *path, reports *r)
{
    chr_ingest_stats s;
    memset(&s, 0, sizeof s);
    memset(r, 0, sizeof *r);
    chr_pipeline *p = NULL;
    chr_diag d;
    if (chr_pipeline_open(st, &p, &d) != CHR_OK)
        return s;
    chr_pipeline_on_report(p, on_report, r);
    CHECK_INT(chr_pipeline_ingest(p, path, &s), CHR_OK);
    chr_pipeline_close(p);
    return s;
}

#define REC(id, text) "{\"id\":\"" id "\",\"date\":\"2024-03-01\",\"text\":\"" text "\"}\n"
#define T1 "The council of Orne met on Friday and approved the budget for the new flood barrier."
#define T2                                                                                         \
    "The council of Orne met on Friday and approved the budget for the new flood barrier, "        \
    "after a long debate about its cost."

TEST(same_id_other_text_is_reported)
{
    chr_store *st = open_store("a.db");
    if (!st)
        return;
    CHECK_INT(chr_store_find_ext_id(st, "a1"), 0);
    reports r;
    /* one file: the id again with the same text (a duplicate, silent), then
     * with other text (stored, with a warning naming the line and id) */
    const char *f = write_file("feed.jsonl", REC("a1", T1) REC("a1", T1) REC("a1", T2));
    chr_ingest_stats s = ingest(st, f, &r);
    CHECK_INT(s.stored, 2);
    CHECK_INT(s.duplicates, 1);
    CHECK_INT(r.errors, 0);
    CHECK_INT(r.warnings, 1);
    CHECK_STR(r.last.file, f);
    CHECK_INT(r.last.line, 3);
    CHECK(strstr(r.last.msg, "id \"a1\" is already stored with different text (article 1)"));
    CHECK(strstr(r.last.msg, "as article 2"));
    CHECK_INT(chr_store_find_ext_id(st, "a1"), 2); /* the latest version */
    CHECK_INT(chr_store_find_ext_id(st, "a2"), 0);
    /* the same input again: nothing new, nothing to say */
    s = ingest(st, f, &r);
    CHECK_INT(s.stored, 0);
    CHECK_INT(s.duplicates, 3);
    CHECK_INT(r.warnings, 0);
    /* a later feed re-sending an update under the id */
    const char *g = write_file("later.jsonl",
                               REC("b7", "Floods closed the northern road on Sunday, police said "
                                         "in a statement.") REC("a1", T2 " Work starts in May."));
    s = ingest(st, g, &r);
    CHECK_INT(s.stored, 2);
    CHECK_INT(r.warnings, 1);
    CHECK_INT(r.last.line, 2);
    CHECK(strstr(r.last.msg, "(article 2)"));
    chr_store_close(st);
}

/* One integer a query on db gives (-1 when none). */
static long long q_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int64(q, 0);
    else
        fprintf(stderr, "  %s: %s\n", sql, sqlite3_errmsg(db));
    sqlite3_finalize(q);
    return v;
}

/* Another input with a stored article's text is kept as a copy of it (once);
 * the article's own input read again, from any folder or under its id, is
 * not a copy. */
TEST(copies_of_other_inputs)
{
    chr_store *st = open_store("copies.db");
    if (!st)
        return;
    sqlite3 *db = chr_store_sqlite(st);
    reports r;
    chr_ingest_stats s = ingest(st, write_file("feed.jsonl", REC("a1", T1)), &r);
    CHECK_INT(s.stored, 1);
    const char *other = write_file("other.jsonl", REC("z9", T1));
    s = ingest(st, other, &r);
    CHECK_INT(s.stored, 0);
    CHECK_INT(s.duplicates, 1);
    CHECK_INT(s.copies, 1);
    s = ingest(st, other, &r); /* recorded already */
    CHECK_INT(s.copies, 0);
    char sub[300];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0700);
    s = ingest(st, write_file("sub/feed.jsonl", REC("a1", T1)), &r); /* the same input */
    CHECK_INT(s.copies, 0);
    s = ingest(st, write_file("resent.jsonl", REC("x", "") REC("a1", T1)), &r); /* its id */
    CHECK_INT(s.copies, 0);
    CHECK_INT(q_int(db, "SELECT count(*) FROM copies"), 1);
    CHECK_INT(q_int(db, "SELECT count(*) FROM copies WHERE article_id = 1 AND source LIKE "
                        "'%/other.jsonl#1' AND ext_id = 'z9' AND pub_date = '2024-03-01'"),
              1);
    chr_store_close(st);
}

#define BRIEF(id, title)                                                                           \
    "{\"id\":\"" id "\",\"date\":\"2024-03-01\",\"title\":\"" title                                \
    "\",\"text\":\"Full story to follow shortly.\"}\n"

/* Feed items whose text is one placeholder under different titles are
 * different articles, each with its title for text once the placeholder
 * shows as one; read again, nothing is new. */
TEST(placeholder_texts_under_titles)
{
    chr_store *st = open_store("briefs.db");
    if (!st)
        return;
    sqlite3 *db = chr_store_sqlite(st);
    reports r;
    const char *f = write_file(
        "briefs.jsonl",
        BRIEF("b1", "Council approves flood barrier") BRIEF("b2", "Storm closes northern road")
            BRIEF("b3", "Orne mayor resigns") BRIEF("b4", "Rail strike called off")
                BRIEF("b1", "Council approves flood barrier"));
    chr_ingest_stats s = ingest(st, f, &r);
    CHECK_INT(s.stored, 4);
    CHECK_INT(s.duplicates, 1);
    CHECK_INT(r.errors, 0);
    CHECK_INT(q_int(db, "SELECT count(*) FROM articles WHERE clean_text = title"), 4);
    s = ingest(st, f, &r);
    CHECK_INT(s.stored, 0);
    CHECK_INT(s.duplicates, 5);
    /* a short brief a store written before the title counted holds under
     * its text's hash is found by that and its title */
    chr_article a = {0};
    a.source = "old";
    a.title = "Bridge reopens";
    a.text = "Full story to follow shortly.";
    a.text_len = strlen(a.text);
    chr_doc *doc = NULL;
    chr_diag d;
    CHECK_INT(chr_clean(&a, &doc, &d), CHR_OK);
    if (doc) {
        CHECK_INT(chr_store_find_doc(st, doc), 0);
        char sql[300];
        snprintf(sql, sizeof sql,
                 "INSERT INTO articles(hash, source, title, format, raw_text, clean_text)"
                 " VALUES('%s', 'old', 'Bridge reopens', 'jsonl', '', '')",
                 doc->text_hash_hex);
        CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
        int64_t old = sqlite3_last_insert_rowid(db);
        CHECK_INT(chr_store_find_doc(st, doc), old);
        free(doc->title);
        doc->title = strdup("Bridge stays shut");
        CHECK_INT(chr_store_find_doc(st, doc), 0);
        chr_doc_free(doc);
    }
    chr_store_close(st);
}

/* The text a query gives, copied into a static buffer ("" when none). */
static const char *q_text(sqlite3 *db, const char *sql)
{
    static char buf[256];
    sqlite3_stmt *q;
    buf[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW &&
        sqlite3_column_text(q, 0))
        snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    return buf;
}

/* A bare article row for mentions to point at; returns its id. */
static int64_t add_article(sqlite3 *db, const char *hash)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "INSERT INTO articles(hash, source, format, raw_text, clean_text)"
             " VALUES('%s', 't', 'text', '', '')",
             hash);
    CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    return sqlite3_last_insert_rowid(db);
}

/* Store one entity of name and type, mentioned n times, for a new article;
 * returns its entity id, and the name the store gave it in *stored. */
static int64_t put_one(chr_store *st, const char *hash, const char *name, chr_ent_type type, int n,
                       char *stored, size_t cap)
{
    int64_t art = add_article(chr_store_sqlite(st), hash), eid = 0;
    chr_entity ent = {strdup(name), type, NULL, n, NULL};
    chr_mention m[4];
    size_t sent[4] = {0};
    for (int i = 0; i < n && i < 4; i++)
        m[i] = (chr_mention){(size_t)i * 10, (size_t)i * 10 + 5, type, 0, 0};
    chr_entities e = {m, (size_t)(n < 4 ? n : 4), &ent, 1};
    chr_diag d;
    CHECK_INT(chr_store_put_entities(st, art, &e, sent, &eid, &d), CHR_OK);
    snprintf(stored, cap, "%s", ent.canonical);
    free(ent.canonical);
    return eid;
}

/* Spellings of one name that differ in case, accents, hyphens or periods
 * are one row per type, shown in the best spelling (the gazetteer's name,
 * else the most accents), which the caller's entity takes too. */
TEST(entities_fold_spellings)
{
    char got[128];
    chr_store *st = open_store("fold.db");
    if (!st)
        return;
    sqlite3 *h = chr_store_sqlite(st);
    int64_t a = put_one(st, "h1", "Ali Abdalá Saleh", CHR_ENT_PER, 2, got, sizeof got);
    CHECK_STR(got, "Ali Abdalá Saleh");
    int64_t b = put_one(st, "h2", "Alí Abdalá Saleh", CHR_ENT_PER, 3, got, sizeof got);
    CHECK_STR(got, "Alí Abdalá Saleh"); /* more accents: the new spelling */
    int64_t c = put_one(st, "h3", "ALI ABDALA SALEH", CHR_ENT_PER, 1, got, sizeof got);
    CHECK_STR(got, "Alí Abdalá Saleh"); /* fewer: the stored one */
    CHECK(a > 0 && a == b && b == c);
    CHECK_INT(q_int(h, "SELECT count(*) FROM entities"), 1);
    CHECK_INT(q_int(h, "SELECT mentions FROM entities"), 6);
    CHECK_STR(q_text(h, "SELECT canonical FROM entities"), "Alí Abdalá Saleh");
    CHECK_INT(q_int(h, "SELECT count(DISTINCT entity_id) FROM mentions"), 1);
    /* another type: another row, the same spelling */
    int64_t l = put_one(st, "h4", "Ali Abdala Saleh", CHR_ENT_LOC, 1, got, sizeof got);
    CHECK(l != a);
    CHECK_STR(got, "Alí Abdalá Saleh");
    /* another transliteration is another name */
    int64_t o = put_one(st, "h5", "Ali Abdullah Saleh", CHR_ENT_PER, 1, got, sizeof got);
    CHECK(o != a && o != l);
    /* hyphens and spaces; the gazetteer's name of a place over an accent */
    CHECK_INT(put_one(st, "h6", "Bashar al-Assad", CHR_ENT_PER, 1, got, sizeof got),
              put_one(st, "h7", "Bashar al Assad", CHR_ENT_PER, 1, got, sizeof got));
    int64_t y = put_one(st, "h8", "Yemén", CHR_ENT_LOC, 1, got, sizeof got);
    CHECK_INT(put_one(st, "h9", "Yemen", CHR_ENT_LOC, 1, got, sizeof got), y);
    CHECK_STR(got, "Yemen");
    CHECK_INT(put_one(st, "h10", "Yemén", CHR_ENT_LOC, 1, got, sizeof got), y);
    CHECK_STR(got, "Yemen");
    chr_store_close(st);
}

/* The spelling shown is the best of those written at least a quarter as
 * often as the most written: one Spanish article's "Vladímir Putin" does
 * not rename a name English articles wrote twelve times, and a careless
 * accent ("Ángela Merkel") does not win over the common spelling. */
TEST(entities_spelling_by_use)
{
    char got[128];
    chr_store *st = open_store("vote.db");
    if (!st)
        return;
    sqlite3 *h = chr_store_sqlite(st);
    int64_t a = put_one(st, "v1", "Vladimir Putin", CHR_ENT_PER, 4, got, sizeof got);
    put_one(st, "v2", "Vladimir Putin", CHR_ENT_PER, 4, got, sizeof got);
    put_one(st, "v3", "Vladimir Putin", CHR_ENT_PER, 4, got, sizeof got);
    CHECK_INT(put_one(st, "v4", "Vladímir Putin", CHR_ENT_PER, 2, got, sizeof got), a);
    CHECK_STR(got, "Vladimir Putin"); /* 2 of 14: the common spelling stays */
    CHECK_STR(q_text(h, "SELECT canonical FROM entities WHERE id = 1"), "Vladimir Putin");
    put_one(st, "v5", "Vladímir Putin", CHR_ENT_PER, 1, got, sizeof got);
    CHECK_STR(got, "Vladímir Putin"); /* 3 of 12: a quarter, and more accents */
    CHECK_STR(q_text(h, "SELECT canonical FROM entities WHERE id = 1"), "Vladímir Putin");
    CHECK_INT(q_int(h, "SELECT sum(n) FROM spellings"), 15);
    chr_store_close(st);
}

/* A database from before schema 12 with one person stored under three
 * spellings (and a story naming two of them) migrates into one row with
 * the mentions summed and every reference pointing at it. */
TEST(entities_migrate_spellings)
{
    chr_store *st = open_store("mig.db");
    if (!st)
        return;
    sqlite3 *h = chr_store_sqlite(st);
    int64_t art = add_article(h, "m1");
    char sql[2048];
    /* the schema 11 had: no key, one row per exact name and type */
    snprintf(sql, sizeof sql,
             "DROP INDEX IF EXISTS entities_key;"
             "ALTER TABLE entities DROP COLUMN key;"
             "DROP TABLE IF EXISTS copies;"
             "DROP TABLE IF EXISTS spellings;"
             "INSERT INTO entities(id, canonical, type, country, role, mentions) VALUES"
             " (1, 'Ali Abdalá Saleh', 'PER', NULL, 'presidente', 87),"
             " (2, 'Alí Abdalá Saleh', 'PER', 'YE', NULL, 59),"
             " (3, 'ALI ABDALA SALEH', 'PER', NULL, NULL, 2),"
             " (4, 'Ali Abdullah Saleh', 'PER', NULL, NULL, 53),"
             " (5, 'Ali Abdala Saleh', 'LOC', NULL, NULL, 1);"
             "INSERT INTO mentions(article_id, start, end, sentence, entity_id, type) VALUES"
             " (%lld, 0, 5, 0, 1, 'PER'), (%lld, 10, 15, 0, 2, 'PER'),"
             " (%lld, 20, 25, 0, 3, 'PER'), (%lld, 30, 35, 0, 4, 'PER'),"
             " (%lld, 40, 45, 0, 5, 'LOC');"
             "INSERT INTO story_entity(story_id, name, n) VALUES"
             " (7, 'Ali Abdalá Saleh', 3), (7, 'Alí Abdalá Saleh', 2), (8, 'ALI ABDALA SALEH', 1),"
             " (8, 'Ali Abdullah Saleh', 4);"
             "PRAGMA user_version = 11;",
             (long long)art, (long long)art, (long long)art, (long long)art, (long long)art);
    char *msg = NULL;
    CHECK_INT(sqlite3_exec(h, sql, NULL, NULL, &msg), SQLITE_OK);
    if (msg)
        fprintf(stderr, "  %s\n", msg);
    sqlite3_free(msg);
    chr_store_close(st);
    st = open_store("mig.db"); /* migrates */
    if (!st)
        return;
    h = chr_store_sqlite(st);
    CHECK_INT(q_int(h, "PRAGMA user_version"), chr_store_schema_version(st));
    CHECK_INT(q_int(h, "SELECT count(*) FROM entities WHERE type = 'PER'"), 2);
    CHECK_INT(q_int(h, "SELECT id FROM entities WHERE canonical = 'Alí Abdalá Saleh'"
                       " AND type = 'PER'"),
              1); /* the first stored row, in the most accented spelling */
    CHECK_INT(q_int(h, "SELECT mentions FROM entities WHERE id = 1"), 87 + 59 + 2);
    CHECK_STR(q_text(h, "SELECT country || ' ' || role FROM entities WHERE id = 1"),
              "YE presidente");
    CHECK_STR(q_text(h, "SELECT canonical FROM entities WHERE id = 5"), "Alí Abdalá Saleh");
    CHECK_STR(q_text(h, "SELECT canonical FROM entities WHERE id = 4"), "Ali Abdullah Saleh");
    CHECK_INT(q_int(h, "SELECT count(*) FROM mentions WHERE entity_id = 1"), 3);
    CHECK_INT(q_int(h, "SELECT count(*) FROM mentions m WHERE NOT EXISTS"
                       " (SELECT 1 FROM entities e WHERE e.id = m.entity_id)"),
              0);
    CHECK_INT(q_int(h, "SELECT n FROM story_entity WHERE story_id = 7"
                       " AND name = 'Alí Abdalá Saleh'"),
              5);
    CHECK_INT(q_int(h, "SELECT count(*) FROM story_entity WHERE story_id = 7"), 1);
    CHECK_STR(q_text(h, "SELECT group_concat(name, '|') FROM (SELECT name FROM story_entity"
                        " WHERE story_id = 8 ORDER BY name)"),
              "Ali Abdullah Saleh|Alí Abdalá Saleh");
    /* the next article's spelling joins the merged row */
    char got[128];
    CHECK_INT(put_one(st, "m2", "Ali Abdala Saleh", CHR_ENT_PER, 1, got, sizeof got), 1);
    CHECK_STR(got, "Alí Abdalá Saleh");
    chr_store_close(st);
}

/* Rows stored again under a key that is taken (one article's timex or
 * mention at one offset) replace the stored row, whether they come in one
 * call or a later one: the plain INSERT the store tries first is refused
 * and the row goes in as INSERT OR REPLACE. A second mention of a name of
 * one type adds to its count and gives it the country and role it lacked. */
TEST(rows_stored_again_replace)
{
    chr_store *st = open_store("again.db");
    if (!st)
        return;
    sqlite3 *h = chr_store_sqlite(st);
    int64_t art = add_article(h, "r1");
    chr_diag d;
    chr_timex tx[3] = {{0, 4, CHR_TIMEX_DATE, "2020-01-01", "", 0},
                       {0, 9, CHR_TIMEX_DATE, "2020-01-02", "", 0},
                       {20, 24, CHR_TIMEX_DATE, "2020-03", "", 0}};
    size_t sent[3] = {0, 1, 2};
    CHECK_INT(chr_store_put_timexes(st, art, tx, sent, 3, &d), CHR_OK);
    CHECK_INT(q_int(h, "SELECT count(*) FROM timexes"), 2);
    CHECK_STR(q_text(h, "SELECT value || ' ' || end || ' ' || sentence FROM timexes"
                        " WHERE start = 0"),
              "2020-01-02 9 1");
    chr_timex again = {20, 30, CHR_TIMEX_DATE, "2021", "", 0};
    CHECK_INT(chr_store_put_timexes(st, art, &again, sent, 1, &d), CHR_OK);
    CHECK_INT(q_int(h, "SELECT count(*) FROM timexes"), 2);
    CHECK_STR(q_text(h, "SELECT value || ' ' || end FROM timexes WHERE start = 20"), "2021 30");

    chr_entity ents[2] = {{strdup("Ana Prado"), CHR_ENT_PER, NULL, 1, NULL},
                          {strdup("Lima"), CHR_ENT_LOC, NULL, 1, NULL}};
    chr_mention m[2] = {{5, 14, CHR_ENT_PER, 0, 0}, {5, 9, CHR_ENT_LOC, 1, 0}};
    chr_entities e = {m, 2, ents, 2};
    int64_t eid[2];
    CHECK_INT(chr_store_put_entities(st, art, &e, sent, eid, &d), CHR_OK);
    CHECK_INT(q_int(h, "SELECT count(*) FROM mentions"), 1);
    CHECK_STR(q_text(h, "SELECT type || ' ' || end FROM mentions"), "LOC 9");
    CHECK_INT(q_int(h, "SELECT entity_id FROM mentions"), (int)eid[1]);
    /* the same name again, now with a country and a role */
    chr_entity more = {strdup("Ana Prado"), CHR_ENT_PER, strdup("PE"), 2, strdup("minister")};
    chr_mention m2 = {40, 49, CHR_ENT_PER, 0, 0};
    chr_entities e2 = {&m2, 1, &more, 1};
    int64_t id2 = 0;
    CHECK_INT(chr_store_put_entities(st, art, &e2, sent, &id2, &d), CHR_OK);
    CHECK_INT(id2, eid[0]);
    CHECK_STR(q_text(h, "SELECT mentions || ' ' || country || ' ' || role FROM entities"
                        " WHERE canonical = 'Ana Prado'"),
              "3 PE minister");
    free(ents[0].canonical);
    free(ents[1].canonical);
    free(more.canonical);
    free(more.country);
    free(more.role);
    chr_store_close(st);
}

UNIT_MAIN_BEGIN
if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
}
RUN(same_id_other_text_is_reported);
RUN(copies_of_other_inputs);
RUN(placeholder_texts_under_titles);
RUN(entities_fold_spellings);
RUN(entities_spelling_by_use);
RUN(entities_migrate_spellings);
RUN(rows_stored_again_replace);
char cmd[300];
snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
if (system(cmd) != 0)
    return 1;
UNIT_MAIN_END
