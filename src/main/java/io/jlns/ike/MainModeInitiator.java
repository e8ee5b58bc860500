package io.jlns.ike;

import io.jlns.config.Ipv4Address;
import io.jlns.crypto.DiffieHellman;
import io.jlns.ike.message.Attribute;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import io.jlns.ike.message.Proposal;
import io.jlns.ike.message.Transform;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new ISAKMP SA started by jlns when the client's is about to expire (RFC 2409 section 5, jlns
 * as initiator of Main Mode with the pre-shared key). A client that ignores our shorter lifetime
 * and does not re-authenticate in time (strongSwan with {@code rekey=no}, or an ISAKMP lifetime
 * longer than ours) would otherwise be left without an SA for its next Quick Mode, and jlns without
 * one for its own rekeys of the ESP pairs ({@link Rekey}) and for dead-peer detection.
 *
 * <p>At 90% of the lifetime, at least {@link #MARGIN_MILLIS} before its end, if the peer still has
 * ESP pairs and has not made a newer ISAKMP SA itself: messages 1, 3 and 5 go to the endpoint the
 * client uses (behind a NAT its UDP 4500 mapping, with the non-ESP marker, RFC 3947 section 4), with
 * the suite the client chose last time and our lifetime, our NAT-T and DPD vendor IDs, and no
 * INITIAL-CONTACT (the client's ESP SAs stay). Our public value and the keys are computed on the
 * Diffie-Hellman workers ({@link Offload}). Once message 6 verifies, the new SA is the peer's newest:
 * Quick Mode, DPD and deletes use it; the old one ends at its lifetime with a Delete as before
 * (strongSwan, seeing a new SA from the same peer, moves its ESP SAs onto it and deletes the old).
 * No answer after three retransmissions: the attempt is logged and removed.
 */
final class MainModeInitiator {
  /** The least time before an ISAKMP SA's end at which jlns starts its replacement. */
  static final long MARGIN_MILLIS = 15_000;
  /** First retransmission wait; it doubles: sent again at 4, 12 and 28 s, given up at 44 s. */
  static final long RETRANSMIT_MILLIS = 4_000;
  static final int TRIES = 3;

  /** What jlns keeps of an exchange it started, beside the SA: the SA it replaces and our DH pair. */
  private static final class Started {
    final IkeSa old;
    DiffieHellman dh;
    boolean computing;

    Started(IkeSa old) {
      this.old = old;
    }
  }

  private final IkeResponder r;
  private final Map<IkeSa, Started> started = new HashMap<>();

  MainModeInitiator(IkeResponder r) {
    this.r = r;
  }

  /** Phase 1 done: the SA's replacement is planned for {@code 90%} of its lifetime. */
  void watch(IkeSa sa) {
    long life = sa.suite.lifetimeSeconds() * 1000;
    long soft = life - Math.max(MARGIN_MILLIS, life / 10);
    if (soft > 0) {
      r.scheduler.schedule(soft, () -> due(sa));
    }
  }

  /**
   * The key of an incoming message in the responder's table: our cookie, which is the responder
   * cookie unless the message belongs to an SA we initiated (then it is the initiator cookie).
   */
  static long ourCookie(IkeResponder r, Header hd) {
    IkeSa mine = r.sas.get(hd.initiatorCookie());
    if (mine != null) {
      return mine.initiator ? hd.initiatorCookie() : hd.responderCookie();
    }
    boolean elsewhere = r.sas.get(hd.responderCookie()) == null && r.shared.owner(hd.responderCookie()) == null
        && r.shared.owner(hd.initiatorCookie()) != null;
    return elsewhere ? hd.initiatorCookie() : hd.responderCookie();
  }

  /** True when {@code sa} is ours and still waits for message 2, which brings the peer's cookie. */
  static boolean awaitsCookie(IkeSa sa, Header hd) {
    return sa.initiator && sa.state == IkeSa.State.MM_I_SA_SENT && sa.rcookie == 0 && hd.responderCookie() != 0;
  }

  private void due(IkeSa old) {
    if (old.state != IkeSa.State.ESTABLISHED || r.sas.get(old.ourCookie()) != old) {
      return;
    }
    String why = null;
    if (r.peers.newest(old.peer) != old) {
      why = "the client made a newer one";
    } else if (r.peers.children(old.peer).isEmpty()) {
      why = "it carries no ESP SA";
    }
    if (why == null && key(old).isEmpty()) {
      why = "no pre-shared key is configured for the address " + old.peer.getAddress().getHostAddress();
    }
    if (why != null) {
      if (IkeDebug.on(old.peer)) {
        IkeDebug.say(old.connId, " lifetime nearly over; not replaced by jlns: " + why);
      }
      return;
    }
    start(old);
  }

  private void start(IkeSa old) {
    long cookie;
    do {
      cookie = r.random.nextLong();
    } while (cookie == 0 || r.shared.owner(cookie) != null);
    IkeSa sa = new IkeSa(cookie, 0, true, r.shared.nextConnId(), old.peer, old.local, r.scheduler.nowMillis());
    Phase1Suite s = old.suite;
    Proposal ours = new Proposal(1, Proposal.PROTO_ISAKMP, new byte[0], List.of(ourTransform(s)));
    sa.suite = new Phase1Suite(s.policy(), s.cipher(), s.keyLength(), s.hash(), s.group(), s.lifetimeSeconds(), ours);
    sa.floated = old.floated;
    sa.keyByName = old.keyByName;
    sa.peerIdentity = old.peerIdentity;
    sa.state = IkeSa.State.MM_I_SA_SENT;
    Payload.Sa offer = new Payload.Sa(1, 1, List.of(ours));
    sa.saBody = IsakmpCodec.body(offer);
    byte[] mm1 = IsakmpCodec.encode(sa.icookie, 0, Header.MAIN_MODE, 0, 0, List.of(offer, new Payload.VendorId(VendorIds.NAT_T_RFC),
        new Payload.VendorId(VendorIds.NAT_T_DRAFT_02N), new Payload.VendorId(VendorIds.DPD)));
    if (!r.register(sa)) {
      return;
    }
    started.put(sa, new Started(old));
    IkeResponder.LOG.info("%CRYPTO-6-IKMP_REAUTH: ISAKMP SA with {} (conn-id {}) ends in {} s and the client has not replaced it:"
        + " jlns starts Main Mode (conn-id {})", old.describe(), old.connId, Math.max(0, (old.expiresMillis - r.scheduler.nowMillis())
        / 1000), sa.connId);
    r.counters.count("reauth-started");
    if (IkeDebug.on(sa.peer)) {
      IkeDebug.state(sa, "IKE_READY", "IKE_I_MM1");
      IkeDebug.sending(sa, "MM1 (replacing conn-id " + old.connId + ")");
    }
    send(sa, mm1);
  }

  /**
   * The key the client's SA was made with: for one from Aggressive Mode, the hostname key of the
   * identity it gave (as {@link AggressiveMode#key} chose), else the key for its address.
   */
  private Optional<byte[]> key(IkeSa sa) {
    if (sa.keyByName && !sa.peerIdentity.isEmpty()) {
      Optional<byte[]> byName = PresharedKeys.forHostname(r.config.get(), sa.peerIdentity);
      if (byName.isPresent()) {
        return byName;
      }
    }
    return PresharedKeys.forAddress(r.config.get(), Ipv4Address.of(sa.peer.getAddress().getHostAddress()));
  }

  /** The transform the client chose last time, with our lifetime in seconds (RFC 2407 section 4.5). */
  private static Transform ourTransform(Phase1Suite s) {
    Transform t = s.chosen().transforms().get(0);
    List<Attribute> attrs = new ArrayList<>();
    for (Attribute a : t.attributes()) {
      if (a.type() != Phase1Proposals.LIFE_TYPE && a.type() != Phase1Proposals.LIFE_DURATION) {
        attrs.add(a);
      }
    }
    attrs.add(Attribute.basic(Phase1Proposals.LIFE_TYPE, Phase1Proposals.LIFE_SECONDS));
    attrs.add(Attribute.number(Phase1Proposals.LIFE_DURATION, s.lifetimeSeconds()));
    return new Transform(1, t.id(), attrs);
  }

  /** A Main Mode message for an SA we initiated (the responder found it by our cookie). */
  void onMainMode(IkeSa sa, InetSocketAddress remote, Header hd, byte[] data) {
    Started st = started.get(sa);
    if (st == null || st.computing) {
      r.counters.count(st == null ? "unexpected" : "busy");
      return;
    }
    if (sa.state == IkeSa.State.MM_I_SA_SENT && !hd.encrypted()) {
      onMessage2(sa, st, hd, data);
    } else if (sa.state == IkeSa.State.MM_I_KE_SENT && !hd.encrypted()) {
      onMessage4(sa, st, remote, hd, data);
    } else if (sa.state == IkeSa.State.MM_I_AUTH_SENT && hd.encrypted()) {
      onMessage6(sa, st, hd, data);
    } else {
      r.counters.drop("unexpected", "%CRYPTO-4-IKMP_BAD_MESSAGE: unexpected Main Mode message from " + IkeResponder.text(remote)
          + " in state " + sa.state + " of the exchange jlns started");
    }
  }

  private Payloads payloads(IkeSa sa, Header hd, byte[] data, String which) {
    Decoding<Payloads> p = IsakmpCodec.decodePayloads(hd.nextPayload(), data, Header.SIZE, data.length);
    if (!p.ok()) {
      r.counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: Main Mode message " + which + " from " + sa.describe() + ": "
          + p.error());
      return null;
    }
    return p.value();
  }

  private void onMessage2(IkeSa sa, Started st, Header hd, byte[] data) {
    Payloads ps = payloads(sa, hd, data, "2");
    Payload.Sa answer = ps == null ? null : ps.first(Payload.Sa.class);
    if (answer == null || answer.proposals().size() != 1 || answer.proposals().get(0).transforms().size() != 1
        || !sameSuite(answer.proposals().get(0).transforms().get(0), sa.suite.chosen().transforms().get(0))) {
      if (ps != null) {
        r.counters.drop("bad-proposal", "%CRYPTO-4-IKMP_BAD_MESSAGE: Main Mode message 2 from " + sa.describe()
            + " does not accept the one transform jlns offered");
      }
      return;
    }
    sa.rcookie = hd.responderCookie();
    VendorIds.read(sa, ps.all(Payload.VendorId.class));
    sa.state = IkeSa.State.MM_I_KE_SENT;
    sa.ni = new byte[32];
    r.random.nextBytes(sa.ni);
    byte[] request = data;
    DiffieHellman.Group group = sa.suite.group();
    java.security.SecureRandom random = r.random;
    st.computing = true;
    boolean taken = r.offload.submit(() -> {
      DiffieHellman dh = new DiffieHellman(group, random);
      dh.publicValue();
      return dh;
    }, dh -> {
      st.computing = false;
      if (sa.state != IkeSa.State.MM_I_KE_SENT) {
        return;
      }
      st.dh = dh;
      sa.gxi = dh.publicValue();
      List<Payload> m3 = new ArrayList<>(List.of(new Payload.KeyExchange(sa.gxi), new Payload.Nonce(sa.ni)));
      if (sa.natTSupported) {
        m3.addAll(NatT.ours(sa, sa.peer));
      }
      if (IkeDebug.on(sa.peer)) {
        IkeDebug.state(sa, "IKE_I_MM1", "IKE_I_MM3");
        IkeDebug.sending(sa, "MM3");
      }
      r.answer(sa, request, IsakmpCodec.encode(sa.icookie, sa.rcookie, Header.MAIN_MODE, 0, 0, m3));
      retransmit(sa, sa.state, sa.lastReply, 1);
    });
    if (!taken) {
      st.computing = false;
      sa.state = IkeSa.State.MM_I_SA_SENT;
      r.counters.count("crypto-queue-full");
    }
  }

  /** The chosen transform is the one we offered: cipher, key length, hash, authentication, group. */
  private static boolean sameSuite(Transform got, Transform offered) {
    for (int type : new int[] {Phase1Proposals.ENCRYPTION, Phase1Proposals.KEY_LENGTH, Phase1Proposals.HASH, Phase1Proposals.AUTH,
        Phase1Proposals.GROUP}) {
      if (got.attribute(type) != offered.attribute(type)) {
        return false;
      }
    }
    return got.id() == offered.id();
  }

  private void onMessage4(IkeSa sa, Started st, InetSocketAddress remote, Header hd, byte[] data) {
    Payloads ps = payloads(sa, hd, data, "4");
    Payload.KeyExchange ke = ps == null ? null : ps.first(Payload.KeyExchange.class);
    Payload.Nonce nonce = ps == null ? null : ps.first(Payload.Nonce.class);
    if (ke == null || !MainModeKeyExchange.nonceOk(nonce) || ke.data().length != sa.suite.group().publicLength()) {
      if (ps != null) {
        r.counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: Main Mode message 4 from " + sa.describe()
            + " lacks a valid KE or nonce (RFC 2409 section 5)");
      }
      return;
    }
    Optional<byte[]> psk = key(sa);
    if (psk.isEmpty()) {
      fail(sa, "its pre-shared key was removed from the configuration");
      return;
    }
    sa.gxr = ke.data();
    sa.nr = nonce.data();
    List<Payload.NatD> natD = ps.all(Payload.NatD.class);
    NatT.detect(sa, natD, remote);
    DiffieHellman dh = st.dh;
    Phase1Suite suite = sa.suite;
    byte[] key = psk.get();
    byte[] ni = sa.ni;
    byte[] nr = sa.nr;
    byte[] gxi = sa.gxi;
    byte[] gxr = sa.gxr;
    long icookie = sa.icookie;
    long rcookie = sa.rcookie;
    byte[] request = data;
    sa.state = IkeSa.State.MM_I_AUTH_SENT;
    st.computing = true;
    boolean taken = r.offload.submit(() -> {
      byte[] gxy = dh.sharedSecret(gxr);
      return gxy == null ? null : IkeSa.phase1Keys(suite, key, ni, nr, gxy, icookie, rcookie, gxi, gxr);
    }, keys -> {
      st.computing = false;
      if (sa.state != IkeSa.State.MM_I_AUTH_SENT) {
        return;
      }
      if (keys == null) {
        fail(sa, "its Diffie-Hellman public value in message 4 is invalid");
        return;
      }
      sa.keys(keys);
      Payload.Identification id = sa.ourIdentity();
      byte[][] iv = {sa.iv};
      byte[] m5 = sa.encrypt(Header.MAIN_MODE, 0, List.of(id, new Payload.Hash(sa.hashI(IsakmpCodec.body(id)))), iv);
      sa.iv = iv[0];
      if (IkeDebug.on(sa.peer)) {
        IkeDebug.state(sa, "IKE_I_MM3", "IKE_I_MM5");
        IkeDebug.sending(sa, "MM5");
      }
      r.answer(sa, request, m5);
      retransmit(sa, sa.state, m5, 1);
    });
    if (!taken) {
      st.computing = false;
      sa.state = IkeSa.State.MM_I_KE_SENT;
      r.counters.count("crypto-queue-full");
    }
  }

  private void onMessage6(IkeSa sa, Started st, Header hd, byte[] data) {
    byte[][] iv = {sa.iv};
    Decoding<Payloads> p = sa.decrypt(hd.nextPayload(), data, iv);
    Payloads ps = p.ok() ? p.value() : null;
    int idIndex = ps == null ? -1 : ps.indexOf(Payload.ID);
    Payload.Hash hashR = ps == null ? null : ps.first(Payload.Hash.class);
    if (idIndex < 0 || hashR == null || !MessageDigest.isEqual(sa.hashR(ps.body(idIndex)), hashR.data())) {
      fail(sa, "message 6 does not " + (idIndex < 0 || hashR == null ? "decrypt to ID and HASH" : "verify (HASH_R)")
          + ": the client's pre-shared key differs from ours");
      return;
    }
    sa.iv = iv[0];
    sa.peerIdentity = MainModeAuth.identityText((Payload.Identification) ps.list().get(idIndex));
    started.remove(sa);
    if (IkeDebug.on(sa.peer)) {
      IkeDebug.say(sa.connId, " MM6: peer ID " + sa.peerIdentity + ", HASH_R verified");
      IkeDebug.state(sa, "IKE_I_MM5", "IKE_P1_COMPLETE");
    }
    r.counters.count("reauth");
    MainModeAuth.established(r, sa, ps, ", Main Mode initiated by jlns to replace conn-id " + st.old.connId);
  }

  private void send(IkeSa sa, byte[] m) {
    sa.lastRequest = null;
    sa.lastReply = m;
    r.transport.send(sa.local, sa.peer, m);
    retransmit(sa, sa.state, m, 1);
  }

  /** Our message again while the state has not moved; after {@link #TRIES} the attempt is given up. */
  private void retransmit(IkeSa sa, IkeSa.State in, byte[] m, int attempt) {
    r.scheduler.schedule(RETRANSMIT_MILLIS << Math.min(attempt - 1, TRIES - 1), () -> {
      if (sa.state != in || r.sas.get(sa.ourCookie()) != sa || sa.lastReply != m) {
        return;
      }
      if (attempt > TRIES) {
        fail(sa, "no answer to " + (in == IkeSa.State.MM_I_SA_SENT ? "message 1" : in == IkeSa.State.MM_I_KE_SENT ? "message 3"
            : "message 5") + " after " + TRIES + " retransmissions");
        return;
      }
      r.counters.count("retransmitted-by-us");
      r.transport.send(sa.local, sa.peer, m);
      retransmit(sa, in, m, attempt + 1);
    });
  }

  /** The SA was deleted (expired, cleared, failed): what we kept for its exchange goes. */
  void gone(IkeSa sa) {
    started.remove(sa);
  }

  private void fail(IkeSa sa, String why) {
    Started st = started.remove(sa);
    if (st == null) {
      return;
    }
    if (r.counters.loud("reauth-failed")) {
      r.counters.log("reauth-failed", "%CRYPTO-4-IKMP_REAUTH_FAILED: Main Mode jlns started toward " + sa.describe()
          + " to replace conn-id " + st.old.connId + " failed: " + why + "; the old ISAKMP SA ends at its lifetime, the ESP SAs"
          + " at theirs, unless the client negotiates anew");
    }
    r.delete(sa, false, "Main Mode jlns started failed");
  }
}
