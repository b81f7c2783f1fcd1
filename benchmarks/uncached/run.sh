#!/usr/bin/env bash
# Uncached pages (issue 15): every page that has a latency budget, served with every result cache off
# (UPR_SEARCH_CACHE=0) and every request a different query, 16 concurrent clients (wrk, 2 threads), on SQLite and on
# PostgreSQL, on the data of ../dashboard/build.sh (30,258 UPR Info recommendations, a published plan, 5,000
# indicators with 100,000 measurements, a closed assessment round).
# Usage: benchmarks/uncached/run.sh   (ENGINES="sqlite postgres", DURATION=10s per round, three rounds; UPR_BIN=binary
# to measure one built elsewhere, LABEL=text and OUT=file to write the results elsewhere). Writes RESULTS.md here and
# the raw figures beside it (raw-LABEL.txt), which BEFORE=raw-file adds as a before/after table.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
engines=${ENGINES:-sqlite postgres}
duration=${DURATION:-10s}
state=${STATE:-Azerbaijan}
label=${LABEL:-$(git rev-parse --short HEAD)}
out=${OUT:-$root/benchmarks/uncached/RESULTS.md}
raw=$root/benchmarks/uncached/raw-$label.txt
data=${UPR_DATA:-$root/../shared/data/upr-info/recommendations-sessions-01-16.csv}
port=18391
source benchmarks/common.sh
load_benchmark_setup
pages="search-api list-page recommendation-page recommendation-api dashboard indicator-list round-page"
: >"$raw"
for engine in $engines; do
  engine_database "$engine" "$tmp" 54391
  echo "== $engine: the data"
  benchmarks/dashboard/build.sh "$bin" "$db" "$state" "$tmp/$engine"
  query "SELECT id FROM recommendations ORDER BY id" >"$tmp/ids.txt"
  query "SELECT name FROM states ORDER BY name" >"$tmp/states.txt"
  round=$(query "SELECT MAX(id) FROM assessment_rounds")
  python3 benchmarks/uncached/paths.py "$data" "$tmp/ids.txt" "$tmp/states.txt" "$round" "$tmp"

  UPR_SEARCH_CACHE=0 "$bin" serve --database "$db" --port $port >"$tmp/$engine/server.log" 2>&1 &
  server=$!
  wait_for_server $port
  cat benchmarks/uncached/paths.lua benchmarks/registry/report.lua >"$tmp/load.lua"
  for page in $pages; do  # warm-up, and a check that every path answers
    head -1 "$tmp/$page.txt" | xargs -I{} curl -fs -o /dev/null "http://127.0.0.1:$port{}"
    PATHS=$tmp/$page.txt wrk -t2 -c16 -d2s -s "$tmp/load.lua" "http://127.0.0.1:$port" >/dev/null
  done
  for round_number in 1 2 3; do
    for page in $pages healthz; do
      if [ "$page" = healthz ]; then echo /healthz >"$tmp/healthz.txt"; fi
      result=$(PATHS=$tmp/$page.txt wrk -t2 -c16 -d"$duration" -s "$tmp/load.lua" "http://127.0.0.1:$port" | grep RESULT)
      echo "$engine $page $result" | tee -a "$raw"
    done
  done
  echo "$engine rss_kb $(ps -o rss= -p $server)" | tee -a "$raw"
  kill $server; wait $server 2>/dev/null || true
done
counts=$(cat "$tmp"/*/counts | sort -u)
python3 benchmarks/uncached/report.py "$raw" "$out" "$label" "$duration" "$counts" ${BEFORE:+"$BEFORE"}
