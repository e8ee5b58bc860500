package io.jlns.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pcapng blocks byte for byte, and the IPv4/UDP headers rebuilt around a captured payload. */
class PcapngTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void ipv4AndUdpHeadersAroundThePayload() {
    byte[] p = Frame.ipv4(new byte[] {(byte) 198, 51, 100, 2}, 4500, new byte[] {(byte) 198, 51, 100, 1}, 4500, 17,
        new byte[] {1, 2, 3, 4}, 0, 4, 0x1234);
    // Version 4, IHL 5, total 32, id 0x1234, TTL 64, UDP, checksum, addresses; UDP 4500 -> 4500, length 12, checksum 0.
    assertThat(HEX.formatHex(p)).isEqualTo("45000020123400004011142f" + "c6336402" + "c6336401" + "11941194000c0000" + "01020304");
    int sum = 0;
    for (int i = 0; i < 20; i += 2) {
      sum += (p[i] & 0xFF) << 8 | p[i + 1] & 0xFF;
    }
    assertThat((sum & 0xFFFF) + (sum >>> 16)).isEqualTo(0xFFFF); // a header with its checksum sums to all ones
  }

  @Test
  void espOverIpHasNoUdpHeader() {
    byte[] p = Frame.ipv4(new byte[] {10, 0, 0, 1}, 0, new byte[] {10, 0, 0, 2}, 0, 50, new byte[] {9, 9}, 0, 2, 1);
    assertThat(p).hasSize(22);
    assertThat(p[9]).isEqualTo((byte) 50);
    assertThat(p[20]).isEqualTo((byte) 9);
  }

  @Test
  void sectionInterfaceAndEnhancedPacketBlocks() {
    byte[] ip = Frame.ipv4(new byte[] {10, 0, 0, 1}, 500, new byte[] {10, 0, 0, 2}, 500, 17, new byte[] {7}, 0, 1, 1);
    byte[] f = Pcapng.write("jlns", "", List.of(new Frame(0x0000000100000002L, true, ip), new Frame(3, false, ip)));
    ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
    // SHB: type, length 28, byte-order magic, version 1.0, section length -1, length again.
    assertThat(b.getInt(0)).isEqualTo(0x0A0D0D0A);
    assertThat(b.getInt(4)).isEqualTo(28);
    assertThat(b.getInt(8)).isEqualTo(0x1A2B3C4D);
    assertThat(b.getShort(12)).isEqualTo((short) 1);
    assertThat(b.getLong(16)).isEqualTo(-1L);
    assertThat(b.getInt(24)).isEqualTo(28);
    // IDB: type 1, link type 228 (raw IPv4), if_name "jlns", end of options.
    int idb = 28;
    assertThat(b.getInt(idb)).isEqualTo(1);
    int idbLen = b.getInt(idb + 4);
    assertThat(idbLen).isEqualTo(12 + 8 + 4 + 4 + 4);
    assertThat(b.getShort(idb + 8)).isEqualTo((short) 228);
    assertThat(b.getShort(idb + 16)).isEqualTo((short) 2);
    assertThat(new String(f, idb + 20, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("jlns");
    assertThat(b.getInt(idb + idbLen - 4)).isEqualTo(idbLen);
    // EPB: type 6, interface 0, timestamp high and low, lengths, data padded to 4, epb_flags inbound (1).
    int epb = idb + idbLen;
    assertThat(b.getInt(epb)).isEqualTo(6);
    int epbLen = b.getInt(epb + 4);
    assertThat(epbLen % 4).isZero();
    assertThat(b.getInt(epb + 12)).isEqualTo(1);
    assertThat(b.getInt(epb + 16)).isEqualTo(2);
    assertThat(b.getInt(epb + 20)).isEqualTo(ip.length);
    assertThat(b.getInt(epb + 24)).isEqualTo(ip.length);
    int opts = epb + 28 + ((ip.length + 3) & ~3);
    assertThat(b.getShort(opts)).isEqualTo((short) 2);
    assertThat(b.getInt(opts + 4)).isEqualTo(1);
    assertThat(b.getInt(epb + epbLen - 4)).isEqualTo(epbLen);
    int second = epb + epbLen;
    assertThat(b.getInt(second + 28 + ((ip.length + 3) & ~3) + 4)).isEqualTo(2); // outbound
    assertThat(second + epbLen).isEqualTo(f.length);
  }
}
