/* chronicle — warc: streaming WARC reader (see warc.h).
 * First version: declared API; the reader grows in this file. */
#include "chronicle/warc.h"

#include <stdlib.h>
#include <unistd.h>

struct chr_warc {
    int fd;
    long skipped;
    long long offset;
};

chr_err chr_warc_open_fd(int fd, const char *name, chr_warc **out, chr_diag *d)
{
    chr_warc *w = calloc(1, sizeof *w);
    if (!w) {
        close(fd);
        return chr_diag_set(d, CHR_ENOMEM, name, 0, -1, "out of memory");
    }
    w->fd = fd;
    *out = w;
    return CHR_OK;
}

chr_err chr_warc_next(chr_warc *w, chr_article **out, chr_diag *d)
{
    *out = NULL;
    return chr_diag_set(d, CHR_EUNSUPPORTED, "", 0, w->offset, "WARC reading not built yet");
}

long chr_warc_skipped(const chr_warc *w) { return w->skipped; }
long long chr_warc_offset(const chr_warc *w) { return w->offset; }

void chr_warc_close(chr_warc *w)
{
    if (!w)
        return;
    close(w->fd);
    free(w);
}
