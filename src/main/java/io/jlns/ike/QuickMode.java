package io.jlns.ike;

import io.jlns.config.Config;
import io.jlns.crypto.DiffieHellman;
import io.jlns.ike.message.Attribute;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import io.jlns.ike.message.Proposal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Quick Mode exchange as responder (RFC 2409 section 5.5): QM1 in, QM2 out, QM3 in, SAs
 * installed; with the commit bit (RFC 2408 section 3.1), a fourth message HASH(4), N(CONNECTED)
 * tells the initiator that QM3 arrived and the SAs are in use, as racoon, IOS and z/OS do.
 */
final class QuickMode {
  enum State {
    QM2_SENT,
    DONE
  }

  State state = State.QM2_SENT;
  Phase2Suite suite;
  int inboundSpi;
  byte[] ni;
  byte[] nr;
  byte[] gxy;
  Payload.Identification idci;
  Payload.Identification idcr;
  byte[] peerOriginal;
  int retransmits;
  /** The initiator set the commit bit: we echo it, and confirm QM3 with a fourth message (CONNECTED). */
  boolean commit;
  /** The SA pair, keyed at QM2 so its inbound side takes ESP the initiator sends before our QM3 arrives. */
  ChildSa child;

  /** The Quick Mode handling of one {@link IkeResponder}. */
  static final class Handler {
    private final IkeResponder r;

    static final long DONE_KEPT_MILLIS = 60_000;

    Handler(IkeResponder r) {
      this.r = r;
    }

    void onMessage(IkeSa sa, InetSocketAddress local, InetSocketAddress remote, Header hd, byte[] data) {
      if (sa.state != IkeSa.State.ESTABLISHED || !hd.encrypted() || hd.messageId() == 0) {
        r.counters.drop("unexpected", "%CRYPTO-4-IKMP_BAD_MESSAGE: Quick Mode from " + IkeResponder.text(remote)
            + " before Main Mode completed, unencrypted or with message id 0");
        return;
      }
      IkeSa.Exchange ex = sa.exchange(hd.messageId());
      if (ex.lastRequest != null && MessageDigest.isEqual(ex.lastRequest, io.jlns.crypto.HashAlgorithm.SHA1.hash(data))) {
        r.counters.count("retransmitted");
        r.transport.send(sa.local, sa.peer, ex.lastReply);
        return;
      }
      byte[][] iv = {ex.iv};
      Decoding<Payloads> p = sa.decrypt(hd.nextPayload(), data, iv);
      if (!p.ok() || p.value().list().isEmpty() || !(p.value().list().get(0) instanceof Payload.Hash h)) {
        r.counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: Quick Mode message from " + sa.describe()
            + " does not start with a HASH payload" + (p.ok() ? "" : ": " + p.error()));
        return;
      }
      Payloads ps = p.value();
      if (ex.rekey != null) {
        r.rekey.onQm2(sa, ex, hd.messageId(), ps, h.data(), iv[0], data);
        return;
      }
      // The peer's address may change with its NAT mapping: follow it once the message authenticates.
      if (ex.quickMode == null) {
        byte[] want = sa.suite.hash().prf(sa.skeyidA, Keys.int32(hd.messageId()), ps.from(1));
        if (!MessageDigest.isEqual(want, h.data())) {
          r.counters.drop("bad-hash", "%CRYPTO-4-IKMP_BAD_MESSAGE: HASH(1) of Quick Mode from " + sa.describe() + " does not verify");
          return;
        }
        ex.iv = iv[0];
        r.peers.moved(sa, remote);
        sa.local = local;
        sa.lastHeardMillis = r.scheduler.nowMillis();
        onQm1(sa, ex, hd, data, ps);
      } else if (ex.quickMode.state == State.QM2_SENT) {
        QuickMode qm = ex.quickMode;
        byte[] want = sa.suite.hash().prf(sa.skeyidA, new byte[] {0}, Keys.int32(hd.messageId()), qm.ni, qm.nr);
        if (!MessageDigest.isEqual(want, h.data())) {
          r.counters.drop("bad-hash", "%CRYPTO-4-IKMP_BAD_MESSAGE: HASH(3) of Quick Mode from " + sa.describe() + " does not verify");
          return;
        }
        ex.iv = iv[0];
        sa.lastHeardMillis = r.scheduler.nowMillis();
        qm.state = State.DONE;
        if (IkeDebug.on(sa.peer)) {
          IkeDebug.say(sa.connId, " QM3 (msgid 0x" + Integer.toHexString(hd.messageId()) + "): HASH(3) verified");
          IkeDebug.state(sa, "IKE_QM_R_QM2", "IKE_QM_PHASE2_COMPLETE");
        }
        complete(sa, qm.child, "");
        // Kept a while for a retransmitted QM3 (answered again with QM4 under the commit bit), then let go:
        // an ISAKMP SA rekeys its ESP pairs many times and must not keep every exchange's state.
        int mid = hd.messageId();
        r.scheduler.schedule(DONE_KEPT_MILLIS, () -> sa.exchanges.remove(mid, ex));
        if (qm.commit) {
          connected(sa, ex, hd.messageId(), qm, data);
        }
      }
    }

    private void onQm1(IkeSa sa, IkeSa.Exchange ex, Header hd, byte[] data, Payloads ps) {
      Payload.Sa offered = ps.first(Payload.Sa.class);
      Payload.Nonce nonce = ps.first(Payload.Nonce.class);
      if (offered == null || nonce == null) {
        r.counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: Quick Mode message 1 from " + sa.describe() + " lacks SA or nonce");
        return;
      }
      Config c = r.config.get();
      String map = cryptoMapOf(c, sa);
      Phase2Suite suite = map == null ? null : Phase2Proposals.choose(c, Phase2Proposals.candidates(c, map), offered, sa.natT());
      if (IkeDebug.on(sa.peer)) {
        IkeDebug.say(sa.connId, " QM1 (msgid 0x" + Integer.toHexString(hd.messageId()) + ") proposes " + Phase2Text.describe(offered)
            + (ps.first(Payload.KeyExchange.class) != null ? " with PFS" : "") + "; crypto map " + map + ": " + (suite != null
                ? "transform set " + suite.transformSet() + " accepted (" + Phase2Text.mode(suite) + ")"
                : "no transform set matches" + (sa.natT() ? " (a NAT is between us: UDP-encapsulated modes needed)" : "")));
      }
      if (suite == null) {
        IkeResponder.LOG.warn("%CRYPTO-6-IKMP_MODE_FAILURE: Quick Mode from {} refused: no transform set of crypto map {} matches its "
            + "proposal {}{}", sa.describe(), map, Phase2Text.describe(offered), sa.natT() ? " (NAT-T: UDP-encapsulated modes required)"
            : " (no NAT detected: ESP over IP protocol 50, the plain modes, required)");
        r.counters.count("no-proposal-chosen");
        ex.quickMode = null;
        return;
      }
      QuickMode qm = new QuickMode();
      qm.suite = suite;
      qm.commit = hd.commit();
      qm.ni = nonce.data();
      qm.nr = new byte[32];
      r.random.nextBytes(qm.nr);
      qm.inboundSpi = r.allocateSpi();
      List<Payload.Identification> ids = ps.all(Payload.Identification.class);
      if (ids.size() == 2) {
        qm.idci = ids.get(0);
        qm.idcr = ids.get(1);
      }
      List<Payload.NatOa> oas = ps.all(Payload.NatOa.class);
      if (!oas.isEmpty() && oas.get(0).idType() == Payload.Identification.IPV4_ADDR && oas.get(0).address().length == 4) {
        qm.peerOriginal = oas.get(0).address();
      }
      List<Payload> rest = new ArrayList<>();
      Proposal chosen = suite.chosen();
      rest.add(new Payload.Sa(offered.doi(), offered.situation(),
          List.of(new Proposal(chosen.number(), chosen.protocol(), Keys.int32(qm.inboundSpi), chosen.transforms()))));
      rest.add(new Payload.Nonce(qm.nr));
      if (suite.pfs() != null) {
        Payload.KeyExchange ke = ps.first(Payload.KeyExchange.class);
        DiffieHellman dh = new DiffieHellman(suite.pfs(), r.random);
        qm.gxy = ke == null ? null : dh.sharedSecret(ke.data());
        if (qm.gxy == null) {
          r.counters.drop("bad-ke", "%CRYPTO-4-IKMP_BAD_MESSAGE: Quick Mode from " + sa.describe() + " asks PFS group "
              + suite.pfs().number() + " without a valid KE payload");
          return;
        }
        rest.add(new Payload.KeyExchange(dh.publicValue()));
      }
      if (qm.idci != null) {
        rest.add(qm.idci);
        rest.add(qm.idcr);
      }
      if (suite.udpEncapsulated() && !oas.isEmpty()) {
        // RFC 3947 section 5.2: NAT-OAi and NAT-OAr, the addresses as this side sees them.
        rest.add(new Payload.NatOa(sa.natOaType, Payload.Identification.IPV4_ADDR, sa.peer.getAddress().getAddress()));
        rest.add(new Payload.NatOa(sa.natOaType, Payload.Identification.IPV4_ADDR, sa.local.getAddress().getAddress()));
      }
      if (suite.lifetimeLowered()) {
        // RFC 2407 section 4.6.3.1: tell the initiator the shorter lifetime we will enforce.
        List<Attribute> attrs = List.of(Attribute.basic(Phase2Proposals.LIFE_TYPE, 1),
            Attribute.number(Phase2Proposals.LIFE_DURATION, suite.lifetimeSeconds()), Attribute.basic(Phase2Proposals.LIFE_TYPE, 2),
            Attribute.number(Phase2Proposals.LIFE_DURATION, suite.lifetimeKilobytes()));
        rest.add(new Payload.Notify(1, Proposal.PROTO_IPSEC_ESP, Notifications.RESPONDER_LIFETIME, Keys.int32(qm.inboundSpi),
            Phase2Text.attributes(attrs)));
      }
      // The initiator installs both SAs on QM2 and may send on the new one before our QM3 arrives
      // (RFC 2409 section 5.5): take ESP on our inbound SPI from now on; send on it only after QM3.
      if (!prepare(sa, qm)) {
        return;
      }
      byte[] hash2 = sa.suite.hash().prf(sa.skeyidA, Keys.int32(hd.messageId()), qm.ni, IsakmpCodec.encodePayloads(rest));
      List<Payload> all = new ArrayList<>();
      all.add(new Payload.Hash(hash2));
      all.addAll(rest);
      byte[][] iv = {ex.iv};
      byte[] msg = sa.encrypt(Header.QUICK_MODE, hd.messageId(), all, iv, qm.commit);
      ex.iv = iv[0];
      ex.quickMode = qm;
      ex.lastRequest = io.jlns.crypto.HashAlgorithm.SHA1.hash(data);
      ex.lastReply = msg;
      r.transport.send(sa.local, sa.peer, msg);
      if (IkeDebug.on(sa.peer)) {
        IkeDebug.sending(sa, "QM2 (msgid 0x" + Integer.toHexString(hd.messageId()) + ", our inbound spi 0x" + hex(qm.inboundSpi) + ")");
        IkeDebug.state(sa, "IKE_QM_READY", "IKE_QM_R_QM2");
      }
      scheduleRetransmit(sa, ex, qm, 1);
    }

    /** QM2 is resent until QM3 arrives (the initiator only resends QM1 if QM2 is lost). */
    private void scheduleRetransmit(IkeSa sa, IkeSa.Exchange ex, QuickMode qm, int attempt) {
      r.scheduler.schedule(5000L << (attempt - 1), () -> {
        if (qm.state != State.QM2_SENT) {
          return;
        }
        if (attempt > 3 || sa.state != IkeSa.State.ESTABLISHED) {
          IkeResponder.LOG.info("%CRYPTO-6-IKMP_QM_TIMEOUT: Quick Mode with {} got no third message: abandoned", sa.describe());
          qm.state = State.DONE;
          r.childSas.remove(qm.child.inboundSpi(), "Quick Mode did not complete");
          return;
        }
        r.transport.send(sa.local, sa.peer, ex.lastReply);
        scheduleRetransmit(sa, ex, qm, attempt + 1);
      });
    }

    /** Derives the keys (section 5.5) and installs the pair for inbound use; false when the ESP layer refuses it. */
    private boolean prepare(IkeSa sa, QuickMode qm) {
      Phase2Suite s = qm.suite;
      byte[][] k = keys(sa, s, qm.gxy, qm.inboundSpi, s.chosen().spi(), qm.ni, qm.nr);
      Config c = r.config.get();
      qm.child = new ChildSa(sa.connId, sa.ourCookie(), qm.inboundSpi, Keys.int32be(s.chosen().spi()), s, k[0], k[1], k[2], k[3],
          sa.peer, sa.local, qm.peerOriginal, idText(qm.idci, sa.peer.getAddress()), qm.idci == null ? 0 : qm.idci.protocol(),
          qm.idci == null ? 0 : qm.idci.port(), idText(qm.idcr, sa.local.getAddress()), qm.idcr == null ? 0 : qm.idcr.protocol(),
          qm.idcr == null ? 0 : qm.idcr.port(), c.replayWindow(), r.scheduler.nowMillis());
      return install(sa, qm.child);
    }

    /** Hands the pair to the ESP layer; false (logged, and nothing left behind) when it refuses it. */
    boolean install(IkeSa sa, ChildSa child) {
      if (!r.childSas.install(child)) {
        IkeResponder.LOG.warn("%CRYPTO-4-IPSEC_SA_REFUSED: Quick Mode with {} refused: the ESP layer cannot take SA 0x{}", sa.describe(),
            hex(child.inboundSpi()));
        r.childSas.remove(child.inboundSpi(), "refused by the ESP layer");
        return false;
      }
      return true;
    }

    /**
     * A pair is in force (QM3 verified, or, for our own rekey, sent): it carries outbound traffic
     * too, lives until its lifetime, and is rekeyed by us near its end if the client does not.
     */
    void complete(IkeSa sa, ChildSa child, String how) {
      Phase2Suite s = child.suite();
      r.addChild(child);
      r.childSas.activate(child.inboundSpi());
      IkeResponder.LOG.info("%CRYPTO-6-IPSEC_SA_CREATED: ESP SAs with {} (conn-id {}): inbound spi 0x{} outbound spi 0x{}, {}, {}, "
          + "lifetime {} s / {} KB, crypto map {} {}{}{}", sa.describe(), sa.connId, hex(child.inboundSpi()), hex(child.outboundSpi()),
          s.transformText(), Phase2Text.mode(s), s.lifetimeSeconds(), s.lifetimeKilobytes(), s.cryptoMap(), s.mapSeq(),
          s.pfs() == null ? "" : ", PFS group " + s.pfs().number(), how);
      if (IkeDebug.ipsec(child.peer())) {
        IkeDebug.ipsecSay("(create_sa) sa created, sa_dest= " + IkeResponder.text(child.peer()) + ", sa_proto= 50, sa_spi= 0x"
            + hex(child.outboundSpi()) + " (outbound), 0x" + hex(child.inboundSpi()) + " (inbound), sa_trans= " + s.transformText()
            + ", sa_conn_id= " + sa.connId + ", " + Phase2Text.mode(s) + ", lifetime " + s.lifetimeSeconds() + " s / "
            + s.lifetimeKilobytes() + " KB" + how);
      }
      r.scheduler.schedule(s.lifetimeSeconds() * 1000, () -> {
        if (r.children.get(child.inboundSpi()) == child) {
          IkeResponder.LOG.info("%CRYPTO-6-IPSEC_SA_EXPIRED: ESP SA inbound spi 0x{} with {} reached its lifetime of {} s",
              hex(child.inboundSpi()), IkeResponder.text(child.peer()), s.lifetimeSeconds());
          r.deleteChild(child, r.established(child.peer()), "lifetime expired");
        }
      });
      r.rekey.watch(child);
    }

    /**
     * The fourth message of a Quick Mode with the commit bit: HDR*(C), HASH(4), N(CONNECTED) with
     * HASH(4) = prf(SKEYID_a, M-ID | N), in the same exchange (message ID and IV chain). It stays
     * the reply to QM3, so a retransmitted QM3 gets it again.
     */
    private void connected(IkeSa sa, IkeSa.Exchange ex, int messageId, QuickMode qm, byte[] qm3) {
      Payload.Notify n = new Payload.Notify(1, Proposal.PROTO_IPSEC_ESP, Notifications.CONNECTED, Keys.int32(qm.inboundSpi), new byte[0]);
      byte[] hash4 = sa.suite.hash().prf(sa.skeyidA, Keys.int32(messageId), IsakmpCodec.encodePayloads(List.of(n)));
      byte[][] iv = {ex.iv};
      byte[] msg = sa.encrypt(Header.QUICK_MODE, messageId, List.of(new Payload.Hash(hash4), n), iv, true);
      ex.iv = iv[0];
      ex.lastRequest = io.jlns.crypto.HashAlgorithm.SHA1.hash(qm3);
      ex.lastReply = msg;
      r.transport.send(sa.local, sa.peer, msg);
      IkeResponder.LOG.debug("Quick Mode with {} had the commit bit: CONNECTED sent for SA 0x{}", sa.describe(), hex(qm.inboundSpi));
    }

    /** The crypto map of the interface the peer reached us on: the one whose IKE endpoint matches, else the only one. */
    private static String cryptoMapOf(Config c, IkeSa sa) {
      String any = null;
      for (io.jlns.config.Interface i : c.interfaces().values()) {
        if (i.cryptoMap() == null || i.shutdown()) {
          continue;
        }
        if (i.address() != null && i.address().toString().equals(sa.local.getAddress().getHostAddress())) {
          return i.cryptoMap();
        }
        if (any == null) {
          any = i.cryptoMap();
        }
      }
      return any;
    }

    private static String idText(Payload.Identification id, InetAddress fallback) {
      if (id == null) {
        return fallback.getHostAddress();
      }
      if (id.idType() == Payload.Identification.IPV4_ADDR && id.data().length == 4) {
        try {
          return InetAddress.getByAddress(id.data()).getHostAddress();
        } catch (UnknownHostException e) {
          return "invalid";
        }
      }
      return MainModeAuth.identityText(id);
    }
  }

  /**
   * KEYMAT of both directions (RFC 2409 section 5.5: prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b
   * | Nr_b), the SPI the receiving side chose), each split into the cipher key and the integrity key:
   * {encIn, authIn, encOut, authOut}.
   */
  static byte[][] keys(IkeSa sa, Phase2Suite s, byte[] gxy, int inboundSpi, byte[] outboundSpi, byte[] ni, byte[] nr) {
    int encLen = s.cipher().keymatLength(s.keyBits());
    int authLen = s.integrity().keyLength();
    byte[] in = Keys.keymat(sa.suite.hash(), sa.skeyidD, gxy, Proposal.PROTO_IPSEC_ESP, Keys.int32(inboundSpi), ni, nr, encLen + authLen);
    byte[] out = Keys.keymat(sa.suite.hash(), sa.skeyidD, gxy, Proposal.PROTO_IPSEC_ESP, outboundSpi, ni, nr, encLen + authLen);
    return new byte[][] {Arrays.copyOf(in, encLen), Arrays.copyOfRange(in, encLen, encLen + authLen), Arrays.copyOf(out, encLen),
        Arrays.copyOfRange(out, encLen, encLen + authLen)};
  }

  static String hex(int spi) {
    return String.format("%08X", spi);
  }
}
