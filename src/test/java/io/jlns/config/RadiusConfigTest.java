package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RADIUS and AAA method lists: IOS syntax, IOS defaults, printed back in IOS order with keys masked. */
class RadiusConfigTest {
  static final String CONFIG = """
      aaa new-model
      aaa group server radius CORP
       server name R1
       server name R2
      aaa authentication ppp default group CORP local
      aaa authentication ppp VPN group radius none
      aaa authorization network default group CORP
      aaa accounting update periodic 5
      aaa accounting network default start-stop group CORP
      aaa server radius dynamic-author
       client 192.0.2.10 server-key 0 da-secret
       port 3799
      interface Loopback0
       ip address 192.0.2.1 255.255.255.255
      ip radius source-interface Loopback0
      radius-server host 192.0.2.30 auth-port 1812 acct-port 1813 key 0 legacy-secret
      radius-server dead-criteria time 5 tries 2
      radius-server timeout 3
      radius-server retransmit 2
      radius-server deadtime 1
      radius server R1
       address ipv4 192.0.2.10 auth-port 1812 acct-port 1813
       key 0 r1-secret
       timeout 2
      radius server R2
       address ipv4 192.0.2.20
       key 7 0822455D0A16
       retransmit 1
      """;

  @Test
  void everyCommandIsModelled() {
    Config c = Configs.parse(CONFIG);
    Aaa aaa = c.aaa();
    assertThat(c.aaaPppMethods()).containsExactly("group CORP", "local");
    assertThat(aaa.pppLists().get("VPN")).containsExactly("group radius", "none");
    assertThat(aaa.group("CORP")).extracting(Aaa.RadiusServer::name).containsExactly("R1", "R2");
    assertThat(aaa.group("radius")).extracting(Aaa.RadiusServer::name).containsExactly("192.0.2.30", "R1", "R2");
    Aaa.RadiusServer r1 = aaa.servers().get("R1");
    assertThat(r1.address()).isEqualTo(Ipv4Address.of("192.0.2.10"));
    assertThat(r1.authPort()).isEqualTo(1812);
    assertThat(r1.secret(aaa.globals()).cleartext()).contains("r1-secret");
    assertThat(r1.timeoutSeconds(aaa.globals())).isEqualTo(2);
    assertThat(r1.retransmits(aaa.globals())).isEqualTo(2);
    Aaa.RadiusServer r2 = aaa.servers().get("R2");
    assertThat(r2.authPort()).isEqualTo(1645);
    assertThat(r2.acctPort()).isEqualTo(1646);
    assertThat(r2.timeoutSeconds(aaa.globals())).isEqualTo(3);
    assertThat(r2.retransmits(aaa.globals())).isEqualTo(1);
    assertThat(aaa.servers().get("192.0.2.30").legacy()).isTrue();
    assertThat(aaa.globals().deadTime()).isEqualTo(5);
    assertThat(aaa.globals().deadTries()).isEqualTo(2);
    assertThat(aaa.globals().deadtimeMinutes()).isEqualTo(1);
    assertThat(aaa.globals().sourceInterface()).isEqualTo("Loopback0");
    assertThat(aaa.authorizationNetwork()).containsExactly("group CORP");
    assertThat(aaa.accountingNetwork()).containsExactly("group CORP");
    assertThat(aaa.accountingUpdateMinutes()).isEqualTo(5);
    assertThat(aaa.dynamicAuthor().port()).isEqualTo(3799);
    assertThat(aaa.dynamicAuthor().clients().get(Ipv4Address.of("192.0.2.10")).cleartext()).contains("da-secret");
    assertThat(Configs.load(CONFIG).diagnostics()).isEmpty();
  }

  @Test
  void printedBackInIosOrderWithEveryKeyMasked() {
    Config c = Configs.parse(CONFIG);
    String shown = ConfigPrinter.masked(c);
    assertThat(shown).doesNotContain("secret0", "r1-secret", "da-secret", "legacy-secret", "0822455D0A16");
    assertThat(shown).contains("""
        aaa new-model
        aaa group server radius CORP
         server name R1
         server name R2
        !
        aaa authentication ppp default group CORP local
        aaa authentication ppp VPN group radius none
        aaa authorization network default group CORP
        aaa accounting update periodic 5
        aaa accounting network default start-stop group CORP
        !
        aaa server radius dynamic-author
         client 192.0.2.10 server-key 0 *****
         port 3799
        !
        """);
    assertThat(shown).contains("""
        ip radius source-interface Loopback0
        radius-server host 192.0.2.30 auth-port 1812 acct-port 1813 key 0 *****
        radius-server dead-criteria time 5 tries 2
        radius-server timeout 3
        radius-server retransmit 2
        radius-server deadtime 1
        !
        radius server R1
         address ipv4 192.0.2.10 auth-port 1812 acct-port 1813
         timeout 2
         key 0 *****
        !
        radius server R2
         address ipv4 192.0.2.20 auth-port 1645 acct-port 1646
         retransmit 1
         key 7 *****
        !
        """);
    assertThat(Configs.parse(ConfigPrinter.full(c))).isEqualTo(c);
  }

  @Test
  void mistakesAreErrorsOrWarnings() {
    assertThat(Configs.load("aaa authentication ppp default group\n").ok()).isFalse();
    assertThat(Configs.load("aaa authentication ppp default none local\n").ok()).isFalse();
    assertThat(Configs.load("aaa authentication ppp default radius\n").ok()).isFalse();
    assertThat(Configs.load("radius-server hots 192.0.2.1\n").ok()).isFalse();
    assertThat(Configs.load("radius-server timeout 0\n").ok()).isFalse();
    assertThat(Configs.load("aaa group server radius radius\n").ok()).isFalse();
    assertThat(ConfigValidator.validate(Configs.parse("aaa new-model\naaa authentication ppp default group NOPE\n"), null)
        .toString()).contains("server group NOPE, which is not defined");
    assertThat(ConfigValidator.validate(Configs.parse("aaa new-model\nradius server X\n address ipv4 192.0.2.1\n"), null)
        .toString()).contains("radius server X has no key");
    assertThat(ConfigValidator.validate(Configs.parse(CONFIG), null).toString()).doesNotContain("radius", "group");
  }

  @Test
  void noFormsRemoveAndRestoreDefaults() {
    Config c = Configs.parse(CONFIG + """
        no radius server R2
        no radius-server host 192.0.2.30
        no radius-server timeout
        no radius-server dead-criteria
        no aaa authentication ppp VPN
        no aaa accounting network default
        no aaa server radius dynamic-author
        aaa group server radius CORP
         no server name R2
        """);
    assertThat(c.aaa().servers()).containsOnlyKeys("R1");
    assertThat(c.aaa().globals().timeout()).isEqualTo(5);
    assertThat(c.aaa().globals().deadTime()).isEqualTo(5 * 3);
    assertThat(c.aaa().pppLists()).containsOnlyKeys("default");
    assertThat(c.aaa().accountingNetwork()).isEmpty();
    assertThat(c.aaa().dynamicAuthor().enabled()).isFalse();
    assertThat(c.aaa().groups().get("CORP")).containsExactly("R1");
  }

  @Test
  void theTemplateNamesItsList() {
    Config c = Configs.parse(CONFIG + "interface Virtual-Template1\n ppp authentication ms-chap-v2 chap VPN\n");
    Interface vt = c.interfaces().get("Virtual-Template1");
    assertThat(vt.pppAuthentication()).containsExactly("ms-chap-v2", "chap");
    assertThat(vt.pppAuthList()).isEqualTo("VPN");
    assertThat(ConfigPrinter.masked(c)).contains(" ppp authentication ms-chap-v2 chap VPN\n");
    assertThat(Configs.parse(CONFIG + "interface Virtual-Template1\n ppp authentication pap default\n")
        .interfaces().get("Virtual-Template1").pppAuthList()).isNull();
  }
}
