package io.jlns.ike;

import io.jlns.config.IsakmpKeepalive;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import io.jlns.ike.message.Proposal;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Informational exchanges (RFC 2409 section 5.7): Delete, INITIAL-CONTACT, and dead peer
 * detection (RFC 3706) both ways, driven by {@code crypto isakmp keepalive}.
 */
final class Informational {
  /** IOS declares a peer dead after this many unanswered R-U-THERE (RFC 3706 leaves it to policy). */
  static final int DPD_MAX_UNANSWERED = 5;
  private final IkeResponder r;

  Informational(IkeResponder r) {
    this.r = r;
  }

  void onMessage(IkeSa sa, InetSocketAddress local, InetSocketAddress remote, Header hd, byte[] data) {
    if (!hd.encrypted()) {
      // Unauthenticated notifies (errors during Main Mode) are logged, never acted on.
      Decoding<Payloads> p = IsakmpCodec.decodePayloads(hd.nextPayload(), data, Header.SIZE, data.length);
      if (p.ok()) {
        for (Payload.Notify n : p.value().all(Payload.Notify.class)) {
          if (IkeDebug.on(remote)) {
            IkeDebug.say(sa.connId, " unauthenticated notify " + Notifications.name(n.messageType()) + " from "
                + IkeResponder.text(remote) + " in state " + sa.state + " (logged, not acted on)");
          }
          IkeResponder.LOG.info("%CRYPTO-6-IKMP_NOTIFY: unauthenticated notify {} from {} ignored", n.messageType(),
              IkeResponder.text(remote));
        }
      }
      return;
    }
    if (sa.state != IkeSa.State.ESTABLISHED) {
      r.counters.drop("unexpected", "%CRYPTO-4-IKMP_BAD_MESSAGE: informational from " + IkeResponder.text(remote) + " before Main Mode completed");
      return;
    }
    byte[][] iv = {Keys.exchangeIv(sa.suite.hash(), sa.iv, hd.messageId(), sa.blockSize())};
    Decoding<Payloads> p = sa.decrypt(hd.nextPayload(), data, iv);
    if (!p.ok() || p.value().list().isEmpty() || !(p.value().list().get(0) instanceof Payload.Hash h)) {
      r.counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: informational from " + sa.describe() + " without a leading HASH"
          + (p.ok() ? "" : ": " + p.error()));
      return;
    }
    Payloads ps = p.value();
    byte[] want = sa.suite.hash().prf(sa.skeyidA, Keys.int32(hd.messageId()), ps.from(1));
    if (!MessageDigest.isEqual(want, h.data())) {
      r.counters.drop("bad-hash", "%CRYPTO-4-IKMP_BAD_MESSAGE: HASH(1) of informational from " + sa.describe() + " does not verify");
      return;
    }
    r.peers.moved(sa, remote);
    sa.local = local;
    sa.lastHeardMillis = r.scheduler.nowMillis();
    for (Payload x : ps.list()) {
      if (IkeDebug.on(remote) && (x instanceof Payload.Notify || x instanceof Payload.Delete)) {
        IkeDebug.say(sa.connId, " processing " + (x instanceof Payload.Notify n ? "NOTIFY " + Notifications.name(n.messageType())
            : "DELETE protocol " + ((Payload.Delete) x).protocol()) + " from " + IkeResponder.text(remote) + " (msgid 0x"
            + Integer.toHexString(hd.messageId()) + ")");
      }
      if (x instanceof Payload.Notify n) {
        onNotify(sa, n);
      } else if (x instanceof Payload.Delete d) {
        onDelete(sa, d);
      }
    }
  }

  private void onNotify(IkeSa sa, Payload.Notify n) {
    switch (n.messageType()) {
      case Notifications.R_U_THERE -> {
        r.counters.count("dpd-answered");
        send(sa, List.of(new Payload.Notify(1, Proposal.PROTO_ISAKMP, Notifications.R_U_THERE_ACK, cookies(sa), n.data())));
      }
      case Notifications.R_U_THERE_ACK -> sa.dpdOutstanding = 0;
      case Notifications.INITIAL_CONTACT -> MainModeAuth.initialContact(r, sa);
      default -> IkeResponder.LOG.info("%CRYPTO-6-IKMP_NOTIFY: notify {} from {}", n.messageType(), sa.describe());
    }
  }

  private void onDelete(IkeSa sa, Payload.Delete d) {
    if (d.protocol() == Proposal.PROTO_ISAKMP) {
      for (byte[] spi : d.spis()) {
        if (spi.length == 16 && Arrays.equals(spi, cookies(sa))) {
          r.delete(sa, false, "Delete from the peer");
        }
      }
    } else if (d.protocol() == Proposal.PROTO_IPSEC_ESP && d.spiSize() == 4) {
      // The peer names its inbound SPI, which is our outbound one (RFC 2408 section 3.15).
      for (byte[] spi : d.spis()) {
        int outbound = Keys.int32be(spi);
        List<ChildSa> candidates = r.peers.children(sa.peer);
        if (candidates.stream().noneMatch(c -> c.outboundSpi() == outbound)) {
          // Not under this endpoint (its NAT mapping moved): any pair with that SPI from the address.
          candidates = new ArrayList<>(r.children.values());
        }
        for (ChildSa c : candidates) {
          if (c.outboundSpi() == outbound && c.peer().getAddress().equals(sa.peer.getAddress())) {
            IkeResponder.LOG.info("%CRYPTO-6-IPSEC_SA_DELETED: ESP SAs inbound spi 0x{} outbound spi 0x{} with {}: Delete from the peer",
                QuickMode.hex(c.inboundSpi()), QuickMode.hex(outbound), sa.describe());
            r.deleteChild(c, null, "Delete from the peer");
          }
        }
      }
    }
  }

  void sendDelete(IkeSa sa) {
    send(sa, List.of(new Payload.Delete(1, Proposal.PROTO_ISAKMP, 16, List.of(cookies(sa)))));
  }

  void sendDeleteEsp(IkeSa sa, int inboundSpi) {
    send(sa, List.of(new Payload.Delete(1, Proposal.PROTO_IPSEC_ESP, 4, List.of(Keys.int32(inboundSpi)))));
  }

  /** An informational exchange of one message: HASH(1) = prf(SKEYID_a, M-ID | payloads), under a fresh IV. */
  private void send(IkeSa sa, List<Payload> payloads) {
    int mid;
    do {
      mid = r.random.nextInt();
    } while (mid == 0);
    byte[] hash = sa.suite.hash().prf(sa.skeyidA, Keys.int32(mid), IsakmpCodec.encodePayloads(payloads));
    List<Payload> all = new ArrayList<>();
    all.add(new Payload.Hash(hash));
    all.addAll(payloads);
    byte[][] iv = {Keys.exchangeIv(sa.suite.hash(), sa.iv, mid, sa.blockSize())};
    r.transport.send(sa.local, sa.peer, sa.encrypt(Header.INFORMATIONAL, mid, all, iv));
  }

  /** Dead peer detection per {@code crypto isakmp keepalive S R [periodic|on-demand]}, if the peer announced DPD. */
  void startDpd(IkeSa sa) {
    IsakmpKeepalive k = r.config.get().isakmpKeepalive();
    if (k == null || !sa.dpdSupported) {
      return;
    }
    sa.dpdSequence = r.random.nextInt() & 0x7FFFFFFF;
    scheduleDpd(sa, k.seconds() * 1000L);
  }

  private void scheduleDpd(IkeSa sa, long delay) {
    r.scheduler.schedule(delay, () -> {
      IsakmpKeepalive k = r.config.get().isakmpKeepalive();
      if (sa.state != IkeSa.State.ESTABLISHED || k == null) {
        return;
      }
      long now = r.scheduler.nowMillis();
      if (sa.dpdOutstanding == 0) {
        // The last R-U-THERE was answered: the next is due a full interval after it (periodic) or
        // after the peer's last traffic (on demand: traffic proves it alive, RFC 3706 section 5.3),
        // not at the retry interval that was armed when it was sent.
        long since = k.periodic() ? sa.dpdSentMillis
            : Math.max(sa.lastHeardMillis, r.childSas.lastInboundMillis(sa.peer));
        long wait = k.seconds() * 1000L - (now - since);
        if (wait > 0) {
          scheduleDpd(sa, wait);
          return;
        }
      }
      if (sa.dpdOutstanding >= DPD_MAX_UNANSWERED) {
        IkeResponder.LOG.warn("%CRYPTO-4-IKE_DPD_DEAD: peer {} answered none of {} R-U-THERE: declared dead, its SAs removed",
            sa.describe(), DPD_MAX_UNANSWERED);
        InetSocketAddress peer = sa.peer;
        r.delete(sa, false, "dead peer detection");
        r.peers.children(peer).forEach(c -> r.deleteChild(c, null, "dead peer detection"));
        return;
      }
      sa.dpdOutstanding++;
      sa.dpdSequence++;
      sa.dpdSentMillis = now;
      send(sa, List.of(new Payload.Notify(1, Proposal.PROTO_ISAKMP, Notifications.R_U_THERE, cookies(sa), Keys.int32(sa.dpdSequence))));
      scheduleDpd(sa, (sa.dpdOutstanding == 0 ? k.seconds() : k.retry()) * 1000L);
    });
  }

  private static byte[] cookies(IkeSa sa) {
    byte[] b = Arrays.copyOf(sa.icky(), 16);
    System.arraycopy(sa.rcky(), 0, b, 8, 8);
    return b;
  }
}
