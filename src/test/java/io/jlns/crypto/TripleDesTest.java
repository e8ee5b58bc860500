package io.jlns.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TripleDesTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void fips81AndSp80067Vectors() {
    // One DES (K1 = K2 = K3): the classic "Now is t" example (FIPS 81 appendix B, ECB).
    byte[] k = HEX.parseHex("0123456789abcdef0123456789abcdef0123456789abcdef");
    assertThat(new TripleDes(k).encryptBlock(0x4e6f772069732074L)).isEqualTo(0x3fa40e8a984d4815L);
    // SP 800-67 example: K1, K2, K3 distinct; "The qufc" -> A826FD8CE53B855F.
    byte[] k3 = HEX.parseHex("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123");
    TripleDes t = new TripleDes(k3);
    assertThat(t.encryptBlock(0x5468652071756663L)).isEqualTo(0xA826FD8CE53B855FL);
    assertThat(t.decryptBlock(0xA826FD8CE53B855FL)).isEqualTo(0x5468652071756663L);
  }

  @Test
  void cbcMatchesTheJdkForRandomKeysIvsAndLengths() throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    for (int n = 0; n < 200; n++) {
      byte[] key = new byte[24];
      byte[] iv = new byte[8];
      byte[] data = new byte[8 * (1 + r.nextInt(40))];
      r.nextBytes(key);
      r.nextBytes(iv);
      r.nextBytes(data);
      Cipher jdk = Cipher.getInstance("DESede/CBC/NoPadding");
      jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DESede"), new IvParameterSpec(iv));
      byte[] want = jdk.doFinal(data);
      byte[] b = new byte[8 + data.length];
      System.arraycopy(iv, 0, b, 0, 8);
      System.arraycopy(data, 0, b, 8, data.length);
      TripleDes t = new TripleDes(key);
      t.encryptCbc(b, 0, 8, data.length);
      assertThat(Arrays.copyOfRange(b, 8, b.length)).isEqualTo(want);
      t.decryptCbc(b, 0, 8, data.length);
      assertThat(Arrays.copyOfRange(b, 8, b.length)).isEqualTo(data);
    }
  }
}
