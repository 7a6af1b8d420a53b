/* chronicle CLI — shared helpers for the subcommands (cli/cmd_*.c).
 * Owns: global options, exit codes, error printing, opening the store, the
 * stderr progress bar. Subcommands use only the public library API. */
#ifndef CHRONICLE_CLI_H
#define CHRONICLE_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "chronicle/error.h"
#include "chronicle/json.h"
#include "chronicle/store.h"

/* Exit codes. */
enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,   /* input errors reported, or the thing asked for does not exist */
    EXIT_USAGE = 2,   /* bad command line */
    EXIT_FATAL = 3,   /* database or system failure */
    EXIT_SIGNAL = 128 /* + the signal: ingest stopped by SIGINT (130) or SIGTERM (143) */
};

typedef struct cli_opts {
    const char *db;  /* --db FILE, default chronicle.db or $CHRONICLE_DB */
    int json;        /* --json */
    int quiet;       /* --quiet */
    const char *cmd; /* the subcommand once known (names it in messages), else NULL */
} cli_opts;

/* One subcommand: argv[0] is its name. */
typedef int (*cli_cmd_fn)(int argc, char **argv, cli_opts *g);

/* Print s with its control characters escaped ("\n", "\x1b"): a file
 * name or an argument echoed back stays on its line and cannot drive the
 * terminal. */
void cli_put_plain(FILE *f, const char *s);
/* Print "chronicle: message" to stderr (one line, control characters
 * escaped). */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Print a diag as one line on stderr. */
void cli_diag(const chr_diag *d, const char *prefix);

/* Open the store (read-only when ro); prints the error and returns NULL on
 * failure. */
chr_store *cli_open_store(const cli_opts *g, int ro);

/* Handle a common option (--db, --json, --quiet) at argv[*i]; returns 1 if
 * consumed (advancing *i past any value), 0 if not a common option, -1 on a
 * missing or empty value (already reported). */
int cli_common_opt(int argc, char **argv, int *i, cli_opts *g);

/* The value of option name at argv[*i], given as "name V" (advancing *i)
 * or "name=V": 1 with *val set, 0 when argv[*i] is another word, -1 when
 * the value is missing, reported as "argv[0]: option NAME needs a value"
 * (argv[0] is the subcommand; the caller exits with EXIT_USAGE). */
int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **val);

/* cli_opt_value for a count (>= 1, cli_count_arg): 1 with *out set, 0 not
 * this option, -1 missing or bad (reported). */
int cli_count_opt(int argc, char **argv, int *i, const char *name, long *out);

/* Whether output to fd may carry ANSI styling (bold, colour, underline): a
 * terminal, NO_COLOR unset or empty (no-color.org), TERM not "dumb". */
int cli_styled(int fd);

/* Progress bar on stderr, drawn only when stderr is a terminal and the work
 * is long; cleared by cli_progress_done. */
typedef struct cli_progress {
    int active; /* 1 may draw, 2 drawn (a line to clear) */
    int width;  /* columns of the line drawn */
    double start, last;
    long long total;
} cli_progress;
void cli_progress_init(cli_progress *p, long long total, int quiet);
void cli_progress_update(cli_progress *p, long long done, long items, const char *what);
/* Blank the drawn line (before another message); the bar may draw again. */
void cli_progress_clear(cli_progress *p);
void cli_progress_done(cli_progress *p);

/* The most one page or text read whole may hold: ingest's limit for one
 * article (a device or an endless pipe is refused at it, not read into
 * memory without end). */
#define CLI_MAX_INPUT (32u << 20)

/* Read a whole file (or "-") into memory, at most CLI_MAX_INPUT bytes;
 * NUL-terminated. Returns NULL and prints an error on failure ("too large"
 * past the limit). */
char *cli_read_all(const char *path, size_t *len);

/* Parse a count option's value (>= 1) into *out; reports and returns -1 when
 * it is not one. */
int cli_count_arg(const char *cmd, const char *opt, const char *arg, long *out);

/* Parse a story or article ID: decimal digits within 64 bits (0 is well
 * formed and found nowhere). Reports "cmd: 'arg' is not a WHAT ID" and
 * returns -1 otherwise (the caller exits with EXIT_USAGE). */
int cli_id_arg(const char *cmd, const char *what, const char *arg, int64_t *out);

/* Whether a command-line word is a negative number ("-1"): a bad ID to
 * report as such, not an unknown option. */
int cli_negative_number(const char *arg);

double cli_now(void);

#endif
