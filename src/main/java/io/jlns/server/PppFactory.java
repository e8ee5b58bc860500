package io.jlns.server;

import io.jlns.config.Config;
import io.jlns.config.Interface;
import io.jlns.config.Ipv4Address;
import io.jlns.config.VpdnGroup;
import io.jlns.l2tp.PppLink;
import io.jlns.l2tp.SessionInfo;
import io.jlns.ppp.AuthRequest;
import io.jlns.ppp.PppServices;
import io.jlns.ppp.PppSession;
import io.jlns.ppp.PppSettings;
import io.jlns.time.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Clones a Virtual-Access PPP session from the vpdn-group's virtual template for each L2TP session. */
final class PppFactory implements PppLink.Factory {
  /** Without a virtual template: IOS's keepalive defaults (the template's {@code keepalive} sets them otherwise). */
  static final int ECHO_SECONDS = 10;
  static final int ECHO_FAILURES = 5;
  /** The MRU without {@code ppp mtu adaptive}: PPP's default (RFC 1661 section 6.1). */
  static final int MRU = 1500;
  /**
   * With {@code ppp mtu adaptive}: what a 1500-byte path carries after IPsec with NAT-T (IP 20, UDP 8,
   * ESP header 8, IV up to 16, padding up to 15, trailer 2, ICV up to 16) and L2TP (UDP 8, header 12,
   * PPP address, control and protocol 4), rounded down to a multiple of 4.
   */
  static final int ADAPTIVE_MRU = (1500 - (20 + 8 + 8 + 16 + 15 + 2 + 16) - (8 + 12 + 4)) & ~3;

  private final Supplier<Config> config;
  private final PppServices services;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final ByteBufAllocator alloc;
  /** Shared by every loop's factory: Virtual-Access numbers are unique in the server. */
  private final AtomicInteger nextAccess;
  final Map<String, PppSession> sessions = new ConcurrentHashMap<>();
  final Map<String, SessionInfo> l2tp = new ConcurrentHashMap<>();

  /** Where a session comes from (for AAA), from its L2TP session and Virtual-Access number. */
  interface Callers {
    AuthRequest.Caller of(SessionInfo info, int nasPort);
  }

  private final Callers callers;

  PppFactory(Supplier<Config> config, PppServices services, Scheduler scheduler, RandomGenerator random,
      ByteBufAllocator alloc, AtomicInteger nextAccess, Callers callers) {
    this.callers = callers;
    this.nextAccess = nextAccess;
    this.config = config;
    this.services = services;
    this.scheduler = scheduler;
    this.random = random;
    this.alloc = alloc;
  }

  /** The PPP settings of the template a dial-in vpdn-group clones, from the running configuration. */
  static PppSettings settings(Config c) {
    VpdnGroup g = c.vpdnGroups().values().stream().filter(VpdnGroup::acceptDialin).findFirst().orElse(null);
    Interface vt = g == null ? null : c.interfaces().get("Virtual-Template" + g.virtualTemplate());
    if (vt == null) {
      return new PppSettings(c.hostname(), java.util.List.of(), 0, null, java.util.List.of(), MRU, ECHO_SECONDS, ECHO_FAILURES);
    }
    Ipv4Address local = vt.address();
    if (local == null && vt.unnumbered() != null) {
      Interface u = c.interfaces().get(vt.unnumbered());
      local = u == null ? null : u.address();
    }
    return new PppSettings(c.hostname(), vt.pppAuthentication(), local == null ? 0 : local.bits(), vt.peerPool(),
        vt.ipcpDns().stream().map(Ipv4Address::bits).toList(), vt.pppMtuAdaptive() ? ADAPTIVE_MRU : MRU,
        vt.keepalive().periodSeconds(), vt.keepalive().retries(), vt.pppAuthList(), vt.tcpAdjustMss(), vt.ipMtu());
  }

  @Override
  public PppLink open(SessionInfo info, PppLink.Carrier carrier) {
    int number = nextAccess.getAndIncrement();
    String name = "Virtual-Access" + number;
    PppSession s = new PppSession(name, settings(config.get()), services, new PppSession.Link() {
      @Override
      public void send(ByteBuf frame) {
        carrier.sendFrame(frame);
      }

      @Override
      public void disconnect(String reason) {
        carrier.disconnect(reason);
      }

      @Override
      public void peerGone(String reason) {
        carrier.peerGone(reason);
      }
    }, scheduler, random, alloc, callers.of(info, number));
    sessions.put(name, s);
    l2tp.put(name, info);
    s.start();
    return new PppLink() {
      @Override
      public void onFrame(ByteBuf frame) {
        s.onFrame(frame);
      }

      @Override
      public void onSessionClosed(String reason) {
        s.lowerDown(reason);
        sessions.remove(name);
        l2tp.remove(name);
      }
    };
  }
}
