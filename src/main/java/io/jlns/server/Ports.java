package io.jlns.server;

/**
 * The UDP ports the server listens on: L2TP (only with {@code l2tp cleartext}), IKE and NAT-T.
 * Tests move them above 1024 to run without privilege.
 */
record Ports(int l2tp, int ike, int natT) {
  static final Ports STANDARD = new Ports(1701, 500, 4500);
  /**
   * Receive buffer of each listening socket: clients arrive and leave in bursts (an office at
   * nine, 200 clients leaving at once send ~1,200 datagrams in a few milliseconds), and a loop
   * stops reading for a garbage collection now and then while 100,000 clients' keepalives (about
   * 25,000 datagrams a second) keep coming: the kernel's default (212 KB) dropped hundreds in such
   * a burst, 4 MB thousands at 100,000 clients. Capped by net.core.rmem_max;
   * {@link #checkReceiveBuffer} says when it was.
   */
  static final int RECEIVE_BUFFER = 16 << 20;
  /** The largest datagram taken whole (a jumbo frame; IKE with pre-shared keys and ESP stay far below). */
  static final int MAX_DATAGRAM = 9216;
  static final int RECV_BATCH = 16;

  /** Logs once when the kernel gave a socket less than {@link #RECEIVE_BUFFER} (Linux reports twice what was set). */
  static void checkReceiveBuffer(io.netty.channel.Channel ch, String what) {
    int got = ch.config().getOption(io.netty.channel.ChannelOption.SO_RCVBUF);
    if (got < RECEIVE_BUFFER) {
      org.slf4j.LoggerFactory.getLogger(Ports.class).warn("%SYS-4-RCVBUF: the {} socket got a receive buffer of {} bytes,"
          + " not {}: bursts of clients may be dropped; raise sysctl net.core.rmem_max", what, got, RECEIVE_BUFFER);
    }
  }

  /**
   * A UDP bootstrap on {@code loop}: epoll where the kernel has it, with SO_REUSEPORT so every loop
   * binds the same address and port and the kernel spreads clients over them by 4-tuple (each
   * client's packets always reach the same loop), and the big receive buffer.
   */
  static io.netty.bootstrap.Bootstrap udp(io.netty.channel.EventLoop loop) {
    boolean epoll = io.netty.channel.epoll.Epoll.isAvailable();
    io.netty.bootstrap.Bootstrap b = new io.netty.bootstrap.Bootstrap().group(loop)
        .channel(epoll ? io.netty.channel.epoll.EpollDatagramChannel.class : io.netty.channel.socket.nio.NioDatagramChannel.class)
        .option(io.netty.channel.ChannelOption.SO_REUSEADDR, true)
        .option(io.netty.channel.ChannelOption.SO_RCVBUF, RECEIVE_BUFFER)
        // What a loop may queue for one socket before it drops (Flusher): a batch is far below it.
        .option(io.netty.channel.ChannelOption.WRITE_BUFFER_WATER_MARK, new io.netty.channel.WriteBufferWaterMark(512 << 10, 1 << 20));
    if (epoll) {
      // recvmmsg(2): up to RECV_BATCH datagrams per system call, sliced from one pooled buffer; and
      // such calls until the socket is empty (or MAX_MESSAGES_PER_READ of them): a batch that did
      // not fill the buffer says nothing about the datagrams behind it. Stopping after one batch per
      // readiness event (Netty's default guess) let 80,000 clients' keepalives overflow 8 MB.
      // Level-triggered: a socket that still holds datagrams when the loop stops reading it (its
      // batch limit) is reported again on the next turn. Edge-triggered, a full socket reported
      // nothing more (a datagram dropped for lack of room raises no event): it stalled for good.
      b.option(io.netty.channel.epoll.EpollChannelOption.EPOLL_MODE, io.netty.channel.epoll.EpollMode.LEVEL_TRIGGERED)
          .option(io.netty.channel.epoll.EpollChannelOption.SO_REUSEPORT, true)
          .option(io.netty.channel.epoll.EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
          .option(io.netty.channel.ChannelOption.RCVBUF_ALLOCATOR,
              new io.netty.channel.FixedRecvByteBufAllocator(MAX_DATAGRAM * RECV_BATCH).respectMaybeMoreData(false));
    }
    return b;
  }
}
