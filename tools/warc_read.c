/* chronicle — warc_read: test and benchmark driver for the WARC reader
 * (built by mk/html.mk; used by tests/e2e/web_warc.sh and make bench-html).
 *   warc_read [--quiet] FILE|-   one line per article: source, date, url,
 *                                title, text bytes; errors as "error: ...";
 *                                last line "articles N errors N skipped N bytes N" */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/warc.h"

int main(int argc, char **argv)
{
    int quiet = 0, i = 1;
    if (i < argc && strcmp(argv[i], "--quiet") == 0)
        quiet = 1, i++;
    if (i >= argc) {
        fprintf(stderr, "usage: warc_read [--quiet] FILE|-\n");
        return 2;
    }
    const char *path = argv[i];
    int fd = strcmp(path, "-") == 0 ? dup(0) : open(path, O_RDONLY);
    if (fd < 0) {
        perror(path);
        return 1;
    }
    chr_warc *w;
    chr_diag d;
    if (chr_warc_open_fd(fd, path, &w, &d) != CHR_OK) {
        fprintf(stderr, "%s\n", d.msg);
        return 1;
    }
    long n = 0, errors = 0;
    size_t text = 0;
    for (;;) {
        chr_article *a = NULL;
        chr_err e = chr_warc_next(w, &a, &d);
        if (e != CHR_OK) {
            char buf[1200];
            printf("error: %s (%s)\n", chr_diag_format(&d, buf, sizeof buf), chr_strerror(e));
            errors++;
            if (errors > 100000)
                break;
            continue;
        }
        if (!a)
            break;
        n++;
        text += a->text_len;
        if (!quiet)
            printf("%s\t%s\t%s\t%s\t%zu\n", a->source, a->pub_date ? a->pub_date : "-",
                   a->url ? a->url : "-", a->title ? a->title : "-", a->text_len);
        chr_article_free(a);
    }
    printf("articles %ld errors %ld skipped %ld bytes %lld text %zu\n", n, errors,
           chr_warc_skipped(w), chr_warc_offset(w), text);
    chr_warc_close(w);
    return 0;
}
