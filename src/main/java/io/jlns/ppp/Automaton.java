package io.jlns.ppp;

import io.jlns.time.Scheduler;
import java.util.List;

/**
 * The option negotiation automaton of RFC 1661 section 4, shared by LCP and IPCP. States and
 * events keep the RFC's names; each event method is one column of the section 4.1 table.
 * jlns is never passive and never uses the restart option: it opens at once.
 */
public final class Automaton {
  /** RFC 1661 section 4.2 states. */
  public enum State {
    INITIAL, STARTING, CLOSED, STOPPED, CLOSING, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT, OPENED
  }

  /** Where packets go: the protocol field and packet are written by the session. */
  public interface Sender {
    void send(int protocol, ControlPacket packet);
  }

  /** Restart timer and counters (section 4.6): 3 s, Max-Terminate 2, Max-Configure 10, Max-Failure 5. */
  public record Timers(long restartMillis, int maxTerminate, int maxConfigure, int maxFailure) {
    public static final Timers DEFAULT = new Timers(3000, 2, 10, 5);
  }

  private final Negotiation policy;
  private final Sender sender;
  private final Scheduler scheduler;
  private final Timers timers;
  private State state = State.INITIAL;
  private int restartCount;
  private int failureCount;
  /** Configure-Requests and Naks/Rejects taken in since the layer was last Opened (or started). */
  private int rounds;
  private int nextId;
  private int requestId = -1;
  private List<ConfigOption> sentRequest = List.of();
  private List<ConfigOption> ackedPeer = List.of();
  private int timerGeneration;
  private String closeReason = "";

  public Automaton(Negotiation policy, Sender sender, Scheduler scheduler, Timers timers) {
    this.policy = policy;
    this.sender = sender;
    this.scheduler = scheduler;
    this.timers = timers;
  }

  public State state() {
    return state;
  }

  public Negotiation policy() {
    return policy;
  }

  // ---- administrative and lower-layer events ----

  public void up() {
    switch (state) {
      case INITIAL -> state = State.CLOSED;
      case STARTING -> {
        irc(timers.maxConfigure());
        scr();
        state = State.REQ_SENT;
      }
      default -> { }
    }
  }

  public void down() {
    switch (state) {
      case CLOSED, CLOSING -> state = State.INITIAL;
      case STOPPED -> {
        state = State.STARTING;
      }
      case STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> state = State.STARTING;
      case OPENED -> {
        policy.down();
        state = State.STARTING;
      }
      default -> { }
    }
  }

  public void open() {
    switch (state) {
      case INITIAL -> state = State.STARTING;
      case CLOSED -> {
        irc(timers.maxConfigure());
        scr();
        state = State.REQ_SENT;
      }
      default -> { }
    }
  }

  public void close(String reason) {
    closeReason = reason;
    switch (state) {
      case STARTING -> {
        state = State.INITIAL;
        policy.finished(reason);
      }
      case STOPPED -> state = State.CLOSED;
      case STOPPING -> state = State.CLOSING;
      case REQ_SENT, ACK_RCVD, ACK_SENT -> {
        irc(timers.maxTerminate());
        str(reason);
        state = State.CLOSING;
      }
      case OPENED -> {
        policy.down();
        irc(timers.maxTerminate());
        str(reason);
        state = State.CLOSING;
      }
      default -> { }
    }
  }

  // ---- timer events ----

  private void timeout(int generation) {
    if (generation != timerGeneration) {
      return;
    }
    if (restartCount > 0) { // TO+
      switch (state) {
        case CLOSING, STOPPING -> str(closeReason);
        case REQ_SENT, ACK_RCVD -> {
          scr();
          state = State.REQ_SENT;
        }
        case ACK_SENT -> scr();
        default -> { }
      }
    } else { // TO-
      switch (state) {
        case CLOSING -> finish(State.CLOSED, closeReason);
        case STOPPING -> finish(State.STOPPED, closeReason);
        case REQ_SENT, ACK_RCVD, ACK_SENT -> finish(State.STOPPED, policy.name() + ": the peer does not answer");
        default -> { }
      }
    }
  }

  // ---- receive events ----

  /** A packet of this protocol from the peer. */
  public void receive(ControlPacket p) {
    switch (p.code()) {
      case ControlPacket.CONFIGURE_REQUEST -> rcr(p);
      case ControlPacket.CONFIGURE_ACK -> {
        if (p.id() == requestId) {
          rca(p);
        }
      }
      case ControlPacket.CONFIGURE_NAK, ControlPacket.CONFIGURE_REJECT -> {
        if (p.id() == requestId) {
          rcn(p);
        }
      }
      case ControlPacket.TERMINATE_REQUEST -> rtr(p);
      case ControlPacket.TERMINATE_ACK -> rta();
      case ControlPacket.CODE_REJECT -> { } // RXJ+: a code we use is optional for the peer; nothing to do
      default -> ruc(p);
    }
  }

  private void rcr(ControlPacket p) {
    List<ConfigOption> opts = ConfigOption.parse(p.data());
    if (opts == null) {
      return; // malformed options: silently discard (section 5)
    }
    if (tooManyRounds()) {
      return;
    }
    switch (state) {
      case CLOSED -> sta(p.id());
      case STOPPED -> {
        irc(timers.maxConfigure());
        scr();
        state = replyToRequest(p.id(), opts) ? State.ACK_SENT : State.REQ_SENT;
      }
      case CLOSING, STOPPING -> { }
      case REQ_SENT -> state = replyToRequest(p.id(), opts) ? State.ACK_SENT : State.REQ_SENT;
      case ACK_RCVD -> {
        if (replyToRequest(p.id(), opts)) {
          state = State.OPENED;
          rounds = 0;
          cancelTimer();
          policy.up(sentRequest, ackedPeer);
        }
      }
      case ACK_SENT -> state = replyToRequest(p.id(), opts) ? State.ACK_SENT : State.REQ_SENT;
      case OPENED -> {
        policy.down();
        scr();
        state = replyToRequest(p.id(), opts) ? State.ACK_SENT : State.REQ_SENT;
      }
      default -> { }
    }
  }

  /**
   * A peer that never settles (Naks what it asked for, Rejects everything, renegotiates in a
   * loop) is given four times Max-Configure (RFC 1661 section 4.6) rounds; RFC 1661 bounds our
   * own Configure-Requests and Naks but not the peer's, so past that the layer closes with a reason, so a
   * broken client cannot keep a session negotiating for ever.
   */
  private boolean tooManyRounds() {
    if (state == State.OPENED || state == State.CLOSING || state == State.STOPPING || ++rounds <= 4 * timers.maxConfigure()) {
      return false;
    }
    close(policy.name() + " negotiation did not converge in " + 4 * timers.maxConfigure() + " rounds (4 x Max-Configure)");
    return true;
  }

  /** sca or scn; true for RCR+ (acked). Max-Failure turns Naks into Rejects (section 4.6). */
  private boolean replyToRequest(int id, List<ConfigOption> opts) {
    Negotiation.Verdict v = policy.judge(opts);
    if (v.ack()) {
      failureCount = 0;
      ackedPeer = opts;
      sender.send(policy.protocol(), new ControlPacket(ControlPacket.CONFIGURE_ACK, id, ConfigOption.encode(opts)));
      return true;
    }
    int code = v.code();
    if (code == ControlPacket.CONFIGURE_NAK && ++failureCount > timers.maxFailure()) {
      code = ControlPacket.CONFIGURE_REJECT;
    }
    sender.send(policy.protocol(), new ControlPacket(code, id, ConfigOption.encode(v.options())));
    return false;
  }

  private void rca(ControlPacket p) {
    switch (state) {
      case CLOSED, STOPPED -> sta(p.id());
      case REQ_SENT -> {
        irc(timers.maxConfigure());
        state = State.ACK_RCVD;
      }
      case ACK_RCVD -> {
        scr(); // crossed connection
        state = State.REQ_SENT;
      }
      case ACK_SENT -> {
        irc(timers.maxConfigure());
        state = State.OPENED;
        rounds = 0;
        cancelTimer();
        policy.up(sentRequest, ackedPeer);
      }
      case OPENED -> {
        policy.down();
        scr();
        state = State.REQ_SENT;
      }
      default -> { }
    }
  }

  private void rcn(ControlPacket p) {
    List<ConfigOption> opts = ConfigOption.parse(p.data());
    if (opts == null) {
      return;
    }
    if (tooManyRounds()) {
      return;
    }
    try {
      if (p.code() == ControlPacket.CONFIGURE_NAK) {
        policy.onNak(opts);
      } else {
        policy.onReject(opts);
      }
    } catch (Negotiation.NegotiationFailed e) {
      close(e.getMessage());
      return;
    }
    switch (state) {
      case CLOSED, STOPPED -> sta(p.id());
      case REQ_SENT -> {
        irc(timers.maxConfigure());
        scr();
      }
      case ACK_RCVD -> {
        scr();
        state = State.REQ_SENT;
      }
      case ACK_SENT -> {
        irc(timers.maxConfigure());
        scr();
      }
      case OPENED -> {
        policy.down();
        scr();
        state = State.REQ_SENT;
      }
      default -> { }
    }
  }

  private void rtr(ControlPacket p) {
    switch (state) {
      case CLOSED, STOPPED, CLOSING, STOPPING -> sta(p.id());
      case REQ_SENT, ACK_RCVD, ACK_SENT -> {
        sta(p.id());
        state = State.REQ_SENT;
      }
      case OPENED -> {
        policy.down();
        restartCount = 0;
        sta(p.id());
        state = State.STOPPING;
        closeReason = policy.name() + " terminated by the peer";
        armTimer();
      }
      default -> { }
    }
  }

  private void rta() {
    switch (state) {
      case CLOSING -> finish(State.CLOSED, closeReason);
      case STOPPING -> finish(State.STOPPED, closeReason);
      case ACK_RCVD -> state = State.REQ_SENT;
      case OPENED -> {
        policy.down();
        scr();
        state = State.REQ_SENT;
      }
      default -> { }
    }
  }

  private void ruc(ControlPacket p) {
    if (state == State.INITIAL || state == State.STARTING) {
      return;
    }
    byte[] rejected = new byte[p.data().length + 4];
    rejected[0] = (byte) p.code();
    rejected[1] = (byte) p.id();
    rejected[2] = (byte) (rejected.length >> 8);
    rejected[3] = (byte) rejected.length;
    System.arraycopy(p.data(), 0, rejected, 4, p.data().length);
    sender.send(policy.protocol(), new ControlPacket(ControlPacket.CODE_REJECT, nextId(), rejected));
  }

  /** RXJ-: the peer rejected something we cannot do without (a protocol, a needed code). */
  public void fatalReject(String reason) {
    closeReason = reason;
    switch (state) {
      case CLOSING -> finish(State.CLOSED, reason);
      case STOPPED, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> finish(State.STOPPED, reason);
      case OPENED -> {
        policy.down();
        irc(timers.maxTerminate());
        str(reason);
        state = State.STOPPING;
      }
      default -> { }
    }
  }

  // ---- actions ----

  private void irc(int count) {
    restartCount = count;
  }

  private void scr() {
    sentRequest = policy.request();
    requestId = nextId();
    restartCount--;
    sender.send(policy.protocol(), new ControlPacket(ControlPacket.CONFIGURE_REQUEST, requestId, ConfigOption.encode(sentRequest)));
    armTimer();
  }

  private void str(String reason) {
    restartCount--;
    sender.send(policy.protocol(), new ControlPacket(ControlPacket.TERMINATE_REQUEST, nextId(),
        reason.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    armTimer();
  }

  private void sta(int id) {
    sender.send(policy.protocol(), new ControlPacket(ControlPacket.TERMINATE_ACK, id, new byte[0]));
  }

  private void finish(State to, String reason) {
    state = to;
    cancelTimer();
    policy.finished(reason);
  }

  private int nextId() {
    nextId = (nextId + 1) & 0xff;
    return nextId;
  }

  private void armTimer() {
    int gen = ++timerGeneration;
    scheduler.schedule(timers.restartMillis(), () -> timeout(gen));
  }

  private void cancelTimer() {
    timerGeneration++;
  }
}
