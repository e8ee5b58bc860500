package io.jlns.ppp;

import java.util.List;

/**
 * What AAA says about a session beyond yes or no (RADIUS attributes of RFC 2865, 2866 and 2548).
 *
 * @param framedAddress the client's address (Framed-IP-Address), 0 to take one from a pool
 * @param pool the pool to take it from (Framed-Pool), or null for the template's
 * @param sessionTimeout seconds until the session is ended (Session-Timeout), 0 for none
 * @param idleTimeout seconds without IP traffic until the session is ended (Idle-Timeout), 0 for none
 * @param interimInterval seconds between accounting updates (Acct-Interim-Interval), 0 for the configured
 * @param dns DNS servers for IPCP (MS-Primary/Secondary-DNS-Server), empty for the template's
 * @param mtu the most the client may send and receive (Framed-MTU), 0 for none
 * @param classes the Class attributes, echoed in accounting
 */
public record Authorization(int framedAddress, String pool, int sessionTimeout, int idleTimeout, int interimInterval,
    List<Integer> dns, int mtu, List<byte[]> classes) {
  public static final Authorization NONE = new Authorization(0, null, 0, 0, 0, List.of(), 0, List.of());

  public Authorization {
    dns = List.copyOf(dns);
    classes = List.copyOf(classes);
  }
}
