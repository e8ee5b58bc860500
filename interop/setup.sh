#!/bin/bash
# Installs what the interop tests need (Debian packages; root) and the UML kernel modules link.
set -eu
need=()
for p in user-mode-linux strongswan xl2tpd ppp kmod nftables iproute2 iputils-ping tshark rsyslog; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The guests mount tmpfs over /tmp and /run, so what they run must live elsewhere on the host:
# the guest scripts are staged here (the checkout itself may well be under /tmp).
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p /var/lib/jlns-interop/guest
cp "$here/guest-init.sh" /var/lib/jlns-interop/
cp "$here"/guest/*.sh /var/lib/jlns-interop/guest/
v=$(ls /usr/lib/uml/modules)
mkdir -p /lib/modules
[ -e "/lib/modules/$v" ] || ln -sfn "/usr/lib/uml/modules/$v" "/lib/modules/$v"
