#!/usr/bin/env bash
# Publishes tests/AotConsumer with native AOT (the core by project reference; trimming and AOT warnings of any assembly
# fail the publish) and runs the binary: a declaration on the in-memory runtime persisted to a store file, applied
# again through the client, and read back by a second host. Needs the native toolchain (Debian: clang zlib1g-dev).
# The core's own build already fails on any IL2xxx/IL3xxx warning (IsAotCompatible with warnings as errors).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang >/dev/null || { echo "check-aot: clang is missing (apt-get install -y clang zlib1g-dev)" >&2; exit 1; }
out=artifacts/aot
rm -rf "$out"
dotnet publish tests/AotConsumer -c Release -r linux-x64 -nologo -v q -clp:NoSummary -o "$out"
"$out/AotConsumer" || { echo "check-aot: the native consumer exited $?" >&2; exit 1; }
echo "check-aot: the native AOT consumer ran"
