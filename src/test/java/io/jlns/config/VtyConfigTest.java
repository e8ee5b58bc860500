package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code line vty}, {@code ip ssh}, {@code login block-for} and standard access lists in IOS syntax. */
class VtyConfigTest {
  private static final String TEXT = """
      username admin privilege 15 secret 0 adminpw
      ip ssh version 2
      ip ssh server port 2222
      login block-for 60 attempts 3 within 30
      access-list 10 permit 127.0.0.1
      access-list 10 permit 192.0.2.0 0.0.0.255
      access-list 10 deny any
      ip access-list standard NOC
       remark the NOC
       permit host 198.51.100.7
      line con 0
       exec-timeout 0 0
      line vty 0 4
       access-class 10 in
       exec-timeout 5 30
       password 0 linepw
       login local
       transport input ssh
      line vty 5 15
       transport input none
      """;

  @Test
  void vtysSshAndAccessListsAreUnderstoodAndPrintedBack() {
    Config c = Configs.parse(TEXT);
    Management m = c.management();
    Management.Vty v = m.vtys().get("0 4");
    assertThat(v.loginLocal()).isTrue();
    assertThat(v.ssh()).isTrue();
    assertThat(v.execTimeoutSeconds()).isEqualTo(330);
    assertThat(v.accessClass()).isEqualTo("10");
    assertThat(m.vtys().get("5 15").ssh()).isFalse();
    assertThat(m.sshEnabled()).isTrue();
    assertThat(m.lineCount()).isEqualTo(16);
    assertThat(m.ssh()).isEqualTo(new Management.Ssh(2, 120, 3, 2222));
    assertThat(m.loginBlock()).isEqualTo(new Management.LoginBlock(60, 3, 30));
    Management.AccessList acl = m.accessLists().get("10");
    assertThat(acl.permits(Ipv4Address.of("127.0.0.1"))).isTrue();
    assertThat(acl.permits(Ipv4Address.of("192.0.2.77"))).isTrue();
    assertThat(acl.permits(Ipv4Address.of("127.0.0.2"))).isFalse();
    assertThat(m.accessLists().get("NOC").permits(Ipv4Address.of("198.51.100.7"))).isTrue();
    assertThat(m.accessLists().get("NOC").permits(Ipv4Address.of("198.51.100.8"))).isFalse();
    String full = ConfigPrinter.full(c);
    assertThat(full).contains("ip ssh version 2\nip ssh server port 2222\nlogin block-for 60 attempts 3 within 30\n",
        "access-list 10 permit host 127.0.0.1\naccess-list 10 permit 192.0.2.0 0.0.0.255\naccess-list 10 deny any\n"
            + "ip access-list standard NOC\n remark the NOC\n permit host 198.51.100.7\n",
        "line con 0\n exec-timeout 0 0\n!\nline vty 0 4\n access-class 10 in\n exec-timeout 5 30\n password 0 linepw\n"
            + " login local\n transport input ssh\nline vty 5 15\n");
    assertThat(Configs.parse(full)).isEqualTo(c);
    assertThat(ConfigPrinter.masked(c)).contains(" password *****").doesNotContain("linepw");
  }

  @Test
  void mistakesAreErrors() {
    assertThat(Configs.load("line vty 4 0\n").ok()).isFalse();
    assertThat(Configs.load("line vty 0 4\nline vty 3 6\n").ok()).isFalse();
    assertThat(Configs.load("line vty 0 4\n transport input ftp\n").ok()).isFalse();
    assertThat(Configs.load("ip ssh time-out 500\n").ok()).isFalse();
    // A standard list's entry that does not parse is an error, not an inert line an access-class would silently miss.
    for (String bad : new String[] {"access-list 10 permit 300.0.0.1", "access-list 11 permit host 1.2.3.4 0.0.0.0",
        "access-list 12 foo", "access-list 1300 deny any 1.2.3.4"}) {
      assertThat(Configs.load(bad + "\n").diagnostics()).as(bad).anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR
          && d.message().startsWith("Invalid standard access list entry"));
    }
    assertThat(Configs.load("access-list 101 permit ip any any\n").ok()).isTrue(); // extended: kept, inert
  }

  /** IOS leaves line mode for a command line mode does not know: the seed ends with 'line vty 0 4', so
   *  global lines appended to it (logging, hostname) must reach the global mode, not be kept as line settings. */
  @Test
  void globalCommandsAfterLineVtyLeaveLineMode() {
    Config c = Configs.parse("""
        line vty 0 4
         logging synchronous
         ipv6 access-class V6 in
        !
        logging buffered 200000
        logging host 192.0.2.2 transport udp port 5514
        hostname AFTER-LINE
        """);
    assertThat(c.logging().bufferSize()).isEqualTo(200000);
    assertThat(c.logging().hosts()).hasSize(1);
    assertThat(c.hostname()).isEqualTo("AFTER-LINE");
    assertThat(c.management().vtys().get("0 4").extra()).containsExactly("logging synchronous", "ipv6 access-class V6 in");
    assertThat(ConfigPrinter.full(c)).contains("line vty 0 4\n logging synchronous\n ipv6 access-class V6 in\n")
        .contains("\nlogging host 192.0.2.2 transport udp port 5514\n");
  }
}
