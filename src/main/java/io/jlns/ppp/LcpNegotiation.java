package io.jlns.ppp;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** LCP's options (RFC 1661 section 6, RFC 1994, RFC 2433, RFC 2759) for the automaton. */
final class LcpNegotiation implements Negotiation {
  static final int MRU = 1;
  static final int ACCM = 2;
  static final int AUTH_PROTOCOL = 3;
  static final int MAGIC = 5;
  static final int PFC = 7;
  static final int ACFC = 8;

  /** Authentication protocols as LCP names them: protocol number and CHAP algorithm. */
  enum Auth {
    PAP("pap", 0xc023, -1), CHAP("chap", 0xc223, 5), MSCHAP("ms-chap", 0xc223, 0x80), MSCHAP_V2("ms-chap-v2", 0xc223, 0x81);

    final String keyword;
    final int protocol;
    final int algorithm;

    Auth(String keyword, int protocol, int algorithm) {
      this.keyword = keyword;
      this.protocol = protocol;
      this.algorithm = algorithm;
    }

    static Auth of(String keyword) {
      for (Auth a : values()) {
        if (a.keyword.equals(keyword)) {
          return a;
        }
      }
      throw new IllegalArgumentException(keyword);
    }

    static Auth of(ConfigOption o) {
      int proto = o.u16();
      int alg = o.data().length > 2 ? o.data()[2] & 0xff : -1;
      for (Auth a : values()) {
        if (a.protocol == proto && (a.algorithm == alg || proto == 0xc023)) {
          return a;
        }
      }
      return null;
    }

    ConfigOption option() {
      return algorithm < 0 ? ConfigOption.u16(AUTH_PROTOCOL, protocol)
          : new ConfigOption(AUTH_PROTOCOL, new byte[] {(byte) (protocol >> 8), (byte) protocol, (byte) algorithm});
    }
  }

  interface Events {
    void lcpUp(Auth auth, int peerMru);

    void lcpDown();

    void lcpFinished(String reason);

    void note(String message);
  }

  private final List<Auth> allowed;
  private final RandomGenerator random;
  private final Events events;
  private int mru;
  private boolean askMru = true;
  private int magic;
  private boolean askMagic = true;
  private Auth auth;
  private int peerMru = 1500;
  int peerMagic;

  LcpNegotiation(List<String> authentication, int mru, RandomGenerator random, Events events) {
    this.allowed = authentication.stream().map(Auth::of).toList();
    this.auth = allowed.isEmpty() ? null : allowed.get(0);
    this.mru = mru;
    this.random = random;
    this.events = events;
    this.magic = newMagic();
  }

  private int newMagic() {
    int m;
    do {
      m = random.nextInt();
    } while (m == 0);
    return m;
  }

  int magic() {
    return magic;
  }

  @Override
  public int protocol() {
    return 0xc021;
  }

  @Override
  public String name() {
    return "LCP";
  }

  @Override
  public List<ConfigOption> request() {
    List<ConfigOption> out = new ArrayList<>();
    if (askMru) {
      out.add(ConfigOption.u16(MRU, mru));
    }
    if (auth != null) {
      out.add(auth.option());
    }
    if (askMagic) {
      out.add(ConfigOption.u32(MAGIC, magic));
    }
    return out;
  }

  @Override
  public Verdict judge(List<ConfigOption> req) {
    List<ConfigOption> nak = new ArrayList<>();
    List<ConfigOption> rej = new ArrayList<>();
    for (ConfigOption o : req) {
      switch (o.type()) {
        case MRU -> {
          if (o.data().length != 2) {
            rej.add(o);
          } else if (o.u16() < 128) {
            nak.add(ConfigOption.u16(MRU, 1500));
          }
        }
        case ACCM, PFC, ACFC -> { }
        case MAGIC -> {
          // Section 6.4: zero is illegal, and our own number means a looped-back link.
          if (o.data().length != 4) {
            rej.add(o);
          } else if (o.u32() == 0 || o.u32() == magic) {
            nak.add(ConfigOption.u32(MAGIC, newMagic()));
          }
        }
        default -> rej.add(o); // Auth-Protocol (we do not authenticate to clients), Callback (13), MRRU...
      }
    }
    return Verdict.of(req, nak, rej);
  }

  @Override
  public void onNak(List<ConfigOption> suggestions) throws NegotiationFailed {
    for (ConfigOption o : suggestions) {
      switch (o.type()) {
        case MRU -> mru = Math.max(576, Math.min(1500, o.u16()));
        case MAGIC -> magic = newMagic();
        case AUTH_PROTOCOL -> auth = nextAuth(Auth.of(o));
        default -> { }
      }
    }
  }

  /**
   * The client prefers another protocol: take it if configured, otherwise the next configured one.
   * Windows has offered no MS-CHAPv1 since Vista, so 'ms-chap' (the seed's) also admits MS-CHAPv2
   * when the client asks for it.
   */
  private Auth nextAuth(Auth suggested) throws NegotiationFailed {
    if (suggested != null && allowed.contains(suggested)) {
      return suggested;
    }
    if (suggested == Auth.MSCHAP_V2 && allowed.contains(Auth.MSCHAP)) {
      events.note("the client asks for MS-CHAPv2; accepted under 'ppp authentication ms-chap'");
      return suggested;
    }
    int i = allowed.indexOf(auth);
    if (i + 1 < allowed.size()) {
      return allowed.get(i + 1);
    }
    throw new NegotiationFailed("the client accepts none of the configured authentication protocols ("
        + String.join(" ", allowed.stream().map(a -> a.keyword).toList()) + ")");
  }

  @Override
  public void onReject(List<ConfigOption> rejected) throws NegotiationFailed {
    for (ConfigOption o : rejected) {
      switch (o.type()) {
        case MRU -> askMru = false;
        case MAGIC -> askMagic = false;
        case AUTH_PROTOCOL -> throw new NegotiationFailed("the client refuses to authenticate");
        default -> { }
      }
    }
  }

  @Override
  public void up(List<ConfigOption> ours, List<ConfigOption> peers) {
    peerMru = 1500;
    for (ConfigOption o : peers) {
      if (o.type() == MRU) {
        peerMru = o.u16();
      }
      if (o.type() == MAGIC) {
        peerMagic = o.u32();
      }
    }
    events.lcpUp(auth, peerMru);
  }

  @Override
  public void down() {
    events.lcpDown();
  }

  @Override
  public void finished(String reason) {
    events.lcpFinished(reason);
  }
}
