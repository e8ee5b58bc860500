package io.jlns.loadgen;

import io.jlns.crypto.DiffieHellman;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code jlns loadgen [options] SERVER}: a fleet of L2TP/IPsec clients in one JVM. */
public final class LoadGen {
  static final String USAGE = """
      usage: jlns loadgen [options] SERVER
        --scenario connect|hold|throughput|churn|flood   (default connect)
                             flood: forged Main Mode message 1s from --clients ports, and a message 3
                             with a random public value for every message 2 (needs no key or user)
        --clients N          clients (default 10)
        --rate R             connects started per second (default: as fast as they come)
        --concurrency C      clients connecting at once when no --rate (default 50)
        --psk K              pre-shared key (or JLNS_PSK)
        --user U --password P | --users FILE   (FILE: 'user password' per line, used in turn)
        --auth chap|mschapv2|pap                  (default mschapv2)
        --profile windows|macos|linux[,...]     a mix: windows:3,macos:1 (default windows)
        --ike LIST           Main Mode proposals, e.g. aes256-sha1-modp2048,3des-sha1-modp1024 (default: the profile's)
        --esp LIST           ESP proposals, e.g. aes256-sha1,3des-sha1,aes128gcm16 (default: the profile's)
        --pfs GROUP          PFS in Quick Mode (modp1024, modp2048, ecp256...)
        --source A[-B]       source addresses (each client gets its own UDP port on one of them)
        --ike-port N --nat-t-port N   the server's ports (default 500, 4500)
        --ping ADDR          echo target (default: the server's PPP address, its Loopback0)
        --size B             IP packet size of each echo (default 64)
        --pps N              echoes per second per client (default 0: none; 1 for hold)
        --window W           instead of --pps: W echoes in flight per client, a new one per reply
                             (flood: message 1s written per system call, default 64)
        --duration S         seconds every client holds (connect 0, hold 60, throughput 10; churn: per client)
        --timeout S          seconds a client may take to connect (default 60)
        --max-failures N     stop starting clients once N have failed to connect (default: never)
        --max-time S         bound on the whole run (default: enough for the ramp, the hold and the leaving)
        --threads N          event loops (default: cores)
        --fresh-dh           a new DH key pair per client (default: a pool of 32 per group, reused)
        --json FILE          results as JSON
        --ready-file FILE    written once every client has connected or failed
      exit status: 0 when every client connected (and none dropped), 1 otherwise, 2 on bad usage""";

  private LoadGen() {}

  public static void main(String[] args) {
    // Netty derives a machine id from a MAC address; in a namespace with only loopback it warns.
    if (System.getProperty("io.netty.machineId") == null) {
      System.setProperty("io.netty.machineId", "02:00:00:00:00:01");
    }
    int rc;
    try {
      rc = run(args, System.out, System.err);
    } catch (IllegalArgumentException e) {
      System.err.println("% jlns loadgen: " + e.getMessage());
      rc = 2;
    } catch (Exception e) {
      System.err.println("% jlns loadgen: " + e);
      rc = 1;
    }
    System.exit(rc);
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    Options o = Options.parse(args);
    Fleet.Settings s = o.settings();
    if (s.scenario().equals("flood")) {
      new Flood(s).run(out);
      return 0;
    }
    Fleet fleet = new Fleet(s);
    boolean tty = System.console() != null;
    Report report = new Report(fleet, s);
    long[] lastBytes = {0};
    long[] ticks = {0};
    fleet.run(() -> {
      ticks[0]++;
      if (tty || ticks[0] % 10 == 0) {
        String line = report.progress(lastBytes);
        out.print(tty ? "\r" + line : line + "\n");
        out.flush();
      } else {
        report.progress(lastBytes);
      }
    });
    if (tty) {
      out.println();
    }
    report.summary(out);
    if (o.json() != null) {
      Files.writeString(Path.of(o.json()), report.json(), StandardCharsets.UTF_8);
    }
    Stats st = fleet.stats();
    return st.failuresTotal() == 0 && st.connected.sum() >= s.clients() ? 0 : 1;
  }

  /** The command line, checked. */
  record Options(Fleet.Settings settings, String json) {
    static Options parse(String[] args) throws IOException {
      String scenario = "connect";
      String server = null;
      int clients = 10;
      double rate = 0;
      int concurrency = 50;
      String psk = System.getenv("JLNS_PSK");
      String user = null;
      String password = null;
      String usersFile = null;
      PppPeer.Auth auth = PppPeer.Auth.MSCHAPV2;
      String profile = "windows";
      String ike = null;
      String esp = null;
      DiffieHellman.Group pfs = null;
      String source = "0.0.0.0";
      int ikePort = 500;
      int natTPort = 4500;
      InetAddress ping = null;
      int size = 64;
      Integer pps = null;
      int window = 0;
      Double duration = null;
      double timeout = 60;
      Double maxTime = null;
      int threads = Runtime.getRuntime().availableProcessors();
      boolean freshDh = false;
      long maxFailures = Long.MAX_VALUE;
      String json = null;
      String ready = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("--")) {
          if (server != null) {
            throw new IllegalArgumentException("one SERVER only ('" + server + "' and '" + a + "')");
          }
          server = a;
          continue;
        }
        if (a.equals("--fresh-dh")) {
          freshDh = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--scenario" -> scenario = switch (v) {
            case "connect", "hold", "throughput", "churn", "flood" -> v;
            default -> throw new IllegalArgumentException("--scenario: connect, hold, throughput, churn or flood");
          };
          case "--clients" -> clients = positive(a, v);
          case "--rate" -> rate = Double.parseDouble(v);
          case "--concurrency" -> concurrency = positive(a, v);
          case "--psk" -> psk = v;
          case "--user" -> user = v;
          case "--password" -> password = v;
          case "--users" -> usersFile = v;
          case "--auth" -> auth = switch (v.toLowerCase(Locale.ROOT)) {
            case "chap" -> PppPeer.Auth.CHAP;
            case "mschapv2", "ms-chap-v2", "mschap-v2" -> PppPeer.Auth.MSCHAPV2;
            case "pap" -> PppPeer.Auth.PAP;
            default -> throw new IllegalArgumentException("--auth: chap, mschapv2 or pap");
          };
          case "--profile" -> profile = v;
          case "--ike" -> ike = v;
          case "--esp" -> esp = v;
          case "--pfs" -> {
            pfs = Suites.groupNamed(v.toLowerCase(Locale.ROOT).replace("group", "modp"));
            if (pfs == null) {
              throw new IllegalArgumentException("--pfs: a group such as modp1024, modp2048, ecp256");
            }
          }
          case "--source" -> source = v;
          case "--ike-port" -> ikePort = positive(a, v);
          case "--nat-t-port" -> natTPort = positive(a, v);
          case "--ping" -> ping = InetAddress.getByName(v);
          case "--size" -> size = positive(a, v);
          case "--pps" -> pps = Integer.parseInt(v);
          case "--window" -> window = Integer.parseInt(v);
          case "--duration" -> duration = Double.parseDouble(v);
          case "--timeout" -> timeout = Double.parseDouble(v);
          case "--max-time" -> maxTime = Double.parseDouble(v);
          case "--threads" -> threads = positive(a, v);
          case "--max-failures" -> maxFailures = Long.parseLong(v);
          case "--json" -> json = v;
          case "--ready-file" -> ready = v;
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (server == null) {
        throw new IllegalArgumentException("SERVER missing");
      }
      boolean flood = scenario.equals("flood");
      if (flood) {
        psk = psk == null ? "" : psk;
        user = user == null ? "-" : user;
        password = password == null ? "-" : password;
      }
      if (psk == null) {
        throw new IllegalArgumentException("--psk (or JLNS_PSK) missing");
      }
      List<String[]> users = new ArrayList<>();
      if (usersFile != null) {
        for (String line : Files.readAllLines(Path.of(usersFile))) {
          String[] w = line.trim().split("\\s+");
          if (w.length >= 2 && !w[0].startsWith("#")) {
            users.add(new String[] {w[0], w[1]});
          }
        }
      } else if (user != null && password != null) {
        users.add(new String[] {user, password});
      }
      if (users.isEmpty()) {
        throw new IllegalArgumentException("--user and --password (or --users FILE) missing");
      }
      double dur = duration != null ? duration : switch (scenario) {
        case "hold" -> 60;
        case "throughput" -> 10;
        case "churn" -> 5;
        case "flood" -> 10;
        default -> 0;
      };
      int rpps = pps != null ? pps : scenario.equals("hold") ? 1 : 0;
      if (scenario.equals("throughput") && rpps == 0 && window == 0) {
        window = 4;
      }
      Suites.ike(ike != null ? ike : "3des-sha1-modp1024");
      Suites.esp(esp != null ? esp : "3des-sha1");
      long ramp = rate > 0 ? (long) (clients / rate * 1000) : clients * 50L;
      long bound = maxTime != null ? (long) (maxTime * 1000)
          : (long) (timeout * 1000) + ramp + (long) (dur * 1000) + 15_000;
      Fleet.Settings s = new Fleet.Settings(scenario, InetAddress.getByName(server), ikePort, natTPort,
          psk.getBytes(StandardCharsets.UTF_8), users, auth, ike, esp, pfs, Profile.mix(profile), sources(source), ping, size,
          rpps, window, (long) (dur * 1000), clients, rate, concurrency, (long) (timeout * 1000), bound, ready, freshDh, threads,
          maxFailures);
      return new Options(s, json);
    }

    private static int positive(String opt, String v) {
      int n = Integer.parseInt(v);
      if (n <= 0) {
        throw new IllegalArgumentException(opt + " must be positive");
      }
      return n;
    }

    /** {@code 127.0.0.2-127.0.0.9}: every address of the range (at most 65536). */
    static List<InetAddress> sources(String spec) throws IOException {
      String[] p = spec.split("-");
      byte[] a = InetAddress.getByName(p[0]).getAddress();
      long from = toLong(a);
      long to = p.length > 1 ? toLong(InetAddress.getByName(p[1]).getAddress()) : from;
      if (to < from || to - from > 65535) {
        throw new IllegalArgumentException("--source range " + spec + " is empty or longer than 65536 addresses");
      }
      List<InetAddress> out = new ArrayList<>();
      for (long x = from; x <= to; x++) {
        out.add(InetAddress.getByAddress(new byte[] {(byte) (x >>> 24), (byte) (x >>> 16), (byte) (x >>> 8), (byte) x}));
      }
      return out;
    }

    private static long toLong(byte[] a) {
      return (a[0] & 0xFFL) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | a[3] & 0xFF;
    }
  }
}
