package io.jlns.ike;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.crypto.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * RFC 2409 key derivations against values computed independently with Python's hmac and hashlib
 * (src/test/resources/vectors/esp_ike_vectors.py).
 */
class KeysTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final HashAlgorithm SHA1 = HashAlgorithm.SHA1;
  private final byte[] ni = fill(0x11, 16);
  private final byte[] nr = fill(0x22, 32);
  private final byte[] gxy = fill(0x33, 128);
  private final byte[] ci = HEX.parseHex("0102030405060708");
  private final byte[] cr = HEX.parseHex("a1a2a3a4a5a6a7a8");

  @Test
  void skeyidAndItsThreeDerivativesForPresharedKeys() {
    byte[] skeyid = Keys.skeyidPsk(SHA1, "interop-psk".getBytes(StandardCharsets.US_ASCII), ni, nr);
    assertThat(HEX.formatHex(skeyid)).isEqualTo("88c2f5528732c33736b5ec1e210c4f8296d25e37");
    byte[][] d = Keys.derive(SHA1, skeyid, gxy, ci, cr);
    assertThat(HEX.formatHex(d[0])).isEqualTo("72c1283a755766c8016199089e72b0730268b6e7");
    assertThat(HEX.formatHex(d[1])).isEqualTo("e00c99b420dc54c63d298780b90eee5d3b81fb4c");
    assertThat(HEX.formatHex(d[2])).isEqualTo("8b0070f6003ed7442ed3118379963dcfd93cb99e");
  }

  @Test
  void aShortSkeyidEIsExpandedForA3desKey() {
    byte[] e = HEX.parseHex("8b0070f6003ed7442ed3118379963dcfd93cb99e");
    assertThat(HEX.formatHex(Keys.encryptionKey(SHA1, e, 24))).isEqualTo("a2afc8714b5b92c699671da3bedd872814c8fcdfa9e6c44f");
    assertThat(Keys.encryptionKey(SHA1, e, 16)).isEqualTo(Arrays.copyOf(e, 16));
  }

  @Test
  void phase1AndPhase2InitialIvs() {
    assertThat(HEX.formatHex(Keys.phase1Iv(SHA1, fill(0x44, 128), fill(0x55, 128), 8))).isEqualTo("979693df00d8529b");
    assertThat(HEX.formatHex(Keys.exchangeIv(SHA1, fill(0x66, 8), 0x0badcafe, 8))).isEqualTo("cfb258059a3db52f");
  }

  @Test
  void keymatForAnEspSaWithoutPfs() {
    byte[] d = HEX.parseHex("72c1283a755766c8016199089e72b0730268b6e7");
    byte[] k = Keys.keymat(SHA1, d, null, 3, HEX.parseHex("c0ffee01"), fill(0x77, 16), fill(0x88, 32), 44);
    assertThat(HEX.formatHex(k)).isEqualTo("aceeac27209b3c0991f7348f50f76d15c0dd7f11e38e4d45fc405a2b1c1a552f075a45de6bceb2b4d4e6f75c");
  }

  private static byte[] fill(int v, int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }
}
