/* Unit tests for text.c: sentence splitting, tokens, language. */
#include <stdlib.h>

#include "chronicle/text.h"
#include "unit.h"

static size_t split_in(const char *s, const char *lang, chr_span **v)
{
    size_t n = 0;
    CHECK(chr_split_sentences(s, strlen(s), lang, v, &n) == CHR_OK);
    return n;
}

static size_t split(const char *s, chr_span **v)
{
    return split_in(s, "en", v);
}

static int sent_is(const char *s, const chr_span *v, size_t i, const char *want)
{
    return strlen(want) == v[i].end - v[i].start && memcmp(s + v[i].start, want, strlen(want)) == 0;
}

/* a Romance month's abbreviation after a day ends no sentence ("9 abr. -
 * Detenido…"); a month's full name does ("le 27 juin. Le régime…"), and
 * "may." goes on only before a dash */
TEST(day_month_abbreviations)
{
    static const struct {
        const char *lang, *s;
        size_t n;
    } cases[] = {
        {"es", "9 abr. - Detenido el activista.", 1},
        {"es", "Manama, 9 abr. (EFE).- La policía detuvo al activista.", 1},
        {"es", "28 dic. Los jueces condenaron a ocho.", 1},
        {"es", "5 may. - Cuatro condenados a muerte.", 1},
        {"fr", "Il est arrivé le 27 juin. Le régime a réagi.", 2},
        {"fr", "Il est arrivé le 3 mai. Le régime a réagi.", 2},
        {"en", "It happened on 5 May. The army left.", 2},
        /* a live report's posts that open in lower case ("ora 10:05 - ..."),
         * not a hard-wrapped line ("alle\nore 10.30 di domani") */
        {"ro",
         "ora 10:05 - Victor Ponta anun\xc8\x9b\xc4\x83 c\xc4\x83 demisioneaz\xc4\x83\n"
         "ora 11:40 - Piedone anun\xc8\x9b\xc4\x83 c\xc4\x83 demisioneaz\xc4\x83",
         2},
        {"it",
         "La riunione dei ministri degli esteri dell'Unione europea comincia alle\n"
         "ore 10.30 di domani a Roma.",
         1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        chr_span *v;
        size_t n = split_in(cases[i].s, cases[i].lang, &v);
        if (n != cases[i].n)
            fprintf(stderr, "  %s: %zu sentences, want %zu\n", cases[i].s, n, cases[i].n);
        CHECK_INT(n, cases[i].n);
        free(v);
    }
}

TEST(abbreviations_and_initials)
{
    const char *s = "Mr. Smith met Dr. J. R. Jones in the U.S. on Jan. 5 at 3.5 p.m. today. "
                    "They talked. \"Is it over?\" she asked. No. 10 was quiet.";
    chr_span *v;
    size_t n = split(s, &v);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK(sent_is(s, v, 0,
                      "Mr. Smith met Dr. J. R. Jones in the U.S. on Jan. 5 at 3.5 p.m. today."));
        CHECK(sent_is(s, v, 1, "They talked."));
        CHECK(sent_is(s, v, 2, "\"Is it over?\" she asked."));
        CHECK(sent_is(s, v, 3, "No. 10 was quiet."));
    }
    free(v);
}

/* a sentence is never initials or a plural title alone: "E.A. Viner",
 * "R.J. Reynolds" and "Sens. Alan Cranston" open theirs */
TEST(initials_open_sentences)
{
    const char *s = "E.A. Viner Holdings Ltd said it sold its stake. R.J. Reynolds Tobacco said "
                    "sales rose. Sens. Alan Cranston and Bob Dole voted against it. Profits fell.";
    chr_span *v;
    size_t n = split(s, &v);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK(sent_is(s, v, 0, "E.A. Viner Holdings Ltd said it sold its stake."));
        CHECK(sent_is(s, v, 1, "R.J. Reynolds Tobacco said sales rose."));
        CHECK(sent_is(s, v, 2, "Sens. Alan Cranston and Bob Dole voted against it."));
        CHECK(sent_is(s, v, 3, "Profits fell."));
    }
    free(v);
    /* ... nor do a person's initials inside one end it before the name
     * ("President B.J. Habibie"); a country's may ("in the U.S. The") */
    const char *t = "Indonesian President B.J. Habibie finds the summit awkward. The films were "
                    "directed by J.J. Abrams. Sales fell in the U.S. The president spoke.";
    n = split(t, &v);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK(sent_is(t, v, 0, "Indonesian President B.J. Habibie finds the summit awkward."));
        CHECK(sent_is(t, v, 1, "The films were directed by J.J. Abrams."));
    }
    free(v);
    /* a body's initials after "the" may end one before a name; outside
     * English the dictionary knows no first word */
    const char *u = "It was a blow to the A.N.C. Mandela said he would appeal.";
    n = split(u, &v);
    CHECK_INT(n, 2);
    free(v);
    const char *f = "Le rapport a \xc3\xa9t\xc3\xa9 transmis \xc3\xa0 la C.I.A. Il pr\xc3\xa9"
                    "cise que les preuves manquent.";
    n = split_in(f, "fr", &v);
    CHECK_INT(n, 2);
    free(v);
    /* a person's or a firm's initials after "the", and in other languages
     * before a name, go on */
    n = split("He works for the A.J. Smith Co. in Ohio.", &v);
    CHECK_INT(n, 1);
    free(v);
    n = split_in("Il libro di J.R.R. Tolkien \xc3\xa8 stato ristampato.", "it", &v);
    CHECK_INT(n, 1);
    free(v);
}

/* titles of Italian, Portuguese and Spanish; abbreviations before a number;
 * the same words at an English sentence's end still end it */
TEST(romance_abbreviations)
{
    const char *it = "Ha risposto l'on. Verdi. L'art. 5 della legge n. 123 prevede multe.";
    chr_span *v = NULL;
    size_t n = split_in(it, "it", &v);
    CHECK_INT(n, 2);
    if (n == 2)
        CHECK(sent_is(it, v, 1, "L'art. 5 della legge n. 123 prevede multe."));
    free(v);
    static const struct {
        const char *text, *lang;
        size_t n;
    } c[] = {
        {"Si concludera' entro fine mese. \xC2\xA9 RIPRODUZIONE RISERVATA", "it", 2},
        {"Las tropas de EE. UU. bombardearon Alepo el lunes.", "es", 1},
        /* units after a number end a sentence */
        {"En Valencia cayeron 120 mm. La Aemet mantiene la alerta.", "es", 2},
        {"O gol saiu aos 45 min. O Flamengo venceu.", "pt", 2},
        {"O dep. Costa falou com o gen. Lima.", "pt", 1},
        /* Romanian titles and references before a number */
        {"Ministrul, dl. Ionescu, a vorbit. Conform art. 5 alin. 2 din lege, strada a fost "
         "închisă.",
         "ro", 2},
        {"Potrivit d-lui Popa, bd. Unirii a fost închis.", "ro", 1},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        CHECK_INT(split_in(c[i].text, c[i].lang, &v), c[i].n);
        free(v);
    }
    const char *en = "The lights were on. He said no. Then he left. It was the state of the art. "
                     "See No. 5 here.";
    n = split(en, &v);
    CHECK_INT(n, 5);
    free(v);
}

TEST(german_ordinals)
{
    /* German ordinals carry a dot: no sentence ends there; in English a
     * number with a dot before a capital still ends one */
    const char *de =
        "Am 2. Mai feierte die Stadt den 75. Jahrestag. Seit dem 3. Juni ist es ruhig.";
    chr_span *v = NULL;
    size_t n = split_in(de, "de", &v);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK(sent_is(de, v, 0, "Am 2. Mai feierte die Stadt den 75. Jahrestag."));
        CHECK(sent_is(de, v, 1, "Seit dem 3. Juni ist es ruhig."));
    }
    free(v);
    const char *en = "He turned 75. Then he retired.";
    n = split(en, &v);
    CHECK_INT(n, 2);
    free(v);
}

TEST(glued_sentences)
{
    /* scrapers drop the space between sentences; web addresses, initials,
     * abbreviations and numbers keep their dots */
    const char *s =
        "Un groupe sur Facebook.Sous le slogan de la colère, ils ont fui la Libye.A "
        "Benghazi, la foule attend. Voir Amazon.Com et www.Le-Monde.fr ou lemonde.fr/Libye "
        "selon M.Dupont, le gen.Smith et la version 2.Cinq du site.";
    chr_span *v;
    size_t n = split(s, &v);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK(sent_is(s, v, 0, "Un groupe sur Facebook."));
        CHECK(sent_is(s, v, 1, "Sous le slogan de la colère, ils ont fui la Libye."));
        CHECK(sent_is(s, v, 2, "A Benghazi, la foule attend."));
    }
    free(v);
}

TEST(quotes_close_sentences)
{
    const char *s = "He said: \"We will win.\" The crowd cheered. (It was late.) Then rain.";
    chr_span *v;
    size_t n = split(s, &v);
    CHECK_INT(n, 4);
    if (n == 4)
        CHECK(sent_is(s, v, 0, "He said: \"We will win.\""));
    free(v);
}

TEST(ptb_quotes_start_sentences)
{
    const char *s = "The vote was close. ``We won,'' he said. Sen. Jones agreed.";
    chr_span *v;
    size_t n = split(s, &v);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK(sent_is(s, v, 1, "``We won,'' he said."));
        CHECK(sent_is(s, v, 2, "Sen. Jones agreed."));
    }
    free(v);
}

TEST(paragraphs_split)
{
    const char *s = "A heading\n\nFirst sentence here. Second one\ncontinues here.\n\nLast.";
    chr_span *v;
    size_t n = split(s, &v);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK(sent_is(s, v, 0, "A heading"));
        CHECK(sent_is(s, v, 2, "Second one\ncontinues here."));
    }
    free(v);
}

TEST(empty_and_space)
{
    chr_span *v;
    size_t n = 0;
    CHECK(chr_split_sentences("   \n\n ", 6, NULL, &v, &n) == CHR_OK);
    CHECK_INT(n, 0);
    free(v);
}

TEST(tokens)
{
    const char *s = "Putin's 1,000 U.S. troops, 3.5% on 19th-century Russo-Chinese ties.";
    chr_token *t;
    size_t n;
    CHECK(chr_tokenize(s, strlen(s), &t, &n) == CHR_OK);
    const char *want[] = {"Putin's", "1,000", "U.S.",    "troops",        ",",    "3.5", "%", "on",
                          "19th",    "-",     "century", "Russo-Chinese", "ties", "."};
    CHECK_INT(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n && i < sizeof want / sizeof *want; i++) {
        size_t l = t[i].end - t[i].start;
        if (l != strlen(want[i]) || memcmp(s + t[i].start, want[i], l) != 0) {
            fprintf(stderr, "  token %zu: got '%.*s' want '%s'\n", i, (int)l, s + t[i].start,
                    want[i]);
            unit_failed_checks++;
        }
    }
    CHECK(n > 1 && t[1].kind == CHR_TOK_NUMBER);
    free(t);
}

/* text is identified as want */
static void expect_lang(const char *text, const char *want)
{
    char lang[8];
    chr_detect_language(text, strlen(text), lang);
    CHECK_STR(lang, want);
}

TEST(language)
{
    const char *fr = "Le président a annoncé mardi que le gouvernement allait présenter un "
                     "nouveau projet de loi sur les retraites avant la fin de l'année.";
    const char *es = "El presidente anunció el martes que el gobierno presentará un nuevo "
                     "proyecto de ley sobre las pensiones antes de que termine el año.";
    const char *en = "The president announced on Tuesday that the government would present a "
                     "new pensions bill before the end of the year.";
    expect_lang(fr, "fr");
    expect_lang(es, "es");
    expect_lang(en, "en");
    /* a short Portuguese text that the trigram profiles give to Catalan;
     * a Spanish one naming São Paulo stays Spanish */
    const char *pt = "O sr. João Silva e a sra. Maria chegaram. A Petrobras S.A. anunciou "
                     "lucro. O dep. Costa falou com o gen. Lima às 14h30. Fim. Ele não falou, "
                     "não.";
    expect_lang(pt, "pt");
    /* a short Italian text the profiles give to Catalan; Catalan stays */
    const char *it = "La Fiat Chrysler Automobiles ha chiuso il trimestre con un utile in "
                     "crescita. L'amministratore delegato Sergio Marchionne ha presentato i "
                     "conti a Torino.";
    expect_lang(it, "it");
    const char *ca = "El govern ha aprovat la reforma de les pensions aquesta nit.";
    expect_lang(ca, "ca");
    const char *es2 = "El gobierno de São Paulo anunció ayer nuevas medidas para la región.";
    expect_lang(es2, "es");
    const char *es3 = "El alcalde João Doria llegó a São Paulo con su equipo y dijo que la "
                      "ciudad está lista para los Juegos.";
    expect_lang(es3, "es");
    /* Catalan wire copy long enough for the stop-word count, which shares
     * "el la de en es una" with Spanish and holds none of els/dels/amb */
    const char *ca2 = "BARCELONA - Un tren de Rodalies de la linia R2 va descarrilar ahir a "
                      "l'estacio de Montcada i Reixac sense causar ferits greus. Segons Adif, el "
                      "descarrilament es va produir per una fallada en un canvi d'agulles. "
                      "Dimarts passat ja hi havia hagut una avaria al mateix punt, va denunciar "
                      "la consellera de Territori. La linia R2 no es restablira fins dilluns.";
    expect_lang(ca2, "ca");
    const char *es4 = "BARCELONA - Un tren de Cercanías de la línea R2 descarriló ayer en la "
                      "estación de Montcada i Reixac sin causar heridos graves. Según Adif, el "
                      "descarrilamiento se produjo por un fallo en un cambio de agujas. El martes "
                      "pasado ya hubo una avería en el mismo punto, denunció la consejera de "
                      "Territorio. La línea R2 no se restablecerá hasta el lunes.";
    expect_lang(es4, "es");
    /* a longer Italian page under its site's menu, which the profiles give
     * to Catalan: its function words are Italian's */
    const char *it2 = "La Gazzetta di Roma Prima pagina · Italia · Mondo · Economia · "
                      "Spettacoli · Sport · Meteo · Oroscopo La Lega araba scarica Assad "
                      "Domenica 13 Novembre 2011 - 10:05 di Mario Bianchi Con una decisione "
                      "senza precedenti la Lega araba ha sospeso ieri la Siria, uno dei suoi "
                      "membri fondatori. La sospensione scatterà mercoledì se Damasco non "
                      "fermerà le violenze. Sabato sera, poche ore dopo il voto, migliaia di "
                      "sostenitori del regime hanno assaltato le ambasciate a Damasco.";
    expect_lang(it2, "it");
    /* a short Italian sentence the profiles give to Catalan, with none of
     * the first Italian-only words: "hanno", "scorso", "città" are */
    expect_lang("Martedì scorso i ribelli hanno preso la città.", "it");
    /* English headlines: in title case (read in lower case: capitals are
     * German nouns to the profiles), and short ones the profiles find as
     * likely English as another language */
    expect_lang("Taylor Swift Named Highest Earner In Music In Billboard List", "en");
    expect_lang("See What George Zimmerman Is Doing For Money Now", "en");
    expect_lang("Stocks fall on weak China export data", "en");
    expect_lang("Stocks slip slightly", "en");
    expect_lang("Colorado pot taxes generate millions", "en");
    expect_lang("Der Bundestag Stimmt Dem Gesetz Zur Reform Der Rente Zu", "de");
    /* Romanian as web copy writes it, without diacritics */
    expect_lang("Saptamana trecuta guvernul a demisionat dupa protestele de la Bucuresti.", "ro");
    /* one-line sentences the trigram profiles give to a neighbour, settled
     * by words only their language writes (weekdays, auxiliaries) */
    expect_lang("Il presidente Mubarak ha lasciato il paese lunedì scorso, secondo la "
                "televisione di Stato.",
                "it");
    expect_lang("Giovedì il presidente ha parlato al parlamento.", "it");
    expect_lang("DAMASCO, 3 Feb. (EUROPA PRESS) - Al menos 30 personas murieron este viernes en "
                "Homs.",
                "es");
    expect_lang("El Cairo, 11 feb (EFE).- Hosni Mubarak dimitió hoy como presidente de Egipto.",
                "es");
    expect_lang("Mercredi, les rebelles ont perdu Ajdabiya.", "fr");
    expect_lang("Un couple ami envisage de se marier début novembre à la mairie.", "fr");
    expect_lang("Ontem, o Conselho Nacional Sírio pediu armas.", "pt");
    expect_lang("Morsi vai tomar posse no sábado.", "pt"); /* sábado is Spanish too */
    /* German and Dutch stay themselves ("des", "hier", "das" are words of
     * French and Portuguese too) */
    expect_lang("Der Chef des Konzerns trat am Dienstag zurück.", "de");
    expect_lang("Der Sprecher des Ministeriums sagte hier am Montag, die Gespräche gingen weiter.",
                "de");
    expect_lang("Het kabinet vergaderde hier op dinsdag.", "nl");
    /* sentences the profiles place nowhere (no guess: English by default),
     * placed by their own words; a headline with markup stays English */
    expect_lang("La riunione è in programma giovedì a Ginevra.", "it");
    expect_lang("Il mese prossimo ci saranno nuove sanzioni.", "it");
    expect_lang("Split|Screen: A First Look at <em>Titanfall</em>", "en");
    /* own endings: "-zione", "-ción", "-ção" (not "-ció": "anunció") */
    expect_lang("La manifestazione di sabato a Roma.", "it");
    expect_lang("Nuove manifestazioni a Bengasi.", "it"); /* longer than any own word */
    expect_lang("El Ejército anunció el domingo que había recuperado Zawiya.", "es");
    /* a short text read as German by a few n-grams, placed by its own words;
     * Spanish preterites ("calificó", "llamó"); German and Dutch stay */
    expect_lang("La Tunisie vote dimanche.", "fr");
    expect_lang(
        "Internacional\n\nIr\xc3\xa1n condena la intervenci\xc3\xb3n saud\xc3\xad en "
        "Bahr\xc3\xa9in\n\nAgencia EFE\n\nTeher\xc3\xa1n, 15 mar. (EFE).- El Gobierno "
        "iran\xc3\xad calific\xc3\xb3 hoy de \"inaceptable\" la entrada de tropas extranjeras "
        "en Bahr\xc3\xa9in, que se produjo ayer. El ministro de Exteriores iran\xc3\xad "
        "llam\xc3\xb3 a consultas al encargado de negocios bahrein\xc3\xad esta semana.",
        "es");
    expect_lang("Die Regierung hat am Montag den Haushalt beschlossen.", "de");
    /* Romanian's own letters in lower-case words ("și", "împlinește"), not in
     * names ("Ceaușescu", "Timișoara") */
    expect_lang("ora 19:00 - Mii de oameni pornesc din Pia\xc8\x9b"
                "a Universit\xc4\x83\xc8\x9bii spre "
                "strada T\xc4\x83"
                "b\xc4\x83"
                "carilor.\nora 22:32 - Un moment de reculegere, la ora la "
                "care a izbucnit incendiul acum un an.\nAst\xc4\x83zi se \xc3\xaemplin"
                "e\xc8\x99te un an de la "
                "tragedie.\nCite\xc8\x99te \xc8\x99i: Horoscopul zilei de m\xc3\xa2ine",
                "ro");
    expect_lang("La protesta en Timi\xc8\x99oara y Bra\xc8\x99ov termin\xc3\xb3 con la ca\xc3\xad"
                "da de "
                "Ceau\xc8\x99"
                "escu.",
                "es");
    /* English headlines stay English */
    expect_lang("Mt. Gox files for US bankruptcy to halt class action", "en");
    expect_lang("Titanfall review: my buddy", "en");
}

static void expect_cut(const char *in, const char *want)
{
    char *h = chr_headline_cut(in, strlen(in), CHR_HEADLINE_WORDS);
    CHECK_STR(h, want);
    free(h);
}

TEST(headline_cut)
{
    /* a name's last word written twice by the source, once */
    expect_cut("Russian dictator Vladimir Putin Putin plans to visit Chinese leader Xi Jinping in "
               "May.",
               "Russian dictator Vladimir Putin plans to visit Chinese leader Xi Jinping in May");
    expect_cut("Floods reach Walla Walla after storm.", "Floods reach Walla Walla after storm");
    expect_cut("The the river rose.", "The the river rose");
    /* short: whole, without the final stop */
    expect_cut("Floods kill nine in Spain.", "Floods kill nine in Spain");
    /* long: up to the first clause break after six words */
    expect_cut("At least nine people died in the town of Villaserena, emergency services said on "
               "Wednesday, as rescuers searched for the missing.",
               "At least nine people died in the town of Villaserena...");
    /* no clause break: fourteen words, not ending on a function word (en, es, fr) */
    expect_cut("Regional authorities said the river rose faster than at any time since records "
               "began in the upper valley",
               "Regional authorities said the river rose faster than at any time since records "
               "began...");
    expect_cut(
        "El gobierno aprobó un paquete de ayudas para los municipios afectados por la riada de "
        "la semana pasada",
        "El gobierno aprobó un paquete de ayudas para los municipios afectados por la riada...");
    expect_cut("Le gouvernement a adopté un plan d'aide aux communes touchées par les inondations "
               "de la semaine dernière dans le sud",
               "Le gouvernement a adopté un plan d'aide aux communes touchées par les "
               "inondations...");
    /* a few words over fourteen: whole, not cut before its last phrase */
    expect_cut(
        "Las tropas de Gadafi y los rebeldes libran combates dentro de la ciudad de Misrata",
        "Las tropas de Gadafi y los rebeldes libran combates dentro de la ciudad de Misrata");
}

/* want NULL: the sentence has no headline without "..." */
static void expect_clean(const char *in, const char *want)
{
    char *h = NULL;
    CHECK(chr_headline_clean(in, strlen(in), CHR_HEADLINE_WORDS, &h) == CHR_OK);
    if (want)
        CHECK_STR(h, want);
    else
        CHECK_STR(h ? h : "(none)", "(none)");
    free(h);
}

TEST(headline_clean)
{
    /* short: whole, without the final stop; a doubled name once */
    expect_clean("Floods kill nine in Spain.", "Floods kill nine in Spain");
    expect_clean(
        "Russian dictator Vladimir Putin Putin plans to visit Chinese leader Xi Jinping in "
        "May.",
        "Russian dictator Vladimir Putin plans to visit Chinese leader Xi Jinping in May");
    /* the clause before an attribution, an adjunct or a participle */
    expect_clean("At least nine people died in the town of Villaserena, emergency services said on "
                 "Wednesday, as rescuers searched for the missing.",
                 "At least nine people died in the town of Villaserena");
    expect_clean(
        "Russian President Vladimir Putin is set to embark on a trip abroad, with scheduled "
        "visits to Beijing and Harbin.",
        "Russian President Vladimir Putin is set to embark on a trip abroad");
    expect_clean("The wife of former Chilean dictator Augusto Pinochet appealed for his release, "
                 "saying he is too sick to be extradited to Spain.",
                 "The wife of former Chilean dictator Augusto Pinochet appealed for his release");
    expect_clean("El gobierno aprobó un paquete de ayudas para los municipios afectados, según "
                 "informó el ministerio de Hacienda el lunes por la tarde.",
                 "El gobierno aprobó un paquete de ayudas para los municipios afectados");
    /* a leading adverbial phrase dropped, the rest capitalised */
    expect_clean("In a significant diplomatic move, Putin is set to visit Beijing and Harbin this "
                 "week, officials in Moscow told reporters on Tuesday.",
                 "Putin is set to visit Beijing and Harbin this week");
    /* a comma before the sixth word may open an apposition: no cut */
    expect_clean("Ariel Sharon, the hawkish former general tipped to be Israel's next foreign "
                 "minister, said on Monday that talks with the Palestinians would resume.",
                 NULL);
    expect_clean(
        "Another son of the leader, Khamis, was killed with his guards when rebel fighters "
        "attacked the convoy near Orne on Monday night.",
        NULL);
    expect_clean("In Moscow, the capital, officials prepared the visit of the Chinese leader with "
                 "great care and much money.",
                 NULL);
    /* what follows the comma is news too, not a detail; a cut inside a quotation */
    expect_clean(
        "The barrier of the lower town of Orne broke in the storm, the river flooded forty "
        "homes and the school.",
        NULL);
    expect_clean(
        "The mayor promised \"to rebuild every house in the lower town, with money from the "
        "state\" at a meeting on Monday evening in the town hall.",
        NULL);
    /* an attribution whose report goes on is no detail: "..., the agency
     * said prices rose ...", "..., it said it bought ...", "..., said he
     * would ...", "..., Trunkline said, it is ..." */
    expect_clean("In its monthly report on world grain markets, the agency said wheat stocks fell "
                 "sharply in most exporting countries.",
                 "The agency said wheat stocks fell sharply in most exporting countries");
    expect_clean("When it first disclosed its stake in the retailer last month, it said it bought "
                 "the shares for investment.",
                 NULL);
    expect_clean(
        "The chairman of the House tax committee John Smith, an Ohio Democrat, said his panel "
        "would raise taxes.",
        NULL);
    expect_clean("In a filing with the energy regulators on Monday, the pipeline said, it is "
                 "reducing its rate for gas.",
                 NULL);
    expect_clean("A spokesman for the growers federation of the coastal provinces, commenting on "
                 "rumours, said these were false.",
                 NULL);
    /* a participle or adjunct closed by a comma before the verb is a
     * parenthetical; a number's comma is no clause break */
    expect_clean("Commercial loans on the books of the ten largest city banks, excluding "
                 "acceptances, fell 195 mln dlrs in the week.",
                 NULL);
    expect_clean("The company said the new memory chip, measuring one centimetre and holding "
                 "553,687 transistors, is the densest yet made.",
                 NULL);
    expect_clean(
        "The projected deficit for fiscal 1987, ending March, is 56.9 billion rupees, down "
        "from a record of 82.9 billion.",
        "The projected deficit for fiscal 1987, ending March, is 56.9 billion rupees");
    /* no cut that ends on a function word or before "as" + possessive */
    expect_clean("The senior vice president of the trade group said that, although sales rose in "
                 "the autumn, the industry waits.",
                 NULL);
    expect_clean(
        "The exchange said it named the bank's chief, John Smith, as its new president and "
        "chief executive.",
        NULL);
    /* an attribution that ends its clause, a clause of its own */
    expect_clean("Exports of raw sugar from the island totalled 162,500 tonnes in late 1986, the "
                 "ministry said on Tuesday.",
                 "Exports of raw sugar from the island totalled 162,500 tonnes in late 1986");
    expect_clean(
        "Sales at the retail chain rose to 328.5 mln dlrs in February, up from 276.5 mln a "
        "year before.",
        "Sales at the retail chain rose to 328.5 mln dlrs in February");
    /* an apposition that ends the sentence, or its clause before a final
     * attribution; a clause a few words over the limit is still whole */
    expect_clean("Israeli security officials delayed two planes from taking off from the "
                 "Palestinian airport on Wednesday, the latest tensions in a rare area of "
                 "cooperation.",
                 "Israeli security officials delayed two planes from taking off from the "
                 "Palestinian airport on Wednesday");
    expect_clean("America Online is on the verge of agreeing to purchase Netscape Communications "
                 "Corp., the Internet pioneer at the center of the antitrust suit against "
                 "Microsoft Corp., executives involved in the talks said Sunday.",
                 "America Online is on the verge of agreeing to purchase Netscape Communications "
                 "Corp.");
    /* an apposition the main clause's verb follows is no ending */
    expect_clean("The union leader of the dock workers in Rotterdam, the largest port in Europe, "
                 "called a strike for Monday over the new shift rosters.",
                 NULL);
    /* an opening participle phrase dropped; an opening attribution's report */
    expect_clean("Struggling to meet their fourth deadline over the federal budget, congressional "
                 "Republicans and White House officials wrestled Tuesday with their differences.",
                 "Congressional Republicans and White House officials wrestled Tuesday with their "
                 "differences");
    expect_clean("Representatives of exiled East Timorese pro-independence groups in Lisbon said "
                 "Friday that Indonesian troops attacked unarmed civilians in a village, killing "
                 "one East Timorese and wounding 22 others.",
                 "Indonesian troops attacked unarmed civilians in a village");
    expect_clean("The Facing Committee of the exiled groups said Friday that it would hold talks "
                 "with the government of the territory in a village in the mountains next week.",
                 NULL);
    /* a clause without its adverbial phrases: before a preposition, after a verb */
    expect_clean(
        "Egyptian President Hosni Mubarak met here Sunday with Syrian President Hafez Assad "
        "to try to defuse growing tension between Syria and Turkey.",
        "Egyptian President Hosni Mubarak met here Sunday");
    /* a modal's verb wants what follows the preposition: no cut there */
    expect_clean("Russian President Vladimir Putin will discuss with Chinese President Xi Jinping "
                 "the comprehensive partnership between the two countries, the Kremlin said.",
                 NULL);
    expect_clean("Brazil and the International Monetary Fund moved closer Tuesday to agreement on "
                 "an expected 30 billion dollar rescue package for the economy.",
                 "Brazil and the International Monetary Fund moved closer Tuesday to agreement");
    /* no verb yet, a clause left open: no cut */
    expect_clean(
        "A third leading advocate of the China Democracy Party who has been in custody for "
        "a month was accused of inciting the overthrow of the government.",
        NULL);
    expect_clean("Shortly before the government filed its antitrust suit against the software "
                 "maker in May the assistant attorney general met a Silicon Valley executive.",
                 NULL);
}

UNIT_MAIN_BEGIN
RUN(day_month_abbreviations);
RUN(abbreviations_and_initials);
RUN(initials_open_sentences);
RUN(headline_cut);
RUN(headline_clean);
RUN(romance_abbreviations);
RUN(german_ordinals);
RUN(glued_sentences);
RUN(quotes_close_sentences);
RUN(ptb_quotes_start_sentences);
RUN(paragraphs_split);
RUN(empty_and_space);
RUN(tokens);
RUN(language);
UNIT_MAIN_END
