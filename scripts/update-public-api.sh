#!/usr/bin/env bash
# Regenerates every src project's PublicAPI.Unshipped.txt from its current public surface (the symbols that
# Microsoft.CodeAnalysis.PublicApiAnalyzers reports as RS0016, "not part of the declared public API"), so that after
# adding or merging public API the build is clean again. PublicAPI.Shipped.txt is left alone: at a release, move the
# Unshipped lines into Shipped by hand (or with the analyzer's code fix). Review the diff before committing it.
# Usage: scripts/update-public-api.sh            (all of src/)
set -euo pipefail
cd "$(dirname "$0")/.."

# Dependencies first, so each project can be rebuilt alone (--no-dependencies) with the analyzers run again.
projects=(
  src/Orchestration.Sdk/Orchestration.Sdk.csproj
  src/Orchestration.Sdk.Docker/Orchestration.Sdk.Docker.csproj
  src/Orchestration.Sdk.Kubernetes/Orchestration.Sdk.Kubernetes.csproj
  src/Orchestration.Sdk.Manifests/Orchestration.Sdk.Manifests.csproj
  src/Orchestration.Sdk.ServiceDiscovery/Orchestration.Sdk.ServiceDiscovery.csproj
  src/Orchestration.Sdk.HealthChecks/Orchestration.Sdk.HealthChecks.csproj
  src/Orchestration.Sdk.Testing/Orchestration.Sdk.Testing.csproj
)
for p in src/*/*.csproj; do
  printf '%s\n' "${projects[@]}" | grep -qx "$p" || { echo "update-public-api: $p is not in the list in $0; add it in dependency order" >&2; exit 1; }
done

first=1
for proj in "${projects[@]}"; do
  dir=$(dirname "$proj")
  [ -f "$dir/PublicAPI.Shipped.txt" ] || echo '#nullable enable' > "$dir/PublicAPI.Shipped.txt"
  echo '#nullable enable' > "$dir/PublicAPI.Unshipped.txt"
  log=$(mktemp)
  deps=--no-dependencies
  [ "$first" -eq 1 ] && deps= && first=0
  # Warnings stay warnings here (the regular build treats them as errors), so every missing symbol is listed.
  dotnet build "$proj" $deps --no-incremental -nologo -clp:NoSummary \
    -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= >"$log" 2>&1 || { cat "$log"; echo "update-public-api: $proj did not build" >&2; exit 1; }
  full=$(cd "$dir" && pwd)/$(basename "$proj")
  { echo '#nullable enable'
    grep -F "[$full]" "$log" | grep -F 'RS0016' | sed -nE "s/.*warning RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/p" \
      | LC_ALL=C sort -u
  } > "$dir/PublicAPI.Unshipped.txt"
  echo "update-public-api: $dir/PublicAPI.Unshipped.txt: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) symbols"
  rm -f "$log"
done
