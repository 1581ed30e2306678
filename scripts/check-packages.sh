#!/usr/bin/env bash
# Packs every src project into artifacts/packages, checks what each package carries (README, MIT license expression,
# a .snupkg beside it), then builds and runs tests/PackageConsumer against those packages (its own nuget.config: the
# local folder for Orchestration.Sdk*, the feed for the rest), not against the source. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/packages
rm -rf "$out" && mkdir -p "$out"

fail() { echo "check-packages: $*" >&2; exit 1; }

projects=(src/*/*.csproj)
# One build of everything first, then each pack without building again (each project's pack alone would rebuild the core).
dotnet build -c Release -nologo -v q -clp:NoSummary src/Orchestration.Sdk.Manifests/Orchestration.Sdk.Manifests.csproj
for proj in "${projects[@]}"; do
  [ "$proj" = src/Orchestration.Sdk.Manifests/Orchestration.Sdk.Manifests.csproj ] || \
    dotnet build -c Release -nologo -v q -clp:NoSummary "$proj"
  dotnet pack "$proj" -c Release --no-build -nologo -v q -o "$out"
done

version=
for proj in "${projects[@]}"; do
  id=$(basename "$proj" .csproj)
  nupkg=$(ls "$out"/"$id".[0-9]*.nupkg 2>/dev/null | head -1)
  [ -n "$nupkg" ] || fail "$id: no .nupkg in $out"
  v=${nupkg#"$out/$id."}; v=${v%.nupkg}
  [ -z "$version" ] || [ "$version" = "$v" ] || fail "$id: version $v, others $version"
  version=$v
  [ -f "$out/$id.$v.snupkg" ] || fail "$id: no symbols package $id.$v.snupkg"
  listing=$(unzip -l "$nupkg")
  grep -qE ' README\.md$' <<<"$listing" || fail "$id: README.md is not in the package"
  grep -qE " lib/net10\.0/$id\.dll$" <<<"$listing" || fail "$id: lib/net10.0/$id.dll is not in the package"
  grep -qE " lib/net10\.0/$id\.xml$" <<<"$listing" || fail "$id: the XML docs are not in the package"
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id: no MIT license expression in the nuspec"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id: the nuspec names no readme"
  grep -q '<repository type="git"' <<<"$nuspec" || fail "$id: no repository (SourceLink) in the nuspec"
  # Listed into a variable first: `unzip -l | grep -q` under pipefail fails at random when grep exits on the first
  # match and unzip dies of SIGPIPE writing the rest (that is how CI once reported a pdb missing that was there).
  symbols=$(unzip -l "$out/$id.$v.snupkg")
  grep -qE " lib/net10\.0/$id\.pdb$" <<<"$symbols" || fail "$id: no pdb in the symbols package"
  echo "check-packages: $id $v: README, MIT, repository, docs and symbols present"
done

# The core depends on Microsoft.Extensions abstractions only (docs/packaging.md): no DI container, logging or
# health checks implementation, and no feature dependency beyond the three stated there.
core_deps=$(unzip -p "$out/Orchestration.Sdk.$version.nupkg" Orchestration.Sdk.nuspec | sed -nE 's/.*<dependency id="([^"]+)".*/\1/p' | sort -u)
for dep in $core_deps; do
  case "$dep" in
    Microsoft.Extensions.*.Abstractions|Microsoft.Extensions.Options|BitFaster.Caching|Cronos|Microsoft.Data.Sqlite) ;;
    *) fail "Orchestration.Sdk depends on $dep: the core takes abstractions only (docs/packaging.md)" ;;
  esac
done
echo "check-packages: Orchestration.Sdk depends on abstractions and its three feature packages only"

# The same version number is produced again until the next commit: drop any copy restored earlier from the cache.
cache=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')
for proj in "${projects[@]}"; do
  id=$(basename "$proj" .csproj | tr '[:upper:]' '[:lower:]')
  rm -rf "${cache%/}/$id/$version"
done

consumer=tests/PackageConsumer
rm -rf "$consumer/bin" "$consumer/obj"
dotnet build "$consumer" -c Release -nologo -v q -clp:NoSummary -p:OrchestrationSdkVersion="$version"
grep -q '"Orchestration.Sdk/'"$version"'"' "$consumer/obj/project.assets.json" || fail "the consumer did not restore Orchestration.Sdk $version"
grep -q '"path": "../../src' "$consumer/obj/project.assets.json" && fail "the consumer resolved a project reference"
dotnet run --project "$consumer" -c Release --no-build -p:OrchestrationSdkVersion="$version" || fail "the consumer exited $?"
echo "check-packages: the consumer built against the packages ($version) and ran the README's example"
