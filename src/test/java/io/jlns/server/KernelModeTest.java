package io.jlns.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Ipv4Address;
import org.junit.jupiter.api.Test;

class KernelModeTest {
  @Test
  void poolRangesBecomeTheFewestExactCidrRoutes() {
    assertThat(KernelMode.cidrs(Ipv4Address.of("20.0.0.100"), Ipv4Address.of("20.0.0.110")))
        .containsExactly("20.0.0.100/30", "20.0.0.104/30", "20.0.0.108/31", "20.0.0.110/32");
    assertThat(KernelMode.cidrs(Ipv4Address.of("10.0.0.0"), Ipv4Address.of("10.0.255.255"))).containsExactly("10.0.0.0/16");
    assertThat(KernelMode.cidrs(Ipv4Address.of("10.0.0.7"), Ipv4Address.of("10.0.0.7"))).containsExactly("10.0.0.7/32");
  }
}
