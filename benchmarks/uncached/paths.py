"""Writes the request paths of the uncached benchmark, one file per page, every line a different request.

Usage: paths.py DATA_CSV IDS_FILE STATES_FILE ROUND OUT_FOLDER

The search words are the registry's own: words of four letters or more that occur in between 20 and 4,000 of the
export's texts (so a query matches something, and sometimes a great deal), one or two to a query, with the filters
people combine with them. The same seed gives the same files, so two runs (or two engines) send the same requests.
"""

import csv
import random
import re
import sys
import urllib.parse
from collections import Counter

data, ids_file, states_file, round_id, out = sys.argv[1:6]
rng = random.Random(2015)
STOP = set("""that with their this from have which been into they also such those other were them more these ensure
take continue further measures including particular order well between within against through under where would
should shall about their there while after before being could every than only same most made make both any each
""".split())

frequency = Counter()
with open(data, encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    text = header.index("Text")
    for row in reader:
        words = set(re.findall(r"[a-z]{4,}", row[text].lower()))
        frequency.update(w for w in words if w not in STOP)
vocabulary = sorted(w for w, n in frequency.items() if 20 <= n <= 4000)
ids = [line.strip() for line in open(ids_file) if line.strip()]
states = [line.strip() for line in open(states_file) if line.strip()]
responses = ["supported", "noted"]
clusters = ["justice-civil-political", "women", "children", "esc-rights", "other-vulnerable-groups"]


def search_queries(count):
    seen, lines = set(), []
    while len(lines) < count:
        words = rng.sample(vocabulary, rng.choice([1, 1, 2]))
        params = [("q", " ".join(words))]
        extra = rng.random()
        if extra < 0.15:
            params.append(("response", rng.choice(responses)))
        elif extra < 0.30:
            params.append(("cycle", str(rng.choice([1, 2]))))
        elif extra < 0.40:
            params.append(("state", rng.choice(states)))
        elif extra < 0.50:
            params.append(("cluster", rng.choice(clusters)))
        if rng.random() < 0.1:
            params.append(("page", "2"))
        query = urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
        if query not in seen:
            seen.add(query)
            lines.append(query)
    return lines


def write(name, paths):
    with open(f"{out}/{name}.txt", "w") as f:
        f.write("\n".join(paths) + "\n")


write("search-api", ["/api/v1/recommendations?" + q for q in search_queries(40000)])
write("list-page", ["/recommendations?" + q for q in search_queries(40000)])
shuffled = ids[:]
rng.shuffle(shuffled)
write("recommendation-page", [f"/recommendations/{i}" for i in shuffled])
write("recommendation-api", [f"/api/v1/recommendations/{i}" for i in shuffled])
quoted = [urllib.parse.quote(s) for s in states]
dashboards = [f"/dashboard?state={s}{p}" for s in quoted for p in ["", "&perspective=government",
                                                                  "&perspective=civil-society"]]
rng.shuffle(dashboards)
write("dashboard", dashboards)
indicators = [f"/indicators?state={s}{k}" for s in quoted for k in ["", "&kind=structural", "&kind=process",
                                                                   "&kind=outcome"]]
rng.shuffle(indicators)
write("indicator-list", indicators)
rounds = [f"/assessments/{round_id}?show={show}&page={page}" for show in ["all", "disagreements", "unassessed"]
          for page in range(1, 5)]
write("round-page", rounds)
