package io.jlns.loadgen;

import io.jlns.ppp.ConfigOption;
import io.jlns.ppp.ControlPacket;
import io.jlns.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
  private final PeerCredentials credentials;
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
  private int ipv6cpId = -1;
  private int tries;
  /** We Nak'd the LNS's authentication protocol for ours: a Terminate now means it does not allow ours. */
  private boolean authNakked;
  private int timerGeneration;

  PppPeer(Events events, Scheduler clock, RandomGenerator random, Profile profile, Auth auth, String user, String password) {
    this.events = events;
    this.clock = clock;
    this.random = random;
    this.profile = profile;
    this.credentials = new PeerCredentials(auth, user, password, random);
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
    int h = PppFrames.header(b, off, len);
    if (h < 0) {
      return;
    }
    int protocol = h >>> 8;
    int start = off + (h & 0xFF);
    int end = off + len;
    if (protocol == IPV4) {
      if (phase == Phase.OPEN) {
        events.ip(b, start, end - start);
      }
      return;
    }
    ControlPacket p = ControlPacket.parse(io.netty.buffer.Unpooled.wrappedBuffer(b, start, end - start));
    if (p == null) {
      return;
    }
    switch (protocol) {
      case LCP -> onLcp(p);
      case CHAP -> onChap(p);
      case PAP -> onPap(p);
      case IPCP -> onIpcp(p);
      case IPV6CP -> onIpv6cp(p);
      default -> {
        // RFC 1661 section 5.7: a protocol we do not speak (CCP, ...) is Protocol-Rejected.
        if (phase == Phase.NETWORK || phase == Phase.OPEN) {
          send(LCP, new ControlPacket(ControlPacket.PROTOCOL_REJECT, ++id & 0xFF, PppFrames.rejected(protocol, p)));
        }
      }
    }
  }

  /** An IPv4 packet to the LNS. */
  void sendIp(byte[] packet, int off, int len) {
    events.send(PppFrames.frame(IPV4, packet, off, len));
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
              if (!credentials.matches(o)) {
                nak.add(credentials.option());
                authNakked = true;
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
        // Of LCP's values only the MRU is taken from a Nak; other Nak'd options are dropped.
        revise(lcpOurs, p.code(), opts, type -> type == 1);
        sendLcpRequest();
      }
      case ControlPacket.ECHO_REQUEST -> {
        // Section 5.8: the reply carries our magic number in place of the requester's.
        byte[] d = p.data().length >= 4 ? PppFrames.magicAnd(magic, "") : new byte[0];
        if (d.length > 0) {
          d = Arrays.copyOf(d, p.data().length);
          System.arraycopy(p.data(), 4, d, 4, p.data().length - 4);
        }
        send(LCP, new ControlPacket(ControlPacket.ECHO_REPLY, p.id(), d));
      }
      case ControlPacket.TERMINATE_REQUEST -> {
        send(LCP, new ControlPacket(ControlPacket.TERMINATE_ACK, p.id(), new byte[0]));
        boolean authRefused = phase == Phase.AUTHENTICATE || phase == Phase.ESTABLISH && authNakked;
        down(authRefused ? Failure.AUTH_FAILED : phase == Phase.OPEN ? Failure.DROPPED : Failure.PPP_REFUSED,
            "LCP Terminate-Request from the LNS in phase " + phase
            + (phase == Phase.ESTABLISH && authNakked ? " after we asked for " + credentials.auth() + " (not allowed by the LNS?)" : ""));
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
    if (credentials.auth() == Auth.PAP) {
      sendPap();
    }
  }

  private void onChap(ControlPacket p) {
    if (phase != Phase.AUTHENTICATE && phase != Phase.NETWORK) {
      return;
    }
    byte[] d = p.data();
    switch (p.code()) {
      case 1 -> {
        if (d.length >= 1 && d.length >= 1 + (d[0] & 0xFF)) {
          send(CHAP, new ControlPacket(2, p.id(), credentials.chapResponse(p.id(), Arrays.copyOfRange(d, 1, 1 + (d[0] & 0xFF)))));
        }
      }
      case 3 -> {
        if (credentials.successValid(d)) {
          authenticated();
        } else {
          down(Failure.AUTH_FAILED, "MS-CHAPv2 Success without the right authenticator response (RFC 2759 section 5)");
        }
      }
      case 4 -> down(Failure.AUTH_FAILED, "CHAP Failure: " + new String(d, StandardCharsets.US_ASCII).trim());
      default -> { }
    }
  }

  private void sendPap() {
    tries = 0;
    sendPapAgain(++id & 0xFF, credentials.papRequest());
  }

  private void sendPapAgain(int papId, byte[] request) {
    send(PAP, new ControlPacket(1, papId, request));
    int gen = ++timerGeneration;
    clock.schedule(RESTART_MILLIS, () -> {
      if (gen == timerGeneration && phase == Phase.AUTHENTICATE) {
        if (++tries >= MAX_CONFIGURE) {
          down(Failure.PPP_TIMEOUT, "PAP Authenticate-Request unanswered");
        } else {
          sendPapAgain(papId, request);
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
      ipv6cpId = ++id & 0xFF;
      send(IPV6CP, new ControlPacket(ControlPacket.CONFIGURE_REQUEST, ipv6cpId, ConfigOption.encode(List.of(
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
        if (p.code() == ControlPacket.CONFIGURE_REJECT && opts.stream().anyMatch(o -> o.type() == 3)) {
          down(Failure.NO_ADDRESS, "IPCP rejected our IP-Address option");
          return;
        }
        // A Nak'd IP-Address is the address the LNS gives us (RFC 1332 section 3.3), DNS/NBNS likewise (RFC 1877).
        revise(ipcpOurs, p.code(), opts, type -> true);
        sendIpcpRequest();
      }
      case ControlPacket.TERMINATE_REQUEST -> {
        send(IPCP, new ControlPacket(ControlPacket.TERMINATE_ACK, p.id(), new byte[0]));
        down(phase == Phase.OPEN ? Failure.DROPPED : Failure.NO_ADDRESS, "IPCP Terminate-Request from the LNS");
      }
      default -> { }
    }
  }

  /**
   * IPV6CP (RFC 5072) as far as Windows takes it beside IPCP: the server's request acknowledged,
   * a Nak'd interface identifier taken. Nothing waits on it: IPv4 is what the fleet uses.
   */
  private void onIpv6cp(ControlPacket p) {
    if (!profile.ipv6cp() || phase != Phase.NETWORK && phase != Phase.OPEN) {
      return;
    }
    if (p.code() == ControlPacket.CONFIGURE_REQUEST) {
      send(IPV6CP, new ControlPacket(ControlPacket.CONFIGURE_ACK, p.id(), p.data()));
    } else if (p.code() == ControlPacket.CONFIGURE_NAK && p.id() == ipv6cpId) {
      ipv6cpId = ++id & 0xFF;
      send(IPV6CP, new ControlPacket(ControlPacket.CONFIGURE_REQUEST, ipv6cpId, p.data()));
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

  /**
   * Our options after a Configure-Nak (each Nak'd option replaced by the value offered where
   * {@code adopt} takes it, else dropped) or a Configure-Reject (each dropped): RFC 1661 sections 5.3, 5.4.
   */
  private static void revise(List<ConfigOption> ours, int code, List<ConfigOption> answer, java.util.function.IntPredicate adopt) {
    for (ConfigOption o : answer) {
      ours.removeIf(x -> x.type() == o.type());
      if (code == ControlPacket.CONFIGURE_NAK && adopt.test(o.type())) {
        ours.add(o);
      }
    }
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
    send(LCP, new ControlPacket(IDENTIFICATION, ++id & 0xFF, PppFrames.magicAnd(magic, message)));
  }

  private void send(int protocol, ControlPacket p) {
    events.send(PppFrames.frame(protocol, p));
  }

  private void down(Failure f, String reason) {
    if (phase == Phase.DEAD) {
      return;
    }
    phase = Phase.DEAD;
    timerGeneration++;
    events.down(f, reason);
  }
}
