package io.jlns.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.log.Drops;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What arrives on the protocol-50 raw socket: a valid IPv4 header is taken off, anything else dropped and counted. */
class PlainEspTest {
  private final Drops drops = new Drops(org.slf4j.LoggerFactory.getLogger("test"));
  private final List<String> got = new ArrayList<>();
  private final PlainEsp.Inbound inbound =
      (local, sender, esp, off, len) -> got.add(sender.getAddress().getHostAddress() + " " + off + " " + len + " " + esp[off]);
  private final InetSocketAddress local = new InetSocketAddress("198.51.100.1", 0);

  private void received(InetSocketAddress local, byte[] ip) {
    PlainEsp.received(local, ip, drops, inbound);
  }

  @Test
  void theSpiIsReadPastTheHeaderToFindTheOwningLoop() {
    assertThat(PlainEsp.spi(packet(5, 60, 60))).isEqualTo(0x7A000000);
    assertThat(PlainEsp.spi(packet(6, 60, 64))).isEqualTo(0x7A000000);
    assertThat(PlainEsp.spi(new byte[] {0x45, 0})).isZero();
  }

  private static byte[] packet(int ihlWords, int total, int length) {
    byte[] p = new byte[length];
    p[0] = (byte) (0x40 | ihlWords);
    p[2] = (byte) (total >>> 8);
    p[3] = (byte) total;
    p[9] = 50;
    p[12] = 10;
    p[15] = 11;
    p[16] = (byte) 198;
    p[17] = 51;
    p[18] = 100;
    p[19] = 1;
    if (ihlWords * 4 < length) {
      p[ihlWords * 4] = 0x7A; // first SPI byte
    }
    return p;
  }

  @Test
  void theHeaderIsTakenOffOptionsIncluded() {
    received(local, packet(5, 60, 60));
    received(local, packet(6, 60, 64)); // an option word; trailing bytes past the total length ignored
    assertThat(got).containsExactly("10.0.0.11 20 40 122", "10.0.0.11 24 36 122");
    assertThat(drops.get("malformed")).isZero();
  }

  @Test
  void runtsBadVersionsAndLyingLengthsAreDroppedAndCounted() {
    received(local, new byte[] {0x45});
    received(local, packet(5, 24, 24)); // 4 bytes: less than an ESP header
    byte[] v6 = packet(5, 60, 60);
    v6[0] = 0x65;
    received(local, v6);
    received(local, packet(5, 80, 60)); // says 80 bytes, has 60
    received(local, packet(4, 60, 60)); // IHL below 5 words
    assertThat(got).isEmpty();
    assertThat(drops.get("malformed")).isEqualTo(5);
  }
}
