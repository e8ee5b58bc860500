package io.jlns.ike;

import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One IKEv1 (ISAKMP) SA: Main Mode state, keys and the IVs of its exchanges. Most are the clients'
 * (we respond); {@link #initiator} marks one jlns started itself ({@link MainModeInitiator}) to
 * replace an SA near its lifetime. The fields keep RFC 2409's roles (icookie, g^xi, Ni are the
 * initiator's) whichever side we are.
 */
final class IkeSa {
  /** Phase 1 states as responder (RFC 2409 section 5: Main Mode messages 2, 4 and 6, Aggressive Mode message 2, are ours). */
  enum State {
    MM_SA_SENT,
    /** Message 3 taken; its Diffie-Hellman is being computed off the loop. */
    MM_KE_COMPUTING,
    MM_KE_SENT,
    AM_SENT,
    /** As initiator: message 1 sent, awaiting message 2. */
    MM_I_SA_SENT,
    /** As initiator: message 3 sent (or our public value being computed), awaiting message 4. */
    MM_I_KE_SENT,
    /** As initiator: message 5 sent (or its keys being derived), awaiting message 6. */
    MM_I_AUTH_SENT,
    ESTABLISHED,
    DELETED
  }

  final long icookie;
  /** The responder's cookie: ours, or (when we initiated) the peer's, learnt from message 2. */
  long rcookie;
  /** True when jlns started this phase 1 (our cookie is then the initiator's). */
  final boolean initiator;
  final int connId;
  final long createdMillis;
  State state = State.MM_SA_SENT;
  InetSocketAddress peer;
  InetSocketAddress local;
  /** The endpoint {@link PeerIndex} filed this SA under once established. */
  InetSocketAddress indexedPeer;
  /** True once the exchange moved to UDP 4500 (RFC 3947 section 4). */
  boolean floated;
  boolean peerBehindNat;
  boolean selfBehindNat;
  /** The NAT-D/NAT-OA payload numbers the peer's vendor ids chose: 20/21, or 130/131 for the drafts. */
  int natDType;
  int natOaType;
  boolean natTSupported;
  /** Aggressive Mode: its key may be the client's hostname key; jlns's own Main Mode then uses it too. */
  boolean keyByName;
  boolean dpdSupported;
  Phase1Suite suite;
  byte[] saBody;
  /** Aggressive Mode: the body of the initiator's ID payload, for HASH_I. */
  byte[] idiBody;
  byte[] gxi;
  byte[] gxr;
  byte[] ni;
  byte[] nr;
  byte[] skeyid;
  byte[] skeyidD;
  byte[] skeyidA;
  byte[] encKey;
  /** The CBC IV of Main Mode; after message 6, the last block of phase 1 (RFC 2409 appendix B). */
  byte[] iv;
  String peerIdentity = "";
  /** The key of the half-open table while in negotiation; the address admission counted it for. */
  IkeResponder.HalfOpenKey halfOpenKey;
  java.net.InetAddress admittedFrom;
  long establishedMillis;
  long expiresMillis;
  /** Last inbound message digest and our reply to it, to answer a retransmission (RFC 2408 section 5.1). */
  byte[] lastRequest;
  byte[] lastReply;
  final Map<Integer, Exchange> exchanges = new HashMap<>();
  long lastHeardMillis;
  int dpdSequence;
  int dpdOutstanding;
  /** When the last R-U-THERE went out (scheduler millis; 0: none yet). */
  long dpdSentMillis;
  int timerGeneration;

  /** A phase 2 or informational exchange by message id, with its CBC IV chain. */
  static final class Exchange {
    byte[] iv;
    byte[] lastRequest;
    byte[] lastReply;
    QuickMode quickMode;
    /** A Quick Mode jlns started (its own rekey), awaiting QM2. */
    Rekey.Started rekey;
  }

  IkeSa(long icookie, long rcookie, int connId, InetSocketAddress peer, InetSocketAddress local, long now) {
    this(icookie, rcookie, false, connId, peer, local, now);
  }

  IkeSa(long icookie, long rcookie, boolean initiator, int connId, InetSocketAddress peer, InetSocketAddress local, long now) {
    this.icookie = icookie;
    this.rcookie = rcookie;
    this.initiator = initiator;
    this.connId = connId;
    this.peer = peer;
    this.local = local;
    this.createdMillis = now;
    this.lastHeardMillis = now;
  }

  /** Our own cookie: the key of this SA in its responder's table and in {@link IkeShared}. */
  long ourCookie() {
    return initiator ? icookie : rcookie;
  }

  boolean natT() {
    return peerBehindNat || selfBehindNat;
  }

  int blockSize() {
    return suite.cipher().blockSize();
  }

  /** The exchange for a message id, created with its IV from phase 1's last block. */
  Exchange exchange(int messageId) {
    return exchanges.computeIfAbsent(messageId, id -> {
      Exchange e = new Exchange();
      e.iv = Keys.exchangeIv(suite.hash(), iv, id, blockSize());
      return e;
    });
  }

  /**
   * Decrypts a message body with {@code ivHolder[0]} and advances that IV to the body's last
   * ciphertext block; garbage (a wrong key) shows up as a payload decoding failure.
   */
  Decoding<Payloads> decrypt(int firstPayload, byte[] datagram, byte[][] ivHolder) {
    int len = datagram.length - io.jlns.ike.message.Header.SIZE;
    if (len <= 0 || len % blockSize() != 0) {
      return Decoding.fail("encrypted body of " + len + " bytes is not a multiple of the cipher block");
    }
    byte[] body = Arrays.copyOfRange(datagram, io.jlns.ike.message.Header.SIZE, datagram.length);
    byte[] plain = suite.cipher().decrypt(encKey, ivHolder[0], body);
    ivHolder[0] = Arrays.copyOfRange(body, body.length - blockSize(), body.length);
    return IsakmpCodec.decodePayloads(firstPayload, plain, 0, plain.length);
  }

  /** Encrypts payloads (zero padding to the block, RFC 2409 section 5.3) under an IV, advancing it. */
  byte[] encrypt(int exchangeType, int messageId, List<Payload> payloads, byte[][] ivHolder) {
    return encrypt(exchangeType, messageId, payloads, ivHolder, false);
  }

  /** As above, with the commit bit (RFC 2408 section 3.1) set when {@code commit}. */
  byte[] encrypt(int exchangeType, int messageId, List<Payload> payloads, byte[][] ivHolder, boolean commit) {
    byte[] plain = IsakmpCodec.encodePayloads(payloads);
    int padded = (plain.length + blockSize() - 1) / blockSize() * blockSize();
    byte[] cipher = suite.cipher().encrypt(encKey, ivHolder[0], Arrays.copyOf(plain, padded));
    ivHolder[0] = Arrays.copyOfRange(cipher, cipher.length - blockSize(), cipher.length);
    return IsakmpCodec.withHeader(icookie, rcookie, payloads.get(0).type(), exchangeType,
        io.jlns.ike.message.Header.FLAG_ENCRYPTION | (commit ? io.jlns.ike.message.Header.FLAG_COMMIT : 0), messageId, cipher);
  }

  /** What Main Mode derives once both public values and nonces are known (RFC 2409 section 5, appendix B). */
  record Phase1Keys(byte[] skeyid, byte[] skeyidD, byte[] skeyidA, byte[] encKey, byte[] iv) {}

  /**
   * SKEYID for pre-shared keys and its three derivations (RFC 2409 section 5), the encryption key
   * and the first phase 1 IV (appendix B). Touches no SA: it may run off the loop.
   */
  static Phase1Keys phase1Keys(Phase1Suite suite, byte[] psk, byte[] ni, byte[] nr, byte[] gxy, long icookie, long rcookie,
      byte[] gxi, byte[] gxr) {
    io.jlns.crypto.HashAlgorithm prf = suite.hash();
    byte[] skeyid = Keys.skeyidPsk(prf, psk, ni, nr);
    byte[][] d = Keys.derive(prf, skeyid, gxy, Keys.int64(icookie), Keys.int64(rcookie));
    return new Phase1Keys(skeyid, d[0], d[1], Keys.encryptionKey(prf, d[2], suite.keyLength()),
        Keys.phase1Iv(prf, gxi, gxr, suite.cipher().blockSize()));
  }

  void keys(Phase1Keys k) {
    skeyid = k.skeyid();
    skeyidD = k.skeyidD();
    skeyidA = k.skeyidA();
    encKey = k.encKey();
    iv = k.iv();
  }

  /** As {@link #phase1Keys}, into this SA (its nonces and public values already set). */
  void deriveKeys(byte[] psk, byte[] gxy) {
    keys(phase1Keys(suite, psk, ni, nr, gxy, icookie, rcookie, gxi, gxr));
  }

  /** HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b) (RFC 2409 section 5). */
  byte[] hashI(byte[] idiBody) {
    return suite.hash().prf(skeyid, gxi, gxr, icky(), rcky(), saBody, idiBody);
  }

  /** HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b) (RFC 2409 section 5). */
  byte[] hashR(byte[] idirBody) {
    return suite.hash().prf(skeyid, gxr, gxi, rcky(), icky(), saBody, idirBody);
  }

  /** Our phase 1 identity: the address the peer reached, UDP 500 (RFC 2407 section 4.6.2). */
  io.jlns.ike.message.Payload.Identification ourIdentity() {
    return new io.jlns.ike.message.Payload.Identification(io.jlns.ike.message.Payload.Identification.IPV4_ADDR, 17, 500,
        local.getAddress().getAddress());
  }

  byte[] icky() {
    return Keys.int64(icookie);
  }

  byte[] rcky() {
    return Keys.int64(rcookie);
  }

  /**
   * Phase 1 is done: what only its hashes needed (both public values, the nonces, SKEYID, the SA
   * and ID bodies) goes, about a kilobyte per client with 100,000 of them; SKEYID_d, SKEYID_a,
   * the key and the IV stay for Quick Mode and informational exchanges.
   */
  void forgetPhase1() {
    gxi = null;
    gxr = null;
    ni = null;
    nr = null;
    skeyid = null;
    saBody = null;
    idiBody = null;
  }

  /** The state as IOS names it in {@code show crypto isakmp sa}. */
  String iosState() {
    return switch (state) {
      case MM_SA_SENT, MM_I_SA_SENT -> "MM_SA_SETUP";
      case MM_KE_COMPUTING, MM_KE_SENT, MM_I_KE_SENT, MM_I_AUTH_SENT -> "MM_KEY_EXCH";
      case AM_SENT -> "AG_INIT_EXCH";
      case ESTABLISHED -> "QM_IDLE";
      case DELETED -> "MM_NO_STATE";
    };
  }

  String describe() {
    return peer.getAddress().getHostAddress() + ":" + peer.getPort();
  }
}
