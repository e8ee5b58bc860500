package io.jlns.esp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4303 section 3.4.3. */
class ReplayWindowTest {
  @Test
  void aSequenceNumberIsAcceptedOnce() {
    ReplayWindow w = new ReplayWindow(64);
    assertThat(w.check(1)).isTrue();
    w.accept(1);
    assertThat(w.check(1)).isFalse();
    assertThat(w.check(2)).isTrue();
  }

  @Test
  void zeroIsNeverValid() {
    assertThat(new ReplayWindow(64).check(0)).isFalse();
  }

  @Test
  void lateButInsideTheWindowIsAcceptedOutsideIsNot() {
    ReplayWindow w = new ReplayWindow(64);
    w.accept(100);
    assertThat(w.check(37)).isTrue();
    assertThat(w.check(36)).isFalse();
    w.accept(37);
    assertThat(w.check(37)).isFalse();
  }

  @Test
  void aJumpForwardForgetsTheOldBits() {
    ReplayWindow w = new ReplayWindow(64);
    w.accept(5);
    w.accept(5 + 64 * 3);
    assertThat(w.check(5 + 64 * 3 - 1)).isTrue();
    assertThat(w.check(5 + 64 * 3)).isFalse();
  }

  @Test
  void theConfiguredSizeIsHonoured() {
    ReplayWindow w = new ReplayWindow(1024);
    w.accept(2000);
    assertThat(w.check(2000 - 1023)).isTrue();
    assertThat(w.check(2000 - 1024)).isFalse();
  }
}
