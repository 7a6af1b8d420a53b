/* chronicle CLI — entry point: global options and the subcommand table.
 * Each subcommand lives in cli/cmd_*.c and uses the public library API. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cli.h"

#ifndef CHR_VERSION
#define CHR_VERSION "0.0.0"
#endif

int cmd_ingest(int argc, char **argv, cli_opts *g);
int cmd_run(int argc, char **argv, cli_opts *g);
int cmd_ls(int argc, char **argv, cli_opts *g);
int cmd_show(int argc, char **argv, cli_opts *g);
int cmd_tag(int argc, char **argv, cli_opts *g);
int cmd_extract(int argc, char **argv, cli_opts *g);
int cmd_serve(int argc, char **argv, cli_opts *g);
int cmd_timeline(int argc, char **argv, cli_opts *g);
int cmd_summary(int argc, char **argv, cli_opts *g);
int cmd_stories(int argc, char **argv, cli_opts *g);
int cmd_story(int argc, char **argv, cli_opts *g);
int cmd_entities(int argc, char **argv, cli_opts *g);
int cmd_search(int argc, char **argv, cli_opts *g);

static const struct command {
    const char *name;
    cli_cmd_fn fn;
    const char *usage;
    const char *summary;
} commands[] = {
    {"run", cmd_run, "run PATH...", "ingest PATH... and print every story with its timeline"},
    {"ingest", cmd_ingest, "ingest [--recluster] PATH...",
     "read articles (files, folders, - for stdin) into the database"},
    {"ls", cmd_ls, "ls [--json] [--limit N]", "list stored articles"},
    {"show", cmd_show, "show [--json] ID", "one article: metadata, clean text, sentences, dates"},
    {"tag", cmd_tag, "tag [--ref YYYY-MM-DD] [--lang LL] [--json] FILE|-",
     "annotate one text without storing it"},
    {"extract", cmd_extract, "extract [--json] [--url URL] [--charset CS] FILE|-",
     "main text and metadata of one HTML page, without storing it"},
    {"stories", cmd_stories, "stories [--json] [--limit N]",
     "list stories (groups of articles about one development), largest first"},
    {"story", cmd_story, "story ID [--json]", "one story: its articles, near-duplicates folded"},
    {"entities", cmd_entities, "entities [--story ID] [--type T] [--limit N] [--json]",
     "people, places, organisations with mention counts (--story: one story, aliases linked)"},
    {"search", cmd_search, "search WORDS... [--json] [--limit N]",
     "articles that match the words (\"a phrase\", prefix*, OR), best first, with their stories"},
    {"timeline", cmd_timeline,
     "timeline ID|--all [--json] [--top N] [--sentences K] [--dates N] [--min-support N]",
     "a story's dated events with their sources (--all: the whole database)"},
    {"summary", cmd_summary, "summary ID|--all [--json] [--words N] [--truncate]",
     "an extractive summary of a story in at most N words (default 100)"},
    {"serve", cmd_serve, "serve [--listen HOST:PORT] [--allow-ingest] [--threads N]",
     "HTTP/JSON API and web page over the database (default 127.0.0.1:8080)"},
    {NULL, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: chronicle [--db FILE] [--json] [--quiet] COMMAND [ARGS]\n\n"
               "chronicle reads news articles, resolves their dates, groups them into\n"
               "stories and builds a dated, sourced timeline for each.\n\ncommands:\n");
    for (const struct command *c = commands; c->name; c++) {
        if (strlen(c->usage) > 40)
            fprintf(f, "  %s\n  %-40s %s\n", c->usage, "", c->summary);
        else
            fprintf(f, "  %-40s %s\n", c->usage, c->summary);
    }
    fprintf(f, "\noptions (accepted before or after the command):\n"
               "  --db FILE    database (default: $CHRONICLE_DB or chronicle.db)\n"
               "  --json       machine-readable output (listings, ingest's summary)\n"
               "  --quiet      no progress or summaries on stderr (warnings still print)\n"
               "  --help       this help; 'chronicle COMMAND --help' for one command\n"
               "  --version    print the version\n\n"
               "exit codes: 0 ok, 1 input errors reported or not found, 2 usage,\n"
               "            3 database/system failure (no such database included),\n"
               "            130/143 ingest stopped by SIGINT/SIGTERM (what was read is kept)\n");
}

/* What a command printed must have reached its reader: a full disk or a
 * closed output ("ls > /dev/full") is a failure, not success. A reader
 * that went away ("| head") is not worth a message. */
static int flushed(int rc)
{
    errno = 0;
    int failed = fflush(stdout) != 0;
    int err = errno;
    if (!failed && !ferror(stdout))
        return rc;
    if (err == EPIPE)
        return rc;
    if (failed && err)
        cli_error("write error on standard output: %s", strerror(err));
    else
        cli_error("write error on standard output");
    return rc == EXIT_OK ? EXIT_FATAL : rc;
}

int main(int argc, char **argv)
{
    /* SQLite's memory statistics cost a global mutex on every allocation
     * and nothing here reads them: off, before SQLite starts */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    cli_opts g = {0};
    g.db = getenv("CHRONICLE_DB");
    if (!g.db || !*g.db)
        g.db = "chronicle.db";
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0 || strcmp(a, "help") == 0) {
            if (strcmp(a, "help") == 0 && i + 1 < argc) {
                for (const struct command *c = commands; c->name; c++)
                    if (strcmp(c->name, argv[i + 1]) == 0) {
                        printf("usage: chronicle %s\n  %s\n", c->usage, c->summary);
                        return flushed(EXIT_OK);
                    }
            }
            usage(stdout);
            return flushed(EXIT_OK);
        }
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            printf("chronicle %s\n", CHR_VERSION);
            return flushed(EXIT_OK);
        }
        int k = cli_common_opt(argc, argv, &i, &g);
        if (k < 0)
            return EXIT_USAGE;
        if (k == 0)
            break;
    }
    if (i >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (argv[i][0] == '-') {
        cli_error("unknown option '%s' (see 'chronicle --help')", argv[i]);
        return EXIT_USAGE;
    }
    for (const struct command *c = commands; c->name; c++) {
        if (strcmp(c->name, argv[i]) == 0) {
            /* (not after "--": there every argument is a word, an id) */
            for (int k = i + 1; k < argc && strcmp(argv[k], "--") != 0; k++)
                if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
                    printf("usage: chronicle %s\n  %s\n", c->usage, c->summary);
                    return flushed(EXIT_OK);
                }
            g.cmd = c->name;
            return flushed(c->fn(argc - i, argv + i, &g));
        }
    }
    cli_error("'%s' is not a chronicle command (see 'chronicle --help')", argv[i]);
    return EXIT_USAGE;
}
