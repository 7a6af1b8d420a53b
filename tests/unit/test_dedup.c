/* chronicle — unit tests of dedup: MinHash signatures, the estimated
 * Jaccard similarity, and the incremental near-duplicate index over a store
 * (canonical = first seen, state kept across reopening). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/dedup.h"
#include "chronicle/store.h"
#include "unit.h"

static const char *story_text =
    "The harbour authority of Port Elmira closed the northern breakwater on Friday after "
    "engineers found deep cracks in three of its concrete caissons, diverting container ships "
    "to the southern basin for at least two weeks.\n\n"
    "Inspectors from the regional transport office said the damage was probably caused by the "
    "winter storms that battered the coast in January, when waves above eight metres were "
    "recorded at the harbour entrance.\n\n"
    "Shipping companies warned of delays of up to two days for cargo bound for the inland "
    "terminals, and the fishermen's cooperative asked for compensation for lost landings.\n\n"
    "The authority said repairs would cost about 14 million euros and that a tender would be "
    "launched next month, with work expected to last until the autumn.";

/* The same article as another outlet reprints it: its own boilerplate on
 * top, and the last paragraph trimmed. */
static const char *reprint_text =
    "Coastal Gazette | Business | Shipping news\n\n"
    "The harbour authority of Port Elmira closed the northern breakwater on Friday after "
    "engineers found deep cracks in three of its concrete caissons, diverting container ships "
    "to the southern basin for at least two weeks.\n\n"
    "Inspectors from the regional transport office said the damage was probably caused by the "
    "winter storms that battered the coast in January, when waves above eight metres were "
    "recorded at the harbour entrance.\n\n"
    "Shipping companies warned of delays of up to two days for cargo bound for the inland "
    "terminals, and the fishermen's cooperative asked for compensation for lost landings.";

/* Same story, different article: shares names and facts, not sentences. */
static const char *other_text =
    "Container traffic at Port Elmira has been moved to the southern basin while the cracked "
    "northern breakwater is repaired, port officials told a news conference on Saturday. The "
    "closure could last until autumn, they said, and the bill is put at 14 million euros. "
    "Fishermen, who lose their usual landing quays, want the regional government to pay them "
    "for the catches they cannot bring ashore, and hauliers fear queues on the coast road.";

TEST(signature_identical_text)
{
    chr_minhash a, b;
    chr_minhash_compute(story_text, strlen(story_text), &a);
    chr_minhash_compute(story_text, strlen(story_text), &b);
    CHECK(a.n_shingles > 100);
    CHECK(chr_minhash_similarity(&a, &b) == 1.0);
}

TEST(signature_case_and_punctuation_blind)
{
    const char *x = "The Minister said on Friday that the budget would be cut by ten percent.";
    const char *y = "the minister said, on friday, that the budget would be cut by ten percent";
    chr_minhash a, b;
    chr_minhash_compute(x, strlen(x), &a);
    chr_minhash_compute(y, strlen(y), &b);
    CHECK(chr_minhash_similarity(&a, &b) == 1.0);
}

TEST(signature_separates_reprint_from_other_article)
{
    chr_minhash a, r, o;
    chr_minhash_compute(story_text, strlen(story_text), &a);
    chr_minhash_compute(reprint_text, strlen(reprint_text), &r);
    chr_minhash_compute(other_text, strlen(other_text), &o);
    double sr = chr_minhash_similarity(&a, &r), so = chr_minhash_similarity(&a, &o);
    if (!(sr >= 0.6 && so <= 0.15))
        fprintf(stderr, "  reprint %.3f other %.3f\n", sr, so);
    CHECK(sr >= 0.6);
    CHECK(so <= 0.15);
}

TEST(signature_short_and_empty_texts)
{
    chr_minhash a;
    chr_minhash_compute("", 0, &a);
    CHECK_INT(a.n_shingles, 0);
    chr_minhash_compute("Storm closes port", 17, &a);
    CHECK_INT(a.n_shingles, 1);
    chr_minhash_compute(NULL, 0, &a);
    CHECK_INT(a.n_shingles, 0);
}

/* A fresh store in a temporary folder. Articles are not stored in these
 * tests, so the foreign keys to them are switched off. */
static chr_store *temp_store(char *dir, char *path)
{
    strcpy(dir, "/tmp/chr_test_dedup.XXXXXX");
    if (!mkdtemp(dir))
        return NULL;
    sprintf(path, "%s/t.db", dir);
    chr_store *st = NULL;
    if (chr_store_open(path, 0, &st, NULL) != CHR_OK)
        return NULL;
    sqlite3_exec(chr_store_sqlite(st), "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
    return st;
}

static void temp_remove(const char *dir, const char *path)
{
    char p[600];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
    rmdir(dir);
}

TEST(index_finds_first_seen_canonical_across_reopen)
{
    char dir[64], path[128];
    chr_store *st = temp_store(dir, path);
    CHECK(st != NULL);
    if (!st)
        return;
    chr_minhash a, r, o;
    chr_minhash_compute(story_text, strlen(story_text), &a);
    chr_minhash_compute(reprint_text, strlen(reprint_text), &r);
    chr_minhash_compute(other_text, strlen(other_text), &o);
    chr_dedup *dd = NULL;
    CHECK_INT(chr_dedup_open(chr_store_sqlite(st), 0, &dd, NULL), CHR_OK);
    int64_t canon = -1;
    double sim = -1;
    CHECK_INT(chr_dedup_add(dd, 10, &a, &canon, &sim), CHR_OK);
    CHECK_INT(canon, 0);
    CHECK_INT(chr_dedup_add(dd, 11, &o, &canon, &sim), CHR_OK);
    CHECK_INT(canon, 0); /* same story is not a duplicate */
    chr_dedup_close(dd);
    chr_store_close(st);

    /* a new process: the index is rebuilt from the table */
    CHECK_INT(chr_store_open(path, 0, &st, NULL), CHR_OK);
    sqlite3_exec(chr_store_sqlite(st), "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
    CHECK_INT(chr_dedup_open(chr_store_sqlite(st), 0, &dd, NULL), CHR_OK);
    CHECK_INT(chr_dedup_add(dd, 12, &r, &canon, &sim), CHR_OK);
    CHECK_INT(canon, 10);
    CHECK(sim >= 0.6);
    /* a copy of the reprint belongs to the same group: canonical stays 10 */
    CHECK_INT(chr_dedup_add(dd, 13, &r, &canon, &sim), CHR_OK);
    CHECK_INT(canon, 10);
    /* adding an article again reports its recorded canonical */
    CHECK_INT(chr_dedup_add(dd, 12, &r, &canon, &sim), CHR_OK);
    CHECK_INT(canon, 10);
    CHECK_INT(chr_dedup_add(dd, 10, &a, &canon, &sim), CHR_OK);
    CHECK_INT(canon, 0);
    chr_dedup_close(dd);
    CHECK_INT(chr_dedup_reset(chr_store_sqlite(st)), CHR_OK);
    CHECK_INT(chr_dedup_open(chr_store_sqlite(st), 0, &dd, NULL), CHR_OK);
    CHECK_INT(chr_dedup_add(dd, 14, &r, &canon, &sim), CHR_OK);
    CHECK_INT(canon, 0); /* nothing left to match */
    chr_dedup_close(dd);
    chr_store_close(st);
    temp_remove(dir, path);
}

TEST(index_ignores_short_texts)
{
    char dir[64], path[128];
    chr_store *st = temp_store(dir, path);
    CHECK(st != NULL);
    if (!st)
        return;
    const char *h = "Port Elmira closes cracked breakwater";
    chr_minhash s;
    chr_minhash_compute(h, strlen(h), &s);
    chr_dedup *dd = NULL;
    CHECK_INT(chr_dedup_open(chr_store_sqlite(st), 0, &dd, NULL), CHR_OK);
    int64_t canon = -1;
    CHECK_INT(chr_dedup_add(dd, 1, &s, &canon, NULL), CHR_OK);
    CHECK_INT(chr_dedup_add(dd, 2, &s, &canon, NULL), CHR_OK);
    CHECK_INT(canon, 0);
    CHECK_INT(chr_dedup_add(dd, 0, &s, &canon, NULL), CHR_EINVAL);
    chr_dedup_close(dd);
    chr_store_close(st);
    temp_remove(dir, path);
}

UNIT_MAIN_BEGIN
RUN(signature_identical_text);
RUN(signature_case_and_punctuation_blind);
RUN(signature_separates_reprint_from_other_article);
RUN(signature_short_and_empty_texts);
RUN(index_finds_first_seen_canonical_across_reopen);
RUN(index_ignores_short_texts);
UNIT_MAIN_END
