#!/bin/bash
# Boots one user-mode Linux client guest (10.0.0.(10+N)) on tapN in the NAT namespace.
# Usage: boot-guest.sh N SCRIPT [JH_*=... kernel args]; words JH_X=value become init's environment.
# SCRIPT is a path the guest can read: setup.sh stages the guest scripts in /var/lib/jlns-interop.
set -u
here=$(cd "$(dirname "$0")" && pwd)
n=$1; script=$2; shift 2
mkdir -p /tmp/jh-uml
exec ip netns exec "${JH_NAT_NS:-jh-nat}" linux.uml umid="jlns$n" uml_dir=/tmp/jh-uml mem=${JH_MEM:-192M} \
  rootfstype=hostfs rootflags=/ ro init=/var/lib/jlns-interop/guest-init.sh \
  eth0=tuntap,tap$n con=null con0=fd:0,fd:1 \
  JH_ID=$n JH_IP=10.0.0.$((10+n)) JH_SCRIPT="$script" "$@" </dev/null
