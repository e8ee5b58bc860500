package io.jlns.server;

import io.jlns.config.Ipv4Address;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** The IPv4 addresses configured on this host (its network namespace). */
final class HostAddresses {
  private HostAddresses() {}

  static Set<Ipv4Address> ipv4() {
    Set<Ipv4Address> out = new HashSet<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        ni.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(a -> out.add(Ipv4Address.of((Inet4Address) a)));
      }
    } catch (SocketException e) {
      // No interface list: every address counts as absent, so IKE listens on 0.0.0.0.
    }
    return out;
  }
}
