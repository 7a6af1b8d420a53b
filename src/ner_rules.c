/* chronicle — entity: rules applied around the statistical tagger. Owns
 * the title rule ("Chinese President Xi Jinping", "aide Yury Ushakov"),
 * gazetteer-only labelling, gazetteer organisations the model missed, and
 * the repairs of the English model's names in other languages. Only the
 * language repairs relabel or unlabel; the other rules fill tokens the
 * model left as O. */
#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "text_int.h"

#define CATS_LOC ((1u << GZ_COUNTRY) | (1u << GZ_BIGCITY) | (1u << GZ_REGION))
#define CATS_ORG ((1u << GZ_ORG) | (1u << GZ_AGENCY) | (1u << GZ_GOVBODY) | (1u << GZ_COMPANY))

static int all_o(const uint8_t *lab, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (lab[i])
            return 0;
    return 1;
}

static void set_span(uint8_t *lab, uint8_t *mark, size_t a, size_t b, int type)
{
    for (size_t i = a; i < b; i++) {
        lab[i] = (uint8_t)(i == a ? ner_lab_b(type) : ner_lab_b(type) + 1);
        mark[i] |= NER_MARK_RULE;
    }
}

/* The gazetteer type of a match when it is unambiguous, else -1. */
static int gaz_type(const ner_gaz_info *gi, int strict)
{
    unsigned c = gi->cats;
    int loc = (c & (CATS_LOC | (strict ? 0 : (1u << GZ_CITY) | (1u << GZ_SUBDIV)))) != 0;
    int org = (c & CATS_ORG) != 0;
    int misc = (c & ((1u << GZ_DEMONYM) | (1u << GZ_MISC))) != 0;
    if (loc + org + misc != 1 || (c & (1u << GZ_FIRSTNAME) && strict))
        return -1;
    return loc ? CHR_ENT_LOC : org ? CHR_ENT_ORG : CHR_ENT_MISC;
}

static int capitalised(const ner_tok *t)
{
    return (t->flags & (NT_UPPER0 | NT_DIGIT)) != 0;
}

/* The gazetteer's names in the sentence of tokens [a, b) that are still
 * unlabelled take their type (gaz_type, strict as given). */
static void label_known(const ner_doc *d, size_t a, size_t b, uint8_t *lab, uint8_t *mark,
                        int strict)
{
    for (size_t i = a; i < b;) {
        ner_gaz_match m = ner_gaz_longest(d->t + a, b - a, i - a);
        int type = m.info ? gaz_type(m.info, strict) : -1;
        if (type >= 0 && capitalised(&d->t[i]) && all_o(lab, i, a + m.end)) {
            set_span(lab, mark, i, a + m.end, type);
            i = a + m.end;
        } else {
            i++;
        }
    }
}

void ner_rules_gazetteer(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++)
        label_known(d, d->sent0[k], d->sent0[k + 1], lab, mark, 0);
}

void ner_rules_headline(const ner_doc *d, uint8_t *lab, uint8_t *mark, const char *lang)
{
    if (lang && *lang && strncmp(lang, "en", 2) != 0)
        return;
    for (size_t k = 0; k < d->nsent; k++) {
        size_t a = d->sent0[k], b = d->sent0[k + 1];
        if (d->headline[k])
            label_known(d, a, b, lab, mark, 1);
    }
}

/* "Belt and Road Forum" that the model cut into "Belt" + "Road Forum": a
 * gazetteer name of three words or more that starts and ends with names the
 * model found, with only lower-case words between them, is one name. */
static void join_pieces(const ner_doc *d, size_t a, size_t b, uint8_t *lab, uint8_t *mark)
{
    for (size_t i = a; i < b; i++) {
        if (!ner_lab_is_b(lab[i]) || !(d->gaz_b[i] & (CATS_ORG | CATS_LOC | (1u << GZ_MISC))))
            continue;
        ner_gaz_match m = ner_gaz_longest(d->t + a, b - a, i - a);
        size_t e = a + m.end;
        if (!m.info || e - i < 3 || !lab[e - 1] || (e < b && lab[e] && !ner_lab_is_b(lab[e])))
            continue;
        int type = gaz_type(m.info, 1), pieces = 0, ok = type >= 0;
        for (size_t q = i; q < e && ok; q++) {
            if (ner_lab_is_b(lab[q]))
                pieces++;
            else if (!lab[q] && (d->t[q].flags & NT_UPPER0))
                ok = 0;
        }
        if (ok && pieces >= 2) {
            set_span(lab, mark, i, e, type);
            i = e - 1;
        }
    }
}

void ner_rules_apply(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t a = d->sent0[k], b = d->sent0[k + 1];
        if (d->allcaps[k])
            continue;
        join_pieces(d, a, b, lab, mark);
        for (size_t i = a; i < b; i++) {
            if (!((d->gaz_b[i]) & ((1u << GZ_TITLE) | CATS_ORG)))
                continue;
            ner_gaz_match m = ner_gaz_longest(d->t + a, b - a, i - a);
            if (!m.info)
                continue;
            size_t e = a + m.end;
            /* one word is enough for an acronym, or for a company's name
             * inside a sentence ("used Facebook and Twitter") */
            int one_word_ok =
                (m.info->flags & GZF_EXACT) || (m.info->cats == (1u << GZ_COMPANY) && i > a);
            if ((m.info->cats & CATS_ORG) && all_o(lab, i, e) && capitalised(&d->t[i]) &&
                gaz_type(m.info, 1) == CHR_ENT_ORG && (one_word_ok || e - i > 1)) {
                set_span(lab, mark, i, e, CHR_ENT_ORG);
                i = e - 1;
                continue;
            }
            if (!(m.info->cats & (1u << GZ_TITLE)) || e >= b)
                continue;
            /* title, then up to three capitalised words the model left as O */
            size_t p = e;
            if (p < b && d->text[d->t[p].start] == ']')
                p++;
            size_t q = p;
            while (q < b && q - p < 3 && (d->t[q].flags & NT_UPPER0) &&
                   (d->t[q].flags & NT_ALPHA) && !(d->t[q].flags & NT_ALLUP) && !lab[q] &&
                   !(d->gaz_1[q] & ((1u << GZ_TITLE) | (1u << GZ_DEMONYM) | CATS_LOC | CATS_ORG)))
                q++;
            if (q > p && (q >= b || !(d->t[q].flags & NT_UPPER0)))
                set_span(lab, mark, p, q, CHR_ENT_PER);
        }
    }
}

/* A figures table of the wire ("Shr 30 cts vs 5.92 dlrs", "Avg shrs 5.1 mln
 * vs 4.9 mln", "Revs 10.6 mln vs 24.2 mln"): its rows open with a label,
 * the label's figure, a lower-case unit and "vs" the year-ago figure. A
 * name of one or two words that opens a sentence that way, and that the
 * gazetteer does not know as a place or an organisation, is such a label.
 * (Sports results, "Somerset 83 and 174", "Celtic 2 Rangers 0", compare
 * nothing with "vs".) */
static int has_vs(const ner_doc *d, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        size_t n = d->t[i].end - d->t[i].start;
        const char *w = d->text + d->t[i].start;
        if ((n == 2 || (n == 3 && w[2] == '.')) && w[0] == 'v' && w[1] == 's')
            return 1;
    }
    return 0;
}

/* The word after a figure in a results table: a money or count unit, or
 * "vs" itself ("Net 1,142,000 vs 16.0 mln"); not "pct" (a poll's "Clinton
 * 45 pct vs 41 pct" names a person). */
static int figure_unit(const ner_doc *d, size_t i)
{
    static const char *const units[] = {"cts", "dlrs", "dlr",   "mln",    "bln",  "billion", "vs",
                                        "stg", "yen",  "marks", "francs", "shrs", NULL};
    size_t n = d->t[i].end - d->t[i].start;
    const char *w = d->text + d->t[i].start;
    for (const char *const *u = units; *u; u++)
        if (strlen(*u) == n && memcmp(w, *u, n) == 0)
            return 1;
    return 0;
}

void ner_rules_table_labels(const ner_doc *d, uint8_t *lab)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t a = d->sent0[k], b = d->sent0[k + 1];
        if (!ner_lab_is_b(lab[a]))
            continue;
        size_t e = a + 1;
        while (e < b && lab[e] && !ner_lab_is_b(lab[e]))
            e++;
        size_t f = e; /* "Shr Class A 61 cts vs 48 cts": the class's letter */
        if (f + 1 < b && d->t[f].end - d->t[f].start == 1 && (d->t[f].flags & NT_UPPER0))
            f++;
        if (e - a > 2 || f + 1 >= b || !(d->t[f].flags & NT_DIGIT) || (d->t[f].flags & NT_ALPHA) ||
            !figure_unit(d, f + 1) || (d->gaz_1[a] & (CATS_LOC | CATS_ORG)) || !has_vs(d, f + 1, b))
            continue;
        for (size_t i = a; i < e; i++)
            lab[i] = 0;
    }
}

/* ---- repairs for documents in other languages ---------------------------
 * The model was trained on English; in Spanish, French, Italian or
 * Portuguese text it finds the capitalised names but often types them
 * wrongly and takes articles into them. The repairs below use word lists of
 * those languages (folded to lower case; accents kept) and the gazetteer. */

static size_t tok_fold(const ner_doc *d, size_t i, char *buf, size_t cap)
{
    const ner_tok *t = &d->t[i];
    size_t n = t->end - t->start;
    if (n >= cap)
        return 0;
    return ner_fold(d->text + t->start, n, buf, cap);
}

static int in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (list[k][0] == w[0] && strcmp(w, list[k]) == 0)
            return 1;
    return 0;
}

#define IN_LIST(d, i, list) tok_in_list(d, i, list, sizeof list / sizeof *list)

static int tok_in_list(const ner_doc *d, size_t i, const char *const *list, size_t n)
{
    char buf[32];
    return tok_fold(d, i, buf, sizeof buf) && in_list(buf, list, n);
}

/* Closed-class words of the Romance and Germanic languages the pipeline
 * identifies: articles, prepositions, contractions, conjunctions,
 * demonstratives and pronouns that begin sentences, and courtesy titles.
 * English is not repaired (the model was trained on it). */
static const char *const function_words[] = {
    /* fr */ "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "au",
    "aux",
    "et",
    "en",
    "par",
    "pour",
    "sur",
    "dans",
    "avec",
    "selon",
    "ce",
    "cet",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "vous",
    "qu'",
    "mais",
    "ou",
    "si",
    "m.",
    "mme",
    "mm.",
    /* es */ "el",
    "los",
    "las",
    "lo",
    "del",
    "al",
    "una",
    "unos",
    "unas",
    "y",
    "con",
    "por",
    "para",
    "según",
    "segun",
    "este",
    "esta",
    "estos",
    "estas",
    "ese",
    "esa",
    "aquel",
    "pero",
    "sin",
    "sr.",
    "sra.",
    "desde",
    "tras",
    "ante",
    "entre",
    "hacia",
    "mientras",
    /* it */ "il",
    "gli",
    "i",
    "di",
    "da",
    "dei",
    "degli",
    "delle",
    "della",
    "dello",
    "dal",
    "dalla",
    "nel",
    "nella",
    "nei",
    "sul",
    "sulla",
    "alla",
    "allo",
    "alle",
    "ai",
    "agli",
    "dell'",
    "all'",
    "dall'",
    "nell'",
    "sull'",
    "un'",
    "uno",
    "questo",
    "questa",
    "quello",
    "quella",
    "ma",
    "con",
    "per",
    "tra",
    "fra",
    "secondo",
    /* pt */ "o",
    "os",
    "a",
    "as",
    "do",
    "dos",
    "da",
    "das",
    "no",
    "nos",
    "na",
    "nas",
    "um",
    "uma",
    "ao",
    "aos",
    "pelo",
    "pela",
    "com",
    "em",
    "esse",
    "essa",
    "isso",
    "isto",
    "mas",
    /* ro */ "în",
    "pe",
    "cu",
    "și",
    "şi",
    "din",
    "lui",
    "ale",
    "cel",
    "cea",
    "acest",
    "această",
    "dl.",
    "dna",
    /* de, nl */ "der",
    "die",
    "das",
    "dem",
    "den",
    "des",
    "ein",
    "eine",
    "einen",
    "und",
    "mit",
    "im",
    "am",
    "zum",
    "zur",
    "het",
    "een",
    "van",
    "op",
    /* ca */ "els",
    "dels",
    "als",
    "pels",
    "amb",
    "aquest",
    "aquesta",
    "segons",
    "l’",
    "d’",
    /* ru */ "в",
    "во",
    "на",
    "с",
    "со",
    "к",
    "по",
    "из",
    "от",
    "до",
    "для",
    "о",
    "об",
    "у",
    "за",
    "при",
    "и",
    "но",
    "после",
    "перед",
    "над",
    "под",
    "между",
    "это",
    "этот",
    "эта",
};

static int function_word(const ner_doc *d, size_t i)
{
    return IN_LIST(d, i, function_words);
}

/* Italian demonstratives that open a sentence before a date or a noun
 * ("Quel 25 gennaio 2011", "Quei giorni"), in Italian text only: Quel is a
 * town of La Rioja, Quelle a firm. */
static const char *const it_demonstratives[] = {"quel",   "quei",   "quegli", "quelle",
                                                "quell'", "questi", "queste", "quest'"};

/* function_word, with the words only lang has. */
static int lang_function_word(const ner_doc *d, size_t i, const char *lang)
{
    return function_word(d, i) ||
           (lang && strncmp(lang, "it", 2) == 0 && IN_LIST(d, i, it_demonstratives));
}

/* A lower-case "and" or "or" (names on either side are two names). */
static int conjunction(const ner_doc *d, size_t i)
{
    static const char *const words[] = {"et", "ou", "y", "o", "e", "und", "oder"};
    const ner_tok *t = &d->t[i];
    size_t n = t->end - t->start;
    if (!(t->flags & NT_LOWER0) || n > 4)
        return 0;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && memcmp(d->text + t->start, words[k], n) == 0)
            return 1;
    return 0;
}

/* Prepositions (with their articles) that link a title to its portfolio or
 * an institution to its owner: "ministro de", "ministre des", "ministro
 * dell'", "secrétaire d'", "Gobierno de". */
static const char *const of_words[] = {
    "de",    "del",   "de la", "la",    "l'",  "des", "du", "d'",  "di",  "della",
    "dell'", "degli", "delle", "dello", "dei", "da",  "do", "dos", "das", "der",
};

/* Nouns that head the name of an institution: "Gobierno", "Ejército",
 * "Conseil", "Ministero"... A name that opens with one is an organisation,
 * not a person (the English model reads "Consejo de Seguridad" as a
 * person's name). es, fr, it, pt. */
static const char *const head_nouns[] = {
    /* es */ "gobierno",
    "ejército",
    "consejo",
    "ministerio",
    "partido",
    "frente",
    "comisión",
    "asamblea",
    "parlamento",
    "tribunal",
    "policía",
    "fuerzas",
    "movimiento",
    "observatorio",
    "banco",
    "agencia",
    "congreso",
    "senado",
    "cámara",
    "corte",
    "fiscalía",
    "audiencia",
    "junta",
    "guardia",
    "armada",
    "fundación",
    "universidad",
    "instituto",
    "organización",
    "oficina",
    "departamento",
    "secretaría",
    "federación",
    "confederación",
    "unión",
    "liga",
    "alianza",
    "coalición",
    "comité",
    "sindicato",
    "bolsa",
    "servicio",
    "autoridad",
    "brigadas",
    "milicias",
    "presidencia",
    "cancillería",
    "ayuntamiento",
    "embajada",
    "generalitat",
    "mossos",
    /* fr */ "gouvernement",
    "armée",
    "conseil",
    "ministère",
    "parti",
    "front",
    "commission",
    "assemblée",
    "parlement",
    "police",
    "forces",
    "mouvement",
    "observatoire",
    "banque",
    "agence",
    "congrès",
    "sénat",
    "chambre",
    "cour",
    "parquet",
    "garde",
    "fondation",
    "université",
    "institut",
    "organisation",
    "office",
    "département",
    "secrétariat",
    "fédération",
    "confédération",
    "union",
    "ligue",
    "alliance",
    "coalition",
    "comité",
    "syndicat",
    "bourse",
    "service",
    "autorité",
    "brigades",
    "gendarmerie",
    "préfecture",
    "mairie",
    "ambassade",
    "présidence",
    /* it */ "governo",
    "esercito",
    "consiglio",
    "ministero",
    "partito",
    "fronte",
    "commissione",
    "assemblea",
    "tribunale",
    "polizia",
    "forze",
    "movimento",
    "osservatorio",
    "banca",
    "agenzia",
    "congresso",
    "senato",
    "procura",
    "fondazione",
    "università",
    "istituto",
    "organizzazione",
    "ufficio",
    "dipartimento",
    "segreteria",
    "federazione",
    "confederazione",
    "unione",
    "lega",
    "alleanza",
    "coalizione",
    "comitato",
    "sindacato",
    "borsa",
    "servizio",
    "autorità",
    "brigate",
    "carabinieri",
    "questura",
    "prefettura",
    "ambasciata",
    "presidenza",
    "farnesina",
    /* pt */ "governo",
    "exército",
    "conselho",
    "ministério",
    "comissão",
    "assembleia",
    "polícia",
    "forças",
    "observatório",
    "agência",
    "fundação",
    "universidade",
    "organização",
    "gabinete",
    "secretaria",
    "federação",
    "confederação",
    "união",
    "aliança",
    "coligação",
    "coalizão",
    "comitê",
    "serviço",
    "autoridade",
    "brigadas",
    "procuradoria",
    "presidência",
    "itamaraty",
};

/* Lower-case adjectives that belong to an institution's name after its
 * head noun ("Banque centrale européenne", "Union africaine", "Guardia
 * costiera", "Fondo monetario internazionale"). Nationality adjectives are
 * not among them: "el Ejército sirio" is the army, described. */
static const char *const org_adjectives[] = {
    "central",        "centrale",        "centrales",
    "européen",       "européenne",      "europeo",
    "europea",        "europeu",         "europeia",
    "internacional",  "international",   "internationale",
    "internazionale", "nacional",        "national",
    "nationale",      "nazionale",       "federal",
    "fédéral",        "fédérale",        "federale",
    "africain",       "africaine",       "africano",
    "africana",       "árabe",           "arabe",
    "araba",          "arabo",           "islámico",
    "islámica",       "islamique",       "islamico",
    "islamica",       "islâmico",        "islâmica",
    "supremo",        "suprema",         "suprême",
    "constitucional", "constitutionnel", "constitutionnelle",
    "costituzionale", "penal",           "pénal",
    "pénale",         "penale",          "mondial",
    "mondiale",       "mundial",         "monetario",
    "monétaire",      "monetário",       "popular",
    "populaire",      "popolare",        "democrático",
    "democrática",    "démocratique",    "democratico",
    "democratica",    "socialista",      "socialiste",
    "comunista",      "communiste",      "republicano",
    "republicana",    "républicain",     "républicaine",
    "repubblicano",   "repubblicana",    "nacionalista",
    "nationaliste",   "costiera",        "costera",
    "côtière",        "civil",           "civile",
    "militar",        "militaire",       "militare",
    "revolucionario", "révolutionnaire", "rivoluzionario",
    "patriótico",     "patriotique",     "patriottico",
    "unies",          "unite",           "unidas",
    "armées",         "armate",          "armadas",
    "armadas",        "électorale",      "electoral",
    "elettorale",     "financière",      "financiero",
    "finanziaria",
};

/* Portfolios that follow a title and its preposition: "el ministro de
 * Defensa", "le ministre des Affaires étrangères", "il ministro
 * dell'Interno", "le secrétaire d'Etat": part of the role, not a name.
 * Words are folded and separated by one space. */
static const char *const portfolios[] = {
    /* es */ "defensa",
    "exteriores",
    "asuntos exteriores",
    "relaciones exteriores",
    "interior",
    "hacienda",
    "economía",
    "justicia",
    "estado",
    "sanidad",
    "salud",
    "trabajo",
    "educación",
    "industria",
    "energía",
    "agricultura",
    "finanzas",
    "comercio",
    "fomento",
    "cultura",
    "transportes",
    "medio ambiente",
    "seguridad",
    "exterior",
    "guerra",
    "información",
    /* fr (capitals often lose their accent: "Economie", "Etat") */
    "défense",
    "armées",
    "affaires étrangères",
    "intérieur",
    "interieur",
    "économie",
    "economie",
    "finances",
    "etat",
    "état",
    "santé",
    "travail",
    "éducation",
    "education",
    "éducation nationale",
    "budget",
    "transports",
    "environnement",
    "affaires européennes",
    "comptes publics",
    /* it */ "interno",
    "interni",
    "esteri",
    "affari esteri",
    "difesa",
    "economia",
    "finanze",
    "giustizia",
    "stato",
    "salute",
    "lavoro",
    "istruzione",
    "tesoro",
    "sviluppo economico",
    "infrastrutture",
    "ambiente",
    "sanità",
    /* pt */ "defesa",
    "negócios estrangeiros",
    "relações exteriores",
    "administração interna",
    "fazenda",
    "finanças",
    "justiça",
    "saúde",
    "educação",
    "segurança",
};

/* Nouns that head the name of a place or building: "Palazzo Chigi",
 * "Plaza de Mayo", "Isla de Lesbos". */
static const char *const loc_heads[] = {
    "palacio",    "palais",   "palazzo",   "palácio",  "plaza",     "piazza",    "praça",
    "aeropuerto", "aéroport", "aeroporto", "estrecho", "détroit",   "stretto",   "estreito",
    "golfo",      "golfe",    "isla",      "islas",    "île",       "îles",      "isola",
    "isole",      "ilha",     "ilhas",     "monte",    "mont",      "lago",      "lac",
    "río",        "fleuve",   "fiume",     "valle",    "vallée",    "península", "péninsule",
    "penisola",   "cabo",     "provincia", "province", "región",    "région",    "regione",
    "região",     "distrito", "barrio",    "quartier", "quartiere", "bairro",    "avenida",
    "calle",      "via",      "rua",
};

/* Lower-case nouns of a square, street, quarter or island whose name
 * follows at once: "la plaza Tahrir", "na praça Tahrir", "piazza Navona",
 * "la place Tahrir", "el barrio Salah al Din" (not "via": "via Twitter"). */
static const char *const loc_heads_before[] = {
    "plaza", "praça",  "piazza", "place",      "avenida",   "rua",
    "calle", "barrio", "bairro", "quartiere",  "quartier",  "isla",
    "ilha",  "isola",  "île",    "aeropuerto", "aeroporto", "aéroport",
};

/* Capitalised common nouns the press writes for a country or a state
 * ("il Paese", "el Estado"): no name when alone. */
static const char *const lone_nouns[] = {
    "paese",  "país",    "pays",  "estado", "stato",  "état",    "etat",
    "nación", "nazione", "nação", "patria", "patrie", "capital", "capitale",
};

/* Particles inside people's names: "José Eduardo dos Santos", "Staffan de
 * Mistura", "Bashar al Asad". */
static const char *const name_particles[] = {
    "de", "da", "do", "dos", "das", "di", "van", "von", "al", "el", "bin", "ben", "ibn",
};

/* A given name and nothing else in the gazetteer (not a country, a big
 * city, an organisation): "Donald", "Isabel", "Matteo". */
static int given_name(const ner_doc *d, size_t i)
{
    unsigned g = d->gaz_1[i];
    return (g & (1u << GZ_FIRSTNAME)) && !(g & (CATS_LOC | CATS_ORG | (1u << GZ_DEMONYM))) &&
           (d->t[i].flags & NT_UPPER0) && !(d->t[i].flags & NT_ALLUP);
}

/* The organs of a state, named by their country ("el Gobierno de Egipto",
 * "l'armée de Syrie"): the country stays a place of its own; other
 * institutions with a place in their name are one name ("Università di
 * Cambridge", "Banco de Portugal"). */
static const char *const state_organs[] = {
    "gobierno",   "gouvernement", "governo",     "ejército", "armée",  "esercito",
    "exército",   "parlamento",   "parlement",   "policía",  "police", "polizia",
    "polícia",    "fuerzas",      "forces",      "forze",    "forças", "presidencia",
    "présidence", "presidenza",   "presidência",
};

static int head_noun(const ner_doc *d, size_t i)
{
    return (d->t[i].flags & NT_UPPER0) && IN_LIST(d, i, head_nouns);
}

/* Tokens in a portfolio starting at i and ending by e: 0 when none. */
static size_t portfolio_at(const ner_doc *d, size_t i, size_t e)
{
    char buf[96], w[48];
    size_t n = 0, best = 0;
    for (size_t j = i; j < e && j < i + 3; j++) {
        size_t wl = tok_fold(d, j, w, sizeof w);
        if (!wl || n + wl + 2 > sizeof buf)
            break;
        if (j > i)
            buf[n++] = ' ';
        memcpy(buf + n, w, wl + 1);
        n += wl;
        if (in_list(buf, portfolios, sizeof portfolios / sizeof *portfolios))
            best = j + 1 - i;
    }
    return best;
}

/* Is a title gazetteer entry ending exactly at e (exclusive)? */
static int title_ends(const ner_doc *d, size_t s0, size_t s1, size_t e)
{
    for (size_t q = e > s0 + 4 ? e - 4 : s0; q < e; q++) {
        if (!(d->gaz_b[q] & (1u << GZ_TITLE)))
            continue;
        ner_gaz_match m = ner_gaz_longest(d->t + s0, s1 - s0, q - s0);
        if (m.info && s0 + m.end == e && (m.info->cats & (1u << GZ_TITLE)))
            return 1;
    }
    return 0;
}

/* A title and a preposition right before token a ("ministro de", "ministre
 * des", "ministro dell'", "secrétaire d'"). */
static int after_title_of(const ner_doc *d, size_t s0, size_t s1, size_t a)
{
    size_t p = a;
    while (p > s0 && a - p < 2 && !(d->t[p - 1].flags & NT_UPPER0) && IN_LIST(d, p - 1, of_words))
        p--;
    if (p == a)
        return 0;
    if (title_ends(d, s0, s1, p))
        return 1;
    /* "le ministre iranien des Affaires étrangères" */
    return p > s0 + 1 && (d->t[p - 1].flags & NT_LOWER0) && !function_word(d, p - 1) &&
           title_ends(d, s0, s1, p - 1);
}

/* The gazetteer's type of an entry for the repairs: a well-known city is a
 * place in any language, even under a million people ("Homs"), and a seat
 * of government ("Kremlin", "Casa Blanca") a place, as CoNLL-2003 and the
 * English model have it; otherwise the unambiguous type, or -1. */
static int lang_type(const ner_gaz_info *gi)
{
    unsigned c = gi->cats;
    unsigned other =
        CATS_ORG | (1u << GZ_DEMONYM) | (1u << GZ_MISC) | (1u << GZ_COUNTRY) | (1u << GZ_REGION);
    if ((gi->flags & GZF_KNOWN) && (c & (1u << GZ_CITY)) && !(c & other & ~(1u << GZ_COUNTRY)))
        return CHR_ENT_LOC;
    if ((c & CATS_ORG) == (1u << GZ_GOVBODY) && !(c & (other & ~CATS_ORG)))
        return CHR_ENT_LOC;
    return gaz_type(gi, 1);
}

int ner_gaz_type(const ner_gaz_info *gi)
{
    return lang_type(gi);
}

/* The gazetteer's type for exactly tokens [a, b) of sentence [s0, s1), or -1. */
static int gaz_span_type(const ner_doc *d, size_t s0, size_t s1, size_t a, size_t b)
{
    ner_gaz_match m = ner_gaz_longest(d->t + s0, s1 - s0, a - s0);
    return m.info && s0 + m.end == b ? lang_type(m.info) : -1;
}

/* A name the model cut short of a gazetteer entry: "Union" of "Union
 * européenne", "Nations" of "Nations unies", "Cairo" without the "El" of
 * "El Cairo". The entry must begin at a (or at a capitalised article right
 * before it), end at b or later over unlabelled tokens, and have a type. */
static int complete(const ner_doc *d, size_t s0, size_t s1, uint8_t *lab, uint8_t *mark, size_t a,
                    size_t b)
{
    for (int back = 1; back >= 0; back--) {
        if (back &&
            !(a > s0 && !lab[a - 1] && (d->t[a - 1].flags & NT_UPPER0) && function_word(d, a - 1)))
            continue;
        size_t st = a - (size_t)back;
        ner_gaz_match m = ner_gaz_longest(d->t + s0, s1 - s0, st - s0);
        size_t e = s0 + m.end;
        /* the entry may swallow whole names the model found in it
         * ("Al-Qaïda" + "Maghreb" of "Al-Qaïda au Maghreb islamique"),
         * not cut one */
        if (!m.info || e < b || (e == b && !back) || (e < s1 && lab[e] && !ner_lab_is_b(lab[e])))
            continue;
        int ty = lang_type(m.info);
        if (ty < 0)
            continue;
        set_span(lab, mark, st, e, ty);
        return 1;
    }
    return 0;
}

/* Does tokens [a, b) look like a person's name on its own: a given name
 * first ("Bashar", "Angela"), an Arabic name with its lower-case particle
 * ("Bashar al Asad", "Abdel Fattah al-Sisi" has it inside a token), or a
 * last word the model called a person elsewhere in the document? */
static int person_like(const ner_doc *d, const uint8_t *lab, size_t a, size_t b)
{
    if (b - a < 2 || !(d->t[a].flags & NT_UPPER0) || !(d->t[b - 1].flags & NT_UPPER0))
        return 0;
    if (given_name(d, a))
        return 1;
    for (size_t i = a + 1; i + 1 < b; i++) {
        char w[8];
        if (tok_fold(d, i, w, sizeof w) && (d->t[i].flags & NT_LOWER0) &&
            (strcmp(w, "al") == 0 || strcmp(w, "el") == 0 || strcmp(w, "bin") == 0 ||
             strcmp(w, "ben") == 0 || strcmp(w, "ibn") == 0))
            return 1;
    }
    uint64_t h = d->t[b - 1].lhash;
    for (size_t j = 0; j < d->n; j++)
        if ((j < a || j >= b) && d->t[j].lhash == h && ner_lab_type(lab[j]) == CHR_ENT_PER)
            return 1;
    return 0;
}

/* An institution followed by the person it belongs to, read as one name:
 * "Gobierno de Bashar al Asad" -> "Gobierno" + "Bashar al Asad"; an organ
 * of a state and its country: "Gobierno de Egipto" -> "Gobierno" +
 * "Egipto". [s0, s1) is the sentence. */
static int split_owner(const ner_doc *d, size_t s0, size_t s1, uint8_t *lab, uint8_t *mark,
                       size_t a, size_t b)
{
    if (IN_LIST(d, a, state_organs) && b - a >= 3 && !(d->t[a + 1].flags & NT_UPPER0) &&
        IN_LIST(d, a + 1, of_words)) {
        size_t q = a + 2;
        while (q < b && !(d->t[q].flags & NT_UPPER0) && IN_LIST(d, q, of_words))
            q++;
        ner_gaz_match m = q < b ? ner_gaz_longest(d->t + s0, s1 - s0, q - s0) : (ner_gaz_match){0};
        if (m.info && s0 + m.end == b &&
            (m.info->cats & (CATS_LOC | (1u << GZ_CITY) | (1u << GZ_SUBDIV))) &&
            lang_type(m.info) != CHR_ENT_ORG) {
            set_span(lab, mark, a, a + 1, CHR_ENT_ORG);
            for (size_t k = a + 1; k < q; k++)
                lab[k] = 0;
            set_span(lab, mark, q, b, CHR_ENT_LOC);
            return 1;
        }
    }
    /* "presidente del Consiglio Matteo Renzi", "Audiencia Nacional José
     * Marín": a given name opens the person */
    for (size_t q = a + 1; q + 1 < b; q++)
        if (given_name(d, q) && (d->t[q - 1].flags & NT_UPPER0) && person_like(d, lab, q, b)) {
            set_span(lab, mark, a, q, CHR_ENT_ORG);
            set_span(lab, mark, q, b, CHR_ENT_PER);
            return 1;
        }
    for (size_t p = a + 1; p + 1 < b; p++) {
        if ((d->t[p].flags & NT_UPPER0) || !IN_LIST(d, p, of_words))
            continue;
        size_t q = p + 1;
        while (q < b && !(d->t[q].flags & NT_UPPER0) && IN_LIST(d, q, of_words))
            q++;
        if (q < b && person_like(d, lab, q, b)) {
            set_span(lab, mark, a, p, CHR_ENT_ORG);
            for (size_t k = p; k < q; k++)
                lab[k] = 0;
            set_span(lab, mark, q, b, CHR_ENT_PER);
            return 1;
        }
        return 0;
    }
    return 0;
}

/* End of the name that begins at token a (labelled B-). */
static size_t span_end(const uint8_t *lab, size_t a, size_t s1)
{
    size_t e = a + 1;
    while (e < s1 && lab[e] && !ner_lab_is_b(lab[e]))
        e++;
    return e;
}

/* Names the model cut at a particle or a preposition:
 * - a person (or a given name) + "dos", "de", "al" + a capitalised name:
 *   "José Eduardo" + "dos" + "Santos", "Isabel" + "dos" + "Santos";
 * - an institution + "de", "di" + a place: "Università" + "di" +
 *   "Cambridge", "Policía de Nueva York" (its own name, not two). */
static void join_names(const ner_doc *d, size_t s0, size_t s1, uint8_t *lab, uint8_t *mark)
{
    for (size_t a = s0; a < s1; a++) {
        if (!ner_lab_is_b(lab[a]))
            continue;
        size_t b = span_end(lab, a, s1);
        size_t c = b;
        while (c < s1 && c < b + 2 && !lab[c] && (d->t[c].flags & NT_LOWER0) &&
               (IN_LIST(d, c, of_words) || IN_LIST(d, c, name_particles)))
            c++;
        if (c == b || c >= s1 || !ner_lab_is_b(lab[c]))
            continue;
        size_t e = span_end(lab, c, s1);
        int ta = ner_lab_type(lab[a]), tc = ner_lab_type(lab[c]);
        const ner_gaz_info *gc = NULL;
        ner_gaz_match m = ner_gaz_longest(d->t + s0, s1 - s0, c - s0);
        if (m.info && s0 + m.end == e)
            gc = m.info;
        unsigned strong = (1u << GZ_COUNTRY) | (1u << GZ_REGION) | CATS_ORG;
        if (c == b + 1 && (ta == CHR_ENT_PER || (b - a == 1 && given_name(d, a))) &&
            IN_LIST(d, b, name_particles) && (!gc || !(gc->cats & strong)) && !head_noun(d, c)) {
            set_span(lab, mark, a, e, CHR_ENT_PER);
        } else if (ta == CHR_ENT_ORG && head_noun(d, a) && !IN_LIST(d, a, state_organs) &&
                   tc != CHR_ENT_PER && gc && lang_type(gc) != CHR_ENT_ORG &&
                   (gc->cats & (CATS_LOC | (1u << GZ_CITY) | (1u << GZ_SUBDIV)))) {
            set_span(lab, mark, a, e, CHR_ENT_ORG);
        } else {
            continue;
        }
        for (size_t q = b; q < c; q++)
            mark[q] |= NER_MARK_RULE;
        a = e - 1;
    }
}

/* A capitalised word the model left out that is the last word of a person
 * named in full elsewhere in the document ("Asad se reunió..." after
 * "Bashar al Asad"), or a transliteration of it, is that person. */
static void surnames(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    size_t last[256], nl = 0; /* the last words of people's names */
    for (size_t j = 1; j < d->n && nl < sizeof last / sizeof *last; j++)
        if (ner_lab_type(lab[j]) == CHR_ENT_PER && !ner_lab_is_b(lab[j]) &&
            (j + 1 == d->n || !lab[j + 1] || ner_lab_is_b(lab[j + 1])))
            last[nl++] = j;
    for (size_t i = 0; i < d->n && nl; i++) {
        const ner_tok *t = &d->t[i];
        if (lab[i] || !(t->flags & NT_UPPER0) || (t->flags & (NT_ALLUP | NT_DIGIT)) ||
            t->end - t->start < 3 || (d->gaz_1[i] & (CATS_LOC | CATS_ORG | (1u << GZ_TITLE))) ||
            function_word(d, i) || head_noun(d, i) ||
            (i + 1 < d->n && !t->sent_end && (t[1].flags & NT_UPPER0)))
            continue;
        for (size_t k = 0; k < nl; k++) {
            const ner_tok *u = &d->t[last[k]];
            if (u->lhash == t->lhash || ner_name_variant(d->text + t->start, t->end - t->start,
                                                         d->text + u->start, u->end - u->start)) {
                lab[i] = (uint8_t)ner_lab_b(CHR_ENT_PER);
                mark[i] |= NER_MARK_RULE;
                break;
            }
        }
    }
}

typedef struct lspan {
    uint64_t h;
    size_t a, b, s0, s1, order;
    int type;
} lspan;

/* Tokens [a, b) are capitalised words the gazetteer has nothing for but
 * given names: no acronym ("député UMP"), place, people or institution
 * ("el mayor Ejército de África"). */
static int bare_name(const ner_doc *d, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (!(d->t[i].flags & NT_UPPER0) || (d->t[i].flags & NT_ALLUP) ||
            (d->gaz_1[i] & ~(1u << GZ_FIRSTNAME)) || head_noun(d, i))
            return 0;
    return 1;
}

static int cmp_lspan(const void *x, const void *y)
{
    const lspan *p = x, *q = y;
    if (p->h != q->h)
        return p->h < q->h ? -1 : 1;
    return p->order < q->order ? -1 : p->order > q->order;
}

/* One name, one type in a document: every occurrence of the same words
 * takes the type most of them have; a tie goes to the gazetteer's type when
 * it is one of them, else to the first occurrence ("Homs" is not a place in
 * one sentence and an organisation in the next). A name the gazetteer does
 * not type that follows a person's title somewhere ("el coronel Gadafi") is
 * a person everywhere: the English model reads a bare surname after a
 * glossed "de" ("las fuerzas de Gadafi", "of Gadafi") as a place more often
 * than not, and the title outweighs those votes. */
static void unify_types(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    size_t ns = 0;
    for (size_t i = 0; i < d->n; i++)
        ns += ner_lab_is_b(lab[i]);
    if (ns < 2)
        return;
    lspan *sp = malloc(ns * sizeof *sp);
    if (!sp)
        return; /* out of memory: names keep their own types */
    size_t k = 0;
    for (size_t q = 0; q < d->nsent; q++) {
        size_t s0 = d->sent0[q], s1 = d->sent0[q + 1];
        for (size_t i = s0; i < s1; i++) {
            if (!ner_lab_is_b(lab[i]))
                continue;
            size_t e = span_end(lab, i, s1);
            uint64_t h = NER_SEQ_INIT;
            for (size_t j = i; j < e; j++)
                h = ner_seq_add(h, d->t[j].lhash);
            sp[k] = (lspan){h, i, e, s0, s1, k, ner_lab_type(lab[i])};
            k++;
        }
    }
    qsort(sp, k, sizeof *sp, cmp_lspan);
    for (size_t g = 0; g < k;) {
        size_t e = g + 1;
        int votes[CHR_ENT_NTYPES] = {0}, ntypes = 0;
        votes[sp[g].type]++;
        while (e < k && sp[e].h == sp[g].h)
            votes[sp[e++].type]++;
        for (int ty = 0; ty < CHR_ENT_NTYPES; ty++)
            ntypes += votes[ty] > 0;
        int titled = 0;
        for (size_t j = g; j < e && !titled && bare_name(d, sp[g].a, sp[g].b); j++)
            titled = title_ends(d, sp[j].s0, sp[j].s1, sp[j].a);
        if (ntypes > 1 || (titled && sp[g].type != CHR_ENT_PER)) {
            int known = gaz_span_type(d, sp[g].s0, sp[g].s1, sp[g].a, sp[g].b);
            int best = known >= 0 && votes[known] ? known : sp[g].type; /* sp[g]: the first */
            for (int ty = 0; ty < CHR_ENT_NTYPES; ty++)
                if (votes[ty] > votes[best])
                    best = ty;
            if (titled)
                best = CHR_ENT_PER;
            for (size_t j = g; j < e; j++)
                if (sp[j].type != best)
                    set_span(lab, mark, sp[j].a, sp[j].b, best);
        }
        g = e;
    }
    free(sp);
}

/* ---- a function word capitalised by its place ---------------------------
 * "From The New York Times", "Off Nintendo Switch Lite", "Will Apple Buy
 * Beats": an English preposition, pronoun, auxiliary, conjunction or adverb
 * capitalised because it opens a sentence (or a headline's segment, after a
 * colon or a dash) or because the sentence is in headline case begins no
 * name. Words that do begin names ("The Hague", "All Nippon Airways", "May
 * Department Stores", "Under Armour") are not listed; a name the gazetteer
 * knows from its first word keeps it. */
static const char *const en_function_words[] = {
    "a",       "an",       "about",   "above",     "across",  "after",   "against",   "along",
    "amid",    "among",    "around",  "as",        "at",      "before",  "behind",    "below",
    "beside",  "besides",  "between", "beyond",    "by",      "despite", "during",    "for",
    "from",    "in",       "inside",  "into",      "like",    "near",    "of",        "off",
    "on",      "onto",     "out",     "over",      "per",     "since",   "than",      "through",
    "to",      "toward",   "towards", "until",     "upon",    "via",     "with",      "within",
    "without", "unlike",   "and",     "but",       "or",      "nor",     "so",        "yet",
    "because", "although", "though",  "while",     "whereas", "if",      "unless",    "whether",
    "once",    "this",     "that",    "these",     "those",   "such",    "another",   "each",
    "every",   "either",   "neither", "no",        "some",    "any",     "many",      "much",
    "more",    "most",     "few",     "several",   "my",      "your",    "his",       "her",
    "its",     "our",      "their",   "he",        "she",     "it",      "we",        "they",
    "you",     "me",       "him",     "them",      "is",      "are",     "was",       "were",
    "be",      "been",     "being",   "do",        "does",    "did",     "has",       "have",
    "had",     "would",    "should",  "could",     "can",     "shall",   "might",     "must",
    "will",    "what",     "which",   "who",       "whom",    "whose",   "why",       "how",
    "when",    "where",    "also",    "even",      "just",    "only",    "really",    "still",
    "already", "again",    "never",   "not",       "very",    "however", "meanwhile", "perhaps",
    "maybe",   "instead",  "too",     "thus",      "then",    "there",   "here",      "now",
    "says",    "said",     "adding",  "according", "get",     "gets",    "got",       "here's",
    "there's", "it's",     "that's",  "what's",
};

/* Auxiliaries that are given names too ("Do Kwon", "Can Dündar", "Will
 * Smith"), and the verbs of a statement after a subject: "Do Kwon said"
 * is a name and its verb, "Can Smith win" a question. */
static const char *const en_aux_names[] = {"do", "can", "will", "may", "shall"};
static const char *const en_statement_verbs[] = {
    "said", "says", "was", "is", "has", "had", "told", "added", "wrote", "denied", "announced",
};

/* A sentence whose words of four letters or more, three at least, are all
 * capitalised ("Nintendo Slashes Price Of 3DS"; not capitals throughout,
 * which ner_doc.allcaps marks): where a function word may be capitalised
 * by its place. Looser than ner_headline_case, which decides what is read
 * in lower case. */
static int capitalised_words(const ner_doc *d, size_t s0, size_t s1)
{
    int cap = 0;
    for (size_t i = s0 + 1; i < s1; i++) {
        const ner_tok *t = &d->t[i];
        if (!(t->flags & NT_ALPHA) || t->end - t->start < 4)
            continue;
        if (!(t->flags & NT_UPPER0))
            return 0;
        cap++;
    }
    return cap >= 3;
}

/* Whether the sentence ending before token s1 is a question: "Will
 * Titanfall Save Xbox One?" opens with an auxiliary, not with a given
 * name. */
static int question(const ner_doc *d, size_t s1)
{
    const ner_tok *t = &d->t[s1 - 1];
    return t->end > t->start && d->text[t->end - 1] == '?';
}

/* Does token i stand where any word is capitalised: first in its sentence
 * or after a colon, a dash or a bar, quotation marks or brackets between? */
static int opens_segment(const ner_doc *d, size_t s0, size_t i)
{
    while (i > s0) {
        const ner_tok *t = &d->t[i - 1];
        if (!(t->flags & NT_PUNCT))
            return 0;
        const char *c = d->text + t->start;
        size_t n = t->end - t->start;
        if ((n == 1 && strchr(":|-", *c)) ||
            (n == 3 && (unsigned char)c[0] == 0xE2 && (unsigned char)c[1] == 0x80 &&
             ((unsigned char)c[2] == 0x93 || (unsigned char)c[2] == 0x94)))
            return 1;
        i--;
    }
    return 1;
}

/* Courtesy titles before a person's name, with and without the period. */
static const char *const en_honorifics[] = {
    "mr.", "mrs.", "ms.", "mx.", "dr.", "messrs.", "mme.", "mr", "mrs", "ms", "dr", "mme",
};

/* "Mr. Trump", "Mrs May", "Dr. Fauci": a courtesy title says that the
 * capitalised words after it are a person's name, and is not part of it
 * (the model sometimes takes it in, and then as an organisation: "Mr.
 * Trump" was one entity and "Trump" another; the span becomes a person's
 * whatever the model's type, but for a company's name of four words or a
 * designator, "Dr Pepper Snapple Group Inc"). Up to three capitalised
 * words the model left out are named too ("Mrs. May said"). "Dr." after
 * a house number is a street's ("400 Oak Dr."). */
static void honorifics(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s0 = d->sent0[k], s1 = d->sent0[k + 1];
        if (d->allcaps[k] || d->headline[k])
            continue;
        for (size_t i = s0; i + 1 < s1; i++) {
            const ner_tok *t = &d->t[i], *n = &d->t[i + 1];
            size_t tl = t->end - t->start;
            char c0 = d->text[t->start];
            if (tl < 2 || tl > 7 || (c0 != 'M' && c0 != 'D')) /* before the list: cheap */
                continue;
            if (!(t->flags & NT_UPPER0) || (t->flags & NT_ALLUP) || !IN_LIST(d, i, en_honorifics) ||
                !(n->flags & NT_UPPER0) || !(n->flags & NT_ALPHA) || (n->flags & NT_ALLUP))
                continue;
            /* "400 Oak Dr. Police said": a street's "Drive", a house number
             * before it ("Health Minister Dr. Zweli Mkhize" is a title) */
            int street = 0;
            for (size_t q = i; c0 == 'D' && q > s0 && i - q < 3 && !street; q--)
                street = (d->t[q - 1].flags & NT_DIGIT) != 0;
            if (street)
                continue;
            /* a company named with a title: "Dr Pepper Snapple Group Inc" */
            if (ner_lab_is_b(lab[i]) && ner_lab_type(lab[i]) == CHR_ENT_ORG) {
                size_t e = span_end(lab, i, s1);
                if (e - i >= 4 || ner_designator(d, e - 1))
                    continue;
            }
            size_t a = i + 1, e = a;
            if (lab[a] && !ner_lab_is_b(lab[a])) { /* the title inside the name */
                e = span_end(lab, i, s1);
                /* what the span held before the title: an ordinary word
                 * the sentence opened with ("Despite Mr. Trump's") goes,
                 * a name stays a name of its own */
                size_t b0 = i, ordinary = 1;
                while (b0 > s0 && lab[b0] && !ner_lab_is_b(lab[b0]))
                    b0--;
                for (size_t j = b0; j < i; j++)
                    ordinary &=
                        IN_LIST(d, j, en_function_words) || chr_en_lower_word(d->t[j].lhash);
                if (b0 < i) {
                    if (ordinary)
                        for (size_t j = b0; j < i; j++)
                            lab[j] = 0;
                    else
                        set_span(lab, mark, b0, i, ner_lab_type(lab[b0]));
                }
            } else if (lab[a])
                e = span_end(lab, a, s1);
            else
                while (e < s1 && e - a < 3 && !lab[e] && (d->t[e].flags & NT_UPPER0) &&
                       (d->t[e].flags & NT_ALPHA) && !(d->t[e].flags & NT_ALLUP))
                    e++;
            if (e <= a)
                continue;
            lab[i] = 0;
            set_span(lab, mark, a, e, CHR_ENT_PER);
            i = e - 1;
        }
    }
}

/* Acronyms of things, not names ("an AI assistant", "the SUV", "a PC"),
 * and the pronoun's contractions ("I'm", "I've"): never a name alone. */
static const char *const en_not_names[] = {
    "suv",  "suvs", "ai",  "led", "leds", "lcd",  "pc",   "pcs", "gpu",  "gpus", "cpu",  "cpus",
    "hdmi", "gps",  "dna", "rna", "ptsd", "vpn",  "vpns", "ceo", "ceos", "cfo",  "coo",  "cto",
    "ctr",  "cpm",  "usb", "tv",  "tvs",  "hdtv", "sms",  "faq", "faqs", "atm",  "atms", "gdp",
    "ipo",  "ipos", "ram", "ssd", "hdd",  "url",  "urls", "pdf", "sdk",  "vr",   "mvp",  "lte",
    "5g",   "4g",   "4k",  "i'm", "i've", "i'd",  "i'll", "ok",
};

/* Months' short names, all languages (lower case; not "May", "Mai": names
 * too). */
static const char *const month_abbrs[] = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",  "sept", "oct", "nov",
    "dec", "ene", "abr", "ago", "dic", "fev", "avr", "juil", "aoû",  "déc", "gen",
    "mag", "giu", "lug", "set", "ott", "out", "dez", "okt",  "ian",  "iun", "iul",
};

void ner_rules_date_parts(const ner_doc *d, uint8_t *lab)
{
    for (size_t i = 0; i < d->n; i++) {
        if (!ner_lab_is_b(lab[i]) || (i + 1 < d->n && lab[i + 1] && !ner_lab_is_b(lab[i + 1])) ||
            d->t[i].end - d->t[i].start > 5 || !IN_LIST(d, i, month_abbrs))
            continue;
        /* a figure next to it: before it over a slash, a dash, a dot or a
         * comma, after it over a slash, a dash or a dot; over a comma only
         * in a row of figures, with a figure after it too ("Feb 45.1, MAr
         * nil, Apr 3"; not "In 2013, Jan won", "Coach Jan, 45,") */
        int before = 0, after = 0, comma = 0;
        for (size_t k = 1; k <= 2 && k <= i && !before; k++) {
            size_t j = i - k;
            if (d->t[j].sent_end)
                break; /* not across a sentence's end */
            const char *c = d->text + d->t[j].start;
            if (d->t[j].flags & NT_DIGIT)
                before = 1;
            else if (!(d->t[j].flags & NT_PUNCT) || d->t[j].end - d->t[j].start != 1 ||
                     !strchr("/-.,", *c))
                break;
            else
                comma |= *c == ',';
        }
        for (size_t k = 1; k <= 2 && i + k < d->n && !after; k++) {
            size_t j = i + k;
            if (d->t[j - 1].sent_end)
                break;
            const char *c = d->text + d->t[j].start;
            if ((d->t[j].flags & NT_DIGIT) ||
                (d->t[j].end - d->t[j].start == 3 && !strncasecmp(c, "nil", 3)))
                after = 1;
            else if (!(d->t[j].flags & NT_PUNCT) || d->t[j].end - d->t[j].start != 1 ||
                     !strchr("/-.", *c))
                break;
        }
        if (comma ? before && after : before || after)
            lab[i] = 0;
    }
}

/* Drops the one-word names en_not_names lists. */
static void not_names(const ner_doc *d, uint8_t *lab)
{
    for (size_t i = 0; i < d->n; i++) {
        const ner_tok *t = &d->t[i];
        /* the acronyms in capitals ("AI", not "Ai Weiwei"; "RAM", not the
         * Ram truck); the contractions as written */
        if (ner_lab_is_b(lab[i]) && (i + 1 == d->n || !lab[i + 1] || ner_lab_is_b(lab[i + 1])) &&
            t->end - t->start <= 6 && IN_LIST(d, i, en_not_names) &&
            ((t->flags & NT_ALLUP) || memchr(d->text + t->start, '\'', t->end - t->start) ||
             memchr(d->text + t->start, 0xE2, t->end - t->start)))
            lab[i] = 0;
    }
}

/* Words that end a company's name ("Walt Disney Co.", "Chrysler Corp."). */
static const char *const en_designators[] = {
    "co.", "corp.", "inc.", "ltd.", "cos.", "co", "corp", "inc", "ltd", "llc", "plc", "gmbh",
};

/* ... those written in capitals too ("LLC", "PLC"; not "CO", Colorado). */
static const char *const en_designators_caps[] = {"llc", "plc", "gmbh", "corp", "inc", "ltd"};

int ner_designator(const ner_doc *d, size_t i)
{
    const ner_tok *t = &d->t[i];
    if (t->end - t->start < 2 || t->end - t->start > 5 || !(t->flags & NT_UPPER0) ||
        !strchr("CILPG", d->text[t->start]) || !IN_LIST(d, i, en_designators))
        return 0;
    return !(t->flags & NT_ALLUP) || IN_LIST(d, i, en_designators_caps);
}

static const char *const en_the[] = {"the"};

/* Words that end the name of a landform or a body of water ("Rottnest
 * Island", "Yangtze River", "Persian Gulf"). */
static const char *const en_landforms[] = {
    "island", "islands", "isle", "river", "lake", "bay",   "strait",    "straits", "peninsula",
    "valley", "desert",  "sea",  "ocean", "gulf", "canal", "mountains", "hills",
};

/* A name that a company's designator ends or follows is the company's:
 * "Walt Disney Co." (the model named "Walt Disney" a person and left
 * "Co."), "Chrysler Corp." (named a person whole). A name of two words or
 * more that a landform's word ends is a place, whatever the model called it
 * ("Long Island" a person, "Rottnest Island" an organisation; not "Long
 * Island Rail Road", "Gulf Oil", which the word does not end). */
static void designators(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s0 = d->sent0[k], s1 = d->sent0[k + 1];
        if (d->allcaps[k])
            continue;
        for (size_t i = s0; i < s1; i++) {
            if (!ner_lab_is_b(lab[i]))
                continue;
            size_t b = span_end(lab, i, s1), e = b;
            if (b - i >= 2 && ner_lab_type(lab[i]) != CHR_ENT_LOC &&
                (d->t[b - 1].flags & NT_UPPER0) && !(d->t[b - 1].flags & NT_ALLUP) &&
                IN_LIST(d, b - 1, en_landforms) &&
                !(ner_lab_type(lab[i]) == CHR_ENT_PER && given_name(d, i) &&
                  !(i > s0 && IN_LIST(d, i - 1, en_the)))) {
                /* (not a person a given name opens, "Michael Bay", "Ricki Lake";
                 * "the James River" is a place) */
                set_span(lab, mark, i, b, CHR_ENT_LOC);
                i = b - 1;
                continue;
            }
            /* "James Capel and Co", a name cut at a line's end ("Homegate
             * Hospitality / Inc"): a designator alone is no name */
            if (b == i + 1 && ner_designator(d, i)) {
                lab[i] = 0;
                continue;
            }
            while (e < s1 && !lab[e] && e - b < 2 && ner_designator(d, e))
                e++;
            if ((e > b || (b - i > 1 && ner_designator(d, b - 1))) &&
                (e > b || ner_lab_type(lab[i]) != CHR_ENT_ORG))
                set_span(lab, mark, i, e, CHR_ENT_ORG);
            i = e - 1;
        }
    }
}

/* The US postal codes of the states and DC. */
static const char *const en_state_codes[] = {
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id",
    "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo",
    "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa",
    "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy",
};

/* "Charlotte, NC", "Austin, TX", "Washington, DC": a name (one the model
 * or the gazetteer knows, of up to three capitalised words) before a comma
 * and a state's postal code in capitals is a town, and the code its state,
 * both places (they had been people and organisations). */
static void town_state(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s0 = d->sent0[k], s1 = d->sent0[k + 1];
        if (d->allcaps[k])
            continue;
        for (size_t c = s0 + 1; c + 1 < s1; c++) {
            const ner_tok *st = &d->t[c + 1];
            if (d->text[d->t[c].start] != ',' || d->t[c].end - d->t[c].start != 1 ||
                st->end - st->start != 2 || !(st->flags & NT_ALLUP) ||
                !IN_LIST(d, c + 1, en_state_codes) ||
                (c + 2 < s1 && (d->t[c + 2].flags & NT_UPPER0) && !(d->t[c + 2].flags & NT_PUNCT)))
                continue;
            size_t a = c;
            while (a > s0 && c - a < 3 && (d->t[a - 1].flags & NT_UPPER0) &&
                   (d->t[a - 1].flags & NT_ALPHA) && !(d->t[a - 1].flags & NT_ALLUP))
                a--;
            if (a == c)
                continue;
            int named = lab[a] && ner_lab_is_b(lab[a]) && span_end(lab, a, s1) == c;
            int known = (d->gaz_1[c - 1] & ((1u << GZ_CITY) | (1u << GZ_BIGCITY))) != 0;
            if (!named && !known)
                continue;
            if (!named) /* the gazetteer's town: its last word alone */
                a = c - 1;
            set_span(lab, mark, a, c, CHR_ENT_LOC);
            set_span(lab, mark, c + 1, c + 2, CHR_ENT_LOC);
        }
    }
}

/* Verbs of speech after a sentence's first word ("Putin said on Monday"). */
static const char *const en_speech_verbs[] = {
    "said",     "says",      "told",     "added",     "wrote",     "denied",       "announced",
    "insisted", "warned",    "claimed",  "urged",     "argued",    "noted",        "stated",
    "tweeted",  "confirmed", "replied",  "responded", "explained", "acknowledged", "declined",
    "vowed",    "predicted", "conceded", "countered", "recalled",
};

/* A word's vote for a type (named_votes). */
typedef struct wvote {
    uint64_t h;
    int type;
} wvote;

static int cmp_wvote(const void *x, const void *y)
{
    const wvote *p = x, *q = y;
    return p->h != q->h ? (p->h < q->h ? -1 : 1) : (p->type > q->type) - (p->type < q->type);
}

/* The votes of the document's names for their words' types, sorted: a
 * one-word name inside a sentence (where capitals say it is a name) votes
 * for its type, an organisation's name of several words for an
 * organisation by its first word ("Piedmont Aviation Inc"). ("The",
 * "Department" inside longer names say nothing.) NULL when out of
 * memory. */
static wvote *named_votes(const ner_doc *d, const uint8_t *lab, size_t *n)
{
    *n = 0;
    wvote *v = malloc((d->n + 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t k = 0; k < d->nsent; k++)
        for (size_t j = d->sent0[k], e = d->sent0[k + 1]; j < e; j++) {
            if (!ner_lab_is_b(lab[j]))
                continue;
            int one = j + 1 == e || !lab[j + 1] || ner_lab_is_b(lab[j + 1]);
            if (one && j > d->sent0[k])
                v[(*n)++] = (wvote){d->t[j].lhash, ner_lab_type(lab[j])};
            else if (!one && ner_lab_type(lab[j]) == CHR_ENT_ORG)
                v[(*n)++] = (wvote){d->t[j].lhash, CHR_ENT_ORG};
        }
    qsort(v, *n, sizeof *v, cmp_wvote);
    return v;
}

/* The type that more of word h's votes have than all others together; -1
 * none. */
static int named_inside(const wvote *v, size_t n, uint64_t h)
{
    size_t a = 0, b = n;
    while (a < b) { /* the first vote for h */
        size_t mid = a + (b - a) / 2;
        if (v[mid].h < h)
            a = mid + 1;
        else
            b = mid;
    }
    int votes[CHR_ENT_NTYPES] = {0}, best = -1, all = 0;
    for (; a < n && v[a].h == h; a++)
        votes[v[a].type]++, all++;
    for (int ty = 0; ty < CHR_ENT_NTYPES; ty++)
        if (votes[ty] && (best < 0 || votes[ty] > votes[best]))
            best = ty;
    return best >= 0 && 2 * votes[best] > all ? best : -1;
}

/* Whether the document names an organisation of several words with token
 * i's word in it ("Chesebrough-Pond's Inc" ... "Chesebrough said"). */
static int in_org_name(const ner_doc *d, const uint8_t *lab, size_t i)
{
    for (size_t j = 0; j < d->n; j++)
        if (j != i && lab[j] && ner_lab_type(lab[j]) == CHR_ENT_ORG &&
            d->t[j].lhash == d->t[i].lhash &&
            ((j + 1 < d->n && lab[j + 1] && !ner_lab_is_b(lab[j + 1])) || !ner_lab_is_b(lab[j])))
            return 1;
    return 0;
}

/* Whether token i is an English word the dictionary has in lower case,
 * in its own spelling or in the American one ("Organisers", "Neighbours"). */
static int en_lower_word(const ner_doc *d, size_t i)
{
    const ner_tok *t = &d->t[i];
    size_t n = t->end - t->start;
    char w[40];
    if (chr_en_lower_word(t->lhash))
        return 1;
    if (n < 4 || n >= sizeof w)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = d->text[t->start + k];
        if ((unsigned char)c >= 0x80)
            return 0;
        w[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    int changed = 0;
    for (size_t k = 1; k + 2 < n; k++)
        if (w[k] == 'i' && w[k + 1] == 's' && strchr("eai", w[k + 2])) {
            w[k + 1] = 'z'; /* organise -> organize */
            changed = 1;
        }
    for (size_t k = 1; k + 2 < n; k++)
        if (w[k] == 'o' && w[k + 1] == 'u' && w[k + 2] == 'r' && k + 3 <= n) {
            memmove(w + k + 1, w + k + 2, n - k - 2); /* neighbour -> neighbor */
            n--;
            changed = 1;
            break;
        }
    return changed && chr_en_lower_word(chr_en_hash(w, n));
}

/* A lower-case verb in the past tense ("unveiled", "posted"; not "red"). */
static int past_tense(const ner_doc *d, size_t i)
{
    const ner_tok *t = &d->t[i];
    size_t n = t->end - t->start;
    const char *w = d->text + t->start;
    return n >= 5 && (t->flags & NT_LOWER0) && (t->flags & NT_ALPHA) && w[n - 2] == 'e' &&
           w[n - 1] == 'd';
}

/* A sentence's first word that the model left out: its capital says
 * nothing there, and the English model misses a bare name in that place
 * ("Putin said on Monday he would", "Apple failed again"). It is a name
 * when the document names the same word inside a sentence (that type),
 * or, before a verb of speech, when the gazetteer types it or it is no
 * dictionary word in lower case (a person: "Netanyahu said"; not
 * "Officials said"); a company the gazetteer knows before a verb in the
 * past tense ("Apple unveiled"). */
static void first_words(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    wvote *votes = NULL; /* made when a first word asks */
    size_t nv = 0;
    int made = 0;
    for (size_t k = 0; k < d->nsent; k++) {
        size_t i = d->sent0[k], s1 = d->sent0[k + 1];
        if (d->allcaps[k] || d->headline[k] || i + 1 >= s1 || lab[i] || lab[i + 1])
            continue;
        const ner_tok *t = &d->t[i], *next = &d->t[i + 1];
        if (t->shape != SH_INITCAP || !(t->flags & NT_ALPHA) || t->end - t->start < 3 ||
            !(next->flags & NT_LOWER0))
            continue;
        if (!made) {
            votes = named_votes(d, lab, &nv);
            made = 1;
        }
        int type = votes ? named_inside(votes, nv, t->lhash) : -1;
        if (type < 0 && IN_LIST(d, i + 1, en_speech_verbs)) {
            ner_gaz_match m = ner_gaz_longest(d->t + i, s1 - i, 0);
            if (m.info && m.end == 1)
                type = gaz_type(m.info, 0);
            else if (!m.info && !en_lower_word(d, i) && !head_noun(d, i) && !in_org_name(d, lab, i))
                type = CHR_ENT_PER;
        } else if (type < 0 && (d->gaz_1[i] & (1u << GZ_COMPANY)) && past_tense(d, i + 1)) {
            ner_gaz_match m = ner_gaz_longest(d->t + i, s1 - i, 0);
            if (m.info && m.end == 1 && gaz_type(m.info, 0) == CHR_ENT_ORG)
                type = CHR_ENT_ORG; /* "Apple unveiled", "Nvidia posted" */
        }
        /* the lists last: few first words get this far */
        if (type >= 0 && !IN_LIST(d, i, en_function_words) && !function_word(d, i))
            set_span(lab, mark, i, i + 1, type);
    }
    free(votes);
}

/* The type of a one-word name the document gives the word of hash h alone,
 * outside tokens [a, b); -1 when it never does. */
static int named_alone(const ner_doc *d, const uint8_t *lab, uint64_t h, size_t a, size_t b)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s1 = d->sent0[k + 1];
        for (size_t i = d->sent0[k]; i < s1; i++)
            if ((i < a || i >= b) && d->t[i].lhash == h && ner_lab_is_b(lab[i]) &&
                span_end(lab, i, s1) == i + 1)
                return ner_lab_type(lab[i]);
    }
    return -1;
}

/* Whether the gazetteer names tokens [i, e) of the sentence [s0, s1) as
 * one ("Bosnia and Herzegovina"). */
static int known_span(const ner_doc *d, size_t s0, size_t s1, size_t i, size_t e)
{
    ner_gaz_match g = ner_gaz_longest(d->t + s0, s1 - s0, i - s0);
    return g.info && s0 + g.end == e;
}

/* Whether token i is a lower-case "and". */
static int word_and(const ner_doc *d, size_t i)
{
    return d->t[i].end - d->t[i].start == 3 && memcmp(d->text + d->t[i].start, "and", 3) == 0;
}

/* Whether the three words at i occur again in the document. */
static int said_again(const ner_doc *d, size_t i)
{
    for (size_t j = 0; j + 2 < d->n; j++)
        if (j != i && d->t[j].lhash == d->t[i].lhash && d->t[j + 1].lhash == d->t[i + 1].lhash &&
            d->t[j + 2].lhash == d->t[i + 2].lhash)
            return 1;
    return 0;
}

/* "Steelers and Browns", "Hughes and Baker": a name of two words joined by
 * "and" is two names when the document names each word alone elsewhere
 * ("the Steelers won", "Baker said") and the pair only once, unless the
 * gazetteer knows the pair as one ("Bosnia and Herzegovina"); a company's
 * name of that shape ("Simon and Schuster", "Cable and Wireless") seldom
 * has both parts alone, and is repeated. */
static void and_pairs(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s1 = d->sent0[k + 1];
        for (size_t i = d->sent0[k]; i < s1; i++) {
            if (!ner_lab_is_b(lab[i]))
                continue;
            size_t e = span_end(lab, i, s1);
            int ta, tb;
            if (e == i + 3 && !known_span(d, d->sent0[k], s1, i, e) && word_and(d, i + 1) &&
                (ta = named_alone(d, lab, d->t[i].lhash, i, e)) >= 0 &&
                (tb = named_alone(d, lab, d->t[i + 2].lhash, i, e)) >= 0 && !said_again(d, i)) {
                set_span(lab, mark, i, i + 1, ta);
                lab[i + 1] = 0;
                set_span(lab, mark, i + 2, i + 3, tb);
            }
            i = e - 1;
        }
    }
}

/* "Joe and Hunter Biden": a given name the model left, before "and" and a
 * person's name that opens with a given name, is a person of that family
 * too (linking then finds "Joe Biden" if the text names him in full). */
static void shared_surname(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s1 = d->sent0[k + 1];
        for (size_t i = d->sent0[k]; i + 4 <= s1; i++) {
            if (lab[i] || !given_name(d, i) || !word_and(d, i + 1) || !ner_lab_is_b(lab[i + 2]) ||
                ner_lab_type(lab[i + 2]) != CHR_ENT_PER || !given_name(d, i + 2) ||
                span_end(lab, i + 2, s1) < i + 4)
                continue;
            set_span(lab, mark, i, i + 1, CHR_ENT_PER);
        }
    }
}

/* Head nouns that a plural's possessive opens in an institution's own name
 * ("Kurdistan Workers' Party", "St Thomas' Hospital", "Employees'
 * Retirement System"). */
static const char *const possessed_heads[] = {
    "party",        "union",       "association", "associations", "exchange",     "system",
    "hospital",     "federation",  "institute",   "club",         "council",      "fund",
    "bank",         "society",     "college",     "school",       "church",       "league",
    "movement",     "front",       "alliance",    "congress",     "organization", "organisation",
    "committee",    "corporation", "board",       "trust",        "group",        "coalition",
    "army",         "home",        "guild",       "day",          "cup",          "championship",
    "center",       "centre",      "chapel",      "cathedral",    "academy",      "foundation",
    "commission",   "conference",  "tribunal",    "court",        "retirement",   "benefit",
    "compensation", "rights",      "university",  "square",       "bridge",       "administration",
    "authority",    "ministry",
};

/* A plural's possessive inside a name ends it: "Veltro Labs' Hearth",
 * "Data Resources' Wyss" are the owner and what it owns, two names of one
 * type as the model read them; not an institution named so, whose last
 * word is its head ("Kurdistan Workers' Party", "National Farmers'
 * Union"). */
static void possessive_cut(const ner_doc *d, uint8_t *lab, uint8_t *mark)
{
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s0 = d->sent0[k], s1 = d->sent0[k + 1];
        for (size_t i = s0; i < s1; i++) {
            if (!lab[i])
                continue;
            int type = ner_lab_type(lab[i]);
            size_t a = i, b = span_end(lab, i, s1);
            i = b - 1;
            for (size_t p = a + 1; p + 1 < b; p++) {
                const ner_tok *t = &d->t[p], *w = &d->t[p - 1];
                size_t n = t->end - t->start;
                const char *x = d->text + t->start;
                if (!((n == 1 && *x == '\'') || (n == 3 && !memcmp(x, "\xe2\x80\x99", 3))) ||
                    w->end != t->start || (d->text[w->end - 1] | 0x20) != 's' ||
                    !(d->t[p + 1].flags & NT_UPPER0))
                    continue;
                int head = 0;
                for (size_t q = p + 1; q < b && !head; q++)
                    head = IN_LIST(d, q, possessed_heads);
                if (head)
                    break;
                set_span(lab, mark, a, p, type);
                lab[p] = 0;
                set_span(lab, mark, p + 1, b, type);
                break;
            }
        }
    }
}

void ner_rules_position(const ner_doc *d, uint8_t *lab, uint8_t *mark, const char *lang)
{
    if (lang && *lang && strncmp(lang, "en", 2) != 0)
        return; /* ner_rules_lang cuts the other languages' function words */
    honorifics(d, lab, mark);
    not_names(d, lab);
    designators(d, lab, mark);
    town_state(d, lab, mark);
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s0 = d->sent0[k], s1 = d->sent0[k + 1];
        if (d->allcaps[k])
            continue;
        int headline = -1; /* capitalised_words, found when first asked */
        for (size_t i = s0; i < s1; i++) {
            if (!lab[i])
                continue;
            int type = ner_lab_type(lab[i]);
            size_t a0 = i, a = i, b = span_end(lab, i, s1);
            i = b - 1;
            while (b - a > 1) {
                const ner_tok *t = &d->t[a];
                if ((t->flags & NT_PUNCT) && a > a0) {
                    a++; /* "For A ' Lean In": the quotation mark after the words cut */
                    continue;
                }
                if (!(t->flags & NT_UPPER0) || (t->flags & NT_ALLUP) ||
                    !IN_LIST(d, a, en_function_words))
                    break;
                if (headline < 0)
                    headline = capitalised_words(d, s0, s1);
                if (!headline && !opens_segment(d, s0, a))
                    break;
                /* "Will Smith": a given name opening a person's name;
                 * "Do Kwon said": an auxiliary that a statement's verb
                 * shows to be one */
                if (type == CHR_ENT_PER &&
                    ((given_name(d, a) && !(IN_LIST(d, a, en_aux_names) && question(d, s1))) ||
                     (b - a == 2 && b < s1 && IN_LIST(d, a, en_aux_names) &&
                      !(d->t[b].flags & NT_UPPER0) && IN_LIST(d, b, en_statement_verbs))))
                    break;
                ner_gaz_match m = ner_gaz_longest(d->t + s0, s1 - s0, a - s0);
                if (m.info && s0 + m.end > a + 1)
                    break; /* a name the gazetteer knows from this word */
                a++;
            }
            if (a == a0)
                continue;
            for (size_t j = a0; j < a; j++)
                lab[j] = 0;
            if (b - a == 1 && ((d->t[a].flags & NT_PUNCT) || IN_LIST(d, a, en_function_words))) {
                for (size_t j = a; j < b; j++) /* nothing but such words: "Or Two" */
                    lab[j] = 0;
                continue;
            }
            set_span(lab, mark, a, b, type);
        }
    }
    possessive_cut(d, lab, mark);
    and_pairs(d, lab, mark);
    shared_surname(d, lab, mark);
    first_words(d, lab, mark);
}

void ner_rules_lang(const ner_doc *d, uint8_t *lab, uint8_t *mark, const char *lang)
{
    if (!lang || !*lang || strcmp(lang, "en") == 0)
        return;
    for (size_t k = 0; k < d->nsent; k++) {
        size_t s0 = d->sent0[k], s1 = d->sent0[k + 1];
        if (d->allcaps[k])
            continue;
        /* a bare institution the model left out: "el Gobierno", "la Policía" */
        for (size_t i = s0 + 1; i < s1; i++)
            if (!lab[i] && head_noun(d, i) && !(d->t[i].flags & NT_ALLUP) &&
                (i + 1 == s1 || !(d->t[i + 1].flags & NT_UPPER0) ||
                 (ner_lab_is_b(lab[i + 1]) && ner_lab_type(lab[i + 1]) == CHR_ENT_PER)))
                set_span(lab, mark, i, i + 1, CHR_ENT_ORG);
        for (size_t i = s0; i < s1;) {
            if (!lab[i]) {
                i++;
                continue;
            }
            int type = ner_lab_type(lab[i]);
            size_t a = i, b = i + 1;
            while (b < s1 && lab[b] && !ner_lab_is_b(lab[b]) && ner_lab_type(lab[b]) == type)
                b++;
            i = b;
            size_t a0 = a, b0 = b;
            int known = gaz_span_type(d, s0, s1, a, b), after_title = 0;
            if (known < 0) {
                while (a < b && lang_function_word(d, a, lang))
                    lab[a++] = 0;
                /* "el ministro de Defensa", "ministro dell'Interno Angelino Alfano" */
                size_t np = a < b && after_title_of(d, s0, s1, a) ? portfolio_at(d, a, s1) : 0;
                if (np) { /* it may go on in lower case: "Affaires étrangères" */
                    while (np-- && a < b)
                        lab[a++] = 0;
                    while (a < b && lang_function_word(d, a, lang))
                        lab[a++] = 0;
                    after_title = 1;
                }
                while (b > a && lang_function_word(d, b - 1, lang))
                    lab[--b] = 0;
                /* "Papa Francesco": the title is not part of the name */
                while (type == CHR_ENT_PER && b - a > 1 && title_ends(d, s0, s1, a + 1))
                    lab[a++] = 0;
                if (a == b)
                    continue;
                known = gaz_span_type(d, s0, s1, a, b);
            }
            if (known < 0) {
                /* "Damas et Alep": two names joined by a conjunction */
                size_t c = a + 1;
                while (c + 1 < b && !conjunction(d, c))
                    c++;
                if (c + 1 < b) {
                    lab[c] = 0;
                    set_span(lab, mark, a, c, type);
                    set_span(lab, mark, c + 1, b, type);
                    i = c + 1; /* the second name gets the same repairs */
                    continue;
                }
                if (complete(d, s0, s1, lab, mark, a, b)) {
                    while (i < s1 && lab[i] && !ner_lab_is_b(lab[i]))
                        i++;
                    continue;
                }
            }
            if (known < 0 && b - a == 1 && IN_LIST(d, a, lone_nouns)) {
                lab[a] = 0;
                continue;
            }
            if (known < 0 && head_noun(d, a)) {
                if (split_owner(d, s0, s1, lab, mark, a, b))
                    continue;
                type = CHR_ENT_ORG;
                while (b < s1 && !lab[b] && (d->t[b].flags & NT_LOWER0) &&
                       IN_LIST(d, b, org_adjectives))
                    b++;
            } else if (known < 0 && after_title && b - a >= 2) {
                type = CHR_ENT_PER; /* "ministro dell'Interno [Angelino Alfano]" */
            } else if (known < 0 && b - a >= 2 && given_name(d, a) &&
                       (d->t[b - 1].flags & NT_UPPER0)) {
                type = CHR_ENT_PER; /* "Donald Trump" is no organisation */
            } else if (known < 0 && b - a >= 2 && IN_LIST(d, a, loc_heads)) {
                type = CHR_ENT_LOC;
            } else if (known < 0 && a > s0 && (d->t[a - 1].flags & NT_LOWER0) &&
                       IN_LIST(d, a - 1, loc_heads_before)) {
                type = CHR_ENT_LOC;
            } else if (known >= 0 && known != CHR_ENT_MISC) {
                type = known;
            }
            if (a == a0 && b == b0 && type == ner_lab_type(lab[a0]))
                continue;
            set_span(lab, mark, a, b, type);
            i = b;
        }
        join_names(d, s0, s1, lab, mark);
    }
    surnames(d, lab, mark);
    unify_types(d, lab, mark);
}
