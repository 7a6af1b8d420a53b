/* chronicle — unit tests of the store's article lookups (store.h) and of
 * what the pipeline reports when a JSON Lines id comes back with other
 * text. Fixtures are written into a temporary folder. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    char db[300];
    snprintf(db, sizeof db, "%s/a.db", dir);
    chr_store *st = NULL;
    chr_diag d;
    CHECK_INT(chr_store_open(db, 0, &st, &d), CHR_OK);
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

UNIT_MAIN_BEGIN
if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
}
RUN(same_id_other_text_is_reported);
char cmd[300];
snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
if (system(cmd) != 0)
    return 1;
UNIT_MAIN_END
