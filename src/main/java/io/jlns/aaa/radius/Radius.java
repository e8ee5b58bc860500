package io.jlns.aaa.radius;

import java.util.Map;

/**
 * The RADIUS dictionary jlns speaks: packet codes (RFC 2865, RFC 2866, RFC 5176), attribute types
 * (RFC 2865, 2866, 2867, 2868, 2869, 3162, 3579, 5176) and Microsoft's vendor attributes (RFC 2548),
 * with their names as FreeRADIUS's dictionaries spell them, so a debug line reads like radclient's.
 */
public final class Radius {
  private Radius() {}

  public static final int ACCESS_REQUEST = 1;
  public static final int ACCESS_ACCEPT = 2;
  public static final int ACCESS_REJECT = 3;
  public static final int ACCOUNTING_REQUEST = 4;
  public static final int ACCOUNTING_RESPONSE = 5;
  public static final int ACCESS_CHALLENGE = 11;
  public static final int DISCONNECT_REQUEST = 40;
  public static final int DISCONNECT_ACK = 41;
  public static final int DISCONNECT_NAK = 42;
  public static final int COA_REQUEST = 43;
  public static final int COA_ACK = 44;
  public static final int COA_NAK = 45;

  public static final int USER_NAME = 1;
  public static final int USER_PASSWORD = 2;
  public static final int CHAP_PASSWORD = 3;
  public static final int NAS_IP_ADDRESS = 4;
  public static final int NAS_PORT = 5;
  public static final int SERVICE_TYPE = 6;
  public static final int FRAMED_PROTOCOL = 7;
  public static final int FRAMED_IP_ADDRESS = 8;
  public static final int FRAMED_IP_NETMASK = 9;
  public static final int FRAMED_MTU = 12;
  public static final int REPLY_MESSAGE = 18;
  public static final int STATE = 24;
  public static final int CLASS = 25;
  public static final int VENDOR_SPECIFIC = 26;
  public static final int SESSION_TIMEOUT = 27;
  public static final int IDLE_TIMEOUT = 28;
  public static final int CALLED_STATION_ID = 30;
  public static final int CALLING_STATION_ID = 31;
  public static final int NAS_IDENTIFIER = 32;
  public static final int PROXY_STATE = 33;
  public static final int ACCT_STATUS_TYPE = 40;
  public static final int ACCT_DELAY_TIME = 41;
  public static final int ACCT_INPUT_OCTETS = 42;
  public static final int ACCT_OUTPUT_OCTETS = 43;
  public static final int ACCT_SESSION_ID = 44;
  public static final int ACCT_AUTHENTIC = 45;
  public static final int ACCT_SESSION_TIME = 46;
  public static final int ACCT_INPUT_PACKETS = 47;
  public static final int ACCT_OUTPUT_PACKETS = 48;
  public static final int ACCT_TERMINATE_CAUSE = 49;
  public static final int ACCT_INPUT_GIGAWORDS = 52;
  public static final int ACCT_OUTPUT_GIGAWORDS = 53;
  public static final int EVENT_TIMESTAMP = 55;
  public static final int CHAP_CHALLENGE = 60;
  public static final int NAS_PORT_TYPE = 61;
  public static final int TUNNEL_TYPE = 64;
  public static final int TUNNEL_MEDIUM_TYPE = 65;
  public static final int TUNNEL_CLIENT_ENDPOINT = 66;
  public static final int TUNNEL_SERVER_ENDPOINT = 67;
  public static final int MESSAGE_AUTHENTICATOR = 80;
  public static final int ACCT_INTERIM_INTERVAL = 85;
  public static final int NAS_PORT_ID = 87;
  public static final int FRAMED_POOL = 88;
  public static final int ERROR_CAUSE = 101;

  /** Microsoft's vendor id (RFC 2548) and its attributes. */
  public static final int MICROSOFT = 311;
  public static final int MS_CHAP_RESPONSE = 1;
  public static final int MS_CHAP_ERROR = 2;
  public static final int MS_CHAP_CHALLENGE = 11;
  public static final int MS_CHAP2_RESPONSE = 25;
  public static final int MS_CHAP2_SUCCESS = 26;
  public static final int MS_PRIMARY_DNS_SERVER = 28;
  public static final int MS_SECONDARY_DNS_SERVER = 29;

  /** How a value is shown. */
  public enum Kind { TEXT, INTEGER, ADDRESS, OCTETS }

  private record Entry(String name, Kind kind) {}

  private static final Map<Integer, Entry> ATTRIBUTES = Map.ofEntries(
      Map.entry(USER_NAME, new Entry("User-Name", Kind.TEXT)),
      Map.entry(USER_PASSWORD, new Entry("User-Password", Kind.OCTETS)),
      Map.entry(CHAP_PASSWORD, new Entry("CHAP-Password", Kind.OCTETS)),
      Map.entry(NAS_IP_ADDRESS, new Entry("NAS-IP-Address", Kind.ADDRESS)),
      Map.entry(NAS_PORT, new Entry("NAS-Port", Kind.INTEGER)),
      Map.entry(SERVICE_TYPE, new Entry("Service-Type", Kind.INTEGER)),
      Map.entry(FRAMED_PROTOCOL, new Entry("Framed-Protocol", Kind.INTEGER)),
      Map.entry(FRAMED_IP_ADDRESS, new Entry("Framed-IP-Address", Kind.ADDRESS)),
      Map.entry(FRAMED_IP_NETMASK, new Entry("Framed-IP-Netmask", Kind.ADDRESS)),
      Map.entry(FRAMED_MTU, new Entry("Framed-MTU", Kind.INTEGER)),
      Map.entry(REPLY_MESSAGE, new Entry("Reply-Message", Kind.TEXT)),
      Map.entry(STATE, new Entry("State", Kind.OCTETS)),
      Map.entry(CLASS, new Entry("Class", Kind.OCTETS)),
      Map.entry(VENDOR_SPECIFIC, new Entry("Vendor-Specific", Kind.OCTETS)),
      Map.entry(SESSION_TIMEOUT, new Entry("Session-Timeout", Kind.INTEGER)),
      Map.entry(IDLE_TIMEOUT, new Entry("Idle-Timeout", Kind.INTEGER)),
      Map.entry(CALLED_STATION_ID, new Entry("Called-Station-Id", Kind.TEXT)),
      Map.entry(CALLING_STATION_ID, new Entry("Calling-Station-Id", Kind.TEXT)),
      Map.entry(NAS_IDENTIFIER, new Entry("NAS-Identifier", Kind.TEXT)),
      Map.entry(PROXY_STATE, new Entry("Proxy-State", Kind.OCTETS)),
      Map.entry(ACCT_STATUS_TYPE, new Entry("Acct-Status-Type", Kind.INTEGER)),
      Map.entry(ACCT_DELAY_TIME, new Entry("Acct-Delay-Time", Kind.INTEGER)),
      Map.entry(ACCT_INPUT_OCTETS, new Entry("Acct-Input-Octets", Kind.INTEGER)),
      Map.entry(ACCT_OUTPUT_OCTETS, new Entry("Acct-Output-Octets", Kind.INTEGER)),
      Map.entry(ACCT_SESSION_ID, new Entry("Acct-Session-Id", Kind.TEXT)),
      Map.entry(ACCT_AUTHENTIC, new Entry("Acct-Authentic", Kind.INTEGER)),
      Map.entry(ACCT_SESSION_TIME, new Entry("Acct-Session-Time", Kind.INTEGER)),
      Map.entry(ACCT_INPUT_PACKETS, new Entry("Acct-Input-Packets", Kind.INTEGER)),
      Map.entry(ACCT_OUTPUT_PACKETS, new Entry("Acct-Output-Packets", Kind.INTEGER)),
      Map.entry(ACCT_TERMINATE_CAUSE, new Entry("Acct-Terminate-Cause", Kind.INTEGER)),
      Map.entry(ACCT_INPUT_GIGAWORDS, new Entry("Acct-Input-Gigawords", Kind.INTEGER)),
      Map.entry(ACCT_OUTPUT_GIGAWORDS, new Entry("Acct-Output-Gigawords", Kind.INTEGER)),
      Map.entry(EVENT_TIMESTAMP, new Entry("Event-Timestamp", Kind.INTEGER)),
      Map.entry(CHAP_CHALLENGE, new Entry("CHAP-Challenge", Kind.OCTETS)),
      Map.entry(NAS_PORT_TYPE, new Entry("NAS-Port-Type", Kind.INTEGER)),
      Map.entry(TUNNEL_TYPE, new Entry("Tunnel-Type", Kind.OCTETS)),
      Map.entry(TUNNEL_MEDIUM_TYPE, new Entry("Tunnel-Medium-Type", Kind.OCTETS)),
      Map.entry(TUNNEL_CLIENT_ENDPOINT, new Entry("Tunnel-Client-Endpoint", Kind.TEXT)),
      Map.entry(TUNNEL_SERVER_ENDPOINT, new Entry("Tunnel-Server-Endpoint", Kind.TEXT)),
      Map.entry(MESSAGE_AUTHENTICATOR, new Entry("Message-Authenticator", Kind.OCTETS)),
      Map.entry(ACCT_INTERIM_INTERVAL, new Entry("Acct-Interim-Interval", Kind.INTEGER)),
      Map.entry(NAS_PORT_ID, new Entry("NAS-Port-Id", Kind.TEXT)),
      Map.entry(FRAMED_POOL, new Entry("Framed-Pool", Kind.TEXT)),
      Map.entry(ERROR_CAUSE, new Entry("Error-Cause", Kind.INTEGER)));

  private static final Map<Integer, String> CODES = Map.ofEntries(
      Map.entry(ACCESS_REQUEST, "Access-Request"), Map.entry(ACCESS_ACCEPT, "Access-Accept"),
      Map.entry(ACCESS_REJECT, "Access-Reject"), Map.entry(ACCOUNTING_REQUEST, "Accounting-Request"),
      Map.entry(ACCOUNTING_RESPONSE, "Accounting-Response"), Map.entry(ACCESS_CHALLENGE, "Access-Challenge"),
      Map.entry(DISCONNECT_REQUEST, "Disconnect-Request"), Map.entry(DISCONNECT_ACK, "Disconnect-ACK"),
      Map.entry(DISCONNECT_NAK, "Disconnect-NAK"), Map.entry(COA_REQUEST, "CoA-Request"), Map.entry(COA_ACK, "CoA-ACK"),
      Map.entry(COA_NAK, "CoA-NAK"));

  /** The attribute's name, or {@code Attr-N}. */
  public static String name(int type) {
    Entry e = ATTRIBUTES.get(type);
    return e == null ? "Attr-" + type : e.name;
  }

  static Kind kind(int type) {
    Entry e = ATTRIBUTES.get(type);
    return e == null ? Kind.OCTETS : e.kind;
  }

  /** The packet code's name, or {@code Code-N}. */
  public static String code(int code) {
    String s = CODES.get(code);
    return s == null ? "Code-" + code : s;
  }
}
