package io.jlns.vty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code login block-for 20 attempts 3 within 60} on an injected clock. */
class LoginGuardTest {
  private long now = 1_000_000;
  private final LoginGuard g = new LoginGuard(() -> now, new LoginGuard.Policy(20, 3, 60));

  @Test
  void threeFailuresWithinTheWindowStartQuietModeForTheBlockPeriod() {
    assertThat(g.failed()).isFalse();
    now += 10_000;
    assertThat(g.failed()).isFalse();
    assertThat(g.quietSecondsLeft()).isZero();
    now += 10_000;
    assertThat(g.failed()).isTrue();
    assertThat(g.quietSecondsLeft()).isEqualTo(20);
    now += 19_500;
    assertThat(g.quietSecondsLeft()).isEqualTo(1);
    assertThat(g.quietEnded()).isFalse();
    now += 500;
    assertThat(g.quietSecondsLeft()).isZero();
    assertThat(g.quietEnded()).isTrue();
    assertThat(g.quietEnded()).isFalse();
  }

  @Test
  void failuresOutsideTheWindowDoNotCount() {
    g.failed();
    now += 61_000;
    g.failed();
    now += 61_000;
    assertThat(g.failed()).isFalse();
    assertThat(g.quietSecondsLeft()).isZero();
  }

  @Test
  void withoutBlockForNothingIsBlocked() {
    LoginGuard none = new LoginGuard(() -> now, null);
    for (int i = 0; i < 10; i++) {
      assertThat(none.failed()).isFalse();
    }
    assertThat(none.quietSecondsLeft()).isZero();
  }
}
