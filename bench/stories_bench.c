/* chronicle — bench/stories_bench: drive dedup + story clustering directly.
 * Owns: a JSON Lines feeder and a synthetic news generator for
 * chr_cluster_add, with timing (articles/s, per-article latency percentiles),
 * peak RSS and state size. Used by `make bench-stories` and for experiments
 * (--opt name=value overrides a clustering option; --assign writes the
 * assignment). Not part of the library or the CLI. */
#include <jansson.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chronicle/cluster.h"
#include "chronicle/store.h"

/* Timing uses the thread's CPU clock: the machine is shared, and wall time
 * would count other processes' turns as our latency. Wall time is printed
 * too. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static long rss_kb(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0)
            v = strtol(line + n + 1, NULL, 10);
    if (f)
        fclose(f);
    return v;
}

/* ---- a tiny deterministic PRNG (splitmix64) ---- */
static uint64_t rng_state = 42;
static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static double rndu(void)
{
    return (double)(rnd() >> 11) / 9007199254740992.0;
}

/* ---- records ---- */
typedef struct rec {
    char *title, *text, *date, *lang;
    char **ents;
    size_t n_ents;
    long line;
} rec;

static void rec_free(rec *r)
{
    free(r->title);
    free(r->text);
    free(r->date);
    free(r->lang);
    for (size_t i = 0; i < r->n_ents; i++)
        free(r->ents[i]);
    free(r->ents);
}

static char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? strdup(json_string_value(v)) : NULL;
}

static int parse_line(const char *line, long no, rec *r)
{
    memset(r, 0, sizeof *r);
    json_t *o = json_loads(line, 0, NULL);
    if (!o)
        return -1;
    r->title = jstr(o, "title");
    r->text = jstr(o, "text");
    r->date = jstr(o, "date");
    if (!r->date)
        r->date = jstr(o, "pub_date");
    r->lang = jstr(o, "lang");
    json_t *e = json_object_get(o, "entities");
    if (json_is_array(e)) {
        r->ents = calloc(json_array_size(e) + 1, sizeof *r->ents);
        for (size_t i = 0; i < json_array_size(e); i++)
            if (json_is_string(json_array_get(e, i)))
                r->ents[r->n_ents++] = strdup(json_string_value(json_array_get(e, i)));
    }
    r->line = no;
    json_decref(o);
    if (!r->text)
        r->text = strdup("");
    return 0;
}

/* ---- synthetic news ---- */
enum { VOCAB = 60000, NAMES = 20000 };
static char **vocab, **names;
static double *zipf_cdf;

static char *make_word(int syl)
{
    static const char *sy[] = {"ka", "lo",  "mer", "tin", "sa", "ro",  "ven", "da",  "pul", "ge",
                               "mi", "nor", "ta",  "bel", "ri", "cos", "fa",  "lun", "dre", "pa",
                               "vo", "sen", "ti",  "mar", "ol", "qua", "zen", "bri", "hel", "ump"};
    char buf[64] = "";
    for (int i = 0; i < syl; i++)
        strcat(buf, sy[rnd() % (sizeof sy / sizeof sy[0])]);
    return strdup(buf);
}

static void gen_init(void)
{
    vocab = malloc(VOCAB * sizeof *vocab);
    names = malloc(NAMES * sizeof *names);
    zipf_cdf = malloc(VOCAB * sizeof *zipf_cdf);
    double sum = 0;
    for (int i = 0; i < VOCAB; i++) {
        vocab[i] = make_word(1 + (int)(rnd() % 3) + (i > 2000));
        sum += 1.0 / (i + 1.5);
        zipf_cdf[i] = sum;
    }
    for (int i = 0; i < VOCAB; i++)
        zipf_cdf[i] /= sum;
    for (int i = 0; i < NAMES; i++) {
        char *w = make_word(2 + (int)(rnd() % 2));
        w[0] = (char)(w[0] - 32);
        names[i] = w;
    }
}

static int zipf(void)
{
    double u = rndu();
    int lo = 0, hi = VOCAB - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (zipf_cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

typedef struct gstory {
    int topic[16], n_topic;
    int name[4], n_name;
    int day;
    int left;
} gstory;

typedef struct gbuf {
    char *s;
    size_t n, cap;
} gbuf;

static void gput(gbuf *b, const char *s)
{
    size_t l = strlen(s);
    if (b->n + l + 1 > b->cap) {
        b->cap = (b->n + l + 1) * 2;
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, l + 1);
    b->n += l;
}

/* One synthetic article of story g into r (text, title, date). */
static void gen_article(const gstory *g, rec *r)
{
    gbuf b = {0};
    gbuf t = {0};
    int words = 120 + (int)(rnd() % 400);
    for (int i = 0; i < 8; i++) {
        const char *w =
            i % 3 == 0 ? names[g->name[rnd() % g->n_name]] : vocab[g->topic[rnd() % g->n_topic]];
        if (i)
            gput(&t, " ");
        gput(&t, w);
    }
    for (int i = 0; i < words; i++) {
        double u = rndu();
        const char *w;
        if (u < 0.12)
            w = vocab[g->topic[rnd() % g->n_topic]];
        else if (u < 0.16)
            w = names[g->name[rnd() % g->n_name]];
        else
            w = vocab[zipf()];
        gput(&b, w);
        gput(&b, (i + 1) % 18 == 0 ? ".\n\n" : (i % 7 == 6 ? ", " : " "));
    }
    r->text = b.s;
    r->title = t.s;
    int day = g->day + (int)(rnd() % 5);
    char date[48];
    int y = 2020 + day / 360, m = 1 + day % 360 / 30, dd = 1 + day % 30;
    if (dd > 28)
        dd = 28;
    snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, dd);
    r->date = strdup(date);
    r->lang = strdup("en");
}

/* Light rewrite of an earlier article for near-duplicates. */
static void gen_reprint(const rec *src, rec *r)
{
    size_t n = strlen(src->text);
    size_t cut = n - n / 8; /* trim the tail */
    r->text = malloc(cut + 64);
    memcpy(r->text, "Reprinted from the wire. ", 25);
    memcpy(r->text + 25, src->text, cut);
    r->text[25 + cut] = '\0';
    r->title = strdup("A different headline");
    r->date = strdup(src->date);
    r->lang = strdup("en");
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int set_opt(chr_cluster_opts *o, const char *kv)
{
    const char *eq = strchr(kv, '=');
    if (!eq)
        return -1;
    double v = atof(eq + 1);
    size_t n = (size_t)(eq - kv);
#define OPT_D(f)                                                                                   \
    if (n == strlen(#f) && strncmp(kv, #f, n) == 0) {                                              \
        o->f = v;                                                                                  \
        return 0;                                                                                  \
    }
#define OPT_I(f)                                                                                   \
    if (n == strlen(#f) && strncmp(kv, #f, n) == 0) {                                              \
        o->f = (int)v;                                                                             \
        return 0;                                                                                  \
    }
    OPT_D(threshold)
    OPT_I(window_days)
    OPT_I(headline_words)
    OPT_I(headline_window_days)
    OPT_D(halflife_days)
    OPT_I(near_days)
    OPT_D(near_boost)
    OPT_D(near_boost_long)
    OPT_I(centroid_terms)
    OPT_I(index_terms)
    OPT_I(query_terms)
    OPT_I(max_candidates)
    OPT_I(scan_limit)
    OPT_D(title_weight)
    OPT_D(entity_weight)
    OPT_D(date_weight)
    OPT_D(name_weight)
    OPT_D(dup_threshold)
    OPT_D(merge_threshold)
    OPT_D(headline_merge_threshold)
    OPT_D(merge_cohesion)
    OPT_D(split_ratio)
    OPT_I(rehome_after)
    OPT_I(rehome_headline_rounds)
    OPT_D(long_threshold)
    OPT_D(link_short)
    OPT_D(link_long)
    OPT_D(link_headline)
    OPT_I(split_peel)
    OPT_D(split_remerge)
    OPT_D(common_share)
    OPT_I(common_min)
    OPT_D(specific_share)
    OPT_I(specific_min)
    return -1;
}

static void usage(void)
{
    fprintf(stderr, "usage: stories_bench [--db PATH] [--assign OUT] [--opt name=value]... "
                    "[--shuffle SEED] [--batch N] [--checkpoints N,N,...]\n"
                    "                     (--generate N [--dump-jsonl OUT] | FILE.jsonl...)\n"
                    "       stories_bench --db PATH --rebuild 1 [--opt name=value]...\n");
}

int main(int argc, char **argv)
{
    const char *db_path = NULL, *assign = NULL, *dump = NULL, *checkpoints = "";
    long generate = 0, batch = 1000;
    long shuffle = -1, prime = 0, rebuild = 0;
    chr_cluster_opts o;
    chr_cluster_opts_default(&o);
    int i;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) {
            usage();
            return 2;
        }
        if (!strcmp(a, "--db"))
            db_path = v;
        else if (!strcmp(a, "--assign"))
            assign = v;
        else if (!strcmp(a, "--opt")) {
            if (set_opt(&o, v) != 0) {
                fprintf(stderr, "unknown option %s\n", v);
                return 2;
            }
        } else if (!strcmp(a, "--shuffle"))
            shuffle = atol(v);
        else if (!strcmp(a, "--generate"))
            generate = atol(v);
        else if (!strcmp(a, "--dump-jsonl"))
            dump = v;
        else if (!strcmp(a, "--batch"))
            batch = atol(v);
        else if (!strcmp(a, "--rebuild"))
            rebuild = atol(v);
        else if (!strcmp(a, "--prime"))
            prime = atol(v);
        else if (!strcmp(a, "--checkpoints"))
            checkpoints = v;
        else {
            usage();
            return 2;
        }
        i++;
    }
    /* input */
    rec *recs = NULL;
    size_t n = 0, cap = 0;
    if (!generate) {
        for (; i < argc; i++) {
            FILE *f = fopen(argv[i], "r");
            if (!f) {
                perror(argv[i]);
                return 1;
            }
            char *line = NULL;
            size_t lcap = 0;
            long no = 0;
            while (getline(&line, &lcap, f) > 0) {
                no++;
                if (n == cap) {
                    cap = cap ? cap * 2 : 1024;
                    recs = realloc(recs, cap * sizeof *recs);
                }
                if (parse_line(line, no, &recs[n]) == 0)
                    n++;
            }
            free(line);
            fclose(f);
        }
        if (shuffle >= 0) {
            rng_state = (uint64_t)shuffle * 7919 + 1;
            for (size_t k = n; k > 1; k--) {
                size_t j = rnd() % k;
                rec t = recs[k - 1];
                recs[k - 1] = recs[j];
                recs[j] = t;
            }
        }
    }
    char tmpdir[] = "/tmp/stories_bench.XXXXXX", tmpdb[64];
    if (!db_path) {
        if (!mkdtemp(tmpdir)) {
            perror("mkdtemp");
            return 1;
        }
        snprintf(tmpdb, sizeof tmpdb, "%s/bench.db", tmpdir);
        db_path = tmpdb;
    }
    chr_store *store;
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_store_open(db_path, 0, &store, &d) != CHR_OK) {
        fprintf(stderr, "cannot open %s: %s\n", db_path, d.msg);
        return 1;
    }
    sqlite3 *db = chr_store_sqlite(store);
    if (rebuild) { /* recluster the articles stored in --db, as `ingest --recluster` does */
        long na = 0;
        double w0 = wall_now(), c0 = now();
        chr_err e = chr_cluster_rebuild(store, &o, &na, &d);
        double cpu = now() - c0, wall = wall_now() - w0;
        if (e != CHR_OK) {
            fprintf(stderr, "rebuild: %s\n", d.msg);
            return 1;
        }
        printf("rebuilt stories of %ld stored articles: CPU %.3f s (wall %.3f s), %.0f "
               "articles/s; peak RSS %ld KB\n",
               na, cpu, wall, na / (cpu > 0 ? cpu : 1e-9), rss_kb("VmHWM:"));
        chr_store_close(store);
        return 0;
    }
    /* the articles themselves are not stored here: only the story state */
    sqlite3_exec(db, "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
    chr_cluster *cl;
    if (chr_cluster_open(store, &o, &cl, &d) != CHR_OK) {
        fprintf(stderr, "open: %s\n", d.msg);
        return 1;
    }
    FILE *af = assign ? fopen(assign, "w") : NULL;
    FILE *df = dump ? fopen(dump, "w") : NULL;
    long total = generate ? generate : (long)n;
    double *lat = malloc((size_t)(total > 0 ? total : 1) * sizeof *lat);
    /* generator state */
    gstory *active = NULL;
    rec *recent = NULL;
    size_t n_active = 64, recent_n = 256;
    int64_t *src_of = NULL; /* generated: index of the article a reprint copies, else -1 */
    if (generate) {
        src_of = calloc((size_t)total, sizeof *src_of);
        gen_init();
        active = calloc(n_active, sizeof *active);
        recent = calloc(recent_n, sizeof *recent);
    }
    long next_story_day = 0, reprints = 0;
    long start_id = 1;
    if (prime && !generate) { /* diagnostics: learn document frequencies from a first pass */
        sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
        for (size_t k = 0; k < n; k++) {
            chr_cluster_input in = {0};
            in.article_id = 1000000000 + (int64_t)k;
            in.title = recs[k].title;
            in.text = recs[k].text;
            in.text_len = strlen(recs[k].text);
            in.lang = recs[k].lang;
            chr_cluster_add(cl, &in, NULL, NULL, &d);
        }
        chr_cluster_flush(cl, &d);
        sqlite3_exec(db,
                     "DELETE FROM story; DELETE FROM story_article; DELETE FROM dedup_sig;"
                     "COMMIT",
                     NULL, NULL, NULL);
        chr_cluster_discard(cl);
    }
    double t_total = 0, t0 = wall_now();
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    const char *cp = checkpoints;
    long next_cp = *cp ? atol(cp) : -1;
    double cp_t = 0;
    long cp_n = 0;
    for (long k = 0; k < total; k++) {
        rec gen = {0}, *r;
        if (generate) {
            src_of[k] = -1;
            if (k > 0 && rndu() < 0.05 && recent[(k - 1) % recent_n].text) {
                rec *src = &recent[rnd() % (k < (long)recent_n ? k : (long)recent_n)];
                gen_reprint(src, &gen);
                src_of[k] = src->line - 1;
                reprints++;
            } else {
                gstory *g = &active[rnd() % n_active];
                if (g->left <= 0) {
                    g->n_topic = 8 + (int)(rnd() % 8);
                    for (int t = 0; t < g->n_topic; t++)
                        g->topic[t] = 300 + (int)(rnd() % (VOCAB - 300));
                    g->n_name = 1 + (int)(rnd() % 4);
                    for (int t = 0; t < g->n_name; t++)
                        g->name[t] = (int)(rnd() % NAMES);
                    g->day = (int)(next_story_day / 40);
                    next_story_day++;
                    g->left = 1 + (int)(-log(rndu() + 1e-12) * 5);
                }
                g->left--;
                gen_article(g, &gen);
            }
            gen.line = k + 1;
            if (recent[k % recent_n].text)
                rec_free(&recent[k % recent_n]);
            recent[k % recent_n] = (rec){strdup(gen.title),
                                         strdup(gen.text),
                                         strdup(gen.date),
                                         strdup(gen.lang),
                                         NULL,
                                         0,
                                         k + 1};
            r = &gen;
            if (df) {
                json_t *j = json_pack("{s:s, s:s, s:s, s:s}", "title", r->title, "text", r->text,
                                      "date", r->date, "lang", r->lang);
                char *s = json_dumps(j, JSON_COMPACT);
                fprintf(df, "%s\n", s);
                free(s);
                json_decref(j);
            }
        } else {
            r = &recs[k];
        }
        chr_cluster_input in = {0};
        in.article_id = start_id + k;
        in.title = r->title;
        in.text = r->text;
        in.text_len = strlen(r->text);
        in.lang = r->lang;
        in.pub_date = r->date;
        in.entities = (const char *const *)r->ents;
        in.n_entities = r->n_ents;
        int64_t sid, dup;
        double a = now();
        chr_err e = chr_cluster_add(cl, &in, &sid, &dup, &d);
        double b = now() - a;
        lat[k] = b;
        if (getenv("STORIES_BENCH_SLOW") && b > 0.005)
            fprintf(stderr, "slow add %ld: %.1f ms\n", k, b * 1e3);
        t_total += b;
        if (e != CHR_OK) {
            fprintf(stderr, "add %ld: %s\n", k, d.msg);
            return 1;
        }
        (void)sid;
        (void)dup;
        if (generate)
            rec_free(&gen);
        if (batch > 0 && (k + 1) % batch == 0) {
            double c = now();
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
            sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
            t_total += now() - c;
        }
        if (k + 1 == next_cp) {
            double *tmp = malloc((size_t)(k + 1 - cp_n) * sizeof *tmp);
            memcpy(tmp, lat + cp_n, (size_t)(k + 1 - cp_n) * sizeof *tmp);
            qsort(tmp, (size_t)(k + 1 - cp_n), sizeof *tmp, cmp_double);
            size_t m = (size_t)(k + 1 - cp_n);
            printf("checkpoint %ld: %.0f articles/s over the last %ld, p50 %.1f us, p99 %.1f "
                   "us, RSS %ld KB\n",
                   k + 1, (double)m / (t_total - cp_t), (long)m, tmp[m / 2] * 1e6,
                   tmp[m * 99 / 100] * 1e6, rss_kb("VmRSS:"));
            fflush(stdout);
            free(tmp);
            cp_t = t_total;
            cp_n = k + 1;
            cp = strchr(cp, ',');
            next_cp = cp ? atol(++cp) : -1;
        }
    }
    chr_cluster_stats cs;
    chr_cluster_get_stats(cl, &cs);
    double c = now();
    if (chr_cluster_close(cl, &d) != CHR_OK)
        fprintf(stderr, "close: %s\n", d.msg);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    t_total += now() - c;
    double wall = wall_now() - t0;
    qsort(lat, (size_t)total, sizeof *lat, cmp_double);
    long stories = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM story", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        stories = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    long dups = 0;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM story_article WHERE duplicate_of IS NOT NULL",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        dups = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    long long state_bytes = -1;
    if (sqlite3_prepare_v2(db,
                           "SELECT sum(pgsize) FROM dbstat WHERE name IN ('story', "
                           "'story_article', 'story_article_story', 'story_entity', "
                           "'story_alias', 'cluster_df', 'cluster_meta', 'dedup_sig')",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        state_bytes = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    printf("articles %ld (generated reprints %ld), stories %ld, near-duplicates %ld\n", total,
           reprints, stories, dups);
    if (total > 0)
        printf("clustering CPU time %.3f s (wall %.3f s): %.0f articles/s; latency (CPU) p50 "
               "%.1f us, p99 %.1f us, max %.1f us\n",
               t_total, wall, total / t_total, lat[total / 2] * 1e6, lat[total * 99 / 100] * 1e6,
               lat[total - 1] * 1e6);
    if (total > 0)
        printf("per article: %.1f postings read (%.1f of their stories read), %.1f candidate "
               "stories scored; %ld merges, %ld splits, %ld re-homed\n",
               (double)cs.postings / total, (double)cs.looked / total,
               (double)cs.candidates / total, cs.merges, cs.splits, cs.rehomed);
    printf("peak RSS %ld KB; story state on disk %lld bytes (%.0f bytes/article)\n",
           rss_kb("VmHWM:"), state_bytes, total > 0 ? (double)state_bytes / total : 0);
    if (generate && total > 0) { /* near-duplicates found against the generated reprints */
        int64_t *dup = calloc((size_t)total, sizeof *dup);
        if (sqlite3_prepare_v2(db,
                               "SELECT article_id, duplicate_of FROM story_article WHERE "
                               "duplicate_of IS NOT NULL",
                               -1, &st, NULL) == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW) {
                int64_t a = sqlite3_column_int64(st, 0) - start_id;
                if (a >= 0 && a < total)
                    dup[a] = sqlite3_column_int64(st, 1) - start_id + 1; /* index + 1 */
            }
        }
        sqlite3_finalize(st);
        long flagged = 0, right = 0;
        for (long k = 0; k < total; k++) {
            if (!dup[k])
                continue;
            flagged++;
            int64_t s0 = src_of[k];
            if (s0 >= 0) {
                int64_t canon = dup[s0] ? dup[s0] - 1 : s0;
                right += dup[k] - 1 == canon;
            }
        }
        printf("near-duplicates: %ld flagged, %ld of them right, of %ld generated reprints: "
               "precision %.4f, recall %.4f\n",
               flagged, right, reprints, flagged ? (double)right / flagged : 1.0,
               reprints ? (double)right / reprints : 1.0);
        free(dup);
    }
    free(src_of);
    if (af) { /* final assignment: stories may have merged after an article was added */
        if (sqlite3_prepare_v2(db,
                               "SELECT article_id, story_id, coalesce(duplicate_of, 0) FROM "
                               "story_article ORDER BY article_id",
                               -1, &st, NULL) == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW) {
                long k = (long)(sqlite3_column_int64(st, 0) - start_id);
                long line = generate ? k + 1 : (k >= 0 && k < (long)n ? recs[k].line : -1);
                fprintf(af, "%ld\t%lld\t%lld\n", line, (long long)sqlite3_column_int64(st, 1),
                        (long long)sqlite3_column_int64(st, 2));
            }
        }
        sqlite3_finalize(st);
        fclose(af);
    }
    if (df)
        fclose(df);
    chr_store_close(store);
    if (db_path == tmpdb) {
        char wal[80];
        remove(tmpdb);
        snprintf(wal, sizeof wal, "%s-wal", tmpdb);
        remove(wal);
        snprintf(wal, sizeof wal, "%s-shm", tmpdb);
        remove(wal);
        rmdir(tmpdir);
    }
    for (size_t k = 0; k < n; k++)
        rec_free(&recs[k]);
    free(recs);
    free(lat);
    return 0;
}
