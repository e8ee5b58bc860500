package io.jlns.config;

import io.jlns.config.InertCommand.Section;
import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.Mode;
import io.jlns.config.grammar.Syntax;
import java.util.List;

/**
 * Commands of the IOS dialect that do not concern an LNS. They are recognised (so a typo is
 * still an error), kept verbatim with their sub-commands, and printed back in their section.
 */
final class InertCommands {
  private InertCommands() {}

  static void install(ConfigGrammar g) {
    Mode<ConfigEdit> m = g.global;
    // IOS keeps one 'version' line, first in the configuration: a second one replaces it.
    m.add(Syntax.exact("version LINE"), (c, a) -> {
      c.inert("kept in the running configuration, not acted on by an LNS");
      List<InertCommand> inert = c.draft().inert;
      inert.removeIf(i -> i.section() == Section.HEAD && i.line().startsWith("version "));
      inert.add(0, new InertCommand(Section.HEAD, c.line().strip(), List.of()));
      return Outcome.STAY;
    });
    simple(m, Section.HEAD, "[no] service LINE");
    simple(m, Section.BOOT, "boot-start-marker");
    simple(m, Section.BOOT, "boot-end-marker");
    simple(m, Section.BOOT, "[no] boot LINE");
    simple(m, Section.HEAD, "[no] logging LINE");
    simple(m, Section.AAA, "[no] aaa (session-id|accounting|authorization|authentication login|authentication enable"
        + "|authentication dot1x|group|server|common-criteria) [LINE]");
    simple(m, Section.IP, "[no] ip (subnet-zero|cef|domain|domain-name|domain-lookup|name-server|dhcp|source-route"
        + "|finger|bootp|multicast-routing|ssh|scp|ftp|tftp|sla|nat|forward-protocol|icmp|tcp|options|gratuitous-arps"
        + "|audit|inspect|ips|wccp|igmp|host|accounting-threshold|flow-export|flow-cache) [LINE]");
    opaque(g, m, Section.IP, "ip vrf WORD", "config-vrf");
    opaque(g, m, Section.IP, "ip dhcp pool WORD", "dhcp-config");
    opaque(g, m, Section.ROUTING, "router LINE", "config-router");
    simple(m, Section.ROUTING, "no router LINE");
    simple(m, Section.IP_TAIL, "[no] ip (classless|route|http|default-gateway|default-network|prefix-list|as-path"
        + "|community-list) [LINE]");
    opaque(g, m, Section.IP_TAIL, "ip access-list LINE", "config-nacl");
    simple(m, Section.IP_TAIL, "[no] (access-list|snmp-server|ntp|clock|cdp|lldp|spanning-tree|vtp|archive|alias"
        + "|scheduler|memory|multilink|license|dial-peer|mpls|call|voice|privilege|exception|sntp|tacacs-server"
        + "|banner|errdisable|file|process|mac|vlan|diagnostic|platform|redundancy) [LINE]");
    opaque(g, m, Section.TAIL, "control-plane [LINE]", "config-cp");
    opaque(g, m, Section.TAIL, "gatekeeper", "config-gk");
    opaque(g, m, Section.TAIL, "line LINE", "config-line");
    opaque(g, m, Section.TAIL, "(class-map|policy-map|route-map|key chain) LINE", "config-map");
  }

  private static void simple(Mode<ConfigEdit> m, Section section, String syntax) {
    m.add(Syntax.exact(syntax), (c, a) -> {
      c.inert("kept in the running configuration, not acted on by an LNS");
      c.draft().inert.add(new InertCommand(section, c.line().strip(), List.of()));
      return Outcome.STAY;
    });
  }

  private static void opaque(ConfigGrammar g, Mode<ConfigEdit> m, Section section, String syntax, String modeName) {
    Mode<ConfigEdit> sub = g.opaque(modeName);
    m.add(Syntax.exact(syntax), (c, a) -> {
      c.inert("kept with its sub-commands, not acted on by an LNS");
      String line = c.line().strip();
      List<InertCommand> inert = c.draft().inert;
      int at = -1;
      for (int i = 0; i < inert.size(); i++) {
        if (inert.get(i).line().equals(line) && inert.get(i).section() == section) {
          at = i;
        }
      }
      if (at < 0) {
        inert.add(new InertCommand(section, line, List.of()));
        at = inert.size() - 1;
      }
      return Outcome.enter(sub, at);
    });
  }

  /** Appends a verbatim sub-command to the opaque block being edited. */
  static void addChild(ConfigEdit c, String line) {
    int at = c.key();
    List<InertCommand> inert = c.draft().inert;
    inert.set(at, inert.get(at).withChild(line));
  }
}
