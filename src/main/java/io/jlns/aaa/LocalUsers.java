package io.jlns.aaa;

import io.jlns.config.Config;
import io.jlns.config.SecretHasher;
import io.jlns.config.User;
import io.jlns.ppp.Credentials;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code aaa authentication ppp default local}: the {@code username} lines of the running configuration. */
public final class LocalUsers implements Credentials {
  private final Supplier<Config> config;

  public LocalUsers(Supplier<Config> config) {
    this.config = config;
  }

  @Override
  public Optional<String> cleartext(String user) {
    User u = config.get().users().get(user);
    return u == null || u.isSecret() ? Optional.empty() : u.credential().cleartext();
  }

  @Override
  public boolean verify(String user, String password) {
    User u = config.get().users().get(user);
    return u != null && SecretHasher.verify(u.credential(), password);
  }

  @Override
  public boolean exists(String user) {
    return config.get().users().containsKey(user);
  }
}
