package io.jlns.aaa.radius;

import io.jlns.ppp.SessionUsage;
import io.jlns.ppp.TerminateCause;
import java.util.ArrayList;
import java.util.List;

/**
 * Accounting-Requests for PPP sessions (RFC 2866): Start when IPCP is up, Interim-Update, Stop
 * with the session's time, octets and packets (the high 32 bits of octets in the Gigawords
 * attributes, RFC 2869 section 5.1 and 5.2) and its Acct-Terminate-Cause; Accounting-On and -Off
 * for the NAS. Acct-Delay-Time is added when a request is (re)sent.
 */
public final class AccountingRequests {
  private AccountingRequests() {}

  public static final int START = 1;
  public static final int STOP = 2;
  public static final int INTERIM_UPDATE = 3;
  public static final int ACCOUNTING_ON = 7;
  public static final int ACCOUNTING_OFF = 8;

  /** A session's Start ({@code cause} null), Interim-Update or Stop. */
  public static List<RadiusAttribute> session(int statusType, SessionUsage u, TerminateCause cause,
      AccessRequests.Nas nas, long epochSeconds) {
    List<RadiusAttribute> a = new ArrayList<>();
    a.add(RadiusAttribute.integer(Radius.ACCT_STATUS_TYPE, statusType));
    if (!u.user().isEmpty()) {
      a.add(RadiusAttribute.text(Radius.USER_NAME, u.user()));
    }
    if (u.address() != 0) {
      a.add(RadiusAttribute.address(Radius.FRAMED_IP_ADDRESS, u.address()));
    }
    a.add(RadiusAttribute.integer(Radius.SERVICE_TYPE, AccessRequests.FRAMED));
    a.add(RadiusAttribute.integer(Radius.FRAMED_PROTOCOL, AccessRequests.PPP));
    AccessRequests.session(a, u.caller(), nas);
    for (byte[] c : u.classes()) {
      a.add(new RadiusAttribute(Radius.CLASS, c));
    }
    if (statusType != START) {
      a.add(RadiusAttribute.integer(Radius.ACCT_SESSION_TIME, u.seconds()));
      a.add(RadiusAttribute.integer(Radius.ACCT_INPUT_OCTETS, u.inOctets() & 0xFFFFFFFFL));
      a.add(RadiusAttribute.integer(Radius.ACCT_OUTPUT_OCTETS, u.outOctets() & 0xFFFFFFFFL));
      a.add(RadiusAttribute.integer(Radius.ACCT_INPUT_GIGAWORDS, u.inOctets() >>> 32));
      a.add(RadiusAttribute.integer(Radius.ACCT_OUTPUT_GIGAWORDS, u.outOctets() >>> 32));
      a.add(RadiusAttribute.integer(Radius.ACCT_INPUT_PACKETS, u.inPackets() & 0xFFFFFFFFL));
      a.add(RadiusAttribute.integer(Radius.ACCT_OUTPUT_PACKETS, u.outPackets() & 0xFFFFFFFFL));
    }
    if (statusType == STOP && cause != null) {
      a.add(RadiusAttribute.integer(Radius.ACCT_TERMINATE_CAUSE, cause.code));
    }
    a.add(RadiusAttribute.integer(Radius.EVENT_TIMESTAMP, epochSeconds));
    return a;
  }

  /** Accounting-On (the NAS started: sessions of before are gone) or -Off (it stops). */
  public static List<RadiusAttribute> nas(int statusType, String sessionId, AccessRequests.Nas nas, long epochSeconds) {
    List<RadiusAttribute> a = new ArrayList<>();
    a.add(RadiusAttribute.integer(Radius.ACCT_STATUS_TYPE, statusType));
    a.add(RadiusAttribute.text(Radius.ACCT_SESSION_ID, sessionId));
    if (nas.address() != 0) {
      a.add(RadiusAttribute.address(Radius.NAS_IP_ADDRESS, nas.address()));
    }
    a.add(RadiusAttribute.text(Radius.NAS_IDENTIFIER, nas.identifier()));
    if (statusType == ACCOUNTING_OFF) {
      a.add(RadiusAttribute.integer(Radius.ACCT_TERMINATE_CAUSE, TerminateCause.ADMIN_REBOOT.code));
    }
    a.add(RadiusAttribute.integer(Radius.EVENT_TIMESTAMP, epochSeconds));
    return a;
  }

  /** The request as sent after {@code delaySeconds} in the queue (RFC 2866 section 5.2). */
  public static List<RadiusAttribute> delayed(List<RadiusAttribute> a, long delaySeconds) {
    List<RadiusAttribute> out = new ArrayList<>(a.size() + 1);
    out.addAll(a);
    out.add(RadiusAttribute.integer(Radius.ACCT_DELAY_TIME, Math.max(0, delaySeconds)));
    return out;
  }
}
