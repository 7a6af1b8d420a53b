/* chronicle — time: years that only the document gives. Each date
 * expression is resolved alone against the publication date; a day and
 * month without a year then takes the nearest year, which is wrong in two
 * common shapes. A chronology ("- 15 marzo: first protests", "- 18 agosto:
 * sanctions", "- 3 febrero: siege of Homs", ...) is an ordered sequence:
 * where the month and day go backwards (or forwards, in a list written
 * newest first), a year boundary was crossed. A narrative ("On 25 January
 * 2011 protesters filled Tahrir Square. On 28 January ...") goes on in the
 * year it has just written. Two dates written as the ends of one span
 * ("between October 2023 and May 2025") are one range. Owns
 * chr_time_fix_document. */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#include "time_int.h"

/* Fewest list lines that make a chronology. */
#define LIST_MIN 3

typedef struct head {
    size_t tx;     /* index of the line's date */
    int y, md;     /* its year, and month * 100 + day (day 0 for a month) */
    int explicit_; /* the year is written in the line's date */
} head;

static int is_bullet(unsigned char c)
{
    return c == '-' || c == '*' || c == ' ' || c == '\t' || c == '>' || c == 0xE2 || c == 0x80 ||
           c == 0x93 || c == 0x94 || c == 0xA2 || c == 0xC2 || c == 0xB7;
}

/* The date starts its line (after white space and a bullet: - * – — • ·). */
static int line_start(const char *text, size_t at)
{
    size_t i = at;
    while (i > 0 && text[i - 1] != '\n') {
        if (!is_bullet((unsigned char)text[i - 1]))
            return 0;
        i--;
    }
    return 1;
}

/* A list line goes on after its date with ':', '-', '.-' or a dash. */
static int item_separator(const char *text, size_t len, size_t end)
{
    size_t i = end;
    for (size_t n = 0; n < 2 && i < len; n++) /* no-break spaces too ("10h29\u00a0:") */
        if (text[i] == ' ' || text[i] == '.' || text[i] == ',')
            i++;
        else if (i + 1 < len && !memcmp(text + i, "\xc2\xa0", 2))
            i += 2;
        else if (i + 2 < len && !memcmp(text + i, "\xe2\x80\xaf", 3))
            i += 3;
    if (i >= len)
        return 0;
    unsigned char c = (unsigned char)text[i];
    return c == ':' || c == '-' ||
           (c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x93 || (unsigned char)text[i + 2] == 0x94));
}

static int has_year_digits(const char *s, size_t n)
{
    int run = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] >= '0' && s[i] <= '9' ? run + 1 : 0;
        if (run == 4)
            return 1;
    }
    return 0;
}

/* Whether the day x names its year through a count of years from the
 * reference ("Hace hoy un año", "one year ago today", "il y a un an jour
 * pour jour"): the story it opens is told in that year, as after a written
 * one. */
static int year_count_day(const char *text, const chr_timex *x)
{
    static const char *const YEAR[] = {"a\xc3\xb1o", "a\xc3\xb1os", "year", "years", "an",
                                       "ans",        "anno",        "anni", "ano",   "anos",
                                       "any",        "anys",        "ani",  NULL};
    if (strlen(x->value) != 10)
        return 0;
    for (size_t p = x->start; p < x->end;) {
        while (p < x->end &&
               !(((unsigned char)text[p] | 32) >= 'a' && ((unsigned char)text[p] | 32) <= 'z') &&
               (unsigned char)text[p] < 0x80)
            p++;
        size_t e = p;
        while (e < x->end &&
               ((((unsigned char)text[e] | 32) >= 'a' && ((unsigned char)text[e] | 32) <= 'z') ||
                (unsigned char)text[e] >= 0x80))
            e++;
        for (const char *const *w = YEAR; e > p && *w; w++)
            if (strlen(*w) == e - p && !strncasecmp(text + p, *w, e - p))
                return 1;
        p = e > p ? e : p + 1;
    }
    return 0;
}

/* "YYYY-MM-DD" or "YYYY-MM": year and month * 100 + day; 0 if neither. */
static int parse_value(const char *v, int *y, int *md)
{
    size_t n = strlen(v);
    if (n != 7 && n != 10)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (i == 4 || i == 7 ? v[i] != '-' : v[i] < '0' || v[i] > '9')
            return 0;
    *y = atoi(v);
    *md = atoi(v + 5) * 100 + (n == 10 ? atoi(v + 8) : 0);
    return *y > 0;
}

static void set_year(char *v, int y)
{
    if (y < 1 || y > 9999)
        return;
    v[0] = (char)('0' + y / 1000);
    v[1] = (char)('0' + y / 100 % 10);
    v[2] = (char)('0' + y / 10 % 10);
    v[3] = (char)('0' + y % 10);
}

/* Move the date x (and its range end) to year y; a day that year lacks
 * (29 February) leaves it alone. */
static void move(chr_timex *x, int y)
{
    int y0, md;
    if (!parse_value(x->value, &y0, &md) || y0 == y)
        return;
    if (md % 100 && md % 100 > chr_month_days(y, md / 100))
        return;
    set_year(x->value, y);
    int y1, md1;
    if ((x->flags & CHR_TIMEX_RANGE) && parse_value(x->end_value, &y1, &md1))
        set_year(x->end_value, y1 + (y - y0));
}

/* A line that heads a part of a list, not prose: "= FEVRIER =", "## Mars",
 * "MARZO" (opens with = or #, or short and without a lower-case letter). */
static int heading_line(const char *q, const char *end)
{
    const char *e = memchr(q, '\n', (size_t)(end - q));
    if (!e)
        e = end;
    if (*q == '=' || *q == '#')
        return 1;
    if (e - q > 40)
        return 0;
    for (const char *c = q; c < e; c++)
        if (*c >= 'a' && *c <= 'z')
            return 0;
    return 1;
}

/* Between the line of the list item at prev and the next one at next, only
 * blank lines, headings ("= MARS =") and bulleted lines (items whose date was not understood,
 * "- abril: ..."): an item is one line. */
static int adjacent_lines(const char *text, size_t prev, size_t next)
{
    const char *p = memchr(text + prev, '\n', next - prev);
    if (!p)
        return 0; /* two dates in one line: not two items */
    const char *end = text + next;
    while (p < end) {
        p++; /* past the newline: a line starts */
        const char *q = p;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q == end || *q == '\n') {
            p = q;
            continue; /* blank, or the next item's own line */
        }
        if (*q != '-' && *q != '*' && (unsigned char)*q != 0xE2 && !heading_line(q, end))
            return 0; /* prose between the items */
        p = memchr(q, '\n', (size_t)(end - q));
        if (!p)
            return 1; /* the bullet of the next item itself */
    }
    return 1;
}

/* Years for one run of list lines h[0..n): written years anchor it, else
 * its last line keeps the year it was given (the most recent one, for a
 * list that ends near the publication date); the order of the list, the
 * direction most steps go (oldest first when undecided), carries the year
 * across. Dates without a
 * written year later in an item's line take its year ("22 febrero: a
 * truce from 27 February"). */
static void fix_run(const char *text, chr_timex *x, size_t nx, head *h, size_t n)
{
    int up = 0, down = 0;
    for (size_t i = 1; i < n; i++) {
        if (h[i].md > h[i - 1].md)
            up++;
        else if (h[i].md < h[i - 1].md)
            down++;
    }
    if (up + down < 2)
        return;
    int dir = down > up ? -1 : 1; /* +1: oldest first, the usual order */
    size_t a = n;                 /* first line with a written year */
    for (size_t i = 0; i < n && a == n; i++)
        if (h[i].explicit_)
            a = i;
    if (a == n)
        a = dir > 0 ? n - 1 : 0;
    int *was = malloc(n * sizeof *was);
    if (!was)
        return;
    for (size_t i = 0; i < n; i++)
        was[i] = h[i].y;
    for (size_t i = a + 1; i < n; i++)
        if (!h[i].explicit_)
            h[i].y = h[i - 1].y + ((h[i].md - h[i - 1].md) * dir < 0 ? dir : 0);
    for (size_t i = a; i-- > 0;)
        if (!h[i].explicit_)
            h[i].y = h[i + 1].y - ((h[i + 1].md - h[i].md) * dir < 0 ? dir : 0);
    for (size_t i = 0; i < n; i++) {
        if (h[i].y == was[i])
            continue;
        move(&x[h[i].tx], h[i].y);
        size_t s0 = x[h[i].tx].start;
        for (size_t j = h[i].tx + 1; j < nx && !memchr(text + s0, '\n', x[j].start - s0); j++) {
            int y, md;
            if (x[j].type == CHR_TIMEX_DATE && parse_value(x[j].value, &y, &md) &&
                !has_year_digits(text + x[j].start, x[j].end - x[j].start))
                move(&x[j], h[i].y);
        }
    }
    free(was);
}

static void fix_lists(const char *text, size_t len, chr_timex *x, size_t n)
{
    if (n < LIST_MIN)
        return;
    head *h = malloc(n * sizeof *h);
    if (!h)
        return; /* the dates stay as they were resolved, one by one */
    size_t nh = 0;
    for (size_t i = 0; i < n; i++) {
        int y = 0, md = 0;
        if (x[i].type != CHR_TIMEX_DATE || x[i].end > len || !parse_value(x[i].value, &y, &md) ||
            !line_start(text, x[i].start) || !item_separator(text, len, x[i].end))
            continue; /* no item: a line between items breaks the run below */
        if (nh && !adjacent_lines(text, x[h[nh - 1].tx].start, x[i].start)) {
            if (nh >= LIST_MIN)
                fix_run(text, x, n, h, nh);
            nh = 0;
        }
        h[nh].tx = i;
        h[nh].y = y;
        h[nh].md = md;
        h[nh].explicit_ = has_year_digits(text + x[i].start, x[i].end - x[i].start);
        nh++;
    }
    if (nh >= LIST_MIN)
        fix_run(text, x, n, h, nh);
    free(h);
}

/* Words that make a day and month relative on their own ("le 28 janvier
 * dernier", "next 3 March", "noiembrie anul trecut"): such a date keeps
 * the year the tagger chose. */
static int relative_surface(const char *s, size_t n)
{
    static const char *const W[] = {"dernier", "derni\xc3\xa8re", "prochain",    "pasado",
                                    "pasada",  "pr\xc3\xb3xim",   "last",        "next",
                                    "passad",  "scors",           "prossim",     "this",
                                    "ce ",     "cette",           "este",        "questo",
                                    "letzt",   "vergangen",       "n\u00e4chst", "dies",
                                    "passat",  "aquest",          "trecut",      "viitor",
                                    "acest"};
    char b[64];
    if (n >= sizeof b)
        return 1;
    for (size_t i = 0; i < n; i++)
        b[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    b[n] = 0;
    for (size_t k = 0; k < sizeof W / sizeof *W; k++)
        if (strstr(b, W[k]))
            return 1;
    return 0;
}

/* How far after the date whose year the text wrote a day and month
 * without one may lie to continue its story. */
#define NARRATIVE_DAYS 62
/* How far back (bytes) that written date may be: a retrospective's
 * paragraph or two ("Partie de Sidi Bouzid le 17 décembre 2010 ... En
 * Egypte, les premières manifestations éclatent le 25 janvier" written in
 * January 2014; 600 bytes missed it). */
#define NARRATIVE_REACH 1500
/* A month named alone: how far (bytes) after the date with a written year
 * it may stand, and how recent a month the tagger read keeps its year. */
#define MONTH_REACH 600
#define MONTH_RECENT 120
/* How recent a past the tagger read (days before the publication date)
 * stays on its side of the publication date whatever year a story around
 * it wrote. */
#define RECENT_DAYS 62

/* How far back (bytes) a "since" word may stand before a date in its
 * clause. */
#define SINCE_REACH 80

/* Whether a "since" word opens the clause of the date at p (the caller
 * leaves out a date another one closes: "desde el 12 de abril hasta el 20
 * de mayo", "dal 12 al 20 aprile" are spans of their story) ("depuis
 * l'entrée en vigueur le 12 avril", "desde que el 3 de marzo", "since the
 * truce of 12 April", "dall'entrata in vigore il 12 aprile"): what has
 * lasted since then lasts to the time of writing, so the day is the last
 * one before it, not one of the story an earlier year began. */
static int since_clause(const char *text, size_t p)
{
    static const char *const W[] = {"depuis", "desde", "since", "dal", "dalla", "dallo", "dall"};
    static const char *const TO[] = {"hasta", "al", "au", "until", "till", "fino", "jusqu"};
    size_t lo = p > SINCE_REACH ? p - SINCE_REACH : 0;
    size_t e = p;
    while (e > lo) {
        char c = text[e - 1];
        if (c == '.' || c == ';' || c == ':' || c == '\n' || c == '!' || c == '?')
            return 0;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            e--;
            continue;
        }
        size_t b = e;
        while (b > lo && ((text[b - 1] >= 'a' && text[b - 1] <= 'z') ||
                          (text[b - 1] >= 'A' && text[b - 1] <= 'Z')))
            b--;
        for (size_t k = 0; k < sizeof W / sizeof *W; k++)
            if (strlen(W[k]) == e - b && strncasecmp(text + b, W[k], e - b) == 0)
                return 1;
        for (size_t k = 0; k < sizeof TO / sizeof *TO; k++)
            if (strlen(TO[k]) == e - b && strncasecmp(text + b, TO[k], e - b) == 0)
                return 0; /* "desde el 12 hasta el 20 de abril": the end of a span */
        e = b;
    }
    return 0;
}

/* The weekday (1 = Monday) that opens the expression text[s..e) ("martes
 * 28 de noviembre", "martedì 28 novembre"), 0 when none does. */
static int written_wday(const char *text, size_t s, size_t e)
{
    size_t q = s;
    while (q < e && text[q] != ' ' && text[q] != '-' && text[q] != '\'' && text[q] != ',')
        q++;
    const tlex *lx = q > s ? chr_time_lex_word(text + s, q - s) : NULL;
    return lx && (lx->cls & (1u << C_WDAY)) ? lx->val[C_WDAY] : 0;
}

/* Whether the date at p is the end of a term, of a bond or a loan ("a
 * eurobond due March 31, 1994", "notes maturing in 1992", "expiring June
 * 30, 1990", fr "à échéance", es "con vencimiento", it "a scadenza"): a
 * day of the contract, not of the story; the dates after it ("The payment
 * date is March 31") keep their own year. The word before the date, or
 * the one before "in"/"on" there. */
static int term_end(const char *text, size_t p)
{
    static const char *const TERM[] = {"due",
                                       "maturing",
                                       "matures",
                                       "mature",
                                       "maturity",
                                       "expiring",
                                       "expires",
                                       "expire",
                                       "expiry",
                                       "redeemable",
                                       "repayable",
                                       "callable",
                                       "\303\251ch\303\251ance",
                                       "vencimiento",
                                       "scadenza"};
    static const char *const PREP[] = {"in", "on", "en", "el", "au", "il", "al", "le"};
    size_t e = p;
    for (int w = 0; w < 2; w++) {
        while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == ','))
            e--;
        size_t b = e;
        while (b > 0 && (((text[b - 1] | 32) >= 'a' && (text[b - 1] | 32) <= 'z') ||
                         (unsigned char)text[b - 1] >= 0x80))
            b--;
        if (b == e || e - b > 12)
            return 0;
        for (size_t k = 0; k < sizeof TERM / sizeof *TERM; k++)
            if (strlen(TERM[k]) == e - b && strncasecmp(text + b, TERM[k], e - b) == 0)
                return 1;
        int prep = 0;
        for (size_t k = 0; k < sizeof PREP / sizeof *PREP && !prep; k++)
            prep = strlen(PREP[k]) == e - b && strncasecmp(text + b, PREP[k], e - b) == 0;
        if (!prep)
            return 0;
        e = b;
    }
    return 0;
}

static int opens_with_class(const char *text, size_t s, size_t e, unsigned cls);

/* Whether x[i] restates the day of a "today" or "yesterday" right before
 * it ("aujourd'hui (15 mars)", "oggi, 15 marzo"): the report's day, which
 * no story told in another year moves. */
static int deictic_apposition(const char *text, const chr_timex *x, size_t i)
{
    const chr_timex *a = &x[i - 1];
    return a->type == CHR_TIMEX_DATE && a->end <= x[i].start && x[i].start - a->end <= 3 &&
           !strcmp(a->value, x[i].value) && opens_with_class(text, a->start, a->end, 1u << C_DEICT);
}

static int after_until(const char *text, size_t p);

/* Whether a sentence ends in text[a..b): a stop, "!" or "?" before a
 * space or a line, or a line break. */
static int sentence_between(const char *text, size_t a, size_t b)
{
    for (size_t p = a; p < b; p++)
        if (text[p] == '\n' || (strchr(".!?", text[p]) && p + 1 < b && text[p + 1] == ' '))
            return 1;
    return 0;
}

/* Whether the word right before byte p says the date is the last one
 * before the writing day ("lo scorso 30 giugno", "el pasado 3 de julio",
 * "no passado 30 de junho", "last June 30"): the writer's, whatever year a
 * story before it wrote. (Not "il prossimo", "el próximo": a date ahead of
 * the day written, which a page dated a day late puts a year on.) */
static int relative_before(const char *text, size_t p)
{
    static const char *const W[] = {"scorso",  "scorsa",  "pasado", "pasada",
                                    "passado", "passada", "last",   NULL};
    size_t e = p;
    while (e > 0 && text[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > 0 && (((text[b - 1] | 32) >= 'a' && (text[b - 1] | 32) <= 'z') ||
                     (unsigned char)text[b - 1] >= 0x80))
        b--;
    for (const char *const *w = W; *w && e > b; w++)
        if (strlen(*w) == e - b && !strncasecmp(text + b, *w, e - b)) {
            /* not "the last June 30 deadline", "its last June 30 game" */
            static const char *const DET[] = {"the", "its", "their", "his", "her", "our", NULL};
            size_t pe = b;
            while (pe > 0 && text[pe - 1] == ' ')
                pe--;
            size_t pb = pe;
            while (pb > 0 && ((text[pb - 1] | 32) >= 'a' && (text[pb - 1] | 32) <= 'z'))
                pb--;
            for (const char *const *t = DET; *t && pe > pb; t++)
                if (strlen(*t) == pe - pb && !strncasecmp(text + pb, *t, pe - pb))
                    return 0;
            return 1;
        }
    return 0;
}

/* Whether x, a date without a figure ("Sabato", "ieri", "this week"), was
 * read as a day of the days before the publication day: the text has come
 * back to its own time. Not a day an "of" after it ties to an event ("il
 * venerdì della collera", "le vendredi de la colère", "the Friday of
 * Anger": a name, or the day of something told). */
static int present_day(const char *text, size_t len, const chr_timex *x, long today)
{
    static const char *const OF[] = {"of",  "de", "da",  "do", "del", "della", "dello",
                                     "dei", "du", "des", "di", "dos", "das",   NULL};
    int y, md;
    if (x->type != CHR_TIMEX_DATE || !parse_value(x->value, &y, &md) || md % 100 == 0)
        return 0;
    for (size_t k = x->start; k < x->end; k++)
        if (text[k] >= '0' && text[k] <= '9')
            return 0;
    size_t b = x->end, e;
    while (b < len && text[b] == ' ')
        b++;
    for (e = b; e < len && ((text[e] | 32) >= 'a' && (text[e] | 32) <= 'z');)
        e++;
    for (const char *const *w = OF; *w && e > b; w++)
        if (strlen(*w) == e - b && !strncasecmp(text + b, *w, e - b))
            return 0;
    long d = chr_days_from_civil(y, md / 100, md % 100);
    return d <= today && today - d <= 7;
}

static void fix_narrative(const char *text, size_t len, const chr_date *ref, chr_timex *x, size_t n)
{
    long today = ref ? chr_days_from_civil(ref->year, ref->month, ref->day) : 0;
    for (size_t i = 1; i < n; i++) {
        int y, md;
        if (x[i].type != CHR_TIMEX_DATE || x[i].end > len || (x[i].flags & CHR_TIMEX_RANGE) ||
            !parse_value(x[i].value, &y, &md))
            continue;
        const char *sf = text + x[i].start;
        size_t sn = x[i].end - x[i].start;
        int digit = 0;
        for (size_t k = 0; k < sn; k++)
            digit |= sf[k] >= '0' && sf[k] <= '9';
        /* a month named alone ("en juillet", "a luglio") goes on too */
        int month = md % 100 == 0;
        if (month ? digit || !opens_with_class(text, x[i].start, x[i].end, 1u << C_MONTH) : !digit)
            continue;
        if (has_year_digits(sf, sn) || memchr(sf, '/', sn) || memchr(sf, '.', sn) ||
            relative_surface(sf, sn) || relative_before(text, x[i].start) ||
            deictic_apposition(text, x, i) ||
            (since_clause(text, x[i].start) &&
             !(i + 1 < n && x[i + 1].start >= x[i].end && x[i + 1].start - x[i].end <= 12)))
            continue; /* only a day and a month in words: "28 janvier" */
        /* the nearest earlier date with a written year; a day of the week
         * before it, when the tagger read this one in that week too (the
         * text back in its own days: "Sabato la stampa ... Il 2 dicembre",
         * not a quoted "Today we are free" or a frame's "Hier, un ancien
         * ministre a évoqué ces journées" in a story told weeks back) */
        long own =
            ref && y > 0 ? today - chr_days_from_civil(y, md / 100, month ? 15 : md % 100) : -1;
        int this_week = own >= 0 && own <= 7;
        size_t j = i;
        int ay = 0, amd = 0;
        while (j-- > 0 && x[i].start - x[j].start <= NARRATIVE_REACH) {
            if (this_week && present_day(text, len, &x[j], today)) {
                ay = 0;
                break;
            }
            if (x[j].type == CHR_TIMEX_DATE && parse_value(x[j].value, &ay, &amd) &&
                (has_year_digits(text + x[j].start, x[j].end - x[j].start) ||
                 year_count_day(text, &x[j])) &&
                !term_end(text, x[j].start))
                break;
            ay = 0;
        }
        if (!ay)
            continue;
        int am = amd / 100, ad = amd % 100 ? amd % 100 : 1;
        int m = md / 100, d = md % 100;
        /* the story goes on into the next year after a date late in one:
         * "le 17 décembre 2010 ... que le 11 janvier" is January 2011 */
        int ny = m < am ? ay + 1 : ay;
        if (ny == y || d > chr_month_days(ny, m))
            continue;
        /* a month alone goes on only to a later month of the written year,
         * near it, and not from the months before publication the writer
         * may mean ("En diciembre, Moscú y Ankara cooperaban" told in
         * January 2017; "sold ... in February, up from ... in February
         * 1986", "a drop in December, 1974 ... in January" are comparisons) */
        if (month && (m <= am || ny != ay || x[i].start - x[j].end > MONTH_REACH ||
                      (own >= 0 && own <= MONTH_RECENT)))
            continue; /* (a future does not tell: "En avril, Bachar doit retirer ses
                       * troupes du Liban" after 2005 is 2005, "New elections will be
                       * held in December" after October 2019 wrongly so) */
        if (month)
            d = 1;
        int wd = written_wday(text, x[i].start, x[i].end);
        if (wd && chr_weekday(ny, m, d) != wd)
            continue; /* "martedì 28 novembre": a weekday the story's year does not have */
        long gap = chr_days_from_civil(ny, m, d) - chr_days_from_civil(ay, am, ad);
        if (own < 0 && -own <= RECENT_DAYS && (x[i].flags & CHR_TIMEX_FUTURE) &&
            sentence_between(text, x[j].end, x[i].start))
            continue; /* so are the coming weeks a future tells in a sentence of
                       * its own ("Sisi potrebbe annunciare ... il 25 gennaio" after
                       * "nel dicembre 2012."; not the plan the story's sentence
                       * reports: "In December 2012 the army said it would hold
                       * talks on January 25") */
        if (own >= 0 && own <= RECENT_DAYS && chr_days_from_civil(ny, m, d) > today &&
            ((x[i].flags & CHR_TIMEX_PAST) || after_until(text, x[j].start)))
            continue; /* the weeks before the publication day are the story's own
                       * when a past says so or the year was a term's end: "runs until
                       * Feb. 28, 2028. On March 4 members voted" told on 29 March
                       * 2024 (a schedule goes on: "Opening arguments are set for Feb.
                       * 24, 2025. On March 3, closing arguments") */
        if (gap >= 0 && gap <= NARRATIVE_DAYS)
            move(&x[i], ny);
    }
}

/* Words that join the two ends of a span of days ("du 21 février au 15
 * décembre 1916", "del 21 de febrero al 15 de diciembre de 1916", "dal 21
 * febbraio al 15 dicembre 1916", "de 21 de fevereiro a 15 de dezembro de
 * 1916", "entre el 21 de febrero y el 15 de diciembre de 1916"). */
static const char *const SPAN_JOINS[] = {
    "au", "aux", "al", "a",  "à",     "to",       "until",    "till", "through", "and",
    "y",  "e",   "et", "ed", "hasta", "jusqu'au", "jusqu’au", "fino", "até",     "ate",
    "el", "le",  "il", "o",  "the",   "-",        "–",        "—"};

/* Whether text[a..b) holds only span joining words. */
static int span_join(const char *text, size_t a, size_t b)
{
    int words = 0;
    size_t p = a;
    while (p < b) {
        while (p < b && (text[p] == ' ' || text[p] == '\t' || text[p] == ','))
            p++;
        if (p >= b)
            break;
        size_t e = p;
        while (e < b && text[e] != ' ' && text[e] != '\t' && text[e] != ',')
            e++;
        int ok = 0;
        for (size_t k = 0; k < sizeof SPAN_JOINS / sizeof *SPAN_JOINS && !ok; k++)
            ok = strlen(SPAN_JOINS[k]) == e - p && strncasecmp(text + p, SPAN_JOINS[k], e - p) == 0;
        if (!ok || ++words > 2)
            return 0;
        p = e;
    }
    return words > 0;
}

/* A day and month without a year that opens a span whose other end has
 * one takes that year (the year before when it lies later in the year):
 * "du 21 février au 15 décembre 1916" is 21 February 1916. */
static void fix_spans(const char *text, size_t len, chr_timex *x, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        int y, md, y2, md2;
        if (x[i].type != CHR_TIMEX_DATE || x[i + 1].type != CHR_TIMEX_DATE || x[i].end > len ||
            x[i + 1].end > len || x[i + 1].start < x[i].end || (x[i].flags & CHR_TIMEX_RANGE) ||
            !parse_value(x[i].value, &y, &md) || md % 100 == 0 ||
            !parse_value(x[i + 1].value, &y2, &md2) || md2 % 100 == 0 ||
            has_year_digits(text + x[i].start, x[i].end - x[i].start) ||
            !has_year_digits(text + x[i + 1].start, x[i + 1].end - x[i + 1].start) ||
            !span_join(text, x[i].end, x[i + 1].start) || year_count_day(text, &x[i]))
            continue; /* (not a count of years: "Esattamente trent'anni fa, il 2 febbraio
                       * 1982") */
        move(&x[i], md <= md2 ? y2 : y2 - 1);
    }
}

/* Two dates written as the ends of one span: an opening word before the
 * first ("from", "between", "du", "entre", "dal", "vom", "din"...) and a
 * joining word between them that fits it ("to"/"au"/"al"/"a"/"bis"/"până"
 * after "from", "and"/"et"/"y"/"e"/"und"/"și" after "between"). Articles
 * may stand on either side ("entre el 3 de mayo y el 5 de junio", "entre
 * l'octubre del 2023 i el maig del 2025", "de la 3 mai până la 5 iunie"). */
static const char *const SPAN_FROM[] = {"from", "de",    "d'",  "d\342\200\231", "du",
                                        "del",  "desde", "dal", "dall'",         "dall\342\200\231",
                                        "da",   "do",    "vom", "von",           "din"};
static const char *const SPAN_BETWEEN[] = {"between",  "entre", "tra",   "fra",
                                           "zwischen", "între", "Între", "intre"};
static const char *const SPAN_TO[] = {"to",
                                      "until",
                                      "till",
                                      "through",
                                      "thru",
                                      "au",
                                      "aux",
                                      "à",
                                      "a",
                                      "al",
                                      "all'",
                                      "all\342\200\231",
                                      "ao",
                                      "até",
                                      "ate",
                                      "hasta",
                                      "fino",
                                      "fins",
                                      "bis",
                                      "până",
                                      "pana",
                                      "jusqu'au",
                                      "jusqu'à",
                                      "jusqu'en",
                                      "jusqu\342\200\231au",
                                      "jusqu\342\200\231à",
                                      "jusqu\342\200\231en"};
static const char *const SPAN_DASH[] = {"-", "\342\200\223", "\342\200\224"};
static const char *const SPAN_AND[] = {"and", "et", "y", "e", "ed", "und", "i", "și", "şi", "si"};
static const char *const SPAN_ARTICLE[] = {"the",           "el", "le", "la", "il", "lo", "l'",
                                           "l\342\200\231", "o",  "în", "in"};

/* Whether text[b..e) is one of l[0..n), ignoring ASCII case. */
static int word_is(const char *text, size_t b, size_t e, const char *const *l, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strlen(l[k]) == e - b && strncasecmp(text + b, l[k], e - b) == 0)
            return 1;
    return 0;
}

/* The opening word of a span before text position at, skipping one
 * article: 1 for a "from" word, 2 for a "between" word, 0 for none. An
 * elided article or preposition ("l'", "d'", "dall'") may be glued to the
 * date. */
static int span_opener(const char *text, size_t at)
{
    size_t e = at;
    for (int skip = 0; skip < 2; skip++) {
        while (e > 0 && text[e - 1] == ' ')
            e--;
        size_t b = e;
        while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '\t' &&
               text[b - 1] != '(' && text[b - 1] != ',' && text[b - 1] != '.')
            b--;
        if (b == e || e - b > 16)
            return 0;
        if (word_is(text, b, e, SPAN_FROM, sizeof SPAN_FROM / sizeof *SPAN_FROM))
            return 1;
        if (word_is(text, b, e, SPAN_BETWEEN, sizeof SPAN_BETWEEN / sizeof *SPAN_BETWEEN))
            return 2;
        if (!word_is(text, b, e, SPAN_ARTICLE, sizeof SPAN_ARTICLE / sizeof *SPAN_ARTICLE))
            return 0;
        e = b;
    }
    return 0;
}

/* Whether text[a..b) joins the two ends of a span its opener (1 "from",
 * 2 "between") began: one to three words, the joining words that opener
 * takes and articles ("hasta el", "y el", "până la", "jusqu'au"). */
static int span_gap(const char *text, size_t a, size_t b, int opener)
{
    int words = 0, joins = 0;
    size_t p = a;
    if (b < a || b - a > 24)
        return 0;
    while (p < b) {
        while (p < b && (text[p] == ' ' || text[p] == '\t'))
            p++;
        if (p >= b)
            break;
        size_t e = p;
        while (e < b && text[e] != ' ' && text[e] != '\t')
            e++;
        if (++words > 3)
            return 0;
        if (opener == 1 ? word_is(text, p, e, SPAN_TO, sizeof SPAN_TO / sizeof *SPAN_TO)
                        : word_is(text, p, e, SPAN_AND, sizeof SPAN_AND / sizeof *SPAN_AND))
            joins++;
        else if (word_is(text, p, e, SPAN_DASH, sizeof SPAN_DASH / sizeof *SPAN_DASH))
            joins++;
        else if (!word_is(text, p, e, SPAN_ARTICLE, sizeof SPAN_ARTICLE / sizeof *SPAN_ARTICLE))
            return 0;
        p = e;
    }
    return joins >= 1 && joins <= 2;
}

/* The shape of a value: its length when it is a calendar date written
 * with digits and dashes ("2023", "2023-10", "2023-10-05", "199"), 0
 * otherwise. */
static size_t date_shape(const char *v)
{
    size_t n = strlen(v);
    if (n < 3 || n > 10)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(v[i] >= '0' && v[i] <= '9') && !(v[i] == '-' && (i == 4 || i == 7)))
            return 0;
    return n;
}

/* Whether text[s..e) names a month ("5 de maio", "Oct. 3"; not "dia 3"). */
static int names_month(const char *text, size_t s, size_t e)
{
    for (size_t p = s; p < e;) {
        size_t q = p;
        while (
            q < e &&
            ((text[q] | 32) >= 'a' && (text[q] | 32) <= 'z' ? 1 : (unsigned char)text[q] >= 0x80))
            q++;
        if (q == p) {
            p++;
            continue;
        }
        const tlex *lx = chr_time_lex_word(text + p, q - p);
        if (lx && (lx->cls & ((1u << C_MONTH) | (1u << C_MONABBR))))
            return 1;
        p = q;
    }
    return 0;
}

/* Whether text[s..e) is written with a digit or names a month ("October
 * 2023", "3 mai", "octobre"): a calendar date, not a deictic word or a
 * weekday ("from today through Nov. 17", "from Sept. 14 to Thursday",
 * "from last month to next month" stay two expressions, as TimeML marks
 * them). */
static int calendar_surface(const char *text, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (text[k] >= '0' && text[k] <= '9')
            return 1;
    return names_month(text, s, e);
}

/* Whether text[s..e) gives its own year: in digits or in words ("2024",
 * "del año pasado", "last August", "letzten Jahres"). */
static int names_year(const char *text, size_t s, size_t e)
{
    return has_year_digits(text + s, e - s) || relative_surface(text + s, e - s);
}

/* Two dates of one shape written as the ends of a span ("between October
 * 2023 and May 2025", "from 1939 to 1945", "du 3 mai au 5 juin", "del 3 de
 * mayo al 5 de junio", "vom 3. Mai bis 5. Juni", "entre 2010 y 2015")
 * become one range, as "May 16-17" is: value the start, end_value the end.
 * An end that gives no year of its own takes the start's ("from 3 May
 * 2024 to 5 June"; the next year when it comes earlier in the calendar),
 * a start without one the end's ("between August and November last
 * year"; the year before when it comes later), and a start without a
 * month the end's ("del 3 al 5 de mayo"; the month before when its day
 * is later: "del 30 al 5 de mayo" opens on 30 April). Returns the new
 * count. */
static size_t join_spans(const char *text, size_t len, chr_timex *x, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        x[k] = x[i];
        chr_timex *a = &x[k++], *b = i + 1 < n ? &x[i + 1] : NULL;
        size_t sh;
        int opener;
        if (!b || a->type != CHR_TIMEX_DATE || b->type != CHR_TIMEX_DATE || b->end > len ||
            b->start < a->end || b->start - a->end > 24 ||
            ((a->flags | b->flags) & CHR_TIMEX_RANGE) || (sh = date_shape(a->value)) == 0 ||
            date_shape(b->value) != sh || !calendar_surface(text, a->start, a->end) ||
            !calendar_surface(text, b->start, b->end) ||
            (opener = span_opener(text, a->start)) == 0 ||
            !span_gap(text, a->end, b->start, opener))
            continue;
        /* both ends are worked on in copies: a pair that is no span keeps
         * its values */
        char av[sizeof a->value], ev[sizeof b->value];
        memcpy(av, a->value, sizeof av);
        memcpy(ev, b->value, sizeof ev);
        int y, md, y2, md2;
        if (!parse_value(av, &y, &md) || !parse_value(ev, &y2, &md2)) {
            /* years or decades ("1939", "198"): as written */
        } else if (sh == 10 && !names_month(text, a->start, a->end) &&
                   names_month(text, b->start, b->end)) {
            /* "do dia 3 ao dia 5 de maio": 3 May; "del 30 al 5 de mayo": 30 April */
            int ny = y2, nm = md2 / 100;
            if (md % 100 > md2 % 100 && --nm == 0) {
                nm = 12;
                ny--;
            }
            if (md % 100 > chr_month_days(ny, nm))
                continue;
            memcpy(av, ev, 8);
            set_year(av, ny);
            av[5] = (char)('0' + nm / 10);
            av[6] = (char)('0' + nm % 10);
        } else if (!names_year(text, b->start, b->end)) {
            int ny = md2 < md ? y + 1 : y;
            if (md2 % 100 <= chr_month_days(ny, md2 / 100))
                set_year(ev, ny);
        } else if (!names_year(text, a->start, a->end)) {
            int ny = md > md2 ? y2 - 1 : y2;
            if (md % 100 <= chr_month_days(ny, md / 100))
                set_year(av, ny);
        }
        if (strcmp(ev, av) <= 0)
            continue; /* not a span forwards in time */
        memcpy(a->value, av, sizeof av);
        memcpy(a->end_value, ev, sizeof ev);
        a->end = b->end;
        a->flags |= CHR_TIMEX_RANGE | (b->flags & CHR_TIMEX_RELATIVE);
        i++;
    }
    return k;
}

/* Nouns that take a date as their name in Romance languages (and English
 * "movement"): "Movimiento 6 de abril", "plaza 2 de Mayo", "pont du 6
 * Octobre", "Avenida 9 de Julio", "piazza 25 aprile": the date names a
 * place or a group, it dates nothing. */
static const char *const NAME_HEADS[] = {
    "movimiento", "movimento", "mouvement",   "movement",   "grupo",   "groupe",    "gruppo",
    "plaza",      "place",     "piazza",      "praça",      "praca",   "calle",     "rue",
    "via",        "rua",       "avenida",     "avenue",     "viale",   "boulevard", "puente",
    "pont",       "ponte",     "estadio",     "stade",      "stadio",  "barrio",    "quartier",
    "colonia",    "hospital",  "hôpital",     "ospedale",   "escuela", "école",     "colegio",
    "liceo",      "lycée",     "universidad", "université", "jóvenes", "jeunes",    "giovani",
    "brigada",    "brigade",   "frente",      "front",      "partido", "parti"};

/* Heads of streets and squares, whose names may be a day in words
 * ("viale Primo Maggio", "via Venti Settembre", "calle Primero de Mayo"). */
static const char *const STREET_HEADS[] = {"via",   "viale", "piazza", "corso",
                                           "largo", "calle", "plaza",  "avenida",
                                           "rua",   "praça", "rue",    "boulevard"};

/* Heads that name a group of people: their name may carry an adjective
 * between the head and the date ("Movimiento Juvenil del 6 de Abril",
 * "Grupo Juvenil Opositor 16 de Abril"). */
static const char *const GROUP_HEADS[] = {
    "movimiento", "movimento", "mouvement", "movement", "grupo",   "groupe", "gruppo",
    "jóvenes",    "jeunes",    "giovani",   "brigada",  "brigade", "frente", "front"};

static int in_list(const char *w, const char *const *l, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(w, l[k]))
            return 1;
    return 0;
}

/* Opening quotes and brackets glued to a word: « “ ‘ " ' ( [ */
static size_t skip_open_quotes(const char *text, size_t b, size_t e)
{
    for (;;) {
        if (b < e && (text[b] == '"' || text[b] == '\'' || text[b] == '(' || text[b] == '['))
            b++;
        else if (b + 1 < e && (unsigned char)text[b] == 0xc2 && (unsigned char)text[b + 1] == 0xab)
            b += 2;
        else if (b + 2 < e && (unsigned char)text[b] == 0xe2 &&
                 (unsigned char)text[b + 1] == 0x80 &&
                 ((unsigned char)text[b + 2] == 0x9c || (unsigned char)text[b + 2] == 0x98))
            b += 3;
        else
            return b;
    }
}

/* Whether the word at b is written with a capital (ASCII or a Latin-1
 * capital in UTF-8: "Juvenil", "Élite"). */
static int capital_at(const char *text, size_t b)
{
    unsigned char c = (unsigned char)text[b];
    return (c >= 'A' && c <= 'Z') ||
           (c == 0xc3 && (unsigned char)text[b + 1] >= 0x80 && (unsigned char)text[b + 1] <= 0x9e);
}

/* The word before p (skipping spaces, opening quotes and "del", "de",
 * "du", "de la", "des", and for a group one capitalised word of its
 * name), folded to lower case ASCII bytes as written, is one of heads. */
static int head_before(const char *text, size_t at, const char *const *heads, size_t n_heads)
{
    size_t e = at;
    int adjective = 0;
    for (int skip = 0; skip < 4; skip++) {
        while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t'))
            e--;
        size_t b = e;
        while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '\t' &&
               text[b - 1] != '(' && text[b - 1] != '"')
            b--;
        size_t wb = skip_open_quotes(text, b, e);
        size_t n = e - wb;
        if (n == 0 || n >= 24)
            return 0;
        char w[24];
        for (size_t i = 0; i < n; i++)
            w[i] = (char)(text[wb + i] >= 'A' && text[wb + i] <= 'Z' ? text[wb + i] + 32
                                                                     : text[wb + i]);
        w[n] = 0;
        if (!strcmp(w, "del") || !strcmp(w, "de") || !strcmp(w, "du") || !strcmp(w, "des") ||
            !strcmp(w, "la") || !strcmp(w, "della") || !strcmp(w, "do") || !strcmp(w, "da")) {
            e = b;
            continue;
        }
        if (in_list(w, heads, n_heads))
            return !adjective || in_list(w, GROUP_HEADS, sizeof GROUP_HEADS / sizeof *GROUP_HEADS);
        if (adjective || wb != b || !capital_at(text, wb))
            return 0;
        adjective = 1; /* "Movimiento Juvenil del": look one word further */
        e = b;
    }
    return 0;
}

/* Whether the day md (month * 100 + day) at byte at is a public holiday's
 * long weekend: "il ponte del 25 aprile", "el puente del 1 de mayo", "le
 * pont du 8 mai" (a lowercase "bridge" and "of"); not a bridge's name ("le
 * pont du 6 octobre" in Cairo, "Ponte 25 de Abril"). */
static int long_weekend(const char *text, size_t at, int md)
{
    static const int HOLIDAYS[] = {101,  106,  425,  501,  508,  602,  714, 815,
                                   1012, 1101, 1111, 1206, 1208, 1225, 1226};
    int holiday = 0;
    for (size_t k = 0; k < sizeof HOLIDAYS / sizeof *HOLIDAYS; k++)
        holiday |= HOLIDAYS[k] == md;
    if (!holiday)
        return 0;
    size_t e = at;
    for (int w = 0; w < 2; w++) {
        while (e > 0 && text[e - 1] == ' ')
            e--;
        if (w == 0 && e > 0 && text[e - 1] == '\'')
            e--; /* "dell'8 dicembre" */
        size_t b = e;
        while (b > 0 && text[b - 1] >= 'a' && text[b - 1] <= 'z')
            b--;
        if (w == 0 && !((e - b == 3 && !memcmp(text + b, "del", 3)) ||
                        (e - b == 4 && !memcmp(text + b, "dell", 4)) ||
                        (e - b == 2 && !memcmp(text + b, "du", 2))))
            return 0;
        if (w == 1)
            return (b == 0 || text[b - 1] == ' ') &&
                   ((e - b == 5 && !memcmp(text + b, "ponte", 5)) ||
                    (e - b == 6 && !memcmp(text + b, "puente", 6)) ||
                    (e - b == 4 && !memcmp(text + b, "pont", 4)));
        e = b;
    }
    return 0;
}

/* Words that stand before a date in Spanish and Portuguese ("el 11 de
 * Febrero", "desde el", "el lunes 23 de Mayo", "el pasado 12 de Julio",
 * "no dia 3 de Março"): after one of them a capitalised month is still a
 * date, only written the older way. */
static const char *const DATE_LEADS[] = {"el",
                                         "la",
                                         "los",
                                         "las",
                                         "lo",
                                         "del",
                                         "al",
                                         "a",
                                         "de",
                                         "desde",
                                         "hasta",
                                         "en",
                                         "em",
                                         "no",
                                         "na",
                                         "nos",
                                         "nas",
                                         "do",
                                         "da",
                                         "dos",
                                         "das",
                                         "y",
                                         "e",
                                         "o",
                                         "u",
                                         "entre",
                                         "para",
                                         "por",
                                         "hacia",
                                         "antes",
                                         "tras",
                                         "pasado",
                                         "passado",
                                         "próximo",
                                         "proximo",
                                         "día",
                                         "dia",
                                         "hoy",
                                         "hoje",
                                         "ayer",
                                         "ontem",
                                         "lunes",
                                         "martes",
                                         "miércoles",
                                         "miercoles",
                                         "jueves",
                                         "viernes",
                                         "sábado",
                                         "sabado",
                                         "domingo",
                                         "segunda",
                                         "terça",
                                         "terca",
                                         "quarta",
                                         "quinta",
                                         "sexta",
                                         "feira",
                                         "segunda-feira",
                                         "terça-feira",
                                         "quarta-feira",
                                         "quinta-feira",
                                         "sexta-feira",
                                         "fecha",
                                         "data",
                                         "noche",
                                         "noite",
                                         "tarde",
                                         "mañana",
                                         "manhã",
                                         "madrugada"};

/* "grupo juvenil opositor 16 de Abril", "la avenida 9 de Julio": Spanish
 * and Portuguese write months in lower case, so a yearless "N de Month"
 * whose month is capitalised after a lower-case word that does not lead
 * dates ("el", "pasado", "lunes"...) is a name. */
static int capitalised_month_name(const char *text, size_t start, size_t end)
{
    const char *de = NULL;
    for (size_t i = start; i + 4 <= end && !de; i++)
        if (text[i] == ' ' && text[i + 1] == 'd' && text[i + 2] == 'e' && text[i + 3] == ' ')
            de = text + i + 4;
    if (!de || de >= text + end || !(*de >= 'A' && *de <= 'Z'))
        return 0;
    if (has_year_digits(text + start, end - start)) /* a date, however written */
        return 0;
    size_t e = start;
    while (e > 0 && text[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '(')
        b--;
    if (e <= b || !(text[b] >= 'a' && text[b] <= 'z') || e - b >= 24)
        return 0;
    for (size_t k = 0; k < sizeof DATE_LEADS / sizeof *DATE_LEADS; k++)
        if (strlen(DATE_LEADS[k]) == e - b && strncmp(text + b, DATE_LEADS[k], e - b) == 0)
            return 0;
    return 1;
}

/* Revolutions are named after their first day ("la révolution du 25
 * janvier", "Revolución del 25 de Enero"); written without a year, the
 * name is recalled long after and dates nothing. */
static const char *const EVENT_HEADS[] = {"revolución",  "revolucion", "révolution", "revolution",
                                          "rivoluzione", "revolução",  "revolucao",  "revolució"};

/* "April 6 Youth Movement", "6 April movement": the noun after. */
static int name_head_after(const char *text, size_t len, size_t end)
{
    size_t b = end;
    for (int k = 0; k < 2; k++) {
        while (b < len && text[b] == ' ')
            b++;
        size_t e = b;
        while (e < len && text[e] != ' ' && text[e] != '\n' && text[e] != ',' && text[e] != '.' &&
               text[e] != '"' && text[e] != ')' && text[e] != ';' && text[e] != ':' &&
               (unsigned char)text[e] != 0xc2 && (unsigned char)text[e] != 0xe2)
            e++; /* a closing quote ends the word: "April 6 Youth Movement" */
        if (e - b == 8 && strncasecmp(text + b, "movement", 8) == 0)
            return 1;
        if (!(e - b == 5 && strncasecmp(text + b, "youth", 5) == 0))
            return 0;
        b = e;
    }
    return 0;
}

/* Whether the expression text[s..e) opens with a weekday or a deictic
 * word ("sabato prossimo", "ieri"): a day named that way is never the
 * name of a square or a group ("scesi in piazza sabato prossimo"). */
/* Does the expression open with a word of one of the lexicon classes cls? */
static int opens_with_class(const char *text, size_t s, size_t e, unsigned cls)
{
    size_t q = s;
    while (q < e && text[q] != ' ' && text[q] != '-' && text[q] != '\'' && text[q] != ',' &&
           text[q] != '.')
        q++;
    const tlex *lx = q > s ? chr_time_lex_word(text + s, q - s) : NULL;
    return lx && (lx->cls & cls);
}

static int opens_with_day_word(const char *text, size_t s, size_t e)
{
    return opens_with_class(text, s, e, (1u << C_WDAY) | (1u << C_WDABBR) | (1u << C_DEICT));
}

/* Whether s[0..n) holds a digit. */
static int memchr_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* From p towards end over blanks, commas and the words of list: where it
 * stops (end when only those stand between), with the count of words
 * passed (stopping at the third) and whether a comma was among them. */
static size_t skip_words(const char *text, size_t p, size_t end, const char *const *list,
                         int *words, int *comma)
{
    *words = *comma = 0;
    while (p < end) {
        if (text[p] == ' ' || text[p] == ',') {
            *comma |= text[p] == ',';
            p++;
            continue;
        }
        size_t oq = skip_open_quotes(text, p, end); /* "ieri, il 'venerdì della collera'" */
        if (oq > p) {
            p = oq;
            continue;
        }
        size_t q = p;
        while (q < end && text[q] != ' ' && text[q] != ',')
            q++;
        int ok = 0;
        for (const char *const *w = list; *w && !ok; w++)
            ok = strlen(*w) == q - p && strncasecmp(text + p, *w, q - p) == 0;
        if (!ok || ++*words > 2)
            break;
        p = q;
    }
    return p;
}

/* "Hier encore, 5 septembre", "yesterday, September 5", "hier le 05
 * juillet": a word of the day (yesterday, today) with the day written
 * after it, a comma or an article between, is that day (the article's
 * date may be a day or two off the writing's); within a week of it. A
 * weekday alone after it is the word's day when it is its weekday. */
static void fix_apposition(const char *text, size_t len, chr_timex *x, size_t n)
{
    static const char *const between[] = {"le", "el", "il", "lo", "o", "the", "encore", NULL};
    for (size_t i = 0; i + 1 < n; i++) {
        int y1, md1, y2, md2;
        chr_timex *a = &x[i], *b = &x[i + 1];
        if (a->type != CHR_TIMEX_DATE || b->type != CHR_TIMEX_DATE || b->start > len ||
            strlen(a->value) != 10 || strlen(b->value) != 10 || !parse_value(a->value, &y1, &md1) ||
            !parse_value(b->value, &y2, &md2) ||
            !opens_with_class(text, a->start, a->end, 1u << C_DEICT))
            continue;
        int words, comma;
        size_t p = skip_words(text, a->end, b->start, between, &words, &comma);
        long d = chr_days_from_civil(y2, md2 / 100, md2 % 100) -
                 chr_days_from_civil(y1, md1 / 100, md1 % 100);
        if (p != b->start || words > 2 || !(comma || words) || d == 0 || d < -7 || d > 7)
            continue;
        size_t w = a->end;
        while (w < p && text[w] == ' ')
            w++;
        if (!comma && (text[w] == 'o' || text[w] == 'O') && w + 1 < p && text[w + 1] == ' ')
            continue;   /* "domani o venerdì", "mañana o el viernes": either day */
        int quoted = 0; /* a quoted weekday may name something: "Ieri, il \"venerdì nero\"" */
        for (size_t q = a->end; q < b->start && !quoted; q++)
            quoted = text[q] == '"' || text[q] == '\'' || (unsigned char)text[q] >= 0x80;
        if (quoted &&
            chr_weekday(y1, md1 / 100, md1 % 100) != chr_weekday(y2, md2 / 100, md2 % 100))
            continue;
        if (opens_with_class(text, b->start, b->end, (1u << C_WDAY) | (1u << C_WDABBR)) &&
            !memchr_digit(text + b->start, b->end - b->start) &&
            chr_weekday(y1, md1 / 100, md1 % 100) == chr_weekday(y2, md2 / 100, md2 % 100)) {
            /* "domani, venerdì": the word names the day, the weekday (read
             * from a tense) only agrees with it */
            memcpy(b->value, a->value, sizeof b->value);
            continue;
        }
        memcpy(a->value, b->value, sizeof a->value);
    }
}

/* Whether a day in apposition to a year ends its phrase at byte p: a comma
 * or "when" follows ("Ma nel 2011, il 25 gennaio, la piazza...", "Todo empezó
 * en 2011, el 25 de enero, cuando..."; not "nel 2012, il 15 gennaio lo ha
 * detto l'Istat"). */
static int closed_apposition(const char *text, size_t len, size_t p)
{
    static const char *const WHEN[] = {"when", "cuando", "quand", "quando", "quan", NULL};
    while (p < len && text[p] == ' ')
        p++;
    if (p < len && text[p] == ',')
        return 1;
    size_t e = p;
    while (e < len && ((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z')))
        e++;
    for (const char *const *w = WHEN; *w; w++)
        if (strlen(*w) == e - p && e > p && !strncasecmp(text + p, *w, e - p))
            return 1;
    return 0;
}

/* Whether the word right before byte p is "until" ("Until 2011, January 25
 * was Police Day": the year ends a span, it frames no story). */
static int after_until(const char *text, size_t p)
{
    static const char *const UNTIL[] = {"until", "till",       "hasta", "jusqu",
                                        "fino",  "at\xc3\xa9", NULL};
    static const char *const TO[] = {"al", "alla", "au", "\xc3\xa0", "a", "el", NULL};
    size_t e = p;
    for (int w = 0; w < 2; w++) { /* over an article or "to": "fino al", "jusqu'au" */
        while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == ',' || (w && text[e - 1] == '\'')))
            e--;
        size_t b = e;
        while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '\'')
            b--;
        for (const char *const *u = UNTIL; *u; u++)
            if (strlen(*u) == e - b && !strncasecmp(text + b, *u, e - b))
                return 1;
        int to = 0;
        for (const char *const *t = TO; *t && !to; t++)
            to = strlen(*t) == e - b && !strncasecmp(text + b, *t, e - b);
        if (!to)
            return 0;
        e = b;
    }
    return 0;
}

/* Whether the expression at byte at opens its sentence, after at most a
 * preposition ("Nel 2012", "In 2011", "L'anno scorso"). */
static int opens_sentence(const char *text, size_t at)
{
    static const char *const PREP[] = {"nel", "in", "en", "dans", "no", "em", "\xc3\xaen", NULL};
    size_t e = at;
    for (int w = 0; w < 2; w++) {
        while (e > 0 && text[e - 1] == ' ')
            e--;
        if (e == 0 || text[e - 1] == '.' || text[e - 1] == '\n' || text[e - 1] == '!' ||
            text[e - 1] == '?' || text[e - 1] == ';')
            return 1;
        size_t b = e;
        while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n')
            b--;
        int prep = 0;
        for (const char *const *q = PREP; *q && !prep; q++)
            prep = strlen(*q) == e - b && !strncasecmp(text + b, *q, e - b);
        if (!prep || w)
            return 0;
        e = b;
    }
    return 0;
}

/* "L'anno scorso, il 25 gennaio", "En 2011, le 25 janvier", "Last year, on
 * January 25": a day without its year in apposition to a year (a comma,
 * then an article or "on" at most) is that year's. */
static void fix_year_apposition(const char *text, size_t len, chr_timex *x, size_t n)
{
    static const char *const between[] = {"le", "el", "il", "lo", "o", "the", "on", "a", NULL};
    for (size_t i = 0; i + 1 < n; i++) {
        chr_timex *a = &x[i], *b = &x[i + 1];
        int y, md;
        if (a->type != CHR_TIMEX_DATE || b->type != CHR_TIMEX_DATE || b->start > len ||
            strlen(a->value) != 4 || !parse_value(b->value, &y, &md) || md % 100 == 0 ||
            has_year_digits(text + b->start, b->end - b->start) || (b->flags & CHR_TIMEX_RANGE) ||
            opens_with_day_word(text, b->start, b->end))
            continue; /* a weekday or "yesterday" counts from the report */
        if (since_clause(text, a->start) || after_until(text, a->start))
            continue; /* "Since 2011, January 25 has been a holiday" */
        size_t p = a->end;
        while (p < b->start && text[p] == ' ')
            p++;
        int words, comma;
        if (p < b->start && text[p] != ',' && opens_sentence(text, a->start)) {
            /* "L'anno scorso il 25 aprile era stato contestato", "Nel 2012 il
             * 15 gennaio cadde di domenica": nothing but an article between */
            p = skip_words(text, p, b->start, between, &words, &comma);
            if (p == b->start && words <= 1 && !comma)
                move(b, atoi(a->value));
            continue;
        }
        if (p >= b->start || text[p] != ',' || !closed_apposition(text, len, b->end))
            continue; /* "Il Pil è cresciuto nel 2012, il 15 gennaio lo ha detto l'Istat" */
        p = skip_words(text, p + 1, b->start, between, &words, &comma);
        if (p == b->start && words <= 1 && !comma && a->value[0] >= '0' && a->value[0] <= '9')
            move(b, atoi(a->value));
    }
}

/* A weekday alone, capitalised, after "du/del/della/do/da" ("le Journal du
 * Dimanche", "El Correo del Domingo"): a name where weekdays are written
 * in lower case. */
static int weekday_name(const char *text, const chr_timex *t)
{
    static const char *const of[] = {"du", "del", "della", "do", "da", NULL};
    if (!(text[t->start] >= 'A' && text[t->start] <= 'Z') ||
        !opens_with_class(text, t->start, t->end, 1u << C_WDAY) ||
        memchr(text + t->start, ' ', t->end - t->start))
        return 0;
    size_t e = t->start;
    while (e > 0 && text[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n')
        b--;
    for (const char *const *w = of; *w; w++)
        if (strlen(*w) == e - b && strncmp(text + b, *w, e - b) == 0)
            return 1;
    return 0;
}

/* Fewest entries, each a line opening with a clock time, that make a live
 * page. */
#define LIVE_MIN 3
/* A step back between two entries of a live page (minutes) that says the
 * day went on past midnight. */
#define LIVE_WRAP (12 * 60)

/* Minutes of the day of a time's value "YYYY-MM-DDTHH:MM...", -1 for any
 * other value. */
static int clock_minutes(const char *v)
{
    if (strlen(v) < 16 || v[10] != 'T' || v[13] != ':' || !isdigit((unsigned char)v[11]) ||
        !isdigit((unsigned char)v[12]) || !isdigit((unsigned char)v[14]) ||
        !isdigit((unsigned char)v[15]))
        return -1;
    int h = (v[11] - '0') * 10 + v[12] - '0', mi = (v[14] - '0') * 10 + v[15] - '0';
    return h < 24 && mi < 60 ? h * 60 + mi : -1;
}

/* A live page's entries each open their line with a clock time and a
 * separator ("ore 23:45 – Mubarak parla in tv", "ore 00:35 – Obama ha
 * telefonato", "22h10 : ..."), all of which the tagger put on one day, the
 * publication day. Past midnight the page goes on into the next day: read
 * oldest first, a step back of twelve hours or more between two entries
 * crosses into the next day (the page is read bottom up when it is written
 * newest first, as its steps of under twelve hours say; a page whose
 * steps go both ways is no live page). The day the page began is the
 * publication day, unless another day has more than twice its entries: a
 * page of 19 March opens with two entries of the night before and ends
 * past midnight. A page that heads its days ("29 gennaio") is left as the
 * tagger read it. x[0..n) changed in place. */
static void fix_live_times(const char *text, size_t len, chr_timex *x, size_t n)
{
    size_t *e = malloc((n ? n : 1) * sizeof *e), ne = 0;
    if (!e)
        return;
    for (size_t i = 0; i < n; i++) {
        size_t digits = 0;
        for (size_t k = x[i].start; k < x[i].end && k < len; k++)
            digits += isdigit((unsigned char)text[k]) != 0;
        if (x[i].type == CHR_TIMEX_TIME && !(x[i].flags & CHR_TIMEX_RANGE) && x[i].end <= len &&
            digits <= 4 && clock_minutes(x[i].value) >= 0 && line_start(text, x[i].start) &&
            item_separator(text, len, x[i].end))
            e[ne++] = i; /* a clock time alone, no day written with it */
    }
    int up = 0, down = 0; /* steps of under twelve hours up and down */
    for (size_t k = 1; k < ne; k++) {
        if (memcmp(x[e[k]].value, x[e[0]].value, 10)) {
            ne = 0; /* entries of several days the tagger read: leave them */
            break;
        }
        int step = clock_minutes(x[e[k]].value) - clock_minutes(x[e[k - 1]].value);
        up += step > 0 && step < LIVE_WRAP;
        down += step < 0 && -step < LIVE_WRAP;
    }
    if (up && down)
        ne = 0; /* out of order: a recap by topic, no live page */
    for (size_t i = 0; ne && i < n; i++)
        if (x[i].type == CHR_TIMEX_DATE && x[i].start > x[e[0]].start &&
            x[i].start < x[e[ne - 1]].start && line_start(text, x[i].start) &&
            strlen(x[i].value) == 10)
            ne = 0; /* the page heads its days ("29 gennaio"): they say which */
    int *off = ne >= LIVE_MIN && up != down ? calloc(ne, sizeof *off) : NULL;
    if (off) {
        /* each entry's day counted from the oldest's, in the order written
         * (oldest first, or newest first read from the end); the day the
         * page began is its publication day, unless another has more than
         * twice its entries */
        int days = 0, best = 0, run = 1, first_run = 0, best_run = 0;
        for (size_t k = 1; k <= ne; k++) {
            size_t cur = up ? k : ne - 1 - k, prev = up ? k - 1 : ne - k;
            if (k == ne ||
                clock_minutes(x[e[prev]].value) - clock_minutes(x[e[cur]].value) >= LIVE_WRAP) {
                if (!days)
                    first_run = run;
                if (run > best_run)
                    best_run = run, best = days;
                days++, run = 0;
            }
            if (k < ne)
                off[cur] = days, run++;
        }
        if (best_run <= 2 * first_run)
            best = 0;
        int y = atoi(x[e[0]].value), mo = atoi(x[e[0]].value + 5), d = atoi(x[e[0]].value + 8);
        long day0 = chr_days_from_civil(y, mo, d);
        for (size_t k = 0; k < ne; k++) {
            if (off[k] == best)
                continue;
            char day[11];
            chr_civil_from_days(day0 + off[k] - best, &y, &mo, &d);
            snprintf(day, sizeof day, "%04d-%02d-%02d", y, mo, d);
            memcpy(x[e[k]].value, day, 10);
        }
    }
    free(off);
    free(e);
}

/* The year a value opens with ("2014", "2014-02-11", "2014-W05"), 0 for
 * none ("XXXX-05", "PAST_REF"). */
static int value_year(const char *v)
{
    for (int k = 0; k < 4; k++)
        if (v[k] < '0' || v[k] > '9')
            return 0;
    return v[4] == '\0' || v[4] == '-' || v[4] == 'T' ? atoi(v) : 0;
}

/* Whether a word of text[s..e) is of one of the lexicon classes cls: a
 * weekday ("il sabato successivo"), a month, "today" ("at 5 p.m. today"). */
static int holds_class(const char *text, size_t s, size_t e, unsigned cls)
{
    for (size_t p = s; p < e;) {
        size_t q = p;
        while (q < e && text[q] != ' ' && text[q] != '\'' && text[q] != ',' && text[q] != '.')
            q++;
        const tlex *lx = q > p ? chr_time_lex_word(text + p, q - p) : NULL;
        if (lx && (lx->cls & cls))
            return 1;
        p = q + 1;
    }
    return 0;
}

/* Days since 1970 of the day a value opens with ("2014-02-11",
 * "2014-02-11T10:00"), NO_DAY for a value without one. */
#define NO_DAY LONG_MIN
static long value_day(const char *v)
{
    int y, md;
    char b[11];
    if (strlen(v) < 10 || (v[10] != '\0' && v[10] != 'T'))
        return NO_DAY;
    memcpy(b, v, 10);
    b[10] = '\0';
    if (!parse_value(b, &y, &md) || !(md % 100))
        return NO_DAY;
    return chr_days_from_civil(y, md / 100, md % 100);
}

/* The weekday (1 = Monday) of day z since 1970-01-01, a Thursday. */
static int wday_of(long z)
{
    return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

/* Write day z over the first ten bytes of value v ("YYYY-MM-DD..."). */
static void put_day(char *v, long z)
{
    int y, m, d;
    char b[11];
    chr_civil_from_days(z, &y, &m, &d);
    if (y < 1 || y > 9999)
        return;
    snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
    memcpy(v, b, 10);
}

/* Anaphors follow the date they were read from when the passes above moved
 * it: the tagger read "L'anno successivo" after "l'11 febbraio" (2014, the
 * year nearest the publication) as 2015; the story's year moved the day to
 * 2011, and so the year after it to 2012. An anaphor (CHR_TIMEX_ANCHORED,
 * no figure) moves as the date or time last before it moved: a day by as
 * many days ("le lendemain" of 28 February moved from 2013 to 2012 is 29
 * February), a weekday counted from it to the same weekday on that side
 * of the moved day ("il sabato successivo"), a year or month by as many
 * years; a week stays. old[i] and od[i] are the year and the day (NO_DAY)
 * x[i] had before the passes. */
static void follow_anchors(const char *text, chr_timex *x, size_t n, const int *old, const long *od)
{
    int dy = 0;
    long dd = 0, from = NO_DAY; /* the last moved date's day shift and old day */
    for (size_t i = 0; i < n; i++) {
        int y = value_year(x[i].value);
        if (!y || (x[i].type != CHR_TIMEX_DATE && x[i].type != CHR_TIMEX_TIME))
            continue;
        long nd = value_day(x[i].value);
        if (y != old[i]) {
            dy = y - old[i];
            from = od[i];
            dd = nd != NO_DAY && od[i] != NO_DAY ? nd - od[i] : 0;
            continue;
        }
        if (!dy || !(x[i].flags & CHR_TIMEX_ANCHORED) ||
            memchr_digit(text + x[i].start, x[i].end - x[i].start)) {
            dy = 0;
            continue;
        }
        if (x[i].value[4] == '-' && x[i].value[5] == 'W')
            continue;
        if (nd != NO_DAY && dd && from != NO_DAY) {
            long z = nd + dd;
            if (holds_class(text, x[i].start, x[i].end, 1u << C_WDAY)) {
                /* the same weekday on the same side of the moved day */
                long a1 = from + dd, side = nd > from ? 1 : -1;
                z = a1 + side;
                while (wday_of(z) != wday_of(nd))
                    z += side;
            }
            put_day(x[i].value, z);
            continue;
        }
        int y1, md;
        if (holds_class(text, x[i].start, x[i].end, 1u << C_WDAY) ||
            (parse_value(x[i].value, &y1, &md) && md % 100 &&
             md % 100 > chr_month_days(y + dy, md / 100)))
            continue;
        set_year(x[i].value, y + dy);
        if ((x[i].flags & CHR_TIMEX_RANGE) && (y1 = value_year(x[i].end_value)) != 0)
            set_year(x[i].end_value, y1 + dy);
    }
}

/* A clock time that a recurrence leads ("Chaque matin à 8 heures",
 * "Ogni mattina alle 8", "Cada mañana a las 8", "Every morning at 8
 * a.m.") is the hour of every such day, none of the publication day's:
 * its day becomes "XXXX-XX-XX". */
static void fix_set_times(const char *text, size_t len, chr_timex *x, size_t n)
{
    static const char *const AT[] = {"\xc3\xa0",  "alle", "a",   "las", "at",
                                     "\xc3\xa0s", "um",   "ore", "la",  ","};
    for (size_t i = 1; i < n; i++) {
        if (x[i].type != CHR_TIMEX_TIME || x[i - 1].type != CHR_TIMEX_SET ||
            x[i].start < x[i - 1].end || x[i].end > len || x[i].start - x[i - 1].end > 10 ||
            clock_minutes(x[i].value) < 0 ||
            holds_class(text, x[i].start, x[i].end,
                        (1u << C_WDAY) | (1u << C_MONTH) | (1u << C_DEICT)) ||
            (i + 1 < n && x[i + 1].type == CHR_TIMEX_DATE && x[i + 1].start >= x[i].end &&
             x[i + 1].start - x[i].end <= 6))
            continue; /* (not "at 5 p.m. today", "a las 12 del 19 de agosto": a day's) */
        int ok = 1;   /* only "at" words between */
        for (size_t p = x[i - 1].end; p < x[i].start && ok;) {
            if (text[p] == ' ') {
                p++;
                continue;
            }
            size_t e = p;
            while (e < x[i].start && text[e] != ' ')
                e++;
            ok = 0;
            for (size_t k = 0; k < sizeof AT / sizeof *AT && !ok; k++)
                ok = strlen(AT[k]) == e - p && !strncasecmp(text + p, AT[k], e - p);
            p = e;
        }
        if (!ok)
            continue;
        memcpy(x[i].value, "XXXX-XX-XX", 10);
        x[i].flags &= ~(CHR_TIMEX_RELATIVE | CHR_TIMEX_ANCHORED);
    }
}

size_t chr_time_fix_document(const char *text, size_t len, const chr_date *ref, chr_timex *x,
                             size_t n)
{
    /* dates that are names are no dates; nor is one that letters or digits
     * go on from ("Feb17voices", a group's handle) */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int y, md;
        if (x[i].type == CHR_TIMEX_DATE && x[i].end < len && isalnum((unsigned char)text[x[i].end]))
            continue;
        if (x[i].type == CHR_TIMEX_DATE && x[i].end <= len && weekday_name(text, &x[i]))
            continue;
        if (x[i].type == CHR_TIMEX_DATE && x[i].end <= len &&
            !has_year_digits(text + x[i].start, x[i].end - x[i].start) &&
            head_before(text, x[i].start, EVENT_HEADS, sizeof EVENT_HEADS / sizeof *EVENT_HEADS))
            continue;
        if (x[i].type == CHR_TIMEX_DATE && x[i].end <= len && parse_value(x[i].value, &y, &md) &&
            md % 100 && !opens_with_day_word(text, x[i].start, x[i].end) &&
            /* a name's date opens with its day's number or its day in a
             * capitalised word ("plaza 2 de Mayo", "viale Primo Maggio");
             * "take place April 13", "taken to hospital March 3",
             * "descendre dans la rue ce dimanche" date events */
            (((text[x[i].start] >= '0' && text[x[i].start] <= '9') &&
              head_before(text, x[i].start, NAME_HEADS, sizeof NAME_HEADS / sizeof *NAME_HEADS) &&
              !long_weekend(text, x[i].start, md)) ||
             (capital_at(text, x[i].start) &&
              opens_with_class(text, x[i].start, x[i].end, (1u << C_NUMW) | (1u << C_ORDW)) &&
              head_before(text, x[i].start, STREET_HEADS,
                          sizeof STREET_HEADS / sizeof *STREET_HEADS)) ||
             name_head_after(text, len, x[i].end) ||
             capitalised_month_name(text, x[i].start, x[i].end)))
            continue;
        x[k++] = x[i];
    }
    int *old = k ? malloc(k * sizeof *old) : NULL;
    long *od = k ? malloc(k * sizeof *od) : NULL;
    for (size_t i = 0; old && od && i < k; i++) {
        old[i] = value_year(x[i].value);
        od[i] = value_day(x[i].value);
    }
    fix_apposition(text, len, x, k);
    fix_year_apposition(text, len, x, k);
    fix_lists(text, len, x, k);
    fix_spans(text, len, x, k);
    fix_live_times(text, len, x, k);
    fix_set_times(text, len, x, k);
    fix_narrative(text, len, ref && ref->year > 0 ? ref : NULL, x, k);
    if (old && od)
        follow_anchors(text, x, k, old, od);
    free(old);
    free(od);
    return join_spans(text, len, x, k);
}
