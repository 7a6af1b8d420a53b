/* chronicle — time: internal interface between the temporal tagger's parts.
 * Owns: the lexicon types (time_lex.c), the calendar helpers and the internal
 * timex record with the extra facts (tense, year given or not) that reference
 * date inference needs. Not part of the public API. */
#ifndef CHR_TIME_INT_H
#define CHR_TIME_INT_H

#include <stddef.h>
#include <stdint.h>

#include "chronicle/time.h"

/* Languages, as a bit mask (a lexicon sense belongs to one or more). */
enum {
    TL_EN = 1 << 0,
    TL_FR = 1 << 1,
    TL_DE = 1 << 2,
    TL_IT = 1 << 3,
    TL_ES = 1 << 4,
    TL_RU = 1 << 5,
    TL_PT = 1 << 6,
    TL_RO = 1 << 7,
    TL_CA = 1 << 8,
    TL_ALL = 0x1ff,
    TL_NLANG = 9,
    /* the "ca" hint: every language's senses plus the Catalan-only ones
     * (language identification says "ca" for short texts in other Romance
     * languages too, and Catalan news quote Spanish and French) */
    TL_CA_ALL = TL_ALL | (1 << 9)
};

/* Word classes of the lexicon. A word may have several (e.g. "may": month,
 * "second": ordinal and unit); each class carries one value. */
enum {
    C_MONTH = 0, /* 1..12 full month names */
    C_MONABBR,   /* 1..12 abbreviations (need a dot, a capital or a number) */
    C_WDAY,      /* 1..7 (Monday = 1) */
    C_WDABBR,    /* 1..7 abbreviations */
    C_NUMW,      /* cardinal number word: value */
    C_ORDW,      /* ordinal number word: value */
    C_UNIT,      /* U_* singular */
    C_UNITPL,    /* U_* plural */
    C_SEASON,    /* S_* */
    C_PART,      /* P_* part of day */
    C_DEICT,     /* D_* today, yesterday, now, ... */
    C_REL,       /* R_* last/next/this before the noun */
    C_POSTREL,   /* R_* after the noun (dernier, pasado, scorso, ...) */
    C_MOD,       /* M_* early, late, mid, end, beginning */
    C_SET,       /* U_* daily, weekly, annually ... */
    C_EVERY,     /* every, each, chaque, cada ... */
    C_DECW,      /* decade word: "nineties" = 9 */
    C_HOLIDAY,   /* H_* fixed and computed holidays */
    C_KW,        /* keyword: K_* */
    C_KW2,       /* a second keyword sense (e.g. "a": English article, Romance "to") */
    C_WDAYPL,    /* plural weekday, 1..7 ("les mercredis", "los sábados": habitual);
                  * 11..17 when it is one only after every/all ("todas as quartas") */
    C_ROUNDN,    /* a round count noun before "of": "decina" 10, "dizaine", "decena",
                  * "centinaio" 100 ("una decina di giorni fa") */
    C_COUNT
};

enum {
    U_NONE = 0,
    U_SEC,
    U_MIN,
    U_HOUR,
    U_DAY,
    U_WEEK,
    U_WEEKEND,
    U_MONTH,
    U_QUARTER,
    U_HALF,
    U_YEAR,
    U_DECADE,
    U_CENTURY,
    U_MILLENNIUM,
    U_FORTNIGHT
};
enum { S_SP = 1, S_SU, S_FA, S_WI };
enum { P_MO = 1, P_AF, P_EV, P_NI, P_NOON, P_MIDNIGHT, P_DT, P_OVERNIGHT };
enum {
    D_TODAY = 1,
    D_YESTERDAY,
    D_TOMORROW,
    D_TONIGHT,
    D_DBY,
    D_DAT,
    D_NOW,
    D_RECENTLY,
    D_SOON,
    D_PREVIOUSLY,
    D_NOWADAYS,
    D_CURRENT,
    D_RECENT,
    D_FUTURE,
    D_PAST,
    D_LASTNIGHT,
    D_TOMORROW_OR_MORNING,
    D_THISMORNING, /* stamattina: the reference day's morning */
    D_EVE,         /* veille, víspera, vigilia, véspera: the day before a day */
    D_MORROW,      /* lendemain, indomani: the day after a day */
    D_THISEVENING, /* stasera: the reference day's evening */
    D_TMRWMORNING, /* domattina: the morning of the day after the reference */
    D_THISYEAR,    /* enguany (ca): the reference's year */
    D_INDAY,       /* (in) giornata (it): later on the reference day */
    D_NIGHT2       /* anteanoche (es): the night of the day before yesterday */
};
enum {
    H_CHRISTMAS = 1,
    H_CHRISTMAS_EVE,
    H_NEWYEAR,
    H_NEWYEARS_EVE,
    H_THANKSGIVING,
    H_INDEPENDENCE,
    H_HALLOWEEN,
    H_VALENTINE,
    H_LABOR,
    H_MEMORIAL,
    H_ELECTION,
    H_BLACKFRIDAY, /* the day after Thanksgiving */
    H_CYBERMONDAY, /* the Monday after Thanksgiving */
    H_ASSUMPTION,  /* 15 August: Ferragosto */
    H_EASTER,      /* Easter Sunday (Gregorian computus) */
    H_EASTER_MONDAY,
    H_EPIPHANY,   /* 6 January */
    H_ALL_SAINTS, /* 1 November */
    H_ST_STEPHEN, /* 26 December: Santo Stefano */
    H_RO_NATIONAL /* 1 December: Romania's Ziua Națională */
};
enum { R_LAST = 1, R_NEXT, R_THIS, R_PAST, R_COMING, R_CURRENT, R_RECENT, R_SAME, R_THAT };
enum { M_EARLY = 1, M_LATE, M_MID, M_END, M_BEGIN, M_EARLIER, M_LATER };

/* Keywords: words that only matter inside a temporal expression. */
enum {
    K_NONE = 0,
    K_THE,     /* the, le, la, el, il, lo, der, die, das ... */
    K_A,       /* a, an (English indefinite) */
    K_OF,      /* of, de, del, di, du, des, della */
    K_IN,      /* in, en, im, nel, в, во, em, no, na */
    K_ON,      /* on, am, el (es, before a date), на */
    K_AND,     /* and, et, y, e, und, и */
    K_TO,      /* to, through, until, till, au, al, a, bis, по, до, thru */
    K_FROM,    /* from, du, del, dal, desde, vom, von, с */
    K_BETWEEN, /* between, entre, tra, fra, zwischen, между */
    K_AGO,     /* ago, назад, fa */
    K_EARLIER, /* earlier, before */
    K_LATER,   /* later, after, hence */
    K_ILYA,    /* "il y a": the word "il" when followed by y a (fr) */
    K_Y,       /* y (fr, in "il y a"; es "and") */
    K_HACE,    /* hace (es), há (pt), vor (de) */
    K_APPROX,  /* about, around, nearly, almost, roughly, approximately, some */
    K_MORE,    /* more, over, less, least, up, within, at, than, no, just, only */
    K_THAN,
    K_ANOTHER, /* another, additional, further, other */
    K_FEW,     /* few, several, many, couple */
    K_FISCAL,
    K_AM, /* a.m. / am */
    K_PM,
    K_TZ,          /* est, edt, gmt, utc, cet ... */
    K_ORDSUF,      /* st, nd, rd, th, er, re, ème, º, ª, го */
    K_S,           /* the s of "1990s" / "'s" */
    K_YEARW,       /* "year" when it follows a number: года, г */
    K_AHEAD,       /* ahead */
    K_PERIOD,      /* period */
    K_HALFW,       /* half */
    K_Q,           /* q of "Q3" */
    K_H,           /* h of "14h30" */
    K_PER,         /* per, a (in "twice a year") */
    K_ALL,         /* todos, tous, tutti, alle, все: "todos los días" */
    K_OCLOCK,      /* o'clock, heures, uhr */
    K_PRESENT,     /* present */
    K_YEAREARLIER, /* year-earlier, year-ago (as one word after split) */
    K_FIRST_HALF,
    K_SINCE,
    K_MISC, /* glue words: the hui of aujourd'hui, the m of a.m. */
    K_DE,   /* de (before a year in Romance dates) */
    K_NEW,
    K_EVE,
    K_INDEP,
    K_VALENTINE,
    K_ELECTION,
    K_LABOR,
    K_MEMORIAL, /* holiday names */
    K_BLACK,
    K_CYBER,    /* Black Friday, Cyber Monday */
    K_NEAR,     /* near, short (the near future, the short term) */
    K_TERM,     /* term */
    K_FULL,     /* full (the full year) */
    K_HENCE,    /* fra/tra (it), daqui (pt), aquí (ca) before a count: from now */
    K_QUE,      /* que (pt, ca) of "o ano que vem", "l'any que ve" */
    K_CAP,      /* cap (ca) of "cap de setmana" (weekend) */
    K_OTHER,    /* other (en) of "every other week" */
    K_SAME,     /* mismo, misma (es), stesso (it), même (fr): "este mismo lunes", "lo
                 * stesso giorno", "le jour même" */
    K_NEXTD,    /* dopo, successivo, seguente, siguiente, después, suivant: "il giorno
                 * dopo", "al día siguiente", "le jour suivant" (pat_deict) */
    K_PREVD,    /* prima, precedente, anterior, antes, précédent: "il giorno prima" */
    K_FIRSTF,   /* primera (es), primeira (pt): a feminine "first", before a half only
                 * ("la primera mitad de 2010"; "la primera de abril" is a week's) */
    K_NATIONAL, /* națională (ro) of "Ziua Națională", 1 December */
    K_HASTA,    /* hasta (es): a span's end after "desde" ("desde el 14 hasta el 17"),
                 * and what a month alone may follow ("hasta enero") */
    K_ONLY,     /* sólo, solo, apenas (es), seulement (fr), só, apenas (pt): between
                 * "hace"/"il y a" and its count ("hace sólo nueve días") */
    K_COUNT
};

/* One lexicon entry: a folded (lower-case) word and its senses. */
typedef struct tlex {
    const char *word;
    size_t len;
    uint32_t cls;                    /* bit c set when the word has class c */
    int16_t val[C_COUNT];            /* value per class */
    uint16_t lang[C_COUNT];          /* TL_* mask per class */
    uint32_t cls_lang[TL_NLANG + 1]; /* classes active for language bit i (TL_NLANG: all) */
} tlex;

/* Fold (lower-case) a word of at most 31 bytes into buf; returns its length
 * or 0 when the word is too long. Handles ASCII, Latin-1, Cyrillic and the
 * Romanian letters (the cedilla forms ş, ţ fold to the comma-below ș, ț). */
size_t chr_time_fold(const char *w, size_t n, char *buf);

/* A Romanian word in lower case without its diacritics (ă â î ș ț, the
 * cedilla forms ş ţ and the capitals to a a i s t) into buf[n + 1];
 * returns its length (shorter than n exactly when it had any). */
size_t chr_time_ro_plain(const char *w, size_t n, char *buf);

/* Look a folded word up; NULL when it is no temporal word. Thread-safe
 * (the table is built once). */
const tlex *chr_time_lex(const char *folded, size_t n);

/* Look a word up as written (folds on the fly; fast for the common miss). */
const tlex *chr_time_lex_word(const char *w, size_t n);

/* Whether a verb stands at text[q..) (time_anchor.c): an auxiliary or a
 * clitic, or a word of four letters or more with a Romance past's ending,
 * after up to three capitalised words (a subject's name; bare_object: a
 * name then a clitic is no verb's subject, "dopo Sandy si contavano"). */
int chr_time_verb_at(const char *text, size_t len, size_t q, int bare_object);

/* Build the table now (chr_time_lex_hashed does not). */
void chr_time_lex_init(void);

/* Bloom filter over the upper 16 bits of the words' hashes (built by
 * chr_time_lex_init): a clear bit means "no lexicon word", so the scanner
 * can skip the lookup call for most ordinary words. */
extern uint64_t chr_time_lex_bloom[1024];
static inline int chr_time_lex_maybe(uint32_t h)
{
    uint32_t b = h >> 16;
    return (int)(chr_time_lex_bloom[b >> 6] >> (b & 63) & 1u);
}

/* Look up a word of ASCII letters as written (any case); h is the FNV-1a
 * hash the caller computed over its bytes | 0x20 (the folded word). */
const tlex *chr_time_lex_hashed(const char *folded, size_t n, uint32_t h);

/* Calendar helpers (proleptic Gregorian). */
long chr_days_from_civil(int y, int m, int d);
void chr_civil_from_days(long z, int *y, int *m, int *d);
int chr_weekday(int y, int m, int d); /* 1 = Monday .. 7 = Sunday */
void chr_iso_week(int y, int m, int d, int *wy, int *w);
int chr_month_days(int y, int m);

/* A timex with what inference needs besides the public fields. */
typedef struct chr_tx {
    chr_timex t;
    int tense;        /* -1 past, 0 unknown, +1 future (of the governing verb) */
    int y, m, d;      /* calendar fields as stated (y = 0: year not stated) */
    int explicit_day; /* a stated day of month (with or without year) */
    int rel_week;     /* "this week" */
    int wd;           /* weekday written with the day of the month, 1-7; 0 none */
} chr_tx;

/* The scanner behind both: pub = 1 fills *out with chr_timex records (what
 * chr_time_tag returns, no copy), pub = 0 with chr_tx. Caller frees *out. */
chr_err chr_time_scan(const char *text, size_t len, const chr_date *ref, const char *lang, int pub,
                      void **out, size_t *n);

/* The tagger proper: like chr_time_tag, with the extra facts. */
chr_err chr_time_tag_ex(const char *text, size_t len, const chr_date *ref, const char *lang,
                        chr_tx **out, size_t *n);

#endif
