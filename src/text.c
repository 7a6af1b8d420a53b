/* chronicle — text: sentence splitting, tokenisation, language identification.
 * Owns the rules for sentence ends (abbreviations, initials, numbers, quotes,
 * headings), the language guesser (libexttextcat over a fixed set of
 * news languages) and headlines made from a sentence (chr_headline_cut,
 * chr_headline_clean). Knows nothing of articles or storage. */
#include "chronicle/text.h"
#include "text_int.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <limits.h>
#include <textcat.h>
#include <utf8proc.h>

/* ---- small UTF-8 helpers ---------------------------------------------- */

static int32_t decode_at(const char *s, size_t len, size_t i, size_t *next)
{
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (k <= 0) {
        *next = i + 1;
        return -1;
    }
    *next = i + (size_t)k;
    return cp;
}

static int32_t decode_before(const char *s, size_t i, size_t *start)
{
    size_t j = i;
    while (j > 0) {
        j--;
        if (((unsigned char)s[j] & 0xC0) != 0x80)
            break;
    }
    size_t nx;
    *start = j;
    return i > 0 ? decode_at(s, i, j, &nx) : -1;
}

static int is_letter(int32_t cp)
{
    if (cp < 0)
        return 0;
    if (cp < 128)
        return isalpha(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int is_upper(int32_t cp)
{
    if (cp < 0)
        return 0;
    if (cp < 128)
        return isupper(cp);
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

static int is_space_cp(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2009 ||
           cp == 0x202F || cp == 0x3000;
}

/* Closing quotes/brackets that may follow a sentence end. */
static int is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
           cp == 0xBB || cp == 0x203A;
}

/* Openers that may start a sentence. */
static int is_opener(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == '`' || cp == '(' || cp == '[' || cp == 0x201C ||
           cp == 0x2018 || cp == 0xAB || cp == 0xBF || cp == 0xA1 || cp == 0x2039 || cp == 0x2014 ||
           cp == '-';
}

/* Abbreviations that do not end a sentence when followed by a capital
 * (titles, months, common Latin and corporate forms), lowercase, no dot. */
static const char *const abbrevs[] = {
    "mr",   "mrs",  "ms",  "dr",  "prof", "gen",   "col",  "lt",     "sgt",  "capt", "cmdr", "adm",
    "maj",  "rep",  "sen", "gov", "pres", "rev",   "hon",  "st",     "mt",   "ft",   "jr",   "sr",
    "co",   "corp", "inc", "ltd", "bros", "vs",    "etc",  "approx", "dept", "est",  "fig",  "jan",
    "feb",  "mar",  "apr", "jun", "jul",  "aug",   "sep",  "sept",   "oct",  "nov",  "dec",  "mon",
    "tue",  "tues", "wed", "thu", "thur", "thurs", "fri",  "sat",    "sun",  "e.g",  "i.e",  "u.s",
    "u.k",  "u.n",  "a.m", "p.m", "m",    "mme",   "mlle", "sr",     "sra",  "srta", "dña",  "av",
    "sig",  "dott", "ing", "hr",  "fr",   "nr",    "str",  "bzw",    "z.b",  "vgl",  "op",   "cf",
    "al",   "ca",   "c",   "p",   "pp",   "vol",   "ed",   "eds",    "gov",  "assn", "univ", "ave",
    "blvd", "rd",   "sq",  "cie", "cía",  "ste",   "sens", "reps",   "govs", "gens", NULL};

/* Abbreviations that stand before a number ("No. 5", "legge n. 123", "art.
 * 5", "núm. 3", and Romance months' before a year: "5 mai. 2016", "3 abr.
 * 2011"): no sentence end before a digit; before anything else they are
 * words like others ("He said no. Then ...", "state of the art."). */
static const char *const num_abbrevs[] = {
    "no",  "nos",  "nº",  "n",    "nn",  "núm",  "num", "art", "pag", "pág", "cap", "ene",
    "abr", "mai",  "ago", "set",  "out", "dez",  "dic", "gen", "mag", "giu", "lug", "ott",
    "fév", "févr", "fev", "janv", "avr", "juil", "déc", "ian", "iun", "iul", NULL};

/* Romance months' abbreviations that end no sentence after a day's
 * number, whatever follows: a chronology's "9 abr. Detenido…", a wire's
 * "Manama, 9 abr. (EFE).-" (the English ones are in abbrevs). Those that
 * are a month's full name in another language ("mai", "may", "juin",
 * "août": "le 3 mai. Il…") go on only before a dash or a bracket ("5
 * may. - …"). */
static const char *const day_months[] = {"ene", "abr",  "ago", "set", "dic",  "out", "dez",  "gen",
                                         "mag", "giu",  "lug", "ott", "janv", "fév", "févr", "fev",
                                         "avr", "juil", "déc", "ian", "iun",  "iul", "noi",  NULL};
static const char *const day_months_names[] = {"mai", "may", "juin", "août", NULL};

/* Whether a day's number of one or two digits stands right before the
 * word at ws ("9 abr."). */
static int day_before_word(const char *s, size_t seg_start, size_t ws)
{
    size_t p = ws;
    if (p <= seg_start || s[p - 1] != ' ')
        return 0;
    p--;
    size_t e = p;
    while (p > seg_start && s[p - 1] >= '0' && s[p - 1] <= '9')
        p--;
    return e - p >= 1 && e - p <= 2 &&
           (p == seg_start || !((s[p - 1] >= '0' && s[p - 1] <= '9') || is_letter(s[p - 1])));
}

/* Whether the day's number before the word at ws opens its line (or the
 * text): "28 dic. Los jueces ..." in a chronology. */
static int day_opens_line(const char *s, size_t seg_start, size_t ws)
{
    size_t p = ws;
    while (p > 0 && s[p - 1] == ' ')
        p--;
    while (p > 0 && s[p - 1] >= '0' && s[p - 1] <= '9')
        p--;
    while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
        p--;
    (void)seg_start;
    return p == 0 || s[p - 1] == '\n';
}

/* Abbreviations of one language that are ordinary words at a sentence's
 * end in others (English "on.", "n."): titles ("l'on. Verdi", "o dep.
 * Costa", "el Gral. Pérez"), "n. 123", "núm. 5". */
static const struct {
    const char *lang, *const *words;
} lang_abbrevs[] = {
    {"it",
     (const char *const[]){"on", "avv", "geom", "rag", "arch", "mons", "sgg", "dott.ssa", NULL}},
    {"pt", (const char *const[]){"dep", "sto", "sta", "exmo", "exma", "eng", "dra", NULL}},
    {"es", (const char *const[]){"gral", "lic", "dra", "sres", "ud", "uds", "dip", "excmo", "excma",
                                 "sto", "sta", "ee", "ff", "cc", "aa", "oo", "ss", "mm", NULL}},
    {"fr", (const char *const[]){"mgr", NULL}},
    {"ca", (const char *const[]){"sr", "sra", NULL}},
    {"ro",
     (const char *const[]){"dl",  "dna",  "dlui", "dnei", "d-l", "d-na",       "d-lui", "alin",
                           "lit", "pct",  "bd",   "bdul", "sos", "\xc8\x99os", "jud",   "mun",
                           "com", "sect", "conf", "lect", "cpt", "gral",       "ec",    NULL}},
};

/* Is the word w[0..n), in lower case (ASCII letters folded), in list l? */
static int in_list(const char *const *l, const char *w, size_t n)
{
    char buf[16];
    if (n == 0 || n >= sizeof buf)
        return 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)tolower((unsigned char)w[i]);
    buf[n] = 0;
    for (; *l; l++) /* (the first bytes differ for most: no call then) */
        if (**l == buf[0] && strcmp(*l, buf) == 0)
            return 1;
    return 0;
}

static int is_abbrev(const char *w, size_t n, const char *lang)
{
    if (in_list(abbrevs, w, n))
        return 1;
    /* Spanish plurals double their letters in capitals ("EE. UU.", "FF.
     * AA."); "120 mm." is a unit */
    if (n == 2 && w[0] == w[1] && !isupper((unsigned char)w[0]))
        return 0;
    for (size_t k = 0; lang && k < sizeof lang_abbrevs / sizeof *lang_abbrevs; k++)
        if (strncmp(lang, lang_abbrevs[k].lang, 2) == 0 && in_list(lang_abbrevs[k].words, w, n))
            return 1;
    return 0;
}

/* Is w[0..n) two or three capital initials, each with its dot ("E.A.",
 * "J.C." without the last dot: the word ends before it)? */
static int dotted_initials(const char *w, size_t n)
{
    if (n != 3 && n != 5)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (i % 2 ? w[i] != '.' : !(w[i] >= 'A' && w[i] <= 'Z'))
            return 0;
    return 1;
}

/* Does a capitalised word that no sentence opens with stand at s[j..): a
 * name the English dictionary has not in lower case ("Abrams", not "The",
 * "Officials"; 0 without a dictionary), in other languages no word a
 * sentence opens with ("Tolkien", not "Il", "Les", "El")? */
static int name_at(const char *s, size_t len, size_t j, const char *lang)
{
    /* the words a sentence opens with in the other languages ("… la C.I.A.
     * Il précise", "… la O.N.U. El embajador") */
    static const char *const openers =
        " il lo la le les l gli i el los las un una uno une des du de ce cette ces elle ils elles "
        "nous on questo questa este esta ese esa esto isso esse essa os as o a e y et ou ma mais "
        "pero mas si se quando cuando quand dopo prima avant apres antes depois despues parmi "
        "entre tra fra per par pour con avec sin dans en nel nella sur su bien non no al au ai "
        "aux del della dei nos nas na no ";
    char w[24];
    size_t n = 0;
    while (j + n < len && n + 1 < sizeof w && isalpha((unsigned char)s[j + n])) {
        w[n] = (char)tolower((unsigned char)s[j + n]);
        n++;
    }
    if (n < 2 || n + 1 >= sizeof w || !isupper((unsigned char)s[j]))
        return 0;
    if (lang && strncmp(lang, "en", 2) != 0) {
        char k[28];
        snprintf(k, sizeof k, " %.*s ", (int)n, w);
        return strstr(openers, k) == NULL;
    }
    return chr_en_lower_n && !chr_en_lower_word(chr_en_hash(w, n));
}

/* Whether the word before s[ws] (within the segment) is "the", "a" or
 * "an": initials after it are a body's ("the A.N.C."), not a person's. */
static int after_article(const char *s, size_t seg_start, size_t ws)
{
    size_t e = ws;
    while (e > seg_start && s[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > seg_start && isalpha((unsigned char)s[b - 1]))
        b--;
    return (e - b == 3 && !strncasecmp(s + b, "the", 3)) || (e - b == 1 && (s[b] | 32) == 'a') ||
           (e - b == 2 && !strncasecmp(s + b, "an", 2));
}

/* Initials of a country, a body or a place ("U.S", "U.N", "U.K", "E.U",
 * "D.C", "L.A", "N.Y"): a sentence may end on them before a name. */
static int place_initials(const char *w, size_t n)
{
    static const char *const l[] = {"U.S", "U.N", "U.K", "E.U", "D.C", "L.A", "N.Y", "U.A.E", NULL};
    for (const char *const *p = l; *p; p++)
        if (strlen(*p) == n && !memcmp(w, *p, n))
            return 1;
    return 0;
}

/* Is there nothing but spaces and openers between from and at? */
static int opens_segment(const char *s, size_t from, size_t at)
{
    for (size_t i = from; i < at; i++)
        if (!strchr(" \t\n\"'(`[", s[i]))
            return 0;
    return 1;
}

/* The word that ends at position dot (exclusive), letters and inner dots. */
static size_t word_before(const char *s, size_t dot)
{
    size_t i = dot;
    while (i > 0) {
        size_t st;
        int32_t cp = decode_before(s, i, &st);
        if (is_letter(cp) || cp == '.' || (cp >= '0' && cp <= '9'))
            i = st;
        else
            break;
    }
    return i;
}

static int line_is_blank(const char *s, size_t len, size_t i, size_t *eol)
{
    size_t j = i;
    while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
        j++;
    *eol = j;
    return j >= len || s[j] == '\n';
}

static chr_err push_span(chr_span **v, size_t *n, size_t *cap, const char *s, size_t a, size_t b)
{
    while (a < b && is_space_cp((unsigned char)s[a]))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '\t' || s[b - 1] == '\r'))
        b--;
    if (a >= b)
        return CHR_OK;
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        chr_span *nv = realloc(*v, nc * sizeof *nv);
        if (!nv)
            return CHR_ENOMEM;
        *v = nv;
        *cap = nc;
    }
    (*v)[(*n)++] = (chr_span){a, b};
    return CHR_OK;
}

/* Whether the byte range holds a character of a web address or a number. */
static int has_address_char(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s[i] == '/' || s[i] == '@' || s[i] == ':' || (s[i] >= '0' && s[i] <= '9') ||
            (s[i] == '.' && i + 1 < b && s[i + 1] != '.'))
            return 1;
    return 0;
}

/* "sur Facebook.Sous le slogan", "fui la Libye.A Benghazi": a full stop
 * between a lower-case word of three letters or more and a capitalised word,
 * with no space, is two sentences glued together by a scraper. Not when
 * either side looks like a web address ("Amazon.Com", "www.Le-Monde.fr"),
 * an abbreviation or an initial. */
static int glued_sentences(const char *s, size_t len, size_t seg_start, size_t term, size_t after)
{
    if (s[term] != '.' || after != term + 1)
        return 0;
    size_t p = term, letters = 0, st;
    while (p > seg_start) {
        int32_t cp = decode_before(s, p, &st);
        if (!is_letter(cp))
            break;
        if (letters < 2 && is_upper(cp))
            return 0;
        letters++;
        p = st;
    }
    if (letters < 3 || is_abbrev(s + p, term - p, NULL))
        return 0;
    size_t tok = p; /* the whole token before, back to a space */
    while (tok > seg_start && !is_space_cp(decode_before(s, tok, &st)))
        tok = st;
    size_t nx, nx2;
    int32_t first = decode_at(s, len, after, &nx);
    if (!is_upper(first))
        return 0;
    int32_t second = nx < len ? decode_at(s, len, nx, &nx2) : ' ';
    if (!(is_letter(second) && !is_upper(second)) && !is_space_cp(second))
        return 0;
    size_t end = after;
    while (end < len && !is_space_cp(decode_at(s, len, end, &nx2)))
        end = nx2;
    if (has_address_char(s, tok, term) || has_address_char(s, after, end))
        return 0;
    static const char *const tld[] = {"com", "net", "org", "gov", "edu", "info", "io", "co", NULL};
    size_t wl = after;
    while (wl < end && is_letter(decode_at(s, len, wl, &nx2)))
        wl = nx2;
    for (int i = 0; tld[i]; i++)
        if (wl - after == strlen(tld[i]) && strncasecmp(s + after, tld[i], wl - after) == 0)
            return 0;
    return 1;
}

/* Decide whether the terminator run ending just before `after` ends a
 * sentence. term is the position of the first terminator char. */
static int ends_sentence(const char *s, size_t len, size_t seg_start, size_t term, size_t after,
                         const char *lang)
{
    int ordinal_dots = lang && (lang[0] | 32) == 'd' && (lang[1] | 32) == 'e';
    /* must be followed by whitespace (or end), unless two sentences were
     * glued together when the page was scraped */
    if (after >= len)
        return 1;
    size_t nx;
    int32_t c = decode_at(s, len, after, &nx);
    if (!is_space_cp(c))
        return glued_sentences(s, len, seg_start, term, after);
    /* skip spaces to next visible char */
    size_t j = after;
    while (j < len) {
        c = decode_at(s, len, j, &nx);
        if (!is_space_cp(c))
            break;
        j = nx;
    }
    if (j >= len)
        return 1;
    int32_t first = c;
    size_t k = j;
    while (is_opener(first) && k < len) {
        k = nx;
        if (k >= len)
            break;
        first = decode_at(s, len, k, &nx);
    }
    if (s[term] == '.') {
        /* ellipsis "..." followed by lowercase: continues */
        size_t ws = word_before(s, term);
        if (ws < seg_start)
            ws = seg_start;
        size_t wl = term - ws;
        if (wl > 0) {
            const char *w = s + ws;
            /* German writes ordinals with a dot: "am 2. Mai", "der 75.
             * Jahrestag", "im 19. Jahrhundert" go on */
            if (ordinal_dots && wl <= 3 && after == term + 1 && is_letter(first)) {
                size_t d = 0;
                while (d < wl && w[d] >= '0' && w[d] <= '9')
                    d++;
                if (d == wl)
                    return 0;
            }
            /* single capital initial ("J. Smith") */
            size_t st;
            int32_t prev = decode_before(s, term, &st);
            if (is_upper(prev) && st == ws)
                return 0;
            /* initials opening a sentence ("E.A. Viner Holdings said", "R.J.
             * Reynolds"): no sentence is initials alone ("... in the U.S.
             * The" still ends) */
            if (dotted_initials(w, wl) && (opens_segment(s, seg_start, ws) ||
                                           (name_at(s, len, j, lang) && !place_initials(w, wl) &&
                                            (wl == 3 || !after_article(s, seg_start, ws)))))
                return 0; /* "... directed by J.J. Abrams", "the A.J. Smith Co.", "J.R.R.
                           * Tolkien"; not "... in the U.S. Clinton said", "a blow to the
                           * A.N.C. Mandela said", "à la C.I.A. Il précise" */
            /* dotted abbreviation like U.S. or a.m. */
            if (memchr(w, '.', wl) && wl <= 6 && !is_upper(first))
                return 0;
            if (first >= '0' && first <= '9' && in_list(num_abbrevs, w, wl))
                return 0;
            /* before a dash or a bracket; before a word only on a chronology's
             * line, which the day opens ("28 dic. Los jueces ..."; not "le vote a eu
             * lieu le 3 déc. Le résultat ...") */
            int dash = c == '-' || c == '(' || c == 0x2013;
            if (((in_list(day_months, w, wl) && (dash || day_opens_line(s, seg_start, ws))) ||
                 (in_list(day_months_names, w, wl) && dash)) &&
                day_before_word(s, seg_start, ws))
                return 0;
            if (is_abbrev(w, wl, lang)) {
                /* "No. 5", "Mr. Smith": not an end. Month abbrevs: not an end
                 * before a number. Others (etc., Inc.) end only before a capital
                 * that starts a clear new sentence: keep together. */
                return 0;
            }
        }
    }
    if (is_upper(first) || (first >= '0' && first <= '9') || is_opener(c) || first == 0xA9)
        return 1;
    if (first == 0x201C || first == '"' || first == 0xAB)
        return 1;
    return 0;
}

chr_err chr_split_sentences(const char *s, size_t len, const char *lang, chr_span **out, size_t *n)
{
    chr_span *v = NULL;
    size_t nv = 0, cap = 0;
    size_t seg = 0, i = 0;
    size_t line_start = 0;
    *out = NULL;
    *n = 0;
    while (i < len) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\n') {
            /* paragraph break: blank line(s) */
            size_t eol;
            size_t after = i + 1;
            int para = line_is_blank(s, len, after, &eol);
            /* a short line without final punctuation followed by a new line is
             * a heading or a standalone fragment */
            size_t le = i;
            while (le > line_start && (s[le - 1] == ' ' || s[le - 1] == '\r' || s[le - 1] == '\t'))
                le--;
            int heading = 0;
            if (!para && le > line_start) {
                unsigned char last = (unsigned char)s[le - 1];
                size_t ll = le - line_start;
                int terminal = strchr(".!?:;,", last) != NULL || last >= 0x80;
                if (!terminal && ll < 60 && seg == line_start)
                    heading = 1;
                /* a list's lines: before a line that opens with a list
                 * marker ("Fechas clave:\n- 26 de febrero: ..."; not after
                 * any colon: "a déclaré mardi :\n« ... »" is one sentence) */
                size_t lm = after;
                while (lm < len && (s[lm] == ' ' || s[lm] == '\t'))
                    lm++;
                if (chr_list_marker(s + lm, len - lm) || chr_lower_stamp(s + lm, len - lm))
                    heading = 1; /* (or a live report's post: "ora 10:05 - ...") */
            }
            if (para || heading) {
                chr_err e = push_span(&v, &nv, &cap, s, seg, i);
                if (e) {
                    free(v);
                    return e;
                }
                seg = i + 1;
            }
            i++;
            line_start = i;
            continue;
        }
        if (ch == '.' || ch == '!' || ch == '?' ||
            (ch == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0xA6)) {
            size_t term = i;
            size_t j = i;
            /* run of terminators, then closers */
            for (;;) {
                if (j < len && (s[j] == '.' || s[j] == '!' || s[j] == '?')) {
                    j++;
                    continue;
                }
                if (j + 2 < len && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
                    (unsigned char)s[j + 2] == 0xA6) {
                    j += 3;
                    continue;
                }
                break;
            }
            for (;;) {
                size_t nx;
                if (j >= len)
                    break;
                int32_t c = decode_at(s, len, j, &nx);
                if (!is_closer(c))
                    break;
                j = nx;
            }
            /* decimal numbers: 3.5 — no whitespace after, handled by ends_sentence */
            if (ends_sentence(s, len, seg, term, j, lang)) {
                chr_err e = push_span(&v, &nv, &cap, s, seg, j);
                if (e) {
                    free(v);
                    return e;
                }
                seg = j;
            }
            i = j;
            continue;
        }
        i++;
    }
    chr_err e = push_span(&v, &nv, &cap, s, seg, len);
    if (e) {
        free(v);
        return e;
    }
    *out = v;
    *n = nv;
    return CHR_OK;
}

/* ---- tokens ------------------------------------------------------------ */

chr_err chr_tokenize(const char *s, size_t len, chr_token **out, size_t *n)
{
    chr_token *v = NULL;
    size_t nv = 0, cap = 0;
    size_t i = 0;
    *out = NULL;
    *n = 0;
    while (i < len) {
        size_t nx;
        int32_t c = decode_at(s, len, i, &nx);
        if (is_space_cp(c) || c == 0x200B) {
            i = nx;
            continue;
        }
        size_t st = i;
        chr_tok_kind kind;
        if (c >= '0' && c <= '9') {
            kind = CHR_TOK_NUMBER;
            i = nx;
            while (i < len) {
                int32_t d = decode_at(s, len, i, &nx);
                if (d >= '0' && d <= '9') {
                    i = nx;
                    continue;
                }
                if ((d == '.' || d == ',' || d == ':') && nx < len && s[nx] >= '0' &&
                    s[nx] <= '9') {
                    i = nx;
                    continue;
                }
                break;
            }
            /* ordinal suffix or unit glued to the number: 19th, 5pm */
            while (i < len) {
                int32_t d = decode_at(s, len, i, &nx);
                if (!is_letter(d))
                    break;
                i = nx;
            }
        } else if (is_letter(c)) {
            kind = CHR_TOK_WORD;
            i = nx;
            while (i < len) {
                int32_t d = decode_at(s, len, i, &nx);
                if (is_letter(d) || (d >= '0' && d <= '9') ||
                    utf8proc_category(d) == UTF8PROC_CATEGORY_MN ||
                    utf8proc_category(d) == UTF8PROC_CATEGORY_MC) {
                    i = nx;
                    continue;
                }
                /* inner apostrophe or hyphen: don't, Russo-Chinese, l'homme */
                if ((d == '\'' || d == 0x2019 || d == '-') && nx < len) {
                    size_t nn;
                    int32_t e = decode_at(s, len, nx, &nn);
                    if (is_letter(e)) {
                        i = nx;
                        continue;
                    }
                }
                /* dotted abbreviation: U.S. */
                if (d == '.' && nx < len) {
                    size_t nn;
                    int32_t e = decode_at(s, len, nx, &nn);
                    if (is_letter(e) && nn < len && s[nn] == '.') {
                        i = nx;
                        continue;
                    }
                    if (i - st == 1 || memchr(s + st, '.', i - st)) {
                        /* "U.S." final dot, or initial "J." */
                        if (i - st <= 5 && is_upper(decode_at(s, len, st, &nn))) {
                            i = nx;
                            break;
                        }
                    }
                }
                break;
            }
        } else {
            utf8proc_category_t cat = utf8proc_category(c);
            kind = (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO) || c < 128
                       ? CHR_TOK_PUNCT
                       : CHR_TOK_SYMBOL;
            i = nx;
        }
        if (nv == cap) {
            size_t nc = cap ? cap * 2 : 64;
            chr_token *nt = realloc(v, nc * sizeof *nt);
            if (!nt) {
                free(v);
                return CHR_ENOMEM;
            }
            v = nt;
            cap = nc;
        }
        v[nv++] = (chr_token){st, i, kind};
    }
    *out = v;
    *n = nv;
    return CHR_OK;
}

/* ---- language ---------------------------------------------------------- */

/* The languages chronicle expects in news. The models ship with
 * libexttextcat-data; a small fixed set keeps classification fast and
 * avoids confusions with rare languages. */
static const char *const lang_models[] = {"en", "fr", "es", "it", "de", "pt", "ru",
                                          "nl", "ca", "ro", "pl", "sv", NULL};
#define TEXTCAT_DIR "/usr/share/libexttextcat/"

static pthread_once_t tc_once = PTHREAD_ONCE_INIT;
static void *tc_handle;
static pthread_mutex_t tc_lock = PTHREAD_MUTEX_INITIALIZER;

static void tc_init(void)
{
    char path[] = "/tmp/chronicle-textcat-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        unlink(path);
        return;
    }
    for (const char *const *l = lang_models; *l; l++)
        fprintf(f, "%s.lm %s--utf8\n", *l, *l);
    fclose(f);
    tc_handle = special_textcat_Init(path, TEXTCAT_DIR);
    unlink(path);
}

/* Fast path: the most frequent function words of each language. A text
 * whose first kilobytes clearly favour one language (many hits, twice the
 * runner-up) is decided without n-gram profiles; others go to textcat. */
static const struct {
    const char *lang;
    const char *words; /* space-separated, lower case */
} stop_sets[] = {
    {"en", " the of and to in is that for on with was as by it at from his has have are were "},
    {"fr", " le la les des et est une dans du que pour sur au qui pas par avec sont ont aux "},
    {"es", " el la los las de del que en y por con para una es se al como fue sus "},
    {"it", " il di che la del della le per una con non sono nel alla gli dei delle "},
    {"de", " der die und den das von mit ist ein eine nicht sich des auf dem im zu "},
    {"pt", " de que do da em os para com uma no na por mais as dos das foi "},
    {"nl", " de het een van en in is op dat met voor zijn niet aan ook bij "},
};
#define N_STOP_SETS (sizeof stop_sets / sizeof stop_sets[0])
/* Catalan shares most function words with Spanish, French and Italian: its
 * own (ASCII) ones in numbers send the text to textcat, which has a model. */
/* Catalan's own everyday words (ASCII ones: the guess skips the others),
 * which Spanish and Italian do not write; not "als" (German). A Catalan
 * wire story need not hold any of the first eight ("va descarrilar ahir a
 * l'estacio ... fins dilluns"). */
static const char ca_words[] = " els dels pel pels amb seva seves aquest aquesta aquests aquestes "
                               "hi ahir avui fins molt sense perque tambe doncs segons abans "
                               "altres havia tots totes ara encara ells elles aquell aquella "
                               "dilluns dimarts dimecres dijous divendres dissabte diumenge "
                               "gener febrer juliol agost setembre novembre desembre ";

/* The stop sets as one hash table: a word of up to 8 ASCII letters, packed
 * into a uint64_t, to the bit set of the lists that hold it (bit l: stop set
 * l, bit CA_BIT: ca_words). One lookup a word instead of a strstr in each
 * list, which was 3% of ingest. */
#define CA_BIT N_STOP_SETS
#define STOP_SLOTS 512 /* a power of two, well above the ~170 words */
static struct {
    uint64_t key; /* 0: empty */
    uint32_t sets;
} stop_tab[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static size_t stop_slot(uint64_t key)
{
    size_t h = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 55) & (STOP_SLOTS - 1);
    while (stop_tab[h].key && stop_tab[h].key != key)
        h = (h + 1) & (STOP_SLOTS - 1);
    return h;
}

static void stop_add(const char *words, uint32_t bit)
{
    for (const char *p = words; *p;) {
        while (*p == ' ')
            p++;
        uint64_t key = 0;
        size_t k = 0;
        for (; p[k] && p[k] != ' '; k++)
            if (k < 8)
                key |= (uint64_t)(unsigned char)p[k] << (8 * k);
        if (k > 0 && k <= 8) {
            size_t h = stop_slot(key);
            stop_tab[h].key = key;
            stop_tab[h].sets |= 1u << bit;
        }
        p += k;
    }
}

static void stop_init(void)
{
    for (size_t l = 0; l < N_STOP_SETS; l++)
        stop_add(stop_sets[l].words, (uint32_t)l);
    stop_add(ca_words, CA_BIT);
}

/* Hits of text[0..n)'s short ASCII words in each stop set (hits), in
 * ca_words (*ca); *words counts the words of up to six letters, up to
 * max_words (where counting stops). */
static void stop_hits(const char *text, size_t n, int hits[N_STOP_SETS], int *ca, int *words,
                      int max_words)
{
    pthread_once(&stop_once, stop_init);
    memset(hits, 0, N_STOP_SETS * sizeof *hits);
    *ca = *words = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && !isalpha((unsigned char)text[i]))
            i++;
        size_t st = i;
        while (i < n && (isalpha((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80))
            i++;
        size_t wl = i - st;
        if (wl == 0 || wl > 6)
            continue;
        if (++*words >= max_words)
            return;
        uint64_t key = 0;
        int ascii = 1;
        for (size_t k = 0; k < wl; k++) {
            unsigned char c = (unsigned char)text[st + k];
            ascii &= c < 0x80;
            key |= (uint64_t)(unsigned char)tolower(c) << (8 * k);
        }
        if (!ascii)
            continue;
        uint32_t sets = stop_tab[stop_slot(key)].sets;
        for (size_t l = 0; l < N_STOP_SETS; l++)
            hits[l] += (int)(sets >> l & 1);
        *ca += (int)(sets >> CA_BIT & 1);
    }
}

static int stopword_guess(const char *text, size_t n, char lang[8], double *conf)
{
    int hits[N_STOP_SETS], words, ca;
    stop_hits(text, n, hits, &ca, &words, INT_MAX);
    size_t best = 0, second = 1;
    if (hits[second] > hits[best]) {
        best = 1;
        second = 0;
    }
    for (size_t l = 2; l < N_STOP_SETS; l++) {
        if (hits[l] > hits[best]) {
            second = best;
            best = l;
        } else if (hits[l] > hits[second]) {
            second = l;
        }
    }
    if (words >= 30 && hits[best] >= 8 && hits[best] >= 2 * hits[second] &&
        hits[best] * 8 >= words && !(ca >= 3 && ca * 6 >= hits[best])) {
        strcpy(lang, stop_sets[best].lang);
        *conf = 0.95;
        return 1;
    }
    return 0;
}

/* Words that one Romance language writes and the others (and English) do
 * not: function words, auxiliaries, "yesterday", "today". A short text's
 * n-gram guess is often a neighbour's (an Italian sentence read as Spanish
 * or Catalan), and these settle it (recheck_romance). */
static const struct {
    const char *lang, *words;
} own_words[] = {
    {"it", " il gli della delle degli dello dei nel nella nelle negli alla alle agli sul sulla "
           "dal dalla dalle che sono stato stata stati hanno anche questo questa quello quella "
           "più città ieri oggi domani scorso scorsa prossimo prossima dopo perché ancora sarà "
           "essere tra fra già mentre "
           "lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio aprile "
           "maggio giugno luglio settembre ottobre dicembre è "},
    {"es",
     " los las y muy pero sus estos estas fue según ayer hoy hubo también hasta donde "
     "cuando pasado después mañana años año dijo nuestra nuestro nuestros nuestras hay ya sin "
     "mientras gobierno ciudad "
     "lunes martes miércoles jueves viernes enero febrero mayo junio julio septiembre octubre "
     "noviembre diciembre anteayer "},
    {"pt", " não os do dos das em na nos nas ao aos uma foi são também ontem hoje pelo pela "
           "pelos pelas após disse estão depois até onde enquanto já muito "
           "feira janeiro fevereiro março maio junho julho setembro outubro dezembro "},
    {"ca", " els dels pel pels amb seva seves aquest aquesta aquests aquestes hi ahir avui fins "
           "molt sense perquè també doncs més és "
           "dilluns dimarts dimecres dijous divendres dissabte diumenge gener febrer març maig "
           "juny juliol desembre "},
    {"ro", " și şi în cu pe din că fost sunt ieri azi această acest pentru după nu ale lui unei "
           "unui sau dar "
           "luni marți marţi miercuri joi vineri sâmbătă duminică ianuarie februarie martie "
           "aprilie iunie iulie septembrie octombrie noiembrie decembrie "},
    {"en", " the of and to for with from after says said its have were this that into are "
           "than about against "},
    {"fr", " des du et est dans pour une sur pas ont été hier selon leur leurs aux ces cette mais "
           "depuis avait "
           "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril juin "
           "juillet août septembre octobre décembre "},
};
#define N_OWN (sizeof own_words / sizeof own_words[0])

/* The word (letters, or any UTF-8 byte) at or after byte i of text[0..n):
 * its start in *st; returns its end (n when none is left). */
static size_t next_letters(const char *text, size_t n, size_t i, size_t *st)
{
    while (i < n && !isalpha((unsigned char)text[i]) && (unsigned char)text[i] < 0x80)
        i++;
    *st = i;
    while (i < n && (isalpha((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80))
        i++;
    return i;
}

/* w = " word " in lower case, for a search in a space-separated list; n
 * at most 12. */
static void padded_word(const char *word, size_t n, char w[16])
{
    w[0] = ' ';
    for (size_t k = 0; k < n; k++)
        w[k + 1] = (char)tolower((unsigned char)word[k]);
    w[n + 1] = ' ';
    w[n + 2] = '\0';
}

/* The own_words language whose own ending word w[0..n) has ("revolución",
 * "rivoluzione", "revolução", "revolucions", "calificó"; not Catalan's
 * "-ció": Spanish "anunció"), or -1. */
static int own_suffix(const char *w, size_t n)
{
    static const struct {
        const char *end, *lang;
    } ends[] = {{"ci\xc3\xb3n", "es"},
                {"ciones", "es"},
                {"zione", "it"},
                {"zioni", "it"},
                {"\xc3\xa7\xc3\xa3o", "pt"},
                {"\xc3\xa7\xc3\xb5"
                 "es",
                 "pt"},
                {"cions", "ca"}};
    const char *lang = NULL;
    for (size_t e = 0; e < sizeof ends / sizeof ends[0] && !lang; e++) {
        size_t k = strlen(ends[e].end);
        if (n > k + 1 && !memcmp(w + n - k, ends[e].end, k))
            lang = ends[e].lang;
    }
    /* Spanish preterites, a consonant before the final "ó" ("calificó",
     * "llamó"; Catalan writes "-ió", "raó", Portuguese "-ou") */
    if (!lang && n >= 5 && !memcmp(w + n - 2, "\xc3\xb3", 2) && isalpha((unsigned char)w[n - 3]) &&
        !strchr("aeiouAEIOU", w[n - 3]) && !isupper((unsigned char)w[0]))
        lang = "es"; /* (not the names "Castelló", "Aragó") */
    for (size_t l = 0; lang && l < N_OWN; l++)
        if (!strcmp(own_words[l].lang, lang))
            return (int)l;
    return -1;
}

/* A short text (under 30 words) that textcat put in a Romance language, or
 * in English, goes to the Romance language whose own words it holds most
 * (a word of three bytes or more counting two, a shorter one one when
 * short_words > 0, else none; with short_words < 0 only words of five
 * bytes or more count): more
 * than any other's, twice those of the language guessed, and at least 4
 * (2, one word, when no other language has any; 1 when Catalan was guessed
 * and none of its words is there). A longer one (its first 400 words) only
 * when they are three times those of the guess and twice any other's. */
static void recheck_romance(const char *text, size_t n, char lang[8], int short_words)
{
    int hits[N_OWN] = {0}, words = 0;
    for (size_t i = 0, st; i < n;) {
        i = next_letters(text, n, i, &st);
        if (i == st)
            continue;
        if (++words >= 400)
            break;
        /* (the endings first: "manifestazione", "manifestaciones" are
         * longer than any own word) */
        int s = own_suffix(text + st, i - st);
        if (s >= 0)
            hits[s] += 2;
        if (i - st > 12)
            continue;
        char w[16];
        padded_word(text + st, i - st, w);
        /* a word of three bytes or more says more than "il", "os", "em"
         * (five or more after a guess of German or Dutch, whose "des",
         * "hier", "das" the lists hold: short_words < 0) */
        int weight = i - st >= (short_words < 0 ? 5 : 3) ? 2 : short_words > 0;
        for (size_t l = 0; l < N_OWN && weight; l++)
            hits[l] += strstr(own_words[l].words, w) ? weight : 0;
    }
    size_t best = 0;
    int second = 0, guessed = 0;
    for (size_t l = 1; l < N_OWN; l++)
        if (hits[l] > hits[best])
            best = l;
    for (size_t l = 0; l < N_OWN; l++) {
        if (l != best && hits[l] > second)
            second = hits[l];
        if (!strcmp(own_words[l].lang, lang))
            guessed = hits[l];
    }
    if (words >= 30) {
        /* a longer text: the n-gram guess stands unless the function words
         * say another language thrice as often ("Prima pagina · Italia ·
         * Mondo ..." over an Italian article was read as Catalan) */
        if (hits[best] >= 12 && hits[best] >= 3 * guessed && hits[best] >= 2 * second)
            strcpy(lang, own_words[best].lang);
        return;
    }
    int need = !strcmp(lang, "en") ? 4 : second ? 4 : 2;
    if (!strcmp(lang, "ca") && !guessed)
        need = 1; /* Catalan that writes none of its own words is not */
    if (hits[best] >= need && hits[best] > second && hits[best] >= 2 * guessed)
        strcpy(lang, own_words[best].lang);
}

/* Whether percent % of text[0..n)'s words (two letters or more, three
 * words at least) are English dictionary words (chr_en_word; a word with a
 * letter outside ASCII is none): "Colorado pot taxes generate millions",
 * "Stocks slip slightly". A Romance sentence shares its short words ("la",
 * "de") and some nouns with English, rarely three in four of its words. */
static int english_words(const char *text, size_t n, int percent)
{
    if (!chr_en_words_n)
        return 0;
    int words = 0, known = 0;
    for (size_t i = 0, st; i < n;) {
        i = next_letters(text, n, i, &st);
        if (i - st < 2)
            continue;
        words++;
        int ascii = 1;
        for (size_t k = st; k < i && ascii; k++)
            ascii = (unsigned char)text[k] < 0x80;
        known += ascii && chr_en_word(chr_en_hash(text + st, i - st));
    }
    return words >= 3 && known * 100 >= words * percent;
}

/* A short text (under 30 words of up to six letters) is English when nine
 * in ten of its words are English dictionary words (english_words), three
 * in four when textcat found English as likely as its first guess (among
 * its k candidates); with English among those, also when it holds more
 * English words (function words, auxiliaries,
 * the commonest headline verbs and adjectives) than words of any other stop
 * set, and no Catalan ones: "Stocks fall on weak China export data"
 * (Romanian first), "UK's first bitcoin machine opens in London cafe"
 * (Romanian first). n-gram profiles of a headline's few words are near
 * ties. Not "Metro-North track worker killed in Harlem": "in" is Dutch too,
 * and it stays German. */
static void recheck_english(const char *text, size_t n, const candidate_t *cands, int k,
                            char lang[8])
{
    static const char en_words[] =
        " the of and to in is on at by as for with from after over into about against amid "
        "says said its his her their our your you who what how why when will would could "
        "should can cannot not but be been has have had were was are this that than more "
        "most new first up out off down gets get sees set makes make ";
    if (!strcmp(lang, "en"))
        return;
    int en = 0;
    for (int i = 0; i < k && !en; i++)
        en = !strncmp(cands[i].name, "en-", 3) || !strcmp(cands[i].name, "en");
    int hits[N_STOP_SETS], words, ca, own = 0;
    stop_hits(text, n, hits, &ca, &words, 30);
    if (words >= 30)
        return;
    if (english_words(text, n, en ? 75 : 90)) {
        strcpy(lang, "en");
        return;
    }
    if (!en || ca > 0)
        return;
    for (size_t i = 0; i < n;) {
        while (i < n && !isalpha((unsigned char)text[i]))
            i++;
        size_t st = i;
        while (i < n && isalpha((unsigned char)text[i]))
            i++;
        if (i == st || i - st > 8)
            continue;
        char w[16];
        padded_word(text + st, i - st, w);
        own += strstr(en_words, w) != NULL;
    }
    if (own == 0)
        return;
    for (size_t l = 1; l < N_STOP_SETS; l++)
        if (hits[l] >= own)
            return;
    strcpy(lang, "en");
}

/* A copy of text[0..n) with its ASCII capitals lowered when it is written
 * in title case (of its words of four letters or more, three at least and
 * four in five capitalised: "Neil Young Will Unveil His Pono Tomorrow"):
 * n-gram profiles read capitals as German nouns. NULL otherwise (or on
 * OOM: the text is then classified as written). */
static char *title_case_lowered(const char *text, size_t n)
{
    int words = 0, caps = 0;
    for (size_t i = 0, st; i < n;) {
        i = next_letters(text, n, i, &st);
        if (i - st < 4)
            continue;
        words++;
        caps += isupper((unsigned char)text[st]) != 0;
    }
    if (words < 3 || caps * 5 < words * 4)
        return NULL;
    char *c = malloc(n + 1);
    if (!c)
        return NULL;
    for (size_t i = 0; i < n; i++)
        c[i] = (char)tolower((unsigned char)text[i]);
    c[n] = '\0';
    return c;
}

int chr_catalan_words(const char *text, size_t len)
{
    int hits[N_STOP_SETS], ca, words;
    stop_hits(text, len < 2000 ? len : 2000, hits, &ca, &words, INT_MAX);
    return ca;
}

/* A Romanian text read as a neighbour's: "ș", "ț" (comma below or cedilla)
 * and "ă" are Romanian's own, two of them in words that open in lower
 * case ("Piața", "Ceaușescu" are names; "împlinește", "și" not). */
static void romanian_letters(const char *text, size_t n, char lang[8])
{
    if (strcmp(lang, "ro") && strcmp(lang, "tr")) {
        int own = 0;
        for (size_t i = 0; i + 1 < n; i++) {
            unsigned char a = (unsigned char)text[i], b = (unsigned char)text[i + 1];
            if ((a == 0xC8 && (b == 0x99 || b == 0x9B)) ||
                (a == 0xC5 && (b == 0x9F || b == 0xA3)) || (a == 0xC4 && b == 0x83)) {
                size_t w = i, nx;
                while (w > 0 &&
                       (isalpha((unsigned char)text[w - 1]) || (unsigned char)text[w - 1] >= 0x80))
                    w--;
                own += !is_upper(decode_at(text, n, w, &nx)); /* "și", "împlinește" */
            }
        }
        if (own >= 2)
            strcpy(lang, "ro");
    }
}

double chr_detect_language(const char *text, size_t len, char lang[8])
{
    strcpy(lang, "en");
    if (len < 8)
        return 0.0;
    double fast;
    if (stopword_guess(text, len < 2000 ? len : 2000, lang, &fast)) {
        romanian_letters(text, len < 2000 ? len : 2000, lang);
        return fast;
    }
    pthread_once(&tc_once, tc_init);
    if (!tc_handle)
        return 0.0;
    /* A few kilobytes decide; cut at a character boundary. */
    size_t n = len < 1500 ? len : 1500;
    while (n > 0 && n < len && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    char *lowered = title_case_lowered(text, n);
    pthread_mutex_lock(&tc_lock);
    candidate_t *cands = textcat_GetClassifyFullOutput(tc_handle);
    int k = cands ? textcat_ClassifyFull(tc_handle, lowered ? lowered : text, n, cands) : -1;
    double conf = 0.0;
    if (k > 0) {
        char name[64];
        snprintf(name, sizeof name, "%s", cands[0].name);
        char *dash = strchr(name, '-');
        if (dash)
            *dash = 0;
        if (strlen(name) < 8)
            strcpy(lang, name);
        conf = k == 1 ? 0.95 : (k == 2 ? 0.7 : 0.5);
    }
    if (k > 0)
        recheck_english(text, n, cands, k, lang);
    if (cands)
        textcat_ReleaseClassifyFullOutput(tc_handle, cands);
    pthread_mutex_unlock(&tc_lock);
    free(lowered);
    /* a short text read as a neighbour's language: only among the
     * languages with own words (German "des", "hier" are French ones);
     * one textcat could not place ("La riunione è in programma giovedì a
     * Ginevra": no guess, English by default) by those words alone */
    if (k <= 0) {
        char own[8] = "";
        recheck_romance(text, n, own, 0); /* not "em" of "<em>Titanfall</em>" */
        if (own[0])
            strcpy(lang, own);
    } else {
        size_t l = 0;
        while (l < N_OWN && strcmp(lang, own_words[l].lang))
            l++;
        /* a short text read as a language without own words (German,
         * Dutch, Swedish) by a few n-grams: "La Tunisie vote dimanche." */
        recheck_romance(text, n, lang, l < N_OWN ? 1 : -1);
    }
    /* a short Portuguese text read as Catalan or Spanish: "ã" and "õ"
     * ("não", "ações") are Portuguese's own */
    if (!strcmp(lang, "ca") || !strcmp(lang, "es") || !strcmp(lang, "gl")) {
        int tilde = 0; /* in words that open in lower case: "São", "João" are names */
        for (size_t i = 0; i + 1 < n; i++)
            if ((unsigned char)text[i] == 0xC3 &&
                ((unsigned char)text[i + 1] == 0xA3 || (unsigned char)text[i + 1] == 0xB5)) {
                size_t w = i;
                while (w > 0 &&
                       (isalpha((unsigned char)text[w - 1]) || (unsigned char)text[w - 1] >= 0x80))
                    w--;
                tilde += w < i && islower((unsigned char)text[w]);
            }
        if (tilde >= 2)
            strcpy(lang, "pt");
    }
    romanian_letters(text, n, lang);
    return conf;
}

/* ---- headlines ------------------------------------------------------------ */

/* Words a cut headline does not end on: articles, prepositions,
 * conjunctions, relative pronouns (en, fr, es, it, pt). */
static int word_in(const char *w, size_t n, const char *const *list)
{
    for (const char *const *x = list; *x; x++)
        if (strlen(*x) == n && strncasecmp(w, *x, n) == 0)
            return 1;
    return 0;
}

static int cut_tail_word(const char *w, size_t n)
{
    static const char *const tail[] = {
        "and",     "or",   "to",  "a",    "an",   "the",   "of",  "in",  "on",  "for",  "with",
        "between", "by",   "at",  "from", "that", "which", "who", "et",  "ou",  "le",   "la",
        "les",     "un",   "une", "de",   "des",  "du",    "au",  "aux", "en",  "pour", "par",
        "avec",    "que",  "qui", "y",    "o",    "el",    "los", "las", "del", "al",   "con",
        "por",     "para", "e",   "il",   "lo",   "gli",   "di",  "da",  "per", "che",  "os",
        "as",      "do",   "dos", "das",  "na",   "com",   NULL};
    return word_in(w, n, tail);
}

/* A name's last word written twice ("Vladimir Putin Putin plans ..."), a
 * slip of the source, once: a capitalised word of three letters or more
 * right after itself, the two after another capitalised word. Not "Walla
 * Walla", "Baden Baden" after a lower-case word. In place. */
static void drop_doubled_name(char *h)
{
    char *prev = NULL, *prev2 = NULL; /* starts of the last two words */
    size_t prev_n = 0;
    for (char *p = h; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t wn = (size_t)(p - w);
        if (prev && prev2 && wn == prev_n && wn >= 3 && memcmp(w, prev, wn) == 0 &&
            isupper((unsigned char)*w) && isupper((unsigned char)*prev2)) {
            memmove(prev + prev_n, p, strlen(p) + 1); /* the second copy and its space */
            p = prev + prev_n;
            continue;
        }
        prev2 = prev;
        prev = w;
        prev_n = wn;
    }
}

#define HEADLINE_SLACK 3

char *chr_headline_cut(const char *t, size_t n, int max_words)
{
    size_t cut = n, clause = 0, at_max = 0;
    int words = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = isspace((unsigned char)t[i]);
        if (!sp && !in && ++words == max_words + 1)
            at_max = i;
        in = !sp;
        if (!clause && (t[i] == ',' || t[i] == ';' || t[i] == ':') && words >= 6 &&
            words <= max_words)
            clause = i;
    }
    /* a sentence a few words over is whole: cutting it would drop no more
     * than its last phrase ("... libra combates dentro de la ciudad") */
    int cut_short = words > max_words + HEADLINE_SLACK;
    if (cut_short)
        cut = clause ? clause : at_max;
    while (cut && (isspace((unsigned char)t[cut - 1]) || t[cut - 1] == '.'))
        cut--;
    while (cut_short && cut) {
        size_t b = cut;
        while (b && !isspace((unsigned char)t[b - 1]))
            b--;
        if (!b || !cut_tail_word(t + b, cut - b))
            break;
        cut = b;
        while (cut && isspace((unsigned char)t[cut - 1]))
            cut--;
    }
    char *h = malloc(cut + 4);
    if (!h)
        return NULL;
    memcpy(h, t, cut);
    memcpy(h + cut, cut_short ? "..." : "", cut_short ? 4 : 1);
    drop_doubled_name(h);
    return h;
}

/* Conjunctions that, first after a comma, open a clause of their own: the
 * clause before the comma stands alone ("..., as rescuers searched",
 * "..., but talks go on"). Not "who", "which": they follow a subject as
 * often. */
static const char *const adjunct_conj[] = {"as",      "while",    "but",      "although", "though",
                                           "whereas", "because",  "mientras", "alors",    "tandis",
                                           "mentre",  "enquanto", NULL};
/* Prepositions that, first after a comma, open an adjunct ("..., with
 * visits to Beijing", "..., after talks"), unless it is a parenthetical
 * (parenthetical_after). */
static const char *const adjunct_preps[] = {
    "with", "including", "after", "before", "amid",    "despite", "following",  "con",
    "tras", "pese",      "avec",  "après",  "malgré",  "dopo",    "nonostante", "com",
    "após", "apesar",    "up",    "down",   "against", NULL};
/* Verbs of an attribution: "..., officials said on Monday", "..., dijo el
 * ministro". */
static const char *const attribution_words[] = {
    "said",    "says",    "told",       "reported", "announced", "added",   "stated",   "dijo",
    "afirmó",  "declaró", "indicó",     "señaló",   "informó",   "déclaré", "affirmé",  "indiqué",
    "annoncé", "detto",   "dichiarato", "riferito", "disse",     "afirmou", "informou", NULL};
/* Prepositions of an attribution: "..., according to police", "..., selon
 * l'AFP". */
static const char *const attribution_preps[] = {"according", "según",   "selon",
                                                "secondo",   "segundo", NULL};
/* First words of what an attribution verb reports, not of its subject
 * ("..., it said it bought the stock": the clause goes on). */
static const char *const reported_words[] = {"that", "it",    "he",    "she", "they",
                                             "we",   "i",     "there", "its", "his",
                                             "her",  "their", "que",   "che", NULL};
/* Words that open an attribution's subject after its verb ("..., said a
 * spokesman", "..., dijo el ministro", "..., disse o ministro"). */
static const char *const subject_openers[] = {"the", "a",   "an",  "el", "la", "los", "las",
                                              "le",  "les", "il",  "lo", "o",  "os",  "un",
                                              "una", "um",  "uma", "l",  NULL};
/* Prepositions that open another adjunct after a parenthetical's comma
 * ("..., with an option for 25,000 tons more, to ...", "..., in large
 * part ..."): not the main clause. */
static const char *const adverbial_preps[] = {"in",   "at",    "on",   "from", "for", "by",
                                              "over", "under", "than", "en",   "de",  NULL};
/* Articles that open an apposition after a comma (apposition_after). */
static const char *const apposition_words[] = {"the", "a", "an", NULL};
/* Possessives: "as its new president" is no clause. */
static const char *const possessive_words[] = {"its", "his", "her", "their", "our", "my", NULL};
/* Words after a parenthetical's closing comma that go on with something
 * other than the main clause's verb ("..., including France, and ..."). */
static const char *const clause_words[] = {"and", "or", "but", "which", "who", "where",
                                           "y",   "et", "e",   "o",     "ou",  NULL};
/* First words of a leading adverbial phrase ("In a surprise move, ..."). */
static const char *const opener_words[] = {
    "In",        "On",        "At",    "After",   "Before",  "Despite", "Amid",
    "During",    "Following", "Under", "Since",   "Earlier", "Later",   "Last",
    "Meanwhile", "However",   "Tras",  "Después", "Durante", "Après",   "Lors",
    "Pendant",   "Dopo",      "Após",  NULL};

/* The word at t[*i..n) (spaces skipped), without trailing punctuation:
 * start and length; *i moves past it. 0 when none. */
static size_t next_word(const char *t, size_t n, size_t *i, size_t *start)
{
    while (*i < n && isspace((unsigned char)t[*i]))
        (*i)++;
    *start = *i;
    while (*i < n && !isspace((unsigned char)t[*i]))
        (*i)++;
    size_t e = *i;
    while (e > *start && strchr(".,;:!?\"')", t[e - 1]))
        e--;
    return e - *start;
}

/* Whether t[i] breaks a clause: a comma or a semicolon, not the comma of
 * a number ("1,270"). */
static int clause_break(const char *t, size_t n, size_t i)
{
    if (t[i] == ';')
        return 1;
    return t[i] == ',' && !(i > 0 && i + 1 < n && isdigit((unsigned char)t[i - 1]) &&
                            isdigit((unsigned char)t[i + 1]));
}

/* Whether the word at t[ws..ws+wl) is a participle ("marking", "excluding"). */
static int participle(const char *t, size_t ws, size_t wl)
{
    return wl >= 5 && islower((unsigned char)t[ws]) && memcmp(t + ws + wl - 3, "ing", 3) == 0;
}

/* Whether the clause after the break at t[i] is an attribution that ends
 * the sentence or its clause: its verb among the first ten words and at
 * most five words after it ("..., officials said on Monday"), a verb
 * first only before its subject ("..., said a spokesman", "..., dijo el
 * ministro"), or a preposition ("..., according to police"); not "...,
 * the department said hog numbers rose ...", "..., it said it bought
 * ...", "..., said these were false" (what it reports goes on), nor a
 * clause that a comma closes before more than a participle or an adjunct
 * ("..., Trunkline said, it is reducing ..."). */
static int attribution_after(const char *t, size_t n, size_t i)
{
    size_t j = i + 1, ws, wl;
    int verb = -1, after = 0, reported = 0;
    for (int k = 0; k < 16; k++) {
        wl = next_word(t, n, &j, &ws);
        if (!wl || (k >= 10 && verb < 0))
            break;
        if (verb < 0) {
            if (word_in(t + ws, wl, attribution_words))
                verb = k;
            else if (word_in(t + ws, wl, attribution_preps))
                return 1; /* "according to ...": the source, however long */
        } else if (verb >= 0 && ++after == 1) {
            reported = word_in(t + ws, wl, reported_words) ||
                       (wl > 3 && strncmp(t + ws, "qu'", 3) == 0) ||
                       (verb == 0 && !isupper((unsigned char)t[ws]) &&
                        !word_in(t + ws, wl, subject_openers));
        }
        if (j >= n || clause_break(t, n, j - 1)) { /* the clause ends */
            if (!(verb >= 0 && after <= 5 && !reported))
                return 0;
            if (j >= n || t[j - 1] == ';')
                return 1;
            size_t q = j, qs, ql = next_word(t, n, &q, &qs); /* after its comma */
            return !ql || participle(t, qs, ql) || word_in(t + qs, ql, adjunct_conj) ||
                   word_in(t + qs, ql, adjunct_preps);
        }
    }
    return 0;
}

/* Whether the adjunct or participle after the break at t[i] is a
 * parenthetical: a later comma is followed by the main clause's verb
 * ("Loans, excluding acceptances, fell ...", "The microprocessor,
 * measuring one centimetre, is ...", "A spokesman, commenting on rumours,
 * said ...": what comes before the break has no verb yet). A conjunction,
 * a relative pronoun or an attribution after a comma opens a clause of
 * its own first. */
static int parenthetical_after(const char *t, size_t n, size_t i)
{
    for (size_t c = i + 1; c < n; c++) {
        if (!clause_break(t, n, c))
            continue;
        if (t[c] == ';')
            return 0;
        size_t j = c + 1, ws, wl = next_word(t, n, &j, &ws);
        if (!wl || word_in(t + ws, wl, adjunct_conj) || word_in(t + ws, wl, clause_words))
            return 0;
        if (word_in(t + ws, wl, attribution_words))
            return 1; /* ", said ...": the main verb */
        if (attribution_after(t, n, c))
            return 0;
        if (islower((unsigned char)t[ws]) && !word_in(t + ws, wl, adjunct_preps) &&
            !word_in(t + ws, wl, adverbial_preps) && !participle(t, ws, wl))
            return 1; /* no adjunct opens here: the main clause goes on */
    }
    return 0;
}

/* Finite verbs that end in neither "-ed" nor "-s" (verb_like). */
static const char *const plain_verbs[] = {
    "is",    "are",  "was",   "were",   "has",     "have", "had",    "will",   "would", "may",
    "might", "can",  "could", "met",    "said",    "took", "found",  "made",   "won",   "lost",
    "led",   "held", "left",  "began",  "sent",    "set",  "put",    "hit",    "cut",   "rose",
    "fell",  "gave", "told",  "came",   "went",    "saw",  "struck", "shot",   "fled",  "sought",
    "kept",  "paid", "sold",  "bought", "brought", "got",  "ran",    "became", "chose", NULL};

/* Whether the lower-case word w[0..n) looks like a finite verb. */
static int verb_like(const char *w, size_t n)
{
    return islower((unsigned char)w[0]) &&
           ((n >= 4 && memcmp(w + n - 2, "ed", 2) == 0) || word_in(w, n, plain_verbs));
}

/* Words that open a relative clause inside a phrase ("the module that
 * had to be connected"). */
static const char *const relative_words[] = {"that", "who", "which", "whose", "whom", NULL};

/* Whether the phrase after the break at t[i] (opened by an article) is an
 * apposition that ends the sentence ("..., the latest tensions in a rare
 * area of cooperation.", "..., the first time in the league's history
 * that it will lose games") or its clause before an attribution that ends
 * it ("..., the Internet pioneer at the center of the suit, executives
 * said Sunday."): it names again what comes before; the news is there. */
static int apposition_after(const char *t, size_t n, size_t i)
{
    size_t j = i + 1, ws, wl;
    while ((wl = next_word(t, n, &j, &ws)) > 0) { /* no verb before a relative word */
        if (word_in(t + ws, wl, relative_words))
            break;
        if (verb_like(t + ws, wl))
            return 0; /* "..., the river flooded forty homes": a clause */
        if (j > ws + wl)
            break;
    }
    for (size_t c = i + 1; c < n; c++)
        if (clause_break(t, n, c))
            return t[c] == ',' && attribution_after(t, n, c);
    return 1;
}

/* Whether the words after the clause break at t[i] make what comes before
 * it a headline of its own: a clause of its own, an adjunct or a
 * participle ("..., marking the first visit") that is no parenthetical,
 * or an attribution that ends its clause (attribution_after). "as"
 * before a possessive or a participle is no conjunction ("named him, ...,
 * as its new president", "quoted him as saying"). */
static int droppable_after(const char *t, size_t n, size_t i)
{
    size_t j = i + 1, ws, wl = next_word(t, n, &j, &ws);
    if (!wl)
        return 0;
    if (word_in(t + ws, wl, adjunct_conj)) {
        size_t q = j, qs, ql = next_word(t, n, &q, &qs);
        return !(wl == 2 && strncasecmp(t + ws, "as", 2) == 0 &&
                 (!ql || participle(t, qs, ql) || word_in(t + qs, ql, possessive_words)));
    }
    if (word_in(t + ws, wl, adjunct_preps) || participle(t, ws, wl))
        return !parenthetical_after(t, n, i);
    if (word_in(t + ws, wl, apposition_words) && apposition_after(t, n, i))
        return 1;
    return attribution_after(t, n, i);
}

/* Whether t[0..n) has its quotation marks paired. */
static int quotes_paired(const char *t, size_t n)
{
    int dq = 0, open = 0, close = 0;
    for (size_t i = 0; i < n; i++) {
        dq += t[i] == '"';
        if (i + 2 < n && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80) {
            open += (unsigned char)t[i + 2] == 0x9C;
            close += (unsigned char)t[i + 2] == 0x9D;
        }
    }
    return dq % 2 == 0 && open == close;
}

/* Length of the headline chr_headline_clean keeps of t[0..n) (final stop
 * dropped), 0 when none. A comma before the sixth word may open an
 * apposition that a later one closes ("Ariel Sharon, the hawkish former
 * general tipped to be foreign minister, said ..."): no cut then, nor the
 * whole of t when lead says it follows a dropped phrase ("In Moscow,
 * Russia's capital, ..."). */
static size_t clean_length(const char *t, size_t n, int max_words, int lead)
{
    int words = 0, in = 0, early = 0;
    size_t cut = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = isspace((unsigned char)t[i]);
        if (!sp && !in)
            words++;
        in = !sp;
        if ((t[i] != ',' && t[i] != ';') || !clause_break(t, n, i))
            continue;
        if (words < 6)
            early = 1;
        else if (!early && !cut && words <= max_words + HEADLINE_SLACK && droppable_after(t, n, i))
            cut = i;
    }
    if (words <= max_words)
        cut = lead && early ? 0 : n;
    while (cut && isspace((unsigned char)t[cut - 1]))
        cut--;
    size_t lw = cut; /* a cut never ends on a function word ("... said that") */
    while (lw > 0 && !isspace((unsigned char)t[lw - 1]))
        lw--;
    if (cut < n && cut_tail_word(t + lw, cut - lw))
        return 0;
    return cut && quotes_paired(t, cut) ? cut : 0;
}

/* Whether the word w[0..n) opens a sentence with a participle phrase
 * ("Facing a court challenge, ...", "Struggling to meet ..."). */
static int participle_opener(const char *w, size_t n)
{
    return n >= 5 && isupper((unsigned char)w[0]) && memcmp(w + n - 3, "ing", 3) == 0;
}

/* Where the clause that an opening attribution reports starts ("Exiled
 * groups said Friday that Indonesian troops attacked ...": at
 * "Indonesian"): an attribution verb among the first twelve words, at most
 * two words ("Friday", "on Friday") and "that" after it, and no pronoun
 * next (what "it" is, the attribution said). 0 when none. */
static size_t reported_clause(const char *t, size_t n)
{
    size_t i = 0, ws, wl;
    for (int k = 0; k < 12 && (wl = next_word(t, n, &i, &ws)) > 0; k++) {
        if (t[i - 1] == ',' || t[i - 1] == ';')
            return 0; /* the attribution's subject is no plain phrase */
        if (!word_in(t + ws, wl, attribution_words))
            continue;
        for (int j = 0; j < 3 && (wl = next_word(t, n, &i, &ws)) > 0; j++)
            if (wl == 4 && memcmp(t + ws, "that", 4) == 0) {
                size_t q = i, qs, ql = next_word(t, n, &q, &qs);
                return i == ws + wl && ql && !word_in(t + qs, ql, reported_words) &&
                               !word_in(t + qs, ql, adjunct_conj)
                           ? qs
                           : 0; /* not "said that, although ...", "said that it ..." */
            }
        return 0;
    }
    return 0;
}

/* Prepositions that open an adverbial phrase a headline may end before
 * ("... found the heads of four foreigners Tuesday | along a highway ...");
 * not "of", "to", "by": they go on with what comes before. */
static const char *const phrase_preps[] = {
    "on",     "at",      "in",   "near",    "along",  "during", "after", "before",
    "amid",   "from",    "with", "against", "over",   "under",  "since", "until",
    "across", "through", "for",  "outside", "inside", NULL};
/* Length of the opening of t[0..n) that ends before a preposition (6 to
 * max_words words) and reads as a clause of its own: a verb after its
 * first two words, no comma or quotation before the cut, no clause left
 * open ("that", "who", "which", "when", "before", ...: "... advocate of
 * the party who has been in custody", "Shortly before the government filed
 * its suit" are no clause). The longest such; 0 when none. */
static size_t phrase_cut(const char *t, size_t n, int max_words)
{
    static const char *const open_words[] = {"that",     "who",   "whom",    "whose",   "which",
                                             "where",    "when",  "if",      "because", "while",
                                             "although", "as",    "whether", "before",  "after",
                                             "since",    "until", "unless",  NULL};
    /* a verb right after a modal wants what follows the cut ("will
     * discuss | with") */
    static const char *const modals[] = {"will",  "would", "can",    "could", "may",
                                         "might", "shall", "should", "must",  NULL};
    size_t i = 0, ws, wl, best = 0, prev_end = 0;
    int words = 0, verb = 0, after_modal = 0, modal = 0;
    while ((wl = next_word(t, n, &i, &ws)) > 0 && words <= max_words) {
        if (words >= 6 && verb && !after_modal && word_in(t + ws, wl, phrase_preps))
            best = prev_end;
        words++;
        if (word_in(t + ws, wl, open_words))
            break;
        if (words > 2 && verb_like(t + ws, wl))
            verb = 1;
        after_modal = modal;
        modal = word_in(t + ws, wl, modals);
        prev_end = ws + wl;
        if (i > ws + wl || strchr("\"'`", t[ws]))
            break; /* punctuation after the word, or a quotation */
    }
    if (best) {
        size_t lw = best;
        while (lw > 0 && !isspace((unsigned char)t[lw - 1]))
            lw--;
        if (cut_tail_word(t + lw, best - lw))
            best = 0;
    }
    return best;
}

chr_err chr_headline_clean(const char *t, size_t n, int max_words, char **out)
{
    *out = NULL;
    while (n && (isspace((unsigned char)t[n - 1]) || t[n - 1] == '.'))
        n--;
    size_t skip = 0, len = clean_length(t, n, max_words, 0);
    if (!len) { /* a leading adverbial phrase of at most ten words, dropped */
        size_t i = 0, ws, wl = next_word(t, n, &i, &ws);
        if (wl && (word_in(t + ws, wl, opener_words) || participle_opener(t + ws, wl))) {
            for (int k = 0; k < 9 && wl && t[i - 1] != ','; k++)
                wl = next_word(t, n, &i, &ws);
            size_t nws = 0, nwl = wl && t[i - 1] == ',' ? next_word(t, n, &i, &nws) : 0;
            /* not when a relative clause, a conjunction or a pronoun follows
             * ("Under the contract, which runs ...", "..., it said ..."): a
             * headline names what it tells of */
            if (nwl && !word_in(t + nws, nwl, clause_words) &&
                !word_in(t + nws, nwl, reported_words)) {
                skip = nws;
                len = clean_length(t + skip, n - skip, max_words, 1);
            }
        }
    }
    if (!len && (skip = reported_clause(t, n)) > 0)
        len = clean_length(t + skip, n - skip, max_words, 1);
    if (!len) {
        skip = 0;
        len = phrase_cut(t, n, max_words);
    }
    if (!len)
        return CHR_OK;
    char *h = malloc(len + 1);
    if (!h)
        return CHR_ENOMEM;
    memcpy(h, t + skip, len);
    h[len] = '\0';
    if (skip)
        h[0] = (char)toupper((unsigned char)h[0]);
    drop_doubled_name(h);
    *out = h;
    return CHR_OK;
}

char *chr_headline_make(const char *t, size_t n, int max_words)
{
    char *h = NULL;
    if (chr_headline_clean(t, n, max_words, &h) != CHR_OK)
        return NULL;
    return h ? h : chr_headline_cut(t, n, max_words);
}
