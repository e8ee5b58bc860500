package io.jlns.l2tp.message;

/** Attribute types of RFC 2661 section 4.4 (vendor 0). */
public final class AvpType {
  private AvpType() {}

  public static final int MESSAGE_TYPE = 0;
  public static final int RESULT_CODE = 1;
  public static final int PROTOCOL_VERSION = 2;
  public static final int FRAMING_CAPABILITIES = 3;
  public static final int BEARER_CAPABILITIES = 4;
  public static final int TIE_BREAKER = 5;
  public static final int FIRMWARE_REVISION = 6;
  public static final int HOST_NAME = 7;
  public static final int VENDOR_NAME = 8;
  public static final int ASSIGNED_TUNNEL_ID = 9;
  public static final int RECEIVE_WINDOW_SIZE = 10;
  public static final int CHALLENGE = 11;
  public static final int Q931_CAUSE = 12;
  public static final int CHALLENGE_RESPONSE = 13;
  public static final int ASSIGNED_SESSION_ID = 14;
  public static final int CALL_SERIAL_NUMBER = 15;
  public static final int MINIMUM_BPS = 16;
  public static final int MAXIMUM_BPS = 17;
  public static final int BEARER_TYPE = 18;
  public static final int FRAMING_TYPE = 19;
  public static final int CALLED_NUMBER = 21;
  public static final int CALLING_NUMBER = 22;
  public static final int SUB_ADDRESS = 23;
  public static final int TX_CONNECT_SPEED = 24;
  public static final int PHYSICAL_CHANNEL_ID = 25;
  public static final int INITIAL_RECEIVED_LCP_CONFREQ = 26;
  public static final int LAST_SENT_LCP_CONFREQ = 27;
  public static final int LAST_RECEIVED_LCP_CONFREQ = 28;
  public static final int PROXY_AUTHEN_TYPE = 29;
  public static final int PROXY_AUTHEN_NAME = 30;
  public static final int PROXY_AUTHEN_CHALLENGE = 31;
  public static final int PROXY_AUTHEN_ID = 32;
  public static final int PROXY_AUTHEN_RESPONSE = 33;
  public static final int CALL_ERRORS = 34;
  public static final int ACCM = 35;
  public static final int RANDOM_VECTOR = 36;
  public static final int PRIVATE_GROUP_ID = 37;
  public static final int RX_CONNECT_SPEED = 38;
  public static final int SEQUENCING_REQUIRED = 39;

  /** The highest attribute type RFC 2661 defines; above it (vendor 0), an AVP is unknown. */
  public static final int MAX_KNOWN = 39;
}
