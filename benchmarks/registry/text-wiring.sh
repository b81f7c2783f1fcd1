#!/usr/bin/env bash
# What wiring the text intelligence into the product costs (issue 5, part 3), measured side by side in one run:
#  1. `upr import` of recommendations-sessions-01-16.csv into a fresh SQLite database with this build and with a
#     baseline build (BASELINE=/path/to/upr, e.g. a release build of the commit before the wiring), alternating.
#     The import now also works out the recurring recommendations of every state it touches (and suggests labels
#     for unlabelled records: none in this file). Budget: at most 0.3 s more than the baseline. Wall and CPU times.
#  2. The recommendation page (similar recommendations included) on that registry once the similarity index is warm:
#     p50/p95/p99 over 200 recommendations, one client and four. Target: p95 well under 50 ms.
# Usage: BASELINE=/tmp/upr-baseline benchmarks/registry/text-wiring.sh   (RUNS=5). Writes TEXT-WIRING.md here.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
data=${UPR_DATA:-$root/../shared/data/upr-info/recommendations-sessions-01-16.csv}
runs=${RUNS:-5}
out=$root/benchmarks/registry/TEXT-WIRING.md
for tool in wrk; do
  command -v $tool >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
done
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
swift build -c release --product upr --scratch-path "$root/.build-release" >/dev/null
bin=$root/.build-release/release/upr
baseline=${BASELINE:?set BASELINE to the upr binary to compare with}
tmp=$(mktemp -d)
trap 'kill ${server:-0} 2>/dev/null || true; rm -rf "$tmp"' EXIT

echo "== Import, $runs runs each (alternating)"
: >"$tmp/times"
for i in $(seq 1 "$runs"); do
  # Which goes first alternates, so that neither side always runs in the wake of the other's disk writes.
  order="baseline wired"; [ $((i % 2)) = 0 ] && order="wired baseline"
  for side in $order; do
    exe=$bin; [ $side = baseline ] && exe=$baseline
    rm -f "$tmp/$side.sqlite"*
    /usr/bin/time -f "$side %e %M %U %S" -a -o "$tmp/times" "$exe" import "$data" --database "$tmp/$side.sqlite" >/dev/null
  done
done
cat "$tmp/times"
sqlite3 "$tmp/wired.sqlite" "SELECT COUNT(*), COUNT(DISTINCT state_id) FROM recurrence_groups" >"$tmp/groups"
sqlite3 "$tmp/wired.sqlite" "SELECT COUNT(*) FROM recurrence_members" >"$tmp/recurring"

echo "== Recommendation page"
"$bin" serve --database "$tmp/wired.sqlite" --port 18191 >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs http://127.0.0.1:18191/healthz >/dev/null 2>&1 && break; sleep 0.2; done
# 200 recommendations spread over the registry.
sqlite3 "$tmp/wired.sqlite" "SELECT id FROM recommendations WHERE id % 146 = 0 ORDER BY id LIMIT 200" >"$tmp/ids"
start=$(date +%s.%N)
curl -fs -o /dev/null "http://127.0.0.1:18191/recommendations/$(head -1 "$tmp/ids")"
first=$(echo "$(date +%s.%N) - $start" | bc)
{
  echo "local ids = {"
  sed 's/.*/  "&",/' "$tmp/ids"
  echo "}"
  cat <<'LUA'
local i = 0
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/recommendations/" .. ids[i])
end
LUA
  cat benchmarks/registry/report.lua
} >"$tmp/page.lua"
wrk -t1 -c1 -d2s -s "$tmp/page.lua" http://127.0.0.1:18191 >/dev/null  # warm-up
: >"$tmp/load"
for round in 1 2 3; do
  echo "c1 $(wrk -t1 -c1 -d5s -s "$tmp/page.lua" http://127.0.0.1:18191 | grep RESULT)" >>"$tmp/load"
  echo "c4 $(wrk -t2 -c4 -d5s -s "$tmp/page.lua" http://127.0.0.1:18191 | grep RESULT)" >>"$tmp/load"
done
cat "$tmp/load"

python3 - "$tmp/times" "$tmp/load" "$out" "$data" "$runs" "$first" "$tmp/groups" "$tmp/recurring" <<'PY'
import statistics, sys, subprocess, datetime, platform, os
times, load, out, data, runs, first, groups, recurring = sys.argv[1:9]
imp = {"baseline": [], "wired": []}
for line in open(times):
    parts = line.split()
    if len(parts) == 5 and parts[0] in imp:
        imp[parts[0]].append((float(parts[1]), int(parts[2]), float(parts[3]) + float(parts[4])))
base = statistics.median(t for t, _, _ in imp["baseline"])
ours = statistics.median(t for t, _, _ in imp["wired"])
base_cpu = statistics.median(c for _, _, c in imp["baseline"])
ours_cpu = statistics.median(c for _, _, c in imp["wired"])
pairs = [w[0] - b[0] for b, w in zip(imp["baseline"], imp["wired"])]
cpu_pairs = [w[2] - b[2] for b, w in zip(imp["baseline"], imp["wired"])]
rows = {"c1": [], "c4": []}
for line in open(load):
    parts = line.split()
    rows[parts[0]].append([float(x) for x in parts[2:7]])
def med(kind, i): return statistics.median(r[i] for r in rows[kind])
count, states = open(groups).read().strip().split("|")
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
load_avg = " ".join(f"{x:.2f}" for x in os.getloadavg())
with open(out, "w") as f:
    f.write(f"""# Text intelligence in the product: what it costs

Command: `BASELINE=… benchmarks/registry/text-wiring.sh` (RUNS={runs}). Machine: {cpu}, {nproc} cores;
{datetime.date.today().isoformat()}; load average at the end {load_avg} (the machine is shared with other builds, so
absolute times move between runs; the two imports of each round run back to back, in alternating order). Release
builds.

## `upr import {data.split('/')[-1]}` into a fresh SQLite database

| | median wall seconds | runs | median CPU seconds (user + system) |
| --- | --- | --- | --- |
| baseline (before the wiring) | {base:.2f} | {', '.join(f'{t:.2f}' for t, _, _ in imp['baseline'])} | {base_cpu:.2f} |
| with suggestions and recurrence groups | {ours:.2f} | {', '.join(f'{t:.2f}' for t, _, _ in imp['wired'])} | {ours_cpu:.2f} |
| difference of the medians (budget ≤ 0.3 s) | **{ours - base:+.2f} s** | per round: {', '.join(f'{d:+.2f}' for d in pairs)} | {ours_cpu - base_cpu:+.2f} |
| median of the differences per round | {statistics.median(pairs):+.2f} s | | {statistics.median(cpu_pairs):+.2f} (per round: {', '.join(f'{d:+.2f}' for d in cpu_pairs)}) |

Peak memory: baseline {max(m for _, m, _ in imp['baseline'])/1024:.0f} MB, wired {max(m for _, m, _ in imp['wired'])/1024:.0f} MB.
Every row of this file is labelled, so the classifier is not loaded. The import stores {count} groups of
recommendations made to a state again in another cycle or by another mechanism ({states} states,
{open(recurring).read().strip()} recommendations that the `recurring` filter finds).

## Recommendation page (`/recommendations/{{id}}`, with its ten similar recommendations), 200 different ids

| clients | p50 ms | p95 ms | p99 ms | req/s | errors |
| --- | --- | --- | --- | --- | --- |
| 1 | {med('c1',0):.2f} | **{med('c1',1):.2f}** | {med('c1',2):.2f} | {med('c1',3):.0f} | {int(sum(r[4] for r in rows['c1']))} |
| 4 | {med('c4',0):.2f} | **{med('c4',1):.2f}** | {med('c4',2):.2f} | {med('c4',3):.0f} | {int(sum(r[4] for r in rows['c4']))} |

Medians of 3 rounds of 5 s after a 2 s warm-up. The server starts building its similarity index over every stored
recommendation when it starts; the first page, asked for as soon as the server answered, took {float(first):.2f} s.
""")
print(open(out).read())
PY
