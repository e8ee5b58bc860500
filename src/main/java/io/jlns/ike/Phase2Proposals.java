package io.jlns.ike;

import io.jlns.config.Config;
import io.jlns.config.MapEntry;
import io.jlns.config.Transform;
import io.jlns.config.TransformSet;
import io.jlns.crypto.DiffieHellman;
import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import io.jlns.ike.message.Attribute;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Proposal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Matches a Quick Mode SA payload against the entries of a crypto map (static entries first, a
 * {@code dynamic} entry standing for its dynamic map's entries), their transform sets in
 * order, and the peer's proposals in its order.
 */
final class Phase2Proposals {
  /** RFC 2407 section 4.5 attribute classes. */
  static final int LIFE_TYPE = 1;
  static final int LIFE_DURATION = 2;
  static final int GROUP = 3;
  static final int ENCAPSULATION = 4;
  static final int AUTH = 5;
  static final int KEY_LENGTH = 6;
  /** Encapsulation modes: RFC 2407, RFC 3947 section 5.2, draft-ietf-ipsec-nat-t-ike-02. */
  static final int TUNNEL = 1;
  static final int TRANSPORT = 2;
  static final int UDP_TUNNEL = 3;
  static final int UDP_TRANSPORT = 4;
  static final int UDP_TUNNEL_DRAFT = 61443;
  static final int UDP_TRANSPORT_DRAFT = 61444;

  private Phase2Proposals() {}

  /** A map entry in effect, with where it came from. */
  record Candidate(String map, int seq, String dynamicMap, int dynamicSeq, MapEntry entry) {}

  static List<Candidate> candidates(Config c, String cryptoMap) {
    List<Candidate> out = new ArrayList<>();
    SortedMap<Integer, MapEntry> map = c.cryptoMaps().get(cryptoMap);
    if (map == null) {
      return out;
    }
    for (MapEntry e : map.values()) {
      if (e.dynamicMap() == null) {
        out.add(new Candidate(cryptoMap, e.seq(), null, 0, e));
      } else {
        SortedMap<Integer, MapEntry> dyn = c.dynamicMaps().get(e.dynamicMap());
        if (dyn != null) {
          dyn.values().forEach(d -> out.add(new Candidate(cryptoMap, e.seq(), e.dynamicMap(), d.seq(), d)));
        }
      }
    }
    return out;
  }

  /** The chosen suite, or null; {@code natT} says whether the peer must use UDP encapsulation. */
  static Phase2Suite choose(Config c, List<Candidate> candidates, Payload.Sa sa, boolean natT) {
    for (Candidate cand : candidates) {
      for (String setName : cand.entry().transformSets()) {
        TransformSet set = c.transformSets().get(setName);
        if (set == null) {
          continue;
        }
        for (Proposal prop : sa.proposals()) {
          if (prop.protocol() != Proposal.PROTO_IPSEC_ESP || prop.spi().length != 4 || bundled(sa, prop)) {
            continue;
          }
          for (io.jlns.ike.message.Transform t : prop.transforms()) {
            Phase2Suite s = match(c, cand, set, prop, t, natT);
            if (s != null) {
              return s;
            }
          }
        }
      }
    }
    return null;
  }

  /** An ESP proposal AND-ed with another protocol (AH+ESP) under the same number: not offered by jlns. */
  private static boolean bundled(Payload.Sa sa, Proposal p) {
    return sa.proposals().stream().anyMatch(o -> o != p && o.number() == p.number());
  }

  private static Phase2Suite match(Config c, Candidate cand, TransformSet set, Proposal prop, io.jlns.ike.message.Transform t,
      boolean natT) {
    EspCipher cipher = EspCipher.ofTransformId(t.id());
    if (cipher == null) {
      return null;
    }
    long keyLen = t.attribute(KEY_LENGTH);
    int bits = switch (cipher) {
      case AES_CBC, AES_GCM_16 -> keyLen <= 0 ? 128 : (int) keyLen;
      default -> 0;
    };
    long auth = t.attribute(AUTH);
    EspIntegrity integrity = auth < 0 ? EspIntegrity.NONE : EspIntegrity.ofAuthAlgorithm((int) auth);
    if (integrity == null || !setOffers(set, cipher, bits, integrity)) {
      return null;
    }
    long mode = t.attribute(ENCAPSULATION);
    boolean transport = mode == TRANSPORT || mode == UDP_TRANSPORT || mode == UDP_TRANSPORT_DRAFT;
    boolean udp = mode == UDP_TUNNEL || mode == UDP_TRANSPORT || mode == UDP_TUNNEL_DRAFT || mode == UDP_TRANSPORT_DRAFT;
    if (mode < 0) {
      mode = TUNNEL;
    }
    if (transport != set.transportMode() || udp != natT) {
      return null;
    }
    MapEntry e = cand.entry();
    DiffieHellman.Group pfs = null;
    long group = t.attribute(GROUP);
    if (e.pfs() != null) {
      if (group != e.pfs().number()) {
        return null;
      }
      pfs = DiffieHellman.Group.of(e.pfs().number());
    } else if (group > 0) {
      // IOS: without 'set pfs' the responder accepts the group the initiator asks for.
      pfs = DiffieHellman.Group.of((int) group);
      if (pfs == null) {
        return null;
      }
    }
    long ourSeconds = e.lifetimeSeconds() > 0 ? e.lifetimeSeconds() : c.saLifetimeSeconds();
    long ourKb = e.lifetimeKilobytes() > 0 ? e.lifetimeKilobytes() : c.saLifetimeKilobytes();
    long[] peer = lifetimes(t);
    // RFC 2407 section 4.5: no seconds proposed means 28800; no kilobytes, no volume limit. Where
    // ours is shorter, RESPONDER-LIFETIME tells the initiator, so it can rekey in time.
    long peerSeconds = peer[0] > 0 ? peer[0] : DEFAULT_SECONDS;
    long seconds = Math.min(peerSeconds, ourSeconds);
    long kb = peer[1] > 0 ? Math.min(peer[1], ourKb) : ourKb;
    boolean lowered = ourSeconds < peerSeconds || (ourKb > 0 && (peer[1] <= 0 || ourKb < peer[1]));
    return new Phase2Suite(cipher, bits, integrity, (int) mode, transport, udp, pfs, seconds, kb, lowered, cand.map(), cand.seq(),
        cand.dynamicMap(), cand.dynamicSeq(), set.name(), e.natDemux(), new Proposal(prop.number(), prop.protocol(), prop.spi(),
            List.of(t)));
  }

  private static boolean setOffers(TransformSet set, EspCipher cipher, int bits, EspIntegrity integrity) {
    boolean cipherOk = false;
    EspIntegrity setIntegrity = EspIntegrity.NONE;
    for (Transform tr : set.transforms()) {
      switch (tr.algorithm()) {
        case ESP_DES -> cipherOk |= cipher == EspCipher.DES_CBC;
        case ESP_3DES -> cipherOk |= cipher == EspCipher.TRIPLE_DES_CBC;
        case ESP_AES -> cipherOk |= cipher == EspCipher.AES_CBC && bits == (tr.keyBits() == 0 ? 128 : tr.keyBits());
        case ESP_GCM -> cipherOk |= cipher == EspCipher.AES_GCM_16 && bits == (tr.keyBits() == 0 ? 128 : tr.keyBits());
        case ESP_MD5_HMAC -> setIntegrity = EspIntegrity.HMAC_MD5_96;
        case ESP_SHA_HMAC -> setIntegrity = EspIntegrity.HMAC_SHA1_96;
        case ESP_SHA256_HMAC -> setIntegrity = EspIntegrity.HMAC_SHA256_128;
        case ESP_SHA384_HMAC -> setIntegrity = EspIntegrity.HMAC_SHA384_192;
        case ESP_SHA512_HMAC -> setIntegrity = EspIntegrity.HMAC_SHA512_256;
        default -> { }
      }
    }
    return cipherOk && setIntegrity == integrity;
  }

  /** RFC 2407 section 4.5: the SA lifetime in seconds when none is proposed. */
  static final long DEFAULT_SECONDS = 28800;

  /** {seconds, kilobytes} from the life type/duration pairs, -1 where absent. */
  static long[] lifetimes(io.jlns.ike.message.Transform t) {
    long[] out = {-1, -1};
    List<Attribute> a = t.attributes();
    for (int i = 0; i + 1 < a.size(); i++) {
      if (a.get(i).type() == LIFE_TYPE && a.get(i + 1).type() == LIFE_DURATION) {
        long type = a.get(i).value();
        if (type == 1 || type == 2) {
          out[(int) type - 1] = a.get(i + 1).value();
        }
      }
    }
    return out;
  }
}
