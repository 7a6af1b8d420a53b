/* chronicle — serve cache: the expensive parts of a story page (timeline,
 * summary) as finished JSON, built by one background thread on its own
 * read-only connection and kept per story under a signature of the story's
 * state (two builders: one only for stories of up to SMALL_COST articles, so
 * that a huge story never holds up the common case). A request waits a moment for a build; past
 * that it answers with the previous (stale) value or none, marked pending, and never ties up a
 * worker for a long build. Whole story responses are kept the same way (peek and store, no build).
 * LRU within an entry and byte budget. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "serve_int.h"

enum {
    MAX_JOBS = 64,
    SMALL_COST = 500 /* stories up to this size have a builder of their own */
};

typedef struct cache_ent {
    int64_t id;
    int kind;
    char sig[64]; /* state the value was built for */
    char *value;  /* malloc'd JSON ("null" when it could not be built) or NULL */
    int queued;   /* a build for want_sig is queued or running */
    char want_sig[64];
    unsigned long used; /* LRU clock */
} cache_ent;

typedef struct job {
    int64_t id;
    int kind;
    long cost; /* the story's size: small stories are built first */
    char sig[64];
} job;

struct serve_cache {
    pthread_mutex_t mu;
    pthread_cond_t done_cv; /* a build finished */
    pthread_cond_t job_cv;  /* a job was queued, or stop */
    cache_ent *ents;
    int n, cap;
    size_t bytes, max_bytes;
    unsigned long clock;
    job jobs[MAX_JOBS];
    int n_jobs;
    int stop;
    struct lane {
        serve_cache *c;
        int small_only; /* takes only jobs of cost <= SMALL_COST */
        pthread_t thread;
        int started;
        int running;  /* the thread has not returned */
        serve_db *db; /* its connection (owned by the server) */
    } lanes[SERVE_BUILDERS];
    unsigned long built;
};

static cache_ent *find(serve_cache *c, int64_t id, int kind)
{
    for (int i = 0; i < c->n; i++)
        if (c->ents[i].id == id && c->ents[i].kind == kind)
            return &c->ents[i];
    return NULL;
}

static void drop(serve_cache *c, int i)
{
    c->bytes -= c->ents[i].value ? strlen(c->ents[i].value) : 0;
    free(c->ents[i].value);
    c->ents[i] = c->ents[--c->n];
}

/* A new entry, evicting the least recently used idle ones; NULL when every
 * entry is waiting for a build. */
static cache_ent *new_ent(serve_cache *c, int64_t id, int kind)
{
    while (c->n == c->cap || (c->bytes > c->max_bytes && c->n > 0)) {
        int lru = -1;
        for (int i = 0; i < c->n; i++)
            if (!c->ents[i].queued && (lru < 0 || c->ents[i].used < c->ents[lru].used))
                lru = i;
        if (lru < 0)
            return NULL;
        drop(c, lru);
    }
    cache_ent *e = &c->ents[c->n++];
    memset(e, 0, sizeof *e);
    e->id = id;
    e->kind = kind;
    return e;
}

static void deadline(struct timespec *t, double s)
{
    clock_gettime(CLOCK_REALTIME, t);
    long ns = t->tv_nsec + (long)(s * 1e9);
    t->tv_sec += ns / 1000000000L;
    t->tv_nsec = ns % 1000000000L;
}

/* The next job this lane may take, cheapest first; -1 when none. */
static int pick(serve_cache *c, const struct lane *l)
{
    int k = -1;
    for (int i = 0; i < c->n_jobs; i++)
        if ((!l->small_only || c->jobs[i].cost <= SMALL_COST) &&
            (k < 0 || c->jobs[i].cost < c->jobs[k].cost))
            k = i;
    return k;
}

static void *builder(void *arg)
{
    struct lane *l = arg;
    serve_cache *c = l->c;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        int k;
        while (!c->stop && (k = pick(c, l)) < 0)
            pthread_cond_wait(&c->job_cv, &c->mu);
        if (c->stop)
            break;
        job jb = c->jobs[k];
        memmove(c->jobs + k, c->jobs + k + 1, (size_t)(--c->n_jobs - k) * sizeof *c->jobs);
        pthread_mutex_unlock(&c->mu);

        char *v = NULL;
        if (sqlite3_exec(l->db->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK) {
            v = serve_build_part(l->db, jb.id, jb.kind);
            sqlite3_exec(l->db->db, "COMMIT", NULL, NULL, NULL);
        }
        if (!v)
            v = strdup("null");

        pthread_mutex_lock(&c->mu);
        c->built++;
        cache_ent *e = find(c, jb.id, jb.kind);
        if (e && v) {
            c->bytes -= e->value ? strlen(e->value) : 0;
            free(e->value);
            e->value = v;
            v = NULL;
            c->bytes += strlen(e->value);
            snprintf(e->sig, sizeof e->sig, "%s", jb.sig);
            if (strcmp(e->want_sig, jb.sig) == 0)
                e->queued = 0;
        }
        free(v);
        pthread_cond_broadcast(&c->done_cv);
    }
    l->running = 0;
    pthread_cond_broadcast(&c->done_cv);
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

serve_cache *serve_cache_new(serve_db *const dbs[SERVE_BUILDERS], int capacity, size_t max_bytes)
{
    serve_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->ents = calloc((size_t)capacity, sizeof *c->ents);
    if (!c->ents) {
        free(c);
        return NULL;
    }
    c->cap = capacity;
    c->max_bytes = max_bytes;
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->done_cv, NULL);
    pthread_cond_init(&c->job_cv, NULL);
    for (int i = 0; i < SERVE_BUILDERS; i++) {
        struct lane *l = &c->lanes[i];
        l->c = c;
        l->db = dbs[i];
        l->small_only = i == 0;
        l->running = 1;
        if (pthread_create(&l->thread, NULL, builder, l) != 0) {
            l->running = 0;
            serve_cache_free(c, 0);
            return NULL;
        }
        l->started = 1;
    }
    return c;
}

int serve_cache_free(serve_cache *c, double wait_s)
{
    if (!c)
        return 0;
    pthread_mutex_lock(&c->mu);
    c->stop = 1;
    pthread_cond_broadcast(&c->job_cv);
    for (int i = 0; i < SERVE_BUILDERS; i++)
        if (c->lanes[i].running && c->lanes[i].db)
            sqlite3_interrupt(c->lanes[i].db->db); /* cut a build short where it is in SQL */
    struct timespec until;
    deadline(&until, wait_s);
    int busy = 0;
    for (;;) {
        busy = 0;
        for (int i = 0; i < SERVE_BUILDERS; i++)
            busy |= c->lanes[i].running;
        if (!busy || pthread_cond_timedwait(&c->done_cv, &c->mu, &until) == ETIMEDOUT)
            break;
    }
    pthread_mutex_unlock(&c->mu);
    if (busy) {
        /* a build that cannot be interrupted: leave it to the process's exit
         * rather than block the shutdown (the cache stays allocated) */
        for (int i = 0; i < SERVE_BUILDERS; i++)
            if (c->lanes[i].started)
                pthread_detach(c->lanes[i].thread);
        return -1;
    }
    for (int i = 0; i < SERVE_BUILDERS; i++)
        if (c->lanes[i].started)
            pthread_join(c->lanes[i].thread, NULL);
    for (int i = 0; i < c->n; i++)
        free(c->ents[i].value);
    pthread_mutex_destroy(&c->mu);
    pthread_cond_destroy(&c->done_cv);
    pthread_cond_destroy(&c->job_cv);
    free(c->ents);
    free(c);
    return 0;
}

char *serve_cache_fetch(serve_cache *c, int64_t id, int kind, const char *sig, long cost,
                        double wait_s, int *pending)
{
    *pending = 0;
    struct timespec until;
    deadline(&until, wait_s);
    pthread_mutex_lock(&c->mu);
    cache_ent *e = find(c, id, kind);
    if (!e || !e->value || strcmp(e->sig, sig) != 0) {
        /* not built for this state: queue a build unless one is on its way */
        if (!e)
            e = new_ent(c, id, kind);
        if (e && !(e->queued && strcmp(e->want_sig, sig) == 0) && c->n_jobs < MAX_JOBS) {
            job *jb = &c->jobs[c->n_jobs++];
            jb->id = id;
            jb->kind = kind;
            jb->cost = cost;
            snprintf(jb->sig, sizeof jb->sig, "%s", sig);
            e->queued = 1;
            snprintf(e->want_sig, sizeof e->want_sig, "%s", sig);
            pthread_cond_broadcast(&c->job_cv);
        }
        /* wait only for a first value: an older one is answered at once */
        for (;;) {
            e = find(c, id, kind);
            if (!e || e->value)
                break;
            if (pthread_cond_timedwait(&c->done_cv, &c->mu, &until) == ETIMEDOUT)
                break;
        }
    }
    char *out = NULL;
    if (e && e->value) {
        e->used = ++c->clock;
        *pending = strcmp(e->sig, sig) != 0;
        out = strdup(e->value);
    } else {
        *pending = 1;
    }
    pthread_mutex_unlock(&c->mu);
    return out;
}

char *serve_cache_peek(serve_cache *c, int64_t id, int kind, const char *sig)
{
    char *out = NULL;
    pthread_mutex_lock(&c->mu);
    cache_ent *e = find(c, id, kind);
    if (e && e->value && strcmp(e->sig, sig) == 0) {
        e->used = ++c->clock;
        out = strdup(e->value);
    }
    pthread_mutex_unlock(&c->mu);
    return out;
}

char *serve_cache_claim(serve_cache *c, int64_t id, int kind, const char *sig, int *claimed)
{
    char *out = NULL;
    *claimed = 0;
    pthread_mutex_lock(&c->mu);
    cache_ent *e = find(c, id, kind);
    if (e && e->value && strcmp(e->sig, sig) == 0) {
        out = strdup(e->value);
    } else if (e && e->queued) {
        out = e->value ? strdup(e->value) : NULL; /* another request builds it */
    } else {
        if (!e)
            e = new_ent(c, id, kind);
        if (e) {
            e->queued = 1;
            snprintf(e->want_sig, sizeof e->want_sig, "%s", sig);
        }
        *claimed = 1;
    }
    if (e)
        e->used = ++c->clock;
    pthread_mutex_unlock(&c->mu);
    return out;
}

void serve_cache_store(serve_cache *c, int64_t id, int kind, const char *sig, const char *value,
                       size_t len)
{
    char *v = value ? malloc(len + 1) : NULL;
    if (v) {
        memcpy(v, value, len);
        v[len] = 0;
    }
    pthread_mutex_lock(&c->mu);
    cache_ent *e = find(c, id, kind);
    if (!e && v)
        e = new_ent(c, id, kind);
    if (e) {
        e->queued = 0; /* the claim, if any, is over */
        if (v) {
            c->bytes -= e->value ? strlen(e->value) : 0;
            free(e->value);
            e->value = v;
            v = NULL;
            c->bytes += len;
            snprintf(e->sig, sizeof e->sig, "%s", sig);
            e->used = ++c->clock;
        } else if (!e->value) {
            drop(c, (int)(e - c->ents));
        }
    }
    pthread_mutex_unlock(&c->mu);
    free(v);
}
