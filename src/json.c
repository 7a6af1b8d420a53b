/* chronicle — json: streaming JSON writer (see json.h). Strings are written
 * as given when valid UTF-8; control characters and invalid bytes escaped. */
#include "chronicle/json.h"

#include <math.h>
#include <string.h>

void chr_json_init(chr_json *j, FILE *f, int pretty)
{
    memset(j, 0, sizeof *j);
    j->f = f;
    j->pretty = pretty;
}

static void indent(chr_json *j)
{
    if (!j->pretty)
        return;
    fputc('\n', j->f);
    for (int i = 0; i < j->depth; i++)
        fputs("  ", j->f);
}

/* Separator before a value or key. */
static void pre_value(chr_json *j)
{
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->depth > 0) {
        if (j->count[j->depth] > 0)
            fputc(',', j->f);
        indent(j);
    }
    if (j->depth < CHR_JSON_MAX_DEPTH)
        j->count[j->depth]++;
}

static void open_(chr_json *j, char c)
{
    pre_value(j);
    fputc(c, j->f);
    if (j->depth + 1 < CHR_JSON_MAX_DEPTH) {
        j->depth++;
        j->count[j->depth] = 0;
    }
}

static void close_(chr_json *j, char c)
{
    int had = j->count[j->depth] > 0;
    if (j->depth > 0)
        j->depth--;
    if (had)
        indent(j);
    fputc(c, j->f);
}

void chr_json_begin_object(chr_json *j)
{
    open_(j, '{');
}

void chr_json_end_object(chr_json *j)
{
    close_(j, '}');
}

void chr_json_begin_array(chr_json *j)
{
    open_(j, '[');
}

void chr_json_end_array(chr_json *j)
{
    close_(j, ']');
}

static void put_escaped(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        const char *esc = NULL;
        char tmp[8];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7F) {
            snprintf(tmp, sizeof tmp, "\\u%04x", c);
            esc = tmp;
        } else if (c >= 0x80) {
            /* validate the sequence; replace invalid bytes with U+FFFD */
            size_t k = (c >= 0xC2 && c <= 0xDF)   ? 2
                       : (c >= 0xE0 && c <= 0xEF) ? 3
                       : (c >= 0xF0 && c <= 0xF4) ? 4
                                                  : 0;
            int ok = k > 0 && i + k <= n;
            for (size_t m = 1; ok && m < k; m++)
                ok = (p[i + m] & 0xC0) == 0x80;
            if (ok) {
                i += k - 1;
                run += k;
                continue;
            }
            esc = "\\ufffd";
        }
        if (esc) {
            fwrite(s + i - run, 1, run, f);
            run = 0;
            fputs(esc, f);
        } else {
            run++;
        }
    }
    fwrite(s + n - run, 1, run, f);
    fputc('"', f);
}

void chr_json_key(chr_json *j, const char *key)
{
    pre_value(j);
    put_escaped(j->f, key, strlen(key));
    fputs(j->pretty ? ": " : ":", j->f);
    j->after_key = 1;
}

void chr_json_string_n(chr_json *j, const char *s, size_t n)
{
    pre_value(j);
    put_escaped(j->f, s, n);
}

void chr_json_string(chr_json *j, const char *s)
{
    if (!s) {
        chr_json_null(j);
        return;
    }
    chr_json_string_n(j, s, strlen(s));
}

void chr_json_int(chr_json *j, int64_t v)
{
    pre_value(j);
    fprintf(j->f, "%lld", (long long)v);
}

void chr_json_double(chr_json *j, double v)
{
    pre_value(j);
    if (isfinite(v))
        fprintf(j->f, "%.6g", v);
    else
        fputs("null", j->f);
}

void chr_json_bool(chr_json *j, int v)
{
    pre_value(j);
    fputs(v ? "true" : "false", j->f);
}

void chr_json_null(chr_json *j)
{
    pre_value(j);
    fputs("null", j->f);
}

void chr_json_raw(chr_json *j, const char *json)
{
    pre_value(j);
    fputs(json && *json ? json : "null", j->f);
}

void chr_json_kstring(chr_json *j, const char *key, const char *s)
{
    chr_json_key(j, key);
    chr_json_string(j, s);
}

void chr_json_kint(chr_json *j, const char *key, int64_t v)
{
    chr_json_key(j, key);
    chr_json_int(j, v);
}

void chr_json_kdouble(chr_json *j, const char *key, double v)
{
    chr_json_key(j, key);
    chr_json_double(j, v);
}

void chr_json_end(chr_json *j)
{
    fputc('\n', j->f);
    fflush(j->f);
}
