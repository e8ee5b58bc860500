package io.jlns.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DropsTest {
  @Test
  void aFloodIsLoudForTheFirstTenThenOncePerThousand() {
    long[] now = {0};
    Drops d = new Drops(org.slf4j.LoggerFactory.getLogger("test"), () -> now[0]);
    List<Integer> loud = new ArrayList<>();
    IntStream.rangeClosed(1, 3000).forEach(i -> {
      now[0] += 10;
      if (d.loud("invalid-spi")) {
        loud.add(i);
      }
    });
    assertThat(loud).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000, 2000, 3000);
    assertThat(d.get("invalid-spi")).isEqualTo(3000);
  }

  @Test
  void aFastFloodWritesAtMostOneLineEveryTenSeconds() {
    long[] now = {0};
    Drops d = new Drops(org.slf4j.LoggerFactory.getLogger("test"), () -> now[0]);
    List<Long> loudAt = new ArrayList<>();
    // 100,000 drops a second for 30 s: the first ten, then one line per ten seconds.
    for (int ms = 0; ms < 30_000; ms++) {
      now[0] = ms;
      for (int k = 0; k < 100; k++) {
        if (d.loud("cac")) {
          loudAt.add(now[0]);
        }
      }
    }
    assertThat(loudAt).hasSize(13);
    assertThat(loudAt.subList(10, 13)).containsExactly(9L, 10_009L, 20_009L);
    assertThat(d.get("cac")).isEqualTo(3_000_000);
  }

  @Test
  void countsAreSeparateAndTheSnapshotIsSortedAndDetached() {
    Drops d = new Drops(org.slf4j.LoggerFactory.getLogger("test"));
    d.count("replay");
    d.drop("auth", "line");
    d.count("replay");
    var snap = d.snapshot();
    d.count("replay");
    assertThat(snap).containsExactly(java.util.Map.entry("auth", 1L), java.util.Map.entry("replay", 2L));
    assertThat(d.get("replay")).isEqualTo(3);
    assertThat(d.get("never")).isZero();
  }
}
