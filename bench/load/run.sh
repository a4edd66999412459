#!/usr/bin/env bash
# Load benchmark (loopback only, bounded): seeds an organization with 1,000 controls, 5,000 evidence records and
# one entered result for each of the 295 requirements, starts the web app (Release, SQLite) and drives with wrk:
#   1. the same gap JSON served as a static file by the same server (the ceiling),
#   2. GET /api/orgs/{id}/gap/iso42001-2023 with a personal access token,
#   3. the dashboard page with a signed-in cookie;
# each is first warmed up for 5 s (not reported).
# Prints requests/s, p50/p99 latency, errors and the server's resident memory. Usage: bench/load/run.sh [seconds]
# With --registers it instead seeds 5,000 risks, 500 AI systems and both SoAs and times the register pages
# (bench/load/registers.py): bench/load/run.sh --registers
# With --tenfold it seeds ten times today's data (issue 17 item 7): 100 organizations holding 10,000 controls, 50,000
# evidence records, 50,000 risks and 5,000 AI systems (bench/load/make-tenfold.py; the measured organization holds
# 1,000 controls, 5,000 evidence records, 5,000 risks and 500 AI systems) through the CLI, runs the same three wrk
# targets against the measured organization, then times its register pages and list APIs (bench/load/tenfold-pages.py)
# and prints the server's resident and peak memory: bench/load/run.sh --tenfold [--postgres] [seconds]
# TENFOLD_SCALE=0.02 TENFOLD_ORGS=3 shrink every count and the number of organizations, for trying the script.
# With --postgres the database is PostgreSQL: a database harmonia_tenfold (dropped first if it exists, and at the end)
# on PG_HOST:PG_PORT (127.0.0.1:55432) as PG_USER (harmonia), trust authentication.
# TENFOLD_SEED=DIR keeps the seeded data for the next run: the first run seeds and leaves DIR/load.db (SQLite) or the
# database harmonia_tenfold_seed (PostgreSQL) with the organization id in DIR; later runs measure a copy of it (seeding
# takes 10-25 minutes; a copy keeps every run on the same data, since the pages script saves and approves SoAs).
set -euo pipefail
cd "$(dirname "$0")/../.."
registers=""; tenfold=""; postgres=""
while [ $# -gt 0 ]; do
  case "$1" in
    --registers) registers=1; shift ;;
    --tenfold) tenfold=1; shift ;;
    --postgres) postgres=1; shift ;;
    *) break ;;
  esac
done
duration="${1:-20}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
server=""
pg_host="${PG_HOST:-127.0.0.1}"; pg_port="${PG_PORT:-55432}"; pg_user="${PG_USER:-harmonia}"; pg_db=harmonia_tenfold
psql_admin() { PGOPTIONS='-c client_min_messages=warning' psql -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres "$@"; }
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null
  if [ -n "$postgres" ]; then
    if [ -n "$server" ]; then # measured once the server has let go of its connections (the PostgreSQL server may be shared)
      for _ in 1 2 3 4 5; do size=$(psql_admin -tAc "SELECT pg_size_pretty(pg_database_size('$pg_db'))" 2>/dev/null) && break; sleep 2; done
      echo "database size: ${size:-not read}"
    fi
    psql_admin -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  [ -n "${KEEP_WORK:-}" ] && echo "work folder kept: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "server log:" >&2; tail -20 "$work/server.log" >&2 2>/dev/null || true' ERR

# Builds wait for each other on a shared machine (a server started later must not inherit the lock).
build() { if command -v flock >/dev/null; then flock /tmp/harmonia-build.lock dotnet build "$@"; else dotnet build "$@"; fi; }
# SKIP_BUILD=1 uses the Release builds already there (a shared machine's build lock can be held for minutes).
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f src/Harmonia.Web/bin/Release/net10.0/Harmonia.Web.dll ] || [ ! -f src/Harmonia.Cli/bin/Release/net10.0/harmonia.dll ]; then
  build src/Harmonia.Web -c Release -v quiet -nologo >/dev/null
  build src/Harmonia.Cli -c Release -v quiet -nologo >/dev/null
fi
if [ -n "$postgres" ]; then
  psql_admin -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" -c "CREATE DATABASE $pg_db" >/dev/null 2>&1
  export Database__Provider=Postgres ConnectionStrings__Harmonia="Host=$pg_host;Port=$pg_port;Username=$pg_user;Database=$pg_db"
  echo "database: PostgreSQL $(psql_admin -tAc 'SHOW server_version') at $pg_host:$pg_port, database $pg_db"
else
  export ConnectionStrings__Harmonia="Data Source=$work/load.db"
  echo "database: SQLite file $work/load.db"
fi
cli() { dotnet src/Harmonia.Cli/bin/Release/net10.0/harmonia.dll "$@"; }
uuid='[0-9a-f]\{8\}-[0-9a-f-]\{27\}'

seed_dir="${TENFOLD_SEED:-}"; reused=""
if [ -n "$tenfold" ] && [ -n "$seed_dir" ] && [ -f "$seed_dir/ready" ]; then
  reused=1
  if [ -n "$postgres" ]; then
    psql_admin -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" -c "CREATE DATABASE $pg_db TEMPLATE harmonia_tenfold_seed" >/dev/null
  else
    cp "$seed_dir"/load.db* "$work/"
  fi
  org=$(cat "$seed_dir/org")
  echo "seeded data reused from $seed_dir (organization $org)"
else
  HARMONIA_PASSWORD='load test passphrase' cli admin create --email load@example.com >/dev/null
fi
if [ -n "$reused" ]; then
  :
elif [ -n "$tenfold" ]; then
  python3 bench/load/make-tenfold.py "$work/seed" "${TENFOLD_SCALE:-1}" "${TENFOLD_ORGS:-100}"
  seed() { # one organization: its file, then its risk register; prints its id
    local n="$1" id
    id=$(cli org import "$work/seed/org-$n.yaml" | grep -o "$uuid" | head -1)
    echo "$id" > "$work/id-$n"
    date +%s%N > "$work/imported-$n"
    cli import risks --org "$id" "$work/seed/risks-$n.csv" > "$work/risks-$n.log" 2>&1 || { tail -5 "$work/risks-$n.log" >&2; return 1; }
  }
  started=$(date +%s%N)
  seed 000
  org=$(cat "$work/id-000"); imported=$(cat "$work/imported-000")
  measured_s=$(( ($(date +%s%N) - started) / 1000000000 ))
  echo "measured organization $org: org import $(( (imported - started) / 1000000 )) ms, risk import $(( ($(date +%s%N) - imported) / 1000000 )) ms ($(grep "^Add" "$work/risks-000.log"))"
  # The other organizations one after the other on SQLite (one writer); on PostgreSQL SEED_JOBS (2) at a time.
  jobs_at_once=1; [ -n "$postgres" ] && jobs_at_once="${SEED_JOBS:-2}"
  rest=$(date +%s)
  for yaml in "$work"/seed/org-*.yaml; do
    n=$(basename "$yaml" .yaml); n=${n#org-}
    [ "$n" = "000" ] && continue
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_at_once" ]; do wait -n || { echo "error: seeding an organization failed" >&2; exit 1; }; done
    seed "$n" &
  done
  while [ "$(jobs -rp | wc -l)" -gt 0 ]; do wait -n || { echo "error: seeding an organization failed" >&2; exit 1; }; done
  echo "seeded $(ls "$work"/id-* | wc -l) organizations through the CLI ('org import', then 'import risks', each a process of its own): the measured one in $measured_s s, the other $(( $(ls "$work"/id-* | wc -l) - 1 )) in $(( $(date +%s) - rest )) s, $jobs_at_once at a time"
else
  python3 bench/load/make-organization.py > "$work/org.yaml"
  org=$(cli org import "$work/org.yaml" | grep -o "$uuid")
fi
if [ -z "$reused" ]; then
  cli org add-member --org "$org" --email load@example.com --role Owner >/dev/null
  # Approvals need someone other than the author.
  HARMONIA_PASSWORD='load test approver' cli admin create --email approver@example.com >/dev/null
  cli org add-member --org "$org" --email approver@example.com --role Manager >/dev/null
  if [ -n "$tenfold" ] && [ -n "$seed_dir" ]; then
    mkdir -p "$seed_dir"; echo "$org" > "$seed_dir/org"
    if [ -n "$postgres" ]; then
      psql_admin -c "DROP DATABASE IF EXISTS harmonia_tenfold_seed WITH (FORCE)" -c "CREATE DATABASE harmonia_tenfold_seed TEMPLATE $pg_db" >/dev/null
    else
      sqlite3 "$work/load.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null 2>&1 || true
      cp "$work"/load.db* "$seed_dir/"
    fi
    touch "$seed_dir/ready"; echo "seeded data kept in $seed_dir for the next run"
  fi
fi
token=$(cli token create --org "$org" --email load@example.com --name load 2>/dev/null)
export APPROVER_TOKEN=$(cli token create --org "$org" --email approver@example.com --name approve 2>/dev/null)

port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
mkdir -p "$work/static"
ASPNETCORE_ENVIRONMENT=Production Bench__StaticFolder="$work/static" Logging__LogLevel__Default=Warning \
  dotnet src/Harmonia.Web/bin/Release/net10.0/Harmonia.Web.dll --urls "$base" --contentRoot "$PWD/src/Harmonia.Web" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "$base/health/ready" >/dev/null || { echo "error: the server did not report ready in 120 s" >&2; tail -20 "$work/server.log" >&2; exit 1; }

curl -sf -H "Authorization: Bearer $token" "$base/api/orgs/$org/gap/iso42001-2023" > "$work/static/gap.json"
echo "payload: $(wc -c < "$work/static/gap.json") bytes of gap JSON"

# Sign in like a browser: take the form's hidden fields, post them with the credentials, keep the cookie.
page=$(curl -sf -c "$work/cookies" "$base/signin")
field() { echo "$page" | grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//;s/"$//'; }
curl -sf -b "$work/cookies" -c "$work/cookies" -o "$work/signin.html" -D "$work/signin.headers" \
  --data-urlencode "__RequestVerificationToken=$(field __RequestVerificationToken)" --data-urlencode "_handler=$(field _handler)" \
  --data-urlencode "Input.Email=load@example.com" --data-urlencode "Input.Password=load test passphrase" "$base/signin"
cookie=$(awk '$6 ~ /Identity/ {print $6"="$7}' "$work/cookies")
dashboard=$(curl -s -o "$work/dashboard.html" -D "$work/dashboard.headers" -w '%{http_code}' -H "Cookie: $cookie" "$base/orgs/$org" || true)
grep -q "Load Test Industries" "$work/dashboard.html" 2>/dev/null || {
  echo "error: the dashboard did not render for the signed-in user (status $dashboard; the sign-in answered $(head -1 "$work/signin.headers" | tr -d '\r'), cookie names: $(awk 'NF>=7 {print $6}' "$work/cookies" | tr '\n' ' '))" >&2
  grep -i '^location' "$work/signin.headers" "$work/dashboard.headers" >&2 || true
  grep -o '<title>[^<]*' "$work/dashboard.html" >&2 || true
  tail -20 "$work/server.log" >&2; exit 1; }

if [ -n "$registers" ]; then
  python3 bench/load/registers.py "$base" "$org" "$token" "$cookie"
  echo "server resident memory after the runs: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status), peak $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
  exit 0
fi

run() { # name, then wrk arguments
  local name="$1"; shift
  local out; out=$(wrk -t2 -c16 -d"${duration}s" --latency "$@")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${errors:-none}"
}
# Warm-up, not reported: each target's first seconds include the server compiling its code paths, and the ceiling,
# measured first, paid for that alone.
wrk -t2 -c16 -d5s "$base/bench-static/gap.json" >/dev/null
wrk -t2 -c16 -d5s -H "Authorization: Bearer $token" "$base/api/orgs/$org/gap/iso42001-2023" >/dev/null
wrk -t2 -c16 -d5s -H "Cookie: $cookie" "$base/orgs/$org" >/dev/null
echo "| target | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---|"
run "static file (ceiling): /bench-static/gap.json" "$base/bench-static/gap.json"
run "gap API: /api/orgs/{id}/gap/iso42001-2023" -H "Authorization: Bearer $token" "$base/api/orgs/$org/gap/iso42001-2023"
run "dashboard page: /orgs/{id}" -H "Cookie: $cookie" "$base/orgs/$org"
# The ceiling and the gap API once more, alternately, in five rounds of 5 s: this machine's capacity drifts by a
# quarter within a minute (it shares its host), so the share is taken per round from two measurements seconds apart,
# and the median of the five is the figure to quote.
echo
echo "| round | ceiling requests/s | gap API requests/s | gap API p99 | share of the ceiling |"
echo "|---|---:|---:|---:|---:|"
shares=""
for round in 1 2 3 4 5; do
  ceiling=$(wrk -t2 -c16 -d5s "$base/bench-static/gap.json" | awk '/Requests\/sec/ {print $2}')
  gap=$(wrk -t2 -c16 -d5s --latency -H "Authorization: Bearer $token" "$base/api/orgs/$org/gap/iso42001-2023" | awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {print r, p}')
  share=$(awk -v c="$ceiling" -v g="${gap% *}" 'BEGIN {printf "%.1f", 100 * g / c}')
  shares="$shares $share"
  printf '| %s | %s | %s | %s | %s %% |\n' "$round" "$ceiling" "${gap% *}" "${gap#* }" "$share"
done
echo "gap API share of the ceiling, median of the five rounds: $(echo $shares | tr ' ' '\n' | sort -n | sed -n 3p) %"
if [ -n "$tenfold" ]; then
  echo "server resident memory after the wrk runs: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status), peak $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
  python3 bench/load/tenfold-pages.py "$base" "$org" "$token" "$cookie"
fi
echo "server resident memory after the runs: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status), peak $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
[ -n "$postgres" ] || echo "database size: $(du -ch "$work"/load.db* | tail -1 | cut -f1) (SQLite file with its WAL)"
echo "server log: $(grep -c . "$work/server.log") lines, $(grep -ci 'fail\|exception' "$work/server.log" || true) with fail or exception"
grep -i 'fail\|exception' "$work/server.log" | head -20 || true
