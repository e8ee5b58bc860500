package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Diagnostic.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed document's example configuration, as published, loads and means what IOS means. */
class SeedConfigTest {
  private final ConfigLoader.Loaded loaded = Configs.load(Configs.seed());
  private final Config c = loaded.config();

  @Test
  void loadsWithoutErrors() {
    assertThat(loaded.ok()).as("%s", loaded.diagnostics()).isTrue();
    assertThat(loaded.count(Severity.ERROR)).isZero();
  }

  @Test
  void crypto() {
    assertThat(c.hostname()).isEqualTo("72_LNS");
    IsakmpPolicy p = c.isakmpPolicies().get(1);
    assertThat(p).isEqualTo(new IsakmpPolicy(1, IkeCipher.TRIPLE_DES, 0, IkeHash.SHA, true, DhGroup.GROUP2, 3600));
    assertThat(c.isakmpKeys()).containsExactly(PresharedKey.forHostname("w2k01", Secret.clear("cisco")));
    assertThat(c.isakmpKeepalive()).isEqualTo(new IsakmpKeepalive(3600, 2, false));
    assertThat(c.saLifetimeSeconds()).isEqualTo(600);
    assertThat(c.saLifetimeKilobytes()).isEqualTo(Config.DEFAULT_SA_KILOBYTES);
    TransformSet ts = c.transformSets().get("TS1");
    assertThat(ts.transformsText()).isEqualTo("esp-3des esp-sha-hmac");
    assertThat(ts.transportMode()).isTrue();
    MapEntry dyn = c.dynamicMapEntry("DYN_MAP", 10).orElseThrow();
    assertThat(dyn.natDemux()).isTrue();
    assertThat(dyn.transformSets()).containsExactly("TS1");
    assertThat(c.cryptoMaps().get("CRYPT_MAP").get(6000).dynamicMap()).isEqualTo("DYN_MAP");
    PresharedKey wildcard = c.keyrings().get("L2TP").keys().get(0);
    assertThat(wildcard.address()).isEqualTo(Ipv4Address.ANY);
    assertThat(wildcard.mask()).isEqualTo(Ipv4Address.ANY);
    assertThat(wildcard.key().masked()).isTrue();
  }

  @Test
  void vpdnFollowsIosModeRulesNotIndentation() {
    // "no l2tp tunnel authentication" follows accept-dialin's sub-mode without indentation:
    // it is not an accept-dialin command, so it falls back to vpdn-group L2TP.
    VpdnGroup g = c.vpdnGroups().get("L2TP");
    assertThat(g.acceptDialin()).isTrue();
    assertThat(g.protocol()).isEqualTo("l2tp");
    assertThat(g.virtualTemplate()).isEqualTo(1);
    assertThat(g.tunnelAuthentication()).isFalse();
    assertThat(c.vpdnEnable()).isTrue();
    assertThat(c.vpdnIgnoreUdpChecksum()).isTrue();
    assertThat(c.aaaNewModel()).isTrue();
    assertThat(c.aaaPppMethods()).containsExactly("local");
  }

  @Test
  void interfacesAndPool() {
    Interface vt = c.interfaces().get("Virtual-Template1");
    assertThat(vt.unnumbered()).isEqualTo("Loopback0");
    assertThat(vt.peerPool()).isEqualTo("POOL");
    assertThat(vt.pppMtuAdaptive()).isTrue();
    assertThat(vt.pppAuthentication()).containsExactly("chap", "ms-chap");
    Interface fa = c.interfaces().get("FastEthernet0/0");
    assertThat(fa.address()).isEqualTo(Ipv4Address.of("11.0.0.8"));
    assertThat(fa.cryptoMap()).isEqualTo("CRYPT_MAP");
    assertThat(fa.extra()).containsExactly("no ip route-cache", "duplex full", "speed 100");
    assertThat(c.interfaces().get("Loopback0").address()).isEqualTo(Ipv4Address.of("12.0.0.8"));
    LocalPool pool = c.pools().get("POOL");
    assertThat(pool.ranges()).containsExactly(new LocalPool.Range(Ipv4Address.of("20.0.0.100"), Ipv4Address.of("20.0.0.110")));
    assertThat(pool.size()).isEqualTo(11);
  }

  @Test
  void gluedBangsParseWithAWarning() {
    List<Diagnostic> w = loaded.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).toList();
    assertThat(w).extracting(Diagnostic::line).containsExactly(74, 119);
    assertThat(w.get(0).message()).contains("'!' glued").contains("set transform-set TS1!");
  }

  @Test
  void commandsThatDoNotConcernAnLnsAreKeptAndReported() {
    List<String> inert = loaded.diagnostics().stream().filter(d -> d.severity() == Severity.INERT)
        .map(d -> d.text().strip()).toList();
    assertThat(inert).contains("version 12.3", "router ospf 1", "ip dhcp excluded-address 20.0.0.8", "gatekeeper",
        "ip route 171.0.0.0 255.0.0.0 172.19.192.1", "duplex full", "control-plane", "ip vrf VPN");
    InertCommand ospf = c.inert().stream().filter(i -> i.line().equals("router ospf 1")).findFirst().orElseThrow();
    assertThat(ospf.children()).containsExactly("log-adjacency-changes", "redistribute static subnets",
        "network 11.0.0.0 0.0.0.255 area 0");
    InertCommand gk = c.inert().stream().filter(i -> i.line().equals("gatekeeper")).findFirst().orElseThrow();
    assertThat(gk.children()).containsExactly("shutdown");
  }

  @Test
  void theMaskedKeyIsReportedForRunToRefuse() {
    assertThat(ConfigValidator.maskedSecrets(c)).containsExactly("crypto keyring L2TP pre-shared-key address 0.0.0.0 0.0.0.0");
  }

  @Test
  void printsBackEveryLineItKept() {
    String printed = ConfigPrinter.full(c);
    for (String l : List.of("hostname 72_LNS", "vpdn-group L2TP", " accept-dialin", "  protocol l2tp", "  virtual-template 1",
        " no l2tp tunnel authentication", "crypto ipsec transform-set TS1 esp-3des esp-sha-hmac", " mode transport",
        "crypto dynamic-map DYN_MAP 10", " set nat demux", " set transform-set TS1",
        "crypto map CRYPT_MAP 6000 ipsec-isakmp dynamic DYN_MAP", "router ospf 1", " network 11.0.0.0 0.0.0.255 area 0",
        "ip local pool POOL 20.0.0.100 20.0.0.110", "line con 0", " exec-timeout 0 0", "crypto isakmp key cisco hostname w2k01")) {
      assertThat(printed.lines()).as(l).contains(l);
    }
  }

  @Test
  void showOutputMasksSecrets() {
    String shown = ConfigPrinter.masked(Configs.parse(Configs.seed().replace("key *****", "key s3cr3t-psk")));
    assertThat(shown).doesNotContain("s3cr3t-psk").doesNotContain("cisco hostname")
        .contains("crypto isakmp key ***** hostname w2k01").contains("key *****");
  }

  @Test
  void roundTripsThroughThePrinter() {
    String once = ConfigPrinter.full(c);
    Config again = Configs.parse(once);
    assertThat(again).isEqualTo(c);
    assertThat(ConfigPrinter.full(again)).isEqualTo(once);
  }

  /** Found by ConfigLoaderFuzzTest: an IP line after a line block printed before it, and the reloaded config differed. */
  @Test
  void inertCommandsOutOfIosOrderLoadToTheConfigTheirPrintLoadsTo() {
    Config c = Configs.parse("line vty 0 4\n exec-timeout 0 0\nip classless\nversion 12.3\n");
    String printed = ConfigPrinter.full(c);
    assertThat(printed.indexOf("version 12.3")).isLessThan(printed.indexOf("ip classless"));
    assertThat(printed.indexOf("ip classless")).isLessThan(printed.indexOf("line vty 0 4"));
    assertThat(Configs.parse(printed)).isEqualTo(c);
  }
}
