package io.jlns.ike;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ShunningTest {
  private final Shunning shunning = new Shunning();

  private static InetAddress a(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  @Test
  void anAddressRefusedAHundredTimesWithinASecondIsShunnedForThirtySeconds() throws Exception {
    long t = 5_000;
    for (int i = 1; i < Shunning.THRESHOLD; i++) {
      assertThat(shunning.refused(a("192.0.2.7"), t + i)).isFalse();
    }
    Shunning.Snapshot before = shunning.current(t + 500);
    assertThat(before.addresses()).isEmpty();
    assertThat(shunning.refused(a("192.0.2.7"), t + 600)).isTrue();
    assertThat(shunning.refused(a("192.0.2.7"), t + 601)).isFalse(); // once, not again
    Shunning.Snapshot on = shunning.current(t + 700);
    assertThat(on.addresses()).containsExactly(0xC0000207);
    assertThat(on.version()).isNotEqualTo(before.version());
    assertThat(shunning.current(t + 600 + Shunning.SHUN_MILLIS - 1).addresses()).hasSize(1);
    Shunning.Snapshot off = shunning.current(t + 600 + Shunning.SHUN_MILLIS);
    assertThat(off.addresses()).isEmpty();
    assertThat(off.version()).isNotEqualTo(on.version());
    assertThat(shunning.total()).isEqualTo(1);
  }

  @Test
  void refusalsSpreadOverSecondsDoNotShun() throws Exception {
    // A NAT full of real clients retransmitting: 99 refusals every second, for a minute.
    for (int s = 0; s < 60; s++) {
      for (int i = 0; i < Shunning.THRESHOLD - 1; i++) {
        assertThat(shunning.refused(a("198.51.100.1"), s * 1000L + i)).isFalse();
      }
    }
    assertThat(shunning.current(60_000).addresses()).isEmpty();
  }

  @Test
  void eachAddressCountsForItself() throws Exception {
    for (int i = 0; i < Shunning.THRESHOLD - 1; i++) {
      shunning.refused(a("203.0.113.1"), 10);
      shunning.refused(a("203.0.113.2"), 10);
    }
    assertThat(shunning.current(20).addresses()).isEmpty();
    shunning.refused(a("203.0.113.2"), 30);
    assertThat(shunning.current(40).addresses()).containsExactly(0xCB007102);
  }

  @Test
  void ipv6IsNotShunned() throws Exception {
    for (int i = 0; i < 2 * Shunning.THRESHOLD; i++) {
      assertThat(shunning.refused(a("2001:db8::1"), 10)).isFalse();
    }
    assertThat(shunning.current(20).addresses()).isEmpty();
  }
}
