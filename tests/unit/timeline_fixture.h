/* chronicle — a store of articles written by unit tests (test_timeline.c,
 * test_timeline_cache.c, test_search.c): the texts are
 * written as files into a fresh folder under /tmp and ingested by the
 * pipeline; tl_fixture_close closes the store and removes the folder. */
#ifndef CHR_TIMELINE_FIXTURE_H
#define CHR_TIMELINE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "chronicle/pipeline.h"

typedef struct tl_fixture {
    const char *name, *text;
} tl_fixture;

/* Files fx[0..n) ingested into dir/t.db (dir, of 64 bytes, gets a fresh
 * folder named after prefix, path the database's path, of 128); NULL when
 * anything failed (said on stderr). */
static inline chr_store *tl_fixture_open(const char *prefix, const tl_fixture *fx, size_t n,
                                         char *dir, char *path)
{
    snprintf(dir, 64, "/tmp/%s_XXXXXX", prefix);
    if (!mkdtemp(dir))
        return NULL;
    char in[128];
    snprintf(in, sizeof in, "%s/in", dir);
    if (mkdir(in, 0700) != 0)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char file[192];
        snprintf(file, sizeof file, "%s/%s", in, fx[i].name);
        FILE *f = fopen(file, "w");
        if (!f)
            return NULL;
        fputs(fx[i].text, f);
        fclose(f);
    }
    snprintf(path, 128, "%s/t.db", dir);
    chr_store *st = NULL;
    chr_pipeline *p = NULL;
    chr_ingest_stats s;
    memset(&s, 0, sizeof s);
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_store_open(path, 0, &st, &d) || chr_pipeline_open(st, &p, &d) ||
        chr_pipeline_ingest(p, in, &s) || s.stored != (long)n) {
        fprintf(stderr, "  fixture ingest failed: %s (stored %ld)\n", d.msg, s.stored);
        chr_pipeline_close(p);
        chr_store_close(st);
        return NULL;
    }
    chr_pipeline_close(p);
    return st;
}

/* The first column of sql's first row as an int, -1 when there is none. */
static inline int count_rows(chr_store *st, const char *sql)
{
    sqlite3_stmt *q;
    int n = -1;
    if (sqlite3_prepare_v2(chr_store_sqlite(st), sql, -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return n;
}

static inline void tl_fixture_close(chr_store *st, const char *dir)
{
    chr_store_close(st);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "  could not remove %s\n", dir);
}

#endif
