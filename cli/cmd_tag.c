/* chronicle CLI — `tag FILE|-`: annotate one text without storing it.
 * Prints its sentences, date expressions and entities with UTF-8 byte
 * offsets into the input as given; --ref sets the reference date and
 * --lang the language. For plain text
 * the offsets count from the first byte of the file (a " date" header
 * included); for JSON Lines/HTML/WARC input they are offsets into the
 * extracted article text of the first record, printed as "text". */
#include <stdlib.h>
#include <string.h>

#include "chronicle/clean.h"
#include "chronicle/entity.h"
#include "chronicle/ingest.h"
#include "chronicle/pipeline.h"
#include "chronicle/text.h"
#include "chronicle/time.h"
#include "cli.h"
#include "pad.h"

int cmd_tag(int argc, char **argv, cli_opts *g)
{
    const char *path = NULL, *refarg = NULL, *langarg = NULL;
    for (int i = 1; i < argc; i++) {
        int k = cli_common_opt(argc, argv, &i, g);
        if (k == 0)
            k = cli_opt_value(argc, argv, &i, "--ref", &refarg);
        if (k < 0)
            return EXIT_USAGE;
        if (k)
            continue;
        if ((k = cli_opt_value(argc, argv, &i, "--lang", &langarg)) < 0)
            return EXIT_USAGE;
        if (k) {
            if (strlen(langarg) != 2 || !strstr(" en es fr it pt ro ca de ru ", langarg) ||
                strchr(langarg, ' ')) {
                cli_error("tag: --lang needs a two-letter language code (en, es, fr, it, pt, "
                          "ro, ca, de, ru), not '%s'",
                          langarg);
                return EXIT_USAGE;
            }
            continue;
        }
        if ((argv[i][0] == '-' && argv[i][1]) || path) {
            cli_error("tag: unexpected argument '%s'", argv[i]);
            return EXIT_USAGE;
        }
        path = argv[i];
    }
    if (!path) {
        cli_error("tag: give a FILE, or - for stdin");
        return EXIT_USAGE;
    }
    chr_date ref = {0, 0, 0};
    if (refarg && !chr_date_parse(refarg, &ref)) {
        cli_error("tag: --ref '%s' is not a date (YYYY-MM-DD)", refarg);
        return EXIT_USAGE;
    }
    /* Read the first article through the ingest reader (format detection,
     * encoding repair); for plain text keep the original bytes for offsets. */
    chr_reader *r = NULL;
    chr_diag d;
    chr_diag_clear(&d);
    if (chr_reader_open(path, &r, &d) != CHR_OK) {
        cli_diag(&d, NULL);
        return EXIT_INPUT;
    }
    chr_article *a = NULL;
    chr_err e = chr_reader_next(r, &a, &d);
    int is_text = chr_reader_format(r) == CHR_FMT_TEXT;
    if (!e && a && !is_text) { /* one record is tagged: say so when there are more */
        chr_article *more = NULL;
        chr_diag d2;
        chr_diag_clear(&d2);
        if (chr_reader_next(r, &more, &d2) == CHR_OK && more && !g->quiet)
            cli_error("tag: %s holds more than one article: only the first is tagged "
                      "('chronicle ingest' then 'show ID' for the others)",
                      path);
        chr_article_free(more);
    }
    chr_reader_close(r);
    if (e || !a) {
        if (e)
            cli_diag(&d, NULL);
        else
            cli_error("%s: no article", path);
        chr_article_free(a);
        return EXIT_INPUT;
    }
    const char *text = a->text;
    size_t len = a->text_len, base = 0;
    char *raw = NULL;
    if (is_text && !(a->flags & (CHR_ART_TRANSCODED | CHR_ART_UTF8_REPAIRED)) &&
        strcmp(path, "-") != 0) {
        size_t rl = 0;
        raw = cli_read_all(path, &rl);
        /* the body is the tail of the file after the header */
        if (raw && rl >= len && memcmp(raw + rl - len, a->text, len) == 0) {
            base = rl - len;
            text = raw;
            len = rl;
        }
    } else if (is_text && strcmp(path, "-") == 0) {
        /* stdin: offsets are relative to the body; report the header length
         * so they can be mapped: header bytes are not kept by the reader */
    }
    const char *ref_source = NULL;
    double ref_conf = 1.0;
    if (ref.year) {
        ref_source = "--ref";
    } else if (a->pub_date && chr_date_parse(a->pub_date, &ref)) {
        ref_source = chr_date_src_name(a->pub_date_source);
    } else if (chr_time_infer_ref(text + base, len - base, NULL, &ref, &ref_conf) == CHR_OK) {
        ref_source = "inferred";
    } else {
        memset(&ref, 0, sizeof ref);
        ref_conf = 0;
    }
    /* the language: --lang, else as ingest decides it (guessed from the
     * text; the input's own, a JSON Lines "lang" or a page's lang
     * attribute, when the guess is unsure) */
    char lang[8];
    if (langarg) {
        snprintf(lang, sizeof lang, "%s", langarg);
    } else if (chr_detect_language(text + base, len - base, lang) < 0.9 && a->lang &&
               strlen(a->lang) >= 2 && strlen(a->lang) < sizeof lang) {
        snprintf(lang, sizeof lang, "%.2s", a->lang);
    }
    chr_span *sents = NULL;
    size_t ns = 0;
    e = chr_split_sentences(text + base, len - base, lang, &sents, &ns);
    for (size_t i = 0; i < ns; i++) {
        sents[i].start += base;
        sents[i].end += base;
    }
    chr_timex *tx = NULL;
    size_t *sidx = NULL, ntx = 0;
    if (e == CHR_OK)
        e = chr_annotate_dates(text, len, sents, ns, ref.year ? &ref : NULL, lang, &tx, &sidx,
                               &ntx);
    chr_ner *ner = NULL;
    chr_entities ents = {0};
    size_t *midx = NULL;
    if (e == CHR_OK)
        e = chr_ner_open(&ner, &d);
    if (e == CHR_OK)
        e = chr_annotate_entities(ner, text, len, sents, ns, lang, tx, ntx, &ents, &midx);
    chr_ner_close(ner);
    if (e) {
        cli_error("%s: %s", path, chr_strerror(e));
        free(tx);
        free(sidx);
        free(sents);
        free(raw);
        chr_article_free(a);
        return EXIT_FATAL;
    }
    char rbuf[16];
    if (g->json) {
        chr_json j;
        chr_json_init(&j, stdout, 0);
        chr_json_begin_object(&j);
        chr_json_kstring(&j, "source", path);
        chr_json_kstring(&j, "format", chr_format_name(a->format));
        chr_json_kstring(&j, "offsets", is_text && text == raw ? "input" : "text");
        if (!(is_text && text == raw))
            chr_json_kstring(&j, "text", a->text);
        chr_json_kstring(&j, "lang", lang);
        chr_json_kstring(&j, "ref_date",
                         ref.year ? chr_date_format(&ref, rbuf, sizeof rbuf) : NULL);
        chr_json_kstring(&j, "ref_source", ref_source);
        if (ref.year)
            chr_json_kdouble(&j, "ref_confidence", ref_conf);
        chr_json_key(&j, "sentences");
        chr_json_begin_array(&j);
        for (size_t i = 0; i < ns; i++) {
            chr_json_begin_object(&j);
            chr_json_kint(&j, "start", (int64_t)sents[i].start);
            chr_json_kint(&j, "end", (int64_t)sents[i].end);
            chr_json_key(&j, "text");
            chr_json_string_n(&j, text + sents[i].start, sents[i].end - sents[i].start);
            chr_json_end_object(&j);
        }
        chr_json_end_array(&j);
        chr_json_key(&j, "timexes");
        chr_json_begin_array(&j);
        for (size_t i = 0; i < ntx; i++) {
            chr_json_begin_object(&j);
            chr_json_kint(&j, "start", (int64_t)tx[i].start);
            chr_json_kint(&j, "end", (int64_t)tx[i].end);
            chr_json_key(&j, "text");
            chr_json_string_n(&j, text + tx[i].start, tx[i].end - tx[i].start);
            chr_json_kstring(&j, "type", chr_timex_type_name(tx[i].type));
            chr_json_kstring(&j, "value", tx[i].value);
            chr_json_kstring(&j, "end_value", tx[i].end_value[0] ? tx[i].end_value : NULL);
            chr_json_kint(&j, "sentence", (int64_t)sidx[i]);
            chr_json_end_object(&j);
        }
        chr_json_end_array(&j);
        chr_json_key(&j, "entities");
        chr_json_begin_array(&j);
        for (size_t i = 0; i < ents.n_mentions; i++) {
            const chr_mention *m = &ents.mentions[i];
            const chr_entity *en = &ents.entities[m->entity];
            chr_json_begin_object(&j);
            chr_json_kint(&j, "start", (int64_t)m->start);
            chr_json_kint(&j, "end", (int64_t)m->end);
            chr_json_key(&j, "text");
            chr_json_string_n(&j, text + m->start, m->end - m->start);
            chr_json_kstring(&j, "type", chr_ent_type_name(m->type));
            chr_json_kint(&j, "entity", m->entity);
            chr_json_kstring(&j, "canonical", en->canonical);
            if (m->flags & CHR_MENTION_NOMINAL)
                chr_json_kstring(&j, "kind", "nominal");
            chr_json_kint(&j, "sentence", (int64_t)midx[i]);
            chr_json_end_object(&j);
        }
        chr_json_end_array(&j);
        chr_json_key(&j, "entity_list");
        chr_json_begin_array(&j);
        for (size_t i = 0; i < ents.n_entities; i++) {
            const chr_entity *en = &ents.entities[i];
            chr_json_begin_object(&j);
            chr_json_kint(&j, "entity", (int64_t)i);
            chr_json_kstring(&j, "canonical", en->canonical);
            chr_json_kstring(&j, "type", chr_ent_type_name(en->type));
            chr_json_kstring(&j, "country", en->country);
            chr_json_kstring(&j, "role", en->role);
            chr_json_kint(&j, "mentions", en->mentions);
            chr_json_end_object(&j);
        }
        chr_json_end_array(&j);
        chr_json_end_object(&j);
        chr_json_end(&j);
    } else {
        printf("reference date %s (%s)\n",
               ref.year ? chr_date_format(&ref, rbuf, sizeof rbuf) : "unknown",
               ref_source ? ref_source : "none");
        size_t t = 0;
        for (size_t i = 0; i < ns; i++) {
            printf("%3zu  %.*s\n", i + 1, (int)(sents[i].end - sents[i].start),
                   text + sents[i].start);
            for (; t < ntx && sidx[t] == i; t++) {
                char v[100];
                snprintf(v, sizeof v, "%s%s%s", tx[t].value, tx[t].end_value[0] ? ".." : "",
                         tx[t].end_value);
                printf("       %-8s %-24s %.*s\n", chr_timex_type_name(tx[t].type), v,
                       (int)(tx[t].end - tx[t].start), text + tx[t].start);
            }
            for (size_t m = 0; m < ents.n_mentions; m++)
                if (midx[m] == i) {
                    printf("       %-8s ", chr_ent_type_name(ents.mentions[m].type));
                    cli_column(stdout, ents.entities[ents.mentions[m].entity].canonical, 24, 0);
                    printf(" %.*s\n", (int)(ents.mentions[m].end - ents.mentions[m].start),
                           text + ents.mentions[m].start);
                }
        }
    }
    chr_entities_free(&ents);
    free(midx);
    free(tx);
    free(sidx);
    free(sents);
    free(raw);
    chr_article_free(a);
    return EXIT_OK;
}
