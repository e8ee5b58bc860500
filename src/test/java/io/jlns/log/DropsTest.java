package io.jlns.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DropsTest {
  @Test
  void aFloodIsLoudForTheFirstTenThenOncePerThousand() {
    Drops d = new Drops(org.slf4j.LoggerFactory.getLogger("test"));
    List<Integer> loud = new ArrayList<>();
    IntStream.rangeClosed(1, 3000).forEach(i -> {
      if (d.loud("invalid-spi")) {
        loud.add(i);
      }
    });
    assertThat(loud).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000, 2000, 3000);
    assertThat(d.get("invalid-spi")).isEqualTo(3000);
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
