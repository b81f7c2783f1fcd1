#!/usr/bin/env bash
# Dashboard and mid-term report benchmarks (issue 4), measured in one run on this machine, served from SQLite, on
# the data of build.sh (the UPR Info registry, the published plan of Azerbaijan, 5,000 indicators with 100,000
# measurements and a closed assessment round).
# Then, 16 concurrent clients (wrk) for DURATION on each dashboard page, three rounds, beside /healthz; and RUNS
# downloads of the mid-term report of the state (DOCX and HTML), one at a time. Writes RESULTS.md here.
# Usage: benchmarks/dashboard/run.sh   (RUNS=9, DURATION=10s)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
state=${STATE:-Azerbaijan}
runs=${RUNS:-9}
duration=${DURATION:-10s}
port=${PORT:-18283}
out=$root/benchmarks/dashboard/RESULTS.md
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }

source benchmarks/common.sh
release_binary
tmp=$(mktemp -d)
trap 'kill ${server:-0} 2>/dev/null || true; rm -rf "$tmp"' EXIT
db=$tmp/dashboard.sqlite
base=http://127.0.0.1:$port
query="state=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$state")"

benchmarks/dashboard/build.sh "$bin" "$db" "$state" "$tmp"
round=$(sqlite3 "$db" "SELECT MAX(id) FROM assessment_rounds")

"$bin" serve --database "$db" --port "$port" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

echo "== Page weight"
: >"$tmp/weights"
for page in "dashboard?$query" "dashboard?$query&perspective=civil-society" "assessments/$round" "indicators?$query"; do
  for lang in en mn; do
    echo "$page $lang $(curl -fs -o /dev/null -w '%{size_download}' -b "upr_lang=$lang" "$base/$page")" >>"$tmp/weights"
  done
done
cat "$tmp/weights"

echo "== Dashboards and /healthz, 16 connections, $duration per round"
: >"$tmp/load"
for page in "dashboard?$query" "dashboard?$query&perspective=civil-society" "assessments/$round" "indicators?$query"; do
  wrk -t2 -c16 -d2s "$base/$page" >/dev/null  # warm-up
done
for round_number in 1 2 3; do
  for page in "dashboard?$query" "dashboard?$query&perspective=civil-society" "assessments/$round" "indicators?$query" healthz; do
    echo "$page $(wrk -t2 -c16 -d"$duration" -s "$root/benchmarks/registry/report.lua" "$base/$page" | grep RESULT)" >>"$tmp/load"
  done
done

# The same dashboard with the result caches off (UPR_SEARCH_CACHE=0): what a request costs when the data changed.
kill $server; wait $server 2>/dev/null || true
UPR_SEARCH_CACHE=0 "$bin" serve --database "$db" --port "$port" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
wrk -t2 -c16 -d2s "$base/dashboard?$query" >/dev/null  # warm-up
for round_number in 1 2 3; do
  echo "uncached:dashboard?$query $(wrk -t2 -c16 -d"$duration" -s "$root/benchmarks/registry/report.lua" "$base/dashboard?$query" | grep RESULT)" >>"$tmp/load"
done
cat "$tmp/load"

echo "== Mid-term report of $state, $runs downloads each"
: >"$tmp/reports"
for format in docx html; do
  curl -fs -o /dev/null "$base/reports/midterm.$format?$query"  # warm-up
  for _ in $(seq 1 "$runs"); do
    echo "$format $(curl -fs -o "$tmp/report.$format" -w '%{time_total} %{size_download}' "$base/reports/midterm.$format?$query")" >>"$tmp/reports"
  done
done
cat "$tmp/reports"
items=$(grep -o '<blockquote>' "$tmp/report.html" | wc -l)

python3 - "$tmp/weights" "$tmp/load" "$tmp/reports" "$tmp/counts" "$out" "$state" "$runs" "$duration" "$items" <<'PY'
import statistics, sys, subprocess, datetime, platform
weights, load, reports, counts, out, state, runs, duration, items = sys.argv[1:10]
rows = {}
for line in open(load):
    parts = line.split()
    rows.setdefault(parts[0], []).append([float(x) for x in parts[2:7]])
def med(page, i): return statistics.median(r[i] for r in rows[page])
times, sizes = {"docx": [], "html": []}, {}
for line in open(reports):
    kind, seconds, size = line.split()
    times[kind].append(float(seconds) * 1000)
    sizes[kind] = int(float(size))
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
load_avg = open("/proc/loadavg").read().split()[:3]
count_lines = ", ".join(f"{n} {w}" for w, n in (l.strip().split("|") for l in open(counts)))
dashboards = [p for p in rows if p.startswith("dashboard")]
others = [p for p in rows if p not in dashboards and p != "healthz"]
worst = max(med(p, 1) for p in dashboards)
def lines(pages):
    return "\n".join(
        f"| `{p if p.startswith('uncached:') else '/' + p}` | {med(p,0):.2f} | **{med(p,1):.2f}** | {med(p,2):.2f} | {med(p,3):.0f} | {int(sum(r[4] for r in rows[p]))} |"
        for p in pages)
table = lines(dashboards + ["healthz"])
other_table = lines(others)
weight_lines = "\n".join(f"| `/{w.split()[0]}` | {w.split()[1]} | {int(w.split()[2]) / 1024:.1f} KB |" for w in open(weights))
docx, html = statistics.median(times["docx"]), statistics.median(times["html"])
with open(out, "w") as f:
    f.write(f"""# Dashboard and mid-term report benchmarks

Command: `benchmarks/dashboard/run.sh` (RUNS={runs}, DURATION={duration}). Machine: {cpu}, {nproc} cores,
{int(mem)//1024//1024} GiB; {datetime.date.today().isoformat()}; load average at the end {' '.join(load_avg)}. Release build,
SQLite. The load generator (wrk, 2 threads, 16 connections) runs on the same machine as the server; requests are
anonymous (the public dashboard: closed rounds and published plan entries).

Data: {count_lines}. The state is {state}: its plan entries are published, the indicators of its
recommendations track them, and one closed round holds three assessments of each of its recommendations.

## Dashboards, 16 concurrent clients (medians of three rounds)

| page | p50 ms | p95 ms | p99 ms | req/s | errors |
| --- | --- | --- | --- | --- | --- |
{table}

Target p95 < 100 ms on every dashboard: **{'met' if worst < 100 else 'not met'}** (worst {worst:.2f} ms).

## Other pages on the same data (the issue sets them no target; measured in the same rounds)

| page | p50 ms | p95 ms | p99 ms | req/s | errors |
| --- | --- | --- | --- | --- | --- |
{other_table}

## Mid-term report of {state} ({items} recommendations), one download at a time

| format | median ms | runs (ms) | size |
| --- | --- | --- | --- |
| DOCX | **{docx:.1f}** | {', '.join(f'{t:.0f}' for t in times['docx'])} | {sizes['docx'] / 1024:.0f} KB |
| HTML | {html:.1f} | {', '.join(f'{t:.0f}' for t in times['html'])} | {sizes['html'] / 1024:.0f} KB |

Target < 1 s: **{'met' if max(docx, html) < 1000 else 'not met'}**.

## Page weight (uncompressed HTML)

| page | language | size |
| --- | --- | --- |
{weight_lines}
""")
print(open(out).read())
PY
