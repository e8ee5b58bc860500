package io.jlns.l2tp.message;

import java.util.List;
import java.util.Optional;

/**
 * A control message (RFC 2661 section 3.1): T, L and S set. A ZLB acknowledgement has no AVPs.
 * {@code tunnelId} and {@code sessionId} are the receiver's ids, as on the wire.
 */
public record ControlMessage(int tunnelId, int sessionId, int ns, int nr, List<Avp> avps) {
  public ControlMessage {
    avps = List.copyOf(avps);
  }

  public boolean zlb() {
    return avps.isEmpty();
  }

  /** The Message Type AVP's value, which RFC 2661 section 4.4.1 requires first. */
  public MessageType type() {
    if (avps.isEmpty() || avps.get(0).type() != AvpType.MESSAGE_TYPE || avps.get(0).vendorId() != 0) {
      return MessageType.UNKNOWN;
    }
    return MessageType.of(avps.get(0).u16());
  }

  public Optional<Avp> avp(int type) {
    return avps.stream().filter(a -> a.vendorId() == 0 && a.type() == type).findFirst();
  }

  public int u16(int type) {
    return avp(type).map(Avp::u16).orElse(-1);
  }

  public ControlMessage withSequence(int ns, int nr) {
    return new ControlMessage(tunnelId, sessionId, ns, nr, avps);
  }

  public ControlMessage withTunnel(int tid) {
    return new ControlMessage(tid, sessionId, ns, nr, avps);
  }
}
