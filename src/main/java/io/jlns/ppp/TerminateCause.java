package io.jlns.ppp;

import java.util.Locale;

/** Why a session ended, as RADIUS accounting says it (Acct-Terminate-Cause, RFC 2866 section 5.10). */
public enum TerminateCause {
  USER_REQUEST(1), LOST_CARRIER(2), LOST_SERVICE(3), IDLE_TIMEOUT(4), SESSION_TIMEOUT(5), ADMIN_RESET(6), ADMIN_REBOOT(7),
  PORT_ERROR(8), NAS_ERROR(9), NAS_REQUEST(10), NAS_REBOOT(11), SERVICE_UNAVAILABLE(15);

  public final int code;

  TerminateCause(int code) {
    this.code = code;
  }

  /**
   * The cause of an ending from its log reason: the client left (LCP Terminate, CDN, StopCCN), it
   * vanished (keepalives, retransmissions), IPsec went (SA deleted or expired), we were told to.
   */
  public static TerminateCause of(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("session timeout")) {
      return SESSION_TIMEOUT;
    }
    if (r.contains("idle timeout")) {
      return IDLE_TIMEOUT;
    }
    if (r.contains("administrator") || r.contains("clear ") || r.contains("disconnect-request")) {
      return ADMIN_RESET;
    }
    if (r.contains("reload") || r.contains("shutting down") || r.contains("stopping")) {
      return ADMIN_REBOOT;
    }
    if (r.contains("keepalive") || r.contains("retransmissions exhausted") || r.contains("no acknowledgement")
        || r.contains("hello") || r.contains("dead peer")) {
      return LOST_CARRIER;
    }
    if (r.contains("ipsec") || r.contains(" sa ") || r.contains("sa expired") || r.contains("delete")) {
      return LOST_SERVICE;
    }
    if (r.contains("by the peer") || r.contains("the lac") || r.contains("cdn") || r.contains("stopccn")) {
      return USER_REQUEST;
    }
    if (r.contains("authentication") || r.contains("pool") || r.contains("ipcp") || r.contains("reject")) {
      return SERVICE_UNAVAILABLE;
    }
    return NAS_REQUEST;
  }
}
