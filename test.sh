#!/usr/bin/env bash
# Runs every check and test of Harmonia on a fresh machine and ends with the line "Tests: N passed, M failed".
# Exits non-zero when anything fails. CI (.ci/run) calls exactly this.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

finish() { echo "Tests: $1 passed, $2 failed"; [ "$2" -eq 0 ] && [ "${3:-0}" -eq 0 ]; exit $?; }

# What the tests need: the .NET 10 SDK (the machine image has it; Debian 12 does not package it), Debian's Chromium for the browser tests, and a private PostgreSQL server on
# 127.0.0.1 (both installed from Debian if missing).
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed (dotnet is not on PATH)." >&2
  finish 0 1
fi

echo "== chromium"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: Chromium is not installed and this user cannot install it (apt-get install chromium)." >&2
    finish 0 1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || {
    echo "error: could not install Chromium with apt-get." >&2
    finish 0 1
  }
fi
export HARMONIA_CHROMIUM=/usr/bin/chromium
/usr/bin/chromium --version

echo "== libreoffice, fonts"
# LibreOffice converts generated DOCX to PDF and XLSX to CSV (a real reader of our Word and Excel files); DejaVu is the PDF writer's font.
if ! command -v soffice >/dev/null || ! dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: LibreOffice or DejaVu fonts are missing and this user cannot install them (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-dejavu-core poppler-utils)." >&2
    finish 0 1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui fonts-dejavu-core poppler-utils >/dev/null) || {
    echo "error: could not install LibreOffice with apt-get." >&2
    finish 0 1
  }
fi
soffice --version | head -1

echo "== nginx"
# The two-node test puts two web processes behind a real nginx on 127.0.0.1 (deploy/nginx/two-nodes.conf.template).
if [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: nginx is not installed and this user cannot install it (apt-get install nginx)." >&2
    finish 0 1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null) || {
    echo "error: could not install nginx with apt-get." >&2
    finish 0 1
  }
fi
export HARMONIA_NGINX=/usr/sbin/nginx
/usr/sbin/nginx -v

echo "== s3rver"
# The S3 evidence-store tests run against a real S3-compatible server (the npm package s3rver) on 127.0.0.1; each test starts its own.
if ! grep -qs '"version": "3.7.1"' .tools/s3rver/node_modules/s3rver/package.json; then
  if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "error: node and npm are not installed and this user cannot install them (apt-get install nodejs npm)." >&2
      finish 0 1
    fi
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) || {
      echo "error: could not install node and npm with apt-get." >&2
      finish 0 1
    }
  fi
  npm install --prefix .tools/s3rver --no-audit --no-fund --loglevel=error s3rver@3.7.1 >/dev/null || {
    echo "error: could not install s3rver with npm." >&2
    finish 0 1
  }
fi
echo "s3rver $(node -p "require('./.tools/s3rver/node_modules/s3rver/package.json').version")"

results=$(mktemp -d)
pgdir=""
cleanup() {
  if [ -n "$pgdir" ] && [ -f "$pgdir/data/postmaster.pid" ]; then
    su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $pgdir/data -w -m fast stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$results" ${pgdir:+"$pgdir"}
}
trap cleanup EXIT

echo "== postgresql"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: PostgreSQL is not installed and this user cannot install it (apt-get install postgresql)." >&2
    finish 0 1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || {
    echo "error: could not install PostgreSQL with apt-get." >&2
    finish 0 1
  }
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdir=$(mktemp -d)
chown postgres "$pgdir"
PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
if ! su postgres -s /bin/sh -c "$PGBIN/initdb -D $pgdir/data -U harmonia --auth=trust -E UTF8 >/dev/null &&
    $PGBIN/pg_ctl -D $pgdir/data -o '-p $PGPORT -k $pgdir -c listen_addresses=127.0.0.1' -l $pgdir/log -w start >/dev/null"; then
  echo "error: the private PostgreSQL server did not start:" >&2
  cat "$pgdir/log" >&2 2>/dev/null
  finish 0 1
fi
export HARMONIA_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=harmonia;Database=postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"

echo "== dotnet tools"
# The tools pinned in .config/dotnet-tools.json (dotnet-ef, Kiota for the generated-client test), from NuGet.
if ! dotnet tool restore >/dev/null; then
  echo "error: could not restore the dotnet tools (.config/dotnet-tools.json)." >&2
  finish 0 1
fi
dotnet tool list --local | tail -n +3 | awk '{print $1, $2}'

echo "== build"
if ! dotnet build Harmonia.slnx -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "error: the build failed (warnings count as errors)." >&2
  finish 0 1
fi

extra_failures=0
echo "== format"
if ! dotnet format Harmonia.slnx --verify-no-changes --no-restore -v quiet; then
  echo "error: 'dotnet format' would change files; run 'dotnet format Harmonia.slnx' and commit." >&2
  extra_failures=1
fi

echo "== known vulnerabilities"
# Every package, transitive ones included, against NuGet's advisory data (OWASP ASVS 5.0, V15: dependencies).
if ! vulnerable=$(dotnet list Harmonia.slnx package --vulnerable --include-transitive 2>&1); then
  echo "$vulnerable" >&2
  echo "error: could not check the packages for known vulnerabilities." >&2
  extra_failures=1
elif echo "$vulnerable" | grep -q "has the following vulnerable packages"; then
  echo "$vulnerable" >&2
  echo "error: a package has a known vulnerability; update it (Directory.Packages.props) and commit." >&2
  extra_failures=1
else
  echo "no known vulnerable packages"
fi

# The component inventory (OWASP ASVS 5.0, V15.1.2): every package with its resolved version, transitive ones too.
mkdir -p artifacts
if dotnet list Harmonia.slnx package --include-transitive > artifacts/packages.txt 2>&1; then
  echo "component inventory: artifacts/packages.txt"
fi

echo "== tests"
rm -f artifacts/fuzz-summary.txt artifacts/soak-summary.txt artifacts/page-timings.csv
dotnet test Harmonia.slnx -c Release --no-build --nologo -v quiet \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" 2>&1 \
  | grep -vE '^\s*(Passed|Skipped) ' || true

if [ -f artifacts/fuzz-summary.txt ]; then
  echo "== fuzz suite (cases, crashes, 500s, slowest case, memory per entry point)"
  cat artifacts/fuzz-summary.txt
fi
if [ -f artifacts/page-timings.csv ]; then
  echo "== page timings in the browser tests (server time to first byte; form posts' round trip before their redirect)"
  python3 scripts/page-timings.py artifacts/page-timings.csv || true
fi
if [ -f artifacts/soak-summary.txt ]; then
  echo "== memory soak (server RSS under mixed load)"
  cat artifacts/soak-summary.txt
fi

# The names and first lines of the failures, last, so that the tail of a long log says what broke.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
failures = []
for path in glob.glob(sys.argv[1] + "/*.trx"):
    for r in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") not in ("Passed", "NotExecuted"):
            message = r.find(".//t:Message", ns)
            text = (message.text or "").strip() if message is not None else ""
            failures.append((r.get("testName"), text.splitlines()[:6]))
if failures:
    print("== failed tests")
    for name, lines in failures:
        print("FAILED " + name)
        for line in lines:
            print("    " + line[:300])
PY

counters=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' || true)
if [ -z "$counters" ]; then
  echo "error: no test results were written." >&2
  finish 0 1
fi
passed=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
failed=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
errors=$(echo "$counters" | grep -o ' error="[0-9]*"' | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
projects=$(ls "$results"/*.trx | wc -l)
if [ "$projects" -lt 2 ]; then
  echo "error: expected results from 2 test projects, got $projects." >&2
  extra_failures=1
fi
finish "$passed" $((failed + errors)) "$extra_failures"
