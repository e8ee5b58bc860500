package io.jlns.ppp;

/**
 * The answer to an {@link AuthRequest}.
 *
 * @param message what the client is told: the CHAP Success or Failure message (an MS-CHAPv2
 *     Success carries the authenticator response {@code S=...}; a RADIUS server's MS-CHAP-Error is
 *     passed on), or null for jlns's own
 * @param reason why, for the log (never a secret)
 */
public record AuthResult(Status status, String message, String reason, Authorization authorization) {
  /** ERROR: this method could not decide (unknown local user, no RADIUS server answered): try the next. */
  public enum Status { ACCEPT, REJECT, ERROR }

  public static AuthResult accept(String message, Authorization authorization) {
    return new AuthResult(Status.ACCEPT, message, "", authorization);
  }

  public static AuthResult reject(String message, String reason) {
    return new AuthResult(Status.REJECT, message, reason, Authorization.NONE);
  }

  public static AuthResult error(String reason) {
    return new AuthResult(Status.ERROR, null, reason, Authorization.NONE);
  }
}
