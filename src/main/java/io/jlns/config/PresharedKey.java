package io.jlns.config;

/**
 * A pre-shared key for peers matching an address and mask, or for a peer identifying itself by
 * hostname (exactly one of the two is set).
 */
public record PresharedKey(Ipv4Address address, Ipv4Address mask, String hostname, Secret key) {
  public static PresharedKey forAddress(Ipv4Address address, Ipv4Address mask, Secret key) {
    return new PresharedKey(address, mask, null, key);
  }

  public static PresharedKey forHostname(String hostname, Secret key) {
    return new PresharedKey(null, null, hostname, key);
  }

  public boolean byHostname() {
    return hostname != null;
  }

  /** The identity part, for replacing an entry with the same peer. */
  public String peer() {
    return byHostname() ? "hostname " + hostname : "address " + address + " " + mask;
  }
}
