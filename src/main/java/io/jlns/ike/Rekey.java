package io.jlns.ike;

import io.jlns.crypto.DiffieHellman;
import io.jlns.ike.message.Attribute;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import io.jlns.ike.message.Proposal;
import io.jlns.ike.message.Transform;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The responder's own rekey (RFC 2409 section 5.5, as IOS and strongSwan do as servers): when an
 * ESP pair nears the end of its lifetime in seconds or kilobytes and the client has not rekeyed,
 * jlns starts a Quick Mode as initiator on the client's ISAKMP SA, with the pair's own suite (PFS as
 * configured, NAT-T encapsulation kept, so the NAT demux port is kept), moves traffic to the new
 * pair once QM3 is sent, and deletes the old pair. A client that ignores RESPONDER-LIFETIME (strongSwan
 * proposes no volume limit) would otherwise lose its session when the kilobytes ran out.
 */
final class Rekey {
  /** Of the volume lifetime, the share used when the next pair is negotiated. */
  static final double VOLUME_SHARE = 0.9;
  /** How long the old pair still takes packets in flight once the new one carries traffic. */
  static final long OLD_PAIR_GRACE_MILLIS = 2_000;

  /** One Quick Mode we started, kept in its exchange until QM2 answers it. */
  static final class Started {
    final ChildSa old;
    final int inboundSpi;
    final byte[] ni;
    final DiffieHellman dh;
    byte[] qm1;
    boolean done;

    Started(ChildSa old, int inboundSpi, byte[] ni, DiffieHellman dh) {
      this.old = old;
      this.inboundSpi = inboundSpi;
      this.ni = ni;
      this.dh = dh;
    }
  }

  private final IkeResponder r;
  /** Inbound SPIs of the pairs being replaced now (one rekey each). */
  private final Set<Integer> replacing = new HashSet<>();

  Rekey(IkeResponder r) {
    this.r = r;
  }

  /**
   * A pair is in force: its seconds lifetime is watched. The client usually rekeys first (Windows at
   * about 90%); jlns starts at 95%, at least 10 s before the end, only if it has not.
   */
  void watch(ChildSa child) {
    long life = child.suite().lifetimeSeconds();
    long soft = Math.max(1, life - Math.max(10, life / 20)) * 1000;
    r.scheduler.schedule(soft, () -> due(child, "its lifetime of " + life + " s ends in " + (life * 1000 - soft) / 1000 + " s"));
  }

  /** The ESP layer saw the pair use {@link #VOLUME_SHARE} of its volume lifetime. */
  void volumeNearlyUsed(int inboundSpi) {
    ChildSa child = r.children.get(inboundSpi);
    if (child != null) {
      due(child, "it has used " + Math.round(VOLUME_SHARE * 100) + "% of its " + child.suite().lifetimeKilobytes() + " KB");
    }
  }

  private void due(ChildSa old, String why) {
    if (r.children.get(old.inboundSpi()) != old || replacing.contains(old.inboundSpi())) {
      return; // deleted, already replaced by the client, or being replaced
    }
    for (ChildSa c : r.peers.children(old.peer())) {
      if (c != old && c.createdMillis() >= old.createdMillis()) {
        return; // the client rekeyed already (on this ISAKMP SA or on a newer one)
      }
    }
    IkeSa sa = r.established(old.peer());
    if (sa == null) {
      IkeResponder.LOG.info("%CRYPTO-6-IPSEC_REKEY: ESP SA 0x{} with {} is due ({}) but no ISAKMP SA is left to rekey it on: "
          + "the client must negotiate anew", QuickMode.hex(old.inboundSpi()), IkeResponder.text(old.peer()), why);
      return;
    }
    start(sa, old, why);
  }

  private void start(IkeSa sa, ChildSa old, String why) {
    Phase2Suite s = old.suite();
    int mid;
    do {
      mid = r.random.nextInt();
    } while (mid == 0 || sa.exchanges.containsKey(mid));
    byte[] ni = new byte[32];
    r.random.nextBytes(ni);
    DiffieHellman dh = s.pfs() == null ? null : new DiffieHellman(s.pfs(), r.random);
    Started st = new Started(old, r.allocateSpi(), ni, dh);
    List<Payload> rest = new ArrayList<>();
    Proposal chosen = s.chosen();
    rest.add(new Payload.Sa(1, 1, List.of(new Proposal(1, Proposal.PROTO_IPSEC_ESP, Keys.int32(st.inboundSpi),
        List.of(ourTransform(chosen.transforms().get(0), s))))));
    rest.add(new Payload.Nonce(ni));
    if (dh != null) {
      rest.add(new Payload.KeyExchange(dh.publicValue()));
    }
    // Traffic selectors with the roles turned: ours (IDci) first, the client's (IDcr) second.
    rest.add(new Payload.Identification(Payload.Identification.IPV4_ADDR, old.localProtocol(), old.localPort(),
        old.local().getAddress().getAddress()));
    byte[] theirs = old.peerOriginal() != null ? old.peerOriginal() : old.peer().getAddress().getAddress();
    rest.add(new Payload.Identification(Payload.Identification.IPV4_ADDR, old.peerProtocol(), old.peerPort(), theirs));
    if (s.udpEncapsulated() && sa.natOaType != 0) {
      // RFC 3947 section 5.2: NAT-OAi (our address), NAT-OAr (the client's, as we see it).
      rest.add(new Payload.NatOa(sa.natOaType, Payload.Identification.IPV4_ADDR, old.local().getAddress().getAddress()));
      rest.add(new Payload.NatOa(sa.natOaType, Payload.Identification.IPV4_ADDR, old.peer().getAddress().getAddress()));
    }
    byte[] hash1 = sa.suite.hash().prf(sa.skeyidA, Keys.int32(mid), IsakmpCodec.encodePayloads(rest));
    List<Payload> all = new ArrayList<>();
    all.add(new Payload.Hash(hash1));
    all.addAll(rest);
    IkeSa.Exchange ex = sa.exchange(mid);
    byte[][] iv = {ex.iv};
    st.qm1 = sa.encrypt(Header.QUICK_MODE, mid, all, iv);
    ex.iv = iv[0];
    ex.rekey = st;
    replacing.add(old.inboundSpi());
    IkeResponder.LOG.info("%CRYPTO-6-IPSEC_REKEY: ESP SA 0x{} with {}: {} and the client has not rekeyed; jlns starts Quick Mode "
        + "(new inbound spi 0x{})", QuickMode.hex(old.inboundSpi()), sa.describe(), why, QuickMode.hex(st.inboundSpi));
    r.counters.count("rekeys-started");
    r.transport.send(sa.local, sa.peer, st.qm1);
    retransmit(sa, mid, st, 1);
  }

  /** The pair's transform as we propose it: the client's attributes, with our lifetimes (RFC 2407 section 4.5). */
  private static Transform ourTransform(Transform t, Phase2Suite s) {
    List<Attribute> attrs = new ArrayList<>();
    List<Attribute> a = t.attributes();
    for (int i = 0; i < a.size(); i++) {
      int type = a.get(i).type();
      if (type != Phase2Proposals.LIFE_TYPE && type != Phase2Proposals.LIFE_DURATION) {
        attrs.add(a.get(i));
      }
    }
    attrs.add(0, Attribute.basic(Phase2Proposals.LIFE_TYPE, 1));
    attrs.add(1, Attribute.number(Phase2Proposals.LIFE_DURATION, s.lifetimeSeconds()));
    attrs.add(2, Attribute.basic(Phase2Proposals.LIFE_TYPE, 2));
    attrs.add(3, Attribute.number(Phase2Proposals.LIFE_DURATION, s.lifetimeKilobytes()));
    return new Transform(1, t.id(), attrs);
  }

  private void retransmit(IkeSa sa, int mid, Started st, int attempt) {
    r.scheduler.schedule(5000L << (attempt - 1), () -> {
      if (st.done) {
        return;
      }
      if (attempt > 3 || sa.state != IkeSa.State.ESTABLISHED) {
        st.done = true;
        replacing.remove(st.old.inboundSpi());
        sa.exchanges.remove(mid);
        IkeResponder.LOG.warn("%CRYPTO-4-IPSEC_REKEY_FAILED: Quick Mode to {} to replace ESP SA 0x{} got no answer: the pair ends at "
            + "its lifetime unless the client rekeys", sa.describe(), QuickMode.hex(st.old.inboundSpi()));
        return;
      }
      r.transport.send(sa.local, sa.peer, st.qm1);
      retransmit(sa, mid, st, attempt + 1);
    });
  }

  /** QM2 of a Quick Mode we started (HASH(2) already at the head of {@code ps}, decrypted with the exchange's IV). */
  void onQm2(IkeSa sa, IkeSa.Exchange ex, int mid, Payloads ps, byte[] hash2, byte[] ivAfter, byte[] datagram) {
    Started st = ex.rekey;
    if (st.done) {
      return; // a retransmitted QM2 is answered with our QM3 by the exchange's retransmission check
    }
    byte[] want = sa.suite.hash().prf(sa.skeyidA, Keys.int32(mid), st.ni, ps.from(1));
    Payload.Sa answer = ps.first(Payload.Sa.class);
    Payload.Nonce nonce = ps.first(Payload.Nonce.class);
    Phase2Suite s = st.old.suite();
    if (!MessageDigest.isEqual(want, hash2) || answer == null || nonce == null || answer.proposals().size() != 1
        || answer.proposals().get(0).spi().length != 4 || answer.proposals().get(0).transforms().size() != 1
        || answer.proposals().get(0).transforms().get(0).id() != s.chosen().transforms().get(0).id()) {
      r.counters.drop("bad-hash", "%CRYPTO-4-IKMP_BAD_MESSAGE: Quick Mode message 2 from " + sa.describe()
          + " does not verify or does not accept our proposal");
      return;
    }
    byte[] gxy = null;
    if (st.dh != null) {
      Payload.KeyExchange ke = ps.first(Payload.KeyExchange.class);
      gxy = ke == null ? null : st.dh.sharedSecret(ke.data());
      if (gxy == null) {
        r.counters.drop("bad-ke", "%CRYPTO-4-IKMP_BAD_MESSAGE: Quick Mode message 2 from " + sa.describe() + " lacks a valid KE");
        return;
      }
    }
    st.done = true;
    ex.iv = ivAfter;
    ex.lastRequest = io.jlns.crypto.HashAlgorithm.SHA1.hash(datagram);
    byte[] nr = nonce.data();
    byte[] theirSpi = answer.proposals().get(0).spi();
    byte[][] k = QuickMode.keys(sa, s, gxy, st.inboundSpi, theirSpi, st.ni, nr);
    ChildSa o = st.old;
    ChildSa child = new ChildSa(sa.connId, sa.ourCookie(), st.inboundSpi, Keys.int32be(theirSpi), s, k[0], k[1], k[2], k[3],
        sa.peer, sa.local, o.peerOriginal(), o.peerIdentity(), o.peerProtocol(), o.peerPort(), o.localIdentity(), o.localProtocol(),
        o.localPort(), o.replayWindow(), r.scheduler.nowMillis());
    replacing.remove(o.inboundSpi());
    if (!r.quickMode.install(sa, child)) {
      return;
    }
    byte[] hash3 = sa.suite.hash().prf(sa.skeyidA, new byte[] {0}, Keys.int32(mid), st.ni, nr);
    byte[][] iv = {ex.iv};
    ex.lastReply = sa.encrypt(Header.QUICK_MODE, mid, List.of(new Payload.Hash(hash3)), iv);
    ex.iv = iv[0];
    r.transport.send(sa.local, sa.peer, ex.lastReply);
    r.scheduler.schedule(QuickMode.Handler.DONE_KEPT_MILLIS, () -> sa.exchanges.remove(mid, ex));
    r.counters.count("rekeys");
    r.quickMode.complete(sa, child, ", negotiated by jlns (rekey)");
    r.scheduler.schedule(OLD_PAIR_GRACE_MILLIS, () -> {
      if (r.children.get(o.inboundSpi()) == o) {
        r.deleteChild(o, r.established(o.peer()), "replaced by the pair jlns negotiated");
      }
    });
  }
}
