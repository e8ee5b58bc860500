package io.jlns.aaa.radius;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Dynamic authorization (RFC 5176): what a Disconnect-Request or CoA-Request from a configured
 * client does, and the ACK or NAK it gets. Sessions are identified by Acct-Session-Id, User-Name
 * and Framed-IP-Address (all that are given must match); a Disconnect ends exactly those
 * sessions; a CoA may change Session-Timeout and Idle-Timeout. A request that is not authentic is
 * dropped without an answer (section 3.4).
 */
public final class DynamicAuthorization {
  private DynamicAuthorization() {}

  /** Error-Cause values (RFC 5176 section 3.6). */
  public static final int UNSUPPORTED_ATTRIBUTE = 401;
  public static final int MISSING_ATTRIBUTE = 402;
  public static final int NAS_MISMATCH = 403;
  public static final int INVALID_REQUEST = 404;
  public static final int SESSION_NOT_FOUND = 503;

  /** The sessions a request may act on. */
  public interface Sessions {
    /** Handles (interface names) of the sessions that match every criterion given (null or 0: any). */
    List<String> find(String acctSessionId, String user, int framedAddress);

    void disconnect(String handle, String why);

    void change(String handle, int sessionTimeout, int idleTimeout);
  }

  /** The outcome: the datagram to send back (null: none), and a line for the log. */
  public record Outcome(byte[] response, String log) {}

  private static final Set<Integer> IDENTIFYING = Set.of(Radius.ACCT_SESSION_ID, Radius.USER_NAME, Radius.FRAMED_IP_ADDRESS);
  private static final Set<Integer> ALLOWED = Set.of(Radius.ACCT_SESSION_ID, Radius.USER_NAME, Radius.FRAMED_IP_ADDRESS,
      Radius.NAS_IP_ADDRESS, Radius.NAS_IDENTIFIER, Radius.MESSAGE_AUTHENTICATOR, Radius.EVENT_TIMESTAMP, Radius.PROXY_STATE,
      Radius.STATE, Radius.CALLING_STATION_ID, Radius.NAS_PORT, Radius.ACCT_TERMINATE_CAUSE, Radius.REPLY_MESSAGE);

  public static Outcome handle(byte[] b, int len, byte[] secret, String from, Sessions sessions, AccessRequests.Nas nas) {
    String bad = RadiusAuthenticators.checkRequest(b, len, secret);
    if (bad != null) {
      return new Outcome(null, "request from " + from + " dropped: " + bad);
    }
    RadiusPacket.Decoded d = RadiusPacket.decode(b, len);
    if (!d.ok()) {
      return new Outcome(null, "request from " + from + " dropped: " + d.error());
    }
    RadiusPacket p = d.packet();
    boolean disconnect = p.code() == Radius.DISCONNECT_REQUEST;
    if (!disconnect && p.code() != Radius.COA_REQUEST) {
      return new Outcome(null, "a " + Radius.code(p.code()) + " from " + from + " dropped: not a Disconnect or CoA request");
    }
    String what = Radius.code(p.code()) + " from " + from;
    int nasIp = p.first(Radius.NAS_IP_ADDRESS) == null ? 0 : (int) p.first(Radius.NAS_IP_ADDRESS).integer();
    RadiusAttribute nasId = p.first(Radius.NAS_IDENTIFIER);
    if (nasIp != 0 && nasIp != nas.address() || nasId != null && !nasId.text().equals(nas.identifier())) {
      return nak(p, secret, NAS_MISMATCH, what + ": for another NAS");
    }
    for (RadiusAttribute a : p.attributes()) {
      boolean ok = ALLOWED.contains(a.type()) || !disconnect
          && (a.type() == Radius.SESSION_TIMEOUT || a.type() == Radius.IDLE_TIMEOUT);
      if (!ok) {
        return nak(p, secret, UNSUPPORTED_ATTRIBUTE, what + ": " + Radius.name(a.type()) + " is not supported");
      }
    }
    if (p.attributes().stream().noneMatch(a -> IDENTIFYING.contains(a.type()))) {
      return nak(p, secret, MISSING_ATTRIBUTE, what + ": no Acct-Session-Id, User-Name or Framed-IP-Address names a session");
    }
    RadiusAttribute sid = p.first(Radius.ACCT_SESSION_ID);
    RadiusAttribute user = p.first(Radius.USER_NAME);
    RadiusAttribute ip = p.first(Radius.FRAMED_IP_ADDRESS);
    List<String> found = sessions.find(sid == null ? null : sid.text(), user == null ? null : user.text(),
        ip == null ? 0 : (int) ip.integer());
    String named = (sid == null ? "" : " Acct-Session-Id " + sid.text()) + (user == null ? "" : " User-Name " + user.text())
        + (ip == null ? "" : " Framed-IP-Address " + ipv4((int) ip.integer()));
    if (found.isEmpty()) {
      return nak(p, secret, SESSION_NOT_FOUND, what + ": no session with" + named);
    }
    if (disconnect) {
      found.forEach(h -> sessions.disconnect(h, "disconnected by a RADIUS Disconnect-Request from " + from));
      return ack(p, secret, what + ": " + String.join(", ", found) + " (" + named.strip() + ") disconnected");
    }
    RadiusAttribute st = p.first(Radius.SESSION_TIMEOUT);
    RadiusAttribute it = p.first(Radius.IDLE_TIMEOUT);
    if (st == null && it == null) {
      return nak(p, secret, MISSING_ATTRIBUTE, what + ": nothing to change (Session-Timeout or Idle-Timeout)");
    }
    int s = st == null ? -1 : (int) Math.min(Integer.MAX_VALUE, st.integer());
    int i = it == null ? -1 : (int) Math.min(Integer.MAX_VALUE, it.integer());
    found.forEach(h -> sessions.change(h, s, i));
    return ack(p, secret, what + ": " + String.join(", ", found) + (s >= 0 ? " Session-Timeout " + s : "")
        + (i >= 0 ? " Idle-Timeout " + i : ""));
  }

  private static Outcome ack(RadiusPacket req, byte[] secret, String log) {
    int code = req.code() == Radius.DISCONNECT_REQUEST ? Radius.DISCONNECT_ACK : Radius.COA_ACK;
    return new Outcome(respond(req, code, List.of(), secret), log);
  }

  private static Outcome nak(RadiusPacket req, byte[] secret, int cause, String log) {
    int code = req.code() == Radius.DISCONNECT_REQUEST ? Radius.DISCONNECT_NAK : Radius.COA_NAK;
    return new Outcome(respond(req, code, List.of(RadiusAttribute.integer(Radius.ERROR_CAUSE, cause)), secret),
        log + " (NAK, Error-Cause " + cause + ")");
  }

  private static byte[] respond(RadiusPacket req, int code, List<RadiusAttribute> extra, byte[] secret) {
    List<RadiusAttribute> a = new ArrayList<>(extra);
    a.add(new RadiusAttribute(Radius.MESSAGE_AUTHENTICATOR, new byte[16]));
    req.attributes().stream().filter(x -> x.type() == Radius.PROXY_STATE).forEach(a::add);
    return RadiusAuthenticators.signResponse(new RadiusPacket(code, req.identifier(), new byte[16], a),
        Arrays.copyOf(req.authenticator(), 16), secret);
  }

  private static String ipv4(int a) {
    return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
  }
}
