package io.jlns.loadgen;

import io.jlns.crypto.MsChap;
import io.jlns.ppp.ConfigOption;
import io.jlns.ppp.ControlPacket;
import io.jlns.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The client's PPP (RFC 1661): LCP, then authentication as the server asks (CHAP-MD5 RFC 1994,
 * MS-CHAPv2 RFC 2759, PAP RFC 1334; another method is Nak'd with ours), then IPCP (RFC 1332,
 * DNS/NBNS per RFC 1877) to learn our address. Echo-Requests answered. Our Configure-Requests
 * are resent every 3 s up to Max-Configure (10, section 4.6).
 */
final class PppPeer {
  static final int LCP = 0xC021;
  static final int PAP = 0xC023;
  static final int CHAP = 0xC223;
  static final int IPCP = 0x8021;
  static final int IPV6CP = 0x8057;
  static final int IPV4 = 0x0021;
  private static final int IDENTIFICATION = 12;
  private static final long RESTART_MILLIS = 3000;
  private static final int MAX_CONFIGURE = 10;

  /** How we authenticate. */
  enum Auth { CHAP, MSCHAPV2, PAP }

  interface Events {
    /** A PPP frame to the LNS: address/control, protocol, packet. */
    void send(byte[] frame);

    void up(byte[] ourAddress, byte[] peerAddress);

    void ip(byte[] b, int off, int len);

    void down(Failure failure, String reason);
  }

  enum Phase { ESTABLISH, AUTHENTICATE, NETWORK, OPEN, DEAD }

  private final Events events;
  private final Scheduler clock;
  private final RandomGenerator random;
  private final Profile profile;
  private final Auth auth;
  private final String user;
  private final String password;
  private final int magic;
  private Phase phase = Phase.ESTABLISH;
  private List<ConfigOption> lcpOurs;
  private boolean lcpOursAcked;
  private boolean lcpTheirsAcked;
  private List<ConfigOption> ipcpOurs;
  private boolean ipcpOursAcked;
  private boolean ipcpTheirsAcked;
  private byte[] peerAddress = new byte[4];
  private int id;
  private int lcpId = -1;
  private int ipcpId = -1;
  private int tries;
  private int timerGeneration;
  private byte[] papRequest;
  private byte[] mschapPeerChallenge;
  private byte[] mschapNtResponse;
  private byte[] mschapAuthChallenge;

  PppPeer(Events events, Scheduler clock, RandomGenerator random, Profile profile, Auth auth, String user, String password) {
    this.events = events;
    this.clock = clock;
    this.random = random;
    this.profile = profile;
    this.auth = auth;
    this.user = user;
    this.password = password;
    this.magic = random.nextInt() | 1;
  }

  Phase phase() {
    return phase;
  }

  void start() {
    lcpOurs = new ArrayList<>(List.of(ConfigOption.u16(1, profile.lcpMru()), ConfigOption.u32(5, magic)));
    if (profile.lcpCallback()) {
      // Windows asks for Callback operation 6 (RFC 1570 section 2.3; Microsoft's CBCP), which an LNS rejects.
      lcpOurs.add(new ConfigOption(13, new byte[] {6}));
    }
    if (profile.lcpIdentification()) {
      lcpOurs.add(new ConfigOption(7, new byte[0]));
      lcpOurs.add(new ConfigOption(8, new byte[0]));
    }
    sendLcpRequest();
  }

  /** A PPP frame from the LNS (address/control possibly compressed, RFC 1661 section 6.5/6.6). */
  void onFrame(byte[] b, int off, int len) {
    if (phase == Phase.DEAD) {
      return;
    }
    int i = off;
    int end = off + len;
    if (len >= 2 && (b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0x03) {
      i += 2;
    }
    if (i >= end) {
      return;
    }
    int protocol;
    if ((b[i] & 1) != 0) {
      protocol = b[i] & 0xFF;
      i += 1;
    } else {
      if (i + 2 > end) {
        return;
      }
      protocol = (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
      i += 2;
    }
    if (protocol == IPV4) {
      if (phase == Phase.OPEN) {
        events.ip(b, i, end - i);
      }
      return;
    }
    ControlPacket p = ControlPacket.parse(io.netty.buffer.Unpooled.wrappedBuffer(b, i, end - i));
    if (p == null) {
      return;
    }
    switch (protocol) {
      case LCP -> onLcp(p);
      case CHAP -> onChap(p);
      case PAP -> onPap(p);
      case IPCP -> onIpcp(p);
      default -> {
        // RFC 1661 section 5.7: a protocol we do not speak (CCP, ...) is Protocol-Rejected.
        if (phase == Phase.NETWORK || phase == Phase.OPEN) {
          byte[] rej = new byte[2 + 4 + p.data().length];
          rej[0] = (byte) (protocol >>> 8);
          rej[1] = (byte) protocol;
          rej[2] = (byte) p.code();
          rej[3] = (byte) p.id();
          rej[4] = (byte) ((p.data().length + 4) >>> 8);
          rej[5] = (byte) (p.data().length + 4);
          System.arraycopy(p.data(), 0, rej, 6, p.data().length);
          send(LCP, new ControlPacket(ControlPacket.PROTOCOL_REJECT, ++id & 0xFF, rej));
        }
      }
    }
  }

  /** An IPv4 packet to the LNS. */
  void sendIp(byte[] packet, int off, int len) {
    byte[] f = new byte[4 + len];
    f[0] = (byte) 0xFF;
    f[1] = 0x03;
    f[2] = 0x00;
    f[3] = 0x21;
    System.arraycopy(packet, off, f, 4, len);
    events.send(f);
  }

  /** Leaving: LCP Terminate-Request (section 5.5); the tunnel below goes right after. */
  void close() {
    if (phase != Phase.DEAD) {
      send(LCP, new ControlPacket(ControlPacket.TERMINATE_REQUEST, ++id & 0xFF, new byte[0]));
      phase = Phase.DEAD;
      timerGeneration++;
    }
  }

  private void onLcp(ControlPacket p) {
    switch (p.code()) {
      case ControlPacket.CONFIGURE_REQUEST -> {
        List<ConfigOption> theirs = ConfigOption.parse(p.data());
        if (theirs == null) {
          return;
        }
        List<ConfigOption> nak = new ArrayList<>();
        List<ConfigOption> rej = new ArrayList<>();
        for (ConfigOption o : theirs) {
          switch (o.type()) {
            case 1, 5, 7, 8 -> { }
            case 3 -> {
              if (!authMatches(o)) {
                nak.add(ourAuthOption());
              }
            }
            default -> rej.add(o);
          }
        }
        if (!rej.isEmpty()) {
          send(LCP, new ControlPacket(ControlPacket.CONFIGURE_REJECT, p.id(), ConfigOption.encode(rej)));
        } else if (!nak.isEmpty()) {
          send(LCP, new ControlPacket(ControlPacket.CONFIGURE_NAK, p.id(), ConfigOption.encode(nak)));
        } else {
          send(LCP, new ControlPacket(ControlPacket.CONFIGURE_ACK, p.id(), p.data()));
          lcpTheirsAcked = true;
          lcpMaybeUp();
        }
      }
      case ControlPacket.CONFIGURE_ACK -> {
        if (p.id() == lcpId) {
          lcpOursAcked = true;
          lcpMaybeUp();
        }
      }
      case ControlPacket.CONFIGURE_NAK, ControlPacket.CONFIGURE_REJECT -> {
        List<ConfigOption> opts = ConfigOption.parse(p.data());
        if (p.id() != lcpId || opts == null) {
          return;
        }
        for (ConfigOption o : opts) {
          lcpOurs.removeIf(x -> x.type() == o.type());
          if (p.code() == ControlPacket.CONFIGURE_NAK && o.type() == 1) {
            lcpOurs.add(o);
          }
        }
        sendLcpRequest();
      }
      case ControlPacket.ECHO_REQUEST -> {
        byte[] d = p.data().clone();
        if (d.length >= 4) {
          d[0] = (byte) (magic >>> 24);
          d[1] = (byte) (magic >>> 16);
          d[2] = (byte) (magic >>> 8);
          d[3] = (byte) magic;
        }
        send(LCP, new ControlPacket(ControlPacket.ECHO_REPLY, p.id(), d));
      }
      case ControlPacket.TERMINATE_REQUEST -> {
        send(LCP, new ControlPacket(ControlPacket.TERMINATE_ACK, p.id(), new byte[0]));
        down(phase == Phase.AUTHENTICATE ? Failure.AUTH_FAILED : phase == Phase.OPEN ? Failure.DROPPED : Failure.PPP_TIMEOUT,
            "LCP Terminate-Request from the LNS in phase " + phase);
      }
      default -> { }
    }
  }

  private void lcpMaybeUp() {
    if (phase != Phase.ESTABLISH || !lcpOursAcked || !lcpTheirsAcked) {
      return;
    }
    timerGeneration++;
    phase = Phase.AUTHENTICATE;
    if (profile.lcpIdentification()) {
      identification("MSRASV5.20");
      identification("MSRAS-0-LOADGEN");
    }
    if (auth == Auth.PAP) {
      sendPap();
    }
  }

  private boolean authMatches(ConfigOption o) {
    return switch (auth) {
      case PAP -> o.u16() == PAP;
      case CHAP -> o.u16() == CHAP && o.data().length == 3 && o.data()[2] == 5;
      case MSCHAPV2 -> o.u16() == CHAP && o.data().length == 3 && (o.data()[2] & 0xFF) == 0x81;
    };
  }

  private ConfigOption ourAuthOption() {
    return switch (auth) {
      case PAP -> ConfigOption.u16(3, PAP);
      case CHAP -> new ConfigOption(3, new byte[] {(byte) 0xC2, 0x23, 5});
      case MSCHAPV2 -> new ConfigOption(3, new byte[] {(byte) 0xC2, 0x23, (byte) 0x81});
    };
  }

  private void onChap(ControlPacket p) {
    if (phase != Phase.AUTHENTICATE && phase != Phase.NETWORK) {
      return;
    }
    byte[] d = p.data();
    switch (p.code()) {
      case 1 -> {
        if (d.length < 1 || d.length < 1 + (d[0] & 0xFF)) {
          return;
        }
        byte[] challenge = java.util.Arrays.copyOfRange(d, 1, 1 + (d[0] & 0xFF));
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        byte[] value;
        if (auth == Auth.MSCHAPV2) {
          // RFC 2759 section 4: Peer-Challenge (16), 8 reserved, NT-Response (24), Flags.
          mschapAuthChallenge = challenge;
          mschapPeerChallenge = new byte[16];
          random.nextBytes(mschapPeerChallenge);
          mschapNtResponse = MsChap.v2NtResponse(challenge, mschapPeerChallenge, user, password);
          value = new byte[49];
          System.arraycopy(mschapPeerChallenge, 0, value, 0, 16);
          System.arraycopy(mschapNtResponse, 0, value, 24, 24);
        } else {
          // RFC 1994 section 4.1: MD5(Identifier | secret | Challenge).
          value = md5(new byte[] {(byte) p.id()}, password.getBytes(StandardCharsets.UTF_8), challenge);
        }
        byte[] r = new byte[1 + value.length + name.length];
        r[0] = (byte) value.length;
        System.arraycopy(value, 0, r, 1, value.length);
        System.arraycopy(name, 0, r, 1 + value.length, name.length);
        send(CHAP, new ControlPacket(2, p.id(), r));
      }
      case 3 -> {
        if (auth == Auth.MSCHAPV2) {
          String msg = new String(d, StandardCharsets.US_ASCII);
          String want = MsChap.v2AuthenticatorResponse(password, mschapNtResponse, mschapPeerChallenge, mschapAuthChallenge, user);
          if (!msg.startsWith(want)) {
            down(Failure.AUTH_FAILED, "MS-CHAPv2 Success without the right authenticator response (RFC 2759 section 5)");
            return;
          }
        }
        authenticated();
      }
      case 4 -> down(Failure.AUTH_FAILED, "CHAP Failure: " + new String(d, StandardCharsets.US_ASCII).trim());
      default -> { }
    }
  }

  private void sendPap() {
    byte[] u = user.getBytes(StandardCharsets.UTF_8);
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    papRequest = new byte[2 + u.length + pw.length];
    papRequest[0] = (byte) u.length;
    System.arraycopy(u, 0, papRequest, 1, u.length);
    papRequest[1 + u.length] = (byte) pw.length;
    System.arraycopy(pw, 0, papRequest, 2 + u.length, pw.length);
    tries = 0;
    sendPapAgain(++id & 0xFF);
  }

  private void sendPapAgain(int papId) {
    send(PAP, new ControlPacket(1, papId, papRequest));
    int gen = ++timerGeneration;
    clock.schedule(RESTART_MILLIS, () -> {
      if (gen == timerGeneration && phase == Phase.AUTHENTICATE) {
        if (++tries >= MAX_CONFIGURE) {
          down(Failure.PPP_TIMEOUT, "PAP Authenticate-Request unanswered");
        } else {
          sendPapAgain(papId);
        }
      }
    });
  }

  private void onPap(ControlPacket p) {
    if (phase != Phase.AUTHENTICATE) {
      return;
    }
    if (p.code() == 2) {
      timerGeneration++;
      authenticated();
    } else if (p.code() == 3) {
      down(Failure.AUTH_FAILED, "PAP Authenticate-Nak");
    }
  }

  private void authenticated() {
    if (phase != Phase.AUTHENTICATE) {
      return;
    }
    phase = Phase.NETWORK;
    ipcpOurs = new ArrayList<>(List.of(new ConfigOption(3, new byte[4])));
    if (profile.askDnsNbns()) {
      for (int t : new int[] {129, 130, 131, 132}) {
        ipcpOurs.add(new ConfigOption(t, new byte[4]));
      }
    }
    if (profile.ipv6cp()) {
      // Windows opens IPV6CP beside IPCP; an LNS without IPv6 answers with Protocol-Reject.
      send(IPV6CP, new ControlPacket(ControlPacket.CONFIGURE_REQUEST, ++id & 0xFF, ConfigOption.encode(List.of(
          new ConfigOption(1, new byte[] {0, 0, 0, 0, (byte) random.nextInt(), (byte) random.nextInt(), 1, 2})))));
    }
    tries = 0;
    sendIpcpRequest();
  }

  private void onIpcp(ControlPacket p) {
    if (phase != Phase.NETWORK && phase != Phase.OPEN) {
      return;
    }
    switch (p.code()) {
      case ControlPacket.CONFIGURE_REQUEST -> {
        List<ConfigOption> theirs = ConfigOption.parse(p.data());
        if (theirs == null) {
          return;
        }
        List<ConfigOption> rej = theirs.stream().filter(o -> o.type() != 3).toList();
        if (!rej.isEmpty()) {
          send(IPCP, new ControlPacket(ControlPacket.CONFIGURE_REJECT, p.id(), ConfigOption.encode(rej)));
          return;
        }
        theirs.stream().filter(o -> o.type() == 3 && o.data().length == 4).forEach(o -> peerAddress = o.data());
        send(IPCP, new ControlPacket(ControlPacket.CONFIGURE_ACK, p.id(), p.data()));
        ipcpTheirsAcked = true;
        ipcpMaybeUp();
      }
      case ControlPacket.CONFIGURE_ACK -> {
        if (p.id() == ipcpId) {
          ipcpOursAcked = true;
          ipcpMaybeUp();
        }
      }
      case ControlPacket.CONFIGURE_NAK, ControlPacket.CONFIGURE_REJECT -> {
        List<ConfigOption> opts = ConfigOption.parse(p.data());
        if (p.id() != ipcpId || opts == null) {
          return;
        }
        for (ConfigOption o : opts) {
          if (p.code() == ControlPacket.CONFIGURE_REJECT && o.type() == 3) {
            down(Failure.NO_ADDRESS, "IPCP rejected our IP-Address option");
            return;
          }
          ipcpOurs.removeIf(x -> x.type() == o.type());
          if (p.code() == ControlPacket.CONFIGURE_NAK) {
            ipcpOurs.add(o);
          }
        }
        sendIpcpRequest();
      }
      case ControlPacket.TERMINATE_REQUEST -> {
        send(IPCP, new ControlPacket(ControlPacket.TERMINATE_ACK, p.id(), new byte[0]));
        down(phase == Phase.OPEN ? Failure.DROPPED : Failure.NO_ADDRESS, "IPCP Terminate-Request from the LNS");
      }
      default -> { }
    }
  }

  private void ipcpMaybeUp() {
    if (phase != Phase.NETWORK || !ipcpOursAcked || !ipcpTheirsAcked) {
      return;
    }
    byte[] ours = ipcpOurs.stream().filter(o -> o.type() == 3).findFirst().map(ConfigOption::data).orElse(new byte[4]);
    if (ours[0] == 0 && ours[1] == 0 && ours[2] == 0 && ours[3] == 0) {
      down(Failure.NO_ADDRESS, "IPCP acknowledged 0.0.0.0: the LNS gave no address");
      return;
    }
    timerGeneration++;
    phase = Phase.OPEN;
    events.up(ours, peerAddress);
  }

  private void sendLcpRequest() {
    lcpId = ++id & 0xFF;
    lcpOursAcked = false;
    send(LCP, new ControlPacket(ControlPacket.CONFIGURE_REQUEST, lcpId, ConfigOption.encode(lcpOurs)));
    restart(Phase.ESTABLISH, this::sendLcpRequest);
  }

  private void sendIpcpRequest() {
    ipcpId = ++id & 0xFF;
    ipcpOursAcked = false;
    send(IPCP, new ControlPacket(ControlPacket.CONFIGURE_REQUEST, ipcpId, ConfigOption.encode(ipcpOurs)));
    restart(Phase.NETWORK, this::sendIpcpRequest);
  }

  /** The restart timer (section 4.6): resend while still in {@code in}, give up after Max-Configure. */
  private void restart(Phase in, Runnable again) {
    int gen = ++timerGeneration;
    clock.schedule(RESTART_MILLIS, () -> {
      if (gen != timerGeneration || phase != in) {
        return;
      }
      if (++tries >= MAX_CONFIGURE) {
        down(in == Phase.NETWORK ? Failure.NO_ADDRESS : Failure.PPP_TIMEOUT, "no answer to " + (in == Phase.NETWORK ? "IPCP" : "LCP")
            + " Configure-Request after " + tries + " tries");
      } else {
        again.run();
      }
    });
  }

  /** RFC 1570 section 2.3: Identification, the magic number then a message. */
  private void identification(String message) {
    byte[] m = message.getBytes(StandardCharsets.US_ASCII);
    byte[] d = new byte[4 + m.length];
    d[0] = (byte) (magic >>> 24);
    d[1] = (byte) (magic >>> 16);
    d[2] = (byte) (magic >>> 8);
    d[3] = (byte) magic;
    System.arraycopy(m, 0, d, 4, m.length);
    send(LCP, new ControlPacket(IDENTIFICATION, ++id & 0xFF, d));
  }

  private void send(int protocol, ControlPacket p) {
    io.netty.buffer.ByteBuf b = io.netty.buffer.Unpooled.buffer(8 + p.data().length);
    b.writeByte(0xFF);
    b.writeByte(0x03);
    p.write(protocol, b);
    byte[] f = new byte[b.readableBytes()];
    b.readBytes(f);
    events.send(f);
  }

  private void down(Failure f, String reason) {
    if (phase == Phase.DEAD) {
      return;
    }
    phase = Phase.DEAD;
    timerGeneration++;
    events.down(f, reason);
  }

  private static byte[] md5(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
