/* chronicle — html: one HTML page to one article (see html.h).
 * Owns the parse (libxml2's HTML parser), the block model of the page and
 * the choice of the main text. Charset handling is in html_charset.c,
 * metadata in html_meta.c, date formats in html_date.c.
 *
 * The page is flattened into text blocks (paragraphs, list items, headings,
 * cells, lines split by <br>), each remembering the element that holds it.
 * A block weighs its length when it reads like prose, and counts against its
 * containers when it is mostly links. The main text lives in the element
 * with the greatest total weight: the smallest subtree that holds all the
 * prose and little else. Blocks inside that element are then kept unless
 * they look like boilerplate (link lists, share bars, captions, bylines). */
#include "chronicle/html.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "grow.h"
#include "html_int.h"

/* Sparing soft boilerplate: when removing it leaves less than SPARE_LOSS
 * of the prose, the containers holding the prose are spared, down the path
 * of children that hold the <h1> and SPARE_H1 of their parent's prose, or
 * else at least SPARE_PATH of it. */
#define SPARE_LOSS 0.5
#define SPARE_PATH 0.6
#define SPARE_H1 0.2

/* Pages larger than this are cut (libxml2 takes an int length). */
#define MAX_PAGE (256u << 20)

/* ---- element classes ------------------------------------------------ */

enum {
    K_INLINE = 0,
    K_BLOCK = 1u << 0,  /* starts and ends a block */
    K_SKIP = 1u << 1,   /* never text: script, style, form controls */
    K_BOILER = 1u << 2, /* nav, aside, footer...: not article text */
    K_H1 = 1u << 3,     /* the headline's tag: never body text */
    K_PRE = 1u << 4,    /* keeps its line breaks */
    K_BR = 1u << 5,
    K_LINK = 1u << 6,
};

typedef struct tagkind {
    const char *name;
    unsigned kind;
} tagkind;

/* Sorted by name for bsearch. */
static const tagkind tags[] = {
    {"a", K_LINK},
    {"address", K_BLOCK},
    {"applet", K_SKIP},
    {"area", K_SKIP},
    {"article", K_BLOCK},
    {"aside", K_BLOCK | K_BOILER},
    {"audio", K_SKIP},
    {"base", K_SKIP},
    {"blockquote", K_BLOCK},
    {"body", K_BLOCK},
    {"br", K_BR},
    {"button", K_SKIP},
    {"canvas", K_SKIP},
    {"caption", K_BLOCK},
    {"center", K_BLOCK},
    {"datalist", K_SKIP},
    {"dd", K_BLOCK},
    {"details", K_BLOCK},
    {"dialog", K_BLOCK | K_BOILER},
    {"dir", K_BLOCK},
    {"div", K_BLOCK},
    {"dl", K_BLOCK},
    {"dt", K_BLOCK},
    {"embed", K_SKIP},
    {"fieldset", K_BLOCK},
    {"figcaption", K_BLOCK | K_BOILER},
    {"figure", K_BLOCK | K_BOILER},
    {"footer", K_BLOCK | K_BOILER},
    {"form", K_BLOCK},
    {"frame", K_SKIP},
    {"frameset", K_SKIP},
    {"h1", K_BLOCK | K_H1},
    {"h2", K_BLOCK},
    {"h3", K_BLOCK},
    {"h4", K_BLOCK},
    {"h5", K_BLOCK},
    {"h6", K_BLOCK},
    {"head", K_SKIP},
    {"header", K_BLOCK | K_BOILER},
    {"hr", K_BLOCK},
    {"html", K_BLOCK},
    {"iframe", K_SKIP},
    {"img", K_SKIP},
    {"input", K_SKIP},
    {"legend", K_BLOCK},
    {"li", K_BLOCK},
    {"link", K_SKIP},
    {"main", K_BLOCK},
    {"map", K_SKIP},
    {"math", K_SKIP},
    {"menu", K_BLOCK | K_BOILER},
    {"meta", K_SKIP},
    {"nav", K_BLOCK | K_BOILER},
    {"noscript", K_SKIP},
    {"object", K_SKIP},
    {"ol", K_BLOCK},
    {"optgroup", K_SKIP},
    {"option", K_SKIP},
    {"output", K_SKIP},
    {"p", K_BLOCK},
    {"param", K_SKIP},
    {"picture", K_SKIP},
    {"pre", K_BLOCK | K_PRE},
    {"progress", K_SKIP},
    {"script", K_SKIP},
    {"section", K_BLOCK},
    {"select", K_SKIP},
    {"source", K_SKIP},
    {"style", K_SKIP},
    {"summary", K_BLOCK},
    {"svg", K_SKIP},
    {"table", K_BLOCK},
    {"tbody", K_BLOCK},
    {"td", K_BLOCK},
    {"template", K_SKIP},
    {"textarea", K_SKIP},
    {"tfoot", K_BLOCK},
    {"th", K_BLOCK},
    {"thead", K_BLOCK},
    {"title", K_SKIP},
    {"tr", K_BLOCK},
    {"track", K_SKIP},
    {"ul", K_BLOCK},
    {"video", K_SKIP},
};

static int tag_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const tagkind *)elem)->name);
}

static unsigned tag_kind(const xmlNode *n)
{
    const tagkind *t =
        bsearch(n->name, tags, sizeof tags / sizeof tags[0], sizeof tags[0], tag_cmp);
    return t ? t->kind : K_INLINE;
}

/* ---- class / id hints ---------------------------------------------- */

/* Lowercased "class id" of an element into buf. */
static size_t class_id(const xmlNode *n, char *buf, size_t cap)
{
    size_t len = 0;
    const char *parts[2] = {chr_html_attr(n, "class"), chr_html_attr(n, "id")};
    for (int i = 0; i < 2; i++) {
        if (!parts[i])
            continue;
        for (const char *p = parts[i]; *p && len + 2 < cap; p++)
            buf[len++] = (char)tolower((unsigned char)*p);
        if (len + 2 < cap)
            buf[len++] = ' ';
    }
    buf[len] = '\0';
    return len;
}

static int has_any(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strstr(s, *words))
            return 1;
    return 0;
}

/* Containers that are not the article, unless they hold it (a layout
 * wrapper named "content-with-sidebar"). Matched as substrings. */
static const char *const hint_never[] = {
    "comment",    "disqus",     "outbrain",     "taboola",     "newsletter", "cookie",
    "gdpr",       "consent",    "breadcrumb",   "share",       "sharing",    "social",
    "related",    "recirc",     "most-popular", "mostpopular", "most-read",  "trending",
    "sidebar",    "promo",      "sponsor",      "advert",      "subscribe",  "signup",
    "sign-up",    "popup",      "modal",        "skip-link",   "skiplink",   "toolbar",
    "pagination", "author-bio", "authorbio",    "byline",      "timestamp",  "tag-list",
    "taglist",    "caption",    "masthead",     "footer",      "navbar",     "navigation",
    "banner",     "widget",     "ticker",       "read-more",   "readmore",   "more-stories",
    "recommend",  "jump-link",  "print-only",   NULL};
/* Rescues a never-name: embedded posts quoted by the story. */
static const char *const hint_embed[] = {
    "tweet", "instagram-media", "social-embed", "social-media-embed", "socialembed", "embed-social",
    NULL};
/* The same, matched as whole words ("rail" but not "trail"). */
static const char *const hint_never_words[] = {"rail",   "tags",    "menu", "pager", "keywords",
                                               "credit", "credits", "nav",  NULL};
/* Never the article even when they seem to hold it: comment threads and
 * recommendation widgets can outweigh a short story. */
static const char *const hint_strong[] = {"comment", "disqus", "outbrain",   "taboola", "cookie",
                                          "consent", "gdpr",   "newsletter", "recirc",  NULL};
/* Class tokens (whole, as written) of text hidden from sighted readers. */
static const char *const hint_hidden[] = {"hidden",
                                          "hide",
                                          "sr-only",
                                          "visually-hidden",
                                          "visuallyhidden",
                                          "screen-reader-text",
                                          "element-invisible",
                                          "is-hidden",
                                          "u-hidden",
                                          "d-none",
                                          "offscreen",
                                          NULL};
/* Names of the article body container: they rescue a container that also
 * carries a never-name. */
static const char *const hint_body[] = {"article-body",  "articlebody",     "article_body",
                                        "story-body",    "storybody",       "story_body",
                                        "entry-content", "post-content",    "post-body",
                                        "postbody",      "article-content", "articlecontent",
                                        "article__body", "story__body",     "body-text",
                                        "bodytext",      "main-content",    "article-text",
                                        "story-text",    "content-body",    NULL};

/* Does s contain w as a word part (bounded by non-letters)? */
static int has_word(const char *s, const char *w)
{
    size_t l = strlen(w);
    for (const char *p = strstr(s, w); p; p = strstr(p + 1, w)) {
        int left = p == s || !isalpha((unsigned char)p[-1]);
        int right = !isalpha((unsigned char)p[l]);
        if (left && right)
            return 1;
    }
    return 0;
}

/* Is one of the whitespace-separated tokens of s exactly one of words? */
static int has_token(const char *s, const char *const *words)
{
    while (*s) {
        while (*s == ' ')
            s++;
        size_t l = strcspn(s, " ");
        for (const char *const *w = words; *w && l; w++)
            if (strlen(*w) == l && strncmp(s, *w, l) == 0)
                return 1;
        s += l;
    }
    return 0;
}

enum { H_NONE = 0, H_NEVER = 1, H_BODY = 2, H_STRONG = 4, H_HIDDEN = 8 };

static unsigned class_hints(const xmlNode *n)
{
    char buf[512];
    unsigned h = 0;
    const char *ip = chr_html_attr(n, "itemprop");
    if (ip && strcasecmp(ip, "articleBody") == 0)
        h |= H_BODY;
    if (class_id(n, buf, sizeof buf) == 0)
        return h;
    if (has_any(buf, hint_body))
        h |= H_BODY;
    /* Embedded posts (tweets) sit in "social-embed" boxes, yet readers
     * see them as part of the story. */
    if (has_any(buf, hint_never) && !has_any(buf, hint_embed))
        h |= H_NEVER;
    for (const char *const *w = hint_never_words; *w && !(h & H_NEVER); w++)
        if (has_word(buf, *w))
            h |= H_NEVER;
    if (has_any(buf, hint_strong))
        h |= H_STRONG;
    if (has_token(buf, hint_hidden))
        h |= H_HIDDEN;
    return h;
}

static int is_hidden(const xmlNode *n)
{
    if (chr_html_attr(n, "hidden"))
        return 1;
    const char *aria = chr_html_attr(n, "aria-hidden");
    if (aria && strcmp(aria, "true") == 0)
        return 1;
    const char *st = chr_html_attr(n, "style");
    if (st) {
        char buf[256];
        size_t l = 0;
        for (const char *p = st; *p && l + 1 < sizeof buf; p++)
            if (!isspace((unsigned char)*p))
                buf[l++] = (char)tolower((unsigned char)*p);
        buf[l] = '\0';
        if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
            return 1;
    }
    return 0;
}

/* ---- block model ----------------------------------------------------- */

enum {
    B_H1 = 1u << 0,
    B_SOFT = 1u << 1,      /* started by a <br>: joins with "\n" */
    B_LINKSTART = 1u << 2, /* its first word is inside a link */
};

typedef struct block {
    size_t start, end; /* into the text buffer */
    int chars, link_chars, words, punct, end_punct;
    int owner; /* nearest block element */
    int leaf;  /* innermost element when the block began */
    unsigned flags;
    double w;
    int keep;
} block;

typedef struct elem {
    xmlNode *node;
    int parent; /* element index, -1 at the root */
    int end;    /* index after its last descendant */
    unsigned hints;
    unsigned kind;
    int hard;                /* boilerplate by its tag (nav, figure...) or a strong name */
    int soft;                /* boilerplate by its tag or name unless it holds the text */
    int spared;              /* holds the main text: its soft mark does not count */
    int raw_chars, raw_link; /* all text below, boilerplate or not */
    int kids, items;         /* block children with text; those that look like teasers */
    int starts_link;         /* its first text is a link (a teaser's headline) */
    int teaser;              /* a list of teasers */
    int has_h1;              /* holds an <h1> */
    int boiler;              /* inside a boilerplate container (this pass) */
    double score;            /* sum of block weights below */
    int chars, link_chars;
    int first_block, last_block;
} elem;

typedef struct page {
    char *text;
    size_t len, cap;
    block *blocks;
    size_t nblocks, bcap;
    elem *elems;
    size_t nelems, ecap;
    int oom;
    /* block being built */
    size_t cur_start;
    int cur_chars, cur_link, cur_words, cur_punct;
    int cur_owner, cur_leaf;
    unsigned cur_flags;
    int space_pending;
    int soft_next;
} page;

static void append(page *pg, const char *s, size_t l)
{
    if (chr_grow((void **)&pg->text, &pg->cap, pg->len + l + 2, 1) < 0) {
        pg->oom = 1;
        return;
    }
    memcpy(pg->text + pg->len, s, l);
    pg->len += l;
}

/* Does the block end like a sentence? Closing quotes and brackets are
 * looked through. */
static int ends_sentence(const char *t, size_t start, size_t e)
{
    while (e > start) {
        unsigned char c = (unsigned char)t[e - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ')
            e--;
        else if (e - start >= 3 && (unsigned char)t[e - 3] == 0xE2 &&
                 (unsigned char)t[e - 2] == 0x80) /* ’ ” */
            e -= 3;
        else if (c == 0xBB && e - start >= 2 && (unsigned char)t[e - 2] == 0xC2) /* » */
            e -= 2;
        else
            break;
    }
    if (e == start)
        return 0;
    char c = t[e - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

/* Close the block being built; empty blocks vanish. */
static void end_block(page *pg)
{
    if (pg->cur_chars > 0) {
        if (chr_grow((void **)&pg->blocks, &pg->bcap, pg->nblocks + 1, sizeof(block)) < 0) {
            pg->oom = 1;
            return;
        }
        block *b = &pg->blocks[pg->nblocks++];
        memset(b, 0, sizeof *b);
        b->start = pg->cur_start;
        b->end = pg->len;
        b->chars = pg->cur_chars;
        b->link_chars = pg->cur_link;
        b->words = pg->cur_words;
        b->punct = pg->cur_punct;
        b->owner = pg->cur_owner;
        b->leaf = pg->cur_leaf;
        b->flags = pg->cur_flags | (pg->soft_next ? B_SOFT : 0);
        b->end_punct = ends_sentence(pg->text, b->start, b->end);
        pg->soft_next = 0;
    } else {
        pg->len = pg->cur_start; /* drop whitespace of an empty block */
    }
    pg->cur_start = pg->len;
    pg->cur_chars = pg->cur_link = pg->cur_words = pg->cur_punct = 0;
    pg->space_pending = 0;
}

/* Append text, collapsing white space; counts characters and words. */
static void add_text(page *pg, const char *s, int in_link, int pre)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0;
    const unsigned char *run_start = p;
    while (*p) {
        unsigned c = *p;
        int sp = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        int nbsp = c == 0xC2 && p[1] == 0xA0;
        if (pre && c == '\n')
            sp = 0;
        if (sp || nbsp) {
            if (run)
                append(pg, (const char *)run_start, run);
            run = 0;
            p += nbsp ? 2 : 1;
            run_start = p;
            if (pg->cur_chars > 0)
                pg->space_pending = 1;
            continue;
        }
        if (run == 0 && pg->space_pending) {
            append(pg, " ", 1);
            pg->space_pending = 0;
        }
        if (run == 0 && (pg->len == pg->cur_start || pg->text[pg->len - 1] == ' '))
            pg->cur_words++;
        if (pg->cur_chars == 0 && in_link)
            pg->cur_flags |= B_LINKSTART;
        if ((c & 0xC0) != 0x80) {
            pg->cur_chars++;
            if (in_link)
                pg->cur_link++;
        }
        if (c == ',' || c == '.' || c == ';' || c == '!' || c == '?')
            pg->cur_punct++;
        run++;
        p++;
    }
    if (run)
        append(pg, (const char *)run_start, run);
}

static int is_top(const xmlNode *n)
{
    return strcmp((const char *)n->name, "body") == 0 || strcmp((const char *)n->name, "html") == 0;
}

static int new_elem(page *pg, xmlNode *n, int parent, unsigned kind, unsigned hints)
{
    if (chr_grow((void **)&pg->elems, &pg->ecap, pg->nelems + 1, sizeof(elem)) < 0) {
        pg->oom = 1;
        return -1;
    }
    elem *e = &pg->elems[pg->nelems];
    memset(e, 0, sizeof *e);
    e->node = n;
    e->parent = parent;
    e->hints = hints;
    /* The body and html elements are never boilerplate. */
    if (!is_top(n)) {
        int tag_hard = strcmp((const char *)n->name, "nav") == 0 ||
                       strcmp((const char *)n->name, "figure") == 0 ||
                       strcmp((const char *)n->name, "figcaption") == 0 ||
                       strcmp((const char *)n->name, "menu") == 0 ||
                       strcmp((const char *)n->name, "dialog") == 0;
        e->hard = tag_hard || ((hints & H_STRONG) && !(hints & H_BODY));
        e->soft = (kind & K_BOILER) || ((hints & H_NEVER) && !(hints & H_BODY));
    }
    /* A boilerplate inline element (a share link, a credit span) gets
     * blocks of its own so that dropping it leaves the prose around it. */
    if (e->hard || e->soft)
        kind |= K_BLOCK;
    e->kind = kind;
    e->first_block = e->last_block = -1;
    e->end = (int)pg->nelems + 1;
    n->_private = (void *)(intptr_t)(pg->nelems + 1);
    return (int)pg->nelems++;
}

/* Walk the tree once: elements get an index, text goes into blocks.
 * use_hints = 0 ignores class/id names (the retry when they hid all). */
static void flatten(page *pg, xmlNode *root, int use_hints)
{
    /* Open elements of each kind. */
    int in_link = 0, in_pre = 0, in_h1 = 0;
    int cur = -1; /* innermost element */
    xmlNode *n = root;
    pg->cur_owner = -1;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE && n->name) {
            unsigned kind = tag_kind(n);
            unsigned hints = 0;
            if (kind & K_BR) {
                end_block(pg);
                pg->soft_next = 1;
            } else if (!(kind & K_SKIP) &&
                       (is_top(n) || (!is_hidden(n) &&
                                      !((hints = use_hints ? class_hints(n) : 0) & H_HIDDEN)))) {
                int e = new_elem(pg, n, cur, kind, hints);
                if (e < 0)
                    return;
                kind = pg->elems[e].kind;
                if (kind & K_BLOCK) {
                    end_block(pg);
                    pg->soft_next = 0;
                    pg->cur_owner = e;
                }
                in_link += (kind & K_LINK) && chr_html_attr(n, "href");
                in_pre += !!(kind & K_PRE);
                in_h1 += !!(kind & K_H1);
                cur = e;
                descend = 1;
            }
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content && cur >= 0) {
                if (pg->cur_chars == 0 && pg->len == pg->cur_start) {
                    pg->cur_flags = in_h1 ? B_H1 : 0;
                    pg->cur_leaf = cur;
                    if (pg->cur_owner < 0)
                        pg->cur_owner = cur;
                }
                add_text(pg, (const char *)n->content, in_link > 0, in_pre > 0);
                if (pg->oom)
                    return;
            }
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        /* Leave n (if it was an element we entered) and every parent whose
         * last child it was. */
        for (;;) {
            if (n->_private && n->type == XML_ELEMENT_NODE) {
                int e = (int)(intptr_t)n->_private - 1;
                if (e == cur) {
                    elem *el = &pg->elems[e];
                    unsigned kind = el->kind;
                    el->end = (int)pg->nelems;
                    if (kind & K_BLOCK) {
                        end_block(pg);
                        pg->soft_next = 0;
                        /* Text after a nested block belongs to the nearest
                         * enclosing block element again. */
                        int p = el->parent;
                        while (p >= 0 && !(pg->elems[p].kind & K_BLOCK))
                            p = pg->elems[p].parent;
                        pg->cur_owner = p;
                    }
                    in_link -= (kind & K_LINK) && chr_html_attr(n, "href");
                    in_pre -= !!(kind & K_PRE);
                    in_h1 -= !!(kind & K_H1);
                    cur = el->parent;
                }
            }
            if (n == root) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n)
                break;
        }
    }
    end_block(pg);
}

/* ---- scoring ---------------------------------------------------------- */

static double block_weight(const block *b)
{
    if (b->flags & B_H1)
        return 0;
    double ld = b->chars ? (double)b->link_chars / b->chars : 0;
    if (ld > 0.5)
        return -0.5 * (b->chars < 200 ? b->chars : 200);
    if (b->chars < 25 && !b->end_punct)
        return -1;
    double w = b->chars * (1 - ld);
    if (b->punct == 0 && b->chars < 80)
        w *= 0.5;
    return w;
}

/* A list of teasers (headline link + summary, repeated) reads like prose
 * to the weights; find such lists by their shape and make them soft
 * boilerplate. */
static void find_teasers(page *pg)
{
    for (size_t i = 0; i < pg->nblocks; i++) {
        const block *b = &pg->blocks[i];
        int head = (b->flags & B_LINKSTART) || b->link_chars * 2 > b->chars;
        for (int e = b->leaf; e >= 0; e = pg->elems[e].parent) {
            if (b->flags & B_H1)
                pg->elems[e].has_h1 = 1;
            if (pg->elems[e].raw_chars == 0)
                pg->elems[e].starts_link = head;
            pg->elems[e].raw_chars += b->chars;
            pg->elems[e].raw_link += b->link_chars;
        }
    }
    for (size_t i = 0; i < pg->nelems; i++) {
        const elem *e = &pg->elems[i];
        if (e->parent < 0 || !(e->kind & K_BLOCK) || e->raw_chars == 0)
            continue;
        elem *p = &pg->elems[e->parent];
        p->kids++;
        if (e->starts_link && e->raw_link >= 15 && e->raw_chars - e->raw_link >= 30 &&
            e->raw_chars < 1500)
            p->items++;
    }
    for (size_t i = 0; i < pg->nelems; i++) {
        elem *e = &pg->elems[i];
        if (e->items >= 3 && e->items * 10 >= e->kids * 6 && !is_top(e->node) &&
            !(e->hints & H_BODY))
            e->soft = e->teaser = 1;
    }
}

/* Mark boilerplate for one pass: elements are in document order, so a
 * parent always comes before its children. */
static void mark_boiler(page *pg, int use_soft)
{
    for (size_t i = 0; i < pg->nelems; i++) {
        elem *e = &pg->elems[i];
        int own = e->hard || (use_soft && e->soft && !e->spared);
        e->boiler = own || (e->parent >= 0 && pg->elems[e->parent].boiler);
        e->score = 0;
        e->chars = e->link_chars = 0;
        e->first_block = e->last_block = -1;
    }
}

static void score(page *pg)
{
    for (size_t i = 0; i < pg->nblocks; i++) {
        block *b = &pg->blocks[i];
        b->w = block_weight(b);
        if (pg->elems[b->leaf].boiler)
            continue;
        for (int e = b->owner; e >= 0; e = pg->elems[e].parent) {
            elem *el = &pg->elems[e];
            el->score += b->w;
            el->chars += b->chars;
            el->link_chars += b->link_chars;
            if (el->first_block < 0)
                el->first_block = (int)i;
            el->last_block = (int)i;
        }
    }
}

static int best_elem(const page *pg)
{
    int best = -1;
    double best_s = 0;
    for (size_t i = 0; i < pg->nelems; i++) {
        const elem *e = &pg->elems[i];
        if (e->boiler || e->score <= 0)
            continue;
        double s = e->score;
        if (e->hints & H_BODY)
            s *= 1.25;
        /* Deeper elements come later in document order: ">=" prefers the
         * innermost of equal scores. */
        if (s > best_s || (s == best_s && best >= 0)) {
            best = (int)i;
            best_s = s;
        }
    }
    return best;
}

static int is_below(const page *pg, int e, int anc)
{
    for (; e >= 0; e = pg->elems[e].parent)
        if (e == anc)
            return 1;
    return 0;
}

/* Decide which blocks of the chosen element are article text. */
static void select_blocks(page *pg, int root)
{
    const elem *r = &pg->elems[root];
    for (int i = r->first_block; i >= 0 && i <= r->last_block; i++) {
        block *b = &pg->blocks[i];
        b->keep = 0;
        if ((b->flags & B_H1) || pg->elems[b->leaf].boiler)
            continue;
        if (!is_below(pg, b->owner, root))
            continue;
        double ld = b->chars ? (double)b->link_chars / b->chars : 0;
        if (ld > 0.5)
            continue;
        b->keep = 1;
    }
}

/* A byline or dateline of the page ("By Kim Berger", "Von Kim Berger ·
 * 28. Oktober 2022", "Updated 11/18/19 11:04 PM EST"): a short line that is
 * not a sentence and names a date or starts with a byline word. */
static int is_meta_line(const page *pg, const block *b)
{
    if (b->chars > 100 || b->end_punct)
        return 0;
    size_t len = b->end - b->start;
    char line[512];
    if (len >= sizeof line)
        return 0;
    memcpy(line, pg->text + b->start, len);
    line[len] = '\0';
    char *p = line;
    while (*p == ' ')
        p++;
    static const char *const by[] = {"by ", "von ",    "par ",       "por ",     "di ", "door ",
                                     "av ", "posted ", "published ", "updated ", NULL};
    for (int i = 0; by[i]; i++)
        if (strncasecmp(p, by[i], strlen(by[i])) == 0)
            return 1;
    char d[11];
    return chr_html_parse_date(p, d);
}

/* Labels and calls to action that sit among article blocks: "Advertisement",
 * "Continue Reading Below", "You may also like...", "• 2 min read". Compared
 * after normalisation (lowercase ASCII letters and single spaces). */
static const char *const boiler_lines[] = {"advertisement",
                                           "advert",
                                           "advertising",
                                           "ad",
                                           "ads",
                                           "anzeige",
                                           "werbung",
                                           "publicite",
                                           "publicidad",
                                           "pubblicita",
                                           "publicidade",
                                           "iklan",
                                           "sponsored",
                                           "sponsored content",
                                           "sponsored links",
                                           "comments",
                                           "comment",
                                           "post comment",
                                           "leave a comment",
                                           "leave a reply",
                                           "add a comment",
                                           "show comments",
                                           "view comments",
                                           "related",
                                           "related stories",
                                           "related articles",
                                           "related news",
                                           "related tags",
                                           "related content",
                                           "related coverage",
                                           "related topics",
                                           "more",
                                           "more stories",
                                           "more news",
                                           "more from",
                                           "read more",
                                           "read next",
                                           "see also",
                                           "also read",
                                           "you may also like",
                                           "you might also like",
                                           "recommended",
                                           "recommended for you",
                                           "most popular",
                                           "most read",
                                           "popular on",
                                           "trending",
                                           "trending now",
                                           "don t miss",
                                           "top stories",
                                           "latest stories",
                                           "latest news",
                                           "continue reading",
                                           "continue reading below",
                                           "share",
                                           "share this",
                                           "share this article",
                                           "share this story",
                                           "share on",
                                           "follow us",
                                           "subscribe",
                                           "sign up",
                                           "newsletter",
                                           "topics",
                                           "tags",
                                           "filed under",
                                           "about the author",
                                           "reading time",
                                           "tempo de leitura",
                                           "this slideshow requires javascript",
                                           "loading",
                                           "loading content",
                                           "print",
                                           "email",
                                           "tell us what you think",
                                           "what do you think",
                                           NULL};

/* Normalised text of a block into out (at most cap-1 bytes). */
static void normalise(const page *pg, const block *b, char *out, size_t cap)
{
    size_t n = 0;
    int sp = 1;
    for (size_t i = b->start; i < b->end && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)pg->text[i];
        if (isalpha(c)) {
            out[n++] = (char)tolower(c);
            sp = 0;
        } else if (c == 0xC3 && i + 1 < b->end) { /* é à ... lose their accent */
            unsigned char d = (unsigned char)pg->text[++i] | 0x20;
            out[n++] = d >= 0xA0 && d <= 0xA5   ? 'a'
                       : d >= 0xA8 && d <= 0xAB ? 'e'
                       : d >= 0xAC && d <= 0xAF ? 'i'
                       : d >= 0xB2 && d <= 0xB6 ? 'o'
                       : d >= 0xB9 && d <= 0xBC ? 'u'
                       : d == 0xA7              ? 'c'
                                                : 'x';
            sp = 0;
        } else if (!sp) {
            out[n++] = ' ';
            sp = 1;
        }
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

/* "1 of 6", "1 - 5 of 36": gallery and pager counters. */
static int is_counter(const page *pg, const block *b)
{
    const char *p = pg->text + b->start, *e = pg->text + b->end;
    int nums = 0, of = 0;
    while (p < e) {
        if (*p == ' ' || *p == '-' || *p == '/') {
            p++;
        } else if (isdigit((unsigned char)*p)) {
            while (p < e && isdigit((unsigned char)*p))
                p++;
            nums++;
        } else if (e - p >= 2 && strncasecmp(p, "of", 2) == 0) {
            p += 2;
            of++;
        } else {
            return 0;
        }
    }
    return nums >= 2 && of == 1;
}

static int is_boiler_line(const page *pg, const block *b)
{
    if (b->words > 15)
        return 0;
    char t[200];
    normalise(pg, b, t, sizeof t);
    size_t tl = strlen(t);
    if (tl == 0)
        return is_counter(pg, b);
    /* Footer lines and dated notices anywhere in the text. */
    const char *raw = pg->text + b->start;
    if (strncmp(t, "copyright", 9) == 0 || strncmp(raw, "\xC2\xA9", 2) == 0 ||
        strstr(t, "all rights reserved"))
        return 1;
    static const char *const stamps[] = {"first published", "published", "updated",
                                         "last updated",    "posted",    NULL};
    for (int i = 0; stamps[i]; i++) {
        size_t l = strlen(stamps[i]);
        if (strncmp(t, stamps[i], l) == 0 && (t[l] == ' ' || t[l] == '\0') && b->chars <= 100)
            return 1;
    }
    /* Labels end without a full stop, or with ':' or an ellipsis. */
    size_t n = b->end - b->start;
    int ellipsis = (n >= 3 && memcmp(raw + n - 3, "...", 3) == 0) ||
                   (n >= 3 && memcmp(raw + n - 3, "\xE2\x80\xA6", 3) == 0);
    if (b->words > 8 || (b->end_punct && raw[n - 1] != ':' && !ellipsis))
        return 0;
    if (is_counter(pg, b))
        return 1;
    static const char *const tails[] = {"min read",     "mins read",          "minute read",
                                        "minutes read", "bloggers like this", NULL};
    for (int i = 0; tails[i]; i++) {
        size_t l = strlen(tails[i]);
        if (tl >= l && strcmp(t + tl - l, tails[i]) == 0)
            return 1;
    }
    for (int i = 0; boiler_lines[i]; i++) {
        size_t l = strlen(boiler_lines[i]);
        if (strncmp(t, boiler_lines[i], l) != 0)
            continue;
        if (t[l] == '\0')
            return 1;
        /* "Related Tags: x y", "Tempo de leitura: 1 minuto": a phrase of two
         * words or more, then a few more. */
        if (t[l] == ' ' && strchr(boiler_lines[i], ' ') && b->words <= 6)
            return 1;
    }
    return 0;
}

/* Bylines and datelines above the first paragraph are page furniture. */
static void trim_meta_lines(page *pg)
{
    for (size_t i = 0; i < pg->nblocks; i++)
        if (pg->blocks[i].keep && is_boiler_line(pg, &pg->blocks[i]))
            pg->blocks[i].keep = 0;
    for (size_t i = 0; i < pg->nblocks; i++) {
        block *b = &pg->blocks[i];
        if (!b->keep)
            continue;
        if (b->chars >= 100 || b->end_punct)
            break;
        if (is_meta_line(pg, b))
            b->keep = 0;
    }
}

/* Choose the main element. Soft boilerplate (names like "sidebar", tags
 * like <footer>) is removed first; but when that loses most of the prose,
 * soft names were on layout wrappers ("content-with-sidebar"): find where
 * the prose is with only hard boilerplate removed, and spare the containers
 * around it and, inside it, those along the path that holds most of it.
 * Returns the element or -1. */
static int choose(page *pg)
{
    find_teasers(pg);
    mark_boiler(pg, 1);
    score(pg);
    int b1 = best_elem(pg);
    double s1 = b1 >= 0 ? pg->elems[b1].score : 0;
    mark_boiler(pg, 0);
    score(pg);
    int b0 = best_elem(pg);
    double s0 = b0 >= 0 ? pg->elems[b0].score : 0;
    if (b0 >= 0 && s1 < SPARE_LOSS * s0) {
        /* A list of teasers that holds the headline is a blog's front page
         * with the article first: never spared. A round-up article's list
         * sits under its headline, not around it. */
        for (int e = b0; e >= 0; e = pg->elems[e].parent)
            pg->elems[e].spared = !(pg->elems[e].teaser && pg->elems[e].has_h1);
        for (int e = b0;;) {
            /* The path follows the headline when a child holds it and a
             * fair share of the prose, else the heaviest child. */
            int heavy = -1, h1 = -1;
            for (int c = e + 1; c < pg->elems[e].end; c = pg->elems[c].end) {
                if (heavy < 0 || pg->elems[c].score > pg->elems[heavy].score)
                    heavy = c;
                if (pg->elems[c].has_h1)
                    h1 = c;
            }
            if (h1 >= 0 && pg->elems[h1].score >= SPARE_H1 * pg->elems[e].score)
                heavy = h1;
            else if (heavy < 0 || pg->elems[heavy].score < SPARE_PATH * pg->elems[e].score)
                break;
            pg->elems[heavy].spared = !(pg->elems[heavy].teaser && pg->elems[heavy].has_h1);
            e = heavy;
        }
    }
    mark_boiler(pg, 1);
    score(pg);
    return best_elem(pg);
}

/* ---- output ----------------------------------------------------------- */

static char *join_kept(const page *pg, size_t *out_len)
{
    size_t need = 1;
    for (size_t i = 0; i < pg->nblocks; i++)
        if (pg->blocks[i].keep)
            need += pg->blocks[i].end - pg->blocks[i].start + 2;
    char *o = malloc(need);
    if (!o)
        return NULL;
    size_t len = 0;
    for (size_t i = 0; i < pg->nblocks; i++) {
        const block *b = &pg->blocks[i];
        if (!b->keep)
            continue;
        size_t s = b->start, e = b->end;
        while (s < e && pg->text[s] == ' ')
            s++;
        while (e > s && pg->text[e - 1] == ' ')
            e--;
        if (e == s)
            continue;
        if (len) {
            o[len++] = '\n';
            if (!(b->flags & B_SOFT))
                o[len++] = '\n';
        }
        memcpy(o + len, pg->text + s, e - s);
        len += e - s;
    }
    o[len] = '\0';
    *out_len = len;
    return o;
}

static void page_free(page *pg)
{
    free(pg->text);
    free(pg->blocks);
    free(pg->elems);
}

#ifdef CHR_HTML_DEBUG
#include <stdio.h>
/* Development aid (cc -DCHR_HTML_DEBUG): the chosen element's path and
 * every block with its weight and verdict, on stderr. */
static void debug_path(const page *pg, int e)
{
    if (e < 0)
        return;
    debug_path(pg, pg->elems[e].parent);
    const xmlNode *n = pg->elems[e].node;
    const char *c = chr_html_attr(n, "class"), *id = chr_html_attr(n, "id");
    fprintf(stderr, " > %s%s%.40s%s%.30s [%.0f]", n->name, c ? "." : "", c ? c : "", id ? "#" : "",
            id ? id : "", pg->elems[e].score);
}

static void debug_page(const page *pg, int best)
{
    fprintf(stderr, "chosen (%d elems):", (int)pg->nelems);
    debug_path(pg, best);
    fprintf(stderr, "\n");
    for (size_t i = 0; i < pg->nblocks; i++) {
        const block *b = &pg->blocks[i];
        const xmlNode *n = pg->elems[b->leaf].node;
        const char *c = chr_html_attr(n, "class");
        fprintf(stderr, "%c %6.0f %s%s%s.%.20s %c| %.*s\n", b->keep ? '+' : '-', b->w,
                pg->elems[b->leaf].boiler ? "B " : "", (const char *)n->name,
                is_below(pg, b->owner, best) ? "*" : "", c ? c : "", b->end_punct ? '.' : ' ',
                (int)(b->end - b->start < 90 ? b->end - b->start : 90), pg->text + b->start);
    }
}
#endif

/* Main text of a parsed page: malloc'd, "" when none; NULL on OOM. */
/* A date printed near the headline ("publiziert am 25. September 2018",
 * "기사입력 :[ 2018-08-25 15:24 ]"), for pages whose markup states none:
 * short blocks around the last <h1> before the text, or else just before
 * the text. Fills out and returns 1 when found. */
static int visible_date(const page *pg, int day_first, char out[11])
{
    long first = -1, anchor = -1;
    for (size_t i = 0; i < pg->nblocks; i++)
        if (pg->blocks[i].keep) {
            first = (long)i;
            break;
        }
    if (first < 0)
        return 0;
    anchor = first;
    for (long i = first - 1; i >= 0 && i >= first - 20; i--)
        if (pg->blocks[i].flags & B_H1) {
            anchor = i;
            break;
        }
    /* Nearest first: anchor, then alternately after and before it. */
    for (long k = 0; k <= 8; k++) {
        long cand[2] = {anchor + k, anchor - k};
        for (int j = 0; j < (k ? 2 : 1); j++) {
            long i = cand[j];
            if (i < 0 || (size_t)i >= pg->nblocks)
                continue;
            const block *b = &pg->blocks[i];
            if (b->chars > 150 || b->end - b->start >= 600)
                continue;
            char line[600];
            memcpy(line, pg->text + b->start, b->end - b->start);
            line[b->end - b->start] = '\0';
            if (chr_html_parse_date_order(line, day_first, out))
                return 1;
        }
    }
    return 0;
}

static char *main_text(xmlDocPtr doc, size_t page_len, int use_hints, const char *lang,
                       char date[11], size_t *out_len)
{
    int reuse = !use_hints; /* the second pass over the same tree */
    page pg;
    memset(&pg, 0, sizeof pg);
    xmlNode *root = xmlDocGetRootElement(doc);
    char *out = NULL;
    *out_len = 0;
    if (!root)
        return strdup("");
    /* The text is shorter than the page: one allocation, no regrowth. */
    if (chr_grow((void **)&pg.text, &pg.cap, page_len / 2 + 64, 1) < 0)
        return NULL;
    /* Reset the per-element index left by a previous pass (a fresh tree
     * has none). */
    for (xmlNode *n = reuse ? root : NULL; n;) {
        n->_private = NULL;
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && !n->next && n != root)
            n = n->parent;
        if (!n || n == root)
            break;
        n = n->next;
    }
    flatten(&pg, root, use_hints);
    if (pg.oom)
        goto done;
    int best = choose(&pg);
    if (best >= 0)
        select_blocks(&pg, best);
    if (date && !visible_date(&pg, lang && strcmp(lang, "en") != 0, date))
        date[0] = '\0';
    trim_meta_lines(&pg);
#ifdef CHR_HTML_DEBUG
    if (getenv("CHR_HTML_DEBUG"))
        debug_page(&pg, best);
#endif
    out = join_kept(&pg, out_len);
done:
    page_free(&pg);
    return out;
}

static char *dup_or_null(const char *s, int *oom)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *oom = 1;
    return d;
}

chr_err chr_html_extract(const char *html, size_t len, const char *charset_hint,
                         const char *url_hint, chr_article **out, chr_diag *d)
{
    *out = NULL;
    if (!html)
        return chr_diag_set(d, CHR_EINVAL, "", 0, -1, "no input");
    if (len > MAX_PAGE)
        len = MAX_PAGE;
    size_t ulen = 0;
    const char *charset = NULL;
    unsigned flags = 0;
    char *owned = NULL;
    const char *u = chr_html_to_utf8(html, len, charset_hint, &ulen, &charset, &flags, &owned);
    if (!u)
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "out of memory decoding page");
    xmlInitParser();
    htmlDocPtr doc =
        htmlReadMemory(u, (int)ulen, NULL, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT);
    free(owned);
    if (!doc)
        return chr_diag_set(d, CHR_EEMPTY, "", 0, -1, "no HTML document");
    chr_html_meta meta;
    int oom = chr_html_meta_collect(doc, url_hint, &meta) < 0;
    size_t tlen = 0;
    char seen[11] = "";
    char *text =
        oom ? NULL : main_text(doc, ulen, 1, meta.lang, meta.pub_date ? NULL : seen, &tlen);
    /* Names can hide a whole page (a body class "has-sidebar-comments"):
     * when they leave little, try again with tags alone. */
    if (text && tlen < 250) {
        size_t t2len = 0;
        char *t2 = main_text(doc, ulen, 0, meta.lang, NULL, &t2len);
        if (t2 && t2len > tlen * 2) {
            free(text);
            text = t2;
            tlen = t2len;
        } else {
            free(t2);
        }
    }
    xmlFreeDoc(doc);
    if (!text || oom) {
        free(text);
        chr_html_meta_free(&meta);
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "out of memory extracting page");
    }
    if (tlen == 0) {
        free(text);
        chr_html_meta_free(&meta);
        return chr_diag_set(d, CHR_EEMPTY, "", 0, -1, "no article text in page");
    }
    chr_article *a = chr_article_new();
    if (!a) {
        free(text);
        chr_html_meta_free(&meta);
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "out of memory");
    }
    a->text = text;
    a->text_len = tlen;
    a->title = meta.title, meta.title = NULL;
    a->pub_date = meta.pub_date, meta.pub_date = NULL;
    if (!a->pub_date && seen[0] && !(a->pub_date = strdup(seen)))
        oom = 1;
    a->pub_date_source = a->pub_date ? CHR_DATE_METADATA : CHR_DATE_NONE;
    a->author = meta.author, meta.author = NULL;
    a->outlet = meta.outlet, meta.outlet = NULL;
    a->url = meta.url, meta.url = NULL;
    a->lang = meta.lang, meta.lang = NULL;
    a->format = CHR_FMT_HTML;
    a->flags = flags;
    a->charset = dup_or_null(charset, &oom);
    chr_html_meta_free(&meta);
    if (oom) {
        chr_article_free(a);
        return chr_diag_set(d, CHR_ENOMEM, "", 0, -1, "out of memory");
    }
    *out = a;
    return CHR_OK;
}

int chr_html_sniff(const unsigned char *buf, size_t len)
{
    size_t i = 0;
    if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
        i = 3;
    for (;;) {
        while (i < len && isspace(buf[i]))
            i++;
        if (i + 4 <= len && memcmp(buf + i, "<!--", 4) == 0) {
            size_t j = i + 4;
            while (j + 3 <= len && memcmp(buf + j, "-->", 3) != 0)
                j++;
            if (j + 3 > len)
                return 0;
            i = j + 3;
            continue;
        }
        if (i + 5 <= len && memcmp(buf + i, "<?xml", 5) == 0) {
            const unsigned char *e = memchr(buf + i, '>', len - i);
            if (!e)
                return 0;
            i = (size_t)(e - buf) + 1;
            continue;
        }
        break;
    }
    if (i >= len || buf[i] != '<')
        return 0;
    static const char *const starts[] = {"<!doctype html", "<html",  "<head", "<body",
                                         "<meta",          "<title", "<!--",  "<link",
                                         "<script",        "<style", NULL};
    for (int k = 0; starts[k]; k++) {
        size_t l = strlen(starts[k]);
        if (i + l > len)
            continue;
        size_t j = 0;
        while (j < l && tolower(buf[i + j]) == starts[k][j])
            j++;
        if (j == l && (i + l == len || !isalnum(buf[i + l])))
            return 1;
    }
    return 0;
}
