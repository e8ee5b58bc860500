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
  private final Map<Integer, Tunnel> tunnels = new HashMap<>();
  private final Map<String, Tunnel> byPeerTunnel = new HashMap<>();
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
    Decoded d = L2tpCodec.decode(buf, secretFor(buf));
    if (d instanceof Decoded.Malformed bad) {
      if (counters.loud("malformed")) {
        counters.log("malformed", "%VPDN-4-MALFORMED: L2TP datagram from " + describe(from) + " dropped: " + bad.reason());
      }
    } else if (d instanceof Decoded.Control c) {
      onControl(from, c.message());
    } else if (d instanceof Decoded.Data data) {
      Tunnel t = tunnels.get(data.tunnelId());
      Session s = t == null || !t.peer.equals(from) ? null : t.sessions.get(data.sessionId());
      if (s == null) {
        if (counters.loud("no-session")) {
          counters.log("no-session", "%VPDN-4-NOSESSION: L2TP data for tunnel " + data.tunnelId() + " session "
              + data.sessionId() + " from " + describe(from) + " dropped: no such session");
        }
        return;
      }
      s.onData(buf.slice(base + data.offset(), data.length()), data.ns() >= 0);
    }
  }

  private byte[] secretFor(ByteBuf buf) {
    if (buf.readableBytes() < 6) {
      return null;
    }
    int flags = buf.getUnsignedByte(buf.readerIndex());
    int tidAt = buf.readerIndex() + ((flags & 0x40) != 0 ? 4 : 2);
    Tunnel t = tunnels.get(buf.getUnsignedShort(tidAt));
    return t == null ? null : t.secretOrNull();
  }

  private void onControl(InetSocketAddress from, ControlMessage m) {
    if (m.tunnelId() == 0) {
      if (m.type() != MessageType.SCCRQ) {
        drop("no-tunnel", "%VPDN-4-NOTUNNEL: " + m.type() + " for tunnel 0 from " + describe(from) + " dropped");
        return;
      }
      String key = from + "/" + m.u16(io.jlns.l2tp.message.AvpType.ASSIGNED_TUNNEL_ID);
      Tunnel t = byPeerTunnel.get(key);
      if (t == null) {
        t = new Tunnel(this, newId(tunnels.keySet()), from, settings.get());
        tunnels.put(t.localId, t);
        byPeerTunnel.put(key, t);
      }
      t.onControl(m);
      return;
    }
    Tunnel t = tunnels.get(m.tunnelId());
    if (t == null || !t.peer.equals(from)) {
      drop("no-tunnel", "%VPDN-4-NOTUNNEL: " + (m.zlb() ? "ZLB" : m.type()) + " for unknown tunnel " + m.tunnelId()
          + " from " + describe(from) + " dropped");
      return;
    }
    t.onControl(m);
  }

  void sendControl(InetSocketAddress to, ControlMessage m, byte[] secret) {
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
    int n = 0;
    for (Tunnel t : new ArrayList<>(tunnels.values())) {
      if (t.peer.equals(peer)) {
        t.vanish(reason);
        n++;
      }
    }
    return n;
  }

  /** True while a tunnel with {@code peer} is open. */
  public boolean hasTunnel(InetSocketAddress peer) {
    return tunnels.values().stream().anyMatch(t -> t.peer.equals(peer) && t.state != Tunnel.State.CLOSED);
  }

  void forget(Tunnel t) {
    tunnels.remove(t.localId, t);
    byPeerTunnel.values().removeIf(x -> x == t);
  }

  private void drop(String counter, String message) {
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
    for (Tunnel t : tunnels.values()) {
      List<SessionInfo> ss = t.sessions.values().stream().filter(s -> s.state == Session.State.ESTABLISHED)
          .map(t::sessionInfo).toList();
      out.add(new TunnelView(t.localId, t.peerId, t.peerHost, t.peer, t.state.name(), t.sessions.size(), t.createdMillis, ss));
    }
    return out;
  }

  /** {@code clear vpdn tunnel l2tp ID}. */
  public boolean clearTunnel(int localId) {
    Tunnel t = tunnels.get(localId);
    if (t == null) {
      return false;
    }
    t.stop(ResultCode.STOP_GENERAL_REQUEST, ResultCode.ERROR_NONE, "cleared by the administrator");
    return true;
  }
}
