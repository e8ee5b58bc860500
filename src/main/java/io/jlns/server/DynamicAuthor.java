package io.jlns.server;

import io.jlns.aaa.radius.AccessRequests;
import io.jlns.aaa.radius.DynamicAuthorization;
import io.jlns.config.Aaa;
import io.jlns.config.Config;
import io.jlns.config.Ipv4Address;
import io.jlns.config.RunningConfig;
import io.jlns.config.Secret;
import io.jlns.log.Drops;
import io.jlns.ppp.PppSession;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aaa server radius dynamic-author}: the RFC 5176 listener, on the RADIUS loop. Requests
 * from addresses that are not a configured {@code client} are dropped (and counted in a
 * rate-limited line); the others act on the sessions of every shard, each on its own loop.
 */
final class DynamicAuthor {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.radius");
  private final RadiusRuntime radius;
  private final RunningConfig running;
  private final Shared shared;
  private final Drops drops = new Drops(LOG);
  private Channel channel;
  private int boundPort;

  DynamicAuthor(RadiusRuntime radius, RunningConfig running, Shared shared) {
    this.radius = radius;
    this.running = running;
    this.shared = shared;
  }

  /** Listens (or stops, or moves) as the configuration says; on any thread. */
  void apply(Config c) {
    radius.loop.execute(() -> {
      Aaa.DynamicAuthor d = c.aaa().dynamicAuthor();
      int want = d.enabled() ? d.port() : 0;
      if (want == boundPort && (want == 0 || channel != null && channel.isOpen())) {
        return;
      }
      if (channel != null) {
        channel.close();
        channel = null;
      }
      boundPort = want;
      if (want == 0) {
        return;
      }
      Bootstrap b = new Bootstrap().group(radius.loop).channel(NioDatagramChannel.class)
          .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
              received(ctx.channel(), p.sender(), ByteBufUtil.getBytes(p.content()));
            }
          });
      io.netty.channel.ChannelFuture bound = b.bind(new InetSocketAddress(want));
      channel = bound.channel();
      bound.addListener(f -> {
        if (f.isSuccess()) {
          LOG.info("%RADIUS-6-DYNAMIC_AUTHOR: listening for Disconnect and CoA requests on UDP port {}", want);
        } else {
          LOG.error("%RADIUS-3-DYNAMIC_AUTHOR: cannot listen on UDP port {}: {}", want, f.cause().getMessage());
        }
      });
    });
  }

  private void received(Channel ch, InetSocketAddress from, byte[] b) {
    Config c = running.get();
    Secret key = from.getAddress() instanceof Inet4Address a ? c.aaa().dynamicAuthor().clients().get(Ipv4Address.of(a)) : null;
    String who = from.getAddress().getHostAddress() + ":" + from.getPort();
    if (key == null || key.cleartext().isEmpty()) {
      if (drops.loud("dae-unknown-client")) {
        drops.log("dae-unknown-client", "%RADIUS-4-DYNAMIC_AUTHOR: a request from " + who
            + ", which is not a 'client' of aaa server radius dynamic-author: dropped");
      }
      return;
    }
    DynamicAuthorization.Outcome o = DynamicAuthorization.handle(b, b.length,
        key.cleartext().get().getBytes(StandardCharsets.UTF_8), who, sessions(),
        new AccessRequests.Nas(RadiusRuntime.nasAddress(c), c.hostname()));
    if (o.response() == null) {
      if (drops.loud("dae-dropped")) {
        drops.log("dae-dropped", "%RADIUS-4-DYNAMIC_AUTHOR: " + o.log());
      }
      return;
    }
    LOG.info("%RADIUS-6-DYNAMIC_AUTHOR: {}", o.log());
    ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(o.response()), from));
  }

  /** The sessions of every shard, each touched on its own loop. */
  private DynamicAuthorization.Sessions sessions() {
    return new DynamicAuthorization.Sessions() {
      @Override
      public List<String> find(String acctSessionId, String user, int framedAddress) {
        List<String> out = new ArrayList<>();
        for (Shard sh : shared.shards()) {
          out.addAll(sh.l2tp().onLoop(() -> sh.l2tp().ppp.sessions.values().stream()
              .filter(p -> p.phase() == PppSession.Phase.NETWORK)
              .filter(p -> acctSessionId == null || acctSessionId.equals(p.caller().sessionId()))
              .filter(p -> user == null || user.equals(p.user()))
              .filter(p -> framedAddress == 0 || framedAddress == p.address())
              .map(PppSession::name).toList()));
        }
        return out;
      }

      @Override
      public void disconnect(String handle, String why) {
        each(handle, p -> p.administrativeClose(why));
      }

      @Override
      public void change(String handle, int sessionTimeout, int idleTimeout) {
        each(handle, p -> p.changeLimits(sessionTimeout, idleTimeout));
      }
    };
  }

  private void each(String name, java.util.function.Consumer<PppSession> f) {
    for (Shard sh : shared.shards()) {
      sh.l2tp().loop().execute(() -> {
        PppSession p = sh.l2tp().ppp.sessions.get(name);
        if (p != null) {
          f.accept(p);
        }
      });
    }
  }

  void close() {
    radius.loop.execute(() -> {
      if (channel != null) {
        channel.close();
      }
    });
  }
}
