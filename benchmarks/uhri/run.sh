#!/usr/bin/env bash
# UHRI import benchmark (issue 13, "Performance"), measured in one run on this machine. Inputs are made by
# make_export.py from the registry's real texts (../shared/data, the UPR Info export of sessions 1-16) into
# $UHRI_BENCH_DIR (default /tmp/uhri-bench), never into the repository:
#  1. a UHRI JSON export of RECORDS records (default 267,548, the size of UHRI's full export); target < 60 s and
#     < 500 MB peak memory,
#  2. a UHRI XLSX export of XLSX_ROWS rows (default 30,000; the first records of the JSON); target < 10 s,
#  3. the same RECORDS recommendations as a UPR Info CSV export, for the comparison.
# Each run imports each file into a fresh SQLite file (`upr import FILE --database DB`), the three interleaved, wall
# time and peak RSS by /usr/bin/time -v; then checks the number of records in the database with sqlite3.
# Builds nothing: UPR_BIN (default .build-release/release/upr) is the binary measured, e.g. after
#   swift build -c release --product upr --scratch-path .build-release
# Usage: benchmarks/uhri/run.sh   (RUNS=3; OUT=file writes the results there instead of RESULTS.md here;
#        KEEP=1 keeps the data and the databases; REGENERATE=1 makes the inputs anew even when they exist)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
runs=${RUNS:-3}
records=${RECORDS:-267548}
xlsx_rows=${XLSX_ROWS:-30000}
dir=${UHRI_BENCH_DIR:-/tmp/uhri-bench}
out=${OUT:-$root/benchmarks/uhri/RESULTS.md}
bin=${UPR_BIN:-$root/.build-release/release/upr}
[ -x "$bin" ] || { echo "no binary at $bin: build it (see the top of this script) or set UPR_BIN" >&2; exit 1; }
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

echo "== Data: $records records (JSON, UPR Info CSV) and $xlsx_rows workbook rows, in $dir"
mkdir -p "$dir"
stamp="$dir/.made-$records-$xlsx_rows-$(sha256sum benchmarks/uhri/make_export.py | cut -c1-12)"
if [ -n "${REGENERATE:-}" ] || [ ! -e "$stamp" ]; then
  rm -f "$dir"/.made-*
  UHRI_BENCH_DIR=$dir python3 benchmarks/uhri/make_export.py --records "$records" --xlsx-rows "$xlsx_rows" \
    | tee "$dir/made.txt"
  touch "$stamp"
else
  cat "$dir/made.txt"
fi
json=$dir/uhri-export.json
xlsx=$dir/uhri-export.xlsx
csv=$dir/uprinfo-export.csv

work=$dir/runs
rm -rf "$work"
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
uptime >"$work/load-before"

# One import into a fresh database: "label seconds max-rss-kB records-in-db exit-code" appended to $work/times.
measure() {
  local label=$1 file=$2 run=$3
  local db=$work/$label-$run.sqlite
  rm -f "$db"*
  local rc=0
  /usr/bin/time -v -o "$work/$label-$run.time" "$bin" import "$file" --database "$db" \
    >"$work/$label-$run.out" 2>"$work/$label-$run.err" || rc=$?
  local wall rss count cpu
  read -r wall cpu < <(python3 - "$work/$label-$run.time" <<'PY'
import sys
wall = cpu = 0.0
for line in open(sys.argv[1]):
    if "Elapsed (wall clock)" in line:
        parts = line.rsplit(": ", 1)[1].strip().split(":")
        wall = sum(float(p) * 60 ** i for i, p in enumerate(reversed(parts)))
    if "User time" in line or "System time" in line:
        cpu += float(line.rsplit(": ", 1)[1])
print(wall, cpu)
PY
)
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$label-$run.time")
  count=$(sqlite3 "$db" "SELECT count(*) FROM recommendations" 2>/dev/null || echo 0)
  echo "$label $wall $rss $count $rc $cpu" | tee -a "$work/times"
  if [ "$rc" != 0 ]; then sed -n '1,5p' "$work/$label-$run.err" "$work/$label-$run.out"; fi
  tail -n 3 "$work/$label-$run.out" | sed 's/^/    /'
  # Only the last run's databases are kept (for the counts by kind below, and for KEEP=1).
  [ "$run" = "$runs" ] || rm -f "$db"*
}

echo "== Imports, $runs runs, interleaved (UHRI JSON, UHRI XLSX, UPR Info CSV)"
: >"$work/times"
for run in $(seq 1 "$runs"); do
  measure json "$json" "$run"
  measure xlsx "$xlsx" "$run"
  measure csv "$csv" "$run"
done
uptime >"$work/load-after"
for label in json xlsx csv; do
  sqlite3 "$work/$label-$runs.sqlite" \
    "SELECT '$label', mechanism, kind, count(*) FROM recommendations GROUP BY mechanism, kind ORDER BY 4 DESC" \
    >>"$work/kinds" 2>/dev/null || true
  "$bin" stats --database "$work/$label-$runs.sqlite" >"$work/stats-$label.txt" 2>&1 || true
done

python3 - "$work" "$out" "$runs" "$records" "$xlsx_rows" "$dir/made.txt" "$bin" <<'PY'
import datetime, os, statistics, subprocess, sys
work, out, runs, records, xlsx_rows, made, binary = sys.argv[1:8]
records, xlsx_rows = int(records), int(xlsx_rows)
rows = {"json": [], "xlsx": [], "csv": []}
for line in open(os.path.join(work, "times")):
    label, wall, rss, count, rc, cpu = line.split()
    rows[label].append((float(wall), int(rss), int(count), int(rc), float(cpu)))
def med(label): return statistics.median(r[0] for r in rows[label])
def cpu(label): return statistics.median(r[4] for r in rows[label])
def peak(label): return max(r[1] for r in rows[label]) / 1024
def counts(label): return sorted({r[2] for r in rows[label]})
def failed(label): return sum(1 for r in rows[label] if r[3] != 0)
def run_list(label): return ", ".join("%.1f" % r[0] for r in rows[label])
lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()[:10]
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
before = open(os.path.join(work, "load-before")).read().strip()
after = open(os.path.join(work, "load-after")).read().strip()
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
kinds = open(os.path.join(work, "kinds")).read().strip() if os.path.exists(os.path.join(work, "kinds")) else ""
def verdict(ok): return "**met**" if ok else "**not met**"
json_ok = med("json") < 60 and peak("json") < 500 and not failed("json") and counts("json") == [records]
xlsx_ok = med("xlsx") < 10 and not failed("xlsx") and counts("xlsx") == [xlsx_rows]
size = lambda name: os.path.getsize(os.path.join(os.path.dirname(made), name)) / 1e6
with open(out, "w") as f:
    f.write(f"""# UHRI import benchmark

Command: `RUNS={runs} UPR_BIN={binary} benchmarks/uhri/run.sh` (release build of `{commit}`). Date:
{datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}. Machine: {nproc} cores, {int(mem)//1024//1024} GiB.

```
{chr(10).join(lscpu)}
```

Load before: `{before}`
Load after: `{after}`

Data (`make_export.py`, from the UPR Info export of sessions 1-16 in ../shared/data): {open(made).read().splitlines()[0]}.
Files: UHRI JSON {size('uhri-export.json'):.0f} MB, UHRI XLSX {size('uhri-export.xlsx'):.1f} MB, UPR Info CSV
{size('uprinfo-export.csv'):.0f} MB. Each run imports each file into a fresh SQLite file, the three in turn; wall
time and peak RSS from `/usr/bin/time -v`; medians of {runs} runs.

| file | records | median wall s | runs (s) | median CPU s (user + sys) | peak RSS (max of runs) | records in the database | target |
| --- | ---: | ---: | --- | ---: | ---: | --- | --- |
| UHRI JSON | {records:,} | **{med('json'):.1f}** | {run_list('json')} | {cpu('json'):.1f} | **{peak('json'):.0f} MB** | {', '.join(map(str, counts('json')))} | < 60 s, < 500 MB: {verdict(json_ok)} |
| UHRI XLSX | {xlsx_rows:,} | **{med('xlsx'):.1f}** | {run_list('xlsx')} | {cpu('xlsx'):.1f} | {peak('xlsx'):.0f} MB | {', '.join(map(str, counts('xlsx')))} | < 10 s: {verdict(xlsx_ok)} |
| UPR Info CSV (same texts) | {records:,} | {med('csv'):.1f} | {run_list('csv')} | {cpu('csv'):.1f} | {peak('csv'):.0f} MB | {', '.join(map(str, counts('csv')))} | (comparison) |

Failed imports: JSON {failed('json')}, XLSX {failed('xlsx')}, CSV {failed('csv')}. Per record: UHRI JSON
{med('json') / records * 1e6:.0f} µs, UHRI XLSX {med('xlsx') / xlsx_rows * 1e6:.0f} µs, UPR Info CSV {med('csv') / records * 1e6:.0f} µs.

Records by mechanism and kind in the last run's databases (file, mechanism, kind, count):

```
{kinds}
```
""")
print(open(out).read())
PY
