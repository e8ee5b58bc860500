package io.jlns.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Transform;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proposal names to IKEv1 transforms (RFC 2409 appendix A, RFC 2407 section 4.5), byte-exact. */
class SuitesTest {
  @Test
  void windowsLastMainModeOfferIsTheSeedPolicy() {
    Transform t = Suites.ike("3des-sha1-modp1024").get(0).transform(1, 28800);
    // encr 3DES (5), hash SHA (2), auth pre-shared (1), group 2, life type seconds, 28800 (0x7080) as a basic attribute.
    assertThat(HexFormat.of().formatHex(IsakmpCodec.attributes(t.attributes())))
        .isEqualTo("80010005" + "80020002" + "80030001" + "80040002" + "800b0001" + "800c7080");
  }

  @Test
  void aesCarriesItsKeyLengthAndRoundTrips() {
    Suites.Ike s = Suites.ike("aes256-sha256-ecp384").get(0);
    Transform t = s.transform(1, 86400);
    assertThat(t.attribute(1)).isEqualTo(7);
    assertThat(t.attribute(14)).isEqualTo(256);
    assertThat(t.attribute(12)).isEqualTo(86400);
    assertThat(Suites.Ike.of(t)).isEqualTo(s).hasToString("aes256-sha256-ecp384");
  }

  @Test
  void espTransformsForUdpEncapsulatedTransportMode() {
    Transform t = Suites.esp("aes256-sha1").get(0).transform(1, 3600, 250000, 4, null);
    assertThat(t.id()).isEqualTo(12);
    // life seconds 3600, life kilobytes 250000 (a 4-byte value), UDP-encapsulated transport, HMAC-SHA1, 256 bits.
    assertThat(HexFormat.of().formatHex(IsakmpCodec.attributes(t.attributes())))
        .isEqualTo("80010001" + "80020e10" + "80010002" + "000200040003d090" + "80040004" + "80050002" + "80060100");
    assertThat(Suites.esp("aes128gcm16,3des-sha1")).extracting(Object::toString).containsExactly("aes128gcm16", "3des-sha1");
    assertThat(Suites.Esp.of(Suites.esp("aes128gcm16").get(0).transform(1, 3600, 0, 61444, null)))
        .hasToString("aes128gcm16");
  }

  @Test
  void typosAreRefusedWithTheExpectedForm() {
    assertThatThrownBy(() -> Suites.ike("aes256-sha1")).hasMessageContaining("CIPHER-HASH-GROUP");
    assertThatThrownBy(() -> Suites.ike("aes257-sha1-modp2048")).hasMessageContaining("128, 192 or 256");
    assertThatThrownBy(() -> Suites.esp("aes256-sha3")).hasMessageContaining("CIPHER-INTEGRITY");
    assertThat(Profile.mix("windows:2,macos")).extracting(Profile::name).containsExactly("windows", "windows", "macos");
    assertThat(List.of(Profile.WINDOWS.announcesDpd(), Profile.MACOS.announcesDpd())).containsExactly(false, true);
  }
}
