package io.jlns.loadgen;

import io.jlns.esp.EspCrypto;
import io.jlns.esp.EspSa;
import io.jlns.esp.InnerUdp;
import io.jlns.time.EventLoopScheduler;
import io.jlns.time.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One client of the fleet, as a Windows, macOS or Linux L2TP/IPsec client is one: its own UDP
 * socket (so its own NAT-T endpoint), IKE, ESP in UDP (RFC 3948), L2TP, PPP and echo traffic.
 * Everything of a client runs on its socket's event loop.
 */
final class Client extends SimpleChannelInboundHandler<DatagramPacket>
    implements IkeInitiator.Io, IkeInitiator.Events, Lac.Events, PppPeer.Events {
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[65536]);

  final int index;
  private final Fleet fleet;
  private final Fleet.Settings s;
  private final Profile profile;
  private final InetSocketAddress server500;
  private final InetSocketAddress server4500;
  private final byte[] serverBytes;
  private final byte[] privateAddress;
  private final int l2tpPort;
  private final SplittableRandom random;
  private Channel ch;
  private Scheduler clock;
  private IkeInitiator ike;
  private Lac lac;
  private PppPeer ppp;
  private EspSa sa;
  private EspSa previous;
  private Child child;
  private final int[] result = new int[2];
  private byte[] ourIp;
  private byte[] pingTarget;
  private long startNanos;
  private boolean isUp;
  private boolean over;
  private int pingSeq;
  private java.util.concurrent.ScheduledFuture<?> pacer;

  Client(Fleet fleet, int index, Profile profile, SplittableRandom random) {
    this.fleet = fleet;
    this.s = fleet.settings();
    this.index = index;
    this.profile = profile;
    this.random = random;
    this.server500 = new InetSocketAddress(s.server(), s.ikePort());
    this.server4500 = new InetSocketAddress(s.server(), s.natTPort());
    this.serverBytes = s.server().getAddress();
    // The address the client believes it has behind its NAT (10.x.y.z): in its NAT-D, ID and NAT-OA.
    this.privateAddress = new byte[] {10, (byte) (index >>> 16), (byte) (index >>> 8), (byte) (index | 1)};
    this.l2tpPort = profile.ephemeralL2tpPort() ? 49152 + random.nextInt(16384) : 1701;
  }

  /** Bound: start Main Mode on the channel's loop. */
  void start(Channel channel) {
    this.ch = channel;
    this.clock = new EventLoopScheduler(channel.eventLoop());
    startNanos = System.nanoTime();
    ike = new IkeInitiator(new IkeInitiator.Settings(s.ike(profile), s.esp(profile), s.psk(), profile, s.pfs(), privateAddress,
        IkeInitiator.Retransmit.DEFAULT), server500, this, this, clock, random, fleet::dhPair);
    clock.schedule(s.connectTimeoutMillis(), () -> {
      if (!isUp && !over) {
        failed(stageFailure(), "not connected after " + s.connectTimeoutMillis() / 1000 + " s");
      }
    });
    ike.start();
  }

  private Failure stageFailure() {
    if (ike.state() != IkeInitiator.State.PHASE1 && child == null) {
      return Failure.IKE_TIMEOUT;
    }
    if (child == null) {
      return Failure.QUICK_MODE;
    }
    if (lac == null || lac.state() != Lac.State.ESTABLISHED) {
      return Failure.L2TP_TIMEOUT;
    }
    return ppp.phase() == PppPeer.Phase.NETWORK ? Failure.NO_ADDRESS : Failure.PPP_TIMEOUT;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
    if (over) {
      return;
    }
    ByteBuf b = p.content();
    int n = b.readableBytes();
    byte[] a = SCRATCH.get();
    b.getBytes(b.readerIndex(), a, 0, n);
    if (p.sender().getPort() == server500.getPort()) {
      ike.onMessage(java.util.Arrays.copyOf(a, n));
      return;
    }
    if (n == 1 && (a[0] & 0xFF) == 0xFF) {
      return; // NAT keepalive (RFC 3948 section 2.3)
    }
    if (n >= 4 && a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] == 0) {
      ike.onMessage(java.util.Arrays.copyOfRange(a, 4, n)); // non-ESP marker: IKE (RFC 3948 section 2.2)
      return;
    }
    onEsp(a, n);
  }

  private void onEsp(byte[] a, int n) {
    if (n < 8) {
      return;
    }
    int spi = (a[0] & 0xFF) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | a[3] & 0xFF;
    EspSa in = sa != null && sa.inboundSpi == spi ? sa : previous != null && previous.inboundSpi == spi ? previous : null;
    if (in == null || in.open(a, 0, n, result, System.currentTimeMillis()) != EspCrypto.Result.OK || result[1] != InnerUdp.PROTOCOL) {
      fleet.espDropped();
      return;
    }
    int off = 8 + in.outbound().ivLength();
    int udpLen = InnerUdp.length(a, off);
    if (udpLen < InnerUdp.HEADER || udpLen > result[0]) {
      return;
    }
    if (lac != null) {
      lac.onDatagram(Unpooled.wrappedBuffer(a, off + InnerUdp.HEADER, udpLen - InnerUdp.HEADER));
    }
  }

  // IKE

  @Override
  public void send(boolean natT, byte[] m) {
    if (ch == null || !ch.isActive()) {
      return;
    }
    ByteBuf b = ch.alloc().buffer(m.length + 4);
    if (natT) {
      b.writeInt(0);
    }
    b.writeBytes(m);
    ch.writeAndFlush(new DatagramPacket(b, natT ? server4500 : server500));
  }

  @Override
  public void phase1Up(IkeKeys keys) {
    ike.quickMode();
  }

  @Override
  public void childUp(Child c) {
    boolean rekey = child != null;
    EspSa old = sa;
    sa = new EspSa(c.ourSpi(), c.theirSpi(), crypto(c, c.encIn(), c.authIn()), crypto(c, c.encOut(), c.authOut()), 64,
        c.lifetimeKilobytes(), server4500, c);
    sa.activate();
    Child oldChild = child;
    child = c;
    previous = old;
    // Rekey before the lifetime ends, as clients do (Windows at about 90%).
    long at = Math.max(1000, c.lifetimeSeconds() * 900);
    clock.schedule(at, () -> {
      if (!over && child == c) {
        if (ike.state() == IkeInitiator.State.PHASE1) {
          ike.quickMode();
        } else {
          ike.start(); // the ISAKMP SA is gone: a new Main Mode first (no INITIAL-CONTACT this time)
        }
      }
    });
    if (rekey) {
      fleet.stats().rekeys.increment();
      // The new pair carries traffic now; the old one is deleted (Windows: INFORMATIONAL [HASH D]).
      ike.deleteChild(oldChild.ourSpi());
      return;
    }
    lac = new Lac(this, clock, ch.alloc(), 1 + random.nextInt(65535), 1 + random.nextInt(65535), "loadgen-" + index);
    lac.start(s.connectTimeoutMillis());
  }

  private EspCrypto crypto(Child c, byte[] enc, byte[] auth) {
    byte[] seed = new byte[16];
    random.nextBytes(seed);
    return new EspCrypto(c.suite().cipher(), c.suite().integrity(), enc, auth, seed);
  }

  @Override
  public void childDeleted(int theirSpi) {
    if (previous != null && previous.outboundSpi == theirSpi) {
      previous = null;
    } else if (sa != null && sa.outboundSpi == theirSpi) {
      failed(Failure.DROPPED, "the server deleted our ESP SA 0x" + Integer.toHexString(theirSpi));
    }
  }

  @Override
  public void failed(Failure f, String reason) {
    if (over) {
      return;
    }
    over = true;
    fleet.stats().failed(f, "client " + index + ": " + reason);
    if (isUp) {
      fleet.stats().up.decrement();
    }
    teardown(f == Failure.DROPPED || f == Failure.AUTH_FAILED || f == Failure.NO_ADDRESS);
    fleet.clientDone(this, false);
  }

  // L2TP

  @Override
  public void send(ByteBuf l2tp) {
    if (sa == null || ch == null || !ch.isActive()) {
      l2tp.release();
      return;
    }
    int len = l2tp.readableBytes();
    int n = InnerUdp.HEADER + len;
    EspCrypto out = sa.outbound();
    ByteBuf b = ch.alloc().heapBuffer(n + out.overhead(n));
    byte[] a = b.array();
    int base = b.arrayOffset();
    int start = base + 8 + out.ivLength();
    InnerUdp.writeHeader(a, start, l2tpPort, 1701, len);
    l2tp.getBytes(l2tp.readerIndex(), a, start + InnerUdp.HEADER, len);
    l2tp.release();
    // Transport mode behind a NAT: the checksum covers our own address (RFC 3948 section 3.1.2).
    InnerUdp.writeChecksum(a, start, n, privateAddress, serverBytes);
    int sealed = sa.seal(InnerUdp.PROTOCOL, a, base, n);
    if (sealed < 0) {
      b.release();
      return;
    }
    b.writerIndex(sealed);
    ch.writeAndFlush(new DatagramPacket(b, server4500));
  }

  @Override
  public void sessionUp() {
    ppp = new PppPeer(this, clock, random, profile, s.auth(), s.user(index), s.password(index));
    ppp.start();
  }

  @Override
  public void ppp(ByteBuf frame) {
    ppp.onFrame(frame.array(), frame.arrayOffset() + frame.readerIndex(), frame.readableBytes());
  }

  @Override
  public void down(Failure f, String reason) {
    failed(f, reason);
  }

  // PPP

  @Override
  public void send(byte[] frame) {
    lac.sendPpp(frame, 0, frame.length);
  }

  @Override
  public void up(byte[] ourAddress, byte[] peerAddress) {
    isUp = true;
    ourIp = ourAddress;
    pingTarget = s.ping() != null ? s.ping().getAddress() : peerAddress;
    fleet.stats().connected(startNanos, System.nanoTime());
    fleet.clientUp(this);
  }

  @Override
  public void ip(byte[] b, int off, int len) {
    long sentNanos = Echo.reply(b, off, len, ourIp, index & 0xFFFF);
    if (sentNanos != 0) {
      fleet.stats().pingsReceived.increment();
      fleet.stats().bytesReceived.add(len);
      fleet.stats().rttMicros.recordValue(Math.max(0, (System.nanoTime() - sentNanos) / 1000));
      if (s.window() > 0 && fleet.trafficOn()) {
        ping();
      }
    }
  }

  /** Traffic: echoes at {@code pps}, or a closed loop of {@code window} echoes in flight. */
  void startTraffic() {
    if (!isUp || over) {
      return;
    }
    if (s.window() > 0) {
      for (int i = 0; i < s.window(); i++) {
        ping();
      }
    } else if (s.pps() > 0) {
      long period = 1_000_000_000L / s.pps();
      pacer = ch.eventLoop().scheduleAtFixedRate(() -> {
        if (!over && fleet.trafficOn()) {
          ping();
        }
      }, random.nextLong(period), period, TimeUnit.NANOSECONDS);
    }
  }

  private void ping() {
    if (over || ppp == null) {
      return;
    }
    byte[] pkt = Echo.request(ourIp, pingTarget, index & 0xFFFF, pingSeq++ & 0xFFFF, s.size(), System.nanoTime());
    fleet.stats().pingsSent.increment();
    fleet.stats().bytesSent.add(pkt.length);
    ppp.sendIp(pkt, 0, pkt.length);
  }

  /** Leaves as the profile's client does: PPP Terminate, CDN and StopCCN, Deletes (unless macOS vanishes). */
  void leave() {
    if (over) {
      return;
    }
    if (!isUp && s.scenario().equals("churn")) {
      // A churn run ends at a set time: whoever is still connecting then is cut off, not failed.
      over = true;
      fleet.stats().cut.increment();
      teardown(true);
      fleet.clientDone(this, false);
      return;
    }
    if (!isUp) {
      failed(ike == null ? Failure.SOCKET : stageFailure(), "still connecting when the run ended");
      return;
    }
    over = true;
    fleet.stats().up.decrement();
    fleet.stats().left.increment();
    teardown(true);
    fleet.clientDone(this, true);
  }

  private void teardown(boolean polite) {
    if (polite && ppp != null) {
      ppp.close();
    }
    if (polite && lac != null) {
      lac.close();
    }
    if (ike != null) {
      if (polite && profile.deletesOnExit() && child != null) {
        ike.deleteChild(child.ourSpi());
      }
      ike.close(polite && profile.deletesOnExit());
    }
    if (pacer != null) {
      pacer.cancel(false);
    }
    if (ch != null) {
      // Let the last messages leave before the socket goes.
      ch.eventLoop().schedule(() -> ch.close(), 200, TimeUnit.MILLISECONDS);
    }
  }

  void eventLoopExecute(Runnable r) {
    if (ch != null) {
      ch.eventLoop().execute(r);
    }
  }

  void leaveAfter(long millis) {
    ch.eventLoop().schedule(this::leave, millis, TimeUnit.MILLISECONDS);
  }

  /** The socket could not be bound (no port left on the source address, a missing address). */
  void socketFailed(String reason) {
    over = true;
    fleet.stats().failed(Failure.SOCKET, "client " + index + ": " + reason);
    fleet.clientDone(this, false);
  }

  boolean up() {
    return isUp && !over;
  }
}
