package io.jlns.server;

import io.jlns.cli.InteractiveCli;
import io.jlns.config.ConfigGrammar;
import io.jlns.config.ConfigLoader;
import io.jlns.config.ConfigValidator;
import io.jlns.config.Diagnostic;
import io.jlns.config.SecretHasher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code jlns run | cli | exec | monitor | check}. */
public final class Main {
  private static final String USAGE = """
      usage: jlns run [--config FILE] [--socket PATH] [--l2tp-port N] [--ike-port N] [--nat-t-port N] [--tun NAME] [--loops N]
                                                 run the LNS in the foreground (--tun: kernel mode;
                                                 --loops: packet event loops, default one per core, or JLNS_LOOPS)
             jlns cli [--socket PATH]                   IOS-style CLI on the running server
             jlns exec [--socket PATH] 'CMD' ['CMD'...] run CLI lines, print their output; exit 1 on '%' errors
             jlns monitor [--socket PATH] [--seconds N] ['CMD'...]
                                                 run CLI lines (say 'debug crypto isakmp'), then print log and
                                                 debug lines as they happen ('terminal monitor') for N s (0: ever)
             jlns check --config FILE                   parse and validate a configuration; exit 0 if usable
             jlns install [--root DIR] [--config FILE]  the jar, a jlns command, the systemd unit and /etc/jlns/jlns.cfg
      'jlns run' without --config reads /etc/jlns/jlns.cfg (or JLNS_CONFIG) when it exists; SIGHUP re-reads the file
      and applies it as 'configure replace' would
      environment: JLNS_SOCKET (control socket), JLNS_ENABLE_SECRET (for 'enable' in exec),
                   JLNS_PSK, JLNS_USER, JLNS_PASSWORD (embedded default configuration)""";

  private Main() {}

  public static void main(String[] args) {
    int rc;
    try {
      rc = run(args, System.getenv(), System.out, System.err);
    } catch (IOException e) {
      System.err.println("% jlns: " + e.getMessage());
      rc = 1;
    }
    if (rc != Integer.MIN_VALUE) {
      System.exit(rc);
    }
  }

  /** Returns the exit code, or MIN_VALUE when the server keeps running. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws IOException {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String configFile = null;
    int l2tpPort = Ports.STANDARD.l2tp();
    int ikePort = Ports.STANDARD.ike();
    int natTPort = Ports.STANDARD.natT();
    String tun = null;
    int loops = env.containsKey("JLNS_LOOPS") ? Integer.parseInt(env.get("JLNS_LOOPS")) : Server.defaultLoops();
    String socket = env.get("JLNS_SOCKET");
    long seconds = 0;
    String root = null;
    List<String> rest = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> configFile = value(args, ++i, "--config");
        case "--socket" -> socket = value(args, ++i, "--socket");
        case "--l2tp-port" -> l2tpPort = Integer.parseInt(value(args, ++i, "--l2tp-port"));
        case "--ike-port" -> ikePort = Integer.parseInt(value(args, ++i, "--ike-port"));
        case "--nat-t-port" -> natTPort = Integer.parseInt(value(args, ++i, "--nat-t-port"));
        case "--tun" -> tun = value(args, ++i, "--tun");
        case "--loops" -> loops = Integer.parseInt(value(args, ++i, "--loops"));
        case "--seconds" -> seconds = Long.parseLong(value(args, ++i, "--seconds"));
        case "--root" -> root = value(args, ++i, "--root");
        default -> rest.add(args[i]);
      }
    }
    Path sock = Path.of(socket != null ? socket : defaultSocket());
    return switch (args[0]) {
      case "install" -> Install.run(root == null ? null : Path.of(root), configFile, env, out);
      case "run" -> serve(configFile, sock, new Ports(l2tpPort, ikePort, natTPort), tun, loops, env, out, err);
      case "cli" -> InteractiveCli.run(sock);
      case "exec" -> InteractiveCli.exec(sock, rest, env.get("JLNS_ENABLE_SECRET"),
          new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true, StandardCharsets.UTF_8));
      case "monitor" -> InteractiveCli.monitor(sock, rest, env.get("JLNS_ENABLE_SECRET"), seconds,
          new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true, StandardCharsets.UTF_8));
      case "check" -> {
        if (configFile == null) {
          err.println("% jlns check needs --config FILE");
          yield 2;
        }
        yield check(Path.of(configFile), out);
      }
      case "version", "--version" -> {
        out.println("jlns " + version());
        yield 0;
      }
      default -> {
        err.println("% Unknown command '" + args[0] + "'\n" + USAGE);
        yield 2;
      }
    };
  }

  private static String value(String[] args, int i, String opt) throws IOException {
    if (i >= args.length) {
      throw new IOException(opt + " needs a value");
    }
    return args[i];
  }

  static String defaultSocket() {
    if ("root".equals(System.getProperty("user.name"))) {
      return "/run/jlns/jlns.sock";
    }
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    return (runtime != null ? runtime : "/tmp/jlns-" + System.getProperty("user.name")) + "/jlns.sock";
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  static int check(Path file, PrintStream out) throws IOException {
    String text = read(file);
    ConfigLoader.Loaded l = new ConfigLoader(new ConfigGrammar(), SecretHasher.secure()).load(text);
    List<Diagnostic> all = new ArrayList<>(l.diagnostics());
    if (l.ok()) {
      all.addAll(ConfigValidator.validate(l.config(), HostAddresses.ipv4()));
    }
    String name = file.toString();
    for (Diagnostic d : all) {
      if (d.severity() != Diagnostic.Severity.INERT) {
        out.println(d.render(name));
      }
    }
    List<Diagnostic> inert = all.stream().filter(d -> d.severity() == Diagnostic.Severity.INERT).toList();
    if (!inert.isEmpty()) {
      out.println(name + ": accepted, not acted on (kept verbatim in the running configuration):");
      inert.forEach(d -> out.println(String.format("  line %3d: %s", d.line(), d.text().strip())));
    }
    long errors = all.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    long warnings = all.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count();
    out.println(name + ": " + (errors == 0 ? "OK" : "FAILED") + ": " + l.lines() + " lines, " + errors + " errors, "
        + warnings + " warnings, " + inert.size() + " commands accepted but not acted on, " + l.comments()
        + " comment lines (not kept, as in IOS)");
    return errors == 0 ? 0 : 1;
  }

  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + file);
    }
  }

  private static int serve(String configFile, Path socket, Ports ports, String tun, int loops, Map<String, String> env,
      PrintStream out,
      PrintStream err)
      throws IOException {
    Path installed = Path.of(env.getOrDefault("JLNS_CONFIG", Install.CONFIG.toString()));
    if (configFile == null && Files.isRegularFile(installed)) {
      configFile = installed.toString();
    }
    String text = configFile == null
        ? DefaultConfig.text(env, DefaultConfig.secureRandom(), out)
        : read(Path.of(configFile));
    String name = configFile == null ? "(embedded default)" : configFile;
    ConfigGrammar grammar = new ConfigGrammar();
    ConfigLoader.Loaded l = new ConfigLoader(grammar, SecretHasher.secure()).load(text);
    if (!l.ok()) {
      l.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
          .forEach(d -> err.println(d.render(name)));
      err.println("% jlns run: " + name + " has errors; nothing was started");
      return 1;
    }
    List<String> masked = ConfigValidator.maskedSecrets(l.config());
    if (!masked.isEmpty()) {
      masked.forEach(m -> err.println("% " + name + ": " + m + " is masked ('*****'); put the real secret there"));
      err.println("% jlns run: refusing to start with masked secrets");
      return 1;
    }
    l.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING)
        .forEach(d -> err.println(d.render(name)));
    Server server = Server.start(l.config(), configFile == null ? null : Path.of(configFile), socket, grammar, version(), ports, tun, loops);
    if (configFile != null) {
      // systemctl reload (ExecReload sends SIGHUP): the file again, applied as 'configure replace' would.
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> new Thread(server::reload, "reload").start());
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (IOException e) {
        // exiting anyway
      }
      stop.countDown();
    }));
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Integer.MIN_VALUE;
  }
}
