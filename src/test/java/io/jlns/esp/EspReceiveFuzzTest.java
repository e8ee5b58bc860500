package io.jlns.esp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the ESP receive path on a live SA (RFC 4303, RFC 3948): the fuzzer
 * sends raw packets under the SA's SPI, packets sealed with the SA's real keys around payloads,
 * next headers and sequence numbers of its choosing (so decryption, padding, the anti-replay
 * window and the inner IPv4/UDP/L2TP checks are reached), and sealed packets it then damages.
 * Invariants: nothing throws; nothing forged or damaged opens; a sealed packet opens to exactly
 * what was sealed unless the replay window (checked against a plain model of RFC 4303 section
 * 3.4.3) refuses it; where the inner datagram is found lies within the payload; and the SA still
 * opens a fresh packet at the end.
 */
class EspReceiveFuzzTest {
  private static final int SPI = 0x1000;
  private static final int WINDOW = 64;
  private static final EspCipher[] CIPHERS = {EspCipher.AES_CBC, EspCipher.TRIPLE_DES_CBC, EspCipher.AES_GCM_16, EspCipher.DES_CBC};
  private static final byte[] CLIENT = {10, 0, 0, 10};
  private static final byte[] LNS = {(byte) 198, 51, 100, 1};

  private record Sealed(byte[] payload, int next, byte[] packet) {}

  @FuzzTest
  void anyPacketOnALiveSaIsOpenedOnlyIfSealedAndNeverTwice(FuzzedDataProvider data) {
    EspCipher cipher = data.pickValue(CIPHERS);
    EspIntegrity integrity = cipher == EspCipher.AES_GCM_16 ? EspIntegrity.NONE
        : data.pickValue(new EspIntegrity[] {EspIntegrity.HMAC_SHA1_96, EspIntegrity.HMAC_MD5_96, EspIntegrity.HMAC_SHA256_128});
    int bits = cipher == EspCipher.AES_CBC || cipher == EspCipher.AES_GCM_16 ? 128 : 0;
    byte[] enc = new byte[cipher.keymatLength(bits)];
    Arrays.fill(enc, (byte) 7);
    byte[] auth = new byte[integrity.keyLength()];
    Arrays.fill(auth, (byte) 9);
    byte[] seed = new byte[16];
    EspCrypto client = new EspCrypto(cipher, integrity, enc, auth, seed);
    EspSa sa = new EspSa(SPI, 1, new EspCrypto(cipher, integrity, enc, auth, seed), new EspCrypto(cipher, integrity, enc, auth, seed),
        WINDOW, 0, new InetSocketAddress("198.51.100.2", 4500), null);
    int ivLen = client.ivLength();
    Set<Long> accepted = new HashSet<>();
    Map<Long, Sealed> sealed = new HashMap<>();
    long highest = 0;
    int[] result = new int[2];
    int[] where = new int[2];
    int packets = data.consumeInt(1, 10);
    for (int i = 0; i < packets; i++) {
      int kind = data.consumeInt(0, 2);
      if (kind == 0) {
        byte[] raw = data.consumeBytes(data.consumeInt(0, 1600));
        if (raw.length >= 4) {
          raw[0] = 0;
          raw[1] = 0;
          raw[2] = 0x10;
          raw[3] = 0;
        }
        assertThat(sa.open(raw, 0, raw.length, result, 0)).isNotEqualTo(EspCrypto.Result.OK);
        continue;
      }
      long seq = data.consumeBoolean() ? Math.min(highest + 1, 0xFFFFFFFFL) : data.consumeLong(0, 0xFFFFFFFFL);
      int next = data.consumeBoolean() ? data.pickValue(new int[] {InnerUdp.PROTOCOL, InnerIpv4.PROTOCOL}) : data.consumeInt(0, 255);
      byte[] payload = data.consumeBytes(data.consumeInt(0, 1500));
      byte[] b;
      int len;
      Sealed earlier = sealed.get(seq);
      if (earlier != null) {
        // The same sequence number again is a replay of that packet: a sender never seals twice
        // under one GCM nonce (JCA refuses to), so what goes out again is the packet itself.
        payload = earlier.payload;
        next = earlier.next;
        b = Arrays.copyOf(earlier.packet, earlier.packet.length + 64);
        len = earlier.packet.length;
      } else {
        b = new byte[payload.length + 8 + ivLen + 64];
        System.arraycopy(payload, 0, b, 8 + ivLen, payload.length);
        len = client.seal(SPI, (int) seq, next, b, 0, payload.length);
        if (sealed.size() < 64) {
          sealed.put(seq, new Sealed(payload, next, Arrays.copyOf(b, len)));
        }
      }
      if (kind == 2) {
        // Damaged on the way: a flipped bit or a cut, anywhere.
        if (data.consumeBoolean()) {
          int at = data.consumeInt(0, len - 1);
          b[at] ^= (byte) (1 << data.consumeInt(0, 7));
        } else {
          len = data.consumeInt(0, len - 1);
        }
        assertThat(sa.open(b, 0, len, result, 0)).isNotEqualTo(EspCrypto.Result.OK);
        continue;
      }
      boolean fresh = seq != 0 && !accepted.contains(seq) && (seq > highest || highest - seq < WINDOW);
      EspCrypto.Result r = sa.open(b, 0, len, result, 0);
      assertThat(r).as("sequence %d after highest %d, accepted %s", seq, highest, accepted).isEqualTo(fresh ? EspCrypto.Result.OK : EspCrypto.Result.REPLAYED);
      if (r != EspCrypto.Result.OK) {
        continue;
      }
      accepted.add(seq);
      highest = Math.max(highest, seq);
      assertThat(result[0]).isEqualTo(payload.length);
      assertThat(result[1]).isEqualTo(next);
      assertThat(Arrays.copyOfRange(b, 8 + ivLen, 8 + ivLen + payload.length)).isEqualTo(payload);
      InnerDatagram.Verdict v = InnerDatagram.locate(b, 8 + ivLen, result[0], result[1], CLIENT, LNS, data.consumeBoolean(), where);
      if (v == InnerDatagram.Verdict.OK || v == InnerDatagram.Verdict.NOT_L2TP) {
        assertThat(where[0]).isBetween(8 + ivLen, 8 + ivLen + payload.length - InnerUdp.HEADER);
        assertThat(where[0] + where[1]).isLessThanOrEqualTo(8 + ivLen + payload.length);
      }
    }
    if (highest < 0xFFFFFFFFL && !sealed.containsKey(highest + 1)) {
      byte[] b = new byte[8 + ivLen + 64 + 20];
      int len = client.seal(SPI, (int) (highest + 1), InnerUdp.PROTOCOL, b, 0, 20);
      assertThat(sa.open(b, 0, len, result, 0)).isEqualTo(EspCrypto.Result.OK);
    }
  }
}
