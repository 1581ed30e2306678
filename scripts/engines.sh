#!/usr/bin/env bash
# Extra Docker engines on this machine, each in its own network namespace, for the multi-engine and engine-restart
# tests (and for trying multi-engine apps by hand). Root only.
#
#   scripts/engines.sh up N      start engines 1..N (idempotent: a running engine is left alone)
#   scripts/engines.sh stop I    stop engine I's daemon (its namespace, data and bridge stay)
#   scripts/engines.sh start I   start engine I's daemon again
#   scripts/engines.sh down      stop every engine and remove its namespace, data, veth and the bridge
#   scripts/engines.sh env N     print ORCHESTRATION_TEST_ENGINES for engines 1..N
#   scripts/engines.sh podman    start a Podman service (Docker-compatible API) on /run/orch-podman/podman.sock
#   scripts/engines.sh podman-env print ORCHESTRATION_TEST_PODMAN for it
#   scripts/engines.sh tls-env I print ORCHESTRATION_TEST_TLS_ENGINE and ORCHESTRATION_TEST_TLS_CERTS: engine I's TLS
#                                listener and the directory of a client certificate it accepts
#
# The Podman service (Debian's podman, installed when missing) runs on the host's network with its own storage
# (/var/lib/orch-podman), run root and pid file (/run/orch-podman); "down" stops it and removes them.
#
# Layout of engine I (1..9):
#   namespace orch-eI, joined to the host bridge orch-br0 (10.250.0.1/24) by a veth pair (orch-eI-h / eth0),
#   namespace address 10.250.0.1I; dockerd with --bip 10.10I.0.1/24 and its networks (the apps' own) from the pool
#   10.10I.0.0/16 in /24s, socket /run/orch-eI/docker.sock, data root /var/lib/orch-eI, exec root /run/orch-eI/exec,
#   pid file /run/orch-eI/docker.pid, log /run/orch-eI/dockerd.log; also tcp://10.250.0.1I:2376 with --tlsverify (a CA,
#   server and client certificates made with openssl in /run/orch-eI/tls). The host routes 10.10I.0.0/16 through the
#   namespace, and so does every other namespace, so the host and the other engines' containers reach this engine's
#   containers by their own addresses. Traffic stays on this machine.
# dockerd starts with nsenter --net=..., not "ip netns exec", which remounts /sys and fails ("Devices cgroup isn't
# mounted").
set -euo pipefail

bridge=orch-br0
ns() { echo "orch-e$1"; }
dir() { echo "/run/orch-e$1"; }

route_all() {
  # Every engine's container subnet is reachable from the host and from every other namespace.
  local ids i j
  ids=$(ls /run/netns 2>/dev/null | sed -n 's/^orch-e\([1-9]\)$/\1/p')
  for i in $ids; do
    ip route replace "10.10$i.0.0/16" via "10.250.0.1$i"
    for j in $ids; do
      [ "$i" = "$j" ] || ip -n "$(ns "$j")" route replace "10.10$i.0.0/16" via "10.250.0.1$i"
    done
  done
}

tls_certs() {
  # A CA, a server certificate for the namespace's address and a client certificate, for the engine's TLS listener
  # (tcp://10.250.0.1I:2376, --tlsverify: only clients with a certificate of this CA get in).
  local i=$1 t; t="$(dir "$i")/tls"
  [ -f "$t/client/key.pem" ] && return 0
  mkdir -p "$t/client"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=orch-e$i-ca" -keyout "$t/ca-key.pem" -out "$t/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=orch-e$i" -keyout "$t/server-key.pem" -out "$t/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:10.250.0.1%s\nextendedKeyUsage=serverAuth\n' "$i" >"$t/server.ext"
  openssl x509 -req -in "$t/server.csr" -CA "$t/ca.pem" -CAkey "$t/ca-key.pem" -CAcreateserial -days 2 -extfile "$t/server.ext" -out "$t/server.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=orchestration-client" -keyout "$t/client/key.pem" -out "$t/client.csr" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' >"$t/client.ext"
  openssl x509 -req -in "$t/client.csr" -CA "$t/ca.pem" -CAkey "$t/ca-key.pem" -CAcreateserial -days 2 -extfile "$t/client.ext" -out "$t/client/cert.pem" 2>/dev/null
  cp "$t/ca.pem" "$t/client/ca.pem"
}

daemon_up() {
  local i=$1 d; d=$(dir "$i")
  if [ -S "$d/docker.sock" ] && docker -H "unix://$d/docker.sock" info >/dev/null 2>&1; then return 0; fi
  mkdir -p "$d/exec" "/var/lib/orch-e$i"
  rm -f "$d/docker.pid"
  tls_certs "$i"
  (nsenter --net="/run/netns/$(ns "$i")" dockerd \
    --host "unix://$d/docker.sock" --host "tcp://10.250.0.1$i:2376" \
    --tlsverify --tlscacert "$d/tls/ca.pem" --tlscert "$d/tls/server.pem" --tlskey "$d/tls/server-key.pem" --data-root "/var/lib/orch-e$i" --exec-root "$d/exec" \
    --pidfile "$d/docker.pid" --bip "10.10$i.0.1/24" --default-address-pool "base=10.10$i.0.0/16,size=24" \
    >"$d/dockerd.log" 2>&1 &)
  for _ in $(seq 1 60); do
    docker -H "unix://$d/docker.sock" info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker -H "unix://$d/docker.sock" info >/dev/null 2>&1 || { echo "engines: engine $i did not start"; tail -30 "$d/dockerd.log"; return 1; }
  # Docker's FORWARD rules admit only published ports into its bridge; the host and the other engines reach the
  # containers by address, so this namespace forwards everything (it is private to this machine).
  ip netns exec "$(ns "$i")" iptables -C DOCKER-USER -j ACCEPT 2>/dev/null || ip netns exec "$(ns "$i")" iptables -I DOCKER-USER -j ACCEPT
}

engine_up() {
  local i=$1 n; n=$(ns "$i")
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge
    ip addr add 10.250.0.1/24 dev "$bridge"
    ip link set "$bridge" up
  fi
  sysctl -qw net.ipv4.ip_forward=1
  # The host's own dockerd sets FORWARD to DROP: let traffic between the host bridge's namespaces pass.
  iptables -C FORWARD -i "$bridge" -o "$bridge" -j ACCEPT 2>/dev/null || iptables -I FORWARD -i "$bridge" -o "$bridge" -j ACCEPT
  if [ ! -e "/run/netns/$n" ]; then
    ip netns add "$n"
    ip link add "$n-h" type veth peer name eth0 netns "$n"
    ip link set "$n-h" master "$bridge" up
    ip -n "$n" addr add "10.250.0.1$i/24" dev eth0
    ip -n "$n" link set eth0 up
    ip -n "$n" link set lo up
    ip -n "$n" route add default via 10.250.0.1
  fi
  daemon_up "$i"
}

daemon_stop() {
  local i=$1 d pid; d=$(dir "$i")
  [ -f "$d/docker.pid" ] || return 0
  pid=$(cat "$d/docker.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$d/docker.pid"
}

podman_dir=/run/orch-podman
podman_args() { echo "--root /var/lib/orch-podman/storage --runroot $podman_dir/runroot"; }

podman_up() {
  if [ -S "$podman_dir/podman.sock" ] && curl -sf --unix-socket "$podman_dir/podman.sock" http://d/_ping >/dev/null 2>&1; then return 0; fi
  command -v podman >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman >/dev/null; }
  mkdir -p "$podman_dir" /var/lib/orch-podman
  rm -f "$podman_dir/podman.sock"
  # shellcheck disable=SC2046
  # From /: conmon runs in the service's working directory and fails every container start ("Failed to get working
  # directory", "write child: broken pipe") once that directory is removed (a test checkout, a temporary clone).
  (cd / && setsid podman $(podman_args) system service --time=0 "unix://$podman_dir/podman.sock" >"$podman_dir/podman.log" 2>&1 & echo $! >"$podman_dir/podman.pid")
  for _ in $(seq 1 60); do
    curl -sf --unix-socket "$podman_dir/podman.sock" http://d/_ping >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "engines: the Podman service did not start"; tail -30 "$podman_dir/podman.log"; return 1
}

podman_down() {
  [ -d "$podman_dir" ] || return 0
  if [ -S "$podman_dir/podman.sock" ]; then
    # shellcheck disable=SC2046
    podman $(podman_args) rm -af >/dev/null 2>&1 || true
    # shellcheck disable=SC2046
    podman $(podman_args) network prune -f >/dev/null 2>&1 || true
  fi
  if [ -f "$podman_dir/podman.pid" ]; then
    pid=$(cat "$podman_dir/podman.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # shellcheck disable=SC2046
  podman $(podman_args) system reset -f >/dev/null 2>&1 || true
  umount -R /var/lib/orch-podman/storage/overlay 2>/dev/null || true
  rm -rf "$podman_dir" /var/lib/orch-podman
}

case "${1:-}" in
  podman) podman_up ;;
  tls-env)
    i=${2:?usage: engines.sh tls-env I}
    echo "ORCHESTRATION_TEST_TLS_ENGINE=tcp://10.250.0.1$i:2376"
    echo "ORCHESTRATION_TEST_TLS_CERTS=$(dir "$i")/tls/client" ;;
  podman-env) echo "ORCHESTRATION_TEST_PODMAN=unix://$podman_dir/podman.sock" ;;
  up)
    for i in $(seq 1 "${2:?usage: engines.sh up N}"); do engine_up "$i"; done
    route_all ;;
  start) engine_up "${2:?usage: engines.sh start I}"; route_all ;;
  stop) daemon_stop "${2:?usage: engines.sh stop I}" ;;
  env)
    printf 'ORCHESTRATION_TEST_ENGINES='
    for i in $(seq 1 "${2:?usage: engines.sh env N}"); do printf '%sunix://%s/docker.sock' "$([ "$i" = 1 ] || echo ,)" "$(dir "$i")"; done
    echo ;;
  down)
    for n in $(ls /run/netns 2>/dev/null | grep '^orch-e[1-9]$' || true); do
      i=${n#orch-e}
      # Remove what the tests may have left, then the daemon, its namespace and its data.
      if docker -H "unix://$(dir "$i")/docker.sock" info >/dev/null 2>&1; then
        ids=$(docker -H "unix://$(dir "$i")/docker.sock" ps -aq); [ -z "$ids" ] || docker -H "unix://$(dir "$i")/docker.sock" rm -f $ids >/dev/null
      fi
      daemon_stop "$i"
      ip route del "10.10$i.0.0/16" 2>/dev/null || true
      ip link del "$n-h" 2>/dev/null || true
      ip netns del "$n"
      # The daemon leaves its data root (and the netns files under its exec root) mounted: unmount every mount
      # under them, deepest first, or rm fails with "Device or resource busy" and the data stays behind.
      for m in $(awk -v a="$(dir "$i")" -v b="/var/lib/orch-e$i" '$2 == a || index($2, a "/") == 1 || $2 == b || index($2, b "/") == 1 { print $2 }' /proc/mounts | sort -r); do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
      done
      rm -rf "$(dir "$i")" "/var/lib/orch-e$i"
    done
    ip link del "$bridge" 2>/dev/null || true
    podman_down ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac
