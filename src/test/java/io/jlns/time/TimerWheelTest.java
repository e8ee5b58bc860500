package io.jlns.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hashed timing wheel: timers run once, at or within a tick after their deadline, whatever the turn. */
class TimerWheelTest {
  private long now = 1_000_000;
  private final TimerWheel wheel = new TimerWheel(() -> now, 10, 8);
  private final List<String> ran = new ArrayList<>();

  private void advanceTo(long t) {
    while (now < t) {
      now += Math.min(3, t - now);
      wheel.advance();
    }
  }

  @Test
  void aTimerRunsAtItsDeadlineNotBeforeAndNotTwice() {
    wheel.schedule(25, () -> ran.add("a@" + now));
    advanceTo(now + 24);
    assertThat(ran).isEmpty();
    advanceTo(now + 30);
    assertThat(ran).hasSize(1);
    long at = Long.parseLong(ran.get(0).substring(2));
    assertThat(at).isBetween(1_000_025L, 1_000_035L);
  }

  @Test
  void timersManyTurnsAheadWaitForTheirTurn() {
    // 8 slots of 10 ms: a 1,000 ms timer shares its slot with ones due each 80 ms before it.
    for (int d : new int[] {1000, 80, 160, 5}) {
      wheel.schedule(d, () -> ran.add(d + ""));
    }
    assertThat(wheel.size()).isEqualTo(4);
    advanceTo(now + 200);
    assertThat(ran).containsExactly("5", "80", "160");
    advanceTo(now + 1000);
    assertThat(ran).containsExactly("5", "80", "160", "1000");
    assertThat(wheel.size()).isZero();
  }

  @Test
  void aTaskMaySetATimerInItsOwnSlotForALaterTurn() {
    wheel.schedule(10, () -> {
      ran.add("first");
      wheel.schedule(80, () -> ran.add("second"));
      wheel.schedule(0, () -> ran.add("now"));
    });
    advanceTo(now + 12);
    assertThat(ran).containsExactly("first");
    // A zero delay runs on the next tick, never in the slot being run.
    advanceTo(now + 10);
    assertThat(ran).containsExactly("first", "now");
    advanceTo(now + 100);
    assertThat(ran).containsExactly("first", "now", "second");
  }

  @Test
  void aLateAdvanceRunsEverythingDueInDeadlineOrderOfSlots() {
    wheel.schedule(30, () -> ran.add("30"));
    wheel.schedule(10, () -> ran.add("10"));
    wheel.schedule(500, () -> ran.add("500"));
    now += 100;
    wheel.advance();
    assertThat(ran).containsExactly("10", "30");
  }
}
