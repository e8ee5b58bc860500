package io.jlns.config;

/**
 * {@code vpdn-group NAME}. IOS defaults: tunnel authentication on, HELLO every 60 s.
 *
 * @param cleartext {@code l2tp cleartext} (jlns extension): accept L2TP not protected by IPsec
 *
 * @param virtualTemplate the {@code virtual-template N} of {@code accept-dialin}, or 0
 * @param protocol {@code l2tp} or {@code any}, or null when {@code protocol} was not given
 */
public record VpdnGroup(
    String name,
    boolean acceptDialin,
    String protocol,
    int virtualTemplate,
    boolean tunnelAuthentication,
    Secret tunnelPassword,
    int helloSeconds,
    boolean cleartext,
    Retransmit retransmit) {
  public static final int DEFAULT_HELLO = 60;

  /**
   * {@code l2tp tunnel retransmit retries N} and {@code l2tp tunnel retransmit timeout min|max S}:
   * an unacknowledged control message is sent again after min seconds, the wait doubling up to
   * max, and after N retransmissions the tunnel is given up (RFC 2661 section 5.8). IOS defaults.
   */
  public record Retransmit(int retries, int minSeconds, int maxSeconds) {
    public static final Retransmit DEFAULT = new Retransmit(5, 1, 8);

    public Retransmit withRetries(int v) {
      return new Retransmit(v, minSeconds, maxSeconds);
    }

    public Retransmit withMin(int v) {
      return new Retransmit(retries, v, maxSeconds);
    }

    public Retransmit withMax(int v) {
      return new Retransmit(retries, minSeconds, v);
    }
  }

  public static VpdnGroup named(String name) {
    return new VpdnGroup(name, false, null, 0, true, null, DEFAULT_HELLO, false, Retransmit.DEFAULT);
  }

  public VpdnGroup withAcceptDialin(boolean v) {
    return new VpdnGroup(name, v, v ? protocol : null, v ? virtualTemplate : 0, tunnelAuthentication, tunnelPassword, helloSeconds, cleartext, retransmit);
  }

  public VpdnGroup withProtocol(String v) {
    return new VpdnGroup(name, acceptDialin, v, virtualTemplate, tunnelAuthentication, tunnelPassword, helloSeconds, cleartext, retransmit);
  }

  public VpdnGroup withVirtualTemplate(int v) {
    return new VpdnGroup(name, acceptDialin, protocol, v, tunnelAuthentication, tunnelPassword, helloSeconds, cleartext, retransmit);
  }

  public VpdnGroup withTunnelAuthentication(boolean v) {
    return new VpdnGroup(name, acceptDialin, protocol, virtualTemplate, v, tunnelPassword, helloSeconds, cleartext, retransmit);
  }

  public VpdnGroup withTunnelPassword(Secret v) {
    return new VpdnGroup(name, acceptDialin, protocol, virtualTemplate, tunnelAuthentication, v, helloSeconds, cleartext, retransmit);
  }

  /** jlns extension: accept L2TP that IPsec does not protect (for tests; off by default). */
  public VpdnGroup withCleartext(boolean v) {
    return new VpdnGroup(name, acceptDialin, protocol, virtualTemplate, tunnelAuthentication, tunnelPassword, helloSeconds, v, retransmit);
  }

  public VpdnGroup withHello(int v) {
    return new VpdnGroup(name, acceptDialin, protocol, virtualTemplate, tunnelAuthentication, tunnelPassword, v, cleartext, retransmit);
  }

  public VpdnGroup withRetransmit(Retransmit v) {
    return new VpdnGroup(name, acceptDialin, protocol, virtualTemplate, tunnelAuthentication, tunnelPassword, helloSeconds, cleartext, v);
  }
}
