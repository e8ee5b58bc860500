package io.jlns.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where IKE (UDP 500) and NAT-T (UDP 4500) listen: on the address of each interface that carries
 * a crypto map, or on every address (0.0.0.0) when that address is not one of this host's; the
 * interface names of an IOS configuration are logical, so the address is what maps them.
 */
public final class IkeEndpoints {
  private IkeEndpoints() {}

  /** One listening address and why. */
  public record Endpoint(Ipv4Address address, String iface, String cryptoMap, String reason) {}

  public static List<Endpoint> of(Config c, Set<Ipv4Address> host) {
    List<Endpoint> out = new ArrayList<>();
    for (Interface i : c.interfaces().values()) {
      if (i.cryptoMap() == null || i.shutdown()) {
        continue;
      }
      if (i.address() != null && host.contains(i.address())) {
        out.add(new Endpoint(i.address(), i.name(), i.cryptoMap(), "the interface's address"));
      } else {
        String why = i.address() == null ? "the interface has no address" : i.address() + " is not on this host";
        out.add(new Endpoint(Ipv4Address.ANY, i.name(), i.cryptoMap(), why));
      }
    }
    return out;
  }
}
