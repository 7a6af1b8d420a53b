/* chronicle — json: a small streaming JSON writer for every front end
 * (CLI --json, HTTP API). Owns escaping and comma/nesting bookkeeping; writes
 * to a FILE* (use open_memstream for a buffer). Parsing is jansson's job. */
#ifndef CHRONICLE_JSON_H
#define CHRONICLE_JSON_H

#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CHR_JSON_MAX_DEPTH 32

typedef struct chr_json {
    FILE *f;
    int pretty;
    int depth;
    int count[CHR_JSON_MAX_DEPTH]; /* values written at each level */
    int after_key;
} chr_json;

void chr_json_init(chr_json *j, FILE *f, int pretty);
void chr_json_begin_object(chr_json *j);
void chr_json_end_object(chr_json *j);
void chr_json_begin_array(chr_json *j);
void chr_json_end_array(chr_json *j);
void chr_json_key(chr_json *j, const char *key);
void chr_json_string(chr_json *j, const char *s); /* NULL → null */
void chr_json_string_n(chr_json *j, const char *s, size_t n);
void chr_json_int(chr_json *j, int64_t v);
void chr_json_double(chr_json *j, double v);
void chr_json_bool(chr_json *j, int v);
void chr_json_null(chr_json *j);
/* Insert already-serialised JSON (e.g. a stored object) as a value. */
void chr_json_raw(chr_json *j, const char *json);

/* key + value shorthands */
void chr_json_kstring(chr_json *j, const char *key, const char *s);
void chr_json_kint(chr_json *j, const char *key, int64_t v);
void chr_json_kdouble(chr_json *j, const char *key, double v);

/* Finish the document with a newline. */
void chr_json_end(chr_json *j);

#ifdef __cplusplus
}
#endif
#endif
