/* chronicle — time: public entry points of the temporal tagger.
 * Owns: chr_time_tag, chr_time_infer_ref, chr_date_parse/format and the
 * TIMEX3 type names. (First minimal version; the tagger grows in time_*.c.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/time.h"

const char *chr_timex_type_name(chr_timex_type t)
{
    switch (t) {
    case CHR_TIMEX_DATE:
        return "DATE";
    case CHR_TIMEX_TIME:
        return "TIME";
    case CHR_TIMEX_DURATION:
        return "DURATION";
    case CHR_TIMEX_SET:
        return "SET";
    }
    return "DATE";
}

chr_err chr_time_tag(const char *text, size_t len, const chr_date *ref, const char *lang,
                     chr_timex **out, size_t *n)
{
    if (!out || !n || (!text && len))
        return CHR_EINVAL;
    *out = NULL;
    *n = 0;
    return CHR_OK;
}

chr_err chr_time_infer_ref(const char *text, size_t len, const char *lang, chr_date *out,
                           double *confidence)
{
    if (!out)
        return CHR_EINVAL;
    memset(out, 0, sizeof *out);
    if (confidence)
        *confidence = 0;
    return CHR_ENOTFOUND;
}

static int parse_digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

int chr_date_parse(const char *s, chr_date *d)
{
    chr_date r = {0, 0, 0};
    if (!s || !d || !parse_digits(s, 4, &r.year) || r.year == 0)
        return 0;
    if (s[4] == '-') {
        if (!parse_digits(s + 5, 2, &r.month) || r.month < 1 || r.month > 12)
            return 0;
        if (s[7] == '-') {
            if (!parse_digits(s + 8, 2, &r.day) || r.day < 1 || r.day > 31)
                return 0;
        }
    }
    *d = r;
    return 1;
}

const char *chr_date_format(const chr_date *d, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    if (!d || d->year == 0)
        snprintf(buf, size, "%s", "");
    else if (d->month == 0)
        snprintf(buf, size, "%04d", d->year);
    else if (d->day == 0)
        snprintf(buf, size, "%04d-%02d", d->year, d->month);
    else
        snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
    return buf;
}
