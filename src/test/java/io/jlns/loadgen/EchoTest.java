package io.jlns.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The echo traffic of the fleet: RFC 791/792 headers with valid checksums, replies matched to their sender. */
class EchoTest {
  private static final byte[] US = {20, 0, 0, 100};
  private static final byte[] LNS = {12, 0, 0, 8};

  @Test
  void aRequestHasValidChecksumsAndCarriesItsSendTime() {
    byte[] p = Echo.request(US, LNS, 0x1234, 7, 64, 0x0102030405060708L);
    assertThat(p).hasSize(64);
    assertThat(HexFormat.of().formatHex(p, 0, 20)).isEqualTo("45000040000700004001" + HexFormat.of().formatHex(p, 10, 12)
        + "140000640c000008");
    assertThat(Echo.checksum(p, 0, 20)).isZero();
    assertThat(Echo.checksum(p, 20, 44)).isZero();
    assertThat(HexFormat.of().formatHex(p, 20, 36)).startsWith("08").endsWith("123400070102030405060708");
  }

  @Test
  void theReplyAnLnsMakesGivesTheSendTimeBack() {
    byte[] p = Echo.request(US, LNS, 0x1234, 7, 100, 123456789L);
    // What a responder does: swap addresses, type 0, fix the ICMP checksum (RFC 792).
    System.arraycopy(LNS, 0, p, 12, 4);
    System.arraycopy(US, 0, p, 16, 4);
    p[20] = 0;
    p[22] = 0;
    p[23] = 0;
    int c = Echo.checksum(p, 20, 80);
    p[22] = (byte) (c >>> 8);
    p[23] = (byte) c;
    assertThat(Echo.reply(p, 0, p.length, US, 0x1234)).isEqualTo(123456789L);
    assertThat(Echo.reply(p, 0, p.length, US, 0x1235)).as("another client's").isZero();
    assertThat(Echo.reply(p, 0, p.length, LNS, 0x1234)).as("not to us").isZero();
    p[50] ^= 1;
    assertThat(Echo.reply(p, 0, p.length, US, 0x1234)).as("damaged").isZero();
  }
}
