package io.jlns.server;

/**
 * The UDP ports the server listens on: L2TP (only with {@code l2tp cleartext}), IKE and NAT-T.
 * Tests move them above 1024 to run without privilege.
 */
record Ports(int l2tp, int ike, int natT) {
  static final Ports STANDARD = new Ports(1701, 500, 4500);
  /**
   * Receive buffer of each listening socket: clients arrive and leave in bursts (an office at
   * nine, 200 clients leaving at once send ~1,200 datagrams in a few milliseconds), and the
   * kernel's default (212 KB) dropped hundreds of them in such a burst. Capped by
   * net.core.rmem_max; {@link #checkReceiveBuffer} says when it was.
   */
  static final int RECEIVE_BUFFER = 4 << 20;

  /** Logs once when the kernel gave a socket less than {@link #RECEIVE_BUFFER} (Linux reports twice what was set). */
  static void checkReceiveBuffer(io.netty.channel.Channel ch, String what) {
    int got = ch.config().getOption(io.netty.channel.ChannelOption.SO_RCVBUF);
    if (got < RECEIVE_BUFFER) {
      org.slf4j.LoggerFactory.getLogger(Ports.class).warn("%SYS-4-RCVBUF: the {} socket got a receive buffer of {} bytes,"
          + " not {}: bursts of clients may be dropped; raise sysctl net.core.rmem_max", what, got, RECEIVE_BUFFER);
    }
  }
}
