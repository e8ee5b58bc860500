package io.jlns.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A CLI session inside the server (an SSH vty): the same {@link ExecSession} and the same reply
 * protocol as the control socket, without the socket.
 */
public final class LocalLink implements CliLink, AutoCloseable {
  private final ExecSession session;
  private volatile Consumer<String> monitor = l -> { };
  private Thread drain;

  /** @param privileged start in privileged EXEC (a user of privilege 15), as IOS does */
  public LocalLink(CliContext ctx, String line, boolean privileged) {
    session = new ExecSession(ctx, line);
    if (privileged) {
      session.enable15();
    }
  }

  public String prompt() {
    return session.prompt();
  }

  public boolean closed() {
    return session.closed();
  }

  @Override
  public void onMonitor(Consumer<String> sink) {
    monitor = sink;
  }

  @Override
  public synchronized ControlClient.Reply send(char op, String text) {
    List<String> raw = ControlServer.reply(session, op + " " + text);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < raw.size() - 1; i++) {
      lines.add(raw.get(i).length() > 2 ? raw.get(i).substring(2) : "");
    }
    String last = raw.get(raw.size() - 1);
    int sp = last.indexOf(' ', 2);
    if (session.monitor() != null && (drain == null || !drain.isAlive())) {
      drain = new Thread(this::drain, "monitor-ssh");
      drain.setDaemon(true);
      drain.start();
    }
    return new ControlClient.Reply(lines, Response.Status.valueOf(last.substring(2, sp)), last.substring(sp + 1));
  }

  private void drain() {
    ControlServer.pump(session, l -> {
      monitor.accept(l);
      return true;
    });
  }

  @Override
  public void close() {
    session.monitor(false);
  }
}
