#!/usr/bin/env bash
# Implementation-plan benchmarks (issue 3), measured in one run on this machine, on a state with 258 recommendations
# (Azerbaijan, cycles 1 and 2, imported from the UPR Info export in ../shared/data) and a plan entry for each (the
# exported annex 8.1 matrix filled by fill_matrix.py and imported back with `upr import`), served from SQLite:
#  1. The matrix page /plan?state=Azerbaijan under 16 concurrent clients (wrk): p50/p95/p99 and req/s, beside the
#     minimal route /healthz of the same process. Signed in (session lookup, drafts visible): the heavier path.
#  2. The XLSX export of the whole matrix: median of RUNS downloads one after another (and the CSV's).
#  3. The weight of every page of the matrix, in English and in Mongolian (target: under 100 KB each).
# Usage: benchmarks/plan/run.sh   (RUNS=9 exports; DURATION=10s per load round). Writes RESULTS.md here.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
data=${UPR_DATA:-$root/../shared/data/upr-info/recommendations-sessions-01-16.csv}
state=${STATE:-Azerbaijan}
runs=${RUNS:-9}
duration=${DURATION:-10s}
port=${PORT:-18282}
out=${OUT:-$root/benchmarks/plan/RESULTS.md}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

source benchmarks/common.sh
release_binary
tmp=$(mktemp -d)
trap 'kill ${server:-0} 2>/dev/null || true; rm -rf "$tmp"' EXIT
db=$tmp/plan.sqlite
base=http://127.0.0.1:$port
query="state=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$state")"

echo "== Data: the recommendations to $state, exactly as UPR Info exported them"
state_rows "$data" "$state" "$tmp/state.csv"
"$bin" import "$tmp/state.csv" --database "$db"

echo "== The government bodies that answer for the plan, and a civil-society coalition"
add_organisations "$bin" "$db"

echo "== The plan: the matrix exported, filled by the working groups, imported back"
"$bin" export --format matrix-csv --state "$state" --out "$tmp/empty.csv" --database "$db"
python3 "$root/benchmarks/plan/fill_matrix.py" "$tmp/empty.csv" "$tmp/state.csv" "$tmp/plan.csv"
"$bin" import "$tmp/plan.csv" --state "$state" --database "$db"

echo "== A member of the coalition signs in"
password="Tsagaan-sar-$(date +%s)-wrk"
link=$(UPR_PUBLIC_URL=$base "$bin" user add bench@example.org --name "Benchmark member" --role cso-member \
  --organisation "NGO Coalition for the UPR" --database "$db" | tail -1)
"$bin" serve --database "$db" --port "$port" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
csrf=benchmark-csrf-token-0123456789abcdef
curl -fs -o /dev/null -b "upr_csrf=$csrf" --data-urlencode "_csrf=$csrf" --data-urlencode "new=$password" \
  --data-urlencode "confirm=$password" "$link"
session=$(curl -fs -o /dev/null -D - -b "upr_csrf=$csrf" --data-urlencode "_csrf=$csrf" \
  --data-urlencode "email=bench@example.org" --data-urlencode "password=$password" "$base/login" |
  sed -n 's/^[Ss]et-[Cc]ookie: \(upr_session=[^;]*\).*/\1/p')
[ -n "$session" ] || { echo "sign-in failed"; cat "$tmp/server.log"; exit 1; }

echo "== Page weight (every page, English and Mongolian)"
: >"$tmp/weights"
for lang in en mn; do
  page=1
  while :; do
    size=$(curl -fs -o "$tmp/page.html" -w '%{size_download}' -b "$session; upr_lang=$lang" "$base/plan?$query&page=$page")
    rows=$(grep -c '<th scope="row"' "$tmp/page.html" || true)
    echo "$lang $page $size $rows" >>"$tmp/weights"
    grep -q 'rel="next"' "$tmp/page.html" || break
    page=$((page + 1))
  done
done
cat "$tmp/weights"

echo "== Matrix page and /healthz, 16 connections, $duration per round"
cat >"$tmp/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.3f %.3f %.3f %.1f %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
wrk -t2 -c16 -d2s -H "Cookie: $session" "$base/plan?$query" >/dev/null  # warm-up
: >"$tmp/load"
for round in 1 2 3; do
  echo "plan $(wrk -t2 -c16 -d"$duration" -s "$tmp/report.lua" -H "Cookie: $session" "$base/plan?$query" | grep RESULT)" >>"$tmp/load"
  echo "plain $(wrk -t2 -c16 -d"$duration" -s "$tmp/report.lua" "$base/healthz" | grep RESULT)" >>"$tmp/load"
done
cat "$tmp/load"

echo "== Export of the whole matrix, $runs downloads each"
: >"$tmp/exports"
for format in xlsx csv; do
  curl -fs -o /dev/null -b "$session" "$base/plan/export.$format?$query"  # warm-up
  for _ in $(seq 1 "$runs"); do
    echo "$format $(curl -fs -o "$tmp/export.$format" -w '%{time_total} %{size_download}' -b "$session" "$base/plan/export.$format?$query")" >>"$tmp/exports"
  done
done
cat "$tmp/exports"
"$bin" stats --database "$db" | head -3 >"$tmp/stats.txt"

python3 - "$tmp/weights" "$tmp/load" "$tmp/exports" "$tmp/stats.txt" "$out" "$state" "$runs" "$duration" <<'PY'
import statistics, sys, subprocess, datetime, platform
weights, load, exports, stats, out, state, runs, duration = sys.argv[1:9]
pages = [line.split() for line in open(weights)]
rows = {"plan": [], "plain": []}
for line in open(load):
    parts = line.split()
    rows[parts[0]].append([float(x) for x in parts[2:7]])
def med(kind, i): return statistics.median(r[i] for r in rows[kind])
times = {"xlsx": [], "csv": []}
sizes = {}
for line in open(exports):
    kind, seconds, size = line.split()
    times[kind].append(float(seconds) * 1000)
    sizes[kind] = int(float(size))
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
load_avg = open("/proc/loadavg").read().split()[:3]
def weight_table(lang):
    mine = [p for p in pages if p[0] == lang]
    return f"{len(mine)} pages, {sum(int(p[3]) for p in mine)} rows; largest page **{max(int(p[2]) for p in mine) / 1024:.1f} KB**, first page {int(mine[0][2]) / 1024:.1f} KB"
p95 = med("plan", 1)
xlsx = statistics.median(times["xlsx"])
largest = max(int(p[2]) for p in pages)
with open(out, "w") as f:
    f.write(f"""# Implementation-plan benchmarks

Command: `benchmarks/plan/run.sh` (RUNS={runs}, DURATION={duration}). Machine: {cpu}, {nproc} cores,
{int(mem)//1024//1024} GiB; {datetime.date.today().isoformat()}; load average at the end {' '.join(load_avg)}. Release build,
SQLite. The load generator (wrk, 2 threads, 16 connections) runs on the same machine as the server.

Data: the {state} recommendations of the UPR Info export (`{open(stats).read().splitlines()[0]}`), each with a plan
entry (goal, expected action, indicators, the same recommendation by other mechanisms, responsible body) filled by
`fill_matrix.py` into the exported annex 8.1 matrix and imported with `upr import`. Requests are signed in as a
civil-society member (session lookup on every request; drafts visible).

## Matrix page `/plan?state={state}` (first page, 25 rows), 16 concurrent clients

| route | p50 ms | p95 ms | p99 ms | req/s | errors |
| --- | --- | --- | --- | --- | --- |
| `/plan?state={state}` | {med('plan',0):.2f} | **{p95:.2f}** | {med('plan',2):.2f} | {med('plan',3):.0f} | {int(sum(r[4] for r in rows['plan']))} |
| `/healthz` (minimal Vapor route, same process) | {med('plain',0):.2f} | {med('plain',1):.2f} | {med('plain',2):.2f} | {med('plain',3):.0f} | {int(sum(r[4] for r in rows['plain']))} |

Target p95 < 50 ms: **{'met' if p95 < 50 else 'not met'}**. Medians of three rounds.

## Export of the whole matrix (all rows), one download at a time

| format | median ms | runs (ms) | size |
| --- | --- | --- | --- |
| XLSX | **{xlsx:.1f}** | {', '.join(f'{t:.0f}' for t in times['xlsx'])} | {sizes['xlsx'] / 1024:.0f} KB |
| CSV | {statistics.median(times['csv']):.1f} | {', '.join(f'{t:.0f}' for t in times['csv'])} | {sizes['csv'] / 1024:.0f} KB |

Target XLSX < 500 ms: **{'met' if xlsx < 500 else 'not met'}**.

## Page weight (uncompressed HTML)

- English: {weight_table('en')}
- Mongolian: {weight_table('mn')}

Target < 100 KB per page: **{'met' if largest < 100 * 1024 else 'not met'}**.
""")
print(open(out).read())
PY
