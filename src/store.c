/* chronicle — store: the SQLite database.
 * Owns: opening (WAL, busy timeout, foreign keys), the writer lock (a flock
 * on PATH-lock), the schema as an ordered
 * list of migrations applied by PRAGMA user_version, and the article,
 * sentence, timex and ingest-error rows. Modules with their own tables append
 * a migration here and run their own statements via chr_store_sqlite(). */
#include "chronicle/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "timeline_int.h"

/* Each entry moves the schema from version i to i+1. Never edit a released
 * entry: append a new one. */
static const char *const migrations[] = {
    /* 1: articles, sentences, timexes, ingest errors */
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  hash TEXT NOT NULL UNIQUE,"
    "  source TEXT NOT NULL,"
    "  ext_id TEXT, url TEXT, title TEXT, author TEXT, outlet TEXT, lang TEXT,"
    "  pub_date TEXT, pub_date_source TEXT, pub_date_confidence REAL,"
    "  dateline_place TEXT, dateline_agency TEXT, dateline_date TEXT,"
    "  format TEXT NOT NULL, flags INTEGER NOT NULL DEFAULT 0, charset TEXT,"
    "  raw_text TEXT NOT NULL, clean_text TEXT NOT NULL, extra TEXT,"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX articles_pub_date ON articles(pub_date);"
    "CREATE INDEX articles_source ON articles(source);"
    "CREATE TABLE sentences("
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    "  PRIMARY KEY(article_id, idx)) WITHOUT ROWID;"
    "CREATE TABLE timexes("
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL,"
    "  type TEXT NOT NULL, value TEXT NOT NULL, end_value TEXT,"
    "  PRIMARY KEY(article_id, start)) WITHOUT ROWID;"
    "CREATE INDEX timexes_value ON timexes(value);"
    "CREATE TABLE ingest_errors("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  file TEXT, line INTEGER, offset INTEGER, code TEXT NOT NULL, message TEXT);",
    /* 2: entities (one row per canonical name and type) and their mentions */
    "CREATE TABLE entities("
    "  id INTEGER PRIMARY KEY,"
    "  canonical TEXT NOT NULL, type TEXT NOT NULL, country TEXT, role TEXT,"
    "  mentions INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE(canonical, type));"
    "CREATE TABLE mentions("
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL,"
    "  entity_id INTEGER NOT NULL REFERENCES entities(id),"
    "  type TEXT NOT NULL, flags INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY(article_id, start)) WITHOUT ROWID;"
    "CREATE INDEX mentions_entity ON mentions(entity_id);",
    /* 3: full-text index of titles and clean text (serve's /api/search and
     * story search), external content over articles, kept by triggers */
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, clean_text, content='articles',"
    "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, clean_text) VALUES(new.id, new.title, "
    "new.clean_text);"
    "  END;"
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, clean_text)"
    "  VALUES('delete', old.id, old.title, old.clean_text); END;"
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, clean_text ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, clean_text)"
    "  VALUES('delete', old.id, old.title, old.clean_text);"
    "  INSERT INTO articles_fts(rowid, title, clean_text) VALUES(new.id, new.title, "
    "new.clean_text);"
    "  END;"
    "INSERT INTO articles_fts(articles_fts) VALUES('rebuild');",
    /* 4: stories (cluster.c) and near-duplicate signatures (dedup.c); ids of
     * stories merged away live on in story_alias; cluster_df/cluster_meta
     * hold the document frequencies of the clustering vectors */
    "CREATE TABLE dedup_sig("
    "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
    "  sig BLOB NOT NULL, canonical INTEGER);"
    "CREATE TABLE story("
    "  id INTEGER PRIMARY KEY, first_day INTEGER, last_day INTEGER,"
    "  size INTEGER NOT NULL, n_unique INTEGER NOT NULL, centroid BLOB NOT NULL);"
    "CREATE TABLE story_article("
    "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
    "  story_id INTEGER NOT NULL, duplicate_of INTEGER, similarity REAL);"
    "CREATE INDEX story_article_story ON story_article(story_id);"
    "CREATE TABLE story_entity(story_id INTEGER NOT NULL, name TEXT NOT NULL,"
    "  n INTEGER NOT NULL, PRIMARY KEY(story_id, name)) WITHOUT ROWID;"
    "CREATE TABLE story_alias(id INTEGER PRIMARY KEY, into_id INTEGER NOT NULL);"
    "CREATE TABLE cluster_df(term INTEGER PRIMARY KEY, df INTEGER NOT NULL);"
    "CREATE TABLE cluster_meta(key TEXT PRIMARY KEY, value);",
    /* 5: timelines (timeline.c): entries, dated mentions, per-story df (the
     * last dropped by 14) */
    CHR_TIMELINE_SCHEMA,
    /* 6: a story's language (of its first article), for cross-language matching */
    "ALTER TABLE story ADD COLUMN lang TEXT;",
    /* 7: stories newest first (serve's story list walks this, not the table) */
    "CREATE INDEX story_recent ON story(last_day, id);",
    /* 8: new articles enter the full-text index in one statement at commit
     * (chr_store_commit), not one trigger call per article: FTS5 flushes its
     * pending terms at every statement, ~12% of ingest; merged-away stories
     * found by what they became */
    "DROP TRIGGER articles_fts_ai;"
    "CREATE INDEX story_alias_into ON story_alias(into_id);",
    /* 9: timeline mentions keep a hash of headline-like lines (timeline_read.c
     * drops the ones repeated across independent articles) */
    CHR_TIMELINE_FRAG,
    /* 10: how many articles carried each short paragraph (a site's menus
     * and footers: pipeline.c drops the ones many articles repeat) */
    "CREATE TABLE line_seen(hash INTEGER PRIMARY KEY, n INTEGER NOT NULL);",
    /* 11: articles by the id their input gave (JSON Lines "id"): a record
     * re-sent under a stored id with other text is reported (pipeline.c) */
    "CREATE INDEX articles_ext_id ON articles(ext_id) WHERE ext_id IS NOT NULL;",
    /* 12: one row per name and type whatever its case, accents, hyphens and
     * periods ("Alí Abdalá Saleh", "Ali Abdalá Saleh"): entities.key is
     * chr_entity_key(canonical). Rows of one key and type merge into the
     * first stored, their mentions summed and repointed; then every row of
     * a key takes one spelling, the best by chr_entity_spelling (the first
     * stored among equals), and the stories' entity names (story_entity,
     * by name) follow it. The SQL functions are registered on every
     * connection (register_functions). */
    "ALTER TABLE entities ADD COLUMN key TEXT;"
    "UPDATE entities SET key = chr_name_key(canonical);"
    "CREATE INDEX entities_key_merge ON entities(key);"
    "CREATE TEMP TABLE entity_spelling AS SELECT g.key, (SELECT c.canonical FROM entities c"
    "  WHERE c.key = g.key ORDER BY chr_name_rank(c.canonical) DESC, c.id LIMIT 1) AS canonical"
    "  FROM (SELECT key FROM entities GROUP BY key HAVING count(DISTINCT canonical) > 1) g;"
    "CREATE TEMP TABLE entity_merge AS SELECT e.id, k.keep AS into_id FROM entities e"
    "  JOIN (SELECT key, type, min(id) AS keep FROM entities GROUP BY key, type"
    "        HAVING count(*) > 1) k ON k.key = e.key AND k.type = e.type"
    "  WHERE e.id <> k.keep;"
    "UPDATE entities SET"
    "  mentions = mentions + (SELECT sum(x.mentions) FROM entity_merge m JOIN entities x"
    "    ON x.id = m.id WHERE m.into_id = entities.id),"
    "  country = coalesce(country, (SELECT x.country FROM entity_merge m JOIN entities x"
    "    ON x.id = m.id WHERE m.into_id = entities.id AND x.country IS NOT NULL"
    "    ORDER BY x.id LIMIT 1)),"
    "  role = coalesce(role, (SELECT x.role FROM entity_merge m JOIN entities x"
    "    ON x.id = m.id WHERE m.into_id = entities.id AND x.role IS NOT NULL"
    "    ORDER BY x.id LIMIT 1))"
    "  WHERE id IN (SELECT into_id FROM entity_merge);"
    "UPDATE mentions SET entity_id = (SELECT into_id FROM entity_merge WHERE id = entity_id)"
    "  WHERE entity_id IN (SELECT id FROM entity_merge);"
    "DELETE FROM entities WHERE id IN (SELECT id FROM entity_merge);"
    "UPDATE entities SET canonical = (SELECT s.canonical FROM entity_spelling s"
    "  WHERE s.key = entities.key) WHERE key IN (SELECT key FROM entity_spelling);"
    "CREATE TEMP TABLE entity_rename AS SELECT r.old, r.new FROM (SELECT se.name AS old,"
    "  (SELECT e.canonical FROM entities e WHERE e.key = chr_name_key(se.name)"
    "   ORDER BY e.mentions DESC, e.id LIMIT 1) AS new"
    "  FROM (SELECT DISTINCT name FROM story_entity) se) r"
    "  WHERE r.new IS NOT NULL AND r.new <> r.old;"
    "INSERT INTO story_entity(story_id, name, n) SELECT se.story_id, r.new, sum(se.n)"
    "  FROM story_entity se JOIN entity_rename r ON r.old = se.name GROUP BY 1, 2"
    "  ON CONFLICT(story_id, name) DO UPDATE SET n = n + excluded.n;"
    "DELETE FROM story_entity WHERE name IN (SELECT old FROM entity_rename);"
    "DROP TABLE entity_merge; DROP TABLE entity_spelling; DROP TABLE entity_rename;"
    "DROP INDEX entities_key_merge;"
    "CREATE UNIQUE INDEX entities_key ON entities(key, type);",
    /* 13: inputs that carried a stored article's text word for word (a
     * syndicated copy from another outlet or file): not stored again, but
     * kept with where and when they appeared (chr_store_add_copy) */
    "CREATE TABLE copies("
    "  article_id INTEGER NOT NULL REFERENCES articles(id),"
    "  source TEXT NOT NULL, outlet TEXT, url TEXT, ext_id TEXT, pub_date TEXT,"
    "  PRIMARY KEY(article_id, source)) WITHOUT ROWID;",
    /* 14: a story's document frequencies are counted from its timeline
     * mentions when read (timeline_cache.c), not kept per term: the upsert
     * of each article's terms was 7% of ingest's instructions */
    "DROP TABLE IF EXISTS tl_df;",
    /* 15: how often each spelling of a name (one key) was written: the one
     * shown is the best (chr_entity_spelling) of those written at least a
     * quarter as often as the most written, so that one Spanish article's
     * "Vladímir Putin" does not rename an English story's Vladimir Putin
     * (vote_spelling); a key written one way has no rows */
    "CREATE TABLE spellings(key TEXT NOT NULL, spelling TEXT NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY(key, spelling)) WITHOUT ROWID;",
};
#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))
/* The oldest schema a read-only handle reads as it is: later migrations
 * only add what readers can do without (9: tl_mention.frag, read as 0;
 * 12: entities.key, which readers do not read: they fold names with
 * chr_name_key where a person may still have several rows). */
#define READ_COMPAT_VERSION 8

struct chr_store {
    sqlite3 *db;
    char *path;
    int readonly;
    sqlite3_stmt *ins_article, *ins_sentence, *ins_timex, *find_hash, *find_ext, *find_titled;
    sqlite3_stmt *find_entity, *add_entity, *count_entity, *up_spelling, *ins_mention, *copy_of;
    sqlite3_stmt *add_spelling, *upd_spelling, *new_spelling, *get_spellings;
    sqlite3_stmt *rep_timex, *rep_mention, *ins_copy;
    sqlite3_stmt *line_get, *line_add;
    int lock_fd;    /* the writer lock's file (PATH-lock), -1 until first locked */
    int lock_depth; /* chr_store_lock_writer calls not yet released */
};

static chr_err db_err(chr_store *st, chr_diag *d, const char *what)
{
    return chr_diag_set(d, CHR_EDB, st->path, 0, -1, "%s: %s", what, sqlite3_errmsg(st->db));
}

/* chr_entity_key of s into buf (cap bytes) or, when longer, a malloc'd
 * string; the caller frees a result that is not buf. NULL on OOM. */
static char *name_key(const char *s, char *buf, size_t cap)
{
    size_t n = chr_entity_key(s, buf, cap);
    if (n < cap)
        return buf;
    char *k = malloc(n + 1);
    if (k)
        chr_entity_key(s, k, n + 1);
    return k;
}

static void sql_name_key(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    char buf[256], *k = s ? name_key(s, buf, sizeof buf) : NULL;
    if (!s)
        sqlite3_result_null(cx);
    else if (!k)
        sqlite3_result_error_nomem(cx);
    else
        sqlite3_result_text(cx, k, -1, k == buf ? SQLITE_TRANSIENT : free);
}

static void sql_name_rank(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_result_int(cx, chr_entity_spelling((const char *)sqlite3_value_text(argv[0])));
}

/* chr_name_key(name) and chr_name_rank(name): chr_entity_key and
 * chr_entity_spelling in SQL, for migration 12 and for readers that fold
 * names (a database read as it is may be older than 12). */
static int register_functions(sqlite3 *db)
{
    int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    return sqlite3_create_function_v2(db, "chr_name_key", 1, f, NULL, sql_name_key, NULL, NULL,
                                      NULL) == SQLITE_OK &&
           sqlite3_create_function_v2(db, "chr_name_rank", 1, f, NULL, sql_name_rank, NULL, NULL,
                                      NULL) == SQLITE_OK;
}

static chr_err migrate(chr_store *st, chr_diag *d)
{
    sqlite3_stmt *q;
    int ver = 0;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &q, NULL) != SQLITE_OK)
        return db_err(st, d, "reading schema version");
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        ver = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW) /* random bytes, a truncated header: the read says so */
        return chr_diag_set(d, CHR_EDB, st->path, 0, -1, "not a usable database: %s",
                            sqlite3_errstr(rc));
    if (ver > N_MIGRATIONS)
        return chr_diag_set(d, CHR_EDB, st->path, 0, -1,
                            "database schema version %d is newer than this chronicle (%d)", ver,
                            N_MIGRATIONS);
    if (ver == N_MIGRATIONS || (st->readonly && ver >= READ_COMPAT_VERSION))
        return CHR_OK;
    if (st->readonly)
        return chr_diag_set(
            d, CHR_EDB, st->path, 0, -1,
            "database schema version %d is older than %d: run 'chronicle ingest' to migrate", ver,
            N_MIGRATIONS);
    for (int v = ver; v < N_MIGRATIONS; v++) {
        char *msg = NULL;
        char set[64];
        if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK) {
            chr_diag_set(d, CHR_EDB, st->path, 0, -1, "migration %d failed: %s", v + 1,
                         msg ? msg : sqlite3_errmsg(st->db));
            sqlite3_free(msg);
            return CHR_EDB;
        }
        /* under the write lock, again: another process opening the same
         * new database may have migrated it since the version was read */
        int now = v;
        if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK) {
            if (sqlite3_step(q) == SQLITE_ROW)
                now = sqlite3_column_int(q, 0);
            sqlite3_finalize(q);
        }
        if (now > v) {
            sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
            if (now > N_MIGRATIONS)
                return chr_diag_set(d, CHR_EDB, st->path, 0, -1,
                                    "database schema version %d is newer than this chronicle (%d)",
                                    now, N_MIGRATIONS);
            v = now - 1;
            continue;
        }
        snprintf(set, sizeof set, "PRAGMA user_version=%d;", v + 1);
        if (sqlite3_exec(st->db, migrations[v], NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(st->db, set, NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(st->db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK) {
            chr_diag_set(d, CHR_EDB, st->path, 0, -1, "migration %d failed: %s", v + 1,
                         msg ? msg : sqlite3_errmsg(st->db));
            sqlite3_free(msg);
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
            return CHR_EDB;
        }
    }
    return CHR_OK;
}

/* The folder that holds path: can this process create files in it (the
 * WAL's -shm and -wal beside a database)? */
static int dir_writable(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return access(".", W_OK) == 0;
    if (slash == path)
        return access("/", W_OK) == 0;
    char dir[4096];
    size_t n = (size_t)(slash - path);
    if (n >= sizeof dir)
        return 1;
    memcpy(dir, path, n);
    dir[n] = 0;
    return access(dir, W_OK) == 0;
}

/* "file:" URI of path with immutable=1: a database in a folder this
 * process cannot write (an archive, a mount) is read without the WAL's
 * shared-memory file. Caller frees. */
static char *immutable_uri(const char *path)
{
    size_t n = strlen(path);
    char *u = malloc(3 * n + 32);
    if (!u)
        return NULL;
    size_t k = 0;
    k += (size_t)sprintf(u, "file:");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if (c == '?' || c == '#' || c == '%' || c < 0x21)
            k += (size_t)sprintf(u + k, "%%%02X", c);
        else
            u[k++] = (char)c;
    }
    strcpy(u + k, "?immutable=1");
    return u;
}

/* Whether db is another program's SQLite file: tables, but no schema
 * version of ours or no articles table (another program's user_version).
 * Opening it would switch it to WAL and add chronicle's tables to it. */
static int foreign_db(sqlite3 *db)
{
    sqlite3_stmt *q;
    int foreign = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT EXISTS (SELECT 1 FROM sqlite_master) AND "
                           "((SELECT user_version FROM pragma_user_version) = 0 OR NOT EXISTS "
                           "(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                           "'articles'))",
                           -1, &q, NULL) != SQLITE_OK)
        return 0; /* unreadable: the pragmas' error says what it is */
    if (sqlite3_step(q) == SQLITE_ROW)
        foreign = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return foreign;
}

chr_err chr_store_open(const char *path, int flags, chr_store **out, chr_diag *d)
{
    *out = NULL;
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return chr_diag_set(d, CHR_EDB, path, 0, -1, "is a directory, not a database file");
    if (!(flags & CHR_STORE_READONLY)) {
        if (stat(path, &sb) == 0 ? access(path, W_OK) != 0 : !dir_writable(path))
            return chr_diag_set(d, CHR_EDB, path, 0, -1,
                                stat(path, &sb) == 0
                                    ? "database is read-only for this user: cannot store into it"
                                    : "cannot create the database: its folder is not writable");
    }
    chr_store *st = calloc(1, sizeof *st);
    if (!st)
        return chr_diag_set(d, CHR_ENOMEM, path, 0, -1, NULL);
    st->path = strdup(path);
    st->lock_fd = -1;
    st->readonly = (flags & CHR_STORE_READONLY) != 0;
    int of = st->readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    of |= SQLITE_OPEN_NOMUTEX;
    char *uri = st->readonly && !dir_writable(path) ? immutable_uri(path) : NULL;
    if (uri)
        of |= SQLITE_OPEN_URI;
    int orc = sqlite3_open_v2(uri ? uri : path, &st->db, of, NULL);
    free(uri);
    if (orc != SQLITE_OK) {
        chr_err e = chr_diag_set(d, CHR_EDB, path, 0, -1, "cannot open database: %s",
                                 st->db ? sqlite3_errmsg(st->db) : "out of memory");
        chr_store_close(st);
        return e;
    }
    sqlite3_busy_timeout(st->db, 10000);
    sqlite3_extended_result_codes(st->db, 1);
    if (foreign_db(st->db)) {
        chr_err e = chr_diag_set(d, CHR_EDB, path, 0, -1,
                                 "not a chronicle database: it holds another program's tables");
        chr_store_close(st);
        return e;
    }
    const char *pragmas = st->readonly ? "PRAGMA foreign_keys=ON;"
                                       : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                         "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
                                         /* a 32 MB page cache and memory-mapped reads: the
                                          * story and timeline steps read back what
                                          * ingest just wrote */
                                         "PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456;";
    char *msg = NULL;
    /* switching a new file to WAL needs it alone: another process creating
     * the same database holds it for a moment, and the busy handler is not
     * asked for this one */
    int rc;
    for (int tries = 0;
         (rc = sqlite3_exec(st->db, pragmas, NULL, NULL, &msg)) == SQLITE_BUSY && tries < 200;
         tries++) {
        sqlite3_free(msg);
        msg = NULL;
        sqlite3_sleep(50);
    }
    if (rc != SQLITE_OK) {
        chr_err e = chr_diag_set(d, CHR_EDB, path, 0, -1, "not a usable database: %s",
                                 msg ? msg : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        chr_store_close(st);
        return e;
    }
    if (!register_functions(st->db)) {
        chr_err e = db_err(st, d, "registering SQL functions");
        chr_store_close(st);
        return e;
    }
    chr_err e = migrate(st, d);
    if (e) {
        chr_store_close(st);
        return e;
    }
    *out = st;
    return CHR_OK;
}

void chr_store_close(chr_store *st)
{
    if (!st)
        return;
    sqlite3_finalize(st->ins_article);
    sqlite3_finalize(st->ins_sentence);
    sqlite3_finalize(st->ins_timex);
    sqlite3_finalize(st->find_hash);
    sqlite3_finalize(st->find_ext);
    sqlite3_finalize(st->find_titled);
    sqlite3_finalize(st->find_entity);
    sqlite3_finalize(st->add_entity);
    sqlite3_finalize(st->count_entity);
    sqlite3_finalize(st->rep_timex);
    sqlite3_finalize(st->rep_mention);
    sqlite3_finalize(st->up_spelling);
    sqlite3_finalize(st->add_spelling);
    sqlite3_finalize(st->new_spelling);
    sqlite3_finalize(st->upd_spelling);
    sqlite3_finalize(st->get_spellings);
    sqlite3_finalize(st->copy_of);
    sqlite3_finalize(st->ins_copy);
    sqlite3_finalize(st->ins_mention);
    sqlite3_finalize(st->line_get);
    sqlite3_finalize(st->line_add);
    if (st->db)
        sqlite3_close_v2(st->db);
    if (st->lock_fd >= 0)
        close(st->lock_fd); /* releases the writer lock */
    free(st->path);
    free(st);
}

chr_err chr_store_lock_writer(chr_store *st, int wait, chr_diag *d)
{
    if (st->lock_depth) {
        st->lock_depth++;
        return CHR_OK;
    }
    if (st->readonly)
        return chr_diag_set(d, CHR_EINVAL, st->path, 0, -1, "opened read-only: cannot write");
    if (!st->path[0] || strcmp(st->path, ":memory:") == 0) { /* this handle's alone */
        st->lock_depth = 1;
        return CHR_OK;
    }
    if (st->lock_fd < 0) {
        /* next to the file itself, whatever link named it (SQLite resolves
         * links for its own -wal and -shm): two names of one database
         * share one lock */
        const char *file = sqlite3_db_filename(st->db, "main");
        char *real = realpath(file && *file ? file : st->path, NULL);
        const char *base = real ? real : st->path;
        size_t n = strlen(base) + sizeof "-lock";
        char *lp = malloc(n);
        if (!lp) {
            free(real);
            return chr_diag_set(d, CHR_ENOMEM, st->path, 0, -1, NULL);
        }
        snprintf(lp, n, "%s-lock", base);
        free(real);
        st->lock_fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (st->lock_fd < 0 && errno == EACCES) /* another user's: flock needs no write */
            st->lock_fd = open(lp, O_RDONLY | O_CLOEXEC);
        int err = errno;
        free(lp);
        if (st->lock_fd < 0)
            return chr_diag_set(d, CHR_EIO, st->path, 0, -1, "cannot open its writer lock: %s",
                                strerror(err));
    }
    int rc;
    while ((rc = flock(st->lock_fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB)) != 0 && errno == EINTR)
        ;
    if (rc != 0)
        return errno == EWOULDBLOCK
                   ? chr_diag_set(d, CHR_EBUSY, st->path, 0, -1,
                                  "another process is ingesting into this database")
                   : chr_diag_set(d, CHR_EIO, st->path, 0, -1, "cannot take its writer lock: %s",
                                  strerror(errno));
    st->lock_depth = 1;
    return CHR_OK;
}

void chr_store_unlock_writer(chr_store *st)
{
    if (st && st->lock_depth && --st->lock_depth == 0 && st->lock_fd >= 0)
        flock(st->lock_fd, LOCK_UN);
}

sqlite3 *chr_store_sqlite(chr_store *st)
{
    return st->db;
}

int chr_store_schema_version(chr_store *st)
{
    (void)st;
    return N_MIGRATIONS;
}

chr_err chr_store_begin(chr_store *st)
{
    return sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK ? CHR_OK
                                                                                  : CHR_EDB;
}

/* Articles not yet in the full-text index (ids above the last indexed one;
 * the docsize table has a row per indexed article) go in with one
 * statement. */
static int index_new_articles(chr_store *st)
{
    return sqlite3_exec(st->db,
                        "INSERT INTO articles_fts(rowid, title, clean_text)"
                        " SELECT id, title, clean_text FROM articles WHERE id >"
                        " (SELECT coalesce(max(id), 0) FROM articles_fts_docsize)",
                        NULL, NULL, NULL) == SQLITE_OK;
}

chr_err chr_store_commit(chr_store *st)
{
    if (!index_new_articles(st))
        return CHR_EDB;
    return sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? CHR_OK : CHR_EDB;
}

void chr_store_rollback(chr_store *st)
{
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

static int prep(chr_store *st, sqlite3_stmt **q, const char *sql)
{
    if (*q) {
        sqlite3_reset(*q);
        sqlite3_clear_bindings(*q);
        return SQLITE_OK;
    }
    return sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, q, NULL);
}

static void bind_text(sqlite3_stmt *q, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(q, i);
}

/* The article id that text parameters arg (and arg2 when not NULL) find
 * through *q (sql), 0 none. */
static int64_t find_id2(chr_store *st, sqlite3_stmt **q, const char *sql, const char *arg,
                        const char *arg2)
{
    if (!arg || prep(st, q, sql) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(*q, 1, arg, -1, SQLITE_STATIC);
    if (arg2)
        sqlite3_bind_text(*q, 2, arg2, -1, SQLITE_STATIC);
    int64_t id = 0;
    if (sqlite3_step(*q) == SQLITE_ROW)
        id = sqlite3_column_int64(*q, 0);
    sqlite3_reset(*q);
    return id;
}

static int64_t find_id(chr_store *st, sqlite3_stmt **q, const char *sql, const char *arg)
{
    return find_id2(st, q, sql, arg, NULL);
}

int64_t chr_store_find_hash(chr_store *st, const char *hash_hex)
{
    return find_id(st, &st->find_hash, "SELECT id FROM articles WHERE hash = ?1", hash_hex);
}

int64_t chr_store_find_doc(chr_store *st, const chr_doc *doc)
{
    int64_t id = chr_store_find_hash(st, doc->hash_hex);
    if (!id && doc->text_hash_hex[0] && doc->title)
        id =
            find_id2(st, &st->find_titled, "SELECT id FROM articles WHERE hash = ?1 AND title = ?2",
                     doc->text_hash_hex, doc->title);
    return id;
}

int64_t chr_store_find_ext_id(chr_store *st, const char *ext_id)
{
    return find_id(st, &st->find_ext, "SELECT max(id) FROM articles WHERE ext_id = ?1", ext_id);
}

/* The name of an input without its folder ("a/b/feed.jsonl#12" ->
 * "feed.jsonl#12"): the same input read from another directory. */
static const char *input_name(const char *source)
{
    const char *slash = strrchr(source, '/');
    return slash ? slash + 1 : source;
}

static int same_text_field(const char *a, const char *b)
{
    return !a || !b || strcmp(a, b) == 0;
}

chr_err chr_store_add_copy(chr_store *st, int64_t id, const chr_article *a, int *added, chr_diag *d)
{
    if (added)
        *added = 0;
    if (!a->source)
        return CHR_OK;
    if (prep(st, &st->copy_of, "SELECT source, outlet, url, ext_id FROM articles WHERE id = ?1") !=
        SQLITE_OK)
        return db_err(st, d, "reading an article's input");
    sqlite3_stmt *q = st->copy_of;
    sqlite3_bind_int64(q, 1, id);
    int own = 0;
    if (sqlite3_step(q) == SQLITE_ROW) {
        const char *src = (const char *)sqlite3_column_text(q, 0);
        const char *outlet = (const char *)sqlite3_column_text(q, 1);
        const char *url = (const char *)sqlite3_column_text(q, 2);
        const char *ext = (const char *)sqlite3_column_text(q, 3);
        /* the same page or record (by its url or input id), or the same
         * input read again from another folder */
        own = (url && a->url && strcmp(url, a->url) == 0) ||
              (ext && a->ext_id && strcmp(ext, a->ext_id) == 0) ||
              (src && strcmp(input_name(src), input_name(a->source)) == 0 &&
               same_text_field(outlet, a->outlet) && same_text_field(url, a->url) &&
               same_text_field(ext, a->ext_id));
    } else {
        own = 1; /* no such article: nothing to attach a copy to */
    }
    sqlite3_reset(q);
    if (own)
        return CHR_OK;
    if (prep(st, &st->ins_copy,
             "INSERT OR IGNORE INTO copies(article_id, source, outlet, url, ext_id, pub_date)"
             " VALUES(?1,?2,?3,?4,?5,?6)") != SQLITE_OK)
        return db_err(st, d, "preparing copy insert");
    q = st->ins_copy;
    sqlite3_bind_int64(q, 1, id);
    bind_text(q, 2, a->source);
    bind_text(q, 3, a->outlet);
    bind_text(q, 4, a->url);
    bind_text(q, 5, a->ext_id);
    bind_text(q, 6, a->pub_date);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return db_err(st, d, "storing copy");
    if (added)
        *added = sqlite3_changes(st->db) > 0;
    return CHR_OK;
}

int chr_store_line_count(chr_store *st, uint64_t hash)
{
    if (prep(st, &st->line_get, "SELECT n FROM line_seen WHERE hash = ?1") != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(st->line_get, 1, (sqlite3_int64)hash);
    int n = sqlite3_step(st->line_get) == SQLITE_ROW ? sqlite3_column_int(st->line_get, 0) : 0;
    sqlite3_reset(st->line_get);
    return n;
}

chr_err chr_store_count_lines(chr_store *st, const uint64_t *hashes, size_t n, chr_diag *d)
{
    for (size_t i = 0; i < n; i++) {
        if (prep(st, &st->line_add,
                 "INSERT INTO line_seen(hash, n) VALUES(?1, 1)"
                 " ON CONFLICT(hash) DO UPDATE SET n = n + 1") != SQLITE_OK)
            return db_err(st, d, "counting lines");
        sqlite3_bind_int64(st->line_add, 1, (sqlite3_int64)hashes[i]);
        int rc = sqlite3_step(st->line_add);
        sqlite3_reset(st->line_add);
        if (rc != SQLITE_DONE)
            return db_err(st, d, "counting lines");
    }
    return CHR_OK;
}

chr_err chr_store_put_article(chr_store *st, const chr_article *a, const chr_doc *doc, int64_t *id,
                              chr_diag *d)
{
    *id = chr_store_find_doc(st, doc);
    if (*id)
        return CHR_EDUP;
    if (prep(st, &st->ins_article,
             "INSERT INTO articles(hash, source, ext_id, url, title, author, outlet, lang,"
             " pub_date, pub_date_source, pub_date_confidence, dateline_place, dateline_agency,"
             " dateline_date, format, flags, charset, raw_text, clean_text, extra)"
             " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)") !=
        SQLITE_OK)
        return db_err(st, d, "preparing article insert");
    sqlite3_stmt *q = st->ins_article;
    bind_text(q, 1, doc->hash_hex);
    bind_text(q, 2, a->source ? a->source : "-");
    bind_text(q, 3, a->ext_id);
    bind_text(q, 4, a->url);
    bind_text(q, 5, doc->title ? doc->title : a->title);
    bind_text(q, 6, a->author ? a->author : doc->author);
    /* outlet: as given by metadata, else the agency the dateline names */
    bind_text(q, 7, a->outlet ? a->outlet : doc->dateline_agency);
    bind_text(q, 8, doc->lang);
    bind_text(q, 9, a->pub_date);
    bind_text(q, 10, a->pub_date ? chr_date_src_name(a->pub_date_source) : NULL);
    if (a->pub_date)
        sqlite3_bind_double(q, 11, 1.0);
    bind_text(q, 12, doc->dateline_place);
    bind_text(q, 13, doc->dateline_agency);
    bind_text(q, 14, doc->dateline_date);
    bind_text(q, 15, chr_format_name(a->format));
    sqlite3_bind_int(q, 16, (int)a->flags);
    bind_text(q, 17, a->charset);
    sqlite3_bind_text(q, 18, a->text ? a->text : "", (int)a->text_len, SQLITE_STATIC);
    sqlite3_bind_text(q, 19, doc->clean, (int)doc->clean_len, SQLITE_STATIC);
    bind_text(q, 20, a->extra);
    if (sqlite3_step(q) != SQLITE_DONE) {
        chr_err e = db_err(st, d, "storing article");
        sqlite3_reset(q);
        return e;
    }
    sqlite3_reset(q);
    *id = sqlite3_last_insert_rowid(st->db);
    if (prep(st, &st->ins_sentence,
             "INSERT INTO sentences(article_id, idx, start, end) VALUES(?1,?2,?3,?4)") != SQLITE_OK)
        return db_err(st, d, "preparing sentence insert");
    for (size_t i = 0; i < doc->n_sentences; i++) {
        sqlite3_stmt *s = st->ins_sentence;
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, *id);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(s, 3, (sqlite3_int64)doc->sentences[i].start);
        sqlite3_bind_int64(s, 4, (sqlite3_int64)doc->sentences[i].end);
        if (sqlite3_step(s) != SQLITE_DONE)
            return db_err(st, d, "storing sentence");
    }
    return CHR_OK;
}

/* Step the one-row INSERT q after bind(q, row). When a constraint refuses
 * the row (one with its key is stored), the row goes in by *rep, prepared
 * from rep_sql on first use: the same statement as INSERT OR REPLACE, so the
 * table ends as OR REPLACE alone would leave it. OR REPLACE on a table with
 * foreign keys runs in a statement journal (SQLite copies each page the row
 * touches: twice the time of the plain insert inside the file's long
 * transaction); the plain INSERT does not, and a refused one has written
 * nothing. Returns the last step's result code. */
static int insert_or_replace(chr_store *st, sqlite3_stmt *q, sqlite3_stmt **rep,
                             const char *rep_sql, void (*bind)(sqlite3_stmt *, const void *),
                             const void *row)
{
    bind(q, row);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if ((rc & 0xff) != SQLITE_CONSTRAINT)
        return rc;
    rc = prep(st, rep, rep_sql);
    if (rc != SQLITE_OK)
        return rc;
    bind(*rep, row);
    rc = sqlite3_step(*rep);
    sqlite3_reset(*rep);
    return rc;
}

#define TIMEX_INTO                                                                                 \
    " INTO timexes(article_id, start, end, sentence, type, value, end_value)"                      \
    " VALUES(?1,?2,?3,?4,?5,?6,?7)"

typedef struct timex_row {
    int64_t article;
    const chr_timex *tx;
    size_t sentence;
} timex_row;

static void bind_timex(sqlite3_stmt *s, const void *row)
{
    const timex_row *r = row;
    sqlite3_bind_int64(s, 1, r->article);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)r->tx->start);
    sqlite3_bind_int64(s, 3, (sqlite3_int64)r->tx->end);
    sqlite3_bind_int64(s, 4, (sqlite3_int64)r->sentence);
    sqlite3_bind_text(s, 5, chr_timex_type_name(r->tx->type), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, r->tx->value, -1, SQLITE_STATIC);
    bind_text(s, 7, r->tx->end_value[0] ? r->tx->end_value : NULL);
}

chr_err chr_store_put_timexes(chr_store *st, int64_t id, const chr_timex *tx, const size_t *sent,
                              size_t n, chr_diag *d)
{
    if (n == 0)
        return CHR_OK;
    if (prep(st, &st->ins_timex, "INSERT" TIMEX_INTO) != SQLITE_OK)
        return db_err(st, d, "preparing timex insert");
    for (size_t i = 0; i < n; i++) {
        timex_row r = {id, &tx[i], sent[i]};
        if (insert_or_replace(st, st->ins_timex, &st->rep_timex, "INSERT OR REPLACE" TIMEX_INTO,
                              bind_timex, &r) != SQLITE_DONE)
            return db_err(st, d, "storing timex");
    }
    return CHR_OK;
}

/* Count e's spelling under key and choose the key's spelling: among those
 * written at least a quarter as often as the most written (the one shown
 * now: an eighth), the best by
 * chr_entity_spelling, then the most written, then stored (the key's
 * spelling now). A key written one way has no rows in spellings (its
 * entities' mentions count it); the first other spelling gives stored its
 * row with those mentions, so that a key's rows, once it has any, sum its
 * mentions. *best is malloc'd, or NULL when stored stays. An SQLite result
 * code. */
static int vote_spelling(chr_store *st, const chr_entity *e, const char *key, const char *stored,
                         char **best)
{
    *best = NULL;
    int n = e->mentions > 0 ? e->mentions : 1, rc;
    sqlite3_stmt **q = &st->add_spelling;
    if (!stored || strcmp(stored, e->canonical) == 0) {
        q = &st->upd_spelling;
        rc = prep(st, q, "UPDATE spellings SET n = n + ?3 WHERE key = ?1 AND spelling = ?2");
    } else {
        rc = prep(st, &st->new_spelling,
                  "INSERT INTO spellings(key, spelling, n) SELECT ?1, ?2, sum(mentions) - ?3"
                  " FROM entities WHERE key = ?1 AND NOT EXISTS"
                  " (SELECT 1 FROM spellings WHERE key = ?1) HAVING count(*) > 0");
        if (rc == SQLITE_OK) {
            bind_text(st->new_spelling, 1, key);
            bind_text(st->new_spelling, 2, stored);
            sqlite3_bind_int(st->new_spelling, 3, e->mentions);
            rc =
                sqlite3_step(st->new_spelling) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(st->db);
            sqlite3_reset(st->new_spelling);
        }
        if (rc == SQLITE_OK)
            rc = prep(st, q,
                      "INSERT INTO spellings(key, spelling, n) VALUES(?1, ?2, ?3)"
                      " ON CONFLICT(key, spelling) DO UPDATE SET n = n + excluded.n");
    }
    if (rc != SQLITE_OK)
        return rc;
    bind_text(*q, 1, key);
    bind_text(*q, 2, e->canonical);
    sqlite3_bind_int(*q, 3, n);
    rc = sqlite3_step(*q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(st->db);
    sqlite3_reset(*q);
    if (rc != SQLITE_OK || q == &st->upd_spelling)
        return rc;
    rc = prep(st, &st->get_spellings,
              "SELECT spelling, n, max(n) OVER () FROM spellings WHERE key = ?1");
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *g = st->get_spellings;
    bind_text(g, 1, key);
    const char *pick = NULL;
    int64_t pick_n = 0;
    int pick_rank = 0, pick_stored = 0;
    char *copy = NULL;
    while ((rc = sqlite3_step(g)) == SQLITE_ROW) {
        const char *sp = (const char *)sqlite3_column_text(g, 0);
        int64_t c = sqlite3_column_int64(g, 1), most = sqlite3_column_int64(g, 2);
        int is_stored = strcmp(sp ? sp : "", stored) == 0;
        if (!sp || (is_stored ? 8 : 4) * c < most)
            continue; /* the one shown stays down to an eighth: no spelling that
                       * comes and goes with every few articles */
        int rank = chr_entity_spelling(sp);
        if (pick && (rank < pick_rank || (rank == pick_rank && c < pick_n) ||
                     (rank == pick_rank && c == pick_n && !is_stored)))
            continue;
        free(copy);
        if (!(copy = strdup(sp))) {
            rc = SQLITE_NOMEM;
            break;
        }
        pick = copy, pick_n = c, pick_rank = rank, pick_stored = is_stored;
    }
    sqlite3_reset(g);
    if (rc != SQLITE_DONE || !pick || pick_stored) {
        free(copy);
        return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    *best = copy;
    return SQLITE_OK;
}

/* Upsert entity e under key (its chr_entity_key) into *eid. One spelling
 * per key, chosen by how often each was written (vote_spelling); a new
 * choice replaces the spelling in every row of the key; e->canonical
 * becomes the key's spelling. A row of the key and e's type gains e's
 * mentions (and a country and role it lacks); else a new row takes the
 * spelling of the key's first row by type, or e's. A lookup, then a plain
 * UPDATE or INSERT: neither needs a statement journal, which an INSERT ...
 * ON CONFLICT ... RETURNING did (SQLite runs RETURNING as a trigger). An
 * SQLite result code. */
static int upsert_entity(chr_store *st, chr_entity *e, const char *key, int64_t *eid)
{
    int rc = prep(st, &st->find_entity,
                  "SELECT id, type, canonical FROM entities WHERE key = ?1 ORDER BY type");
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *q = st->find_entity;
    bind_text(q, 1, key);
    const char *type = chr_ent_type_name(e->type);
    char *first = NULL;
    int64_t id = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(q, 1);
        const char *c = (const char *)sqlite3_column_text(q, 2);
        int mine = t && strcmp(t, type) == 0;
        if ((!first || mine) && c) {
            free(first); /* the spelling: the first row's, or that of e's own */
            if (!(first = strdup(c))) {
                rc = SQLITE_NOMEM;
                break;
            }
        }
        if (mine) {
            id = sqlite3_column_int64(q, 0);
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(q);
    if (rc != SQLITE_DONE) {
        free(first);
        return rc;
    }
    if (id) {
        rc = prep(st, &st->count_entity,
                  "UPDATE entities SET mentions = mentions + ?2, country = coalesce(country, ?3),"
                  " role = coalesce(role, ?4) WHERE id = ?1");
        if (rc == SQLITE_OK) {
            q = st->count_entity;
            sqlite3_bind_int64(q, 1, id);
            sqlite3_bind_int(q, 2, e->mentions);
            bind_text(q, 3, e->country);
            bind_text(q, 4, e->role);
        }
    } else {
        rc = prep(st, &st->add_entity,
                  "INSERT INTO entities(canonical, key, type, country, role, mentions)"
                  " VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        if (rc == SQLITE_OK) {
            q = st->add_entity;
            bind_text(q, 1, first ? first : e->canonical);
            bind_text(q, 2, key);
            sqlite3_bind_text(q, 3, type, -1, SQLITE_STATIC);
            bind_text(q, 4, e->country);
            bind_text(q, 5, e->role);
            sqlite3_bind_int(q, 6, e->mentions);
        }
    }
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(st->db);
        sqlite3_reset(q);
        if (rc == SQLITE_OK && !id)
            id = sqlite3_last_insert_rowid(st->db);
    }
    *eid = id;
    char *best = NULL;
    if (rc == SQLITE_OK)
        rc = vote_spelling(st, e, key, first, &best);
    if (rc != SQLITE_OK || (!best && !first)) {
        free(first);
        return rc;
    }
    free(e->canonical);
    if (!best) {
        e->canonical = first; /* the key's spelling stays */
        return SQLITE_OK;
    }
    free(first);
    e->canonical = best;
    rc = prep(st, &st->up_spelling, "UPDATE entities SET canonical = ?1 WHERE key = ?2");
    if (rc != SQLITE_OK)
        return rc;
    bind_text(st->up_spelling, 1, best);
    bind_text(st->up_spelling, 2, key);
    rc = sqlite3_step(st->up_spelling) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_reset(st->up_spelling);
    return rc;
}

#define MENTION_INTO                                                                               \
    " INTO mentions(article_id, start, end, sentence, entity_id, type, flags)"                     \
    " VALUES(?1,?2,?3,?4,?5,?6,?7)"

typedef struct mention_row {
    int64_t article;
    const chr_mention *m;
    size_t sentence;
    int64_t entity;
} mention_row;

static void bind_mention(sqlite3_stmt *q, const void *row)
{
    const mention_row *r = row;
    sqlite3_bind_int64(q, 1, r->article);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)r->m->start);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)r->m->end);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)r->sentence);
    sqlite3_bind_int64(q, 5, r->entity);
    sqlite3_bind_text(q, 6, chr_ent_type_name(r->m->type), -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 7, (int)r->m->flags);
}

chr_err chr_store_put_entities(chr_store *st, int64_t id, chr_entities *ents, const size_t *sent,
                               int64_t *entity_ids, chr_diag *d)
{
    if (ents->n_entities == 0)
        return CHR_OK;
    for (size_t i = 0; i < ents->n_entities; i++) {
        chr_entity *e = &ents->entities[i];
        if (!e->canonical)
            return chr_diag_set(d, CHR_EINVAL, st->path, 0, -1, "storing an entity without a name");
        char buf[256], *key = name_key(e->canonical, buf, sizeof buf);
        if (!key)
            return chr_diag_set(d, CHR_ENOMEM, st->path, 0, -1, NULL);
        int rc = upsert_entity(st, e, key, &entity_ids[i]);
        if (key != buf)
            free(key);
        if (rc == SQLITE_NOMEM)
            return chr_diag_set(d, CHR_ENOMEM, st->path, 0, -1, NULL);
        if (rc != SQLITE_OK)
            return db_err(st, d, "storing entity");
    }
    if (prep(st, &st->ins_mention, "INSERT" MENTION_INTO) != SQLITE_OK)
        return db_err(st, d, "preparing mention insert");
    for (size_t i = 0; i < ents->n_mentions; i++) {
        const chr_mention *m = &ents->mentions[i];
        if (m->entity < 0 || (size_t)m->entity >= ents->n_entities)
            continue;
        mention_row r = {id, m, sent[i], entity_ids[m->entity]};
        if (insert_or_replace(st, st->ins_mention, &st->rep_mention,
                              "INSERT OR REPLACE" MENTION_INTO, bind_mention, &r) != SQLITE_DONE)
            return db_err(st, d, "storing mention");
    }
    return CHR_OK;
}

chr_err chr_store_delete_timexes(chr_store *st, int64_t id)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "DELETE FROM timexes WHERE article_id = ?1", -1, &q, NULL) !=
        SQLITE_OK)
        return CHR_EDB;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? CHR_OK : CHR_EDB;
}

chr_err chr_store_set_pub_date(chr_store *st, int64_t id, const char *date, chr_date_src src,
                               double confidence)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "UPDATE articles SET pub_date=?1, pub_date_source=?2, "
                           "pub_date_confidence=?3 WHERE id=?4",
                           -1, &q, NULL) != SQLITE_OK)
        return CHR_EDB;
    bind_text(q, 1, date);
    bind_text(q, 2, chr_date_src_name(src));
    if (date)
        sqlite3_bind_double(q, 3, confidence);
    else
        sqlite3_bind_null(q, 3);
    sqlite3_bind_int64(q, 4, id);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? CHR_OK : CHR_EDB;
}

chr_err chr_store_log_error(chr_store *st, const chr_diag *d)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO ingest_errors(file, line, offset, code, message)"
                           " VALUES(?1,?2,?3,?4,?5)",
                           -1, &q, NULL) != SQLITE_OK)
        return CHR_EDB;
    bind_text(q, 1, d->file);
    if (d->line > 0)
        sqlite3_bind_int64(q, 2, d->line);
    if (d->offset >= 0)
        sqlite3_bind_int64(q, 3, d->offset);
    bind_text(q, 4, chr_strerror(d->code));
    bind_text(q, 5, d->msg);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? CHR_OK : CHR_EDB;
}
