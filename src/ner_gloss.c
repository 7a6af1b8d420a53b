/* chronicle — entity: English glosses of Spanish, French, Italian and
 * Portuguese function words, for the English-trained model. Owns the gloss
 * table and the swap of token hashes around decoding; not the model, the
 * features or the rules (which see the original words). */
#include <stdlib.h>
#include <string.h>

#include "ner.h"

/* The model's context features read the words around a name: "in X", "of
 * X", "X said" tell it a place, an organisation, a person. In another
 * language those words are unknown to it, and it guesses. Decoding with the
 * English word's hashes in place of "en", "dans", "nel", "desde", "dijo"
 * gives it back that context. Only closed-class words, reporting verbs and
 * titles are glossed; names, nouns and adjectives keep their own form.
 * Per language, "word=gloss" pairs separated by spaces: articles,
 * prepositions and their contractions, conjunctions, pronouns, auxiliaries,
 * reporting verbs and titles. */
static const char *const SRC[][2] = {
    {"es", "el=the la=the los=the las=the lo=the un=a una=a unos=some unas=some de=of del=of "
           "al=to a=to en=in con=with por=by para=for desde=from hasta=until sobre=on "
           "entre=between contra=against sin=without tras=after ante=before durante=during "
           "hacia=towards según=according bajo=under y=and e=and o=or u=or pero=but que=that "
           "como=as si=if porque=because mientras=while él=he ella=she ellos=they su=his "
           "sus=their este=this esta=this estos=these estas=these dijo=said afirmó=said "
           "declaró=said aseguró=said señaló=said explicó=said indicó=said anunció=announced "
           "añadió=added ha=has han=have fue=was es=is son=are era=was no=not más=more "
           "también=also quien=who ayer=yesterday hoy=today presidente=president "
           "presidenta=president ministro=minister ministra=minister primer=prime "
           "canciller=chancellor secretario=secretary portavoz=spokesman rey=king "
           "líder=leader jefe=chief enviado=envoy embajador=ambassador juez=judge "
           "candidato=candidate general=general"},
    {"fr", "président=president présidente=president ministre=minister premier=prime "
           "chancelière=chancellor chancelier=chancellor secrétaire=secretary "
           "porte-parole=spokesman roi=king chef=chief envoyé=envoy ambassadeur=ambassador "
           "juge=judge candidat=candidate général=general le=the la=the les=the l'=the un=a "
           "une=a des=of du=of de=of d'=of au=to aux=to à=to en=in dans=in avec=with par=by "
           "pour=for depuis=since sur=on entre=between contre=against sans=without "
           "après=after avant=before pendant=during vers=towards selon=according sous=under "
           "chez=at et=and ou=or mais=but que=that qu'=that qui=who comme=as si=if il=he "
           "elle=she ils=they elles=they son=his sa=his ses=his leur=their ce=this cette=this "
           "ces=these a=has ont=have est=is sont=are était=was été=been dit=said déclaré=said "
           "affirmé=said annoncé=announced ne=not pas=not plus=more aussi=also hier=yesterday"},
    {"it", "il=the lo=the la=the i=the gli=the le=the l'=the un=a uno=a una=a un'=a di=of "
           "del=of dello=of della=of dei=of degli=of delle=of dell'=of a=to ad=to al=to "
           "allo=to alla=to ai=to agli=to alle=to all'=to da=from dal=from dalla=from "
           "dai=from dall'=from in=in nel=in nella=in nei=in negli=in nelle=in nell'=in su=on "
           "sul=on sulla=on sull'=on con=with per=for tra=between fra=between contro=against "
           "senza=without dopo=after prima=before durante=during verso=towards "
           "secondo=according e=and ed=and o=or ma=but che=that come=as se=if lui=he lei=she "
           "loro=they suo=his sua=his questo=this questa=this ha=has hanno=have è=is sono=are "
           "era=was detto=said dichiarato=said annunciato=announced non=not più=more "
           "anche=also ieri=yesterday presidente=president ministro=minister premier=premier "
           "primo=prime cancelliere=chancellor segretario=secretary portavoce=spokesman "
           "re=king leader=leader capo=chief inviato=envoy ambasciatore=ambassador "
           "giudice=judge candidato=candidate generale=general"},
    {"pt", "presidente=president ministro=minister primeiro-ministro=premier "
           "chanceler=chancellor secretário=secretary porta-voz=spokesman rei=king "
           "líder=leader chefe=chief enviado=envoy embaixador=ambassador juiz=judge "
           "candidato=candidate general=general o=the a=the os=the as=the um=a uma=a de=of "
           "do=of da=of dos=of das=of em=in no=in na=in nos=in nas=in num=in numa=in ao=to "
           "aos=to à=to às=to com=with por=by pelo=by pela=by para=for desde=since sobre=on "
           "entre=between contra=against sem=without após=after depois=after antes=before "
           "durante=during segundo=according e=and ou=or mas=but que=that como=as se=if "
           "ele=he ela=she eles=they seu=his sua=his este=this esta=this disse=said "
           "afirmou=said declarou=said anunciou=announced tem=has têm=have foi=was é=is "
           "são=are era=was não=not mais=more também=also ontem=yesterday"},
};

#define NLISTS (sizeof SRC / sizeof *SRC)
#define MAXSRC 1024 /* pairs in all lists */

/* One entry: the folded hash of the source word in one language, and the
 * hashes of its English gloss in lower case and capitalised. */
typedef struct gloss_ent {
    uint64_t src;
    unsigned lang; /* index into LANGS; NLANGS = any other language */
    uint64_t lhash, ehash[2], shash[2];
} gloss_ent;

static const char LANGS[][3] = {"es", "fr", "it", "pt"};
#define NLANGS (sizeof LANGS / sizeof *LANGS)

struct ner_gloss {
    gloss_ent *e;
    size_t n;
};

static unsigned lang_index(const char *lang)
{
    for (unsigned k = 0; k < NLANGS; k++)
        if (lang && strncmp(lang, LANGS[k], 2) == 0 &&
            (!lang[2] || lang[2] == '-' || lang[2] == '_'))
            return k;
    return (unsigned)NLANGS;
}

static int cmp_ent(const void *x, const void *y)
{
    const gloss_ent *a = x, *b = y;
    if (a->lang != b->lang)
        return a->lang < b->lang ? -1 : 1;
    return a->src < b->src ? -1 : a->src > b->src;
}

/* Hashes of one English word as the tokeniser makes them. */
static int word_hashes(const char *w, size_t n, int cap, uint64_t *lh, uint64_t *eh, uint64_t *sh)
{
    char buf[32];
    if (n + 1 > sizeof buf)
        return -1;
    memcpy(buf, w, n);
    buf[n] = '\0';
    if (cap && buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 32);
    ner_tok *t = NULL;
    size_t nt = 0, tc = 0;
    int rc = ner_tokenize(buf, 0, n, &t, &nt, &tc);
    if (rc == 0 && nt == 1) {
        *lh = t[0].lhash;
        *eh = t[0].ehash;
        *sh = t[0].shash;
    } else {
        rc = -1;
    }
    free(t);
    return rc;
}

/* One "word=gloss" pair of a list. */
typedef struct pair {
    const char *w, *en;
    size_t wn, enn;
    unsigned lang;
} pair;

static int fill(gloss_ent *x, const pair *p, unsigned lang)
{
    char fb[32];
    size_t fl = ner_fold(p->w, p->wn, fb, sizeof fb);
    x->src = ner_fnv(NER_FNV_INIT, fb, fl);
    x->lang = lang;
    for (int c = 0; c < 2; c++)
        if (word_hashes(p->en, p->enn, c, &x->lhash, &x->ehash[c], &x->shash[c]))
            return -1;
    return 0;
}

static int same_str(const char *a, size_t an, const char *b, size_t bn)
{
    return an == bn && memcmp(a, b, an) == 0;
}

ner_gloss *ner_gloss_new(void)
{
    ner_gloss *g = calloc(1, sizeof *g);
    pair *p = malloc(MAXSRC * sizeof *p);
    size_t np = 0;
    if (!g || !p || !(g->e = calloc(2 * MAXSRC, sizeof *g->e)))
        goto fail;
    for (size_t l = 0; l < NLISTS; l++)
        for (const char *q = SRC[l][1]; *q && np < MAXSRC;) {
            const char *sp = strchr(q, ' '), *eq = strchr(q, '=');
            size_t len = sp ? (size_t)(sp - q) : strlen(q);
            if (!eq || eq > q + len)
                goto fail; /* a malformed list: caught by the unit tests */
            p[np++] = (pair){q, eq + 1, (size_t)(eq - q), (size_t)(q + len - eq - 1),
                             lang_index(SRC[l][0])};
            q += len + (sp != NULL);
        }
    for (size_t i = 0; i < np; i++)
        if (fill(&g->e[g->n++], &p[i], p[i].lang))
            goto fail;
    /* Another language (a Romance text identified as Catalan, say): the
     * words whose gloss is the same in every language that has them. */
    for (size_t i = 0; i < np; i++) {
        int same = 1, first = 1;
        for (size_t j = 0; j < np && same; j++)
            if (same_str(p[i].w, p[i].wn, p[j].w, p[j].wn)) {
                same = same_str(p[i].en, p[i].enn, p[j].en, p[j].enn);
                if (j < i)
                    first = 0;
            }
        if (same && first && fill(&g->e[g->n++], &p[i], (unsigned)NLANGS))
            goto fail;
    }
    free(p);
    qsort(g->e, g->n, sizeof *g->e, cmp_ent);
    return g;
fail:
    free(p);
    ner_gloss_free(g);
    return NULL;
}

void ner_gloss_free(ner_gloss *g)
{
    if (!g)
        return;
    free(g->e);
    free(g);
}

static const gloss_ent *find(const ner_gloss *g, unsigned lang, uint64_t h)
{
    size_t lo = 0, hi = g->n;
    gloss_ent key = {.src = h, .lang = lang};
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_ent(&key, &g->e[mid]);
        if (c == 0)
            return &g->e[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

size_t ner_gloss_apply(const ner_gloss *g, ner_doc *d, const char *lang, ner_gloss_saved *saved)
{
    if (!g || !lang || !*lang || strncmp(lang, "en", 2) == 0)
        return 0;
    unsigned li = lang_index(lang);
    size_t ns = 0;
    for (size_t i = 0; i < d->n; i++) {
        ner_tok *t = &d->t[i];
        unsigned f = t->flags;
        if (!(f & NT_ALPHA) || (f & (NT_DIGIT | NT_ALLUP | NT_MIXED)) || t->end - t->start > 16)
            continue;
        int cap = (f & NT_UPPER0) != 0;
        if (cap && !(f & NT_SENT0))
            continue; /* a capitalised word inside a sentence may be a name */
        const gloss_ent *x = find(g, li, t->lhash);
        if (!x)
            continue;
        /* "Staffan de Mistura", "José Eduardo dos Santos", "Banco de
         * España": a particle between capitals may be part of a name, and
         * the model knows "de", "da", "van" as such */
        if (!cap && t->end - t->start <= 4 && !(f & NT_SENT0) && !t->sent_end &&
            (t[-1].flags & NT_UPPER0) && (t[1].flags & NT_UPPER0))
            continue;
        saved[ns].tok = i;
        saved[ns].lhash = t->lhash;
        saved[ns].ehash = t->ehash;
        saved[ns].shash = t->shash;
        ns++;
        t->lhash = x->lhash;
        t->ehash = x->ehash[cap];
        t->shash = x->shash[cap];
    }
    return ns;
}

void ner_gloss_restore(ner_doc *d, const ner_gloss_saved *saved, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        ner_tok *t = &d->t[saved[k].tok];
        t->lhash = saved[k].lhash;
        t->ehash = saved[k].ehash;
        t->shash = saved[k].shash;
    }
}
