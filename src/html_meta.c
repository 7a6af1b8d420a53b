/* chronicle — html_meta: page metadata from a parsed HTML tree (see
 * html_int.h): headline, publication date, author, outlet, canonical URL,
 * language. Owns the source priorities; the main-text
 * extraction is in html.c, date formats in html_date.c. */
#include "html_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <strings.h>

#include <jansson.h>

/* Candidate value with the priority of its source (lower is better). */
typedef struct cand {
    char *v;
    int prio;
} cand;

typedef struct collect {
    cand title_ld, title_og, title_tag, title_item;
    cand h1;
    cand date;
    int date_utc;  /* date came from a UTC stamp (chr_html_stamp_zone) */
    int date_hour; /* ... at this hour (UTC) */
    long date_min; /* ... at this instant (chr_html_stamp_minutes) */
    cand local;    /* the best publication date stamped with the publisher's offset */
    long local_min;
    cand author;
    cand outlet;
    cand canon, og_url;
    cand lang;
    const char *url_hint;
    int oom;
    int ld_article_seen; /* a JSON-LD object of an article type was found */
} collect;

/* Case-insensitive substring test (strcasestr is a GNU extension). */
static int ci_contains(const char *h, const char *needle)
{
    size_t m = strlen(needle);
    for (; *h; h++)
        if (strncasecmp(h, needle, m) == 0)
            return 1;
    return 0;
}

const char *chr_html_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

static int name_is(const xmlNode *n, const char *tag)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, tag) == 0;
}

/* Decode the character reference at s[0..len) ("&amp;", "&#8216;",
 * "&#x2019;"), which some sites leave escaped twice in their metadata.
 * Writes UTF-8 to out (never more bytes than the reference takes) and
 * returns the bytes consumed, or 0 when s is no reference. */
static size_t char_ref(const char *s, size_t len, char *out, size_t *out_n)
{
    static const struct {
        const char *name;
        const char *utf8;
    } named[] = {{"amp;", "&"},
                 {"lt;", "<"},
                 {"gt;", ">"},
                 {"quot;", "\""},
                 {"apos;", "'"},
                 {"nbsp;", " "},
                 {"rsquo;", "\xE2\x80\x99"},
                 {"lsquo;", "\xE2\x80\x98"},
                 {"rdquo;", "\xE2\x80\x9D"},
                 {"ldquo;", "\xE2\x80\x9C"},
                 {"ndash;", "\xE2\x80\x93"},
                 {"mdash;", "\xE2\x80\x94"},
                 {"hellip;", "\xE2\x80\xA6"}};
    if (len < 3 || s[0] != '&')
        return 0;
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        size_t l = strlen(named[i].name);
        if (len >= l + 1 && memcmp(s + 1, named[i].name, l) == 0) {
            *out_n = strlen(named[i].utf8);
            memcpy(out, named[i].utf8, *out_n);
            return l + 1;
        }
    }
    if (s[1] != '#')
        return 0;
    size_t i = 2;
    int hex = i < len && (s[i] == 'x' || s[i] == 'X');
    i += hex;
    unsigned long cp = 0;
    size_t digits = 0;
    while (i < len && digits < 7 &&
           (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
        int c = (unsigned char)s[i];
        cp = cp * (hex ? 16 : 10) + (unsigned long)(isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
        i++;
        digits++;
    }
    if (!digits || i >= len || s[i] != ';' || cp == 0 || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    size_t n;
    if (cp < 0x80) {
        out[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    if (n > i + 1)
        return 0;
    *out_n = n;
    return i + 1;
}

/* Copy s with whitespace runs collapsed to one space and trimmed, and
 * leftover character references decoded. */
static char *squeeze(const char *s, size_t len)
{
    char *o = malloc(len + 1);
    if (!o)
        return NULL;
    size_t w = 0;
    int sp = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char ref[4];
        size_t ref_n = 0, used = c == '&' ? char_ref(s + i, len - i, ref, &ref_n) : 0;
        if (used && !(ref_n == 1 && ref[0] == ' ')) {
            if (sp && w)
                o[w++] = ' ';
            sp = 0;
            memcpy(o + w, ref, ref_n);
            w += ref_n;
            i += used - 1;
            continue;
        }
        if (used || (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)) { /* nbsp */
            sp = 1;
            i += used ? used - 1 : 1;
            continue;
        }
        if (isspace(c)) {
            sp = 1;
            continue;
        }
        if (sp && w)
            o[w++] = ' ';
        sp = 0;
        o[w++] = (char)c;
    }
    o[w] = '\0';
    return o;
}

/* Text of a subtree (script/style skipped), squeezed; at most max bytes are
 * gathered. Malloc'd, NULL on OOM. */
static char *node_text(const xmlNode *n, size_t max)
{
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    const xmlNode *cur = n->children;
    while (cur && len < max) {
        if (cur->type == XML_TEXT_NODE && cur->content) {
            size_t l = strlen((const char *)cur->content);
            if (len + l + 2 > cap) {
                while (len + l + 2 > cap)
                    cap *= 2;
                char *nb = realloc(buf, cap);
                if (!nb) {
                    free(buf);
                    return NULL;
                }
                buf = nb;
            }
            memcpy(buf + len, cur->content, l);
            len += l;
        } else if (cur->type == XML_ELEMENT_NODE && cur->children && !name_is(cur, "script") &&
                   !name_is(cur, "style")) {
            if (len + 2 > cap) {
                char *nb = realloc(buf, cap *= 2);
                if (!nb) {
                    free(buf);
                    return NULL;
                }
                buf = nb;
            }
            buf[len++] = ' ';
            cur = cur->children;
            continue;
        }
        while (cur && !cur->next && cur != n)
            cur = cur->parent;
        if (!cur || cur == n)
            break;
        cur = cur->next;
    }
    char *o = squeeze(buf, len);
    free(buf);
    return o;
}

static void offer(collect *c, cand *slot, const char *v, size_t len, int prio)
{
    if (!v || (slot->v && slot->prio <= prio))
        return;
    char *s = squeeze(v, len);
    if (!s) {
        c->oom = 1;
        return;
    }
    if (!*s) {
        free(s);
        return;
    }
    free(slot->v);
    slot->v = s;
    slot->prio = prio;
}

static void offer_str(collect *c, cand *slot, const char *v, int prio)
{
    if (v)
        offer(c, slot, v, strlen(v), prio);
}

static void offer_date(collect *c, const char *v, int prio)
{
    char d[11];
    if (!v || !chr_html_parse_date(v, d))
        return;
    int hour = -1, zone = chr_html_stamp_zone_hour(v, &hour);
    if (zone == 2 && prio <= 5) { /* a publication date's, not a sidebar's or a comment's */
        offer(c, &c->local, d, 10, prio);
        if (c->local.v && c->local.prio == prio)
            c->local_min = chr_html_stamp_minutes(v);
    }
    if (c->date.v && c->date.prio <= prio)
        return;
    offer(c, &c->date, d, 10, prio);
    if (c->date.v && c->date.prio == prio) {
        c->date_utc = zone == 1;
        c->date_hour = hour;
        c->date_min = chr_html_stamp_minutes(v);
    }
}

static int looks_like_url(const char *s)
{
    return strncmp(s, "http:", 5) == 0 || strncmp(s, "https:", 6) == 0 || s[0] == '/';
}

/* Bylines: drop "By", "Von", "Par", "Por" and a trailing date. Returns 0
 * for values that are not a name (URLs, long sentences). */
static void offer_author(collect *c, const char *v, int prio)
{
    if (!v || (c->author.v && c->author.prio <= prio))
        return;
    while (isspace((unsigned char)*v))
        v++;
    if (looks_like_url(v))
        return;
    static const char *const by[] = {"by ", "von ", "par ", "por ", "di ", "door ", NULL};
    for (int i = 0; by[i]; i++) {
        size_t l = strlen(by[i]);
        if (strncasecmp(v, by[i], l) == 0) {
            v += l;
            break;
        }
    }
    size_t len = strlen(v);
    if (len == 0 || len > 120)
        return;
    for (int i = 0; by[i]; i++)
        if (strncasecmp(v, by[i], len) == 0 && len + 1 == strlen(by[i]))
            return; /* "By" alone */
    /* Names have few digits; a byline with a time or date has many. */
    int digits = 0;
    for (size_t i = 0; i < len; i++)
        digits += isdigit((unsigned char)v[i]) != 0;
    if (digits > 2)
        return;
    offer(c, &c->author, v, len, prio);
}

/* ---- JSON-LD -------------------------------------------------------- */

static int type_is_article(json_t *t)
{
    if (json_is_array(t)) {
        size_t i;
        json_t *x;
        json_array_foreach(t, i, x) if (type_is_article(x)) return 1;
        return 0;
    }
    const char *s = json_string_value(t);
    if (!s)
        return 0;
    return strstr(s, "Article") || strstr(s, "BlogPosting") || strstr(s, "Report") ||
           strstr(s, "LiveBlog");
}

static const char *ld_name(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v))
        return json_string_value(json_object_get(v, "name"));
    if (json_is_array(v) && json_array_size(v) > 0)
        return ld_name(json_array_get(v, 0));
    return NULL;
}

static void ld_authors(collect *c, json_t *a, int prio)
{
    if (!json_is_array(a)) {
        offer_author(c, ld_name(a), prio);
        return;
    }
    /* Several authors: "A, B and C" joined with ", ". */
    char buf[240];
    size_t len = 0;
    size_t i;
    json_t *x;
    json_array_foreach(a, i, x)
    {
        const char *n = ld_name(x);
        if (!n || looks_like_url(n))
            continue;
        size_t l = strlen(n);
        if (len + l + 3 >= sizeof buf)
            break;
        if (len) {
            memcpy(buf + len, ", ", 2);
            len += 2;
        }
        memcpy(buf + len, n, l);
        len += l;
    }
    buf[len] = '\0';
    if (len)
        offer_author(c, buf, prio);
}

static void ld_visit(collect *c, json_t *o, int depth)
{
    if (depth > 8)
        return;
    if (json_is_array(o)) {
        size_t i;
        json_t *x;
        json_array_foreach(o, i, x) ld_visit(c, x, depth + 1);
        return;
    }
    if (!json_is_object(o))
        return;
    json_t *graph = json_object_get(o, "@graph");
    if (graph)
        ld_visit(c, graph, depth + 1);
    int art = type_is_article(json_object_get(o, "@type"));
    /* Article objects are trusted first; a WebPage's dates come after meta. */
    int base = art ? 0 : 20;
    if (art)
        c->ld_article_seen = 1;
    offer_str(c, &c->title_ld, json_string_value(json_object_get(o, "headline")), base + 1);
    offer_date(c, json_string_value(json_object_get(o, "datePublished")), base + 1);
    offer_date(c, json_string_value(json_object_get(o, "dateCreated")), base + 30);
    if (art || json_object_get(o, "author"))
        ld_authors(c, json_object_get(o, "author"), base + 1);
    json_t *pub = json_object_get(o, "publisher");
    if (pub) {
        const char *n = ld_name(pub);
        if (n)
            offer_str(c, &c->outlet, n, base + 2);
    }
    offer_str(c, &c->lang, json_string_value(json_object_get(o, "inLanguage")), base + 3);
}

static void json_ld(collect *c, const xmlNode *script)
{
    const xmlNode *t = script->children;
    if (!t || !t->content)
        return;
    const char *s = (const char *)t->content;
    json_error_t err;
    json_t *root = json_loadb(s, strlen(s), JSON_DECODE_ANY, &err);
    if (!root)
        return;
    ld_visit(c, root, 0);
    json_decref(root);
}

/* ---- <meta> ---------------------------------------------------------- */

static int in_list(const char *k, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(k, *list) == 0)
            return 1;
    return 0;
}

static void meta(collect *c, const xmlNode *n)
{
    const char *content = chr_html_attr(n, "content");
    const char *key = chr_html_attr(n, "property");
    if (!key)
        key = chr_html_attr(n, "name");
    if (!key)
        key = chr_html_attr(n, "itemprop");
    const char *equiv = chr_html_attr(n, "http-equiv");
    if (equiv && content && strcasecmp(equiv, "content-language") == 0)
        offer_str(c, &c->lang, content, 3);
    if (!key || !content)
        return;
    static const char *const pub_first[] = {"article:published_time", "og:article:published_time",
                                            "datePublished",          "article:published",
                                            "og:published_time",      NULL};
    static const char *const pub_other[] = {"pubdate",
                                            "publishdate",
                                            "publish-date",
                                            "publish_date",
                                            "published_date",
                                            "published-date",
                                            "publication_date",
                                            "publication-date",
                                            "date",
                                            "dc.date",
                                            "dc.date.issued",
                                            "dc.date.created",
                                            "dcterms.issued",
                                            "dcterms.created",
                                            "dcterms.date",
                                            "sailthru.date",
                                            "parsely-pub-date",
                                            "article.published",
                                            "article_date_original",
                                            "original-publish-date",
                                            "displaydate",
                                            "cxenseparse:recs:publishtime",
                                            "citation_publication_date",
                                            "citation_date",
                                            "prism.publicationdate",
                                            "rnews:datepublished",
                                            "ptime",
                                            "pdate",
                                            "og:pubdate",
                                            NULL};
    if (in_list(key, pub_first))
        offer_date(c, content, 3);
    else if (in_list(key, pub_other))
        offer_date(c, content, 4);
    else if (strcasecmp(key, "og:title") == 0)
        offer_str(c, &c->title_og, content, 1);
    else if (strcasecmp(key, "twitter:title") == 0)
        offer_str(c, &c->title_og, content, 2);
    else if (strcasecmp(key, "headline") == 0)
        offer_str(c, &c->title_item, content, 1);
    else if (strcasecmp(key, "og:site_name") == 0)
        offer_str(c, &c->outlet, content, 1);
    else if (strcasecmp(key, "application-name") == 0 ||
             strcasecmp(key, "apple-mobile-web-app-title") == 0)
        offer_str(c, &c->outlet, content, 5);
    else if (strcasecmp(key, "dc.publisher") == 0 || strcasecmp(key, "publisher") == 0)
        offer_str(c, &c->outlet, content, 4);
    else if (strcasecmp(key, "author") == 0)
        offer_author(c, content, 2);
    else if (strcasecmp(key, "article:author") == 0 || strcasecmp(key, "parsely-author") == 0 ||
             strcasecmp(key, "sailthru.author") == 0 || strcasecmp(key, "dc.creator") == 0 ||
             strcasecmp(key, "dcterms.creator") == 0 || strcasecmp(key, "byl") == 0)
        offer_author(c, content, 3);
    else if (strcasecmp(key, "og:url") == 0)
        offer_str(c, &c->og_url, content, 1);
    else if (strcasecmp(key, "og:locale") == 0 || strcasecmp(key, "language") == 0 ||
             strcasecmp(key, "dc.language") == 0)
        offer_str(c, &c->lang, content, 4);
}

/* ---- attributes that hint at bylines and dates in the page body ------ */

static int attr_has(const xmlNode *n, const char *word)
{
    const char *cl = chr_html_attr(n, "class");
    const char *id = chr_html_attr(n, "id");
    return (cl && ci_contains(cl, word)) || (id && ci_contains(id, word));
}

static void body_element(collect *c, const xmlNode *n)
{
    const char *name = (const char *)n->name;
    const char *itemprop = chr_html_attr(n, "itemprop");
    if (strcmp(name, "h1") == 0 && !c->h1.v) {
        char *t = node_text(n, 1000);
        if (!t)
            c->oom = 1;
        else if (*t)
            c->h1.v = t, c->h1.prio = 1;
        else
            free(t);
    }
    if (itemprop && strcasecmp(itemprop, "datePublished") == 0) {
        const char *v = chr_html_attr(n, "content");
        if (!v)
            v = chr_html_attr(n, "datetime");
        if (v)
            offer_date(c, v, 3);
        else if (c->date.prio > 8 || !c->date.v) {
            char *t = node_text(n, 200);
            offer_date(c, t, 8);
            free(t);
        }
    }
    if (strcmp(name, "time") == 0) {
        const char *v = chr_html_attr(n, "datetime");
        int pub = chr_html_attr(n, "pubdate") != NULL;
        if (v)
            offer_date(c, v, pub ? 5 : 9);
        else if (!c->date.v || c->date.prio > 11) {
            char *t = node_text(n, 200);
            offer_date(c, t, 11);
            free(t);
        }
    }
    if (itemprop && strcasecmp(itemprop, "author") == 0 && (!c->author.v || c->author.prio > 5)) {
        /* <span itemprop=author><span itemprop=name>X</span></span> or text. */
        const char *v = chr_html_attr(n, "content");
        if (v) {
            offer_author(c, v, 5);
        } else {
            char *t = node_text(n, 300);
            offer_author(c, t, 5);
            free(t);
        }
    }
    const char *rel = chr_html_attr(n, "rel");
    if (rel && strcmp(name, "a") == 0 && strcasecmp(rel, "author") == 0 &&
        (!c->author.v || c->author.prio > 6)) {
        char *t = node_text(n, 300);
        offer_author(c, t, 6);
        free(t);
    }
    if (strcmp(name, "a") != 0 && (!c->author.v || c->author.prio > 7) && attr_has(n, "byline")) {
        char *t = node_text(n, 300);
        offer_author(c, t, 7);
        free(t);
    }
    if ((!c->date.v || c->date.prio > 12) &&
        (attr_has(n, "date") || attr_has(n, "publish") || attr_has(n, "posted") ||
         attr_has(n, "timestamp") || attr_has(n, "byline") || attr_has(n, "dateline"))) {
        char *t = node_text(n, 200);
        if (t && strlen(t) <= 120)
            offer_date(c, t, 12);
        free(t);
    }
}

static void element(collect *c, const xmlNode *n, int in_body)
{
    const char *name = (const char *)n->name;
    if (strcmp(name, "html") == 0) {
        const char *l = chr_html_attr(n, "lang");
        if (!l)
            l = chr_html_attr(n, "xml:lang");
        offer_str(c, &c->lang, l, 1);
    } else if (strcmp(name, "meta") == 0) {
        meta(c, n);
    } else if (strcmp(name, "title") == 0 && !in_body) {
        char *t = node_text(n, 2000);
        if (!t)
            c->oom = 1;
        else
            offer_str(c, &c->title_tag, t, 1);
        free(t);
    } else if (strcmp(name, "link") == 0) {
        const char *rel = chr_html_attr(n, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0)
            offer_str(c, &c->canon, chr_html_attr(n, "href"), 1);
    } else if (strcmp(name, "script") == 0) {
        const char *type = chr_html_attr(n, "type");
        if (type && strcasecmp(type, "application/ld+json") == 0)
            json_ld(c, n);
    }
    if (in_body)
        body_element(c, n);
}

/* ---- decisions ------------------------------------------------------- */

/* "Headline | Site" -> "Headline" when the tail is short or the outlet. */
static void strip_site_suffix(char *t, const char *outlet)
{
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", NULL};
    for (int i = 0; seps[i]; i++) {
        char *p = NULL, *q = t;
        while ((q = strstr(q, seps[i])) != NULL)
            p = q++;
        if (!p)
            continue;
        const char *tail = p + strlen(seps[i]);
        size_t head_len = (size_t)(p - t);
        if ((outlet && ci_contains(tail, outlet)) ||
            (strlen(tail) < 30 && head_len > strlen(tail) && head_len >= 15)) {
            *p = '\0';
            return;
        }
    }
}

static char *lower_dup(const char *s)
{
    char *d = strdup(s);
    if (d)
        for (char *p = d; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return d;
}

/* Is the h1 the headline? It is when a metadata title contains it. */
static int h1_is_headline(const char *h1, const collect *c)
{
    size_t l = strlen(h1);
    if (l < 8)
        return 0;
    char *h = lower_dup(h1);
    int yes = 0;
    const char *cands[] = {c->title_ld.v, c->title_og.v, c->title_item.v, c->title_tag.v};
    for (int i = 0; h && i < 4 && !yes; i++) {
        if (!cands[i])
            continue;
        char *t = lower_dup(cands[i]);
        if (t && strstr(t, h))
            yes = 1;
        free(t);
    }
    free(h);
    return yes;
}

static char *take(cand *c)
{
    char *v = c->v;
    c->v = NULL;
    return v;
}

/* Absolute URL of href relative to base (either may be NULL). */
static char *resolve(const char *href, const char *base)
{
    if (!href || !*href)
        return NULL;
    if (strncmp(href, "http://", 7) == 0 || strncmp(href, "https://", 8) == 0)
        return strdup(href);
    if (!base || !(strncmp(base, "http://", 7) == 0 || strncmp(base, "https://", 8) == 0))
        return NULL;
    const char *host = strstr(base, "://") + 3;
    size_t scheme_len = (size_t)(host - base);
    const char *path = strchr(host, '/');
    size_t host_end = path ? (size_t)(path - base) : strlen(base);
    size_t keep;
    if (href[0] == '/' && href[1] == '/')
        keep = scheme_len - 2; /* "https:" + "//host/..." */
    else if (href[0] == '/')
        keep = host_end;
    else {
        const char *q = strpbrk(host, "?#");
        size_t lim = q ? (size_t)(q - base) : strlen(base);
        keep = host_end;
        for (size_t i = host_end; i < lim; i++)
            if (base[i] == '/')
                keep = i + 1;
        if (keep == host_end) {
            size_t hl = strlen(href);
            char *o = malloc(keep + hl + 2);
            if (!o)
                return NULL;
            memcpy(o, base, keep);
            o[keep] = '/';
            memcpy(o + keep + 1, href, hl + 1);
            return o;
        }
    }
    size_t hl = strlen(href);
    char *o = malloc(keep + hl + 1);
    if (!o)
        return NULL;
    memcpy(o, base, keep);
    memcpy(o + keep, href, hl + 1);
    return o;
}

static char *host_of(const char *url)
{
    if (!url)
        return NULL;
    const char *h = strstr(url, "://");
    if (!h)
        return NULL;
    h += 3;
    size_t n = strcspn(h, "/:?#");
    if (n > 4 && strncasecmp(h, "www.", 4) == 0)
        h += 4, n -= 4;
    if (n == 0)
        return NULL;
    char *o = strndup(h, n);
    if (o)
        for (char *p = o; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return o;
}

static char *iso639(const char *l)
{
    if (!l)
        return NULL;
    while (isspace((unsigned char)*l))
        l++;
    if (!isalpha((unsigned char)l[0]) || !isalpha((unsigned char)l[1]) ||
        isalpha((unsigned char)l[2]))
        return NULL;
    char o[3] = {(char)tolower((unsigned char)l[0]), (char)tolower((unsigned char)l[1]), 0};
    return strdup(o);
}

int chr_html_meta_collect(xmlDocPtr doc, const char *url_hint, chr_html_meta *m)
{
    memset(m, 0, sizeof *m);
    collect c;
    memset(&c, 0, sizeof c);
    c.url_hint = url_hint;
    xmlNode *root = xmlDocGetRootElement(doc);
    /* Pre-order walk without recursion: pages can nest deeply. */
    xmlNode *n = root;
    int in_body = 0;
    xmlNode *body = NULL;
    while (n) {
        int descend = 1;
        if (n->type == XML_ELEMENT_NODE && n->name) {
            if (!body && strcmp((const char *)n->name, "body") == 0) {
                body = n;
                in_body = 1;
            }
            element(&c, n, in_body);
            const char *nm = (const char *)n->name;
            if (strcmp(nm, "script") == 0 || strcmp(nm, "style") == 0)
                descend = 0;
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next) {
            n = n->parent;
            if (n == body)
                in_body = 0;
            if (n == root || (n && n->type == XML_DOCUMENT_NODE) ||
                (n && n->type == XML_HTML_DOCUMENT_NODE))
                n = NULL;
        }
        if (n) {
            if (n == body)
                in_body = 0;
            n = n->next;
        }
    }
    /* Headline. */
    if (c.h1.v && h1_is_headline(c.h1.v, &c))
        m->title = strdup(c.h1.v);
    else if (c.title_ld.v)
        m->title = take(&c.title_ld);
    else if (c.title_item.v)
        m->title = take(&c.title_item);
    else if (c.title_og.v)
        m->title = take(&c.title_og);
    else if (c.title_tag.v)
        m->title = take(&c.title_tag);
    else if (c.h1.v)
        m->title = strdup(c.h1.v);
    if (m->title && !(c.h1.v && strcmp(m->title, c.h1.v) == 0))
        strip_site_suffix(m->title, c.outlet.v);
    m->h1 = take(&c.h1);
    /* URL: canonical, og:url, the hint. */
    m->url = resolve(c.canon.v, url_hint ? url_hint : c.og_url.v);
    if (!m->url)
        m->url = resolve(c.og_url.v, url_hint);
    if (!m->url && url_hint)
        m->url = strdup(url_hint);
    /* Date: metadata first, then the URL, then visible dates. */
    char ud[11];
    if ((!c.date.v || c.date.prio > 6) &&
        (chr_html_url_date(m->url, ud) || chr_html_url_date(url_hint, ud))) {
        free(c.date.v);
        c.date.v = strndup(ud, 10);
        c.date_utc = 0;
    }
    /* a UTC stamp's date is a day off the publisher's near midnight (an
     * evening story in the Americas is stamped the next day, a morning one
     * in Asia the day before): a publication date in the publisher's own
     * offset, or the URL's, one day apart wins, the day before only for a
     * stamp before noon UTC, the day after only for one after it */
    if (c.date.v && c.date_utc && c.date_hour >= 0) {
        char alt[11] = "";
        long d = c.local_min - c.date_min;
        int same = c.local.v && c.local_min != LONG_MIN && c.date_min != LONG_MIN && d >= -1 &&
                   d <= 1; /* the same moment, in the publisher's offset */
        if (same)
            snprintf(alt, sizeof alt, "%s", c.local.v);
        else if (!chr_html_url_date(m->url, alt) && !chr_html_url_date(url_hint, alt))
            alt[0] = '\0';
        int side = alt[0] ? chr_html_days_adjacent(alt, c.date.v) : 0;
        if ((same && side) || (side < 0 && c.date_hour < 12) || (side > 0 && c.date_hour >= 12))
            memcpy(c.date.v, alt, 11);
    }
    m->pub_date = take(&c.date);
    m->author = take(&c.author);
    m->outlet = take(&c.outlet);
    if (m->outlet && looks_like_url(m->outlet)) { /* og:site_name "https://..." */
        char *h = host_of(m->outlet);
        free(m->outlet);
        m->outlet = h;
    }
    if (m->outlet) { /* "Autoracing | F1 | Indy | MotoGP": the site, not its sections */
        char *bar = strstr(m->outlet, " | ");
        if (bar && bar - m->outlet >= 2)
            *bar = '\0';
    }
    if (!m->outlet)
        m->outlet = host_of(m->url);
    m->lang = iso639(c.lang.v);
    cand *all[] = {&c.title_ld, &c.title_og, &c.title_tag, &c.title_item, &c.h1,   &c.date,
                   &c.author,   &c.outlet,   &c.canon,     &c.og_url,     &c.lang, &c.local};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        free(all[i]->v);
    return c.oom ? -1 : 0;
}

void chr_html_meta_free(chr_html_meta *m)
{
    free(m->title);
    free(m->h1);
    free(m->pub_date);
    free(m->author);
    free(m->outlet);
    free(m->url);
    free(m->lang);
    memset(m, 0, sizeof *m);
}
