package io.jlns.l2tp;

import io.jlns.l2tp.message.Avp;
import io.jlns.l2tp.message.AvpType;
import io.jlns.l2tp.message.ControlMessage;
import io.jlns.l2tp.message.MessageType;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One control connection with a LAC (RFC 2661 section 7.2, LNS side), and its sessions. */
final class Tunnel {
  enum State {
    WAIT_CTL_CONN,
    ESTABLISHED,
    CLOSED
  }

  /** How long a closed tunnel stays to acknowledge retransmissions (a full retransmit cycle, 5.7). */
  static final long LINGER_MILLIS = 31_000;
  /**
   * How long a control connection (SCCRQ to SCCCN) or a call (ICRQ to ICCN) may take to come
   * up: a LAC takes milliseconds, retransmissions seconds; one that acknowledges our SCCRP or
   * ICRP and never goes on would otherwise hold the tunnel or session for ever (found by
   * L2tpLnsFuzzTest).
   */
  static final long SETUP_MILLIS = 30_000;
  /** Sessions one tunnel may carry (an L2TP/IPsec client uses one; a LAC concentrator would need a higher figure). */
  static final int MAX_SESSIONS = 64;
  /**
   * Control messages queued unacknowledged: a peer that keeps asking (ICRQs) and acknowledges
   * nothing would otherwise grow the queue without end; past this the tunnel is cleared.
   */
  static final int MAX_UNACKED = 64;

  private final L2tpLns lns;
  final int localId;
  final InetSocketAddress peer;
  /** The peer and its Assigned Tunnel ID, under which a retransmitted SCCRQ finds this tunnel. */
  String sccrqKey;
  final ControlChannel channel;
  final TunnelSettings settings;
  int peerId;
  String peerHost = "";
  State state = State.WAIT_CTL_CONN;
  private byte[] secret;
  private byte[] ourChallenge;
  final Map<Integer, Session> sessions = new LinkedHashMap<>();
  private long lastReceived;
  private int helloGeneration;
  final long createdMillis;

  Tunnel(L2tpLns lns, int localId, InetSocketAddress peer, TunnelSettings settings) {
    this.lns = lns;
    this.localId = localId;
    this.peer = peer;
    this.settings = settings;
    this.createdMillis = lns.scheduler().nowMillis();
    this.channel = new ControlChannel(lns.scheduler(), m -> lns.sendControl(peer, m, secret),
        settings.retransmit(), () -> lost("no acknowledgement from the peer (retransmissions exhausted)"));
    lns.scheduler().schedule(SETUP_MILLIS, () -> {
      if (state == State.WAIT_CTL_CONN) {
        stop(ResultCode.STOP_GENERAL_ERROR, ResultCode.ERROR_NONE,
            "the control connection did not come up in " + SETUP_MILLIS / 1000 + " s (no SCCCN)");
      }
    });
  }

  byte[] secretOrNull() {
    return secret;
  }

  String peerDescription() {
    return peerHost + " " + peer.getAddress().getHostAddress() + ":" + peer.getPort();
  }

  SessionInfo sessionInfo(Session s) {
    return new SessionInfo(localId, peerId, s.localId, s.peerId, peer, peerHost, s.callSerial, s.establishedMillis);
  }

  /** Sends reliably, unless the peer already has {@link #MAX_UNACKED} messages it did not acknowledge: then the tunnel goes. */
  private void send(int sessionId, List<Avp> avps) {
    if (channel.outstanding() >= MAX_UNACKED) {
      lns.drop("control-queue", "%VPDN-4-QUEUE_LIMIT: L2TP tunnel " + localId + " with " + peerDescription() + " cleared: "
          + MAX_UNACKED + " control messages unacknowledged");
      lost("the peer left " + MAX_UNACKED + " control messages unacknowledged");
      return;
    }
    channel.send(sessionId, avps);
  }

  /** Every control message of this tunnel, including the SCCRQ that created it. */
  void onControl(ControlMessage m) {
    ControlChannel.Receive r = channel.receive(m);
    lastReceived = lns.scheduler().nowMillis(); // any message, a ZLB too, shows the peer is alive
    if (r == ControlChannel.Receive.NEW) {
      if (state != State.CLOSED) {
        dispatch(m);
      }
    }
    channel.flushAck();
  }

  private void dispatch(ControlMessage m) {
    Optional<Avp> unknown = m.avps().stream().filter(a -> a.mandatory() && !a.known()).findFirst();
    MessageType type = m.type();
    if (unknown.isPresent()) {
      // Section 4.1: an unknown AVP with the M bit clears the session or, for a tunnel message, the tunnel.
      String why = "unknown mandatory AVP " + unknown.get().vendorId() + ":" + unknown.get().type() + " in " + type;
      Session s = sessions.get(m.sessionId());
      if (!type.tunnelLevel() && s != null) {
        s.close(ResultCode.CDN_GENERAL_ERROR, why, true);
      } else {
        stop(ResultCode.STOP_GENERAL_ERROR, ResultCode.ERROR_UNKNOWN_MANDATORY_AVP, why);
      }
      return;
    }
    switch (type) {
      case SCCRQ -> onSccrq(m);
      case SCCCN -> onScccn(m);
      case STOPCCN -> onStopccn(m);
      case HELLO, WEN, SLI -> { }
      case ICRQ -> onIcrq(m);
      case ICCN -> onIccn(m);
      case CDN -> onCdn(m);
      case UNKNOWN -> {
        if (m.avps().isEmpty() || m.avps().get(0).mandatory()) {
          stop(ResultCode.STOP_GENERAL_ERROR, ResultCode.ERROR_BAD_VALUE, "unknown mandatory message type");
        }
      }
      default -> unexpected(m);
    }
  }

  private void onSccrq(ControlMessage m) {
    if (state != State.WAIT_CTL_CONN || m.ns() != 0) {
      unexpected(m);
      return;
    }
    peerId = m.u16(AvpType.ASSIGNED_TUNNEL_ID);
    peerHost = m.avp(AvpType.HOST_NAME).map(Avp::text).orElse("").replaceAll("\\p{Cntrl}", "?");
    channel.peer(peerId, m.u16(AvpType.RECEIVE_WINDOW_SIZE));
    if (peerId <= 0 || m.avp(AvpType.HOST_NAME).isEmpty() || m.avp(AvpType.FRAMING_CAPABILITIES).isEmpty()) {
      stop(ResultCode.STOP_GENERAL_ERROR, ResultCode.ERROR_BAD_LENGTH, "SCCRQ lacks a required AVP (section 5.2)");
      return;
    }
    if (m.u16(AvpType.PROTOCOL_VERSION) != 0x0100) {
      stop(ResultCode.STOP_BAD_VERSION, ResultCode.ERROR_NONE, "only protocol version 1.0 is supported");
      return;
    }
    if (!settings.accept()) {
      stop(ResultCode.STOP_NOT_AUTHORIZED, ResultCode.ERROR_NONE, "no vpdn-group accepts L2TP dial-in");
      return;
    }
    secret = settings.secret() != null ? settings.secret() : settings.secretForHost().apply(peerHost);
    Optional<Avp> challenge = m.avp(AvpType.CHALLENGE);
    List<Avp> avps = new ArrayList<>(List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.SCCRP.code()),
        Avp.u16(AvpType.PROTOCOL_VERSION, 0x0100), Avp.u32(AvpType.FRAMING_CAPABILITIES, 3),
        Avp.u32(AvpType.BEARER_CAPABILITIES, 0), Avp.u16(AvpType.FIRMWARE_REVISION, 0x0100).optional(),
        Avp.text(AvpType.HOST_NAME, settings.hostName()), Avp.text(AvpType.VENDOR_NAME, "jlns").optional(),
        Avp.u16(AvpType.ASSIGNED_TUNNEL_ID, localId), Avp.u16(AvpType.RECEIVE_WINDOW_SIZE, settings.receiveWindow())));
    if (challenge.isPresent()) {
      if (secret == null) {
        stop(ResultCode.STOP_NOT_AUTHORIZED, ResultCode.ERROR_NONE,
            "the LAC challenges us but no tunnel secret is configured ('l2tp tunnel password')");
        return;
      }
      avps.add(Avp.of(AvpType.CHALLENGE_RESPONSE, response(MessageType.SCCRP, challenge.get().value())));
    }
    if (settings.authenticate()) {
      if (secret == null) {
        stop(ResultCode.STOP_NOT_AUTHORIZED, ResultCode.ERROR_NONE, "l2tp tunnel authentication is on but no secret is"
            + " set for " + peerHost + " ('l2tp tunnel password', or 'no l2tp tunnel authentication')");
        return;
      }
      ourChallenge = new byte[16];
      lns.random().nextBytes(ourChallenge);
      avps.add(Avp.of(AvpType.CHALLENGE, ourChallenge));
    }
    send(0, avps);
  }

  private void onScccn(ControlMessage m) {
    if (state != State.WAIT_CTL_CONN) {
      unexpected(m);
      return;
    }
    if (ourChallenge != null) {
      byte[] expected = response(MessageType.SCCCN, ourChallenge);
      byte[] got = m.avp(AvpType.CHALLENGE_RESPONSE).map(Avp::value).orElse(new byte[0]);
      if (!MessageDigest.isEqual(expected, got)) {
        L2tpDebug.error(peer, "Tnl " + localId + " tunnel authentication of " + peerDescription() + " failed: its Challenge "
            + "Response does not match 'l2tp tunnel password' (the secrets differ)");
        stop(ResultCode.STOP_NOT_AUTHORIZED, ResultCode.ERROR_NONE, "tunnel authentication failed (wrong secret)");
        return;
      }
    }
    L2tpDebug.event(peer, "Tnl " + localId + " L2TP: Tunnel state change from " + state + " to ESTABLISHED (LAC "
        + peerDescription() + ", its tunnel " + peerId + ")");
    state = State.ESTABLISHED;
    lns.log().info("%VPDN-6-TUNNEL_UP: L2TP tunnel {} up with LAC {} (peer tunnel {})", localId, peerDescription(), peerId);
    scheduleHello();
  }

  private void onStopccn(ControlMessage m) {
    String why = m.avp(AvpType.RESULT_CODE).map(ResultCode::describe).orElse("no result code");
    closeAll("the LAC closed the tunnel (StopCCN " + why + ")", false);
  }

  private void onIcrq(ControlMessage m) {
    if (state != State.ESTABLISHED) {
      unexpected(m);
      return;
    }
    int peerSession = m.u16(AvpType.ASSIGNED_SESSION_ID);
    if (peerSession <= 0 || m.avp(AvpType.CALL_SERIAL_NUMBER).isEmpty()) {
      send(Math.max(peerSession, 0), List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.CDN.code()),
          ResultCode.avp(ResultCode.CDN_GENERAL_ERROR, ResultCode.ERROR_BAD_LENGTH, "ICRQ lacks a required AVP"),
          Avp.u16(AvpType.ASSIGNED_SESSION_ID, 0)));
      return;
    }
    if (sessions.size() >= MAX_SESSIONS) {
      lns.drop("session-limit", "%VPDN-4-SESSION_LIMIT: ICRQ in L2TP tunnel " + localId + " from " + peerDescription()
          + " refused: " + MAX_SESSIONS + " sessions in one tunnel");
      send(peerSession, List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.CDN.code()), ResultCode.avp(
          ResultCode.CDN_NO_FACILITIES_TEMPORARY, ResultCode.ERROR_NONE, "session limit of the tunnel reached"),
          Avp.u16(AvpType.ASSIGNED_SESSION_ID, 0)));
      return;
    }
    int local = lns.newId(sessions.keySet());
    Session s = new Session(this, local, peerSession, m.avp(AvpType.CALL_SERIAL_NUMBER).get().u32());
    sessions.put(local, s);
    send(peerSession, List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.ICRP.code()),
        Avp.u16(AvpType.ASSIGNED_SESSION_ID, local)));
    lns.scheduler().schedule(SETUP_MILLIS, () -> {
      if (s.state == Session.State.WAIT_CONNECT && sessions.get(local) == s) {
        s.close(ResultCode.CDN_GENERAL_ERROR, "the call did not come up in " + SETUP_MILLIS / 1000 + " s (no ICCN)", true);
      }
    });
  }

  private void onIccn(ControlMessage m) {
    Session s = sessions.get(m.sessionId());
    if (s == null || s.state != Session.State.WAIT_CONNECT) {
      unexpected(m);
      return;
    }
    s.onIccn(m, lns.pppFactory(), lns.scheduler().nowMillis());
    L2tpDebug.event(peer, "Tnl/Sn " + localId + "/" + s.localId + " L2TP: Session state change from WAIT_CONNECT to "
        + "ESTABLISHED: PPP starts");
    lns.log().info("%VPDN-6-SESSION_UP: L2TP session {} up in tunnel {} ({})", s.localId, localId, peerDescription());
  }

  private void onCdn(ControlMessage m) {
    Session s = sessions.get(m.sessionId());
    if (s == null) {
      int assigned = m.u16(AvpType.ASSIGNED_SESSION_ID);
      s = sessions.values().stream().filter(x -> x.peerId == assigned).findFirst().orElse(null);
    }
    if (s != null) {
      String why = m.avp(AvpType.RESULT_CODE).map(ResultCode::describe).orElse("no result code");
      s.close(ResultCode.CDN_GENERAL_ERROR, "the LAC disconnected the call (CDN " + why + ")", false);
    }
  }

  /** Section 7: a message the state machine does not expect clears what it concerns. */
  private void unexpected(ControlMessage m) {
    Session s = sessions.get(m.sessionId());
    if (!m.type().tunnelLevel() && s != null) {
      s.close(ResultCode.CDN_GENERAL_ERROR, "unexpected " + m.type() + " in session state " + s.state, true);
    } else if (m.type().tunnelLevel()) {
      stop(ResultCode.STOP_FSM_ERROR, ResultCode.ERROR_NONE, "unexpected " + m.type() + " in tunnel state " + state);
    } else {
      send(m.sessionId(), List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.CDN.code()),
          ResultCode.avp(ResultCode.CDN_GENERAL_ERROR, ResultCode.ERROR_BAD_SESSION, m.type() + " not expected here"),
          Avp.u16(AvpType.ASSIGNED_SESSION_ID, 0)));
    }
  }

  /** Clears the tunnel from our side with a StopCCN (section 5.7). */
  void stop(int result, int error, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    sendStopCcn(result, error, reason);
    closeAll(reason, true);
  }

  private void closeAll(String reason, boolean ours) {
    for (Session s : new ArrayList<>(sessions.values())) {
      s.close(ResultCode.CDN_GENERAL_ERROR, reason, false);
    }
    L2tpDebug.event(peer, "Tnl " + localId + " L2TP: Tunnel state change from " + state + " to CLOSED: " + reason);
    state = State.CLOSED;
    helloGeneration++;
    if (!ours) {
      channel.abandon();
    }
    lns.log().info("%VPDN-6-TUNNEL_DOWN: L2TP tunnel {} with {} closed: {}", localId, peerDescription(), reason);
    lns.tunnelClosed(peer);
    lns.scheduler().schedule(LINGER_MILLIS, () -> {
      channel.close();
      lns.forget(this);
    });
  }

  /**
   * A session's client stopped answering: a CDN (lost carrier) goes once, and if that was the
   * tunnel's last session a StopCCN goes once too and the tunnel closes now, without the
   * retransmissions a vanished peer would never acknowledge: its IPsec SAs, demux port and
   * address are released seconds after the client went, not when HELLO gives up a minute later.
   */
  void peerGone(Session s, String reason) {
    s.close(ResultCode.CDN_LOST_CARRIER, reason, true);
    if (sessions.isEmpty() && state != State.CLOSED) {
      sendStopCcn(ResultCode.STOP_GENERAL_ERROR, ResultCode.ERROR_NONE, "the client stopped answering (" + reason + ")");
      lost("its last session's client stopped answering (" + reason + ")");
    }
  }

  /** The server stops: one StopCCN (shutting down), and the tunnel is gone without waiting for its acknowledgement. */
  void shutdown(String reason) {
    sendStopCcn(ResultCode.STOP_SHUTTING_DOWN, ResultCode.ERROR_NONE, reason);
    lost(reason);
  }

  /** Section 5.7: StopCCN with our Assigned Tunnel ID and the result; whether to wait for its acknowledgement is the caller's. */
  private void sendStopCcn(int result, int error, String reason) {
    channel.send(0, List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.STOPCCN.code()),
        Avp.u16(AvpType.ASSIGNED_TUNNEL_ID, localId), ResultCode.avp(result, error, reason)));
  }

  /** The peer is gone (its IPsec SAs were removed): close without telling it. */
  void vanish(String reason) {
    lost(reason);
  }

  private void lost(String reason) {
    if (state == State.CLOSED) {
      lns.forget(this);
      return;
    }
    closeAll(reason, false);
    lns.forget(this);
  }

  private void scheduleHello() {
    if (settings.helloSeconds() <= 0) {
      return;
    }
    int gen = ++helloGeneration;
    long interval = settings.helloSeconds() * 1000L;
    lns.scheduler().schedule(interval, () -> hello(gen, interval));
  }

  /** Section 6.5: a HELLO after an idle interval; its retransmissions failing means the peer is gone. */
  private void hello(int gen, long interval) {
    if (gen != helloGeneration || state != State.ESTABLISHED) {
      return;
    }
    long idle = lns.scheduler().nowMillis() - lastReceived;
    if (idle >= interval && channel.outstanding() == 0) {
      channel.send(0, List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.HELLO.code())));
    }
    lns.scheduler().schedule(Math.max(interval - idle, 1000), () -> hello(gen, interval));
  }

  void sendCdn(Session s, int result, String reason) {
    send(s.peerId, List.of(Avp.u16(AvpType.MESSAGE_TYPE, MessageType.CDN.code()),
        ResultCode.avp(result, ResultCode.ERROR_NONE, reason), Avp.u16(AvpType.ASSIGNED_SESSION_ID, s.localId)));
  }

  void sessionClosed(Session s, Session.State was, String reason) {
    sessions.remove(s.localId);
    L2tpDebug.event(peer, "Tnl/Sn " + localId + "/" + s.localId + " L2TP: Session state change from " + was + " to CLOSED: "
        + reason);
    if (was == Session.State.ESTABLISHED) {
      lns.log().info("%VPDN-6-SESSION_DOWN: L2TP session {} in tunnel {} ({}) closed: {}", s.localId, localId,
          peerDescription(), reason);
    }
  }

  void sendData(Session s, ByteBuf frame, int ns) {
    lns.sendData(peer, peerId, s.peerId, ns, frame);
  }

  /** Section 5.1.1: MD5 of the message type, the secret and the challenge. */
  private byte[] response(MessageType type, byte[] challenge) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update((byte) type.code());
      md5.update(secret);
      md5.update(challenge);
      return md5.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
