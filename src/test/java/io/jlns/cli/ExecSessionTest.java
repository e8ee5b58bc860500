package io.jlns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.ConfigLoader;
import io.jlns.config.ConfigGrammar;
import io.jlns.config.SecretHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed document's "How to Enable" steps 1 to 8, and the IOS habits around them. */
class ExecSessionTest {
  private final Sessions s = new Sessions(Sessions.seed(), null);
  private final ExecSession cli = s.session();

  private Response run(String line) {
    return cli.execute(line);
  }

  @Test
  void seedSteps1To8() {
    s.running.publish(s.config().draft().freeze());
    ExecSession fresh = s.session();
    assertThat(fresh.prompt()).isEqualTo("72_LNS>");
    assertThat(fresh.execute("enable").status()).isEqualTo(Response.Status.OK);
    assertThat(fresh.prompt()).isEqualTo("72_LNS#");
    assertThat(fresh.execute("configure terminal").output()).contains("End with CNTL/Z.");
    assertThat(fresh.prompt()).isEqualTo("72_LNS(config)#");
    fresh.execute("crypto dynamic-map DYN_MAP 10");
    assertThat(fresh.prompt()).isEqualTo("72_LNS(config-crypto-map)#");
    fresh.execute("no set nat demux");
    assertThat(s.config().dynamicMapEntry("DYN_MAP", 10).orElseThrow().natDemux()).isFalse();
    assertThat(fresh.execute("set nat demux").status()).isEqualTo(Response.Status.OK);
    assertThat(s.config().dynamicMapEntry("DYN_MAP", 10).orElseThrow().natDemux()).as("applied at once").isTrue();
    fresh.execute("exit");
    assertThat(fresh.prompt()).isEqualTo("72_LNS(config)#");
    fresh.execute("exit");
    assertThat(fresh.prompt()).isEqualTo("72_LNS#");
    assertThat(s.log).containsExactly("%SYS-5-CONFIG_I: Configured from console by vty0");
    assertThat(fresh.execute("show crypto map").output()).contains(
        "Crypto Map IPv4 \"CRYPT_MAP\" 6000 ipsec-isakmp", "Dynamic map template tag: DYN_MAP",
        "NAT demux (template 10): Enabled", "Interfaces using crypto map CRYPT_MAP:\n\t\tFastEthernet0/0");
    assertThat(fresh.execute("show crypto dynamic-map").output()).contains("Crypto Map Template\"DYN_MAP\" 10",
        "Security association lifetime: 4608000 kilobytes/600 seconds", "NAT demux (set nat demux): Enabled",
        "TS1:  { esp-3des esp-sha-hmac  } (transport)");
    assertThat(fresh.execute("show crypto ipsec sa").output())
        .contains("interface: FastEthernet0/0\n    Crypto map tag: CRYPT_MAP, local addr 11.0.0.8");
  }

  @Test
  void noSetNatDemuxRemovesTheLineFromTheRunningConfig() {
    run("enable");
    assertThat(run("show running-config").output()).contains("crypto dynamic-map DYN_MAP 10\n set transform-set TS1\n set nat demux\n");
    run("conf t");
    run("crypto dyn DYN_MAP 10");
    run("no set nat demux");
    run("end");
    assertThat(run("sh run").output()).doesNotContain("set nat demux");
    assertThat(run("show crypto dynamic-map tag DYN_MAP").output()).contains("NAT demux (set nat demux): Disabled");
  }

  @Test
  void userExecOffersNoPrivilegedCommands() {
    Response r = run("show running-config");
    assertThat(r.status()).isEqualTo(Response.Status.ERROR);
    assertThat(r.output()).contains("% Invalid input detected at '^' marker.");
    assertThat(run("show version").output()).contains("72_LNS uptime is 0 days, 1 hours, 2 minutes");
  }

  @Test
  void errorsComeWithACaretUnderTheBadWord() {
    run("enable");
    run("conf t");
    Response r = run("crypto isakmp polcy 1");
    assertThat(r.status()).isEqualTo(Response.Status.ERROR);
    assertThat(r.output()).isEqualTo(" ".repeat("72_LNS(config)#crypto isakmp ".length()) + "^\n"
        + "% Invalid input detected at '^' marker.\n");
    assertThat(run("crypto isakmp").output()).isEqualTo("% Incomplete command.\n");
  }

  @Test
  void enableAsksForTheSecretWhenOneIsSet() {
    run("enable");
    run("conf t");
    run("enable secret s3cret!");
    run("end");
    run("disable");
    assertThat(cli.prompt()).isEqualTo("72_LNS>");
    assertThat(run("enable").status()).isEqualTo(Response.Status.PASSWORD);
    assertThat(cli.prompt()).isEqualTo("Password: ");
    assertThat(run("wrong").output()).isEqualTo("% Bad secrets\n");
    assertThat(cli.prompt()).isEqualTo("72_LNS>");
    run("enable");
    run("s3cret!");
    assertThat(cli.prompt()).isEqualTo("72_LNS#");
    assertThat(run("show running-config").output()).doesNotContain("s3cret").contains("enable secret 8 *****");
  }

  @Test
  void subModeCommandsFallBackToEnclosingModes() {
    run("enable");
    run("conf t");
    run("vpdn-group L2TP");
    run("accept-dialin");
    assertThat(cli.prompt()).isEqualTo("72_LNS(config-vpdn-acc-in)#");
    run("l2tp tunnel hello 30");
    assertThat(cli.prompt()).isEqualTo("72_LNS(config-vpdn)#");
    run("hostname LNS2");
    assertThat(cli.prompt()).isEqualTo("LNS2(config)#");
    assertThat(s.config().vpdnGroups().get("L2TP").helloSeconds()).isEqualTo(30);
  }

  @Test
  void doRunsExecCommandsWithoutLeavingTheMode() {
    run("enable");
    run("conf t");
    run("crypto isakmp policy 1");
    assertThat(run("do show crypto isakmp policy").output()).contains("Protection suite of priority 1",
        "Three key triple DES", "#2 (1024 bit)", "3600 seconds, no volume limit");
    assertThat(cli.prompt()).isEqualTo("72_LNS(config-isakmp)#");
  }

  @Test
  void outputModifiersFilterLines() {
    run("enable");
    assertThat(run("show running-config | include ^crypto isakmp").output())
        .isEqualTo("crypto isakmp policy 1\ncrypto isakmp key ***** hostname w2k01\ncrypto isakmp keepalive 3600\n");
    assertThat(run("show running-config | section vpdn-group").output())
        .isEqualTo("vpdn-group L2TP\n accept-dialin\n  protocol l2tp\n  virtual-template 1\n no l2tp tunnel authentication\n");
    assertThat(run("show ip local pool").output()).contains(String.format(" %-24s %-15s %-15s %6d %7d", "POOL",
        "20.0.0.100", "20.0.0.110", 11, 0));
  }

  @Test
  void helpAndCompletionFollowTheMode() {
    run("enable");
    assertThat(cli.help("show crypto ")).extracting(m -> m.token()).contains("dynamic-map", "isakmp", "map", "ipsec");
    run("conf t");
    run("crypto dynamic-map DYN_MAP 10");
    assertThat(cli.help("set ")).extracting(m -> m.token()).contains("nat", "transform-set", "pfs", "peer");
    assertThat(cli.help("set nat ")).extracting(m -> m.help()).contains("Enable L2TP--IPsec support for NAT and PAT Windows clients");
    assertThat(cli.complete("set tr")).containsExactly("transform-set");
  }

  @Test
  void writeMemorySavesAtomicallyWithMode0600(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("lns.cfg");
    Files.writeString(file, Sessions.seed());
    Sessions withFile = new Sessions(Sessions.seed(), file);
    ExecSession c = withFile.session();
    c.execute("enable");
    c.execute("conf t");
    c.execute("crypto dynamic-map DYN_MAP 10");
    c.execute("no set nat demux");
    c.execute("end");
    Response r = c.execute("write memory");
    assertThat(r.output()).isEqualTo("Building configuration...\n[OK]\n");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String saved = Files.readString(file);
    assertThat(saved).contains("key seed-psk").doesNotContain("set nat demux");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    ConfigLoader.Loaded back = new ConfigLoader(new ConfigGrammar(), SecretHasher.secure()).load(saved);
    assertThat(back.config()).isEqualTo(withFile.config());
    assertThat(c.execute("copy running-config startup-config").status()).isEqualTo(Response.Status.OK);
  }

  @Test
  void writeMemoryWithoutAStartupFileSaysWhy() {
    run("enable");
    Response r = run("write memory");
    assertThat(r.status()).isEqualTo(Response.Status.ERROR);
    assertThat(r.output()).contains("embedded default");
  }
}
