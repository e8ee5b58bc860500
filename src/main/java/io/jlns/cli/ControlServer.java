package io.jlns.cli;

import io.jlns.config.grammar.Matcher;
import io.jlns.log.LogHub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local control socket the CLI attaches to: a Unix-domain socket, mode 0600 in a 0700
 * directory, so only its owner (root) can reach it. One thread per attached CLI; the CLI is
 * not on the packet path.
 */
public final class ControlServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
  private final CliContext ctx;
  private final Path path;
  private final ServerSocketChannel server;
  private final AtomicInteger vty = new AtomicInteger();
  private final Thread acceptor;

  public ControlServer(CliContext ctx, Path path) throws IOException {
    this.ctx = ctx;
    this.path = path;
    Path dir = path.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    if (Files.exists(path)) {
      if (stillServed(path)) {
        throw new IOException("another jlns already listens on " + path);
      }
      Files.delete(path);
    }
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    acceptor = new Thread(this::acceptLoop, "control-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public Path path() {
    return path;
  }

  private static boolean stillServed(Path path) {
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel ch = server.accept();
        String name = "vty" + vty.getAndIncrement();
        Thread t = new Thread(() -> serve(ch, name), "control-" + name);
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (server.isOpen()) {
          LOG.warn("%SYS-4-CONTROL: accept on {} failed: {}", path, e.getMessage());
        }
      }
    }
  }

  private void serve(SocketChannel ch, String name) {
    ExecSession session = new ExecSession(ctx, name);
    Terminals.Line term = Terminals.open("cli", Integer.parseInt(name.substring(3)), "-", "control socket", () -> {
      try {
        ch.close();
      } catch (IOException e) {
        // closing
      }
    });
    try (ch;
        BufferedReader in = new BufferedReader(new InputStreamReader(ChannelStreams.in(ch), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(ChannelStreams.out(ch), StandardCharsets.UTF_8))) {
      String req;
      Thread drain = null;
      while ((req = readLine(in)) != null) {
        if (req.isEmpty()) {
          continue;
        }
        if (req.length() > MAX_LINE) {
          out.println(ControlProtocol.lastLine(Response.Status.ERROR, session.prompt()));
          out.flush();
          LOG.warn("%SYS-4-CONTROL: {} sent a request line over {} characters: session ended", name, MAX_LINE);
          break;
        }
        term.touch();
        List<String> reply = reply(session, req);
        synchronized (out) {
          reply.forEach(out::println);
          out.flush();
        }
        if (session.monitor() != null && (drain == null || !drain.isAlive())) {
          drain = new Thread(() -> monitor(session, out), "monitor-" + name);
          drain.setDaemon(true);
          drain.start();
        }
        if (session.closed()) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("%SYS-4-CONTROL: {} session ended: {}", name, e.toString());
    } finally {
      session.monitor(false);
      Terminals.close(term);
    }
  }

  /** {@code terminal monitor}: copies the session's monitor lines to it until it turns them off or leaves. */
  private static void monitor(ExecSession session, PrintWriter out) {
    pump(session, l -> {
      synchronized (out) {
        out.println(ControlProtocol.monitorLine(l));
        out.flush();
        return !out.checkError();
      }
    });
  }

  /**
   * Hands the session's monitor lines to {@code write} (false: stop) while {@code terminal monitor}
   * is on, first saying how many were lost if the terminal fell behind.
   */
  static void pump(ExecSession session, java.util.function.Predicate<String> write) {
    try {
      while (true) {
        LogHub.Monitor m = session.monitor();
        if (m == null || m.closed()) {
          return;
        }
        String l = m.next(500);
        if (l == null) {
          continue;
        }
        long lost = m.takeLost();
        if (lost > 0 && !write.test("%SYS-4-MONITOR: " + lost + " line(s) lost: this terminal fell behind")) {
          return;
        }
        if (!write.test(l)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A request line longer than this ends the session (a line is a command; memory stays bounded). */
  static final int MAX_LINE = 16 * 1024;

  /** The next line, read only up to one character past {@link #MAX_LINE}; null at the end of the stream. */
  static String readLine(BufferedReader in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        return b.toString();
      }
      if (c != '\r' && b.length() <= MAX_LINE) {
        b.append((char) c);
      }
      if (b.length() > MAX_LINE) {
        return b.toString();
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  /**
   * The reply lines to one request line ({@link ControlProtocol}): output lines, then the
   * status and prompt line.
   */
  static List<String> reply(ExecSession session, String req) {
    char op = req.charAt(0);
    String text = req.length() > 2 ? req.substring(2) : "";
    Response r = handle(session, op, text);
    List<String> lines = new java.util.ArrayList<>();
    String o = r.output().endsWith("\n") ? r.output().substring(0, r.output().length() - 1) : r.output();
    if (!r.output().isEmpty()) {
      for (String l : o.split("\n", -1)) {
        lines.add(ControlProtocol.outputLine(l));
      }
    }
    lines.add(ControlProtocol.lastLine(r.status(), session.prompt()));
    return lines;
  }

  private static Response handle(ExecSession s, char op, String text) {
    switch (op) {
      case ControlProtocol.EXECUTE:
        return s.execute(text);
      case ControlProtocol.HELP: {
        List<Matcher.HelpEntry> help = s.help(text);
        if (help.isEmpty()) {
          return Response.error("% Unrecognized command");
        }
        int w = help.stream().mapToInt(h -> h.token().length()).max().orElse(0);
        StringBuilder b = new StringBuilder();
        help.forEach(h -> b.append("  ").append(String.format("%-" + Math.max(w, 1) + "s", h.token()))
            .append(h.help().isEmpty() ? "" : "  " + h.help()).append('\n'));
        return Response.ok(b.toString());
      }
      case ControlProtocol.COMPLETE:
        return Response.ok(String.join("\n", s.complete(text)));
      case ControlProtocol.END:
        s.endConfig();
        return Response.ok("");
      case ControlProtocol.PROMPT:
        return Response.ok("");
      default:
        return Response.error("% Unknown control operation '" + op + "'");
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(path);
  }
}
