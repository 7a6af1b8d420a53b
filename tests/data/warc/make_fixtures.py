#!/usr/bin/env python3
"""Regenerate the WARC fixtures of tests/unit/test_warc.c and
tests/e2e/web_warc.sh (deterministic: gzip mtime 0). Run from this folder.

news.warc            11 records: 3 HTML articles (chunked + gzip latin1,
                     resource with <uri>, deflate without Content-Type), 8 to
                     skip (warcinfo, request, 404, image, revisit, metadata,
                     301, page without text)
news.warc.gz         the same, one gzip member per record
news-whole.warc.gz   the same, gzip over the whole file
damaged.warc.gz      per-record gzip; the member of record 2 is corrupted
truncated.warc       the last record stops 40 bytes short
garbage.warc         junk between records and a record without Content-Length
"""
import gzip
import zlib

LATIN1_PAGE = """<html><head><meta charset="iso-8859-1"><title>Le march\u00e9 couvert rouvre</title>
<meta property="article:published_time" content="2019-09-02T08:00:00+02:00"></head>
<body><nav><a href="/">Accueil</a> <a href="/ville">Ville</a></nav>
<div class="article"><h1>Le march\u00e9 couvert rouvre</h1>
<p>Apr\u00e8s dix-huit mois de travaux, le march\u00e9 couvert de la place Carnot a rouvert ses portes lundi matin avec quarante-deux \u00e9tals.</p>
<p>La municipalit\u00e9 a refait la toiture, isol\u00e9 les murs et install\u00e9 une ventilation neuve pour un montant de 2,3 millions d'euros.</p>
</div></body></html>"""

UTF8_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Library extends opening hours</title></head>
<body><div id="content"><h1>Library extends opening hours</h1>
<p>The central library will stay open until nine in the evening on weekdays from next month, the city's culture department announced on Friday.</p>
<p>Longer hours were the most common request in a survey of 4,000 readers last spring, and the change will be paid for by closing two rarely used mobile branches.</p>
</div></body></html>"""

DEFLATE_PAGE = """<html><head><title>Tram line enters testing</title>
<meta name="author" content="Noor Haddad"></head><body><main>
<p>Test runs began on the new tram line between the station and the university on Sunday night, without passengers and at walking pace at first.</p>
<p>Operators expect to run a full timetable without passengers for six weeks before the line opens to the public in the spring.</p>
</main></body></html>"""

EMPTY_PAGE = """<html><head><title>Menu</title></head><body><nav><a href="/a">One</a> <a href="/b">Two</a></nav></body></html>"""


def record(rtype, headers, block, uri=None, date="2019-09-03T10:00:00Z", n=[0]):
    n[0] += 1
    h = ["WARC/1.0", "WARC-Type: " + rtype,
         "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>" % n[0],
         "WARC-Date: " + date]
    if uri:
        h.append("WARC-Target-URI: " + uri)
    h += headers
    h.append("Content-Length: %d" % len(block))
    return ("\r\n".join(h) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(status, headers, body):
    head = "HTTP/1.1 %s\r\n" % status + "".join(h + "\r\n" for h in headers) + "\r\n"
    return head.encode() + body


def chunked(data, size=97):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def gz(data):
    return gzip.compress(data, mtime=0)


HTTP_RESP = ["Content-Type: application/http; msgtype=response"]

records = [
    record("warcinfo", ["Content-Type: application/warc-fields"], b"software: chronicle-fixtures\r\nformat: WARC File Format 1.0\r\n"),
    record("request", ["Content-Type: application/http; msgtype=request"],
           b"GET /marche HTTP/1.1\r\nHost: example.org\r\n\r\n", uri="http://example.org/marche"),
    record("response", HTTP_RESP, http("200 OK", ["Content-Type: text/html; charset=ISO-8859-1",
                                                  "Transfer-Encoding: chunked",
                                                  "Content-Encoding: gzip"],
                                      chunked(gz(LATIN1_PAGE.encode("iso-8859-1")))),
           uri="http://example.org/marche"),
    record("response", HTTP_RESP, http("404 Not Found", ["Content-Type: text/html"],
                                      b"<html><body><p>Not found, sorry, nothing to read here at all.</p></body></html>"),
           uri="http://example.org/missing"),
    record("response", HTTP_RESP, http("200 OK", ["Content-Type: image/png"], b"\x89PNG\r\n\x1a\n" + bytes(range(64))),
           uri="http://example.org/logo.png"),
    record("resource", ["Content-Type: text/html; charset=utf-8"], UTF8_PAGE.encode(),
           uri="<http://example.org/2019/09/01/library-hours>", date="2019-09-04T12:00:00Z"),
    record("revisit", ["Content-Type: application/http; msgtype=response",
                       "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"],
           b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", uri="http://example.org/marche"),
    record("metadata", ["Content-Type: application/warc-fields"], b"via: http://example.org/\r\n",
           uri="http://example.org/marche"),
    record("response", HTTP_RESP, http("200 OK", ["Content-Encoding: deflate"],
                                      zlib.compress(DEFLATE_PAGE.encode())),
           uri="http://example.org/tram", date="2020-01-12T22:30:00Z"),
    record("response", HTTP_RESP, http("301 Moved Permanently", ["Location: http://example.org/x",
                                                                 "Content-Type: text/html"], b"<html>moved</html>"),
           uri="http://example.org/old"),
    record("response", HTTP_RESP, http("200 OK", ["Content-Type: text/html"], EMPTY_PAGE.encode()),
           uri="http://example.org/menu"),
]

with open("news.warc", "wb") as f:
    f.write(b"".join(records))
with open("news.warc.gz", "wb") as f:
    f.write(b"".join(gz(r) for r in records))
with open("news-whole.warc.gz", "wb") as f:
    f.write(gz(b"".join(records)))

members = [bytearray(gz(r)) for r in records]
m = members[2]
for i in range(30, 60):  # inside the deflate data, past the 10-byte header
    m[i] ^= 0x5A
with open("damaged.warc.gz", "wb") as f:
    f.write(b"".join(bytes(x) for x in members))

with open("truncated.warc", "wb") as f:
    f.write(b"".join(records[:6]) + records[8][:-40])

bad = record("resource", ["Content-Type: text/html"], UTF8_PAGE.encode(), uri="http://example.org/no-length")
bad = bad.replace(b"Content-Length: %d\r\n" % len(UTF8_PAGE.encode()), b"")
with open("garbage.warc", "wb") as f:
    f.write(records[0] + b"this is not a record\r\nnor is this\r\n" + records[2] + bad + records[5])
