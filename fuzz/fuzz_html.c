/* chronicle — libFuzzer target for the HTML extractor (html.h): any bytes,
 * with a charset hint and URL hint chosen by the first byte. Checks that an
 * extracted text is valid UTF-8 of the stated length. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/html.h"
#include "html_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const hints[] = {NULL,           "utf-8",  "text/html; charset=iso-8859-1",
                                        "shift_jis",    "utf-16", "koi8-r",
                                        "bogus-charset"};
    const char *hint = NULL, *url = NULL;
    if (size > 0) {
        hint = hints[data[0] % (sizeof hints / sizeof hints[0])];
        url = data[0] & 0x80 ? "https://example.org/2020/01/31/page?q=1" : NULL;
    }
    chr_article *a = NULL;
    chr_err e = chr_html_extract((const char *)data, size, hint, url, &a, NULL);
    if (e == CHR_OK) {
        if (!a || !a->text || strlen(a->text) != a->text_len ||
            !chr_html_utf8_valid((const unsigned char *)a->text, a->text_len))
            abort();
        const char *fields[] = {a->title, a->author, a->outlet, a->url, a->lang, a->pub_date};
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
            if (fields[i] &&
                !chr_html_utf8_valid((const unsigned char *)fields[i], strlen(fields[i])))
                abort();
        if (a->pub_date && strlen(a->pub_date) != 10)
            abort();
        chr_article_free(a);
    } else if (a) {
        abort();
    }
    (void)chr_html_sniff(data, size);
    char d[11];
    if (size < 512) {
        char *s = malloc(size + 1);
        if (!s)
            return 0;
        memcpy(s, data, size);
        s[size] = '\0';
        if (chr_html_parse_date(s, d) && strlen(d) != 10)
            abort();
        (void)chr_html_url_date(s, d);
        free(s);
    }
    return 0;
}
