package io.jlns.loadgen;

import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Proposal;
import io.jlns.ike.message.Transform;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code --scenario flood}: what an attacker without the pre-shared key can send to cost a
 * responder work. From {@code --clients} UDP ports it sends Main Mode message 1s with fresh
 * cookies as fast as it can (or at {@code --rate} per second), and answers every message 2 with a
 * message 3 carrying a random public value and nonce: each such message 3 costs the responder a
 * Diffie-Hellman. Bounded by {@code --duration} and {@code --max-time}; sends only to the server
 * it is given (loopback or a test namespace).
 */
final class Flood {
  private final Fleet.Settings s;
  final LongAdder mm1 = new LongAdder();
  final LongAdder mm2 = new LongAdder();
  final LongAdder mm3 = new LongAdder();
  final LongAdder mm4 = new LongAdder();
  final LongAdder other = new LongAdder();
  private volatile boolean stop;

  Flood(Fleet.Settings s) {
    this.s = s;
  }

  /** Message 1 of a fresh exchange: the offer of the first profile (or --ike), one proposal. */
  private byte[] mm1(long icookie) {
    Profile p = s.profiles().get(0);
    List<Suites.Ike> ike = s.ike(p);
    List<Transform> ts = new ArrayList<>();
    for (int i = 0; i < ike.size(); i++) {
      ts.add(ike.get(i).transform(i + 1, p.ikeLifetime()));
    }
    List<Payload> out = new ArrayList<>(List.of(new Payload.Sa(1, 1, List.of(new Proposal(1, Proposal.PROTO_ISAKMP, new byte[0], ts)))));
    p.vendorIds().forEach(v -> out.add(new Payload.VendorId(v)));
    return IsakmpCodec.encode(icookie, 0, Header.MAIN_MODE, 0, 0, out);
  }

  /** Message 3 for the responder's message 2: a random public value of the chosen group's length. */
  private static byte[] mm3(byte[] mm2, Header h, SplittableRandom r) {
    var ps = IsakmpCodec.decodePayloads(h.nextPayload(), mm2, Header.SIZE, mm2.length);
    int length = 128;
    if (ps.ok() && ps.value().first(Payload.Sa.class) != null) {
      Payload.Sa sa = ps.value().first(Payload.Sa.class);
      Suites.Ike chosen = Suites.Ike.of(sa.proposals().get(0).transforms().get(0));
      if (chosen != null) {
        length = chosen.group().publicLength();
      }
    }
    byte[] ke = new byte[length];
    r.nextBytes(ke);
    ke[0] &= 0x7F;
    byte[] nonce = new byte[32];
    r.nextBytes(nonce);
    return IsakmpCodec.encode(h.initiatorCookie(), h.responderCookie(), Header.MAIN_MODE, 0, 0,
        List.of(new Payload.KeyExchange(ke), new Payload.Nonce(nonce)));
  }

  /** Runs until --duration (or --max-time) is over, printing a line a second. */
  void run(PrintStream out) throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = epoll ? new EpollEventLoopGroup(s.threads()) : new NioEventLoopGroup(s.threads());
    InetSocketAddress server = new InetSocketAddress(s.server(), s.ikePort());
    List<Channel> channels = new ArrayList<>();
    long seconds = Math.max(1, Math.min(s.durationMillis(), s.maxTimeMillis()) / 1000);
    try {
      for (int i = 0; i < s.clients(); i++) {
        SplittableRandom r = new SplittableRandom(i * 7919L + System.nanoTime());
        Bootstrap b = new Bootstrap().group(group).channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
            .option(ChannelOption.SO_RCVBUF, 1 << 20)
            .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                byte[] m = new byte[p.content().readableBytes()];
                p.content().getBytes(p.content().readerIndex(), m);
                Decoding<Header> d = IsakmpCodec.decodeHeader(m, m.length);
                if (!d.ok() || d.value().exchange() != Header.MAIN_MODE || d.value().encrypted()) {
                  other.increment();
                  return;
                }
                if (d.value().nextPayload() == Payload.SA) {
                  mm2.increment();
                  if (!stop) {
                    ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(mm3(m, d.value(), r)), server));
                    mm3.increment();
                  }
                } else {
                  mm4.increment();
                }
              }
            });
        InetSocketAddress local = new InetSocketAddress(s.sources().get(i % s.sources().size()), 0);
        Channel ch = b.bind(local).sync().channel();
        channels.add(ch);
        pump(ch, server, r);
      }
      long start = System.nanoTime();
      long last = 0;
      for (long t = 1; t <= seconds; t++) {
        long wake = start + t * 1_000_000_000L;
        TimeUnit.NANOSECONDS.sleep(Math.max(0, wake - System.nanoTime()));
        long now = mm1.sum();
        out.printf("flood %3d s: MM1 %,d/s, total MM1 %,d MM2 %,d MM3 %,d MM4 %,d%n", t, now - last, now, mm2.sum(), mm3.sum(),
            mm4.sum());
        last = now;
      }
      stop = true;
      TimeUnit.MILLISECONDS.sleep(200);
      double secs = (System.nanoTime() - start) / 1e9;
      out.printf("flood: %.1f s from %d ports: MM1 sent %,d (%,.0f/s), MM2 received %,d, MM3 sent %,d, MM4 received %,d,"
          + " other %,d%n", secs, s.clients(), mm1.sum(), mm1.sum() / secs, mm2.sum(), mm3.sum(), mm4.sum(), other.sum());
    } finally {
      stop = true;
      channels.forEach(Channel::close);
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
  }

  /**
   * Keeps one socket sending message 1s: a burst while it is writable (--window datagrams, default
   * 64, written with one flush: one sendmmsg), then again on the next tick.
   */
  private void pump(Channel ch, InetSocketAddress server, SplittableRandom r) {
    double perChannel = s.rate() > 0 ? s.rate() / s.clients() : 0;
    long[] due = {0};
    long startNanos = System.nanoTime();
    Runnable[] tick = new Runnable[1];
    tick[0] = () -> {
      if (stop || !ch.isActive()) {
        return;
      }
      int burst = s.window() > 0 ? s.window() : 64;
      if (perChannel > 0) {
        long want = (long) ((System.nanoTime() - startNanos) / 1e9 * perChannel);
        burst = (int) Math.min(64, want - due[0]);
      }
      for (int i = 0; i < burst && ch.isWritable(); i++) {
        ch.write(new DatagramPacket(Unpooled.wrappedBuffer(mm1(r.nextLong() | 1)), server));
        mm1.increment();
        due[0]++;
      }
      ch.flush();
      if (perChannel > 0 || !ch.isWritable()) {
        ch.eventLoop().schedule(tick[0], 1, TimeUnit.MILLISECONDS);
      } else {
        ch.eventLoop().execute(tick[0]);
      }
    };
    ch.eventLoop().execute(tick[0]);
  }
}
