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
    boolean cleartext) {
  public static final int DEFAULT_HELLO = 60;

  public static VpdnGroup named(String name) {
    return new VpdnGroup(name, false, null, 0, true, null, DEFAULT_HELLO, false);
  }

  public VpdnGroup withAcceptDialin(boolean v) {
    return new VpdnGroup(name, v, v ? protocol : null, v ? virtualTemplate : 0, tunnelAuthentication, tunnelPassword, helloSeconds, cleartext);
  }

  public VpdnGroup withProtocol(String v) {
    return new VpdnGroup(name, acceptDialin, v, virtualTemplate, tunnelAuthentication, tunnelPassword, helloSeconds, cleartext);
  }

  public VpdnGroup withVirtualTemplate(int v) {
    return new VpdnGroup(name, acceptDialin, protocol, v, tunnelAuthentication, tunnelPassword, helloSeconds, cleartext);
  }

  public VpdnGroup withTunnelAuthentication(boolean v) {
    return new VpdnGroup(name, acceptDialin, protocol, virtualTemplate, v, tunnelPassword, helloSeconds, cleartext);
  }

  public VpdnGroup withTunnelPassword(Secret v) {
    return new VpdnGroup(name, acceptDialin, protocol, virtualTemplate, tunnelAuthentication, v, helloSeconds, cleartext);
  }

  /** jlns extension: accept L2TP that IPsec does not protect (for tests; off by default). */
  public VpdnGroup withCleartext(boolean v) {
    return new VpdnGroup(name, acceptDialin, protocol, virtualTemplate, tunnelAuthentication, tunnelPassword, helloSeconds, v);
  }

  public VpdnGroup withHello(int v) {
    return new VpdnGroup(name, acceptDialin, protocol, virtualTemplate, tunnelAuthentication, tunnelPassword, v, cleartext);
  }
}
