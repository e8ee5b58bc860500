package io.jlns.cli;

import io.jlns.config.Config;
import io.jlns.config.ConfigGrammar;
import io.jlns.config.ConfigLoader;
import io.jlns.config.RunningConfig;
import io.jlns.config.SecretHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A CLI context over the seed configuration (key filled in), with a fixed clock and a log to inspect. */
final class Sessions {
  final List<String> log = new ArrayList<>();
  final RunningConfig running;
  final CliContext ctx;

  Sessions(String text, Path startupFile) {
    this(text, startupFile, IpsecView.NONE, VpdnView.NONE);
  }

  Sessions(String text, Path startupFile, IpsecView ipsec, VpdnView vpdn) {
    this(load(text, new ConfigGrammar()), startupFile, ipsec, vpdn);
  }

  /** Over a configuration already loaded with {@code g} (the fuzz tests load the seed once). */
  Sessions(Loaded loaded, Path startupFile, IpsecView ipsec, VpdnView vpdn) {
    ConfigGrammar g = loaded.grammar();
    SecretHasher h = new SecretHasher(new SplittableRandom(3));
    running = new RunningConfig(loaded.config(), startupFile);
    Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
    ctx = new CliContext(running, g, h, Clock.fixed(t0.plusSeconds(3725), ZoneOffset.UTC), t0, "test", ipsec, vpdn, io.jlns.cli.AaaView.NONE,
        log::add);
  }

  record Loaded(Config config, ConfigGrammar grammar) {}

  static Loaded load(String text, ConfigGrammar g) {
    ConfigLoader.Loaded l = new ConfigLoader(g, new SecretHasher(new SplittableRandom(3))).load(text);
    if (!l.ok()) {
      throw new AssertionError(l.diagnostics().toString());
    }
    return new Loaded(l.config(), g);
  }

  static String seed() {
    try (InputStream in = Sessions.class.getResourceAsStream("/seed/example-config.cfg")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("key *****", "key seed-psk");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  ExecSession session() {
    return new ExecSession(ctx, "vty0");
  }

  Config config() {
    return running.get();
  }
}
