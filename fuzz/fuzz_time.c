/* chronicle — libFuzzer target for the time module: the tagger (with and
 * without a reference date, every language hint) and reference inference
 * must accept arbitrary bytes, keep offsets in range and never crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/time.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {NULL, "en", "fr", "de", "it", "es", "ru", "pt", "ro", "ca"};
    if (size < 2)
        return 0;
    const char *lang = langs[(data[0] & 15) % 10];
    int use_ref = data[0] & 16;
    chr_date ref = {1990 + (data[1] % 50), 1 + (data[1] % 12), 1 + (data[1] % 31)};
    const char *text = (const char *)data + 2;
    size_t len = size - 2;
    chr_timex *t = NULL;
    size_t n = 0;
    if (chr_time_tag(text, len, use_ref ? &ref : NULL, lang, &t, &n) == CHR_OK) {
        size_t prev = 0;
        for (size_t i = 0; i < n; i++) {
            if (t[i].start >= t[i].end || t[i].end > len || t[i].start < prev)
                abort();
            if (!memchr(t[i].value, 0, sizeof t[i].value) ||
                !memchr(t[i].end_value, 0, sizeof t[i].end_value))
                abort();
            prev = t[i].end;
        }
        free(t);
    }
    chr_date d;
    double c;
    if (chr_time_infer_ref(text, len, lang, &d, &c) == CHR_OK) {
        if (c <= 0 || c > 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
            abort();
    }
    /* a dateline's day: 0 to 3 days before the reference, a real date */
    chr_date w;
    if (chr_time_dateline_ref(text, len, lang, &ref, &w)) {
        if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31)
            abort();
    }
    return 0;
}
