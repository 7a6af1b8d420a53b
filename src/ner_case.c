/* chronicle — entity: reading headline case. Owns the test for a sentence
 * in headline case and the swap of its ordinary words' token hashes to
 * their lower-case forms around decoding; not the model, the features or
 * the rules (which see the original words). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ner.h"
#include "text_int.h"

/* In "Neil Young To Unveil Pono Music Service And Device At Sxsw" every
 * word is capitalised, so capitals tell the English-trained model nothing
 * and it makes names of whole runs ("Want Some More Titanfall Videos",
 * ORG). Decoding with the words a dictionary has only in lower case
 * ("unveil", "music", "service", "device") given their lower-case form
 * reads the headline as running text would write it: "Neil Young to unveil
 * Pono music service and device at Sxsw". */

/* The words title case leaves in lower case (articles, conjunctions,
 * prepositions; name particles), by length: "Google Courting Cloud Apps
 * Users with Referral Program", "Bank of England Overhauls Oversight". */
static const char *const title_lower[7] = {
    "",
    " a ",
    " an as at by in of on or so to up vs de da di du la le al el ",
    " the and but nor for yet off per via von der bin del ",
    " with from into onto over upon amid than that near like till ",
    " about after under until ",
    " versus ",
};

static int title_lower_word(const ner_doc *d, size_t i)
{
    const ner_tok *t = &d->t[i];
    size_t n = t->end - t->start;
    if (n >= sizeof title_lower / sizeof *title_lower)
        return 0;
    for (const char *p = title_lower[n]; *p && p[1]; p += n + 1)
        if (!strncasecmp(p + 1, d->text + t->start, n))
            return 1;
    return 0;
}

/* Gazetteer categories that keep a word capitalised even when the
 * dictionary has it in lower case: "Google", "Bank of England" (any entry
 * of two words or more), "Ukrainian". Towns and regions named by ordinary
 * words ("Mobile", "Reading") do not; a given name does only before a word
 * that stays capitalised ("Will Smith", not "Will Lead"). */
#define KEEP_CATS                                                                                  \
    ((1u << GZ_COUNTRY) | (1u << GZ_BIGCITY) | (1u << GZ_ORG) | (1u << GZ_AGENCY) |                \
     (1u << GZ_GOVBODY) | (1u << GZ_COMPANY) | (1u << GZ_DEMONYM) | (1u << GZ_MISC))

/* Whether token i is part of a name the gazetteer knows (KEEP_CATS, or
 * any entry of two words or more). */
static int known_name(const ner_doc *d, size_t i)
{
    return ((d->gaz_b[i] | d->gaz_i[i]) & KEEP_CATS) || d->gaz_i[i] || d->gaz_len[i] > 1;
}

/* A word: letters only, not "48GB", "iPhone", "e-mail", "IBM", "U.S.", "'s". */
static int plain_word(const ner_tok *t)
{
    return (t->flags & NT_ALPHA) && !(t->flags & (NT_DIGIT | NT_MIXED | NT_HYPHEN | NT_PERIOD |
                                                  NT_APOS | NT_ALLUP | NT_CASELESS));
}

/* Auxiliaries, which the dictionary also has as names ("Will", "May",
 * "Be"): ordinary in a headline unless a name follows ("Will Smith"). */
static const char auxiliaries[] =
    " will may can could would should must shall might do does did is are was were be been "
    "being am has have had ";

/* Whether token i, lower-cased, is a word of list (" a b c "), whose
 * words have at most 13 letters. */
static int in_list(const ner_doc *d, size_t i, const char *list)
{
    const ner_tok *t = &d->t[i];
    size_t n = t->end - t->start;
    if (n > 13)
        return 0;
    char w[16];
    w[0] = ' ';
    for (size_t k = 0; k < n; k++)
        w[k + 1] = (char)(d->text[t->start + k] | 0x20);
    w[n + 1] = ' ';
    w[n + 2] = '\0';
    return strstr(list, w) != NULL;
}

static int auxiliary(const ner_doc *d, size_t i)
{
    return in_list(d, i, auxiliaries);
}

/* A word a headline may capitalise that running text writes in lower
 * case: the dictionary's lower-case words, title case's small words ("In",
 * "As", which the dictionary has capitalised as element symbols) and the
 * auxiliaries. */
static int lower_case_word(const ner_doc *d, size_t i)
{
    return chr_en_lower_word(d->t[i].lhash) || title_lower_word(d, i) || auxiliary(d, i);
}

int ner_headline_case(const ner_doc *d, size_t s0, size_t s1)
{
    int cap = 0, ord = 0;
    for (size_t i = s0 + 1; i < s1; i++) {
        const ner_tok *t = &d->t[i];
        if (!plain_word(t))
            continue;
        if (!(t->flags & NT_UPPER0)) {
            if (title_lower_word(d, i))
                continue;
            return 0; /* "Magna was up on the New York Stock Exchange" */
        }
        if (known_name(d, i))
            continue;
        cap++;
        ord += lower_case_word(d, i);
    }
    /* ordinary words must be half of the capitalised ones, two at least:
     * a line of names ("Mike Hulbert, Brian Henninger, Tiger Woods") or a
     * results table is capitalised throughout too */
    return chr_en_lower_n && cap >= 3 && ord >= 2 && ord * 2 >= cap;
}

/* Whether token i (InitCap, ASCII letters) is an ordinary word to read in
 * lower case. */
static int ordinary(const ner_doc *d, size_t i)
{
    const ner_tok *t = &d->t[i];
    if (t->shape != SH_INITCAP || (t->flags & (NT_DIGIT | NT_HYPHEN | NT_PERIOD | NT_APOS)))
        return 0;
    for (size_t k = t->start; k < t->end; k++)
        if ((unsigned char)d->text[k] >= 0x80)
            return 0;
    return !known_name(d, i) && lower_case_word(d, i);
}

/* Whether token i (ASCII) is a verb's -s form: "Joins", "Leads", "Says"
 * (its stem is a dictionary word). */
static int verb_s(const ner_doc *d, size_t i)
{
    const ner_tok *t = &d->t[i];
    size_t n = t->end - t->start;
    char w[40];
    if (n < 4 || n > sizeof w || (d->text[t->end - 1] | 0x20) != 's')
        return 0;
    for (size_t k = 0; k + 1 < n; k++)
        w[k] = (char)(d->text[t->start + k] | 0x20);
    return chr_en_lower_word(chr_en_hash(w, n - 1));
}

/* Whether token i, a dictionary word, is a surname: right after a given
 * name that opens a name ("Elon Musk", "Angela Merkel"; not "Will Smith
 * Joins", "Rose Leads Masters", "Jordan Says", a country) and no verb. */
static int surname(const ner_doc *d, size_t s0, size_t i)
{
    const ner_tok *g = &d->t[i - 1];
    return (d->gaz_1[i - 1] & (1u << GZ_FIRSTNAME)) && g->shape == SH_INITCAP &&
           (i - 1 == s0 || !(d->t[i - 2].flags & NT_UPPER0)) && !known_name(d, i - 1) &&
           !auxiliary(d, i - 1) && (i - 1 == s0 || !ordinary(d, i - 1)) && !verb_s(d, i);
}

size_t ner_case_apply(ner_doc *d, const char *lang, ner_case_saved *saved)
{
    if ((lang && *lang && strncmp(lang, "en", 2) != 0) || !chr_en_lower_n)
        return 0;
    for (size_t k = 0; k < d->nsent; k++)
        d->headline[k] =
            (uint8_t)(!d->allcaps[k] && ner_headline_case(d, d->sent0[k], d->sent0[k + 1]));
    static const char x[] = "x";
    uint64_t lower_shape = ner_fnv(NER_FNV_INIT, x, 1);
    size_t ns = 0;
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s0 = d->sent0[k], s1 = d->sent0[k + 1];
        if (!d->headline[k])
            continue;
        /* the sentence's first word stays: running text capitalises it too */
        for (size_t i = s0 + 1; i < s1; i++) {
            if (!ordinary(d, i))
                continue;
            if ((d->gaz_1[i] & (1u << GZ_FIRSTNAME) || auxiliary(d, i)) && i + 1 < s1 &&
                d->t[i + 1].shape == SH_INITCAP && !ordinary(d, i + 1))
                continue; /* "Will Smith", "May Mobility" */
            if (surname(d, s0, i))
                continue;
            ner_tok *t = &d->t[i];
            saved[ns].tok = i;
            saved[ns].ehash = t->ehash;
            saved[ns].shash = t->shash;
            saved[ns].flags = t->flags;
            saved[ns].shape = t->shape;
            ns++;
            t->ehash = t->lhash; /* ASCII: the folded form is the lower-case one */
            t->shash = lower_shape;
            t->shape = SH_LOWER;
            t->flags = (uint16_t)((t->flags & ~NT_UPPER0) | NT_LOWER0);
        }
    }
    return ns;
}

void ner_case_restore(ner_doc *d, const ner_case_saved *saved, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        ner_tok *t = &d->t[saved[k].tok];
        t->ehash = saved[k].ehash;
        t->shash = saved[k].shash;
        t->flags = saved[k].flags;
        t->shape = saved[k].shape;
    }
}

/* Capitalised words that name no entity: the calendar's. */
static const char calendar_words[] =
    " january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday ";

/* Words after a headline's first name that tell its type: what people do
 * ("Snowden Says", "Beyonce Wants"), what companies do ("Netflix Shares",
 * "Sbarro Files", "Walmart Raises"; not "launches", which games and phones
 * do too: "Titanfall Launches At 792p"). */
static const char person_next[] =
    " says said tells told urges slams blasts admits denies wants apologizes apologises vows "
    "insists jokes dies marries weds speaks testifies resigns quits sings ";
static const char company_next[] =
    " shares stock profit profits earnings revenue revenues sales files agrees buys acquires "
    "sells recalls unveils cuts slashes raises hires lays beats misses posts invests "
    "shuts expands settles ";

int ner_case_first_name(const ner_doc *d, size_t s0, size_t s1, int headline)
{
    if (!chr_en_lower_n || s0 + 1 >= s1)
        return -1;
    const ner_tok *t = &d->t[s0], *next = &d->t[s0 + 1];
    size_t n = t->end - t->start;
    if (!headline || n < 3 || n > 20 || t->shape != SH_INITCAP || !plain_word(t) ||
        next->shape != SH_LOWER || !(next->flags & NT_ALPHA) || title_lower_word(d, s0 + 1) ||
        (d->gaz_1[s0] & (1u << GZ_FIRSTNAME)))
        return -1; /* "Procter and Gamble" */
    /* a word the dictionary lacks, only in headline case: elsewhere they
     * are spellings and abbreviations ("Organisers", "Shr") */
    if (!chr_en_proper_word(t->lhash) && (chr_en_word(t->lhash) || headline < 2))
        return -1; /* an ordinary word: "Strong winds", "Shares of" */
    if (in_list(d, s0, calendar_words))
        return -1;
    if (in_list(d, s0 + 1, person_next))
        return CHR_ENT_PER;
    if (in_list(d, s0 + 1, company_next))
        return CHR_ENT_ORG;
    return CHR_ENT_NTYPES;
}

typedef struct {
    uint64_t h;
    int type;
} named_word;

static int cmp_named(const void *a, const void *b)
{
    uint64_t x = ((const named_word *)a)->h, y = ((const named_word *)b)->h;
    return x < y ? -1 : x > y;
}

int ner_case_first_names(const ner_doc *d, const ner_first *first, size_t n, uint8_t *lab)
{
    if (n == 0)
        return 0;
    /* the capitalised words the model and rules named, by hash: "Orr"
     * named in full before stays a person */
    named_word *nw = malloc((d->n + 1) * sizeof *nw);
    if (!nw)
        return -1;
    size_t nn = 0;
    for (size_t j = 0; j < d->n; j++)
        if (lab[j] && d->t[j].shape == SH_INITCAP)
            nw[nn++] = (named_word){d->t[j].lhash, ner_lab_type(lab[j])};
    qsort(nw, nn, sizeof *nw, cmp_named);
    for (size_t k = 0; k < n; k++) {
        size_t i = first[k].tok;
        if (lab[i])
            continue;
        named_word key = {d->t[i].lhash, 0};
        const named_word *hit = bsearch(&key, nw, nn, sizeof *nw, cmp_named);
        int type = first[k].type;
        if (hit) { /* the type most of the word's other mentions have */
            size_t a = (size_t)(hit - nw), b = a;
            while (a > 0 && nw[a - 1].h == key.h)
                a--;
            while (b < nn && nw[b].h == key.h)
                b++;
            int count[CHR_ENT_NTYPES] = {0}, best = 0;
            for (size_t q = a; q < b; q++)
                count[nw[q].type]++;
            for (int ty = 1; ty < CHR_ENT_NTYPES; ty++)
                if (count[ty] > count[best])
                    best = ty;
            type = best;
        }
        if (type < CHR_ENT_NTYPES)
            lab[i] = (uint8_t)ner_lab_b(type);
    }
    free(nw);
    return 0;
}
