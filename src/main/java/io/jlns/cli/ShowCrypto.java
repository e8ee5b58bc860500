package io.jlns.cli;

import io.jlns.config.Config;
import io.jlns.config.IkeCipher;
import io.jlns.config.Interface;
import io.jlns.config.IsakmpPolicy;
import io.jlns.config.MapEntry;
import io.jlns.config.TransformSet;
import java.util.List;

/** {@code show crypto map}, {@code show crypto dynamic-map}, {@code show crypto isakmp policy}, in IOS layout. */
final class ShowCrypto {
  private ShowCrypto() {}

  /** {@code show crypto map [interface I | tag T]}. */
  static String maps(Config c, String iface, String tag) {
    StringBuilder b = new StringBuilder();
    for (MapEntry e : Config.entries(c.cryptoMaps())) {
      if (tag != null && !e.name().equals(tag)) {
        continue;
      }
      List<Interface> using = c.interfacesWithCryptoMap(e.name());
      if (iface != null && using.stream().noneMatch(i -> i.name().equalsIgnoreCase(iface))) {
        continue;
      }
      b.append("Crypto Map IPv4 \"").append(e.name()).append("\" ").append(e.seq()).append(" ipsec-isakmp\n");
      if (e.dynamicMap() != null) {
        b.append("\tDynamic map template tag: ").append(e.dynamicMap()).append('\n');
        c.dynamicMaps().getOrDefault(e.dynamicMap(), new java.util.TreeMap<>()).values()
            .forEach(d -> b.append("\t  NAT demux (template ").append(d.seq()).append("): ")
                .append(d.natDemux() ? "Enabled" : "Disabled").append('\n'));
      } else {
        entryBody(b, c, e);
      }
      b.append("\tInterfaces using crypto map ").append(e.name()).append(":\n");
      using.forEach(i -> b.append("\t\t").append(i.name()).append('\n'));
      b.append('\n');
    }
    return b.toString();
  }

  /** {@code show crypto dynamic-map [tag T]}. */
  static String dynamicMaps(Config c, String tag) {
    StringBuilder b = new StringBuilder();
    for (MapEntry e : Config.entries(c.dynamicMaps())) {
      if (tag != null && !e.name().equals(tag)) {
        continue;
      }
      b.append("Crypto Map Template\"").append(e.name()).append("\" ").append(e.seq()).append('\n');
      entryBody(b, c, e);
      b.append('\n');
    }
    return b.toString();
  }

  private static void entryBody(StringBuilder b, Config c, MapEntry e) {
    if (e.description() != null) {
      b.append("\tDescription: ").append(e.description()).append('\n');
    }
    for (var p : e.peers()) {
      b.append("\tPeer = ").append(p).append('\n');
    }
    if (e.matchAddress() == null) {
      b.append("\tNo matching address list set.\n");
    } else {
      b.append("\tAccess list: ").append(e.matchAddress()).append(" (kept; jlns protects L2TP)\n");
    }
    b.append("\tCurrent peer: ").append(e.peers().isEmpty() ? "0.0.0.0" : e.peers().get(0)).append('\n');
    long kb = e.lifetimeKilobytes() != 0 ? e.lifetimeKilobytes() : c.saLifetimeKilobytes();
    long secs = e.lifetimeSeconds() != 0 ? e.lifetimeSeconds() : c.saLifetimeSeconds();
    b.append("\tSecurity association lifetime: ").append(kb).append(" kilobytes/").append(secs).append(" seconds\n");
    b.append("\tResponder-Only (Y/N): N\n");
    b.append("\tPFS (Y/N): ").append(e.pfs() == null ? "N" : "Y").append('\n');
    if (e.pfs() != null) {
      b.append("\tDH group:  group").append(e.pfs().number()).append('\n');
    }
    b.append("\tNAT demux (set nat demux): ").append(e.natDemux() ? "Enabled" : "Disabled").append('\n');
    b.append("\tTransform sets={ \n");
    for (String ts : e.transformSets()) {
      TransformSet t = c.transformSets().get(ts);
      if (t == null) {
        b.append("\t\t").append(ts).append(":  { (not defined) } , \n");
      } else {
        b.append("\t\t").append(ts).append(":  { ").append(t.transformsText()).append("  } ")
            .append(t.transportMode() ? "(transport)" : "(tunnel)").append(" , \n");
      }
    }
    b.append("\t}\n");
  }

  /** {@code show crypto isakmp policy}. */
  static String isakmpPolicies(Config c) {
    StringBuilder b = new StringBuilder("\nGlobal IKE policy\n");
    if (c.isakmpPolicies().isEmpty()) {
      b.append("No protection suite is configured (crypto isakmp policy N).\n");
    }
    for (IsakmpPolicy p : c.isakmpPolicies().values()) {
      b.append("Protection suite of priority ").append(p.priority()).append('\n');
      String enc = p.cipher() == IkeCipher.AES
          ? "AES - Advanced Encryption Standard (" + p.keyBits() + " bit keys)."
          : p.cipher().description();
      row(b, "encryption algorithm:", enc);
      row(b, "hash algorithm:", p.hash().description());
      row(b, "authentication method:", p.preShare() ? "Pre-Shared Key" : "Rivest-Shamir-Adleman Signature (not supported)");
      row(b, "Diffie-Hellman group:", "#" + p.group().number() + " (" + p.group().size() + ")");
      row(b, "lifetime:", p.lifetime() + " seconds, no volume limit");
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String label, String value) {
    b.append('\t').append(label);
    int tabs = 3 - (label.length() + 1) / 8;
    b.append("\t".repeat(Math.max(1, tabs))).append(value).append('\n');
  }

  /** {@code show crypto call admission statistics}, in the layout of IOS's, with jlns's per-address limit and workers. */
  static String admission(IpsecView.CallAdmission a) {
    if (a == null) {
      return "Crypto call admission control: IPsec is not running\n";
    }
    String rule = "-".repeat(69) + "\n";
    long rejected = a.rejectedInNegotiation() + a.rejectedPerAddress() + a.rejectedSaLimit();
    return rule + "               Crypto Call Admission Control Statistics\n" + rule
        + String.format("Max IKE SAs:           %6d Max in nego:    %6d per address:  %6d%n", a.maxSa(), a.maxInNegotiation(),
            a.maxPerAddress())
        + String.format("Total IKE SA Count:    %6d active:         %6d negotiating:  %6d%n", a.total(), a.total() - a.negotiating(),
            a.negotiating())
        + String.format("Incoming IKE Requests: %6d accepted:       %6d rejected:     %6d%n", a.accepted() + rejected, a.accepted(),
            rejected)
        + String.format("Rejected IKE Requests: %6d in-nego limit:  %6d per address:  %6d SA limit: %d%n", rejected,
            a.rejectedInNegotiation(), a.rejectedPerAddress(), a.rejectedSaLimit())
        + String.format("DH workers:            %6d queued:  %6d/%-6d computed:     %6d queue full: %d%n", a.workers(), a.queued(),
            a.queueCapacity(), a.computed(), a.queueDrops())
        + String.format("Flooding addresses:    %6d shunned now:    %6d (new exchanges dropped in the kernel for 30 s)%n",
            a.shunnedTotal(), a.shunnedNow())
        + (a.maxSa() == 0 ? "(Max IKE SAs 0: no limit)\n" : "");
  }
}
