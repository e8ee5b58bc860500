package io.jlns.vty;

import io.jlns.cli.CliContext;
import io.jlns.cli.ControlProtocol;
import io.jlns.cli.InteractiveCli;
import io.jlns.cli.LocalLink;
import io.jlns.cli.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * One SSH vty: the IOS CLI over the channel, with JLine line editing, as the local {@code jlns cli}
 * has it; or, for an exec request ({@code ssh user@lns 'show version'}), one command line run and
 * its output returned, as IOS does.
 */
final class VtyShell implements Command {
  private final CliContext ctx;
  private final String line;
  private final boolean privileged;
  private final String command;
  private final Runnable onEnd;
  private final io.jlns.cli.Terminals.Line term;
  private InputStream in;
  private OutputStream out;
  private ExitCallback exit;
  private Thread thread;

  /** @param command the exec request's command line, null for an interactive shell */
  VtyShell(CliContext ctx, String line, boolean privileged, String command, io.jlns.cli.Terminals.Line term, Runnable onEnd) {
    this.term = term;
    this.ctx = ctx;
    this.line = line;
    this.privileged = privileged;
    this.command = command;
    this.onEnd = onEnd;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // one stream, as a terminal has
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    thread = new Thread(() -> run(env), "ssh-" + line);
    thread.setDaemon(true);
    thread.start();
  }

  private void run(Environment env) {
    int rc = 0;
    try (LocalLink link = new LocalLink(ctx, line, privileged)) {
      if (command != null) {
        io.jlns.cli.ControlClient.Reply r = link.send(ControlProtocol.EXECUTE, command);
        out.write(r.text().getBytes(StandardCharsets.UTF_8));
        out.flush();
        rc = r.status() == Response.Status.ERROR ? 1 : 0;
      } else {
        // The channel is the master side of a terminal JLine emulates (no pty of the host's).
        Terminal t = new ExternalTerminal("vty", env.getEnv().getOrDefault(Environment.ENV_TERM, "vt100"), in, out,
            StandardCharsets.UTF_8);
        try (t) {
          t.setSize(new Size(parse(env.getEnv().get(Environment.ENV_COLUMNS), 80), parse(env.getEnv().get(Environment.ENV_LINES),
              24)));
          Attributes a = t.getAttributes();
          a.setOutputFlag(Attributes.OutputFlag.OPOST, true);
          a.setOutputFlag(Attributes.OutputFlag.ONLCR, true);
          a.setInputFlag(Attributes.InputFlag.ICRNL, true);
          t.setAttributes(a);
          rc = InteractiveCli.session(t, new io.jlns.cli.CliLink() {
            @Override
            public io.jlns.cli.ControlClient.Reply send(char op, String text) {
              term.touch();
              return link.send(op, text);
            }

            @Override
            public void onMonitor(java.util.function.Consumer<String> sink) {
              link.onMonitor(sink);
            }
          });
        }
      }
    } catch (IOException | RuntimeException e) {
      rc = 1;
    } finally {
      onEnd.run();
      exit.onExit(rc);
    }
  }

  private static int parse(String s, int dflt) {
    try {
      // A client without a tty of its own (ssh -tt from a script) sends a window of 0 columns.
      int v = s == null ? dflt : Integer.parseInt(s);
      return v <= 0 ? dflt : v;
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  @Override
  public void destroy(ChannelSession channel) {
    if (thread != null) {
      thread.interrupt();
    }
  }
}
