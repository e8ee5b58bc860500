package io.jlns.loadgen;

import io.jlns.crypto.HashAlgorithm;
import io.jlns.ike.Keys;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import java.util.Arrays;
import java.util.List;

/**
 * The keys of an established ISAKMP SA, initiator side (RFC 2409 section 5 and appendix B), and
 * the encryption of its messages: phase 1 chains its IV across messages, each later exchange
 * starts from hash(last phase 1 block | M-ID).
 */
final class IkeKeys {
  final Suites.Ike suite;
  final long icookie;
  final long rcookie;
  final byte[] skeyid;
  final byte[] skeyidD;
  final byte[] skeyidA;
  private final byte[] encKey;
  /** Phase 1's running IV; once phase 1 is over, its last cipher block. */
  private byte[] iv;

  IkeKeys(Suites.Ike suite, long icookie, long rcookie, byte[] psk, byte[] ni, byte[] nr, byte[] gxy, byte[] gxi, byte[] gxr) {
    this.suite = suite;
    this.icookie = icookie;
    this.rcookie = rcookie;
    HashAlgorithm prf = suite.hash();
    skeyid = Keys.skeyidPsk(prf, psk, ni, nr);
    byte[][] d = Keys.derive(prf, skeyid, gxy, Keys.int64(icookie), Keys.int64(rcookie));
    skeyidD = d[0];
    skeyidA = d[1];
    encKey = Keys.encryptionKey(prf, d[2], suite.keyLength());
    iv = Keys.phase1Iv(prf, gxi, gxr, suite.cipher().blockSize());
  }

  HashAlgorithm hash() {
    return suite.hash();
  }

  byte[] cookies() {
    byte[] b = Arrays.copyOf(Keys.int64(icookie), 16);
    System.arraycopy(Keys.int64(rcookie), 0, b, 8, 8);
    return b;
  }

  /** An exchange's IV holder: phase 1's own chain, or a fresh one for {@code messageId}. */
  byte[][] ivFor(int messageId) {
    return messageId == 0 ? null : new byte[][] {Keys.exchangeIv(suite.hash(), iv, messageId, suite.cipher().blockSize())};
  }

  /** Encrypts {@code payloads} (RFC 2408 section 3.1: the body padded to the block size); null holder = phase 1. */
  byte[] encrypt(int exchange, int messageId, List<Payload> payloads, byte[][] holder) {
    byte[] plain = IsakmpCodec.encodePayloads(payloads);
    int bs = suite.cipher().blockSize();
    byte[] padded = Arrays.copyOf(plain, (plain.length + bs - 1) / bs * bs);
    byte[] c = suite.cipher().encrypt(encKey, holder == null ? iv : holder[0], padded);
    byte[] last = Arrays.copyOfRange(c, c.length - bs, c.length);
    if (holder == null) {
      iv = last;
    } else {
      holder[0] = last;
    }
    return IsakmpCodec.withHeader(icookie, rcookie, payloads.get(0).type(), exchange, Header.FLAG_ENCRYPTION, messageId, c);
  }

  /** Decrypts a message; null when it is not a whole number of blocks or its payloads do not parse. */
  Payloads decrypt(byte[] m, Header h, byte[][] holder) {
    int bs = suite.cipher().blockSize();
    int len = Math.min(m.length, h.length()) - Header.SIZE;
    if (len <= 0 || len % bs != 0) {
      return null;
    }
    byte[] body = Arrays.copyOfRange(m, Header.SIZE, Header.SIZE + len);
    byte[] plain = suite.cipher().decrypt(encKey, holder == null ? iv : holder[0], body);
    byte[] last = Arrays.copyOfRange(body, len - bs, len);
    Decoding<Payloads> d = IsakmpCodec.decodePayloads(h.nextPayload(), plain, 0, plain.length);
    if (!d.ok()) {
      return null;
    }
    if (holder == null) {
      iv = last;
    } else {
      holder[0] = last;
    }
    return d.value();
  }

  /** HASH(1) of an informational or Quick Mode message: prf(SKEYID_a, M-ID | payloads). */
  byte[] hash1(int messageId, byte[] payloads) {
    return suite.hash().prf(skeyidA, Keys.int32(messageId), payloads);
  }
}
