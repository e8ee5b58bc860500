package io.jlns.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kernel runs the filter: real sockets on loopback, datagrams from two source addresses. */
class SocketFilterTest {
  private final EpollEventLoopGroup group = new EpollEventLoopGroup(1);
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void theProgramIsTheInstructionsExpected() {
    // ld rcookie[0..4); jeq 0 else accept; ld rcookie[4..8); jeq 0 else accept; accept; ld source;
    // jeq 127.0.0.2 -> drop; ja over the drop; drop; accept.
    ByteBuffer b = ByteBuffer.wrap(SocketFilter.dropNewExchangesFrom(new int[] {0x7F000002}, false)).order(ByteOrder.nativeOrder());
    List<String> insns = new ArrayList<>();
    while (b.hasRemaining()) {
      insns.add(String.format("%04x %d %d %08x", b.getShort(), b.get(), b.get(), b.getInt()));
    }
    assertThat(insns).containsExactly(
        "0020 0 0 00000010", "0015 0 2 00000000", "0020 0 0 00000014", "0015 1 0 00000000", "0006 0 0 ffffffff",
        "0020 0 0 fff0000c", "0015 1 0 7f000002", "0005 0 0 00000001", "0006 0 0 00000000", "0006 0 0 ffffffff");
  }

  @Test
  void onTheIkePortOnlyNewExchangesFromAShunnedAddressAreDropped() throws Exception {
    EpollDatagramChannel ch = listen();
    SocketFilter.attach(ch.fd().intValue(), SocketFilter.dropNewExchangesFrom(new int[] {0x7F000002, 0x7F000009}, false));
    try (DatagramSocket shunned = from("127.0.0.2"); DatagramSocket other = from("127.0.0.3")) {
      send(shunned, ch, ike("mm1-shunned", 0));
      send(shunned, ch, ike("mm3-shunned", 0x1122334455667788L));
      send(other, ch, ike("mm1-other", 0));
      send(shunned, ch, ike("mm1-shunned-again", 0));
      send(other, ch, ike("last", 0));
      assertThat(upTo("last")).containsExactly("mm3-shunned", "mm1-other", "last");
      // Off again: everything passes.
      SocketFilter.detach(ch.fd().intValue());
      send(shunned, ch, ike("mm1-after", 0));
      assertThat(upTo("mm1-after")).containsExactly("mm1-after");
    }
  }

  @Test
  void onTheNatTPortEspAndExchangesUnderWayPass() throws Exception {
    EpollDatagramChannel ch = listen();
    SocketFilter.attach(ch.fd().intValue(), SocketFilter.dropNewExchangesFrom(new int[] {0x7F000002}, true));
    try (DatagramSocket shunned = from("127.0.0.2"); DatagramSocket other = from("127.0.0.3")) {
      send(shunned, ch, marked(ike("mm1-shunned", 0)));
      send(shunned, ch, esp("esp-shunned"));
      send(shunned, ch, marked(ike("qm-shunned", 0x0102030405060708L)));
      send(other, ch, marked(ike("last", 0)));
      assertThat(upTo("last")).containsExactly("esp-shunned", "qm-shunned", "last");
    }
  }

  private EpollDatagramChannel listen() throws InterruptedException {
    return (EpollDatagramChannel) new Bootstrap().group(group).channel(EpollDatagramChannel.class)
        .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
            byte[] b = ByteBufUtil.getBytes(p.content());
            // The tag is the text after the 28-byte header (ISAKMP, or SPI and sequence for ESP), minus any marker.
            int skip = b.length > 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] != 'E' ? 4 : 0;
            received.add(new String(b, skip + 28, b.length - skip - 28, java.nio.charset.StandardCharsets.US_ASCII));
          }
        }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  private static DatagramSocket from(String address) throws Exception {
    return new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
  }

  private static void send(DatagramSocket s, EpollDatagramChannel to, byte[] b) throws Exception {
    s.send(new java.net.DatagramPacket(b, b.length, to.localAddress()));
  }

  /** An ISAKMP header (initiator cookie set, responder cookie as given) and a tag. */
  private static byte[] ike(String tag, long rcookie) {
    byte[] t = tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(28 + t.length).putLong(0x0A0B0C0D0E0F1011L).putLong(rcookie).put((byte) 1).put((byte) 0x10)
        .put((byte) 2).put((byte) 0).putInt(0).putInt(28 + t.length).put(t).array();
  }

  private static byte[] marked(byte[] ike) {
    return ByteBuffer.allocate(4 + ike.length).putInt(0).put(ike).array();
  }

  /** ESP: a non-zero SPI ('ESP!'), a sequence number, 20 bytes of IV and data, and the tag. */
  private static byte[] esp(String tag) {
    byte[] t = tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(28 + t.length).putInt(0x45535021).putInt(1).put(new byte[20]).put(t).array();
  }

  private List<String> upTo(String last) throws InterruptedException {
    List<String> out = new ArrayList<>();
    while (!out.contains(last)) {
      String s = received.poll(5, TimeUnit.SECONDS);
      assertThat(s).as("datagrams until '%s' (so far %s)", last, out).isNotNull();
      out.add(s);
    }
    return out;
  }
}
