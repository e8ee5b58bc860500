package io.jlns.config;

import java.util.List;

/** {@code crypto keyring NAME}: a named set of pre-shared keys. */
public record Keyring(String name, List<PresharedKey> keys) {
  public Keyring {
    keys = List.copyOf(keys);
  }
}
