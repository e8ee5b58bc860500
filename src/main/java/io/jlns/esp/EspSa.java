package io.jlns.esp;

import java.net.InetSocketAddress;

/**
 * One ESP SA pair with a peer: the inbound SA (our SPI, anti-replay, decryption) and the
 * outbound SA (the peer's SPI, sequence numbers, encryption), with the counters {@code show
 * crypto ipsec sa} prints. Used by one event loop only, so nothing here is synchronised for
 * writing; the CLI reads the counters as they are.
 */
public final class EspSa {
  public final int inboundSpi;
  public final int outboundSpi;
  private final EspCrypto in;
  private final EspCrypto out;
  private final ReplayWindow replay;
  private final long byteLimit;
  private volatile InetSocketAddress peer;
  private byte[] peerBytes;
  private int outSeq;
  private volatile boolean outboundReady;
  private boolean expiryReported;
  private boolean rekeyReported;
  /** Counters, named as IOS shows them. */
  public volatile long pktsDecaps;
  public volatile long bytesDecaps;
  public volatile long pktsEncaps;
  public volatile long bytesEncaps;
  public volatile long replayFailures;
  public volatile long authFailures;
  public volatile long otherFailures;
  public volatile long lastInboundMillis;
  /** When the layer above last sent through this SA (for NAT keepalives, RFC 3948 section 4). */
  public volatile long lastOutboundMillis;
  public final Object owner;
  /** What the layer above caches per SA to avoid a lookup per packet (the NAT demux client, the L2TP peer). */
  public Object upper;
  public java.net.InetSocketAddress upperPeer;
  public byte[] upperAddress;

  /**
   * @param kilobytes the volume lifetime; past it the SA stops carrying traffic and {@link #expired} says so
   * @param owner what the layer above keeps with this SA (shown by {@code show}, not used here)
   */
  public EspSa(int inboundSpi, int outboundSpi, EspCrypto in, EspCrypto out, int replayWindow, long kilobytes,
      InetSocketAddress peer, Object owner) {
    this.inboundSpi = inboundSpi;
    this.outboundSpi = outboundSpi;
    this.in = in;
    this.out = out;
    this.replay = replayWindow > 0 ? new ReplayWindow(replayWindow) : null;
    this.byteLimit = kilobytes <= 0 ? Long.MAX_VALUE : kilobytes * 1024;
    this.peer = peer;
    this.owner = owner;
  }

  /** The peer address {@link SpiTable} filed this SA under. */
  java.net.InetAddress indexedAt;

  public InetSocketAddress peer() {
    return peer;
  }

  /** The peer's IPv4 address as bytes, computed once (InetAddress.getAddress copies on each call). */
  public byte[] peerAddressBytes() {
    byte[] b = peerBytes;
    if (b == null) {
      b = peer.getAddress().getAddress();
      peerBytes = b;
    }
    return b;
  }

  /** RFC 3948 section 4: a valid packet from a new NAT-T endpoint moves the SA there. */
  public boolean follow(InetSocketAddress from) {
    if (!from.equals(peer)) {
      peer = from;
      peerBytes = null;
      return true;
    }
    return false;
  }

  /** Outbound use starts when the key exchange completed (Quick Mode's third message). */
  public void activate() {
    outboundReady = true;
  }

  public boolean outboundReady() {
    return outboundReady;
  }

  public EspCrypto outbound() {
    return out;
  }

  public int replayWindow() {
    return replay == null ? 0 : replay.size();
  }

  /** True the first time it is asked once the SA is {@link #expired}: the layer above then deletes it, once. */
  public boolean expiryToReport() {
    if (expiryReported || !expired()) {
      return false;
    }
    expiryReported = true;
    return true;
  }

  /**
   * True the first time it is asked once 90% of the volume lifetime is used: the layer above then
   * negotiates the next pair (RFC 2409 section 5.5), before this one runs out.
   */
  public boolean rekeyDue() {
    if (rekeyReported || byteLimit == Long.MAX_VALUE || bytesDecaps + bytesEncaps < byteLimit / 10 * 9) {
      return false;
    }
    rekeyReported = true;
    return true;
  }

  /** True once the volume lifetime is used up or the sequence numbers are (RFC 4303 section 3.3.3). */
  public boolean expired() {
    return bytesDecaps + bytesEncaps >= byteLimit || outSeq == -1;
  }

  public long remainingKilobytes() {
    return Math.max(0, (byteLimit - bytesDecaps - bytesEncaps) / 1024);
  }

  /** Inbound: anti-replay check, ICV, decryption (see {@link EspCrypto#open}). */
  public EspCrypto.Result open(byte[] b, int off, int len, int[] result, long now) {
    if (len < 8) {
      otherFailures++;
      return EspCrypto.Result.TRUNCATED;
    }
    long seq = EspCrypto.getInt(b, off + 4) & 0xFFFFFFFFL;
    if (replay != null && !replay.check(seq)) {
      replayFailures++;
      return EspCrypto.Result.REPLAYED;
    }
    EspCrypto.Result r = in.open(b, off, len, result);
    switch (r) {
      case OK -> {
        if (replay != null) {
          replay.accept(seq);
        }
        pktsDecaps++;
        bytesDecaps += result[0];
        lastInboundMillis = now;
      }
      case AUTH_FAILED -> authFailures++;
      default -> otherFailures++;
    }
    return r;
  }

  /** Outbound: the next sequence number and {@link EspCrypto#seal}; -1 when the SA may carry no more. */
  public int seal(int nextHeader, byte[] b, int off, int n) {
    if (expired()) {
      return -1;
    }
    outSeq++;
    int len = out.seal(outboundSpi, outSeq, nextHeader, b, off, n);
    pktsEncaps++;
    bytesEncaps += n;
    return len;
  }

  public long outboundSequence() {
    return outSeq & 0xFFFFFFFFL;
  }
}
