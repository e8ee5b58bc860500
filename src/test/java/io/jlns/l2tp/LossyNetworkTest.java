package io.jlns.l2tp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.l2tp.message.Avp;
import io.jlns.l2tp.message.AvpType;
import io.jlns.l2tp.message.ControlMessage;
import io.jlns.l2tp.message.Decoded;
import io.jlns.l2tp.message.L2tpCodec;
import io.jlns.l2tp.message.MessageType;
import io.jlns.time.ManualScheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Tunnels and sessions come up although 20% of datagrams are lost both ways: a simulated LAC
 * with its own reliable control channel, a network that drops at random, all on the injected clock.
 */
class LossyNetworkTest {
  private static final InetSocketAddress LAC = new InetSocketAddress("198.51.100.2", 1701);

  private static final class World {
    final ManualScheduler clock = new ManualScheduler();
    final SplittableRandom loss;
    int sent;
    int dropped;
    int opened;
    L2tpLns lns;
    ControlChannel lac;
    int lnsSession = -1;
    boolean lacDead;

    World(long seed) {
      loss = new SplittableRandom(seed);
    }

    /** Delivers after 5 ms, unless the 20% loss takes it. */
    void carry(Runnable delivery) {
      sent++;
      if (loss.nextInt(100) < 20) {
        dropped++;
        return;
      }
      clock.schedule(5, delivery);
    }
  }

  @Property(tries = 50)
  void aTunnelAndASessionComeUpUnder20PercentLoss(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    World w = new World(seed);
    w.lns = new L2tpLns(w.clock, new SplittableRandom(seed), (to, buf) -> {
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      buf.release();
      w.carry(() -> lacReceives(w, bytes));
    }, UnpooledByteBufAllocator.DEFAULT, () -> new TunnelSettings(true, "LNS", false, null, h -> null, 60, 4),
        (info, carrier) -> {
          w.opened++;
          return new PppLink() {
            @Override
            public void onFrame(ByteBuf frame) {}

            @Override
            public void onSessionClosed(String reason) {}
          };
        });
    w.lac = new ControlChannel(w.clock, m -> {
      ByteBuf b = Unpooled.buffer();
      L2tpCodec.encode(m, b, null, new SplittableRandom(1));
      w.carry(() -> w.lns.onDatagram(LAC, b.duplicate()));
    }, new ControlChannel.Retransmit(1000, 8000, 10), () -> w.lacDead = true);
    w.lac.send(0, List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.SCCRQ.code()), Avp.u16(AvpType.PROTOCOL_VERSION, 0x0100),
        Avp.text(AvpType.HOST_NAME, "sim-lac"), Avp.u32(AvpType.FRAMING_CAPABILITIES, 3),
        Avp.u16(AvpType.ASSIGNED_TUNNEL_ID, 7)));
    // Before the first HELLO (60 s): whether a tunnel outlives 20% loss for long is chance (each
    // HELLO fails with 0.36^5 when all its tries or their acks are lost), not what this checks.
    w.clock.advance(55_000);
    assertThat(w.lacDead).as("the LAC gave up (seed %d, %d of %d dropped)", seed, w.dropped, w.sent).isFalse();
    assertThat(w.opened).as("PPP opened exactly once (seed %d)", seed).isEqualTo(1);
    assertThat(w.lns.tunnels()).as("one tunnel, established").singleElement()
        .satisfies(t -> assertThat(t.state()).isEqualTo("ESTABLISHED"));
    assertThat(w.lns.tunnels().get(0).sessionList()).hasSize(1);
  }

  /** The LAC's side of RFC 2661 section 5: SCCRP brings SCCCN and ICRQ; ICRP brings ICCN. */
  private static void lacReceives(World w, byte[] bytes) {
    Decoded d = L2tpCodec.decode(Unpooled.wrappedBuffer(bytes), null);
    if (!(d instanceof Decoded.Control c)) {
      return;
    }
    ControlMessage m = c.message();
    if (w.lac.receive(m) == ControlChannel.Receive.NEW) {
      if (m.type() == MessageType.SCCRP) {
        w.lac.peer(m.u16(AvpType.ASSIGNED_TUNNEL_ID), m.u16(AvpType.RECEIVE_WINDOW_SIZE));
        w.lac.send(0, List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.SCCCN.code())));
        w.lac.send(0, List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.ICRQ.code()), Avp.u16(AvpType.ASSIGNED_SESSION_ID, 42),
            Avp.u32(AvpType.CALL_SERIAL_NUMBER, 1)));
      } else if (m.type() == MessageType.ICRP) {
        w.lnsSession = m.u16(AvpType.ASSIGNED_SESSION_ID);
        w.lac.send(w.lnsSession, List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.ICCN.code()),
            Avp.u32(AvpType.TX_CONNECT_SPEED, 1_000_000), Avp.u32(AvpType.FRAMING_TYPE, 1)));
      }
    }
    w.lac.flushAck();
  }
}
