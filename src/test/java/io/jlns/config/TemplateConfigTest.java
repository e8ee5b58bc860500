package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateConfigTest {
  @Test
  void ipTcpAdjustMssAndIpMtuAreReadPrintedAndRemovedAsOnIos() {
    Config c = Configs.parse("interface Virtual-Template1\n ip mtu 1400\n ip tcp adjust-mss 1360\n");
    Interface vt = c.interfaces().get("Virtual-Template1");
    assertThat(vt.tcpAdjustMss()).isEqualTo(1360);
    assertThat(vt.ipMtu()).isEqualTo(1400);
    assertThat(vt.extra()).as("acted on, not kept as inert text").isEmpty();
    assertThat(ConfigPrinter.full(c)).contains(" ip mtu 1400\n ip tcp adjust-mss 1360\n");
    Config off = Configs.parse("interface Virtual-Template1\n ip tcp adjust-mss 1360\n no ip tcp adjust-mss\n");
    assertThat(off.interfaces().get("Virtual-Template1").tcpAdjustMss()).isZero();
    ConfigLoader.Loaded outOfRange = Configs.load("interface Virtual-Template1\n ip tcp adjust-mss 1461\n");
    assertThat(outOfRange.config() == null || outOfRange.config().interfaces().get("Virtual-Template1").tcpAdjustMss() == 0)
        .as("IOS's range is 500-1460: 1461 is not applied").isTrue();
    assertThat(Configs.parse("interface Virtual-Template1\n ip tcp header-compression\n").interfaces().get("Virtual-Template1")
        .extra()).as("other ip tcp commands stay inert").containsExactly("ip tcp header-compression");
  }

  @Test
  void keepaliveOnTheTemplateIsPppsLcpEchoAsOnIos() {
    Interface vt = Configs.parse("interface Virtual-Template1\n keepalive 5 3\n").interfaces().get("Virtual-Template1");
    assertThat(vt.keepalive()).isEqualTo(new Interface.Keepalive(5, 3));
    assertThat(Configs.parse("interface Virtual-Template1\n keepalive 20\n").interfaces().get("Virtual-Template1").keepalive())
        .isEqualTo(new Interface.Keepalive(20, 5));
    Config off = Configs.parse("interface Virtual-Template1\n no keepalive\n");
    assertThat(off.interfaces().get("Virtual-Template1").keepalive().periodSeconds()).isZero();
    assertThat(ConfigPrinter.full(off)).contains(" no keepalive\n");
    assertThat(ConfigPrinter.full(Configs.parse("interface Virtual-Template1\n keepalive 10 5\n"))).doesNotContain("keepalive");
  }
}
