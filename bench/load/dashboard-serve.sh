#!/usr/bin/env bash
# Starts one Release build of Harmonia (the tree given, built with `dotnet build src/Harmonia.Web -c Release` and
# the same for src/Harmonia.Cli) on SQLite with the acme sample, a member and a signed-in cookie, for dashboard-time.sh.
# Usage: bench/load/dashboard-serve.sh TREE NAME PORT [VAR=value...]; writes $WORK/NAME/{env,pid,server.log}
# (WORK defaults to /tmp/harmonia-dashboard). Stop it with kill $(cat $WORK/NAME/pid).
set -euo pipefail
tree=$1; name=$2; port=$3; shift 3
work=${WORK:-/tmp/harmonia-dashboard}/$name; rm -rf "$work"; mkdir -p "$work"
export ConnectionStrings__Harmonia="Data Source=$work/h.db"
export Evidence__Folder="$work/evidence" AuditTrail__AnchorFolder="$work/anchors"
cli() { dotnet "$tree/src/Harmonia.Cli/bin/Release/net10.0/harmonia.dll" "$@"; }
HARMONIA_PASSWORD='forms that keep what I typed' cli admin create --email maria@acme.example >/dev/null
org=$(cli org import "$tree/examples/acme-iso27001-certified.yaml" | grep -o '[0-9a-f]\{8\}-[0-9a-f-]\{27\}' | head -1)
cli org add-member --org "$org" --email maria@acme.example --role Owner >/dev/null
token=$(cli token create --org "$org" --email maria@acme.example --name bench 2>/dev/null || true)
base="http://127.0.0.1:$port"
(cd "$tree/src/Harmonia.Web" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "$@" \
  dotnet "$tree/src/Harmonia.Web/bin/Release/net10.0/Harmonia.Web.dll" --urls "$base" --contentRoot "$tree/src/Harmonia.Web" > "$work/server.log" 2>&1 < /dev/null) &
echo $! > "$work/pid"
for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done
page=$(curl -sf -c "$work/cookies" "$base/signin")
field() { echo "$page" | grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//;s/"$//'; }
curl -sf -b "$work/cookies" -c "$work/cookies" -o /dev/null \
  --data-urlencode "__RequestVerificationToken=$(field __RequestVerificationToken)" --data-urlencode "_handler=$(field _handler)" \
  --data-urlencode "Input.Email=maria@acme.example" --data-urlencode "Input.Password=forms that keep what I typed" "$base/signin"
cookie=$(awk '$6 ~ /Identity/ {print $6"="$7}' "$work/cookies")
printf 'base=%s\norg=%s\ncookie=%q\ntoken=%q\n' "$base" "$org" "$cookie" "$token" > "$work/env"
curl -sf -H "Cookie: $cookie" "$base/orgs/$org" | grep -q "Acme" && echo "$name ready: $base/orgs/$org" || { echo "$name: dashboard did not render" >&2; exit 1; }
