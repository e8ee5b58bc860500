package io.jlns.ike;

import java.net.InetSocketAddress;

/**
 * ISAKMP SAs between event loops (docs/threads.md): each loop has its own responder, and the
 * kernel's SO_REUSEPORT hash may bring a message to a loop that does not own its SA.
 */
final class Handover {
  private Handover() {}

  /**
   * A message for an SA another loop owns. Main Mode's message 5 (or Aggressive Mode's 3) moves the
   * SA here: it is the first from the endpoint the client keeps (UDP 4500 behind a NAT), and the
   * kernel sends that endpoint's Quick Modes and ESP to this loop from now on. Anything else is
   * forwarded to the owner.
   */
  static void toOwner(IkeResponder r, IkeResponder owner, long rcookie, InetSocketAddress local, InetSocketAddress remote, byte[] data) {
    owner.loop.execute(() -> {
      IkeSa moving = release(owner, rcookie, r);
      if (moving == null) {
        owner.counters.count("from-other-loop");
        owner.onMessage(local, remote, data);
        return;
      }
      r.loop.execute(() -> {
        adopt(r, moving);
        r.onMessage(local, remote, data);
      });
    });
  }

  /** Gives up an SA waiting for its last phase 1 message to {@code to}; null when it is not in that state. */
  private static IkeSa release(IkeResponder r, long rcookie, IkeResponder to) {
    IkeSa sa = r.sas.get(rcookie);
    if (sa == null || sa.state != IkeSa.State.MM_KE_SENT && sa.state != IkeSa.State.AM_SENT) {
      return null;
    }
    r.sas.remove(rcookie);
    if (sa.halfOpenKey != null) {
      r.halfOpen.remove(sa.halfOpenKey, sa);
    }
    r.shared.moveTo(rcookie, to);
    return sa;
  }

  private static void adopt(IkeResponder r, IkeSa sa) {
    r.counters.count("moved-here");
    r.sas.put(sa.ourCookie(), sa);
    if (sa.halfOpenKey != null) {
      r.halfOpen.put(sa.halfOpenKey, sa);
    }
    r.expireIfHalfOpen(sa, Math.max(0, IkeResponder.HALF_OPEN_MILLIS - (r.scheduler.nowMillis() - sa.createdMillis)),
        sa.state == IkeSa.State.AM_SENT ? "Aggressive Mode" : "Main Mode");
  }

}
