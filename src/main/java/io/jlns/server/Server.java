package io.jlns.server;

import io.jlns.cli.CliContext;
import io.jlns.cli.ControlServer;
import io.jlns.config.Config;
import io.jlns.config.ConfigGrammar;
import io.jlns.config.ConfigValidator;
import io.jlns.config.Diagnostic;
import io.jlns.config.IkeEndpoints;
import io.jlns.config.RunningConfig;
import io.jlns.config.SecretHasher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running LNS: its configuration and the control socket; protocol layers plug in here. */
public final class Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("jlns");
  private final RunningConfig running;
  private final ControlServer control;
  private final L2tpRuntime l2tp;
  private final IpsecRuntime ipsec;

  private Server(RunningConfig running, ControlServer control, L2tpRuntime l2tp, IpsecRuntime ipsec) {
    this.running = running;
    this.control = control;
    this.l2tp = l2tp;
    this.ipsec = ipsec;
  }

  /**
   * @param startupFile the file {@code write memory} saves to, or null for the embedded default
   */
  public static Server start(Config config, Path startupFile, Path socket, ConfigGrammar grammar, String version, Ports ports,
      String tun)
      throws IOException {
    RunningConfig running = new RunningConfig(config, startupFile);
    L2tpRuntime l2tp;
    try {
      l2tp = new L2tpRuntime(running, ports.l2tp(), tun);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding L2TP", e);
    } catch (RuntimeException e) {
      throw new IOException("cannot bind L2TP on UDP " + ports.l2tp() + ": " + e.getMessage(), e);
    }
    IpsecRuntime ipsec = new IpsecRuntime(running, l2tp, ports.ike(), ports.natT());
    l2tp.attach(ipsec);
    Clock clock = Clock.systemDefaultZone();
    CliContext ctx = new CliContext(running, grammar, SecretHasher.secure(), clock, clock.instant(), version, new IpsecSnapshot(l2tp, ipsec),
        new VpdnSnapshot(l2tp), LOG::info);
    for (Diagnostic d : ConfigValidator.validate(config, HostAddresses.ipv4())) {
      LOG.warn("%CONFIG-4-CHECK: {}", d.message());
    }
    java.util.concurrent.atomic.AtomicReference<java.util.List<IkeEndpoints.Endpoint>> last =
        new java.util.concurrent.atomic.AtomicReference<>(java.util.List.of());
    java.util.function.Consumer<Config> endpoints = c -> {
      java.util.List<IkeEndpoints.Endpoint> now = IkeEndpoints.of(c, HostAddresses.ipv4());
      if (!now.equals(last.getAndSet(now))) {
        logEndpoints(now);
      }
    };
    endpoints.accept(config);
    running.onChange(endpoints);
    ControlServer control = new ControlServer(ctx, socket);
    LOG.info("%SYS-5-RESTART: jlns {} started as {}; configuration {}; CLI on {}", version, config.hostname(),
        startupFile == null ? "(embedded default)" : startupFile, socket);
    return new Server(running, control, l2tp, ipsec);
  }

  private static void logEndpoints(java.util.List<IkeEndpoints.Endpoint> list) {
    for (IkeEndpoints.Endpoint e : list) {
      LOG.info("%CRYPTO-6-ENDPOINT: crypto map {} on {}: IKE/NAT-T address {} ({})", e.cryptoMap(), e.iface(),
          e.address(), e.reason());
    }
  }

  public RunningConfig running() {
    return running;
  }

  @Override
  public void close() throws IOException {
    control.close();
    ipsec.close();
    l2tp.close();
    LOG.info("%SYS-5-RELOAD: jlns stopped");
  }
}
