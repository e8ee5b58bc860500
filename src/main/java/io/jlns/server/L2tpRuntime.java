package io.jlns.server;

import io.jlns.time.WheelScheduler;

import io.jlns.aaa.LocalUsers;
import io.jlns.aaa.PppAuthentication;
import io.jlns.config.Ipv4Address;
import io.jlns.demux.PortTranslator;
import io.jlns.l2tp.SessionInfo;
import io.jlns.ppp.AuthRequest;
import io.jlns.config.Config;
import io.jlns.config.Interface;
import io.jlns.config.RunningConfig;
import io.jlns.config.User;
import io.jlns.config.VpdnGroup;
import io.jlns.ip.UserspaceRouter;
import io.jlns.l2tp.ControlChannel;
import io.jlns.l2tp.L2tpLns;
import io.jlns.l2tp.TunnelSettings;
import io.jlns.ppp.PppServices;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L2TP/PPP side of one shard (one event loop): the LNS core and the PPP sessions of the
 * clients this loop owns, over the pools and router all loops share. UDP 1701 is bound (once per
 * loop, SO_REUSEPORT) only when a vpdn-group allows cleartext L2TP ({@code l2tp cleartext});
 * otherwise L2TP reaches the core through IPsec alone.
 */
final class L2tpRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("jlns");
  private final EventLoop loop;
  private final L2tpLns lns;
  final PppFactory ppp;
  private Channel channel;
  private final ByteBufAllocator alloc;
  private final RunningConfig running;
  private final io.jlns.aaa.SessionIds sessionIds;
  private volatile IpsecRuntime ipsec;
  /** The timers of everything this loop owns. */
  final WheelScheduler scheduler;

  L2tpRuntime(RunningConfig running, Shared shared, EventLoop loop, int port, boolean first) throws InterruptedException {
    this.loop = loop;
    this.running = running;
    this.sessionIds = shared.sessionIds;
    alloc = shared.alloc;
    this.scheduler = new WheelScheduler(loop);
    SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    ppp = new PppFactory(running::get, new PppServices(new PppAuthentication(running::get, new LocalUsers(running::get),
        shared.radius, loop), shared.pools, onThisLoop(shared.router), shared.radius.accounting()), scheduler, random, alloc, shared.virtualAccess,
        this::caller);
    lns = new L2tpLns(scheduler, random, (to, buf) -> {
      if (ipsec != null && ipsec.sendL2tp(to, buf)) {
        return;
      }
      if (channel != null) {
        channel.writeAndFlush(new DatagramPacket(buf, to));
      } else {
        buf.release();
      }
    }, alloc, () -> tunnelSettings(running.get()), ppp);
    VpdnGroup cleartext = running.get().vpdnGroups().values().stream().filter(VpdnGroup::cleartext).findFirst().orElse(null);
    if (cleartext != null && port > 0) {
      Bootstrap b = Ports.udp(loop).handler(new SimpleChannelInboundHandler<DatagramPacket>() {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
          lns.onDatagram(p.sender(), p.content());
        }
      });
      channel = b.bind(new InetSocketAddress(port)).sync().channel();
      if (first) {
        LOG.warn("%VPDN-4-CLEARTEXT: vpdn-group {} accepts L2TP without IPsec on UDP {} ('l2tp cleartext'): for tests only",
            cleartext.name(), port);
      }
    }
  }

  /**
   * The shared router, with each client's sink bound to this loop: a packet another loop routes to
   * one of this loop's clients is posted here, never handled on the wrong thread.
   */
  private PppServices.IpNetwork onThisLoop(UserspaceRouter shared) {
    return new PppServices.IpNetwork() {
      @Override
      public void attach(int address, java.util.function.Consumer<io.netty.buffer.ByteBuf> toClient, String owner) {
        shared.attach(address, buf -> {
          if (loop.inEventLoop()) {
            toClient.accept(buf);
          } else {
            loop.execute(() -> toClient.accept(buf));
          }
        }, owner);
      }

      @Override
      public void detach(int address) {
        shared.detach(address);
      }

      @Override
      public void fromClient(int address, io.netty.buffer.ByteBuf packet) {
        shared.fromClient(address, packet);
      }

      @Override
      public boolean inUse(int address) {
        return shared.inUse(address);
      }

      @Override
      public void tooBig(io.netty.buffer.ByteBuf packet, int mtu, int from) {
        shared.tooBig(packet, mtu, from);
      }
    };
  }

  EventLoop loop() {
    return loop;
  }

  ByteBufAllocator alloc() {
    return alloc;
  }

  /**
   * Where a session comes from, for AAA: with NAT demux the client's NAT-T endpoint (public
   * address and port, unique behind one NAT), else the L2TP peer; our address as RADIUS names it.
   * On this loop (the translator is the loop's).
   */
  private AuthRequest.Caller caller(SessionInfo info, int nasPort) {
    IpsecRuntime x = ipsec;
    PortTranslator.Client c = x == null ? null : x.demux.byTranslated(info.peer());
    int nas = RadiusRuntime.nasAddress(running.get());
    InetSocketAddress server = nas == 0 ? null : new InetSocketAddress(new Ipv4Address(nas).toInetAddress(), 1701);
    return new AuthRequest.Caller(c != null ? c.endpoint() : info.peer(), server, nasPort, sessionIds.next());
  }

  /** IPsec takes L2TP to peers it has SAs with. */
  void attach(IpsecRuntime ipsec) {
    this.ipsec = ipsec;
  }

  void onTunnelClosed(java.util.function.Consumer<InetSocketAddress> listener) {
    lns.onTunnelClosed(listener);
  }

  /** On the loop: closes the tunnels of an unreachable peer. */
  int clearPeer(InetSocketAddress peer, String reason) {
    return lns.clearPeer(peer, reason);
  }

  boolean hasTunnel(InetSocketAddress peer) {
    return lns.hasTunnel(peer);
  }

  /**
   * On the loop, as the server stops: each PPP session sends its LCP Terminate-Request, then
   * each tunnel its StopCCN (shutting down); nothing waits for answers. Returns the tunnels told.
   */
  int farewell(String reason) {
    ppp.sessions.values().forEach(s -> s.administrativeClose(reason));
    return lns.shutdown(reason);
  }

  /** L2TP that arrived through IPsec, on the event loop (the caller keeps {@code buf}). */
  void deliver(InetSocketAddress from, io.netty.buffer.ByteBuf buf) {
    lns.onDatagram(from, buf);
  }

  /** Runs {@code task} on the event loop that owns the L2TP and PPP state, and waits for it. */
  /** The L2TP event counters (drops by reason); call on the loop. */
  java.util.Map<String, Long> counters() {
    return lns.counters();
  }

  <T> T onLoop(java.util.concurrent.Callable<T> task) {
    try {
      return loop.submit(task).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the L2TP event loop did not answer: " + e, e);
    }
  }

  List<L2tpLns.TunnelView> tunnels() {
    return onLoop(lns::tunnels);
  }

  boolean clearTunnel(int id) {
    return onLoop(() -> lns.clearTunnel(id));
  }

  static TunnelSettings tunnelSettings(Config c) {
    VpdnGroup g = c.vpdnGroups().values().stream()
        .filter(x -> x.acceptDialin() && (x.protocol() == null || !x.protocol().equals("pptp"))).findFirst().orElse(null);
    boolean accept = c.vpdnEnable() && g != null;
    byte[] secret = g == null || g.tunnelPassword() == null ? null
        : g.tunnelPassword().cleartext().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    return new TunnelSettings(accept, c.hostname(), g != null && g.tunnelAuthentication(), secret, host -> {
      User u = c.users().get(host);
      return u == null || u.isSecret() ? null : u.credential().cleartext().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }, g == null ? 60 : g.helloSeconds(), 16, retransmit(g == null ? VpdnGroup.Retransmit.DEFAULT : g.retransmit()));
  }

  /** The control channel's policy from {@code l2tp tunnel retransmit}: a max below the min waits the min. */
  static ControlChannel.Retransmit retransmit(VpdnGroup.Retransmit r) {
    return new ControlChannel.Retransmit(r.minSeconds() * 1000L, Math.max(r.minSeconds(), r.maxSeconds()) * 1000L, r.retries());
  }

  static Set<Integer> localAddresses(Config c) {
    Set<Integer> out = new HashSet<>();
    for (Interface i : c.interfaces().values()) {
      if (i.address() != null && !i.shutdown()) {
        out.add(i.address().bits());
      }
    }
    return out;
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close();
    }
  }
}
