package io.jlns.config;

import io.jlns.config.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks what the grammar cannot: references between entries, settings that cannot work
 * together, and how the configuration maps onto this host. Everything here is a warning, since
 * IOS accepts such configurations too; {@link #maskedSecrets} lists what {@code run} refuses.
 */
public final class ConfigValidator {
  private final Config c;
  private final Set<Ipv4Address> host;
  private final List<Diagnostic> out = new ArrayList<>();

  private ConfigValidator(Config c, Set<Ipv4Address> host) {
    this.c = c;
    this.host = host;
  }

  /**
   * @param hostAddresses the host's IPv4 addresses, or null to skip the checks against the host
   */
  public static List<Diagnostic> validate(Config c, Set<Ipv4Address> hostAddresses) {
    ConfigValidator v = new ConfigValidator(c, hostAddresses);
    v.crypto();
    v.interfaces();
    v.vpdn();
    for (String m : maskedSecrets(c)) {
      v.warn(m + ": the value is masked ('*****'); set the real one before 'jlns run'");
    }
    return List.copyOf(v.out);
  }

  /** Secrets that are still masked, as published configurations show them; {@code run} refuses these. */
  public static List<String> maskedSecrets(Config c) {
    List<String> out = new ArrayList<>();
    c.keyrings().values().forEach(k -> k.keys().stream().filter(p -> p.key().masked())
        .forEach(p -> out.add("crypto keyring " + k.name() + " pre-shared-key " + p.peer())));
    c.isakmpKeys().stream().filter(p -> p.key().masked()).forEach(p -> out.add("crypto isakmp key ... " + p.peer()));
    c.users().values().stream().filter(u -> u.credential().masked()).forEach(u -> out.add("username " + u.name()));
    if (c.enableSecret() != null && c.enableSecret().masked()) {
      out.add("enable secret");
    }
    if (c.enablePassword() != null && c.enablePassword().masked()) {
      out.add("enable password");
    }
    c.vpdnGroups().values().stream().filter(g -> g.tunnelPassword() != null && g.tunnelPassword().masked())
        .forEach(g -> out.add("vpdn-group " + g.name() + " l2tp tunnel password"));
    return out;
  }

  private void crypto() {
    for (IsakmpPolicy p : c.isakmpPolicies().values()) {
      if (!p.preShare()) {
        warn("crypto isakmp policy " + p.priority() + " does not use 'authentication pre-share'; jlns supports only"
            + " pre-shared keys, so this policy matches no client");
      }
    }
    boolean anyKey = !c.isakmpKeys().isEmpty() || c.keyrings().values().stream().anyMatch(k -> !k.keys().isEmpty());
    if (!c.cryptoMaps().isEmpty() && !anyKey) {
      warn("no pre-shared key is configured (crypto keyring or crypto isakmp key): no client can authenticate");
    }
    if (!c.cryptoMaps().isEmpty() && c.isakmpPolicies().isEmpty()) {
      warn("no crypto isakmp policy is configured: no phase 1 proposal can be accepted");
    }
    for (MapEntry e : Config.entries(c.cryptoMaps())) {
      if (e.dynamicMap() != null && !c.dynamicMaps().containsKey(e.dynamicMap())) {
        warn("crypto map " + e.name() + " " + e.seq() + " references dynamic map " + e.dynamicMap() + ", which is not defined");
      }
      if (e.dynamicMap() == null) {
        entry("crypto map", e);
      }
    }
    for (MapEntry e : Config.entries(c.dynamicMaps())) {
      entry("crypto dynamic-map", e);
    }
  }

  private void entry(String kind, MapEntry e) {
    String where = kind + " " + e.name() + " " + e.seq();
    if (e.transformSets().isEmpty()) {
      warn(where + " has no 'set transform-set': no phase 2 proposal can match it");
    }
    for (String ts : e.transformSets()) {
      TransformSet t = c.transformSets().get(ts);
      if (t == null) {
        warn(where + " uses transform set " + ts + ", which is not defined");
      } else if (e.natDemux() && !t.transportMode()) {
        warn(where + " has 'set nat demux' but transform set " + ts + " is in tunnel mode; NAT demux applies to"
            + " transport-mode SAs (add 'mode transport')");
      }
    }
  }

  private void interfaces() {
    boolean anyMap = false;
    for (Interface i : c.interfaces().values()) {
      if (i.cryptoMap() != null) {
        anyMap = true;
        if (!c.cryptoMaps().containsKey(i.cryptoMap())) {
          warn("interface " + i.name() + " uses crypto map " + i.cryptoMap() + ", which is not defined");
        }
      }
      if (i.address() != null && host != null && !host.contains(i.address()) && !i.shutdown()) {
        warn("interface " + i.name() + " address " + i.address() + " is not an address of this host"
            + (i.cryptoMap() != null ? "; IKE and NAT-T will listen on all addresses (0.0.0.0)" : ""));
      }
      if (i.unnumbered() != null) {
        Interface t = c.interfaces().get(i.unnumbered());
        if (t == null || t.address() == null) {
          warn("interface " + i.name() + " is 'ip unnumbered " + i.unnumbered() + "', which has no IP address");
        }
      }
      if (i.peerPool() != null && !c.pools().containsKey(i.peerPool())) {
        warn("interface " + i.name() + " hands out addresses from pool " + i.peerPool() + ", which is not defined");
      }
      boolean chapLike = i.pppAuthentication().stream().anyMatch(p -> !p.equals("pap"));
      if (chapLike) {
        c.users().values().stream().filter(User::isSecret).forEach(u -> warn("username " + u.name()
            + " has a one-way 'secret': it can log in with PAP only, not with the CHAP family that " + i.name()
            + " asks for (use 'password')"));
      }
    }
    if (!c.cryptoMaps().isEmpty() && !anyMap) {
      warn("no interface carries a crypto map: jlns will accept no IPsec client");
    }
  }

  private void vpdn() {
    if (!c.vpdnGroups().isEmpty() && !c.vpdnEnable()) {
      warn("'vpdn enable' is not configured: L2TP tunnels will be refused");
    }
    for (VpdnGroup g : c.vpdnGroups().values()) {
      if (g.virtualTemplate() != 0 && !c.interfaces().containsKey("Virtual-Template" + g.virtualTemplate())) {
        warn("vpdn-group " + g.name() + " clones Virtual-Template" + g.virtualTemplate() + ", which is not defined");
      }
      if (g.acceptDialin() && g.virtualTemplate() == 0) {
        warn("vpdn-group " + g.name() + " accepts dial-in but names no virtual-template");
      }
    }
    radius();
    for (VpdnGroup g : c.vpdnGroups().values()) {
      Interface vt = c.interfaces().get("Virtual-Template" + g.virtualTemplate());
      if (g.acceptDialin() && vt != null && vt.pppAuthentication().isEmpty()) {
        warn(vt.name() + " has no 'ppp authentication': clients of vpdn-group " + g.name() + " get in without a password");
      }
    }
    if (c.aaaPppMethods().contains("local") && c.users().isEmpty()) {
      warn("'aaa authentication ppp default local' but no username is configured: no PPP user can log in");
    }
  }

  private void radius() {
    Aaa aaa = c.aaa();
    List<String> all = new java.util.ArrayList<>();
    aaa.pppLists().forEach((name, ms) -> ms.forEach(m -> all.add(m + " (aaa authentication ppp " + name + ")")));
    aaa.authorizationNetwork().forEach(m -> all.add(m + " (aaa authorization network default)"));
    aaa.accountingNetwork().forEach(m -> all.add(m + " (aaa accounting network default)"));
    for (String m : all) {
      if (m.startsWith("group ")) {
        String g = m.substring(6, m.indexOf(' ', 6));
        if (!g.equals("radius") && !aaa.groups().containsKey(g)) {
          warn("'" + m + "' uses server group " + g + ", which is not defined ('aaa group server radius " + g + "')");
        } else if (aaa.group(g).isEmpty()) {
          warn("'" + m + "' uses server group " + g + ", which has no RADIUS server");
        }
      }
    }
    for (Aaa.RadiusServer s : aaa.servers().values()) {
      if (s.address() == null) {
        warn("radius server " + s.name() + " has no 'address ipv4': it is not used");
      } else if (s.secret(aaa.globals()) == null) {
        warn("radius server " + s.name() + " has no key (and there is no 'radius-server key'): it is not used");
      }
    }
    aaa.groups().forEach((g, names) -> names.stream().filter(n -> !aaa.servers().containsKey(n)).forEach(
        n -> warn("aaa group server radius " + g + " names server " + n + ", which is not defined")));
    String src = aaa.globals().sourceInterface();
    if (src != null && (c.interfaces().get(src) == null || c.interfaces().get(src).address() == null)) {
      warn("'ip radius source-interface " + src + "': the interface does not exist or has no IP address;"
          + " RADIUS requests go from the address the host chooses");
    }
    if (aaa.dynamicAuthor().enabled() && aaa.dynamicAuthor().clients().isEmpty()) {
      warn("'aaa server radius dynamic-author' has no 'client': every Disconnect and CoA request will be refused");
    }
    if (!c.aaaNewModel() && (!aaa.authorizationNetwork().isEmpty() || !aaa.pppLists().isEmpty())) {
      warn("'aaa new-model' is not configured: IOS would refuse the aaa method lists; jlns applies them anyway");
    }
  }

  private void warn(String message) {
    out.add(Diagnostic.global(Severity.WARNING, message));
  }
}
