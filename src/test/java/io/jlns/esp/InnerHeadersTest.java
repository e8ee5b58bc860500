package io.jlns.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The inner IPv4 header of tunnel mode and the inner UDP checksum, against independently computed bytes. */
class InnerHeadersTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void ipv4HeaderWithItsChecksum() {
    // The header checksum example widely used for RFC 1071 (192.168.0.1 -> 192.168.0.199, 115 bytes, UDP, DF, TTL 64): b861.
    byte[] b = new byte[22];
    InnerIpv4.writeHeader(b, 2, 0x73, new byte[] {(byte) 192, (byte) 168, 0, 1}, new byte[] {(byte) 192, (byte) 168, 0, (byte) 199});
    assertThat(HEX.formatHex(b, 2, 22)).isEqualTo("4500007300004000" + "4011b861" + "c0a80001c0a800c7");
  }

  @Test
  void udpChecksumOverThePseudoHeaderOddLengthIncluded() {
    // 21-byte L2TP datagram 10.0.0.11 -> 198.51.100.1, checksum f52b computed with Python's struct (RFC 768).
    byte[] udp = HEX.parseHex("06a506a50015f52bc802000c000000000000000001");
    byte[] src = {10, 0, 0, 11};
    byte[] dst = {(byte) 198, 51, 100, 1};
    assertThat(InnerUdp.checksumOk(udp, 0, udp.length, src, dst)).isTrue();
    // The address NAT rewrote: the checksum no longer holds (RFC 3948 section 3.1.2).
    assertThat(InnerUdp.checksumOk(udp, 0, udp.length, new byte[] {(byte) 198, 51, 100, 2}, dst)).isFalse();
    udp[20] ^= 1;
    assertThat(InnerUdp.checksumOk(udp, 0, udp.length, src, dst)).isFalse();
  }
}
