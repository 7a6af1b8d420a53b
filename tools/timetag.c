/* chronicle — timetag: a small driver for the time module (eval, bench).
 * Reads text from a file or stdin, tags temporal expressions and prints them
 * as JSON; --bench N times N passes over the input and prints MB/s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chronicle/time.h"

static void usage(void)
{
    fprintf(stderr, "usage: timetag [--ref YYYY-MM-DD] [--lang xx] [--bench N] [FILE|-]\n"
                    "  prints {ref_date, ref_source, timexes:[{start,end,text,type,value,"
                    "end_value}]}\n");
}

static char *slurp(FILE *f, size_t *n)
{
    size_t cap = 1 << 16, len = 0;
    char *b = malloc(cap);
    if (!b)
        return NULL;
    for (;;) {
        if (len == cap) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                return NULL;
            }
            b = nb;
            cap *= 2;
        }
        size_t r = fread(b + len, 1, cap - len, f);
        if (r == 0)
            break;
        len += r;
    }
    *n = len;
    return b;
}

static void json_str(const char *s, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\r')
            fputs("\\r", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this process: robust when other jobs share the cores. */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *path = "-", *lang = NULL;
    chr_date ref = {0, 0, 0};
    int have_ref = 0, bench = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--ref") && i + 1 < argc) {
            if (!chr_date_parse(argv[++i], &ref)) {
                fprintf(stderr, "timetag: bad --ref %s\n", argv[i]);
                return 2;
            }
            if (!ref.month)
                ref.month = 7;
            if (!ref.day)
                ref.day = 1;
            have_ref = 1;
        } else if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
            lang = argv[++i];
        } else if (!strcmp(argv[i], "--bench") && i + 1 < argc) {
            bench = atoi(argv[++i]);
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage();
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            usage();
            return 2;
        } else {
            path = argv[i];
        }
    }
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "timetag: cannot open %s\n", path);
        return 1;
    }
    size_t len;
    char *text = slurp(f, &len);
    if (f != stdin)
        fclose(f);
    if (!text) {
        fprintf(stderr, "timetag: out of memory\n");
        return 1;
    }
    if (bench > 0) {
        size_t total = 0;
        double t0 = now_s(), c0 = cpu_s();
        for (int r = 0; r < bench; r++) {
            chr_timex *tx;
            size_t n;
            if (chr_time_tag(text, len, have_ref ? &ref : NULL, lang, &tx, &n) != CHR_OK) {
                fprintf(stderr, "timetag: tagging failed\n");
                free(text);
                return 1;
            }
            total += n;
            free(tx);
        }
        double dt = now_s() - t0, ct = cpu_s() - c0;
        printf("{\"bytes\": %zu, \"passes\": %d, \"seconds\": %.6f, \"cpu_seconds\": %.6f, "
               "\"mb_per_s\": %.1f, \"cpu_mb_per_s\": %.1f, \"timexes_per_pass\": %zu}\n",
               len, bench, dt, ct, dt > 0 ? (double)len * bench / dt / 1e6 : 0.0,
               ct > 0 ? (double)len * bench / ct / 1e6 : 0.0, total / (size_t)bench);
        free(text);
        return 0;
    }
    const char *source = "--ref";
    double conf = 1.0;
    if (!have_ref) {
        /* a " date YYYY-MM-DD" header as in the samples */
        const char *p = text;
        while (p < text + len && *p == ' ')
            p++;
        if (len - (size_t)(p - text) > 15 && !strncmp(p, "date ", 5) &&
            chr_date_parse(p + 5, &ref) && ref.day) {
            have_ref = 1;
            source = "header";
        } else if (chr_time_infer_ref(text, len, lang, &ref, &conf) == CHR_OK) {
            have_ref = 1;
            source = "inferred";
        } else {
            source = "none";
        }
    }
    chr_timex *tx;
    size_t n;
    if (chr_time_tag(text, len, have_ref ? &ref : NULL, lang, &tx, &n) != CHR_OK) {
        fprintf(stderr, "timetag: tagging failed\n");
        free(text);
        return 1;
    }
    char rb[16];
    printf("{\"ref_date\": ");
    if (have_ref)
        printf("\"%s\"", chr_date_format(&ref, rb, sizeof rb));
    else
        printf("null");
    printf(", \"ref_source\": \"%s\"", source);
    if (!strcmp(source, "inferred"))
        printf(", \"ref_confidence\": %.2f", conf);
    printf(", \"timexes\": [");
    for (size_t i = 0; i < n; i++) {
        printf("%s\n  {\"start\": %zu, \"end\": %zu, \"text\": ", i ? "," : "", tx[i].start,
               tx[i].end);
        json_str(text + tx[i].start, tx[i].end - tx[i].start);
        printf(", \"type\": \"%s\", \"value\": ", chr_timex_type_name(tx[i].type));
        json_str(tx[i].value, strlen(tx[i].value));
        if (tx[i].flags & CHR_TIMEX_RANGE) {
            printf(", \"end_value\": ");
            json_str(tx[i].end_value, strlen(tx[i].end_value));
        }
        printf("}");
    }
    printf("%s]}\n", n ? "\n" : "");
    free(tx);
    free(text);
    return 0;
}
