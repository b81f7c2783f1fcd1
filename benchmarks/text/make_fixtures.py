#!/usr/bin/env python3
"""Writes the real-data excerpts UPRText's tests use (Tests/UPRTextTests/Fixtures), deterministically.

upr-info-excerpt.csv: every 36th row of sessions 1-12 and every 30th row of sessions 13-16 of the UPR Info export,
byte-for-byte (UTF-8, CRLF). wg-2009-excerpt.csv / wg-2008-excerpt.csv: the first 40 records of two Working Group
report files, raw bytes (Mac Roman with CRLF, and Latin-1 with bare CR), for the decoder and CSV reader tests.
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "Tests", "UPRTextTests", "Fixtures")


def records(data, terminator):
    """Splits raw CSV bytes into records on `terminator`, respecting quotes."""
    out, start, quoted = [], 0, False
    i = 0
    while i < len(data):
        c = data[i:i + 1]
        if c == b'"':
            quoted = not quoted
        elif not quoted and data[i:i + len(terminator)] == terminator:
            out.append(data[start:i + len(terminator)])
            start = i + len(terminator)
            i += len(terminator)
            continue
        i += 1
    if start < len(data):
        out.append(data[start:])
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    data = open(os.path.join(SHARED, "upr-info", "recommendations-sessions-01-16.csv"), "rb").read()
    rows = records(data, b"\r\n")
    header, body = rows[0], rows[1:]
    session = lambda r: int(r.rstrip(b"\r\n").rsplit(b",", 1)[1])
    early = [r for r in body if session(r) <= 12][::36]
    late = [r for r in body if session(r) > 12][::30]
    open(os.path.join(OUT, "upr-info-excerpt.csv"), "wb").write(header + b"".join(early + late))
    for year, terminator in [(2009, b"\r\n"), (2008, b"\r")]:
        raw = open(os.path.join(SHARED, "wg-reports", f"{year}data.csv"), "rb").read()
        open(os.path.join(OUT, f"wg-{year}-excerpt.csv"), "wb").write(b"".join(records(raw, terminator)[:41]))
    print(len(early), len(late), file=sys.stderr)


if __name__ == "__main__":
    main()
