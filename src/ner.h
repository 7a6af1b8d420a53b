/* chronicle — entity internals shared by src/ner_*.c, src/gazetteer.c,
 * src/entity*.c and the tools (gazetteer compiler, trainer, drivers).
 * Owns: the NER token, its hashing and folding, the gazetteer lookup API,
 * feature extraction and the model interface. Not a public API. */
#ifndef CHR_NER_H
#define CHR_NER_H

#include <stddef.h>
#include <stdint.h>

#include "chronicle/entity.h"

/* ---- tokens (ner_tok.c) ------------------------------------------------ */

enum {
    NT_ALPHA = 1u << 0,     /* has a letter */
    NT_DIGIT = 1u << 1,     /* has a digit */
    NT_UPPER0 = 1u << 2,    /* first character is an upper-case letter */
    NT_ALLUP = 1u << 3,     /* every letter is upper case (and has a letter) */
    NT_LOWER0 = 1u << 4,    /* first character is a lower-case letter */
    NT_PUNCT = 1u << 5,     /* only punctuation or symbols */
    NT_HYPHEN = 1u << 6,    /* contains '-' */
    NT_PERIOD = 1u << 7,    /* contains '.' */
    NT_APOS = 1u << 8,      /* contains an apostrophe */
    NT_SENT0 = 1u << 9,     /* first token of its sentence */
    NT_MIXED = 1u << 10,    /* upper-case letter after the first character, not all caps */
    NT_CASELESS = 1u << 11, /* has a letter without case (CJK, Arabic, ...) */
};

/* No upper-case or caseless letter: lower-case words, numbers, punctuation. */
static inline int ner_tok_noup(unsigned flags)
{
    return !(flags & (NT_UPPER0 | NT_ALLUP | NT_MIXED | NT_CASELESS));
}

/* Shape classes: a coarse summary of a token's form. */
enum {
    SH_LOWER = 0, /* word */
    SH_INITCAP,   /* Word */
    SH_ALLCAPS,   /* WORD (two letters or more) */
    SH_CAP1,      /* W */
    SH_MIXED,     /* McDonald, iPhone */
    SH_ABBR,      /* U.S. J. */
    SH_DIGITS,    /* 1996 */
    SH_NUMBER,    /* 1,000 3.5 1996-08-30 */
    SH_ALNUM,     /* G20 4x4 */
    SH_PUNCT,     /* , . ( */
    SH_OTHER,
    SH_COUNT
};

typedef struct ner_tok {
    size_t start, end; /* byte offsets into the document */
    uint64_t lhash;    /* hash of the folded (lower-cased) form */
    uint64_t ehash;    /* hash of the exact form */
    uint64_t shash;    /* hash of the compressed shape ("Xx", "X.X.", "d-d") */
    uint16_t flags;    /* NT_* */
    uint8_t shape;     /* SH_* */
    uint8_t sent_end;  /* last token of its sentence */
} ner_tok;

/* Tokenise text[from..to) (one sentence) and append to *toks (realloc'd,
 * *cap its capacity). Returns 0, or -1 on OOM. The first token appended gets
 * NT_SENT0, the last sent_end. */
int ner_tokenize(const char *text, size_t from, size_t to, ner_tok **toks, size_t *n, size_t *cap);

/* FNV-1a 64 over bytes, continuing from h (start with NER_FNV_INIT). */
#define NER_FNV_INIT 0xcbf29ce484222325ULL
uint64_t ner_fnv(uint64_t h, const void *p, size_t n);

/* Fold text[0..n) (lower case, typographic apostrophes and dashes to ASCII)
 * into buf (up to cap bytes, NUL-terminated, truncated at a character
 * boundary). Returns the folded length. */
size_t ner_fold(const char *s, size_t n, char *buf, size_t cap);

/* Hash of a token sequence built from folded token hashes: start with
 * NER_SEQ_INIT, then h = ner_seq_add(h, tok.lhash) per token. */
#define NER_SEQ_INIT 0x9e3779b97f4a7c15ULL
static inline uint64_t ner_seq_add(uint64_t h, uint64_t tok)
{
    h ^= tok + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

/* Bit mixer (splitmix64 finaliser). */
static inline uint64_t ner_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* ---- gazetteers (gazetteer.c over build/gen/ner_gaz.c) ------------------ */

/* Gazetteer categories (bit positions in a category mask). */
enum {
    GZ_COUNTRY = 0, /* LOC: country names, official and short, other languages */
    GZ_SUBDIV,      /* LOC: ISO 3166-2 subdivisions */
    GZ_CITY,        /* LOC: cities from GeoNames (population threshold) */
    GZ_BIGCITY,     /* LOC: cities over 1 million */
    GZ_REGION,      /* LOC: continents, regions, seas (hand-written) */
    GZ_DEMONYM,     /* MISC: nationality adjectives and nouns -> country */
    GZ_ORG,         /* ORG: international organisations, bodies (hand-written) */
    GZ_AGENCY,      /* ORG: news agencies and outlets */
    GZ_GOVBODY,     /* ORG: governments by metonym (the Kremlin) -> country */
    GZ_COMPANY,     /* ORG: companies (hand-written) */
    GZ_FIRSTNAME,   /* PER: given names */
    GZ_TITLE,       /* role words: President, Foreign Minister, aide */
    GZ_MISC,        /* MISC: events, languages, religions (hand-written) */
    GZ_NCATS
};

enum {
    GZF_PREFIX = 1u << 0, /* the key is a proper prefix of some entry */
    GZF_ENTRY = 1u << 1,  /* the key is a whole entry */
    GZF_EXACT = 1u << 2,  /* match only with the exact case of one entry form (acronyms) */
    GZF_KNOWN = 1u << 3,  /* a well-known city (data/ner/cities_exonyms.tsv): a place in
                             any language, though maybe under a million; not a feature */
};

typedef struct ner_gaz_info {
    uint64_t ehash;   /* for GZF_EXACT: hash of the exact token sequence */
    uint32_t canon;   /* offset into the string pool of the canonical name, 0 = none */
    uint16_t cats;    /* category mask (1u << GZ_*) */
    uint16_t country; /* country index (ner_gaz_country_code), 0 = none */
    uint16_t upmask;  /* bit k: token k of the entry is capitalised and must be in text */
    uint8_t flags;    /* GZF_* */
    uint8_t ntok;     /* number of tokens in the key */
} ner_gaz_info;

/* The generated tables (build/gen/ner_gaz.c, by tools/gaz_compile.c). */
extern const size_t ner_gaz_nslots; /* power of two */
extern const uint64_t ner_gaz_keys[];
extern const uint64_t ner_gaz_first[1024]; /* bit (key >> 48): a one-token key exists */
extern const uint32_t ner_gaz_vals[];
extern const ner_gaz_info ner_gaz_infos[];
extern const size_t ner_gaz_ninfos;
extern const char ner_gaz_strings[];
extern const char ner_gaz_countries[][3];
extern const size_t ner_gaz_ncountries;
#define NER_GAZ_MAXTOK 12

/* Look up a folded token-sequence hash; NULL when absent. */
const ner_gaz_info *ner_gaz_find(uint64_t seq_hash);
/* The same for a one-token key, first checking a small filter that rejects
 * most words without touching the table. */
const ner_gaz_info *ner_gaz_find1(uint64_t seq_hash);
/* Canonical name string (static) or NULL. */
const char *ner_gaz_canon(const ner_gaz_info *gi);
/* ISO 3166-1 alpha-2 code of a country index, or NULL for 0. */
const char *ner_gaz_country_code(unsigned idx);
/* Number of gazetteer keys (for reports). */
size_t ner_gaz_size(void);

/* Index of an ISO alpha-2 code, 0 when unknown. */
unsigned ner_gaz_country_index(const char *code);

/* A gazetteer match over tokens [start, end). */
typedef struct ner_gaz_match {
    size_t start, end;
    const ner_gaz_info *info;
} ner_gaz_match;

/* Longest entry starting at token i (NULL info when none), checking the case
 * pattern against the tokens. Entries are at most NER_GAZ_MAXTOK tokens. */
ner_gaz_match ner_gaz_longest(const ner_tok *t, size_t n, size_t i);

/* ---- features and model (ner_feat.c, ner_model.c) ----------------------- */

/* Labels: O, then B-X and I-X for each type X (IOB2). */
#define NER_NLAB (1 + 2 * CHR_ENT_NTYPES)
static inline int ner_lab_b(int type)
{
    return 1 + 2 * type;
}
static inline int ner_lab_type(int lab)
{
    return lab == 0 ? -1 : (lab - 1) / 2;
}
static inline int ner_lab_is_b(int lab)
{
    return lab > 0 && (lab - 1) % 2 == 0;
}

/* Per-token context prepared once per sentence for feature extraction. */
typedef struct ner_sent {
    const char *text;
    const ner_tok *t;
    size_t n;
    uint16_t *gaz_b;  /* per token: categories whose longest match begins here */
    uint16_t *gaz_i;  /* per token: categories whose match continues here */
    uint16_t *gaz_1;  /* per token: categories of the token alone as an entry */
    uint8_t *gaz_len; /* per token: length of the longest match beginning here */
    uint8_t *docf;    /* per token: document-level flags (NER_DOC_*) */
    int allcaps;      /* the sentence is written in capitals (a headline) */
} ner_sent;

enum {
    NER_DOC_LOWER_ELSEWHERE = 1u << 0, /* the word appears in lower case elsewhere */
    NER_DOC_CAP_ELSEWHERE = 1u << 1,   /* capitalised elsewhere, not sentence-initial */
    NER_DOC_IN_LONGER = 1u << 2,       /* part of a longer capitalised run elsewhere */
    NER_DOC_AFTER_FIRSTNAME = 1u << 3, /* elsewhere right after a capitalised given name */
    NER_DOC_AFTER_TITLE = 1u << 4,     /* elsewhere right after a title or role word */
};

/* Features of token i: writes up to NER_MAX_FEATS keys into f, returns the
 * count. Keys are 64-bit hashes; the same function feeds training and
 * tagging. A token's features are its word features at offsets -2..2
 * (ner_feat_word: depend on that one word only, so they can be cached per
 * word) plus context features (ner_feat_ctx). */
#define NER_MAX_FEATS 256 /* worst case is ~170 (every gazetteer category) */
#define NER_WIN 2
size_t ner_features(const ner_sent *s, size_t i, uint64_t *f);
/* Word features of the token at i + k (k in -NER_WIN..NER_WIN), or of the
 * sentence boundary when i + k is outside the sentence. */
size_t ner_feat_word(const ner_sent *s, size_t i, int k, uint64_t *f);
size_t ner_feat_ctx(const ner_sent *s, size_t i, uint64_t *f);

/* ner_feat_ctx in two parts, for the tagger: features over small value sets
 * (shape classes, gazetteer categories, document flags) as indexes into a
 * dense table of NER_DENSE entries, and lexical features (word pairs) as
 * keys. ner_feat_dense_key maps an index back to its key, so that
 * ner_feat_ctx = dense keys + lexical keys, exactly. */
#define NER_DENSE 1899
size_t ner_feat_ctx_dense(const ner_sent *s, size_t i, uint16_t *idx);
size_t ner_feat_ctx_lex(const ner_sent *s, size_t i, uint64_t *f);
uint64_t ner_feat_dense_key(unsigned idx);

/* Fill s->gaz_*, s->allcaps for the tokens of one sentence; the arrays must
 * have s->n slots. */
void ner_sent_prepare(ner_sent *s);

/* Document-level flags (NER_DOC_*) for every token of a document; docf has
 * n slots; gaz_1 (per token, see ner_sent) may be NULL. */
void ner_doc_flags(const char *text, const ner_tok *t, size_t n, const uint16_t *gaz_1,
                   uint8_t *docf);

/* A tokenised document ready for tagging: tokens, sentence boundaries and
 * the per-token context arrays the features read. */
typedef struct ner_doc {
    const char *text;
    ner_tok *t;
    size_t n, cap;
    size_t *sent0; /* first token of sentence k; sent0[nsent] == n */
    size_t nsent;
    uint8_t *docf;
    uint16_t *gaz_b, *gaz_i, *gaz_1;
    uint8_t *gaz_len;
    uint8_t *allcaps;  /* per sentence */
    uint8_t *headline; /* per sentence: in headline case (set by ner_case_apply; else 0) */
} ner_doc;

/* Tokenise text by the given sentence spans and prepare every sentence.
 * Returns 0, -1 on OOM (d is then freed). */
int ner_doc_build(ner_doc *d, const char *text, const chr_span *sents, size_t nsents);
/* A view of sentence k of d. */
void ner_doc_sent(const ner_doc *d, size_t k, ner_sent *s);
void ner_doc_free(ner_doc *d);

/* The model: feature weights and label transitions, read from a blob:
 *   header  "CHRNER05", u32 version, nlab, nslots, nfeat, f32 scale,
 *           u32 nwslots, nwords, bshift, tables, reserved  (48 bytes)
 *   f32     trans[(nlab + 1) * nlab]  row nlab = sentence start, padded to 8
 *   u64     keys[nslots]   feature hash, 0 = empty slot (open addressing)
 *   u32     rows[nslots]   row of the feature in w
 *   i16     w[nfeat * nlab] weight * scale, padded to 8
 *   u64     wkeys[nwslots] exact-form hash of a vocabulary word, 0 = empty
 *   u32     wrows[nwslots] its block, | NER_VOC_ENT when the word has no
 *           capital yet is part of a name in the training data ("of",
 *           "de", "1860"): such words never take the fast path to O
 *   i16     blocks[nwords][2 * NER_WIN + 1][NER_LP]  the summed weights of
 *           the word's features at each offset (ner_feat_word) >> bshift,
 *           precomputed so a known word costs one lookup, not twenty;
 *           lanes nlab..NER_LP-1 are zero (padding that lets the compiler
 *           vectorise the sums), padded to 8
 *   when tables == 1, the tables the tagger would otherwise build at load:
 *   u64     bloom[2^20 / 64]  Bloom filter (2 bits) of the feature keys
 *   i32     dense[NER_DENSE][NER_LP]  weights of each dense context feature
 *   i32     bound[NER_NOFF][NER_LP]   weights of "beyond the sentence"
 * All little-endian (the blob is only read on the machine that built it). */
typedef struct ner_model ner_model;

#define NER_MODEL_MAGIC "CHRNER06"
#define NER_MODEL_VERSION 6
#define NER_VOC_ENT 0x80000000u
#define NER_MODEL_HDR 48
#define NER_NOFF (2 * NER_WIN + 1)
#define NER_LP 12 /* label lanes: NER_NLAB rounded up to a multiple of 4 */

/* The model compiled into the binary (data/ner/model.bin); NULL when the
 * build embedded none (then only gazetteers and rules tag). */
const ner_model *ner_model_builtin(void);
/* Check and wrap a blob (not copied: it must outlive the model); NULL when
 * malformed. */
ner_model *ner_model_from_blob(const unsigned char *blob, size_t len);
void ner_model_free(ner_model *m);
size_t ner_model_nfeats(const ner_model *m);
size_t ner_model_nwords(const ner_model *m);

/* The load-time tables of m (bloom, dense, bound as laid out in the blob):
 * *tables points to them; returns their size. For the trainer. */
size_t ner_model_tables(const ner_model *m, const void **tables);
/* 1 when the stored tables equal what the feature code computes now, 0 when
 * not (the model needs retraining), -1 on OOM. */
int ner_model_tables_current(const ner_model *m);

/* Add the weights of features f[0..nf) to acc[0..NER_NLAB) (integer units
 * of 1/scale). */
void ner_model_add(const ner_model *m, const uint64_t *f, size_t nf, int32_t *acc);
float ner_model_scale(const ner_model *m);
const float *ner_model_trans(const ner_model *m);

/* The word block of token j of s computed from its features (the slow path
 * the precomputed blocks stand for): blk[NER_NOFF][NER_LP], padding zero. */
void ner_model_word_block(const ner_model *m, const ner_sent *s, size_t j, int32_t *blk);

/* The precomputed block of the vocabulary word with exact-form hash h,
 * widened to blk[NER_NOFF][NER_LP] in the units of ner_model_word_block;
 * returns 0 when h is not in the vocabulary. For tests. */
int ner_model_vocab_block(const ner_model *m, uint64_t h, int32_t *blk);

/* Per-document scratch buffers of the decoder, reused from sentence to
 * sentence. Start zeroed; release with ner_wcache_free. */
typedef struct ner_wcache {
    int32_t *acc;        /* 2 * wcap * NER_LP */
    float *emit;         /* wcap * NER_LP */
    float *score;        /* wcap * NER_LP */
    const int16_t **voc; /* wcap: vocabulary block of each token or NULL */
    uint8_t *forced;     /* wcap: token takes the fast path to O */
    size_t wcap;
} ner_wcache;
void ner_wcache_free(ner_wcache *c);

/* Is label b allowed after label a (a = NER_NLAB: sentence start)? IOB2. */
static inline int ner_lab_allowed(int a, int b)
{
    if (b == 0 || ner_lab_is_b(b))
        return 1;
    return a != NER_NLAB && a != 0 && ner_lab_type(a) == ner_lab_type(b);
}

/* Best label sequence for emission scores emit[n][NER_NLAB] and transitions
 * trans[(NER_NLAB + 1) * NER_NLAB]; writes lab[0..n). Returns 0, -1 on OOM. */
int ner_viterbi(const float *emit, const float *trans, size_t n, uint8_t *lab);

/* Tag one prepared sentence with the model: lab[0..s->n). cache may be
 * NULL. 0, -1 on OOM.
 * Fast path: a token with no capital letter (lower-case word, number or
 * punctuation), no apostrophe, continuing no gazetteer match, is labelled
 * O without scoring when it is a word the training data never has inside a
 * name, or else when neither neighbour has a capital ("Bank of England",
 * "1860 Munich", "Serie A" keep the model). Viterbi then runs exactly over
 * the stretches between such tokens. */
int ner_model_decode(const ner_model *m, const ner_sent *s, ner_wcache *cache, uint8_t *lab);

/* ---- glosses for other languages (ner_gloss.c) ------------------------- */

/* English glosses of Spanish, French, Italian and Portuguese function words
 * and reporting verbs ("en" -> "in", "dijo" -> "said"), so the
 * English-trained model reads their context. Built once (ner_gloss_new;
 * NULL on OOM), read-only after. */
typedef struct ner_gloss ner_gloss;
ner_gloss *ner_gloss_new(void);
void ner_gloss_free(ner_gloss *g);

typedef struct ner_gloss_saved {
    size_t tok;
    uint64_t lhash, ehash, shash;
} ner_gloss_saved;

/* Give the glossable tokens of d (lang an ISO 639-1 code; nothing for
 * English) the hashes of their English gloss, saving the originals in
 * saved (d->n slots); returns how many were changed. Lower-case words are
 * glossed, capitalised ones only at the start of a sentence, and never a
 * short word between two capitalised words ("Staffan de Mistura"). Decode,
 * then ner_gloss_restore before anything else reads the tokens. */
size_t ner_gloss_apply(const ner_gloss *g, ner_doc *d, const char *lang, ner_gloss_saved *saved);
void ner_gloss_restore(ner_doc *d, const ner_gloss_saved *saved, size_t n);

/* ---- headline case (ner_case.c) ----------------------------------------- */

/* Whether tokens [s0, s1) of d are a sentence in headline case: its words
 * (letters only: no digits, inner capitals, hyphens, apostrophes or
 * capitals throughout) all capitalised but the small words title case
 * leaves ("of", "with", "from"), three at least that the gazetteer does not
 * know as names, and half of those, two at least, words running text
 * writes in lower case (chr_en_lower_word, title case's small words,
 * auxiliaries; not a line of names): "Nintendo Slashes Price Of Console".
 * Never without the dictionary (chr_en_lower_n 0). */
int ner_headline_case(const ner_doc *d, size_t s0, size_t s1);

typedef struct ner_case_saved {
    size_t tok;
    uint64_t ehash, shash;
    uint16_t flags;
    uint8_t shape;
} ner_case_saved;

/* For an English d (lang NULL, "" or "en"): marks its sentences in
 * headline case in d->headline (ner_headline_case, not in capitals
 * throughout), and gives their ordinary words (chr_en_lower_word, not the
 * first, not part of a gazetteer name) the hashes, shape and flags of
 * their lower-case form, saving the originals in saved (d->n slots);
 * returns how many changed. Decode, then ner_case_restore before anything
 * else reads the tokens. */
size_t ner_case_apply(ner_doc *d, const char *lang, ner_case_saved *saved);
void ner_case_restore(ner_doc *d, const ner_case_saved *saved, size_t n);

/* A headline's first word that may be a name (ner_case_first_name). */
typedef struct ner_first {
    size_t tok;
    int type; /* the type its next word tells, CHR_ENT_NTYPES none */
} ner_first;

/* Whether the first token s0 of an English sentence [s0, s1) that is a
 * headline (headline 2: in headline case; 1: the document's only sentence,
 * no full stop at its end), which the model left O, may be a name by the
 * dictionary: a word it has only capitalised ("Netflix", "Snowden") or, in
 * headline case, lacks ("Herbalife"), before a word in lower case that is
 * no small word ("and", "of"). -1 when not; else the type the next word
 * tells ("Snowden says" PER, "Netflix shares" ORG), or CHR_ENT_NTYPES when
 * it tells none. Call between decoding and ner_case_restore. Running text's
 * first words are left to the model: there such words are companies, towns
 * and people alike ("Piedmont said"), and the next word does not tell them
 * apart. */
int ner_case_first_name(const ner_doc *d, size_t s0, size_t s1, int headline);
/* Labels the tokens first[k].tok still O with the type most other mentions
 * of the word in d have, else with first[k].type when it is a type. 0, -1
 * on OOM. */
int ner_case_first_names(const ner_doc *d, const ner_first *first, size_t n, uint8_t *lab);

/* Whether token i is a word that ends a company's name: "Co.", "Corp.",
 * "Inc.", "Ltd.", "LLC", "PLC" (ner_rules.c). */
int ner_designator(const ner_doc *d, size_t i);

/* ---- rules and linking (ner_rules.c, entity_link.c) -------------------- */

/* Per-token marks set by the rules. */
enum { NER_MARK_RULE = 1u << 0 };

/* Labels from the gazetteer alone (no model, or a language the model was
 * not trained for): unambiguous places, organisations and nationalities. */
void ner_rules_gazetteer(const ner_doc *d, uint8_t *lab, uint8_t *mark);

/* Rules over the model's labels: a capitalised name right after a title is
 * a person ("aide Yury Ushakov"); gazetteer organisations and acronyms the
 * model left untagged become ORG. */
void ner_rules_apply(const ner_doc *d, uint8_t *lab, uint8_t *mark);

/* Repairs for documents not in English (lang an ISO 639-1 code; nothing
 * for NULL or "en"): articles, prepositions and pronouns the English model
 * took into a name are cut from its edges ("La Syrie", "de Damas" ->
 * "Syrie", "Damas"), a name that is nothing but such words is dropped
 * ("La", "Este"), and a name the gazetteer knows as a place or an
 * organisation takes that type ("Syrie" is a country, not a person). */
void ner_rules_lang(const ner_doc *d, uint8_t *lab, uint8_t *mark, const char *lang);

/* In the English sentences in headline case (ner_headline_case), the
 * names the gazetteer knows as a country, a large city, an organisation or
 * a company that the model left unlabelled take that type: read with its
 * ordinary words in lower case ("Twitter back online after brief
 * outage"), a headline's first word is as much a name as any. */
void ner_rules_headline(const ner_doc *d, uint8_t *lab, uint8_t *mark, const char *lang);

/* Repairs for English documents (lang NULL, empty or "en"): a function
 * word capitalised only by its place (opening the sentence or a headline's
 * segment, or in a sentence in headline case) is cut from the start of a
 * name ("From The New York Times" -> "The New York Times", "Off Nintendo
 * Switch Lite" -> "Nintendo Switch Lite"); a name that is nothing else is
 * dropped. */
void ner_rules_position(const ner_doc *d, uint8_t *lab, uint8_t *mark, const char *lang);

/* The label opening a row of a wire figures table ("Shr 30 cts vs 5.92
 * dlrs") is not a name: unlabelled. */
void ner_rules_table_labels(const ner_doc *d, uint8_t *lab);

/* A month's short name inside a date in figures ("11 / Abr / 2016",
 * "Mar-2011", "03 Ago. 2012") is not a name: unlabelled. */
void ner_rules_date_parts(const ner_doc *d, uint8_t *lab);

/* The type a gazetteer entry gives a name on its own: a well-known city or
 * a seat of government is LOC (as CoNLL-2003 annotates "Kremlin"), else
 * the unambiguous type of its categories; -1 when it has none or several. */
int ner_gaz_type(const ner_gaz_info *gi);

/* Are two one-word names spellings of one name ("Asad" and "Assad",
 * "Gadafi" and "Gaddafi", "Sarraj" and "al-Sarraj")? Compared without
 * case, accents, doubled letters and an Arabic article "al-"/"el-"; the
 * rest must be at least four letters. 0 for identical strings too. */
int ner_name_variant(const char *a, size_t na, const char *b, size_t nb);

/* ner_name_variant, and transliterations of one sound too: after the first
 * letter "o" is "u" and "e" is "i", and a final "h" after a vowel goes
 * ("Tawakkol"/"Tawakul", "Saleh"/"Salé"). For a person's surname only:
 * "Rosso" and "Russo", "Samir" and "Samer" would be one name otherwise. */
int ner_name_spelling(const char *a, size_t na, const char *b, size_t nb);

/* Turn labels into mentions, find roles and nominal mentions, and link
 * aliases into entities. Returns CHR_OK or CHR_ENOMEM (out zeroed). */
chr_err ner_link(const ner_doc *d, const uint8_t *lab, const uint8_t *mark, chr_entities *out);

#endif
