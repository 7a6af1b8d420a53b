/* chronicle — clean: from a raw article to a document.
 * Owns: boilerplate removal (comment forms, share bars, credits, agency IDs),
 * dateline parsing (place, agency), Unicode normalisation (NFC, quotes,
 * spaces), the content hash, and chr_doc, the cleaned document with its
 * sentences. Never modifies the article; later stages read chr_doc only. */
#ifndef CHRONICLE_CLEAN_H
#define CHRONICLE_CLEAN_H

#include <stdint.h>

#include "chronicle/ingest.h"
#include "chronicle/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A cleaned document. Owns all its strings and arrays (chr_doc_free). */
typedef struct chr_doc {
    char *clean; /* clean text, NFC, paragraphs separated by "\n\n" */
    size_t clean_len;
    char *title;           /* cleaned headline or NULL */
    char *author;          /* byline found in the text ("By Jane Doe") or NULL */
    char *dateline_place;  /* "Moscow" from "MOSCOW, May 14. /TASS/." or NULL */
    char *dateline_agency; /* "TASS" or NULL */
    char *dateline_date;   /* raw date text of the dateline ("May 14") or NULL */
    char *stamp;           /* the page's publication stamp line, removed from the text
                              ("Pubblicato il 12 marzo 2013 alle 14:32"), or NULL */
    char lang[8];          /* ISO 639-1 */
    double lang_confidence;
    chr_span *sentences; /* into clean; a footnote's left out ("NOTE: ...": it stays in
                            the text, but no date, name or summary line comes
                            from it; see docs/ingest.md) */
    size_t n_sentences;
    uint64_t hash_hi, hash_lo; /* XXH3-128 of the clean text chr_clean made
                                  (chr_doc_drop_lines leaves it), with the
                                  title before it when the text is short
                                  and shares no word with it
                                  (CHR_SHORT_TEXT_WORDS) */
    char hash_hex[33];
    char text_hash_hex[33]; /* the clean text's alone when hash_hex includes the
                               title, else "": the identity a store written
                               before the title counted gave it */
    int removed_lines;      /* boilerplate lines/fragments removed */
} chr_doc;

/* A text of fewer words than this that shares no word of four letters or
 * more with its title is identified with its title: two feed items whose
 * bodies are the same placeholder ("Subscribe to read", "****** Blah blah
 * blah.") under different titles are two articles, while a wire brief
 * under changed headlines ("Quake hits northern Chile") or a longer text
 * under a changed headline is a copy of one. */
#define CHR_SHORT_TEXT_WORDS 20

/* Clean an article into a new document (sentences split, language
 * identified). Returns CHR_EEMPTY when nothing but boilerplate remains. */
chr_err chr_clean(const chr_article *a, chr_doc **out, chr_diag *d);

/* chr_clean without language identification and sentence splitting (lang
 * empty, no sentences): the clean text and its content hash only, for a
 * quick look at what an article would be. */
chr_err chr_clean_text(const chr_article *a, chr_doc **out, chr_diag *d);

/* Finish a document chr_clean_text made of a into the one chr_clean makes
 * (language identified, sentences split), so that an article looked at
 * first is cleaned once. Call once per document. On error (CHR_ENOMEM) doc
 * is still the caller's to free. */
chr_err chr_clean_finish(const chr_article *a, chr_doc *doc, chr_diag *d);

void chr_doc_free(chr_doc *doc);

/* Corpus furniture: a short paragraph without figures that does not end as
 * a sentence or a quotation does (a menu entry, a footer, another story's
 * headline: at most CHR_LINE_MAX bytes) that many other articles carry word
 * for word.
 * The store counts them (chr_store_count_lines); these give the doc's
 * side. */
#define CHR_LINE_MAX 160
/* Any paragraph up to CHR_BLOCK_MAX bytes is counted too: repeated ones go
 * when they stand in a run of three or more repeats (five when they hold
 * figures): a menu of other stories' headlines, which end as sentences and
 * hold figures as often as not. */
#define CHR_BLOCK_MAX 240
/* A paragraph longer than this that ends as a sentence does can be an
 * article's core (chr_doc_lead_hash). */
#define CHR_LEAD_MIN 100
/* Hash (nonzero) of the doc's longest paragraph that ends as a sentence
 * does (longer than CHR_LEAD_MIN bytes), its core: an article whose core others
 * carry too is a copy of theirs (wire copy), and its short lines are its
 * text, not a site's furniture. 0 when it has none. */
uint64_t chr_doc_lead_hash(const chr_doc *doc);
/* 64-bit hashes of doc's distinct paragraphs of at most CHR_BLOCK_MAX
 * bytes, its lead left out, into *out (malloc'd, caller frees; NULL when
 * none). */
chr_err chr_doc_short_lines(const chr_doc *doc, uint64_t **out, size_t *n);
/* Drop the furniture-shaped paragraphs for which is_furniture(ctx, hash)
 * is nonzero, and the other repeats of a run as CHR_BLOCK_MAX says, and
 * split the sentences again; *dropped receives how many went. The content
 * hash stays that of the cleaned article (re-ingesting it is still a
 * duplicate). Leaves doc as it was when nothing else would remain. */
chr_err chr_doc_drop_lines(chr_doc *doc, int (*is_furniture)(void *ctx, uint64_t hash), void *ctx,
                           int *dropped);
/* A placeholder: a short text identified with its title (text_hash_hex set)
 * every paragraph of which is_furniture calls repeated (hashes as
 * chr_doc_short_lines and chr_doc_lead_hash give them): the same "******
 * Blah blah blah." or "Subscribe to read" under many titles. */
int chr_doc_placeholder(const chr_doc *doc, int (*is_furniture)(void *ctx, uint64_t hash),
                        void *ctx);
/* Make doc's title its text (language identified again, sentences split,
 * removed_lines counted); the content hash stays. For a placeholder text. */
chr_err chr_doc_title_as_text(const chr_article *a, chr_doc *doc, chr_diag *d);

/* Normalise a UTF-8 string: NFC, curly quotes and dashes kept as typed but
 * non-breaking and odd spaces turned into ' ', control characters dropped.
 * Returns a malloc'd string (caller frees) or NULL on OOM. */
char *chr_normalize(const char *s, size_t len, size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif
