package io.jlns.config;

import java.util.List;
import java.util.Map;

/**
 * AAA beyond the local {@code username} lines: RADIUS servers and server groups, the PPP and
 * network method lists, accounting, and dynamic authorization (RFC 5176).
 *
 * @param servers {@code radius server NAME} blocks and legacy {@code radius-server host} lines, in
 *     the order written (the order {@code group radius} tries them)
 * @param groups {@code aaa group server radius NAME} with their {@code server name} lines
 * @param pppLists {@code aaa authentication ppp default|LIST METHODS}: methods such as
 *     {@code local}, {@code group radius}, {@code group NAME}, {@code none}, in order
 * @param authorizationNetwork {@code aaa authorization network default METHODS}, empty if none
 * @param accountingNetwork {@code aaa accounting network default start-stop METHODS}, empty if none
 * @param accountingUpdateMinutes {@code aaa accounting update periodic M}, 0 if none
 */
public record Aaa(
    Map<String, RadiusServer> servers,
    Map<String, List<String>> groups,
    RadiusGlobals globals,
    Map<String, List<String>> pppLists,
    List<String> authorizationNetwork,
    List<String> accountingNetwork,
    int accountingUpdateMinutes,
    DynamicAuthor dynamicAuthor) {
  public static final Aaa NONE = new Aaa(Map.of(), Map.of(), RadiusGlobals.DEFAULTS, Map.of(), List.of(), List.of(), 0,
      DynamicAuthor.NONE);

  public Aaa {
    servers = Config.frozen(servers);
    groups = Config.frozen(groups);
    pppLists = Config.frozen(pppLists);
    authorizationNetwork = List.copyOf(authorizationNetwork);
    accountingNetwork = List.copyOf(accountingNetwork);
  }

  /**
   * The servers of {@code group radius} (every server, in order) or {@code group NAME}; empty if
   * the group is unknown.
   */
  public List<RadiusServer> group(String name) {
    if (name.equals("radius")) {
      return List.copyOf(servers.values());
    }
    List<String> names = groups.get(name);
    return names == null ? List.of() : names.stream().map(servers::get).filter(s -> s != null).toList();
  }

  /**
   * A RADIUS server. {@code timeout} and {@code retransmit} of 0 and -1 mean the global
   * {@code radius-server timeout|retransmit}; a null {@code key} means {@code radius-server key}.
   *
   * @param legacy written as {@code radius-server host} (named by its address) rather than a block
   */
  public record RadiusServer(String name, Ipv4Address address, int authPort, int acctPort, Secret key, int timeout,
      int retransmit, boolean legacy) {
    /** IOS's ports (the original RADIUS ports, before RFC 2865 gave 1812/1813). */
    public static final int DEFAULT_AUTH_PORT = 1645;
    public static final int DEFAULT_ACCT_PORT = 1646;

    public static RadiusServer named(String name) {
      return new RadiusServer(name, null, DEFAULT_AUTH_PORT, DEFAULT_ACCT_PORT, null, 0, -1, false);
    }

    public RadiusServer withAddress(Ipv4Address a, int auth, int acct) {
      return new RadiusServer(name, a, auth, acct, key, timeout, retransmit, legacy);
    }

    public RadiusServer withKey(Secret k) {
      return new RadiusServer(name, address, authPort, acctPort, k, timeout, retransmit, legacy);
    }

    public RadiusServer withTimeout(int t) {
      return new RadiusServer(name, address, authPort, acctPort, key, t, retransmit, legacy);
    }

    public RadiusServer withRetransmit(int r) {
      return new RadiusServer(name, address, authPort, acctPort, key, timeout, r, legacy);
    }

    public int timeoutSeconds(RadiusGlobals g) {
      return timeout > 0 ? timeout : g.timeout();
    }

    public int retransmits(RadiusGlobals g) {
      return retransmit >= 0 ? retransmit : g.retransmit();
    }

    /** The shared secret: this server's, else {@code radius-server key}; null if neither. */
    public Secret secret(RadiusGlobals g) {
      return key != null ? key : g.key();
    }
  }

  /**
   * {@code radius-server timeout|retransmit|deadtime|dead-criteria|key} and {@code ip radius
   * source-interface}. A dead-criteria of 0 means IOS's default: {@link #deadTime()} and
   * {@link #deadTries()} give the effective values.
   */
  public record RadiusGlobals(int timeout, int retransmit, int deadtimeMinutes, int deadCriteriaTime,
      int deadCriteriaTries, Secret key, String sourceInterface) {
    public static final int DEFAULT_TIMEOUT = 5;
    public static final int DEFAULT_RETRANSMIT = 3;
    public static final RadiusGlobals DEFAULTS = new RadiusGlobals(DEFAULT_TIMEOUT, DEFAULT_RETRANSMIT, 0, 0, 0, null, null);

    /** Seconds without an answer before a server may be marked dead (default: one request's full retry time). */
    public int deadTime() {
      return deadCriteriaTime > 0 ? deadCriteriaTime : timeout * (retransmit + 1);
    }

    /** Consecutive unanswered transmissions before a server may be marked dead. */
    public int deadTries() {
      return deadCriteriaTries > 0 ? deadCriteriaTries : retransmit + 1;
    }

    public RadiusGlobals withTimeout(int v) {
      return new RadiusGlobals(v, retransmit, deadtimeMinutes, deadCriteriaTime, deadCriteriaTries, key, sourceInterface);
    }

    public RadiusGlobals withRetransmit(int v) {
      return new RadiusGlobals(timeout, v, deadtimeMinutes, deadCriteriaTime, deadCriteriaTries, key, sourceInterface);
    }

    public RadiusGlobals withDeadtime(int v) {
      return new RadiusGlobals(timeout, retransmit, v, deadCriteriaTime, deadCriteriaTries, key, sourceInterface);
    }

    public RadiusGlobals withDeadCriteria(int time, int tries) {
      return new RadiusGlobals(timeout, retransmit, deadtimeMinutes, time, tries, key, sourceInterface);
    }

    public RadiusGlobals withKey(Secret v) {
      return new RadiusGlobals(timeout, retransmit, deadtimeMinutes, deadCriteriaTime, deadCriteriaTries, v, sourceInterface);
    }

    public RadiusGlobals withSourceInterface(String v) {
      return new RadiusGlobals(timeout, retransmit, deadtimeMinutes, deadCriteriaTime, deadCriteriaTries, key, v);
    }
  }

  /** {@code aaa server radius dynamic-author}: who may send Disconnect and CoA requests (RFC 5176), and where. */
  public record DynamicAuthor(boolean enabled, Map<Ipv4Address, Secret> clients, int port) {
    /** IOS's default port (RFC 5176 registers 3799; {@code port 3799} selects it). */
    public static final int DEFAULT_PORT = 1700;
    public static final DynamicAuthor NONE = new DynamicAuthor(false, Map.of(), DEFAULT_PORT);

    public DynamicAuthor {
      clients = Config.frozen(clients);
    }
  }
}
