package io.jlns.config;

import java.util.Optional;

/** An IPv4 address as an unsigned 32-bit value; ordering is numeric. */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {
  public static final Ipv4Address ANY = new Ipv4Address(0);

  public static Optional<Ipv4Address> parse(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    int v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3) {
        return Optional.empty();
      }
      for (int i = 0; i < p.length(); i++) {
        if (!Character.isDigit(p.charAt(i))) {
          return Optional.empty();
        }
      }
      int o = Integer.parseInt(p);
      if (o > 255) {
        return Optional.empty();
      }
      v = (v << 8) | o;
    }
    return Optional.of(new Ipv4Address(v));
  }

  public static Ipv4Address of(String s) {
    return parse(s).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + s));
  }

  /** An IPv4 socket address's address. */
  public static Ipv4Address of(java.net.Inet4Address a) {
    byte[] b = a.getAddress();
    return new Ipv4Address((b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff);
  }

  public long unsigned() {
    return bits & 0xffffffffL;
  }

  public Ipv4Address plus(long n) {
    return new Ipv4Address((int) (unsigned() + n));
  }

  /** Whether this is a contiguous netmask (255.255.255.0, 0.0.0.0...). */
  public boolean isNetmask() {
    int inv = ~bits;
    return (inv & (inv + 1)) == 0;
  }

  public int prefixLength() {
    return Integer.bitCount(bits);
  }

  public boolean matches(Ipv4Address address, Ipv4Address mask) {
    return (bits & mask.bits) == (address.bits & mask.bits);
  }

  public byte[] toBytes() {
    return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
  }

  public java.net.InetAddress toInetAddress() {
    try {
      return java.net.InetAddress.getByAddress(toBytes());
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
  }

  @Override
  public int compareTo(Ipv4Address o) {
    return Integer.compareUnsigned(bits, o.bits);
  }

  @Override
  public String toString() {
    return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
  }
}
