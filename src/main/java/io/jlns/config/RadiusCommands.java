package io.jlns.config;

import static io.jlns.config.ConfigEdit.fail;

import io.jlns.config.Aaa.RadiusServer;
import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * RADIUS and the AAA method lists, in IOS syntax: {@code aaa authentication ppp}, {@code aaa
 * authorization network}, {@code aaa accounting network}, {@code aaa group server radius},
 * {@code radius server}, the legacy {@code radius-server} lines, {@code ip radius
 * source-interface} and {@code aaa server radius dynamic-author}.
 */
final class RadiusCommands {
  private RadiusCommands() {}

  private static final String KEY = "[<0-7>:type] LINE:pw";

  static void install(ConfigGrammar g) {
    Mode<ConfigEdit> m = g.global;
    m.add("aaa authentication ppp WORD:list LINE:methods", (c, a) -> {
      c.draft().pppLists.put(a.get("list"), methods(a.get("methods")));
      return Outcome.STAY;
    }, "authentication", "Authentication configurations parameters.", "ppp", "Set authentication lists for ppp.",
        "list", "'default' or a named list (used by 'ppp authentication ... LIST')",
        "methods", "local | group radius | group NAME | none, in order");
    m.add("no aaa authentication ppp WORD:list [LINE]", (c, a) -> {
      if (c.draft().pppLists.remove(a.get("list")) == null && !a.get("list").equals("default")) {
        throw fail("Authentication list " + a.get("list") + " not found");
      }
      return Outcome.STAY;
    });
    m.add("aaa authorization network default LINE:methods", (c, a) -> {
      c.draft().authorizationNetwork = methods(a.get("methods"));
      return Outcome.STAY;
    }, "authorization", "Authorization configurations parameters.", "network", "For network services. (PPP)",
        "default", "The default authorization list.", "methods", "group radius | group NAME | local | none, in order");
    m.add("no aaa authorization network default [LINE]", (c, a) -> {
      c.draft().authorizationNetwork = List.of();
      return Outcome.STAY;
    });
    m.add("aaa accounting network default start-stop LINE:methods", (c, a) -> {
      List<String> ms = methods(a.get("methods"));
      if (ms.stream().anyMatch(x -> !x.startsWith("group "))) {
        throw fail("Accounting goes to server groups only ('group radius' or 'group NAME')");
      }
      c.draft().accountingNetwork = ms;
      return Outcome.STAY;
    }, "accounting", "Accounting configurations parameters.", "network", "For network services. (PPP)",
        "default", "The default accounting list.", "start-stop", "Record start and stop without waiting",
        "methods", "group radius | group NAME");
    m.add("no aaa accounting network default [LINE]", (c, a) -> {
      c.draft().accountingNetwork = List.of();
      return Outcome.STAY;
    });
    m.add("aaa accounting update periodic <1-71582>:m", (c, a) -> {
      c.draft().accountingUpdateMinutes = a.integer("m");
      return Outcome.STAY;
    }, "update", "Enable accounting update records", "periodic", "Periodic intervals to send accounting update records",
        "m", "Periodic interval in minutes");
    m.add("no aaa accounting update [LINE]", (c, a) -> {
      c.draft().accountingUpdateMinutes = 0;
      return Outcome.STAY;
    });
    groups(g, m);
    servers(g, m);
    legacy(m);
    dynamicAuthor(g, m);
  }

  private static void groups(ConfigGrammar g, Mode<ConfigEdit> m) {
    m.add("aaa group server radius WORD:name", (c, a) -> {
      String name = a.get("name");
      if (name.equals("radius")) {
        throw fail("'radius' names the group of every server; choose another name");
      }
      c.draft().radiusGroups.putIfAbsent(name, List.of());
      return Outcome.enter(g.radiusGroup, name);
    }, "group", "AAA group definition", "server", "AAA Server group definition", "radius", "Radius server-group definition",
        "name", "Server group name");
    m.add("no aaa group server radius WORD:name", (c, a) -> {
      if (c.draft().radiusGroups.remove(a.get("name")) == null) {
        throw fail("Server group " + a.get("name") + " not found");
      }
      return Outcome.STAY;
    });
    Mode<ConfigEdit> sg = g.radiusGroup;
    sg.add("server name WORD:s", (c, a) -> {
      editGroup(c, l -> {
        List<String> n = new ArrayList<>(l);
        n.remove(a.get("s"));
        n.add(a.get("s"));
        return n;
      });
      return Outcome.STAY;
    }, "server", "Specify a RADIUS server", "name", "Name of radius server", "s", "RADIUS server name");
    sg.add("no server name WORD:s", (c, a) -> {
      editGroup(c, l -> l.stream().filter(x -> !x.equals(a.get("s"))).toList());
      return Outcome.STAY;
    });
  }

  private static void servers(ConfigGrammar g, Mode<ConfigEdit> m) {
    m.add("radius server WORD:name", (c, a) -> {
      RadiusServer old = c.draft().radiusServers.get(a.get("name"));
      if (old != null && old.legacy()) {
        throw fail("" + a.get("name") + " is a 'radius-server host'; choose another name");
      }
      c.draft().radiusServers.putIfAbsent(a.get("name"), RadiusServer.named(a.get("name")));
      return Outcome.enter(g.radiusServer, a.get("name"));
    }, "radius", "RADIUS server configuration", "server", "Server configuration", "name", "Name for the radius server");
    m.add("no radius server WORD:name", (c, a) -> {
      RadiusServer old = c.draft().radiusServers.get(a.get("name"));
      if (old == null || old.legacy()) {
        throw fail("radius server " + a.get("name") + " not found");
      }
      c.draft().radiusServers.remove(a.get("name"));
      return Outcome.STAY;
    });
    Mode<ConfigEdit> s = g.radiusServer;
    s.add("address ipv4 A.B.C.D:a [auth-port <0-65535>:ap] [acct-port <0-65535>:cp]", (c, a) -> {
      Ipv4Address addr = Ipv4Address.of(a.get("a"));
      int ap = a.has("ap") ? a.integer("ap") : RadiusServer.DEFAULT_AUTH_PORT;
      int cp = a.has("cp") ? a.integer("cp") : RadiusServer.DEFAULT_ACCT_PORT;
      editServer(c, x -> x.withAddress(addr, ap, cp));
      return Outcome.STAY;
    }, "address", "Specify the radius server address", "ipv4", "IPv4 address", "a", "IPv4 address of the RADIUS server",
        "auth-port", "UDP port for RADIUS authentication server (default is 1645)", "ap", "Port number",
        "acct-port", "UDP port for RADIUS accounting server (default is 1646)", "cp", "Port number");
    s.add("no address ipv4 [LINE]", (c, a) -> {
      editServer(c, x -> x.withAddress(null, RadiusServer.DEFAULT_AUTH_PORT, RadiusServer.DEFAULT_ACCT_PORT));
      return Outcome.STAY;
    });
    s.add("key " + KEY, (c, a) -> {
      Secret k = GlobalCommands.reversible(a);
      editServer(c, x -> x.withKey(k));
      return Outcome.STAY;
    }, "key", "Per-server encryption key", "type", "0 clear text, 7 Cisco-encoded", "pw", "The shared secret");
    s.add("no key [LINE]", (c, a) -> {
      editServer(c, x -> x.withKey(null));
      return Outcome.STAY;
    });
    s.add("timeout <1-1000>:t", (c, a) -> {
      editServer(c, x -> x.withTimeout(a.integer("t")));
      return Outcome.STAY;
    }, "timeout", "Time to wait for a RADIUS server to reply", "t", "Wait time in seconds (default 5)");
    s.add("no timeout [LINE]", (c, a) -> {
      editServer(c, x -> x.withTimeout(0));
      return Outcome.STAY;
    });
    s.add("retransmit <0-100>:r", (c, a) -> {
      editServer(c, x -> x.withRetransmit(a.integer("r")));
      return Outcome.STAY;
    }, "retransmit", "Number of retries to active server (overrides default)", "r", "Number of retries (default 3)");
    s.add("no retransmit [LINE]", (c, a) -> {
      editServer(c, x -> x.withRetransmit(-1));
      return Outcome.STAY;
    });
  }

  private static void legacy(Mode<ConfigEdit> m) {
    m.add("radius-server host A.B.C.D:a [auth-port <0-65535>:ap] [acct-port <0-65535>:cp] [timeout <1-1000>:t]"
        + " [retransmit <0-100>:r] [key " + KEY + "]", (c, a) -> {
          String name = a.get("a");
          RadiusServer old = c.draft().radiusServers.get(name);
          if (old != null && !old.legacy()) {
            throw fail("radius server " + name + " exists: a 'radius-server host' is named by its address");
          }
          Secret k = a.has("pw") ? GlobalCommands.reversible(a) : null;
          c.draft().radiusServers.put(name, new RadiusServer(name, Ipv4Address.of(name),
              a.has("ap") ? a.integer("ap") : RadiusServer.DEFAULT_AUTH_PORT,
              a.has("cp") ? a.integer("cp") : RadiusServer.DEFAULT_ACCT_PORT, k, a.has("t") ? a.integer("t") : 0,
              a.has("r") ? a.integer("r") : -1, true));
          return Outcome.STAY;
        }, "radius-server", "Modify RADIUS query parameters", "host", "Specify a RADIUS server",
        "a", "IP address of RADIUS server", "auth-port", "UDP port for RADIUS authentication server (default is 1645)",
        "acct-port", "UDP port for RADIUS accounting server (default is 1646)", "ap", "Port number", "cp", "Port number",
        "timeout", "Time to wait for this RADIUS server to reply (overrides default)", "t", "Timeout value in seconds",
        "retransmit", "Specify the number of retries to active server (overrides default)", "r", "Number of retries",
        "key", "per-server encryption key (overrides default)", "type", "0 clear text, 7 Cisco-encoded",
        "pw", "The shared secret");
    m.add("no radius-server host A.B.C.D:a [LINE]", (c, a) -> {
      RadiusServer old = c.draft().radiusServers.get(a.get("a"));
      if (old == null || !old.legacy()) {
        throw fail("radius-server host " + a.get("a") + " not found");
      }
      c.draft().radiusServers.remove(a.get("a"));
      return Outcome.STAY;
    });
    m.add("radius-server timeout <1-1000>:t", (c, a) -> globals(c, x -> x.withTimeout(a.integer("t"))),
        "timeout", "Time to wait for a RADIUS server to reply", "t", "Wait time in seconds (default 5)");
    m.add("no radius-server timeout [LINE]", (c, a) -> globals(c, x -> x.withTimeout(Aaa.RadiusGlobals.DEFAULT_TIMEOUT)));
    m.add("radius-server retransmit <0-100>:r", (c, a) -> globals(c, x -> x.withRetransmit(a.integer("r"))),
        "retransmit", "Specify the number of retries to active server", "r", "Number of retries (default 3)");
    m.add("no radius-server retransmit [LINE]",
        (c, a) -> globals(c, x -> x.withRetransmit(Aaa.RadiusGlobals.DEFAULT_RETRANSMIT)));
    m.add("radius-server deadtime <0-1440>:d", (c, a) -> globals(c, x -> x.withDeadtime(a.integer("d"))),
        "deadtime", "Time to stop using a server that does not respond", "d", "Length of deadtime in minutes (0: never)");
    m.add("no radius-server deadtime [LINE]", (c, a) -> globals(c, x -> x.withDeadtime(0)));
    m.add("radius-server dead-criteria [time <1-120>:t] [tries <1-100>:n]", (c, a) -> globals(c,
        x -> x.withDeadCriteria(a.has("t") ? a.integer("t") : 0, a.has("n") ? a.integer("n") : 0)),
        "dead-criteria", "Set the criteria used to decide when a radius server is marked dead",
        "time", "The time during which no properly formed response must be received from the RADIUS server",
        "t", "Time in seconds", "tries", "The number of times the router must fail to get a response", "n", "Number of tries");
    m.add("no radius-server dead-criteria [LINE]", (c, a) -> globals(c, x -> x.withDeadCriteria(0, 0)));
    m.add("radius-server key " + KEY, (c, a) -> {
      Secret k = GlobalCommands.reversible(a);
      return globals(c, x -> x.withKey(k));
    }, "key", "Encryption key shared with the radius servers", "type", "0 clear text, 7 Cisco-encoded", "pw", "The key");
    m.add("no radius-server key [LINE]", (c, a) -> globals(c, x -> x.withKey(null)));
    m.add("ip radius source-interface WORD:ifname", (c, a) -> globals(c, x -> x.withSourceInterface(a.get("ifname"))),
        "radius", "RADIUS configuration commands", "source-interface", "Specify interface for source address in RADIUS packets",
        "ifname", "Interface name");
    m.add("no ip radius source-interface [LINE]", (c, a) -> globals(c, x -> x.withSourceInterface(null)));
  }

  private static void dynamicAuthor(ConfigGrammar g, Mode<ConfigEdit> m) {
    m.add("aaa server radius dynamic-author", (c, a) -> {
      Aaa.DynamicAuthor d = c.draft().dynamicAuthor;
      c.draft().dynamicAuthor = new Aaa.DynamicAuthor(true, d.clients(), d.port());
      return Outcome.enter(g.dynamicAuthor, "dynamic-author");
    }, "server", "Local AAA server", "radius", "RADIUS server", "dynamic-author",
        "Accept Disconnect and CoA requests from RADIUS clients (RFC 5176)");
    m.add("no aaa server radius dynamic-author", (c, a) -> {
      c.draft().dynamicAuthor = Aaa.DynamicAuthor.NONE;
      return Outcome.STAY;
    });
    Mode<ConfigEdit> d = g.dynamicAuthor;
    d.add("client A.B.C.D:a server-key " + KEY, (c, a) -> {
      Secret k = GlobalCommands.reversible(a);
      Map<Ipv4Address, Secret> cl = new LinkedHashMap<>(c.draft().dynamicAuthor.clients());
      cl.put(Ipv4Address.of(a.get("a")), k);
      c.draft().dynamicAuthor = new Aaa.DynamicAuthor(true, cl, c.draft().dynamicAuthor.port());
      return Outcome.STAY;
    }, "client", "Specify a RADIUS client", "a", "IP address of the RADIUS client", "server-key",
        "Key shared with this client", "type", "0 clear text, 7 Cisco-encoded", "pw", "The key");
    d.add("no client A.B.C.D:a [LINE]", (c, a) -> {
      Map<Ipv4Address, Secret> cl = new LinkedHashMap<>(c.draft().dynamicAuthor.clients());
      if (cl.remove(Ipv4Address.of(a.get("a"))) == null) {
        throw fail("client " + a.get("a") + " not found");
      }
      c.draft().dynamicAuthor = new Aaa.DynamicAuthor(true, cl, c.draft().dynamicAuthor.port());
      return Outcome.STAY;
    });
    d.add("port <1-65535>:p", (c, a) -> {
      c.draft().dynamicAuthor = new Aaa.DynamicAuthor(true, c.draft().dynamicAuthor.clients(), a.integer("p"));
      return Outcome.STAY;
    }, "port", "Port to listen on (default 1700; RFC 5176's is 3799)", "p", "UDP port");
    d.add("no port [LINE]", (c, a) -> {
      c.draft().dynamicAuthor = new Aaa.DynamicAuthor(true, c.draft().dynamicAuthor.clients(),
          Aaa.DynamicAuthor.DEFAULT_PORT);
      return Outcome.STAY;
    });
  }

  /** A method list: {@code local}, {@code none}, {@code if-needed}, {@code local-case}, {@code group NAME}. */
  static List<String> methods(String text) throws CommandException {
    List<String> out = new ArrayList<>();
    String[] w = text.strip().split("\\s+");
    for (int i = 0; i < w.length; i++) {
      String x = w[i].toLowerCase(Locale.ROOT);
      switch (x) {
        case "local", "none", "if-needed", "local-case" -> out.add(x);
        case "group" -> {
          if (i + 1 >= w.length) {
            throw fail("'group' needs a server group name (radius, or an 'aaa group server radius' name)");
          }
          out.add("group " + w[++i]);
        }
        default -> throw fail("Unknown method '" + w[i] + "' (local, group radius, group NAME, none)");
      }
    }
    if (out.contains("none") && out.indexOf("none") != out.size() - 1) {
      throw fail("'none' must be the last method");
    }
    return List.copyOf(out);
  }

  private static Outcome globals(ConfigEdit c, UnaryOperator<Aaa.RadiusGlobals> f) {
    c.draft().radiusGlobals = f.apply(c.draft().radiusGlobals);
    return Outcome.STAY;
  }

  private static void editGroup(ConfigEdit c, UnaryOperator<List<String>> f) throws CommandException {
    String name = c.key();
    List<String> old = c.draft().radiusGroups.get(name);
    if (old == null) {
      throw fail("Server group " + name + " no longer exists");
    }
    c.draft().radiusGroups.put(name, List.copyOf(f.apply(old)));
  }

  private static void editServer(ConfigEdit c, UnaryOperator<RadiusServer> f) throws CommandException {
    String name = c.key();
    RadiusServer old = c.draft().radiusServers.get(name);
    if (old == null) {
      throw fail("radius server " + name + " no longer exists");
    }
    c.draft().radiusServers.put(name, f.apply(old));
  }

  /** The AAA lines of the running configuration that come after {@code aaa new-model}, in IOS's order. */
  static void printHead(Aaa aaa, java.util.function.Consumer<String> line, java.util.function.Function<Secret, String> key) {
    aaa.groups().forEach((name, servers) -> {
      line.accept("aaa group server radius " + name);
      servers.forEach(s -> line.accept(" server name " + s));
      line.accept("!");
    });
    aaa.pppLists().forEach((name, ms) -> line.accept("aaa authentication ppp " + name + " " + String.join(" ", ms)));
    if (!aaa.authorizationNetwork().isEmpty()) {
      line.accept("aaa authorization network default " + String.join(" ", aaa.authorizationNetwork()));
    }
    if (aaa.accountingUpdateMinutes() > 0) {
      line.accept("aaa accounting update periodic " + aaa.accountingUpdateMinutes());
    }
    if (!aaa.accountingNetwork().isEmpty()) {
      line.accept("aaa accounting network default start-stop " + String.join(" ", aaa.accountingNetwork()));
    }
    Aaa.DynamicAuthor d = aaa.dynamicAuthor();
    if (d.enabled()) {
      line.accept("!");
      line.accept("aaa server radius dynamic-author");
      d.clients().forEach((a, k) -> line.accept(" client " + a + " server-key " + key.apply(k)));
      if (d.port() != Aaa.DynamicAuthor.DEFAULT_PORT) {
        line.accept(" port " + d.port());
      }
      line.accept("!");
    }
  }

  /** The RADIUS server lines, printed near the end of the configuration as IOS does. */
  static void printServers(Aaa aaa, java.util.function.Consumer<String> line, java.util.function.Function<Secret, String> key) {
    Aaa.RadiusGlobals gl = aaa.globals();
    if (gl.sourceInterface() != null) {
      line.accept("ip radius source-interface " + gl.sourceInterface());
    }
    for (RadiusServer s : aaa.servers().values()) {
      if (s.legacy()) {
        line.accept("radius-server host " + s.address() + " auth-port " + s.authPort() + " acct-port " + s.acctPort()
            + (s.timeout() > 0 ? " timeout " + s.timeout() : "") + (s.retransmit() >= 0 ? " retransmit " + s.retransmit() : "")
            + (s.key() != null ? " key " + key.apply(s.key()) : ""));
      }
    }
    if (gl.deadCriteriaTime() > 0 || gl.deadCriteriaTries() > 0) {
      line.accept("radius-server dead-criteria" + (gl.deadCriteriaTime() > 0 ? " time " + gl.deadCriteriaTime() : "")
          + (gl.deadCriteriaTries() > 0 ? " tries " + gl.deadCriteriaTries() : ""));
    }
    if (gl.timeout() != Aaa.RadiusGlobals.DEFAULT_TIMEOUT) {
      line.accept("radius-server timeout " + gl.timeout());
    }
    if (gl.retransmit() != Aaa.RadiusGlobals.DEFAULT_RETRANSMIT) {
      line.accept("radius-server retransmit " + gl.retransmit());
    }
    if (gl.deadtimeMinutes() > 0) {
      line.accept("radius-server deadtime " + gl.deadtimeMinutes());
    }
    if (gl.key() != null) {
      line.accept("radius-server key " + key.apply(gl.key()));
    }
    line.accept("!");
    for (RadiusServer s : aaa.servers().values()) {
      if (!s.legacy()) {
        line.accept("radius server " + s.name());
        if (s.address() != null) {
          line.accept(" address ipv4 " + s.address() + " auth-port " + s.authPort() + " acct-port " + s.acctPort());
        }
        if (s.timeout() > 0) {
          line.accept(" timeout " + s.timeout());
        }
        if (s.retransmit() >= 0) {
          line.accept(" retransmit " + s.retransmit());
        }
        if (s.key() != null) {
          line.accept(" key " + key.apply(s.key()));
        }
        line.accept("!");
      }
    }
  }
}
