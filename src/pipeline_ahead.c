/* chronicle — pipeline: the records a prescan read, kept for the ingest.
 * Owns: chr_ahead (what the prescan read of a path's files, bounded in
 * bytes) and chr_input (the ingest's view of one file: kept records first,
 * then a reader). Does not read or clean itself beyond chr_reader's calls;
 * what the records mean is pipeline.c's. */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "pipeline_int.h"

/* One result of chr_reader_next. */
typedef struct kept_rec {
    chr_article *a; /* NULL: an error, d */
    chr_doc *doc;   /* a's chr_clean_text document, or NULL */
    chr_diag *d;
    chr_err e;
    char *warn;      /* chr_reader_warning, or NULL */
    long long bytes; /* chr_reader_bytes after it */
} kept_rec;

typedef struct kept_file {
    char *path;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    kept_rec *v;
    size_t n, cap;
    int cut;       /* records after v[n - 1] were not kept */
    int at_end;    /* the prescan read the file to its end */
    long line;     /* chr_reader_line after v[n - 1] */
    long skipped;  /* chr_reader_skipped then */
    chr_reader *r; /* the prescan's reader, left after v[n - 1], or NULL */
} kept_file;

struct chr_ahead {
    kept_file *f;
    size_t n, cap;
    size_t head; /* files before it were taken or passed */
    int reading; /* f[n - 1] is the file the prescan reads */
    size_t bytes, max_bytes;
    int full; /* max_bytes reached: nothing more is kept */
};

chr_ahead *chr_ahead_new(size_t max_bytes)
{
    chr_ahead *c = calloc(1, sizeof *c);
    if (c)
        c->max_bytes = max_bytes;
    return c;
}

static void rec_free(kept_rec *k)
{
    chr_article_free(k->a);
    chr_doc_free(k->doc);
    free(k->d);
    free(k->warn);
}

static void file_free(kept_file *f)
{
    for (size_t i = 0; i < f->n; i++)
        rec_free(&f->v[i]);
    free(f->v);
    free(f->path);
    chr_reader_close(f->r);
    memset(f, 0, sizeof *f);
}

void chr_ahead_free(chr_ahead *c)
{
    if (!c)
        return;
    for (size_t i = c->head; i < c->n; i++)
        file_free(&c->f[i]);
    free(c->f);
    free(c);
}

chr_err chr_ahead_begin(chr_ahead *c, const char *path, const struct stat *st)
{
    c->reading = 0;
    if (c->full)
        return CHR_OK;
    if (chr_grow((void **)&c->f, &c->cap, c->n + 1, sizeof *c->f) != 0)
        return CHR_ENOMEM;
    kept_file *f = &c->f[c->n];
    memset(f, 0, sizeof *f);
    if (!(f->path = strdup(path)))
        return CHR_ENOMEM;
    f->dev = st->st_dev;
    f->ino = st->st_ino;
    f->size = st->st_size;
    f->mtime = st->st_mtim;
    c->n++;
    c->reading = 1;
    return CHR_OK;
}

static size_t str_size(const char *s)
{
    return s ? strlen(s) + 1 : 0;
}

/* About what a record holds, in bytes. */
static size_t rec_size(const chr_article *a, const chr_doc *doc)
{
    size_t n = sizeof(kept_rec);
    if (a)
        n += sizeof *a + a->text_len + 1 + str_size(a->source) + str_size(a->ext_id) +
             str_size(a->url) + str_size(a->title) + str_size(a->author) + str_size(a->outlet) +
             str_size(a->lang) + str_size(a->pub_date) + str_size(a->extra) + str_size(a->charset);
    else
        n += sizeof(chr_diag);
    if (doc)
        n += sizeof *doc + doc->clean_len + 1 + str_size(doc->title) + str_size(doc->author) +
             str_size(doc->dateline_place) + str_size(doc->dateline_agency) +
             str_size(doc->dateline_date) + str_size(doc->stamp);
    return n;
}

chr_err chr_ahead_put(chr_ahead *c, chr_reader *r, chr_err e, const chr_diag *d, chr_article *a,
                      chr_doc *doc)
{
    kept_file *f = c->reading ? &c->f[c->n - 1] : NULL;
    size_t size = rec_size(a, doc);
    if (!f || f->cut || c->full || c->bytes + size > c->max_bytes) {
        if (f)
            f->cut = 1;
        if (c->bytes + size > c->max_bytes)
            c->full = 1;
        chr_article_free(a);
        chr_doc_free(doc);
        return CHR_OK;
    }
    kept_rec k = {a, doc, NULL, e, NULL, chr_reader_bytes(r)};
    const char *w = chr_reader_warning(r);
    if ((!a && !(k.d = malloc(sizeof *k.d))) || (w && !(k.warn = strdup(w))) ||
        chr_grow((void **)&f->v, &f->cap, f->n + 1, sizeof *f->v) != 0) {
        rec_free(&k);
        return CHR_ENOMEM;
    }
    if (k.d)
        *k.d = *d;
    f->v[f->n++] = k;
    f->line = chr_reader_line(r);
    c->bytes += size;
    return CHR_OK;
}

void chr_ahead_end(chr_ahead *c, chr_reader *r, int at_end)
{
    kept_file *f = c->reading ? &c->f[c->n - 1] : NULL;
    c->reading = 0;
    if (f) {
        f->at_end = at_end;
        f->skipped = chr_reader_skipped(r);
        if (!at_end && !f->cut) {
            f->r = r; /* the ingest goes on from here */
            return;
        }
    }
    chr_reader_close(r);
}

/* The file kept for path as it still is, taken out of c; files kept before
 * it (not visited: gone since the prescan) are dropped. 0 when none. */
static int take(chr_ahead *c, const char *path, kept_file *out)
{
    if (!c)
        return 0;
    size_t i = c->head;
    while (i < c->n && strcmp(c->f[i].path, path) != 0)
        i++;
    if (i == c->n)
        return 0;
    for (; c->head < i; c->head++)
        file_free(&c->f[c->head]);
    *out = c->f[c->head++];
    struct stat st;
    if (stat(path, &st) == 0 && st.st_dev == out->dev && st.st_ino == out->ino &&
        st.st_size == out->size && st.st_mtim.tv_sec == out->mtime.tv_sec &&
        st.st_mtim.tv_nsec == out->mtime.tv_nsec)
        return 1;
    file_free(out); /* changed since: read anew */
    return 0;
}

struct chr_input {
    kept_file f;   /* kept records (none: zeroed) */
    size_t i;      /* next of them */
    chr_reader *r; /* after them; NULL until needed */
    const char *path, *name;
    const volatile sig_atomic_t *stop;
    int done; /* the reader could not be opened again */
    const char *warn;
    long long bytes;
};

static chr_err open_reader(chr_input *in, chr_diag *d)
{
    chr_err e = chr_reader_open_until(in->path, in->stop, &in->r, d);
    if (e == CHR_OK && in->name && (e = chr_reader_set_name(in->r, in->name)) != CHR_OK) {
        chr_reader_close(in->r);
        in->r = NULL;
    }
    return e;
}

chr_err chr_input_open(chr_ahead *c, const char *path, const char *name,
                       const volatile sig_atomic_t *stop, chr_input **out, chr_diag *d)
{
    *out = NULL;
    chr_input *in = calloc(1, sizeof *in);
    if (!in)
        return chr_diag_set(d, CHR_ENOMEM, path, 0, -1, NULL);
    in->path = path;
    in->name = name;
    in->stop = stop;
    if (take(c, path, &in->f)) {
        in->r = in->f.r; /* may be NULL: opened when the kept records end */
        in->f.r = NULL;
    } else {
        chr_err e = open_reader(in, d);
        if (e) {
            free(in);
            return e;
        }
    }
    *out = in;
    return CHR_OK;
}

chr_err chr_input_next(chr_input *in, chr_article **a, chr_doc **doc, chr_diag *d)
{
    *a = NULL;
    *doc = NULL;
    in->warn = NULL;
    if (in->i < in->f.n) {
        kept_rec *k = &in->f.v[in->i++];
        *a = k->a;
        *doc = k->doc;
        k->a = NULL;
        k->doc = NULL;
        in->warn = k->warn;
        in->bytes = k->bytes;
        if (k->d)
            *d = *k->d;
        return k->e;
    }
    if (!in->r) {
        if (in->done || (in->f.at_end && !in->f.cut))
            return CHR_OK; /* all of it was kept */
        /* read again past what was kept: JSON Lines by their lines,
         * without reading the records again */
        chr_err e = open_reader(in, d);
        if (e) {
            in->done = 1;
            return e;
        }
        e = in->f.line > 0 ? chr_reader_skip_lines(in->r, in->f.line, d) : CHR_EINVAL;
        if (e != CHR_EINVAL && e != CHR_OK)
            return e; /* the reader is at its end */
        for (size_t i = 0; e == CHR_EINVAL && i < in->f.n; i++) {
            chr_article *skip = NULL;
            chr_diag sd;
            chr_reader_next(in->r, &skip, &sd);
            chr_article_free(skip);
        }
    }
    chr_err e = chr_reader_next(in->r, a, d);
    in->warn = chr_reader_warning(in->r);
    in->bytes = chr_reader_bytes(in->r);
    return e;
}

const char *chr_input_warning(const chr_input *in)
{
    return in->warn;
}

long long chr_input_bytes(const chr_input *in)
{
    return in->bytes;
}

int chr_input_idle(const chr_input *in)
{
    return in->r && in->i >= in->f.n ? chr_reader_idle(in->r) : 0;
}

long chr_input_skipped(const chr_input *in)
{
    return in->r ? chr_reader_skipped(in->r) : in->f.skipped;
}

void chr_input_close(chr_input *in)
{
    if (!in)
        return;
    chr_reader_close(in->r);
    file_free(&in->f); /* what was not handed out, and the warnings */
    free(in);
}
