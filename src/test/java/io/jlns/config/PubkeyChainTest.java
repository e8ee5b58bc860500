package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ip ssh pubkey-chain}: key-string pasted as IOS takes it, kept as its MD5 key-hash (vectors from ssh-keygen -l -E md5). */
class PubkeyChainTest {
  private static final String RSA = "AAAAB3NzaC1yc2EAAAADAQABAAAAgQDCUWpGlA7c2SHdYNZMVb3cGxFnpgfTiejLk9oI1NGnfefRGDCyTM5SRr8PRD"
      + "pxLDcLk6Biw6I5X7zkkKZSooy/MYAHloISA8jmaG4pBzN5nFajFUg4LMqX7Km64BPVCas3ZRthoUgHQaEtwoQEew4Sj51U2jEc6xKuA7ztB9dd/Q==";
  private static final String ECDSA = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBMPehUZFkV+o+VP+HzcRPf6Uoco3b/XXV5UGE"
      + "gpHgdV8/ae39l3uQ2+WBgRZFnp4u4lU1DvkcTGQ7TT/hokEPpk=";

  @Test
  void aKeyStringOnSeveralLinesBecomesItsKeyHash() {
    Config c = Configs.parse("ip ssh pubkey-chain\n username noc\n  key-string\n   " + RSA.substring(0, 60) + "\n   "
        + RSA.substring(60, 130) + "\n   " + RSA.substring(130) + "\n  exit\n  key-string\nssh-rsa " + RSA + " noc@jump\n  exit\n"
        + " username ops\n  key-string\n" + "ecdsa-sha2-nistp256 " + ECDSA + "\nexit\nhostname AFTER-KEYS\n");
    assertThat(c.management().pubkeys().get("noc")).containsExactly(
        new Management.PubKey("ssh-rsa", "47C8A9FEC4F3869CE062CE8D4B6DFC7C", "noc@jump"));
    assertThat(c.management().pubkeys().get("ops")).containsExactly(
        new Management.PubKey("ecdsa-sha2-nistp256", "74A6C716A8405229BCB847E8281C1376", null));
    assertThat(c.management().hasKey("noc", "47c8a9fec4f3869ce062ce8d4b6dfc7c")).isTrue();
    assertThat(c.management().hasKey("ops", "47C8A9FEC4F3869CE062CE8D4B6DFC7C")).isFalse();
    assertThat(c.hostname()).isEqualTo("AFTER-KEYS");
    String full = ConfigPrinter.full(c);
    assertThat(full).contains("ip ssh pubkey-chain\n  username noc\n   key-hash ssh-rsa 47C8A9FEC4F3869CE062CE8D4B6DFC7C noc@jump\n"
        + "  username ops\n   key-hash ecdsa-sha2-nistp256 74A6C716A8405229BCB847E8281C1376\n");
    assertThat(Configs.parse(full)).isEqualTo(c);
  }

  @Test
  void keyHashAndItsRemoval() {
    Config c = Configs.parse("ip ssh pubkey-chain\n username noc\n  key-hash ssh-rsa 47c8a9fec4f3869ce062ce8d4b6dfc7c\n"
        + "  key-hash ssh-rsa 0123456789ABCDEF0123456789ABCDEF\n  no key-hash ssh-rsa 0123456789ABCDEF0123456789ABCDEF\n");
    assertThat(c.management().pubkeys().get("noc")).extracting(Management.PubKey::md5)
        .containsExactly("47C8A9FEC4F3869CE062CE8D4B6DFC7C");
    assertThat(Configs.parse("ip ssh pubkey-chain\n username noc\n  key-hash ssh-rsa 47C8A9FEC4F3869CE062CE8D4B6DFC7C\n"
        + " no username noc\n").management().pubkeys()).isEmpty();
  }

  @Test
  void badKeysAreRefusedSayingWhy() {
    List<Diagnostic> d = new ConfigLoader(new ConfigGrammar(), SecretHasher.secure()).load(
        "ip ssh pubkey-chain\n username noc\n  key-string\n   not-base64!!\n  exit\n  key-hash ssh-rsa 1234\n").diagnostics();
    assertThat(d).as(d.toString()).extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("key-string of user noc not taken: Invalid key-string: not an SSH public key"))
        .anyMatch(m -> m.contains("Invalid key hash"));
  }

  @Test
  void cryptoKeyGenerateIsAnActionNotASetting() {
    ConfigLoader.Loaded l = Configs.load("crypto key generate rsa general-keys label SSH modulus 2048\n");
    Management.KeyRequest k = l.config().management().keyRequest();
    assertThat(k.bits()).isEqualTo(2048);
    assertThat(ConfigPrinter.full(l.config())).doesNotContain("crypto key");
    assertThat(Configs.parse(ConfigPrinter.full(l.config()))).isEqualTo(l.config()); // what prints the same is equal
    assertThat(Configs.load("crypto key generate rsa\n").config().management().keyRequest().serial()).isNotEqualTo(k.serial());
    assertThat(Configs.load("crypto key generate rsa\n").config().management().keyRequest().bits()).isEqualTo(3072);
    assertThat(Configs.load("crypto key generate rsa modulus 512\n").ok()).isFalse();
    assertThat(Configs.load("crypto key generate rsa modulus 1024\n").diagnostics()).anyMatch(d -> d.message().contains("weak"));
  }
}
