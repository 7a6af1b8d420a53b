/* chronicle — store: the embedded SQLite database (WAL).
 * Owns: opening, the writer lock, the schema and its migrations (PRAGMA
 * user_version), and the article/sentence tables. Other modules that persist state (time, entity,
 * dedup, cluster, timeline) register their tables as migrations in store.c
 * and use chr_store_sqlite() for their own statements. */
#ifndef CHRONICLE_STORE_H
#define CHRONICLE_STORE_H

#include <stdint.h>

#include "chronicle/clean.h"
#include "chronicle/error.h"
#include "chronicle/ingest.h"
#include "chronicle/entity.h"
#include "chronicle/time.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct chr_store chr_store;
struct sqlite3;

enum { CHR_STORE_READONLY = 1 << 0 };

/* Open (creating and migrating if needed) the database at path. */
chr_err chr_store_open(const char *path, int flags, chr_store **out, chr_diag *d);
void chr_store_close(chr_store *st);

/* The underlying connection, owned by the store. */
struct sqlite3 *chr_store_sqlite(chr_store *st);

/* Schema version after migrations. */
int chr_store_schema_version(chr_store *st);

/* The writer lock: one process at a time ingests into a database. An
 * ingest keeps state between its commits (the story step's model) that
 * another writer's commits would make stale, so a writer takes the lock
 * before it loads any and keeps it until it is done; readers never take
 * it. It is an advisory lock (flock) on the file PATH-lock beside the
 * database, released by chr_store_unlock_writer, chr_store_close or the end
 * of the process (a killed ingest holds nothing). With wait = 0 it returns
 * CHR_EBUSY when another handle holds it; else it waits. Calls nest: the
 * lock is released by the last unlock. chr_pipeline_open takes it. */
chr_err chr_store_lock_writer(chr_store *st, int wait, chr_diag *d);
void chr_store_unlock_writer(chr_store *st);

/* One transaction. chr_store_commit first enters the articles stored since
 * the last commit into the full-text index (articles_fts), in one statement. */
chr_err chr_store_begin(chr_store *st);
chr_err chr_store_commit(chr_store *st);
void chr_store_rollback(chr_store *st);

/* Article id by content hash, 0 if absent. */
int64_t chr_store_find_hash(chr_store *st, const char *hash_hex);

/* The stored article doc is: by its content hash, or, for a short text
 * identified with its title (chr_doc.text_hash_hex), one that a store
 * written before the title counted holds under the text's hash with the
 * same title. 0 if none. */
int64_t chr_store_find_doc(chr_store *st, const chr_doc *doc);

/* The latest article stored with this input id (chr_article.ext_id), 0 if
 * none. */
int64_t chr_store_find_ext_id(chr_store *st, const char *ext_id);

/* Record input a as a copy of stored article id: its text, cleaned, is the
 * article's word for word (a wire story in another outlet, a page saved
 * twice). Kept: its source, outlet, url, input id and publication date. Not
 * recorded: the article's own page or record again (the same url or input
 * id), its input read again (the same file name, line or offset, from any
 * folder, with no other outlet, url or id), or a copy recorded already.
 * *added (may be NULL) is set when a row was added. */
chr_err chr_store_add_copy(chr_store *st, int64_t id, const chr_article *a, int *added,
                           chr_diag *d);

/* How many stored articles carried the short paragraph with this hash
 * (chr_doc_short_lines), and count one more for each of hashes[0..n). */
int chr_store_line_count(chr_store *st, uint64_t hash);
chr_err chr_store_count_lines(chr_store *st, const uint64_t *hashes, size_t n, chr_diag *d);

/* Insert an article and its document (and sentences). *id receives the new
 * row id. Returns CHR_EDUP (with *id = existing id) when the hash is stored. */
chr_err chr_store_put_article(chr_store *st, const chr_article *a, const chr_doc *doc, int64_t *id,
                              chr_diag *d);

/* Store the timexes of article id (offsets into its clean text); sent[i] is
 * the index of the sentence holding tx[i]. */
chr_err chr_store_put_timexes(chr_store *st, int64_t id, const chr_timex *tx, const size_t *sent,
                              size_t n, chr_diag *d);

/* Store the entities and mentions of article id: entities are upserted by
 * name and type, the name compared by chr_entity_key ("Alí Abdalá Saleh"
 * and "Ali Abdalá Saleh" are one row), and their database ids written to
 * entity_ids (caller allocates ents->n_entities slots); sent[i] is the
 * sentence of mention i. The rows of one key show one spelling, the best
 * seen (chr_entity_spelling): each entity's canonical is replaced by it, so
 * that later stages (story entities) name it as the database does. */
chr_err chr_store_put_entities(chr_store *st, int64_t id, chr_entities *ents, const size_t *sent,
                               int64_t *entity_ids, chr_diag *d);

/* Remove the timexes of article id (before storing new ones). */
chr_err chr_store_delete_timexes(chr_store *st, int64_t id);

/* Set an inferred publication date on an article. */
chr_err chr_store_set_pub_date(chr_store *st, int64_t id, const char *date, chr_date_src src,
                               double confidence);

/* Record an ingest problem (file, line, reason) for later listing. */
chr_err chr_store_log_error(chr_store *st, const chr_diag *d);

#ifdef __cplusplus
}
#endif
#endif
