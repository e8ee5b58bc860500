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
      assertThat(shunning.refused(a("192.0.2.7"), t + i, false)).isFalse();
    }
    Shunning.Snapshot before = shunning.current(t + 500);
    assertThat(before.addresses()).isEmpty();
    assertThat(shunning.refused(a("192.0.2.7"), t + 600, false)).isTrue();
    assertThat(shunning.refused(a("192.0.2.7"), t + 601, false)).isFalse(); // once, not again
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
        assertThat(shunning.refused(a("198.51.100.1"), s * 1000L + i, false)).isFalse();
      }
    }
    assertThat(shunning.current(60_000).addresses()).isEmpty();
  }

  @Test
  void eachAddressCountsForItself() throws Exception {
    for (int i = 0; i < Shunning.THRESHOLD - 1; i++) {
      shunning.refused(a("203.0.113.1"), 10, false);
      shunning.refused(a("203.0.113.2"), 10, false);
    }
    assertThat(shunning.current(20).addresses()).isEmpty();
    shunning.refused(a("203.0.113.2"), 30, false);
    assertThat(shunning.current(40).addresses()).containsExactly(0xCB007102);
  }

  @Test
  void anAddressThatProvedItKnowsAKeyIsNeverShunned() throws Exception {
    // A NAT with a connected client (an established ISAKMP SA from it) ...
    for (int i = 0; i < 2 * Shunning.THRESHOLD; i++) {
      assertThat(shunning.refused(a("198.51.100.9"), 10, true)).isFalse();
    }
    // ... or one whose client finished phase 1 within the last 30 s.
    shunning.completed(a("198.51.100.8"), 1_000);
    for (int i = 0; i < 2 * Shunning.THRESHOLD; i++) {
      assertThat(shunning.refused(a("198.51.100.8"), 2_000 + i, false)).isFalse();
    }
    assertThat(shunning.current(3_000).addresses()).isEmpty();
    // 30 s after that completion, with none since, a flood from it is shunned.
    long later = 1_000 + Shunning.SHUN_MILLIS;
    boolean shunned = false;
    for (int i = 0; i < Shunning.THRESHOLD; i++) {
      shunned |= shunning.refused(a("198.51.100.8"), later + i, false);
    }
    assertThat(shunned).isTrue();
  }

  @Test
  void ipv6IsNotShunned() throws Exception {
    for (int i = 0; i < 2 * Shunning.THRESHOLD; i++) {
      assertThat(shunning.refused(a("2001:db8::1"), 10, false)).isFalse();
    }
    assertThat(shunning.current(20).addresses()).isEmpty();
  }
}
