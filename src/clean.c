/* chronicle — clean: raw article text to a clean document.
 * Owns: Unicode normalisation (NFC, quotes, spaces), boilerplate removal
 * (lines and trailing fragments), notes (editorial ones out, footnotes
 * kept out of the sentences), dateline and byline parsing, paragraph
 * layout, the content hash. Sentence splitting and language guessing are
 * delegated to text.c. Reads the chr_article, never changes it. */
#include "chronicle/clean.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>
#include <xxhash.h>

#include "grow.h"
#include "text_int.h"

/* ---- growable buffer ---------------------------------------------------- */

typedef struct buf {
    char *p;
    size_t n, cap;
    int oom;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 256;
        while (nc < b->n + n + 1)
            nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void buf_addc(buf *b, char c)
{
    if (b->n + 2 <= b->cap && !b->oom) { /* the usual case, without memcpy (one call a byte) */
        b->p[b->n++] = c;
        b->p[b->n] = 0;
        return;
    }
    buf_add(b, &c, 1);
}

/* ---- normalisation ------------------------------------------------------ */

/* Map one code point to its normalised form appended to b. */
static void put_cp(buf *b, int32_t cp)
{
    switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
        buf_addc(b, '\'');
        return;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
        buf_addc(b, '"');
        return;
    case 0x00A0:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case '\t':
    case '\f':
    case '\v':
        buf_addc(b, ' ');
        return;
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0xFEFF:
    case 0x00AD:
    case '\r':
        return; /* zero-width, BOM, soft hyphen: drop */
    case 0x2028:
    case 0x2029:
        buf_addc(b, '\n');
        return;
    default:
        break;
    }
    if (cp < 0x20 && cp != '\n')
        return;
    if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        return;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp, enc);
    buf_add(b, (const char *)enc, (size_t)k);
}

/* ---- double-encoded UTF-8 ------------------------------------------------ */

/* The byte a code point stood for when UTF-8 was read as Latin-1 or
 * Windows-1252 and encoded again ("Ã©" for "é", "â€™" for "’"): 0x80-0xBF,
 * the continuation bytes, else -1. */
static int mis_byte(utf8proc_int32_t c)
{
    static const uint16_t cp1252[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (c >= 0x80 && c <= 0xBF)
        return (int)c;
    for (int i = 0; i < 32; i++)
        if (cp1252[i] && cp1252[i] == c)
            return 0x80 + i;
    return -1;
}

/* At s[0..n): a code point that was a UTF-8 lead byte and the one or two
 * after it that together were one character's UTF-8 bytes; writes those bytes to out and
 * returns how many bytes of s they take, else 0. */
static size_t mis_char(const char *s, size_t n, unsigned char out[3], size_t *out_n)
{
    utf8proc_int32_t c[3];
    size_t at = 0, used[3];
    for (int k = 0; k < 3; k++) {
        utf8proc_ssize_t r = at < n ? utf8proc_iterate((const utf8proc_uint8_t *)s + at,
                                                       (utf8proc_ssize_t)(n - at), &c[k])
                                    : -1;
        if (r <= 0) {
            c[k] = -1;
            used[k] = at;
            continue;
        }
        at += (size_t)r;
        used[k] = at;
    }
    /* leads of the Latin letters (Â Ã Ä Å: U+0080-U+017F) and of
     * punctuation (â: U+2000-U+2FFF); not Ñ, Ð or é, which stand before
     * » or ° in ordinary text */
    if (!(c[0] >= 0xC2 && c[0] <= 0xC5) && c[0] != 0xE2)
        return 0;
    int b1 = mis_byte(c[1]);
    if (b1 < 0)
        return 0;
    out[0] = (unsigned char)c[0];
    out[1] = (unsigned char)b1;
    if (c[0] <= 0xDF) {
        *out_n = 2;
        return used[1];
    }
    int b2 = mis_byte(c[2]);
    if (b2 < 0)
        return 0;
    out[2] = (unsigned char)b2;
    *out_n = 3;
    return used[2];
}

/* Text whose accented letters went through one decoding too many, whole
 * or in places ("miÃ©rcoles", "AlÃ­", "itâ€™s"): repaired copy, or NULL
 * when there is nothing to repair (fewer than two such characters: one
 * "Ã" before a symbol may be meant). */
static char *unmojibake(const char *s, size_t n, size_t *out_n)
{
    unsigned char tmp[3];
    size_t tn, hits = 0;
    for (size_t i = 0; i + 1 < n && hits < 2; i++)
        if (((unsigned char)s[i] == 0xC3 || (unsigned char)s[i] == 0xC5) &&
            mis_char(s + i, n - i, tmp, &tn))
            hits++;
    if (hits < 2)
        return NULL;
    char *o = malloc(n + 1);
    if (!o)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n;) {
        size_t k = mis_char(s + i, n - i, tmp, &tn);
        if (k) {
            memcpy(o + j, tmp, tn);
            j += tn;
            i += k;
        } else {
            o[j++] = s[i++];
        }
    }
    o[j] = 0;
    *out_n = j;
    return o;
}

char *chr_normalize(const char *s, size_t len, size_t *out_len)
{
    size_t fixed_len = 0;
    char *fixed = unmojibake(s, len, &fixed_len);
    if (fixed) {
        s = fixed;
        len = fixed_len;
    }
    /* Text whose code points are all below U+0300 (ASCII, Latin-1, Latin
     * Extended-A and -B: a lead byte below 0xCC) has no combining mark and
     * no character NFC would change: it is its own NFC. */
    int below_marks = 1;
    for (size_t k = 0; k < len && below_marks; k++)
        below_marks = (unsigned char)s[k] < 0xCC;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t r = -1;
    if (!below_marks)
        r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                         UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    const char *src = s;
    size_t srclen = len;
    if (r >= 0) {
        src = (const char *)nfc;
        srclen = (size_t)r;
    }
    buf b = {0};
    size_t i = 0;
    while (i < srclen) {
        /* a run of printable ASCII and newlines is copied as it is */
        size_t j = i;
        while (j < srclen &&
               (((unsigned char)src[j] >= 0x20 && (unsigned char)src[j] < 0x7F) || src[j] == '\n'))
            j++;
        if (j > i) {
            buf_add(&b, src + i, j - i);
            i = j;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)src + i,
                                              (utf8proc_ssize_t)(srclen - i), &cp);
        if (k <= 0) {
            put_cp(&b, 0xFFFD);
            i++;
            continue;
        }
        put_cp(&b, cp);
        i += (size_t)k;
    }
    free(nfc);
    free(fixed);
    if (!b.p && !b.oom)
        buf_add(&b, "", 0);
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    if (out_len)
        *out_len = b.n;
    return b.p;
}

/* ---- boilerplate -------------------------------------------------------- */

static int ci_prefix(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && strncasecmp(s, p, k) == 0;
}

static int ci_equal(const char *s, size_t n, const char *p)
{
    return strlen(p) == n && strncasecmp(s, p, n) == 0;
}

/* Whether s[0..n) equals (list_equal) or starts with (list_prefix) a word
 * of a NULL-ended list, ignoring ASCII case. Every line and every word of a
 * short line is checked against these lists: the first bytes are compared
 * before anything else, as most differ there. */
static int list_equal(const char *s, size_t n, const char *const *list)
{
    if (!n)
        return 0;
    int c = tolower((unsigned char)*s);
    for (const char *const *p = list; *p; p++)
        if (tolower((unsigned char)**p) == c && ci_equal(s, n, *p))
            return 1;
    return 0;
}

static int list_prefix(const char *s, size_t n, const char *const *list)
{
    if (!n)
        return 0;
    int c = tolower((unsigned char)*s);
    for (const char *const *p = list; *p; p++)
        if (tolower((unsigned char)**p) == c && ci_prefix(s, n, *p))
            return 1;
    return 0;
}

/* Whole lines that are page furniture, compared case-insensitively after
 * trimming spaces and trailing punctuation/arrows. */
static const char *const boiler_exact[] = {
    "leave a reply", "leave a comment", "leave a reply cancel reply", "post a comment", "comments",
    "comment", "share", "share this", "share this article", "share on facebook", "share on twitter",
    "share on x", "share via email", "tweet", "print", "email", "translate", "advertisement",
    "advertising", "sponsored", "sponsored content", "related", "related articles", "related posts",
    "related stories", "read more", "read next", "see also", "more on this story", "subscribe",
    "sign up", "newsletter", "follow us", "like this:", "like", "loading...", "loading",
    "back to top", "skip to content", "menu", "search", "home", "top stories", "most read",
    "most popular", "trending", "cancel reply", "reply", "whatsapp", "facebook", "twitter",
    "linkedin", "telegram", "copy link", "copy", "listen", "listen to this article",
    "click to share", "continue reading", "show comments", "hide comments", "close", "reuter",
    "share this with", "copy this link", "these are external links and will open in a new window",
    "main menu", "site navigation", "main navigation", "navigation",
    /* fr, es, it, pt, de */
    "partager", "commentaires", "commenter", "lire aussi", "lire la suite", "voir aussi",
    "publicité", "abonnez-vous", "s'abonner", "imprimer", "envoyer", "réagir", "compartir",
    "comentarios", "comentar", "leer más", "publicidad", "suscríbete", "imprimir", "condividi",
    "commenti", "leggi anche", "pubblicità", "stampa", "compartilhar", "comentários", "leia mais",
    "leia também", "publicidade", "teilen", "kommentare", "mehr zum thema", "anzeige", "werbung",
    "drucken", "más información", "mais informações", "plus d'informations", NULL};

/* Line prefixes that mark furniture when the line is short. */
static const char *const boiler_prefix[] = {
    "your email address will not be published", "required fields are marked", "all rights reserved",
    "copyright ", "(c) ", "photo credit", "image credit", "credit:", "crédits photo",
    "crédit photo", "file photo", "follow us on", "follow ", "sign up for", "subscribe to",
    "click here", "read also:", "read also",
    "also read:", "read more:", "related:", "share this:", "share on", "tags:", "filed under",
    "tag:", "mots-clés :", "mots-clés:", "etiquetas:", "etichette:", "argomenti:",
    "licenza creative commons", "licencia creative commons", "licence creative commons",
    "licença creative commons", "this article was", "reporting by", "editing by", "writing by",
    "additional reporting by", "we use cookies", "this website uses cookies", "accept cookies",
    "download our app", "get the latest", "join our", "sign in", "log in", "posted in",
    "published in", "save my name, email", "notify me of", "your comment", "name *", "email *",
    "website", "published:", "updated:", "last updated", "first published",
    "this article appeared in", "this story appeared in", "a version of this article appear",
    "a version of this story appear",
    /* print-edition stamps (the day the paper printed it: no event) */
    "este artículo apareció en", "este artigo foi publicado na edição", "cet article est paru",
    "cet article a été publié dans l'édition", "questo articolo è apparso",
    "dieser artikel erschien",
    /* fr, es, it, pt, de: stamps, cross-links, rights, forms */
    "publié le", "publié à", "mis à jour le", "mis à jour à", "modifié le", "à lire aussi",
    "lire aussi", "voir aussi", "tous droits réservés", "abonnez-vous", "merci de ", "veuillez ",
    "cliquez ", "publicado el", "publicado em", "actualizado el", "actualizado a", "atualizado em",
    "última actualización", "lea también", "leer también", "leia também",
    "todos los derechos reservados", "todos os direitos reservados", "haga clic", "clique aqui",
    "pubblicato il", "aggiornato il", "aggiornato alle", "aggiornata alle", "ultimo aggiornamento",
    "leggi anche", "le opinioni espresse sono", "le opinioni espresse in questo",
    "questo articolo \xc3\xa8 stato tradotto", "sei in:", "riproduzione riservata", "clicca ",
    "veröffentlicht am", "aktualisiert am", "zuletzt aktualisiert", "lesen sie auch",
    "alle rechte vorbehalten",
    /* ro, with comma-below, cedilla or no diacritics ("Citește și:", "Citeste
     * si:", "Publicat: 31.10.2015, 08:37 | Actualizat: ...") */
    "cite\xc8\x99te \xc8\x99i", "cite\xc5\x9fte \xc5\x9fi", "citeste si", "vezi \xc8\x99i",
    "vezi \xc5\x9fi", "vezi si", "publicat:", "actualizat:", "data public\xc4\x83rii",
    "toate drepturile rezervate", "urm\xc4\x83re\xc8\x99te-ne", "urm\xc4\x83re\xc5\x9fte-ne",
    "urmareste-ne", "aboneaz\xc4\x83-te", "aboneaza-te",
    /* accounts, comment forms, privacy and cookie notices */
    "créez un compte", "créer un compte", "connectez-vous", "vous devez renseigner",
    "pour conserver le précédent brouillon", "politique de confidentialité",
    "politique de protection des données", "nous utilisons des cookies",
    "ce site utilise des cookies", "déjà abonné", "consultez les articles de la rubrique",
    "crea una cuenta", "crear una cuenta", "inicia sesión", "iniciar sesión",
    "política de privacidad", "utilizamos cookies", "este sitio web utiliza cookies",
    "ya eres suscriptor", "crea un account", "informativa sulla privacy", "utilizziamo i cookie",
    "crie uma conta", "faça login", "política de privacidade", "konto erstellen",
    "datenschutzerklärung", "wir verwenden cookies", "pour sauvegarder le nouveau brouillon",
    "renseignez votre numéro d'abonné", "merci d'avoir partagé cet article",
    "cet article a été ajouté dans vos favoris", "gracias por compartir",
    "este artículo se ha añadido a", "obrigado por partilhar", "grazie per aver condiviso",
    "partager :", "tags :",
    /* newsletters and comment forms, whatever the line says after ("Suscríbete
     * a nuestro boletín y recibe cada mañana las noticias…") */
    "suscríbete a nuestro boletín", "suscríbete al boletín", "suscríbete a nuestra newsletter",
    "suscríbete a la newsletter", "date de alta en nuestro boletín", "apúntate a la newsletter",
    "apúntate a nuestro boletín", "regístrate para comentar",
    "archivado en:", "assine nossa newsletter", "assine a nossa newsletter",
    "inscreva-se na nossa newsletter", "subscreva a nossa newsletter",
    "inscrivez-vous à notre newsletter", "inscrivez-vous à la newsletter",
    "iscriviti alla nostra newsletter", "iscriviti alla newsletter", "sign up to our newsletter",
    "sign up for our newsletter",
    /* a post's note that it belongs to a site's coverage of a topic */
    "this post is part of", "this article is part of our", "este post es parte de",
    "este post forma parte de", "este artículo forma parte de", "ce billet fait partie",
    "cet article fait partie de notre", "questo post fa parte", "questo articolo fa parte",
    "este post faz parte", "este artigo faz parte", "dieser beitrag ist teil", NULL};

/* A picture's caption: furniture inside an article, but a text of one line
 * that opens so is a headline ("PHOTO: First Full Look At ..."). */
static const char *const caption_prefix[] = {
    "photo:",   "photos:",     "image:",       "picture:", "foto:",   "fotos:", "photo caption:",
    "caption:", "didascalia:", "pie de foto:", "[foto]",   "[photo]", NULL};

/* Share, follow, subscribe and read-next furniture: line prefixes that
 * count only on a short line without a sentence's final punctuation
 * ("Assinei o acordo, disse o ministro." is a sentence). */
/* A post's stamp: on such a line with a figure in it, a day or a time
 * ("Postato il 12 febbraio 2011 alle 10:32 da Sara"; not a headline or a
 * subhead, "Posted on the border: life with the troops"; the publication
 * stamps, "Publié le ...", are is_boiler_line's). */
static const char *const post_prefix[] = {"postato il ",
                                          "postato da ",
                                          "posted on ",
                                          "posted by ",
                                          "publicado por ",
                                          "publi\xc3\xa9 par ",
                                          "post\xc3\xa9 le ",
                                          "post\xc3\xa9 par ",
                                          "postado em ",
                                          "postado por ",
                                          NULL};

static const char *const furniture_prefix[] = {/* blog bylines */
                                               "scritto da ",
                                               "tradotto da ",
                                               "escrito por ",
                                               "traducido por ",
                                               "traduzido por ",
                                               "\xc3\xa9"
                                               "crit par ",
                                               "\xc3\x89"
                                               "crit par ",
                                               "traduit par ",
                                               "translated by ",
                                               "condividi su",
                                               "iscriviti",
                                               "ti potrebbe interessare",
                                               "potrebbe interessarti",
                                               "accedi per",
                                               "articoli correlati",
                                               "seguici",
                                               "scarica l'app",
                                               "abbonati a ",
                                               "abbonati ora",
                                               "leggi tutto",
                                               "guarda il video",
                                               "vedi tutti gli articoli",
                                               "mostra commenti",
                                               "nascondi commenti",
                                               "articolo precedente",
                                               "articolo successivo",
                                               "scritto da ",
                                               "traduzione di ",
                                               "tradotto da ",
                                               "ultima modifica",
                                               "(modifica il",
                                               "síguenos",
                                               "te puede interesar",
                                               "también te puede interesar",
                                               "noticias relacionadas",
                                               "comparte en",
                                               "compartir en",
                                               "suscríbete",
                                               "suscribete",
                                               "suscribite",
                                               "suscríbase",
                                               "descarga la app",
                                               "lee también",
                                               "compartilhe",
                                               "assine ",
                                               "assine já",
                                               "inscreva-se",
                                               "veja também",
                                               "siga-nos",
                                               "saiba mais",
                                               "baixe o app",
                                               "você pode gostar",
                                               "partager sur",
                                               "inscrivez-vous",
                                               "suivez-nous",
                                               "à voir aussi",
                                               "sur le même sujet",
                                               "vous aimerez aussi",
                                               "à lire également",
                                               "lire également",
                                               "téléchargez l'application",
                                               "folgen sie uns",
                                               "jetzt abonnieren",
                                               "das könnte sie auch interessieren",
                                               "propulsé par",
                                               "powered by",
                                               "newsletter ",
                                               NULL};

/* Agencies and picture desks whose name opens a photo credit. */
static const char *const credit_agencies[] = {
    "REUTERS", "AP",       "AFP",     "ANSA",  "EPA",  "GETTY",    "XINHUA", "EFE",
    "DPA",     "TASS",     "SPUTNIK", "AA",    "IANS", "PTI",      "LUSA",   "ZUMA",
    "SIPA",    "LAPRESSE", "AGI",     "ABACA", "UPI",  "NURPHOTO", NULL};

/* Is [s, s+n) an agency/ad tracking ID like MENAFN15052024000045015687ID1108214746? */
static int is_agency_id(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && isupper((unsigned char)s[i]))
        i++;
    if (i < 3 || i > 12)
        return 0;
    /* "NPA-ID 20250218-0412", "AFP ID: 2025..." */
    size_t j = i + (i < n && (s[i] == '-' || s[i] == ' '));
    if (j + 2 < n && s[j] == 'I' && s[j + 1] == 'D' && (s[j + 2] == ' ' || s[j + 2] == ':')) {
        i = j + 2;
        while (i < n && (s[i] == ' ' || s[i] == ':'))
            i++;
    }
    size_t d = 0;
    while (i < n && (isdigit((unsigned char)s[i]) ||
                     (s[i] == '-' && d > 0 && i + 1 < n && isdigit((unsigned char)s[i + 1])))) {
        d += s[i] != '-';
        i++;
    }
    if (d < 8)
        return 0;
    if (i + 2 < n && s[i] == 'I' && s[i + 1] == 'D') {
        i += 2;
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
    }
    return i == n;
}

/* Is the token s[0..n) a web address or a picture file's name? */
static int is_link(const char *s, size_t n)
{
    static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", NULL};
    if (ci_prefix(s, n, "http://") || ci_prefix(s, n, "https://") || ci_prefix(s, n, "www."))
        return 1;
    while (n && strchr(".,;:)", s[n - 1]))
        n--;
    for (const char *const *e = exts; *e; e++) {
        size_t k = strlen(*e);
        if (n > k && ci_equal(s + n - k, k, *e))
            return 1;
    }
    return 0;
}

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && (unsigned char)**s <= ' ') {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && (unsigned char)(*s)[*n - 1] <= ' ')
        (*n)--;
}

static char *dup_range(const char *s, size_t n);

/* A photo caption with its credit after a bar: "Manifestante en El Cairo. |
 * Ap", "La plaza Tahrir, durante una protesta. | Reuters": a sentence, then
 * " | " and one to four words of letters, dots, slashes or hyphens (30
 * bytes at most). */
static int photo_caption(const char *s, size_t n)
{
    size_t c = n;
    while (c > 0 && s[c - 1] != '|')
        c--;
    if (c < 4 || n - c > 31 || s[c - 2] != ' ' || s[c - 3] != '.')
        return 0;
    size_t p = c, words = 0;
    while (p < n && s[p] == ' ')
        p++;
    if (p == n || !(s[p] >= 'A' && s[p] <= 'Z'))
        return 0;
    for (int in = 0; p < n; p++) {
        unsigned char ch = (unsigned char)s[p];
        int letter = (ch | 32) >= 'a' && (ch | 32) <= 'z';
        if (!letter && ch < 0x80 && ch != '.' && ch != '/' && ch != '-' && ch != ' ')
            return 0;
        if (ch == ' ')
            in = 0;
        else if (!in) {
            in = 1;
            words++;
        }
    }
    return words >= 1 && words <= 4;
}

/* s[0..n) in ASCII lower case into out (cap bytes, NUL-terminated): 0
 * when it does not fit (a line too long to be a notice or a caption). */
static int lower_line(const char *s, size_t n, char *out, size_t cap)
{
    if (n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[n] = 0;
    return 1;
}

/* A picture's caption with its photographer's credit: a short line that
 * names "Photo/Foto" and a capitalised name after it, in brackets at its
 * end ("... d'un bus en provenance de la Syrie. (Photo Mohammed Ameen.
 * Reuters)") or before a permission ("Syrie – Homs – 21/10/2012 –
 * Destructions ... - Photo Mohammed Ibrahim – SHAAM NEWS NETWORK | ...
 * Utilisée avec permission"). */
static int photo_credit(const char *s, size_t n)
{
    static const char *const PERMISSION[] = {"avec permission", "with permission", "con permiso",
                                             "con permesso",    "com permiss",     NULL};
    char low[304];
    if (!lower_line(s, n, low, sizeof low))
        return 0;
    const char *p = NULL; /* "photo " or "foto " before a capital */
    static const char *const WORD[] = {"photo ", "foto ", NULL};
    for (const char *const *w = WORD; *w && !p; w++)
        for (const char *q = strstr(low, *w); q && !p; q = strstr(q + 1, *w)) {
            size_t at = (size_t)(q - low) + strlen(*w);
            if (at < n && s[at] >= 'A' && s[at] <= 'Z')
                p = q;
        }
    if (!p)
        return 0;
    int bracket = p > low && p[-1] == '(' && s[n - 1] == ')';
    int permission = 0;
    for (const char *const *w = PERMISSION; *w && !permission; w++)
        permission = strstr(p, *w) != NULL;
    return bracket || permission;
}

/* A picture's credit that closes a line after its sentence: "La foule
 * sur la place de la Kasbah, le 25 février. (AFP/Fethi Belaid)",
 * "Vehículos militares saudíes cruzan la calzada. (EFE/Stringer)",
 * "Deputados comemoram o resultado. Foto: Dida Sampaio/Estadão". The
 * credit is an agency's with a slash, in brackets, or "Foto/Photo" and a
 * name with a slash; a wire's "(Reuters)" alone is none. Returns where the
 * credit starts in s[0..n), or n. A short line is a caption
 * (is_boiler_line); a longer one keeps its sentence
 * (strip_trailing_fragments). */
static size_t tail_credit_start(const char *s, size_t n)
{
    if (n < 12)
        return n;
    size_t c = 0; /* where the credit starts */
    if (s[n - 1] == ')') {
        size_t o = n - 1;
        while (o > 0 && s[o] != '(' && n - o <= 50)
            o--;
        if (s[o] != '(' || n - o > 50)
            return n;
        const char *sl = memchr(s + o, '/', n - o);
        if (!sl)
            return n;
        size_t a = o + 1, e = (size_t)(sl - s);
        while (e > a && s[e - 1] == ' ')
            e--;
        int agency = 0;
        for (const char *const *p = credit_agencies; *p && !agency; p++)
            agency = ci_equal(s + a, e - a, *p);
        if (!agency && !ci_prefix(s + a, n - a, "foto:") && !ci_prefix(s + a, n - a, "photo:") &&
            !ci_prefix(s + a, n - a, "foto ") && !ci_prefix(s + a, n - a, "photo "))
            return n;
        /* after an agency's slash, its photographer ("AFP/Fethi Belaid",
         * "EFE/Stringer"), not a partner's name: a poll's ("Reuters/Ipsos",
         * "AP/NORC") or another agency's ("AFP/Reuters") */
        if (agency) {
            static const char *const PARTNER[] = {
                "ipsos", "gallup", "yougov", "harris", "pew", "marist", "quinnipiac", "zogby",
                "rasmussen",
                /* an outlet's name after its article: "AFP/Le Monde", "EFE/El País" */
                "le", "la", "el", "the", "il", "o", NULL};
            /* an outlet's name ending like one: "EFE/Europa Press" */
            static const char *const OUTLET[] = {" press", " news",  " presse", " prensa",
                                                 " tv",    " times", " post",   NULL};
            size_t b = (size_t)(sl - s) + 1, be = n - 1;
            while (b < be && s[b] == ' ')
                b++;
            size_t w = b;
            while (w < be && s[w] != ' ' && s[w] != '/')
                w++;
            int caps = w > b + 1;
            for (size_t q = b; q < w && caps; q++)
                caps = !islower((unsigned char)s[q]);
            int partner = caps || list_equal(s + b, w - b, PARTNER);
            for (const char *const *ot = OUTLET; *ot && !partner; ot++) {
                size_t ol = strlen(*ot);
                partner = be - b > ol && !strncasecmp(s + be - ol, *ot, ol);
            }
            for (const char *const *p = credit_agencies; *p && !partner; p++)
                partner = ci_equal(s + b, w - b, *p);
            if (partner || b >= be || !isupper((unsigned char)s[b]))
                return n;
        }
        c = o;
    } else {
        size_t k = n;
        while (k > 1 && !(s[k - 1] == ' ' && s[k - 2] == '.'))
            k--;
        if (k <= 1 || n - k > 80 ||
            !(ci_prefix(s + k, n - k, "foto:") || ci_prefix(s + k, n - k, "photo:") ||
              ci_prefix(s + k, n - k, "photo :")))
            return n;
        int words = 0, caps = 1;
        for (size_t q = k; q < n; q++) {
            words += s[q] == ' ';
            if (s[q] == ' ' && q + 1 < n && !isupper((unsigned char)s[q + 1]))
                caps = 0;
        }
        /* "Foto: Dida Sampaio/Estadão", or a photographer's name alone: "Foto:
         * Ricard Cugat" */
        if (words > 6 || !(memchr(s + k, '/', n - k) || (caps && words >= 2 && words <= 4)))
            return n;
        c = k;
    }
    /* a sentence before it, which the credit follows */
    size_t b = c;
    while (b > 0 && s[b - 1] == ' ')
        b--;
    return b >= 8 && (s[b - 1] == '.' || s[b - 1] == ')') ? b : n;
}

/* A byline that carries the page's publication or update stamp: "Par
 * Isabelle Mandraud, publié le 26 février 2011 à 09h12", "Por Javier
 * Espinosa | Actualizado viernes 18/02/2011", "By Kim Berger, updated
 * 3 March 2024". The name (up to the first comma, full stop, bar or dash)
 * goes to *author, the rest to *stamp when they are unset. */
static int byline_stamp(const char *s, size_t n, char **author, char **stamp)
{
    static const char *const BY[] = {"texte par ", "par ", "por ", "per ",   "by ", "di ",
                                     "de ",        "von ", "dal ", "dalla ", NULL};
    static const char *const STAFF[] = {"notre correspondant",
                                        "notre envoy",
                                        "nuestro corresponsal",
                                        "nuestra corresponsal",
                                        "our correspondent",
                                        "il nostro",
                                        "la nostra",
                                        "nostro corrispondente",
                                        "nostra corrispondente",
                                        "nostro inviato",
                                        "nostra inviata",
                                        "nosso correspondente",
                                        "la r\xc3\xa9"
                                        "daction",
                                        "la redacci\xc3\xb3n",
                                        "la redazione",
                                        "a reda\xc3\xa7\xc3\xa3o",
                                        NULL};
    static const char *const STAMP[] = {"publié",     "mis à jour",  "dernière modification",
                                        "publicado",  "actualizado", "última actualización",
                                        "atualizado", "pubblicato",  "aggiornato",
                                        "published",  "updated",     "publicat",
                                        "actualizat", "actualitzat", NULL};
    size_t k = 0;
    for (const char *const *b = BY; *b && !k; b++)
        if (ci_prefix(s, n, *b))
            k = strlen(*b);
    /* an outlet's credit line with its stamp and clock time, no sentence:
     * "Le Monde.fr avec AFP, publié le 16 janvier 2011 à 10h00" */
    int outlet = !k && n <= 100 && n >= 5 && isupper((unsigned char)s[0]) &&
                 isdigit((unsigned char)s[n - 1]) && isdigit((unsigned char)s[n - 2]) &&
                 (s[n - 3] == 'h' || s[n - 3] == ':') && isdigit((unsigned char)s[n - 4]);
    if ((!k && !outlet) || k >= n ||
        !(isupper((unsigned char)s[k]) || list_prefix(s + k, n - k, STAFF)))
        return 0;
    if ((ci_prefix(s, n, "dal ") || ci_prefix(s, n, "dalla ")) && !list_prefix(s + k, n - k, STAFF))
        return 0; /* "dal", "dalla" open a correspondent's byline, not a place's stamp
                   * ("dal Cairo | 16 marzo 2011") */
    size_t e = k; /* the name's end */
    while (e < n && s[e] != ',' && !(s[e] == '.' && (e + 1 == n || s[e + 1] == ' ')) &&
           s[e] != '|' && !(s[e] == '-' && s[e - 1] == ' '))
        e++;
    if (e >= n || e - k > 60)
        return 0;
    char low[224];
    if (!lower_line(s + e, n - e, low, sizeof low))
        return 0;
    int digit = 0;
    for (size_t q = e; q < n && !digit; q++)
        digit = isdigit((unsigned char)s[q]);
    const char *at = NULL;
    for (const char *const *w = STAMP; *w && !at; w++)
        at = strstr(low, *w);
    /* the stamp right after the name ("Par RFI. Article publié le"), and no
     * deadline's day as the name ("By Friday, updated figures showed") */
    static const char *const WHEN[] = {"monday",    "tuesday", "wednesday", "thursday", "friday",
                                       "saturday",  "sunday",  "january",   "february", "march",
                                       "april",     "may",     "june",      "july",     "august",
                                       "september", "october", "november",  "december", "then",
                                       "now",       NULL};
    /* "Par Samy Ghorbal, le 03/01/2011 à 10:21": a day and a clock time at the
     * line's end (not "Par Ben Ali, le 14 janvier à 18h, le pays a été…") */
    int clock_end = n >= 4 && isdigit((unsigned char)s[n - 1]) &&
                    isdigit((unsigned char)s[n - 2]) && (s[n - 3] == 'h' || s[n - 3] == ':') &&
                    isdigit((unsigned char)s[n - 4]);
    if (!at && !strncmp(low, ", le ", 5) && isdigit((unsigned char)low[5]) && clock_end)
        at = low + 2;
    /* "di Giulia Bianchi | 1 marzo 2011": a bar, then a date alone */
    if (!at && k && low[0] == '|' && n - e <= 40) {
        size_t q = 1;
        while (low[q] == ' ')
            q++;
        if (isdigit((unsigned char)low[q]) && !strpbrk(low + q, ".!?,;"))
            at = low + q;
    }
    if (!at || !digit || at - low > 12 || list_equal(s + k, e - k, WHEN))
        return 0;
    /* a stamp line ends in no full stop ("Por España, publicado el 3 de marzo,
     * el decreto entra en vigor." is news), and an outlet's has its date right
     * after the word ("Le couvre-feu, publié hier par le ministère, commence à
     * 18h00" is news) */
    if (strchr(".!?", s[n - 1]))
        return 0;
    if (outlet) {
        /* its date right after the word: "publié le 16 janvier", "publicado el
         * 3", "updated: 3 March" (not "publié au JO le 3 mars") */
        const char *q = at;
        while (*q && *q != ' ' && *q != ':')
            q++;
        while (*q == ' ' || *q == ':')
            q++;
        if (!strncmp(q, "le ", 3) || !strncmp(q, "el ", 3) || !strncmp(q, "em ", 3) ||
            !strncmp(q, "il ", 3) || !strncmp(q, "on ", 3))
            q += 3;
        if (!isdigit((unsigned char)*q))
            return 0;
    }
    size_t ne = e;
    /* the name ends before a day written after it ("Par Georges Malbrunot le
     * 4 septembre 2012 18h30 | 55 Commentaires") */
    for (size_t q = k; q < ne; q++)
        if (isdigit((unsigned char)s[q])) {
            ne = q;
            static const char *const ON[] = {" le", " il", " el", " on", " o", NULL};
            while (ne > k && s[ne - 1] == ' ')
                ne--;
            for (const char *const *w = ON; *w; w++) {
                size_t wl = strlen(*w);
                if (ne >= k + wl && !strncasecmp(s + ne - wl, *w, wl)) {
                    ne -= wl;
                    break;
                }
            }
            break;
        }
    while (ne > k && s[ne - 1] == ' ')
        ne--;
    if (author && !*author)
        *author = dup_range(s + k, ne - k);
    if (stamp && !*stamp)
        *stamp = dup_range(s + e + (size_t)(at - low), n - e - (size_t)(at - low));
    return 1;
}

/* Whether the line is a site's cookie notice: "cookie" among its first
 * words and, further on, the consent or policy talk that goes with it
 * ("Usamos cookies a fin de mejorar nuestro servicio. Encontrará más
 * información en nuestras Políticas de privacidad.", "Le Monde utilise des
 * cookies ... En poursuivant votre navigation ..."). A report about
 * cookies ("Facebook uses cookies to track users, the study found") has no
 * such talk. */
static int cookie_notice(const char *s, size_t n)
{
    static const char *const consent[] = {"privacy",
                                          "privacidad",
                                          "privacidade",
                                          "confidentialité",
                                          "données personnelles",
                                          "datenschutz",
                                          "by continuing",
                                          "continue browsing",
                                          "continuing to browse",
                                          "si continúa",
                                          "si continua",
                                          "en poursuivant",
                                          "continuando",
                                          "proseguendo",
                                          "accept",
                                          "acepta",
                                          "acceptez",
                                          "j'accepte",
                                          "accetta",
                                          "akzeptieren",
                                          "zustimmen",
                                          "learn more",
                                          "more information",
                                          "más información",
                                          "mais informações",
                                          "en savoir plus",
                                          "maggiori informazioni",
                                          "mehr erfahren",
                                          "opt-out",
                                          "opt out",
                                          "désinscrire",
                                          "cookie policy",
                                          "informativa",
                                          "acconsenti",
                                          "ao continuar",
                                          "concorda",
                                          "aceita",
                                          "acord",
                                          "continuarea",
                                          NULL};
    char b[720];
    if (n < 20 || n >= sizeof b)
        return 0;
    for (size_t i = 0; i < n; i++)
        b[i] = (char)tolower((unsigned char)s[i]);
    b[n] = 0;
    const char *c = strstr(b, "cookie");
    if (!c || c - b > 100)
        return 0;
    for (const char *const *w = consent; *w; w++)
        if (strstr(c, *w))
            return 1;
    return 0;
}

/* Whether the line opens a page's comment section, after which nothing is
 * the article: a count of comments ("Se han publicado 104 comentarios",
 * "12 Comments", "Commentaires (3)", "There are 5 responses so far") or
 * the comment form's heading or notice ("Leave a Reply", "Deja un
 * comentario", "Your email address will not be published", "Correo (no
 * será publicado):"). A bare "Comments" (a menu's link) is none. */
static int comment_marker(const char *s, size_t n)
{
    static const char *const forms[] = {"leave a reply",
                                        "leave a comment",
                                        "post a comment",
                                        "add a comment",
                                        "deja un comentario",
                                        "deja una respuesta",
                                        "deja tu comentario",
                                        "dejar un comentario",
                                        "escribe un comentario",
                                        "laisser un commentaire",
                                        "laissez un commentaire",
                                        "ajouter un commentaire",
                                        "lascia un commento",
                                        "lascia una risposta",
                                        "scrivi un commento",
                                        "deixe um comentário",
                                        "deixe uma resposta",
                                        "deixe seu comentário",
                                        "schreibe einen kommentar",
                                        "kommentar schreiben",
                                        "lasă un comentariu",
                                        "adaugă un comentariu",
                                        "your email address will not be published",
                                        "votre adresse e-mail ne sera pas publiée",
                                        "votre adresse email ne sera pas publiée",
                                        "votre adresse de messagerie ne sera pas publiée",
                                        "tu dirección de correo electrónico no será publicada",
                                        "tu dirección de email no será publicada",
                                        "correo (no será publicado)",
                                        "il tuo indirizzo email non sarà pubblicato",
                                        "o seu endereço de email não será publicado",
                                        "o seu endereço de e-mail não será publicado",
                                        "ihre e-mail-adresse wird nicht veröffentlicht",
                                        "adresa ta de email nu va fi publicată",
                                        NULL};
    static const char *const words[] = {
        "comment",    "comments",   "comentario", "comentarios", "commentaire", "commentaires",
        "commento",   "commenti",   "comentário", "comentários", "kommentar",   "kommentare",
        "comentariu", "comentarii", "réaction",   "réactions",   "reacciones",  "responses",
        "replies",    "respuestas", "risposte",   "respostas",   NULL};
    static const char *const lead[] = {"se han publicado ", "hay ",     "there are ", "there is ",
                                       "il y a ",           "ci sono ", "há ",        NULL};
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == ' '))
        n--;
    if (n < 5 || n > 80)
        return 0;
    for (const char *const *f = forms; *f; f++)
        if (ci_prefix(s, n, *f))
            return 1;
    /* [lead] N word [so far | hasta ahora] */
    size_t i = 0;
    for (const char *const *l = lead; *l; l++)
        if (ci_prefix(s, n, *l)) {
            i = strlen(*l);
            break;
        }
    size_t d = i;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    if (i > d && i < n && s[i] == ' ') {
        size_t w = ++i;
        while (i < n && s[i] != ' ')
            i++;
        if (list_equal(s + w, i - w, words) &&
            (i == n || ci_equal(s + i, n - i, " so far") || ci_equal(s + i, n - i, " hasta ahora")))
            return 1;
        return 0;
    }
    /* word (N) */
    if (i != d || !n || s[n - 1] != ')')
        return 0;
    size_t o = n - 1;
    while (o > 0 && isdigit((unsigned char)s[o - 1]))
        o--;
    if (o == n - 1 || o < 2 || s[o - 1] != '(')
        return 0;
    size_t we = o - 1;
    while (we > 0 && s[we - 1] == ' ')
        we--;
    return list_equal(s, we, words);
}

/* Whether the line s[0..n) heads a site's block of teaser headlines ("Lo
 * más leído:", "Most read", "Lire aussi :", "Leggi anche"): the lines after
 * it that do not end as sentences are other stories' headlines. */
static int teaser_header(const char *s, size_t n)
{
    static const char *const heads[] = {"most read",
                                        "most popular",
                                        "most viewed",
                                        "related",
                                        "related articles",
                                        "related stories",
                                        "related posts",
                                        "related news",
                                        "read more",
                                        "read next",
                                        "see also",
                                        "also read",
                                        "read also",
                                        "more on this story",
                                        "top stories",
                                        "trending",
                                        "lire aussi",
                                        "\xc3\xa0 lire aussi",
                                        "voir aussi",
                                        "les plus lus",
                                        "les plus lues",
                                        "les plus consult\xc3\xa9s",
                                        "lo m\xc3\xa1s le\xc3\xad"
                                        "do",
                                        "lo m\xc3\xa1s visto",
                                        "m\xc3\xa1s le\xc3\xad"
                                        "das",
                                        "m\xc3\xa1s noticias",
                                        "te puede interesar",
                                        "noticias relacionadas",
                                        "leggi anche",
                                        "articoli correlati",
                                        "notizie correlate",
                                        "potrebbe interessarti",
                                        "potrebbe interessarti anche",
                                        "ti potrebbe interessare",
                                        "articles li\xc3\xa9s",
                                        "sur le m\xc3\xaame sujet",
                                        "art\xc3\xad"
                                        "culos relacionados",
                                        "artigos relacionados",
                                        "i pi\xc3\xb9 letti",
                                        "pi\xc3\xb9 letti",
                                        "leia tamb\xc3\xa9m",
                                        "mais lidas",
                                        "not\xc3\xad"
                                        "cias relacionadas",
                                        "veja tamb\xc3\xa9m",
                                        "mehr zum thema",
                                        "cite\xc8\x99te \xc8\x99i",
                                        "cite\xc5\x9fte \xc5\x9fi",
                                        "citeste si",
                                        "cele mai citite",
                                        NULL};
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' '))
        n--;
    return list_equal(s, n, heads);
}

/* A press release's closing paragraph about its issuer: "About the Port of
 * Bellhaven: Founded in 1911, the Port ..." (the label, capitalised words,
 * a colon and a description of the issuer). */
static int about_issuer(const char *s, size_t n)
{
    if (n < 8 || !ci_prefix(s, n, "about "))
        return 0;
    size_t c = ci_prefix(s + 6, n - 6, "the ") ? 10 : 6;
    if (c >= n || !(s[c] >= 'A' && s[c] <= 'Z'))
        return 0;
    size_t k = c;
    for (; k < n && k < 70 && s[k] != ':'; k++)
        if ((s[k] == '.' && !(k + 1 < n && s[k + 1] == ':')) || s[k] == ';')
            return 0; /* a sentence ends first; "About Acme Inc.:" is the label */
    if (k >= n || k >= 70 || s[k] != ':')
        return 0;
    /* what follows describes the issuer: it opens so ("Founded in 1911,
     * the Port ...", "Headquartered in ...") or with the issuer's name
     * ("About Acme Inc.: Acme is a ..."); not an interview's answer ("About
     * the Fed: He said ...", "About Ukraine: He said the war is a ...") */
    static const char *const OPEN[] = {"founded",     "headquartered", "based in",
                                       "established", "incorporated",  NULL};
    size_t q = k + 1;
    while (q < n && s[q] == ' ')
        q++;
    if (list_prefix(s + q, n - q, OPEN))
        return 1;
    size_t w = c;
    while (w < k && isalnum((unsigned char)s[w]))
        w++;
    return w > c && q + (w - c) < n && !strncmp(s + q, s + c, w - c) &&
           !isalnum((unsigned char)s[q + (w - c)]);
}

static int month_word(const char *s, size_t n);
static int month_name(const char *s, size_t n);

/* The next word of s[0..n) from byte i, between spaces and commas: its
 * start in *b; returns its end (== *b when none is left). */
static size_t next_field(const char *s, size_t n, size_t i, size_t *b)
{
    while (i < n && (s[i] == ' ' || s[i] == ','))
        i++;
    *b = i;
    while (i < n && s[i] != ' ' && s[i] != ',')
        i++;
    return i;
}

/* A line of nothing but a clock time and a date, a page's stamp: "16.09 -
 * martedì 9 aprile 2024", "14:32 GMT, Monday 3 March 2025", "Mar 3, 2025
 * 9:05". A date alone stays (a chronology's heading). */
static int time_date_line(const char *s, size_t n)
{
    static const char *const skip[] = {
        "-",    "\xe2\x80\x93", "\xe2\x80\x94", "|",   "/",    "\xc2\xb7",  "at",
        "alle", "\xc3\xa0",     "um",           "a",   "las",  "\xc3\xa0s", "ore",
        "h",    "gmt",          "utc",          "cet", "cest", "et",        "est",
        "edt",  "bst",          "am",           "pm",  "a.m.", "p.m.",      "de",
        "del",  "le",           "il",           "el",  NULL};
    static const char *const wdays[] = {"monday",
                                        "tuesday",
                                        "wednesday",
                                        "thursday",
                                        "friday",
                                        "saturday",
                                        "sunday",
                                        "luned\xc3\xac",
                                        "marted\xc3\xac",
                                        "mercoled\xc3\xac",
                                        "gioved\xc3\xac",
                                        "venerd\xc3\xac",
                                        "sabato",
                                        "domenica",
                                        "lunes",
                                        "martes",
                                        "mi\xc3\xa9rcoles",
                                        "jueves",
                                        "viernes",
                                        "s\xc3\xa1"
                                        "bado",
                                        "domingo",
                                        "lundi",
                                        "mardi",
                                        "mercredi",
                                        "jeudi",
                                        "vendredi",
                                        "samedi",
                                        "dimanche",
                                        "segunda-feira",
                                        "ter\xc3\xa7"
                                        "a-feira",
                                        "quarta-feira",
                                        "quinta-feira",
                                        "sexta-feira",
                                        "montag",
                                        "dienstag",
                                        "mittwoch",
                                        "donnerstag",
                                        "freitag",
                                        "samstag",
                                        "sonntag",
                                        NULL};
    if (n > 80)
        return 0;
    int clock = 0, month = 0, words = 0, year = 0;
    for (size_t i = 0, b = 0; i < n;) {
        i = next_field(s, n, i, &b);
        if (i == b)
            break;
        size_t w = i - b;
        char low[24];
        if (w >= sizeof low)
            return 0;
        for (size_t k = 0; k < w; k++)
            low[k] = (char)tolower((unsigned char)s[b + k]);
        low[w] = 0;
        words++;
        if (isdigit((unsigned char)low[0])) {
            size_t d = 0, sep = 0;
            for (size_t k = 0; k < w; k++) {
                if (isdigit((unsigned char)low[k]))
                    d++;
                else if ((low[k] == ':' || low[k] == '.' || low[k] == 'h') && k && k + 2 < w + 1)
                    sep++;
                else if (!(k + 2 == w && !strcmp(low + k, "er")))
                    return 0; /* "1er" */
            }
            clock |= sep == 1 && d >= 3;
            year |= sep == 0 && d == 4;
            continue;
        }
        int ok = month_name(low, w) || !strcmp(low, "may") || !strcmp(low, "mai") ||
                 (month_word(low, w) && (w == 3 || (w == 4 && low[3] == '.') ||
                                         !strncmp(low, "sept", 4))); /* "Mar", "Apr.", "Sept." */
        month |= ok;
        for (const char *const *q = wdays; *q && !ok; q++)
            ok = !strcmp(low, *q);
        for (const char *const *q = skip; *q && !ok; q++)
            ok = !strcmp(low, *q);
        if (!ok)
            return 0;
    }
    return clock && month && year && words >= 3; /* (not an event's "Domenica 25 aprile,
                                                  * ore 10.30") */
}

/* A rights or registration notice anywhere in a short line ("Notizie Oggi
 * è una testata registrata presso il Tribunale di Milano. Riproduzione
 * riservata", "© 2013 Example Media. All rights reserved."). */
static int rights_notice(const char *s, size_t n)
{
    static const char *const notices[] = {"riproduzione riservata",
                                          "testata registrata",
                                          "testata giornalistica",
                                          "tutti i diritti riservati",
                                          "all rights reserved",
                                          "todos los derechos reservados",
                                          "tous droits r\xc3\xa9serv\xc3\xa9s",
                                          "todos os direitos reservados",
                                          "alle rechte vorbehalten",
                                          NULL};
    char low[251];
    if (!lower_line(s, n, low, sizeof low))
        return 0;
    int found = 0;
    for (const char *const *p = notices; *p && !found; p++)
        found = strstr(low, *p) != NULL;
    if (!found)
        return 0;
    /* every sentence of the line is notice: one of the words, a copyright
     * or the register, or a few words ("I sindacati hanno proclamato uno
     * sciopero. Riproduzione riservata" keeps its news: the notice glued
     * after it goes alone) */
    for (char *piece = low; *piece;) {
        char *end = strstr(piece, ". ");
        if (end)
            *end = 0;
        char *lead = piece;
        while (*lead == ' ')
            lead++;
        int pw = 0; /* the piece's words */
        for (char *c = piece; *c; c++)
            pw += *c != ' ' && (c == piece || c[-1] == ' ');
        /* "copyright" in a short piece ("All content is subject to
         * copyright"), not in news of it ("ricorso sul copyright degli
         * editori") */
        int notice = strstr(piece, "\xc2\xa9") || strstr(piece, "(c)") ||
                     !strncmp(lead, "copyright", 9) || (strstr(piece, "copyright") && pw <= 8);
        for (const char *const *p = notices; *p && !notice; p++)
            notice = strstr(piece, *p) != NULL;
        int words = 0;
        for (char *c = piece; *c; c++)
            words += *c != ' ' && (c == piece || c[-1] == ' ');
        if (!notice && words > 4)
            return 0;
        piece = end ? end + 2 : piece + strlen(piece);
    }
    return 1;
}

/* A bar of links: three or more short items between " | " or " > "
 * ("Condividi | Tweet | +1 | Email | Stampa", "Home | Regioni | Chi
 * siamo", "Sei in: Home > Esteri > Medio Oriente", "Analisi | 7 febbraio
 * 2011 | di Elena Rinaldi"): no item ends a sentence or runs past five
 * words. A headline with its site ("Title | Site") has one bar. */
static int bar_line(const char *s, size_t n)
{
    if (n > 160)
        return 0;
    int items = 1, words = 0, scores = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n && s[i] == ' ' && (s[i + 1] == '|' || s[i + 1] == '>') && s[i + 2] == ' ') {
            if (i > 0 && strchr(".!?", s[i - 1]))
                return 0;
            scores += i > 0 && isdigit((unsigned char)s[i - 1]);
            items++;
            words = 0;
            i += 2;
            continue;
        }
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ') && ++words > 5)
            return 0;
    }
    scores += n > 0 && isdigit((unsigned char)s[n - 1]);
    return items >= 3 && scores < items; /* ("Italy 2 | Spain 1 | France 0": results) */
}

/* Whether the line is a site's menu of sections: "Home Italia Mondo
 * Politica Tecnologia Internet Scienza Cultura Economia Sport", "Inicio
 * Internacional España Economía Deportes Cultura" — five words or more,
 * each capitalised (or a separator: | · • /), at least three of them and
 * three in five the names of sections. A title-case headline has verbs and
 * names instead ("Obama Says Assad Must Go", "World Business Leaders Meet
 * In France"). */
static int section_menu(const char *s, size_t n)
{
    static const char *const SECTIONS[] = {"home",
                                           "inicio",
                                           "accueil",
                                           "homepage",
                                           "italia",
                                           "mondo",
                                           "esteri",
                                           "politica",
                                           "pol\xc3\xadtica",
                                           "economia",
                                           "econom\xc3\xad"
                                           "a",
                                           "cronaca",
                                           "cultura",
                                           "sport",
                                           "sports",
                                           "spettacoli",
                                           "tecnologia",
                                           "scienza",
                                           "scienze",
                                           "internet",
                                           "salute",
                                           "opinioni",
                                           "internacional",
                                           "nacional",
                                           "espa\xc3\xb1"
                                           "a",
                                           "deportes",
                                           "opini\xc3\xb3n",
                                           "sociedad",
                                           "ciencia",
                                           "gente",
                                           "international",
                                           "france",
                                           "politique",
                                           "\xc3\xa9"
                                           "conomie",
                                           "soci\xc3\xa9t\xc3\xa9",
                                           "culture",
                                           "sciences",
                                           "world",
                                           "politics",
                                           "business",
                                           "tech",
                                           "science",
                                           "opinion",
                                           "health",
                                           "entertainment",
                                           "mundo",
                                           "brasil",
                                           "esportes",
                                           "ci\xc3\xaancia",
                                           "sa\xc3\xba"
                                           "de",
                                           "lifestyle",
                                           "video",
                                           "foto",
                                           "blog",
                                           "blogs",
                                           NULL};
    if (n > 200)
        return 0;
    int words = 0, known = 0;
    for (size_t p = 0; p < n;) {
        while (p < n && strchr(" |/", s[p]))
            p++;
        if (p + 1 < n && (unsigned char)s[p] == 0xC2 && (unsigned char)s[p + 1] == 0xB7) {
            p += 2; /* · */
            continue;
        }
        if (p + 2 < n && !memcmp(s + p, "\xe2\x80\xa2", 3)) {
            p += 3; /* • */
            continue;
        }
        if (p >= n)
            break;
        size_t e = p;
        while (e < n && !strchr(" |/", s[e]))
            e++;
        if (!(isupper((unsigned char)s[p]) ||
              ((unsigned char)s[p] >= 0xC3 && e > p + 1 && (unsigned char)s[p + 1] >= 0x80 &&
               (unsigned char)s[p + 1] <= 0x9E)))
            return 0;
        for (size_t q = p; q < e; q++)
            if (strchr(".,:;!?()\"'", s[q]))
                return 0;
        words++;
        known += list_equal(s + p, e - p, SECTIONS);
        p = e;
    }
    return words >= 5 && known >= 3 && known * 5 >= words * 3;
}

/* A page's path to its section: short parts after a site's name, each
 * after " › ", " » " or " > " ("ForumItalia.net › Attualità › Esteri",
 * "Home » Mondo » Medio Oriente"), two of them at least, no sentence's
 * end, no French quotation ("« Non » au référendum"). */
static int breadcrumb(const char *s, size_t n)
{
    if (n > 120 || strchr(".!?", s[n - 1]))
        return 0;
    for (size_t p = 0; p + 1 < n; p++)
        if ((unsigned char)s[p] == 0xC2 && (unsigned char)s[p + 1] == 0xAB)
            return 0; /* « */
    int seps = 0, words = 0;
    for (size_t p = 0; p < n; p++) {
        size_t k = 0;
        if (p + 4 <= n && !memcmp(s + p, " \xc2\xbb ", 4))
            k = 4;
        else if (p + 5 <= n && !memcmp(s + p, " \xe2\x80\xba ", 5))
            k = 5;
        else if (p + 3 <= n && !memcmp(s + p, " > ", 3))
            k = 3;
        if (k) {
            if (words == 0 || words > 4)
                return 0; /* a part of a few words */
            seps++;
            words = 0;
            p += k - 1;
        } else if (s[p] != ' ' && (p == 0 || s[p - 1] == ' '))
            words++;
    }
    return seps >= 2 && words > 0 && words <= 4;
}

/* The length of a link's language marker at s, as blogs and Global Voices
 * translations write them after a link: "[en]", "[ar, en]", "[fa]" (codes
 * of two lower-case letters), else 0. */
static size_t link_lang_marker(const char *s, size_t n)
{
    /* codes that are no words in the languages read ("[he]", "[il]", "[la]",
     * "[it]", "[an]" insert a word in a quote) */
    static const char *const CODES[] = {
        "en", "ar", "fa", "fr", "de", "ru", "zh", "tr", "ur", "pt", "ja", "ko", "hi", "sw",
        "nl", "pl", "bn", "ku", "ps", "pe", "sv", "fi", "da", "uk", "az", "ka", "hy", "am",
        "ml", "ta", "id", "ms", "th", "vi", "mg", "ne", "ro", "ca", "gl", "eu", NULL};
    size_t k = 1;
    for (;;) {
        if (k + 2 >= n || !islower((unsigned char)s[k]) || !islower((unsigned char)s[k + 1]) ||
            !list_equal(s + k, 2, CODES))
            return 0;
        k += 2;
        if (s[k] == ']')
            return k + 1;
        if (s[k] != ',' && s[k] != '/')
            return 0;
        k++;
        while (k < n && s[k] == ' ')
            k++;
    }
}

/* Whether a link's language marker may stand at p[i]: after a space or a
 * colon, or glued to a Twitter handle ("@acarvin[en]:"); not inside a
 * word ("a[ij]"). */
static int after_link(const char *p, size_t i)
{
    if (p[i - 1] == ' ' || p[i - 1] == ':')
        return 1;
    size_t k = i;
    while (k > 0 && p[k - 1] != ' ' && p[k - 1] != '\n')
        k--;
    return p[k] == '@';
}

/* A line that is an agency's credit alone, as wires close their copy:
 * "(ANSA)", "(ANSA).", "(EFE)", "(AGI) Red/Gav", "(Adnkronos/Aki)": a
 * capitalised name of letters in brackets, then at most a full stop and
 * the desk's initials. */
static int agency_credit_line(const char *s, size_t n)
{
    if (n < 4 || n > 40 || s[0] != '(' || !isupper((unsigned char)s[1]))
        return 0;
    size_t k = 1;
    while (k < n && k < 32 && (isalpha((unsigned char)s[k]) || s[k] == ' ' || s[k] == '/'))
        k++;
    if (k >= n || s[k] != ')' || k < 3)
        return 0;
    k++;
    if (k < n && s[k] == '.')
        k++;
    while (k < n && s[k] == ' ')
        k++;
    /* the desk's initials: "Red/Gav", "mzu/pam" (parts of two to four letters) */
    for (size_t w0 = k; k <= n; k++) {
        if (k < n && isalpha((unsigned char)s[k]))
            continue;
        if (k - w0 < 2 || k - w0 > 4 || (k < n && s[k] != '/'))
            return k == w0 && k == n;
        w0 = k + 1;
    }
    return 1;
}

/* Line is boilerplate? May set *author for "By NAME" lines and *stamp for
 * a publication stamp. whole: the line is the whole text (a headline feed's
 * record), which no caption rule removes; cont: the next line goes on in
 * lower case (the line is part of a wrapped sentence, no byline or
 * furniture of its own). */
static int is_boiler_line(const char *s, size_t n, int whole, int cont, char **author, char **stamp)
{
    trim(&s, &n);
    if (n == 0)
        return 0;
    if (!whole &&
        (photo_caption(s, n) || photo_credit(s, n) || (n <= 160 && tail_credit_start(s, n) < n) ||
         (n <= 200 && list_prefix(s, n, caption_prefix))))
        return 1;
    /* trailing decorations: "Translate »", "Share:", "Read more ›" */
    size_t m = n;
    for (;;) {
        while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == ':' || s[m - 1] == '>' || s[m - 1] == '|'))
            m--;
        if (m >= 2 && (unsigned char)s[m - 2] == 0xC2 && (unsigned char)s[m - 1] == 0xBB) {
            m -= 2; /* » */
            continue;
        }
        if (m >= 3 && (unsigned char)s[m - 3] == 0xE2 && (unsigned char)s[m - 2] == 0x80 &&
            (unsigned char)s[m - 1] == 0xBA) {
            m -= 3; /* › */
            continue;
        }
        break;
    }
    if (list_equal(s, m, boiler_exact))
        return 1;
    if (!cont && (section_menu(s, n) || breadcrumb(s, n)))
        return 1;
    /* a site's name before its menu: "BBC News Navigation" (not "menu":
     * "The State Dinner Menu" is a headline) */
    if (m <= 40) {
        size_t w = m;
        while (w > 0 && s[w - 1] != ' ')
            w--;
        if (w > 0 && ci_equal(s + w, m - w, "navigation"))
            return 1;
    }
    /* a publication stamp: kept for the publication date, out of the text */
    static const char *const stamp_prefix[] = {
        "publié le",  "publicado el", "publicado em",    "pubblicato il",
        "published:", "published on", "first published", "veröffentlicht am",
        "publicat:",  "publicat la",  "publicat pe",     NULL};
    /* (a stamp is short, has figures and no final full stop: "Published on
     * 12 March 2019 in the journal Nature, the study found ..." is news) */
    int ends_sentence_punct = strchr(".!?\"", s[n - 1]) != NULL;
    int has_digit = 0;
    for (size_t k = 0; k < n && !has_digit; k++)
        has_digit = isdigit((unsigned char)s[k]);
    for (const char *const *p = stamp_prefix; *p && n <= 120 && has_digit && !ends_sentence_punct;
         p++)
        if (ci_prefix(s, n, *p)) {
            if (stamp && !*stamp)
                *stamp = dup_range(s, n);
            return 1;
        }
    if (!whole && time_date_line(s, n))
        return 1; /* (no stamp: a teaser's, in a page's furniture, would cut the
                   * headline before it, drop_before_stamp) */
    if (n <= 200) {
        /* (after a footnote's star or a bullet: "* Este artículo apareció en
         * la edición impresa del ...") */
        size_t b = 0;
        while (b < n && b < 4 && (s[b] == '*' || s[b] == '-' || s[b] == ' '))
            b++;
        if (list_prefix(s + b, n - b, boiler_prefix))
            return 1;
    }
    if (cookie_notice(s, n) || about_issuer(s, n) ||
        (!whole && (rights_notice(s, n) || bar_line(s, n))))
        return 1;
    if (n <= 120 && !ends_sentence_punct && !cont)
        if (list_prefix(s, n, furniture_prefix) || (has_digit && list_prefix(s, n, post_prefix)))
            return 1;
    /* "Temps de lecture 5 min.", "Reading time: 3 minutes" (a sentence about
     * reading time is longer) */
    static const char *const reading_time[] = {"reading time",
                                               "temps de lecture",
                                               "tiempo de lectura",
                                               "tempo di lettura",
                                               "tempo de leitura",
                                               "lesezeit",
                                               NULL};
    if (n <= 40 && (has_digit || !ends_sentence_punct)) /* ("Tiempo de lectura: -'") */
        for (const char *const *p = reading_time; *p; p++)
            if (ci_prefix(s, n, *p))
                return 1;
    /* a photo credit: "ANSA/ Foto di archivio", "REUTERS/Kevin Lamarque"
     * (a photographer's name in capitalised words; "GBP/USD dips as ..." is
     * a headline) */
    {
        size_t k = 0;
        while (k < n && k < 11 && s[k] >= 'A' && s[k] <= 'Z')
            k++;
        int agency = 0;
        for (const char *const *p = credit_agencies; *p && !agency; p++)
            agency = strlen(*p) == k && strncmp(s, *p, k) == 0;
        if (agency && k + 1 < n && s[k] == '/' && n <= 120 && !ends_sentence_punct) {
            int credit = s[k + 1] == ' ', words = 0;
            for (size_t q = k + 1; !credit && q < n;) {
                if (q + 1 >= n || !isupper((unsigned char)s[q]) ||
                    !islower((unsigned char)s[q + 1]))
                    break;
                while (q < n && s[q] != ' ')
                    q++;
                words++;
                if (q >= n) {
                    credit = words <= 4;
                    break;
                }
                q++;
            }
            if (credit)
                return 1;
        }
    }
    /* a dump of links or picture files ("bf48.jpg http://site/medias/2011/04/29/bf48.jpg
     * Les chars ... © Reuters TV http://..."): links that are a quarter of
     * the line, or one that is half of it; prose that cites a site stays */
    {
        size_t links = 0, link_bytes = 0;
        for (size_t k = 0; k < n;) {
            while (k < n && s[k] == ' ')
                k++;
            size_t b = k;
            while (k < n && s[k] != ' ')
                k++;
            if (k > b && memchr(s + b, '.', k - b) && is_link(s + b, k - b)) {
                links++;
                link_bytes += k - b;
            }
        }
        if ((links >= 2 && 4 * link_bytes >= n) || (links == 1 && 2 * link_bytes >= n))
            return 1;
    }
    /* a share bar: "Enviar Facebook Twitter google+ Whatsapp Tumblr ..." */
    if (n <= 200) {
        static const char *const networks[] = {
            "facebook",  "twitter",   "whatsapp", "linkedin",  "google+",   "tumblr",
            "meneame",   "digg",      "reddit",   "pinterest", "telegram",  "email",
            "e-mail",    "messenger", "sonico",   "newsvine",  "flipboard", "youtube",
            "instagram", "vk",        "weibo",    "wechat",    "skype",     "print",
            "imprimir",  "imprimer",  "stampa",   "mail",      "x",         NULL};
        int words = 0, social = 0;
        for (size_t k = 0; k < n;) {
            while (k < n && (s[k] == ' ' || s[k] == '|' || s[k] == ',' || s[k] == '/'))
                k++;
            size_t b = k;
            while (k < n && s[k] != ' ' && s[k] != '|' && s[k] != ',' && s[k] != '/')
                k++;
            if (k == b)
                continue;
            words++;
            social += list_equal(s + b, k - b, networks);
        }
        if (social >= 3 && 3 * social >= 2 * words)
            return 1;
    }
    /* copyright / photo credit lines: "© Mikhail Metzel/..." */
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA9)
        return 1;
    if (is_agency_id(s, n))
        return 1;
    /* a publication stamp anywhere in a short line: "Le Monde avec Reuters
     * Publié le 18 mai 2011 à 22h07 - Mis à jour le 18 mai 2011 à 22h07" */
    if (n <= 160 && has_digit) { /* capitalised as labels are, unlike words in a sentence */
        static const char *const stamps[][2] = {
            {"Publié le", "Mis à jour"},     {"Published", "Updated"},
            {"Publicado el", "Actualizado"}, {"Publicado em", "Atualizado"},
            {"Pubblicato il", "Aggiornato"}, {"Veröffentlicht am", "Aktualisiert"},
            {"Publicat", "Actualizat"}};
        char line[161];
        memcpy(line, s, n);
        line[n] = 0;
        for (size_t k = 0; k < sizeof stamps / sizeof *stamps; k++)
            if (strstr(line, stamps[k][0]) && strstr(line, stamps[k][1])) {
                if (stamp && !*stamp)
                    *stamp = dup_range(strstr(line, stamps[k][0]),
                                       n - (size_t)(strstr(line, stamps[k][0]) - line));
                return 1;
            }
    }
    /* style sheet or script left in the text of a saved page:
     * ".alogo{display: block;text-indent: -1000px;}", "if(a){b();}",
     * "{src: 'x.swf', width: 320}": a brace opening the line or glued to a
     * selector or a call, and code's density of punctuation
     * (prose in braces, "known as {Project Renew}", stays) */
    const char *brace = memchr(s, '{', n);
    if (brace && memchr(s, '}', n) && (brace == s || !isspace((unsigned char)brace[-1]))) {
        size_t punct = 0;
        for (size_t k = 0; k < n; k++)
            punct += s[k] == ';' || s[k] == ':' || s[k] == '(' || s[k] == ')' || s[k] == '=' ||
                     s[k] == '{' || s[k] == '}';
        if (punct >= 4 && punct * 15 >= n)
            return 1;
        /* an object literal on a line of its own */
        size_t e = n;
        while (e > 0 && (s[e - 1] == ',' || s[e - 1] == ';'))
            e--;
        if (brace == s && e > 0 && s[e - 1] == '}' && punct >= 3)
            return 1;
    }
    /* a note or reference: "[21] Ghannoushi, S. «Arab woman», The Guardian, 11/03/11" */
    if (n > 3 && s[0] == '[' && isdigit((unsigned char)s[1])) {
        size_t k = 1;
        while (k < n && k < 5 && isdigit((unsigned char)s[k]))
            k++;
        if (k < n && s[k] == ']')
            return 1;
    }
    /* a comment counter: "14 commentaires - Laisser un commentaire", "3
     * comentarios", "12 Comments" */
    if (n <= 60 && isdigit((unsigned char)s[0])) {
        size_t q = 0;
        while (q < n && isdigit((unsigned char)s[q]))
            q++;
        static const char *const COMMENTS[] = {
            "commentaire",        "commentaires", "comentario", "comentarios",
            "commenti",           "comment",      "comments",   "coment\xc3\xa1rio",
            "coment\xc3\xa1rios", "comentaris",   NULL};
        size_t w = q + (q < n && s[q] == ' '), e = w;
        while (e < n && (isalpha((unsigned char)s[e]) || (unsigned char)s[e] >= 0x80))
            e++;
        if (w > q && e > w && list_equal(s + w, e - w, COMMENTS))
            return 1;
    }
    /* an agency's signature of its writers' initials: "ab/sw", "ab-kl/sw/mw" */
    if (n <= 16 && memchr(s, '/', n)) {
        /* each part two to four letters, none a word ("yes/no", "km/h", "and/or") */
        static const char *const WORDS[] = {"yes", "no",  "and", "or", "on",  "off", "si",
                                            "oui", "non", "ou",  "km", "mph", "kmh", NULL};
        size_t q = 0, w0 = 0;
        int ok = 1;
        for (; q <= n && ok; q++) {
            if (q < n && s[q] >= 'a' && s[q] <= 'z')
                continue;
            ok = q - w0 >= 2 && q - w0 <= 4 && !list_equal(s + w0, q - w0, WORDS) &&
                 (q == n || s[q] == '/' || s[q] == '-');
            w0 = q + 1;
        }
        if (ok)
            return 1;
    }
    /* a byline with the page's stamps: "Par Isabelle Mandraud, publié le 26
     * février 2011 à 09h12, mis à jour le 27 février 2011", "Par RFI. Article
     * publié le vendredi 14 janvier 2011 - Dernière modification ...", "Por
     * Javier Espinosa | Actualizado viernes 18/02/2011 21:17 horas" */
    if (n <= 220 && byline_stamp(s, n, author, stamp))
        return 1;
    /* a bare byline in other languages: "Par Néjib Sassi", "Por Javier
     * Espinosa", "Di Marco Rossi" (two to four capitalised words), "di
     * GUIDO OLIMPIO" (a name in capitals after the word in lower case; a
     * hard-wrapped line of prose may open "di Giulio Andreotti") */
    if (n <= 40 && (ci_prefix(s, n, "par ") || ci_prefix(s, n, "por ") || ci_prefix(s, n, "di "))) {
        size_t q = s[2] == ' ' ? 3 : 4;
        int words = 0, ok = 1, caps = 1;
        while (q < n && ok) {
            ok = isupper((unsigned char)s[q]) != 0;
            while (q < n && s[q] != ' ') {
                ok &= !isdigit((unsigned char)s[q]) && !strchr(".,:;!?()", s[q]);
                caps &= !islower((unsigned char)s[q]);
                q++;
            }
            words++;
            q++;
        }
        ok &= isupper((unsigned char)s[0]) || (caps && !cont);
        /* a name: two or three words, none a function word a title-case
         * headline capitalises ("Por Qué Votar Hoy", "Di Maio Ha Detto No") */
        static const char *const FUNC[] = {
            "qu\xc3\xa9", "que", "ha", "no", "il", "la",  "el",   "los",  "las",  "les", "le",
            "un",         "una", "y",  "e",  "et", "hoy", "oggi", "ce",   "se",   "es",  "est",
            "di",         "del", "de", "ou", "o",  "and", "or",   "pour", "para", NULL};
        for (size_t x = s[2] == ' ' ? 3 : 4, w0 = x; ok && x <= n; x++)
            if (x == n || s[x] == ' ') {
                ok = !list_equal(s + w0, x - w0, FUNC);
                w0 = x + 1;
            }
        if (ok && words >= 2 && words <= 3) {
            if (author && !*author)
                *author = dup_range(s + (s[2] == ' ' ? 3 : 4), n - (s[2] == ' ' ? 3 : 4));
            return 1;
        }
    }
    /* Byline: "By Jane Doe", "By Media", "By Jane Doe and John Roe, Reuters" */
    if (n > 3 && n <= 60 && (strncmp(s, "By ", 3) == 0 || strncmp(s, "BY ", 3) == 0) &&
        isupper((unsigned char)s[3]) && !memchr(s, '.', n - 1) &&
        !(s[n - 1] == '.' && memchr(s, ',', n))) { /* "By Martin Luther King Jr.", not
                                                    * "By Friday, updated figures ... 2011." */
        if (author && !*author) {
            *author = malloc(n - 2);
            if (*author) {
                memcpy(*author, s + 3, n - 3);
                (*author)[n - 3] = 0;
            }
        }
        return 1;
    }
    return 0;
}

/* A wire story's closing credit in brackets, "(Reporting by Elise Marchand;
 * Editing by Tom Fairley)", "(Reporte de ...; Editado por ...)": its
 * start in s[0..n), which ends with ')', or n when there is none. */
static size_t credit_start(const char *s, size_t n)
{
    static const char *const credits[] = {"reporting by",
                                          "additional reporting by",
                                          "editing by",
                                          "writing by",
                                          "compiled by",
                                          "reported by",
                                          "edited by",
                                          "written by",
                                          "reporte de",
                                          "reportaje de",
                                          "información de",
                                          "redacción de",
                                          "editado por",
                                          "editado en español por",
                                          "reportage de",
                                          "reportage ",
                                          "rédigé par",
                                          "édité par",
                                          "version française",
                                          "avec la contribution de",
                                          "reportagem de",
                                          "edição de",
                                          "editado em português",
                                          "hanno collaborato",
                                          "redazione ",
                                          "a cura di",
                                          NULL};
    if (n < 12 || s[n - 1] != ')')
        return n;
    size_t k = n - 1;
    while (k > 0 && s[k] != '(' && n - k <= 300)
        k--;
    if (s[k] != '(' || (k > 0 && s[k - 1] != ' '))
        return n;
    for (const char *const *c = credits; *c; c++)
        if (ci_prefix(s + k + 1, n - k - 1, *c))
            return k;
    return n;
}

/* Remove trailing furniture words glued to the end of a paragraph
 * ("... attachment to China. Share"). Returns the new length. */
static size_t strip_trailing_fragments(const char *s, size_t n)
{
    /* page furniture, and an agency's sign-off after the last sentence
     * ("... in deposits. REUTER") */
    static const char *const tails[] = {
        " Share",  " Share this", " Tweet", " Translate", " Read more", " Advertisement", " REUTER",
        " Reuter", " Reuters",    " AFP",   " (AFP)",     " AP",        " dpa",           NULL};
    int changed = 1;
    while (changed) {
        changed = 0;
        while (n > 0 && s[n - 1] == ' ')
            n--;
        for (const char *const *t = tails; *t; t++) {
            size_t k = strlen(*t);
            /* the all-capitals sign-off ends a table or a cut sentence
             * too ("... TOTAL 14.7 16.0 15.8 REUTER") */
            if (n > k + 1 && strncmp(s + n - k, *t, k) == 0 &&
                (strchr(".!?\"'", s[n - k - 1]) || strcmp(*t, " REUTER") == 0)) {
                n -= k;
                changed = 1;
            }
        }
        /* a notice after the last sentence, with no final punctuation of
         * its own ("... per venerdi'. Riproduzione riservata © Copyright
         * ANSA", "... 47 persone. Leggi anche: Arvenia, chi e' Elias Marun") */
        size_t t = n;
        while (t > 1 && !(s[t - 1] == ' ' && strchr(".!?\"", s[t - 2])))
            t--;
        if (t > 1 && n - t <= 200 && !strchr(".!?\"'", s[n - 1]) &&
            is_boiler_line(s + t, n - t, 0, 0, NULL, NULL)) {
            n = t;
            changed = 1;
            continue;
        }
        size_t c = credit_start(s, n);
        if (c == n)
            c = tail_credit_start(s, n); /* "... de Gadafi. (Foto: LOUAFI LARBI / REUTERS)" */
        if (c < n) {
            n = c;
            changed = 1;
            continue;
        }
        /* trailing agency id token */
        size_t j = n;
        while (j > 0 && s[j - 1] != ' ')
            j--;
        if (j < n && is_agency_id(s + j, n - j)) {
            n = j;
            changed = 1;
        }
    }
    return n;
}

/* ---- dateline ----------------------------------------------------------- */

static size_t parse_dateline(const char *s, size_t n, char **place, char **agency, char **date);

/* Web pages saved as text often open with furniture: the site's name, the
 * headline, a byline, a section, links to other stories ("Las 5 cosas que
 * debes saber este 11 de noviembre"), and only then the article, which
 * starts with its dateline ("(CNN) —", "MADRID, 3 feb (EFE).-"). When a
 * dateline naming an agency opens one of the first paragraphs, every
 * paragraph before it is short and an article follows it, those are
 * dropped. */
#define HEADER_PARAS 12
#define HEADER_PARA_MAX 160
#define HEADER_BODY_MIN 40 /* bytes of text after a dateline that opens an article */
static void drop_header_block(chr_doc *doc)
{
    char *s = doc->clean;
    size_t n = doc->clean_len, start = 0;
    for (int k = 0; k < HEADER_PARAS && start < n; k++) {
        const char *e = strstr(s + start, "\n\n");
        size_t end = e ? (size_t)(e - s) : n;
        if (k > 0) {
            char *place = NULL, *agency = NULL, *date = NULL;
            size_t dl = parse_dateline(s + start, end - start, &place, &agency, &date);
            if (dl > 0 && agency) {
                doc->dateline_place = place;
                doc->dateline_agency = agency;
                doc->dateline_date = date;
                size_t from = start + dl; /* then spaces and dashes: "(CNN) — " */
                for (;;) {
                    if (from < n && (s[from] == ' ' || s[from] == '-'))
                        from++;
                    else if (from + 2 < n && (unsigned char)s[from] == 0xE2 &&
                             (unsigned char)s[from + 1] == 0x80 &&
                             ((unsigned char)s[from + 2] == 0x93 ||
                              (unsigned char)s[from + 2] == 0x94))
                        from += 3;
                    else
                        break;
                }
                if (n - from >= HEADER_BODY_MIN) {
                    memmove(s, s + from, n - from + 1);
                    doc->clean_len = n - from;
                    return;
                }
                /* nothing to speak of after it: a closing credit
                 * ("...la risoluzione.\n(ANSA)"), not the article's start */
                doc->dateline_place = doc->dateline_agency = doc->dateline_date = NULL;
            }
            free(place);
            free(agency);
            free(date);
        }
        if (end - start > HEADER_PARA_MAX || !e)
            return; /* a real paragraph before any dateline: no header block */
        start = end + 2;
    }
}

/* A page that states its publication stamp ("Le Monde avec AFP Publié le
 * 21 février 2011 à 16h56") after its headline and standfirst often opens
 * with links to other stories and the site's menus: when at least
 * STAMP_HEADER_MIN short paragraphs, mostly not ending as sentences do,
 * come before the two that precede the stamp (at byte stamp_off of the
 * clean text), and more text follows the stamp than precedes it, they are
 * dropped. */
#define STAMP_HEADER_MIN 2
static int ends_as_text(const char *s, size_t n);

static int month_word(const char *s, size_t n);
static int month_name(const char *s, size_t n);

/* Does the line state a date or a time, as a dateline or a stamp does
 * ("NEW YORK, March 3", "Updated 14:32 GMT, Monday 3 March 2025"): a
 * number next to a month's name, or a clock time? */
static int states_date(const char *s, size_t n)
{
    size_t prev_b = 0, prev_n = 0;
    for (size_t i = 0, b = 0; i < n;) {
        i = next_field(s, n, i, &b);
        if (i == b)
            break;
        for (size_t k = b; k + 3 < i; k++)
            if (isdigit((unsigned char)s[k]) && (s[k + 1] == ':' || s[k + 1] == '.') &&
                isdigit((unsigned char)s[k + 2]) && isdigit((unsigned char)s[k + 3]))
                return 1;
        if (prev_n) {
            int dp = isdigit((unsigned char)s[prev_b]), dc = isdigit((unsigned char)s[b]);
            if ((dp && !dc && month_word(s + b, i - b)) ||
                (dc && !dp && month_word(s + prev_b, prev_n)))
                return 1;
        }
        prev_b = b;
        prev_n = i - b;
    }
    return 0;
}

/* A plain text's headline: its first line when a blank line follows it and
 * it is shaped like one (3-25 words, 12-200 bytes, opens with a capital
 * letter and has small ones, does not end as a sentence does, states no
 * date as a dateline or a stamp does, no " | " of a site's furniture nor
 * other furniture the cleaner drops, not the byline) and a paragraph of
 * text comes after. Malloc'd, or NULL. */
static char *text_headline(const chr_article *a, const chr_doc *doc)
{
    const char *s = a->text, *end = a->text + a->text_len;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++;
    const char *e = s;
    while (e < end && *e != '\n')
        e++;
    size_t n = (size_t)(e - s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    const char *q = e < end ? e + 1 : end;
    while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
        q++;
    if (q >= end || *q != '\n' || n < 12 || n > 200 || ends_as_text(s, n) || states_date(s, n) ||
        is_boiler_line(s, n, 0, 0, NULL, NULL)) /* (a page's path, a post's stamp) */
        return NULL;
    int lower = 0;
    for (size_t i = 0; i < n && !lower;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            break;
        lower = utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
        i += (size_t)k;
    }
    if (!lower) /* a rubric in capitals ("EXCLUSIVE INTERVIEW") */
        return NULL;
    for (size_t i = 0; i + 3 <= n; i++)
        if (s[i] == ' ' && s[i + 1] == '|' && s[i + 2] == ' ')
            return NULL;
    size_t words = 1;
    for (size_t i = 0; i < n; i++)
        words += s[i] == ' ' && i + 1 < n && s[i + 1] != ' ';
    utf8proc_int32_t c;
    if (words < 3 || words > 25 ||
        utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c) <= 0 ||
        utf8proc_category(c) != UTF8PROC_CATEGORY_LU)
        return NULL;
    if (doc->author) {
        size_t an = strlen(doc->author);
        for (size_t i = 0; an && i + an <= n; i++)
            if (memcmp(s + i, doc->author, an) == 0)
                return NULL;
    }
    /* text after it: a paragraph that ends as a sentence does */
    int text = 0;
    while (q < end && !text) {
        while (q < end && (*q == '\n' || *q == '\r' || *q == ' '))
            q++;
        const char *p = q;
        while (q < end && !(*q == '\n' && q + 1 < end && (q[1] == '\n' || q[1] == '\r')))
            q++;
        size_t pn = (size_t)(q - p);
        while (pn && (p[pn - 1] == '\n' || p[pn - 1] == '\r' || p[pn - 1] == ' '))
            pn--;
        text = pn >= 40 && ends_as_text(p, pn);
    }
    if (!text)
        return NULL;
    size_t tl = 0;
    return chr_normalize(s, n, &tl);
}
static void drop_before_stamp(chr_doc *doc, size_t stamp_off)
{
    char *s = doc->clean;
    size_t n = doc->clean_len, starts[64];
    int k = 0;
    if (stamp_off == (size_t)-1 || stamp_off > n)
        return;
    for (size_t at = 0; at < stamp_off && k < 64;) {
        starts[k++] = at;
        const char *e = strstr(s + at, "\n\n");
        at = e ? (size_t)(e - s) + 2 : n;
    }
    if (k < STAMP_HEADER_MIN + 2 || k == 64)
        return;
    size_t cut = starts[k - 2]; /* keep the headline and the standfirst */
    if (n - stamp_off < stamp_off)
        return;     /* the article's body follows its stamp: this one closes it */
    int stated = 0; /* paragraphs that end as sentences do */
    for (int i = 0; i < k - 2; i++) {
        size_t len = starts[i + 1] - starts[i] - 2;
        if (len > HEADER_PARA_MAX)
            return;
        stated += ends_as_text(s + starts[i], len);
    }
    if (3 * stated > k - 2)
        return; /* short paragraphs of a brief, not headlines and menus */
    memmove(s, s + cut, n - cut + 1);
    doc->clean_len = n - cut;
    doc->removed_lines += k - 2;
}

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

/* "NEW YORK" → "New York"; short function words lowercased. */
static char *title_case(const char *s, size_t n)
{
    /* letters re-cased by code point ("SÃO PAULO" -> "São Paulo"); a
     * re-cased letter may take more bytes than the original */
    char *p = malloc(4 * n + 1);
    if (!p)
        return NULL;
    size_t o = 0;
    int start = 1;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) { /* not UTF-8: copied as it is */
            p[o++] = s[i++];
            start = 0;
            continue;
        }
        i += (size_t)k;
        utf8proc_category_t cat = utf8proc_category(c);
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
            cat == UTF8PROC_CATEGORY_LT) {
            c = start ? utf8proc_toupper(c) : utf8proc_tolower(c);
            start = 0;
        } else {
            start = (c == ' ' || c == '-' || c == '.' || c == '\'');
        }
        o += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)p + o);
    }
    p[o] = 0;
    n = o;
    for (size_t i = 0; i + 4 <= n; i++) {
        if (p[i] == ' ' && (strncmp(p + i, " De ", 4) == 0 || strncmp(p + i, " Da ", 4) == 0 ||
                            strncmp(p + i, " La ", 4) == 0 || strncmp(p + i, " Of ", 4) == 0))
            p[i + 1] = (char)tolower((unsigned char)p[i + 1]);
    }
    return p;
}

static int is_caps_char(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '.' || c == '\'' || c >= 0x80;
}

/* Whether s[a..k) (k at a period) ends with a capitalised abbreviation of
 * one to three letters ("N.Y", "W", "Va"): a state's, not a sentence's end. */
static int short_abbrev(const char *s, size_t a, size_t k)
{
    size_t b = k;
    while (b > a && isalpha((unsigned char)s[b - 1]))
        b--;
    return k > b && k - b <= 3 && isupper((unsigned char)s[b]) &&
           (b == a || s[b - 1] == ' ' || s[b - 1] == '.');
}

/* Whether s[0..n) reads as a dateline's date: a figure in it ("May 14", "3
 * MAR"), or a weekday, a month or "yesterday" first ("Tuesday", "Sept."). */
static int dateline_date_words(const char *s, size_t n)
{
    static const char *const first[] = {"monday",   "tuesday", "wednesday", "thursday",  "friday",
                                        "saturday", "sunday",  "today",     "yesterday", NULL};
    for (size_t k = 0; k < n; k++)
        if (isdigit((unsigned char)s[k]))
            return 1;
    size_t w = 0;
    while (w < n && isalpha((unsigned char)s[w]))
        w++;
    /* "Jan", "Sept.", "June", "April"; not "Mayo", "Abra" */
    if (w >= 3 && month_word(s, w) && (w == n || !isalpha((unsigned char)s[w])) &&
        (w == 3 || month_name(s, w) || (w < n && s[w] == '.') ||
         (w == 4 && strncasecmp(s, "sept", 4) == 0)))
        return 1;
    for (const char *const *f = first; *f; f++)
        if (strlen(*f) == w && strncasecmp(s, *f, w) == 0)
            return 1;
    return 0;
}

/* Parse a dateline at the start of s (the first paragraph). On success sets
 * place/agency/date (malloc'd, any may stay NULL) and returns the number of
 * bytes it spans (to drop from the text), else 0. */
/* Whether the parenthesised word after a dateline's place names an agency
 * ("(AFP)", "(Reuters)", "(dpa)") rather than qualifying the place
 * ("BEYROUTH (Liban)-", "SPRINGFIELD (Illinois) -"): agencies write their
 * short names in capitals; a capitalised common word is a place unless it
 * is one of the agencies that write theirs so. */
static int names_agency(const char *s, size_t n)
{
    static const char *const title_case_agencies[] = {"Reuters",
                                                      "Agencies",
                                                      "Agences",
                                                      "Agencias",
                                                      "Agenzie",
                                                      "Xinhua",
                                                      "Bloomberg",
                                                      "Interfax",
                                                      "Kyodo",
                                                      "Yonhap",
                                                      "Bernama",
                                                      "Sputnik",
                                                      "Anadolu",
                                                      "Notimex",
                                                      "Europa Press",
                                                      "Prensa Latina",
                                                      "Ria Novosti",
                                                      "Efe",
                                                      "Lusa",
                                                      "Agence France-Presse",
                                                      "Associated Press",
                                                      "Dow Jones",
                                                      "Adnkronos",
                                                      "Askanews",
                                                      "LaPresse",
                                                      "Agência Brasil",
                                                      "Dire",
                                                      "TMNews",
                                                      "TmNews",
                                                      "Apcom",
                                                      "Asca",
                                                      "Aki",
                                                      "Adnkronos/Aki",
                                                      "ANSAmed",
                                                      "Agerpres",
                                                      "Mediafax",
                                                      "Rador",
                                                      "News.ro",
                                                      "Inquam",
                                                      NULL};
    int lower = 0, upper = 0;
    for (size_t i = 0; i < n; i++) {
        lower += s[i] >= 'a' && s[i] <= 'z';
        upper += s[i] >= 'A' && s[i] <= 'Z';
    }
    if (!lower || upper == 0) /* "AFP", "TASS", "dpa" */
        return 1;
    for (const char *const *a = title_case_agencies; *a; a++)
        if (ci_equal(s, n, *a))
            return 1;
    return 0;
}

static int month_name(const char *s, size_t n);

/* Does the word open like a month's name or abbreviation in one of the
 * news languages ("mar.", "MARZO", "févr", "out")? */
static int month_word(const char *s, size_t n)
{
    /* with Romanian "ian", "iun", "iul" (ianuarie, iunie, iulie: "Cairo, 4
     * iul /Agerpres/ -") */
    static const char *const m3[] = {"jan", "feb", "fev", "fév", "mar", "apr", "avr", "abr", "mai",
                                     "may", "mag", "jun", "jui", "giu", "jul", "lug", "aug", "ago",
                                     "aoû", "sep", "set", "oct", "ott", "out", "okt", "nov", "dec",
                                     "déc", "dic", "dez", "gen", "ene", "ian", "iun", "iul", NULL};
    char b[8];
    size_t k = 0;
    for (size_t i = 0; i < n && k < 4; i++)
        b[k++] = (char)tolower((unsigned char)s[i]);
    b[k] = 0;
    for (const char *const *m = m3; *m; m++)
        if (strncmp(b, *m, strlen(*m)) == 0)
            return 1;
    return month_name(s, n); /* "noiembrie" opens with none of them */
}

/* Words in capitals that open a story as a rubric, not a place: "VIDEO -
 * Il ministro ...", "BREAKING - ...", "ULTIM'ORA - ...". */
static int rubric(const char *s, size_t n)
{
    static const char *const words[] = {
        "VIDEO",       "VIDEOS",          "FOTO",        "FOTOS",         "PHOTO",     "PHOTOS",
        "LIVE",        "DIRETTA",         "BREAKING",    "BREAKING NEWS", "EXCLUSIVE", "ESCLUSIVO",
        "EXCLUSIF",    "EXCLUSIVA",       "ULTIM'ORA",   "ULTIMA ORA",    "UPDATE",    "UPDATED",
        "URGENT",      "URGENTE",         "FLASH",       "ALERTA",        "ALERT",     "OPINION",
        "OPINIONE",    "OPINIÓN",         "ANALYSIS",    "ANALISI",       "ANÁLISIS",  "EDITORIAL",
        "INTERVIEW",   "ENTREVISTA",      "INTERVISTA",  "COMMENT",       "SONDAGE",   "EN DIRECT",
        "EN VIVO",     "AO VIVO",         "WATCH",       "READ",          "NEWS",      "PODCAST",
        "ÚLTIMA HORA", "DERNIÈRE MINUTE", "INFOGRAPHIE", "INFOGRAFIA",    "REPORTAGE", "CRONACA",
        "POLITICA",    "ESTERI",          "ECONOMIA",    "SPORT",         "SPORTS",    "CULTURA",
        "CULTURE",     "MONDO",           "WORLD",       "MUNDO",         "MONDE",     NULL};
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == n && strncmp(s, *w, n) == 0)
            return 1;
    return 0;
}

/* Whether s[0..n) is a month's full name in a news language (lower case,
 * or ASCII capitals), not only its first letters ("Mayor", "Marsh"). */
static int month_name(const char *s, size_t n)
{
    static const char *const names[] = {
        "january",   "february",   "march",     "april",     "june",      "july",     "august",
        "september", "october",    "november",  "december",  "janvier",   "février",  "avril",
        "juillet",   "août",       "septembre", "octobre",   "novembre",  "décembre", "enero",
        "febrero",   "marzo",      "abril",     "mayo",      "junio",     "julio",    "agosto",
        "setiembre", "septiembre", "octubre",   "noviembre", "diciembre", "gennaio",  "febbraio",
        "aprile",    "maggio",     "giugno",    "luglio",    "settembre", "ottobre",  "dicembre",
        "janeiro",   "fevereiro",  "março",     "junho",     "julho",     "setembro", "outubro",
        "dezembro",  "januar",     "februar",   "märz",      "jänner",    "oktober",  "dezember",
        "ianuarie",  "februarie",  "martie",    "aprilie",   "iunie",     "iulie",    "septembrie",
        "octombrie", "noiembrie",  "decembrie", "januari",   "februari",  "maart",    "augustus",
        "gener",     "febrer",     "març",      "juny",      "juliol",    "agost",    "setembre",
        "desembre",  NULL};
    char b[16];
    if (n >= sizeof b)
        return 0;
    for (size_t i = 0; i < n; i++)
        b[i] = (char)tolower((unsigned char)s[i]);
    for (const char *const *m = names; *m; m++)
        if (strlen(*m) == n && memcmp(b, *m, n) == 0)
            return 1;
    return 0;
}

/* The end of a dateline's day at s[j..n) (one or two digits, 1 to 31, not
 * followed by another digit), 0 when none. */
static size_t dateline_day(const char *s, size_t n, size_t j)
{
    size_t ds = j;
    while (j < n && j - ds < 2 && isdigit((unsigned char)s[j]))
        j++;
    if (j == ds || (j < n && isdigit((unsigned char)s[j])))
        return 0;
    int d = atoi(s + ds);
    return d >= 1 && d <= 31 ? j : 0;
}

/* The end of a dateline's month at s[j..n), its name or an abbreviation of
 * four letters at most, a dot after it taken ("mar.", "March", "Feb.",
 * "févr"; not "Mayor"), 0 when none. */
static size_t dateline_month(const char *s, size_t n, size_t j)
{
    size_t ms = j;
    while (j < n && j - ms <= 10 && s[j] != ' ' && s[j] != '.' && s[j] != '(' && s[j] != '-' &&
           !isdigit((unsigned char)s[j]) && s[j] != ',')
        j++;
    size_t chars = 0; /* letters, not bytes: "févr" is an abbreviation */
    for (size_t k = ms; k < j; k++)
        chars += ((unsigned char)s[k] & 0xC0) != 0x80;
    if (j - ms < 3 || j - ms > 10 || !month_word(s + ms, j - ms) ||
        (chars > 4 && !month_name(s + ms, j - ms)))
        return 0;
    if (j < n && s[j] == '.')
        j++;
    return j;
}

/* A dateline whose place is written in title case, as Italian and
 * Romanian agencies write it: "Roma, 3 mar. (Adnkronos) - ...", "Roma, 3
 * mar. - ..." (after an "(AGI) -" credit), "Iași, 5 mar /Agerpres/ - ...",
 * and English ones month first: "Santiago, March 6 - ...", "Boston, feb 26,
 * 1987 (Reuters) - ...". Stricter than the capitals form, since any
 * sentence opens with a capital: up to four words (lower-case joiners
 * inside: "Rio de Janeiro"), a comma, a short date (a day and a month's
 * name, either order), then an agency in parentheses or slashes, or a
 * dash. */
static size_t title_dateline(const char *s, size_t n, char **place, char **agency, char **date)
{
    size_t i = 0, words = 0;
    while (i < n && words < 4) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0)
            return 0;
        int upper = utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
        if (!upper && words == 0)
            return 0;
        size_t w = i + (size_t)k; /* the rest of the word: lower case */
        while (w < n) {
            k = utf8proc_iterate((const utf8proc_uint8_t *)s + w, (utf8proc_ssize_t)(n - w), &c);
            if (k <= 0 || (utf8proc_category(c) != UTF8PROC_CATEGORY_LL && c != '\''))
                break;
            w += (size_t)k;
        }
        if (!upper && w - i > 3) /* joiners: de, di, del, da, la */
            return 0;
        words++;
        i = w;
        if (i < n && s[i] == ' ')
            i++;
        else
            break;
    }
    size_t pe = i;
    if (pe >= n || s[pe] != ',')
        return 0;
    size_t j = pe + 1;
    while (j < n && s[j] == ' ')
        j++;
    size_t ds = j, de;
    if (j < n && isalpha((unsigned char)s[j])) {
        /* the date, month first: "Santiago, March 6 -", "Boston, Feb. 26, 1987
         * (Reuters) -" */
        if ((j = dateline_month(s, n, j)) == 0 || j >= n || s[j] != ' ')
            return 0;
        j = dateline_day(s, n, j + 1);
        if (!j)
            return 0;
        if (j + 6 <= n && s[j] == ',' && s[j + 1] == ' ' && isdigit((unsigned char)s[j + 2]) &&
            isdigit((unsigned char)s[j + 5]))
            j += 6; /* the year */
    } else {
        /* the date: a day, a month's name or abbreviation, maybe a year
         * ("3 mar.", "12 MARZO 2013") */
        if ((j = dateline_day(s, n, j)) == 0 || j >= n || s[j] != ' ')
            return 0;
        if ((j = dateline_month(s, n, j + 1)) == 0)
            return 0;
        if (j + 5 <= n && s[j] == ' ' && isdigit((unsigned char)s[j + 1]) &&
            isdigit((unsigned char)s[j + 4]))
            j += 5; /* the year */
    }
    de = j;
    while (j < n && s[j] == ' ')
        j++;
    if (j >= n)
        return 0;
    size_t ag_s = 0, ag_e = 0;
    if (s[j] == '(' || s[j] == '/') { /* "(Adnkronos)", Romanian "/Agerpres/" */
        char close = s[j] == '(' ? ')' : '/';
        size_t k = j + 1;
        while (k < n && k - j < 30 && s[k] != close)
            k++;
        if (k >= n || s[k] != close || !names_agency(s + j + 1, k - j - 1))
            return 0;
        ag_s = j + 1;
        ag_e = k;
        j = k + 1;
        if (j + 1 < n && s[j] == '.' && s[j + 1] == '-')
            j++; /* EFE's "Teherán, 15 mar. (EFE).- ..." */
        while (j < n && s[j] == ' ')
            j++;
    }
    if (j >= n || s[j] != '-')
        return 0;
    while (j < n && (s[j] == '-' || s[j] == ' '))
        j++;
    *place = dup_range(s, pe);
    if (ag_e > ag_s && !*agency)
        *agency = dup_range(s + ag_s, ag_e - ag_s);
    *date = dup_range(s + ds, de - ds);
    return j;
}

static size_t parse_dateline(const char *s, size_t n, char **place, char **agency, char **date)
{
    size_t i = 0;
    /* "(MENAFN) text" — agency credit alone */
    if (n > 3 && s[0] == '(') {
        size_t j = 1;
        while (j < n && j < 40 && s[j] != ')' &&
               (isalnum((unsigned char)s[j]) || s[j] == ' ' || s[j] == '-'))
            j++;
        size_t after = j + 1;
        while (after < n && s[after] == ' ')
            after++;
        /* then a dash, a colon, a sentence or nothing (its own line), not
         * the rest of a sentence ("The Federal Deposit Insurance Corp\n(FDIC)
         * said"); a credit closing a text is no dateline either: the caller
         * looks for the article after it (drop_header_block) */
        static const char *const NOTES[] = {"VIDEO",  "FOTO",   "PHOTO",    "PHOTOS",    "AUDIO",
                                            "LIVE",   "UPDATE", "UPDATED",  "CORRECTED", "CORRECTS",
                                            "REPEAT", "RECAST", "UPDATE 1", "UPDATE 2",  NULL};
        /* an agency's name, no note on the item ("(Video)", "(CORRECTED)") */
        int agency_name = j > 1 && names_agency(s + 1, j - 1) && !list_equal(s + 1, j - 1, NOTES);
        if (j < n && s[j] == ')' && j > 1 && isupper((unsigned char)s[1]) && agency_name &&
            (j + 1 >= n || ((s[j + 1] == ' ' || s[j + 1] == '-' || s[j + 1] == ':') &&
                            (after >= n || !islower((unsigned char)s[after]))))) {
            *agency = dup_range(s + 1, j - 1);
            j++;
            while (j < n && (s[j] == ' ' || s[j] == '-' || s[j] == ':'))
                j++;
            /* then the place and date: "(ANSA) - ROMA, 3 MAR - ...",
             * "(AGI) - Roma, 3 mar. - ..." */
            char *ag2 = NULL;
            if (j < n && s[j] != '(')
                j += parse_dateline(s + j, n - j, place, &ag2, date);
            free(ag2);
            return j;
        }
        return 0;
    }
    /* CAPS place, at least 3 capital letters, then , ( / - — : */
    size_t caps = 0;
    while (i < n && i < 60 && is_caps_char((unsigned char)s[i])) {
        if ((unsigned char)s[i] >= 0x80) {
            /* accept non-ASCII only as part of an upper-case word: check the
             * next byte sequence is not lower-case by rejecting common lower
             * case Latin-1 letters (c3 a0..bf) */
            if ((unsigned char)s[i] == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0xA0)
                break;
            if ((unsigned char)s[i] == 0xE2) /* dash or quote: stop */
                break;
        }
        if (s[i] >= 'A' && s[i] <= 'Z')
            caps++;
        i++;
    }
    size_t pe = i;
    while (pe > 0 && (s[pe - 1] == ' ' || s[pe - 1] == '-' || s[pe - 1] == '.'))
        pe--;
    if (caps < 3 || pe == 0)
        return title_dateline(s, n, place, agency, date);
    /* the next char after the caps run must be a separator, not a lower-case
     * letter (which would mean an upper-case first word of a sentence);
     * "ROMA - Il ministro": the run took the sentence's first capital, the
     * place ends at the dash */
    if (i < n && islower((unsigned char)s[i])) {
        size_t k = i;
        while (k > 3 && !(s[k - 1] == ' ' && s[k - 2] == '-' && s[k - 3] == ' '))
            k--;
        if (k <= 3)
            return 0;
        pe = k - 3;
        while (pe > 0 && s[pe - 1] == ' ')
            pe--;
        caps = 0;
        for (size_t q = 0; q < pe; q++)
            caps += s[q] >= 'A' && s[q] <= 'Z';
        if (caps < 3)
            return 0;
    }
    /* an agency's masthead, no place: "AGI - Agenzia Giornalistica Italia |
     * Estero", "ANSA - Mondo"; the dateline, if any, follows it, on the
     * same paragraph when the lines were joined ("... | Estero (AGI) -
     * Roma, 20 mar. - Il Consiglio ...") */
    if (list_equal(s, pe, credit_agencies)) {
        for (size_t q = pe; q < n && q < pe + 100; q++)
            if (s[q] == '(' && q > 0 && s[q - 1] == ' ') {
                char *pl = NULL, *ag = NULL, *dt = NULL;
                size_t k = parse_dateline(s + q, n - q, &pl, &ag, &dt);
                if (k > 0 && ag) {
                    *place = pl, *agency = ag, *date = dt;
                    return q + k;
                }
                free(pl);
                free(ag);
                free(dt);
            }
        if (!ends_as_text(s, n) && n < 100)
            return 0;
    }
    size_t j = pe;
    while (j < n && s[j] == ' ')
        j++;
    /* "HAMA (Siria), 1 Ago. (EFE).-": the country in brackets before the
     * comma belongs to the place */
    if (j < n && s[j] == '(' && j + 1 < n && isupper((unsigned char)s[j + 1])) {
        size_t k = j + 1;
        int lower = 0;
        while (k < n && k - j < 30 && s[k] != ')' && s[k] != '(')
            lower |= islower((unsigned char)s[k++]);
        size_t q = k + 1;
        while (q < n && s[q] == ' ')
            q++;
        /* a country has lower case letters; "PARIS (AFP), 1er août" and
         * "(Reuters)" are agencies */
        if (k < n && s[k] == ')' && q < n && s[q] == ',' && lower &&
            !(k - j - 1 == 7 && !memcmp(s + j + 1, "Reuters", 7)))
            j = q;
    }
    /* ", STATE" or ", May 14" */
    size_t date_s = 0, date_e = 0;
    int have_sep = 0;
    if (j < n && s[j] == ',') {
        j++;
        while (j < n && s[j] == ' ')
            j++;
        size_t k = j;
        while (k < n && k - j < 40 && s[k] != '(' && s[k] != '/' && s[k] != '-' &&
               !(s[k] == '.' && (k + 1 >= n || s[k + 1] == ' ') &&
                 !(k + 2 < n && isdigit((unsigned char)s[k + 2])) &&
                 !(short_abbrev(s, j, k) && k + 2 < n && isupper((unsigned char)s[k + 2]))) &&
               (unsigned char)s[k] != 0xE2 && s[k] != ':')
            k++;
        date_s = j;
        date_e = k;
        while (date_e > date_s && s[date_e - 1] == ' ')
            date_e--;
        j = k;
        if (j < n && s[j] == '.') {
            j++;
            have_sep = 1;
        }
        while (j < n && s[j] == ' ')
            j++;
    }
    /* agency: "(Reuters)" or "/TASS/" */
    size_t ag_s = 0, ag_e = 0;
    if (j < n && (s[j] == '(' || s[j] == '/')) {
        char close = s[j] == '(' ? ')' : '/';
        size_t k = j + 1;
        while (k < n && k - j < 40 && s[k] != close)
            k++;
        if (k < n && s[k] == close && k > j + 1) {
            ag_s = j + 1;
            ag_e = k;
            j = k + 1;
            have_sep = 1;
            if (j < n && s[j] == '.')
                j++;
        } else {
            return 0;
        }
        /* "PARIS (AFP), 1er août - ...": the date after the credit */
        if (j < n && s[j] == ',' && date_e == date_s) {
            size_t ds = j + 1;
            while (ds < n && s[ds] == ' ')
                ds++;
            size_t z = ds;
            while (z < n && z - ds < 30 && s[z] != '-' && s[z] != ':' &&
                   (unsigned char)s[z] != 0xE2)
                z++;
            size_t ze = z;
            while (ze > ds && s[ze - 1] == ' ')
                ze--;
            if (z < n && ze > ds && dateline_date_words(s + ds, ze - ds)) {
                date_s = ds;
                date_e = ze;
                j = z;
            }
        }
    }
    while (j < n && s[j] == ' ')
        j++;
    /* separator: - — -- : */
    if (j < n && (s[j] == '-' || s[j] == ':')) {
        while (j < n && (s[j] == '-' || s[j] == ':'))
            j++;
        have_sep = 1;
    } else if (j + 2 < n && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
               ((unsigned char)s[j + 2] == 0x94 || (unsigned char)s[j + 2] == 0x93)) {
        j += 3;
        have_sep = 1;
    }
    if (!have_sep || rubric(s, pe))
        return 0;
    while (j < n && s[j] == ' ')
        j++;
    /* after the comma, a date has its day or year in figures ("May 14",
     * "3 MAR") or opens with a weekday, a month or "yesterday"; other words
     * are the place's state or country ("ALBANY, N.Y.", "HANOI, Vietnam"),
     * kept with the place; both: "CHARLESTON, W. Va., April 3" */
    /* the first ", " after which a date follows a state that is none:
     * date_s..date_e the state, dt_s..dt_e the date */
    size_t dt_s = 0, dt_e = 0;
    for (size_t k = date_s; k + 1 < date_e && !dt_s; k++)
        if (s[k] == ',' && s[k + 1] == ' ' && dateline_date_words(s + k + 2, date_e - k - 2) &&
            !dateline_date_words(s + date_s, k - date_s)) {
            dt_s = k + 2;
            dt_e = date_e;
            date_e = k;
        }
    int figures = dt_s == 0 && dateline_date_words(s + date_s, date_e - date_s);
    *place = title_case(s, pe);
    if (date_e > date_s && !figures && *place) {
        size_t pl = strlen(*place), sl = date_e - date_s;
        char *both = malloc(pl + sl + 3);
        if (both) {
            memcpy(both, *place, pl);
            memcpy(both + pl, ", ", 2);
            memcpy(both + pl + 2, s + date_s, sl);
            both[pl + sl + 2] = '\0';
            free(*place);
            *place = both;
        }
    }
    if (ag_e > ag_s && names_agency(s + ag_s, ag_e - ag_s))
        *agency = dup_range(s + ag_s, ag_e - ag_s);
    if (dt_e > dt_s) { /* the date after the state */
        *date = dup_range(s + dt_s, dt_e - dt_s);
    } else if (date_e > date_s && figures) {
        *date = dup_range(s + date_s, date_e - date_s);
    }
    return j;
}

/* ---- notes ------------------------------------------------------------- */

/* A note is text beside the story, not a part of it. An editorial note
 * says how the article was made or mended ("Editor's note: ...", "Note to
 * editors: ...", "Correction: ...", "(Corrects paragraph 3 ...)"): like a
 * closing credit it is dropped from the text. A footnote qualifies the
 * text or its table ("NOTE: 1986 net includes tax credit of 1,200,000
 * dlrs.", "Nota: ..."): it stays in the text (it is read and searched) but
 * is no sentence, so that no date, timeline entry or summary line comes
 * from it (note_sentences). Labels are matched ignoring ASCII case, before
 * a colon or a dash: "Notes in circulation rose" is no note. */
static const char *const editorial_labels[] = {
    "editor's note", "editors' note", "editor\xE2\x80\x99s note", "editors\xE2\x80\x99 note",
    "editorial note", "note to editors", "notes to editors", "note to editor", "note for editors",
    "reuters note", "correction", "corrections", "clarification",
    /* fr, es, it, pt, de, ro, ca, ru */
    "note de la rédaction", "note de la redaction", "note aux rédactions", "ndlr", "n.d.l.r.",
    "rectificatif", "nota del editor", "nota de la redacción", "nota del redactor",
    "nota de los editores", "nota para los editores", "nota a los editores", "fe de erratas",
    "fe de errores", "nota della redazione", "nota dell'editore",
    "nota dell\xE2\x80\x99"
    "editore",
    "n.d.r.", "ndr", "errata corrige", "rettifica", "nota do editor", "nota da redação",
    "nota da redacção", "nota aos editores", "errata", "correção", "correcção",
    "anmerkung der redaktion", "hinweis der redaktion", "anm. d. red.", "korrektur",
    "korrekturhinweis", "berichtigung", "hinweis an die redaktionen", "nota redacției",
    "nota redacţiei", "nota editorului", "n.r.", "erată", "nota de la redacció", "nota de l'editor",
    "fe d'errades", "Примечание редакции", "От редакции", "Прим. ред.", "Поправка", NULL};

static const char *const footnote_labels[] = {
    "note",        "notes",      "note continued", "notes continued",
    "n.b.",        "nb",         "nota bene",      "footnote",
    "footnotes",   "nota",       "notas",          "remarque",
    "observación", "observação", "obs.",           "anmerkung",
    "anmerkungen", "hinweis",    "anm.",           "fußnote",
    "notă",        "Примечание", "Примечания",     "Прим.",
    NULL};

/* Length of the label of a list that opens s[0..n), with its colon or
 * spaced dash ("NOTE:", "Note -", "Ndlr :", "Nota —"), or 0. caps: a
 * label in capitals may stand without either. */
static size_t note_label(const char *s, size_t n, const char *const *labels, int caps)
{
    if (!n)
        return 0;
    int c0 = tolower((unsigned char)*s);
    for (const char *const *l = labels; *l; l++) {
        if (tolower((unsigned char)**l) != c0 || !ci_prefix(s, n, *l))
            continue;
        size_t k = strlen(*l);
        size_t j = k;
        while (j < n && s[j] == ' ')
            j++;
        if (j < n && s[j] == ':')
            return j + 1;
        if (labels == editorial_labels && j == k && j < n && s[j] == ',') {
            /* the note's date between: "Correction, June 7: An earlier
             * version ..." (not "Correction officers", "Correction,
             * analysts warned: ...": a figure, then a colon within a few
             * words, no sentence end) */
            int digit = 0;
            for (size_t q = j + 1; q < n && q < j + 24; q++) {
                if (s[q] == ':' && digit)
                    return q + 1;
                if (s[q] == ':' || s[q] == ';' || s[q] == '!' || s[q] == '?' ||
                    (s[q] == '.' &&
                     !(q > 0 && isalpha((unsigned char)s[q - 1]) && q + 1 < n && s[q + 1] == ' ')))
                    break;
                digit |= isdigit((unsigned char)s[q]) != 0;
            }
        }
        /* a dash needs a space before it: "Note-taking" is a word */
        int dash = j + 1 < n && s[j] == '-' && s[j + 1] == ' ';
        if (!dash && j + 3 < n && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
            ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94))
            dash = 2;
        if (dash && j > k)
            return j + (dash == 1 ? 1 : 3);
        /* a label in capitals before a word that is not: "NOTE Fourteen vs
         * 13-week periods." ("NOTE HOLDERS" is a heading's words) */
        if (caps && j == k + 1 && j + 1 < n && isupper((unsigned char)s[j]) &&
            !isupper((unsigned char)s[j + 1]) && strlen(*l) > 2) {
            size_t c = 0;
            while (c < k && !islower((unsigned char)s[c]))
                c++;
            if (c == k)
                return j;
        }
    }
    return 0;
}

/* A wire's update or correction advisory, a paragraph in brackets:
 * "(Corrects paragraph 4 to show ...)", "(Adds quotes, background)",
 * "(Actualiza con ...)". */
static int advisory(const char *s, size_t n)
{
    static const char *const verbs[] = {
        "corrects ",   "updates ",      "adds ",       "recasts ",    "repeats ",      "refiles ",
        "fixes ",      "corrige ",      "actualiza ",  "agrega ",     "añade ",        "actualisé ",
        "ajoute ",     "atualiza ",     "acrescenta ", "corregge ",   "aggiorna ",     "aggiunge ",
        "berichtigt ", "aktualisiert ", "ergänzt ",    "corectează ", "actualizează ", NULL};
    if (n < 8 || s[0] != '(' || s[n - 1] != ')' || memchr(s + 1, '(', n - 2))
        return 0;
    return list_prefix(s + 1, n - 1, verbs);
}

/* How many of the sentences v[0..n) (of text s[0..len)) are no footnote's;
 * with compact, those are moved to the front. A footnote runs from the
 * sentence its label opens to the end of its paragraph, and to the end of
 * the text when it stands in the second half of the paragraphs and what
 * follows it is short, NOTE_TAIL bytes at most (a table's notes after its
 * last row: "NOTE: Full name Philippine Long Distance Telephone Co." /
 * "Figures quoted in Philippine Pesos."; a note amid a long text's
 * paragraphs does not take the story after it). */
#define NOTE_TAIL 600

static size_t story_sentences(const char *s, size_t len, chr_span *v, size_t n, int compact)
{
    size_t paras = 1;
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == '\n' && s[i + 1] == '\n') {
            paras++;
            i++;
        }
    size_t keep = 0, para = 0, at = 0;
    int note = 0; /* 1: to the end of the paragraph, 2: to the end of the text */
    for (size_t i = 0; i < n; i++) {
        for (; at + 1 < v[i].start; at++)
            if (s[at] == '\n' && s[at + 1] == '\n') {
                para++;
                at++;
                note = note == 1 ? 0 : note;
            }
        if (!note && note_label(s + v[i].start, v[i].end - v[i].start, footnote_labels, 1))
            note = 2 * para >= paras && len - v[i].start <= NOTE_TAIL ? 2 : 1;
        if (!note) {
            if (compact)
                v[keep] = v[i];
            keep++;
        }
    }
    return keep;
}

/* chr_split_sentences of text, a footnote's sentences left out (all kept
 * when all would go: the text is its note). */
static chr_err split_sentences(const char *s, size_t len, const char *lang, chr_span **out,
                               size_t *n)
{
    chr_err e = chr_split_sentences(s, len, lang, out, n);
    if (e == CHR_OK && story_sentences(s, len, *out, *n, 0) > 0)
        *n = story_sentences(s, len, *out, *n, 1);
    return e;
}

/* ---- paragraphs --------------------------------------------------------- */

static int ends_terminal(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    return n > 0 && strchr(".!?:;", s[n - 1]) != NULL;
}

/* Whether the line at s (up to end) opens with a lower-case letter: it goes
 * on with the sentence of the line before, whatever the line widths say
 * ("... au massacre d'hommes, de femmes et" / "d'enfants en Syrie ..."). */
static int continues_line(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    utf8proc_int32_t cp;
    if (s >= end || utf8proc_iterate((const utf8proc_uint8_t *)s, end - s, &cp) <= 0)
        return 0;
    if (chr_lower_stamp(s, (size_t)(end - s)))
        return 0; /* "ora 10:05 - Victor Ponta anunță…": a live report's post */
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static chr_err clean(const chr_article *a, int text_only, chr_doc **out, chr_diag *d);

static void hash_hex(XXH128_hash_t h, char *out, size_t size)
{
    snprintf(out, size, "%016llx%016llx", (unsigned long long)h.high64,
             (unsigned long long)h.low64);
}

static int word_char(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* Fewer than CHR_SHORT_TEXT_WORDS words (runs of letters and digits)? */
static int short_text(const char *s, size_t n)
{
    int words = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int w = word_char(c);
        if (w && !in && ++words >= CHR_SHORT_TEXT_WORDS)
            return 0;
        in = w;
    }
    return 1;
}

/* Does the text hold a word of the title of four letters or more, case
 * aside ("Quake hits northern Chile" and "... struck northern Chile")? Not
 * the commonest of them. */
static int shares_title_word(const char *title, const char *text, size_t n)
{
    static const char *const common[] = {"said", "says",  "with",  "from", "that", "this",  "will",
                                         "have", "more",  "been",  "were", "they", "their", "over",
                                         "into", "after", "about", "news", NULL};
    for (const char *t = title; *t;) {
        while (*t && !word_char((unsigned char)*t))
            t++;
        const char *b = t;
        while (*t && word_char((unsigned char)*t))
            t++;
        size_t wl = (size_t)(t - b);
        if (wl < 4)
            continue;
        int skip = 0;
        for (const char *const *c = common; *c && !skip; c++)
            skip = strlen(*c) == wl && strncasecmp(*c, b, wl) == 0;
        for (size_t i = 0; !skip && i + wl <= n; i++)
            if ((i == 0 || !word_char((unsigned char)text[i - 1])) &&
                (i + wl == n || !word_char((unsigned char)text[i + wl])) &&
                strncasecmp(text + i, b, wl) == 0)
                return 1;
    }
    return 0;
}

/* The content hash: the clean text's, or, when the article has a title of
 * its own and a short text (clean.h) that shares no word with it, the
 * text's seeded with the title's. */
static void identify(const chr_article *a, chr_doc *doc)
{
    XXH128_hash_t h = XXH3_128bits(doc->clean, doc->clean_len);
    doc->text_hash_hex[0] = 0;
    if (a->title && doc->title && *doc->title && short_text(doc->clean, doc->clean_len) &&
        !shares_title_word(doc->title, doc->clean, doc->clean_len)) {
        hash_hex(h, doc->text_hash_hex, sizeof doc->text_hash_hex);
        h = XXH3_128bits_withSeed(doc->clean, doc->clean_len,
                                  XXH3_64bits(doc->title, strlen(doc->title)));
    }
    doc->hash_hi = h.high64;
    doc->hash_lo = h.low64;
    hash_hex(h, doc->hash_hex, sizeof doc->hash_hex);
}

chr_err chr_clean(const chr_article *a, chr_doc **out, chr_diag *d)
{
    return clean(a, 0, out, d);
}

chr_err chr_clean_text(const chr_article *a, chr_doc **out, chr_diag *d)
{
    return clean(a, 1, out, d);
}

chr_err chr_clean_finish(const chr_article *a, chr_doc *doc, chr_diag *d)
{
    doc->lang_confidence = chr_detect_language(doc->clean, doc->clean_len, doc->lang);
    /* the article's own language field stands unless the text is surely
     * another; "ca" stands against a sure Spanish guess when the text writes
     * words only Catalan has (a Catalan page read as Spanish loses every date;
     * a Spanish page labelled "ca" has none of them) */
    int ca_over_es = a->lang && !strncasecmp(a->lang, "ca", 2) && !strcmp(doc->lang, "es") &&
                     chr_catalan_words(doc->clean, doc->clean_len) >= 1;
    if (a->lang && a->lang[0] && strlen(a->lang) < sizeof doc->lang &&
        (doc->lang_confidence < 0.9 || ca_over_es)) {
        snprintf(doc->lang, sizeof doc->lang, "%.2s", a->lang);
        doc->lang_confidence = 0.9;
    }
    chr_err e =
        split_sentences(doc->clean, doc->clean_len, doc->lang, &doc->sentences, &doc->n_sentences);
    return e ? chr_diag_set(d, e, a->source, 0, -1, NULL) : CHR_OK;
}

/* Text (bytes) an article has before a comment section can end it, one
 * paragraph of it at least a sentence's (COMMENTS_PARA bytes ending as a
 * sentence does: a page's menu and a title, "12 Comments" under it, are
 * no article yet). */
#define COMMENTS_AFTER 300
#define COMMENTS_PARA 100

static chr_err clean(const chr_article *a, int text_only, chr_doc **out, chr_diag *d)
{
    *out = NULL;
    size_t nlen = 0;
    char *norm = chr_normalize(a->text ? a->text : "", a->text_len, &nlen);
    if (!norm)
        return chr_diag_set(d, CHR_ENOMEM, a->source, 0, -1, NULL);
    chr_doc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        free(norm);
        return chr_diag_set(d, CHR_ENOMEM, a->source, 0, -1, NULL);
    }
    buf out_b = {0};
    buf para = {0};
    int first_para = 1;
    size_t pos = 0;
    /* Line layout: the longest line tells whether the text is hard-wrapped.
     * A short line without final punctuation (a heading, a caption) stands
     * alone unless the next line continues it in lower case; a line that
     * ends a sentence well before the wrap width ends its paragraph; other
     * single newlines are soft. */
    size_t maxlen = 0;
    for (size_t i = 0, st = 0; i <= nlen; i++)
        if (i == nlen || norm[i] == '\n') {
            if (i - st > maxlen)
                maxlen = i - st;
            st = i + 1;
        }
    /* a text of one line (a headline feed's record) is no caption */
    size_t lines = 0;
    for (size_t i = 0, st = 0; i <= nlen && lines < 2; i++)
        if (i == nlen || norm[i] == '\n') {
            lines += i > st;
            st = i + 1;
        }
    int whole = lines <= 1;
    int prev_ended = 0, stamp_pending = 0, prose = 0, teasers = 0;
    size_t stamp_off = (size_t)-1; /* where the text resumed after the stamp */
    while (pos <= nlen) {
        const char *ls = norm + pos;
        const char *nl = memchr(ls, '\n', nlen - pos);
        size_t ll = nl ? (size_t)(nl - ls) : nlen - pos;
        const char *t = ls;
        size_t tl = ll;
        trim(&t, &tl);
        int flush = (tl == 0);
        /* a page's comment section, after some text: the article ended;
         * before it, the count is a line of furniture */
        if (tl > 0 && !whole && comment_marker(t, tl)) {
            doc->removed_lines++;
            tl = 0;
            flush = 1;
            if (prose && out_b.n + para.n >= COMMENTS_AFTER)
                nl = NULL;
        }
        /* a block of teaser headlines under its header, until prose
         * resumes: a line that ends as a sentence */
        if (tl > 0 && !whole && teaser_header(t, tl)) {
            teasers = 1;
            doc->removed_lines++;
            flush = 1;
            tl = 0;
        } else if (tl > 0 && teasers) {
            if (tl < 160 && !ends_terminal(t, tl)) {
                doc->removed_lines++;
                flush = 1;
                tl = 0;
            } else {
                teasers = 0;
            }
        }
        if (tl > 0 && !whole && out_b.n + para.n > 0 && agency_credit_line(t, tl)) {
            doc->removed_lines++; /* "(ANSA)", "(AGI) Red/Gav" closing a wire's copy */
            tl = 0;
            flush = 1;
        }
        /* the next line goes on in lower case: this one is no byline of its
         * own ("Il capogruppo alla Camera\ndi FORZA ITALIA\nha annunciato") */
        int cont = 0;
        if (nl) {
            const char *q = nl + 1;
            while (q < norm + nlen && (*q == ' ' || *q == '\t'))
                q++;
            cont = q < norm + nlen && islower((unsigned char)*q);
        }
        if (tl > 0 && is_boiler_line(t, tl, whole, cont, &doc->author, &doc->stamp)) {
            if (doc->stamp && stamp_off == (size_t)-1)
                stamp_pending = 1;
            doc->removed_lines++;
            flush = 1;
            tl = 0;
        }
        if (tl > 0) {
            int standalone = tl * 10 < maxlen * 6 && !ends_terminal(t, tl) &&
                             !(nl && continues_line(nl + 1, norm + nlen));
            /* a list's item opens a paragraph of its own ("Fechas clave:\n-
             * 15 de marzo de 2011: ...\n- 12 de noviembre: ...") */
            size_t lm = chr_list_marker(t, tl);
            int item = lm > 0 && tl > lm; /* a marker before more text */
            if ((standalone || prev_ended || item) && para.n > 0) {
                flush = 2; /* flush what we have, then re-read this line */
            } else {
                if (para.n > 0)
                    buf_addc(&para, ' ');
                buf_add(&para, t, tl);
                flush = standalone;
                prev_ended = ends_terminal(t, tl) && tl * 10 < maxlen * 9;
            }
        } else {
            prev_ended = 0;
        }
        if (!nl && !flush)
            flush = 1; /* end of text ends the paragraph */
        if (flush && para.n > 0) {
            const char *p = para.p;
            size_t pn = strip_trailing_fragments(para.p, para.n);
            /* an editorial note goes (not a text's only line, nor a heading
             * without a sentence's end: "CORRECTION - HEINEKEN 1986 YEAR"
             * is a correction item's headline) */
            if (!whole && ((note_label(p, pn, editorial_labels, 0) && ends_as_text(p, pn)) ||
                           advisory(p, pn))) {
                doc->removed_lines++;
                pn = 0;
            }
            if (first_para && pn > 0) {
                size_t k = parse_dateline(p, pn, &doc->dateline_place, &doc->dateline_agency,
                                          &doc->dateline_date);
                p += k;
                pn -= k;
                if (k > 0 || pn > 40)
                    first_para = 0;
            }
            /* collapse runs of spaces */
            if (pn >= COMMENTS_PARA && ends_terminal(p, pn))
                prose = 1;
            if (pn > 0) {
                if (out_b.n > 0)
                    buf_add(&out_b, "\n\n", 2);
                int sp = 0;
                for (size_t i = 0; i < pn; i++) {
                    size_t lm = p[i] == '[' && i > 0 && after_link(p, i)
                                    ? link_lang_marker(p + i, pn - i)
                                    : 0;
                    if (lm && i > 0) {
                        i += lm - 1; /* "[en]", "[ar, en]": the language of a link */
                        if (sp && (i + 1 >= pn || p[i + 1] != ' ')) {
                            out_b.n--; /* "escribe [fa]:" */
                            sp = 0;
                        }
                        continue;
                    }
                    if (p[i] == ' ') {
                        if (!sp)
                            buf_addc(&out_b, ' ');
                        sp = 1;
                    } else {
                        buf_addc(&out_b, p[i]);
                        sp = 0;
                    }
                }
            }
            para.n = 0;
            prev_ended = 0;
            if (flush == 2)
                continue;
        }
        if (stamp_pending) {
            stamp_off = out_b.n + (out_b.n > 0 ? 2 : 0);
            stamp_pending = 0;
        }
        if (!nl)
            break;
        pos += ll + 1;
    }
    free(para.p);
    free(norm);
    if (out_b.oom) {
        free(out_b.p);
        chr_doc_free(doc);
        return chr_diag_set(d, CHR_ENOMEM, a->source, 0, -1, NULL);
    }
    if (!out_b.p || out_b.n == 0) {
        free(out_b.p);
        chr_doc_free(doc);
        return chr_diag_set(d, CHR_EEMPTY, a->source, 0, -1, "no article text after cleaning");
    }
    doc->clean = out_b.p;
    doc->clean_len = out_b.n;
    drop_before_stamp(doc, stamp_off);
    if (!doc->dateline_place && !doc->dateline_agency)
        drop_header_block(doc);
    if (a->title) {
        size_t tl = 0;
        doc->title = chr_normalize(a->title, strlen(a->title), &tl);
    } else if (a->format == CHR_FMT_TEXT) {
        doc->title = text_headline(a, doc);
    }
    chr_err e = text_only ? CHR_OK : chr_clean_finish(a, doc, d);
    if (e) {
        chr_doc_free(doc);
        return e;
    }
    identify(a, doc);
    *out = doc;
    return CHR_OK;
}

/* ---- corpus furniture ---------------------------------------------------- */

/* Calls fn(ctx, start, len) for each paragraph of doc's text. */
static void each_para(const chr_doc *doc, void (*fn)(void *, size_t, size_t), void *ctx)
{
    const char *s = doc->clean;
    size_t n = doc->clean_len;
    for (size_t at = 0; at < n;) {
        const char *e = strstr(s + at, "\n\n");
        size_t end = e ? (size_t)(e - s) : n;
        fn(ctx, at, end - at);
        at = e ? end + 2 : n;
    }
}

/* Does s[0..n) end as text does: with a sentence's or a quotation's last
 * mark in any script (. ! ? … : ; " ” ’ » ) 。 ！ ？ । ۔), not with a word, a
 * figure or a menu's separator? */
static int ends_as_text(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    if (!n)
        return 0;
    size_t k = n - 1; /* the last code point starts at k */
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s + k, (utf8proc_ssize_t)(n - k), &c) <= 0)
        return 0;
    static const utf8proc_int32_t marks[] = {'.',    '!',    '?',    ':',    ';',    '"',
                                             '\'',   ')',    0x2026, 0x201D, 0x2019, 0x00BB,
                                             0x3002, 0xFF01, 0xFF1F, 0x0964, 0x06D4};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (c == marks[i])
            return 1;
    return 0;
}

static int has_figure(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* Can the paragraph be furniture: short, without a figure, and not ending
 * as a sentence or a quotation does? A short sentence or quote of a wire
 * story, reprinted by many, is news, and so are a wire's formulas that
 * carry figures ("Pay April 30", "Qtly div 10 cts vs 10 cts prior");
 * "Suivez Le Monde" and "Aviso legal |" are not. */
static int furniture_shaped(const chr_doc *doc, size_t at, size_t len)
{
    return len > 0 && len <= CHR_LINE_MAX && !ends_as_text(doc->clean + at, len) &&
           !has_figure(doc->clean + at, len);
}

static uint64_t para_hash(const chr_doc *doc, size_t at, size_t len)
{
    return XXH3_64bits(doc->clean + at, len);
}

/* A paragraph short enough to be one entry of a block of furniture (a
 * menu of other stories' headlines, which may end as sentences do and
 * hold figures): counted like the furniture-shaped ones, and dropped when
 * it repeats inside a run of repeated paragraphs (chr_doc_drop_lines). */
#define BLOCK_RUN 3
#define BLOCK_RUN_FIGURES 5

static int block_shaped(size_t len)
{
    return len > 0 && len <= CHR_BLOCK_MAX;
}

typedef struct hash_list {
    const chr_doc *doc;
    uint64_t lead; /* chr_doc_lead_hash, left out */
    uint64_t *h;
    size_t n, cap;
    int oom;
} hash_list;

static void collect_short(void *ctx, size_t at, size_t len)
{
    hash_list *l = ctx;
    if (!block_shaped(len) || l->oom)
        return;
    uint64_t h = para_hash(l->doc, at, len);
    if ((h | 1) == l->lead)
        return; /* counted as the lead */
    if (chr_grow((void **)&l->h, &l->cap, l->n + 1, sizeof *l->h) != 0) {
        l->oom = 1;
        return;
    }
    l->h[l->n++] = h;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

typedef struct lead_find {
    const chr_doc *doc;
    size_t at, len;
} lead_find;

static void longest_text(void *ctx, size_t at, size_t len)
{
    lead_find *f = ctx;
    if (len > CHR_LEAD_MIN && len > f->len && ends_as_text(f->doc->clean + at, len)) {
        f->at = at;
        f->len = len;
    }
}

uint64_t chr_doc_lead_hash(const chr_doc *doc)
{
    lead_find f = {doc, 0, 0};
    each_para(doc, longest_text, &f);
    return f.len ? para_hash(doc, f.at, f.len) | 1 : 0;
}

chr_err chr_doc_short_lines(const chr_doc *doc, uint64_t **out, size_t *n)
{
    hash_list l = {doc, chr_doc_lead_hash(doc), NULL, 0, 0, 0};
    each_para(doc, collect_short, &l);
    if (l.oom) {
        free(l.h);
        return CHR_ENOMEM;
    }
    if (l.n)
        qsort(l.h, l.n, sizeof *l.h, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < l.n; i++)
        if (!u || l.h[u - 1] != l.h[i])
            l.h[u++] = l.h[i];
    *out = l.h;
    *n = u;
    return CHR_OK;
}

typedef struct para_ent {
    size_t at, len;
    int seen; /* repeated elsewhere (block-shaped and is_furniture) */
    int furn; /* furniture-shaped as well */
} para_ent;

typedef struct para_list {
    para_ent *v;
    size_t n, cap;
    int oom;
} para_list;

static void list_para(void *ctx, size_t at, size_t len)
{
    para_list *l = ctx;
    if (l->oom)
        return;
    if (chr_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v) != 0) {
        l->oom = 1;
        return;
    }
    l->v[l->n++] = (para_ent){at, len, 0, 0};
}

chr_err chr_doc_drop_lines(chr_doc *doc, int (*is_furniture)(void *ctx, uint64_t hash), void *ctx,
                           int *dropped)
{
    *dropped = 0;
    para_list pl = {NULL, 0, 0, 0};
    each_para(doc, list_para, &pl);
    if (pl.oom) {
        free(pl.v);
        return CHR_ENOMEM;
    }
    uint64_t lead = chr_doc_lead_hash(doc);
    for (size_t i = 0; i < pl.n; i++) {
        para_ent *q = &pl.v[i];
        if (!block_shaped(q->len))
            continue;
        uint64_t h = para_hash(doc, q->at, q->len);
        if ((h | 1) == lead || !is_furniture(ctx, h))
            continue;
        q->seen = 1;
        q->furn = furniture_shaped(doc, q->at, q->len);
    }
    /* a furniture-shaped repeat goes alone; other repeats go when they
     * stand in a run of BLOCK_RUN repeats or more (a menu of headlines),
     * not alone (a wire story's sentence); those with figures only in a
     * run of BLOCK_RUN_FIGURES (a wire's data lines repeat in twos) */
    buf out = {0};
    int n_drop = 0;
    for (size_t i = 0; i < pl.n;) {
        size_t j = i;
        while (j < pl.n && pl.v[j].seen)
            j++;
        size_t run = j - i;
        if (!run) {
            if (out.n)
                buf_add(&out, "\n\n", 2);
            buf_add(&out, doc->clean + pl.v[i].at, pl.v[i].len);
            i++;
            continue;
        }
        for (size_t k = i; k < j; k++) {
            para_ent *q = &pl.v[k];
            if (q->furn || (run >= BLOCK_RUN_FIGURES ||
                            (run >= BLOCK_RUN && !has_figure(doc->clean + q->at, q->len)))) {
                n_drop++;
                continue;
            }
            if (out.n)
                buf_add(&out, "\n\n", 2);
            buf_add(&out, doc->clean + q->at, q->len);
        }
        i = j;
    }
    free(pl.v);
    if (out.oom) {
        free(out.p);
        return CHR_ENOMEM;
    }
    if (!n_drop || out.n == 0) {
        free(out.p);
        return CHR_OK;
    }
    chr_span *sents = NULL;
    size_t ns = 0;
    chr_err e = split_sentences(out.p, out.n, doc->lang, &sents, &ns);
    if (e) {
        free(out.p);
        return e;
    }
    free(doc->clean);
    free(doc->sentences);
    doc->clean = out.p;
    doc->clean_len = out.n;
    doc->sentences = sents;
    doc->n_sentences = ns;
    doc->removed_lines += n_drop;
    *dropped = n_drop;
    return CHR_OK;
}

typedef struct {
    const chr_doc *doc;
    uint64_t lead;
    int (*is_furniture)(void *, uint64_t);
    void *ctx;
    int all;
} repeat_check;

static void check_repeated(void *ctx, size_t at, size_t len)
{
    repeat_check *c = ctx;
    if (!c->all)
        return;
    uint64_t h = para_hash(c->doc, at, len);
    if ((h | 1) == c->lead)
        h = c->lead; /* counted as the lead */
    else if (!block_shaped(len))
        h = 0;
    c->all = h && c->is_furniture(c->ctx, h);
}

int chr_doc_placeholder(const chr_doc *doc, int (*is_furniture)(void *ctx, uint64_t hash),
                        void *ctx)
{
    if (!doc->text_hash_hex[0] || !doc->title || !doc->clean_len)
        return 0;
    repeat_check c = {doc, chr_doc_lead_hash(doc), is_furniture, ctx, 1};
    each_para(doc, check_repeated, &c);
    return c.all;
}

chr_err chr_doc_title_as_text(const chr_article *a, chr_doc *doc, chr_diag *d)
{
    size_t n = strlen(doc->title);
    char *t = malloc(n + 1);
    if (!t)
        return chr_diag_set(d, CHR_ENOMEM, a->source, 0, -1, NULL);
    memcpy(t, doc->title, n + 1);
    free(doc->clean);
    free(doc->sentences);
    doc->clean = t;
    doc->clean_len = n;
    doc->sentences = NULL;
    doc->n_sentences = 0;
    doc->removed_lines++;
    return chr_clean_finish(a, doc, d);
}

void chr_doc_free(chr_doc *doc)
{
    if (!doc)
        return;
    free(doc->clean);
    free(doc->title);
    free(doc->author);
    free(doc->dateline_place);
    free(doc->dateline_agency);
    free(doc->dateline_date);
    free(doc->stamp);
    free(doc->sentences);
    free(doc);
}
