package io.jlns.config;

import java.util.List;

/**
 * {@code interface NAME}. The physical names of an IOS configuration are logical here: an
 * interface maps to the host by its {@code ip address}. {@code extra} keeps, verbatim and in
 * order, the interface commands that do not concern an LNS ({@code duplex}, {@code speed}...).
 *
 * @param tcpAdjustMss {@code ip tcp adjust-mss N}: TCP SYNs through the interface carry an MSS of at most N; 0 for off
 * @param ipMtu {@code ip mtu N}: the largest IP packet sent to a client; 0 for the PPP MRU alone
 */
public record Interface(
    String name,
    String description,
    Ipv4Address address,
    Ipv4Address mask,
    String unnumbered,
    String cryptoMap,
    String peerPool,
    List<String> pppAuthentication,
    String pppAuthList,
    boolean pppMtuAdaptive,
    List<Ipv4Address> ipcpDns,
    boolean shutdown,
    List<String> extra,
    int tcpAdjustMss,
    int ipMtu,
    Keepalive keepalive) {
  /** {@code keepalive [PERIOD [RETRIES]]} (IOS default 10 s, 5), {@code no keepalive}: period 0. */
  public record Keepalive(int periodSeconds, int retries) {
    public static final Keepalive DEFAULT = new Keepalive(10, 5);

    public Keepalive {
      if (periodSeconds == 0) {
        retries = 5; // off: the retries do not matter, and 'no keepalive' prints none
      }
    }
  }

  public Interface {
    pppAuthentication = List.copyOf(pppAuthentication);
    ipcpDns = List.copyOf(ipcpDns);
    extra = List.copyOf(extra);
  }

  public static Interface named(String name) {
    return new Interface(name, null, null, null, null, null, null, List.of(), null, false, List.of(), false, List.of(), 0, 0, Keepalive.DEFAULT);
  }

  public Interface withDescription(String v) {
    return new Interface(name, v, address, mask, unnumbered, cryptoMap, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withAddress(Ipv4Address a, Ipv4Address m) {
    return new Interface(name, description, a, m, a == null ? unnumbered : null, cryptoMap, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withUnnumbered(String v) {
    return new Interface(name, description, v == null ? address : null, v == null ? mask : null, v, cryptoMap, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withCryptoMap(String v) {
    return new Interface(name, description, address, mask, unnumbered, v, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withPeerPool(String v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, v, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withPppAuthentication(List<String> v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, peerPool, v, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  /** {@code ppp authentication ... LIST}: the {@code aaa authentication ppp LIST} to use (null: default). */
  public Interface withPppAuthList(String v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, peerPool, pppAuthentication, v, pppMtuAdaptive, ipcpDns, shutdown, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withPppMtuAdaptive(boolean v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, peerPool, pppAuthentication, pppAuthList, v, ipcpDns, shutdown, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withIpcpDns(List<Ipv4Address> v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, v, shutdown, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withShutdown(boolean v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, v, extra, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withExtra(List<String> v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, v, tcpAdjustMss, ipMtu, keepalive);
  }

  public Interface withTcpAdjustMss(int v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, extra, v, ipMtu, keepalive);
  }

  public Interface withIpMtu(int v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, extra, tcpAdjustMss, v, keepalive);
  }

  public Interface withKeepalive(Keepalive v) {
    return new Interface(name, description, address, mask, unnumbered, cryptoMap, peerPool, pppAuthentication, pppAuthList, pppMtuAdaptive, ipcpDns, shutdown, extra, tcpAdjustMss, ipMtu, v);
  }
}
