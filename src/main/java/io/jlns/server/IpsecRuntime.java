package io.jlns.server;

import io.jlns.time.WheelScheduler;

import io.jlns.config.Config;
import io.jlns.config.RunningConfig;
import io.jlns.demux.PortTranslator;
import io.jlns.esp.EspCrypto;
import io.jlns.esp.EspSa;
import io.jlns.esp.InnerDatagram;
import io.jlns.esp.InnerIpv4;
import io.jlns.esp.InnerUdp;
import io.jlns.esp.SpiTable;
import io.jlns.esp.UdpEncapsulation;
import io.jlns.ike.ChildSa;
import io.jlns.ike.IkeResponder;
import io.jlns.log.Drops;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IPsec of one shard (one event loop): IKE on UDP 500 and 4500 (RFC 3947), ESP in UDP 4500 (RFC
 * 3948) between the shard's SPI table and its L2TP core. Every loop binds the same sockets
 * (SO_REUSEPORT); ESP for an SA of another loop (its NAT mapping moved, so the kernel's hash
 * changed) is copied there. Each crypto-map interface's address is bound; where
 * that address is not on the host, every host address is bound one by one, so each reply leaves
 * from the address the peer used (NAT-D hashes depend on it).
 */
final class IpsecRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.esp");
  static final int L2TP_PORT = 1701;
  private final RunningConfig running;
  private final EventLoop loop;
  private final L2tpRuntime l2tp;
  private final ByteBufAllocator alloc;
  private final int natTPort;
  private final SecureRandom random = new SecureRandom();
  private final WheelScheduler scheduler;
  private final Shared shared;
  private final int index;
  final IkeResponder ike;
  final SpiTable table = new SpiTable();
  final PortTranslator demux;
  private final Map<InetAddress, Channel> ikeChannels = new HashMap<>();
  private final Map<InetAddress, Channel> natTChannels = new HashMap<>();
  final Drops drops = new Drops(LOG);
  private final PlainEsp plain;
  private final Flusher flusher;
  private final byte[] scratch = new byte[65536];
  private ByteBuf scratchBuf = Unpooled.wrappedBuffer(scratch);
  private final int[] result = new int[2];
  private final int[] where = new int[2];

  IpsecRuntime(Shared shared, int index, L2tpRuntime l2tp, PlainEsp plain, int ikePort, int natTPort) {
    this.shared = shared;
    this.index = index;
    this.running = shared.running;
    this.l2tp = l2tp;
    this.loop = l2tp.loop();
    this.alloc = l2tp.alloc();
    this.natTPort = natTPort;
    this.plain = plain;
    this.scheduler = l2tp.scheduler;
    this.demux = new PortTranslator(shared.demuxPorts);
    this.flusher = new Flusher(loop, drops);
    for (InetAddress a : IpsecAddresses.listening(running.get())) {
      bind(a, ikePort, ikeChannels, false);
      bind(a, natTPort, natTChannels, true);
    }
    this.ike = new IkeResponder(running::get, scheduler, random, this::sendIke,
        new EspSas(table, demux, plain, l2tp, random, shared.spis, shared.newestByAddress, () -> shared.shards().get(index)), shared.workers.on(loop),
        shared.ike, loop);
    loop.execute(() -> scheduler.schedule(1000, this::natKeepalives));
    IkeSocketFilters filters = new IkeSocketFilters(ikeChannels.values(), natTChannels.values(), shared.ike::shunned, scheduler);
    loop.execute(filters::start);
    shared.ike.onShun(() -> loop.execute(filters::apply));
    l2tp.onTunnelClosed(this::tunnelClosed);
  }

  /**
   * A demuxed client's L2TP tunnel closed (either side): once it has opened no other within a
   * few seconds (the client usually deletes its SAs itself), its IPsec SAs go too, so the
   * client's port, SAs, tunnel, session and address are all released together.
   */
  private void tunnelClosed(InetSocketAddress peer) {
    PortTranslator.Client c = demux.byTranslated(peer);
    if (c == null) {
      return;
    }
    InetSocketAddress endpoint = c.endpoint();
    scheduler.schedule(3000, () -> {
      PortTranslator.Client now = demux.byEndpoint(endpoint);
      if (now != null && !l2tp.hasTunnel(now.translated())) {
        int n = ike.deletePeer(endpoint, "its L2TP tunnel closed");
        LOG.info("%CRYPTO-6-NAT_DEMUX: client {} (port {}) has no L2TP tunnel left: {} ESP SA pair(s) and its ISAKMP SA deleted",
            IkeResponder.text(endpoint), now.port(), n);
      }
    });
  }

  /**
   * {@code crypto isakmp nat keepalive S}: a one-byte 0xFF datagram (RFC 3948 section 2.3) to each
   * NAT-T peer we sent nothing to for S seconds, so the NAT keeps the client's mapping.
   */
  private void natKeepalives() {
    int every = running.get().natKeepalive();
    if (every > 0) {
      long now = scheduler.nowMillis();
      Set<InetSocketAddress> done = new java.util.HashSet<>();
      for (EspSa sa : table.all()) {
        ChildSa c = (ChildSa) sa.owner;
        if (!c.suite().udpEncapsulated() || now - Math.max(sa.lastOutboundMillis, c.createdMillis()) < every * 1000L
            || !done.add(sa.peer())) {
          continue;
        }
        Channel ch = natTChannels.get(c.local().getAddress());
        if (ch != null) {
          ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF}), sa.peer()));
          sa.lastOutboundMillis = now;
          drops.count("nat-keepalive-sent");
        }
      }
    }
    scheduler.schedule(every > 0 ? Math.min(every * 1000L, 5000) : 10_000, this::natKeepalives);
  }

  private void bind(InetAddress a, int port, Map<InetAddress, Channel> into, boolean natT) {
    Bootstrap b = Ports.udp(loop);
    if (!natT) {
      // UDP 500 brings only new clients (behind a NAT everything after Main Mode's message 4 is on
      // 4500): one batch of it per loop iteration, so a flood of forged Main Modes waits its turn
      // behind the ESP of connected clients instead of taking the loop.
      b.option(ChannelOption.MAX_MESSAGES_PER_READ, 1);
    }
    b.handler(new SimpleChannelInboundHandler<DatagramPacket>() {
      @Override
      protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        Capturing.udp(shared.captures, ike, natT, local, p.sender(), p.content(), true);
        if (natT) {
          onNatT(local, p.sender(), p.content());
        } else {
          ike.onMessage(local, p.sender(), bytes(p.content(), 0));
        }
      }
    });
    try {
      Channel ch = b.bind(new InetSocketAddress(a, port)).sync().channel();
      if (index == 0) {
        Ports.checkReceiveBuffer(ch, natT ? "NAT-T" : "IKE");
      }
      into.put(a, ch);
    } catch (Exception e) {
      if (index == 0) {
        LOG.error("%CRYPTO-3-BIND: cannot listen on {}:{} for {}: {}", a.getHostAddress(), port, natT ? "NAT-T" : "IKE",
            e.getMessage());
      }
    }
  }

  private static byte[] bytes(ByteBuf b, int skip) {
    byte[] out = new byte[b.readableBytes() - skip];
    b.getBytes(b.readerIndex() + skip, out);
    return out;
  }

  private void onNatT(InetSocketAddress local, InetSocketAddress sender, ByteBuf buf) {
    int len = buf.readableBytes();
    if (len > scratch.length) {
      if (drops.loud("oversize")) {
        drops.log("oversize", "%CRYPTO-4-PKT_TOO_BIG: " + len + "-byte datagram on NAT-T from " + IkeResponder.text(sender));
      }
      return;
    }
    buf.getBytes(buf.readerIndex(), scratch, 0, len);
    switch (UdpEncapsulation.classify(scratch, 0, len)) {
      case KEEPALIVE -> drops.count("nat-keepalive");
      case IKE -> ike.onMessage(local, sender, bytes(buf, UdpEncapsulation.NON_ESP_MARKER_LENGTH));
      case ESP -> onEsp(local, sender, len, true);
      default -> {
        if (drops.loud("malformed")) {
          drops.log("malformed", "%CRYPTO-4-RECVD_PKT_MALFORMED: " + len + "-byte datagram on NAT-T from "
              + IkeResponder.text(sender) + " is neither ESP, IKE nor a keepalive");
        }
      }
    }
  }

  /**
   * An ESP packet handed to this loop from another thread: straight over IP from the raw socket
   * (a client behind no NAT, its IPv4 header already checked and taken off), or in UDP from another
   * loop that received it for an SA of this one.
   */
  void onEsp(InetSocketAddress local, InetSocketAddress sender, byte[] esp, int off, int len, boolean encapsulated) {
    System.arraycopy(esp, off, scratch, 0, len);
    onEsp(local, sender, len, encapsulated);
  }

  /**
   * One ESP packet in {@code scratch[0..len)}, from a NAT-T endpoint ({@code encapsulated}) or
   * straight over IP; an SA takes packets only the way it was negotiated.
   */
  private void onEsp(InetSocketAddress local, InetSocketAddress sender, int len, boolean encapsulated) {
    int spi = (scratch[0] & 0xFF) << 24 | (scratch[1] & 0xFF) << 16 | (scratch[2] & 0xFF) << 8 | scratch[3] & 0xFF;
    EspSa sa = table.inbound(spi);
    if (sa == null) {
      Shard owner = shared.spis.get(spi);
      if (owner != null && owner.index() != index) {
        // The SA is another loop's: its client's NAT mapping moved and the kernel's hash with it.
        byte[] copy = java.util.Arrays.copyOf(scratch, len);
        drops.count("to-other-loop");
        owner.loop().execute(() -> owner.ipsec().onEsp(local, sender, copy, 0, len, encapsulated));
        return;
      }
      if (drops.loud("invalid-spi")) {
        drops.log("invalid-spi", "%CRYPTO-4-RECVD_PKT_INV_SPI: ESP from " + IkeResponder.text(sender) + " with unknown SPI 0x"
            + String.format("%08X", spi));
      }
      return;
    }
    ChildSa child = (ChildSa) sa.owner;
    Capturing.sawSa(shared.captures, spi, child);
    if (child.suite().udpEncapsulated() != encapsulated) {
      if (drops.loud("wrong-encapsulation")) {
        drops.log("wrong-encapsulation", "%CRYPTO-4-RECVD_PKT_MALFORMED: ESP from " + IkeResponder.text(sender) + " for SA 0x"
            + String.format("%08X", spi) + (encapsulated ? " came in UDP, but the SA was negotiated without NAT-T"
            : " came over IP protocol 50, but the SA was negotiated UDP-encapsulated"));
      }
      return;
    }
    EspCrypto.Result r = sa.open(scratch, 0, len, result, scheduler.nowMillis());
    if (r != EspCrypto.Result.OK) {
      if (drops.loud(r.name())) {
        String what = switch (r) {
          case REPLAYED -> "%CRYPTO-4-PKT_REPLAY_ERR: replayed ESP packet (sequence outside the window or seen) from ";
          case AUTH_FAILED -> "%CRYPTO-4-RECVD_PKT_MAC_ERR: ESP packet failed its integrity check from ";
          case BAD_PADDING -> "%CRYPTO-4-RECVD_PKT_BAD_PAD: ESP packet with invalid padding from ";
          default -> "%CRYPTO-4-RECVD_PKT_MALFORMED: truncated ESP packet from ";
        };
        drops.log(r.name(), what + IkeResponder.text(sender) + " (SPI 0x" + String.format("%08X", spi) + ")");
      }
      return;
    }
    if (sa.expiryToReport()) {
      volumeUsedUp(sa);
    } else if (sa.rekeyDue()) {
      loop.execute(() -> ike.volumeNearlyUsed(sa.inboundSpi));
    }
    InetSocketAddress before = sa.peer();
    if (encapsulated && table.follow(sa, sender)) {
      demux.move(before, sender);
      LOG.info("%CRYPTO-6-PEER_MOVED: ESP SA 0x{} now reaches its peer at {} (NAT mapping changed, RFC 3948 section 4)",
          String.format("%08X", spi), IkeResponder.text(sender));
    }
    // The checksum's addresses (copies) only when it is checked: 'vpdn ip udp ignore checksum' skips them.
    boolean check = !running.get().vpdnIgnoreUdpChecksum();
    byte[] src = !check ? null : child.peerOriginal() != null ? child.peerOriginal() : sender.getAddress().getAddress();
    InnerDatagram.Verdict v = InnerDatagram.locate(scratch, 8 + sa.outbound().ivLength(), result[0], result[1], src,
        check ? local.getAddress().getAddress() : null, check, where);
    if (v != InnerDatagram.Verdict.OK) {
      String from = IkeResponder.text(sender);
      switch (v) {
        case TUNNEL_NOT_UDP -> drop("not-udp", "%CRYPTO-4-NOT_L2TP: tunnel-mode packet from " + from + " is not UDP");
        case NOT_UDP -> drop("not-udp", "%CRYPTO-4-NOT_L2TP: ESP from " + from + " carries protocol " + result[1] + ", not UDP");
        case TRUNCATED_UDP -> drop("not-udp", "%CRYPTO-4-NOT_L2TP: ESP from " + from + " carries a truncated UDP datagram");
        case BAD_CHECKSUM -> drop("udp-checksum", "%CRYPTO-4-BAD_UDP_CHECKSUM: inner UDP checksum from " + from
            + " does not verify against its NAT-OA address; 'vpdn ip udp ignore checksum' skips this check");
        default -> drop("not-l2tp", "%CRYPTO-4-NOT_L2TP: ESP from " + from + " to UDP port "
            + InnerUdp.destinationPort(scratch, where[0]) + ", not L2TP (1701)");
      }
      return;
    }
    int off = where[0];
    int udpLen = where[1];
    int srcPort = InnerUdp.sourcePort(scratch, off);
    // One wrapper over the scratch array for every packet: L2TP does not keep the buffer it is given.
    if (scratchBuf.refCnt() == 0) {
      // Defensive: a layer above released what it did not own; never fail the next packet for it.
      scratchBuf = Unpooled.wrappedBuffer(scratch);
    }
    scratchBuf.setIndex(off + InnerUdp.HEADER, off + udpLen);
    PortTranslator.Client client = (PortTranslator.Client) sa.upper;
    InetSocketAddress from;
    if (client != null) {
      // NAT demux: L2TP sees this client as public-ip:its-port, whatever its own source port.
      client.innerPort(srcPort);
      from = client.translated();
    } else {
      from = sa.upperPeer;
      if (from == null || from.getPort() != srcPort || !from.getAddress().equals(sender.getAddress())) {
        from = new InetSocketAddress(sender.getAddress(), srcPort);
        sa.upperPeer = from;
      }
    }
    l2tp.deliver(from, scratchBuf);
  }

  /** L2TP to a peer: true when an SA took it (and the buffer), false to let cleartext L2TP have it. */
  boolean sendL2tp(InetSocketAddress to, ByteBuf buf) {
    PortTranslator.Client client = demux.byTranslated(to);
    EspSa sa;
    int dstPort;
    if (client != null) {
      // NAT demux: the client's newest SA, and its own L2TP port back in place of the translated one.
      sa = table.inbound(client.newestSpi());
      dstPort = client.innerPort();
      if (sa != null && !sa.outboundReady()) {
        sa = null;
      }
    } else {
      Shared.Newest n = shared.newestByAddress.get(to.getAddress());
      if (n != null && n.shard().index() != index) {
        // Without NAT demux the newest SA to that address wins, whichever loop has it.
        Shard owner = n.shard();
        owner.loop().execute(() -> {
          if (!owner.ipsec().sendL2tp(to, buf)) {
            buf.release();
          }
        });
        return true;
      }
      sa = table.newestTo(to.getAddress());
      dstPort = to.getPort();
    }
    if (sa == null) {
      return false;
    }
    ChildSa child = (ChildSa) sa.owner;
    // Tunnel mode (RFC 4303 section 3.1.2): an inner IPv4 header from us to the client's own address.
    boolean tunnel = !child.suite().transport();
    int ip = tunnel ? 20 : 0;
    int n = ip + InnerUdp.HEADER + buf.readableBytes();
    EspCrypto crypto = sa.outbound();
    ByteBuf out = alloc.heapBuffer(n + crypto.overhead(n));
    byte[] a = out.array();
    int base = out.arrayOffset();
    int start = base + 8 + crypto.ivLength();
    if (tunnel) {
      if (sa.upperAddress == null) {
        sa.upperAddress = IpsecAddresses.inner(child);
      }
      InnerIpv4.writeHeader(a, start, n, child.local().getAddress().getAddress(), sa.upperAddress);
    }
    InnerUdp.writeHeader(a, start + ip, L2TP_PORT, dstPort, buf.readableBytes());
    buf.getBytes(buf.readerIndex(), a, start + ip + InnerUdp.HEADER, buf.readableBytes());
    buf.release();
    int len = sa.seal(tunnel ? InnerIpv4.PROTOCOL : InnerUdp.PROTOCOL, a, base, n);
    if (len < 0) {
      out.release();
      if (sa.expiryToReport()) {
        volumeUsedUp(sa);
      }
      drop("expired", "%CRYPTO-4-SA_EXHAUSTED: ESP SA 0x" + String.format("%08X", sa.inboundSpi) + " to " + IkeResponder.text(sa.peer())
          + " used up its volume or sequence numbers: L2TP packet dropped until the peer rekeys");
      return true;
    }
    sa.lastOutboundMillis = scheduler.nowMillis();
    if (sa.rekeyDue()) {
      int spi = sa.inboundSpi;
      loop.execute(() -> ike.volumeNearlyUsed(spi));
    }
    Capturing.sent(shared.captures, sa, a, base, len);
    if (!child.suite().udpEncapsulated()) {
      // ESP straight over IP: the raw socket copies it out; the buffer goes back to the pool now.
      plain.send(child.local().getAddress(), a, base, len, sa.peerAddressBytes());
      out.release();
      return true;
    }
    Channel ch = natTChannels.get(child.local().getAddress());
    if (ch == null && !natTChannels.isEmpty()) {
      // The SA's local address has no NAT-T socket of its own: any bound one sends.
      ch = natTChannels.values().iterator().next();
    }
    if (ch == null) {
      out.release();
      drop("no-nat-t-socket", "%CRYPTO-4-SEND_FAILED: no NAT-T socket is bound: ESP to " + IkeResponder.text(sa.peer()) + " dropped");
      return true;
    }
    out.writerIndex(len);
    flusher.write(ch, new DatagramPacket(out, sa.peer()));
    return true;
  }

  private void sendIke(InetSocketAddress local, InetSocketAddress remote, byte[] message) {
    boolean natT = local.getPort() == natTPort;
    Channel ch = (natT ? natTChannels : ikeChannels).get(local.getAddress());
    if (ch == null) {
      return;
    }
    ByteBuf out = alloc.heapBuffer(message.length + 4);
    if (natT) {
      out.writeInt(0);
    }
    out.writeBytes(message);
    Capturing.udp(shared.captures, ike, natT, local, remote, out, false);
    ch.writeAndFlush(new DatagramPacket(out, remote));
  }

  /** RFC 4301 section 4.4.2.1 (an SA's byte-count lifetime: past it the SA is replaced or terminated), as IOS: deleted, Delete to the peer. */
  private void volumeUsedUp(EspSa sa) {
    long kb = ((ChildSa) sa.owner).suite().lifetimeKilobytes();
    // After this packet: deleting now would pull the SA from under the code that is using it.
    loop.execute(() -> ike.expireChild(sa.inboundSpi, "used up its volume lifetime of " + kb + " KB"
        + " (or its sequence numbers): deleted, the peer negotiates a new one"));
  }

  /** A drop of a packet that passed its integrity check: its peer is authenticated, so no flood to fear. */
  private void drop(String counter, String line) {
    drops.drop(counter, line);
  }

  List<EspSa> sas() {
    return new ArrayList<>(table.all());
  }

  /** On the loop, as the server stops (after L2TP said goodbye through the SAs): IKE Deletes for every SA. */
  int farewell(String reason) {
    return ike.deleteAll(reason);
  }

  @Override
  public void close() {
    ikeChannels.values().forEach(Channel::close);
    natTChannels.values().forEach(Channel::close);
  }
}
