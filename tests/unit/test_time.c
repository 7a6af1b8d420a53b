/* chronicle — unit tests of the time module: the calendar helpers, the
 * public API contract, reference-date inference and every data-driven case
 * (the .txt files in tests/time, format in tests/time/README). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/time.h"
#include "time_int.h"
#include "unit.h"

TEST(calendar)
{
    CHECK_INT(chr_weekday(2024, 5, 16), 4); /* a Thursday */
    CHECK_INT(chr_weekday(1970, 1, 1), 4);
    CHECK_INT(chr_weekday(2000, 1, 1), 6);
    int wy, w;
    chr_iso_week(2024, 5, 14, &wy, &w);
    CHECK_INT(wy, 2024);
    CHECK_INT(w, 20);
    chr_iso_week(2021, 1, 3, &wy, &w); /* belongs to 2020-W53 */
    CHECK_INT(wy, 2020);
    CHECK_INT(w, 53);
    chr_iso_week(2019, 12, 30, &wy, &w); /* belongs to 2020-W01 */
    CHECK_INT(wy, 2020);
    CHECK_INT(w, 1);
    int y, m, d;
    chr_civil_from_days(chr_days_from_civil(2024, 2, 28) + 1, &y, &m, &d);
    CHECK(y == 2024 && m == 2 && d == 29);
    CHECK_INT(chr_month_days(1900, 2), 28);
    CHECK_INT(chr_month_days(2000, 2), 29);
}

TEST(date_parse_format)
{
    chr_date d;
    char b[16];
    CHECK(chr_date_parse("2024-05-14", &d) && d.year == 2024 && d.month == 5 && d.day == 14);
    CHECK(chr_date_parse("2024-05-14T10:00:00Z", &d) && d.day == 14);
    CHECK(chr_date_parse("2023-10", &d) && d.month == 10 && d.day == 0);
    CHECK(chr_date_parse("1999", &d) && d.year == 1999 && d.month == 0);
    CHECK(!chr_date_parse("2023-02-30", &d));
    CHECK(!chr_date_parse("May 2023", &d));
    CHECK(!chr_date_parse("", &d));
    CHECK(!chr_date_parse(NULL, &d));
    d = (chr_date){2024, 5, 0};
    CHECK_STR(chr_date_format(&d, b, sizeof b), "2024-05");
    d = (chr_date){2024, 5, 7};
    CHECK_STR(chr_date_format(&d, b, sizeof b), "2024-05-07");
    CHECK_STR(chr_timex_type_name(CHR_TIMEX_DURATION), "DURATION");
}

TEST(api_contract)
{
    chr_timex *t = (chr_timex *)1;
    size_t n = 99;
    CHECK_INT(chr_time_tag(NULL, 0, NULL, NULL, &t, &n), CHR_OK);
    CHECK(t == NULL && n == 0);
    CHECK_INT(chr_time_tag(NULL, 5, NULL, NULL, &t, &n), CHR_EINVAL);
    CHECK_INT(chr_time_tag("x", 1, NULL, NULL, NULL, &n), CHR_EINVAL);
    /* offsets are byte offsets into the text, sorted, non-overlapping */
    const char *s = "Le 12 janvier dernier, et le 3 février 2023, puis hier.";
    chr_date ref = {2024, 5, 14};
    CHECK_INT(chr_time_tag(s, strlen(s), &ref, "fr", &t, &n), CHR_OK);
    CHECK_INT(n, 3);
    for (size_t i = 0; i < n; i++) {
        CHECK(t[i].start < t[i].end && t[i].end <= strlen(s));
        if (i)
            CHECK(t[i].start >= t[i - 1].end);
    }
    if (n == 3) {
        CHECK(!strncmp(s + t[1].start, "3 février 2023", t[1].end - t[1].start));
        CHECK_STR(t[1].value, "2023-02-03");
        CHECK_STR(t[2].value, "2024-05-13");
        CHECK(t[2].flags & CHR_TIMEX_RELATIVE);
    }
    free(t);
    /* a text without any date word is not even looked at closely */
    const char *plain = "The committee discussed the proposal at length with experts.";
    CHECK_INT(chr_time_tag(plain, strlen(plain), &ref, "en", &t, &n), CHR_OK);
    CHECK_INT(n, 0);
    free(t);
}

TEST(infer_ref)
{
    chr_date d;
    double c = 0;
    const char *a = "This week, the president is set to travel to China. The visit, which is "
                    "scheduled for May 16 and 17, is his first trip abroad. In March 2023, Xi "
                    "visited Moscow. Later in October, they met in Beijing.";
    CHECK_INT(chr_time_infer_ref(a, strlen(a), "en", &d, &c), CHR_OK);
    CHECK(d.year == 2024 && d.month == 5 && d.day >= 13 && d.day <= 15);
    CHECK(c > 0 && c <= 1);
    const char *b = "The ministers met on March 3, 2021 and again on April 9, 2021.";
    CHECK_INT(chr_time_infer_ref(b, strlen(b), "en", &d, &c), CHR_OK);
    CHECK(d.year == 2021 && d.month == 4);
    CHECK(c > 0 && c < 0.5);
    const char *dl = "MOSCOW, May 14. /TASS/. The state visit will take place on May 16-17. "
                     "Xi came to Moscow in March 2023 and Putin went to Beijing in October 2023.";
    CHECK_INT(chr_time_infer_ref(dl, strlen(dl), "en", &d, &c), CHR_OK);
    CHECK(d.year == 2024 && d.month == 5 && d.day == 14);
    CHECK(c >= 0.9);
    const char *past = "The last visit was in October 2023. Reuters first reported the plan on "
                       "March 19, and at a congress on April 25 he said he would go. The "
                       "inauguration is scheduled for May 7.";
    CHECK_INT(chr_time_infer_ref(past, strlen(past), "en", &d, &c), CHR_OK);
    CHECK(d.year == 2024 && d.month == 4 && d.day == 26);
    /* a dateline after a headline line still dates the text */
    const char *hl = "Mubarak dimite tras 18 dias de protestas\n\nEL CAIRO, 12 de febrero de "
                     "2011 - El presidente dimitio el viernes. Las protestas comenzaron el martes "
                     "25 de enero.";
    CHECK_INT(chr_time_infer_ref(hl, strlen(hl), "es", &d, &c), CHR_OK);
    CHECK(d.year == 2011 && d.month == 2 && d.day == 12);
    CHECK(c >= 0.9);
    /* a weekday that fits only the year before keeps a yearless date there */
    const char *wk = "Mubarak dimitio el viernes 11 de febrero de 2011. Las protestas "
                     "comenzaron el martes 25 de enero.";
    CHECK_INT(chr_time_infer_ref(wk, strlen(wk), "es", &d, &c), CHR_OK);
    CHECK(d.year == 2011 && d.month == 2 && d.day == 12);
    /* but not a date deep in running text after a long first paragraph */
    const char *deep = "The talks went on for hours and nobody in the room was willing to give "
                       "ground on the main points, which the delegations had argued over for "
                       "weeks before the meeting, while the press waited outside the building "
                       "for any word of progress on the deal that everyone had expected, and "
                       "then the doors finally opened late in the evening.\nMAY 3, 2021 - The "
                       "second round ended.";
    CHECK_INT(chr_time_infer_ref(deep, strlen(deep), "en", &d, &c), CHR_OK);
    CHECK(c < 0.9);
    const char *none = "No dates at all in this sentence.";
    CHECK_INT(chr_time_infer_ref(none, strlen(none), "en", &d, &c), CHR_ENOTFOUND);
}

/* ---- data-driven cases --------------------------------------------------- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
    return s;
}

/* Check one expected item ("TYPE:value..end=\"extent\"") against a timex. */
static int item_ok(char *want, const chr_timex *t, const char *text, char *why, size_t wn)
{
    const char *type = "DATE";
    char *extent = NULL;
    char *eq = strstr(want, "=\"");
    if (eq) {
        *eq = 0;
        extent = eq + 2;
        char *q = strrchr(extent, '"');
        if (q)
            *q = 0;
    }
    char *colon = strchr(want, ':');
    if (colon && colon - want <= 8 && colon[1] &&
        !(colon > want && colon[-1] >= '0' && colon[-1] <= '9')) {
        *colon = 0;
        type = want;
        want = colon + 1;
    }
    char *endv = strstr(want, "..");
    if (endv) {
        *endv = 0;
        endv += 2;
    }
    int ok = strcmp(type, chr_timex_type_name(t->type)) == 0 && strcmp(want, t->value) == 0;
    if (endv)
        ok = ok && (t->flags & CHR_TIMEX_RANGE) && strcmp(endv, t->end_value) == 0;
    else
        ok = ok && !(t->flags & CHR_TIMEX_RANGE);
    if (extent)
        ok = ok && strlen(extent) == t->end - t->start &&
             !strncmp(extent, text + t->start, t->end - t->start);
    if (!ok)
        snprintf(why, wn, "want %s:%s%s%s%s%s, got %s:%s%s%s \"%.*s\"", type, want,
                 endv ? ".." : "", endv ? endv : "", extent ? " extent " : "", extent ? extent : "",
                 chr_timex_type_name(t->type), t->value, (t->flags & CHR_TIMEX_RANGE) ? ".." : "",
                 t->end_value, (int)(t->end - t->start), text + t->start);
    return ok;
}

/* A backslash and an "n" in a case's text stand for a line break (a
 * notice's lines, a dateline on a line of its own); replaced in place. */
static void unescape_lines(char *s)
{
    char *w = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] == 'n') {
            *w++ = '\n';
            s++;
        } else {
            *w++ = *s;
        }
    }
    *w = 0;
}

static int run_case(const char *file, int lineno, char *line)
{
    char *p1 = strchr(line, '|');
    char *p2 = p1 ? strchr(p1 + 1, '|') : NULL;
    if (!p1 || !p2) {
        fprintf(stderr, "  %s:%d: malformed case\n", file, lineno);
        return 0;
    }
    *p1 = *p2 = 0;
    char *head = trim(line), *text = trim(p1 + 1), *want = trim(p2 + 1);
    unescape_lines(text);
    char *lang = strchr(head, ' ');
    if (lang) {
        *lang++ = 0;
        lang = trim(lang);
    }
    chr_date ref = {0, 0, 0};
    if (strcmp(head, "-") && !chr_date_parse(head, &ref)) {
        fprintf(stderr, "  %s:%d: bad reference date %s\n", file, lineno, head);
        return 0;
    }
    chr_timex *t = NULL;
    size_t n = 0;
    if (chr_time_tag(text, strlen(text), ref.year ? &ref : NULL, lang, &t, &n) != CHR_OK) {
        fprintf(stderr, "  %s:%d: tagging failed\n", file, lineno);
        return 0;
    }
    int ok = 1;
    size_t k = 0;
    char why[512] = "";
    char *save = NULL;
    for (char *it = strtok_r(want, ";", &save); it; it = strtok_r(NULL, ";", &save)) {
        it = trim(it);
        if (!*it)
            continue;
        if (k >= n) {
            snprintf(why, sizeof why, "missing %s", it);
            ok = 0;
            break;
        }
        if (!item_ok(it, &t[k], text, why, sizeof why)) {
            ok = 0;
            break;
        }
        k++;
    }
    if (ok && k < n) {
        snprintf(why, sizeof why, "unexpected %s:%s \"%.*s\"", chr_timex_type_name(t[k].type),
                 t[k].value, (int)(t[k].end - t[k].start), text + t[k].start);
        ok = 0;
    }
    if (!ok)
        fprintf(stderr, "  %s:%d: %s\n    text: %s\n", file, lineno, why, text);
    free(t);
    return ok;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The values chr_time_tag gives text, ";"-joined, DATE values only. */
static void dates_of(const char *text, chr_date ref, const char *lang, char *out, size_t cap)
{
    chr_timex *t = NULL;
    size_t n = 0;
    out[0] = 0;
    CHECK_INT(chr_time_tag(text, strlen(text), &ref, lang, &t, &n), CHR_OK);
    for (size_t i = 0; i < n; i++)
        if (t[i].type == CHR_TIMEX_DATE)
            snprintf(out + strlen(out), cap - strlen(out), "%s%s", *out ? ";" : "", t[i].value);
    free(t);
}

/* A dateline 0-3 days before the publication is the day the text was
 * written: its "today", "Tuesday", "last week" count from it. */
TEST(dateline_ref)
{
    chr_date pub = {2025, 3, 5}, d;
    const char *a = "PARIS, March 4 (Reuters) - The minister said on Tuesday that talks would "
                    "resume today.";
    CHECK_INT(chr_time_dateline_ref(a, strlen(a), "en", &pub, &d), 1);
    CHECK(d.year == 2025 && d.month == 3 && d.day == 4);
    /* relative expressions resolved against it */
    chr_timex *t = NULL;
    size_t n = 0;
    CHECK_INT(chr_time_tag(a, strlen(a), &d, "en", &t, &n), CHR_OK);
    CHECK(n == 3 && !strcmp(t[1].value, "2025-03-04") && !strcmp(t[2].value, "2025-03-04"));
    free(t);
    /* the date alone, as the cleaner keeps it; other languages; a year */
    CHECK_INT(chr_time_dateline_ref("4 mars", 6, "fr", &pub, &d), 1);
    CHECK(d.month == 3 && d.day == 4);
    const char *es = "MADRID, 2 de marzo de 2025 (EFE).- El Gobierno aprobó hoy el plan.";
    CHECK_INT(chr_time_dateline_ref(es, strlen(es), "es", &pub, &d), 1);
    CHECK(d.year == 2025 && d.month == 3 && d.day == 2);
    /* across the new year */
    chr_date jan = {2025, 1, 2};
    CHECK_INT(chr_time_dateline_ref("Dec. 31", 7, "en", &jan, &d), 1);
    CHECK(d.year == 2024 && d.month == 12 && d.day == 31);
    /* the same day: no change */
    CHECK_INT(chr_time_dateline_ref("March 5", 7, "en", &pub, &d), 1);
    CHECK(d.year == 2025 && d.month == 3 && d.day == 5);
    /* a later date, one far back, a date in running text: the publication */
    const char *later = "PARIS, March 7 (Reuters) - The minister said on Tuesday.";
    CHECK_INT(chr_time_dateline_ref(later, strlen(later), "en", &pub, &d), 0);
    CHECK(d.year == 2025 && d.month == 3 && d.day == 5);
    const char *far = "PARIS, Feb. 20 (Reuters) - The minister said on Tuesday.";
    CHECK_INT(chr_time_dateline_ref(far, strlen(far), "en", &pub, &d), 0);
    CHECK(d.month == 3 && d.day == 5);
    const char *run = "The minister said on March 4 that talks would resume today.";
    CHECK_INT(chr_time_dateline_ref(run, strlen(run), "en", &pub, &d), 0);
    CHECK_INT(chr_time_dateline_ref(a, strlen(a), "en", NULL, &d), 0);
}

TEST(chronology_lists)
{
    char got[512];
    /* oldest first, no years: the last line is nearest the publication,
     * each step back in the calendar crosses into the year before */
    dates_of("Key dates of the conflict:\n"
             "- 15 March: first protests.\n"
             "- 18 August: sanctions.\n"
             "- 3-4 February: the siege begins.\n"
             "- April: fighting spreads.\n"
             "- 4 June: chemical weapons confirmed, from 27 May on.\n"
             "- 14 January: the city falls.\n",
             (chr_date){2013, 2, 1}, "en", got, sizeof got);
    CHECK_STR(got, "2011-03-15;2011-08-18;2012-02-03;2012-06-04;2012-05-27;2013-01-14");
    /* the same in Spanish */
    const char *es = "- 15 marzo: primeras protestas.\n\n- 20 marzo: enfrentamientos.\n\n"
                     "- 18 agosto: sanciones.\n\n1 enero: negociaciones.\n\n"
                     "10 diciembre: acuerdo.\n";
    chr_date ref = {2012, 12, 20};
    chr_timex *t = NULL;
    size_t n = 0;
    CHECK_INT(chr_time_tag(es, strlen(es), &ref, "es", &t, &n), CHR_OK);
    CHECK_INT(n, 5);
    if (n == 5) {
        CHECK_STR(t[0].value, "2011-03-15");
        CHECK_STR(t[2].value, "2011-08-18");
        CHECK_STR(t[3].value, "2012-01-01");
        CHECK_STR(t[4].value, "2012-12-10");
    }
    free(t);
    /* a written year anchors the list; newest first runs the other way */
    dates_of("2019 in review\n"
             "December 2: the treaty is signed.\n"
             "October 30: talks resume.\n"
             "February 11: the crisis begins.\n"
             "November 20, 2018: the first warning.\n",
             (chr_date){2020, 1, 5}, "en", got, sizeof got);
    CHECK_STR(got, "2019;2019-12-02;2019-10-30;2019-02-11;2018-11-20");
    /* a narrative goes on in the year it wrote; a relative date does not */
    dates_of("Le 25 janvier 2011, les manifestants ont envahi la place Tahrir.\n"
             "Le 28 janvier, la police a tiré. Le 11 février, Moubarak a démissionné.\n"
             "Le 3 janvier dernier, un tribunal a rejugé l'affaire.\n",
             (chr_date){2013, 1, 30}, "fr", got, sizeof got);
    CHECK_STR(got, "2011-01-25;2011-01-28;2011-02-11;2013-01-03");
    /* the end of a term (a bond "due March 31, 1994") starts no narrative:
     * the payment date after it is this year's */
    dates_of("The city is issuing a 12 billion yen eurobond due March 31, 1994 paying 5 pct.\n\n"
             "The payment date is March 31. Notes maturing on April 15, 1992 pay on April 15.\n"
             "On 2 February 1987 the city sold bonds. On 20 February it sold more.\n",
             (chr_date){1987, 3, 2}, "en", got, sizeof got);
    CHECK_STR(got, "1994-03-31;1987-03-31;1992-04-15;1987-04-15;1987-02-02;1987-02-20");
    /* prose is not a list: each date resolved on its own */
    dates_of("The talks began on 15 March. Sanctions followed on 18 August.\n"
             "The siege began on 3 February.\n",
             (chr_date){2013, 6, 10}, "en", got, sizeof got);
    CHECK_STR(got, "2013-03-15;2012-08-18;2013-02-03");
}

/* The values after the first expression of text, tagged and anchored as one
 * sentence, joined by ";", are want. */
static void anchored_one_sentence(const char *text, const char *lang, chr_date ref,
                                  const char *want)
{
    chr_timex *t = NULL;
    size_t n = 0;
    CHECK_INT(chr_time_tag(text, strlen(text), &ref, lang, &t, &n), CHR_OK);
    size_t *sent = calloc(n ? n : 1, sizeof *sent);
    char got[256] = "";
    if (sent) {
        chr_time_anchor_lengths(text, strlen(text), t, n, sent);
        for (size_t i = 1; i < n; i++)
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i > 1 ? ";" : "",
                     t[i].value);
    }
    CHECK_STR(got, want);
    free(sent);
    free(t);
}

/* A length with "later"/"earlier" after a day of the same or the sentence
 * before becomes the day it leads to; not two sentences on, not before an
 * event or a comparison, and chr_time_tag alone keeps the length. */
TEST(anchor_lengths)
{
    const char *text = "Protests began on 25 January 2011. Three days later, troops came. "
                       "Nothing happened. Crowds grew. Two days later, they left. "
                       "On 3 March they voted; a week earlier, talks failed. "
                       "Two days after the vote, he resigned; results came two days later than "
                       "planned.";
    chr_date ref = {2011, 6, 1};
    chr_timex *t = NULL;
    size_t n = 0;
    CHECK_INT(chr_time_tag(text, strlen(text), &ref, "en", &t, &n), CHR_OK);
    CHECK_INT(n, 7);
    if (n != 7) {
        free(t);
        return;
    }
    CHECK_STR(t[1].value, "P3D"); /* TimeML's reading */
    /* sentence of each: 0 25 January, 1 three days, 4 two days, 5 3 March
     * and a week, 6 two days after and two days later than */
    size_t sent[7] = {0, 1, 4, 5, 5, 6, 6};
    chr_time_anchor_lengths(text, strlen(text), t, n, sent);
    CHECK_STR(t[1].value, "2011-01-28");
    CHECK(t[1].type == CHR_TIMEX_DATE && (t[1].flags & CHR_TIMEX_ANCHORED));
    CHECK(!strncmp(text + t[1].start, "Three days later", t[1].end - t[1].start) &&
          t[1].end - t[1].start == 16);
    CHECK_STR(t[2].value, "P2D");        /* three sentences after its day */
    CHECK_STR(t[4].value, "2011-02-24"); /* "a week earlier" than 3 March */
    CHECK_STR(t[5].value, "P2D");        /* "after the vote" */
    CHECK_STR(t[6].value, "P2D");        /* "later than planned" */
    free(t);
    /* "dopo" with a verb after it, no event: the length dates the clause */
    anchored_one_sentence("Il 21 agosto i ribelli sono entrati a Tripoli; due giorni dopo hanno "
                          "preso Bab al-Aziziya e tre giorni dopo l'assedio la citt\xc3\xa0 cadde.",
                          "it", ref, "2010-08-23;P3D"); /* 21 August before June 2011; "dopo
                                                         * l'assedio": after an event */
    /* a name between "dopo" and the verb is its clause's subject (an
     * Italian clause after "dopo" needs "che"); a holiday is the event */
    anchored_one_sentence("Il 1\xc2\xb0 luglio l'esercito ha lanciato l'ultimatum; due giorni "
                          "dopo Morsi era agli arresti.",
                          "it", (chr_date){2013, 7, 5}, "2013-07-03");
    anchored_one_sentence("El 1 de julio el ej\xc3\xa9rcito lanz\xc3\xb3 el ultim\xc3\xa1tum; dos "
                          "d\xc3\xad"
                          "as despu\xc3\xa9s Mohamed Mursi fue detenido.",
                          "es", (chr_date){2013, 7, 5}, "2013-07-03");
    /* after "dopo", a name before "si" may be the event or the subject
     * ("una settimana dopo Sandy si sono contati cento morti"): the length
     * stays; after "después", which takes its event after "de", a name is
     * the subject */
    anchored_one_sentence("Il 20 dicembre il governo ha perso la fiducia; due giorni dopo Monti si "
                          "\xc3\xa8 dimesso.",
                          "it", (chr_date){2013, 12, 30}, "P2D");
    anchored_one_sentence("El 20 de diciembre el gobierno perdi\xc3\xb3 la confianza; dos "
                          "d\xc3\xad"
                          "as despu\xc3\xa9s Rajoy se reuni\xc3\xb3 con el rey.",
                          "es", (chr_date){2013, 12, 30}, "2013-12-22");
    /* an event's name before a clitic: the length counts from the event */
    anchored_one_sentence("Il 6 novembre Obama ha vinto le elezioni; una settimana dopo Sandy si "
                          "contavano ancora i danni.",
                          "it", (chr_date){2012, 11, 20}, "P1W");
    /* nor before a contraction or another preposition ("depois dessas") */
    anchored_one_sentence("A 10 de mar\xc3\xa7o houve um sismo e o governo caiu tr\xc3\xaas dias "
                          "depois dessas elei\xc3\xa7\xc3\xb5"
                          "es.",
                          "pt", ref, "P3D");
    /* "prima", "antes" before a verb date their clause; before their event
     * ("prima del voto", "antes de la votación") and in English they stay */
    anchored_one_sentence("Il 23 agosto \xc3\xa8 caduto il bunker. Due giorni prima erano in "
                          "piazza.",
                          "it", (chr_date){2011, 8, 25}, "2011-08-21");
    anchored_one_sentence("Em 23 de agosto caiu o bunker. Dois dias antes estavam na pra\xc3\xa7"
                          "a.",
                          "pt", (chr_date){2011, 8, 25}, "2011-08-21");
    anchored_one_sentence("El 23 de agosto cay\xc3\xb3 el b\xc3\xbanker, dos d\xc3\xad"
                          "as antes de la votaci\xc3\xb3n.",
                          "es", (chr_date){2011, 8, 25}, "P2D");
    anchored_one_sentence("On August 23 the bunker fell. Two days before he fled.", "en",
                          (chr_date){2011, 8, 25}, "P2D");
    anchored_one_sentence("Il 23 agosto \xc3\xa8 caduto il bunker. Due giorni prima le prime "
                          "colonne erano arrivate in piazza.",
                          "it", (chr_date){2011, 8, 25}, "2011-08-21");
    anchored_one_sentence("Il 23 agosto \xc3\xa8 caduto il bunker, due giorni prima che "
                          "arrivasse l'Onu.",
                          "it", (chr_date){2011, 8, 25}, "P2D");
    anchored_one_sentence("Il 10 marzo i ribelli hanno preso Brega. Due giorni prima "
                          "dell\xe2\x80\x99"
                          "attacco erano a Bengasi.",
                          "it", (chr_date){2011, 3, 16}, "P2D");
    anchored_one_sentence("Il 10 marzo i ribelli hanno preso Brega. Due giorni prima ancora "
                          "erano a Bengasi.",
                          "it", (chr_date){2011, 3, 16}, "2011-03-08");
    anchored_one_sentence("Il 10 marzo i ribelli hanno preso Brega, due giorni prima ancora che "
                          "arrivasse l'Onu.",
                          "it", (chr_date){2011, 3, 16}, "P2D");
}

/* Inputs the fuzzer found a crash with, in every language hint: a weekday
 * with a postposed "this" of another language ("segunda acesta") reads
 * "this" without the token that said it. */
TEST(fuzz_regressions)
{
    static const char *const texts[] = {"segunda acesta", "sabato acesta", "Monday acesta",
                                        "segunda acesta semana"};
    static const char *const langs[] = {NULL, "en", "fr", "it", "es", "pt", "ro", "ca"};
    chr_date ref = {1990, 5, 8};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
            chr_timex *t = NULL;
            size_t n = 0;
            CHECK_INT(chr_time_tag(texts[i], strlen(texts[i]), &ref, langs[l], &t, &n), CHR_OK);
            free(t);
        }
}

int main(void)
{
    int unit_passed = 0, unit_failed = 0;
    RUN(calendar);
    RUN(date_parse_format);
    RUN(api_contract);
    RUN(infer_ref);
    RUN(dateline_ref);
    RUN(chronology_lists);
    RUN(anchor_lengths);
    RUN(fuzz_regressions);
    const char *dir = getenv("CHR_TIME_CASES") ? getenv("CHR_TIME_CASES") : "tests/time";
    DIR *dh = opendir(dir);
    if (!dh) {
        printf("not ok time_cases (cannot open %s)\n", dir);
        return 1;
    }
    char *names[64];
    int nn = 0;
    struct dirent *de;
    while ((de = readdir(dh)) && nn < 64) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".txt"))
            names[nn++] = strdup(de->d_name);
    }
    closedir(dh);
    qsort(names, (size_t)nn, sizeof names[0], cmp_str);
    int total = 0;
    for (int f = 0; f < nn; f++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[f]);
        FILE *fp = fopen(path, "r");
        int cases = 0, bad = 0, lineno = 0;
        char line[2048];
        while (fp && fgets(line, sizeof line, fp)) {
            lineno++;
            char *l = trim(line);
            if (!*l || *l == '#')
                continue;
            cases++;
            if (!run_case(names[f], lineno, l))
                bad++;
        }
        if (fp)
            fclose(fp);
        total += cases;
        if (!fp || bad || cases == 0) {
            printf("not ok time_cases/%s (%d of %d cases failed)\n", names[f], bad, cases);
            unit_failed++;
        } else {
            printf("ok time_cases/%s (%d cases)\n", names[f], cases);
            unit_passed++;
        }
        free(names[f]);
    }
    if (total == 0) {
        printf("not ok time_cases (no cases found in %s)\n", dir);
        unit_failed++;
    }
    fflush(stdout);
    return unit_failed ? 1 : 0;
}
