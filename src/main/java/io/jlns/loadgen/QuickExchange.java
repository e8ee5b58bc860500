package io.jlns.loadgen;

import io.jlns.crypto.DiffieHellman;
import io.jlns.ike.Keys;
import io.jlns.ike.Notifications;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import io.jlns.ike.message.Proposal;
import io.jlns.ike.message.Transform;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One Quick Mode, initiator side (RFC 2409 section 5.5): HDR*, HASH(1), SA, Ni [, KE] , IDci,
 * IDcr, NAT-OA... then HASH(3) after the responder's answer; UDP-encapsulated transport mode
 * for L2TP (RFC 3947 section 5), IDs udp/1701 both sides as Windows sends them.
 */
final class QuickExchange {
  /** UDP-Encapsulated-Transport: RFC 3947 section 5.2, and draft-ietf-ipsec-nat-t-ike-02's number. */
  static final int UDP_TRANSPORT_RFC = 4;
  static final int UDP_TRANSPORT_DRAFT = 61444;

  final int messageId;
  private final IkeInitiator ike;
  private final IkeInitiator.Settings s;
  private final IkeKeys keys;
  private final RandomGenerator random;
  private final DiffieHellman pfsDh;
  private final byte[][] iv;
  private final int ourSpi;
  private final byte[] ni = new byte[16];
  private byte[] qm1;
  private int tries;
  private boolean done;

  QuickExchange(IkeInitiator ike, IkeInitiator.Settings s, IkeKeys keys, RandomGenerator random, IkeInitiator.DhSource dh) {
    this.ike = ike;
    this.s = s;
    this.keys = keys;
    this.random = random;
    this.messageId = random.nextInt() | 1;
    this.iv = keys.ivFor(messageId);
    this.ourSpi = random.nextInt() | 0x100;
    this.pfsDh = s.pfs() == null ? null : dh.pair(s.pfs());
    random.nextBytes(ni);
  }

  void start() {
    int encapsulation = ike.rfcNatT() ? UDP_TRANSPORT_RFC : UDP_TRANSPORT_DRAFT;
    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < s.esp().size(); i++) {
      Transform t = s.esp().get(i).transform(1, s.profile().espLifetime(), s.profile().espKilobytes(), encapsulation, s.pfs());
      proposals.add(new Proposal(i + 1, Proposal.PROTO_IPSEC_ESP, Keys.int32(ourSpi), List.of(t)));
    }
    byte[] server = ike.server().getAddress().getAddress();
    List<Payload> rest = new ArrayList<>(List.of(new Payload.Sa(1, 1, proposals), new Payload.Nonce(ni)));
    if (pfsDh != null) {
      rest.add(new Payload.KeyExchange(pfsDh.publicValue()));
    }
    rest.add(ike.ourId(17, s.profile().qmPortZero() ? 0 : 1701));
    rest.add(new Payload.Identification(Payload.Identification.IPV4_ADDR, 17, 1701, server));
    // RFC 3947 section 5.2: NAT-OAi (our own address), NAT-OAr (the responder's as we address it).
    int oaType = ike.rfcNatT() ? Payload.NAT_OA : Payload.NAT_OA_DRAFT;
    if (s.profile().natOaCount() > 0) {
      rest.add(new Payload.NatOa(oaType, Payload.Identification.IPV4_ADDR, s.privateAddress()));
    }
    if (s.profile().natOaCount() > 1) {
      rest.add(new Payload.NatOa(oaType, Payload.Identification.IPV4_ADDR, server));
    }
    List<Payload> all = new ArrayList<>();
    all.add(new Payload.Hash(keys.hash1(messageId, IsakmpCodec.encodePayloads(rest))));
    all.addAll(rest);
    qm1 = keys.encrypt(Header.QUICK_MODE, messageId, all, iv);
    ike.io().send(true, qm1);
    arm(s.retransmit().firstMillis());
  }

  void onMessage(byte[] m, Header h) {
    if (done || !h.encrypted()) {
      return;
    }
    // QM1's last cipher block chains on to QM2 (RFC 2409 appendix B).
    Payloads ps = keys.decrypt(m, h, iv);
    if (ps == null || !(ps.list().get(0) instanceof Payload.Hash hash2)) {
      fail("QM2 does not decrypt");
      return;
    }
    byte[] want = keys.hash().prf(keys.skeyidA, Keys.int32(messageId), ni, ps.from(1));
    Payload.Sa sa = ps.first(Payload.Sa.class);
    Payload.Nonce nr = ps.first(Payload.Nonce.class);
    if (!MessageDigest.isEqual(want, hash2.data()) || sa == null || nr == null || sa.proposals().size() != 1
        || sa.proposals().get(0).transforms().size() != 1 || sa.proposals().get(0).spi().length != 4) {
      fail("QM2: HASH(2) does not verify or no single chosen proposal");
      return;
    }
    Transform t = sa.proposals().get(0).transforms().get(0);
    Suites.Esp suite = Suites.Esp.of(t);
    if (suite == null || !s.esp().contains(suite)) {
      fail("QM2 chose a transform we did not offer");
      return;
    }
    byte[] gxy = null;
    if (pfsDh != null) {
      Payload.KeyExchange ke = ps.first(Payload.KeyExchange.class);
      gxy = ke == null ? null : pfsDh.sharedSecret(ke.data());
      if (gxy == null) {
        fail("QM2 lacks a valid KE for PFS");
        return;
      }
    }
    long seconds = s.profile().espLifetime();
    long kilobytes = s.profile().espKilobytes();
    for (Payload.Notify n : ps.all(Payload.Notify.class)) {
      if (n.messageType() == Notifications.RESPONDER_LIFETIME) {
        // RFC 2407 section 4.6.3.1: the responder's shorter lifetimes, as SA life type/duration pairs.
        long[] life = lifetimes(n.data());
        seconds = life[0] > 0 ? Math.min(seconds, life[0]) : seconds;
        kilobytes = life[1] > 0 ? (kilobytes == 0 ? life[1] : Math.min(kilobytes, life[1])) : kilobytes;
      }
    }
    done = true;
    ike.io().send(true, keys.encrypt(Header.QUICK_MODE, messageId,
        List.of(new Payload.Hash(keys.hash().prf(keys.skeyidA, new byte[] {0}, Keys.int32(messageId), ni, nr.data()))), iv));
    int theirSpi = Keys.int32be(sa.proposals().get(0).spi());
    int encLen = suite.cipher().keymatLength(suite.keyBits());
    int authLen = suite.integrity().keyLength();
    byte[] in = Keys.keymat(keys.hash(), keys.skeyidD, gxy, Proposal.PROTO_IPSEC_ESP, Keys.int32(ourSpi), ni, nr.data(),
        encLen + authLen);
    byte[] out = Keys.keymat(keys.hash(), keys.skeyidD, gxy, Proposal.PROTO_IPSEC_ESP, Keys.int32(theirSpi), ni, nr.data(),
        encLen + authLen);
    ike.quickModeDone(new Child(ourSpi, theirSpi, suite, Arrays.copyOf(in, encLen), Arrays.copyOfRange(in, encLen, in.length),
        Arrays.copyOf(out, encLen), Arrays.copyOfRange(out, encLen, out.length), seconds, kilobytes));
  }

  void cancel() {
    done = true;
  }

  /** Life type/duration attribute pairs (RFC 2407 section 4.5): {seconds, kilobytes}, 0 where absent. */
  static long[] lifetimes(byte[] b) {
    long[] out = new long[2];
    int type = 0;
    int i = 0;
    while (i + 4 <= b.length) {
      int af = (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
      int a = af & 0x7FFF;
      long v;
      if ((af & 0x8000) != 0) {
        v = (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
        i += 4;
      } else {
        int len = (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
        if (i + 4 + len > b.length || len > 8) {
          break;
        }
        v = 0;
        for (int k = 0; k < len; k++) {
          v = v << 8 | b[i + 4 + k] & 0xFF;
        }
        i += 4 + len;
      }
      if (a == 1) {
        type = (int) v;
      } else if (a == 2 && (type == 1 || type == 2)) {
        out[type - 1] = v;
      }
    }
    return out;
  }

  private void fail(String reason) {
    done = true;
    ike.quickModeFailed(Failure.QUICK_MODE, reason);
  }

  private void arm(long delay) {
    ike.clock().schedule(delay, () -> {
      if (done) {
        return;
      }
      if (++tries >= s.retransmit().tries()) {
        done = true;
        ike.quickModeFailed(Failure.QUICK_MODE, "no answer to QM1 after " + tries + " tries");
        return;
      }
      ike.io().send(true, qm1);
      arm(delay * 2);
    });
  }
}
