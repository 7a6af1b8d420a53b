/* chronicle — unit tests of dedup: MinHash signatures, the estimated
 * Jaccard similarity, and the incremental near-duplicate index over a store
 * (canonical = first seen, state kept across reopening). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/dedup.h"
#include "chronicle/store.h"
#include "stories_fixture.h"
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
static void make_reprint(char *out, size_t size)
{
    const char *last = strstr(story_text, "\n\nThe authority said repairs");
    snprintf(out, size, "Coastal Gazette | Business | Shipping news\n\n%.*s",
             (int)(last ? last - story_text : 0), story_text);
}

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
    char reprint_text[2048];
    make_reprint(reprint_text, sizeof reprint_text);
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

TEST(index_finds_first_seen_canonical_across_reopen)
{
    TMP_STORE(t, st, 0);
    char reprint_text[2048];
    make_reprint(reprint_text, sizeof reprint_text);
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

    /* a new process: the index is rebuilt from the table */
    if (!(st = tmp_reopen(&t)))
        return;
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
    tmp_close(&t);
}

/* What is not a near-duplicate: a headline-sized text, two wire notices
 * from one template (most shingles shared, not the figures nor the
 * company), the same text published weeks apart. */
TEST(index_rejects_short_templated_and_distant)
{
    TMP_STORE(t, st, 0);
    const char *a = "Orvell Fuels Co of Tamsin is being awarded a 42.4 mln dlr contract for jet "
                    "fuel, the Defense Department said. It said work on the contract, which was "
                    "awarded as part of a multi-contract procurement, is expected to be completed "
                    "by March 31, 1988, and that 12 bids were received for the supply of 88 mln "
                    "gallons.";
    const char *b = "Pellow Refining Co of Arden is being awarded a 75.1 mln dlr contract for jet "
                    "fuel, the Defense Department said. It said work on the contract, which was "
                    "awarded as part of a multi-contract procurement, is expected to be completed "
                    "by June 30, 1989, and that 7 bids were received for the supply of 140 mln "
                    "gallons.";
    chr_minhash sa, sb;
    chr_minhash_compute(a, strlen(a), &sa);
    chr_minhash_compute(b, strlen(b), &sb);
    CHECK(chr_minhash_similarity(&sa, &sb) >= 0.3);
    CHECK(!chr_minhash_numbers_agree(&sa, &sb));
    CHECK(chr_minhash_numbers_agree(&sa, &sa));
    chr_dedup *dd = NULL;
    CHECK_INT(chr_dedup_open(chr_store_sqlite(st), 0.3, &dd, NULL), CHR_OK);
    int64_t canon = -1;
    CHECK_INT(chr_dedup_add(dd, 1, &sa, &canon, NULL), CHR_OK);
    CHECK_INT(chr_dedup_add(dd, 2, &sb, &canon, NULL), CHR_OK);
    CHECK_INT(canon, 0);
    const char *h = "Port Elmira closes cracked breakwater";
    chr_minhash sh;
    chr_minhash_compute(h, strlen(h), &sh);
    CHECK_INT(chr_dedup_add(dd, 6, &sh, &canon, NULL), CHR_OK);
    CHECK_INT(chr_dedup_add(dd, 7, &sh, &canon, NULL), CHR_OK);
    CHECK_INT(canon, 0);
    CHECK_INT(chr_dedup_add(dd, 0, &sh, &canon, NULL), CHR_EINVAL);
    chr_minhash s1, s2, s3;
    chr_minhash_compute(story_text, strlen(story_text), &s1);
    s2 = s1;
    s3 = s1;
    s1.day = 19800;
    s2.day = 19800 + CHR_DEDUP_MAX_DAYS + 7;
    s3.day = 19801;
    CHECK_INT(chr_dedup_add(dd, 3, &s1, &canon, NULL), CHR_OK);
    CHECK_INT(chr_dedup_add(dd, 4, &s2, &canon, NULL), CHR_OK);
    CHECK_INT(canon, 0); /* too far apart to be a reprint */
    CHECK_INT(chr_dedup_add(dd, 5, &s3, &canon, NULL), CHR_OK);
    CHECK_INT(canon, 3);
    chr_dedup_close(dd);
    tmp_close(&t);
}

UNIT_MAIN_BEGIN
RUN(signature_identical_text);
RUN(signature_case_and_punctuation_blind);
RUN(signature_separates_reprint_from_other_article);
RUN(signature_short_and_empty_texts);
RUN(index_finds_first_seen_canonical_across_reopen);
RUN(index_rejects_short_templated_and_distant);
UNIT_MAIN_END
