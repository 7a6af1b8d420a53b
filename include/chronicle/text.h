/* chronicle — text: sentences, tokens and language of a clean text.
 * Owns: chr_span, sentence splitting and tokenisation (abbreviations,
 * initials, quotes, numbers), language identification. Works on any UTF-8
 * buffer; offsets are always byte offsets into that buffer. */
#ifndef CHRONICLE_TEXT_H
#define CHRONICLE_TEXT_H

#include <stddef.h>

#include "chronicle/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A half-open byte range [start, end) into a text. */
typedef struct chr_span {
    size_t start, end;
} chr_span;

/* Token kinds. */
typedef enum chr_tok_kind {
    CHR_TOK_WORD = 0, /* letters (may contain ' - . for abbreviations like U.S.) */
    CHR_TOK_NUMBER,   /* digits, with , . : inside (1,000  3.5  16:09) */
    CHR_TOK_PUNCT,    /* one punctuation character */
    CHR_TOK_SYMBOL    /* anything else */
} chr_tok_kind;

typedef struct chr_token {
    size_t start, end;
    chr_tok_kind kind;
} chr_token;

/* Split text into sentences. lang is an ISO 639-1 code or NULL (English
 * rules). *out is malloc'd (caller frees); *n may be 0. Sentences never
 * contain paragraph breaks (blank lines) and are trimmed of whitespace. */
chr_err chr_split_sentences(const char *text, size_t len, const char *lang, chr_span **out,
                            size_t *n);

/* Tokenise text[0..len). *out malloc'd (caller frees). */
chr_err chr_tokenize(const char *text, size_t len, chr_token **out, size_t *n);

/* Identify the language of text: writes an ISO 639-1 code ("en", "fr", ...)
 * to lang (at least 3 bytes) and returns a confidence in [0,1]; "und" is not
 * used: falls back to "en" with confidence 0. */
double chr_detect_language(const char *text, size_t len, char lang[8]);

/* A sentence shortened to serve as a headline: the whole of it when it has
 * at most max_words words (or three more: a cut would drop only its last
 * phrase); else up to its first clause break (, ; :) after
 * six words, else its first max_words words, without a function word at
 * the end ("... rail link and") and with "..." after. Final full stops and
 * spaces are dropped. malloc'd (caller frees); NULL when out of memory. */
char *chr_headline_cut(const char *sentence, size_t len, int max_words);
/* A sentence as a headline that needs no "...": the whole of it when it has
 * at most max_words words, else its opening clause (6 to max_words + 3
 * words) up to a comma that an attribution ending its clause ("...,
 * officials said on Monday"; not "..., it said it bought ..."), a clause of
 * its own ("..., as ..."), an adjunct or participle ("..., with visits to
 * ...", "..., marking ...") that is no parenthetical ("..., excluding X,
 * fell ...") or an apposition that ends the sentence ("..., the latest
 * tensions in ...") follows; failing both, the same of what follows a
 * leading adverbial or participle phrase ("In a surprise move, ...",
 * "Facing a court challenge, ..."), or of the clause an opening attribution
 * reports ("Groups said Friday that troops attacked ..."), capitalised;
 * failing all, its opening up to a preposition when it reads as a clause
 * ("... met here Sunday | with ..."). Extractive: a stretch of the
 * sentence, never other words. Final
 * full stops dropped, quotation marks paired. *out malloc'd (caller frees),
 * NULL when the sentence has no such headline; CHR_ENOMEM when out of memory. */
chr_err chr_headline_clean(const char *sentence, size_t len, int max_words, char **out);
/* A sentence's headline: chr_headline_clean's when it has one, else
 * chr_headline_cut's. malloc'd (caller frees); NULL when out of memory. */
char *chr_headline_make(const char *sentence, size_t len, int max_words);
/* The max_words of the headlines chronicle makes from sentences (story
 * titles, summary headlines). */
#define CHR_HEADLINE_WORDS 14

#ifdef __cplusplus
}
#endif
#endif
