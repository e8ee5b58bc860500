package io.jlns.ike;

import io.jlns.config.Config;
import io.jlns.crypto.HashAlgorithm;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.log.Drops;
import io.jlns.time.Scheduler;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IKEv1 responder: every ISAKMP SA of this event loop, Main Mode with pre-shared keys (RFC
 * 2409 section 5.4) and NAT-T detection (RFC 3947); Quick Mode and informational exchanges are
 * handed to {@link QuickMode} and {@link Informational}. No I/O: datagrams come in through
 * {@link #onMessage} and go out through {@link Transport}.
 */
public final class IkeResponder {
  /** Where IKE datagrams go; a {@code local} port of 4500 means with the non-ESP marker. */
  public interface Transport {
    void send(InetSocketAddress local, InetSocketAddress remote, byte[] message);
  }

  /** The ESP side: SAs to install and remove. */
  public interface ChildSas {
    /**
     * Installs the SA pair when Quick Mode's second message goes out, for inbound traffic only;
     * false refuses it (Quick Mode then ends without an SA).
     */
    boolean install(ChildSa sa);

    /** Quick Mode completed: the pair may now carry outbound traffic (and is the newest for its peer). */
    void activate(int inboundSpi);

    void remove(int inboundSpi, String reason);

    /** True when an SA of any loop has this inbound SPI (SPIs are unique across the server). */
    default boolean spiInUse(int spi) {
      return false;
    }

    /** When the peer at this NAT-T endpoint last sent valid ESP, for on-demand DPD; 0 if never. */
    default long lastInboundMillis(InetSocketAddress peer) {
      return 0;
    }
  }

  static final Logger LOG = LoggerFactory.getLogger("jlns.ike");
  final Supplier<Config> config;
  final Scheduler scheduler;
  final SecureRandom random;
  final Transport transport;
  final ChildSas childSas;
  final Drops counters;
  final Map<Long, IkeSa> sas = new HashMap<>();
  final Map<Integer, ChildSa> children = new HashMap<>();
  final PeerIndex peers = new PeerIndex();
  final Offload offload;
  final Map<HalfOpenKey, IkeSa> halfOpen = new HashMap<>();
  final IkeShared shared;
  final Admission admission;
  /** This responder's event loop: other loops hand it messages and SAs through it. */
  final Executor loop;
  final QuickMode.Handler quickMode;
  final Rekey rekey = new Rekey(this);
  /** Main Modes jlns starts itself, to replace ISAKMP SAs near their lifetime. */
  final MainModeInitiator initiating = new MainModeInitiator(this);
  private final Informational informational;

  public IkeResponder(Supplier<Config> config, Scheduler scheduler, SecureRandom random, Transport transport, ChildSas childSas) {
    this(config, scheduler, random, transport, childSas, Offload.INLINE);
  }

  public IkeResponder(Supplier<Config> config, Scheduler scheduler, SecureRandom random, Transport transport, ChildSas childSas,
      Offload offload) {
    this(config, scheduler, random, transport, childSas, offload, new IkeShared(), Runnable::run);
  }

  /**
   * @param offload where Main Mode's Diffie-Hellman runs; its results come back on this responder's loop
   * @param shared what the responders of every loop share
   * @param loop runs a task on this responder's loop (a message or an SA handed over by another loop)
   */
  public IkeResponder(Supplier<Config> config, Scheduler scheduler, SecureRandom random, Transport transport, ChildSas childSas,
      Offload offload, IkeShared shared, Executor loop) {
    this.offload = offload;
    this.shared = shared;
    this.admission = shared.admission;
    this.loop = loop;
    this.counters = new Drops(LOG, scheduler::nowMillis);
    this.config = config;
    this.scheduler = scheduler;
    this.random = random;
    this.transport = transport;
    this.childSas = childSas;
    this.quickMode = new QuickMode.Handler(this);
    this.informational = new Informational(this);
    shared.onShun(() -> loop.execute(() -> Phase1Start.dropShunnedHalfOpen(this)));
  }

  /** An ISAKMP datagram from {@code remote} to {@code local} (the non-ESP marker already removed). */
  public void onMessage(InetSocketAddress local, InetSocketAddress remote, byte[] data) {
    Decoding<Header> h = IsakmpCodec.decodeHeader(data, data.length);
    if (!h.ok()) {
      counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: malformed IKE datagram from " + text(remote) + ": " + h.error());
      return;
    }
    Header hd = h.value();
    if (IkeDebug.on(remote)) {
      IkeDebug.received(local, remote, hd, data.length);
    }
    if (hd.exchange() == Header.AGGRESSIVE && !config.get().aggressiveMode()) {
      counters.drop("aggressive", "%CRYPTO-4-IKMP_AGGRESSIVE_REFUSED: Aggressive Mode from " + text(remote)
          + " refused: it exposes a hash of the pre-shared key to any eavesdropper; use Main Mode"
          + " ('no crypto isakmp aggressive-mode disable' allows it)");
      return;
    }
    if (hd.responderCookie() == 0) {
      if (hd.exchange() == Header.MAIN_MODE || hd.exchange() == Header.AGGRESSIVE) {
        Phase1Start.onMessage1(this, local, remote, hd, data);
      } else {
        counters.drop("unexpected", "%CRYPTO-4-IKMP_BAD_MESSAGE: exchange " + hd.exchange() + " without a responder cookie from "
            + text(remote));
      }
      return;
    }
    long ours = MainModeInitiator.ourCookie(this, hd);
    IkeSa sa = sas.get(ours);
    IkeResponder owner = sa == null ? shared.owner(ours) : this;
    if (owner != null && owner != this) {
      Handover.toOwner(this, owner, ours, local, remote, data);
      return;
    }
    if (sa == null || sa.icookie != hd.initiatorCookie() || sa.state == IkeSa.State.DELETED
        || sa.rcookie != hd.responderCookie() && !MainModeInitiator.awaitsCookie(sa, hd)) {
      counters.drop("no-sa", "%CRYPTO-4-IKMP_NO_SA: IKE message (exchange " + hd.exchange() + ") from " + text(remote)
          + " for an unknown or deleted ISAKMP SA");
      return;
    }
    if (local.getPort() == 4500 && !sa.floated) {
      // RFC 3947 section 4: the initiator moves to 4500 once a NAT is detected.
      sa.floated = true;
    }
    switch (hd.exchange()) {
      case Header.MAIN_MODE -> onMainMode(sa, local, remote, hd, data);
      case Header.AGGRESSIVE -> {
        if (!retransmit(sa, data)) {
          AggressiveMode.onMessage3(this, sa, local, remote, hd, data);
        }
      }
      case Header.QUICK_MODE -> quickMode.onMessage(sa, local, remote, hd, data);
      case Header.INFORMATIONAL -> informational.onMessage(sa, local, remote, hd, data);
      default -> counters.drop("unexpected", "%CRYPTO-4-IKMP_BAD_MESSAGE: unsupported exchange type " + hd.exchange() + " from "
          + text(remote));
    }
  }

  /** A new SA: its cookie claimed for this loop, found by it from now on (false if another loop took the cookie first). */
  boolean register(IkeSa sa) {
    if (!shared.claim(sa.ourCookie(), this)) {
      return false;
    }
    sas.put(sa.ourCookie(), sa);
    return true;
  }

  /**
   * Phase 1 takes a real client well under a second; HALF_OPEN_MILLIS leaves room for its
   * retransmissions (strongSwan's half-open timeout is the same 30 s), then the slot is free again.
   * Only the loop that owns the SA then acts.
   */
  void expireIfHalfOpen(IkeSa sa, long delay, String mode) {
    scheduler.schedule(delay, () -> {
      if (sas.get(sa.ourCookie()) == sa && sa.state != IkeSa.State.ESTABLISHED && sa.state != IkeSa.State.DELETED) {
        if (counters.loud("not-completed")) {
          counters.log("not-completed", "%CRYPTO-6-IKMP_NOT_COMPLETED: " + mode + " with " + sa.describe() + " did not complete in "
              + HALF_OPEN_MILLIS / 1000 + " s (state " + sa.state + "): removed");
        }
        delete(sa, false, mode + " timed out");
      }
    });
  }

  /** A half-open SA is found again by the initiator's cookie and endpoint (a retransmitted message 1). */
  record HalfOpenKey(long icookie, InetSocketAddress remote) {}

  /** How long an ISAKMP SA may stay in negotiation. */
  static final long HALF_OPEN_MILLIS = 30_000;

  /** The SA no longer counts as in negotiation (established or gone). */
  private void closeHalfOpen(IkeSa sa) {
    if (sa.halfOpenKey != null) {
      halfOpen.remove(sa.halfOpenKey, sa);
      admission.closed(sa.admittedFrom);
      sa.halfOpenKey = null;
    }
  }

  private void onMainMode(IkeSa sa, InetSocketAddress local, InetSocketAddress remote, Header hd, byte[] data) {
    if (retransmit(sa, data)) {
      return;
    }
    if (sa.initiator) {
      initiating.onMainMode(sa, remote, hd, data);
      return;
    }
    if (sa.state == IkeSa.State.MM_SA_SENT && !hd.encrypted()) {
      MainModeKeyExchange.onMessage3(this, sa, remote, hd, data);
    } else if (sa.state == IkeSa.State.MM_KE_COMPUTING) {
      counters.count("busy");
    } else if (sa.state == IkeSa.State.MM_KE_SENT && hd.encrypted()) {
      sa.peer = remote;
      sa.local = local;
      MainModeAuth.onMessage5(this, sa, hd, data);
    } else {
      counters.drop("unexpected", "%CRYPTO-4-IKMP_BAD_MESSAGE: unexpected Main Mode message from " + text(remote) + " in state "
          + sa.state);
    }
  }

  /** Sends {@code reply} for request {@code request} and remembers both for retransmissions. */
  void answer(IkeSa sa, byte[] request, byte[] reply) {
    sa.lastRequest = HashAlgorithm.SHA1.hash(request);
    sa.lastReply = reply;
    transport.send(sa.local, sa.peer, reply);
  }

  /** True (and our last reply sent again) when {@code data} repeats the last request (RFC 2408 section 5.1). */
  boolean retransmit(IkeSa sa, byte[] data) {
    if (sa.lastRequest != null && MessageDigest.isEqual(sa.lastRequest, HashAlgorithm.SHA1.hash(data))) {
      counters.count("retransmitted");
      if (sa.lastReply != null) {
        transport.send(sa.local, sa.peer, sa.lastReply);
      }
      return true;
    }
    return false;
  }

  void sendNotify(InetSocketAddress local, InetSocketAddress remote, long icookie, long rcookie, int type) {
    Payload.Notify n = new Payload.Notify(1, 1, type, new byte[0], new byte[0]);
    transport.send(local, remote, IsakmpCodec.encode(icookie, rcookie, Header.INFORMATIONAL, 0, 0, List.of(n)));
  }

  /** Main Mode done: index the SA and start its lifetime and dead-peer detection. */
  void established(IkeSa sa) {
    closeHalfOpen(sa);
    if (sa.admittedFrom != null) {
      admission.establishedAt(sa.admittedFrom);
      shared.shunning.completed(sa.admittedFrom, scheduler.nowMillis());
    }
    sa.state = IkeSa.State.ESTABLISHED;
    sa.forgetPhase1();
    sa.establishedMillis = scheduler.nowMillis();
    peers.addIke(sa);
    sa.expiresMillis = sa.establishedMillis + sa.suite.lifetimeSeconds() * 1000;
    int gen = ++sa.timerGeneration;
    scheduler.schedule(sa.suite.lifetimeSeconds() * 1000, () -> {
      if (sa.timerGeneration == gen && sa.state == IkeSa.State.ESTABLISHED) {
        LOG.info("%CRYPTO-6-IKMP_SA_EXPIRED: ISAKMP SA with {} (conn-id {}) reached its lifetime of {} s", sa.describe(), sa.connId,
            sa.suite.lifetimeSeconds());
        delete(sa, true, "lifetime expired");
      }
    });
    informational.startDpd(sa);
    initiating.watch(sa);
  }

  /** Removes an ISAKMP SA (its ESP SAs stay until they expire or are deleted), telling the peer if asked. */
  void delete(IkeSa sa, boolean notifyPeer, String reason) {
    if (sa.state == IkeSa.State.DELETED) {
      return;
    }
    boolean wasEstablished = sa.state == IkeSa.State.ESTABLISHED;
    if (notifyPeer && wasEstablished) {
      informational.sendDelete(sa);
    }
    sa.state = IkeSa.State.DELETED;
    initiating.gone(sa);
    sas.remove(sa.ourCookie());
    shared.forget(sa.ourCookie(), this);
    peers.removeIke(sa);
    closeHalfOpen(sa);
    if (wasEstablished && sa.admittedFrom != null) {
      admission.establishedGone(sa.admittedFrom);
    }
    if (sa.establishedMillis > 0) {
      LOG.info("%CRYPTO-6-IKMP_SA_DELETED: ISAKMP SA with {} (conn-id {}) deleted: {}", sa.describe(), sa.connId, reason);
    }
  }

  /** Removes an ESP SA pair by our inbound SPI, telling the peer over {@code via} if it is usable. */
  void deleteChild(ChildSa child, IkeSa via, String reason) {
    if (children.remove(child.inboundSpi()) == null) {
      return;
    }
    peers.removeChild(child);
    if (IkeDebug.ipsec(child.peer())) {
      IkeDebug.ipsecSay("(delete_sa) deleting SA, (sa) sa_dest= " + text(child.peer()) + ", sa_spi= 0x"
          + QuickMode.hex(child.inboundSpi()) + " (inbound), 0x" + QuickMode.hex(child.outboundSpi()) + " (outbound): " + reason
          + (via != null && via.state == IkeSa.State.ESTABLISHED ? "; DELETE sent" : ""));
    }
    if (via != null && via.state == IkeSa.State.ESTABLISHED) {
      informational.sendDeleteEsp(via, child.inboundSpi());
    }
    childSas.remove(child.inboundSpi(), reason);
  }

  /** The established ISAKMP SA for a peer endpoint, newest first, or null. */
  IkeSa established(InetSocketAddress peer) {
    return peers.newest(peer);
  }

  /** Quick Mode completed: the pair is in force. */
  void addChild(ChildSa child) {
    children.put(child.inboundSpi(), child);
    peers.addChild(child);
  }

  int allocateSpi() {
    int spi;
    do {
      spi = random.nextInt();
    } while (Integer.compareUnsigned(spi, 256) < 0 || children.containsKey(spi) || childSas.spiInUse(spi));
    return spi;
  }

  /**
   * An ISAKMP SA as {@code show crypto isakmp sa} lists it; {@code suite} is null before message 1 is
   * answered; {@code initiatedByUs} for the Main Modes jlns starts itself.
   */
  public record IkeSaView(int connId, InetSocketAddress local, InetSocketAddress peer, String state, Phase1Suite suite,
      long remainingSeconds, boolean dpd, boolean natT, String peerIdentity, boolean initiatedByUs) {}

  public List<IkeSaView> ikeSas() {
    long now = scheduler.nowMillis();
    List<IkeSaView> out = new ArrayList<>();
    for (IkeSa s : sas.values()) {
      String state = s.iosState();
      long remaining = s.state == IkeSa.State.ESTABLISHED ? Math.max(0, (s.expiresMillis - now) / 1000) : 0;
      out.add(new IkeSaView(s.connId, s.local, s.peer, state, s.suite, remaining, s.dpdSupported, s.natT(), s.peerIdentity,
          s.initiator));
    }
    out.sort(java.util.Comparator.comparingInt(IkeSaView::connId));
    return out;
  }

  /** The ESP SA pairs in force, oldest first. */
  public List<ChildSa> childSas() {
    List<ChildSa> out = new ArrayList<>(children.values());
    out.sort(java.util.Comparator.comparingLong(ChildSa::createdMillis));
    return out;
  }

  /** {@code clear crypto sa [peer A]}: deletes ESP SAs (telling the peers); returns how many pairs. */
  public int clearChildSas(java.net.InetAddress peer) {
    return clearChildSas(peer, "cleared by the administrator");
  }

  private int clearChildSas(java.net.InetAddress peer, String reason) {
    int n = 0;
    for (ChildSa c : childSas()) {
      if (peer == null || c.peer().getAddress().equals(peer)) {
        deleteChild(c, established(c.peer()), reason);
        n++;
      }
    }
    return n;
  }

  /** {@code clear crypto isakmp [conn-id]}: deletes ISAKMP SAs (telling the peers); returns how many. */
  public int clearIkeSas(Integer connId) {
    return clearIkeSas(connId, "cleared by the administrator");
  }

  private int clearIkeSas(Integer connId, String reason) {
    int n = 0;
    for (IkeSa s : new ArrayList<>(sas.values())) {
      if (connId == null || s.connId == connId) {
        delete(s, true, reason);
        n++;
      }
    }
    return n;
  }

  /**
   * The ESP layer found the pair of our inbound {@code spi} used up (its volume lifetime, or its
   * sequence numbers): it is deleted and the peer told, so it negotiates a fresh one. False when
   * no such pair (already gone).
   */
  public boolean expireChild(int inboundSpi, String reason) {
    ChildSa c = children.get(inboundSpi);
    if (c != null) {
      LOG.info("%CRYPTO-6-IPSEC_SA_EXPIRED: ESP SA inbound spi 0x{} with {}: {}", QuickMode.hex(inboundSpi), text(c.peer()), reason);
      deleteChild(c, established(c.peer()), reason);
    }
    return c != null;
  }

  /** Deletes every SA of the peer at this NAT-T endpoint, ESP and ISAKMP, telling it; returns how many ESP pairs. */
  public int deletePeer(InetSocketAddress endpoint, String reason) {
    IkeSa via = established(endpoint);
    List<ChildSa> mine = peers.children(endpoint);
    mine.forEach(c -> deleteChild(c, via, reason));
    peers.ikeSas(endpoint).forEach(s -> delete(s, true, reason));
    return mine.size();
  }

  /** The ESP layer: the pair of our inbound {@code spi} has used most of its volume lifetime; rekeyed unless the client does. */
  public void volumeNearlyUsed(int inboundSpi) {
    rekey.volumeNearlyUsed(inboundSpi);
  }

  /** The server stops: every ESP SA pair and ISAKMP SA is deleted, each peer told once (RFC 2408 section 4.8). */
  public int deleteAll(String reason) {
    int pairs = clearChildSas(null, reason);
    clearIkeSas(null, reason);
    return pairs;
  }

  public AdmissionView admission() {
    return shared.admissionView();
  }

  /** Event counters (drops, refusals, retransmissions) for {@code show crypto isakmp sa detail}. */
  public Map<String, Long> counters() {
    return counters.snapshot();
  }

  public static String text(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }
}
