/* chronicle — time: temporal expressions (TimeML TIMEX3) and their
 * resolution against a reference (publication) date.
 * Owns: the tagger + normaliser and reference-date inference. Input is text
 * and a reference date; it does not know about articles or storage. */
#ifndef CHRONICLE_TIME_H
#define CHRONICLE_TIME_H

#include <stddef.h>

#include "chronicle/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A calendar date; 0 in a field means unknown (year 0 = no date). */
typedef struct chr_date {
    int year, month, day;
} chr_date;

typedef enum chr_timex_type {
    CHR_TIMEX_DATE = 0,
    CHR_TIMEX_TIME,
    CHR_TIMEX_DURATION,
    CHR_TIMEX_SET
} chr_timex_type;

/* "DATE", "TIME", "DURATION", "SET". */
const char *chr_timex_type_name(chr_timex_type t);

enum {
    CHR_TIMEX_RELATIVE = 1u << 0, /* value was computed from the reference date */
    CHR_TIMEX_RANGE = 1u << 1,    /* end_value holds the end of a range */
    CHR_TIMEX_ANCHORED = 1u << 2, /* value was read from a date written before it in
                                   * the text ("the next day", "that year") */
    CHR_TIMEX_PAST = 1u << 3,     /* a verb or word beside it told a past ("members
                                   * voted on March 4", "lo scorso 3 aprile") */
    CHR_TIMEX_FUTURE = 1u << 4,   /* ... or a future ("Sisi will announce on January
                                   * 25", "il prossimo 3 aprile") */
};

/* One temporal expression. value/end_value are TIMEX3 values:
 * "2024-05-16", "2023-03", "2024-W20", "2024-SU", "2024-Q2", "197", "19",
 * "2024-05-16T14:30", "P6Y", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-05"... */
typedef struct chr_timex {
    size_t start, end; /* byte offsets into the text given to chr_time_tag */
    chr_timex_type type;
    char value[48];
    char end_value[48]; /* "" unless CHR_TIMEX_RANGE */
    unsigned flags;
} chr_timex;

/* Tag and normalise all temporal expressions in text[0..len), resolving
 * relative ones against ref (ref may be NULL or year 0: relative expressions
 * then get underspecified values such as "XXXX-05" or "PAST_REF").
 * lang: ISO 639-1 hint ("en", "fr", "de", "it", "es", "ru", "pt", "ro",
 * "ca") or NULL for all-language matching (Catalan needs its hint). A
 * date inside a hashtag or a handle ("#Jan25", "@Feb17voices") is a name:
 * not tagged. *out malloc'd (caller frees),
 * sorted by start, non-overlapping. */
chr_err chr_time_tag(const char *text, size_t len, const chr_date *ref, const char *lang,
                     chr_timex **out, size_t *n);

/* A document tagged in pieces (sentence by sentence): the pass over all its
 * dates that chr_time_tag makes over one text. Dates without a written year
 * take the year the document implies instead of the one nearest ref:
 * chronologies, runs of three or more lines that each begin with a date and
 * a separator ("- 15 marzo: ..."), are read as ordered lists; a day and
 * month in words up to two months after a date whose year is written ("On
 * 25 January 2011 ... On 28 January ...") continue that year. A date
 * that names a place or a group ("plaza 2 de Mayo", "Movimiento 6 de
 * abril", "April 6 Youth Movement") is dropped. Two dates written as the
 * ends of one span ("between October 2023 and May 2025", "del 3 de mayo
 * al 5 de junio") become one CHR_TIMEX_RANGE record, value the start and
 * end_value the end. A date the tagger put in the two months before ref
 * (the publication date the text was tagged against; NULL or year 0 for
 * none) is not moved past it when a past tense dated it (CHR_TIMEX_PAST) or
 * the year was written as an "until" ("The contract runs until Feb. 28,
 * 2028. On March 4 members voted": 2024-03-04). x[0..n)
 * sorted, offsets into text[0..len); changed and compacted in place;
 * returns the new count. */
size_t chr_time_fix_document(const char *text, size_t len, const chr_date *ref, chr_timex *x,
                             size_t n);

/* For timelines: a length followed by "later" or "earlier" ("three days
 * later", "a week earlier", "dos días después,", "deux jours plus tard",
 * "tre giorni dopo,") after a day given in the same or the sentence
 * before becomes the day it leads to: a DATE, CHR_TIMEX_ANCHORED, its
 * extent taking the adverb. chr_time_tag marks the length, as TimeML
 * does. Not when an event or a comparison follows ("two days after the
 * vote", "later than planned"). x[0..n) sorted, offsets into
 * text[0..len), sent[i] the sentence index of x[i]; changed in place. */
void chr_time_anchor_lengths(const char *text, size_t len, chr_timex *x, size_t n,
                             const size_t *sent);

/* Infer a publication date for a text that has none, from the dates it
 * states and their tenses. Returns CHR_OK with *out set and *confidence in
 * (0,1], or CHR_ENOTFOUND when nothing can be inferred. */
chr_err chr_time_infer_ref(const char *text, size_t len, const char *lang, chr_date *out,
                           double *confidence);

/* The reference date for the relative expressions ("today", "on Tuesday",
 * "last week") of a text published on pub whose dateline says it was
 * written earlier: a story datelined "PARIS, March 4 (Reuters) -" and
 * published (reprinted) on 2025-03-05 says "today" of March 4. text: the
 * start of the body with its dateline, or the dateline's date alone
 * ("March 4", "4 mars", the chr_doc dateline_date). Returns 1 and sets *out
 * to the dateline's day when the text's first date is a dateline dated 0 to
 * 3 days before pub; 0 with *out = *pub otherwise (no dateline, a date after
 * pub or further back). pub must have a day. */
int chr_time_dateline_ref(const char *text, size_t len, const char *lang, const chr_date *pub,
                          chr_date *out);

/* Parse "YYYY-MM-DD" (or a longer ISO 8601 timestamp, or "YYYY-MM", "YYYY")
 * into d. Returns 1 on success. */
int chr_date_parse(const char *s, chr_date *d);

/* Format d as "YYYY-MM-DD" (or shorter when month/day are 0) into buf (>= 11). */
const char *chr_date_format(const chr_date *d, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
