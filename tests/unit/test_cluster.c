/* chronicle — unit tests of story clustering: the word layer (words, stop
 * words, stems, flags), day numbers, assignment of articles to stories
 * (topics apart, near-duplicates folded, the time window), stable ids
 * across reopening, rebuild from the article table, and reading stories
 * back (title, span, entities, articles). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/cluster.h"
#include "chronicle/store.h"
#include "cluster_int.h"
#include "cluster_text.h"
#include "stories_fixture.h"
#include "unit.h"

/* Three invented stories, three articles each: different outlets'
 * wording, shared names and facts. */
static const char *texts[3][3] = {
    {"Engineers closed the northern breakwater of Port Elmira on Friday after finding deep "
     "cracks in three concrete caissons, and container ships were sent to the southern basin. "
     "The harbour authority said repairs would cost 14 million euros.",
     "Port Elmira's harbour authority will spend about 14 million euros repairing the cracked "
     "breakwater, officials said, while container ships berth in the southern basin and "
     "fishermen demand compensation for the lost quays.",
     "Shipping lines serving Port Elmira warned of delays after the harbour closed its "
     "cracked northern breakwater; the caissons were damaged by winter storms, engineers of "
     "the harbour authority said."},
    {"The Tarvos orchestra cancelled its spring tour of Asia after the conductor Lidia Marsh "
     "broke her wrist in a fall during rehearsals, the orchestra's management said.",
     "Conductor Lidia Marsh will miss the Tarvos orchestra's tour of Asia with a broken wrist; "
     "the management cancelled the concerts in Seoul, Osaka and Taipei and will refund "
     "tickets.",
     "Fans of the Tarvos orchestra will get refunds for the cancelled Asian tour, the "
     "management said, as conductor Lidia Marsh recovers from surgery on her wrist."},
    {"Farmers in the Bellona valley blocked the main road with tractors to protest against "
     "new water quotas that halve the irrigation allowed during the summer drought.",
     "The Bellona valley water board defended the irrigation quotas as the drought empties "
     "the reservoirs, while farmers kept their tractors on the road for a second day.",
     "Talks between the water board and Bellona valley farmers over irrigation quotas "
     "broke down, and the tractor blockade of the valley road continued through the "
     "weekend."},
};
static const char *dates[3][3] = {
    {"2024-03-01", "2024-03-02", "2024-03-04"},
    {"2024-03-02", "2024-03-03", "2024-03-05"},
    {"2024-03-01", "2024-03-03", "2024-03-04"},
};

TEST(words_lowercase_flags)
{
    const char *t = "U.S. officials don\xe2\x80\x99t say. Then Ørsted 3.5 times";
    chr_ct_iter it;
    chr_ct_iter_init(&it, t, strlen(t));
    char buf[CHR_CT_MAXWORD + 8];
    unsigned f;
    const char *want[] = {"u.s", "officials", "don't", "say", "then", "ørsted", "3.5", "times"};
    /* the dot after U.S. reads as a sentence end: "officials" counts as initial */
    unsigned flags[] = {CHR_CT_CAPITAL | CHR_CT_INITIAL,
                        CHR_CT_INITIAL,
                        0,
                        0,
                        CHR_CT_CAPITAL | CHR_CT_INITIAL,
                        CHR_CT_CAPITAL,
                        CHR_CT_NUMERIC,
                        0};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int n = chr_ct_next_word_ex(&it, buf, &f);
        CHECK(n > 0);
        CHECK_STR(buf, want[i]);
        CHECK_INT(f, flags[i]);
    }
    CHECK_INT(chr_ct_next_word_ex(&it, buf, &f), -1);
}

TEST(terms_stop_words_and_stems)
{
    chr_ct *ct = chr_ct_new();
    CHECK(ct != NULL);
    CHECK_INT(chr_ct_term(ct, "en", "the", 3), 0);
    CHECK_INT(chr_ct_term(ct, "en", "said", 4), 0);
    CHECK_INT(chr_ct_term(ct, NULL, "tuesday", 7), 0);
    CHECK(chr_ct_term(ct, "en", "flood", 5) != 0);
    CHECK_INT(chr_ct_term(ct, "en", "floods", 6), chr_ct_term(ct, "en", "flooded", 7));
    CHECK_INT(chr_ct_term(ct, "fr", "les", 3), 0);
    /* French elision: l'inondation is inondation */
    CHECK_INT(chr_ct_term(ct, "fr", "l'inondation", 12), chr_ct_term(ct, "fr", "inondation", 10));
    CHECK(chr_ct_feature(1, "Port Elmira", 11) != chr_ct_feature(2, "Port Elmira", 11));
    /* Romanian: ș ț (comma below) and ş ţ (cedilla) are one letter, and the
     * stemmer takes its plural off both ("autoritățile" = "autoritatea") */
    const char *forms[] = {"Autorităţile", "Autoritățile", "autoritatea", "Ştirile", "știrea"};
    uint32_t t[5];
    for (int i = 0; i < 5; i++) {
        char buf[CHR_CT_MAXWORD + 8];
        chr_ct_iter it;
        chr_ct_iter_init(&it, forms[i], strlen(forms[i]));
        int n = chr_ct_next_word(&it, buf, &(int){0});
        t[i] = n > 0 ? chr_ct_term(ct, "ro", buf, (size_t)n) : 0;
    }
    CHECK(t[0] != 0);
    CHECK_INT(t[1], t[0]);
    CHECK_INT(t[2], t[0]);
    CHECK_INT(t[4], t[3]);
    /* written without diacritics, as many sites do: the same terms */
    CHECK_INT(chr_ct_term(ct, "ro", "bucuresti", 9),
              chr_ct_term(ct, "ro", "bucure\xc5\x9fti", strlen("bucure\xc5\x9fti")));
    CHECK_INT(chr_ct_term(ct, "ro", "piata", 5), chr_ct_term(ct, "ro", "pia\xc5\xa3\xc4\x83", 7));
    CHECK_INT(chr_ct_term(ct, "pt", "eleicao", 7),
              chr_ct_term(ct, "pt", "elei\xc3\xa7\xc3\xa3o", strlen("elei\xc3\xa7\xc3\xa3o")));
    CHECK_INT(chr_ct_term(ct, "fr", "eleve", 5), chr_ct_term(ct, "fr", "\xc3\xa9l\xc3\xa8ve", 7));
    CHECK(chr_ct_term(ct, "ro", "protest", 7) != chr_ct_term(ct, "ro", "bucuresti", 9));
    chr_ct_free(ct);
}

TEST(day_numbers)
{
    CHECK_INT(chr_cluster_parse_day("1970-01-01"), 0);
    CHECK_INT(chr_cluster_parse_day("2024-03-01") - chr_cluster_parse_day("2024-02-28"), 2);
    CHECK_INT(chr_cluster_parse_day("2024-05-16T10:00:00Z"), chr_cluster_parse_day("2024-05-16"));
    CHECK_INT(chr_cluster_parse_day("2024-13-01"), INT32_MIN);
    CHECK_INT(chr_cluster_parse_day("May 2024"), INT32_MIN);
    CHECK_INT(chr_cluster_parse_day(NULL), INT32_MIN);
    char buf[11];
    chr_cluster_format_day(chr_cluster_parse_day("1999-12-31"), buf);
    CHECK_STR(buf, "1999-12-31");
    chr_cluster_format_day(INT32_MIN, buf);
    CHECK_STR(buf, "");
}

/* Store an article row directly (the clustering tests need no cleaning). */
static void put_article(chr_store *st, int64_t id, const char *text, const char *date,
                        const char *title)
{
    sqlite3_stmt *q;
    sqlite3_prepare_v2(chr_store_sqlite(st),
                       "INSERT INTO articles(id, hash, source, title, lang, pub_date, format,"
                       " raw_text, clean_text) VALUES(?1, 'h' || ?1, 'test#' || ?1, ?4, 'en',"
                       " ?3, 'text', ?2, ?2)",
                       -1, &q, NULL);
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_text(q, 2, text, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, title, -1, SQLITE_STATIC);
    CHECK_INT(sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
}

static chr_err add(chr_cluster *cl, int64_t id, const char *text, const char *date, int64_t *story,
                   int64_t *dup)
{
    chr_cluster_input in = {0};
    in.article_id = id;
    in.text = text;
    in.text_len = strlen(text);
    in.lang = "en";
    in.pub_date = date;
    return chr_cluster_add(cl, &in, story, dup, NULL);
}

TEST(topics_form_separate_stories_with_stable_ids)
{
    TMP_STORE(fx, st, 1);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    int64_t story[3][3], dup;
    /* interleaved arrival: a1 b1 c1 a2 b2 c2 (third articles come later) */
    for (int k = 0; k < 2; k++)
        for (int t = 0; t < 3; t++) {
            put_article(st, 10 * t + k + 1, texts[t][k], dates[t][k], NULL);
            CHECK_INT(add(cl, 10 * t + k + 1, texts[t][k], dates[t][k], &story[t][k], &dup),
                      CHR_OK);
            CHECK_INT(dup, 0);
        }
    for (int t = 0; t < 3; t++) {
        CHECK(story[t][0] > 0);
        CHECK_INT(story[t][1], story[t][0]);
        for (int u = 0; u < t; u++)
            CHECK(story[t][0] != story[u][0]);
    }
    chr_cluster_stats stats;
    chr_cluster_get_stats(cl, &stats);
    CHECK_INT(stats.added, 6);
    CHECK_INT(stats.new_stories, 3);
    /* the same article again: same answer, nothing added */
    int64_t again;
    CHECK_INT(add(cl, 11, texts[1][0], dates[1][0], &again, &dup), CHR_OK);
    CHECK_INT(again, story[1][0]);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);

    /* reopen: the third articles find the stories they belong to */
    if (!(st = tmp_reopen(&fx)))
        return;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    for (int t = 2; t >= 0; t--) {
        put_article(st, 10 * t + 3, texts[t][2], dates[t][2], NULL);
        CHECK_INT(add(cl, 10 * t + 3, texts[t][2], dates[t][2], &story[t][2], &dup), CHR_OK);
        CHECK_INT(story[t][2], story[t][0]);
    }
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

TEST(near_duplicate_joins_canonical_story_once)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    char reprint[2048];
    snprintf(reprint, sizeof reprint, "Harbour Weekly | Shipping\n\n%s %s", texts[0][0],
             texts[0][2]);
    char longer[2048];
    snprintf(longer, sizeof longer, "%s %s Readers may comment below.", texts[0][0], texts[0][2]);
    int64_t s1, s2, s3, dup;
    CHECK_INT(add(cl, 1, longer, "2024-03-01", &s1, &dup), CHR_OK);
    CHECK_INT(add(cl, 2, texts[2][0], "2024-03-01", &s2, &dup), CHR_OK);
    CHECK_INT(add(cl, 3, reprint, "2024-03-02", &s3, &dup), CHR_OK);
    CHECK_INT(dup, 1);
    CHECK_INT(s3, s1);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(chr_store_sqlite(st), "SELECT size, n_unique FROM story WHERE id = ?1", -1,
                       &q, NULL);
    sqlite3_bind_int64(q, 1, s1);
    CHECK_INT(sqlite3_step(q), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(q, 0), 2);
    CHECK_INT(sqlite3_column_int(q, 1), 1);
    sqlite3_finalize(q);
    chr_cluster_stats stats;
    chr_cluster_get_stats(cl, &stats);
    CHECK_INT(stats.duplicates, 1);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

TEST(time_window_and_undated_articles)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    int64_t a, b, c, dup;
    CHECK_INT(add(cl, 1, texts[1][0], "2024-03-02", &a, &dup), CHR_OK);
    /* the same story told a year later is another story */
    CHECK_INT(add(cl, 2, texts[1][1], "2025-03-03", &b, &dup), CHR_OK);
    CHECK(b != a);
    /* an undated article still finds its story */
    CHECK_INT(add(cl, 3, texts[1][2], NULL, &c, &dup), CHR_OK);
    CHECK(c == a || c == b);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

/* A headline (one line of a few words, no title) finds only stories of its
 * own day: the same words a day later start another story; a longer text,
 * or a one-line brief with a title, a day later joins. */
TEST(headlines_stay_within_their_day)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    int64_t a, b, c, d, dup;
    const char *h1 = "Tarvos orchestra cancels Asian tour after conductor breaks wrist";
    const char *h2 = "Conductor's broken wrist: Tarvos orchestra cancels its Asian tour";
    CHECK_INT(add(cl, 1, h1, "2024-03-02", &a, &dup), CHR_OK);
    CHECK_INT(add(cl, 2, h2, "2024-03-02", &b, &dup), CHR_OK);
    CHECK_INT(b, a);
    CHECK_INT(add(cl, 3, h2, "2024-03-03", &c, &dup), CHR_OK);
    CHECK(c != a);
    /* the articles: a day later still the same story */
    CHECK_INT(add(cl, 4, texts[1][1], "2024-03-03", &d, &dup), CHR_OK);
    CHECK(d == a || d == c);
    /* a one-line brief with a title of its own is no headline */
    int64_t e, f;
    chr_cluster_input in = {0};
    in.article_id = 5;
    in.title = "Tarvos tour cancelled";
    in.text = h1;
    in.text_len = strlen(h1);
    in.pub_date = "2024-03-04";
    CHECK_INT(chr_cluster_add(cl, &in, &e, &dup, NULL), CHR_OK);
    CHECK(e == a || e == c);
    /* a title without text */
    in.article_id = 6;
    in.text = NULL;
    in.text_len = 0;
    CHECK_INT(chr_cluster_add(cl, &in, &f, &dup, NULL), CHR_OK);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

/* A headline alone in its story looks for a story again at twice the
 * re-home lag (rehome_headline_rounds): a story of its day that grew after
 * its first look takes it, though no one of that story's headlines came
 * close enough to it when they arrived (a grown story is the better
 * evidence for a headline). Lags 2 and 4 here; words found by a search. */
TEST(headline_alone_looks_again_later)
{
    static const char *const lines[] = {"November nettle kilo lotus sierra",
                                        "Uniform mike november lima ember",
                                        "Uniform mike nettle whiskey golf",
                                        "Uniform mike kilo heath",
                                        "Filler ufo one",
                                        "Filler gnu two",
                                        "Filler yak three",
                                        "Filler emu four"};
    for (int rounds = 0; rounds <= 1; rounds++) {
        TMP_STORE(fx, st, 0);
        chr_cluster_opts o;
        chr_cluster_opts_default(&o);
        o.rehome_after = 2;
        o.rehome_headline_rounds = rounds;
        chr_cluster *cl = NULL;
        CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
        int64_t sid[8], dup, h, s1;
        for (int k = 0; k < 8; k++)
            CHECK_INT(add(cl, k + 1, lines[k], "2014-03-10", &sid[k], &dup), CHR_OK);
        CHECK(sid[1] != sid[0]); /* the first of the later story did not join it */
        CHECK(sid[2] == sid[1] && sid[3] == sid[1]);
        CHECK_INT(add(cl, 1, lines[0], "2014-03-10", &h, &dup), CHR_OK); /* (as stored now) */
        CHECK_INT(add(cl, 2, lines[1], "2014-03-10", &s1, &dup), CHR_OK);
        if (rounds)
            CHECK_INT(h, s1);
        else
            CHECK(h != s1);
        CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
        tmp_close(&fx);
    }
}

typedef struct seen {
    int stories;
    long sizes[8];
    char titles[8][256];
    char first[8][11], last[8][11];
    int64_t ids[8];
} seen;

static int on_story(void *ctx, const chr_story_info *s)
{
    seen *v = ctx;
    if (v->stories < 8) {
        v->sizes[v->stories] = s->size;
        v->ids[v->stories] = s->id;
        snprintf(v->titles[v->stories], 256, "%s", s->title ? s->title : "");
        memcpy(v->first[v->stories], s->first, 11);
        memcpy(v->last[v->stories], s->last, 11);
        CHECK_INT((long)s->n_articles, s->size);
        for (size_t i = 1; i < s->n_articles; i++) /* by date */
            CHECK(strcmp(s->articles[i - 1].pub_date, s->articles[i].pub_date) <= 0);
    }
    v->stories++;
    return 0;
}

/* Every story of st, read back into v. */
static void all_stories(chr_store *st, seen *v)
{
    memset(v, 0, sizeof *v);
    CHECK_INT(chr_story_foreach(st, on_story, v, NULL), CHR_OK);
}

/* Rebuilt with the default settings, st has v's three stories, ids and all. */
static void rebuilt_as(chr_store *st, const seen *v)
{
    long n = 0;
    CHECK_INT(chr_cluster_rebuild(st, NULL, &n, NULL), CHR_OK);
    seen w;
    all_stories(st, &w);
    CHECK_INT(w.stories, 3);
    for (int i = 0; i < 3; i++)
        CHECK_INT(w.ids[i], v->ids[i]);
}

TEST(rebuild_from_articles_and_read_back)
{
    TMP_STORE(fx, st, 1);
    int64_t id = 1;
    for (int t = 0; t < 3; t++)
        for (int k = 0; k < 3; k++, id++)
            put_article(st, id, texts[t][k], dates[t][k],
                        t == 1 && k == 1 ? "Lidia Marsh breaks wrist, Tarvos tour cancelled"
                                         : NULL);
    long n = 0;
    CHECK_INT(chr_cluster_rebuild(st, NULL, &n, NULL), CHR_OK);
    CHECK_INT(n, 9);
    seen v;
    all_stories(st, &v);
    CHECK_INT(v.stories, 3);
    for (int i = 0; i < 3 && i < v.stories; i++)
        CHECK_INT(v.sizes[i], 3);
    /* the orchestra story's most central line is the headline given */
    int found = 0;
    for (int i = 0; i < v.stories && i < 8; i++)
        if (strcmp(v.titles[i], "Lidia Marsh breaks wrist, Tarvos tour cancelled") == 0) {
            found = 1;
            CHECK_STR(v.first[i], "2024-03-02");
            CHECK_STR(v.last[i], "2024-03-05");
        }
    CHECK(found);
    /* rebuilding again gives the same stories under the same ids */
    rebuilt_as(st, &v);
    seen one;
    memset(&one, 0, sizeof one);
    CHECK_INT(chr_story_get(st, v.ids[0], on_story, &one, NULL), CHR_OK);
    CHECK_INT(one.stories, 1);
    CHECK_INT(chr_story_get(st, 9999, on_story, &one, NULL), CHR_ENOTFOUND);
    /* other settings part every article (a threshold no two reach): each
     * old story keeps its id on one of its articles, the others take new
     * ids above every old one */
    chr_cluster_opts o;
    chr_cluster_opts_default(&o);
    o.threshold = o.long_threshold = 2;
    o.dup_threshold = 2;
    CHECK_INT(chr_cluster_rebuild(st, &o, &n, NULL), CHR_OK);
    seen x;
    all_stories(st, &x);
    CHECK_INT(x.stories, 9);
    int64_t top = 0;
    for (int i = 0; i < 3; i++) {
        memset(&one, 0, sizeof one);
        CHECK_INT(chr_story_get(st, v.ids[i], on_story, &one, NULL), CHR_OK);
        CHECK_INT(one.ids[0], v.ids[i]); /* a story of its own, not an alias */
        top = v.ids[i] > top ? v.ids[i] : top;
    }
    int above = 0;
    for (int i = 0; i < 8; i++)
        above += x.ids[i] > top;
    CHECK_INT(above, 5); /* (8 of the 9 read back) */
    /* back to the default: the three stories keep their ids, and the ids
     * of the parted articles' own stories lead to them */
    rebuilt_as(st, &v);
    for (int i = 0; i < 8; i++) {
        memset(&one, 0, sizeof one);
        CHECK_INT(chr_story_get(st, x.ids[i], on_story, &one, NULL), CHR_OK);
        CHECK_INT(one.stories, 1);
        CHECK(one.ids[0] == v.ids[0] || one.ids[0] == v.ids[1] || one.ids[0] == v.ids[2]);
    }
    tmp_close(&fx);
}

/* The threshold depends on the text's length: with long_terms = 1 every
 * article is long and long_threshold (0.99) keeps them apart; with
 * long_terms = 1000 every article is short and threshold (0.25) applies. */
TEST(threshold_by_text_length)
{
    for (int all_long = 0; all_long < 2; all_long++) {
        TMP_STORE(fx, st, 1);
        chr_cluster_opts o;
        chr_cluster_opts_default(&o);
        o.long_threshold = 0.99;
        o.long_terms = all_long ? 1 : 1000;
        chr_cluster *cl = NULL;
        CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
        int64_t story[3][2], dup;
        for (int k = 0; k < 2; k++)
            for (int t = 0; t < 3; t++) {
                put_article(st, 10 * t + k + 1, texts[t][k], dates[t][k], NULL);
                CHECK_INT(add(cl, 10 * t + k + 1, texts[t][k], dates[t][k], &story[t][k], &dup),
                          CHR_OK);
            }
        for (int t = 0; t < 3; t++)
            CHECK_INT(story[t][1] == story[t][0], !all_long);
        chr_cluster_stats stats;
        chr_cluster_get_stats(cl, &stats);
        CHECK_INT(stats.new_stories, all_long ? 6 : 3);
        CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
        tmp_close(&fx);
    }
}

/* Invented word number i ("qa", "qb", ... "qzz..."), never a stop word. */
static void word_of(int i, char *buf)
{
    int n = 0;
    buf[n++] = 'q';
    do {
        buf[n++] = (char)('a' + i % 26);
        i /= 26;
    } while (i);
    buf[n] = '\0';
}

/* Two stories that a third article matches merge when their centroids are
 * alike, but not when their union would be too loose (merge_cohesion): the
 * union of a = words 0-9, b = words 10-19 and c = words 0-4 and 10-14 has
 * cohesion |a + b + c| / 3 = sqrt(5) / 3 = 0.75. Texts of one line and ten
 * words are headlines, which merge by headline_merge_threshold (f 2: too
 * high to merge); as two lines (f 3) they merge by merge_threshold. */
TEST(merge_needs_cohesion)
{
    static const double floors[] = {0.25, 0.8, 0.25, 0.25};
    for (int f = 0; f < 4; f++) {
        TMP_STORE(fx, st, 1);
        chr_cluster_opts o;
        chr_cluster_opts_default(&o);
        o.threshold = o.long_threshold = 0.3;
        o.merge_threshold = o.headline_merge_threshold = 0.3;
        if (f >= 2)
            o.headline_merge_threshold = 0.99;
        o.merge_cohesion = floors[f];
        o.split_ratio = 0;
        chr_cluster *cl = NULL;
        CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
        static const int from[3][2][2] = {
            {{0, 10}, {0, 0}}, {{10, 20}, {0, 0}}, {{0, 5}, {10, 15}}};
        int64_t story[3], dup;
        for (int k = 0; k < 3; k++) {
            char text[256] = "", w[16];
            for (int r = 0; r < 2; r++)
                for (int i = from[k][r][0]; i < from[k][r][1]; i++) {
                    word_of(i, w);
                    strcat(text, w);
                    strcat(text, f == 3 && i == from[k][0][0] + 2 ? "\n" : " ");
                }
            put_article(st, k + 1, text, "2024-03-01", NULL);
            CHECK_INT(add(cl, k + 1, text, "2024-03-01", &story[k], &dup), CHR_OK);
        }
        chr_cluster_stats stats;
        chr_cluster_get_stats(cl, &stats);
        CHECK_INT(stats.new_stories, 2);
        CHECK_INT(stats.merges, f == 0 || f == 3);
        CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
        tmp_close(&fx);
    }
}

/* Very long articles (more distinct terms than the scoring maps start with)
 * and tiny ones (one word, none): the word read-ahead and the term filter
 * of the scoring must see every word. The same words in reverse order are
 * not a near-duplicate (no shingle in common) but the same story. */
TEST(long_and_tiny_texts)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    enum { WORDS = 3000 };
    char *fwd = malloc(WORDS * 8), *rev = malloc(WORDS * 8);
    if (!fwd || !rev) {
        free(fwd);
        free(rev);
        CHECK(0);
        return;
    }
    size_t nf = 0, nr = 0;
    char w[16];
    for (int i = 0; i < WORDS; i++) {
        word_of(i, w);
        nf += (size_t)sprintf(fwd + nf, "%s ", w);
        word_of(WORDS - 1 - i, w);
        nr += (size_t)sprintf(rev + nr, "%s ", w);
    }
    int64_t s_other, s_fwd, s_rev, s_one, s_none, dup = -1;
    CHECK_INT(add(cl, 1, texts[2][0], NULL, &s_other, &dup), CHR_OK);
    CHECK_INT(add(cl, 2, fwd, NULL, &s_fwd, &dup), CHR_OK);
    CHECK(s_fwd > 0 && s_fwd != s_other);
    CHECK_INT(add(cl, 3, rev, NULL, &s_rev, &dup), CHR_OK);
    CHECK_INT(dup, 0);
    CHECK_INT(s_rev, s_fwd);
    /* the last word of a text counts: two one-word texts meet on it */
    CHECK_INT(add(cl, 4, "Tarvos", NULL, &s_one, &dup), CHR_OK);
    CHECK(s_one > 0);
    CHECK_INT(add(cl, 5, "", NULL, &s_none, &dup), CHR_OK);
    CHECK(s_none > 0 && s_none != s_one);
    int64_t s_one2;
    CHECK_INT(add(cl, 6, "tarvos", NULL, &s_one2, &dup), CHR_OK);
    CHECK_INT(s_one2, s_one);
    free(fwd);
    free(rev);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

/* A wire's templated reports: every other article is one company's
 * results, the same ten template words around the company's two names (as
 * "NL INDUSTRIES 1ST QTR NET / Shr 21 cts vs 15 cts / Net ... / Revs ...");
 * the others are 30 developments of ten articles each, six words of their
 * own and four of the article's. The template words are in half of all
 * articles: commonplaces (common_share, common_min) once 100 articles have
 * them, and sharing them does not make two companies' reports one story,
 * while each development's articles still join theirs. */
TEST(templated_reports_stay_apart)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    enum { N = 600, DEVS = 30 };
    static int64_t story[N];
    char text[512], w[16];
    int64_t dup;
    for (int i = 0; i < N; i++) {
        text[0] = '\0';
        int r = i / 2, d = (i / 2) / 10;
        for (int k = 0; k < 10; k++) {
            /* a report: its company (2 words) and the template (10); a
             * development's article: its 6 words and 4 of its own */
            int id = i % 2 == 0 ? (k < 2 ? 1000 + 2 * r + k : 5000 + k)
                                : (k < 6 ? 6000 + 6 * d + k : 8000 + 4 * r + k);
            word_of(id, w);
            strcat(text, w);
            strcat(text, k == 9 ? "." : " ");
        }
        if (i % 2 == 0) /* the template is longer than the company's names */
            for (int k = 2; k < 10; k++) {
                word_of(5010 + k, w);
                strcat(text, " ");
                strcat(text, w);
            }
        CHECK_INT(add(cl, i + 1, text, "2024-03-01", &story[i], &dup), CHR_OK);
    }
    /* reports after the template became a commonplace: each its own story */
    int together = 0;
    for (int i = N / 2; i < N; i += 2)
        for (int j = i + 2; j < N; j += 2)
            together += story[i] == story[j];
    CHECK_INT(together, 0);
    /* each later development is one story */
    int apart = 0;
    for (int d = DEVS / 2; d < DEVS; d++)
        for (int k = 1; k < 10; k++)
            apart += story[2 * (10 * d + k) + 1] != story[2 * 10 * d + 1];
    CHECK_INT(apart, 0);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

/* Dividend notices of a financial wire ("HARSCO CORP SETS REGULAR PAYOUT /
 * Qtly div 25 cts vs 25 cts prior / Pay May 15 / Record April 15"): 60
 * notices, each naming its company and then the same ten template words,
 * among 900 articles of 90 developments. The template is in 6% of the
 * articles, below the commonplace share (common_share), but in more than 20:
 * its words are no longer specific (specific_share, specific_min), and a
 * notice that shares nothing else with a story does not join it. A notice
 * of a company that had one before joins that one's story; each
 * development stays one story. With the rule switched off the later
 * notices pile into one story. */
static void dividend_wire(const chr_cluster_opts *o, int64_t *story)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, o, &cl, NULL), CHR_OK);
    char text[512], w[16];
    int64_t dup;
    for (int i = 0; i < 960; i++) {
        text[0] = '\0';
        /* notices at every 16th article, companies 0..59; the last notice
         * is company 50's second */
        int notice = i % 16 == 0, n = i / 16, d = (i - n - 1) / 10;
        int company = notice && n == 59 ? 50 : n;
        for (int k = 0; k < 16; k++) {
            int id = notice ? (k < 2 ? 1000 + 2 * company + k : 5000 + k)
                            : (k < 12 ? 6000 + 12 * d + k : 9000 + 4 * i + k);
            word_of(id, w);
            strcat(text, w);
            strcat(text, k == 1 || k == 15 ? ".\n" : " ");
        }
        CHECK_INT(add(cl, i + 1, text, "2024-03-01", &story[i], &dup), CHR_OK);
    }
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

TEST(template_words_are_not_a_subject)
{
    static int64_t story[960];
    dividend_wire(NULL, story);
    /* notices 30..58 (the template long past 20 articles): apart */
    int together = 0;
    for (int a = 30; a < 59; a++)
        for (int b = a + 1; b < 59; b++)
            together += story[16 * a] == story[16 * b];
    CHECK_INT(together, 0);
    /* company 50's second notice joins its first */
    CHECK_INT(story[16 * 59], story[16 * 50]);
    /* each development is one story */
    int apart = 0;
    for (int i = 1; i < 960; i++) {
        if (i % 16 == 0)
            continue;
        int d = (i - i / 16 - 1) / 10, first = 10 * d + (10 * d) / 15 + 1;
        apart += story[i] != story[first];
    }
    CHECK_INT(apart, 0);
    chr_cluster_opts o;
    chr_cluster_opts_default(&o);
    o.specific_share = 0;
    dividend_wire(&o, story);
    together = 0;
    for (int a = 30; a < 59; a++)
        for (int b = a + 1; b < 59; b++)
            together += story[16 * a] == story[16 * b];
    CHECK(together > 100);
}

/* A flash whose words are all frequent in the stream (each of its five
 * words is in 50 of 400 articles, as "BANK OF JAPAN STEPS UP DOLLAR
 * BUYING" is on a financial wire) shares no specific word with any story
 * and starts its own; it has no specific word of its own either, so the
 * full report that follows, with the flash's words and two of its own,
 * joins it. */
TEST(a_flash_without_specific_words_takes_its_report)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    char text[512], w[16];
    int64_t dup, story[400];
    for (int i = 0; i < 400; i++) { /* 40 developments of 10 */
        text[0] = '\0';
        for (int k = 0; k < (i % 2 ? 12 : 14); k++) {
            int id = k < 12 ? 7000 + 12 * (i / 10) + k : 6000 + (i + k) % 8;
            word_of(id, w);
            strcat(text, w);
            strcat(text, k == 5 || k == (i % 2 ? 11 : 13) ? ".\n" : " ");
        }
        CHECK_INT(add(cl, i + 1, text, "2024-03-01", &story[i], &dup), CHR_OK);
    }
    text[0] = '\0';
    for (int k = 0; k < 5; k++) {
        word_of(6000 + k, w);
        strcat(text, w);
        strcat(text, k == 2 ? ".\n" : k == 4 ? "." : " ");
    }
    int64_t flash, report;
    CHECK_INT(add(cl, 401, text, "2024-03-01", &flash, &dup), CHR_OK);
    for (int i = 0; i < 400; i++)
        CHECK(flash != story[i]);
    char full[600];
    word_of(9900, w);
    snprintf(full, sizeof full, "%s\n%s", text, w);
    word_of(9901, w);
    strcat(full, " ");
    strcat(full, w);
    strcat(full, ".");
    CHECK_INT(add(cl, 402, full, "2024-03-01", &report, &dup), CHR_OK);
    CHECK_INT(dup, 0);
    CHECK_INT(report, flash);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

/* One integer from a query with one ? bound to v (-1 when no row). */
static long long query_int(chr_store *st, const char *sql, long long v)
{
    sqlite3_stmt *q;
    long long r = -1;
    if (sqlite3_prepare_v2(chr_store_sqlite(st), sql, -1, &q, NULL) != SQLITE_OK)
        return -2;
    sqlite3_bind_int64(q, 1, v);
    if (sqlite3_step(q) == SQLITE_ROW)
        r = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return r;
}

/* Bounded repair: with a threshold that lets everything join, two unrelated
 * topics end up in one story; when it reaches the size of a check, the
 * younger topic becomes a story of its own, taking its articles, its
 * near-duplicate and its entity counts, and the first article's half keeps
 * the story id. */
TEST(split_of_two_topics)
{
    TMP_STORE(fx, st, 0);
    chr_cluster_opts o;
    chr_cluster_opts_default(&o);
    o.threshold = o.long_threshold = 1e-6;
    o.merge_threshold = 0;
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
    /* both topics' articles end with the same sentence: a term in common */
    char a[4][600], b[3][600];
    const char *tail = " Reported by the Marlow news desk.";
    for (int k = 0; k < 3; k++) {
        snprintf(a[k], sizeof a[k], "%s%s", texts[0][k], tail);
        snprintf(b[k], sizeof b[k], "%s%s", texts[1][k], tail);
    }
    snprintf(a[3], sizeof a[3], "%s%s",
             "The harbour authority of Port Elmira said the cracked breakwater caissons will "
             "be replaced and container ships stay in the southern basin; shipping lines "
             "expect delays at the quays.",
             tail);
    const char *marsh[] = {"Lidia Marsh", "Tarvos"};
    int64_t sa[4], sb[3], dup;
    /* a1 b1 a2 b2 a3 b3 */
    for (int k = 0; k < 3; k++) {
        CHECK_INT(add(cl, 1 + k, a[k], "2024-03-01", &sa[k], &dup), CHR_OK);
        chr_cluster_input in = {0};
        in.article_id = 11 + k;
        in.text = b[k];
        in.text_len = strlen(b[k]);
        in.lang = "en";
        in.pub_date = "2024-03-02";
        in.entities = marsh;
        in.n_entities = 2;
        CHECK_INT(chr_cluster_add(cl, &in, &sb[k], &dup, NULL), CHR_OK);
    }
    for (int k = 0; k < 3; k++) {
        CHECK_INT(sa[k], sa[0]);
        CHECK_INT(sb[k], sa[0]);
    }
    /* a near-duplicate of b1 joins, counted in the size only */
    char reprint[1024];
    snprintf(reprint, sizeof reprint, "From our wires. %s", b[0]);
    int64_t sd;
    CHECK_INT(add(cl, 20, reprint, "2024-03-02", &sd, &dup), CHR_OK);
    CHECK_INT(dup, 11);
    CHECK_INT(query_int(st, "SELECT size FROM story WHERE id = ?", sa[0]), 7);
    chr_cluster_stats stats;
    chr_cluster_get_stats(cl, &stats);
    CHECK_INT(stats.splits, 0);
    /* the seventh distinct article: the check at 7 splits */
    CHECK_INT(add(cl, 4, a[3], "2024-03-03", &sa[3], &dup), CHR_OK);
    CHECK_INT(sa[3], sa[0]);
    chr_cluster_get_stats(cl, &stats);
    CHECK_INT(stats.splits, 1);
    long long nb = query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 11);
    CHECK(nb > 0 && nb != sa[0]);
    /* both halves are reported, for the stages keyed by story */
    const int64_t *mv = NULL;
    size_t nmv = chr_cluster_moved(cl, &mv);
    CHECK_INT(nmv, 2);
    if (nmv == 2)
        CHECK((mv[0] == sa[0] && mv[1] == nb) || (mv[0] == nb && mv[1] == sa[0]));
    for (int k = 1; k < 3; k++)
        CHECK_INT(query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 11 + k),
                  nb);
    CHECK_INT(query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 20), nb);
    for (int k = 0; k < 4; k++)
        CHECK_INT(query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 1 + k),
                  sa[0]);
    CHECK_INT(query_int(st, "SELECT size FROM story WHERE id = ?", sa[0]), 4);
    CHECK_INT(query_int(st, "SELECT n_unique FROM story WHERE id = ?", sa[0]), 4);
    CHECK_INT(query_int(st, "SELECT size FROM story WHERE id = ?", nb), 4);
    CHECK_INT(query_int(st, "SELECT n_unique FROM story WHERE id = ?", nb), 3);
    CHECK_INT(
        query_int(st, "SELECT n FROM story_entity WHERE story_id = ? AND name = 'Lidia Marsh'", nb),
        3);
    CHECK_INT(query_int(st, "SELECT count(*) FROM story_entity WHERE story_id = ?", sa[0]), 0);
    /* later articles find the story of their topic */
    int64_t s4;
    CHECK_INT(add(cl, 14,
                  "Conductor Lidia Marsh returns to the Tarvos orchestra after surgery on "
                  "her wrist; the Asian tour concerts will be rescheduled, management said.",
                  "2024-03-04", &s4, &dup),
              CHR_OK);
    CHECK_INT(s4, nb);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

/* Invented words from[r][0] <= i < from[r][1] of n ranges, without those
 * with i % 3 == skip % 3 in the first range (skip -1: none), which goes
 * backwards when skip >= 3 (no shingle in common with the forward ones). */
static void words_text(char *text, size_t cap, const int (*from)[2], int n, int skip)
{
    size_t len = 0;
    char w[16];
    text[0] = '\0';
    for (int r = 0; r < n; r++)
        for (int k = from[r][0]; k < from[r][1] && len + 16 < cap; k++) {
            int i = r == 0 && skip >= 3 ? from[r][0] + from[r][1] - 1 - k : k;
            if (r == 0 && skip >= 0 && i % 3 == skip % 3)
                continue;
            word_of(i, w);
            len += (size_t)snprintf(text + len, cap - len, "%s ", w);
        }
}

/* Two long articles of one day on different matters that share a field's
 * words (13 of 73: cosine about 0.13) stay apart: a day's feed is all
 * "near", and long texts get a smaller boost for it (near_boost_long) than
 * headlines; with the headlines' 1.5 they would join. */
TEST(same_day_long_texts_need_more_than_the_day)
{
    for (int v = 0; v < 2; v++) {
        TMP_STORE(fx, st, 0);
        chr_cluster_opts o;
        chr_cluster_opts_default(&o);
        if (v)
            o.near_boost_long = o.near_boost;
        chr_cluster *cl = NULL;
        CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
        char text[2048];
        int64_t s1, s2, dup;
        const int a[2][2] = {{0, 60}, {500, 513}}, b[2][2] = {{60, 120}, {500, 513}};
        words_text(text, sizeof text, a, 2, -1);
        CHECK_INT(add(cl, 1, text, "2019-11-18", &s1, &dup), CHR_OK);
        words_text(text, sizeof text, b, 2, -1);
        CHECK_INT(add(cl, 2, text, "2019-11-18", &s2, &dup), CHR_OK);
        if (v)
            CHECK(s1 == s2);
        else
            CHECK(s1 != s2);
        CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
        tmp_close(&fx);
    }
}

/* Two topics joined in one story behind an outlier: average link first
 * peels off the outlier (a half of one article: no split); split_peel
 * bisects again without it and parts the topics. Then an article that
 * bridges both halves merges them again only without split_remerge (long
 * texts: stories of headlines merge as any others). Topic a = words 0-59,
 * b = words 60-119, two thirds of them per article (not near-duplicates),
 * both with words 200-204; the outlier shares words 0, 60 and 200 and has
 * 50 words of its own. */
TEST(split_behind_outlier_and_no_remerge)
{
    for (int v = 0; v < 3; v++) {
        TMP_STORE(fx, st, 0);
        chr_cluster_opts o;
        chr_cluster_opts_default(&o);
        o.threshold = o.long_threshold = 1e-6;
        o.merge_threshold = 0.01;
        o.merge_cohesion = 0;
        o.index_terms = o.centroid_terms; /* every term finds the stories that have it */
        o.query_terms = 64;
        if (v == 1)
            o.split_peel = 0;
        if (v == 2)
            o.split_remerge = 0;
        chr_cluster *cl = NULL;
        CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
        char text[2048];
        int64_t sa[3], sb[3], so, dup;
        for (int k = 0; k < 3; k++) {
            const int ra[3][2] = {{0, 60}, {200, 205}, {300 + k, 301 + k}};
            words_text(text, sizeof text, ra, 3, k);
            CHECK_INT(add(cl, 1 + 2 * k, text, NULL, &sa[k], &dup), CHR_OK);
            const int rb[3][2] = {{60, 120}, {200, 205}, {310 + k, 311 + k}};
            words_text(text, sizeof text, rb, 3, k);
            CHECK_INT(add(cl, 2 + 2 * k, text, NULL, &sb[k], &dup), CHR_OK);
        }
        chr_cluster_stats stats;
        chr_cluster_get_stats(cl, &stats);
        CHECK_INT(stats.splits, 0);
        const int ro[4][2] = {{0, 1}, {60, 61}, {200, 201}, {400, 450}};
        words_text(text, sizeof text, ro, 4, -1);
        CHECK_INT(add(cl, 7, text, NULL, &so, &dup), CHR_OK);
        chr_cluster_get_stats(cl, &stats);
        CHECK_INT(stats.splits, v == 1 ? 0 : 1);
        long long a1 = query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 1);
        long long b1 = query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 2);
        CHECK_INT(a1, sa[0]);
        CHECK(v == 1 ? b1 == a1 : b1 != a1);
        if (v != 1) {
            for (int k = 1; k < 3; k++) {
                CHECK_INT(query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?",
                                    1 + 2 * k),
                          a1);
                CHECK_INT(query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?",
                                    2 + 2 * k),
                          b1);
            }
            /* an article of both topics matches both halves */
            const int rab[2][2] = {{0, 120}, {200, 205}};
            words_text(text, sizeof text, rab, 2, -1);
            int64_t sab;
            CHECK_INT(add(cl, 8, text, NULL, &sab, &dup), CHR_OK);
            chr_cluster_get_stats(cl, &stats);
            CHECK_INT(stats.merges, v == 2 ? 1 : 0);
        }
        CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
        tmp_close(&fx);
    }
}

/* Split checks come at 7, 9, 12, 16 ... articles: a second topic that has
 * two articles at the check at 7 (a half too small) is parted at 9. */
TEST(split_checks_at_nine)
{
    TMP_STORE(fx, st, 0);
    chr_cluster_opts o;
    chr_cluster_opts_default(&o);
    o.threshold = o.long_threshold = 1e-6;
    o.merge_threshold = 0;
    o.index_terms = o.centroid_terms;
    o.query_terms = 64;
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
    /* a1..a5 b1 b2 (7: no split) a6 (8) b3 (9: split) */
    static const int topic[9] = {0, 0, 0, 0, 0, 1, 1, 0, 1};
    int count[2] = {0, 0};
    char text[2048];
    chr_cluster_stats stats;
    for (int k = 0; k < 9; k++) {
        int t = topic[k], j = count[t]++;
        const int r[3][2] = {{60 * t, 60 * t + 60}, {200, 205}, {300 + k, 301 + k}};
        words_text(text, sizeof text, r, 3, j);
        int64_t sid, dup;
        CHECK_INT(add(cl, 1 + k, text, NULL, &sid, &dup), CHR_OK);
        CHECK_INT(dup, 0);
        chr_cluster_get_stats(cl, &stats);
        CHECK_INT(stats.splits, k == 8);
    }
    long long a = query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 1);
    long long b = query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 6);
    CHECK(a > 0 && b > 0 && a != b);
    CHECK_INT(query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 9), b);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

/* Topics that arrive one after the other (a folder of one topic after
 * another), all joining one story at a tiny threshold: 6 articles of topic
 * a, then b, parted from a at the check at 9; then c, which shares ten of
 * a's words, joins a's half, and that half (6 articles when it was parted)
 * is checked again at 7 and 9 of its own, which parts c (else its next
 * check would wait for 12). Words: a 0-59, b 60-119, c 120-179 and 0-9,
 * all 200-204. */
TEST(topics_in_bursts_are_parted)
{
    TMP_STORE(fx, st, 0);
    chr_cluster_opts o;
    chr_cluster_opts_default(&o);
    o.threshold = o.long_threshold = 1e-6;
    o.merge_threshold = 0;
    o.index_terms = o.centroid_terms;
    o.query_terms = 64;
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
    char text[2048];
    int64_t sid[16], dup;
    for (int k = 0; k < 16; k++) {
        int t = k < 6 ? 0 : k < 11 ? 1 : 2, j = k < 6 ? k : k < 11 ? k - 6 : k - 11;
        const int r[4][2] = {{60 * t, 60 * t + 60}, {200, 205}, {300 + k, 301 + k}, {0, 10}};
        words_text(text, sizeof text, r, t == 2 ? 4 : 3, j);
        CHECK_INT(add(cl, 1 + k, text, NULL, &sid[k], &dup), CHR_OK);
        CHECK_INT(dup, 0);
    }
    chr_cluster_stats stats;
    chr_cluster_get_stats(cl, &stats);
    CHECK_INT(stats.splits, 2);
    long long s_of[16];
    for (int k = 0; k < 16; k++)
        s_of[k] = query_int(st, "SELECT story_id FROM story_article WHERE article_id = ?", 1 + k);
    for (int k = 0; k < 16; k++) {
        int t = k < 6 ? 0 : k < 11 ? 1 : 2;
        CHECK_INT(s_of[k], s_of[t == 0 ? 0 : t == 1 ? 6 : 11]);
    }
    CHECK(s_of[0] != s_of[6] && s_of[0] != s_of[11] && s_of[6] != s_of[11]);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

/* Two stories of long texts that grew apart (a 0-59, c 120-179 and 0-9,
 * both 200-204) do not merge when an article matches both: the split test
 * would part them (as it keeps a split's halves apart); without
 * split_remerge they merge. */
TEST(stories_the_split_test_parts_do_not_merge)
{
    for (int v = 0; v < 2; v++) {
        TMP_STORE(fx, st, 0);
        chr_cluster_opts o;
        chr_cluster_opts_default(&o);
        o.merge_threshold = 0.01;
        o.merge_cohesion = 0;
        o.index_terms = o.centroid_terms;
        o.query_terms = 64;
        if (v)
            o.split_remerge = 0;
        chr_cluster *cl = NULL;
        CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
        char text[2048];
        int64_t sa[3], sc[3], dup;
        for (int k = 0; k < 3; k++) {
            const int ra[3][2] = {{0, 60}, {200, 205}, {300 + k, 301 + k}};
            words_text(text, sizeof text, ra, 3, k);
            CHECK_INT(add(cl, 1 + k, text, NULL, &sa[k], &dup), CHR_OK);
        }
        for (int k = 0; k < 3; k++) {
            const int rc[4][2] = {{120, 180}, {200, 205}, {310 + k, 311 + k}, {0, 10}};
            words_text(text, sizeof text, rc, 4, k);
            CHECK_INT(add(cl, 4 + k, text, NULL, &sc[k], &dup), CHR_OK);
        }
        CHECK(sa[0] == sa[1] && sa[1] == sa[2] && sc[0] == sc[1] && sc[1] == sc[2]);
        CHECK(sa[0] != sc[0]);
        const int rac[2][2] = {{0, 60}, {120, 180}};
        words_text(text, sizeof text, rac, 2, -1);
        int64_t sac;
        CHECK_INT(add(cl, 7, text, NULL, &sac, &dup), CHR_OK);
        chr_cluster_stats stats;
        chr_cluster_get_stats(cl, &stats);
        CHECK_INT(stats.merges, v);
        CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
        tmp_close(&fx);
    }
}

/* Posting lists and the time window, with query_terms and index_terms 1
 * (a story posts its heaviest term; an article looks up its heaviest term
 * that an earlier article had). Story A: one article dated 2024-01-01,
 * word 0 ten times and words 1-30 once. Then n_old stories long before it,
 * one every 50 days (never in each other's window), of word 0 alone: they
 * post word 0 after A did, and all ended long before A began. */
static chr_cluster *story_and_old_ones(chr_store *st, char *a_text, size_t cap, int64_t *a,
                                       int n_old)
{
    chr_cluster_opts o;
    chr_cluster_opts_default(&o);
    o.query_terms = o.index_terms = 1;
    o.rehome_after = 0;
    o.headline_words = 0; /* "qa qa qa" looks back the whole window */
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, &o, &cl, NULL), CHR_OK);
    if (!cl)
        return NULL;
    size_t len = 0;
    char w[16];
    for (int k = 0; k < 40; k++) {
        word_of(k < 10 ? 0 : k - 9, w);
        len += (size_t)snprintf(a_text + len, cap - len, "%s ", w);
    }
    int64_t sid, dup;
    CHECK_INT(add(cl, 1, a_text, "2024-01-01", a, &dup), CHR_OK);
    int32_t day0 = chr_cluster_parse_day("2024-01-01") - 4000;
    for (int k = 0; k < n_old; k++) {
        char date[11];
        chr_cluster_format_day(day0 + 50 * k, date);
        CHECK_INT(add(cl, 100 + k, "qa qa qa", date, &sid, &dup), CHR_OK);
        CHECK(sid != *a);
    }
    return cl;
}

/* Stamped postings. v 0: stories that ended before the time window are
 * passed over by the stamps of their postings, a block of entries at a
 * time, without reading the stories (or the entries one by one). v 1: a
 * story whose span moves on (here by reprints 3 days apart, which do not
 * change its centroid) gives its postings its new stamp: an article 39
 * days after its last reprint finds it through the posting made on its
 * first day, 69 days before, whose first stamp alone would put the story
 * outside the window. */
TEST(postings_stamped_with_their_story_days)
{
    for (int v = 0; v < 2; v++) {
        TMP_STORE(fx, st, 0);
        char a_text[512];
        int64_t a, sid, dup;
        chr_cluster *cl = story_and_old_ones(st, a_text, sizeof a_text, &a, v ? 0 : 70);
        if (!cl)
            return;
        if (v == 0) {
            chr_cluster_stats before, after;
            chr_cluster_get_stats(cl, &before);
            CHECK_INT(add(cl, 20, "qa qa qa", "2030-01-01", &sid, &dup), CHR_OK);
            chr_cluster_get_stats(cl, &after);
            CHECK(sid != a);
            CHECK_INT(after.new_stories - before.new_stories, 1);
            CHECK(after.postings - before.postings < 16);
            CHECK_INT(after.looked - before.looked, 0);
        } else {
            int32_t day0 = chr_cluster_parse_day("2024-01-01");
            for (int k = 1; k <= 10; k++) {
                char date[11];
                chr_cluster_format_day(day0 + 3 * k, date);
                CHECK_INT(add(cl, 10 + k, a_text, date, &sid, &dup), CHR_OK);
                CHECK_INT(sid, a);
                CHECK(dup != 0);
            }
            CHECK_INT(add(cl, 30, "qa qa qa", "2024-03-10", &sid, &dup), CHR_OK);
            CHECK_INT(sid, a);
        }
        CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
        tmp_close(&fx);
    }
}

/* A new story never takes the id of a story merged away (an alias). */
TEST(new_ids_above_aliases)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    int64_t s1, s2, dup;
    CHECK_INT(add(cl, 1, texts[0][0], "2024-03-01", &s1, &dup), CHR_OK);
    CHECK_INT(sqlite3_exec(chr_store_sqlite(st),
                           "INSERT INTO story_alias(id, into_id) VALUES(9000, 1)", NULL, NULL,
                           NULL),
              SQLITE_OK);
    CHECK_INT(add(cl, 2, texts[1][0], "2024-03-01", &s2, &dup), CHR_OK);
    CHECK(s2 > 9000);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

/* Document frequencies reach the database in batches of 4096 adds (the
 * frequency of a word every article has is there, exact, after the 4096th
 * add) and whole on close, words seen once included; a reopened model
 * counts on from them as one that went on would. */
TEST(document_frequencies_written_in_batches)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    const char *max_df = "SELECT coalesce(max(df), 0) FROM cluster_df WHERE ? > 0";
    char text[128];
    int64_t sid, dup;
    for (int k = 1; k <= 4097; k++) {
        snprintf(text, sizeof text, "Harbour cranes unloaded cargo number w%dq at dawn.", k);
        CHECK_INT(add(cl, k, text, NULL, &sid, &dup), CHR_OK);
        if (k == 4095)
            CHECK(query_int(st, max_df, 1) < 4095);
    }
    CHECK_INT(query_int(st, max_df, 1), 4096);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    CHECK_INT(query_int(st, max_df, 1), 4097);
    /* each article's own number word, seen once: a row too */
    CHECK_INT(query_int(st, "SELECT count(*) FROM cluster_df WHERE df = ?", 1), 4097);
    CHECK_INT(query_int(st, "SELECT count(*) FROM cluster_df WHERE df = ?", 2), 0);
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    CHECK_INT(add(cl, 5000, "Harbour cranes idle at night, number w7q.", NULL, &sid, &dup), CHR_OK);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    CHECK_INT(query_int(st, max_df, 1), 4098);
    /* the reopened model counted on from the word's one article */
    CHECK_INT(query_int(st, "SELECT count(*) FROM cluster_df WHERE df = ?", 2), 1);
    tmp_close(&fx);
}

/* A story counts every mention of a name: an article that names one three
 * times adds three (its names come one a mention, in any order, blanks
 * skipped); a second article adds its own. */
TEST(story_entities_count_every_mention)
{
    TMP_STORE(fx, st, 0);
    chr_cluster *cl = NULL;
    CHECK_INT(chr_cluster_open(st, NULL, &cl, NULL), CHR_OK);
    const char *names[] = {"Tarvos", "Lidia Marsh", "Tarvos", "", NULL, "Tarvos"};
    const char *text = "Conductor Lidia Marsh returns to the Tarvos orchestra after surgery.";
    int64_t sid[2], dup;
    for (int k = 0; k < 2; k++) {
        chr_cluster_input in = {0};
        in.article_id = 1 + k;
        in.text = text;
        in.text_len = strlen(text);
        in.lang = "en";
        in.pub_date = "2024-03-01";
        in.entities = names;
        in.n_entities = k ? 2 : 6;
        CHECK_INT(chr_cluster_add(cl, &in, &sid[k], &dup, NULL), CHR_OK);
    }
    CHECK_INT(sid[1], sid[0]);
    CHECK_INT(
        query_int(st, "SELECT n FROM story_entity WHERE story_id = ? AND name = 'Tarvos'", sid[0]),
        4);
    CHECK_INT(query_int(st,
                        "SELECT n FROM story_entity WHERE story_id = ? AND name = 'Lidia Marsh'",
                        sid[0]),
              2);
    CHECK_INT(query_int(st, "SELECT count(*) FROM story_entity WHERE story_id = ?", sid[0]), 2);
    CHECK_INT(chr_cluster_close(cl, NULL), CHR_OK);
    tmp_close(&fx);
}

UNIT_MAIN_BEGIN
RUN(words_lowercase_flags);
RUN(terms_stop_words_and_stems);
RUN(day_numbers);
RUN(topics_form_separate_stories_with_stable_ids);
RUN(near_duplicate_joins_canonical_story_once);
RUN(time_window_and_undated_articles);
RUN(headlines_stay_within_their_day);
RUN(headline_alone_looks_again_later);
RUN(rebuild_from_articles_and_read_back);
RUN(threshold_by_text_length);
RUN(merge_needs_cohesion);
RUN(long_and_tiny_texts);
RUN(split_of_two_topics);
RUN(split_behind_outlier_and_no_remerge);
RUN(split_checks_at_nine);
RUN(topics_in_bursts_are_parted);
RUN(stories_the_split_test_parts_do_not_merge);
RUN(new_ids_above_aliases);
RUN(postings_stamped_with_their_story_days);
RUN(same_day_long_texts_need_more_than_the_day);
RUN(document_frequencies_written_in_batches);
RUN(story_entities_count_every_mention);
RUN(templated_reports_stay_apart);
RUN(template_words_are_not_a_subject);
RUN(a_flash_without_specific_words_takes_its_report);
UNIT_MAIN_END
