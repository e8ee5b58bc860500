package io.jlns.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code jlns cli}: an IOS-like terminal on the control socket. {@code ?} shows help at once,
 * Tab completes, CNTL/Z leaves configuration mode, history and line editing come from JLine.
 */
public final class InteractiveCli {
  private InteractiveCli() {}

  public static int run(Path socket) throws IOException {
    try (ControlClient client = new ControlClient(socket);
        Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      return session(terminal, client);
    }
  }

  /**
   * The IOS terminal on {@code terminal} (the user's tty, or an SSH channel): prompts, {@code ?}
   * help, Tab completion, CNTL/Z, history and line editing, {@code terminal monitor} lines above
   * the line being typed. Returns when the session ends ({@code exit}, or end of input).
   */
  public static int session(Terminal terminal, CliLink client) throws IOException {
    PrintWriter w = terminal.writer();
    // CNTL/Z ends configuration mode, as on IOS: the terminal must deliver it, not suspend us.
    Attributes attrs = terminal.getAttributes();
    attrs.setControlChar(Attributes.ControlChar.VSUSP, 0);
    terminal.setAttributes(attrs);
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .completer((r, line, candidates) -> {
          try {
            String before = line.line().substring(0, line.cursor());
            for (String c : client.send(ControlProtocol.COMPLETE, before).lines()) {
              if (!c.isEmpty()) {
                candidates.add(new Candidate(c));
              }
            }
          } catch (IOException e) {
            // no completion when the server is gone; the next line reports it
          }
        })
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.AUTO_FRESH_LINE, true)
        .build();
    reader.getWidgets().put("ios-help", () -> {
      String buf = reader.getBuffer().toString();
      try {
        ControlClient.Reply r = client.send(ControlProtocol.HELP, buf);
        w.println("?");
        w.print(r.text());
        w.flush();
      } catch (IOException e) {
        return false;
      }
      reader.callWidget(LineReader.REDRAW_LINE);
      reader.callWidget(LineReader.REDISPLAY);
      return true;
    });
    reader.getWidgets().put("ios-end", () -> {
      try {
        client.send(ControlProtocol.END, "");
        reader.getBuffer().clear();
        reader.callWidget(LineReader.ACCEPT_LINE);
      } catch (IOException e) {
        return false;
      }
      return true;
    });
    // terminal monitor: log and debug lines above the line being typed, as IOS prints them
    client.onMonitor(reader::printAbove);
    reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("ios-help"), "?");
    reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("ios-end"), KeyMap.ctrl('Z'));
    String prompt = client.send(ControlProtocol.PROMPT, "").prompt();
    while (true) {
      String line;
      try {
        line = prompt.equals("Password: ") ? reader.readLine(prompt, '*') : reader.readLine(prompt);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        return 0;
      }
      ControlClient.Reply r = client.send(ControlProtocol.EXECUTE, line);
      w.print(r.text());
      w.flush();
      if (r.status() == Response.Status.CLOSE) {
        return 0;
      }
      prompt = r.prompt();
    }
  }

  /** {@code jlns exec CMD...}: runs the lines in order, prints their output, stops at the first error. */
  public static int exec(Path socket, List<String> commands, String enableSecret, PrintWriter out, PrintWriter err)
      throws IOException {
    try (ControlClient client = new ControlClient(socket)) {
      return lines(client, commands, enableSecret, out, err);
    }
  }

  /**
   * {@code jlns monitor CMD...}: runs the lines as {@code exec} does (say {@code enable} and
   * {@code debug crypto isakmp}), then {@code terminal monitor}, and prints log and debug lines as
   * they happen for {@code seconds} (0: until interrupted): a {@code tail -f} of the server's
   * logging, as an operator gets it on a vty with {@code terminal monitor}.
   */
  public static int monitor(Path socket, List<String> commands, String enableSecret, long seconds, PrintWriter out,
      PrintWriter err) throws IOException {
    try (ControlClient client = new ControlClient(socket)) {
      client.onMonitor(l -> {
        synchronized (out) {
          out.println(l);
          out.flush();
        }
      });
      List<String> all = new java.util.ArrayList<>(commands);
      all.add("terminal monitor");
      int rc = lines(client, all, enableSecret, out, err);
      if (rc != 0) {
        return rc;
      }
      try {
        Thread.sleep(seconds <= 0 ? Long.MAX_VALUE : seconds * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }

  private static int lines(ControlClient client, List<String> commands, String enableSecret, PrintWriter out, PrintWriter err)
      throws IOException {
    String prompt = client.send(ControlProtocol.PROMPT, "").prompt();
    for (String cmd : commands) {
      ControlClient.Reply r = client.send(ControlProtocol.EXECUTE, cmd);
      if (r.status() == Response.Status.ERROR) {
        out.println(prompt + cmd);
      }
      prompt = r.prompt();
      out.print(r.text());
      if (r.status() == Response.Status.PASSWORD) {
        if (enableSecret == null) {
          err.println("% '" + cmd + "' asks for the enable secret: set JLNS_ENABLE_SECRET");
          out.flush();
          err.flush();
          return 1;
        }
        r = client.send(ControlProtocol.EXECUTE, enableSecret);
        out.print(r.text());
      }
      if (r.status() == Response.Status.ERROR) {
        out.flush();
        err.println("% jlns: stopped at '" + cmd + "'");
        err.flush();
        return 1;
      }
      if (r.status() == Response.Status.CLOSE) {
        break;
      }
    }
    out.flush();
    return 0;
  }
}
