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
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running LNS: its configuration, the control socket, and one shard per event loop over the
 * services they share (see {@link Shard} and {@link Shared}; docs/threads.md says who owns what).
 */
public final class Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("jlns");
  private final RunningConfig running;
  private final ControlServer control;
  private final EventLoopGroup group;
  private final Shared shared;
  private final PlainEsp plain;
  private final KernelMode kernel;
  private final DynamicAuthor dae;
  private final LoggingRuntime logging;
  private io.jlns.vty.VtyServer vty;
  private io.jlns.metrics.MetricsExporter metrics;
  private ConfigGrammar grammar;

  private Server(RunningConfig running, ControlServer control, EventLoopGroup group, Shared shared, PlainEsp plain,
      KernelMode kernel, DynamicAuthor dae, LoggingRuntime logging) {
    this.dae = dae;
    this.logging = logging;
    this.running = running;
    this.control = control;
    this.group = group;
    this.shared = shared;
    this.plain = plain;
    this.kernel = kernel;
  }

  /** Event loops when not told: one per core. */
  static int defaultLoops() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * @param startupFile the file {@code write memory} saves to, or null for the embedded default
   */
  public static Server start(Config config, Path startupFile, Path socket, ConfigGrammar grammar, String version, Ports ports,
      String tun, int loops)
      throws IOException {
    RunningConfig running = new RunningConfig(config, startupFile);
    LoggingRuntime logging = new LoggingRuntime(running, java.time.Instant.now());
    int n = Math.max(1, loops);
    EventLoopGroup group = Epoll.isAvailable() ? new EpollEventLoopGroup(n) : new NioEventLoopGroup(n);
    Shared shared = new Shared(running, Math.max(1, Integer.getInteger("jlns.crypto.threads", defaultLoops())));
    List<Shard> shards = new ArrayList<>();
    PlainEsp plain = new PlainEsp(IpsecAddresses.listening(config), (local, ip) -> {
      // From a raw socket's thread: to the loop that owns the SA (unknown SPIs: the first loop counts the drop).
      Shard owner = shared.spis.getOrDefault(PlainEsp.spi(ip), shared.shards().get(0));
      Capturing.plainEsp(shared.captures, ip);
      owner.loop().execute(() -> PlainEsp.received(local, ip, owner.ipsec().drops,
          (l, sender, esp, off, len) -> owner.ipsec().onEsp(l, sender, esp, off, len, false)));
    });
    KernelMode kernel = null;
    try {
      for (int i = 0; i < n; i++) {
        EventLoop loop = group.next();
        L2tpRuntime l2tp = new L2tpRuntime(running, shared, loop, ports.l2tp(), i == 0);
        IpsecRuntime ipsec = new IpsecRuntime(shared, i, l2tp, plain, ports.ike(), ports.natT());
        l2tp.attach(ipsec);
        shards.add(new Shard(i, loop, l2tp, ipsec));
      }
      shared.shards(shards);
      if (tun != null) {
        kernel = new KernelMode(tun, config, shared.router);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding", e);
    } catch (RuntimeException | IOException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      plain.close();
      throw new IOException("cannot start: " + e.getMessage(), e);
    }
    Clock clock = Clock.systemDefaultZone();
    IpsecSnapshot ipsecView = new IpsecSnapshot(shared);
    shared.captures.liveIkeKeys(ipsecView::ikeKeys);
    CliContext ctx = new CliContext(running, grammar, SecretHasher.secure(), clock, clock.instant(), version, ipsecView,
        new VpdnSnapshot(shared), shared.radius.view(), LOG::info);
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
    // The SSH host key lives beside the configuration (IOS keeps it in NVRAM beside the startup config).
    Path keyDir = startupFile != null ? startupFile.toAbsolutePath().getParent() : socket.toAbsolutePath().getParent();
    io.jlns.vty.VtyServer vty = new io.jlns.vty.VtyServer(ctx, keyDir.resolve("jlns-ssh-host-rsa.key"), LOG::info);
    vty.apply(config);
    running.onChange(vty::apply);
    io.jlns.metrics.MetricsExporter metrics = new io.jlns.metrics.MetricsExporter(ctx, LOG::info);
    metrics.apply(config);
    running.onChange(metrics::apply);
    shared.radius.accounting().nas(io.jlns.aaa.radius.AccountingRequests.ACCOUNTING_ON, shared.sessionIds.nas());
    DynamicAuthor dae = new DynamicAuthor(shared.radius, running, shared);
    dae.apply(config);
    running.onChange(dae::apply);
    LOG.info("%SYS-5-RESTART: jlns {} started as {}; configuration {}; CLI on {}; {} event loop(s), {} Diffie-Hellman worker(s)",
        version, config.hostname(), startupFile == null ? "(embedded default)" : startupFile, socket, n,
        shared.workers.stats().threads());
    Server server = new Server(running, control, group, shared, plain, kernel, dae, logging);
    server.vty = vty;
    server.metrics = metrics;
    server.grammar = grammar;
    return server;
  }

  /**
   * Graceful stop: on each loop, PPP Terminate-Requests, L2TP StopCCNs and IKE Deletes go to every
   * client (in that order: the first two travel inside the SAs the last removes), so clients know
   * at once and reconnect when the server is back, rather than each waiting for its own timeouts.
   * Bounded: a loop that does not answer within a second is not waited for.
   */
  private void farewell(String reason) {
    long t0 = System.nanoTime();
    int tunnels = 0;
    int pairs = 0;
    for (Shard s : shared.shards()) {
      try {
        int[] told = s.loop().submit(() -> new int[] {s.l2tp().farewell(reason), s.ipsec().farewell(reason)})
            .get(1, TimeUnit.SECONDS);
        tunnels += told[0];
        pairs += told[1];
      } catch (Exception e) {
        LOG.warn("%SYS-4-SHUTDOWN: event loop {} did not say goodbye to its clients: {}", s.index(), e.toString());
      }
    }
    LOG.info("%SYS-5-SHUTDOWN: {} L2TP tunnel(s) stopped and {} ESP SA pair(s) deleted, clients told, in {} ms", tunnels, pairs,
        (System.nanoTime() - t0) / 1_000_000);
  }

  private static void logEndpoints(java.util.List<IkeEndpoints.Endpoint> list) {
    for (IkeEndpoints.Endpoint e : list) {
      LOG.info("%CRYPTO-6-ENDPOINT: crypto map {} on {}: IKE/NAT-T address {} ({})", e.cryptoMap(), e.iface(),
          e.address(), e.reason());
    }
  }

  /**
   * SIGHUP ({@code systemctl reload}): the startup file read again and, if it loads without
   * errors or masked secrets, made the running configuration, as {@code configure replace} does:
   * each layer applies what changed; clients whose settings did not change go on untouched.
   */
  public void reload() {
    Path f = running.startupFile();
    if (f == null) {
      return;
    }
    try {
      io.jlns.config.ConfigLoader.Loaded l = new io.jlns.config.ConfigLoader(grammar, SecretHasher.secure())
          .load(java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.UTF_8));
      String why = !l.ok() ? l.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
          .map(d -> d.renderLine(f.toString())).findFirst().orElse("errors")
          : ConfigValidator.maskedSecrets(l.config()).stream().findFirst().map(m -> m + " is masked ('*****')").orElse(null);
      if (why != null) {
        LOG.error("%SYS-3-CONFIG_R_FAIL: {} not applied, the running configuration is unchanged: {}", f, why);
        return;
      }
      running.publish(l.config());
      l.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING)
          .forEach(d -> LOG.warn("%SYS-4-CONFIG_R_WARN: {}", d.renderLine(f.toString())));
      LOG.info("%SYS-5-CONFIG_R: Running configuration replaced with the contents of {} (SIGHUP): {} lines", f, l.lines());
    } catch (java.io.IOException e) {
      LOG.error("%SYS-3-CONFIG_R_FAIL: cannot read {}: {}", f, e.getMessage());
    }
  }

  public RunningConfig running() {
    return running;
  }

  @Override
  public void close() throws IOException {
    control.close();
    vty.close();
    metrics.close();
    farewell("the server is stopping");
    dae.close();
    shared.radius.accounting().nas(io.jlns.aaa.radius.AccountingRequests.ACCOUNTING_OFF, shared.sessionIds.nas());
    shared.radius.accounting().drain(2000);
    for (Shard s : shared.shards()) {
      s.ipsec().close();
      s.l2tp().close();
    }
    if (kernel != null) {
      kernel.close();
    }
    plain.close();
    shared.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    LOG.info("%SYS-5-RELOAD: jlns stopped");
    logging.close();
  }
}
