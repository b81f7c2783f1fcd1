#!/usr/bin/env bash
# The API for other systems (issue 17): a data partner's measurement POST with 16 concurrent clients, a data partner
# loading 10,000 measurements one request at a time, and the read endpoints (plan entries, indicators with their
# measurements, rounds, assessments, meetings, organisations), each request a different one, with a token, on SQLite
# and PostgreSQL, on the data of ../dashboard/build.sh (30,258 recommendations, a published plan, 5,000 indicators
# with 100,000 measurements, a closed assessment round). Caches off (UPR_SEARCH_CACHE=0); the token's rate is
# counted on every request as in production, with a limit high enough not to refuse the load.
# Usage: benchmarks/api/run.sh   (ENGINES="sqlite postgres", DURATION=10s per round, three rounds; UPR_BIN=binary,
# LABEL=text). Writes RESULTS.md here and the raw figures beside it (raw-LABEL.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
engines=${ENGINES:-sqlite postgres}
duration=${DURATION:-10s}
state=${STATE:-Azerbaijan}
label=${LABEL:-$(git rev-parse --short HEAD)}
raw=$root/benchmarks/api/raw-$label.txt
port=18392
source benchmarks/common.sh
load_benchmark_setup
: >"$raw"
for engine in $engines; do
  engine_database "$engine" "$tmp" 54392
  echo "== $engine: the data"
  benchmarks/dashboard/build.sh "$bin" "$db" "$state" "$tmp/$engine"
  token=$("$bin" token create --organisation "Ministry of Justice" --scope read --scope measurements:write \
    --name "Benchmark partner" --database "$db" 2>/dev/null)
  query "SELECT id FROM indicators ORDER BY id" >"$tmp/indicators.txt"
  query "SELECT id FROM plan_entries ORDER BY id" >"$tmp/entries.txt"
  query "SELECT id FROM assessments ORDER BY id" >"$tmp/assessments.txt"
  query "SELECT name FROM states ORDER BY name" >"$tmp/states.txt"
  query "SELECT id FROM organisations ORDER BY id" >"$tmp/organisations.txt"
  round=$(query "SELECT MAX(id) FROM assessment_rounds")
  python3 benchmarks/api/paths.py "$tmp" "$state" "$round"

  UPR_SEARCH_CACHE=0 UPR_API_RATE_PER_MINUTE=10000000 "$bin" serve --database "$db" --port $port \
    >"$tmp/$engine/server.log" 2>&1 &
  server=$!
  wait_for_server $port
  printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" >"$tmp/auth.lua"
  cat "$tmp/auth.lua" benchmarks/uncached/paths.lua benchmarks/registry/report.lua >"$tmp/read.lua"
  cat "$tmp/auth.lua" benchmarks/api/post.lua benchmarks/registry/report.lua >"$tmp/post.lua"
  export INDICATORS=$tmp/indicators.txt
  # Warm-up, and a check that the paths answer with the token.
  head -1 "$tmp/reads.txt" | xargs -I{} curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port{}"
  PATHS=$tmp/reads.txt wrk -t2 -c16 -d2s -s "$tmp/read.lua" "http://127.0.0.1:$port" >/dev/null
  for round_number in 1 2 3; do
    for kind in reads measurement-post; do
      case $kind in
        reads) result=$(PATHS=$tmp/reads.txt wrk -t2 -c16 -d"$duration" -s "$tmp/read.lua" "http://127.0.0.1:$port" | grep RESULT) ;;
        measurement-post) result=$(SEED=$round_number wrk -t2 -c16 -d"$duration" -s "$tmp/post.lua" "http://127.0.0.1:$port" | grep RESULT) ;;
      esac
      echo "$engine $kind $result" | tee -a "$raw"
    done
  done
  # One data partner, one request at a time: 10,000 measurements over one connection.
  python3 benchmarks/api/load.py "http://127.0.0.1:$port" "$token" "$tmp/indicators.txt" 10000 \
    | sed "s/^/$engine /" | tee -a "$raw"
  echo "$engine rss_kb $(ps -o rss= -p $server)" | tee -a "$raw"
  echo "$engine measurements $(query "SELECT COUNT(*) FROM measurements")" | tee -a "$raw"
  kill $server; wait $server 2>/dev/null || true
done
python3 benchmarks/api/report.py "$raw" "$root/benchmarks/api/RESULTS.md" "$label" "$duration"
