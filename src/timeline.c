/* chronicle — timeline: event mentions and their incremental grouping.
 * Owns: which sentences are timeline points (dated by a DATE/TIME timex, or
 * an undated lead placed at the publication date), the entries they join
 * (same or compatible dates, similar content), the tl_* tables (read through
 * the entry cache of timeline_cache.c, which it keeps in step), and the
 * pipeline's updater. Ranking and output are timeline_read.c. */
#include <ctype.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "timeline_int.h"

#include <xxhash.h>

/* Similarity (idf-weighted cosine of a sentence with an entry centroid)
 * needed to join an entry: with exactly the same date, with a compatible
 * date (one contains the other: a finer date than the entry's, or a vaguer
 * one, which says less that it is the same event, so that "in March" does
 * not pile every March event onto one day), and with a date that only
 * overlaps or is a few days off (the entry then may report a conflict).
 * Publication-date placements join entries of their day or the day before
 * (FRESH_DAYS) without moving their date; SOFT_DAYS bounds the search. */
#define JOIN_EXACT_DAY 0.08
#define JOIN_EXACT                                                                                 \
    0.02 /* a month or week, or the same run of days ("May 16-17", "May                            \
            16 and 17"): stories rarely have two events in one */
#define JOIN_SIM 0.22
#define JOIN_VAGUE 0.40
#define CONFLICT_SIM 0.50
#define CONFLICT_DAYS 3
#define FRESH_DAYS 1 /* see fresh_report */
#define SOFT_DAYS 7
/* Mention weights (importance, not grouping). A dated sentence starts at
 * 1 for a day (less for vaguer dates); a date recalled more than a day
 * later counts double when written out ("25 de enero"), 1.5 times when
 * relative ("el pasado martes"); an announced future date half. Articles
 * that recall many distinct days (chronologies) weigh more per day:
 * 1 + W_CHRONO * ln(1 + days). Undated sentences placed at the publication
 * date: the lead W_LEAD, later reporting sentences W_OTHER. */
#define W_RECALL_ABS 2.0f
#define W_RECALL_REL 1.5f
#define W_FUTURE 0.5f
#define W_CHRONO 1.0f
#define W_LEAD 1.0f
#define W_OTHER 0.7f
#define LEAD_SENTENCES 3

/* ---- cues: words that make an undated sentence the article's own news ---- */

/* Does pred(item, w) hold for an item of the space-separated list? (wl:
 * strlen(w)) */
static int list_any(const char *list, const char *w, size_t wl,
                    int (*pred)(const char *, size_t, const char *, size_t))
{
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if (q > p && pred(p, (size_t)(q - p), w, wl))
            return 1;
        p = q;
    }
    return 0;
}

static int is_word(const char *item, size_t n, const char *w, size_t wl)
{
    return wl == n && memcmp(item, w, n) == 0;
}

static int word_in(const char *w, const char *list)
{
    /* most words are in no list: one substring search rules them out */
    return *w && strstr(list, w) && list_any(list, w, strlen(w), is_word);
}

static int ends_with(const char *w, const char *suffix)
{
    size_t n = strlen(w), k = strlen(suffix);
    return n > k + 2 && memcmp(w + n - k, suffix, k) == 0;
}

typedef struct cue_lang {
    const char *lang;
    const char *report;   /* reporting verbs and "according to" words */
    const char *future;   /* future and plan markers */
    const char *aux;      /* perfect auxiliaries: aux + participle = past */
    const char *past_sfx; /* space-separated past endings (simple past / participles) */
    const char *fut_sfx;  /* future endings */
} cue_lang;

static const cue_lang cues[] = {
    {"en",
     "said says announced confirmed reported told stated declared according warned agreed signed "
     "met visited held killed died arrived launched approved rejected ordered claimed",
     "will would shall plans plan planned expected scheduled going", "has have had", "ed", ""},
    {"es",
     "dijo afirmó anunció aseguró declaró informó confirmó explicó indicó señaló según denunció "
     "murieron murió agregó añadió subrayó precisó reveló advirtió",
     "va van irá prevé previsto planea", "ha han había habían", "ó aron ieron ado ados ido idos",
     "rá rán"},
    {"fr",
     "déclaré annoncé affirmé indiqué selon confirmé expliqué précisé estimé dénoncé annonce "
     "affirme indique déclare ajouté souligné averti révélé",
     "va vont sera seront devrait prévu prévoit", "a ont avait avaient", "é és ée ées", "ra ront"},
    {"it",
     "detto annunciato affermato dichiarato secondo confermato spiegato riferito aggiunto "
     "sottolineato precisato ribadito denunciato comunicato stando",
     "sarà saranno previsto prevede dovrebbe dovranno atteso attesa attesi",
     "ha hanno aveva avevano è sono",
     "ato ati ata ate ito iti ita ite uto uti uta ute ò arono irono erono", "rà ranno"},
    {"pt",
     "disse disseram afirmou anunciou segundo declarou confirmou informou explicou revelou "
     "denunciou acrescentou destacou referiu adiantou sublinhou garantiu indicou lembrou "
     "avançou admitiu",
     "vai vão será serão prevê previsto", "tem têm foi foram", "ou aram eram iram ado ido eu iu",
     "rá rão"},
    {"ca", "dit anunciat afirmat declarat segons confirmat explicat denunciat",
     "serà seran previst preveu", "ha han havia havien va van", "at ats ada ades it its", "rà ran"},
    {"ro",
     "declarat spus anunțat anunţat anuntat afirmat potrivit conform confirmat precizat explicat "
     "transmis adăugat adaugat subliniat avertizat dezvăluit dezvaluit murit",
     "va vor urmează urmeaza prevede prevăzut prevazut programat aşteptat aşteptată aşteptate "
     "aşteptaţi asteptat asteptata asteptate asteptati",
     "a au avea aveau",
     "at ată ata ați aţi ati ate it ită ita iți iţi iti ite ut ută uta uți uţi uti ute", ""},
    {"de", "sagte erklärte teilte laut bestätigte berichtete kündigte",
     "wird werden soll sollen geplant", "hat haben hatte hatten", "te ten", ""},
};

static const cue_lang *cue_for(const char *lang)
{
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++)
        if (lang && strcmp(lang, cues[i].lang) == 0)
            return &cues[i];
    return &cues[0];
}

static int is_suffix(const char *item, size_t n, const char *w, size_t k)
{
    return k > n + 2 && memcmp(w + k - n, item, n) == 0;
}

static int ends_with_any(const char *w, const char *list)
{
    return list_any(list, w, strlen(w), is_suffix);
}

int tl_report_cue(const char *lang, const char *s, size_t len, int *words)
{
    const cue_lang *c = cue_for(lang);
    chr_ct_iter it;
    chr_ct_iter_init(&it, s, len);
    char w[CHR_CT_MAXWORD + 8];
    int report = 0, past = 0, future = 0, aux = 0, n = 0;
    int wl, numeric;
    while ((wl = chr_ct_next_word(&it, w, &numeric)) >= 0) {
        n++;
        if (numeric)
            continue;
        if (word_in(w, c->report))
            report = 1;
        if (word_in(w, c->future) || (c->fut_sfx[0] && ends_with_any(w, c->fut_sfx)))
            future = 1;
        if (aux && ends_with_any(w, c->past_sfx))
            past = 1;
        aux = word_in(w, c->aux);
        if (strcmp(c->lang, "en") == 0
                ? ends_with(w, "ed") && wl >= 5
                : strcmp(c->lang, "fr") && ends_with_any(w, c->past_sfx) && wl >= 5)
            past = 1;
    }
    if (words)
        *words = n;
    if (report)
        return 1;
    if (future)
        return -1;
    return past ? 1 : 0;
}

/* Whether the sentence points to what follows ("Here is how the fire
 * unfolded", "What we know so far", "Ecco cosa sappiamo", "Voici ce que
 * l'on sait"): an explainer's signpost, no news of its day. */
static int signpost(const char *s, size_t n)
{
    static const char *const OPEN[] = {"here is how ",
                                       "here's how ",
                                       "here\xe2\x80\x99s how ",
                                       "here is what ",
                                       "here's what ",
                                       "here\xe2\x80\x99s what ",
                                       "what we know",
                                       "what to know",
                                       "this is how ",
                                       "this is what ",
                                       "ecco cosa ",
                                       "ecco come ",
                                       "ecco perch",
                                       "voici ce qu",
                                       "voici comment ",
                                       "voici pourquoi ",
                                       "ce que l'on sait",
                                       "ce qu'il faut savoir",
                                       "lo que sabemos",
                                       "esto es lo que ",
                                       "o que se sabe",
                                       "saiba como ",
                                       NULL};
    while (n && (*s == ' ' || *s == '"'))
        s++, n--;
    for (const char *const *o = OPEN; *o; o++)
        if (n >= strlen(*o) && !strncasecmp(s, *o, strlen(*o)))
            return 1;
    return 0;
}

/* Lowercase (ASCII letters; typographic apostrophes as ') copy of
 * text[b, e) into buf. */
static void lower_word(const char *text, size_t b, size_t e, char *buf, size_t size)
{
    size_t k = 0;
    for (size_t i = b; i < e && k + 1 < size; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0xE2 && i + 2 < e && (unsigned char)text[i + 1] == 0x80 &&
            (unsigned char)text[i + 2] == 0x99) {
            buf[k++] = '\'';
            i += 2;
            continue;
        }
        buf[k++] = (char)tolower(c);
    }
    buf[k] = '\0';
}

static int is_edge_punct(char c)
{
    return c == ',' || c == '(' || c == ')' || c == '"' || c == ';' || c == ':';
}

/* The words just before offset off in the sentence [s, off), nearest
 * first, lowercased, into w[0..max) (each of size bytes); returns how many. */
static int words_before(const char *text, size_t s, size_t off, char (*w)[32], int max)
{
    int n = 0;
    size_t e = off;
    while (n < max) {
        while (e > s && (isspace((unsigned char)text[e - 1]) || is_edge_punct(text[e - 1])))
            e--;
        size_t b = e;
        while (b > s && !isspace((unsigned char)text[b - 1]) && !is_edge_punct(text[b - 1]))
            b--;
        if (b == e)
            break;
        lower_word(text, b, e, w[n++], 32);
        e = b;
    }
    return n;
}

/* Words before a date that make it the edge of a period, not an event
 * ("since 2009", "desde hace seis años", "jusqu'en 2026", "seit 2009",
 * "până la 1 aprilie", with or without its diacritics).
 * Not "dès": "dès mai 2004, Bush a mis la Syrie au ban" reports an event. */
static const char period_words[] =
    "since until till through throughout desde hasta depuis jusqu'à jusqu'au jusqu'aux "
    "jusqu'en jusqu'ici seit bis dal dalla dallo dall' fino até p\xc3\xa2n\xc4\x83 pana "
    "p\xc3\xaen\xc4\x83";
/* The same in Italian only ("da marzo", "sino al 2026"; Spanish "sino" is
 * "but rather"). */
static const char period_words_it[] = "da sino";
/* "à partir de", "a partir de", "a partire dal": from X on. */
static const char from_on_words[] = "partir partire";
static const char from_on_preps[] = "de du des del dal dalla da do";
/* Articles, prepositions and the day or month noun that may stand between
 * such a word and the date: "desde el 2 de mayo", "seit dem 2. Mai", "fino
 * al 2026", "până pe 31 martie", "până în luna iunie". */
static const char date_articles[] =
    "the le la les l' el los las il lo i gli o os a as ao à al au aux dem den der die das "
    "zum zur día dia giorno jour pe \xc3\xaen in luna";
/* A word right after the date that says the sentence reports what
 * happened then ("since 2 May, when both sides signed"). */
static const char then_words[] = "when cuando quand lorsque quando als";
/* Words before a date that date another event than the sentence's own
 * ("clashed in the last debate before Sunday's election"). */
static const char relative_words[] = "before after antes después avant après prima dopo vor nach";
/* A first plan's date, not what happened: "originally due in 2026",
 * "prevista inicialmente para el 3 de marzo", "initialement prévu le 3
 * mars", "inizialmente previsto per il 3 marzo" (an adverb of the first
 * plan and a word of planning among the four words before the date). */
static const char first_plan_words[] =
    "originally initially inicialmente originalmente initialement inizialmente "
    "originariamente ursprünglich";
static const char plan_words[] =
    "due scheduled planned set slated expected prevista previsto previstas previstos "
    "programada programado prévu prévue prévus prévues programmé programmée programmato "
    "programmata agendado agendada geplant";

/* Words that call a plan off or put it back (verbs: not "cancellation"): a
 * planned date followed in its sentence by one of them is the plan's, not
 * what happened ("the planned meeting March 7 has been postponed until
 * April", "was to have met April 2 but the session has been postponed";
 * French "reporté", not English "report"). Prefixes, matched at a word's
 * start. */
static const char called_off_words[] =
    "postpon cancelled canceled cancels cancelad cancellat called delayed aplaz pospu suspend "
    "report\xc3\xa9 annul rinvi rimand adiad verschob abgesagt";

/* The terms of a security, not events: a maturity ("8-3/4 pct notes due
 * 1997", "matures on May 7, 1990", "maturing in 1992"), a dividend's days
 * ("payable April 1 to holders of record March 15"; the wire's lines "Pay
 * April 8", "Record March 16"). */
static const char instrument_words[] =
    "notes note debentures debenture bonds bond eurobond eurobonds loan loans debt paper "
    "certificates securities obligations warrants";
static const char maturity_words[] =
    "matures mature maturing maturity matured redeemable repayable payable vencimiento "
    "\xc3\xa9"
    "ch\xc3\xa9"
    "ance scadenza";
static const char line_words[] = "pay record"; /* at a line's start, or "of record" */
static const char term_skip[] = "on in at by";
/* A comparison's base ("rose to 86 cts from 73 cts a year ago", "compared
 * to 1.73 dlrs a share reported for 1985", "down from 1.2 billion in
 * 1965"): a word of comparison, then a figure, before the date. */
static const char compare_words[] = "from vs vs. versus compared against";

/* Does s[0..n) hold the bytes of needle? */
static int has_bytes(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k && i + k <= n; i++)
        if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

static int is_prefix(const char *item, size_t n, const char *w, size_t k)
{
    return k >= n && memcmp(w, item, n) == 0;
}

/* Does the text [s, e) (a sentence after a date) call a plan off?
 * ("called" only as "called off".) */
static int calls_off(const tl_article *a, size_t s, size_t e)
{
    chr_ct_iter it;
    chr_ct_iter_init(&it, a->text + s, e - s);
    char w[CHR_CT_MAXWORD + 8];
    int numeric, called = 0;
    while (chr_ct_next_word(&it, w, &numeric) >= 0) {
        if (called && strcmp(w, "off") == 0)
            return 1;
        called = strcmp(w, "called") == 0;
        if (!called && !numeric && list_any(called_off_words, w, strlen(w), is_prefix))
            return 1;
    }
    return 0;
}

/* The first word after offset off (skipping spaces and commas), lowercased. */
static void word_after(const char *text, size_t off, size_t e, char *buf, size_t size)
{
    while (off < e && (isspace((unsigned char)text[off]) || text[off] == ','))
        off++;
    size_t b = off;
    while (off < e && !isspace((unsigned char)text[off]) && !is_edge_punct(text[off]))
        off++;
    lower_word(text, b, off, buf, size);
}

enum { ANCHOR = 0, ANCHOR_RELATIVE, ANCHOR_PERIOD, ANCHOR_ANNIVERSARY };

/* Is a word the noun "anniversary" (en, fr, es, it, pt, de)? */
static int is_anniversary(const char *w)
{
    static const char *const stems[] = {"anniversar",        "anniversair", "aniversar",
                                        "anivers\xc3\xa1ri", "jahrestag",   "jubil\xc3\xa4um"};
    for (size_t i = 0; i < sizeof stems / sizeof stems[0]; i++)
        if (strncmp(w, stems[i], strlen(stems[i])) == 0)
            return 1;
    return 0;
}

/* The number that opens w ("75th", "75e", "75º", "75"), or 0. */
static int leading_number(const char *w)
{
    int v = 0, k = 0;
    for (; w[k] >= '0' && w[k] <= '9' && k < 5; k++)
        v = v * 10 + (w[k] - '0');
    return k ? v : 0;
}

/* An anniversary recalls its origin: a date in a sentence about "the 75th
 * anniversary" that lies more than ANNIV_YEARS before the publication is
 * that origin when it follows the noun ("the 75th anniversary of the
 * revolution of 1949") or is as many years back as the ordinal says. A
 * recent origin stays: the first anniversary of an uprising recalls the
 * story's own start. */
#define ANNIV_YEARS 5
static int anniversary_origin(const tl_article *a, size_t s, size_t e, const tl_timex *t,
                              int32_t e0)
{
    if (a->pub_day == TL_NO_DAY || a->pub_day - e0 <= ANNIV_YEARS * 365)
        return 0;
    chr_ct_iter it;
    chr_ct_iter_init(&it, a->text + s, e - s);
    char w[CHR_CT_MAXWORD + 8], prev[CHR_CT_MAXWORD + 8] = "";
    int numeric;
    while (chr_ct_next_word(&it, w, &numeric) >= 0) {
        size_t at = (size_t)((const char *)it.p - a->text);
        if (is_anniversary(w)) {
            if (at <= (size_t)t->start)
                return 1;
            int n = leading_number(prev), py, pm, pd, ty, tm, td;
            tl_ymd(a->pub_day, &py, &pm, &pd);
            tl_ymd(e0, &ty, &tm, &td);
            if (n > 0 && abs(py - n - ty) <= 1)
                return 1;
        }
        memcpy(prev, w, sizeof prev);
    }
    return 0;
}

/* Whether timex t of the sentence starting at s gives a term of a
 * security (instrument_words, maturity_words, line_words). */
static int security_term(const tl_article *a, size_t s, const tl_timex *t)
{
    char w[4][32];
    int n = words_before(a->text, s, (size_t)t->start, w, 4), k = 0;
    if (n && word_in(w[0], term_skip))
        k = 1;
    if (k >= n)
        return 0;
    if (word_in(w[k], maturity_words))
        return 1;
    if (strcmp(w[k], "due") == 0 && k + 1 < n && word_in(w[k + 1], instrument_words))
        return 1;
    return word_in(w[k], line_words) && (k + 1 == n || strcmp(w[k + 1], "of") == 0);
}

/* Whether timex t of the sentence starting at s is a comparison's base
 * (compare_words, then a figure, within ten words before it in its
 * clause). */
static int comparison_base(const tl_article *a, size_t s, const tl_timex *t)
{
    char w[10][32];
    /* within its clause: "to 10.5 pct from 11 pct, effective tomorrow" is
     * the cut's day */
    size_t c = (size_t)t->start;
    while (c > s && !strchr(",;:(", a->text[c - 1]))
        c--;
    int n = words_before(a->text, c, (size_t)t->start, w, 10), figure = 0;
    if (n && (strcmp(w[0], "on") == 0 || strcmp(w[0], "effective") == 0))
        return 0; /* "to 7.5 pct from 7.75 pct on March 3": the cut's day */
    for (int k = 0; k < n; k++) {
        if (figure && word_in(w[k], compare_words))
            return 1;
        figure |= k < 6 && isdigit((unsigned char)w[k][0]);
    }
    return 0;
}

/* Whether timex t (interval ending e0) of the sentence [s, e) dates an
 * event of the sentence: ANCHOR, or why not: it dates another event
 * ("before Sunday's election"), it is the edge of a period ("since
 * 2009", "hasta el 15 de junio"; unless the sentence goes on with what
 * happened then: "since 2 May, when"), or the origin an anniversary
 * recalls. */
static int anchor_kind(const tl_article *a, size_t s, size_t e, const tl_timex *t, int32_t e0)
{
    char w[6][32];
    int n = words_before(a->text, s, (size_t)t->start, w, 4);
    if (n && word_in(w[0], relative_words))
        return ANCHOR_RELATIVE;
    int first_plan = 0, plan = 0;
    for (int k = 0; k < n; k++) {
        first_plan |= word_in(w[k], first_plan_words);
        plan |= word_in(w[k], plan_words);
    }
    if (first_plan && plan)
        return ANCHOR_RELATIVE; /* the first plan's date: another event */
    /* "the planned meeting March 7 ... has been postponed", "was to have met
     * in Vienna starting April 2 but ... postponed" */
    int to_have = 0;
    if (!plan && has_bytes(a->text + s, (size_t)t->start - s, "to have")) {
        int n6 = words_before(a->text, s, (size_t)t->start, w, 6);
        for (int k = 0; k + 1 < n6; k++)
            to_have |= strcmp(w[k], "have") == 0 && strcmp(w[k + 1], "to") == 0;
    }
    if ((plan || to_have) && calls_off(a, (size_t)t->end, e))
        return ANCHOR_RELATIVE;
    if (security_term(a, s, t) || comparison_base(a, s, t))
        return ANCHOR_RELATIVE;
    int k = 0;
    while (k < n - 1 && k < 2 && word_in(w[k], date_articles))
        k++;
    int period = k < n && word_in(w[k], period_words);
    if (!period && k + 1 < n && word_in(w[k], from_on_preps) && word_in(w[k + 1], from_on_words))
        period = 1;
    if (!period && k < n && a->lang && strcmp(a->lang, "it") == 0)
        period = word_in(w[k], period_words_it);
    if (period) {
        char next[32];
        word_after(a->text, (size_t)t->end, e, next, sizeof next);
        if (!word_in(next, then_words))
            return ANCHOR_PERIOD;
    }
    if (anniversary_origin(a, s, e, t, e0))
        return ANCHOR_ANNIVERSARY;
    return ANCHOR;
}

/* Does the sentence end like a sentence (not a headline or a caption)? */
static int ends_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80)
        n -= 3; /* closing curly quote */
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* tl_mention.frag of a sentence: 0 when it ends as sentences do, else a
 * nonzero hash of its words (case and spacing ignored). */
static uint32_t fragment_hash(const char *s, size_t n)
{
    if (ends_sentence(s, n))
        return 0;
    uint64_t h = 0; /* each word's hash seeds the next's */
    for (size_t i = 0; i < n;) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        char w[64];
        size_t k = 0;
        for (; i < n && !isspace((unsigned char)s[i]); i++) {
            if (k == sizeof w) {
                h = XXH3_64bits_withSeed(w, k, h);
                k = 0;
            }
            w[k++] = (char)tolower((unsigned char)s[i]);
        }
        if (k)
            h = XXH3_64bits_withSeed(w, k, h);
    }
    return (uint32_t)h ? (uint32_t)h : 1;
}

/* ---- extraction ---- */

/* Is timex t a field of a stamp line, a '|' right before or after it
 * ("El Biar en réponse au commentaire de sartene | 2 août 2013 9h27 |",
 * "Posted | June 4, 2025 | 3 comments"): 1, a page's comment headers and
 * bylines, not news; or a live blog's post time: 2, which dates its post
 * only when nothing else in it does. */
static int is_stamp(const char *text, size_t s, size_t e, const tl_timex *t)
{
    size_t b = (size_t)t->start, f = (size_t)t->end;
    while (b > s && text[b - 1] == ' ')
        b--;
    while (f < e && text[f] == ' ')
        f++;
    if ((b > s && text[b - 1] == '|') || (f < e && text[f] == '|'))
        return 1;
    /* a live blog's post time in figures opening its line, a colon or a
     * spaced dash after it ("10:32 GMT — The fire has grown", "Ore 14.30
     * - Il premier..."; not "Saturday night: Protesters gathered", "Ce
     * matin-même"): 2 */
    if (strcmp(t->type, "TIME") != 0 || b != s || f >= e)
        return 0;
    int digit = 0;
    for (size_t k = b; k < (size_t)t->end && !digit; k++)
        digit = isdigit((unsigned char)text[k]);
    if (!digit)
        return 0;
    return (text[f] == ':' || (text[f] == '-' && f > (size_t)t->end) ||
            (e - f >= 3 &&
             (!memcmp(text + f, "\xe2\x80\x94", 3) || !memcmp(text + f, "\xe2\x80\x93", 3))))
               ? 2
               : 0;
}

/* Whether the sentence of a->tx[k] (its expressions from a->tx[first]) has
 * another DATE or TIME expression of a day ("Tuesday afternoon"; not "now",
 * "in 2019"). */
static int other_date(const tl_article *a, size_t first, size_t k)
{
    for (size_t q = first; q < a->n_tx && a->tx[q].sentence == a->tx[k].sentence; q++) {
        const char *v = a->tx[q].value;
        if (q != k && (!strcmp(a->tx[q].type, "DATE") || !strcmp(a->tx[q].type, "TIME")) &&
            strlen(v) >= 10 && isdigit((unsigned char)v[0]) && v[4] == '-' && v[7] == '-' &&
            isdigit((unsigned char)v[8]))
            return 1;
    }
    return 0;
}

static size_t nonspace(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += !isspace((unsigned char)s[i]);
    return k;
}

/* Words with a letter in s[0..n). */
static int alpha_words(const char *s, size_t n)
{
    chr_ct_iter it;
    chr_ct_iter_init(&it, s, n);
    char w[CHR_CT_MAXWORD + 8];
    int k = 0, numeric;
    while (chr_ct_next_word(&it, w, &numeric) >= 0)
        k += !numeric;
    return k;
}

/* Whether s[0..n) has a lower-case ASCII letter (a heading in capitals has
 * none). */
static int has_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return 1;
    return 0;
}

static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* Whether the date t opens an item of a chronology, after an optional list
 * marker, before a separator and at least two words ("- 26 de febrero de
 * 2012: Referéndum constitucional.", "25 février : Hadi prête serment.",
 * "15.03.2011.- Miles de personas..."): short as it is, the item states its
 * day's event. 1 for an item told as a sentence; 2 for one without its
 * stop, an item only in a box of them (box_item); 0 for none. */
static int chrono_item(const char *text, size_t s, size_t e, const tl_timex *t)
{
    size_t p = s;
    while (p < e && (text[p] == ' ' || text[p] == '-' || text[p] == '*'))
        p++;
    if (p + 2 < e && !memcmp(text + p, "\xe2\x80\xa2", 3)) /* "•" */
        p += 3;
    while (p < e && text[p] == ' ')
        p++;
    if (p != (size_t)t->start)
        return 0;
    size_t q = (size_t)t->end;
    for (;;) /* spaces, no-break ones too ("25 février\u00a0:") */
        if (q < e && text[q] == ' ')
            q++;
        else if (q + 1 < e && !memcmp(text + q, "\xc2\xa0", 2))
            q += 2;
        else
            break;
    if (q < e && text[q] == '.')
        q++; /* "15.03.2011.-" */
    int sep = q < e && (text[q] == ':' || text[q] == '-');
    if (!sep && q + 2 < e && !memcmp(text + q, "\xe2\x80\x93", 3))
        sep = 1; /* "–" */
    if (!sep)
        return 0;
    /* a day's event told as a sentence: not a page's stamp, byline or
     * credit ("March 12, 2011 - 10:30 am EST", "14/03/2011 - 10:30 | Por
     * Agencia EFE", "12 de marzo de 2011 - Foto: Reuters", "15 mars 2011 -
     * Mis à jour le 16 mars"), nor a heading ("1982 : LE SILENCE...") */
    q += text[q] == ':' || text[q] == '-' ? 1 : 3;
    while (q < e && text[q] == ' ')
        q++;
    if (q >= e || (text[q] >= '0' && text[q] <= '9') || memchr(text + q, '|', e - q))
        return 0;
    size_t z = e;
    while (z > q && (text[z - 1] == ' ' || text[z - 1] == '\n'))
        z--;
    if (z <= q || alpha_words(text + q, z - q) < 2 || !has_lower(text + q, z - q))
        return 0;
    if (strchr(".!", text[z - 1]))
        return 1;
    /* a box's item without its stop ("15 marzo - Prima protesta a
     * Damasco"): three words or more, no figures; the caller wants another
     * item beside it (not a page's "Posted in Uncategorized") */
    static const char *const STAMP[] = {"photo",
                                        "photos",
                                        "foto",
                                        "fotos",
                                        "updated",
                                        "update",
                                        "posted",
                                        "mis",
                                        "actualizado",
                                        "actualizada",
                                        "atualizado",
                                        "aggiornato",
                                        "publi\xc3\xa9",
                                        "publicado",
                                        "pubblicato",
                                        "published",
                                        "by",
                                        "por",
                                        "di",
                                        "par",
                                        "staff",
                                        "leave",
                                        "lascia",
                                        "deja",
                                        "laisser",
                                        "deixe",
                                        "comments",
                                        "commenti",
                                        "comentarios",
                                        "commentaires",
                                        "share",
                                        "condividi",
                                        "compartir",
                                        "partager",
                                        "tags",
                                        "tag",
                                        "filed",
                                        "credit",
                                        "cr\xc3\xa9"
                                        "dit",
                                        "source",
                                        "fuente",
                                        "fonte",
                                        NULL};
    size_t w = q;
    while (w < z && (isalpha((unsigned char)text[w]) || (unsigned char)text[w] >= 0x80))
        w++;
    for (const char *const *x = STAMP; *x; x++)
        if (strlen(*x) == w - q && !strncasecmp(text + q, *x, w - q))
            return 0;
    return alpha_words(text + q, z - q) >= 3 && !has_digit(text + q, z - q) ? 2 : 0;
}

/* The first expression of sentence si of a, or NULL. */
static const tl_timex *first_timex(const tl_article *a, size_t si)
{
    for (size_t k = 0; k < a->n_tx; k++)
        if (a->tx[k].sentence == (int32_t)si)
            return &a->tx[k];
    return NULL;
}

/* Whether t, in sentence si of a, opens a chronology's item: told as a
 * sentence, or without its stop when the sentence before or after opens an
 * item too ("15 marzo - Prima protesta a Damasco" under "18 marzo - I primi
 * morti a Deraa"). */
static int box_item(const tl_article *a, size_t si, const tl_timex *t)
{
    int k = chrono_item(a->text, a->sents[si].start, a->sents[si].end, t);
    if (k != 2)
        return k;
    size_t near[2] = {si - 1, si + 1}; /* si - 1 wraps to SIZE_MAX when si is 0 */
    for (int k2 = 0; k2 < 2; k2++) {
        const tl_timex *u = near[k2] < a->n_sents ? first_timex(a, near[k2]) : NULL;
        if (u && chrono_item(a->text, a->sents[near[k2]].start, a->sents[near[k2]].end, u))
            return 1;
    }
    return 0;
}

static int push_mention(tl_mention **out, size_t *n, size_t *cap, const tl_mention *m)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        tl_mention *nm = realloc(*out, nc * sizeof *nm);
        if (!nm)
            return -1;
        *out = nm;
        *cap = nc;
    }
    (*out)[(*n)++] = *m;
    return 0;
}

static float gran_weight(chr_gran g)
{
    switch (g) {
    case CHR_GRAN_DAY:
        return 1.0f;
    case CHR_GRAN_WEEK:
    case CHR_GRAN_MONTH:
        return 0.8f;
    case CHR_GRAN_YEAR:
        return 0.5f;
    default:
        return 0.6f;
    }
}

/* "later this month", "earlier this year": the part of the period after
 * (before) the article's publication day, when the period holds it (the
 * vote expected "later this month" in a report of 4 March is no event of
 * the weekend before). */
static void clip_to_side(const tl_article *a, const tl_timex *t, int32_t *s0, int32_t *e0)
{
    /* (not "later that month": the story's month, not the writer's) */
    static const char *const LATER[] = {"later this", "plus tard", "m\xc3\xa1s tarde",
                                        "pi\xc3\xb9 tardi", NULL};
    static const char *const EARLIER[] = {"earlier this", NULL}; /* (not "later in the
                                                                  * month" of a past story) */
    if (a->pub_day == TL_NO_DAY || *s0 >= a->pub_day || *e0 <= a->pub_day)
        return;
    const char *x = a->text + t->start;
    size_t n = (size_t)(t->end - t->start);
    for (const char *const *w = LATER; *w; w++)
        if (n > strlen(*w) && !strncasecmp(x, *w, strlen(*w)) && x[strlen(*w)] == ' ')
            *s0 = a->pub_day + 1;
    for (const char *const *w = EARLIER; *w; w++)
        if (n > strlen(*w) && !strncasecmp(x, *w, strlen(*w)) && x[strlen(*w)] == ' ')
            *e0 = a->pub_day - 1;
}

/* Distinct days the article's DATE/TIME expressions name. */
static int article_days(const tl_article *a)
{
    int32_t seen[64];
    int n = 0;
    for (size_t k = 0; k < a->n_tx && n < 64; k++) {
        int32_t s, e;
        chr_gran g;
        if (!tl_value_interval(a->tx[k].value, &s, &e, &g) || g != CHR_GRAN_DAY)
            continue;
        int dup = 0;
        for (int i = 0; i < n && !dup; i++)
            dup = seen[i] == s;
        if (!dup)
            seen[n++] = s;
    }
    return n;
}

chr_err tl_extract(chr_ct *ct, const tl_article *a, tl_mention **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0, tx = 0;
    int lead_seen = 0, lead_dated = 0;
    /* the day the lead reports, when it dates its news within the week
     * before publication ("ieri", "on Tuesday"): the undated sentences
     * after it tell of that day, not of the publication day */
    int32_t news_day = a->pub_day;
    float chrono = 1.0f + W_CHRONO * logf(1.0f + (float)article_days(a));
    for (size_t si = 0; si < a->n_sents; si++) {
        size_t s = a->sents[si].start, e = a->sents[si].end;
        const char *stext = a->text + s;
        size_t slen = e - s, sns = nonspace(stext, slen);
        tl_vec v = {NULL, 0};
        int have_vec = 0, dated = 0, used = 0;
        /* the day its news is of: the publication day when it names it
         * ("Dopo lo sciopero di lunedì, oggi i ministri hanno firmato"),
         * else its first day in the week before */
        int32_t sent_day = TL_NO_DAY;
        int swords = -1; /* the sentence's words and fragment hash, read once */
        uint32_t frag = 0;
        size_t first_new = *n;
        while (tx < a->n_tx && a->tx[tx].sentence < (int32_t)si)
            tx++;
        for (size_t k = tx; k < a->n_tx && a->tx[k].sentence == (int32_t)si; k++) {
            const tl_timex *t = &a->tx[k];
            if (strcmp(t->type, "DATE") != 0 && strcmp(t->type, "TIME") != 0)
                continue;
            int32_t s0, e0, s1, e1;
            chr_gran g, g1;
            if (!tl_value_interval(t->value, &s0, &e0, &g))
                continue;
            if (t->end_value[0] && tl_value_interval(t->end_value, &s1, &e1, &g1) && e1 >= s0) {
                e0 = e1;
                if (g1 > g)
                    g = g1;
            }
            if (e0 - s0 > TL_MAX_SPAN)
                continue;
            clip_to_side(a, t, &s0, &e0);
            dated = 1;
            /* a sentence that is little more than the date (a dateline, a
             * stamp), or a short line that is no sentence (a headline) */
            if (swords < 0) {
                swords = alpha_words(stext, slen);
                frag = fragment_hash(stext, slen);
            }
            int words = swords;
            if (t->end <= t->start || (size_t)t->end > a->len)
                continue;
            int stamp = is_stamp(a->text, s, e, t);
            if (stamp == 1 || (stamp == 2 && other_date(a, tx, k)))
                continue; /* "08:55 GMT — Recap: The fire started Tuesday": Tuesday's */
            if (!(g == CHR_GRAN_DAY && box_item(a, si, t)) &&
                (nonspace(a->text + t->start, (size_t)(t->end - t->start)) * 2 > sns ||
                 words - alpha_words(a->text + t->start, (size_t)(t->end - t->start)) < 4 ||
                 (words < 10 && !ends_sentence(stext, slen))))
                continue;
            int dup = 0;
            for (size_t j = first_new; j < *n; j++)
                if ((*out)[j].start == s0 && (*out)[j].end == e0)
                    dup = 1;
            if (dup)
                continue;
            float w = gran_weight(g);
            if (g == CHR_GRAN_YEAR && a->pub_day != TL_NO_DAY && s0 <= a->pub_day &&
                a->pub_day <= e0)
                w *= 0.5f; /* "this year": vague */
            if (anchor_kind(a, s, e, t, e0) != ANCHOR)
                continue;
            if (a->pub_day != TL_NO_DAY) {
                if (a->pub_day - e0 > 1)
                    w *= has_digit(a->text + t->start, (size_t)(t->end - t->start)) ? W_RECALL_ABS
                                                                                    : W_RECALL_REL;
                else if (s0 > a->pub_day)
                    w *= W_FUTURE;
            }
            w *= chrono;
            if ((sent_day == TL_NO_DAY || s0 == a->pub_day) && g == CHR_GRAN_DAY && s0 == e0 &&
                a->pub_day != TL_NO_DAY && s0 <= a->pub_day && a->pub_day - s0 <= 7)
                sent_day = s0;
            if (!have_vec) {
                if (tl_sentence_vec(ct, a, si, &v) != 0)
                    goto oom;
                have_vec = 1;
            }
            tl_mention m = {a->id, a->indep, (int32_t)si, t->start,  t->end, s0,
                            e0,    g,        w,           {NULL, 0}, frag,   a->pub_day};
            if (v.n) {
                m.v.t = malloc(v.n * sizeof *v.t);
                if (!m.v.t)
                    goto oom;
                memcpy(m.v.t, v.t, v.n * sizeof *v.t);
                m.v.n = v.n;
            }
            if (push_mention(out, n, &cap, &m) != 0) {
                tl_vec_free(&m.v);
                goto oom;
            }
            used = 1;
        }
        /* Undated: the lead, and reporting sentences right after it, are the
         * article's own news of its publication day. */
        int words = 0;
        int cue = 0;
        if (!dated && a->pub_day != TL_NO_DAY && lead_seen < LEAD_SENTENCES && slen > 0 &&
            stext[slen - 1] != '?' && ends_sentence(stext, slen)) {
            /* (a signpost counts no words: it is no lead, the sentence after it may be) */
            cue = signpost(stext, slen) ? -1 : tl_report_cue(a->lang, stext, slen, &words);
            if (words >= 6 && words <= 80) {
                int is_lead = lead_seen == 0;
                lead_seen++;
                if (cue > 0 || (is_lead && cue == 0)) {
                    if (!have_vec) {
                        if (tl_sentence_vec(ct, a, si, &v) != 0)
                            goto oom;
                        have_vec = 1;
                    }
                    tl_mention m = {.article_id = a->id,
                                    .indep = a->indep,
                                    .sentence = (int32_t)si,
                                    .tx_start = -1,
                                    .tx_end = -1,
                                    .start = news_day,
                                    .end = news_day,
                                    .gran = CHR_GRAN_DAY,
                                    .weight = is_lead ? W_LEAD : W_OTHER,
                                    .v = v,
                                    .pub = a->pub_day};
                    v.t = NULL;
                    v.n = 0;
                    if (push_mention(out, n, &cap, &m) != 0) {
                        tl_vec_free(&m.v);
                        goto oom;
                    }
                }
            }
        } else if (dated && lead_seen < LEAD_SENTENCES) {
            /* the lead's day, or a later sentence's "Oggi...": the first dated
             * sentence that yields a mention (a page's stamp before it, "Sabato
             * 19 Marzo 2011 - 10:21 | Ultimo aggiornamento", does not; it
             * still takes a lead's place, so that the furniture after it, "El
             * tiempo en Madrid: ...", is no lead either) */
            if (used && sent_day != TL_NO_DAY && (!lead_dated || sent_day == a->pub_day))
                news_day = sent_day;
            lead_dated |= used;
            lead_seen++;
        }
        tl_vec_free(&v);
        continue;
    oom:
        tl_vec_free(&v);
        tl_mentions_free(*out, *n);
        *out = NULL;
        *n = 0;
        return CHR_ENOMEM;
    }
    return CHR_OK;
}

void tl_mentions_free(tl_mention *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tl_vec_free(&m[i].v);
    free(m);
}

/* ---- grouping ---- */

struct tl_group {
    sqlite3 *db;
    tl_loader *src;
    chr_ct *ct;
    int has_story, has_alias;
    sqlite3_stmt *q_aliases, *q_done, *q_story, *q_ins_art, *q_ins_entry, *q_upd_entry,
        *q_upd_words, *q_ins_mention, *q_has_art;
    tl_cache *cache;  /* the entries candidates are read from (db's, shared) */
    tl_idf_table idf; /* of the current article's terms */
    double *mw;       /* the current mention's term weights times idf */
    uint32_t mw_cap;
};

static int gprep(tl_group *g, sqlite3_stmt **q, const char *sql)
{
    if (*q) {
        sqlite3_reset(*q);
        sqlite3_clear_bindings(*q);
        return SQLITE_OK;
    }
    return sqlite3_prepare_v3(g->db, sql, -1, SQLITE_PREPARE_PERSISTENT, q, NULL);
}

static chr_err gdb_err(tl_group *g, chr_diag *d, const char *what)
{
    return chr_diag_set(d, CHR_EDB, "", 0, -1, "timeline: %s: %s", what, sqlite3_errmsg(g->db));
}

/* Whether db's tl_mention has the frag column (a store opened read-only
 * may be of schema version 8, before it). */
static int has_frag_column(sqlite3 *db)
{
    sqlite3_stmt *probe = NULL;
    int ok = sqlite3_prepare_v2(db, "SELECT frag FROM tl_mention LIMIT 0", -1, &probe, NULL) ==
             SQLITE_OK;
    sqlite3_finalize(probe);
    return ok;
}

chr_err tl_group_open(sqlite3 *db, sqlite3 *src, tl_group **out, chr_diag *d)
{
    *out = NULL;
    tl_group *g = calloc(1, sizeof *g);
    if (!g)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
    g->db = db;
    g->ct = chr_ct_new();
    if (!g->ct || tl_loader_open(src, &g->src) != CHR_OK) {
        tl_group_close(g);
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
    }
    /* the tables (a memory database's; the store's exist), and the column
     * of migration 9 where they were made before it */
    if (sqlite3_exec(db, CHR_TIMELINE_SCHEMA, NULL, NULL, NULL) != SQLITE_OK ||
        (!has_frag_column(db) &&
         sqlite3_exec(db, CHR_TIMELINE_FRAG, NULL, NULL, NULL) != SQLITE_OK)) {
        chr_err e = gdb_err(g, d, "creating tables");
        tl_group_close(g);
        return e;
    }
    g->cache = tl_cache_acquire(db);
    if (!g->cache) {
        tl_group_close(g);
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
    }
    g->has_story = tl_table_exists(src, "story_article");
    g->has_alias = db == src && tl_table_exists(src, "story_alias");
    *out = g;
    return CHR_OK;
}

static void group_finalize(tl_group *g)
{
    sqlite3_stmt **all[] = {&g->q_aliases,   &g->q_done,        &g->q_story,
                            &g->q_ins_art,   &g->q_ins_entry,   &g->q_upd_entry,
                            &g->q_upd_words, &g->q_ins_mention, &g->q_has_art};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        sqlite3_finalize(*all[i]);
        *all[i] = NULL;
    }
}

void tl_group_close(tl_group *g)
{
    if (!g)
        return;
    group_finalize(g);
    tl_cache_release(g->cache);
    tl_loader_close(g->src);
    chr_ct_free(g->ct);
    free(g->idf.e);
    free(g->mw);
    free(g);
}

static int cmp_idf_term(const void *a, const void *b)
{
    uint32_t x = ((const tl_idf_ent *)a)->term, y = ((const tl_idf_ent *)b)->term;
    return x < y ? -1 : x > y;
}

static double idf_lookup(void *ctx, uint32_t term)
{
    return tl_idf_get(&((tl_group *)ctx)->idf, term);
}

/* BM25's idf, floored: a name every article of the story uses still says
 * a little about which of its events a sentence reports. */
double tl_idf(double n_docs, double df)
{
    double v = log(1.0 + (n_docs - df + 0.5) / (df + 0.5));
    return v > TL_IDF_FLOOR ? v : TL_IDF_FLOOR;
}

/* The distinct terms of m[0..n) and term 0 (which counts articles),
 * ascending, into g->idf (values not set). */
static chr_err distinct_terms(tl_group *g, const tl_mention *m, size_t n, chr_diag *d)
{
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += m[i].v.n;
    tl_idf_table *t = &g->idf;
    if (total > t->cap) {
        tl_idf_ent *ne = realloc(t->e, total * sizeof *ne);
        if (!ne)
            return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
        t->e = ne;
        t->cap = total;
    }
    size_t k = 0;
    t->e[k++].term = 0;
    for (size_t i = 0; i < n; i++)
        for (uint32_t j = 0; j < m[i].v.n; j++)
            t->e[k++].term = m[i].v.t[j].id;
    qsort(t->e, k, sizeof *t->e, cmp_idf_term);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || t->e[u - 1].term != t->e[i].term)
            t->e[u++].term = t->e[i].term;
    t->n = u;
    return CHR_OK;
}

/* Story's entries and document frequencies, from the cache. */
static chr_err story_df(tl_group *g, int64_t story, tl_cstory **cs, chr_diag *d)
{
    chr_err ce = tl_cache_story(g->cache, story, cs);
    if (!ce)
        ce = tl_cstory_load_df(g->cache, *cs);
    if (ce)
        return ce == CHR_ENOMEM ? chr_diag_set(d, ce, "", 0, -1, "timeline: out of memory")
                                : gdb_err(g, d, "counting a story's document frequencies");
    return CHR_OK;
}

/* Count the articles of m[0..n) (an article's mentions together) into
 * cs's document frequencies, each as one more article using its mentions'
 * terms. Uses g->idf. */
static chr_err count_articles(tl_group *g, tl_cstory *cs, const tl_mention *m, size_t n,
                              chr_diag *d)
{
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && m[b].article_id == m[a].article_id; b++)
            ;
        chr_err e = distinct_terms(g, m + a, b - a, d);
        if (e)
            return e;
        if (tl_cache_df_counted(g->cache, cs, g->idf.e, g->idf.n) != 0)
            return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
    }
    return CHR_OK;
}

/* The idf of the distinct terms of m[0..n) for story, into g->idf; with
 * count, first count them as one more article's (term 0 counts articles).
 * The story's document frequencies are the entry cache's: only the
 * mentions are stored, and they are counted again from those when the
 * cache has to read them. */
static chr_err story_idf(tl_group *g, int64_t story, const tl_mention *m, size_t n, int count,
                         chr_diag *d)
{
    tl_cstory *cs;
    chr_err e = story_df(g, story, &cs, d);
    if (!e)
        e = distinct_terms(g, m, n, d);
    if (e)
        return e;
    tl_idf_table *t = &g->idf;
    if (count && tl_cache_df_counted(g->cache, cs, t->e, t->n) != 0)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
    for (size_t i = 0; i < t->n; i++) {
        const tl_cdf *r = tl_cstory_df(cs, t->e[i].term);
        t->e[i].v = r ? (double)r->df : 1; /* df, until turned into idf below */
    }
    tl_idf_finish(t);
    return CHR_OK;
}

typedef struct cand {
    tl_centry *e;  /* the entry (NULL: none yet) */
    double margin; /* similarity above the threshold that applies */
} cand;

/* Days between two intervals, 0 when they overlap. */
static int32_t gap_days(int32_t s1, int32_t e1, int32_t s2, int32_t e2)
{
    return s2 > e1 ? s2 - e1 : s1 > e2 ? s1 - e2 : 0;
}

/* A sentence that dates its article's own publication day, or the day
 * before, is the reporter's fresh news ("shares plunged on Thursday" in
 * Thursday's paper): its day is not in doubt, so an entry a few days off
 * reports another event, not the same one with a conflicting date. */
static int fresh_report(const tl_mention *m)
{
    return m->tx_start >= 0 && m->pub != TL_NO_DAY && m->start == m->end &&
           m->pub - m->start >= 0 && m->pub - m->start <= FRESH_DAYS;
}

/* The threshold for m to join an entry with core [s, e] at granularity eg
 * (soft: dated only by publication dates), or a negative value when it may
 * not. *near is set when joining would be a date conflict. */
static double join_threshold(const tl_mention *m, int32_t s, int32_t e, chr_gran eg, int soft,
                             int *near)
{
    int msoft = m->tx_start < 0;
    int32_t gap = gap_days(m->start, m->end, s, e);
    *near = 0;
    if (msoft && soft)
        return gap == 0 ? JOIN_SIM : -1;
    if (msoft || soft) { /* a day's news joins no year (nor is it joined by one) */
        /* the day placed is a publication's: what its sentence reports
         * happened that day or the day before (a fresh report), not after
         * it nor a week before ("the government resigned" in a paper of
         * 3 March is no news of 26 February) */
        int32_t ps = msoft ? m->start : s, ds = msoft ? s : m->start, de = msoft ? e : m->end;
        return ds <= ps && ps - de <= FRESH_DAYS && m->end - m->start <= TL_FINE_SPAN &&
                       e - s <= TL_FINE_SPAN
                   ? JOIN_SIM
                   : -1;
    }
    if (m->start == s && m->end == e && m->gran == eg && eg != CHR_GRAN_YEAR)
        return eg == CHR_GRAN_DAY && e == s ? JOIN_EXACT_DAY : JOIN_EXACT;
    if (m->start >= s && m->end <= e)
        return JOIN_SIM; /* a finer date narrows the entry: 2023-10, then 2023-10-18 */
    if (s >= m->start && e <= m->end)
        return JOIN_VAGUE; /* "in October" said of the 18th needs more words in common */
    if (gap == 0) {        /* ranges that only overlap: May 16-17 and May 17-21 */
        *near = 1;
        return CONFLICT_SIM;
    }
    if (gap <= CONFLICT_DAYS && m->gran == CHR_GRAN_DAY && eg == CHR_GRAN_DAY && !fresh_report(m)) {
        *near = 1;
        return CONFLICT_SIM;
    }
    return -1;
}

static int entry_has_article(tl_group *g, int64_t entry, int64_t article)
{
    if (gprep(g, &g->q_has_art,
              "SELECT 1 FROM tl_mention WHERE entry_id=?1 AND article_id=?2 LIMIT 1") != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(g->q_has_art, 1, entry);
    sqlite3_bind_int64(g->q_has_art, 2, article);
    int r = sqlite3_step(g->q_has_art) == SQLITE_ROW;
    sqlite3_reset(g->q_has_art);
    return r;
}

/* Best entry for m among e[0..n) (a range of one span class, in the order
 * the candidates were always read in: ties go to the first): *best among
 * entries it may join without a date conflict, *best_near among those a
 * few days off. Entries join_threshold refuses for their distance alone
 * are passed over first: more than reach_hard (an entry with a stated date)
 * or reach_soft (one dated by publication days) days away, or ending
 * before m->start - w. */
static void scan_candidates(tl_group *g, tl_centry *const *e, size_t n, const tl_mention *m,
                            double mnorm, int32_t w, int32_t reach_hard, int32_t reach_soft,
                            cand *best, cand *best_near)
{
    const double *mw = g->mw;
    for (size_t k = 0; k < n; k++) {
        tl_centry *x = e[k];
        int64_t reach = x->soft == 0 ? reach_hard : reach_soft;
        if (x->end < (int64_t)m->start - w || x->end < (int64_t)m->start - reach ||
            x->start > (int64_t)m->end + reach)
            continue;
        int near;
        double th = join_threshold(m, x->start, x->end, x->gran, x->soft, &near);
        if (th < 0 || x->norm <= 0 || mnorm <= 0)
            continue;
        const tl_term *c = x->c.t;
        uint32_t cn = x->c.n;
        /* centroid weights already carry idf: weight only the mention's side */
        double dot = 0;
        uint32_t i = 0, j = 0;
        while (i < m->v.n && j < cn) {
            if (m->v.t[i].id < c[j].id)
                i++;
            else if (c[j].id < m->v.t[i].id)
                j++;
            else {
                dot += mw[i] * c[j].w;
                i++;
                j++;
            }
        }
        double margin = dot / (mnorm * x->norm) - th;
        cand *b = near ? best_near : best;
        /* an undated sentence placed at its article's day joins the entry
         * its article's own news of that day is in ("Terms were not
         * disclosed" after the lead that reports the deal) */
        if (margin < 0 && !near && m->tx_start < 0 && x->start == m->start && x->end == m->end &&
            (x->soft || (m->pub != TL_NO_DAY && m->start != m->pub)) &&
            entry_has_article(g, x->id, m->article_id))
            margin = dot / (mnorm * x->norm) * 1e-3; /* (or its dated lead's entry, when
                                                        the lead moved it to its day) */
        if (margin < 0 || (b->e && margin <= b->margin))
            continue;
        /* an article does not contradict itself: a second date in one of its
         * sentences is another event */
        if (near && entry_has_article(g, x->id, m->article_id))
            continue;
        b->e = x;
        b->margin = margin;
    }
}

static chr_err write_centroid(sqlite3_stmt *q, int col, const tl_vec *c, double *norm)
{
    double s = 0;
    for (uint32_t i = 0; i < c->n; i++)
        s += (double)c->t[i].w * c->t[i].w;
    *norm = sqrt(s);
    sqlite3_bind_blob(q, col, c->n ? (const void *)c->t : (const void *)"",
                      (int)(c->n * sizeof *c->t), SQLITE_TRANSIENT);
    return CHR_OK;
}

/* The mention's term weights times their idf into g->mw (looked up once
 * per mention, used for its norm, its similarity to each candidate and
 * what it adds to a centroid); returns its norm, or -1 on OOM. */
static double weigh_mention(tl_group *g, const tl_mention *m)
{
    if (m->v.n > g->mw_cap) {
        double *nw = realloc(g->mw, m->v.n * sizeof *nw);
        if (!nw)
            return -1;
        g->mw = nw;
        g->mw_cap = m->v.n;
    }
    double s = 0;
    for (uint32_t i = 0; i < m->v.n; i++) {
        g->mw[i] = m->v.t[i].w * idf_lookup(g, m->v.t[i].id);
        s += g->mw[i] * g->mw[i];
    }
    return s > 0 ? sqrt(s) : 0;
}

/* The mention's vector with idf folded in (what centroids add up), from
 * g->mw. */
static int idf_vec(tl_group *g, const tl_mention *m, tl_vec *out)
{
    out->n = 0;
    out->t = m->v.n ? malloc(m->v.n * sizeof *out->t) : NULL;
    if (m->v.n && !out->t)
        return -1;
    for (uint32_t i = 0; i < m->v.n; i++) {
        out->t[i].id = m->v.t[i].id;
        out->t[i].w = (float)g->mw[i];
    }
    out->n = m->v.n;
    return 0;
}

/* tl_entry.coarse: 0 up to a week, 1 up to two months, 2 longer. */
static int span_class(int32_t s, int32_t e)
{
    return e - s <= TL_DAY_SPAN ? 0 : e - s <= TL_FINE_SPAN ? 1 : 2;
}

static chr_err add_mention(tl_group *g, int64_t story, const tl_mention *m, chr_diag *d)
{
    double mnorm = weigh_mention(g, m);
    if (mnorm < 0)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
    tl_cstory *cs;
    chr_err ce = tl_cache_story(g->cache, story, &cs);
    if (ce)
        return ce == CHR_ENOMEM ? chr_diag_set(d, ce, "", 0, -1, "timeline: out of memory")
                                : gdb_err(g, d, "reading a story's entries");
    cand ov = {NULL, 0}, near = {NULL, 0};
    /* a fine mention may join entries up to SOFT_DAYS away (placements,
     * conflicts); entries are searched per span class, so that the range
     * read stays a few days wide for the many day entries */
    int32_t w = m->end - m->start <= TL_FINE_SPAN ? SOFT_DAYS : 0;
    static const int32_t class_span[3] = {TL_DAY_SPAN, TL_FINE_SPAN, TL_MAX_SPAN};
    int msoft = m->tx_start < 0;
    for (int cls = 0; cls < 3; cls++) {
        tl_centry *const *e;
        size_t n = tl_cstory_range(cs, cls, (int64_t)m->start - class_span[cls] - w,
                                   (int64_t)m->end + w, &e);
        scan_candidates(g, e, n, m, mnorm, w, msoft ? SOFT_DAYS : CONFLICT_DAYS,
                        msoft ? 0 : SOFT_DAYS, &ov, &near);
    }
    /* the entry it fits best, by its margin over the threshold that applies:
     * a day a few days off (a conflict) needs far more words in common */
    cand *b = ov.e && (!near.e || ov.margin >= near.margin) ? &ov : near.e ? &near : NULL;
    tl_centry now = {0};
    if (idf_vec(g, m, &now.c) != 0)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
    int rc;
    if (b) {
        tl_centry *x = b->e;
        /* the entry's centroid (a copy, as stored) plus the mention */
        tl_vec add = now.c;
        int oom = tl_vec_from_blob(x->c.t, (int)(x->c.n * sizeof *x->c.t), &now.c) != 0 ||
                  tl_vec_add(&now.c, &add, 1.0f) != 0;
        tl_vec_free(&add);
        if (oom) {
            tl_vec_free(&now.c);
            return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
        }
        tl_vec_prune(&now.c, TL_CENTROID);
        /* the core date: a dated mention narrows it (or gives a soft entry
         * its first real date); placements and conflicting dates leave it */
        now.id = x->id;
        now.start = x->start;
        now.end = x->end;
        now.gran = x->gran;
        now.soft = x->soft;
        if (!msoft && x->soft) {
            now.start = m->start;
            now.end = m->end;
            now.gran = m->gran;
            now.soft = 0;
        } else if (!msoft && b == &ov) {
            now.start = now.start > m->start ? now.start : m->start;
            now.end = now.end < m->end ? now.end : m->end;
            now.gran = now.gran < m->gran ? now.gran : m->gran;
        }
        /* the entry's dates in the search index change less often than
         * its words: when they stay, only its words are written */
        int moved = now.start != x->start || now.end != x->end || now.gran != x->gran ||
                    now.soft != x->soft;
        now.coarse = moved ? span_class(now.start, now.end) : x->coarse;
        now.n_mentions = x->n_mentions + 1;
        sqlite3_stmt **q = moved ? &g->q_upd_entry : &g->q_upd_words;
        if (gprep(g, q,
                  moved
                      ? "UPDATE tl_entry SET start_day=?2, end_day=?3, gran=?4, soft=?5, coarse=?6,"
                        " n_mentions=?7, norm=?8, centroid=?9 WHERE id=?1"
                      : "UPDATE tl_entry SET n_mentions=?7, norm=?8, centroid=?9 WHERE id=?1") !=
            SQLITE_OK)
            rc = SQLITE_ERROR;
        else {
            sqlite3_bind_int64(*q, 1, now.id);
            if (moved) {
                sqlite3_bind_int(*q, 2, now.start);
                sqlite3_bind_int(*q, 3, now.end);
                sqlite3_bind_int(*q, 4, (int)now.gran);
                sqlite3_bind_int(*q, 5, now.soft);
                sqlite3_bind_int(*q, 6, now.coarse);
            }
            sqlite3_bind_int(*q, 7, now.n_mentions);
            write_centroid(*q, 9, &now.c, &now.norm);
            sqlite3_bind_double(*q, 8, now.norm);
            rc = sqlite3_step(*q);
            sqlite3_reset(*q);
            if (rc == SQLITE_DONE && sqlite3_changes(g->db) != 1)
                rc = SQLITE_NOTFOUND; /* the cache held an entry tl_entry does not */
        }
        if (rc == SQLITE_DONE)
            tl_cache_put(g->cache, cs, x, &now);
    } else {
        tl_vec_prune(&now.c, TL_CENTROID);
        now.start = m->start;
        now.end = m->end;
        now.gran = m->gran;
        now.soft = msoft;
        now.coarse = span_class(m->start, m->end);
        now.n_mentions = 1;
        if (gprep(g, &g->q_ins_entry,
                  "INSERT INTO tl_entry(story_id, start_day, end_day, gran, soft, coarse,"
                  " n_mentions, norm, centroid) VALUES(?1,?2,?3,?4,?5,?6,1,?7,?8)") != SQLITE_OK)
            rc = SQLITE_ERROR;
        else {
            sqlite3_bind_int64(g->q_ins_entry, 1, story);
            sqlite3_bind_int(g->q_ins_entry, 2, now.start);
            sqlite3_bind_int(g->q_ins_entry, 3, now.end);
            sqlite3_bind_int(g->q_ins_entry, 4, (int)now.gran);
            sqlite3_bind_int(g->q_ins_entry, 5, now.soft);
            sqlite3_bind_int(g->q_ins_entry, 6, now.coarse);
            write_centroid(g->q_ins_entry, 8, &now.c, &now.norm);
            sqlite3_bind_double(g->q_ins_entry, 7, now.norm);
            rc = sqlite3_step(g->q_ins_entry);
            sqlite3_reset(g->q_ins_entry);
        }
        now.id = sqlite3_last_insert_rowid(g->db);
        if (rc == SQLITE_DONE)
            tl_cache_add(g->cache, cs, &now);
    }
    int64_t entry = now.id;
    tl_vec_free(&now.c); /* (taken by the cache when written) */
    if (rc != SQLITE_DONE) {
        tl_cache_drop(g->cache, story);
        return rc == SQLITE_NOTFOUND
                   ? chr_diag_set(d, CHR_EDB, "", 0, -1,
                                  "timeline: entry %lld is cached but not stored", (long long)entry)
                   : gdb_err(g, d, "writing entry");
    }
    if (gprep(g, &g->q_ins_mention,
              "INSERT OR IGNORE INTO tl_mention(article_id, sentence, tx_start, tx_end, entry_id,"
              " indep, start_day, end_day, gran, weight, terms, frag)"
              " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)") != SQLITE_OK)
        return gdb_err(g, d, "preparing mention insert");
    sqlite3_stmt *q = g->q_ins_mention;
    sqlite3_bind_int64(q, 1, m->article_id);
    sqlite3_bind_int(q, 2, m->sentence);
    sqlite3_bind_int(q, 3, m->tx_start);
    sqlite3_bind_int(q, 4, m->tx_end);
    sqlite3_bind_int64(q, 5, entry);
    sqlite3_bind_int64(q, 6, m->indep);
    sqlite3_bind_int(q, 7, m->start);
    sqlite3_bind_int(q, 8, m->end);
    sqlite3_bind_int(q, 9, (int)m->gran);
    sqlite3_bind_double(q, 10, m->weight);
    sqlite3_bind_blob(q, 11, m->v.n ? (const void *)m->v.t : (const void *)"",
                      (int)(m->v.n * sizeof *m->v.t), SQLITE_STATIC);
    sqlite3_bind_int64(q, 12, m->frag);
    rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return gdb_err(g, d, "inserting mention");
    return CHR_OK;
}

/* Group m[0..n) into story's entries (count: they are a new article's, so
 * count its terms into the story's df first). */
static chr_err group_mentions(tl_group *g, int64_t story, const tl_mention *m, size_t n, int count,
                              chr_diag *d)
{
    chr_err e = n ? story_idf(g, story, m, n, count, d) : CHR_OK;
    for (size_t i = 0; i < n && !e; i++)
        e = add_mention(g, story, &m[i], d);
    return e;
}

/* Step q (columns: article_id, indep, sentence, tx_start, tx_end,
 * start_day, end_day, gran, weight, terms, entry_id, frag, the article's
 * pub_date or NULL) into mentions; q is finalized. */
static chr_err read_mentions(sqlite3_stmt *q, tl_mention **out, int64_t **entry, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (entry)
        *entry = NULL;
    size_t cap = 0, ecap = 0;
    chr_err e = CHR_OK;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        tl_mention m;
        m.article_id = sqlite3_column_int64(q, 0);
        m.indep = sqlite3_column_int64(q, 1);
        m.sentence = sqlite3_column_int(q, 2);
        m.tx_start = sqlite3_column_int(q, 3);
        m.tx_end = sqlite3_column_int(q, 4);
        m.start = sqlite3_column_int(q, 5);
        m.end = sqlite3_column_int(q, 6);
        m.gran = (chr_gran)sqlite3_column_int(q, 7);
        m.weight = (float)sqlite3_column_double(q, 8);
        m.frag = (uint32_t)sqlite3_column_int64(q, 11);
        m.pub = tl_parse_day((const char *)sqlite3_column_text(q, 12));
        if (entry && tl_grow(entry, *n, &ecap, sizeof **entry, 64) != 0) {
            e = CHR_ENOMEM;
            break;
        }
        if (tl_vec_from_blob(sqlite3_column_blob(q, 9), sqlite3_column_bytes(q, 9), &m.v) != 0 ||
            push_mention(out, n, &cap, &m) != 0) {
            tl_vec_free(&m.v);
            e = CHR_ENOMEM;
            break;
        }
        if (entry)
            (*entry)[*n - 1] = sqlite3_column_int64(q, 10);
    }
    sqlite3_finalize(q);
    if (!e && rc != SQLITE_DONE)
        e = CHR_EDB;
    if (e) {
        tl_mentions_free(*out, *n);
        *out = NULL;
        *n = 0;
        if (entry) {
            free(*entry);
            *entry = NULL;
        }
    }
    return e;
}

/* The mentions "SELECT <columns> FROM tl_mention m" + tail (?1 = story)
 * selects. */
static chr_err query_mentions(sqlite3 *db, const char *tail, int64_t story, tl_mention **out,
                              int64_t **entry, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (entry)
        *entry = NULL;
    char sql[640];
    snprintf(sql, sizeof sql,
             "SELECT m.article_id, m.indep, m.sentence, m.tx_start, m.tx_end, m.start_day,"
             " m.end_day, m.gran, m.weight, m.terms, m.entry_id, %s, %s FROM tl_mention m%s",
             has_frag_column(db) ? "m.frag" : "0",
             tl_table_exists(db, "articles")
                 ? "(SELECT pub_date FROM articles a WHERE a.id = m.article_id)"
                 : "NULL",
             tail);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return CHR_EDB;
    sqlite3_bind_int64(q, 1, story);
    return read_mentions(q, out, entry, n);
}

chr_err tl_story_mentions(sqlite3 *db, int64_t story, tl_mention **out, int64_t **entry, size_t *n)
{
    return query_mentions(db,
                          story < 0 ? " JOIN tl_entry e ON e.id = m.entry_id WHERE ?1 < 0"
                                      " ORDER BY m.article_id, m.sentence, m.tx_start"
                                    : " JOIN tl_entry e ON e.id = m.entry_id WHERE e.story_id=?1"
                                      " ORDER BY m.article_id, m.sentence, m.tx_start",
                          story, out, entry, n);
}

/* The persisted mentions of the articles story_article gives story now,
 * wherever they were grouped. */
static chr_err member_mentions(sqlite3 *db, int64_t story, tl_mention **out, size_t *n)
{
    return query_mentions(db,
                          " WHERE m.article_id IN"
                          " (SELECT article_id FROM story_article WHERE story_id=?1)"
                          " ORDER BY m.article_id, m.sentence, m.tx_start",
                          story, out, NULL, n);
}

/* The story step moved articles between stories (a split): group the
 * persisted mentions of each story's current members into its own entries
 * again, so that its persisted state covers exactly its articles. Reads all
 * stories' mentions first: an article may leave one story for another of
 * the list. */
chr_err tl_group_regroup(tl_group *g, const int64_t *stories, size_t ns, chr_diag *d)
{
    if (!ns)
        return CHR_OK;
    tl_cache_check(g->cache);
    tl_mention **m = calloc(ns, sizeof *m);
    size_t *nm = calloc(ns, sizeof *nm);
    chr_err e = m && nm ? CHR_OK : CHR_ENOMEM;
    for (size_t i = 0; i < ns && !e; i++)
        if (member_mentions(g->db, stories[i], &m[i], &nm[i]) != CHR_OK)
            e = gdb_err(g, d, "reading a story's mentions");
    for (size_t i = 0; i < ns && !e; i++) {
        char sql[768];
        snprintf(sql, sizeof sql,
                 "DELETE FROM tl_mention WHERE article_id IN"
                 " (SELECT article_id FROM story_article WHERE story_id=%1$lld);"
                 "DELETE FROM tl_mention WHERE entry_id IN"
                 " (SELECT id FROM tl_entry WHERE story_id=%1$lld);"
                 "DELETE FROM tl_entry WHERE story_id=%1$lld;"
                 "UPDATE tl_article SET story_id=%1$lld WHERE article_id IN"
                 " (SELECT article_id FROM story_article WHERE story_id=%1$lld);",
                 (long long)stories[i]);
        tl_cache_drop(g->cache, stories[i]);
        if (sqlite3_exec(g->db, sql, NULL, NULL, NULL) != SQLITE_OK)
            e = gdb_err(g, d, "clearing a story's timeline");
    }
    for (size_t i = 0; i < ns && !e; i++)
        for (size_t a = 0, b; a < nm[i] && !e; a = b) { /* one article at a time, for its df */
            for (b = a + 1; b < nm[i] && m[i][b].article_id == m[i][a].article_id; b++)
                ;
            e = group_mentions(g, stories[i], m[i] + a, b - a, 1, d);
        }
    for (size_t i = 0; m && nm && i < ns; i++)
        tl_mentions_free(m[i], nm[i]);
    free(m);
    free(nm);
    return e == CHR_ENOMEM ? chr_diag_set(d, e, "", 0, -1, "timeline: out of memory") : e;
}

/* The story step merges stories (story_alias: id -> into_id, articles
 * moved). The first update of the surviving story regroups the mentions of
 * each story merged into it into its own entries, once, so that its
 * persisted state covers all its articles again. */
static chr_err adopt_merged(tl_group *g, int64_t story, chr_diag *d)
{
    if (gprep(g, &g->q_aliases,
              "SELECT a.id FROM story_alias a WHERE a.into_id = ?1"
              " AND EXISTS (SELECT 1 FROM tl_article t WHERE t.story_id = a.id)") != SQLITE_OK)
        return gdb_err(g, d, "preparing alias lookup");
    sqlite3_bind_int64(g->q_aliases, 1, story);
    int64_t gone[16];
    int n = 0;
    while (n < 16 && sqlite3_step(g->q_aliases) == SQLITE_ROW)
        gone[n++] = sqlite3_column_int64(g->q_aliases, 0);
    sqlite3_reset(g->q_aliases);
    for (int i = 0; i < n; i++) {
        tl_mention *m = NULL;
        size_t nm = 0;
        if (tl_story_mentions(g->db, gone[i], &m, NULL, &nm) != CHR_OK)
            return gdb_err(g, d, "reading a merged story");
        char sql[768];
        snprintf(sql, sizeof sql,
                 "DELETE FROM tl_mention WHERE entry_id IN"
                 " (SELECT id FROM tl_entry WHERE story_id=%2$lld);"
                 "DELETE FROM tl_entry WHERE story_id=%2$lld;"
                 "UPDATE tl_article SET story_id=%1$lld WHERE story_id=%2$lld;",
                 (long long)story, (long long)gone[i]);
        tl_cache_drop(g->cache, gone[i]);
        chr_err e = sqlite3_exec(g->db, sql, NULL, NULL, NULL) == SQLITE_OK
                        ? CHR_OK
                        : gdb_err(g, d, "adopting a merged story");
        /* gone's articles count in story's document frequencies before any
         * of their mentions is grouped there (read now, story's count none
         * of them: their mentions were deleted) */
        tl_cstory *cs;
        if (!e)
            e = story_df(g, story, &cs, d);
        if (!e)
            e = count_articles(g, cs, m, nm, d);
        if (!e)
            e = group_mentions(g, story, m, nm, 0, d);
        tl_mentions_free(m, nm);
        if (e)
            return e;
    }
    return CHR_OK;
}

static chr_err add_mentions(tl_group *g, int64_t id, int64_t story, const tl_mention *m, size_t n,
                            chr_diag *d);

/* Add article id to story key story (0 = the whole-database timeline). */
static chr_err add_to_story(tl_group *g, int64_t id, int64_t story, chr_diag *d)
{
    if (gprep(g, &g->q_done, "SELECT 1 FROM tl_article WHERE article_id=?1") != SQLITE_OK)
        return gdb_err(g, d, "preparing lookup");
    sqlite3_bind_int64(g->q_done, 1, id);
    int done = sqlite3_step(g->q_done) == SQLITE_ROW;
    sqlite3_reset(g->q_done);
    if (done)
        return CHR_OK;
    if (g->has_alias && story > 0) {
        chr_err ae = adopt_merged(g, story, d);
        if (ae)
            return ae;
    }
    tl_article a;
    chr_err e = tl_article_load(g->src, id, 1, &a);
    if (e == CHR_ENOTFOUND)
        return chr_diag_set(d, e, "", 0, -1, "timeline: no article %lld", (long long)id);
    if (e)
        return chr_diag_set(d, e, "", 0, -1, "timeline: reading article %lld failed",
                            (long long)id);
    tl_mention *m = NULL;
    size_t n = 0;
    e = tl_extract(g->ct, &a, &m, &n);
    tl_article_free(&a);
    if (e)
        return chr_diag_set(d, e, "", 0, -1, "timeline: out of memory");
    e = add_mentions(g, id, story, m, n, d);
    tl_mentions_free(m, n);
    return e;
}

/* Group article id's mentions m[0..n) into story and record the article. */
static chr_err add_mentions(tl_group *g, int64_t id, int64_t story, const tl_mention *m, size_t n,
                            chr_diag *d)
{
    chr_err e = group_mentions(g, story, m, n, 1, d);
    if (e)
        return e;
    if (gprep(g, &g->q_ins_art,
              "INSERT INTO tl_article(article_id, story_id, n_mentions) VALUES(?1,?2,?3)") !=
        SQLITE_OK)
        return gdb_err(g, d, "preparing article insert");
    sqlite3_bind_int64(g->q_ins_art, 1, id);
    sqlite3_bind_int64(g->q_ins_art, 2, story);
    sqlite3_bind_int64(g->q_ins_art, 3, (sqlite3_int64)n);
    int rc = sqlite3_step(g->q_ins_art);
    sqlite3_reset(g->q_ins_art);
    return rc == SQLITE_DONE ? CHR_OK : gdb_err(g, d, "recording article");
}

chr_err tl_group_add(tl_group *g, int64_t article_id, int64_t story_id, chr_diag *d)
{
    tl_cache_check(g->cache);
    if (story_id <= 0) {
        if (!g->has_story)
            g->has_story = tl_table_exists(g->db, "story_article");
        if (!g->has_story)
            return CHR_OK;
        if (gprep(g, &g->q_story, "SELECT story_id FROM story_article WHERE article_id=?1") !=
            SQLITE_OK)
            return gdb_err(g, d, "preparing story lookup");
        sqlite3_bind_int64(g->q_story, 1, article_id);
        if (sqlite3_step(g->q_story) == SQLITE_ROW)
            story_id = sqlite3_column_int64(g->q_story, 0);
        sqlite3_reset(g->q_story);
        if (story_id <= 0)
            return CHR_OK;
    }
    return add_to_story(g, article_id, story_id, d);
}

chr_err tl_story_articles(sqlite3 *src, int64_t story_id, int64_t **ids, size_t *n)
{
    if (!story_id)
        return tl_query_ids(src, "SELECT id FROM articles ORDER BY id", 0, 0, ids, n);
    chr_err e = tl_query_ids(src,
                             "SELECT article_id FROM story_article WHERE story_id=?1"
                             " ORDER BY article_id",
                             1, story_id, ids, n);
    return e == CHR_EDB ? CHR_ENOTFOUND : e;
}

chr_err tl_rebuild_memory(sqlite3 *src, int64_t story_id, sqlite3 **mem, chr_diag *d)
{
    *mem = NULL;
    int64_t *ids = NULL;
    size_t n = 0;
    chr_err e = tl_story_articles(src, story_id, &ids, &n);
    if (e)
        return chr_diag_set(d, e, "", 0, -1, "timeline: cannot list the story's articles");
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        free(ids);
        sqlite3_close(db);
        return chr_diag_set(d, CHR_EDB, "", 0, -1, "timeline: cannot open a memory database");
    }
    tl_group *g = NULL;
    e = tl_group_open(db, src, &g, d);
    if (!e)
        e = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK ? CHR_OK : CHR_EDB;
    /* the mentions the pipeline already extracted and stored are grouped
     * again as they are; only articles without them are read and extracted */
    tl_mention *pm = NULL;
    size_t npm = 0, k = 0;
    int64_t *done = NULL;
    size_t ndone = 0, kd = 0;
    if (!e && tl_table_exists(src, "tl_article")) {
        if (story_id ? member_mentions(src, story_id, &pm, &npm) != CHR_OK
                     : query_mentions(
                           src, " WHERE ?1 = ?1 ORDER BY m.article_id, m.sentence, m.tx_start", 0,
                           &pm, NULL, &npm) != CHR_OK)
            npm = 0;
        else if (tl_query_ids(src,
                              story_id
                                  ? "SELECT t.article_id FROM tl_article t JOIN story_article s"
                                    " ON s.article_id = t.article_id WHERE s.story_id = ?1"
                                    " ORDER BY t.article_id"
                                  : "SELECT article_id FROM tl_article WHERE ?1 = ?1"
                                    " ORDER BY article_id",
                              1, story_id, &done, &ndone) != CHR_OK) {
            tl_mentions_free(pm, npm);
            pm = NULL;
            npm = 0;
        }
    }
    for (size_t i = 0; i < n && !e; i++) {
        while (kd < ndone && done[kd] < ids[i])
            kd++;
        while (k < npm && pm[k].article_id < ids[i])
            k++;
        if (kd < ndone && done[kd] == ids[i]) {
            size_t b = k;
            while (b < npm && pm[b].article_id == ids[i])
                b++;
            e = add_mentions(g, ids[i], story_id, pm + k, b - k, d);
            k = b;
        } else {
            e = add_to_story(g, ids[i], story_id, d);
        }
    }
    tl_mentions_free(pm, npm);
    free(done);
    if (!e)
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    tl_group_close(g);
    free(ids);
    if (e) {
        sqlite3_close(db);
        return e;
    }
    *mem = db;
    return CHR_OK;
}

chr_err chr_timeline_rebuild(chr_store *st, long *n_articles, chr_diag *d)
{
    sqlite3 *db = chr_store_sqlite(st);
    long n = 0;
    if (n_articles)
        *n_articles = 0;
    tl_group *g = NULL;
    chr_err e = tl_group_open(db, db, &g, d);
    if (e)
        return e;
    int cleared =
        sqlite3_exec(db, "DELETE FROM tl_mention; DELETE FROM tl_entry; DELETE FROM tl_article;",
                     NULL, NULL, NULL) == SQLITE_OK;
    tl_cache_clear(g->cache); /* the other groups' on this connection too */
    if (!cleared) {
        e = gdb_err(g, d, "clearing the timeline tables");
        tl_group_close(g);
        return e;
    }
    sqlite3_stmt *q;
    if (!g->has_story || sqlite3_prepare_v2(db,
                                            "SELECT article_id, story_id FROM story_article"
                                            " ORDER BY article_id",
                                            -1, &q, NULL) != SQLITE_OK) {
        tl_group_close(g);
        return CHR_OK; /* no stories: nothing to persist */
    }
    while (!e && sqlite3_step(q) == SQLITE_ROW) {
        e = add_to_story(g, sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1), d);
        n++;
    }
    sqlite3_finalize(q);
    tl_group_close(g);
    if (n_articles)
        *n_articles = n;
    return e;
}

/* ---- the pipeline's updater ---- */

struct chr_tl_updater {
    chr_store *st;
    tl_group *g;
};

chr_err chr_tl_updater_open(chr_store *st, chr_tl_updater **out, chr_diag *d)
{
    *out = NULL;
    chr_tl_updater *u = calloc(1, sizeof *u);
    if (!u)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "timeline: out of memory");
    u->st = st;
    *out = u;
    return CHR_OK;
}

/* The updater's grouping over the store, opened on first use. */
static chr_err updater_group(chr_tl_updater *u, chr_diag *d)
{
    if (u->g)
        return CHR_OK;
    sqlite3 *db = chr_store_sqlite(u->st);
    return tl_group_open(db, db, &u->g, d);
}

chr_err chr_tl_updater_add(chr_tl_updater *u, int64_t article_id, int64_t story_id, chr_diag *d)
{
    chr_err e = updater_group(u, d);
    return e ? e : tl_group_add(u->g, article_id, story_id, d);
}

chr_err chr_tl_updater_regroup(chr_tl_updater *u, const int64_t *stories, size_t n, chr_diag *d)
{
    if (!n)
        return CHR_OK;
    chr_err e = updater_group(u, d);
    return e ? e : tl_group_regroup(u->g, stories, n, d);
}

void chr_tl_updater_discard(chr_tl_updater *u)
{
    if (u && u->g) {
        tl_cache_clear(u->g->cache); /* every group's on this connection: rolled back */
        tl_group_close(u->g);
        u->g = NULL;
    }
}

void chr_tl_updater_close(chr_tl_updater *u)
{
    if (!u)
        return;
    tl_group_close(u->g);
    free(u);
}
