package io.jlns.config;

import static io.jlns.config.ConfigEdit.fail;

import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Mode;
import io.jlns.config.grammar.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code interface NAME} and its sub-commands. */
final class InterfaceCommands {
  private InterfaceCommands() {}

  /** Interface commands kept verbatim: they concern the router's hardware, not an LNS. */
  private static final String INERT =
      "(duplex|speed|negotiation|mtu|bandwidth|load-interval|cdp|media-type|mop|delay"
          + "|ip route-cache|ip mroute-cache|ip redirects|ip unreachables|ip proxy-arp|ip virtual-reassembly"
          + "|ip nat|ip ospf|ip tcp header-compression|ip tcp compression-connections|ip verify|ip flow|ip access-group|ip helper-address|ip directed-broadcast)";

  static void install(ConfigGrammar g) {
    g.global.add("interface WORD:type [WORD:number]", (c, a) -> {
      String name = InterfaceNames.normalize(a.get("type"), a.opt("number").orElse(null))
          .orElseThrow(() -> fail("Invalid interface name " + a.get("type") + a.opt("number").map(n -> " " + n).orElse("")));
      c.draft().interfaces.putIfAbsent(name, Interface.named(name));
      return Outcome.enter(g.iface, name);
    }, "interface", "Select an interface to configure", "type", "Interface type and number (Loopback0, FastEthernet0/0, Virtual-Template1...)");
    g.global.add("no interface WORD:type [WORD:number]", (c, a) -> {
      String name = InterfaceNames.normalize(a.get("type"), a.opt("number").orElse(null)).orElse(a.get("type"));
      if (c.draft().interfaces.remove(name) == null) {
        throw fail("Interface " + name + " not found");
      }
      return Outcome.STAY;
    });

    Mode<ConfigEdit> m = g.iface;
    m.add("description LINE:text", (c, a) -> edit(c, i -> i.withDescription(a.get("text"))),
        "text", "Up to 240 characters describing this interface");
    m.add("no description [LINE]", (c, a) -> edit(c, i -> i.withDescription(null)));
    m.add("ip address A.B.C.D:addr A.B.C.D:mask", (c, a) -> {
      Ipv4Address mask = Ipv4Address.of(a.get("mask"));
      if (!mask.isNetmask()) {
        throw fail("Bad mask " + mask + " for address " + a.get("addr"));
      }
      return edit(c, i -> i.withAddress(Ipv4Address.of(a.get("addr")), mask));
    }, "address", "Set the IP address of an interface", "addr", "IP address", "mask", "IP subnet mask");
    m.add("no ip address [LINE]", (c, a) -> edit(c, i -> i.withAddress(null, null)));
    m.add("ip unnumbered WORD:type [WORD:number]", (c, a) -> {
      String target = InterfaceNames.normalize(a.get("type"), a.opt("number").orElse(null))
          .orElseThrow(() -> fail("Invalid interface name " + a.get("type")));
      return edit(c, i -> i.withUnnumbered(target));
    }, "unnumbered", "Enable IP processing without an explicit address", "type", "Interface whose address to use");
    m.add("no ip unnumbered [LINE]", (c, a) -> edit(c, i -> i.withUnnumbered(null)));
    m.add("crypto map WORD:tag", (c, a) -> edit(c, i -> i.withCryptoMap(a.get("tag"))),
        "tag", "Crypto map tag");
    m.add("no crypto map [LINE]", (c, a) -> edit(c, i -> i.withCryptoMap(null)));
    m.add("peer default ip address pool WORD:name", (c, a) -> edit(c, i -> i.withPeerPool(a.get("name"))),
        "peer", "Peer parameters for point to point interfaces", "default", "Specify default parameters",
        "pool", "Use IP pool mechanism to allocate a peer IP address", "WORD", "Pool name");
    m.add("no peer default ip address [LINE]", (c, a) -> edit(c, i -> i.withPeerPool(null)));
    String proto = "(chap:p|ms-chap:p|ms-chap-v2:p|pap:p)";
    m.add("ppp authentication " + proto + " [" + proto + "] [" + proto + "] [" + proto + "] [default|WORD:list]", (c, a) -> {
      List<String> ps = a.all("p");
      if (ps.stream().distinct().count() != ps.size()) {
        throw fail("Each authentication protocol may be given once");
      }
      String list = a.opt("list").orElse(null);
      if (list != null && !c.draft().pppLists.containsKey(list)) {
        c.warn("aaa authentication ppp " + list + " is not defined (yet): until it is, the default list applies");
      }
      return edit(c, i -> i.withPppAuthentication(ps).withPppAuthList(list));
    }, "list", "Use an authentication list with this name (aaa authentication ppp LIST)",
        "default", "Use the default authentication list", "authentication", "Set PPP link authentication method", "chap", "Challenge Handshake Authentication Protocol (CHAP)",
        "ms-chap", "Microsoft Challenge Handshake Authentication Protocol (MS-CHAP)",
        "ms-chap-v2", "Microsoft CHAP Version 2 (MS-CHAP-V2)", "pap", "Password Authentication Protocol (PAP)");
    m.add("no ppp authentication [LINE]", (c, a) -> edit(c, i -> i.withPppAuthentication(List.of()).withPppAuthList(null)));
    m.add("[no] ppp mtu adaptive", (c, a) -> edit(c, i -> i.withPppMtuAdaptive(!a.negated())),
        "mtu", "Set PPP MTU", "adaptive", "Fit the MTU to the peer's MRU and the path");
    m.add("ppp ipcp dns A.B.C.D:server [A.B.C.D:server]", (c, a) ->
        edit(c, i -> i.withIpcpDns(a.all("server").stream().map(Ipv4Address::of).toList())),
        "ipcp", "Set IPCP negotiation options", "dns", "Specify DNS servers (RFC 1877) to give the peer");
    m.add("no ppp ipcp dns [LINE]", (c, a) -> edit(c, i -> i.withIpcpDns(List.of())));
    m.add("ip tcp adjust-mss <500-1460>:mss", (c, a) -> edit(c, i -> i.withTcpAdjustMss(a.integer("mss"))),
        "tcp", "TCP header parameters", "adjust-mss", "Adjust the MSS of transit TCP SYNs", "mss", "Largest MSS a SYN may carry");
    m.add("no ip tcp adjust-mss [LINE]", (c, a) -> edit(c, i -> i.withTcpAdjustMss(0)));
    m.add("ip mtu <68-1500>:bytes", (c, a) -> edit(c, i -> i.withIpMtu(a.integer("bytes"))),
        "mtu", "Set IP Maximum Transmission Unit", "bytes", "Largest IP packet sent on the interface");
    m.add("no ip mtu [LINE]", (c, a) -> edit(c, i -> i.withIpMtu(0)));
    m.add("keepalive [<0-32767>:period] [<1-255>:retries]", (c, a) -> {
      Interface.Keepalive d = Interface.Keepalive.DEFAULT;
      return edit(c, i -> i.withKeepalive(new Interface.Keepalive(a.opt("period").map(Integer::parseInt).orElse(d.periodSeconds()),
          a.opt("retries").map(Integer::parseInt).orElse(d.retries()))));
    }, "keepalive", "Enable keepalive (PPP: LCP echo)", "period", "Seconds of silence before an LCP Echo-Request (0: none)",
        "retries", "Unanswered echoes before the link is declared down");
    m.add("no keepalive [LINE]", (c, a) -> edit(c, i -> i.withKeepalive(new Interface.Keepalive(0, Interface.Keepalive.DEFAULT.retries()))));
    m.add("[no] shutdown", (c, a) -> edit(c, i -> i.withShutdown(!a.negated())));
    m.add(Syntax.exact("[no] " + INERT + " [LINE]"), (c, a) -> {
      c.inert("interface setting kept, not acted on by an LNS");
      addExtra(c, c.line().strip());
      return Outcome.STAY;
    });
  }

  private static Outcome edit(ConfigEdit c, UnaryOperator<Interface> f) throws CommandException {
    String name = c.key();
    Interface i = c.draft().interfaces.get(name);
    if (i == null) {
      throw fail("Interface " + name + " no longer exists");
    }
    c.draft().interfaces.put(name, f.apply(i));
    return Outcome.STAY;
  }

  private static void addExtra(ConfigEdit c, String line) {
    String name = c.key();
    Interface i = c.draft().interfaces.get(name);
    if (i != null) {
      List<String> extra = new ArrayList<>(i.extra());
      extra.add(line);
      c.draft().interfaces.put(name, i.withExtra(extra));
    }
  }
}
