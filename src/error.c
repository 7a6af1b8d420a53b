/* chronicle — error strings and diagnostic formatting (see error.h). */
#include "chronicle/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const messages[CHR_ERR_COUNT] = {
    [CHR_OK] = "success",
    [CHR_ENOMEM] = "out of memory",
    [CHR_EIO] = "input/output error",
    [CHR_EPARSE] = "malformed input",
    [CHR_EEMPTY] = "no text",
    [CHR_EBINARY] = "binary data, not text",
    [CHR_EENCODING] = "bad text encoding",
    [CHR_ETOOBIG] = "input too large",
    [CHR_EDB] = "database error",
    [CHR_EINVAL] = "invalid argument",
    [CHR_ENOTFOUND] = "not found",
    [CHR_EDUP] = "already stored",
    [CHR_EUNSUPPORTED] = "unsupported",
    [CHR_EINTR] = "interrupted",
    [CHR_EBUSY] = "database in use by another writer",
};

const char *chr_strerror(chr_err err)
{
    if ((int)err < 0 || err >= CHR_ERR_COUNT || !messages[err])
        return "unknown error";
    return messages[err];
}

void chr_diag_clear(chr_diag *d)
{
    if (!d)
        return;
    memset(d, 0, sizeof *d);
    d->offset = -1;
}

chr_err chr_diag_set(chr_diag *d, chr_err code, const char *file, long line, long long offset,
                     const char *fmt, ...)
{
    if (!d)
        return code;
    d->code = code;
    size_t fl = file ? strlen(file) : 0;
    if (fl < sizeof d->file)
        snprintf(d->file, sizeof d->file, "%s", file ? file : "");
    else /* a path longer than the field keeps its end, the file's name: ".../x.txt" */
        snprintf(d->file, sizeof d->file, "...%s", file + fl - (sizeof d->file - 4));
    d->line = line;
    d->offset = offset;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->msg, sizeof d->msg, fmt, ap);
        va_end(ap);
    } else {
        snprintf(d->msg, sizeof d->msg, "%s", chr_strerror(code));
    }
    return code;
}

const char *chr_diag_format(const chr_diag *d, char *buf, size_t size)
{
    const char *msg = d->msg[0] ? d->msg : chr_strerror(d->code);
    if (d->file[0] && d->line > 0)
        snprintf(buf, size, "%s:%ld: %s", d->file, d->line, msg);
    else if (d->file[0] && d->offset >= 0)
        snprintf(buf, size, "%s@%lld: %s", d->file, d->offset, msg);
    else if (d->file[0])
        snprintf(buf, size, "%s: %s", d->file, msg);
    else
        snprintf(buf, size, "%s", msg);
    return buf;
}
