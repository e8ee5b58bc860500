package io.jlns.server;

import io.jlns.config.Config;
import io.jlns.config.IkeEndpoints;
import io.jlns.config.Ipv4Address;
import io.jlns.ike.ChildSa;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;

/** The addresses IPsec works with: where IKE and NAT-T listen, and a client's own inner address. */
final class IpsecAddresses {
  private IpsecAddresses() {}

  static Set<InetAddress> listening(Config c) {
    Set<InetAddress> out = new LinkedHashSet<>();
    Set<Ipv4Address> host = HostAddresses.ipv4();
    for (IkeEndpoints.Endpoint e : IkeEndpoints.of(c, host)) {
      if (e.address().equals(Ipv4Address.ANY)) {
        host.forEach(h -> out.add(inet(h)));
      } else {
        out.add(inet(e.address()));
      }
    }
    return out;
  }

  static InetAddress inet(Ipv4Address a) {
    try {
      return InetAddress.getByAddress(a.toBytes());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The client's own address: its Quick Mode identity, else NAT-OA, else the public address. */
  static byte[] inner(ChildSa c) {
    // Parsed, never resolved: an identity that is not an IPv4 address must not cause a DNS lookup.
    return Ipv4Address.parse(c.peerIdentity()).map(Ipv4Address::toBytes)
        .orElse(c.peerOriginal() != null ? c.peerOriginal() : c.peer().getAddress().getAddress());
  }
}
