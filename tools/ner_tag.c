/* chronicle — entity tagging driver (build/ner_tag): runs chr_ner_tag on a
 * text file or stdin and prints the mentions and entities, as tab-separated
 * lines or JSON shaped like `chronicle tag --json` ("entities": mentions
 * with start, end, text, type, entity, canonical; "entity_list": the linked
 * entities). For tests and inspection.
 * Usage: ner_tag [--json] [--lang xx] FILE|-   (language: en unless given) */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/entity.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    if (f != stdin)
        fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    int json = 0;
    const char *path = NULL, *lang = "en";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang = argv[++i];
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: ner_tag [--json] [--lang xx] FILE|-\n");
        return 2;
    }
    size_t len;
    char *text = slurp(path, &len);
    if (!text) {
        perror(path);
        return 1;
    }
    chr_ner *ner;
    chr_diag d;
    chr_entities e;
    if (chr_ner_open(&ner, &d) != CHR_OK ||
        chr_ner_tag(ner, text, len, NULL, 0, lang, &e) != CHR_OK) {
        fprintf(stderr, "ner_tag: tagging failed\n");
        return 1;
    }
    if (json) {
        json_t *root = json_object(), *ms = json_array(), *es = json_array();
        for (size_t i = 0; i < e.n_mentions; i++) {
            const chr_mention *m = &e.mentions[i];
            json_t *o = json_object();
            json_object_set_new(o, "start", json_integer((json_int_t)m->start));
            json_object_set_new(o, "end", json_integer((json_int_t)m->end));
            json_object_set_new(o, "text", json_stringn(text + m->start, m->end - m->start));
            json_object_set_new(o, "type", json_string(chr_ent_type_name(m->type)));
            json_object_set_new(o, "entity", json_integer(m->entity));
            json_object_set_new(o, "canonical", json_string(e.entities[m->entity].canonical));
            json_object_set_new(o, "kind",
                                json_string(m->flags & CHR_MENTION_NOMINAL ? "nominal" : "name"));
            json_array_append_new(ms, o);
        }
        for (size_t i = 0; i < e.n_entities; i++) {
            const chr_entity *x = &e.entities[i];
            json_t *o = json_object();
            json_object_set_new(o, "id", json_integer((json_int_t)i));
            json_object_set_new(o, "canonical", json_string(x->canonical));
            json_object_set_new(o, "type", json_string(chr_ent_type_name(x->type)));
            json_object_set_new(o, "mentions", json_integer(x->mentions));
            if (x->country)
                json_object_set_new(o, "country", json_string(x->country));
            if (x->role)
                json_object_set_new(o, "role", json_string(x->role));
            json_array_append_new(es, o);
        }
        json_object_set_new(root, "entities", ms);
        json_object_set_new(root, "entity_list", es);
        char *s = json_dumps(root, JSON_INDENT(1));
        puts(s);
        free(s);
        json_decref(root);
    } else {
        for (size_t i = 0; i < e.n_mentions; i++) {
            const chr_mention *m = &e.mentions[i];
            printf("M\t%zu\t%zu\t%s\t%d\t%.*s\t%s%s\n", m->start, m->end,
                   chr_ent_type_name(m->type), m->entity, (int)(m->end - m->start), text + m->start,
                   e.entities[m->entity].canonical,
                   m->flags & CHR_MENTION_NOMINAL ? "\tnominal" : "");
        }
        for (size_t i = 0; i < e.n_entities; i++) {
            const chr_entity *x = &e.entities[i];
            printf("E\t%zu\t%s\t%s\t%d\t%s\t%s\n", i, chr_ent_type_name(x->type), x->canonical,
                   x->mentions, x->country ? x->country : "-", x->role ? x->role : "-");
        }
    }
    chr_entities_free(&e);
    chr_ner_close(ner);
    free(text);
    return 0;
}
