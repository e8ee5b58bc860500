package io.jlns.cli;

import io.jlns.config.Ipv4Address;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.Mode;
import io.jlns.debug.Debug;
import io.jlns.debug.Debug.Category;
import io.jlns.log.LogHub;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Privileged EXEC commands of debugging and logging: {@code debug ...}, {@code undebug},
 * {@code debug condition}, {@code show debugging}, {@code terminal [no] monitor},
 * {@code show logging}, {@code clear logging}.
 */
final class DebugCommands {
  private DebugCommands() {}

  private static final String CATEGORY = "(crypto (isakmp|ipsec|nat)|ppp (negotiation|authentication)"
      + "|vpdn (l2x-events|l2x-errors|l2x-packets))";
  private static final String[] HELP = {"debug", "Debugging functions (see also 'undebug')", "undebug",
      "Disable debugging functions (see also 'debug')", "crypto", "Cryptographic subsystem", "isakmp",
      "Crypto ISAKMP (IKE) messages and decisions", "ipsec", "Crypto IPSEC SAs: creation, rekey, removal", "nat",
      "NAT demux: the port each client behind NAT is given", "ppp", "PPP (Point to Point Protocol) information",
      "negotiation", "Protocol parameter negotiation (LCP, IPCP)", "authentication", "CHAP/PAP/MS-CHAP authentication",
      "vpdn", "VPDN information", "l2x-events", "L2X protocol events", "l2x-errors", "L2X protocol errors",
      "l2x-packets", "L2X control packets", "all", "Disable all debugging"};

  static void install(Mode<ExecSession> m) {
    m.add("debug " + CATEGORY, (s, a) -> {
      Category c = category(a);
      Debug.set(c, true);
      s.print(c.onLine());
      return Outcome.STAY;
    }, HELP);
    m.add("(undebug|no debug) " + CATEGORY, (s, a) -> {
      Category c = category(a);
      Debug.set(c, false);
      s.print(c.offLine());
      return Outcome.STAY;
    }, HELP);
    m.add("(undebug|no debug) all", (s, a) -> {
      Debug.allOff();
      s.print("All possible debugging has been turned off");
      return Outcome.STAY;
    }, HELP);
    m.add("debug condition (peer ipv4 A.B.C.D:addr|username WORD:user)", (s, a) -> {
      InetAddress peer = a.has("addr") ? address(a.get("addr")) : null;
      int n = Debug.addCondition(peer, peer == null ? a.get("user") : null);
      s.print("Condition " + n + " set");
      return Outcome.STAY;
    }, "condition", "Condition: only the debug lines of matching clients", "peer", "IKE peer (the client's public "
        + "address)", "ipv4", "IPv4 address", "addr", "The client's public (NAT) address", "username", "PPP username",
        "user", "Username");
    m.add("no debug condition (all|<1-1000>:n)", (s, a) -> {
      int n = a.has("n") ? a.integer("n") : 0;
      if (!Debug.removeCondition(n)) {
        throw new CommandException(n == 0 ? "No conditions set" : "Condition " + n + " not found");
      }
      s.print(n == 0 ? "All conditions removed" : "Condition " + n + " has been removed");
      return Outcome.STAY;
    }, "condition", "Condition", "all", "All conditions", "n", "Condition number (show debugging)");
    m.add("show debugging", (s, a) -> {
      s.print(showDebugging());
      return Outcome.STAY;
    }, "debugging", "State of each debugging option");
    m.add("terminal monitor", (s, a) -> {
      s.monitor(true);
      return Outcome.STAY;
    }, "monitor", "Copy debug output to the current terminal line");
    m.add("(terminal no monitor|no terminal monitor)", (s, a) -> {
      s.monitor(false);
      return Outcome.STAY;
    }, "monitor", "Copy debug output to the current terminal line");
    m.add("show logging", (s, a) -> {
      s.print(ShowLogging.render(LogHub.get().status()));
      return Outcome.STAY;
    }, "logging", "Show the contents of logging buffers");
    m.add("clear logging", (s, a) -> {
      LogHub.get().clearBuffer();
      return Outcome.STAY;
    }, "clear", "Reset functions", "logging", "Clear logging buffer");
  }

  /** The category the matched words name (each keyword is bound under its full word). */
  private static Category category(io.jlns.config.grammar.Args a) {
    for (Category c : Category.values()) {
      String[] cw = c.command().split(" ");
      if (a.has(cw[0]) && a.has(cw[1])) {
        return c;
      }
    }
    throw new IllegalStateException("no debug category in " + a);
  }

  private static InetAddress address(String text) throws CommandException {
    try {
      return InetAddress.getByName(Ipv4Address.of(text).toString());
    } catch (UnknownHostException e) {
      throw new CommandException("Invalid address " + text);
    }
  }

  static String showDebugging() {
    StringBuilder b = new StringBuilder();
    String group = null;
    for (Category c : Debug.enabled()) {
      if (!c.group().equals(group)) {
        group = c.group();
        b.append('\n').append(group).append(":\n");
      }
      b.append("  ").append(c.onLine()).append('\n');
    }
    for (Debug.Condition k : Debug.conditions()) {
      b.append("\nCondition ").append(k.number()).append(": ").append(k.text());
    }
    if (!Debug.conditions().isEmpty()) {
      b.append('\n');
    }
    return b.toString();
  }
}
