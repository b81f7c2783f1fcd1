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
