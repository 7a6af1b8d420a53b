/* chronicle — libFuzzer target for the WARC reader (warc.h): the input is
 * fed through a pipe (as stdin would be) and read to the end. Checks that
 * the reader terminates, returns articles with sources, and that errors
 * carry the stream name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/warc.h"

#define PIPE_MAX 65536 /* written at once into an empty pipe without blocking */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > PIPE_MAX)
        size = PIPE_MAX;
    int p[2];
    if (pipe(p) != 0)
        return 0;
    if (size && write(p[1], data, size) != (ssize_t)size)
        abort();
    close(p[1]);
    chr_warc *w = NULL;
    chr_diag d;
    if (chr_warc_open_fd(p[0], "fuzz", &w, &d) != CHR_OK)
        return 0;
    long events = 0;
    for (;;) {
        chr_article *a = NULL;
        chr_err e = chr_warc_next(w, &a, &d);
        if (e != CHR_OK) {
            if (a || strcmp(d.file, "fuzz") != 0)
                abort();
        } else if (!a) {
            break;
        } else {
            if (!a->source || strncmp(a->source, "fuzz@", 5) != 0 || !a->text)
                abort();
            chr_article_free(a);
        }
        /* Every event consumes input: more events than bytes is a loop. */
        if (++events > (long)size + 2)
            abort();
    }
    if (chr_warc_offset(w) > (long long)size)
        abort();
    chr_warc_close(w);
    return 0;
}
