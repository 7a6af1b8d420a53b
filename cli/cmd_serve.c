/* chronicle CLI — `serve`: the HTTP/JSON API and web page over a database
 * (include/chronicle/serve.h). Parses options, starts the server, prints
 * the address, and stops cleanly on SIGINT/SIGTERM. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "chronicle/serve.h"
#include "cli.h"

static int is_loopback(const char *listen)
{
    return strncmp(listen, "127.", 4) == 0 || strncmp(listen, "localhost:", 10) == 0 ||
           strncmp(listen, "[::1]:", 6) == 0;
}

int cmd_serve(int argc, char **argv, cli_opts *g)
{
    chr_serve_opts o;
    chr_serve_opts_default(&o);
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int k = cli_common_opt(argc, argv, &i, g);
        if (k == 0 && strcmp(argv[i], "--allow-ingest") == 0) {
            o.allow_ingest = 1;
            continue;
        }
        if (k == 0 && (k = cli_opt_value(argc, argv, &i, "--listen", &v)) > 0) {
            o.listen = v;
            continue;
        }
        if (k == 0 && (k = cli_opt_value(argc, argv, &i, "--threads", &v)) > 0) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 64) {
                cli_error("serve: --threads wants a number from 1 to 64");
                return EXIT_USAGE;
            }
            o.threads = (int)n;
            continue;
        }
        if (k < 0)
            return EXIT_USAGE;
        if (k == 0) {
            cli_error("serve: unknown argument '%s'", argv[i]);
            return EXIT_USAGE;
        }
    }
    o.db_path = g->db;
#if defined(__GLIBC__)
    /* SQLite allocates and frees a page cache for every temporary b-tree of
     * a query; with glibc's defaults the worker threads' arenas hand that
     * memory back to the kernel each time, and the page faults and TLB
     * shootdowns that follow cost more than the queries (measured on a
     * Reuters-21578 database, 8 clients on /api/stories: 14 -> 53 req/s). */
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif

    /* Block the stop signals before any thread starts, so that the server's
     * threads inherit the mask and only sigwait below receives them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    chr_server *s = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    chr_err e = chr_serve_open(&o, &s, &d);
    if (e == CHR_OK)
        e = chr_serve_listen(s, &d);
    if (e) {
        cli_diag(&d, "serve: ");
        chr_serve_close(s);
        /* a missing database is a database failure (3), as for every command */
        return e == CHR_EINVAL ? EXIT_USAGE : EXIT_FATAL;
    }
    const char *colon = strrchr(o.listen, ':');
    /* ":8080" listens on every address */
    const char *host = colon > o.listen ? o.listen : "0.0.0.0";
    int host_len = colon > o.listen ? (int)(colon - o.listen) : (int)strlen(host);
    if (!is_loopback(o.listen))
        cli_error("warning: listening on %.*s:%d, beyond this machine; the API has no "
                  "authentication",
                  host_len, host, chr_serve_port(s));
    /* The address, always: scripts started with port 0 read it here. */
    fprintf(stderr, "chronicle: serving %s on http://%.*s:%d/%s\n", g->db, host_len, host,
            chr_serve_port(s), o.allow_ingest ? " (POST /api/articles allowed)" : "");
    fflush(stderr);
    int sig = 0;
    sigwait(&stop, &sig);
    if (!g->quiet)
        fprintf(stderr, "chronicle: %s received, stopping\n",
                sig == SIGINT    ? "SIGINT"
                : sig == SIGTERM ? "SIGTERM"
                                 : "SIGHUP");
    chr_serve_close(s);
    return EXIT_OK;
}
