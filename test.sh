#!/usr/bin/env bash
# Runs every check and test of Harmonia on a fresh machine and ends with the line "Tests: N passed, M failed".
# Exits non-zero when anything fails. CI (.ci/run) calls exactly this.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

finish() { echo "Tests: $1 passed, $2 failed"; [ "$2" -eq 0 ] && [ "${3:-0}" -eq 0 ]; exit $?; }

# What the tests need. Today: the .NET 10 SDK (the machine image has it; Debian 12 does not package it) and
# the reference facts in ../shared/reference. Later issues add PostgreSQL and Chromium here.
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed (dotnet is not on PATH)." >&2
  finish 0 1
fi
if [ ! -d ../shared/reference ]; then
  echo "error: ../shared/reference (the catalog reference facts) is missing beside the repository." >&2
  finish 0 1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

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

echo "== tests"
dotnet test Harmonia.slnx -c Release --no-build --nologo -v quiet \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" 2>&1 \
  | grep -vE '^\s*(Passed|Skipped) ' || true

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
