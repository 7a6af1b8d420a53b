/* chronicle — summary: an extractive summary of a story within a word budget.
 * Owns: sentence candidates, concept weights (stemmed word bigrams and
 * content words, weighted by how many articles use them, boosted near the
 * top of an article), budgeted maximum coverage (greedy, then swaps),
 * reading order and the headline. Reads articles only through
 * timeline_int.h's loader and a story's title through chr_story_get;
 * writes nothing. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "chronicle/cluster.h"
#include "chronicle/json.h"
#include "chronicle/text.h"
#include "timeline_int.h"

/* Tunables: one setting for every corpus. */
typedef struct sum_params {
    int min_words, max_words; /* candidate sentence length */
    double unigram;           /* weight of a content word relative to a bigram */
    double lead_bonus;        /* concept weight added per use in an article's lead */
    int lead_sents;           /* sentences that count as the lead */
    double len_pow;           /* greedy: gain / words^len_pow */
    double min_df_frac;       /* concepts need df >= max(2, frac * articles) */
    double pos_decay;         /* sentence prior 1 + pos_weight / (1 + pos * pos_decay) */
    double pos_weight;
    double alpha; /* concept weight (df + lead bonus) ^ alpha */
} sum_params;

/* Sentences tried for a headline that does not repeat a summary line. */
#define HEADLINE_TRIES 8
/* ... each of at least this fraction of the first one's weight alone. */
#define HEADLINE_NEAR 0.7

/* Tuned on the 25 visible DUC 2004 clusters (docs/timeline.md). */
static const sum_params P = {8, 55, 0.2, 0.75, 2, 1.0, 0.3, 1.0, 1.2, 1.0};

/* ---- concepts: a map from 64-bit keys to dense indexes ---- */

typedef struct concept {
    uint64_t key;
    int df;
    int last_doc;
    int lead; /* uses in article leads */
    int unigram;
    double w;
}
concept;

typedef struct cmap {
    uint32_t *slot; /* 1 + index, 0 = empty */
    size_t mask;
    concept *c;
    size_t n, cap;
} cmap;

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static int cmap_grow(cmap *m)
{
    size_t nsz = m->mask ? (m->mask + 1) * 2 : 4096;
    uint32_t *ns = calloc(nsz, sizeof *ns);
    if (!ns)
        return -1;
    for (size_t i = 0; i < m->n; i++) {
        size_t h = mix64(m->c[i].key) & (nsz - 1);
        while (ns[h])
            h = (h + 1) & (nsz - 1);
        ns[h] = (uint32_t)(i + 1);
    }
    free(m->slot);
    m->slot = ns;
    m->mask = nsz - 1;
    return 0;
}

/* Index of key, added when absent; -1 on OOM. */
static long cmap_get(cmap *m, uint64_t key)
{
    if ((m->n + 1) * 2 > m->mask + 1 && cmap_grow(m) != 0)
        return -1;
    size_t h = mix64(key) & m->mask;
    while (m->slot[h]) {
        if (m->c[m->slot[h] - 1].key == key)
            return (long)m->slot[h] - 1;
        h = (h + 1) & m->mask;
    }
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 1024;
        concept *ncpt = realloc(m->c, nc * sizeof *ncpt);
        if (!ncpt)
            return -1;
        m->c = ncpt;
        m->cap = nc;
    }
    concept *c = &m->c[m->n];
    memset(c, 0, sizeof *c);
    c->key = key;
    c->last_doc = -1;
    m->slot[h] = (uint32_t)(m->n + 1);
    return (long)m->n++;
}

static void cmap_free(cmap *m)
{
    free(m->slot);
    free(m->c);
}

/* ---- candidate sentences ---- */

typedef struct cand_s {
    int doc, pos;   /* article index (reading order) and sentence index */
    int words;      /* whitespace-separated words, as ROUGE counts */
    uint32_t *cpt;  /* distinct concept indexes */
    uint32_t *ctok; /* token where each first appears (for a cut sentence) */
    uint32_t n_cpt, n_tok;
    double bonus; /* position prior: its concepts' gain is multiplied by it */
    int chosen;
    int checked, banned; /* site furniture (furniture()) looked up / found */
    int weighty;         /* has a concept of weight > 0 (else no swap takes it) */
    int weak;            /* a fragment, question, lead-in or dangling start: a candidate
                            only when the story has no other (drop_weak) */
    int lead;            /* its article's first candidate sentence (order_opening) */
    uint64_t hash;       /* of its text, to ban every copy at once */
} cand_s;

typedef struct sdoc {
    tl_article a;
} sdoc;

static int count_words(const char *s, size_t n)
{
    int w = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = isspace((unsigned char)s[i]);
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

static int cmp_u64s(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Token ids of a sentence: stemmed content words keep chr_ct ids; stop
 * words and numbers get ids of their own (they count in bigrams). */
typedef struct tok {
    uint32_t id;
    int content;
} tok;

static size_t tokens_of(chr_ct *ct, const char *lang, const char *s, size_t n, tok **buf,
                        size_t *cap)
{
    chr_ct_iter it;
    chr_ct_iter_init(&it, s, n);
    char w[CHR_CT_MAXWORD + 8];
    int wl, numeric;
    size_t k = 0;
    while ((wl = chr_ct_next_word(&it, w, &numeric)) >= 0) {
        if (k == *cap) {
            size_t nc = *cap ? *cap * 2 : 64;
            tok *nb = realloc(*buf, nc * sizeof *nb);
            if (!nb)
                return k;
            *buf = nb;
            *cap = nc;
        }
        uint32_t id = numeric ? 0 : chr_ct_term(ct, lang, w, (size_t)wl);
        (*buf)[k].content = id != 0;
        (*buf)[k].id = id ? id : chr_ct_feature(numeric ? 4 : 3, w, (size_t)wl);
        k++;
    }
    return k;
}

/* Should the sentence stay out of a summary: a question, a lead-in to a
 * list, a fragment (lower-case start), or part of a quotation the splitter
 * cut (unbalanced quotes)? */
/* Opening words that lean on the previous sentence (English; other
 * languages have their own, not listed yet). */
static int dangling_start(const char *s, size_t n)
{
    static const char *const words[] = {"But",   "And",  "Or",    "So",   "Yet",  "However",
                                        "He",    "She",  "It",    "They", "This", "These",
                                        "Those", "That", "Such",  "Its",  "His",  "Her",
                                        "Their", "Also", "Still", "Then", NULL};
    for (const char *const *w = words; *w; w++) {
        size_t k = strlen(*w);
        if (n > k && memcmp(s, *w, k) == 0 && (s[k] == ' ' || s[k] == ','))
            return 1;
    }
    return 0;
}

static int bad_candidate(const char *s, size_t n)
{
    if (!n || s[n - 1] == '?' || s[n - 1] == ':' || (s[0] >= 'a' && s[0] <= 'z'))
        return 1;
    int dq = 0, open = 0, close = 0;
    for (size_t i = 0; i < n; i++) {
        dq += s[i] == '"';
        if (i + 1 < n && s[i] == '`' && s[i + 1] == '`')
            open++;
        if (i + 1 < n && s[i] == '\'' && s[i + 1] == '\'')
            close++;
        if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80) {
            open += (unsigned char)s[i + 2] == 0x9C;  /* left double quotation mark */
            close += (unsigned char)s[i + 2] == 0x9D; /* right double quotation mark */
        }
    }
    return dq % 2 || open != close;
}

/* ---- selection ---- */

typedef struct sumctx {
    cmap cm;
    cand_s *c;
    size_t n, cap;
    unsigned char *covered; /* per concept */
    uint32_t *seen, stamp;  /* per concept: objective_swap's marks */
    size_t *sel;            /* the chosen sentences, ascending (select_budget) */
} sumctx;

static double gain_of(const sumctx *x, const cand_s *c)
{
    double g = 0;
    for (uint32_t i = 0; i < c->n_cpt; i++)
        if (!x->covered[c->cpt[i]])
            g += x->cm.c[c->cpt[i]].w;
    return g * c->bonus;
}

/* The weight of c's concepts on its own, as the first sentence of a summary:
 * how well it states the story. */
static double alone_weight(const sumctx *x, const cand_s *c)
{
    double w = 0;
    for (uint32_t i = 0; i < c->n_cpt; i++)
        w += x->cm.c[c->cpt[i]].w;
    return w * c->bonus;
}

/* Gain of the first `words` words of c (concepts complete within them). */
static double prefix_gain(const sumctx *x, const cand_s *c, int words)
{
    double limit = (double)c->n_tok * words / (c->words ? c->words : 1);
    double g = 0;
    for (uint32_t i = 0; i < c->n_cpt; i++)
        if (!x->covered[c->cpt[i]] && c->ctok[i] < limit)
            g += x->cm.c[c->cpt[i]].w;
    return g * c->bonus;
}

static void cover(sumctx *x, const cand_s *c, int on)
{
    for (uint32_t i = 0; i < c->n_cpt; i++)
        x->covered[c->cpt[i]] = (unsigned char)on;
}

static double objective(sumctx *x)
{
    memset(x->covered, 0, x->cm.n);
    double v = 0;
    for (size_t i = 0; i < x->n; i++) {
        if (!x->c[i].chosen)
            continue;
        v += gain_of(x, &x->c[i]);
        cover(x, &x->c[i], 1);
    }
    return v;
}

/* objective() of the chosen sentences sel[0..k) (ascending) without out and
 * with in (x->n: none), summed in the same order and so to the same bit,
 * but reading only those sentences' concepts: a stamp per concept instead
 * of clearing the whole map (the swaps try every pair; a database's
 * summary has 10^5 candidates). */
static double objective_swap(sumctx *x, const size_t *sel, size_t k, size_t out, size_t in)
{
    if (++x->stamp == 0) { /* wrapped: no stale stamp may match */
        memset(x->seen, 0, x->cm.n * sizeof *x->seen);
        x->stamp = 1;
    }
    double v = 0;
    size_t q = 0;
    for (;;) {
        size_t ci;
        if (in < x->n && (q == k || in < sel[q])) {
            ci = in;
            in = x->n;
        } else if (q < k) {
            ci = sel[q++];
        } else {
            break;
        }
        if (ci == out)
            continue;
        const cand_s *c = &x->c[ci];
        double g = 0;
        for (uint32_t i = 0; i < c->n_cpt; i++)
            if (x->seen[c->cpt[i]] != x->stamp) {
                g += x->cm.c[c->cpt[i]].w;
                x->seen[c->cpt[i]] = x->stamp;
            }
        v += g * c->bonus;
    }
    return v;
}

static void select_budget(sumctx *x, int budget)
{
    int used = 0;
    memset(x->covered, 0, x->cm.n);
    for (;;) {
        double best = 0;
        size_t bi = x->n;
        for (size_t i = 0; i < x->n; i++) {
            cand_s *c = &x->c[i];
            if (c->chosen || c->banned || used + c->words > budget)
                continue;
            double g = gain_of(x, c) / pow((double)c->words, P.len_pow);
            if (g > best) {
                best = g;
                bi = i;
            }
        }
        if (bi == x->n)
            break;
        x->c[bi].chosen = 1;
        cover(x, &x->c[bi], 1);
        used += x->c[bi].words;
    }
    /* swaps: replace one chosen sentence by an unchosen one when the whole
     * summary covers more */
    size_t k = 0;
    for (size_t i = 0; i < x->n; i++)
        if (x->c[i].chosen)
            x->sel[k++] = i;
    double cur = objective_swap(x, x->sel, k, x->n, x->n);
    for (int round = 0; round < 3; round++) {
        int improved = 0;
        for (size_t i = 0; i < x->n; i++) {
            if (!x->c[i].chosen)
                continue;
            for (size_t j = 0; j < x->n; j++) {
                if (x->c[j].chosen || x->c[j].banned || !x->c[j].weighty ||
                    used - x->c[i].words + x->c[j].words > budget)
                    continue;
                double v = objective_swap(x, x->sel, k, i, j);
                if (v > cur + 1e-9) {
                    cur = v;
                    used += x->c[j].words - x->c[i].words;
                    improved = 1;
                    x->c[i].chosen = 0;
                    x->c[j].chosen = 1;
                    size_t m = 0; /* sel without i, with j, ascending */
                    for (size_t q = 0; q < k; q++)
                        if (x->sel[q] != i)
                            x->sel[m++] = x->sel[q];
                    while (m && x->sel[m - 1] > j) {
                        x->sel[m] = x->sel[m - 1];
                        m--;
                    }
                    x->sel[m] = j;
                    break;
                }
            }
        }
        if (!improved)
            break;
    }
    objective(x);
}

/* A sentence that this many independent articles of the database carry
 * word for word is a site's furniture ("Vous devez renseigner un pseudo
 * avant de pouvoir commenter un article.", "Este post es parte de nuestra
 * cobertura especial..."): no summary sentence. */
#define FURNITURE_ARTICLES 3

/* Whether sentence s of n bytes is furniture: a phrase query on the
 * full-text index, near-duplicates counted once. */
static int furniture(sqlite3 *db, const char *s, size_t n)
{
    char *q = malloc(2 * n + 3);
    if (!q)
        return 0;
    size_t k = 0;
    q[k++] = '"';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            q[k++] = '"';
        q[k++] = s[i];
    }
    q[k++] = '"';
    q[k] = '\0';
    sqlite3_stmt *st;
    int count = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT count(*) FROM articles_fts f LEFT JOIN story_article sa"
                           " ON sa.article_id = f.rowid WHERE articles_fts MATCH ?1"
                           " AND sa.duplicate_of IS NULL",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, q, (int)k, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            count = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    free(q);
    return count >= FURNITURE_ARTICLES;
}

/* select_budget, banning a chosen sentence that is site furniture (every
 * copy of it) and selecting again; each sentence is looked up once. */
static void select_unfurnished(sumctx *x, int budget, sqlite3 *db, const sdoc *docs)
{
    for (int round = 0; round < 8; round++) {
        for (size_t i = 0; i < x->n; i++)
            x->c[i].chosen = 0;
        select_budget(x, budget);
        int again = 0;
        for (size_t i = 0; i < x->n; i++) {
            cand_s *c = &x->c[i];
            if (!c->chosen || c->checked)
                continue;
            c->checked = 1;
            const tl_article *a = &docs[c->doc].a;
            if (furniture(db, a->text + a->sents[c->pos].start,
                          a->sents[c->pos].end - a->sents[c->pos].start)) {
                for (size_t j = 0; j < x->n; j++)
                    if (x->c[j].hash == c->hash)
                        x->c[j].banned = x->c[j].checked = 1;
                again = 1;
            }
        }
        if (!again)
            break;
    }
}

/* ---- output ---- */

/* The first `words` words of s, with "..." appended. */
static char *cut_words(const char *s, int words)
{
    const char *p = s;
    int w = 0, in = 0;
    for (; *p; p++) {
        int sp = isspace((unsigned char)*p);
        if (!sp && !in) {
            if (w == words)
                break;
            w++;
        }
        in = !sp;
    }
    size_t n = (size_t)(p - s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    char *out = malloc(n + 4);
    if (!out)
        return NULL;
    memcpy(out, s, n);
    memcpy(out + n, "...", 4);
    return out;
}

/* Whether headline h is line t, but for t's final full stop. */
static int same_line(const char *h, const char *t)
{
    size_t hn = strlen(h), tn = strlen(t);
    while (tn && (t[tn - 1] == '.' || isspace((unsigned char)t[tn - 1])))
        tn--;
    while (hn && (h[hn - 1] == '.' || isspace((unsigned char)h[hn - 1])))
        hn--;
    return hn == tn && memcmp(h, t, hn) == 0;
}

/* A headline from sentence t of article d: d's title, else t whole or
 * shortened where nothing is lost but a detail (chr_headline_clean), else
 * its opening clause with "..." ("Un autre fils de Kadhafi, Khamis..." is no
 * headline without its ellipsis). NULL when out of memory. */
static char *make_headline(const sdoc *d, const char *t)
{
    if (d->a.title && *d->a.title)
        return tl_fold_space(d->a.title, strlen(d->a.title));
    return chr_headline_make(t, strlen(t), CHR_HEADLINE_WORDS);
}

/* How a headline reads, best first: 0 whole (a title, a sentence or its
 * main clause), 1 cut ("..."), 2 a summary line again (read twice). */
static int headline_rank(const chr_summary *s, const char *h)
{
    for (size_t i = 0; i < s->n; i++)
        if (same_line(h, s->sentences[i].text))
            return 2;
    size_t n = strlen(h);
    return n >= 3 && memcmp(h + n - 3, "...", 3) == 0;
}

/* Keep h (ranked rank) when it reads better than *best; frees the other. */
static void headline_offer(char **best, int *best_rank, char *h, int rank)
{
    if (!*best || rank < *best_rank) {
        free(*best);
        *best = h;
        *best_rank = rank;
    } else {
        free(h);
    }
}

static int take_title(void *ctx, const chr_story_info *si)
{
    *(char **)ctx = si->title ? strdup(si->title) : NULL;
    return 1;
}

typedef struct order_ent {
    size_t cand;
    int doc, pos;
    const char *date;
} order_ent;

static int cmp_order(const void *a, const void *b)
{
    const order_ent *x = a, *y = b;
    if (x->date && y->date) {
        int c = strcmp(x->date, y->date);
        if (c)
            return c;
    }
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static void reverse_order(order_ent *o, size_t n)
{
    for (size_t i = 0; i < n / 2; i++) {
        order_ent t = o[i];
        o[i] = o[n - 1 - i];
        o[n - 1 - i] = t;
    }
}

/* The opening. In date order a summary can open on a detail that leans on
 * what it has not said yet ("Reuters Agency first announced Putin's visit
 * to Beijing on March 19.", the fifth sentence of its article). A lead is
 * written to be read first: the earliest chosen lead, followed by its
 * article's other chosen sentences in their order, opens the summary; the
 * rest keep date order. ord is in date order (cmp_order), which keeps an
 * article's sentences together; the cut sentence (extra) opens nothing. */
static void order_opening(const sumctx *x, order_ent *ord, size_t n, size_t extra)
{
    size_t first = 0;
    while (first < n && (!x->c[ord[first].cand].lead || ord[first].cand == extra))
        first++;
    if (first == n || first == 0)
        return;
    size_t end = first;
    while (end < n && ord[end].doc == ord[first].doc)
        end++;
    /* rotate ord[0..end) so that ord[first..end) comes first */
    reverse_order(ord, first);
    reverse_order(ord + first, end - first);
    reverse_order(ord, end);
}

/* Weak candidates (cand_s.weak) leave when the story has any other: a
 * story whose every sentence opens in lower case or leans on the one
 * before (wire items that start "said its unit ...") still gets a summary. */
static void drop_weak(sumctx *x)
{
    size_t strong = 0;
    for (size_t i = 0; i < x->n; i++)
        strong += !x->c[i].weak;
    if (!strong)
        return;
    size_t m = 0;
    for (size_t i = 0; i < x->n; i++) {
        if (x->c[i].weak)
            free(x->c[i].cpt);
        else
            x->c[m++] = x->c[i];
    }
    x->n = m;
}

chr_err chr_summary_build(chr_store *st, int64_t story_id, const chr_summary_opts *opts,
                          chr_summary **out, chr_diag *d)
{
    *out = NULL;
    int budget = opts && opts->words > 0 ? opts->words : 100;
    int truncate = opts ? opts->truncate : 0;
    sqlite3 *db = chr_store_sqlite(st);
    int64_t *ids = NULL;
    size_t n_ids = 0;
    int64_t asked = story_id;
    story_id = tl_story_now(db, story_id); /* merged into another: that one now */
    chr_err e = tl_story_articles(db, story_id, &ids, &n_ids);
    if (e == CHR_OK && story_id && !n_ids)
        e = CHR_ENOTFOUND;
    if (e)
        return chr_diag_set(d, e, "", 0, -1, story_id ? "no story %lld" : "no articles",
                            (long long)asked);
    sdoc *docs = calloc(n_ids ? n_ids : 1, sizeof *docs);
    tl_loader *l = NULL;
    chr_ct *ct = chr_ct_new();
    sumctx x;
    memset(&x, 0, sizeof x);
    tok *tb = NULL;
    size_t tcap = 0;
    chr_summary *s = NULL;
    order_ent *ord = NULL;
    if (!docs || !ct || tl_loader_open(db, &l) != CHR_OK) {
        e = CHR_ENOMEM;
        goto done;
    }
    size_t nd = 0;
    for (size_t i = 0; i < n_ids; i++) {
        if (tl_article_load(l, ids[i], 0, &docs[nd].a) != CHR_OK)
            continue;
        /* a near-duplicate counts once: as its canonical article */
        if (docs[nd].a.dup_of) {
            tl_article_free(&docs[nd].a);
            continue;
        }
        nd++;
    }
    /* concepts and candidates */
    for (size_t di = 0; di < nd; di++) {
        const tl_article *a = &docs[di].a;
        int first_cand = 1;
        for (size_t si = 0; si < a->n_sents; si++) {
            const char *t = a->text + a->sents[si].start;
            size_t tn = a->sents[si].end - a->sents[si].start;
            size_t nt = tokens_of(ct, a->lang, t, tn, &tb, &tcap);
            int words = count_words(t, tn);
            int is_cand = words >= P.min_words && words <= P.max_words;
            int weak = is_cand && (bad_candidate(t, tn) || dangling_start(t, tn));
            uint64_t *cp = NULL; /* concept << 32 | token */
            uint32_t ncp = 0;
            if (is_cand && !(cp = malloc((2 * nt + 1) * sizeof *cp))) {
                e = CHR_ENOMEM;
                goto done;
            }
            for (size_t k = 0; k < nt; k++) {
                for (int kind = 0; kind < 2; kind++) {
                    uint64_t key;
                    if (kind == 0) { /* bigram, unless two stop words */
                        if (k + 1 >= nt || (!tb[k].content && !tb[k + 1].content))
                            continue;
                        key = ((uint64_t)tb[k].id << 32) | tb[k + 1].id;
                    } else { /* content word */
                        if (!tb[k].content)
                            continue;
                        key = tb[k].id;
                    }
                    long ci = cmap_get(&x.cm, key);
                    if (ci < 0) {
                        free(cp);
                        e = CHR_ENOMEM;
                        goto done;
                    }
                    concept *c = &x.cm.c[ci];
                    c->unigram = kind;
                    if (c->last_doc != (int)di) {
                        c->df++;
                        c->last_doc = (int)di;
                    }
                    if ((int)si < P.lead_sents)
                        c->lead++;
                    if (cp)
                        cp[ncp++] = ((uint64_t)ci << 32) | (uint32_t)(k + (kind == 0));
                }
            }
            if (!is_cand)
                continue;
            qsort(cp, ncp, sizeof *cp, cmp_u64s);
            uint32_t u = 0;
            for (uint32_t k = 0; k < ncp; k++)
                if (!u || (cp[u - 1] >> 32) != (cp[k] >> 32))
                    cp[u++] = cp[k];
            uint32_t *cids = malloc((u ? u : 1) * 2 * sizeof *cids);
            if (!cids) {
                free(cp);
                e = CHR_ENOMEM;
                goto done;
            }
            for (uint32_t k = 0; k < u; k++) {
                cids[k] = (uint32_t)(cp[k] >> 32);
                cids[u + k] = (uint32_t)cp[k];
            }
            free(cp);
            if (x.n == x.cap) {
                size_t nc = x.cap ? x.cap * 2 : 256;
                cand_s *ncand = realloc(x.c, nc * sizeof *ncand);
                if (!ncand) {
                    free(cids);
                    e = CHR_ENOMEM;
                    goto done;
                }
                x.c = ncand;
                x.cap = nc;
            }
            cand_s *c = &x.c[x.n++];
            c->doc = (int)di;
            c->pos = (int)si;
            c->words = words;
            c->cpt = cids;
            c->ctok = cids + u;
            c->n_cpt = u;
            c->n_tok = (uint32_t)nt;
            c->bonus = 1.0 + P.pos_weight / (1.0 + si * P.pos_decay);
            c->chosen = 0;
            c->checked = c->banned = 0;
            c->weak = weak;
            c->lead = first_cand;
            first_cand = 0;
            c->hash = XXH3_64bits(t, tn);
        }
    }
    drop_weak(&x);
    int min_df = (int)ceil(P.min_df_frac * (double)nd);
    if (min_df < 2)
        min_df = 2;
    if (nd < 3)
        min_df = 1;
    x.covered = calloc(x.cm.n ? x.cm.n : 1, 1);
    x.seen = calloc(x.cm.n ? x.cm.n : 1, sizeof *x.seen);
    x.sel = malloc((x.n ? x.n : 1) * sizeof *x.sel);
    if (!x.covered || !x.seen || !x.sel) {
        e = CHR_ENOMEM;
        goto done;
    }
    /* When the concepts so weighted run out before the budget does (a whole
     * database: 30% of Reuters' 19,000 articles leaves "said", "mln dlrs"
     * and two more), the threshold halves, down to 2, until they last. */
    int used = 0;
    for (;;) {
        for (size_t i = 0; i < x.cm.n; i++) {
            concept *c = &x.cm.c[i];
            c->w = c->df >= min_df ? pow(c->df + P.lead_bonus * c->lead, P.alpha) : 0;
            if (c->unigram)
                c->w *= P.unigram;
        }
        for (size_t i = 0; i < x.n; i++) {
            x.c[i].weighty = 0;
            for (uint32_t k = 0; k < x.c[i].n_cpt && !x.c[i].weighty; k++)
                x.c[i].weighty = x.cm.c[x.c[i].cpt[k]].w > 0;
        }
        select_unfurnished(&x, budget, db, docs);
        used = 0;
        for (size_t i = 0; i < x.n; i++)
            used += x.c[i].chosen ? x.c[i].words : 0;
        int fits = 0; /* left out for want of weight, not of room */
        for (size_t i = 0; i < x.n && !fits; i++)
            fits = !x.c[i].chosen && !x.c[i].banned && x.c[i].words <= budget - used;
        if (!fits || min_df <= 2)
            break;
        min_df = min_df / 2 > 2 ? min_df / 2 : 2;
    }
    /* fill the budget with the start of one more sentence, as ROUGE's -l does */
    size_t extra = x.n;
    if (truncate && used < budget) {
        double best = -1; /* fill the budget even when nothing new is left to cover */
        for (size_t i = 0; i < x.n; i++) {
            if (x.c[i].chosen || x.c[i].banned)
                continue;
            double g = prefix_gain(&x, &x.c[i], budget - used);
            if (g > best) {
                best = g;
                extra = i;
            }
        }
    }
    /* reading order: by publication date when every article has a stated one,
     * else by article order, then by position */
    size_t nsel = 0;
    for (size_t i = 0; i < x.n; i++)
        nsel += x.c[i].chosen || i == extra;
    ord = calloc(nsel ? nsel : 1, sizeof *ord);
    s = calloc(1, sizeof *s);
    tl_pool *pv = calloc(1, sizeof *pv);
    if (s)
        s->priv = pv;
    if (!ord || !s || !pv) {
        if (!s)
            free(pv);
        e = CHR_ENOMEM;
        goto done;
    }
    int dated = 1;
    for (size_t i = 0; i < nd; i++)
        if (!docs[i].a.pub_date)
            dated = 0;
    size_t k = 0;
    for (size_t i = 0; i < x.n; i++) {
        if (!(x.c[i].chosen || i == extra))
            continue;
        ord[k].cand = i;
        ord[k].doc = x.c[i].doc;
        ord[k].pos = x.c[i].pos;
        ord[k].date = dated ? docs[x.c[i].doc].a.pub_date : NULL;
        k++;
    }
    qsort(ord, nsel, sizeof *ord, cmp_order);
    order_opening(&x, ord, nsel, extra);
    /* the cut sentence goes last so that the cut is at the end */
    for (size_t i = 0; i + 1 < nsel; i++)
        if (ord[i].cand == extra) {
            order_ent t = ord[i];
            memmove(&ord[i], &ord[i + 1], (nsel - i - 1) * sizeof *ord);
            ord[nsel - 1] = t;
            break;
        }
    s->sentences = calloc(nsel ? nsel : 1, sizeof *s->sentences);
    if (!s->sentences) {
        e = CHR_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < nsel; i++) {
        const cand_s *c = &x.c[ord[i].cand];
        const tl_article *a = &docs[c->doc].a;
        char *t = tl_fold_space(a->text + a->sents[c->pos].start,
                                a->sents[c->pos].end - a->sents[c->pos].start);
        if (t && ord[i].cand == extra) {
            char *cut = cut_words(t, budget - used);
            free(t);
            t = cut;
        }
        const char *kept = tl_pool_take(pv, t);
        if (!kept) {
            e = CHR_ENOMEM;
            goto done;
        }
        chr_summary_sentence *ss = &s->sentences[s->n];
        s->n++;
        ss->article_id = a->id;
        ss->article = tl_pool_take(pv, strdup(tl_article_name(a)));
        ss->text = kept;
        s->words += count_words(kept, strlen(kept));
    }
    /* the headline: the story's title as `stories` shows it (the most
     * central headline, else first sentence); then, from the most important
     * sentence on (the most concept weight on its own; the chosen ones
     * first, then all: the story keeps its headline whatever the budget),
     * its article's title or the sentence made a headline. The first that
     * reads whole and repeats no summary line wins; else the best read
     * (headline_rank), the earliest among equals. */
    char *head = NULL;
    int head_rank = 3;
    if (!e && story_id) {
        char *title = NULL;
        chr_diag ignored;
        chr_diag_clear(&ignored);
        if (chr_story_get(st, story_id, take_title, &title, &ignored) == CHR_OK && title && *title)
            headline_offer(&head, &head_rank, title, headline_rank(s, title));
        else
            free(title);
    }
    size_t tried[HEADLINE_TRIES];
    int n_tried = 0;
    double first_alone = 0;
    while (!e && head_rank > 0 && n_tried < HEADLINE_TRIES) {
        size_t top = x.n;
        double best_alone = -1;
        int among_chosen = (size_t)n_tried < (s->n ? s->n : 0);
        for (size_t q = 0; q < (among_chosen ? s->n : x.n); q++) {
            size_t ci = among_chosen ? ord[q].cand : q;
            int seen = ci == extra || (!among_chosen && x.c[ci].banned);
            for (int t = 0; t < n_tried && !seen; t++)
                seen = tried[t] == ci;
            if (seen)
                continue;
            double alone = alone_weight(&x, &x.c[ci]);
            if (alone > best_alone) {
                best_alone = alone;
                top = ci;
            }
        }
        if (top == x.n)
            break;
        /* a headline tells the story's main point: no detail of much less
         * weight ("Truck sales totaled 8,558 in February" for a story of
         * Chrysler's output) beats the main sentence cut short (one that
         * only repeats a summary line still gives way) */
        if (n_tried == 0)
            first_alone = best_alone;
        else if (best_alone < HEADLINE_NEAR * first_alone && head_rank <= 1)
            break;
        tried[n_tried++] = top;
        const tl_article *a = &docs[x.c[top].doc].a;
        char *ht = tl_fold_space(a->text + a->sents[x.c[top].pos].start,
                                 a->sents[x.c[top].pos].end - a->sents[x.c[top].pos].start);
        char *h = ht ? make_headline(&docs[x.c[top].doc], ht) : NULL;
        free(ht);
        if (!h) {
            e = CHR_ENOMEM;
            break;
        }
        headline_offer(&head, &head_rank, h, headline_rank(s, h));
    }
    /* no sentence could be a candidate (every one too short or too long):
     * the first article's title, else its first sentence */
    for (size_t i = 0; !e && !head && i < nd; i++) {
        const tl_article *a = &docs[i].a;
        if ((a->title && *a->title) || a->n_sents) {
            char *ht = a->n_sents ? tl_fold_space(a->text + a->sents[0].start,
                                                  a->sents[0].end - a->sents[0].start)
                                  : NULL;
            head = make_headline(&docs[i], ht ? ht : "");
            free(ht);
            if (!head)
                e = CHR_ENOMEM;
        }
    }
    if (!e) {
        s->headline = tl_pool_take(pv, head ? head : strdup(""));
        if (!s->headline)
            e = CHR_ENOMEM;
    } else {
        free(head);
    }
done:
    for (size_t i = 0; i < x.n; i++)
        free(x.c[i].cpt);
    free(x.c);
    free(x.covered);
    free(x.seen);
    free(x.sel);
    cmap_free(&x.cm);
    free(tb);
    free(ord);
    if (docs)
        for (size_t i = 0; i < n_ids; i++)
            tl_article_free(&docs[i].a);
    free(docs);
    free(ids);
    tl_loader_close(l);
    chr_ct_free(ct);
    if (e) {
        chr_summary_free(s);
        return chr_diag_set(d, e, "", 0, -1, "summary: %s", chr_strerror(e));
    }
    *out = s;
    return CHR_OK;
}

void chr_summary_free(chr_summary *s)
{
    if (!s)
        return;
    tl_pool *pv = s->priv;
    if (pv) {
        tl_pool_free(pv);
        free(pv);
    }
    free(s->sentences);
    free(s);
}

void chr_summary_write_json(const chr_summary *s, chr_json *j)
{
    chr_json_begin_object(j);
    chr_json_kstring(j, "headline", s->headline);
    size_t len = 0;
    for (size_t i = 0; i < s->n; i++)
        len += strlen(s->sentences[i].text) + 1;
    char *text = malloc(len + 1);
    if (text) {
        size_t k = 0;
        for (size_t i = 0; i < s->n; i++) {
            size_t n = strlen(s->sentences[i].text);
            memcpy(text + k, s->sentences[i].text, n);
            k += n;
            if (i + 1 < s->n)
                text[k++] = '\n';
        }
        text[k] = '\0';
    }
    chr_json_kstring(j, "summary", text ? text : "");
    free(text);
    chr_json_key(j, "sentences");
    chr_json_begin_array(j);
    for (size_t i = 0; i < s->n; i++) {
        chr_json_begin_object(j);
        chr_json_kstring(j, "article", s->sentences[i].article);
        chr_json_kstring(j, "text", s->sentences[i].text);
        chr_json_end_object(j);
    }
    chr_json_end_array(j);
    chr_json_end_object(j);
}
