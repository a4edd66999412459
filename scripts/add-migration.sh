#!/usr/bin/env bash
# Adds one migration to BOTH providers' migration sets, so SQLite and PostgreSQL never drift apart.
# Usage: scripts/add-migration.sh NameOfTheChange
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NameOfTheChange}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Harmonia.App --startup-project src/Harmonia.Cli \
    --context "${provider}HarmoniaDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
echo "Added migration $name for Sqlite and Postgres. The tests check that neither has pending model changes."
