#!/usr/bin/env bash
# One command for the whole benchmark: bash bench/run.sh [--sizes 1000,10000,100000] [--duration 10]
# Installs wrk if missing, builds Release, then the orchestrator starts every process on 127.0.0.1, measures,
# prints the tables and stops everything again (also on Ctrl-C).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk..."
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  # A fresh machine has no package lists yet: update them when the first try cannot find the package.
  "${as_root[@]}" apt-get install -y -qq wrk >/dev/null 2>&1 \
    || { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq wrk >/dev/null; }
fi

# The bench project references every process it starts (without using their code), so one build makes them all.
dotnet build "$root/bench/Registry.Bench/Registry.Bench.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly

exec dotnet "$root/bench/Registry.Bench/bin/Release/net10.0/Registry.Bench.dll" --root "$root" "$@"
