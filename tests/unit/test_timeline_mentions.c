/* chronicle — unit tests of which dates make timeline points (tl_extract):
 * the edges of periods ("since 2009", "hasta el 15 de junio"), durations,
 * "the years ahead" and the distant origin an anniversary recalls are not event
 * anchors, in en/fr/es/it/pt/de; dates the sentence reports stay. Each
 * sentence is dated by the real time tagger; the texts are written here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/time.h"
#include "timeline_int.h"
#include "unit.h"

static chr_ct *ct;

/* a's fields for text in lang published on pub, its sentences text[0..second)
 * and text[second..) (one sentence when second is 0): sents holds them. */
static void article_of(tl_article *a, chr_span sents[2], const char *lang, const char *pub,
                       const char *text, size_t second)
{
    memset(a, 0, sizeof *a);
    a->id = a->indep = 1;
    a->text = (char *)text;
    a->len = strlen(text);
    a->lang = (char *)lang;
    a->pub_day = tl_parse_day(pub);
    sents[0] = (chr_span){0, second ? second - 1 : a->len};
    sents[1] = (chr_span){second, a->len};
    a->sents = sents;
    a->n_sents = second ? 2 : 1;
}

/* The time module's expressions as the timeline reads them (calloc'd);
 * those from byte second on are in the second sentence. */
static tl_timex *as_tl_timexes(const chr_timex *tx, size_t ntx, size_t second)
{
    tl_timex *t = calloc(ntx ? ntx : 1, sizeof *t);
    for (size_t i = 0; t && i < ntx; i++) {
        t[i].start = (int32_t)tx[i].start;
        t[i].end = (int32_t)tx[i].end;
        t[i].sentence = second && tx[i].start >= second;
        snprintf(t[i].type, sizeof t[i].type, "%s", chr_timex_type_name(tx[i].type));
        snprintf(t[i].value, sizeof t[i].value, "%s", tx[i].value);
        snprintf(t[i].end_value, sizeof t[i].end_value, "%s", tx[i].end_value);
    }
    return t;
}

/* Does sentence (in lang, published on pub) yield a mention dated by the
 * expression expr (its first occurrence)? -1 when expr is not tagged at
 * all (the test itself is then wrong). */
static int anchors(const char *lang, const char *pub, const char *sentence, const char *expr)
{
    const char *at = strstr(sentence, expr);
    if (!at)
        return -1;
    chr_date ref;
    if (!chr_date_parse(pub, &ref))
        return -1;
    size_t len = strlen(sentence);
    chr_timex *tx = NULL;
    size_t ntx = 0;
    if (chr_time_tag(sentence, len, &ref, lang, &tx, &ntx) != CHR_OK)
        return -1;
    tl_article a;
    chr_span sents[2];
    article_of(&a, sents, lang, pub, sentence, 0);
    tl_timex *t = as_tl_timexes(tx, ntx, 0);
    int tagged = 0;
    size_t off = (size_t)(at - sentence);
    for (size_t i = 0; i < ntx; i++)
        if (tx[i].start <= off && off < tx[i].end)
            tagged = 1;
    a.tx = t;
    a.n_tx = ntx;
    free(tx);
    if (!tagged) {
        fprintf(stderr, "  \"%s\" is not tagged in: %s\n", expr, sentence);
        free(t);
        return -1;
    }
    tl_mention *m = NULL;
    size_t n = 0;
    int found = 0;
    if (tl_extract(ct, &a, &m, &n) == CHR_OK)
        for (size_t i = 0; i < n; i++)
            if (m[i].tx_start >= 0 && (size_t)m[i].tx_start <= off && off < (size_t)m[i].tx_end)
                found = 1;
    tl_mentions_free(m, n);
    free(t);
    return found;
}

#define PUB "2024-05-20"

/* One sentence, one of its date expressions, and whether it should date
 * an event (1) or not (0). */
typedef struct anchor_case {
    const char *group, *lang, *pub, *sentence, *expr;
    int anchor;
} anchor_case;

static const anchor_case cases[] = {
    /* "since X" and its translations: the start of a state, not an event. */
    {"since", "en", PUB,
     "The company has operated in the region since 2009, officials said on "
     "Monday.",
     "2009", 0},
    {"since", "en", PUB,
     "The company has operated in the region since 2009, officials said on "
     "Monday.",
     "Monday", 1},
    {"since", "en", PUB, "Prices have risen since March, according to the statistics office.",
     "March", 0},
    {"since", "fr", PUB,
     "La société est présente dans la région depuis 2009, a indiqué le ministre "
     "lundi.",
     "2009", 0},
    {"since", "fr", PUB,
     "Le cessez-le-feu tient depuis le 2 mai, selon les observateurs sur place.", "2 mai", 0},
    {"since", "es", PUB, "La empresa opera en la región desde 2009, informó el ministro el lunes.",
     "2009", 0},
    {"since", "es", PUB,
     "El alto el fuego se mantiene desde el 2 de mayo, según los observadores "
     "sobre el terreno.",
     "2 de mayo", 0},
    {"since", "es", PUB,
     "Dirige el partido desde hace seis años y promete reformas profundas, dijo "
     "su portavoz.",
     "hace seis", 0},
    {"since", "it", PUB, "La società opera nella regione dal 2009, ha detto il ministro lunedì.",
     "2009", 0},
    {"since", "pt", PUB, "A empresa opera na região desde 2009, disse o ministro aos jornalistas.",
     "2009", 0},
    {"since", "de", PUB,
     "Das Unternehmen ist seit 2009 in der Region tätig, sagte der Minister am "
     "Montag.",
     "2009", 0},
    {"since", "es", PUB,
     "A partir de 2009 la empresa amplió sus operaciones en toda la región, "
     "informó el ministro.",
     "2009", 0},
    /* ... unless the sentence goes on to say what happened then. */
    {"since-when", "en", PUB,
     "The ceasefire has held since 2 May, when both sides signed the deal in "
     "Doha.",
     "2 May", 1},
    /* "until X": the end of a period. */
    {"until", "en", PUB, "The sanctions will remain in force until 2026, the ministry said.",
     "2026", 0},
    {"until", "fr", PUB, "La trêve est prolongée jusqu'au 15 juin, a annoncé le gouvernement hier.",
     "15 juin", 0},
    {"until", "es", PUB,
     "La tregua se prolonga hasta el 15 de junio, anunció el gobierno en un "
     "comunicado.",
     "15 de junio", 0},
    {"until", "it", PUB,
     "Le sanzioni resteranno in vigore fino al 2026, secondo il ministero degli "
     "esteri.",
     "2026", 0},
    {"until", "pt", PUB,
     "A trégua foi prorrogada até 15 de junho, anunciou o governo em um "
     "comunicado.",
     "15 de junho", 0},
    {"until", "de", PUB,
     "Die Sanktionen bleiben bis 2026 in Kraft, teilte das Ministerium in Berlin "
     "mit.",
     "2026", 0},
    {"until", "it", PUB, "La tregua è stata prorogata sino al 15 giugno, ha annunciato il governo.",
     "15 giugno", 0},
    {"until", "ro", "2024-03-13", "Combinatul va rămâne închis cel puţin până pe 31 martie.",
     "31 martie", 0},
    {"until", "ro", "2024-03-15",
     "Premierul a precizat ca banii vor ajunge la primarii pana la 1 aprilie.", "1 aprilie", 0},
    {"until", "ro", "2024-03-06",
     "Ministrul Mediului a anunţat că inspectorii vor preleva probe de aer şi de apă până vineri.",
     "vineri", 0},
    {"until", "ro", "2024-03-20", "Ancheta procurorilor ar putea dura până în luna iunie.", "iunie",
     0},
    /* An anniversary recalls its origin; the celebration's own date stays. */
    {"anniversary", "en", "2024-10-02",
     "The country celebrated the 75th anniversary of the revolution of 1949 "
     "with a parade on 1 October.",
     "1949", 0},
    {"anniversary", "en", "2024-10-02",
     "The country celebrated the 75th anniversary of the revolution of 1949 "
     "with a parade on 1 October.",
     "1 October", 1},
    {"anniversary", "es", "2024-10-02",
     "El país celebró el 75 aniversario de la revolución de 1949 con un desfile "
     "el 1 de octubre.",
     "1949", 0},
    {"anniversary", "fr", "2024-10-02",
     "Le pays a célébré le 75e anniversaire de la révolution de 1949 avec un "
     "défilé le 1er octobre.",
     "1949", 0},
    {"anniversary", "it", "2024-10-02",
     "Il paese ha celebrato il 75° anniversario della rivoluzione del 1949 con "
     "una parata il 1 ottobre.",
     "1949", 0},
    {"anniversary", "pt", "2024-10-02",
     "O país celebrou o 75º aniversário da revolução de 1949 com um desfile em 1 "
     "de outubro.",
     "1949", 0},
    {"anniversary", "de", "2024-10-02",
     "Das Land feierte den Jahrestag der Revolution von 1949 mit einer großen "
     "Parade.",
     "1949", 0},
    /* the ordinal gives the origin when the year comes first */
    {"anniversary", "en", "2024-10-02",
     "Founded in 1949, the republic marked its 75th anniversary with a parade "
     "in the capital.",
     "1949", 0},
    /* a recent origin is the story's own start: it stays */
    {"anniversary", "fr", "2012-03-15",
     "Des milliers de manifestants ont marqué le premier anniversaire du soulèvement du 15 mars "
     "2011 à Damas.",
     "15 mars 2011", 1},
    /* a past date that is not the anniversary's origin stays */
    {"anniversary", "en", "2024-10-02",
     "Founded in 1951, the republic marked its 75th anniversary with a parade "
     "in the capital.",
     "1951", 1},
    /* Dates the sentence reports are anchors; durations and "ahead" never. */
    {"reported", "es", PUB,
     "Los ministros no se reunieron el lunes sino el martes en Madrid, dijo el portavoz.", "martes",
     1},
    {"reported", "en", PUB,
     "Ministers met in Paris on 12 March 2024 and signed the accord on trade.", "12 March 2024", 1},
    {"reported", "fr", PUB,
     "Les ministres se sont réunis à Paris le 12 mars et ont signé l'accord.", "12 mars", 1},
    {"reported", "es", PUB,
     "Los ministros se reunieron en Madrid el 12 de marzo y firmaron el acuerdo.", "12 de marzo",
     1},
    {"reported", "de", PUB,
     "Die Minister trafen sich am Montag in Berlin und unterzeichneten das "
     "Abkommen.",
     "Montag", 1},
    {"reported", "en", PUB,
     "He has led the party for six years and promised reforms in the years "
     "ahead.",
     "six years", 0},
    {"reported", "en", PUB,
     "He has led the party for six years and promised reforms in the years "
     "ahead.",
     "the years ahead", 0},
    {"reported", "fr", PUB,
     "Il dirige le parti depuis six ans et promet des réformes dans les années à "
     "venir.",
     "six ans", 0},
    {"reported", "fr", PUB,
     "Il dirige le parti depuis six ans et promet des réformes dans les années à "
     "venir.",
     "années", 0},
    {"reported", "es", PUB,
     "El ministro promete reformas profundas en los próximos años, según su "
     "portavoz.",
     "años", 0},
    {"reported", "it", PUB,
     "Guida il partito da sei anni e promette riforme profonde nei prossimi anni.", "sei anni", 0},
    {"reported", "de", PUB,
     "Er führt die Partei seit sechs Jahren und verspricht Reformen, sagte ein "
     "Sprecher.",
     "sechs Jahren", 0},
    {"reported", "ro", "2024-03-13",
     "Consumul de apă din râu este interzis de vineri, 8 martie, "
     "în cinci comune din aval.",
     "8 martie", 1},
    /* A plan called off: its date is the plan's, not what happened; a
     * plan kept, or another event in the sentence, stays. */
    {"called-off", "en", "1987-03-05",
     "The planned meeting March 7 of the committee has been postponed until April.", "March 7", 0},
    {"called-off", "en", "1987-03-05",
     "The committee was to have met in Vienna starting April 2 but the session was cancelled.",
     "April 2", 0},
    {"called-off", "en", "1987-03-05", "The match scheduled for Sunday was called off.", "Sunday",
     0},
    {"called-off", "es", "2011-03-05", "La reunión prevista para el 7 de marzo fue aplazada.",
     "7 de marzo", 0},
    {"called-off", "en", "1987-03-05", "The planned meeting March 7 will go ahead.", "March 7", 1},
    {"called-off", "en", "1987-03-05",
     "The planned meeting March 7 will set quotas, a report by the agency said.", "March 7", 1},
    {"called-off", "fr", "2011-03-05", "La réunion prévue le 7 mars a été reportée.", "7 mars", 0},
    {"called-off", "en", "2024-03-08",
     "Oil ministers held the planned meeting on March 7 in Vienna and agreed to cut output, the "
     "report said.",
     "March 7", 1},
    {"called-off", "en", "2024-03-08",
     "After the cancellation of the debt talks, the planned vote on March 7 went ahead.", "March 7",
     1},
    {"called-off", "en", "1987-03-05",
     "The talks that were postponed in January resumed on March 3.", "March 3", 1},
    /* A date between the '|' of a stamp line (a comment's header, a byline)
     * is the page's, not an event's. */
    {"stamp", "fr", "2013-08-20",
     "Boss en réponse au commentaire de El Biar | 3 août 2013 13h50 | Répondre", "3 août 2013", 0},
    {"stamp", "fr", "2013-08-20", "El Biar en réponse au commentaire de sartene | 2 août 2013 9h27",
     "2 août 2013", 0},
    {"stamp", "en", "2025-06-10", "Posted by Tom Wright | June 4, 2025 | Share this story",
     "June 4", 0},
    /* a live blog's post time opening its line */
    {"stamp", "en", "2024-07-12",
     "08:55 GMT \xe2\x80\x94 Recap: The fire started Tuesday afternoon near Highway 38.",
     "08:55 GMT", 0},
    {"stamp", "en", "2024-07-12",
     "08:55 GMT \xe2\x80\x94 Recap: The fire started Tuesday afternoon near Highway 38.",
     "Tuesday afternoon", 1},
    {"stamp", "it", "2011-03-19",
     "Ore 14.30 - Il premier ha convocato ieri il consiglio dei ministri.", "Ore 14.30", 0},
    {"stamp", "en", "2024-07-12", "The fire crossed the highway at 08:55 GMT, officials said.",
     "08:55 GMT", 1},
    /* a post time alone dates its post; a part of a day is no post time */
    {"stamp", "en", "2024-07-12",
     "10:32 GMT \xe2\x80\x94 The fire has grown to 21,000 acres, Cal Fire said in its update.",
     "10:32 GMT", 1},
    {"stamp", "en", "2024-07-14",
     "Saturday night: Protesters gathered in the square and marched to city hall.",
     "Saturday night", 1},
    {"stamp", "en", "2024-07-12",
     "09:15 GMT \xe2\x80\x94 The governor, who took office in 2019, declared an emergency.",
     "09:15 GMT", 1},
    /* A security's terms and a comparison's base are not events; an
     * event beside them stays. */
    {"terms", "en", "1987-03-16",
     "The company filed for an offering of 100 mln dlrs of 8-3/4 pct notes due 1997.", "1997", 0},
    {"terms", "en", "1987-03-16", "The issue, which matures on May 7, 1990, was priced at par.",
     "May 7, 1990", 0},
    {"terms", "en", "1987-03-16", "The dividend is payable April 1 to holders of record March 15.",
     "April 1", 0},
    {"terms", "en", "1987-03-16", "The dividend is payable April 1 to holders of record March 15.",
     "March 15", 0},
    {"terms", "en", "1987-03-16", "Record March 16", "March 16", 0},
    {"terms", "en", "1987-03-16", "The index hit a record on March 13 in heavy trading.",
     "March 13", 1},
    {"terms", "en", "1987-03-16", "The loan is due March 20, the bank said.", "March 20", 1},
    {"terms", "en", "1987-03-16",
     "First quarter net rose to 86 cts a share from 73 cts a year ago.", "a year ago", 0},
    {"terms", "en", "1987-03-16",
     "Profit was 2.1 dlrs a share, compared to a 1.73 dlrs a share reported for 1985.", "1985", 0},
    {"terms", "en", "1987-03-16",
     "It is cutting its base lending rate to 10.5 pct from 11 pct, effective tomorrow.", "tomorrow",
     1},
    {"terms", "en", "1987-03-16",
     "From Monday, 300 workers will join the strike that began on March 2.", "March 2", 1},
    /* a caption's credit after a '|' leaves its date alone */
    {"stamp", "es", "2011-08-22",
     "El complejo de Muamar Gadafi fue atacado el domingo por la OTAN en Trípoli | EFE", "domingo",
     1},
};

/* Check every case of group; print the ones that differ. */
static void check_group(const char *group)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const anchor_case *c = &cases[i];
        if (strcmp(c->group, group) != 0)
            continue;
        int got = anchors(c->lang, c->pub, c->sentence, c->expr);
        if (got != c->anchor) {
            fprintf(stderr, "  %s: \"%s\" in \"%s\": %d, expected %d\n", c->lang, c->expr,
                    c->sentence, got, c->anchor);
            unit_failed_checks++;
        }
    }
}

TEST(since_is_no_anchor)
{
    check_group("since");
}

TEST(since_when_is_an_anchor)
{
    check_group("since-when");
}

TEST(until_is_no_anchor)
{
    check_group("until");
}

TEST(anniversary_origin_is_no_anchor)
{
    check_group("anniversary");
}

TEST(reported_dates_stay)
{
    check_group("reported");
}

TEST(called_off_plans_are_no_anchors)
{
    check_group("called-off");
}

TEST(security_terms_and_comparison_bases_are_no_anchors)
{
    check_group("terms");
}

TEST(stamp_dates_are_no_anchors)
{
    check_group("stamp");
}

/* How many undated mentions (placed at the publication day) a two-sentence
 * undated article in lang yields: its lead, and the second sentence when
 * that one reports (a reporting verb of the language). */
static size_t undated_mentions(const char *lang, const char *text, size_t second)
{
    tl_article a;
    chr_span sents[2];
    article_of(&a, sents, lang, PUB, text, second);
    tl_mention *m = NULL;
    size_t n = 0, k = 0;
    if (tl_extract(ct, &a, &m, &n) == CHR_OK)
        for (size_t i = 0; i < n; i++)
            k += m[i].tx_start < 0;
    tl_mentions_free(m, n);
    return k;
}

TEST(reporting_sentences_in_romance_languages)
{
    static const struct {
        const char *lang, *lead, *second;
    } rc[] = {
        {"it", "Il governo ha approvato la riforma delle pensioni nella notte.",
         "Il ministro ha aggiunto che il testo passera al Senato in tempi brevi."},
        {"pt", "O governo aprovou a reforma da previdencia durante a madrugada.",
         "O ministro acrescentou que o texto segue agora para o Senado federal."},
        {"ca", "El govern ha aprovat la reforma de les pensions aquesta nit.",
         "El ministre ha explicat que el text anira al Senat molt aviat."},
        /* past endings beyond the masculine participle: "approvate",
         * "morreu", Romanian written without diacritics ("anuntata") */
        {"it", "Il governo ha approvato la riforma delle pensioni nella notte.",
         "Le misure sono state approvate dal Consiglio."},
        {"pt", "O incendio obrigou a retirar cento e cinquenta pessoas de tres aldeias.",
         "Um bombeiro morreu no hospital de Coimbra."},
        {"pt", "O incendio obrigou a retirar cento e cinquenta pessoas de tres aldeias.",
         "O autarca referiu que a situacao continua grave."},
        {"ro", "Guvernul a aprobat reforma pensiilor in cursul noptii.",
         "Masura a fost anuntata de premier."},
    };
    for (size_t i = 0; i < sizeof rc / sizeof *rc; i++) {
        char text[512];
        size_t second = (size_t)snprintf(text, sizeof text, "%s ", rc[i].lead);
        snprintf(text + second, sizeof text - second, "%s", rc[i].second);
        CHECK_INT(undated_mentions(rc[i].lang, text, second), 2);
    }
}

/* The day (relative to the publication day) of the undated mention of the
 * last line of text (its lines are its sentences), or 99 when there is none. */
static int last_line_placed(const char *lang, const char *text)
{
    chr_date ref;
    chr_date_parse(PUB, &ref);
    chr_timex *tx = NULL;
    size_t ntx = 0, len = strlen(text);
    if (chr_time_tag(text, len, &ref, lang, &tx, &ntx) != CHR_OK)
        return -99;
    chr_span sents[8];
    size_t ns = 0;
    for (size_t b = 0; b <= len && ns < 8;) {
        const char *nl = memchr(text + b, '\n', len - b);
        size_t e = nl ? (size_t)(nl - text) : len;
        sents[ns++] = (chr_span){b, e};
        b = e + 1;
    }
    tl_timex *t = as_tl_timexes(tx, ntx, 0);
    for (size_t i = 0; t && i < ntx; i++)
        for (size_t k = 0; k < ns; k++)
            if (tx[i].start >= sents[k].start && tx[i].start < sents[k].end)
                t[i].sentence = (int32_t)k;
    free(tx);
    tl_article a;
    chr_span two[2];
    article_of(&a, two, lang, PUB, text, 0);
    a.sents = sents;
    a.n_sents = ns;
    a.tx = t;
    a.n_tx = t ? ntx : 0;
    tl_mention *m = NULL;
    size_t n = 0;
    int day = 99;
    if (tl_extract(ct, &a, &m, &n) == CHR_OK)
        for (size_t i = 0; i < n; i++)
            if (m[i].tx_start < 0 && m[i].sentence == (int32_t)ns - 1)
                day = m[i].start - a.pub_day;
    tl_mentions_free(m, n);
    free(t);
    return day;
}

/* The day (relative to the publication day) at which the reporting
 * sentence after a dated lead is placed, or 99 when it is not placed. */
static int placed_after(const char *lang, const char *lead, const char *second)
{
    char text[512];
    snprintf(text, sizeof text, "%s\n%s", lead, second);
    return last_line_placed(lang, text);
}

/* A page's stamp before the lead is no lead: the lead's day still carries
 * the sentences after it. */
TEST(a_stamp_is_no_lead)
{
    CHECK_INT(last_line_placed("it", "Luned\xc3\xac 20 maggio 2024 - 10:21 | Ultimo aggiornamento\n"
                                     "Ieri il Consiglio di sicurezza ha approvato la risoluzione "
                                     "sulla Libia.\n"
                                     "Il testo \xc3\xa8 stato approvato con dieci voti a favore."),
              -1);
}

/* The sentences after a lead that dates its news within the week before
 * publication ("ieri", "on Friday") tell of that day. */
TEST(reporting_sentences_take_the_leads_day)
{
    CHECK_INT(placed_after(
                  "it", "Ieri il Consiglio di sicurezza ha approvato la risoluzione sulla Libia.",
                  "Il testo \xc3\xa8 stato approvato con dieci voti a favore."),
              -1);
    CHECK_INT(placed_after("en", "The council approved the new harbour plan on Friday evening.",
                           "The mayor said the vote was a turning point for the city."),
              -3); /* 2024-05-20 is a Monday */
    /* a lead that names the publication day too tells of that day */
    CHECK_INT(
        placed_after("it",
                     "Dopo lo sciopero di luned\xc3\xac, oggi i ministri hanno firmato l'accordo.",
                     "Il testo \xc3\xa8 stato approvato con dieci voti a favore."),
        0);
    /* a lead recalling an older day: the rest is the day's news */
    CHECK_INT(placed_after("en", "The council approved the new harbour plan on April 2 last year.",
                           "The mayor said the project was a turning point for the city."),
              0);
}

UNIT_MAIN_BEGIN
ct = chr_ct_new();
if (!ct)
    return 1;
RUN(since_is_no_anchor);
RUN(since_when_is_an_anchor);
RUN(until_is_no_anchor);
RUN(anniversary_origin_is_no_anchor);
RUN(reported_dates_stay);
RUN(called_off_plans_are_no_anchors);
RUN(stamp_dates_are_no_anchors);
RUN(security_terms_and_comparison_bases_are_no_anchors);
RUN(reporting_sentences_in_romance_languages);
RUN(reporting_sentences_take_the_leads_day);
RUN(a_stamp_is_no_lead);
chr_ct_free(ct);
UNIT_MAIN_END
