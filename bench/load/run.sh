#!/usr/bin/env bash
# Load benchmark (loopback only, bounded): seeds an organization with 1,000 controls, 5,000 evidence records and
# one entered result for each of the 295 requirements, starts the web app (Release, SQLite) and drives with wrk:
#   1. the same gap JSON served as a static file by the same server (the ceiling),
#   2. GET /api/orgs/{id}/gap/iso42001-2023 with a personal access token,
#   3. the dashboard page with a signed-in cookie.
# Prints requests/s, p50/p99 latency, errors and the server's resident memory. Usage: bench/load/run.sh [seconds]
# With --registers it instead seeds 5,000 risks, 500 AI systems and both SoAs and times the register pages
# (bench/load/registers.py): bench/load/run.sh --registers
set -euo pipefail
cd "$(dirname "$0")/../.."
registers=""
if [ "${1:-}" = "--registers" ]; then registers=1; shift; fi
duration="${1:-20}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
trap 'echo "server log:" >&2; tail -20 "$work/server.log" >&2' ERR

dotnet build src/Harmonia.Web -c Release -v quiet -nologo >/dev/null
dotnet build src/Harmonia.Cli -c Release -v quiet -nologo >/dev/null
export ConnectionStrings__Harmonia="Data Source=$work/load.db"
cli() { dotnet src/Harmonia.Cli/bin/Release/net10.0/harmonia.dll "$@"; }

python3 bench/load/make-organization.py > "$work/org.yaml"
HARMONIA_PASSWORD='load test passphrase' cli admin create --email load@example.com >/dev/null
org=$(cli org import "$work/org.yaml" | grep -o '[0-9a-f]\{8\}-[0-9a-f-]\{27\}')
cli org add-member --org "$org" --email load@example.com --role Owner >/dev/null
token=$(cli token create --org "$org" --email load@example.com --name load 2>/dev/null)
# Approvals need someone other than the author.
HARMONIA_PASSWORD='load test approver' cli admin create --email approver@example.com >/dev/null
cli org add-member --org "$org" --email approver@example.com --role Manager >/dev/null
export APPROVER_TOKEN=$(cli token create --org "$org" --email approver@example.com --name approve 2>/dev/null)

port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
mkdir -p "$work/static"
ASPNETCORE_ENVIRONMENT=Production Bench__StaticFolder="$work/static" Logging__LogLevel__Default=Warning \
  dotnet src/Harmonia.Web/bin/Release/net10.0/Harmonia.Web.dll --urls "$base" --contentRoot "$PWD/src/Harmonia.Web" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done

curl -sf -H "Authorization: Bearer $token" "$base/api/orgs/$org/gap/iso42001-2023" > "$work/static/gap.json"
echo "payload: $(wc -c < "$work/static/gap.json") bytes of gap JSON"

# Sign in like a browser: take the form's hidden fields, post them with the credentials, keep the cookie.
page=$(curl -sf -c "$work/cookies" "$base/signin")
field() { echo "$page" | grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//;s/"$//'; }
curl -sf -b "$work/cookies" -c "$work/cookies" -o /dev/null \
  --data-urlencode "__RequestVerificationToken=$(field __RequestVerificationToken)" --data-urlencode "_handler=$(field _handler)" \
  --data-urlencode "Input.Email=load@example.com" --data-urlencode "Input.Password=load test passphrase" "$base/signin"
cookie=$(awk '$6 ~ /Identity/ {print $6"="$7}' "$work/cookies")
curl -sf -H "Cookie: $cookie" "$base/orgs/$org" | grep -q "Load Test Industries" || { echo "error: the dashboard did not render for the signed-in user" >&2; exit 1; }

if [ -n "$registers" ]; then
  python3 bench/load/registers.py "$base" "$org" "$token" "$cookie"
  echo "server resident memory after the runs: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status)"
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
echo "| target | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---|"
run "static file (ceiling): /bench-static/gap.json" "$base/bench-static/gap.json"
run "gap API: /api/orgs/{id}/gap/iso42001-2023" -H "Authorization: Bearer $token" "$base/api/orgs/$org/gap/iso42001-2023"
run "dashboard page: /orgs/{id}" -H "Cookie: $cookie" "$base/orgs/$org"
echo "server resident memory after the runs: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status)"
