package io.jlns.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** IKE's CBC ciphers: each direction equal to the JDK's, 3DES (our own implementation) included. */
class BlockCipherTest {
  @Test
  void everyCipherEncryptsAndDecryptsAsTheJdkDoes() throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    for (BlockCipher c : BlockCipher.values()) {
      for (int i = 0; i < 50; i++) {
        byte[] key = new byte[c.keyLength(c == BlockCipher.AES ? 128 + 64 * (i % 3) : 0)];
        byte[] iv = new byte[c.blockSize()];
        byte[] data = new byte[c.blockSize() * (1 + r.nextInt(40))];
        r.nextBytes(key);
        r.nextBytes(iv);
        r.nextBytes(data);
        Cipher jdk = Cipher.getInstance(c.jca() + "/CBC/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, c.jca()), new IvParameterSpec(iv));
        byte[] expected = jdk.doFinal(data);
        assertThat(c.encrypt(key, iv, data)).as("%s #%d", c, i).isEqualTo(expected);
        assertThat(c.decrypt(key, iv, expected)).as("%s #%d", c, i).isEqualTo(data);
      }
    }
  }
}
