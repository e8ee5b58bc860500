package io.jlns.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MsChapTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] hex(String s) {
    return HEX.parseHex(s.replace(" ", "").toLowerCase());
  }

  @Test
  void md4MatchesRfc1320() {
    assertThat(HEX.formatHex(Md4.digest(new byte[0]))).isEqualTo("31d6cfe0d16ae931b73c59d7e0c089c0");
    assertThat(HEX.formatHex(Md4.digest("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("a448017aaf21d8525fc10ae87aa6729d");
    assertThat(HEX.formatHex(Md4.digest("message digest".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("d9130a8164549fe818874806e1c7014b");
    assertThat(HEX.formatHex(Md4.digest(("12345678901234567890123456789012345678901234567890123456789012345678901234567890")
        .getBytes(StandardCharsets.US_ASCII)))).isEqualTo("e33b4ddc9c38f2199c3e7b164fcc0536");
  }

  /** RFC 2759 section 9.2, the worked example. */
  @Test
  void msChapV2MatchesRfc2759Section9() {
    byte[] auth = hex("5B 5D 7C 7D 7B 3F 2F 3E 3C 2C 60 21 32 26 26 28");
    byte[] peer = hex("21 40 23 24 25 5E 26 2A 28 29 5F 2B 3A 33 7C 7E");
    assertThat(MsChap.challengeHash(peer, auth, "User")).isEqualTo(hex("D0 2E 43 86 BC E9 12 26"));
    assertThat(MsChap.ntPasswordHash("clientPass")).isEqualTo(hex("44 EB BA 8D 53 12 B8 D6 11 47 44 11 F5 69 89 AE"));
    assertThat(Md4.digest(MsChap.ntPasswordHash("clientPass"))).isEqualTo(hex("41 C0 0C 58 4B D2 D9 1C 40 17 A2 A1 2F A5 9F 3F"));
    byte[] nt = MsChap.v2NtResponse(auth, peer, "User", "clientPass");
    assertThat(nt).isEqualTo(hex("82 30 9E CD 8D 70 8B 5E A0 8F AA 39 81 CD 83 54 42 33 11 4A 3D 85 D6 DF"));
    assertThat(MsChap.v2AuthenticatorResponse("clientPass", nt, peer, auth, "User"))
        .isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56");
  }
}
