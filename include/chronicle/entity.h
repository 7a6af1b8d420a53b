/* chronicle — entity: named-entity recognition and in-document alias linking.
 * Owns: chr_ner (the built-in tagger model and gazetteers), chr_ner_tag
 * (mentions typed PER/LOC/ORG/MISC and grouped into entities) and story-level
 * merging of several documents' entities. Does not split sentences (text.h)
 * or store anything (store.h). */
#ifndef CHRONICLE_ENTITY_H
#define CHRONICLE_ENTITY_H

#include <stddef.h>

#include "chronicle/error.h"
#include "chronicle/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CoNLL-2003 entity types. */
typedef enum chr_ent_type { CHR_ENT_PER = 0, CHR_ENT_LOC, CHR_ENT_ORG, CHR_ENT_MISC } chr_ent_type;

#define CHR_ENT_NTYPES 4

/* "PER", "LOC", "ORG", "MISC"; static, never NULL. */
const char *chr_ent_type_name(chr_ent_type t);

/* Parse a type name ("PER", ...); returns -1 when unknown. */
int chr_ent_type_parse(const char *name);

/* The tagger: model weights plus gazetteers, all compiled into the binary.
 * Read-only after chr_ner_open, so one chr_ner may be used by many threads
 * at once. */
typedef struct chr_ner chr_ner;

/* Open the built-in model and gazetteers (no data files are read). *out is
 * freed with chr_ner_close. */
chr_err chr_ner_open(chr_ner **out, chr_diag *d);
void chr_ner_close(chr_ner *ner);

/* Flags of a mention. */
enum {
    /* a role standing for a named entity ("the Russian president" -> the
     * mention covers "president"); not a name, so not scored as one */
    CHR_MENTION_NOMINAL = 1u << 0,
    /* found by a rule or gazetteer rather than the statistical model */
    CHR_MENTION_RULE = 1u << 1,
};

/* One mention: [start, end) byte offsets into the tagged text; entity is an
 * index into chr_entities.entities; flags are CHR_MENTION_*. */
typedef struct chr_mention {
    size_t start, end;
    chr_ent_type type;
    int entity;
    unsigned flags;
} chr_mention;

/* One entity of a document: every mention of it carries its index.
 * canonical is the full name the document uses most ("Vladimir Putin"; an
 * acronym's expansion from the gazetteer, "United Nations" for "UN");
 * country is an ISO 3166-1 alpha-2 code ("RU") when the text or gazetteer
 * ties the entity to a country, else NULL; role is the title the text gives
 * a person ("president"), else NULL. Strings are owned by the chr_entities
 * that holds the entity. */
typedef struct chr_entity {
    char *canonical;
    chr_ent_type type;
    char *country;
    int mentions;
    char *role;
} chr_entity;

/* Result of chr_ner_tag; mentions are sorted by start offset and never
 * overlap. Release with chr_entities_free (which frees every string and both
 * arrays, then zeroes the struct). */
typedef struct chr_entities {
    chr_mention *mentions;
    size_t n_mentions;
    chr_entity *entities;
    size_t n_entities;
} chr_entities;

/* Tag one document: text[0..len) with its sentence spans (from
 * chr_split_sentences; when sents is NULL or n_sents is 0 the whole text is
 * treated as one sentence per line). lang is an ISO 639-1 code or NULL; the
 * statistical model is English-trained and reads capitalised names in any
 * Latin-script language; for a lang other than "en", its names are then
 * repaired (leading or trailing articles and prepositions cut, names made of
 * function words alone dropped, gazetteer places and organisations typed as
 * such). Links aliases within the document ("Putin" -> "Vladimir
 * Putin", "the Russian president" -> the person the text calls President of
 * Russia). Names are read in the sentences that end within the text's first
 * CHR_NER_MAX_TEXT bytes: linking compares mentions pairwise, and a news
 * article is shorter. On success *out is filled (caller frees with
 * chr_entities_free); on error *out is zeroed. */
#define CHR_NER_MAX_TEXT (256u * 1024u)
chr_err chr_ner_tag(const chr_ner *ner, const char *text, size_t len, const chr_span *sents,
                    size_t n_sents, const char *lang, chr_entities *out);

void chr_entities_free(chr_entities *e);

/* Drop the mentions that overlap any of spans[0..n) (sorted by start; e.g.
 * the document's date expressions: "Sâmbătă", "Dimanche" opening a
 * sentence are dates, not names), and the entities left without a mention;
 * the remaining entities are renumbered in order. */
void chr_entities_drop_spans(chr_entities *e, const chr_span *spans, size_t n);

/* Is name a bare common word that the tagger rightly calls an entity but
 * that names nothing in particular: an institution's head noun on its own
 * ("Gobierno", "Armée", "Senato") or a people ("Syrians")? Story
 * listings leave these out of a story's top entities. */
int chr_entity_generic(const char *name);

/* The identity of a name across a database: "Alí Abdalá Saleh", "ALI
 * ABDALA SALEH" and "Ali Abdalá Saleh" are one name, "Bashar al-Assad" and
 * "Bashar al Assad" one, "U.S." and "US" one. Letters case-folded and
 * stripped of accents, hyphens and dashes read as spaces, runs of spaces
 * as one, periods dropped, typographic apostrophes as "'". Spellings are
 * not guessed ("Abdalá" and "Abdullah" stay two names). Writes the key into
 * buf (cap bytes, always NUL-terminated when cap > 0, cut short when it
 * does not fit) and returns its full length, as snprintf does. */
size_t chr_entity_key(const char *name, char *buf, size_t cap);

/* How good a spelling of a name is to show, higher better: the
 * gazetteer's own name for it first ("Yemen", not "Yemén"), then the more
 * diacritics ("Alí Abdalá Saleh" over "Ali Abdalá Saleh": the accents a
 * careful writer gives it, which a hasty one leaves out). Of the spellings
 * of one key (chr_entity_key) the store shows the best of those written at
 * least a quarter as often as the most written (the one shown stays down
 * to an eighth), the most written among equals, then the one shown. */
int chr_entity_spelling(const char *name);

/* Story-level linking: merge the entities of n documents into one list.
 * *story receives the merged entities (mentions summed, mention arrays
 * empty); map[i][j] (caller-allocated, map[i] has docs[i].n_entities
 * slots) receives the story index of document i's entity j. map may be NULL.
 * Caller frees *story with chr_entities_free. */
chr_err chr_entities_link_story(const chr_entities *docs, size_t n, chr_entities *story, int **map);

#ifdef __cplusplus
}
#endif
#endif
