"""Writes RESULTS.md of the API benchmark from the raw figures of run.sh.

Usage: report.py RAW OUT LABEL DURATION
"""

import datetime
import statistics
import subprocess
import sys

raw, out, label, duration = sys.argv[1:5]
rows, sequential, rss, counts = {}, {}, {}, {}
for line in open(raw):
    parts = line.split()
    if len(parts) < 3:
        continue
    engine, kind = parts[0], parts[1]
    if kind == "rss_kb":
        rss[engine] = int(parts[2])
    elif kind == "measurements":
        counts[engine] = int(parts[2])
    elif kind == "sequential":
        sequential[engine] = [float(x) for x in parts[2:7]]
    else:
        rows.setdefault((engine, kind), []).append([float(x) for x in parts[3:8]])
engines = [e for e in ("sqlite", "postgres") if any(k[0] == e for k in rows)]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
load = " ".join(open("/proc/loadavg").read().split()[:3])
TARGET = {"reads": "p95 < 20 ms", "measurement-post": "p95 < 30 ms"}
text = [
    "# The API for other systems: measured",
    "",
    f"`benchmarks/api/run.sh` at {label}, {datetime.date.today()}, {cpu}, {nproc} cores; load average at the end "
    f"{load}. 16 connections (wrk, 2 threads), {duration} a round, three rounds: medians of the rounds. Every read "
    "is a different path (single plan entries, indicators with their 20 measurements, assessments, organisations, "
    "pages of plan entries and indicators by state, a round with every assessment); every POST a new measurement "
    "of a different indicator. Caches off; the token's rate counted on every request.",
    "",
    "| what | target | " + " | ".join(f"{e} p50 ms | {e} p95 ms | {e} req/s | {e} errors" for e in engines) + " |",
    "| --- | --- | " + " | ".join("---: | ---: | ---: | ---:" for _ in engines) + " |",
]
for kind in ("reads", "measurement-post"):
    cells = []
    for e in engines:
        r = rows.get((e, kind), [])
        cells.append(" | ".join(f"{statistics.median(x[i] for x in r):.{p}f}" for i, p in ((0, 1), (1, 1), (3, 0)))
                     + f" | {int(sum(x[4] for x in r))}" if r else "– | – | – | –")
    text.append(f"| {kind} | {TARGET[kind]} | " + " | ".join(cells) + " |")
text += ["", "A data partner loading 10,000 measurements one request at a time over one connection (target: under a "
         "minute):", "", "| engine | seconds | p50 ms | p95 ms | errors |", "| --- | ---: | ---: | ---: | ---: |"]
for e in engines:
    if e in sequential:
        n, seconds, p50, p95, errors = sequential[e]
        text.append(f"| {e} | {seconds:.1f} | {p50:.2f} | {p95:.2f} | {int(errors)} |")
text += ["", "Serve memory at the end (RSS): " + ", ".join(f"{e} {rss[e] // 1024} MB" for e in engines if e in rss)
         + "; measurements stored at the end: " + ", ".join(f"{e} {counts[e]:,}" for e in engines if e in counts)
         + ".", ""]
open(out, "w").write("\n".join(text))
print("\n".join(text))
