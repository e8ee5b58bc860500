package io.jlns.ike;

/** Notify message types used here (RFC 2408 section 3.14.1, RFC 2407 section 4.6.3, RFC 3706). */
public final class Notifications {
  public static final int INVALID_PAYLOAD_TYPE = 1;
  public static final int PAYLOAD_MALFORMED = 16;
  public static final int NO_PROPOSAL_CHOSEN = 14;
  public static final int INVALID_ID_INFORMATION = 18;
  public static final int INVALID_HASH_INFORMATION = 23;
  public static final int AUTHENTICATION_FAILED = 24;
  public static final int CONNECTED = 16384;
  public static final int RESPONDER_LIFETIME = 24576;
  public static final int REPLAY_STATUS = 24577;
  public static final int INITIAL_CONTACT = 24578;
  public static final int R_U_THERE = 36136;
  public static final int R_U_THERE_ACK = 36137;

  private Notifications() {}

  /** The notify's name (RFC 2408 section 3.14.1, RFC 2407 section 4.6.3, RFC 3706), or its number. */
  static String name(int type) {
    return switch (type) {
      case INVALID_PAYLOAD_TYPE -> "INVALID-PAYLOAD-TYPE";
      case PAYLOAD_MALFORMED -> "PAYLOAD-MALFORMED";
      case NO_PROPOSAL_CHOSEN -> "NO-PROPOSAL-CHOSEN";
      case INVALID_ID_INFORMATION -> "INVALID-ID-INFORMATION";
      case INVALID_HASH_INFORMATION -> "INVALID-HASH-INFORMATION";
      case AUTHENTICATION_FAILED -> "AUTHENTICATION-FAILED";
      case CONNECTED -> "CONNECTED";
      case RESPONDER_LIFETIME -> "RESPONDER-LIFETIME";
      case REPLAY_STATUS -> "REPLAY-STATUS";
      case INITIAL_CONTACT -> "INITIAL-CONTACT";
      case R_U_THERE -> "R-U-THERE";
      case R_U_THERE_ACK -> "R-U-THERE-ACK";
      default -> "type " + type;
    };
  }
}
