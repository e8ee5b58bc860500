package io.jlns.ike.message;

/** The fixed ISAKMP header (RFC 2408 section 3.1). */
public record Header(long initiatorCookie, long responderCookie, int nextPayload, int version, int exchange, int flags,
    int messageId, int length) {
  public static final int SIZE = 28;
  public static final int VERSION_1_0 = 0x10;
  public static final int FLAG_ENCRYPTION = 1;
  public static final int FLAG_COMMIT = 2;
  public static final int FLAG_AUTH_ONLY = 4;
  /** RFC 2409 exchange types. */
  public static final int MAIN_MODE = 2;
  public static final int AGGRESSIVE = 4;
  public static final int INFORMATIONAL = 5;
  public static final int QUICK_MODE = 32;

  public boolean encrypted() {
    return (flags & FLAG_ENCRYPTION) != 0;
  }

  public boolean commit() {
    return (flags & FLAG_COMMIT) != 0;
  }
}
