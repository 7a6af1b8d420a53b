/* chronicle — pipeline: inputs → articles → documents → annotations → store.
 * Owns: the folder walk, the prescan of a batch (the sites' furniture), the
 * transactions (every 1,000 records or second, holding the database's
 * writer lock), the order of the stages for one article, and the reporting
 * of problems; the records the prescan keeps for the ingest are
 * pipeline_ahead.c's. Each stage is called through its module's public
 * API; nothing here reaches back upstream. */
#include "chronicle/pipeline.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <sqlite3.h>

#include "chronicle/cluster.h"
#include "chronicle/entity.h"
#include "chronicle/ingest.h"
#include "chronicle/timeline.h"
#include "civil.h"
#include "pipeline_int.h"

/* Short paragraphs of the batch being ingested (see prescan): for each,
 * how many of the batch's new articles carry it and how many stored
 * articles did before the batch. Open addressing, hash 0 marks a free slot. */
typedef struct line_slot {
    uint64_t hash;
    uint32_t batch, prior;
} line_slot;

typedef struct line_tab {
    line_slot *v;
    size_t n, cap; /* cap a power of two, or 0 */
} line_tab;

struct chr_pipeline {
    chr_store *st;
    line_tab lines;        /* empty unless a prescan ran */
    line_tab docs;         /* the prescan's contents (hash only), each counted once */
    size_t prescan_stored; /* articles the prescan found stored already */
    chr_ahead *ahead;      /* the records the prescan read, for the ingest; or NULL */
    chr_ner *ner;          /* entity tagger, loaded once */
    chr_cluster *cl;       /* story clustering state */
    chr_tl_updater *tl;    /* story timelines, opened on first use */
    chr_report_fn report;
    void *report_ctx;
    chr_progress_fn progress;
    void *progress_ctx;
    chr_duplicate_fn duplicate;
    void *duplicate_ctx;
    long long total_bytes;
    const volatile sig_atomic_t *stop; /* chr_pipeline_set_stop, or NULL */
};

chr_err chr_pipeline_open(chr_store *st, chr_pipeline **out, chr_diag *d)
{
    chr_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return chr_diag_set(d, CHR_ENOMEM, NULL, 0, -1, NULL);
    p->st = st;
    /* the writer lock first: the story step's model is loaded under it */
    chr_err e = chr_store_lock_writer(st, 0, d);
    if (e) {
        free(p);
        return e;
    }
    e = chr_ner_open(&p->ner, d);
    if (e == CHR_OK)
        e = chr_cluster_open(st, NULL, &p->cl, d);
    if (e) {
        chr_ner_close(p->ner);
        chr_store_unlock_writer(st);
        free(p);
        return e;
    }
    *out = p;
    return CHR_OK;
}

void chr_pipeline_close(chr_pipeline *p)
{
    if (!p)
        return;
    free(p->lines.v);
    free(p->docs.v);
    chr_ner_close(p->ner);
    chr_cluster_close(p->cl, NULL);
    chr_tl_updater_close(p->tl);
    chr_store_unlock_writer(p->st);
    free(p);
}

chr_err chr_annotate_entities(const chr_ner *ner, const char *text, size_t len,
                              const chr_span *sents, size_t n_sents, const char *lang,
                              const chr_timex *tx, size_t ntx, chr_entities *out, size_t **sent_idx)
{
    *sent_idx = NULL;
    chr_err e = chr_ner_tag(ner, text, len, sents, n_sents, lang, out);
    if (e)
        return e;
    if (ntx) {
        chr_span *sp = malloc(ntx * sizeof *sp);
        if (!sp) {
            chr_entities_free(out);
            return CHR_ENOMEM;
        }
        for (size_t i = 0; i < ntx; i++)
            sp[i] = (chr_span){tx[i].start, tx[i].end};
        chr_entities_drop_spans(out, sp, ntx);
        free(sp);
    }
    size_t *idx = malloc((out->n_mentions ? out->n_mentions : 1) * sizeof *idx);
    if (!idx) {
        chr_entities_free(out);
        return CHR_ENOMEM;
    }
    size_t s = 0;
    for (size_t i = 0; i < out->n_mentions; i++) {
        while (s + 1 < n_sents && sents[s].end <= out->mentions[i].start)
            s++;
        idx[i] = s;
    }
    *sent_idx = idx;
    return CHR_OK;
}

void chr_pipeline_on_report(chr_pipeline *p, chr_report_fn fn, void *ctx)
{
    p->report = fn;
    p->report_ctx = ctx;
}

void chr_pipeline_on_progress(chr_pipeline *p, chr_progress_fn fn, void *ctx)
{
    p->progress = fn;
    p->progress_ctx = ctx;
}

void chr_pipeline_on_duplicate(chr_pipeline *p, chr_duplicate_fn fn, void *ctx)
{
    p->duplicate = fn;
    p->duplicate_ctx = ctx;
}

static void report(chr_pipeline *p, chr_ingest_stats *s, const chr_diag *d, int warning)
{
    if (warning) {
        s->warnings++;
    } else {
        s->errors++;
        chr_store_log_error(p->st, d); /* best effort: kept for later listing */
    }
    if (p->report)
        p->report(p->report_ctx, d, warning);
}

/* Report d, a problem with article a from any stage, at the place a was
 * read from ("path:LINE:" for a JSON Lines record, "path@OFFSET:" for a
 * WARC record: the reader's own form), whatever file the stage named: the
 * article's source ("path#LINE", which stays the article's name in the
 * store) or none. A stage that named another file (the database) keeps
 * that name at the head of the reason. */
static void report_article(chr_pipeline *p, chr_ingest_stats *s, chr_diag *d, const chr_article *a,
                           int warning)
{
    char other[sizeof d->file] = "";
    if (d->file[0] && strcmp(d->file, a->source ? a->source : "-") != 0)
        memcpy(other, d->file, sizeof other);
    chr_article_locate(a, d);
    if (!d->msg[0])
        snprintf(d->msg, sizeof d->msg, "%s", chr_strerror(d->code));
    if (other[0] && strcmp(other, d->file) != 0) {
        char msg[sizeof d->msg];
        memcpy(msg, d->msg, sizeof msg);
        snprintf(d->msg, sizeof d->msg, "%.200s: %.300s", other, msg);
    }
    report(p, s, d, warning);
}

/* Append tx[0..nt) (offsets into text + base) to *all / *idx as sentence
 * si's; grows both. */
static chr_err push_timexes(chr_timex **all, size_t **idx, size_t *na, size_t *cap,
                            const chr_timex *tx, size_t nt, size_t base, size_t si)
{
    if (*na + nt > *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        while (nc < *na + nt)
            nc *= 2;
        chr_timex *na_ = realloc(*all, nc * sizeof *na_);
        if (!na_)
            return CHR_ENOMEM;
        *all = na_;
        size_t *ni = realloc(*idx, nc * sizeof *ni);
        if (!ni)
            return CHR_ENOMEM;
        *idx = ni;
        *cap = nc;
    }
    for (size_t k = 0; k < nt; k++) {
        (*all)[*na] = tx[k];
        (*all)[*na].start += base;
        (*all)[*na].end += base;
        (*idx)[(*na)++] = si;
    }
    return CHR_OK;
}

/* The dates of sentence si read with the sentence before it as context
 * that the sentence alone did not give: the anaphors "the next day", "la
 * veille", "al día siguiente", "quel giorno", "l'année précédente" take
 * that sentence's date. Those overlapping a date of the sentence alone are
 * not taken (a time of day keeps the day the sentence alone gives it),
 * unless the context read them from its date (CHR_TIMEX_ANCHORED) and the
 * sentence alone from the reference date ("Two years later" after "in
 * 2009", "The previous week's M-1" after "in the February 23 week"): those
 * replace it. The sentence's dates all[own_from..*na) stay sorted by
 * start. */
static chr_err context_dates(const char *text, const chr_span *sents, size_t from_sent, size_t si,
                             const chr_date *ref, const char *lang, chr_timex **all, size_t **idx,
                             size_t *na, size_t *cap, size_t own_from)
{
    size_t from = sents[from_sent].start;
    chr_timex *tx = NULL;
    size_t nt = 0;
    chr_err e = chr_time_tag(text + from, sents[si].end - from, ref, lang, &tx, &nt);
    size_t k = 0;
    for (size_t j = 0; !e && j < nt; j++) {
        size_t s0 = tx[j].start + from, e0 = tx[j].end + from;
        if (s0 < sents[si].start)
            continue;
        int overlap = 0, anchored = 0;
        for (size_t o = own_from; o < *na; o++)
            if ((*all)[o].start < e0 && s0 < (*all)[o].end) {
                overlap = 1;
                anchored |= ((*all)[o].flags & CHR_TIMEX_ANCHORED) != 0;
            }
        if (overlap && (anchored || !(tx[j].flags & CHR_TIMEX_ANCHORED)))
            continue;
        size_t w = own_from; /* drop the sentence alone's reading */
        for (size_t o = own_from; o < *na; o++)
            if (!((*all)[o].start < e0 && s0 < (*all)[o].end))
                (*all)[w++] = (*all)[o];
        *na = w;
        tx[k++] = tx[j];
    }
    if (!e && k)
        e = push_timexes(all, idx, na, cap, tx, k, from, si);
    free(tx);
    for (size_t i = own_from + 1; !e && i < *na; i++) {
        chr_timex t = (*all)[i];
        size_t j = i;
        for (; j > own_from && (*all)[j - 1].start > t.start; j--)
            (*all)[j] = (*all)[j - 1];
        (*all)[j] = t;
    }
    return e;
}

/* Sentences back that the context pass reads at most. */
#define CONTEXT_MAX 3

/* Whether x[from..to) holds a date or a time; with lengths too ("Two days
 * later", which the time module counts on from), a length. */
static int has_day(const chr_timex *x, size_t from, size_t to, int lengths)
{
    for (size_t i = from; i < to; i++)
        if (x[i].type == CHR_TIMEX_DATE || x[i].type == CHR_TIMEX_TIME ||
            (lengths && x[i].type == CHR_TIMEX_DURATION))
            return 1;
    return 0;
}

/* Whether the time grammar of lang reads a day from the date before it
 * ("the next day", "la veille", "il giorno dopo"); German and the rest
 * skip the context pass. */
static int reads_anaphors(const char *lang)
{
    static const char *const L[] = {"en", "fr", "es", "it", "pt", "ca", "ro", NULL};
    for (const char *const *l = L; lang && *l; l++)
        if (strncmp(lang, *l, 2) == 0)
            return 1;
    return 0;
}

/* Whether sentence si is a comment's or a post's stamp below the article
 * ("Vostro commento 3 luglio 2013 | 22:40 - giovanni56", "A Parigoth en
 * réponse au commentaire de Frispitch | 4 août 2013 10h02 |"): a word of
 * comments, a day with its year and a time after it among its dates
 * all[from..to), a bar, few words, the day in the two months after the
 * publication day; *day set. The text below it is written that day
 * ("Stasera è finita"). */
static int post_stamp(const char *text, const chr_span *sent, const chr_timex *all, size_t from,
                      size_t to, const chr_date *ref, chr_date *day)
{
    static const char *const COMMENT[] = {
        "comment", "coment",   "risposta", "r\xc3\xa9ponse", "respuesta",    "resposta", "reply",
        "replied", "rispondi", "posted",   "postato",        "post\xc3\xa9", "postado",  NULL};
    size_t n = sent->end - sent->start, words = 0;
    const char *s = text + sent->start;
    for (size_t k = 0; k < n; k++)
        words += s[k] != ' ' && (k == 0 || s[k - 1] == ' ');
    if (!memchr(s, '|', n) || words > 20)
        return 0; /* a header's bar ("Commentators expect the vote on 5 July
                   * 2013 at 10:00" is news) */
    int said = 0; /* a comment's, not a live page's "Mis à jour" */
    for (const char *const *w = COMMENT; *w && !said; w++)
        for (size_t k = 0; k + strlen(*w) <= n && !said; k++)
            said = !strncasecmp(s + k, *w, strlen(*w));
    if (!said)
        return 0;
    for (size_t i = from; i < to; i++) {
        chr_date d;
        if (all[i].type != CHR_TIMEX_DATE || strlen(all[i].value) != 10 ||
            !chr_date_parse(all[i].value, &d))
            continue;
        int year = 0;
        for (size_t k = all[i].start; k + 4 <= all[i].end && !year; k++)
            year = !memcmp(text + k, all[i].value, 4);
        long off = chr_civil_days(d.year, d.month, d.day) -
                   chr_civil_days(ref->year, ref->month, ref->day);
        if (!year || off < 0 || off > 60)
            continue;
        for (size_t j = from; j < to; j++)
            if (all[j].type == CHR_TIMEX_TIME && all[j].start > all[i].start) {
                *day = d;
                return 1;
            }
    }
    return 0;
}

chr_err chr_annotate_dates(const char *text, size_t len, const chr_span *sents, size_t n_sents,
                           const chr_date *ref, const char *lang, chr_timex **out,
                           size_t **sent_idx, size_t *n)
{
    chr_timex *all = NULL;
    size_t *idx = NULL;
    size_t na = 0, cap = 0;
    *out = NULL;
    *sent_idx = NULL;
    *n = 0;
    /* the context of a sentence after a dated one: from the last sentence
     * dated on its own, so that a chain ("on May 3 ... The next day ...
     * The following day ...") counts on from each day it reads */
    size_t last_own = SIZE_MAX;
    int prev_dated = 0;
    int anaphors = reads_anaphors(lang);
    chr_date post;
    const chr_date *sref = ref; /* the day the sentence was written */
    for (size_t i = 0; i < n_sents; i++) {
        chr_timex *tx = NULL;
        size_t nt = 0, own_from = na;
        chr_err e = chr_time_tag(text + sents[i].start, sents[i].end - sents[i].start, sref, lang,
                                 &tx, &nt);
        if (!e)
            e = push_timexes(&all, &idx, &na, &cap, tx, nt, sents[i].start, i);
        free(tx);
        int own_dated = has_day(all, own_from, na, 0);
        if (!e && anaphors && prev_dated && last_own != SIZE_MAX && i - last_own <= CONTEXT_MAX)
            e = context_dates(text, sents, last_own, i, sref, lang, &all, &idx, &na, &cap,
                              own_from);
        if (!e && ref && i >= 3 && post_stamp(text, &sents[i], all, own_from, na, ref, &post))
            sref = &post;
        if (e) {
            free(all);
            free(idx);
            return e;
        }
        if (own_dated)
            last_own = i;
        prev_dated = has_day(all, own_from, na, 1);
    }
    na = chr_time_fix_document(text, len, ref, all, na);
    /* the pass may drop dates: their sentences again */
    for (size_t i = 0, si = 0; i < na; i++) {
        while (si + 1 < n_sents && sents[si].end <= all[i].start)
            si++;
        idx[i] = si;
    }
    chr_time_anchor_lengths(text, len, all, na, idx);
    *out = all;
    *sent_idx = idx;
    *n = na;
    return CHR_OK;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long days_of(const chr_date *dt)
{
    return chr_civil_days(dt->year, dt->month, dt->day);
}

typedef struct span_ctx {
    char first[11], last[11];
} span_ctx;

static int copy_span(void *ctx, const chr_story_info *si)
{
    span_ctx *c = ctx;
    memcpy(c->first, si->first, sizeof c->first);
    memcpy(c->last, si->last, sizeof c->last);
    return 0;
}

/* An article without a firm publication date (none, or inferred with low
 * confidence) is placed by its story: articles of one story are published
 * close together. The month and day come from the inference or from the
 * dateline ("VAROS, September 23"), the year from the story's dated span;
 * with neither, the story's latest date stands in. Returns 1 and updates
 * *ref when the reference date changes, 0 when it stands (the inference
 * agrees with the story), -1 when the story has no dated article. */
static chr_date next_day(chr_date d)
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    if (++d.day > len[d.month - 1] + (d.month == 2 && leap)) {
        d.day = 1;
        if (++d.month > 12) {
            d.month = 1;
            d.year++;
        }
    }
    return d;
}

/* An undated article placed after its story's last day l: it reports the
 * story's latest news, so the days it names by weekday ("welcomed on
 * Monday", "to be signed on Tuesday"; past or future as its tenses say)
 * fall inside the story's span (from a few days before its first day, lo,
 * to a week after the day it was written) and close to l. Of l and the six
 * days after, the first that puts them there closest to l. */
static chr_date by_weekdays(const chr_doc *doc, const chr_date *l, long lo)
{
    chr_timex *tx = NULL;
    size_t n = 0, nw = 0;
    size_t *at = NULL; /* start offsets of the weekday expressions */
    if (chr_time_tag(doc->clean, doc->clean_len, NULL, doc->lang, &tx, &n) == CHR_OK && n &&
        (at = malloc(n * sizeof *at)) != NULL)
        for (size_t i = 0; i < n; i++) {
            int w = 0;
            if ((tx[i].type == CHR_TIMEX_DATE || tx[i].type == CHR_TIMEX_TIME) &&
                sscanf(tx[i].value, "XXXX-WXX-%d", &w) == 1 && w >= 1 && w <= 7)
                at[nw++] = tx[i].start;
        }
    free(tx);
    chr_date best = *l, d = *l;
    double best_score = 0;
    long hl = days_of(l);
    for (int k = 0; nw && k < 7; k++, d = next_day(d)) {
        tx = NULL;
        n = 0;
        if (chr_time_tag(doc->clean, doc->clean_len, &d, doc->lang, &tx, &n) != CHR_OK) {
            free(tx);
            break;
        }
        long pd = days_of(&d);
        double score = 0;
        for (size_t i = 0, j = 0; i < n && j < nw; i++) {
            while (j < nw && at[j] < tx[i].start)
                j++;
            chr_date r;
            if (j == nw || at[j] != tx[i].start || !chr_date_parse(tx[i].value, &r) || !r.day)
                continue;
            long rd = days_of(&r);
            score -= rd < lo - 3 || rd > pd + 7 ? 1000 : (double)(rd > hl ? rd - hl : hl - rd);
        }
        free(tx);
        if (k == 0 || score > best_score) {
            best_score = score;
            best = d;
        }
    }
    free(at);
    return best;
}

/* The first date with a day and a written year in s (NULL: none). */
static int full_date_in(const char *s, const char *lang, chr_date *out)
{
    if (!s)
        return 0;
    chr_timex *tx = NULL;
    size_t n = 0;
    int ok = 0;
    if (chr_time_tag(s, strlen(s), NULL, lang, &tx, &n) == CHR_OK)
        for (size_t i = 0; i < n && !ok; i++)
            ok = (tx[i].type == CHR_TIMEX_DATE || tx[i].type == CHR_TIMEX_TIME) &&
                 chr_date_parse(tx[i].value, out) && out->year && out->day;
    free(tx);
    return ok;
}

/* The day the page states it was published: its publication stamp
 * ("Publié le 18 mai 2011 à 22h07"), else its dateline when that has a year
 * ("Milano, 12 marzo 2013 -"). */
static int stamp_date(const chr_doc *doc, chr_date *out)
{
    return full_date_in(doc->stamp, doc->lang, out) ||
           full_date_in(doc->dateline_date, doc->lang, out);
}

static int anchor_to_story(chr_pipeline *p, int64_t story, const chr_doc *doc, chr_date *ref,
                           double *conf)
{
    span_ctx sp = {{0}, {0}};
    chr_date f, l;
    if (story <= 0 || chr_story_get(p->st, story, copy_span, &sp, NULL) != CHR_OK ||
        !chr_date_parse(sp.first, &f) || !chr_date_parse(sp.last, &l) || !f.day || !l.day)
        return -1;
    /* month/day: the dateline states it; else the inference's, when the
     * story's span explains it (a few days before its first article to a
     * week after its last) */
    int month = 0, day = 0;
    long lo = days_of(&f), hi = days_of(&l);
    if (doc->dateline_date) {
        chr_timex *tx = NULL;
        size_t n = 0;
        if (chr_time_tag(doc->dateline_date, strlen(doc->dateline_date), &l, doc->lang, &tx, &n) ==
                CHR_OK &&
            n > 0) {
            chr_date dd;
            if (tx[0].type == CHR_TIMEX_DATE && chr_date_parse(tx[0].value, &dd) && dd.day) {
                month = dd.month;
                day = dd.day;
            }
        }
        free(tx);
    }
    chr_date best = !month ? by_weekdays(doc, &l, lo) : l;
    double c = 0.3;
    if (!month && ref->year && ref->month && ref->day) {
        long r = days_of(ref);
        if (r >= lo - 14 && r <= hi + 7)
            return 0; /* the inference agrees with the story */
    }
    if (month) {
        long bestd = -1;
        for (int y = l.year - 1; y <= l.year + 1; y++) {
            chr_date cand = {y, month, day};
            long dd = days_of(&cand);
            long dist = dd < lo ? lo - dd : dd > hi ? dd - hi : 0;
            if (bestd < 0 || dist < bestd) {
                bestd = dist;
                best = cand;
            }
        }
        if (bestd > 60)
            best = l; /* the story does not explain the dateline */
        else
            c = 0.7;
    }
    if (best.year == ref->year && best.month == ref->month && best.day == ref->day)
        return 0;
    *ref = best;
    *conf = c;
    return 1;
}

/* A publication date inferred from the text alone stands without a dated
 * story-mate only when this sure: a dateline or a page's stamp. Read from the
 * other dates of a text (a year it names, a day it announces) it was right
 * within two days for 0-18% of 1,300 ML-Crisis and 3,000 Reuters articles
 * ingested without their dates, and a wrong publication date misdates every
 * "yesterday" and "on Friday" of the article. */
#define INFER_FIRM 0.9

/* Date annotations of a stored article against ref, replacing any stored. */
static chr_err store_dates(chr_pipeline *p, int64_t id, const chr_doc *doc, const chr_date *ref,
                           chr_timex **tx, size_t *ntx, chr_diag *d)
{
    size_t *sidx = NULL;
    chr_err e = *tx || *ntx ? chr_store_delete_timexes(p->st, id) : CHR_OK;
    free(*tx);
    *tx = NULL;
    *ntx = 0;
    /* a dateline 0-3 days before the publication is the day the text was
     * written: its "today" and "on Tuesday" count from there */
    chr_date wr;
    const chr_date *tref = ref->year ? ref : NULL;
    if (tref && doc->dateline_date &&
        chr_time_dateline_ref(doc->dateline_date, strlen(doc->dateline_date), doc->lang, ref, &wr))
        tref = &wr;
    if (e == CHR_OK)
        e = chr_annotate_dates(doc->clean, doc->clean_len, doc->sentences, doc->n_sentences, tref,
                               doc->lang, tx, &sidx, ntx);
    if (e == CHR_OK)
        e = chr_store_put_timexes(p->st, id, *tx, sidx, *ntx, d);
    free(sidx);
    return e;
}

/* The stages for one article, inside the file's transaction. */
/* A short paragraph (chr_doc_short_lines) that this many other articles
 * carry word for word, stored ones and those of the batch a prescan
 * counted, is the furniture of the sites they come from (menus, footers,
 * "related" headlines): the article is stored without it. Copies of one
 * article (the same lead) count once and keep theirs. Without a prescan
 * (standard input, uploads, pipes) the first carriers keep it. */
#define LINE_REPEATS 3

static line_slot *line_find(line_tab *t, uint64_t h, int add)
{
    h = h ? h : 1;
    if (add && (t->n + 1) * 4 > t->cap * 3) {
        size_t nc = t->cap ? 2 * t->cap : 1024;
        line_slot *nv = calloc(nc, sizeof *nv);
        if (!nv)
            return NULL;
        for (size_t i = 0; i < t->cap; i++)
            if (t->v[i].hash) {
                size_t k = (size_t)t->v[i].hash & (nc - 1);
                while (nv[k].hash)
                    k = (k + 1) & (nc - 1);
                nv[k] = t->v[i];
            }
        free(t->v);
        t->v = nv;
        t->cap = nc;
    }
    if (!t->cap)
        return NULL;
    size_t k = (size_t)h & (t->cap - 1);
    while (t->v[k].hash && t->v[k].hash != h)
        k = (k + 1) & (t->cap - 1);
    if (t->v[k].hash)
        return &t->v[k];
    if (!add)
        return NULL;
    t->v[k].hash = h;
    t->n++;
    return &t->v[k];
}

/* How many other articles carry the paragraph: stored ones, and the
 * batch's others when a prescan counted them (so that the first pages of a
 * batch lose their site's furniture too). */
static long others_carrying(chr_pipeline *p, uint64_t hash)
{
    /* counted by the prescan: the store holds at most the batch's earlier
     * carriers more than it did then */
    line_slot *l = line_find(&p->lines, hash, 0);
    if (l)
        return (long)l->prior + (long)l->batch - 1;
    return chr_store_line_count(p->st, hash);
}

static int seen_often(void *ctx, uint64_t hash)
{
    return others_carrying(ctx, hash) >= LINE_REPEATS;
}

/* doc: a's chr_clean_text document when the prescan made it (taken), else
 * NULL. */
static chr_err process_article(chr_pipeline *p, chr_article *a, chr_doc *doc, chr_ingest_stats *s)
{
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = doc ? CHR_OK : chr_clean_text(a, &doc, &d);
    if (e) {
        report_article(p, s, &d, a, 0);
        return e == CHR_ENOMEM ? e : CHR_OK;
    }
    /* one text read from standard input is "-" as given: named by its
     * content ("stdin-" and 12 hex digits) so that two piped texts are
     * told apart wherever articles are listed or cited */
    if (a->source && strcmp(a->source, "-") == 0) {
        char *named = malloc(20);
        if (!named) {
            chr_doc_free(doc);
            return CHR_ENOMEM;
        }
        snprintf(named, 20, "stdin-%.12s", doc->hash_hex);
        free(a->source);
        a->source = named;
    }
    int64_t id = chr_store_find_doc(p->st, doc);
    if (id) {
        /* another input with the same text: kept as a copy of it (its
         * outlet and date), not stored again */
        int added = 0;
        e = chr_store_add_copy(p->st, id, a, &added, &d);
        if (e) {
            chr_doc_free(doc);
            report_article(p, s, &d, a, 0);
            return e;
        }
        s->copies += added;
        s->duplicates++;
        if (p->duplicate)
            p->duplicate(p->duplicate_ctx, a, id);
        chr_doc_free(doc);
        return CHR_OK;
    }
    /* language and sentences: only for an article to be stored */
    e = chr_clean_finish(a, doc, &d);
    if (e) {
        chr_doc_free(doc);
        report_article(p, s, &d, a, 0);
        return e == CHR_ENOMEM ? e : CHR_OK;
    }
    /* the sites' furniture that other articles show, out; not from a copy
     * of another article (its lead elsewhere too): a wire story's short
     * lines are its text in every outlet that runs it */
    uint64_t *lines = NULL;
    size_t n_lines = 0;
    int dropped = 0;
    uint64_t lead = chr_doc_lead_hash(doc);
    if (!lead || others_carrying(p, lead) == 0) {
        e = chr_doc_short_lines(doc, &lines, &n_lines);
        if (e == CHR_OK)
            e = chr_doc_drop_lines(doc, seen_often, p, &dropped);
    }
    /* a placeholder under many titles ("Subscribe to read"): the title is
     * the article */
    if (e == CHR_OK && chr_doc_placeholder(doc, seen_often, p))
        e = chr_doc_title_as_text(a, doc, &d);
    if (e == CHR_OK && lead) { /* the lead is counted with the lines */
        uint64_t *nl = realloc(lines, (n_lines + 1) * sizeof *nl);
        if (nl) {
            lines = nl;
            lines[n_lines++] = lead;
        } else {
            e = CHR_ENOMEM;
        }
    }
    if (e) {
        free(lines);
        chr_doc_free(doc);
        return e;
    }
    /* Reference date: the publication date, else the page's publication
     * stamp, else one inferred from the text. */
    chr_date ref = {0, 0, 0};
    double conf = 0;
    int inferred = 0;
    chr_date_src ref_src = CHR_DATE_INFERRED;
    if (!(a->pub_date && chr_date_parse(a->pub_date, &ref))) {
        if (stamp_date(doc, &ref)) {
            inferred = 1;
            conf = 1.0;
            ref_src = CHR_DATE_METADATA;
        } else if (chr_time_infer_ref(doc->clean, doc->clean_len, doc->lang, &ref, &conf) == CHR_OK)
            inferred = 1;
        else
            memset(&ref, 0, sizeof ref);
    }
    /* an id stored before with other text (same text is a duplicate,
     * above): an update re-sent under its id, or two feeds' ids colliding;
     * both versions are kept, and the user told */
    int64_t same_id = a->ext_id && *a->ext_id ? chr_store_find_ext_id(p->st, a->ext_id) : 0;
    e = chr_store_put_article(p->st, a, doc, &id, &d);
    if (e == CHR_OK)
        e = chr_store_count_lines(p->st, lines, n_lines, &d);
    free(lines);
    if (e == CHR_EDUP) {
        s->duplicates++;
        chr_doc_free(doc);
        return CHR_OK;
    }
    if (e) {
        chr_doc_free(doc);
        report_article(p, s, &d, a, 0);
        return e;
    }
    if (same_id) {
        chr_diag w;
        chr_diag_set(&w, CHR_OK, NULL, 0, -1,
                     "id \"%.200s\" is already stored with different text (article %lld); this "
                     "version is stored too, as article %lld",
                     a->ext_id, (long long)same_id, (long long)id);
        report_article(p, s, &w, a, 1);
    }
    if (inferred) {
        char buf[16];
        e = chr_store_set_pub_date(p->st, id, chr_date_format(&ref, buf, sizeof buf), ref_src,
                                   conf);
        if (e) {
            chr_doc_free(doc);
            chr_diag_set(&d, e, NULL, 0, -1, "storing the inferred publication date");
            report_article(p, s, &d, a, 0);
            return e;
        }
    }
    /* Annotations: dates, then entities; both stored, both kept for the
     * story step. */
    chr_timex *tx = NULL;
    size_t ntx = 0;
    chr_entities ents = {0};
    size_t *midx = NULL;
    e = store_dates(p, id, doc, &ref, &tx, &ntx, &d);
    if (e == CHR_OK)
        e = chr_annotate_entities(p->ner, doc->clean, doc->clean_len, doc->sentences,
                                  doc->n_sentences, doc->lang, tx, ntx, &ents, &midx);
    if (e == CHR_OK) {
        int64_t *eids = malloc((ents.n_entities ? ents.n_entities : 1) * sizeof *eids);
        e = eids ? chr_store_put_entities(p->st, id, &ents, midx, eids, &d) : CHR_ENOMEM;
        free(eids);
    }
    /* Story: near-duplicate folding and streaming clustering. */
    int64_t story = 0, dup_of = 0;
    if (e == CHR_OK) {
        char pd[16];
        const char *pub = ref.year ? chr_date_format(&ref, pd, sizeof pd) : NULL;
        e = chr_cluster_add_doc(p->cl, id, doc, pub, inferred, &ents, tx, ntx, &story, &dup_of, &d);
    }
    /* Without a firm publication date, the story places the article; a
     * date read from the text alone that no dated story-mate bears out is
     * no date at all (see INFER_FIRM) */
    int firm = ref.year && (!inferred || conf >= INFER_FIRM);
    int placed = e == CHR_OK && !firm ? anchor_to_story(p, story, doc, &ref, &conf) : 0;
    if (placed > 0) {
        char buf[16];
        e = chr_store_set_pub_date(p->st, id, chr_date_format(&ref, buf, sizeof buf),
                                   CHR_DATE_INFERRED, conf);
        if (e == CHR_OK)
            e = store_dates(p, id, doc, &ref, &tx, &ntx, &d);
    } else if (placed < 0 && ref.year && inferred) {
        memset(&ref, 0, sizeof ref);
        e = chr_store_set_pub_date(p->st, id, NULL, CHR_DATE_NONE, 0);
        if (e == CHR_OK)
            e = store_dates(p, id, doc, &ref, &tx, &ntx, &d);
    }
    free(tx);
    free(midx);
    chr_entities_free(&ents);
    /* Timeline of the article's story (keep last: it reads the story step's
     * result); first the stories whose articles the story step moved (a
     * split) follow their new members. */
    if (e == CHR_OK && (p->tl || chr_tl_updater_open(p->st, &p->tl, &d) == CHR_OK)) {
        const int64_t *moved = NULL;
        size_t nm = chr_cluster_moved(p->cl, &moved);
        e = chr_tl_updater_regroup(p->tl, moved, nm, &d);
        if (e == CHR_OK)
            e = chr_tl_updater_add(p->tl, id, story, &d);
    }
    chr_doc_free(doc);
    if (e) {
        if (!d.code)
            d.code = e;
        report_article(p, s, &d, a, 0);
        return e;
    }
    s->stored++;
    return CHR_OK;
}

/* Undo the file's transaction and drop in-memory state built from it. */
static void rollback_file(chr_pipeline *p)
{
    chr_store_rollback(p->st);
    chr_cluster_discard(p->cl);
    if (p->tl)
        chr_tl_updater_discard(p->tl);
}

/* Commit the transaction and open the next: the story step's buffered
 * statistics go in with the articles they count, so that a process killed
 * after any commit leaves tables that reload into the state it had then. */
static chr_err commit(chr_pipeline *p, chr_diag *d)
{
    chr_err e = chr_cluster_flush(p->cl, d);
    return e ? e : chr_store_commit(p->st) ? CHR_EDB : CHR_OK;
}

/* An input is committed every COMMIT_RECORDS records and COMMIT_SECONDS
 * seconds, and a feed whenever it pauses: what was read is kept through a
 * kill, and visible to readers, while the rest is read or awaited. */
#define COMMIT_RECORDS 1000
#define COMMIT_SECONDS 1.0

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The database failed while storing input name: one line naming the
 * database and SQLite's reason. The input is not at fault: no input error
 * is counted for it. */
static void db_failed(chr_pipeline *p, const char *name)
{
    sqlite3 *db = chr_store_sqlite(p->st);
    const char *file = sqlite3_db_filename(db, "main");
    chr_diag d;
    chr_diag_set(&d, CHR_EDB, file && *file ? file : "database", 0, -1,
                 "storing %s failed, nothing of it kept: %s", name, sqlite3_errmsg(db));
    if (p->report)
        p->report(p->report_ctx, &d, 0);
}

static chr_err ingest_file(chr_pipeline *p, const char *path, const char *name, chr_ingest_stats *s)
{
    chr_diag d;
    chr_diag_clear(&d);
    chr_input *r = NULL;
    chr_err e = chr_input_open(p->ahead, path, name, p->stop, &r, &d);
    if (e == CHR_EINTR)
        return e; /* stopped before the first record: nothing to keep */
    if (e) {
        report(p, s, &d, 0);
        return e == CHR_ENOMEM ? e : CHR_OK;
    }
    s->files++;
    long long base = s->bytes;
    long stored0 = s->stored, dups0 = s->duplicates;
    if (chr_store_begin(p->st) != CHR_OK) {
        chr_input_close(r);
        chr_diag_set(&d, CHR_EDB, name ? name : path, 0, -1,
                     "cannot start a transaction (database locked?)");
        report(p, s, &d, 0);
        return CHR_EDB;
    }
    chr_err fatal = CHR_OK;
    int stopped = 0;
    long pending = 0; /* records since the last commit */
    double committed = now_seconds();
    for (;;) {
        chr_article *a = NULL;
        chr_doc *doc = NULL;
        /* asked to stop: between articles, so that every article stored is
         * whole; what was processed is committed below */
        if (p->stop && *p->stop) {
            stopped = 1;
            break;
        }
        chr_diag_clear(&d);
        e = chr_input_next(r, &a, &doc, &d);
        s->bytes = base + chr_input_bytes(r);
        if (e == CHR_EINTR) {
            stopped = 1; /* while waiting for a feed: a cut record is dropped */
            break;
        }
        if (e) {
            report(p, s, &d, 0);
            if (e == CHR_ENOMEM) {
                fatal = e;
                break;
            }
            continue;
        }
        if (!a)
            break;
        s->articles++;
        const char *w = chr_input_warning(r);
        if (w) {
            chr_diag wd;
            chr_diag_set(&wd, CHR_OK, NULL, 0, -1, "%s", w);
            report_article(p, s, &wd, a, 1);
        }
        e = process_article(p, a, doc, s);
        chr_article_free(a);
        if (e) {
            fatal = e;
            break;
        }
        if (++pending >= COMMIT_RECORDS || chr_input_idle(r) ||
            now_seconds() - committed >= COMMIT_SECONDS) {
            if (commit(p, &d) != CHR_OK || chr_store_begin(p->st) != CHR_OK) {
                db_failed(p, name ? name : path);
                fatal = CHR_EDB;
                break;
            }
            pending = 0;
            committed = now_seconds();
            stored0 = s->stored;
            dups0 = s->duplicates;
        }
        if (p->progress)
            p->progress(p->progress_ctx, s, p->total_bytes);
    }
    s->skipped += chr_input_skipped(r);
    chr_input_close(r);
    if (fatal) {
        rollback_file(p);
        s->stored = stored0; /* nothing of this file was kept */
        s->duplicates = dups0;
        return fatal;
    }
    if (commit(p, &d) != CHR_OK) {
        db_failed(p, name ? name : path);
        rollback_file(p);
        s->stored = stored0;
        s->duplicates = dups0;
        return CHR_EDB;
    }
    return stopped ? CHR_EINTR : CHR_OK;
}

/* Hidden files, notes and tables, and databases with their companion
 * files ("news.sqlite-wal", "chronicle.db-lock"). */
static int skip_name(const char *name)
{
    static const char *const exts[] = {".md", ".tsv", ".csv", ".db", ".sqlite", ".sqlite3", NULL};
    static const char *const companions[] = {"-wal", "-shm", "-journal", "-lock", NULL};
    if (name[0] == '.')
        return 1;
    size_t n = strlen(name);
    for (const char *const *c = companions; *c; c++) {
        size_t k = strlen(*c);
        if (n > k && strcmp(name + n - k, *c) == 0) {
            n -= k; /* "x.db-wal" is "x.db"'s */
            break;
        }
    }
    for (const char *const *e = exts; *e; e++) {
        size_t k = strlen(*e);
        if (n > k && strncasecmp(name + n - k, *e, k) == 0)
            return 1;
    }
    return 0;
}

/* Visit the files under path in name order; fn returns non-OK to stop. A
 * path given is visited whatever it is (a named pipe: "<(zcat a.gz)");
 * inside a folder only regular files are, and a folder already read (a
 * symbolic link back up the tree, or a second name for one) is not read
 * again. With p set, what is skipped is reported as a warning. */
typedef chr_err (*visit_fn)(void *ctx, const char *path, const struct stat *st);

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
    int used;
} dir_id;

typedef struct walker {
    visit_fn fn;
    void *ctx;
    chr_pipeline *p; /* warnings, or NULL */
    chr_ingest_stats *s;
    dir_id *seen; /* folders read: open addressing on device and inode */
    size_t n_seen, cap_seen;
} walker;

static void walk_warn(walker *w, const char *path, const char *why)
{
    if (!w->p)
        return;
    chr_diag d;
    chr_diag_set(&d, CHR_OK, path, 0, -1, "%s", why);
    report(w->p, w->s, &d, 1);
}

static dir_id *seen_slot(dir_id *t, size_t cap, dev_t dev, ino_t ino)
{
    size_t i = ((size_t)ino * 0x9E3779B97F4A7C15ull ^ (size_t)dev) & (cap - 1);
    while (t[i].used && !(t[i].dev == dev && t[i].ino == ino))
        i = (i + 1) & (cap - 1);
    return &t[i];
}

/* Whether the folder st was read already; else remember it. -1 out of memory. */
static int walk_seen(walker *w, const struct stat *st)
{
    if (2 * (w->n_seen + 1) > w->cap_seen) {
        size_t nc = w->cap_seen ? w->cap_seen * 2 : 64;
        dir_id *nt = calloc(nc, sizeof *nt);
        if (!nt)
            return -1;
        for (size_t i = 0; i < w->cap_seen; i++)
            if (w->seen[i].used)
                *seen_slot(nt, nc, w->seen[i].dev, w->seen[i].ino) = w->seen[i];
        free(w->seen);
        w->seen = nt;
        w->cap_seen = nc;
    }
    dir_id *e = seen_slot(w->seen, w->cap_seen, st->st_dev, st->st_ino);
    if (e->used)
        return 1;
    *e = (dir_id){st->st_dev, st->st_ino, 1};
    w->n_seen++;
    return 0;
}

static chr_err walk_in(walker *w, const char *path, int depth)
{
    struct stat st;
    int ok = stat(path, &st) == 0;
    if (!ok || !S_ISDIR(st.st_mode)) {
        if (depth > 0 && ok && !S_ISREG(st.st_mode)) {
            walk_warn(w, path, "not a regular file (a pipe, socket or device): skipped");
            return CHR_OK;
        }
        return w->fn(w->ctx, path, ok ? &st : NULL);
    }
    int seen = walk_seen(w, &st);
    if (seen < 0)
        return CHR_ENOMEM;
    if (seen) {
        walk_warn(w, path,
                  "a folder already read (a symbolic link loop or a second name): skipped");
        return CHR_OK;
    }
    if (depth > 64)
        return CHR_OK;
    struct dirent **ents = NULL;
    int n = scandir(path, &ents, NULL, alphasort);
    if (n < 0)
        return w->fn(w->ctx, path, NULL);
    chr_err e = CHR_OK;
    for (int i = 0; i < n; i++) {
        if (e == CHR_OK && !skip_name(ents[i]->d_name)) {
            size_t l = strlen(path) + strlen(ents[i]->d_name) + 2;
            char *child = malloc(l);
            if (!child) {
                e = CHR_ENOMEM;
            } else {
                snprintf(child, l, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
                         ents[i]->d_name);
                e = walk_in(w, child, depth + 1);
                free(child);
            }
        }
        free(ents[i]);
    }
    free(ents);
    return e;
}

static chr_err walk(const char *path, visit_fn fn, void *ctx, chr_pipeline *p, chr_ingest_stats *s)
{
    walker w = {fn, ctx, p, s, NULL, 0, 0};
    chr_err e = walk_in(&w, path, 0);
    free(w.seen);
    return e;
}

static chr_err add_size(void *ctx, const char *path, const struct stat *st)
{
    (void)path;
    if (st && S_ISREG(st->st_mode))
        *(long long *)ctx += st->st_size;
    return CHR_OK;
}

long long chr_pipeline_input_size(const char *path)
{
    long long total = 0;
    if (strcmp(path, "-") != 0)
        walk(path, add_size, &total, NULL, NULL);
    return total;
}

typedef struct ingest_ctx {
    chr_pipeline *p;
    chr_ingest_stats *s;
} ingest_ctx;

/* Prescan: read and clean the articles of the batch (quietly: the real
 * pass reports problems) and count the short paragraphs of the new ones,
 * each content once. A site's furniture shows in its first pages: past
 * PRESCAN_MAX articles the store's counts, growing as the batch goes in,
 * take over (the prescan's time and memory stay bounded on huge inputs).
 * What it read and cleaned, up to AHEAD_BYTES, is kept for the ingest
 * (pipeline_ahead.c), which reads again only what was not kept: about
 * twice the bytes of the JSON Lines, so 32 MB holds a 15 MB batch (64 MB
 * raised the peak memory of a 40 MB ingest by a fifth, 32 MB by 3%). */
#define PRESCAN_MAX 20000
#define AHEAD_BYTES ((size_t)32 << 20)
/* A batch that is mostly stored already (a re-run) is not prescanned. */
static int prescan_done(const chr_pipeline *p)
{
    return p->docs.n >= PRESCAN_MAX ||
           (p->prescan_stored > 100 && p->prescan_stored > 9 * p->docs.n);
}

static chr_err prescan_file(void *ctx, const char *path, const struct stat *st)
{
    chr_pipeline *p = ctx;
    chr_diag d;
    chr_reader *r = NULL;
    /* regular files only: a pipe read here would be empty for the ingest */
    if (!st || !S_ISREG(st->st_mode) || prescan_done(p) ||
        chr_reader_open_until(path, p->stop, &r, &d) != CHR_OK)
        return CHR_OK;
    chr_err fatal = chr_ahead_begin(p->ahead, path, st);
    int at_end = 0;
    while (!fatal && !prescan_done(p)) {
        if (p->stop && *p->stop) {
            fatal = CHR_EINTR;
            break;
        }
        chr_article *a = NULL;
        chr_err e = chr_reader_next(r, &a, &d);
        if (e == CHR_ENOMEM) {
            fatal = e;
            break;
        }
        if (e) {
            fatal = chr_ahead_put(p->ahead, r, e, &d, NULL, NULL);
            continue;
        }
        if (!a) {
            at_end = 1;
            break;
        }
        chr_doc *doc = NULL;
        uint64_t *h = NULL;
        size_t n = 0;
        if (chr_clean_text(a, &doc, &d) != CHR_OK) {
            /* nothing to count */
        } else if (chr_store_find_doc(p->st, doc)) {
            p->prescan_stored++;
        } else if (!line_find(&p->docs, doc->hash_lo, 0)) {
            if (!line_find(&p->docs, doc->hash_lo, 1))
                fatal = CHR_ENOMEM;
            /* a copy of another article (its lead counted already) adds
             * only its lead */
            uint64_t lead = chr_doc_lead_hash(doc);
            line_slot *known = lead ? line_find(&p->lines, lead, 0) : NULL;
            if (!fatal &&
                (!lead || (!(known && known->batch) && chr_store_line_count(p->st, lead) == 0)) &&
                chr_doc_short_lines(doc, &h, &n) != CHR_OK)
                fatal = CHR_ENOMEM;
            for (size_t i = 0; i <= n && !fatal; i++) {
                uint64_t x = i < n ? h[i] : lead;
                if (!x)
                    continue;
                line_slot *l = line_find(&p->lines, x, 1);
                if (!l) {
                    fatal = CHR_ENOMEM;
                    break;
                }
                if (!l->batch++)
                    l->prior = (uint32_t)chr_store_line_count(p->st, x);
            }
        }
        free(h);
        if (fatal) {
            chr_doc_free(doc);
            chr_article_free(a);
        } else {
            fatal = chr_ahead_put(p->ahead, r, CHR_OK, NULL, a, doc);
        }
    }
    chr_ahead_end(p->ahead, r, at_end);
    return fatal;
}

static chr_err visit_ingest(void *ctx, const char *path, const struct stat *st)
{
    ingest_ctx *c = ctx;
    (void)st;
    if (c->p->stop && *c->p->stop)
        return CHR_EINTR;
    return ingest_file(c->p, path, NULL, c->s);
}

chr_err chr_pipeline_ingest(chr_pipeline *p, const char *path, chr_ingest_stats *s)
{
    if (strcmp(path, "-") == 0)
        return ingest_file(p, path, NULL, s);
    ingest_ctx c = {p, s};
    p->ahead = chr_ahead_new(AHEAD_BYTES);
    chr_err e = p->ahead ? walk(path, prescan_file, p, NULL, NULL) : CHR_ENOMEM;
    if (e == CHR_OK)
        e = walk(path, visit_ingest, &c, p, s);
    chr_ahead_free(p->ahead);
    p->ahead = NULL;
    free(p->lines.v);
    free(p->docs.v);
    memset(&p->lines, 0, sizeof p->lines);
    memset(&p->docs, 0, sizeof p->docs);
    p->prescan_stored = 0;
    return e;
}

chr_err chr_pipeline_ingest_as(chr_pipeline *p, const char *path, const char *name,
                               chr_ingest_stats *s)
{
    return ingest_file(p, path, name, s);
}

void chr_pipeline_set_total(chr_pipeline *p, long long total)
{
    p->total_bytes = total;
}

void chr_pipeline_set_stop(chr_pipeline *p, const volatile sig_atomic_t *stop)
{
    p->stop = stop;
}
