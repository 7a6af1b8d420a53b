/* chronicle CLI — what `run` prints after ingesting: every story with its
 * headline and timeline, laid out for a terminal (dates aligned, support
 * counts, sources as short outlet names). Also the timeline layout that
 * `timeline ID` prints. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "chronicle/timeline.h"
#include "cli.h"

int cli_print_overview(cli_opts *g, chr_store *st);
void cli_print_timeline(FILE *f, const chr_timeline *tl, int width);
int cli_term_width(void);
char *cli_story_title(chr_store *st, int64_t id);

#define DATE_COL 17     /* "2024-05-16 – 17" and "2023-03 – 2023-04" fit */
#define OVERVIEW_TOP 20 /* entries shown per story by `run` */

int cli_term_width(void)
{
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 60)
        return ws.ws_col > 160 ? 160 : ws.ws_col;
    const char *c = getenv("COLUMNS");
    int w = c ? atoi(c) : 0;
    return w >= 60 && w <= 300 ? w : 100;
}

/* Display width of UTF-8 text: code points, not bytes. */
static int cols(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* Print text wrapped to width columns, every line after the first indented
 * by indent spaces (the first is assumed to start there already). */
static void wrap(FILE *f, const char *text, int indent, int width)
{
    int avail = width - indent > 20 ? width - indent : 20;
    const char *p = text;
    int line = 0;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        int wl = cols(w, (size_t)(p - w));
        if (line && line + 1 + wl > avail) {
            fprintf(f, "\n%*s", indent, "");
            line = 0;
        }
        if (line) {
            fputc(' ', f);
            line++;
        }
        fwrite(w, 1, (size_t)(p - w), f);
        line += wl;
    }
    fputc('\n', f);
}

/* "2024-05-16", "2024-05-16 – 17", "2024-05-30 – 06-02", "2024-Q2",
 * "spring 2024". */
static void date_label(const chr_tl_entry *e, char *buf, size_t size)
{
    size_t dl = strlen(e->date);
    if (!e->end[0]) {
        snprintf(buf, size, "%s", e->label);
        return;
    }
    size_t common = 0;
    /* drop the year (and month) the end shares with the start */
    if (dl == 10 && strlen(e->end) == 10)
        common = strncmp(e->date, e->end, 8) == 0 ? 8 : strncmp(e->date, e->end, 5) == 0 ? 5 : 0;
    else if (dl == 7 && strlen(e->end) == 7 && strncmp(e->date, e->end, 5) == 0)
        common = 5;
    snprintf(buf, size, "%s – %s", e->date, e->end + common);
}

/* A short name for a source: its outlet, else the file (or JSON id) name
 * without folders and extension. */
static void short_source(const chr_tl_source *s, char *buf, size_t size)
{
    const char *name = s->outlet && *s->outlet ? s->outlet : s->article ? s->article : "?";
    if (!(s->outlet && *s->outlet)) {
        const char *slash = strrchr(name, '/');
        if (slash && slash[1])
            name = slash + 1;
    }
    snprintf(buf, size, "%s", name);
    if (!(s->outlet && *s->outlet)) {
        char *dot = strrchr(buf, '.');
        if (dot && dot != buf)
            *dot = '\0';
        char *hash = strchr(buf, '#');
        if (hash && hash != buf)
            *hash = '\0';
    }
    int named = s->outlet && *s->outlet;
    if (!named && cols(buf, strlen(buf)) > 24) {
        /* an id or file name, up to 24 columns ("003_25c78f597e85f3c1"); past
         * that its end tells articles apart ("…ria/2011-02-15/ext_12") */
        size_t i = strlen(buf);
        int c = 0;
        while (i > 0 && c < 23) {
            i--;
            while (i > 0 && ((unsigned char)buf[i] & 0xC0) == 0x80)
                i--;
            c++;
        }
        size_t tail = strlen(buf + i);
        if (tail + 4 < size) {
            memmove(buf + 3, buf + i, tail + 1);
            memcpy(buf, "…", 3);
        }
    } else if (named && cols(buf, strlen(buf)) > 18) { /* 17 columns and an ellipsis */
        size_t i = 0;
        int c = 0;
        while (buf[i] && c < 17) {
            i++;
            while (((unsigned char)buf[i] & 0xC0) == 0x80)
                i++;
            c++;
        }
        if (i + 4 <= size)
            memcpy(buf + i, "…", 4);
    }
}

void cli_print_timeline(FILE *f, const chr_timeline *tl, int width)
{
    int indent = DATE_COL + 6;
    if (!tl->n) {
        fprintf(f, "  (no dated events found)\n");
        return;
    }
    fprintf(f, "  %-*s %3s  %s\n", DATE_COL, "DATE", "SRC", "WHAT HAPPENED (sources)");
    for (size_t i = 0; i < tl->n; i++) {
        const chr_tl_entry *e = &tl->entries[i];
        char label[48];
        date_label(e, label, sizeof label);
        int pad = DATE_COL - cols(label, strlen(label));
        fprintf(f, "  %s%*s %3d  ", label, pad > 0 ? pad : 0, "", e->support);
        wrap(f, e->text ? e->text : "", indent, width);
        /* sources: distinct short names, in publication order */
        char line[1024] = "", name[64];
        size_t used = 0, shown = 0, more = 0;
        for (size_t k = 0; k < e->n_sources; k++) {
            short_source(&e->sources[k], name, sizeof name);
            char key[68];
            snprintf(key, sizeof key, "%s%s", shown ? ", " : "", name);
            int dup = 0;
            for (size_t j = 0; j < k && !dup; j++) {
                char other[64];
                short_source(&e->sources[j], other, sizeof other);
                dup = strcmp(other, name) == 0;
            }
            if (dup)
                continue;
            if (shown >= 6 || used + strlen(key) + 1 >= sizeof line) {
                more++;
                continue;
            }
            memcpy(line + used, key, strlen(key) + 1);
            used += strlen(key);
            shown++;
        }
        fprintf(f, "%*s— ", indent, "");
        if (more)
            snprintf(line + used, sizeof line - used, " +%zu more", more);
        wrap(f, line, indent + 2, width);
        if (e->conflict) {
            fprintf(f, "%*s! date conflict: ", indent, "");
            wrap(f, e->conflict, indent + 2, width);
        }
        for (size_t k = 1; k < e->n_sentences; k++) {
            fprintf(f, "%*s· ", indent, "");
            wrap(f, e->sentences[k], indent + 2, width);
        }
    }
}

/* s as one word of a POSIX shell: as it is when every byte is safe, else
 * in single quotes (a quote inside written '\''). */
static void shell_word(const char *s)
{
    if (*s &&
        !s[strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./-+:=,@%")]) {
        fputs(s, stdout);
        return;
    }
    putchar('\'');
    for (; *s; s++)
        fputs(*s == '\'' ? "'\\''" : (char[]){*s, 0}, stdout);
    putchar('\'');
}

/* Whether the hint to see more must name the database: not the default
 * "chronicle.db" nor the one $CHRONICLE_DB names. */
static int db_note(const char *db)
{
    const char *env = getenv("CHRONICLE_DB");
    return db && strcmp(db, env && *env ? env : "chronicle.db") != 0;
}

/* One story: header (number, size, title), then its top entries. The title
 * is the one `stories` shows; the whole database (no stories) has its
 * summary's headline. */
static int print_story(chr_store *st, const char *db, int64_t id, size_t nth, int width)
{
    chr_tl_opts o = {OVERVIEW_TOP, 0, 0, 0, 0};
    chr_timeline *tl = NULL;
    chr_summary *s = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_timeline_build(st, id, &o, &tl, &d) != CHR_OK) {
        cli_diag(&d, NULL);
        return EXIT_FATAL;
    }
    char *title = id ? cli_story_title(st, id) : NULL;
    if (!id) {
        chr_summary_opts so = {40, 0};
        chr_diag_clear(&d);
        if (chr_summary_build(st, id, &so, &s, &d) == CHR_OK && s->headline)
            title = strdup(s->headline);
    }
    char head[64];
    if (id)
        snprintf(head, sizeof head, "STORY %lld", (long long)id);
    else
        snprintf(head, sizeof head, "ALL ARTICLES");
    printf("%s%s · %zu article%s", nth ? "\n" : "", head, tl->n_articles,
           tl->n_articles == 1 ? "" : "s");
    if (tl->n) {
        const char *a = tl->entries[0].label, *z = tl->entries[tl->n - 1].end[0]
                                                       ? tl->entries[tl->n - 1].end
                                                       : tl->entries[tl->n - 1].label;
        if (strcmp(a, z) == 0)
            printf(" · events %s", a); /* one day */
        else
            printf(" · events %s … %s", a, z);
    }
    printf("\n");
    if (title && *title) {
        printf("  ");
        wrap(stdout, title, 2, width);
    }
    free(title);
    printf("\n");
    cli_print_timeline(stdout, tl, width);
    if (tl->n_all > tl->n) /* one entry a date kept, or the top ones */
    {
        printf("  … %zu more entr%s: chronicle", tl->n_all - tl->n,
               tl->n_all - tl->n == 1 ? "y" : "ies");
        if (db_note(db)) {
            printf(" --db ");
            shell_word(db);
        }
        printf(" timeline %s\n", id ? head + 6 : "--all");
    }
    chr_timeline_free(tl);
    chr_summary_free(s);
    return EXIT_OK;
}

int cli_print_overview(cli_opts *g, chr_store *st)
{
    int width = cli_term_width();
    int64_t *ids = NULL;
    size_t n = 0;
    chr_err e = chr_timeline_stories(st, &ids, &n);
    if (e == CHR_ENOTFOUND) /* no story assignments: the whole database is one story */
        return print_story(st, g->db, 0, 0, width);
    if (e) {
        cli_error("%s: cannot list stories: %s", g->db, chr_strerror(e));
        return EXIT_FATAL;
    }
    int rc = EXIT_OK;
    for (size_t i = 0; i < n && rc == EXIT_OK; i++)
        rc = print_story(st, g->db, ids[i], i, width);
    free(ids);
    return rc;
}
