package io.jlns.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SpiTableTest {
  /** Random adds and removes (few distinct SPIs, so chains collide and shift) agree with a HashMap. */
  @Property(tries = 300)
  void behavesLikeAMap(@ForAll @Size(max = 400) List<@IntRange(min = -300, max = 300) Integer> ops) {
    SpiTable t = new SpiTable();
    Map<Integer, EspSa> ref = new HashMap<>();
    for (int op : ops) {
      int spi = Math.abs(op) * 64;
      if (op >= 0 && !ref.containsKey(spi)) {
        EspSa sa = new EspSa(spi, 1, null, null, 64, 0, new InetSocketAddress(4500), null);
        t.add(sa);
        ref.put(spi, sa);
      } else {
        assertThat(t.remove(spi)).isSameAs(ref.remove(spi));
      }
      assertThat(t.size()).isEqualTo(ref.size());
      for (int k = 0; k <= 300 * 64; k += 64) {
        assertThat(t.inbound(k)).isSameAs(ref.get(k));
      }
    }
  }
}
