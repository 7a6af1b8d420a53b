/* chronicle — entity: public entry points of the named-entity recogniser.
 * Owns chr_ner_open/close, chr_ner_tag (tokenise, tag with the model, apply
 * rules, link), chr_entities_free, story-level linking and which spelling
 * of a name to show (chr_entity_spelling). The pieces live
 * in ner_tok.c, ner_feat.c, ner_model.c, gazetteer.c, ner_rules.c and
 * entity_link.c. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "ner.h"

struct chr_ner {
    const ner_model *model; /* NULL: gazetteer and rules only */
    ner_gloss *gloss;       /* English glosses of other languages' function words */
};

const char *chr_ent_type_name(chr_ent_type t)
{
    switch (t) {
    case CHR_ENT_PER:
        return "PER";
    case CHR_ENT_LOC:
        return "LOC";
    case CHR_ENT_ORG:
        return "ORG";
    case CHR_ENT_MISC:
        return "MISC";
    }
    return "MISC";
}

int chr_ent_type_parse(const char *name)
{
    static const char *const names[] = {"PER", "LOC", "ORG", "MISC"};
    for (int i = 0; name && i < 4; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

chr_err chr_ner_open(chr_ner **out, chr_diag *d)
{
    if (!out)
        return chr_diag_set(d, CHR_EINVAL, NULL, 0, -1, "chr_ner_open: out is NULL");
    *out = calloc(1, sizeof **out);
    if (!*out)
        return chr_diag_set(d, CHR_ENOMEM, NULL, 0, -1, "chr_ner_open: out of memory");
    (*out)->model = ner_model_builtin();
    if (!((*out)->gloss = ner_gloss_new())) {
        free(*out);
        *out = NULL;
        return chr_diag_set(d, CHR_ENOMEM, NULL, 0, -1, "chr_ner_open: out of memory");
    }
    return CHR_OK;
}

void chr_ner_close(chr_ner *ner)
{
    if (ner)
        ner_gloss_free(ner->gloss);
    free(ner);
}

void chr_entities_free(chr_entities *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n_entities; i++) {
        free(e->entities[i].canonical);
        free(e->entities[i].country);
        free(e->entities[i].role);
    }
    free(e->entities);
    free(e->mentions);
    memset(e, 0, sizeof *e);
}

void chr_entities_drop_spans(chr_entities *e, const chr_span *spans, size_t n)
{
    if (!e || !n || !e->n_mentions)
        return;
    size_t k = 0, j = 0;
    for (size_t i = 0; i < e->n_mentions; i++) {
        const chr_mention *m = &e->mentions[i];
        while (j < n && spans[j].end <= m->start)
            j++;
        int hit = 0;
        for (size_t q = j; q < n && spans[q].start < m->end && !hit; q++)
            hit = spans[q].end > m->start;
        if (hit)
            e->entities[m->entity].mentions--;
        else
            e->mentions[k++] = *m;
    }
    e->n_mentions = k;
    /* renumber the entities that still have mentions; m->entity is used as
     * the old index below, so map first */
    int *map = malloc((e->n_entities ? e->n_entities : 1) * sizeof *map);
    if (!map)
        return; /* entities without mentions stay listed: harmless */
    size_t ne = 0;
    for (size_t i = 0; i < e->n_entities; i++) {
        if (e->entities[i].mentions > 0) {
            map[i] = (int)ne;
            e->entities[ne++] = e->entities[i];
        } else {
            map[i] = -1;
            free(e->entities[i].canonical);
            free(e->entities[i].country);
            free(e->entities[i].role);
        }
    }
    e->n_entities = ne;
    for (size_t i = 0; i < e->n_mentions; i++)
        e->mentions[i].entity = map[e->mentions[i].entity];
    free(map);
}

/* Whether d is one sentence without a final full stop: a headline in
 * sentence case ("Netflix shares jump after subscriber growth"). */
static int lone_headline(const ner_doc *d)
{
    if (d->nsent != 1 || d->n == 0)
        return 0;
    const ner_tok *t = &d->t[d->n - 1];
    return !(t->end - t->start == 1 && d->text[t->start] == '.');
}

/* Fallback sentence spans when the caller gives none: lines, split further
 * after . ! ? followed by a space and a capital (not after an initial or a
 * short abbreviation). */
static chr_span *split_fallback(const char *text, size_t len, size_t *n)
{
    size_t cap = 16;
    chr_span *s = malloc(cap * sizeof *s);
    if (!s)
        return NULL;
    *n = 0;
    static const unsigned char brk[256] = {['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1};
    size_t a = 0;
    for (size_t i = 0; i <= len; i++) {
        while (i < len && !brk[(unsigned char)text[i]])
            i++;
        int cut = 0, skip = 0;
        if (i == len || text[i] == '\n') {
            cut = 1, skip = 1;
        } else if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 2 < len &&
                   text[i + 1] == ' ' && text[i + 2] >= 'A' && text[i + 2] <= 'Z') {
            size_t w = i;
            while (w > a && text[w - 1] != ' ')
                w--;
            cut = text[i] != '.' || i - w > 3;
            if (cut)
                i++;
        }
        if (!cut)
            continue;
        size_t b = i;
        while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
            a++;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
            b--;
        if (b > a) {
            if (*n == cap) {
                chr_span *ns = realloc(s, (cap *= 2) * sizeof *s);
                if (!ns) {
                    free(s);
                    return NULL;
                }
                s = ns;
            }
            s[(*n)++] = (chr_span){a, b};
        }
        a = i + (size_t)skip;
    }
    return s;
}

chr_err chr_ner_tag(const chr_ner *ner, const char *text, size_t len, const chr_span *sents,
                    size_t n_sents, const char *lang, chr_entities *out)
{
    if (!out)
        return CHR_EINVAL;
    memset(out, 0, sizeof *out);
    if (!ner || (!text && len))
        return CHR_EINVAL;
    if (len == 0)
        return CHR_OK;
    chr_span *own = NULL;
    if (!sents || n_sents == 0) {
        own = split_fallback(text, len, &n_sents);
        if (!own)
            return CHR_ENOMEM;
        sents = own;
    }
    for (size_t k = 0; k < n_sents; k++)
        if (sents[k].start > sents[k].end || sents[k].end > len) {
            free(own);
            return CHR_EINVAL;
        }
    /* linking compares mentions pairwise: names are read in the sentences
     * of a text's first CHR_NER_MAX_TEXT bytes (a news article is shorter) */
    while (n_sents > 0 && sents[n_sents - 1].end > CHR_NER_MAX_TEXT)
        n_sents--;
    if (n_sents == 0) {
        free(own);
        return CHR_OK;
    }
    ner_doc d;
    if (ner_doc_build(&d, text, sents, n_sents)) {
        free(own);
        return CHR_ENOMEM;
    }
    chr_err err = CHR_ENOMEM;
    uint8_t *lab = calloc(d.n + 1, 1), *mark = calloc(d.n + 1, 1);
    if (!lab || !mark)
        goto done;
    /* the model is English-trained; it reads capitalised names in other
     * Latin-script languages well enough to keep, with the function words
     * around them glossed in English and ner_rules_lang's repairs */
    if (ner->model) {
        ner_wcache wc = {0};
        ner_gloss_saved *saved = NULL;
        ner_case_saved *recased = NULL;
        ner_first *first = NULL; /* headlines' first words to read as names */
        size_t nsaved = 0, nrecased = 0, nfirst = 0;
        if (lang && *lang && strncmp(lang, "en", 2) != 0) {
            if (!(saved = malloc((d.n + 1) * sizeof *saved)))
                goto done;
            nsaved = ner_gloss_apply(ner->gloss, &d, lang, saved);
        } else {
            if (!(recased = malloc((d.n + 1) * sizeof *recased)) ||
                !(first = malloc((d.nsent + 1) * sizeof *first))) {
                free(recased);
                goto done;
            }
            nrecased = ner_case_apply(&d, lang, recased);
        }
        int bad = 0;
        for (size_t k = 0; k < d.nsent && !bad; k++) {
            ner_sent s;
            ner_doc_sent(&d, k, &s);
            bad = ner_model_decode(ner->model, &s, &wc, lab + d.sent0[k]);
            int type;
            if (!bad && first && lab[d.sent0[k]] == 0 &&
                (type = ner_case_first_name(&d, d.sent0[k], d.sent0[k + 1],
                                            d.headline[k] ? 2 : lone_headline(&d))) >= 0) {
                first[nfirst++] = (ner_first){d.sent0[k], type};
            }
        }
        ner_gloss_restore(&d, saved, nsaved);
        ner_case_restore(&d, recased, nrecased);
        free(saved);
        free(recased);
        ner_wcache_free(&wc);
        if (bad) {
            free(first);
            goto done;
        }
        ner_rules_apply(&d, lab, mark);
        ner_rules_lang(&d, lab, mark, lang);
        ner_rules_headline(&d, lab, mark, lang);
        ner_rules_position(&d, lab, mark, lang);
        bad = ner_case_first_names(&d, first, nfirst, lab);
        free(first);
        if (bad)
            goto done;
        ner_rules_table_labels(&d, lab);
    } else {
        ner_rules_gazetteer(&d, lab, mark);
        ner_rules_apply(&d, lab, mark);
    }
    ner_rules_date_parts(&d, lab);
    err = ner_link(&d, lab, mark, out);
done:
    free(lab);
    free(mark);
    ner_doc_free(&d);
    free(own);
    return err;
}

/* ---- story-level linking ------------------------------------------------ */

/* Two spellings of one name: the same up to case, accents, hyphens and
 * periods (chr_entity_key: "Alí Abdalá Saleh", "Ali Abdalá Saleh"). */
static int same_name(const char *a, const char *b)
{
    char ka[128], kb[128];
    size_t la = chr_entity_key(a, ka, sizeof ka), lb = chr_entity_key(b, kb, sizeof kb);
    return la == lb && strcmp(ka, kb) == 0;
}

/* chr_entity_key of s, malloc'd; NULL on OOM. */
static char *name_key(const char *s)
{
    size_t n = chr_entity_key(s, NULL, 0);
    char *k = malloc(n + 1);
    if (k)
        chr_entity_key(s, k, n + 1);
    return k;
}

/* Last (or first) word of a multi-word name equals the one-word name s, or
 * the last word is a spelling of it ("Assad" of "Bashar al-Asad"; with
 * transliterations' vowels when s names a person: "Morsi" of "Mohamed
 * Mursi", not the agency "Saba" of "Sabah al-Ahmad al-Sabah"). */
static int name_part(const char *full, const char *s, int person)
{
    const char *sp = strchr(full, ' ');
    if (!sp || strchr(s, ' '))
        return 0;
    const char *last = strrchr(full, ' ') + 1;
    size_t n = strlen(s);
    return same_name(last, s) ||
           (person ? ner_name_spelling : ner_name_variant)(last, strlen(last), s, n) ||
           ((size_t)(sp - full) == n && strncmp(full, s, n) == 0);
}

/* Two multi-word people's names with the same first word (up to case and
 * accents: "Alí", "Ali") and the same (or a variant) last word: "Bashar al
 * Asad", "Bashar al-Assad"; or with variants of one first word and the same
 * last word: "Muamar el Gadafi", "Muammar el Gadafi" (the same person in
 * one story; Ana and Anna of one surname are two only across a database). */
static int same_person(const char *a, const char *b)
{
    const char *sa = strchr(a, ' '), *sb = strchr(b, ' ');
    char fa[64], fb[64];
    if (!sa || !sb || (size_t)(sa - a) >= sizeof fa || (size_t)(sb - b) >= sizeof fb)
        return 0;
    memcpy(fa, a, (size_t)(sa - a));
    fa[sa - a] = '\0';
    memcpy(fb, b, (size_t)(sb - b));
    fb[sb - b] = '\0';
    const char *la = strrchr(a, ' ') + 1, *lb = strrchr(b, ' ') + 1;
    if (!same_name(fa, fb)) /* "Tawakkol Karman", "Tawakul Karman", "Hosni"/"Husni Mubarak"
                             * (two people of one surname whose given names differ in a
                             * vowel, Karen and Karin, are one too: rarer in one story) */
        return (ner_name_variant(fa, strlen(fa), fb, strlen(fb)) ||
                ner_name_spelling(fa, strlen(fa), fb, strlen(fb))) &&
               same_name(la, lb);
    return same_name(la, lb) || ner_name_spelling(la, strlen(la), lb, strlen(lb));
}

/* The gazetteer entry that is the whole name s, or NULL. */
static const ner_gaz_info *whole_entry(const char *s)
{
    ner_tok *t = NULL;
    size_t n = 0, cap = 0;
    const ner_gaz_info *gi = NULL;
    if (ner_tokenize(s, 0, strlen(s), &t, &n, &cap) == 0 && n > 0) {
        ner_gaz_match m = ner_gaz_longest(t, n, 0);
        if (m.info && m.end == n)
            gi = m.info;
    }
    free(t);
    return gi;
}

/* The gazetteer's type of a whole name ("Damascus" LOC, "United Nations"
 * ORG), or -1 when it has none or several. */
static int known_type(const char *s)
{
    const ner_gaz_info *gi = whole_entry(s);
    return gi ? ner_gaz_type(gi) : -1;
}

/* Characters of name that carry a diacritic ("Alí Abdalá Saleh": 2). */
static int marks(const char *name)
{
    int k = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)name;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(name);
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t c, dc[4];
        utf8proc_ssize_t l = utf8proc_iterate(p + i, n - i, &c);
        i += l > 0 ? l : 1;
        int lb;
        utf8proc_ssize_t nd =
            l > 1 ? utf8proc_decompose_char(c, dc, 4, UTF8PROC_DECOMPOSE, &lb) : 0;
        for (utf8proc_ssize_t j = 0; j < nd && j < 4; j++) {
            utf8proc_propval_t cat = utf8proc_category(dc[j]);
            if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
                cat == UTF8PROC_CATEGORY_ME) {
                k++;
                break;
            }
        }
    }
    return k;
}

/* Letters in capitals only, two or more ("YEMEN")? */
static int all_caps(const char *name)
{
    int up = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)name;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(name);
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t l = utf8proc_iterate(p + i, n - i, &c);
        i += l > 0 ? l : 1;
        if (l > 0 && utf8proc_toupper(c) != c)
            return 0;
        up += l > 0 && utf8proc_tolower(c) != c;
    }
    return up >= 2;
}

/* Is name the gazetteer's own name of a place, an organisation, a people
 * or an event: an entry that names itself ("Yemen", not the headline's
 * "YEMEN" unless it is an acronym) or the canonical name of one? */
static int gazetteer_name(const char *name)
{
    const ner_gaz_info *gi = whole_entry(name);
    if (!gi || !(gi->flags & GZF_ENTRY) || !(gi->cats & ~((1u << GZ_FIRSTNAME) | (1u << GZ_TITLE))))
        return 0;
    const char *canon = ner_gaz_canon(gi);
    if (canon)
        return strcmp(canon, name) == 0;
    return (gi->flags & GZF_EXACT) || !all_caps(name);
}

int chr_entity_spelling(const char *name)
{
    if (!name)
        return 0;
    return (gazetteer_name(name) ? 1 << 16 : 0) + marks(name);
}

/* Is the one-word name s a country or city in the gazetteer? */
static int known_place(const char *s)
{
    ner_tok *t = NULL;
    size_t n = 0, cap = 0;
    int place = 0;
    if (ner_tokenize(s, 0, strlen(s), &t, &n, &cap) == 0 && n == 1) {
        const ner_gaz_info *gi = ner_gaz_find(ner_seq_add(NER_SEQ_INIT, t[0].lhash));
        place = gi && (gi->flags & GZF_ENTRY) &&
                (gi->cats & ((1u << GZ_COUNTRY) | (1u << GZ_CITY) | (1u << GZ_REGION)));
    }
    free(t);
    return place;
}

/* Institutions that every country has, named by their common noun alone
 * (en, es, fr, it, pt; folded to lower case). Not the proper names some of
 * them also are elsewhere ("Lega", "Generalitat", "Farnesina"). */
static const char *const generic_nouns[] = {
    "government",  "army",        "police",     "parliament", "congress",     "senate",
    "ministry",    "court",       "council",    "presidency", "opposition",   "military",
    "navy",        "judiciary",   "gobierno",   "ejército",   "policía",      "parlamento",
    "congreso",    "senado",      "ministerio", "tribunal",   "consejo",      "presidencia",
    "oposición",   "fiscalía",    "justicia",   "armada",     "ayuntamiento", "gouvernement",
    "armée",       "parlement",   "congrès",    "sénat",      "ministère",    "conseil",
    "présidence",  "parquet",     "justice",    "mairie",     "governo",      "esercito",
    "polizia",     "senato",      "ministero",  "tribunale",  "consiglio",    "presidenza",
    "opposizione", "procura",     "giustizia",  "exército",   "polícia",      "ministério",
    "conselho",    "presidência", "oposição",   "justiça",    "prefeitura",   "câmara",
    "assembleia",  "asamblea",    "assemblée",  "assemblea",  "comisión",     "commission",
    "commissione", "comissão"};

/* Is the one word a people ("Syrian", "Syriens", "sirios")? */
static int demonym_word(const char *w, size_t len)
{
    ner_tok *t = NULL;
    size_t n = 0, cap = 0;
    int dem = 0;
    if (ner_tokenize(w, 0, len, &t, &n, &cap) == 0 && n == 1) {
        const ner_gaz_info *gi = ner_gaz_find(ner_seq_add(NER_SEQ_INIT, t[0].lhash));
        dem = gi && (gi->cats & (1u << GZ_DEMONYM)) &&
              !(gi->cats & ((1u << GZ_COUNTRY) | (1u << GZ_CITY) | (1u << GZ_REGION)));
    }
    free(t);
    return dem;
}

int chr_entity_generic(const char *name)
{
    if (!name || !*name || strchr(name, ' '))
        return 0;
    utf8proc_uint8_t *f = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)name, 0, &f,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) <
        0)
        return 0;
    int generic = 0;
    for (size_t i = 0; i < sizeof generic_nouns / sizeof *generic_nouns && !generic; i++)
        generic = strcmp((const char *)f, generic_nouns[i]) == 0;
    free(f);
    if (generic)
        return 1;
    /* a people, or its plural: "Syriens" is "Syrien" + s */
    size_t len = strlen(name);
    return demonym_word(name, len) ||
           (len > 4 && name[len - 1] == 's' && demonym_word(name, len - 1));
}

chr_err chr_entities_link_story(const chr_entities *docs, size_t n, chr_entities *story, int **map)
{
    if (!story || (!docs && n))
        return CHR_EINVAL;
    memset(story, 0, sizeof *story);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += docs[i].n_entities;
    story->entities = calloc(total + 1, sizeof *story->entities);
    int(*votes)[CHR_ENT_NTYPES] = calloc(total + 1, sizeof *votes);
    char **keys = calloc(total + 1, sizeof *keys); /* chr_entity_key of each story entity */
    char *ek = NULL;
    chr_err err = CHR_OK;
    if (!story->entities || !votes || !keys)
        goto oom;
    /* Multi-word names first, so that one-word names can join them in the
     * second pass: "Putin" -> "Vladimir Putin"; a one-word name the tagger
     * typed otherwise in one article ("Xi" as LOC) joins a person named in
     * full elsewhere in the story unless it is a known place. One name is
     * one entity whatever type each article gave it ("Alepo" as a person,
     * an organisation and a place): the type is the gazetteer's, else the
     * one most of its mentions have. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            for (size_t j = 0; j < docs[i].n_entities; j++) {
                const chr_entity *e = &docs[i].entities[j];
                int multi = strchr(e->canonical, ' ') != NULL;
                if ((pass == 0) != multi)
                    continue;
                if (!(ek = name_key(e->canonical)))
                    goto oom;
                size_t k;
                for (k = 0; k < story->n_entities; k++) {
                    chr_entity *s = &story->entities[k];
                    if (strcmp(keys[k], ek) == 0 ||
                        (multi && s->type == CHR_ENT_PER && e->type == CHR_ENT_PER &&
                         same_person(s->canonical, e->canonical)))
                        break;
                }
                if (k == story->n_entities && !multi) {
                    int place = e->type != CHR_ENT_PER && known_place(e->canonical);
                    for (k = 0; k < story->n_entities; k++) {
                        chr_entity *s = &story->entities[k];
                        if (s->type == CHR_ENT_PER && !place &&
                            name_part(s->canonical, e->canonical, e->type == CHR_ENT_PER))
                            break;
                    }
                }
                chr_entity *s = &story->entities[k];
                if (k == story->n_entities) {
                    s->canonical = strdup(e->canonical);
                    s->type = e->type;
                    if (!s->canonical)
                        goto oom;
                    keys[k] = ek;
                    ek = NULL;
                    story->n_entities++;
                }
                free(ek);
                ek = NULL;
                s->mentions += e->mentions;
                votes[k][e->type] += e->mentions > 0 ? e->mentions : 1;
                if (!s->country && e->country && !(s->country = strdup(e->country)))
                    goto oom;
                if (!s->role && e->role && !(s->role = strdup(e->role)))
                    goto oom;
                if (map && map[i])
                    map[i][j] = (int)k;
            }
        }
    }
    for (size_t k = 0; k < story->n_entities; k++) {
        chr_entity *s = &story->entities[k];
        int best = (int)s->type, ntypes = 0;
        for (int ty = 0; ty < CHR_ENT_NTYPES; ty++) {
            ntypes += votes[k][ty] > 0;
            if (votes[k][ty] > votes[k][best])
                best = ty;
        }
        int known = ntypes > 1 ? known_type(s->canonical) : -1;
        s->type = (chr_ent_type)(known >= 0 ? known : best);
    }
    goto done;
oom:
    chr_entities_free(story);
    err = CHR_ENOMEM;
done:
    for (size_t k = 0; keys && k < total; k++)
        free(keys[k]);
    free(keys);
    free(ek);
    free(votes);
    return err;
}
