package io.jlns.ppp;

import io.jlns.time.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PPP link (RFC 1661 section 3.2 phases): LCP, then authentication, then IPCP, then IP.
 * Frames come in with or without the FF 03 address and control bytes and with a 1- or 2-byte
 * protocol field; frames go out with a 2-byte protocol field (the carrier adds FF 03).
 */
public final class PppSession implements LcpNegotiation.Events, IpcpNegotiation.Events, Authenticator.Result,
    Keepalive.Target {
  /** The carrier below (an L2TP session). */
  public interface Link {
    void send(ByteBuf frame);

    void disconnect(String reason);

    /** The client stopped answering: the carrier may go at once, without waiting for acknowledgements. */
    default void peerGone(String reason) {
      disconnect(reason);
    }
  }

  /** The link's phase (RFC 1661 section 3.2). */
  public enum Phase {
    ESTABLISH, AUTHENTICATE, NETWORK, TERMINATE, DEAD
  }

  private static final Logger LOG = LoggerFactory.getLogger("jlns.ppp");
  private final String name;
  private final PppSettings settings;
  private final PppServices services;
  private final Link link;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final ByteBufAllocator alloc;
  private final Automaton lcp;
  private final LcpNegotiation lcpOptions;
  private Automaton ipcp;
  private Authenticator auth;
  private Phase phase = Phase.ESTABLISH;
  private String user = "";
  private int address;
  /** The pool {@link #address} came from, null if AAA gave it (Framed-IP-Address). */
  private String addressPool;
  private final AuthRequest.Caller caller;
  private Authorization authorization = Authorization.NONE;
  private final Limits limits;
  private final Metering metering;
  private boolean attached;
  private int peerMru = 1500;
  private final Keepalive keepalive;
  private long lastHeard;
  private final long startedMillis;

  /** @param name the Virtual-Access interface this session is, for logs and {@code show} */
  public PppSession(String name, PppSettings settings, PppServices services, Link link, Scheduler scheduler,
      RandomGenerator random, ByteBufAllocator alloc) {
    this(name, settings, services, link, scheduler, random, alloc, AuthRequest.Caller.UNKNOWN);
  }

  /** @param caller where the session comes from, for AAA (RADIUS Calling-Station-Id, NAS-Port) */
  public PppSession(String name, PppSettings settings, PppServices services, Link link, Scheduler scheduler,
      RandomGenerator random, ByteBufAllocator alloc, AuthRequest.Caller caller) {
    this.caller = caller;
    this.name = name;
    this.limits = new Limits(scheduler, reason -> {
      if (phase == Phase.NETWORK) {
        administrativeClose(reason);
      }
    });
    this.metering = new Metering(services.accounting(), scheduler, () -> new SessionUsage(name, user, address, caller, 0, 0,
        0, 0, 0, 0, authorization.classes()));
    this.settings = settings;
    this.services = services;
    this.link = link;
    this.scheduler = scheduler;
    this.random = random;
    this.alloc = alloc;
    this.lcpOptions = new LcpNegotiation(settings.authentication(), settings.mru(), random, this);
    this.lcp = new Automaton(lcpOptions, this::send, scheduler, Automaton.Timers.DEFAULT);
    this.keepalive = new Keepalive(scheduler, settings.echoSeconds(), settings.echoFailures(), this);
    this.startedMillis = scheduler.nowMillis();
  }

  public String name() {
    return name;
  }

  public String user() {
    return user;
  }

  public int address() {
    return address;
  }

  public Phase phase() {
    return phase;
  }

  /** Where it comes from and its Acct-Session-Id. */
  public AuthRequest.Caller caller() {
    return caller;
  }

  /** A CoA-Request's new Session-Timeout and Idle-Timeout (negative: unchanged, 0: none). */
  public void changeLimits(int sessionSeconds, int idleSeconds) {
    if (phase == Phase.NETWORK) {
      limits.change(sessionSeconds, idleSeconds);
      LOG.info("%PPP-6-COA: {}: limits changed by AAA (Session-Timeout {}, Idle-Timeout {})", name,
          sessionSeconds < 0 ? "unchanged" : sessionSeconds + " s", idleSeconds < 0 ? "unchanged" : idleSeconds + " s");
    }
  }

  /** Its accounting record as it stands (counters, times). */
  public SessionUsage usage() {
    return metering.usage();
  }

  /** What AAA said of this session (Session-Timeout, Class...), {@link Authorization#NONE} before. */
  public Authorization authorization() {
    return authorization;
  }

  public long startedMillis() {
    return startedMillis;
  }

  /** The carrier is up: LCP opens at once (jlns is never passive). */
  public void start() {
    lcp.open();
    lcp.up();
  }

  /** A frame from the client. */
  public void onFrame(ByteBuf frame) {
    lastHeard = scheduler.nowMillis();
    ByteBuf b = frame.duplicate();
    if (b.readableBytes() >= 2 && b.getUnsignedByte(b.readerIndex()) == 0xff && b.getUnsignedByte(b.readerIndex() + 1) == 0x03) {
      b.skipBytes(2);
    }
    if (b.readableBytes() < 1) {
      return;
    }
    int protocol = b.readUnsignedByte();
    if ((protocol & 1) == 0) { // RFC 1661 section 2: an even first octet means a 2-octet field
      if (b.readableBytes() < 1) {
        return;
      }
      protocol = protocol << 8 | b.readUnsignedByte();
    }
    PppDebug.in(name, caller, user, protocol, b);
    switch (protocol) {
      case 0xc021 -> lcpPacket(b);
      case Authenticator.PAP, Authenticator.CHAP -> {
        ControlPacket p = ControlPacket.parse(b);
        if (p != null && auth != null && phase == Phase.AUTHENTICATE) {
          auth.receive(protocol, p);
        }
      }
      case 0x8021 -> {
        ControlPacket p = ControlPacket.parse(b);
        if (p != null && ipcp != null && phase == Phase.NETWORK) {
          ipcp.receive(p);
        }
      }
      case 0x0021 -> {
        limits.ip(lastHeard);
        if (attached) {
          metering.in(b.readableBytes());
          MssClamp.clamp(b, settings.tcpAdjustMss());
          services.network().fromClient(address, b);
        }
      }
      default -> protocolReject(protocol, b);
    }
  }

  private void lcpPacket(ByteBuf b) {
    ControlPacket p = ControlPacket.parse(b);
    if (p == null) {
      return;
    }
    boolean open = lcp.state() == Automaton.State.OPENED;
    switch (p.code()) {
      case ControlPacket.ECHO_REQUEST -> {
        if (open) { // section 5.8: answer with our magic number
          byte[] d = p.data().clone();
          if (d.length >= 4) {
            int m = lcpOptions.magic();
            d[0] = (byte) (m >> 24);
            d[1] = (byte) (m >> 16);
            d[2] = (byte) (m >> 8);
            d[3] = (byte) m;
          }
          send(0xc021, new ControlPacket(ControlPacket.ECHO_REPLY, p.id(), d));
        }
      }
      case ControlPacket.ECHO_REPLY -> { } // any frame counts as heard (lastHeard)
      case ControlPacket.DISCARD_REQUEST, 12, 13 -> { } // Discard, Identification, Time-Remaining (RFC 1570)
      case ControlPacket.PROTOCOL_REJECT -> {
        int rejected = p.data().length >= 2 ? (p.data()[0] & 0xff) << 8 | (p.data()[1] & 0xff) : 0;
        if (rejected == 0x8021 && ipcp != null) {
          ipcp.fatalReject("the client rejects IPCP");
        }
      }
      default -> lcp.receive(p);
    }
  }

  /** Section 5.7: a protocol we do not run (CCP, IPV6CP...) is rejected once LCP is open. */
  private void protocolReject(int protocol, ByteBuf rest) {
    if (lcp.state() != Automaton.State.OPENED) {
      return;
    }
    int n = Math.min(rest.readableBytes(), Math.max(0, peerMru - 8));
    byte[] d = new byte[2 + n];
    d[0] = (byte) (protocol >> 8);
    d[1] = (byte) protocol;
    rest.getBytes(rest.readerIndex(), d, 2, n);
    send(0xc021, new ControlPacket(ControlPacket.PROTOCOL_REJECT, random.nextInt(256), d));
  }

  /** {@code clear interface Virtual-Access N}: LCP terminates the link, then the carrier goes. */
  public void administrativeClose(String reason) {
    LOG.info("%PPP-5-CLEAR: {}: {}", name, reason);
    metering.cause(TerminateCause.of(reason));
    terminate(reason);
  }

  /** The carrier went away: everything stops at once, the address goes back to the pool. */
  public void lowerDown(String reason) {
    if (phase == Phase.DEAD) {
      return;
    }
    lcp.down();
    if (ipcp != null) {
      ipcp.down();
    }
    dead(reason);
  }

  /** An IP packet for the client (from the IP network; takes ownership). */
  public void sendIp(ByteBuf packet) {
    int mtu = settings.ipMtu() > 0 ? Math.min(settings.ipMtu(), peerMru) : peerMru;
    if (!attached) {
      packet.release();
      return;
    }
    if (packet.readableBytes() > mtu) {
      services.network().tooBig(packet, mtu, settings.localAddress());
      return;
    }
    MssClamp.clamp(packet, settings.tcpAdjustMss());
    metering.out(packet.readableBytes());
    ByteBuf f = alloc.buffer(packet.readableBytes() + 2);
    f.writeShort(0x0021);
    f.writeBytes(packet);
    packet.release();
    link.send(f);
  }

  private void send(int protocol, ControlPacket p) {
    PppDebug.out(name, caller, user, protocol, p);
    ByteBuf f = alloc.buffer(p.data().length + 6);
    p.write(protocol, f);
    link.send(f);
  }

  // ---- LCP events ----

  @Override
  public void lcpUp(LcpNegotiation.Auth method, int mru) {
    peerMru = mru;
    LOG.info("%LINEPROTO-5-UPDOWN: Line protocol on Interface {}, LCP open (peer MRU {})", name, mru);
    keepalive.start();
    if (method == null) {
      authenticated("", Authorization.NONE);
      return;
    }
    phase = Phase.AUTHENTICATE;
    auth = new Authenticator(method, settings.hostName(), name, caller, settings.authList(), services.auth(), random, scheduler, this::send, this);
    auth.start();
  }

  @Override
  public void lcpDown() {
    limits.stop();
    if (auth != null) {
      auth.cancel();
    }
    if (ipcp != null) {
      ipcp.down();
    }
    // The network phase ended with LCP (RFC 1661 section 3.7): the address goes back now, as a
    // renegotiated LCP authenticates and runs IPCP again (found by PppSessionFuzzTest: a second
    // address was taken and the first never given back).
    releaseAddress();
    if (phase != Phase.TERMINATE) {
      phase = Phase.ESTABLISH;
    }
    keepalive.stop();
  }

  @Override
  public void lcpFinished(String reason) {
    dead(reason);
    link.disconnect(reason);
  }

  @Override
  public void note(String message) {
    LOG.info("%PPP-6-NOTE: {}: {}", name, message);
  }

  // ---- authentication ----

  @Override
  public void authenticated(String who, Authorization authz) {
    if (phase != Phase.AUTHENTICATE && !who.isEmpty()) {
      return; // LCP went down while AAA was deciding
    }
    user = who;
    PppDebug.login(name, caller, who, null);
    authorization = authz;
    if (!who.isEmpty()) {
      LOG.info("%PPP-6-AUTH: {}: user {} authenticated", name, who);
    }
    phase = Phase.NETWORK;
    if (authz.framedAddress() != 0) {
      if (services.network().inUse(authz.framedAddress())) {
        terminate("the address AAA gave (Framed-IP-Address " + ipv4(authz.framedAddress()) + ") is another session's");
        return;
      }
      address = authz.framedAddress();
    } else {
      addressPool = authz.pool() != null ? authz.pool() : settings.pool();
      OptionalInt a = addressPool == null ? OptionalInt.empty() : services.freeAddress(addressPool, name + " " + who);
      if (a.isEmpty()) {
        terminate(addressPool == null ? "no 'peer default ip address pool' on the virtual template"
            : "address pool " + addressPool + " is exhausted or not defined");
        addressPool = null;
        return;
      }
      address = a.getAsInt();
    }
    ipcp = new Automaton(new IpcpNegotiation(settings.localAddress(), address,
        authz.dns().isEmpty() ? settings.dns() : authz.dns(), this), this::send, scheduler, Automaton.Timers.DEFAULT);
    ipcp.open();
    ipcp.up();
    limits.start(authz.sessionTimeout(), authz.idleTimeout());
  }

  @Override
  public void failed(String who, String reason) {
    PppDebug.login(name, caller, who, reason);
    LOG.warn("%PPP-4-AUTHFAIL: {}: authentication of user {} failed: {}", name, who.isEmpty() ? "(none)" : who, reason);
    terminate("authentication failed");
  }

  @Override
  public void ipcpUp(int peer) {
    attached = true;
    services.network().attach(peer, this::sendIp, name);
    LOG.info("%VPDN-6-IPUP: {}: user {} has address {}", name, user, ipv4(peer));
    metering.start(authorization.interimInterval());
  }

  @Override
  public void ipcpDown() {
    if (attached) {
      attached = false;
      services.network().detach(address);
    }
  }

  @Override
  public void ipcpFinished(String reason) {
    terminate(reason);
  }

  private void terminate(String reason) {
    phase = Phase.TERMINATE;
    lcp.close(reason);
  }

  private void dead(String reason) {
    if (phase == Phase.DEAD) {
      return;
    }
    limits.stop();
    metering.stop(reason);
    if (auth != null) {
      auth.cancel();
    }
    releaseAddress();
    phase = Phase.DEAD;
    keepalive.stop();
    LOG.info("%LINEPROTO-5-UPDOWN: Line protocol on Interface {}, changed state to down: {}", name, reason);
  }

  /** Off the IP network, and the address back to its pool (RADIUS's Framed-IP-Address has none). */
  private void releaseAddress() {
    ipcpDown();
    if (address != 0 && addressPool != null) {
      services.pools().release(addressPool, address);
    }
    addressPool = null;
    address = 0;
  }

  // ---- keepalive ----

  @Override
  public boolean opened() {
    return lcp.state() == Automaton.State.OPENED;
  }

  @Override
  public long lastHeard() {
    return lastHeard;
  }

  @Override
  public void sendEcho() {
    int m = lcpOptions.magic();
    send(0xc021, new ControlPacket(ControlPacket.ECHO_REQUEST, random.nextInt(256),
        new byte[] {(byte) (m >> 24), (byte) (m >> 16), (byte) (m >> 8), (byte) m}));
  }

  @Override
  public void gone(int unanswered) {
    LOG.warn("%PPP-4-KEEPALIVE: {}: {} LCP echo requests unanswered, the client is gone", name, unanswered);
    lcpDown();
    lcp.down();
    dead("LCP keepalive timeout");
    link.peerGone("LCP keepalive timeout");
  }

  static String ipv4(int a) {
    return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
  }
}
