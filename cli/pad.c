/* chronicle CLI — cli/pad.c: owns padding and cutting text columns by
 * display width (utf8proc), so that names with accents or CJK outlets keep
 * the columns after them aligned. */
#include "pad.h"

#include <string.h>
#include <utf8proc.h>

/* One code point at s (at most n bytes): its byte length and cell width. */
static size_t next_char(const char *s, size_t n, int *cells)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
    if (k <= 0) {
        *cells = 1;
        return 1;
    }
    int w = utf8proc_charwidth(c);
    *cells = w < 0 ? 0 : w;
    return (size_t)k;
}

size_t cli_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        int cells;
        i += next_char(s + i, n - i, &cells);
        w += (size_t)cells;
    }
    return w;
}

void cli_column(FILE *f, const char *s, size_t width, int cut)
{
    size_t n = strlen(s), i = 0, w = 0;
    while (i < n) {
        int cells;
        size_t k = next_char(s + i, n - i, &cells);
        if (cut && w + (size_t)cells > width)
            break;
        i += k;
        w += (size_t)cells;
    }
    fwrite(s, 1, i, f);
    for (; w < width; w++)
        fputc(' ', f);
}
