package io.jlns.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadNicenessTest {
  /** The calling thread's niceness as the kernel reports it (field 19 of /proc/thread-self/stat). */
  private static int niceness() throws Exception {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(f[16]);
  }

  @Test
  void aThreadLowersItsOwnPriorityAndNoOtherThreads() throws Exception {
    int mine = niceness();
    AtomicReference<Object> seen = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        boolean set = ThreadNiceness.set(Math.min(19, mine + 10));
        seen.set(set ? niceness() : "not set");
      } catch (Exception e) {
        seen.set(e);
      }
    });
    t.start();
    t.join();
    assertThat(seen.get()).isEqualTo(Math.min(19, mine + 10));
    assertThat(niceness()).isEqualTo(mine);
  }
}
