/* chronicle — html_date: publication-date strings found in web pages to
 * "YYYY-MM-DD" (see html_int.h). Owns the formats pages use in meta tags,
 * JSON-LD, <time> and bylines; does not decide which of them to trust. */
#include "civil.h"
#include "html_int.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static int emit(int y, int m, int d, char out[11])
{
    if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
        return 0;
    int v[3] = {y, m, d}, w[3] = {4, 2, 2};
    char *o = out;
    for (int k = 0; k < 3; k++) {
        for (int i = w[k] - 1; i >= 0; i--, v[k] /= 10)
            o[i] = (char)('0' + v[k] % 10);
        o += w[k];
        if (k < 2)
            *o++ = '-';
    }
    *o = '\0';
    return 1;
}

/* Read exactly n digits at s; -1 when not digits. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Month names and abbreviations in the languages chronicle reads. Matched
 * whole-word, lowercase, ASCII-folded where the name has accents. */
static const struct {
    const char *name;
    int month;
} months[] = {
    {"january", 1},
    {"jan", 1},
    {"february", 2},
    {"feb", 2},
    {"march", 3},
    {"mar", 3},
    {"april", 4},
    {"apr", 4},
    {"may", 5},
    {"june", 6},
    {"jun", 6},
    {"july", 7},
    {"jul", 7},
    {"august", 8},
    {"aug", 8},
    {"september", 9},
    {"sep", 9},
    {"sept", 9},
    {"october", 10},
    {"oct", 10},
    {"november", 11},
    {"nov", 11},
    {"december", 12},
    {"dec", 12},
    /* French */
    {"janvier", 1},
    {"janv", 1},
    {"fevrier", 2},
    {"fevr", 2},
    {"mars", 3},
    {"avril", 4},
    {"avr", 4},
    {"mai", 5},
    {"juin", 6},
    {"juillet", 7},
    {"juil", 7},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"decembre", 12},
    /* German */
    {"januar", 1},
    {"jaenner", 1},
    {"februar", 2},
    {"maerz", 3},
    {"marz", 3},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    /* Spanish, Italian, Portuguese */
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    {"janeiro", 1},
    {"fevereiro", 2},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
};

/* Fold one word (UTF-8) to lowercase ASCII: common Latin accents lose
 * their mark ("é" -> "e", "ä" -> "ae", "û" -> "u"). Returns bytes read. */
static size_t fold_word(const char *s, char *w, size_t cap)
{
    size_t i = 0, n = 0;
    while (s[i]) {
        unsigned char c = (unsigned char)s[i];
        if (isalpha(c)) {
            if (n + 1 < cap)
                w[n++] = (char)tolower(c);
            i++;
        } else if (c == 0xC3 && s[i + 1]) {
            unsigned char c2 = (unsigned char)s[i + 1] | 0x20; /* to lowercase range */
            const char *f = NULL;
            if (c2 >= 0xA0 && c2 <= 0xA5)
                f = c2 == 0xA4 ? "ae" : "a";
            else if (c2 == 0xA7)
                f = "c";
            else if (c2 >= 0xA8 && c2 <= 0xAB)
                f = "e";
            else if (c2 >= 0xAC && c2 <= 0xAF)
                f = "i";
            else if (c2 >= 0xB2 && c2 <= 0xB6)
                f = c2 == 0xB6 ? "oe" : "o";
            else if (c2 >= 0xB9 && c2 <= 0xBC)
                f = c2 == 0xBC ? "ue" : "u";
            if (!f)
                break;
            for (; *f; f++)
                if (n + 1 < cap)
                    w[n++] = *f;
            i += 2;
        } else {
            break;
        }
    }
    w[n] = '\0';
    return i;
}

static int month_of(const char *w)
{
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
        if (strcmp(w, months[i].name) == 0)
            return months[i].month;
    return 0;
}

/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD at s (time may follow). */
static int numeric_ymd(const char *s, char out[11])
{
    int y = digits(s, 4);
    if (y < 0)
        return 0;
    char sep = s[4];
    if (sep == '-' || sep == '/' || sep == '.') {
        int m = digits(s + 5, 2), d;
        const char *p = s + 7;
        if (m < 0) {
            m = digits(s + 5, 1);
            p = s + 6;
        }
        if (m < 0 || *p != sep)
            return 0;
        if (!isdigit((unsigned char)p[1]))
            return 0;
        if (!isdigit((unsigned char)p[2]))
            d = p[1] - '0';
        else if (!isdigit((unsigned char)p[3]))
            d = digits(p + 1, 2);
        else
            return 0;
        return emit(y, m, d, out);
    }
    int m = digits(s + 4, 2);
    if (m < 0)
        return 0;
    int d = digits(s + 6, 2);
    if (d < 0 || isdigit((unsigned char)s[8]))
        return 0;
    return emit(y, m, d, out);
}

/* Day-first or month-first numeric dates: 14.05.2024, 05/14/2024 (slashes
 * are read month first, as in the US, unless day_first). */
static int numeric_dmy(const char *s, int day_first, char out[11])
{
    int a = 0, b = 0, y = 0, na = 0, nb = 0;
    const char *p = s;
    while (isdigit((unsigned char)*p) && na < 3)
        a = a * 10 + (*p++ - '0'), na++;
    char sep = *p;
    if (na == 0 || na > 2 || (sep != '.' && sep != '/' && sep != '-'))
        return 0;
    p++;
    while (isdigit((unsigned char)*p) && nb < 3)
        b = b * 10 + (*p++ - '0'), nb++;
    if (nb == 0 || nb > 2 || *p != sep)
        return 0;
    p++;
    y = digits(p, 4);
    if (y < 0 || isdigit((unsigned char)p[4]))
        return 0;
    if (sep == '/' && a <= 12 && !day_first)
        return emit(y, a, b, out); /* US order */
    return emit(y, b, a, out);
}

static int epoch(const char *s, char out[11])
{
    size_t n = 0;
    while (isdigit((unsigned char)s[n]))
        n++;
    if (s[n] != '\0' && !isspace((unsigned char)s[n]))
        return 0;
    if (n != 10 && n != 13)
        return 0;
    long long v = atoll(s);
    if (n == 13)
        v /= 1000;
    time_t t = (time_t)v;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return 0;
    return emit(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
}

/* "May 14, 2024", "14 May 2024", "Tue, 14 May 2024 10:00 GMT",
 * "14. Mai 2024", "le 14 mai 2024": a month word with a day number and a
 * four-digit year among the nearby tokens. */
static int textual(const char *s, char out[11])
{
    int month = 0, day = 0, year = 0, day_before = 0, last_num = 0, have_last = 0;
    int tokens_since_month = -1;
    const char *p = s;
    while (*p) {
        unsigned char c = (unsigned char)*p;
        if (isdigit(c)) {
            int v = 0, n = 0;
            while (isdigit((unsigned char)*p)) {
                if (n < 9)
                    v = v * 10 + (*p - '0');
                n++;
                p++;
            }
            /* 4 digits followed by ':' is a time, not a year. */
            if (n == 4 && *p != ':' && v >= 1990 && v <= 2099) {
                if (!year)
                    year = v;
            } else if (n <= 2 && *p != ':' && v >= 1 && v <= 31) {
                if (month && !day && tokens_since_month >= 0 && tokens_since_month <= 1)
                    day = v;
                else if (!month) {
                    last_num = v;
                    have_last = 1;
                }
            } else {
                have_last = 0;
            }
            if (month)
                tokens_since_month++;
            if (month && day && year)
                break;
            continue;
        }
        if (isalpha(c) || c == 0xC3) {
            char w[16];
            size_t used = fold_word(p, w, sizeof w);
            if (used == 0) {
                p++;
                continue;
            }
            p += used;
            int m = month ? 0 : month_of(w);
            if (m) {
                month = m;
                tokens_since_month = 0;
                if (have_last) {
                    day = last_num;
                    day_before = 1;
                }
            } else if (month) {
                tokens_since_month++;
            } else {
                have_last = 0; /* "14 things in May" is not a date */
            }
            continue;
        }
        p++;
    }
    (void)day_before;
    if (!month || !day || !year)
        return 0;
    return emit(year, month, day, out);
}

int chr_html_parse_date(const char *s, char out[11])
{
    return chr_html_parse_date_order(s, 0, out);
}

int chr_html_parse_date_order(const char *s, int day_first, char out[11])
{
    if (!s)
        return 0;
    while (isspace((unsigned char)*s))
        s++;
    if (!*s)
        return 0;
    if (numeric_ymd(s, out) || epoch(s, out) || numeric_dmy(s, day_first, out))
        return 1;
    size_t n = strlen(s);
    if (n > 200)
        return 0;
    /* An ISO date later in the string ("Published 2024-05-14T..."). */
    for (const char *p = s; *p; p++)
        if (isdigit((unsigned char)*p) && (p == s || !isdigit((unsigned char)p[-1])) &&
            (numeric_ymd(p, out) || numeric_dmy(p, day_first, out)))
            return 1;
    return textual(s, out);
}

int chr_html_stamp_zone(const char *s)
{
    return chr_html_stamp_zone_hour(s, NULL);
}

int chr_html_stamp_zone_hour(const char *s, int *hour)
{
    if (!s)
        return 0;
    while (isspace((unsigned char)*s))
        s++;
    /* YYYY-MM-DD, then T or a space, then hh:mm */
    if (digits(s, 4) < 0 || s[4] != '-' || digits(s + 5, 2) < 0 || s[7] != '-' ||
        digits(s + 8, 2) < 0 || (s[10] != 'T' && s[10] != ' ') || digits(s + 11, 2) < 0 ||
        s[13] != ':' || digits(s + 14, 2) < 0)
        return 0;
    if (hour)
        *hour = digits(s + 11, 2);
    const char *p = s + 16;
    while (*p && (isdigit((unsigned char)*p) || *p == ':' || *p == '.'))
        p++; /* seconds, fractions */
    while (*p == ' ')
        p++;
    if ((*p == 'Z' || *p == 'z') && !isalpha((unsigned char)p[1]))
        return 1;
    if (*p != '+' && *p != '-')
        return 0;
    int hh = digits(p + 1, 2), mm = p[3] == ':' ? digits(p + 4, 2) : digits(p + 3, 2);
    if (hh < 0 || mm < 0)
        return 0;
    return hh == 0 && mm == 0 ? 1 : 2;
}

/* Days since 1970-01-01 of "YYYY-MM-DD" at s (years 1000 on), -1 when it
 * is not one. */
static long civil_days(const char *s)
{
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 1000 || m < 1 || m > 12 || d < 1)
        return -1;
    return chr_civil_days(y, m, d);
}

long chr_html_stamp_minutes(const char *s)
{
    int hour = -1, zone = chr_html_stamp_zone_hour(s, &hour);
    if (!zone)
        return LONG_MIN;
    while (isspace((unsigned char)*s))
        s++;
    long day = civil_days(s);
    int mi = digits(s + 14, 2);
    if (day < 0 || hour < 0 || mi < 0)
        return LONG_MIN;
    long off = 0;
    if (zone == 2) { /* the offset, signed, in minutes */
        const char *p = s + 16;
        while (*p && *p != '+' && *p != '-')
            p++;
        int hh = digits(p + 1, 2), mm = p[3] == ':' ? digits(p + 4, 2) : digits(p + 3, 2);
        off = (hh * 60L + mm) * (*p == '-' ? -1 : 1);
    }
    return day * 1440 + hour * 60 + mi - off;
}

int chr_html_days_adjacent(const char *a, const char *b)
{
    if (!a || !b || strlen(a) < 10 || strlen(b) < 10)
        return 0;
    long x = civil_days(a), y = civil_days(b);
    return x < 0 || y < 0 ? 0 : x - y == 1 ? 1 : y - x == 1 ? -1 : 0;
}

int chr_html_url_date(const char *url, char out[11])
{
    if (!url)
        return 0;
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : url;
    if (!path)
        return 0;
    const char *q = strpbrk(path, "?#");
    size_t n = q ? (size_t)(q - path) : strlen(path);
    for (size_t i = 0; i + 8 <= n; i++) {
        if (!(path[i] == '/' || path[i] == '-' || path[i] == '_'))
            continue;
        const char *p = path + i + 1;
        int y = digits(p, 4);
        if (y < 1990 || y > 2099)
            continue;
        size_t rest = n - (i + 1);
        /* /2024/05/14  /2024-05-14  /2024_05_14 */
        if (rest >= 10 && (p[4] == '/' || p[4] == '-' || p[4] == '_') && p[7] == p[4]) {
            int m = digits(p + 5, 2), d = digits(p + 8, 2);
            if (m > 0 && d > 0 && (rest == 10 || !isdigit((unsigned char)p[10])) &&
                emit(y, m, d, out))
                return 1;
        }
        /* /2019/nov/18/ */
        if (rest >= 11 && p[4] == '/' && isalpha((unsigned char)p[5])) {
            char w[16];
            size_t k = 0;
            while (k < 9 && isalpha((unsigned char)p[5 + k]) && k + 5 < rest) {
                w[k] = (char)tolower((unsigned char)p[5 + k]);
                k++;
            }
            w[k] = '\0';
            int m = month_of(w);
            const char *dp = p + 5 + k;
            if (m && *dp == '/' && isdigit((unsigned char)dp[1])) {
                int d = dp[1] - '0';
                if (isdigit((unsigned char)dp[2]))
                    d = d * 10 + (dp[2] - '0');
                if (emit(y, m, d, out))
                    return 1;
            }
        }
        /* /20240514/ or -20240514. (exactly eight digits) */
        if (rest >= 8 && digits(p, 8) >= 0 && (rest == 8 || !isdigit((unsigned char)p[8]))) {
            int m = digits(p + 4, 2), d = digits(p + 6, 2);
            if (emit(y, m, d, out))
                return 1;
        }
    }
    return 0;
}
