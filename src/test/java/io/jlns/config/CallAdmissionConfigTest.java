package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code crypto call admission limit ike ...}: IOS syntax, jlns defaults, printed only when changed. */
class CallAdmissionConfigTest {
  @Test
  void defaultsProtectOutOfTheBoxAndAreNotPrinted() {
    Config c = Configs.parse("hostname R1\n");
    assertThat(c.callAdmission()).isEqualTo(new CallAdmission(1000, 250, 0));
    assertThat(ConfigPrinter.full(c)).doesNotContain("admission");
  }

  @Test
  void theLimitsAreSetAndPrintedBackInIosSyntax() {
    Config c = Configs.parse("""
        crypto call admission limit ike in-negotiation-sa 400
        crypto call admission limit ike in-negotiation-sa per-address 40
        crypto call admission limit ike sa 20000
        """);
    assertThat(c.callAdmission()).isEqualTo(new CallAdmission(400, 40, 20000));
    assertThat(ConfigPrinter.full(c)).contains("crypto call admission limit ike in-negotiation-sa 400\n"
        + "crypto call admission limit ike in-negotiation-sa per-address 40\n"
        + "crypto call admission limit ike sa 20000\n");
  }

  @Test
  void noRestoresEachDefault() {
    Config c = Configs.parse("""
        crypto call admission limit ike in-negotiation-sa 400
        crypto call admission limit ike in-negotiation-sa per-address 40
        crypto call admission limit ike sa 20000
        no crypto call admission limit ike in-negotiation-sa 400
        no crypto call admission limit ike in-negotiation-sa per-address
        no crypto call admission limit ike sa 20000
        """);
    assertThat(c.callAdmission()).isEqualTo(CallAdmission.DEFAULTS);
  }

  @Test
  void outOfRangeIsAnError() {
    assertThat(Configs.load("crypto call admission limit ike in-negotiation-sa 5\n").ok()).isFalse();
    assertThat(Configs.load("crypto call admission limit ike sa 0\n").ok()).isFalse();
  }
}
