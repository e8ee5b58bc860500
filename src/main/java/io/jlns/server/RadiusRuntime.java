package io.jlns.server;

import io.jlns.aaa.PppAuthentication;
import io.jlns.aaa.radius.AccessRequests;
import io.jlns.aaa.radius.Radius;
import io.jlns.aaa.radius.RadiusClient;
import io.jlns.config.Aaa;
import io.jlns.config.Config;
import io.jlns.config.Interface;
import io.jlns.config.RunningConfig;
import io.jlns.config.Secret;
import io.jlns.ppp.AuthRequest;
import io.jlns.ppp.AuthResult;
import io.jlns.time.EventLoopScheduler;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RADIUS client's thread and socket: one event loop of its own (requests are few next to
 * packets: one or two per connect), one UDP socket bound to {@code ip radius source-interface}'s
 * address (or any), the {@link RadiusClient} confined to that loop. Sessions' loops post their
 * requests here and get their answers posted back ({@link PppAuthentication} does that).
 */
final class RadiusRuntime implements PppAuthentication.Groups, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.radius");
  private final RunningConfig running;
  private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("jlns-radius", true));
  final EventLoop loop = group.next();
  final RadiusClient client;
  private final RadiusAccounting accounting;
  private Channel channel;
  private InetAddress boundTo;

  RadiusRuntime(RunningConfig running) {
    this.running = running;
    this.client = new RadiusClient(new EventLoopScheduler(loop), this::send, new SplittableRandom(new SecureRandom().nextLong()));
    this.accounting = new RadiusAccounting(this, running);
  }

  RadiusAccounting accounting() {
    return accounting;
  }

  @Override
  public void authenticate(String groupName, AuthRequest request, Consumer<AuthResult> done) {
    loop.execute(() -> {
      Config c = running.get();
      List<RadiusClient.Target> targets = targets(c, groupName, false);
      if (targets.isEmpty()) {
        done.accept(AuthResult.error("server group " + groupName + " has no usable server (address and key)"));
        return;
      }
      ensureSocket(c);
      AccessRequests.Nas nas = new AccessRequests.Nas(nasAddress(c), c.hostname());
      client.request(targets, new RadiusClient.Request(Radius.ACCESS_REQUEST, AccessRequests.attributes(request, nas)),
          answer -> done.accept(AccessRequests.result(answer, request)));
    });
  }

  /** The usable servers of a group (an address and a key), as the client sees them. */
  static List<RadiusClient.Target> targets(Config c, String groupName, boolean accounting) {
    Aaa aaa = c.aaa();
    List<RadiusClient.Target> out = new ArrayList<>();
    for (Aaa.RadiusServer s : aaa.group(groupName)) {
      Secret key = s.secret(aaa.globals());
      if (s.address() == null || key == null || key.cleartext().isEmpty()) {
        continue;
      }
      Aaa.RadiusGlobals g = aaa.globals();
      out.add(new RadiusClient.Target(s.name(), new InetSocketAddress(s.address().toInetAddress(),
          accounting ? s.acctPort() : s.authPort()), key.cleartext().get().getBytes(StandardCharsets.UTF_8),
          s.timeoutSeconds(g) * 1000, s.retransmits(g), g.deadtimeMinutes() * 60_000L, g.deadTime() * 1000L, g.deadTries()));
    }
    return out;
  }

  /** The address of {@code ip radius source-interface}, or null. */
  private static InetAddress source(Config c) {
    String name = c.aaa().globals().sourceInterface();
    Interface i = name == null ? null : c.interfaces().get(name);
    return i == null || i.address() == null ? null : i.address().toInetAddress();
  }

  /**
   * NAS-IP-Address: the source interface's address, else the first interface with a crypto map
   * (the address clients connect to), else none (NAS-Identifier alone names us).
   */
  static int nasAddress(Config c) {
    String name = c.aaa().globals().sourceInterface();
    Interface i = name == null ? null : c.interfaces().get(name);
    if (i != null && i.address() != null) {
      return i.address().bits();
    }
    return c.interfaces().values().stream().filter(x -> x.cryptoMap() != null && x.address() != null)
        .mapToInt(x -> x.address().bits()).findFirst().orElse(0);
  }

  /**
   * The socket, bound (again, without waiting: this is the loop that binds it) when the source
   * interface's address changed. Datagrams are written by tasks queued after the bind.
   */
  void ensureSocket(Config c) {
    InetAddress want = source(c);
    if (channel != null && channel.isOpen() && java.util.Objects.equals(want, boundTo)) {
      return;
    }
    if (channel != null) {
      channel.close();
    }
    boundTo = want;
    channel = bind(want);
  }

  private Channel bind(InetAddress at) {
    Bootstrap b = new Bootstrap().group(loop).channel(NioDatagramChannel.class)
        .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
            byte[] d = ByteBufUtil.getBytes(p.content());
            client.onDatagram(p.sender(), d, d.length);
          }
        });
    io.netty.channel.ChannelFuture f = b.bind(at == null ? new InetSocketAddress(0) : new InetSocketAddress(at, 0));
    f.addListener(r -> {
      if (!r.isSuccess() && at != null) {
        LOG.warn("%RADIUS-4-SOURCE: cannot send RADIUS from {} ({}): sending from the address the host chooses",
            at.getHostAddress(), r.cause().getMessage());
        channel = bind(null);
      } else if (!r.isSuccess()) {
        LOG.error("%RADIUS-3-SOCKET: no UDP socket for RADIUS: {}", r.cause().getMessage());
      }
    });
    return f.channel();
  }

  private void send(InetSocketAddress to, byte[] datagram) {
    loop.execute(() -> {
      if (channel != null && channel.isOpen()) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), to));
      }
    });
  }

  /** What the CLI sees: the client's counters, the accounting queue, {@code test aaa}. */
  io.jlns.cli.AaaView view() {
    return new io.jlns.cli.AaaView() {
      @Override
      public List<Server> servers() {
        return stats().stream().map(x -> new Server(x.name(), x.port(), x.dead(), x.deadForMillis(), x.deadCount(),
            x.requests(), x.transmissions(), x.timeouts(), x.accepts(), x.rejects(), x.challenges(),
            x.accountingResponses(), x.badAuthenticators(), x.averageRttMillis(), x.outstanding())).toList();
      }

      @Override
      public Accounting accounting() {
        try {
          long[] n = loop.submit(accounting::counters).get();
          return new Accounting(n[0], n[1], n[2], n[3]);
        } catch (Exception e) {
          return new Accounting(0, 0, 0, 0);
        }
      }

      @Override
      public String test(String groupName, String user, String password) {
        return RadiusRuntime.this.test(groupName, user, password);
      }
    };
  }

  /** {@code test aaa group G USER PASSWORD new-code}: one PAP Access-Request, waited for. */
  private String test(String groupName, String user, String password) {
    Config c = running.get();
    List<RadiusClient.Target> targets = targets(c, groupName, false);
    if (targets.isEmpty()) {
      return "% Server group " + groupName + " has no usable RADIUS server (address and key)\n";
    }
    long wait = 1000 + targets.stream().mapToLong(t -> (long) t.timeoutMillis() * (t.retransmits() + 1)).sum();
    AuthRequest r = new AuthRequest("test", AuthRequest.Method.PAP, user, 0, new byte[0], new byte[0], password,
        AuthRequest.Caller.UNKNOWN);
    java.util.concurrent.CompletableFuture<RadiusClient.Answer> f = new java.util.concurrent.CompletableFuture<>();
    loop.execute(() -> {
      ensureSocket(c);
      client.request(targets, new RadiusClient.Request(Radius.ACCESS_REQUEST,
          AccessRequests.attributes(r, new AccessRequests.Nas(nasAddress(c), c.hostname()))), f::complete);
    });
    RadiusClient.Answer a;
    try {
      a = f.get(wait, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return "% No answer within " + wait / 1000 + " s\n";
    }
    if (!a.answered()) {
      return "% No response from the server group: " + a.error() + "\n";
    }
    StringBuilder out = new StringBuilder();
    out.append(switch (a.response().code()) {
      case Radius.ACCESS_ACCEPT -> "User successfully authenticated";
      case Radius.ACCESS_REJECT -> "User rejected";
      default -> "User authentication request was answered with an " + Radius.code(a.response().code());
    }).append(" (by ").append(a.server()).append(")\n");
    if (!a.response().attributes().isEmpty()) {
      out.append("\nUSER ATTRIBUTES\n\n");
      a.response().attributes().forEach(x -> out.append(x).append('\n'));
    }
    return out.toString();
  }

  /** The client's counters, read on its thread. */
  List<RadiusClient.Stats> stats() {
    try {
      return loop.submit(client::stats).get();
    } catch (Exception e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
  }
}
