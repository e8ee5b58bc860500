package io.jlns.ike;

import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import io.jlns.ike.message.Attribute;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Proposal;
import io.jlns.ike.message.Transform;
import java.util.List;

/** Phase 2 offers and suites as an engineer reads them in logs and {@code show}. */
final class Phase2Text {
  private Phase2Text() {}

  static String describe(Payload.Sa sa) {
    StringBuilder b = new StringBuilder();
    for (Proposal p : sa.proposals()) {
      for (Transform t : p.transforms()) {
        EspCipher c = p.protocol() == Proposal.PROTO_IPSEC_ESP ? EspCipher.ofTransformId(t.id()) : null;
        long auth = t.attribute(Phase2Proposals.AUTH);
        EspIntegrity i = auth < 0 ? EspIntegrity.NONE : EspIntegrity.ofAuthAlgorithm((int) auth);
        b.append(b.length() == 0 ? "" : ", ").append(p.protocol() == Proposal.PROTO_IPSEC_ESP ? "" : "protocol " + p.protocol() + " ")
            .append(c == null ? "transform " + t.id() : c.iosName());
        long bits = t.attribute(Phase2Proposals.KEY_LENGTH);
        if (bits > 0) {
          b.append(' ').append(bits);
        }
        if (i != EspIntegrity.NONE) {
          b.append(' ').append(i == null ? "auth " + auth : i.iosName());
        }
        b.append(" mode ").append(mode(t.attribute(Phase2Proposals.ENCAPSULATION)));
        long group = t.attribute(Phase2Proposals.GROUP);
        if (group > 0) {
          b.append(" pfs group").append(group);
        }
      }
    }
    return b.toString();
  }

  static String mode(long encapsulation) {
    return switch ((int) encapsulation) {
      case Phase2Proposals.TRANSPORT -> "transport";
      case Phase2Proposals.UDP_TRANSPORT -> "udp-transport";
      case Phase2Proposals.UDP_TRANSPORT_DRAFT -> "udp-transport(draft)";
      case Phase2Proposals.UDP_TUNNEL -> "udp-tunnel";
      case Phase2Proposals.UDP_TUNNEL_DRAFT -> "udp-tunnel(draft)";
      default -> "tunnel";
    };
  }

  /** IOS's "in use settings": {@code Transport UDP-Encaps}, {@code Tunnel}. */
  static String mode(Phase2Suite s) {
    return (s.transport() ? "Transport" : "Tunnel") + (s.udpEncapsulated() ? " UDP-Encaps" : "");
  }

  static byte[] attributes(List<Attribute> a) {
    return IsakmpCodec.attributes(a);
  }
}
