package io.jlns.server;

/**
 * The UDP ports the server listens on: L2TP (only with {@code l2tp cleartext}), IKE and NAT-T.
 * Tests move them above 1024 to run without privilege.
 */
record Ports(int l2tp, int ike, int natT) {
  static final Ports STANDARD = new Ports(1701, 500, 4500);
}
