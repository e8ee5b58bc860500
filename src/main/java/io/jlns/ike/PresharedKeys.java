package io.jlns.ike;

import io.jlns.config.Config;
import io.jlns.config.Ipv4Address;
import io.jlns.config.Keyring;
import io.jlns.config.PresharedKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pre-shared key lookup over {@code crypto keyring} and {@code crypto isakmp key} entries. Main
 * Mode needs the key (for SKEYID, RFC 2409 section 5.4) before the peer's encrypted ID arrives,
 * so it looks up by the address the packets come from (behind a NAT: the public one), the most
 * specific mask winning and {@code 0.0.0.0 0.0.0.0} matching every peer. Keys by hostname
 * apply where the identity precedes the key: Aggressive Mode (refused unless configured), whose
 * first message carries the peer's identity in clear.
 */
public final class PresharedKeys {
  private PresharedKeys() {}

  /** The key for a peer identifying itself by name (FQDN or user@FQDN; case-insensitive), or empty. */
  public static Optional<byte[]> forHostname(Config c, String name) {
    for (PresharedKey k : all(c)) {
      if (k.byHostname() && k.hostname().equalsIgnoreCase(name) && !k.key().masked()) {
        return k.key().cleartext().map(s -> s.getBytes(StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /** The key for a peer address, as bytes, or empty when none matches or it is not usable. */
  public static Optional<byte[]> forAddress(Config c, Ipv4Address peer) {
    PresharedKey best = null;
    for (PresharedKey k : all(c)) {
      if (k.byHostname() || !peer.matches(k.address(), k.mask())) {
        continue;
      }
      if (best == null || k.mask().prefixLength() > best.mask().prefixLength()) {
        best = k;
      }
    }
    if (best == null || best.key().masked()) {
      return Optional.empty();
    }
    return best.key().cleartext().map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  /** Every key: {@code crypto keyring} entries, then {@code crypto isakmp key} ones. */
  private static List<PresharedKey> all(Config c) {
    List<PresharedKey> all = new ArrayList<>();
    for (Keyring k : c.keyrings().values()) {
      all.addAll(k.keys());
    }
    all.addAll(c.isakmpKeys());
    return all;
  }
}
