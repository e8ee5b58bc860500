package io.jlns.loadgen;

import io.jlns.crypto.DiffieHellman;
import io.jlns.ike.Keys;
import io.jlns.ike.NatT;
import io.jlns.ike.Notifications;
import io.jlns.ike.VendorIds;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import io.jlns.ike.message.Proposal;
import io.jlns.ike.message.Transform;
import io.jlns.time.Scheduler;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * IKEv1 initiator of one client (RFC 2409): Main Mode with a pre-shared key, NAT-T forced (RFC
 * 3947: our NAT-D names a private address, so the responder sees a NAT and both move to port
 * 4500), then Quick Mode for L2TP in UDP-encapsulated transport mode. Informational exchanges:
 * DPD answered (RFC 3706), Deletes sent and received. No I/O: messages go out through {@link Io}.
 */
final class IkeInitiator {
  /** Where messages go: to the responder's port 500, or its NAT-T port with the non-ESP marker. */
  interface Io {
    void send(boolean natT, byte[] message);
  }

  /** What the layer above hears. */
  interface Events {
    void phase1Up(IkeKeys keys);

    void childUp(Child child);

    /** The responder deleted the ESP SA whose outbound SPI (its inbound) is {@code theirSpi}. */
    void childDeleted(int theirSpi);

    void failed(Failure failure, String reason);
  }

  /** Settings of one initiator. */
  record Settings(List<Suites.Ike> ike, List<Suites.Esp> esp, byte[] psk, Profile profile, DiffieHellman.Group pfs,
      byte[] privateAddress, Retransmit retransmit) {}

  /** Retransmission (RFC 2408 leaves it to the implementation): first wait, doubling, tries. */
  record Retransmit(long firstMillis, int tries) {
    static final Retransmit DEFAULT = new Retransmit(2000, 4);
  }

  enum State { IDLE, MM1, MM3, MM5, PHASE1, DEAD }

  private final Settings s;
  private final InetSocketAddress server500;
  private final Io io;
  private final Events events;
  private final Scheduler clock;
  private final RandomGenerator random;
  private final DhSource dh;
  private State state = State.IDLE;
  private long icookie;
  private long rcookie;
  private byte[] saBody;
  private Suites.Ike chosen;
  private DiffieHellman ourDh;
  private byte[] gxr;
  private byte[] ni;
  private boolean rfcNatT;
  private IkeKeys keys;
  private QuickExchange qm;
  private byte[] lastSent;
  private boolean lastNatT;
  private int timerGeneration;
  private int tries;
  private boolean initialContact = true;

  /** DH key pairs: the generator may hand the same pair to several clients (see {@link Fleet}). */
  interface DhSource {
    DiffieHellman pair(DiffieHellman.Group group);
  }

  IkeInitiator(Settings s, InetSocketAddress server500, Io io, Events events, Scheduler clock, RandomGenerator random, DhSource dh) {
    this.s = s;
    this.server500 = server500;
    this.io = io;
    this.events = events;
    this.clock = clock;
    this.random = random;
    this.dh = dh;
  }

  State state() {
    return state;
  }

  IkeKeys keys() {
    return keys;
  }

  /** Main Mode message 1: our cookie, the SA with every proposal as a transform of one proposal, vendor IDs. */
  void start() {
    icookie = random.nextLong() | 1;
    rcookie = 0;
    List<Transform> ts = new ArrayList<>();
    for (int i = 0; i < s.ike().size(); i++) {
      ts.add(s.ike().get(i).transform(i + 1, s.profile().ikeLifetime()));
    }
    Payload.Sa sa = new Payload.Sa(1, 1, List.of(new Proposal(1, Proposal.PROTO_ISAKMP, new byte[0], ts)));
    saBody = IsakmpCodec.body(sa);
    List<Payload> p = new ArrayList<>(List.of(sa));
    s.profile().vendorIds().forEach(v -> p.add(new Payload.VendorId(v)));
    state = State.MM1;
    transmit(false, IsakmpCodec.encode(icookie, 0, Header.MAIN_MODE, 0, 0, p));
  }

  /** A datagram from the responder (the non-ESP marker already removed). */
  void onMessage(byte[] m) {
    Decoding<Header> d = IsakmpCodec.decodeHeader(m, m.length);
    if (!d.ok() || d.value().initiatorCookie() != icookie || state == State.DEAD) {
      return;
    }
    Header h = d.value();
    switch (h.exchange()) {
      case Header.MAIN_MODE -> onMainMode(m, h);
      case Header.QUICK_MODE -> {
        if (qm != null && h.messageId() == qm.messageId) {
          qm.onMessage(m, h);
        }
      }
      case Header.INFORMATIONAL -> onInformational(m, h);
      default -> { }
    }
  }

  private void onMainMode(byte[] m, Header h) {
    if (h.encrypted() != (state == State.MM5)) {
      return;
    }
    switch (state) {
      case MM1 -> {
        Payloads ps = clear(m, h);
        Payload.Sa sa = ps == null ? null : ps.first(Payload.Sa.class);
        if (sa == null || sa.proposals().isEmpty() || sa.proposals().get(0).transforms().size() != 1) {
          fail(Failure.IKE_MALFORMED, "MM2 carries no SA with one chosen transform");
          return;
        }
        Suites.Ike chosen = Suites.Ike.of(sa.proposals().get(0).transforms().get(0));
        if (chosen == null || !s.ike().contains(chosen)) {
          fail(Failure.NO_PROPOSAL, "MM2 chose a transform we did not offer");
          return;
        }
        rfcNatT = ps.all(Payload.VendorId.class).stream().anyMatch(v -> Arrays.equals(v.data(), VendorIds.NAT_T_RFC));
        rcookie = h.responderCookie();
        mm3(chosen);
      }
      case MM3 -> onMm4(m, h);
      case MM5 -> onMm6(m, h);
      default -> { }
    }
  }

  private void mm3(Suites.Ike suite) {
    chosen = suite;
    ourDh = dh.pair(suite.group());
    ni = new byte[20];
    random.nextBytes(ni);
    byte[] ci = Keys.int64(icookie);
    byte[] cr = Keys.int64(rcookie);
    // RFC 3947 section 3.2: NAT-D of the destination, then of ourselves as we know us: a private
    // address, so the responder finds a NAT and moves to port 4500 (strongSwan's forceencaps).
    int type = rfcNatT ? Payload.NAT_D : Payload.NAT_D_DRAFT;
    byte[] dst = NatT.natD(suite.hash(), ci, cr, server500);
    byte[] src = NatT.natD(suite.hash(), ci, cr, new InetSocketAddress(Fleet.address(s.privateAddress()), 500));
    state = State.MM3;
    transmit(false, IsakmpCodec.encode(icookie, rcookie, Header.MAIN_MODE, 0, 0, List.of(new Payload.KeyExchange(ourDh.publicValue()),
        new Payload.Nonce(ni), new Payload.NatD(type, dst), new Payload.NatD(type, src))));
  }

  private void onMm4(byte[] m, Header h) {
    Payloads ps = clear(m, h);
    Payload.KeyExchange ke = ps == null ? null : ps.first(Payload.KeyExchange.class);
    Payload.Nonce nr = ps == null ? null : ps.first(Payload.Nonce.class);
    if (ke == null || nr == null) {
      // A busy responder answers our retransmitted MM1 with MM2 again: not MM4, and no error.
      return;
    }
    // The hashes and the IV take g^xr as it came (RFC 2409 section 5: the KE payload's data).
    byte[] gxr = ke.data();
    byte[] value = gxr;
    int want = chosen.group().publicLength();
    if (value.length < want && !chosen.group().elliptic()) {
      // Section 5 wants g^x padded to the prime's length; SoftEther drops a leading zero byte (one
      // MM4 in 256). The client takes it as the number it is.
      value = new byte[want];
      System.arraycopy(gxr, 0, value, want - gxr.length, gxr.length);
    }
    byte[] gxy = ourDh.sharedSecret(value);
    if (gxy == null) {
      fail(Failure.IKE_MALFORMED, "MM4's KE is not a valid element of group " + chosen.group().number());
      return;
    }
    keys = new IkeKeys(chosen, icookie, rcookie, s.psk(), ni, nr.data(), gxy, ourDh.publicValue(), gxr);
    Payload.Identification id = ourId(17, 500);
    byte[] hashI = keys.hash().prf(keys.skeyid, ourDh.publicValue(), gxr, Keys.int64(icookie), Keys.int64(rcookie), saBody,
        IsakmpCodec.body(id));
    List<Payload> p = new ArrayList<>(List.of(id, new Payload.Hash(hashI)));
    if (initialContact) {
      // RFC 2407 section 4.6.3.3: our first ISAKMP SA with this peer; it may drop old state of ours.
      p.add(new Payload.Notify(1, Proposal.PROTO_ISAKMP, Notifications.INITIAL_CONTACT, keys.cookies(), new byte[0]));
    }
    this.gxr = gxr;
    state = State.MM5;
    // RFC 3947 section 4: once a NAT is seen, message 5 goes to port 4500.
    transmit(true, keys.encrypt(Header.MAIN_MODE, 0, p, null));
  }

  private void onMm6(byte[] m, Header h) {
    Payloads ps = keys.decrypt(m, h, null);
    if (ps == null || ps.indexOf(Payload.ID) < 0 || ps.first(Payload.Hash.class) == null) {
      // A wrong pre-shared key gives the responder other keys: MM6 then decrypts to garbage.
      fail(Failure.WRONG_PSK, "MM6 does not decrypt (pre-shared key differs?)");
      return;
    }
    byte[] want = keys.hash().prf(keys.skeyid, gxr, ourDh.publicValue(), Keys.int64(rcookie), Keys.int64(icookie), saBody,
        ps.body(ps.indexOf(Payload.ID)));
    if (!MessageDigest.isEqual(want, ps.first(Payload.Hash.class).data())) {
      fail(Failure.WRONG_PSK, "HASH_R does not verify (pre-shared key differs?)");
      return;
    }
    state = State.PHASE1;
    initialContact = false;
    settle();
    events.phase1Up(keys);
  }

  /** Quick Mode for a new ESP SA pair (first, or a rekey); needs phase 1 up. */
  void quickMode() {
    if (state != State.PHASE1 || qm != null) {
      return;
    }
    qm = new QuickExchange(this, s, keys, random, dh);
    qm.start();
  }

  void quickModeDone(Child child) {
    qm = null;
    events.childUp(child);
  }

  void quickModeFailed(Failure f, String reason) {
    qm = null;
    fail(f, reason);
  }

  private void onInformational(byte[] m, Header h) {
    if (!h.encrypted()) {
      // Before keys exist a responder can only tell us in clear why it refused (RFC 2408 section 3.14).
      Payloads ps = clear(m, h);
      Payload.Notify n = ps == null ? null : ps.first(Payload.Notify.class);
      if (n != null && state != State.PHASE1) {
        fail(n.messageType() == Notifications.NO_PROPOSAL_CHOSEN ? Failure.NO_PROPOSAL
            : n.messageType() == Notifications.AUTHENTICATION_FAILED || n.messageType() == Notifications.INVALID_HASH_INFORMATION
                ? Failure.WRONG_PSK : Failure.IKE_REFUSED, "responder's notify " + n.messageType() + " in state " + state);
      }
      return;
    }
    if (keys == null) {
      return;
    }
    Payloads ps = keys.decrypt(m, h, keys.ivFor(h.messageId()));
    if (ps == null || !(ps.list().get(0) instanceof Payload.Hash hash)
        || !MessageDigest.isEqual(hash.data(), keys.hash1(h.messageId(), ps.from(1)))) {
      return;
    }
    for (Payload p : ps.list()) {
      if (p instanceof Payload.Notify n && n.messageType() == Notifications.R_U_THERE) {
        // RFC 3706 section 5.2: the ACK echoes the sequence number.
        informational(List.of(new Payload.Notify(1, Proposal.PROTO_ISAKMP, Notifications.R_U_THERE_ACK, keys.cookies(), n.data())));
      } else if (p instanceof Payload.Delete del && del.protocol() == Proposal.PROTO_IPSEC_ESP) {
        del.spis().forEach(spi -> events.childDeleted(Keys.int32be(spi)));
      } else if (p instanceof Payload.Delete del && del.protocol() == Proposal.PROTO_ISAKMP) {
        // The ISAKMP SA is gone; the ESP SAs live on (RFC 2409 section 5.5), a rekey starts a new Main Mode.
        state = State.IDLE;
        keys = null;
      }
    }
  }

  /** An informational exchange (RFC 2409 section 5.7) carrying {@code payloads}, if phase 1 is up. */
  void informational(List<Payload> payloads) {
    if (keys == null) {
      return;
    }
    int mid = random.nextInt() | 1;
    List<Payload> all = new ArrayList<>();
    all.add(new Payload.Hash(keys.hash1(mid, IsakmpCodec.encodePayloads(payloads))));
    all.addAll(payloads);
    io.send(true, keys.encrypt(Header.INFORMATIONAL, mid, all, keys.ivFor(mid)));
  }

  /** Deletes our ESP SA (RFC 2408 section 3.15: the SPI of the SA being deleted, ours inbound) . */
  void deleteChild(int ourSpi) {
    informational(List.of(new Payload.Delete(1, Proposal.PROTO_IPSEC_ESP, 4, List.of(Keys.int32(ourSpi)))));
  }

  /** Deletes the ISAKMP SA and stops. */
  void close(boolean sendDelete) {
    if (sendDelete && keys != null) {
      informational(List.of(new Payload.Delete(1, Proposal.PROTO_ISAKMP, 16, List.of(keys.cookies()))));
    }
    state = State.DEAD;
    settle();
    if (qm != null) {
      qm.cancel();
      qm = null;
    }
  }

  Payload.Identification ourId(int protocol, int port) {
    return new Payload.Identification(Payload.Identification.IPV4_ADDR, protocol, port, s.privateAddress());
  }

  boolean rfcNatT() {
    return rfcNatT;
  }

  InetSocketAddress server() {
    return server500;
  }

  Io io() {
    return io;
  }

  Scheduler clock() {
    return clock;
  }

  private Payloads clear(byte[] m, Header h) {
    Decoding<Payloads> d = IsakmpCodec.decodePayloads(h.nextPayload(), m, Header.SIZE, Math.min(m.length, h.length()));
    return d.ok() ? d.value() : null;
  }

  private void fail(Failure f, String reason) {
    if (state == State.DEAD) {
      return;
    }
    State was = state;
    close(false);
    events.failed(f, reason + " [" + was + "]");
  }

  /** Sends a message we retransmit until the answer comes (RFC 2408 leaves timing to us). */
  private void transmit(boolean natT, byte[] m) {
    lastSent = m;
    lastNatT = natT;
    tries = 0;
    timerGeneration++;
    io.send(natT, m);
    arm(s.retransmit().firstMillis());
  }

  private void arm(long delay) {
    int gen = timerGeneration;
    clock.schedule(delay, () -> onTimeout(gen, delay));
  }

  private void onTimeout(int gen, long delay) {
    if (gen != timerGeneration || state == State.DEAD || state == State.PHASE1) {
      return;
    }
    if (++tries >= s.retransmit().tries()) {
      fail(state == State.MM5 ? Failure.WRONG_PSK : Failure.IKE_TIMEOUT, "no answer after " + tries + " tries"
          + (state == State.MM5 ? " (a responder that cannot decrypt MM5 stays silent: pre-shared key differs?)" : ""));
      return;
    }
    io.send(lastNatT, lastSent);
    arm(delay * 2);
  }

  private void settle() {
    timerGeneration++;
    lastSent = null;
  }
}
