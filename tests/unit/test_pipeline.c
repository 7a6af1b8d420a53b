/* chronicle — unit tests of the records a prescan keeps for the ingest
 * (pipeline_int.h): the ingest's view of a file is the reader's, record for
 * record (articles, errors, warnings, bytes, skipped), whether all of it
 * was kept, a part (the byte bound, a prescan that stopped), or nothing (a
 * file changed since). Fixtures are generated into a temporary folder. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pipeline_int.h"
#include "unit.h"

static char dir[] = "/tmp/chr-test-pipeline-XXXXXX";

/* A feed with what a reader gives besides articles: a malformed line, a
 * blank one, a record transcoded from Windows-1252 (a warning), one without
 * text, one that cleans to nothing. */
static const char feed[] =
    "{\"id\": \"a1\", \"text\": \"The river rose two metres on Monday.\\n\\nThe town was "
    "evacuated.\"}\n"
    "{\"id\": \"a2\", \"text\": \"Talks resumed in Geneva on Tuesday.\"}\n"
    "not json at all\n"
    "\n"
    "{\"id\": \"a3\", \"text\": \"Caf\xe9 owners protested on Wednesday.\"}\n"
    "{\"id\": \"a4\", \"title\": \"no text\"}\n"
    "{\"id\": \"a5\", \"text\": \"Share this article\"}\n"
    "{\"id\": \"a6\", \"text\": \"The minister resigned on Thursday.\"}\n"
    "{\"id\": \"a7\", \"text\": \"Shares fell sharply on Friday.\"}\n";

static const char *write_fixture(const char *name, const char *s)
{
    static char path[2][256];
    static int k;
    char *p = path[k++ % 2];
    snprintf(p, 256, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (f) {
        fputs(s, f);
        fclose(f);
    }
    return p;
}

/* What the prescan does with path: up to max results read (0: all),
 * each cleaned and put. */
static void prescan(chr_ahead *c, const char *path, int max)
{
    struct stat st;
    chr_reader *r = NULL;
    chr_diag d;
    if (stat(path, &st) != 0 || chr_reader_open(path, &r, &d) != CHR_OK) {
        CHECK(0);
        return;
    }
    CHECK_INT(chr_ahead_begin(c, path, &st), CHR_OK);
    int at_end = 0;
    for (int n = 0; !max || n < max; n++) {
        chr_article *a = NULL;
        chr_err e = chr_reader_next(r, &a, &d);
        if (!e && !a) {
            at_end = 1;
            break;
        }
        chr_doc *doc = NULL;
        if (a && chr_clean_text(a, &doc, &d) != CHR_OK)
            doc = NULL;
        CHECK_INT(chr_ahead_put(c, r, e, &d, a, doc), CHR_OK);
    }
    chr_ahead_end(c, r, at_end);
}

/* Read path through c and through a reader of its own, side by side; every
 * result must be the same. Returns how many articles came with a kept
 * document (-1 when a result differed). */
static int compare(chr_ahead *c, const char *path)
{
    chr_input *in = NULL;
    chr_reader *r = NULL;
    chr_diag d1, d2;
    if (chr_input_open(c, path, NULL, NULL, &in, &d1) != CHR_OK ||
        chr_reader_open(path, &r, &d2) != CHR_OK) {
        chr_input_close(in);
        CHECK(0);
        return -1;
    }
    int kept = 0, same = 1;
    for (int n = 0; n < 100 && same; n++) {
        chr_article *a1 = NULL, *a2 = NULL;
        chr_doc *doc = NULL;
        chr_diag_clear(&d1);
        chr_diag_clear(&d2);
        chr_err e1 = chr_input_next(in, &a1, &doc, &d1);
        chr_err e2 = chr_reader_next(r, &a2, &d2);
        const char *w1 = chr_input_warning(in), *w2 = chr_reader_warning(r);
        char b1[1200], b2[1200];
        same =
            e1 == e2 && !a1 == !a2 && chr_input_bytes(in) == chr_reader_bytes(r) && !w1 == !w2 &&
            (!w1 || strcmp(w1, w2) == 0) &&
            (!e1 || strcmp(chr_diag_format(&d1, b1, sizeof b1),
                           chr_diag_format(&d2, b2, sizeof b2)) == 0) &&
            (!a1 || (strcmp(a1->source, a2->source) == 0 && a1->text_len == a2->text_len &&
                     memcmp(a1->text, a2->text, a1->text_len) == 0 && !a1->ext_id == !a2->ext_id &&
                     (!a1->ext_id || strcmp(a1->ext_id, a2->ext_id) == 0)));
        if (doc) {
            kept++;
            chr_doc *fresh = NULL;
            same = same && chr_clean_text(a2, &fresh, &d2) == CHR_OK &&
                   strcmp(fresh->hash_hex, doc->hash_hex) == 0;
            chr_doc_free(fresh);
        }
        chr_doc_free(doc);
        chr_article_free(a1);
        chr_article_free(a2);
        if (!e1 && !a1 && !e2 && !a2)
            break;
    }
    same = same && chr_input_skipped(in) == chr_reader_skipped(r);
    chr_input_close(in);
    chr_reader_close(r);
    CHECK(same);
    return same ? kept : -1;
}

TEST(kept_records_read_once_as_the_reader_gives_them)
{
    const char *p = write_fixture("feed.jsonl", feed);
    chr_ahead *c = chr_ahead_new(1 << 20);
    prescan(c, p, 0);
    /* a5 cleans to nothing: the ingest cleans it again, to report it */
    CHECK_INT(compare(c, p), 5);
    chr_ahead_free(c);
}

TEST(records_past_the_bound_are_read_again)
{
    const char *p = write_fixture("feed.jsonl", feed);
    chr_ahead *c = chr_ahead_new(1);
    prescan(c, p, 0);
    CHECK_INT(compare(c, p), 0);
    chr_ahead_free(c);
    /* room for a few records (about 1 KB each): those, then the reader's */
    c = chr_ahead_new(3000);
    prescan(c, p, 0);
    int k = compare(c, p);
    CHECK(k >= 1 && k < 5);
    chr_ahead_free(c);
}

TEST(utf16_records_past_the_bound_are_read_again)
{
    /* not passed by their lines: the first article carries the warning
     * that the input was UTF-16, so the records are read again */
    char path[300];
    snprintf(path, sizeof path, "%s/feed16.jsonl", dir);
    FILE *f = fopen(path, "wb");
    if (!f) {
        CHECK(0);
        return;
    }
    fputc(0xFF, f);
    fputc(0xFE, f);
    for (const char *q = feed; *q; q++)
        if ((unsigned char)*q < 0x80) { /* the feed's one Windows-1252 byte out */
            fputc(*q, f);
            fputc(0, f);
        }
    fclose(f);
    chr_ahead *c = chr_ahead_new(3000);
    prescan(c, path, 0);
    int k = compare(c, path);
    CHECK(k >= 1 && k < 5);
    chr_ahead_free(c);
}

TEST(a_stopped_prescan_hands_its_reader_on)
{
    const char *p = write_fixture("feed.jsonl", feed);
    for (int stop = 1; stop <= 9; stop += 4) {
        chr_ahead *c = chr_ahead_new(1 << 20);
        prescan(c, p, stop); /* results 1..stop: a1, then also the error and a3.. */
        CHECK_INT(compare(c, p), stop == 1 ? 1 : stop == 5 ? 3 : 5);
        chr_ahead_free(c);
    }
}

TEST(a_file_changed_since_is_read_anew)
{
    const char *p = write_fixture("feed.jsonl", feed);
    chr_ahead *c = chr_ahead_new(1 << 20);
    prescan(c, p, 0);
    char more[sizeof feed + 100];
    snprintf(more, sizeof more, "%s{\"id\": \"a8\", \"text\": \"Polls closed at eight.\"}\n", feed);
    write_fixture("feed.jsonl", more);
    CHECK_INT(compare(c, p), 0);
    chr_ahead_free(c);
}

TEST(files_gone_since_are_passed)
{
    const char *p1 = write_fixture("a.jsonl", feed);
    const char *p2 = write_fixture("b.jsonl", feed);
    chr_ahead *c = chr_ahead_new(1 << 20);
    prescan(c, p1, 0);
    prescan(c, p2, 0);
    CHECK_INT(compare(c, p2), 5); /* a.jsonl not read: b.jsonl's records still kept */
    CHECK_INT(compare(c, p1), 0); /* passed, so read anew */
    chr_ahead_free(c);
}

UNIT_MAIN_BEGIN
if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
}
RUN(kept_records_read_once_as_the_reader_gives_them);
RUN(records_past_the_bound_are_read_again);
RUN(utf16_records_past_the_bound_are_read_again);
RUN(a_stopped_prescan_hands_its_reader_on);
RUN(a_file_changed_since_is_read_anew);
RUN(files_gone_since_are_passed);
char cmd[300];
snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
if (system(cmd) != 0)
    return 1;
UNIT_MAIN_END
