package io.jlns.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiffieHellmanTest {
  private final SecureRandom random = new SecureRandom(new byte[] {1});

  @ParameterizedTest
  @EnumSource(value = DiffieHellman.Group.class, names = {"MODP_768", "MODP_1024", "MODP_1536", "MODP_2048", "MODP_3072", "MODP_4096"})
  void modpPrimesAreSafePrimesOfTheirSize(DiffieHellman.Group g) {
    BigInteger p = g.prime();
    int bits = switch (g) {
      case MODP_768 -> 768;
      case MODP_1024 -> 1024;
      case MODP_1536 -> 1536;
      case MODP_2048 -> 2048;
      case MODP_3072 -> 3072;
      default -> 4096;
    };
    assertThat(p.bitLength()).isEqualTo(bits);
    assertThat(p.isProbablePrime(40)).isTrue();
    // RFC 2409 section 6 and RFC 3526: (p-1)/2 is prime too.
    assertThat(p.shiftRight(1).isProbablePrime(40)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(DiffieHellman.Group.class)
  void bothSidesAgreeOnTheSharedSecret(DiffieHellman.Group g) {
    DiffieHellman a = new DiffieHellman(g, random);
    DiffieHellman b = new DiffieHellman(g, random);
    assertThat(a.publicValue()).hasSize(g.publicLength());
    byte[] s1 = a.sharedSecret(b.publicValue());
    assertThat(s1).isNotNull().isEqualTo(b.sharedSecret(a.publicValue()));
  }

  @ParameterizedTest
  @EnumSource(value = DiffieHellman.Group.class, names = {"MODP_1024", "MODP_2048", "ECP_256"})
  void invalidPublicValuesAreRefused(DiffieHellman.Group g) {
    DiffieHellman a = new DiffieHellman(g, random);
    byte[] one = new byte[g.publicLength()];
    one[one.length - 1] = 1;
    assertThat(a.sharedSecret(one)).isNull();
    assertThat(a.sharedSecret(new byte[g.publicLength() - 1])).isNull();
  }
}
