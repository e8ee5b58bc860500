package io.jlns.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A raw IPv4 socket through JNA, over the loopback interface with an unassigned protocol number
 * (253, RFC 3692's experimental value), so nothing else on the host sees or answers the packets.
 * Needs CAP_NET_RAW: CI runs as root and must run it; elsewhere it is skipped without root.
 */
class RawIpSocketTest {
  private static final int EXPERIMENTAL = 253;

  @Test
  void sendsAPayloadAndReceivesItWithTheIpv4HeaderTheKernelAdded() throws Exception {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
    RawIpSocket a;
    RawIpSocket b;
    try {
      a = RawIpSocket.open(EXPERIMENTAL, lo, (p, n) -> { });
      b = RawIpSocket.open(EXPERIMENTAL, lo, (p, n) -> got.add(Arrays.copyOf(p, n)));
    } catch (IOException e) {
      assumeTrue(System.getenv("CI") != null, "raw sockets need root: " + e.getMessage());
      throw e;
    }
    try (a; b) {
      byte[] payload = {0, 0, 0x12, 0x34, 0, 0, 0, 1, 'e', 's', 'p', 0x0a, (byte) 0xFF};
      byte[] frame = new byte[payload.length + 5];
      System.arraycopy(payload, 0, frame, 3, payload.length);
      assertThat(a.send(frame, 3, payload.length, new byte[] {127, 0, 0, 1})).isTrue();
      byte[] ip = got.poll(10, TimeUnit.SECONDS);
      assertThat(ip).isNotNull();
      assertThat(ip[0] & 0xF0).isEqualTo(0x40);
      int ihl = (ip[0] & 0x0F) * 4;
      assertThat(ip[9] & 0xFF).isEqualTo(EXPERIMENTAL);
      assertThat(Arrays.copyOfRange(ip, 12, 16)).containsExactly(127, 0, 0, 1);
      assertThat(Arrays.copyOfRange(ip, 16, 20)).containsExactly(127, 0, 0, 1);
      assertThat(Arrays.copyOfRange(ip, ihl, ip.length)).containsExactly(payload);
    }
  }

  @Test
  void anIpv6AddressIsRefusedWithAReason() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RawIpSocket.open(EXPERIMENTAL, InetAddress.getByName("::1"), (p, n) -> { }))
        .isInstanceOf(IOException.class).hasMessageContaining("IPv4 only");
  }
}
