package io.jlns.ppp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.crypto.MsChap;
import io.jlns.time.ManualScheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** PPP as a Windows-like client meets it, driven packet by packet. */
class PppSessionTest {
  private static final int LOOPBACK = 0x0c000008; // 12.0.0.8
  private static final int POOL_FIRST = 0x14000064; // 20.0.0.100
  private final ManualScheduler clock = new ManualScheduler();
  private final Deque<byte[]> out = new ArrayDeque<>();
  private final List<String> events = new ArrayList<>();
  private final List<byte[]> fromClient = new ArrayList<>();
  private final Map<Integer, Consumer<ByteBuf>> attached = new HashMap<>();
  private final List<Integer> released = new ArrayList<>();
  private int poolLeft = 1;
  private final Credentials users = TestUsers.ALICE;
  private AuthService auth = AuthService.local(users);
  private final PppServices services = new PppServices((r, done) -> auth.authenticate(r, done), new PppServices.AddressPool() {
    @Override
    public OptionalInt allocate(String pool, String owner) {
      return poolLeft-- > 0 ? OptionalInt.of(POOL_FIRST) : OptionalInt.empty();
    }

    @Override
    public void release(String pool, int address) {
      released.add(address);
    }
  }, new PppServices.IpNetwork() {
    @Override
    public void attach(int address, Consumer<ByteBuf> toClient, String owner) {
      attached.put(address, toClient);
    }

    @Override
    public void detach(int address) {
      attached.remove(address);
    }

    @Override
    public void fromClient(int address, ByteBuf packet) {
      events.add("ip from " + PppSession.ipv4(address) + " " + packet.readableBytes() + " bytes");
      fromClient.add(ByteBufUtil.getBytes(packet));
    }

    @Override
    public boolean inUse(int address) {
      return attached.containsKey(address);
    }
  });

  private PppSession session(List<String> auth) {
    return session(new PppSettings("72_LNS", auth, LOOPBACK, "POOL", List.of(0x08080808), 1400, 10, 3), services);
  }

  private PppSession session(PppSettings s, PppServices with) {
    return new PppSession("Virtual-Access2", s, with, new PppSession.Link() {
      @Override
      public void send(ByteBuf frame) {
        byte[] b = new byte[frame.readableBytes()];
        frame.readBytes(b);
        frame.release();
        out.add(b);
      }

      @Override
      public void disconnect(String reason) {
        events.add("disconnect " + reason);
      }

      @Override
      public void peerGone(String reason) {
        events.add("gone " + reason);
      }
    }, clock, new SplittableRandom(4), UnpooledByteBufAllocator.DEFAULT);
  }

  private static byte[] frame(int protocol, int code, int id, byte[] data) {
    byte[] f = new byte[4 + 4 + data.length];
    f[0] = (byte) 0xff;
    f[1] = 0x03;
    f[2] = (byte) (protocol >> 8);
    f[3] = (byte) protocol;
    f[4] = (byte) code;
    f[5] = (byte) id;
    f[6] = (byte) ((data.length + 4) >> 8);
    f[7] = (byte) (data.length + 4);
    System.arraycopy(data, 0, f, 8, data.length);
    return f;
  }

  private static byte[] opts(ConfigOption... o) {
    return ConfigOption.encode(List.of(o));
  }

  /** The next frame sent, as (protocol, packet). */
  private Sent next() {
    byte[] b = out.poll();
    assertThat(b).as("a frame was sent").isNotNull();
    int protocol = (b[0] & 0xff) << 8 | (b[1] & 0xff);
    return new Sent(protocol, ControlPacket.parse(Unpooled.wrappedBuffer(b, 2, b.length - 2)));
  }

  private record Sent(int protocol, ControlPacket packet) {
    List<ConfigOption> options() {
      return ConfigOption.parse(packet.data());
    }
  }

  private void feed(PppSession s, byte[] f) {
    s.onFrame(Unpooled.wrappedBuffer(f));
  }

  /** LCP like Windows: Callback asked and rejected, our CHAP Nak'ed in favour of MS-CHAPv2. */
  private void lcpAsWindows(PppSession s) {
    s.start();
    Sent ourReq = next();
    assertThat(ourReq.protocol()).isEqualTo(0xc021);
    assertThat(ourReq.packet().code()).isEqualTo(ControlPacket.CONFIGURE_REQUEST);
    assertThat(ourReq.options()).contains(ConfigOption.u16(1, 1400));
    ConfigOption v2 = new ConfigOption(3, new byte[] {(byte) 0xc2, 0x23, (byte) 0x81});
    feed(s, frame(0xc021, 1, 1, opts(ConfigOption.u16(1, 1400), ConfigOption.u32(5, 0x11223344), new ConfigOption(7, new byte[0]),
        new ConfigOption(8, new byte[0]), new ConfigOption(13, new byte[] {6}))));
    Sent rej = next();
    assertThat(rej.packet().code()).isEqualTo(ControlPacket.CONFIGURE_REJECT);
    assertThat(rej.options()).containsExactly(new ConfigOption(13, new byte[] {6}));
    Sent req2 = ourReq;
    if (!ourReq.options().contains(v2)) {
      assertThat(ourReq.options()).contains(new ConfigOption(3, new byte[] {(byte) 0xc2, 0x23, 5}));
      feed(s, frame(0xc021, 3, ourReq.packet().id(), opts(v2)));
      req2 = next();
    }
    assertThat(req2.options()).contains(v2);
    feed(s, frame(0xc021, 2, req2.packet().id(), req2.packet().data()));
    feed(s, frame(0xc021, 1, 2, opts(ConfigOption.u16(1, 1400), ConfigOption.u32(5, 0x11223344))));
    assertThat(next().packet().code()).isEqualTo(ControlPacket.CONFIGURE_ACK);
  }

  private void msChapV2(PppSession s, String user, String password) {
    Sent challenge = next();
    assertThat(challenge.protocol()).isEqualTo(0xc223);
    assertThat(challenge.packet().code()).isEqualTo(1);
    byte[] d = challenge.packet().data();
    assertThat(d[0]).isEqualTo((byte) 16);
    byte[] auth = Arrays.copyOfRange(d, 1, 17);
    assertThat(new String(d, 17, d.length - 17, StandardCharsets.UTF_8)).isEqualTo("72_LNS");
    byte[] peer = "peer-challenge!!".getBytes(StandardCharsets.US_ASCII);
    byte[] nt = MsChap.v2NtResponse(auth, peer, user, password);
    byte[] name = ("WORKGROUP\\" + user).getBytes(StandardCharsets.UTF_8);
    byte[] resp = new byte[1 + 49 + name.length];
    resp[0] = 49;
    System.arraycopy(peer, 0, resp, 1, 16);
    System.arraycopy(nt, 0, resp, 25, 24);
    System.arraycopy(name, 0, resp, 50, name.length);
    feed(s, frame(0xc223, 2, challenge.packet().id(), resp));
  }

  @Test
  void aWindowsLikeClientGetsItsAddressAndDnsWithMsChapV2() {
    PppSession s = session(List.of("chap", "ms-chap"));
    lcpAsWindows(s);
    msChapV2(s, "alice", "alicepw");
    Sent success = next();
    assertThat(success.packet().code()).isEqualTo(3);
    assertThat(new String(success.packet().data(), StandardCharsets.US_ASCII)).matches("S=[0-9A-F]{40} M=Welcome");
    assertThat(s.user()).isEqualTo("alice");
    Sent ipcpReq = next();
    assertThat(ipcpReq.protocol()).isEqualTo(0x8021);
    assertThat(ipcpReq.options()).containsExactly(ConfigOption.u32(3, LOOPBACK));
    feed(s, frame(0x8021, 2, ipcpReq.packet().id(), ipcpReq.packet().data()));
    feed(s, frame(0x8021, 1, 1, opts(ConfigOption.u32(3, 0), ConfigOption.u32(129, 0), ConfigOption.u32(130, 0))));
    Sent rej = next();
    assertThat(rej.packet().code()).isEqualTo(ControlPacket.CONFIGURE_REJECT);
    assertThat(rej.options()).containsExactly(ConfigOption.u32(130, 0));
    feed(s, frame(0x8021, 1, 2, opts(ConfigOption.u32(3, 0), ConfigOption.u32(129, 0))));
    Sent nak = next();
    assertThat(nak.packet().code()).isEqualTo(ControlPacket.CONFIGURE_NAK);
    assertThat(nak.options()).containsExactly(ConfigOption.u32(3, POOL_FIRST), ConfigOption.u32(129, 0x08080808));
    feed(s, frame(0x8021, 1, 3, opts(ConfigOption.u32(3, POOL_FIRST), ConfigOption.u32(129, 0x08080808))));
    assertThat(next().packet().code()).isEqualTo(ControlPacket.CONFIGURE_ACK);
    assertThat(attached).containsOnlyKeys(POOL_FIRST);
    assertThat(s.phase()).isEqualTo(PppSession.Phase.NETWORK);
    feed(s, new byte[] {(byte) 0xff, 0x03, 0x00, 0x21, 0x45, 0, 0, 20});
    assertThat(events).contains("ip from 20.0.0.100 4 bytes");
  }

  @Test
  void debugPppShowsTheNegotiationAndTheLoginButNoSecret() {
    try (io.jlns.debug.DebugCapture d = new io.jlns.debug.DebugCapture(io.jlns.debug.Debug.Category.PPP_NEGOTIATION,
        io.jlns.debug.Debug.Category.PPP_AUTHENTICATION)) {
      PppSession s = session(List.of("chap", "ms-chap"));
      lcpAsWindows(s);
      msChapV2(s, "alice", "alicepw");
      String text = d.text();
      assertThat(text).contains("LCP: I CONFREQ id 1", "LCP:    MagicNumber 0x", "LCP: O CONFREQ",
          "LCP:    AuthProto CHAP (0x0305C22305)", "LCP: I CONFNAK", "LCP: O CONFREJ", "LCP:    Callback 6 (0x0D0306)", "LCP:    AuthProto MS-CHAP-V2 (0x0305C22381)",
          "CHAP: O CHALLENGE id", "CHAP: I RESPONSE id", "alice\"",
          "CHAP: O SUCCESS id", "msg is \"S=<authenticator response> M=Welcome\"",
          "PPP: Received LOGIN Response PASS: user alice authenticated", "IPCP: O CONFREQ", "IPCP:    Address 12.0.0.8");
      assertThat(text).doesNotContain("alicepw").doesNotContainPattern("S=[0-9A-F]{40}");
      // a username condition for someone else silences this session
      io.jlns.debug.Debug.addCondition(null, "bob");
      feed(s, frame(0x8021, 1, 9, opts(ConfigOption.u32(3, 0))));
      assertThat(d.lines()).isEmpty();
    }
  }

  @Test
  void ipv6cpAndCcpAreProtocolRejected() {
    PppSession s = session(List.of("ms-chap-v2"));
    lcpAsWindows(s);
    out.clear();
    feed(s, frame(0x8057, 1, 1, opts(new ConfigOption(1, new byte[8]))));
    Sent pr = next();
    assertThat(pr.protocol()).isEqualTo(0xc021);
    assertThat(pr.packet().code()).isEqualTo(ControlPacket.PROTOCOL_REJECT);
    assertThat(Arrays.copyOf(pr.packet().data(), 2)).isEqualTo(new byte[] {(byte) 0x80, 0x57});
  }

  @Test
  void echoRequestsAreAnsweredWithOurMagic() {
    PppSession s = session(List.of("ms-chap-v2"));
    lcpAsWindows(s);
    out.clear();
    feed(s, frame(0xc021, 9, 7, new byte[] {0x11, 0x22, 0x33, 0x44}));
    Sent reply = next();
    assertThat(reply.packet().code()).isEqualTo(ControlPacket.ECHO_REPLY);
    assertThat(reply.packet().id()).isEqualTo(7);
    assertThat(reply.packet().data()).isNotEqualTo(new byte[] {0x11, 0x22, 0x33, 0x44});
  }

  @Test
  void aWrongPasswordEndsTheLinkWithAFailure() {
    PppSession s = session(List.of("ms-chap-v2"));
    lcpAsWindows(s);
    msChapV2(s, "alice", "wrong");
    Sent failure = next();
    assertThat(failure.packet().code()).isEqualTo(4);
    assertThat(new String(failure.packet().data(), StandardCharsets.US_ASCII)).startsWith("E=691 R=0 C=");
    Sent term = next();
    assertThat(term.protocol()).isEqualTo(0xc021);
    assertThat(term.packet().code()).isEqualTo(ControlPacket.TERMINATE_REQUEST);
    feed(s, frame(0xc021, 6, term.packet().id(), new byte[0]));
    assertThat(events).contains("disconnect authentication failed");
    assertThat(attached).isEmpty();
  }

  @Test
  void chapMd5AndPapWork() throws Exception {
    PppSession s = session(List.of("chap"));
    s.start();
    Sent ourReq = next();
    feed(s, frame(0xc021, 2, ourReq.packet().id(), ourReq.packet().data()));
    feed(s, frame(0xc021, 1, 1, new byte[0]));
    next();
    Sent ch = next();
    byte[] c = Arrays.copyOfRange(ch.packet().data(), 1, 17);
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    md5.update((byte) ch.packet().id());
    md5.update("alicepw".getBytes());
    md5.update(c);
    byte[] v = md5.digest();
    byte[] resp = new byte[1 + 16 + 5];
    resp[0] = 16;
    System.arraycopy(v, 0, resp, 1, 16);
    System.arraycopy("alice".getBytes(), 0, resp, 17, 5);
    feed(s, frame(0xc223, 2, ch.packet().id(), resp));
    assertThat(next().packet().code()).isEqualTo(3);
    assertThat(s.user()).isEqualTo("alice");

    PppSession p = session(List.of("pap"));
    poolLeft = 1;
    out.clear();
    p.start();
    Sent req = next();
    feed(p, frame(0xc021, 2, req.packet().id(), req.packet().data()));
    feed(p, frame(0xc021, 1, 1, new byte[0]));
    next();
    byte[] pap = new byte[1 + 5 + 1 + 7];
    pap[0] = 5;
    System.arraycopy("alice".getBytes(), 0, pap, 1, 5);
    pap[6] = 7;
    System.arraycopy("alicepw".getBytes(), 0, pap, 7, 7);
    feed(p, frame(0xc023, 1, 9, pap));
    Sent ack = next();
    assertThat(ack.protocol()).isEqualTo(0xc023);
    assertThat(ack.packet().code()).isEqualTo(2);
  }

  @Test
  void anExhaustedPoolRefusesTheSessionWithAReason() {
    poolLeft = 0;
    PppSession s = session(List.of("ms-chap-v2"));
    lcpAsWindows(s);
    msChapV2(s, "alice", "alicepw");
    next();
    Sent term = next();
    assertThat(term.packet().code()).isEqualTo(ControlPacket.TERMINATE_REQUEST);
    assertThat(new String(term.packet().data(), StandardCharsets.UTF_8)).isEqualTo("address pool POOL is exhausted or not defined");
  }

  @Test
  void aSilentClientIsDroppedByLcpKeepaliveAndItsAddressReleased() {
    PppSession s = connectedWithPoolAddress();
    // keepalive 10 3: an echo after 10 s of silence, then one every 2 s; the third unanswered ends it at 16 s.
    clock.advance(10_000 + 3 * Keepalive.RETRY_MILLIS - 1);
    assertThat(events).doesNotContain("gone LCP keepalive timeout");
    assertThat(out).hasSize(3).allSatisfy(f -> assertThat(f[2]).isEqualTo((byte) ControlPacket.ECHO_REQUEST));
    clock.advance(1);
    assertThat(events).contains("gone LCP keepalive timeout");
    assertThat(attached).isEmpty();
    assertThat(released).containsExactly(POOL_FIRST);
  }

  @Test
  void aClientThatAnswersALateEchoStays() {
    PppSession s = connectedWithPoolAddress();
    clock.advance(10_000 + 2 * Keepalive.RETRY_MILLIS);
    assertThat(out).hasSize(3);
    byte[] echo = out.getLast();
    feed(s, frame(0xc021, ControlPacket.ECHO_REPLY, echo[3], new byte[] {0x11, 0x22, 0x33, 0x44}));
    clock.advance(9_999);
    assertThat(s.phase()).isEqualTo(PppSession.Phase.NETWORK);
    assertThat(events).doesNotContain("gone LCP keepalive timeout");
  }

  /** A Windows-like client through MS-CHAPv2 to IPCP with the pool's address; what was sent so far is cleared. */
  private PppSession connectedWithPoolAddress() {
    PppSession s = session(List.of("ms-chap-v2"));
    lcpAsWindows(s);
    msChapV2(s, "alice", "alicepw");
    next();
    ipcpUpWithPoolAddress(s);
    out.clear();
    return s;
  }

  private void ipcpUpWithPoolAddress(PppSession s) {
    Sent ipcpReq = next();
    feed(s, frame(0x8021, 2, ipcpReq.packet().id(), ipcpReq.packet().data()));
    feed(s, frame(0x8021, 1, 1, opts(ConfigOption.u32(3, POOL_FIRST))));
    assertThat(attached).containsOnlyKeys(POOL_FIRST);
  }

  /** Time passes with the client answering (any frame is a sign of life): keepalive never ends the session. */
  private void talking(PppSession s, long millis) {
    for (long t = 0; t < millis; t += 1_000) {
      clock.advance(1_000);
      feed(s, frame(0xc021, ControlPacket.DISCARD_REQUEST, 1, new byte[] {0x11, 0x22, 0x33, 0x44}));
    }
  }

  /** AAA that answers when the test says (a RADIUS server), on the session's thread. */
  private final List<Runnable> answers = new ArrayList<>();
  private final List<AuthRequest> asked = new ArrayList<>();

  private void deferred(AuthResult result) {
    auth = (r, done) -> {
      asked.add(r);
      answers.add(() -> done.accept(result));
    };
  }

  private void ipcpUp(PppSession s, int expected) {
    Sent ipcpReq = next();
    feed(s, frame(0x8021, 2, ipcpReq.packet().id(), ipcpReq.packet().data()));
    feed(s, frame(0x8021, 1, 1, opts(ConfigOption.u32(3, 0), ConfigOption.u32(129, 0))));
    Sent nak = next();
    assertThat(nak.options()).contains(ConfigOption.u32(3, expected));
    feed(s, frame(0x8021, 1, 2, nak.packet().data()));
    assertThat(next().packet().code()).isEqualTo(ControlPacket.CONFIGURE_ACK);
  }

  @Test
  void anAnswerThatComesLaterIsAwaitedAndItsAuthorizationApplied() {
    int framed = 0x0a000005;
    deferred(AuthResult.accept("S=" + "A".repeat(40) + " M=ok", new Authorization(framed, null, 20, 0, 0,
        List.of(0x01010101), 0, List.of())));
    PppSession s = session(List.of("chap", "ms-chap"));
    lcpAsWindows(s);
    msChapV2(s, "alice", "alicepw");
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0).user()).isEqualTo("WORKGROUP\\alice");
    assertThat(asked.get(0).method()).isEqualTo(AuthRequest.Method.MSCHAP_V2);
    assertThat(out).as("nothing is said before AAA answers").isEmpty();
    clock.advance(9_000); // the Challenge is not repeated while AAA decides
    assertThat(out).isEmpty();
    answers.get(0).run();
    Sent success = next();
    assertThat(success.packet().code()).isEqualTo(3);
    assertThat(new String(success.packet().data(), StandardCharsets.US_ASCII)).isEqualTo("S=" + "A".repeat(40) + " M=ok");
    ipcpUp(s, framed);
    assertThat(attached).containsOnlyKeys(framed);
    talking(s, 19_000);
    assertThat(s.phase()).isEqualTo(PppSession.Phase.NETWORK);
    clock.advance(1_000);
    assertThat(s.phase()).as("Session-Timeout ends it").isEqualTo(PppSession.Phase.TERMINATE);
    assertThat(attached).isEmpty();
    s.lowerDown("gone");
    assertThat(released).as("a RADIUS address is not the pool's").isEmpty();
  }

  @Test
  void aRejectionSendsTheServersMessageAndALateAnswerIsDropped() {
    deferred(AuthResult.reject("E=691 R=0 C=00 V=3 M=from the server", "RADIUS server R1 rejected the user"));
    PppSession s = session(List.of("chap", "ms-chap"));
    lcpAsWindows(s);
    msChapV2(s, "alice", "alicepw");
    answers.get(0).run();
    Sent failure = next();
    assertThat(failure.packet().code()).isEqualTo(4);
    assertThat(new String(failure.packet().data(), StandardCharsets.US_ASCII)).isEqualTo("E=691 R=0 C=00 V=3 M=from the server");
    PppSession t = session(List.of("chap", "ms-chap"));
    out.clear();
    lcpAsWindows(t);
    msChapV2(t, "alice", "alicepw");
    t.lowerDown("the client went away");
    answers.get(1).run();
    assertThat(out).as("an answer for a session that ended changes nothing").isEmpty();
    assertThat(attached).isEmpty();
  }

  @Test
  void accountingStartsWhenIpcpIsUpAndStopsOnceWithTheFirstCauseAndTheCounters() {
    List<String> acct = new ArrayList<>();
    Accounting a = new Accounting() {
      @Override
      public void start(SessionUsage u) {
        acct.add("start " + u.user() + " " + PppSession.ipv4(u.address()));
      }

      @Override
      public void interim(SessionUsage u) {
        acct.add("interim " + u.seconds() + " s " + u.inPackets() + " in");
      }

      @Override
      public void stop(SessionUsage u, TerminateCause cause) {
        acct.add("stop " + cause + " " + u.seconds() + " s " + u.inPackets() + "/" + u.inOctets() + " in "
            + u.outPackets() + "/" + u.outOctets() + " out");
      }

      @Override
      public int interimSeconds() {
        return 60;
      }
    };
    PppServices metered = new PppServices(services.auth(), services.pools(), services.network(), a);
    PppSettings st = new PppSettings("72_LNS", List.of("chap", "ms-chap"), LOOPBACK, "POOL", List.of(0x08080808), 1400, 0, 3);
    PppSession s = session(st, metered);
    lcpAsWindows(s);
    msChapV2(s, "alice", "alicepw");
    next();
    assertThat(acct).isEmpty();
    ipcpUp(s, POOL_FIRST);
    assertThat(acct).containsExactly("start alice 20.0.0.100");
    feed(s, new byte[] {(byte) 0xff, 0x03, 0x00, 0x21, 0x45, 0, 0, 20});
    attached.get(POOL_FIRST).accept(Unpooled.wrappedBuffer(new byte[40]));
    clock.advance(60_000);
    assertThat(acct).last().isEqualTo("interim 60 s 1 in");
    s.administrativeClose("cleared by the administrator (clear interface Virtual-Access2)");
    s.lowerDown("the LAC disconnected the call (CDN result 3)");
    s.lowerDown("again");
    assertThat(acct).last().isEqualTo("stop ADMIN_RESET 60 s 1/4 in 1/40 out");
    assertThat(acct).hasSize(3);
  }

  @Test
  void anAddressFromAaaThatAnotherSessionHoldsIsRefused() {
    int taken = POOL_FIRST;
    attached.put(taken, b -> b.release());
    deferred(AuthResult.accept(null, new Authorization(taken, null, 0, 0, 0, List.of(), 0, List.of())));
    PppSession s = session(List.of("chap", "ms-chap"));
    lcpAsWindows(s);
    msChapV2(s, "alice", "alicepw");
    answers.get(0).run();
    assertThat(next().packet().code()).isEqualTo(3);
    assertThat(s.phase()).as("Framed-IP-Address in use: refused").isEqualTo(PppSession.Phase.TERMINATE);
  }

  /** Found by PppSessionFuzzTest: an LCP renegotiated in the network phase took a second address and kept the first. */
  @Test
  void anLcpRenegotiationGivesTheAddressBackBeforeTakingOneAgain() {
    PppSession s = session(List.of());
    s.start();
    Sent ourReq = next();
    feed(s, frame(0xc021, 2, ourReq.packet().id(), ourReq.packet().data()));
    feed(s, frame(0xc021, 1, 1, opts(ConfigOption.u16(1, 1400))));
    assertThat(next().packet().code()).isEqualTo(ControlPacket.CONFIGURE_ACK);
    Sent ipcpReq = next();
    feed(s, frame(0x8021, 2, ipcpReq.packet().id(), ipcpReq.packet().data()));
    feed(s, frame(0x8021, 1, 1, opts(ConfigOption.u32(3, POOL_FIRST))));
    assertThat(next().packet().code()).isEqualTo(ControlPacket.CONFIGURE_ACK);
    assertThat(attached).containsOnlyKeys(POOL_FIRST);
    poolLeft = 1;
    // The client starts LCP over (RFC 1661: a Configure-Request in Opened): the network layer goes down.
    feed(s, frame(0xc021, 1, 2, opts(ConfigOption.u16(1, 1400))));
    assertThat(attached).isEmpty();
    assertThat(released).containsExactly(POOL_FIRST);
    assertThat(s.phase()).isEqualTo(PppSession.Phase.ESTABLISH);
    out.clear();
    s.lowerDown("carrier lost");
    assertThat(released).containsExactly(POOL_FIRST);
  }

  /** Limits: a client whose LCP never settles (it asks for Callback again and again) is closed after 4 x Max-Configure rounds. */
  @Test
  void anLcpThatNeverConvergesIsClosedAfterFortyRounds() {
    PppSession s = session(List.of("ms-chap-v2"));
    s.start();
    out.clear();
    for (int i = 0; i < 40; i++) {
      feed(s, frame(0xc021, 1, i, opts(new ConfigOption(13, new byte[] {6}))));
      assertThat(next().packet().code()).isEqualTo(ControlPacket.CONFIGURE_REJECT);
    }
    feed(s, frame(0xc021, 1, 40, opts(new ConfigOption(13, new byte[] {6}))));
    Sent term = next();
    assertThat(term.packet().code()).isEqualTo(ControlPacket.TERMINATE_REQUEST);
    assertThat(new String(term.packet().data(), StandardCharsets.UTF_8)).contains("did not converge in 40 rounds");
    clock.advance(10_000);
    assertThat(s.phase()).isEqualTo(PppSession.Phase.DEAD);
  }

  /** ip tcp adjust-mss on the template: SYNs both ways carry at most its MSS; ip mtu bounds what goes to the client. */
  @Test
  void tcpSynsAreClampedBothWaysAndIpMtuBoundsWhatIsSent() {
    PppSettings vt = new PppSettings("72_LNS", List.of("ms-chap-v2"), LOOPBACK, "POOL", List.of(0x08080808), 1400, 10, 3, null,
        1360, 1300);
    PppSession s = session(vt, services);
    lcpAsWindows(s);
    msChapV2(s, "alice", "alicepw");
    next();
    ipcpUpWithPoolAddress(s);
    out.clear();
    byte[] syn = MssClampTest.syn(1460, 0x02);
    byte[] f = new byte[syn.length + 4];
    f[0] = (byte) 0xff;
    f[1] = 0x03;
    f[3] = 0x21;
    System.arraycopy(syn, 0, f, 4, syn.length);
    feed(s, f);
    assertThat(fromClient).singleElement().satisfies(p -> assertThat((p[42] & 0xff) << 8 | p[43] & 0xff).isEqualTo(1360));
    s.sendIp(Unpooled.wrappedBuffer(MssClampTest.syn(1460, 0x12)));
    byte[] sent = out.poll();
    assertThat((sent[2 + 42] & 0xff) << 8 | sent[2 + 43] & 0xff).isEqualTo(1360);
    s.sendIp(Unpooled.wrappedBuffer(new byte[1301]));
    assertThat(out).as("above ip mtu 1300: not sent").isEmpty();
  }
}
