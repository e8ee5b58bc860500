#!/usr/bin/env bash
# The whole test suite: installs what it needs (Debian packages, as root) when it is missing,
# runs the end-to-end smoke test of the launcher, then every unit and property test (Maven).
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v java >/dev/null || need+=(default-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
command -v freeradius >/dev/null || need+=(freeradius)
command -v radclient >/dev/null || need+=(freeradius-utils)
command -v ssh >/dev/null || need+=(openssh-client)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
scripts/smoke.sh
# 200 load-generator clients behind one address against the seed's configuration (loopback).
scripts/loadgen-200.sh
# SIGTERM with 20 clients connected: each is told within 2 s; restarted at once, they come back.
scripts/graceful-stop.sh
# SSH vty with the OpenSSH client: login, enable, conf t, a change; exec requests; access-class; login block-for.
scripts/ssh.sh
# The service install: jlns install, systemd-analyze verify, ExecStart as the unit runs it, ExecReload with clients connected.
scripts/service.sh
# PPP users authenticated by a real FreeRADIUS: MS-CHAPv2, CHAP, PAP, Framed-IP-Address, falling back to local.
scripts/radius.sh
# Two jlns nodes sharing one FreeRADIUS and its address plan: no address handed out twice.
scripts/radius-nodes.sh
# Real clients (user-mode Linux guests behind a NAT) need root and network namespaces.
if [ "$(id -u)" = 0 ] && ip netns add jlns-probe 2>/dev/null; then
  ip netns del jlns-probe
  interop/run-all.sh
else
  echo "interop: skipped (needs root and network namespaces)"
fi
# Coverage-guided fuzzing of every input (Jazzer), 20 s per target; `scripts/fuzz.sh -t 3600` is the long run.
scripts/fuzz.sh
mvn -B -Dstyle.color=never verify
