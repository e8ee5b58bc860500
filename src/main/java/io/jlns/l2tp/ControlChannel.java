package io.jlns.l2tp;

import io.jlns.l2tp.message.Avp;
import io.jlns.l2tp.message.ControlMessage;
import io.jlns.time.Scheduler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The reliable control channel of one tunnel (RFC 2661 section 5.8 and appendix A): Ns/Nr,
 * the peer's receive window, retransmission with exponential backoff up to a cap, duplicate
 * detection and ZLB acknowledgements.
 */
public final class ControlChannel {
  /** What became of a received message. */
  public enum Receive {
    /** In sequence: deliver it. */
    NEW,
    /** Already seen (our ack was lost): acknowledged again, not delivered. */
    DUPLICATE,
    /** Ahead of sequence: dropped, the peer will retransmit (appendix A allows this). */
    OUT_OF_ORDER,
    /** A ZLB: it only acknowledged. */
    ACK_ONLY
  }

  /** Where numbered messages go. */
  public interface Transport {
    void send(ControlMessage m);
  }

  /** Timing of retransmissions (RFC 2661 section 5.8: exponential backoff, a cap, a retry limit). */
  public record Retransmit(long firstMillis, long capMillis, int maxRetries) {
    public static final Retransmit DEFAULT = new Retransmit(1000, 8000, 5);
  }

  private record Pending(ControlMessage message) {}

  private final Scheduler scheduler;
  private final Transport transport;
  private final Retransmit policy;
  private final Runnable onDead;
  private final Deque<Pending> unacked = new ArrayDeque<>();
  private final Deque<Pending> waiting = new ArrayDeque<>();
  private int peerTunnelId;
  private int peerWindow = 4;
  private int ns;
  private int nr;
  private boolean ackOwed;
  private int retries;
  private long timeout;
  private int timerGeneration;
  private boolean dead;

  public ControlChannel(Scheduler scheduler, Transport transport, Retransmit policy, Runnable onDead) {
    this.scheduler = scheduler;
    this.transport = transport;
    this.policy = policy;
    this.onDead = onDead;
    this.timeout = policy.firstMillis();
  }

  /** The peer's Assigned Tunnel ID and Receive Window Size (default 4, section 4.4.3). */
  public void peer(int tunnelId, int window) {
    peerTunnelId = tunnelId;
    peerWindow = window > 0 ? window : 4;
  }

  public int ns() {
    return ns;
  }

  public int nr() {
    return nr;
  }

  /** Messages sent and not yet acknowledged, plus those waiting for the window. */
  public int outstanding() {
    return unacked.size() + waiting.size();
  }

  /** Sends a message reliably; it is numbered now and transmitted when the window allows. */
  public void send(int sessionId, List<Avp> avps) {
    if (dead) {
      return;
    }
    ControlMessage m = new ControlMessage(peerTunnelId, sessionId, ns, 0, avps);
    ns = (ns + 1) & 0xffff;
    waiting.add(new Pending(m));
    pump();
  }

  /** Takes in a message's sequence numbers; says whether to deliver it. */
  public Receive receive(ControlMessage m) {
    acknowledge(m.nr());
    if (m.zlb()) {
      return Receive.ACK_ONLY;
    }
    if (m.ns() == nr) {
      nr = (nr + 1) & 0xffff;
      ackOwed = true;
      return Receive.NEW;
    }
    if (before(m.ns(), nr)) {
      ackOwed = true;
      return Receive.DUPLICATE;
    }
    return Receive.OUT_OF_ORDER;
  }

  /** After a received message was handled: a ZLB if no message of ours carried the ack. */
  public void flushAck() {
    if (ackOwed && !dead) {
      transport.send(new ControlMessage(peerTunnelId, 0, ns, nr, List.of()));
      ackOwed = false;
    }
  }

  /**
   * The peer closed the tunnel (StopCCN) or vanished: what we still had to send (a CDN, a HELLO)
   * is dropped, so nothing is retransmitted to its address, which NAT demux may soon give another
   * client; a retransmitted StopCCN is still acknowledged until {@link #close}.
   */
  public void abandon() {
    timerGeneration++;
    unacked.clear();
    waiting.clear();
  }

  /** Stops all retransmission: the tunnel is gone. */
  public void close() {
    dead = true;
    timerGeneration++;
    unacked.clear();
    waiting.clear();
  }

  private void acknowledge(int peerNr) {
    boolean progress = false;
    while (!unacked.isEmpty() && before(unacked.peekFirst().message().ns(), peerNr)) {
      unacked.removeFirst();
      progress = true;
    }
    if (progress) {
      retries = 0;
      timeout = policy.firstMillis();
      timerGeneration++;
      if (!unacked.isEmpty()) {
        armTimer();
      }
      pump();
    }
  }

  private void pump() {
    while (!waiting.isEmpty() && unacked.size() < peerWindow) {
      Pending p = waiting.removeFirst();
      unacked.add(p);
      transmit(p);
      if (unacked.size() == 1) {
        timerGeneration++;
        armTimer();
      }
    }
  }

  private void transmit(Pending p) {
    ControlMessage m = p.message();
    transport.send(new ControlMessage(peerTunnelId, m.sessionId(), m.ns(), nr, m.avps()));
    ackOwed = false;
  }

  private void armTimer() {
    int gen = timerGeneration;
    scheduler.schedule(timeout, () -> onTimeout(gen));
  }

  private void onTimeout(int gen) {
    if (gen != timerGeneration || dead || unacked.isEmpty()) {
      return;
    }
    if (retries >= policy.maxRetries()) {
      close();
      onDead.run();
      return;
    }
    retries++;
    timeout = Math.min(timeout * 2, policy.capMillis());
    unacked.forEach(this::transmit);
    timerGeneration++;
    armTimer();
  }

  /** Sequence comparison modulo 2^16 (RFC 2661 section 5.8). */
  static boolean before(int a, int b) {
    int d = (b - a) & 0xffff;
    return d != 0 && d < 0x8000;
  }
}
