# Shell functions the benchmark scripts share. Sourced, not run; expects $root (the repository) to be set.

# release_binary: sets $bin. A separate build folder, so a benchmark never waits for (or blocks) the debug build.
# UPR_BIN measures a binary built elsewhere instead (an earlier commit's, for a before-and-after comparison).
release_binary() {
  if [ -n "${UPR_BIN:-}" ]; then
    bin=$UPR_BIN
  else
    swift build -c release --product upr --scratch-path "$root/.build-release" >/dev/null
    bin=$root/.build-release/release/upr
  fi
}

# state_rows DATA STATE OUT: the rows of a UPR Info export about one state, header kept, exactly as exported.
state_rows() {
  python3 - "$1" "$2" "$3" <<'PY'
import csv, sys
source, state, out = sys.argv[1:4]
with open(source, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8", newline="") as g:
    reader, writer = csv.reader(f), csv.writer(g)
    writer.writerow(next(reader))
    writer.writerows(row for row in reader if row[0] == state)
PY
}

# add_organisations BINARY DATABASE: the government bodies that answer for a plan, a coalition and the NHRI.
add_organisations() {
  local kind name
  while IFS='|' read -r kind name; do
    "$1" organisation add "$name" --kind "$kind" --database "$2" >/dev/null
  done <<'ORGS'
ministry|Ministry of Justice
ministry|Ministry of Foreign Affairs
ministry|Ministry of Internal Affairs
ministry|Ministry of Labour and Social Protection of Population
ministry|Ministry of Education
ministry|Ministry of Health
ministry|Ministry of Economy
government-agency|State Committee for Family, Women and Children Affairs
government-agency|State Committee on Religious Associations
government-agency|State Committee for Affairs of Refugees and IDPs
government-agency|State Migration Service
government-agency|Prosecutor General's Office
government-agency|Central Election Commission
cso|NGO Coalition for the UPR
nhri|Commissioner for Human Rights (Ombudsman)
ORGS
}

# engine_database ENGINE FOLDER PORT: sets $db to a new database of ENGINE (a SQLite file in FOLDER/ENGINE, or a
# database of a private PostgreSQL cluster in FOLDER/pg listening on PORT; scripts/postgres.sh must be sourced, and
# FOLDER readable by the postgres user) and defines query SQL, which prints the rows of SQL on it.
engine_database() {
  mkdir -p "$2/$1"
  case $1 in
    sqlite)
      db=$2/$1/bench.sqlite
      query() { sqlite3 "$db" "$1"; } ;;
    postgres)
      pg_start "$2/pg" "$3"
      runuser -u postgres -- "$(pg_bin)/createdb" -h 127.0.0.1 -p "$3" -U postgres -O upr upr_bench
      db=postgres://upr:upr@127.0.0.1:$3/upr_bench
      query() { psql -At "$db" -c "$1"; } ;;
  esac
}

# wait_for_server PORT: until `upr serve` on PORT answers (at most a minute).
wait_for_server() {
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "the server on port $1 did not answer" >&2
  return 1
}

# load_benchmark_setup: what a load benchmark needs before its first engine: sqlite3 and wrk (installed when
# missing), the release binary ($bin), a work folder ($tmp) the postgres user can enter (its private cluster lives
# there), scripts/postgres.sh, and a trap that stops the server ($server), the cluster and removes $tmp on exit.
load_benchmark_setup() {
  for tool in sqlite3 wrk; do
    command -v $tool >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 wrk >/dev/null; }
  done
  release_binary
  tmp=$(mktemp -d)
  chmod 755 "$tmp"
  source scripts/postgres.sh
  trap 'kill ${server:-0} 2>/dev/null || true; pg_stop "$tmp/pg"; rm -rf "$tmp"' EXIT
}
