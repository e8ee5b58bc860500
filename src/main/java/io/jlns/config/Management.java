package io.jlns.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How operators reach the box: {@code line vty} blocks, {@code ip ssh}, {@code login block-for}
 * and the standard access lists {@code access-class} names.
 *
 * @param vtys {@code line vty FIRST LAST} blocks by their range text ({@code "0 4"})
 * @param ssh {@code ip ssh ...}
 * @param loginBlock {@code login block-for S attempts N within W}; null when not configured
 * @param accessLists standard access lists by number or name
 * @param metrics {@code metrics prometheus [address A] port P} (a jlns extension); null: off
 * @param pubkeys {@code ip ssh pubkey-chain}: each user's public keys, by the MD5 hash of the key as IOS keeps them
 * @param keyRequest the last {@code crypto key generate rsa} typed, or null: an action, not a setting, so never printed
 *     (the key itself is kept in its file beside the configuration, as IOS keeps keys out of the configuration)
 */
public record Management(Map<String, Vty> vtys, Ssh ssh, LoginBlock loginBlock, Map<String, AccessList> accessLists,
    Metrics metrics, Map<String, List<PubKey>> pubkeys, KeyRequest keyRequest) {
  public Management {
    vtys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vtys));
    accessLists = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accessLists));
    Map<String, List<PubKey>> keys = new LinkedHashMap<>();
    pubkeys.forEach((u, k) -> keys.put(u, List.copyOf(k)));
    pubkeys = java.util.Collections.unmodifiableMap(keys);
  }

  public static final Management DEFAULTS = new Management(Map.of(), Ssh.DEFAULTS, null, Map.of(), null, Map.of(), null);

  /** Equal when they print the same: a {@code crypto key generate} request is an action, not part of the configuration. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Management m && vtys.equals(m.vtys) && ssh.equals(m.ssh) && java.util.Objects.equals(loginBlock, m.loginBlock)
        && accessLists.equals(m.accessLists) && java.util.Objects.equals(metrics, m.metrics) && pubkeys.equals(m.pubkeys);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(vtys, ssh, loginBlock, accessLists, metrics, pubkeys);
  }

  /** {@code crypto key generate rsa modulus BITS}: a new SSH host key; {@code serial} tells one request from the next. */
  public record KeyRequest(int bits, long serial) {}

  public Management withKeyRequest(KeyRequest k) {
    return new Management(vtys, ssh, loginBlock, accessLists, metrics, pubkeys, k);
  }

  /**
   * {@code key-hash TYPE HASH [COMMENT]} of {@code ip ssh pubkey-chain}: the MD5 of the public key
   * blob (RFC 4253 section 6.6), 32 hex digits, as IOS shows it; {@code key-string} becomes one.
   */
  public record PubKey(String type, String md5, String comment) {
    public String text() {
      return "key-hash " + type + " " + md5 + (comment == null ? "" : " " + comment);
    }
  }

  /** Whether {@code user} has a key with this blob's MD5 (upper-case hex). */
  public boolean hasKey(String user, String md5) {
    return pubkeys.getOrDefault(user, List.of()).stream().anyMatch(k -> k.md5().equalsIgnoreCase(md5));
  }

  public Management withPubkeys(Map<String, List<PubKey>> p) {
    return new Management(vtys, ssh, loginBlock, accessLists, metrics, p, keyRequest);
  }

  /**
   * One {@code line vty FIRST LAST} block. IOS defaults: {@code login} (line password, which jlns
   * does not serve), {@code transport input none}, {@code exec-timeout 10 0}.
   *
   * @param loginLocal {@code login local}: the usernames of the configuration
   * @param transports {@code transport input ...}: ssh, telnet, all, none
   * @param execTimeoutSeconds idle time before the session ends; 0: never
   * @param accessClass {@code access-class ACL in}: the standard ACL sources must pass; null: any
   * @param privilege {@code privilege level N}: the level a login lands at when the user has none above 1
   * @param extra other sub-commands, kept verbatim
   */
  public record Vty(int first, int last, boolean loginLocal, Set<String> transports, int execTimeoutSeconds,
      String accessClass, int privilege, List<String> extra) {
    public Vty {
      transports = Set.copyOf(transports);
      extra = List.copyOf(extra);
    }

    public static final int DEFAULT_EXEC_TIMEOUT = 600;

    public static Vty of(int first, int last) {
      return new Vty(first, last, false, Set.of(), DEFAULT_EXEC_TIMEOUT, null, 1, List.of());
    }

    public boolean ssh() {
      return transports.contains("ssh") || transports.contains("all");
    }

    public String range() {
      return first + (last != first ? " " + last : "");
    }

    public Vty with(boolean loginLocal, Set<String> transports, int execTimeout, String accessClass, int privilege,
        List<String> extra) {
      return new Vty(first, last, loginLocal, transports, execTimeout, accessClass, privilege, extra);
    }
  }

  /**
   * {@code ip ssh version 2}, {@code ip ssh time-out S}, {@code ip ssh authentication-retries N} and
   * {@code ip ssh server port P} (a jlns extension: IOS serves SSH on 22 only; a high port lets
   * jlns run without root).
   */
  public record Ssh(int version, int timeoutSeconds, int retries, int port) {
    public static final Ssh DEFAULTS = new Ssh(0, 120, 3, 22);

    public Ssh withVersion(int v) {
      return new Ssh(v, timeoutSeconds, retries, port);
    }

    public Ssh withTimeout(int t) {
      return new Ssh(version, t, retries, port);
    }

    public Ssh withRetries(int r) {
      return new Ssh(version, timeoutSeconds, r, port);
    }

    public Ssh withPort(int p) {
      return new Ssh(version, timeoutSeconds, retries, p);
    }
  }

  /** {@code login block-for S attempts N within W}: N failures within W seconds block logins for S seconds. */
  public record LoginBlock(int blockSeconds, int attempts, int withinSeconds) {}

  /** A standard access list: entries in order, an implicit deny at the end. */
  public record AccessList(String name, List<Entry> entries) {
    public AccessList {
      entries = List.copyOf(entries);
    }

    /** {@code permit|deny A W} with an IOS wildcard mask ({@code any} is 0.0.0.0 255.255.255.255). */
    public record Entry(boolean permit, Ipv4Address address, Ipv4Address wildcard, String remark) {
      public boolean matches(Ipv4Address a) {
        int care = ~wildcard.bits();
        return (a.bits() & care) == (address.bits() & care);
      }

      public String text() {
        if (remark != null) {
          return "remark " + remark;
        }
        String what = wildcard.bits() == -1 ? "any" : wildcard.bits() == 0 ? "host " + address
            : address + " " + wildcard;
        return (permit ? "permit " : "deny   ") + what;
      }
    }

    /** The first matching entry decides; none matching: denied. */
    public boolean permits(Ipv4Address a) {
      for (Entry e : entries) {
        if (e.remark() == null && e.matches(a)) {
          return e.permit();
        }
      }
      return false;
    }

    public boolean numbered() {
      return name.chars().allMatch(Character::isDigit);
    }
  }

  public Management withVtys(Map<String, Vty> v) {
    return new Management(v, ssh, loginBlock, accessLists, metrics, pubkeys, keyRequest);
  }

  public Management withSsh(Ssh s) {
    return new Management(vtys, s, loginBlock, accessLists, metrics, pubkeys, keyRequest);
  }

  public Management withLoginBlock(LoginBlock b) {
    return new Management(vtys, ssh, b, accessLists, metrics, pubkeys, keyRequest);
  }

  public Management withAccessLists(Map<String, AccessList> a) {
    return new Management(vtys, ssh, loginBlock, a, metrics, pubkeys, keyRequest);
  }

  public Management withMetrics(Metrics m) {
    return new Management(vtys, ssh, loginBlock, accessLists, m, pubkeys, keyRequest);
  }

  /**
   * {@code metrics prometheus [address A] port P}: Prometheus text exposition over HTTP on that
   * address (all when null) and port, at {@code /metrics}.
   */
  public record Metrics(Ipv4Address address, int port) {
    public String text() {
      return "metrics prometheus" + (address != null ? " address " + address : "") + " port " + port;
    }
  }

  /** Whether some vty takes SSH: then jlns listens for it. */
  public boolean sshEnabled() {
    return vtys.values().stream().anyMatch(Vty::ssh);
  }

  /** How many vty lines there are (IOS numbers them 0..15). */
  public int lineCount() {
    return vtys.values().stream().mapToInt(v -> v.last() - v.first() + 1).sum();
  }
}
