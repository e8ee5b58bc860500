package io.jlns.ppp;

import io.jlns.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The authenticator's side of PAP (RFC 1334), CHAP with MD5 (RFC 1994), MS-CHAP (RFC 2433) and
 * MS-CHAPv2 (RFC 2759). One instance per authentication phase. The decision is the
 * {@link AuthService}'s, which may answer later (a RADIUS server): meanwhile a repeated Response
 * or Authenticate-Request is ignored, and an answer that comes after the phase ended is dropped.
 */
final class Authenticator {
  static final int PAP = 0xc023;
  static final int CHAP = 0xc223;
  private static final int CHALLENGE = 1;
  private static final int RESPONSE = 2;
  private static final int SUCCESS = 3;
  private static final int FAILURE = 4;
  private static final int MAX_CHALLENGES = 10;

  interface Result {
    void authenticated(String user, Authorization authorization);

    void failed(String user, String reason);
  }

  private final LcpNegotiation.Auth method;
  private final String hostName;
  private final String session;
  private final AuthRequest.Caller caller;
  private final String methodList;
  private final AuthService service;
  private final RandomGenerator random;
  private final Scheduler scheduler;
  private final Automaton.Sender sender;
  private final Result result;
  private byte[] challenge;
  private int id;
  private int sent;
  private int generation;
  /** What we answered (CHAP Success, PAP Ack or Nak), said again if the peer repeats itself. */
  private ControlPacket answer;
  private int answerProtocol;
  private boolean pending;
  private boolean done;
  private boolean cancelled;

  Authenticator(LcpNegotiation.Auth method, String hostName, String session, AuthRequest.Caller caller, String methodList,
      AuthService service, RandomGenerator random, Scheduler scheduler, Automaton.Sender sender, Result result) {
    this.methodList = methodList;
    this.method = method;
    this.hostName = hostName;
    this.session = session;
    this.caller = caller;
    this.service = service;
    this.random = random;
    this.scheduler = scheduler;
    this.sender = sender;
    this.result = result;
  }

  void start() {
    if (method == LcpNegotiation.Auth.PAP) {
      int gen = ++generation;
      scheduler.schedule(30_000, () -> {
        if (gen == generation && !done && !pending) {
          fail("", "no PAP Authenticate-Request within 30 s");
        }
      });
      return;
    }
    challenge = new byte[method == LcpNegotiation.Auth.MSCHAP ? 8 : 16];
    random.nextBytes(challenge);
    id = random.nextInt(256);
    sendChallenge();
  }

  /** The phase is over (LCP went down, the session ended): a late answer is dropped. */
  void cancel() {
    cancelled = true;
    generation++;
  }

  /** RFC 1994 section 4.1: the Challenge is repeated until a Response comes. */
  private void sendChallenge() {
    byte[] name = hostName.getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[1 + challenge.length + name.length];
    data[0] = (byte) challenge.length;
    System.arraycopy(challenge, 0, data, 1, challenge.length);
    System.arraycopy(name, 0, data, 1 + challenge.length, name.length);
    sender.send(CHAP, new ControlPacket(CHALLENGE, id, data));
    int gen = ++generation;
    scheduler.schedule(3000, () -> {
      if (gen == generation && !done && !pending) {
        if (++sent >= MAX_CHALLENGES) {
          fail("", "no CHAP Response to " + MAX_CHALLENGES + " challenges");
        } else {
          sendChallenge();
        }
      }
    });
  }

  void receive(int protocol, ControlPacket p) {
    if (protocol == PAP && method == LcpNegotiation.Auth.PAP && p.code() == 1) {
      if (done && answer != null) {
        sender.send(PAP, new ControlPacket(answer.code(), p.id(), answer.data())); // our Ack was lost
      } else if (!done && !pending) {
        pap(p);
      }
    } else if (protocol == CHAP && method != LcpNegotiation.Auth.PAP && p.code() == RESPONSE) {
      if (p.id() != id) {
        return; // section 4.1: a Response to another Challenge is discarded
      }
      if (done && answer != null) {
        sender.send(CHAP, answer); // our Success was lost: say it again
      } else if (!done && !pending) {
        chap(p);
      }
    }
  }

  private void pap(ControlPacket p) {
    byte[] d = p.data();
    if (d.length < 1 || d.length < 2 + (d[0] & 0xff) || d.length < 2 + (d[0] & 0xff) + (d[1 + (d[0] & 0xff)] & 0xff)) {
      return;
    }
    int ulen = d[0] & 0xff;
    String user = new String(d, 1, ulen, StandardCharsets.UTF_8);
    int plen = d[1 + ulen] & 0xff;
    String password = new String(d, 2 + ulen, plen, StandardCharsets.UTF_8);
    ask(new AuthRequest(session, AuthRequest.Method.PAP, user, 0, new byte[0], new byte[0], password, caller, methodList),
        r -> {
          boolean ok = r.status() == AuthResult.Status.ACCEPT;
          byte[] msg = (r.message() != null ? r.message() : ok ? "Login ok" : "Login incorrect")
              .getBytes(StandardCharsets.UTF_8);
          byte[] data = new byte[1 + Math.min(255, msg.length)];
          data[0] = (byte) (data.length - 1);
          System.arraycopy(msg, 0, data, 1, data.length - 1);
          answer = new ControlPacket(ok ? 2 : 3, p.id(), data);
          sender.send(PAP, answer);
          conclude(user, r);
        });
  }

  private void chap(ControlPacket p) {
    byte[] d = p.data();
    if (d.length < 1 || d.length < 1 + (d[0] & 0xff)) {
      return;
    }
    int vlen = d[0] & 0xff;
    byte[] value = Arrays.copyOfRange(d, 1, 1 + vlen);
    String name = new String(d, 1 + vlen, d.length - 1 - vlen, StandardCharsets.UTF_8);
    AuthRequest req = new AuthRequest(session, requestMethod(method), name, id, challenge.clone(), value, null, caller, methodList);
    ask(req, r -> {
      if (r.status() == AuthResult.Status.ACCEPT) {
        answer = new ControlPacket(SUCCESS, id, (r.message() != null ? r.message() : "Welcome")
            .getBytes(StandardCharsets.US_ASCII));
        sender.send(CHAP, answer);
      } else {
        String message = r.message() != null ? r.message() : switch (method) {
          case MSCHAP -> "E=691 R=0";
          case MSCHAP_V2 -> "E=691 R=0 C=" + HexFormat.of().formatHex(challenge).toUpperCase(Locale.ROOT)
              + " V=3 M=Authentication failure";
          default -> "Authentication failure";
        };
        sender.send(CHAP, new ControlPacket(FAILURE, id, message.getBytes(StandardCharsets.US_ASCII)));
      }
      conclude(req.localUser(), r);
    });
  }

  private void ask(AuthRequest req, java.util.function.Consumer<AuthResult> then) {
    pending = true;
    generation++;
    service.authenticate(req, r -> {
      if (cancelled || done) {
        return;
      }
      pending = false;
      done = true;
      then.accept(r);
    });
  }

  private void conclude(String user, AuthResult r) {
    if (r.status() == AuthResult.Status.ACCEPT) {
      result.authenticated(user, r.authorization());
    } else {
      result.failed(user, r.reason());
    }
  }

  static AuthRequest.Method requestMethod(LcpNegotiation.Auth a) {
    return switch (a) {
      case PAP -> AuthRequest.Method.PAP;
      case CHAP -> AuthRequest.Method.CHAP;
      case MSCHAP -> AuthRequest.Method.MSCHAP;
      case MSCHAP_V2 -> AuthRequest.Method.MSCHAP_V2;
    };
  }

  private void fail(String user, String reason) {
    done = true;
    result.failed(user, reason);
  }
}
