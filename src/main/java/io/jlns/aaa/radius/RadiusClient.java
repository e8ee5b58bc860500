package io.jlns.aaa.radius;

import io.jlns.log.Drops;
import io.jlns.time.Scheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RADIUS client (RFC 2865 section 2.5, RFC 2866, RFC 5080 section 2.2): requests sent to the
 * servers of a group in order, each retransmitted with the same Identifier and authenticator
 * after its timeout, then the next server with a new one; responses checked (Identifier, code,
 * Response Authenticator, Message-Authenticator) before they are believed. A server that leaves
 * {@code radius-server dead-criteria} transmissions unanswered over its time is marked dead for
 * {@code radius-server deadtime} minutes and skipped while another is alive.
 *
 * <p>Single-threaded: every method runs on the thread of the {@link Scheduler} (the RADIUS
 * event loop); callers post to it.
 */
public final class RadiusClient {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.radius");
  /** Identifiers per server: RADIUS has 8 bits of them. */
  static final int IDS = 256;

  /** Where datagrams go (a UDP socket, or a test). */
  public interface Transport {
    void send(InetSocketAddress to, byte[] datagram);
  }

  /**
   * A server as a request sees it: where, its secret, its timeout and retransmissions, and how
   * long a dead server is skipped (0: never marked dead).
   */
  public record Target(String name, InetSocketAddress address, byte[] secret, int timeoutMillis, int retransmits,
      long deadMillis, long deadCriteriaMillis, int deadCriteriaTries) {
    @Override
    public String toString() {
      return name + " (" + address.getAddress().getHostAddress() + ":" + address.getPort() + ")";
    }
  }

  /**
   * A request to send: its code and attributes. For an Access-Request, a User-Password attribute
   * holds the clear password and is hidden per server (RFC 2865 section 5.2), and a
   * Message-Authenticator is added (RFC 3579 section 3.2).
   */
  public record Request(int code, List<RadiusAttribute> attributes) {
    public Request {
      attributes = List.copyOf(attributes);
    }

    @Override
    public String toString() {
      return Radius.code(code) + " with " + attributes.size() + " attributes";
    }
  }

  /** The outcome: the response and the server that sent it, or no response and why. */
  public record Answer(RadiusPacket response, String server, String error) {
    public boolean answered() {
      return response != null;
    }
  }

  /** Per server, what {@code show aaa servers} and {@code show radius statistics} report. */
  public static final class ServerState {
    final String name;
    final int port;
    long deadUntil;
    long firstUnanswered = -1;
    int unanswered;
    int deadCount;
    long requests;
    long transmissions;
    long timeouts;
    long accepts;
    long rejects;
    long challenges;
    long accountingResponses;
    long badAuthenticators;
    long totalRttMillis;
    long answers;

    ServerState(String name, int port) {
      this.name = name;
      this.port = port;
    }

    public boolean dead(long now) {
      return deadUntil > now;
    }
  }

  /** A snapshot of one server's counters. */
  public record Stats(String name, int port, boolean dead, long deadForMillis, int deadCount, long requests, long transmissions,
      long timeouts, long accepts, long rejects, long challenges, long accountingResponses, long badAuthenticators,
      long averageRttMillis, int outstanding) {}

  private final Scheduler scheduler;
  private final Transport transport;
  private final RandomGenerator random;
  private final Drops drops = new Drops(LOG);
  private final Map<String, ServerState> servers = new LinkedHashMap<>();
  /** Outstanding requests by destination and Identifier. */
  private final Map<InetSocketAddress, Pending[]> outstanding = new HashMap<>();
  private final Map<InetSocketAddress, Integer> nextId = new HashMap<>();

  public RadiusClient(Scheduler scheduler, Transport transport, RandomGenerator random) {
    this.scheduler = scheduler;
    this.transport = transport;
    this.random = random;
  }

  /** One request's journey through the servers of its group. */
  private final class Pending {
    final List<Target> targets;
    final Request request;
    final Consumer<Answer> done;
    int index = -1;
    Target target;
    int id;
    byte[] datagram;
    byte[] authenticator;
    int sent;
    long firstSent;
    long lastSent;
    int generation;
    boolean finished;

    Pending(List<Target> targets, Request request, Consumer<Answer> done) {
      this.targets = targets;
      this.request = request;
      this.done = done;
    }
  }

  /** Sends {@code request} to the first live server of {@code targets}; {@code done} gets exactly one answer. */
  public void request(List<Target> targets, Request request, Consumer<Answer> done) {
    if (targets.isEmpty()) {
      done.accept(new Answer(null, null, "no RADIUS server is configured for it"));
      return;
    }
    Pending p = new Pending(targets, request, done);
    next(p, null);
  }

  /**
   * On to the next server that is alive. When every server is dead, an Access-Request tries none
   * (the method list goes on at once, to {@code local}); an Accounting-Request tries them anyway,
   * in order (its records wait for a server, and its answer is how a server comes back).
   */
  private void next(Pending p, String why) {
    long now = scheduler.nowMillis();
    boolean probe = p.request.code() != Radius.ACCESS_REQUEST && p.targets.stream().allMatch(t -> state(t).dead(now));
    while (++p.index < p.targets.size()) {
      Target t = p.targets.get(p.index);
      if (probe || !state(t).dead(now)) {
        if (assign(p, t)) {
          transmit(p);
          return;
        }
        why = "256 requests outstanding to " + t;
      } else if (why == null) {
        why = "every server is marked dead";
      }
    }
    p.finished = true;
    p.done.accept(new Answer(null, null, why == null ? "no server answered" : why));
  }

  private boolean assign(Pending p, Target t) {
    Pending[] slots = outstanding.computeIfAbsent(t.address(), a -> new Pending[IDS]);
    int start = nextId.getOrDefault(t.address(), random.nextInt(IDS));
    for (int i = 0; i < IDS; i++) {
      int id = (start + i) & 0xff;
      if (slots[id] == null) {
        slots[id] = p;
        nextId.put(t.address(), (id + 1) & 0xff);
        p.target = t;
        p.id = id;
        p.sent = 0;
        p.datagram = encode(p.request, id, t.secret());
        p.authenticator = java.util.Arrays.copyOfRange(p.datagram, 4, 20);
        state(t).requests++;
        return true;
      }
    }
    return false;
  }

  private byte[] encode(Request r, int id, byte[] secret) {
    if (r.code() != Radius.ACCESS_REQUEST) {
      return RadiusAuthenticators.signRequest(new RadiusPacket(r.code(), id, new byte[16], r.attributes()), secret);
    }
    byte[] authenticator = new byte[16];
    random.nextBytes(authenticator);
    List<RadiusAttribute> attrs = new ArrayList<>(r.attributes().size() + 1);
    attrs.add(new RadiusAttribute(Radius.MESSAGE_AUTHENTICATOR, new byte[16]));
    for (RadiusAttribute a : r.attributes()) {
      attrs.add(a.type() == Radius.USER_PASSWORD
          ? new RadiusAttribute(Radius.USER_PASSWORD, RadiusAuthenticators.hidePassword(a.value(), secret, authenticator))
          : a);
    }
    return RadiusAuthenticators.signAccessRequest(new RadiusPacket(r.code(), id, authenticator, attrs), secret);
  }

  private void transmit(Pending p) {
    Target t = p.target;
    ServerState s = state(t);
    long now = scheduler.nowMillis();
    if (p.sent == 0) {
      p.firstSent = now;
    }
    p.sent++;
    p.lastSent = now;
    s.transmissions++;
    transport.send(t.address(), p.datagram);
    int gen = ++p.generation;
    scheduler.schedule(t.timeoutMillis(), () -> {
      if (p.finished || gen != p.generation) {
        return;
      }
      unanswered(t, s, p.lastSent);
      if (p.sent <= t.retransmits()) {
        transmit(p);
        return;
      }
      s.timeouts++;
      release(p);
      LOG.warn("%RADIUS-4-RADIUS_TIMEOUT: {} to {}: no response after {} transmissions, {}", Radius.code(p.request.code()), t,
          p.sent, p.index + 1 < p.targets.size() ? "trying the next server" : "no server left in the group");
      next(p, "no response from " + t);
    });
  }

  /**
   * A transmission (sent at {@code sentAt}) went unanswered: the dead criteria are checked, that many
   * transmissions unanswered over that much time since the first of them was sent.
   */
  private void unanswered(Target t, ServerState s, long sentAt) {
    long now = scheduler.nowMillis();
    if (s.firstUnanswered < 0) {
      s.firstUnanswered = sentAt;
    }
    s.unanswered++;
    if (t.deadMillis() > 0 && !s.dead(now) && s.unanswered >= t.deadCriteriaTries()
        && now - s.firstUnanswered >= t.deadCriteriaMillis()) {
      s.deadUntil = now + t.deadMillis();
      s.deadCount++;
      LOG.warn("%RADIUS-4-RADIUS_DEAD: RADIUS server {} is not responding: marked dead for {} min ({} transmissions"
          + " unanswered over {} s)", t, t.deadMillis() / 60_000, s.unanswered, (now - s.firstUnanswered) / 1000);
    }
  }

  private void release(Pending p) {
    Pending[] slots = outstanding.get(p.target.address());
    if (slots != null && slots[p.id] == p) {
      slots[p.id] = null;
    }
  }

  /** A datagram on the client's socket. */
  public void onDatagram(InetSocketAddress from, byte[] b, int len) {
    Pending[] slots = outstanding.get(from);
    int id = len >= 2 ? b[1] & 0xff : -1;
    Pending p = slots == null || id < 0 ? null : slots[id];
    if (p == null) {
      if (drops.loud("radius-unexpected")) {
        drops.log("radius-unexpected", "%RADIUS-4-UNEXPECTED: a datagram from " + from.getAddress().getHostAddress() + ":"
            + from.getPort() + " answers no outstanding request (identifier " + id + "): dropped");
      }
      return;
    }
    ServerState s = state(p.target);
    RadiusPacket.Decoded d = RadiusPacket.decode(b, len);
    String error = !d.ok() ? d.error() : expected(p.request.code(), d.packet().code()) ? null
        : "a " + Radius.code(d.packet().code()) + " does not answer an " + Radius.code(p.request.code());
    if (error == null) {
      error = RadiusAuthenticators.checkResponse(b, len, p.authenticator, p.target.secret(), false);
    }
    if (error != null) {
      s.badAuthenticators++;
      if (drops.loud("radius-bad-response")) {
        drops.log("radius-bad-response", "%RADIUS-4-BADRESP: response from " + p.target + " dropped: " + error);
      }
      return;
    }
    long now = scheduler.nowMillis();
    if (s.dead(now)) {
      LOG.info("%RADIUS-6-SERVERALIVE: RADIUS server {} is responding again", p.target);
    }
    s.deadUntil = 0;
    s.unanswered = 0;
    s.firstUnanswered = -1;
    s.answers++;
    s.totalRttMillis += now - p.firstSent;
    switch (d.packet().code()) {
      case Radius.ACCESS_ACCEPT -> s.accepts++;
      case Radius.ACCESS_REJECT -> s.rejects++;
      case Radius.ACCESS_CHALLENGE -> s.challenges++;
      default -> s.accountingResponses++;
    }
    p.finished = true;
    release(p);
    p.done.accept(new Answer(d.packet(), p.target.name(), null));
  }

  private static boolean expected(int request, int response) {
    return switch (request) {
      case Radius.ACCESS_REQUEST -> response == Radius.ACCESS_ACCEPT || response == Radius.ACCESS_REJECT
          || response == Radius.ACCESS_CHALLENGE;
      case Radius.ACCOUNTING_REQUEST -> response == Radius.ACCOUNTING_RESPONSE;
      default -> false;
    };
  }

  private ServerState state(Target t) {
    // Per server and port: authentication and accounting are counted, and declared dead, apart.
    return servers.computeIfAbsent(t.name() + "/" + t.address().getPort(), k -> new ServerState(t.name(), t.address().getPort()));
  }

  /** Counters of every server that has been used, in first-use order. */
  public List<Stats> stats() {
    long now = scheduler.nowMillis();
    List<Stats> out = new ArrayList<>();
    for (ServerState s : servers.values()) {
      int n = 0;
      for (Pending[] slots : outstanding.values()) {
        for (Pending p : slots) {
          if (p != null && p.target.name().equals(s.name) && p.target.address().getPort() == s.port) {
            n++;
          }
        }
      }
      out.add(new Stats(s.name, s.port, s.dead(now), Math.max(0, s.deadUntil - now), s.deadCount, s.requests, s.transmissions,
          s.timeouts, s.accepts, s.rejects, s.challenges, s.accountingResponses, s.badAuthenticators,
          s.answers == 0 ? 0 : s.totalRttMillis / s.answers, n));
    }
    return out;
  }
}
