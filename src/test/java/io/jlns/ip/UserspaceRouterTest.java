package io.jlns.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserspaceRouterTest {
  private static final int LOOPBACK = 0x0c000008;
  private static final int A = 0x14000064;
  private static final int B = 0x14000065;
  private final UserspaceRouter router = new UserspaceRouter(UnpooledByteBufAllocator.DEFAULT, () -> Set.of(LOOPBACK));
  private final List<ByteBuf> toA = new ArrayList<>();
  private final List<ByteBuf> toB = new ArrayList<>();

  UserspaceRouterTest() {
    router.attach(A, toA::add, "a");
    router.attach(B, toB::add, "b");
  }

  /** An ICMP echo request with correct checksums, as ping sends it. */
  static ByteBuf ping(int src, int dst) {
    ByteBuf b = Unpooled.buffer();
    b.writeBytes(HexFormat.of().parseHex("45000024abcd40004001" + "0000"));
    b.writeInt(src).writeInt(dst);
    b.writeBytes(HexFormat.of().parseHex("0800" + "0000" + "12340001" + "6162636465666768"));
    b.setShort(10, Ipv4Packet.checksum(b, 0, 20));
    b.setShort(22, Ipv4Packet.checksum(b, 20, 16));
    return b;
  }

  @Test
  void answersPingsToTheLnsAddressWithValidChecksums() {
    router.fromClient(A, ping(A, LOOPBACK));
    assertThat(toA).hasSize(1);
    ByteBuf r = toA.get(0);
    assertThat(r.getInt(12)).isEqualTo(LOOPBACK);
    assertThat(r.getInt(16)).isEqualTo(A);
    assertThat(r.getUnsignedByte(20)).isZero();
    assertThat(Ipv4Packet.checksum(r, 0, 20)).isZero();
    assertThat(Ipv4Packet.checksum(r, 20, 16)).isZero();
    assertThat(ByteBufUtil.hexDump(r, 24, 12)).isEqualTo("123400016162636465666768");
  }

  @Test
  void routesBetweenClientsAndDecrementsTtl() {
    router.fromClient(A, ping(A, B));
    assertThat(toB).hasSize(1);
    assertThat((int) toB.get(0).getUnsignedByte(8)).isEqualTo(63);
    assertThat(Ipv4Packet.checksum(toB.get(0), 0, 20)).isZero();
  }

  @Test
  void dropsSpoofedUnroutableAndMalformedPackets() {
    router.fromClient(A, ping(B, LOOPBACK));
    router.fromClient(A, ping(A, 0x08080808));
    ByteBuf bad = ping(A, LOOPBACK);
    bad.setByte(15, 0);
    router.fromClient(A, bad);
    assertThat(toA).isEmpty();
    assertThat(router.counters()).containsEntry("spoofed-source", 1L).containsEntry("no-route", 1L).containsEntry("malformed", 1L);
  }

  /** Path MTU discovery (RFC 1191): a DF packet too big for a client's link earns its sender a Fragmentation Needed. */
  @Test
  void aTooBigPacketWithDfEarnsItsSenderAFragmentationNeededWithTheMtu() {
    ByteBuf big = ping(A, B);
    router.tooBig(big, 1300, LOOPBACK);
    assertThat(big.refCnt()).isZero();
    assertThat(toA).hasSize(1);
    ByteBuf icmp = toA.get(0);
    assertThat(icmp.getInt(12)).isEqualTo(LOOPBACK);
    assertThat(icmp.getInt(16)).isEqualTo(A);
    assertThat((int) icmp.getUnsignedByte(9)).isEqualTo(1);
    assertThat((int) icmp.getUnsignedByte(20)).as("type 3, destination unreachable").isEqualTo(3);
    assertThat((int) icmp.getUnsignedByte(21)).as("code 4, fragmentation needed and DF set").isEqualTo(4);
    assertThat(icmp.getUnsignedShort(26)).as("next-hop MTU").isEqualTo(1300);
    assertThat(Ipv4Packet.checksum(icmp, 0, 20)).isZero();
    assertThat(Ipv4Packet.checksum(icmp, 20, icmp.readableBytes() - 20)).isZero();
    assertThat(ByteBufUtil.hexDump(icmp, 28, 28)).as("the original header and 8 bytes").isEqualTo(ByteBufUtil.hexDump(ping(A, B), 0, 28));
    assertThat(router.counters()).containsEntry("too-big", 1L).containsEntry("frag-needed-sent", 1L);
  }

  @Test
  void noFragmentationNeededWithoutDfOrAboutAnIcmpError() {
    ByteBuf noDf = ping(A, B);
    noDf.setShort(6, 0);
    noDf.setShort(10, 0);
    noDf.setShort(10, Ipv4Packet.checksum(noDf, 0, 20));
    router.tooBig(noDf, 1300, LOOPBACK);
    ByteBuf error = ping(A, B);
    error.setByte(20, 3);
    router.tooBig(error, 1300, LOOPBACK);
    assertThat(toA).isEmpty();
    assertThat(router.counters()).containsEntry("too-big", 2L).doesNotContainKey("frag-needed-sent");
  }
}
