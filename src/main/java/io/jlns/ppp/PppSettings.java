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
 */
public record PppSettings(String hostName, List<String> authentication, int localAddress, String pool, List<Integer> dns,
    int mru, int echoSeconds, int echoFailures, String authList) {
  public PppSettings {
    authentication = List.copyOf(authentication);
    dns = List.copyOf(dns);
  }

  public PppSettings(String hostName, List<String> authentication, int localAddress, String pool, List<Integer> dns,
      int mru, int echoSeconds, int echoFailures) {
    this(hostName, authentication, localAddress, pool, dns, mru, echoSeconds, echoFailures, null);
  }
}
