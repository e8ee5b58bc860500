package io.jlns.cli;

import io.jlns.config.Config;
import io.jlns.config.Management;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code show ip ssh} in IOS layout: whether SSH is served, the version, the authentication
 * methods, time-out and retries, and the host key in SECSH (OpenSSH) format, so an operator can
 * check the fingerprint a client reports. The SSH server registers its key here, process-wide,
 * as it registers its lines in {@link Terminals}.
 */
public final class ShowSsh {
  private ShowSsh() {}

  private static volatile Supplier<String> hostKey = () -> null;

  /** The SSH server's public host key as an OpenSSH line ({@code ssh-rsa AAAA...}), or null while it has none. */
  public static void hostKey(Supplier<String> key) {
    hostKey = key;
  }

  static String render(Config c, boolean serving) {
    Management m = c.management();
    StringBuilder b = new StringBuilder();
    if (!serving) {
      b.append("SSH Disabled - version 2.0\n");
      b.append(m.sshEnabled() ? "%Please create RSA keys to enable SSH (and check 'ip ssh server port')\n"
          : "%No vty line has 'transport input ssh'\n");
    } else {
      b.append("SSH Enabled - version 2.0\n");
    }
    List<String> methods = m.pubkeys().isEmpty() ? List.of("password") : List.of("publickey", "password");
    b.append("Authentication methods:").append(String.join(",", methods)).append('\n');
    b.append("Authentication timeout: ").append(m.ssh().timeoutSeconds()).append(" secs; Authentication retries: ")
        .append(m.ssh().retries()).append('\n');
    b.append("TCP port: ").append(m.ssh().port()).append('\n');
    String key = hostKey.get();
    if (key != null) {
      b.append("IOS Keys in SECSH format(ssh-rsa, base64 encoded): ").append(c.hostname()).append('\n').append(key).append('\n');
    }
    return b.toString();
  }

  static boolean serving() {
    return hostKey.get() != null;
  }
}
