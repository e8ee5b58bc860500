#!/usr/bin/env bash
# Writes a self-contained FreeRADIUS 3 configuration into DIR: auth on 127.0.0.1:AUTH_PORT, accounting
# on AUTH_PORT+1 (written to DIR/acct/detail), one client (127.0.0.1, secret SECRET, Message-Authenticator
# required), PAP, CHAP and MS-CHAP(v2) against the users file DIR/users (which the caller writes).
# With IPPOOL="FIRST LAST", FreeRADIUS also hands out Framed-IP-Address from that range (rlm_ippool, one
# address per NAS-Identifier and Acct-Session-Id, released by the session's accounting Stop): one address plan for every NAS.
# Usage: [IPPOOL="A B"] scripts/freeradius-conf.sh DIR AUTH_PORT SECRET; then: freeradius -X -d DIR
set -euo pipefail
dir=$1; port=$2; secret=$3
pool_module=; pool_use=
if [ -n "${IPPOOL:-}" ]; then
  read -r first last <<< "$IPPOOL"
  pool_module="ippool main_pool {
    range_start = $first
    range_stop = $last
    netmask = 255.255.255.255
    cache_size = 800
    filename = $dir/db.ippool
    ip_index = $dir/db.ipindex
    override = no
    maximum_timeout = 0
    key = \"%{NAS-Identifier} %{Acct-Session-Id}\"
  }"
  pool_use=main_pool
fi
mkdir -p "$dir/acct"
touch "$dir/dictionary" "$dir/users"
cat > "$dir/radiusd.conf" <<CONF
prefix = /usr
exec_prefix = /usr
sysconfdir = /etc
localstatedir = /var
sbindir = /usr/sbin
logdir = $dir
raddbdir = $dir
radacctdir = $dir/acct
name = freeradius
confdir = \${raddbdir}
modconfdir = \${confdir}/mods-config
certdir = \${confdir}/certs
cadir = \${confdir}/certs
run_dir = $dir
db_dir = $dir
libdir = /usr/lib/freeradius
pidfile = $dir/radiusd.pid
max_request_time = 30
cleanup_delay = 5
max_requests = 16384
hostname_lookups = no
log {
  destination = stdout
  colourise = no
  auth = yes
}
security {
  allow_core_dumps = no
  max_attributes = 200
  reject_delay = 0
  status_server = yes
}
thread pool {
  start_servers = 2
  max_servers = 4
  min_spare_servers = 1
  max_spare_servers = 3
  max_requests_per_server = 0
}
client localhost {
  ipaddr = 127.0.0.1
  secret = $secret
  require_message_authenticator = yes
}
modules {
  pap {
    normalise = yes
  }
  chap {
  }
  mschap {
  }
  files {
    filename = $dir/users
  }
  detail {
    filename = $dir/acct/detail
  }
  $pool_module
}
server default {
  listen {
    type = auth
    ipaddr = 127.0.0.1
    port = $port
  }
  listen {
    type = acct
    ipaddr = 127.0.0.1
    port = $((port + 1))
  }
  authorize {
    chap
    mschap
    files
    pap
  }
  authenticate {
    Auth-Type PAP {
      pap
    }
    Auth-Type CHAP {
      chap
    }
    Auth-Type MS-CHAP {
      mschap
    }
  }
  accounting {
    detail
    $pool_use
  }
  post-auth {
    $pool_use
  }
}
CONF
