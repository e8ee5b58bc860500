package io.jlns.cli;

import io.jlns.config.ConfigGrammar;
import io.jlns.config.RunningConfig;
import io.jlns.config.SecretHasher;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What CLI sessions need from the running server: the configuration, the grammar, and facts
 * for {@code show version}. Other layers will add their snapshots here (SAs, tunnels, pools).
 *
 * @param log receives one IOS-style event line ({@code %SYS-5-CONFIG_I: ...})
 */
public record CliContext(
    RunningConfig running,
    ConfigGrammar grammar,
    SecretHasher hasher,
    Clock clock,
    Instant started,
    String version,
    IpsecView ipsec,
    VpdnView vpdn,
    AaaView aaa,
    Consumer<String> log) {}
