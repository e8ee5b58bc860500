package io.jlns.loadgen;

import io.jlns.l2tp.ControlChannel;
import io.jlns.l2tp.message.Avp;
import io.jlns.l2tp.message.AvpType;
import io.jlns.l2tp.message.ControlMessage;
import io.jlns.l2tp.message.Decoded;
import io.jlns.l2tp.message.L2tpCodec;
import io.jlns.l2tp.message.MessageType;
import io.jlns.time.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The client's L2TPv2 side, a LAC placing one incoming call (RFC 2661 sections 5.1 and 5.2):
 * SCCRQ/SCCRP/SCCCN, then ICRQ/ICRP/ICCN; HELLO acknowledged; StopCCN and CDN when leaving.
 * Reliable delivery is the same RFC 2661 control channel the LNS uses (section 5.8).
 */
final class Lac {
  /** Where L2TP datagrams go (the ESP layer below), and what the layers around hear. */
  interface Events {
    void send(ByteBuf datagram);

    void sessionUp();

    void ppp(ByteBuf frame);

    void down(Failure failure, String reason);
  }

  enum State { IDLE, WAIT_SCCRP, WAIT_ICRP, ESTABLISHED, CLOSED }

  private final Events events;
  private final Scheduler clock;
  private final ByteBufAllocator alloc;
  private final int tunnelId;
  private final int sessionId;
  private final String hostName;
  private final ControlChannel channel;
  private State state = State.IDLE;
  private int peerTunnelId;
  private int peerSessionId;
  private int timerGeneration;
  /** Only for hidden AVPs' padding, which the generator never sends (no tunnel secret). */
  private final SplittableRandom random = new SplittableRandom();

  Lac(Events events, Scheduler clock, ByteBufAllocator alloc, int tunnelId, int sessionId, String hostName) {
    this.events = events;
    this.clock = clock;
    this.alloc = alloc;
    this.tunnelId = tunnelId;
    this.sessionId = sessionId;
    this.hostName = hostName;
    this.channel = new ControlChannel(clock, this::transmit, ControlChannel.Retransmit.DEFAULT,
        () -> down(Failure.L2TP_TIMEOUT, "control message not acknowledged after 5 retransmissions"));
  }

  State state() {
    return state;
  }

  /** SCCRQ (section 6.1) with what Windows and xl2tpd send. */
  void start(long timeoutMillis) {
    state = State.WAIT_SCCRP;
    channel.send(0, List.of(type(MessageType.SCCRQ), Avp.u16(AvpType.PROTOCOL_VERSION, 0x0100),
        Avp.u32(AvpType.FRAMING_CAPABILITIES, 3), Avp.u32(AvpType.BEARER_CAPABILITIES, 0).optional(),
        Avp.u16(AvpType.FIRMWARE_REVISION, 0x0600).optional(), Avp.text(AvpType.HOST_NAME, hostName),
        Avp.text(AvpType.VENDOR_NAME, "jlns loadgen").optional(), Avp.u16(AvpType.ASSIGNED_TUNNEL_ID, tunnelId),
        Avp.u16(AvpType.RECEIVE_WINDOW_SIZE, 8)));
    int gen = ++timerGeneration;
    clock.schedule(timeoutMillis, () -> {
      if (gen == timerGeneration && state != State.ESTABLISHED && state != State.CLOSED) {
        down(Failure.L2TP_TIMEOUT, "no session after " + timeoutMillis + " ms (state " + state + ")");
      }
    });
  }

  /** An L2TP datagram from the LNS (the buffer is the caller's). */
  void onDatagram(ByteBuf b) {
    if (state == State.CLOSED) {
      return;
    }
    Decoded d = L2tpCodec.decode(b, null);
    if (d instanceof Decoded.Data data) {
      if (data.sessionId() == sessionId && state == State.ESTABLISHED) {
        events.ppp(b.slice(data.offset(), data.length()));
      }
    } else if (d instanceof Decoded.Control c) {
      ControlMessage m = c.message();
      if (channel.receive(m) == ControlChannel.Receive.NEW) {
        onControl(m);
      }
      channel.flushAck();
    }
  }

  private void onControl(ControlMessage m) {
    switch (m.type()) {
      case SCCRP -> {
        if (state != State.WAIT_SCCRP) {
          return;
        }
        if (m.avp(AvpType.CHALLENGE).isPresent()) {
          down(Failure.L2TP_REFUSED, "SCCRP asks for tunnel authentication (the generator has no tunnel secret)");
          return;
        }
        peerTunnelId = m.u16(AvpType.ASSIGNED_TUNNEL_ID);
        channel.peer(peerTunnelId, m.u16(AvpType.RECEIVE_WINDOW_SIZE));
        channel.send(0, List.of(type(MessageType.SCCCN)));
        state = State.WAIT_ICRP;
        channel.send(0, List.of(type(MessageType.ICRQ), Avp.u16(AvpType.ASSIGNED_SESSION_ID, sessionId),
            Avp.u32(AvpType.CALL_SERIAL_NUMBER, sessionId), Avp.u32(AvpType.BEARER_TYPE, 0).optional()));
      }
      case ICRP -> {
        if (state != State.WAIT_ICRP || m.sessionId() != sessionId) {
          return;
        }
        peerSessionId = m.u16(AvpType.ASSIGNED_SESSION_ID);
        channel.send(peerSessionId, List.of(type(MessageType.ICCN), Avp.u32(AvpType.TX_CONNECT_SPEED, 100_000_000),
            Avp.u32(AvpType.FRAMING_TYPE, 1)));
        state = State.ESTABLISHED;
        timerGeneration++;
        events.sessionUp();
      }
      case STOPCCN -> down(state == State.ESTABLISHED ? Failure.DROPPED : Failure.L2TP_REFUSED, "StopCCN from the LNS"
          + resultText(m));
      case CDN -> down(state == State.ESTABLISHED ? Failure.DROPPED : Failure.L2TP_REFUSED, "CDN from the LNS" + resultText(m));
      default -> { }
    }
  }

  /** A PPP frame (address/control and protocol included) to the LNS as a data message without sequence numbers. */
  void sendPpp(byte[] frame, int off, int len) {
    if (state != State.ESTABLISHED) {
      return;
    }
    ByteBuf b = alloc.heapBuffer(8 + len);
    L2tpCodec.encodeDataHeader(b, peerTunnelId, peerSessionId, -1, -1, len);
    b.writeBytes(frame, off, len);
    events.send(b);
  }

  /** Leaving: CDN for the call, then StopCCN for the tunnel (section 5.7), as Windows does. */
  void close() {
    if (state == State.CLOSED) {
      return;
    }
    if (state == State.ESTABLISHED) {
      channel.send(peerSessionId, List.of(type(MessageType.CDN), Avp.of(AvpType.RESULT_CODE, new byte[] {0, 3}),
          Avp.u16(AvpType.ASSIGNED_SESSION_ID, sessionId)));
    }
    if (peerTunnelId != 0) {
      channel.send(0, List.of(type(MessageType.STOPCCN), Avp.u16(AvpType.ASSIGNED_TUNNEL_ID, tunnelId),
          Avp.of(AvpType.RESULT_CODE, new byte[] {0, 1})));
    }
    state = State.CLOSED;
    timerGeneration++;
    // The StopCCN goes out now; its acknowledgement is not waited for (the client is leaving).
    channel.close();
  }

  private void down(Failure f, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    timerGeneration++;
    channel.close();
    events.down(f, reason);
  }

  private void transmit(ControlMessage m) {
    ByteBuf b = alloc.heapBuffer(128);
    L2tpCodec.encode(m, b, null, random);
    events.send(b);
  }

  private static Avp type(MessageType t) {
    return Avp.u16(AvpType.MESSAGE_TYPE, t.code());
  }

  private static String resultText(ControlMessage m) {
    List<String> parts = new ArrayList<>();
    m.avp(AvpType.RESULT_CODE).ifPresent(a -> {
      parts.add("result " + a.u16());
      if (a.value().length > 4) {
        parts.add(new String(a.value(), 4, a.value().length - 4, java.nio.charset.StandardCharsets.UTF_8));
      }
    });
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }
}
