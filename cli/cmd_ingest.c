/* chronicle CLI — `ingest` and `run`: read inputs through the pipeline,
 * report problems one line each, print a summary. `run` then prints what
 * was found (stories and timelines when those stages exist). SIGINT and
 * SIGTERM stop an ingest cleanly: what was processed is kept. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/cluster.h"
#include "chronicle/pipeline.h"
#include "chronicle/timeline.h"
#include "cli.h"

typedef struct ingest_ui {
    cli_progress bar;
} ingest_ui;

static void on_report(void *ctx, const chr_diag *d, int warning)
{
    ingest_ui *ui = ctx;
    cli_progress_clear(&ui->bar); /* (--quiet keeps warnings: it hides progress and summaries) */
    cli_diag(d, warning ? "warning: " : "error: ");
}

static void on_progress(void *ctx, const chr_ingest_stats *s, long long total)
{
    ingest_ui *ui = ctx;
    (void)total;
    cli_progress_update(&ui->bar, s->bytes, s->articles, "articles");
}

/* The signal (SIGINT, SIGTERM) that asked the ingest to stop, else 0: set
 * by the handler alone, read by the pipeline between articles. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

static const int stop_signals[] = {SIGINT, SIGTERM};
#define N_STOP_SIGNALS (sizeof stop_signals / sizeof stop_signals[0])

/* Catch the stop signals, once each (a second one ends the process as it
 * would have), keeping their actions in old[]. A signal ignored by whoever
 * started us (a background job, nohup) stays ignored. */
static void catch_stop_signals(struct sigaction old[N_STOP_SIGNALS])
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_RESTART;
    for (size_t i = 0; i < N_STOP_SIGNALS; i++) {
        if (sigaction(stop_signals[i], NULL, &old[i]) != 0)
            old[i].sa_handler = SIG_DFL;
        else if (old[i].sa_handler != SIG_IGN)
            sigaction(stop_signals[i], &sa, NULL);
    }
}

static void restore_stop_signals(const struct sigaction old[N_STOP_SIGNALS])
{
    for (size_t i = 0; i < N_STOP_SIGNALS; i++)
        sigaction(stop_signals[i], &old[i], NULL);
}

/* `ingest --json`: the summary as one object on stdout. */
static void print_stats_json(const chr_ingest_stats *s, double seconds, int sig)
{
    chr_json j;
    chr_json_init(&j, stdout, 0);
    chr_json_begin_object(&j);
    chr_json_kint(&j, "new", s->stored);
    chr_json_kint(&j, "already", s->duplicates);
    chr_json_kint(&j, "copies", s->copies);
    chr_json_kint(&j, "errors", s->errors);
    chr_json_kint(&j, "warnings", s->warnings);
    chr_json_kint(&j, "articles", s->articles);
    chr_json_kint(&j, "files", s->files);
    chr_json_kint(&j, "skipped", s->skipped);
    chr_json_kint(&j, "bytes", s->bytes);
    chr_json_kdouble(&j, "seconds", seconds);
    chr_json_kstring(&j, "stopped", sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : NULL);
    chr_json_end_object(&j);
    chr_json_end(&j);
}

/* Shared by ingest and run. Returns an exit code (128 + the signal when
 * stopped by SIGINT or SIGTERM); *stats filled. */
int cli_ingest_paths(cli_opts *g, chr_store *st, char **paths, int n, chr_ingest_stats *stats)
{
    chr_pipeline *p = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_pipeline_open(st, &p, &d) != CHR_OK) {
        cli_diag(&d, NULL);
        return EXIT_FATAL;
    }
    ingest_ui ui;
    long long total = 0;
    for (int i = 0; i < n; i++)
        total += chr_pipeline_input_size(paths[i]);
    cli_progress_init(&ui.bar, total, g->quiet);
    chr_pipeline_set_total(p, total);
    chr_pipeline_on_report(p, on_report, &ui);
    chr_pipeline_on_progress(p, on_progress, &ui);
    struct sigaction old[N_STOP_SIGNALS];
    stop_signal = 0;
    catch_stop_signals(old);
    chr_pipeline_set_stop(p, &stop_signal);
    memset(stats, 0, sizeof *stats);
    double t0 = cli_now();
    int rc = EXIT_OK;
    for (int i = 0; i < n && !stop_signal; i++) {
        chr_err e = chr_pipeline_ingest(p, paths[i], stats);
        if (e == CHR_EINTR)
            break;
        if (e) {
            cli_error("ingest stopped at %s: %s", paths[i], chr_strerror(e));
            rc = EXIT_FATAL;
            break;
        }
    }
    cli_progress_done(&ui.bar);
    chr_pipeline_close(p); /* (stories' buffered statistics written) */
    restore_stop_signals(old);
    double dt = cli_now() - t0;
    if (g->json)
        print_stats_json(stats, dt, stop_signal);
    if (stop_signal && rc == EXIT_OK) {
        /* every article counted was committed whole; the rest is to read */
        cli_error("interrupted (%s): %ld new article%s stored, re-run to continue",
                  stop_signal == SIGINT ? "SIGINT" : "SIGTERM", stats->stored,
                  stats->stored == 1 ? "" : "s");
        return EXIT_SIGNAL + stop_signal;
    }
    char copies[96] = "", skipped[64] = "";
    if (stats->copies)
        snprintf(copies, sizeof copies, " (%ld of them another record's text, kept as copies)",
                 stats->copies);
    if (stats->skipped)
        snprintf(skipped, sizeof skipped, ", %ld web record%s without an article skipped",
                 stats->skipped, stats->skipped == 1 ? "" : "s");
    if (!g->quiet)
        fprintf(stderr,
                "ingested %ld article%s from %ld file%s: %ld new, %ld already stored%s, %ld error%s"
                "%s (%.1f MB in %.2f s)\n",
                stats->articles, stats->articles == 1 ? "" : "s", stats->files,
                stats->files == 1 ? "" : "s", stats->stored, stats->duplicates, copies,
                stats->errors, stats->errors == 1 ? "" : "s", skipped, (double)stats->bytes / 1e6,
                dt);
    if (rc == EXIT_OK && stats->files == 0 && stats->errors == 0)
        cli_error("warning: no input files found (hidden files and .md .tsv .csv .db "
                  ".sqlite are skipped)");
    if (rc == EXIT_OK && stats->errors > 0)
        rc = EXIT_INPUT;
    return rc;
}

/* A mistyped path makes no database: when the database does not exist yet
 * and none of the paths does either, each is reported (as the pipeline
 * would) and nothing is created. */
static int none_exist(cli_opts *g, char **paths, size_t np)
{
    if (access(g->db, F_OK) == 0)
        return 0;
    for (size_t i = 0; i < np; i++)
        if (strcmp(paths[i], "-") == 0 || access(paths[i], F_OK) == 0 || errno != ENOENT)
            return 0;
    for (size_t i = 0; i < np; i++)
        cli_error("error: %s: cannot open: %s", paths[i], strerror(ENOENT));
    return 1;
}

/* Open the database to write, holding its writer lock (waiting, with one
 * line said, while another ingest holds it) until chr_store_close; NULL
 * after the error was printed. */
static chr_store *open_writer(cli_opts *g)
{
    chr_store *st = cli_open_store(g, 0);
    if (!st)
        return NULL;
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = chr_store_lock_writer(st, 0, &d);
    if (e == CHR_EBUSY) {
        cli_error("waiting for another ingest of %s to finish", g->db);
        e = chr_store_lock_writer(st, 1, &d);
    }
    if (e) {
        cli_diag(&d, NULL);
        chr_store_close(st);
        return NULL;
    }
    return st;
}

/* Parse options common to ingest and run; collects paths into argv order. */
static int parse_paths(int argc, char **argv, cli_opts *g, char ***paths, int *np, int *recluster)
{
    *paths = calloc((size_t)argc, sizeof **paths);
    *np = 0;
    if (!*paths)
        return EXIT_FATAL;
    for (int i = 1; i < argc; i++) {
        int k = cli_common_opt(argc, argv, &i, g);
        if (k < 0)
            return EXIT_USAGE;
        if (k)
            continue;
        if (strcmp(argv[i], "--recluster") == 0 && recluster) {
            *recluster = 1;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
            cli_error("%s: unknown option '%s'", argv[0], argv[i]);
            return EXIT_USAGE;
        }
        if (strcmp(argv[i], "--") == 0) {
            for (i++; i < argc; i++)
                (*paths)[(*np)++] = argv[i];
            break;
        }
        (*paths)[(*np)++] = argv[i];
    }
    int stdin_seen = 0;
    for (int k = 0; k < *np; k++) {
        const char *a = (*paths)[k];
        if (!*a) {
            cli_error("%s: an empty PATH ('') names no file", argv[0]);
            return EXIT_USAGE;
        }
        if (strcmp(a, "-") == 0 && stdin_seen++) {
            cli_error("%s: - (standard input) given more than once: it can be read once", argv[0]);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

int cmd_ingest(int argc, char **argv, cli_opts *g)
{
    char **paths;
    int np, recluster = 0;
    int rc = parse_paths(argc, argv, g, &paths, &np, &recluster);
    if (rc) {
        free(paths);
        return rc;
    }
    if (np == 0 && !recluster) {
        cli_error("ingest: give at least one PATH (file, folder, or - for stdin)");
        free(paths);
        return EXIT_USAGE;
    }
    if (np == 0 && access(g->db, F_OK) != 0) { /* --recluster alone: nothing to rebuild */
        cli_error("%s: no such database (run 'chronicle ingest' first, or give --db FILE)", g->db);
        free(paths);
        return EXIT_FATAL;
    }
    if (none_exist(g, paths, np)) {
        free(paths);
        return EXIT_INPUT;
    }
    chr_store *st = open_writer(g);
    if (!st) {
        free(paths);
        return EXIT_FATAL;
    }
    chr_ingest_stats s;
    rc = np > 0 ? cli_ingest_paths(g, st, paths, np, &s) : EXIT_OK;
    if (recluster && rc != EXIT_FATAL && rc < EXIT_SIGNAL) {
        chr_diag d;
        chr_diag_clear(&d);
        long n = 0, nt = 0;
        double t0 = cli_now();
        chr_err e = chr_cluster_rebuild(st, NULL, &n, &d);
        if (e == CHR_OK) {
            e = chr_store_begin(st);
            if (e == CHR_OK && (e = chr_timeline_rebuild(st, &nt, &d)) == CHR_OK)
                e = chr_store_commit(st);
            else
                chr_store_rollback(st);
        }
        if (e) {
            if (d.msg[0])
                cli_diag(&d, "recluster: ");
            else
                cli_error("recluster: %s", chr_strerror(e));
            rc = EXIT_FATAL;
        } else {
            if (!g->quiet)
                fprintf(
                    stderr,
                    "reclustered %ld article%s into stories and rebuilt their timelines (%.2f s)\n",
                    n, n == 1 ? "" : "s", cli_now() - t0);
            if (g->json) { /* after the ingest's own object, if PATHs were given */
                chr_json j;
                chr_json_init(&j, stdout, 0);
                chr_json_begin_object(&j);
                chr_json_kint(&j, "reclustered", n);
                chr_json_kdouble(&j, "seconds", cli_now() - t0);
                chr_json_end_object(&j);
                chr_json_end(&j);
            }
        }
    }
    chr_store_close(st);
    free(paths);
    return rc;
}

int cli_print_overview(cli_opts *g, chr_store *st);

int cmd_run(int argc, char **argv, cli_opts *g)
{
    char **paths;
    int np;
    int rc = parse_paths(argc, argv, g, &paths, &np, NULL);
    if (rc) {
        free(paths);
        return rc;
    }
    if (g->json) {
        cli_error("run: prints for a terminal; for JSON use 'chronicle stories --json' and "
                  "'chronicle timeline ID --json' after 'chronicle ingest'");
        free(paths);
        return EXIT_USAGE;
    }
    if (np == 0) {
        cli_error("run: give at least one PATH (file, folder, or - for stdin)");
        free(paths);
        return EXIT_USAGE;
    }
    if (none_exist(g, paths, np)) {
        free(paths);
        return EXIT_INPUT;
    }
    chr_store *st = open_writer(g);
    if (!st) {
        free(paths);
        return EXIT_FATAL;
    }
    chr_ingest_stats s;
    rc = cli_ingest_paths(g, st, paths, np, &s);
    if (rc != EXIT_FATAL && rc < EXIT_SIGNAL) {
        int r2 = cli_print_overview(g, st);
        if (r2 > rc)
            rc = r2;
    }
    chr_store_close(st);
    free(paths);
    return rc;
}
