package io.jlns.cli;

import io.jlns.config.ConfigPrinter;
import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.Mode;
import java.util.HashMap;
import java.util.Map;

/** The EXEC modes ({@code Router>} and {@code Router#}) and their commands. */
final class ExecGrammar {
  final Mode<ExecSession> user;
  final Mode<ExecSession> privileged;

  ExecGrammar() {
    Map<String, String> glossary = new HashMap<>();
    glossary.put("show", "Show running system information");
    glossary.put("crypto", "Encryption module");
    glossary.put("ip", "IP information");
    glossary.put("version", "System hardware and software status");
    glossary.put("enable", "Turn on privileged commands");
    glossary.put("exit", "Exit from the EXEC");
    glossary.put("logout", "Exit from the EXEC");
    glossary.put("quit", "Exit from the EXEC");
    glossary.put("terminal", "Set terminal line parameters");
    glossary.put("length", "Set number of lines on a screen");
    user = new Mode<>("exec", ">", null, false, glossary);
    privileged = new Mode<>("privileged", "#", null, false, glossary);
    for (Mode<ExecSession> m : java.util.List.of(user, privileged)) {
      common(m);
    }
    privilegedOnly(privileged);
    DebugCommands.install(privileged);
    CaptureCommands.install(privileged);
  }

  private static void common(Mode<ExecSession> m) {
    m.add("enable", (s, a) -> {
      s.enable();
      return Outcome.STAY;
    });
    m.add("(exit|logout|quit)", (s, a) -> {
      s.close();
      return Outcome.STAY;
    });
    m.add("show version", (s, a) -> {
      s.print(ShowVersion.render(s.context()));
      return Outcome.STAY;
    });
    m.add("terminal length <0-512>:n", (s, a) -> Outcome.STAY, "n", "Number of lines on screen (0 for no pausing)");
    m.add("show ip ssh", (s, a) -> {
      s.print(ShowSsh.render(s.config(), ShowSsh.serving()));
      return Outcome.STAY;
    }, "ip", "IP information", "ssh", "Information on SSH");
  }

  private static String dialinGroup(ExecSession s) {
    return s.config().vpdnGroups().values().stream().filter(io.jlns.config.VpdnGroup::acceptDialin)
        .map(io.jlns.config.VpdnGroup::name).findFirst().orElse("-");
  }

  private static void privilegedOnly(Mode<ExecSession> m) {
    m.add("disable", (s, a) -> {
      s.disable();
      return Outcome.STAY;
    }, "disable", "Turn off privileged commands");
    m.add("configure [terminal]", (s, a) -> {
      s.configure();
      return Outcome.STAY;
    }, "configure", "Enter configuration mode", "terminal", "Configure from the terminal");
    m.add("show running-config", (s, a) -> {
      String text = ConfigPrinter.masked(s.config());
      s.print("Building configuration...\n\nCurrent configuration : " + text.length() + " bytes\n" + text);
      return Outcome.STAY;
    }, "running-config", "Current operating configuration");
    m.add("show crypto map [interface WORD:ifname|tag WORD:tagname]", (s, a) -> {
      s.print(ShowCrypto.maps(s.config(), a.opt("ifname").orElse(null), a.opt("tagname").orElse(null)));
      return Outcome.STAY;
    }, "map", "Crypto maps", "interface", "Crypto maps for an interface", "tag", "Crypto maps with a given tag");
    m.add("show crypto dynamic-map [tag WORD:tagname]", (s, a) -> {
      s.print(ShowCrypto.dynamicMaps(s.config(), a.opt("tagname").orElse(null)));
      return Outcome.STAY;
    }, "dynamic-map", "Crypto map templates", "tag", "Crypto map templates with a given tag");
    m.add("show crypto ipsec sa [peer A.B.C.D:addr|map WORD:mapname|detail]", (s, a) -> {
      s.print(ShowIpsec.ipsec(s.config(), s.context().ipsec().ipsecSas(), a.opt("addr").orElse(null), a.opt("mapname").orElse(null),
          a.has("detail")));
      return Outcome.STAY;
    }, "ipsec", "Show IPSEC information", "sa", "IPSEC SA table", "peer", "Information for a given peer", "map",
        "Information for a given crypto map", "detail", "Detailed error counters");
    m.add("show crypto isakmp sa [detail]", (s, a) -> {
      s.print(ShowIpsec.isakmp(s.context().ipsec().isakmpSas(), a.has("detail")));
      return Outcome.STAY;
    }, "isakmp", "Show ISAKMP", "sa", "ISAKMP SA table", "detail", "Show ISAKMP SA Detail");
    m.add("show crypto nat demux", (s, a) -> {
      s.print(ShowIpsec.demux(s.context().ipsec().natDemux(), s.context().vpdn().tunnels()));
      return Outcome.STAY;
    }, "nat", "NAT demux of L2TP clients behind NAT/PAT", "demux", "Clients, their ports, SAs and L2TP tunnels");
    m.add("clear crypto sa [peer A.B.C.D:addr]", (s, a) -> {
      int n = s.context().ipsec().clearIpsec(a.opt("addr").orElse(null));
      s.context().log().accept("%CRYPTO-6-CLEAR: clear crypto sa" + a.opt("addr").map(p -> " peer " + p).orElse("") + ": " + n
          + " SA pair(s) deleted");
      return Outcome.STAY;
    }, "clear", "Reset functions", "crypto", "Encryption module", "sa", "Clear all crypto SAs", "peer", "Clear crypto SAs for a given peer");
    m.add("clear crypto isakmp [<1-2147483647>:connid]", (s, a) -> {
      Integer id = a.opt("connid").map(Integer::valueOf).orElse(null);
      int n = s.context().ipsec().clearIsakmp(id);
      if (id != null && n == 0) {
        throw new io.jlns.config.grammar.CommandException("No ISAKMP SA with conn-id " + id);
      }
      s.context().log().accept("%CRYPTO-6-CLEAR: clear crypto isakmp" + (id == null ? "" : " " + id) + ": " + n + " ISAKMP SA(s) deleted");
      return Outcome.STAY;
    }, "isakmp", "Flush the ISAKMP database", "connid", "connection id of SA");
    m.add("show crypto call admission statistics", (s, a) -> {
      s.print(ShowCrypto.admission(s.context().ipsec().callAdmission()));
      return Outcome.STAY;
    }, "call", "Show crypto call admission info", "admission", "Call admission control", "statistics",
        "Call admission control statistics");
    m.add("clear crypto call admission statistics", (s, a) -> {
      s.context().ipsec().clearCallAdmission();
      s.context().log().accept("%CRYPTO-6-CLEAR: clear crypto call admission statistics");
      return Outcome.STAY;
    }, "call", "Clear crypto call admission info", "admission", "Call admission control", "statistics",
        "Call admission control statistics");
    m.add("show aaa servers", (s, a) -> {
      s.print(ShowAaa.servers(s.config(), s.context().aaa()));
      return Outcome.STAY;
    }, "aaa", "Show AAA values", "servers", "All AAA servers as seen by the AAA Server MIB");
    m.add("show radius statistics", (s, a) -> {
      s.print(ShowAaa.statistics(s.config(), s.context().aaa()));
      return Outcome.STAY;
    }, "radius", "Shows radius information", "statistics", "RADIUS statistics");
    m.add("test aaa group WORD:grp WORD:user WORD:password new-code", (s, a) -> {
      s.print(s.context().aaa().test(a.get("grp"), a.get("user"), a.get("password")));
      return Outcome.STAY;
    }, "test", "Test subsystems, memory, and interfaces", "aaa", "AAA subsystem", "group", "Use a server group", "grp", "Server group name",
        "user", "user name", "password", "password (PAP)", "new-code", "Code path for AAA");
    m.add("show crypto isakmp policy", (s, a) -> {
      s.print(ShowCrypto.isakmpPolicies(s.config()));
      return Outcome.STAY;
    }, "isakmp", "Show ISAKMP", "policy", "Show ISAKMP protection suite policy");
    m.add("show ip local pool [WORD:name]", (s, a) -> {
      String out = ShowPool.pools(s.config(), a.opt("name").orElse(null),
          (p, r) -> s.context().vpdn().poolInUse(r.start().bits(), r.end().bits()));
      if (out.startsWith("%")) {
        throw new io.jlns.config.grammar.CommandException(out.substring(2).strip());
      }
      s.print(out);
      return Outcome.STAY;
    }, "local", "IP local options", "pool", "IP local address pool statistics");
    m.add("show vpdn", (s, a) -> {
      s.print(ShowVpdn.summary(s.context().vpdn(), dialinGroup(s)));
      return Outcome.STAY;
    }, "vpdn", "VPDN information");
    m.add("show vpdn tunnel [all]", (s, a) -> {
      var ts = s.context().vpdn().tunnels();
      s.print(ShowVpdn.tunnels(a.has("all") ? ts : ShowVpdn.live(ts), dialinGroup(s)));
      return Outcome.STAY;
    }, "tunnel", "VPDN tunnel information", "all", "All tunnels");
    m.add("show vpdn session [all]", (s, a) -> {
      var ss = s.context().vpdn().sessions();
      s.print(a.has("all") ? ShowVpdn.sessionsAll(ss) : ShowVpdn.sessions(ss));
      return Outcome.STAY;
    }, "session", "VPDN session information", "all", "All sessions, with their counters");
    m.add("show users", (s, a) -> {
      s.print(ShowVpdn.users(s.context().vpdn().sessions()));
      return Outcome.STAY;
    }, "users", "Display information about terminal lines and PPP users");
    m.add("clear vpdn tunnel l2tp <1-65535>:id", (s, a) -> {
      if (!s.context().vpdn().clearTunnel(a.integer("id"))) {
        throw new io.jlns.config.grammar.CommandException("No L2TP tunnel " + a.get("id"));
      }
      return Outcome.STAY;
    }, "clear", "Reset functions", "vpdn", "Clear VPDN", "tunnel", "Clear a tunnel", "l2tp", "L2TP tunnel",
        "id", "Local tunnel id (show vpdn tunnel)");
    m.add("clear interface WORD:type [WORD:number]", (s, a) -> {
      String name = io.jlns.config.InterfaceNames.normalize(a.get("type"), a.opt("number").orElse(null)).orElse(a.get("type"));
      if (!s.context().vpdn().clearInterface(name)) {
        throw new io.jlns.config.grammar.CommandException("No active interface " + name);
      }
      return Outcome.STAY;
    }, "interface", "Clear the hardware state of an interface", "type", "Interface (Virtual-Access N)");
    m.add("clear line (vty <0-15>:n|<0-1000>:abs)", (s, a) -> {
      int n = a.has("n") ? a.integer("n") : a.integer("abs");
      if (!Terminals.clear("vty", n)) {
        throw new io.jlns.config.grammar.CommandException("No session on line vty " + n);
      }
      s.print("[confirm] [OK]");
      return Outcome.STAY;
    }, "line", "Reset a terminal line", "vty", "Virtual terminal", "n", "Line number", "abs", "Line number (vty)");
    m.add("(write memory|copy running-config startup-config)", (s, a) -> {
      s.save();
      return Outcome.STAY;
    }, "write", "Write running configuration to memory, network, or terminal", "memory",
        "Write to NV memory (the startup configuration file)", "copy", "Copy from one file to another",
        "running-config", "Copy from current system configuration", "startup-config", "Copy to startup configuration");
    m.add("write terminal", (s, a) -> {
      s.print(ConfigPrinter.masked(s.config()));
      return Outcome.STAY;
    }, "terminal", "Write to terminal");
  }
}
