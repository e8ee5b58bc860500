package io.jlns.l2tp;

import io.jlns.l2tp.message.ControlMessage;
import io.jlns.l2tp.message.Decoded;
import io.jlns.l2tp.message.L2tpCodec;
import io.jlns.l2tp.message.MessageType;
import io.jlns.log.Drops;
import io.jlns.time.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L2TP network server: datagrams from LACs in, datagrams out, PPP frames to and from the
 * sessions. Tunnels are keyed by the peer's address <b>and port</b> and the tunnel id, so the NAT
 * demux layer can present clients behind one address as different ports. No I/O of its own.
 */
public final class L2tpLns {
  /** Where datagrams to LACs go. */
  public interface Output {
    void send(InetSocketAddress to, ByteBuf datagram);
  }

  private static final Logger LOG = LoggerFactory.getLogger("jlns.l2tp");
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final Output output;
  private final ByteBufAllocator alloc;
  private final Supplier<TunnelSettings> settings;
  private final PppLink.Factory pppFactory;
  /**
   * Tunnels by peer, then by our id: the id has local significance only (RFC 2661 section 3.1), so
   * a peer's datagram is matched against that peer's few tunnels. Ids stay unique across peers
   * while the 16-bit space allows (IOS's {@code show vpdn} and {@code clear vpdn tunnel} name
   * tunnels by id); past ~65,000 tunnels they are unique per peer only.
   */
  private final Map<InetSocketAddress, List<Tunnel>> byPeer = new HashMap<>();
  private final Map<String, Tunnel> byPeerTunnel = new HashMap<>();
  private final int[] idUse = new int[0x10000];
  private int tunnelCount;
  /**
   * A peer (with NAT demux, a NAT-T endpoint) with this many tunnels gets no more: a LAC needs one,
   * a reconnecting Windows client two for a moment; each costs memory.
   */
  static final int MAX_TUNNELS_PER_PEER = 16;
  private final Drops counters = new Drops(LOG);
  private java.util.function.Consumer<InetSocketAddress> closedListener = p -> { };

  public L2tpLns(Scheduler scheduler, RandomGenerator random, Output output, ByteBufAllocator alloc,
      Supplier<TunnelSettings> settings, PppLink.Factory pppFactory) {
    this.scheduler = scheduler;
    this.random = random;
    this.output = output;
    this.alloc = alloc;
    this.settings = settings;
    this.pppFactory = pppFactory;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  RandomGenerator random() {
    return random;
  }

  Logger log() {
    return LOG;
  }

  PppLink.Factory pppFactory() {
    return pppFactory;
  }

  /** A datagram from {@code from} (the caller keeps ownership of {@code buf}). */
  public void onDatagram(InetSocketAddress from, ByteBuf buf) {
    int base = buf.readerIndex();
    Decoded d = L2tpCodec.decode(buf, secretFor(from, buf));
    if (d instanceof Decoded.Malformed bad) {
      L2tpDebug.error(from, "malformed datagram from " + describe(from) + " dropped: " + bad.reason());
      if (counters.loud("malformed")) {
        counters.log("malformed", "%VPDN-4-MALFORMED: L2TP datagram from " + describe(from) + " dropped: " + bad.reason());
      }
    } else if (d instanceof Decoded.Control c) {
      onControl(from, c.message());
    } else if (d instanceof Decoded.Data data) {
      Tunnel t = tunnel(from, data.tunnelId());
      Session s = t == null ? null : t.sessions.get(data.sessionId());
      if (s == null) {
        L2tpDebug.error(from, "data for tunnel " + data.tunnelId() + " session " + data.sessionId() + " from " + describe(from)
            + " dropped: no such session");
        if (counters.loud("no-session")) {
          counters.log("no-session", "%VPDN-4-NOSESSION: L2TP data for tunnel " + data.tunnelId() + " session "
              + data.sessionId() + " from " + describe(from) + " dropped: no such session");
        }
        return;
      }
      s.onData(buf.slice(base + data.offset(), data.length()), data.ns() >= 0);
    }
  }

  private byte[] secretFor(InetSocketAddress from, ByteBuf buf) {
    if (buf.readableBytes() < 6) {
      return null;
    }
    int flags = buf.getUnsignedByte(buf.readerIndex());
    int tidAt = buf.readerIndex() + ((flags & 0x40) != 0 ? 4 : 2);
    Tunnel t = tunnel(from, buf.getUnsignedShort(tidAt));
    return t == null ? null : t.secretOrNull();
  }

  /** The tunnel {@code from} knows as {@code id}, or null. */
  private Tunnel tunnel(InetSocketAddress from, int id) {
    List<Tunnel> ts = byPeer.get(from);
    if (ts != null) {
      for (int i = 0; i < ts.size(); i++) {
        if (ts.get(i).localId == id) {
          return ts.get(i);
        }
      }
    }
    return null;
  }

  private void onControl(InetSocketAddress from, ControlMessage m) {
    L2tpDebug.packet(true, from, m);
    if (m.tunnelId() == 0) {
      if (m.type() != MessageType.SCCRQ) {
        drop("no-tunnel", "%VPDN-4-NOTUNNEL: " + m.type() + " for tunnel 0 from " + describe(from) + " dropped");
        return;
      }
      String key = from + "/" + m.u16(io.jlns.l2tp.message.AvpType.ASSIGNED_TUNNEL_ID);
      Tunnel t = byPeerTunnel.get(key);
      if (t == null) {
        List<Tunnel> ts = byPeer.computeIfAbsent(from, p -> new ArrayList<>(1));
        if (ts.size() >= MAX_TUNNELS_PER_PEER) {
          drop("too-many-tunnels", "%VPDN-4-TUNNEL_LIMIT: SCCRQ from " + describe(from) + " dropped: it has "
              + MAX_TUNNELS_PER_PEER + " tunnels already");
          return;
        }
        t = new Tunnel(this, tunnelId(ts), from, settings.get());
        t.sccrqKey = key;
        ts.add(t);
        idUse[t.localId]++;
        tunnelCount++;
        byPeerTunnel.put(key, t);
      }
      t.onControl(m);
      return;
    }
    Tunnel t = tunnel(from, m.tunnelId());
    if (t == null) {
      L2tpDebug.error(from, (m.zlb() ? "ZLB" : m.type()) + " for unknown tunnel " + m.tunnelId() + " from " + describe(from)
          + " dropped");
      drop("no-tunnel", "%VPDN-4-NOTUNNEL: " + (m.zlb() ? "ZLB" : m.type()) + " for unknown tunnel " + m.tunnelId()
          + " from " + describe(from) + " dropped");
      return;
    }
    t.onControl(m);
  }

  void sendControl(InetSocketAddress to, ControlMessage m, byte[] secret) {
    L2tpDebug.packet(false, to, m);
    ByteBuf out = alloc.buffer(128);
    L2tpCodec.encode(m, out, secret, random);
    output.send(to, out);
  }

  void sendData(InetSocketAddress to, int tunnelId, int sessionId, int ns, ByteBuf frame) {
    ByteBuf out = alloc.buffer(frame.readableBytes() + 16);
    L2tpCodec.encodeDataHeader(out, tunnelId, sessionId, ns, 0, 2 + frame.readableBytes());
    out.writeByte(0xff).writeByte(0x03);
    out.writeBytes(frame);
    frame.release();
    output.send(to, out);
  }

  /** A new tunnel id: unused by any tunnel while ids are free, else unused by this peer's ({@code ts}). */
  private int tunnelId(List<Tunnel> ts) {
    for (int tries = 0; tries < 64 && tunnelCount < 0xF000; tries++) {
      int id = 1 + random.nextInt(0xffff);
      if (idUse[id] == 0) {
        return id;
      }
    }
    while (true) {
      int id = 1 + random.nextInt(0xffff);
      if (tunnel(ts, id) == null) {
        return id;
      }
    }
  }

  private static Tunnel tunnel(List<Tunnel> ts, int id) {
    for (Tunnel t : ts) {
      if (t.localId == id) {
        return t;
      }
    }
    return null;
  }

  /** A random non-zero id not in {@code used} (RFC 2661 section 5.1: ids are locally chosen, non-zero). */
  int newId(Set<Integer> used) {
    while (true) {
      int id = 1 + random.nextInt(0xffff);
      if (!used.contains(id)) {
        return id;
      }
    }
  }

  /** Called with the peer of every tunnel that closes, for whoever carries that peer (IPsec, NAT demux). */
  public void onTunnelClosed(java.util.function.Consumer<InetSocketAddress> listener) {
    this.closedListener = listener;
  }

  void tunnelClosed(InetSocketAddress peer) {
    closedListener.accept(peer);
  }

  /** Closes every tunnel with {@code peer} at once, telling it nothing: it is unreachable. Returns how many. */
  public int clearPeer(InetSocketAddress peer, String reason) {
    List<Tunnel> ts = byPeer.get(peer);
    if (ts == null) {
      return 0;
    }
    List<Tunnel> all = new ArrayList<>(ts);
    all.forEach(t -> t.vanish(reason));
    return all.size();
  }

  /** True while a tunnel with {@code peer} is open. */
  public boolean hasTunnel(InetSocketAddress peer) {
    List<Tunnel> ts = byPeer.get(peer);
    return ts != null && ts.stream().anyMatch(t -> t.state != Tunnel.State.CLOSED);
  }

  void forget(Tunnel t) {
    List<Tunnel> ts = byPeer.get(t.peer);
    if (ts != null && ts.remove(t)) {
      idUse[t.localId]--;
      tunnelCount--;
      if (ts.isEmpty()) {
        byPeer.remove(t.peer);
      }
    }
    byPeerTunnel.remove(t.sccrqKey, t);
  }

  /** Counted, and logged at a bounded rate (a flood writes a line a second, not a line a packet). */
  void drop(String counter, String message) {
    counters.drop(counter, message);
  }

  private static String describe(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  /** Drop counters, for {@code show vpdn} and tests. */
  public Map<String, Long> counters() {
    return counters.snapshot();
  }

  /** A snapshot of one tunnel for {@code show vpdn}. */
  public record TunnelView(int localId, int peerId, String peerHost, InetSocketAddress peer, String state, int sessions,
      long createdMillis, List<SessionInfo> sessionList) {}

  public List<TunnelView> tunnels() {
    List<TunnelView> out = new ArrayList<>();
    for (Tunnel t : all()) {
      List<SessionInfo> ss = t.sessions.values().stream().filter(s -> s.state == Session.State.ESTABLISHED)
          .map(t::sessionInfo).toList();
      out.add(new TunnelView(t.localId, t.peerId, t.peerHost, t.peer, t.state.name(), t.sessions.size(), t.createdMillis, ss));
    }
    return out;
  }

  private List<Tunnel> all() {
    List<Tunnel> out = new ArrayList<>(tunnelCount);
    byPeer.values().forEach(out::addAll);
    return out;
  }

  /**
   * The server is stopping: every tunnel gets one StopCCN (result 6, shutting down, RFC 2661
   * section 4.4.2), its sessions end, and nothing waits for acknowledgements. Returns how many.
   */
  public int shutdown(String reason) {
    int n = 0;
    for (Tunnel t : all()) {
      if (t.state != Tunnel.State.CLOSED) {
        t.shutdown(reason);
        n++;
      }
    }
    return n;
  }

  /** {@code clear vpdn tunnel l2tp ID}: every tunnel with that id (one, unless past ~65,000 tunnels). */
  public boolean clearTunnel(int localId) {
    boolean any = false;
    for (Tunnel t : all()) {
      if (t.localId == localId) {
        t.stop(ResultCode.STOP_GENERAL_REQUEST, ResultCode.ERROR_NONE, "cleared by the administrator");
        any = true;
      }
    }
    return any;
  }
}
