package io.jlns.esp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ESP packets (RFC 4303) against vectors made independently with Python's {@code cryptography}
 * and {@code hmac} (the script is in the test resources), and sealing/opening round trips.
 */
class EspCryptoTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] PAYLOAD = concat(HEX.parseHex("06a506a500140000"), "L2TP-data-12".getBytes(StandardCharsets.US_ASCII));
  private static final byte[] SEED = new byte[16];

  @Test
  void opensAnAesCbcHmacSha1Packet() {
    EspCrypto c = new EspCrypto(EspCipher.AES_CBC, EspIntegrity.HMAC_SHA1_96, HEX.parseHex("000102030405060708090a0b0c0d0e0f"),
        HEX.parseHex("101112131415161718191a1b1c1d1e1f20212223"), SEED);
    assertOpens(c, "1234567800000001f0e0d0c0b0a0908070605040302010004b189cd5708e9a41a968aaf3ba66c3b5e99933468cdab0aee476060e038ebe2984"
        + "12aa279cd1cbfde0325d27");
  }

  @Test
  void opensA3desHmacMd5Packet() {
    EspCrypto c = new EspCrypto(EspCipher.TRIPLE_DES_CBC, EspIntegrity.HMAC_MD5_96,
        HEX.parseHex("0123456789abcdef23456789abcdef01456789abcdef0123"), HEX.parseHex("00112233445566778899aabbccddeeff"), SEED);
    assertOpens(c, "12345678000000010102030405060708bf2a6e1e3983981c7dc5a6456eeed329486d4769364fcc9e82a8c9a166152d02e7af85fc");
  }

  private static final String GCM_PACKET =
      "123456780000000100000000000000018ae1ac3cf45a7cb94888e53acfe500363effe5a5d0c30127868192fffe07003a3db299f130d8df81";

  @Test
  void opensAnAesGcmPacket() {
    assertOpens(gcm(), GCM_PACKET);
  }

  @Test
  void sealsAnAesGcmPacketByteExact() {
    // RFC 4106: the 8-byte IV is the sequence number, so the packet is deterministic.
    byte[] b = new byte[200];
    System.arraycopy(PAYLOAD, 0, b, 16, PAYLOAD.length);
    int len = gcm().seal(0x12345678, 1, 17, b, 0, PAYLOAD.length);
    assertThat(HEX.formatHex(Arrays.copyOf(b, len))).isEqualTo(GCM_PACKET);
  }

  @Test
  void aFlippedBitFailsTheIntegrityCheck() {
    EspCrypto c = gcm();
    byte[] p = HEX.parseHex(GCM_PACKET);
    p[20] ^= 1;
    assertThat(c.open(p, 0, p.length, new int[2])).isEqualTo(EspCrypto.Result.AUTH_FAILED);
    EspCrypto cbc = new EspCrypto(EspCipher.AES_CBC, EspIntegrity.HMAC_SHA1_96, new byte[16], new byte[20], SEED);
    byte[] q = new byte[8 + 16 + 32 + 12];
    assertThat(cbc.open(q, 0, q.length, new int[2])).isEqualTo(EspCrypto.Result.AUTH_FAILED);
  }

  @Test
  void aTruncatedPacketIsRefusedNotThrown() {
    EspCrypto c = gcm();
    byte[] p = HEX.parseHex(GCM_PACKET);
    for (int len = 0; len < p.length; len++) {
      assertThat(c.open(p.clone(), 0, len, new int[2])).isNotEqualTo(EspCrypto.Result.OK);
    }
  }

  @ParameterizedTest
  @CsvSource({"AES_CBC,128,HMAC_SHA1_96", "AES_CBC,256,HMAC_SHA256_128", "AES_CBC,192,HMAC_SHA384_192",
      "AES_CBC,256,HMAC_SHA512_256", "TRIPLE_DES_CBC,0,HMAC_SHA1_96", "DES_CBC,0,HMAC_MD5_96", "AES_GCM_16,128,NONE",
      "AES_GCM_16,256,NONE"})
  void everyTransformRoundTripsAndRefusesAReplay(EspCipher cipher, int bits, EspIntegrity integrity) {
    byte[] enc = new byte[cipher.keymatLength(bits)];
    Arrays.fill(enc, (byte) 7);
    byte[] auth = new byte[integrity.keyLength()];
    Arrays.fill(auth, (byte) 9);
    InetSocketAddress peer = new InetSocketAddress("198.51.100.2", 4500);
    EspSa sender = new EspSa(1, 0x1000, new EspCrypto(cipher, integrity, enc, auth, SEED), new EspCrypto(cipher, integrity, enc, auth, SEED),
        64, 0, peer, null);
    EspSa receiver = new EspSa(0x1000, 1, new EspCrypto(cipher, integrity, enc, auth, SEED),
        new EspCrypto(cipher, integrity, enc, auth, SEED), 64, 0, peer, null);
    for (int n : new int[] {0, 1, 8, 20, 1400}) {
      byte[] b = new byte[n + 200];
      byte[] payload = new byte[n];
      Arrays.fill(payload, (byte) n);
      int ivLen = sender.outbound().ivLength();
      System.arraycopy(payload, 0, b, 8 + ivLen, n);
      int len = sender.seal(17, b, 0, n);
      assertThat(len).isEqualTo(n + sender.outbound().overhead(n));
      byte[] copy = Arrays.copyOf(b, len);
      int[] r = new int[2];
      assertThat(receiver.open(b, 0, len, r, 0)).isEqualTo(EspCrypto.Result.OK);
      assertThat(r).containsExactly(n, 17);
      assertThat(Arrays.copyOfRange(b, 8 + ivLen, 8 + ivLen + n)).isEqualTo(payload);
      assertThat(receiver.open(copy, 0, len, r, 0)).isEqualTo(EspCrypto.Result.REPLAYED);
    }
    assertThat(receiver.pktsDecaps).isEqualTo(5);
    assertThat(receiver.replayFailures).isEqualTo(5);
  }

  @Test
  void theVolumeLifetimeStopsTheSa() {
    EspCrypto c = gcm();
    EspSa sa = new EspSa(1, 2, c, gcm(), 64, 1, new InetSocketAddress("198.51.100.2", 4500), null);
    byte[] b = new byte[2000];
    assertThat(sa.seal(17, b, 0, 1000)).isPositive();
    assertThat(sa.expiryToReport()).isFalse();
    assertThat(sa.seal(17, b, 0, 1000)).isPositive();
    assertThat(sa.expired()).isTrue();
    assertThat(sa.seal(17, b, 0, 10)).isEqualTo(-1);
    // Reported once, so the layer above deletes the pair once however many packets follow.
    assertThat(sa.expiryToReport()).isTrue();
    assertThat(sa.expiryToReport()).isFalse();
  }

  @Test
  void theLargestPayloadFillsTheRoomToTheByte() {
    // 1500 - IPv4 20 - UDP 8 = 1472 bytes for ESP.
    EspCrypto tdes = new EspCrypto(EspCipher.TRIPLE_DES_CBC, EspIntegrity.HMAC_SHA1_96, new byte[24], new byte[20], SEED);
    assertThat(tdes.largestPayload(1472)).isEqualTo(1438);
    EspCrypto aes = new EspCrypto(EspCipher.AES_CBC, EspIntegrity.HMAC_SHA1_96, new byte[16], new byte[20], SEED);
    assertThat(aes.largestPayload(1472)).isEqualTo(1422);
    assertThat(gcm().largestPayload(1472)).isEqualTo(1438);
    for (EspCrypto c : new EspCrypto[] {tdes, aes, gcm()}) {
      for (int room = 60; room < 1600; room += 7) {
        int n = c.largestPayload(room);
        assertThat(n + c.overhead(n)).isLessThanOrEqualTo(room);
        assertThat(n + 1 + c.overhead(n + 1)).isGreaterThan(room);
      }
    }
  }

  private static EspCrypto gcm() {
    return new EspCrypto(EspCipher.AES_GCM_16, EspIntegrity.NONE, HEX.parseHex("feffe9928665731c6d6a8f9467308308cafebabe"),
        new byte[0], SEED);
  }

  private static void assertOpens(EspCrypto c, String hex) {
    byte[] p = HEX.parseHex(hex);
    int[] r = new int[2];
    assertThat(c.open(p, 0, p.length, r)).isEqualTo(EspCrypto.Result.OK);
    assertThat(r[1]).isEqualTo(17);
    int off = 8 + c.ivLength();
    assertThat(Arrays.copyOfRange(p, off, off + r[0])).isEqualTo(PAYLOAD);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
