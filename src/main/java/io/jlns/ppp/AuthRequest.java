package io.jlns.ppp;

import java.net.InetSocketAddress;

/**
 * One PPP authentication to decide: the method, what the client sent, and where it comes from.
 * Its {@link #toString()} shows neither the password nor the response.
 *
 * @param session the Virtual-Access interface
 * @param user the name as the client sent it (Windows sends {@code DOMAIN\\user})
 * @param chapId the CHAP Identifier of the Challenge (0 for PAP)
 * @param challenge our Challenge (empty for PAP)
 * @param response the Response's Value (empty for PAP)
 * @param password the PAP password (null otherwise)
 * @param methodList the {@code aaa authentication ppp} list to use, null for {@code default}
 */
public record AuthRequest(String session, Method method, String user, int chapId, byte[] challenge, byte[] response,
    String password, Caller caller, String methodList) {
  public AuthRequest(String session, Method method, String user, int chapId, byte[] challenge, byte[] response,
      String password, Caller caller) {
    this(session, method, user, chapId, challenge, response, password, caller, null);
  }

  /** The PPP authentication protocols, as {@code ppp authentication} names them. */
  public enum Method {
    PAP("pap"), CHAP("chap"), MSCHAP("ms-chap"), MSCHAP_V2("ms-chap-v2");

    public final String keyword;

    Method(String keyword) {
      this.keyword = keyword;
    }
  }

  /**
   * Where the session comes from, for RADIUS: the client's public address and NAT-T port (two
   * clients behind one NAT differ by port), our address, the Virtual-Access number, and the
   * session's Acct-Session-Id (unique across restarts).
   */
  public record Caller(InetSocketAddress client, InetSocketAddress server, int nasPort, String sessionId) {
    public static final Caller UNKNOWN = new Caller(null, null, 0, "");

    /** {@code address:port}, or "" when unknown. */
    public String callingStationId() {
      return client == null ? "" : client.getAddress().getHostAddress() + ":" + client.getPort();
    }
  }

  /** The user name without a Windows domain: what the local database and RFC 2759's hashes use. */
  public String localUser() {
    return user.contains("\\") ? user.substring(user.lastIndexOf('\\') + 1) : user;
  }

  @Override
  public String toString() {
    return "AuthRequest[" + session + ", " + method.keyword + ", user " + user + "]";
  }
}
