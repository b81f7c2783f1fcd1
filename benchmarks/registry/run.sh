#!/usr/bin/env bash
# Registry benchmarks (issue 2), measured side by side in one run on this machine:
#  1. Import of recommendations-sessions-01-16.csv into a fresh SQLite database, search index included, against the
#     sqlite3 shell's `.import` of the same file plus an FTS5 index on the text. Also the peak memory of the import.
#  2. The search API under 16 concurrent clients (wrk): p50/p95/p99 latency and req/s, beside a minimal Vapor route
#     (/healthz) served by the same process.
# Usage: benchmarks/registry/run.sh   (RUNS=5 imports each; DURATION=10s per load round). Writes RESULTS.md here.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
data=${UPR_DATA:-$root/../shared/data/upr-info/recommendations-sessions-01-16.csv}
runs=${RUNS:-5}
duration=${DURATION:-10s}
out=${OUT:-$root/benchmarks/registry/RESULTS.md}
for tool in sqlite3 wrk; do
  command -v $tool >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 wrk >/dev/null; }
done
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

source benchmarks/common.sh
release_binary
tmp=$(mktemp -d)
trap 'kill ${server:-0} ${server2:-0} 2>/dev/null || true; rm -rf "$tmp"' EXIT

echo "== Import, $runs runs each (alternating)"
: >"$tmp/times"
for i in $(seq 1 "$runs"); do
  rm -f "$tmp/ref.sqlite"
  /usr/bin/time -f "sqlite3 %e %M" -a -o "$tmp/times" sqlite3 "$tmp/ref.sqlite" <<SQL
.mode csv
.import '$data' recs
CREATE VIRTUAL TABLE recs_fts USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO recs_fts(rowid, text) SELECT rowid, Text FROM recs;
SQL
  rm -f "$tmp/upr.sqlite"*
  /usr/bin/time -f "upr %e %M" -a -o "$tmp/times" "$bin" import "$data" --database "$tmp/upr.sqlite" >/dev/null
done
cat "$tmp/times"
"$bin" stats --database "$tmp/upr.sqlite" >"$tmp/stats.txt"

echo "== Search API, 16 connections, $duration per round"
"$bin" serve --database "$tmp/upr.sqlite" --port 18181 >"$tmp/server.log" 2>&1 &
server=$!
# The same database served a second time with the search cache off, to show what an uncached search costs.
UPR_SEARCH_CACHE=0 "$bin" serve --database "$tmp/upr.sqlite" --port 18182 >"$tmp/server-nocache.log" 2>&1 &
server2=$!
for port in 18181 18182; do
  for _ in $(seq 1 100); do curl -fs http://127.0.0.1:$port/healthz >/dev/null 2>&1 && break; sleep 0.2; done
done
cat >"$tmp/search.lua" <<'LUA'
local queries = {
  "/api/v1/recommendations?q=torture",
  "/api/v1/recommendations?q=women&response=noted",
  "/api/v1/recommendations?q=death%20penalty&cycle=1",
  "/api/v1/recommendations?q=children&state=Mongolia",
  "/api/v1/recommendations?q=ratify%20convention&page=2",
  "/api/v1/recommendations?q=freedom%20of%20expression&cluster=justice-civil-political",
  "/api/v1/recommendations?q=%22human%20rights%20defenders%22",
  "/api/v1/recommendations?q=trafficking&actionCategory=5",
  "/api/v1/recommendations?state=Afghanistan&response=supported",
  "/api/v1/recommendations?q=education%20girls&sort=newest",
}
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", queries[i])
end
LUA
cat benchmarks/registry/report.lua >>"$tmp/search.lua"
cp benchmarks/registry/report.lua "$tmp/plain.lua"
wrk -t2 -c16 -d2s -s "$tmp/search.lua" http://127.0.0.1:18181 >/dev/null  # warm-up
wrk -t2 -c16 -d2s -s "$tmp/search.lua" http://127.0.0.1:18182 >/dev/null
: >"$tmp/load"
for round in 1 2 3; do
  echo "search $(wrk -t2 -c16 -d"$duration" -s "$tmp/search.lua" http://127.0.0.1:18181 | grep RESULT)" >>"$tmp/load"
  echo "uncached $(wrk -t2 -c16 -d"$duration" -s "$tmp/search.lua" http://127.0.0.1:18182 | grep RESULT)" >>"$tmp/load"
  echo "plain $(wrk -t2 -c16 -d"$duration" -s "$tmp/plain.lua" http://127.0.0.1:18181/healthz | grep RESULT)" >>"$tmp/load"
done
cat "$tmp/load"

python3 - "$tmp/times" "$tmp/load" "$tmp/stats.txt" "$out" "$data" "$runs" "$duration" <<'PY'
import statistics, sys, subprocess, datetime, platform
times, load, stats, out, data, runs, duration = sys.argv[1:8]
imp = {"sqlite3": [], "upr": []}
for line in open(times):
    parts = line.split()
    if len(parts) == 3 and parts[0] in imp:
        imp[parts[0]].append((float(parts[1]), int(parts[2])))
ref = statistics.median(t for t, _ in imp["sqlite3"])
ours = statistics.median(t for t, _ in imp["upr"])
peak = max(m for _, m in imp["upr"]) / 1024
rows = {"search": [], "uncached": [], "plain": []}
for line in open(load):
    parts = line.split()
    rows[parts[0]].append([float(x) for x in parts[2:7]])
def med(kind, i): return statistics.median(r[i] for r in rows[kind])
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
with open(out, "w") as f:
    f.write(f"""# Registry benchmarks

Command: `benchmarks/registry/run.sh` (RUNS={runs}, DURATION={duration}). Machine: {cpu}, {nproc} cores,
{int(mem)//1024//1024} GiB; {datetime.date.today().isoformat()}. Release build. The load generator (wrk, 2 threads, 16 connections)
runs on the same machine as the server. Medians of the runs, measured in one run of the script.
Load average at the end of the run: {open('/proc/loadavg').read().split()[0:3]} (other builds shared the machine).

## Import of `{data.split('/')[-1]}` into a fresh SQLite database (search index included)

| | median seconds | runs |
| --- | --- | --- |
| sqlite3 `.import` + FTS5 index (reference) | {ref:.2f} | {', '.join(f'{t:.2f}' for t, _ in imp['sqlite3'])} |
| `upr import` (parse, group, validate, write, FTS5) | {ours:.2f} | {', '.join(f'{t:.2f}' for t, _ in imp['upr'])} |
| ratio (target ≤ 5×) | **{ours/ref:.2f}×** | |

Peak memory of `upr import` (max RSS over the runs): **{peak:.0f} MB** (target < 300 MB).

## Search API, 16 concurrent clients

| route | p50 ms | p95 ms | p99 ms | req/s | errors |
| --- | --- | --- | --- | --- | --- |
| `/api/v1/recommendations?q=…` (10 different searches) | {med('search',0):.2f} | **{med('search',1):.2f}** | {med('search',2):.2f} | {med('search',3):.0f} | {int(sum(r[4] for r in rows['search']))} |
| the same searches, search cache off (`UPR_SEARCH_CACHE=0`) | {med('uncached',0):.2f} | {med('uncached',1):.2f} | {med('uncached',2):.2f} | {med('uncached',3):.0f} | {int(sum(r[4] for r in rows['uncached']))} |
| `/healthz` (minimal Vapor route, same process) | {med('plain',0):.2f} | {med('plain',1):.2f} | {med('plain',2):.2f} | {med('plain',3):.0f} | {int(sum(r[4] for r in rows['plain']))} |

Search req/s is {med('search',3)/med('plain',3)*100:.1f}% of the minimal route's (uncached: {med('uncached',3)/med('plain',3)*100:.1f}%). Target: p95 < 20 ms.

Each server keeps its recent search results and reuses one only while the database's registry version (raised
in the transaction of every audited write) is unchanged, so a repeated search costs a read of that version and
the JSON encoding. The benchmark repeats ten searches, so after the warm-up the first server answers from its cache;
the second row is the cost of running each search in SQL (ranking every match with bm25, then reading the page).

Registry after the import (`upr stats`):

```
{open(stats).read().strip()}
```
""")
print(open(out).read())
PY
