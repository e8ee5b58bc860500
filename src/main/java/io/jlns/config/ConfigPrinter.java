package io.jlns.config;

import io.jlns.config.InertCommand.Section;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Prints a configuration in canonical IOS order and form (defaults omitted), for
 * {@code show running-config} (secrets masked) and for saving (secrets in full). Parsing what
 * it prints gives back the same configuration.
 */
public final class ConfigPrinter {
  private final StringBuilder out = new StringBuilder();
  private final boolean secrets;

  private ConfigPrinter(boolean secrets) {
    this.secrets = secrets;
  }

  /** The configuration with every secret replaced by {@code *****}. */
  public static String masked(Config c) {
    return new ConfigPrinter(false).print(c);
  }

  /** The configuration with its secrets, for {@code write memory}. */
  public static String full(Config c) {
    return new ConfigPrinter(true).print(c);
  }

  private String print(Config c) {
    line("!");
    int before = out.length();
    List<InertCommand> head = c.inert().stream().filter(i -> i.section() == Section.HEAD).toList();
    head.stream().filter(i -> i.line().startsWith("version ")).forEach(this::inert);
    LoggingCommands.printServices(c.logging(), this::line);
    head.stream().filter(i -> !i.line().startsWith("version ")).forEach(this::inert);
    if (out.length() > before) {
      bang();
    }
    line("hostname " + c.hostname());
    bang();
    inert(c, Section.BOOT);
    LoggingCommands.printLocal(c.logging(), this::line);
    if (c.enableSecret() != null) {
      line("enable secret " + secret(c.enableSecret()));
    }
    if (c.enablePassword() != null) {
      line("enable password " + secret(c.enablePassword()));
    }
    bang();
    for (User u : c.users().values()) {
      line("username " + u.name() + (u.privilege() != 1 ? " privilege " + u.privilege() : "")
          + (u.isSecret() ? " secret " : " password ") + secret(u.credential()));
    }
    if (c.aaaNewModel()) {
      line("aaa new-model");
    }
    RadiusCommands.printHead(c.aaa(), this::lineOrBang, this::secret);
    inert(c, Section.AAA);
    bang();
    inert(c, Section.IP);
    VtyCommands.printSsh(c.management(), this::line);
    PubkeyChainCommands.print(c.management(), this::line);
    vpdn(c);
    crypto(c);
    for (Interface i : c.interfaces().values()) {
      iface(i);
    }
    inert(c, Section.ROUTING);
    for (LocalPool p : c.pools().values()) {
      for (LocalPool.Range r : p.ranges()) {
        line("ip local pool " + p.name() + " " + r.start() + (r.end().equals(r.start()) ? "" : " " + r.end()));
      }
    }
    inert(c, Section.IP_TAIL);
    VtyCommands.printAccessLists(c.management(), this::line);
    LoggingCommands.printRemote(c.logging(), this::line);
    bang();
    RadiusCommands.printServers(c.aaa(), this::lineOrBang, this::secret);
    bang();
    inert(c, Section.TAIL);
    VtyCommands.printVtys(c.management(), this::line, secrets);
    if (!c.management().vtys().isEmpty()) {
      bang();
    }
    line("end");
    return out.toString();
  }

  private void vpdn(Config c) {
    if (c.vpdnEnable()) {
      line("vpdn enable");
    }
    if (c.vpdnIgnoreUdpChecksum()) {
      line("vpdn ip udp ignore checksum");
    }
    bang();
    for (VpdnGroup g : c.vpdnGroups().values()) {
      line("vpdn-group " + g.name());
      if (g.acceptDialin()) {
        line(" accept-dialin");
        if (g.protocol() != null) {
          line("  protocol " + g.protocol());
        }
        if (g.virtualTemplate() != 0) {
          line("  virtual-template " + g.virtualTemplate());
        }
      }
      if (!g.tunnelAuthentication()) {
        line(" no l2tp tunnel authentication");
      }
      if (g.tunnelPassword() != null) {
        line(" l2tp tunnel password " + secret(g.tunnelPassword()));
      }
      if (g.cleartext()) {
        line(" l2tp cleartext");
      }
      if (g.helloSeconds() != VpdnGroup.DEFAULT_HELLO) {
        line(" l2tp tunnel hello " + g.helloSeconds());
      }
      VpdnGroup.Retransmit r = g.retransmit();
      VpdnGroup.Retransmit d = VpdnGroup.Retransmit.DEFAULT;
      if (r.retries() != d.retries()) {
        line(" l2tp tunnel retransmit retries " + r.retries());
      }
      if (r.minSeconds() != d.minSeconds()) {
        line(" l2tp tunnel retransmit timeout min " + r.minSeconds());
      }
      if (r.maxSeconds() != d.maxSeconds()) {
        line(" l2tp tunnel retransmit timeout max " + r.maxSeconds());
      }
      bang();
    }
  }

  private void crypto(Config c) {
    for (Keyring k : c.keyrings().values()) {
      line("crypto keyring " + k.name());
      for (PresharedKey p : k.keys()) {
        line("  pre-shared-key " + psk(p) + " key " + key(p.key()));
      }
      bang();
    }
    for (IsakmpPolicy p : c.isakmpPolicies().values()) {
      line("crypto isakmp policy " + p.priority());
      if (p.cipher() != IkeCipher.DES) {
        line(" encr " + p.cipher().keyword() + (p.keyBits() > 128 ? " " + p.keyBits() : ""));
      }
      if (p.hash() != IkeHash.SHA) {
        line(" hash " + p.hash().keyword());
      }
      if (p.preShare()) {
        line(" authentication pre-share");
      }
      if (p.group() != DhGroup.GROUP1) {
        line(" group " + p.group().number());
      }
      if (p.lifetime() != IsakmpPolicy.DEFAULT_LIFETIME) {
        line(" lifetime " + p.lifetime());
      }
    }
    for (PresharedKey p : c.isakmpKeys()) {
      line("crypto isakmp key " + key(p.key()) + " " + psk(p));
    }
    IsakmpKeepalive k = c.isakmpKeepalive();
    if (k != null) {
      line("crypto isakmp keepalive " + k.seconds()
          + (k.retry() != IsakmpKeepalive.DEFAULT_RETRY || k.periodic() ? " " + k.retry() : "")
          + (k.periodic() ? " periodic" : ""));
    }
    if (c.natKeepalive() != 0) {
      line("crypto isakmp nat keepalive " + c.natKeepalive());
    }
    if (c.aggressiveMode()) {
      line("no crypto isakmp aggressive-mode disable");
    }
    CallAdmission cac = c.callAdmission();
    if (cac.inNegotiation() != CallAdmission.DEFAULT_IN_NEGOTIATION) {
      line("crypto call admission limit ike in-negotiation-sa " + cac.inNegotiation());
    }
    if (cac.perAddress() != CallAdmission.DEFAULT_PER_ADDRESS) {
      line("crypto call admission limit ike in-negotiation-sa per-address " + cac.perAddress());
    }
    if (cac.sa() != 0) {
      line("crypto call admission limit ike sa " + cac.sa());
    }
    bang();
    if (c.saLifetimeSeconds() != Config.DEFAULT_SA_SECONDS) {
      line("crypto ipsec security-association lifetime seconds " + c.saLifetimeSeconds());
    }
    if (c.saLifetimeKilobytes() != Config.DEFAULT_SA_KILOBYTES) {
      line("crypto ipsec security-association lifetime kilobytes " + c.saLifetimeKilobytes());
    }
    if (c.replayWindow() != Config.DEFAULT_REPLAY_WINDOW) {
      line("crypto ipsec security-association replay window-size " + c.replayWindow());
    }
    bang();
    for (TransformSet t : c.transformSets().values()) {
      line("crypto ipsec transform-set " + t.name() + " " + t.transformsText());
      if (t.transportMode()) {
        line(" mode transport");
      }
    }
    bang();
    maps("crypto dynamic-map ", c.dynamicMaps());
    maps("crypto map ", c.cryptoMaps());
  }

  private void maps(String prefix, Map<String, SortedMap<Integer, MapEntry>> maps) {
    for (MapEntry e : Config.entries(maps)) {
      if (e.dynamicMap() != null) {
        line(prefix + e.name() + " " + e.seq() + " ipsec-isakmp dynamic " + e.dynamicMap());
        bang();
        continue;
      }
      line(prefix + e.name() + " " + e.seq() + (prefix.equals("crypto map ") ? " ipsec-isakmp" : ""));
      if (e.description() != null) {
        line(" description " + e.description());
      }
      for (Ipv4Address p : e.peers()) {
        line(" set peer " + p);
      }
      if (e.lifetimeSeconds() != 0) {
        line(" set security-association lifetime seconds " + e.lifetimeSeconds());
      }
      if (e.lifetimeKilobytes() != 0) {
        line(" set security-association lifetime kilobytes " + e.lifetimeKilobytes());
      }
      if (!e.transformSets().isEmpty()) {
        line(" set transform-set " + String.join(" ", e.transformSets()));
      }
      if (e.pfs() != null) {
        line(" set pfs group" + e.pfs().number());
      }
      if (e.natDemux()) {
        line(" set nat demux");
      }
      if (e.matchAddress() != null) {
        line(" match address " + e.matchAddress());
      }
      bang();
    }
  }

  private void iface(Interface i) {
    line("interface " + i.name());
    if (i.description() != null) {
      line(" description " + i.description());
    }
    if (i.address() != null) {
      line(" ip address " + i.address() + " " + i.mask());
    }
    if (i.unnumbered() != null) {
      line(" ip unnumbered " + i.unnumbered());
    }
    for (String x : i.extra()) {
      line(" " + x);
    }
    if (i.cryptoMap() != null) {
      line(" crypto map " + i.cryptoMap());
    }
    if (i.peerPool() != null) {
      line(" peer default ip address pool " + i.peerPool());
    }
    if (!i.ipcpDns().isEmpty()) {
      line(" ppp ipcp dns " + String.join(" ", i.ipcpDns().stream().map(Ipv4Address::toString).toList()));
    }
    if (i.ipMtu() != 0) {
      line(" ip mtu " + i.ipMtu());
    }
    if (i.tcpAdjustMss() != 0) {
      line(" ip tcp adjust-mss " + i.tcpAdjustMss());
    }
    Interface.Keepalive k = i.keepalive();
    if (k.periodSeconds() == 0) {
      line(" no keepalive");
    } else if (!k.equals(Interface.Keepalive.DEFAULT)) {
      line(" keepalive " + k.periodSeconds() + (k.retries() != Interface.Keepalive.DEFAULT.retries() ? " " + k.retries() : ""));
    }
    if (i.pppMtuAdaptive()) {
      line(" ppp mtu adaptive");
    }
    if (!i.pppAuthentication().isEmpty()) {
      line(" ppp authentication " + String.join(" ", i.pppAuthentication())
          + (i.pppAuthList() != null ? " " + i.pppAuthList() : ""));
    }
    if (i.shutdown()) {
      line(" shutdown");
    }
    bang();
  }

  private void inert(Config c, Section s) {
    List<InertCommand> items = c.inert().stream().filter(i -> i.section() == s).toList();
    items.forEach(this::inert);
    if (!items.isEmpty()) {
      bang();
    }
  }

  private void inert(InertCommand i) {
    line(i.line());
    for (String child : i.children()) {
      line(" " + child);
    }
    if (!i.children().isEmpty()) {
      bang();
    }
  }

  private String psk(PresharedKey p) {
    return p.byHostname() ? "hostname " + p.hostname() : "address " + p.address() + " " + p.mask();
  }

  private String key(Secret s) {
    return secrets ? s.value() : Secret.MASK;
  }

  private String secret(Secret s) {
    return s.type() + " " + (secrets ? s.value() : Secret.MASK);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  private void lineOrBang(String s) {
    if (s.equals("!")) {
      bang();
    } else {
      line(s);
    }
  }

  /** A '!' separator, never two in a row. */
  private void bang() {
    if (out.length() < 2 || out.charAt(out.length() - 2) != '!' || out.charAt(out.length() - 1) != '\n') {
      line("!");
    }
  }
}
