/* chronicle — html_charset: the bytes of a page to UTF-8 (see html_int.h).
 * Owns charset detection (BOM, HTTP hint, <meta> prescan, UTF-8 validity)
 * and transcoding with iconv. Knows nothing of the HTML tree. */
#include "html_int.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/ingest.h"

/* Bytes of the page searched for <meta charset>: the HTML standard says
 * 1024; real pages put long <script>s first, so look further. */
#define PRESCAN_BYTES 8192

int chr_html_utf8_valid(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* Fast path over ASCII, eight bytes at a time. */
        while (i + 8 <= len) {
            unsigned long long w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            /* A zero byte anywhere in w: the classic haszero trick. */
            if ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)
                return 0;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned c = s[i];
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + need >= len)
            return 0;
        unsigned cp = c & (0x3F >> need);
        for (size_t k = 1; k <= need; k++) {
            unsigned cc = s[i + k];
            if ((cc & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += need + 1;
    }
    return 1;
}

static int label_is(const char *l, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(l, *names) == 0)
            return 1;
    return 0;
}

const char *chr_html_charset_name(const char *label, size_t len)
{
    char l[40];
    size_t n = 0;
    while (len && (isspace((unsigned char)*label) || *label == '"' || *label == '\'')) {
        label++;
        len--;
    }
    for (size_t i = 0; i < len && n + 1 < sizeof l; i++) {
        unsigned char c = (unsigned char)label[i];
        if (!(isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':'))
            break;
        l[n++] = (char)tolower(c);
    }
    l[n] = '\0';
    if (n == 0)
        return NULL;
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
                                       NULL};
    /* WHATWG maps latin1 and ASCII labels to windows-1252. */
    static const char *const w1252[] = {
        "iso-8859-1", "iso8859-1",      "iso_8859-1",     "latin1",   "l1",    "us-ascii",
        "ascii",      "cp1252",         "windows-1252",   "x-cp1252", "cp819", "ibm819",
        "iso-ir-100", "x-user-defined", "ansi_x3.4-1968", NULL};
    static const char *const gb[] = {"gb2312",   "gbk",     "x-gbk",     "gb_2312-80", "chinese",
                                     "csgb2312", "gb18030", "iso-ir-58", NULL};
    static const char *const sjis[] = {"shift_jis",   "shift-jis",  "sjis",  "x-sjis", "ms_kanji",
                                       "windows-31j", "csshiftjis", "ms932", NULL};
    static const char *const euckr[] = {"euc-kr",  "ks_c_5601-1987", "windows-949",
                                        "cseuckr", "korean",         NULL};
    static const char *const big5[] = {"big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5", NULL};
    static const char *const u16le[] = {"utf-16", "utf-16le", "unicode", "ucs-2", NULL};
    if (label_is(l, utf8))
        return "UTF-8";
    if (label_is(l, w1252))
        return "WINDOWS-1252";
    if (label_is(l, gb))
        return "GB18030";
    if (label_is(l, sjis))
        return "CP932";
    if (label_is(l, euckr))
        return "CP949";
    if (label_is(l, big5))
        return "BIG5-HKSCS";
    if (label_is(l, u16le))
        return "UTF-16LE";
    if (strcmp(l, "utf-16be") == 0)
        return "UTF-16BE";
    if (strcmp(l, "euc-jp") == 0 || strcmp(l, "x-euc-jp") == 0)
        return "EUC-JP";
    if (strcmp(l, "iso-2022-jp") == 0)
        return "ISO-2022-JP";
    if (strcmp(l, "koi8-r") == 0 || strcmp(l, "koi8r") == 0 || strcmp(l, "koi") == 0)
        return "KOI8-R";
    if (strcmp(l, "koi8-u") == 0)
        return "KOI8-U";
    if (strcmp(l, "iso-8859-9") == 0 || strcmp(l, "latin5") == 0)
        return "WINDOWS-1254";
    if (strncmp(l, "windows-125", 11) == 0 && n == 12)
        return (
            const char *[]){"WINDOWS-1250", "WINDOWS-1251",
                            "WINDOWS-1252", "WINDOWS-1253",
                            "WINDOWS-1254", "WINDOWS-1255",
                            "WINDOWS-1256", "WINDOWS-1257",
                            "WINDOWS-1258", NULL}[l[11] >= '0' && l[11] <= '8' ? l[11] - '0' : 9];
    if (strncmp(l, "cp125", 5) == 0 && n == 6 && l[5] >= '0' && l[5] <= '8')
        return (const char *[]){"WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1252",
                                "WINDOWS-1253", "WINDOWS-1254", "WINDOWS-1255",
                                "WINDOWS-1256", "WINDOWS-1257", "WINDOWS-1258"}[l[5] - '0'];
    if (strncmp(l, "iso-8859-", 9) == 0 || strncmp(l, "iso8859-", 8) == 0) {
        static const char *const iso[] = {
            NULL,         NULL,          "ISO-8859-2",  "ISO-8859-3",  "ISO-8859-4",  "ISO-8859-5",
            "ISO-8859-6", "ISO-8859-7",  "ISO-8859-8",  NULL,          "ISO-8859-10", NULL,
            NULL,         "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "ISO-8859-16"};
        const char *digits = l + (l[3] == '-' ? 9 : 8);
        int num = atoi(digits);
        size_t nd = strspn(digits, "0123456789");
        /* the figures alone, or "-i"/"-e" after them ("iso-8859-8-i"); not
         * "iso-8859-2garbage" */
        if (nd && (!digits[nd] || !strcmp(digits + nd, "-i") || !strcmp(digits + nd, "-e")) &&
            num >= 0 && num <= 16 && iso[num])
            return iso[num];
    }
    return NULL;
}

/* Case-insensitive search for needle (lowercase) in h[0..n). */
static const char *find_ci(const char *h, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && tolower((unsigned char)h[i + k]) == needle[k])
            k++;
        if (k == m)
            return h + i;
    }
    return NULL;
}

/* Label after "charset" in s[0..n): skips spaces, '=', quotes. */
static const char *charset_after(const char *s, size_t n, size_t *lablen)
{
    const char *p = find_ci(s, n, "charset");
    if (!p)
        return NULL;
    const char *e = s + n;
    p += 7;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= e || *p != '=')
        return NULL;
    p++;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
        p++;
    const char *q = p;
    while (q < e &&
           (isalnum((unsigned char)*q) || *q == '-' || *q == '_' || *q == '.' || *q == ':'))
        q++;
    *lablen = (size_t)(q - p);
    return q > p ? p : NULL;
}

const char *chr_html_charset_hint(const char *hint)
{
    if (!hint || !*hint)
        return NULL;
    size_t lablen = 0;
    const char *lab = charset_after(hint, strlen(hint), &lablen);
    return lab ? chr_html_charset_name(lab, lablen) : chr_html_charset_name(hint, strlen(hint));
}

/* <meta charset=...> or <meta http-equiv content="...; charset=..."> among
 * the first bytes of the page, or <?xml encoding=...?>. */
static const char *prescan(const char *buf, size_t len)
{
    size_t n = len < PRESCAN_BYTES ? len : PRESCAN_BYTES;
    if (n > 5 && memcmp(buf, "<?xml", 5) == 0) {
        const char *end = memchr(buf, '>', n);
        if (end) {
            const char *p = find_ci(buf, (size_t)(end - buf), "encoding");
            if (p) {
                p += 8;
                while (p < end && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
                    p++;
                const char *cs = chr_html_charset_name(p, (size_t)(end - p));
                if (cs)
                    return cs;
            }
        }
    }
    const char *p = buf, *e = buf + n;
    while (p < e) {
        const char *m = find_ci(p, (size_t)(e - p), "<meta");
        if (!m)
            break;
        const char *close = memchr(m, '>', (size_t)(e - m));
        if (!close)
            break;
        size_t lablen = 0;
        const char *lab = charset_after(m, (size_t)(close - m), &lablen);
        if (lab) {
            const char *cs = chr_html_charset_name(lab, lablen);
            /* A UTF-16 label in an ASCII-compatible page is a lie. */
            if (cs && strncmp(cs, "UTF-16", 6) == 0)
                cs = "UTF-8";
            if (cs)
                return cs;
        }
        p = close + 1;
    }
    return NULL;
}

static int has_high_bytes(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] & 0x80)
            return 1;
    return 0;
}

/* Copy of in without NUL bytes; invalid UTF-8 becomes U+FFFD. */
/* in itself when it is valid UTF-8 without NULs (*owned NULL), else a
 * repaired copy (*owned, caller frees). NULL on OOM. */
static const char *utf8_as_is(const char *in, size_t len, size_t *out_len, unsigned *flags,
                              char **owned)
{
    *owned = NULL;
    if (chr_html_utf8_valid((const unsigned char *)in, len)) {
        *out_len = len;
        return in;
    }
    int repaired = 0;
    *owned = chr_utf8_repair(in, len, out_len, &repaired);
    if (*owned && repaired)
        *flags |= CHR_ART_UTF8_REPAIRED;
    return *owned;
}

/* iconv from cs to UTF-8; undecodable bytes become U+FFFD. NULL when cs is
 * unknown to iconv (*unknown set) or on OOM. */
static char *transcode(const char *in, size_t len, const char *cs, size_t *out_len, unsigned *flags,
                       int *unknown)
{
    iconv_t cd = iconv_open("UTF-8", cs);
    if (cd == (iconv_t)-1) {
        *unknown = 1;
        return NULL;
    }
    size_t cap = len * 2 + 16, used = 0;
    char *out = malloc(cap + 1);
    if (!out) {
        iconv_close(cd);
        return NULL;
    }
    char *ip = (char *)in;
    size_t il = len;
    while (il > 0) {
        char *op = out + used;
        size_t ol = cap - used;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        used = (size_t)(op - out);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG || cap - used < 4) {
            size_t ncap = cap * 2;
            char *n = realloc(out, ncap + 1);
            if (!n) {
                free(out);
                iconv_close(cd);
                return NULL;
            }
            out = n;
            cap = ncap;
            continue;
        }
        /* EILSEQ or EINVAL (truncated at end): replace one byte. */
        memcpy(out + used, "\xEF\xBF\xBD", 3);
        used += 3;
        ip++;
        il--;
        *flags |= CHR_ART_UTF8_REPAIRED;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    out[used] = '\0';
    /* Legacy charsets can decode to U+0000; drop those like utf8_copy does. */
    if (memchr(out, '\0', used)) {
        size_t w = 0;
        for (size_t i = 0; i < used; i++)
            if (out[i])
                out[w++] = out[i];
        out[w] = '\0';
        used = w;
    }
    *out_len = used;
    return out;
}

const char *chr_html_to_utf8(const char *in, size_t len, const char *hint, size_t *out_len,
                             const char **charset, unsigned *flags, char **owned)
{
    const unsigned char *u = (const unsigned char *)in;
    const char *cs = NULL;
    *charset = NULL;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        in += 3;
        len -= 3;
        cs = "UTF-8";
    } else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        in += 2;
        len -= 2;
        cs = "UTF-16LE";
    } else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        in += 2;
        len -= 2;
        cs = "UTF-16BE";
    }
    if (!cs && hint && *hint)
        cs = chr_html_charset_hint(hint);
    if (!cs)
        cs = prescan(in, len);
    if (!cs || strcmp(cs, "UTF-8") == 0)
        cs = !cs && !chr_html_utf8_valid(u, len) ? "WINDOWS-1252" : "UTF-8";
    else if (strcmp(cs, "WINDOWS-1252") == 0 && has_high_bytes(u, len) &&
             chr_html_utf8_valid(u, len))
        /* Declared latin1 but the bytes are valid UTF-8 with multibyte
         * sequences: a mislabel far more often than real latin1. */
        cs = "UTF-8";
    if (strcmp(cs, "UTF-8") == 0 || (strcmp(cs, "WINDOWS-1252") == 0 && !has_high_bytes(u, len)))
        return utf8_as_is(in, len, out_len, flags, owned);
    int unknown = 0;
    char *out = transcode(in, len, cs, out_len, flags, &unknown);
    if (!out && unknown)
        return utf8_as_is(in, len, out_len, flags, owned);
    if (out) {
        *charset = cs;
        *flags |= CHR_ART_TRANSCODED;
    }
    *owned = out;
    return out;
}
