/* chronicle — a temporary store for the dedup and cluster unit tests
 * (tests/unit/test_dedup.c, test_cluster.c): opened in a fresh folder under
 * /tmp, closed and removed with its WAL files by tmp_close. */
#ifndef CHR_STORIES_FIXTURE_H
#define CHR_STORIES_FIXTURE_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/store.h"
#include "unit.h"

typedef struct tmp_store {
    char dir[64], path[128];
    chr_store *st;
    int foreign_keys;
} tmp_store;

/* (Re)open the store of t; with foreign_keys 0 the tests may add rows for
 * articles that are not stored. NULL (and a failed check) on error. */
static chr_store *tmp_reopen(tmp_store *t)
{
    if (t->st)
        chr_store_close(t->st);
    t->st = NULL;
    CHECK_INT(chr_store_open(t->path, 0, &t->st, NULL), CHR_OK);
    if (t->st && !t->foreign_keys)
        sqlite3_exec(chr_store_sqlite(t->st), "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
    return t->st;
}

static chr_store *tmp_open(tmp_store *t, int foreign_keys)
{
    memset(t, 0, sizeof *t);
    t->foreign_keys = foreign_keys;
    strcpy(t->dir, "/tmp/chr_test_stories.XXXXXX");
    CHECK(mkdtemp(t->dir) != NULL);
    snprintf(t->path, sizeof t->path, "%s/t.db", t->dir);
    return tmp_reopen(t);
}

static void tmp_close(tmp_store *t)
{
    char p[160];
    if (t->st)
        chr_store_close(t->st);
    t->st = NULL;
    unlink(t->path);
    snprintf(p, sizeof p, "%s-wal", t->path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", t->path);
    unlink(p);
    rmdir(t->dir);
}

/* Open the fixture fx with store st at the top of a test (returns from the
 * test when it cannot). */
#define TMP_STORE(fx, st, foreign_keys)                                                            \
    tmp_store fx;                                                                                  \
    chr_store *st = tmp_open(&fx, foreign_keys);                                                   \
    if (!st)                                                                                       \
    return

#endif
