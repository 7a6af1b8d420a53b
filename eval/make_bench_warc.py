#!/usr/bin/env python3
"""chronicle — build a WARC for make bench-html from a folder of pages.

make_bench_warc.py OUT.warc.gz PAGES_DIR REPEAT [--ctype TYPE]
Each page (*.html or *.html.gz) becomes a request + response record pair,
REPEAT times over, one gzip member per record as crawlers write them. With
--ctype image/jpeg the responses carry the same bytes but are not HTML, so
the reader only frames and decompresses them (its speed without extraction).
Python standard library only; deterministic output.
"""
import gzip
import os
import sys
import zlib


def member(data):
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def record(n, rtype, uri, block, ctype):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n"
            "WARC-Date: 2019-11-20T10:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\n"
            "Content-Length: %d\r\n\r\n" % (rtype, n, uri, ctype, len(block)))
    return head.encode() + block + b"\r\n\r\n"


def main():
    out, pages, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ctype = "text/html; charset=utf-8"
    if "--ctype" in sys.argv:
        ctype = sys.argv[sys.argv.index("--ctype") + 1]
    files = sorted(f for f in os.listdir(pages) if f.endswith((".html", ".html.gz")))
    bodies = []
    for f in files:
        p = os.path.join(pages, f)
        data = gzip.open(p).read() if f.endswith(".gz") else open(p, "rb").read()
        bodies.append((f, data))
    n = 0
    with open(out, "wb") as o:
        for r in range(repeat):
            for f, data in bodies:
                uri = "http://bench.example/%d/%s" % (r, f.split(".")[0])
                req = b"GET /%s HTTP/1.1\r\nHost: bench.example\r\n\r\n" % f.encode()
                n += 1
                o.write(member(record(n, "request", uri, req, "application/http; msgtype=request")))
                resp = (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() +
                        b"\r\nContent-Length: %d\r\n\r\n" % len(data) + data)
                n += 1
                o.write(member(record(n, "response", uri, resp, "application/http; msgtype=response")))
    print("%s: %d records, %d pages x %d" % (out, n, len(bodies), repeat))


if __name__ == "__main__":
    main()
