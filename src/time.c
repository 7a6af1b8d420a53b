/* chronicle — time: public entry points of the temporal tagger.
 * Owns: chr_time_tag (the tagger in time_tag.c, then the years of dated
 * lists, time_list.c),
 * reference-date inference (and the writing day a dateline states),
 * chr_date_parse/format and the type names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time_int.h"

const char *chr_timex_type_name(chr_timex_type t)
{
    switch (t) {
    case CHR_TIMEX_DATE:
        return "DATE";
    case CHR_TIMEX_TIME:
        return "TIME";
    case CHR_TIMEX_DURATION:
        return "DURATION";
    case CHR_TIMEX_SET:
        return "SET";
    }
    return "DATE";
}

chr_err chr_time_tag(const char *text, size_t len, const chr_date *ref, const char *lang,
                     chr_timex **out, size_t *n)
{
    if (!out || !n || (!text && len))
        return CHR_EINVAL;
    *out = NULL;
    *n = 0;
    void *x = NULL;
    size_t nx = 0;
    chr_err rc = chr_time_scan(text, len, ref, lang, 1, &x, &nx);
    if (rc != CHR_OK)
        return rc;
    if (nx == 0) {
        free(x);
        return CHR_OK;
    }
    nx = chr_time_fix_document(text, len, ref, x, nx);
    *out = x; /* may hold spare capacity: one allocation, freed by the caller */
    *n = nx;
    return CHR_OK;
}

static int parse_digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

int chr_date_parse(const char *s, chr_date *d)
{
    chr_date r = {0, 0, 0};
    if (!s || !d || !parse_digits(s, 4, &r.year) || r.year == 0)
        return 0;
    if (s[4] == '-') {
        if (!parse_digits(s + 5, 2, &r.month) || r.month < 1 || r.month > 12)
            return 0;
        if (s[7] == '-') {
            if (!parse_digits(s + 8, 2, &r.day) || r.day < 1 ||
                r.day > chr_month_days(r.year, r.month))
                return 0;
        } else if (s[7] != 0 && s[7] != 'T' && s[7] != ' ') {
            return 0;
        }
    } else if (s[4] != 0 && s[4] != 'T' && s[4] != ' ') {
        return 0;
    }
    *d = r;
    return 1;
}

const char *chr_date_format(const chr_date *d, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    if (!d || d->year == 0)
        snprintf(buf, size, "%s", "");
    else if (d->month == 0)
        snprintf(buf, size, "%04d", d->year);
    else if (d->day == 0)
        snprintf(buf, size, "%04d-%02d", d->year, d->month);
    else
        snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
    return buf;
}

/* ---- reference date inference ------------------------------------------ */

/* A dateline: a date near the start of the text, or of a line within its
 * first DATELINE_LINE bytes (after a headline), with nothing before it on
 * its line but capitals, digits and punctuation ("MOSCOW, May 14.", "16.09
 * - martedì 9 aprile", "EL CAIRO, 12 de febrero de 2011 -"). */
#define DATELINE_LINE 300

static int is_dateline(const char *text, const chr_tx *t)
{
    if (!t->m || !t->d)
        return 0;
    size_t ls = (size_t)t->t.start;
    while (ls > 0 && text[ls - 1] != '\n')
        ls--;
    if (t->t.start - ls > 60 || (ls > 0 && ls > DATELINE_LINE))
        return 0;
    size_t run = 0;
    for (size_t i = ls; i < t->t.start; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 'a' && c <= 'z') {
            if (++run > 3)
                return 0; /* a lower-case word: running text, not a dateline */
        } else {
            run = 0;
        }
    }
    return 1;
}

/* First occurrence of month-day (m, d) on or after day number z. */
static long md_after(long z, int m, int d)
{
    int y, zm, zd;
    chr_civil_from_days(z, &y, &zm, &zd);
    if (d > chr_month_days(y, m))
        d = chr_month_days(y, m);
    long c = chr_days_from_civil(y, m, d);
    return c >= z ? c : chr_days_from_civil(y + 1, m, d > chr_month_days(y + 1, m) ? 28 : d);
}

/* Reads the text's dates without a reference. A dateline wins. Otherwise
 * explicit dates with a year bound the publication from below (an article
 * reports the past); month-day dates without a year are placed at their
 * first occurrence after the latest explicit date (unless the weekday
 * written with them fits only the year before: then they bound nothing
 * beyond that date); among those, past or
 * tenseless ones bound the publication from below (it reports them the day
 * after) and future ones from above ("scheduled for May 16 and 17": two
 * days before; "this week" keeps it in that date's week). */
chr_err chr_time_infer_ref(const char *text, size_t len, const char *lang, chr_date *out,
                           double *confidence)
{
    if (!out || (!text && len))
        return CHR_EINVAL;
    memset(out, 0, sizeof *out);
    if (confidence)
        *confidence = 0;
    chr_tx *x = NULL;
    size_t n = 0;
    chr_err rc = chr_time_tag_ex(text, len, NULL, lang, &x, &n);
    if (rc != CHR_OK)
        return rc;
    long latest = -1; /* latest explicit date (month-level as its last day) */
    int this_week = 0, nexplicit = 0;
    for (size_t i = 0; i < n; i++) {
        const chr_tx *t = &x[i];
        if (t->rel_week)
            this_week = 1;
        if (t->t.type != CHR_TIMEX_DATE || t->y <= 0 || t->y > 2199)
            continue;
        long z;
        if (!t->m)
            z = chr_days_from_civil(t->y, 1, 1); /* a bare year: a weak bound */
        else
            z = chr_days_from_civil(t->y, t->m, t->d ? t->d : chr_month_days(t->y, t->m));
        nexplicit++;
        if (z > latest)
            latest = z;
    }
    long ref = -1, lo = -1, hi = -1;
    double conf = 0;
    /* a dateline */
    for (size_t i = 0; i < n && i < 3; i++) {
        const chr_tx *t = &x[i];
        if (t->t.type != CHR_TIMEX_DATE || !is_dateline(text, t))
            continue;
        if (t->y > 0)
            ref = chr_days_from_civil(t->y, t->m, t->d);
        else if (latest >= 0)
            ref = md_after(latest, t->m, t->d);
        if (ref >= 0) {
            conf = 0.9;
            break;
        }
    }
    /* months in past tense move the anchor: "In March 2023 ... Later in
     * October" is October 2023, and what follows comes after it */
    long anchor = latest;
    for (size_t i = 0; i < n && latest >= 0 && ref < 0; i++) {
        const chr_tx *t = &x[i];
        if (t->t.type != CHR_TIMEX_DATE || t->y != 0 || !t->m || t->d || t->tense >= 0)
            continue;
        int y, lm, ld;
        chr_civil_from_days(latest, &y, &lm, &ld);
        long z = chr_days_from_civil(t->m <= lm ? y + 1 : y, t->m, 1);
        if (z > anchor)
            anchor = z;
    }
    for (size_t i = 0; i < n && latest >= 0 && ref < 0; i++) {
        const chr_tx *t = &x[i];
        if (t->t.type != CHR_TIMEX_DATE || t->y != 0 || !t->m || !t->d)
            continue;
        long z = md_after(anchor + 1, t->m, t->d);
        int zy, zm, zd;
        chr_civil_from_days(z, &zy, &zm, &zd);
        if (t->wd && t->tense <= 0 && chr_weekday(zy, zm, zd) != t->wd &&
            t->d <= chr_month_days(zy - 1, t->m) && chr_weekday(zy - 1, t->m, t->d) == t->wd)
            z = latest; /* "martes 25 de enero" is of the year before: no later bound */
        if (t->tense > 0) {
            if (hi < 0 || z < hi)
                hi = z;
        } else if (z > lo) {
            lo = z;
        }
    }
    free(x);
    if (ref >= 0) {
        /* the dateline */
    } else if (hi >= 0) {
        ref = hi - 2;
        if (this_week) {
            int y, mo, d;
            chr_civil_from_days(hi, &y, &mo, &d);
            long monday = hi - (chr_weekday(y, mo, d) - 1);
            if (ref < monday)
                ref = monday;
        }
        if (lo >= 0 && lo < hi)
            ref = lo + 1 < hi ? lo + 1 : lo;
        conf = lo >= 0 ? 0.7 : 0.6;
        if (this_week)
            conf += 0.1;
    } else if (lo >= 0) {
        ref = lo + 1;
        conf = 0.5;
    } else if (latest >= 0) {
        ref = latest;
        conf = nexplicit > 1 ? 0.3 : 0.2;
    } else {
        return CHR_ENOTFOUND;
    }
    chr_civil_from_days(ref, &out->year, &out->month, &out->day);
    if (confidence)
        *confidence = conf;
    return CHR_OK;
}

/* The writing day a dateline states, as the reference of a text's relative
 * expressions: the first date of the text, a dateline (is_dateline), with
 * a day; a day and month without a year takes the year that puts it 0-3
 * days before pub (a dateline of 31 December on a text published on 2
 * January). A wire story reprinted a day or two later keeps the day it was
 * written; a later date, or one more than three days before, is no writing
 * day (a date in the first line that names an event, a page updated much
 * later). */
#define DATELINE_LAG 3

int chr_time_dateline_ref(const char *text, size_t len, const char *lang, const chr_date *pub,
                          chr_date *out)
{
    if (!out || !pub || !pub->year || !pub->month || !pub->day || (!text && len))
        return 0;
    *out = *pub;
    if (len > DATELINE_LINE + 120)
        len = DATELINE_LINE + 120; /* the dateline is in the first lines */
    chr_tx *x = NULL;
    size_t n = 0;
    if (chr_time_tag_ex(text, len, NULL, lang, &x, &n) != CHR_OK) {
        free(x);
        return 0;
    }
    int ok = 0;
    long zp = chr_days_from_civil(pub->year, pub->month, pub->day);
    if (n > 0 && x[0].t.type == CHR_TIMEX_DATE && x[0].explicit_day && is_dateline(text, &x[0]) &&
        !(x[0].t.flags & CHR_TIMEX_RANGE)) {
        const chr_tx *t = &x[0];
        for (int y = t->y ? t->y : pub->year; !ok && y >= (t->y ? t->y : pub->year - 1); y--) {
            if (t->d > chr_month_days(y, t->m))
                continue;
            long z = chr_days_from_civil(y, t->m, t->d);
            if (z <= zp && zp - z <= DATELINE_LAG) {
                chr_civil_from_days(z, &out->year, &out->month, &out->day);
                ok = 1;
            }
        }
    }
    free(x);
    return ok;
}
