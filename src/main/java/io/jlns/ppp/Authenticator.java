package io.jlns.ppp;

import io.jlns.crypto.MsChap;
import io.jlns.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The authenticator's side of PAP (RFC 1334), CHAP with MD5 (RFC 1994), MS-CHAP (RFC 2433) and
 * MS-CHAPv2 (RFC 2759). One instance per authentication phase.
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
    void authenticated(String user);

    void failed(String user, String reason);
  }

  private final LcpNegotiation.Auth method;
  private final String hostName;
  private final Credentials credentials;
  private final RandomGenerator random;
  private final Scheduler scheduler;
  private final Automaton.Sender sender;
  private final Result result;
  private byte[] challenge;
  private int id;
  private int sent;
  private int generation;
  private ControlPacket success;
  private boolean done;

  Authenticator(LcpNegotiation.Auth method, String hostName, Credentials credentials, RandomGenerator random,
      Scheduler scheduler, Automaton.Sender sender, Result result) {
    this.method = method;
    this.hostName = hostName;
    this.credentials = credentials;
    this.random = random;
    this.scheduler = scheduler;
    this.sender = sender;
    this.result = result;
  }

  void start() {
    if (method == LcpNegotiation.Auth.PAP) {
      int gen = ++generation;
      scheduler.schedule(30_000, () -> {
        if (gen == generation && !done) {
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
      if (gen == generation && !done) {
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
      pap(p);
    } else if (protocol == CHAP && method != LcpNegotiation.Auth.PAP && p.code() == RESPONSE) {
      if (p.id() != id) {
        return; // section 4.1: a Response to another Challenge is discarded
      }
      if (done && success != null) {
        sender.send(CHAP, success); // our Success was lost: say it again
        return;
      }
      if (!done) {
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
    boolean ok = credentials.verify(user, password);
    byte[] msg = (ok ? "Login ok" : "Login incorrect").getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[1 + msg.length];
    data[0] = (byte) msg.length;
    System.arraycopy(msg, 0, data, 1, msg.length);
    sender.send(PAP, new ControlPacket(ok ? 2 : 3, p.id(), data));
    done = true;
    generation++;
    if (ok) {
      result.authenticated(user);
    } else {
      result.failed(user, "wrong user name or password (PAP)");
    }
  }

  private void chap(ControlPacket p) {
    byte[] d = p.data();
    if (d.length < 1 || d.length < 1 + (d[0] & 0xff)) {
      return;
    }
    int vlen = d[0] & 0xff;
    byte[] value = Arrays.copyOfRange(d, 1, 1 + vlen);
    String name = new String(d, 1 + vlen, d.length - 1 - vlen, StandardCharsets.UTF_8);
    // Windows sends DOMAIN\\user; the local database and RFC 2759's hash use the user name alone.
    String user = name.contains("\\") ? name.substring(name.lastIndexOf('\\') + 1) : name;
    done = true;
    generation++;
    Optional<String> password = credentials.cleartext(user);
    String ok = password.isEmpty() ? null : check(value, user, password.get());
    if (ok != null) {
      success = new ControlPacket(SUCCESS, id, ok.getBytes(StandardCharsets.US_ASCII));
      sender.send(CHAP, success);
      result.authenticated(user);
      return;
    }
    String message = switch (method) {
      case MSCHAP -> "E=691 R=0";
      case MSCHAP_V2 -> "E=691 R=0 C=" + HexFormat.of().formatHex(challenge).toUpperCase(java.util.Locale.ROOT)
          + " V=3 M=Authentication failure";
      default -> "Authentication failure";
    };
    sender.send(CHAP, new ControlPacket(FAILURE, id, message.getBytes(StandardCharsets.US_ASCII)));
    result.failed(user, password.isEmpty() ? "unknown user, or one without a clear-text password"
        : "wrong password (" + method.keyword + ")");
  }

  /** The Success message if the response is right, else null. */
  private String check(byte[] value, String user, String password) {
    switch (method) {
      case CHAP -> {
        try {
          MessageDigest md5 = MessageDigest.getInstance("MD5");
          md5.update((byte) id);
          md5.update(password.getBytes(StandardCharsets.UTF_8));
          md5.update(challenge);
          return MessageDigest.isEqual(md5.digest(), value) ? "Welcome" : null;
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
      case MSCHAP -> {
        // RFC 2433 section 3: 24 bytes LM response, 24 bytes NT response, flag 1 = use NT.
        if (value.length != 49 || value[48] != 1) {
          return null;
        }
        byte[] nt = Arrays.copyOfRange(value, 24, 48);
        return MessageDigest.isEqual(nt, MsChap.v1NtResponse(challenge, password)) ? "" : null;
      }
      case MSCHAP_V2 -> {
        // RFC 2759 section 4: peer challenge 16, reserved 8, NT response 24, flags 1.
        if (value.length != 49) {
          return null;
        }
        byte[] peer = Arrays.copyOfRange(value, 0, 16);
        byte[] nt = Arrays.copyOfRange(value, 24, 48);
        if (!MessageDigest.isEqual(nt, MsChap.v2NtResponse(challenge, peer, user, password))) {
          return null;
        }
        return MsChap.v2AuthenticatorResponse(password, nt, peer, challenge, user) + " M=Welcome";
      }
      default -> {
        return null;
      }
    }
  }

  private void fail(String user, String reason) {
    done = true;
    result.failed(user, reason);
  }
}
