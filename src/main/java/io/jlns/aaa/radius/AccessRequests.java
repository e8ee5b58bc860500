package io.jlns.aaa.radius;

import io.jlns.ppp.AuthRequest;
import io.jlns.ppp.AuthResult;
import io.jlns.ppp.Authorization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PPP authentication in RADIUS terms: the Access-Request for an {@link AuthRequest} (RFC 2865
 * section 5, CHAP per section 5.3 and 5.40, MS-CHAP and MS-CHAPv2 per RFC 2548 section 2.3,
 * L2TP's tunnel attributes per RFC 2868), and what an Access-Accept or Access-Reject means for
 * the session.
 */
public final class AccessRequests {
  private AccessRequests() {}

  /** Service-Type Framed, Framed-Protocol PPP, NAS-Port-Type Virtual, Tunnel-Type L2TP, Tunnel-Medium-Type IPv4. */
  static final int FRAMED = 2;
  static final int PPP = 1;
  static final int VIRTUAL = 5;
  static final int L2TP = 3;
  static final int IPV4 = 1;
  /** Framed-IP-Address 255.255.255.254: "the NAS should select an address" (RFC 2865 section 5.8). */
  static final int NAS_SELECTS = 0xFFFFFFFE;
  static final int USER_SELECTS = 0xFFFFFFFF;

  /** Who we are, for NAS-IP-Address and NAS-Identifier. */
  public record Nas(int address, String identifier) {}

  /** The attributes of the Access-Request; a PAP password is in clear here, the client hides it. */
  public static List<RadiusAttribute> attributes(AuthRequest r, Nas nas) {
    List<RadiusAttribute> a = new ArrayList<>();
    a.add(RadiusAttribute.text(Radius.USER_NAME, r.user()));
    switch (r.method()) {
      case PAP -> a.add(RadiusAttribute.text(Radius.USER_PASSWORD, r.password()));
      case CHAP -> {
        byte[] v = new byte[1 + r.response().length];
        v[0] = (byte) r.chapId();
        System.arraycopy(r.response(), 0, v, 1, r.response().length);
        a.add(new RadiusAttribute(Radius.CHAP_PASSWORD, v));
        a.add(new RadiusAttribute(Radius.CHAP_CHALLENGE, r.challenge()));
      }
      case MSCHAP -> {
        // PPP: LM-Response 24, NT-Response 24, Flags 1. RADIUS: Ident, Flags, LM-Response, NT-Response.
        byte[] p = r.response();
        byte[] v = new byte[50];
        v[0] = (byte) r.chapId();
        v[1] = p.length == 49 ? p[48] : 1;
        System.arraycopy(p, 0, v, 2, Math.min(48, p.length));
        a.add(RadiusAttribute.vendor(Radius.MICROSOFT, Radius.MS_CHAP_CHALLENGE, r.challenge()));
        a.add(RadiusAttribute.vendor(Radius.MICROSOFT, Radius.MS_CHAP_RESPONSE, v));
      }
      case MSCHAP_V2 -> {
        // PPP: Peer-Challenge 16, Reserved 8, NT-Response 24, Flags 1. RADIUS: Ident, Flags (0), the same 48.
        byte[] p = r.response();
        byte[] v = new byte[50];
        v[0] = (byte) r.chapId();
        System.arraycopy(p, 0, v, 2, Math.min(48, p.length));
        a.add(RadiusAttribute.vendor(Radius.MICROSOFT, Radius.MS_CHAP_CHALLENGE, r.challenge()));
        a.add(RadiusAttribute.vendor(Radius.MICROSOFT, Radius.MS_CHAP2_RESPONSE, v));
      }
      default -> throw new IllegalArgumentException(r.method().keyword);
    }
    a.add(RadiusAttribute.integer(Radius.SERVICE_TYPE, FRAMED));
    a.add(RadiusAttribute.integer(Radius.FRAMED_PROTOCOL, PPP));
    session(a, r.caller(), nas);
    return a;
  }

  /**
   * Who and where: the session's Acct-Session-Id (in the Access-Request too, as IOS's {@code aaa
   * session-id common}), the NAS, the Virtual-Access port, the client's public address and NAT-T
   * port, the tunnel.
   */
  static void session(List<RadiusAttribute> a, AuthRequest.Caller c, Nas nas) {
    if (!c.sessionId().isEmpty()) {
      a.add(RadiusAttribute.text(Radius.ACCT_SESSION_ID, c.sessionId()));
    }
    if (nas.address() != 0) {
      a.add(RadiusAttribute.address(Radius.NAS_IP_ADDRESS, nas.address()));
    }
    a.add(RadiusAttribute.text(Radius.NAS_IDENTIFIER, nas.identifier()));
    a.add(RadiusAttribute.integer(Radius.NAS_PORT, c.nasPort()));
    a.add(RadiusAttribute.integer(Radius.NAS_PORT_TYPE, VIRTUAL));
    if (c.nasPort() > 0) {
      a.add(RadiusAttribute.text(Radius.NAS_PORT_ID, "Virtual-Access" + c.nasPort()));
    }
    if (c.client() != null) {
      a.add(RadiusAttribute.text(Radius.CALLING_STATION_ID, c.callingStationId()));
      a.add(RadiusAttribute.text(Radius.TUNNEL_CLIENT_ENDPOINT, c.client().getAddress().getHostAddress()));
    }
    if (c.server() != null) {
      a.add(RadiusAttribute.text(Radius.CALLED_STATION_ID, c.server().getAddress().getHostAddress()));
      a.add(RadiusAttribute.text(Radius.TUNNEL_SERVER_ENDPOINT, c.server().getAddress().getHostAddress()));
    }
    // RFC 2868 section 3.1 and 3.2: a tag octet (0, unused) and a 3-octet value.
    a.add(new RadiusAttribute(Radius.TUNNEL_TYPE, new byte[] {0, 0, 0, L2TP}));
    a.add(new RadiusAttribute(Radius.TUNNEL_MEDIUM_TYPE, new byte[] {0, 0, 0, IPV4}));
  }

  /** What the answer means for the session: accepted (with its authorization), rejected, or no answer. */
  public static AuthResult result(RadiusClient.Answer answer, AuthRequest r) {
    if (!answer.answered()) {
      return AuthResult.error(answer.error());
    }
    RadiusPacket p = answer.response();
    String from = "RADIUS server " + answer.server();
    switch (p.code()) {
      case Radius.ACCESS_ACCEPT -> {
        String message = null;
        if (r.method() == AuthRequest.Method.MSCHAP_V2) {
          byte[] s = p.vendor(Radius.MICROSOFT, Radius.MS_CHAP2_SUCCESS);
          if (s == null || s.length < 43) {
            return AuthResult.reject(null, from + " accepted without an MS-CHAP2-Success: the client could not"
                + " authenticate the server (RFC 2759 section 5)");
          }
          message = printable(Arrays.copyOfRange(s, 1, s.length));
        } else if (r.method() == AuthRequest.Method.MSCHAP) {
          message = "";
        }
        return AuthResult.accept(message, authorization(p));
      }
      case Radius.ACCESS_REJECT -> {
        byte[] e = p.vendor(Radius.MICROSOFT, Radius.MS_CHAP_ERROR);
        String message = e != null && e.length > 1 ? printable(Arrays.copyOfRange(e, 1, e.length)) : null;
        RadiusAttribute reply = p.first(Radius.REPLY_MESSAGE);
        return AuthResult.reject(message, from + " rejected the user" + (reply == null ? "" : " (\"" + printable(reply.value()) + "\")"));
      }
      default -> {
        return AuthResult.reject(null, from + " answered with an " + Radius.code(p.code())
            + ": jlns relays no RADIUS challenge to PPP clients");
      }
    }
  }

  /** The session's authorization from an Access-Accept (RFC 2865 section 5, RFC 2869 section 5.16, RFC 2548). */
  static Authorization authorization(RadiusPacket p) {
    int framed = 0;
    String pool = null;
    int session = 0;
    int idle = 0;
    int interim = 0;
    int mtu = 0;
    int primary = 0;
    int secondary = 0;
    List<byte[]> classes = new ArrayList<>();
    for (RadiusAttribute a : p.attributes()) {
      switch (a.type()) {
        case Radius.FRAMED_IP_ADDRESS -> {
          int v = (int) a.integer();
          framed = v == NAS_SELECTS || v == USER_SELECTS || a.integer() < 0 ? 0 : v;
        }
        case Radius.FRAMED_POOL -> pool = printable(a.value());
        case Radius.SESSION_TIMEOUT -> session = clamp(a.integer());
        case Radius.IDLE_TIMEOUT -> idle = clamp(a.integer());
        case Radius.ACCT_INTERIM_INTERVAL -> interim = clamp(a.integer());
        case Radius.FRAMED_MTU -> mtu = clamp(a.integer());
        case Radius.CLASS -> classes.add(a.value());
        case Radius.VENDOR_SPECIFIC -> {
          if (a.vendorId() == Radius.MICROSOFT && a.vendorData() != null && a.vendorData().length == 4) {
            int v = java.nio.ByteBuffer.wrap(a.vendorData()).getInt();
            if (a.vendorType() == Radius.MS_PRIMARY_DNS_SERVER) {
              primary = v;
            } else if (a.vendorType() == Radius.MS_SECONDARY_DNS_SERVER) {
              secondary = v;
            }
          }
        }
        default -> { }
      }
    }
    List<Integer> dns = new ArrayList<>();
    if (primary != 0) {
      dns.add(primary);
    }
    if (secondary != 0) {
      dns.add(secondary);
    }
    return new Authorization(framed, pool, session, idle, interim, dns, mtu, classes);
  }

  private static int clamp(long v) {
    return v < 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, v);
  }

  /** Text from a server, safe for a log line or a PPP message: printable ASCII only, at most 200 characters. */
  static String printable(byte[] b) {
    String s = new String(b, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < 200; i++) {
      char c = s.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }
}
