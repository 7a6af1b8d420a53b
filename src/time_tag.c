/* chronicle — time: the single-pass scanner and the TIMEX3 grammar.
 * Owns: tokenising text into words/numbers/punctuation, the chunking that
 * skips text without temporal words, the pattern functions that recognise
 * expressions and their normalisation against a reference date. */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "civil.h"
#include "time_int.h"

/* ---- calendar ---------------------------------------------------------- */

long chr_days_from_civil(int y, int m, int d)
{
    return chr_civil_days(y, m, d);
}

void chr_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

int chr_weekday(int y, int m, int d)
{
    long z = chr_days_from_civil(y, m, d);
    long w = (z + 3) % 7; /* 1970-01-01 was a Thursday (3 with Monday = 0) */
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

void chr_iso_week(int y, int m, int d, int *wy, int *w)
{
    long z = chr_days_from_civil(y, m, d);
    int wd = chr_weekday(y, m, d);
    long thu = z - wd + 4; /* the Thursday of this ISO week decides the year */
    int ty, tm, td;
    chr_civil_from_days(thu, &ty, &tm, &td);
    long jan1 = chr_days_from_civil(ty, 1, 1);
    *wy = ty;
    *w = (int)((thu - jan1) / 7) + 1;
}

int chr_month_days(int y, int m)
{
    static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 31;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return md[m - 1];
}

/* ---- tokens ------------------------------------------------------------ */

enum { TK_WORD = 1, TK_NUM, TK_PUNCT };

typedef struct tk {
    size_t s, e;
    const tlex *lx;
    uint32_t cm;  /* classes active for the requested languages */
    uint32_t num; /* value of a number token (capped) */
    uint8_t kind;
    uint8_t nd;    /* digits */
    uint8_t glued; /* no white space before */
    uint8_t cap;   /* capitalised word */
    char ch;       /* punctuation: ASCII char; '\'' for ’, '-' for dashes */
} tk;

#define HEAD_MASK                                                                                  \
    ((1u << C_MONTH) | (1u << C_MONABBR) | (1u << C_WDAY) | (1u << C_WDABBR) | (1u << C_UNIT) |    \
     (1u << C_UNITPL) | (1u << C_SEASON) | (1u << C_PART) | (1u << C_DEICT) | (1u << C_SET) |      \
     (1u << C_DECW) | (1u << C_POSTREL) | (1u << C_NUMW) | (1u << C_HOLIDAY) | (1u << C_WDAYPL))

#define CHUNK_MAX 256

/* Matching state for one text. */
typedef struct M {
    const char *text;
    size_t len;
    tk *t;
    int n;
    unsigned lang;
    int hasref, ry, rm, rd;
    /* anaphora: the last resolved calendar date */
    int ay, am, ad, aq;
    int qy, qq;         /* the last quarter mentioned anywhere before */
    int lastq;          /* the last expression was about a quarter (not "nine months", a year...) */
    char agran;         /* 'Y', 'Q', 'M', 'D' or 0 */
    unsigned char *out; /* records of rec bytes: chr_tx, or chr_timex when pub */
    size_t nout, cap, rec;
    int oom;
    size_t memo_s, memo_e; /* last guess_tense query */
    int memo_t, memo_ok, memo_perf;
    int memo_pres; /* that tense came from a present copula or schedule verb (English);
                    * 2: a Romance schedule verb, which only a weekday follows ahead;
                    * 3: a notice's label ("Pay May 22", sched_label) */
    int memo_adj;  /* that tense is a past verb right before the date ("começaram a
                    * 25 de janeiro", "arrived on May 3"), which tells its year */
    /* times of day without their day, the last ones emitted: records
     * pend..pend+npend-1, the last ending at byte pend_end (a day written
     * right after gives them theirs: "à 2h30, heure locale, le 21 août") */
    size_t pend, npend, pend_end;
} M;

/* A match. */
typedef struct R {
    int first, end; /* token range of the extent */
    int type;
    char v[48], ev[48];
    unsigned flags;
    int tense, y, m, d, explicit_day, rel_week;
    int wd;    /* the weekday written with a day of the month (1 = Monday), 0 none */
    char gran; /* for anaphora */
    int q;
    int dayless;    /* a time of day whose day was not written (context or reference day) */
    int anchored;   /* "that day" valued from the date last mentioned */
    int sy, sm, sd; /* a length after a day ("two days later", kept a length as
                     * TimeML marks it): the day it leads to, which the
                     * anaphors after it count from; sy 0 for none */
} R;

/* An internal flag of R (never output): the extent starts with the word
 * of ASCII letters before token first, which the scanner does not keep
 * (Romanian "a" of "a doua zi"; not the "«" or "." glued to it). */
#define R_WORD_BEFORE (1u << 31)

static inline int has(const M *m, int i, int c)
{
    return i >= 0 && i < m->n && ((m->t[i].cm >> c) & 1u);
}
static inline int val(const M *m, int i, int c)
{
    return m->t[i].lx->val[c];
}
static inline int kw(const M *m, int i, int k)
{
    return (has(m, i, C_KW) && val(m, i, C_KW) == k) || (has(m, i, C_KW2) && val(m, i, C_KW2) == k);
}
static inline int pu(const M *m, int i, char c)
{
    return i >= 0 && i < m->n && m->t[i].kind == TK_PUNCT && m->t[i].ch == c;
}
static inline int isnum(const M *m, int i)
{
    return i >= 0 && i < m->n && m->t[i].kind == TK_NUM;
}
static inline int glued(const M *m, int i)
{
    return i < m->n && m->t[i].glued;
}
static int word_after(const M *m, int i, const char *w);
static int word_before(const M *m, int i, const char *w);
static int fr_plural_rel(const M *m, int i);
static int fr_la_after(const M *m, int k);
static int of_last_emitted(const M *m, int i);

/* The expression emitted last, or NULL. */
static const chr_timex *last_out(const M *m)
{
    return m->nout ? (const chr_timex *)(const void *)(m->out + (m->nout - 1) * m->rec) : NULL;
}

/* A plain number: not part of 1,500 or 3.5 or 10/27. */
static int plainnum(const M *m, int i)
{
    if (!isnum(m, i))
        return 0;
    if (i > 0 && glued(m, i) && m->t[i - 1].kind == TK_NUM)
        return 0;
    if (i > 1 && glued(m, i) && (pu(m, i - 1, ',') || pu(m, i - 1, '.') || pu(m, i - 1, '/')) &&
        isnum(m, i - 2) && glued(m, i - 1))
        return 0;
    if (i + 2 < m->n &&
        (pu(m, i + 1, ',') || pu(m, i + 1, '.') || pu(m, i + 1, '/') || pu(m, i + 1, ':')) &&
        glued(m, i + 1) && glued(m, i + 2) && isnum(m, i + 2))
        return 0;
    if (i > 0 && glued(m, i) && (pu(m, i - 1, '$') || pu(m, i - 1, '#')))
        return 0;
    if (i + 1 < m->n && glued(m, i + 1) && pu(m, i + 1, '%'))
        return 0;
    return 1;
}

/* ---- value helpers ----------------------------------------------------- */

static void add_days(int *y, int *mo, int *d, long k)
{
    chr_civil_from_days(chr_days_from_civil(*y, *mo, *d) + k, y, mo, d);
}

static void add_months(int *y, int *mo, int k)
{
    int t = *y * 12 + (*mo - 1) + k;
    *y = t / 12;
    *mo = t % 12 + 1;
}

/* Fast formatting of the common values (snprintf costs as much as the
 * matching); out-of-range fields fall back to snprintf. b holds 48 bytes. */
static void put_n(char *b, unsigned v, int w)
{
    for (int k = w - 1; k >= 0; k--) {
        b[k] = (char)('0' + v % 10);
        v /= 10;
    }
}
static void fmt_y(char *b, int y)
{
    if (y < 0 || y > 9999) {
        snprintf(b, 48, "%04d", y);
        return;
    }
    put_n(b, (unsigned)y, 4);
    b[4] = 0;
}
static void fmt_ym(char *b, int y, int mo)
{
    if (y < 0 || y > 9999 || mo < 0 || mo > 99) {
        snprintf(b, 48, "%04d-%02d", y, mo);
        return;
    }
    put_n(b, (unsigned)y, 4);
    b[4] = '-';
    put_n(b + 5, (unsigned)mo, 2);
    b[7] = 0;
}
static void fmt_ymd(char *b, int y, int mo, int d)
{
    if (y < 0 || y > 9999 || mo < 0 || mo > 99 || d < 0 || d > 99) {
        snprintf(b, 48, "%04d-%02d-%02d", y, mo, d);
        return;
    }
    fmt_ym(b, y, mo);
    b[7] = '-';
    put_n(b + 8, (unsigned)d, 2);
    b[10] = 0;
}

static void fmt_date(char *b, int y, int mo, int d)
{
    if (y > 0)
        fmt_ymd(b, y, mo, d);
    else
        snprintf(b, 48, "XXXX-%02d-%02d", mo, d);
}

/* Value of "unit u shifted by k" around an anchor date (y, mo, d). */
static void fmt_unit(char *b, int u, long k, int y, int mo, int d)
{
    int wy, w;
    switch (u) {
    case U_DAY:
        add_days(&y, &mo, &d, k);
        fmt_date(b, y, mo, d);
        return;
    case U_FORTNIGHT:
        k *= 2;
        /* fall through */
    case U_WEEK:
    case U_WEEKEND:
        add_days(&y, &mo, &d, 7 * k);
        chr_iso_week(y, mo, d, &wy, &w);
        snprintf(b, 48, "%04d-W%02d%s", wy, w, u == U_WEEKEND ? "-WE" : "");
        return;
    case U_MONTH:
        add_months(&y, &mo, (int)k);
        fmt_ym(b, y, mo);
        return;
    case U_QUARTER: {
        int t = y * 4 + (mo - 1) / 3 + (int)k;
        snprintf(b, 48, "%04d-Q%d", t / 4, t % 4 + 1);
        return;
    }
    case U_HALF: {
        int t = y * 2 + (mo - 1) / 6 + (int)k;
        snprintf(b, 48, "%04d-H%d", t / 2, t % 2 + 1);
        return;
    }
    case U_YEAR:
        fmt_y(b, y + (int)k);
        return;
    case U_DECADE:
        snprintf(b, 48, "%03d", y / 10 + (int)k);
        return;
    case U_CENTURY:
        snprintf(b, 48, "%02d", y / 100 + (int)k);
        return;
    case U_MILLENNIUM:
        snprintf(b, 48, "%d", y / 1000 + (int)k);
        return;
    default: /* hours, minutes: the day */
        fmt_date(b, y, mo, d);
        return;
    }
}

static const char *dur_letter(int u, int *mult, int *timepart)
{
    *mult = 1;
    *timepart = 0;
    switch (u) {
    case U_SEC:
        *timepart = 1;
        return "S";
    case U_MIN:
        *timepart = 1;
        return "M";
    case U_HOUR:
        *timepart = 1;
        return "H";
    case U_DAY:
        return "D";
    case U_WEEK:
        return "W";
    case U_WEEKEND:
        *mult = 2;
        return "D";
    case U_FORTNIGHT:
        *mult = 2;
        return "W";
    case U_MONTH:
        return "M";
    case U_QUARTER:
        return "Q";
    case U_HALF:
        *mult = 6;
        return "M";
    case U_DECADE:
        *mult = 10;
        return "Y";
    case U_CENTURY:
        *mult = 100;
        return "Y";
    case U_MILLENNIUM:
        *mult = 1000;
        return "Y";
    default:
        return "Y";
    }
}

/* Duration value: n < 0 means unknown ("PXY"); half adds one half unit. */
static void fmt_dur(char *b, long n, int u, int half)
{
    int mult, tp;
    const char *l = dur_letter(u, &mult, &tp);
    if (n < 0) {
        if (u == U_DECADE)
            snprintf(b, 48, "PXDE");
        else if (u == U_CENTURY)
            snprintf(b, 48, "PXCE");
        else
            snprintf(b, 48, "P%sX%s", tp ? "T" : "", l);
        return;
    }
    if (half && u == U_YEAR)
        snprintf(b, 48, "P%ldY6M", n);
    else if (half && u == U_HOUR)
        snprintf(b, 48, "PT%ldH30M", n);
    else if (half && u == U_DAY)
        snprintf(b, 48, "P%ldDT12H", n);
    else if (half && u == U_MIN)
        snprintf(b, 48, "PT%ldM30S", n);
    else
        snprintf(b, 48, "P%s%ld%s", tp ? "T" : "", n * mult, l);
}

/* ---- tense of the governing verb --------------------------------------- */

static int word_eq(const char *w, size_t n, const char *s)
{
    /* (no strlen of s: most calls differ in the first bytes) */
    return strncmp(w, s, n) == 0 && s[n] == '\0';
}

/* Tense cue words by language: English's only count in English text (or
 * text of unknown language): Italian "due" is two, French "possible" an
 * adjective. */
static const char *const FUT_EN[] = {
    "will",   "ll",       "shall",     "going",     "scheduled", "expected", "slated",
    "plans",  "due",      "upcoming",  "next",      "tomorrow",  "coming",   "intends",
    "aims",   "hopes",    "soon",      "planning",  "plan",      "would",    "effective",
    "can",    "possible", "likely",    "forecast",  "forecasts", "expects",  "expect",
    "intend", "aiming",   "intending", "expecting", "payable",   NULL};
/* Each language's list has its noun for a forecast ("les prévisions
 * annoncent de la pluie mardi", "le previsioni indicano nuove piogge"), a cue
 * of the future as English "forecasts" is. */
static const char *const FUT_FR[] = {"sera",  "seront", "aura",       "prochain", "prochaine",
                                     "prévu", "iront",  "feront",     "devront",  "pourront",
                                     "fera",  "auront", "prévisions", NULL};
static const char *const FUT_ES[] = {"será",   "serán",       "hará", "prevé",
                                     "prevén", "previsiones", NULL};
static const char *const FUT_ROM[] = {"prevista", "previsto", NULL}; /* es, it, pt */
static const char *const FUT_IT[] = {"sarà", "saranno", "previsioni", NULL};
static const char *const FUT_PT[] = {"previsões", "previsão", NULL};
static const char *const FUT_RO[] = {
    "vor",        "voi",      "vom",       "veți",     "veţi",       "urmează", "programat",
    "programată", "prevăzut", "prevăzută", "prognoza", "prognozele", NULL};
static const char *const PAST_RO[] = {"au", "fost", "avut", "fusese", "era", "erau", NULL};
static const char *const FUT_DE[] = {"wird", "werden", "soll", NULL};
static const char *const PAST_EN[] = {
    "was",     "were",  "had",     "did",       "said",    "told",   "came",  "went",  "made",
    "took",    "gave",  "met",     "held",      "began",   "won",    "lost",  "left",  "saw",
    "thought", "felt",  "found",   "got",       "brought", "bought", "built", "sent",  "spent",
    "paid",    "sold",  "led",     "fell",      "rose",    "ran",    "kept",  "heard", "meant",
    "stood",   "ago",   "last",    "yesterday", "struck",  "hit",    "shot",  "put",   "cut",
    "quit",    "spoke", "wrote",   "became",    "broke",   "chose",  "drove", "flew",  "grew",
    "knew",    "wore",  "earlier", NULL};
static const char *const PAST_ES[] = {"fue", "fueron", "dijo", "hubo", "había", NULL};
static const char *const PAST_FR[] = {"était", "avait", "été", "dit", "ont", NULL};
static const char *const PAST_DE[] = {"waren", "hatte", "wurde", "sagte", NULL};
static const char *const PAST_IT[] = {"stato", "stata", "hanno", NULL};
static const char *const PAST_ITPT[] = {"disse", NULL};
static const char *const ED_EXCEPT[] = {
    "need",     "indeed",  "speed",    "proceed",   "exceed",  "succeed",   "united",    "red",
    "bed",      "hundred", "feed",     "seed",      "breed",   "weed",      "scheduled", "expected",
    "planned",  "related", "based",    "concerned", "alleged", "so-called", "called",    "named",
    "detailed", "limited", "advanced", "proposed",  "planned", "intended",  "supposed",  NULL};

/* The word lists in one small hash table: value 1 future, -1 past, 2 an
 * "-ed" word that is not a past tense; lang the languages it is a cue of. */
#define TW_SIZE 1024
static struct {
    const char *w;
    size_t n;
    int v;
    unsigned lang;
} tw[TW_SIZE];
static pthread_once_t tw_once = PTHREAD_ONCE_INIT;

static uint32_t tw_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h & (TW_SIZE - 1);
}

static void tw_add(const char *const *l, int v, unsigned lang)
{
    for (; *l; l++) {
        size_t n = strlen(*l);
        uint32_t p = tw_hash(*l, n);
        while (tw[p].w && !(tw[p].n == n && !memcmp(tw[p].w, *l, n)))
            p = (p + 1) & (TW_SIZE - 1);
        if (!tw[p].w) {
            tw[p].w = *l;
            tw[p].n = n;
            tw[p].v = v;
            tw[p].lang = lang;
        }
    }
}

static void tw_init(void)
{
    tw_add(FUT_EN, 1, TL_EN);
    tw_add(FUT_FR, 1, TL_FR);
    tw_add(FUT_ES, 1, TL_ES);
    tw_add(FUT_ROM, 1, TL_ES | TL_IT | TL_PT);
    tw_add(FUT_IT, 1, TL_IT);
    tw_add(FUT_PT, 1, TL_PT);
    tw_add(FUT_DE, 1, TL_DE);
    tw_add(FUT_RO, 1, TL_RO);
    tw_add(PAST_RO, -1, TL_RO);
    tw_add(PAST_EN, -1, TL_EN);
    tw_add(PAST_ES, -1, TL_ES);
    tw_add(PAST_FR, -1, TL_FR);
    tw_add(PAST_DE, -1, TL_DE);
    tw_add(PAST_IT, -1, TL_IT);
    tw_add(PAST_ITPT, -1, TL_IT | TL_PT);
    tw_add(ED_EXCEPT, 2, TL_EN);
}

static int tw_get(const char *b, size_t n, unsigned lang)
{
    uint32_t p = tw_hash(b, n);
    while (tw[p].w) {
        if (tw[p].n == n && !memcmp(tw[p].w, b, n))
            return tw[p].lang & lang ? tw[p].v : 0;
        p = (p + 1) & (TW_SIZE - 1);
    }
    return 0;
}

typedef struct fut_end {
    const char *s;
    size_t n;
} fut_end;

/* Whether b[0..n) is one of w[0..k). */
static int one_of(const char *b, size_t n, const fut_end *w, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (w[i].n == n && !memcmp(b, w[i].s, n))
            return 1;
    return 0;
}

/* The future tense of Italian, Spanish, Portuguese and French verbs by its
 * ending: parlerà, hablará, falará (-rà, -rá), hablarán (-rán), falarão
 * (-rão), parleranno (-ranno), decideremo, partiremo (-eremo, -iremo),
 * parleront (-eront, -iront), parlerai (-erai, not "minerai"); of the
 * first person otherwise only short irregular forms (sarò, andrò; iré,
 * haré; farei): the regular ones end as a past does where the stem ends
 * in r (it "parlerò" and the passato remoto "liberò", es "hablaré" and
 * "declaré", pt "falarei" and "declarei", fr "finirai" and "retirai"). b
 * is lower-case. */
static int romance_future(const char *b, size_t n, int lower, unsigned lang)
{
    /* (lengths written beside the words: this runs for every word a tense
     * is asked of) */
#define FUT(x)                                                                                     \
    {                                                                                              \
        x, sizeof x - 1                                                                            \
    }
    static const fut_end END[] = {FUT("r\xc3\xa0"),  FUT("r\xc3\xa1"), FUT("r\xc3\xa1n"),
                                  FUT("r\xc3\xa3o"), FUT("ranno"),     FUT("eremo"),
                                  FUT("iremo"),      FUT("eront"),     FUT("iront"),
                                  FUT("auront"),     FUT("erai")},
                         /* short forms, in lower case only ("Irán" is a country; "verão",
                          * "porão", "tiranno" are nouns) */
        SHORT[] = {FUT("ir\xc3\xa1"),   FUT("har\xc3\xa1"),  FUT("dar\xc3\xa1"),
                   FUT("ir\xc3\xa1n"),  FUT("har\xc3\xa1n"), FUT("dar\xc3\xa1n"),
                   FUT("far\xc3\xa0"),  FUT("sar\xc3\xa0"),  FUT("dar\xc3\xa0"),
                   FUT("andremo"),      FUT("saremo"),       FUT("avremo"),
                   FUT("faremo"),       FUT("potremo"),      FUT("dovremo"),
                   FUT("vedremo"),      FUT("verremo"),      FUT("vorremo"),
                   FUT("daremo"),       FUT("staremo"),      FUT("ir\xc3\xa3o"),
                   FUT("far\xc3\xa3o"), FUT("dar\xc3\xa3o"), FUT("iront"),
                   FUT("feront"),       FUT("seront"),       FUT("auront"),
                   FUT("sar\xc3\xb2"),  FUT("far\xc3\xb2"),  FUT("andr\xc3\xb2"),
                   FUT("avr\xc3\xb2"),  FUT("potr\xc3\xb2"), FUT("dovr\xc3\xb2"),
                   FUT("vedr\xc3\xb2"), FUT("verr\xc3\xb2"), FUT("dar\xc3\xb2"),
                   FUT("star\xc3\xb2"), FUT("serai"),        FUT("ferai"),
                   FUT("aurai"),        FUT("irai"),         FUT("dirai"),
                   FUT("croirai"),      FUT("pourrai"),      FUT("devrai"),
                   FUT("saurai"),       FUT("verrai"),       FUT("viendrai")},
                         /* Spanish first persons, not in French text ("iré"); Portuguese ones,
                          * not in Italian text, whose conditional "direi" is */
        ES_FIRST[] = {FUT("ir\xc3\xa9"),    FUT("har\xc3\xa9"),   FUT("dir\xc3\xa9"),
                      FUT("podr\xc3\xa9"),  FUT("tendr\xc3\xa9"), FUT("vendr\xc3\xa9"),
                      FUT("saldr\xc3\xa9"), FUT("pondr\xc3\xa9"), FUT("sabr\xc3\xa9"),
                      FUT("habr\xc3\xa9"),  FUT("querr\xc3\xa9")},
                         PT_FIRST[] = {FUT("farei"), FUT("direi"), FUT("irei"), FUT("trarei")};
#undef FUT
    for (size_t k = 0; k < sizeof END / sizeof *END; k++) {
        size_t e = END[k].n;
        if (n < e || b[n - 1] != END[k].s[e - 1] || memcmp(b + n - e, END[k].s, e) != 0)
            continue;
        if (n >= 6 && n >= e + 3 && !(n == 7 && !memcmp(b, "minerai", 7)))
            return 1;
    }
    if (!lower)
        return 0;
    return one_of(b, n, SHORT, sizeof SHORT / sizeof *SHORT) ||
           ((lang & TL_ES) && !(lang & TL_FR) &&
            one_of(b, n, ES_FIRST, sizeof ES_FIRST / sizeof *ES_FIRST)) ||
           ((lang & TL_PT) && !(lang & TL_IT) &&
            one_of(b, n, PT_FIRST, sizeof PT_FIRST / sizeof *PT_FIRST));
}

/* Tense of a word in text of languages lang: -1 past, +1 future, 0 none. */
static int word_tense(const char *w, size_t n, unsigned lang)
{
    if (n == 0 || n > 16)
        return 0;
    pthread_once(&tw_once, tw_init);
    char b[17];
    for (size_t i = 0; i < n; i++)
        b[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
    int v = tw_get(b, n, lang);
    if (v == 1 || v == -1)
        return v;
    if (v == 0 && (lang & TL_EN) && n >= 5 && b[n - 2] == 'e' && b[n - 1] == 'd')
        return -1;
    if (v == 0 && romance_future(b, n, !(w[0] >= 'A' && w[0] <= 'Z'), lang))
        return 1;
    return 0;
}

typedef struct wspan {
    size_t s, e;
} wspan;

/* Whether the text after a dot (at p) goes on in the same sentence: a comma
 * or a lower-case word follows ("Ill., bank", "Corp. said"). */
static int dot_continues(const M *m, size_t p)
{
    if (p < m->len && (m->text[p] == ',' || m->text[p] == ';'))
        return 1;
    size_t q = p;
    while (q < m->len && q < p + 3 && m->text[q] == ' ')
        q++;
    return q > p && q < m->len && m->text[q] >= 'a' && m->text[q] <= 'z';
}

/* Collect up to max words going away from pos in direction dir, stopping at
 * a sentence end. Returns how many. */
static int collect_words(const M *m, size_t pos, int dir, wspan *ws, int max, size_t limit)
{
    int n = 0;
    size_t steps = 0;
    if (dir < 0) {
        size_t p = pos;
        while (p > 0 && n < max && steps < limit) {
            unsigned char c = (unsigned char)m->text[p - 1];
            if (c == '!' || c == '?' || c == ';' || (c == '\n' && p > 1 && m->text[p - 2] == '\n'))
                break;
            if (c == '.' && p > 2 && m->text[p - 2] != '.' &&
                !(p < m->len && m->text[p] >= '0' && m->text[p] <= '9' && m->text[p - 2] >= '0' &&
                  m->text[p - 2] <= '9') && /* "alle 17.45", "20.000" */
                !(m->text[p - 2] >= 'A' && m->text[p - 2] <= 'Z') &&
                !(p > 3 && m->text[p - 3] == '.') && /* a.m. p.m. U.S. */
                !(p < m->len && ((m->text[p] | 32) >= 'a' && (m->text[p] | 32) <= 'z')) &&
                !dot_continues(m, p) && /* "Peoria, Ill., bank" */
                !(p > 3 && m->text[p - 3] >= 'A' && m->text[p - 3] <= 'Z' && m->text[p - 4] == ' '))
                break;
            size_t q = p; /* a word may end in an accented letter: parlerà, será */
            while (c >= 0x80 && q > 0 && (unsigned char)m->text[q - 1] >= 0x80 && p - q < 8)
                q--;
            int ends_high = c >= 0x80 && q > 0 && q < p &&
                            (((unsigned char)m->text[q - 1] | 32) >= 'a' &&
                             ((unsigned char)m->text[q - 1] | 32) <= 'z');
            if (((c | 32) >= 'a' && (c | 32) <= 'z') || ends_high) {
                size_t e = p;
                while (p > 0 && ((((unsigned char)m->text[p - 1] | 32) >= 'a' &&
                                  ((unsigned char)m->text[p - 1] | 32) <= 'z') ||
                                 (unsigned char)m->text[p - 1] >= 0x80))
                    p--;
                ws[n].s = p;
                ws[n].e = e;
                n++;
            } else {
                p--;
            }
            steps++;
        }
    } else {
        size_t p = pos;
        while (p < m->len && n < max && steps < limit) {
            unsigned char c = (unsigned char)m->text[p];
            if ((c == '.' &&
                 !(p > 0 && p + 1 < m->len && m->text[p - 1] >= '0' && m->text[p - 1] <= '9' &&
                   m->text[p + 1] >= '0' && m->text[p + 1] <= '9')) ||
                c == '!' || c == '?' || c == ';' ||
                (c == '\n' && p + 1 < m->len && m->text[p + 1] == '\n'))
                break;
            if ((c | 32) >= 'a' && (c | 32) <= 'z') {
                size_t s = p;
                while (p < m->len && ((((unsigned char)m->text[p] | 32) >= 'a' &&
                                       ((unsigned char)m->text[p] | 32) <= 'z') ||
                                      (unsigned char)m->text[p] >= 0x80))
                    p++;
                ws[n].s = s;
                ws[n].e = p;
                n++;
            } else {
                p++;
            }
            steps++;
        }
    }
    return n;
}

/* Tense of the verb governing the expression text[s..e): the nearest word
 * with a tense, left or right, within the sentence. A past participle after
 * "be"/"been" (passive: "will be held") does not count as past. */
static int guess_tense_raw(const M *m, size_t s, size_t e, int *perfect, int *present,
                           int *adjacent);

/* m->memo_perf tells afterwards whether the tense came from the Spanish
 * perfect ("ha anunciado"), which news use for what happened today. */
static int guess_tense(M *m, size_t s, size_t e)
{
    if (m->memo_ok && m->memo_s == s && m->memo_e == e)
        return m->memo_t;
    m->memo_t = guess_tense_raw(m, s, e, &m->memo_perf, &m->memo_pres, &m->memo_adj);
    m->memo_s = s;
    m->memo_e = e;
    m->memo_ok = 1;
    return m->memo_t;
}

static int word_in(const char *b, size_t n, const char *const *l);

/* A future marker that is no verb here: "next to", the noun "plans"
 * (only "plans to" and "he plans" are verbs), "coming from". ws[i] is the marker; words run away
 * from the expression in direction dir, so the word after it in the text is
 * ws[i - 1] on the left side and ws[i + 1] on the right. */
static int tense_false_future(const M *m, const wspan *ws, int n, int i, int dir)
{
    const char *w = m->text + ws[i].s;
    size_t wn = ws[i].e - ws[i].s;
    int k = dir < 0 ? i - 1 : i + 1;
    const char *nx = NULL;
    size_t nn = 0;
    if (k >= 0 && k < n) {
        nx = m->text + ws[k].s;
        nn = ws[k].e - ws[k].s;
    }
    char b[9];
    if (wn > 8)
        return 0;
    for (size_t j = 0; j < wn; j++)
        b[j] = (char)(w[j] | 0x20);
    int kb = dir < 0 ? i + 1 : i - 1; /* the word before it in the text */
    static const char *const SUBJ[] = {"he", "she", "it", "they", "we", "I", "who", NULL};
    if ((word_eq(b, wn, "plans") || word_eq(b, wn, "plan")) && kb >= 0 && kb < n &&
        word_in(m->text + ws[kb].s, ws[kb].e - ws[kb].s, SUBJ))
        return 0; /* "he plans a July trip": the verb */
    if (word_eq(b, wn, "next") || word_eq(b, wn, "plans") || word_eq(b, wn, "plan") ||
        word_eq(b, wn, "coming"))
        return !(nx && (word_eq(b, wn, "next") ? !word_eq(nx, nn, "to") && !word_eq(nx, nn, "from")
                        : word_eq(b, wn, "coming") ? !word_eq(nx, nn, "from")
                                                   : word_eq(nx, nn, "to")));
    return 0;
}

/* "set to resume", "poised to", "supposed to", "about to": future. */
static int tense_to_future(const M *m, const wspan *ws, int n, int i, int dir)
{
    int k = dir < 0 ? i - 1 : i + 1;
    if (k < 0 || k >= n || !word_eq(m->text + ws[k].s, ws[k].e - ws[k].s, "to"))
        return 0;
    const char *w = m->text + ws[i].s;
    size_t wn = ws[i].e - ws[i].s;
    return word_eq(w, wn, "set") || word_eq(w, wn, "poised") || word_eq(w, wn, "supposed") ||
           word_eq(w, wn, "about") || word_eq(w, wn, "ready") || word_eq(w, wn, "is") ||
           word_eq(w, wn, "are");
}

/* An "-ed" word after an article or an adverb of degree is an adjective
 * ("a still unspecified date", "the expanded program"), not a past tense. */
static int ed_adjective(const M *m, wspan w, wspan before)
{
    size_t n = w.e - w.s;
    if (n < 4 || m->text[w.e - 2] != 'e' || m->text[w.e - 1] != 'd')
        return 0;
    const char *b = m->text + before.s;
    size_t bn = before.e - before.s;
    static const char *const DET[] = {"a",   "an",  "the",   "The",   "A",        "its",  "their",
                                      "his", "her", "still", "newly", "recently", "long", NULL};
    for (int k = 0; DET[k]; k++)
        if (word_eq(b, bn, DET[k]))
            return 1;
    return 0;
}

/* A verb in the present that news use for what is scheduled. */
static int schedule_verb(const char *w, size_t n)
{
    static const char *const SV[] = {"open",   "opens",   "close",  "closes",  "begin",  "begins",
                                     "start",  "starts",  "resume", "resumes", "meet",   "meets",
                                     "vote",   "votes",   "travel", "travels", "arrive", "arrives",
                                     "return", "returns", "expire", "expires", "end",    "ends",
                                     "kick",   "kicks",   NULL};
    for (int k = 0; SV[k]; k++)
        if (word_eq(w, n, SV[k]))
            return 1;
    return 0;
}

/* The same in Romance text: meeting, voting, arriving and promising in
 * the present ("a câmara reúne-se na quinta-feira", "il Consiglio si
 * riunisce giovedì", "el Consejo se reúne el jueves", "les Égyptiens
 * votent dimanche", "o enviado chega ao Cairo na sexta-feira", "os
 * islamitas prometem manifestações na segunda-feira", "l'enviat arriba
 * dimecres"). Catalan's words are read only with the "ca" hint, which
 * turns on every language's senses. */
static int romance_schedule(const M *m, const char *w, size_t n)
{
    static const char *const CA_SV[] = {"convoca",
                                        "convoquen",
                                        "arriba",
                                        "arriben",
                                        "reuneix",
                                        "reuneixen",
                                        "voten",
                                        "promet",
                                        "prometen",
                                        "comen\xc3\xa7"
                                        "a",
                                        "comencen",
                                        "acaba",
                                        "acaben",
                                        "juga",
                                        "juguen",
                                        "rep",
                                        "visita",
                                        "obre",
                                        "tanca",
                                        "entra",
                                        NULL};
    if (m->lang == TL_CA_ALL)
        return word_in(w, n, CA_SV);
    static const char *const SV[] = {
        "re\xc3\xbane", "re\xc3\xbanen", "re\xc3\xbanem", "riunisce", "riuniscono", "votan",
        "votam", "votano", "votent", "chega", "chegam", "llega", "llegan", "arriva", "arrivano",
        "arrivent", "r\xc3\xa9unit", "reuneste", "r\xc3\xa9unissent", "reune\xc8\x99te",
        "reune\xc5\x9fte", "voteaz\xc4\x83", "voteaza", "sose\xc8\x99te", "soseste", "ricorre",
        "cade", "tombe", "promete", "prometem", "prometen", "promette", "promettono", "promet",
        "promettent", "promite", "promit",
        /* Romanian: begins, unfolds, ends, runs out ("Bacalaureatul
         * începe pe 24 iunie") */
        "\xc3\xaencepe", "incepe", "\xc3\xaencep", "desf\xc4\x83\xc8\x99oar\xc4\x83", "desfasoara",
        "\xc3\xaencheie", "incheie", "expir\xc4\x83", "expira\xc8\x9b", "debuteaz\xc4\x83",
        /* a game, a visit, a vote, a term: what the
         * calendar holds ("o Benfica recebe o Porto
         * no sábado", "la Juventus ospita il Milan",
         * "il termine scade il 30 giugno") */
        "discursa", "divulga", "divulgam", "diffonde", "apresenta", "presenta", "recebe", "recebem",
        "enfrenta", "enfrentam", "joga", "jogam", "viaja", "viajam", "visitam", "desembarca",
        "vota", "acontece",
        "come\xc3\xa7"
        "a",
        "come\xc3\xa7"
        "am",
        "termina", "terminam", "entra", "ospita", "ospitano", "gioca", "giocano", "affronta",
        "affrontano", "incontra", "incontrano", "comincia", "cominciano", "inizia", "iniziano",
        "finisce", "scade", "scadono", "recibe", "reciben", "juega", "juegan", "viajan", "visitan",
        "comienza", "empieza", "disputan", "enfrentan", "re\xc3\xa7oit", "re\xc3\xa7oivent", "joue",
        "jouent", "affronte", "affrontent", "accueille",
        /* oaths and offices: "il nuovo presidente giura sabato", "Hadi si
         * insedia sabato", "jura el cargo el sábado", "prête serment samedi" */
        "giura", "giurano", "insedia", "jura", "juran", "asume", "pr\xc3\xaate",
        "d\xc3\xa9"
        "bute",
        /* French and Spanish presents of what the calendar holds ("le ministre
         * arrive lundi", "la Tunisie vote dimanche", "le Grand Prix se
         * dispute le 30 octobre", "se disputa el 30 de octubre"; "se
         * disputaría" is the conditional) */
        "arrive", "vote", "exprime", "rencontre", "rencontrent", "dispute", "disputent", "attendu",
        "attendue", "attendus", "attendues", "pr\xc3\xa9vu", "pr\xc3\xa9vue", "pr\xc3\xa9vus",
        "pr\xc3\xa9vues", "disputa", "celebra", "celebran", "disputen",
        "disputar\xc3\xad"
        "a",
        "celebrar\xc3\xad"
        "a",
        "llegar\xc3\xad"
        "a",
        /* a session's agenda: "o plenário analisa a proposta na sexta-feira",
         * "el Senado examina el texto el viernes", "le Sénat examine le texte
         * vendredi", "il Senato esamina il testo venerdì" */
        "analisa", "analisam", "julga", "julgam", "discute", "discutem", "examina", "examinam",
        "debate", "debatem", "analiza", "analizan", "juzga", "juzgan", "discuten", "examinan",
        "debaten", "examine", "examinent", "celebre", "celebren", "mantiene", "mantienen",
        "mant\xc3\xa9m", "mant\xc3\xaam", "maintient", "maintiennent",
        "d\xc3\xa9"
        "bat",
        "d\xc3\xa9"
        "battent",
        "esamina", "esaminano", "discutono",
        /* a calendar that foresees: "o calendário prevê a votação em agosto" */
        "prev\xc3\xaa", "preveem", "prev\xc3\xa9", "prev\xc3\xa9n", "prevede", "prevedono",
        "pr\xc3\xa9voit", "pr\xc3\xa9voient", NULL};
    return (m->lang & (TL_FR | TL_ES | TL_IT | TL_PT | TL_RO)) && !(m->lang & TL_EN) &&
           word_in(w, n, SV);
}

/* A verb of saying: in reported speech it does not date the report. */
static int is_reporting(const char *w, size_t n)
{
    static const char *const RV[] = {"said",     "says",      "told",      "added", "stated",
                                     "reported", "announced", "explained", "wrote", NULL};
    for (int k = 0; RV[k]; k++)
        if (word_eq(w, n, RV[k]))
            return 1;
    return 0;
}

static int ends_with(const char *b, size_t n, const char *e)
{
    size_t k = strlen(e);
    return n >= k && memcmp(b + n - k, e, k) == 0;
}

static int word_in(const char *b, size_t n, const char *const *l)
{
    if (!n)
        return 0;
    for (; *l; l++)
        if ((*l)[0] == b[0] && word_eq(b, n, *l)) /* the first byte before a strlen */
            return 1;
    return 0;
}

/* word_in with the word's ASCII letters in lower case ("Sono", "Tuvieron",
 * "Pronti" at a sentence's start). */
static int word_in_folded(const char *b, size_t n, const char *const *l)
{
    char low[32];
    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)b[i]);
    return word_in(low, n, l);
}

/* -1 when b is one of the past forms, 1 one of the future ones, else 0. */
static int listed_tense(const char *b, size_t n, const char *const *past, const char *const *fut)
{
    return word_in(b, n, past) ? -1 : word_in(b, n, fut) ? 1 : 0;
}

/* Tense cues of Italian, Portuguese and Catalan verbs, used only when the
 * text is known to be in that language (the endings are ordinary words
 * elsewhere: "milieu", "Moscou", "veteran"). b is lower-case. */
static int romance_tense(unsigned lang, const char *b, size_t n)
{
    static const char *const IT_PAST[] = {
        "ha", "fu", "furono", "aveva", "avevano", "era", "erano", "disse", "fece", "ebbe", "sono",
        "avrebbe", "avrebbero",
        /* irregular remote pasts, third person ("scesero in piazza", "venne
         * arrestato"; not those that are nouns too: "chiese", "corse", "mosse") */
        "scese", "decise", "rimase", "venne", "volle", "nacque", "cadde", "giunse", "uccise",
        "perse", "rispose", "diede", "vide", "ruppe", "visse", "scrisse", "tenne", "seppe",
        "spinse", "scesero", "presero", "misero", "dissero", "fecero", "ebbero", "vennero",
        "vollero", "rimasero", "chiesero", "decisero", "persero", "uccisero", "diedero", "dettero",
        "seppero", "vissero", "nacquero", "caddero", "tennero", "giunsero", "scrissero",
        "risposero", "corsero", "videro", "ruppero", "mossero", "accesero", NULL};
    static const char *const PT_PAST[] = {
        "foi",     "foram",   "era",      "eram",   "esteve", "estiveram", "estava", "estavam",
        "teve",    "tiveram", "tinha",    "tinham", "houve",  "havia",     "haviam", "fez",
        "fizeram", "disse",   "disseram", "deu",    "deram",  "veio",      "vieram", "viu",
        "viram",   "quis",    "soube",    "pôs",    NULL};
    static const char *const PT_NOTPAST[] = {"europeu", "museu",  "judeu",   "hebreu",
                                             "liceu",   "apogeu", "jubileu", "coliseu",
                                             "plebeu",  "pneu",   NULL};
    static const char *const IT_FUT[] = {"previsti",    "previste",    "attesi",      "attese",
                                         "atteso",      "attesa",      "programmato", "programmata",
                                         "programmati", "programmate", "fissato",     "fissata",
                                         "fissati",     "fissate",     NULL};
    static const char *const PT_FUT[] = {
        "vai",      "vão",       "irá",       "irão",      "será",      "serão",
        "haverá",   "terá",      "terão",     "estará",    "estarão",   "fará",
        "farão",    "previstos", "previstas", "marcado",   "marcada",   "marcados",
        "marcadas", "agendado",  "agendada",  "agendados", "agendadas", NULL};
    static const char *const CA_PAST[] = {"va",  "van",   "vam",    "vau", "vaig",
                                          "han", "havia", "havien", NULL};
    static const char *const CA_FUT[] = {"previst", "prevista", "previstos", "previstes",
                                         "faran",   "seran",    "tindran",   "hauran",
                                         "podran",  "aniran",   "vindran",   NULL};
    if (lang == TL_IT) {
        int t = listed_tense(b, n, IT_PAST, IT_FUT);
        if (t)
            return t;
        if (n >= 6 &&
            (ends_with(b, n, "arono") || ends_with(b, n, "irono") || ends_with(b, n, "erono") ||
             ends_with(b, n, "avano") || ends_with(b, n, "evano") || ends_with(b, n, "ivano")))
            return -1;
        if (n >= 6 && ends_with(b, n, "\xc3\xb2") && !word_eq(b, n, "perci\xc3\xb2"))
            return -1; /* parlò, dichiarò */
        /* the conditional of what should or could happen ("dovrebbe
         * votare", "potrebbero arrivare") looks ahead; "avrebbe/sarebbe"
         * + participle report a past (avrebbe is a past cue above) */
        if (n >= 7 && (ends_with(b, n, "rebbe") || ends_with(b, n, "rebbero")) &&
            strncmp(b, "sar", 3) != 0)
            return 1;
    } else if (lang == TL_PT) {
        int t = listed_tense(b, n, PT_PAST, PT_FUT);
        if (t)
            return t;
        if (n >= 4 && (ends_with(b, n, "ou") || ends_with(b, n, "eu") || ends_with(b, n, "iu")) &&
            !word_in(b, n, PT_NOTPAST))
            return -1; /* falou, prendeu, explodiu */
        if (n >= 6 && (ends_with(b, n, "aram") || ends_with(b, n, "eram") ||
                       ends_with(b, n, "iram") || ends_with(b, n, "avam")))
            return -1;
        if (n >= 7 && ends_with(b, n, "ava") && !ends_with(b, n, "slava") &&
            !word_eq(b, n, "escrava") && !word_eq(b, n, "moldava"))
            return -1; /* the imperfect: governava, revoltava(-se) */
    } else if (lang == TL_FR) {
        static const char *const FR_PAST[] = {"a",      "avaient", "étaient", "fut",
                                              "furent", "eut",     "eurent",  NULL};
        static const char *const FR_NOTPAST[] = {"portrait",  "extrait", "parfait",  "souhait",
                                                 "retrait",   "attrait", "abstrait", "distrait",
                                                 "satisfait", "forfait", "bienfait", NULL};
        if (word_in(b, n, FR_PAST))
            return -1; /* "a reconnu", "fut renversé" */
        /* the conditional looks ahead ("pourrait tomber", "devrait se
         * tenir"); "aurait"/"serait" + participle report a past: neither */
        if (n >= 6 &&
            (ends_with(b, n, "erait") || ends_with(b, n, "eraient") || ends_with(b, n, "irait") ||
             ends_with(b, n, "iraient") || ends_with(b, n, "rrait") || ends_with(b, n, "rraient") ||
             ends_with(b, n, "vrait") || ends_with(b, n, "vraient") || ends_with(b, n, "drait") ||
             ends_with(b, n, "draient")))
            return 1;
        if (n >= 5 && (ends_with(b, n, "ait") || ends_with(b, n, "aient")) &&
            !word_in(b, n, FR_NOTPAST) && !word_eq(b, n, "aurait") && !word_eq(b, n, "serait"))
            return -1; /* imparfait: contrôlait, tiraient */
        if (n >= 7 && ends_with(b, n, "\xc3\xa8rent"))
            return -1; /* passé simple: lancèrent */
        if (n >= 6 && (ends_with(b, n, "era") || ends_with(b, n, "ira") || ends_with(b, n, "rra") ||
                       ends_with(b, n, "dra") || ends_with(b, n, "vra") ||
                       ends_with(b, n, "erons") || ends_with(b, n, "irons")))
            return 1; /* futur: organisera, partira, pourra, viendra, devra */
    } else if (lang == TL_ES) {
        static const char *const ES_PAST[] = {
            "estuvo", "estuvieron", "tuvo",     "tuvieron", "hizo",     "hicieron", "dio",
            "dieron", "vino",       "vinieron", "murió",    "murieron", "habían",   "era",
            "eran",   "estaba",     "estaban",  "pudo",     "quiso",    "ha",       "han",
            "hemos",  "he",         NULL}; /* "ha anunciado este jueves": a past */
        static const char *const ES_FUT[] = {"habrá",     "tendrá",     "tendrán",    "podrá",
                                             "podrán",    "prevista",   "previsto",   "previstas",
                                             "previstos", "programada", "programado", NULL};
        int t = listed_tense(b, n, ES_PAST, ES_FUT);
        if (t)
            return t;
        if (n >= 5 &&
            (ends_with(b, n, "\xc3\xb3") || ends_with(b, n, "aron") || ends_with(b, n, "ieron") ||
             ends_with(b, n, "aba") || ends_with(b, n, "aban")))
            return -1; /* pretérito: reconoció, atacaron, murieron; imperfecto: controlaba */
        if (n >= 4 && ends_with(b, n, "\xc3\xad") && !word_eq(b, n, "aqu\xc3\xad") &&
            !word_eq(b, n, "as\xc3\xad"))
            return -1; /* recibí, salí */
    } else if (lang == TL_RO) {
        /* b without diacritics (chr_time_ro_plain): "așteptate", "asteptate" */
        static const char *const RO_FUT[] = {
            "asteptat",    "asteptata",  "asteptati",   "asteptate",  "preconizat",
            "preconizata", "planificat", "planificata", "programate", "programati",
            "prevazute",   "prevazuti",  "stabilit",    "stabilita",  NULL};
        if (word_in(b, n, RO_FUT))
            return 1;
        /* the pluperfect: "anunțase", "depusese", "protestaseră" (not the
         * adjectives "numeroase", "frumoase") */
        if (n >= 6 &&
            ((ends_with(b, n, "ase") && !ends_with(b, n, "oase")) || ends_with(b, n, "sese") ||
             ends_with(b, n, "sera") || (ends_with(b, n, "ise") && !ends_with(b, n, "mise"))))
            return -1;
    } else if (lang == TL_CA_ALL) {
        /* "va parlar", "van començar": the past, not a future */
        int t = listed_tense(b, n, CA_PAST, CA_FUT);
        if (t)
            return t;
        if (n >= 6 && ends_with(b, n, "ran"))
            return 1; /* tornaran, votaran */
        if (n >= 5 && ends_with(b, n, "r\xc3\xa0"))
            return 1; /* serà, farà, començarà */
        static const char *const CA_NOUN[] = {
            "secretaria",  "vicesecretaria", "conselleria", "tresoreria", "enginyeria",
            "infermeria",  "artilleria",     "infanteria",  "llibreria",  "cafeteria",
            "galeria",     "loteria",        "bateria",     "porteria",   "notaria",
            "carnisseria", "fusteria",       "pizzeria",    "gelateria",  NULL};
        if (n >= 6 &&
            (ends_with(b, n, "aria") || ends_with(b, n, "eria") || ends_with(b, n, "iria") ||
             ends_with(b, n, "arien") || ends_with(b, n, "erien") || ends_with(b, n, "irien")) &&
            !word_in(b, n, CA_NOUN) && !(b[n - 1] == 's' && word_in(b, n - 1, CA_NOUN)))
            return 1; /* the conditional: "el termini acabaria dimecres" (not "la
                       * conselleria") */
    }
    return 0;
}

/* French "est/sont" and Italian "è/sono" before a past participle: the
 * passé composé / passato prossimo of the verbs conjugated with "to be"
 * ("s'est terminé dimanche", "sont mortes", "è morto giovedì"); not what
 * is planned or expected ("est prévu", "è atteso": those are cues of a
 * future) nor a place ("est situé"). */
/* An Italian irregular past participle, in any gender and number ("si è
 * dimesso", "sono stati uccisi", "è stata eletta"): its stem and one of
 * -o/-a/-i/-e. */
static int it_irregular_participle(const char *v, size_t n)
{
    static const char *const STEM[] = {
        "dimess",  "mess",    "pres",     "uccis",    "elett",   "chius",    "apert",    "decis",
        "scelt",   "arres",   "sconfitt", "coinvolt", "espuls",  "sospes",   "respint",  "travolt",
        "assunt",  "promess", "ammess",   "commess",  "permess", "distrutt", "costrett", "ridott",
        "condott", "prodott", "appars",   "scompars", "risolt",  "assolt",   "sciolt",   "accolt",
        "raccolt", "pers",    "vint",     "spint",    "aggiunt", "raggiunt", "evas",     "invas",
        "emers",   "sort",    "rott",     "scritt",   "fatt",    "vist",     "acces",    "spent",
        "espress", "dispers", "corrott",  NULL};
    if (n < 4 || n > 12 || !strchr("oaie", v[n - 1]))
        return 0;
    for (int k = 0; STEM[k]; k++)
        if (strlen(STEM[k]) == n - 1 && !memcmp(v, STEM[k], n - 1))
            return 1;
    return 0;
}

static int aux_participle(const M *m, wspan w)
{
    static const char *const FR_AUX[] = {"est", "sont", NULL};
    static const char *const IT_AUX[] = {"\xc3\xa8", "\xc3\x88", "sono", "erano", NULL};
    static const char *const NOT[] = {
        "prévu",       "prévue",      "prévus",     "prévues", "attendu",   "attendue",  "attendus",
        "attendues",   "programmé",   "programmée", "fixé",    "fixée",     "censé",     "censée",
        "situé",       "située",      "situés",     "situées", "previsto",  "prevista",  "previsti",
        "previste",    "atteso",      "attesa",     "attesi",  "attese",    "fissato",   "fissata",
        "programmato", "programmata", "situato",    "situata", "convocato", "convocata", "convoqué",
        "convoquée",   "chiamato",    "chiamata",   "appelé",  "appelée",   "destiné",   "destinée",
        NULL};
    static const char *const FR_NOT_I[] = {"aussi", "ainsi",    "parmi", "depuis",   "lundi",
                                           "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                                           "midi",  "ici",      "celui", "aujourd",  NULL};
    const char *p = m->text + w.s;
    size_t n = w.e - w.s;
    const char *v;
    size_t vn;
    if (n <= 5 && word_in(p, n, m->lang == TL_FR ? FR_AUX : IT_AUX)) {
        size_t q = w.e;
        while (q < m->len && m->text[q] == ' ')
            q++;
        size_t e = q;
        while (
            e < m->len && e - q < 24 &&
            ((((unsigned char)m->text[e] | 32) >= 'a' && ((unsigned char)m->text[e] | 32) <= 'z') ||
             (unsigned char)m->text[e] >= 0x80))
            e++;
        v = m->text + q;
        vn = e - q;
    } else if (m->lang == TL_IT && w.s >= 3 && m->text[w.s - 1] == ' ' &&
               (unsigned char)m->text[w.s - 3] == 0xC3 &&
               ((unsigned char)m->text[w.s - 2] == 0xA8 ||
                (unsigned char)m->text[w.s - 2] == 0x88) &&
               (w.s == 3 || m->text[w.s - 4] == ' ')) {
        v = p; /* "è morto": the scan of words does not see "è" */
        vn = n;
    } else {
        return 0;
    }
    if (vn < 4 || vn >= 24 || word_in(v, vn, NOT))
        return 0;
    if (m->lang == TL_FR)
        return ends_with(v, vn, "é") || ends_with(v, vn, "ée") || ends_with(v, vn, "és") ||
               ends_with(v, vn, "ées") || ends_with(v, vn, "venu") || ends_with(v, vn, "venue") ||
               ends_with(v, vn, "venus") || ends_with(v, vn, "venues") ||
               ends_with(v, vn, "rendu") || ends_with(v, vn, "tenu") || ends_with(v, vn, "tenue") ||
               word_eq(v, vn, "mort") || word_eq(v, vn, "morte") || word_eq(v, vn, "morts") ||
               word_eq(v, vn, "mortes") || word_eq(v, vn, "apparu") ||
               ((ends_with(v, vn, "i") || ends_with(v, vn, "ie") || ends_with(v, vn, "is") ||
                 ends_with(v, vn, "ies")) &&
                !word_in(v, vn, FR_NOT_I)); /* parti, poursuivis, réunies */
    return ends_with(v, vn, "ato") || ends_with(v, vn, "ata") || ends_with(v, vn, "ati") ||
           ends_with(v, vn, "ate") || ends_with(v, vn, "uto") || ends_with(v, vn, "uta") ||
           ends_with(v, vn, "uti") || ends_with(v, vn, "ito") || ends_with(v, vn, "ita") ||
           ends_with(v, vn, "iti") || word_eq(v, vn, "morto") || word_eq(v, vn, "morta") ||
           word_eq(v, vn, "morti") || word_eq(v, vn, "stato") || word_eq(v, vn, "stata") ||
           !strncmp(v, "rimast", 6) || !strncmp(v, "giunt", 5) || !strncmp(v, "esplos", 6) ||
           !strncmp(v, "success", 7) || !strncmp(v, "scesi", 5) || word_eq(v, vn, "sceso") ||
           word_eq(v, vn, "scesa") || word_eq(v, vn, "scese") || word_eq(v, vn, "nato") ||
           word_eq(v, vn, "nata") ||
           (it_irregular_participle(v, vn) && strncmp(v, "apert", 5) && strncmp(v, "chius", 5) &&
            strncmp(v, "sospes", 6) && strncmp(v, "acces", 5) && strncmp(v, "spent", 5) &&
            strncmp(v, "rott", 4));
    /* "è aperto dal lunedì al venerdì": a state ("è stato chiuso" is the act) */
}

/* Whether v[0..n) is a Romance infinitive, with an enclitic or not
 * ("lancer", "lanzarlo", "lanciarlo", "adottarlo", "faire"). */
static int romance_infinitive(const char *v, size_t n)
{
    static const char *const ENCLITIC[] = {"lo", "la", "los", "las", "le",  "les", "li",
                                           "si", "se", "ne",  "lhe", "gli", NULL};
    for (int e = 0; ENCLITIC[e] && n > 6; e++)
        if (ends_with(v, n, ENCLITIC[e]) && v[n - strlen(ENCLITIC[e]) - 1] == 'r') {
            n -= strlen(ENCLITIC[e]); /* "lanzarlo", "lanciarlo" */
            break;
        }
    if (n < 4)
        return 0;
    return ends_with(v, n, "er") || ends_with(v, n, "ir") || ends_with(v, n, "re") ||
           ends_with(v, n, "ar") || ends_with(v, n, "\xc3\xaetre") || ends_with(v, n, "oir");
}

static const char *const ROMANCE_CLITIC[] = {
    "le",   "la", "les", "l",   "lui", "leur", "y",  "en", "se", "s", "me", "m",  "te",  "nous",
    "vous", "lo", "los", "las", "gli", "ne",   "si", "ci", "o",  "a", "os", "as", "lhe", NULL};

/* Whether the raw text after w goes on with an infinitive, after at most
 * two clitics or "de/di/a" ("compte le lancer", "espera lanzarlo", "conta
 * di lanciarlo", "pretende lançá-lo", "punta a vincere"). */
static int infinitive_follows(const M *m, wspan w)
{
    static const char *const OF[] = {"de", "di", "d", NULL};
    size_t p = w.e;
    for (int k = 0; k < 3; k++) {
        while (p < m->len && m->text[p] == ' ')
            p++;
        size_t q = p;
        while (q < m->len && ((((unsigned char)m->text[q] | 32) >= 'a' &&
                               ((unsigned char)m->text[q] | 32) <= 'z') ||
                              (unsigned char)m->text[q] >= 0x80))
            q++;
        if (q == p)
            return 0;
        const char *v = m->text + p;
        size_t n = q - p;
        if (k < 2 && (word_in(v, n, ROMANCE_CLITIC) || word_in(v, n, OF))) {
            p = q < m->len && m->text[q] == '\'' ? q + 1 : q;
            continue;
        }
        if (q < m->len && m->text[q] == '-')
            return n >= 3 && (ends_with(v, n, "\xc3\xa1") || ends_with(v, n, "\xc3\xaa") ||
                              ends_with(v, n, "i") || ends_with(v, n, "r")); /* "lançá-lo" */
        return romance_infinitive(v, n);
    }
    return 0;
}

/* Whether a token of the time lexicon starts at byte p ("ayer" ends as an
 * infinitive does). */
static int time_word_at(const M *m, size_t p)
{
    for (int k = 0; k < m->n && m->t[k].s <= p; k++)
        if (m->t[k].s == p)
            return 1;
    return 0;
}

/* A verb of promising, threatening or deciding, in the past, with an
 * infinitive after it, among the words L[0..i] between a date and the past
 * tense found at L[i]: the promise looks ahead ("promised to return on
 * Friday", "prometeu voltar na sexta-feira", "ha promesso di tornare
 * venerdì", "prometieron volver el viernes", "ont promis de revenir
 * vendredi"). */
static int promise_ahead(const M *m, const wspan *L, int i)
{
    static const char *const EN[] = {"promised", "vowed", "pledged", "threatened", NULL};
    static const char *const NOT_VERB[] = {"a",     "an",   "the",  "his",   "her",   "its",
                                           "their", "this", "that", "these", "those", NULL};
    static const char *const RO[] = {/* pt */
                                     "prometeu", "prometeram",
                                     "amea\xc3\xa7"
                                     "ou",
                                     "amea\xc3\xa7"
                                     "aram",
                                     "jurou", "juraram",
                                     /* es */
                                     "prometi\xc3\xb3", "prometieron", "amenaz\xc3\xb3",
                                     "amenazaron", "jur\xc3\xb3", "juraron",
                                     /* it (after "ha/hanno") */
                                     "promesso", "minacciato", "giurato",
                                     /* fr (after "a/ont") */
                                     "promis", "menac\xc3\xa9", "jur\xc3\xa9", NULL};
    static const char *const OF[] = {"de", "di", "d", NULL};
    static const char *const PROMISED[] = {"promised",    "pledged",    "promis",
                                           "prometeu",    "prometeram", "prometi\xc3\xb3",
                                           "prometieron", "promesso",   NULL};
    for (int k = 1; k <= i && k < 5; k++) {
        const char *w = m->text + L[k].s;
        size_t n = L[k].e - L[k].s;
        if ((m->lang & TL_EN) && word_in(w, n, EN) && k >= 2 &&
            word_eq(m->text + L[k - 1].s, L[k - 1].e - L[k - 1].s, "to") &&
            !word_in(m->text + L[k - 2].s, L[k - 2].e - L[k - 2].s, NOT_VERB) &&
            !time_word_at(m, L[k - 2].s))
            return 1;
        if (!(m->lang & TL_EN) && word_in(w, n, RO)) {
            /* the infinitive right after the verb or its "de/di": not
             * "amenazó a la mujer", "ameaçou o líder", "a menacé le premier
             * ministre", "amenazó ayer miércoles" */
            int j = k - 1;
            if (j > 0 && word_in(m->text + L[j].s, L[j].e - L[j].s, OF))
                j--;
            if (romance_infinitive(m->text + L[j].s, L[j].e - L[j].s) && !time_word_at(m, L[j].s))
                return 1;
        }
        /* what is promised, a thing between the verb and the date: "a promis
         * des élections en juillet", "prometió elecciones en julio",
         * "promised elections in July" (not "promised on Monday") */
        if (k >= 2 && !(m->lang & TL_EN) && word_in(w, n, PROMISED) && !time_word_at(m, L[k - 1].s))
            return 1; /* (English "promised reforms in March" is the promise's month) */
    }
    return 0;
}

/* A verb of announcing in the past at L[i] (or its participle right
 * after the auxiliary there) whose own date stands between it and the date
 * at byte s: "Le président a annoncé hier soir l'élection d'une Assemblée
 * le 24 juillet", "announced on Monday elections on July 24". The later
 * date is what was announced, not when. */
static int announced_dated(const M *m, const wspan *L, int i, size_t s)
{
    static const char *const ANNOUNCE[] = {"announced",
                                           "annonc\xc3\xa9",
                                           "annon\xc3\xa7"
                                           "a",
                                           "anunci\xc3\xb3",
                                           "anunciado",
                                           "annunciato",
                                           "annunci\xc3\xb2",
                                           "anunciou",
                                           "anun\xc8\x9b"
                                           "at",
                                           "anuntat",
                                           NULL};
    int v = -1;
    for (int k = i; k >= 0 && k >= i - 1 && v < 0; k--)
        if (word_in(m->text + L[k].s, L[k].e - L[k].s, ANNOUNCE))
            v = k;
    if (v < 0)
        return 0;
    for (size_t o = 0; o < m->nout; o++) {
        const chr_timex *x = (const chr_timex *)(const void *)(m->out + o * m->rec);
        if (x->start >= L[v].e && x->end <= s && x->type != CHR_TIMEX_DURATION &&
            x->type != CHR_TIMEX_SET)
            return 1;
    }
    return 0;
}

/* A date that something was put off, brought forward or set to ("le
 * report au 23 octobre de l'élection", "a fixé l'élection au 24 juillet",
 * "aplazada al 23 de octubre", "rinviato al 23 ottobre", "all'8 gennaio", "adiada para 23
 * de outubro"): the day of a plan, whatever the tense of the verb that
 * moved it. L: the words left of the date, nearest first. */
static size_t raw_word_before(const M *m, size_t p, size_t *ws);
static int raw_word_in(const M *m, size_t ws, size_t we, const char *const *l);

static int put_off_to(const M *m, const wspan *L, int nl, size_t s)
{
    static const char *const TO[] = {"au",  "\xc3\xa0", "al",   "para", "ao",
                                     "all", "alla",     "allo", "a",    NULL}; /* ("all'8") */
    static const char *const ART[] = {"el", "le", "la", "il", "o", NULL};
    static const char *const MOVED[] = {"report",
                                        "report\xc3\xa9",
                                        "report\xc3\xa9"
                                        "e",
                                        "report\xc3\xa9s",
                                        "report\xc3\xa9"
                                        "es",
                                        "repouss\xc3\xa9",
                                        "repouss\xc3\xa9"
                                        "e",
                                        "fix\xc3\xa9",
                                        "fix\xc3\xa9"
                                        "e",
                                        "avanc\xc3\xa9",
                                        "avanc\xc3\xa9"
                                        "e",
                                        "ajourn\xc3\xa9",
                                        "ajourn\xc3\xa9"
                                        "e",
                                        "d\xc3\xa9"
                                        "cal\xc3\xa9",
                                        "d\xc3\xa9"
                                        "cal\xc3\xa9"
                                        "e",
                                        "aplazado",
                                        "aplazada",
                                        "aplazamiento",
                                        "pospuesto",
                                        "pospuesta",
                                        "aplaz\xc3\xb3",
                                        "pospuso",
                                        "fij\xc3\xb3",
                                        "fijado",
                                        "fijada",
                                        "adelantado",
                                        "adelantada",
                                        "rinviato",
                                        "rinviata",
                                        "rinvio",
                                        "slittato",
                                        "slittata",
                                        "posticipato",
                                        "posticipata",
                                        "anticipato",
                                        "anticipata",
                                        "spostato",
                                        "spostata",
                                        "adiado",
                                        "adiada",
                                        "adiamento",
                                        "adiou",
                                        "antecipado",
                                        "antecipada",
                                        "remarcado",
                                        "remarcada",
                                        NULL};
    if (!(m->lang & (TL_IT | TL_ES | TL_FR | TL_PT)) || (m->lang & TL_EN) || nl < 2)
        return 0;
    int i = 0;
    if (word_in(m->text + L[0].s, L[0].e - L[0].s, ART) && nl > 2)
        i++; /* "para el 23 de octubre" */
    size_t ws, we = raw_word_before(m, s, &ws);
    if (we > ws && word_eq(m->text + ws, we - ws, "\xc3\xa0"))
        i = -1; /* "reporté à lundi": the words collected skip "à" */
    else if (!word_in(m->text + L[i].s, L[i].e - L[i].s, TO))
        return 0;
    for (int k = i + 1; k < nl && k <= i + 3; k++)
        if (word_in(m->text + L[k].s, L[k].e - L[k].s, MOVED))
            return 1;
    return 0;
}

/* A date right after an infinitive that a goal introduces ("con
 * l'obiettivo di adottarlo giovedì", "avec pour objectif de l'adopter
 * jeudi", "con el objetivo de aprobarlo el jueves", "afin de le voter
 * mardi", "allo scopo di votarla lunedì"): the goal lies ahead, whatever
 * the tense of the verb that set it. L: the words left of the date,
 * nearest first. */
static int romance_goal(const M *m, const wspan *L, int nl)
{
    static const char *const ART[] = {"el", "le", "il", "lo", "la", "o", "a", NULL};
    static const char *const OF[] = {"de", "di", "d", NULL};
    static const char *const GOAL[] = {"obiettivo",
                                       "scopo",
                                       "fine",
                                       "intento",
                                       "intenzione",
                                       "proposito",
                                       "objectif",
                                       "but",
                                       "afin",
                                       "objetivo",
                                       "fin",
                                       "prop\xc3\xb3sito",
                                       "intenci\xc3\xb3n",
                                       "meta",
                                       "inten\xc3\xa7\xc3\xa3o",
                                       "fim",
                                       NULL};
    if (!(m->lang & (TL_IT | TL_ES | TL_FR | TL_PT)) || (m->lang & TL_EN) || nl < 3)
        return 0;
    int i = 0;
    if (word_in(m->text + L[0].s, L[0].e - L[0].s, ART))
        i++; /* "aprobarlo el jueves" */
    if (i >= nl || !romance_infinitive(m->text + L[i].s, L[i].e - L[i].s))
        return 0;
    i++;
    for (int c = 0; c < 2 && i < nl && word_in(m->text + L[i].s, L[i].e - L[i].s, ROMANCE_CLITIC);
         c++)
        i++; /* "de l'adopter" */
    return i + 1 < nl && word_in(m->text + L[i].s, L[i].e - L[i].s, OF) &&
           word_in(m->text + L[i + 1].s, L[i + 1].e - L[i + 1].s, GOAL);
}

/* A deadline given ("ha dato ai lealisti tempo fino a sabato", "dio de
 * plazo hasta el sábado", "un délai jusqu'à samedi", "deu prazo até
 * sábado"): the day lies ahead, whatever the tense of the verb that gave
 * it. L: the words left of the date, nearest first. */
static int romance_deadline(const M *m, const wspan *L, int nl)
{
    static const char *const UNTIL[] = {"fino", "hasta", "jusqu", "at\xc3\xa9", NULL};
    static const char *const TIME[] = {"tempo",     "tiempo", "plazo", "d\xc3\xa9lai",
                                       "ultimatum", "prazo",  NULL};
    /* not one a pluperfect or an imperfect tells of ("avevano tempo fino a
     * sabato, ma non lo hanno fatto", "tuvieron de plazo hasta el sábado") */
    static const char *const BACK[] = {"aveva",
                                       "avevano",
                                       "avait",
                                       "avaient",
                                       "hab\xc3\xad"
                                       "a",
                                       "hab\xc3\xad"
                                       "an",
                                       "ten\xc3\xad"
                                       "a",
                                       "ten\xc3\xad"
                                       "an",
                                       "tuvo",
                                       "tuvieron",
                                       "tinha",
                                       "tinham",
                                       "teve",
                                       "tiveram",
                                       "ebbe",
                                       "ebbero",
                                       "era",
                                       "erano",
                                       "\xc3\xa9tait",
                                       "\xc3\xa9taient",
                                       "expir\xc3\xb3",
                                       NULL};
    if (!(m->lang & (TL_IT | TL_ES | TL_FR | TL_PT)) || (m->lang & TL_EN))
        return 0;
    for (int i = 0; i < 3 && i + 1 < nl; i++)
        if (word_in(m->text + L[i].s, L[i].e - L[i].s, UNTIL)) {
            if (!word_in(m->text + L[i + 1].s, L[i + 1].e - L[i + 1].s, TIME))
                return 0;
            for (int k = i + 2; k < nl && k < i + 5; k++)
                if (word_in_folded(m->text + L[k].s, L[k].e - L[k].s, BACK))
                    return 0; /* "Tuvieron de plazo" */
            return 1;
        }
    return 0;
}

/* Verbs of intent and expectation in Romance text, which look ahead with
 * an infinitive after them ("compte lancer", "espera lanzar", "conta di
 * lanciare", "pretende lançar", "prévoit de lancer"; "le compte de", "la
 * espera" are nouns, "l'accordo prevede una tregua" says what a text
 * provides), and the French "à paraître", "à venir" (an interview to
 * appear on Sunday). */
static void next_raw_word(const M *m, size_t p, size_t *s, size_t *e);
static int opens_sentence(const M *m, size_t ws);

static int romance_intent(const M *m, wspan w)
{
    static const char *const FR[] = {"compte",   "comptent",   "espère",   "espèrent",
                                     "entend",   "entendent",  "souhaite", "souhaitent",
                                     "doit",     "doivent",    "prévoit",  "prévoient",
                                     "envisage", "envisagent", NULL};
    static const char *const ES[] = {"espera",    "esperan",    "planea", "planean",
                                     "pretende",  "pretenden",  "busca",  "buscan",
                                     "contempla", "contemplan", NULL};
    static const char *const IT[] = {"conta",     "contano", "punta",   "puntano", "intende",
                                     "intendono", "spera",   "sperano", "prevede", "prevedono",
                                     "pensa",     "pensano", NULL};
    static const char *const PT[] = {"espera",  "esperam",  "pretende", "pretendem",
                                     "planeja", "planejam", "planeia",  "planeiam",
                                     "prevê",   "preveem",  "prevêem",  NULL};
    const char *p = m->text + w.s;
    size_t n = w.e - w.s;
    if (m->lang == TL_FR &&
        (word_eq(p, n, "paraître") || word_eq(p, n, "paraitre") || word_eq(p, n, "venir")) &&
        w.s >= 3 && !memcmp(m->text + w.s - 3, "\xc3\xa0 ", 3))
        return 1;
    const char *const *l = m->lang == TL_FR   ? FR
                           : m->lang == TL_ES ? ES
                           : m->lang == TL_IT ? IT
                           : m->lang == TL_PT ? PT
                                              : NULL;
    if (l && word_in(p, n, l) && infinitive_follows(m, w))
        return 1;
    /* ready to do it: "pronti a partire sabato", "listos para votar el
     * lunes", "prêts à signer lundi", "prontos para votar" */
    static const char *const READY[] = {
        "pronto",       "pronta",        "pronti",  "pronte",      "listo",
        "lista",        "listos",        "listas",  "pr\xc3\xaat", "pr\xc3\xaate",
        "pr\xc3\xaats", "pr\xc3\xaates", "prontos", "prontas",     NULL};
    static const char *const TO[] = {"a", "\xc3\xa0", "para", NULL};
    /* after a present copula ("erano pronti a partire sabato" is a past) */
    static const char *const IS[] = {
        "sono",   "\xc3\xa8", "siamo",        "est\xc3\xa1n", "est\xc3\xa1", "estamos", "sont",
        "est",    "sommes",   "est\xc3\xa3o", "s\xc3\xa3o",   "se",          "si",      "mostra",
        "appare", "sembra",   "sembrano",     "dice",         "dicono",      "dit",     "disent",
        "dice",   "dicen",    "diz",          "dizem",        NULL};
    size_t s1, e1, s2, e2, bs, be;
    if (!word_in_folded(p, n, READY)) /* "Pronti a partire sabato: ..." */
        return 0;
    be = raw_word_before(m, w.s, &bs);
    if (be <= bs) {
        if (!opens_sentence(m, w.s))
            return 0; /* "I soldati, pronti a partire sabato, erano rimasti" (a
                       * headline may open with it: "Pronti a partire sabato: ...") */
    } else if (!word_in_folded(m->text + bs, be - bs, IS)) { /* "Sono pronti", "Están" */
        return 0;
    }
    next_raw_word(m, w.e, &s1, &e1);
    next_raw_word(m, e1, &s2, &e2);
    if (!(e1 > s1 && word_in(m->text + s1, e1 - s1, TO) && e2 > s2 &&
          romance_infinitive(m->text + s2, e2 - s2)))
        return 0;
    /* the date the readiness is for after the verb, within six words ("pronti
     * a partire sabato", "listos para votar el lunes", "pronto a votare la
     * fiducia venerdì"; not "el lunes dijeron que están listos para
     * negociar", nor "prontos para intervir desde sábado") */
    static const char *const SINCE[] = {"desde", "depuis", "dal",   "dalla",
                                        "da",    "din",    "since", NULL};
    size_t s3, e3 = e2;
    for (int k = 0; k < 6; k++) {
        size_t q = e3;
        while (q < m->len && m->text[q] == ' ')
            q++;
        if (q < m->len && m->text[q] >= '0' && m->text[q] <= '9')
            return 1; /* "pronti a votare il 20 marzo" */
        if (q < m->len && m->text[q] == '\'')
            e3 = q + 1; /* over an elision: "l'offensiva" */
        else if (q + 2 < m->len && !memcmp(m->text + q, "\xe2\x80\x99", 3))
            e3 = q + 3;
        next_raw_word(m, e3, &s3, &e3);
        if (e3 == s3 || word_in(m->text + s3, e3 - s3, SINCE))
            return 0;
        const tlex *lx = chr_time_lex_word(m->text + s3, e3 - s3);
        if (lx && (lx->cls & ((1u << C_WDAY) | (1u << C_MONTH) | (1u << C_DEICT))))
            return 1;
        static const char *const BE[] = {"\xc3\xaatre", "essere", "ser", "sido", NULL};
        size_t ps, pe = raw_word_before(m, s3, &ps);
        if (e3 - s3 >= 5 && !(pe > ps && raw_word_in(m, ps, pe, BE)) && /* "prêt à être voté" */
            (ends_with(m->text + s3, e3 - s3, "ata") || ends_with(m->text + s3, e3 - s3, "ato") ||
             ends_with(m->text + s3, e3 - s3, "ada") || ends_with(m->text + s3, e3 - s3, "ado") ||
             ends_with(m->text + s3, e3 - s3, "\xc3\xa9") ||
             ends_with(m->text + s3, e3 - s3,
                       "\xc3\xa9"
                       "e")))
            return 0; /* a participle's date: "pronto a discutere la risoluzione
                       * approvata sabato" */
    }
    return 0;
}

/* The word that starts at or after byte p (letters and UTF-8 bytes);
 * *s..*e, empty when punctuation comes first. */
static void next_raw_word(const M *m, size_t p, size_t *s, size_t *e)
{
    while (p < m->len && m->text[p] == ' ')
        p++;
    *s = p;
    while (p < m->len &&
           ((((unsigned char)m->text[p] | 32) >= 'a' && ((unsigned char)m->text[p] | 32) <= 'z') ||
            (unsigned char)m->text[p] >= 0x80))
        p++;
    *e = p;
}

static size_t raw_word_before(const M *m, size_t p, size_t *ws);

/* Whether one of the words of list stands among the n words before byte p
 * in its clause (punctuation ends the search). */
static int listed_before(const M *m, size_t p, int n, const char *const *list)
{
    for (int k = 0; k < n; k++) {
        if (p > 0 && m->text[p - 1] == '\'')
            p--; /* "Elian's" */
        size_t ws, we = raw_word_before(m, p, &ws);
        if (we == ws)
            return 0; /* punctuation: the clause starts here */
        if (word_in(m->text + ws, we - ws, list))
            return 1;
        p = ws;
    }
    return 0;
}

/* Whether a negation stands among the few words before byte p in its
 * clause ("no one could", "neither he nor she could"). */
static int negated_before(const M *m, size_t p)
{
    static const char *const NEG[] = {"not",  "no",      "nor", "neither", "never", "nobody",
                                      "none", "Neither", "No",  "Nobody",  "None",  NULL};
    return listed_before(m, p, 6, NEG);
}

/* A modal verb before an infinitive says what could or should happen, which
 * looks ahead ("a deal could come by Friday", "may be signed", "podría
 * firmarse", "pode ser assinado", "peut être signé", "può essere firmato",
 * "es podria signar", "ar putea fi semnat", "tiene que marcharse", "il doit
 * partir"); the modal before "have"
 * ("may have been", "podría haber muerto", "pourrait avoir été") reports
 * a past, and "could not" is as often past inability ("could not be
 * reached"): no cue. Returns 1, -1 or 0. */
static int modal_tense(const M *m, wspan w)
{
    static const char *const EN[] = {"could", "may", "might", "should", "must", "would", NULL};
    static const char *const EN_SKIP[] = {"also", "still", "soon", "now",     "then",       "only",
                                          "even", "yet",   "well", "finally", "eventually", NULL};
    static const char *const EN_NOVERB[] = {"of", "and", "or",   "the", "a",  "an", "in",   "on",
                                            "to", "for", "with", "as",  "at", "by", "from", NULL};
    static const char *const ES[] = {"podría",   "podrían", "puede", "pueden", "debería",
                                     "deberían", "debe",    "deben", NULL};
    static const char *const FR[] = {"peut",    "peuvent", "pourrait",  "pourraient", "doit",
                                     "doivent", "devrait", "devraient", NULL};
    /* "tiene que marcharse", "hay que salir", "tem que sair", "tem de sair" */
    static const char *const OBLIG[] = {"tiene", "tienen",     "tenemos", "hay",
                                        "tem",   "t\xc3\xaam", "temos",   NULL};
    static const char *const IT[] = {"può",  "possono", "potrebbe", "potrebbero",
                                     "deve", "devono",  NULL};
    static const char *const PT[] = {"pode",  "podem",   "poderia",  "poderiam", "deve",
                                     "devem", "deveria", "deveriam", NULL};
    static const char *const CA[] = {"podria", "podrien", "pot", "poden",
                                     "hauria", "haurien", NULL};
    static const char *const RO_AR[] = {"ar", NULL};
    static const char *const RO[] = {"putea", "trebui", NULL}; /* after "ar" */
    static const char *const HAVE[] = {"haber", "avoir", "aver", "avere",
                                       "ter",   "haver", "have", NULL};
    static const char *const ROM_SKIP[] = {"de", "di", "se", "si",  "ne",
                                           "lo", "la", "le", "les", NULL};
    static const char *const SHORT_INF[] = {"ser", "ir", "dar", "ver", "fer", "dir", NULL};
    const char *p = m->text + w.s;
    size_t n = w.e - w.s, s, e;
    unsigned l = m->lang;
    if ((l == TL_ES || l == TL_PT) && word_in(p, n, OBLIG)) {
        next_raw_word(m, w.e, &s, &e);
        if (word_eq(m->text + s, e - s, "que") || (l == TL_PT && word_eq(m->text + s, e - s, "de")))
            return infinitive_follows(m, (wspan){s, e});
        return 0;
    }
    const char *const *list = l == TL_CA_ALL ? CA
                              : (l & TL_EN)  ? EN
                              : l == TL_ES   ? ES
                              : l == TL_FR   ? FR
                              : l == TL_IT   ? IT
                              : l == TL_PT   ? PT
                              : l == TL_RO   ? RO_AR
                                             : NULL;
    if (!list || !word_in(p, n, list))
        return 0;
    next_raw_word(m, w.e, &s, &e);
    if (list == EN) {
        if (word_eq(p, n, "could") && negated_before(m, w.s))
            return 0; /* "Neither he nor his aunt could be located Wednesday" */
        for (int k = 0; k < 2 && word_in(m->text + s, e - s, EN_SKIP); k++)
            next_raw_word(m, e, &s, &e);
        if (word_in(m->text + s, e - s, HAVE) ||
            (e < m->len && m->text[e] == '\'' && e == s)) /* "could've" */
            return -1;
        if (e == s || word_eq(m->text + s, e - s, "not") || m->text[s] < 'a' || m->text[s] > 'z' ||
            word_in(m->text + s, e - s, EN_NOVERB))
            return 0;
        return 1;
    }
    if (l == TL_RO)
        return word_in(m->text + s, e - s, RO);
    /* "ne peut pas être"; clitics ("debe de haber", "se pueden firmar"):
     * infinitive_follows skips them itself */
    if (word_eq(m->text + s, e - s, "pas")) {
        w.e = e;
        next_raw_word(m, e, &s, &e);
    }
    for (int k = 0; k < 2 && word_in(m->text + s, e - s, ROM_SKIP); k++)
        next_raw_word(m, e, &s, &e);
    if (word_in(m->text + s, e - s, HAVE)) {
        size_t s2, e2;
        next_raw_word(m, e, &s2, &e2);
        return word_eq(m->text + s2, e2 - s2, "lieu") ? 1 : -1; /* "doit avoir lieu" */
    }
    return infinitive_follows(m, w) || word_in(m->text + s, e - s, SHORT_INF);
}

static int opens_sentence(const M *m, size_t ws);

/* Romanian tense cues beyond the word lists: the perfect "a" + participle
 * ("a murit", "s-a întâmplat", "a decis"; "a" before a noun or an
 * infinitive is a preposition: "a râului", "a vota"), the future "o să",
 * and romance_tense's list and endings on the word without diacritics. */
static int ro_tense(const M *m, wspan w)
{
    char b[24], v[24];
    size_t n = w.e - w.s;
    if (n >= sizeof b)
        return 0;
    n = chr_time_ro_plain(m->text + w.s, n, b);
    size_t s, e;
    next_raw_word(m, w.e, &s, &e);
    size_t vn = e - s < sizeof v ? chr_time_ro_plain(m->text + s, e - s, v) : 0;
    if (word_eq(b, n, "a") && vn >= 3 &&
        (ends_with(v, vn, "at") || ends_with(v, vn, "it") || ends_with(v, vn, "ut") ||
         ends_with(v, vn, "is") || ends_with(v, vn, "us") || ends_with(v, vn, "as") ||
         ends_with(v, vn, "rs") || ends_with(v, vn, "ns")))
        return -1;
    if (word_eq(b, n, "o") && word_eq(v, vn, "sa"))
        return 1; /* "o să voteze" */
    return romance_tense(TL_RO, b, n);
}

static int raw_word_in(const M *m, size_t ws, size_t we, const char *const *l);

/* Italian "stato/stati" after an article or "dello/allo/nello" is the
 * noun (the state), not the participle of "essere". */
static int it_state_noun(const M *m, wspan w)
{
    static const char *const ART[] = {"lo",  "Lo",  "dello", "allo", "nello", "sullo", "dallo",
                                      "uno", "gli", "degli", "agli", "negli", "sugli", NULL};
    size_t ps, pe = raw_word_before(m, w.s, &ps);
    return pe > ps && raw_word_in(m, ps, pe, ART);
}

/* Whether an Italian participle follows "ha/hanno" within three words
 * ("ha detto", "ha già deciso", "hanno poi annunciato"; not "ha tempo",
 * "hanno paura"): the perfect, or the verb "avere". Participles end in
 * -to/-ta/-ti/-te or -so/-sa/-si/-se (detto, preso, chiuso, rimasta). */
static int it_participle_follows(const M *m, wspan w)
{
    size_t p = w.e;
    for (int k = 0; k < 3; k++) {
        size_t s, e;
        next_raw_word(m, p, &s, &e);
        if (e == s)
            return 0;
        char a = (char)(m->text[e - 2] | 32), b = (char)(m->text[e - 1] | 32);
        if (e - s >= 4 && (a == 't' || a == 's') && strchr("oaie", b))
            return 1;
        p = e;
    }
    return 0;
}

/* word_tense, plus the future auxiliary "va" of French, Spanish and
 * Romanian ("il va partir", "va a votar", "va vorbi"), which in English text
 * is an abbreviation (the VA), and the cues of Italian, Portuguese and
 * Catalan (romance_tense) when the text is in one of those. */
static size_t elided(const M *m, size_t p);

static int lang_tense(const M *m, wspan w)
{
    const char *p = m->text + w.s;
    size_t n = w.e - w.s;
    char acc[20];
    if (!(m->lang & TL_EN) && n >= 3 && p[0] >= 'A' && p[0] <= 'Z' && p[1] >= 'a' && p[1] <= 'z' &&
        !opens_sentence(m, w.s))
        return 0; /* a name inside a sentence ("Al-Jazeera", "Abreu", "Aaron"), no verb
                   * whatever its ending */
    if (m->lang == TL_IT && n >= 2 && n <= 16 && w.e < m->len && m->text[w.e] == '\'' &&
        (w.e + 1 == m->len ||
         !(((m->text[w.e + 1] | 32) >= 'a' && (m->text[w.e + 1] | 32) <= 'z') ||
           (unsigned char)m->text[w.e + 1] >= 0x80))) {
        /* wire copy: "parlera'" is parlerà, "dichiaro'" dichiarò */
        static const char V[] = "aeiou", A[] = "\xa0\xa8\xac\xb2\xb9"; /* à è ì ò ù */
        const char *v = strchr(V, p[n - 1] | 32);
        if (v && p[n - 1]) {
            memcpy(acc, p, n - 1);
            acc[n - 1] = (char)0xC3;
            acc[n] = A[v - V];
            p = acc;
            n++;
        }
    }
    int t = modal_tense(m, w);
    if (t)
        return t;
    if (m->lang == TL_IT && n == 5 && !strncmp(p, "stat", 4) && it_state_noun(m, w))
        return 0; /* "lo stato di emergenza": the state, no past */
    if (m->lang == TL_IT && (word_eq(p, n, "sono") || word_eq(p, n, "\xc3\xa8"))) {
        /* "sono previste", "è atteso": what is planned, not the past "sono" */
        static const char *const PLANNED[] = {
            "previsto",    "prevista",    "previsti",    "previste",    "atteso",  "attesa",
            "attesi",      "attese",      "fissato",     "fissata",     "fissati", "fissate",
            "programmato", "programmata", "programmati", "programmate", NULL};
        size_t s2, e2;
        next_raw_word(m, w.e, &s2, &e2);
        if (word_in(m->text + s2, e2 - s2, PLANNED))
            return 1;
    }
    if (m->lang == TL_IT &&
        (word_eq(p, n, "ha") || word_eq(p, n, "hanno") || word_eq(p, n, "Ha") ||
         word_eq(p, n, "Hanno")) &&
        !it_participle_follows(m, w))
        return 0; /* "il regime ha tempo fino a lunedì": "avere", no perfect */
    if (m->lang == TL_FR && (word_eq(p, n, "a") || word_eq(p, n, "ont")) && w.e + 6 < m->len &&
        !strncmp(m->text + w.e, " jusqu", 6))
        return 0; /* "ils ont jusqu'à samedi pour se rendre": "avoir", no perfect */
    if (m->lang == TL_FR && word_eq(p, n, "\xc3\xa9t\xc3\xa9") && elided(m, w.s) < w.s)
        return 0; /* "l'université d'été", "l'été": the summer */
    t = word_tense(p, n, m->lang);
    if (!t)
        t = romance_intent(m, w);
    if (!t && (m->lang == TL_FR || m->lang == TL_IT) && (n <= 5 || m->lang == TL_IT) &&
        aux_participle(m, w))
        return -1;
    if (!t && n == 2 && p[0] == 'v' && p[1] == 'a' && !(m->lang & TL_EN) &&
        (m->lang & (TL_FR | TL_ES | TL_RO)))
        t = 1;
    if (t > 0 && m->lang == TL_IT && n == 4 && !strncasecmp(p, "sera", 4))
        return 0; /* "mercoledì sera": the evening, not French "sera" */
    if (!t && m->lang == TL_IT && n == 9 && !memcmp(p, "programma", 9) && w.s >= 3 &&
        !strncasecmp(m->text + w.s - 3, "in ", 3))
        return 1; /* "in programma giovedì": scheduled */
    if (!t && m->lang == TL_RO)
        t = ro_tense(m, w);
    if (!t && n <= 16 &&
        (m->lang == TL_IT || m->lang == TL_PT || m->lang == TL_CA_ALL || m->lang == TL_FR ||
         m->lang == TL_ES)) {
        char b[17];
        for (size_t i = 0; i < n; i++)
            b[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
        t = romance_tense(m->lang, b, n);
    }
    return t;
}

static int auxiliary(const M *m, wspan w);

/* Italian "l'altro" at token k as "the other" of a noun after it ("Ieri
 * l'altro candidato ha parlato"), not the day before yesterday ("ieri
 * l'altro ad Aleppo", "ieri l'altro, il ministro"): a lower-case word
 * follows that is no function word and no verb. */
static int other_noun(const M *m, int k)
{
    static const char *const FUNC[] = {
        "a",     "ad",  "al",   "alla",  "allo",  "ai",    "alle",       "da",   "dal",
        "dalla", "dai", "di",   "del",   "della", "dei",   "in",         "nel",  "nella",
        "nei",   "su",  "sul",  "sulla", "per",   "con",   "tra",        "fra",  "e",
        "ed",    "o",   "ma",   "il",    "lo",    "la",    "i",          "gli",  "le",
        "un",    "una", "che",  "si",    "non",   "anche", "gi\xc3\xa0", "dall", "dell",
        "nell",  "all", "sull", "l",     "d",     NULL};
    size_t ws, we;
    next_raw_word(m, m->t[k].e, &ws, &we);
    if (we == ws || !(m->text[ws] >= 'a' && m->text[ws] <= 'z'))
        return 0;
    for (size_t p = m->t[k].e; p < ws; p++)
        if (m->text[p] != ' ')
            return 0; /* punctuation between */
    if (raw_word_in(m, ws, we, FUNC) || lang_tense(m, (wspan){ws, we}) || time_word_at(m, ws))
        return 0;
    return !auxiliary(m, (wspan){ws, we});
}

/* Whether w is the Romance "that" opening a clause ("ha annunciato che
 * venerdì le truppe lasceranno", "anunciou que na sexta-feira as tropas
 * vão", "a anunțat că vineri trupele vor pleca"): the verb of that clause
 * governs a date in it, not the verb of saying before it. Only in text
 * known to be Romance. */
static int romance_that(const M *m, wspan w)
{
    unsigned l = m->lang;
    if (l != TL_IT && l != TL_PT && l != TL_ES && l != TL_FR && l != TL_CA_ALL && l != TL_RO)
        return 0;
    const char *p = m->text + w.s;
    size_t n = w.e - w.s;
    if (l == TL_RO) /* "că", "ca (să)", "să" */
        return word_eq(p, n, "c\xc4\x83") || word_eq(p, n, "ca") || word_eq(p, n, "s\xc4\x83") ||
               word_eq(p, n, "sa");
    return (n == 3 && (!memcmp(p, "che", 3) || !memcmp(p, "que", 3))) ||
           (n == 2 && !memcmp(p, "qu", 2) && w.e < m->len && m->text[w.e] == '\'');
}

/* Italian, Portuguese, Spanish, French: a date after "entro" / "fino a" / "até" (by,
 * until), "antes de" / "prima di" / "avant" (before) lies ahead when no verb
 * says otherwise (Romanian and Catalan: these deadlines only); after a verb of putting
 * off and "a/al/para" ("rinviato a sabato", "slittata al 29 marzo", "aplazada a julio",
 * "adiada para sábado") it always does, and so after "per/para" (for) of
 * what is called or set for a day ("hanno proclamato uno sciopero per
 * venerdì", "convocou uma reunião para sábado"). L: the words left of
 * the date, nearest first. Returns 2 (always ahead), 1 (ahead without a
 * verb) or 0. */
/* Whether "d'" is glued before byte p: "d'ici", not "ici" ("d’ici" with a
 * typographic apostrophe is one word to collect_words). */
static int elided_d(const M *m, size_t p)
{
    return p >= 2 && m->text[p - 1] == '\'' && (m->text[p - 2] | 32) == 'd';
}

static int romance_ahead(const M *m, const wspan *L, int nl)
{
    if ((m->lang != TL_IT && m->lang != TL_PT && m->lang != TL_ES && m->lang != TL_FR &&
         m->lang != TL_RO && m->lang != TL_CA_ALL) ||
        nl == 0)
        return 0;
    /* Spanish "hasta el viernes", "para el sábado"; French "d'ici (à)
     * vendredi", "jusqu'à vendredi", "avant vendredi", "pour samedi";
     * Catalan "fins (a) divendres", Romanian "până vineri" */
    static const char *const BY[] = {"entro", "fino", "at\xc3\xa9",         "hasta", "ici", "jusqu",
                                     "avant", "fins", "p\xc3\xa2n\xc4\x83", "pana",  NULL};
    /* "antes de(l) viernes", "prima di venerdì", "abans de divendres" */
    static const char *const BEFORE[] = {"antes", "prima", "abans", NULL};
    static const char *const OF[] = {"de", "del", "di", "do", "da", NULL};
    static const char *const FOR[] = {"per", "para", "pour", NULL};
    static const char *const FOR_ART[] = {"il", "la", "lo", "l", "o", "a", "os", "as", "el", NULL};
    static const char *const ART[] = {"il", "la", "lo",       "l",  "a",    "al",  "alla", "el",
                                      "ao", "o",  "\xc3\xa0", "ad", "para", "per", NULL};
    static const char *const PUT_OFF[] = {"rinviat",   "rimandat",  "posticipat", "slittat",
                                          "spostat",   "prorogat",  "differit",   "adiad",
                                          "prorrogad", "remarcad",  "transferid", "aplazad",
                                          "pospuest",  "postergad", NULL};
    char w0[8];
    size_t n0 = L[0].e - L[0].s;
    if (n0 >= sizeof w0)
        n0 = 0;
    for (size_t i = 0; i < n0; i++)
        w0[i] = (char)(i == 0 && m->text[L[0].s] >= 'A' && m->text[L[0].s] <= 'Z'
                           ? m->text[L[0].s] + 32
                           : m->text[L[0].s + i]); /* "Até sexta-feira" */
    const char *w1 = nl > 1 ? m->text + L[1].s : "";
    size_t n1 = nl > 1 ? L[1].e - L[1].s : 0;
    int by = word_in(w0, n0, BY) || (word_in(w0, n0, OF) && word_in(w1, n1, BEFORE)) ||
             (word_in(w0, n0, ART) && word_in(w1, n1, BY));
    if (m->lang == TL_RO && n0 > 0) {
        /* "amânată pentru joi", "convocat pentru vineri" */
        static const char *const RO_FOR[] = {"pentru", "pe", NULL};
        static const char *const RO_OFF[] = {"am\xc3\xa2nat", "amanat", "reprogramat", NULL};
        if (word_in(w0, n0, RO_FOR)) {
            if (word_eq(w0, n0, "pentru"))
                return 2;
            for (int i = 1; i < nl && i < 4; i++)
                for (int k = 0; RO_OFF[k]; k++)
                    if (!strncasecmp(m->text + L[i].s, RO_OFF[k], strlen(RO_OFF[k])))
                        return 2;
        }
    }
    if (m->lang == TL_CA_ALL && word_eq(w0, n0, "a") && word_eq(w1, n1, "per"))
        return 2; /* "convocades per a divendres": "per a" is "for", never the agent */
    if (m->lang == TL_CA_ALL && word_eq(w0, n0, "per"))
        return 1; /* nor is "per" right before the day ("una aturada per dimarts"),
                   * ahead unless a verb says otherwise ("la vaga convocada per
                   * dimarts va tenir un seguiment massiu") */
    if (m->lang == TL_RO || m->lang == TL_CA_ALL)
        return by; /* only the deadlines: Catalan "per" is "by" (of the agent) too */
    if (word_in(w0, n0, ART)) {
        for (int i = 1; i < nl && i < 4; i++) {
            const char *w = m->text + L[i].s;
            size_t n = L[i].e - L[i].s;
            for (int k = 0; PUT_OFF[k]; k++) {
                size_t pn = strlen(PUT_OFF[k]);
                if (n == pn + 1 && !strncasecmp(w, PUT_OFF[k], pn) && strchr("oaie", w[pn]))
                    return 2;
                if (n == pn + 2 && !strncasecmp(w, PUT_OFF[k], pn) && w[n - 1] == 's')
                    return 2; /* adiados, adiadas */
            }
        }
    }
    if (word_in(w0, n0, FOR) || (word_in(w0, n0, FOR_ART) && word_in(w1, n1, FOR)))
        return 2;
    /* French "d'ici dimanche" and a term that runs out on the day
     * ("l'ultimatum expirant samedi", "que expira el viernes"): ahead
     * whatever the tense of the clause ("ont exigé la libération d'ici
     * dimanche") */
    static const char *const EXPIRE[] = {"expirant", "expire", "expira", "scade", NULL};
    static const char *const EXP_ART[] = {"el", "le", "il", "o", "a", "na", "no", NULL};
    if ((m->lang == TL_FR && ((word_eq(w0, n0, "ici") && elided_d(m, L[0].s)) ||
                              word_eq(w0, n0, "d\xe2\x80\x99ici"))) ||
        word_in(m->text + L[0].s, L[0].e - L[0].s, EXPIRE) ||
        (nl > 1 && word_in(w0, n0, EXP_ART) && word_in(w1, n1, EXPIRE)))
        return 2; /* "expira el viernes" */
    return by;
}

/* An article or preposition that may stand between a participle and the
 * date it governs ("firmado el jueves", "conclu le 3 mars"). */
static int date_article(const M *m, wspan w)
{
    static const char *const A[] = {"el", "la", "le", "il", "lo", "del", "de", "du", "o",
                                    "a",  "na", "no", "em", "en", "al",  "do", NULL};
    return word_in(m->text + w.s, w.e - w.s, A);
}

/* An article before a word that ends like a participle makes it a noun,
 * the object of the clause's verb ("o Senado recebe o pedido na
 * sexta-feira", "analiza la propuesta y el pedido el viernes"); the verb
 * further left tells the tense. French "a" is the auxiliary (auxiliary()),
 * Portuguese "a" the article. */
static int noun_article(const M *m, wspan w)
{
    /* not Spanish "lo": "lo pactado el jueves" is what was agreed */
    static const char *const A[] = {"el", "la", "los", "las", "un",  "una", "uno", "o",   "os",
                                    "as", "um", "uma", "il",  "gli", "le",  "les", "une", NULL};
    const char *p = m->text + w.s;
    size_t n = w.e - w.s;
    return word_in(p, n, A) || (m->lang == TL_PT && word_eq(p, n, "a"));
}

/* A past participle right before a date in Romance text dates a past
 * event ("el acuerdo firmado el jueves", "l'attaque lancée mardi",
 * "l'accordo raggiunto giovedì", "o acordo assinado na quinta-feira");
 * nouns with the same endings ("partido", "armée", "stato") and what is
 * planned ("previsto", "programmé") are not. */
/* Whether the word before byte p is an Italian auxiliary of the plural
 * ("sono", "erano", "furono", "state", "siano"). */
static int it_aux_before(const M *m, size_t p)
{
    static const char *const AUX[] = {"sono", "erano", "furono", "state", "siano", "saranno", NULL};
    size_t bs, be = raw_word_before(m, p, &bs);
    return be > bs && raw_word_in(m, bs, be, AUX);
}

static int participle_before(const M *m, wspan w)
{
    static const char *const NOUN[] = {
        "partido", "partidos", "estado", "estados", "mercado", "lado", "senado", "soldado",
        "soldados", "abogado", "advogado", "diputado", "deputado", "sentido", "vida", "salida",
        "saída", "medida", "medidas", "comida", "partida", "llegada", "chegada", "jornada",
        "unidos", "unidas", "pasado", "passado", "armée", "année", "journée", "soirée", "matinée",
        "arrivée", "entrée", "idée", "musée", "lycée", "été", "durée", "stato", "stati", "senato",
        "mercato", "lato", "soldato", "avvocato", "deputato", "partito", "partiti", "vita",
        "uscita", "data", "giornata", "serata", "mattinata", "nottata", "settimana", "entrata",
        "date", "giornate", "serate", "mattinate", "nottate", "entrate", "uscite", "ondate",
        "estate", "partite", "salute", "minute", "convocate", "fissate", "programmate", "previsto",
        "prevista", "previstos", "previstas", "previsti", "previste", "programado", "programada",
        "programmato", "programmata", "programmé", "programmée", "prévu", "marcado", "marcada",
        "agendado", "agendada", "fixé", "fixée", "fissato", "fissata", "attendu", "atteso",
        "attesa", "esperado", "esperada", "esperados", "esperadas", "convocado", "convocada",
        "convocato", "convocata", "convoqué",
        /* what awaits its date: "Renzi, impegnato a Bruxelles giovedì, non
         * sarà…" */
        "impegnato", "impegnata", "convoquée",
        /* nouns of times and places that end like participles */
        "madrugada", "temporada", "década", "entrada", "avenida", "embajada", "embaixada",
        "retirada", "caída", "queda", "bienvenida", "oleada", "ondata", "durata", "partita",
        "salita", "rentrée", "tournée", "veillée", "assemblée", "député", "députés", "marché",
        "côté", "degré", "délégué", "délégués", "café", "nuitée", "semaine",
        /* nouns of office, outcome and document */
        "mandato", "mandati", "risultato", "risultati", "attentato", "attentati", "trattato",
        "candidato", "candidata", "candidati", "sindacato", "comunicato", "emirato", "consolato",
        "inviato", "inviata", "alleato", "alleati", "resultado", "atentado", "tratado", "sindicato",
        "comunicado", "consulado", "enviado", "enviada", "aliado", "delegado", "delegada", "legado",
        "jurado", "traité", "comité", "employé", "envoyé", "fatto", "fatti", "vista", "viste",
        "messa", "messe", "presa", "scritto", "scritti", "sorte", "sorta", "rotta", "rotte",
        "spinta", "aggiunta", "promessa", "promesse", "scelta", "scelte", "condotta", "prodotto",
        "prodotti",
        /* "the so-called": a name follows */
        "denominado", "denominada", "llamado", "llamada", "conocido", "conocida", "chamado",
        "chamada", "denominato", "denominata", "chiamato", "chiamata", "appelé", "appelée",
        "dénommé", "dénommée", "baptisé", "baptisée", "surnommé", "surnommée", NULL};
    const char *p = m->text + w.s;
    size_t n = w.e - w.s;
    unsigned l = m->lang;
    if (n < 5 || n > 20 || !(p[0] >= 'a' && p[0] <= 'z'))
        return 0;
    if (l != TL_FR)
        for (size_t k = 0; k + 4 < n; k++)
            if ((unsigned char)p[k] >= 0x80)
                return 0; /* "vívido", "rápido", "sólido": adjectives (participles
                           * carry no accent but on the last vowels: "caído") */
    int end = 0;
    if (l == TL_ES || l == TL_PT)
        end = ends_with(p, n, "ado") || ends_with(p, n, "ada") || ends_with(p, n, "ados") ||
              ends_with(p, n, "adas") || ends_with(p, n, "ido") || ends_with(p, n, "ida") ||
              ends_with(p, n, "idos") || ends_with(p, n, "idas");
    else if (l == TL_IT)
        end = ends_with(p, n, "ato") || ends_with(p, n, "ata") || ends_with(p, n, "ati") ||
              ends_with(p, n, "uto") || ends_with(p, n, "uta") || ends_with(p, n, "uti") ||
              ends_with(p, n, "ito") || ends_with(p, n, "ita") || ends_with(p, n, "iti") ||
              it_irregular_participle(p, n) ||
              /* the feminine plural after its auxiliary only ("le proteste sono
               * cominciate il 27 gennaio"; "le forze armate sabato", "le visite"
               * are adjectives and nouns) */
              ((ends_with(p, n, "ate") || ends_with(p, n, "ute") || ends_with(p, n, "ite")) &&
               it_aux_before(m, w.s));
    else if (l == TL_FR)
        end = (ends_with(p, n, "é") || ends_with(p, n, "ée") || ends_with(p, n, "és") ||
               ends_with(p, n, "ées")) &&
              !ends_with(p, n, "ité") && !ends_with(p, n, "ités");
    /* the list last: it is long; a plural as its singular ("années") */
    return end && !word_in(p, n, NOUN) && !(p[n - 1] == 's' && word_in(p, n - 1, NOUN));
}

/* Forms of "be" and "have" (and "estar") before a participle: the passive or
 * compound tense whose own tense counts ("sea aprobada", "sera consacrée",
 * "doit être publié", "está cercada", "è stato ucciso"). */
static int auxiliary(const M *m, wspan w)
{
    static const char *const A[] = {
        "sea",    "sean",    "ser",      "es",       "son",     "era",     "eran",  "fue",
        "fueron", "sido",    "está",     "están",    "estaba",  "estaban", "estar", "ha",
        "han",    "había",   "habían",   "haya",     "hayan",   "será",    "serán", "sería",
        "serían", "siendo",  "sigue",    "siguen",   "être",    "été",     "est",   "sont",
        "sera",   "seront",  "serait",   "seraient", "soit",    "soient",  "a",     "ont",
        "avait",  "avaient", "aura",     "auront",   "essere",  "stato",   "stata", "stati",
        "state",  "sarà",    "saranno",  "sia",      "siano",   "hanno",   "aveva", "avevano",
        "sono",   "viene",   "vengono",  "venne",    "é",       "são",     "seja",  "sejam",
        "foi",    "foram",   "estão",    "estava",   "estavam", "tem",     "têm",   "tinha",
        "tinham", "ficou",   "continua", "continúa", NULL};
    return word_in(m->text + w.s, w.e - w.s, A);
}

/* A verb in the future before the participle L[i], in the same clause
 * (no comma between): the participle is an adjective of what is to come
 * ("tiendra compte du rapport publié lundi"). */
static int future_before(const M *m, const wspan *L, int nl, int i)
{
    static const char *const PLANNED[] = {"prévu",  "previst", "programm", "attendu", "attes",
                                          "marcad", "agendad", "fissat",   "fixé",    NULL};
    for (int j = i + 1; j < nl && j <= i + 10; j++) {
        if (memchr(m->text + L[j].e, ',', L[j - 1].s - L[j].e))
            return 0;
        if (lang_tense(m, L[j]) <= 0)
            continue;
        int planned = 0; /* "le cessez-le-feu prévu dans la résolution adoptée jeudi":
                          * another participle, no verb */
        for (const char *const *w = PLANNED; *w && !planned; w++)
            planned = !strncmp(m->text + L[j].s, *w, strlen(*w));
        if (!planned)
            return 1;
    }
    return 0;
}

/* Whether w is an auxiliary of the Spanish perfect ("ha", "han"). */
static int es_perfect(const M *m, wspan w)
{
    const char *p = m->text + w.s;
    size_t n = w.e - w.s;
    return m->lang == TL_ES && (word_eq(p, n, "ha") || word_eq(p, n, "han") ||
                                word_eq(p, n, "he") || word_eq(p, n, "hemos"));
}

/* A plan gone by: a participle of planning after a past form of "be"
 * ("estaba previsto que", "il était prévu que", "era previsto che",
 * "estava previsto que", "estava previst", "avait été prévu", "era
 * prevăzut"): the planned day is behind the writer, unlike "está previsto
 * que". L[i] is the participle, the words before it follow in L. */
static int past_plan(const M *m, const wspan *L, int nl, int i)
{
    static const char *const PLAN[] = {
        "previsto",   "prevista",  "previstos",  "previstas",   "previsti",    "previste",
        "previst",    "prévu",     "prévue",     "prévus",      "prévues",     "programado",
        "programada", "programmé", "programmée", "programmato", "programmata", "prevăzut",
        "prevăzută",  "programat", "programată", NULL};
    static const char *const WAS[] = {"estaba", "estaban", "era",    "eran",   "fue",
                                      "fueron", "había",   "habían", "était",  "étaient",
                                      "fut",    "erano",   "fu",     "estava", "estavam",
                                      "eram",   "foi",     "havia",  "fusese", NULL};
    static const char *const HAD[] = {"avait", "avaient", "era",   "erano",
                                      "había", "habían",  "havia", NULL};
    if (i + 1 >= nl || !word_in(m->text + L[i].s, L[i].e - L[i].s, PLAN))
        return 0;
    const char *w = m->text + L[i + 1].s;
    size_t n = L[i + 1].e - L[i + 1].s;
    char b[12] = "";
    if (n >= sizeof b)
        return 0;
    for (size_t k = 0; k < n; k++)
        b[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
    if (word_in(b, n, WAS))
        return 1;
    /* "avait été prévu", "era stato previsto", "había sido previsto" */
    if ((word_eq(b, n, "été") || word_eq(b, n, "stato") || word_eq(b, n, "stata") ||
         word_eq(b, n, "sido")) &&
        i + 2 < nl && word_in(m->text + L[i + 2].s, L[i + 2].e - L[i + 2].s, HAD))
        return 1;
    return 0;
}

/* English: a date after a deadline ("until", "till", "before", "by", "no
 * later than") inside a "to"-infinitive lies ahead whatever the main verb
 * ("told residents not to return home until Friday", "asked people to stay
 * indoors before Friday", "were ordered to leave by Friday"), and so does
 * one after "until/till" whose own clause has a verb that is not past
 * ("schools will stay closed until Friday", "they cannot return until
 * Friday"). A past verb nearer than the "to" decides as before ("went to
 * Paris and stayed until Friday"), and so does a completed attempt before
 * it ("managed to escape before Friday", "had to leave"). L: the words
 * left of the date, nearest first. Returns 1 (ahead) or 0. */
static int en_deadline_ahead(const M *m, const wspan *L, int nl)
{
    static const char *const NOT_VERB[] = {"the",   "a",     "an",   "his",  "her",  "their",
                                           "its",   "our",   "my",   "your", "this", "that",
                                           "these", "those", "them", "him",  "us",   "me",
                                           "it",    "some",  "all",  "be",   NULL};
    static const char *const DONE[] = {
        "had",   "used",    "managed",   "tried", "failed",   "went",  "came", "got",
        "began", "started", "continued", "able",  "returned", "moved", "back", NULL};
    static const char *const NOT_PAST[] = {"will",    "cannot", "can",    "must", "may",
                                           "might",   "would",  "should", "is",   "are",
                                           "remains", "stays",  "won",    NULL};
    if (!(m->lang & TL_EN) || nl < 2)
        return 0;
    const char *w = m->text + L[0].s;
    size_t n = L[0].e - L[0].s;
    int until = word_eq(w, n, "until") || word_eq(w, n, "till");
    int k0 = 1;
    if (!until && !word_eq(w, n, "before") && !word_eq(w, n, "by")) {
        if (nl < 4 || !word_eq(w, n, "than") ||
            !word_eq(m->text + L[1].s, L[1].e - L[1].s, "later") ||
            !word_eq(m->text + L[2].s, L[2].e - L[2].s, "no"))
            return 0;
        k0 = 3;
    }
    for (int i = k0; i < nl && i < k0 + 8; i++) {
        const char *v = m->text + L[i].s;
        size_t vn = L[i].e - L[i].s;
        if (memchr(m->text + L[i].e, ',', L[i - 1].s - L[i].e))
            return 0; /* another clause */
        if (word_eq(v, vn, "to") && i > k0) {
            const char *x = m->text + L[i - 1].s; /* the infinitive */
            size_t xn = L[i - 1].e - L[i - 1].s;
            if (x[0] < 'a' || x[0] > 'z' || word_in(x, xn, NOT_VERB) ||
                word_tense(x, xn, m->lang) < 0)
                continue; /* "to Paris", "to the city": a preposition */
            if (i + 1 < nl && word_in(m->text + L[i + 1].s, L[i + 1].e - L[i + 1].s, DONE))
                return 0;
            return 1;
        }
        if (until && word_in(v, vn, NOT_PAST))
            return 1;
        int t = lang_tense(m, L[i]);
        if (t < 0 && i + 1 < nl) {
            const char *b = m->text + L[i + 1].s;
            size_t bn = L[i + 1].e - L[i + 1].s;
            if (word_eq(b, bn, "stay") || word_eq(b, bn, "stays") || word_eq(b, bn, "remain") ||
                word_eq(b, bn, "remains") || word_eq(b, bn, "be") || word_eq(b, bn, "is") ||
                word_eq(b, bn, "are"))
                continue; /* "stay closed", "be suspended": no past */
        }
        if (t)
            return 0;
    }
    return 0;
}

/* English: a date of a passive "to"-infinitive lies ahead whatever the
 * verb of telling ("said the agreements to be signed on Tuesday were
 * worth", "talks due to be held Friday"); "was to be signed on Tuesday"
 * (a plan told in the past) decides as before. L: the words left of the
 * date, nearest first. Returns 1 (ahead) or 0. */
static int en_to_be_done_ahead(const M *m, const wspan *L, int nl)
{
    static const char *const PAST_BE[] = {"was", "were", "had", NULL};
    if (!(m->lang & TL_EN))
        return 0;
    /* the participle right before the date, or before a phrase of up to
     * eight words without a verb ("to be paid at nine pct during May") */
    int k = 0;
    while (k + 2 < nl && k <= 8 &&
           !(word_eq(m->text + L[k + 1].s, L[k + 1].e - L[k + 1].s, "be") &&
             word_eq(m->text + L[k + 2].s, L[k + 2].e - L[k + 2].s, "to")))
        k++;
    if (k + 2 >= nl || k > 8)
        return 0;
    const char *x = m->text + L[k].s; /* the participle */
    if (x[0] < 'a' || x[0] > 'z' || word_tense(x, L[k].e - L[k].s, m->lang) >= 0)
        return 0;
    for (int i = 0; i < k; i++)
        if (word_tense(m->text + L[i].s, L[i].e - L[i].s, m->lang) || lang_tense(m, L[i]))
            return 0; /* a verb of its own nearer the date */
    if (memchr(m->text + L[k + 2].e, ',', L[0].s - L[k + 2].e))
        return 0;
    return !(k + 3 < nl && word_in(m->text + L[k + 3].s, L[k + 3].e - L[k + 3].s, PAST_BE));
}

/* ---- scheduled days of notices ------------------------------------------ */

/* Whether text[ls..le) is a label that names the scheduled day after it
 * in a notice ("Pay", "Record date", "Ex-div", "Maturity"). */
static int sched_label_at(const M *m, size_t ls, size_t le)
{
    static const char *const LABEL[] = {
        "pay",      "payable",        "payment",         "payment date",
        "pay date", "record",         "record date",     "date of record",
        "ex-div",   "ex-dividend",    "ex-date",         "ex-rights",
        "ex div",   "ex dividend",    "distribution",    "distribution date",
        "due",      "due date",       "maturity",        "maturity date",
        "matures",  "settlement",     "settlement date", "delivery",
        "expiry",   "expires",        "expiration",      "expiration date",
        "deadline", "closing date",   "effective",       "effective date",
        "meeting",  "annual meeting", "dividend pay",    "div pay",
        NULL};
    char b[24];
    if (le <= ls || le - ls >= sizeof b)
        return 0;
    for (size_t k = ls; k < le; k++) {
        unsigned char c = (unsigned char)m->text[k];
        b[k - ls] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    /* (most words open with another letter than any label's) */
    if (!b[0] || !strchr("acdemprs", b[0]))
        return 0;
    return word_in(b, le - ls, LABEL);
}

static int label_char(char c)
{
    return ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '-';
}

/* Whether the line at byte q opens with a label of one or two words and
 * a day after it ("Pay April 30, ..."). */
static int line_opens_label(const M *m, size_t q, size_t lim)
{
    while (q < lim && (m->text[q] == ' ' || m->text[q] == '\t'))
        q++;
    size_t e = q;
    for (int w = 0; w < 2; w++) {
        while (e < lim && label_char(m->text[e]))
            e++;
        if (e + 1 >= lim || m->text[e] != ' ')
            return 0;
        if (sched_label_at(m, q, e) && ((m->text[e + 1] >= 'A' && m->text[e + 1] <= 'Z') ||
                                        (m->text[e + 1] >= '0' && m->text[e + 1] <= '9')))
            return 1;
        e++;
    }
    return 0;
}

/* English: the date at byte s follows a label that opens its line in a
 * notice ("Pay May 22", "Record May 8", "Payable: June 1", "Ex-div May 4",
 * "Record date May 8", "Maturity June 30"), or a comma on such a line
 * ("Pay April 30, record April 16"). Such a day is one of the notice's
 * plans: ahead, as "payable" says it is, though a record day may lie a
 * few weeks back (res_md_year's sched). A label inside a sentence ("set a
 * record May 8") is none. */
static int sched_label(const M *m, size_t s)
{
    if (!(m->lang & TL_EN))
        return 0;
    size_t p = s;
    while (p > 0 && (m->text[p - 1] == ' ' || m->text[p - 1] == '\t'))
        p--;
    if (p > 0 && m->text[p - 1] == ':')
        p--;
    while (p > 0 && (m->text[p - 1] == ' ' || m->text[p - 1] == '\t'))
        p--;
    size_t le = p, ls = p;
    for (int w = 0; w < 2; w++) {
        size_t q = ls;
        while (q > 0 && label_char(m->text[q - 1]))
            q--;
        if (q == ls)
            return 0;
        ls = q;
        if (sched_label_at(m, ls, le)) {
            size_t r = ls;
            while (r > 0 && (m->text[r - 1] == ' ' || m->text[r - 1] == '\t'))
                r--;
            if (r == 0 || m->text[r - 1] == '\n')
                return 1; /* the line opens with it */
            if ((m->text[r - 1] == ',' || m->text[r - 1] == ';') && r > 1 &&
                m->text[r - 2] >= '0' && m->text[r - 2] <= '9') {
                size_t q0 = r;
                while (q0 > 0 && m->text[q0 - 1] != '\n' && r - q0 < 80)
                    q0--;
                if (q0 == 0 || m->text[q0 - 1] == '\n')
                    return line_opens_label(m, q0, r);
            }
        }
        if (ls < 2 || m->text[ls - 1] != ' ')
            return 0;
        ls--;
    }
    return 0;
}

/* The auxiliary of a Romance perfect infinitive ("avoir", "haber"). */
static int infinitive_aux(const M *m, wspan w)
{
    static const char *const AUX[] = {"avoir", "haber", "aver", "avere", "ter", NULL};
    return !(m->lang & TL_EN) && word_in(m->text + w.s, w.e - w.s, AUX);
}

/* A perfect infinitive after "after" ("après avoir", "después de haber",
 * "dopo aver(e)", "depois de ter"): what was done before the clause's
 * time, a past. w is the auxiliary, before the word written before it. */
static int perfect_infinitive(const M *m, wspan w, wspan before)
{
    static const char *const AFTER[] = {"apr\xc3\xa8s", "dopo", "de", NULL};
    return infinitive_aux(m, w) && word_in(m->text + before.s, before.e - before.s, AFTER);
}

/* Does the word open a time expression ("Tuesday", "May", "15")? */
static int time_word(const M *m, wspan w)
{
    const char *t = m->text + w.s;
    return (t[0] >= '0' && t[0] <= '9') || chr_time_lex_word(t, w.e - w.s) != NULL;
}

/* How many of the words left of a date, nearest first, name a part of its
 * period ("the end of", "alla fine di", "a finales de", "au début de",
 * "em meados de"), with at least one word of a part among them; 0 none. */
static int period_part(const M *m, const wspan *L, int nl)
{
    static const char *const GLUE[] = {"of", "the", "di", "de", "del",      "della", "dell", "alla",
                                       "la", "le",  "ao", "a",  "\xc3\xa0", "do",    "da",   "al",
                                       "du", "el",  "in", "en", "em",       NULL};
    static const char *const PART[] = {"end",
                                       "beginning",
                                       "start",
                                       "middle",
                                       "fine",
                                       "inizio",
                                       "met\xc3\xa0",
                                       "fin",
                                       "finales",
                                       "finais",
                                       "final",
                                       "fim",
                                       "inicio",
                                       "in\xc3\xad"
                                       "cio",
                                       "principios",
                                       "comienzos",
                                       "d\xc3\xa9"
                                       "but",
                                       "mi",
                                       "meados",
                                       "mediados",
                                       "mitad",
                                       "sf\xc3\xa2r\xc8\x99itul",
                                       "\xc3\xae"
                                       "nceputul",
                                       "finals",
                                       "mitjan",
                                       NULL};
    int k = 0, seen = 0;
    while (k < nl && k < 4) {
        const char *w = m->text + L[k].s;
        size_t n = L[k].e - L[k].s;
        if (word_in(w, n, PART))
            seen = 1;
        else if (!word_in(w, n, GLUE))
            break;
        k++;
    }
    return seen ? k : 0;
}

/* Whether a verb that sets a date stands among L[0..i] ("picked February 12
 * for the vote", "fijó el 12 de febrero como fecha", "ha fissato il voto al
 * 12 febbraio", "postponed to"): the date is the one set, not the act's. */
static int set_date_verb(const M *m, const wspan *L, int i)
{
    static const char *const SET[] = {"set",
                                      "fixed",
                                      "picked",
                                      "chose",
                                      "scheduled",
                                      "called",
                                      "postponed",
                                      "delayed",
                                      "moved",
                                      "rescheduled",
                                      "fij\xc3\xb3",
                                      "fijaron",
                                      "estableci\xc3\xb3",
                                      "program\xc3\xb3",
                                      "convoc\xc3\xb3",
                                      "aplaz\xc3\xb3",
                                      "pospuso",
                                      "fixou",
                                      "marcou",
                                      "agendou",
                                      "convocou",
                                      "adiou",
                                      "fissato",
                                      "fissata",
                                      "convocato",
                                      "convocata",
                                      "rinviato",
                                      "rinviata",
                                      "spostato",
                                      "fix\xc3\xa9",
                                      "fix\xc3\xa9"
                                      "e",
                                      "convoqu\xc3\xa9",
                                      "report\xc3\xa9",
                                      "repouss\xc3\xa9",
                                      "programm\xc3\xa9",
                                      "eligi\xc3\xb3",
                                      "eligieron",
                                      "escogi\xc3\xb3",
                                      "escolheu",
                                      "escolheram",
                                      "choisi",
                                      "d\xc3\xa9sign\xc3\xa9",
                                      "designado",
                                      "indicato",
                                      "indicata",
                                      "stabilito",
                                      "stabilita",
                                      "scelto",
                                      "scelta",
                                      "report\xc3\xa9"
                                      "e",
                                      "avanc\xc3\xa9",
                                      "avanc\xc3\xa9"
                                      "e",
                                      "repouss\xc3\xa9"
                                      "e",
                                      "retrasada",
                                      "retrasado",
                                      "adelantada",
                                      "adelantado",
                                      "aplazada",
                                      "aplazado",
                                      "pospuesta",
                                      "pospuesto",
                                      "posticipata",
                                      "posticipato",
                                      "anticipata",
                                      "anticipato",
                                      "spostata",
                                      "adiada",
                                      "adiado",
                                      "antecipada",
                                      "antecipado",
                                      NULL};
    for (int k = 0; k <= i; k++)
        if (raw_word_in(m, L[k].s, L[k].e, SET))
            return 1;
    return 0;
}

/* A participle alone before a date (token L[i], i <= 1) that tells the
 * date's year as a past verb would ("mujeres arrestadas el 9 de marzo",
 * "les manifestants arrêtés le 25 janvier", "i manifestanti arrestati il 9
 * marzo"): not a French "-é" after "des/de/du" or in "-iété" ("Manifestation
 * des réfugiés le 5 août", "la copropriété le 5/08"), not Italian
 * "-ito/-uto" ("Parata dell'esercito il 5 agosto"), nor a participle alone
 * before "a/ad/à" ("retrasada a abril"). */
static int dating_participle(const M *m, const wspan *L, int nl, int i)
{
    static const char *const TO[] = {"a", "ad", "\xc3\xa0", NULL};
    static const char *const OF[] = {"des", "de", "du", "d", NULL};
    const char *p = m->text + L[i].s;
    size_t n = L[i].e - L[i].s;
    if (i == 1 && raw_word_in(m, L[0].s, L[0].e, TO))
        return 0;
    if (m->lang == TL_FR && ((i + 1 < nl && raw_word_in(m, L[i + 1].s, L[i + 1].e, OF)) ||
                             (n >= 6 && !memcmp(p + n - 6, "i\xc3\xa9t\xc3\xa9", 6))))
        return 0; /* "Manifestation des réfugiés le 5 août", "la copropriété le 5/08":
                   * nouns; not "les manifestants arrêtés le 25 janvier" */
    if (m->lang == TL_IT)
        return n > 4 && p[n - 3] == 'a' && p[n - 2] == 't' && strchr("oaie", p[n - 1]);
    return 1;
}

/* Whether the participle L[i], left of a date ending at byte e, is an
 * invitation without its agent: the day of what it invites to ("Il
 * premier, invitato a Parigi giovedì, incontrerà…", "invitato giovedì,
 * parteciperà"), not the act ("invitato giovedì dal presidente",
 * "invitado por el rey el jueves"). */
static int invitation(const M *m, const wspan *L, int i, size_t e)
{
    static const char *const INVITED[] = {"invitato",
                                          "invitata",
                                          "invitati",
                                          "invitado",
                                          "invitada",
                                          "invitados",
                                          "invit\xc3\xa9",
                                          "invit\xc3\xa9"
                                          "e",
                                          "invit\xc3\xa9"
                                          "s",
                                          "convidado",
                                          "convidada",
                                          NULL};
    static const char *const BY[] = {"dal",  "dalla", "dallo", "dai",   "dagli", "dalle", "por",
                                     "pelo", "pela",  "pelos", "pelas", "par",   NULL};
    if (!raw_word_in(m, L[i].s, L[i].e, INVITED))
        return 0;
    for (int k = 0; k < i; k++)
        if (raw_word_in(m, L[k].s, L[k].e, BY))
            return 0;
    size_t bs, be;
    next_raw_word(m, e, &bs, &be);
    return !(be > bs && raw_word_in(m, bs, be, BY));
}

/* Whether the word w, i words left of a date ending at byte e, opens an
 * apposition between commas that the date closes ("Monti, nominato
 * senatore a vita mercoledì, dovrebbe…", "el detenido, trasladado a
 * Madrid el martes, declarará…"): its participle dates the date. */
static int appositive(const M *m, wspan w, int i, size_t e)
{
    size_t p = w.s;
    while (p > 0 && m->text[p - 1] == ' ')
        p--;
    if (i > 5 || p == 0 || m->text[p - 1] != ',')
        return 0;
    while (e < m->len && m->text[e] == ' ')
        e++;
    return e < m->len && m->text[e] == ',';
}

/* An English past that is no participle ("began", "came", "fell"): "held",
 * "paid", "ended" also name a state ("shares held on March 23", "the
 * quarter ended March 31"). */
static int en_simple_past(const M *m, wspan w)
{
    static const char *const PAST[] = {"began",  "came",  "went",  "took",  "fell", "rose", "spoke",
                                       "wrote",  "broke", "chose", "drove", "flew", "grew", "knew",
                                       "gave",   "saw",   "ran",   "was",   "were", "did",  "ate",
                                       "forgot", "swore", "stole", NULL};
    return raw_word_in(m, w.s, w.e, PAST);
}

/* Italian reported speech tells a future in the past with the
 * conditional perfect ("aveva detto che sarebbe partito lunedì", "ha
 * promesso che il decreto sarebbe stato firmato il 4 aprile", "che i
 * lavori sarebbero terminati a giugno"): L[i] (or the conditional past
 * the participles and "stato" after it, leftwards) is "sarebbe",
 * "sarebbero", "avrebbe" or "avrebbero" in a clause that "che" opens a few
 * words before, right after a verb of promising, planning or saying. In a
 * main clause, after a relative "che" or "emerge che", the same form
 * reports what is alleged ("sarebbe stato ucciso lunedì"): a past. */
static int it_future_in_past(const M *m, const wspan *L, int nl, int i)
{
    static const char *const COND[] = {"sarebbe", "sarebbero", "avrebbe", "avrebbero", NULL};
    static const char *const STATO[] = {"stato", "stata", "stati", "state", NULL};
    if (m->lang != TL_IT)
        return 0;
    int k = i;
    while (k < nl && k < i + 3 &&
           (word_in(m->text + L[k].s, L[k].e - L[k].s, STATO) || participle_before(m, L[k])))
        k++;
    if (k >= nl || !word_in(m->text + L[k].s, L[k].e - L[k].s, COND))
        return 0;
    static const char *const PLAN[] = {"promesso", "annunciato", "assicurato",      "garantito",
                                       "previsto", "stabilito",  "deciso",          "anticipato",
                                       "giurato",  "promise",    "annunci\xc3\xb2", NULL};
    static const char *const SAY[] = {"detto", "spiegato", "dichiarato", "scritto", "sapere", NULL};
    for (int j = k + 1; j < nl && j <= k + 4; j++)
        if (romance_that(m, L[j])) {
            /* the verb right before "che" promises, plans or says ("aveva detto
             * che", "ha fatto sapere che"); not a relative "che" nor "emerge che" */
            if (j + 1 >= nl || L[j + 1].e + 1 < L[j].s)
                return 0; /* a comma or a bracket between: "Il ragazzo, che ..." */
            const char *v = m->text + L[j + 1].s;
            size_t vn = L[j + 1].e - L[j + 1].s;
            return word_in(v, vn, PLAN) || word_in(v, vn, SAY);
        }
    return 0;
}

/* An Italian verb in the present of something that starts or changes,
 * which a headline puts right after "Da lunedì" for what begins then
 * ("scatta", "cambia", "tornano", "riapre"). */
static int it_change_verb(const M *m, wspan w)
{
    static const char *const V[] = {
        "scatta",   "scattano",   "cambia",    "cambiano", "torna",     "tornano",  "parte",
        "partono",  "riparte",    "ripartono", "arriva",   "arrivano",  "inizia",   "iniziano",
        "comincia", "cominciano", "entra",     "entrano",  "riapre",    "riaprono", "apre",
        "aprono",   "chiude",     "chiudono",  "aumenta",  "aumentano", "debutta",  "sbarca",
        "riprende", "riprendono", "stop",      "via",      NULL};
    return word_in(m->text + w.s, w.e - w.s, V);
}

static int guess_tense_raw(const M *m, size_t s, size_t e, int *perfect, int *present,
                           int *adjacent)
{
    /* the words between a verb and its date: "on", "el", "le", "a" */
    static const char *const SINCE_W[] = {"desde", "depuis", "since", NULL};
    static const char *const ON[] = {"on", "el", "le", "il",  "a", "em", "no", "na", "pe",
                                     "în", "en", "in", "nel", "à", "ad", "l",  NULL};
    *perfect = *present = *adjacent = 0;
    wspan L[16], Rw[8];
    int nl = collect_words(m, s, -1, L, 16, 200);
    int nr = collect_words(m, e, 1, Rw, 8, 100);
    int best = 0, bestd = 99, that = 99;
    if (sched_label(m, s)) {
        *present = 3;
        return 1;
    }
    if (en_deadline_ahead(m, L, nl) || en_to_be_done_ahead(m, L, nl) || romance_goal(m, L, nl) ||
        romance_deadline(m, L, nl))
        return 1;
    if (put_off_to(m, L, nl, s)) {
        *present = 2; /* the nearest such day ahead, a weekday ahead */
        return 1;
    }
    /* a schedule's verb in a "que" clause before the date, whatever the
     * tense of the verb that asked for it: "la FIA pidió que el Gran Premio
     * se celebre el 30 de octubre" (not what lasts since the day: "que el
     * tribunal juzga desde el lunes") */
    static const char *const SINCE_LEAD[] = {"desde", "depuis", "da",         "dal", "des",
                                             "din",   "since",  "d\xc3\xa8s", NULL};
    int since_lead =
        nl > 0 && (raw_word_in(m, L[0].s, L[0].e, SINCE_LEAD) ||
                   (nl > 1 && date_article(m, L[0]) && raw_word_in(m, L[1].s, L[1].e, SINCE_LEAD)));
    for (int i = 0; i < nl && i < 6 && !since_lead; i++) {
        if (romance_that(m, L[i])) {
            for (int k = 0; k < i; k++)
                if (romance_schedule(m, m->text + L[k].s, L[k].e - L[k].s) &&
                    !(k + 1 < nl && noun_article(m, L[k + 1]))) {
                    for (int q = 0; q < nl && q < 8; q++)
                        if (past_plan(m, L, nl, q))
                            return -1;  /* "il était prévu que le président arrive
                                         * mercredi" */
                    int past_after = 0; /* "el partido que se disputa el domingo terminó
                                         * 2-1": the clause is a relative one */
                    for (int q = 0;
                         q < nr && q < 3 && !past_after && !memchr(m->text + e, ',', Rw[q].s - e);
                         q++)
                        past_after = lang_tense(m, Rw[q]) < 0;
                    if (past_after)
                        break;
                    *present = 2;
                    return 0;
                }
            break;
        }
        if (lang_tense(m, L[i]))
            break; /* the clause's own verb tells */
    }
    /* "until the end of September", "fino alla fine di settembre": the
     * words of a part of the period stand between the date and its "until" */
    int part = period_part(m, L, nl);
    int ahead = romance_ahead(m, L, nl);
    if (!ahead && part)
        ahead = romance_ahead(m, L + part, nl - part);
    if (ahead == 2) {
        for (int i = 0; i < nl && i < 6; i++)
            if (past_plan(m, L, nl, i))
                return -1; /* "estaba prevista para el miércoles" */
        return 1;
    }
    for (int i = 0; i < nl; i++) {
        if (that == 99 && romance_that(m, L[i]))
            that = i;
        int t = lang_tense(m, L[i]);
        if (t > 0 && m->lang == TL_CA_ALL &&
            (i > 1 || (i == 1 && !date_article(m, L[0]) &&
                       !romance_infinitive(m->text + L[0].s, L[0].e - L[0].s))) &&
            (ends_with(m->text + L[i].s, L[i].e - L[i].s, "ria") ||
             ends_with(m->text + L[i].s, L[i].e - L[i].s, "rien")))
            t = 0; /* a Catalan conditional right before its day ("el termini acabaria
                    * dimecres"), not a word that ends like one further off ("una ajuda
                    * humanitaria arribada dimarts") */
        if (m->lang == TL_FR && i > 0 &&
            word_eq(m->text + L[i - 1].s, L[i - 1].e - L[i - 1].s, "lieu")) {
            /* "avoir lieu": "le scrutin a lieu le 23 octobre" is a schedule,
             * "l'élection aurait/aura lieu le 24 juillet" ahead ("a eu lieu"
             * has its participle between) */
            static const char *const NOW[] = {"a", "ont", NULL};
            static const char *const LATER[] = {"aura", "auront", "aurait", "auraient", NULL};
            if (word_in(m->text + L[i].s, L[i].e - L[i].s, NOW)) {
                *present = 2;
                return 0;
            }
            if (word_in(m->text + L[i].s, L[i].e - L[i].s, LATER))
                t = 1;
        }
        if (it_future_in_past(m, L, nl, i)) {
            best = i < 3 ? 2 : 1;
            bestd = i;
            break;
        }
        if (t && i > 6 && modal_tense(m, L[i]) &&
            !word_tense(m->text + L[i].s, L[i].e - L[i].s, m->lang))
            continue; /* a modal far off is another verb's ("had ruled that he must be
                       * returned to his father, and set Friday as the deadline") */
        if (t < 0 && i + 1 < nl) {
            const char *w = m->text + L[i + 1].s;
            size_t n = L[i + 1].e - L[i + 1].s;
            if (word_eq(w, n, "be") || word_eq(w, n, "been") || word_eq(w, n, "being") ||
                word_eq(w, n, "is") || word_eq(w, n, "are"))
                continue;
        }
        if (t > 0 && tense_false_future(m, L, nl, i, -1))
            continue;
        if (t < 0 && i + 1 < nl && ed_adjective(m, L[i], L[i + 1]))
            continue; /* "a still unspecified date", "the planned merger" */
        if (t < 0 && ahead && es_perfect(m, L[i]))
            continue; /* "ha dado de plazo hasta el viernes": the deadline lies ahead */
        if (t < 0 && promise_ahead(m, L, i))
            t = 1;
        if (t < 0 && announced_dated(m, L, i, s)) {
            *present = 4; /* "a annoncé hier soir l'élection ... le 24 juillet": the verb
                           * has its day; what it announced is the nearest such day (a
                           * weekday keeps the past: "a annoncé mercredi avoir tué 20
                           * rebelles dimanche") */
            return 0;
        }
        if (t > 0 && past_plan(m, L, nl, i))
            t = -1;
        if (t > 0 && i + 1 < nl &&
            (word_eq(m->text + L[i].s, L[i].e - L[i].s, "due") ||
             word_eq(m->text + L[i].s, L[i].e - L[i].s, "scheduled") ||
             word_eq(m->text + L[i].s, L[i].e - L[i].s, "expected") ||
             word_eq(m->text + L[i].s, L[i].e - L[i].s, "slated"))) {
            /* "had been due to", "was scheduled to": a plan in the past */
            const char *pw = m->text + L[i + 1].s;
            size_t pn = L[i + 1].e - L[i + 1].s;
            if (word_eq(pw, pn, "was") || word_eq(pw, pn, "were") || word_eq(pw, pn, "had") ||
                (word_eq(pw, pn, "been") && i + 2 < nl &&
                 word_eq(m->text + L[i + 2].s, L[i + 2].e - L[i + 2].s, "had")))
                t = -1;
        }
        int inf = 0;
        if (!t && i + 1 < nl && perfect_infinitive(m, L[i], L[i + 1]))
            t = inf = -1; /* "après avoir bondi mardi", "dopo aver superato martedì": a
                           * past, though not one that tells the year */
        if (!t && (i <= 1 ? i == 0 || date_article(m, L[0]) : appositive(m, L[i], i, e)) &&
            participle_before(m, L[i]) && !(i + 1 < nl && auxiliary(m, L[i + 1])) &&
            !(i + 1 < nl && noun_article(m, L[i + 1])) && !future_before(m, L, nl, i) &&
            !invitation(m, L, i, e)) {
            /* "lo pactado el jueves", "l'accord signé jeudi"; after an auxiliary
             * ("sea aprobada", "doit être publié", "está cercada") that one
             * tells the tense; after an infinitive one ("de façon à l'avoir
             * terminé le 10 avril") the year is not told */
            static const char *const STAMP[] = {"aggiornato",     "pubblicato", "actualizado",
                                                "publicado",      "atualizado", "publi\xc3\xa9",
                                                "modifi\xc3\xa9", "mis",        "updated",
                                                "posted",         NULL};
            t = -1;
            /* a participle alone tells the year ("mujeres arrestadas el 9 de marzo"),
             * but not a page's stamp ("Aggiornato il 6 agosto") nor before an
             * infinitive's auxiliary ("de façon à l'avoir terminé le 10 avril") */
            inf = (i + 1 < nl && infinitive_aux(m, L[i + 1])) ||
                  raw_word_in(m, L[i].s, L[i].e, STAMP) || !dating_participle(m, L, nl, i);
        }
        if (!t && tense_to_future(m, L, nl, i, -1))
            t = 1;
        if (t) {
            best = i < 3 ? 2 * t : t;
            bestd = i;
            *perfect = es_perfect(m, L[i]);
            if (t < 0 && !inf && i <= 3) {
                /* only "on" and participles between: "era arrivato il 20 febbraio";
                 * in Romance text an article or preposition stands before the
                 * date (not the signature "Ex-patriée 6 août 11h36") */
                int on = i > 0 && word_in(m->text + L[0].s, L[0].e - L[0].s, ON);
                int k = on;
                while (k < i && (participle_before(m, L[k]) ||
                                 (m->lang == TL_IT && k > on && auxiliary(m, L[k]))))
                    k++; /* "sono stati uccisi il 26 gennaio" */
                *adjacent = k == i && (on || (m->lang & TL_EN)) &&
                            (!(m->lang & TL_EN) || en_simple_past(m, L[i])) &&
                            !set_date_verb(m, L, i);
            }
            break;
        }
    }
    /* a clause opened by "che/que" before the date: its own verb, to the
     * right, comes first */
    int inclause = that < bestd && bestd < 99;
    /* the verb to the right stands after "and": another clause's ("está em
     * vigor desde segunda-feira e deverá manter-se até sábado") */
    static const char *const CONJ[] = {"e", "y", "et", "ed", "and", "i", "\xc8\x99i", NULL};
    static const char *const EN_SUBJ[] = {"he", "she", "it", "they", "we", "I", "you", NULL};
    int right_conj = 0;
    /* the left verb reaches the date through "that" or "to": it tells what
     * was said or planned, not when ("said that on Monday it will") */
    int left_open = 0;
    for (int i = 0; i < nl && i <= bestd && bestd < 99; i++)
        left_open |= word_eq(m->text + L[i].s, L[i].e - L[i].s, "that") ||
                     word_eq(m->text + L[i].s, L[i].e - L[i].s, "to");
    for (int i = 0; i < nr && (i < bestd || inclause); i++) {
        if (inclause && (i >= 6 || memchr(m->text + e, ',', Rw[i].s - e)))
            break;
        if (!inclause && bestd < 99 && (i >= 3 || memchr(m->text + e, ',', Rw[i].s - e)))
            break; /* "..., which are supposed to end by May, invited ...": another clause */
        if (!inclause && bestd < 99 && romance_that(m, Rw[i]))
            break; /* "ha anunciado el jueves que dimitirá": the clause is another's */
        if (!inclause && bestd < 99 && !left_open &&
            ((word_in(m->text + Rw[i].s, Rw[i].e - Rw[i].s, CONJ) &&
              !(i + 1 < nr && time_word(m, Rw[i + 1]))) ||
             ((m->lang & TL_EN) && word_in(m->text + Rw[i].s, Rw[i].e - Rw[i].s, EN_SUBJ))))
            break; /* "told leaders Wednesday he would veto", "repelled an attack
                    * Wednesday and would hold": the verb on the left is the date's,
                    * the one after a subject or "and" another clause's; not "on
                    * Monday and Tuesday will", nor after "said that", "due to
                    * expire", whose verb does not date the day */
        int t = lang_tense(m, Rw[i]);
        if (t > 0 && tense_false_future(m, Rw, nr, i, 1))
            continue;
        if (!t && tense_to_future(m, Rw, nr, i, 1))
            t = 1;
        if (t < 0 && bestd < 99 && is_reporting(m->text + Rw[i].s, Rw[i].e - Rw[i].s))
            break; /* "X will leave Thursday," he said: the clause's own verb governs */
        if (t) {
            best = i < 3 ? 2 * t : t;
            inclause = 0;
            *adjacent &= t < 0; /* "les femmes arrêtées le 9 mars ont été soumises" */
            *perfect = es_perfect(m, Rw[i]);
            for (int c = 0; c < i && !right_conj; c++)
                right_conj = word_in(m->text + Rw[c].s, Rw[c].e - Rw[c].s, CONJ);
            break;
        }
    }
    if (inclause && best < 0)
        best = 0; /* "han dicho que la Liga, que se reúne el sábado": the verb of saying
                   * does not date what the clause after "que" says */
    static const char *const AS[] = {"como", "comme", "come", "as", NULL};
    static const char *const DAYW[] = {"fecha",
                                       "d\xc3\xad"
                                       "a",
                                       "dia",
                                       "jornada",
                                       "jour",
                                       "journ\xc3\xa9"
                                       "e",
                                       "giorno",
                                       "giornata",
                                       "data",
                                       "date",
                                       "day",
                                       "holiday",
                                       NULL};
    if (*adjacent && nr > 1 && raw_word_in(m, Rw[0].s, Rw[0].e, AS) &&
        raw_word_in(m, Rw[1].s, Rw[1].e, DAYW))
        *adjacent = 0; /* "anunció el 22 de marzo como día de luto": a date set, not
                        * the act's */
    if (nl > part) {
        /* "since March 3" looks back; "by/until/through May" ahead unless a
         * verb says otherwise */
        const char *w = m->text + L[part].s;
        size_t n = L[part].e - L[part].s;
        /* what lasts since a day began on it; not "Since 2011, January 25 has
         * been a holiday": the word must stand right before the date */
        size_t from = nl > part + 1 && raw_word_in(m, L[part + 1].s, L[part + 1].e, SINCE_W)
                          ? L[part + 1].e
                          : L[part].e;
        int close = 1;
        for (size_t q = from; q < s && close; q++)
            close = !(m->text[q] >= '0' && m->text[q] <= '9') && m->text[q] != ',';
        static const char *const CAUSE[] = {"is",    "was", "falls", "fell", "will",
                                            "would", "has", "had",   NULL};
        if (nr > 0 && raw_word_in(m, Rw[0].s, Rw[0].e, CAUSE) && nl == part + 1)
            close = 0; /* "Since April 1 is a public holiday, ...": a cause */
        if (word_eq(w, n, "since") || word_eq(w, n, "Since")) {
            *adjacent = close;
            return -2;
        }
        static const char *const IT_FROM[] = {"da",  "dal",   "dalla", "dall",
                                              "dai", "dalle", "dallo", NULL};
        if (m->lang == TL_IT && raw_word_in(m, L[part].s, L[part].e, IT_FROM)) {
            /* "a partire da", a verb of starting or a state of a schedule
             * ("aperte", "in vigore") near the date on either side: ahead, or
             * the nearest such day; "dal lunedì al venerdì", "dal 20 febbraio
             * al 10 marzo": the ends of a span; else since, back */
            static const char *const STATE[] = {
                "aperto", "aperta", "aperti", "aperte",   "chiuso",   "chiusa",
                "chiusi", "chiuse", "valido", "valida",   "validi",   "valide",
                "vigore", "attivo", "attiva", "previsto", "prevista", NULL};
            static const char *const IT_TO[] = {"al", "a", "alla", "all", "ai", "fino", NULL};
            int from_on = nl > part + 1 && word_eq(m->text + L[part + 1].s,
                                                   L[part + 1].e - L[part + 1].s, "partire");
            int change = 0, state = 0;
            for (int q = 0; q < nr && q < 4; q++) {
                change |= it_change_verb(m, Rw[q]);
                state |= raw_word_in(m, Rw[q].s, Rw[q].e, STATE);
            }
            for (int q = part + 1; q < nl && q < part + 4; q++) {
                change |= it_change_verb(m, L[q]);
                state |= raw_word_in(m, L[q].s, L[q].e, STATE);
            }
            if (best >= 0 && (from_on || change))
                return 1; /* "Da lunedì scatta il nuovo orario", "Dal 15 marzo il museo
                           * apre", "a partire da lunedì" (not "da lunedì la città è
                           * senza acqua") */
            int span = nr > 0 && raw_word_in(m, Rw[0].s, Rw[0].e, IT_TO);
            for (size_t q = s; q < e && !span;) {
                size_t ws = q, we;
                while (ws < e && !isalpha((unsigned char)m->text[ws]))
                    ws++;
                for (we = ws; we < e && isalpha((unsigned char)m->text[we]);)
                    we++;
                span = we > ws && raw_word_in(m, ws, we, IT_TO);
                q = we > ws ? we : e;
            }
            if (best <= 0 && !right_conj && !span && !change && !state && !from_on) {
                *adjacent = close;
                return -2; /* "Il Paese è scosso dal 15 marzo", "chiedono da gennaio le
                            * sue dimissioni": since, back, as "desde" and "depuis" */
            }
        }
        if ((best <= 0 || right_conj) &&
            (m->lang == TL_ES || m->lang == TL_PT || m->lang == TL_FR) &&
            (word_eq(w, n, "desde") || word_eq(w, n, "Desde") || word_eq(w, n, "depuis") ||
             word_eq(w, n, "Depuis") ||
             (nl > 1 &&
              (word_eq(w, n, "el") || word_eq(w, n, "o") || word_eq(w, n, "a") ||
               word_eq(w, n, "le") || word_eq(w, n, "la")) &&
              (word_eq(m->text + L[1].s, L[1].e - L[1].s, "desde") ||
               word_eq(m->text + L[1].s, L[1].e - L[1].s, "Desde") ||
               word_eq(m->text + L[1].s, L[1].e - L[1].s, "depuis") ||
               word_eq(m->text + L[1].s, L[1].e - L[1].s, "Depuis"))))) {
            *adjacent = close;
            return -2; /* "desde el jueves", "depuis mardi", "depuis le 15 mars": since,
                        * back */
        }
        if (right_conj && ((m->lang == TL_IT && (word_eq(w, n, "da") || word_eq(w, n, "Da"))) ||
                           (m->lang == TL_RO && (word_eq(w, n, "de") || word_eq(w, n, "De") ||
                                                 word_eq(w, n, "din") || word_eq(w, n, "Din")))))
            return -2; /* "da lunedì la città è senza acqua e resterà ...": since */
        /* "postponed until Tuesday", "extended the offer until Friday",
         * "prolongou o alerta até domingo", "ha prorogato lo stato di
         * emergenza fino a lunedì": the new date lies ahead */
        if ((word_eq(w, n, "until") || word_eq(w, n, "till") || ahead) && best < 0 && bestd < 99) {
            /* and what stays valid until then ("un'allerta valida fino a
             * giovedì", "válido até sexta-feira") */
            static const char *const EXTEND[] = {
                "prolong", "prorrog", "prorog", "prolung", "prelung",      "extend",  "extiend",
                "estend",  "esteso",  "estesa", "valid",   "v\xc3\xa1lid", "valabil", NULL};
            for (int i = 1; i < nl && i <= bestd; i++) {
                const char *v = m->text + L[i].s;
                size_t vn = L[i].e - L[i].s;
                if (word_eq(v, vn, "postponed") || word_eq(v, vn, "delayed") ||
                    word_eq(v, vn, "extended") || word_eq(v, vn, "adjourned") ||
                    word_eq(v, vn, "deferred") || word_eq(v, vn, "suspended"))
                    return 1;
                for (int k = 0; ahead && EXTEND[k]; k++)
                    if (vn >= strlen(EXTEND[k]) && !strncasecmp(v, EXTEND[k], strlen(EXTEND[k])))
                        return 1;
            }
        }
        if (best == 0 &&
            (word_eq(w, n, "by") || word_eq(w, n, "until") || word_eq(w, n, "through") ||
             word_eq(w, n, "till") || word_eq(w, n, "Until") || ahead))
            return 1;
    }
    if (best == 0 && (m->lang & TL_EN)) {
        /* a copula in the present ("the deadline is Friday") points ahead */
        for (int i = 0; i < nl && i < 4; i++) {
            const char *w = m->text + L[i].s;
            size_t n = L[i].e - L[i].s;
            if (word_eq(w, n, "is") || word_eq(w, n, "are"))
                return *present = 1;
        }
        /* a schedule in the present ("polls open on Sunday", "the talks
         * resume Monday") points ahead too */
        for (int i = 0; i < nl && i < 5; i++)
            if (schedule_verb(m->text + L[i].s, L[i].e - L[i].s))
                return *present = 1;
    }
    /* a date naming a thing ("las protestas del viernes llegan"): the verb
     * is the thing's, not a schedule's ("a partir del viernes" is not) */
    static const char *const OF[] = {"del", "du", "di", "do", "della", "de", "des", NULL};
    static const char *const FROM[] = {"partir", "partire", NULL};
    int named = nl > 0 &&
                (word_in(m->text + L[0].s, L[0].e - L[0].s, OF) ||
                 (m->lang == TL_PT && word_eq(m->text + L[0].s, L[0].e - L[0].s, "da"))) &&
                !(nl > 1 && word_in(m->text + L[1].s, L[1].e - L[1].s, FROM));
    if (best == 0 && !named) {
        /* the verb before the date, or right after it in its clause ("il 31
         * dicembre scade", "domenica si vota") */
        int sched = 0;
        for (int i = 0; i < nl && i < 6 && !sched && !since_lead; i++)
            sched = romance_schedule(m, m->text + L[i].s, L[i].e - L[i].s) &&
                    !(i + 1 < nl && noun_article(m, L[i + 1])); /* "la rencontre samedi" */
        for (int k = 0; sched && k < nl && k < 8; k++)
            if (past_plan(m, L, nl, k))
                return -1;     /* "il était prévu que le président arrive mercredi" */
        int fronted = nl <= 1; /* "No sábado, o Benfica recebe": past its comma */
        for (int i = 0; i < nr && i < (fronted ? 5 : 4) && !sched &&
                        (fronted || !memchr(m->text + e, ',', Rw[i].s - e));
             i++)
            sched = romance_schedule(m, m->text + Rw[i].s, Rw[i].e - Rw[i].s);
        /* a copula right before the date's preposition: "la carrera es en
         * octubre", "a sessão é no dia 25" */
        static const char *const COP[] = {"es", "son", "\xc3\xa9", "s\xc3\xa3o", NULL};
        static const char *const COP_PREP[] = {"en", "el", "no", "na", "em", NULL};
        size_t cs, ce = nl >= 1 ? raw_word_before(m, L[0].s, &cs) : 0;
        if (!sched && nl >= 1 && (m->lang & (TL_ES | TL_PT)) && !(m->lang & TL_EN) &&
            word_in(m->text + L[0].s, L[0].e - L[0].s, COP_PREP) &&
            ((nl >= 2 && word_in(m->text + L[1].s, L[1].e - L[1].s, COP)) ||
             (nl >= 1 && ce > cs && raw_word_in(m, cs, ce, COP))))
            sched = 1; /* (the words collected skip "é", a letter beyond ASCII alone) */
        if (sched) {
            *present = 2; /* a bare weekday lies ahead (p_dayword); a day and month
                           * keeps the nearest year ("la prueba llega el 19 de marzo"
                           * of a chronology in the present) */
            return 0;
        }
    }
    return best;
}

/* ---- resolution -------------------------------------------------------- */

/* Weekday wd relative to the reference: dir -1 last, +1 next, 0 by tense. */
static void res_wday(const M *m, int wd, int dir, int tense, int *y, int *mo, int *d)
{
    *y = m->ry;
    *mo = m->rm;
    *d = m->rd;
    int rw = chr_weekday(m->ry, m->rm, m->rd);
    long k;
    int ahead = ((wd - rw) + 7) % 7; /* days to the next such weekday */
    if (dir == 2)                    /* this: same ISO week */
        k = wd - rw;
    else if (dir == 0 && wd == rw)
        k = 0;
    else if (dir == 0 && tense == 0 && ahead == 1)
        k = 1; /* no tense: "Thursday" said on a Wednesday is tomorrow */
    else if (dir > 0 || (dir == 0 && tense > 0))
        k = ((wd - rw) + 7) % 7 == 0 ? 7 : ((wd - rw) + 7) % 7;
    else
        k = -(((rw - wd) + 7) % 7 == 0 ? 7 : ((rw - wd) + 7) % 7);
    add_days(y, mo, d, k);
}

/* Year of a month (and day) stated without year: the occurrence nearest to
 * the reference, unless the tense of the verb points the other way and that
 * occurrence is not far ("in October" said in April in past tense is last
 * October; "in January" said in late October is next January); a tense of
 * ±3 is a word's that names the side ("l'11 febbraio scorso") and reaches
 * a year. sched: the
 * day is a notice's (sched_label), ahead but for a day up to SCHED_BACK days
 * back (a record day just gone, "Record February 27" on 2 March); 2: a
 * Romance schedule verb in the present governs it (sched_kind). */
#define SCHED_BACK 45

/* res_md_year's sched for the tense guess_tense found last. */
static int sched_kind(const M *m)
{
    return m->memo_pres == 3 ? 1 : m->memo_pres == 2 || m->memo_pres == 4 ? 2 : 0;
}

static int res_md_year(const M *m, int mo, int d, int tense, int sched)
{
    if (!m->hasref)
        return 0;
    long r = chr_days_from_civil(m->ry, m->rm, m->rd);
    long c[3];
    for (int k = 0; k < 3; k++) {
        int yy = m->ry - 1 + k;
        int dd = d == 0 ? 15 : d > chr_month_days(yy, mo) ? chr_month_days(yy, mo) : d;
        c[k] = chr_days_from_civil(yy, mo, dd) - r;
        if (d == 0 && yy == m->ry && mo == m->rm)
            c[k] = 0; /* the month of the reference itself */
    }
    int bk = 0;
    for (int k = 1; k < 3; k++)
        if (labs(c[k]) < labs(c[bk]))
            bk = k;
    if (tense == 0 && c[bk] > 60 && sched != 2)
        tense = -1; /* news report the past: a tenseless date well ahead is last year's
                     * (not one a schedule's present names: "a lei entra em vigor em 1
                     * de julho") */
    /* a month is "past" while it is under way (from its start when a word
     * or a verb right before it says so: "l'aprile scorso", "desde abril") */
    long slack = d == 0 ? (tense <= -3 ? 14 : 45) : 0;
    if (sched == 1 && tense > 0)
        slack = SCHED_BACK;
    long reach = d == 0 ? 320 : 300; /* how far the tense may move a date */
    if (tense <= -3 || tense >= 3)
        reach = 366; /* a word says so: "l'11 febbraio scorso" told on 25 January */
    if (tense < 0 && c[bk] > slack) {
        for (int k = 2; k >= 0; k--)
            if (c[k] <= slack) {
                /* a past told of next year's January is this year's, however far
                 * back: "sono arrivate l'11 febbraio", "Il 25 gennaio migliaia di
                 * persone hanno occupato piazza Tahrir" in a review of 30 December
                 * (a speech verb's past before a future is taken too: "Il 9
                 * gennaio, ha annunciato il governo, si terranno le elezioni") */
                if (-c[k] <= reach || c[bk] > 150 || (bk == 2 && m->rm == 12))
                    bk = k;
                break;
            }
    } else if (tense > 0 && c[bk] < -slack) {
        for (int k = 0; k < 3; k++)
            if (c[k] >= -slack) {
                if (c[k] <= reach || c[bk] < -150)
                    bk = k;
                break;
            }
    }
    return m->ry - 1 + bk;
}

static size_t raw_word_before(const M *m, size_t p, size_t *ws);
static int raw_word_in(const M *m, size_t ws, size_t we, const char *const *l);
static int mid_sentence(const M *m, size_t p);

/* Byte p moved back over an elision's apostrophe right before it ("l'any",
 * "nell'anno"). */
static size_t elided(const M *m, size_t p)
{
    if (p > 0 && m->text[p - 1] == '\'')
        return p - 1;
    if (p >= 3 && !memcmp(m->text + p - 3, "\xe2\x80\x99", 3))
        return p - 3;
    return p;
}

/* The year of a list's header before byte p, on its line or the one
 * before ("its 2021 tour dates: Oct. 10 in Denver, Oct. 12 in Chicago",
 * "2021 tour dates:\nOct. 10 - Denver"): a year alone, at most
 * four words before a colon that opens the list, among them a word of
 * lists ("dates", "schedule", "tour"); 0 when none. */
static int list_year(const M *m, size_t p)
{
    for (size_t q = m->nout; q-- > 0;) {
        const chr_timex *t = (const chr_timex *)(const void *)(m->out + q * m->rec);
        if (t->end > p || p - t->end > 300)
            return 0;
        if (t->type != CHR_TIMEX_DATE || (t->flags & (CHR_TIMEX_RANGE | CHR_TIMEX_RELATIVE)) ||
            strlen(t->value) != 4)
            continue;
        size_t colon = 0;
        int words = 0, newlines = 0;
        for (size_t c = t->end; c < p; c++) {
            char ch = m->text[c];
            if ((ch == '\n' && (!colon || newlines++)) ||
                ((ch == '.' || ch == '!' || ch == '?' || ch == ';') && !colon))
                return 0; /* (a list may start on the line after its colon) */
            if (ch == ':' && !colon)
                colon = c;
            if (!colon && ch == ' ' && c + 1 < p && m->text[c + 1] != ' ')
                words++;
        }
        static const char *const HEAD[] = {"dates",   "schedule",  "calendar", "fixtures",
                                           "tour",    "itinerary", "timeline", "agenda",
                                           "program", "programme", NULL};
        int listed = 0;
        for (size_t c = t->end; colon && c < colon && !listed;) {
            size_t ws, we;
            next_raw_word(m, c, &ws, &we);
            if (we <= ws || we > colon)
                break;
            listed = raw_word_in(m, ws, we, HEAD);
            c = we;
        }
        return listed && words <= 4 ? atoi(t->value) : 0;
    }
    return 0;
}

/* The year that frames a date without one at byte p: a year written
 * earlier in the same sentence after "in/en/nel/em/în" ("il avait été
 * invité en 2008 au défilé du 14 juillet", "En 2005, el 3 de marzo",
 * "Nel 2009, il 6 aprile"). With a comma, a semicolon or a conjunction
 * between them the year frames the date only when it opens the sentence
 * ("Élu en 2008, il a démissionné le 3 mars" is recent). 0 when none. */
static int frame_year(const M *m, size_t p)
{
    static const char *const IN[] = {"in", "en", "nel", "em", "\xc3\xaen", "\xc3\x8en", NULL};
    /* "El 2009", "en el año 2009", "l'any 2009", "nell'anno 2009" */
    static const char *const YEARW[] = {"el", "any", "a\xc3\xb1o", "anno", "ano", NULL};
    static const char *const ART[] = {"el", "l", NULL};
    static const char *const IN2[] = {"in", "en", "nel",    "nell",    "em",
                                      "no", "a",  "durant", "durante", NULL};
    static const char *const CONJ[] = {"y",    "et",   "e",   "and", "i",  "\xc8\x99i", "ma",
                                       "mais", "pero", "but", "o",   "ou", "or",        NULL};
    for (size_t q = m->nout; q-- > 0;) {
        const chr_timex *t = (const chr_timex *)(const void *)(m->out + q * m->rec);
        if (t->end > p || p - t->end > 200)
            return 0;
        for (size_t c = t->end; c < p; c++)
            if (m->text[c] && strchr(".!?;:\n", m->text[c]))
                return 0;
        if (t->type != CHR_TIMEX_DATE || (t->flags & (CHR_TIMEX_RANGE | CHR_TIMEX_RELATIVE)) ||
            strlen(t->value) != 4)
            continue;
        size_t ws, we = raw_word_before(m, t->start, &ws);
        if (we > ws && raw_word_in(m, ws, we, YEARW)) {
            size_t at = ws, ps, pe = raw_word_before(m, elided(m, ws), &ps);
            if (mid_sentence(m, at) && pe > ps && raw_word_in(m, ps, pe, ART)) {
                at = ps;
                pe = raw_word_before(m, ps, &ps);
            }
            if (mid_sentence(m, at)) {
                if (pe == ps || !raw_word_in(m, ps, pe, IN2))
                    return 0; /* "desde el 2008" */
                at = ps;
            }
            ws = at;
        } else if (we == ws || !raw_word_in(m, ws, we, IN)) {
            return 0;
        }
        if (mid_sentence(m, ws)) {
            if (memchr(m->text + t->end, ',', p - t->end))
                return 0;
            for (size_t c = t->end; c < p;) {
                while (c < p && !(((m->text[c] | 32) >= 'a' && (m->text[c] | 32) <= 'z') ||
                                  (unsigned char)m->text[c] >= 0x80))
                    c++;
                size_t e = c;
                while (e < p && (((m->text[e] | 32) >= 'a' && (m->text[e] | 32) <= 'z') ||
                                 (unsigned char)m->text[e] >= 0x80))
                    e++;
                if (e > c && raw_word_in(m, c, e, CONJ))
                    return 0;
                c = e;
            }
        }
        return atoi(t->value);
    }
    return 0;
}

/* How far from the reference a day whose weekday the text gives may lie
 * for that weekday to choose its year over the tense. */
#define WDAY_YEAR_REACH 200

/* The year of a day and month written without one (tokens i..j): the one
 * the tense of the governing verb points to (sets r->tense), unless its
 * calendar lacks the weekday the text gives (wd, 0 none) and a year whose
 * calendar has it puts the day within half a year of the reference. A
 * weekday one off ("el viernes 19 de noviembre" written on 23 November
 * 2011, a Saturday) is a slip of the writer, never a date a year back. */
/* Whether a word of commemoration or anniversary stands in the 160 bytes
 * of the sentence before byte p ("commémorer le massacre du", "el
 * aniversario de la matanza del", "marking the anniversary of the March"). */
static int commemorated(const M *m, size_t p)
{
    static const char *const STEM[] = {"comm\xc3\xa9mor", "commemor", "conmemor", "comemor",
                                       "anniversa",       "aniversa", NULL};
    size_t b = p > 160 ? p - 160 : 0;
    for (size_t q = p; q > b; q--)
        if (strchr(".!?\n", m->text[q - 1])) {
            b = q;
            break;
        }
    for (size_t q = b; q < p; q++) {
        if (q > 0 && ((m->text[q - 1] | 32) >= 'a' && (m->text[q - 1] | 32) <= 'z'))
            continue; /* a word's start */
        for (const char *const *st = STEM; *st; st++) {
            size_t n = strlen(*st);
            if (q + n <= p && !strncasecmp(m->text + q, *st, n))
                return 1;
        }
    }
    return 0;
}

/* Whether the date of tokens i..j-1 names an event rather than dates a
 * clause: after a genitive ("le massacre du 18 mars", "la matanza del 18
 * de marzo") or, in English, between "the" and a noun ("the March 18
 * massacre"); not "held on March 18", "today, March 18". */
static int names_event(const M *m, int i, int j)
{
    static const char *const GEN[] = {"du", "del", "della", "dello", "dell",
                                      "di", "do",  "da",    NULL};
    size_t ws, we = raw_word_before(m, m->t[i].s, &ws);
    if (we > ws && raw_word_in(m, ws, we, GEN))
        return 1;
    if (!(m->lang & TL_EN) || we == ws || !word_eq(m->text + ws, we - ws, "the"))
        return 0;
    next_raw_word(m, m->t[j - 1].e, &ws, &we);
    return we > ws && m->text[ws] >= 'a' && m->text[ws] <= 'z';
}

/* The tense a date without its year is placed by: a past verb right before
 * it or a "since" word (guess_tense's memo_adj) says the year as a word
 * does ("começaram a 25 de janeiro", "desde abril": last year's when ahead). */
static int year_tense(const M *m, const R *r)
{
    return r->tense < 0 && r->tense > -3 && m->memo_adj ? -3 : r->tense;
}

static int unwritten_year(M *m, R *r, int i, int j, int mo, int d, int wd)
{
    r->tense = guess_tense(m, m->t[i].s, m->t[j - 1].e);
    int fy = frame_year(m, m->t[i].s);
    if (!fy)
        fy = list_year(m, m->t[i].s);
    if (fy && d <= chr_month_days(fy, mo) && (!wd || chr_weekday(fy, mo, d) == wd))
        return fy;
    /* a past verb right before a day just ahead: "começaram a 25 de janeiro",
     * told on the 24th, is last year's */
    int y = res_md_year(m, mo, d, year_tense(m, r), sched_kind(m));
    if (!wd && m->hasref && y == m->ry && r->tense <= 0 && d <= chr_month_days(y, mo) &&
        labs(chr_days_from_civil(y, mo, d) - chr_days_from_civil(m->ry, m->rm, m->rd)) <= 3 &&
        commemorated(m, m->t[i].s) && names_event(m, i, j))
        return y - 1; /* "pour commémorer le massacre du 18 mars", told on 18 March: its
                         anniversary, a year on */
    if (!wd || !m->hasref || (y && d <= chr_month_days(y, mo) && chr_weekday(y, mo, d) == wd))
        return y;
    long r0 = chr_days_from_civil(m->ry, m->rm, m->rd);
    int best = 0;
    long bgap = WDAY_YEAR_REACH + 1;
    for (int yy = m->ry - 1; yy <= m->ry + 1; yy++)
        if (d <= chr_month_days(yy, mo) && chr_weekday(yy, mo, d) == wd) {
            long g = labs(chr_days_from_civil(yy, mo, d) - r0);
            if (g < bgap) {
                bgap = g;
                best = yy;
            }
        }
    return best ? best : y;
}

/* ---- counting words ---------------------------------------------------- */

/* Romanian counts from twenty on take "de" before their noun ("41 de ani",
 * "douăzeci de zile"): the index of the unit after count x ending at j. */
static int ro_count_de(const M *m, int j, long x)
{
    if (m->lang == TL_RO && x >= 20 && j + 1 < m->n && kw(m, j, K_OF) &&
        m->t[j].e - m->t[j].s == 2 && (has(m, j + 1, C_UNITPL) || has(m, j + 1, C_UNIT)))
        return j + 1;
    return j;
}

/* A count: digits or number words ("twenty-four", "a couple of", "a few",
 * "several"). *v = -1 for vague counts. Returns the index after it, or 0. */
static int p_count(const M *m, int i, long *v, int *half)
{
    *half = 0;
    if (plainnum(m, i) || (isnum(m, i) && i + 2 < m->n && pu(m, i + 1, ',') && glued(m, i + 1) &&
                           isnum(m, i + 2) && m->t[i + 2].nd == 3 && glued(m, i + 2))) {
        long x = m->t[i].num;
        int j = i + 1;
        while (j + 1 < m->n && pu(m, j, ',') && glued(m, j) && isnum(m, j + 1) &&
               m->t[j + 1].nd == 3 && glued(m, j + 1) && x < 1000000) {
            x = x * 1000 + m->t[j + 1].num;
            j += 2;
        }
        if (m->t[i].nd > 7)
            return 0;
        /* "2 1/2" */
        if (isnum(m, j) && m->t[j].num == 1 && pu(m, j + 1, '/') && isnum(m, j + 2) &&
            m->t[j + 2].num == 2 && glued(m, j + 1) && glued(m, j + 2)) {
            *half = 1;
            j += 3;
        }
        *v = x;
        return ro_count_de(m, j, x);
    }
    if (has(m, i, C_ROUNDN) || (has(m, i, C_NUMW) && val(m, i, C_NUMW) == 1 &&
                                has(m, i + 1, C_ROUNDN) && !glued(m, i + 1))) {
        /* "una decina di giorni", "une vingtaine d'années", "centinaia di anni" */
        int k = has(m, i, C_ROUNDN) ? i : i + 1, j = k + 2;
        if (!kw(m, k + 1, K_OF))
            return 0;
        if (pu(m, j, '\'') && glued(m, j))
            j++;
        *v = val(m, k, C_ROUNDN) > 0 ? val(m, k, C_ROUNDN) : -1;
        return j;
    }
    if (has(m, i, C_NUMW) && val(m, i, C_NUMW) == 1 && kw(m, i + 1, K_FEW) &&
        m->t[i + 1].e - m->t[i + 1].s == 3 && kw(m, i + 2, K_OF) && (m->lang & TL_ES)) {
        *v = 2; /* "un par de días": a couple of days */
        return i + 3;
    }
    if (has(m, i, C_NUMW)) {
        long x = val(m, i, C_NUMW);
        int j = i + 1;
        int unit = has(m, j + 1, C_NUMW) ? val(m, j + 1, C_NUMW) : 0;
        if (x >= 20 && x < 100 && pu(m, j, '-') && unit > 0 && unit < 10) {
            x += unit;
            j += 2;
        } else if (x >= 20 && x < 100 && has(m, j, C_NUMW) && val(m, j, C_NUMW) < 10) {
            x += val(m, j, C_NUMW);
            j++;
        } else if (x >= 20 && x < 100 &&
                   (kw(m, j, K_Y) || (kw(m, j, K_AND) && (m->lang == TL_FR || m->lang == TL_PT ||
                                                          m->lang == TL_RO))) &&
                   unit > 0 && unit < 10) {
            x += unit; /* "treinta y cinco", "vingt et un", "vinte e cinco", "douăzeci și cinci" */
            j += 2;
        } else if (x == 20 && pu(m, j, '-') && kw(m, j + 1, K_AND) && pu(m, j + 2, '-') &&
                   has(m, j + 3, C_NUMW) && val(m, j + 3, C_NUMW) < 10 && glued(m, j + 1) &&
                   glued(m, j + 2) && glued(m, j + 3)) {
            x += val(m, j + 3, C_NUMW); /* Catalan "vint-i-cinc" */
            j += 4;
        } else if (((x == 10 && unit >= 7 && unit <= 9) || (x == 60 && unit >= 10 && unit < 20)) &&
                   pu(m, j, '-') && m->lang == TL_FR) {
            x += unit; /* "dix-sept", "soixante-dix", "soixante-quinze" */
            j += 2;
        }
        if (has(m, j, C_NUMW) && (val(m, j, C_NUMW) == 100 || val(m, j, C_NUMW) == 1000)) {
            x *= val(m, j, C_NUMW);
            j++;
        }
        if (x == 12 && m->t[i].e - m->t[i].s == 5 && j < m->n && kw(m, j, K_OF))
            j++; /* "a dozen of" */
        if (j == i + 1 && pu(m, j, '\'') && !strchr("aeiou", m->text[m->t[i].e - 1] | 32) &&
            glued(m, j) && glued(m, j + 1))
            j++; /* "quarant'anni", "ventiquattr'ore" */
        *v = x;
        return ro_count_de(m, j, x);
    }
    if (kw(m, i, K_A)) {
        if (kw(m, i + 1, K_FEW)) { /* a few, a couple (of) */
            size_t n = m->t[i + 1].e - m->t[i + 1].s;
            int j = i + 2;
            *v = (n == 6) ? 2 : -1; /* couple */
            if (kw(m, j, K_OF))
                j++;
            return j;
        }
        if (kw(m, i + 1, K_ANOTHER)) { /* an additional year, an extra week */
            *v = 1;
            return i + 2;
        }
        if (has(m, i + 1, C_NUMW) &&
            (val(m, i + 1, C_NUMW) == 100 || val(m, i + 1, C_NUMW) == 1000 ||
             val(m, i + 1, C_NUMW) == 12)) {
            *v = val(m, i + 1, C_NUMW);
            return i + 2;
        }
        *v = 1;
        return i + 1;
    }
    if (kw(m, i, K_FEW)) {
        size_t n = m->t[i].e - m->t[i].s;
        *v = -1;
        if (n == 6 && kw(m, i + 1, K_OF)) { /* couple of */
            *v = 2;
            return i + 2;
        }
        return i + 1;
    }
    return 0;
}

/* A unit noun; *pl set for plurals. Returns index after, or 0. */
static int p_unit(const M *m, int i, int *u, int *pl)
{
    /* "fine settimana" (it), "fim de semana" (pt), "cap de setmana" (ca),
     * "fin de semana" (es; French "fin de semaine" is the week's end) */
    if ((!(m->lang & (TL_EN | TL_FR | TL_ES)) || m->lang == TL_CA_ALL || m->lang == TL_ES) &&
        i + 1 < m->n && ((has(m, i, C_MOD) && val(m, i, C_MOD) == M_END) || kw(m, i, K_CAP))) {
        int k = i + 1;
        if (m->t[k].kind == TK_WORD && m->t[k].e - m->t[k].s == 2 &&
            !strncmp(m->text + m->t[k].s, "de", 2))
            k++;
        if (has(m, k, C_UNIT) && val(m, k, C_UNIT) == U_WEEK) {
            *u = U_WEEKEND;
            *pl = 0;
            return k + 1;
        }
    }
    if (has(m, i, C_UNIT)) {
        *u = val(m, i, C_UNIT);
        *pl = 0;
        return i + 1;
    }
    if (has(m, i, C_UNITPL)) {
        *u = val(m, i, C_UNITPL);
        *pl = 1;
        return i + 1;
    }
    return 0;
}

/* A four-digit year (or "'98"). Returns index after, or 0. */
/* A year in words: "nineteen ninety-six", "nineteen ninety". */
static int p_spelled_year(const M *m, int j, int *y)
{
    if (!(m->lang & TL_EN))
        return 0; /* "nineteen ninety-six"; "quatre vingt dix" is ninety */
    if (has(m, j, C_NUMW) && val(m, j, C_NUMW) >= 11 && val(m, j, C_NUMW) <= 20 &&
        has(m, j + 1, C_NUMW) && val(m, j + 1, C_NUMW) >= 10 && val(m, j + 1, C_NUMW) < 100 &&
        val(m, j + 1, C_NUMW) % 10 == 0) {
        int yy = val(m, j, C_NUMW) * 100 + val(m, j + 1, C_NUMW);
        int k = j + 2;
        if (pu(m, k, '-') && has(m, k + 1, C_NUMW) && val(m, k + 1, C_NUMW) < 10) {
            yy += val(m, k + 1, C_NUMW);
            k += 2;
        }
        *y = yy;
        return k;
    }
    return 0;
}

/* "two thousand", "two thousand and five": a year only after "the year". */
static int p_thousand_year(const M *m, int j, int *y)
{
    if (has(m, j, C_NUMW) && val(m, j, C_NUMW) >= 1 && val(m, j, C_NUMW) <= 2 &&
        has(m, j + 1, C_NUMW) && val(m, j + 1, C_NUMW) == 1000) {
        int yy = val(m, j, C_NUMW) * 1000, k = j + 2;
        int k2 = kw(m, k, K_AND) ? k + 1 : k;
        if (has(m, k2, C_NUMW) && val(m, k2, C_NUMW) < 100) {
            yy += val(m, k2, C_NUMW);
            k = k2 + 1;
        }
        *y = yy;
        return k;
    }
    return 0;
}

static int p_year(const M *m, int i, int *y)
{
    if (plainnum(m, i) && m->t[i].nd == 4 && m->t[i].num >= 1000 && m->t[i].num <= 2199) {
        *y = (int)m->t[i].num;
        return i + 1;
    }
    if (pu(m, i, '\'') && isnum(m, i + 1) && glued(m, i + 1) && m->t[i + 1].nd == 2 &&
        !(i + 2 < m->n && kw(m, i + 2, K_S) && glued(m, i + 2))) {
        int x = (int)m->t[i + 1].num;
        *y = x < 30 ? 2000 + x : 1900 + x;
        return i + 2;
    }
    return p_spelled_year(m, i, y);
}

/* A day of month: 1..31 with optional ordinal suffix. */
static int p_day(const M *m, int i, int *d)
{
    if (plainnum(m, i) && m->t[i].nd <= 2 && m->t[i].num >= 1 && m->t[i].num <= 31 &&
        !(m->t[i].s > 0 && m->text[m->t[i].s - 1] >= 'A' && m->text[m->t[i].s - 1] <= 'Z')) {
        /* (not "il G8 di luglio", "el G20 de septiembre"; "el16 de abril", a
         * lost space, is the day) */
        *d = (int)m->t[i].num;
        int j = i + 1;
        if (j + 1 < m->n && *d == 1 && pu(m, j, '.') && glued(m, j) && glued(m, j + 1) &&
            kw(m, j + 1, K_ORDSUF))
            j++; /* "el 1.º de junio", as the RAE writes the first */
        if (j < m->n && glued(m, j) && (kw(m, j, K_ORDSUF)))
            j++;
        return j;
    }
    /* "the second of May", "le premier mai"; Romance ordinals past the
     * first name quarters and halves, not days ("el segundo trimestre") */
    if (has(m, i, C_ORDW) && val(m, i, C_ORDW) <= 31 &&
        (val(m, i, C_ORDW) == 1 || (m->t[i].lx->lang[C_ORDW] & TL_EN))) {
        *d = val(m, i, C_ORDW);
        return i + 1;
    }
    return 0;
}

/* Whether the raw text after token i goes on with a letter (a word the
 * chunk did not take: an ordinary word). */
static int letter_follows(const M *m, int i)
{
    size_t p = m->t[i].e;
    while (p < m->len && (m->text[p] == ' ' || m->text[p] == '\t'))
        p++;
    return p < m->len && (((m->text[p] | 32) >= 'a' && (m->text[p] | 32) <= 'z') ||
                          (unsigned char)m->text[p] >= 0xC0);
}

/* Month abbreviations only Italian, Spanish, French or Portuguese have ("set", "ago", "out",
 * "gen", "dic", "fév", "abr") are English words or glue elsewhere: they
 * count in capitals ("ROMA, 14 MAR -") or in text of their language, and
 * there, written in lower case ("12 set"), only before punctuation, a number
 * or the end ("un set di sanzioni", "in 3 set di fila" are no dates). */
static int romance_abbr(const tk *t)
{
    unsigned mask = t->lx->lang[C_MONABBR];
    return mask && !(mask & ~(unsigned)(TL_IT | TL_ES | TL_FR | TL_PT | TL_CA));
}

static int it_abbr_ok(const M *m, int i)
{
    const tk *t = &m->t[i];
    if (!romance_abbr(t))
        return 1;
    size_t n = t->e - t->s;
    int caps = 1;
    for (size_t k = 0; k < n; k++)
        if (!(m->text[t->s + k] >= 'A' && m->text[t->s + k] <= 'Z'))
            caps = 0;
    if (caps)
        return 1;
    if ((m->lang & ~(unsigned)t->lx->lang[C_MONABBR]) != 0 &&
        !(m->lang == TL_CA_ALL && (t->lx->lang[C_MONABBR] & TL_CA)))
        return 0; /* (the "ca" hint turns on every language: Catalan's own count) */
    if (i > 0 && has(m, i - 1, C_ORDW) && !isnum(m, i - 1))
        return 0; /* "il primo set", "el segundo set": a match's, no September */
    if (i + 1 < m->n)
        return m->t[i + 1].kind != TK_WORD;
    return !letter_follows(m, i);
}

/* Whether a word at byte p stands inside a sentence: a word, a comma or
 * an elision ("all'Italia") before it (not the start of the text or a
 * line, a full stop, a bracket, a quotation mark or a dash). */
static int mid_sentence(const M *m, size_t p)
{
    while (p > 0 && (m->text[p - 1] == ' ' || m->text[p - 1] == '\t'))
        p--;
    if (p == 0)
        return 0;
    unsigned char c = (unsigned char)m->text[p - 1];
    return ((c | 32) >= 'a' && (c | 32) <= 'z') || c == ',' || c == '\'' ||
           (c == 0x99 && p >= 3 && !memcmp(m->text + p - 3, "\xe2\x80\x99", 3)) ||
           (c >= 0x80 && c < 0xC0 && p >= 2 && (unsigned char)m->text[p - 2] >= 0xC3 &&
            (unsigned char)m->text[p - 2] <= 0xC9); /* a letter: "à", "ă", "ș" */
}

/* A month of a language that writes months in lower case (fr es it pt ro
 * ca), capitalised inside a sentence without a day before it or a year
 * after it: a name ("la sonde vers Mars", "Curiosity sur Mars", "la
 * periodista Mayo Fernández", "le film Août"), not the month. At the start
 * of a sentence or a line, after a bracket or a quotation mark, with a day
 * ("Le 25 Mars", "2 de Mayo"), a year ("Marzo de 2011"), "in" ("en Août",
 * "En Enero entrará"), a modifier or "month" before it ("a finales de
 * Julio", "le mois de Mai") or "dernier/pasado" after it ("Octobre
 * dernier") it is one. */
static int p_year_rel(const M *m, int i, int *y, int *anaph);

static int month_is_name(const M *m, int i)
{
    const tk *t = &m->t[i];
    if (!t->cap || t->e - t->s < 2 || (m->text[t->s + 1] >= 'A' && m->text[t->s + 1] <= 'Z') ||
        (t->lx->lang[C_MONTH] & m->lang & (TL_EN | TL_DE | TL_RU)) ||
        !(t->lx->lang[C_MONTH] & (TL_FR | TL_ES | TL_IT | TL_PT | TL_RO | TL_CA)))
        return 0;
    if (!mid_sentence(m, t->s) || kw(m, i - 1, K_IN))
        return 0;
    /* "desde Abril", "até Maio", "jusqu'en Mars", "a partir de Abril" */
    static const char *const SINCE[] = {"desde", "dal",  "depuis", "at\xc3\xa9",         "hasta",
                                        "entro", "fins", "partir", "p\xc3\xa2n\xc4\x83", NULL};
    size_t ws, we = raw_word_before(m, t->s, &ws);
    if (we > ws && (raw_word_in(m, ws, we, SINCE) ||
                    (kw(m, i - 1, K_OF) && (we = raw_word_before(m, ws, &ws)) > ws &&
                     word_eq(m->text + ws, we - ws, "partir"))))
        return 0;
    if (has(m, i + 1, C_POSTREL))
        return 0;
    int k2 = pu(m, i + 1, '-') || kw(m, i + 1, K_TO) || kw(m, i + 1, K_AND) ? i + 2 : i + 1;
    if ((k2 > i + 1 && has(m, k2, C_MONTH)) ||
        ((pu(m, i - 1, '-') || kw(m, i - 1, K_TO) || kw(m, i - 1, K_AND)) &&
         has(m, i - 2, C_MONTH)))
        return 0; /* "Mars-Avril 2011", "entre Mars et Avril" */
    int k = i - 1;
    if (pu(m, k, '\'') && glued(m, k))
        k--;
    if (kw(m, k, K_THE))
        k--;
    if (kw(m, k, K_OF))
        k--;
    if (isnum(m, k) || has(m, k, C_ORDW) || (kw(m, k, K_ORDSUF) && isnum(m, k - 1)) ||
        has(m, k, C_MOD) || has(m, k, C_REL) || (has(m, k, C_UNIT) && val(m, k, C_UNIT) == U_MONTH))
        return 0; /* "25 Mars", "2 de Mayo", "1er Mars", "fin Août", "le mois de Mai" */
    int y;
    k = i + 1;
    if (pu(m, k, ','))
        k++;
    if (kw(m, k, K_OF))
        k++;
    /* "Marzo de 2011", "Juin 1940", "Março do ano passado" */
    return !p_year(m, k, &y) && !p_year_rel(m, i + 1, &y, NULL);
}

/* Romanian "mai" is "more" ("mai multe", "cel mai mare", "nu mai") unless
 * a day, "în", "din", "lui", "luna", "pe", "până" or another month before it,
 * or a year after it, make it May. */
static int ro_may(const M *m, int i)
{
    /* "mai" before an adverb or adjective is "more" ("de mai mult timp",
     * "de mai multe ori", "în mai multe orașe", "mai bine") */
    static const char *const MORE[] = {"mult",
                                       "mult\xc4\x83",
                                       "multa",
                                       "multe",
                                       "mul\xc8\x9bi",
                                       "mul\xc5\xa3i",
                                       "multi",
                                       "pu\xc8\x9bin",
                                       "pu\xc5\xa3in",
                                       "putin",
                                       "pu\xc8\x9bine",
                                       "pu\xc5\xa3ine",
                                       "putine",
                                       "bine",
                                       "bun",
                                       "bun\xc4\x83",
                                       "buni",
                                       "mare",
                                       "mari",
                                       "mic",
                                       "mici",
                                       "t\xc3\xa2rziu",
                                       "tarziu",
                                       "devreme",
                                       "ales",
                                       "departe",
                                       "repede",
                                       "greu",
                                       "u\xc8\x99or",
                                       "u\xc5\x9for",
                                       "usor",
                                       "important",
                                       "importante",
                                       "\xc3\xaenainte",
                                       "inainte",
                                       "apoi",
                                       "tare",
                                       "des",
                                       "rar",
                                       "nou",
                                       "noi",
                                       "vechi",
                                       "r\xc4\x83u",
                                       "rau",
                                       NULL};
    size_t ws, we;
    next_raw_word(m, m->t[i].e, &ws, &we);
    if (we > ws && word_in(m->text + ws, we - ws, MORE))
        return 0;
    int y;
    if (i > 0 && (isnum(m, i - 1) || kw(m, i - 1, K_IN) || kw(m, i - 1, K_OF) ||
                  kw(m, i - 1, K_ON) || kw(m, i - 1, K_TO) || has(m, i - 1, C_UNIT)))
        return 1;
    if (i > 1 && (kw(m, i - 1, K_AND) || pu(m, i - 1, '-')) && has(m, i - 2, C_MONTH))
        return 1; /* "aprilie și mai" */
    return p_year(m, i + 1, &y) != 0;
}

/* A dateline's place and day before and after a month written in lower
 * case: "SANTIAGO, march 6 - ...", "La Paz, march 4 -", "BOSTON, Mass.,
 * feb 26 (Reuters) -" near the start of the text (within DATELINE_AT bytes,
 * on a line of its own start), or the month and day alone ("march 6", a
 * dateline's date as chr_doc keeps it). Before the month: capitalised
 * words (lower-case joiners of up to three letters: "Rio de Janeiro") and
 * a comma; after the day: the dash or bracket that ends a dateline. In
 * running text a lower-case "may" or "march" is a verb ("they may 5 times
 * ...") and no month is read. */
#define DATELINE_AT 300

static int dateline_month(const M *m, int i)
{
    const tk *t = &m->t[i];
    int j = i + 1;
    if (pu(m, j, '.') && glued(m, j))
        j++;
    if (!isnum(m, j) || m->t[j].nd > 2 || m->t[j].num < 1 || m->t[j].num > 31 || glued(m, j))
        return 0;
    size_t p = m->t[j].e;
    while (p < m->len && (m->text[p] == ' ' || m->text[p] == '\t'))
        p++;
    int ends = p == m->len || m->text[p] == '\n' || m->text[p] == '\r';
    if (!ends && m->text[p] != '-' && m->text[p] != '(' && m->text[p] != '/' &&
        !(p + 3 <= m->len && !memcmp(m->text + p, "\xe2\x80", 2) &&
          ((unsigned char)m->text[p + 2] == 0x93 || (unsigned char)m->text[p + 2] == 0x94)))
        return 0;
    size_t ls = t->s;
    while (ls > 0 && m->text[ls - 1] != '\n')
        ls--;
    if (ls > DATELINE_AT)
        return 0;
    size_t q = t->s;
    while (q > ls && (m->text[q - 1] == ' ' || m->text[q - 1] == '\t'))
        q--;
    if (q == ls)
        return ends; /* the date alone */
    if (m->text[q - 1] != ',' || q - ls > 60)
        return 0;
    int word_start = 1, lower = 0;
    for (size_t k = ls; k < q - 1; k++) {
        unsigned char c = (unsigned char)m->text[k];
        if (c == ' ' || c == ',' || c == '.' || c == '-' || c == '(' || c == ')') {
            if (lower > 3)
                return 0;
            word_start = 1;
            lower = 0;
        } else if (c >= 'a' && c <= 'z') {
            if (word_start && k == ls)
                return 0; /* the line opens in lower case: a sentence */
            lower = word_start || lower ? lower + 1 : 0;
            word_start = 0;
        } else if ((c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'') {
            if (word_start)
                lower = -1000; /* a capitalised word: any letters may follow */
            word_start = 0;
        } else {
            return 0;
        }
    }
    return lower <= 3;
}

/* A month name; abbreviations need a capital or a following number; the
 * English words "may"/"march" need a capital, but in a dateline
 * (dateline_month). */
static int p_month(const M *m, int i, int *mo, int strict)
{
    if (has(m, i, C_MONTH)) {
        const tk *t = &m->t[i];
        size_t n = t->e - t->s;
        if (!t->cap && (t->lx->lang[C_MONTH] & TL_EN) && dateline_month(m, i)) {
            *mo = val(m, i, C_MONTH);
            return i + 1;
        }
        if ((t->lx->lang[C_MONTH] & TL_EN) && !t->cap &&
            ((n == 3 && memcmp(m->text + t->s, "may", 3) == 0) ||
             (n == 5 && memcmp(m->text + t->s, "march", 5) == 0)))
            return 0;
        if (month_is_name(m, i))
            return 0;
        if (m->lang == TL_RO && n == 3 && !strncasecmp(m->text + t->s, "mai", 3) && !ro_may(m, i))
            return 0;
        if (strict && !t->cap && (t->lx->lang[C_MONTH] & TL_EN) && !(m->lang & ~TL_EN))
            return 0;
        *mo = val(m, i, C_MONTH);
        return i + 1;
    }
    if (has(m, i, C_MONABBR) && (m->t[i].lx->lang[C_MONABBR] & TL_EN) && !m->t[i].cap && strict &&
        dateline_month(m, i)) {
        *mo = val(m, i, C_MONABBR);
        return pu(m, i + 1, '.') && glued(m, i + 1) ? i + 2 : i + 1; /* "feb 26 -" */
    }
    if (has(m, i, C_MONABBR) && (m->t[i].cap || !strict) && it_abbr_ok(m, i)) {
        *mo = val(m, i, C_MONABBR);
        int j = i + 1;
        if (pu(m, j, '.') && glued(m, j))
            return j + 1;
        if (isnum(m, j) || m->t[i].cap || (!strict && romance_abbr(&m->t[i])))
            return j; /* "12 set -": it_abbr_ok said what may follow */
        /* "El Cairo, 3 feb (EFE).-", "DAMAS, 12 sept (AFP)": lower case
         * after a day in Romance text, before punctuation or the end */
        if (!strict && m->lang != TL_CA_ALL && (m->lang & (TL_FR | TL_ES | TL_IT | TL_PT)) &&
            !(m->lang & TL_EN) && (j < m->n ? m->t[j].kind != TK_WORD : !letter_follows(m, i)))
            return j;
    }
    return 0;
}

/* Whether the word at byte p starts with a capital (ASCII or Latin-1's
 * "À".."Þ" in UTF-8). */
static int cap_at(const M *m, size_t p)
{
    unsigned char c = (unsigned char)m->text[p];
    return (c >= 'A' && c <= 'Z') ||
           (c == 0xC3 && p + 1 < m->len && (unsigned char)m->text[p + 1] >= 0x80 &&
            (unsigned char)m->text[p + 1] <= 0x9E);
}

/* Whether the weekday of tokens i..j-1 opens or ends a name, not a day:
 * "Friday of Anger", "la Sexta-feira da Ira", "el Viernes de la Ira", "il
 * \"venerdì della collera\"", "Venerdì Santo", "Good Friday", "Bloody
 * Sunday". A genitive, an optional article and a word the time lexicon
 * lacks ("el viernes de la semana pasada" stays a day), the weekday in
 * quotes or (outside English) capitalised inside a sentence, or in English
 * after an article and before a capital ("a Friday of Anger"); "dimanche
 * de Toulon", "on Thursday of Prime Minister Martens" stay days. */
static int wday_name(const M *m, int i, int j)
{
    static const char *const OF[] = {"of",  "de", "da",  "do", "del", "della", "dello",
                                     "dei", "du", "des", "di", "dos", "das",   NULL};
    static const char *const ART[] = {"la", "the", "l", "le", "a", "o", "el", "los", "les", NULL};
    static const char *const HOLY[] = {"Santo", "Santa", "Saint", "saint", "Sant", NULL};
    static const char *const BEFORE[] = {"Good", "Holy", "Bloody", NULL};
    size_t ws, we = raw_word_before(m, m->t[i].s, &ws);
    if (we > ws && strchr("GHB", m->text[ws]))
        for (const char *const *b = BEFORE; *b; b++)
            if (strlen(*b) == we - ws && !strncasecmp(m->text + ws, *b, we - ws))
                return 1; /* capitalised: "Good Friday", "GOOD FRIDAY", not "a good Friday" */
    next_raw_word(m, m->t[j - 1].e, &ws, &we);
    if (we == ws || !strchr("odSs", m->text[ws]))
        return 0; /* no genitive, no holy word: most weekdays, checked cheaply */
    size_t q = m->t[i].s;
    while (q > 0 && m->text[q - 1] == ' ')
        q--;
    int quoted =
        q > 0 && (m->text[q - 1] == '"' || (q >= 2 && !memcmp(m->text + q - 2, "\xc2\xab", 2)) ||
                  (q >= 3 && !memcmp(m->text + q - 3, "\xe2\x80\x9c", 3)));
    if (we >= ws + 2 && !memcmp(m->text + we - 2, "\xc2\xbb", 2))
        we -= 2; /* "Santo»" */
    else if (we >= ws + 3 && !memcmp(m->text + we - 3, "\xe2\x80\x9d", 3))
        we -= 3; /* "Santo”" */
    if (we == ws)
        return 0;
    if (raw_word_in(m, ws, we, HOLY) && (quoted || mid_sentence(m, m->t[i].s)) &&
        cap_at(m, m->t[i].s))
        return 1; /* "Venerdì Santo", "Jueves Santo" (not "el sábado santo día") */
    if (!raw_word_in(m, ws, we, OF))
        return 0;
    /* Romance languages write weekdays in lower case: a capital inside a
     * sentence names ("dimanche de Toulon" stays a day); English
     * capitalises them, so only quotes name ("on Thursday of Prime
     * Minister Martens" is a day) */
    static const char *const EN_ART[] = {"a", "the", "another", "called", "dubbed", NULL};
    int en = (m->lang & TL_EN) != 0;
    int named = quoted || (!en && mid_sentence(m, m->t[i].s) && cap_at(m, m->t[i].s));
    size_t bs, be = raw_word_before(m, m->t[i].s, &bs);
    int en_named = en && be > bs && raw_word_in(m, bs, be, EN_ART); /* "a Friday of Anger" */
    if (!named && !en_named)
        return 0;
    next_raw_word(m, we, &ws, &we);
    if (we > ws && raw_word_in(m, ws, we, ART)) {
        size_t p = we;
        if (p < m->len && m->text[p] == '\'')
            p++;
        next_raw_word(m, p, &ws, &we);
    }
    if (we == ws)
        return 0;
    for (int k = j; k < m->n && m->t[k].s <= ws; k++)
        if (m->t[k].s == ws)
            return 0; /* a time word: "de la semana", "of next week" */
    return named || cap_at(m, ws);
}

static int p_wday(const M *m, int i, int *wd)
{
    if (has(m, i, C_WDAY)) {
        const tk *t = &m->t[i];
        if ((t->lx->lang[C_WDAY] & TL_EN) && !t->cap)
            return 0;
        /* Romanian "luni" after a count is months: "acum trei luni" */
        if (has(m, i, C_UNITPL) && i > 0 &&
            (isnum(m, i - 1) || has(m, i - 1, C_NUMW) || has(m, i - 1, C_REL)))
            return 0;
        *wd = val(m, i, C_WDAY);
        int j = i + 1;
        /* Portuguese "segunda-feira" */
        if (pu(m, j, '-') && j + 1 < m->n && m->t[j + 1].kind == TK_WORD &&
            m->t[j + 1].e - m->t[j + 1].s == 5 && memcmp(m->text + m->t[j + 1].s, "feira", 5) == 0)
            j += 2;
        else if (t->lx->lang[C_WDAY] == TL_PT && t->e - t->s <= 7 && j >= m->n &&
                 letter_follows(m, i) && !word_after(m, i, "para"))
            return 0; /* "segunda", "quinta" before a noun are ordinals: "na
                       * segunda volta", "a quinta edição"; not before "para"
                       * ("na noite de segunda para terça") */
        if (wday_name(m, i, j))
            return 0;
        return j;
    }
    if (has(m, i, C_WDABBR) && m->t[i].cap && pu(m, i + 1, '.') && glued(m, i + 1)) {
        *wd = val(m, i, C_WDABBR);
        return i + 2;
    }
    return 0;
}

/* Past an optional "of", article and elision: "del", "de los", "dell'". */
static int skip_of_the(const M *m, int j)
{
    if (kw(m, j, K_OF))
        j++;
    if (kw(m, j, K_THE))
        j++;
    if (pu(m, j, '\''))
        j++;
    return j;
}

/* "last year", "this year", "l'année dernière", "el año pasado" after a
 * date: returns index after and *y, the year (0 without a reference), or
 * 0. "de ese (mismo) año", "di quell'anno", "of that year" is the year last
 * mentioned ("en abril de 2004 ... en agosto de ese año"), when there is
 * one. */
static int p_year_rel(const M *m, int i, int *y, int *anaph)
{
    int j = skip_of_the(m, i), dy;
    if (anaph)
        *anaph = 0;
    if ((has(m, j, C_REL) &&
         (val(m, j, C_REL) == R_THAT || (val(m, j, C_REL) == R_SAME && j > i))) ||
        (kw(m, j, K_SAME) && j > i)) { /* ("of the same year") */
        int k = kw(m, j, K_SAME) ? j : j + 1 + (pu(m, j + 1, '\'') && glued(m, j + 1));
        if (kw(m, k, K_SAME))
            k++;
        if (!has(m, k, C_UNIT) || val(m, k, C_UNIT) != U_YEAR || !m->agran || m->ay <= 0)
            return 0;
        *y = m->ay;
        if (anaph)
            *anaph = 1; /* read from the text's date, not the reference */
        return k + 1;
    }
    if (has(m, j, C_REL) && has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_YEAR) {
        int r = val(m, j, C_REL);
        if (r == R_LAST || r == R_PAST)
            dy = -1;
        else if (r == R_NEXT || r == R_COMING)
            dy = 1;
        else if (r == R_THIS || r == R_CURRENT)
            dy = 0;
        else
            return 0;
        *y = m->hasref ? m->ry + dy : 0;
        return j + 2;
    }
    if (has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_YEAR && has(m, j + 1, C_POSTREL)) {
        int r = val(m, j + 1, C_POSTREL);
        dy = r == R_LAST ? -1 : r == R_NEXT ? 1 : 0;
        *y = m->hasref ? m->ry + dy : 0;
        return j + 2;
    }
    return 0;
}

/* ---- patterns ---------------------------------------------------------- */

static void r_init(R *r, int first)
{
    /* the value strings are written before use: no need to clear them */
    r->first = first;
    r->end = 0;
    r->type = CHR_TIMEX_DATE;
    r->v[0] = r->ev[0] = 0;
    r->flags = 0;
    r->tense = r->y = r->m = r->d = r->explicit_day = r->rel_week = r->q = r->wd = 0;
    r->gran = 0;
    r->dayless = r->anchored = r->sy = 0;
}

static void set_date(R *r, int y, int mo, int d)
{
    r->y = y;
    r->m = mo;
    r->d = d;
    if (d)
        fmt_date(r->v, y, mo, d);
    else if (y > 0)
        fmt_ym(r->v, y, mo);
    else
        snprintf(r->v, 48, "XXXX-%02d", mo);
    r->gran = d ? 'D' : 'M';
}

/* The days of a list of consecutive days before its last, ", 16" in "les
 * 15, 16 et 17 mars", "los días 15, 16 y 17 de marzo", "March 15, 16 and
 * 17": the list is the span of its first and last day. Returns the index of
 * the word that joins the last day, with *last the day before it, or 0. */
static int p_day_list(const M *m, int j, int d, int *last)
{
    for (int dn, kl;
         pu(m, j, ',') && isnum(m, j + 1) && (kl = p_day(m, j + 1, &dn)) != 0 && dn == d + 1;
         j = kl, d = dn)
        if (kw(m, kl, K_AND) || kw(m, kl, K_Y)) {
            *last = dn;
            return kl;
        }
    return 0;
}

/* A month's year in two digits that no day can be, as Romance writers
 * name a past year: "mai 68", "mayo del 68", "giugno 40" (not "en mars 40
 * personnes", "mars 40 000"): the number follows "de/del", ends a clause, or
 * comes before a capital or a short word ("mai 68 a changé"). Returns the
 * index after it. */
static int short_year(const M *m, int j)
{
    if (((m->lang & TL_EN) && m->lang != TL_CA_ALL) || !plainnum(m, j) || m->t[j].nd != 2 ||
        m->t[j].num < 32 || has(m, j + 1, C_UNIT) || has(m, j + 1, C_UNITPL) || pu(m, j - 1, ','))
        return 0; /* not "En marzo, 60 por ciento" */
    size_t ws, we;
    next_raw_word(m, m->t[j].e, &ws, &we);
    if (ws < m->len && we == ws && !strchr(".,;:!?)\"\n", m->text[ws]))
        return 0; /* a figure or a sign follows: "40 000", "40%" */
    static const char *const COUNT[] = {"de",  "du",  "des", "di", "da",   "do", "dos",
                                        "mil", "per", "por", "of", "pour", NULL};
    if (we > ws && !cap_at(m, ws) && !kw(m, j - 1, K_OF) &&
        (we - ws > 3 || raw_word_in(m, ws, we, COUNT)))
        return 0; /* a count: "mai 68 de persoane", "mayo 50 mil", "giugno 40 per cento"
                     ("mai 68 ont marqué", "mayo del 68 nada" are the year) */
    return j + 1;
}

/* Range end within the same month or into another: "-17", "to 21",
 * "and 17", "- June 2". */
static int p_range_md(const M *m, int j, int *emo, int *ed)
{
    if (pu(m, j, '-') || kw(m, j, K_TO) || kw(m, j, K_AND) || kw(m, j, K_Y) ||
        (has(m, j, C_KW2) && val(m, j, C_KW2) == K_TO)) {
        int k = j + 1, mo2, d2;
        int k2 = p_month(m, k, &mo2, 0);
        if (k2) {
            int k3 = p_day(m, k2, &d2);
            if (k3) {
                *emo = mo2;
                *ed = d2;
                return k3;
            }
        }
        k2 = p_day(m, k, &d2);
        if (k2 && !(isnum(m, k) && m->t[k].nd == 4)) {
            *emo = 0;
            *ed = d2;
            return k2;
        }
    }
    return 0;
}

/* A day written as an English number word right after a capitalised
 * month, as wire copy writes small numbers: "expire April Three", "Record
 * March Two", "May Twenty-One"; in lower case one to nine, when no word
 * but a joining one follows ("payable April one to holders", "effective
 * March six.", "between April six and May two"; not "in March six people
 * died"). Returns the index after. */
static int p_day_words(const M *m, int j, int *d)
{
    if (!(m->lang & TL_EN) || !has(m, j, C_NUMW) || !(m->t[j].lx->lang[C_NUMW] & TL_EN))
        return 0;
    int v = val(m, j, C_NUMW), k = j + 1;
    size_t after = m->t[j].e;
    if (after + 1 < m->len && m->text[after] == '-' && (m->text[after + 1] | 32) >= 'a' &&
        (m->text[after + 1] | 32) <= 'z' && !has(m, j + 2, C_NUMW))
        return 0; /* "the February three-month average" */
    if (!m->t[j].cap) {
        static const char *const JOIN[] = {"to",    "and", "or",  "through",
                                           "until", "at",  "for", NULL};
        size_t ws = m->t[j].e;
        while (ws < m->len && (m->text[ws] == ' ' || m->text[ws] == '\t'))
            ws++;
        size_t we = ws;
        while (we < m->len && m->text[we] >= 'a' && m->text[we] <= 'z')
            we++;
        if (v < 1 || v > 9 || (letter_follows(m, j) && !raw_word_in(m, ws, we, JOIN)))
            return 0;
        /* the joined word leads to another day, not a count: "from March
         * six to March 31", not "in March two to three percent", "May one
         * or two of them" */
        if (we > ws && (isnum(m, j + 2) || has(m, j + 2, C_NUMW)))
            return 0;
        *d = v;
        return k;
    }
    if (v < 1 || (v > 20 && v != 30))
        return 0;
    if (v == 20 || v == 30) {
        int k2 = pu(m, k, '-') && glued(m, k) ? k + 1 : k;
        if (has(m, k2, C_NUMW) && m->t[k2].cap && val(m, k2, C_NUMW) >= 1 &&
            val(m, k2, C_NUMW) <= 9 && (k2 == k || glued(m, k2))) {
            v += val(m, k2, C_NUMW);
            k = k2 + 1;
        }
    }
    if (v > 31)
        return 0;
    *d = v;
    return k;
}

/* A month whose year is written only after a second month joined to it
 * takes that year: "in March and April 2024", "en marzo y abril de 2024"
 * (the first month alone: 2024-03); a range where the grammar says so,
 * "from January to May 2023", "de enero a mayo de 2023", "between March
 * and November 2024", "entre mars et novembre 2024", "tra marzo e novembre
 * 2024": one expression 2023-01..2023-05 (a range whose first month comes
 * later in the calendar starts the year before: "from November to March
 * 2024"). mo is the month at token mstart, j the token after it. Returns
 * the index after the expression, or 0. */
static int month_shared_year(M *m, int mstart, int j, int mo, R *r)
{
    int to = kw(m, j, K_TO) || (has(m, j, C_KW2) && val(m, j, C_KW2) == K_TO) || pu(m, j, '-');
    if (!to && !kw(m, j, K_AND) && !kw(m, j, K_Y))
        return 0;
    int mo2, d2, y, k = p_month(m, j + 1, &mo2, 0);
    if (!k || p_day(m, k, &d2))
        return 0;
    int jy = k;
    if (pu(m, jy, ',') || kw(m, jy, K_OF) || kw(m, jy, K_DE))
        jy++;
    int ke = isnum(m, jy) ? p_year(m, jy, &y) : 0;
    if (!ke)
        return 0;
    if (to || (mstart > 0 && kw(m, mstart - 1, K_BETWEEN))) {
        set_date(r, mo > mo2 ? y - 1 : y, mo, 0);
        fmt_ym(r->ev, y, mo2);
        r->flags |= CHR_TIMEX_RANGE;
        r->end = ke;
        return ke;
    }
    set_date(r, y, mo, 0);
    r->end = j;
    return j;
}

/* English: a month that names a thing, "the December pact", "the April
 * meeting" (after "the", before a word in lower case that is none of
 * these): the clause's tense is not the thing's ("said it would not honour
 * its quota under the December pact"). */
static int month_label(const M *m, int mstart, int j)
{
    static const char *const FUNC[] = {
        "and",   "or",   "but",  "to",    "of",    "in",     "on",     "at",      "for",
        "with",  "by",   "from", "as",    "is",    "was",    "were",   "are",     "will",
        "would", "when", "that", "which", "after", "before", "until",  "since",   "than",
        "had",   "has",  "have", "be",    "been",  "could",  "should", "may",     "might",
        "must",  "can",  "did",  "does",  "do",    "while",  "if",     "because", "so",
        "then",  "into", "over", "under", "about", "its",    "their",  "his",     "her",
        "a",     "an",   "the",  "this",  "last",  "next",   NULL};
    if (!(m->lang & TL_EN) || mstart < 1 || !kw(m, mstart - 1, K_THE) || j != mstart + 1)
        return 0;
    size_t p = m->t[mstart].e; /* the tokens may end here: the text tells what follows */
    if (p >= m->len || m->text[p] != ' ')
        return 0;
    const char *w = m->text + p + 1;
    size_t n = 0;
    while (p + 1 + n < m->len && w[n] >= 'a' && w[n] <= 'z')
        n++;
    if (n < 3 || (p + 1 + n < m->len && ((unsigned char)w[n] >= 0x80 || w[n] == '-')))
        return 0;
    return !word_in(w, n, FUNC) && !chr_time_lex_word(w, n);
}

/* The year of month mo when one occurrence lies within four months of
 * the reference, else 0 (the tense decides: "the October slaying" said in
 * April). */
static int nearest_month_year(const M *m, int mo)
{
    if (!m->hasref)
        return 0;
    int d = (mo - m->rm + 12) % 12; /* months ahead to the next one */
    if (d == 0)
        return m->ry;
    if (d <= 4)
        return mo > m->rm ? m->ry : m->ry + 1;
    if (d >= 8)
        return mo < m->rm ? m->ry : m->ry - 1;
    return 0;
}

/* Whether a month at byte p is the period of a Romance statistic ("i dati
 * di gennaio", "as vendas de dezembro", "la inflación de enero", "les
 * chiffres de janvier"): a month already gone when the figures come out
 * (the caller takes it for one up to three months back). */
static int statistic_month(const M *m, size_t p)
{
    static const char *const OF[] = {"di", "de", "del", "do", "da", "du", NULL};
    static const char *const STAT[] = {"dati",
                                       "vendite",
                                       "inflazione",
                                       "produzione",
                                       "disoccupazione",
                                       "esportazioni",
                                       "dados",
                                       "vendas",
                                       "infla\xc3\xa7\xc3\xa3o",
                                       "produ\xc3\xa7\xc3\xa3o",
                                       "desemprego",
                                       "datos",
                                       "ventas",
                                       "inflaci\xc3\xb3n",
                                       "producci\xc3\xb3n",
                                       "desempleo",
                                       "donn\xc3\xa9"
                                       "es",
                                       "chiffres",
                                       "ventes",
                                       "inflation",
                                       "ch\xc3\xb4mage",
                                       NULL};
    if (!(m->lang & (TL_ES | TL_FR | TL_IT | TL_PT)) || (m->lang & TL_EN))
        return 0;
    size_t ws, we = raw_word_before(m, p, &ws);
    if (we == ws || !raw_word_in(m, ws, we, OF))
        return 0;
    we = raw_word_before(m, ws, &ws);
    return we > ws && raw_word_in(m, ws, we, STAT);
}

/* Month first: "May 16", "Oct. 23, 1998", "May 16-17", "March 20-22 last
 * year", "March 2023", "March of 2023", "May". */
static int pat_md(M *m, int i, R *r)
{
    int j = i, wd = 0, mo, d, y = 0, emo = 0, ed = 0, anaph = 0;
    int k = p_wday(m, j, &wd);
    if (k) {
        j = k;
        if (pu(m, j, ','))
            j++;
    }
    k = p_month(m, j, &mo, 1);
    if (!k)
        return 0;
    if (j == i && j > 0 && isnum(m, j - 1) && m->t[j - 1].nd == 6 && m->t[j].cap &&
        m->t[j].e - m->t[j].s == 3 && isupper((unsigned char)m->text[m->t[j].s + 1]) &&
        isupper((unsigned char)m->text[m->t[j].s + 2]))
        return 0; /* a wire's transmission stamp, day, hour and minute before the month
                   * and the year's last digits: "181530 LUG 12" */
    int mstart = j;
    j = k;
    int k2 = p_day(m, j, &d);
    if (!k2 && m->t[mstart].cap)
        k2 = p_day_words(m, j, &d);
    if (k2 && !(isnum(m, j) && m->t[j].nd == 4) &&
        !(pu(m, k2, ':') && glued(m, k2) && isnum(m, k2 + 1) && glued(m, k2 + 1))) {
        j = k2;
        int dlast = d, kl = p_day_list(m, j, d, &dlast);
        int k3 = p_range_md(m, kl ? kl : j, &emo, &ed);
        if (k3 && (!kl || (!emo && ed == dlast + 1)))
            j = k3;
        else
            emo = ed = 0;
        int jy = j;
        if (pu(m, jy, ','))
            jy++;
        int k4 = p_year(m, jy, &y);
        if (k4)
            j = k4;
        else if ((k4 = p_year_rel(m, j, &y, &anaph)) != 0)
            j = k4;
        r->anchored |= anaph;
        r->tense = 0;
        /* a year written after a run that crosses into the next year is its
         * end's: "December 28 to January 2, 2011" starts in 2010 */
        int end_year = ed && emo && emo < mo && y && !anaph;
        if (end_year)
            y--;
        if (!y)
            y = unwritten_year(m, r, i, j, mo, d, wd);
        if (d > chr_month_days(y ? y : 2000, mo))
            return 0;
        set_date(r, y, mo, d);
        r->explicit_day = 1;
        r->wd = wd;
        if (ed) {
            int ey = y, em = emo ? emo : mo;
            if (em < mo && y)
                ey = y + 1;
            fmt_date(r->ev, ey, em, ed);
            r->flags |= CHR_TIMEX_RANGE;
        }
        if (!k4 || y == 0)
            r->flags |= CHR_TIMEX_RELATIVE;
        r->end = j;
        return j;
    }
    /* month year */
    int jy = j;
    if (pu(m, jy, ',') || kw(m, jy, K_OF))
        jy++;
    int k4 = p_year(m, jy, &y);
    if (!k4 && (k4 = short_year(m, jy)) != 0)
        y = 1900 + (int)m->t[jy].num;
    if (k4) {
        if (kw(m, k4, K_YEARW))
            k4++;
        set_date(r, y, mo, 0);
        r->end = k4;
        return k4;
    }
    int yr;
    if ((k4 = p_year_rel(m, j, &yr, &anaph)) != 0) {
        r->anchored |= anaph;
        set_date(r, yr, mo, 0);
        r->flags |= CHR_TIMEX_RELATIVE;
        r->end = k4;
        return k4;
    }
    if (wd)
        return 0;
    if ((k4 = month_shared_year(m, mstart, j, mo, r)) != 0)
        return k4;
    /* month alone: needs context */
    const tk *t = &m->t[mstart];
    int ok = 0;
    if (mstart > 0) {
        int p = mstart - 1;
        if (kw(m, p, K_IN) || kw(m, p, K_SINCE) || kw(m, p, K_FROM) || kw(m, p, K_TO) ||
            kw(m, p, K_OF) || kw(m, p, K_ON) || kw(m, p, K_BETWEEN) || kw(m, p, K_AND) ||
            has(m, p, C_MOD) || pu(m, p, '-') || (has(m, p, C_KW2) && val(m, p, C_KW2) == K_TO))
            ok = 1;
        if (kw(m, p, K_Y) && p > 0 && has(m, p - 1, C_MONTH))
            ok = 1; /* "los hechos de febrero y marzo" */
        if (kw(m, p, K_HASTA))
            ok = 1; /* "hasta enero" */
        if (pu(m, p, '\'') && p > 0 && kw(m, p - 1, K_OF))
            ok = 1; /* "le mois d'avril", "fin d'août", "la revolució d'octubre" */
        if (pu(m, p, '\'') && m->lang == TL_CA_ALL && p > 0 &&
            raw_word_in(m, m->t[p - 1].s, m->t[p - 1].e, (const char *const[]){"l", NULL}))
            ok = 1; /* Catalan "a l'octubre", "des de l'octubre", "L'octubre va ser" */
    }
    static const char *const MONTH_LEADS[] = {
        "per",         "para",    "pour",    "d\xc3\xa8s", "avant", "apr\xc3\xa8s",
        "vers",        "courant", "ici",     "dopo",       "verso", "entro",
        "ap\xc3\xb3s", "durant",  "pendant", "durante",    "pel",   NULL};
    for (const char *const *w = MONTH_LEADS;
         (!(m->lang & TL_EN) || m->lang == TL_CA_ALL) && *w && !ok; w++)
        ok = word_before(m, mstart, *w); /* "previsto per giugno", "prevista para junio",
                                            "dès juin", "d'ici octobre", "entro marzo" */
    if (has(m, mstart, C_MONTH) && t->cap && (t->lx->lang[C_MONTH] & TL_EN) && t->e - t->s > 5)
        ok = 1; /* January, February, ... (not May, March, April, June, July) */
    if (has(m, mstart, C_MONTH) && t->cap && !(t->lx->lang[C_MONTH] & TL_EN))
        ok = 1;
    if (has(m, j, C_POSTREL))
        ok = 1;
    if (mstart > 0 && has(m, mstart - 1, C_UNIT) && val(m, mstart - 1, C_UNIT) == U_MONTH &&
        (m->t[mstart - 1].lx->lang[C_UNIT] & TL_RO))
        ok = 1; /* "în luna martie" */
    if (mstart > 0 && (kw(m, mstart - 1, K_THE) || kw(m, mstart - 1, K_A)) && t->cap &&
        has(m, mstart, C_MONTH) && (mo == 4 || mo == 6 || mo == 7))
        ok = 1; /* "a June agreement", "the April meeting" (not "the March", "a May") */
    if (has(m, mstart, C_MONABBR) && !has(m, mstart, C_MONTH))
        ok = ok && pu(m, mstart + 1, '.');
    if (!ok)
        return 0;
    if (has(m, j, C_POSTREL)) {
        int rr = val(m, j, C_POSTREL);
        int yy = m->ry;
        if (rr == R_LAST) /* "novembre dernier" in December: the one just gone */
            yy = mo >= m->rm ? m->ry - 1 : m->ry;
        else if (rr == R_NEXT)
            yy = mo <= m->rm ? m->ry + 1 : m->ry;
        set_date(r, m->hasref ? yy : 0, mo, 0);
        r->flags |= CHR_TIMEX_RELATIVE;
        r->end = j + 1;
        return j + 1;
    }
    r->tense = guess_tense(m, t->s, t->e);
    int fy = frame_year(m, t->s);
    if (!fy && r->tense >= 0 && m->hasref && (m->rm - mo + 12) % 12 <= 3 &&
        statistic_month(m, m->t[mstart].s)) {
        fy = mo > m->rm ? m->ry - 1 : m->ry; /* "i dati di gennaio saranno diffusi" */
        r->tense = -1;
    }
    if (!fy && (r->tense == 0 || r->tense == 1) && month_label(m, mstart, j))
        fy = nearest_month_year(m, mo); /* "would not honour ... the December pact"; a
                                           verb next to it tells ("will meet in the
                                           December session"), and so does a past
                                           ("despite the July agreement") */
    /* the second month of a pair takes the first's year ("en noviembre y
     * diciembre", "février et mars") */
    if (!fy && mstart > 1 && (kw(m, mstart - 1, K_Y) || kw(m, mstart - 1, K_AND)) &&
        has(m, mstart - 2, C_MONTH) && m->nout) {
        const chr_timex *pv = last_out(m);
        int py, pm;
        if (pv->end == m->t[mstart - 2].e && strlen(pv->value) == 7 &&
            sscanf(pv->value, "%4d-%2d", &py, &pm) == 2 && py > 0 && pm >= 1 && pm <= 12)
            fy = mo < pm ? py + 1 : py;
    }
    int my = fy ? fy : res_md_year(m, mo, 0, year_tense(m, r), sched_kind(m)), mo2;
    set_date(r, my, mo, 0);
    r->flags |= CHR_TIMEX_RELATIVE;
    r->end = j;
    int yq; /* (a year after the second month: "entre agosto y noviembre del año pasado" is
             * the range pattern's) */
    if (mstart > 0 && kw(m, mstart - 1, K_BETWEEN) && (kw(m, j, K_AND) || kw(m, j, K_Y)) &&
        has(m, j + 1, C_MONTH) && (mo2 = val(m, j + 1, C_MONTH)) != mo && !kw(m, j + 2, K_OF) &&
        !has(m, j + 2, C_POSTREL) && !has(m, j + 2, C_REL) && !has(m, j + 2, C_UNIT) &&
        !p_year(m, j + 2, &yq) && !pu(m, j + 2, ',')) {
        /* "entre febrero y abril", "between February and April": the months
         * between */
        fmt_ym(r->ev, my && mo2 < mo ? my + 1 : my, mo2);
        if (!my)
            snprintf(r->ev, sizeof r->ev, "XXXX-%02d", mo2);
        r->flags |= CHR_TIMEX_RANGE;
        r->end = j + 2;
        return j + 2;
    }
    return j;
}

/* Day first: "16 May 2024", "9 aprile 2024", "3 de marzo de 2024",
 * "12. März", "16 and 17 May", "le 12 janvier dernier", "the 16th of May". */
/* A list of days that are not one run, the month written after its last
 * ("pe 3 și 10 noiembrie", "les 3, 10 et 17 mars", "el 3 y el 10 de
 * noviembre"): j is the joiner after the first day d. Each day is a date
 * of its own, not the span from the first to the last. Returns the index
 * after the month, with *mo, or 0 (a run of two, "16 et 17 mai", is a
 * span). */
static int number_goes_on(M *m, int j);

static int day_list_month(M *m, int j, int d, int *mo)
{
    int items = 1, last = d, and = 0;
    while (items < 8) {
        if (kw(m, j, K_AND) || kw(m, j, K_Y))
            and = 1;
        else if (!pu(m, j, ',') || and)
            return 0;
        j++;
        if (kw(m, j, K_THE) || kw(m, j, K_ON))
            j++;
        int dn, k = isnum(m, j) && m->t[j].nd <= 2 ? p_day(m, j, &dn) : 0;
        if (!k || dn <= last || number_goes_on(m, k))
            return 0;
        items++;
        last = dn;
        j = k;
        if (!and)
            continue;
        if (items == 2 && dn == d + 1)
            return 0;
        if (kw(m, j, K_OF))
            j++;
        return p_month(m, j, mo, 0);
    }
    return 0;
}

/* Whether "between" opens the days at token i ("entre el 3 y el 10",
 * "tra il 3 e il 10", "între 3 și 10", "entre los días 3 y 10"). */
static int between_before(const M *m, int i)
{
    for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
        if (kw(m, k, K_BETWEEN))
            return 1;
        if (!kw(m, k, K_THE) && !kw(m, k, K_ON) && !has(m, k, C_UNITPL))
            return 0;
    }
    return 0;
}

static int pat_dm(M *m, int i, R *r)
{
    int j = i, wd = 0, mo, d, y = 0, d2 = 0, anaph = 0;
    int k = p_wday(m, j, &wd);
    if (k) {
        j = k;
        if (pu(m, j, ','))
            j++;
        if (kw(m, j, K_THE) || kw(m, j, K_ON))
            j++;
    }
    k = p_day(m, j, &d);
    if (!k || (isnum(m, j) && m->t[j].nd > 2))
        return 0;
    j = k;
    if (pu(m, j, '.') && glued(m, j))
        j++;
    int dlast = d, kl = p_day_list(m, j, d, &dlast);
    if (kl)
        j = kl;
    else
        dlast = d;
    int shared = 0, kq;
    if (!kl && !wd && (kq = day_list_month(m, j, d, &mo)) != 0 && !between_before(m, i)) {
        shared = j; /* "pe 3 și 10 noiembrie": this day, the month the list's */
        j = kq;
    } else if (pu(m, j, '-') || kw(m, j, K_AND) || kw(m, j, K_Y) || kw(m, j, K_TO) ||
               (has(m, j, C_KW2) && val(m, j, C_KW2) == K_TO) ||
               (kw(m, j, K_HASTA) && i > 1 &&
                word_before(m, i - (kw(m, i - 1, K_THE) ? 1 : 0), "desde"))) {
        /* "tra il 16 e il 17 maggio", "entre el 16 y el 17 de mayo", "din 3
         * până pe 5 martie", "dal 3 all'8 aprile" (the elided article) */
        int the2 = !pu(m, j, '-') && (kw(m, j + 1, K_THE) || kw(m, j + 1, K_ON)) && isnum(m, j + 2);
        if (!the2 && kw(m, j, K_TO) && pu(m, j + 1, '\'') && glued(m, j + 1) && glued(m, j + 2))
            the2 = 1;
        int k2 = p_day(m, j + 1 + the2, &d2);
        if (k2 && d2 > dlast && (dlast == d || d2 == dlast + 1)) {
            j = k2;
            if (pu(m, j, '.') && glued(m, j))
                j++;
        } else {
            d2 = 0;
        }
    }
    if (wd && !d2 && !shared && (kw(m, j, K_AND) || kw(m, j, K_Y))) {
        /* "sabato 16 e domenica 17 giugno", "el sábado 16 y el domingo 17
         * de junio": the month written after the second day is the first's
         * too */
        int w2, d3, q = j + 1 + (kw(m, j + 1, K_THE) || kw(m, j + 1, K_ON));
        q = p_wday(m, q, &w2);
        if (q && (q = p_day(m, q, &d3)) != 0 && d3 > d) {
            if (kw(m, q, K_OF))
                q++;
            if ((q = p_month(m, q, &mo, 0)) != 0) {
                shared = j;
                j = q;
            }
        }
    }
    int that_month = 0;
    if (!shared) {
        if (kw(m, j, K_OF)) {
            j++;
            if (pu(m, j, '\'') && glued(m, j)) /* "3 d'abril" */
                j++;
        }
        if (has(m, j, C_REL) && val(m, j, C_REL) == R_THAT && has(m, j + 1, C_UNIT) &&
            val(m, j + 1, C_UNIT) == U_MONTH && (m->agran == 'M' || m->agran == 'D') && m->ay > 0 &&
            m->am > 0 && kw(m, j - 1, K_OF)) {
            mo = m->am; /* "el día 7 de ese mes", "le 7 de ce mois-là": the month last
                           told of */
            k = j + 2;
            that_month = 1;
        } else {
            k = p_month(m, j, &mo, 0);
        }
        if (!k)
            return 0;
        j = k;
    }
    int jy = j;
    if (pu(m, jy, ','))
        jy++;
    if (kw(m, jy, K_OF))
        jy++;
    int k2 = p_year(m, jy, &y);
    if (k2) {
        j = k2;
        if (kw(m, j, K_YEARW)) {
            j++;
            if (pu(m, j, '.') && glued(m, j))
                j++;
        }
    } else if (has(m, j, C_POSTREL) && !word_after(m, j, "d\xc3\xa9lai") &&
               !word_after(m, j, "carat")) { /* "le 15 mars dernier délai": at the latest */
        int rr = val(m, j, C_POSTREL);
        r->tense = rr == R_LAST ? -1 : rr == R_NEXT ? 1 : 0;
        y = res_md_year(m, mo, d, 3 * r->tense, 0);
        j++;
    } else if ((k2 = p_year_rel(m, j, &y, &anaph)) != 0) {
        j = k2;
        r->anchored |= anaph;
    } else if (!wd && i > 0 && has(m, i - 1, C_REL) &&
               (val(m, i - 1, C_REL) == R_LAST || val(m, i - 1, C_REL) == R_NEXT)) {
        /* "lo scorso 3 aprile", "el pasado 3 de abril", "il prossimo 3 aprile" */
        r->tense = val(m, i - 1, C_REL) == R_LAST ? -1 : 1;
        y = 0;
        if (m->hasref) { /* the nearest such day on that side of the reference */
            long ref = chr_days_from_civil(m->ry, m->rm, m->rd);
            y = m->ry;
            long c = chr_days_from_civil(y, mo, d) - ref;
            if (r->tense < 0 && c >= 0)
                y--;
            else if (r->tense > 0 && c <= 0)
                y++;
        }
        r->flags |= CHR_TIMEX_RELATIVE;
    } else if (that_month) {
        y = m->ay;
        r->flags |= CHR_TIMEX_RELATIVE;
        r->anchored = 1;
    } else {
        y = unwritten_year(m, r, i, j, mo, d, wd);
        r->flags |= CHR_TIMEX_RELATIVE;
    }
    if (d > chr_month_days(y ? y : 2000, mo) || (d2 && d2 > chr_month_days(y ? y : 2000, mo)))
        return 0;
    set_date(r, y, mo, d);
    r->explicit_day = 1;
    r->wd = wd;
    if (d2) {
        fmt_date(r->ev, y, mo, d2);
        r->flags |= CHR_TIMEX_RANGE;
    }
    if (shared)
        j = shared;
    r->end = j;
    return j;
}

/* Numeric dates: 2024-05-14, 14.05.2024, 5/14/2024, 10/27/89, 2024/05/14,
 * optionally with a time "T14:30" / " 14:30". */
static int unwritten_year(M *m, R *r, int i, int j, int mo, int d, int wd);

/* A day and month in figures after an article, in Romance text: "il
 * 15/3", "del 20/2", "el 14/8" (not "15/3/2011", nor a score or a
 * fraction without the article). */
/* Whether a match's words stand within 80 bytes of token i ("il primo set
 * con il 6/4"): the figures are a set's score. */
static int set_score(const M *m, int i)
{
    static const char *const W[] = {"set",     "sets",    "game",  "games",    "tie-break",
                                    "partita", "partido", "match", "parziale", NULL};
    size_t a = m->t[i].s > 80 ? m->t[i].s - 80 : 0;
    size_t b = m->t[i].e + 80 < m->len ? m->t[i].e + 80 : m->len;
    for (size_t p = a; p < b;) {
        while (p < b && !isalpha((unsigned char)m->text[p]))
            p++;
        size_t e = p;
        while (e < b && (isalpha((unsigned char)m->text[e]) || m->text[e] == '-'))
            e++;
        if (e > p && raw_word_in(m, p, e, W))
            return 1;
        p = e;
    }
    return 0;
}

/* A day and month in figures that open a line and a dash or colon
 * follows, as a chronology's entries do ("17/04 – Câmara aprova…",
 * "12/6: o Senado…"). */
static int line_head_date(const M *m, int i)
{
    size_t p = m->t[i].s;
    while (p > 0 && (m->text[p - 1] == ' ' || m->text[p - 1] == '\t'))
        p--;
    if (p > 0 && m->text[p - 1] != '\n')
        return 0;
    size_t q = m->t[i + 2].e;
    while (q < m->len && m->text[q] == ' ')
        q++;
    return q < m->len &&
           (m->text[q] == '-' || m->text[q] == ':' ||
            (q + 2 < m->len && !memcmp(m->text + q, "\xe2\x80", 2) &&
             ((unsigned char)m->text[q + 2] == 0x93 || (unsigned char)m->text[q + 2] == 0x94)));
}

static int stop_after(const M *m, int i);

static int pat_day_month_figures(M *m, int i, R *r)
{
    static const char *const ART[] = {"il",
                                      "del",
                                      "dal",
                                      "al",
                                      "el",
                                      "le",
                                      "du",
                                      "au",
                                      "o",
                                      "do",
                                      "no",
                                      "dia",
                                      "giorno",
                                      "d\xc3\xad"
                                      "a",
                                      NULL};
    /* prepositions that lead scores and shares too ("terminou em 2/1",
     * "ficou em 6/10 do previsto", "até 10/12 reais"): a date after them is
     * written dd/mm and ends its clause ("termina em 12/06.") */
    static const char *const PREP[] = {"em", "at\xc3\xa9", "desde", "hasta", "depuis", NULL};
    if (!(m->lang & (TL_FR | TL_ES | TL_IT | TL_PT)) || (m->lang & TL_EN) || !pu(m, i + 1, '/') ||
        !isnum(m, i + 2) || !glued(m, i + 1) || !glued(m, i + 2) || m->t[i].nd > 2 ||
        m->t[i + 2].nd > 2)
        return 0;
    if (i + 3 < m->n && glued(m, i + 3) &&
        (isnum(m, i + 3) || pu(m, i + 3, '/') ||
         ((pu(m, i + 3, '.') || pu(m, i + 3, '-')) && isnum(m, i + 4) && glued(m, i + 4))))
        return 0; /* "15/3/2011" is pat_numeric's; "del 15/3:" and "(il 15/3)" are dates */
    static const char *const OF[] = {"dei", "degli", "delle", "di", "de",
                                     "des", "dos",   "das",   NULL};
    size_t ws, we = raw_word_before(m, m->t[i].s, &ws);
    int head = we == ws && line_head_date(m, i);
    if (we == ws
            ? !head
            : !raw_word_in(m, ws, we, ART) && !(raw_word_in(m, ws, we, PREP) && m->t[i].nd == 2 &&
                                                m->t[i + 2].nd == 2 && stop_after(m, i + 2)))
        return 0;
    next_raw_word(m, m->t[i + 2].e, &ws, &we);
    if (we > ws && raw_word_in(m, ws, we, OF))
        return 0; /* "il 3/4 dei votanti": a share */
    int d = (int)m->t[i].num, mo = (int)m->t[i + 2].num;
    if (mo < 1 || mo > 12 || d < 1 || d > chr_month_days(2000, mo) || (d < mo && mo <= 4) ||
        (d == 24 && mo == 7) ||
        (d != mo && (d >= 6 || mo >= 6) && d <= 7 && mo <= 7 && set_score(m, i)))
        return 0; /* "le 1/3 pacifiste": shares; "el 24/7": always; "il 6/4": a set's
                   * score */
    /* a chronology's lines take no tense from their historic present ("17/04 –
     * Câmara aprova…", "18/04 – Senado recebe…"): the tenseless year */
    int y = head ? res_md_year(m, mo, d, 0, 0) : unwritten_year(m, r, i, i + 3, mo, d, 0);
    if (d > chr_month_days(y ? y : 2000, mo))
        return 0;
    set_date(r, y, mo, d);
    r->explicit_day = 1;
    r->flags |= CHR_TIMEX_RELATIVE;
    r->end = i + 3;
    return i + 3;
}

static int pat_numeric(M *m, int i, R *r)
{
    int dm = pat_day_month_figures(m, i, r);
    if (dm)
        return dm;
    if (!isnum(m, i) || !isnum(m, i + 2) || !isnum(m, i + 4))
        return 0;
    char s1 = m->t[i + 1].kind == TK_PUNCT ? m->t[i + 1].ch : 0;
    char s2 = m->t[i + 3].kind == TK_PUNCT ? m->t[i + 3].ch : 0;
    if (!s1 || s1 != s2 || !(s1 == '-' || s1 == '.' || s1 == '/'))
        return 0;
    for (int k = i + 1; k <= i + 4; k++)
        if (!m->t[k].glued)
            return 0;
    if (i > 0 && glued(m, i) && (isnum(m, i - 1) || m->t[i - 1].kind == TK_PUNCT))
        return 0;
    if (i + 5 < m->n && glued(m, i + 5) &&
        (isnum(m, i + 5) || ((pu(m, i + 5, '.') || pu(m, i + 5, '-') || pu(m, i + 5, '/')) &&
                             isnum(m, i + 6) && glued(m, i + 6))))
        return 0;
    const tk *a = &m->t[i], *b = &m->t[i + 2], *c = &m->t[i + 4];
    int y, mo, d;
    if (a->nd == 4 && b->nd <= 2 && c->nd <= 2) {
        y = (int)a->num;
        mo = (int)b->num;
        d = (int)c->num;
    } else if (a->nd <= 2 && b->nd <= 2 && (c->nd == 4 || c->nd == 2)) {
        y = (int)c->num;
        if (c->nd == 2)
            y += y < 30 ? 2000 : 1900;
        if (s1 == '/' && a->num > 12) {
            d = (int)a->num;
            mo = (int)b->num;
        } else if (s1 == '/' && (b->num > 12 || ((m->lang & TL_EN) && m->lang != TL_CA_ALL))) {
            mo = (int)a->num; /* US order */
            d = (int)b->num;
        } else {
            d = (int)a->num;
            mo = (int)b->num;
        }
    } else {
        return 0;
    }
    if (y < 1000 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > chr_month_days(y, mo))
        return 0;
    set_date(r, y, mo, d);
    r->explicit_day = 1;
    int j = i + 5;
    /* time: T14:30 or " 14:30" */
    int tj = j;
    if (tj < m->n && m->t[tj].kind == TK_WORD && m->t[tj].glued && m->t[tj].e - m->t[tj].s == 1 &&
        (m->text[m->t[tj].s] | 32) == 't')
        tj++;
    if (isnum(m, tj) && m->t[tj].nd <= 2 && pu(m, tj + 1, ':') && isnum(m, tj + 2) &&
        m->t[tj + 2].nd == 2 && glued(m, tj + 1) && glued(m, tj + 2) && m->t[tj].num < 25 &&
        m->t[tj + 2].num < 60) {
        char tmp[48];
        memcpy(tmp, r->v, 48);
        snprintf(r->v, 48, "%.10sT%02u:%02u", tmp, m->t[tj].num, m->t[tj + 2].num);
        r->type = CHR_TIMEX_TIME;
        j = tj + 3;
        if (pu(m, j, ':') && isnum(m, j + 1) && glued(m, j) && glued(m, j + 1))
            j += 2;
    }
    r->end = j;
    return j;
}

/* ---- numbers that are no years ----------------------------------------- */

static int raw_phrase(const M *m, size_t p, const char *phrase);
static size_t raw_word_before(const M *m, size_t p, size_t *ws);

/* The raw word right before token j with only blanks between: its bytes
 * are text[*ws..return value). Letters (UTF-8 too), digits and the marks of
 * abbreviations ("No.", "n°", "nº") belong to it; after an apostrophe only
 * what follows it counts ("jusqu'en" is "en"). Returns *ws when none. */
static size_t raw_prev_word(const M *m, int j, size_t *ws)
{
    return raw_word_before(m, m->t[j].s, ws);
}

/* raw_prev_word for the word before byte offset p. */
static size_t raw_word_before(const M *m, size_t p, size_t *ws)
{
    while (p > 0 && (m->text[p - 1] == ' ' || m->text[p - 1] == '\t'))
        p--;
    size_t e = p;
    while (p > 0) {
        unsigned char c = (unsigned char)m->text[p - 1];
        if (c == '\'' || (c == 0x99 && p >= 3 && !memcmp(m->text + p - 3, "\xe2\x80\x99", 3)))
            break;
        if (!(c >= 0x80 || c == '.' || (c >= '0' && c <= '9') ||
              ((c | 32) >= 'a' && (c | 32) <= 'z')))
            break;
        p--;
    }
    *ws = p;
    return e;
}

static int raw_word_in(const M *m, size_t ws, size_t we, const char *const *l)
{
    if (we <= ws)
        return 0;
    unsigned char c = (unsigned char)m->text[ws] | 32;
    for (; *l; l++) /* the first byte before a strlen */
        if (((unsigned char)(*l)[0] | 32) == c && strlen(*l) == we - ws &&
            !strncasecmp(m->text + ws, *l, we - ws))
            return 1;
    return 0;
}

/* Words after which a four-digit number is a year, whatever its value:
 * prepositions of time, "year", "circa" ("in 1492", "depuis 1650", "nel
 * 1500", "the year 1000", "c. 1450"). */
static const char *const YEAR_CUE[] = {
    "in",     "since",      "from",   "of",           "by",      "until",   "till",       "through",
    "before", "after",      "during", "circa",        "c.",      "ca.",     "between",    "around",
    "about",  "year",       "en",     "\xc3\xa0",     "em",      "no",      "na",         "nel",
    "del",    "dal",        "di",     "de",           "des",     "du",      "desde",      "hasta",
    "depuis", "d\xc3\xa8s", "avant",  "apr\xc3\xa8s", "pendant", "durante", "dopo",       "prima",
    "fino",   "entre",      "tra",    "fra",          "hacia",   "vers",    "a\xc3\xb1o", "ano",
    "anno",   "année",      "din",    "\xc3\xaen",    "anul",    "any",     NULL};

/* Nouns that number things, not years: "resolution 1973", "flight 1549",
 * "No. 1999", "la resolución 1973 de la ONU", "vol 2230", "modelo 2000". */
static const char *const NUMBERED[] = {
    "resolution", "resolutions", "résolution",  "résolutions", "resolución", "resoluciones",
    "resolução",  "resoluções",  "risoluzione", "risoluzioni", "resolució",  "rezoluția",
    "rezoluţia",  "flight",      "flights",     "vuelo",       "vol",        "volo",
    "voo",        "zborul",      "no.",         "nos.",        "n.",         "n°",
    "nº",         "nr.",         "num.",        "number",      "numéro",     "número",
    "numero",     "model",       "modelo",      "modèle",      "modello",    "route",
    "ruta",       "highway",     "series",      "série",       "serie",      "section",
    "article",    "artículo",    "articolo",    "artigo",      "art.",       "chapter",
    "page",       "p.",          "pp.",         "room",        "bus",        "line",
    "platform",   "gate",        "code",        "version",     "ticket",     "channel",
    NULL};

/* Whether the raw word at ws opens a sentence (a capital there is no name). */
static int opens_sentence(const M *m, size_t ws)
{
    size_t p = ws;
    while (p > 0 && (m->text[p - 1] == ' ' || m->text[p - 1] == '\t'))
        p--;
    if (p == 0)
        return 1;
    unsigned char c = (unsigned char)m->text[p - 1];
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '(' ||
           c >= 0x80; /* a quotation mark, a dash */
}

/* A number naming a thing: after a numbering noun ("resolution 1973",
 * "flight 1549", "No. 1999", "la risoluzione 1973") or a capitalised name
 * inside a sentence that is no temporal word ("Mirage 2000", "Windows
 * 2000": a product, not a year). */
static int numbered_thing(const M *m, int j)
{
    size_t ws, we = raw_prev_word(m, j, &ws);
    if (we == ws)
        return 0;
    if (raw_word_in(m, ws, we, NUMBERED))
        return 1;
    if (j >= 2 && (kw(m, j - 1, K_AND) || kw(m, j - 1, K_Y)) && isnum(m, j - 2) &&
        m->t[j - 2].nd == 4 && numbered_thing(m, j - 2))
        return 1; /* "les résolutions 1970 et 1973" */
    if (!(m->text[ws] >= 'A' && m->text[ws] <= 'Z') || we - ws < 2 ||
        !(m->text[ws + 1] >= 'a' && m->text[ws + 1] <= 'z') || m->text[we - 1] == '.')
        return 0;
    if (j > 0 && m->t[j - 1].e == we)
        return 0; /* a month, a season, "Fiscal", ...: a lexicon word */
    static const char *const DEMONYM[] = {"an", "ese", "ish", "ch", "i", "ic", NULL};
    for (const char *const *e = DEMONYM; *e; e++)
        if (ends_with(m->text + ws, we - ws, *e))
            return 0; /* "French 1987 growth", "Iraqi 1990 claims": an adjective */
    return !opens_sentence(m, ws) && !raw_word_in(m, ws, we, YEAR_CUE);
}

/* Whether a time zone or a clock word follows token j: "1040 GMT", "1600
 * hrs", "1330 local time", "1600 hora local", "1600 heure locale", "1600
 * ora locale". Abbreviations of zones in capitals, or in lower case where
 * they are no word ("1800 gmt", not "est", "et": French words). */
static int clock_word_after(const M *m, int j)
{
    static const char *const TZ[] = {"GMT", "UTC", "EST", "EDT", "CST",  "CDT", "MST",
                                     "MDT", "PST", "PDT", "CET", "CEST", "BST", "MSK",
                                     "ET",  "HKT", "JST", "SGT", "AEST", "WIB", NULL};
    static const char *const CLOCK[] = {"hrs",
                                        "hr",
                                        "local time",
                                        "hora local",
                                        "horas locales",
                                        "heure locale",
                                        "heures locales",
                                        "heure de Paris",
                                        "ora locale",
                                        "ora italiana",
                                        "hora de Brasília",
                                        "hs",
                                        "Z",
                                        NULL};
    size_t p = m->t[j].e;
    while (p < m->len && (m->text[p] == ' ' || m->text[p] == '\t'))
        p++;
    for (const char *const *z = TZ; *z; z++) {
        size_t n = strlen(*z), q;
        if (p + n > m->len)
            continue;
        int up = !strncmp(m->text + p, *z, n), low = 1;
        for (q = 0; q < n && low; q++)
            low = m->text[p + q] == ((*z)[q] | 32);
        if (low && (!strcmp(*z, "EST") || !strcmp(*z, "ET")))
            low = 0;
        q = p + n;
        if ((up || low) &&
            (q == m->len || !(((m->text[q] | 32) >= 'a' && (m->text[q] | 32) <= 'z'))))
            return 1;
    }
    for (const char *const *w = CLOCK; *w; w++)
        if (raw_phrase(m, p, *w))
            return 1;
    return 0;
}

/* Whether a place's time follows token j: "1000 London time", "1500 New
 * York City time", "0900 Tokyo time" (one to three capitalised words, then
 * "time", then no noun: "at 1000 Grand Prix time trials" is none). */
static int place_time_after(const M *m, int j)
{
    size_t p = m->t[j].e;
    while (p < m->len && (m->text[p] == ' ' || m->text[p] == '\t'))
        p++;
    for (int words = 0; words < 3; words++) {
        if (p >= m->len || m->text[p] < 'A' || m->text[p] > 'Z')
            return 0;
        size_t q = p + 1;
        while (q < m->len &&
               ((unsigned char)m->text[q] >= 0x80 || (m->text[q] >= 'a' && m->text[q] <= 'z')))
            q++;
        if (q == p + 1 || q >= m->len || m->text[q] != ' ')
            return 0;
        p = q + 1;
        if (raw_phrase(m, p, "time")) {
            /* not a noun after it: "the 1000 Grand Prix time trials" */
            size_t e = p + 4, ws;
            while (e < m->len && m->text[e] == ' ')
                e++;
            ws = e;
            while (e < m->len && m->text[e] >= 'a' && m->text[e] <= 'z')
                e++;
            static const char *const NEXT[] = {"on",  "in",  "at",   "and",  "or", "to",
                                               "the", "for", "with", "when", NULL};
            return e == ws || raw_word_in(m, ws, e, NEXT);
        }
    }
    return 0;
}

/* A four-digit number that reads as a 24-hour clock time: 0000-2359. */
static int hhmm(const M *m, int j)
{
    return isnum(m, j) && plainnum(m, j) && m->t[j].nd == 4 && m->t[j].num / 100 <= 23 &&
           m->t[j].num % 100 < 60;
}

/* A four-digit number that is a time of day, not a year: a valid clock
 * value followed by a zone or clock word ("1040 GMT", "1600 hrs EST",
 * "1330 local time"), by "hours" after a clock preposition ("at 1500
 * hours", not "worked 1500 hours"), or after "at" with nothing but
 * punctuation or a day word after it ("at 1130.", "At 1044, pdt", "at
 * 1100 on Monday"; not "at 2015 prices"). */
static int clock_number(const M *m, int j)
{
    if (!hhmm(m, j))
        return 0;
    if (clock_word_after(m, j))
        return 1;
    if ((kw(m, j + 1, K_TO) || kw(m, j + 1, K_AND)) && hhmm(m, j + 2) && clock_word_after(m, j + 2))
        return 1; /* "from 1800 to 2100 local time", "between 1000 and 1030 EST" */
    size_t ws, we = raw_prev_word(m, j, &ws);
    static const char *const AT[] = {"at", "by", "before", "after", "until", "till", "from", NULL};
    if (we == ws || !raw_word_in(m, ws, we, AT))
        return 0;
    if ((has(m, j + 1, C_UNITPL) && val(m, j + 1, C_UNITPL) == U_HOUR) || place_time_after(m, j))
        return 1; /* "at 1500 hours", "by 1000 London time" */
    if (we - ws != 2 || (m->text[ws] | 32) != 'a')
        return 0; /* only "at" makes a bare number a time ("by 2030" is a year) */
    if (j + 1 < m->n && m->t[j + 1].s >= m->t[j].e)
        return kw(m, j + 1, K_ON) || kw(m, j + 1, K_AND) || kw(m, j + 1, K_TO) ||
               has(m, j + 1, C_DEICT) || has(m, j + 1, C_WDAY) ||
               (m->t[j + 1].kind == TK_PUNCT && m->t[j + 1].ch != '-' && m->t[j + 1].ch != '/');
    return !letter_follows(m, j);
}

/* A number after a word that compares or rounds a quantity is a count, not
 * a year, whatever its value: "plus de 2000 personnes", "près de 1300
 * morts", "más de 1000 muertos", "au moins 2000", "unos 1500", "più di
 * 1200", "oltre 2000", "circa 2000", "mais de 2000", "més de 1500", "peste 2000",
 * "more than 2000". */
static int counted_number(const M *m, int j)
{
    static const char *const ONE[] = {"environ",
                                      "quelque",
                                      "presque",
                                      "approximativement",
                                      "unos",
                                      "unas",
                                      "casi",
                                      "aproximadamente",
                                      "quasi",
                                      "quase",
                                      "aproape",
                                      "peste",
                                      "gaireb\xc3\xa9",
                                      "almeno",
                                      "nearly",
                                      "almost",
                                      NULL};
    /* the first word of a pair whose second is "de", "di", "than", "moins"... */
    static const char *const DE[] = {"plus",  "moins",        "pr\xc3\xa8s",  "m\xc3\xa1s",
                                     "menos", "cerca",        "mais",         "m\xc3\xa9s",
                                     "menys", "prop",         "pi\xc3\xb9",   "meno",
                                     "mult",  "pu\xc8\x9bin", "pu\xc5\xa3in", NULL};
    static const char *const OF[] = {"de", "di", NULL};
    static const char *const LEAST[] = {"moins",        "menos",        "least",
                                        "pu\xc8\x9bin", "pu\xc5\xa3in", NULL};
    static const char *const AT[] = {"au", "al", "pelo", "at", "cel", NULL};
    static const char *const THAN[] = {"than", NULL};
    static const char *const CMP[] = {"more", "less", "fewer", NULL};
    /* Italian only: "circa 1850" is a year in English */
    static const char *const ONE_IT[] = {"oltre", "circa", "ben", "sui", "sulle", NULL};
    size_t ws, we = raw_prev_word(m, j, &ws), ws2, we2;
    if (we == ws)
        return 0;
    if (raw_word_in(m, ws, we, ONE) || (m->lang == TL_IT && raw_word_in(m, ws, we, ONE_IT)))
        return 1;
    we2 = raw_word_before(m, ws, &ws2);
    if (we2 == ws2)
        return 0;
    if (raw_word_in(m, ws, we, OF) && raw_word_in(m, ws2, we2, DE))
        return 1; /* "plus de", "más de", "più di", "mai mult de" */
    if (raw_word_in(m, ws, we, LEAST) && raw_word_in(m, ws2, we2, AT))
        return 1; /* "au moins", "al menos", "pelo menos", "at least", "cel puțin" */
    if (raw_word_in(m, ws, we, THAN) && raw_word_in(m, ws2, we2, CMP))
        return 1;
    return 0;
}

/* ---- numbers that are no years: addresses, counts, model codes ---------- */

/* Whether the raw word at ws..we is capitalised (a name, "Eighth", "N.") or
 * an ordinal in figures ("5th", "42nd"). */
static int name_or_ordinal(const M *m, size_t ws, size_t we)
{
    if (we == ws)
        return 0;
    if (m->text[ws] >= 'A' && m->text[ws] <= 'Z')
        return 1;
    size_t q = ws;
    while (q < we && m->text[q] >= '0' && m->text[q] <= '9')
        q++;
    return q > ws && we - q == 2 && ((m->text[q] | 32) >= 'a' && (m->text[q] | 32) <= 'z');
}

/* The raw word (letters, digits, UTF-8) starting at or after byte p, blanks
 * skipped; *s..*e, empty when punctuation comes first. */
static void raw_token_at(const M *m, size_t p, size_t *s, size_t *e)
{
    while (p < m->len && (m->text[p] == ' ' || m->text[p] == '\t'))
        p++;
    *s = p;
    while (p < m->len &&
           ((((unsigned char)m->text[p] | 32) >= 'a' && ((unsigned char)m->text[p] | 32) <= 'z') ||
            (m->text[p] >= '0' && m->text[p] <= '9') || (unsigned char)m->text[p] >= 0x80))
        p++;
    *e = p;
}

/* Articles and possessives that make the number after them a year ("the
 * 2020 elections", "its 1986 sales"). */
static const char *const NUM_DET[] = {
    "the",   "a",   "an",  "its", "their", "his",   "her", "our",  "this", "that", "these",
    "those", "le",  "la",  "les", "el",    "los",   "las", "il",   "lo",   "gli",  "o",
    "os",    "der", "die", "das", "ses",   "leurs", "sus", "suoi", "seus", NULL};

/* A house number: the number, one to three capitalised words (or an
 * ordinal) and a street word, as English writes addresses ("of 1119
 * Eighth St.", "1909 Jolinda Drive", "behind 2134 Caldwell Place"), or a
 * street word, its name and the number, as Romance languages write them
 * ("Avenida Corrientes 1540", "Rua Augusta, 1508", "Calle de Alcalá 1200"). */
static int house_number(const M *m, int j)
{
    static const char *const STREET_EN[] = {
        "St",     "Street", "Ave",     "Avenue",  "Av",    "Road",     "Rd",        "Drive",
        "Dr",     "Place",  "Pl",      "Lane",    "Ln",    "Blvd",     "Boulevard", "Way",
        "Court",  "Ct",     "Terrace", "Parkway", "Pkwy",  "Highway",  "Hwy",       "Circle",
        "Square", "Trail",  "Pike",    "Plaza",   "Alley", "Crescent", NULL};
    static const char *const STREET_PRE[] = {
        "Calle",  "Avenida", "Avda",      "Rua",        "Travessa", "Alameda", "Estrada",
        "Rue",    "Avenue",  "Boulevard", "Via",        "Viale",    "Corso",   "Piazza",
        "Carrer", "Passeig", "Strada",    "Bulevardul", "Calea",    "Soseaua", NULL};
    static const char *const LINK[] = {"de", "del",   "da",  "do", "dos", "das",
                                       "di", "della", "des", "du", NULL};
    size_t p = m->t[j].e, s, e, ws, we = raw_prev_word(m, j, &ws);
    /* after a lower-case word that is no article ("of", "at", "behind") or
     * opening a sentence; not "the 1985 New York Plaza meeting", "(G-5) 1985
     * New York Plaza meeting" */
    int placed =
        (we > ws && m->text[ws] >= 'a' && m->text[ws] <= 'z' && !raw_word_in(m, ws, we, NUM_DET)) ||
        opens_sentence(m, m->t[j].s);
    for (int names = 0; placed && names <= 3; names++) {
        raw_token_at(m, p, &s, &e);
        if (e == s)
            return 0;
        if (names > 0) {
            for (const char *const *w = STREET_EN; *w; w++)
                if (strlen(*w) == e - s && !strncmp(m->text + s, *w, e - s))
                    return 1;
        }
        if (!name_or_ordinal(m, s, e))
            break;
        p = e;
        if (p < m->len && m->text[p] == '.')
            p++; /* "N. Main St." */
    }
    /* Romance: street word, name, optional comma, number */
    p = m->t[j].s;
    while (p > 0 && (m->text[p - 1] == ' ' || m->text[p - 1] == ','))
        p--;
    for (int names = 0; names <= 4; names++) {
        we = raw_word_before(m, p, &ws);
        if (we == ws)
            return 0;
        size_t wn = we - ws - (m->text[we - 1] == '.');
        if (names > 0)
            for (const char *const *w = STREET_PRE; *w; w++)
                if (strlen(*w) == wn && !strncmp(m->text + ws, *w, wn))
                    return 1;
        if (!(m->text[ws] >= 'A' && m->text[ws] <= 'Z') &&
            !(names > 0 && raw_word_in(m, ws, we, LINK)))
            return 0;
        p = ws;
    }
    return 0;
}

/* Units of measure after which a number is a quantity, whatever comes
 * before it ("1080 pixels", "1920 px", "2000 km", "1850 MW"). */
static const char *const MEASURE[] = {"pixels",
                                      "px",
                                      "dpi",
                                      "ppi",
                                      "fps",
                                      "rpm",
                                      "nits",
                                      "mAh",
                                      "Hz",
                                      "kHz",
                                      "MHz",
                                      "GHz",
                                      "mm",
                                      "cm",
                                      "km",
                                      "kms",
                                      "kilometres",
                                      "kilometers",
                                      "kil\xc3\xb3metros",
                                      "kilom\xc3\xa8tres",
                                      "chilometri",
                                      "quil\xc3\xb4metros",
                                      "quil\xc3\xb3metros",
                                      "kilometri",
                                      "metres",
                                      "meters",
                                      "metros",
                                      "metri",
                                      "m\xc3\xa8tres",
                                      "miles",
                                      "feet",
                                      "ft",
                                      "yards",
                                      "inches",
                                      "kg",
                                      "kilos",
                                      "kilograms",
                                      "kilogrammes",
                                      "kilogramos",
                                      "chili",
                                      "grams",
                                      "tonnes",
                                      "tons",
                                      "toneladas",
                                      "tonnellate",
                                      "lbs",
                                      "barrels",
                                      "bpd",
                                      "hectares",
                                      "ettari",
                                      "hect\xc3\xa1reas",
                                      "acres",
                                      "calories",
                                      "kcal",
                                      "watts",
                                      "kW",
                                      "MW",
                                      "GW",
                                      "kWh",
                                      "MWh",
                                      "GB",
                                      "MB",
                                      "TB",
                                      "mph",
                                      "psi",
                                      NULL};

/* Plural nouns of things counted in news, after which a number is a count
 * unless an article, a possessive or a preposition of time makes it a year
 * ("sent 2000 troops", "plus de 1900 manifestants"; not "the 2020
 * candidates", "in 1980 people"). */
static const char *const COUNTED[] = {"people",
                                      "persons",
                                      "personnes",
                                      "personas",
                                      "persone",
                                      "pessoas",
                                      "persoane",
                                      "persones",
                                      "Menschen",
                                      "Personen",
                                      "employees",
                                      "workers",
                                      "jobs",
                                      "troops",
                                      "soldiers",
                                      "officers",
                                      "policemen",
                                      "students",
                                      "children",
                                      "families",
                                      "households",
                                      "homes",
                                      "houses",
                                      "deaths",
                                      "victims",
                                      "refugees",
                                      "migrants",
                                      "protesters",
                                      "demonstrators",
                                      "passengers",
                                      "visitors",
                                      "residents",
                                      "members",
                                      "fans",
                                      "spectators",
                                      "copies",
                                      "units",
                                      "vehicles",
                                      "signatures",
                                      "votes",
                                      "seats",
                                      "points",
                                      "lawsuits",
                                      "complaints",
                                      "arrests",
                                      "patients",
                                      "morts",
                                      "bless\xc3\xa9s",
                                      "manifestants",
                                      "emplois",
                                      "salari\xc3\xa9s",
                                      "habitants",
                                      "soldats",
                                      "policiers",
                                      "victimes",
                                      "r\xc3\xa9"
                                      "fugi\xc3\xa9s",
                                      "voix",
                                      "si\xc3\xa8ges",
                                      "muertos",
                                      "heridos",
                                      "manifestantes",
                                      "empleos",
                                      "trabajadores",
                                      "habitantes",
                                      "soldados",
                                      "v\xc3\xad"
                                      "ctimas",
                                      "refugiados",
                                      "votos",
                                      "esca\xc3\xb1os",
                                      "puntos",
                                      "morti",
                                      "feriti",
                                      "manifestanti",
                                      "lavoratori",
                                      "dipendenti",
                                      "abitanti",
                                      "soldati",
                                      "vittime",
                                      "profughi",
                                      "migranti",
                                      "voti",
                                      "seggi",
                                      "punti",
                                      "mortos",
                                      "feridos",
                                      "empregos",
                                      "trabalhadores",
                                      "v\xc3\xad"
                                      "timas",
                                      "pontos",
                                      "mor\xc8\x9bi",
                                      "mor\xc5\xa3i",
                                      "Tote",
                                      "Soldaten",
                                      "Stimmen",
                                      "Punkte",
                                      NULL};

/* Words before a number that leave it a count before a counted noun
 * though they introduce years too ("a crowd of 2000 people", "about 1700
 * lawsuits", "between 1500 and 2000 troops"). */
static const char *const COUNT_OK[] = {"of",    "de",     "di",   "du",      "des",   "del",
                                       "about", "around", "from", "between", "entre", "tra",
                                       "fra",   "some",   "over", "nearly",  NULL};

/* Whether the number token j follows a word of time, directly or with
 * "of" between ("early 2011", "the end of 2012", "el verano de 2011", "a
 * finales de 2011"): it is a year whatever noun comes after it. */
static int time_word_before(const M *m, int j)
{
    int k = j - 1;
    if (kw(m, k, K_OF))
        k--;
    return has(m, k, C_MOD) || has(m, k, C_SEASON) || has(m, k, C_MONTH);
}

/* Whether number token j after "from" before the counted noun ending at
 * byte e is a count: "to" comes within six words ("grew from 1800 workers
 * to nearly 2400", "from 1900 students last year to 2400"), or the number
 * is no year near the reference ("From 1800 workers, the plant grew").
 * "From 2003 troops were stationed" is a year. */
static int count_from(const M *m, int j, size_t e)
{
    size_t p = e;
    for (int k = 0; k < 6; k++) {
        while (
            p < m->len &&
            !(((unsigned char)m->text[p] | 32) >= 'a' && ((unsigned char)m->text[p] | 32) <= 'z') &&
            m->text[p] != '.' && m->text[p] != ';')
            p++;
        size_t s2, e2;
        next_raw_word(m, p, &s2, &e2);
        if (e2 == s2)
            break;
        if (e2 - s2 == 2 && !strncasecmp(m->text + s2, "to", 2))
            return 1;
        p = e2;
    }
    long y = (long)m->t[j].num;
    return m->hasref && (y < m->ry - 60 || y > m->ry + 5);
}

/* Whether a number is a quantity by the word after it: a unit of measure,
 * or a counted noun without an article, possessive or preposition of time
 * before the number, nor a word of time. The second of two numbers joined
 * by "and" or "or" is read as the first ("in 2010 and 2011 protesters"
 * are years, "between 1500 and 2000 troops" a count). */
static int quantity_after(const M *m, int j)
{
    size_t s, e;
    next_raw_word(m, m->t[j].e, &s, &e);
    if (e == s || (e < m->len && m->text[e] >= '0' && m->text[e] <= '9'))
        return 0;
    if (e - s >= 2 && raw_word_in(m, s, e, MEASURE))
        return 1;
    if (!raw_word_in(m, s, e, COUNTED) || time_word_before(m, j))
        return 0;
    if ((kw(m, j - 1, K_AND) || kw(m, j - 1, K_Y)) && isnum(m, j - 2) && m->t[j - 2].nd == 4) {
        if (time_word_before(m, j - 2))
            return 0;
        j -= 2;
    }
    size_t ws, we = raw_prev_word(m, j, &ws);
    if (we - ws == 4 && !strncasecmp(m->text + ws, "from", 4))
        return count_from(m, j, e); /* "From 2003 troops were stationed" */
    if (we == ws || raw_word_in(m, ws, we, COUNT_OK))
        return 1;
    return !raw_word_in(m, ws, we, NUM_DET) && !raw_word_in(m, ws, we, YEAR_CUE);
}

/* Whether a number is the value of a quantity named before it with an
 * indefinite article: "a total score of 2072", "a resolution of 1080",
 * "un total de 1500", "una media di 1900", "an average of 1950". */
static int quantity_of(const M *m, int j)
{
    static const char *const QTY[] = {"total",
                                      "totale",
                                      "score",
                                      "average",
                                      "resolution",
                                      "r\xc3\xa9solution",
                                      "resoluci\xc3\xb3n",
                                      "risoluzione",
                                      "population",
                                      "sum",
                                      "promedio",
                                      "moyenne",
                                      "media",
                                      "m\xc3\xa9"
                                      "dia",
                                      "punteggio",
                                      "puntuaci\xc3\xb3n",
                                      NULL};
    static const char *const OF[] = {"of", "de", "di", "du", NULL};
    static const char *const A[] = {"a", "an", "un", "une", "una", "um", "uma", NULL};
    size_t ws, we = raw_prev_word(m, j, &ws), ws2, we2;
    if (we == ws || !raw_word_in(m, ws, we, OF))
        return 0;
    we2 = raw_word_before(m, ws, &ws2);
    if (we2 == ws2 || !raw_word_in(m, ws2, we2, QTY))
        return 0;
    for (int back = 0; back < 2; back++) { /* "a score of", "a total score of" */
        size_t ws3, we3 = raw_word_before(m, ws2, &ws3);
        if (we3 == ws3)
            return 0;
        if (raw_word_in(m, ws3, we3, A))
            return 1;
        ws2 = ws3;
    }
    return 0;
}

/* A model number: glued to letters ("AC1900", "1900R"; not "FY2020", a
 * fiscal year), or after a code in capitals ("RTX 2060", "NGC 2070") when
 * more than ten years from the reference ("CES 2020", "DMEXCO 2018" near it
 * stay years; "AD 1066", a month or a year word in a headline are no codes). */
static int model_number(const M *m, int j, int y)
{
    size_t s = m->t[j].s, e = m->t[j].e;
    if (s > 0 && ((m->text[s - 1] | 32) >= 'a' && (m->text[s - 1] | 32) <= 'z')) {
        size_t ws, we = raw_word_before(m, s, &ws);
        return !(we - ws == 2 && !strncasecmp(m->text + ws, "FY", 2)) &&
               !(j > 0 && m->t[j - 1].e == s && m->t[j - 1].kind == TK_WORD);
    }
    if (e < m->len && ((m->text[e] | 32) >= 'a' && (m->text[e] | 32) <= 'z') &&
        !(j + 1 < m->n && m->t[j + 1].s == e && m->t[j + 1].kind == TK_WORD))
        return 1;
    if (!m->hasref || (y >= m->ry - 10 && y <= m->ry + 10))
        return 0;
    static const char *const ERA[] = {"AD", "BC", "BCE", "CE", NULL};
    size_t ws, we = raw_prev_word(m, j, &ws);
    if (we - ws < 2 || we - ws > 5 || (j > 0 && m->t[j - 1].e == we))
        return 0;
    for (size_t q = ws; q < we; q++)
        if (!(m->text[q] >= 'A' && m->text[q] <= 'Z'))
            return 0;
    if (raw_word_in(m, ws, we, ERA) || raw_word_in(m, ws, we, YEAR_CUE))
        return 0;
    size_t ws2, we2 = raw_word_before(m, ws, &ws2);
    if (we2 > ws2 && m->text[ws2] >= 'A' && m->text[ws2] <= 'Z' && m->text[we2 - 1] >= 'A' &&
        m->text[we2 - 1] <= 'Z')
        return 0; /* a headline in capitals */
    next_raw_word(m, e, &ws2, &we2);
    return !(we2 > ws2 + 1 && m->text[ws2] >= 'A' && m->text[ws2] <= 'Z' &&
             m->text[ws2 + 1] >= 'A' && m->text[ws2 + 1] <= 'Z'); /* "(BASE 1967 EQUALS 100)" */
}

/* A four-digit number that is no year by the words around it: a house
 * number, a quantity, a model number. */
static int thing_number(const M *m, int j, int y)
{
    return house_number(m, j) || quantity_after(m, j) || quantity_of(m, j) || model_number(m, j, y);
}

/* A four-digit year older than 1800 or later than 2100 without a word
 * that introduces a year ("in", "since", "by", "en", "nel", "the year",
 * "c.") or the form of one ("(1452-1519)", "1492-1498"): in news such
 * numbers are clock times ("1100 GMT"), weights ("1050-1350 lb steers"),
 * counts, scores, index levels and house numbers (Reuters-21578: most
 * 1000-1799 values were no years; "a 2182 score", "Erik Jones 2194",
 * "the 2114/PC"); real years that far come with a preposition or inside a
 * date ("by 2150"). */
static int old_year_unmarked(const M *m, int j, int y)
{
    if (y >= 1800 && y <= 2100)
        return 0;
    static const char *const AND[] = {"and", "to", "or", "y",  "et", "e",
                                      "o",   "ou", "a",  "au", "al", NULL};
    size_t ws, we = raw_prev_word(m, j, &ws);
    if (we > ws && raw_word_in(m, ws, we, AND))
        return !(j >= 2 && isnum(m, j - 2) && m->t[j - 2].nd == 4); /* "from 1450 to 1500" */
    if (we > ws && raw_word_in(m, ws, we, YEAR_CUE))
        return 0;
    if (j >= 2 && pu(m, j - 1, '-') && glued(m, j) && isnum(m, j - 2) && m->t[j - 2].nd == 4 &&
        m->t[j - 2].num < (unsigned)y && m->t[j - 2].num + 100 > (unsigned)y)
        return 0; /* the end of "(1452-1519)" */
    if (pu(m, j + 1, '-') && glued(m, j + 1) && isnum(m, j + 2) && glued(m, j + 2) &&
        m->t[j + 2].nd == 4 && m->t[j + 2].num > (unsigned)y && m->t[j + 2].num < (unsigned)y + 100)
        return 0;
    return 1;
}

/* Decades written with the word for years or decade first, as Romance
 * languages do: "gli anni '80", "negli anni Ottanta", "les années 80",
 * "los años 1980", "nos anos 80", "la década de 1980" (not a list of years,
 * "los años 2010 y 2011"). Writes the value (198) to v; returns the index
 * after, or 0. */
static int romance_decade(const M *m, int j, char *v)
{
    int cls = has(m, j, C_UNITPL) && val(m, j, C_UNITPL) == U_YEAR ? C_UNITPL
              : has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_DECADE ? C_UNIT
                                                                   : -1;
    if (cls < 0 || !(m->t[j].lx->lang[cls] & (TL_FR | TL_ES | TL_IT | TL_PT | TL_CA | TL_RO)) ||
        (m->t[j].lx->lang[cls] & TL_EN))
        return 0;
    int k = skip_of_the(m, j + 1), x;
    if (plainnum(m, k) && m->t[k].nd == 2 && m->t[k].num % 10 == 0)
        x = 1900 + (int)m->t[k].num;
    else if (plainnum(m, k) && m->t[k].nd == 4 && m->t[k].num % 10 == 0 && m->t[k].num >= 1000 &&
             m->t[k].num < 2200)
        x = (int)m->t[k].num;
    else if (has(m, k, C_NUMW) && val(m, k, C_NUMW) >= 10 && val(m, k, C_NUMW) <= 90 &&
             val(m, k, C_NUMW) % 10 == 0 && !has(m, k + 1, C_NUMW))
        x = 1900 + val(m, k, C_NUMW);
    else if (has(m, k, C_NUMW) && val(m, k, C_NUMW) == 2000 && m->t[k].cap &&
             !has(m, k + 1, C_NUMW))
        x = 2000; /* "gli anni Duemila" */
    else
        return 0;
    if ((kw(m, k + 1, K_AND) || kw(m, k + 1, K_Y) || pu(m, k + 1, '-') || pu(m, k + 1, ',')) &&
        isnum(m, k + 2))
        return 0;
    if (has(m, k + 1, C_UNIT) || has(m, k + 1, C_UNITPL))
        return 0;
    snprintf(v, 48, "%03d", x / 10);
    return k + 1;
}

/* A year written "'69" after a preposition that dates it ("dal '69", "nel
 * '68", "il '68", "in '69", "desde el '82"). */
static int elided_year(const M *m, int j)
{
    static const char *const BEFORE[] = {"nel", "dal", "del", "il", "sul",   "fin",    "in",
                                         "en",  "em",  "no",  "do", "desde", "depuis", "since",
                                         "el",  "of",  "de",  "du", "le",    "o",      NULL};
    size_t ws, we = raw_word_before(m, m->t[j].s, &ws), q = m->t[j + 1].e;
    if (q < m->len &&
        (m->text[q] == '\'' || (q + 2 < m->len && !memcmp(m->text + q, "\xe2\x80\x99", 3))))
        return 0; /* "le '10'": a quoted figure */
    size_t ns, ne;
    next_raw_word(m, q, &ns, &ne);
    static const char *const OF[] = {"del", "de", "della", "dei", "of", NULL};
    if (ne > ns && raw_word_in(m, ns, ne, OF))
        return 0; /* "el '89 del partido", "il '15 del Milan": a minute, a player */
    return we > ws && raw_word_in(m, ws, we, BEFORE);
}

/* Years, decades, ranges of years: "1998", "fiscal 1990", "1990s" ("1990's"), "the
 * '90s", "2010-2015", "the 1980s", "the nineties", "nineteen ninety-six",
 * "anni '80" (romance_decade). */
static int pat_year(M *m, int i, R *r)
{
    int j = i, y, fiscal = 0, the = 0, k0;
    if (kw(m, j, K_THE)) {
        the = 1;
        j++;
    }
    if (kw(m, j, K_FISCAL)) {
        fiscal = 1;
        j++;
    }
    if (has(m, j, C_DECW)) {
        if (!the)
            return 0;
        snprintf(r->v, 48, "19%d", val(m, j, C_DECW));
        r->end = j + 1;
        return j + 1;
    }
    if ((k0 = romance_decade(m, j, r->v)) != 0) {
        int x2;
        if ((kw(m, k0, K_AND) || kw(m, k0, K_Y)) && has(m, k0 + 1, C_NUMW) &&
            (x2 = val(m, k0 + 1, C_NUMW)) >= 10 && x2 <= 90 && x2 % 10 == 0 &&
            !has(m, k0 + 2, C_NUMW) && !has(m, k0 + 2, C_UNIT) && !has(m, k0 + 2, C_UNITPL) &&
            r->v[0] == '1' && r->v[1] == '9' && x2 / 10 > r->v[2] - '0') {
            /* "gli anni Ottanta e Novanta", "los años ochenta y noventa": both */
            snprintf(r->ev, 48, "19%d", x2 / 10);
            r->flags |= CHR_TIMEX_RANGE;
            k0 += 2;
        }
        r->end = k0;
        return k0;
    }
    /* nineteen ninety-six */
    int yy, k = p_spelled_year(m, j, &yy);
    if (k) {
        fmt_y(r->v, yy);
        r->y = yy;
        r->gran = 'Y';
        r->first = j;
        r->end = k;
        return k;
    }
    /* '90s */
    if (pu(m, j, '\'') && isnum(m, j + 1) && glued(m, j + 1) && m->t[j + 1].nd == 2 &&
        kw(m, j + 2, K_S) && glued(m, j + 2) && m->t[j + 1].num % 10 == 0) {
        int x = (int)m->t[j + 1].num;
        snprintf(r->v, 48, "%d", (x < 30 ? 200 : 190) + x / 10);
        r->end = j + 3;
        return j + 3;
    }
    k = 0;
    /* "1990s", "the 1990's", "early 1990's" ("2020's pandemic" is the year's) */
    int dec_s = 0;
    if (kw(m, j + 1, K_S) && glued(m, j + 1))
        dec_s = j + 2;
    else if (pu(m, j + 1, '\'') && glued(m, j + 1) && kw(m, j + 2, K_S) && glued(m, j + 2) &&
             (the || (i > 0 && has(m, i - 1, C_MOD))))
        dec_s = j + 3;
    if (isnum(m, j) && m->t[j].nd == 4 && dec_s && m->t[j].num % 10 == 0 && m->t[j].num >= 1000 &&
        m->t[j].num < 2200) {
        snprintf(r->v, 48, "%03u", m->t[j].num / 10);
        r->end = dec_s;
        if (!the)
            r->first = j;
        return dec_s;
    }
    if (!(k = p_year(m, j, &y)))
        return 0;
    if (pu(m, j, '\'') && !elided_year(m, j))
        return 0; /* "'98" alone is too ambiguous */
    if (m->t[j].nd == 4 &&
        (clock_number(m, j) || clock_word_after(m, j) || numbered_thing(m, j) ||
         old_year_unmarked(m, j, y) || counted_number(m, j) || thing_number(m, j, y)))
        return 0; /* "1040 GMT", "at 1130", "flight 1549", "Mirage 2000", "sold 1200",
                   * "plus de 2000", "1119 Eighth St.", "1080 pixels", "RTX 2060" */
    if (the && !fiscal)
        return 0;
    r->first = fiscal ? (the ? i + 1 : i) : j;
    if (fiscal && the)
        r->first = i;
    /* a number followed by a unit is a count, not a year */
    if (has(m, k, C_UNIT) || has(m, k, C_UNITPL))
        return 0;
    fmt_y(r->v, y);
    r->y = y;
    r->gran = 'Y';
    /* 2010-2015, 2023-24 */
    if (pu(m, k, '-') && isnum(m, k + 1) && glued(m, k + 1) && !glued(m, k + 2)) {
        int y2 = 0;
        if (m->t[k + 1].nd == 4)
            y2 = (int)m->t[k + 1].num;
        else if (m->t[k + 1].nd == 2)
            y2 = y / 100 * 100 + (int)m->t[k + 1].num;
        if (y2 > y && y2 < y + 100) {
            fmt_y(r->ev, y2);
            r->flags |= CHR_TIMEX_RANGE;
            k += 2;
        }
    }
    r->end = k;
    return k;
}

/* A Romance noun of a half: "la seconda metà", "a segunda metade", "la
 * primera mitad", "la première moitié". */
static int half_word(const M *m, int k)
{
    static const char *const W[] = {"met\xc3\xa0", "metade", "mitad", "moiti\xc3\xa9", NULL};
    return k < m->n && word_in(m->text + m->t[k].s, m->t[k].e - m->t[k].s, W);
}

/* "this year" at token k ("quest'anno", "este año", "cette année"): the
 * index after it, or 0 (or 0 without a reference). */
static int this_year_at(const M *m, int k)
{
    if (!m->hasref || !has(m, k, C_REL) || val(m, k, C_REL) != R_THIS)
        return 0;
    k++;
    if (pu(m, k, '\'') && glued(m, k))
        k++;
    return has(m, k, C_UNIT) && val(m, k, C_UNIT) == U_YEAR ? k + 1 : 0;
}

static int en_outlook_before(const M *m, int i);

/* Whether a modal follows within four words after token j ("second-half
 * sales would improve"). */
static int en_modal_after(const M *m, int j)
{
    static const char *const MOD[] = {"would", "will", "should", "could", "might", NULL};
    size_t p = j > 0 ? m->t[j - 1].e : 0;
    for (int k = 0; k < 4; k++) {
        size_t ws, we;
        next_raw_word(m, p, &ws, &we);
        if (we <= ws)
            return 0;
        if (raw_word_in(m, ws, we, MOD))
            return 1;
        p = we;
    }
    return 0;
}

/* Whether the sentence around byte p tells of a game ("with 2:35 left in
 * the fourth quarter", "a touchdown in the second half"; not "demand
 * rebounds in the second half", "six weeks left in the holiday season"):
 * its quarters and halves are the game's, no dates. */
static int game_sentence(const M *m, size_t p)
{
    static const char *const CUES[] = {"touchdown",  "field goal",       "halftime",
                                       "half-time",  "interception",     "quarterback",
                                       "free throw", " to play in the ", NULL};
    size_t a = p, b = p;
    while (a > 0 && p - a < 400 && !strchr(".!?\n", m->text[a - 1]))
        a--;
    while (b < m->len && b - p < 400 && !strchr(".!?\n", m->text[b]))
        b++;
    for (const char *const *c = CUES; *c; c++) {
        size_t n = strlen(*c);
        for (size_t q = a; q + n <= b; q++)
            if (strncasecmp(m->text + q, *c, n) == 0)
                return 1;
    }
    /* a game's clock: "with 2:35 left", "8:12 remaining" */
    for (size_t q = a; q + 5 < b; q++)
        if (m->text[q] >= '0' && m->text[q] <= '9' && m->text[q + 1] == ':' &&
            m->text[q + 2] >= '0' && m->text[q + 2] <= '9' && m->text[q + 3] >= '0' &&
            m->text[q + 3] <= '9' && m->text[q + 4] == ' ' &&
            (strncasecmp(m->text + q + 5, "left", 4) == 0 ||
             strncasecmp(m->text + q + 5, "remaining", 9) == 0))
            return 1;
    return 0;
}

/* 1 when token k is an apostrophe glued to the word before ("l'", "dell'"). */
static int apostrophe(const M *m, int k)
{
    return pu(m, k, '\'') && glued(m, k);
}

/* An ordinal of a quarter in digits: "1º trimestre", "3° trimestre". */
static int digit_ord(const M *m, int j)
{
    return isnum(m, j) && m->t[j].nd == 1 && m->t[j].num >= 1 && m->t[j].num <= 4 &&
           kw(m, j + 1, K_ORDSUF) && glued(m, j + 1) && (m->t[j + 1].lx->lang[C_KW] & ~TL_EN);
}

/* The feminine "first" before a half ("la prima metà", "la primera
 * mitad", "a primeira metade"), which is no ordinal elsewhere (Italian
 * "prima" is "before"; "la primera de abril" is a week's). */
static int first_half(const M *m, int j)
{
    static const char *const W[] = {"prima", "Prima", NULL}; /* (K_PREVD elsewhere) */
    return j < m->n &&
           (kw(m, j, K_FIRSTF) || word_in(m->text + m->t[j].s, m->t[j].e - m->t[j].s, W)) &&
           half_word(m, j + 1);
}

/* Centuries: "the 19th century", "nineteenth century", "this century". */
/* Whether s[0..n) holds w (ASCII letters in any case). */
static int holds_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (!strncasecmp(s + i, w, k))
            return 1;
    return 0;
}

/* The value of a Roman figure of 1 to 30 in text[s..e), with an
 * ordinal's ending after it ("XIXe", "XIX-lea"); 0 when it is none. */
static int roman_value(const char *t, size_t n)
{
    static const char *const END[] = {"\xc3\xa8me", "\xc3\xa8", "-lea", "-ea",
                                      "\xc2\xba",   "e",        NULL};
    for (const char *const *x = END; *x; x++) {
        size_t k = strlen(*x);
        if (n > k && !memcmp(t + n - k, *x, k)) {
            n -= k;
            break;
        }
    }
    int v = 0, prev = 0;
    for (size_t i = n; i-- > 0;) {
        int d = t[i] == 'I' ? 1 : t[i] == 'V' ? 5 : t[i] == 'X' ? 10 : 0;
        if (!d)
            return 0;
        v += d < prev ? -d : d;
        if (d > prev)
            prev = d;
    }
    return n && v <= 30 ? v : 0;
}

/* Whether "before Christ" follows byte p ("antes de Cristo", "a.C.", "av.
 * J.-C.", "avanti Cristo", "î.Hr."): no century of the calendar. */
static int before_christ(const M *m, size_t p)
{
    static const char *const BC[] = {"a.c",         "a. c",         "antes de cristo",
                                     "av. j",       "avant j",      "avanti cristo",
                                     "\xc3\xae.hr", "\xc3\xae. hr", "ac ",
                                     "ac,",         "ac.",          NULL};
    while (p < m->len && m->text[p] == ' ')
        p++;
    if (m->len - p == 2 && (m->text[p] == 'a' || m->text[p] == 'i') && m->text[p + 1] == '.')
        return 1; /* "siglo V a." with "C." cut off as the next sentence */
    for (const char *const *b = BC; *b; b++)
        if (m->len - p >= strlen(*b) && !strncasecmp(m->text + p, *b, strlen(*b)))
            return 1;
    return 0;
}

/* A century in Roman figures beside its word, token j: "XIX secolo",
 * "le XIXe siècle", "el siglo XIX", "o século XIX", "secolul al XIX-lea". */
static int roman_century(const M *m, int j)
{
    if (m->lang & TL_EN)
        return 0; /* English writes "the 19th century"; "the century I think" */
    if (m->t[j].cap && mid_sentence(m, m->t[j].s))
        return 0; /* "Secondo il Secolo XIX": a newspaper */
    size_t ws, we = raw_word_before(m, m->t[j].s, &ws), end = m->t[j].e;
    int n = we > ws ? roman_value(m->text + ws, we - ws) : 0;
    if (!n) {
        next_raw_word(m, m->t[j].e, &ws, &we);
        if (we > ws && word_eq(m->text + ws, we - ws, "al"))
            next_raw_word(m, we, &ws, &we);
        /* the word runs on over "-lea" */
        while (we < m->len && (m->text[we] == '-' || (m->text[we] >= 'a' && m->text[we] <= 'z')))
            we++;
        n = we > ws ? roman_value(m->text + ws, we - ws) : 0;
        end = we;
    }
    return n && !before_christ(m, end) ? n : 0;
}

/* An Italian century by its hundreds, capitalised, token j: "il
 * Novecento", "nel tardo Ottocento", "a fine Settecento" (the 20th, 19th
 * and 18th centuries); not a number ("novecento persone") nor the car
 * ("la Fiat Cinquecento"): an article, preposition or part of the period
 * stands before it. Returns the century's ordinal or 0. */
static int it_century_name(const M *m, int j)
{
    static const char *const BEFORE[] = {
        "il",    "nel",  "del",    "dal",         "al",    "sul",    "tardo",   "primo",
        "pieno", "fine", "inizio", "met\xc3\xa0", "primi", "ultimi", "secondo", NULL};
    if (m->lang != TL_IT || !has(m, j, C_NUMW) || !m->t[j].cap)
        return 0;
    int v = val(m, j, C_NUMW);
    if (v < 200 || v > 900 || v % 100 || isnum(m, j + 1) || has(m, j + 1, C_NUMW))
        return 0;
    size_t ws, we = raw_word_before(m, m->t[j].s, &ws);
    return we > ws && raw_word_in(m, ws, we, BEFORE) ? v / 100 + 11 : 0;
}

static int pat_century(M *m, int i, R *r)
{
    int j = i, n = 0;
    if (kw(m, j, K_THE))
        j++;
    if ((n = it_century_name(m, j)) != 0) {
        snprintf(r->v, 48, "%02d", n - 1);
        r->end = j + 1;
        return j + 1;
    }
    if (plainnum(m, j) && m->t[j].nd <= 2 && kw(m, j + 1, K_ORDSUF)) {
        n = (int)m->t[j].num;
        j += 2;
    } else if (has(m, j, C_ORDW)) {
        n = val(m, j, C_ORDW);
        j++;
    } else if (has(m, j, C_NUMW) && val(m, j, C_NUMW) == 20 && pu(m, j + 1, '-') &&
               has(m, j + 2, C_ORDW)) {
        n = 20 + val(m, j + 2, C_ORDW);
        j += 3;
    } else if (has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_CENTURY &&
               (n = roman_century(m, j)) != 0) {
        snprintf(r->v, 48, "%02d", n - 1);
        r->end = j + 1;
        return j + 1;
    } else {
        return 0;
    }
    if (pu(m, j, '-'))
        j++;
    if (!(has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_CENTURY) || n < 1 || n > 30)
        return 0;
    snprintf(r->v, 48, "%02d", n - 1);
    r->end = j + 1;
    return j + 1;
}

/* Romanian writes a quarter's or half's ordinal after it too
 * ("trimestrul al treilea", "semestrul întâi"): the ordinal's value in
 * *o and the token after it, or 0. */
static int ro_ord_after(const M *m, int j, int *o)
{
    if (m->lang != TL_RO || !has(m, j, C_UNIT) ||
        (val(m, j, C_UNIT) != U_QUARTER && val(m, j, C_UNIT) != U_HALF))
        return 0;
    int k = kw(m, j + 1, K_OF) ? j + 2 : j + 1;
    if (!has(m, k, C_ORDW) || val(m, k, C_ORDW) > 4) {
        /* in Roman figures: "trimestrul IV", "semestrul I" */
        static const char *const ROMAN[] = {"I", "II", "III", "IV", NULL};
        size_t ws, we;
        next_raw_word(m, m->t[j].e, &ws, &we);
        for (int r = 0; ROMAN[r] && we > ws; r++)
            if (word_eq(m->text + ws, we - ws, ROMAN[r]) &&
                (r < 2 || val(m, j, C_UNIT) == U_QUARTER)) {
                *o = r + 1;
                return j + 1;
            }
        return 0;
    }
    *o = val(m, k, C_ORDW);
    return k + 1;
}

/* "(fiscal) 1986" at token j: "the last quarter of 1986" is its fourth
 * ("the last quarter of a century", "latest quarter of 12.2 mln" are none). */
static int last_quarter_of_year(const M *m, int j)
{
    int y;
    if (kw(m, j, K_FISCAL))
        j++;
    return p_year(m, j, &y) != 0;
}

/* Quarters and halves: "the third quarter", "third-quarter", "the fiscal
 * first quarter", "the 1988 third quarter", "the third quarter of 1990",
 * "this year's third quarter", "Q3 2024", "the first half", "the quarter",
 * "the year-earlier quarter", "the latest quarter". */
static int pat_quarter(M *m, int i, R *r)
{
    int j = i, y = 0, q = 0, half = 0, yearago = 0, dyr = 99, ro_post = 0, ro_o = 0;
    int noun_half = 0, of_year = 0; /* "la segunda mitad" (of a match?), "... del año" */
    if (kw(m, j, K_THE))
        j++;
    /* this year's / next year's / last year's */
    if (has(m, j, C_REL) && has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_YEAR &&
        pu(m, j + 2, '\'') && kw(m, j + 3, K_S)) {
        int rr = val(m, j, C_REL);
        dyr = (rr == R_LAST || rr == R_PAST) ? -1 : (rr == R_NEXT) ? 1 : 0;
        j += 4;
    }
    if (has(m, j, C_REL)) {
        int rr = val(m, j, C_REL);
        if (rr == R_LAST || rr == R_CURRENT || rr == R_SAME || rr == R_THIS || rr == R_NEXT ||
            rr == R_PAST) {
            /* "the latest period" of an earnings report is its quarter */
            int period = kw(m, j + 1, K_PERIOD) && rr == R_LAST && kw(m, i, K_THE) &&
                         m->t[j].e - m->t[j].s == 6;
            if (((has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_QUARTER) || period) &&
                !(kw(m, j + 2, K_OF)) && kw(m, i, K_THE) == (rr != R_THIS && rr != R_NEXT)) {
                /* the latest quarter / the current quarter / this quarter */
                int base_y = m->ry, base_q = (m->rm - 1) / 3 + 1;
                if (rr == R_LAST || rr == R_PAST) {
                    if (m->agran == 'Q') {
                        base_y = m->ay;
                        base_q = m->aq;
                    } else if (--base_q == 0) {
                        base_q = 4;
                        base_y--;
                    }
                    if (!kw(m, i, K_THE) && rr == R_LAST && m->agran != 'Q') {
                        /* "last quarter" */
                    }
                } else if (rr == R_NEXT) {
                    if (++base_q == 5) {
                        base_q = 1;
                        base_y++;
                    }
                }
                if (!m->hasref)
                    return 0;
                snprintf(r->v, 48, "%04d-Q%d", base_y, base_q);
                r->y = base_y;
                r->q = base_q;
                r->gran = 'Q';
                r->end = j + 2;
                return j + 2;
            }
        }
    }
    if (kw(m, j, K_YEAREARLIER)) {
        yearago = 1;
        j++;
    }
    if (kw(m, j, K_FISCAL))
        j++;
    int k;
    if ((k = p_year(m, j, &y)) != 0 && kw(m, i, K_THE))
        j = k;
    else
        y = 0;
    if (kw(m, j, K_FISCAL))
        j++;
    if (pu(m, j, '-') && kw(m, j - 1, K_FISCAL))
        j++;
    if (kw(m, j, K_Q) && isnum(m, j + 1) && glued(m, j + 1) && m->t[j + 1].num >= 1 &&
        m->t[j + 1].num <= 4 && m->t[j + 1].nd == 1 && m->t[j].cap) {
        q = (int)m->t[j + 1].num;
        j += 2;
        int y2;
        int k2 = p_year(m, j, &y2);
        if (k2) {
            y = y2;
            j = k2;
        }
    } else if ((has(m, j, C_ORDW) && val(m, j, C_ORDW) <= 4) || digit_ord(m, j) ||
               first_half(m, j) || (ro_post = ro_ord_after(m, j, &ro_o)) != 0 ||
               (has(m, j, C_REL) && val(m, j, C_REL) == R_LAST &&
                (kw(m, j + 1, K_HALFW) ||
                 (has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_QUARTER &&
                  kw(m, j + 2, K_OF) && last_quarter_of_year(m, j + 3))))) {
        /* "the last half"; "the last quarter of 1986" (of a year: the
         * fourth; "the last quarter" alone is the one just ended, above) */
        int o = ro_post                 ? ro_o
                : digit_ord(m, j)       ? (int)m->t[j].num
                : first_half(m, j)      ? 1
                : has(m, j, C_ORDW)     ? val(m, j, C_ORDW)
                : kw(m, j + 1, K_HALFW) ? 2
                                        : 4;
        int k2 = ro_post ? j : digit_ord(m, j) ? j + 2 : j + 1;
        if (pu(m, k2, '-')) {
            k2++;
            if (kw(m, i, K_THE) && r->first == i)
                r->first = i + 1; /* "the third-quarter results": an adjective */
        }
        if (has(m, k2, C_UNIT) && val(m, k2, C_UNIT) == U_QUARTER) {
            q = o;
            j = k2 + 1;
        } else if ((kw(m, k2, K_HALFW) || (has(m, k2, C_UNIT) && val(m, k2, C_UNIT) == U_HALF) ||
                    half_word(m, k2)) &&
                   o <= 2) {
            half = o; /* "the first half", "el primer semestre" */
            noun_half = half_word(m, k2);
            j = k2 + 1;
        } else {
            return 0;
        }
        if (ro_post)
            j = ro_post;
        int yb;
        int k5 = !(m->lang & TL_EN) ? p_year(m, j, &yb) : 0;
        if (k5) {
            y = yb; /* "au premier trimestre 2010", "nel terzo trimestre 2010" */
            j = k5;
        } else if (kw(m, j, K_OF)) {
            int k3 = j + 1, y2;
            if (kw(m, k3, K_FISCAL))
                k3++;
            int k4 = p_year(m, k3, &y2), ay = 0;
            if (!k4 && (k4 = p_year_rel(m, j, &y2, &ay)) != 0 && !y2)
                k4 = 0; /* "al anului viitor", "del año pasado", "of that year" */
            if (k4) {
                r->anchored |= ay;
                y = y2;
                j = k4;
            } else if (kw(m, k3, K_THE) && has(m, k3 + 1 + apostrophe(m, k3 + 1), C_UNIT) &&
                       val(m, k3 + 1 + apostrophe(m, k3 + 1), C_UNIT) == U_YEAR) {
                j = k3 + 2 + apostrophe(m, k3 + 1); /* "of the year", "de l'année" */
                of_year = 1;
            } else if (m->lang == TL_RO && has(m, k3, C_UNIT) && val(m, k3, C_UNIT) == U_YEAR &&
                       (k4 = p_year(m, k3 + 1, &y2)) != 0) {
                y = y2; /* "primul semestru al anului 2012" */
                j = k4;
            } else if (has(m, k3 + apostrophe(m, k3), C_UNIT) &&
                       val(m, k3 + apostrophe(m, k3), C_UNIT) == U_YEAR) {
                j = k3 + 1 + apostrophe(m, k3); /* "do ano", "del año", "dell'anno" */
                of_year = 1;
            } else if ((k4 = this_year_at(m, k3)) != 0) {
                y = m->ry; /* "nel primo trimestre di quest'anno" */
                j = k4;
            }
        } else if (j < m->n && word_eq(m->text + m->t[j].s, m->t[j].e - m->t[j].s, "deste") &&
                   has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_YEAR && m->hasref) {
            y = m->ry; /* "no primeiro trimestre deste ano" */
            j += 2;
        }
        if (noun_half && !y && !of_year)
            return 0; /* a half of what? ("la segunda mitad" of a match) */
    } else if (yearago && (has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_QUARTER)) {
        j++;
    } else if (yearago && kw(m, j, K_PERIOD)) {
        j++;
    } else if (yearago) {
        /* "year-earlier" alone */
        yearago = 2;
    } else if (y && kw(m, i, K_THE) && m->qq && !has(m, j, C_UNITPL) && has(m, j, C_UNIT) &&
               val(m, j, C_UNIT) == U_QUARTER) {
        /* "the 1988 quarter" in a text about a quarter */
        snprintf(r->v, 48, "%04d-Q%d", y, m->qq);
        r->y = y;
        r->q = m->qq;
        r->end = j + 1; /* not an anchor: it names a quarter already mentioned */
        return j + 1;
    } else if (kw(m, i, K_THE) && j == i + 1 && has(m, j, C_UNIT) &&
               val(m, j, C_UNIT) == U_QUARTER && !kw(m, j + 1, K_OF)) {
        /* "the quarter": the one last mentioned */
        if (!m->hasref)
            return 0;
        int by = m->ry, bq = (m->rm - 1) / 3;
        if (bq == 0) {
            bq = 4;
            by--;
        }
        if (m->agran == 'Q') {
            by = m->ay;
            bq = m->aq;
        }
        snprintf(r->v, 48, "%04d-Q%d", by, bq);
        r->y = by;
        r->q = bq;
        r->gran = 'Q';
        r->end = j + 1;
        return j + 1;
    } else {
        return 0;
    }
    if (yearago) {
        if (!m->hasref)
            return 0;
        if (yearago == 2 && !m->lastq && m->qy) {
            /* "year-earlier" after "nine months" or a year: the year */
            fmt_y(r->v, m->ry - 1);
            r->end = j;
            return j;
        }
        int by = m->ry, bq = (m->rm - 1) / 3;
        if (bq == 0) {
            bq = 4;
            by--;
        }
        if (m->agran == 'Q') {
            by = m->ay;
            bq = m->aq;
        }
        if (!q)
            q = bq;
        snprintf(r->v, 48, "%04d-Q%d", by - 1, q);
        r->end = j;
        return j;
    }
    if (!y && dyr == 99 && (m->lang & TL_EN) && game_sentence(m, m->t[i].s))
        return 0; /* a game's quarter or half */
    if (!y) {
        if (dyr != 99)
            y = m->ry + dyr;
        else
            y = m->ry;
        /* "reported a drop for the fourth quarter" said in January: a
         * quarter that has not begun yet, in a past-tense report, is last
         * year's */
        if (dyr == 99 &&
            ((q && 3 * q - 2 > m->rm) ||
             (half && 6 * half - 5 > m->rm &&
              !((m->lang & TL_EN) && (en_outlook_before(m, i) || en_modal_after(m, j))))) &&
            m->hasref && guess_tense(m, m->t[i].s, m->t[j - 1].e) < 0)
            y = m->ry - 1; /* and a half: "la segunda mitad del año había arrimado",
                            * "continued into the second half" (not an English
                            * outlook's: "said it expected a better second half") */
        if (!m->hasref)
            y = 0;
        r->flags |= CHR_TIMEX_RELATIVE;
    }
    if (half) {
        if (y)
            snprintf(r->v, 48, "%04d-H%d", y, half);
        else
            snprintf(r->v, 48, "XXXX-H%d", half);
    } else {
        if (y)
            snprintf(r->v, 48, "%04d-Q%d", y, q);
        else
            snprintf(r->v, 48, "XXXX-Q%d", q);
        r->q = q;
        r->y = y;
        r->gran = y ? 'Q' : 0;
    }
    r->end = j;
    return j;
}

/* "the weekend", "this weekend": told in the past on a weekday (Friday
 * too), the one before. */
static void res_weekend(const M *m, int k, int tense, char *v)
{
    int y = m->ry, mo = m->rm, d = m->rd;
    int rw = chr_weekday(y, mo, d);
    if (k == 0 && tense < 0 && rw <= 5)
        k = -1;
    fmt_unit(v, U_WEEKEND, k, y, mo, d);
}

/* Season of year y (winter: the one starting in December of y). */
static void fmt_season(char *v, int y, int s)
{
    static const char *const nm[] = {"", "SP", "SU", "FA", "WI"};
    if (y)
        snprintf(v, 48, "%04d-%s", y, nm[s]);
    else
        snprintf(v, 48, "XXXX-%s", nm[s]);
}

static int season_of(int mo)
{
    return mo <= 2 || mo == 12 ? S_WI : mo <= 5 ? S_SP : mo <= 8 ? S_SU : S_FA;
}

/* "previous", "prior", "following": relative to the text's last date. */
static int anaphoric_rel(const M *m, int i)
{
    const char *w = m->text + m->t[i].s;
    size_t n = m->t[i].e - m->t[i].s;
    return (n == 8 && !strncmp(w, "previous", 8)) || (n == 5 && !strncmp(w, "prior", 5)) ||
           (n == 9 && !strncmp(w, "following", 9));
}

/* Does the number before j go on ("3/4", "3.500", "14:30", "3 4")? */
static int number_goes_on(M *m, int j)
{
    return isnum(m, j) || pu(m, j, '/') || pu(m, j, ':') || (pu(m, j, '.') && isnum(m, j + 1));
}

/* Day d of the month shift months from the reference's ("el pasado día 11",
 * "no dia 3"): r set to it, ending before token end; 0 when that month has
 * no day d. */
static int day_of_month(M *m, R *r, int d, int shift, int end)
{
    int y = m->ry, mo = m->rm;
    if (shift)
        add_months(&y, &mo, shift);
    if (d > chr_month_days(y, mo))
        return 0;
    set_date(r, y, mo, d);
    r->explicit_day = 1;
    r->flags |= CHR_TIMEX_RELATIVE;
    r->end = end;
    return end;
}

static int p_wday_pl(const M *m, int i, int weak, int *wd);

/* A weekday's day of the month in apposition: "el pasado martes, día
 * 25", "el viernes pasado, 28 de enero", "mardi dernier, le 25 janvier",
 * "terça-feira passada, dia 25 de janeiro". From token j (just after the
 * weekday expression) and the weekday's own resolution *y-*mo-*d, sets the
 * date the number names nearest that day (its weekday wd when more than a
 * week away) and returns the index after it; 0 when nothing follows. A
 * bare number needs "día"/"dia", a month, or an article and a stop after
 * it ("Lundi, 33 personnes" is a count). */
/* Whether the text after token i ends or stops: a punctuation mark or the
 * end of the line (read from the text: the tokens may end at i). */
static int stop_after(const M *m, int i)
{
    size_t p = m->t[i].e;
    while (p < m->len && m->text[p] == ' ')
        p++;
    return p >= m->len || strchr(",.;:)!?\n", m->text[p]) != NULL;
}

/* Whether a small word (a conjunction, preposition or pronoun that no
 * count's noun is) follows token i: "el viernes 2 en la plaza". */
static int small_word_after(const M *m, int i)
{
    static const char *const SMALL[] = {
        "y",    "e",      "et",    "en",     "a",   "\xc3\xa0", "al",   "por",
        "con",  "cuando", "quand", "quando", "que", "che",      "se",   "il",
        "el",   "la",     "les",   "los",    "las", "i",        "le",   "lo",
        "no",   "para",   "pour",  "per",    "em",  "na",       "ante", "tras",
        "dans", "in",     "sur",   "si",     "ci",  "\xc3\xa8", "alle", "\xc3\xa0s"};
    size_t p = m->t[i].e;
    while (p < m->len && m->text[p] == ' ')
        p++;
    for (size_t k = 0; k < sizeof SMALL / sizeof *SMALL; k++) {
        size_t n = strlen(SMALL[k]);
        if (word_after(m, i, SMALL[k]) && (p + n >= m->len || (unsigned char)m->text[p + n] < 0x80))
            return 1;
    }
    return 0;
}

static int wday_apposition(M *m, int j, int wd, int *y, int *mo, int *d, int *anch)
{
    int w = j - 1; /* the weekday's token */
    /* "quinta-feira (17)", the Brazilian way */
    int paren = pu(m, j, '(') && isnum(m, j + 1) && pu(m, j + 2, ')');
    int comma = pu(m, j, ',') || paren;
    if (comma)
        j++;
    int the = kw(m, j, K_THE), u = 0, pl = 0, dd, mo2 = 0, y2 = 0;
    if (the)
        j++;
    int k = p_unit(m, j, &u, &pl);
    int dayword = k && u == U_DAY && !pl;
    /* a bare number right after a Romance weekday: "el viernes 2 terminó",
     * "vendredi 2, les manifestants", when a stop or a small word follows
     * ("el viernes 2 personas" is a count) and the day is that weekday */
    int romance = (m->lang & (TL_ES | TL_FR | TL_IT | TL_PT)) || m->lang == TL_CA_ALL;
    int bare = !dayword && !the && romance &&
               (!comma || paren || (isnum(m, j) && stop_after(m, j) && !pu(m, j + 1, ',')));
    if (dayword)
        j = k;
    else if (!comma && !bare)
        return 0;
    if (!isnum(m, j) || m->t[j].nd > 2 || !(k = p_day(m, j, &dd)) || number_goes_on(m, k))
        return 0;
    if (bare && !paren &&
        (glued(m, j) || (!p_month(m, kw(m, k, K_OF) ? k + 1 : k, &mo2, 0) && !stop_after(m, j) &&
                         !small_word_after(m, j))))
        return 0;
    if (paren)
        k++; /* the closing parenthesis */
    mo2 = 0;
    int km = kw(m, k, K_OF) ? k + 1 : k, k2 = p_month(m, km, &mo2, 0);
    if (k2) {
        k = k2;
        int ky = pu(m, k, ',') ? k + 1 : k;
        if (kw(m, ky, K_OF))
            ky++;
        if ((k2 = p_year(m, ky, &y2)) != 0)
            k = k2;
    } else if (!dayword && !bare && !(the && (pu(m, k, ',') || pu(m, k, '.') || k >= m->n))) {
        return 0;
    }
    long at = chr_days_from_civil(*y, *mo, *d), best = 0, bestd = LONG_MAX;
    for (int step = -1; step <= 1; step++) {
        int cy = y2 ? y2 : *y, cm = mo2 ? mo2 : *mo;
        if (y2 && step)
            continue;
        if (mo2 && !y2)
            cy += step;
        else if (!mo2)
            add_months(&cy, &cm, step);
        if (dd > chr_month_days(cy, cm))
            continue;
        long z = chr_days_from_civil(cy, cm, dd), dist = labs(z - at);
        if ((dist > 7 || (bare && !mo2)) && chr_weekday(cy, cm, dd) != wd)
            continue;
        if (dist < bestd) {
            bestd = dist;
            best = z;
        }
    }
    /* a day without its month more than 45 days from the weekday's reading,
     * or right after a month that heads it ("Marzo 2011 – Venerdì 18" in a
     * chronology told in January 2016): the month the text last named, when
     * that day of it is that weekday (not "nel maggio 2015. Venerdì 8 il
     * governo lo ha sospeso", 17 days back from 25 January 2016) */
    int heads = 0;
    if (w >= 0 && m->nout) {
        size_t le = last_out(m)->end;
        heads = le <= m->t[w].s && m->t[w].s - le <= 8;
        for (size_t p = le; heads && p < m->t[w].s; p++) /* spaces, a dash, a colon */
            heads = strchr(" \t\n:,-", m->text[p]) || (unsigned char)m->text[p] >= 0x80;
    }
    if (anch && !mo2 && (bestd > 45 || heads) && m->agran && m->ay > 0 && m->am > 0 &&
        dd <= chr_month_days(m->ay, m->am) && chr_weekday(m->ay, m->am, dd) == wd) {
        *y = m->ay, *mo = m->am, *d = dd;
        *anch = 1;
        return k;
    }
    if (bestd > 45)
        return 0;
    chr_civil_from_days(best, y, mo, d);
    return k;
}

static const char *part_code(int p);
static int es_morning(const M *m, int k);

/* A Romance part of the day right after "this/next/last" + weekday, from
 * token j: "(ce samedi) soir", "(este sábado) por la noche", "(questo
 * sabato) sera", "(esta) mañana"; the index after it, or 0. */
static int rel_wday_part(const M *m, int j)
{
    int k = j;
    if (kw(m, k, K_IN) && !(m->lang & TL_EN))
        k++; /* "por", "en" */
    if (k > j && kw(m, k, K_THE))
        k++;
    if (has(m, k, C_PART) && val(m, k, C_PART) <= P_NI && !(m->t[k].lx->lang[C_PART] & TL_EN))
        return k + 1;
    if (k > j + 1 && es_morning(m, k))
        return k + 1;
    return 0;
}

/* Whether the expression at token i opens a period ahead of the reference
 * ("in the next day or two", "within the next day", "over the next day"),
 * not a day after an earlier one. */
static int en_period_ahead(const M *m, int i)
{
    static const char *const W[] = {"in", "within", "over", "during", "for", NULL};
    for (const char *const *w = W; *w; w++)
        if (word_before(m, i, *w))
            return 1;
    return 0;
}

/* Whether the clause before token i speaks of a plan or an outlook
 * ("said it planned to hire 500 workers in the next year", "aimed to raise
 * output over the next year", "would"): a period ahead of the statement,
 * not of the date last told. */
static int en_outlook_before(const M *m, int i)
{
    static const char *const W[] = {"would",     "will",   "plan",    "plans",    "planned",
                                    "planning",  "expect", "expects", "expected", "aim",
                                    "aims",      "aimed",  "intend",  "intends",  "intended",
                                    "hope",      "hopes",  "hoped",   "forecast", "forecasts",
                                    "predicted", "going",  NULL};
    return listed_before(m, m->t[i].s, 12, W);
}

/* Whether a month or year back from the date last named ("a year earlier",
 * "the prior year", "a month earlier") is a comparison: in reports it is
 * the period before the one reported on more often than before the date
 * just named ("sales totaled 3,469, down from 3,862 a year earlier" after
 * "February of 1986"), so it does not take CHR_TIMEX_ANCHORED, which would
 * let it replace the reading the sentence alone gives (the pipeline's
 * context pass). */
static int comparison(int dir, int u)
{
    return dir < 0 && (u == U_MONTH || u == U_QUARTER || u == U_YEAR);
}

/* A Romance season after a preposition, tokens i..j ("en primavera", "na
 * primavera", "in autunno", "au printemps"), in lower case (not "la
 * Primavera" of a name), not the Arab Spring nor "el verano del mismo año"
 * (another pattern's). */
static int romance_season(const M *m, int i, int j)
{
    static const char *const ARAB[] = {"\xc3\xa1rabe",  "arabe",  "araba", "arabo",
                                       "\xc3\xa1rabes", "arabes", NULL};
    if (!m->hasref || (m->lang & TL_EN) || !(m->lang & (TL_ES | TL_FR | TL_IT | TL_PT)) || i == 0 ||
        !kw(m, i - 1, K_IN) || m->t[j - 1].cap || kw(m, j, K_OF))
        return 0;
    for (const char *const *w = ARAB; *w; w++)
        if (word_after(m, j - 1, *w))
            return 0;
    return 1;
}

/* Relative expressions built on last/this/next and their Romance, German and
 * Russian forms: "last week", "next month", "this year", "the past year",
 * "la semaine dernière", "el año pasado", "letzte Woche", "в прошлом году",
 * "last March", "next Friday", "el pasado jueves", "this summer". */
static int pat_rel(M *m, int i, R *r)
{
    int j = i, the = 0, rr = 0, post = 0, u, pl;
    if (kw(m, j, K_THE)) {
        the = 1;
        j++;
        if (pu(m, j, '\''))
            j++;
    }
    int thispast = 0, anaph = 0, relt = -1;
    if (has(m, j, C_REL)) {
        rr = val(m, j, C_REL);
        relt = j;
        anaph = the && anaphoric_rel(m, j);
        j++;
        if (pu(m, j, '\'') && glued(m, j)) /* "quest'anno" */
            j++;
        if (rr == R_THAT && has(m, j, C_REL) && val(m, j, C_REL) == R_SAME &&
            (m->t[j].lx->lang[C_REL] & TL_EN))
            j++; /* "that same day" */
        else if ((rr == R_THIS || rr == R_THAT) && kw(m, j, K_SAME)) {
            /* "este mismo lunes", "esta misma semana": this one; "ese mismo
             * día", "quello stesso giorno", "ce même jour": that one */
            if (rr == R_THIS && (m->t[j].lx->lang[C_KW] & (TL_FR | TL_IT)))
                rr = R_THAT;
            j++;
        }
        /* "this past spring" */
        if (rr == R_THIS && has(m, j, C_REL) && val(m, j, C_REL) == R_PAST) {
            rr = R_LAST;
            thispast = 1;
            j++;
        }
        if (kw(m, j, K_FISCAL) && has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_YEAR)
            j++; /* "the current fiscal year" */
    }
    int k;
    int wd = 0, mo = 0, se = 0;
    if ((k = p_unit(m, j, &u, &pl)) != 0 && !pl) {
        if (fr_plural_rel(m, relt))
            return 0; /* "ces derniers mois": "mois" is plural there (pat_dur) */
        j = k;
    } else if (rr == R_THAT && has(m, j, C_DEICT) && val(m, j, C_DEICT) == D_INDAY) {
        static const char *const WORK[] = {"lavorativa", "laboral", NULL};
        static const char *const OF[] = {"de", "di", NULL};
        size_t ws, we, q;
        next_raw_word(m, m->t[j].e, &ws, &we);
        for (q = we; q < m->len && m->text[q] == ' ';)
            q++;
        if (raw_word_in(m, ws, we, WORK) ||
            (raw_word_in(m, ws, we, OF) && q < m->len && isdigit((unsigned char)m->text[q])))
            return 0; /* "esa jornada de 40 horas", "quella giornata lavorativa" */
        u = U_DAY;    /* "esa jornada", "quella giornata": that day */
        j++;
    } else if ((k = p_wday(m, j, &wd)) != 0) {
        j = k;
    } else if (!rr && (k = p_wday_pl(m, j, 0, &wd)) != 0 && has(m, k, C_POSTREL) &&
               (m->t[j].lx->lang[C_WDAYPL] & TL_RO)) {
        j = k; /* Romanian "vinerea viitoare", "sâmbăta trecută" */
    } else if (rr && (k = p_month(m, j, &mo, 0)) != 0 && !isnum(m, k) && !p_year(m, k, &pl)) {
        j = k;
    } else if (has(m, j, C_SEASON)) {
        se = val(m, j, C_SEASON);
        j++;
    } else {
        return 0;
    }
    if (!rr && has(m, j, C_POSTREL)) {
        static const char *const POSS[] = {"leur",  "son", "sa", "notre",
                                           "votre", "mon", "ma", NULL};
        for (const char *const *w = POSS; (m->lang & TL_FR) && *w; w++)
            if (word_before(m, i, *w))
                return 0; /* "leur année passée à la tête du pays": spent there */
        rr = val(m, j, C_POSTREL);
        post = 1;
        j++;
    } else if (!rr && kw(m, j, K_QUE) && has(m, j + 1, C_POSTREL) &&
               val(m, j + 1, C_POSTREL) == R_NEXT) {
        rr = R_NEXT; /* "o ano que vem", "l'any que ve" */
        post = 1;
        j += 2;
    }
    if (rr && !wd && !mo && !se && u == U_MONTH && kw(m, j, K_OF) &&
        (k = p_month(m, j + 1, &mo, 0)) != 0) {
        j = k; /* "el pasado mes de enero" */
    } else if (!rr && !wd && !mo && !se && u == U_MONTH && kw(m, j, K_OF) &&
               (k = p_month(m, j + 1, &mo, 0)) != 0 && has(m, k, C_POSTREL)) {
        rr = val(m, k, C_POSTREL);
        post = 1;
        j = k + 1; /* "le mois de janvier dernier" */
    }
    if (!rr && se) {
        /* "summer 2024", "the summer of 1994", "l'été 2023" */
        int y, k3 = j;
        if (kw(m, k3, K_OF))
            k3++;
        int k4 = p_year(m, k3, &y), sa = 0;
        if (!k4 && (the || !(m->t[j - 1].lx->lang[C_SEASON] & TL_EN)) &&
            (k4 = p_year_rel(m, j, &y, &sa)) != 0 && !y)
            k4 = 0; /* "vara anului trecut", "el verano del año pasado", "the summer of
                     * last year" (not the verb: "rates are expected to fall next year") */
        r->anchored |= sa;
        if (!k4 && the && m->hasref && (m->t[i].lx->lang[C_KW] & TL_EN)) {
            /* "the summer": this year's; "the winter" in January or
             * February: the one under way, named by its December */
            fmt_season(r->v, se == S_WI && m->rm <= 2 ? m->ry - 1 : m->ry, se);
            r->flags |= CHR_TIMEX_RELATIVE;
            r->end = j;
            return j;
        }
        int t = 0;
        if (!k4 && romance_season(m, i, j) && (t = guess_tense(m, m->t[i].s, m->t[j - 1].e)) != 0) {
            /* the season of the year the text tells of, else of this year, or
             * the last one begun when the verb is in the past, the next one
             * not over when it lies ahead */
            int first = se == S_SP ? 3 : se == S_SU ? 6 : se == S_FA ? 9 : 12;
            int yy = frame_year(m, m->t[i].s);
            if (!yy) {
                yy = se == S_WI && m->rm <= 2 ? m->ry - 1 : m->ry;
                if (t < 0 && se != S_WI && first > m->rm)
                    yy--;
                else if (t > 0 && se != S_WI && first + 2 < m->rm)
                    yy++;
            }
            fmt_season(r->v, yy, se);
            r->flags |= CHR_TIMEX_RELATIVE;
            r->end = j;
            return j;
        }
        if (!k4)
            return 0;
        fmt_season(r->v, y, se);
        r->y = y;
        r->end = k4;
        return k4;
    }
    if (!rr && !wd && !mo && !se && u == U_WEEKEND &&
        (the || (i > 0 && kw(m, i - 1, K_IN) && !(m->t[i - 1].lx->lang[C_KW] & TL_EN)) ||
         (i > 0 && (m->lang & (TL_FR | TL_ES)) && kw(m, i - 1, K_OF) &&
          (word_before(m, i, "du") || word_before(m, i, "del")))))
        rr = R_THIS; /* "the weekend", "nel fine settimana", "no fim de semana", "au
                      * cours du week-end", "del fin de semana" ("du" = "de le") */
    else if (!rr)
        return 0;
    if (rr == R_THIS && !wd && !mo && !se && fr_la_after(m, j - 1))
        rr = R_THAT; /* "ce jour-là", "cette année-là" */
    /* Spanish and Italian "último/ultimo" is "last" only in "la última
     * semana", "l'ultima settimana": the seven days up to the reference, a
     * length as "las últimas dos semanas" is (not the calendar week, "la
     * semana pasada"); "el último día del año", "l'ultimo anno di governo",
     * "l'ultima settimana di campagna" are the final ones */
    if (rr == R_LAST && relt >= 0 && !post && (m->t[relt].lx->lang[C_REL] & (TL_ES | TL_IT)) &&
        (!(m->lang & TL_PT) || !(m->t[relt].lx->lang[C_REL] & TL_PT)) &&
        (m->text[m->t[relt].s] | 32) != 'p' && (m->text[m->t[relt].s] | 32) != 's') {
        if (wd || mo || se || u != U_WEEK || kw(m, j, K_OF))
            return 0;
        r->type = CHR_TIMEX_DURATION;
        snprintf(r->v, 48, "P1W");
        r->end = j;
        return j;
    }
    /* English "the same day", "that same week": that one, unless a
     * comparison follows ("the same day as the vote", "the same month last
     * year", "the same quarter of 1985") */
    int en_rel = relt >= 0 && (m->t[relt].lx->lang[C_REL] & TL_EN) && (m->lang & TL_EN);
    static const char *const CMP[] = {"as",  "last",     "a",     "of",   "in",    "one",
                                      "the", "previous", "prior", "each", "every", NULL};
    size_t cs, ce;
    next_raw_word(m, m->t[j - 1].e, &cs, &ce);
    if (en_rel && rr == R_SAME && the && !wd && !mo && !se && !raw_word_in(m, cs, ce, CMP)) {
        rr = R_THAT;
        the = 0;
    }
    /* "the same quarter last year", "the same quarter a year earlier": the
     * quarter of the text (or the reference's last) a year back */
    if (en_rel && rr == R_SAME && the && u == U_QUARTER && !wd && !mo && !se && m->hasref) {
        int ka = 0;
        if (has(m, j, C_REL) && val(m, j, C_REL) == R_LAST && has(m, j + 1, C_UNIT) &&
            val(m, j + 1, C_UNIT) == U_YEAR && !has(m, j + 1, C_UNITPL))
            ka = j + 2;
        else if (kw(m, j, K_A) && has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_YEAR &&
                 !has(m, j + 1, C_UNITPL) && (kw(m, j + 2, K_AGO) || kw(m, j + 2, K_EARLIER)))
            ka = j + 3;
        if (ka) {
            int qy = m->ry, qq = (m->rm - 1) / 3;
            if (m->qy) {
                qy = m->qy;
                qq = m->qq;
            } else if (qq == 0) {
                qq = 4;
                qy--;
            }
            snprintf(r->v, 48, "%04d-Q%d", qy - 1, qq);
            r->gran = 'Q';
            r->flags |= CHR_TIMEX_RELATIVE;
            r->end = ka;
            return ka;
        }
    }
    /* "that year", "that day", "that quarter": the date last mentioned
     * (not the one just written: "el 18 de julio de ese año" without an
     * earlier year has none) */
    if (rr == R_THAT && !the && !wd && !mo && !se && m->agran && m->ay > 0 &&
        !of_last_emitted(m, i)) {
        r->anchored = 1;
        if (u == U_YEAR) {
            fmt_y(r->v, m->ay);
        } else if (u == U_MONTH && m->am) {
            fmt_ym(r->v, m->ay, m->am);
        } else if (u == U_DAY && m->agran == 'D') {
            fmt_date(r->v, m->ay, m->am, m->ad);
        } else if (u == U_WEEK && m->agran == 'D') {
            int wy, w; /* "later that week" */
            chr_iso_week(m->ay, m->am, m->ad, &wy, &w);
            snprintf(r->v, 48, "%04d-W%02d", wy, w);
        } else if (u == U_QUARTER && m->qy) {
            snprintf(r->v, 48, "%04d-Q%d", m->qy, m->qq); /* the quarter last named */
        } else {
            return 0;
        }
        r->flags |= CHR_TIMEX_RELATIVE;
        r->end = j;
        return j;
    }
    /* R_PAST/R_RECENT/R_SAME/R_THAT: only some combinations */
    if (rr == R_SAME || rr == R_THAT || rr == R_RECENT)
        return 0;
    if (the && !post && rr == R_THIS && !(u == U_WEEKEND && !wd && !mo && !se))
        return 0;
    int dir = (rr == R_LAST || rr == R_PAST) ? -1 : (rr == R_NEXT || rr == R_COMING) ? 1 : 0;
    if (!wd && !mo && !se && u == U_DAY && !post && dir && isnum(m, j)) {
        /* "el pasado día 11", "no passado dia 11", "el próximo día 25": a
         * day of the month, the last one before the reference or the next
         * one after it; never "the past day". With a month after it
         * ("el pasado día 2 de febrero") the date is the day and month. */
        int d, k5 = p_day(m, j, &d);
        if (!k5 || !m->hasref || number_goes_on(m, k5) || p_month(m, k5, &pl, 0) ||
            (kw(m, k5, K_OF) && p_month(m, k5 + 1, &pl, 0)))
            return 0;
        int shift = dir < 0 && d >= m->rd ? -1 : dir > 0 && d <= m->rd ? 1 : 0;
        return day_of_month(m, r, d, shift, k5);
    }
    if (!m->hasref) {
        snprintf(r->v, 48, "%s", dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF");
        r->end = j;
        r->flags |= CHR_TIMEX_RELATIVE;
        if (!wd && !mo && !se && u == U_WEEK && dir == 0)
            r->rel_week = 1;
        return j;
    }
    r->flags |= CHR_TIMEX_RELATIVE;
    /* "The next year, the Taliban released": in a past narration "the
     * next" year, month or week is the following one after the date last
     * told, as "the following year" is; said of what lies ahead ("the next
     * year will be hard") it is the coming one */
    if (!anaph && the && rr == R_NEXT && relt >= 0 && (m->t[relt].lx->lang[C_REL] & TL_EN) && !wd &&
        !mo && !se && (u == U_YEAR || u == U_MONTH || u == U_WEEK) && m->agran && m->ay > 0 &&
        !(en_period_ahead(m, i) && en_outlook_before(m, i)) &&
        guess_tense(m, m->t[i].s, m->t[j - 1].e) < 0)
        anaph = 1; /* not "planned to hire 500 workers in the next year" */
    /* "the following year", "the previous Friday": from the date last
     * mentioned, when there is one */
    int by = m->ry, bm = m->rm, bd = m->rd;
    /* a week (or day) counts from a day, a month or quarter from a month:
     * not "the previous week" from a quarter last named */
    if (anaph && m->agran && m->ay > 0 &&
        (wd || mo || se || u == U_YEAR || u == U_DECADE || u == U_CENTURY || m->agran == 'D' ||
         ((u == U_MONTH || u == U_QUARTER) && m->am))) {
        by = m->ay;
        bm = m->am ? m->am : 6;
        bd = m->ad ? m->ad : 15;
        r->anchored = !comparison(dir, u);
    }
    if (wd) {
        int y, mm, d;
        if (anaph && m->agran == 'D' && m->ay > 0) {
            M tmp = *m;
            tmp.ry = by, tmp.rm = bm, tmp.rd = bd;
            res_wday(&tmp, wd, dir == 0 ? 2 : dir, 0, &y, &mm, &d);
        } else if (the && dir && (m->t[i].lx->lang[C_KW] & TL_EN)) {
            return 0; /* an anaphoric weekday without an anchor */
        } else if (rr == R_THIS && relt >= 0 && !(m->t[relt].lx->lang[C_REL] & ~TL_PT)) {
            /* "nesta terça-feira", "desta quinta-feira": the nearest one
             * the tense points to, as a bare weekday */
            int t = guess_tense(m, m->t[i].s, m->t[j - 1].e);
            res_wday(m, wd, 0, t, &y, &mm, &d);
            r->tense = t;
        } else {
            res_wday(m, wd, dir == 0 ? 2 : dir, 0, &y, &mm, &d);
            if (rr == R_THIS) {
                /* "this Sunday" is the one of this week, unless the verb
                 * says it is gone ("Las protestas llegaron este domingo a
                 * la capital" written on a Monday: the day before) or
                 * still ahead ("se reunirá este lunes" written on a
                 * Wednesday: the next one) */
                int t = guess_tense(m, m->t[i].s, m->t[j - 1].e);
                long off = chr_days_from_civil(y, mm, d) - chr_days_from_civil(m->ry, m->rm, m->rd);
                if ((t < 0 && off > 0) || (t > 0 && off < 0))
                    res_wday(m, wd, t < 0 ? -1 : 1, 0, &y, &mm, &d);
                r->tense = t;
            }
        }
        int ka = wday_apposition(m, j, wd, &y, &mm, &d, NULL);
        if (ka) {
            j = ka;
            r->explicit_day = 1;
        }
        set_date(r, y, mm, d);
        r->end = j;
        int kp = rel_wday_part(m, j);
        if (kp && !ka) {
            /* "ce samedi soir", "este sábado por la noche", "questo sabato sera" */
            char day[48];
            snprintf(day, sizeof day, "%s", r->v);
            r->type = CHR_TIMEX_TIME;
            snprintf(r->v, 48, "%.10sT%s", day,
                     part_code(has(m, kp - 1, C_PART) ? val(m, kp - 1, C_PART) : P_MO));
            r->end = kp;
            return kp;
        }
        return j;
    }
    if (mo) {
        int y = m->ry;
        if (dir < 0) {
            /* the most recent such month before this one; in English never
             * the month just gone ("last March" said in April is a year
             * ago: the writer would say "last month"), in other languages
             * that one too ("en novembre dernier", "el pasado noviembre"
             * written in December: the November just gone, as "le 22
             * novembre dernier" is) */
            int gone_ok = post || (relt >= 0 && !(m->t[relt].lx->lang[C_REL] & TL_EN));
            y = (mo >= m->rm - !gone_ok) ? m->ry - 1 : m->ry;
        } else if (dir > 0) {
            y = mo <= m->rm ? m->ry + 1 : m->ry;
        }
        set_date(r, y, mo, 0);
        r->end = j;
        return j;
    }
    if (se) {
        int y = m->ry;
        int cur = season_of(m->rm);
        if (thispast || (dir < 0 && se != S_WI)) /* the last one that has ended ("last
                                                  * summer" said in November: this
                                                  * year's) */
            y = se == S_WI ? (m->rm >= 3 ? m->ry - 1 : m->ry - 2)
                           : (m->rm > 3 * se + 2 ? m->ry : m->ry - 1);
        else if (dir < 0)
            y = m->ry - 1;
        else if (dir > 0)
            y = (se <= cur) ? m->ry + 1 : m->ry;
        if (se == S_WI && m->rm <= 2 && dir == 0)
            y = m->ry - 1;
        fmt_season(r->v, y, se);
        r->end = j;
        return j;
    }
    switch (u) {
    case U_DAY:
        if (!the && rr != R_THIS)
            return 0;
        if (en_rel && dir && (anaph || (rr == R_NEXT && !en_period_ahead(m, i)))) {
            /* "the next day", "the following day", "the previous day": a
             * day from the day last mentioned; none without one (the
             * pipeline reads the sentence again after a dated one) */
            if (m->agran != 'D' || m->ay <= 0 || of_last_emitted(m, i))
                return 0;
            int y = m->ay, mo2 = m->am, d = m->ad;
            add_days(&y, &mo2, &d, dir);
            set_date(r, y, mo2, d); /* and a day for what follows to count from */
            r->anchored = 1;
            break;
        }
        if (rr == R_THIS || rr == R_CURRENT)
            fmt_unit(r->v, U_DAY, 0, m->ry, m->rm, m->rd);
        else
            fmt_unit(r->v, U_DAY, dir, m->ry, m->rm, m->rd);
        break;
    case U_WEEKEND:
        if (dir == 0)
            res_weekend(m, 0, guess_tense(m, m->t[i].s, m->t[j - 1].e), r->v);
        else if (dir > 0 && !(m->lang & TL_EN) && chr_weekday(m->ry, m->rm, m->rd) <= 4)
            res_weekend(m, 0, 0, r->v); /* "el fin de semana que viene", "le week-end
                                         * prochain" said from Monday to Thursday: the
                                         * coming one, this week's */
        else
            res_weekend(m, dir, 0, r->v);
        break;
    case U_WEEK:
    case U_MONTH:
    case U_QUARTER:
    case U_YEAR:
    case U_DECADE:
    case U_CENTURY:
    case U_FORTNIGHT:
        if (u == U_QUARTER)
            return 0; /* pat_quarter */
        if (u == U_WEEK && dir == 0)
            r->rel_week = 1;
        fmt_unit(r->v, u, dir, by, bm, bd);
        r->gran = u == U_YEAR ? 'Y' : 0;
        r->y = by + (u == U_YEAR ? dir : 0);
        break;
    default:
        return 0;
    }
    r->end = j;
    return j;
}

/* Whether "há seis anos" (pt) or "fa sis anys" (ca), tokens i..e, is a
 * length of time rather than a date: after "desde"/"des de" ("desde há
 * três anos", "des de fa sis anys"), before "que" ("há seis anos que
 * vive"), and for "há" when the governing verb is not in the past ("vive lá
 * há seis anos"), unless it opens a clause and a comma closes it. Spanish
 * "hace" keeps its date reading. */
static int clock_cue(const M *m, int j);
static int romance_half(const M *m, int k, int u);

/* Whether byte p stands in a clause opened by "que" after a comma ("O
 * Conselho, que governa o país há...") whose words before p carry no past
 * tense. */
static int que_clause_untensed(const M *m, size_t p)
{
    for (int k = 0; k < 8; k++) {
        size_t ws, we = raw_word_before(m, p, &ws);
        if (we == ws)
            return 0; /* punctuation before "que" */
        if (word_eq(m->text + ws, we - ws, "que")) {
            size_t q = ws;
            while (q > 0 && m->text[q - 1] == ' ')
                q--;
            return q > 0 && m->text[q - 1] == ',';
        }
        wspan w = {ws, we};
        if (lang_tense(m, w) < 0)
            return 0;
        p = ws;
    }
    return 0;
}

static int hace_is_duration(M *m, int i, int e)
{
    const tk *t = &m->t[i];
    size_t n = t->e - t->s;
    const char *w = m->text + t->s;
    int ha = n == 3 && (w[0] | 32) == 'h' && (unsigned char)w[1] == 0xC3 &&
             (unsigned char)w[2] == 0xA1; /* há */
    int fa = n == 2 && (w[0] | 32) == 'f' && w[1] == 'a' && m->lang == TL_CA_ALL;
    if (n == 4 && !strncasecmp(w, "hace", 4))
        return word_before(m, i, "desde") || word_after(m, e - 1, "que"); /* "desde hace
                                                                           * 41 años": for */
    if (!ha && !fa)
        return 0;
    if (word_before(m, i, "desde") || (fa && word_before(m, i, "de")) ||
        word_after(m, e - 1, "que"))
        return 1;
    /* "Há três semanas, ninguém imaginava": a clause that opens with it
     * dates what follows */
    if (ha && pu(m, e, ',') && que_clause_untensed(m, t->s))
        return 1; /* "O Conselho, que governa o país há oito meses, ordenou": the
                     clause's own verb, not the one after it */
    if (ha && pu(m, e, ',') && (i == 0 || m->t[i - 1].kind == TK_PUNCT))
        return 0;
    return ha && guess_tense(m, t->s, m->t[e - 1].e) >= 0;
}

/* Whether token k is Romanian "urmă" ("în urmă cu trei zile", "trei zile
 * în urmă"), the other "ago" word beside "acum". */
static int ro_urma(const M *m, int k)
{
    return m->lang == TL_RO && kw(m, k, K_HACE) && (m->text[m->t[k].s] | 32) == 'u';
}

/* "two years ago", "a year earlier", "three days later", "il y a trois
 * jours", "hace dos semanas", "vor zwei Wochen", "tre giorni fa",
 * "два дня назад", "a few years ago". */
/* Whether token k says "today" ("today", "hoy", "oggi", "aujourd'hui"). */
static int is_today(const M *m, int k)
{
    return k >= 0 && k < m->n && has(m, k, C_DEICT) && val(m, k, C_DEICT) == D_TODAY &&
           !(pu(m, k + 1, '\'') && glued(m, k + 1)); /* not "today's champion" */
}

/* Whether token k is "exactly": a count of years or months back after it
 * names the very day ("esattamente un anno fa", "il y a exactement un an"). */
static int exactly(const M *m, int k)
{
    static const char *const EXACTLY[] = {"exactly",    "esattamente", "exactamente",
                                          "exactement", "exatamente",  NULL};
    return kw(m, k, K_APPROX) && raw_word_in(m, m->t[k].s, m->t[k].e, EXACTLY);
}

static int pat_ago(M *m, int i, R *r)
{
    int j = i, pre = 0;
    /* il y a / hace / vor */
    if (has(m, j, C_KW2) && val(m, j, C_KW2) == K_ILYA && kw(m, j + 1, K_Y) && j + 2 < m->n &&
        m->t[j + 2].kind == TK_WORD && m->t[j + 2].e - m->t[j + 2].s == 1 &&
        m->text[m->t[j + 2].s] == 'a') {
        pre = 1;
        j += 3;
    } else if (kw(m, j, K_HACE)) {
        pre = 1;
        j++;
        if (ro_urma(m, j - 1)) {
            /* Romanian "(în) urmă cu trei zile" */
            if (!kw(m, j, K_MISC))
                return 0;
            j++;
            if (kw(m, i - 1, K_IN))
                r->first = i - 1;
        }
    } else if (kw(m, j, K_HENCE)) {
        /* Romanian "de peste trei luni", "cu peste un an": over, a length */
        if (m->lang == TL_RO && i > 0 && (kw(m, i - 1, K_OF) || kw(m, i - 1, K_MISC)))
            return 0;
        /* "fra due settimane", "daqui a duas semanas", "d'aquí a dues
         * setmanes", "dentro de uma semana" ("dentro de casa": no count) */
        pre = 2;
        j++;
        if (has(m, j, C_KW2) && val(m, j, C_KW2) == K_TO)
            j++;
        else if ((m->text[m->t[i].s] | 32) == 'd' && m->t[i].e - m->t[i].s == 6) {
            if (!kw(m, j, K_OF))
                return 0;
            j++;
        }
    }
    if (pre == 1 && m->lang == TL_RO && has(m, j, C_MONTH) && val(m, j, C_MONTH) == 5 &&
        kw(m, j + 1, K_MISC) && kw(m, j + 2, K_OF))
        j += 3; /* "acum mai bine de un an", "în urmă cu mai mult de doi ani" */
    /* "a year ago today", "hace hoy un año", "hoy hace un año", "il y a un an
     * jour pour jour": the very day, on an anniversary */
    int today = (pre == 1 && is_today(m, j)) || (i > 0 && is_today(m, i - 1));
    if (pre == 1 && is_today(m, j))
        j++;
    if (pre == 1 && kw(m, j, K_ONLY))
        j++; /* "hace sólo nueve días", "il y a seulement neuf jours" */
    int exact = exactly(m, j);
    while (kw(m, j, K_APPROX) || (kw(m, j, K_MORE) && kw(m, j + 1, K_THAN)) ||
           (kw(m, j, K_MORE) && kw(m, j + 1, K_MORE)) ||
           (kw(m, j, K_MORE) && kw(m, j + 1, K_OF) && !(m->lang & TL_EN))) {
        /* "il y a plus de quatre mois", "hace más de dos años", "più di due
         * anni fa" */
        j += kw(m, j, K_APPROX) ? 1 : 2;
        if (pre && kw(m, j - 1, K_APPROX) && kw(m, j, K_OF) && !(m->lang & TL_EN))
            j++; /* "há cerca de um ano", "hace cerca de un año" */
        if (kw(m, j, K_MORE) && kw(m, j + 1, K_OF) && !(m->lang & TL_EN))
            j += 2; /* "há pouco mais de um ano", "poco più di un anno fa" */
        if (kw(m, j - 1, K_OF) && pu(m, j, '\'') && glued(m, j))
            j++; /* "il y a près d'un an", "plus d'un an" */
    }
    long n;
    int half, u, pl, cstart = j;
    int k = p_count(m, j, &n, &half);
    if (!k && pre == 1 && j > i + 1 && kw(m, j - 1, K_APPROX) && has(m, j, C_UNITPL) &&
        !(m->lang & TL_EN)) {
        k = j; /* "hace unas semanas": some weeks */
        n = -1;
        half = 0;
    }
    if (!k)
        return 0;
    int k2 = p_unit(m, k, &u, &pl);
    if (!k2)
        return 0;
    if (n >= 1 && romance_half(m, k2, u)) {
        half = 1; /* "hace tres años y medio", "tre anni e mezzo fa" */
        k2 += 2;
    }
    j = k2;
    int dir = 0, anaph = 0;
    if (pre == 1 && !today && hace_is_duration(m, i, k2)) {
        r->type = CHR_TIMEX_DURATION; /* "vive lá há seis anos": for six years */
        fmt_dur(r->v, n, u, half);
        /* Spanish keeps "hace" in the extent ("desde hace seis años"), as
         * the timeline's mention tests expect */
        r->first =
            m->t[i].e - m->t[i].s == 4 && !strncasecmp(m->text + m->t[i].s, "hace", 4) ? i : cstart;
        r->end = k2;
        return k2;
    }
    if (pre == 2) {
        dir = 1;
        if (m->lang == TL_FR && (m->text[m->t[i].s] | 32) == 'd' &&
            (guess_tense(m, m->t[i].s, m->t[k2 - 1].e) < 0 || kw(m, k2, K_OF)))
            return 0; /* "tué dans deux jours de combats", "meurent dans deux jours de
                       * combats": a length */
    } else if (pre) {
        dir = -1;
    } else if (kw(m, j, K_AGO)) {
        static const char *const OF[] = {"de", "da", "do", "dos", "das", NULL};
        for (const char *const *w = OF; *w && (m->t[j].lx->lang[C_KW] & TL_PT); w++)
            if (word_after(m, j, *w))
                return 0; /* "uma semana atrás da garagem": behind (not "due giorni fa da
                           * Bruxelles") */
        dir = -1;
        j++;
    } else if (kw(m, j, K_IN) && ro_urma(m, j + 1)) {
        dir = -1; /* "trei zile în urmă" */
        j += 2;
    } else if (kw(m, j, K_EARLIER) || (has(m, j, C_MOD) && val(m, j, C_MOD) == M_EARLIER)) {
        /* "before" is a preposition: "a year earlier" only */
        if (m->text[m->t[j].s] == 'b' || m->text[m->t[j].s] == 'B')
            return 0;
        dir = -1;
        anaph = 1;
        j++;
    } else if (kw(m, j, K_LATER) || (has(m, j, C_MOD) && val(m, j, C_MOD) == M_LATER)) {
        if ((m->text[m->t[j].s] | 32) != 'l')
            return 0; /* "after": a preposition */
        dir = 1;
        anaph = 1;
        j++;
    } else {
        return 0;
    }
    if (anaph && (u == U_DAY || u == U_WEEK || u == U_HOUR || u == U_MIN || u == U_SEC)) {
        /* "three days later", "a week earlier", "an hour earlier": TimeBank
         * marks the length ("three days", P3D), not the day it leads to
         * (chr_time_anchor_lengths finds that for timelines) */
        r->type = CHR_TIMEX_DURATION;
        fmt_dur(r->v, n, u, half);
        if ((u == U_DAY || u == U_WEEK) && n > 0 && !half && m->agran == 'D' && m->ay > 0 &&
            m->ad) {
            r->sy = m->ay, r->sm = m->am, r->sd = m->ad;
            add_days(&r->sy, &r->sm, &r->sd, dir * n * (u == U_WEEK ? 7 : 1));
        }
        r->end = k2;
        return k2;
    }
    r->flags |= CHR_TIMEX_RELATIVE;
    r->end = j;
    if (n < 0 || !m->hasref) {
        snprintf(r->v, 48, "%s", dir < 0 ? "PAST_REF" : "FUTURE_REF");
        return j;
    }
    int y = m->ry, mo = m->rm, d = m->rd;
    if (anaph && m->agran && m->ay) {
        y = m->ay;
        mo = m->am ? m->am : 1;
        d = m->ad ? m->ad : 1;
        r->anchored = !comparison(dir, u);
    }
    if (u == U_YEAR && n == 1 && m->qy && m->lastq) {
        /* "a year ago" in a text about a quarter: the same quarter */
        snprintf(r->v, 48, "%04d-Q%d", m->qy - 1, m->qq);
        return j;
    }
    if (!today && dir < 0 && is_today(m, j)) {
        today = 1; /* "one year ago today" */
        r->end = ++j;
    }
    if (!today && dir < 0 &&
        (word_after(m, j - 1, "jour pour jour") || word_after(m, j - 1,
                                                              "d\xc3\xad"
                                                              "a por d\xc3\xad"
                                                              "a")))
        today = 1;
    if (!today && dir < 0 && exact)
        today = 1; /* "esattamente un anno fa", "exactly a year ago" */
    if (today && dir < 0 && !anaph && !half && n >= 1 && (u == U_YEAR || u == U_MONTH)) {
        add_months(&y, &mo, -(int)n * (u == U_YEAR ? 12 : 1));
        if (d > chr_month_days(y, mo))
            d = chr_month_days(y, mo);
        set_date(r, y, mo, d);
        return j;
    }
    int gu = u;
    if (u == U_HOUR || u == U_MIN || u == U_SEC) {
        gu = U_DAY; /* "hace 48 horas", "72 hours ago": whole days back */
        n = u == U_HOUR && n >= 24 ? (n + 12) / 24 : 0;
    }
    if (half && u == U_YEAR) {
        gu = U_MONTH; /* "hace dos años y medio": thirty months back */
        n = n * 12 + 6;
    }
    fmt_unit(r->v, gu, dir * n, y, mo, d);
    r->gran = gu == U_YEAR ? 'Y' : gu == U_MONTH ? 'M' : gu == U_DAY ? 'D' : 0;
    return j;
}

/* Whether the word right after token i (in the raw text) is w. */
static int word_after(const M *m, int i, const char *w)
{
    size_t p = m->t[i].e, n = strlen(w);
    while (p < m->len && (m->text[p] == ' ' || m->text[p] == '\n' || m->text[p] == '\t'))
        p++;
    if (p + n > m->len || strncmp(m->text + p, w, n) != 0)
        return 0;
    return p + n == m->len || !((m->text[p + n] | 32) >= 'a' && (m->text[p + n] | 32) <= 'z');
}

/* Whether the word right before token i (in the raw text) is w, any case. */
static int word_before(const M *m, int i, const char *w)
{
    size_t p = m->t[i].s, n = strlen(w);
    while (p > 0 && (m->text[p - 1] == ' ' || m->text[p - 1] == '\n' || m->text[p - 1] == '\t'))
        p--;
    if (p < n || strncasecmp(m->text + p - n, w, n) != 0)
        return 0;
    return p == n || !(((m->text[p - n - 1] | 32) >= 'a' && (m->text[p - n - 1] | 32) <= 'z'));
}

/* Whether tokens i..j stand between commas in the raw text (an
 * apposition: "Morsi, 61 anni, ex dirigente"). */
static int between_commas(const M *m, int i, int j)
{
    size_t p = m->t[i].s, q = m->t[j].e;
    while (p > 0 && m->text[p - 1] == ' ')
        p--;
    while (q < m->len && m->text[q] == ' ')
        q++;
    return p > 0 && m->text[p - 1] == ',' && q < m->len && m->text[q] == ',';
}

static int alternate_set(M *m, int i, R *r);

/* French "derniers/dernières/prochains/prochaines": the noun after is
 * plural ("ces derniers mois" is some months, not last month). */
static int fr_plural_rel(const M *m, int i)
{
    return has(m, i, C_REL) && (val(m, i, C_REL) == R_PAST || val(m, i, C_REL) == R_COMING) &&
           (m->t[i].lx->lang[C_REL] & TL_FR) && (m->lang & TL_FR);
}

/* A half after a Romance count and unit: "trois ans et demi", "tres años y
 * medio", "tre anni e mezzo", "dois anos e meio", "una hora y media". The
 * tokens it takes after the unit ending at k (0 none); only for the units
 * fmt_dur can halve. */
static int romance_half(const M *m, int k, int u)
{
    if ((m->lang & TL_EN) || !(kw(m, k, K_AND) || kw(m, k, K_Y)) || !kw(m, k + 1, K_HALFW) ||
        !(u == U_YEAR || u == U_HOUR || u == U_DAY || u == U_MIN))
        return 0;
    return 2;
}

/* Romance "un jour", "un día", "un giorno", "um dia" without a word that
 * makes it a length (before: "pendant", "en", "durante", "per", "para",
 * "de"; after: "de", "après", "después", "dopo", "depois", "plus tard") is
 * some day: "Un jour viendra où ...", "il sera amené un jour à répondre",
 * "si un día vuelve" are no durations. Token c is the count, u its unit
 * token. */
static int romance_someday(const M *m, int c, int u)
{
    static const char *const BEFORE[] = {
        "pendant",       "durant", "pour",    "en",  "dans",  "depuis", "sur", "de", "d'",
        "d\xe2\x80\x99", "moins",  "durante", "por", "desde", "menos",  "per", "in", "da",
        "para",          "em",     "entre",   "que", NULL};
    static const char *const AFTER[] = {
        "de",    "d'",    "d\xe2\x80\x99",  "di",    "do",  "après",
        "avant", "plus",  "despu\xc3\xa9s", "antes", "más", "m\xc3\xa1s",
        "dopo",  "prima", "depois",         "sur",   "y",   "et",
        "e",     NULL};
    if (!(m->lang & (TL_FR | TL_ES | TL_IT | TL_PT)) || (m->lang & TL_EN) || isnum(m, c) ||
        !has(m, c, C_NUMW) || val(m, c, C_NUMW) != 1 || !has(m, u, C_UNIT) ||
        val(m, u, C_UNIT) != U_DAY || m->t[u].e - m->t[u].s > 6)
        return 0; /* not "une journée": a day's length */
    for (const char *const *w = BEFORE; *w; w++)
        if (word_before(m, c, *w))
            return 0;
    for (const char *const *w = AFTER; *w; w++)
        if (word_after(m, u, *w))
            return 0;
    return 1;
}

/* Durations: "six years", "another six years", "more than four hours",
 * "the past three years", "the next few days", "five-year", "the nine
 * months", "several weeks", "years", "recent weeks", "the coming years". */
static int pat_dur(M *m, int i, R *r)
{
    int j = i, the = 0, rel = 0;
    R alt;
    if (alternate_set(m, i, &alt))
        return 0; /* "un jour sur deux": a set (pat_set) */
    if (kw(m, j, K_THE)) {
        the = 1;
        j++;
    }
    if (has(m, j, C_REL)) {
        rel = val(m, j, C_REL);
        if (rel != R_PAST && rel != R_LAST && rel != R_NEXT && rel != R_COMING && rel != R_RECENT)
            return 0;
        j++;
    } else if (has(m, j, C_ORDW) && val(m, j, C_ORDW) == 1 && the) {
        rel = R_LAST; /* "the first nine months" */
        j++;
    } else if (has(m, j, C_DEICT) && val(m, j, C_DEICT) == D_RECENT) {
        rel = R_RECENT;
        j++;
    }
    if (has(m, j, C_REL) && (val(m, j, C_REL) == R_PAST || val(m, j, C_REL) == R_COMING))
        j++; /* "at least the past" */
    for (int guard = 0; guard < 3; guard++) {
        if (kw(m, j, K_APPROX) || kw(m, j, K_ANOTHER))
            j++;
        else if (kw(m, j, K_MORE) && (kw(m, j + 1, K_THAN) || kw(m, j + 1, K_MORE)))
            j += 2;
        else if (kw(m, j, K_MORE) && kw(m, j + 1, K_OF) && !(m->lang & TL_EN))
            j +=
                2 + (pu(m, j + 2, '\'') && glued(m, j + 2)); /* "più di due anni", "plus d'un an" */
        else if (kw(m, j, K_MORE) && (kw(m, j + 1, K_TO) || kw(m, j + 1, K_ANOTHER)))
            j += 2; /* up to */
        else
            break;
    }
    long n = -2;
    int half = 0, u, pl, cstart = j;
    int k = p_count(m, j, &n, &half);
    if (k && clock_number(m, j))
        return 0; /* "at 1500 hours": a time of day (pat_time) */
    if (k) {
        /* "two to three weeks", "12 to 18 months" */
        if ((kw(m, k, K_TO) || pu(m, k, '-') || kw(m, k, K_AND)) &&
            (isnum(m, k + 1) || has(m, k + 1, C_NUMW))) {
            long n2;
            int h2;
            int k2 = p_count(m, k + 1, &n2, &h2);
            if (k2 && n2 > n) {
                k = k2;
                if (rel)
                    n = -1;
            }
        }
        if (kw(m, k, K_MORE) && (m->text[m->t[k].s] | 32) == 'm')
            k++; /* two more weeks */
        j = k;
    }
    int adj = 0;
    if (pu(m, j, '-') && k && glued(m, j)) {
        adj = 1; /* "five-year": the adjective alone is the extent */
        r->first = cstart;
        j++;
    }
    if (k && fr_plural_rel(m, j))
        j++; /* "les trois derniers mois", "les deux prochaines semaines" */
    int k2 = p_unit(m, j, &u, &pl);
    if (!k2)
        return 0;
    if (!pl && n == 2 && u == U_DAY && (m->lang & TL_RO) && word_before(m, cstart, "a"))
        return 0; /* "a doua zi": the day after (ro_next_day) */
    if (!pl && u == U_MONTH && fr_plural_rel(m, k2 - 2))
        pl = 1; /* "ces derniers mois": "mois" is plural too */
    if (!pl && u == U_MONTH && n == -2 && k2 == i + 1 && (m->lang & TL_FR) &&
        (word_before(m, i, "des") || word_before(m, i, "ces")))
        pl = 1; /* "depuis des mois": some months */
    if (u == U_WEEKEND && n == -2)
        return 0;
    if (u == U_HOUR &&
        (m->lang == TL_PT || m->lang == TL_ES || m->lang == TL_FR || m->lang == TL_CA_ALL) &&
        k == cstart + 1 && clock_cue(m, cstart))
        return 0; /* "às 14 horas", "à 18 heures", "a les 18 hores": a time of day (pat_time) */
    {
        const tk *ut = &m->t[k2 - 1];
        int unit_cls = pl ? C_UNITPL : C_UNIT;
        if (ut->cap && (ut->lx->lang[unit_cls] & TL_EN) && !(ut->lx->lang[unit_cls] & TL_DE) &&
            k2 - 1 > i)
            return 0; /* "60 Minutes", "Years of Culture": names */
    }
    if (u == U_SEC && !pl && n == 1)
        return 0; /* "a second" */
    if (u == U_HOUR && !pl && n != 1 && (m->lang & TL_IT) &&
        (m->t[k2 - 1].lx->lang[C_UNIT] & TL_IT))
        return 0; /* "alle 21 ora locale": an hour of the clock; "un'ora" is one */
    if (k == cstart + 1 && cstart == i && k2 == k + 1 && romance_someday(m, cstart, k))
        return 0; /* "Un jour viendra" */
    if (word_after(m, k2 - 1, "old"))
        return 0; /* "52 years old": an age */
    if (n > 0 && pl && u == U_YEAR && !(m->lang & TL_EN) && k == cstart + 1 &&
        between_commas(m, cstart, k2 - 1))
        return 0; /* "Morsi, 61 anni, ...": an age */
    if (n > 0 && pl && u == U_YEAR && k == cstart + 1 && cstart > 0 &&
        (m->lang == TL_ES || m->lang == TL_PT) && kw(m, cstart - 1, K_OF) &&
        between_commas(m, cstart - 1, k2 - 1))
        return 0; /* "Asad, de 45 años, ...": an age */
    if (n > 0 && pl && u == U_YEAR && k == cstart + 1 &&
        ((m->lang == TL_ES && word_before(m, cstart, ", a los")) ||
         (m->lang == TL_FR && word_before(m, cstart, ", \xc3\xa0"))))
        return 0; /* "tomó el poder, a los 27 años", "en 1969, à 27 ans": an age */
    if (adj && u == U_QUARTER)
        return 0; /* "three-quarters" */
    /* "six-year-old" / "year-long": ages and adjectives are not durations */
    if (pu(m, k2, '-') && glued(m, k2))
        return 0;
    if (adj && (n < 0))
        return 0;
    if (n == -2) {
        /* no count: "years", "the past years", "recent weeks" */
        if (!pl || (m->t[k2 - 1].cap && rel == 0 && !the))
            return 0;
        if (rel == 0 && has(m, k2 - 1, C_WDAY))
            return 0; /* Romanian "luni" alone is Monday ("explozia de luni") */
        if (isnum(m, k2 - 2))
            return 0; /* the unit of a number that is no count ("Morsi, 61 anni,") */
        if (k2 - 1 == i && !(m->lang & TL_EN) &&
            (word_before(m, i, "prime") || word_before(m, i, "primi") ||
             word_before(m, i, "premi\xc3\xa8res") || word_before(m, i, "premiers") ||
             word_before(m, i, "primeras") || word_before(m, i, "primeros") ||
             word_before(m, i, "primeiras") || word_before(m, i, "primeiros")))
            return 0; /* "nelle prime ore del mattino", "los primeros días de marzo": the
                       * start of something, no length */
        if (u == U_SEC || u == U_MIN || u == U_WEEKEND || u == U_QUARTER)
            return 0; /* "quarters" alone are mostly places to live */
        n = -1;
        if (rel == R_RECENT && u == U_YEAR) {
            snprintf(r->v, 48, "PAST_REF");
            r->end = k2;
            return k2;
        }
        if (the && !rel && !kw(m, k2, K_AHEAD))
            return 0; /* "the years" */
    } else if (k == i + 1 && kw(m, i, K_A) && !the && !rel) {
        /* "a year": only a duration when something marks it */
        if (u == U_YEAR && i > 0 && (isnum(m, i - 1) || kw(m, i - 1, K_PER)))
            return 0;
    }
    if (rel == R_NEXT && n == -2)
        return 0;
    int end = k2;
    if (kw(m, end, K_AHEAD))
        end++;
    if (n == 1 && !half && kw(m, end, K_AND) && kw(m, end + 1, K_A) && kw(m, end + 2, K_HALFW) &&
        (u == U_YEAR || u == U_HOUR || u == U_DAY || u == U_MIN)) {
        half = 1; /* "a year and a half", "a minute and a half" */
        end += 3;
    } else if (n >= 1 && !half && romance_half(m, end, u)) {
        half = 1;
        end += 2;
    }
    r->type = CHR_TIMEX_DURATION;
    fmt_dur(r->v, n, u, half);
    r->end = end;
    return end;
}

/* Whether the raw text from byte p on reads as the words of phrase (one
 * space between them there): any spaces and commas may separate the
 * words, ASCII letters in any case, and a word must end at a non-letter. */
static int raw_phrase(const M *m, size_t p, const char *phrase)
{
    const char *w = phrase;
    while (*w) {
        while (p < m->len &&
               (m->text[p] == ' ' || m->text[p] == ',' || m->text[p] == '\n' || m->text[p] == '\t'))
            p++;
        size_t n = strcspn(w, " ");
        if (p + n > m->len || strncasecmp(m->text + p, w, n) != 0)
            return 0;
        p += n;
        unsigned char c = p < m->len ? (unsigned char)m->text[p] : ' ';
        if (c >= 0x80 || ((c | 32) >= 'a' && (c | 32) <= 'z'))
            return 0;
        w += n;
        while (*w == ' ')
            w++;
    }
    return 1;
}

/* "(un mercredi) sur deux", "(un miércoles) sí y otro no", "(un mercoledì)
 * sì e uno no", "(uma quarta-feira) sim, outra não", "(one Wednesday) in
 * two": the text after token k says one in two. */
static int one_in_two(const M *m, int k)
{
    static const char *const ALT[] = {
        "sur deux",        "sí y otro no",    "sí y otra no",    "sí y el otro no",
        "sí y la otra no", "sì e uno no",     "sì e una no",     "sì e l'altro no",
        "sì e l'altra no", "sim e outro não", "sim e outra não", "sim outro não",
        "sim outra não",   "in two",          "out of two",      NULL};
    for (const char *const *a = ALT; *a; a++)
        if (raw_phrase(m, m->t[k].e, *a))
            return 1;
    return 0;
}

/* "un jour sur deux", "una semana sí y otra no", "one Wednesday in two":
 * a set of every other day or weekday; returns the index after the noun. */
static int alternate_set(M *m, int i, R *r)
{
    int u, pl, wd, k;
    if (!has(m, i, C_NUMW) || val(m, i, C_NUMW) != 1)
        return 0;
    if ((k = p_wday(m, i + 1, &wd)) != 0 && one_in_two(m, k - 1)) {
        r->type = CHR_TIMEX_SET;
        snprintf(r->v, 48, "XXXX-WXX-%d", wd);
        return k;
    }
    if ((k = p_unit(m, i + 1, &u, &pl)) != 0 && !pl && one_in_two(m, k - 1)) {
        r->type = CHR_TIMEX_SET;
        fmt_dur(r->v, 2, u, 0);
        return k;
    }
    return 0;
}

/* Whether a Romanian perfect ("au reţinut", "a demisionat", "s-au
 * întâlnit") stands among the eight words after byte p: the auxiliary, then
 * a participle ("-at", "-it", "-ut", "-ât", "-s"). */
static int ro_perfect_near(const M *m, size_t p)
{
    static const char *const AUX[] = {"a", "au", "am", "ai", "s-a", "s-au", NULL};
    size_t ws, we, prev_s = 0, prev_e = 0;
    for (int k = 0; k < 8; k++) {
        while (p < m->len && (m->text[p] == ' ' || m->text[p] == ','))
            p++;
        ws = p;
        while (p < m->len && (m->text[p] == '-' ||
                              (((unsigned char)m->text[p] | 32) >= 'a' &&
                               ((unsigned char)m->text[p] | 32) <= 'z') ||
                              (unsigned char)m->text[p] >= 0x80))
            p++;
        we = p;
        if (we == ws)
            return 0; /* the clause ends */
        if (prev_e > prev_s && raw_word_in(m, prev_s, prev_e, AUX)) {
            const char *w = m->text + ws;
            size_t n = we - ws;
            if (n >= 4 &&
                (ends_with(w, n, "at") || ends_with(w, n, "it") || ends_with(w, n, "ut") ||
                 ends_with(w, n, "\xc3\xa2t") || ends_with(w, n, "s")))
                return 1;
        }
        prev_s = ws;
        prev_e = we;
    }
    return 0;
}

/* A plural weekday ("mercredis", "sábados", "quartas-feiras"): returns the
 * index after it and its day, or 0; the weak ones ("quartas", also
 * ordinals) only when weak is allowed (after every/all). English ones
 * need their capital. */
static int p_wday_pl(const M *m, int i, int weak, int *wd)
{
    if (!has(m, i, C_WDAYPL) || ((m->t[i].lx->lang[C_WDAYPL] & TL_EN) && !m->t[i].cap))
        return 0;
    int v = val(m, i, C_WDAYPL);
    if (v > 10 && !weak)
        return 0;
    *wd = v > 10 ? v - 10 : v;
    return i + 1;
}

/* French "quotidien", "hebdomadaire" after a determiner are nouns, a
 * newspaper or a magazine ("a annoncé le quotidien américain", "l'hebdomadaire
 * Jeune Afrique", "un grand quotidien"), not "daily" ("un rythme quotidien"). */
static int fr_set_noun(const M *m, int i)
{
    static const char *const DET[] = {
        "le",    "du",     "au",  "un",    "ce",    "son", "leur",
        "notre", "votre",  "mon", "grand", "petit", "l'",  "l\xe2\x80\x99",
        "cet",   "ancien", NULL};
    if (!(m->t[i].lx->lang[C_SET] & TL_FR) || !(m->lang & TL_FR))
        return 0;
    for (const char *const *w = DET; *w; w++)
        if (word_before(m, i, *w))
            return 1;
    return 0;
}

/* Whether token k goes on with what a number before it counts: a unit
 * ("15 years"), "times", "percent", "%" ("every March 15 years", "every May
 * 3 times"): that number was no day. */
static int counted(const M *m, int k)
{
    static const char *const COUNT[] = {"times", "percent", "pct", "per", NULL};
    if (k < m->n && (has(m, k, C_UNIT) || has(m, k, C_UNITPL) || pu(m, k, '%')))
        return 1;
    /* the raw word after the number (words outside the lexicon are no
     * tokens) */
    size_t ws = m->t[k - 1].e;
    while (ws < m->len && m->text[ws] == ' ')
        ws++;
    size_t we = ws;
    while (we < m->len && m->text[we] >= 'a' && m->text[we] <= 'z')
        we++;
    return we > ws && raw_word_in(m, ws, we, COUNT);
}

/* A yearly set followed by the day it recurs on: "annually on August 11",
 * "every year on 11 August", "cada año el 11 de agosto", "chaque année le
 * 11 août": the day, any year (XXXX-MM-DD, in r->v). j: the token after
 * the set. Returns the index after the day, or 0. */
static int yearly_day(const M *m, int j, R *r)
{
    while (kw(m, j, K_ON) || kw(m, j, K_THE) || pu(m, j, ','))
        j++;
    int mo, d, k = p_month(m, j, &mo, 0);
    if (k) {
        int k2 = p_day(m, k, &d);
        if (!k2 || (isnum(m, k) && m->t[k].nd == 4))
            return 0;
        k = k2;
    } else if ((k = p_day(m, j, &d)) != 0) {
        if (kw(m, k, K_DE) || kw(m, k, K_OF))
            k++;
        if (!(k = p_month(m, k, &mo, 0)))
            return 0;
    } else {
        return 0;
    }
    int y, ky = pu(m, k, ',') || kw(m, k, K_DE) || kw(m, k, K_OF) ? k + 1 : k;
    if (d > chr_month_days(2000, mo) || (isnum(m, ky) && p_year(m, ky, &y)) || counted(m, k))
        return 0; /* "annually, on August 11, 1985": one day */
    snprintf(r->v, 48, "XXXX-%02d-%02d", mo, d);
    return k;
}

/* Sets: "daily", "annually", "every year", "each Thursday", "every two
 * weeks", "chaque année", "todos los días", "tous les jours", "every
 * other week", "les mercredis", "los miércoles", "un jour sur deux". */
static int pat_set(M *m, int i, R *r)
{
    int j = i;
    if (has(m, j, C_SET) && val(m, j, C_SET) > 0) {
        if (fr_set_noun(m, j))
            return 0;
        r->type = CHR_TIMEX_SET;
        fmt_dur(r->v, 1, val(m, j, C_SET), 0);
        int kd = val(m, j, C_SET) == U_YEAR ? yearly_day(m, j + 1, r) : 0;
        r->end = kd ? kd : j + 1;
        return r->end;
    }
    int k2, wd;
    if ((k2 = alternate_set(m, i, r)) != 0) {
        r->end = k2;
        return k2;
    }
    {
        /* a plural weekday: "les mercredis", "on Fridays", "aos sábados";
         * Spanish weekdays are plural after "los" ("los miércoles") */
        int k = kw(m, j, K_THE) ? j + 1 : j;
        if (k == j && m->lang == TL_RO && (k2 = p_wday_pl(m, k, 0, &wd)) != 0 &&
            (m->t[k].lx->lang[C_WDAYPL] & TL_RO) && !has(m, k2, C_POSTREL) &&
            ro_perfect_near(m, m->t[k].e)) {
            /* Romanian "sâmbăta" told in the past is the day: "Sâmbăta, poliţiştii
             * au reţinut doi suspecţi" (in the present, "on Saturdays") */
            int y, mo, d;
            res_wday(m, wd, -1, -1, &y, &mo, &d);
            if (m->hasref) {
                set_date(r, y, mo, d);
                r->flags |= CHR_TIMEX_RELATIVE;
                r->end = k2;
                return k2;
            }
        }
        /* (Romanian "sambata" without diacritics is "sâmbătă", the day, as
         * often as "sâmbăta", Saturdays: the day, by its tense) */
        if (((k2 = p_wday_pl(m, k, 0, &wd)) != 0 && !(m->lang == TL_RO && has(m, k, C_WDAY))) ||
            (k > j && (m->lang & TL_ES) && m->t[j].e - m->t[j].s == 3 &&
             !strncasecmp(m->text + m->t[j].s, "los", 3) && (k2 = p_wday(m, k, &wd)) != 0 &&
             (m->t[k].lx->lang[C_WDAY] & TL_ES)) ||
            /* Italian weekdays are plural after "i" ("I giovedì sono dedicati
             * alle piramidi"), not before a day ("i giovedì 3 e 10") */
            (k > j && m->lang == TL_IT && m->t[j].e - m->t[j].s == 1 &&
             (m->text[m->t[j].s] | 32) == 'i' && (k2 = p_wday(m, k, &wd)) != 0 &&
             (m->t[k].lx->lang[C_WDAY] & TL_IT) && !isnum(m, k2))) {
            r->type = CHR_TIMEX_SET;
            snprintf(r->v, 48, "XXXX-WXX-%d", wd);
            r->end = k2;
            return k2;
        }
    }
    int every = 0;
    if (has(m, j, C_EVERY)) {
        every = 1;
        j++;
    } else if (kw(m, j, K_ALL) && kw(m, j + 1, K_THE)) {
        every = 2;
        j += 2;
    }
    if (!every)
        return 0;
    {
        /* "chaque 14 juillet", "cada 14 de julio", "ogni 14 luglio" */
        int d0, mo0, kd0 = p_day(m, j, &d0);
        int km = kd0 && kw(m, kd0, K_OF) ? kd0 + 1 : kd0;
        int k3 = kd0 ? p_month(m, km, &mo0, 0) : 0;
        if (k3 && d0 <= chr_month_days(2000, mo0)) {
            r->type = CHR_TIMEX_SET;
            snprintf(r->v, 48, "XXXX-%02d-%02d", mo0, d0);
            r->end = k3;
            return k3;
        }
    }
    long n = 1;
    int half, u, pl;
    int k = kw(m, j, K_OTHER) ? 0 : p_count(m, j, &n, &half);
    if (kw(m, j, K_OTHER)) { /* "every other week": every second one */
        j++;
        n = 2;
    } else if (k && n > 0) {
        j = k;
    } else {
        n = 1;
    }
    if ((k2 = p_unit(m, j, &u, &pl)) != 0) {
        if (every == 2 && !pl)
            return 0;
        r->type = CHR_TIMEX_SET;
        fmt_dur(r->v, n, u, 0);
        int kd = u == U_YEAR && n == 1 ? yearly_day(m, k2, r) : 0;
        r->end = kd ? kd : k2;
        return r->end;
    }
    if ((k2 = p_wday(m, j, &wd)) != 0 || (k2 = p_wday_pl(m, j, 1, &wd)) != 0) {
        r->type = CHR_TIMEX_SET;
        snprintf(r->v, 48, "XXXX-WXX-%d", wd);
        r->end = k2;
        return k2;
    }
    int mo;
    if ((k2 = p_month(m, j, &mo, 0)) != 0) {
        r->type = CHR_TIMEX_SET;
        snprintf(r->v, 48, "XXXX-%02d", mo);
        int d, k3 = p_day(m, k2, &d); /* "every August 11" */
        if (k3 && !(isnum(m, k2) && m->t[k2].nd == 4) && d <= chr_month_days(2000, mo) &&
            !counted(m, k3)) {
            snprintf(r->v, 48, "XXXX-%02d-%02d", mo, d);
            k2 = k3;
        }
        r->end = k2;
        return k2;
    }
    if (has(m, j, C_SEASON)) {
        r->type = CHR_TIMEX_SET;
        fmt_season(r->v, 0, val(m, j, C_SEASON));
        r->end = j + 1;
        return j + 1;
    }
    if (has(m, j, C_PART) || (has(m, j, C_DEICT) && val(m, j, C_DEICT) == D_TOMORROW_OR_MORNING)) {
        /* "cada noche"; "cada mañana" is every morning, not tomorrow */
        r->type = CHR_TIMEX_SET;
        snprintf(r->v, 48, "P1D");
        r->end = j + 1;
        return j + 1;
    }
    return 0;
}

static const char *part_code(int p)
{
    switch (p) {
    case P_MO:
        return "MO";
    case P_AF:
        return "AF";
    case P_EV:
        return "EV";
    case P_NI:
    case P_OVERNIGHT:
        return "NI";
    case P_NOON:
        return "12:00";
    case P_MIDNIGHT:
        return "24:00";
    default:
        return "DT";
    }
}

/* A weekday at token i joined by "y", "et", "e", "and", "o", "ou", "or"
 * (and an article) to a day just emitted ("este miércoles y jueves", "ce
 * lundi et mardi", "questo mercoledì e giovedì", "nesta quarta e quinta"):
 * it is the same weekday nearest that day, not one the tense points to on
 * its own. Sets the date; returns 0 when the weekday stands alone. */
static int coordinated_wday(const M *m, int i, int wd, int *y, int *mo, int *d)
{
    static const char *const CONJ[] = {"y", "e", "et", "and", "o", "ou", "or", "ed"};
    static const char *const ART[] = {"el", "le", "il", "o", "the", "la", "lo"};
    if (!m->nout || m->agran != 'D' || m->ay <= 0 || !m->ad)
        return 0;
    int j = i - 1;
    if (j >= 2) {
        for (size_t k = 0; k < sizeof ART / sizeof *ART; k++)
            if (word_eq(m->text + m->t[j].s, m->t[j].e - m->t[j].s, ART[k])) {
                j--;
                break;
            }
    }
    if (j < 1)
        return 0;
    int conj = 0;
    for (size_t k = 0; k < sizeof CONJ / sizeof *CONJ; k++)
        conj |= word_eq(m->text + m->t[j].s, m->t[j].e - m->t[j].s, CONJ[k]);
    const chr_timex *last = last_out(m);
    if (!conj || last->end != m->t[j - 1].e || last->type != CHR_TIMEX_DATE)
        return 0;
    int lwd = chr_weekday(m->ay, m->am, m->ad);
    if (lwd == wd)
        return 0;
    int k = ((wd - lwd) + 7) % 7;
    if (k > 3)
        k -= 7;
    *y = m->ay;
    *mo = m->am;
    *d = m->ad;
    add_days(y, mo, d, k);
    return 1;
}

/* "tomorrow" as a noun, the future: "la Libye de demain", "el mundo de
 * mañana", "l'Italia di domani", "o Brasil de amanhã", "România de
 * mâine", "the world of tomorrow". After "de/di/do/of" that follows a
 * name (capitalised inside a sentence) or a noun of what a future is
 * made of (world, society, generation, leaders...); "le vote de demain",
 * "la reunión de mañana", "a partir de mañana" stay tomorrow. */
static int tomorrow_noun(const M *m, int i)
{
    static const char *const OF[] = {"de", "di", "d", "do", "del", "of", NULL};
    static const char *const NOUN[] = {
        "monde",        "société",     "ville",       "villes",      "pays",      "école",
        "génération",   "générations", "dirigeants",  "leaders",     "citoyens",  "enfants",
        "jeunes",       "métiers",     "emplois",     "défis",       "enjeux",    "économie",
        "énergie",      "énergies",    "médecine",    "agriculture", "guerres",   "mundo",
        "sociedad",     "ciudad",      "ciudades",    "país",        "escuela",   "generación",
        "generaciones", "dirigentes",  "líderes",     "ciudadanos",  "niños",     "jóvenes",
        "empleos",      "retos",       "desafíos",    "economía",    "energía",   "medicina",
        "agricultura",  "guerras",     "mondo",       "società",     "città",     "paese",
        "scuola",       "generazione", "generazioni", "dirigenti",   "leader",    "cittadini",
        "giovani",      "sfide",       "economia",    "energia",     "sociedade", "cidade",
        "cidades",      "escola",      "geração",     "gerações",    "jovens",    "desafios",
        "món",          "societat",    "ciutat",      "ciutats",     "generació", "joves",
        "reptes",       "lumea",       "societatea",  "generația",   "tinerii",   "world",
        "society",      "city",        "cities",      "country",     "school",    "generation",
        "generations",  "people",      "citizens",    "children",    "jobs",      "challenges",
        "economy",      "energy",      "medicine",    "wars",        NULL};
    size_t ps, pe = raw_word_before(m, m->t[i].s, &ps);
    if (pe == ps || !(raw_word_in(m, ps, pe, OF) ||
                      (!(m->lang & TL_IT) && pe - ps == 2 && !strncasecmp(m->text + ps, "da", 2))))
        return 0; /* Portuguese "da"; Italian "da domani" is "from tomorrow" */
    size_t ns, ne = raw_word_before(m, ps, &ns);
    if (ne - ns < 2)
        return 0;
    unsigned char c0 = (unsigned char)m->text[ns], c1 = (unsigned char)m->text[ns + 1];
    int cap = (c0 >= 'A' && c0 <= 'Z' && c1 >= 'a') || (c0 == 0xC3 && c1 >= 0x80 && c1 <= 0x9E);
    if (cap && mid_sentence(m, ns))
        return 1; /* a name */
    return raw_word_in(m, ns, ne, NOUN);
}

/* A day word: weekday, yesterday/today/tomorrow (any language). Returns
 * index after and the date; 0 when none. */
static int wrange_week(const M *m, int j, int *dw);

/* Whether the capitalised "Oggi", "Today", "Hoy" or "Domani" at token i
 * (value dv; the word before spans pws..pwe) is part of a paper's name:
 * Italian after a word in lower case ("il quotidiano Domani", "ha detto a
 * Oggi"), or in any language after a capitalised word that itself follows
 * a word in lower case or a copyright sign ("Lo scrive Italia Oggi", "the
 * newspaper USA Today", "© Sardegna Oggi"). Not "Mattarella Oggi a
 * Napoli", a headline's capitals, nor "SCIOPERO OGGI". */
/* Whether the sentence around byte p (up to . ! ? or a line break) has a
 * word of four letters or more in lower case, not one that title case
 * leaves so: prose ("he told USA Today"), not a headline in title case
 * ("Obama Meets with Merkel Today"). */
static int prose_line(const M *m, size_t p)
{
    /* words a title-case English headline keeps in lower case */
    static const char *const TITLE_SMALL[] = {"with", "from", "into", "over", "amid",  "onto",
                                              "upon", "near", "than", "that", "after", NULL};
    size_t a = p, b = p;
    while (a > 0 && !strchr(".!?\n", m->text[a - 1]))
        a--;
    while (b < m->len && !strchr(".!?\n", m->text[b]))
        b++;
    for (size_t q = a, run = 0; q < b; q++) {
        unsigned char c = (unsigned char)m->text[q];
        if (c >= 'a' && c <= 'z' && (run || q == a || !isalpha((unsigned char)m->text[q - 1])))
            run++;
        else
            run = 0;
        if (run >= 5 || (run == 4 && (q + 1 >= b || !isalpha((unsigned char)m->text[q + 1])) &&
                         !word_in(m->text + q - 3, 4, TITLE_SMALL)))
            return 1;
    }
    return 0;
}

static int masthead_day(const M *m, int i, int dv, size_t pws, size_t pwe)
{
    const tk *t = &m->t[i];
    if (!t->cap || (dv != D_TODAY && dv != D_TOMORROW) || t->e - t->s < 2 ||
        !islower((unsigned char)m->text[t->s + 1]) || pwe <= pws || pwe != t->s - 1)
        return 0;
    unsigned char c = (unsigned char)m->text[pws];
    if (m->lang == TL_IT && islower(c))
        return 1;
    if (!isupper(c))
        return 0;
    if (pws >= 3 && !memcmp(m->text + pws - 3, "\xc2\xa9 ", 3))
        return 1; /* "© Sardegna Oggi" */
    size_t qs, qe = raw_word_before(m, pws, &qs);
    return qe > qs && qe == pws - 1 && islower((unsigned char)m->text[qs]) &&
           prose_line(m, t->s); /* not "Protests in Cairo Today", a headline */
}

static int p_dayword(M *m, int i, int *y, int *mo, int *d, int *tense)
{
    int wd, k;
    if ((k = p_wday(m, i, &wd)) != 0) {
        if (i > 0 && kw(m, i - 1, K_THE) && (kw(m, k, K_NEXTD) || kw(m, k, K_PREVD)))
            return 0; /* "il sabato successivo": the day after another (day_anaphor) */
        if (half_word(m, k))
            return 0; /* "na segunda metade da partida": the second half, no Monday */
        if (!m->hasref) {
            *y = 0;
            return k;
        }
        *tense = guess_tense(m, m->t[i].s, m->t[k - 1].e);
        if (*tense == 0 && m->memo_pres == 2)
            *tense = 1; /* "o enviado chega na sexta-feira" */
        if (pu(m, k, '\'') && glued(m, k) && kw(m, k + 1, K_S))
            *tense = -1; /* "Wednesday's ruling": an event already named */
        /* the Spanish perfect tells of today: a weekday with it is today,
         * or tomorrow when that is the day (a story dated the day before),
         * else the last one, as without a tense */
        int dw, kweek = wrange_week(m, k, &dw);
        if (kweek) {
            /* "na terça-feira da semana passada", "el lunes de la semana
             * pasada", "Monday of next week": that week's day */
            *y = m->ry, *mo = m->rm, *d = m->rd;
            add_days(y, mo, d, 7L * dw + wd - chr_weekday(m->ry, m->rm, m->rd));
            *tense = dw < 0 ? -1 : dw > 0 ? 1 : *tense;
            return kweek;
        }
        if (!coordinated_wday(m, i, wd, y, mo, d))
            res_wday(m, wd, 0, *tense < 0 && m->memo_perf ? 0 : *tense, y, mo, d);
        return k;
    }
    if (has(m, i, C_DEICT)) {
        int dv = val(m, i, C_DEICT);
        long off;
        k = i + 1;
        size_t pws, pwe = raw_prev_word(m, i, &pws);
        if (masthead_day(m, i, dv, pws, pwe))
            return 0;
        if (dv == D_TODAY) {
            off = 0;
            if (pu(m, k, '\'') && kw(m, k + 1, K_MISC)) /* aujourd'hui */
                k += 2;
        } else if (dv == D_YESTERDAY) {
            off = -1;
            if (m->lang == TL_ES && word_before(m, i, "antes de"))
                off = -2; /* "antes de ayer": the day before yesterday */
            if (m->lang == TL_CA_ALL &&
                (word_before(m, i, "abans d'") || word_before(m, i, "abans d\xe2\x80\x99")))
                off = -2; /* "abans d'ahir", as written before 2016 */
            if (has(m, k, C_DEICT) && val(m, k, C_DEICT) == D_DBY && !other_noun(m, k)) {
                off = -2; /* "ieri l'altro": the day before yesterday */
                k++;
            }
        } else if (dv == D_TOMORROW) {
            if (tomorrow_noun(m, i))
                return 0;
            off = 1;
            if (m->lang == TL_PT && word_before(m, i, "depois de"))
                off = 2; /* "depois de amanhã": the day after tomorrow */
            if (m->lang == TL_CA_ALL && has(m, k, C_POSTREL) && val(m, k, C_POSTREL) == R_LAST) {
                off = 2; /* "demà passat": the day after tomorrow */
                k++;
            }
        } else if (dv == D_DBY) {
            if (m->lang == TL_IT && !holds_ci(m->text + m->t[i].s, m->t[i].e - m->t[i].s, "ieri") &&
                !(has(m, k, C_DEICT) && val(m, k, C_DEICT) == D_YESTERDAY))
                return 0; /* "l'altro" is the day before yesterday only beside "ieri"
                           * (not "l'altro candidato", "l'altro giorno") */
            off = -2;
            if (has(m, k, C_DEICT) && val(m, k, C_DEICT) == D_YESTERDAY)
                k++; /* "l'altro ieri" */
        } else if (dv == D_DAT) {
            off = 2;
        } else if (dv == D_INDAY) {
            /* "in giornata": today, later ("dovrebbe ricevere l'incarico in
             * giornata"); not "la giornata di ieri", "in una giornata" */
            size_t ws, we = raw_prev_word(m, i, &ws);
            if (!(we > ws &&
                  (word_eq(m->text + ws, we - ws, "in") || word_eq(m->text + ws, we - ws, "In"))))
                return 0;
            off = 0;
        } else if (dv == D_TOMORROW_OR_MORNING && m->lang == TL_ES && i > 0 &&
                   has(m, i - 1, C_REL) && val(m, i - 1, C_REL) == R_LAST &&
                   word_before(m, i, "pasado") && !(i > 1 && kw(m, i - 2, K_THE))) {
            off = 2; /* "pasado mañana": the day after tomorrow ("el pasado" is
                        not: "la mañana del pasado") */
        } else if (dv == D_TOMORROW_OR_MORNING) {
            /* mañana / morgen: "la mañana", "heute Morgen" are mornings */
            if (i > 0 && (kw(m, i - 1, K_THE) || has(m, i - 1, C_REL) || has(m, i - 1, C_DEICT)))
                return 0;
            if (m->t[i].cap && (m->lang & TL_DE) && i > 0)
                return 0;
            if (tomorrow_noun(m, i))
                return 0;
            off = 1;
        } else {
            return 0;
        }
        if (!m->hasref) {
            *y = 0;
            *mo = (int)off;
            return k;
        }
        *y = m->ry;
        *mo = m->rm;
        *d = m->rd;
        add_days(y, mo, d, off);
        return k;
    }
    return 0;
}

/* The day a part of the day written first belongs to (tokens from k):
 * "(pomeriggio) di ieri", "(noite) de domingo", "(manhã) desta
 * terça-feira", "(notte) tra sabato e domenica" (the first), "(mattina)
 * del 15 marzo", "(notte) scorsa" (the one before the reference day).
 * Returns the index after, or 0. */
static int pat_holiday(M *m, int i, R *r);

static int part_day(M *m, int k, int *y, int *mo, int *d, int *tense)
{
    if (has(m, k, C_POSTREL) && val(m, k, C_POSTREL) == R_LAST && m->hasref) {
        *y = m->ry, *mo = m->rm, *d = m->rd;
        add_days(y, mo, d, -1);
        return k + 1;
    }
    int between = kw(m, k, K_BETWEEN);
    if (m->lang == TL_RO && has(m, k, C_UNIT) && val(m, k, C_UNIT) == U_DAY && kw(m, k + 1, K_OF))
        k++; /* "(dimineața) zilei de luni" */
    if (kw(m, k, K_OF) || between)
        k++;
    else if (!(has(m, k, C_REL) && val(m, k, C_REL) == R_THIS && m->lang == TL_PT))
        return 0;
    if (has(m, k, C_REL) && val(m, k, C_REL) == R_THIS && m->lang == TL_PT)
        k++; /* desta, deste */
    if (kw(m, k, K_THE))
        k++;
    if (pu(m, k, '\'') && glued(m, k))
        k++; /* "(notte) tra l'8 e il 9 settembre" */
    int last = has(m, k, C_REL) && val(m, k, C_REL) == R_LAST && !(m->lang & TL_EN), wd;
    int k2 = p_dayword(m, k, y, mo, d, tense);
    if (!k2 && last && p_wday(m, k + 1, &wd)) { /* "(la mañana) del pasado lunes" */
        if (m->hasref) {
            res_wday(m, wd, -1, 0, y, mo, d);
        } else {
            *y = 0;
        }
        *tense = -1;
        return p_wday(m, k + 1, &wd);
    }
    if (!k2) {
        R sub;
        /* "(la mañana) del pasado 19 de enero" */
        if (last && isnum(m, k + 1))
            k++;
        r_init(&sub, k);
        k2 = pat_dm(m, k, &sub);
        if (!k2 && has(m, k, C_HOLIDAY)) {
            r_init(&sub, k); /* "la notte di Natale", "la mattina di Pasqua" */
            k2 = pat_holiday(m, k, &sub);
        }
        if (!k2 && has(m, k, C_REL) && val(m, k, C_REL) == R_THAT && m->agran == 'D' && m->ay > 0) {
            /* "all'alba di quel giorno", "la noche de ese mismo día": the day
             * last told */
            int u, pl, k3 = k + 1 + kw(m, k + 1, K_SAME), k4 = p_unit(m, k3, &u, &pl);
            if (k4 && !pl && u == U_DAY) {
                *y = m->ay, *mo = m->am, *d = m->ad;
                return k4;
            }
        }
        if (!k2 || !sub.d || sub.y <= 0)
            return 0;
        *y = sub.y, *mo = sub.m, *d = sub.d;
        return k2;
    }
    if ((between && (kw(m, k2, K_AND) || kw(m, k2, K_Y))) ||
        (!between && (kw(m, k2, K_TO) || (m->lang == TL_PT && kw(m, k2, K_MISC))))) {
        /* "notte tra sabato e domenica", "nuit de samedi à dimanche",
         * "noite de segunda para terça-feira" */
        int y2, mo2, d2, t2;
        int k3 = p_dayword(m, k2 + 1, &y2, &mo2, &d2, &t2);
        if (k3)
            k2 = k3;
    }
    return k2;
}

/* Whether the words from token k tie a part of the day to days part_day
 * could not read: "between" and a number ("nella notte tra il 31 e…"; not
 * "dans l'après-midi entre les quartiers") or "of" and a saint ("nella
 * notte di Santo Stefano", "la noche de San Juan": the saint's day is
 * tagged alone, when known). Such a part is not the day reported ("Dans
 * la nuit de Zaouïa" is). */
static int part_of_other(const M *m, int k)
{
    static const char *const SAINT[] = {"San",    "Santo",      "Santa", "Saint",
                                        "Sainte", "S\xc3\xa3o", NULL};
    size_t s, e;
    next_raw_word(m, m->t[k].e, &s, &e);
    if (kw(m, k, K_BETWEEN)) {
        if (e > s && (raw_word_in(m, s, e, SAINT) || kw(m, k + 1, K_THE)))
            next_raw_word(m, e, &s, &e); /* over an article */
        return e > s && m->text[s] >= '0' && m->text[s] <= '9';
    }
    return kw(m, k, K_OF) && e > s && raw_word_in(m, s, e, SAINT);
}

/* A part of the day alone that news use for the day they report, in
 * Italian and Portuguese: "in mattinata", "in serata", "nel pomeriggio",
 * "nel primo pomeriggio", "nel corso della notte", "durante la notte",
 * "all'alba", "in tarda serata", "pela manhã", "à noite", "de madrugada";
 * in Spanish and French after "in the": "por la mañana", "en la noche",
 * "dans la matinée", "dans l'après-midi", "en soirée" (not "la nuit" alone,
 * nor "toute la nuit"). */
static int bare_part(const M *m, int k)
{
    if (m->lang == TL_ES || m->lang == TL_FR) {
        int p = k - 1;
        if (pu(m, p, '\'') && glued(m, p))
            p--;
        if (kw(m, p, K_THE) && (word_before(m, p, "pendant") || word_before(m, p, "durant") ||
                                word_before(m, p, "durante")))
            return 1; /* "pendant la nuit", "durante la noche" */
        if (kw(m, p, K_THE))
            p--;
        else if (m->lang == TL_ES)
            return kw(m, p, K_OF) && m->t[p].e - m->t[p].s == 2; /* "de madrugada" */
        return kw(m, p, K_IN) && !kw(m, p, K_TO); /* "por", "en", "dans" (not "au") */
    }
    if (m->lang != TL_IT && m->lang != TL_PT)
        return 0;
    int p = k - 1;
    if (m->lang == TL_IT && p >= 0 &&
        ((has(m, p, C_ORDW) && val(m, p, C_ORDW) == 1) || kw(m, p, K_PREVD)))
        p--; /* "nel primo pomeriggio", "in prima serata" */
    if (pu(m, p, '\''))
        p--;
    if (m->lang == TL_IT && p >= 0 &&
        ((kw(m, p, K_OF) && word_before(m, p, "corso")) ||
         (kw(m, p, K_THE) && word_before(m, p, "durante"))))
        return 1; /* "nel corso della notte", "durante la notte" */
    if (p >= 0)
        return kw(m, p, K_IN) || kw(m, p, K_TO) || (m->lang == TL_PT && kw(m, p, K_OF));
    return word_before(m, k, "all'") || word_before(m, k, "tarda") || word_before(m, k, "pela") ||
           word_before(m, k, "tarde");
}

/* Whether the last date emitted ends in the sentence of byte p (no
 * sentence's end between them); a time's day does not count, being
 * perhaps the context's itself ("desde las 21.00 hasta las 21.20"). */
static int last_day_in_sentence(const M *m, size_t p)
{
    for (size_t q = m->nout; q-- > 0;) {
        const chr_timex *t = (const chr_timex *)(const void *)(m->out + q * m->rec);
        if (t->type == CHR_TIMEX_TIME)
            return 0;
        if (t->type != CHR_TIMEX_DATE)
            continue;
        for (size_t b = t->end; b < p && b < m->len; b++)
            if (m->text[b] == '\n' ||
                (strchr(".!?", m->text[b]) && b + 1 < m->len && m->text[b + 1] == ' '))
                return 0;
        return t->end <= p;
    }
    return 0;
}

/* The day a time of day without one (at byte p) belongs to: the day last
 * mentioned in the text tagged, else the reference day (y stays 0 without
 * either). The reading is anchored only when that day was written in the
 * time's own sentence: in the pipeline, which tags sentence by sentence, a
 * time in the sentence after a dated one keeps the reference day (taking
 * the day before, session 21 found 7 right and 14 wrong on ML-Crisis, 2
 * and 27 on Reuters: "Ce midi", "Chaque matin à 8 heures", "las 2 de la
 * madrugada" after "ayer por la noche"), but one after an anaphor that
 * the sentence before resolves takes its day ("L'indomani sono entrati in
 * città e in serata erano in piazza"). */
static void context_day(const M *m, R *r, size_t p, int *y, int *mo, int *d)
{
    if (m->agran == 'D' && m->ay > 0) {
        *y = m->ay;
        *mo = m->am;
        *d = m->ad;
        r->anchored = last_day_in_sentence(m, p);
    } else if (m->hasref) {
        *y = m->ry;
        *mo = m->rm;
        *d = m->rd;
    }
}

/* A number that the word before makes an hour, in Italian and Portuguese:
 * "alle 14", "dalle 9.30", "verso le 8", "às 14h30", "pelas 6h". What may
 * follow is checked by pat_time ("alle 12 vittime" is no time). */
/* The token after a French spaced clock time whose "h" is token k: "22 h
 * 30" (two-figure minutes) or "21 h". */
static int fr_spaced_end(const M *m, int k)
{
    return isnum(m, k + 1) && m->t[k + 1].nd == 2 && m->t[k + 1].num < 60 ? k + 2 : k + 1;
}

/* Whether a French word of the hour stands before token j ("à", "vers",
 * "dès"). */
static int fr_at_hour(const M *m, int j)
{
    static const char *const FR[] = {
        "\xc3\xa0",         "\xc3\x80",   "vers",         "Vers",
        "d\xc3\xa8s",       "D\xc3\xa8s", "alentours de", "\xc3\xa0 environ",
        "\xc3\x80 environ", "Il est",     "il est",       "Il \xc3\xa9tait",
        "il \xc3\xa9tait",  NULL};
    for (const char *const *w = FR; *w; w++)
        if (word_before(m, j, *w))
            return 1;
    /* "A 18 h 30, ...": a capital's accent left out, opening the sentence
     * (word_before folds case: "il y a 2 h" is no such "à") */
    size_t p = m->t[j].s;
    while (p > 0 && m->text[p - 1] == ' ')
        p--;
    return p > 0 && m->text[p - 1] == 'A' && (p == 1 || m->text[p - 2] == '\n');
}

static int clock_cue(const M *m, int j)
{
    if (pu(m, j + 1, '.') && glued(m, j + 1) && isnum(m, j + 2) && glued(m, j + 2) &&
        m->t[j + 2].nd == 3)
        return 0; /* a figure's thousands: "de las 1.200 toneladas" */
    if (m->lang == TL_ES && isnum(m, j) && m->t[j].nd <= 2) {
        /* "a las 14.30 horas", "hacia las 10 de la mañana", "desde las 9",
         * "a la una" (not "las 24 horas", "en las 48 horas siguientes") */
        static const char *const ES[] = {
            "a las",     "hacia las", "desde las", "hasta las", "sobre las", "de las", "y las",
            "entre las", "a la",      "A las",     "Hacia las", "Desde las", NULL};
        for (const char *const *w = ES; *w; w++)
            if (word_before(m, j, *w))
                return 1;
        return 0;
    }
    if (m->lang == TL_FR && isnum(m, j) && m->t[j].nd <= 2 &&
        ((has(m, j + 1, C_UNITPL) && val(m, j + 1, C_UNITPL) == U_HOUR) ||
         (has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_HOUR))) {
        /* "à 18 heures", "vers 10 heures du matin", "dès 7 heures" (not
         * "pendant 18 heures", "en 48 heures") */
        if (kw(m, j + 2, K_OF) && m->t[j + 2].e - m->t[j + 2].s == 2 && !has(m, j + 3, C_PART) &&
            !kw(m, j + 3, K_THE))
            return 0; /* "à 2 heures de vol d'ici", "à trois heures de route": a distance
                       * (not "à 2 heures de l'après-midi") */
        return fr_at_hour(m, j);
    }
    if (m->lang == TL_CA_ALL && isnum(m, j) && m->t[j].nd <= 2 && m->t[j].num <= 24)
        return word_before(m, j, "a les") || word_before(m, j, "A les"); /* "a les 18 h" */
    if ((m->lang != TL_IT && m->lang != TL_PT) || !isnum(m, j) || m->t[j].nd > 2)
        return 0;
    static const char *const IT[] = {"alle", "dalle", "le", NULL};
    static const char *const PT[] = {"\xc3\xa0s", "\xc3\x80s", "as", "das", "pelas", NULL};
    for (const char *const *w = m->lang == TL_IT ? IT : PT; *w; w++)
        if (word_before(m, j, *w))
            return 1;
    return 0;
}

/* Whether the word after an Italian or Portuguese hour ("alle 11") is one
 * that goes on a clause, not the noun of a count ("alle 11 è cominciato il
 * corteo", "alle 11 in punto", "às 11 em ponto"; not "alle 12 vittime"). */
static int hour_word_after(const M *m, int j)
{
    static const char *const W[] = {"\xc3\xa8", "e",      "ha",       "hanno",    "si",  "sono",
                                    "era",      "erano",  "in",       "a",        "ad",  "circa",
                                    "precise",  "esatte", "italiane", "locali",   "con", "per",
                                    "quando",   "ci",     "c",        "\xc3\xa9", "em",  "foi",
                                    "houve",    "cerca",  "o",        "os",       "as",  NULL};
    size_t s, e;
    next_raw_word(m, m->t[j].e, &s, &e);
    return e > s && raw_word_in(m, s, e, W);
}

/* Spanish "mañana" after an article or "esta (misma)" is the morning ("el
 * martes por la mañana", "esta mañana"), not tomorrow. */
static int es_morning(const M *m, int k)
{
    return k > 0 && has(m, k, C_DEICT) && val(m, k, C_DEICT) == D_TOMORROW_OR_MORNING &&
           (m->t[k].lx->lang[C_DEICT] & TL_ES) && !(m->lang & TL_DE) &&
           (kw(m, k - 1, K_THE) || has(m, k - 1, C_REL) ||
            (kw(m, k - 1, K_SAME) && has(m, k - 2, C_REL)));
}

/* Times of day: "10:30 a.m.", "10 a.m. EST", "noon", "midnight Friday",
 * "Friday morning", "this morning", "last night", "tonight", "yesterday
 * afternoon", "hier soir", "ayer por la tarde", "вчера вечером", "14h30",
 * "4 a.m. EDT Thursday". */
/* Whether the number token j is the hours of an offset from UTC ("UTC-04:30",
 * "GMT+5:30", "(UTC +01:00)", "UTC−3"): a zone's difference, no time of day
 * ("10:30 GMT+1" is one, with its offset after it). */
static int utc_offset(const M *m, int j)
{
    if (!isnum(m, j))
        return 0;
    size_t p = m->t[j].s;
    if (p > 0 && m->text[p - 1] == ' ')
        p--;
    if (p > 0 && (m->text[p - 1] == '+' || m->text[p - 1] == '-'))
        p--;
    else if (p >= 3 && !memcmp(m->text + p - 3, "\xe2\x88\x92", 3))
        p -= 3; /* U+2212 minus */
    else
        return 0;
    if (p > 0 && m->text[p - 1] == ' ')
        p--;
    if (p < 3 || (p > 3 && label_char(m->text[p - 4])))
        return 0;
    return !strncasecmp(m->text + p - 3, "utc", 3) || !strncasecmp(m->text + p - 3, "gmt", 3);
}

/* The end of a zone's offset at token j, after the zone ("16:00 GMT+1",
 * "9:30 UTC-04:30"); j when none follows. */
static int zone_offset_end(const M *m, int j)
{
    if (!(pu(m, j, '+') || pu(m, j, '-')) || !utc_offset(m, j + 1))
        return j;
    j += 2;
    if (pu(m, j, ':') && glued(m, j) && isnum(m, j + 1) && glued(m, j + 1))
        j += 2;
    return j;
}

/* Whether h:mm written bare (tokens j..k-1, no a.m. after) is a ratio, a
 * score or a game clock, not a time of day: after a word for scale or
 * ratio ("scala 1:24", "scale 1:43", "a ratio of 16:10", "aspect ratio
 * 21:09"), after a verb of winning or losing ("won 19:21", "beat them
 * 24:22", "ha vinto 2:10"), before a word for a win or defeat ("a 19:21
 * win"), or counting a game's clock ("with 1:24 left", "2:55 into
 * overtime", "the final 4:29 of regulation"). */
static int colon_not_clock(const M *m, int j, int k)
{
    static const char *const RATIO[] = {"scale",
                                        "scala",
                                        "\xc3\xa9"
                                        "chelle",
                                        "escala",
                                        "ma\xc3\x9fstab",
                                        "massstab",
                                        "ratio",
                                        "rapporto",
                                        "rapport",
                                        "raport",
                                        "aspect",
                                        "proporci\xc3\xb3n",
                                        "propor\xc3\xa7\xc3\xa3o",
                                        "proporzione",
                                        "odds",
                                        NULL};
    static const char *const OF[] = {"of", "de", "di", "du", "von", NULL};
    static const char *const SCORE[] = {"won",
                                        "win",
                                        "wins",
                                        "beat",
                                        "beats",
                                        "lost",
                                        "lose",
                                        "loses",
                                        "drew",
                                        "defeated",
                                        "edged",
                                        "vinto",
                                        "perso",
                                        "battuto",
                                        "pareggiato",
                                        "gagn\xc3\xa9",
                                        "battu",
                                        "perdu",
                                        "gan\xc3\xb3",
                                        "perdi\xc3\xb3",
                                        "venci\xc3\xb3",
                                        "empat\xc3\xb3",
                                        "venceu",
                                        "perdeu",
                                        "ganhou",
                                        "empatou",
                                        "gewann",
                                        "verlor",
                                        "siegte",
                                        "besiegte",
                                        "c\xc3\xa2\xc8\x99tigat",
                                        "pierdut",
                                        NULL};
    static const char *const OBJ[] = {"them", "us", "him", "her", "it",
                                      "les",  "li", "los", "sie", NULL};
    static const char *const RESULT[] = {"win",
                                         "victory",
                                         "defeat",
                                         "loss",
                                         "draw",
                                         "victoire",
                                         "d\xc3\xa9"
                                         "faite",
                                         "vittoria",
                                         "sconfitta",
                                         "victoria",
                                         "derrota",
                                         "vit\xc3\xb3ria",
                                         "Sieg",
                                         "Niederlage",
                                         "victorie",
                                         "\xc3\xaenfr\xc3\xa2ngere",
                                         NULL};
    static const char *const LEFT[] = {"left", "remaining", "to play", "to go", NULL};
    static const char *const GAME[] = {"overtime", "OT",      "regulation", "period",
                                       "half",     "quarter", "round",      "game",
                                       "match",    "extra",   NULL};
    size_t ws, we = raw_prev_word(m, j, &ws), ws2 = ws, we2 = ws;
    if (we > ws)
        we2 = raw_word_before(m, ws, &ws2);
    if (we > ws && raw_word_in(m, ws, we, RATIO))
        return 1;
    if (we2 > ws2 && raw_word_in(m, ws, we, OF) && raw_word_in(m, ws2, we2, RATIO))
        return 1;
    if (we > ws && raw_word_in(m, ws, we, SCORE))
        return 1;
    if (we2 > ws2 && raw_word_in(m, ws, we, OBJ) && raw_word_in(m, ws2, we2, SCORE))
        return 1;
    size_t p = m->t[k - 1].e, s, e;
    next_raw_word(m, p, &s, &e);
    if (e == s)
        return 0;
    if (raw_word_in(m, s, e, RESULT))
        return 1;
    if (we > ws && we - ws == 4 && !strncasecmp(m->text + ws, "with", 4))
        for (const char *const *w = LEFT; *w; w++)
            if (raw_phrase(m, s, *w))
                return 1;
    if ((e - s == 4 && !strncasecmp(m->text + s, "into", 4)) ||
        (e - s == 2 && !strncasecmp(m->text + s, "of", 2))) {
        /* "into overtime", "of regulation", "into the third period" */
        for (int w = 0; w < 3; w++) {
            next_raw_word(m, e, &s, &e);
            if (e == s)
                return 0;
            if (raw_word_in(m, s, e, GAME))
                return 1;
        }
    }
    return 0;
}

/* A live report's stamp: a clock time (tokens i..j-1) opening its sentence
 * before a separator ("10h29 : les forces loyales...", "13:40 - "), or a
 * page's after "Actualizado", "Updated", "Mis à jour". */
static int clock_stamp(const M *m, int i, int j)
{
    static const char *const UPDATED[] = {
        "Actualizado",   "Actualizada", "Atualizado", "Updated", "Aggiornato",
        "Publicado",     "Published",   "Posted",     "jour",    "Modifi\xc3\xa9",
        "Publi\xc3\xa9", "Atualizada",  "Aggiornata", NULL};
    static const char *const AT[] = {"\xc3\xa0", "a",  "las", "\xc3\xa0s", "alle",
                                     "at",       "le", "el",  NULL};
    size_t ws, we = raw_word_before(m, m->t[i].s, &ws);
    for (int k = 0; k < 2 && we > ws && raw_word_in(m, ws, we, AT); k++)
        we = raw_word_before(m, ws, &ws);
    if (we > ws && raw_word_in(m, ws, we, UPDATED))
        return 1; /* a page's stamp: "Actualizado 09:30h", "Mis à jour à 10h12",
                     "Actualizado a las 09:30h", "Publié à 10h" */
    size_t b = m->t[i].s;
    while (b > 0 && (m->text[b - 1] == ' ' || m->text[b - 1] == '\t'))
        b--;
    if (b > 0 && m->text[b - 1] >= '0' && m->text[b - 1] <= '9')
        return 0; /* a written day before it: "12 août 2013 22h14 :" */
    if (b > 0 && mid_sentence(m, m->t[i].s))
        return 0;
    size_t p = m->t[j - 1].e;
    for (;;) /* spaces, no-break ones too ("10h29\u00a0:") */
        if (p < m->len && m->text[p] == ' ')
            p++;
        else if (p + 1 < m->len && !memcmp(m->text + p, "\xc2\xa0", 2))
            p += 2;
        else if (p + 2 < m->len && !memcmp(m->text + p, "\xe2\x80\xaf", 3))
            p += 3;
        else
            break;
    if (p < m->len && m->text[p] == '.') /* "14h59." on its line, "23.25. El ministro" */
        return p + 1 >= m->len || m->text[p + 1] == '\n' ||
               (p + 2 < m->len && m->text[p + 1] == ' ' && cap_at(m, p + 2) &&
                (b == 0 || m->text[b - 1] == '\n'));
    return p < m->len && (m->text[p] == ':' || m->text[p] == '-' ||
                          (p + 2 < m->len && !memcmp(m->text + p, "\xe2\x80\x93", 3)));
}

/* A live page's stamp with a dot ("20.24 - Due traghetti...", "23.25. El
 * ministro..."): the Italian and Spanish way, no "ore" before it. */
static int dotted_stamp(const M *m, int j)
{
    if (!(isnum(m, j) && m->t[j].nd == 2 && m->t[j].num < 24 && pu(m, j + 1, '.') &&
          glued(m, j + 1) && isnum(m, j + 2) && glued(m, j + 2) && m->t[j + 2].nd == 2 &&
          m->t[j + 2].num < 60 && clock_stamp(m, j, j + 3)))
        return 0;
    size_t b = m->t[j].s, p = m->t[j + 2].e;
    while (b > 0 && (m->text[b - 1] == ' ' || m->text[b - 1] == '\t'))
        b--;
    if (b > 0 && m->text[b - 1] != '\n')
        return 0; /* on a line of its own ("Il risultato: 20.24 - 19.10" is none) */
    while (p < m->len && !isalnum((unsigned char)m->text[p]) && (unsigned char)m->text[p] < 0x80)
        p++;
    return p >= m->len || cap_at(m, p); /* an entry follows, or the line or sentence
                                         * ends ("10.50 - 12.30 euro" is none) */
}

static int pat_time(M *m, int i, R *r)
{
    int j = i, hh = -1, mi = 0, part = 0, colon = 0;
    int y = 0, mo = 0, d = 0, tense = 0, haveday = 0;
    /* Italian "ore 14", "(alle) ore 14.30", Romanian "ora 14.30", "orele
     * 8", "orei 6": the hour named */
    int cue = 0;
    if (((m->lang == TL_IT && has(m, j, C_UNITPL) && val(m, j, C_UNITPL) == U_HOUR) ||
         (m->lang == TL_RO && ((has(m, j, C_UNITPL) && val(m, j, C_UNITPL) == U_HOUR) ||
                               (has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_HOUR)))) &&
        isnum(m, j + 1) && m->t[j + 1].nd <= 2) {
        cue = 2;
        j++;
    } else if (clock_cue(m, j)) {
        cue = 1;
    }
    if (utc_offset(m, j))
        return 0;
    /* clock */
    if (!cue && clock_number(m, j)) {
        /* "1040 GMT", "at 1130", "1600 hrs", "at 1500 hours" */
        hh = (int)m->t[j].num / 100;
        mi = (int)m->t[j].num % 100;
        j++;
        if (has(m, j, C_UNITPL) && val(m, j, C_UNITPL) == U_HOUR)
            j++;
        if (kw(m, j, K_TZ))
            j = zone_offset_end(m, j + 1);
    } else if (plainnum(m, j) || (isnum(m, j) && pu(m, j + 1, ':')) || cue ||
               (cue = dotted_stamp(m, j)) != 0) {
        if (m->t[j].nd > 2 || m->t[j].num > 24)
            return 0;
        int k = j + 1;
        int h = (int)m->t[j].num;
        int ampm = 0;
        if (cue && pu(m, k, '.') && isnum(m, k + 1) && glued(m, k) && glued(m, k + 1) &&
            m->t[k + 1].nd == 2 && m->t[k + 1].num < 60 &&
            !(pu(m, k + 2, '.') && glued(m, k + 2) && isnum(m, k + 3))) {
            mi = (int)m->t[k + 1].num; /* "alle 14.30" */
            k += 2;
            ampm = 1;
            if ((m->lang == TL_ES || m->lang == TL_CA_ALL) &&
                ((has(m, k, C_UNITPL) && val(m, k, C_UNITPL) == U_HOUR) ||
                 (m->lang == TL_CA_ALL && kw(m, k, K_H))))
                k++; /* "a las 14.30 horas", "a les 18.30 h" */
        } else if (pu(m, k, ':') && isnum(m, k + 1) && glued(m, k) && glued(m, k + 1) &&
                   m->t[k + 1].nd == 2 && m->t[k + 1].num < 60) {
            mi = (int)m->t[k + 1].num;
            k += 2;
            if (pu(m, k, ':') && isnum(m, k + 1) && glued(m, k) && glued(m, k + 1))
                k += 2;
            else
                colon = 1;
            ampm = 1; /* a clock time even without am/pm */
        } else if (kw(m, k, K_H) && glued(m, k) && isnum(m, k + 1) && glued(m, k + 1) &&
                   m->t[k + 1].nd == 2) {
            mi = (int)m->t[k + 1].num;
            k += 2;
            ampm = 1;
        } else if (kw(m, k, K_H) && glued(m, k) && !(m->lang & TL_EN)) {
            static const char *const AFTER[] = {"apr\xc3\xa8s", "apres", "avant", "plus", NULL};
            size_t as, ae;
            next_raw_word(m, m->t[k].e, &as, &ae);
            if (m->lang == TL_FR && !fr_at_hour(m, j) &&
                (raw_word_in(m, as, ae, AFTER) || word_before(m, j, "y a")))
                return 0; /* "2h après le couvre-feu", "il y a 2h": two hours, no clock
                           * time */
            k++;          /* "às 6h", "à 6h" */
            ampm = 1;
        } else if (m->lang == TL_FR && h < 24 && kw(m, k, K_H) &&
                   (fr_at_hour(m, j) || clock_stamp(m, j, fr_spaced_end(m, k)))) {
            /* the press's spaced "à 22 h 30", "vers 21 h", a live page's "21 h :"
             * (not a length: "en 2 h 30", "pendant 1 h 45"; nor a distance,
             * "à 2 h 30 de route") */
            int e2 = fr_spaced_end(m, k);
            int of = kw(m, e2, K_OF) && m->t[e2].e - m->t[e2].s == 2              ? e2 + 1
                     : kw(m, e2, K_OF) && pu(m, e2 + 1, '\'') && glued(m, e2 + 1) ? e2 + 2
                                                                                  : 0;
            /* a distance: a word of travel ("à 2 h 30 de route", "à 1 h d'ici");
             * a place's name without minutes ("à 8 h de Beyrouth"); a short one
             * to anything else ("à 2 h de la frontière", "à 3 h de l'Algérie").
             * Not "à 20 h 15 de la gare de Lyon", "à 15 h de la place Tahrir",
             * "à 20 h 30 de l'Université", "à 2 h de l'après-midi" */
            static const char *const TRAVEL[] = {
                "route",  "marche", "vol",    "voiture", "train",     "avion",    "bus",
                "bateau", "trajet", "voyage", "ici",     "l\xc3\xa0", "distance", NULL};
            int article = of && kw(m, of, K_THE);
            if (article)
                of += 1 + (pu(m, of + 1, '\'') && glued(m, of + 1));
            size_t ns, ne;
            next_raw_word(m, m->t[of ? of - 1 : k].e, &ns, &ne);
            if (of && !has(m, of, C_PART) &&
                (raw_word_in(m, ns, ne, TRAVEL) ||
                 (e2 == k + 1 && (h <= 6 || (!article && ne > ns && cap_at(m, ns))))))
                return 0;
            if (e2 == k + 2)
                mi = (int)m->t[k + 1].num;
            k = e2;
            ampm = 1;
        } else if (cue && m->lang == TL_CA_ALL &&
                   (kw(m, k, K_H) || (has(m, k, C_UNITPL) && val(m, k, C_UNITPL) == U_HOUR))) {
            k++; /* "a les 18 h", "a les 18 hores" */
            ampm = 1;
        } else if (cue && (m->lang == TL_PT || m->lang == TL_ES || m->lang == TL_FR) &&
                   ((has(m, k, C_UNITPL) && val(m, k, C_UNITPL) == U_HOUR) ||
                    (has(m, k, C_UNIT) && val(m, k, C_UNIT) == U_HOUR))) {
            k++; /* "às 14 horas", "a las 19 horas", "à 18 heures" */
            ampm = 1;
        } else if (cue == 2 ||
                   (cue && (k < m->n ? (!has(m, k, C_UNIT) || word_after(m, k - 1, "ora")) &&
                                           !has(m, k, C_UNITPL)
                                     : !letter_follows(m, k - 1) || word_after(m, k - 1, "ora") ||
                                           hour_word_after(m, k - 1)))) {
            ampm = 1; /* "ore 14", "alle 14, ora locale", "dalle 10 alle 13", "alle 8
                       * del mattino" (not "alle 12 vittime") */
        }
        {
            int th = ampm && kw(m, k, K_OF) && kw(m, k + 1, K_THE); /* "10 de la mañana" */
            if (th && pu(m, k + 2, '\'') && glued(m, k + 2))
                th++; /* "2 heures de l'après-midi" */
            if (ampm && kw(m, k, K_OF) && has(m, k + 1 + th, C_PART) &&
                val(m, k + 1 + th, C_PART) <= P_NI &&
                !(m->t[k + 1 + th].lx->lang[C_PART] & TL_EN) && h < 12) {
                int pp = val(m, k + 1 + th, C_PART);
                if (pp == P_AF || pp == P_EV || (pp == P_NI && h >= 6))
                    h += 12; /* "8h da manhã", "10 della sera", "2 di notte" */
                k += 2 + th;
            }
        }
        /* a.m. / p.m. / am / pm */
        int pm = -1;
        if ((kw(m, k, K_A) || (k < m->n && m->t[k].kind == TK_WORD && m->t[k].e - m->t[k].s == 1 &&
                               (m->text[m->t[k].s] | 32) == 'p')) &&
            pu(m, k + 1, '.') && glued(m, k + 1) && k + 2 < m->n && glued(m, k + 2) &&
            m->t[k + 2].kind == TK_WORD && m->t[k + 2].e - m->t[k + 2].s == 1 &&
            (m->text[m->t[k + 2].s] | 32) == 'm') {
            pm = (m->text[m->t[k].s] | 32) == 'p';
            k += 3;
            if (pu(m, k, '.') && glued(m, k))
                k++;
        } else if (kw(m, k, K_AM) || kw(m, k, K_PM)) {
            pm = kw(m, k, K_PM);
            k++;
        } else if (kw(m, k, K_OCLOCK)) {
            k++;
            ampm = 1;
        } else if (k < m->n && m->t[k].kind == TK_WORD && m->t[k].e - m->t[k].s == 1 &&
                   m->text[m->t[k].s] == 'o' && pu(m, k + 1, '\'') && kw(m, k + 2, K_OCLOCK)) {
            k += 3;
            ampm = 1;
        }
        if (pm < 0 && !ampm && h <= 12 && kw(m, k, K_IN) && kw(m, k + 1, K_THE) &&
            has(m, k + 2, C_PART) && val(m, k + 2, C_PART) <= P_NI) {
            int pp = val(m, k + 2, C_PART); /* "4 in the morning" */
            pm = pp != P_MO;
            k += 3;
        }
        if (pm < 0 && !ampm)
            return 0;
        if (pm < 0 && colon && colon_not_clock(m, j, k))
            return 0; /* "scala 1:24", "won 19:21", "with 1:24 left" */
        if (pm == 1 && h < 12)
            h += 12;
        if (pm == 0 && h == 12)
            h = 0;
        if (h > 24)
            return 0;
        hh = h;
        j = k;
        if (kw(m, j, K_TZ))
            j = zone_offset_end(m, j + 1);
    } else if (has(m, j, C_PART) &&
               (val(m, j, C_PART) == P_NOON || val(m, j, C_PART) == P_MIDNIGHT)) {
        part = val(m, j, C_PART);
        j++;
        if (part == P_MIDNIGHT && m->t[j - 1].lx->lang[C_PART] == TL_RO) {
            /* Romanian "miezul nopții" (the core of the night); "miezul
             * problemei" is none */
            if (!has(m, j, C_PART) || val(m, j, C_PART) != P_NI)
                return 0;
            j++;
        }
    } else {
        /* day word + part of day */
        int k = j, rr = 0;
        if (has(m, k, C_MOD) && val(m, k, C_MOD) <= M_MID) {
            /* "mid-afternoon yesterday", "early morning", "late Friday night" */
            int k2 = k + 1;
            if (pu(m, k2, '-'))
                k2++;
            if (has(m, k2, C_PART) && val(m, k2, C_PART) <= P_NI) {
                part = val(m, k2, C_PART);
                j = k2 + 1;
                int k3 = p_dayword(m, j, &y, &mo, &d, &tense);
                if (k3) {
                    haveday = 1;
                    j = k3;
                } else if (m->hasref) {
                    y = m->ry, mo = m->rm, d = m->rd;
                    haveday = 1;
                    r->dayless = 1;
                } else {
                    haveday = 1;
                }
                goto out;
            }
        }
        int esmo = m->lang == TL_ES && kw(m, k - 1, K_THE) && es_morning(m, k);
        if ((has(m, k, C_PART) && val(m, k, C_PART) <= P_NI &&
             !(m->t[k].lx->lang[C_PART] & TL_EN)) ||
            esmo) {
            /* "nel pomeriggio di ieri", "na noite de domingo", "la notte
             * scorsa", "in serata", "por la mañana" */
            int k2 = part_day(m, k + 1, &y, &mo, &d, &tense);
            if (k2 || (bare_part(m, k) && !part_of_other(m, k + 1))) {
                part = esmo ? P_MO : val(m, k, C_PART);
                haveday = 1;
                j = k2 ? k2 : k + 1;
                if (!k2) {
                    context_day(m, r, m->t[k].s, &y, &mo, &d);
                    r->dayless = 1;
                }
                goto out;
            }
        }
        if (has(m, k, C_REL) && (val(m, k, C_REL) == R_THIS || val(m, k, C_REL) == R_LAST)) {
            rr = val(m, k, C_REL);
            k++;
            if (rr == R_THIS && kw(m, k, K_SAME))
                k++; /* "esta misma mañana" */
        } else if (kw(m, k, K_THE) && has(m, k + 1, C_PART) && has(m, k + 2, C_KW) &&
                   kw(m, k + 2, K_OF)) {
            return 0;
        }
        if (rr) {
            if (!has(m, k, C_PART) && !(rr == R_THIS && es_morning(m, k)))
                return 0;
            int p = has(m, k, C_PART) ? val(m, k, C_PART) : P_MO;
            if (p == P_NOON || p == P_MIDNIGHT || p == P_OVERNIGHT)
                return 0;
            /* "la pasada madrugada": the small hours just gone, the
             * reference day's own */
            int small = rr == R_LAST && p == P_MO && (m->lang & (TL_ES | TL_PT)) &&
                        m->t[k].e - m->t[k].s == 9 &&
                        !strncasecmp(m->text + m->t[k].s, "madrugada", 9);
            if (rr == R_LAST && p != P_NI && !small)
                return 0;
            if (!m->hasref)
                return 0;
            y = m->ry;
            mo = m->rm;
            d = m->rd;
            if (rr == R_LAST && !small)
                add_days(&y, &mo, &d, -1);
            part = p;
            haveday = 1;
            j = k + 1;
        } else {
            int k2 = p_dayword(m, k, &y, &mo, &d, &tense);
            if (k2) {
                int k3 = k2;
                if (kw(m, k3, K_IN) || kw(m, k3, K_ON) || kw(m, k3, K_TO) ||
                    (kw(m, k3, K_OF) && has(m, k3 + 1, C_PART) &&
                     !(m->t[k3 + 1].lx->lang[C_PART] & TL_EN)))
                    k3++; /* "ayer por la noche", "yesterday in the morning", "ontem à
                           * noite", "ahir a la nit", "hoje de manhã" */
                if (kw(m, k3, K_THE))
                    k3++;
                if (has(m, k3, C_PART) || (k3 > k2 && es_morning(m, k3))) {
                    part = has(m, k3, C_PART) ? val(m, k3, C_PART) : P_MO;
                    haveday = 1;
                    j = k3 + 1;
                } else {
                    return 0;
                }
            } else if ((has(m, k, C_DEICT) &&
                        (val(m, k, C_DEICT) == D_TONIGHT || val(m, k, C_DEICT) == D_LASTNIGHT ||
                         val(m, k, C_DEICT) == D_NIGHT2 || val(m, k, C_DEICT) == D_THISMORNING ||
                         val(m, k, C_DEICT) == D_THISEVENING ||
                         val(m, k, C_DEICT) == D_TMRWMORNING)) ||
                       (has(m, k, C_PART) && val(m, k, C_PART) == P_OVERNIGHT)) {
                /* tonight, overnight: the reference day's night; last night: the day
                 * before's; "stamattina", "stasera": the reference day's morning and
                 * evening; "domattina": the next day's morning */
                int dv = has(m, k, C_DEICT) ? val(m, k, C_DEICT) : 0;
                part = dv == D_THISMORNING || dv == D_TMRWMORNING ? P_MO
                       : dv == D_THISEVENING                      ? P_EV
                                                                  : P_NI;
                if (m->hasref) {
                    y = m->ry;
                    mo = m->rm;
                    d = m->rd;
                    if (dv == D_LASTNIGHT || dv == D_TMRWMORNING || dv == D_NIGHT2)
                        add_days(&y, &mo, &d, dv == D_LASTNIGHT ? -1 : dv == D_NIGHT2 ? -2 : 1);
                }
                haveday = 1;
                j = k + 1;
            } else {
                return 0;
            }
        }
    }
    /* a following day: "midnight Friday", "4 a.m. Thursday", "10 a.m. on May 16",
     * "alle 14 di ieri", "8h da manhã de ontem" */
    if (!haveday) {
        /* (not on the next line: "alle 09:12\nIeri i cammelli", a post's
         * stamp, then the text's day) */
        int own_line = !(j > 0 && j < m->n &&
                         memchr(m->text + m->t[j - 1].e, '\n', m->t[j].s - m->t[j - 1].e));
        int k = j;
        if (own_line && (kw(m, k, K_ON) || (kw(m, k, K_OF) && !(m->lang & TL_EN))))
            k++;
        int k2 = own_line ? p_dayword(m, k, &y, &mo, &d, &tense) : 0;
        if (k2) {
            haveday = 1;
            j = k2;
            R on;
            r_init(&on, k2 + 1);
            int k4;
            /* "10 a.m. Friday, Dec. 6", "4:03 a.m. Sunday May 20": the weekday's
             * date is written */
            if (has(m, k, C_WDAY) && (pu(m, k2, ',') || has(m, k2, C_MONTH)) &&
                (k4 = pat_md(m, k2 + pu(m, k2, ','), &on)) != 0 && on.d &&
                !(on.flags & CHR_TIMEX_RANGE)) {
                y = on.y;
                mo = on.m;
                d = on.d;
                j = k2 = k4;
            } else if (has(m, k, C_WDAY) && isnum(m, k2)) {
                /* "alle 4.03 di domenica 20 maggio", "à 2h du matin dimanche 20 mai":
                 * the weekday's date follows it */
                r_init(&on, k);
                if ((k4 = pat_dm(m, k, &on)) > k2 && on.d && on.y > 0 &&
                    !(on.flags & CHR_TIMEX_RANGE)) {
                    y = on.y;
                    mo = on.m;
                    d = on.d;
                    j = k2 = k4;
                }
            }
            if (hh >= 0 && hh < 12 && has(m, k2, C_PART) && val(m, k2, C_PART) <= P_NI &&
                val(m, k2, C_PART) != P_MO && !(val(m, k2, C_PART) == P_NI && hh < 6) &&
                !(m->t[k2].lx->lang[C_PART] & TL_EN)) {
                hh += 12; /* "le 8 di ieri sera" */
                j = k2 + 1;
            }
        } else if (own_line) {
            R sub;
            r_init(&sub, k);
            /* "às 10h desta quinta-feira", "alle 10 di questo sabato" */
            int k3 = has(m, k, C_REL) && !(m->lang & TL_EN) ? pat_rel(m, k, &sub) : 0;
            if (!(k3 && sub.type == CHR_TIMEX_DATE && sub.d && sub.gran == 'D')) {
                r_init(&sub, k);
                k3 = pat_md(m, k, &sub);
            }
            if (k3 && sub.d) {
                y = sub.y;
                mo = sub.m;
                d = sub.d;
                haveday = 1;
                j = k3;
            }
        }
        if (!haveday) {
            /* a clock time belongs to the day last mentioned; a live
             * report's or a page's stamp to the report's day */
            context_day(m, r, m->t[i].s, &y, &mo, &d);
            if (clock_stamp(m, i, j) && m->hasref)
                y = m->ry, mo = m->rm, d = m->rd;
            else if (part == P_MIDNIGHT && hh < 0 && m->hasref && y == m->ry && mo == m->rm &&
                     d == m->rd && guess_tense(m, m->t[i].s, m->t[j - 1].e) < 0 && m->memo_adj)
                hh = 0, mi = 0; /* "Lo sciopero è cominciato a mezzanotte": a past
                                 * verb right before it, the midnight that opened
                                 * the day, T00:00 (not a report's "..., the army
                                 * said"; either is the same day's entry) */
            r->dayless = 1;
        }
    }
out:;
    char day[48];
    if (haveday && y > 0) { /* the day, for a clock time after it ("sabato sera, alle 21") */
        r->y = y;
        r->m = mo;
        r->d = d;
        r->gran = 'D';
    }
    if (y > 0)
        fmt_date(day, y, mo, d);
    else
        snprintf(day, 48, "XXXX-XX-XX");
    r->type = CHR_TIMEX_TIME;
    if (hh >= 0)
        snprintf(r->v, 48, "%.10sT%02d:%02d", day, hh, mi);
    else
        snprintf(r->v, 48, "%.10sT%s", day, part_code(part));
    r->flags |= CHR_TIMEX_RELATIVE;
    r->end = j;
    return j;
}

static int try_inner(M *m, int i, R *best, int nomod);

/* Whether the raw word after token k makes "il giorno dopo", "el día
 * anterior", "le jour même" an event's day rather than a day of the story:
 * "of" or a relative pronoun ("il giorno prima delle elezioni", "le jour
 * même de l'attaque", "lo stesso giorno in cui"), in Spanish and
 * Portuguese "to" ("el día anterior a la votación"; "la veille à Doha",
 * "il giorno dopo a Bengasi" name a place), a name ("il giorno prima
 * Natale") or, after "dopo" that takes its object bare, an article ("il
 * giorno dopo le elezioni"; "al día siguiente la policía disparó" has the
 * subject there). A capitalised word is the object when it is a holiday
 * ("il giorno prima Natale"; after a bare "dopo", a saint's too: "il
 * giorno dopo Santo Stefano", not "Al día siguiente Santa Fe"; without
 * name, not even then: "la veille",
 * "l'indomani" take their object after "of" only), else the clause's
 * subject ("il giorno dopo Morsi ha parlato", "l'indomani Mourinho ha
 * firmato"). */
static int anaphor_object(const M *m, int k, int art, int name)
{
    static const char *const OF[] = {
        "del", "dello", "della", "dei",    "degli",  "delle", "dell",      "di",   "d",
        "che", "cui",   "de",    "que",    "du",     "des",   "o\xc3\xb9", "dont", "do",
        "da",  "dos",   "das",   "quando", "cuando", "quand", NULL};
    static const char *const TO[] = {"a", "al", "ao", "\xc3\xa0", "aos", "\xc3\xa0s", NULL};
    static const char *const ART[] = {"il", "lo",  "la",  "i",  "gli", "le",  "l",
                                      "un", "una", "uno", "el", "los", "las", NULL};
    static const char *const REL[] = {"cui", "que", "qui", "quale", NULL};
    size_t s, e, s2, e2;
    next_raw_word(m, m->t[k].e, &s, &e);
    if (e == s)
        return 0; /* punctuation or the end */
    static const char *const SAINT[] = {"San", "Santo", "Santa", "Saint", "Sainte", NULL};
    if ((name && m->text[s] >= 'A' && m->text[s] <= 'Z' &&
         (chr_time_lex_word(m->text + s, e - s) || (art && raw_word_in(m, s, e, SAINT)))) ||
        raw_word_in(m, s, e, OF) ||
        ((m->lang == TL_ES || m->lang == TL_PT) && raw_word_in(m, s, e, TO)))
        return 1;
    if (art && raw_word_in(m, s, e, ART)) {
        /* the article's noun, then a verb: the clause's subject ("il giorno
         * dopo i ribelli sono entrati in città") */
        static const char *const PLURAL[] = {"i", "gli", "le", "los", "las", NULL};
        static const char *const EVENT[] = {
            "elezioni",   "elezione",        "voto",      "referendum", "attacco",      "attentato",
            "strage",     "massacro",        "morte",     "caduta",     "vittoria",     "sconfitta",
            "arresto",    "annuncio",        "discorso",  "vertice",    "incontro",     "riunione",
            "accordo",    "esplosione",      "terremoto", "golpe",      "ballottaggio", "sentenza",
            "elecciones", "votaci\xc3\xb3n", NULL};
        size_t ns, ne, vs = 0, ve = 0, a = e;
        if (a < m->len && m->text[a] == '\'')
            a++; /* the noun after an elided article: "l'esercito" */
        else if (a + 3 <= m->len && !memcmp(m->text + a, "\xe2\x80\x99", 3))
            a += 3;
        next_raw_word(m, a, &ns, &ne);
        if (ne == ns || raw_word_in(m, ns, ne, EVENT))
            return 1; /* "il giorno dopo le elezioni sono scesi in piazza migliaia" */
        /* the verb within a few words, over the noun's modifiers ("le
         * brigate arrivate da ovest sono entrate"), not past another
         * article ("dopo le elezioni i ribelli sono entrati": the object) */
        int verb = 0;
        for (int w = 0; w < 5 && !verb; w++) {
            next_raw_word(m, ne, &vs, &ve);
            if (ve == vs || raw_word_in(m, vs, ve, ART))
                break;
            verb = chr_time_verb_at(m->text, m->len, vs, 0);
            ne = ve;
        }
        if (!verb)
            return 1;
        /* ... that agrees with it: "il giorno dopo le elezioni è ripartito"
         * has the object and a subject left unsaid */
        int plural_verb = ve - vs >= 3 && !strncmp(m->text + ve - 2, "no", 2);
        return plural_verb != raw_word_in(m, s, e, PLURAL);
    }
    next_raw_word(m, e, &s2, &e2);
    return e - s == 2 &&
           (!strncasecmp(m->text + s, "in", 2) || !strncasecmp(m->text + s, "en", 2)) &&
           raw_word_in(m, s2, e2, REL);
}

/* Whether token i follows "of" right after the expression just emitted
 * ("agosto de ese año", "août de la même année"): that expression took
 * its year from nothing earlier, so it can anchor nothing here. */
static int of_last_emitted(const M *m, int i)
{
    /* Portuguese writes the "of" into the word: "29 de dezembro daquele ano" */
    int of = m->lang == TL_PT && (m->text[m->t[i].s] == 'd' || m->text[m->t[i].s] == 'D') &&
             has(m, i, C_REL) && val(m, i, C_REL) == R_THAT;
    int k = of ? i + 1 : i;
    return k >= 2 && (of || kw(m, k - 1, K_OF)) && m->nout && last_out(m)->end == m->t[k - 2].e;
}

/* Romance "la veille", "le lendemain", "la víspera", "l'indomani", "na
 * véspera" at token j: the day before (off -1) or after (+1) the day
 * written after it ("la veille du 30 juin") or, alone, the day last
 * mentioned in the text ("réunis à Berlin jeudi, ... affirmé la veille à
 * Doha"). Nothing when it is an event's ("à la veille du Ramadan", "au
 * lendemain de l'élection") or no day came before it: the pipeline tags
 * sentence by sentence, and a guess from the reference date would more
 * often be wrong. */
/* The day off days from a date written at token at (at < 0: none) or,
 * without one and when alone allows, from the day last mentioned; r set,
 * ending at the date's end or at token k. 0 when neither gives a day. */
static int shift_day(M *m, int k, int at, int off, int alone, R *r)
{
    int y, mo, d, e = 0;
    R sub;
    if (at >= 0)
        e = try_inner(m, at, &sub, 1);
    if (e) {
        if (sub.type != CHR_TIMEX_DATE || sub.y <= 0 || sub.d <= 0 || (sub.flags & CHR_TIMEX_RANGE))
            return 0;
        y = sub.y, mo = sub.m, d = sub.d;
        k = e;
    } else if (alone && m->agran == 'D' && m->ay > 0 && m->ad > 0) {
        y = m->ay, mo = m->am, d = m->ad;
        r->anchored = 1;
    } else {
        return 0;
    }
    add_days(&y, &mo, &d, off);
    set_date(r, y, mo, d);
    r->flags |= CHR_TIMEX_RELATIVE;
    r->end = k;
    return k;
}

static int eve_morrow(M *m, int j, int off, R *r)
{
    int k = j + 1;
    if (kw(m, k, K_OF)) /* "la vigilia di Natale", "la vigilia dell'Epifania" */
        return shift_day(m, k, k + 1 + (pu(m, k + 1, '\'') && glued(m, k + 1)), off, 0, r);
    return shift_day(m, k, -1, off, !anaphor_object(m, j, 0, 0), r); /* not "alla vigilia
                                                                      * delle elezioni" */
}

/* Whether the last date written ends right before token i, but for the
 * articles and prepositions between ("23 novembre dello stesso anno", "23
 * novembre de la même année"). */
static int right_after_last(const M *m, int i)
{
    int k = i - 1;
    while (k > 0 && (kw(m, k, K_THE) || kw(m, k, K_OF) || kw(m, k, K_TO) || kw(m, k, K_IN) ||
                     pu(m, k, '\'')))
        k--;
    const chr_timex *last = last_out(m);
    /* (a date only: after a time, "Alle 14 dello stesso giorno" still names
     * the day written before it) */
    return k >= 0 && k < i - 1 && last && last->type == CHR_TIMEX_DATE && last->end == m->t[k].e;
}

/* Romance "il giorno dopo", "il giorno prima", "lo stesso giorno", "il
 * giorno stesso", "al día siguiente", "el día anterior", "el mismo día",
 * "le jour même", "le jour suivant", "le même jour", "no dia seguinte",
 * and the same with "settimana", "mese", "anno" ("l'anno successivo")
 * or a weekday ("il sabato successivo": the first after that day), at
 * token i (the article, or the noun after one): off days (weeks...)
 * from the date written after it ("il giorno prima del 30 giugno"), in
 * apposition to it ("lo stesso giorno, il 14 agosto"), or, alone, from the
 * day last mentioned in the text, as "la veille" (eve_morrow). Nothing
 * when it is an event's ("il giorno dopo le elezioni") or no day came
 * before it. */
static int day_anaphor(M *m, int i, R *r)
{
    /* the words of "after" that take their object bare ("il giorno dopo le
     * elezioni"; "después", "depois" take it after "de") */
    static const char *const BARE[] = {"dopo", "dup\xc4\x83", NULL};
    int j = i, u, pl, off = 0, k, same_after_in = 0;
    const uint32_t noun = (1u << C_UNIT) | (1u << C_WDAY);
    if (!(j < m->n && (m->t[j].cm & noun)) && !(j + 1 < m->n && (m->t[j + 1].cm & noun)) &&
        !(j + 2 < m->n && (m->t[j + 2].cm & noun)))
        return 0; /* the noun comes within three tokens */
    if (j > 1 && kw(m, j - 1, K_SAME) &&
        (kw(m, j - 2, K_THE) || kw(m, j - 2, K_TO) || kw(m, j - 2, K_IN) || kw(m, j - 2, K_OF))) {
        /* "no mesmo dia": the scan starts at the noun, "no" and "mesmo"
         * being no starters; right after a date ("23 novembre dello stesso
         * anno") it gives that date its year, which read alone it has not:
         * no year of its own then (the pipeline reads the sentence again
         * after the one before, whose date gives it) */
        same_after_in = 1;
        r->first = j - 1;
    } else if (kw(m, j, K_THE) || kw(m, j, K_TO) || kw(m, j, K_IN) || kw(m, j, K_OF)) {
        j++;
        if (pu(m, j, '\'') && glued(m, j))
            j++; /* "l'anno dopo" */
    } else if (!(j > 0 && (kw(m, j - 1, K_THE) || kw(m, j - 1, K_TO) || kw(m, j - 1, K_IN) ||
                           kw(m, j - 1, K_OF) || pu(m, j - 1, '\'')))) {
        return 0;
    }
    int same_first = kw(m, j, K_SAME) || same_after_in, wd = 0;
    if (same_first && !same_after_in)
        j++;
    if (!same_first && (k = p_wday(m, j, &wd)) != 0 && (kw(m, k, K_NEXTD) || kw(m, k, K_PREVD))) {
        /* "il sabato successivo", "el viernes anterior": the first such
         * weekday after (before) the day last mentioned */
        off = kw(m, k, K_NEXTD) ? 1 : -1;
        if (!m->hasref || m->agran != 'D' || m->ay <= 0 || anaphor_object(m, k, 0, 1) ||
            of_last_emitted(m, i))
            return 0;
        int y = m->ay, mo = m->am, d = m->ad;
        r->anchored = 1;
        do
            add_days(&y, &mo, &d, off);
        while (chr_weekday(y, mo, d) != wd);
        set_date(r, y, mo, d);
        r->flags |= CHR_TIMEX_RELATIVE;
        r->end = k + 1;
        return k + 1;
    }
    if (!(k = p_unit(m, j, &u, &pl)) || pl ||
        (u != U_DAY && u != U_WEEK && u != U_MONTH && u != U_YEAR))
        return 0;
    j = k;
    if (!same_first) {
        if (kw(m, j, K_NEXTD))
            off = 1;
        else if (kw(m, j, K_PREVD))
            off = -1;
        else if (!kw(m, j, K_SAME))
            return 0;
        j++;
    }
    if (!m->hasref)
        return 0;
    int y, mo, d, k2 = j, e = 0;
    R sub;
    if (kw(m, k2, K_OF) || kw(m, k2, K_THE) || kw(m, k2, K_TO)) {
        k2++;
        if (pu(m, k2, '\'') && glued(m, k2))
            k2++;
        if (kw(m, k2, K_THE))
            k2++;
        e = try_inner(m, k2, &sub, 1);
        if (e && (sub.type != CHR_TIMEX_DATE || sub.y <= 0 || (sub.flags & CHR_TIMEX_RANGE) ||
                  ((u == U_DAY || u == U_WEEK) && !sub.d) || (u == U_MONTH && !sub.m)))
            e = 0;
    }
    if (e) {
        y = sub.y, mo = sub.m, d = sub.d; /* "il giorno prima del 30 giugno" */
        j = e;
    } else if (pu(m, k2, ',') && (kw(m, k2 + 1, K_THE) || isnum(m, k2 + 1)) &&
               try_inner(m, k2 + 1 + kw(m, k2 + 1, K_THE), &sub, 1) && sub.type == CHR_TIMEX_DATE &&
               sub.y > 0 && sub.d > 0 && !(sub.flags & CHR_TIMEX_RANGE)) {
        y = sub.y, mo = sub.m, d = sub.d; /* "lo stesso giorno, il 14 agosto": that day */
        off = 0;
        u = U_DAY;
    } else if (m->agran && m->ay > 0 && !of_last_emitted(m, i) &&
               !(same_after_in && right_after_last(m, r->first)) &&
               !anaphor_object(m, j - 1,
                               off > 0 && raw_word_in(m, m->t[j - 1].s, m->t[j - 1].e, BARE), 1) &&
               (u == U_YEAR || (u == U_MONTH && m->am) || m->agran == 'D')) {
        y = m->ay, mo = m->am, d = m->ad;
        r->anchored = 1;
    } else {
        return 0;
    }
    switch (u) {
    case U_DAY:
        add_days(&y, &mo, &d, off);
        set_date(r, y, mo, d);
        break;
    case U_WEEK: {
        int wy, w;
        add_days(&y, &mo, &d, 7 * off);
        chr_iso_week(y, mo, d, &wy, &w);
        snprintf(r->v, 48, "%04d-W%02d", wy, w);
        break;
    }
    case U_MONTH:
        add_months(&y, &mo, off);
        set_date(r, y, mo, 0);
        break;
    default:
        fmt_y(r->v, y + off);
        r->y = y + off;
        r->gran = 'Y';
        break;
    }
    r->flags |= CHR_TIMEX_RELATIVE;
    r->end = j;
    return j;
}

/* English "the day before", "the day after" at token i: the day before or
 * after the date written next ("the day before March 3", "the day after
 * tomorrow") or, alone before a punctuation mark or the end, after the day
 * last mentioned ("released the day after."). Nothing when an event
 * follows ("the day after the election"). */
static int en_day_before_after(M *m, int i, R *r)
{
    int u, pl, k = kw(m, i, K_THE) ? p_unit(m, i + 1, &u, &pl) : 0;
    if (!k || pl || u != U_DAY || !(m->t[i].lx->lang[C_KW] & TL_EN))
        return 0;
    int off = kw(m, k, K_EARLIER) ? -1 : kw(m, k, K_LATER) ? 1 : 0;
    if (!off)
        return 0; /* kw() is false past the last token */
    char c = (char)(m->text[m->t[k].s] | 32);
    if ((off < 0 && c != 'b') || (off > 0 && c != 'a'))
        return 0; /* "before" / "after" only */
    size_t s, we;
    next_raw_word(m, m->t[k].e, &s, &we);
    return shift_day(m, k + 1, k + 1, off, we == s && !of_last_emitted(m, i), r);
}

/* Romanian "a doua zi" ("the second day": the day after) at token i
 * ("doua"): the day after the day last mentioned; nothing when "după"
 * follows ("a doua zi după alegeri": an event's), and never two days
 * (pat_dur). */
static int ro_next_day(M *m, int i, R *r)
{
    static const char *const DOUA[] = {"doua", "două", NULL};
    static const char *const DUPA[] = {"după", "dupa", NULL};
    int k = i + 2;
    size_t s, e;
    if (k > m->n || !word_before(m, i, "a") || !raw_word_in(m, m->t[i].s, m->t[i].e, DOUA) ||
        !has(m, i + 1, C_UNIT) || val(m, i + 1, C_UNIT) != U_DAY)
        return 0;
    next_raw_word(m, m->t[i + 1].e, &s, &e);
    if (raw_word_in(m, s, e, DUPA) || !shift_day(m, k, -1, 1, 1, r))
        return 0;
    r->flags |= R_WORD_BEFORE; /* the extent is "a doua zi" */
    return k;
}

/* Italian "in settimana", "entro la settimana", "entro il mese": the week
 * or month of the reference (not "in settimana prossima", "entro il mese
 * di marzo"). */
static int it_current(M *m, int i, R *r)
{
    int u = 0, the = kw(m, i, K_THE), k = i + the;
    if (m->lang != TL_IT || !m->hasref || !has(m, k, C_UNIT) ||
        !word_before(m, i, the ? "entro" : "in"))
        return 0;
    u = val(m, k, C_UNIT);
    static const char *const FROM[] = {"da",   "dal",        "dalla",    "dalle",
                                       "dai",  "successivo", "seguente", "precedente",
                                       "dopo", "prima",      NULL};
    if (!(u == U_WEEK || (the && u == U_MONTH)) || has(m, k + 1, C_REL) ||
        has(m, k + 1, C_POSTREL) || isnum(m, k + 1) || kw(m, k + 1, K_OF))
        return 0;
    for (const char *const *w = FROM; *w && the; w++)
        if (word_after(m, k, *w))
            return 0; /* "entro il mese successivo alla fattura", "dalla notifica" */
    fmt_unit(r->v, u, 0, m->ry, m->rm, m->rd);
    r->flags |= R_WORD_BEFORE | CHR_TIMEX_RELATIVE;
    return k + 1;
}

/* English "that night", "that morning", "the next morning", "the
 * following evening", "the previous night" at token i: that part of the day
 * last mentioned, or of the day after or before it; nothing without one. */
static int en_part_anaphor(M *m, int i, R *r)
{
    int j = i, off = 0;
    if (kw(m, j, K_THE) && has(m, j + 1, C_REL) &&
        (val(m, j + 1, C_REL) == R_NEXT || anaphoric_rel(m, j + 1))) {
        off = val(m, j + 1, C_REL) == R_NEXT ? 1 : -1;
        if ((m->text[m->t[j + 1].s] | 32) == 'f')
            off = 1; /* "following" */
        j += 2;
    } else if (has(m, j, C_REL) && val(m, j, C_REL) == R_THAT) {
        j++;
    } else {
        return 0;
    }
    if (!(m->t[i].lx->lang[kw(m, i, K_THE) ? C_KW : C_REL] & TL_EN) || !has(m, j, C_PART) ||
        val(m, j, C_PART) > P_NI || !(m->t[j].lx->lang[C_PART] & TL_EN) || m->agran != 'D' ||
        m->ay <= 0 || !m->ad || of_last_emitted(m, i))
        return 0;
    int y = m->ay, mo = m->am, d = m->ad;
    add_days(&y, &mo, &d, off);
    char day[16];
    fmt_date(day, y, mo, d);
    r->type = CHR_TIMEX_TIME;
    snprintf(r->v, 48, "%sT%s", day, part_code(val(m, j, C_PART)));
    r->y = y, r->m = mo, r->d = d;
    r->gran = 'D';
    r->flags |= CHR_TIMEX_RELATIVE;
    r->anchored = 1;
    r->end = j + 1;
    return j + 1;
}

/* A weekday right after today, yesterday or tomorrow ("hoy sábado", "oggi
 * sabato", "aujourd'hui samedi", "ayer, viernes"): the same day named
 * twice. When the weekday is the day before or after the one the word
 * gives (a publication date a day off), it is the day: one expression, y,
 * mo, d moved to it; returns the token after the weekday, or 0 (the
 * weekday agrees, or is further off: each read on its own). */
static int deict_wday(const M *m, int k, int *y, int *mo, int *d)
{
    int j = pu(m, k, ',') ? k + 1 : k, wd;
    int e = p_wday(m, j, &wd);
    if (!e || has(m, e, C_MONTH) || isnum(m, e))
        return 0; /* "hoy, sábado 26 de febrero": the date pattern's */
    long z = chr_days_from_civil(*y, *mo, *d);
    for (int off = -1; off <= 1; off += 2) { /* the same day: two expressions, as before */
        int yy, mm, dd;
        chr_civil_from_days(z + off, &yy, &mm, &dd);
        if (chr_weekday(yy, mm, dd) == wd) {
            *y = yy, *mo = mm, *d = dd;
            return e;
        }
    }
    return 0;
}

/* Deictic words alone: today, yesterday, tomorrow, now, currently,
 * recently, soon, the future, the past, hier, ayer, ieri, heute ... and
 * bare weekdays ("on Friday" resolved with the tense of its verb). */
/* French "encore aujourd'hui", "aujourd'hui encore", "jusqu'à aujourd'hui":
 * the present, no day; "pas pour demain": not soon, no day. 0 when not. */
static int fr_no_day(M *m, int i, R *r)
{
    if (m->lang != TL_FR || !has(m, i, C_DEICT))
        return 0;
    int dv = val(m, i, C_DEICT), k = i + 1;
    if (dv == D_TODAY && pu(m, k, '\'') && kw(m, k + 1, K_MISC))
        k += 2; /* aujourd'hui */
    static const char *const STILL[] = {"encore", "toujours", "jusqu'\xc3\xa0",
                                        "jusqu\xe2\x80\x99\xc3\xa0", NULL};
    int still = 0;
    for (const char *const *w = STILL; *w && !still; w++)
        still = word_before(m, i, *w);
    if (dv == D_TODAY && (still || word_after(m, k - 1, "encore"))) {
        snprintf(r->v, 48, "PRESENT_REF");
        return k;
    }
    if (dv == D_TOMORROW && word_before(m, i, "pas pour")) {
        snprintf(r->v, 48, "FUTURE_REF");
        return k;
    }
    return 0;
}

static int pat_deict(M *m, int i, R *r)
{
    int j = i, the = 0;
    int nd = fr_no_day(m, i, r);
    if (nd)
        return nd;
    if (has(m, i, C_DEICT) && val(m, i, C_DEICT) == D_THISYEAR) {
        if (m->hasref) {
            fmt_y(r->v, m->ry);
            r->y = m->ry;
            r->gran = 'Y';
        } else
            snprintf(r->v, 48, "PRESENT_REF");
        r->end = i + 1;
        return i + 1; /* "enguany": this year */
    }
    if ((m->lang & (TL_IT | TL_ES | TL_FR | TL_PT | TL_RO)) &&
        (!(m->lang & TL_EN) || m->lang == TL_CA_ALL)) {
        int k = day_anaphor(m, i, r);
        if (!k && (m->lang & TL_RO))
            k = ro_next_day(m, i, r);
        if (!k)
            k = it_current(m, i, r);
        if (k)
            return k;
    }
    if (m->lang & TL_EN) {
        int k = en_day_before_after(m, i, r);
        if (!k)
            k = en_part_anaphor(m, i, r);
        if (k)
            return k;
    }
    if (kw(m, j, K_THE)) {
        the = 1;
        j++;
    } else if (kw(m, j, K_TO) && (m->lang & (TL_IT | TL_FR)) && !word_before(m, j, "jour") &&
               ((pu(m, j + 1, '\'') && glued(m, j + 1) && has(m, j + 2, C_DEICT) &&
                 val(m, j + 2, C_DEICT) == D_MORROW) ||
                (has(m, j + 1, C_DEICT) && val(m, j + 1, C_DEICT) == D_MORROW))) {
        the = 1; /* "all'indomani", "au lendemain": the morrow, as "l'indomani" */
        j++;
    }
    int y, mo = 0, d, tense = 0; /* mo: no reference date and a weekday leave it unset */
    int k2, k = p_dayword(m, j, &y, &mo, &d, &tense);
    if (k && !the) {
        if (!m->hasref || y == 0) {
            snprintf(r->v, 48, "%s",
                     (mo < 0 || tense < 0) ? "PAST_REF"
                     : mo > 0              ? "FUTURE_REF"
                                           : "PRESENT_REF");
            if (has(m, j, C_WDAY) || has(m, j, C_WDABBR)) {
                int wd;
                p_wday(m, j, &wd);
                snprintf(r->v, 48, "XXXX-WXX-%d", wd);
            }
        } else {
            int wd;
            int anch = 0;
            if (p_wday(m, j, &wd) == k &&
                (k2 = wday_apposition(m, k, wd, &y, &mo, &d, &anch)) != 0) {
                k = k2;
                r->explicit_day = 1;
                r->anchored = anch;
            } else if (has(m, j, C_DEICT) && (k2 = deict_wday(m, k, &y, &mo, &d)) != 0) {
                k = k2; /* "hoy sábado": one day, the weekday's */
            }
            set_date(r, y, mo, d);
        }
        r->tense = tense;
        r->flags |= CHR_TIMEX_RELATIVE;
        /* "Thursday, April 9" is handled by the date patterns (longer) */
        r->end = k;
        return k;
    }
    if (the && kw(m, j, K_NEAR) && (kw(m, j + 1, K_TERM) || has(m, j + 1, C_DEICT))) {
        if (kw(m, j + 1, K_TERM) ||
            (has(m, j + 1, C_DEICT) && val(m, j + 1, C_DEICT) == D_FUTURE)) {
            snprintf(r->v, 48, "FUTURE_REF"); /* the near future, the near/short term */
            r->end = j + 2;
            return j + 2;
        }
    }
    if (the && pu(m, j, '\'') && glued(m, j) && has(m, j + 1, C_DEICT) &&
        val(m, j + 1, C_DEICT) == D_MORROW)
        j++; /* "l'indomani" */
    if (!has(m, j, C_DEICT))
        return 0;
    int dv = val(m, j, C_DEICT);
    if (dv == D_EVE || dv == D_MORROW)
        return the || (j > 0 && (word_before(m, j, "na") || word_before(m, j, "alla")))
                   ? eve_morrow(m, j, dv == D_EVE ? -1 : 1, r)
                   : 0; /* "la veille", "na véspera", "alla vigilia"; not "il veille à" */
    if (the && dv != D_FUTURE && dv != D_PAST)
        return 0;
    const char *v = NULL;
    k = j + 1;
    switch (dv) {
    case D_NOW:
    case D_NOWADAYS:
        v = "PRESENT_REF";
        break;
    case D_CURRENT:
        if (the)
            return 0;
        v = "PRESENT_REF";
        break;
    case D_RECENTLY:
        v = "PAST_REF";
        break;
    case D_FUTURE:
        /* "the future", "in future", "à l'avenir"; not "future quarters" */
        if (!the && !(i > 0 && (kw(m, i - 1, K_IN) || pu(m, i - 1, '\''))))
            return 0;
        v = "FUTURE_REF";
        break;
    case D_PAST:
        if (!the)
            return 0;
        v = "PAST_REF";
        break;
    default:
        return 0;
    }
    snprintf(r->v, 48, "%s", v);
    r->end = k;
    return k;
}

/* "these days", "right now", "at present", "the near future", "the years
 * ahead" (handled in pat_dur), "in the coming years". */
static int pat_misc(M *m, int i, R *r)
{
    int j = i;
    /* "by year-end", "year end", "by year's end": the current year */
    if (has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_YEAR && !has(m, j, C_UNITPL) &&
        !(j > 0 && (kw(m, j - 1, K_THE) || has(m, j - 1, C_REL) || isnum(m, j - 1)))) {
        int k = j + 1, hyph = 0;
        if (pu(m, k, '-') && glued(m, k)) {
            k++;
            hyph = 1;
        } else if (pu(m, k, '\'') && kw(m, k + 1, K_S)) {
            k += 2;
        }
        if (has(m, k, C_MOD) && val(m, k, C_MOD) == M_END && m->t[k].e - m->t[k].s == 3 &&
            m->hasref) {
            int y = m->ry, e = k + 1, ky = p_year(m, e, &y); /* "year-end 1986": that one's */
            if (ky)
                e = ky;
            else if (!word_before(m, j, "by") && guess_tense(m, m->t[j].s, m->t[k].e) < 0)
                y = m->ry - 1; /* "debt at year-end stood at": the last one */
            else
                y = m->ry;
            if (hyph) /* "year-end": the closing day */
                fmt_ymd(r->v, y, 12, 31);
            else
                fmt_y(r->v, y);
            r->end = e;
            return e;
        }
    }
    /* "the week of March 6", "la semaine du 9 septembre", "la semana del 9
     * de septiembre": the ISO week of that day */
    if (kw(m, j, K_THE) && has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_WEEK &&
        !has(m, j + 1, C_UNITPL) && kw(m, j + 2, K_OF)) {
        R in;
        r_init(&in, j + 3);
        int k = pat_md(m, j + 3, &in);
        if (k <= j + 3) {
            r_init(&in, j + 3);
            k = pat_dm(m, j + 3, &in);
        }
        if (k > j + 3 && in.d > 0 && !(in.flags & CHR_TIMEX_RANGE)) {
            if (in.y > 0) {
                int wy, w;
                chr_iso_week(in.y, in.m, in.d, &wy, &w);
                snprintf(r->v, 48, "%04d-W%02d", wy, w);
            } else {
                snprintf(r->v, 48, "XXXX-WXX");
            }
            r->y = in.y;
            r->tense = in.tense;
            r->flags = in.flags;
            r->end = k;
            return k;
        }
    }
    /* "the year 2000", "the year two thousand" */
    if (kw(m, j, K_THE) && has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_YEAR &&
        !has(m, j + 1, C_UNITPL)) {
        int y, k = p_year(m, j + 2, &y);
        if (!k)
            k = p_thousand_year(m, j + 2, &y);
        if (k) {
            fmt_y(r->v, y);
            r->y = y;
            r->gran = 'Y';
            r->end = k;
            return k;
        }
    }
    /* "for the year", "for the full year", "of the year": the current one
     * (results reporting); not "the year before/earlier/ago" */
    if (kw(m, j, K_THE) && m->hasref && (word_before(m, j, "for") || word_before(m, j, "of"))) {
        int k = j + 1;
        if (kw(m, k, K_FULL) || kw(m, k, K_FISCAL))
            k++;
        if (has(m, k, C_UNIT) && val(m, k, C_UNIT) == U_YEAR && !has(m, k, C_UNITPL) &&
            !(k + 1 < m->n && ((glued(m, k + 1) && (pu(m, k + 1, '-') || pu(m, k + 1, '\''))) ||
                               isnum(m, k + 1) || has(m, k + 1, C_NUMW))) &&
            !word_after(m, k, "ended") && !word_after(m, k, "ending") &&
            !word_after(m, k, "before") && !word_after(m, k, "earlier") &&
            !word_after(m, k, "ago") && !word_after(m, k, "after")) {
            fmt_y(r->v, m->ry);
            r->end = k + 1;
            return k + 1;
        }
    }
    /* "the year ended March 31", "the fiscal year ending June 30": the
     * length of a reporting period (TimeBank: P1Y on "the year") */
    if (kw(m, j, K_THE)) {
        int k = j + 1;
        if (kw(m, k, K_FISCAL))
            k++;
        if (has(m, k, C_UNIT) && val(m, k, C_UNIT) == U_YEAR && !has(m, k, C_UNITPL) &&
            (word_after(m, k, "ended") || word_after(m, k, "ending"))) {
            r->type = CHR_TIMEX_DURATION;
            snprintf(r->v, 48, "P1Y");
            r->end = k + 1;
            return k + 1;
        }
    }
    /* the near future */
    if (kw(m, j, K_THE) && j + 2 < m->n && m->t[j + 1].kind == TK_WORD && has(m, j + 2, C_DEICT) &&
        val(m, j + 2, C_DEICT) == D_FUTURE)
        return 0;
    if (has(m, j, C_REL) && val(m, j, C_REL) == R_CURRENT && kw(m, j - 1, K_MORE) &&
        m->t[j].e - m->t[j].s == 7) {
        /* "at present" */
        snprintf(r->v, 48, "PRESENT_REF");
        r->end = j + 1;
        return j + 1;
    }
    return 0;
}

/* Modifiers in front of a date: "early 2024", "late November", "mid-May",
 * "the end of the year", "earlier this month", "later this year", "Later in
 * October", "the late 19th century", "fin mars", "a finales de marzo",
 * "Anfang Mai", "в конце года". */
static int try_inner(M *m, int i, R *best, int nomod);

static int pat_mod(M *m, int i, R *r)
{
    int j = i, md;
    if (kw(m, j, K_THE))
        j++;
    if (kw(m, j, K_TO) && (has(m, j, C_KW2) && val(m, j, C_KW2) == K_TO))
        j++; /* "a finales de" */
    if (!has(m, j, C_MOD))
        return 0;
    int u0, pl0;
    if (p_unit(m, j, &u0, &pl0) && u0 == U_WEEKEND)
        return 0; /* "fin de semana", "fine settimana": the weekend, not the week's end */
    md = val(m, j, C_MOD);
    j++;
    if (pu(m, j, '-'))
        j++;
    if (kw(m, j, K_OF) || kw(m, j, K_IN))
        j++;
    if (pu(m, j, '\''))
        j++;
    if (kw(m, j, K_THE) && pu(m, j + 1, '\'') && has(m, j + 2, C_UNIT))
        j += 2; /* "la fin de l'année": the elided article before the unit */
    R in;
    int k = try_inner(m, j, &in, 1);
    int usedthe = 0;
    if (!k && kw(m, j, K_THE) && has(m, j + 1, C_UNIT)) {
        /* the end of the year / month / week */
        int u = val(m, j + 1, C_UNIT);
        if ((u == U_YEAR || u == U_MONTH || u == U_WEEK || u == U_DECADE || u == U_CENTURY) &&
            m->hasref) {
            r_init(&in, j);
            fmt_unit(in.v, u, 0, m->ry, m->rm, m->rd);
            in.end = j + 2;
            k = j + 2;
            usedthe = 1;
        }
    }
    if (!k && has(m, j, C_UNIT) && (!(m->lang & TL_EN) || m->lang == TL_CA_ALL) && m->hasref) {
        int u = val(m, j, C_UNIT);
        if (u == U_YEAR || u == U_MONTH || u == U_WEEK) {
            r_init(&in, j);
            fmt_unit(in.v, u, 0, m->ry, m->rm, m->rd);
            in.end = j + 1;
            k = j + 1;
        }
    }
    (void)usedthe;
    if (k && (!(m->lang & TL_EN) || m->lang == TL_CA_ALL) && has(m, k - 1, C_UNIT) &&
        val(m, k - 1, C_UNIT) == U_MONTH &&
        (kw(m, k, K_OF) || (m->lang == TL_RO && has(m, k, C_MONTH)))) {
        /* "la fin du mois de septembre", "a finales del mes de mayo", "alla
         * fine del mese di maggio", "no final do mês de maio", "la
         * sfârșitul lunii mai": the month named, not the reference's */
        int j2 = kw(m, k, K_OF) ? k + 1 : k;
        if (pu(m, j2, '\''))
            j2++;
        R named;
        int k2;
        if (has(m, j2, C_MONTH) && (k2 = try_inner(m, j2, &named, 1)) > j2 &&
            named.type == CHR_TIMEX_DATE) {
            in = named;
            k = k2;
        }
    }
    if (!k || in.type == CHR_TIMEX_DURATION || in.type == CHR_TIMEX_SET)
        return 0;
    if ((md == M_EARLIER || md == M_LATER) && (kw(m, i, K_THE)))
        return 0;
    *r = in;
    r->first = i;
    r->end = k;
    return k;
}

/* n-th weekday wd (1 = Monday) of month mo in year y; n = -1: the last. */
static int nth_wday(int y, int mo, int wd, int n)
{
    if (n < 0) {
        int last = chr_month_days(y, mo);
        int w = chr_weekday(y, mo, last);
        return last - ((w - wd + 7) % 7);
    }
    int w1 = chr_weekday(y, mo, 1);
    return 1 + (wd - w1 + 7) % 7 + 7 * (n - 1);
}

static void holiday_date(int h, int y, int *mo, int *d)
{
    switch (h) {
    case H_CHRISTMAS:
        *mo = 12, *d = 25;
        return;
    case H_CHRISTMAS_EVE:
        *mo = 12, *d = 24;
        return;
    case H_NEWYEAR:
        *mo = 1, *d = 1;
        return;
    case H_NEWYEARS_EVE:
        *mo = 12, *d = 31;
        return;
    case H_THANKSGIVING:
        *mo = 11, *d = nth_wday(y, 11, 4, 4);
        return;
    case H_INDEPENDENCE:
        *mo = 7, *d = 4;
        return;
    case H_HALLOWEEN:
        *mo = 10, *d = 31;
        return;
    case H_VALENTINE:
        *mo = 2, *d = 14;
        return;
    case H_LABOR:
        *mo = 9, *d = nth_wday(y, 9, 1, 1);
        return;
    case H_MEMORIAL:
        *mo = 5, *d = nth_wday(y, 5, 1, -1);
        return;
    case H_ELECTION:
        *mo = 11, *d = nth_wday(y, 11, 1, 1) + 1;
        return;
    case H_BLACKFRIDAY:
        *mo = 11, *d = nth_wday(y, 11, 4, 4) + 1;
        return;
    case H_CYBERMONDAY: { /* four days after Thanksgiving: 1 or 2 December at the latest */
        int yy = y;
        *mo = 11, *d = nth_wday(y, 11, 4, 4);
        add_days(&yy, mo, d, 4);
        return;
    }
    case H_ASSUMPTION:
        *mo = 8, *d = 15;
        return;
    case H_EASTER:
    case H_EASTER_MONDAY: { /* the anonymous Gregorian computus */
        int a = y % 19, b = y / 100, c = y % 100, e = b % 4, f = (b + 8) / 25;
        int g = (b - f + 1) / 3, hh = (19 * a + b - b / 4 - g + 15) % 30;
        int l = (32 + 2 * e + 2 * (c / 4) - hh - c % 4) % 7, mm = (a + 11 * hh + 22 * l) / 451;
        int yy = y;
        *mo = (hh + l - 7 * mm + 114) / 31;
        *d = (hh + l - 7 * mm + 114) % 31 + 1;
        if (h == H_EASTER_MONDAY)
            add_days(&yy, mo, d, 1);
        return;
    }
    case H_EPIPHANY:
        *mo = 1, *d = 6;
        return;
    case H_ALL_SAINTS:
        *mo = 11, *d = 1;
        return;
    case H_ST_STEPHEN:
        *mo = 12, *d = 26;
        return;
    case H_RO_NATIONAL:
        *mo = 12, *d = 1;
        return;
    default:
        *mo = 1, *d = 1;
    }
}

/* The year of a holiday joined by "of"/"de": "Christmas of 2009", "la
 * Navidad de 2009", "il Natale del 2009", "no Natal de 2009", "le Noël de
 * l'an 2009", "el Nadal de l'any 2009", "do ano de 2009", "Crăciunul din
 * (anul) 2009". Returns the index after the year or 0; a count is no year
 * ("il Natale di 2000 anni fa"). */
static int holiday_of_year(const M *m, int j, int *y)
{
    if (!kw(m, j, K_OF) && !kw(m, j, K_DE))
        return 0;
    j++;
    if (kw(m, j, K_THE))
        j++;
    if (pu(m, j, '\''))
        j++;
    if (has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_YEAR) {
        j++;
        if (kw(m, j, K_OF) || kw(m, j, K_DE))
            j++;
    }
    int k = isnum(m, j) ? p_year(m, j, y) : 0;
    if (!k || has(m, k, C_UNIT) || has(m, k, C_UNITPL))
        return 0;
    return k;
}

/* Whether ", <day and month>" begins at token k ("Black Friday, 13 January
 * 1939": the Friday named by its date, not the shopping day). */
static int written_day_after(M *m, int k)
{
    if (!pu(m, k, ','))
        return 0;
    R sub;
    r_init(&sub, k + 1);
    if (pat_dm(m, k + 1, &sub) && sub.d && sub.m)
        return 1;
    r_init(&sub, k + 1);
    return pat_md(m, k + 1, &sub) && sub.d && sub.m;
}

/* A saint's day named by the saint after "San"/"Santo" ("Santo
 * Stefano", "San Silvestro", "San Valentino"): 1; the name alone or after
 * another word (a person: "Stefano Rodotà"; "Valentino Rossi"): -1; 0 for a
 * holiday that is no saint's name. A place's name goes on ("Santo Stefano
 * di Cadore", "San Valentino di Sopra"): -1. */
static int saint_day(const M *m, int j)
{
    int h = val(m, j, C_HOLIDAY);
    if (!(h == H_ST_STEPHEN ||
          ((h == H_NEWYEARS_EVE || h == H_VALENTINE) && m->t[j].lx->lang[C_HOLIDAY] == TL_IT)))
        return 0;
    size_t ws, we = raw_prev_word(m, j, &ws);
    if (!(we > ws &&
          (word_eq(m->text + ws, we - ws, "San") || word_eq(m->text + ws, we - ws, "Santo"))))
        return -1;
    size_t ns, ne;
    next_raw_word(m, m->t[j].e, &ns, &ne);
    if (ne > ns && word_eq(m->text + ns, ne - ns, "di")) { /* (not "San Silvestro al Circo
                                                            * Massimo": the concert's place) */
        size_t ns2, ne2;
        next_raw_word(m, ne, &ns2, &ne2);
        if (ne2 > ns2 && cap_at(m, ns2))
            return -1;
    }
    return 1;
}

/* A holiday's word that is part of a name, token j (saint: written after
 * "San/Santo"): a capitalised word goes on ("Pascua Lama", "Pascua
 * Militar", "Toussaint Louverture", "Easter Rising", "Santo Stefano
 * Belbo"; for the feasts that have no such forms of their own, not
 * Christmas or New Year's), a title stands before ("il senatore Pasqua",
 * "el padre Pascua"), or a building or place is "of" it ("la chiesa di
 * Ognissanti", "il carcere di Santo Stefano"). */
static int holiday_name(const M *m, int j, int saint)
{
    static const char *const TITLE[] = {"senatore",  "senatrice", "padre",   "don",      "ministro",
                                        "onorevole", "signor",    "signora", "sindaco",  "dottor",
                                        "avvocato",  "señor",     "señora",  "monsieur", "madame",
                                        "senator",   "mr",        "mrs",     "father",   "sister",
                                        "fray",      "frère",     "abbé",    "père",     NULL};
    static const char *const HEAD[] = {
        "chiesa",    "basilica", "carcere",  "parrocchia", "isola",   "via",       "piazza",
        "ospedale",  "scuola",   "convento", "cattedrale", "abbazia", "santuario", "porto",
        "quartiere", "istituto", "iglesia",  "parroquia",  "calle",   "plaza",     "hospital",
        "colegio",   "église",   "rue",      "place",      "lycée",   "collège",   "church",
        "street",    "school",   NULL};
    static const char *const PREP[] = {
        "a",     "at",     "over",  "\xc3\xa0", "en",    "na", "dopo", "per", "for", "during",
        "after", "before", "until", "till",     "since", "di", "de",   "of",  "da",  "do",
        "del",   "du",     "al",    "au",       "ao",    "la", "el",   "il",  "le",  NULL};
    int h = val(m, j, C_HOLIDAY);
    int fresh = h >= H_EASTER || saint;
    size_t ps, pe = raw_prev_word(m, j, &ps);
    if (saint && pe > ps) /* the word before "San/Santo" */
        pe = raw_word_before(m, ps, &ps);
    size_t ws, we;
    next_raw_word(m, m->t[j].e, &ws, &we);
    if (fresh && we > ws && cap_at(m, ws) && !chr_time_lex_word(m->text + ws, we - ws) &&
        (saint || !(pe > ps && raw_word_in(m, ps, pe, PREP))))
        return 1; /* (not "A Pasqua Roma era piena", "At Easter Pope Francis"; a saint's
                   * name goes on as a town's: "a Santo Stefano Belbo") */
    if (pe > ps && raw_word_in(m, ps, pe, TITLE))
        return 1;
    if (pe > ps && (word_eq(m->text + ps, pe - ps, "di") || word_eq(m->text + ps, pe - ps, "de") ||
                    word_eq(m->text + ps, pe - ps, "of"))) {
        pe = raw_word_before(m, ps, &ps);
        return pe > ps && raw_word_in(m, ps, pe, HEAD);
    }
    return 0;
}

/* Easter named in a place: "Isla de Pascua", "Isola di Pasqua", "île de
 * Pâques", "Ilha de Páscoa", "Easter Island". */
static int island(const M *m, int j)
{
    if (val(m, j, C_HOLIDAY) != H_EASTER)
        return 0;
    size_t ws, we;
    next_raw_word(m, m->t[j].e, &ws, &we);
    if (we > ws &&
        (word_eq(m->text + ws, we - ws, "Island") || word_eq(m->text + ws, we - ws, "Islands")))
        return 1;
    static const char *const ISLE[] = {"isla", "isola", "\xc3\xaele", "ilha", NULL};
    we = raw_prev_word(m, j, &ws);
    if (!(we > ws &&
          (word_eq(m->text + ws, we - ws, "de") || word_eq(m->text + ws, we - ws, "di"))))
        return 0;
    we = raw_word_before(m, ws, &ws);
    return we > ws && raw_word_in(m, ws, we, ISLE);
}

/* Holidays: "Christmas", "Christmas Eve", "Thanksgiving (Day)", "New Year's
 * Day", "Independence Day", "Election Day", "last Thanksgiving",
 * "Christmas 2023", "la Navidad de 2009". A holiday name after a name is a
 * surname ("Rafael Nadal"). */
/* Whether the raw word after byte p is one of l. */
static int raw_word_after_in(const M *m, size_t p, const char *const *l)
{
    size_t ws, we;
    next_raw_word(m, p, &ws, &we);
    return we > ws && raw_word_in(m, ws, we, l);
}

static int pat_holiday(M *m, int i, R *r)
{
    int j = i, rr = 0, h = 0;
    if (has(m, j, C_REL)) {
        rr = val(m, j, C_REL);
        if (rr != R_LAST && rr != R_NEXT && rr != R_THIS)
            return 0;
        j++;
    }
    if (j >= m->n || !m->t[j].cap)
        return 0;
    if (has(m, j, C_HOLIDAY) && (saint_day(m, j) || !island(m, j))) {
        size_t ws, we = raw_prev_word(m, j, &ws);
        int saint = saint_day(m, j);
        if (saint < 0 || holiday_name(m, j, saint))
            return 0;
        if (saint) {
            if (i != j)
                return 0; /* "il prossimo Santo Stefano": rare, and "San" stands between */
            r->flags |= R_WORD_BEFORE; /* the extent is "Santo Stefano" */
            ws = we = 0;
        }
        if (we > ws && m->text[ws] >= 'A' && m->text[ws] <= 'Z' && !opens_sentence(m, ws) &&
            !chr_time_lex_word(m->text + ws, we - ws))
            return 0;
        /* Catalan "Nadal" is a common surname too ("el tenista Nadal va
         * guanyar"): the feast after an article or preposition or with its
         * year ("per Nadal", "el Nadal de 2009") */
        static const char *const CA_BEFORE[] = {
            "el",  "per",  "de",    "d",      "a",      "al",     "del",
            "pel", "fins", "abans", "aquest", "aquell", "durant", "despr\xc3\xa9s",
            NULL};
        int y0;
        if (m->t[j].lx->lang[C_HOLIDAY] == TL_CA && !raw_word_in(m, ws, we, CA_BEFORE) &&
            !holiday_of_year(m, j + 1, &y0))
            return 0;
        h = val(m, j, C_HOLIDAY);
        j++;
        if (kw(m, j, K_EVE) && m->t[j].cap && h == H_CHRISTMAS) {
            h = H_CHRISTMAS_EVE;
            j++;
        } else if (h == H_EASTER && has(m, j, C_WDAY) && m->t[j].cap &&
                   (val(m, j, C_WDAY) == 1 || val(m, j, C_WDAY) == 7)) {
            if (val(m, j, C_WDAY) == 1) /* "Easter Monday"; "Easter Sunday" is Easter */
                h = H_EASTER_MONDAY;
            j++;
        } else if (has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_DAY && m->t[j].cap) {
            j++;
        }
    } else {
        int k = j + 1, need_day = 1;
        if (kw(m, j, K_NEW) && has(m, k, C_UNIT) && val(m, k, C_UNIT) == U_YEAR && m->t[k].cap) {
            h = H_NEWYEAR;
            k++;
            if (pu(m, k, '\'') && kw(m, k + 1, K_S))
                k += 2;
            if (kw(m, k, K_EVE) && m->t[k].cap) {
                h = H_NEWYEARS_EVE;
                k++;
            }
            need_day = 0;
        } else if (m->lang == TL_RO && has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_DAY &&
                   k < m->n && m->t[k].cap && kw(m, k, K_NATIONAL) &&
                   !raw_word_after_in(m, m->t[k].e, (const char *const[]){"a", "al", NULL})) {
            /* (not another's: "Ziua Națională a Culturii") */
            h = H_RO_NATIONAL; /* "de Ziua Națională": 1 December */
            k++;
            need_day = 0;
        } else if (kw(m, j, K_INDEP)) {
            h = H_INDEPENDENCE;
        } else if (kw(m, j, K_VALENTINE)) {
            h = H_VALENTINE;
            if (pu(m, k, '\'') && kw(m, k + 1, K_S))
                k += 2;
        } else if (kw(m, j, K_ELECTION)) {
            h = H_ELECTION;
        } else if (kw(m, j, K_LABOR)) {
            h = H_LABOR;
        } else if (kw(m, j, K_MEMORIAL)) {
            h = H_MEMORIAL;
        } else if ((kw(m, j, K_BLACK) || kw(m, j, K_CYBER)) && k < m->n && m->t[k].cap &&
                   has(m, k, C_WDAY) && val(m, k, C_WDAY) == (kw(m, j, K_BLACK) ? 5 : 1) &&
                   !written_day_after(m, k + 1)) {
            /* "Black Friday", "Cyber Monday": the shopping days after
             * Thanksgiving, not a week's Friday or Monday (nor a day whose
             * date is written after it: "On Black Friday, 13 January 1939") */
            h = kw(m, j, K_BLACK) ? H_BLACKFRIDAY : H_CYBERMONDAY;
            k++;
            need_day = 0;
        } else {
            return 0;
        }
        if (has(m, k, C_UNIT) && val(m, k, C_UNIT) == U_DAY && m->t[k].cap)
            k++;
        else if (need_day)
            return 0;
        j = k;
    }
    int y = 0, mo, d, k2;
    if ((k2 = p_year(m, j, &y)) != 0 || (k2 = holiday_of_year(m, j, &y)) != 0) {
        j = k2;
    } else if (m->hasref) {
        holiday_date(h, m->ry, &mo, &d);
        if (rr == R_LAST || rr == R_NEXT) {
            long z = chr_days_from_civil(m->ry, mo, d),
                 rz = chr_days_from_civil(m->ry, m->rm, m->rd);
            y = rr == R_LAST ? (z < rz ? m->ry : m->ry - 1) : (z > rz ? m->ry : m->ry + 1);
        } else if (rr == R_THIS) {
            y = m->ry;
        } else {
            r->tense = guess_tense(m, m->t[i].s, m->t[j - 1].e);
            y = res_md_year(m, mo, d, r->tense, sched_kind(m));
        }
        r->flags |= CHR_TIMEX_RELATIVE;
    }
    holiday_date(h, y ? y : 2001, &mo, &d);
    set_date(r, y, mo, d);
    if (h == H_EASTER && y > 0 && has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_WEEK &&
        !has(m, j, C_UNITPL)) {
        /* "Easter week": the week that ends on Easter Sunday ("Easter week
         * 1998": that year's) */
        int wy, w, y2, k3 = p_year(m, j + 1, &y2);
        j++;
        if (k3) {
            y = y2;
            holiday_date(h, y, &mo, &d);
            set_date(r, y, mo, d);
            j = k3;
        }
        chr_iso_week(y, mo, d, &wy, &w);
        snprintf(r->v, 48, "%04d-W%02d", wy, w);
    }
    r->end = j;
    return j;
}

typedef int (*pat_fn)(M *, int, R *);

/* "no dia 3" (pt), "el dia 3" (ca), "el día 27" (es), "il giorno 3" (it):
 * a day of the month without a month, the month of the reference or the
 * one next to it that the tense points to; with a month it is a date
 * ("dia 20 de março"). */
/* "le 17" (fr), "el 14" (es), "il 14" (it) without a month: a day of the
 * month when a stop or a small word of time or place follows ("Il s'était
 * immolé le 17 après une altercation", "Le 14, on chantait", "La réunion
 * aura lieu le 20."; not "le 20 heures", "le 3 à 1"). */
static int bare_day_of_month(M *m, int i)
{
    static const char *const FOLLOW[] = {
        "apr\xc3\xa8s", "avant",  "dernier",        "prochain",
        "au",           "matin",  "soir",           "despu\xc3\xa9s",
        "antes",        "pasado", "pr\xc3\xb3ximo", "dopo",
        "prima",        "scorso", "prossimo",       "mattina",
        "sera",         NULL};
    static const char *const CURRENT[] = {"courant", "corriente", "corrente", NULL};
    static const char *const PART[] = {"\xc3\xa9",
                                       "\xc3\xa9"
                                       "e",
                                       "\xc3\xa9s",
                                       "\xc3\xa9"
                                       "es",
                                       "ado",
                                       "ada",
                                       "ido",
                                       "ida",
                                       "ato",
                                       "ata",
                                       "ito",
                                       "ita",
                                       "uto",
                                       "uta",
                                       NULL};
    if (!kw(m, i, K_THE) || !(m->lang & (TL_FR | TL_ES | TL_IT)) || (m->lang & TL_EN) ||
        m->lang == TL_CA_ALL || !isnum(m, i + 1) || m->t[i + 1].nd > 2 ||
        number_goes_on(m, i + 2) ||
        (i + 2 < m->n && glued(m, i + 2) &&
         !(m->t[i + 2].kind == TK_PUNCT && strchr(",.;:)", m->t[i + 2].ch))))
        return 0; /* "le 17e", "le 13h", "le 14%" */
    /* the singular article only: "a las 7", "fra le 10 e le 12" are hours */
    const char *a = m->text + m->t[i].s;
    size_t an = m->t[i].e - m->t[i].s;
    if (an != 2 || !((m->lang == TL_FR && !strncasecmp(a, "le", 2)) ||
                     (m->lang == TL_ES && !strncasecmp(a, "el", 2)) ||
                     (m->lang == TL_IT && !strncasecmp(a, "il", 2))))
        return 0;
    if (pu(m, i + 2, ',') && isnum(m, i + 3))
        return 0; /* "Le 15, 16 personnes sont mortes": a count follows */
    size_t ws, we;
    next_raw_word(m, m->t[i + 1].e, &ws, &we);
    if (we > ws && raw_word_in(m, ws, we, CURRENT))
        return 1; /* "le 14 courant" */
    /* opening its sentence before a comma: "Le 14, on chantait" (not "El 30
     * por ciento") */
    static const char *const AFTER[] = {"apr\xc3\xa8s", "dopo", "despu\xc3\xa9s", NULL};
    static const char *const PART_OF_DAY[] = {"au", "por", "en", "in", "nel", "nella", NULL};
    static const char *const DAYPART[] = {"matin", "soir",  "la",    "mattina", "sera",
                                          "nuit",  "noche", "notte", NULL};
    /* "au matin", "por la tarde", "en la noche", "in serata": a part of the day */
    size_t ns = we, ne = we;
    if (we > ws)
        next_raw_word(m, we, &ns, &ne);
    int daypart = we > ws && raw_word_in(m, ws, we, PART_OF_DAY) && ne > ns &&
                  raw_word_in(m, ns, ne, DAYPART);
    if (!mid_sentence(m, m->t[i].s))
        return pu(m, i + 2, ',') || (we > ws && raw_word_in(m, ws, we, AFTER)) || daypart;
    /* else a participle or "lieu" before it dates it, a stop or a word of time
     * after it: "immolé le 17 après", "aura lieu le 20." (not "le numéro
     * gagnant est le 17", "passe par le 12 avant midi", "porte le 10 au PSG") */
    size_t ps, pe = raw_word_before(m, m->t[i].s, &ps);
    int dated = pe > ps && word_eq(m->text + ps, pe - ps, "lieu");
    for (const char *const *e = PART; *e && !dated && pe - ps >= 5; e++)
        dated = m->text[ps] >= 'a' && m->text[ps] <= 'z' && ends_with(m->text + ps, pe - ps, *e);
    /* or a verb with a tense, or a schedule's: "se tiendra le 25", "si gioca il 23" */
    if (!dated && pe > ps)
        dated = lang_tense(m, (wspan){ps, pe}) != 0 || romance_schedule(m, m->text + ps, pe - ps);
    return dated &&
           (stop_after(m, i + 1) || (we > ws && raw_word_in(m, ws, we, FOLLOW)) || daypart);
}

static int pat_dayn(M *m, int i, R *r)
{
    int d;
    int days = has(m, i, C_UNITPL) && val(m, i, C_UNITPL) == U_DAY;
    int bare = !days && !has(m, i, C_UNIT) && bare_day_of_month(m, i);
    if ((((m->lang & (TL_EN | TL_FR | TL_DE | TL_RU)) && m->lang != TL_CA_ALL) && !bare) ||
        !((has(m, i, C_UNIT) && val(m, i, C_UNIT) == U_DAY) || days || bare) || !isnum(m, i + 1) ||
        !p_day(m, i + 1, &d))
        return 0;
    int k = pat_dm(m, i + 1, r);
    if (k) {
        if (bare)
            return 0; /* "le 14 juillet" is pat_dm's, without the article */
        r->first = i;
        return k;
    }
    if (days)
        return 0; /* "nos dias 10 e 11 de março" only with the month */
    r_init(r, bare ? i + 1 : i);
    if (!m->hasref)
        return 0;
    int j = p_day(m, i + 1, &d);
    if (number_goes_on(m, j) || kw(m, j, K_OF))
        return 0; /* "dia 3/4", "dia 3.500", "Día 1 de la era post-Mubarak": a count */
    r->tense = guess_tense(m, m->t[i].s, m->t[j - 1].e);
    if (bare && (m->agran == 'D' || m->agran == 'M') && m->ay > 0 && m->am > 0 &&
        (m->agran == 'M' || d > m->ad) && d <= chr_month_days(m->ay, m->am) &&
        !(r->tense < 0 &&
          chr_days_from_civil(m->ay, m->am, d) > chr_days_from_civil(m->ry, m->rm, m->rd))) {
        /* the month the text tells of: "Il 15 luglio ... Il 31, il parlamento
         * l'ha approvata" is 31 July (not a past day after the reference:
         * "Ieri ... Il 28, il parlamento l'ha approvata" told on 10 September) */
        set_date(r, m->ay, m->am, d);
        r->anchored = 1;
        r->flags |= CHR_TIMEX_RELATIVE;
        r->end = j;
        return j;
    }
    r->tense = guess_tense(m, m->t[i].s, m->t[j - 1].e);
    if (r->tense == 0 && m->memo_pres == 2)
        r->tense = 1; /* a schedule in the present: "o julgamento começa no dia 25" */
    int back = d > m->rd, ahead = d < m->rd;
    if (r->tense == 0)
        back = d - m->rd > 7; /* the 3rd said on the 14th: this month; the 25th: the last */
    int shift = r->tense <= 0 ? (back ? -1 : 0) : (ahead ? 1 : 0);
    size_t cs, ce;
    next_raw_word(m, m->t[j - 1].e, &cs, &ce);
    if (bare && ce > cs &&
        raw_word_in(m, cs, ce, (const char *const[]){"courant", "corriente", "corrente", NULL}))
        shift = 0; /* "le 14 courant": of this month */
    return day_of_month(m, r, d, shift, j);
}
/* "el 7 del mes pasado", "le 7 du mois dernier", "il 7 del mese scorso",
 * "o dia 7 do mês passado", "el 7 de este mes", "el 7 del próximo mes": a
 * day of the month before, after or of the reference's. */
static int pat_day_relmonth(M *m, int i, R *r)
{
    int d, shift;
    if ((m->lang & TL_EN) || !m->hasref)
        return 0;
    int j = p_day(m, i, &d);
    if (!j || number_goes_on(m, j) || !kw(m, j, K_OF))
        return 0;
    j++;
    if (kw(m, j, K_THE))
        j++;
    if (has(m, j, C_REL) && has(m, j + 1, C_UNIT) && val(m, j + 1, C_UNIT) == U_MONTH &&
        (val(m, j, C_REL) == R_THIS || val(m, j, C_REL) == R_LAST || val(m, j, C_REL) == R_NEXT)) {
        shift = val(m, j, C_REL) == R_THIS ? 0 : val(m, j, C_REL) == R_LAST ? -1 : 1;
    } else if (has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_MONTH && has(m, j + 1, C_POSTREL) &&
               (val(m, j + 1, C_POSTREL) == R_LAST || val(m, j + 1, C_POSTREL) == R_NEXT)) {
        shift = val(m, j + 1, C_POSTREL) == R_LAST ? -1 : 1;
    } else if (has(m, j, C_UNIT) && val(m, j, C_UNIT) == U_MONTH && kw(m, j + 1, K_QUE) &&
               has(m, j + 2, C_POSTREL) && val(m, j + 2, C_POSTREL) == R_NEXT) {
        shift = 1; /* "el 12 del mes que viene", "no dia 12 do mês que vem" */
        j++;
    } else {
        return 0;
    }
    r->flags |= CHR_TIMEX_RELATIVE;
    return day_of_month(m, r, d, shift, j + 2);
}

/* One end of a weekday range: [this/next/last] weekday [day [month
 * [year]]] [dernier/pasado/próximo]. rel is the R_* written with it (0
 * none); full: y-mo-d from a day and month (pat_dm); d alone: a day of
 * the month without one ("du lundi 3 au samedi 8 mars"). */
typedef struct wend {
    int wd, rel, d, full, y, mo;
} wend;

static int p_wrange_end(M *m, int j, wend *w)
{
    memset(w, 0, sizeof *w);
    if (has(m, j, C_REL)) {
        w->rel = val(m, j, C_REL);
        if (w->rel != R_THIS && w->rel != R_NEXT && w->rel != R_LAST && w->rel != R_PAST &&
            w->rel != R_COMING)
            return 0;
        j++;
        if (pu(m, j, '\'') && glued(m, j)) /* "quest'" */
            j++;
    }
    int k = p_wday(m, j, &w->wd);
    if (!k)
        return 0;
    R s;
    r_init(&s, j);
    int kd = pat_dm(m, j, &s);
    if (kd && s.d && !(s.flags & CHR_TIMEX_RANGE)) {
        w->full = 1;
        w->y = s.y;
        w->mo = s.m;
        w->d = s.d;
        return kd;
    }
    j = k;
    if (!w->rel && has(m, j, C_POSTREL)) {
        w->rel = val(m, j, C_POSTREL);
        if (w->rel != R_NEXT && w->rel != R_LAST)
            return 0;
        return j + 1;
    }
    if (isnum(m, j) && m->t[j].nd <= 2 && (k = p_day(m, j, &w->d)) != 0 && !number_goes_on(m, k))
        return k;
    w->d = 0;
    return j;
}

/* The weekday wd that rel ("ce", "el próximo", "lo scorso", "dernier")
 * names, as pat_rel reads it (tokens i..e for the tense of "this"). */
static void wrange_rel(M *m, int i, int e, int wd, int rel, int *y, int *mo, int *d)
{
    if (rel == R_THIS) {
        res_wday(m, wd, 2, 0, y, mo, d);
        int t = guess_tense(m, m->t[i].s, m->t[e - 1].e);
        long off = chr_days_from_civil(*y, *mo, *d) - chr_days_from_civil(m->ry, m->rm, m->rd);
        if ((t < 0 && off > 0) || (t > 0 && off < 0))
            res_wday(m, wd, t < 0 ? -1 : 1, 0, y, mo, d);
    } else {
        res_wday(m, wd, rel == R_LAST || rel == R_PAST ? -1 : 1, 0, y, mo, d);
    }
}

/* A week named right after a weekday range ("de lunes a miércoles de la
 * semana próxima", "du lundi au mercredi de la semaine prochaine", "de
 * luni până miercuri săptămâna viitoare", "Monday to Wednesday next
 * week"): *dw weeks from the reference's; returns the index after it, 0
 * when none. */
static int wrange_week(const M *m, int j, int *dw)
{
    j = skip_of_the(m, j);
    int u, pl, rr = 0, k;
    if (has(m, j, C_REL)) {
        rr = val(m, j, C_REL);
        j++;
    }
    if (!(k = p_unit(m, j, &u, &pl)) || u != U_WEEK || pl)
        return 0;
    if (!rr && has(m, k, C_POSTREL))
        rr = val(m, k++, C_POSTREL);
    if (rr == R_NEXT || rr == R_COMING)
        *dw = 1;
    else if (rr == R_LAST || rr == R_PAST)
        *dw = -1;
    else if (rr == R_THIS || rr == R_CURRENT)
        *dw = 0;
    else
        return 0;
    return k;
}

/* Weekday ranges: "du lundi au samedi", "de lunes a viernes", "dal
 * lunedì al venerdì", "de segunda a sexta", "de luni până vineri", "de
 * dilluns a divendres", "from Monday to Friday", "Monday through Friday".
 * Without a day of the month, "this/next/last" or a tense that places
 * them ("ouvert du lundi au samedi", "abren de lunes a viernes": a
 * schedule in the present) they are a SET, XXXX-WXX-1..XXXX-WXX-5; with
 * one ("du lundi 3 au samedi 8 mars", "this Monday to Friday", "los
 * combates duraron de lunes a miércoles") a range of days, its end never
 * before its start. */
static int pat_wrange(M *m, int i, R *r)
{
    wend a, b;
    int j = p_wrange_end(m, i, &a);
    if (!j || !(kw(m, j, K_TO) || pu(m, j, '-')))
        return 0;
    j++;
    if (pu(m, j, '\'') && kw(m, j + 1, K_TO)) /* "jusqu'au", "jusqu'à" */
        j += 2;
    int e = p_wrange_end(m, j, &b);
    if (!e || a.wd == b.wd)
        return 0;
    int delta = ((b.wd - a.wd) + 7) % 7;
    int y = 0, mo = 0, d = 0, y2, mo2, d2, dw = 0, kw2;
    if (!a.d && !b.d && !a.rel && !b.rel && m->hasref && (kw2 = wrange_week(m, e, &dw)) != 0) {
        y = m->ry, mo = m->rm, d = m->rd; /* that week's days */
        add_days(&y, &mo, &d, 7L * dw + a.wd - chr_weekday(m->ry, m->rm, m->rd));
        y2 = y, mo2 = mo, d2 = d;
        add_days(&y2, &mo2, &d2, delta);
        e = kw2;
        r->flags |= CHR_TIMEX_RELATIVE;
    } else if (a.d || b.d) {
        if (a.full && b.full) {
            y = a.y, mo = a.mo, d = a.d;
            y2 = b.y, mo2 = b.mo, d2 = b.d;
        } else if (b.full) {
            y2 = b.y, mo2 = b.mo, d2 = b.d;
            y = y2, mo = mo2, d = d2;
            if (a.d) {
                d = a.d;
                if (a.d > d2)
                    add_months(&y, &mo, -1);
            } else if (y > 0) {
                add_days(&y, &mo, &d, -delta);
            } else {
                return 0;
            }
        } else if (a.full) {
            y = a.y, mo = a.mo, d = a.d;
            y2 = y, mo2 = mo, d2 = d;
            if (b.d) {
                d2 = b.d;
                if (b.d < d)
                    add_months(&y2, &mo2, 1);
            } else if (y > 0) {
                add_days(&y2, &mo2, &d2, delta);
            } else {
                return 0;
            }
        } else {
            /* days without a month: the month next to the reference's
             * whose calendar has the first weekday on that day */
            if (!m->hasref || !a.d)
                return 0;
            int found = 0;
            static const int SHIFT[] = {0, -1, 1};
            for (int s = 0; s < 3 && !found; s++) {
                y = m->ry, mo = m->rm;
                add_months(&y, &mo, SHIFT[s]);
                found = a.d <= chr_month_days(y, mo) && chr_weekday(y, mo, a.d) == a.wd;
            }
            if (!found)
                return 0;
            d = a.d;
            y2 = y, mo2 = mo, d2 = d;
            add_days(&y2, &mo2, &d2, delta);
            if (b.d && b.d != d2)
                return 0;
        }
        if (y <= 0 || y2 <= 0 || d > chr_month_days(y, mo) || d2 > chr_month_days(y2, mo2))
            return 0;
        long span = chr_days_from_civil(y2, mo2, d2) - chr_days_from_civil(y, mo, d);
        if (span <= 0 || span > 31)
            return 0;
        r->explicit_day = 1;
    } else {
        int t = 0;
        if (!a.rel && !b.rel) {
            t = guess_tense(m, m->t[i].s, m->t[e - 1].e);
            if (m->memo_pres)
                t = 0; /* "the shop is open from Monday to Friday": no plan */
        }
        if ((!a.rel && !b.rel && t == 0) || !m->hasref) {
            r->type = t == 0 && !a.rel && !b.rel ? CHR_TIMEX_SET : CHR_TIMEX_DATE;
            snprintf(r->v, 48, "XXXX-WXX-%d", a.wd);
            snprintf(r->ev, 48, "XXXX-WXX-%d", b.wd);
            r->flags |= CHR_TIMEX_RANGE;
            r->end = e;
            return e;
        }
        if (a.rel) {
            wrange_rel(m, i, e, a.wd, a.rel, &y, &mo, &d);
        } else if (b.rel) {
            wrange_rel(m, i, e, b.wd, b.rel, &y, &mo, &d);
            add_days(&y, &mo, &d, -delta);
        } else if (t < 0) {
            /* the run that opens on the reference day ("a decretat doliu de
             * sâmbătă până luni" told on Saturday), else the one it ended
             * ("the plant was closed from Monday to Friday" told on a
             * Thursday: the week before) */
            if (a.wd == chr_weekday(m->ry, m->rm, m->rd)) {
                res_wday(m, a.wd, 0, -1, &y, &mo, &d);
            } else {
                res_wday(m, b.wd, 0, -1, &y, &mo, &d);
                add_days(&y, &mo, &d, -delta);
            }
        } else {
            res_wday(m, a.wd, 0, 1, &y, &mo, &d);
        }
        y2 = y, mo2 = mo, d2 = d;
        add_days(&y2, &mo2, &d2, delta);
        r->tense = t;
        r->flags |= CHR_TIMEX_RELATIVE;
    }
    set_date(r, y, mo, d);
    fmt_date(r->ev, y2, mo2, d2);
    r->flags |= CHR_TIMEX_RANGE;
    r->end = e;
    return e;
}

/* The first (to fourth) or last week of a month ("the first week of
 * August", "the last week of August", "la última semana de agosto", "la
 * dernière semaine d'août", "l'ultima settimana di agosto", "la prima
 * settimana di marzo"): the ISO week that holds the month's fourth day
 * (the n-th: seven days on) or its fourth from the end, whose days are
 * mostly the month's. Not the week before publication that "the last
 * week" alone is. */
static int pat_month_week(M *m, int i, R *r)
{
    static const char *const IT_ORD[] = {"prima", "seconda", "terza", "quarta", NULL};
    int j = i, n = 0;
    if (kw(m, j, K_THE)) {
        j++;
        if (pu(m, j, '\'') && glued(m, j))
            j++; /* "l'ultima" */
    }
    /* "la prima settimana di marzo" ("prima" is "before" too) */
    for (int k = 0; m->lang == TL_IT && j < m->n && IT_ORD[k] && !n; k++)
        if (raw_word_in(m, m->t[j].s, m->t[j].e, (const char *const[]){IT_ORD[k], NULL}))
            n = k + 1;
    if (!n && has(m, j, C_ORDW) && val(m, j, C_ORDW) >= 1 && val(m, j, C_ORDW) <= 4)
        n = val(m, j, C_ORDW);
    else if (!n && kw(m, j, K_FIRSTF))
        n = 1;
    else if (!n && has(m, j, C_REL) && val(m, j, C_REL) == R_LAST)
        n = -1;
    if (!n)
        return 0;
    int u, pl, k = p_unit(m, j + 1, &u, &pl);
    if (!k || pl || u != U_WEEK || !kw(m, k, K_OF))
        return 0;
    j = k + 1;
    if (pu(m, j, '\'') && glued(m, j))
        j++; /* "d'août" */
    R mon;
    int e = has(m, j, C_MONTH) ? try_inner(m, j, &mon, 1) : 0;
    if (!e || mon.type != CHR_TIMEX_DATE || mon.y <= 0 || mon.m < 1 || mon.d ||
        (mon.flags & CHR_TIMEX_RANGE))
        return 0;
    int d = n > 0 ? 4 + 7 * (n - 1) : chr_month_days(mon.y, mon.m) - 3, wy, w;
    chr_iso_week(mon.y, mon.m, d, &wy, &w);
    *r = mon;
    snprintf(r->v, 48, "%04d-W%02d", wy, w);
    r->d = 0;
    r->gran = 0; /* no day nor month for what follows to count from */
    r->first = i;
    r->end = e;
    return e;
}

static const pat_fn PATS[] = {pat_numeric, pat_md,     pat_dm,           pat_year,      pat_century,
                              pat_quarter, pat_rel,    pat_ago,          pat_dur,       pat_set,
                              pat_time,    pat_deict,  pat_misc,         pat_mod,       pat_holiday,
                              pat_dayn,    pat_wrange, pat_day_relmonth, pat_month_week};

/* The patterns that can begin with a number token (the others all need a
 * word first: a month, weekday, keyword, capitalised holiday...). */
static const pat_fn PATS_NUM[] = {pat_numeric, pat_dm,  pat_year, pat_century, pat_quarter,
                                  pat_rel,     pat_ago, pat_dur,  pat_time,    pat_day_relmonth};

/* Longest match starting at i; 0 when none. */
static int try_inner(M *m, int i, R *best, int nomod)
{
    int bend = 0;
    const pat_fn *pats = PATS;
    size_t np = sizeof PATS / sizeof PATS[0];
    if (i < m->n && m->t[i].kind == TK_NUM) {
        pats = PATS_NUM;
        np = sizeof PATS_NUM / sizeof PATS_NUM[0];
    }
    for (size_t p = 0; p < np; p++) {
        if (nomod && pats[p] == pat_mod)
            continue;
        R r;
        r_init(&r, i);
        int e = pats[p](m, i, &r);
        if (e > bend) {
            bend = e;
            *best = r;
            best->end = e;
        }
    }
    return bend;
}

/* ---- output ------------------------------------------------------------ */

/* Whether text[a..b) only joins a time of day to the day after it: spaces,
 * commas, brackets and the words of "local time on", "heure locale, le",
 * "de la madrugada del", "ora locale del" (not "hora de Brasília"), and
 * a place's name before "time" ("London time on"). */
static int time_day_gap(const M *m, size_t a, size_t b)
{
    static const char *const W[] = {
        "on",    "the",   "of",  "local", "time",   "le",   "du",    "de",     "del",
        "da",    "do",    "el",  "il",    "lo",     "la",   "heure", "heures", "locale",
        "hora",  "horas", "ora", "ore",   "gmt",    "utc",  "hs",    "h",      "horário",
        "dello", "della", "dia", "día",   "giorno", "jour", NULL};
    if (b < a || b - a > 48)
        return 0;
    size_t p = a;
    while (p < b) {
        unsigned char c = (unsigned char)m->text[p];
        if (c == '\n')
            return 0; /* a stamp's time, then a line that opens with a day ("09:12\nIeri
                       * ...": the post's time, and the text's day) */
        if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '\t') {
            p++;
            continue;
        }
        size_t q = p;
        while (q < b && m->text[q] != ' ' && m->text[q] != ',' && m->text[q] != '(' &&
               m->text[q] != ')' && m->text[q] != '\n' && m->text[q] != '\t')
            q++;
        int ok = 0;
        for (const char *const *w = W; *w && !ok; w++)
            ok = strlen(*w) == q - p && strncasecmp(m->text + p, *w, q - p) == 0;
        /* a place's name before "time": "1000 London time on Friday" */
        for (size_t t = q + 1; !ok && m->text[p] >= 'A' && m->text[p] <= 'Z' && t + 4 <= b; t++)
            ok = !strncasecmp(m->text + t - 1, " time", 5) &&
                 (t + 4 == b || m->text[t + 4] == ' ' || m->text[t + 4] == ',');
        if (!ok)
            return 0;
        p = q;
    }
    return 1;
}

/* A day written right after times of day that had none: theirs ("at 2:30
 * a.m. local time on Aug. 21", "à 2h30 du matin, heure locale, le 21
 * août", "a las 2.30 (0.30 GMT) del 21 de agosto"). */
static void pending_times(M *m, const R *r, size_t idx, size_t start, size_t end)
{
    int joined = m->npend && m->pend + m->npend == idx && time_day_gap(m, m->pend_end, start);
    if (r->type == CHR_TIMEX_TIME && r->dayless) {
        if (joined) {
            m->npend++;
        } else {
            m->pend = idx;
            m->npend = 1;
        }
        m->pend_end = end;
        return;
    }
    if (joined && r->gran == 'D' && r->y > 0 && r->d > 0 && !(r->flags & CHR_TIMEX_RANGE) &&
        (r->type == CHR_TIMEX_DATE || r->type == CHR_TIMEX_TIME)) {
        char day[16];
        fmt_date(day, r->y, r->m, r->d);
        for (size_t q = m->pend; q < idx; q++) {
            chr_timex *t = (chr_timex *)(void *)(m->out + q * m->rec);
            char *tp = strchr(t->value, 'T');
            if (!tp || tp - t->value != 10)
                continue;
            memcpy(t->value, day, 10);
            t->flags |= CHR_TIMEX_RELATIVE;
            if (m->rec == sizeof(chr_tx)) {
                chr_tx *x = (chr_tx *)(void *)t;
                x->y = r->y;
                x->m = r->m;
                x->d = r->d;
            }
        }
    }
    m->npend = 0;
}

static void emit(M *m, const R *r)
{
    if (m->oom)
        return;
    if (m->nout == m->cap) {
        /* first guess from the text size (news: about one per 300 bytes) */
        size_t nc = m->cap ? m->cap * 2 : 16 + m->len / 256;
        unsigned char *nx = realloc(m->out, nc * m->rec);
        if (!nx) {
            m->oom = 1;
            return;
        }
        m->out = nx;
        m->cap = nc;
    }
    chr_tx rec, *x = &rec;
    memset(x, 0, sizeof *x);
    x->t.start = m->t[r->first].s;
    if (r->flags & R_WORD_BEFORE) { /* (word_before checked it: "a" alone) */
        size_t p = x->t.start;
        while (p > 0 && (m->text[p - 1] == ' ' || m->text[p - 1] == '\t' || m->text[p - 1] == '\n'))
            p--;
        while (p > 0 && ((m->text[p - 1] | 32) >= 'a' && (m->text[p - 1] | 32) <= 'z'))
            p--;
        x->t.start = p;
    }
    x->t.end = m->t[r->end - 1].e;
    /* an extent never ends on punctuation (except "a.m." style dots) */
    x->t.type = (chr_timex_type)r->type;
    /* r->v and r->ev are as long as the public fields and always terminated */
    memcpy(x->t.value, r->v, strnlen(r->v, sizeof x->t.value - 1));
    if (r->flags & CHR_TIMEX_RANGE)
        memcpy(x->t.end_value, r->ev, strnlen(r->ev, sizeof x->t.end_value - 1));
    x->t.flags = (r->flags & ~R_WORD_BEFORE) | (r->anchored ? CHR_TIMEX_ANCHORED : 0) |
                 (r->tense < 0 ? CHR_TIMEX_PAST : 0) | (r->tense > 0 ? CHR_TIMEX_FUTURE : 0);
    x->tense = r->tense;
    x->y = r->y;
    x->m = r->m;
    x->d = r->d;
    x->explicit_day = r->explicit_day;
    x->rel_week = r->rel_week;
    x->wd = r->wd;
    /* the public record is the first member of chr_tx */
    memcpy(m->out + m->nout++ * m->rec, x, m->rec);
    pending_times(m, r, m->nout - 1, x->t.start, x->t.end);
    /* anaphora */
    /* a time of day on a named day anchors what follows too, outside English
     * (where TimeBank values "... 9 p.m." after "Friday night" otherwise) */
    if ((r->type == CHR_TIMEX_DATE ||
         (r->type == CHR_TIMEX_TIME && !(m->lang & TL_EN) && !r->dayless)) &&
        r->gran && r->y > 0) {
        m->agran = r->gran;
        m->ay = r->y;
        m->am = r->m;
        m->ad = r->d;
        m->aq = r->q;
        int ey, em, ed;
        if ((r->flags & CHR_TIMEX_RANGE) && r->gran == 'D' && strlen(r->ev) == 10 &&
            sscanf(r->ev, "%4d-%2d-%2d", &ey, &em, &ed) == 3 && ey > 0) {
            m->ay = ey; /* "from May 3 to May 5. The next day": after its end */
            m->am = em;
            m->ad = ed;
        }
        if (r->gran == 'Q') {
            m->qy = r->y;
            m->qq = r->q;
        }
    } else if (r->sy > 0) { /* "May 3 ... Two days later ... The next day": May 6 */
        m->agran = 'D';
        m->ay = r->sy;
        m->am = r->sm;
        m->ad = r->sd;
    }
    if (strstr(r->v, "-Q"))
        m->lastq = 1;
    else if (r->type == CHR_TIMEX_DURATION || (r->v[0] && strlen(r->v) == 4))
        m->lastq = 0; /* "the nine months", "1988", "last year" */
}

#define STARTER_MASK (~((1u << C_KW) | (1u << C_KW2)))

/* Keywords that can begin an expression ("the", "a", "about", "il y a"...). */
static int starter_kw(const tk *t)
{
    for (int c = C_KW; c <= C_KW2; c++) {
        if (!(t->cm >> c & 1u))
            continue;
        switch (t->lx->val[c]) {
        case K_THE:
        case K_A:
        case K_FISCAL:
        case K_ILYA:
        case K_HACE:
        case K_APPROX:
        case K_MORE:
        case K_ANOTHER:
        case K_FEW:
        case K_Q:
        case K_ALL:
        case K_YEAREARLIER:
        case K_NEW:
        case K_INDEP:
        case K_VALENTINE:
        case K_ELECTION:
        case K_LABOR:
        case K_MEMORIAL:
        case K_BLACK:
        case K_CYBER:
        case K_TO:
        case K_HENCE:
            return 1;
        default:
            break;
        }
    }
    return 0;
}

/* A number of 3 or 5+ digits starts an expression only as a count
 * ("180 days", "1,500 years"); most such numbers are amounts. */
static int num_may_start(const M *m, int i)
{
    const tk *t = &m->t[i];
    if (t->nd == 4)
        return 1; /* a year */
    if (i + 1 >= m->n)
        return clock_cue(m, i); /* a day, count or hour needs a next token ("alle 21 ora
                                 * locale": the word before makes it an hour) */
    if (t->nd <= 2)
        return 1;
    if (t->nd > 7)
        return 0;
    int j = i + 1;
    while (j + 1 < m->n && pu(m, j, ',') && isnum(m, j + 1) && m->t[j + 1].nd == 3)
        j += 2;
    if (pu(m, j, '-'))
        j++;
    return has(m, j, C_UNIT) || has(m, j, C_UNITPL);
}

/* Every expression contains a head (number, month, unit, ...) within its
 * first seven tokens ("the end of the year", "at least the past 18 months",
 * "il y a près d'un an"). */
static int head_near(const M *m, int i)
{
    for (int k = i; k < m->n && k < i + 7; k++) {
        const tk *t = &m->t[k];
        if (t->kind == TK_NUM || (t->cm & (HEAD_MASK | (1u << C_REL) | (1u << C_ORDW))))
            return 1;
        if (t->kind == TK_WORD && (t->cm >> C_KW & 1u) &&
            (t->lx->val[C_KW] == K_YEAREARLIER || t->lx->val[C_KW] == K_PERIOD))
            return 1;
    }
    return 0;
}

/* "1,250 hours": a number with thousands groups followed by a plural unit. */
static int grouped_count(const M *m, int i)
{
    int j = i + 1;
    if (i > 0 && glued(m, i) && m->t[i - 1].kind == TK_PUNCT)
        return 0;
    while (j + 1 < m->n && pu(m, j, ',') && glued(m, j) && isnum(m, j + 1) && m->t[j + 1].nd == 3 &&
           glued(m, j + 1))
        j += 2;
    return j > i + 1 && has(m, j, C_UNITPL);
}

/* Whether "-là" follows token k in French text ("ce jour-là"). */
static int fr_la_after(const M *m, int k)
{
    if (!(m->lang & TL_FR))
        return 0;
    size_t p = m->t[k].e;
    while (p < m->len && m->text[p] == ' ')
        p++;
    if (p < m->len && m->text[p] == '-')
        p++;
    if (p + 3 > m->len || m->text[p] != 'l' || memcmp(m->text + p + 1, "\xc3\xa0", 2))
        return 0;
    p += 3;
    return p == m->len || !(((m->text[p] | 32) >= 'a' && (m->text[p] | 32) <= 'z') ||
                            (unsigned char)m->text[p] >= 0x80 || m->text[p] == '-');
}

/* French "ce jour-là", "cette nuit-là", "cette année-là": that day, the
 * one the story is about, not the reference's ("ce jour" is today); only
 * the date last mentioned values it (pat_rel). */
static int fr_that_one(const M *m, const R *r)
{
    if (!(m->lang & TL_FR) || r->anchored)
        return 0;
    const tk *f = &m->t[r->first];
    size_t n = f->e - f->s;
    if (!((n == 2 && !strncasecmp(m->text + f->s, "ce", 2)) ||
          (n == 3 && !strncasecmp(m->text + f->s, "cet", 3)) ||
          (n == 5 && !strncasecmp(m->text + f->s, "cette", 5))))
        return 0;
    return fr_la_after(m, r->end - 1);
}

/* Run the grammar over the buffered tokens of one chunk. */
static void match_chunk(M *m)
{
    for (int i = 0; i < m->n;) {
        const tk *t = &m->t[i];
        if ((t->kind == TK_NUM && !num_may_start(m, i)) || (t->kind == TK_PUNCT && t->ch != '\'') ||
            (t->kind == TK_WORD && !(t->cm & STARTER_MASK) && !starter_kw(t) &&
             !first_half(m, i)) ||
            !head_near(m, i)) {
            i++;
            continue;
        }
        R r;
        int e;
        if (t->kind == TK_NUM && !plainnum(m, i) && !pu(m, i + 1, ':') && !grouped_count(m, i) &&
            !(pu(m, i + 1, '.') && (clock_cue(m, i) || dotted_stamp(m, i)))) {
            /* part of an amount (1,500 3.5 $20 10%): only a numeric date
             * (14.05.2024, 10/27/89) can start here */
            r_init(&r, i);
            e = pat_numeric(m, i, &r);
            if (e > i)
                r.end = e;
        } else {
            e = try_inner(m, i, &r, 0);
        }
        if (e > i) {
            /* drop a trailing dot that is sentence punctuation, not "Jan." */
            while (r.end - 1 > r.first && m->t[r.end - 1].kind == TK_PUNCT &&
                   m->t[r.end - 1].ch != '.' &&
                   !(m->t[r.end - 1].ch == ')' && r.end - 3 >= r.first && pu(m, r.end - 3, '(')))
                r.end--; /* (but the ")" of "quinta-feira (17)") */
            if (!fr_that_one(m, &r))
                emit(m, &r);
            i = e;
        } else {
            i++;
        }
    }
}

/* ---- scanner ----------------------------------------------------------- */

enum { B_SPACE = 0, B_DIGIT, B_ALPHA, B_PUNCT, B_HIGH };
static unsigned char bclass[256];
static unsigned char lower_tab[256]; /* ASCII letter -> lower case; 0 otherwise */
static pthread_once_t bclass_once = PTHREAD_ONCE_INIT;

static void bclass_init(void)
{
    for (int c = 0; c < 256; c++) {
        unsigned char k;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            k = B_SPACE;
        else if (c >= '0' && c <= '9')
            k = B_DIGIT;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            k = B_ALPHA;
        else if (c >= 0x80)
            k = B_HIGH;
        else if (c < 0x20 || c == 0x7f)
            k = B_SPACE;
        else
            k = B_PUNCT;
        bclass[c] = k;
        lower_tab[c] = k == B_ALPHA ? (unsigned char)(c | 0x20) : 0;
    }
}

/* Classify the UTF-8 sequence at p (a byte >= 0x80): returns B_ALPHA (a
 * letter), B_SPACE (no-break spaces), or B_PUNCT with *ch set; *n = bytes. */
static int high_class(const unsigned char *p, size_t avail, char *ch, size_t *n)
{
    unsigned char c = p[0];
    *n = 1;
    *ch = 0;
    if (c >= 0xC0 && c < 0xE0 && avail >= 2)
        *n = 2;
    else if (c >= 0xE0 && c < 0xF0 && avail >= 3)
        *n = 3;
    else if (c >= 0xF0 && avail >= 4)
        *n = 4;
    if (c == 0xE2 && *n == 3 && p[1] == 0x82 && p[2] == 0xAC) {
        *ch = '$'; /* € */
        return B_PUNCT;
    }
    if (c == 0xC2 && *n == 2) {
        unsigned char d = p[1];
        if (d == 0xA3 || d == 0xA5) {
            *ch = '$'; /* £ ¥ */
            return B_PUNCT;
        }
        if (d == 0xA0)
            return B_SPACE;
        if (d == 0xBA || d == 0xAA || d == 0xB0)
            return B_ALPHA; /* º ª ° */
        if (d < 0xC0)
            return B_PUNCT; /* « » © etc. */
    }
    if (c == 0xE2 && *n == 3 && p[1] == 0x80) {
        unsigned char d = p[2];
        if (d == 0x98 || d == 0x99) {
            *ch = '\'';
            return B_PUNCT;
        }
        if (d >= 0x90 && d <= 0x95) {
            *ch = '-';
            return B_PUNCT;
        }
        if (d == 0xAF || (d >= 0x80 && d <= 0x8B))
            return B_SPACE;
        return B_PUNCT;
    }
    if (c == 0xE2 || c == 0xE3 || (c == 0xEF && *n == 3 && p[1] == 0xBC))
        return B_PUNCT;
    if (c < 0xC0)
        return B_ALPHA; /* stray continuation byte: part of a word */
    return B_ALPHA;
}

typedef struct S {
    M m;
    tk buf[CHUNK_MAX];
    int n;
    int head;
} S;

static void flush(S *s)
{
    if (s->n && s->head) {
        s->m.t = s->buf;
        s->m.n = s->n;
        match_chunk(&s->m);
    }
    s->n = 0;
    s->head = 0;
}

static void push(S *s, const tk *t)
{
    if (s->n == CHUNK_MAX)
        flush(s);
    s->buf[s->n++] = *t;
    if (t->kind == TK_NUM || (t->cm & HEAD_MASK) ||
        ((t->cm >> C_KW & 1u) &&
         (t->lx->val[C_KW] == K_YEAREARLIER || t->lx->val[C_KW] == K_PERIOD)))
        s->head = 1;
}

/* Active class mask of a lexicon entry for the language mask. */
static uint32_t active(const tlex *lx, unsigned lang)
{
    if (lang == TL_ALL)
        return lx->cls_lang[TL_NLANG];
    if (lang == TL_CA_ALL)
        return lx->cls_lang[TL_NLANG] | lx->cls_lang[8];
    uint32_t cm = 0;
    for (int b = 0; b < TL_NLANG; b++)
        if (lang & (1u << b))
            cm |= lx->cls_lang[b];
    return cm;
}

static unsigned lang_mask(const char *lang)
{
    if (!lang || !*lang)
        return TL_ALL;
    static const struct {
        const char *c;
        unsigned m;
    } L[] = {{"en", TL_EN}, {"fr", TL_FR}, {"de", TL_DE}, {"it", TL_IT},    {"es", TL_ES},
             {"ru", TL_RU}, {"pt", TL_PT}, {"ro", TL_RO}, {"ca", TL_CA_ALL}};
    for (size_t i = 0; i < sizeof L / sizeof L[0]; i++)
        if ((lang[0] | 32) == L[i].c[0] && (lang[1] | 32) == L[i].c[1] &&
            (lang[2] == 0 || lang[2] == '-' || lang[2] == '_'))
            return L[i].m;
    return TL_ALL;
}

/* Scan a word starting at p; returns its end. Letters are ASCII letters and
 * UTF-8 letters. */
static size_t word_end(const char *text, size_t len, size_t p)
{
    while (p < len) {
        while (p < len && bclass[(unsigned char)text[p]] == B_ALPHA)
            p++;
        if (p >= len)
            break;
        unsigned char c = (unsigned char)text[p];
        unsigned char k = bclass[c];
        if (k == B_ALPHA) {
            p++;
        } else if (k == B_HIGH) {
            char ch;
            size_t n;
            if (high_class((const unsigned char *)text + p, len - p, &ch, &n) != B_ALPHA)
                break;
            p += n;
        } else {
            break;
        }
    }
    return p;
}

/* A lexicon word written with an elided article or preposition: text[p..e)
 * followed by an apostrophe (' or ’) and letters ("l'altro", "abans-d'ahir").
 * Returns the entry and sets *end, or NULL. */
static const tlex *elided_word(const char *text, size_t len, size_t p, size_t e, size_t *end)
{
    size_t a = e < len && text[e] == '\'' ? 1
               : e + 2 < len && (unsigned char)text[e] == 0xE2 &&
                       (unsigned char)text[e + 1] == 0x80 && (unsigned char)text[e + 2] == 0x99
                   ? 3
                   : 0;
    if (!a || e + a >= len || bclass[(unsigned char)text[e + a]] == B_SPACE ||
        bclass[(unsigned char)text[e + a]] == B_DIGIT)
        return NULL;
    size_t e2 = word_end(text, len, e + a);
    if (e2 == e + a || e2 - p - a + 1 > 31)
        return NULL;
    char buf[32];
    size_t n = e - p;
    memcpy(buf, text + p, n);
    buf[n++] = '\'';
    memcpy(buf + n, text + e + a, e2 - e - a);
    n += e2 - e - a;
    const tlex *lx = chr_time_lex_word(buf, n);
    if (lx)
        *end = e2;
    return lx;
}

/* Whether the run of text from s to the next white space is an address
 * (URL, e-mail, file path): "http://x.fr/medias/2011/04/29/a.jpg",
 * "www.x.com/2011/04", "jean.2011@x.fr", "/var/log/2011/04/29.txt". The
 * numbers in an address are no dates. Sets *e to the end of the run.
 * "10/27/89" and "1/3/2011-5/3/2011" stay dates (no letters, no leading
 * slash). */
static int address_run(const char *text, size_t len, size_t s, size_t *e)
{
    size_t q = s;
    int slashes = 0, letters = 0, at = 0, dot_after_at = 0, scheme = 0;
    while (q < len) {
        unsigned char c = (unsigned char)text[q];
        if (bclass[c] == B_SPACE || c == '"' || c == '<' || c == '>' ||
            (c == 0xC2 && q + 1 < len && (unsigned char)text[q + 1] == 0xA0))
            break;
        if (c == '/' || c == '\\')
            slashes++;
        else if (c == '@')
            at = 1;
        else if (c == '.' && at && q + 1 < len && lower_tab[(unsigned char)text[q + 1]])
            dot_after_at = 1;
        else if (c == ':' && q + 2 < len && text[q + 1] == '/' && text[q + 2] == '/')
            scheme = 1;
        else if (lower_tab[c])
            letters = 1; /* ASCII: "19/08/2013à)" stays a date */
        q++;
    }
    *e = q;
    size_t b = s;
    while (b < q && (text[b] == '(' || text[b] == '[' || text[b] == '\''))
        b++;
    if (scheme || (at && dot_after_at))
        return 1;
    if (q - b > 4 && strncasecmp(text + b, "www.", 4) == 0)
        return 1;
    return slashes >= 2 && (letters || text[b] == '/' || text[b] == '\\');
}

/* The end of the tag whose '#' or '@' is at p: letters, digits and '_'
 * with at least one letter; p when there is none. */
static size_t tag_body(const char *text, size_t len, size_t p)
{
    size_t q = p + 1;
    int letter = 0;
    while (q < len) {
        unsigned char c = (unsigned char)text[q];
        if (bclass[c] == B_DIGIT || c == '_') {
            q++;
        } else if (bclass[c] == B_ALPHA) {
            letter = 1;
            q++;
        } else if (bclass[c] == B_HIGH) {
            char ch;
            size_t n;
            if (high_class((const unsigned char *)text + q, len - q, &ch, &n) != B_ALPHA)
                break;
            letter = 1;
            q += n;
        } else {
            break;
        }
    }
    return letter ? q : p;
}

/* A hashtag or a handle at p ('#' or '@' not after a letter or digit,
 * then letters, digits and '_' with at least one letter: "#Jan25",
 * "#25Jan", "@Feb17voices", "#Libia17Feb", and the tags chained to it:
 * "#Egypt#Jan25") is a name, whatever date its letters spell. Returns its
 * end, or p when there is none ("#1", "#25", "user@host"). */
static size_t handle_end(const char *text, size_t len, size_t p)
{
    if (p > 0 && (bclass[(unsigned char)text[p - 1]] == B_ALPHA ||
                  bclass[(unsigned char)text[p - 1]] == B_DIGIT))
        return p;
    if (p > 0 && (unsigned char)text[p - 1] >= 0x80) {
        /* after a letter ("café#"), not after "“" or a no-break space */
        size_t b = p - 1;
        while (b > 0 && p - b < 4 && ((unsigned char)text[b] & 0xC0) == 0x80)
            b--;
        char ch;
        size_t n;
        if (high_class((const unsigned char *)text + b, len - b, &ch, &n) == B_ALPHA)
            return p;
    }
    size_t end = tag_body(text, len, p);
    /* chained tags ("#Egypt#Jan25"): the next starts after a letter */
    while (end > p && end < len && text[end] == text[p]) {
        size_t e2 = tag_body(text, len, end);
        if (e2 == end)
            break;
        end = e2;
    }
    return end;
}

chr_err chr_time_tag_ex(const char *text, size_t len, const chr_date *ref, const char *lang,
                        chr_tx **out, size_t *nout)
{
    void *o = NULL;
    chr_err rc = chr_time_scan(text, len, ref, lang, 0, &o, nout);
    *out = o;
    return rc;
}

chr_err chr_time_scan(const char *text, size_t len, const chr_date *ref, const char *lang, int pub,
                      void **out, size_t *nout)
{
    if (!out || !nout || (!text && len))
        return CHR_EINVAL;
    *out = NULL;
    *nout = 0;
    pthread_once(&bclass_once, bclass_init);
    chr_time_lex_init();
    /* (tokens are copied whole into buf: only the matcher's state needs
     * zeroing, not the 10 KB of buf, for each of a document's sentences) */
    S *s = malloc(sizeof *s);
    if (!s)
        return CHR_ENOMEM;
    memset(&s->m, 0, sizeof s->m);
    s->n = 0;
    s->head = 0;
    M *m = &s->m;
    m->rec = pub ? sizeof(chr_timex) : sizeof(chr_tx);
    m->text = text;
    m->len = len;
    m->lang = lang_mask(lang);
    if (ref && ref->year > 0 && ref->month >= 1 && ref->month <= 12 && ref->day >= 1 &&
        ref->day <= 31) {
        m->hasref = 1;
        m->ry = ref->year;
        m->rm = ref->month;
        m->rd = ref->day > chr_month_days(ref->year, ref->month)
                    ? chr_month_days(ref->year, ref->month)
                    : ref->day;
    } else if (ref && ref->year > 0) {
        m->hasref = 1;
        m->ry = ref->year;
        m->rm = ref->month >= 1 && ref->month <= 12 ? ref->month : 7;
        m->rd = 15;
    }
    size_t p = 0;
    int gap = 1;
    size_t run_s = 0, run_checked = (size_t)-1; /* the run of non-space text p is in */
    while (p < len) {
        unsigned char c = (unsigned char)text[p];
        unsigned char k = bclass[c];
        if (k == B_SPACE) {
            gap = 1;
            p++;
            continue;
        }
        if (gap)
            run_s = p;
        tk t;
        t.lx = NULL;
        t.cm = 0;
        t.num = 0;
        t.nd = 0;
        t.cap = 0;
        t.ch = 0;
        t.s = p;
        t.glued = !gap;
        gap = 0;
        if (k == B_DIGIT) {
            uint32_t v = 0;
            size_t q = p;
            while (q < len && bclass[(unsigned char)text[q]] == B_DIGIT) {
                if (v < 100000000u)
                    v = v * 10 + (uint32_t)(text[q] - '0');
                q++;
            }
            t.e = q;
            t.kind = TK_NUM;
            t.num = v;
            t.nd = (uint8_t)(q - p > 255 ? 255 : q - p);
            push(s, &t);
            p = q;
            continue;
        }
        char ch = (char)c;
        size_t hn = 1;
        if (k == B_HIGH) {
            int hk = high_class((const unsigned char *)text + p, len - p, &ch, &hn);
            if (hk == B_SPACE) {
                gap = 1;
                p += hn;
                continue;
            }
            k = (unsigned char)hk;
            if (hk == B_PUNCT && !ch)
                ch = '?';
        }
        if (k == B_PUNCT) {
            if (c == '#' || c == '@') {
                size_t he = handle_end(text, len, p);
                if (he > p) { /* "#Jan25", "@Feb17voices": a name, no date */
                    flush(s);
                    p = he;
                    continue;
                }
            }
            if ((c == '/' || c == '@' || c == ':' || c == '\\') && run_checked != run_s) {
                /* the first such character of a run: is the run an address? */
                size_t re;
                run_checked = run_s;
                if (address_run(text, len, run_s, &re)) {
                    while (s->n && s->buf[s->n - 1].e > run_s)
                        s->n--;
                    while (m->nout && last_out(m)->end > run_s)
                        m->nout--;
                    flush(s);
                    p = re;
                    gap = 1;
                    continue;
                }
            }
            t.e = p + hn;
            t.kind = TK_PUNCT;
            t.ch = ch == '`' ? '\'' : ch;
            /* punctuation can only begin an expression as the ' of '90s; at
             * the start of a chunk anything else is dropped */
            if (s->n || t.ch == '\'' || t.ch == '$' || t.ch == '#')
                push(s, &t);
            p += hn;
            continue;
        }
        /* a word: ASCII words are folded and hashed in the same pass */
        size_t e;
        const tlex *lx;
        {
            uint32_t h = 2166136261u;
            size_t q = p;
            unsigned char f;
            while (q < len && (f = lower_tab[(unsigned char)text[q]]) != 0) {
                h = (h ^ f) * 16777619u;
                q++;
            }
            if (q < len && bclass[(unsigned char)text[q]] == B_HIGH) {
                e = word_end(text, len, p);
                lx = chr_time_lex_word(text + p, e - p);
            } else {
                e = q;
                lx = (e > p && e - p < 32 && chr_time_lex_maybe(h))
                         ? chr_time_lex_hashed(text + p, e - p, h)
                         : NULL;
            }
        }
        if (e == p) { /* cannot happen, but never loop */
            p++;
            continue;
        }
        t.e = e;
        t.kind = TK_WORD;
        t.cap = (c >= 'A' && c <= 'Z') ||
                (c == 0xC3 && p + 1 < len && (unsigned char)text[p + 1] >= 0x80 &&
                 (unsigned char)text[p + 1] <= 0x9E) ||
                (c == 0xD0 && p + 1 < len &&
                 (((unsigned char)text[p + 1] >= 0x90 && (unsigned char)text[p + 1] <= 0xAF) ||
                  (unsigned char)text[p + 1] == 0x81));
        /* hyphenated lexicon words: après-midi, year-earlier, avant-hier,
         * abans-d'ahir */
        if (e + 1 < len && text[e] == '-' && bclass[(unsigned char)text[e + 1]] != B_SPACE &&
            bclass[(unsigned char)text[e + 1]] != B_DIGIT && e - p < 30) {
            size_t e2 = word_end(text, len, e + 1);
            if (e2 > e + 1) {
                const tlex *lx2 = chr_time_lex_word(text + p, e2 - p);
                if (!lx2)
                    lx2 = elided_word(text, len, p, e2, &e2);
                if (lx2 && active(lx2, m->lang)) {
                    lx = lx2;
                    e = e2;
                    t.e = e;
                }
            }
        } else if (e == p + 1 || (e - p <= 4 && e - p >= 3 && m->lang == TL_IT)) {
            /* l'altro (ieri), dell'altro (ieri) */
            size_t e2;
            const tlex *lx2 = elided_word(text, len, p, e, &e2);
            if (lx2 && active(lx2, m->lang)) {
                lx = lx2;
                e = e2;
                t.e = e;
            }
        }
        /* wire copy writes a final accent as an apostrophe ("venerdi'",
         * "lunedi' sera", "a meta' aprile"): the word goes on to it, and
         * one the lexicon has only with its accent is read with it */
        if (e < len && text[e] == '\'' && e > p && strchr("aeiou", text[e - 1]) && e - p < 30 &&
            (e + 1 == len || bclass[(unsigned char)text[e + 1]] == B_SPACE ||
             bclass[(unsigned char)text[e + 1]] == B_PUNCT)) {
            if (!lx) {
                static const char ACC[] = "\xa0\xa8\xac\xb2\xb9"; /* à è ì ò ù */
                char b[32];
                memcpy(b, text + p, e - p - 1);
                b[e - p - 1] = (char)0xC3;
                b[e - p] = ACC[strchr("aeiou", text[e - 1]) - "aeiou"];
                lx = chr_time_lex_word(b, e - p + 1);
            }
            if (lx) {
                e++;
                t.e = e;
            }
        }
        if (lx) {
            t.lx = lx;
            t.cm = active(lx, m->lang);
            if (m->lang == TL_CA_ALL && e - p == 1 && (text[p] | 32) == 'i')
                t.cm &= ~(1u << C_KW2); /* Catalan "i" is "and", not Italian's "the" */
        }
        if (!t.cm) {
            if (s->n) /* an ordinary word: no expression spans it */
                flush(s);
            p = e;
            continue;
        }
        push(s, &t);
        p = e;
    }
    flush(s);
    chr_err rc = m->oom ? CHR_ENOMEM : CHR_OK;
    if (rc == CHR_OK) {
        *out = m->out;
        *nout = m->nout;
    } else {
        free(m->out);
    }
    free(s);
    return rc;
}
