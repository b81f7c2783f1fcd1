#!/usr/bin/env bash
# Builds the benchmark data set that the dashboard and uncached-page benchmarks serve, in SQLite or PostgreSQL:
#  - a registry of every recommendation in the UPR Info export of sessions 1-16 (30,258 rows, ../shared/data),
#  - the plan of one state (the exported annex 8.1 matrix filled by ../plan/fill_matrix.py and imported back, every
#    entry published),
#  - 5,000 indicators spread over all recommendations (one in six; those of the state through its plan entries) with
#    20 accepted measurements each (100,000), and a closed assessment round of the state in which the government, the
#    NHRI and a CSO assessed every recommendation (generate.sql).
# Usage: benchmarks/dashboard/build.sh UPR_BINARY DATABASE STATE WORK_FOLDER
#   DATABASE is a SQLite file (made anew) or a postgres:// URL of an empty database.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bin=$1 db=$2 state=$3 tmp=$4
source benchmarks/common.sh
data=${UPR_DATA:-$root/../shared/data/upr-info/recommendations-sessions-01-16.csv}

# One SQL runner for both engines: generate.sql is written in the SQL they share.
run_sql() {
  case "$db" in
    postgres://* | postgresql://*) grep -v '^PRAGMA' | psql -q -v ON_ERROR_STOP=1 "$db" >/dev/null ;;
    *) sqlite3 "$db" ;;
  esac
}

echo "== The registry: every recommendation of the export"
"$bin" import "$data" --database "$db"

echo "== Government bodies, a coalition, the NHRI"
add_organisations "$bin" "$db"

echo "== The plan of $state"
state_rows "$data" "$state" "$tmp/state.csv"
"$bin" export --format matrix-csv --state "$state" --out "$tmp/empty.csv" --database "$db"
python3 "$root/benchmarks/plan/fill_matrix.py" "$tmp/empty.csv" "$tmp/state.csv" "$tmp/plan.csv"
"$bin" import "$tmp/plan.csv" --state "$state" --database "$db"

echo "== Indicators, measurements and an assessment round"
sed "s/@STATE@/$state/g" "$root/benchmarks/dashboard/generate.sql" | run_sql
echo "SELECT 'recommendations', COUNT(*) FROM recommendations UNION ALL SELECT 'indicators', COUNT(*) FROM indicators
  UNION ALL SELECT 'measurements', COUNT(*) FROM measurements UNION ALL SELECT 'assessments', COUNT(*) FROM assessments
  UNION ALL SELECT 'plan entries', COUNT(*) FROM plan_entries;" >"$tmp/counts.sql"
case "$db" in
  postgres://* | postgresql://*) psql -At -F '|' "$db" -f "$tmp/counts.sql" ;;
  *) sqlite3 "$db" <"$tmp/counts.sql" ;;
esac | tee "$tmp/counts"
