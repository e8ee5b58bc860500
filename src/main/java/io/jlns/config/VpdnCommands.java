package io.jlns.config;

import static io.jlns.config.ConfigEdit.fail;

import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Mode;
import java.util.function.UnaryOperator;

/** {@code vpdn ...} and the {@code vpdn-group} sub-modes (RFC 2661 LNS settings). */
final class VpdnCommands {
  private VpdnCommands() {}

  static void install(ConfigGrammar g) {
    Mode<ConfigEdit> m = g.global;
    m.add("[no] vpdn enable", (c, a) -> {
      c.draft().vpdnEnable = !a.negated();
      return Outcome.STAY;
    }, "enable", "Enable VPDN");
    m.add("[no] vpdn ip udp ignore checksum", (c, a) -> {
      c.draft().vpdnIgnoreUdpChecksum = !a.negated();
      return Outcome.STAY;
    }, "ip", "VPDN IP settings", "udp", "VPDN UDP settings", "ignore", "Ignore a UDP setting",
        "checksum", "Ignore UDP checksums of L2TP packets");
    m.add("vpdn-group WORD:name", (c, a) -> {
      c.draft().vpdnGroups.putIfAbsent(a.get("name"), VpdnGroup.named(a.get("name")));
      return Outcome.enter(g.vpdnGroup, a.get("name"));
    }, "name", "VPDN group name");
    m.add("no vpdn-group WORD:name", (c, a) -> {
      if (c.draft().vpdnGroups.remove(a.get("name")) == null) {
        throw fail("VPDN group " + a.get("name") + " not found");
      }
      return Outcome.STAY;
    });

    Mode<ConfigEdit> v = g.vpdnGroup;
    v.add("accept-dialin", (c, a) -> {
      edit(c, x -> x.withAcceptDialin(true));
      return Outcome.enter(g.acceptDialin, c.key());
    }, "accept-dialin", "Accept dialin requests (LNS)");
    v.add("no accept-dialin", (c, a) -> {
      edit(c, x -> x.withAcceptDialin(false));
      return Outcome.STAY;
    });
    v.add("[no] l2tp tunnel authentication", (c, a) -> {
      edit(c, x -> x.withTunnelAuthentication(!a.negated()));
      return Outcome.STAY;
    }, "authentication", "Authenticate the L2TP tunnel (RFC 2661 section 5.1.1)");
    v.add("l2tp tunnel password [<0-7>:type] LINE:pw", (c, a) -> {
      Secret s = GlobalCommands.reversible(a);
      edit(c, x -> x.withTunnelPassword(s));
      return Outcome.STAY;
    }, "password", "Set the tunnel secret", "type", "0 clear text, 7 Cisco-encoded", "pw", "The tunnel secret");
    v.add("no l2tp tunnel password [LINE]", (c, a) -> {
      edit(c, x -> x.withTunnelPassword(null));
      return Outcome.STAY;
    });
    v.add("[no] l2tp cleartext", (c, a) -> {
      edit(c, x -> x.withCleartext(!a.negated()));
      return Outcome.STAY;
    }, "cleartext", "Accept L2TP that IPsec does not protect (jlns extension, for tests; off by default)");
    v.add("l2tp tunnel hello <0-1000>:secs", (c, a) -> {
      edit(c, x -> x.withHello(a.integer("secs")));
      return Outcome.STAY;
    }, "hello", "Set HELLO keepalive interval", "secs", "HELLO interval in seconds (0 disables)");
    v.add("no l2tp tunnel hello [LINE]", (c, a) -> {
      edit(c, x -> x.withHello(VpdnGroup.DEFAULT_HELLO));
      return Outcome.STAY;
    });
    v.add("l2tp tunnel retransmit retries <5-1000>:n", (c, a) -> {
      edit(c, x -> x.withRetransmit(x.retransmit().withRetries(a.integer("n"))));
      return Outcome.STAY;
    }, "retransmit", "Control message retransmission parameters", "retries", "Max retransmissions of a control message",
        "n", "Retransmissions before the tunnel is given up (default 5)");
    v.add("no l2tp tunnel retransmit retries [LINE]", (c, a) -> {
      edit(c, x -> x.withRetransmit(x.retransmit().withRetries(VpdnGroup.Retransmit.DEFAULT.retries())));
      return Outcome.STAY;
    });
    v.add("l2tp tunnel retransmit timeout (min|max):which <1-8>:secs", (c, a) -> {
      int secs = a.integer("secs");
      edit(c, x -> x.withRetransmit(a.get("which").equals("min") ? x.retransmit().withMin(secs) : x.retransmit().withMax(secs)));
      return Outcome.STAY;
    }, "timeout", "Retransmission wait", "min", "Wait before the first retransmission (default 1 s)", "max",
        "Longest wait between retransmissions (default 8 s)", "secs", "Seconds");
    v.add("no l2tp tunnel retransmit timeout (min|max):which [LINE]", (c, a) -> {
      VpdnGroup.Retransmit d = VpdnGroup.Retransmit.DEFAULT;
      edit(c, x -> x.withRetransmit(a.get("which").equals("min") ? x.retransmit().withMin(d.minSeconds())
          : x.retransmit().withMax(d.maxSeconds())));
      return Outcome.STAY;
    });

    Mode<ConfigEdit> d = g.acceptDialin;
    d.add("protocol (l2tp|any):proto", (c, a) -> {
      edit(c, x -> x.withProtocol(a.get("proto")));
      return Outcome.STAY;
    }, "protocol", "Tunneling protocol", "l2tp", "Layer 2 Tunneling Protocol", "any", "Any tunneling protocol");
    d.add("no protocol [LINE]", (c, a) -> {
      edit(c, x -> x.withProtocol(null));
      return Outcome.STAY;
    });
    d.add("virtual-template <1-200>:vt", (c, a) -> {
      edit(c, x -> x.withVirtualTemplate(a.integer("vt")));
      return Outcome.STAY;
    }, "virtual-template", "Virtual template interface to clone", "vt", "Virtual template number");
    d.add("no virtual-template [LINE]", (c, a) -> {
      edit(c, x -> x.withVirtualTemplate(0));
      return Outcome.STAY;
    });
  }

  private static void edit(ConfigEdit c, UnaryOperator<VpdnGroup> f) throws CommandException {
    String name = c.key();
    VpdnGroup grp = c.draft().vpdnGroups.get(name);
    if (grp == null) {
      throw fail("VPDN group " + name + " no longer exists");
    }
    c.draft().vpdnGroups.put(name, f.apply(grp));
  }
}
