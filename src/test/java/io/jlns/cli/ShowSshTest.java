package io.jlns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.ConfigGrammar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code show ip ssh} in IOS layout, from the configuration and the key the SSH server registered. */
class ShowSshTest {
  @AfterEach
  void noKey() {
    ShowSsh.hostKey(() -> null);
  }

  @Test
  void enabledWithItsKeyOrDisabledSayingWhy() {
    String text = Sessions.seed().replace("line vty 0 4\n", "ip ssh time-out 60\nip ssh pubkey-chain\n username noc\n"
        + "  key-hash ssh-rsa 47C8A9FEC4F3869CE062CE8D4B6DFC7C\nline vty 0 4\n login local\n transport input ssh\n");
    ExecSession s = new Sessions(Sessions.load(text, new ConfigGrammar()), null, IpsecView.NONE, VpdnView.NONE).session();
    assertThat(s.execute("show ip ssh").output()).startsWith("SSH Disabled - version 2.0\n%Please create RSA keys");
    ShowSsh.hostKey(() -> "ssh-rsa AAAAB3NzaC1yc2E");
    assertThat(s.execute("show ip ssh").output()).isEqualTo("SSH Enabled - version 2.0\n"
        + "Authentication methods:publickey,password\nAuthentication timeout: 60 secs; Authentication retries: 3\nTCP port: 22\n"
        + "IOS Keys in SECSH format(ssh-rsa, base64 encoded): 72_LNS\nssh-rsa AAAAB3NzaC1yc2E\n");
  }
}
