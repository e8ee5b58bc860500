package io.jlns.ppp;

import java.util.List;

/**
 * What a PPP session needs of the virtual template it is cloned from.
 *
 * @param authentication protocols in the order of {@code ppp authentication}: chap, ms-chap,
 *     ms-chap-v2, pap; empty for none
 * @param localAddress our IPCP address (the {@code ip unnumbered} interface's), as an int
 * @param pool the {@code peer default ip address pool}, or null
 * @param dns {@code ppp ipcp dns} servers, as ints
 * @param authList the {@code aaa authentication ppp} list {@code ppp authentication} names, null for default
 * @param tcpAdjustMss {@code ip tcp adjust-mss}: the largest MSS a TCP SYN through the session may carry, 0 for any
 * @param ipMtu {@code ip mtu}: the largest IP packet sent to the client (with its MRU), 0 for the MRU alone
 */
public record PppSettings(String hostName, List<String> authentication, int localAddress, String pool, List<Integer> dns,
    int mru, int echoSeconds, int echoFailures, String authList, int tcpAdjustMss, int ipMtu) {
  public PppSettings {
    authentication = List.copyOf(authentication);
    dns = List.copyOf(dns);
  }

  public PppSettings(String hostName, List<String> authentication, int localAddress, String pool, List<Integer> dns,
      int mru, int echoSeconds, int echoFailures) {
    this(hostName, authentication, localAddress, pool, dns, mru, echoSeconds, echoFailures, null);
  }

  public PppSettings(String hostName, List<String> authentication, int localAddress, String pool, List<Integer> dns,
      int mru, int echoSeconds, int echoFailures, String authList) {
    this(hostName, authentication, localAddress, pool, dns, mru, echoSeconds, echoFailures, authList, 0, 0);
  }
}
