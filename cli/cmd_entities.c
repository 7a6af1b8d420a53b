/* chronicle CLI — `entities [--story ID] [--type T] [--limit N] [--json]`:
 * the stored entities with their mention and article counts, most mentioned
 * first, one row per name whatever types articles gave it and however they
 * spelled it (case, accents: chr_entity_key). With --story,
 * only that story's articles, and names linked across them
 * (chr_entities_link_story: "Putin" joins "Vladimir Putin"). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "chronicle/cluster.h"
#include "chronicle/entity.h"
#include "cli.h"

typedef struct row {
    int64_t id;
    long articles, nominal;
} row;

/* Article ids of one story, collected by chr_story_get. */
typedef struct ids {
    char *json; /* "[1,2,3]" */
    int64_t story;
} ids;

static int collect_story(void *ctx, const chr_story_info *s)
{
    ids *x = ctx;
    size_t cap = 3 + s->n_articles * 21, n = 0;
    x->json = malloc(cap);
    if (!x->json)
        return 1;
    x->story = s->id;
    n += (size_t)snprintf(x->json + n, cap - n, "[");
    for (size_t i = 0; i < s->n_articles; i++)
        n += (size_t)snprintf(x->json + n, cap - n, "%s%lld", i ? "," : "",
                              (long long)s->articles[i].id);
    snprintf(x->json + n, cap - n, "]");
    return 0;
}

static char *dup_col(sqlite3_stmt *q, int c)
{
    const unsigned char *s = sqlite3_column_text(q, c);
    return s ? strdup((const char *)s) : NULL;
}

int cmd_entities(int argc, char **argv, cli_opts *g)
{
    const char *story_arg = NULL, *type_arg = NULL;
    long limit = -1;
    for (int i = 1; i < argc; i++) {
        int k = cli_common_opt(argc, argv, &i, g);
        if (k == 0)
            k = cli_opt_value(argc, argv, &i, "--story", &story_arg);
        if (k == 0)
            k = cli_opt_value(argc, argv, &i, "--type", &type_arg);
        if (k == 0)
            k = cli_count_opt(argc, argv, &i, "--limit", &limit);
        if (k < 0)
            return EXIT_USAGE;
        if (k == 0) {
            cli_error("entities: unexpected argument '%s'", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (type_arg) { /* per, Per and PER alike */
        char up[8] = {0};
        for (size_t k = 0; type_arg[k] && k + 1 < sizeof up; k++)
            up[k] = (char)toupper((unsigned char)type_arg[k]);
        int ty = strlen(type_arg) < sizeof up ? chr_ent_type_parse(up) : -1;
        if (ty < 0) {
            cli_error("entities: --type must be PER, LOC, ORG or MISC");
            return EXIT_USAGE;
        }
        type_arg = chr_ent_type_name((chr_ent_type)ty);
    }
    int64_t story_id = 0;
    if (story_arg && cli_id_arg("entities", "story", story_arg, &story_id))
        return EXIT_USAGE;
    chr_store *st = cli_open_store(g, 1);
    if (!st)
        return EXIT_FATAL;
    int rc = EXIT_FATAL;
    ids story = {NULL, 0};
    chr_diag d;
    chr_diag_clear(&d);
    if (story_arg) {
        chr_err e =
            story_id > 0 ? chr_story_get(st, story_id, collect_story, &story, &d) : CHR_ENOTFOUND;
        if (e == CHR_ENOTFOUND) {
            cli_error("entities: no story %lld in %s", (long long)story_id, g->db);
            chr_store_close(st);
            return EXIT_INPUT;
        }
        if (e || !story.json) {
            cli_diag(&d, "entities");
            chr_store_close(st);
            return EXIT_FATAL;
        }
    }
    sqlite3 *db = chr_store_sqlite(st);
    sqlite3_stmt *q = NULL;
    /* one row per name: articles that typed a name differently ("Aleppo"
     * as a place here, as a person there) stored it twice; the row with
     * the most mentions gives its id, type, country and role. Names are
     * compared by chr_name_key (chr_entity_key): a database from before
     * schema 12, read as it is, may hold "Alí" and "Ali" apart. */
    const char *sql =
        "WITH ek AS MATERIALIZED (SELECT id, canonical, type, country, role,"
        "   chr_name_key(canonical) AS k FROM entities),"
        " em AS (SELECT m.flags, e.*,"
        "   row_number() OVER (PARTITION BY e.k, m.article_id) = 1 AS first_in_article"
        "  FROM mentions m JOIN ek e ON e.id = m.entity_id"
        "  WHERE (?1 IS NULL OR m.article_id IN (SELECT value FROM json_each(?1)))),"
        " per AS (SELECT id, canonical, type, country, role,"
        "   sum(count(*)) OVER w AS mentions, sum(sum(flags & 1)) OVER w AS nominal,"
        "   sum(sum(first_in_article)) OVER w AS articles,"
        "   row_number() OVER (PARTITION BY k ORDER BY count(*) DESC, id) AS rk"
        "  FROM em GROUP BY id WINDOW w AS (PARTITION BY k))"
        " SELECT id, canonical, type, country, role, mentions, articles, nominal"
        " FROM per WHERE rk = 1 ORDER BY mentions DESC, canonical";
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
        cli_error("%s: %s", g->db, sqlite3_errmsg(db));
        goto out;
    }
    if (story.json)
        sqlite3_bind_text(q, 1, story.json, -1, SQLITE_STATIC);
    /* rows as one "document" of entities, so story linking can merge them */
    chr_entities all = {0}, linked = {0};
    row *rows = NULL;
    size_t cap = 0;
    int step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        if (all.n_entities == cap) {
            cap = cap ? cap * 2 : 64;
            chr_entity *ne = realloc(all.entities, cap * sizeof *ne);
            row *nr = realloc(rows, cap * sizeof *nr);
            if (ne)
                all.entities = ne;
            if (nr)
                rows = nr;
            if (!ne || !nr)
                goto oom;
        }
        chr_entity *x = &all.entities[all.n_entities];
        memset(x, 0, sizeof *x);
        x->canonical = dup_col(q, 1);
        int ty = chr_ent_type_parse((const char *)sqlite3_column_text(q, 2));
        x->type = ty < 0 ? CHR_ENT_MISC : (chr_ent_type)ty;
        x->country = dup_col(q, 3);
        x->role = dup_col(q, 4);
        x->mentions = sqlite3_column_int(q, 5);
        rows[all.n_entities] =
            (row){sqlite3_column_int64(q, 0), sqlite3_column_int(q, 6), sqlite3_column_int(q, 7)};
        all.n_entities++;
        if (!x->canonical)
            goto oom;
    }
    if (step != SQLITE_DONE) {
        cli_error("%s: %s", g->db, sqlite3_errmsg(db));
        goto done;
    }
    /* map[i]: the output entry of row i */
    int *map = malloc((all.n_entities + 1) * sizeof *map);
    if (!map)
        goto oom;
    if (story.json) {
        if (chr_entities_link_story(&all, 1, &linked, &map) != CHR_OK) {
            free(map);
            goto oom;
        }
    } else {
        for (size_t i = 0; i < all.n_entities; i++)
            map[i] = (int)i;
    }
    const chr_entities *out = story.json ? &linked : &all;
    /* per output entry: first row (its id), articles (max over merged rows:
     * an upper bound would double count), nominal mentions, aliases */
    size_t no = out->n_entities;
    int *first = malloc((no + 1) * sizeof *first);
    long *arts = calloc(no + 1, sizeof *arts), *nom = calloc(no + 1, sizeof *nom);
    int *order = malloc((no + 1) * sizeof *order);
    if (!first || !arts || !nom || !order) {
        free(map), free(first), free(arts), free(nom), free(order);
        goto oom;
    }
    for (size_t k = 0; k < no; k++)
        first[k] = -1, order[k] = (int)k;
    for (size_t i = 0; i < all.n_entities; i++) {
        int k = map[i];
        if (first[k] < 0)
            first[k] = (int)i;
        if (rows[i].articles > arts[k])
            arts[k] = rows[i].articles;
        nom[k] += rows[i].nominal;
    }
    /* most mentioned first (rows came sorted; merging can reorder) */
    for (size_t a = 1; a < no; a++)
        for (size_t b = a;
             b > 0 && out->entities[order[b]].mentions > out->entities[order[b - 1]].mentions;
             b--) {
            int t = order[b];
            order[b] = order[b - 1];
            order[b - 1] = t;
        }
    chr_json j;
    chr_json_init(&j, stdout, 0);
    if (g->json) {
        chr_json_begin_array(&j);
    } else {
        if (story.json)
            printf("story %lld\n", (long long)story.story);
        printf("%6s  %-4s  %8s  %8s  %s\n", "ID", "TYPE", "MENTIONS", "ARTICLES", "NAME");
    }
    long shown = 0;
    for (size_t oi = 0; oi < no && (limit < 0 || shown < limit); oi++) {
        size_t k = (size_t)order[oi];
        const chr_entity *x = &out->entities[k];
        if (type_arg && strcmp(chr_ent_type_name(x->type), type_arg) != 0)
            continue;
        shown++;
        if (g->json) {
            chr_json_begin_object(&j);
            chr_json_kint(&j, "id", rows[first[k]].id);
            chr_json_kstring(&j, "canonical", x->canonical);
            chr_json_kstring(&j, "name", x->canonical); /* as the API names it */
            chr_json_kstring(&j, "type", chr_ent_type_name(x->type));
            chr_json_kstring(&j, "country", x->country);
            chr_json_kstring(&j, "role", x->role);
            chr_json_kint(&j, "mentions", x->mentions);
            chr_json_kint(&j, "nominal", nom[k]);
            chr_json_kint(&j, "articles", arts[k]);
            chr_json_key(&j, "aliases");
            chr_json_begin_array(&j);
            for (size_t i = 0; i < all.n_entities; i++)
                if (map[i] == (int)k && strcmp(all.entities[i].canonical, x->canonical) != 0)
                    chr_json_string(&j, all.entities[i].canonical);
            chr_json_end_array(&j);
            chr_json_end_object(&j);
        } else {
            printf("%6lld  %-4s  %8d  %8ld  %s", (long long)rows[first[k]].id,
                   chr_ent_type_name(x->type), x->mentions, arts[k], x->canonical);
            if (x->country || x->role)
                printf(" (%s%s%s)", x->country ? x->country : "", x->country && x->role ? ", " : "",
                       x->role ? x->role : "");
            int na = 0;
            for (size_t i = 0; i < all.n_entities; i++)
                if (map[i] == (int)k && strcmp(all.entities[i].canonical, x->canonical) != 0)
                    printf("%s%s", na++ ? ", " : " [also: ", all.entities[i].canonical);
            printf("%s\n", na ? "]" : "");
        }
    }
    if (g->json) {
        chr_json_end_array(&j);
        chr_json_end(&j);
    }
    free(map), free(first), free(arts), free(nom), free(order);
    rc = EXIT_OK;
    goto done;
oom:
    cli_error("entities: out of memory");
done:
    chr_entities_free(&all);
    chr_entities_free(&linked);
    free(rows);
out:
    sqlite3_finalize(q);
    free(story.json);
    chr_store_close(st);
    return rc;
}
