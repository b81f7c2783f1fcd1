"""A data partner loading measurements one request at a time over one kept-alive connection, as a script would:
prints "sequential COUNT SECONDS P50_MS P95_MS ERRORS".

Usage: load.py BASE_URL TOKEN INDICATORS_FILE COUNT
"""

import http.client
import json
import statistics
import sys
import time
import urllib.parse

base, token, indicators_file, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ids = [l.strip() for l in open(indicators_file) if l.strip()]
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
times, errors = [], 0
start = time.perf_counter()
for n in range(count):
    body = json.dumps({"value": str(n % 977), "date": f"2018-{1 + n % 12:02d}-{1 + n % 28:02d}",
                       "source": "Sequential load"})
    began = time.perf_counter()
    connection.request("POST", f"/api/v1/indicators/{ids[n % len(ids)]}/measurements", body, headers)
    response = connection.getresponse()
    response.read()
    times.append(time.perf_counter() - began)
    if response.status != 201:
        errors += 1
elapsed = time.perf_counter() - start
times.sort()
print(f"sequential {count} {elapsed:.2f} {statistics.median(times) * 1000:.3f} "
      f"{times[int(len(times) * 0.95)] * 1000:.3f} {errors}")
