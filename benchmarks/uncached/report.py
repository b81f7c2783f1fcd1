"""Writes RESULTS.md of the uncached benchmark from the raw figures of run.sh (and, given, an earlier run's).

Usage: report.py RAW OUT LABEL DURATION COUNTS [BEFORE_RAW]
"""

import datetime
import os
import statistics
import subprocess
import sys

raw, out, label, duration, counts = sys.argv[1:6]
before_raw = sys.argv[6] if len(sys.argv) > 6 else None
BUDGET = {"search-api": 20, "list-page": 20, "recommendation-page": 20, "recommendation-api": 20, "dashboard": 100,
          "indicator-list": 50, "round-page": 50, "healthz": None}
ENGINES = ["sqlite", "postgres"]


def read(path):
    rows, rss = {}, {}
    for line in open(path):
        parts = line.split()
        if parts[1] == "rss_kb":
            rss[parts[0]] = int(parts[2])
        else:
            rows.setdefault((parts[0], parts[1]), []).append([float(x) for x in parts[3:8]])
    return rows, rss


def median(rows, key, i):
    return statistics.median(r[i] for r in rows[key]) if key in rows else None


rows, rss = read(raw)
engines = [e for e in ENGINES if any(k[0] == e for k in rows)]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
mem = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) // 1024 // 1024
load = " ".join(open("/proc/loadavg").read().split()[:3])
head = "| page | budget p95 ms | " + " | ".join(f"{e} p50 ms | {e} p95 ms | {e} req/s | {e} errors" for e in engines)
lines = [head + " |", "|" + " --- |" * (2 + 4 * len(engines))]
for page, budget in BUDGET.items():
    cells = [f"`{page}`", f"{budget}" if budget else ""]
    for e in engines:
        key = (e, page)
        if key not in rows:
            cells += ["", "", "", ""]
            continue
        p95 = median(rows, key, 1)
        mark = "" if budget is None else (" ✓" if p95 < budget else " ✗")
        cells += [f"{median(rows, key, 0):.2f}", f"**{p95:.2f}**{mark}", f"{median(rows, key, 3):.0f}",
                  f"{int(sum(r[4] for r in rows[key]))}"]
    lines.append("| " + " | ".join(cells) + " |")
table = "\n".join(lines)
memory = ", ".join(f"{e} {rss[e] / 1024:.0f} MB" for e in engines if e in rss)

comparison = ""
if before_raw:
    before, _ = read(before_raw)
    compare = ["| engine | page | p95 before ms | p95 after ms | after / before |", "| --- | --- | --- | --- | --- |"]
    for e in engines:
        for page in BUDGET:
            key = (e, page)
            if key in rows and key in before:
                b, a = median(before, key, 1), median(rows, key, 1)
                compare.append(f"| {e} | `{page}` | {b:.2f} | {a:.2f} | {a / b:.2f} |")
    comparison = (f"\n## Before and after\n\nBefore: `{os.path.basename(before_raw)}`; after: `raw-{label}.txt`, "
                  "both in this folder, measured one after the other on this machine.\n\n" + "\n".join(compare) + "\n")

with open(out, "w") as f:
    f.write(f"""# Uncached pages

Command: `benchmarks/uncached/run.sh` (DURATION={duration}, three rounds, medians), build `{label}`. Machine: {cpu},
{nproc} cores, {mem} GiB; {datetime.date.today().isoformat()}; load average at the end {load}. Release build. Every result
cache off (`UPR_SEARCH_CACHE=0`) and every request a different query (the paths of `paths.py`), 16 connections
(wrk, 2 threads) on the same machine as the server, anonymous requests. PostgreSQL 15 runs on the same machine too
(private cluster, `fsync=off`, which changes nothing for reads).

Data: {", ".join(l.replace("|", " ") for l in counts.splitlines())}.

{table}

Resident memory of `upr serve` after the rounds: {memory}.
{comparison}""")
print(open(out).read())
