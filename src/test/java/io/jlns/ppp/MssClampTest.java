package io.jlns.ppp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MssClampTest {
  private static final HexFormat HEX = HexFormat.of();

  /** A SYN from 20.0.0.100:40000 to 192.0.2.80:80: MSS 1460, SACK permitted, timestamps, NOP, window scale. */
  static byte[] syn(int mss, int flags) {
    byte[] p = HEX.parseHex("4500003c1c4640004006" + "0000" + "14000064" + "c0000250"
        + "9c400050" + "00000001" + "00000000" + "a0" + String.format("%02x", flags) + "faf0" + "0000" + "0000"
        + "0204" + String.format("%04x", mss) + "0402080a0000000100000000" + "01030307");
    int ipSum = checksum(p, 0, 20, 0);
    p[10] = (byte) (ipSum >> 8);
    p[11] = (byte) ipSum;
    int tcpSum = checksum(p, 20, p.length - 20, pseudo(p));
    p[36] = (byte) (tcpSum >> 8);
    p[37] = (byte) tcpSum;
    return p;
  }

  private static long pseudo(byte[] p) {
    long s = 0;
    for (int i = 12; i < 20; i += 2) {
      s += (p[i] & 0xff) << 8 | p[i + 1] & 0xff;
    }
    return s + 6 + (p.length - 20);
  }

  /** The Internet checksum computed from scratch (RFC 1071), independently of the incremental update. */
  private static int checksum(byte[] b, int off, int len, long start) {
    long s = start;
    for (int i = 0; i < len; i += 2) {
      s += (b[off + i] & 0xff) << 8 | (i + 1 < len ? b[off + i + 1] & 0xff : 0);
    }
    while (s >>> 16 != 0) {
      s = (s & 0xffff) + (s >>> 16);
    }
    return (int) (~s & 0xffff);
  }

  private static boolean tcpChecksumVerifies(byte[] p) {
    return checksum(p, 20, p.length - 20, pseudo(p)) == 0;
  }

  @Test
  void aSynAboveTheLimitCarriesTheLimitWithAValidChecksum() {
    byte[] p = syn(1460, 0x02);
    assertThat(tcpChecksumVerifies(p)).isTrue();
    assertThat(MssClamp.clamp(Unpooled.wrappedBuffer(p), 1360)).isTrue();
    assertThat((p[42] & 0xff) << 8 | p[43] & 0xff).isEqualTo(1360);
    assertThat(tcpChecksumVerifies(p)).as("incremental update (RFC 1624) agrees with a full recomputation").isTrue();
    byte[] synAck = syn(1460, 0x12);
    assertThat(MssClamp.clamp(Unpooled.wrappedBuffer(synAck), 1360)).isTrue();
    assertThat(tcpChecksumVerifies(synAck)).isTrue();
  }

  @Test
  void whatNeedsNoClampIsLeftAlone() {
    for (byte[] p : new byte[][] {syn(1300, 0x02), syn(1460, 0x10)}) {
      byte[] before = p.clone();
      assertThat(MssClamp.clamp(Unpooled.wrappedBuffer(p), 1360)).isFalse();
      assertThat(p).isEqualTo(before);
    }
    byte[] fragment = syn(1460, 0x02);
    fragment[7] = 8; // a later fragment: no TCP header in it
    assertThat(MssClamp.clamp(Unpooled.wrappedBuffer(fragment), 1360)).isFalse();
    byte[] udp = syn(1460, 0x02);
    udp[9] = 17;
    assertThat(MssClamp.clamp(Unpooled.wrappedBuffer(udp), 1360)).isFalse();
  }

  @Test
  void anyDamagedOrTruncatedPacketIsLeftAsItIsWithoutThrowing() {
    SplittableRandom r = new SplittableRandom(5);
    byte[] good = syn(1460, 0x02);
    for (int n = 0; n < 20_000; n++) {
      byte[] p = java.util.Arrays.copyOf(good, r.nextInt(good.length + 1));
      for (int k = r.nextInt(4); k > 0 && p.length > 0; k--) {
        p[r.nextInt(p.length)] = (byte) r.nextInt(256);
      }
      ByteBuf b = Unpooled.wrappedBuffer(p);
      MssClamp.clamp(b, 1 + r.nextInt(1460));
      assertThat(b.readerIndex()).isZero();
    }
  }
}
