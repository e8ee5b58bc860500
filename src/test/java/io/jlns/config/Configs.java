package io.jlns.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Loading helpers for tests: a fixed-seed hasher so results repeat. */
final class Configs {
  private Configs() {}

  static final ConfigGrammar GRAMMAR = new ConfigGrammar();

  static ConfigLoader loader() {
    return new ConfigLoader(GRAMMAR, new SecretHasher(new SplittableRandom(1)));
  }

  static ConfigLoader.Loaded load(String text) {
    return loader().load(text);
  }

  static Config parse(String text) {
    ConfigLoader.Loaded l = load(text);
    if (!l.ok()) {
      throw new AssertionError("config has errors: " + l.diagnostics());
    }
    return l.config();
  }

  /** The seed document's example configuration, verbatim (its key masked as published). */
  static String seed() {
    try (InputStream in = Configs.class.getResourceAsStream("/seed/example-config.cfg")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
