package io.jlns.ike;

import io.jlns.crypto.DiffieHellman;
import io.jlns.crypto.HashAlgorithm;
import io.jlns.ike.message.Attribute;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import io.jlns.ike.message.Proposal;
import io.jlns.ike.message.Transform;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal IKEv1 initiator for in-process tests, built from RFC 2409 (Main Mode with a
 * pre-shared key, Quick Mode) and RFC 3947, behind a simulated NAT: its private address
 * 10.0.0.1x is not the public one the responder sees.
 */
final class TestInitiator {
  static final InetSocketAddress LNS_500 = new InetSocketAddress(addr("198.51.100.1"), 500);
  static final InetSocketAddress LNS_4500 = new InetSocketAddress(addr("198.51.100.1"), 4500);
  private final Harness h;
  final InetSocketAddress public500;
  final InetSocketAddress public4500;
  final byte[] privateAddress;
  private final byte[] psk;
  private final SecureRandom random = new SecureRandom(new byte[] {9});
  long icookie;
  long rcookie;
  DiffieHellman dh;
  byte[] gxr;
  byte[] ni;
  byte[] nr;
  byte[] saBody;
  byte[] skeyid;
  byte[] skeyidD;
  byte[] skeyidA;
  byte[] encKey;
  byte[] iv;
  final HashAlgorithm hash = HashAlgorithm.SHA1;
  final io.jlns.crypto.BlockCipher cipher = io.jlns.crypto.BlockCipher.TRIPLE_DES;
  int ourSpi;
  int theirSpi;
  byte[] qmNi;
  byte[] qmNr;
  /** Aggressive Mode: sends a HASH_I with one bit flipped. */
  boolean corruptHashI;
  /** Sets the commit bit in Quick Mode (RFC 2408 section 3.1) and expects a fourth message. */
  boolean commit;
  /** With {@link #commit}: the QM3 sent and the responder's answer to it (QM4), else null. */
  byte[] qm3;
  byte[] qm4;
  int qmMid;
  /** The responder's QM2, decrypted. */
  Payloads qm2;
  byte[][] qmIv;

  /** What the responder sends: to whom, and the bytes. */
  record Sent(InetSocketAddress local, InetSocketAddress remote, byte[] data) {}

  /** The responder and what it sent, shared by the initiators of a test. */
  interface Harness {
    IkeResponder responder();

    List<Sent> sent();
  }

  TestInitiator(Harness h, int publicPort, String privateAddress, String psk) {
    this(h, "198.51.100.2", publicPort, privateAddress, psk);
  }

  /** An initiator whose NAT's public address is {@code publicAddress}. */
  TestInitiator(Harness h, String publicAddress, int publicPort, String privateAddress, String psk) {
    this.h = h;
    this.public500 = new InetSocketAddress(addr(publicAddress), publicPort);
    this.public4500 = new InetSocketAddress(addr(publicAddress), publicPort + 1);
    this.privateAddress = addr(privateAddress).getAddress();
    this.psk = psk.getBytes(StandardCharsets.UTF_8);
  }

  /** The transforms of a Main Mode offer: 3DES-SHA1-MODP1024 with a lifetime of 28800 s, as Windows sends last. */
  static List<Transform> seedOffer() {
    return List.of(new Transform(1, 1, List.of(Attribute.basic(1, 5), Attribute.basic(2, 2), Attribute.basic(3, 1),
        Attribute.basic(4, 2), Attribute.basic(11, 1), Attribute.number(12, 28800))));
  }

  static List<Transform> aesSha256Group14Offer() {
    return List.of(new Transform(1, 1, List.of(Attribute.basic(1, 7), Attribute.basic(14, 256), Attribute.basic(2, 4),
        Attribute.basic(3, 1), Attribute.basic(4, 14))));
  }

  byte[] mm1(List<Transform> offer) {
    icookie = random.nextLong();
    Payload.Sa sa = new Payload.Sa(1, 1, List.of(new Proposal(1, Proposal.PROTO_ISAKMP, new byte[0], offer)));
    saBody = IsakmpCodec.body(sa);
    return IsakmpCodec.encode(icookie, 0, Header.MAIN_MODE, 0, 0,
        List.of(sa, new Payload.VendorId(VendorIds.NAT_T_RFC), new Payload.VendorId(VendorIds.DPD)));
  }

  /** Main Mode to the end; returns null on success or what went wrong. */
  String mainMode(boolean initialContact) {
    byte[] r2 = exchange(public500, LNS_500, mm1(seedOffer()));
    if (r2 == null) {
      return "no answer to MM1";
    }
    rcookie = IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    byte[] r4 = exchange(public500, LNS_500, mm3());
    if (r4 == null) {
      return "no answer to MM3";
    }
    onMm4(r4);
    byte[] r6 = exchange(public4500, LNS_4500, mm5(initialContact));
    if (r6 == null) {
      return "no answer to MM5";
    }
    return onMm6(r6);
  }

  /**
   * Aggressive Mode (RFC 2409 section 5.4, NAT-D per RFC 3947) with an FQDN identity, HASH_I
   * encrypted or in clear as the initiator chooses; null on success or what went wrong.
   */
  String aggressiveMode(String fqdn, boolean encryptedHashI) {
    String failed = aggressiveStart(fqdn);
    if (failed != null) {
      return failed;
    }
    byte[] ci = Keys.int64(icookie);
    byte[] cr = Keys.int64(rcookie);
    byte[] hashI = hash.prf(skeyid, dh.publicValue(), gxr, ci, cr, saBody, IsakmpCodec.body(aggressiveId));
    hashI[0] ^= corruptHashI ? 1 : 0;
    List<Payload> am3 = List.of(new Payload.Hash(hashI), new Payload.NatD(Payload.NAT_D, NatT.natD(hash, ci, cr, LNS_500)),
        new Payload.NatD(Payload.NAT_D, NatT.natD(hash, ci, cr, new InetSocketAddress(addrOf(privateAddress), 500))));
    // A NAT was seen: message 3 goes to 4500 already (RFC 3947 section 4).
    send(public4500, LNS_4500, encryptedHashI ? encrypt(Header.AGGRESSIVE, 0, am3, true)
        : IsakmpCodec.encode(icookie, rcookie, Header.AGGRESSIVE, 0, 0, am3));
    return null;
  }

  /** The identity Aggressive Mode's first message gave, for HASH_I. */
  Payload.Identification aggressiveId;

  /** Aggressive Mode's first two messages: AM1 sent, AM2 checked, keys derived; null on success or what went wrong. */
  String aggressiveStart(String fqdn) {
    icookie = random.nextLong();
    Payload.Sa sa = new Payload.Sa(1, 1, List.of(new Proposal(1, Proposal.PROTO_ISAKMP, new byte[0], seedOffer())));
    saBody = IsakmpCodec.body(sa);
    dh = new DiffieHellman(DiffieHellman.Group.MODP_1024, random);
    ni = new byte[20];
    random.nextBytes(ni);
    Payload.Identification id = new Payload.Identification(Payload.Identification.FQDN, 0, 0, fqdn.getBytes(StandardCharsets.US_ASCII));
    aggressiveId = id;
    byte[] r2 = exchange(public500, LNS_500, IsakmpCodec.encode(icookie, 0, Header.AGGRESSIVE, 0, 0, List.of(sa,
        new Payload.KeyExchange(dh.publicValue()), new Payload.Nonce(ni), id, new Payload.VendorId(VendorIds.NAT_T_RFC),
        new Payload.VendorId(VendorIds.DPD))));
    if (r2 == null) {
      return "no answer to AM1";
    }
    rcookie = IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    onMm4(r2);
    Payloads ps = IsakmpCodec.decodePayloads(r2[16], r2, Header.SIZE, r2.length).value();
    byte[] ci = Keys.int64(icookie);
    byte[] cr = Keys.int64(rcookie);
    byte[] hashR = hash.prf(skeyid, gxr, dh.publicValue(), cr, ci, saBody, ps.body(ps.indexOf(Payload.ID)));
    if (!MessageDigest.isEqual(hashR, ps.first(Payload.Hash.class).data())) {
      return "HASH_R does not verify";
    }
    List<Payload.NatD> natD = ps.all(Payload.NatD.class);
    if (natD.size() != 2 || !MessageDigest.isEqual(natD.get(0).hash(), NatT.natD(hash, ci, cr, public500))
        || !MessageDigest.isEqual(natD.get(1).hash(), NatT.natD(hash, ci, cr, LNS_500))) {
      return "AM2 lacks NAT-D of us (as the LNS sees us) then of the LNS";
    }
    return null;
  }

  byte[] mm3() {
    dh = new DiffieHellman(DiffieHellman.Group.MODP_1024, random);
    ni = new byte[20];
    random.nextBytes(ni);
    byte[] ci = Keys.int64(icookie);
    byte[] cr = Keys.int64(rcookie);
    // RFC 3947: NAT-D of the destination, then of the source as the sender knows it (its private address).
    byte[] dst = NatT.natD(hash, ci, cr, LNS_500);
    byte[] src = NatT.natD(hash, ci, cr, new InetSocketAddress(addrOf(privateAddress), 500));
    return IsakmpCodec.encode(icookie, rcookie, Header.MAIN_MODE, 0, 0, List.of(new Payload.KeyExchange(dh.publicValue()),
        new Payload.Nonce(ni), new Payload.NatD(Payload.NAT_D, dst), new Payload.NatD(Payload.NAT_D, src)));
  }

  void onMm4(byte[] r4) {
    Payloads ps = IsakmpCodec.decodePayloads(r4[16], r4, Header.SIZE, r4.length).value();
    gxr = ps.first(Payload.KeyExchange.class).data();
    nr = ps.first(Payload.Nonce.class).data();
    byte[] gxy = dh.sharedSecret(gxr);
    skeyid = Keys.skeyidPsk(hash, psk, ni, nr);
    byte[][] d = Keys.derive(hash, skeyid, gxy, Keys.int64(icookie), Keys.int64(rcookie));
    skeyidD = d[0];
    skeyidA = d[1];
    encKey = Keys.encryptionKey(hash, d[2], 24);
    iv = Keys.phase1Iv(hash, dh.publicValue(), gxr, 8);
  }

  byte[] mm5(boolean initialContact) {
    Payload.Identification id = new Payload.Identification(Payload.Identification.IPV4_ADDR, 17, 500, privateAddress);
    byte[] hashI = hash.prf(skeyid, dh.publicValue(), gxr, Keys.int64(icookie), Keys.int64(rcookie), saBody, IsakmpCodec.body(id));
    List<Payload> p = new ArrayList<>(List.of(id, new Payload.Hash(hashI)));
    if (initialContact) {
      p.add(new Payload.Notify(1, 1, Notifications.INITIAL_CONTACT, cookies(), new byte[0]));
    }
    return encrypt(Header.MAIN_MODE, 0, p, true);
  }

  String onMm6(byte[] r6) {
    Payloads ps = decrypt(r6, true);
    if (ps == null) {
      return "MM6 does not decrypt";
    }
    int idIndex = ps.indexOf(Payload.ID);
    byte[] want = hash.prf(skeyid, gxr, dh.publicValue(), Keys.int64(rcookie), Keys.int64(icookie), saBody, ps.body(idIndex));
    return MessageDigest.isEqual(want, ps.first(Payload.Hash.class).data()) ? null : "HASH_R does not verify";
  }

  /** Quick Mode for L2TP in UDP-encapsulated transport mode with one ESP transform. */
  String quickMode(int transformId, int keyBits, int auth) {
    int mid = random.nextInt() | 1;
    ourSpi = random.nextInt() | 0x1000;
    qmNi = new byte[16];
    random.nextBytes(qmNi);
    List<Attribute> attrs = new ArrayList<>(List.of(Attribute.basic(1, 1), Attribute.number(2, 3600), Attribute.basic(4, 4),
        Attribute.basic(5, auth)));
    if (keyBits > 0) {
      attrs.add(Attribute.basic(6, keyBits));
    }
    List<Payload> rest = List.of(
        new Payload.Sa(1, 1, List.of(new Proposal(1, Proposal.PROTO_IPSEC_ESP, Keys.int32(ourSpi),
            List.of(new Transform(1, transformId, attrs))))),
        new Payload.Nonce(qmNi),
        new Payload.Identification(Payload.Identification.IPV4_ADDR, 17, 1701, privateAddress),
        new Payload.Identification(Payload.Identification.IPV4_ADDR, 17, 1701, LNS_500.getAddress().getAddress()),
        new Payload.NatOa(Payload.NAT_OA, 1, privateAddress),
        new Payload.NatOa(Payload.NAT_OA, 1, LNS_500.getAddress().getAddress()));
    byte[] hash1 = hash.prf(skeyidA, Keys.int32(mid), IsakmpCodec.encodePayloads(rest));
    List<Payload> all = new ArrayList<>();
    all.add(new Payload.Hash(hash1));
    all.addAll(rest);
    byte[][] qiv = {Keys.exchangeIv(hash, iv, mid, 8)};
    qmMid = mid;
    qmIv = qiv;
    byte[] r2 = exchange(public4500, LNS_4500, encryptWith(Header.QUICK_MODE, mid, all, qiv, commit));
    if (r2 == null) {
      return "no answer to QM1";
    }
    Payloads ps = decryptWith(r2, qiv);
    qm2 = ps;
    if (ps == null) {
      return "QM2 does not decrypt";
    }
    qmNr = ps.first(Payload.Nonce.class).data();
    byte[] want = hash.prf(skeyidA, Keys.int32(mid), qmNi, ps.from(1));
    if (!MessageDigest.isEqual(want, ((Payload.Hash) ps.list().get(0)).data())) {
      return "HASH(2) does not verify";
    }
    theirSpi = Keys.int32be(ps.first(Payload.Sa.class).proposals().get(0).spi());
    byte[] hash3 = hash.prf(skeyidA, new byte[] {0}, Keys.int32(mid), qmNi, qmNr);
    if (commit != ((r2[19] & Header.FLAG_COMMIT) != 0)) {
      return "QM2 does not echo the commit bit";
    }
    qm3 = encryptWith(Header.QUICK_MODE, mid, List.of(new Payload.Hash(hash3)), qiv, commit);
    qm4 = exchange(public4500, LNS_4500, qm3);
    return commit && qm4 == null ? "no fourth message after QM3 with the commit bit" : null;
  }

  /**
   * Answers a Quick Mode the responder started (its own rekey) as a client does: checks HASH(1),
   * takes the offered transform with a new SPI of ours, sends QM2 and checks the QM3 that comes
   * back. Returns null on success or what went wrong; {@link #ourSpi}, {@link #theirSpi},
   * {@link #qmNi}, {@link #qmNr} are the new pair's.
   */
  String answerQuickMode(byte[] qm1) {
    Header hd = IsakmpCodec.decodeHeader(qm1, qm1.length).value();
    if (hd.exchange() != Header.QUICK_MODE || !hd.encrypted()) {
      return "not an encrypted Quick Mode message: " + hd;
    }
    int mid = hd.messageId();
    byte[][] qiv = {Keys.exchangeIv(hash, iv, mid, 8)};
    Payloads ps = decryptWith(qm1, qiv);
    if (ps == null || !(ps.list().get(0) instanceof Payload.Hash h1)) {
      return "QM1 does not decrypt to HASH first";
    }
    if (!MessageDigest.isEqual(h1.data(), hash.prf(skeyidA, Keys.int32(mid), ps.from(1)))) {
      return "HASH(1) does not verify";
    }
    Payload.Sa offered = ps.first(Payload.Sa.class);
    qmNi = ps.first(Payload.Nonce.class).data();
    qmNr = new byte[16];
    random.nextBytes(qmNr);
    theirSpi = Keys.int32be(offered.proposals().get(0).spi());
    ourSpi = random.nextInt() | 0x1000;
    Proposal p = offered.proposals().get(0);
    List<Payload> rest = new ArrayList<>();
    rest.add(new Payload.Sa(1, 1, List.of(new Proposal(1, p.protocol(), Keys.int32(ourSpi), p.transforms()))));
    rest.add(new Payload.Nonce(qmNr));
    rest.addAll(ps.all(Payload.Identification.class));
    byte[] hash2 = hash.prf(skeyidA, Keys.int32(mid), qmNi, IsakmpCodec.encodePayloads(rest));
    List<Payload> all = new ArrayList<>();
    all.add(new Payload.Hash(hash2));
    all.addAll(rest);
    byte[] qm3 = exchange(public4500, LNS_4500, encryptWith(Header.QUICK_MODE, mid, all, qiv));
    if (qm3 == null) {
      return "no QM3";
    }
    Payloads p3 = decryptWith(qm3, qiv);
    if (p3 == null || !(p3.list().get(0) instanceof Payload.Hash h3)) {
      return "QM3 does not decrypt to HASH";
    }
    return MessageDigest.isEqual(h3.data(), hash.prf(skeyidA, new byte[] {0}, Keys.int32(mid), qmNi, qmNr)) ? null
        : "HASH(3) does not verify";
  }

  /** The Ni of a Quick Mode message 1 the responder sent us, decrypted with this IKE SA's keys. */
  byte[] nonceOf(byte[] qm1) {
    int mid = IsakmpCodec.decodeHeader(qm1, qm1.length).value().messageId();
    Payloads ps = decryptWith(qm1, new byte[][] {Keys.exchangeIv(hash, iv, mid, 8)});
    return ps.first(Payload.Nonce.class).data();
  }

  /** Checks a fourth Quick Mode message: commit bit, HASH(4) = prf(SKEYID_a, M-ID | N), N(CONNECTED) for the responder's SPI. */
  String checkQm4(byte[] m) {
    Header hd = IsakmpCodec.decodeHeader(m, m.length).value();
    if (hd.exchange() != Header.QUICK_MODE || hd.messageId() != qmMid || !hd.commit() || !hd.encrypted()) {
      return "QM4 header: " + hd;
    }
    Payloads ps = decryptWith(m, new byte[][] {qmIv[0]});
    if (ps == null || ps.list().size() != 2 || !(ps.list().get(0) instanceof Payload.Hash h)
        || !(ps.list().get(1) instanceof Payload.Notify n)) {
      return "QM4 is not HASH, N";
    }
    if (!MessageDigest.isEqual(h.data(), hash.prf(skeyidA, Keys.int32(qmMid), ps.from(1)))) {
      return "HASH(4) does not verify";
    }
    if (n.messageType() != Notifications.CONNECTED || n.protocol() != Proposal.PROTO_IPSEC_ESP
        || Keys.int32be(n.spi()) != theirSpi) {
      return "QM4 notify: " + n.messageType() + " proto " + n.protocol();
    }
    return null;
  }

  /** KEYMAT of the SA whose SPI is {@code spi} (RFC 2409 section 5.5), for {@code length} bytes. */
  byte[] keymat(int spi, int length) {
    return Keys.keymat(hash, skeyidD, null, 3, Keys.int32(spi), qmNi, qmNr, length);
  }

  /** An informational exchange (RFC 2409 section 5.7) carrying {@code payloads}. */
  void informational(List<Payload> payloads) {
    int mid = random.nextInt() | 1;
    byte[] h1 = hash.prf(skeyidA, Keys.int32(mid), IsakmpCodec.encodePayloads(payloads));
    List<Payload> all = new ArrayList<>();
    all.add(new Payload.Hash(h1));
    all.addAll(payloads);
    byte[][] qiv = {Keys.exchangeIv(hash, iv, mid, 8)};
    send(public4500, LNS_4500, encryptWith(Header.INFORMATIONAL, mid, all, qiv));
  }

  /** Decrypts an informational the responder sent us. */
  Payloads openInformational(byte[] m) {
    int mid = IsakmpCodec.decodeHeader(m, m.length).value().messageId();
    return decryptWith(m, new byte[][] {Keys.exchangeIv(hash, iv, mid, 8)});
  }

  /**
   * {@code plain} (payloads as bytes, first of type {@code firstPayload}) encrypted with this IKE
   * SA's real keys: Phase 1 (message ID 0) continues the Phase 1 IV chain, any other message ID
   * starts its own (RFC 2409 appendix B). With {@code withHash}, a correct HASH(1) of
   * {@code plain} (Quick Mode, informational) is put in front, as a peer holding the keys would.
   */
  byte[] sealed(int exchange, int mid, int firstPayload, byte[] plain, boolean withHash) {
    return sealed(exchange, mid, firstPayload, plain, withHash, new byte[0]);
  }

  /** As above; HASH covers {@code hashPrefix} between the message ID and the payloads (QM2: the initiator's Ni). */
  byte[] sealed(int exchange, int mid, int firstPayload, byte[] plain, boolean withHash, byte[] hashPrefix) {
    byte[] body = plain;
    int first = firstPayload;
    if (withHash) {
      byte[] h = hash.prf(skeyidA, Keys.int32(mid), hashPrefix, plain);
      body = new byte[4 + h.length + plain.length];
      body[0] = (byte) firstPayload;
      body[3] = (byte) (4 + h.length);
      System.arraycopy(h, 0, body, 4, h.length);
      System.arraycopy(plain, 0, body, 4 + h.length, plain.length);
      first = Payload.HASH;
    }
    byte[][] holder = {mid == 0 ? iv : Keys.exchangeIv(hash, iv, mid, 8)};
    byte[] padded = Arrays.copyOf(body, Math.max(8, (body.length + 7) / 8 * 8));
    byte[] c = cipher.encrypt(encKey, holder[0], padded);
    if (mid == 0) {
      iv = Arrays.copyOfRange(c, c.length - 8, c.length);
    }
    return IsakmpCodec.withHeader(icookie, rcookie, first, exchange, Header.FLAG_ENCRYPTION, mid, c);
  }

  byte[] cookies() {
    byte[] b = Arrays.copyOf(Keys.int64(icookie), 16);
    System.arraycopy(Keys.int64(rcookie), 0, b, 8, 8);
    return b;
  }

  private byte[] encrypt(int exchange, int mid, List<Payload> p, boolean phase1) {
    byte[][] holder = {iv};
    byte[] m = encryptWith(exchange, mid, p, holder);
    if (phase1) {
      iv = holder[0];
    }
    return m;
  }

  private byte[] encryptWith(int exchange, int mid, List<Payload> p, byte[][] holder) {
    return encryptWith(exchange, mid, p, holder, false);
  }

  private byte[] encryptWith(int exchange, int mid, List<Payload> p, byte[][] holder, boolean commitBit) {
    byte[] plain = IsakmpCodec.encodePayloads(p);
    byte[] padded = Arrays.copyOf(plain, (plain.length + 7) / 8 * 8);
    byte[] c = cipher.encrypt(encKey, holder[0], padded);
    holder[0] = Arrays.copyOfRange(c, c.length - 8, c.length);
    return IsakmpCodec.withHeader(icookie, rcookie, p.get(0).type(), exchange,
        Header.FLAG_ENCRYPTION | (commitBit ? Header.FLAG_COMMIT : 0), mid, c);
  }

  private Payloads decrypt(byte[] m, boolean phase1) {
    byte[][] holder = {iv};
    Payloads ps = decryptWith(m, holder);
    if (phase1) {
      iv = holder[0];
    }
    return ps;
  }

  private Payloads decryptWith(byte[] m, byte[][] holder) {
    byte[] body = Arrays.copyOfRange(m, Header.SIZE, m.length);
    byte[] plain = cipher.decrypt(encKey, holder[0], body);
    holder[0] = Arrays.copyOfRange(body, body.length - 8, body.length);
    Decoding<Payloads> d = IsakmpCodec.decodePayloads(m[16] & 0xFF, plain, 0, plain.length);
    return d.ok() ? d.value() : null;
  }

  /** Sends and returns the responder's reply to us, or null. */
  byte[] exchange(InetSocketAddress from, InetSocketAddress to, byte[] m) {
    int before = h.sent().size();
    send(from, to, m);
    for (int i = h.sent().size() - 1; i >= before; i--) {
      if (h.sent().get(i).remote().equals(from)) {
        return h.sent().get(i).data();
      }
    }
    return null;
  }

  void send(InetSocketAddress from, InetSocketAddress to, byte[] m) {
    h.responder().onMessage(to, from, m);
  }

  static InetAddress addrOf(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static InetAddress addr(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
