package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SecretHasherTest {
  @Test
  void md5CryptMatchesOpenssl() {
    // openssl passwd -1 -salt saltsalt password
    assertThat(SecretHasher.md5Crypt("password", "$1$saltsalt$")).hasValue("$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/");
    assertThat(SecretHasher.verify(new Secret(5, "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"), "password")).isTrue();
    assertThat(SecretHasher.verify(new Secret(5, "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"), "Password")).isFalse();
  }

  @Test
  void type8VerifiesThePublishedExample() {
    // Cisco IOS $8$ (PBKDF2-SHA256) example hash of "hashcat", as published with hashcat mode 9200.
    Secret s = new Secret(8, "$8$TnGX/fE4KGHOVU$pEhnEvxrvaynpi8j4f.EMHr6M.FzU8xnZnBr/tJdFWk");
    assertThat(SecretHasher.verify(s, "hashcat")).isTrue();
    assertThat(SecretHasher.verify(s, "hashcaT")).isFalse();
  }

  @Test
  void clearSecretsBecomeType8ThatVerify() {
    Secret s = new SecretHasher(new SplittableRandom(7)).type8("letmein");
    assertThat(s.type()).isEqualTo(8);
    assertThat(s.value()).matches("\\$8\\$[./0-9A-Za-z]{14}\\$[./0-9A-Za-z]{43}").doesNotContain("letmein");
    assertThat(SecretHasher.verify(s, "letmein")).isTrue();
  }

  @Test
  void type7DecodesTheClassicExample() {
    assertThat(new Secret(7, "0822455D0A16").cleartext()).hasValue("cisco");
    assertThat(Type7.decode(Type7.encode("s3cret pass", 9))).hasValue("s3cret pass");
  }

  @Test
  void toStringNeverShowsTheValue() {
    assertThat(Secret.clear("hunter2").toString()).doesNotContain("hunter2");
  }

  @Test
  void enableSecretGivenInClearIsStoredHashed() {
    Config c = Configs.parse("enable secret 0 topsecret\nusername bob password 0 bobpw\n");
    assertThat(c.enableSecret().type()).isEqualTo(8);
    assertThat(ConfigPrinter.full(c)).doesNotContain("topsecret").contains("username bob password 0 bobpw");
    assertThat(SecretHasher.verify(c.enableSecret(), "topsecret")).isTrue();
  }
}
