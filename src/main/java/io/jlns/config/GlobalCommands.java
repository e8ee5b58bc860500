package io.jlns.config;

import static io.jlns.config.ConfigEdit.fail;

import io.jlns.config.grammar.Args;
import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Global commands that are not crypto, vpdn or interface commands. */
final class GlobalCommands {
  private GlobalCommands() {}

  static void install(ConfigGrammar g) {
    Mode<ConfigEdit> m = g.global;
    m.add("hostname WORD:name", (c, a) -> {
      String name = a.get("name");
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
        throw fail("Invalid hostname \"" + name + "\": letters, digits, '-', '_' and '.' only");
      }
      c.draft().hostname = name;
      return Outcome.STAY;
    }, "name", "This system's network name");
    m.add("no hostname [WORD]", (c, a) -> {
      c.draft().hostname = Config.DEFAULT_HOSTNAME;
      return Outcome.STAY;
    });
    m.add("enable (secret|password):kind [<0-9>:type] LINE:pw", (c, a) -> {
      boolean secret = a.get("kind").equals("secret");
      Secret s = secret ? oneWay(c, a) : reversible(a);
      if (secret) {
        c.draft().enableSecret = s;
      } else {
        c.draft().enablePassword = s;
      }
      return Outcome.STAY;
    }, "type", "Encryption type of the value (0 clear text, 5/8 hashed, 7 Cisco-encoded)",
        "pw", "The secret (text)");
    m.add("no enable (secret|password):kind [LINE]", (c, a) -> {
      if (a.get("kind").equals("secret")) {
        c.draft().enableSecret = null;
      } else {
        c.draft().enablePassword = null;
      }
      return Outcome.STAY;
    });
    m.add("username WORD:name [privilege <0-15>:priv] (password|secret):kind [<0-9>:type] LINE:pw", (c, a) -> {
      String name = a.get("name");
      boolean secret = a.get("kind").equals("secret");
      Secret s = secret ? oneWay(c, a) : reversible(a);
      int priv = a.has("priv") ? a.integer("priv") : 1;
      c.draft().users.put(name, new User(name, priv, secret, s));
      return Outcome.STAY;
    }, "name", "User name", "privilege", "Set user privilege level", "priv", "User privilege level",
        "type", "Encryption type (0 clear text, 7 Cisco-encoded; secret: 0, 5, 8)", "pw", "The password or secret");
    m.add("no username WORD:name [LINE]", (c, a) -> {
      if (c.draft().users.remove(a.get("name")) == null) {
        throw fail("Username " + a.get("name") + " not found");
      }
      return Outcome.STAY;
    });
    m.add("[no] aaa new-model", (c, a) -> {
      c.draft().aaaNewModel = !a.negated();
      return Outcome.STAY;
    }, "new-model", "Enable NEW access control commands and functions.(Disables OLD commands.)");
    m.add("ip local pool WORD:name A.B.C.D:start [A.B.C.D:end]", (c, a) -> {
      addPoolRange(c, a);
      return Outcome.STAY;
    }, "name", "Create named local address pool", "start", "First IP address of range", "end", "Last IP address of range");
    m.add("no ip local pool WORD:name [A.B.C.D:start] [A.B.C.D:end]", (c, a) -> {
      removePool(c, a);
      return Outcome.STAY;
    });
    m.add("end", (c, a) -> Outcome.END);
    m.add("exit", (c, a) -> Outcome.EXIT);
  }

  /** {@code secret [0|5|8|9] VALUE}: a clear value (type 0) is hashed at once, as IOS does. */
  private static Secret oneWay(ConfigEdit c, Args a) throws CommandException {
    int type = a.has("type") ? a.integer("type") : 0;
    String v = a.get("pw");
    switch (type) {
      case 0:
        if (new Secret(0, v).masked()) {
          return new Secret(0, v);
        }
        return c.hasher().type8(v);
      case 5:
        if (!v.startsWith("$1$")) {
          throw fail("A type 5 secret looks like $1$salt$hash");
        }
        return new Secret(5, v);
      case 8:
        if (!v.matches("\\$8\\$[./0-9A-Za-z]{14}\\$[./0-9A-Za-z]{43}")) {
          throw fail("A type 8 secret looks like $8$<14 characters>$<43 characters>");
        }
        return new Secret(8, v);
      case 9:
        c.warn("type 9 (scrypt) secrets cannot be verified by jlns yet; use type 8 or give the secret in clear");
        return new Secret(9, v);
      default:
        throw fail("Invalid encryption type " + type + " for a secret (0, 5, 8 or 9)");
    }
  }

  /** {@code password [0|7] VALUE}: kept as given, since CHAP needs the clear text. */
  static Secret reversible(Args a) throws CommandException {
    int type = a.has("type") ? a.integer("type") : 0;
    Secret s = new Secret(type, a.get("pw"));
    if (type == 7 && s.cleartext().isEmpty()) {
      throw fail("Invalid type 7 value (an even number of hex digits after a 2-digit seed)");
    }
    if (type != 0 && type != 7) {
      throw fail("Invalid encryption type " + type + " for a password (0 or 7)");
    }
    return s;
  }

  private static void addPoolRange(ConfigEdit c, Args a) throws CommandException {
    String name = a.get("name");
    Ipv4Address start = Ipv4Address.of(a.get("start"));
    Ipv4Address end = a.has("end") ? Ipv4Address.of(a.get("end")) : start;
    if (end.compareTo(start) < 0) {
      throw fail("Invalid pool range: " + end + " is below " + start);
    }
    LocalPool.Range r = new LocalPool.Range(start, end);
    for (LocalPool p : c.draft().pools.values()) {
      for (LocalPool.Range o : p.ranges()) {
        if (o.overlaps(r)) {
          throw fail("Range " + start + " - " + end + " overlaps pool " + p.name() + " (" + o.start() + " - " + o.end() + ")");
        }
      }
    }
    LocalPool old = c.draft().pools.get(name);
    List<LocalPool.Range> ranges = new ArrayList<>(old == null ? List.of() : old.ranges());
    ranges.add(r);
    c.draft().pools.put(name, new LocalPool(name, ranges));
  }

  private static void removePool(ConfigEdit c, Args a) throws CommandException {
    String name = a.get("name");
    LocalPool old = c.draft().pools.get(name);
    if (old == null) {
      throw fail("Pool " + name + " not found");
    }
    if (!a.has("start")) {
      c.draft().pools.remove(name);
      return;
    }
    Ipv4Address start = Ipv4Address.of(a.get("start"));
    List<LocalPool.Range> ranges = new ArrayList<>(old.ranges());
    if (!ranges.removeIf(r -> r.start().equals(start))) {
      throw fail("Pool " + name + " has no range starting at " + start);
    }
    if (ranges.isEmpty()) {
      c.draft().pools.remove(name);
    } else {
      c.draft().pools.put(name, new LocalPool(name, ranges));
    }
  }
}
