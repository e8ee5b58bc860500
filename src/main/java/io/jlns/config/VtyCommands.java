package io.jlns.config;

import static io.jlns.config.ConfigEdit.fail;

import io.jlns.config.Management.AccessList;
import io.jlns.config.Management.Vty;
import io.jlns.config.grammar.Args;
import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Mode;
import io.jlns.config.grammar.Syntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Management access in IOS syntax: {@code line vty}, {@code ip ssh}, {@code login block-for},
 * {@code access-list N permit|deny} and {@code ip access-list standard NAME} (see {@link Management}).
 * Extended access lists and other line types stay inert commands.
 */
final class VtyCommands {
  private VtyCommands() {}

  /** Line sub-commands IOS has that jlns keeps verbatim without acting on them. */
  private static final String LINE_INERT = "(stopbits|password|session-timeout|history|length|width"
      + "|escape-character|location|absolute-timeout|autocommand|motd-banner|exec-banner|speed|flowcontrol|exec"
      + "|accounting|authorization|vacant-message|databits|parity|rotary|terminal-type|notify|timeout"
      + "|logging synchronous|ipv6 access-class)";
  private static final String ADDRESS = "(any|host A.B.C.D:hostaddr|A.B.C.D:addr [A.B.C.D:wild])";

  static void install(ConfigGrammar g) {
    Mode<ConfigEdit> m = g.global;
    Mode<ConfigEdit> v = g.vty;
    m.add("line vty <0-15>:first [<0-15>:last]", (c, a) -> {
      int first = a.integer("first");
      int last = a.has("last") ? a.integer("last") : first;
      if (last < first) {
        throw fail("Invalid line range " + first + " " + last);
      }
      Vty vty = Vty.of(first, last);
      Map<String, Vty> vtys = new LinkedHashMap<>(c.draft().management.vtys());
      for (Vty o : vtys.values()) {
        if (o.first() <= last && first <= o.last() && !o.range().equals(vty.range())) {
          throw fail("Lines " + vty.range() + " overlap 'line vty " + o.range() + "'");
        }
      }
      vtys.putIfAbsent(vty.range(), vty);
      c.draft().management = c.draft().management.withVtys(vtys);
      return Outcome.enter(v, vty.range());
    }, "line", "Configure a terminal line", "vty", "Virtual terminal (SSH)", "first", "First line number",
        "last", "Last line number");
    m.add("no line vty <0-15>:first [<0-15>:last]", (c, a) -> {
      String range = a.get("first") + (a.has("last") && !a.get("last").equals(a.get("first")) ? " " + a.get("last") : "");
      Map<String, Vty> vtys = new LinkedHashMap<>(c.draft().management.vtys());
      vtys.remove(range);
      c.draft().management = c.draft().management.withVtys(vtys);
      return Outcome.STAY;
    });
    v.add("login local", (c, a) -> vty(c, x -> x.with(true, x.transports(), x.execTimeoutSeconds(), x.accessClass(),
        x.privilege(), x.extra())), "login", "Enable password checking", "local", "Local password checking (username ...)");
    v.add("(login|no login) [LINE]", (c, a) -> vty(c, x -> x.with(false, x.transports(), x.execTimeoutSeconds(),
        x.accessClass(), x.privilege(), x.extra())));
    v.add("transport input (ssh|telnet|all|none) [(ssh|telnet)]", (c, a) -> {
      Set<String> t = new LinkedHashSet<>();
      for (String k : List.of("ssh", "telnet", "all")) {
        if (a.has(k)) {
          t.add(k);
        }
      }
      return vty(c, x -> x.with(x.loginLocal(), t, x.execTimeoutSeconds(), x.accessClass(), x.privilege(), x.extra()));
    }, "transport", "Define transport protocols for line", "input", "Define which protocols to use when connecting to the"
        + " terminal server", "ssh", "TCP/IP SSH protocol", "telnet", "TCP/IP Telnet protocol (not served by jlns)",
        "all", "All protocols", "none", "No protocols");
    v.add("no transport input [LINE]", (c, a) -> vty(c, x -> x.with(x.loginLocal(), Set.of(), x.execTimeoutSeconds(),
        x.accessClass(), x.privilege(), x.extra())));
    v.add("exec-timeout <0-35791>:min [<0-2147483>:sec]", (c, a) -> {
      int s = a.integer("min") * 60 + (a.has("sec") ? a.integer("sec") : 0);
      return vty(c, x -> x.with(x.loginLocal(), x.transports(), s, x.accessClass(), x.privilege(), x.extra()));
    }, "exec-timeout", "Set the EXEC timeout", "min", "Timeout in minutes", "sec", "Timeout in seconds");
    v.add("no exec-timeout [LINE]", (c, a) -> vty(c, x -> x.with(x.loginLocal(), x.transports(), Vty.DEFAULT_EXEC_TIMEOUT,
        x.accessClass(), x.privilege(), x.extra())));
    v.add("access-class WORD:acl in", (c, a) -> vty(c, x -> x.with(x.loginLocal(), x.transports(), x.execTimeoutSeconds(),
        a.get("acl"), x.privilege(), x.extra())), "access-class", "Filter connections based on an IP access list",
        "acl", "IP access list (number or name)", "in", "Filter incoming connections");
    v.add("no access-class [LINE]", (c, a) -> vty(c, x -> x.with(x.loginLocal(), x.transports(), x.execTimeoutSeconds(),
        null, x.privilege(), x.extra())));
    v.add("privilege level <0-15>:lvl", (c, a) -> vty(c, x -> x.with(x.loginLocal(), x.transports(), x.execTimeoutSeconds(),
        x.accessClass(), a.integer("lvl"), x.extra())), "privilege", "Change privilege level for line", "level",
        "Assign default privilege level for line");
    v.add("no privilege level [LINE]", (c, a) -> vty(c, x -> x.with(x.loginLocal(), x.transports(),
        x.execTimeoutSeconds(), x.accessClass(), 1, x.extra())));
    v.add(Syntax.exact("[no] " + LINE_INERT + " [LINE]"), (c, a) -> {
      c.inert("line setting kept, not acted on by jlns");
      String l = c.line().strip();
      return vty(c, x -> {
        List<String> extra = new ArrayList<>(x.extra());
        extra.add(l);
        return x.with(x.loginLocal(), x.transports(), x.execTimeoutSeconds(), x.accessClass(), x.privilege(), extra);
      });
    });
    v.add("exit", (c, a) -> Outcome.EXIT, "exit", "Exit from line configuration mode");
    ssh(m);
    accessLists(g, m);
  }

  private static void ssh(Mode<ConfigEdit> m) {
    m.add("ip ssh version (1|2):v", (c, a) -> ssh(c, s -> s.withVersion(Integer.parseInt(a.get("v")))),
        "ssh", "Configure ssh options", "version", "Specify protocol version supported", "v", "Protocol version (jlns: 2 only)");
    m.add("no ip ssh version [LINE]", (c, a) -> ssh(c, s -> s.withVersion(0)));
    m.add("ip ssh time-out <1-120>:s", (c, a) -> ssh(c, s -> s.withTimeout(a.integer("s"))), "time-out",
        "Specify SSH time-out interval", "s", "SSH time-out interval (secs)");
    m.add("no ip ssh time-out [LINE]", (c, a) -> ssh(c, s -> s.withTimeout(Management.Ssh.DEFAULTS.timeoutSeconds())));
    m.add("ip ssh authentication-retries <0-5>:n", (c, a) -> ssh(c, s -> s.withRetries(a.integer("n"))),
        "authentication-retries", "Specify number of authentication retries", "n", "Number of authentication retries");
    m.add("no ip ssh authentication-retries [LINE]", (c, a) -> ssh(c, s -> s.withRetries(Management.Ssh.DEFAULTS.retries())));
    m.add("ip ssh server port <1-65535>:p", (c, a) -> ssh(c, s -> s.withPort(a.integer("p"))), "server",
        "SSH server (jlns)", "port", "TCP port SSH listens on (jlns extension; IOS: 22)", "p", "Port");
    m.add("no ip ssh server port [LINE]", (c, a) -> ssh(c, s -> s.withPort(22)));
    m.add("login block-for <1-65535>:s attempts <1-65535>:n within <1-65535>:w", (c, a) -> {
      c.draft().management = c.draft().management.withLoginBlock(new Management.LoginBlock(a.integer("s"), a.integer("n"),
          a.integer("w")));
      return Outcome.STAY;
    }, "login", "Enable secure login checking", "block-for", "Set quiet-mode active time period", "s",
        "Quiet-mode active time period (seconds)", "attempts", "Set max number of failed attempts", "n",
        "Number of failed login attempts", "within", "Watch period for failed login attempts", "w", "Watch period (seconds)");
    m.add("metrics prometheus [address A.B.C.D:addr] port <0-65535>:tcpport", (c, a) -> {
      c.draft().management = c.draft().management.withMetrics(new Management.Metrics(
          a.has("addr") ? Ipv4Address.of(a.get("addr")) : null, a.integer("tcpport")));
      return Outcome.STAY;
    }, "metrics", "Metrics for monitoring systems (jlns extension)", "prometheus",
        "Prometheus text exposition over HTTP at /metrics", "address", "Listen on this address only (default: all)",
        "port", "TCP port", "tcpport", "Port (Prometheus exporters commonly use 9100-9999; 0: any free port, logged)");
    m.add("no metrics prometheus [LINE]", (c, a) -> {
      c.draft().management = c.draft().management.withMetrics(null);
      return Outcome.STAY;
    });
    m.add("no login block-for [LINE]", (c, a) -> {
      c.draft().management = c.draft().management.withLoginBlock(null);
      return Outcome.STAY;
    });
  }

  private static void accessLists(ConfigGrammar g, Mode<ConfigEdit> m) {
    Mode<ConfigEdit> std = g.standardAcl;
    m.add("access-list (<1-99>:n|<1300-1999>:n) (permit|deny) " + ADDRESS, (c, a) -> add(c, a.get("n"), entry(a)),
        "access-list", "Add an access list entry", "n", "IP standard access list", "permit", "Specify packets to forward",
        "deny", "Specify packets to reject", "any", "Any source host", "host", "A single host address",
        "addr", "Address to match", "wild", "Wildcard bits");
    m.add("access-list (<1-99>:n|<1300-1999>:n) remark LINE:text", (c, a) -> add(c, a.get("n"),
        new AccessList.Entry(true, Ipv4Address.ANY, Ipv4Address.ANY, a.get("text"))));
    m.add("no access-list (<1-99>:n|<1300-1999>:n) [LINE]", (c, a) -> removeList(c, a.get("n")));
    // A standard list's number with an entry that does not parse is an error, not an inert line: an
    // access-class naming a list that silently lost an entry would refuse (or let in) the wrong hosts.
    for (String bad : List.of("", "(permit|deny) ", "(permit|deny) (any|host) ")) {
      m.add("access-list (<1-99>:n|<1300-1999>:n) " + bad + "LINE:rest", (c, a) -> {
        throw new CommandException("Invalid standard access list entry '" + c.line().strip().replaceFirst("^access-list \\S+ ", "")
            + "': permit|deny, then any, host A.B.C.D, or A.B.C.D [WILDCARD] (IPv4 addresses)");
      });
    }
    m.add("ip access-list standard WORD:name", (c, a) -> {
      String name = a.get("name");
      Map<String, AccessList> acls = new LinkedHashMap<>(c.draft().management.accessLists());
      acls.putIfAbsent(name, new AccessList(name, List.of()));
      c.draft().management = c.draft().management.withAccessLists(acls);
      return Outcome.enter(std, name);
    }, "standard", "Standard Access List", "name", "Access-list name or number");
    m.add("no ip access-list standard WORD:name", (c, a) -> removeList(c, a.get("name")));
    std.add("[<1-2147483647>] (permit|deny) " + ADDRESS, (c, a) -> add(c, c.key(), entry(a)));
    std.add("remark LINE:text", (c, a) -> add(c, c.key(), new AccessList.Entry(true, Ipv4Address.ANY, Ipv4Address.ANY,
        a.get("text"))));
    std.add("exit", (c, a) -> Outcome.EXIT, "exit", "Exit from access-list configuration mode");
  }

  private static AccessList.Entry entry(Args a) throws CommandException {
    boolean permit = a.has("permit");
    if (a.has("any")) {
      return new AccessList.Entry(permit, Ipv4Address.ANY, new Ipv4Address(-1), null);
    }
    if (a.has("hostaddr")) {
      return new AccessList.Entry(permit, Ipv4Address.of(a.get("hostaddr")), Ipv4Address.ANY, null);
    }
    Ipv4Address wild = a.has("wild") ? Ipv4Address.of(a.get("wild")) : Ipv4Address.ANY;
    // IOS keeps the address with the wildcard's bits cleared.
    return new AccessList.Entry(permit, new Ipv4Address(Ipv4Address.of(a.get("addr")).bits() & ~wild.bits()), wild, null);
  }

  private static Outcome add(ConfigEdit c, String name, AccessList.Entry e) {
    Map<String, AccessList> acls = new LinkedHashMap<>(c.draft().management.accessLists());
    AccessList old = acls.getOrDefault(name, new AccessList(name, List.of()));
    List<AccessList.Entry> es = new ArrayList<>(old.entries());
    es.add(e);
    acls.put(name, new AccessList(name, es));
    c.draft().management = c.draft().management.withAccessLists(acls);
    return Outcome.STAY;
  }

  private static Outcome removeList(ConfigEdit c, String name) {
    Map<String, AccessList> acls = new LinkedHashMap<>(c.draft().management.accessLists());
    acls.remove(name);
    c.draft().management = c.draft().management.withAccessLists(acls);
    return Outcome.STAY;
  }

  private static Outcome vty(ConfigEdit c, UnaryOperator<Vty> f) throws CommandException {
    String range = c.key();
    Vty v = c.draft().management.vtys().get(range);
    if (v == null) {
      throw fail("line vty " + range + " no longer exists");
    }
    Map<String, Vty> vtys = new LinkedHashMap<>(c.draft().management.vtys());
    vtys.put(range, f.apply(v));
    c.draft().management = c.draft().management.withVtys(vtys);
    return Outcome.STAY;
  }

  private static Outcome ssh(ConfigEdit c, UnaryOperator<Management.Ssh> f) {
    c.draft().management = c.draft().management.withSsh(f.apply(c.draft().management.ssh()));
    return Outcome.STAY;
  }

  /** {@code ip ssh ...} and {@code login block-for}: printed with the IP commands. */
  static void printSsh(Management mg, Consumer<String> line) {
    Management.Ssh s = mg.ssh();
    if (s.version() != 0) {
      line.accept("ip ssh version " + s.version());
    }
    if (s.timeoutSeconds() != Management.Ssh.DEFAULTS.timeoutSeconds()) {
      line.accept("ip ssh time-out " + s.timeoutSeconds());
    }
    if (s.retries() != Management.Ssh.DEFAULTS.retries()) {
      line.accept("ip ssh authentication-retries " + s.retries());
    }
    if (s.port() != 22) {
      line.accept("ip ssh server port " + s.port());
    }
    if (mg.loginBlock() != null) {
      line.accept("login block-for " + mg.loginBlock().blockSeconds() + " attempts " + mg.loginBlock().attempts() + " within "
          + mg.loginBlock().withinSeconds());
    }
  }

  /** Standard access lists, after the other IP tail commands; then the metrics endpoint. */
  static void printAccessLists(Management mg, Consumer<String> line) {
    printLists(mg, line);
    if (mg.metrics() != null) {
      line.accept(mg.metrics().text());
    }
  }

  private static void printLists(Management mg, Consumer<String> line) {
    for (AccessList acl : mg.accessLists().values()) {
      if (acl.numbered()) {
        acl.entries().forEach(e -> line.accept("access-list " + acl.name() + " " + e.text().replace("deny   ", "deny ")));
      } else {
        line.accept("ip access-list standard " + acl.name());
        acl.entries().forEach(e -> line.accept(" " + e.text().replace("deny   ", "deny ")));
      }
    }
  }

  /** The vty blocks, last (after {@code line con 0}, as IOS prints them); line passwords masked unless saving. */
  static void printVtys(Management mg, Consumer<String> line, boolean secrets) {
    for (Vty v : mg.vtys().values()) {
      line.accept("line vty " + v.range());
      if (v.accessClass() != null) {
        line.accept(" access-class " + v.accessClass() + " in");
      }
      if (v.execTimeoutSeconds() != Vty.DEFAULT_EXEC_TIMEOUT) {
        line.accept(" exec-timeout " + v.execTimeoutSeconds() / 60 + " " + v.execTimeoutSeconds() % 60);
      }
      if (v.privilege() != 1) {
        line.accept(" privilege level " + v.privilege());
      }
      for (String x : v.extra()) {
        line.accept(" " + (!secrets && x.matches("password( [0-9])? .*") ? "password *****" : x));
      }
      if (v.loginLocal()) {
        line.accept(" login local");
      }
      if (!v.transports().isEmpty()) {
        line.accept(" transport input " + String.join(" ", new java.util.TreeSet<>(v.transports())));
      }
    }
  }
}
