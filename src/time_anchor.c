/* chronicle — time: lengths that lead to a day. TimeML marks "three days
 * later" as the length it names ("three days", P3D), and chr_time_tag
 * does the same; a timeline needs the day it leads to, counted from the
 * day the text last gave ("Protests began on 25 January. Three days later
 * the army was deployed": 28 January). Owns chr_time_anchor_lengths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "time_int.h"

/* Words after "later"/"earlier" that make it a comparison ("later than
 * planned", "más tarde de lo previsto", "plus tard que prévu"). */
static const char *const CMP[] = {"than", "que", "de", "di", "del", "che", "decât", NULL};

/* "Even" between "before" and its event ("prima ancora che", "antes incluso
 * de", "antes mesmo da"); alone it qualifies the clause ("due giorni prima
 * ancora erano a Bengasi"). */
static const char *const EVEN[] = {"ancora", "incluso", "mesmo", "aun", "a\xc3\xban", NULL};

/* What introduces the event after a Romance "before" ("prima del voto",
 * "antes de la votación", "abans de", "înainte de"). */
static const char *const OF[] = {"di",   "del", "dello", "della", "dei",      "degli", "delle",
                                 "dell", "de",  "da",    "do",    "das",      "dos",   "que",
                                 "che",  "d",   "dels",  "ca",    "rispetto", NULL};

typedef struct adverb {
    const char *w; /* lower case, words separated by one space */
    int dir;       /* +1 after, -1 before */
    int prep;      /* a preposition: alone only before a punctuation mark or the end
                    * ("two days after, ..."; not "two days after the vote",
                    * "dos días después de la votación", "dopo le elezioni") */
} adverb;

static const adverb ADV[] = {
    {"later", 1, 0},      {"earlier", -1, 0},  {"after", 1, 1},        {"before", -1, 1},
    {"después", 1, 1},    {"más tarde", 1, 0}, {"antes", -1, 1},       {"plus tard", 1, 0},
    {"plus tôt", -1, 0},  {"après", 1, 1},     {"auparavant", -1, 0},  {"avant", -1, 1},
    {"più tardi", 1, 0},  {"dopo", 1, 1},      {"prima", -1, 1},       {"depois", 1, 1},
    {"mais tarde", 1, 0}, {"més tard", 1, 0},  {"després", 1, 1},      {"abans", -1, 1},
    {"mai târziu", 1, 0}, {"după", 1, 1},      {"mai devreme", -1, 0}, {"înainte", -1, 1},
    {NULL, 0, 0}};

static int word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static size_t skip_blanks(const char *text, size_t len, size_t p)
{
    while (p < len && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r'))
        p++;
    return p;
}

/* Whether the word at text[p..) is one of l (ASCII letters compared in any
 * case); its end in *end. */
static int word_in(const char *text, size_t len, size_t p, const char *const *l, size_t *end)
{
    size_t e = p;
    while (e < len && word_byte((unsigned char)text[e]) &&
           !(e + 2 < len && !memcmp(text + e, "\xe2\x80\x99", 3))) /* "dell’attacco" */
        e++;
    *end = e;
    for (; *l; l++)
        if (strlen(*l) == e - p && strncasecmp(text + p, *l, e - p) == 0)
            return 1;
    return 0;
}

/* Whether a verb stands at text[q..) after a Romance "dopo", "después",
 * "depois", "després", "prima", "antes" ("due giorni dopo hanno preso Bab
 * al-Aziziya", "dos días después tomaron", "tres dies després va caure",
 * "due giorni prima erano in piazza"): the length dates that clause;
 * anything else ("dopo l'assedio", "depois dessas eleições", "después tras
 * las protestas", "după alegerile", "prima del voto") names the event it
 * counts from (chr_time_verb_at, time_int.h). A verb is an auxiliary or a clitic, or a word of four
 * letters or more with a past's ending. English "after" and "before" and
 * French "après" and "avant" are taken to be followed by their event ("30
 * days after issuance", "two days before he fled"). */
int chr_time_verb_at(const char *text, size_t len, size_t q, int bare_object)
{
    static const char *const AUX[] = {"ha",
                                      "han",
                                      "hanno",
                                      "ho",
                                      "\xc3\xa8",
                                      "sono",
                                      "fu",
                                      "furono",
                                      "fue",
                                      "fueron",
                                      "foi",
                                      "foram",
                                      "era",
                                      "erano",
                                      "eran",
                                      "eram",
                                      "va",
                                      "van",
                                      "si",
                                      "se",
                                      "ci",
                                      "vi",
                                      "hubo",
                                      "houve",
                                      "venne",
                                      "vennero",
                                      "aveva",
                                      "avevano",
                                      "tinha",
                                      "cadde",
                                      "prese",
                                      "disse",
                                      "fece",
                                      "mise",
                                      "vide",
                                      "ebbe",
                                      "dijo",
                                      "dio",
                                      "tuvo",
                                      "hizo",
                                      "estaba",
                                      "estaban",
                                      "estava",
                                      "estavam",
                                      "deu",
                                      "fez",
                                      "hab\xc3\xad"
                                      "a",
                                      NULL};
    static const char *const END[] = {"\xc3\xb3", "\xc3\xb2", "\xc3\xac", "aron", "ieron",
                                      "arono",    "irono",    "erono",    "aram", "eram",
                                      "iram",     "ou",       "eu",       "iu",   NULL};
    size_t e;
    /* over the clause's subject, a name ("due giorni dopo Morsi era agli
     * arresti": a clause after "dopo" would need "che"); not a holiday's
     * ("dopo Natale", the event counted from) */
    static const char *const CLITIC[] = {"si", "se", "ci", "vi", NULL};
    int names = 0;
    for (; names < 3 && q < len && text[q] >= 'A' && text[q] <= 'Z'; names++) {
        word_in(text, len, q, AUX, &e);
        if (chr_time_lex_word(text + q, e - q))
            return 0;
        q = skip_blanks(text, len, e);
    }
    if (names && word_in(text, len, q, CLITIC, &e))
        return !bare_object; /* "una settimana dopo Sandy si contavano i danni", "si sono
                              * contati": the event's, an impersonal verb ("dopo Monti si è
                              * dimesso" may be either); "después", "depois" take their
                              * event after "de": "dos días después Rajoy se reunió" is the
                              * subject's */
    if (word_in(text, len, q, AUX, &e))
        return 1;
    if (e - q < 4 || (text[q] >= 'A' && text[q] <= 'Z'))
        return 0;
    for (const char *const *x = END; *x; x++) {
        size_t k = strlen(*x);
        if (e - q > k && !strncasecmp(text + e - k, *x, k))
            return 1;
    }
    return 0;
}

/* The adverb at text[p..): its entry, *end set past it; NULL if none. */
static const adverb *adverb_at(const char *text, size_t len, size_t p, size_t *end)
{
    for (const adverb *a = ADV; a->w; a++) {
        size_t n = strlen(a->w);
        if (p + n > len || strncasecmp(text + p, a->w, n) != 0 ||
            (p + n < len && word_byte((unsigned char)text[p + n])))
            continue;
        size_t q = skip_blanks(text, len, p + n), we;
        int word = q < len && word_byte((unsigned char)text[q]);
        /* "prima", "antes", "abans", "înainte" take their event after "di",
         * "de", "que": anything else opens the clause they date ("due
         * giorni prima le prime colonne erano arrivate") */
        int before_of = a->prep && a->dir < 0 && strcmp(a->w, "before") && strcmp(a->w, "avant");
        if (word && ((a->prep && !before_of &&
                      (!strcmp(a->w, "after") || !strcmp(a->w, "before") ||
                       !strcmp(a->w, "apr\xc3\xa8s") || !strcmp(a->w, "avant") ||
                       !chr_time_verb_at(text, len, q,
                                         !strcmp(a->w, "dopo") || !strcmp(a->w, "dup\xc4\x83")))) ||
                     (before_of && (word_in(text, len, q, OF, &we) ||
                                    (word_in(text, len, q, EVEN, &we) &&
                                     word_in(text, len, skip_blanks(text, len, we), OF, &we)))) ||
                     word_in(text, len, q, CMP, &we)))
            continue; /* an event or a comparison follows */
        *end = p + n;
        return a;
    }
    return NULL;
}

/* Days of a length "P3D", "P2W"; 0 for any other. */
static long length_days(const chr_timex *x)
{
    const char *v = x->value;
    if (x->type != CHR_TIMEX_DURATION || v[0] != 'P' || v[1] < '1' || v[1] > '9')
        return 0;
    char *end;
    long n = strtol(v + 1, &end, 10);
    if (n > 366 || end[1] != '\0')
        return 0;
    return end[0] == 'D' ? n : end[0] == 'W' ? 7 * n : 0;
}

/* A day's value "YYYY-MM-DD" of x: 1 with y, m, d set. */
static int day_of(const chr_timex *x, int *y, int *m, int *d)
{
    const char *v = x->value;
    if (x->type != CHR_TIMEX_DATE || (x->flags & CHR_TIMEX_RANGE) || strlen(v) != 10 ||
        v[4] != '-' || v[7] != '-')
        return 0;
    *y = atoi(v), *m = atoi(v + 5), *d = atoi(v + 8);
    return *y > 0 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

void chr_time_anchor_lengths(const char *text, size_t len, chr_timex *x, size_t n,
                             const size_t *sent)
{
    int ay = 0, am = 0, ad = 0;
    size_t asent = 0;
    for (size_t i = 0; i < n; i++) {
        int y, m, d;
        if (day_of(&x[i], &y, &m, &d)) {
            ay = y, am = m, ad = d;
            asent = sent[i];
            continue;
        }
        long days = length_days(&x[i]);
        if (!days || !ay || sent[i] > asent + 1 || x[i].end > len)
            continue;
        size_t end;
        const adverb *a = adverb_at(text, len, skip_blanks(text, len, x[i].end), &end);
        if (!a || (i + 1 < n && x[i + 1].start < end))
            continue;
        long z = chr_days_from_civil(ay, am, ad) + a->dir * days;
        chr_civil_from_days(z, &y, &m, &d);
        x[i].type = CHR_TIMEX_DATE;
        snprintf(x[i].value, sizeof x[i].value, "%04d-%02d-%02d", y, m, d);
        x[i].flags |= CHR_TIMEX_RELATIVE | CHR_TIMEX_ANCHORED;
        x[i].end = end;
        ay = y, am = m, ad = d; /* "Two days later ... A week later": from there */
        asent = sent[i];
    }
}
