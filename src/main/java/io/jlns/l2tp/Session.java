package io.jlns.l2tp;

import io.jlns.l2tp.message.ControlMessage;
import io.netty.buffer.ByteBuf;

/** One incoming call (RFC 2661 section 7.4.2, LNS side): ICRQ, ICRP, ICCN, then PPP until CDN. */
final class Session implements PppLink.Carrier {
  enum State {
    WAIT_CONNECT,
    ESTABLISHED,
    CLOSED
  }

  private final Tunnel tunnel;
  final int localId;
  final int peerId;
  final long callSerial;
  State state = State.WAIT_CONNECT;
  private PppLink ppp;
  private boolean sequencing;
  private int dataNs;
  long establishedMillis;

  Session(Tunnel tunnel, int localId, int peerId, long callSerial) {
    this.tunnel = tunnel;
    this.localId = localId;
    this.peerId = peerId;
    this.callSerial = callSerial;
  }

  /** ICCN: the call is up; PPP starts (section 5.4.2 Sequencing Required asks for Ns/Nr on data). */
  void onIccn(ControlMessage m, PppLink.Factory factory, long now) {
    state = State.ESTABLISHED;
    establishedMillis = now;
    sequencing = m.avp(io.jlns.l2tp.message.AvpType.SEQUENCING_REQUIRED).isPresent();
    ppp = factory.open(tunnel.sessionInfo(this), this);
  }

  void onData(ByteBuf frame, boolean peerSequenced) {
    if (state != State.ESTABLISHED || ppp == null) {
      return;
    }
    sequencing |= peerSequenced;
    ppp.onFrame(frame);
  }

  /** Ends the session; {@code notifyPeer} sends a CDN with the result code. */
  void close(int result, String reason, boolean notifyPeer) {
    if (state == State.CLOSED) {
      return;
    }
    State was = state;
    state = State.CLOSED;
    if (notifyPeer) {
      tunnel.sendCdn(this, result, reason);
    }
    if (ppp != null) {
      ppp.onSessionClosed(reason);
    }
    tunnel.sessionClosed(this, was, reason);
  }

  @Override
  public void sendFrame(ByteBuf frame) {
    if (state != State.ESTABLISHED) {
      frame.release();
      return;
    }
    int ns = sequencing ? dataNs : -1;
    if (sequencing) {
      dataNs = (dataNs + 1) & 0xffff;
    }
    tunnel.sendData(this, frame, ns);
  }

  @Override
  public void disconnect(String reason) {
    close(ResultCode.CDN_ADMINISTRATIVE, reason, true);
  }

  @Override
  public void peerGone(String reason) {
    tunnel.peerGone(this, reason);
  }

  @Override
  public String describe() {
    return "tunnel " + tunnel.localId + " session " + localId + " (" + tunnel.peerDescription() + ")";
  }
}
