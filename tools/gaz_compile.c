/* chronicle — gazetteer compiler: build/gen/ner_gaz.tsv (from
 * tools/gaz_build.py) -> build/gen/ner_gaz.c, the open-addressing table of
 * token-sequence hashes that src/gazetteer.c searches. Tokenises every form
 * with the tagger's own tokeniser so build time and run time agree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner.h"

static const char *const CAT_NAMES[GZ_NCATS] = {
    [GZ_COUNTRY] = "COUNTRY", [GZ_SUBDIV] = "SUBDIV",       [GZ_CITY] = "CITY",
    [GZ_BIGCITY] = "BIGCITY", [GZ_REGION] = "REGION",       [GZ_DEMONYM] = "DEMONYM",
    [GZ_ORG] = "ORG",         [GZ_AGENCY] = "AGENCY",       [GZ_GOVBODY] = "GOVBODY",
    [GZ_COMPANY] = "COMPANY", [GZ_FIRSTNAME] = "FIRSTNAME", [GZ_TITLE] = "TITLE",
    [GZ_MISC] = "MISC",
};

/* Categories a name may have by chance (a town, a district, a given
 * name), which an acronym of the same letters outranks. */
#define WEAK_CATS ((1u << GZ_CITY) | (1u << GZ_SUBDIV) | (1u << GZ_FIRSTNAME))

typedef struct info {
    uint64_t key, ehash;
    uint32_t canon;
    uint16_t cats, country, upmask;
    uint8_t flags, ntok;
    int has_entry;
} info;

static info *infos;
static size_t ninfos, capinfos;
static size_t nslots;
static uint32_t *slots; /* info index + 1, 0 = empty */
static char *pool;
static size_t npool, cappool;
static char codes[400][3];
static size_t ncodes = 1;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "gaz_compile: out of memory\n");
        exit(2);
    }
    return p;
}

static info *lookup(uint64_t key)
{
    size_t i = key & (nslots - 1);
    while (slots[i]) {
        if (infos[slots[i] - 1].key == key)
            return &infos[slots[i] - 1];
        i = (i + 1) & (nslots - 1);
    }
    if (ninfos == capinfos) {
        capinfos = capinfos ? capinfos * 2 : 4096;
        infos = xrealloc(infos, capinfos * sizeof *infos);
    }
    info *in = &infos[ninfos++];
    memset(in, 0, sizeof *in);
    in->key = key;
    in->upmask = 0xFFFF;
    slots[i] = (uint32_t)ninfos;
    return in;
}

static uint32_t intern(const char *s)
{
    if (!*s)
        return 0;
    /* linear search over a small pool is fine: canonical names are few */
    for (size_t i = 1; i < npool;) {
        size_t l = strlen(pool + i);
        if (strcmp(pool + i, s) == 0)
            return (uint32_t)i;
        i += l + 1;
    }
    size_t l = strlen(s) + 1;
    if (npool + l > cappool) {
        cappool = (npool + l) * 2;
        pool = xrealloc(pool, cappool);
    }
    memcpy(pool + npool, s, l);
    uint32_t at = (uint32_t)npool;
    npool += l;
    return at;
}

static unsigned code_index(const char *c)
{
    for (size_t i = 1; i < ncodes; i++)
        if (strcmp(codes[i], c) == 0)
            return (unsigned)i;
    return 0;
}

static uint64_t fix(uint64_t k)
{
    return k ? k : 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gaz_compile IN.tsv OUT.c\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    nslots = 1u << 18;
    slots = calloc(nslots, sizeof *slots);
    pool = xrealloc(NULL, cappool = 1 << 16);
    pool[0] = '\0';
    npool = 1;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    ner_tok *toks = NULL;
    size_t ntoks = 0, tcap = 0;
    long forms = 0, skipped = 0;
    while ((len = getline(&line, &lcap, in)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        char *f[6] = {0};
        char *p = line;
        for (int k = 0; k < 6; k++) {
            f[k] = p;
            char *tab = p ? strchr(p, '\t') : NULL;
            if (tab)
                *tab = '\0', p = tab + 1;
            else
                p = NULL;
        }
        if (strcmp(f[0], "#countries") == 0) {
            for (char *c = strtok(f[1], " "); c && ncodes < 400; c = strtok(NULL, " "))
                snprintf(codes[ncodes++], 3, "%s", c);
            continue;
        }
        if (!f[4])
            continue;
        ntoks = 0;
        if (ner_tokenize(f[0], 0, strlen(f[0]), &toks, &ntoks, &tcap))
            return 2;
        if (ntoks == 0 || ntoks > NER_GAZ_MAXTOK) {
            skipped++;
            continue;
        }
        unsigned cats = 0;
        for (char *c = strtok(f[1], ","); c; c = strtok(NULL, ","))
            for (int k = 0; k < GZ_NCATS; k++)
                if (strcmp(c, CAT_NAMES[k]) == 0)
                    cats |= 1u << k;
        uint64_t h = NER_SEQ_INIT, eh = NER_SEQ_INIT;
        unsigned up = 0;
        for (size_t k = 0; k < ntoks; k++) {
            h = ner_seq_add(h, toks[k].lhash);
            eh = ner_seq_add(eh, toks[k].ehash);
            if (toks[k].flags & NT_UPPER0)
                up |= 1u << k;
            info *pi = lookup(fix(h));
            pi->ntok = (uint8_t)(k + 1);
            if (k + 1 < ntoks)
                pi->flags |= GZF_PREFIX;
        }
        info *e = lookup(fix(h));
        int exact = f[4][0] == '1';
        if (f[5] && f[5][0] == '1')
            e->flags |= GZF_KNOWN;
        if (!e->has_entry) {
            e->flags |= GZF_ENTRY | (exact ? GZF_EXACT : 0);
            e->ehash = eh;
            e->canon = intern(f[3]);
            e->country = (uint16_t)code_index(f[2]);
            e->has_entry = 1;
        } else if ((e->flags & GZF_EXACT) && !exact && (cats & WEAK_CATS) == cats &&
                   !(e->cats & WEAK_CATS)) {
            /* an acronym and a lesser name that fold alike ("UN" and the
             * town "Un"): the acronym keeps its exact case, so "Un" opening
             * a French or Spanish sentence is no organisation */
            forms++;
            continue;
        } else {
            /* two forms fold alike ("ONU", "Onu"): the more lenient wins */
            if (!exact)
                e->flags &= (uint8_t)~GZF_EXACT;
            if (!e->canon)
                e->canon = intern(f[3]);
            if (!e->country)
                e->country = (uint16_t)code_index(f[2]);
        }
        e->cats |= (uint16_t)cats;
        e->upmask &= (uint16_t)up;
        forms++;
        if (ninfos * 2 > nslots) {
            fprintf(stderr, "gaz_compile: table full\n");
            return 2;
        }
    }
    fclose(in);
    FILE *out = fopen(argv[2], "w");
    if (!out) {
        perror(argv[2]);
        return 1;
    }
    fprintf(out, "/* Generated by tools/gaz_compile.c from %s: do not edit. */\n", argv[1]);
    fprintf(out, "#include \"ner.h\"\n\n");
    /* the emitted table: load factor about 2/3, so it stays small */
    size_t oslots = 1024;
    while (oslots * 2 < ninfos * 3)
        oslots <<= 1;
    uint32_t *os = calloc(oslots, sizeof *os);
    uint64_t first[1024] = {0};
    for (size_t i = 0; i < ninfos; i++) {
        size_t k = infos[i].key & (oslots - 1);
        while (os[k])
            k = (k + 1) & (oslots - 1);
        os[k] = (uint32_t)i + 1;
        if (infos[i].ntok == 1)
            first[(infos[i].key >> 48) >> 6] |= 1ULL << ((infos[i].key >> 48) & 63);
    }
    fprintf(out, "const size_t ner_gaz_nslots = %zu;\n", oslots);
    fprintf(out, "const size_t ner_gaz_ninfos = %zu;\n", ninfos);
    fprintf(out, "const size_t ner_gaz_ncountries = %zu;\n", ncodes);
    fprintf(out, "const uint64_t ner_gaz_first[1024] = {\n");
    for (size_t i = 0; i < 1024; i++)
        fprintf(out, "0x%llxULL,%s", (unsigned long long)first[i], i % 4 == 3 ? "\n" : "");
    fprintf(out, "};\nconst uint64_t ner_gaz_keys[] = {\n");
    for (size_t i = 0; i < oslots; i++)
        fprintf(out, "0x%llxULL,%s", os[i] ? (unsigned long long)infos[os[i] - 1].key : 0ULL,
                i % 4 == 3 ? "\n" : "");
    fprintf(out, "};\nconst uint32_t ner_gaz_vals[] = {\n");
    for (size_t i = 0; i < oslots; i++)
        fprintf(out, "%u,%s", os[i] ? os[i] - 1 : 0, i % 16 == 15 ? "\n" : "");
    free(os);
    fprintf(out, "};\nconst ner_gaz_info ner_gaz_infos[] = {\n");
    for (size_t i = 0; i < ninfos; i++) {
        info *x = &infos[i];
        fprintf(out, "{0x%llxULL,%u,%u,%u,%u,%u,%u},\n", (unsigned long long)x->ehash, x->canon,
                x->cats, x->country, x->has_entry ? x->upmask : 0, x->flags, x->ntok);
    }
    fprintf(out, "};\nconst char ner_gaz_strings[] = \"");
    for (size_t i = 0; i < npool; i++) {
        unsigned char c = (unsigned char)pool[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(out, "\\%03o", c);
        else
            fputc(c, out);
        if (c == 0 && i % 8 == 7)
            fprintf(out, "\"\n\"");
    }
    fprintf(out, "\";\nconst char ner_gaz_countries[][3] = {\n");
    for (size_t i = 0; i < ncodes; i++)
        fprintf(out, "\"%s\",%s", codes[i], i % 16 == 15 ? "\n" : "");
    fprintf(out, "};\n");
    if (fclose(out) != 0) {
        perror(argv[2]);
        return 1;
    }
    fprintf(stderr, "gaz_compile: %ld forms (%ld skipped), %zu keys, %zu countries\n", forms,
            skipped, ninfos, ncodes - 1);
    free(line);
    free(toks);
    free(slots);
    free(infos);
    free(pool);
    return 0;
}
