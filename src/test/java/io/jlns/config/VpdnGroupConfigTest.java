package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VpdnGroupConfigTest {
  @Test
  void retransmitRetriesAndTimeoutsAreReadPrintedAndResetAsIosDoes() {
    Config c = Configs.parse("""
        vpdn enable
        vpdn-group L2TP
         accept-dialin
          protocol l2tp
          virtual-template 1
         l2tp tunnel retransmit retries 7
         l2tp tunnel retransmit timeout min 2
         l2tp tunnel retransmit timeout max 4
        """);
    assertThat(c.vpdnGroups().get("L2TP").retransmit()).isEqualTo(new VpdnGroup.Retransmit(7, 2, 4));
    assertThat(ConfigPrinter.full(c)).contains(" l2tp tunnel retransmit retries 7\n", " l2tp tunnel retransmit timeout min 2\n",
        " l2tp tunnel retransmit timeout max 4\n");
    Config d = Configs.parse("vpdn-group L2TP\n l2tp tunnel retransmit retries 7\n no l2tp tunnel retransmit retries\n");
    assertThat(d.vpdnGroups().get("L2TP").retransmit()).isEqualTo(VpdnGroup.Retransmit.DEFAULT);
    assertThat(ConfigPrinter.full(d)).doesNotContain("retransmit");
    assertThat(Configs.load("vpdn-group L2TP\n l2tp tunnel retransmit retries 4\n").ok()).as("IOS's range is 5-1000").isFalse();
    assertThat(Configs.load("vpdn-group L2TP\n l2tp tunnel retransmit timeout max 9\n").ok()).as("1-8 s").isFalse();
  }
}
