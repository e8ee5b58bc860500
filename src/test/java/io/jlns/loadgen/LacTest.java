package io.jlns.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.l2tp.L2tpLns;
import io.jlns.l2tp.PppLink;
import io.jlns.l2tp.TunnelSettings;
import io.jlns.l2tp.message.Decoded;
import io.jlns.l2tp.message.L2tpCodec;
import io.jlns.l2tp.message.MessageType;
import io.jlns.time.ManualScheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator's LAC against jlns's LNS in-process, and against silence, with an injected clock. */
class LacTest {
  private static final InetSocketAddress CLIENT = new InetSocketAddress("198.51.100.2", 1024);
  private final ManualScheduler clock = new ManualScheduler();
  private final List<String> events = new ArrayList<>();
  private final List<String> atLns = new ArrayList<>();
  private final List<MessageType> sent = new ArrayList<>();
  private final List<PppLink.Carrier> carriers = new ArrayList<>();
  private boolean silent;
  private Lac lac;

  private final L2tpLns lns = new L2tpLns(clock, new SplittableRandom(9),
      (to, b) -> clock.schedule(1, () -> {
        lac.onDatagram(b);
        b.release();
      }), UnpooledByteBufAllocator.DEFAULT,
      () -> new TunnelSettings(true, "LNS", false, null, h -> null, 60, 8), (info, carrier) -> {
        carriers.add(carrier);
        atLns.add("session of " + info.peerHostName());
        return new PppLink() {
          @Override
          public void onFrame(ByteBuf frame) {
            atLns.add("frame " + ByteBufUtil.hexDump(frame));
          }

          @Override
          public void onSessionClosed(String reason) {
            atLns.add("closed: " + reason);
          }
        };
      });

  private void start() {
    lac = new Lac(new Lac.Events() {
      @Override
      public void send(ByteBuf datagram) {
        if (L2tpCodec.decode(datagram.duplicate(), null) instanceof Decoded.Control c) {
          sent.add(c.message().type());
        }
        if (silent) {
          datagram.release();
        } else {
          clock.schedule(1, () -> lns.onDatagram(CLIENT, datagram));
        }
      }

      @Override
      public void sessionUp() {
        events.add("session up");
      }

      @Override
      public void ppp(ByteBuf frame) {
        events.add("ppp " + ByteBufUtil.hexDump(frame));
      }

      @Override
      public void down(Failure f, String reason) {
        events.add("down " + f);
      }
    }, clock, UnpooledByteBufAllocator.DEFAULT, 7, 9, "loadgen-0");
    lac.start(60_000);
    clock.advance(100);
  }

  @Test
  void anIncomingCallComesUpAndCarriesPppBothWays() {
    start();
    assertThat(events).containsExactly("session up");
    assertThat(sent).startsWith(MessageType.SCCRQ, MessageType.SCCCN, MessageType.ICRQ, MessageType.ICCN);
    assertThat(atLns).containsExactly("session of loadgen-0");
    lac.sendPpp(new byte[] {(byte) 0xFF, 3, (byte) 0xC0, 0x21, 1, 1, 0, 4}, 0, 8);
    carriers.get(0).sendFrame(Unpooled.wrappedBuffer(new byte[] {(byte) 0xC0, 0x21, 2, 1, 0, 4}));
    clock.advance(100);
    assertThat(atLns).contains("frame ff03c02101010004");
    assertThat(events).contains("ppp ff03c02102010004");
  }

  @Test
  void leavingSendsCdnAndStopCcnAndTheLnsClosesTheSession() {
    start();
    lac.close();
    clock.advance(100);
    assertThat(sent).endsWith(MessageType.CDN, MessageType.STOPCCN);
    assertThat(atLns).anyMatch(e -> e.startsWith("closed: "));
    assertThat(events).containsExactly("session up");
  }

  @Test
  void aHelloFromTheLnsIsAcknowledgedAndTheTunnelStays() {
    start();
    clock.advance(61_000 + 30_000);
    assertThat(events).containsExactly("session up");
    assertThat(atLns).noneMatch(e -> e.startsWith("closed"));
  }

  @Test
  void aSilentLnsGetsTheSccrqSixTimesThenTheClientGivesUp() {
    silent = true;
    start();
    // RFC 2661 section 5.8 as jlns times it: resent after 1, 2, 4, 8, 8 s, then the tunnel is given up.
    clock.advance(1000 + 2000 + 4000 + 8000 + 8000 - 100);
    assertThat(sent).hasSize(6).containsOnly(MessageType.SCCRQ);
    assertThat(events).isEmpty();
    clock.advance(7999);
    assertThat(events).isEmpty();
    clock.advance(1);
    assertThat(events).containsExactly("down L2TP_TIMEOUT");
  }

  @Test
  void aStopCcnFromTheLnsAfterTheSessionIsUpIsADrop() {
    start();
    carriers.get(0).disconnect("test");
    clock.advance(100);
    assertThat(events).containsExactly("session up", "down DROPPED");
  }

}
