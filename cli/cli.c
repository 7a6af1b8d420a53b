/* chronicle CLI — helpers shared by subcommands (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void cli_put_plain(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) { /* C1 controls: "\xc2\x9b" is CSI */
            fprintf(f, "\\u%04x", p[1]);
            p++;
        } else if (*p >= 0x20 && *p != 0x7f)
            fputc(*p, f);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p == '\t')
            fputs("\\t", f);
        else
            fprintf(f, "\\x%02x", *p);
    }
}

void cli_error(const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fputs("chronicle: ", stderr);
    cli_put_plain(stderr, buf);
    fputc('\n', stderr);
}

void cli_diag(const chr_diag *d, const char *prefix)
{
    char buf[1200];
    fputs("chronicle: ", stderr);
    cli_put_plain(stderr, prefix ? prefix : "");
    cli_put_plain(stderr, chr_diag_format(d, buf, sizeof buf));
    fputc('\n', stderr);
}

chr_store *cli_open_store(const cli_opts *g, int ro)
{
    chr_store *st = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    if (ro && access(g->db, F_OK) != 0) {
        cli_error("%s: no such database (run 'chronicle ingest' first, or give --db FILE)", g->db);
        return NULL;
    }
    if (!ro && access(g->db, F_OK) != 0 && (errno == ENOENT || errno == ENOTDIR)) {
        /* a new database: its folder must exist (the store says when it
         * is not writable) */
        const char *slash = strrchr(g->db, '/');
        int dir_len = !slash ? 1 : slash == g->db ? 1 : (int)(slash - g->db); /* ".", "/" */
        char dir[4096];
        snprintf(dir, sizeof dir, "%.*s", dir_len, slash ? g->db : ".");
        struct stat sb;
        int found = stat(dir, &sb) == 0;
        if (!found || !S_ISDIR(sb.st_mode)) {
            cli_error("%s: cannot create the database: %s %s", g->db, dir,
                      found ? "is not a folder" : "does not exist");
            return NULL;
        }
    }
    if (chr_store_open(g->db, ro ? CHR_STORE_READONLY : 0, &st, &d) == CHR_OK)
        return st;
    /* a database from an older chronicle is migrated by a writer: when the
     * file is writable, open it once for writing (which migrates), then
     * read as asked */
    chr_diag d2;
    chr_diag_clear(&d2);
    if (ro && access(g->db, W_OK) == 0 && chr_store_open(g->db, 0, &st, &d2) == CHR_OK) {
        chr_store_close(st);
        st = NULL;
        if (chr_store_open(g->db, CHR_STORE_READONLY, &st, &d) == CHR_OK)
            return st;
    }
    cli_diag(&d, NULL);
    return NULL;
}

/* cli_opt_value, naming cmd (NULL: none) in the message. */
static int opt_value(const char *cmd, int argc, char **argv, int *i, const char *name,
                     const char **val)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0 || (a[n] != 0 && a[n] != '='))
        return 0;
    if (a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (*i + 1 >= argc) {
        cli_error("%s%soption %s needs a value", cmd ? cmd : "", cmd ? ": " : "", name);
        return -1;
    }
    *val = argv[++*i];
    return 1;
}

int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
    return opt_value(argv[0], argc, argv, i, name, val);
}

int cli_count_opt(int argc, char **argv, int *i, const char *name, long *out)
{
    const char *v;
    int k = cli_opt_value(argc, argv, i, name, &v);
    if (k > 0 && cli_count_arg(argv[0], name, v, out))
        return -1;
    return k;
}

int cli_common_opt(int argc, char **argv, int *i, cli_opts *g)
{
    const char *a = argv[*i], *v;
    if (strcmp(a, "--json") == 0) {
        g->json = 1;
        return 1;
    }
    if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
        g->quiet = 1;
        return 1;
    }
    int k = opt_value(g->cmd, argc, argv, i, "--db", &v);
    if (k > 0 && !*v) {
        cli_error("%s%s--db needs a file name, not ''", g->cmd ? g->cmd : "", g->cmd ? ": " : "");
        return -1;
    }
    if (k > 0)
        g->db = v;
    return k;
}

int cli_styled(int fd)
{
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(fd) && !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
}

int cli_count_arg(const char *cmd, const char *opt, const char *arg, long *out)
{
    int digits = *arg != 0;
    for (const char *p = arg; *p; p++)
        digits &= *p >= '0' && *p <= '9';
    errno = 0;
    long v = digits ? strtol(arg, NULL, 10) : 0;
    if (errno == ERANGE)
        v = LONG_MAX;       /* more than there can be: all */
    if (!digits || v < 1) { /* not " 5", "5 ", "+5" */
        cli_error("%s: %s needs a number >= 1, not '%s'", cmd, opt, arg);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_id_arg(const char *cmd, const char *what, const char *arg, int64_t *out)
{
    int digits = *arg != 0;
    for (const char *p = arg; *p; p++)
        digits &= *p >= '0' && *p <= '9';
    errno = 0;
    long long v = digits ? strtoll(arg, NULL, 10) : -1;
    if (!digits || errno == ERANGE) {
        cli_error("%s: '%s' is not a%s %s ID (%s: see 'chronicle %s')", cmd, arg,
                  strchr("aeiou", *what) ? "n" : "", what, digits ? "too large" : "a number",
                  strcmp(what, "story") == 0 ? "stories" : "ls");
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

int cli_negative_number(const char *arg)
{
    return arg[0] == '-' && arg[1] >= '0' && arg[1] <= '9';
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_init(cli_progress *p, long long total, int quiet)
{
    memset(p, 0, sizeof *p);
    p->total = total;
    p->start = cli_now();
    p->active = !quiet && isatty(2);
}

void cli_progress_update(cli_progress *p, long long done, long items, const char *what)
{
    if (!p->active)
        return;
    double now = cli_now();
    /* only for long work: after half a second, at most 10 redraws a second */
    if (now - p->start < 0.5 || now - p->last < 0.1)
        return;
    p->last = now;
    double rate = (double)items / (now - p->start);
    int w;
    if (p->total > 0) {
        double f = (double)done / (double)p->total;
        if (f > 1)
            f = 1;
        int bar = 30, fill = (int)(f * bar);
        w = fprintf(stderr, "\r[%.*s%*s] %3d%% %ld %s (%.0f/s) ", fill,
                    "##############################", bar - fill, "", (int)(f * 100), items, what,
                    rate);
    } else {
        w = fprintf(stderr, "\r%ld %s (%.0f/s) ", items, what, rate);
    }
    p->width = w > 1 ? w - 1 : 0;
    p->active = 2;
}

/* Spaces over the line rather than an erase sequence: right on any
 * terminal, TERM=dumb included. */
void cli_progress_clear(cli_progress *p)
{
    if (p->active == 2) {
        fprintf(stderr, "\r%*s\r", p->width, "");
        p->active = 1;
    }
}

void cli_progress_done(cli_progress *p)
{
    cli_progress_clear(p);
    p->active = 0;
}

char *cli_read_all(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        cli_error("%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    int big = 0;
    while (b) {
        size_t k = fread(b + n, 1, cap - n, f);
        n += k;
        if (n > CLI_MAX_INPUT) {
            big = 1;
            break;
        }
        if (n < cap)
            break;
        cap *= 2;
        char *nb = realloc(b, cap + 1);
        if (!nb) {
            free(b);
            b = NULL;
        } else {
            b = nb;
        }
    }
    int err = ferror(f);
    if (f != stdin)
        fclose(f);
    if (big) {
        free(b);
        cli_error("%s: too large (limit %u MiB)", path, CLI_MAX_INPUT >> 20);
        return NULL;
    }
    if (!b || err) {
        free(b);
        cli_error("%s: cannot read", path);
        return NULL;
    }
    b[n] = 0;
    *len = n;
    return b;
}
