package io.jlns.l2tp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Coverage-guided fuzzing of the LNS core (RFC 2661): tunnels, the control channel's
 * sequencing, sessions and data. The fuzzer's LAC sends raw datagrams, control messages it
 * composes from AVPs (hidden ones too, under the tunnel secret) with Ns/Nr that the LNS will
 * accept, and data for the sessions it opened. Invariants: nothing escapes {@code onDatagram};
 * an established bystander tunnel and its session are untouched; at most one tunnel per message;
 * what was left half-open is gone once the control channel gives up.
 */
class L2tpLnsFuzzTest {
  static final byte[] SECRET = "tunnel-secret".getBytes(StandardCharsets.US_ASCII);
  private static final int[] TYPES = {1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 0, 5, 13, 17, 0x7fff};
  private static final int[] AVPS = {AvpType.MESSAGE_TYPE, AvpType.RESULT_CODE, AvpType.PROTOCOL_VERSION,
      AvpType.FRAMING_CAPABILITIES, AvpType.BEARER_CAPABILITIES, AvpType.TIE_BREAKER, AvpType.HOST_NAME,
      AvpType.ASSIGNED_TUNNEL_ID, AvpType.RECEIVE_WINDOW_SIZE, AvpType.ASSIGNED_SESSION_ID, AvpType.CALL_SERIAL_NUMBER,
      AvpType.RANDOM_VECTOR, AvpType.CALLING_NUMBER, AvpType.TX_CONNECT_SPEED, AvpType.FRAMING_TYPE, 11, 12, 13, 26, 27,
      28, 29, 30, 31, 32, 33, 34, 39, 40, 46, 47, 99};

  /** The LNS and what it sent to whom, fresh for each input. */
  static final class World {
    final ManualScheduler clock = new ManualScheduler();
    final List<InetSocketAddress> sentTo = new ArrayList<>();
    final List<ByteBuf> sent = new ArrayList<>();
    final List<String> pppEvents = new ArrayList<>();
    final L2tpLns lns = new L2tpLns(clock, new SplittableRandom(9), (to, b) -> {
      if (sent.size() < 5_000) {
        sent.add(b);
        sentTo.add(to);
      }
    }, UnpooledByteBufAllocator.DEFAULT,
        () -> new TunnelSettings(true, "LNS", false, SECRET, h -> null, 0, 8), (info, carrier) -> new PppLink() {
          @Override
          public void onFrame(ByteBuf frame) {}

          @Override
          public void onSessionClosed(String reason) {
            pppEvents.add(info.peer() + " closed: " + reason);
          }
        });

    /** Everything the LNS sent to {@code lac} since {@code from}, read by it (its Nr advances). */
    void deliver(FakeLac lac, int from) {
      for (int i = from; i < sent.size(); i++) {
        if (sentTo.get(i).equals(lac.address)) {
          Decoded d = L2tpCodec.decode(sent.get(i).duplicate(), SECRET);
          if (d instanceof Decoded.Control) {
            lac.read(sent.get(i));
          }
        }
      }
    }

    void send(FakeLac lac, ByteBuf datagram) {
      int before = sent.size();
      lns.onDatagram(lac.address, datagram);
      deliver(lac, before);
    }

    /** SCCRQ, SCCCN, ICRQ, ICCN; returns the LNS's session id. */
    int establish(FakeLac lac, int step) {
      send(lac, lac.sccrq());
      if (step < 2) {
        return 0;
      }
      send(lac, lac.message(0, FakeLac.type(MessageType.SCCCN)));
      if (step < 3) {
        return 0;
      }
      int before = sent.size();
      send(lac, lac.message(0, FakeLac.type(MessageType.ICRQ), Avp.u16(AvpType.ASSIGNED_SESSION_ID, 42),
          Avp.u32(AvpType.CALL_SERIAL_NUMBER, 1)));
      int session = 0;
      for (int i = before; i < sent.size(); i++) {
        if (L2tpCodec.decode(sent.get(i).duplicate(), SECRET) instanceof Decoded.Control c
            && c.message().type() == MessageType.ICRP) {
          session = c.message().u16(AvpType.ASSIGNED_SESSION_ID);
        }
      }
      if (step < 4) {
        return session;
      }
      send(lac, lac.message(session, FakeLac.type(MessageType.ICCN), Avp.u32(AvpType.TX_CONNECT_SPEED, 1000000),
          Avp.u32(AvpType.FRAMING_TYPE, 1)));
      return session;
    }
  }

  @FuzzTest
  void anyDatagramLeavesOtherTunnelsAloneAndHalfOpenOnesExpire(FuzzedDataProvider data) {
    World w = new World();
    FakeLac bystander = new FakeLac("203.0.113.9", 1701, 77);
    bystander.secret = SECRET;
    int bystanderSession = w.establish(bystander, 4);
    assertThat(w.lns.tunnels()).singleElement().satisfies(t -> assertThat(t.sessionList()).hasSize(1));
    FakeLac lac = new FakeLac("198.51.100.2", 1024, data.consumeInt(1, 0xffff));
    lac.secret = SECRET;
    int session = w.establish(lac, data.consumeInt(0, 4));
    int messages = data.consumeInt(1, 8);
    for (int i = 0; i < messages; i++) {
      switch (data.consumeInt(0, 4)) {
        case 0 -> w.send(lac, Unpooled.wrappedBuffer(data.consumeBytes(data.consumeInt(0, 1500))));
        case 1, 2 -> {
          int sid = data.consumeBoolean() ? session : data.consumeInt(0, 0xffff);
          w.send(lac, lac.message(sid, avps(data).toArray(Avp[]::new)));
        }
        case 3 -> {
          int sid = data.consumeBoolean() ? session : data.consumeInt(0, 0xffff);
          w.send(lac, lac.data(sid, data.consumeBytes(data.consumeInt(0, 1500))));
        }
        default -> w.clock.advance(data.consumeLong(0, 30_000));
      }
    }
    assertThat(w.pppEvents).noneMatch(e -> e.startsWith(bystander.address + " "));
    assertThat(w.lns.tunnels()).filteredOn(t -> t.peer().equals(bystander.address)).singleElement()
        .satisfies(t -> assertThat(t.sessionList()).extracting(SessionInfo::localSessionId).containsExactly(bystanderSession));
    assertThat(w.lns.tunnels().size()).isLessThanOrEqualTo(2 + messages);
    // The control channel gives up on an unanswered peer within minutes (RFC 2661 section 5.8).
    w.clock.advance(600_000);
    assertThat(w.lns.tunnels()).allSatisfy(t -> assertThat(t.state()).isEqualTo("ESTABLISHED"));
  }

  /** A Message Type AVP (or not) and AVPs of known and unknown types, some hidden, some vendor's. */
  private static List<Avp> avps(FuzzedDataProvider data) {
    List<Avp> out = new ArrayList<>();
    if (data.consumeBoolean()) {
      out.add(Avp.u16(AvpType.MESSAGE_TYPE, data.pickValue(TYPES)));
    }
    boolean rv = false;
    int n = data.consumeInt(0, 8);
    for (int i = 0; i < n; i++) {
      int type = data.pickValue(AVPS);
      boolean hidden = rv && data.consumeBoolean();
      int vendor = data.consumeBoolean() ? 0 : data.consumeInt(0, 0xffff);
      out.add(new Avp(data.consumeBoolean(), hidden, vendor, type, data.consumeBytes(data.consumeInt(0, 200))));
      rv |= vendor == 0 && type == AvpType.RANDOM_VECTOR;
    }
    return out;
  }
}
