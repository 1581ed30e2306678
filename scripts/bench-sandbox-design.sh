#!/usr/bin/env bash
# Measures the design choice behind issue 19's "a pod costs one container": 20 pods started at once as today (a pause
# sandbox on the app network, then the app container joined to it with --network container:<id>) against 20
# single-container pods that hold a static IP themselves (--network <net> --ip <address>, the address the SDK would
# allocate so that it survives container restarts). Runs the two in turn (A B A B ...), 5 pairs by default, each
# including the removal of what it made, and prints the ratio pair by pair. Needs docker and Debian's busybox-static.
# Usage: bash scripts/bench-sandbox-design.sh [pairs]
set -euo pipefail
pairs=${1:-5}
pods=20
image=orchestration-bench/sandbox-design:1
net=orchestration-bench-sandbox-design
work=$(mktemp -d)
cleanup() {
  docker rm -f $(docker ps -aq -f label=orchestration-bench=sandbox-design) >/dev/null 2>&1 || true
  docker network rm "$net" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
cp /bin/busybox "$work/busybox"
printf 'FROM scratch\nCOPY busybox /bin/busybox\n' >"$work/Dockerfile"
docker build -q -t "$image" "$work" >/dev/null
docker network create --subnet 10.231.0.0/16 --ip-range 10.231.128.0/17 "$net" >/dev/null

run() { docker run -d --label orchestration-bench=sandbox-design "$@" "$image" /bin/busybox sleep 3600; }
removeAll() { docker rm -f $(docker ps -aq -f label=orchestration-bench=sandbox-design) >/dev/null; }
sandboxed() {
  for i in $(seq 1 $pods); do ( id=$(run --network "$net" --hostname "pod-$i"); run --network "container:$id" >/dev/null ) & done
  wait; removeAll
}
static() {
  for i in $(seq 1 $pods); do run --network "$net" --ip "10.231.0.$((i + 10))" --hostname "pod-$i" >/dev/null & done
  wait; removeAll
}
seconds() { local t0 t1; t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }

static; sandboxed # warm-up, not counted
printf '| pair | pause + app (s) | static IP, one container (s) | ratio |\n| ---: | ---: | ---: | ---: |\n'
for p in $(seq 1 "$pairs"); do
  a=$(seconds sandboxed); b=$(seconds static)
  printf '| %d | %.2f | %.2f | %.2f |\n' "$p" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done
