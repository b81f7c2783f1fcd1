# Shell functions to run a private PostgreSQL cluster for tests and benchmarks. Sourced, not run.
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` system user.

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

pg_install() {
  if ! pg_bin >/dev/null; then
    echo "Installing PostgreSQL (Debian package)…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

# pg_start DIR PORT: a cluster in DIR listening on 127.0.0.1:PORT with role upr/upr and database upr_test.
pg_start() {
  local dir=$1 port=$2 bin
  pg_install
  bin=$(pg_bin)
  mkdir -p "$dir"
  chown postgres "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k /tmp -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'upr') THEN CREATE ROLE upr LOGIN CREATEDB PASSWORD 'upr'; END IF;
END \$\$;
SQL
  if ! runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'upr_test'" | grep -q 1; then
    runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres -O upr upr_test
  fi
}

pg_stop() {
  local dir=$1 bin
  bin=$(pg_bin) || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
}
