/* chronicle — timeline benchmark: latency of the incremental timeline update
 * (chr_tl_updater_add, what the pipeline calls per article) as the store
 * grows to N articles. Articles, sentences, timexes and story assignments
 * are generated and written straight to the store (the other stages are
 * not measured here); updates run in transactions of 500 like ingest does.
 *
 *   timeline_bench [--busy] [N=100000] [DB=build/bench/timeline_bench.db]
 *
 * Stories: a new one for ~15% of articles, three long-running ones that
 * get 5% of all articles (thousands each at 100k), the rest join recent
 * stories. Prints p50/p90/p99/max wall-clock latency and CPU time per 10%
 * of N, and overall; then where the slowest 1% of updates lost their wall
 * time (preempted by another task, blocked on I/O, or their own CPU work),
 * and the headline "p99 wall at 100k" (the last 10% of N). --busy keeps
 * one core busy with a spinning child process for the whole run (the
 * loaded measurement). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "chronicle/store.h"
#include "chronicle/timeline.h"

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static double unif(void)
{
    return (double)(next() >> 11) / 9007199254740992.0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A word: syllables from a fixed set, so words repeat Zipf-like. */
static void word(char *buf, size_t size, unsigned id)
{
    static const char *const syl[] = {"ka", "lo",  "mi",  "ren", "sa",  "tor", "vel", "an",
                                      "es", "dor", "pri", "mun", "gal", "ost", "ber", "quin"};
    size_t k = 0;
    do {
        const char *s = syl[id % 16];
        id /= 16;
        size_t n = strlen(s);
        if (k + n + 1 >= size)
            break;
        memcpy(buf + k, s, n);
        k += n;
    } while (id);
    buf[k] = '\0';
}

static unsigned zipf_word(unsigned vocab)
{
    return (unsigned)((double)vocab * unif() * unif() * unif());
}

static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

typedef struct story {
    int64_t id;
    int day0;       /* first day (days since 2020-01-01) */
    unsigned topic; /* seed of its own words */
} story;

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* p99 of v[0..n) (sorts v). */
static double report(const char *label, double *v, size_t n)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    printf("%-24s n=%-7zu p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n", label, n,
           1e3 * v[n / 2], 1e3 * v[(size_t)(n * 0.9)], 1e3 * v[(size_t)(n * 0.99)], 1e3 * v[n - 1]);
    return v[(size_t)(n * 0.99)];
}

/* What happened to one update besides its own work (getrusage deltas; the
 * bench is single-threaded, so the process's counts are the thread's). */
typedef struct upd {
    double wall, cpu;
    long preempt; /* involuntary context switches: another task got the core */
    long block;   /* voluntary ones: waited for I/O or a lock */
    long majflt;  /* page faults that read the disk */
} upd;

static const upd *g_upd;

static int cmp_upd_wall(const void *a, const void *b)
{
    double x = g_upd[*(const long *)a].wall, y = g_upd[*(const long *)b].wall;
    return x > y ? -1 : x < y;
}

/* Where the slowest 1% of updates a..b-1 lost their time. */
static void tail_report(const upd *u, long a, long b)
{
    long n = b - a, k = n / 100 > 0 ? n / 100 : 1;
    long *idx = malloc((size_t)n * sizeof *idx);
    if (!idx)
        return;
    for (long i = 0; i < n; i++)
        idx[i] = a + i;
    g_upd = u;
    qsort(idx, (size_t)n, sizeof *idx, cmp_upd_wall);
    long pre = 0, blk = 0, flt = 0;
    double wall = 0, cpu = 0;
    for (long i = 0; i < k; i++) {
        const upd *x = &u[idx[i]];
        pre += x->preempt > 0;
        blk += x->block > 0;
        flt += x->majflt > 0;
        wall += x->wall;
        cpu += x->cpu;
    }
    printf("  slowest 1%% (%ld updates): mean wall %.3f ms, mean CPU %.3f ms;"
           " preempted %ld, blocked (I/O, locks) %ld, major faults %ld\n",
           k, 1e3 * wall / (double)k, 1e3 * cpu / (double)k, pre, blk, flt);
    /* the same percentile over the updates no other task interrupted */
    long m = 0;
    double *v = malloc((size_t)n * sizeof *v);
    if (v) {
        for (long i = a; i < b; i++)
            if (!u[i].preempt)
                v[m++] = u[i].wall;
        if (m) {
            qsort(v, (size_t)m, sizeof *v, cmp_double);
            printf("  not preempted (%ld of %ld): p99 wall %.3f ms\n", m, n,
                   1e3 * v[(size_t)((double)m * 0.99)]);
        }
        free(v);
    }
    free(idx);
}

static void usage_now(struct rusage *r)
{
    getrusage(RUSAGE_SELF, r);
}

int main(int argc, char **argv)
{
    int busy = 0, pos = 0;
    long n = 100000;
    const char *path = "build/bench/timeline_bench.db";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--busy") == 0)
            busy = 1;
        else if (pos++ == 0)
            n = atol(argv[i]);
        else
            path = argv[i];
    }
    if (n < 1000)
        n = 1000;
    pid_t spinner = 0, parent = getpid();
    if (busy) {
        spinner = fork();
        if (spinner == 0) { /* spins until killed, or until the bench is gone */
            volatile unsigned long x = 0;
            while (getppid() == parent)
                for (long k = 0; k < 10000000; k++)
                    x++;
            _exit(0);
        }
        if (spinner < 0) {
            perror("timeline_bench: fork");
            return 1;
        }
    }
    char tmp[512];
    for (const char *suf = ""; suf; suf = strcmp(suf, "") == 0       ? "-wal"
                                          : strcmp(suf, "-wal") == 0 ? "-shm"
                                                                     : NULL) {
        snprintf(tmp, sizeof tmp, "%s%s", path, suf);
        unlink(tmp);
    }
    chr_store *st = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_store_open(path, 0, &st, &d) != CHR_OK) {
        fprintf(stderr, "timeline_bench: %s\n", d.msg);
        return 1;
    }
    sqlite3 *db = chr_store_sqlite(st);
    sqlite3_stmt *ia, *is, *it, *isa;
    sqlite3_prepare_v2(db,
                       "INSERT INTO articles(id, hash, source, outlet, lang, pub_date,"
                       " pub_date_source, format, raw_text, clean_text)"
                       " VALUES(?1, ?2, ?3, ?4, 'en', ?5, 'metadata', 'jsonl', '', ?6)",
                       -1, &ia, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO sentences(article_id, idx, start, end) VALUES(?1,?2,?3,?4)",
                       -1, &is, NULL);
    sqlite3_prepare_v2(db,
                       "INSERT INTO timexes(article_id, start, end, sentence, type, value)"
                       " VALUES(?1,?2,?3,?4,'DATE',?5)",
                       -1, &it, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO story_article(article_id, story_id) VALUES(?1, ?2)", -1,
                       &isa, NULL);
    chr_tl_updater *u = NULL;
    chr_tl_updater_open(st, &u, &d);
    /* stories: a new one every few articles; sizes heavy-tailed because an
     * article joins a recent story with probability favouring big ones */
    size_t cap = 1024, ns = 0;
    story *stories = malloc(cap * sizeof *stories);
    double *lat = malloc((size_t)n * sizeof *lat), *cpu = malloc((size_t)n * sizeof *cpu);
    upd *ups = malloc((size_t)n * sizeof *ups);
    double *big = malloc((size_t)n * sizeof *big); /* CPU of updates of the long stories */
    size_t n_big = 0;
    if (!stories || !lat || !cpu || !ups || !big)
        return 1;
    char text[8192], w[32], date[16], hash[40], src[64];
    double t_all = now();
    int day = 0;
    const long batch = 500;
    for (long i = 1; i <= n; i++) {
        if ((i - 1) % batch == 0)
            chr_store_begin(st);
        if (i % 40 == 0)
            day++;
        story *s;
        double r = unif();
        if (ns >= 3 && r < 0.05) {
            s = &stories[next() % 3]; /* three long-running stories */
        } else if (ns < 3 || r < 0.20) {
            if (ns == cap) {
                cap *= 2;
                stories = realloc(stories, cap * sizeof *stories);
            }
            s = &stories[ns++];
            s->id = (int64_t)ns;
            s->day0 = day;
            s->topic = (unsigned)next();
        } else {
            /* recent stories, the latest more likely */
            size_t back = (size_t)(unif() * unif() * (ns < 300 ? ns : 300));
            s = &stories[ns - 1 - back];
        }
        s->day0 = day; /* a story's articles report what happens around now */
        /* ~12 sentences, 4 of them dated */
        size_t len = 0, sent_start[16], sent_end[16], tx_s[16], tx_e[16];
        int tx_sent[16];
        char tx_v[16][16];
        int n_sent = 8 + (int)(next() % 8), n_tx = 0;
        for (int k = 0; k < n_sent; k++) {
            sent_start[k] = len;
            int nw = 10 + (int)(next() % 15);
            for (int j = 0; j < nw; j++) {
                unsigned id = unif() < 0.4 ? s->topic % 5000 + zipf_word(300) : zipf_word(20000);
                word(w, sizeof w, id);
                if (j == 0 && w[0])
                    w[0] = (char)(w[0] - 32);
                len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", j ? " " : "", w);
            }
            if (k % 3 == 1 && n_tx < 16) {
                int dd = s->day0 + (int)(next() % 20) - 5;
                int y = 2020 + dd / 360, m = (dd % 360) / 30, dm = dd % 30 + 1;
                if (dd < 0)
                    y = 2019, m = 11, dm = 1;
                len += (size_t)snprintf(text + len, sizeof text - len, " on ");
                tx_s[n_tx] = len;
                len += (size_t)snprintf(text + len, sizeof text - len, "%s %d", months[m], dm);
                tx_e[n_tx] = len;
                snprintf(tx_v[n_tx], sizeof tx_v[n_tx], "%04d-%02d-%02d", y, m + 1, dm);
                n_tx++;
                sent_end[k] = len + 1;
                len += (size_t)snprintf(text + len, sizeof text - len, ".\n\n");
                tx_sent[n_tx - 1] = k;
            } else {
                sent_end[k] = len + 1;
                len += (size_t)snprintf(text + len, sizeof text - len, ".\n\n");
            }
        }
        int y = 2020 + day / 360, m = (day % 360) / 30 + 1, dm = day % 30 + 1;
        snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, dm);
        snprintf(hash, sizeof hash, "%032lx", (unsigned long)i);
        snprintf(src, sizeof src, "gen/%ld.txt", i);
        sqlite3_reset(ia);
        sqlite3_bind_int64(ia, 1, i);
        sqlite3_bind_text(ia, 2, hash, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ia, 3, src, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ia, 4, i % 3 ? "Wire" : "Herald", -1, SQLITE_STATIC);
        sqlite3_bind_text(ia, 5, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ia, 6, text, (int)len, SQLITE_TRANSIENT);
        sqlite3_step(ia);
        for (int k = 0; k < n_sent; k++) {
            sqlite3_reset(is);
            sqlite3_bind_int64(is, 1, i);
            sqlite3_bind_int(is, 2, k);
            sqlite3_bind_int64(is, 3, (sqlite3_int64)sent_start[k]);
            sqlite3_bind_int64(is, 4, (sqlite3_int64)sent_end[k]);
            sqlite3_step(is);
        }
        for (int k = 0; k < n_tx; k++) {
            sqlite3_reset(it);
            sqlite3_bind_int64(it, 1, i);
            sqlite3_bind_int64(it, 2, (sqlite3_int64)tx_s[k]);
            sqlite3_bind_int64(it, 3, (sqlite3_int64)tx_e[k]);
            sqlite3_bind_int(it, 4, tx_sent[k]);
            sqlite3_bind_text(it, 5, tx_v[k], -1, SQLITE_TRANSIENT);
            sqlite3_step(it);
        }
        sqlite3_reset(isa);
        sqlite3_bind_int64(isa, 1, i);
        sqlite3_bind_int64(isa, 2, s->id);
        sqlite3_step(isa);
        struct rusage r0, r1;
        usage_now(&r0);
        double t0 = now(), c0 = cpu_now();
        if (chr_tl_updater_add(u, i, s->id, &d) != CHR_OK) {
            fprintf(stderr, "timeline_bench: update failed at %ld: %s\n", i, d.msg);
            return 1;
        }
        lat[i - 1] = now() - t0;
        cpu[i - 1] = cpu_now() - c0;
        usage_now(&r1);
        ups[i - 1].wall = lat[i - 1];
        ups[i - 1].cpu = cpu[i - 1];
        ups[i - 1].preempt = r1.ru_nivcsw - r0.ru_nivcsw;
        ups[i - 1].block = r1.ru_nvcsw - r0.ru_nvcsw;
        ups[i - 1].majflt = r1.ru_majflt - r0.ru_majflt;
        if (s->id <= 3)
            big[n_big++] = cpu[i - 1];
        if (i % batch == 0 || i == n)
            chr_store_commit(st);
    }
    double total = now() - t_all;
    if (spinner > 0) {
        kill(spinner, SIGKILL);
        waitpid(spinner, NULL, 0);
    }
    printf("timeline update (chr_tl_updater_add), %ld articles, %zu stories%s\n", n, ns,
           busy ? ", one core kept busy (--busy)" : "");
    double p99_last = 0;
    for (int pass = 0; pass < 2; pass++) {
        double *src_v = pass ? cpu : lat;
        printf("%s\n", pass ? "CPU time of the updating thread:" : "wall-clock latency:");
        for (int dec = 0; dec < 10; dec++) {
            long a = n * dec / 10, b = n * (dec + 1) / 10;
            char label[64];
            snprintf(label, sizeof label, "  articles %ld-%ld", a + 1, b);
            double *v = malloc((size_t)(b - a) * sizeof *v);
            memcpy(v, src_v + a, (size_t)(b - a) * sizeof *v);
            double p = report(label, v, (size_t)(b - a));
            if (!pass && dec == 9)
                p99_last = p;
            free(v);
        }
        report("  all", src_v, (size_t)n);
    }
    report("  3 long stories (CPU)", big, n_big);
    printf("where the wall time of the slowest updates went, articles %ld-%ld:\n", n - n / 10 + 1,
           n);
    tail_report(ups, n - n / 10, n);
    printf("all articles:\n");
    tail_report(ups, 0, n);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(
        db, "SELECT max(c) FROM (SELECT count(*) c FROM story_article GROUP BY story_id)", -1, &q,
        NULL);
    if (sqlite3_step(q) == SQLITE_ROW)
        printf("largest story: %d articles; total run %.1f s (generation included)\n",
               sqlite3_column_int(q, 0), total);
    sqlite3_finalize(q);
    printf("p99 wall at %ldk: %.2f ms (target 5 ms)\n", n / 1000, 1e3 * p99_last);
    sqlite3_finalize(ia);
    sqlite3_finalize(is);
    sqlite3_finalize(it);
    sqlite3_finalize(isa);
    chr_tl_updater_close(u);
    chr_store_close(st);
    free(stories);
    free(lat);
    free(cpu);
    free(ups);
    free(big);
    return 0;
}
