/* Unit tests for cluster_search.c: the search box's words as an FTS5 query,
 * and chr_search over a database of three articles written here
 * (timeline_fixture.h: ranking, snippets, stories, limit and offset, bad
 * queries). */
#include <stdlib.h>
#include <unistd.h>

#include "chronicle/cluster.h"
#include "timeline_fixture.h"
#include "unit.h"

static char dir[64], db_path[128];
static chr_store *st;

static const tl_fixture texts[] = {
    {"a1.txt", " date 2024-06-03\nHarbour cranes return to Port Vell\n\nThe port authority said "
               "on Monday that three new cranes arrived in Port Vell. Dock workers welcomed the "
               "cranes after a long strike over cranes.\n"},
    {"a2.txt", " date 2024-06-04\nCaf\xC3\xA9 owners protest harbour noise\n\nOwners of the "
               "Caf\xC3\xA9 Mar said the new cranes were too loud. The port authority promised a "
               "review of night work within two weeks.\n"},
    {"a3.txt", " date 2024-06-05\nOrchestra opens season\n\nThe city orchestra opened its season "
               "with a Mahler symphony on Wednesday night. Tickets for the autumn concerts sold "
               "out within hours.\n"},
};

typedef struct got {
    int n;
    int64_t id[8], story[8];
    char title[8][64];
    int marked[8]; /* the snippet marks a match */
    double score[8];
} got;

static int collect(void *ctx, const chr_search_hit *h)
{
    got *g = ctx;
    if (g->n == 8)
        return 1;
    g->id[g->n] = h->id;
    g->story[g->n] = h->story;
    snprintf(g->title[g->n], sizeof g->title[0], "%s", h->title ? h->title : "");
    g->marked[g->n] = h->snippet && strchr(h->snippet, '\x02') && strchr(h->snippet, '\x03');
    g->score[g->n] = h->score;
    g->n++;
    return 0;
}

static int stop_at_first(void *ctx, const chr_search_hit *h)
{
    (void)h;
    ++*(int *)ctx;
    return 1;
}

TEST(query_from_search_box_words)
{
    char *q = chr_search_query("kovac \"state visit\" pre*");
    CHECK_STR(q, "\"kovac\" \"state visit\" \"pre\" *");
    free(q);
    q = chr_search_query("cranes OR strike");
    CHECK_STR(q, "\"cranes\" OR \"strike\"");
    free(q);
    q = chr_search_query("say \"hi\"there NEAR(x) -y");
    CHECK_STR(q, "\"say\" \"hi\" \"there\" \"NEAR(x)\" \"-y\"");
    free(q);
    q = chr_search_query("O'Brien AND");
    CHECK_STR(q, "\"O'Brien\" \"AND\"");
    free(q);
    CHECK(chr_search_query("") == NULL);
    CHECK(chr_search_query("*** \" - ") == NULL);
    CHECK(chr_search_query("OR") == NULL);
    /* punctuation of any script is no word; letters of any script are */
    CHECK(chr_search_query("\xE2\x80\x94 \xC2\xAB") == NULL); /* — « */
    q = chr_search_query("\xC2\xAB Kova\xC4\x8D \xC2\xBB");
    CHECK_STR(q, "\"Kova\xC4\x8D\"");
    free(q);
    /* at most CHR_SEARCH_MAX_TERMS terms, however long the box */
    char many[1200] = "";
    for (int i = 0; i < 100; i++)
        strcat(many, "hydrogen ");
    q = chr_search_query(many);
    int terms = 0;
    for (const char *p = q; p && (p = strstr(p, "\"hydrogen\"")); p++)
        terms++;
    CHECK_INT(terms, CHR_SEARCH_MAX_TERMS);
    free(q);
}

TEST(hits_best_first_with_story_and_snippet)
{
    got g = {0};
    CHECK_INT(chr_search(st, "cranes", 10, 0, collect, &g, NULL), CHR_OK);
    CHECK_INT(g.n, 2);
    CHECK_STR(g.title[0], "Harbour cranes return to Port Vell"); /* three times, and the title */
    CHECK(g.score[0] > g.score[1]);
    CHECK(g.story[0] > 0 && g.story[1] > 0);
    CHECK(g.marked[0] && g.marked[1]);
    got h = {0};
    CHECK_INT(chr_search(st, "\"port authority\" caf*", 10, 0, collect, &h, NULL), CHR_OK);
    CHECK_INT(h.n, 1);
    CHECK_STR(h.title[0], "Café owners protest harbour noise");
    got o = {0};
    CHECK_INT(chr_search(st, "cranes OR Mahler", 10, 0, collect, &o, NULL), CHR_OK);
    CHECK_INT(o.n, 3);
}

TEST(limit_offset_and_stop)
{
    got all = {0}, page = {0}, rest = {0};
    CHECK_INT(chr_search(st, "cranes OR Mahler", 10, 0, collect, &all, NULL), CHR_OK);
    CHECK_INT(chr_search(st, "cranes OR Mahler", 2, 0, collect, &page, NULL), CHR_OK);
    CHECK_INT(chr_search(st, "cranes OR Mahler", 2, 2, collect, &rest, NULL), CHR_OK);
    CHECK_INT(page.n, 2);
    CHECK_INT(rest.n, 1);
    CHECK(all.n == 3 && page.id[0] == all.id[0] && page.id[1] == all.id[1] &&
          rest.id[0] == all.id[2]);
    int calls = 0; /* a callback that returns nonzero is not called again */
    CHECK_INT(chr_search(st, "cranes OR Mahler", 10, 0, stop_at_first, &calls, NULL), CHR_OK);
    CHECK_INT(calls, 1);
}

TEST(no_words_and_no_match)
{
    got g = {0};
    chr_diag d;
    CHECK_INT(chr_search(st, " * \" ", 10, 0, collect, &g, &d), CHR_EINVAL);
    CHECK(strstr(d.msg, "no word") != NULL);
    CHECK_INT(chr_search(st, NULL, 10, 0, collect, &g, &d), CHR_EINVAL);
    CHECK_INT(chr_search(st, "zeppelin", 10, 0, collect, &g, &d), CHR_OK);
    CHECK_INT(g.n, 0);
}

UNIT_MAIN_BEGIN
st = tl_fixture_open("chr_search", texts, sizeof texts / sizeof texts[0], dir, db_path);
if (!st) {
    printf("not ok setup\n");
    return 1;
}
RUN(query_from_search_box_words);
RUN(hits_best_first_with_story_and_snippet);
RUN(limit_offset_and_stop);
RUN(no_words_and_no_match);
tl_fixture_close(st, dir);
UNIT_MAIN_END
