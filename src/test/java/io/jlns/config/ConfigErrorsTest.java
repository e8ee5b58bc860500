package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Diagnostic.Severity;
import org.junit.jupiter.api.Test;

class ConfigErrorsTest {
  @Test
  void aTypoIsAnErrorWithLineColumnAndCaret() {
    ConfigLoader.Loaded l = Configs.load("hostname R1\n!\ncrypto isakmp polcy 1\n encr aes\n");
    assertThat(l.ok()).isFalse();
    Diagnostic d = l.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR).findFirst().orElseThrow();
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(14);
    assertThat(d.render("f.cfg")).isEqualTo(
        "f.cfg:3:15: error: Invalid input detected at '^' marker.\ncrypto isakmp polcy 1\n              ^");
    assertThat(d.renderLine("f.cfg")).isEqualTo(
        "f.cfg:3:15: error: Invalid input detected at '^' marker. Line: 'crypto isakmp polcy 1', at 'polcy'");
  }

  @Test
  void aLineBelowEndIsNotReadAndSaysSo() {
    ConfigLoader.Loaded l = Configs.load("hostname R1\n!\nend\n\n! comment\ncrypto isakmp polcy 1\nhostname R2\n");
    assertThat(l.ok()).isTrue();
    assertThat(l.config().hostname()).isEqualTo("R1");
    assertThat(l.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.renderLine("f.cfg")).isEqualTo("f.cfg:6: warning: not read, it is below 'end' (line 3): crypto isakmp polcy 1");
    });
  }

  @Test
  void aFileWithAnyErrorYieldsNoConfiguration() {
    assertThat(Configs.load("hostname R1\nip local pool P 10.0.0.1 10.0.0.300\n").config()).isNull();
  }

  @Test
  void badValuesAreErrorsThatSayWhy() {
    ConfigLoader.Loaded l = Configs.load("ip local pool P 10.0.0.9 10.0.0.1\n");
    assertThat(l.diagnostics().get(0).message()).isEqualTo("Invalid pool range: 10.0.0.1 is below 10.0.0.9");
    l = Configs.load("interface Loopback0\n ip address 10.0.0.1 255.0.255.0\n");
    assertThat(l.diagnostics().get(0).message()).contains("Bad mask 255.0.255.0");
    l = Configs.load("crypto ipsec transform-set T esp-aes esp-3des\n");
    assertThat(l.diagnostics().get(0).message()).isEqualTo("A transform set takes one encryption transform");
    l = Configs.load("crypto ipsec transform-set T esp-gcm 256 esp-sha-hmac\n");
    assertThat(l.diagnostics().get(0).message()).contains("esp-gcm authenticates by itself");
  }

  @Test
  void aMistypedGlobalCommandAfterAnOpaqueBlockIsStillAnError() {
    ConfigLoader.Loaded l = Configs.load("router ospf 1\n network 10.0.0.0 0.0.0.255 area 0\nip local pol P 10.0.0.1\n");
    assertThat(l.ok()).isFalse();
    assertThat(l.diagnostics()).anyMatch(d -> d.severity() == Severity.ERROR && d.line() == 3);
  }

  @Test
  void aGlobalCommandAfterAnInterfaceLeavesTheInterface() {
    // "route" abbreviates the interface's "ip route-cache", but kept-verbatim commands must be
    // spelled out, so "ip route ..." falls back to global configuration, as in IOS.
    Config c = Configs.parse("interface FastEthernet0/0\n duplex full\nip route 10.0.0.0 255.0.0.0 192.0.2.1\n");
    assertThat(c.interfaces().get("FastEthernet0/0").extra()).containsExactly("duplex full");
    assertThat(c.inert()).extracting(InertCommand::line).containsExactly("ip route 10.0.0.0 255.0.0.0 192.0.2.1");
  }

  @Test
  void theValidatorSaysWhatWillNotWorkAsWritten() {
    Config c = Configs.parse(Configs.seed().replace("key *****", "key k")
        .replace("aaa authentication ppp default local", "aaa authentication ppp default group radius local")
        .replace("  ppp authentication chap ms-chap", ""));
    assertThat(ConfigValidator.validate(c, null)).extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("uses server group radius, which has no RADIUS server"))
        .anyMatch(m -> m.contains("Virtual-Template1 has no 'ppp authentication'"))
        .anyMatch(m -> m.contains("no username is configured"));
  }

  @Test
  void overlappingPoolsAreRefused() {
    ConfigLoader.Loaded l = Configs.load("ip local pool A 10.0.0.1 10.0.0.10\nip local pool B 10.0.0.5 10.0.0.20\n");
    assertThat(l.diagnostics().get(0).message()).contains("overlaps pool A");
  }

  @Test
  void aBangAtTheEndOfAKeyIsPartOfTheKey() {
    Config c = Configs.parse("crypto keyring K\n pre-shared-key address 0.0.0.0 0.0.0.0 key abc!\n");
    assertThat(c.keyrings().get("K").keys().get(0).key().value()).isEqualTo("abc!");
  }

  @Test
  void interfaceNamesAreNormalisedLikeIos() {
    Config c = Configs.parse("int fa0/0\n ip address 10.0.0.1 255.255.255.0\ninterface loopback 0\ninterface Virtual-Template 1\n");
    assertThat(c.interfaces()).containsOnlyKeys("FastEthernet0/0", "Loopback0", "Virtual-Template1");
  }

  @Test
  void noFormsRemoveOrRestoreDefaults() {
    Config c = Configs.parse(Configs.seed().replace("key *****", "key k") + "\n");
    ConfigDraft d = c.draft();
    ConfigInterpreter in = new ConfigInterpreter(Configs.GRAMMAR);
    ConfigEdit e = new ConfigEdit(d, SecretHasher.secure());
    for (String line : new String[] {"crypto dynamic-map DYN_MAP 10", "no set nat demux", "exit",
        "no crypto ipsec security-association lifetime seconds", "crypto isakmp policy 1", "no group", "exit",
        "no ip local pool POOL", "vpdn-group L2TP", "l2tp tunnel authentication"}) {
      assertThat(in.execute(e, line, null).ok()).as(line).isTrue();
    }
    Config after = d.freeze();
    assertThat(after.dynamicMapEntry("DYN_MAP", 10).orElseThrow().natDemux()).isFalse();
    assertThat(after.saLifetimeSeconds()).isEqualTo(Config.DEFAULT_SA_SECONDS);
    assertThat(after.isakmpPolicies().get(1).group()).isEqualTo(DhGroup.GROUP1);
    assertThat(after.pools()).isEmpty();
    assertThat(after.vpdnGroups().get("L2TP").tunnelAuthentication()).isTrue();
    assertThat(ConfigPrinter.full(after)).doesNotContain("set nat demux").doesNotContain(" group 2");
  }

  /** Found by ConfigLoaderFuzzTest: the line read as a command with its glued '!' and threw a NullPointerException. */
  @Test
  void anIncompleteLineWithAGluedBangIsAnErrorNotACrash() {
    ConfigLoader.Loaded l = Configs.load("aaa new-model\naaa accounting network!\n");
    assertThat(l.ok()).isFalse();
    assertThat(l.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).singleElement()
        .satisfies(d -> assertThat(d.line()).isEqualTo(2));
  }

  /** Found by ConfigLoaderFuzzTest: of "R2!!" one bang was kept, and the printed "R2!" read back as R2. */
  @Test
  void everyGluedBangIsTakenOffTheLastWord() {
    Config c = Configs.parse("aaa new-model\naaa group server radius CORP\n server name R2!!\n");
    assertThat(c.aaa().groups().get("CORP")).containsExactly("R2");
  }
}
